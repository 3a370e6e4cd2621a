/* test_monitor.c - placement monitoring: the schedule and the status of
 * questionnaires, the advice per risk signal, derived signals and the
 * outcome classification. Expected dates worked out by hand. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/monitor.h"
#include "core/signals.h"

static sw_date D(const char *s)
{
	sw_date d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void test_names(void **state)
{
	(void)state;
	assert_int_equal(MONITOR_FACTOR__COUNT, 7);
	for (int i = 0; i < MONITOR_FACTOR__COUNT; i++) {
		enum monitor_factor f;
		assert_int_equal(monitor_factor_parse(monitor_factor_names[i], &f), 0);
		assert_int_equal(f, i);
	}
	assert_string_equal(monitor_factor_name(MONITOR_BREED_GEDRAGEN_WERK), "breed_gedragen_werk");
	assert_string_equal(monitor_moment_name(MONITOR_T1), "T1");
	assert_string_equal(monitor_route_name(MONITOR_ROUTE_BAANHERONTWERP), "baanherontwerp");
	assert_string_equal(monitor_status_name(MONITOR_TE_LAAT), "te_laat");
	assert_string_equal(monitor_factor_name((enum monitor_factor)99), "");
	enum monitor_moment m;
	assert_int_equal(monitor_moment_parse("T4", &m), -1);
	assert_int_equal(monitor_moment_parse("t1", &m), -1);
	assert_int_equal(monitor_moment_parse(NULL, &m), -1);
	enum monitor_risk r;
	assert_int_equal(monitor_risk_parse("niet_verschenen", &r), 0);
	assert_int_equal(r, MONITOR_RISK_NIET_VERSCHENEN);
	assert_null(monitor_perspective_names[MONITOR_PERSPECTIVE__COUNT]);
}

static void test_schedule(void **state)
{
	(void)state;
	const char *field = NULL;
	struct monitor_schedule s = { MONITOR_DEFAULT_T2, MONITOR_DEFAULT_T3 };
	assert_int_equal(monitor_schedule_check(&s, &field), 0);
	s = (struct monitor_schedule){ 12, 24 };
	assert_int_equal(monitor_schedule_check(&s, &field), -1);
	assert_string_equal(field, "t2_months");
	s = (struct monitor_schedule){ 18, 18 };
	assert_int_equal(monitor_schedule_check(&s, &field), -1);
	assert_string_equal(field, "t3_months");
	s = (struct monitor_schedule){ 18, 121 };
	assert_int_equal(monitor_schedule_check(&s, &field), -1);
	s = (struct monitor_schedule){ 13, 120 };
	assert_int_equal(monitor_schedule_check(&s, &field), 0);

	s = (struct monitor_schedule){ 18, 30 };
	const sw_date start = D("2024-01-31");
	assert_int_equal(monitor_due(start, &s, MONITOR_T0), start);
	assert_int_equal(monitor_due(start, &s, MONITOR_T1), D("2025-01-31"));
	assert_int_equal(monitor_due(start, &s, MONITOR_T2), D("2025-07-31"));
	assert_int_equal(monitor_due(start, &s, MONITOR_T3), D("2026-07-31"));
	/* The last day of a shorter month; leap years. */
	assert_int_equal(monitor_add_months(start, 1), D("2024-02-29"));
	assert_int_equal(monitor_add_months(D("2024-02-29"), 12), D("2025-02-28"));
	assert_int_equal(monitor_add_months(D("2025-11-15"), 2), D("2026-01-15"));
}

static void test_status(void **state)
{
	(void)state;
	const sw_date due = D("2026-03-02");
	assert_int_equal(monitor_status_of(due, false, DATE_NONE, D("2026-02-15")), MONITOR_GEPLAND);
	assert_int_equal(monitor_status_of(due, false, DATE_NONE, D("2026-02-16")), MONITOR_OPEN);
	assert_int_equal(monitor_status_of(due, false, DATE_NONE, D("2026-03-16")), MONITOR_OPEN);
	assert_int_equal(monitor_status_of(due, false, DATE_NONE, D("2026-03-17")), MONITOR_TE_LAAT);
	assert_int_equal(monitor_status_of(due, true, DATE_NONE, D("2026-03-17")), MONITOR_INGEVULD);
	/* Ended before it was due: no reminder; ended on the due day: due. */
	assert_int_equal(monitor_status_of(due, false, D("2026-03-01"), D("2026-04-01")),
			 MONITOR_VERVALLEN);
	assert_int_equal(monitor_status_of(due, false, due, D("2026-04-01")), MONITOR_TE_LAAT);
	assert_true(monitor_status_reminds(MONITOR_OPEN));
	assert_true(monitor_status_reminds(MONITOR_TE_LAAT));
	assert_false(monitor_status_reminds(MONITOR_GEPLAND));
	assert_false(monitor_status_reminds(MONITOR_INGEVULD));
	assert_false(monitor_status_reminds(MONITOR_VERVALLEN));
}

