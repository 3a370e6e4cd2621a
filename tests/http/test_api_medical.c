/* test_api_medical.c - /api/v1/cases/{id}/medical over TCP against the
 * real server and store ($SW_TEST_DATABASE, seeded on 2026-03-02): only
 * the assigned bedrijfsarts writes, the employee reads their own, every
 * other role is refused with an answer that holds no medical text; the
 * database holds only sealed boxes; no key is 503, a wrong key a 500 that
 * leaks nothing.
 *
 * Seeded case 4 is Sanne's (the werknemer demo user): werkgever,
 * bedrijfsarts, arbeidsdeskundige and coach take part. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-medical.db"
#include "http/api_harness.h"

#define SANNE_CASE 4
#define KEES_CASE 5
/* Invented medical text; none of these words may reach anyone else. */
#define SECRET "MEDGEHEIM hernia L5-S1, behandeld met pregabaline"
#define SECRET_WORD "MEDGEHEIM"

static const uint8_t test_key[CRYPTO_KEY_BYTES] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };

static int medical_setup(void **state)
{
	if (setup(state) != 0)
		return -1;
	memcpy(F->app->medical_key, test_key, sizeof test_key);
	F->app->has_medical_key = true;
	return 0;
}

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static void medical_path(char *out, size_t outsz, int64_t case_id)
{
	snprintf(out, outsz, "/api/v1/cases/%lld/medical", (long long)case_id);
}

/* The reply does not carry the secret, in any part of the body. */
static void assert_no_secret(const struct reply *r)
{
	if (r->body != NULL && (strstr(r->body, SECRET_WORD) != NULL ||
				strstr(r->body, "hernia") != NULL ||
				strstr(r->body, "pregabaline") != NULL))
		fail_msg("medical text leaked (%ld): %s", r->status, r->body);
}

static int64_t post_note(const char *who, int64_t case_id, const char *kind, const char *text)
{
	char path[128], body[512];
	struct reply r;
	medical_path(path, sizeof path, case_id);
	snprintf(body, sizeof body, "{\"kind\":\"%s\",\"text\":\"%s\"}", kind, text);
	call(as(who), "POST", path, body, 1, &r);
	if (r.status != 201)
		fail_msg("%s post note: %ld %s", who, r.status, r.body ? r.body : "");
	assert_string_equal(str(r.json, "kind"), kind);
	assert_string_equal(str(r.json, "text"), text);
	assert_string_equal(str(json_object_get(r.json, "author"), "name"), "Fatima El Amrani");
	assert_non_null(str(r.json, "created_at"));
	const int64_t id = json_integer_value(json_object_get(r.json, "id"));
	assert_true(id > 0);
	reply_free(&r);
	return id;
}

static void test_bedrijfsarts_and_employee(void **state)
{
	(void)state;
	char path[128];
	struct reply r;
	const int64_t first = post_note("bedrijfsarts", SANNE_CASE, "probleemanalyse_medisch",
					SECRET);
	const int64_t second = post_note("bedrijfsarts", SANNE_CASE, "behandeling",
					 "Fysiotherapie twee keer per week.");
	assert_true(first < second);

	medical_path(path, sizeof path, SANNE_CASE);
	static const char *const readers[] = { "bedrijfsarts", "werknemer" };
	for (size_t i = 0; i < 2; i++) {
		call(as(readers[i]), "GET", path, NULL, 0, &r);
		if (r.status != 200)
			fail_msg("%s read: %ld %s", readers[i], r.status, r.body ? r.body : "");
		const json_t *items = json_object_get(r.json, "items");
		assert_int_equal(json_array_size(items), 2);
		assert_int_equal(json_integer_value(json_object_get(json_array_get(items, 0), "id")),
				 first);
		assert_string_equal(str(json_array_get(items, 0), "text"), SECRET);
		assert_string_equal(str(json_array_get(items, 1), "kind"), "behandeling");
		reply_free(&r);
	}
	/* The employee reads, never writes. */
	call(as("werknemer"), "POST", path, "{\"kind\":\"notitie\",\"text\":\"x\"}", 1, &r);
	assert_error(&r, 403, "forbidden", "");
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM medical_notes WHERE case_id = $1", SANNE_CASE),
			 2);
	/* Reads and writes are in the audit log as case_medical. */
	assert_true(count("SELECT COUNT(*) FROM audit_log WHERE case_id = $1"
			  " AND resource = 'case_medical' AND outcome = 'allow'",
			  SANNE_CASE) >= 4);
}

