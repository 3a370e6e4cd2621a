/* test_api_admin.c - organisations, users and invitations over TCP against
 * the real server and store ($SW_TEST_DATABASE, seeded on 2026-03-02): the
 * beheerder's lists with filters and pages, changes, deactivation (ends
 * sessions, refuses login), everyone reading their own account and
 * organisation only, no password hash in any answer, and invitations from
 * creation to single use, withdrawal and expiry.
 *
 * The demo set: 5 organisations (1 werkgever, 1 arbodienst, 1 bureau, 2
 * network employers), 14 users of whom 1 beheerder. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-admin.db"
#include "http/api_harness.h"

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static int64_t num(const json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

/* GET path as who, expecting 200; the reply is the caller's to free. */
static void get_ok(const char *who, const char *path, struct reply *r)
{
	call(as(who), "GET", path, NULL, 0, r);
	if (r->status != 200)
		fail_msg("%s GET %s: %ld %s", who, path, r->status, r->body ? r->body : "");
}

static void assert_no_password(const struct reply *r)
{
	if (r->body != NULL && (strstr(r->body, "argon2") != NULL ||
				strstr(r->body, "password_hash") != NULL))
		fail_msg("password material in: %s", r->body);
}

/* ---- organisations ---- */

static void test_organisations(void **state)
{
	(void)state;
	struct reply r;
	get_ok("beheerder", "/api/v1/organisations", &r);
	assert_int_equal(num(r.json, "total"), 5);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 5);
	assert_int_equal(num(r.json, "page"), 1);
	assert_string_equal(str(json_array_get(json_object_get(r.json, "items"), 0), "name"),
			    "Gemeentewerken Breda BV");
	reply_free(&r);

	get_ok("beheerder", "/api/v1/organisations?kind=netwerk", &r);
	assert_int_equal(num(r.json, "total"), 2);
	assert_string_equal(str(json_array_get(json_object_get(r.json, "items"), 1), "kind"),
			    "netwerk");
	reply_free(&r);
	get_ok("beheerder", "/api/v1/organisations?q=BREDA", &r);
	assert_int_equal(num(r.json, "total"), 1);
	reply_free(&r);
	/* A LIKE wildcard in q is a literal. */
	get_ok("beheerder", "/api/v1/organisations?q=%25", &r);
	assert_int_equal(num(r.json, "total"), 0);
	reply_free(&r);
	get_ok("beheerder", "/api/v1/organisations?per_page=2&page=3", &r);
	assert_int_equal(num(r.json, "total"), 5);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	assert_int_equal(num(r.json, "per_page"), 2);
	reply_free(&r);

	call(as("beheerder"), "GET", "/api/v1/organisations?kind=bank", NULL, 0, &r);
	assert_error(&r, 422, "invalid", "kind");
	reply_free(&r);
	call(as("beheerder"), "GET", "/api/v1/organisations?per_page=101", NULL, 0, &r);
	assert_error(&r, 422, "invalid", "per_page");
	reply_free(&r);

	/* Not a beheerder: no list, only the own organisation. */
	call(as("werkgever"), "GET", "/api/v1/organisations", NULL, 0, &r);
	assert_error(&r, 403, "forbidden", "");
	reply_free(&r);
	char path[128];
	const int64_t own = user_org("werkgever@demo.spoorwijzer.nl");
	const int64_t other = user_org("bedrijfsarts@demo.spoorwijzer.nl");
	snprintf(path, sizeof path, "/api/v1/organisations/%lld", (long long)own);
	get_ok("werkgever", path, &r);
	assert_string_equal(str(r.json, "kind"), "werkgever");
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/organisations/%lld", (long long)other);
	assert_int_equal(status_of("werkgever", "GET", path, NULL), 403);
	assert_int_equal(status_of("beheerder", "GET", "/api/v1/organisations/99999", NULL), 404);

	/* Create and change: the beheerder only. */
	call(as("beheerder"), "POST", "/api/v1/organisations",
	     "{\"name\":\"Transport Moerdijk BV\",\"kind\":\"werkgever\"}", 1, &r);
	assert_int_equal(r.status, 201);
	const int64_t id = num(r.json, "id");
	assert_string_equal(str(r.json, "name"), "Transport Moerdijk BV");
	reply_free(&r);
	assert_int_equal(status_of("werkgever", "POST", "/api/v1/organisations",
				   "{\"name\":\"X\",\"kind\":\"werkgever\"}"),
			 403);
	static const struct {
		const char *body, *field;
	} bad[] = {
		{ "{\"name\":\"X\",\"kind\":\"bank\"}", "kind" },
		{ "{\"name\":\" \",\"kind\":\"netwerk\"}", "name" },
		{ "{\"kind\":\"netwerk\"}", "name" },
		{ "{\"name\":\"X\",\"kind\":\"netwerk\",\"id\":3}", "id" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		call(as("beheerder"), "POST", "/api/v1/organisations", bad[i].body, 1, &r);
		assert_error(&r, 422, "invalid", bad[i].field);
		reply_free(&r);
	}
	snprintf(path, sizeof path, "/api/v1/organisations/%lld", (long long)id);
	call(as("beheerder"), "PATCH", path, "{\"kind\":\"netwerk\"}", 1, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(str(r.json, "kind"), "netwerk");
	assert_string_equal(str(r.json, "name"), "Transport Moerdijk BV");
	reply_free(&r);
	assert_int_equal(status_of("werkgever", "PATCH", path, "{\"name\":\"Y\"}"), 403);
	assert_int_equal(status_of("beheerder", "PATCH", "/api/v1/organisations/99999",
				   "{\"name\":\"Y\"}"),
			 404);
	assert_int_equal(count("SELECT COUNT(*) FROM organisations WHERE CAST($1 AS BIGINT) = 0", 0),
			 6);
}

/* ---- users ---- */

static void test_users(void **state)
{
	(void)state;
	struct reply r;
	char path[160];
	get_ok("beheerder", "/api/v1/users?per_page=100", &r);
	assert_int_equal(num(r.json, "total"), 18);
	assert_no_password(&r);
	const json_t *first = json_array_get(json_object_get(r.json, "items"), 0);
	assert_string_equal(str(first, "email"), "werknemer@demo.spoorwijzer.nl");
	assert_true(json_is_true(json_object_get(first, "active")));
	assert_true(json_is_true(json_object_get(first, "has_password")));
	reply_free(&r);

	const int64_t org = user_org("werkgever@demo.spoorwijzer.nl");
	snprintf(path, sizeof path, "/api/v1/users?organisation_id=%lld&q=de%%20vries",
		 (long long)org);
	get_ok("beheerder", path, &r);
	assert_int_equal(num(r.json, "total"), 1);
	assert_string_equal(str(json_array_get(json_object_get(r.json, "items"), 0), "name"),
			    "Sanne de Vries");
	reply_free(&r);
	get_ok("beheerder", "/api/v1/users?q=kees.mulder@", &r);
	assert_int_equal(num(r.json, "total"), 1);
	reply_free(&r);
	call(as("beheerder"), "GET", "/api/v1/users?active=misschien", NULL, 0, &r);
	assert_error(&r, 422, "invalid", "active");
	reply_free(&r);

	/* Everyone reads their own account, nobody else's. */
	const int64_t me = user_id("werknemer@demo.spoorwijzer.nl");
	snprintf(path, sizeof path, "/api/v1/users/%lld", (long long)me);
	get_ok("werknemer", path, &r);
	assert_string_equal(str(r.json, "name"), "Sanne de Vries");
	assert_no_password(&r);
	reply_free(&r);
	assert_int_equal(status_of("werkgever", "GET", path, NULL), 403);
	assert_int_equal(status_of("werkgever", "GET", "/api/v1/users", NULL), 403);
	assert_int_equal(status_of("beheerder", "GET", "/api/v1/users/99999", NULL), 404);

	/* A recorded account has no password and cannot log in. */
	call(as("beheerder"), "POST", "/api/v1/users",
	     "{\"email\":\"Joost.Visser@Demo.Spoorwijzer.nl\",\"name\":\"Joost Visser\"}", 1, &r);
	assert_int_equal(r.status, 201);
	assert_string_equal(str(r.json, "email"), "joost.visser@demo.spoorwijzer.nl");
	assert_true(json_is_false(json_object_get(r.json, "has_password")));
	assert_true(json_is_null(json_object_get(r.json, "organisation_id")));
	reply_free(&r);
	call(as("beheerder"), "POST", "/api/v1/users",
	     "{\"email\":\"joost.visser@demo.spoorwijzer.nl\",\"name\":\"Joost\"}", 1, &r);
	assert_error(&r, 409, "conflict", "email");
	reply_free(&r);
	call(as("beheerder"), "POST", "/api/v1/users",
	     "{\"email\":\"geen-adres\",\"name\":\"X\"}", 1, &r);
	assert_error(&r, 422, "invalid", "email");
	reply_free(&r);
	call(as("beheerder"), "POST", "/api/v1/users",
	     "{\"email\":\"a@b.nl\",\"name\":\"X\",\"password\":\"geheim12345\"}", 1, &r);
	assert_error(&r, 422, "invalid", "password");
	reply_free(&r);
	assert_int_equal(status_of("werkgever", "POST", "/api/v1/users",
				   "{\"email\":\"c@d.nl\",\"name\":\"X\"}"),
			 403);
	struct client anon;
	anonymous(&anon);
	assert_int_equal(login(&anon, "joost.visser@demo.spoorwijzer.nl", "spoorwijzer", &r), 401);
	reply_free(&r);
}

static void test_deactivate(void **state)
{
	(void)state;
	struct reply r;
	char path[128];
	const int64_t tom = user_id("tom.willems@demo.spoorwijzer.nl");
	snprintf(path, sizeof path, "/api/v1/users/%lld", (long long)tom);
	struct client *cl = as("tom.willems");
	call(cl, "GET", "/api/v1/session", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);

	call(as("beheerder"), "PATCH", path, "{\"active\":false}", 1, &r);
	assert_int_equal(r.status, 200);
	assert_true(json_is_false(json_object_get(r.json, "active")));
	assert_string_equal(str(r.json, "name"), "Tom Willems");
	reply_free(&r);
	/* His session ended at once; logging in again is refused. */
	call(cl, "GET", "/api/v1/session", NULL, 0, &r);
	assert_error(&r, 401, "unauthenticated", "");
	reply_free(&r);
	struct client fresh;
	anonymous(&fresh);
	assert_int_equal(login(&fresh, "tom.willems@demo.spoorwijzer.nl", PASSWORD, &r), 401);
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM sessions WHERE user_id = $1", tom), 0);
	get_ok("beheerder", "/api/v1/users?active=false", &r);
	assert_int_equal(num(r.json, "total"), 1);
	reply_free(&r);

	/* Reactivated, he logs in again. */
	call(as("beheerder"), "PATCH", path, "{\"active\":true,\"name\":\"Tom Willems-de Groot\"}", 1,
	     &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);
	assert_int_equal(login(&fresh, "tom.willems@demo.spoorwijzer.nl", PASSWORD, &r), 200);
	assert_string_equal(str(json_object_get(r.json, "user"), "name"), "Tom Willems-de Groot");
	reply_free(&r);
	/* A session that outlived a deactivation (a request racing it) does not
	 * count: every request checks the account. */
	struct sw_error err = { 0 };
	assert_int_equal(db_exec(store_db(F->st),
				 "UPDATE users SET active = 0 WHERE email = 'tom.willems@demo.spoorwijzer.nl'",
				 &err),
			 0);
	call(&fresh, "GET", "/api/v1/session", NULL, 0, &r);
	assert_error(&r, 401, "unauthenticated", "");
	reply_free(&r);
	assert_int_equal(db_exec(store_db(F->st),
				 "UPDATE users SET active = 1 WHERE email = 'tom.willems@demo.spoorwijzer.nl'",
				 &err),
			 0);

	/* Bad changes, and the beheerder's own account. */
	call(as("beheerder"), "PATCH", path, "{\"organisation_id\":99999}", 1, &r);
	assert_error(&r, 404, "not_found", "organisation_id");
	reply_free(&r);
	call(as("beheerder"), "PATCH", path, "{\"email\":\"x@y.nl\"}", 1, &r);
	assert_error(&r, 422, "invalid", "email");
	reply_free(&r);
	call(as("beheerder"), "PATCH", path, "{\"active\":\"nee\"}", 1, &r);
	assert_error(&r, 422, "invalid", "active");
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/users/%lld",
		 (long long)user_id("beheerder@demo.spoorwijzer.nl"));
	call(as("beheerder"), "PATCH", path, "{\"active\":false}", 1, &r);
	assert_error(&r, 409, "conflict", "active");
	reply_free(&r);
	call(as("beheerder"), "PATCH", path, "{\"is_beheerder\":false}", 1, &r);
	assert_error(&r, 409, "conflict", "is_beheerder");
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/users/%lld", (long long)tom);
	assert_int_equal(status_of("werkgever", "PATCH", path, "{\"active\":false}"), 403);
	/* Every administrative decision is in the audit log, without a case. */
	assert_true(count("SELECT COUNT(*) FROM audit_log WHERE resource = 'users'"
			  " AND case_id IS NULL AND outcome = 'deny' AND CAST($1 AS BIGINT) = 0",
			  0) >= 1);
}

