/* http_router.c - a linear table of parsed patterns. A hundred routes
 * compared segment by segment cost less than the request's JSON, and a
 * table keeps the precedence rule explicit. */
#include "http_router.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
	M_GET = 1u << 0,
	M_HEAD = 1u << 1,
	M_POST = 1u << 2,
	M_PUT = 1u << 3,
	M_PATCH = 1u << 4,
	M_DELETE = 1u << 5,
	M_OPTIONS = 1u << 6,
};

static const struct {
	const char *name;
	unsigned bit;
} methods[] = {
	{ "GET", M_GET }, { "HEAD", M_HEAD }, { "POST", M_POST }, { "PUT", M_PUT },
	{ "PATCH", M_PATCH }, { "DELETE", M_DELETE }, { "OPTIONS", M_OPTIONS },
};

struct segment {
	char *text;   /* the literal, or the parameter's name */
	bool param;
};

struct route {
	unsigned method;
	char *pattern;
	struct segment seg[ROUTER_MAX_SEGMENTS];
	size_t nseg;
	/* Bit 31-i set when segment i is a literal: a larger value is a more
	 * specific route. */
	uint32_t specificity;
	http_handler_fn fn;
	void *ctx;
};

struct router {
	struct route *routes;
	size_t n, cap;
};

static unsigned method_bit(const char *method)
{
	for (size_t i = 0; method != NULL && i < sizeof methods / sizeof methods[0]; i++)
		if (strcmp(method, methods[i].name) == 0)
			return methods[i].bit;
	return 0;
}

struct router *router_new(void)
{
	return calloc(1, sizeof(struct router));
}

static void route_free(struct route *rt)
{
	for (size_t i = 0; i < rt->nseg; i++)
		free(rt->seg[i].text);
	free(rt->pattern);
}

void router_free(struct router *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->n; i++)
		route_free(&r->routes[i]);
	free(r->routes);
	free(r);
}

static bool param_name_ok(const char *s, size_t len)
{
	if (len == 0 || len >= ROUTER_NAME_MAX || !((s[0] >= 'a' && s[0] <= 'z') || s[0] == '_'))
		return false;
	for (size_t i = 1; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '_'))
			return false;
	return true;
}

