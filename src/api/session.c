/* session.c - /api/v1/session: log in (POST), who am I (GET), log out
 * (DELETE), and PUT /api/v1/session/password.
 *
 * Login answers a wrong email and a wrong password alike (401, same
 * message) and verifies a password hash in both cases, so neither the
 * answer nor its timing tells which accounts exist. Guessing is slowed by
 * the rate limiter per client address and email (429 + Retry-After) and
 * stopped by the lockout after STORE_LOGIN_MAX_FAILURES failures: a locked
 * account answers 429 (SW_ELIMIT, field "email") with Retry-After until
 * the lock ends, whether or not the password was right. */
#include "api.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "http/http_json.h"

#define PASSWORD_MIN_CHARS 10
#define PASSWORD_MAX_CHARS API_PASSWORD_MAX_CHARS

/* {user:{id,name,email,organisation:{id,name}|null,is_beheerder,roles,
 * org_roles,person_id}, csrf_token};
 * roles: the roles of the user's participations in force today, and
 * "beheerder" for a beheerder (what the portal's navigation is built on;
 * access itself is decided per case). */
static int session_body(struct api_call *c, const struct api_user *u, const char *csrf,
			json_t **out, struct sw_error *err)
{
	unsigned mask;
	if (store_user_case_roles(c->st, u->id, c->today, &mask, err) != 0)
		return -1;
	if (u->is_beheerder)
		mask |= ROLE_BIT(ROLE_BEHEERDER);
	json_t *roles = json_array();
	for (int r = 0; r < ROLE__COUNT; r++)
		if (mask & ROLE_BIT(r))
			json_array_append_new(roles, json_string(role_name((enum role)r)));
	json_t *org = json_null();
	if (u->organisation_id != 0) {
		struct store_org o;
		if (store_org_get(c->st, &c->arena, u->organisation_id, &o, err) != 0) {
			json_decref(roles);
			return -1;
		}
		org = json_pack("{s:I, s:s}", "id", (json_int_t)o.id, "name", o.name);
	}
	/* The organisation roles and the own register entry (org_roles.c). */
	json_t *org_roles = NULL;
	int64_t person = 0;
	if (api_org_roles_json(c, u->id, &org_roles, err) != 0 ||
	    (u->organisation_id != 0 &&
	     store_person_of_user(c->st, u->id, u->organisation_id, &person, err) != 0)) {
		json_decref(roles);
		json_decref(org);
		json_decref(org_roles);
		return -1;
	}
	*out = json_pack("{s:{s:I, s:s, s:s, s:o, s:b, s:o, s:o, s:o}, s:s}", "user", "id",
			 (json_int_t)u->id, "name", u->name, "email", u->email, "organisation", org,
			 "is_beheerder", u->is_beheerder, "roles", roles, "org_roles", org_roles,
			 "person_id", person != 0 ? json_integer(person) : json_null(),
			 "csrf_token", csrf);
	if (*out == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

static int wrong_credentials(struct sw_error *err)
{
	return sw_error_set(err, SW_EAUTH, "", "wrong email or password");
}

/* 429 with Retry-After: the whole lockout, an upper bound of what is left
 * (the lock's end is not disclosed more precisely than that). */
static int locked(struct http_response *res, struct sw_error *err)
{
	char secs[32];
	snprintf(secs, sizeof secs, "%d", STORE_LOCKOUT_SECONDS);
	if (http_response_header(res, "Retry-After", secs, err) != 0)
		return -1;
	return sw_error_set(err, SW_ELIMIT, "email",
			    "account locked after too many failed logins; try again later");
}

/* Creates the session and sets both cookies. */
static int start_session(struct api_call *c, struct http_response *res, struct api_user *u,
			 char csrf[CRYPTO_TOKEN_STRLEN], struct sw_error *err)
{
	char token[CRYPTO_TOKEN_STRLEN], digest[CRYPTO_DIGEST_STRLEN], expires[STORE_TS_LEN];
	crypto_token(token);
	crypto_token(csrf);
	crypto_token_digest(token, digest);
	store_timestamp(api_now() + API_SESSION_SECONDS, expires);
	const struct store_session s = {
		.token_digest = digest, .user_id = u->id, .csrf_token = csrf, .expires_at = expires,
	};
	/* A session the request came with ends here: no fixation. */
	if (c->user != NULL && store_session_delete(c->st, c->user->session_id, err) != 0)
		return -1;
	if (store_session_insert(c->st, &s, &u->session_id, err) != 0 ||
	    store_user_login_ok(c->st, u->id, err) != 0)
		return -1;
	if (http_response_cookie(res, c->req, API_SESSION_COOKIE, token, API_SESSION_SECONDS,
				 true, err) != 0 ||
	    http_response_cookie(res, c->req, HTTP_CSRF_COOKIE, csrf, API_SESSION_SECONDS, false,
				 err) != 0)
		return -1;
	return 0;
}

/* Checks the password of the account with this email (or a dummy) and
 * the lock; fills u on success. */
static int check_login(struct api_call *c, struct http_response *res, const char *email,
		       const char *password, struct api_user *u, struct sw_error *err)
{
	struct store_user su;
	struct store_user_auth ua;
	struct sw_error lookup;
	if (store_user_get_by_email(c->st, &c->arena, email, &su, &lookup) != 0) {
		if (lookup.code != SW_ENOTFOUND) {
			if (err != NULL)
				*err = lookup;
			return -1;
		}
		crypto_password_verify(c->app->dummy_hash, password);
		return wrong_credentials(err);
	}
	if (store_user_auth_get(c->st, &c->arena, su.id, &ua, err) != 0)
		return -1;
	const int ok = crypto_password_verify(su.password_hash != NULL ? su.password_hash
								       : c->app->dummy_hash,
					      password) == 1 &&
		       su.password_hash != NULL;
	const int64_t now = api_now();
	char now_ts[STORE_TS_LEN];
	store_timestamp(now, now_ts);
	if (ua.locked_until != NULL && strcmp(ua.locked_until, now_ts) > 0)
		return locked(res, err);
	if (!ok) {
		if (store_user_login_failed(c->st, su.id, now, NULL, err) != 0)
			return -1;
		return wrong_credentials(err);
	}
	/* A deactivated account answers like a wrong password: the answer
	 * does not tell a guesser that the password was right. */
	struct store_account acc;
	if (store_account_get(c->st, &c->arena, su.id, &acc, err) != 0)
		return -1;
	if (!acc.active)
		return wrong_credentials(err);
	u->id = su.id;
	snprintf(u->name, sizeof u->name, "%s", su.name);
	snprintf(u->email, sizeof u->email, "%s", su.email);
	u->organisation_id = su.organisation_id;
	u->is_beheerder = ua.is_beheerder != 0;
	return 0;
}

static int post_session(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "email", "password", NULL };
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	const char *email = NULL, *password = NULL;
	int rc = -1;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "email", JSON_FIELD_REQUIRED, 254, &email, err) < 0 ||
	    json_field_string(body, "password", JSON_FIELD_REQUIRED, PASSWORD_MAX_CHARS, &password,
			      err) < 0)
		goto out;
	/* The limiter's key ignores case, as the email lookup does. */
	char key[256];
	size_t i = 0;
	for (; email[i] != '\0' && i < sizeof key - 1; i++)
		key[i] = (char)((email[i] >= 'A' && email[i] <= 'Z') ? email[i] - 'A' + 'a' : email[i]);
	key[i] = '\0';
	if (http_ratelimit_check(c->app->login_limit, c->req, key, res, err) != 0)
		goto out;
	struct api_user u = { 0 };
	char csrf[CRYPTO_TOKEN_STRLEN];
	json_t *out = NULL;
	if (check_login(c, res, email, password, &u, err) != 0 ||
	    start_session(c, res, &u, csrf, err) != 0 || session_body(c, &u, csrf, &out, err) != 0)
		goto out;
	rc = http_response_json(res, 200, out, err);
