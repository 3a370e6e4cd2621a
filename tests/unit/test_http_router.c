/* test_http_router.c - pattern registration and matching, and the
 * dispatcher on top of it (404/405/OPTIONS as JSON, CSRF, the session hook,
 * error mapping, headers) with requests built by hand, no socket. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "http/http_dispatch.h"
#include "http/http_json.h"
#include "http/http_router.h"

static int h_a(struct http_request *req, struct http_response *res, void *ctx,
	       struct sw_error *err)
{
	(void)req;
	(void)ctx;
	return http_response_json(res, 200, json_pack("{s:s}", "h", "a"), err);
}

static int h_b(struct http_request *req, struct http_response *res, void *ctx,
	       struct sw_error *err)
{
	(void)req;
	(void)ctx;
	return http_response_json(res, 200, json_pack("{s:s}", "h", "b"), err);
}

static void add_ok(struct router *r, const char *method, const char *pattern,
		   http_handler_fn fn, void *ctx)
{
	struct sw_error err;
	if (router_add(r, method, pattern, fn, ctx, &err) != 0)
		fail_msg("%s %s: %s", method, pattern, err.message);
}

static void add_fails(struct router *r, const char *method, const char *pattern,
		      enum sw_errcode code)
{
	struct sw_error err;
	sw_error_clear(&err);
	if (router_add(r, method, pattern, h_a, NULL, &err) != -1)
		fail_msg("accepted %s %s", method ? method : "(null)", pattern ? pattern : "(null)");
	assert_int_equal(err.code, code);
}

static void test_bad_patterns(void **state)
{
	(void)state;
	struct router *r = router_new();
	add_fails(r, "GET", "", SW_EINVAL);
	add_fails(r, "GET", NULL, SW_EINVAL);
	add_fails(r, "GET", "api/v1", SW_EINVAL);
	add_fails(r, "GET", "/api//v1", SW_EINVAL);
	add_fails(r, "GET", "/api/v1/", SW_EINVAL);
	add_fails(r, "GET", "/cases/{", SW_EINVAL);
	add_fails(r, "GET", "/cases/{}", SW_EINVAL);
	add_fails(r, "GET", "/cases/{Id}", SW_EINVAL);
	add_fails(r, "GET", "/cases/{1d}", SW_EINVAL);
	add_fails(r, "GET", "/cases/x{id}", SW_EINVAL);
	add_fails(r, "GET", "/cases/{id}x", SW_EINVAL);
	add_fails(r, "GET", "/cases/{id}/docs/{id}", SW_EINVAL);
	add_fails(r, "GET", "/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}", SW_EINVAL);
	add_fails(r, "GET", "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q", SW_EINVAL);
	add_fails(r, "HEAD", "/x", SW_EINVAL);
	add_fails(r, "OPTIONS", "/x", SW_EINVAL);
	add_fails(r, "get", "/x", SW_EINVAL);
	add_fails(r, "BREW", "/x", SW_EINVAL);
	add_fails(r, NULL, "/x", SW_EINVAL);
	/* Same shape twice, also under other parameter names. */
	add_ok(r, "GET", "/cases/{id}", h_a, NULL);
	add_fails(r, "GET", "/cases/{id}", SW_ECONFLICT);
	add_fails(r, "GET", "/cases/{case_id}", SW_ECONFLICT);
	add_ok(r, "POST", "/cases/{id}", h_a, NULL);
	add_ok(r, "GET", "/cases/new", h_a, NULL);
	/* 16 segments and 8 parameters are the limits, not errors. */
	add_ok(r, "GET", "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p", h_a, NULL);
	add_ok(r, "GET", "/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}", h_a, NULL);
	router_free(r);
}

