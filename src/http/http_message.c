#include "http_message.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "http_cookie.h"
#include "http_json.h"

static const char *kv_find(const struct http_kv *kv, size_t n, const char *key, bool nocase)
{
	for (size_t i = 0; i < n; i++)
		if ((nocase ? strcasecmp(kv[i].key, key) : strcmp(kv[i].key, key)) == 0)
			return kv[i].value;
	return NULL;
}

const char *http_request_header(const struct http_request *req, const char *name)
{
	return kv_find(req->headers, req->nheaders, name, true);
}

const char *http_request_query(const struct http_request *req, const char *name)
{
	return kv_find(req->query, req->nquery, name, false);
}

const char *http_request_param(const struct http_request *req, const char *name)
{
	return kv_find(req->params, req->nparams, name, false);
}

int http_request_cookie(const struct http_request *req, const char *name, char *out, size_t outsz)
{
	return http_cookie_get(http_request_header(req, "Cookie"), name, out, outsz);
}

bool http_method_is_safe(const char *method)
{
	return method != NULL && (strcmp(method, "GET") == 0 || strcmp(method, "HEAD") == 0 ||
				  strcmp(method, "OPTIONS") == 0);
}

void http_response_init(struct http_response *res)
{
	memset(res, 0, sizeof *res);
	res->fd = -1;
}

void http_response_clear_body(struct http_response *res)
{
	free(res->body);
	res->body = NULL;
	res->body_len = 0;
	if (res->fd >= 0)
		close(res->fd);
	res->fd = -1;
	res->fd_size = 0;
}

void http_response_free(struct http_response *res)
{
	http_response_clear_body(res);
	for (size_t i = 0; i < res->nheaders; i++) {
		free(res->headers[i].name);
		free(res->headers[i].value);
	}
	res->nheaders = 0;
}

/* A header name is a token; a value may not contain CR, LF or NUL, which
 * would let input split the response. */
static bool header_ok(const char *name, const char *value)
{
	return http_cookie_name_valid(name) && value != NULL && strpbrk(value, "\r\n") == NULL;
}

int http_response_header(struct http_response *res, const char *name, const char *value,
			 struct sw_error *err)
{
	if (!header_ok(name, value))
		return sw_error_set(err, SW_EINTERNAL, "", "invalid response header %s", name);
	if (strcasecmp(name, "Set-Cookie") != 0) {
		for (size_t i = 0; i < res->nheaders; i++) {
			if (strcasecmp(res->headers[i].name, name) != 0)
				continue;
			char *v = strdup(value);
			if (v == NULL)
				return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
			free(res->headers[i].value);
			res->headers[i].value = v;
			return 0;
		}
	}
	if (res->nheaders == HTTP_MAX_RESPONSE_HEADERS)
		return sw_error_set(err, SW_EINTERNAL, "", "too many response headers");
	char *n = strdup(name), *v = strdup(value);
	if (n == NULL || v == NULL) {
		free(n);
		free(v);
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	}
	res->headers[res->nheaders++] = (struct http_header){ n, v };
	return 0;
}

const char *http_response_get_header(const struct http_response *res, const char *name)
{
	for (size_t i = 0; i < res->nheaders; i++)
		if (strcasecmp(res->headers[i].name, name) == 0)
			return res->headers[i].value;
	return NULL;
}

int http_response_bytes(struct http_response *res, unsigned status, const char *content_type,
			const void *data, size_t len, struct sw_error *err)
{
	char *copy = malloc(len ? len : 1);
	if (copy == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	if (len)
		memcpy(copy, data, len);
	if (http_response_header(res, "Content-Type", content_type, err) != 0) {
		free(copy);
		return -1;
	}
	http_response_clear_body(res);
	res->status = status;
	res->body = copy;
	res->body_len = len;
	return 0;
}

int http_response_json(struct http_response *res, unsigned status, json_t *body,
		       struct sw_error *err)
{
	char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
	json_decref(body);
	if (text == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "cannot serialise JSON response");
	if (http_response_header(res, "Content-Type", "application/json", err) != 0) {
		free(text);
		return -1;
	}
	http_response_clear_body(res);
	res->status = status;
	res->body = text;
	res->body_len = strlen(text);
	return 0;
}

int http_response_file(struct http_response *res, unsigned status, const char *content_type,
		       int fd, uint64_t size, struct sw_error *err)
{
	if (http_response_header(res, "Content-Type", content_type, err) != 0) {
		close(fd);
		return -1;
	}
	http_response_clear_body(res);
	res->status = status;
	res->fd = fd;
	res->fd_size = size;
	return 0;
}

int http_response_empty(struct http_response *res, unsigned status)
{
	http_response_clear_body(res);
	res->status = status;
	return 0;
}

int http_response_cookie(struct http_response *res, const struct http_request *req,
			 const char *name, const char *value, long max_age, bool http_only,
			 struct sw_error *err)
{
	char buf[512];
	const struct http_cookie_attrs attrs = { max_age, http_only, req->cookie_secure };
	if (http_cookie_format(buf, sizeof buf, name, value, &attrs) < 0)
		return sw_error_set(err, SW_EINTERNAL, "", "invalid cookie %s", name);
	return http_response_header(res, "Set-Cookie", buf, err);
}

int http_response_error(struct http_response *res, const struct sw_error *err)
{
	const unsigned status = json_err_status(err);
	struct sw_error ignored;
	if (http_response_json(res, status, json_err_body(err), &ignored) != 0) {
		/* Out of memory while reporting an error: a bare status is all
		 * that is left. */
		http_response_empty(res, status);
	}
	return 0;
}
