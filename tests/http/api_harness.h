/* api_harness.h - what the API tests share: a fresh migrated and seeded
 * database ($SW_TEST_DATABASE, or a temp SQLite file), the real server
 * in-process on a free port, and a libcurl client that keeps the session
 * and CSRF cookies. Included by one test file each (the Makefile builds a
 * test from a single .c file), which first defines API_HARNESS_DB_URL, the
 * SQLite database to use when $SW_TEST_DATABASE is unset. */
#ifndef SW_API_HARNESS_H
#define SW_API_HARNESS_H

#ifndef API_HARNESS_DB_URL
#error "define API_HARNESS_DB_URL before including api_harness.h"
#endif

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "api/api.h"
#include "core/crypto.h"
#include "http/http_health.h"
#include "http/http_server.h"
#include "store/store.h"
#include "store/store_pool.h"

#define PASSWORD "spoorwijzer"

struct fx {
	char url[512];
	char base[64];
	struct store *st;            /* the test's own connection, for checks */
	struct store_pool *pool;
	struct http_ratelimit *limit;
	struct api_app *app;
	struct router *router;
	struct http_server *srv;
};

static struct fx *F;

/* GET /api/v1/health with the database check, as `spoorwijzer serve`
 * registers it. */
static struct http_health harness_health;

static __attribute__((unused)) int harness_ping(void *pool, struct sw_error *err)
{
	return store_pool_ping(pool, err);
}

/* ---- fixture ---- */

static __attribute__((unused)) void remove_sqlite(const char *path)
{
	char buf[600];
	unlink(path);
	snprintf(buf, sizeof buf, "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-shm", path);
	unlink(buf);
}

/* A fresh, migrated and seeded database at f->url. */
static __attribute__((unused)) int prepare_db(struct fx *f)
{
	struct sw_error err = { 0 };
	const char *env = getenv("SW_TEST_DATABASE");
	snprintf(f->url, sizeof f->url, "%s",
		 env != NULL && *env ? env : API_HARNESS_DB_URL);
	if (strncmp(f->url, "sqlite:", 7) == 0)
		remove_sqlite(f->url + 7);
	f->st = store_open(f->url, &err);
	if (f->st == NULL) {
		fprintf(stderr, "store_open: %s\n", err.message);
		return -1;
	}
	if (db_dialect(store_db(f->st)) == DB_POSTGRESQL &&
	    db_exec(store_db(f->st), "DROP SCHEMA public CASCADE; CREATE SCHEMA public", &err) != 0) {
		fprintf(stderr, "reset schema: %s\n", err.message);
		return -1;
	}
	sw_date today;
	date_parse("2026-03-02", &today);
	if (store_migrate(f->st, NULL, &err) != 0 || store_seed_demo(f->st, today, &err) != 0) {
		fprintf(stderr, "migrate/seed: %s: %s\n", err.field, err.message);
		return -1;
	}
	return 0;
}

static __attribute__((unused)) int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	struct sw_error err = { 0 };
	if (f == NULL || prepare_db(f) != 0)
		return -1;
	f->pool = store_pool_open(f->url, 3, &err);
	/* A burst of 8 per address and email; practically no refill. */
	f->limit = http_ratelimit_new(1e-4, 8, 256);
	f->app = malloc(sizeof *f->app);
	f->router = router_new();
	if (f->pool == NULL || f->limit == NULL || f->app == NULL || f->router == NULL)
		return -1;
	api_app_init(f->app, f->pool, f->limit);
	date_parse("2026-03-02", &f->app->fixed_today);
	harness_health.database = harness_ping;
	harness_health.ctx = f->pool;
	if (http_health_register(f->router, &harness_health, &err) != 0 ||
	    api_register_all(f->router, f->app, &err) != 0) {
		fprintf(stderr, "register: %s\n", err.message);
		return -1;
	}
	const struct http_site site = { .router = f->router, .authenticate = api_authenticate,
					.app = f->app };
	const struct http_server_config cfg = { .listen = "127.0.0.1:0", .threads = 2 };
	f->srv = http_server_start(&cfg, &site, &err);
	if (f->srv == NULL) {
		fprintf(stderr, "start: %s\n", err.message);
		return -1;
	}
	snprintf(f->base, sizeof f->base, "http://127.0.0.1:%u", http_server_port(f->srv));
	F = f;
	*state = f;
	return 0;
}

