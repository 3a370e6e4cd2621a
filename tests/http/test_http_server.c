/* test_http_server.c - the real server in-process on a free port, spoken
 * to over TCP with libcurl: health, JSON 404/405, body limits, malformed
 * JSON, static files and traversal, CSRF, the login rate limit, and a
 * graceful shutdown that lets a write in flight finish. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <curl/curl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "http/http_health.h"
#include "http/http_json.h"
#include "http/http_ratelimit.h"
#include "http/http_router.h"
#include "http/http_server.h"
#include "http/http_static.h"

/* ---- the application under test ---- */

struct app {
	struct http_ratelimit *login_limit;
	atomic_int slow_started;
	atomic_int writes;        /* "committed" by the slow write */
	int slow_ms;
};

static void sleep_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* POST /api/v1/echo: a strict body with one allowed field. */
static int h_echo(struct http_request *req, struct http_response *res, void *ctx,
		  struct sw_error *err)
{
	(void)ctx;
	static const char *const fields[] = { "text", NULL };
	json_t *body = json_body_parse(req->body, req->body_len, err);
	if (body == NULL)
		return -1;
	const char *text = NULL;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "text", JSON_FIELD_REQUIRED, 100, &text, err) < 0) {
		json_decref(body);
		return -1;
	}
	json_t *out = json_pack("{s:s, s:i}", "text", text, "bytes", (int)req->body_len);
	json_decref(body);
	return http_response_json(res, 200, out, err);
}

static int h_login(struct http_request *req, struct http_response *res, void *ctx,
		   struct sw_error *err)
{
	struct app *a = ctx;
	if (http_ratelimit_check(a->login_limit, req, "anna", res, err) != 0)
		return -1;
	return http_response_json(res, 200, json_pack("{s:b}", "ok", 1), err);
}

/* POST /api/v1/slow: a write that takes a while and is then acknowledged. */
static int h_slow(struct http_request *req, struct http_response *res, void *ctx,
		  struct sw_error *err)
{
	(void)req;
	struct app *a = ctx;
	atomic_store(&a->slow_started, 1);
	sleep_ms(a->slow_ms);
	atomic_fetch_add(&a->writes, 1);
	return http_response_json(res, 201, json_pack("{s:s}", "status", "stored"), err);
}

/* GET /api/v1/whoami: the client address the server settled on. */
static int h_whoami(struct http_request *req, struct http_response *res, void *ctx,
		    struct sw_error *err)
{
	(void)ctx;
	return http_response_json(res, 200, json_pack("{s:s}", "addr", req->client_addr), err);
}

/* ---- fixture: a web root and a running server ---- */

struct fx {
	char base[64];
	char root[128];
	struct app app;
	struct router *router;
	struct http_static *files;
	struct http_server *srv;
	char url[64];
};

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static void make_web_root(struct fx *f)
{
	char p[256];
	strcpy(f->base, "/tmp/sw-http-XXXXXX");
	assert_non_null(mkdtemp(f->base));
	snprintf(f->root, sizeof f->root, "%s/dist", f->base);
	assert_int_equal(mkdir(f->root, 0755), 0);
	snprintf(p, sizeof p, "%s/assets", f->root);
	assert_int_equal(mkdir(p, 0755), 0);
	snprintf(p, sizeof p, "%s/index.html", f->root);
	write_file(p, "<!doctype html><title>Spoorwijzer</title>");
	snprintf(p, sizeof p, "%s/assets/app.js", f->root);
	write_file(p, "console.log('spoorwijzer')");
	snprintf(p, sizeof p, "%s/secret.txt", f->base);
	write_file(p, "TOPSECRET");
	char target[256];
	snprintf(p, sizeof p, "%s/leak.txt", f->root);
	snprintf(target, sizeof target, "%s/secret.txt", f->base);
	assert_int_equal(symlink(target, p), 0);
}

static struct http_server *start_cfg(struct fx *f, unsigned threads, bool trust_proxy)
{
	const struct http_site site = { .router = f->router, .files = f->files };
	const struct http_server_config cfg = { .listen = "127.0.0.1:0", .threads = threads,
						.trust_proxy = trust_proxy };
	struct sw_error err;
	struct http_server *srv = http_server_start(&cfg, &site, &err);
	if (srv == NULL)
		fail_msg("start: %s: %s", err.field, err.message);
	assert_true(http_server_port(srv) != 0);
	snprintf(f->url, sizeof f->url, "http://127.0.0.1:%u", http_server_port(srv));
	return srv;
}