static void test_match(void **state)
{
	(void)state;
	struct router *r = router_new();
	int ctx_a, ctx_b;
	/* Registered generic first: precedence must not depend on order. */
	add_ok(r, "GET", "/api/v1/cases/{id}", h_a, &ctx_a);
	add_ok(r, "GET", "/api/v1/cases/new", h_b, &ctx_b);
	add_ok(r, "GET", "/api/v1/cases/{id}/deadlines/{code}", h_a, &ctx_a);
	add_ok(r, "PUT", "/api/v1/cases/{id}/deadlines/{code}", h_b, &ctx_b);
	add_ok(r, "DELETE", "/api/v1/cases/{id}/deadlines/{code}", h_b, &ctx_b);
	add_ok(r, "GET", "/", h_b, &ctx_b);
	struct router_match *m = malloc(sizeof *m);

	router_match(r, "GET", "/api/v1/cases/42/deadlines/probleemanalyse", m);
	assert_int_equal(m->result, ROUTER_FOUND);
	assert_ptr_equal(m->ctx, &ctx_a);
	assert_string_equal(m->pattern, "/api/v1/cases/{id}/deadlines/{code}");
	assert_int_equal(m->nparams, 2);
	assert_string_equal(m->params[0].key, "id");
	assert_string_equal(m->params[0].value, "42");
	assert_string_equal(m->params[1].key, "code");
	assert_string_equal(m->params[1].value, "probleemanalyse");

	router_match(r, "GET", "/api/v1/cases/new", m);
	assert_int_equal(m->result, ROUTER_FOUND);
	assert_ptr_equal(m->ctx, &ctx_b);
	assert_int_equal(m->nparams, 0);
	router_match(r, "GET", "/api/v1/cases/news", m);
	assert_ptr_equal(m->ctx, &ctx_a);
	assert_string_equal(m->params[0].value, "news");

	/* HEAD answers through GET. */
	router_match(r, "HEAD", "/api/v1/cases/7", m);
	assert_int_equal(m->result, ROUTER_FOUND);

	/* Wrong method: 405 with every method of the path. */
	router_match(r, "POST", "/api/v1/cases/7/deadlines/x", m);
	assert_int_equal(m->result, ROUTER_METHOD_NOT_ALLOWED);
	assert_string_equal(m->allow, "GET, HEAD, PUT, DELETE, OPTIONS");
	router_match(r, "BREW", "/api/v1/cases/7", m);
	assert_int_equal(m->result, ROUTER_METHOD_NOT_ALLOWED);
	assert_string_equal(m->allow, "GET, HEAD, OPTIONS");
	router_match(r, "OPTIONS", "/api/v1/cases/7", m);
	assert_int_equal(m->result, ROUTER_METHOD_NOT_ALLOWED);

	router_match(r, "GET", "/", m);
	assert_int_equal(m->result, ROUTER_FOUND);

	/* Not found: other paths, empty segments, trailing slash, relative,
	 * too many segments, too long. */
	static const char *const missing[] = {
		"/api/v1/cases", "/api/v1/cases/", "/api/v1/cases//deadlines/x",
		"/api/v1/cases/1/deadlines/x/", "api/v1/cases/1", "", "//",
		"/api/v1/CASES/1", "/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r",
	};
	for (size_t i = 0; i < sizeof missing / sizeof missing[0]; i++) {
		router_match(r, "GET", missing[i], m);
		if (m->result != ROUTER_NOT_FOUND)
			fail_msg("matched '%s'", missing[i]);
		assert_string_equal(m->allow, "");
	}
	router_match(r, "GET", NULL, m);
	assert_int_equal(m->result, ROUTER_NOT_FOUND);
	char *long_path = malloc(ROUTER_PATH_MAX + 10);
	memset(long_path, 'a', ROUTER_PATH_MAX + 9);
	long_path[0] = '/';
	long_path[ROUTER_PATH_MAX + 9] = '\0';
	router_match(r, "GET", long_path, m);
	assert_int_equal(m->result, ROUTER_NOT_FOUND);
	free(long_path);
	free(m);
	router_free(r);
}

/* ---- dispatcher ---- */

struct fake {
	struct http_request req;
	struct http_response res;
	char cookie[128];
};

static void fake_init(struct fake *f, const char *method, const char *path)
{
	memset(f, 0, sizeof *f);
	f->req.method = method;
	f->req.path = path;
	f->req.body = "";
	strcpy(f->req.client_addr, "192.0.2.1");
	http_response_init(&f->res);
}

static void fake_header(struct fake *f, const char *name, const char *value)
{
	f->req.headers[f->req.nheaders++] = (struct http_kv){ name, value };
}

static json_t *res_json(const struct fake *f)
{
	json_error_t jerr;
	json_t *j = json_loadb(f->res.body, f->res.body_len, 0, &jerr);
	if (j == NULL)
		fail_msg("response is not JSON: %.*s", (int)f->res.body_len, f->res.body);
	return j;
}