/* ---- invitations ---- */

/* Creates an invitation as the beheerder; returns its id, token in out. */
static int64_t invite(const char *body, char token[64])
{
	struct reply r;
	call(as("beheerder"), "POST", "/api/v1/invitations", body, 1, &r);
	if (r.status != 201)
		fail_msg("invite %s: %ld %s", body, r.status, r.body ? r.body : "");
	assert_string_equal(str(r.json, "status"), "open");
	const char *t = str(r.json, "token");
	assert_non_null(t);
	assert_int_equal(strlen(t), CRYPTO_TOKEN_STRLEN - 1);
	char url[128];
	snprintf(url, sizeof url, "/api/v1/invitations/%s", t);
	assert_string_equal(str(r.json, "accept_url"), url);
	snprintf(url, sizeof url, "/#/uitnodiging/%s", t);
	assert_string_equal(str(r.json, "portal_url"), url);
	snprintf(token, 64, "%s", t);
	const int64_t id = num(r.json, "id");
	reply_free(&r);
	return id;
}

static long accept_invite(struct client *cl, const char *token, const char *password, struct reply *r)
{
	char path[128], body[256];
	snprintf(path, sizeof path, "/api/v1/invitations/%s", token);
	snprintf(body, sizeof body, "{\"password\":\"%s\"}", password);
	call(cl, "POST", path, body, 1, r);
	return r->status;
}

