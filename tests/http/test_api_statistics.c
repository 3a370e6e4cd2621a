/* test_api_statistics.c - /api/v1/organisations/{id}/statistics(.csv)
 * over TCP against the real server and store ($SW_TEST_DATABASE, migrated
 * and seeded on 2026-03-02), checked against a hand-computed example:
 *
 * "Testbedrijf", year 2025 (365 days), five employees:
 *   E1 full-time, sick 2025-03-01..03-10 (10 days, 100%)
 *   E2 deeltijdfactor 0.5, sick 2025-06-01..06-20 at 50%
 *   E3 full-time, employed from 2025-07-01 (184 days), never sick
 *   E4 full-time, sick from 2025-12-22, still sick (10 days in 2025)
 *   E5 deeltijdfactor 0.8, never sick
 * available days = 365 + 182.5 + 184 + 365 + 292 = 1388.5
 * sick days      = 10 + 20 x 0.5 x 0.5 + 10 = 25
 * verzuimpercentage = 25 / 1388.5 x 100 = 1.80050414...
 * meldingsfrequentie = 3 / (1644 / 365) = 0.66605839...
 * gemiddelde verzuimduur = (10 + 20) / 2 = 15 (E4 is not closed)
 * duration classes: three cases of 8-42 days; nulverzuim 2 of 5 = 40%.
 * With E1's absence pregnancy-related and left out (the default):
 * 15 / 1388.5, two new cases, one closed case of 20 days, nulverzuim 60%. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-statistics.db"
#include "http/api_harness.h"

#include <math.h>

#define assert_near(x, expect)                                                     \
	do {                                                                       \
		const double x_ = (x), e_ = (expect);                              \
		if (!(fabs(x_ - e_) <= 1e-9 * fmax(1.0, fabs(e_))))                \
			fail_msg("%s = %.12g, expected %.12g", #x, x_, e_);        \
	} while (0)

static int64_t test_org, e1_case;

static sw_date D(const char *s)
{
	sw_date d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static int64_t add_user(const char *email, const char *name, int with_password)
{
	struct sw_error err = { 0 };
	char hash[CRYPTO_PWHASH_STRLEN];
	struct store_user u = { .email = email, .name = name, .organisation_id = test_org };
	if (with_password) {
		assert_int_equal(crypto_password_hash(PASSWORD, hash), 0);
		u.password_hash = hash;
	}
	int64_t id;
	if (store_user_insert(F->st, &u, &id, &err) != 0)
		fail_msg("user %s: %s", email, err.message);
	return id;
}

/* The register entry and employment of each test user, by user id. */
static int64_t person_of[64], employment_of[64];

static void employ(int64_t user, const char *from, double factor)
{
	struct sw_error err = { 0 };
	char number[32];
	snprintf(number, sizeof number, "T%lld", (long long)user);
	const struct store_person p = { .organisation_id = test_org, .personnel_number = number,
					.name = number, .birth_date = DATE_NONE, .user_id = user };
	assert_true(user < 64);
	if (store_person_insert(F->st, &p, &person_of[user], &err) != 0)
		fail_msg("person: %s: %s", err.field, err.message);
	const struct store_employment e = { .person_id = person_of[user],
					    .organisation_id = test_org, .from = D(from),
					    .until = DATE_NONE, .contract_hours = factor * 40,
					    .norm_hours = 40 };
	if (store_employment_insert(F->st, &e, &employment_of[user], &err) != 0)
		fail_msg("employment: %s: %s", err.field, err.message);
}

