/* store_pool.h - a fixed set of store connections shared by the server's
 * worker threads. A connection is used by one thread at a time (db.h), so
 * a handler checks one out for the length of a request. */
#ifndef SW_STORE_POOL_H
#define SW_STORE_POOL_H

#include "core/error.h"
#include "store/store.h"

struct store_pool;

/* Opens size connections to url. Caller frees with store_pool_close. */
struct store_pool *store_pool_open(const char *url, int size, struct sw_error *err);

/* Closes every connection; none may be checked out. */
void store_pool_close(struct store_pool *pool);

/* Blocks until a connection is free and returns it. */
struct store *store_pool_get(struct store_pool *pool);

/* Returns a connection taken with store_pool_get. */
void store_pool_put(struct store_pool *pool, struct store *st);

#endif
