/* http_dispatch.h - from a complete request to a complete response,
 * without sockets: routing, 404/405/OPTIONS, the session hook, CSRF, the
 * handler, the static front end, the JSON error for any failure and the
 * security headers on everything. The server calls it once per request;
 * tests and the fuzzer call it directly. */
#ifndef SW_HTTP_DISPATCH_H
#define SW_HTTP_DISPATCH_H

#include "http_message.h"
#include "http_router.h"
#include "http_static.h"

/* Runs after routing, before the CSRF check and the handler, for every API
 * request. The session layer identifies the user here: sets req->auth (and
 * req->auth_free) and req->csrf_token to the session's token. Return -1
 * with err to refuse the request (e.g. SW_EAUTH); an anonymous request
 * should pass and let the handler decide. */
typedef int (*http_auth_fn)(struct http_request *req, void *app, struct sw_error *err);

struct http_site {
	const struct router *router;      /* API routes under /api/; borrowed */
	const struct http_static *files;  /* the front end; NULL: none */
	http_auth_fn authenticate;        /* NULL: every request is anonymous */
	void *app;                        /* handed to authenticate */
};

/* Paths under this prefix are API: JSON errors, never the front end. */
#define HTTP_API_PREFIX "/api/"

/* res must be initialised (http_response_init). Always produces a
 * response; the caller frees it. */
void http_dispatch(const struct http_site *site, struct http_request *req,
		   struct http_response *res);

/* The headers every response carries (CSP, nosniff, Referrer-Policy,
 * frame-ancestors). Returns 0 or -1 when res is full. */
int http_security_headers(struct http_response *res);

#endif
