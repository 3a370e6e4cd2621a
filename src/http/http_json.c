#include "http_json.h"

#include <stdio.h>
#include <string.h>

/* Deepest nesting of [ and { outside strings. A lexical pass is enough:
 * jansson validates the rest, this only keeps its recursion bounded. */
static int max_depth(const char *s, size_t len)
{
	int depth = 0, deepest = 0;
	bool in_string = false;
	for (size_t i = 0; i < len; i++) {
		const char c = s[i];
		if (in_string) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_string = false;
		} else if (c == '"') {
			in_string = true;
		} else if (c == '[' || c == '{') {
			if (++depth > deepest)
				deepest = depth;
		} else if (c == ']' || c == '}') {
			depth--;
		}
	}
	return deepest;
}

json_t *json_body_parse(const char *body, size_t len, struct sw_error *err)
{
	if (body == NULL || len == 0) {
		sw_error_set(err, SW_EINVAL, "", "request body is empty; expected a JSON object");
		return NULL;
	}
	if (len > JSON_BODY_MAX_BYTES) {
		sw_error_set(err, SW_ELIMIT, "body", "a JSON body is at most %zu bytes",
			     JSON_BODY_MAX_BYTES);
		return NULL;
	}
	if (max_depth(body, len) > JSON_BODY_MAX_DEPTH) {
		sw_error_set(err, SW_EINVAL, "", "JSON nested deeper than %d levels",
			     JSON_BODY_MAX_DEPTH);
		return NULL;
	}
	json_error_t jerr;
	json_t *root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &jerr);
	if (root == NULL) {
		sw_error_set(err, SW_EINVAL, "", "invalid JSON at line %d, column %d: %s",
			     jerr.line, jerr.column, jerr.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		json_decref(root);
		sw_error_set(err, SW_EINVAL, "", "request body must be a JSON object");
		return NULL;
	}
	return root;
}

int json_fields_allowed(const json_t *obj, const char *const *allowed, struct sw_error *err)
{
	const char *key;
	json_t *val;
	/* jansson's iteration macro wants a non-const object; it only reads. */
	json_object_foreach((json_t *)obj, key, val) {
		(void)val;
		bool known = false;
		for (const char *const *a = allowed; a != NULL && *a != NULL; a++) {
			if (strcmp(*a, key) == 0) {
				known = true;
				break;
			}
		}
		if (!known)
			return sw_error_set(err, SW_EINVAL, key, "unknown field");
	}
	return 0;
}

/* Common prologue of the getters: 1 with *val set when there is a value to
 * check, 0 when absent, -1 on a missing required field. */
static int lookup(const json_t *obj, const char *key, unsigned flags, json_t **val,
		  struct sw_error *err)
{
	*val = json_object_get(obj, key);
	if (*val == NULL) {
		if (flags & JSON_FIELD_REQUIRED)
			return sw_error_set(err, SW_EINVAL, key, "is required");
		return 0;
	}
	if (json_is_null(*val)) {
		if (!(flags & JSON_FIELD_NULLABLE))
			return sw_error_set(err, SW_EINVAL, key, "may not be null");
		*val = NULL;
		return 0;
	}
	return 1;
}