static __attribute__((unused)) int teardown(void **state)
{
	struct fx *f = *state;
	http_server_shutdown(f->srv);
	router_free(f->router);
	free(f->app);
	http_ratelimit_free(f->limit);
	store_pool_close(f->pool);
	store_close(f->st);
	if (strncmp(f->url, API_HARNESS_DB_URL, sizeof API_HARNESS_DB_URL - 1) == 0)
		remove_sqlite(f->url + 7);
	free(f);
	return 0;
}

/* ---- a client with the two cookies ---- */

struct client {
	char session[64];
	char csrf[64];
};

struct reply {
	long status;
	char *body;
	size_t len;
	char headers[8192];
	size_t hlen;
	json_t *json;
};

static __attribute__((unused)) size_t on_body(char *data, size_t size, size_t n, void *userp)
{
	struct reply *r = userp;
	char *grown = realloc(r->body, r->len + size * n + 1);
	assert_non_null(grown);
	r->body = grown;
	memcpy(r->body + r->len, data, size * n);
	r->len += size * n;
	r->body[r->len] = '\0';
	return size * n;
}

static __attribute__((unused)) size_t on_header(char *data, size_t size, size_t n, void *userp)
{
	struct reply *r = userp;
	const size_t len = size * n;
	if (r->hlen + len < sizeof r->headers) {
		memcpy(r->headers + r->hlen, data, len);
		r->hlen += len;
		r->headers[r->hlen] = '\0';
	}
	return len;
}

/* The Set-Cookie line for name (without "Set-Cookie: "), or NULL. */
static __attribute__((unused)) const char *set_cookie(const struct reply *r, const char *name, char *out, size_t outsz)
{
	char prefix[64];
	snprintf(prefix, sizeof prefix, "set-cookie: %s=", name);
	for (const char *line = r->headers; *line;) {
		const char *eol = strstr(line, "\r\n");
		if (eol == NULL)
			break;
		if (strncasecmp(line, prefix, strlen(prefix)) == 0) {
			snprintf(out, outsz, "%.*s", (int)(eol - line - 12), line + 12);
			return out;
		}
		line = eol + 2;
	}
	return NULL;
}

static __attribute__((unused)) const char *header(const struct reply *r, const char *name, char *out, size_t outsz)
{
	const size_t nlen = strlen(name);
	for (const char *line = r->headers; *line;) {
		const char *eol = strstr(line, "\r\n");
		if (eol == NULL)
			break;
		if (strncasecmp(line, name, nlen) == 0 && line[nlen] == ':') {
			const char *v = line + nlen + 1;
			while (*v == ' ')
				v++;
			snprintf(out, outsz, "%.*s", (int)(eol - v), v);
			return out;
		}
		line = eol + 2;
	}
	return NULL;
}

/* Takes a cookie the reply sets (or deletes) into slot. */
static __attribute__((unused)) void take_cookie(const struct reply *r, const char *name, char *slot, size_t slotsz)
{
	char line[512];
	if (set_cookie(r, name, line, sizeof line) == NULL)
		return;
	const char *v = line + strlen(name) + 1;
	const size_t n = strcspn(v, ";");
	if (strstr(line, "Max-Age=0") != NULL)
		slot[0] = '\0';
	else
		snprintf(slot, slotsz, "%.*s", (int)n, v);
}

/* csrf: send X-CSRF-Token with the client's sw_csrf cookie; a body of len
 * bytes is sent with Content-Type type. */
static __attribute__((unused)) void call_typed(struct client *cl, const char *method, const char *path,
		       const char *type, const char *body, size_t len, int csrf, struct reply *r)
{
	memset(r, 0, sizeof *r);
	CURL *c = curl_easy_init();
	assert_non_null(c);
	char url[1024], cookie[256], token[128];
	snprintf(url, sizeof url, "%s%s", F->base, path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, method);
	struct curl_slist *hs = NULL;
	snprintf(cookie, sizeof cookie, "Cookie: sw_csrf=%s%s%s", cl->csrf,
		 cl->session[0] ? "; sw_session=" : "", cl->session);
	if (cl->csrf[0] || cl->session[0])
		hs = curl_slist_append(hs, cookie);
	if (csrf) {
		snprintf(token, sizeof token, "X-CSRF-Token: %s", cl->csrf);
		hs = curl_slist_append(hs, token);
	}
	if (body != NULL) {
		char ct[128];
		snprintf(ct, sizeof ct, "Content-Type: %s", type);
		hs = curl_slist_append(hs, ct);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
	}
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hs);
	CURLcode rc = curl_easy_perform(c);
	if (rc != CURLE_OK)
		fail_msg("%s %s: %s", method, path, curl_easy_strerror(rc));
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_slist_free_all(hs);
	curl_easy_cleanup(c);
	if (r->body != NULL)
		r->json = json_loads(r->body, 0, NULL);
	take_cookie(r, "sw_session", cl->session, sizeof cl->session);
	take_cookie(r, "sw_csrf", cl->csrf, sizeof cl->csrf);
}

