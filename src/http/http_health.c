#include "http_health.h"

#include <stdio.h>

static int health_get(struct http_request *req, struct http_response *res, void *ctx,
		      struct sw_error *err)
{
	(void)req;
	const struct http_health *h = ctx;
	if (h == NULL || h->database == NULL)
		return http_response_json(res, 200, json_pack("{s:s, s:s}", "status", "ok",
							      "version", SW_VERSION), err);
	struct sw_error why = { 0 };
	if (h->database(h->ctx, &why) == 0)
		return http_response_json(res, 200, json_pack("{s:s, s:s, s:s}", "status", "ok",
							      "version", SW_VERSION, "database",
							      "ok"), err);
	/* The reason goes to the log; the probe's answer is for anyone. */
	fprintf(stderr, "spoorwijzer: health: database: %s\n", why.message);
	if (http_response_header(res, "Retry-After", "5", err) != 0)
		return -1;
	return http_response_json(res, 503, json_pack("{s:s, s:s, s:s}", "status", "unavailable",
						      "version", SW_VERSION, "database",
						      "unreachable"), err);
}

int http_health_register(struct router *r, const struct http_health *h, struct sw_error *err)
{
	return router_add(r, "GET", HTTP_HEALTH_PATH, health_get, (void *)h, err);
}
