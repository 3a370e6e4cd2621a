/* http_metrics.h - what one server process counts, served as GET /metrics
 * in the Prometheus text format: requests by route pattern, method and
 * status, a latency histogram, requests in flight, and whatever the
 * caller adds (the store's pool). Thread-safe; the counts live as long
 * as the process. */
#ifndef SW_HTTP_METRICS_H
#define SW_HTTP_METRICS_H

#include <stdio.h>

#include "core/error.h"
#include "http_router.h"

#define HTTP_METRICS_PATH "/metrics"

struct http_metrics;

/* Writes more metrics (with their # HELP and # TYPE lines) to out. */
typedef void (*http_metrics_extra_fn)(void *ctx, FILE *out);

/* extra may be NULL. Free with http_metrics_free. */
struct http_metrics *http_metrics_new(http_metrics_extra_fn extra, void *ctx);
void http_metrics_free(struct http_metrics *m);

/* One answered request: route is the router's pattern ("static" for the
 * front end, "other" for what matched nothing), seconds from its first
 * byte to its answer. */
void http_metrics_observe(struct http_metrics *m, const char *method, const char *route,
			  unsigned status, double seconds);
void http_metrics_inflight(struct http_metrics *m, int delta);

/* GET /metrics on r; m must outlive r. */
int http_metrics_register(struct router *r, struct http_metrics *m, struct sw_error *err);

#endif
