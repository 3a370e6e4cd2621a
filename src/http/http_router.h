/* http_router.h - method + path patterns to handlers.
 *
 * Patterns are literal segments and {name} parameters:
 * "/api/v1/cases/{id}/deadlines". A parameter matches one non-empty
 * segment. When several routes match, the most specific one wins: the one
 * with a literal where the other has a parameter, earliest segment first
 * ("/cases/new" before "/cases/{id}"). A GET route also answers HEAD. */
#ifndef SW_HTTP_ROUTER_H
#define SW_HTTP_ROUTER_H

#include "core/error.h"
#include "http_message.h"

#define ROUTER_MAX_SEGMENTS 16
#define ROUTER_PATH_MAX 1024
#define ROUTER_NAME_MAX 32

/* A handler reads req and fills res. It returns 0 when res is complete,
 * or -1 with err set: the dispatcher then answers with the JSON error for
 * err (json_err_status), keeping any headers the handler already added.
 * ctx is the pointer given to router_add. */
typedef int (*http_handler_fn)(struct http_request *req, struct http_response *res, void *ctx,
			       struct sw_error *err);

struct router;

struct router *router_new(void);
void router_free(struct router *r);

/* method: GET, POST, PUT, PATCH or DELETE. Returns -1 with SW_EINVAL for
 * a malformed pattern and SW_ECONFLICT when the same method and pattern
 * shape is already registered. */
int router_add(struct router *r, const char *method, const char *pattern, http_handler_fn fn,
	       void *ctx, struct sw_error *err);

/* The number of routes, and route i's method and pattern (for checking the
 * API description against what is registered). Both point into r. */
size_t router_count(const struct router *r);
void router_route(const struct router *r, size_t i, const char **method, const char **pattern);

enum router_result {
	ROUTER_FOUND = 0,
	ROUTER_NOT_FOUND,           /* no route has this path */
	ROUTER_METHOD_NOT_ALLOWED,  /* the path exists with other methods: see allow */
};

struct router_match {
	enum router_result result;
	http_handler_fn fn;
	void *ctx;
	const char *pattern;        /* of the route found */
	struct http_kv params[HTTP_MAX_PARAMS];  /* point into buf and the router */
	size_t nparams;
	char allow[64];             /* "GET, HEAD, POST, OPTIONS" when the path exists */
	char buf[ROUTER_PATH_MAX];
};

/* Matches method and path; m owns the parameter values, which stay valid
 * as long as m and r. Never fails: anything malformed is NOT_FOUND. */
void router_match(const struct router *r, const char *method, const char *path,
		  struct router_match *m);

#endif
