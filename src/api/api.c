/* api.c - the trampoline from the router to api handlers, and the
 * session hook that identifies the user of a request. */
#include "api.h"

#include "http/http_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void api_app_init(struct api_app *app, struct store_pool *pool,
		  struct http_ratelimit *login_limit)
{
	memset(app, 0, sizeof *app);
	app->pool = pool;
	app->login_limit = login_limit;
	app->fixed_today = DATE_NONE;
}

int64_t api_now(void)
{
	return (int64_t)time(NULL);
}

/* The calendar day of the process's time zone: cmd_serve sets TZ to
 * Europe/Amsterdam once, before any thread starts (setenv is not
 * thread-safe, so it is not done here). */
static sw_date api_today(const struct api_app *app)
{
	if (app->fixed_today != DATE_NONE)
		return app->fixed_today;
	const time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* A write that lost against a concurrent one (db_transient) is run again
 * from the start, at most this often in all. */
#define API_WRITE_ATTEMPTS 4

/* Routes that log a user in or set a password: they spend ~100 ms in
 * argon2, which must not hold SQLite's write lock, and their answer
 * carries a new session secret, which is never stored. They run their own
 * transactions (API_ROUTE_OWN_TX). */
static const char *const own_tx_routes[] = {
	"POST /api/v1/session",
	"PUT /api/v1/session/password",
	"POST /api/v1/invitations/{key}",
};

static unsigned route_flags(const char *method, const char *pattern)
{
	char key[256];
	snprintf(key, sizeof key, "%s %s", method, pattern);
	for (size_t i = 0; i < sizeof own_tx_routes / sizeof own_tx_routes[0]; i++)
		if (strcmp(key, own_tx_routes[i]) == 0)
			return API_ROUTE_OWN_TX;
	return 0;
}

/* Forgets what an attempt built, so the next starts from nothing. */
static void call_reset(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	store_arena_free(&c->arena);
	http_response_free(res);
	http_response_init(res);
	sw_error_clear(err);
}

static void backoff(int attempt)
{
	/* 1, 4, 9 ms: long enough for the other writer to commit. */
	const struct timespec ts = { 0, (long)attempt * attempt * 1000000L };
	nanosleep(&ts, NULL);
}

/* ---- Idempotency-Key ------------------------------------------------------ */

#define API_IDEM_HEADER "Idempotency-Key"
/* How long a key's answer is kept: a client retries within minutes. */
#define API_IDEM_SECONDS (24 * 60 * 60)

/* A key is 1..255 visible ASCII characters (a UUID, typically). */
static int idem_key_check(const char *key, struct sw_error *err)
{
	const size_t n = strlen(key);
	if (n == 0 || n > STORE_IDEM_KEY_MAX)
		return sw_error_set(err, SW_EINVAL, API_IDEM_HEADER, "must be 1 to %d characters",
				    STORE_IDEM_KEY_MAX);
	for (size_t i = 0; i < n; i++)
		if (key[i] < 0x21 || key[i] > 0x7e)
			return sw_error_set(err, SW_EINVAL, API_IDEM_HEADER,
					    "may hold only visible ASCII characters");
	return 0;
}

/* What makes a retry the same request: method, path, query and body,
 * each ended by a NUL (which none of them holds). */
static int request_digest(const struct http_request *req, char out[CRYPTO_DIGEST_STRLEN],
			  struct sw_error *err)
{
	size_t len = strlen(req->method) + strlen(req->path) + 2 + req->body_len;
	for (size_t i = 0; i < req->nquery; i++)
		len += strlen(req->query[i].key) + strlen(req->query[i].value) + 2;
	char *buf = malloc(len), *p = buf;
	if (buf == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	const char *parts[2 + 2 * HTTP_MAX_QUERY];
	size_t nparts = 0;
	parts[nparts++] = req->method;
	parts[nparts++] = req->path;
	for (size_t i = 0; i < req->nquery; i++) {
		parts[nparts++] = req->query[i].key;
		parts[nparts++] = req->query[i].value;
	}
	for (size_t i = 0; i < nparts; i++) {
		const size_t n = strlen(parts[i]) + 1;
		memcpy(p, parts[i], n);
		p += n;
	}
	memcpy(p, req->body, req->body_len);
	crypto_sha256_hex(buf, len, out);
	free(buf);
	return 0;
}

/* Looks the key up in the change's transaction: 1 with res the first
 * answer, 0 when the key is new (and now claimed for this request), -1
 * with err (another request under this key: 422). */
static int idem_replay_or_claim(struct api_call *c, const char *key, const char *digest,
				struct http_response *res, struct sw_error *err)
{
	struct store_idem first;
	struct sw_error e = { 0 };
	const int64_t now = api_now();
	if (store_idem_get(c->st, &c->arena, c->user->id, key, now, &first, &e) != 0) {
		if (e.code != SW_ENOTFOUND) {
			*err = e;
			return -1;
		}
		return store_idem_claim(c->st, c->user->id, key, c->req->method, c->req->path,
					digest, now, now + API_IDEM_SECONDS, err);
	}
	if (strcmp(first.method, c->req->method) != 0 || strcmp(first.path, c->req->path) != 0 ||
	    strcmp(first.digest, digest) != 0)
		return sw_error_set(err, SW_EINVAL, API_IDEM_HEADER,
				    "was used for another request (method, path or body differ);"
				    " use a new key for a new request");
	if (first.status == 0)
		return sw_error_set(err, SW_ECONFLICT, API_IDEM_HEADER,
				    "the first request with this key is still running; try again");
	if (http_response_bytes(res, first.status,
				first.content_type != NULL ? first.content_type : "application/json",
				first.body != NULL ? (const void *)first.body : "", first.body_len,
				err) != 0 ||
	    http_response_header(res, "Idempotent-Replayed", "true", err) != 0)
		return -1;
	return 1;
}

/* Records the answer (for an error: the error's answer, built here) next
 * to the change; rc is the handler's. 0 when res holds what to send. */
static int idem_record(struct api_call *c, const char *key, int rc, struct http_response *res,
		       struct sw_error *err)
{
	if (rc != 0) {
		http_response_error(res, err);
		sw_error_clear(err);
	}
	if (res->fd >= 0)  /* a file is not kept: the retry gets the status only */
		return store_idem_answer(c->st, c->user->id, key, res->status,
					 http_response_get_header(res, "Content-Type"), "", 0, err);
	return store_idem_answer(c->st, c->user->id, key, res->status,
				 http_response_get_header(res, "Content-Type"),
				 res->body != NULL ? res->body : "", res->body_len, err);
}

/* ---- one transaction per change ---------------------------------------- */

/* One attempt of a change in its own transaction (see run_change): 0 when
 * res holds the answer and the transaction committed, -1 with err when
 * the change failed (undone, or for a 4xx kept as run_change says). */
static int attempt_change(struct api_call *c, const struct api_route *route, const char *key,
			  const char *digest, struct http_response *res, struct sw_error *err)
{
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	int rc = 0;
	bool claimed = false;
	if (key != NULL) {
		rc = idem_replay_or_claim(c, key, digest, res, err);
		if (rc == 1)  /* the first answer: nothing new to store */
			return db_commit(db, err);
		claimed = rc == 0;
	}
	if (rc == 0)
		rc = route->fn(c, res, err);
	const bool keep = rc == 0 || (json_err_status(err) < 500 && !db_transient(db));
	if (!keep) {
		db_rollback(db);
		return rc;
	}
	if (claimed) {
		const struct sw_error handler_err = *err;
		if (idem_record(c, key, rc, res, err) != 0) {
			/* A refusal whose statement broke the transaction
			 * (PostgreSQL) cannot be kept: answer it unkept. */
			db_rollback(db);
			if (rc != 0)
				*err = handler_err;
			return -1;
		}
		rc = 0;
	}
	if (db_commit(db, rc == 0 ? err : NULL) != 0 && rc == 0)
		return -1;
	return rc;
}

/* A change runs in one transaction around the whole handler: what the
 * handler reads back after its own commit comes from the same
 * transaction, so its answer is built from what is committed, and an
 * error after the write undoes it instead of answering an error for a
 * change that stays. A 4xx commits what the handler kept (its own
 * savepoints undid the rest: audit rows, failed-login counts stay); a 5xx
 * undoes everything; a conflict with a concurrent writer runs the
 * handler again. With an Idempotency-Key (logged-in users) the answer is
 * stored in the same transaction, and a retry gets it back instead of a
 * second change. */
static int run_change(struct api_call *c, const struct api_route *route,
		      struct http_response *res, struct sw_error *err)
{
	struct db *db = store_db(c->st);
	const char *key = http_request_header(c->req, API_IDEM_HEADER);
	char digest[CRYPTO_DIGEST_STRLEN];
	if (key != NULL && (idem_key_check(key, err) != 0 || request_digest(c->req, digest, err) != 0))
		return -1;
	if (c->user == NULL)
		key = NULL;  /* nobody to keep it for (the handler answers 401) */
	for (int attempt = 1;; attempt++) {
		const int rc = attempt_change(c, route, key, digest, res, err);
		if (rc == 0 || !db_transient(db) || attempt == API_WRITE_ATTEMPTS) {
			if (rc != 0 && res->status != 0) {
				/* Nothing of an answer to an undone change may go out
				 * (a cookie of a session that is not there). */
				const struct sw_error keep_err = *err;
				call_reset(c, res, err);
				*err = keep_err;
			}
			return rc;
		}
		call_reset(c, res, err);
		backoff(attempt);
	}
}

static int trampoline(struct http_request *req, struct http_response *res, void *ctx,
		      struct sw_error *err)
{
	const struct api_route *route = ctx;
	struct api_app *app = route->app;
	struct api_call c = {
		.app = app,
		.req = req,
		.user = req->auth,
		.today = api_today(app),
	};
	if ((c.st = store_pool_get(app->pool, err)) == NULL)
		return -1;
	int rc;
	if (http_method_is_safe(req->method) || (route->flags & API_ROUTE_OWN_TX) != 0)
		rc = route->fn(&c, res, err);
	else
		rc = run_change(&c, route, res, err);
	store_arena_free(&c.arena);
	store_pool_put(app->pool, c.st);
	return rc;
}

int api_route(struct router *r, struct api_app *app, const char *method, const char *pattern,
	      api_handler_fn fn, struct sw_error *err)
{
	if (app->nroutes == API_MAX_ROUTES)
		return sw_error_set(err, SW_EINTERNAL, "", "more than %d API routes",
				    API_MAX_ROUTES);
	struct api_route *route = &app->routes[app->nroutes];
	route->app = app;
	route->fn = fn;
	route->flags = route_flags(method, pattern);
	if (router_add(r, method, pattern, trampoline, route, err) != 0)
		return -1;
	app->nroutes++;
	return 0;
}

/* Every resource file's register function, in the order routes are added. */
static int (*const resources[])(struct router *, struct api_app *, struct sw_error *) = {
	api_session_register,
	api_cases_register,
	api_events_register,
	api_messages_register,
	api_consents_register,
	api_info_register,
	api_decisions_register,
	api_medical_register,
	api_organisations_register,
	api_users_register,
	api_org_roles_register,
	api_invitations_register,
	api_participations_register,
	api_deviations_register,
	api_documents_register,
	api_exports_register,
	api_melding_register,
	api_orientation_register,
	api_attachments_register,
	api_offers_register,
	api_zoekprofiel_register,
	api_matches_register,
	api_pipeline_register,
	api_spelregels_register,
	api_network_figures_register,
	api_monitoring_register,
	api_statistics_register,
	api_employments_register,
	api_persons_register,
	api_register_import_register,
	api_sickness_register,
};

int api_register_all(struct router *r, struct api_app *app, struct sw_error *err)
{
	char random[CRYPTO_TOKEN_STRLEN];
	if (crypto_init() != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "libsodium cannot start");
	crypto_token(random);
	if (crypto_password_hash(random, app->dummy_hash) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	for (size_t i = 0; i < sizeof resources / sizeof resources[0]; i++)
		if (resources[i](r, app, err) != 0)
			return -1;
	return 0;
}

int api_require_user(const struct api_call *c, struct sw_error *err)
{
	if (c->user == NULL)
		return sw_error_set(err, SW_EAUTH, "", "not logged in");
	return 0;
}

/* Fills u from the session's user in one query; 0 when done, 1 when the
 * account was deactivated (its sessions are deleted then, but a request
 * may race that), -1 with err when the store fails. */
static int load_user(struct store *st, const struct store_session *s, struct api_user *u,
		     struct sw_error *err)
{
	struct store_arena a = { 0 };
	struct store_account acc;
	int rc = -1;
	if (store_account_get(st, &a, s->user_id, &acc, err) == 0) {
		u->id = acc.id;
		u->session_id = s->id;
		snprintf(u->name, sizeof u->name, "%s", acc.name);
		snprintf(u->email, sizeof u->email, "%s", acc.email);
		u->organisation_id = acc.organisation_id;
		u->is_beheerder = acc.is_beheerder != 0;
		rc = acc.active ? 0 : 1;
	}
	store_arena_free(&a);
	return rc;
}

/* Looks the token up; 1 with *u filled and csrf copied, 0 when there is no
 * such live session, -1 when the store failed. */
static int find_session(struct store *st, const char *token, struct api_user *u,
			char csrf[HTTP_CSRF_TOKEN_LEN + 1], struct sw_error *err)
{
	char digest[CRYPTO_DIGEST_STRLEN];
	crypto_token_digest(token, digest);
	struct store_arena a = { 0 };
	struct store_session s;
	struct sw_error e;
	int rc = store_session_get_by_digest(st, &a, digest, api_now(), &s, &e);
	if (rc != 0) {
		rc = e.code == SW_ENOTFOUND ? 0 : -1;
		if (rc < 0 && err != NULL)
			*err = e;
	} else if (strlen(s.csrf_token) != HTTP_CSRF_TOKEN_LEN) {
		rc = sw_error_set(err, SW_EINTERNAL, "session", "stored CSRF token malformed");
	} else if ((rc = load_user(st, &s, u, err)) == 0) {
		memcpy(csrf, s.csrf_token, HTTP_CSRF_TOKEN_LEN + 1);
		rc = 1;
	} else if (rc == 1) {
		rc = 0;  /* a deactivated account: anonymous */
	}
	store_arena_free(&a);
	return rc;
}

int api_authenticate(struct http_request *req, void *ctx, struct sw_error *err)
{
	struct api_app *app = ctx;
	char token[CRYPTO_TOKEN_STRLEN];
	if (http_request_cookie(req, API_SESSION_COOKIE, token, sizeof token) <= 0)
		return 0;
	struct api_user *u = calloc(1, sizeof *u);
	if (u == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	char csrf[HTTP_CSRF_TOKEN_LEN + 1];
	struct store *st = store_pool_get(app->pool, err);
	if (st == NULL) {
		free(u);
		return -1;
	}
	const int rc = find_session(st, token, u, csrf, err);
	store_pool_put(app->pool, st);
	if (rc != 1) {
		free(u);
		return rc;
	}
	req->auth = u;
	req->auth_free = free;
	memcpy(req->csrf_token, csrf, sizeof csrf);
	return 0;
}
