/* paging.c - ?page=&per_page= and the {items, page, per_page, total}
 * answer that every paged list shares. */
#include "api.h"

#include <stdlib.h>

#include "http/http_json.h"

int api_query_int(const struct api_call *c, const char *name, int64_t min, int64_t max,
		  int64_t *out, struct sw_error *err)
{
	const char *s = http_request_query(c->req, name);
	if (s == NULL)
		return 0;
	char *end;
	long long v = strtoll(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || v < min || v > max)
		return sw_error_set(err, SW_EINVAL, name, "must be an integer from %lld to %lld",
				    (long long)min, (long long)max);
	*out = v;
	return 0;
}

int api_page_parse(const struct api_call *c, int64_t def, int64_t max, struct api_page *p,
		   struct sw_error *err)
{
	p->page = 1;
	p->per_page = def;
	return api_query_int(c, "page", 1, 1000000, &p->page, err) != 0 ||
			       api_query_int(c, "per_page", 1, max, &p->per_page, err) != 0
		       ? -1
		       : 0;
}

int api_page_respond(struct http_response *res, json_t *items, const struct api_page *p,
		     int64_t total, struct sw_error *err)
{
	json_t *o = json_pack("{s:o, s:I, s:I, s:I}", "items", items, "page", (json_int_t)p->page,
			      "per_page", (json_int_t)p->per_page, "total", (json_int_t)total);
	if (o == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return http_response_json(res, 200, o, err);
}
