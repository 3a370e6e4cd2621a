/* test_api_employments.c - /api/v1/organisations/{id}/employments and the
 * pregnancy flag of sick periods over TCP against the real server and store
 * ($SW_TEST_DATABASE, seeded on 2026-03-02). The demo works company has 16
 * employments in its register; Mark Janssens is its casemanager, Sanne de
 * Vries an employee. The pregnancy flag is part of the ziekmelding and is
 * corrected like any of its values (a correctie mutation). */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-employments.db"
#include "http/api_harness.h"

#include <math.h>

#define WG "werkgever"
#define WN "werknemer"
#define BH "beheerder"

static int64_t org(void)
{
	return user_org("werkgever@demo.spoorwijzer.nl");
}

static void path(char *out, size_t n, const char *suffix)
{
	snprintf(out, n, "/api/v1/organisations/%lld/employments%s", (long long)org(), suffix);
}

static void test_list_pages(void **state)
{
	(void)state;
	char p[160];
	struct reply r;
	path(p, sizeof p, "?per_page=4&page=3");
	call(as(WG), "GET", p, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_integer_value(json_object_get(r.json, "total")), 16);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 4);
	reply_free(&r);
	path(p, sizeof p, "?per_page=0");
	call(as(WG), "GET", p, NULL, 0, &r);
	assert_error(&r, 422, "invalid", "per_page");
	reply_free(&r);
	/* The beheerder too; the employee and another organisation not. */
	path(p, sizeof p, "");
	assert_int_equal(status_of(BH, "GET", p, NULL), 200);
	call(as(WN), "GET", p, NULL, 0, &r);
	assert_error(&r, 403, "forbidden", "");
	reply_free(&r);
	char other[160];
	snprintf(other, sizeof other, "/api/v1/organisations/%lld/employments",
		 (long long)user_org("netwerkwerkgever@demo.spoorwijzer.nl"));
	assert_int_equal(status_of("netwerkwerkgever", "GET", p, NULL), 404);
	assert_int_equal(status_of(WG, "GET", other, NULL), 404);
	assert_int_equal(status_of(BH, "GET", "/api/v1/organisations/999999/employments", NULL), 404);
	assert_true(count("SELECT COUNT(*) FROM audit_log WHERE resource = 'employments'"
			  " AND outcome = 'deny' AND user_id = $1",
			  user_id("werknemer@demo.spoorwijzer.nl")) >= 1);
}

