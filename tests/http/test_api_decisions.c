/* test_api_decisions.c - /api/v1/cases/{id}/decisions over TCP against the
 * real server and store ($SW_TEST_DATABASE, seeded on 2026-03-02): who may
 * propose and respond, what each answer does to the status, that every
 * response is kept, validation, and withdrawal by the proposer only.
 *
 * Seeded: case 4 (Sanne, the werknemer demo user) has decision 1 proposed
 * by the arbeidsdeskundige, voorgesteld; case 5 (Kees) has decision 2,
 * accepted by Kees with option 0 and agreed by the werkgever. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-decisions.db"
#include "http/api_harness.h"

#define SANNE_CASE 4
#define KEES_CASE 5

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static json_int_t num(const json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

/* POST (with CSRF) as who; returns the reply for inspection. */
static void post(const char *who, const char *path, const char *body, struct reply *r)
{
	call(as(who), "POST", path, body, 1, r);
}

static void expect_error(const char *who, const char *path, const char *body, long status,
			 const char *code, const char *field)
{
	struct reply r;
	post(who, path, body, &r);
	assert_error(&r, status, code, field);
	reply_free(&r);
}

#define TWO_OPTIONS                                                                  \
	"[{\"label\":\"Nu\",\"pros\":\"Meer zoektijd\",\"cons\":\"Minder rust\"},"     \
	"{\"label\":\"Later\",\"pros\":null}]"

/* Proposes on case_id as who; returns the new decision's id. */
static int64_t propose(const char *who, int case_id, const char *question)
{
	char path[128], body[1024];
	struct reply r;
	snprintf(path, sizeof path, "/api/v1/cases/%d/decisions", case_id);
	snprintf(body, sizeof body, "{\"question\":\"%s\",\"options\":" TWO_OPTIONS "}", question);
	post(who, path, body, &r);
	if (r.status != 201)
		fail_msg("%s propose: %ld %s", who, r.status, r.body ? r.body : "");
	assert_string_equal(str(r.json, "question"), question);
	assert_string_equal(str(r.json, "status"), "voorgesteld");
	assert_true(json_is_null(json_object_get(r.json, "chosen_option")));
	const json_t *options = json_object_get(r.json, "options");
	assert_int_equal(json_array_size(options), 2);
	assert_string_equal(str(json_array_get(options, 0), "label"), "Nu");
	assert_string_equal(str(json_array_get(options, 0), "cons"), "Minder rust");
	assert_true(json_is_null(json_object_get(json_array_get(options, 1), "pros")));
	assert_int_equal(json_array_size(json_object_get(r.json, "responses")), 0);
	const int64_t id = num(r.json, "id");
	reply_free(&r);
	return id;
}

/* Responds as who and checks the status the decision is left in. */
static void respond(const char *who, int case_id, int64_t did, const char *body,
		    const char *status)
{
	char path[128];
	struct reply r;
	snprintf(path, sizeof path, "/api/v1/cases/%d/decisions/%lld/responses", case_id,
		 (long long)did);
	post(who, path, body, &r);
	if (r.status != 201)
		fail_msg("%s respond %s: %ld %s", who, body, r.status, r.body ? r.body : "");
	assert_string_equal(str(r.json, "status"), status);
	reply_free(&r);
}

