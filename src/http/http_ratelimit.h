/* http_ratelimit.h - token buckets per client address and key (e.g. the
 * login name), to slow down password guessing.
 *
 * Memory is fixed at creation: a table of `capacity` buckets keyed by a
 * keyed hash (BLAKE2b with a random key, so clients cannot aim collisions).
 * When the table is crowded, a bucket that has refilled completely is
 * forgotten first (it carries no information), else the one idle longest.
 * Thread-safe. */
#ifndef SW_HTTP_RATELIMIT_H
#define SW_HTTP_RATELIMIT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/error.h"
#include "http_message.h"

struct http_ratelimit;

/* rate: tokens added per second; burst: bucket size (the number of
 * requests allowed at once). capacity is rounded up to a power of two.
 * Returns NULL when out of memory or libsodium cannot start. */
struct http_ratelimit *http_ratelimit_new(double rate, double burst, size_t capacity);
void http_ratelimit_free(struct http_ratelimit *rl);

/* Takes one token for (addr, key) at time now (seconds, monotonic).
 * Returns true when allowed; otherwise false and, if retry_after is not
 * NULL, the seconds until a token is available. */
bool http_ratelimit_take(struct http_ratelimit *rl, const char *addr, const char *key,
			 double now, double *retry_after);

/* Monotonic clock in seconds. */
double http_ratelimit_now(void);

/* For handlers: takes a token for the request's client and key now; when
 * refused, adds Retry-After to res and returns -1 with SW_ELIMIT. */
int http_ratelimit_check(struct http_ratelimit *rl, const struct http_request *req,
			 const char *key, struct http_response *res, struct sw_error *err);

#endif
