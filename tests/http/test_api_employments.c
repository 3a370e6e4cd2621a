/* test_api_employments.c - /api/v1/organisations/{id}/employments and the
 * pregnancy flag of sick periods over TCP against the real server and store
 * ($SW_TEST_DATABASE, seeded on 2026-03-02). The demo works company has nine
 * employments; Mark Janssens is its werkgever, Sanne de Vries an employee. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-employments.db"
#include "http/api_harness.h"

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
	assert_int_equal(json_integer_value(json_object_get(r.json, "total")), 9);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
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
	const int64_t bh = user_id("beheerder@demo.spoorwijzer.nl");
	const int64_t before = count("SELECT COUNT(*) FROM employments WHERE user_id = $1", bh);
	path(p, sizeof p, "");
	snprintf(body, sizeof body, "{\"user_id\":%lld,\"from\":\"2025-01-01\",\"until\":\"2025-06-30\","
		 "\"factor\":0.6}", (long long)bh);
	call(as(WG), "POST", p, body, 1, &r);
	assert_int_equal(r.status, 201);
	const int64_t eid = json_integer_value(json_object_get(r.json, "id"));
	assert_string_equal(json_string_value(json_object_get(r.json, "until")), "2025-06-30");
	assert_true(json_real_value(json_object_get(r.json, "factor")) == 0.6);
	reply_free(&r);

	/* Bad input changes nothing. */
	static const struct { const char *body; const char *field; } bad[] = {
		{ "{\"user_id\":%lld,\"from\":\"2025-03-01\",\"factor\":1}", "from" },  /* overlap */
		{ "{\"user_id\":%lld,\"from\":\"2026-01-01\",\"factor\":0}", "factor" },
		{ "{\"user_id\":%lld,\"from\":\"2026-01-01\",\"factor\":1.5}", "factor" },
		{ "{\"user_id\":%lld,\"from\":\"2026-01-01\",\"factor\":\"1\"}", "factor" },
		{ "{\"user_id\":%lld,\"from\":\"2026-01-01\"}", "factor" },
		{ "{\"user_id\":%lld,\"from\":\"2026-02-30\",\"factor\":1}", "from" },
		{ "{\"user_id\":%lld,\"from\":\"2026-01-01\",\"until\":\"2025-12-31\",\"factor\":1}", "until" },
		{ "{\"user_id\":%lld,\"from\":\"2026-01-01\",\"factor\":1,\"reden\":\"x\"}", "reden" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(body, sizeof body, bad[i].body, (long long)bh);
		call(as(WG), "POST", p, body, 1, &r);
		assert_error(&r, 422, "invalid", bad[i].field);
		reply_free(&r);
	}
	call(as(WG), "POST", p, "{\"user_id\":999999,\"from\":\"2026-01-01\",\"factor\":1}", 1, &r);
	assert_int_equal(r.status, 404);
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM employments WHERE user_id = $1", bh), before + 1);
	/* The employee may not write. */
	snprintf(body, sizeof body, "{\"user_id\":%lld,\"from\":\"2026-01-01\",\"factor\":1}",
		 (long long)bh);
	assert_int_equal(status_of(WN, "POST", p, body), 403);

	/* PATCH: until and factor; null reopens. */
	char one[160], sfx[32];
	snprintf(sfx, sizeof sfx, "/%lld", (long long)eid);
	path(one, sizeof one, sfx);
	call(as(BH), "PATCH", one, "{\"until\":null,\"factor\":0.8}", 1, &r);
	assert_int_equal(r.status, 200);
	assert_true(json_is_null(json_object_get(r.json, "until")));
	assert_true(json_real_value(json_object_get(r.json, "factor")) == 0.8);
	reply_free(&r);
	call(as(WG), "PATCH", one, "{\"until\":\"2024-01-01\"}", 1, &r);
	assert_error(&r, 422, "invalid", "until");
	reply_free(&r);
	call(as(WG), "PATCH", one, "{\"from\":\"2024-01-01\"}", 1, &r);
	assert_error(&r, 422, "invalid", "from");
	reply_free(&r);
	path(one, sizeof one, "/999999");
	call(as(WG), "PATCH", one, "{\"factor\":0.5}", 1, &r);
	assert_error(&r, 404, "not_found", "eid");
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM employments WHERE id = $1 AND until_date IS NULL",
			       eid), 1);
}

/* The pregnancy flag: only whether, set by the werkgever only. */
static void test_zwangerschap(void **state)
{
	(void)state;
	const int64_t kase = count("SELECT MIN(id) FROM cases WHERE employee_id = $1",
				   user_id("werknemer@demo.spoorwijzer.nl"));
	const int64_t pid = count("SELECT MIN(id) FROM sick_periods WHERE case_id = $1", kase);
	char p[160];
	struct reply r;
	snprintf(p, sizeof p, "/api/v1/cases/%lld/periods/%lld", (long long)kase, (long long)pid);
	call(as(WG), "PATCH", p, "{\"zwangerschap\":true}", 1, &r);
	assert_int_equal(r.status, 200);
	assert_true(json_is_true(json_object_get(r.json, "zwangerschap")));
	reply_free(&r);
	assert_int_equal(count("SELECT zwangerschap FROM sick_periods WHERE id = $1", pid), 1);
	call(as(WG), "PATCH", p, "{\"zwangerschap\":\"ja\"}", 1, &r);
	assert_error(&r, 422, "invalid", "zwangerschap");
	reply_free(&r);
	call(as(WG), "PATCH", p, "{\"zwangerschap\":true,\"reden\":\"x\"}", 1, &r);
	assert_error(&r, 422, "invalid", "reden");
	reply_free(&r);
	call(as(WG), "PATCH", p, "{}", 1, &r);
	assert_error(&r, 422, "invalid", "to");
	reply_free(&r);
	/* Another party may not set it: only the werkgever writes periods. */
	call(as("arbeidsdeskundige"), "PATCH", p, "{\"zwangerschap\":false}", 1, &r);
	assert_int_equal(r.status, 403);
	reply_free(&r);
	assert_int_equal(count("SELECT zwangerschap FROM sick_periods WHERE id = $1", pid), 1);
	call(as(WG), "PATCH", p, "{\"zwangerschap\":false}", 1, &r);
	assert_int_equal(r.status, 200);
	assert_true(json_is_false(json_object_get(r.json, "zwangerschap")));
	reply_free(&r);
	assert_int_equal(count("SELECT zwangerschap FROM sick_periods WHERE id = $1", pid), 0);
	/* The case detail shows it on each period. */
	snprintf(p, sizeof p, "/api/v1/cases/%lld", (long long)kase);
	call(as(WN), "GET", p, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	const json_t *per = json_array_get(json_object_get(r.json, "periods"), 0);
	assert_true(json_is_boolean(json_object_get(per, "zwangerschap")));
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
