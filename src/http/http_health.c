#include "http_health.h"

static int health_get(struct http_request *req, struct http_response *res, void *ctx,
		      struct sw_error *err)
{
	(void)req;
	(void)ctx;
	return http_response_json(res, 200,
				  json_pack("{s:s, s:s}", "status", "ok", "version", SW_VERSION), err);
}

int http_health_register(struct router *r, struct sw_error *err)
{
	return router_add(r, "GET", HTTP_HEALTH_PATH, health_get, NULL, err);
}