out:
	json_decref(body);
	return rc;
}

static int get_session(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	json_t *out;
	if (api_require_user(c, err) != 0 || session_body(c, c->user, c->req->csrf_token, &out, err) != 0)
		return -1;
	return http_response_json(res, 200, out, err);
}

/* Logging out twice, or without a session, is fine: 204 either way. The
 * CSRF cookie is replaced, as the old one was the session's token. */
static int delete_session(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	char csrf[HTTP_CSRF_TOKEN_LEN + 1];
	if (c->user != NULL && store_session_delete(c->st, c->user->session_id, err) != 0)
		return -1;
	if (http_csrf_token_new(csrf) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "libsodium cannot start");
	if (http_response_cookie(res, c->req, API_SESSION_COOKIE, "", 0, true, err) != 0 ||
	    http_response_cookie(res, c->req, HTTP_CSRF_COOKIE, csrf, -1, false, err) != 0)
		return -1;
	return http_response_empty(res, 204);
}

/* Characters (code points) of UTF-8 text that the JSON parser accepted. */
static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

int api_password_check(const char *password, const char *field, struct sw_error *err)
{
	if (utf8_chars(password) < PASSWORD_MIN_CHARS)
		return sw_error_set(err, SW_EINVAL, field, "must be at least %d characters",
				    PASSWORD_MIN_CHARS);
	return 0;
}

