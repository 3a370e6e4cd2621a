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

/* Blocks until a connection is free and returns it. One the server closed
 * meanwhile (db_lost: PostgreSQL restarted) is re-opened first; when that
 * fails the answer is NULL with SW_EUNAVAILABLE, and the next call tries
 * again. */
struct store *store_pool_get(struct store_pool *pool, struct sw_error *err);

/* Returns a connection taken with store_pool_get. */
void store_pool_put(struct store_pool *pool, struct store *st);

/* How many connections the pool has and how many are checked out now
 * (/metrics). */
void store_pool_stats(struct store_pool *pool, int *size, int *busy);

/* One round trip to the database on a pooled connection (the health
 * check): 0, or -1 with SW_EUNAVAILABLE. */
int store_pool_ping(struct store_pool *pool, struct sw_error *err);

#endif
