/* http_health.h - GET /api/v1/health: the liveness probe for load
 * balancers and `make run`. Answers without touching the store, so it says
 * the process serves, not that the database is reachable. */
#ifndef SW_HTTP_HEALTH_H
#define SW_HTTP_HEALTH_H

#include "core/error.h"
#include "http_router.h"

/* The product version reported by the API; the build may override it. */
#ifndef SW_VERSION
#define SW_VERSION "0.1.0"
#endif

#define HTTP_HEALTH_PATH "/api/v1/health"

int http_health_register(struct router *r, struct sw_error *err);

#endif
