/* test_timeline.c - the Poortwachter engine against the rules of
 * DOMAIN.md section 4. Expected dates were worked out by hand from the
 * week definitions (week n ends on sick day 7n) and checked independently. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/holiday.h"
#include "core/signals.h"
#include "core/timeline.h"

static sw_date D(const char *s)
{
	sw_date d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

/* A test case: periods, events, deviations, today; computed on demand. */
struct fx {
	struct tl_period p[8];
	size_t np;
	struct tl_event e[16];
	size_t ne;
	struct tl_deviation dv[4];
	size_t nd;
	sw_date today;
	struct tl_timeline tl;
};

static void sick(struct fx *f, const char *from, const char *to)
{
	f->p[f->np++] = (struct tl_period){ D(from), to ? D(to) : DATE_NONE, 100 };
}

static void event(struct fx *f, enum tl_event_kind k, const char *date, int value)
{
	f->e[f->ne++] = (struct tl_event){ k, date ? D(date) : DATE_NONE, value };
}

static enum tl_error run(struct fx *f, const char *today)
{
	f->today = D(today);
	struct tl_input in = { f->p, f->np, f->e, f->ne, f->dv, f->nd, f->today };
	return tl_compute(&in, &f->tl, NULL);
}

static void compute(struct fx *f, const char *today)
{
	assert_int_equal(run(f, today), TL_OK);
}

static const struct tl_deadline *find(const struct fx *f, enum tl_code code, int seq)
{
	for (size_t i = 0; i < f->tl.n; i++)
		if (f->tl.items[i].code == code && f->tl.items[i].seq == seq)
			return &f->tl.items[i];
	fail_msg("deadline %s #%d missing", tl_code_name(code), seq);
	return NULL;
}

static void expect(const struct fx *f, enum tl_code code, int seq, const char *due,
		   const char *effective, enum tl_status status)
{
	const struct tl_deadline *d = find(f, code, seq);
	char a[DATE_STRLEN], b[DATE_STRLEN];
	date_format(d->due, a);
	date_format(d->due_effective, b);
	assert_string_equal(a, due);
	assert_string_equal(b, effective);
	if (strcmp(tl_status_name(d->status), tl_status_name(status)) != 0)
		fail_msg("%s: status %s, expected %s", tl_code_name(code),
			 tl_status_name(d->status), tl_status_name(status));
}

/* First sick day Monday 2025-01-06, still sick, nothing done yet. */
static void base(struct fx *f)
{
	memset(f, 0, sizeof *f);
	sick(f, "2025-01-06", NULL);
}

#define FX struct fx f; base(&f)

/* ---- each deadline of the table ---- */

static void ziekmelding_end_of_week_1(void **s)
{
	(void)s; FX; compute(&f, "2025-01-08");
	expect(&f, TL_ZIEKMELDING_ARBODIENST, 0, "2025-01-12", "2025-01-13", TL_OPEN);
}

static void probleemanalyse_end_of_week_6(void **s)
{
	(void)s; FX; compute(&f, "2025-01-08");
	expect(&f, TL_PROBLEEMANALYSE, 0, "2025-02-16", "2025-02-17", TL_OPEN);
	assert_int_equal(find(&f, TL_PROBLEEMANALYSE, 0)->week, 6);
}

static void plan_van_aanpak_week_8_without_pa(void **s)
{
	(void)s; FX; compute(&f, "2025-01-08");
	expect(&f, TL_PLAN_VAN_AANPAK, 0, "2025-03-02", "2025-03-03", TL_GEPLAND);
}

static void plan_van_aanpak_two_weeks_after_pa(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_PROBLEEMANALYSE, "2025-02-10", 0);
	compute(&f, "2025-02-11");
	expect(&f, TL_PROBLEEMANALYSE, 0, "2025-02-16", "2025-02-17", TL_GEDAAN);
	expect(&f, TL_PLAN_VAN_AANPAK, 0, "2025-02-24", "2025-02-24", TL_OPEN);
	assert_int_equal(find(&f, TL_PLAN_VAN_AANPAK, 0)->opens, D("2025-02-10"));
}

static void plan_van_aanpak_after_late_pa(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_PROBLEEMANALYSE, "2025-03-10", 0); /* week 9: late */
	compute(&f, "2025-03-11");
	expect(&f, TL_PLAN_VAN_AANPAK, 0, "2025-03-24", "2025-03-24", TL_OPEN);
}

static void voortgangsgesprek_six_weeks_after_pva(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_PROBLEEMANALYSE, "2025-02-10", 0);
	event(&f, TL_EV_PLAN_VAN_AANPAK, "2025-02-20", 0);
	compute(&f, "2025-02-21");
	expect(&f, TL_VOORTGANGSGESPREK, 1, "2025-04-03", "2025-04-03", TL_GEPLAND);
}