static const char *err_code(const struct fake *f, char *buf, size_t n)
{
	json_t *j = res_json(f);
	const char *c = json_string_value(json_object_get(json_object_get(j, "error"), "code"));
	snprintf(buf, n, "%s", c ? c : "(none)");
	json_decref(j);
	return buf;
}

static void assert_security_headers(const struct http_response *res)
{
	const char *csp = http_response_get_header(res, "Content-Security-Policy");
	assert_non_null(csp);
	assert_non_null(strstr(csp, "frame-ancestors 'none'"));
	assert_string_equal(http_response_get_header(res, "X-Content-Type-Options"), "nosniff");
	assert_string_equal(http_response_get_header(res, "Referrer-Policy"), "no-referrer");
}

static int h_echo_param(struct http_request *req, struct http_response *res, void *ctx,
			struct sw_error *err)
{
	(void)ctx;
	return http_response_json(res, 200, json_pack("{s:s}", "id", http_request_param(req, "id")),
				  err);
}

static int h_fail_field(struct http_request *req, struct http_response *res, void *ctx,
			struct sw_error *err)
{
	(void)req;
	(void)ctx;
	http_response_header(res, "Retry-After", "7", NULL);
	return sw_error_set(err, SW_EINVAL, "from", "must be a date");
}

static int h_internal(struct http_request *req, struct http_response *res, void *ctx,
		      struct sw_error *err)
{
	(void)req;
	(void)res;
	(void)ctx;
	return sw_error_set(err, SW_EINTERNAL, "sql", "SECRET table missing");
}

static int h_nothing(struct http_request *req, struct http_response *res, void *ctx,
		     struct sw_error *err)
{
	(void)req;
	(void)res;
	(void)ctx;
	(void)err;
	return 0;
}

static int h_unset_error(struct http_request *req, struct http_response *res, void *ctx,
			 struct sw_error *err)
{
	(void)req;
	(void)res;
	(void)ctx;
	(void)err;
	return -1;
}

static int h_post(struct http_request *req, struct http_response *res, void *ctx,
		  struct sw_error *err)
{
	(void)req;
	int *calls = ctx;
	(*calls)++;
	return http_response_json(res, 201, json_pack("{s:b}", "ok", 1), err);
}

struct site_fx {
	struct router *r;
	struct http_site site;
	int posts;
};

static int site_setup(void **state)
{
	struct site_fx *s = calloc(1, sizeof *s);
	s->r = router_new();
	add_ok(s->r, "GET", "/api/v1/cases/{id}", h_echo_param, NULL);
	add_ok(s->r, "GET", "/api/v1/fail", h_fail_field, NULL);
	add_ok(s->r, "GET", "/api/v1/internal", h_internal, NULL);
	add_ok(s->r, "GET", "/api/v1/nothing", h_nothing, NULL);
	add_ok(s->r, "GET", "/api/v1/unset", h_unset_error, NULL);
	add_ok(s->r, "POST", "/api/v1/things", h_post, &s->posts);
	s->site.router = s->r;
	*state = s;
	return 0;
}

static int site_teardown(void **state)
{
	struct site_fx *s = *state;
	router_free(s->r);
	free(s);
	return 0;
}

static void run(struct site_fx *s, struct fake *f)
{
	http_dispatch(&s->site, &f->req, &f->res);
	assert_security_headers(&f->res);
}

static void test_dispatch_found(void **state)
{
	struct site_fx *s = *state;
	struct fake f;
	fake_init(&f, "GET", "/api/v1/cases/12");
	run(s, &f);
	assert_int_equal(f.res.status, 200);
	json_t *j = res_json(&f);
	assert_string_equal(json_string_value(json_object_get(j, "id")), "12");
	json_decref(j);
	assert_string_equal(http_response_get_header(&f.res, "Cache-Control"), "no-store");
	assert_string_equal(http_response_get_header(&f.res, "Content-Type"), "application/json");
	/* No CSRF cookie came in, so one goes out, readable by the page. */
	const char *sc = http_response_get_header(&f.res, "Set-Cookie");
	assert_non_null(sc);
	assert_true(strncmp(sc, "sw_csrf=", 8) == 0);
	assert_non_null(strstr(sc, "SameSite=Strict"));
	assert_null(strstr(sc, "HttpOnly"));
	assert_null(strstr(sc, "Secure"));
	assert_int_equal(f.req.nparams, 0);
	http_response_free(&f.res);
}

