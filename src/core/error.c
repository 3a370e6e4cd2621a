#include "error.h"

#include <stdio.h>
#include <string.h>

int sw_error_set(struct sw_error *err, enum sw_errcode code, const char *field,
		 const char *fmt, ...)
{
	if (err == NULL)
		return -1;
	err->code = code;
	snprintf(err->field, sizeof err->field, "%s", field ? field : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->message, sizeof err->message, fmt, ap);
	va_end(ap);
	return -1;
}

void sw_error_clear(struct sw_error *err)
{
	if (err != NULL)
		memset(err, 0, sizeof *err);
}

const char *sw_errcode_name(enum sw_errcode code)
{
	switch (code) {
	case SW_OK: return "ok";
	case SW_EINVAL: return "invalid";
	case SW_ENOTFOUND: return "not_found";
	case SW_ECONFLICT: return "conflict";
	case SW_EDENIED: return "forbidden";
	case SW_EAUTH: return "unauthenticated";
	case SW_ELIMIT: return "limit";
	case SW_EINTERNAL: return "internal";
	case SW_EUNAVAILABLE: return "unavailable";
	}
	return "internal";
}
