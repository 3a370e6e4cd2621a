/* test_http_uri.c - http_uri_check: the raw request target is refused
 * when its encoding is broken or decodes to what would change the path. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "http/http_uri.h"

static void ok(const char *target)
{
	struct sw_error err = { 0 };
	if (http_uri_check(target, &err) != 0)
		fail_msg("%s refused: %s", target, err.message);
}

static void bad(const char *target, const char *words)
{
	struct sw_error err = { 0 };
	if (http_uri_check(target, &err) == 0)
		fail_msg("%s accepted", target);
	assert_int_equal(err.code, SW_EINVAL);
	assert_string_equal(err.field, "");
	if (strstr(err.message, words) == NULL)
		fail_msg("%s: '%s' does not say '%s'", target, err.message, words);
}

static void test_accepts(void **state)
{
	(void)state;
	ok("/");
	ok("/api/v1/cases/1/medical");
	ok("/api/v1/cases?page=2&per_page=10");
	ok("/api/v1/users?q=Jos%C3%A9+de+Vries");     /* é */
	ok("/api/v1/users?q=%E2%82%AC");              /* € */
	ok("/api/v1/users?q=%F0%9F%98%80");           /* an emoji: 4 bytes */
	ok("/a%20b/%2F?x=%25&y=");                    /* space, slash, percent */
	ok("/caf\xc3\xa9");                           /* raw UTF-8 */
	ok("");
}

static void test_refuses_nul_and_controls(void **state)
{
	(void)state;
	bad("/api/v1/cases/1%00/medical", "control character (%00)");
	bad("/api/v1/cases/1/riv.pdf%00.ics", "%00");
	bad("/api/v1/cases?page=1%00", "query holds an encoded control");
	bad("/api/v1/cases?%00=1", "query");
	bad("/x%0A", "%0A");
	bad("/x%0d%0aSet-Cookie:", "%0D");
	bad("/x?q=%7F", "%7F");
}

static void test_refuses_broken_escapes(void **state)
{
	(void)state;
	bad("/api/v1/cases/%zz", "two hex digits");
	bad("/api/v1/cases/%4", "two hex digits");
	bad("/api/v1/cases/%", "two hex digits");
	bad("/x?q=%g1", "query has a '%'");
}

static void test_refuses_bad_utf8(void **state)
{
	(void)state;
	bad("/x/%C3%28", "path is not valid UTF-8");     /* bad continuation */
	bad("/x/%C0%AF", "UTF-8");                        /* overlong '/' */
	bad("/x/%E0%80%AF", "UTF-8");                     /* overlong, 3 bytes */
	bad("/x/%ED%A0%80", "UTF-8");                     /* a surrogate */
	bad("/x/%F4%90%80%80", "UTF-8");                  /* above U+10FFFF */
	bad("/x/%FF", "UTF-8");
	bad("/x/%C3", "UTF-8");                           /* cut short at the end */
	bad("/x/%C3?q=1", "path is not valid UTF-8");     /* cut short by the query */
	bad("/x?q=%C3&r=%A9", "query is not valid UTF-8"); /* split over two parts */
	bad("/caf\xc3", "UTF-8");                         /* raw, cut short */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_accepts),
		cmocka_unit_test(test_refuses_nul_and_controls),
		cmocka_unit_test(test_refuses_broken_escapes),
		cmocka_unit_test(test_refuses_bad_utf8),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