/* A case of employee with one sick period; hr takes part as werkgever. */
static int64_t sick(int64_t employee, int64_t hr, const char *from, const char *to, int percent)
{
	struct sw_error err = { 0 };
	const struct store_case c = { .organisation_id = test_org, .person_id = person_of[employee],
				      .employment_id = employment_of[employee], .casemanager_id = hr,
				      .status = STORE_CASE_OPEN, .expected_recovery = DATE_NONE };
	int64_t case_id, id;
	sw_date today;
	date_parse("2026-03-02", &today);
	assert_int_equal(store_case_insert(F->st, &c, &case_id, &err), 0);
	const struct store_participation pw = { .case_id = case_id, .user_id = employee,
						.role = ROLE_WERKNEMER, .from = D(from),
						.until = DATE_NONE };
	const struct store_participation pg = { .case_id = case_id, .user_id = hr,
						.role = ROLE_WERKGEVER, .from = D(from),
						.until = DATE_NONE };
	struct store_sickness m = { .case_id = case_id, .source = "portal",
				    .m = { .kind = SICK_ZIEKMELDING, .action = SICK_NIEUW,
					   .date = D(from), .percent_bp = percent * 100,
					   .expected_recovery = DATE_NONE } };
	if (store_participation_insert(F->st, &pw, &id, &err) != 0 ||
	    store_participation_insert(F->st, &pg, &id, &err) != 0 ||
	    store_sickness_record(F->st, &m, today, &id, NULL, &err) != 0)
		fail_msg("case: %s: %s", err.field, err.message);
	if (to != NULL) {
		m.m = (struct sick_mutation){ .kind = SICK_HERSTEL, .action = SICK_NIEUW,
					      .date = D(to) + 1, .expected_recovery = DATE_NONE };
		if (store_sickness_record(F->st, &m, today, &id, NULL, &err) != 0)
			fail_msg("herstel: %s: %s", err.field, err.message);
	}
	return case_id;
}

static void test_setup_data(void **state)
{
	(void)state;
	struct sw_error err = { 0 };
	const struct store_org o = { .name = "Testbedrijf", .kind = STORE_ORG_WERKGEVER };
	assert_int_equal(store_org_insert(F->st, &o, &test_org, &err), 0);
	const int64_t hr = add_user("hr@testbedrijf.nl", "Hanna Roos", 1);
	assert_int_equal(store_org_roles_set(F->st, hr, test_org,
					     ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER), NULL, 0, 0, &err), 0);
	const int64_t e[5] = {
		add_user("e1@testbedrijf.nl", "Eerste", 0), add_user("e2@testbedrijf.nl", "Tweede", 0),
		add_user("e3@testbedrijf.nl", "Derde", 0), add_user("e4@testbedrijf.nl", "Vierde", 0),
		add_user("e5@testbedrijf.nl", "Vijfde", 0),
	};
	employ(e[0], "2020-01-01", 1.0);
	employ(e[1], "2020-01-01", 0.5);
	employ(e[2], "2025-07-01", 1.0);
	employ(e[3], "2020-01-01", 1.0);
	employ(e[4], "2020-01-01", 0.8);
	e1_case = sick(e[0], hr, "2025-03-01", "2025-03-10", 100);
	sick(e[1], hr, "2025-06-01", "2025-06-20", 50);
	sick(e[3], hr, "2025-12-22", NULL, 100);

	/* Contract hours above the norm are refused. */
	const struct store_employment over = { .person_id = person_of[e[0]],
					       .organisation_id = test_org, .from = D("2019-01-01"),
					       .until = D("2019-12-31"), .contract_hours = 41,
					       .norm_hours = 40 };
	int64_t id;
	assert_int_equal(store_employment_insert(F->st, &over, &id, &err), -1);
	assert_string_equal(err.field, "contract_hours");
}

static void stats_path(char *out, size_t outsz, int64_t org, const char *query)
{
	snprintf(out, outsz, "/api/v1/organisations/%lld/statistics%s", (long long)org, query);
}

static json_t *report(const char *who, const char *query)
{
	char p[256];
	struct reply r;
	stats_path(p, sizeof p, test_org, query);
	call(as(who), "GET", p, NULL, 0, &r);
	if (r.status != 200)
		fail_msg("%s %s: %ld %s", who, p, r.status, r.body ? r.body : "");
	json_t *j = json_incref(r.json);
	reply_free(&r);
	return j;
}

static double real(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);
	if (!json_is_number(v))
		fail_msg("%s is not a number", key);
	return json_number_value(v);
}