static int add_segment(struct route *rt, const char *s, size_t len, size_t *nparams,
		       struct sw_error *err)
{
	if (rt->nseg == ROUTER_MAX_SEGMENTS)
		return sw_error_set(err, SW_EINVAL, "pattern", "more than %d segments",
				    ROUTER_MAX_SEGMENTS);
	if (len == 0)
		return sw_error_set(err, SW_EINVAL, "pattern", "empty segment in %s", rt->pattern);
	struct segment *sg = &rt->seg[rt->nseg];
	if (s[0] == '{') {
		if (len < 3 || s[len - 1] != '}' || !param_name_ok(s + 1, len - 2))
			return sw_error_set(err, SW_EINVAL, "pattern", "bad parameter in %s",
					    rt->pattern);
		for (size_t i = 0; i < rt->nseg; i++)
			if (rt->seg[i].param && strlen(rt->seg[i].text) == len - 2 &&
			    memcmp(rt->seg[i].text, s + 1, len - 2) == 0)
				return sw_error_set(err, SW_EINVAL, "pattern",
						    "parameter named twice in %s", rt->pattern);
		if (++*nparams > HTTP_MAX_PARAMS)
			return sw_error_set(err, SW_EINVAL, "pattern", "more than %d parameters",
					    HTTP_MAX_PARAMS);
		sg->param = true;
		sg->text = strndup(s + 1, len - 2);
	} else {
		if (memchr(s, '{', len) != NULL || memchr(s, '}', len) != NULL)
			return sw_error_set(err, SW_EINVAL, "pattern", "stray brace in %s",
					    rt->pattern);
		sg->param = false;
		sg->text = strndup(s, len);
		rt->specificity |= 1u << (31 - rt->nseg);
	}
	if (sg->text == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	rt->nseg++;
	return 0;
}

static int parse_pattern(struct route *rt, const char *pattern, struct sw_error *err)
{
	if (pattern[0] != '/')
		return sw_error_set(err, SW_EINVAL, "pattern", "must start with /: %s", pattern);
	if (strcmp(pattern, "/") == 0)
		return 0;
	size_t nparams = 0;
	for (const char *p = pattern + 1;;) {
		const char *end = strchr(p, '/');
		const size_t len = end ? (size_t)(end - p) : strlen(p);
		if (add_segment(rt, p, len, &nparams, err) != 0)
			return -1;
		if (end == NULL)
			return 0;
		p = end + 1;
	}
}

/* Same method and the same literals and parameters in the same places:
 * the second would never be reached. */
static bool same_shape(const struct route *a, const struct route *b)
{
	if (a->method != b->method || a->nseg != b->nseg)
		return false;
	for (size_t i = 0; i < a->nseg; i++) {
		if (a->seg[i].param != b->seg[i].param)
			return false;
		if (!a->seg[i].param && strcmp(a->seg[i].text, b->seg[i].text) != 0)
			return false;
	}
	return true;
}

int router_add(struct router *r, const char *method, const char *pattern, http_handler_fn fn,
	       void *ctx, struct sw_error *err)
{
	const unsigned bit = method_bit(method);
	if (bit == 0 || bit == M_HEAD || bit == M_OPTIONS)
		return sw_error_set(err, SW_EINVAL, "method", "cannot route method %s",
				    method ? method : "(null)");
	if (pattern == NULL || fn == NULL)
		return sw_error_set(err, SW_EINVAL, "pattern", "pattern and handler are required");
	struct route rt = { .method = bit, .fn = fn, .ctx = ctx, .pattern = strdup(pattern) };
	if (rt.pattern == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	if (parse_pattern(&rt, pattern, err) != 0)
		goto fail;
	for (size_t i = 0; i < r->n; i++) {
		if (same_shape(&r->routes[i], &rt)) {
			sw_error_set(err, SW_ECONFLICT, "pattern", "%s %s clashes with %s", method,
				     pattern, r->routes[i].pattern);
			goto fail;
		}
	}
	if (r->n == r->cap) {
		const size_t cap = r->cap ? r->cap * 2 : 16;
		struct route *grown = realloc(r->routes, cap * sizeof *grown);
		if (grown == NULL) {
			sw_error_set(err, SW_EINTERNAL, "", "out of memory");
			goto fail;
		}
		r->routes = grown;
		r->cap = cap;
	}
	r->routes[r->n++] = rt;
	return 0;
fail:
	route_free(&rt);
	return -1;
}

/* Splits buf (a copy of the path) in place. Returns the number of
 * segments, or -1 when the path is not "/" or "/seg/seg..." with
 * non-empty segments. */
static int split_path(char *buf, char *segs[ROUTER_MAX_SEGMENTS])
{
	if (buf[0] != '/')
		return -1;
	if (buf[1] == '\0')
		return 0;
	int n = 0;
	for (char *p = buf + 1;;) {
		if (n == ROUTER_MAX_SEGMENTS)
			return -1;
		char *end = strchr(p, '/');
		if (end)
			*end = '\0';
		if (*p == '\0')
			return -1;
		segs[n++] = p;
		if (end == NULL)
			return n;
		p = end + 1;
	}
}

static bool path_matches(const struct route *rt, char *const *segs, int nsegs)
{
	if (rt->nseg != (size_t)nsegs)
		return false;
	for (size_t i = 0; i < rt->nseg; i++)
		if (!rt->seg[i].param && strcmp(rt->seg[i].text, segs[i]) != 0)
			return false;
	return true;
}

static void format_allow(char *out, size_t outsz, unsigned allowed)
{
	if (allowed & M_GET)
		allowed |= M_HEAD;
	allowed |= M_OPTIONS;
	size_t used = 0;
	out[0] = '\0';
	for (size_t i = 0; i < sizeof methods / sizeof methods[0]; i++) {
		if (!(allowed & methods[i].bit))
			continue;
		const size_t len = strlen(methods[i].name);
		if (used + len + 3 > outsz)
			break;
		if (used) {
			memcpy(out + used, ", ", 2);
			used += 2;
		}
		memcpy(out + used, methods[i].name, len + 1);
		used += len;
	}
}

void router_match(const struct router *r, const char *method, const char *path,
		  struct router_match *m)
{
	m->result = ROUTER_NOT_FOUND;
	m->fn = NULL;
	m->ctx = NULL;
	m->pattern = NULL;
	m->nparams = 0;
	m->allow[0] = '\0';
	char *segs[ROUTER_MAX_SEGMENTS];
	const size_t len = path ? strlen(path) : ROUTER_PATH_MAX;
	if (len >= sizeof m->buf)
		return;
	memcpy(m->buf, path, len + 1);
	const int nsegs = split_path(m->buf, segs);
	if (nsegs < 0)
		return;
	unsigned want = method_bit(method);
	if (want == M_HEAD)
		want = M_GET;
	unsigned allowed = 0;
	const struct route *best = NULL;
	for (size_t i = 0; i < r->n; i++) {
		const struct route *rt = &r->routes[i];
		if (!path_matches(rt, segs, nsegs))
			continue;
		allowed |= rt->method;
		if (rt->method == want && (best == NULL || rt->specificity > best->specificity))
			best = rt;
	}
	if (allowed == 0)
		return;
	format_allow(m->allow, sizeof m->allow, allowed);
	if (best == NULL) {
		m->result = ROUTER_METHOD_NOT_ALLOWED;
		return;
	}
	for (size_t i = 0; i < best->nseg; i++)
		if (best->seg[i].param)
			m->params[m->nparams++] = (struct http_kv){ best->seg[i].text, segs[i] };
	m->result = ROUTER_FOUND;
	m->fn = best->fn;
	m->ctx = best->ctx;
	m->pattern = best->pattern;
}

size_t router_count(const struct router *r)
{
	return r->n;
}

void router_route(const struct router *r, size_t i, const char **method, const char **pattern)
{
	*method = "";
	for (size_t m = 0; m < sizeof methods / sizeof methods[0]; m++)
		if (r->routes[i].method == methods[m].bit)
			*method = methods[m].name;
	*pattern = r->routes[i].pattern;
}
