/* test_network.c - the employer network's core rules (core/network.h):
 * the pipeline's allowed moves, the vocabularies, the level strings the
 * store keeps, the anonymous teaser's age band and region, and what counts
 * as a placement lasting 6 or 12 months. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/network.h"

static sw_date D(const char *s)
{
	sw_date d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void test_transitions(void **state)
{
	(void)state;
#define V NETWORK_VOORGESTELD
#define K NETWORK_KENNISMAKING
#define P NETWORK_PROEFPLAATSING
#define T NETWORK_DETACHERING
#define S NETWORK_DIENSTVERBAND
#define E NETWORK_BEEINDIGD
	/* Every pair, against the table of the rules: forward only, a
	 * kennismaking before any placement, ending from anywhere but the end. */
	static const char *const allowed[NETWORK_STAGE__COUNT] = {
		[V] = "K E", [K] = "P T S E", [P] = "T S E", [T] = "S E", [S] = "E", [E] = "",
	};
	static const char letters[] = "VKPTSE";
	for (int from = 0; from < NETWORK_STAGE__COUNT; from++)
		for (int to = 0; to < NETWORK_STAGE__COUNT; to++) {
			const bool want = strchr(allowed[from], letters[to]) != NULL;
			if (network_transition_ok((enum network_stage)from, (enum network_stage)to) != want)
				fail_msg("%s -> %s: want %d", network_stage_name((enum network_stage)from),
					 network_stage_name((enum network_stage)to), want);
		}
	assert_false(network_transition_ok(NETWORK_STAGE__COUNT, V));
	assert_false(network_transition_ok(V, (enum network_stage)-1));
	assert_true(network_stage_is_placement(P));
	assert_true(network_stage_is_placement(T));
	assert_true(network_stage_is_placement(S));
	assert_false(network_stage_is_placement(K));
	assert_false(network_stage_is_placement(E));
#undef V
#undef K
#undef P
#undef T
#undef S
#undef E
}

static void test_names(void **state)
{
	(void)state;
	enum network_stage s;
	for (int i = 0; i < NETWORK_STAGE__COUNT; i++) {
		assert_int_equal(network_stage_parse(network_stage_name((enum network_stage)i), &s), 0);
		assert_int_equal(s, i);
	}
	assert_string_equal(network_stage_name(NETWORK_BEEINDIGD), "beeindigd");
	assert_int_equal(network_stage_parse("beëindigd", &s), -1);
	assert_int_equal(network_stage_parse(NULL, &s), -1);
	assert_string_equal(network_stage_name(NETWORK_STAGE__COUNT), "");

	/* SBI sections: the id is the letter minus 'A'. */
	unsigned id;
	assert_int_equal(network_sector_parse("bouw", &id), 0);
	assert_int_equal(id, 'F' - 'A');
	assert_int_equal(network_sector_parse("zorg_welzijn", &id), 0);
	assert_int_equal(id, 'Q' - 'A');
	assert_int_equal(network_sector_parse("Bouw", &id), -1);
	assert_string_equal(network_sector_name(NETWORK_SECTOR__COUNT), "");

	/* Skills fit in 64 bits, are unique, and parse back. */
	assert_true(network_skill_count() > 0 && network_skill_count() <= 64);
	for (unsigned i = 0; i < network_skill_count(); i++) {
		assert_int_equal(network_skill_parse(network_skill_name(i), &id), 0);
		assert_int_equal(id, i);
	}
	assert_string_equal(network_skill_name(network_skill_count()), "");
	assert_int_equal(network_skill_parse("toveren", &id), -1);
}

static void test_levels(void **state)
{
	(void)state;
	const int in[MATCH_CATEGORY__COUNT] = { 0, 1, 2, 3, -1, 3, 2, 1, 0, -1, 3, 3 };
	int out[MATCH_CATEGORY__COUNT];
	char s[NETWORK_LEVELS_LEN + 1];
	network_levels_format(in, s);
	assert_string_equal(s, "0123-3210-33");
	assert_int_equal(network_levels_parse(s, true, out), 0);
	assert_memory_equal(in, out, sizeof in);
	/* An offer has no unknown demand. */
	assert_int_equal(network_levels_parse(s, false, out), -1);
	assert_int_equal(network_levels_parse("000000000000", false, out), 0);
	assert_int_equal(network_levels_parse("00000000000", false, out), -1);
	assert_int_equal(network_levels_parse("0000000000004", false, out), -1);
	assert_int_equal(network_levels_parse("00000000000x", true, out), -1);
	assert_int_equal(network_levels_parse("000000000004", true, out), -1);
	assert_int_equal(network_levels_parse(NULL, true, out), -1);
}

static void test_teaser(void **state)
{
	(void)state;
	char band[8], region[16];
	/* The band takes the age reached this calendar year. */
	assert_true(network_age_band(1971, D("2026-03-02"), band));
	assert_string_equal(band, "55-59");
	assert_true(network_age_band(1994, D("2026-12-31"), band));
	assert_string_equal(band, "30-34");
	assert_true(network_age_band(1996, D("2026-01-01"), band));
	assert_string_equal(band, "30-34");
	assert_false(network_age_band(0, D("2026-03-02"), band));
	assert_string_equal(band, "");
	assert_false(network_age_band(2020, D("2026-03-02"), band));
	assert_false(network_age_band(1900, D("2026-03-02"), band));

	int digits;
	assert_int_equal(network_postcode_digits("4811 NP", &digits), 1);
	assert_int_equal(digits, 4811);
	assert_int_equal(network_postcode_digits("4811np", &digits), 1);
	static const char *const bad[] = { "0811 NP", "481 NP", "4811 N", "4811 NPX", "4811  NP",
					   "48a1 NP", "4811 1P", "", NULL };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (network_postcode_digits(bad[i], &digits) != 0)
			fail_msg("accepted %s", bad[i] ? bad[i] : "NULL");
	assert_true(network_region("4816 GA", region));
	assert_string_equal(region, "regio 48");
	assert_true(network_region("1012AB", region));
	assert_string_equal(region, "regio 10");
	assert_false(network_region("Baliëndijk 3", region));
	assert_string_equal(region, "");
}

static void test_lasted(void **state)
{
	(void)state;
	const sw_date start = D("2025-08-31");
	/* Six calendar months from 31 August is 28 February (clamped). */
	assert_false(network_lasted(start, DATE_NONE, D("2026-02-27"), 6));
	assert_true(network_lasted(start, DATE_NONE, D("2026-02-28"), 6));
	assert_false(network_lasted(start, DATE_NONE, D("2026-08-30"), 12));
	assert_true(network_lasted(start, DATE_NONE, D("2026-08-31"), 12));
	/* Ended: counted up to the end, not to today. */
	assert_false(network_lasted(start, D("2026-01-15"), D("2027-01-01"), 6));
	assert_true(network_lasted(start, D("2026-03-01"), D("2027-01-01"), 6));
	assert_false(network_lasted(start, D("2026-03-01"), D("2027-01-01"), 12));
	/* An end after today is not yet an end. */
	assert_false(network_lasted(start, D("2027-01-01"), D("2026-02-01"), 6));
	assert_true(network_lasted(D("2024-01-31"), DATE_NONE, D("2024-02-29"), 1));
	assert_false(network_lasted(DATE_NONE, DATE_NONE, D("2026-01-01"), 6));
	assert_true(network_lasted(start, DATE_NONE, start, 0));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_transitions),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_levels),
		cmocka_unit_test(test_teaser),
		cmocka_unit_test(test_lasted),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