static void voortgangsgesprek_series_follows_each_meeting(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_PLAN_VAN_AANPAK, "2025-02-20", 0);
	event(&f, TL_EV_VOORTGANGSGESPREK, "2025-05-15", 0); /* second, out of order */
	event(&f, TL_EV_VOORTGANGSGESPREK, "2025-04-01", 0);
	compute(&f, "2025-05-16");
	expect(&f, TL_VOORTGANGSGESPREK, 1, "2025-04-03", "2025-04-03", TL_GEDAAN);
	expect(&f, TL_VOORTGANGSGESPREK, 2, "2025-05-13", "2025-05-13", TL_GEDAAN);
	expect(&f, TL_VOORTGANGSGESPREK, 3, "2025-06-26", "2025-06-26", TL_GEPLAND);
}

static void voortgangsgesprek_overdue(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_PLAN_VAN_AANPAK, "2025-02-20", 0);
	compute(&f, "2025-04-04");
	expect(&f, TL_VOORTGANGSGESPREK, 1, "2025-04-03", "2025-04-03", TL_TE_LAAT);
}

static void melding_uwv_first_working_day_after_week_42(void **s)
{
	(void)s; FX; compute(&f, "2025-01-08");
	/* week 42 ends Sunday 2025-10-26 */
	expect(&f, TL_MELDING_UWV, 0, "2025-10-27", "2025-10-27", TL_GEPLAND);
	assert_int_equal(find(&f, TL_MELDING_UWV, 0)->week, 43);
}

static void melding_uwv_skips_tweede_paasdag(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2025-06-16", NULL); /* week 42 ends Sunday 2026-04-05 (Easter) */
	compute(&f, "2025-06-16");
	expect(&f, TL_MELDING_UWV, 0, "2026-04-07", "2026-04-07", TL_GEPLAND);
}

static void eerstejaarsevaluatie_end_of_week_52(void **s)
{
	(void)s; FX; compute(&f, "2025-01-08");
	expect(&f, TL_EERSTEJAARSEVALUATIE, 0, "2026-01-04", "2026-01-05", TL_GEPLAND);
}

static void start_tweede_spoor_after_eje_due(void **s)
{
	(void)s; FX; compute(&f, "2025-01-08");
	expect(&f, TL_START_TWEEDE_SPOOR, 0, "2026-02-15", "2026-02-16", TL_GEPLAND);
}

static void start_tweede_spoor_after_eje_done(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_EERSTEJAARSEVALUATIE, "2025-12-20", 0);
	compute(&f, "2025-12-21");
	expect(&f, TL_START_TWEEDE_SPOOR, 0, "2026-01-31", "2026-02-02", TL_OPEN);
}

static void start_tweede_spoor_exemption(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_VRIJSTELLING_TWEEDE_SPOOR, "2025-12-20", 0);
	compute(&f, "2026-06-01");
	expect(&f, TL_START_TWEEDE_SPOOR, 0, "2026-02-15", "2026-02-16", TL_AFWIJKING);
}

static void start_tweede_spoor_done(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_START_TWEEDE_SPOOR, "2025-08-01", 0);
	compute(&f, "2026-06-01");
	expect(&f, TL_START_TWEEDE_SPOOR, 0, "2026-02-15", "2026-02-16", TL_GEDAAN);
}

static void orientation_opens_second_track_early(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_TERUGKEER_ONWAARSCHIJNLIJK, "2025-04-01", 0);
	compute(&f, "2025-04-02");
	assert_true(f.tl.tweede_spoor_orientation);
	expect(&f, TL_START_TWEEDE_SPOOR, 0, "2026-02-15", "2026-02-16", TL_OPEN);
	assert_int_equal(find(&f, TL_START_TWEEDE_SPOOR, 0)->opens, D("2025-04-01"));
}

/* ---- the orientation phase of an early second track ---- */

/* Marked on sick day 86: the assessment is due 6 weeks later, the start of
 * orientation activities 8 weeks later, both open from the mark. */
static void orientation_phase_in_year_one(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_TERUGKEER_ONWAARSCHIJNLIJK, "2025-04-01", 0);
	compute(&f, "2025-04-02");
	assert_int_equal(f.tl.orientation, D("2025-04-01"));
	assert_int_equal(f.tl.n, TL_LEGAL_STEPS + 2);
	expect(&f, TL_ARBEIDSDESKUNDIG_ONDERZOEK, 0, "2025-05-13", "2025-05-13", TL_OPEN);
	expect(&f, TL_ORIENTATIE_TWEEDE_SPOOR, 0, "2025-05-27", "2025-05-27", TL_OPEN);
	assert_int_equal(find(&f, TL_ARBEIDSDESKUNDIG_ONDERZOEK, 0)->opens, D("2025-04-01"));
	assert_int_equal(find(&f, TL_ORIENTATIE_TWEEDE_SPOOR, 0)->opens, D("2025-04-01"));
	/* The offsets are rule data. */
	assert_int_equal(f.tl.rules->orientation_ad_weeks, 6);
	assert_int_equal(f.tl.rules->orientation_start_weeks, 8);
	/* Timeline order holds. */
	for (size_t i = 1; i < f.tl.n; i++)
		assert_true(f.tl.items[i - 1].due <= f.tl.items[i].due);
}