static void test_dispatch_not_found(void **state)
{
	struct site_fx *s = *state;
	struct fake f;
	char code[64];
	fake_init(&f, "GET", "/api/v1/nope");
	run(s, &f);
	assert_int_equal(f.res.status, 404);
	assert_string_equal(err_code(&f, code, sizeof code), "not_found");
	http_response_free(&f.res);
	/* Without a front end, every path is API. */
	fake_init(&f, "GET", "/index.html");
	run(s, &f);
	assert_int_equal(f.res.status, 404);
	assert_string_equal(err_code(&f, code, sizeof code), "not_found");
	http_response_free(&f.res);
}

static void test_dispatch_method_not_allowed(void **state)
{
	struct site_fx *s = *state;
	struct fake f;
	char code[64];
	fake_init(&f, "DELETE", "/api/v1/cases/12");
	run(s, &f);
	assert_int_equal(f.res.status, 405);
	assert_string_equal(http_response_get_header(&f.res, "Allow"), "GET, HEAD, OPTIONS");
	assert_string_equal(err_code(&f, code, sizeof code), "method_not_allowed");
	http_response_free(&f.res);
	fake_init(&f, "OPTIONS", "/api/v1/things");
	run(s, &f);
	assert_int_equal(f.res.status, 204);
	assert_string_equal(http_response_get_header(&f.res, "Allow"), "POST, OPTIONS");
	assert_int_equal(f.res.body_len, 0);
	assert_null(http_response_get_header(&f.res, "Access-Control-Allow-Origin"));
	http_response_free(&f.res);
}

static void test_dispatch_errors(void **state)
{
	struct site_fx *s = *state;
	struct fake f;
	char code[64];
	/* A field error: 422, the field named, the handler's header kept. */
	fake_init(&f, "GET", "/api/v1/fail");
	run(s, &f);
	assert_int_equal(f.res.status, 422);
	json_t *j = res_json(&f);
	json_t *e = json_object_get(j, "error");
	assert_string_equal(json_string_value(json_object_get(e, "code")), "invalid");
	assert_string_equal(json_string_value(json_object_get(e, "field")), "from");
	assert_string_equal(json_string_value(json_object_get(e, "message")), "must be a date");
	json_decref(j);
	assert_string_equal(http_response_get_header(&f.res, "Retry-After"), "7");
	http_response_free(&f.res);
	/* Internal: 500 and nothing of the internals. */
	fake_init(&f, "GET", "/api/v1/internal");
	run(s, &f);
	assert_int_equal(f.res.status, 500);
	assert_string_equal(err_code(&f, code, sizeof code), "internal");
	assert_null(strstr(f.res.body, "SECRET"));
	http_response_free(&f.res);
	/* A handler that built nothing, or failed without saying why. */
	fake_init(&f, "GET", "/api/v1/nothing");
	run(s, &f);
	assert_int_equal(f.res.status, 500);
	http_response_free(&f.res);
	fake_init(&f, "GET", "/api/v1/unset");
	run(s, &f);
	assert_int_equal(f.res.status, 500);
	http_response_free(&f.res);
}

