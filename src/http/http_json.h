/* http_json.h - strict JSON request bodies and the JSON error body.
 *
 * A body is one JSON object without duplicate keys; a resource names the
 * fields it accepts and anything else is rejected rather than ignored, so a
 * misspelt field never silently does nothing. Getters check the type and
 * range and name the field in the error.
 *
 * Errors map to HTTP as follows (json_err_status):
 *   SW_EINVAL    400 when it concerns the body as a whole (no field),
 *                422 when it names a field
 *   SW_ENOTFOUND 404, SW_EDENIED 403, SW_EAUTH 401, SW_ECONFLICT 409
 *   SW_ELIMIT    413 for field "body" (request too large), else 429
 *   SW_EINTERNAL 500, with a fixed message: internals are never sent */
#ifndef SW_HTTP_JSON_H
#define SW_HTTP_JSON_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/date.h"
#include "core/error.h"

/* Field flags. */
#define JSON_FIELD_OPTIONAL 0u
#define JSON_FIELD_REQUIRED 1u
#define JSON_FIELD_NULLABLE 2u  /* null is accepted and reported as absent */

/* A JSON body larger than this is refused (SW_ELIMIT "body": 413), well
 * below the server's body limit, which raw uploads need. */
#define JSON_BODY_MAX_BYTES ((size_t)1 << 20)

/* Nesting beyond this is rejected before jansson recurses into it. */
#define JSON_BODY_MAX_DEPTH 32

/* Parses a request body: exactly one JSON object, no duplicate keys, no
 * NUL characters, nesting at most JSON_BODY_MAX_DEPTH. Returns a new
 * reference, or NULL with SW_EINVAL (field "") in err, or SW_ELIMIT (field
 * "body") when longer than JSON_BODY_MAX_BYTES. */
json_t *json_body_parse(const char *body, size_t len, struct sw_error *err);

/* Rejects any key of obj not in allowed (NULL-terminated): SW_EINVAL on
 * that key. */
int json_fields_allowed(const json_t *obj, const char *const *allowed, struct sw_error *err);

/* The getters return 1 when the field was present and *out set, 0 when
 * absent (or null with JSON_FIELD_NULLABLE; *out untouched), -1 with err
 * naming the field otherwise. */

/* A string of at most max_chars characters (code points); *out borrows
 * from obj. */
int json_field_string(const json_t *obj, const char *key, unsigned flags, size_t max_chars,
		      const char **out, struct sw_error *err);
/* An integer in [min, max]; 1.0 is not an integer. */
int json_field_int(const json_t *obj, const char *key, unsigned flags, int64_t min,
		   int64_t max, int64_t *out, struct sw_error *err);
int json_field_bool(const json_t *obj, const char *key, unsigned flags, bool *out,
		    struct sw_error *err);
/* "YYYY-MM-DD" via date_parse. */
int json_field_date(const json_t *obj, const char *key, unsigned flags, sw_date *out,
		    struct sw_error *err);
/* One of values (NULL-terminated); *out is its index. */
int json_field_enum(const json_t *obj, const char *key, unsigned flags,
		    const char *const *values, int *out, struct sw_error *err);

unsigned json_err_status(const struct sw_error *err);

/* {"error":{"code":...,"field":...,"message":...}}; new reference. */
json_t *json_err_body(const struct sw_error *err);

/* The same shape for errors that have no sw_errcode (405). */
json_t *json_err_body_raw(const char *code, const char *field, const char *message);

#endif
