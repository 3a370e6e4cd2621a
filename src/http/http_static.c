#include "http_static.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define STATIC_PATH_MAX 1024

struct http_static {
	char root[PATH_MAX];   /* resolved: no symlinks, no trailing slash */
	size_t root_len;
};

static const struct {
	const char *ext;
	const char *type;
} mime_types[] = {
	{ "html", "text/html; charset=utf-8" },
	{ "htm", "text/html; charset=utf-8" },
	{ "js", "text/javascript; charset=utf-8" },
	{ "mjs", "text/javascript; charset=utf-8" },
	{ "css", "text/css; charset=utf-8" },
	{ "json", "application/json" },
	{ "map", "application/json" },
	{ "webmanifest", "application/manifest+json" },
	{ "txt", "text/plain; charset=utf-8" },
	{ "xml", "application/xml" },
	{ "svg", "image/svg+xml" },
	{ "png", "image/png" },
	{ "jpg", "image/jpeg" },
	{ "jpeg", "image/jpeg" },
	{ "gif", "image/gif" },
	{ "webp", "image/webp" },
	{ "avif", "image/avif" },
	{ "ico", "image/x-icon" },
	{ "woff", "font/woff" },
	{ "woff2", "font/woff2" },
	{ "ttf", "font/ttf" },
	{ "otf", "font/otf" },
	{ "pdf", "application/pdf" },
	{ "wasm", "application/wasm" },
};

const char *http_static_mime(const char *name)
{
	const char *slash = strrchr(name, '/');
	const char *dot = strrchr(slash ? slash : name, '.');
	if (dot != NULL)
		for (size_t i = 0; i < sizeof mime_types / sizeof mime_types[0]; i++)
			if (strcasecmp(dot + 1, mime_types[i].ext) == 0)
				return mime_types[i].type;
	return "application/octet-stream";
}

bool http_static_path_ok(const char *path)
{
	if (path == NULL || path[0] != '/' || strlen(path) >= STATIC_PATH_MAX)
		return false;
	for (const char *seg = path + 1; *seg;) {
		const char *end = strchr(seg, '/');
		const size_t len = end ? (size_t)(end - seg) : strlen(seg);
		/* "." and ".." start with a dot too. */
		if ((len == 0 && end != NULL) || seg[0] == '.')
			return false;
		for (size_t i = 0; i < len; i++)
			if (seg[i] == '\\' || (unsigned char)seg[i] < 0x20 || seg[i] == 0x7f)
				return false;
		if (end == NULL)
			break;
		seg = end + 1;
	}
	return true;
}

struct http_static *http_static_open(const char *dir, struct sw_error *err)
{
	struct http_static *st = calloc(1, sizeof *st);
	if (st == NULL) {
		sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		return NULL;
	}
	struct stat sb;
	if (realpath(dir, st->root) == NULL || stat(st->root, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		sw_error_set(err, SW_EINVAL, "web", "'%s' is not a directory", dir);
		free(st);
		return NULL;
	}
	st->root_len = strlen(st->root);
	if (st->root_len == 1) /* "/": keep the prefix check uniform */
		st->root_len = 0;
	return st;
}

void http_static_close(struct http_static *st)
{
	free(st);
}

/* Opens root + rel when, after resolving symlinks, it is a regular file
 * inside the root. Returns the fd, -1 when there is no such file, -2 when
 * it is a directory. */
static int open_inside(const struct http_static *st, const char *rel, struct stat *sb)
{
	char candidate[PATH_MAX], resolved[PATH_MAX];
	const int n = snprintf(candidate, sizeof candidate, "%.*s%s", (int)st->root_len,
			       st->root, rel);
	if (n < 0 || (size_t)n >= sizeof candidate || realpath(candidate, resolved) == NULL)
		return -1;
	if (strncmp(resolved, st->root, st->root_len) != 0 || resolved[st->root_len] != '/')
		return -1;
	const int fd = open(resolved, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
	if (fd < 0)
		return -1;
	if (fstat(fd, sb) != 0 || !(S_ISREG(sb->st_mode) || S_ISDIR(sb->st_mode))) {
		close(fd);
		return -1;
	}
	if (S_ISDIR(sb->st_mode)) {
		close(fd);
		return -2;
	}
	return fd;
}

/* A client-side route ("/cases/12") has no extension in its last segment;
 * a missing asset ("/assets/x.js") does and stays a 404. */
static bool is_client_route(const char *path)
{
	const char *last = strrchr(path, '/');
	return strchr(last ? last : path, '.') == NULL;
}

static int respond(const struct http_request *req, struct http_response *res, int fd,
		   const struct stat *sb, const char *name, bool immutable, struct sw_error *err)
{
	char etag[64];
	snprintf(etag, sizeof etag, "\"%llx-%llx\"", (unsigned long long)sb->st_size,
		 (unsigned long long)sb->st_mtim.tv_sec * 1000000000ull +
			 (unsigned long long)sb->st_mtim.tv_nsec);
	const char *cache = immutable ? "public, max-age=31536000, immutable" : "no-cache";
	if (http_response_header(res, "ETag", etag, err) != 0 ||
	    http_response_header(res, "Cache-Control", cache, err) != 0) {
		close(fd);
		return -1;
	}
	const char *inm = http_request_header(req, "If-None-Match");
	if (inm != NULL && strstr(inm, etag) != NULL) {
		close(fd);
		return http_response_empty(res, 304);
	}
	return http_response_file(res, 200, http_static_mime(name), fd, (uint64_t)sb->st_size, err);
}

int http_static_serve(const struct http_static *st, const struct http_request *req,
		      struct http_response *res, struct sw_error *err)
{
	const char *path = req->path;
	if (!http_static_path_ok(path))
		return sw_error_set(err, SW_ENOTFOUND, "", "no such file");
	char rel[STATIC_PATH_MAX + 16];
	const size_t len = strlen(path);
	snprintf(rel, sizeof rel, "%s%s", path, path[len - 1] == '/' ? "index.html" : "");
	struct stat sb;
	int fd = open_inside(st, rel, &sb);
	if (fd == -2) {
		snprintf(rel, sizeof rel, "%s/index.html", path);
		fd = open_inside(st, rel, &sb);
	}
	if (fd >= 0)
		return respond(req, res, fd, &sb, rel, strncmp(path, "/assets/", 8) == 0, err);
	if (is_client_route(path)) {
		fd = open_inside(st, "/index.html", &sb);
		if (fd >= 0)
			return respond(req, res, fd, &sb, "index.html", false, err);
	}
	return sw_error_set(err, SW_ENOTFOUND, "", "no such file");
}
