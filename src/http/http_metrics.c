/* http_metrics.c - counters behind a mutex (http_metrics.h). Routes are
 * the router's patterns, so the series are few (a few hundred at most). */
#include "http_metrics.h"

#include "http_message.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Upper bounds of the latency buckets, in seconds. */
static const double bounds[] = { 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10 };
#define NBOUNDS (sizeof bounds / sizeof bounds[0])
#define MAX_SERIES 2048

struct series {
	char method[8];
	const char *route;          /* the router's pattern: lives as long as it */
	unsigned status;
	uint64_t count;
};

struct http_metrics {
	pthread_mutex_t lock;
	struct series series[MAX_SERIES];
	size_t nseries;
	uint64_t overflow;          /* requests of series beyond MAX_SERIES */
	uint64_t buckets[NBOUNDS + 1];
	double sum;
	uint64_t count;
	long inflight;
	http_metrics_extra_fn extra;
	void *ctx;
};

struct http_metrics *http_metrics_new(http_metrics_extra_fn extra, void *ctx)
{
	struct http_metrics *m = calloc(1, sizeof *m);
	if (m == NULL)
		return NULL;
	pthread_mutex_init(&m->lock, NULL);
	m->extra = extra;
	m->ctx = ctx;
	return m;
}

void http_metrics_free(struct http_metrics *m)
{
	if (m == NULL)
		return;
	pthread_mutex_destroy(&m->lock);
	free(m);
}

void http_metrics_observe(struct http_metrics *m, const char *method, const char *route,
			  unsigned status, double seconds)
{
	size_t b = 0;
	while (b < NBOUNDS && seconds > bounds[b])
		b++;
	pthread_mutex_lock(&m->lock);
	m->buckets[b]++;
	m->sum += seconds;
	m->count++;
	size_t i = 0;
	for (; i < m->nseries; i++)
		if (m->series[i].route == route && m->series[i].status == status &&
		    strcmp(m->series[i].method, method) == 0)
			break;
	if (i == m->nseries && m->nseries < MAX_SERIES) {
		snprintf(m->series[i].method, sizeof m->series[i].method, "%s", method);
		m->series[i].route = route;
		m->series[i].status = status;
		m->nseries++;
	}
	if (i < m->nseries)
		m->series[i].count++;
	else
		m->overflow++;
	pthread_mutex_unlock(&m->lock);
}

void http_metrics_inflight(struct http_metrics *m, int delta)
{
	pthread_mutex_lock(&m->lock);
	m->inflight += delta;
	pthread_mutex_unlock(&m->lock);
}

static void write_all(struct http_metrics *m, FILE *out)
{
	pthread_mutex_lock(&m->lock);
	fputs("# HELP spoorwijzer_http_requests_total Requests answered, by route pattern,"
	      " method and status.\n# TYPE spoorwijzer_http_requests_total counter\n", out);
	for (size_t i = 0; i < m->nseries; i++)
		fprintf(out,
			"spoorwijzer_http_requests_total{method=\"%s\",route=\"%s\",status=\"%u\"}"
			" %llu\n", m->series[i].method, m->series[i].route, m->series[i].status,
			(unsigned long long)m->series[i].count);
	fprintf(out, "# HELP spoorwijzer_http_requests_unsorted_total Requests beyond the"
		     " series kept.\n# TYPE spoorwijzer_http_requests_unsorted_total counter\n"
		     "spoorwijzer_http_requests_unsorted_total %llu\n",
		(unsigned long long)m->overflow);
	fputs("# HELP spoorwijzer_http_request_duration_seconds Time from a request's first"
	      " byte to its answer.\n# TYPE spoorwijzer_http_request_duration_seconds histogram\n",
	      out);
	uint64_t cum = 0;
	for (size_t b = 0; b <= NBOUNDS; b++) {
		cum += m->buckets[b];
		if (b < NBOUNDS)
			fprintf(out, "spoorwijzer_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
				bounds[b], (unsigned long long)cum);
		else
			fprintf(out, "spoorwijzer_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n",
				(unsigned long long)cum);
	}
	fprintf(out, "spoorwijzer_http_request_duration_seconds_sum %.6f\n"
		     "spoorwijzer_http_request_duration_seconds_count %llu\n",
		m->sum, (unsigned long long)m->count);
	fprintf(out, "# HELP spoorwijzer_http_requests_in_flight Requests being answered.\n"
		     "# TYPE spoorwijzer_http_requests_in_flight gauge\n"
		     "spoorwijzer_http_requests_in_flight %ld\n", m->inflight);
	pthread_mutex_unlock(&m->lock);
	if (m->extra != NULL)
		m->extra(m->ctx, out);
}

static int metrics_get(struct http_request *req, struct http_response *res, void *ctx,
		       struct sw_error *err)
{
	(void)req;
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	if (out == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	write_all(ctx, out);
	if (fclose(out) != 0) {
		free(text);
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	}
	const int rc = http_response_bytes(res, 200, "text/plain; version=0.0.4; charset=utf-8",
					   text, len, err);
	free(text);
	return rc;
}

int http_metrics_register(struct router *r, struct http_metrics *m, struct sw_error *err)
{
	return router_add(r, "GET", HTTP_METRICS_PATH, metrics_get, m, err);
}