static void test_others_refused(void **state)
{
	(void)state;
	char path[128];
	struct reply r;
	medical_path(path, sizeof path, SANNE_CASE);
	/* Participants of the case without a medical role: 403, reason only. */
	static const char *const participants[] = { "werkgever", "arbeidsdeskundige",
						    "re-integratieprofessional" };
	for (size_t i = 0; i < 3; i++) {
		call(as(participants[i]), "GET", path, NULL, 0, &r);
		assert_error(&r, 403, "forbidden", "");
		assert_string_equal(str(json_object_get(r.json, "error"), "message"), "medical_data");
		assert_no_secret(&r);
		reply_free(&r);
		call(as(participants[i]), "POST", path,
		     "{\"kind\":\"notitie\",\"text\":\"" SECRET_WORD " poging\"}", 1, &r);
		assert_error(&r, 403, "forbidden", "");
		assert_no_secret(&r);
		reply_free(&r);
	}
	/* No relation to the case: it does not exist. */
	static const char *const outsiders[] = { "netwerkwerkgever", "beheerder", "daan.bakker",
						 "kees.mulder" };
	for (size_t i = 0; i < 4; i++) {
		call(as(outsiders[i]), "GET", path, NULL, 0, &r);
		assert_error(&r, 404, "not_found", "id");
		assert_no_secret(&r);
		reply_free(&r);
	}
	/* The netwerkwerkgever takes part in Kees's case: still nothing. */
	medical_path(path, sizeof path, KEES_CASE);
	call(as("netwerkwerkgever"), "GET", path, NULL, 0, &r);
	assert_error(&r, 404, "not_found", "id");
	reply_free(&r);
	/* Nothing was written by the refusals; they are audited as denials. */
	assert_int_equal(count("SELECT COUNT(*) FROM medical_notes WHERE case_id = $1", SANNE_CASE),
			 2);
	assert_true(count("SELECT COUNT(*) FROM audit_log WHERE case_id = $1"
			  " AND resource = 'case_medical' AND outcome = 'deny'",
			  SANNE_CASE) >= 10);
}

static void test_validation(void **state)
{
	(void)state;
	char path[128];
	struct reply r;
	medical_path(path, sizeof path, SANNE_CASE);
	static const struct {
		const char *body, *field;
	} bad[] = {
		{ "{\"kind\":\"diagnose\"}", "text" },
		{ "{\"kind\":\"diagnose\",\"text\":\"  \"}", "text" },
		{ "{\"kind\":\"roddel\",\"text\":\"x\"}", "kind" },
		{ "{\"text\":\"x\"}", "kind" },
		{ "{\"kind\":\"diagnose\",\"text\":\"x\",\"case_id\":5}", "case_id" },
		{ "{\"kind\":\"diagnose\",\"text\":7}", "text" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		call(as("bedrijfsarts"), "POST", path, bad[i].body, 1, &r);
		if (r.status != 422)
			fail_msg("%s: %ld %s", bad[i].body, r.status, r.body ? r.body : "");
		assert_string_equal(str(json_object_get(r.json, "error"), "field"), bad[i].field);
		reply_free(&r);
	}
	call(as("bedrijfsarts"), "POST", path, "{\"kind\":", 1, &r);
	assert_int_equal(r.status, 400);
	reply_free(&r);
	assert_int_equal(status_of("bedrijfsarts", "GET", "/api/v1/cases/999999/medical", NULL), 404);
	assert_int_equal(status_of("bedrijfsarts", "GET", "/api/v1/cases/x/medical", NULL), 404);
	assert_int_equal(count("SELECT COUNT(*) FROM medical_notes WHERE case_id = $1", SANNE_CASE),
			 2);
}

/* Searches a file for s; 1 if found. */
static int file_contains(const char *path, const char *s)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return 0;
	const size_t n = strlen(s);
	size_t matched = 0;
	int c, found = 0;
	while (!found && (c = fgetc(f)) != EOF) {
		matched = (char)c == s[matched] ? matched + 1 : ((char)c == s[0] ? 1 : 0);
		found = matched == n;
	}
	fclose(f);
	return found;
}