/* A recovery gap moves the orientation steps like every other step. */
static void orientation_counts_sick_days(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2025-01-06", "2025-04-10");
	sick(&f, "2025-04-21", NULL); /* 10 days recovered */
	event(&f, TL_EV_TERUGKEER_ONWAARSCHIJNLIJK, "2025-04-01", 0);
	compute(&f, "2025-05-01");
	expect(&f, TL_ARBEIDSDESKUNDIG_ONDERZOEK, 0, "2025-05-23", "2025-05-23", TL_OPEN);
}

/* The signals follow: an overdue assessment is reported to the werkgever
 * and the arbeidsdeskundige; a second-track start completes the
 * orientation. */
static void orientation_signals_and_completion(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_TERUGKEER_ONWAARSCHIJNLIJK, "2025-04-01", 0);
	compute(&f, "2025-05-20");
	expect(&f, TL_ARBEIDSDESKUNDIG_ONDERZOEK, 0, "2025-05-13", "2025-05-13", TL_TE_LAAT);
	struct signal sig[TL_MAX_DEADLINES];
	const size_t n = signals_for_timeline(&f.tl, f.today, SIGNALS_HORIZON_DAYS, sig,
					      TL_MAX_DEADLINES);
	int overdue = 0, soon = 0;
	for (size_t i = 0; i < n; i++) {
		if (sig[i].deadline->code == TL_ARBEIDSDESKUNDIG_ONDERZOEK) {
			assert_int_equal(sig[i].kind, SIGNAL_TE_LAAT);
			assert_int_equal(sig[i].roles, ROLE_BIT(ROLE_WERKGEVER) |
							       ROLE_BIT(ROLE_ARBEIDSDESKUNDIGE));
			overdue++;
		}
		if (sig[i].deadline->code == TL_ORIENTATIE_TWEEDE_SPOOR) {
			assert_int_equal(sig[i].kind, SIGNAL_BINNENKORT);
			soon++;
		}
	}
	assert_int_equal(overdue, 1);
	assert_int_equal(soon, 1);

	event(&f, TL_EV_ARBEIDSDESKUNDIG_ONDERZOEK, "2025-05-15", 0);
	event(&f, TL_EV_START_TWEEDE_SPOOR, "2025-05-19", 0);
	compute(&f, "2025-05-20");
	expect(&f, TL_ARBEIDSDESKUNDIG_ONDERZOEK, 0, "2025-05-13", "2025-05-13", TL_GEDAAN);
	expect(&f, TL_ORIENTATIE_TWEEDE_SPOOR, 0, "2025-05-27", "2025-05-27", TL_GEDAAN);
	assert_int_equal(find(&f, TL_ORIENTATIE_TWEEDE_SPOOR, 0)->done, D("2025-05-19"));
	const size_t m = signals_for_timeline(&f.tl, f.today, SIGNALS_HORIZON_DAYS, sig,
					     TL_MAX_DEADLINES);
	for (size_t i = 0; i < m; i++)
		assert_true(sig[i].deadline->code != TL_ARBEIDSDESKUNDIG_ONDERZOEK &&
			    sig[i].deadline->code != TL_ORIENTATIE_TWEEDE_SPOOR);
}

/* Marked after year 1: the regular second track applies, no orientation
 * phase. */
static void orientation_only_in_year_one(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_TERUGKEER_ONWAARSCHIJNLIJK, "2026-01-10", 0);
	compute(&f, "2026-01-12");
	assert_true(f.tl.tweede_spoor_orientation);
	assert_int_equal(f.tl.orientation, DATE_NONE);
	assert_int_equal(f.tl.n, TL_LEGAL_STEPS);
}

static void re_integratieverslag_week_91(void **s)
{
	(void)s; FX; compute(&f, "2025-01-08");
	expect(&f, TL_RE_INTEGRATIEVERSLAG, 0, "2026-10-04", "2026-10-05", TL_GEPLAND);
	assert_int_equal(find(&f, TL_RE_INTEGRATIEVERSLAG, 0)->week, 91);
}

static void wia_aanvraag_week_93(void **s)
{
	(void)s; FX; compute(&f, "2025-01-08");
	expect(&f, TL_WIA_AANVRAAG, 0, "2026-10-18", "2026-10-19", TL_GEPLAND);
}

static void beslissing_loonsanctie_week_98(void **s)
{
	(void)s; FX; compute(&f, "2025-01-08");
	expect(&f, TL_BESLISSING_LOONSANCTIE, 0, "2026-11-22", "2026-11-23", TL_GEPLAND);
}

static void einde_wachttijd_week_104(void **s)
{
	(void)s; FX; compute(&f, "2025-01-08");
	expect(&f, TL_EINDE_WACHTTIJD, 0, "2027-01-03", "2027-01-04", TL_GEPLAND);
	assert_int_equal(find(&f, TL_EINDE_WACHTTIJD, 0)->week, 104);
}

