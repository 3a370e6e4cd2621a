/* store_pool.c - a stack of free connections behind a mutex. */
#include "store_pool.h"

#include <pthread.h>
#include <stdlib.h>

struct store_pool {
	pthread_mutex_t lock;
	pthread_cond_t freed;
	int size;
	int nfree;
	struct store **all;   /* every connection, for closing */
	struct store **free;  /* stack of free ones */
};

void store_pool_close(struct store_pool *pool)
{
	if (pool == NULL)
		return;
	for (int i = 0; i < pool->size; i++)
		if (pool->all[i] != NULL)
			store_close(pool->all[i]);
	pthread_cond_destroy(&pool->freed);
	pthread_mutex_destroy(&pool->lock);
	free(pool->all);
	free(pool->free);
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
	pool->all = calloc((size_t)size, sizeof *pool->all);
	pool->free = calloc((size_t)size, sizeof *pool->free);
	if (pool->all == NULL || pool->free == NULL) {
		store_pool_close(pool);
		sw_error_set(err, SW_EINTERNAL, "", "store pool: out of memory");
		return NULL;
	}
	for (int i = 0; i < size; i++) {
		pool->all[i] = store_open(url, err);
		if (pool->all[i] == NULL) {
			store_pool_close(pool);
			return NULL;
		}
		pool->free[pool->nfree++] = pool->all[i];
	}
	return pool;
}

struct store *store_pool_get(struct store_pool *pool)
{
	pthread_mutex_lock(&pool->lock);
	while (pool->nfree == 0)
		pthread_cond_wait(&pool->freed, &pool->lock);
	struct store *st = pool->free[--pool->nfree];
	pthread_mutex_unlock(&pool->lock);
	return st;
}

void store_pool_put(struct store_pool *pool, struct store *st)
{
	pthread_mutex_lock(&pool->lock);
	pool->free[pool->nfree++] = st;
	pthread_cond_signal(&pool->freed);
	pthread_mutex_unlock(&pool->lock);
}