/* csrf: send X-CSRF-Token with the client's sw_csrf cookie; a body is JSON. */
static __attribute__((unused)) void call(struct client *cl, const char *method, const char *path, const char *body,
		 int csrf, struct reply *r)
{
	call_typed(cl, method, path, "application/json", body, body != NULL ? strlen(body) : 0, csrf, r);
}

static __attribute__((unused)) void reply_free(struct reply *r)
{
	free(r->body);
	json_decref(r->json);
	memset(r, 0, sizeof *r);
}

static __attribute__((unused)) void assert_error(const struct reply *r, long status, const char *code, const char *field)
{
	if (r->status != status)
		fail_msg("status %ld, want %ld: %s", r->status, status, r->body ? r->body : "");
	json_t *e = json_object_get(r->json, "error");
	assert_non_null(e);
	assert_string_equal(json_string_value(json_object_get(e, "code")), code);
	assert_string_equal(json_string_value(json_object_get(e, "field")), field);
}

/* A fresh client holding the anonymous CSRF cookie. */
static __attribute__((unused)) void anonymous(struct client *cl)
{
	struct reply r;
	memset(cl, 0, sizeof *cl);
	call(cl, "GET", "/api/v1/session", NULL, 0, &r);
	assert_error(&r, 401, "unauthenticated", "");
	assert_true(cl->csrf[0] != '\0');
	reply_free(&r);
}

static __attribute__((unused)) void login_body(char *out, size_t outsz, const char *email, const char *password)
{
	snprintf(out, outsz, "{\"email\":\"%s\",\"password\":\"%s\"}", email, password);
}

static __attribute__((unused)) long login(struct client *cl, const char *email, const char *password, struct reply *r)
{
	char body[256];
	login_body(body, sizeof body, email, password);
	call(cl, "POST", "/api/v1/session", body, 1, r);
	return r->status;
}

/* ---- logged-in clients and store checks ---- */

/* Logged-in clients by email, kept for the whole run. */
static struct {
	char email[128];
	struct client cl;
} logged[16];
static __attribute__((unused)) size_t nlogged;

static __attribute__((unused)) struct client *as(const char *who)
{
	char email[128];
	snprintf(email, sizeof email, "%s%s", who, strchr(who, '@') ? "" : "@demo.spoorwijzer.nl");
	for (size_t i = 0; i < nlogged; i++)
		if (strcmp(logged[i].email, email) == 0)
			return &logged[i].cl;
	assert_true(nlogged < sizeof logged / sizeof logged[0]);
	struct client *cl = &logged[nlogged].cl;
	struct reply r;
	anonymous(cl);
	if (login(cl, email, PASSWORD, &r) != 200)
		fail_msg("login %s: %ld %s", email, r.status, r.body ? r.body : "");
	reply_free(&r);
	snprintf(logged[nlogged].email, sizeof logged[nlogged].email, "%s", email);
	nlogged++;
	return cl;
}

static __attribute__((unused)) long status_of(const char *who, const char *method, const char *path, const char *body)
{
	struct reply r;
	call(as(who), method, path, body, body != NULL, &r);
	const long s = r.status;
	reply_free(&r);
	return s;
}

static __attribute__((unused)) int64_t count(const char *sql, int64_t arg)
{
	struct sw_error err = { 0 };
	struct db_stmt *q = db_prepare(store_db(F->st), sql, 0, &err);
	assert_non_null(q);
	int64_t n = -1;
	db_bind_int(q, 1, arg);
	if (db_run_id(q, &n, &err) != 0)
		fail_msg("%s: %s", sql, err.message);
	db_stmt_free(q);
	return n;
}

static __attribute__((unused)) int64_t user_id(const char *email)
{
	struct store_arena a = { 0 };
	struct store_user u;
	struct sw_error err = { 0 };
	assert_int_equal(store_user_get_by_email(F->st, &a, email, &u, &err), 0);
	const int64_t id = u.id;
	store_arena_free(&a);
	return id;
}

static __attribute__((unused)) int64_t user_org(const char *email)
{
	struct store_arena a = { 0 };
	struct store_user u;
	struct sw_error err = { 0 };
	assert_int_equal(store_user_get_by_email(F->st, &a, email, &u, &err), 0);
	const int64_t id = u.organisation_id;
	store_arena_free(&a);
	return id;
}

#endif