static void test_hand_computed(void **state)
{
	(void)state;
	json_t *j = report("hr@testbedrijf.nl", "?from=2025-01-01&to=2025-12-31");
	const json_t *params = json_object_get(j, "parameters");
	assert_string_equal(json_string_value(json_object_get(params, "days")), "calendar");
	assert_true(json_is_true(json_object_get(params, "cap730")));
	assert_true(json_is_false(json_object_get(params, "pregnancy")));
	assert_near(real(j, "available_days"), 1388.5);
	assert_near(real(j, "sick_days"), 25.0);
	assert_near(real(j, "verzuimpercentage"), 25.0 / 1388.5 * 100.0);
	assert_int_equal(json_integer_value(json_object_get(j, "new_cases")), 3);
	assert_near(real(j, "avg_headcount"), 1644.0 / 365.0);
	assert_near(real(j, "meldingsfrequentie"), 3.0 / (1644.0 / 365.0));
	assert_int_equal(json_integer_value(json_object_get(j, "closed_cases")), 2);
	assert_int_equal(json_integer_value(json_object_get(j, "closed_days")), 30);
	assert_near(real(j, "gemiddelde_verzuimduur"), 15.0);
	const json_t *classes = json_object_get(j, "classes");
	assert_int_equal(json_array_size(classes), 5);
	const json_t *c2 = json_array_get(classes, 1);
	assert_string_equal(json_string_value(json_object_get(c2, "class")), "8-42");
	assert_int_equal(json_integer_value(json_object_get(c2, "cases")), 3);
	assert_near(real(c2, "sick_days"), 25.0);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(classes, 0), "cases")), 0);
	assert_int_equal(json_integer_value(json_object_get(j, "employees")), 5);
	assert_near(real(j, "nulverzuim_percentage"), 40.0);
	const json_t *t = json_object_get(j, "tweede_spoor");
	assert_int_equal(json_integer_value(json_object_get(t, "cases")), 3);
	assert_int_equal(json_integer_value(json_object_get(t, "started")), 0);
	/* A full recovery closes the case: two closed (anders), one running. */
	assert_int_equal(json_integer_value(json_object_get(json_object_get(t, "outcomes"), "lopend")),
			 1);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(t, "outcomes"), "anders")),
			 2);
	json_decref(j);

	/* Working days: the basis is echoed and changes the percentage only. */
	j = report("hr@testbedrijf.nl", "?from=2025-01-01&to=2025-12-31&days=working&cap730=false");
	params = json_object_get(j, "parameters");
	assert_string_equal(json_string_value(json_object_get(params, "days")), "working");
	assert_true(json_is_false(json_object_get(params, "cap730")));
	assert_true(real(j, "available_days") < 1388.5);
	assert_near(real(j, "meldingsfrequentie"), 3.0 / (1644.0 / 365.0));
	json_decref(j);
}

static void test_pregnancy(void **state)
{
	(void)state;
	struct sw_error err = { 0 };
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE sick_periods SET zwangerschap = 1 WHERE case_id = %lld",
		 (long long)e1_case);
	assert_int_equal(db_exec(store_db(F->st), sql, &err), 0);
	json_t *j = report("hr@testbedrijf.nl", "?from=2025-01-01&to=2025-12-31");
	assert_near(real(j, "sick_days"), 15.0);
	assert_near(real(j, "verzuimpercentage"), 15.0 / 1388.5 * 100.0);
	assert_int_equal(json_integer_value(json_object_get(j, "new_cases")), 2);
	assert_near(real(j, "gemiddelde_verzuimduur"), 20.0);
	assert_near(real(j, "nulverzuim_percentage"), 60.0);
	json_decref(j);
	j = report("hr@testbedrijf.nl", "?from=2025-01-01&to=2025-12-31&pregnancy=true");
	assert_true(json_is_true(json_object_get(json_object_get(j, "parameters"), "pregnancy")));
	assert_near(real(j, "sick_days"), 25.0);
	json_decref(j);
}

