/* error.h - one error shape for every layer: a machine code, the field it
 * concerns and a human message. The HTTP layer maps it to
 * {"error":{"code","field","message"}}, the CLI to "field: message". */
#ifndef SW_ERROR_H
#define SW_ERROR_H

#include <stdarg.h>

enum sw_errcode {
	SW_OK = 0,
	SW_EINVAL,      /* bad input: 400/422, exit 2 */
	SW_ENOTFOUND,   /* unknown id: 404 */
	SW_ECONFLICT,   /* state does not allow it: 409 */
	SW_EDENIED,     /* access policy said no: 403 */
	SW_EAUTH,       /* not logged in: 401 */
	SW_ELIMIT,      /* rate limit or size: 429/413 */
	SW_EINTERNAL,   /* store or system failure: 500, exit 1 */
	SW_EUNAVAILABLE, /* a feature is not configured (no medical key): 503 */
};

struct sw_error {
	enum sw_errcode code;
	char field[64];
	char message[256];
};

/* Fills err (if not NULL) and returns -1, so callers can write
 * `return sw_error_set(err, SW_EINVAL, "from", "not a date: %s", s);` */
int sw_error_set(struct sw_error *err, enum sw_errcode code, const char *field,
		 const char *fmt, ...) __attribute__((format(printf, 4, 5)));

void sw_error_clear(struct sw_error *err);

/* Stable API value: "invalid", "not_found", ... */
const char *sw_errcode_name(enum sw_errcode code);

#endif