static void all_eleven_steps_present(void **s)
{
	(void)s; FX; compute(&f, "2025-01-08");
	assert_int_equal(f.tl.n, TL_LEGAL_STEPS);
	assert_int_equal(f.tl.orientation, DATE_NONE);
	for (size_t i = 1; i < f.tl.n; i++)
		assert_true(f.tl.items[i - 1].due <= f.tl.items[i].due);
}

/* ---- samentelling ---- */

static void gap_of_27_days_joins_and_shifts(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2025-01-06", "2025-01-19"); /* 14 sick days */
	sick(&f, "2025-02-16", NULL);         /* 27 days of recovery between */
	compute(&f, "2025-02-20");
	assert_int_equal(f.tl.case_start, D("2025-01-06"));
	assert_int_equal(f.tl.first_period, 0);
	assert_int_equal(f.tl.sick_days, 14 + 5);
	expect(&f, TL_EINDE_WACHTTIJD, 0, "2027-01-30", "2027-02-01", TL_GEPLAND);
	/* week 6 ends on sick day 42: 28 days into the second period */
	expect(&f, TL_PROBLEEMANALYSE, 0, "2025-03-15", "2025-03-17", TL_OPEN);
}

static void gap_of_28_days_starts_new_case(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2025-01-06", "2025-01-19");
	sick(&f, "2025-02-17", NULL); /* 28 days of recovery */
	compute(&f, "2025-02-20");
	assert_int_equal(f.tl.case_start, D("2025-02-17"));
	assert_int_equal(f.tl.first_period, 1);
	expect(&f, TL_ZIEKMELDING_ARBODIENST, 0, "2025-02-23", "2025-02-24", TL_OPEN);
}

static void three_periods_two_gaps(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2025-01-06", "2025-01-15"); /* 10 days */
	sick(&f, "2025-01-26", "2025-02-04"); /* gap 10, 10 days */
	sick(&f, "2025-02-10", NULL);         /* gap 5 */
	compute(&f, "2025-02-10");
	assert_int_equal(f.tl.sick_days, 21);
	/* sick day 42 = 22nd day of the third period */
	expect(&f, TL_PROBLEEMANALYSE, 0, "2025-03-03", "2025-03-03", TL_OPEN);
	assert_int_equal(tl_sickday_date(f.p, 3, 15), D("2025-01-30"));
	assert_int_equal(tl_sickday_index(f.p, 3, D("2025-01-30")), 15);
	assert_int_equal(tl_sickday_index(f.p, 3, D("2025-01-20")), 10); /* in a gap */
}

static void partial_recovery_keeps_the_clock(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2025-01-06", "2025-02-28");
	f.p[f.np++] = (struct tl_period){ D("2025-03-01"), DATE_NONE, 50 };
	compute(&f, "2025-03-05");
	expect(&f, TL_EINDE_WACHTTIJD, 0, "2027-01-03", "2027-01-04", TL_GEPLAND);
	assert_int_equal(f.tl.recovered, DATE_NONE);
}

static void recovery_suspends_later_deadlines(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2025-01-06", "2025-01-26"); /* hersteld 2025-01-27 */
	event(&f, TL_EV_ZIEKMELDING_ARBODIENST, "2025-01-07", 0);
	compute(&f, "2025-02-05");
	assert_int_equal(f.tl.recovered, D("2025-01-27"));
	assert_false(f.tl.ended);
	assert_int_equal(f.tl.sick_days, 21);
	expect(&f, TL_ZIEKMELDING_ARBODIENST, 0, "2025-01-12", "2025-01-13", TL_GEDAAN);
	expect(&f, TL_PROBLEEMANALYSE, 0, "2025-02-16", "2025-02-17", TL_OPGESCHORT);
}

static void recovery_of_four_weeks_ends_case(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2025-01-06", "2025-01-26");
	compute(&f, "2025-02-24"); /* 28 days recovered: Jan 27 .. Feb 23 */
	assert_true(f.tl.ended);
	expect(&f, TL_PROBLEEMANALYSE, 0, "2025-02-16", "2025-02-17", TL_VERVALLEN);
	expect(&f, TL_ZIEKMELDING_ARBODIENST, 0, "2025-01-12", "2025-01-13", TL_TE_LAAT);
	compute(&f, "2025-02-23"); /* 27 days: a relapse would still join */
	assert_false(f.tl.ended);
}

/* ---- art. 24 extension and loonsanctie ---- */

static void extension_moves_end_and_counted_back_steps(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_UITSTEL_WIA_AANVRAAG, NULL, 10);
	compute(&f, "2025-01-08");
	assert_int_equal(f.tl.extension_weeks, 10);
	expect(&f, TL_EINDE_WACHTTIJD, 0, "2027-03-14", "2027-03-15", TL_GEPLAND);
	expect(&f, TL_RE_INTEGRATIEVERSLAG, 0, "2026-12-13", "2026-12-14", TL_GEPLAND);
	expect(&f, TL_WIA_AANVRAAG, 0, "2026-12-27", "2026-12-28", TL_GEPLAND);
	/* steps counted forward do not move */
	expect(&f, TL_EERSTEJAARSEVALUATIE, 0, "2026-01-04", "2026-01-05", TL_GEPLAND);
}