static void test_create_and_change(void **state)
{
	(void)state;
	char p[160], body[256];
	struct reply r;
	/* Joris van Dongen (1014) takes a second job at the same time. */
	const int64_t joris = count("SELECT MIN(id) FROM persons WHERE personnel_number = '1014'"
				    " AND $1 = 0", 0);
	const int64_t before = count("SELECT COUNT(*) FROM employments WHERE person_id = $1", joris);
	path(p, sizeof p, "");
	snprintf(body, sizeof body, "{\"person_id\":%lld,\"from\":\"2025-01-01\",\"until\":"
		 "\"2025-06-30\",\"contract_hours\":12,\"norm_hours\":36,\"functie\":\"Chauffeur\"}",
		 (long long)joris);
	call(as(WG), "POST", p, body, 1, &r);
	assert_int_equal(r.status, 201);
	const int64_t eid = json_integer_value(json_object_get(r.json, "id"));
	assert_string_equal(json_string_value(json_object_get(r.json, "until")), "2025-06-30");
	assert_true(fabs(json_real_value(json_object_get(r.json, "factor")) - 1.0 / 3.0) < 1e-6);
	reply_free(&r);

	/* Bad input changes nothing. */
	static const struct { const char *body; const char *field; } bad[] = {
		{ "{\"person_id\":%lld,\"from\":\"2026-01-01\",\"contract_hours\":40,\"norm_hours\":36}",
		  "contract_hours" },
		{ "{\"person_id\":%lld,\"from\":\"2026-01-01\",\"contract_hours\":0,\"norm_hours\":36}",
		  "contract_hours" },
		{ "{\"person_id\":%lld,\"from\":\"2026-01-01\",\"contract_hours\":\"1\",\"norm_hours\":36}",
		  "contract_hours" },
		{ "{\"person_id\":%lld,\"from\":\"2026-01-01\",\"contract_hours\":8}", "norm_hours" },
		{ "{\"person_id\":%lld,\"from\":\"2026-02-30\",\"contract_hours\":8,\"norm_hours\":36}",
		  "from" },
		{ "{\"person_id\":%lld,\"from\":\"2026-01-01\",\"until\":\"2025-12-31\","
		  "\"contract_hours\":8,\"norm_hours\":36}", "until" },
		{ "{\"person_id\":%lld,\"from\":\"2026-01-01\",\"contract_hours\":8,\"norm_hours\":36,"
		  "\"reden\":\"x\"}", "reden" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(body, sizeof body, bad[i].body, (long long)joris);
		call(as(WG), "POST", p, body, 1, &r);
		assert_error(&r, 422, "invalid", bad[i].field);
		reply_free(&r);
	}
	call(as(WG), "POST", p, "{\"person_id\":999999,\"from\":\"2026-01-01\",\"contract_hours\":8,"
	     "\"norm_hours\":36}", 1, &r);
	assert_error(&r, 422, "invalid", "person_id");
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM employments WHERE person_id = $1", joris),
			 before + 1);
	/* The employee, the leidinggevende and the hr-analist may not write. */
	snprintf(body, sizeof body, "{\"person_id\":%lld,\"from\":\"2026-01-01\","
		 "\"contract_hours\":8,\"norm_hours\":36}", (long long)joris);
	assert_int_equal(status_of(WN, "POST", p, body), 403);
	assert_int_equal(status_of("leidinggevende", "POST", p, body), 403);
	assert_int_equal(status_of("hr-analist", "POST", p, body), 403);
	/* The organisation's beheerder may. */
	assert_int_equal(status_of("orgbeheerder", "GET", p, NULL), 200);

	/* PATCH: until and hours; null reopens. */
	char one[160], sfx[32];
	snprintf(sfx, sizeof sfx, "/%lld", (long long)eid);
	path(one, sizeof one, sfx);
	call(as(BH), "PATCH", one, "{\"until\":null,\"contract_hours\":18}", 1, &r);
	assert_int_equal(r.status, 200);
	assert_true(json_is_null(json_object_get(r.json, "until")));
	assert_true(json_real_value(json_object_get(r.json, "factor")) == 0.5);
	reply_free(&r);
	call(as(WG), "PATCH", one, "{\"until\":\"2024-01-01\"}", 1, &r);
	assert_error(&r, 422, "invalid", "until");
	reply_free(&r);
	call(as(WG), "PATCH", one, "{\"from\":\"2024-01-01\"}", 1, &r);
	assert_error(&r, 422, "invalid", "from");
	reply_free(&r);
	path(one, sizeof one, "/999999");
	call(as(WG), "PATCH", one, "{\"contract_hours\":5}", 1, &r);
	assert_error(&r, 404, "not_found", "eid");
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM employments WHERE id = $1 AND until_date IS NULL",
			       eid), 1);
}

/* The pregnancy flag: only whether, part of the ziekmelding, corrected by
 * the werkgever side only. */
static void test_zwangerschap(void **state)
{
	(void)state;
	const int64_t kase = count("SELECT MIN(c.id) FROM cases c JOIN persons p ON p.id = c.person_id"
				   " WHERE p.user_id = $1",
				   user_id("werknemer@demo.spoorwijzer.nl"));
	const int64_t mid = count("SELECT MIN(id) FROM sickness_mutations WHERE case_id = $1", kase);
	char p[160];
	struct reply r;
	snprintf(p, sizeof p, "/api/v1/cases/%lld/sickness/%lld/correction", (long long)kase,
		 (long long)mid);
	call(as(WG), "POST", p, "{\"zwangerschap\":true,\"reason\":\"Zwangerschapsgerelateerd.\"}",
	     1, &r);
	assert_int_equal(r.status, 201);
	reply_free(&r);
	assert_int_equal(count("SELECT MAX(zwangerschap) FROM sick_periods WHERE case_id = $1", kase),
			 1);
	call(as(WG), "POST", p, "{\"zwangerschap\":\"ja\",\"reason\":\"x\"}", 1, &r);
	assert_error(&r, 422, "invalid", "zwangerschap");
	reply_free(&r);
	call(as(WG), "POST", p, "{\"zwangerschap\":true,\"reason\":\"x\",\"reden\":\"x\"}", 1, &r);
	assert_error(&r, 422, "invalid", "reden");
	reply_free(&r);
	/* Another party may not: only the werkgever side writes mutations. */
	call(as("arbeidsdeskundige"), "POST", p, "{\"zwangerschap\":false,\"reason\":\"x\"}", 1, &r);
	assert_int_equal(r.status, 403);
	reply_free(&r);
	assert_int_equal(count("SELECT MAX(zwangerschap) FROM sick_periods WHERE case_id = $1", kase),
			 1);
	/* The case detail shows it on each period. */
	snprintf(p, sizeof p, "/api/v1/cases/%lld", (long long)kase);
	call(as(WN), "GET", p, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	const json_t *per = json_array_get(json_object_get(r.json, "periods"), 0);
	assert_true(json_is_true(json_object_get(per, "zwangerschap")));
	reply_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_list_pages),
		cmocka_unit_test(test_create_and_change),
		cmocka_unit_test(test_zwangerschap),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