static void test_advice(void **state)
{
	(void)state;
	const sw_date noted = D("2026-03-02");
	struct monitor_advice a = monitor_advise(MONITOR_RISK_ZIEKMELDING, noted, DATE_NONE);
	assert_int_equal(a.route, MONITOR_ROUTE_VITALISERING);
	assert_int_equal(a.follow_up, D("2026-03-09"));
	a = monitor_advise(MONITOR_RISK_GEDRAGSVERANDERING, noted, DATE_NONE);
	assert_int_equal(a.route, MONITOR_ROUTE_VITALISERING);
	assert_int_equal(a.follow_up, D("2026-03-16"));
	a = monitor_advise(MONITOR_RISK_NIET_VERSCHENEN, noted, DATE_NONE);
	assert_int_equal(a.route, MONITOR_ROUTE_ONTWIKKEL);
	a = monitor_advise(MONITOR_RISK_UREN_BOVEN_BELASTBAARHEID, noted, DATE_NONE);
	assert_int_equal(a.route, MONITOR_ROUTE_BAANHERONTWERP);
	assert_int_equal(a.follow_up, D("2026-03-09"));
	/* Far end: 14 days; end in 35 days: 28 days before it; end in 10
	 * days: at once. */
	a = monitor_advise(MONITOR_RISK_CONTRACT_EINDE, noted, D("2026-05-01"));
	assert_int_equal(a.route, MONITOR_ROUTE_MOBILITEIT);
	assert_int_equal(a.follow_up, D("2026-03-16"));
	a = monitor_advise(MONITOR_RISK_CONTRACT_EINDE, noted, D("2026-04-06"));
	assert_int_equal(a.follow_up, D("2026-03-09"));
	a = monitor_advise(MONITOR_RISK_SUBSIDIE_EINDE, noted, D("2026-03-12"));
	assert_int_equal(a.route, MONITOR_ROUTE_ONTWIKKEL);
	assert_int_equal(a.follow_up, noted);
}

static void test_derive(void **state)
{
	(void)state;
	const sw_date today = D("2026-03-02");
	struct monitor_facts f = { .start = D("2025-09-01"), .ended = DATE_NONE,
				   .contract_until = DATE_NONE, .subsidy_until = DATE_NONE,
				   .last_sick_report = DATE_NONE };
	assert_int_equal(monitor_derive(&f, today), 0);
	f.contract_until = D("2026-05-02");   /* today + 2 months: still inside */
	assert_int_equal(monitor_derive(&f, today), 1u << MONITOR_RISK_CONTRACT_EINDE);
	f.contract_until = D("2026-05-03");
	assert_int_equal(monitor_derive(&f, today), 0);
	f.contract_until = D("2026-03-01");   /* already past: not a warning */
	assert_int_equal(monitor_derive(&f, today), 0);
	f.subsidy_until = D("2026-04-30");
	f.hours_per_week = 28;
	f.capacity_hours = 24;
	f.last_sick_report = D("2026-02-10");
	assert_int_equal(monitor_derive(&f, today),
			 (1u << MONITOR_RISK_SUBSIDIE_EINDE) |
				 (1u << MONITOR_RISK_UREN_BOVEN_BELASTBAARHEID) |
				 (1u << MONITOR_RISK_ZIEKMELDING));
	f.hours_per_week = 24;
	f.last_sick_report = D("2025-08-31");   /* before the start */
	assert_int_equal(monitor_derive(&f, today), 1u << MONITOR_RISK_SUBSIDIE_EINDE);
	f.ended = D("2026-02-28");
	assert_int_equal(monitor_derive(&f, today), 0);
}

static void test_outcomes(void **state)
{
	(void)state;
	const sw_date today = D("2026-03-02");
	/* 6 months from 2025-09-01: the last day needed is 2026-02-28. */
	assert_int_equal(monitor_lasted(D("2025-09-01"), DATE_NONE, today, 6), MONITOR_LASTED_YES);
	assert_int_equal(monitor_lasted(D("2025-09-04"), DATE_NONE, today, 6),
			 MONITOR_LASTED_UNKNOWN);
	assert_int_equal(monitor_lasted(D("2025-09-03"), D("2026-03-02"), today, 6),
			 MONITOR_LASTED_YES);
	assert_int_equal(monitor_lasted(D("2025-09-01"), D("2026-02-27"), today, 6),
			 MONITOR_LASTED_NO);
	assert_int_equal(monitor_lasted(D("2025-03-02"), DATE_NONE, today, 12), MONITOR_LASTED_YES);
	assert_int_equal(monitor_lasted(D("2025-03-04"), DATE_NONE, today, 12),
			 MONITOR_LASTED_UNKNOWN);
	/* A planned end after today is still running. */
	assert_int_equal(monitor_lasted(D("2025-12-01"), D("2026-12-01"), today, 6),
			 MONITOR_LASTED_UNKNOWN);

	struct monitor_outcome_row row = { 0 };
	monitor_outcome_add(&row, MONITOR_OUTCOME_LOPEND, D("2025-01-01"), DATE_NONE, today);
	monitor_outcome_add(&row, MONITOR_OUTCOME_BEEINDIGD, D("2025-01-01"), D("2025-04-30"), today);
	monitor_outcome_add(&row, MONITOR_OUTCOME_DOORGESTROOMD, D("2025-01-01"), D("2025-08-31"),
			    today);
	monitor_outcome_add(&row, MONITOR_OUTCOME_LOPEND, D("2026-01-01"), DATE_NONE, today);
	assert_int_equal(row.placements, 4);
	assert_int_equal(row.lopend, 2);
	assert_int_equal(row.beeindigd, 1);
	assert_int_equal(row.doorgestroomd, 1);
	assert_int_equal(row.known6, 3);
	assert_int_equal(row.lasted6, 2);
	assert_int_equal(row.known12, 3);
	assert_int_equal(row.lasted12, 1);
}

