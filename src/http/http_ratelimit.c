#include "http_ratelimit.h"

#include <math.h>
#include <pthread.h>
#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Slots looked at for one key: bounds the work per request. */
#define PROBE 8

struct bucket {
	uint64_t hash;    /* 0: free slot */
	double tokens;
	double updated;   /* when tokens was last brought up to date */
};

struct http_ratelimit {
	pthread_mutex_t lock;
	double rate, burst;
	size_t mask;
	unsigned char key[crypto_generichash_KEYBYTES];
	struct bucket *slots;
};

struct http_ratelimit *http_ratelimit_new(double rate, double burst, size_t capacity)
{
	if (sodium_init() < 0 || !(rate > 0) || !(burst >= 1))
		return NULL;
	size_t cap = PROBE;
	while (cap < capacity && cap < ((size_t)1 << 24))
		cap <<= 1;
	struct http_ratelimit *rl = calloc(1, sizeof *rl);
	if (rl == NULL)
		return NULL;
	rl->slots = calloc(cap, sizeof *rl->slots);
	if (rl->slots == NULL || pthread_mutex_init(&rl->lock, NULL) != 0) {
		free(rl->slots);
		free(rl);
		return NULL;
	}
	rl->rate = rate;
	rl->burst = burst;
	rl->mask = cap - 1;
	crypto_generichash_keygen(rl->key);
	return rl;
}

void http_ratelimit_free(struct http_ratelimit *rl)
{
	if (rl == NULL)
		return;
	pthread_mutex_destroy(&rl->lock);
	free(rl->slots);
	free(rl);
}

double http_ratelimit_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static uint64_t key_hash(const struct http_ratelimit *rl, const char *addr, const char *key)
{
	/* Keyed BLAKE2b over "addr\0key": the NUL keeps ("a","bc") apart from
	 * ("ab","c"). */
	crypto_generichash_state st;
	unsigned char digest[crypto_generichash_BYTES_MIN];
	crypto_generichash_init(&st, rl->key, sizeof rl->key, sizeof digest);
	crypto_generichash_update(&st, (const unsigned char *)addr, strlen(addr) + 1);
	crypto_generichash_update(&st, (const unsigned char *)key, strlen(key));
	crypto_generichash_final(&st, digest, sizeof digest);
	uint64_t h;
	memcpy(&h, digest, sizeof h);
	return h ? h : 1;
}

static double level(const struct http_ratelimit *rl, const struct bucket *b, double now)
{
	const double t = b->tokens + (now - b->updated) * rl->rate;
	return t > rl->burst ? rl->burst : t;
}

/* The slot for hash: its own, else the least valuable one in the probe
 * window: a free slot, then a refilled bucket, then the longest idle. */
static struct bucket *find_slot(struct http_ratelimit *rl, uint64_t hash, double now)
{
	struct bucket *victim = NULL;
	int victim_rank = -1;
	for (size_t i = 0; i < PROBE; i++) {
		struct bucket *b = &rl->slots[(hash + i) & rl->mask];
		if (b->hash == hash)
			return b;
		const int rank = b->hash == 0 ? 2 : level(rl, b, now) >= rl->burst ? 1 : 0;
		if (rank > victim_rank || (rank == victim_rank && b->updated < victim->updated)) {
			victim = b;
			victim_rank = rank;
		}
	}
	*victim = (struct bucket){ hash, rl->burst, now };
	return victim;
}

bool http_ratelimit_take(struct http_ratelimit *rl, const char *addr, const char *key,
			 double now, double *retry_after)
{
	const uint64_t hash = key_hash(rl, addr ? addr : "", key ? key : "");
	pthread_mutex_lock(&rl->lock);
	struct bucket *b = find_slot(rl, hash, now);
	/* A clock that steps back must not mint tokens. */
	b->tokens = now >= b->updated ? level(rl, b, now) : b->tokens;
	b->updated = now >= b->updated ? now : b->updated;
	const bool ok = b->tokens >= 1.0;
	if (ok)
		b->tokens -= 1.0;
	else if (retry_after != NULL)
		*retry_after = (1.0 - b->tokens) / rl->rate;
	pthread_mutex_unlock(&rl->lock);
	return ok;
}

int http_ratelimit_check(struct http_ratelimit *rl, const struct http_request *req,
			 const char *key, struct http_response *res, struct sw_error *err)
{
	double wait = 0;
	if (http_ratelimit_take(rl, req->client_addr, key, http_ratelimit_now(), &wait))
		return 0;
	char secs[32];
	snprintf(secs, sizeof secs, "%.0f", ceil(wait) < 1 ? 1.0 : ceil(wait));
	if (http_response_header(res, "Retry-After", secs, err) != 0)
		return -1;
	return sw_error_set(err, SW_ELIMIT, "", "too many attempts; try again in %s s", secs);
}
