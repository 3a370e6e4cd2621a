/* test_stats.c - absence statistics against the standard "Berekening van
 * ziekteverzuim" (1996) and DOMAIN.md section 9, and the second-track
 * figures. Expected values were worked out by hand from the definitions in
 * stats.h; dates and working-day counts were checked independently. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <string.h>
#include <cmocka.h>

#include "core/holiday.h"
#include "core/stats.h"

#define EPS 1e-9

/* cmocka 1.1 compares floats only; these figures need doubles. */
#define assert_near(x, expect)                                                         \
	do {                                                                           \
		const double x_ = (x), e_ = (expect);                                  \
		if (!(fabs(x_ - e_) <= EPS * fmax(1.0, fabs(e_))))                     \
			fail_msg("%s = %.12g, expected %.12g", #x, x_, e_);            \
	} while (0)

static sw_date D(const char *s)
{
	sw_date d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

/* A data set and its parameters; records are added in sorted order. */
struct fx {
	struct stats_employment e[64];
	size_t ne;
	struct stats_absence a[64];
	size_t na;
	struct stats_params p;
	struct stats_report r;
	size_t bad;
};

static void period(struct fx *f, const char *from, const char *to)
{
	f->p = stats_params_standard(D(from), D(to));
}

static void job(struct fx *f, int64_t employee, const char *from, const char *until, double factor)
{
	f->e[f->ne++] = (struct stats_employment){ employee, D(from), until ? D(until) : DATE_NONE, factor };
}

static void sick(struct fx *f, int64_t case_id, int64_t employee, const char *from, const char *to,
		 double fraction)
{
	f->a[f->na++] = (struct stats_absence){ case_id, employee, D(from), to ? D(to) : DATE_NONE,
						fraction, 0 };
}

static enum stats_error run(struct fx *f)
{
	const struct stats_input in = { f->e, f->ne, f->a, f->na };
	return stats_compute(&f->p, &in, &f->r, &f->bad);
}

static void compute(struct fx *f)
{
	assert_int_equal(run(f), STATS_OK);
}

static double round1(double x)
{
	return round(x * 10.0) / 10.0;
}

static void assert_class(const struct fx *f, enum stats_class cls, uint64_t cases, double days)
{
	assert_int_equal(f->r.classes[cls].cases, cases);
	assert_near(f->r.classes[cls].sick_days, days);
}

/* The CBS example ("Hoe bepaal ik het ziekteverzuimpercentage?", cbs.nl),
 * data reproduced as given: 10 employees, 8 full-time and 2 at 75%, the
 * second quarter (91 days; the year is not given, 2025 is used), four sick
 * reports; employee 9 is one of the part-timers. 37.75 / 864.5 = 4.4%. */
static void test_cbs_example(void **state)
{
	(void)state;
	struct fx f = { 0 };
	period(&f, "2025-04-01", "2025-06-30");
	for (int id = 1; id <= 10; id++)
		job(&f, id, "2020-01-01", NULL, id >= 9 ? 0.75 : 1.0);
	sick(&f, 1, 1, "2025-04-03", "2025-04-10", 1.0);
	sick(&f, 4, 4, "2025-04-26", "2025-04-27", 1.0);
	sick(&f, 7, 7, "2025-05-29", "2025-06-06", 1.0);
	sick(&f, 9, 9, "2025-04-18", "2025-05-12", 1.0);
	compute(&f);

	assert_near(f.r.sick_days, 37.75);
	assert_near(f.r.available_days, 864.5);
	assert_near(round1(f.r.verzuimpercentage), 4.4);
	assert_near(f.r.verzuimpercentage, 100.0 * 37.75 / 864.5);

	/* 4 reports, 10 employees all quarter, scaled by 365/91. */
	assert_int_equal(f.r.period_days, 91);
	assert_int_equal(f.r.year_days, 365);
	assert_int_equal(f.r.new_cases, 4);
	assert_near(f.r.avg_headcount, 10.0);
	assert_near(f.r.meldingsfrequentie, 4.0 / 10.0 * 365.0 / 91.0);

	/* All four recovered in the quarter: (8 + 2 + 9 + 25) / 4, no
	 * part-time factor on durations. */
	assert_int_equal(f.r.closed_cases, 4);
	assert_int_equal(f.r.closed_days, 44);
	assert_near(f.r.gemiddelde_verzuimduur, 11.0);

	assert_class(&f, STATS_CLASS_1_7, 1, 2.0);
	assert_class(&f, STATS_CLASS_8_42, 3, 8.0 + 9.0 + 18.75);
	assert_class(&f, STATS_CLASS_43_365, 0, 0.0);
	assert_near(f.r.classes[STATS_CLASS_8_42].verzuimpercentage,
			    100.0 * 35.75 / 864.5);

	assert_int_equal(f.r.employees, 10);
	assert_int_equal(f.r.nulverzuimers, 6);
	assert_near(f.r.nulverzuim_percentage, 60.0);
}

/* The deeltijdfactor of the day weighs both sick and available days. */
static void test_part_time_weighting(void **state)
{
	(void)state;
	struct fx f = { 0 };
	period(&f, "2025-01-01", "2025-01-31");
	job(&f, 1, "2024-01-01", "2025-01-15", 1.0);
	job(&f, 1, "2025-01-16", NULL, 0.5);
	sick(&f, 1, 1, "2025-01-10", "2025-01-20", 1.0);
	compute(&f);
	/* 6 days at 1.0 (10..15) + 5 at 0.5 (16..20); 15 + 16 x 0.5 available. */
	assert_near(f.r.sick_days, 8.5);
	assert_near(f.r.available_days, 23.0);
	assert_near(f.r.verzuimpercentage, 100.0 * 8.5 / 23.0);
	/* Headcount and duration ignore the factor. */
	assert_near(f.r.avg_headcount, 1.0);
	assert_int_equal(f.r.closed_days, 11);
}

/* Partial sickness weighs the sick days; a change of fraction is not a new
 * report; a day of full recovery is, even under the same case id. */
static void test_partial_sickness(void **state)
{
	(void)state;
	struct fx f = { 0 };
	period(&f, "2025-01-01", "2025-01-31");
	job(&f, 1, "2024-01-01", NULL, 0.8);
	job(&f, 2, "2024-01-01", NULL, 1.0);
	sick(&f, 10, 1, "2025-01-06", "2025-01-12", 1.0);
	sick(&f, 10, 1, "2025-01-13", "2025-01-19", 0.5);
	sick(&f, 10, 1, "2025-01-20", "2025-01-26", 0.25);
	sick(&f, 20, 2, "2025-01-02", "2025-01-03", 1.0);
	sick(&f, 20, 2, "2025-01-10", "2025-01-12", 1.0);   /* after 6 days of recovery */
	compute(&f);

	assert_near(f.r.sick_days, 0.8 * (7 + 3.5 + 1.75) + 2 + 3);
	assert_near(f.r.available_days, 31 * 0.8 + 31);
	assert_int_equal(f.r.new_cases, 3);
	/* Case 10 lasted 21 calendar days, partial days counting whole. */
	assert_int_equal(f.r.closed_cases, 3);
	assert_int_equal(f.r.closed_days, 21 + 2 + 3);
	assert_class(&f, STATS_CLASS_1_7, 2, 5.0);
	assert_class(&f, STATS_CLASS_8_42, 1, 9.8);
}

/* Working days: Monday..Friday without the Algemene termijnenwet holidays.
 * Q2 2025 has 65 weekdays; Tweede Paasdag 21 April, Bevrijdingsdag 5 May,
 * Hemelvaartsdag 29 May and Tweede Pinksterdag 9 June fall on weekdays,
 * Koningsdag on Saturday 26 April: 61 working days. */
static void test_calendar_vs_working_days(void **state)
{
	(void)state;
	struct fx f = { 0 };
	period(&f, "2025-04-01", "2025-06-30");
	job(&f, 1, "2024-01-01", NULL, 1.0);
	job(&f, 2, "2024-01-01", NULL, 0.5);
	/* Thu 17 .. Mon 28 April: 12 calendar days; working days 17, 18 (Good
	 * Friday is no general holiday), 22..25, 28 = 7. */
	sick(&f, 1, 1, "2025-04-17", "2025-04-28", 1.0);
	sick(&f, 2, 2, "2025-04-17", "2025-04-28", 1.0);
	compute(&f);
	assert_near(f.r.sick_days, 12 + 6);
	assert_near(f.r.available_days, 91 * 1.5);

	f.p.basis = STATS_WORKING_DAYS;
	compute(&f);
	assert_near(f.r.sick_days, 7 + 3.5);
	assert_near(f.r.available_days, 61 * 1.5);
	assert_near(f.r.verzuimpercentage, 100.0 * 10.5 / 91.5);
	/* Frequency and duration stay in calendar days. */
	assert_near(f.r.avg_headcount, 2.0);
	assert_int_equal(f.r.closed_days, 24);
}

/* The arithmetic working-day count agrees with counting day by day. */
static void test_working_days_brute_force(void **state)
{
	(void)state;
	static const char *const starts[] = { "1999-12-27", "2014-04-20", "2024-02-26",
					      "2025-12-20", "2026-04-01", "2031-05-01" };
	for (size_t s = 0; s < sizeof starts / sizeof *starts; s++) {
		for (int len = 1; len <= 400; len += 37) {
			struct fx f = { 0 };
			const sw_date from = D(starts[s]);
			f.p = stats_params_standard(from, from + len - 1);
			f.p.basis = STATS_WORKING_DAYS;
			job(&f, 1, "1990-01-01", NULL, 1.0);
			compute(&f);
			int expect = 0;
			for (sw_date d = from; d < from + len; d++)
				expect += !holiday_is_rest_day(d);
			assert_near(f.r.available_days, expect);
		}
	}
}

/* A case open since 2023-03-01; report 2025. Sick day 730 is 2025-02-27,
 * day 365 is 2024-02-28; by the end of 2025 the case lasted 1037 days. */
static void test_cap_730_and_long_absence(void **state)
{
	(void)state;
	struct fx f = { 0 };
	period(&f, "2025-01-01", "2025-12-31");
	job(&f, 1, "2020-01-01", NULL, 1.0);
	sick(&f, 1, 1, "2023-03-01", NULL, 1.0);

	compute(&f);   /* cap on: 1 Jan .. 27 Feb */
	assert_near(f.r.sick_days, 58.0);
	assert_near(f.r.available_days, 365.0);
	assert_class(&f, STATS_CLASS_366_730, 1, 58.0);
	assert_int_equal(f.r.new_cases, 0);
	assert_int_equal(f.r.nulverzuimers, 0);

	f.p.cap_730 = 0;
	compute(&f);
	assert_near(f.r.sick_days, 365.0);
	assert_class(&f, STATS_CLASS_OVER_730, 1, 365.0);
	assert_class(&f, STATS_CLASS_366_730, 0, 0.0);

	/* Without absence longer than a year nothing of 2025 counts, and the
	 * case is no longer classified; the employee is still not a
	 * nulverzuimer. */
	f.p.cap_730 = 1;
	f.p.include_long = 0;
	compute(&f);
	assert_near(f.r.sick_days, 0.0);
	assert_class(&f, STATS_CLASS_366_730, 0, 0.0);
	assert_int_equal(f.r.nulverzuimers, 0);
}

/* Pregnancy-related absence in or out: sick days, reports, durations,
 * nulverzuim all follow the parameter. */
static void test_pregnancy(void **state)
{
	(void)state;
	struct fx f = { 0 };
	period(&f, "2025-03-01", "2025-03-31");
	job(&f, 1, "2024-01-01", NULL, 1.0);
	job(&f, 2, "2024-01-01", NULL, 1.0);
	sick(&f, 1, 1, "2025-03-03", "2025-03-12", 1.0);
	f.a[0].pregnancy = 1;
	sick(&f, 2, 2, "2025-03-03", "2025-03-07", 1.0);

	compute(&f);   /* standard: out */
	assert_near(f.r.sick_days, 5.0);
	assert_int_equal(f.r.new_cases, 1);
	assert_int_equal(f.r.closed_days, 5);
	assert_int_equal(f.r.nulverzuimers, 1);

	f.p.include_pregnancy = 1;
	compute(&f);
	assert_near(f.r.sick_days, 15.0);
	assert_int_equal(f.r.new_cases, 2);
	assert_int_equal(f.r.closed_days, 15);
	assert_int_equal(f.r.nulverzuimers, 0);
}

/* Only the days inside the period count; a case belongs to the frequency
 * of the period it starts in and to the duration of the period its
 * hersteldatum (last sick day + 1) falls in. */
static void test_period_bounds(void **state)
{
	(void)state;
	struct fx f = { 0 };
	period(&f, "2025-04-01", "2025-04-30");
	for (int id = 1; id <= 4; id++)
		job(&f, id, "2024-01-01", NULL, 1.0);
	sick(&f, 1, 1, "2025-03-25", "2025-04-05", 1.0);  /* 5 days in, 12 long, closed */
	sick(&f, 2, 2, "2025-04-28", "2025-05-03", 1.0);  /* 3 days in, new, open at the end */
	sick(&f, 3, 3, "2025-03-20", "2025-03-31", 1.0);  /* recovered on 1 April */
	sick(&f, 4, 4, "2025-04-20", "2025-04-30", 1.0);  /* recovered on 1 May */
	compute(&f);

	assert_near(f.r.sick_days, 5 + 3 + 11);
	assert_int_equal(f.r.new_cases, 2);
	assert_int_equal(f.r.closed_cases, 2);
	assert_int_equal(f.r.closed_days, 12 + 12);
	assert_near(f.r.gemiddelde_verzuimduur, 12.0);
	/* Durations as known on 30 April: 12, 3 (28..30), 11; case 3 has no
	 * day in April and is not classified. */
	assert_class(&f, STATS_CLASS_1_7, 1, 3.0);
	assert_class(&f, STATS_CLASS_8_42, 2, 16.0);
	assert_int_equal(f.r.nulverzuimers, 1);   /* employee 3 */
}

/* Employment starting or ending inside the period: only employed days are
 * available, and only employed sick days count. */
static void test_employment_inside_period(void **state)
{
	(void)state;
	struct fx f = { 0 };
	period(&f, "2025-01-01", "2025-03-31");
	job(&f, 1, "2025-02-01", NULL, 1.0);
	job(&f, 2, "2023-06-01", "2025-02-15", 0.5);
	job(&f, 3, "2026-01-01", NULL, 1.0);       /* not yet employed */
	sick(&f, 1, 2, "2025-02-10", "2025-02-28", 1.0);
	compute(&f);

	assert_near(f.r.sick_days, 6 * 0.5);
	assert_near(f.r.available_days, 59 + 46 * 0.5);
	assert_int_equal(f.r.employee_days, 59 + 46);
	assert_near(f.r.avg_headcount, 105.0 / 90.0);
	assert_int_equal(f.r.employees, 2);
	assert_int_equal(f.r.nulverzuimers, 1);
	/* Recovery on 1 March closes the case; leaving did not. */
	assert_int_equal(f.r.closed_cases, 1);
	assert_int_equal(f.r.closed_days, 19);
}

/* No data: every ratio is 0, never NaN, and the denominators say why. */
static void test_empty(void **state)
{
	(void)state;
	struct fx f = { 0 };
	period(&f, "2025-01-01", "2025-12-31");
	compute(&f);
	assert_near(f.r.available_days, 0.0);
	assert_near(f.r.verzuimpercentage, 0.0);
	assert_near(f.r.meldingsfrequentie, 0.0);
	assert_near(f.r.gemiddelde_verzuimduur, 0.0);
	assert_near(f.r.nulverzuim_percentage, 0.0);
	for (int i = 0; i < STATS_CLASS__COUNT; i++)
		assert_near(f.r.classes[i].verzuimpercentage, 0.0);

	job(&f, 1, "2024-01-01", NULL, 1.0);
	compute(&f);
	assert_near(f.r.verzuimpercentage, 0.0);
	assert_near(f.r.gemiddelde_verzuimduur, 0.0);
	assert_int_equal(f.r.closed_cases, 0);
	assert_near(f.r.nulverzuim_percentage, 100.0);
}

/* Closed cases of 7, 8, 42, 43, 365, 366, 730 and 731 days. */
static void test_duration_class_boundaries(void **state)
{
	(void)state;
	static const int len[] = { 7, 8, 42, 43, 365, 366, 730, 731 };
	struct fx f = { 0 };
	period(&f, "2020-01-01", "2025-12-31");
	for (int i = 0; i < 8; i++) {
		job(&f, i + 1, "2019-01-01", NULL, 1.0);
		const sw_date from = D("2021-01-04");
		f.a[f.na++] = (struct stats_absence){ i + 1, i + 1, from, from + len[i] - 1, 1.0, 0 };
	}
	compute(&f);
	assert_class(&f, STATS_CLASS_1_7, 1, 7);
	assert_class(&f, STATS_CLASS_8_42, 2, 8 + 42);
	assert_class(&f, STATS_CLASS_43_365, 2, 43 + 365);
	assert_class(&f, STATS_CLASS_366_730, 3, 366 + 730 + 730);  /* day 731 not counted */
	assert_class(&f, STATS_CLASS_OVER_730, 0, 0);
	assert_int_equal(f.r.closed_days, 7 + 8 + 42 + 43 + 365 + 366 + 730 + 730);

	f.p.cap_730 = 0;
	compute(&f);
	assert_class(&f, STATS_CLASS_366_730, 2, 366 + 730);
	assert_class(&f, STATS_CLASS_OVER_730, 1, 731);
	assert_int_equal(f.r.closed_days, 7 + 8 + 42 + 43 + 365 + 366 + 730 + 731);
}

/* A case still open at the period's end is classified by its duration up
 * to that day. */
static void test_open_case_class(void **state)
{
	(void)state;
	struct fx f = { 0 };
	period(&f, "2025-01-01", "2025-01-31");
	job(&f, 1, "2024-01-01", NULL, 1.0);
	job(&f, 2, "2024-01-01", NULL, 1.0);
	job(&f, 3, "2024-01-01", NULL, 1.0);
	sick(&f, 1, 1, "2025-01-25", NULL, 1.0);          /* 7 days by 31 Jan */
	sick(&f, 2, 2, "2025-01-24", NULL, 1.0);          /* 8 */
	sick(&f, 3, 3, "2024-12-20", "2025-03-01", 1.0);  /* 43 by 31 Jan, ends later */
	compute(&f);
	assert_class(&f, STATS_CLASS_1_7, 1, 7);
	assert_class(&f, STATS_CLASS_8_42, 1, 8);
	assert_class(&f, STATS_CLASS_43_365, 1, 31);
	assert_int_equal(f.r.closed_cases, 0);
}

/* The frequency is scaled to a year: a quarter by 365/91, a calendar year
 * not at all; the headcount is averaged over the days. */
static void test_meldingsfrequentie_quarter(void **state)
{
	(void)state;
	struct fx f = { 0 };
	period(&f, "2025-04-01", "2025-06-30");
	for (int id = 1; id <= 20; id++)
		job(&f, id, "2024-01-01", id == 20 ? "2025-05-15" : NULL, id % 2 ? 1.0 : 0.5);
	for (int id = 1; id <= 5; id++) {
		char from[11];
		snprintf(from, sizeof from, "2025-05-%02d", id * 2);
		sick(&f, id, id, from, from, 1.0);
	}
	compute(&f);
	const double headcount = (19 * 91 + 45) / 91.0;   /* employee 20 left on 15 May */
	assert_near(f.r.avg_headcount, headcount);
	assert_near(f.r.meldingsfrequentie, 5 / headcount * 365.0 / 91.0);

	period(&f, "2025-01-01", "2025-12-31");
	compute(&f);
	assert_int_equal(f.r.year_days, 365);
	assert_int_equal(f.r.period_days, 365);
	assert_near(f.r.meldingsfrequentie, 5.0 / f.r.avg_headcount);

	/* A year from a date in a leap year's January has 366 days. */
	period(&f, "2024-01-01", "2024-03-31");
	compute(&f);
	assert_int_equal(f.r.year_days, 366);
	assert_int_equal(f.r.new_cases, 0);
	assert_near(f.r.meldingsfrequentie, 0.0);
}

static void expect_error(struct fx *f, enum stats_error err, size_t bad)
{
	assert_int_equal(run(f), err);
	assert_int_equal(f->bad, bad);
	assert_true(strlen(stats_error_message(err)) > 0);
}

static void valid_set(struct fx *f)
{
	memset(f, 0, sizeof *f);
	period(f, "2025-01-01", "2025-12-31");
	job(f, 1, "2024-01-01", "2024-12-31", 1.0);
	job(f, 1, "2025-01-01", NULL, 0.5);
	job(f, 2, "2024-01-01", NULL, 1.0);
	sick(f, 1, 1, "2025-02-01", "2025-02-10", 1.0);
	sick(f, 1, 1, "2025-02-11", "2025-02-20", 0.5);
	sick(f, 2, 2, "2025-03-01", NULL, 1.0);
}

static void test_validation(void **state)
{
	(void)state;
	struct fx f;
	valid_set(&f);
	compute(&f);

	valid_set(&f);
	f.p.to = f.p.from - 1;
	expect_error(&f, STATS_ERR_PERIOD, 0);
	valid_set(&f);
	f.p.from = DATE_NONE;
	expect_error(&f, STATS_ERR_PERIOD, 0);
	valid_set(&f);
	f.p.basis = (enum stats_day_basis)7;
	expect_error(&f, STATS_ERR_DAY_BASIS, 0);

	valid_set(&f);
	f.e[2].until = f.e[2].from - 1;
	expect_error(&f, STATS_ERR_EMPLOYMENT_DATES, 2);
	valid_set(&f);
	f.e[1].factor = 0.0;
	expect_error(&f, STATS_ERR_EMPLOYMENT_FACTOR, 1);
	valid_set(&f);
	f.e[1].factor = 1.2;
	expect_error(&f, STATS_ERR_EMPLOYMENT_FACTOR, 1);
	valid_set(&f);
	f.e[1].factor = NAN;
	expect_error(&f, STATS_ERR_EMPLOYMENT_FACTOR, 1);
	valid_set(&f);
	f.e[2].employee = 0;
	expect_error(&f, STATS_ERR_EMPLOYMENT_ORDER, 2);
	valid_set(&f);
	f.e[0].until = D("2025-01-01");
	expect_error(&f, STATS_ERR_EMPLOYMENT_OVERLAP, 1);
	valid_set(&f);
	f.e[0].until = DATE_NONE;   /* open, but not the last */
	expect_error(&f, STATS_ERR_EMPLOYMENT_OVERLAP, 1);

	valid_set(&f);
	f.a[1].to = D("2025-01-01");
	expect_error(&f, STATS_ERR_ABSENCE_DATES, 1);
	valid_set(&f);
	f.a[2].fraction = 0.0;
	expect_error(&f, STATS_ERR_ABSENCE_FRACTION, 2);
	valid_set(&f);
	f.a[2].employee = 0;
	expect_error(&f, STATS_ERR_ABSENCE_ORDER, 2);
	valid_set(&f);
	f.a[1].from = D("2025-02-10");
	expect_error(&f, STATS_ERR_ABSENCE_OVERLAP, 1);
	valid_set(&f);
	f.a[1].pregnancy = 1;
	expect_error(&f, STATS_ERR_ABSENCE_PREGNANCY, 1);
	valid_set(&f);
	f.a[2].from = D("2023-12-01");   /* before employee 2 was employed */
	expect_error(&f, STATS_ERR_ABSENCE_NOT_EMPLOYED, 2);
	valid_set(&f);
	f.a[2].employee = 3;             /* no employment at all */
	expect_error(&f, STATS_ERR_ABSENCE_NOT_EMPLOYED, 2);

	/* A case may run on after the employment ended: its later days are
	 * not counted, the case is still classified. */
	valid_set(&f);
	f.e[2].until = D("2025-03-31");
	compute(&f);
	assert_int_equal(f.r.classes[STATS_CLASS_43_365].cases, 1);
	assert_near(f.r.classes[STATS_CLASS_43_365].sick_days, 31);

	/* bad may be NULL */
	valid_set(&f);
	f.a[2].fraction = 2.0;
	const struct stats_input in = { f.e, f.ne, f.a, f.na };
	assert_int_equal(stats_check(&f.p, &in, NULL), STATS_ERR_ABSENCE_FRACTION);
}

static void test_names(void **state)
{
	(void)state;
	assert_string_equal(stats_class_name(STATS_CLASS_366_730), "366-730");
	assert_string_equal(stats_class_name(STATS_CLASS__COUNT), "");
	enum stats_outcome o;
	for (int i = 0; i < STATS_OUTCOME__COUNT; i++) {
		assert_int_equal(stats_outcome_parse(stats_outcome_name((enum stats_outcome)i), &o), 0);
		assert_int_equal(o, i);
	}
	assert_int_equal(stats_outcome_parse("herstel", &o), -1);
	assert_int_equal(stats_outcome_parse(NULL, &o), -1);
}

/* ---- randomized cross-check against a day-by-day reference ------------ */

static uint64_t rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static int below(uint64_t *s, int n)
{
	return (int)(rnd(s) % (uint64_t)n);
}

static const struct stats_employment *job_on(const struct fx *f, int64_t emp, sw_date d)
{
	for (size_t i = 0; i < f->ne; i++)
		if (f->e[i].employee == emp && f->e[i].from <= d &&
		    (f->e[i].until == DATE_NONE || d <= f->e[i].until))
			return &f->e[i];
	return NULL;
}

/* Random employees with 1..3 employment records (gaps, factor changes)
 * and cases of 1..3 records, each case starting on an employed day. */
static void random_set(struct fx *f, uint64_t *rng)
{
	static const double factors[] = { 1.0, 0.8, 0.5, 0.25 };
	static const double fractions[] = { 1.0, 0.5, 0.3 };
	memset(f, 0, sizeof *f);
	const sw_date base = D("2022-06-01");
	int64_t case_id = 100;
	const int nemp = 1 + below(rng, 5);
	for (int64_t emp = 1; emp <= nemp; emp++) {
		sw_date t = base + below(rng, 400);
		const int njobs = 1 + below(rng, 3);
		for (int j = 0; j < njobs; j++) {
			const int open = j == njobs - 1 && below(rng, 2);
			const sw_date until = open ? DATE_NONE : t + below(rng, 700);
			f->e[f->ne++] = (struct stats_employment){ emp, t, until,
								   factors[below(rng, 4)] };
			if (!open)
				t = until + 1 + (below(rng, 2) ? 0 : below(rng, 60));
		}
		t = f->e[f->ne - njobs].from + below(rng, 30);
		for (int c = below(rng, 5); c > 0 && f->na + 3 < 64; c--) {
			while (job_on(f, emp, t) == NULL && t < base + 3000)
				t++;
			if (job_on(f, emp, t) == NULL)
				break;
			const int reuse = f->na > 0 && f->a[f->na - 1].employee == emp && below(rng, 3) == 0;
			case_id += !reuse;   /* reused: one samentelling case with a gap, or contiguous */
			const int preg = reuse ? f->a[f->na - 1].pregnancy : below(rng, 6) == 0;
			const int parts = 1 + below(rng, 3);
			for (int k = 0; k < parts; k++) {
				const int len = below(rng, 8) ? 1 + below(rng, 45) : 300 + below(rng, 600);
				f->a[f->na++] = (struct stats_absence){ case_id, emp, t, t + len - 1,
									fractions[below(rng, 3)], preg };
				t += len;
			}
			t += below(rng, 3) == 0 ? 0 : below(rng, 90);
		}
		if (f->na > 0 && f->a[f->na - 1].employee == emp && below(rng, 4) == 0)
			f->a[f->na - 1].to = DATE_NONE;
	}
	const sw_date from = base + below(rng, 1200);
	f->p = stats_params_standard(from, from + below(rng, 500));
}

/* The report recomputed one day at a time from the definitions. */
static void reference(const struct fx *f, struct stats_report *r)
{
	const struct stats_params *p = &f->p;
	const int limit = !p->include_long ? 365 : p->cap_730 ? 730 : 0;
	memset(r, 0, sizeof *r);
	for (sw_date d = p->from; d <= p->to; d++) {
		const int counts = p->basis == STATS_CALENDAR_DAYS || !holiday_is_rest_day(d);
		for (size_t i = 0; i < f->ne; i++) {
			const struct stats_employment *e = &f->e[i];
			if (e->from <= d && (e->until == DATE_NONE || d <= e->until)) {
				r->employee_days++;
				r->available_days += counts * e->factor;
			}
		}
	}
	int sick[8] = { 0 };
	for (size_t k = 0; k < f->na;) {
		size_t n = 1;
		while (k + n < f->na && f->a[k + n].case_id == f->a[k].case_id &&
		       f->a[k + n - 1].to != DATE_NONE && f->a[k + n].from == f->a[k + n - 1].to + 1)
			n++;
		const struct stats_absence *a = &f->a[k];
		const int64_t emp = a->employee;
		const sw_date first = a->from, last = a[n - 1].to;
		k += n;
		if (a->pregnancy && !p->include_pregnancy)
			continue;
		const sw_date stop = last == DATE_NONE || last > p->to ? p->to : last;
		int64_t counted = 0;
		double weighted = 0;
		for (sw_date d = first > p->from ? first : p->from; d <= stop; d++) {
			const struct stats_employment *e = job_on(f, emp, d);
			if (e == NULL)
				continue;
			sick[emp] = 1;
			if (limit && d - first + 1 > limit)
				continue;
			const struct stats_absence *rec = a;
			while (rec->to != DATE_NONE && rec->to < d)
				rec++;
			counted++;
			if (p->basis == STATS_CALENDAR_DAYS || !holiday_is_rest_day(d))
				weighted += rec->fraction * e->factor;
		}
		r->sick_days += weighted;
		r->new_cases += first >= p->from && first <= p->to;
		if (last != DATE_NONE && last + 1 >= p->from && last + 1 <= p->to) {
			r->closed_cases++;
			const int64_t dur = last - first + 1;
			r->closed_days += (uint64_t)(limit && dur > limit ? limit : dur);
		}
		if (counted > 0) {
			int64_t dur = stop - first + 1;
			dur = limit && dur > limit ? limit : dur;
			const int cls = dur <= 7 ? 0 : dur <= 42 ? 1 : dur <= 365 ? 2 : dur <= 730 ? 3 : 4;
			r->classes[cls].cases++;
			r->classes[cls].sick_days += weighted;
		}
	}
	for (int64_t emp = 1; emp < 8; emp++) {
		int employed = 0;
		for (sw_date d = p->from; d <= p->to && !employed; d++)
			employed = job_on(f, emp, d) != NULL;
		r->employees += employed;
		r->nulverzuimers += employed && !sick[emp];
	}
}

static void test_random_against_reference(void **state)
{
	(void)state;
	uint64_t rng = 0x9e3779b97f4a7c15ULL;
	for (int round = 0; round < 300; round++) {
		struct fx f;
		random_set(&f, &rng);
		for (int variant = 0; variant < 8; variant++) {
			f.p.basis = variant & 1 ? STATS_WORKING_DAYS : STATS_CALENDAR_DAYS;
			f.p.cap_730 = !(variant & 2);
			f.p.include_pregnancy = !!(variant & 4);
			f.p.include_long = round % 3 != 0;
			compute(&f);
			struct stats_report want;
			reference(&f, &want);
			assert_near(f.r.sick_days, want.sick_days);
			assert_near(f.r.available_days, want.available_days);
			assert_int_equal(f.r.employee_days, want.employee_days);
			assert_int_equal(f.r.new_cases, want.new_cases);
			assert_int_equal(f.r.closed_cases, want.closed_cases);
			assert_int_equal(f.r.closed_days, want.closed_days);
			for (int c = 0; c < STATS_CLASS__COUNT; c++) {
				assert_int_equal(f.r.classes[c].cases, want.classes[c].cases);
				assert_near(f.r.classes[c].sick_days, want.classes[c].sick_days);
			}
			assert_int_equal(f.r.employees, want.employees);
			assert_int_equal(f.r.nulverzuimers, want.nulverzuimers);
		}
	}
}

/* Sick week n = sick days 7(n-1)+1 .. 7n (DOMAIN.md section 4). */
static void test_second_track(void **state)
{
	(void)state;
	const sw_date d = D("2024-01-01");
	const struct stats_track_case c[] = {
		{ d, d, STATS_OUTCOME_LOPEND, 0 },                  /* day 1: week 1 */
		{ d, d + 6, STATS_OUTCOME_NIEUWE_WERKGEVER, 0 },    /* day 7: week 1 */
		{ d, d + 7, STATS_OUTCOME_NIEUWE_WERKGEVER, 0 },    /* day 8: week 2 */
		{ d, d + 363, STATS_OUTCOME_WIA, 0 },               /* day 364: week 52 */
		{ d, d + 364, STATS_OUTCOME_WIA, 0 },               /* day 365: week 53 */
		{ d, d + 380, STATS_OUTCOME_EIGEN_WERKGEVER, 20 },  /* 20 gap days: day 361, week 52 */
		{ d, d + 727, STATS_OUTCOME_ANDERS, 0 },            /* day 728: week 104 */
		{ d, d + 728, STATS_OUTCOME_WIA, 0 },               /* day 729: week 105 */
		{ d, DATE_NONE, STATS_OUTCOME_EIGEN_WERKGEVER, 0 },
		{ d, DATE_NONE, STATS_OUTCOME_LOPEND, 0 },
	};
	struct stats_track_report r;
	size_t bad = 99;
	assert_int_equal(stats_track(c, 10, &r, &bad), STATS_OK);
	assert_int_equal(r.cases, 10);
	assert_int_equal(r.started, 8);
	assert_int_equal(r.by_week[0], 2);
	assert_int_equal(r.by_week[1], 1);
	assert_int_equal(r.by_week[51], 2);
	assert_int_equal(r.by_week[52], 1);
	assert_int_equal(r.by_week[103], 1);
	assert_int_equal(r.by_week[STATS_TRACK_WEEKS], 1);
	assert_int_equal(r.started_year1, 5);
	assert_near(r.year1_share, 100.0 * 5 / 8);
	assert_int_equal(r.outcomes[STATS_OUTCOME_EIGEN_WERKGEVER], 2);
	assert_int_equal(r.outcomes[STATS_OUTCOME_NIEUWE_WERKGEVER], 2);
	assert_int_equal(r.outcomes[STATS_OUTCOME_WIA], 3);
	assert_int_equal(r.outcomes[STATS_OUTCOME_ANDERS], 1);
	assert_int_equal(r.outcomes[STATS_OUTCOME_LOPEND], 2);
	assert_int_equal(r.outcomes_started[STATS_OUTCOME_EIGEN_WERKGEVER], 1);
	assert_int_equal(r.outcomes_started[STATS_OUTCOME_LOPEND], 1);

	assert_int_equal(stats_track(NULL, 0, &r, NULL), STATS_OK);
	assert_int_equal(r.cases, 0);
	assert_near(r.year1_share, 0.0);
}

static void test_second_track_validation(void **state)
{
	(void)state;
	const sw_date d = D("2024-01-01");
	struct stats_track_case c[2] = {
		{ d, d + 10, STATS_OUTCOME_LOPEND, 0 },
		{ d, d + 10, STATS_OUTCOME_LOPEND, 0 },
	};
	struct stats_track_report r;
	size_t bad;
	c[1].first_sick_day = DATE_NONE;
	assert_int_equal(stats_track(c, 2, &r, &bad), STATS_ERR_TRACK_FIRST_DAY);
	assert_int_equal(bad, 1);
	c[1].first_sick_day = d;
	c[1].track_start = d - 1;
	assert_int_equal(stats_track(c, 2, &r, &bad), STATS_ERR_TRACK_START);
	c[1].track_start = d + 10;
	c[1].gap_days = 11;
	assert_int_equal(stats_track(c, 2, &r, &bad), STATS_ERR_TRACK_GAP);
	c[1].gap_days = -1;
	assert_int_equal(stats_track(c, 2, &r, &bad), STATS_ERR_TRACK_GAP);
	c[1].gap_days = 0;
	c[1].outcome = STATS_OUTCOME__COUNT;
	assert_int_equal(stats_track(c, 2, &r, &bad), STATS_ERR_TRACK_OUTCOME);
	assert_int_equal(bad, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cbs_example),
		cmocka_unit_test(test_part_time_weighting),
		cmocka_unit_test(test_partial_sickness),
		cmocka_unit_test(test_calendar_vs_working_days),
		cmocka_unit_test(test_working_days_brute_force),
		cmocka_unit_test(test_cap_730_and_long_absence),
		cmocka_unit_test(test_pregnancy),
		cmocka_unit_test(test_period_bounds),
		cmocka_unit_test(test_employment_inside_period),
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_duration_class_boundaries),
		cmocka_unit_test(test_open_case_class),
		cmocka_unit_test(test_meldingsfrequentie_quarter),
		cmocka_unit_test(test_validation),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_random_against_reference),
		cmocka_unit_test(test_second_track),
		cmocka_unit_test(test_second_track_validation),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