/* The daily run's reminders of a placement started 2026-01-15: T0 answered
 * by two of three, T1 due 2027-01-15. */
static void test_reminders(void **state)
{
	(void)state;
	const struct signal_followup fu[] = {
		{ 7, MONITOR_RISK_NIET_VERSCHENEN, D("2026-02-10") },
		{ 8, MONITOR_RISK_ZIEKMELDING, D("2026-02-25") },
		{ 9, MONITOR_RISK_CONTRACT_EINDE, D("2026-02-11") },
	};
	struct signal_placement p = {
		.start = D("2026-01-15"), .ended = DATE_NONE,
		.schedule = { MONITOR_DEFAULT_T2, MONITOR_DEFAULT_T3 },
		.followups = fu, .nfollowups = 3,
	};
	p.answered[MONITOR_T0][MONITOR_WERKNEMER] = true;
	p.answered[MONITOR_T0][MONITOR_ARBEIDSDESKUNDIGE] = true;
	struct reminder r[8];
	/* 2026-01-28: T0 of the werkgever open (due 01-15, grace to 01-29);
	 * follow-ups of 02-10 and 02-11 within 14 days, 02-25 not. */
	size_t n = signals_for_placement(&p, D("2026-01-28"), SIGNALS_HORIZON_DAYS, r, 8);
	assert_int_equal(n, 3);
	assert_int_equal(r[0].kind, REMINDER_VRAGENLIJST);
	assert_int_equal(r[0].moment, MONITOR_T0);
	assert_int_equal(r[0].perspective, MONITOR_WERKGEVER);
	assert_false(r[0].overdue);
	assert_int_equal(r[0].days, -13);
	assert_int_equal(r[0].roles, ROLE_BIT(ROLE_WERKGEVER) | ROLE_BIT(ROLE_NETWERKWERKGEVER));
	assert_int_equal(r[1].kind, REMINDER_OPVOLGING);
	assert_ptr_equal(r[1].followup, &fu[0]);
	assert_int_equal(r[1].days, 13);
	assert_int_equal(r[1].roles, ROLE_BIT(ROLE_ARBEIDSDESKUNDIGE));
	assert_ptr_equal(r[2].followup, &fu[2]);
	assert_int_equal(r[2].days, 14);
	/* 2026-01-30: the werkgever's T0 is overdue. */
	n = signals_for_placement(&p, D("2026-01-30"), SIGNALS_HORIZON_DAYS, r, 8);
	assert_int_equal(n, 3);
	assert_true(r[0].overdue);
	/* 2026-02-26: every follow-up past; capacity 2 truncates, count stays. */
	n = signals_for_placement(&p, D("2026-02-26"), SIGNALS_HORIZON_DAYS, r, 2);
	assert_int_equal(n, 4);
	assert_true(r[1].overdue);
	assert_int_equal(r[1].days, -16);
	/* T1 opens 14 days before its due date, for all three parties. */
	p.nfollowups = 0;
	p.answered[MONITOR_T0][MONITOR_WERKGEVER] = true;
	assert_int_equal(signals_for_placement(&p, D("2026-12-31"), SIGNALS_HORIZON_DAYS, r, 8), 0);
	n = signals_for_placement(&p, D("2027-01-01"), SIGNALS_HORIZON_DAYS, r, 8);
	assert_int_equal(n, 3);
	assert_int_equal(r[2].perspective, MONITOR_ARBEIDSDESKUNDIGE);
	assert_int_equal(r[2].roles, ROLE_BIT(ROLE_ARBEIDSDESKUNDIGE));
	assert_int_equal(r[0].date, D("2027-01-15"));
	/* An ended placement: T1 lapsed, no follow-ups. */
	p.ended = D("2026-06-30");
	p.nfollowups = 3;
	assert_int_equal(signals_for_placement(&p, D("2027-01-01"), SIGNALS_HORIZON_DAYS, r, 8), 0);
	assert_string_equal(reminder_kind_name(REMINDER_OPVOLGING), "opvolging");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),    cmocka_unit_test(test_schedule),
		cmocka_unit_test(test_status),   cmocka_unit_test(test_advice),
		cmocka_unit_test(test_derive),   cmocka_unit_test(test_outcomes), cmocka_unit_test(test_reminders),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
