/* test_retention.c - the retention term of a case (core/retention). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "core/retention.h"

static sw_date D(const char *s)
{
	sw_date d;
	if (date_parse(s, &d) != 0)
		fail_msg("bad date %s", s);
	return d;
}

static enum retention_verdict decide(const char *case_end, const char *job_end, bool employed,
				     int years, const char *today, sw_date *due)
{
	const struct retention_input in = {
		.case_end = case_end ? D(case_end) : DATE_NONE,
		.employment_end = job_end ? D(job_end) : DATE_NONE,
		.employed = employed,
		.years = years,
	};
	return retention_decide(&in, D(today), due);
}

static void test_later_end_counts(void **state)
{
	(void)state;
	sw_date due;
	/* Employment ended after the case: its end counts. */
	assert_int_equal(decide("2022-03-31", "2022-12-31", false, 2, "2024-12-31", &due),
			 RETENTION_KEEP_TERM);
	assert_int_equal(due, D("2025-01-01"));
	assert_int_equal(decide("2022-03-31", "2022-12-31", false, 2, "2025-01-01", &due),
			 RETENTION_REMOVE);
	/* The case ended after the employment: the case's end counts. */
	assert_int_equal(decide("2023-06-30", "2023-01-31", false, 2, "2025-06-30", &due),
			 RETENTION_KEEP_TERM);
	assert_int_equal(due, D("2025-07-01"));
	assert_int_equal(decide("2023-06-30", "2023-01-31", false, 2, "2025-07-01", &due),
			 RETENTION_REMOVE);
	/* No employment recorded: the end of the case alone. */
	assert_int_equal(decide("2020-01-10", NULL, false, 2, "2022-01-11", &due),
			 RETENTION_REMOVE);
	assert_int_equal(due, D("2022-01-11"));
}

static void test_keeps(void **state)
{
	(void)state;
	sw_date due;
	assert_int_equal(decide(NULL, "2001-01-01", false, 2, "2030-01-01", &due),
			 RETENTION_KEEP_CASE_RUNS);
	assert_int_equal(due, DATE_NONE);
	assert_int_equal(decide("2001-01-01", "2000-01-01", true, 2, "2030-01-01", &due),
			 RETENTION_KEEP_EMPLOYED);
	assert_int_equal(due, DATE_NONE);
}

static void test_years(void **state)
{
	(void)state;
	sw_date due;
	/* A longer term, configured. */
	assert_int_equal(decide("2020-01-10", NULL, false, 7, "2026-01-11", &due),
			 RETENTION_KEEP_TERM);
	assert_int_equal(due, D("2027-01-11"));
	/* 29 February plus a year is 28 February. */
	assert_int_equal(retention_add_years(D("2024-02-29"), 1), D("2025-02-28"));
	assert_int_equal(retention_add_years(D("2024-02-29"), 4), D("2028-02-29"));
	assert_int_equal(decide("2022-02-28", NULL, false, 2, "2024-02-29", &due),
			 RETENTION_KEEP_TERM);
	assert_int_equal(due, D("2024-03-01"));
	assert_string_equal(retention_verdict_name(RETENTION_REMOVE), "verwijderen");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_later_end_counts),
		cmocka_unit_test(test_keeps),
		cmocka_unit_test(test_years),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
