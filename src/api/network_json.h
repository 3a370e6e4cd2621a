/* network_json.h - what the network resources (offers.c, zoekprofiel.c,
 * matches.c, pipeline.c, network_figures.c) share: JSON for the sets and
 * load levels of core/match.h and core/network.h, an explained match, and
 * the in-memory copy of offers and candidates the matcher scans. */
#ifndef SW_API_NETWORK_JSON_H
#define SW_API_NETWORK_JSON_H

#include <jansson.h>

#include "api.h"

/* A vocabulary: its size and the API name of each position. */
struct api_net_vocab {
	unsigned count;
	const char *(*name)(unsigned id);
};

extern const struct api_net_vocab api_net_types, api_net_wishes, api_net_instruments,
	api_net_sectors, api_net_skills, api_net_guidance;

/* A bit set as an array of names, in vocabulary order. */
json_t *api_net_set_json(uint64_t bits, const struct api_net_vocab *v);
/* An optional array of distinct names of v: 1 with *out set, 0 absent, -1
 * with err naming key (unknown or repeated name, not an array). */
int api_net_field_set(const json_t *obj, const char *key, const struct api_net_vocab *v,
		      uint64_t *out, struct sw_error *err);

/* {"concentratie": 2, ...} for every category; MATCH_LEVEL_UNKNOWN as null. */
json_t *api_net_levels_json(const int levels[MATCH_CATEGORY__COUNT]);
/* An optional object of category names to 0..3 (or null where allow_unknown).
 * Categories left out get fill. */
int api_net_field_levels(const json_t *obj, const char *key, bool allow_unknown, int fill,
			 int levels[MATCH_CATEGORY__COUNT], struct sw_error *err);

/* "lat" and "lon": both numbers, or both absent/null. */
int api_net_field_coord(const json_t *obj, int *has, int32_t *lat_e6, int32_t *lon_e6,
			struct sw_error *err);
json_t *api_net_coord_json(int has, int32_t e6);

/* The explanation of one pair: total, every factor with its weight, the
 * exclusion reasons and flags (match.h), in points with two decimals. */
json_t *api_net_result_json(const struct match_result *r);

/* An offer as its organisation sees it (offers.c). */
json_t *api_offer_json(const struct store_offer *o);

/* The anonymous form of a profile for network employers (zoekprofiel.c):
 * age band, field of work, hours, region, capacities, skills, wishes.
 * candidate_id: the candidate's pseudonym for the offer it is shown for
 * (store_candidate_pseudonym), never the case id; NULL leaves it out (the
 * profile of a case the network employer takes part in). */
json_t *api_zoekprofiel_teaser(const struct store_zoekprofiel *z, const char *candidate_id,
			       sw_date today);

/* ---- the matcher's in-memory copy (match_cache.c) ---- */

/* One load of the open offers or of the candidates with consent, shared
 * by the requests that use it; api_net_snapshot_put when done. */
struct api_net_snapshot {
	int refs;
	struct store_network_fingerprint fp;
	sw_date today;
	const void *pool;
	void *items;                           /* struct match_offer or match_candidate */
	size_t n;
};

int api_net_offers(struct api_call *c, struct api_net_snapshot **out, struct sw_error *err);
int api_net_candidates(struct api_call *c, struct api_net_snapshot **out, struct sw_error *err);
void api_net_snapshot_put(struct api_net_snapshot *s);

/* ---- access ---- */

/* The caller's organisation if it is of the network; SW_EDENIED otherwise. */
int api_net_own_network_org(struct api_call *c, struct store_org *org, struct sw_error *err);

/* The offer, if it belongs to the caller's organisation; any other is
 * SW_ENOTFOUND field "id" (others meet offers only as matches of a case). */
int api_net_own_offer(struct api_call *c, int64_t id, struct store_offer *out,
		      struct sw_error *err);

/* Optional ?limit= in 1..max (default def). */
int api_net_query_limit(const struct api_call *c, int def, int max, int *out,
			struct sw_error *err);

#endif