static struct http_server *start(struct fx *f, unsigned threads)
{
	return start_cfg(f, threads, false);
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof *f);
	make_web_root(f);
	f->app.login_limit = http_ratelimit_new(1e-3, 3, 64);
	f->app.slow_ms = 600;
	f->router = router_new();
	struct sw_error err;
	assert_int_equal(http_health_register(f->router, NULL, &err), 0);
	assert_int_equal(router_add(f->router, "POST", "/api/v1/echo", h_echo, NULL, &err), 0);
	assert_int_equal(router_add(f->router, "POST", "/api/v1/login", h_login, &f->app, &err), 0);
	assert_int_equal(router_add(f->router, "POST", "/api/v1/slow", h_slow, &f->app, &err), 0);
	assert_int_equal(router_add(f->router, "GET", "/api/v1/whoami", h_whoami, NULL, &err), 0);
	f->files = http_static_open(f->root, &err);
	assert_non_null(f->files);
	f->srv = start(f, 2);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;
	http_server_shutdown(f->srv);
	http_static_close(f->files);
	router_free(f->router);
	http_ratelimit_free(f->app.login_limit);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->base);
	assert_int_equal(system(cmd), 0);
	free(f);
	return 0;
}

/* ---- a small client ---- */

struct reply {
	CURLcode rc;
	long status;
	char *body;
	size_t len;
	char headers[8192];
	size_t hlen;
};

static size_t on_body(char *data, size_t size, size_t n, void *userp)
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

static size_t on_header(char *data, size_t size, size_t n, void *userp)
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

/* The value of a response header (first occurrence) into out. */
static const char *header(const struct reply *r, const char *name, char *out, size_t outsz)
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

struct upload {
	size_t left;
};

static size_t on_read(char *buf, size_t size, size_t n, void *userp)
{
	struct upload *u = userp;
	size_t k = size * n < u->left ? size * n : u->left;
	memset(buf, ' ', k);
	u->left -= k;
	return k;
}

struct req_opts {
	const char *method;
	const char *body;
	size_t body_len;
	const char *headers[6];
	size_t chunked_len;       /* > 0: upload this many bytes chunked */
};

static void request(const struct fx *f, const char *path, const struct req_opts *o,
		    struct reply *r)
{
	memset(r, 0, sizeof *r);
	CURL *c = curl_easy_init();
	assert_non_null(c);
	char url[1024];
	snprintf(url, sizeof url, "%s%s", f->url, path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PATH_AS_IS, 1L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 20L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
	struct curl_slist *hs = NULL;
	for (size_t i = 0; o && i < 6 && o->headers[i]; i++)
		hs = curl_slist_append(hs, o->headers[i]);
	struct upload up = { o ? o->chunked_len : 0 };
	if (o && o->chunked_len > 0) {
		hs = curl_slist_append(hs, "Transfer-Encoding: chunked");
		hs = curl_slist_append(hs, "Content-Type: application/json");
		curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
		curl_easy_setopt(c, CURLOPT_READFUNCTION, on_read);
		curl_easy_setopt(c, CURLOPT_READDATA, &up);
	} else if (o && o->body) {
		hs = curl_slist_append(hs, "Content-Type: application/json");
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, o->body);
		curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)o->body_len);
	}
	if (o && o->method) {
		if (strcmp(o->method, "HEAD") == 0)
			curl_easy_setopt(c, CURLOPT_NOBODY, 1L);
		else
			curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, o->method);
	}
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hs);
	r->rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_slist_free_all(hs);
	curl_easy_cleanup(c);
}

static void reply_free(struct reply *r)
{
	free(r->body);
	r->body = NULL;
}

static void get(const struct fx *f, const char *path, struct reply *r)
{
	request(f, path, NULL, r);
	if (r->rc != CURLE_OK)
		fail_msg("GET %s: %s", path, curl_easy_strerror(r->rc));
}