static void extension_never_ends_within_13_weeks_of_request(void **s)
{
	(void)s; FX;
	/* requested on sick day 700 (2026-12-06) for 1 week: 13 weeks later */
	event(&f, TL_EV_UITSTEL_WIA_AANVRAAG, "2026-12-06", 1);
	compute(&f, "2026-12-07");
	expect(&f, TL_EINDE_WACHTTIJD, 0, "2027-03-07", "2027-03-08", TL_GEPLAND);
}

static void extension_over_52_weeks_rejected(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_UITSTEL_WIA_AANVRAAG, NULL, 30);
	event(&f, TL_EV_UITSTEL_WIA_AANVRAAG, NULL, 23);
	assert_int_equal(run(&f, "2025-01-08"), TL_ERR_EXTENSION_WEEKS);
	f.e[1].value = 22;
	compute(&f, "2025-01-08");
	assert_int_equal(f.tl.extension_weeks, 52);
}

static void loonsanctie_extends_end(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_LOONSANCTIE, "2026-12-01", 52);
	compute(&f, "2026-12-02");
	expect(&f, TL_EINDE_WACHTTIJD, 0, "2028-01-02", "2028-01-03", TL_GEPLAND);
	f.e[0].value = 53;
	assert_int_equal(run(&f, "2026-12-02"), TL_ERR_LOONSANCTIE_WEEKS);
}

static void bekorting_ends_sanction_six_weeks_after_repair(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_LOONSANCTIE, "2026-12-01", 52);
	event(&f, TL_EV_BEKORTING_LOONSANCTIE, "2027-03-01", 0);
	compute(&f, "2027-03-02");
	expect(&f, TL_EINDE_WACHTTIJD, 0, "2027-04-12", "2027-04-12", TL_GEPLAND);
}

/* ---- vervroegde IVA window ---- */

static void vervroegde_iva_window(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_VERVROEGDE_IVA, "2025-01-19", 0); /* sick day 14: week 2 */
	assert_int_equal(run(&f, "2025-02-01"), TL_ERR_IVA_WINDOW);
	f.e[0].date = D("2025-01-20"); /* sick day 15: week 3 */
	compute(&f, "2025-02-01");
	f.e[0].date = D("2026-04-26"); /* sick day 476: end of week 68 */
	compute(&f, "2026-05-01");
	f.e[0].date = D("2026-04-27"); /* week 69 */
	assert_int_equal(run(&f, "2026-05-01"), TL_ERR_IVA_WINDOW);
}

static void vervroegde_iva_only_once(void **s)
{
	(void)s; FX;
	event(&f, TL_EV_VERVROEGDE_IVA, "2025-02-01", 0);
	event(&f, TL_EV_VERVROEGDE_IVA, "2025-03-01", 0);
	assert_int_equal(run(&f, "2025-03-02"), TL_ERR_IVA_TWICE);
}

/* ---- Algemene termijnenwet ---- */

static void deadline_on_christmas_moves_past_both_days_and_sunday(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2024-12-28", NULL); /* week 104 ends Friday 2026-12-25 */
	compute(&f, "2025-01-01");
	expect(&f, TL_EINDE_WACHTTIJD, 0, "2026-12-25", "2026-12-28", TL_GEPLAND);
}

static void deadline_on_koningsdag(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2026-04-21", NULL); /* week 1 ends Monday 2026-04-27 */
	compute(&f, "2026-04-21");
	expect(&f, TL_ZIEKMELDING_ARBODIENST, 0, "2026-04-27", "2026-04-28", TL_OPEN);
}

static void deadline_on_bevrijdingsdag(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2025-04-29", NULL); /* week 1 ends Monday 2025-05-05 */
	compute(&f, "2025-04-29");
	expect(&f, TL_ZIEKMELDING_ARBODIENST, 0, "2025-05-05", "2025-05-06", TL_OPEN);
}

static void deadline_on_new_years_day(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2026-11-21", NULL); /* week 6 ends Friday 2027-01-01 */
	compute(&f, "2026-11-21");
	expect(&f, TL_PROBLEEMANALYSE, 0, "2027-01-01", "2027-01-04", TL_OPEN);
}

static void deadline_on_hemelvaart_and_pinksteren(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2025-05-23", NULL); /* week 1 ends Thursday 2025-05-29 */
	compute(&f, "2025-05-23");
	expect(&f, TL_ZIEKMELDING_ARBODIENST, 0, "2025-05-29", "2025-05-30", TL_OPEN);
	memset(&f, 0, sizeof f);
	sick(&f, "2025-06-03", NULL); /* week 1 ends Monday 2025-06-09 */
	compute(&f, "2025-06-03");
	expect(&f, TL_ZIEKMELDING_ARBODIENST, 0, "2025-06-09", "2025-06-10", TL_OPEN);
}