static void test_invitations(void **state)
{
	(void)state;
	struct reply r;
	char token[64], body[256];
	const int64_t org = user_org("werkgever@demo.spoorwijzer.nl");
	snprintf(body, sizeof body,
		 "{\"email\":\"Lisa.Jansen@demo.spoorwijzer.nl\",\"name\":\"Lisa Jansen\","
		 "\"organisation_id\":%lld}",
		 (long long)org);
	const int64_t id = invite(body, token);
	/* The token itself is nowhere in the database. */
	struct sw_error err = { 0 };
	struct db_stmt *q = db_prepare(store_db(F->st),
				       "SELECT COUNT(*) FROM invitations WHERE token_digest = $1"
				       " OR email = $1 OR name = $1",
				       0, &err);
	assert_non_null(q);
	db_bind_text(q, 1, token);
	int64_t n = -1;
	assert_int_equal(db_run_id(q, &n, &err), 0);
	db_stmt_free(q);
	assert_int_equal(n, 0);

	get_ok("beheerder", "/api/v1/invitations", &r);
	assert_int_equal(num(r.json, "total"), 1);
	const json_t *item = json_array_get(json_object_get(r.json, "items"), 0);
	assert_int_equal(num(item, "id"), id);
	assert_string_equal(str(item, "email"), "lisa.jansen@demo.spoorwijzer.nl");
	assert_null(json_object_get(item, "token"));
	reply_free(&r);
	assert_int_equal(status_of("werkgever", "GET", "/api/v1/invitations", NULL), 403);
	assert_int_equal(status_of("werkgever", "POST", "/api/v1/invitations",
				   "{\"email\":\"e@f.nl\",\"name\":\"E\"}"),
			 403);

	/* Accepting: the password rules of a password change, then the account
	 * exists and is logged in. */
	struct client cl;
	anonymous(&cl);
	assert_int_equal(accept_invite(&cl, token, "kort", &r), 422);
	assert_string_equal(str(json_object_get(r.json, "error"), "field"), "password");
	reply_free(&r);
	assert_int_equal(accept_invite(&cl, token, "lang genoeg wachtwoord", &r), 201);
	assert_string_equal(str(json_object_get(r.json, "user"), "email"),
			    "lisa.jansen@demo.spoorwijzer.nl");
	assert_int_equal(num(json_object_get(json_object_get(r.json, "user"), "organisation"), "id"),
			 org);
	reply_free(&r);
	call(&cl, "GET", "/api/v1/session", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(str(json_object_get(r.json, "user"), "name"), "Lisa Jansen");
	reply_free(&r);
	/* Single use. */
	struct client other;
	anonymous(&other);
	assert_int_equal(accept_invite(&other, token, "nog een wachtwoord", &r), 409);
	assert_string_equal(str(json_object_get(r.json, "error"), "field"), "token");
	assert_non_null(strstr(str(json_object_get(r.json, "error"), "message"), "already used"));
	reply_free(&r);
	assert_int_equal(login(&other, "lisa.jansen@demo.spoorwijzer.nl", "lang genoeg wachtwoord",
			       &r),
			 200);
	reply_free(&r);
	get_ok("beheerder", "/api/v1/invitations", &r);
	assert_int_equal(num(r.json, "total"), 0);
	reply_free(&r);

	/* Unknown and malformed tokens. */
	assert_int_equal(accept_invite(&other, "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "lang genoeg 123",
				&r),
			 404);
	assert_string_equal(str(json_object_get(r.json, "error"), "field"), "token");
	reply_free(&r);
	assert_int_equal(accept_invite(&other, "kort", "lang genoeg 123", &r), 404);
	reply_free(&r);

	/* An email that already has an account. */
	call(as("beheerder"), "POST", "/api/v1/invitations",
	     "{\"email\":\"werknemer@demo.spoorwijzer.nl\",\"name\":\"Sanne\"}", 1, &r);
	assert_error(&r, 409, "conflict", "email");
	reply_free(&r);
	call(as("beheerder"), "POST", "/api/v1/invitations",
	     "{\"email\":\"x@y.nl\",\"name\":\"X\",\"organisation_id\":99999}", 1, &r);
	assert_error(&r, 404, "not_found", "organisation_id");
	reply_free(&r);
	call(as("beheerder"), "POST", "/api/v1/invitations", "{\"email\":\"x@y.nl\"}", 1, &r);
	assert_error(&r, 422, "invalid", "name");
	reply_free(&r);

	/* Withdrawn: no longer usable, and not twice. */
	const int64_t gone = invite("{\"email\":\"piet@demo.spoorwijzer.nl\",\"name\":\"Piet\"}",
				    token);
	char path[128];
	snprintf(path, sizeof path, "/api/v1/invitations/%lld", (long long)gone);
	call(as("beheerder"), "DELETE", path, NULL, 1, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(str(r.json, "status"), "ingetrokken");
	reply_free(&r);
	call(as("beheerder"), "DELETE", path, NULL, 1, &r);
	assert_error(&r, 409, "conflict", "id");
	reply_free(&r);
	call(as("beheerder"), "DELETE", "/api/v1/invitations/99999", NULL, 1, &r);
	assert_error(&r, 404, "not_found", "id");
	reply_free(&r);
	call(as("werkgever"), "DELETE", path, NULL, 1, &r);
	assert_error(&r, 403, "forbidden", "");
	reply_free(&r);
	assert_int_equal(accept_invite(&other, token, "lang genoeg 123", &r), 409);
	assert_non_null(strstr(str(json_object_get(r.json, "error"), "message"), "withdrawn"));
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM users WHERE email = 'piet@demo.spoorwijzer.nl'"
			       " AND CAST($1 AS BIGINT) = 0",
			       0),
			 0);
}