/* The "error" object's code and field of a JSON error reply. */
static void assert_error(const struct reply *r, long status, const char *code, const char *field)
{
	assert_int_equal(r->status, status);
	char ct[128];
	assert_non_null(header(r, "Content-Type", ct, sizeof ct));
	assert_string_equal(ct, "application/json");
	json_error_t jerr;
	json_t *j = json_loads(r->body ? r->body : "", 0, &jerr);
	if (j == NULL)
		fail_msg("not JSON: %s", r->body ? r->body : "(empty)");
	json_t *e = json_object_get(j, "error");
	assert_non_null(e);
	assert_string_equal(json_string_value(json_object_get(e, "code")), code);
	if (field != NULL)
		assert_string_equal(json_string_value(json_object_get(e, "field")), field);
	assert_true(json_is_string(json_object_get(e, "message")));
	json_decref(j);
}

/* Gets a CSRF token the way the front end does: from the cookie of any
 * API answer. Fills "Cookie: sw_csrf=..." and "X-CSRF-Token: ...". */
static void csrf(const struct fx *f, char cookie[128], char token_header[128])
{
	struct reply r;
	get(f, "/api/v1/health", &r);
	char sc[256];
	assert_non_null(header(&r, "Set-Cookie", sc, sizeof sc));
	assert_true(strncmp(sc, "sw_csrf=", 8) == 0);
	const size_t len = strcspn(sc + 8, ";");
	snprintf(cookie, 128, "Cookie: sw_csrf=%.*s", (int)len, sc + 8);
	snprintf(token_header, 128, "X-CSRF-Token: %.*s", (int)len, sc + 8);
	reply_free(&r);
}

/* ---- tests ---- */

static void test_health(void **state)
{
	struct fx *f = *state;
	struct reply r;
	get(f, "/api/v1/health", &r);
	assert_int_equal(r.status, 200);
	json_error_t jerr;
	json_t *j = json_loads(r.body, 0, &jerr);
	assert_non_null(j);
	assert_string_equal(json_string_value(json_object_get(j, "status")), "ok");
	assert_string_equal(json_string_value(json_object_get(j, "version")), SW_VERSION);
	json_decref(j);
	char v[512];
	assert_non_null(header(&r, "Content-Security-Policy", v, sizeof v));
	assert_non_null(strstr(v, "frame-ancestors 'none'"));
	assert_non_null(header(&r, "X-Content-Type-Options", v, sizeof v));
	assert_string_equal(v, "nosniff");
	assert_non_null(header(&r, "Referrer-Policy", v, sizeof v));
	assert_non_null(header(&r, "Cache-Control", v, sizeof v));
	assert_string_equal(v, "no-store");
	reply_free(&r);
	/* HEAD gets the headers without a body. */
	struct req_opts head = { .method = "HEAD" };
	request(f, "/api/v1/health", &head, &r);
	assert_int_equal(r.rc, CURLE_OK);
	assert_int_equal(r.status, 200);
	assert_int_equal(r.len, 0);
	reply_free(&r);
}

static void test_not_found_and_method(void **state)
{
	struct fx *f = *state;
	struct reply r;
	get(f, "/api/v1/nope", &r);
	assert_error(&r, 404, "not_found", "");
	reply_free(&r);
	get(f, "/api", &r);
	assert_error(&r, 404, "not_found", "");
	reply_free(&r);
	struct req_opts del = { .method = "DELETE" };
	request(f, "/api/v1/health", &del, &r);
	assert_error(&r, 405, "method_not_allowed", "");
	char allow[64];
	assert_non_null(header(&r, "Allow", allow, sizeof allow));
	assert_string_equal(allow, "GET, HEAD, OPTIONS");
	reply_free(&r);
	/* Not-GET on the front end. */
	struct req_opts put = { .method = "PUT", .body = "{}", .body_len = 2 };
	request(f, "/index.html", &put, &r);
	assert_error(&r, 405, "method_not_allowed", "");
	reply_free(&r);
}