static void easter_dates(void **s)
{
	(void)s;
	assert_int_equal(holiday_easter(2000), D("2000-04-23"));
	assert_int_equal(holiday_easter(2024), D("2024-03-31"));
	assert_int_equal(holiday_easter(2025), D("2025-04-20"));
	assert_int_equal(holiday_easter(2026), D("2026-04-05"));
	assert_int_equal(holiday_easter(2038), D("2038-04-25"));
	assert_int_equal(holiday_easter(2285), date_from_ymd(2285, 3, 22)); /* earliest possible */
	assert_int_equal(holiday_of(D("2025-04-21")), HOLIDAY_TWEEDE_PAASDAG);
	assert_int_equal(holiday_of(D("2025-04-18")), HOLIDAY_NONE); /* Goede Vrijdag is not one */
	assert_int_equal(holiday_of(D("2025-05-29")), HOLIDAY_HEMELVAARTSDAG);
	assert_int_equal(holiday_of(D("2025-06-09")), HOLIDAY_TWEEDE_PINKSTERDAG);
}

static void koningsdag_on_sunday_moves_to_saturday(void **s)
{
	(void)s;
	assert_int_equal(holiday_of(D("2025-04-26")), HOLIDAY_KONINGSDAG);
	assert_int_equal(holiday_of(D("2025-04-27")), HOLIDAY_NONE);
	assert_int_equal(holiday_of(D("2026-04-27")), HOLIDAY_KONINGSDAG);
	assert_int_equal(holiday_of(D("2013-04-30")), HOLIDAY_KONINGSDAG); /* Koninginnedag */
	assert_int_equal(holiday_of(D("2013-04-27")), HOLIDAY_NONE);
}

static void weekend_and_working_days(void **s)
{
	(void)s;
	assert_int_equal(date_weekday(D("2025-01-06")), 1);
	assert_int_equal(date_weekday(D("2025-01-05")), 7);
	assert_int_equal(holiday_next_working_day(D("2025-01-04")), D("2025-01-06"));
	assert_int_equal(holiday_next_working_day(D("2025-01-07")), D("2025-01-07"));
	assert_int_equal(holiday_next_working_day(D("2025-12-25")), D("2025-12-29"));
}

/* ---- calendar edge cases ---- */

static void leap_year_february(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2024-02-01", NULL);
	compute(&f, "2024-02-01");
	expect(&f, TL_PROBLEEMANALYSE, 0, "2024-03-13", "2024-03-13", TL_OPEN);
	sw_date d;
	assert_int_equal(date_parse("2024-02-29", &d), 0);
	assert_int_equal(date_parse("2000-02-29", &d), 0);
	assert_int_equal(date_parse("2023-02-29", &d), -1);
	assert_int_equal(date_parse("2100-02-29", &d), -1);
}

static void first_sick_day_on_saturday(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2025-01-04", NULL);
	compute(&f, "2025-01-04");
	expect(&f, TL_ZIEKMELDING_ARBODIENST, 0, "2025-01-10", "2025-01-10", TL_OPEN);
	expect(&f, TL_EINDE_WACHTTIJD, 0, "2027-01-01", "2027-01-04", TL_GEPLAND);
}

static void date_parse_rejects_garbage(void **s)
{
	(void)s;
	sw_date d;
	const char *bad[] = { "", "2025-1-06", "2025-01-6", "2025/01/06", "2025-00-10",
			      "2025-13-01", "2025-04-31", "1899-12-31", "2200-01-01",
			      "2025-01-06x", "x025-01-06", NULL };
	for (int i = 0; bad[i]; i++)
		assert_int_equal(date_parse(bad[i], &d), -1);
	assert_int_equal(date_parse(NULL, &d), -1);
	char buf[DATE_STRLEN];
	date_format(D("1900-01-01"), buf);
	assert_string_equal(buf, "1900-01-01");
	date_format(D("2199-12-31"), buf);
	assert_string_equal(buf, "2199-12-31");
}

/* ---- statuses and art. 5 ---- */

static void status_boundaries(void **s)
{
	(void)s; FX;
	compute(&f, "2025-02-17"); /* due_effective of the probleemanalyse */
	expect(&f, TL_PROBLEEMANALYSE, 0, "2025-02-16", "2025-02-17", TL_OPEN);
	compute(&f, "2025-02-18");
	expect(&f, TL_PROBLEEMANALYSE, 0, "2025-02-16", "2025-02-17", TL_TE_LAAT);
	compute(&f, "2025-01-06");
	expect(&f, TL_MELDING_UWV, 0, "2025-10-27", "2025-10-27", TL_GEPLAND);
	compute(&f, "2025-10-13"); /* opens 14 days before */
	expect(&f, TL_MELDING_UWV, 0, "2025-10-27", "2025-10-27", TL_OPEN);
}

