/* test_api_messages.c - /api/v1/cases/{id}/messages and .../consents over
 * TCP against the real server, the real store ($SW_TEST_DATABASE, migrated
 * and seeded on 2026-03-02) and libcurl: who may read and write messages,
 * the validation of a message body, giving and revoking consents, and the
 * zoekprofiel_netwerk consent as the access check reads it.
 *
 * Seeded cases by id: 4 Sanne (the werknemer demo user; werkgever,
 * bedrijfsarts, arbeidsdeskundige and coach take part), 5 Kees (the
 * netwerkwerkgever takes part for the search profile). */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-messages.db"
#include "http/api_harness.h"

/* ---- helpers ---- */

#define SANNE_CASE 4
#define KEES_CASE 5
#define KEES "kees.mulder"

/* ---- tests ---- */

/* A DELETE with the CSRF header. */
static long delete_status(const char *who, const char *path)
{
	struct reply r;
	call(as(who), "DELETE", path, NULL, 1, &r);
	const long st = r.status;
	reply_free(&r);
	return st;
}

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static void path_of(char *out, size_t outsz, int64_t case_id, const char *rest)
{
	snprintf(out, outsz, "/api/v1/cases/%lld/%s", (long long)case_id, rest);
}

static void post_message(const char *who, const char *text, const char *role)
{
	char path[128], body[512];
	struct reply r;
	path_of(path, sizeof path, SANNE_CASE, "messages");
	snprintf(body, sizeof body, "{\"body\":\"%s\"}", text);
	call(as(who), "POST", path, body, 1, &r);
	if (r.status != 201)
		fail_msg("%s post message: %ld %s", who, r.status, r.body ? r.body : "");
	assert_string_equal(str(r.json, "body"), text);
	const json_t *author = json_object_get(r.json, "author");
	assert_string_equal(str(author, "role"), role);
	assert_true(json_integer_value(json_object_get(r.json, "id")) > 0);
	assert_non_null(str(r.json, "created_at"));
	reply_free(&r);
}

static void test_messages(void **state)
{
	(void)state;
	char path[128];
	struct reply r;
	post_message("werknemer", "Ik kan maandag halve dagen werken.", "werknemer");
	post_message("werkgever", "Prima, we plannen een gesprek.", "werkgever");
	post_message("bedrijfsarts", "Spreekuur staat op donderdag.", "bedrijfsarts");

	path_of(path, sizeof path, SANNE_CASE, "messages");
	static const char *const readers[] = { "werknemer", "werkgever", "bedrijfsarts",
					       "arbeidsdeskundige", "re-integratieprofessional" };
	for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
		call(as(readers[i]), "GET", path, NULL, 0, &r);
		if (r.status != 200)
			fail_msg("%s list: %ld", readers[i], r.status);
		const json_t *items = json_object_get(r.json, "items");
		assert_int_equal(json_array_size(items), 3);
		/* Newest last. */
		const json_t *first = json_array_get(items, 0), *last = json_array_get(items, 2);
		assert_string_equal(str(first, "body"), "Ik kan maandag halve dagen werken.");
		assert_string_equal(str(json_object_get(first, "author"), "name"), "Sanne de Vries");
		assert_int_equal(json_integer_value(json_object_get(json_object_get(first, "author"),
								  "id")),
				 user_id("werknemer@demo.spoorwijzer.nl"));
		assert_string_equal(str(json_object_get(last, "author"), "role"), "bedrijfsarts");
		assert_true(json_integer_value(json_object_get(first, "id")) <
			    json_integer_value(json_object_get(last, "id")));
		reply_free(&r);
	}

	/* No relation to the case's messages: the case does not exist. */
	static const char *const outsiders[] = { "netwerkwerkgever", "beheerder", "daan.bakker" };
	for (size_t i = 0; i < sizeof outsiders / sizeof outsiders[0]; i++) {
		call(as(outsiders[i]), "GET", path, NULL, 0, &r);
		assert_error(&r, 404, "not_found", "id");
		reply_free(&r);
		call(as(outsiders[i]), "POST", path, "{\"body\":\"hallo\"}", 1, &r);
		assert_error(&r, 404, "not_found", "id");
		reply_free(&r);
	}
	path_of(path, sizeof path, KEES_CASE, "messages");
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);
	path_of(path, sizeof path, 999999, "messages");
	assert_int_equal(status_of("werknemer", "GET", path, NULL), 404);

	/* Nothing was written by the refusals. */
	assert_int_equal(count("SELECT COUNT(*) FROM messages WHERE case_id = $1", SANNE_CASE), 3);
	/* Every read and write left its audit row, the refusals too. */
	assert_true(count("SELECT COUNT(*) FROM audit_log WHERE case_id = $1"
			  " AND resource = 'messages' AND outcome = 'deny'",
			  SANNE_CASE) >= 6);
	assert_true(count("SELECT COUNT(*) FROM audit_log WHERE case_id = $1"
			  " AND resource = 'messages' AND action = 'write' AND outcome = 'allow'",
			  SANNE_CASE) >= 3);
}

