/* http_csrf.h - cross-site request forgery defence by double submit.
 *
 * Every request that can change something (anything but GET, HEAD and
 * OPTIONS) must carry an X-CSRF-Token header equal to the token the server
 * expects: the session's token once the session layer sets one, before
 * that the sw_csrf cookie the server handed out. A cross-site page can make
 * the browser send the cookie but can neither read it nor set the header. */
#ifndef SW_HTTP_CSRF_H
#define SW_HTTP_CSRF_H

#include <stddef.h>

#include "core/error.h"

/* 32 random bytes, base64url without padding. */
#define HTTP_CSRF_TOKEN_LEN 43
#define HTTP_CSRF_COOKIE "sw_csrf"
#define HTTP_CSRF_HEADER "X-CSRF-Token"

/* Writes a fresh token and its NUL into out. Returns 0, -1 when libsodium
 * cannot be initialised. */
int http_csrf_token_new(char out[HTTP_CSRF_TOKEN_LEN + 1]);

/* True when s has the shape of a token (length and alphabet), so a cookie
 * of any other shape is treated as absent. */
int http_csrf_token_valid(const char *s);

/* 0 when the method is safe or `presented` equals `expected` (constant
 * time); otherwise -1 with SW_EDENIED on field X-CSRF-Token. */
int http_csrf_check(const char *method, const char *presented, const char *expected,
		    struct sw_error *err);

#endif