static void art5_deviation_is_not_overdue(void **s)
{
	(void)s; FX;
	f.dv[f.nd++] = (struct tl_deviation){ TL_PROBLEEMANALYSE, D("2025-03-10") };
	compute(&f, "2025-03-01");
	expect(&f, TL_PROBLEEMANALYSE, 0, "2025-02-16", "2025-02-17", TL_AFWIJKING);
	assert_int_equal(find(&f, TL_PROBLEEMANALYSE, 0)->agreed_due, D("2025-03-10"));
}

static void art5_deviation_then_done(void **s)
{
	(void)s; FX;
	f.dv[f.nd++] = (struct tl_deviation){ TL_PROBLEEMANALYSE, D("2025-03-10") };
	event(&f, TL_EV_PROBLEEMANALYSE, "2025-03-05", 0);
	compute(&f, "2025-03-06");
	expect(&f, TL_PROBLEEMANALYSE, 0, "2025-02-16", "2025-02-17", TL_GEDAAN);
	assert_int_equal(find(&f, TL_PROBLEEMANALYSE, 0)->agreed_due, DATE_NONE);
}

static void bad_deviation_code_rejected(void **s)
{
	(void)s; FX;
	f.dv[f.nd++] = (struct tl_deviation){ (enum tl_code)99, DATE_NONE };
	assert_int_equal(run(&f, "2025-03-01"), TL_ERR_DEVIATION_CODE);
}

/* ---- input checks ---- */

static void period_errors(void **s)
{
	(void)s;
	struct tl_period p[3] = { { 0, 0, 0 } };
	size_t bad;
	assert_int_equal(tl_periods_check(p, 0, &bad), TL_ERR_NO_PERIODS);
	p[0] = (struct tl_period){ D("2025-01-10"), D("2025-01-09"), 100 };
	assert_int_equal(tl_periods_check(p, 1, &bad), TL_ERR_TO_BEFORE_FROM);
	p[0] = (struct tl_period){ D("2025-01-10"), D("2025-01-10"), 100 }; /* one day is fine */
	assert_int_equal(tl_periods_check(p, 1, &bad), TL_OK);
	p[1] = (struct tl_period){ D("2025-01-10"), DATE_NONE, 100 };
	assert_int_equal(tl_periods_check(p, 2, &bad), TL_ERR_OVERLAP);
	assert_int_equal(bad, 1);
	p[0].to = DATE_NONE;
	p[1].from = D("2025-02-01");
	assert_int_equal(tl_periods_check(p, 2, &bad), TL_ERR_OPEN_NOT_LAST);
	p[0] = (struct tl_period){ D("2025-01-10"), D("2025-01-12"), 0 };
	assert_int_equal(tl_periods_check(p, 1, &bad), TL_ERR_PERCENT);
}

static void periods_are_sorted(void **s)
{
	(void)s;
	struct tl_period p[3] = {
		{ D("2025-03-01"), DATE_NONE, 100 },
		{ D("2025-01-01"), D("2025-01-05"), 100 },
		{ D("2025-02-01"), D("2025-02-03"), 100 },
	};
	tl_periods_sort(p, 3);
	assert_int_equal(p[0].from, D("2025-01-01"));
	assert_int_equal(p[2].from, D("2025-03-01"));
	size_t bad;
	assert_int_equal(tl_periods_check(p, 3, &bad), TL_OK);
}

static void unknown_event_kind_rejected(void **s)
{
	(void)s; FX;
	event(&f, (enum tl_event_kind)77, "2025-01-10", 0);
	assert_int_equal(run(&f, "2025-01-10"), TL_ERR_EVENT_KIND);
	f.e[0] = (struct tl_event){ TL_EV_PROBLEEMANALYSE, DATE_NONE, 0 };
	assert_int_equal(run(&f, "2025-01-10"), TL_ERR_EVENT_DATE);
}

static void events_of_an_earlier_case_ignored(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2024-01-08", "2024-01-20");
	sick(&f, "2025-01-06", NULL);
	event(&f, TL_EV_PROBLEEMANALYSE, "2024-01-15", 0);
	compute(&f, "2025-01-08");
	expect(&f, TL_PROBLEEMANALYSE, 0, "2025-02-16", "2025-02-17", TL_OPEN);
}

static void rule_version_by_first_sick_day(void **s)
{
	(void)s;
	struct fx f;
	memset(&f, 0, sizeof f);
	sick(&f, "2023-06-30", NULL);
	compute(&f, "2023-07-01");
	assert_string_equal(f.tl.rules->version, "wvp-2002");
	assert_false(f.tl.rules->pva_requires_vision);
	f.p[0].from = D("2023-07-01");
	compute(&f, "2023-07-01");
	assert_string_equal(f.tl.rules->version, "wvp-2023-07");
	assert_true(f.tl.rules->pva_requires_vision);
}