int api_session_login(struct api_call *c, struct http_response *res, int64_t user_id,
		      unsigned status, struct sw_error *err)
{
	struct store_account acc;
	if (store_account_get(c->st, &c->arena, user_id, &acc, err) != 0)
		return -1;
	struct api_user u = { .id = acc.id, .organisation_id = acc.organisation_id,
			      .is_beheerder = acc.is_beheerder != 0 };
	snprintf(u.name, sizeof u.name, "%s", acc.name);
	snprintf(u.email, sizeof u.email, "%s", acc.email);
	char csrf[CRYPTO_TOKEN_STRLEN];
	json_t *out;
	if (start_session(c, res, &u, csrf, err) != 0 || session_body(c, &u, csrf, &out, err) != 0)
		return -1;
	return http_response_json(res, status, out, err);
}

/* Sets the new hash and ends the user's other sessions, all or nothing. */
static int change_password(struct api_call *c, const char *new_password, struct sw_error *err)
{
	char hash[CRYPTO_PWHASH_STRLEN];
	if (crypto_password_hash(new_password, hash) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	if (store_user_set_password(c->st, c->user->id, hash, err) != 0 ||
	    store_session_delete_user(c->st, c->user->id, c->user->session_id, err) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db, err);
}

/* Checks current_password against the stored hash. */
static int check_current(struct api_call *c, const char *password, struct sw_error *err)
{
	struct store_user su;
	if (store_user_get(c->st, &c->arena, c->user->id, &su, err) != 0)
		return -1;
	if (su.password_hash == NULL || crypto_password_verify(su.password_hash, password) != 1)
		return sw_error_set(err, SW_EINVAL, "current_password",
				    "is not your current password");
	return 0;
}

static int put_password(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "current_password", "new_password", NULL };
	if (api_require_user(c, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	const char *current = NULL, *next = NULL;
	char key[64];
	/* A stolen session must not become a way to guess the password. */
	snprintf(key, sizeof key, "password-change:%lld", (long long)c->user->id);
	int rc = -1;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "current_password", JSON_FIELD_REQUIRED, PASSWORD_MAX_CHARS,
			      &current, err) < 0 ||
	    json_field_string(body, "new_password", JSON_FIELD_REQUIRED, PASSWORD_MAX_CHARS, &next,
			      err) < 0)
		goto out;
	if (api_password_check(next, "new_password", err) != 0)
		goto out;
	if (http_ratelimit_check(c->app->login_limit, c->req, key, res, err) != 0 ||
	    check_current(c, current, err) != 0 || change_password(c, next, err) != 0)
		goto out;
	rc = http_response_empty(res, 204);
out:
	json_decref(body);
	return rc;
}

int api_session_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "POST", "/api/v1/session", post_session, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/session", get_session, err) != 0 ||
	    api_route(r, app, "DELETE", "/api/v1/session", delete_session, err) != 0 ||
	    api_route(r, app, "PUT", "/api/v1/session/password", put_password, err) != 0)
		return -1;
	return 0;
}
