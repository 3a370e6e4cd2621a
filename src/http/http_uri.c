#include "http_uri.h"

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Incremental UTF-8 check (RFC 3629: no overlong forms, no surrogates,
 * nothing above U+10FFFF), fed one decoded byte at a time. */
struct utf8 {
	unsigned need;      /* continuation bytes still expected */
	unsigned char lo, hi; /* range of the next continuation byte */
};

static bool utf8_feed(struct utf8 *u, unsigned char b)
{
	if (u->need > 0) {
		if (b < u->lo || b > u->hi)
			return false;
		u->need--;
		u->lo = 0x80;
		u->hi = 0xbf;
		return true;
	}
	u->lo = 0x80;
	u->hi = 0xbf;
	if (b < 0x80)
		return true;
	if (b >= 0xc2 && b <= 0xdf) {
		u->need = 1;
	} else if (b >= 0xe0 && b <= 0xef) {
		u->need = 2;
		if (b == 0xe0)
			u->lo = 0xa0;   /* overlong */
		else if (b == 0xed)
			u->hi = 0x9f;   /* surrogates */
	} else if (b >= 0xf0 && b <= 0xf4) {
		u->need = 3;
		if (b == 0xf0)
			u->lo = 0x90;   /* overlong */
		else if (b == 0xf4)
			u->hi = 0x8f;   /* above U+10FFFF */
	} else {
		return false;
	}
	return true;
}

int http_uri_check(const char *target, struct sw_error *err)
{
	struct utf8 u = { 0, 0x80, 0xbf };
	bool query = false;
	for (const char *p = target; *p != '\0'; p++) {
		unsigned char b = (unsigned char)*p;
		/* A part ends at '?' (path), '&' or '=' (query): a character
		 * may not straddle them. */
		if ((b == '?' && !query) || (query && (b == '&' || b == '='))) {
			if (u.need > 0)
				break;
			query = query || b == '?';
			continue;
		}
		if (b == '%') {
			const int h = hex(p[1]), l = h < 0 ? -1 : hex(p[2]);
			if (h < 0 || l < 0)
				return sw_error_set(err, SW_EINVAL, "",
						    "the %s has a '%%' that is not followed by two hex"
						    " digits", query ? "query" : "path");
			b = (unsigned char)(h * 16 + l);
			p += 2;
			if (b < 0x20 || b == 0x7f)
				return sw_error_set(err, SW_EINVAL, "",
						    "the %s holds an encoded control character (%%%02X)",
						    query ? "query" : "path", b);
		}
		if (!utf8_feed(&u, b))
			return sw_error_set(err, SW_EINVAL, "", "the %s is not valid UTF-8",
					    query ? "query" : "path");
	}
	if (u.need > 0)
		return sw_error_set(err, SW_EINVAL, "", "the %s is not valid UTF-8",
				    query ? "query" : "path");
	return 0;
}
