/* match_cache.c - the matcher's in-memory copy of the open offers and of
 * the candidates with consent.
 *
 * Why a copy: the matcher scans a million packed offers in a few
 * milliseconds, but reading them out of the database takes about a second
 * (bench/match prints both), so loading per request would be the whole
 * cost. Each request instead asks the store for a fingerprint (one row:
 * the revisions every offer and every profile change counts up, plus the
 * consent and open-case counts) and reuses a loaded copy while its part is
 * the same: an offer change reloads the offers, a profile, consent or
 * case change the candidates, whichever process made it; a new day
 * reloads the candidates too (consents count from their day).
 *
 * A snapshot is reference-counted: a request scanning an old copy keeps it
 * alive while another request swaps in a new one. The current snapshots
 * are process-wide (the server has one store pool); the pool is part of the
 * key so that two pools never share one. */
#include "network_json.h"

#include <pthread.h>
#include <stdlib.h>

enum { CACHE_OFFERS, CACHE_CANDIDATES, CACHE__COUNT };

static pthread_mutex_t cache_lock = PTHREAD_MUTEX_INITIALIZER;
static struct api_net_snapshot *current[CACHE__COUNT];

static int same_key(const struct api_net_snapshot *s, int kind,
		    const struct store_network_fingerprint *fp, sw_date today, const void *pool)
{
	if (s == NULL || s->pool != pool)
		return 0;
	if (kind == CACHE_OFFERS)
		return s->fp.offers_rev == fp->offers_rev;
	return s->fp.profiles_rev == fp->profiles_rev && s->today == today &&
	       s->fp.consents == fp->consents &&
	       s->fp.consent_max_id == fp->consent_max_id &&
	       s->fp.consents_revoked == fp->consents_revoked && s->fp.open_cases == fp->open_cases;
}

static void unref(struct api_net_snapshot *s)
{
	if (s != NULL && --s->refs == 0) {
		free(s->items);
		free(s);
	}
}

void api_net_snapshot_put(struct api_net_snapshot *s)
{
	pthread_mutex_lock(&cache_lock);
	unref(s);
	pthread_mutex_unlock(&cache_lock);
}

static int get(struct api_call *c, int kind, struct api_net_snapshot **out, struct sw_error *err)
{
	struct store_network_fingerprint fp;
	if (store_network_fingerprint(c->st, &fp, err) != 0)
		return -1;
	const void *pool = c->app->pool;
	pthread_mutex_lock(&cache_lock);
	struct api_net_snapshot *s = current[kind];
	if (same_key(s, kind, &fp, c->today, pool)) {
		s->refs++;
		pthread_mutex_unlock(&cache_lock);
		*out = s;
		return 0;
	}
	pthread_mutex_unlock(&cache_lock);

	/* Loaded outside the lock: other requests go on with the old copy. Two
	 * requests may load at once; the later one's copy wins, both are right. */
	s = calloc(1, sizeof *s);
	if (s == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	s->fp = fp;
	s->today = c->today;
	s->pool = pool;
	s->refs = 2;                     /* the cache's and the caller's */
	const int rc = kind == CACHE_OFFERS
			       ? store_offers_load(c->st, (struct match_offer **)&s->items, &s->n, err)
			       : store_candidates_load(c->st, c->today,
						       (struct match_candidate **)&s->items, &s->n,
						       err);
	if (rc != 0) {
		free(s);
		return -1;
	}
	pthread_mutex_lock(&cache_lock);
	unref(current[kind]);
	current[kind] = s;
	pthread_mutex_unlock(&cache_lock);
	*out = s;
	return 0;
}

int api_net_offers(struct api_call *c, struct api_net_snapshot **out, struct sw_error *err)
{
	return get(c, CACHE_OFFERS, out, err);
}

int api_net_candidates(struct api_call *c, struct api_net_snapshot **out, struct sw_error *err)
{
	return get(c, CACHE_CANDIDATES, out, err);
}