static void test_dispatch_csrf(void **state)
{
	struct site_fx *s = *state;
	struct fake f;
	char code[64];
	const char *token = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
	const char *other = "BAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
	char cookie[128];
	snprintf(cookie, sizeof cookie, "theme=dark; sw_csrf=%s", token);
	s->posts = 0;

	/* No cookie, no header. */
	fake_init(&f, "POST", "/api/v1/things");
	run(s, &f);
	assert_int_equal(f.res.status, 403);
	assert_string_equal(err_code(&f, code, sizeof code), "forbidden");
	http_response_free(&f.res);
	/* Cookie but no header: what a cross-site form post looks like. */
	fake_init(&f, "POST", "/api/v1/things");
	fake_header(&f, "Cookie", cookie);
	run(s, &f);
	assert_int_equal(f.res.status, 403);
	http_response_free(&f.res);
	/* Header that does not match. */
	fake_init(&f, "POST", "/api/v1/things");
	fake_header(&f, "Cookie", cookie);
	fake_header(&f, "X-CSRF-Token", other);
	run(s, &f);
	assert_int_equal(f.res.status, 403);
	http_response_free(&f.res);
	/* A prefix of the token is not the token. */
	fake_init(&f, "POST", "/api/v1/things");
	fake_header(&f, "Cookie", cookie);
	fake_header(&f, "X-CSRF-Token", "AAAA");
	run(s, &f);
	assert_int_equal(f.res.status, 403);
	http_response_free(&f.res);
	/* Header without a cookie to match. */
	fake_init(&f, "POST", "/api/v1/things");
	fake_header(&f, "X-CSRF-Token", token);
	run(s, &f);
	assert_int_equal(f.res.status, 403);
	http_response_free(&f.res);
	assert_int_equal(s->posts, 0);
	/* Cookie and matching header (any case of the header name). */
	fake_init(&f, "POST", "/api/v1/things");
	fake_header(&f, "Cookie", cookie);
	fake_header(&f, "x-csrf-token", token);
	run(s, &f);
	assert_int_equal(f.res.status, 201);
	assert_int_equal(s->posts, 1);
	/* The cookie was there: no new one. */
	assert_null(http_response_get_header(&f.res, "Set-Cookie"));
	http_response_free(&f.res);
}

/* The session hook: its token replaces the cookie's, and it may refuse. */
static int auth_session(struct http_request *req, void *app, struct sw_error *err)
{
	(void)err;
	memcpy(req->csrf_token, app, HTTP_CSRF_TOKEN_LEN + 1);
	return 0;
}

static int auth_refuse(struct http_request *req, void *app, struct sw_error *err)
{
	(void)req;
	(void)app;
	return sw_error_set(err, SW_EAUTH, "", "session expired");
}

static void test_dispatch_auth_hook(void **state)
{
	struct site_fx *s = *state;
	struct fake f;
	char session_token[] = "SSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSSS";
	const char *cookie = "sw_csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
	s->site.authenticate = auth_session;
	s->site.app = session_token;
	s->posts = 0;
	fake_init(&f, "POST", "/api/v1/things");
	fake_header(&f, "Cookie", cookie);
	fake_header(&f, "X-CSRF-Token", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
	run(s, &f);
	assert_int_equal(f.res.status, 403);
	http_response_free(&f.res);
	fake_init(&f, "POST", "/api/v1/things");
	fake_header(&f, "Cookie", cookie);
	fake_header(&f, "X-CSRF-Token", session_token);
	run(s, &f);
	assert_int_equal(f.res.status, 201);
	http_response_free(&f.res);
	s->site.authenticate = auth_refuse;
	fake_init(&f, "GET", "/api/v1/cases/1");
	run(s, &f);
	assert_int_equal(f.res.status, 401);
	http_response_free(&f.res);
	s->site.authenticate = NULL;
	s->site.app = NULL;
}

static void test_dispatch_secure_cookie(void **state)
{
	struct site_fx *s = *state;
	struct fake f;
	fake_init(&f, "GET", "/api/v1/cases/1");
	f.req.cookie_secure = true;
	/* A malformed cookie counts as none: a fresh one is issued. */
	fake_header(&f, "Cookie", "sw_csrf=short");
	run(s, &f);
	const char *sc = http_response_get_header(&f.res, "Set-Cookie");
	assert_non_null(sc);
	assert_non_null(strstr(sc, "; Secure"));
	http_response_free(&f.res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bad_patterns),
		cmocka_unit_test(test_match),
		cmocka_unit_test_setup_teardown(test_dispatch_found, site_setup, site_teardown),
		cmocka_unit_test_setup_teardown(test_dispatch_not_found, site_setup, site_teardown),
		cmocka_unit_test_setup_teardown(test_dispatch_method_not_allowed, site_setup,
						site_teardown),
		cmocka_unit_test_setup_teardown(test_dispatch_errors, site_setup, site_teardown),
		cmocka_unit_test_setup_teardown(test_dispatch_csrf, site_setup, site_teardown),
		cmocka_unit_test_setup_teardown(test_dispatch_auth_hook, site_setup, site_teardown),
		cmocka_unit_test_setup_teardown(test_dispatch_secure_cookie, site_setup,
						site_teardown),
	};
	return cmocka_run_group_tests_name("http_router", tests, NULL, NULL);
}
