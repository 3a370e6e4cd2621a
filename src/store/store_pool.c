/* store_pool.c - a stack of free connections behind a mutex, each checked
 * on the way out and re-opened when the database went away. */
#include "store_pool.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct store_pool {
	pthread_mutex_t lock;
	pthread_cond_t freed;
	char *url;
	int size;
	int nfree;
	int busy;             /* checked out now */
	struct store **all;   /* per slot: its connection, NULL while closed */
	int *free;            /* stack of free slots */
};

void store_pool_close(struct store_pool *pool)
{
	if (pool == NULL)
		return;
	for (int i = 0; pool->all != NULL && i < pool->size; i++)
		store_close(pool->all[i]);
	pthread_cond_destroy(&pool->freed);
	pthread_mutex_destroy(&pool->lock);
	free(pool->all);
	free(pool->free);
	free(pool->url);
	free(pool);
}

struct store_pool *store_pool_open(const char *url, int size, struct sw_error *err)
{
	struct store_pool *pool = calloc(1, sizeof *pool);
	if (pool == NULL || size < 1) {
		free(pool);
		sw_error_set(err, SW_EINTERNAL, "", "store pool: out of memory");
		return NULL;
	}
	pthread_mutex_init(&pool->lock, NULL);
	pthread_cond_init(&pool->freed, NULL);
	pool->size = size;
	pool->url = strdup(url);
	pool->all = calloc((size_t)size, sizeof *pool->all);
	pool->free = calloc((size_t)size, sizeof *pool->free);
	if (pool->url == NULL || pool->all == NULL || pool->free == NULL) {
		store_pool_close(pool);
		sw_error_set(err, SW_EINTERNAL, "", "store pool: out of memory");
		return NULL;
	}
	/* All at once at the start: a wrong URL or password fails here, not
	 * on the first request. */
	for (int i = 0; i < size; i++) {
		pool->all[i] = store_open(url, err);
		if (pool->all[i] == NULL) {
			store_pool_close(pool);
			return NULL;
		}
		pool->free[pool->nfree++] = i;
	}
	return pool;
}

/* Slot of st (a connection of the pool); the caller holds the lock. */
static int slot_of(const struct store_pool *pool, const struct store *st)
{
	for (int i = 0; i < pool->size; i++)
		if (pool->all[i] == st)
			return i;
	return -1;
}

struct store *store_pool_get(struct store_pool *pool, struct sw_error *err)
{
	pthread_mutex_lock(&pool->lock);
	while (pool->nfree == 0)
		pthread_cond_wait(&pool->freed, &pool->lock);
	const int slot = pool->free[--pool->nfree];
	struct store *st = pool->all[slot];
	pool->busy++;
	pthread_mutex_unlock(&pool->lock);

	/* A connection the server closed (a restart) is opened anew rather
	 * than failing the request that would have used it. */
	if (st != NULL && store_lost(st)) {
		fprintf(stderr, "spoorwijzer: database connection lost; re-opening it\n");
		store_close(st);
		st = NULL;
	}
	struct sw_error e = { 0 };
	if (st == NULL && (st = store_open(pool->url, &e)) == NULL)
		sw_error_set(err, SW_EUNAVAILABLE, "", "the database is unavailable; try again shortly");

	pthread_mutex_lock(&pool->lock);
	pool->all[slot] = st;
	if (st == NULL) {
		pool->free[pool->nfree++] = slot;
		pool->busy--;
		pthread_cond_signal(&pool->freed);
	}
	pthread_mutex_unlock(&pool->lock);
	return st;
}

void store_pool_put(struct store_pool *pool, struct store *st)
{
	pthread_mutex_lock(&pool->lock);
	const int slot = slot_of(pool, st);
	if (slot >= 0) {
		pool->free[pool->nfree++] = slot;
		pool->busy--;
		pthread_cond_signal(&pool->freed);
	}
	pthread_mutex_unlock(&pool->lock);
}

void store_pool_stats(struct store_pool *pool, int *size, int *busy)
{
	pthread_mutex_lock(&pool->lock);
	*size = pool->size;
	*busy = pool->busy;
	pthread_mutex_unlock(&pool->lock);
}

int store_pool_ping(struct store_pool *pool, struct sw_error *err)
{
	struct store *st = store_pool_get(pool, err);
	if (st == NULL)
		return -1;
	const int rc = db_ping(store_db(st), err);
	store_pool_put(pool, st);
	if (rc != 0 && err != NULL && err->code != SW_EUNAVAILABLE)
		sw_error_set(err, SW_EUNAVAILABLE, "", "the database does not answer");
	return rc;
}