static void test_seeded(void **state)
{
	(void)state;
	struct reply r;
	call(as("werknemer"), "GET", "/api/v1/cases/4/decisions", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	const json_t *items = json_object_get(r.json, "items");
	assert_int_equal(json_array_size(items), 1);
	const json_t *d = json_array_get(items, 0);
	assert_string_equal(str(d, "status"), "voorgesteld");
	assert_string_equal(str(json_object_get(d, "proposed_by"), "role"), "arbeidsdeskundige");
	assert_string_equal(str(json_object_get(d, "proposed_by"), "name"), "Peter van den Berg");
	assert_int_equal(json_array_size(json_object_get(d, "options")), 2);
	reply_free(&r);

	call(as("werkgever"), "GET", "/api/v1/cases/5/decisions", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	d = json_array_get(json_object_get(r.json, "items"), 0);
	assert_string_equal(str(d, "status"), "aanvaard");
	assert_int_equal(num(d, "chosen_option"), 0);
	assert_string_equal(str(d, "decided_on"), "2026-01-31");
	const json_t *rs = json_object_get(d, "responses");
	assert_int_equal(json_array_size(rs), 2);
	assert_string_equal(str(json_array_get(rs, 0), "answer"), "akkoord");
	assert_string_equal(str(json_object_get(json_array_get(rs, 0), "user"), "role"),
			    "werknemer");
	assert_string_equal(str(json_object_get(json_array_get(rs, 1), "user"), "role"),
			    "werkgever");
	reply_free(&r);

	/* No relation to the case: it does not exist. */
	static const char *const outsiders[] = { "netwerkwerkgever", "beheerder", "daan.bakker" };
	for (size_t i = 0; i < sizeof outsiders / sizeof outsiders[0]; i++) {
		call(as(outsiders[i]), "GET", "/api/v1/cases/4/decisions", NULL, 0, &r);
		assert_error(&r, 404, "not_found", "id");
		reply_free(&r);
		expect_error(outsiders[i], "/api/v1/cases/4/decisions",
			     "{\"question\":\"x\",\"options\":" TWO_OPTIONS "}", 404, "not_found", "id");
	}
	/* A decision of another case is not found through this one. */
	call(as("werkgever"), "GET", "/api/v1/cases/5/decisions/1", NULL, 0, &r);
	assert_error(&r, 404, "not_found", "did");
	reply_free(&r);
	call(as("werkgever"), "GET", "/api/v1/cases/4/decisions/1", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(num(r.json, "id"), 1);
	reply_free(&r);
	assert_int_equal(status_of("werknemer", "GET", "/api/v1/cases/4/decisions/99", NULL), 404);
}

static void test_validation(void **state)
{
	(void)state;
	const char *path = "/api/v1/cases/4/decisions";
	expect_error("bedrijfsarts", path, "{\"question\":\"x\",\"options\":[{\"label\":\"a\"}]}",
		     422, "invalid", "options");
	expect_error("bedrijfsarts", path, "{\"question\":\"x\"}", 422, "invalid", "options");
	expect_error("bedrijfsarts", path, "{\"options\":" TWO_OPTIONS "}", 422, "invalid",
		     "question");
	expect_error("bedrijfsarts", path, "{\"question\":\"   \",\"options\":" TWO_OPTIONS "}",
		     422, "invalid", "question");
	expect_error("bedrijfsarts", path,
		     "{\"question\":\"x\",\"options\":[{\"label\":\"a\"},{\"label\":\"a\"}]}", 422,
		     "invalid", "options");
	expect_error("bedrijfsarts", path,
		     "{\"question\":\"x\",\"options\":[{\"label\":\"a\"},{\"label\":\"b\","
		     "\"risk\":1}]}",
		     422, "invalid", "options");
	expect_error("bedrijfsarts", path, "{\"question\":\"x\",\"options\":[\"a\",\"b\"]}", 422,
		     "invalid", "options");
	expect_error("bedrijfsarts", path,
		     "{\"question\":\"x\",\"options\":" TWO_OPTIONS ",\"status\":\"aanvaard\"}",
		     422, "invalid", "status");
	expect_error("bedrijfsarts", path, "{\"question\":", 400, "invalid", "");
	/* Nothing was written. */
	assert_int_equal(count("SELECT COUNT(*) FROM decisions WHERE case_id = $1", SANNE_CASE), 1);
}

static void test_accept(void **state)
{
	(void)state;
	const int64_t did = propose("bedrijfsarts", SANNE_CASE, "Halve dagen werken vanaf april?");
	char path[128];
	snprintf(path, sizeof path, "/api/v1/cases/4/decisions/%lld/responses", (long long)did);

	/* Another party's response is kept but does not decide. */
	expect_error("werkgever", path, "{\"answer\":\"bespreken\"}", 422, "invalid", "comment");
	respond("werkgever", SANNE_CASE, did,
		"{\"answer\":\"bespreken\",\"comment\":\"Graag eerst overleg.\"}", "voorgesteld");
	expect_error("werknemer", path, "{\"answer\":\"akkoord\"}", 422, "invalid", "option_index");
	expect_error("werknemer", path, "{\"answer\":\"akkoord\",\"option_index\":2}", 422,
		     "invalid", "option_index");
	expect_error("werknemer", path, "{\"answer\":\"ja\",\"option_index\":0}", 422, "invalid",
		     "answer");
	expect_error("werknemer", path,
		     "{\"answer\":\"bespreken\",\"option_index\":0,\"comment\":\"x\"}", 422,
		     "invalid", "option_index");
	/* The employee asks to discuss, then accepts option 1. */
	respond("werknemer", SANNE_CASE, did,
		"{\"answer\":\"bespreken\",\"comment\":\"Kan het ook drie ochtenden?\"}",
		"besproken");
	respond("werknemer", SANNE_CASE, did, "{\"answer\":\"akkoord\",\"option_index\":1}",
		"aanvaard");
	expect_error("werknemer", path, "{\"answer\":\"akkoord\",\"option_index\":0}", 409,
		     "conflict", "status");
	/* Agreeing afterwards means agreeing with the employee's choice. */
	expect_error("werkgever", path, "{\"answer\":\"akkoord\",\"option_index\":0}", 409,
		     "conflict", "option_index");
	respond("werkgever", SANNE_CASE, did, "{\"answer\":\"akkoord\",\"option_index\":1}",
		"aanvaard");

	struct reply r;
	char get[128];
	snprintf(get, sizeof get, "/api/v1/cases/4/decisions/%lld", (long long)did);
	call(as("re-integratieprofessional"), "GET", get, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(num(r.json, "chosen_option"), 1);
	assert_string_equal(str(r.json, "decided_on"), "2026-03-02");
	const json_t *rs = json_object_get(r.json, "responses");
	assert_int_equal(json_array_size(rs), 4);
	assert_string_equal(str(json_array_get(rs, 1), "comment"), "Kan het ook drie ochtenden?");
	assert_string_equal(str(json_array_get(rs, 2), "answer"), "akkoord");
	assert_int_equal(num(json_array_get(rs, 2), "option_index"), 1);
	assert_true(json_is_null(json_object_get(json_array_get(rs, 3), "comment")));
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM decision_responses WHERE decision_id = $1",
			       did),
			 4);

	/* The proposer cannot withdraw an accepted decision. */
	snprintf(path, sizeof path, "/api/v1/cases/4/decisions/%lld/withdraw", (long long)did);
	expect_error("bedrijfsarts", path, NULL, 409, "conflict", "status");
	/* Every write left an audit row. */
	assert_true(count("SELECT COUNT(*) FROM audit_log WHERE case_id = $1"
			  " AND resource = 'decisions' AND action = 'write' AND outcome = 'allow'",
			  SANNE_CASE) >= 5);
}

static void test_withdraw(void **state)
{
	(void)state;
	const int64_t did = propose("werkgever", SANNE_CASE, "Werkplek thuis inrichten?");
	char path[128], respond_path[128];
	snprintf(path, sizeof path, "/api/v1/cases/4/decisions/%lld/withdraw", (long long)did);
	snprintf(respond_path, sizeof respond_path, "/api/v1/cases/4/decisions/%lld/responses",
		 (long long)did);
	struct reply r;
	post("arbeidsdeskundige", path, NULL, &r);
	assert_int_equal(r.status, 403);
	reply_free(&r);
	post("werkgever", path, NULL, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(str(r.json, "status"), "ingetrokken");
	reply_free(&r);
	expect_error("werkgever", path, NULL, 409, "conflict", "status");
	expect_error("werknemer", respond_path, "{\"answer\":\"akkoord\",\"option_index\":0}", 409,
		     "conflict", "status");
	/* The record stays. */
	assert_int_equal(count("SELECT COUNT(*) FROM decisions WHERE id = $1"
			       " AND status = 'ingetrokken'",
			       did),
			 1);
	/* The employee may propose too. */
	propose("werknemer", SANNE_CASE, "Coach wisselen?");
}

int main(void)
{
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seeded),
		cmocka_unit_test(test_validation),
		cmocka_unit_test(test_accept),
		cmocka_unit_test(test_withdraw),
	};
	const int rc = cmocka_run_group_tests(tests, setup, teardown);
	curl_global_cleanup();
	return rc;
}
