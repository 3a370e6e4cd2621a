/* http_uri.h - the request target as the client sent it, checked before
 * libmicrohttpd decodes it. Its decoder turns "%00" into a NUL that cuts
 * the path short ("/cases/1%00/medical" became "/cases/1") and passes
 * broken escapes through; a path the server would answer for must be the
 * path that was asked for, so both are refused before routing. */
#ifndef SW_HTTP_URI_H
#define SW_HTTP_URI_H

#include "core/error.h"

/* Checks the raw target (path and query, still percent-encoded): every
 * '%' starts two hex digits, no escape decodes to NUL or another control
 * character, and what the path and each query part decode to is valid
 * UTF-8. SW_EINVAL (400, field "") naming the problem otherwise. */
int http_uri_check(const char *target, struct sw_error *err);

#endif
