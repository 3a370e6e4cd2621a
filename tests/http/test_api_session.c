/* test_api_session.c - /api/v1/session over TCP against the real server,
 * the real store ($SW_TEST_DATABASE, migrated and seeded) and libcurl:
 * login, wrong credentials, strict bodies, CSRF, logout, password change,
 * lockout, the rate limit, and that only a digest of the token is stored.
 *
 * Tests share the database and the limiter; each logs in as its own demo
 * user so that their failure counters and buckets do not meet. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-session.db"
#include "http/api_harness.h"

/* ---- tests ---- */

static void test_login_ok(void **state)
{
	(void)state;
	struct client cl;
	struct reply r;
	anonymous(&cl);
	assert_int_equal(login(&cl, "Werknemer@Demo.Spoorwijzer.nl", PASSWORD, &r), 200);
	char line[512];
	assert_non_null(set_cookie(&r, "sw_session", line, sizeof line));
	assert_non_null(strstr(line, "HttpOnly"));
	assert_non_null(strstr(line, "SameSite=Strict"));
	assert_non_null(set_cookie(&r, "sw_csrf", line, sizeof line));
	assert_null(strstr(line, "HttpOnly"));
	json_t *u = json_object_get(r.json, "user");
	assert_string_equal(json_string_value(json_object_get(u, "email")),
			    "werknemer@demo.spoorwijzer.nl");
	assert_string_equal(json_string_value(json_object_get(u, "name")), "Sanne de Vries");
	assert_true(json_is_false(json_object_get(u, "is_beheerder")));
	assert_string_equal(json_string_value(json_object_get(json_object_get(u, "organisation"),
							      "name")),
			    "Gemeentewerken Breda BV");
	assert_string_equal(json_string_value(json_object_get(r.json, "csrf_token")), cl.csrf);
	reply_free(&r);

	call(&cl, "GET", "/api/v1/session", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(json_string_value(json_object_get(r.json, "csrf_token")), cl.csrf);
	reply_free(&r);
}

static void test_beheerder(void **state)
{
	(void)state;
	struct client cl;
	struct reply r;
	anonymous(&cl);
	assert_int_equal(login(&cl, "beheerder@demo.spoorwijzer.nl", PASSWORD, &r), 200);
	json_t *u = json_object_get(r.json, "user");
	assert_true(json_is_true(json_object_get(u, "is_beheerder")));
	assert_true(json_is_null(json_object_get(u, "organisation")));
	reply_free(&r);
}

static void test_wrong_credentials(void **state)
{
	(void)state;
	struct client cl;
	struct reply a, b;
	anonymous(&cl);
	assert_int_equal(login(&cl, "werkgever@demo.spoorwijzer.nl", "verkeerd-wachtwoord", &a), 401);
	assert_int_equal(login(&cl, "niemand@demo.spoorwijzer.nl", "verkeerd-wachtwoord", &b), 401);
	assert_error(&a, 401, "unauthenticated", "");
	assert_error(&b, 401, "unauthenticated", "");
	assert_string_equal(a.body, b.body);
	assert_true(cl.session[0] == '\0');
	reply_free(&a);
	reply_free(&b);
}

static void test_bad_bodies(void **state)
{
	(void)state;
	struct client cl;
	struct reply r;
	anonymous(&cl);
	call(&cl, "POST", "/api/v1/session", "{\"email\": ", 1, &r);
	assert_error(&r, 400, "invalid", "");
	reply_free(&r);
	call(&cl, "POST", "/api/v1/session",
	     "{\"email\":\"werknemer@demo.spoorwijzer.nl\",\"password\":\"x\",\"remember\":true}", 1,
	     &r);
	assert_error(&r, 422, "invalid", "remember");
	reply_free(&r);
	call(&cl, "POST", "/api/v1/session", "{\"email\":\"werknemer@demo.spoorwijzer.nl\"}", 1, &r);
	assert_error(&r, 422, "invalid", "password");
	reply_free(&r);
}

static void test_csrf_required(void **state)
{
	(void)state;
	struct client cl;
	struct reply r;
	anonymous(&cl);
	char body[256];
	login_body(body, sizeof body, "bedrijfsarts@demo.spoorwijzer.nl", PASSWORD);
	call(&cl, "POST", "/api/v1/session", body, 0, &r);
	assert_error(&r, 403, "forbidden", "X-CSRF-Token");
	reply_free(&r);
	assert_int_equal(login(&cl, "bedrijfsarts@demo.spoorwijzer.nl", PASSWORD, &r), 200);
	reply_free(&r);
	call(&cl, "DELETE", "/api/v1/session", NULL, 0, &r);
	assert_error(&r, 403, "forbidden", "X-CSRF-Token");
	reply_free(&r);
	call(&cl, "GET", "/api/v1/session", NULL, 0, &r);
	assert_int_equal(r.status, 200);   /* still logged in */
	reply_free(&r);
}

static void test_logout(void **state)
{
	(void)state;
	struct client cl;
	struct reply r;
	anonymous(&cl);
	assert_int_equal(login(&cl, "arbeidsdeskundige@demo.spoorwijzer.nl", PASSWORD, &r), 200);
	reply_free(&r);
	struct client old = cl;
	call(&cl, "DELETE", "/api/v1/session", NULL, 1, &r);
	assert_int_equal(r.status, 204);
	assert_true(cl.session[0] == '\0');
	reply_free(&r);
	call(&old, "GET", "/api/v1/session", NULL, 0, &r);
	assert_error(&r, 401, "unauthenticated", "");
	reply_free(&r);
}

static void test_password_change(void **state)
{
	(void)state;
	const char *email = "re-integratieprofessional@demo.spoorwijzer.nl";
	struct client a, b;
	struct reply r;
	anonymous(&a);
	anonymous(&b);
	assert_int_equal(login(&a, email, PASSWORD, &r), 200);
	reply_free(&r);
	assert_int_equal(login(&b, email, PASSWORD, &r), 200);
	reply_free(&r);

	call(&a, "PUT", "/api/v1/session/password",
	     "{\"current_password\":\"" PASSWORD "\",\"new_password\":\"kort\"}", 1, &r);
	assert_error(&r, 422, "invalid", "new_password");
	reply_free(&r);
	call(&a, "PUT", "/api/v1/session/password",
	     "{\"current_password\":\"fout-fout-fout\",\"new_password\":\"nieuw-wachtwoord\"}", 1, &r);
	assert_error(&r, 422, "invalid", "current_password");
	reply_free(&r);
	call(&a, "PUT", "/api/v1/session/password",
	     "{\"current_password\":\"" PASSWORD "\",\"new_password\":\"nieuw-wachtwoord\"}", 1, &r);
	assert_int_equal(r.status, 204);
	reply_free(&r);

	call(&a, "GET", "/api/v1/session", NULL, 0, &r);
	assert_int_equal(r.status, 200);    /* this session goes on */
	reply_free(&r);
	call(&b, "GET", "/api/v1/session", NULL, 0, &r);
	assert_error(&r, 401, "unauthenticated", "");  /* the other one ended */
	reply_free(&r);

	struct client c;
	anonymous(&c);
	assert_int_equal(login(&c, email, PASSWORD, &r), 401);
	reply_free(&r);
	assert_int_equal(login(&c, email, "nieuw-wachtwoord", &r), 200);
	reply_free(&r);
}

static void test_lockout(void **state)
{
	(void)state;
	const char *email = "daan.bakker@demo.spoorwijzer.nl";
	struct client cl;
	struct reply r;
	anonymous(&cl);
	for (int i = 0; i < STORE_LOGIN_MAX_FAILURES; i++) {
		assert_int_equal(login(&cl, email, "geraden-wachtwoord", &r), 401);
		reply_free(&r);
	}
	/* Locked: even the right password is refused. */
	login(&cl, email, PASSWORD, &r);
	assert_error(&r, 429, "limit", "email");
	char v[32];
	assert_non_null(header(&r, "Retry-After", v, sizeof v));
	assert_true(atoi(v) > 0);
	assert_true(cl.session[0] == '\0');
	reply_free(&r);
}

static void test_rate_limit(void **state)
{
	(void)state;
	struct client cl;
	struct reply r;
	anonymous(&cl);
	/* An unknown email: no lockout, only the limiter (burst 8). */
	for (int i = 0; i < 8; i++) {
		assert_int_equal(login(&cl, "raden@example.org", "x", &r), 401);
		reply_free(&r);
	}
	login(&cl, "raden@example.org", "x", &r);
	assert_error(&r, 429, "limit", "");
	char v[32];
	assert_non_null(header(&r, "Retry-After", v, sizeof v));
	assert_true(atoi(v) > 0);
	reply_free(&r);
	/* Another email from the same address is not held up. */
	assert_int_equal(login(&cl, "kees.mulder@demo.spoorwijzer.nl", PASSWORD, &r), 200);
	reply_free(&r);
}

/* The sessions table holds the digest of the cookie token, never the
 * token itself. */
static void test_session_stored_as_digest(void **state)
{
	struct fx *f = *state;
	struct client cl;
	struct reply r;
	anonymous(&cl);
	assert_int_equal(login(&cl, "naima.bouzid@demo.spoorwijzer.nl", PASSWORD, &r), 200);
	reply_free(&r);
	char digest[CRYPTO_DIGEST_STRLEN];
	crypto_token_digest(cl.session, digest);
	struct sw_error err = { 0 };
	struct db_stmt *q = db_prepare(store_db(f->st),
				       "SELECT COUNT(*) FROM sessions WHERE token_digest = $1", 0, &err);
	assert_non_null(q);
	int64_t n = -1;
	db_bind_text(q, 1, digest);
	assert_int_equal(db_run_id(q, &n, &err), 0);
	assert_int_equal(n, 1);
	db_stmt_free(q);
	q = db_prepare(store_db(f->st),
		       "SELECT COUNT(*) FROM sessions WHERE token_digest = $1 OR csrf_token = $1", 0,
		       &err);
	assert_non_null(q);
	db_bind_text(q, 1, cl.session);
	assert_int_equal(db_run_id(q, &n, &err), 0);
	assert_int_equal(n, 0);
	db_stmt_free(q);
}

int main(void)
{
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_login_ok),
		cmocka_unit_test(test_beheerder),
		cmocka_unit_test(test_wrong_credentials),
		cmocka_unit_test(test_bad_bodies),
		cmocka_unit_test(test_csrf_required),
		cmocka_unit_test(test_logout),
		cmocka_unit_test(test_password_change),
		cmocka_unit_test(test_lockout),
		cmocka_unit_test(test_rate_limit),
		cmocka_unit_test(test_session_stored_as_digest),
	};
	const int rc = cmocka_run_group_tests(tests, setup, teardown);
	curl_global_cleanup();
	return rc;
}