static void test_body_limit(void **state)
{
	struct fx *f = *state;
	char cookie[128], token[128];
	csrf(f, cookie, token);
	/* Exactly the JSON limit is accepted (the handler then finds it is not
	 * valid JSON text); one byte more is refused by json_body_parse. */
	const size_t limit = HTTP_DEFAULT_MAX_BODY;
	char *big = malloc(limit + 2);
	memset(big, ' ', limit + 1);
	big[0] = '{';
	big[JSON_BODY_MAX_BYTES - 1] = '}';
	struct req_opts o = { .method = "POST", .body = big, .body_len = JSON_BODY_MAX_BYTES,
			      .headers = { cookie, token } };
	struct reply r;
	request(f, "/api/v1/echo", &o, &r);
	assert_error(&r, 422, "invalid", "text");
	reply_free(&r);
	big[JSON_BODY_MAX_BYTES - 1] = ' ';
	big[JSON_BODY_MAX_BYTES] = '}';
	o.body_len = JSON_BODY_MAX_BYTES + 1;
	request(f, "/api/v1/echo", &o, &r);
	assert_error(&r, 413, "limit", "body");
	reply_free(&r);
	/* Exactly the server's limit reaches the handler. */
	big[limit - 1] = '}';
	o.body_len = limit;
	request(f, "/api/v1/echo", &o, &r);
	assert_error(&r, 413, "limit", "body");
	assert_non_null(strstr(r.body, "JSON body"));
	reply_free(&r);
	/* One byte more, declared in Content-Length: refused up front. */
	o.body_len = limit + 1;
	request(f, "/api/v1/echo", &o, &r);
	assert_error(&r, 413, "limit", "body");
	reply_free(&r);
	free(big);
	/* Chunked, with no length declared: refused once it grows too big. */
	struct req_opts chunked = { .method = "POST", .chunked_len = 3 * limit,
				    .headers = { cookie, token } };
	request(f, "/api/v1/echo", &chunked, &r);
	assert_error(&r, 413, "limit", "body");
	reply_free(&r);
	/* The server is fine afterwards. */
	get(f, "/api/v1/health", &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);
}

