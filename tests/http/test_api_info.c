/* test_api_info.c - the information modules over TCP against the real
 * server and store ($SW_TEST_DATABASE, seeded on 2026-03-02): the library,
 * which modules each party of a case sees at its moment of the timeline,
 * and read receipts per user.
 *
 * Case 4 (Sanne, the werknemer demo user) is in week 50: probleemanalyse,
 * plan van aanpak and the 42-week report are done, return to the own job
 * was found unlikely in week 29, the first-year evaluation is open (moved
 * under art. 5). Case 1 (Daan) is in week 3. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-info.db"
#include "http/api_harness.h"

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

/* The codes of the caller's modules in case id, joined with spaces; the
 * reply stays in *r for more checks. */
static const char *codes(const char *who, int id, struct reply *r)
{
	static char buf[1024];
	char path[64];
	snprintf(path, sizeof path, "/api/v1/cases/%d/info", id);
	call(as(who), "GET", path, NULL, 0, r);
	if (r->status != 200)
		fail_msg("%s %s: %ld %s", who, path, r->status, r->body ? r->body : "");
	buf[0] = '\0';
	const json_t *items = json_object_get(r->json, "items");
	for (size_t i = 0; i < json_array_size(items); i++) {
		if (i > 0)
			strcat(buf, " ");
		strcat(buf, str(json_array_get(items, i), "code"));
	}
	return buf;
}

static const json_t *item(const struct reply *r, const char *code)
{
	const json_t *items = json_object_get(r->json, "items");
	for (size_t i = 0; i < json_array_size(items); i++)
		if (strcmp(str(json_array_get(items, i), "code"), code) == 0)
			return json_array_get(items, i);
	fail_msg("module %s missing", code);
	return NULL;
}

static void test_library(void **state)
{
	(void)state;
	struct client anon;
	struct reply r;
	anonymous(&anon);
	call(&anon, "GET", "/api/v1/info", NULL, 0, &r);
	assert_error(&r, 401, "unauthenticated", "");
	reply_free(&r);
	call(as("beheerder"), "GET", "/api/v1/info", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	const json_t *items = json_object_get(r.json, "items");
	assert_int_equal(json_array_size(items), 12);
	const json_t *first = json_array_get(items, 0);
	assert_string_equal(str(first, "code"), "rechten_plichten");
	assert_string_equal(str(json_object_get(first, "nl"), "title"),
			    "Ziek: je rechten en plichten");
	assert_string_equal(str(json_object_get(first, "en"), "title"),
			    "Sick: your rights and duties");
	assert_non_null(strstr(str(json_object_get(first, "nl"), "body"), "70%"));
	const json_t *roles = json_object_get(first, "roles");
	assert_int_equal(json_array_size(roles), 2);
	assert_string_equal(json_string_value(json_array_get(roles, 0)), "werknemer");
	assert_null(json_object_get(first, "read_at"));
	reply_free(&r);
}

static void test_relevant(void **state)
{
	(void)state;
	struct reply r;
	assert_string_equal(codes("werknemer", 4, &r),
			    "rechten_plichten probleemanalyse deskundigenoordeel plan_van_aanpak"
			    " voortgangsgesprek tweede_spoor orientatie melding_uwv"
			    " eerstejaarsevaluatie financiele_instrumenten");
	assert_string_equal(str(r.json, "role"), "werknemer");
	assert_int_equal(json_integer_value(json_object_get(r.json, "week")), 50);
	assert_true(json_is_null(json_object_get(item(&r, "orientatie"), "read_at")));
	reply_free(&r);
	assert_string_equal(codes("werkgever", 4, &r),
			    "rechten_plichten probleemanalyse deskundigenoordeel plan_van_aanpak"
			    " tweede_spoor melding_uwv eerstejaarsevaluatie financiele_instrumenten");
	reply_free(&r);
	assert_string_equal(codes("bedrijfsarts", 4, &r), "probleemanalyse deskundigenoordeel");
	reply_free(&r);
	assert_string_equal(codes("re-integratieprofessional", 4, &r),
			    "tweede_spoor orientatie eerstejaarsevaluatie financiele_instrumenten");
	reply_free(&r);
	/* Week 3: the first things only. */
	assert_string_equal(codes("daan.bakker", 1, &r), "rechten_plichten probleemanalyse");
	assert_int_equal(json_integer_value(json_object_get(r.json, "week")), 3);
	reply_free(&r);

	/* No relation, or no right to the timeline: no case. */
	assert_int_equal(status_of("netwerkwerkgever", "GET", "/api/v1/cases/5/info", NULL), 404);
	assert_int_equal(status_of("beheerder", "GET", "/api/v1/cases/4/info", NULL), 404);
	assert_int_equal(status_of("werknemer", "GET", "/api/v1/cases/1/info", NULL), 404);
	assert_int_equal(status_of("werknemer", "GET", "/api/v1/cases/999/info", NULL), 404);
}

static void test_read(void **state)
{
	(void)state;
	struct reply r;
	const char *path = "/api/v1/cases/4/info/tweede_spoor/read";
	call(as("werknemer"), "POST", path, NULL, 1, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(str(r.json, "code"), "tweede_spoor");
	char first[64];
	snprintf(first, sizeof first, "%s", str(r.json, "read_at"));
	assert_true(first[0] != '\0');
	reply_free(&r);
	/* Reading again keeps the first receipt. */
	call(as("werknemer"), "POST", path, NULL, 1, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(str(r.json, "read_at"), first);
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM info_reads WHERE case_id = $1", 4), 1);

	codes("werknemer", 4, &r);
	assert_string_equal(str(item(&r, "tweede_spoor"), "read_at"), first);
	assert_true(json_is_null(json_object_get(item(&r, "orientatie"), "read_at")));
	reply_free(&r);
	/* Receipts are per person. */
	codes("werkgever", 4, &r);
	assert_true(json_is_null(json_object_get(item(&r, "tweede_spoor"), "read_at")));
	reply_free(&r);

	/* Only what is offered to the caller now. */
	call(as("werknemer"), "POST", "/api/v1/cases/4/info/wia_aanvraag/read", NULL, 1, &r);
	assert_error(&r, 404, "not_found", "code");
	reply_free(&r);
	call(as("bedrijfsarts"), "POST", path, NULL, 1, &r);
	assert_error(&r, 404, "not_found", "code");
	reply_free(&r);
	call(as("werknemer"), "POST", "/api/v1/cases/4/info/bestaat_niet/read", NULL, 1, &r);
	assert_error(&r, 404, "not_found", "code");
	reply_free(&r);
	call(as("netwerkwerkgever"), "POST", "/api/v1/cases/5/info/tweede_spoor/read", NULL, 1, &r);
	assert_error(&r, 404, "not_found", "id");
	reply_free(&r);
	/* Without the CSRF header nothing is recorded. */
	call(as("werkgever"), "POST", path, NULL, 0, &r);
	assert_int_equal(r.status, 403);
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM info_reads WHERE case_id = $1", 4), 1);
}

int main(void)
{
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_library),
		cmocka_unit_test(test_relevant),
		cmocka_unit_test(test_read),
	};
	const int rc = cmocka_run_group_tests(tests, setup, teardown);
	curl_global_cleanup();
	return rc;
}
