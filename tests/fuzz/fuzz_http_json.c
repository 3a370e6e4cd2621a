/* fuzz_http_json.c - libFuzzer target for what a client controls before
 * any handler logic: the JSON body (strict parse, allowed fields, typed
 * getters), the error body built from whatever went wrong, the router's
 * path matching, the Cookie header, the static path filter and the whole
 * dispatcher. Invariants checked: an error body always serialises, path
 * parameters are never empty, and nothing crashes, leaks or hits UB.
 *
 * Build and run: tests/fuzz/run.sh SECONDS */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/http_cookie.h"
#include "http/http_dispatch.h"
#include "http/http_json.h"
#include "http/http_router.h"
#include "http/http_static.h"
#include "http/http_uri.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_error_body(const struct sw_error *err)
{
	json_t *b = json_err_body(err);
	char *text = b ? json_dumps(b, JSON_COMPACT) : NULL;
	if (text == NULL)
		abort();
	free(text);
	json_decref(b);
}

static void validate(const json_t *obj)
{
	static const char *const allowed[] = { "s", "i", "b", "d", "e", "n", NULL };
	static const char *const kinds[] = { "detachering", "proefplaatsing", NULL };
	struct sw_error err;
	sw_error_clear(&err);
	if (json_fields_allowed(obj, allowed, &err) != 0)
		check_error_body(&err);
	const char *s;
	int64_t i;
	bool b;
	sw_date d;
	int e;
	if (json_field_string(obj, "s", JSON_FIELD_REQUIRED, 16, &s, &err) < 0)
		check_error_body(&err);
	if (json_field_int(obj, "i", JSON_FIELD_NULLABLE, -5, 5, &i, &err) < 0)
		check_error_body(&err);
	if (json_field_bool(obj, "b", 0, &b, &err) < 0)
		check_error_body(&err);
	if (json_field_date(obj, "d", JSON_FIELD_NULLABLE | JSON_FIELD_REQUIRED, &d, &err) < 0)
		check_error_body(&err);
	if (json_field_enum(obj, "e", 0, kinds, &e, &err) < 0)
		check_error_body(&err);
}

static int h_json(struct http_request *req, struct http_response *res, void *ctx,
		  struct sw_error *err)
{
	(void)ctx;
	json_t *body = json_body_parse(req->body, req->body_len, err);
	if (body == NULL)
		return -1;
	validate(body);
	return http_response_json(res, 200, body, err);
}

static struct router *make_router(void)
{
	static const char *const patterns[] = {
		"/api/v1/health", "/api/v1/cases", "/api/v1/cases/{id}", "/api/v1/cases/new",
		"/api/v1/cases/{id}/deadlines", "/api/v1/cases/{id}/deadlines/{code}",
		"/api/v1/{a}/{b}/{c}/{d}/{e}/{f}/{g}", "/",
	};
	struct router *r = router_new();
	struct sw_error err;
	for (size_t i = 0; i < sizeof patterns / sizeof patterns[0]; i++) {
		if (router_add(r, "GET", patterns[i], h_json, NULL, &err) != 0 ||
		    router_add(r, "POST", patterns[i], h_json, NULL, &err) != 0)
			abort();
	}
	return r;
}

static void fuzz_path(const struct router *r, const char *s)
{
	static struct router_match m;
	router_match(r, "GET", s, &m);
	if (m.result == ROUTER_FOUND)
		for (size_t i = 0; i < m.nparams; i++)
			if (m.params[i].value[0] == '\0' || strchr(m.params[i].value, '/'))
				abort();
	router_match(r, "DELETE", s, &m);
	if (m.result == ROUTER_FOUND)
		abort();
	char v[64];
	http_cookie_get(s, "sw_csrf", v, sizeof v);
	http_static_path_ok(s);
	http_static_mime(s);
}

static void fuzz_dispatch(const struct router *r, const char *path, const uint8_t *data,
			  size_t size)
{
	/* The body keeps every byte, NULs included; the server NUL-terminates. */
	char *body = malloc(size + 1);
	memcpy(body, data, size);
	body[size] = '\0';
	struct http_request req;
	memset(&req, 0, sizeof req);
	req.method = size % 2 ? "POST" : "GET";
	req.path = path;
	req.body = body;
	req.body_len = size;
	req.headers[req.nheaders++] = (struct http_kv){ "Cookie", path };
	req.headers[req.nheaders++] = (struct http_kv){ "X-CSRF-Token", path };
	const struct http_site site = { .router = r };
	struct http_response res;
	http_response_init(&res);
	http_dispatch(&site, &req, &res);
	if (res.status < 200 || res.status > 599)
		abort();
	http_response_free(&res);
	free(body);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct router *r;
	if (r == NULL)
		r = make_router();
	struct sw_error err;
	sw_error_clear(&err);
	json_t *obj = json_body_parse((const char *)data, size, &err);
	if (obj != NULL) {
		validate(obj);
		json_decref(obj);
	} else {
		check_error_body(&err);
	}
	/* The same bytes as a path and header value (up to the first NUL). */
	char *s = malloc(size + 1);
	memcpy(s, data, size);
	s[size] = '\0';
	/* As a raw request target: refused with an error, or accepted. */
	if (http_uri_check(s, &err) != 0)
		check_error_body(&err);
	fuzz_path(r, s);
	fuzz_dispatch(r, s, data, size);
	free(s);
	return 0;
}
