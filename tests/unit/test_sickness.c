/* test_sickness.c - core/sickness: segments and state from the SIVI-style
 * mutations, every kind, correction, withdrawal, as_of and every refusal
 * naming its field. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/sickness.h"

static sw_date D(const char *s)
{
	sw_date d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

#define MAXM 16

struct hist {
	struct sick_mutation m[MAXM];
	size_t n;
	struct sick_mutation work[MAXM];
	struct sick_segment segs[MAXM];
	struct sick_state st;
	struct sw_error err;
	size_t bad;
};

static void add(struct hist *h, enum sick_kind k, enum sick_action a, int64_t ref, const char *date,
		int bp)
{
	h->m[h->n] = (struct sick_mutation){ .id = (int64_t)h->n + 1, .kind = k, .action = a,
					     .ref_id = ref, .date = date ? D(date) : DATE_NONE,
					     .percent_bp = bp, .expected_recovery = DATE_NONE };
	h->n++;
}

static int derive(struct hist *h, int64_t as_of)
{
	memset(&h->err, 0, sizeof h->err);
	return sick_derive(h->m, h->n, as_of, h->work, h->segs, &h->st, &h->bad, &h->err);
}

static void seg_is(const struct hist *h, size_t i, const char *from, const char *to, int bp,
		   int spell)
{
	assert_true(i < h->st.nsegments);
	assert_int_equal(h->segs[i].from, D(from));
	assert_int_equal(h->segs[i].to, to ? D(to) : DATE_NONE);
	assert_int_equal(h->segs[i].percent_bp, bp);
	assert_int_equal(h->segs[i].spell, spell);
}

static void refused(struct hist *h, const char *field, const char *needle, size_t bad)
{
	assert_int_equal(derive(h, 0), -1);
	assert_int_equal(h->err.code, SW_EINVAL);
	assert_string_equal(h->err.field, field);
	if (strstr(h->err.message, needle) == NULL)
		fail_msg("message '%s' lacks '%s'", h->err.message, needle);
	assert_int_equal(h->bad, bad);
}

static void test_report_only(void **state)
{
	(void)state;
	struct hist h = { 0 };
	add(&h, SICK_ZIEKMELDING, SICK_NIEUW, 0, "2025-01-06", 10000);
	h.m[0].expected_recovery = D("2025-02-01");
	h.m[0].zwangerschap = 1;
	assert_int_equal(derive(&h, 0), 0);
	assert_int_equal(h.st.nsegments, 1);
	seg_is(&h, 0, "2025-01-06", NULL, 10000, 0);
	assert_int_equal(h.segs[0].zwangerschap, 1);
	assert_true(h.st.sick);
	assert_int_equal(h.st.first_sick_day, D("2025-01-06"));
	assert_int_equal(h.st.percent_bp, 10000);
	assert_int_equal(h.st.expected_recovery, D("2025-02-01"));
	assert_int_equal(h.st.hersteldatum, DATE_NONE);
}

static void test_change_partial_full(void **state)
{
	(void)state;
	struct hist h = { 0 };
	add(&h, SICK_ZIEKMELDING, SICK_NIEUW, 0, "2025-01-06", 10000);
	add(&h, SICK_WIJZIGING, SICK_NIEUW, 0, "2025-02-03", 5025);
	add(&h, SICK_HERSTEL, SICK_NIEUW, 0, "2025-03-03", 2000);  /* partial */
	add(&h, SICK_HERSTEL, SICK_NIEUW, 0, "2025-04-01", 0);     /* full */
	h.m[3].end_reason = SICK_END_UIT_DIENST;
	assert_int_equal(derive(&h, 0), 0);
	assert_int_equal(h.st.nsegments, 3);
	seg_is(&h, 0, "2025-01-06", "2025-02-02", 10000, 0);
	seg_is(&h, 1, "2025-02-03", "2025-03-02", 5025, 0);
	seg_is(&h, 2, "2025-03-03", "2025-03-31", 2000, 0);
	assert_false(h.st.sick);
	assert_int_equal(h.st.percent_bp, 0);
	assert_int_equal(h.st.hersteldatum, D("2025-04-01"));
	assert_int_equal(h.st.end_reason, SICK_END_UIT_DIENST);

	/* Every earlier state. */
	assert_int_equal(derive(&h, 2), 0);
	assert_int_equal(h.st.nsegments, 2);
	assert_true(h.st.sick);
	assert_int_equal(h.st.percent_bp, 5025);
	assert_int_equal(derive(&h, 1), 0);
	assert_int_equal(h.st.nsegments, 1);
	seg_is(&h, 0, "2025-01-06", NULL, 10000, 0);

	/* A full recovery without a reason is hersteld. */
	h.m[3].end_reason = SICK_END_NONE;
	assert_int_equal(derive(&h, 0), 0);
	assert_int_equal(h.st.end_reason, SICK_END_HERSTELD);
}