static void names_round_trip(void **s)
{
	(void)s;
	for (int i = 0; i < TL_EV__COUNT; i++) {
		enum tl_event_kind k;
		assert_int_equal(tl_event_kind_parse(tl_event_kind_name((enum tl_event_kind)i), &k), 0);
		assert_int_equal(k, i);
	}
	for (int i = 0; i < TL_CODE__COUNT; i++) {
		enum tl_code c;
		assert_int_equal(tl_code_parse(tl_code_name((enum tl_code)i), &c), 0);
		assert_int_equal(c, i);
	}
	enum tl_code c;
	assert_int_equal(tl_code_parse("nope", &c), -1);
}

static void week_and_sick_days_today(void **s)
{
	(void)s; FX;
	compute(&f, "2025-01-06");
	assert_int_equal(f.tl.sick_days, 1);
	assert_int_equal(f.tl.week, 1);
	compute(&f, "2025-01-13");
	assert_int_equal(f.tl.sick_days, 8);
	assert_int_equal(f.tl.week, 2);
	compute(&f, "2025-01-01"); /* before the first sick day */
	assert_int_equal(f.tl.sick_days, 0);
	assert_int_equal(f.tl.week, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(ziekmelding_end_of_week_1),
		cmocka_unit_test(probleemanalyse_end_of_week_6),
		cmocka_unit_test(plan_van_aanpak_week_8_without_pa),
		cmocka_unit_test(plan_van_aanpak_two_weeks_after_pa),
		cmocka_unit_test(plan_van_aanpak_after_late_pa),
		cmocka_unit_test(voortgangsgesprek_six_weeks_after_pva),
		cmocka_unit_test(voortgangsgesprek_series_follows_each_meeting),
		cmocka_unit_test(voortgangsgesprek_overdue),
		cmocka_unit_test(melding_uwv_first_working_day_after_week_42),
		cmocka_unit_test(melding_uwv_skips_tweede_paasdag),
		cmocka_unit_test(eerstejaarsevaluatie_end_of_week_52),
		cmocka_unit_test(start_tweede_spoor_after_eje_due),
		cmocka_unit_test(start_tweede_spoor_after_eje_done),
		cmocka_unit_test(start_tweede_spoor_exemption),
		cmocka_unit_test(start_tweede_spoor_done),
		cmocka_unit_test(orientation_opens_second_track_early),
		cmocka_unit_test(orientation_phase_in_year_one),
		cmocka_unit_test(orientation_counts_sick_days),
		cmocka_unit_test(orientation_signals_and_completion),
		cmocka_unit_test(orientation_only_in_year_one),
		cmocka_unit_test(re_integratieverslag_week_91),
		cmocka_unit_test(wia_aanvraag_week_93),
		cmocka_unit_test(beslissing_loonsanctie_week_98),
		cmocka_unit_test(einde_wachttijd_week_104),
		cmocka_unit_test(all_eleven_steps_present),
		cmocka_unit_test(gap_of_27_days_joins_and_shifts),
		cmocka_unit_test(gap_of_28_days_starts_new_case),
		cmocka_unit_test(three_periods_two_gaps),
		cmocka_unit_test(partial_recovery_keeps_the_clock),
		cmocka_unit_test(recovery_suspends_later_deadlines),
		cmocka_unit_test(recovery_of_four_weeks_ends_case),
		cmocka_unit_test(extension_moves_end_and_counted_back_steps),
		cmocka_unit_test(extension_never_ends_within_13_weeks_of_request),
		cmocka_unit_test(extension_over_52_weeks_rejected),
		cmocka_unit_test(loonsanctie_extends_end),
		cmocka_unit_test(bekorting_ends_sanction_six_weeks_after_repair),
		cmocka_unit_test(vervroegde_iva_window),
		cmocka_unit_test(vervroegde_iva_only_once),
		cmocka_unit_test(deadline_on_christmas_moves_past_both_days_and_sunday),
		cmocka_unit_test(deadline_on_koningsdag),
		cmocka_unit_test(deadline_on_bevrijdingsdag),
		cmocka_unit_test(deadline_on_new_years_day),
		cmocka_unit_test(deadline_on_hemelvaart_and_pinksteren),
		cmocka_unit_test(easter_dates),
		cmocka_unit_test(koningsdag_on_sunday_moves_to_saturday),
		cmocka_unit_test(weekend_and_working_days),
		cmocka_unit_test(leap_year_february),
		cmocka_unit_test(first_sick_day_on_saturday),
		cmocka_unit_test(date_parse_rejects_garbage),
		cmocka_unit_test(status_boundaries),
		cmocka_unit_test(art5_deviation_is_not_overdue),
		cmocka_unit_test(art5_deviation_then_done),
		cmocka_unit_test(bad_deviation_code_rejected),
		cmocka_unit_test(period_errors),
		cmocka_unit_test(periods_are_sorted),
		cmocka_unit_test(unknown_event_kind_rejected),
		cmocka_unit_test(events_of_an_earlier_case_ignored),
		cmocka_unit_test(rule_version_by_first_sick_day),
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(week_and_sick_days_today),
	};
	return cmocka_run_group_tests_name("timeline", tests, NULL, NULL);
}