static void test_message_body(void **state)
{
	(void)state;
	char path[128];
	struct reply r;
	path_of(path, sizeof path, SANNE_CASE, "messages");
	struct client *cl = as("werkgever");
	static const struct {
		const char *body;
		const char *field;
	} bad[] = {
		{ "{\"body\":\"\"}", "body" },
		{ "{\"body\":\"  \\n \"}", "body" },
		{ "{}", "body" },
		{ "{\"body\":42}", "body" },
		{ "{\"body\":\"hallo\",\"to\":3}", "to" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		call(cl, "POST", path, bad[i].body, 1, &r);
		if (r.status != 422)
			fail_msg("%s: %ld %s", bad[i].body, r.status, r.body ? r.body : "");
		assert_string_equal(str(json_object_get(r.json, "error"), "field"), bad[i].field);
		reply_free(&r);
	}
	call(cl, "POST", path, "{\"body\":", 1, &r);
	assert_int_equal(r.status, 400);
	reply_free(&r);

	/* 4000 characters, counted as characters: 8000 bytes of é pass,
	 * one character more does not. */
	const size_t n = 4000;
	char *big = malloc(16 + 2 * (n + 1));
	assert_non_null(big);
	char *p = big + sprintf(big, "{\"body\":\"");
	for (size_t i = 0; i < n; i++)
		p += sprintf(p, "\xc3\xa9");
	strcpy(p, "\"}");
	call(cl, "POST", path, big, 1, &r);
	if (r.status != 201)
		fail_msg("4000 characters: %ld %s", r.status, r.body ? r.body : "");
	assert_int_equal(strlen(str(r.json, "body")), 2 * n);
	reply_free(&r);
	strcpy(p, "x\"}");
	call(cl, "POST", path, big, 1, &r);
	assert_error(&r, 422, "invalid", "body");
	reply_free(&r);
	free(big);

	/* Without the CSRF header nothing is written. */
	call(cl, "POST", path, "{\"body\":\"zonder token\"}", 0, &r);
	assert_int_equal(r.status, 403);
	reply_free(&r);
}

/* Gives a consent as who on case_id; returns its id (expects 201). */
static int64_t give(const char *who, int64_t case_id, const char *body)
{
	char path[128];
	struct reply r;
	path_of(path, sizeof path, case_id, "consents");
	call(as(who), "POST", path, body, 1, &r);
	if (r.status != 201)
		fail_msg("%s give %s: %ld %s", who, body, r.status, r.body ? r.body : "");
	assert_string_equal(str(r.json, "given_on"), "2026-03-02");
	assert_true(json_is_null(json_object_get(r.json, "revoked_on")));
	const int64_t id = json_integer_value(json_object_get(r.json, "id"));
	reply_free(&r);
	return id;
}

static void test_consents(void **state)
{
	(void)state;
	char path[128];
	struct reply r;
	const int64_t bureau = give("werknemer", SANNE_CASE,
				    "{\"kind\":\"delen_bureau\",\"granted_to\":\"Werkfit Breda\"}");
	path_of(path, sizeof path, SANNE_CASE, "consents");
	/* The same consent twice, while in force. */
	call(as("werknemer"), "POST", path,
	     "{\"kind\":\"delen_bureau\",\"granted_to\":\"Werkfit Breda\"}", 1, &r);
	assert_error(&r, 409, "conflict", "kind");
	reply_free(&r);
	/* Only the employee gives consent. */
	static const char *const others[] = { "werkgever", "bedrijfsarts", "arbeidsdeskundige",
					      "re-integratieprofessional" };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		call(as(others[i]), "POST", path, "{\"kind\":\"zoekprofiel_netwerk\"}", 1, &r);
		assert_error(&r, 403, "forbidden", "");
		reply_free(&r);
	}
	assert_int_equal(status_of("netwerkwerkgever", "POST", path,
				   "{\"kind\":\"zoekprofiel_netwerk\"}"),
			 404);
	assert_int_equal(status_of("beheerder", "GET", path, NULL), 404);
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);

	static const struct {
		const char *body, *field;
	} bad[] = {
		{ "{\"kind\":\"alles\"}", "kind" },
		{ "{}", "kind" },
		{ "{\"kind\":\"zoekprofiel_netwerk\",\"granted_to\":\"Bouw BV\"}", "granted_to" },
		{ "{\"kind\":\"delen_zorgverlener\"}", "granted_to" },
		{ "{\"kind\":\"delen_zorgverlener\",\"granted_to\":\" \"}", "granted_to" },
		{ "{\"kind\":\"delen_bureau\",\"granted_to\":\"X\",\"given_on\":\"2020-01-01\"}",
		  "given_on" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		call(as("werknemer"), "POST", path, bad[i].body, 1, &r);
		if (r.status != 422)
			fail_msg("%s: %ld %s", bad[i].body, r.status, r.body ? r.body : "");
		assert_string_equal(str(json_object_get(r.json, "error"), "field"), bad[i].field);
		reply_free(&r);
	}

	/* Revoke: the werkgever may not, the employee may, once. */
	char one[160];
	snprintf(one, sizeof one, "/api/v1/cases/%d/consents/%lld", SANNE_CASE, (long long)bureau);
	call(as("werkgever"), "DELETE", one, NULL, 1, &r);
	assert_error(&r, 403, "forbidden", "");
	reply_free(&r);
	call(as("werknemer"), "DELETE", one, NULL, 1, &r);
	if (r.status != 200)
		fail_msg("revoke: %ld %s", r.status, r.body ? r.body : "");
	assert_string_equal(str(r.json, "revoked_on"), "2026-03-02");
	reply_free(&r);
	call(as("werknemer"), "DELETE", one, NULL, 1, &r);
	assert_error(&r, 409, "conflict", "revoked_on");
	reply_free(&r);
	snprintf(one, sizeof one, "/api/v1/cases/%d/consents/999999", SANNE_CASE);
	call(as("werknemer"), "DELETE", one, NULL, 1, &r);
	assert_error(&r, 404, "not_found", "cid");
	reply_free(&r);
	snprintf(one, sizeof one, "/api/v1/cases/%d/consents/abc", SANNE_CASE);
	assert_int_equal(delete_status("werknemer", one), 404);

	/* A consent of another case does not exist under this one. */
	const int64_t kees = give(KEES, KEES_CASE,
				  "{\"kind\":\"delen_zorgverlener\",\"granted_to\":\"Fysio West\"}");
	snprintf(one, sizeof one, "/api/v1/cases/%d/consents/%lld", SANNE_CASE, (long long)kees);
	call(as("werknemer"), "DELETE", one, NULL, 1, &r);
	assert_error(&r, 404, "not_found", "cid");
	reply_free(&r);

	/* Revoked, it may be given again. */
	give("werknemer", SANNE_CASE, "{\"kind\":\"delen_bureau\",\"granted_to\":\"Werkfit Breda\"}");

	/* The list shows both, the revoked one with its day; the werkgever
	 * reads it too. */
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	const json_t *items = json_object_get(r.json, "items");
	assert_int_equal(json_array_size(items), 2);
	const json_t *first = json_array_get(items, 0), *second = json_array_get(items, 1);
	assert_int_equal(json_integer_value(json_object_get(first, "id")), bureau);
	assert_string_equal(str(first, "kind"), "delen_bureau");
	assert_string_equal(str(first, "granted_to"), "Werkfit Breda");
	assert_string_equal(str(first, "given_on"), "2026-03-02");
	assert_string_equal(str(first, "revoked_on"), "2026-03-02");
	assert_true(json_is_null(json_object_get(second, "revoked_on")));
	reply_free(&r);
}

