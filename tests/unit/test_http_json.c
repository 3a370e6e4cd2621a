/* test_http_json.c - strict body parsing, field validation and the JSON
 * error body: every way a client can send something wrong must end in the
 * right status with the right field named. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "http/http_json.h"

/* Parses s (strlen) and returns the status its error maps to, or 0 when
 * it parsed. */
static unsigned parse_status(const char *s, size_t len)
{
	struct sw_error err;
	sw_error_clear(&err);
	json_t *j = json_body_parse(s, len, &err);
	if (j != NULL) {
		json_decref(j);
		return 0;
	}
	assert_int_equal(err.code, SW_EINVAL);
	assert_string_equal(err.field, "");
	assert_true(err.message[0] != '\0');
	return json_err_status(&err);
}

#define PARSE(lit) parse_status(lit, sizeof(lit) - 1)

static json_t *obj(const char *s)
{
	struct sw_error err;
	json_t *j = json_body_parse(s, strlen(s), &err);
	if (j == NULL)
		fail_msg("%s: %s", s, err.message);
	return j;
}

static void test_malformed(void **state)
{
	(void)state;
	assert_int_equal(PARSE("{}"), 0);
	assert_int_equal(PARSE("{\"a\":1}"), 0);
	assert_int_equal(parse_status(NULL, 0), 400);
	assert_int_equal(PARSE(""), 400);
	assert_int_equal(PARSE("{"), 400);
	assert_int_equal(PARSE("{\"a\":}"), 400);
	assert_int_equal(PARSE("{\"a\":1,}"), 400);
	assert_int_equal(PARSE("{'a':1}"), 400);
	assert_int_equal(PARSE("{} {}"), 400);
	assert_int_equal(PARSE("{}x"), 400);
	assert_int_equal(PARSE("{\"a\":NaN}"), 400);
	assert_int_equal(PARSE("{\"a\":01}"), 400);
	/* Not an object. */
	assert_int_equal(PARSE("[]"), 400);
	assert_int_equal(PARSE("[{\"a\":1}]"), 400);
	assert_int_equal(PARSE("\"text\""), 400);
	assert_int_equal(PARSE("null"), 400);
	assert_int_equal(PARSE("42"), 400);
	/* NUL: raw in the body, or escaped in a string. */
	assert_int_equal(PARSE("{\"a\":\"x\0y\"}"), 400);
	assert_int_equal(PARSE("{\"a\":\"x\\u0000y\"}"), 400);
	assert_int_equal(PARSE("{}\0"), 400);
	/* Invalid UTF-8 and a lone surrogate. */
	assert_int_equal(PARSE("{\"a\":\"\xff\"}"), 400);
	assert_int_equal(PARSE("{\"a\":\"\xc0\xaf\"}"), 400);
	assert_int_equal(PARSE("{\"a\":\"\\ud800\"}"), 400);
}

static void test_duplicate_keys(void **state)
{
	(void)state;
	assert_int_equal(PARSE("{\"a\":1,\"a\":2}"), 400);
	assert_int_equal(PARSE("{\"a\":1,\"b\":{\"c\":1,\"c\":1}}"), 400);
	/* The same key in different objects is fine. */
	assert_int_equal(PARSE("{\"a\":{\"a\":1}}"), 0);
}

static void test_depth(void **state)
{
	(void)state;
	char buf[256];
	/* {"a": [[[ ... ]]] } with the object counting as level 1. */
	for (int levels = JSON_BODY_MAX_DEPTH; levels <= JSON_BODY_MAX_DEPTH + 1; levels++) {
		size_t n = 0;
		n += (size_t)snprintf(buf + n, sizeof buf - n, "{\"a\":");
		for (int i = 1; i < levels; i++)
			buf[n++] = '[';
		for (int i = 1; i < levels; i++)
			buf[n++] = ']';
		buf[n++] = '}';
		buf[n] = '\0';
		assert_int_equal(parse_status(buf, n), levels > JSON_BODY_MAX_DEPTH ? 400 : 0);
	}
	/* Brackets inside strings are not nesting. */
	assert_int_equal(PARSE("{\"a\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\\\"[[[[\"}"), 0);
	/* A deep document is refused without recursing into it. */
	const size_t deep = 200000;
	char *big = malloc(deep * 2 + 1);
	assert_non_null(big);
	memset(big, '[', deep);
	memset(big + deep, ']', deep);
	big[deep * 2] = '\0';
	assert_int_equal(parse_status(big, deep * 2), 400);
	free(big);
}

