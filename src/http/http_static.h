/* http_static.h - the built web front end (web/dist) from a directory.
 *
 * Only regular files inside the root are served: paths with "..", hidden
 * segments (".env", ".git") or backslashes are refused before touching the
 * file system, and symlinks are resolved and must stay inside the root. A
 * path without a file extension that names no file is a client-side route
 * and gets index.html. Hashed build output under /assets/ is cached for a
 * year; everything else is revalidated by ETag on every use. */
#ifndef SW_HTTP_STATIC_H
#define SW_HTTP_STATIC_H

#include <stdbool.h>

#include "core/error.h"
#include "http_message.h"

struct http_static;

/* Opens dir (must be a directory). Returns NULL with SW_EINVAL on field
 * "web" when it is not. */
struct http_static *http_static_open(const char *dir, struct sw_error *err);
void http_static_close(struct http_static *st);

/* Serves req->path for GET or HEAD: 0 with res filled (200 or 304), or -1
 * with SW_ENOTFOUND (also for refused paths: their existence is nobody's
 * business) or SW_EINTERNAL. */
int http_static_serve(const struct http_static *st, const struct http_request *req,
		      struct http_response *res, struct sw_error *err);

/* True when a request path may name a file: starts with "/", no "..", no
 * hidden segment, no backslash, no empty segment inside. */
bool http_static_path_ok(const char *path);

/* The Content-Type for a file name, by extension. */
const char *http_static_mime(const char *name);

#endif