/* What the access check decides for the netwerkwerkgever about Kees's
 * search profile, read through api_case_decide as every request does. */
static struct policy_decision zoekprofiel_decision(void)
{
	const char *email = "netwerkwerkgever@demo.spoorwijzer.nl";
	struct api_user u = { .id = user_id(email), .organisation_id = user_org(email) };
	struct api_call c = { .app = F->app, .st = F->st, .user = &u,
			      .today = F->app->fixed_today };
	struct store_case k;
	struct sw_error err = { 0 };
	assert_int_equal(store_case_get(F->st, &c.arena, KEES_CASE, &k, &err), 0);
	struct policy_decision d;
	enum role role;
	if (api_case_decide(&c, &k, POLICY_ZOEKPROFIEL, POLICY_READ, &d, &role, &err) != 0)
		fail_msg("decide: %s", err.message);
	assert_int_equal(role, ROLE_NETWERKWERKGEVER);
	store_arena_free(&c.arena);
	return d;
}

static void test_consent_checked(void **state)
{
	(void)state;
	char path[128];
	/* The demo seed has Kees consenting (the network pipeline); revoked
	 * today, it is no longer in force. */
	struct policy_decision d = zoekprofiel_decision();
	assert_true(d.allow);
	const int64_t seeded = count("SELECT id FROM consents WHERE case_id = $1"
				     " AND kind = 'zoekprofiel_netwerk'", KEES_CASE);
	snprintf(path, sizeof path, "/api/v1/cases/%d/consents/%lld", KEES_CASE, (long long)seeded);
	assert_int_equal(delete_status(KEES, path), 200);
	d = zoekprofiel_decision();
	assert_false(d.allow);
	assert_int_equal(d.reason, POLICY_DENY_NO_CONSENT);

	const int64_t cid = give(KEES, KEES_CASE, "{\"kind\":\"zoekprofiel_netwerk\"}");
	d = zoekprofiel_decision();
	assert_true(d.allow);
	assert_int_equal(d.reason, POLICY_ALLOW_CONSENT);

	/* The network employer still does not learn of the case itself. */
	snprintf(path, sizeof path, "/api/v1/cases/%d", KEES_CASE);
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);

	/* Revoked today: no longer in force from today on. */
	snprintf(path, sizeof path, "/api/v1/cases/%d/consents/%lld", KEES_CASE, (long long)cid);
	assert_int_equal(delete_status(KEES, path), 200);
	d = zoekprofiel_decision();
	assert_false(d.allow);
	assert_int_equal(d.reason, POLICY_DENY_NO_CONSENT);
}

