/* http_message.h - the request a handler reads and the response it builds.
 *
 * Both are plain structs independent of libmicrohttpd, so handlers, the
 * dispatcher and their tests need no socket. A request borrows every string
 * (from the server's connection or from the test); a response owns what it
 * holds and is released with http_response_free(). */
#ifndef SW_HTTP_MESSAGE_H
#define SW_HTTP_MESSAGE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/error.h"
#include "http_csrf.h"

#define HTTP_MAX_HEADERS 64
#define HTTP_MAX_QUERY 32
#define HTTP_MAX_PARAMS 8
#define HTTP_MAX_RESPONSE_HEADERS 24
#define HTTP_ADDR_MAX 64

struct http_kv {
	const char *key;
	const char *value;
};

struct http_request {
	const char *method;          /* "GET", "POST", ... */
	const char *path;            /* percent-decoded, without the query */
	const char *route;           /* the router's pattern that matched, set by
				      * http_dispatch; NULL: none (static, 404) */
	struct http_kv params[HTTP_MAX_PARAMS];   /* path parameters, by the router */
	size_t nparams;
	struct http_kv query[HTTP_MAX_QUERY];     /* decoded query arguments */
	size_t nquery;
	struct http_kv headers[HTTP_MAX_HEADERS];
	size_t nheaders;
	const char *body;            /* NUL-terminated; "" when there is none */
	size_t body_len;
	char client_addr[HTTP_ADDR_MAX];  /* numeric IP of the client */
	bool cookie_secure;          /* mark cookies Secure: served behind TLS */
	/* What X-CSRF-Token must equal on an unsafe request. The dispatcher
	 * fills in the sw_csrf cookie (double submit); the session layer
	 * replaces it with the session's token. Empty: none known. */
	char csrf_token[HTTP_CSRF_TOKEN_LEN + 1];
	/* The session layer's identification of the user, set by the site's
	 * authenticate hook and released with auth_free after the response. */
	void *auth;
	void (*auth_free)(void *auth);
};

struct http_header {
	char *name;
	char *value;
};

struct http_response {
	unsigned status;            /* 0: nothing built yet */
	char *body;                 /* owned; may be NULL with body_len 0 */
	size_t body_len;
	int fd;                     /* owned file to send instead of body, or -1 */
	uint64_t fd_size;
	struct http_header headers[HTTP_MAX_RESPONSE_HEADERS];  /* owned copies */
	size_t nheaders;
};

/* Case-insensitive header lookup; NULL when absent. */
const char *http_request_header(const struct http_request *req, const char *name);
const char *http_request_query(const struct http_request *req, const char *name);
const char *http_request_param(const struct http_request *req, const char *name);

/* Copies cookie `name` into out[outsz]; returns its length, or -1 when it
 * is absent, ambiguous or does not fit (see http_cookie_get). */
int http_request_cookie(const struct http_request *req, const char *name, char *out, size_t outsz);

/* GET, HEAD and OPTIONS change nothing: no CSRF check, no body. */
bool http_method_is_safe(const char *method);

void http_response_init(struct http_response *res);
void http_response_free(struct http_response *res);

/* Drops the body and file, keeps the headers (e.g. Retry-After). */
void http_response_clear_body(struct http_response *res);

/* The builders below return 0, or -1 with err filled (out of memory, a
 * header that does not fit or would split the response). */

/* Serialises body (reference stolen, also on failure) as the response. */
int http_response_json(struct http_response *res, unsigned status, json_t *body,
		       struct sw_error *err);
int http_response_bytes(struct http_response *res, unsigned status, const char *content_type,
			const void *data, size_t len, struct sw_error *err);
/* fd is owned by the response from here on, also on failure. */
int http_response_file(struct http_response *res, unsigned status, const char *content_type,
		       int fd, uint64_t size, struct sw_error *err);
int http_response_empty(struct http_response *res, unsigned status);

/* Adds a header; Set-Cookie may appear more than once, for any other name
 * a second call replaces the value. */
int http_response_header(struct http_response *res, const char *name, const char *value,
			 struct sw_error *err);
const char *http_response_get_header(const struct http_response *res, const char *name);

/* Set-Cookie with SameSite=Strict, Path=/, Secure when req->cookie_secure;
 * max_age < 0: session cookie, 0: delete. */
int http_response_cookie(struct http_response *res, const struct http_request *req,
			 const char *name, const char *value, long max_age, bool http_only,
			 struct sw_error *err);

/* Turns the response into the JSON error for err (status from
 * json_err_status). Keeps headers already added. Returns 0. */
int http_response_error(struct http_response *res, const struct sw_error *err);

#endif
