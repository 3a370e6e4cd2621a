/* test_http_parts.c - the small pieces of the HTTP layer on their own:
 * cookies, CSRF tokens, the rate limiter, static file resolution, the
 * listen address and response header hygiene. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "http/http_cookie.h"
#include "http/http_csrf.h"
#include "http/http_message.h"
#include "http/http_ratelimit.h"
#include "http/http_server.h"
#include "http/http_static.h"

static void test_cookie_get(void **state)
{
	(void)state;
	char v[64];
	assert_int_equal(http_cookie_get("a=1; sw_csrf=tok; b=2", "sw_csrf", v, sizeof v), 3);
	assert_string_equal(v, "tok");
	assert_int_equal(http_cookie_get("sw_csrf=tok", "sw_csrf", v, sizeof v), 3);
	assert_int_equal(http_cookie_get("  sw_csrf = tok  ;x=y", "sw_csrf", v, sizeof v), 3);
	assert_string_equal(v, "tok");
	assert_int_equal(http_cookie_get("sw_csrf=\"quoted\"", "sw_csrf", v, sizeof v), 6);
	assert_string_equal(v, "quoted");
	assert_int_equal(http_cookie_get("sw_csrf=", "sw_csrf", v, sizeof v), 0);
	assert_string_equal(v, "");
	/* Value containing '=' (base64). */
	assert_int_equal(http_cookie_get("s=ab==", "s", v, sizeof v), 4);
	assert_string_equal(v, "ab==");
	/* Names are exact: no prefix, suffix or case match. */
	assert_int_equal(http_cookie_get("xsw_csrf=1; sw_csrfx=2", "sw_csrf", v, sizeof v), -1);
	assert_int_equal(http_cookie_get("SW_CSRF=1", "sw_csrf", v, sizeof v), -1);
	assert_int_equal(http_cookie_get("", "sw_csrf", v, sizeof v), -1);
	assert_int_equal(http_cookie_get(NULL, "sw_csrf", v, sizeof v), -1);
	assert_int_equal(http_cookie_get("garbage;;;=;", "sw_csrf", v, sizeof v), -1);
	/* Twice with different values: ambiguous, so absent. Same value: fine. */
	assert_int_equal(http_cookie_get("sw_csrf=a; sw_csrf=b", "sw_csrf", v, sizeof v), -1);
	assert_int_equal(http_cookie_get("sw_csrf=a; sw_csrf=a", "sw_csrf", v, sizeof v), 1);
	/* Does not fit. */
	assert_int_equal(http_cookie_get("s=123456", "s", v, 6), -1);
	assert_int_equal(http_cookie_get("s=12345", "s", v, 6), 5);
}

