/* match_top.c - top-K queries: the best offers for a candidate, the best
 * candidates for an offer.
 *
 * One linear scan over compact structs. Per element the hard constraints
 * are combined with & rather than && (type bit, hours, the SWAR level
 * comparison, own employer, a conservative lat/lon window): each passes a
 * large share on its own and only their conjunction is rare, so one
 * well-predicted branch beats several mispredicted ones. Survivors are
 * scored by the same code as match_pair, bounded first so that most never
 * pay for the haversine, and offered to a bounded heap kept in the
 * caller's out[]. A scan of 1,000,000 offers is bound by memory bandwidth
 * (48 bytes each); a hot/cold split of the offer array is the next step if
 * that ever matters. */
#include "match_int.h"

/* Ranking: higher total, then smaller distance (unknown, -1, compares as
 * the largest unsigned value: last), then lower id, then lower index. */
static int better(const struct match_result *a, const struct match_result *b, int by_offer)
{
	if (a->total != b->total)
		return a->total > b->total;
	const uint32_t da = (uint32_t)a->distance_m, db = (uint32_t)b->distance_m;
	if (da != db)
		return da < db;
	const int64_t ia = by_offer ? a->offer_id : a->candidate_id;
	const int64_t ib = by_offer ? b->offer_id : b->candidate_id;
	if (ia != ib)
		return ia < ib;
	return a->index < b->index;
}

/* A heap of at most k results with the worst at the root, so a new result
 * only has to beat the root to get in. */
struct heap {
	struct match_result *h;
	size_t m, k;
	int by_offer;
};

static void sift_down(struct heap *hp, size_t m, size_t i)
{
	struct match_result *h = hp->h;
	const struct match_result x = h[i];
	for (;;) {
		size_t c = 2 * i + 1;
		if (c >= m)
			break;
		if (c + 1 < m && better(&h[c], &h[c + 1], hp->by_offer))
			c++;  /* the worse child */
		if (!better(&x, &h[c], hp->by_offer))
			break;
		h[i] = h[c];
		i = c;
	}
	h[i] = x;
}

static void sift_up(struct heap *hp, size_t i)
{
	struct match_result *h = hp->h;
	const struct match_result x = h[i];
	while (i > 0) {
		const size_t p = (i - 1) / 2;
		if (!better(&h[p], &x, hp->by_offer))
			break;
		h[i] = h[p];
		i = p;
	}
	h[i] = x;
}

static void heap_push(struct heap *hp, const struct match_result *r)
{
	if (hp->m < hp->k) {
		hp->h[hp->m] = *r;
		sift_up(hp, hp->m++);
	} else if (better(r, &hp->h[0], hp->by_offer)) {
		hp->h[0] = *r;
		sift_down(hp, hp->m, 0);
	}
}

/* Heap sort in place: moving the worst to the end each time leaves the
 * array best first. */
static size_t heap_finish(struct heap *hp)
{
	for (size_t end = hp->m; end > 1; end--) {
		const struct match_result t = hp->h[0];
		hp->h[0] = hp->h[end - 1];
		hp->h[end - 1] = t;
		sift_down(hp, end - 1, 0);
	}
	return hp->m;
}

/* Whether a pair of this total (or an upper bound of it) can still get into
 * the heap; a tie with the root goes on to the full comparison. */
static int may_enter(const struct heap *hp, int32_t total)
{
	return hp->m < hp->k || total >= hp->h[0].total;
}

/* Scores a pair that passed the hard constraints but for the exact range
 * test, and pushes it. Most pairs of a large scan cannot beat the root even
 * with full distance points: they are dropped before the haversine. */
static void consider(struct heap *hp, const struct match_weights *w,
		     const struct match_candidate *c, const struct match_offer *o, size_t i)
{
	const int32_t part = match_points_static(w, c, o);
	if (!may_enter(hp, part + 100 * w->weight[MATCH_F_AFSTAND]))
		return;
	const int32_t d = match_distance_m(c, o);
	if (d > (int32_t)c->range_km * 1000)
		return;
	if (!may_enter(hp, part + match_points_distance(w, c, d)))
		return;
	struct match_result r;
	match_fill(w, c, o, d, &r);
	r.index = i;
	heap_push(hp, &r);
}

static inline unsigned coord_unknown(float lat, float lon)
{
	return (isnan(lat) != 0) | (isnan(lon) != 0);
}

size_t match_top_offers(const struct match_candidate *c, const struct match_offer *offers,
			size_t n, size_t k, struct match_result *out)
{
	if (n == 0 || k == 0)
		return 0;
	const struct match_weights *w = match_weights_current();
	struct match_geo_box box;
	match_geo_box_init(&box, c->lat, c->lon, c->range_km);
	const unsigned types = c->types, hours_max = c->hours_max;
	const uint32_t capacity = c->capacity;
	const int64_t employer = c->employer_id;
	struct heap hp = { out, 0, k, 1 };

	for (size_t i = 0; i < n; i++) {
		const struct match_offer *o = &offers[i];
		const unsigned ok = match_type_ok(types, o->type) &
			(o->hours_min <= hours_max) &
			(match_lanes_gt(o->demand, capacity) == 0) &
			(match_own_employer(employer, o->employer_id) ^ 1u) &
			(match_geo_box_in(&box, o->lat, o->lon) | coord_unknown(o->lat, o->lon));
		if (__builtin_expect(!ok, 1))
			continue;
		consider(&hp, w, c, o, i);
	}
	return heap_finish(&hp);
}

size_t match_top_candidates(const struct match_offer *o, const struct match_candidate *cands,
			    size_t n, size_t k, struct match_result *out)
{
	if (n == 0 || k == 0)
		return 0;
	const struct match_weights *w = match_weights_current();
	const unsigned located = !coord_unknown(o->lat, o->lon);
	struct match_geo_origin g;
	match_geo_origin_init(&g, o->lat, o->lon);
	const unsigned type = o->type, hours_min = o->hours_min;
	const uint32_t demand = o->demand;
	const int64_t employer = o->employer_id;
	struct heap hp = { out, 0, k, 0 };

	for (size_t i = 0; i < n; i++) {
		const struct match_candidate *c = &cands[i];
		const unsigned ok = match_type_ok(c->types, type) &
			(hours_min <= c->hours_max) &
			(match_lanes_gt(demand, c->capacity) == 0) &
			(match_own_employer(c->employer_id, employer) ^ 1u);
		if (__builtin_expect(!ok, 1))
			continue;
		/* Each candidate has a range of its own, so the window test needs
		 * the candidate's data; done after the cheap tests. */
		if (located && !match_geo_origin_near(&g, c->lat, c->lon, c->range_km) &&
		    !coord_unknown(c->lat, c->lon))
			continue;
		consider(&hp, w, c, o, i);
	}
	return heap_finish(&hp);
}
