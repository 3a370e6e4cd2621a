#include "http_dispatch.h"

#include <stdio.h>
#include <string.h>

#include "http_csrf.h"
#include "http_json.h"

static const struct http_header security_headers[] = {
	{ "Content-Security-Policy",
	  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
	  "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
	  "form-action 'self'; frame-ancestors 'none'" },
	{ "X-Content-Type-Options", "nosniff" },
	{ "Referrer-Policy", "no-referrer" },
	{ "X-Frame-Options", "DENY" },
	{ "Cross-Origin-Opener-Policy", "same-origin" },
	{ "Cross-Origin-Resource-Policy", "same-origin" },
	{ "Permissions-Policy", "camera=(), microphone=(), geolocation=()" },
};

int http_security_headers(struct http_response *res)
{
	for (size_t i = 0; i < sizeof security_headers / sizeof security_headers[0]; i++)
		if (http_response_header(res, security_headers[i].name, security_headers[i].value,
					 NULL) != 0)
			return -1;
	return 0;
}

static bool is_api_path(const char *path)
{
	return strncmp(path, HTTP_API_PREFIX, strlen(HTTP_API_PREFIX)) == 0 ||
	       strcmp(path, "/api") == 0;
}

/* 405 with Allow, or 204 with Allow for OPTIONS (same origin only: no CORS
 * headers, so cross-origin preflights fail as intended). */
static int not_allowed(const struct http_request *req, struct http_response *res,
		       const char *allow, struct sw_error *err)
{
	if (http_response_header(res, "Allow", allow, err) != 0)
		return -1;
	if (strcmp(req->method, "OPTIONS") == 0)
		return http_response_empty(res, 204);
	char msg[128];
	snprintf(msg, sizeof msg, "method not allowed; allowed: %s", allow);
	return http_response_json(res, 405, json_err_body_raw("method_not_allowed", "", msg), err);
}

static int serve_files(const struct http_site *site, struct http_request *req,
		       struct http_response *res, struct sw_error *err)
{
	if (strcmp(req->method, "GET") != 0 && strcmp(req->method, "HEAD") != 0)
		return not_allowed(req, res, "GET, HEAD, OPTIONS", err);
	return http_static_serve(site->files, req, res, err);
}

static int call_handler(const struct http_site *site, struct http_request *req,
			struct http_response *res, const struct router_match *m,
			struct sw_error *err)
{
	memcpy(req->params, m->params, m->nparams * sizeof m->params[0]);
	req->nparams = m->nparams;
	if (site->authenticate != NULL && site->authenticate(req, site->app, err) != 0)
		return -1;
	if (http_csrf_check(req->method, http_request_header(req, HTTP_CSRF_HEADER),
			    req->csrf_token, err) != 0)
		return -1;
	if (m->fn(req, res, m->ctx, err) != 0) {
		if (err->code == SW_OK)
			sw_error_set(err, SW_EINTERNAL, "", "handler for %s failed without an error",
				     m->pattern);
		return -1;
	}
	if (res->status == 0)
		return sw_error_set(err, SW_EINTERNAL, "", "handler for %s built no response",
				    m->pattern);
	return 0;
}

/* Sets *api when the request is answered as API (JSON, no caching). */
static int dispatch(const struct http_site *site, struct http_request *req,
		    struct http_response *res, bool *api, struct sw_error *err)
{
	struct router_match m;
	router_match(site->router, req->method, req->path, &m);
	*api = m.result != ROUTER_NOT_FOUND || site->files == NULL || is_api_path(req->path);
	if (!*api)
		return serve_files(site, req, res, err);
	int rc;
	switch (m.result) {
	case ROUTER_FOUND:
		req->route = m.pattern;
		rc = call_handler(site, req, res, &m, err);
		/* The parameters point into m, which ends here. */
		req->nparams = 0;
		return rc;
	case ROUTER_METHOD_NOT_ALLOWED:
		return not_allowed(req, res, m.allow, err);
	case ROUTER_NOT_FOUND:
		break;
	}
	return sw_error_set(err, SW_ENOTFOUND, "", "no such resource");
}

static void fail(const struct http_request *req, struct http_response *res,
		 const struct sw_error *err)
{
	if (json_err_status(err) == 500)
		fprintf(stderr, "spoorwijzer: %s %s: internal error: %s%s%s\n", req->method,
			req->path, err->field, err->field[0] ? ": " : "", err->message);
	http_response_error(res, err);
}

/* API answers carry personal data: never cached. A client without a
 * CSRF cookie gets one, so its first change can pass the check. */
static void api_headers(const struct http_request *req, struct http_response *res,
			bool had_csrf_cookie)
{
	if (http_response_get_header(res, "Cache-Control") == NULL)
		http_response_header(res, "Cache-Control", "no-store", NULL);
	char token[HTTP_CSRF_TOKEN_LEN + 1];
	if (!had_csrf_cookie && http_csrf_token_new(token) == 0)
		http_response_cookie(res, req, HTTP_CSRF_COOKIE, token, -1, false, NULL);
}

void http_dispatch(const struct http_site *site, struct http_request *req,
		   struct http_response *res)
{
	char cookie[HTTP_CSRF_TOKEN_LEN + 1];
	const bool had_cookie = http_request_cookie(req, HTTP_CSRF_COOKIE, cookie, sizeof cookie) > 0 &&
				http_csrf_token_valid(cookie);
	if (had_cookie && req->csrf_token[0] == '\0')
		memcpy(req->csrf_token, cookie, sizeof cookie);
	struct sw_error err;
	sw_error_clear(&err);
	bool api = true;
	if (dispatch(site, req, res, &api, &err) != 0)
		fail(req, res, &err);
	if (api)
		api_headers(req, res, had_cookie);
	if (http_security_headers(res) != 0) {
		/* A handler that fills every header slot is a bug; answering
		 * without the security headers is not an option. */
		http_response_free(res);
		http_response_init(res);
		sw_error_set(&err, SW_EINTERNAL, "", "response headers full");
		fail(req, res, &err);
		http_security_headers(res);
	}
}