static void test_invitation_expired(void **state)
{
	(void)state;
	char token[CRYPTO_TOKEN_STRLEN], digest[CRYPTO_DIGEST_STRLEN], expired[STORE_TS_LEN];
	crypto_token(token);
	crypto_token_digest(token, digest);
	store_timestamp(api_now() - 1, expired);
	const struct store_invitation v = {
		.token_digest = digest, .email = "laat@demo.spoorwijzer.nl", .name = "Te Laat",
		.created_by = user_id("beheerder@demo.spoorwijzer.nl"), .expires_at = expired,
	};
	int64_t id;
	struct sw_error err = { 0 };
	assert_int_equal(store_invitation_insert(F->st, &v, &id, &err), 0);
	struct client cl;
	struct reply r;
	anonymous(&cl);
	assert_int_equal(accept_invite(&cl, token, "lang genoeg 123", &r), 409);
	assert_non_null(strstr(str(json_object_get(r.json, "error"), "message"), "expired"));
	reply_free(&r);
	get_ok("beheerder", "/api/v1/invitations", &r);
	assert_int_equal(num(r.json, "total"), 0);
	reply_free(&r);
}

/* An account recorded without a password (an employee the employer
 * reports sick) is invited to set one. */
static void test_invite_recorded_account(void **state)
{
	(void)state;
	struct reply r;
	char token[64], body[256];
	const int64_t org = user_org("werkgever@demo.spoorwijzer.nl");
	snprintf(body, sizeof body,
		 "{\"email\":\"bram.dekker@demo.spoorwijzer.nl\",\"name\":\"Bram Dekker\","
		 "\"organisation_id\":%lld}",
		 (long long)org);
	call(as("beheerder"), "POST", "/api/v1/users", body, 1, &r);
	assert_int_equal(r.status, 201);
	const int64_t uid = num(r.json, "id");
	reply_free(&r);
	/* Invited for another organisation: refused. */
	call(as("beheerder"), "POST", "/api/v1/invitations",
	     "{\"email\":\"bram.dekker@demo.spoorwijzer.nl\",\"name\":\"Bram\"}", 1, &r);
	assert_error(&r, 422, "invalid", "organisation_id");
	reply_free(&r);
	invite(body, token);
	struct client cl;
	anonymous(&cl);
	assert_int_equal(accept_invite(&cl, token, "bram zijn wachtwoord", &r), 201);
	assert_int_equal(num(json_object_get(r.json, "user"), "id"), uid);
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM users WHERE email ="
			       " 'bram.dekker@demo.spoorwijzer.nl' AND id = $1",
			       uid),
			 1);
}

int main(void)
{
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_organisations),
		cmocka_unit_test(test_users),
		cmocka_unit_test(test_deactivate),
		cmocka_unit_test(test_invitations),
		cmocka_unit_test(test_invitation_expired),
		cmocka_unit_test(test_invite_recorded_account),
	};
	const int rc = cmocka_run_group_tests(tests, setup, teardown);
	curl_global_cleanup();
	return rc;
}