static void test_change_same_value_and_day(void **state)
{
	(void)state;
	struct hist h = { 0 };
	add(&h, SICK_ZIEKMELDING, SICK_NIEUW, 0, "2025-01-06", 10000);
	add(&h, SICK_WIJZIGING, SICK_NIEUW, 0, "2025-01-10", 10000); /* no change */
	add(&h, SICK_WIJZIGING, SICK_NIEUW, 0, "2025-01-06", 6000);  /* from day 1 */
	/* By date: 60% from day 1, then back to 100% from the 10th. */
	assert_int_equal(derive(&h, 0), 0);
	assert_int_equal(h.st.nsegments, 2);
	seg_is(&h, 0, "2025-01-06", "2025-01-09", 6000, 0);
	seg_is(&h, 1, "2025-01-10", NULL, 10000, 0);
	h.n = 2;
	assert_int_equal(derive(&h, 0), 0);
	assert_int_equal(h.st.nsegments, 1);
}

static void test_relapse_new_spell(void **state)
{
	(void)state;
	struct hist h = { 0 };
	add(&h, SICK_ZIEKMELDING, SICK_NIEUW, 0, "2025-01-06", 10000);
	add(&h, SICK_HERSTEL, SICK_NIEUW, 0, "2025-01-20", 0);
	add(&h, SICK_ZIEKMELDING, SICK_NIEUW, 0, "2025-02-03", 5000);
	assert_int_equal(derive(&h, 0), 0);
	assert_int_equal(h.st.nsegments, 2);
	seg_is(&h, 0, "2025-01-06", "2025-01-19", 10000, 0);
	seg_is(&h, 1, "2025-02-03", NULL, 5000, 1);
	assert_int_equal(h.st.spells, 2);
	assert_int_equal(h.st.first_sick_day, D("2025-01-06"));
	assert_int_equal(h.st.last_report, D("2025-02-03"));
	assert_true(h.st.sick);
	assert_int_equal(h.st.hersteldatum, DATE_NONE);
}

static void test_correction(void **state)
{
	(void)state;
	struct hist h = { 0 };
	add(&h, SICK_ZIEKMELDING, SICK_NIEUW, 0, "2025-01-06", 10000);
	add(&h, SICK_WIJZIGING, SICK_NIEUW, 0, "2025-02-03", 5000);
	/* The first sick day was the Friday before; the change was 40%. */
	add(&h, SICK_ZIEKMELDING, SICK_CORRECTIE, 1, "2025-01-03", 10000);
	add(&h, SICK_WIJZIGING, SICK_CORRECTIE, 2, "2025-02-03", 4000);
	assert_int_equal(derive(&h, 0), 0);
	seg_is(&h, 0, "2025-01-03", "2025-02-02", 10000, 0);
	seg_is(&h, 1, "2025-02-03", NULL, 4000, 0);
	assert_int_equal(h.st.first_sick_day, D("2025-01-03"));
	/* Before the corrections: as reported. */
	assert_int_equal(derive(&h, 2), 0);
	assert_int_equal(h.st.first_sick_day, D("2025-01-06"));
	seg_is(&h, 1, "2025-02-03", NULL, 5000, 0);
	/* A correction of a correction refers to the original fact. */
	add(&h, SICK_ZIEKMELDING, SICK_CORRECTIE, 1, "2025-01-02", 10000);
	assert_int_equal(derive(&h, 0), 0);
	assert_int_equal(h.st.first_sick_day, D("2025-01-02"));
	/* A correction that makes the history impossible is refused. */
	add(&h, SICK_ZIEKMELDING, SICK_CORRECTIE, 1, "2025-03-01", 10000);
	refused(&h, "date", "lies before the first sick day", 1);
}