/* Who treats someone is health data: a consent to share with a care
 * provider is listed to the werknemer and the bedrijfsarts only; the
 * others do not see it, nor learn of it by a count. The casemanager is the
 * organisation's beheerder given that role too (no participation). */
static void test_care_provider_consent_hidden(void **state)
{
	(void)state;
	char path[128];
	struct reply r;
	struct sw_error err = { 0 };
	const int64_t bas = user_id("orgbeheerder@demo.spoorwijzer.nl");
	assert_int_equal(store_org_roles_set(F->st, bas, user_org("orgbeheerder@demo.spoorwijzer.nl"),
					     ORG_ROLE_BIT(ORG_ROLE_BEHEERDER) |
						     ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER),
					     NULL, 0, user_id("beheerder@demo.spoorwijzer.nl"), &err),
			 0);
	const int64_t care = give("werknemer", SANNE_CASE,
				  "{\"kind\":\"delen_zorgverlener\",\"granted_to\":\"Fysio Centrum\"}");
	path_of(path, sizeof path, SANNE_CASE, "consents");
	static const struct { const char *who; int sees; } readers[] = {
		{ "werknemer", 1 }, { "bedrijfsarts", 1 }, { "werkgever", 0 }, { "orgbeheerder", 0 },
		{ "arbeidsdeskundige", 0 }, { "re-integratieprofessional", 0 },
	};
	size_t others = (size_t)-1;
	for (size_t i = 0; i < sizeof readers / sizeof readers[0]; i++) {
		call(as(readers[i].who), "GET", path, NULL, 0, &r);
		if (r.status != 200)
			fail_msg("%s: %ld %s", readers[i].who, r.status, r.body ? r.body : "");
		const json_t *items = json_object_get(r.json, "items");
		size_t k;
		const json_t *item;
		int seen = 0;
		json_array_foreach(items, k, item) {
			if (json_integer_value(json_object_get(item, "id")) == care)
				seen = 1;
			if (strcmp(str(item, "kind"), "delen_zorgverlener") == 0 && !readers[i].sees)
				fail_msg("%s sees a care provider consent", readers[i].who);
		}
		if (seen != readers[i].sees)
			fail_msg("%s: seen %d, want %d", readers[i].who, seen, readers[i].sees);
		if (strstr(r.body, "Fysio") != NULL && !readers[i].sees)
			fail_msg("%s reads the care provider's name", readers[i].who);
		/* Those who may not see it all get the same list, one item
		 * fewer than the werknemer's. */
		if (!readers[i].sees) {
			if (others != (size_t)-1)
				assert_int_equal(json_array_size(items), others);
			others = json_array_size(items);
		}
		reply_free(&r);
	}
	call(as("werknemer"), "GET", path, NULL, 0, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), others + 1);
	reply_free(&r);
}

int main(void)
{
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_messages),
		cmocka_unit_test(test_message_body),
		cmocka_unit_test(test_consents),
		cmocka_unit_test(test_consent_checked),
		cmocka_unit_test(test_care_provider_consent_hidden),
	};
	const int rc = cmocka_run_group_tests(tests, setup, teardown);
	curl_global_cleanup();
	return rc;
}
