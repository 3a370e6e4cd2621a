/* http_health.h - GET /api/v1/health: the probe for load balancers and
 * `make run`. With a database check it answers 503 while the database
 * cannot be reached, so that a balancer sends requests elsewhere and an
 * operator sees why; without one it only says the process serves. */
#ifndef SW_HTTP_HEALTH_H
#define SW_HTTP_HEALTH_H

#include "core/error.h"
#include "http_router.h"

/* The product version reported by the API; the build may override it. */
#ifndef SW_VERSION
#define SW_VERSION "0.1.0"
#endif

#define HTTP_HEALTH_PATH "/api/v1/health"

/* One round trip to the database: 0 when it answers, else -1 with err. */
typedef int (*http_health_check_fn)(void *ctx, struct sw_error *err);

struct http_health {
	http_health_check_fn database;   /* NULL: no database to check */
	void *ctx;
};

/* h (NULL: no checks) must outlive the router. */
int http_health_register(struct router *r, const struct http_health *h, struct sw_error *err);

#endif