static void test_withdrawal(void **state)
{
	(void)state;
	struct hist h = { 0 };
	add(&h, SICK_ZIEKMELDING, SICK_NIEUW, 0, "2025-01-06", 10000);
	add(&h, SICK_WIJZIGING, SICK_NIEUW, 0, "2025-02-03", 5000);
	add(&h, SICK_WIJZIGING, SICK_INTREKKING, 2, NULL, 0);
	assert_int_equal(derive(&h, 0), 0);
	assert_int_equal(h.st.nsegments, 1);
	seg_is(&h, 0, "2025-01-06", NULL, 10000, 0);
	assert_false(h.st.withdrawn);
	/* Withdrawing the report that opened the case withdraws the case. */
	add(&h, SICK_ZIEKMELDING, SICK_INTREKKING, 1, NULL, 0);
	assert_int_equal(derive(&h, 0), 0);
	assert_true(h.st.withdrawn);
	assert_int_equal(h.st.nsegments, 0);
	assert_false(h.st.sick);
	assert_int_equal(h.st.first_sick_day, DATE_NONE);
	/* Nothing follows a withdrawn case. */
	add(&h, SICK_WIJZIGING, SICK_NIEUW, 0, "2025-03-03", 3000);
	refused(&h, "id", "the case was withdrawn", 4);
}

static void test_withdraw_relapse(void **state)
{
	(void)state;
	struct hist h = { 0 };
	add(&h, SICK_ZIEKMELDING, SICK_NIEUW, 0, "2025-01-06", 10000);
	add(&h, SICK_HERSTEL, SICK_NIEUW, 0, "2025-01-20", 0);
	add(&h, SICK_ZIEKMELDING, SICK_NIEUW, 0, "2025-02-03", 10000);
	add(&h, SICK_ZIEKMELDING, SICK_INTREKKING, 3, NULL, 0);
	assert_int_equal(derive(&h, 0), 0);
	assert_false(h.st.withdrawn);
	assert_false(h.st.sick);
	assert_int_equal(h.st.nsegments, 1);
	assert_int_equal(h.st.hersteldatum, D("2025-01-20"));
}

static void test_refusals(void **state)
{
	(void)state;
	struct hist h = { 0 };
	/* A case starts with a ziekmelding. */
	add(&h, SICK_WIJZIGING, SICK_NIEUW, 0, "2025-01-06", 5000);
	refused(&h, "kind", "starts with a ziekmelding", 0);

	memset(&h, 0, sizeof h);
	add(&h, SICK_ZIEKMELDING, SICK_NIEUW, 0, "2025-01-06", 0);
	refused(&h, "percent", "1 to 100", 0);
	h.m[0].percent_bp = 10001;
	refused(&h, "percent", "1 to 100", 0);
	h.m[0].percent_bp = 10000;
	h.m[0].date = DATE_NONE;
	refused(&h, "date", "required", 0);
	h.m[0].date = D("2025-01-06");
	h.m[0].expected_recovery = D("2025-01-01");
	refused(&h, "expected_recovery", "before the date", 0);
	h.m[0].expected_recovery = DATE_NONE;
	h.m[0].end_reason = SICK_END_HERSTELD;
	refused(&h, "end_reason", "full recovery", 0);
	h.m[0].end_reason = SICK_END_NONE;
	assert_int_equal(derive(&h, 0), 0);

	/* A hersteldmelding before (or on) the first sick day. */
	add(&h, SICK_HERSTEL, SICK_NIEUW, 0, "2025-01-06", 0);
	refused(&h, "date", "after the first sick day", 1);
	h.m[1].date = D("2025-01-01");
	refused(&h, "date", "after the first sick day", 1);
	/* A partial recovery that raises the percentage. */
	h.m[1].date = D("2025-01-20");
	h.m[1].percent_bp = 10000;
	refused(&h, "percent", "a recovery leaves", 1);
	h.m[0].percent_bp = 5000;
	h.m[1].percent_bp = 6000;
	refused(&h, "percent", "lowers the percentage (now 50)", 1);
	h.m[1].percent_bp = 0;
	h.m[1].end_reason = SICK_END__COUNT;
	refused(&h, "end_reason", "unknown", 1);
	h.m[1].end_reason = SICK_END_HERSTELD;
	assert_int_equal(derive(&h, 0), 0);

	/* A change after recovery; a report while sick; one on the hersteldatum. */
	add(&h, SICK_WIJZIGING, SICK_NIEUW, 0, "2025-01-25", 3000);
	refused(&h, "date", "recovered on 2025-01-20", 2);
	h.m[2].kind = SICK_ZIEKMELDING;
	h.m[2].date = D("2025-01-20");
	refused(&h, "date", "after the hersteldatum 2025-01-20", 2);
	h.m[2].date = D("2025-01-21");
	assert_int_equal(derive(&h, 0), 0);
	add(&h, SICK_ZIEKMELDING, SICK_NIEUW, 0, "2025-02-01", 10000);
	refused(&h, "date", "already sick since 2025-01-21", 3);
	h.n--;

	/* References: unknown, later, withdrawn, another kind. */
	add(&h, SICK_WIJZIGING, SICK_CORRECTIE, 99, "2025-01-25", 3000);
	refused(&h, "ref_id", "no earlier new mutation", 3);
	h.m[3].ref_id = 2;
	refused(&h, "kind", "not of the kind", 3);
	/* Withdrawing the recovery would leave two reports while sick. */
	h.m[3] = (struct sick_mutation){ .id = 4, .kind = SICK_HERSTEL, .action = SICK_INTREKKING,
					 .ref_id = 2, .expected_recovery = DATE_NONE };
	refused(&h, "date", "already sick since 2025-01-06", 2);
	h.m[3].kind = SICK_ZIEKMELDING;
	h.m[3].ref_id = 3;
	assert_int_equal(derive(&h, 0), 0);
	add(&h, SICK_ZIEKMELDING, SICK_CORRECTIE, 3, "2025-01-22", 10000);
	refused(&h, "ref_id", "withdrawn", 4);
	h.n--;

	/* Ids out of order; pregnancy only on a report. */
	h.m[3].id = 3;
	refused(&h, "id", "id order", 3);
	h.m[3].id = 4;
	h.m[1].zwangerschap = 1;
	refused(&h, "zwangerschap", "only a ziekmelding", 1);
}