static void test_cookie_format(void **state)
{
	(void)state;
	char out[256];
	struct http_cookie_attrs a = { -1, true, true };
	assert_true(http_cookie_format(out, sizeof out, "sid", "abc", &a) > 0);
	assert_string_equal(out, "sid=abc; Path=/; HttpOnly; Secure; SameSite=Strict");
	a = (struct http_cookie_attrs){ 3600, false, false };
	assert_true(http_cookie_format(out, sizeof out, "sw_csrf", "x-_y", &a) > 0);
	assert_string_equal(out, "sw_csrf=x-_y; Path=/; Max-Age=3600; SameSite=Strict");
	a = (struct http_cookie_attrs){ 0, true, false };
	assert_true(http_cookie_format(out, sizeof out, "sid", "", &a) > 0);
	assert_string_equal(out, "sid=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
	/* Injection through name or value is refused. */
	assert_int_equal(http_cookie_format(out, sizeof out, "sid", "a;Domain=evil", &a), -1);
	assert_int_equal(http_cookie_format(out, sizeof out, "sid", "a\r\nX: y", &a), -1);
	assert_int_equal(http_cookie_format(out, sizeof out, "sid", "a b", &a), -1);
	assert_int_equal(http_cookie_format(out, sizeof out, "s=d", "x", &a), -1);
	assert_int_equal(http_cookie_format(out, sizeof out, "", "x", &a), -1);
	assert_int_equal(http_cookie_format(out, 10, "sid", "abc", &a), -1);
}

static void test_csrf(void **state)
{
	(void)state;
	char a[HTTP_CSRF_TOKEN_LEN + 1], b[HTTP_CSRF_TOKEN_LEN + 1];
	assert_int_equal(http_csrf_token_new(a), 0);
	assert_int_equal(http_csrf_token_new(b), 0);
	assert_int_equal(strlen(a), HTTP_CSRF_TOKEN_LEN);
	assert_true(http_csrf_token_valid(a));
	assert_string_not_equal(a, b);
	assert_false(http_csrf_token_valid("short"));
	assert_false(http_csrf_token_valid(NULL));
	char bad[HTTP_CSRF_TOKEN_LEN + 1];
	memcpy(bad, a, sizeof bad);
	bad[5] = '=';
	assert_false(http_csrf_token_valid(bad));
	struct sw_error err;
	assert_int_equal(http_csrf_check("GET", NULL, NULL, &err), 0);
	assert_int_equal(http_csrf_check("HEAD", NULL, NULL, &err), 0);
	assert_int_equal(http_csrf_check("OPTIONS", NULL, NULL, &err), 0);
	assert_int_equal(http_csrf_check("POST", a, a, &err), 0);
	static const char *const unsafe[] = { "POST", "PUT", "PATCH", "DELETE", "BREW", "get" };
	for (size_t i = 0; i < sizeof unsafe / sizeof unsafe[0]; i++) {
		sw_error_clear(&err);
		assert_int_equal(http_csrf_check(unsafe[i], b, a, &err), -1);
		assert_int_equal(err.code, SW_EDENIED);
		assert_string_equal(err.field, "X-CSRF-Token");
		assert_int_equal(http_csrf_check(unsafe[i], NULL, a, &err), -1);
		assert_int_equal(http_csrf_check(unsafe[i], a, NULL, &err), -1);
		assert_int_equal(http_csrf_check(unsafe[i], "", "", &err), -1);
	}
	char longer[HTTP_CSRF_TOKEN_LEN + 2];
	snprintf(longer, sizeof longer, "%sx", a);
	assert_int_equal(http_csrf_check("POST", longer, a, &err), -1);
}

static void test_ratelimit_bucket(void **state)
{
	(void)state;
	/* 3 at once, then one per 10 s. */
	struct http_ratelimit *rl = http_ratelimit_new(0.1, 3, 64);
	assert_non_null(rl);
	double wait = -1;
	assert_true(http_ratelimit_take(rl, "10.0.0.1", "anna", 100.0, &wait));
	assert_true(http_ratelimit_take(rl, "10.0.0.1", "anna", 100.0, &wait));
	assert_true(http_ratelimit_take(rl, "10.0.0.1", "anna", 100.0, &wait));
	assert_false(http_ratelimit_take(rl, "10.0.0.1", "anna", 100.0, &wait));
	assert_true(wait > 9.9 && wait <= 10.0);
	/* Other key, other address: own buckets. */
	assert_true(http_ratelimit_take(rl, "10.0.0.1", "bert", 100.0, NULL));
	assert_true(http_ratelimit_take(rl, "10.0.0.2", "anna", 100.0, NULL));
	/* ("10.0.0.1", "anna") is not ("10.0.0.1a", "nna"). */
	assert_true(http_ratelimit_take(rl, "10.0.0.1a", "nna", 100.0, NULL));
	/* Refill: 5 s gives half a token, 10 s a whole one. */
	assert_false(http_ratelimit_take(rl, "10.0.0.1", "anna", 105.0, &wait));
	assert_true(wait > 4.9 && wait <= 5.0);
	assert_true(http_ratelimit_take(rl, "10.0.0.1", "anna", 110.0, NULL));
	assert_false(http_ratelimit_take(rl, "10.0.0.1", "anna", 110.0, NULL));
	/* A clock stepping back mints nothing. */
	assert_false(http_ratelimit_take(rl, "10.0.0.1", "anna", 50.0, NULL));
	/* Never more than the burst, however long the pause. */
	for (int i = 0; i < 3; i++)
		assert_true(http_ratelimit_take(rl, "10.0.0.1", "anna", 1e6, NULL));
	assert_false(http_ratelimit_take(rl, "10.0.0.1", "anna", 1e6, NULL));
	http_ratelimit_free(rl);
	assert_null(http_ratelimit_new(0, 3, 64));
	assert_null(http_ratelimit_new(1, 0.5, 64));
}

static void test_ratelimit_bounded(void **state)
{
	(void)state;
	/* A table of 8: once full, the bucket idle longest goes first, not
	 * the one a client keeps hitting. */
	struct http_ratelimit *rl = http_ratelimit_new(1.0, 1, 8);
	char key[32];
	for (int i = 0; i < 7; i++) {
		snprintf(key, sizeof key, "k%d", i);
		assert_true(http_ratelimit_take(rl, "10.0.0.9", key, 0.0, NULL));
	}
	assert_true(http_ratelimit_take(rl, "attacker", "x", 0.0, NULL));
	assert_false(http_ratelimit_take(rl, "attacker", "x", 0.5, NULL));
	assert_true(http_ratelimit_take(rl, "newcomer", "x", 0.5, NULL));
	assert_false(http_ratelimit_take(rl, "attacker", "x", 0.6, NULL));
	/* A refilled bucket goes before an older one that is still limited. */
	assert_true(http_ratelimit_take(rl, "refilled", "x", 0.6, NULL));
	assert_true(http_ratelimit_take(rl, "another", "x", 1.65, NULL));
	/* A flood of keys keeps working within the fixed table. */
	for (int i = 0; i < 10000; i++) {
		snprintf(key, sizeof key, "f%d", i);
		assert_true(http_ratelimit_take(rl, "10.0.0.9", key, 2.0, NULL));
	}
	http_ratelimit_free(rl);
}

struct hammer {
	struct http_ratelimit *rl;
	int allowed;
};

static void *hammer_run(void *arg)
{
	struct hammer *h = arg;
	for (int i = 0; i < 2000; i++)
		if (http_ratelimit_take(h->rl, "10.0.0.1", "anna", 1.0, NULL))
			h->allowed++;
	return NULL;
}

static void test_ratelimit_threads(void **state)
{
	(void)state;
	struct http_ratelimit *rl = http_ratelimit_new(1e-6, 25, 64);
	struct hammer h[4];
	pthread_t t[4];
	for (int i = 0; i < 4; i++) {
		h[i] = (struct hammer){ rl, 0 };
		assert_int_equal(pthread_create(&t[i], NULL, hammer_run, &h[i]), 0);
	}
	int total = 0;
	for (int i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		total += h[i].allowed;
	}
	assert_int_equal(total, 25);
	http_ratelimit_free(rl);
}

static void test_ratelimit_check(void **state)
{
	(void)state;
	struct http_ratelimit *rl = http_ratelimit_new(1.0 / 60, 1, 16);
	struct http_request req;
	memset(&req, 0, sizeof req);
	strcpy(req.client_addr, "192.0.2.7");
	struct http_response res;
	http_response_init(&res);
	struct sw_error err;
	assert_int_equal(http_ratelimit_check(rl, &req, "anna", &res, &err), 0);
	assert_int_equal(http_ratelimit_check(rl, &req, "anna", &res, &err), -1);
	assert_int_equal(err.code, SW_ELIMIT);
	const char *ra = http_response_get_header(&res, "Retry-After");
	assert_non_null(ra);
	assert_true(atoi(ra) >= 59 && atoi(ra) <= 60);
	http_response_free(&res);
	http_ratelimit_free(rl);
}

static void test_static_paths(void **state)
{
	(void)state;
	static const char *const ok[] = { "/", "/index.html", "/assets/app.1a2b.js",
					  "/cases/12", "/a/b/", "/file..txt" };
	static const char *const refused[] = {
		"", "index.html", "/..", "/../etc/passwd", "/assets/../../x", "/a/./b",
		"/.env", "/.git/config", "/a//b", "/a\\..\\b", "/a\x01", "/a/..",
	};
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		if (!http_static_path_ok(ok[i]))
			fail_msg("refused %s", ok[i]);
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
		if (http_static_path_ok(refused[i]))
			fail_msg("accepted %s", refused[i]);
	assert_false(http_static_path_ok(NULL));
	assert_string_equal(http_static_mime("/index.html"), "text/html; charset=utf-8");
	assert_string_equal(http_static_mime("/a/app.JS"), "text/javascript; charset=utf-8");
	assert_string_equal(http_static_mime("/x.css"), "text/css; charset=utf-8");
	assert_string_equal(http_static_mime("/x.svg"), "image/svg+xml");
	assert_string_equal(http_static_mime("/x.woff2"), "font/woff2");
	assert_string_equal(http_static_mime("/x"), "application/octet-stream");
	assert_string_equal(http_static_mime("/x.d/file"), "application/octet-stream");
}

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* Reads the whole file a response carries. */
static void read_fd(const struct http_response *res, char *out, size_t outsz)
{
	assert_true(res->fd >= 0);
	const ssize_t n = pread(res->fd, out, outsz - 1, 0);
	assert_true(n >= 0);
	out[n] = '\0';
	assert_int_equal((uint64_t)n, res->fd_size);
}

static int serve(const struct http_static *st, const char *path, const char *inm,
		 struct http_response *res, char *body, size_t bodysz)
{
	struct http_request req;
	memset(&req, 0, sizeof req);
	req.method = "GET";
	req.path = path;
	if (inm != NULL)
		req.headers[req.nheaders++] = (struct http_kv){ "If-None-Match", inm };
	http_response_init(res);
	struct sw_error err;
	if (http_static_serve(st, &req, res, &err) != 0) {
		assert_int_equal(err.code, SW_ENOTFOUND);
		http_response_free(res);
		return 404;
	}
	if (res->status == 200 && body != NULL)
		read_fd(res, body, bodysz);
	return (int)res->status;
}

static void test_static_serve(void **state)
{
	(void)state;
	char base[] = "/tmp/sw-static-XXXXXX";
	assert_non_null(mkdtemp(base));
	char root[600], path[700];
	snprintf(root, sizeof root, "%s/dist", base);
	assert_int_equal(mkdir(root, 0755), 0);
	snprintf(path, sizeof path, "%s/assets", root);
	assert_int_equal(mkdir(path, 0755), 0);
	snprintf(path, sizeof path, "%s/docs", root);
	assert_int_equal(mkdir(path, 0755), 0);
	write_file(root, "index.html", "<!doctype html>INDEX");
	write_file(root, "assets/app.1234.js", "console.log(1)");
	write_file(root, "docs/index.html", "DOCS");
	write_file(root, ".env", "SECRET=1");
	write_file(base, "secret.txt", "OUTSIDE");
	snprintf(path, sizeof path, "%s/leak.txt", root);
	assert_int_equal(symlink("../secret.txt", path), 0);
	snprintf(path, sizeof path, "%s/passwd", root);
	assert_int_equal(symlink("/etc/passwd", path), 0);
	snprintf(path, sizeof path, "%s/alias.js", root);
	assert_int_equal(symlink("assets/app.1234.js", path), 0);

	struct sw_error err;
	assert_null(http_static_open("/nonexistent/dir", &err));
	assert_string_equal(err.field, "web");
	write_file(base, "plain", "x");
	snprintf(path, sizeof path, "%s/plain", base);
	assert_null(http_static_open(path, &err));
	struct http_static *st = http_static_open(root, &err);
	assert_non_null(st);

	struct http_response res;
	char body[256];
	assert_int_equal(serve(st, "/", NULL, &res, body, sizeof body), 200);
	assert_string_equal(body, "<!doctype html>INDEX");
	assert_string_equal(http_response_get_header(&res, "Content-Type"), "text/html; charset=utf-8");
	assert_string_equal(http_response_get_header(&res, "Cache-Control"), "no-cache");
	char etag[64];
	snprintf(etag, sizeof etag, "%s", http_response_get_header(&res, "ETag"));
	http_response_free(&res);
	/* Revalidation. */
	assert_int_equal(serve(st, "/index.html", etag, &res, NULL, 0), 304);
	assert_true(res.fd < 0);
	http_response_free(&res);
	assert_int_equal(serve(st, "/index.html", "\"other\"", &res, body, sizeof body), 200);
	http_response_free(&res);

	assert_int_equal(serve(st, "/assets/app.1234.js", NULL, &res, body, sizeof body), 200);
	assert_string_equal(body, "console.log(1)");
	assert_string_equal(http_response_get_header(&res, "Content-Type"),
			    "text/javascript; charset=utf-8");
	assert_non_null(strstr(http_response_get_header(&res, "Cache-Control"), "immutable"));
	http_response_free(&res);

	/* A directory serves its index.html. */
	assert_int_equal(serve(st, "/docs", NULL, &res, body, sizeof body), 200);
	assert_string_equal(body, "DOCS");
	http_response_free(&res);
	assert_int_equal(serve(st, "/docs/", NULL, &res, body, sizeof body), 200);
	assert_string_equal(body, "DOCS");
	http_response_free(&res);

	/* Client-side routes get index.html; missing assets do not. */
	assert_int_equal(serve(st, "/cases/12/tijdlijn", NULL, &res, body, sizeof body), 200);
	assert_string_equal(body, "<!doctype html>INDEX");
	assert_string_equal(http_response_get_header(&res, "Cache-Control"), "no-cache");
	http_response_free(&res);
	assert_int_equal(serve(st, "/assets/missing.js", NULL, &res, NULL, 0), 404);

	/* A symlink inside the root to a file inside is fine. */
	assert_int_equal(serve(st, "/alias.js", NULL, &res, body, sizeof body), 200);
	http_response_free(&res);
	/* Out of the root: by "..", by symlink, hidden files. */
	assert_int_equal(serve(st, "/../secret.txt", NULL, &res, NULL, 0), 404);
	assert_int_equal(serve(st, "/leak.txt", NULL, &res, NULL, 0), 404);
	/* Without an extension it is taken for a client route: index.html,
	 * never the link's target. */
	assert_int_equal(serve(st, "/passwd", NULL, &res, body, sizeof body), 200);
	assert_string_equal(body, "<!doctype html>INDEX");
	http_response_free(&res);
	assert_int_equal(serve(st, "/.env", NULL, &res, NULL, 0), 404);
	assert_int_equal(serve(st, "/assets/..%2f..%2fsecret.txt", NULL, &res, NULL, 0), 404);
	http_static_close(st);

	char cmd[700];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", base);
	assert_int_equal(system(cmd), 0);
}

static void test_parse_listen(void **state)
{
	(void)state;
	char host[HTTP_HOST_MAX];
	uint16_t port;
	struct sw_error err;
	assert_int_equal(http_parse_listen("127.0.0.1:8080", host, &port, &err), 0);
	assert_string_equal(host, "127.0.0.1");
	assert_int_equal(port, 8080);
	assert_int_equal(http_parse_listen("[::1]:0", host, &port, &err), 0);
	assert_string_equal(host, "::1");
	assert_int_equal(port, 0);
	assert_int_equal(http_parse_listen("localhost:65535", host, &port, &err), 0);
	assert_int_equal(port, 65535);
	static const char *const bad[] = {
		"127.0.0.1", "127.0.0.1:", ":8080", "127.0.0.1:65536", "127.0.0.1:-1",
		"127.0.0.1:80x", "127.0.0.1:0x50", "127.0.0.1:123456", "::1:8080", "[::1]8080",
		"[]:80", "[::1:80", "127.0.0.1: 80",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		sw_error_clear(&err);
		if (http_parse_listen(bad[i], host, &port, &err) != -1)
			fail_msg("accepted %s", bad[i]);
		assert_int_equal(err.code, SW_EINVAL);
		assert_string_equal(err.field, "listen");
	}
	assert_int_equal(http_parse_listen(NULL, host, &port, &err), -1);
}

static void test_response_headers(void **state)
{
	(void)state;
	struct http_response res;
	http_response_init(&res);
	struct sw_error err;
	assert_int_equal(http_response_header(&res, "X-A", "1", &err), 0);
	assert_int_equal(http_response_header(&res, "x-a", "2", &err), 0);
	assert_string_equal(http_response_get_header(&res, "X-A"), "2");
	assert_int_equal(res.nheaders, 1);
	/* Set-Cookie accumulates. */
	assert_int_equal(http_response_header(&res, "Set-Cookie", "a=1", &err), 0);
	assert_int_equal(http_response_header(&res, "Set-Cookie", "b=2", &err), 0);
	assert_int_equal(res.nheaders, 3);
	/* No response splitting. */
	assert_int_equal(http_response_header(&res, "X-B", "a\r\nSet-Cookie: x=y", &err), -1);
	assert_int_equal(http_response_header(&res, "X-B", "a\nb", &err), -1);
	assert_int_equal(http_response_header(&res, "X B", "a", &err), -1);
	assert_int_equal(http_response_header(&res, "X:B", "a", &err), -1);
	assert_int_equal(http_response_header(&res, "X-B", NULL, &err), -1);
	/* Full. */
	char name[32];
	int added = 0;
	for (int i = 0; i < HTTP_MAX_RESPONSE_HEADERS + 5; i++) {
		snprintf(name, sizeof name, "X-N%d", i);
		if (http_response_header(&res, name, "v", &err) == 0)
			added++;
	}
	assert_int_equal(added, HTTP_MAX_RESPONSE_HEADERS - 3);
	http_response_free(&res);
	/* A file body is closed by free; a body replaces the file. */
	http_response_init(&res);
	const int fd = open("/dev/null", O_RDONLY);
	assert_int_equal(http_response_file(&res, 200, "text/plain", fd, 0, &err), 0);
	assert_int_equal(http_response_bytes(&res, 200, "text/plain", "hi", 2, &err), 0);
	assert_true(res.fd < 0);
	assert_int_equal(res.body_len, 2);
	assert_true(fcntl(fd, F_GETFD) == -1);
	http_response_free(&res);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cookie_get),
		cmocka_unit_test(test_cookie_format),
		cmocka_unit_test(test_csrf),
		cmocka_unit_test(test_ratelimit_bucket),
		cmocka_unit_test(test_ratelimit_bounded),
		cmocka_unit_test(test_ratelimit_threads),
		cmocka_unit_test(test_ratelimit_check),
		cmocka_unit_test(test_static_paths),
		cmocka_unit_test(test_static_serve),
		cmocka_unit_test(test_parse_listen),
		cmocka_unit_test(test_response_headers),
	};
	return cmocka_run_group_tests_name("http_parts", tests, NULL, NULL);
}