static void test_json_bodies(void **state)
{
	struct fx *f = *state;
	char cookie[128], token[128];
	csrf(f, cookie, token);
	struct reply r;
	static const struct {
		const char *body;
		long status;
		const char *field;
	} cases[] = {
		{ "{", 400, "" },
		{ "[1,2]", 400, "" },
		{ "{\"text\":\"a\",\"text\":\"b\"}", 400, "" },
		{ "{\"text\":1}", 422, "text" },
		{ "{\"text\":\"ok\",\"medisch\":\"x\"}", 422, "medisch" },
		{ "{\"text\":99999999999999999999999}", 400, "" },
		{ "", 400, "" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct req_opts o = { .method = "POST", .body = cases[i].body,
				      .body_len = strlen(cases[i].body), .headers = { cookie, token } };
		request(f, "/api/v1/echo", &o, &r);
		assert_error(&r, cases[i].status, "invalid", cases[i].field);
		reply_free(&r);
	}
	struct req_opts o = { .method = "POST", .body = "{\"text\":\"hallo\"}", .body_len = 16,
			      .headers = { cookie, token } };
	request(f, "/api/v1/echo", &o, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(r.body, "{\"text\":\"hallo\",\"bytes\":16}");
	reply_free(&r);
}

static void test_csrf(void **state)
{
	struct fx *f = *state;
	char cookie[128], token[128];
	csrf(f, cookie, token);
	const char *body = "{\"text\":\"x\"}";
	struct reply r;
	struct req_opts none = { .method = "POST", .body = body, .body_len = strlen(body) };
	request(f, "/api/v1/echo", &none, &r);
	assert_error(&r, 403, "forbidden", "X-CSRF-Token");
	reply_free(&r);
	/* The browser sends the cookie along with a forged form; the header
	 * is what the forger cannot produce. */
	struct req_opts cookie_only = { .method = "POST", .body = body, .body_len = strlen(body),
					.headers = { cookie } };
	request(f, "/api/v1/echo", &cookie_only, &r);
	assert_error(&r, 403, "forbidden", "X-CSRF-Token");
	reply_free(&r);
	struct req_opts wrong = { .method = "POST", .body = body, .body_len = strlen(body),
				  .headers = { cookie,
					       "X-CSRF-Token: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" } };
	request(f, "/api/v1/echo", &wrong, &r);
	assert_error(&r, 403, "forbidden", "X-CSRF-Token");
	reply_free(&r);
	struct req_opts good = { .method = "POST", .body = body, .body_len = strlen(body),
				 .headers = { cookie, token } };
	request(f, "/api/v1/echo", &good, &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);
}

static void test_rate_limit(void **state)
{
	struct fx *f = *state;
	char cookie[128], token[128];
	csrf(f, cookie, token);
	struct reply r;
	struct req_opts o = { .method = "POST", .body = "{}", .body_len = 2,
			      .headers = { cookie, token } };
	for (int i = 0; i < 3; i++) {
		request(f, "/api/v1/login", &o, &r);
		assert_int_equal(r.status, 200);
		reply_free(&r);
	}
	request(f, "/api/v1/login", &o, &r);
	assert_error(&r, 429, "limit", "");
	char ra[32];
	assert_non_null(header(&r, "Retry-After", ra, sizeof ra));
	assert_true(atoi(ra) > 0);
	reply_free(&r);
}

static void test_static(void **state)
{
	struct fx *f = *state;
	struct reply r;
	char v[256];
	get(f, "/", &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(r.body, "<!doctype html><title>Spoorwijzer</title>");
	assert_non_null(header(&r, "Content-Type", v, sizeof v));
	assert_string_equal(v, "text/html; charset=utf-8");
	assert_non_null(header(&r, "Content-Security-Policy", v, sizeof v));
	assert_null(header(&r, "Set-Cookie", v, sizeof v));
	char etag[64];
	assert_non_null(header(&r, "ETag", etag, sizeof etag));
	reply_free(&r);
	/* Revalidation with the ETag. */
	char inm[128];
	snprintf(inm, sizeof inm, "If-None-Match: %s", etag);
	struct req_opts cond = { .headers = { inm } };
	request(f, "/index.html", &cond, &r);
	assert_int_equal(r.status, 304);
	assert_int_equal(r.len, 0);
	reply_free(&r);
	get(f, "/assets/app.js", &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(r.body, "console.log('spoorwijzer')");
	assert_non_null(header(&r, "Content-Type", v, sizeof v));
	assert_string_equal(v, "text/javascript; charset=utf-8");
	assert_non_null(header(&r, "Cache-Control", v, sizeof v));
	assert_non_null(strstr(v, "immutable"));
	reply_free(&r);
	/* A client-side route. */
	get(f, "/cases/12/tijdlijn", &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body, "Spoorwijzer"));
	reply_free(&r);
	get(f, "/assets/missing.js", &r);
	assert_error(&r, 404, "not_found", "");
	reply_free(&r);
}

static void test_traversal(void **state)
{
	struct fx *f = *state;
	static const char *const attempts[] = {
		"/../secret.txt", "/assets/../../secret.txt", "/assets/..%2f..%2fsecret.txt",
		"/%2e%2e/secret.txt", "/assets/%2e%2e/%2e%2e/secret.txt", "/leak.txt",
		"/..%5csecret.txt", "/./../secret.txt",
	};
	for (size_t i = 0; i < sizeof attempts / sizeof attempts[0]; i++) {
		struct reply r;
		get(f, attempts[i], &r);
		if (r.body != NULL && strstr(r.body, "TOPSECRET") != NULL)
			fail_msg("%s leaked the file outside the root", attempts[i]);
		if (r.status != 404 && r.status != 400)
			fail_msg("%s: status %ld", attempts[i], r.status);
		reply_free(&r);
	}
}

struct slow_call {
	struct fx *f;
	char cookie[128], token[128];
	struct reply r;
	double done_at;
};

static void *slow_thread(void *arg)
{
	struct slow_call *sc = arg;
	struct req_opts o = { .method = "POST", .body = "{}", .body_len = 2,
			      .headers = { sc->cookie, sc->token } };
	request(sc->f, "/api/v1/slow", &o, &sc->r);
	sc->done_at = now_s();
	return NULL;
}

struct stopper {
	struct http_server *srv;
	double done_at;
};

static void *stop_thread(void *arg)
{
	struct stopper *st = arg;
	http_server_shutdown(st->srv);
	st->done_at = now_s();
	return NULL;
}

static void test_graceful_shutdown(void **state)
{
	struct fx *f = *state;
	/* A server of its own: the fixture's keeps running for the others. */
	struct fx g = *f;
	atomic_store(&g.app.slow_started, 0);
	atomic_store(&g.app.writes, 0);
	/* Its own router, so the slow route counts in this copy's app. */
	g.router = router_new();
	struct sw_error err;
	assert_int_equal(http_health_register(g.router, NULL, &err), 0);
	assert_int_equal(router_add(g.router, "POST", "/api/v1/slow", h_slow, &g.app, &err), 0);
	struct http_server *srv = start(&g, 2);

	struct slow_call sc = { .f = &g };
	csrf(&g, sc.cookie, sc.token);
	pthread_t client, stopper_t;
	assert_int_equal(pthread_create(&client, NULL, slow_thread, &sc), 0);
	for (int i = 0; i < 2000 && !atomic_load(&g.app.slow_started); i++)
		sleep_ms(1);
	assert_true(atomic_load(&g.app.slow_started));

	/* SIGTERM arrives while the write is in progress. */
	struct stopper st = { srv, 0 };
	const double stop_called = now_s();
	assert_int_equal(pthread_create(&stopper_t, NULL, stop_thread, &st), 0);
	sleep_ms(150);
	/* No new connections once shutdown has begun. */
	struct reply late;
	request(&g, "/api/v1/health", NULL, &late);
	assert_int_not_equal(late.rc, CURLE_OK);
	reply_free(&late);

	pthread_join(client, NULL);
	pthread_join(stopper_t, NULL);
	/* The write in flight finished and its acknowledgement arrived. */
	if (sc.r.rc != CURLE_OK)
		fail_msg("in-flight request failed: %s", curl_easy_strerror(sc.r.rc));
	assert_int_equal(sc.r.status, 201);
	assert_string_equal(sc.r.body, "{\"status\":\"stored\"}");
	assert_int_equal(atomic_load(&g.app.writes), 1);
	/* Shutdown waited for it, and did not return before the reply. */
	assert_true(st.done_at >= sc.done_at - 0.05);
	assert_true(st.done_at - stop_called < 5.0);
	reply_free(&sc.r);
	router_free(g.router);
}

static void test_shutdown_idle(void **state)
{
	/* With nothing in flight shutdown is immediate, also with an idle
	 * keep-alive connection open. */
	struct fx *f = *state;
	struct fx g = *f;
	g.router = router_new();
	struct sw_error err;
	assert_int_equal(http_health_register(g.router, NULL, &err), 0);
	struct http_server *srv = start(&g, 1);
	CURL *c = curl_easy_init();
	char url[128];
	snprintf(url, sizeof url, "%s/api/v1/health", g.url);
	curl_easy_setopt(c, CURLOPT_URL, url);
	struct reply r;
	memset(&r, 0, sizeof r);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &r);
	assert_int_equal(curl_easy_perform(c), CURLE_OK);
	const double t0 = now_s();
	http_server_shutdown(srv);
	assert_true(now_s() - t0 < 2.0);
	curl_easy_cleanup(c);
	reply_free(&r);
	router_free(g.router);
}

/* The address the rate limiter keys on: the peer, or behind a trusted
 * local proxy the last X-Forwarded-For entry when it is an IP address. */
static void whoami(const struct fx *f, const char *xff, const char *want)
{
	struct req_opts o = { .headers = { xff } };
	struct reply r;
	request(f, "/api/v1/whoami", &o, &r);
	assert_int_equal(r.status, 200);
	char expect[128];
	snprintf(expect, sizeof expect, "{\"addr\":\"%s\"}", want);
	assert_string_equal(r.body, expect);
	reply_free(&r);
}

static void test_client_address(void **state)
{
	struct fx *f = *state;
	whoami(f, NULL, "127.0.0.1");
	whoami(f, "X-Forwarded-For: 203.0.113.5", "127.0.0.1");
	struct fx g = *f;
	struct http_server *srv = start_cfg(&g, 1, true);
	whoami(&g, NULL, "127.0.0.1");
	whoami(&g, "X-Forwarded-For: 203.0.113.5", "203.0.113.5");
	whoami(&g, "X-Forwarded-For: 10.9.9.9, 2001:db8::7", "2001:db8::7");
	whoami(&g, "X-Forwarded-For: 203.0.113.5, not-an-ip", "127.0.0.1");
	whoami(&g, "X-Forwarded-For: ", "127.0.0.1");
	http_server_shutdown(srv);
}

int main(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_health),
		cmocka_unit_test(test_not_found_and_method),
		cmocka_unit_test(test_body_limit),
		cmocka_unit_test(test_json_bodies),
		cmocka_unit_test(test_csrf),
		cmocka_unit_test(test_rate_limit),
		cmocka_unit_test(test_static),
		cmocka_unit_test(test_traversal),
		cmocka_unit_test(test_client_address),
		cmocka_unit_test(test_graceful_shutdown),
		cmocka_unit_test(test_shutdown_idle),
	};
	const int failed = cmocka_run_group_tests_name("http_server", tests, setup, teardown);
	curl_global_cleanup();
	return failed;
}