static void test_percent(void **state)
{
	(void)state;
	int bp = 0;
	struct sw_error err = { 0 };
	assert_int_equal(sick_percent_bp(50.25, 0, "percent", &bp, &err), 0);
	assert_int_equal(bp, 5025);
	assert_int_equal(sick_percent_bp(100, 0, "percent", &bp, &err), 0);
	assert_int_equal(bp, 10000);
	assert_int_equal(sick_percent_bp(1, 0, "percent", &bp, &err), 0);
	assert_int_equal(bp, 100);
	assert_int_equal(sick_percent_bp(0, 1, "percent", &bp, &err), 0);
	assert_int_equal(bp, 0);
	assert_int_equal(sick_percent_bp(0, 0, "percent", &bp, &err), -1);
	assert_int_equal(sick_percent_bp(0.5, 1, "percent", &bp, &err), -1);
	assert_string_equal(err.field, "percent");
	assert_int_equal(sick_percent_bp(100.01, 0, "percent", &bp, &err), -1);
	assert_int_equal(sick_percent_bp(33.333, 0, "percent", &bp, &err), -1);
	assert_non_null(strstr(err.message, "two decimals"));
	char buf[16];
	sick_percent_format(5025, buf);
	assert_string_equal(buf, "50.25");
	sick_percent_format(750, buf);
	assert_string_equal(buf, "7.5");
	sick_percent_format(10000, buf);
	assert_string_equal(buf, "100");
	enum sick_end_reason r;
	assert_int_equal(sick_end_reason_parse("zwangerschapsverlof", &r), 0);
	assert_int_equal(r, SICK_END_ZWANGERSCHAPSVERLOF);
	assert_int_equal(sick_end_reason_parse("", &r), -1);
	enum sick_kind k;
	assert_int_equal(sick_kind_parse("herstel", &k), 0);
	assert_int_equal(k, SICK_HERSTEL);
	enum sick_action a;
	assert_int_equal(sick_action_parse("intrekking", &a), 0);
	assert_string_equal(sick_action_name(SICK_CORRECTIE), "correctie");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_report_only),
		cmocka_unit_test(test_change_partial_full),
		cmocka_unit_test(test_change_same_value_and_day),
		cmocka_unit_test(test_relapse_new_spell),
		cmocka_unit_test(test_correction),
		cmocka_unit_test(test_withdrawal),
		cmocka_unit_test(test_withdraw_relapse),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_percent),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
