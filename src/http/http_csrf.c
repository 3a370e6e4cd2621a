#include "http_csrf.h"

#include <sodium.h>
#include <string.h>

#include "http_message.h"

int http_csrf_token_new(char out[HTTP_CSRF_TOKEN_LEN + 1])
{
	unsigned char raw[32];
	if (sodium_init() < 0)
		return -1;
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, HTTP_CSRF_TOKEN_LEN + 1, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
	return 0;
}

int http_csrf_token_valid(const char *s)
{
	if (s == NULL || strlen(s) != HTTP_CSRF_TOKEN_LEN)
		return 0;
	for (const char *p = s; *p; p++) {
		const char c = *p;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_'))
			return 0;
	}
	return 1;
}

int http_csrf_check(const char *method, const char *presented, const char *expected,
		    struct sw_error *err)
{
	if (http_method_is_safe(method))
		return 0;
	if (expected == NULL || expected[0] == '\0')
		return sw_error_set(err, SW_EDENIED, HTTP_CSRF_HEADER,
				    "no CSRF token issued yet; make a GET request first");
	if (presented == NULL)
		return sw_error_set(err, SW_EDENIED, HTTP_CSRF_HEADER, "missing CSRF token");
	/* Token lengths are public (fixed), so comparing them first leaks
	 * nothing; the bytes are compared in constant time. */
	const size_t len = strlen(expected);
	if (strlen(presented) != len || sodium_memcmp(presented, expected, len) != 0)
		return sw_error_set(err, SW_EDENIED, HTTP_CSRF_HEADER, "CSRF token does not match");
	return 0;
}