/* Code points in valid UTF-8 (jansson only hands out valid UTF-8). */
static size_t utf8_chars(const char *s, size_t bytes)
{
	size_t n = 0;
	for (size_t i = 0; i < bytes; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			n++;
	return n;
}

int json_field_string(const json_t *obj, const char *key, unsigned flags, size_t max_chars,
		      const char **out, struct sw_error *err)
{
	json_t *v;
	const int r = lookup(obj, key, flags, &v, err);
	if (r <= 0)
		return r;
	if (!json_is_string(v))
		return sw_error_set(err, SW_EINVAL, key, "must be a string");
	if (utf8_chars(json_string_value(v), json_string_length(v)) > max_chars)
		return sw_error_set(err, SW_EINVAL, key, "longer than %zu characters", max_chars);
	*out = json_string_value(v);
	return 1;
}

int json_field_int(const json_t *obj, const char *key, unsigned flags, int64_t min,
		   int64_t max, int64_t *out, struct sw_error *err)
{
	json_t *v;
	const int r = lookup(obj, key, flags, &v, err);
	if (r <= 0)
		return r;
	if (!json_is_integer(v))
		return sw_error_set(err, SW_EINVAL, key, "must be an integer");
	const json_int_t i = json_integer_value(v);
	if (i < min || i > max)
		return sw_error_set(err, SW_EINVAL, key, "must be between %lld and %lld",
				    (long long)min, (long long)max);
	*out = i;
	return 1;
}

int json_field_bool(const json_t *obj, const char *key, unsigned flags, bool *out,
		    struct sw_error *err)
{
	json_t *v;
	const int r = lookup(obj, key, flags, &v, err);
	if (r <= 0)
		return r;
	if (!json_is_boolean(v))
		return sw_error_set(err, SW_EINVAL, key, "must be true or false");
	*out = json_is_true(v);
	return 1;
}

int json_field_date(const json_t *obj, const char *key, unsigned flags, sw_date *out,
		    struct sw_error *err)
{
	json_t *v;
	const int r = lookup(obj, key, flags, &v, err);
	if (r <= 0)
		return r;
	if (!json_is_string(v) || date_parse(json_string_value(v), out) != 0)
		return sw_error_set(err, SW_EINVAL, key, "must be a date YYYY-MM-DD (%d-%d)",
				    DATE_MIN_YEAR, DATE_MAX_YEAR);
	return 1;
}

int json_field_enum(const json_t *obj, const char *key, unsigned flags,
		    const char *const *values, int *out, struct sw_error *err)
{
	json_t *v;
	const int r = lookup(obj, key, flags, &v, err);
	if (r <= 0)
		return r;
	if (json_is_string(v)) {
		for (int i = 0; values[i] != NULL; i++) {
			if (strcmp(values[i], json_string_value(v)) == 0) {
				*out = i;
				return 1;
			}
		}
	}
	/* Name the allowed values: the client developer needs them. */
	char list[160] = "";
	size_t used = 0;
	for (int i = 0; values[i] != NULL && used < sizeof list; i++) {
		const int n = snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "",
				       values[i]);
		if (n < 0)
			break;
		used += (size_t)n;
	}
	return sw_error_set(err, SW_EINVAL, key, "must be one of: %s", list);
}

unsigned json_err_status(const struct sw_error *err)
{
	switch (err->code) {
	case SW_EINVAL: return err->field[0] != '\0' ? 422 : 400;
	case SW_ENOTFOUND: return 404;
	case SW_ECONFLICT: return 409;
	case SW_EDENIED: return 403;
	case SW_EAUTH: return 401;
	case SW_ELIMIT: return strcmp(err->field, "body") == 0 ? 413 : 429;
	case SW_OK:
	case SW_EINTERNAL:
		break;
	}
	return 500;
}

/* Length of the valid UTF-8 sequence at s (1-4), 0 when invalid: overlong
 * forms, surrogates and code points above U+10FFFF are invalid too. */
static size_t utf8_seq(const unsigned char *s)
{
	if (s[0] < 0x80)
		return 1;
	const size_t n = (s[0] >> 5) == 0x6 ? 2 : (s[0] >> 4) == 0xE ? 3 : (s[0] >> 3) == 0x1E ? 4 : 0;
	if (n == 0)
		return 0;
	uint32_t cp = s[0] & (0x7F >> n);
	for (size_t k = 1; k < n; k++) {
		if ((s[k] & 0xC0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[k] & 0x3F);
	}
	static const uint32_t min[5] = { 0, 0, 0x80, 0x800, 0x10000 };
	if (cp < min[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	return n;
}

/* Copies s into out[outsz] as valid UTF-8: a message or field cut short by
 * a fixed-size buffer may end inside a character, and jansson refuses
 * invalid UTF-8 outright. Invalid bytes become '?'. */
static void utf8_sanitize(const char *s, char *out, size_t outsz)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t o = 0;
	for (size_t i = 0; u[i] != '\0' && o + 1 < outsz;) {
		const size_t n = utf8_seq(u + i);
		if (n == 0) {
			out[o++] = '?';
			i++;
			continue;
		}
		if (o + n >= outsz)
			break;
		memcpy(out + o, u + i, n);
		o += n;
		i += n;
	}
	out[o] = '\0';
}

json_t *json_err_body_raw(const char *code, const char *field, const char *message)
{
	char f[sizeof ((struct sw_error *)0)->field];
	char m[sizeof ((struct sw_error *)0)->message];
	utf8_sanitize(field ? field : "", f, sizeof f);
	utf8_sanitize(message ? message : "", m, sizeof m);
	return json_pack("{s:{s:s, s:s, s:s}}", "error", "code", code, "field", f, "message", m);
}

json_t *json_err_body(const struct sw_error *err)
{
	if (json_err_status(err) == 500)
		return json_err_body_raw(sw_errcode_name(SW_EINTERNAL), "", "internal error");
	return json_err_body_raw(sw_errcode_name(err->code), err->field, err->message);
}
