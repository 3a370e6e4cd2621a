#include "http_cookie.h"

#include <stdio.h>
#include <string.h>

static bool is_tchar(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c != '\0' && strchr("!#$%&'*+-.^_`|~", c) != NULL);
}

/* cookie-octet: printable ASCII except space, DQUOTE, comma, semicolon and
 * backslash. */
static bool is_cookie_octet(unsigned char c)
{
	return c >= 0x21 && c <= 0x7e && c != '"' && c != ',' && c != ';' && c != '\\';
}

bool http_cookie_name_valid(const char *name)
{
	if (name == NULL || *name == '\0')
		return false;
	for (const unsigned char *p = (const unsigned char *)name; *p; p++)
		if (!is_tchar(*p))
			return false;
	return true;
}

bool http_cookie_value_valid(const char *value)
{
	if (value == NULL)
		return false;
	for (const unsigned char *p = (const unsigned char *)value; *p; p++)
		if (!is_cookie_octet(*p))
			return false;
	return true;
}

static const char *skip_ows(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* One "name=value" pair in [p, end): sets the value span (quotes and
 * trailing whitespace removed). Returns false when it is not name=value. */
static bool split_pair(const char *p, const char *end, const char **name, size_t *nlen,
		       const char **val, size_t *vlen)
{
	const char *eq = memchr(p, '=', (size_t)(end - p));
	if (eq == NULL)
		return false;
	const char *ne = eq;
	while (ne > p && (ne[-1] == ' ' || ne[-1] == '\t'))
		ne--;
	const char *v = skip_ows(eq + 1);
	const char *ve = end;
	while (ve > v && (ve[-1] == ' ' || ve[-1] == '\t'))
		ve--;
	if (ve - v >= 2 && *v == '"' && ve[-1] == '"') {
		v++;
		ve--;
	}
	*name = p;
	*nlen = (size_t)(ne - p);
	*val = v;
	*vlen = (size_t)(ve - v);
	return true;
}

int http_cookie_get(const char *header, const char *name, char *out, size_t outsz)
{
	if (header == NULL || name == NULL || outsz == 0)
		return -1;
	const size_t want = strlen(name);
	const char *found = NULL;
	size_t found_len = 0;
	for (const char *p = header; *p;) {
		p = skip_ows(p);
		const char *end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		const char *n, *v;
		size_t nlen, vlen;
		if (split_pair(p, end, &n, &nlen, &v, &vlen) && nlen == want &&
		    memcmp(n, name, want) == 0) {
			if (found != NULL && (vlen != found_len || memcmp(v, found, vlen) != 0))
				return -1;
			found = v;
			found_len = vlen;
		}
		p = *end ? end + 1 : end;
	}
	if (found == NULL || found_len >= outsz)
		return -1;
	memcpy(out, found, found_len);
	out[found_len] = '\0';
	return (int)found_len;
}

int http_cookie_format(char *out, size_t outsz, const char *name, const char *value,
		       const struct http_cookie_attrs *attrs)
{
	if (!http_cookie_name_valid(name) || !http_cookie_value_valid(value))
		return -1;
	char age[40] = "";
	if (attrs->max_age >= 0)
		snprintf(age, sizeof age, "Max-Age=%ld; ", attrs->max_age);
	const int n = snprintf(out, outsz, "%s=%s; Path=/; %s%s%sSameSite=Strict", name, value,
			       age, attrs->http_only ? "HttpOnly; " : "",
			       attrs->secure ? "Secure; " : "");
	if (n < 0 || (size_t)n >= outsz)
		return -1;
	return n;
}