static void test_csv(void **state)
{
	(void)state;
	char p[256], ct[128];
	struct reply r;
	snprintf(p, sizeof p, "/api/v1/organisations/%lld/statistics.csv?from=2025-01-01&to=2025-12-31"
		 "&pregnancy=true", (long long)test_org);
	call(as("hr@testbedrijf.nl"), "GET", p, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(header(&r, "Content-Type", ct, sizeof ct));
	assert_string_equal(ct, "text/csv; charset=utf-8");
	assert_memory_equal(r.body, "\xef\xbb\xbfgrootheid;waarde\r\n", 20);
	assert_non_null(strstr(r.body, "\r\nverzuimpercentage;1,80\r\n"));
	assert_non_null(strstr(r.body, "\r\nbeschikbare dagen;1388,50\r\n"));
	assert_non_null(strstr(r.body, "\r\nnieuwe meldingen;3\r\n"));
	assert_non_null(strstr(r.body, "\r\ngemiddelde verzuimduur;15,00\r\n"));
	assert_non_null(strstr(r.body, "\r\nverzuimgevallen 8-42 dagen;3\r\n"));
	assert_non_null(strstr(r.body, "\r\nzwangerschapsverzuim;inclusief\r\n"));
	reply_free(&r);
}

static void test_bad_parameters(void **state)
{
	(void)state;
	static const struct {
		const char *query;
		const char *field;
	} bad[] = {
		{ "", "from" },
		{ "?from=2025-01-01", "to" },
		{ "?from=2025-13-01&to=2025-12-31", "from" },
		{ "?from=2025-12-31&to=2025-01-01", "to" },
		{ "?from=2010-01-01&to=2025-12-31", "to" },
		{ "?from=2025-01-01&to=2025-12-31&days=weeks", "days" },
		{ "?from=2025-01-01&to=2025-12-31&cap730=yes", "cap730" },
		{ "?from=2025-01-01&to=2025-12-31&pregnancy=1", "pregnancy" },
		{ "?from=2025-01-01&to=2025-12-31&org=2", "org" },
	};
	char p[256];
	struct reply r;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		stats_path(p, sizeof p, test_org, bad[i].query);
		call(as("hr@testbedrijf.nl"), "GET", p, NULL, 0, &r);
		assert_error(&r, 422, "invalid", bad[i].field);
		reply_free(&r);
	}
	/* Four employees in January: too few to report on. */
	stats_path(p, sizeof p, test_org, "?from=2025-01-01&to=2025-01-31");
	call(as("hr@testbedrijf.nl"), "GET", p, NULL, 0, &r);
	assert_error(&r, 409, "conflict", "employees");
	reply_free(&r);
}

static void test_access(void **state)
{
	(void)state;
	char p[256];
	struct reply r;
	const int64_t demo = user_org("werkgever@demo.spoorwijzer.nl");
	stats_path(p, sizeof p, test_org, "?from=2025-01-01&to=2025-12-31");
	static const char *const outsiders[] = { "werkgever", "beheerder", "werknemer" };
	for (size_t i = 0; i < 3; i++) {
		call(as(outsiders[i]), "GET", p, NULL, 0, &r);
		assert_error(&r, 404, "not_found", "id");
		reply_free(&r);
	}
	stats_path(p, sizeof p, demo, "?from=2025-03-03&to=2026-03-02");
	call(as("werknemer"), "GET", p, NULL, 0, &r);
	assert_error(&r, 403, "forbidden", "");
	reply_free(&r);
	struct client anon;
	anonymous(&anon);
	call(&anon, "GET", p, NULL, 0, &r);
	assert_int_equal(r.status, 401);
	reply_free(&r);

	/* The demo works company: employments seeded, Kees's second track
	 * started in sick week 57 and he is placed with a network employer. */
	call(as("werkgever"), "GET", p, NULL, 0, &r);
	if (r.status != 200)
		fail_msg("demo statistics: %ld %s", r.status, r.body ? r.body : "");
	assert_int_equal(json_integer_value(json_object_get(r.json, "employees")), 16);
	assert_true(json_number_value(json_object_get(r.json, "verzuimpercentage")) > 0.0);
	const json_t *t = json_object_get(r.json, "tweede_spoor");
	assert_int_equal(json_integer_value(json_object_get(t, "started")), 1);
	assert_int_equal(json_integer_value(json_object_get(t, "started_year1")), 0);
	const json_t *w = json_array_get(json_object_get(t, "by_week"), 0);
	assert_int_equal(json_integer_value(json_object_get(w, "week")), 57);
	assert_int_equal(json_integer_value(json_object_get(json_object_get(t, "outcomes"),
							    "nieuwe_werkgever")),
			 1);
	reply_free(&r);

	/* Every request left an audit row, refusals too. */
	assert_true(count("SELECT COUNT(*) FROM audit_log WHERE resource = 'statistics'"
			  " AND outcome = 'deny' AND user_id = $1",
			  user_id("werknemer@demo.spoorwijzer.nl")) >= 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_setup_data), cmocka_unit_test(test_hand_computed),
		cmocka_unit_test(test_pregnancy),  cmocka_unit_test(test_csv),
		cmocka_unit_test(test_bad_parameters), cmocka_unit_test(test_access),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