static void test_sealed_at_rest(void **state)
{
	(void)state;
	/* No column holds the text: the sealed column is base64 of a box. */
	assert_int_equal(count("SELECT COUNT(*) FROM medical_notes WHERE sealed LIKE '%MEDGEHEIM%'"
			       " OR sealed LIKE '%hernia%' OR CAST($1 AS BIGINT) = 1",
			       0),
			 0);
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log WHERE what LIKE '%MEDGEHEIM%'"
			       " OR CAST($1 AS BIGINT) = 1",
			       0),
			 0);
	/* Nor does the SQLite file or its write-ahead log, byte for byte. */
	if (strncmp(F->url, "sqlite:", 7) == 0) {
		char wal[600];
		snprintf(wal, sizeof wal, "%s-wal", F->url + 7);
		assert_false(file_contains(F->url + 7, SECRET_WORD));
		assert_false(file_contains(wal, SECRET_WORD));
		assert_false(file_contains(F->url + 7, "pregabaline"));
		assert_false(file_contains(wal, "pregabaline"));
	}
	/* And a note is opened only by the key it was sealed with. */
	struct store_arena a = { 0 };
	struct store_medical_note *ns;
	size_t n;
	struct sw_error err = { 0 };
	assert_int_equal(store_medical_list(F->st, &a, test_key, SANNE_CASE, &ns, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_string_equal(ns[0].text, SECRET);
	store_arena_free(&a);
	/* The database refuses to change a note. */
	assert_int_not_equal(db_exec(store_db(F->st), "UPDATE medical_notes SET kind = 'notitie'",
				     &err),
			     0);
}

static void test_no_key(void **state)
{
	(void)state;
	char path[128];
	struct reply r;
	medical_path(path, sizeof path, SANNE_CASE);
	F->app->has_medical_key = false;
	call(as("bedrijfsarts"), "GET", path, NULL, 0, &r);
	assert_error(&r, 503, "unavailable", "");
	assert_non_null(strstr(str(json_object_get(r.json, "error"), "message"), "medical-key"));
	reply_free(&r);
	call(as("bedrijfsarts"), "POST", path, "{\"kind\":\"notitie\",\"text\":\"x\"}", 1, &r);
	assert_error(&r, 503, "unavailable", "");
	reply_free(&r);
	/* The policy still comes first: the employer learns nothing more. */
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_error(&r, 403, "forbidden", "");
	reply_free(&r);
	F->app->has_medical_key = true;
}

static void test_wrong_key(void **state)
{
	(void)state;
	char path[128];
	struct reply r;
	medical_path(path, sizeof path, SANNE_CASE);
	/* Another key than the notes were sealed with (as after a rotation
	 * before the restart): 503, naming only the note. */
	F->app->medical_key[0] ^= 0x80;
	call(as("bedrijfsarts"), "GET", path, NULL, 0, &r);
	assert_error(&r, 503, "unavailable", "medical_key");
	assert_non_null(strstr(str(json_object_get(r.json, "error"), "message"),
			       "sealed with another key"));
	assert_no_secret(&r);
	reply_free(&r);
	call(as("werknemer"), "GET", path, NULL, 0, &r);
	assert_int_equal(r.status, 503);
	assert_no_secret(&r);
	reply_free(&r);
	F->app->medical_key[0] ^= 0x80;
	call(as("bedrijfsarts"), "GET", path, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);
}

int main(void)
{
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bedrijfsarts_and_employee),
		cmocka_unit_test(test_others_refused),
		cmocka_unit_test(test_validation),
		cmocka_unit_test(test_sealed_at_rest),
		cmocka_unit_test(test_no_key),
		cmocka_unit_test(test_wrong_key),
	};
	const int rc = cmocka_run_group_tests(tests, medical_setup, teardown);
	curl_global_cleanup();
	return rc;
}
