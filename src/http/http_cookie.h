/* http_cookie.h - the Cookie request header and Set-Cookie (RFC 6265). */
#ifndef SW_HTTP_COOKIE_H
#define SW_HTTP_COOKIE_H

#include <stdbool.h>
#include <stddef.h>

/* Finds `name` in a Cookie header ("a=1; b=2") and copies its value
 * (without surrounding quotes) into out[outsz]. Returns the value's length,
 * or -1 when absent, when the name occurs twice with different values (a
 * cookie planted by a sibling domain must not win by order), or when the
 * value does not fit. */
int http_cookie_get(const char *header, const char *name, char *out, size_t outsz);

/* RFC 6265 cookie-name (token) and cookie-value characters. */
bool http_cookie_name_valid(const char *name);
bool http_cookie_value_valid(const char *value);

struct http_cookie_attrs {
	long max_age;      /* < 0: session cookie; 0: delete now */
	bool http_only;    /* hidden from scripts (session id) */
	bool secure;       /* only over TLS */
};

/* Writes the Set-Cookie value "name=value; Path=/; [Max-Age=N; ]
 * [HttpOnly; ][Secure; ]SameSite=Strict" into out[outsz]. Returns its
 * length, or -1 for an invalid name or value or a too small buffer. */
int http_cookie_format(char *out, size_t outsz, const char *name, const char *value,
		       const struct http_cookie_attrs *attrs);

#endif