static void test_huge_numbers(void **state)
{
	(void)state;
	assert_int_equal(PARSE("{\"n\":99999999999999999999999}"), 400);
	assert_int_equal(PARSE("{\"n\":-99999999999999999999999}"), 400);
	assert_int_equal(PARSE("{\"n\":1e400}"), 400);
	/* Fits jansson but not the field's range: 422 on the field. */
	json_t *j = obj("{\"n\":9223372036854775807,\"m\":-9223372036854775808}");
	struct sw_error err;
	int64_t v;
	assert_int_equal(json_field_int(j, "n", JSON_FIELD_REQUIRED, 0, 1000, &v, &err), -1);
	assert_string_equal(err.field, "n");
	assert_int_equal(json_err_status(&err), 422);
	assert_int_equal(json_field_int(j, "n", 0, INT64_MIN, INT64_MAX, &v, &err), 1);
	assert_true(v == INT64_MAX);
	assert_int_equal(json_field_int(j, "m", 0, INT64_MIN, INT64_MAX, &v, &err), 1);
	assert_true(v == INT64_MIN);
	json_decref(j);
}

static void test_unknown_fields(void **state)
{
	(void)state;
	static const char *const allowed[] = { "from", "to", "percent", NULL };
	struct sw_error err;
	json_t *j = obj("{\"from\":\"2024-01-01\",\"percent\":50}");
	assert_int_equal(json_fields_allowed(j, allowed, &err), 0);
	json_decref(j);
	j = obj("{\"from\":\"2024-01-01\",\"diagnose\":\"griep\"}");
	assert_int_equal(json_fields_allowed(j, allowed, &err), -1);
	assert_int_equal(err.code, SW_EINVAL);
	assert_string_equal(err.field, "diagnose");
	assert_int_equal(json_err_status(&err), 422);
	json_decref(j);
	/* Case matters: "From" is not "from". */
	j = obj("{\"From\":\"2024-01-01\"}");
	assert_int_equal(json_fields_allowed(j, allowed, &err), -1);
	assert_string_equal(err.field, "From");
	json_decref(j);
	/* No field allowed at all. */
	j = obj("{\"x\":1}");
	static const char *const none[] = { NULL };
	assert_int_equal(json_fields_allowed(j, none, &err), -1);
	json_decref(j);
}

static void test_wrong_types(void **state)
{
	(void)state;
	json_t *j = obj("{\"s\":1,\"i\":\"1\",\"f\":1.0,\"b\":\"true\",\"d\":20240101,"
			"\"o\":{},\"a\":[],\"e\":3}");
	struct sw_error err;
	const char *s;
	int64_t i;
	bool b;
	sw_date d;
	int e;
	static const char *const kinds[] = { "detachering", "proefplaatsing", NULL };
	assert_int_equal(json_field_string(j, "s", 0, 100, &s, &err), -1);
	assert_string_equal(err.field, "s");
	assert_int_equal(json_field_string(j, "o", 0, 100, &s, &err), -1);
	assert_int_equal(json_field_string(j, "a", 0, 100, &s, &err), -1);
	assert_int_equal(json_field_int(j, "i", 0, 0, 10, &i, &err), -1);
	assert_string_equal(err.field, "i");
	assert_int_equal(json_field_int(j, "f", 0, 0, 10, &i, &err), -1);
	assert_int_equal(json_field_bool(j, "b", 0, &b, &err), -1);
	assert_int_equal(json_field_bool(j, "i", 0, &b, &err), -1);
	assert_int_equal(json_field_date(j, "d", 0, &d, &err), -1);
	assert_string_equal(err.field, "d");
	assert_int_equal(json_field_enum(j, "e", 0, kinds, &e, &err), -1);
	assert_non_null(strstr(err.message, "detachering, proefplaatsing"));
	assert_int_equal(json_err_status(&err), 422);
	json_decref(j);
}

static void test_good_values(void **state)
{
	(void)state;
	json_t *j = obj("{\"s\":\"h\xc3\xa9llo\",\"i\":7,\"b\":false,\"d\":\"2024-02-29\","
			"\"e\":\"proefplaatsing\"}");
	struct sw_error err;
	const char *s = NULL;
	int64_t i = 0;
	bool b = true;
	sw_date d = 0;
	int e = -1;
	static const char *const kinds[] = { "detachering", "proefplaatsing", NULL };
	/* 5 characters in 6 bytes: the limit is in characters. */
	assert_int_equal(json_field_string(j, "s", JSON_FIELD_REQUIRED, 5, &s, &err), 1);
	assert_string_equal(s, "h\xc3\xa9llo");
	assert_int_equal(json_field_string(j, "s", 0, 4, &s, &err), -1);
	assert_int_equal(json_field_int(j, "i", 0, 7, 7, &i, &err), 1);
	assert_int_equal(i, 7);
	assert_int_equal(json_field_bool(j, "b", 0, &b, &err), 1);
	assert_false(b);
	assert_int_equal(json_field_date(j, "d", 0, &d, &err), 1);
	sw_date want;
	assert_int_equal(date_parse("2024-02-29", &want), 0);
	assert_int_equal(d, want);
	assert_int_equal(json_field_enum(j, "e", 0, kinds, &e, &err), 1);
	assert_int_equal(e, 1);
	json_decref(j);
}

static void test_bad_dates(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"2023-02-29", "2024-13-01", "2024-00-10", "2024-04-31", "24-01-01", "2024-1-1",
		"2024-01-01T00:00:00Z", " 2024-01-01", "2024/01/01", "1899-12-31", "2200-01-01",
		"", "2024-01-0a",
	};
	for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
		json_t *j = json_pack("{s:s}", "from", bad[k]);
		struct sw_error err;
		sw_date d;
		if (json_field_date(j, "from", JSON_FIELD_REQUIRED, &d, &err) != -1)
			fail_msg("accepted date '%s'", bad[k]);
		assert_string_equal(err.field, "from");
		assert_int_equal(json_err_status(&err), 422);
		json_decref(j);
	}
}

static void test_required_and_null(void **state)
{
	(void)state;
	json_t *j = obj("{\"until\":null}");
	struct sw_error err;
	sw_date d = 123;
	/* Absent optional: 0, untouched. */
	assert_int_equal(json_field_date(j, "from", 0, &d, &err), 0);
	assert_int_equal(d, 123);
	/* Absent required. */
	assert_int_equal(json_field_date(j, "from", JSON_FIELD_REQUIRED, &d, &err), -1);
	assert_string_equal(err.field, "from");
	assert_non_null(strstr(err.message, "required"));
	/* null where null is not allowed. */
	assert_int_equal(json_field_date(j, "until", 0, &d, &err), -1);
	assert_string_equal(err.field, "until");
	/* Nullable: null is "absent", also when required-with-null. */
	assert_int_equal(json_field_date(j, "until", JSON_FIELD_NULLABLE, &d, &err), 0);
	assert_int_equal(json_field_date(j, "until", JSON_FIELD_NULLABLE | JSON_FIELD_REQUIRED, &d,
					 &err), 0);
	assert_int_equal(d, 123);
	json_decref(j);
}

static void check_status(enum sw_errcode code, const char *field, unsigned want)
{
	struct sw_error err;
	sw_error_set(&err, code, field, "x");
	assert_int_equal(json_err_status(&err), want);
}

static void test_status_mapping(void **state)
{
	(void)state;
	check_status(SW_EINVAL, "", 400);
	check_status(SW_EINVAL, "from", 422);
	check_status(SW_ENOTFOUND, "", 404);
	check_status(SW_ECONFLICT, "", 409);
	check_status(SW_EDENIED, "", 403);
	check_status(SW_EAUTH, "", 401);
	check_status(SW_ELIMIT, "", 429);
	check_status(SW_ELIMIT, "body", 413);
	check_status(SW_EINTERNAL, "", 500);
	check_status(SW_EUNAVAILABLE, "", 503);
	check_status(SW_OK, "", 500);
}

static void test_error_body(void **state)
{
	(void)state;
	struct sw_error err;
	sw_error_set(&err, SW_EINVAL, "from", "must be a date");
	json_t *b = json_err_body(&err);
	char *text = json_dumps(b, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(text,
			    "{\"error\":{\"code\":\"invalid\",\"field\":\"from\",\"message\":\"must be a date\"}}");
	free(text);
	json_decref(b);
	/* Internal errors say nothing about the internals. */
	sw_error_set(&err, SW_EINTERNAL, "sql", "relation \"cases\" does not exist at /var/lib");
	b = json_err_body(&err);
	text = json_dumps(b, JSON_COMPACT | JSON_SORT_KEYS);
	assert_string_equal(text,
			    "{\"error\":{\"code\":\"internal\",\"field\":\"\",\"message\":\"internal error\"}}");
	free(text);
	json_decref(b);
	/* A message cut inside a character, or carrying raw bytes, still
	 * gives a valid body. */
	sw_error_set(&err, SW_EINVAL, "\xc3", "bad \xff\xfe value \xe2\x82");
	b = json_err_body(&err);
	assert_non_null(b);
	json_t *e = json_object_get(b, "error");
	assert_string_equal(json_string_value(json_object_get(e, "field")), "?");
	assert_string_equal(json_string_value(json_object_get(e, "message")), "bad ?? value ??");
	json_decref(b);
	/* A long multibyte message cut by sw_error keeps whole characters. */
	char msg[400];
	size_t n = 0;
	while (n + 2 < sizeof msg) {
		msg[n++] = '\xc3';
		msg[n++] = '\xa9';
	}
	msg[n] = '\0';
	sw_error_set(&err, SW_EINVAL, "x", "a%s", msg);
	b = json_err_body(&err);
	assert_non_null(b);
	json_decref(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_duplicate_keys),
		cmocka_unit_test(test_depth),
		cmocka_unit_test(test_huge_numbers),
		cmocka_unit_test(test_unknown_fields),
		cmocka_unit_test(test_wrong_types),
		cmocka_unit_test(test_good_values),
		cmocka_unit_test(test_bad_dates),
		cmocka_unit_test(test_required_and_null),
		cmocka_unit_test(test_status_mapping),
		cmocka_unit_test(test_error_body),
	};
	return cmocka_run_group_tests_name("http_json", tests, NULL, NULL);
}
