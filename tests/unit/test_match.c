/* test_match.c - the matcher of DOMAIN.md section 6: hard exclusions (all
 * reasons reported), distance boundaries, missing data, explained scores,
 * and top-K queries checked against a brute-force sort of match_pair. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/match.h"

#define R_KM 6371.0
#define PI 3.14159265358979323846
#define DEG (180.0 / PI)

/* A candidate in Utrecht-ish, able to do everything, 16..32 hours, 25 km. */
static void cand_base(struct match_candidate *c)
{
	match_candidate_init(c);
	c->id = 1;
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		assert_int_equal(match_candidate_set_capacity(c, (enum match_category)i, 3), 0);
	c->hours_min = 16;
	c->hours_max = 32;
	c->lat = 52.0f;
	c->lon = 5.0f;
	c->range_km = 25;
	c->employer_id = 100;
}

/* A detachering 5-6 km from cand_base, 16..24 hours, no demands. */
static void offer_base(struct match_offer *o)
{
	match_offer_init(o);
	o->id = 1;
	o->type = MATCH_DETACHERING;
	o->hours_min = 16;
	o->hours_max = 24;
	o->lat = 52.05f;
	o->lon = 5.0f;
	o->employer_id = 200;
}

static struct match_result pair(const struct match_candidate *c, const struct match_offer *o)
{
	struct match_result r;
	match_pair(c, o, &r);
	return r;
}

static int32_t sum_points(const struct match_result *r)
{
	int32_t s = 0;
	for (int f = 0; f < MATCH_FACTOR__COUNT; f++)
		s += r->factor[f].points;
	return s;
}

/* ---- levels ---- */

static void test_levels_exceed_exhaustive(void **state)
{
	(void)state;
	for (int cat = 0; cat < MATCH_CATEGORY__COUNT; cat++) {
		for (int d = 0; d <= 3; d++) {
			for (int c = 0; c <= 3; c++) {
				/* the other lanes: demand 0 under capacity 0, never over */
				uint32_t dem = 0, cap = 0;
				match_level_set(&dem, (enum match_category)cat, d);
				match_level_set(&cap, (enum match_category)cat, c);
				assert_int_equal(match_levels_exceed(dem, cap), d > c ? 1u << cat : 0);
			}
		}
	}
	/* random words against a scalar comparison */
	uint64_t s = 12345;
	for (int n = 0; n < 100000; n++) {
		s = s * 6364136223846793005ull + 1442695040888963407ull;
		const uint32_t dem = (uint32_t)(s >> 32) & 0xFFFFFFu;
		const uint32_t cap = (uint32_t)s & 0xFFFFFFu;
		uint16_t want = 0;
		for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
			if (match_level_get(dem, (enum match_category)i) > match_level_get(cap, (enum match_category)i))
				want |= (uint16_t)(1u << i);
		assert_int_equal(match_levels_exceed(dem, cap), want);
	}
}

static void test_capacity_setters(void **state)
{
	(void)state;
	struct match_candidate c;
	match_candidate_init(&c);
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		assert_int_equal(match_candidate_capacity(&c, (enum match_category)i), MATCH_LEVEL_UNKNOWN);
	assert_int_equal(match_candidate_set_capacity(&c, MATCH_TILLEN, 1), 0);
	assert_int_equal(match_candidate_capacity(&c, MATCH_TILLEN), 1);
	assert_int_equal(match_candidate_set_capacity(&c, MATCH_TILLEN, MATCH_LEVEL_UNKNOWN), 0);
	assert_int_equal(match_candidate_capacity(&c, MATCH_TILLEN), MATCH_LEVEL_UNKNOWN);
	assert_int_equal(match_candidate_set_capacity(&c, MATCH_TILLEN, 4), -1);
	assert_int_equal(match_candidate_set_capacity(&c, MATCH_CATEGORY__COUNT, 1), -1);
	assert_int_equal(match_candidate_capacity(&c, MATCH_TILLEN), MATCH_LEVEL_UNKNOWN);

	struct match_offer o;
	match_offer_init(&o);
	assert_int_equal(match_offer_set_demand(&o, MATCH_NACHTWERK, 3), 0);
	assert_int_equal(match_offer_demand(&o, MATCH_NACHTWERK), 3);
	assert_int_equal(match_offer_demand(&o, MATCH_ZITTEN), 0);
	assert_int_equal(match_offer_set_demand(&o, MATCH_ZITTEN, -1), -1);
}

/* ---- hard exclusions ---- */

static void test_exclusion_each_category(void **state)
{
	(void)state;
	struct match_result out[1];
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++) {
		const enum match_category cat = (enum match_category)i;
		struct match_candidate c;
		struct match_offer o;
		cand_base(&c);
		offer_base(&o);
		match_candidate_set_capacity(&c, cat, 1);

		match_offer_set_demand(&o, cat, 1);  /* at the limit: fine */
		struct match_result r = pair(&c, &o);
		assert_int_equal(r.excluded, 0);
		assert_int_equal(match_top_offers(&c, &o, 1, 1, out), 1);

		match_offer_set_demand(&o, cat, 2);
		r = pair(&c, &o);
		assert_int_equal(r.excluded, MATCH_EX_LOAD);
		assert_int_equal(r.over_capacity, 1u << i);
		assert_int_equal(r.total, 0);
		assert_int_equal(match_top_offers(&c, &o, 1, 1, out), 0);
		assert_int_equal(match_top_candidates(&o, &c, 1, 1, out), 0);

		match_candidate_set_capacity(&c, cat, 0);  /* "not at all" */
		match_offer_set_demand(&o, cat, 1);
		assert_int_equal(pair(&c, &o).excluded, MATCH_EX_LOAD);
	}
}

static void test_exclusion_hours(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o;
	struct match_result out[1];
	cand_base(&c);
	offer_base(&o);
	o.hours_min = 32;  /* equal to the candidate's maximum: fine */
	o.hours_max = 36;
	assert_int_equal(pair(&c, &o).excluded, 0);
	o.hours_min = 33;
	assert_int_equal(pair(&c, &o).excluded, MATCH_EX_HOURS);
	assert_int_equal(match_top_offers(&c, &o, 1, 1, out), 0);
	assert_int_equal(match_top_candidates(&o, &c, 1, 1, out), 0);
}

static void test_exclusion_type(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o;
	struct match_result out[1];
	cand_base(&c);
	offer_base(&o);
	for (int t = 0; t < MATCH_TYPE__COUNT; t++) {
		o.type = (uint8_t)t;
		c.types = 0;  /* no preference: every type */
		assert_int_equal(pair(&c, &o).excluded, 0);
		c.types = (uint8_t)MATCH_BIT(t);
		assert_int_equal(pair(&c, &o).excluded, 0);
		c.types = (uint8_t)(MATCH_TYPES_ALL & ~MATCH_BIT(t));
		assert_int_equal(pair(&c, &o).excluded, MATCH_EX_TYPE);
		assert_int_equal(match_top_offers(&c, &o, 1, 1, out), 0);
		assert_int_equal(match_top_candidates(&o, &c, 1, 1, out), 0);
	}
}

static void test_exclusion_own_employer(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o;
	struct match_result out[1];
	cand_base(&c);
	offer_base(&o);
	o.employer_id = c.employer_id;
	assert_int_equal(pair(&c, &o).excluded, MATCH_EX_OWN_EMPLOYER);
	assert_int_equal(match_top_offers(&c, &o, 1, 1, out), 0);
	assert_int_equal(match_top_candidates(&o, &c, 1, 1, out), 0);
	c.employer_id = o.employer_id = 0;  /* unknown is not the same */
	assert_int_equal(pair(&c, &o).excluded, 0);
}

static void test_exclusion_all_reasons(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o;
	cand_base(&c);
	offer_base(&o);
	c.types = (uint8_t)MATCH_BIT(MATCH_VACATURE);
	match_candidate_set_capacity(&c, MATCH_TILLEN, 0);
	match_candidate_set_capacity(&c, MATCH_NACHTWERK, 2);
	o.type = MATCH_PROEFPLAATSING;
	o.hours_min = 36;
	o.hours_max = 40;
	o.lat = 53.0f;  /* ~111 km */
	o.employer_id = c.employer_id;
	match_offer_set_demand(&o, MATCH_TILLEN, 1);
	match_offer_set_demand(&o, MATCH_NACHTWERK, 3);
	match_offer_set_demand(&o, MATCH_ZITTEN, 3);  /* capacity 3: fine */

	const struct match_result r = pair(&c, &o);
	assert_int_equal(r.excluded, MATCH_EX_TYPE | MATCH_EX_HOURS | MATCH_EX_DISTANCE |
			 MATCH_EX_LOAD | MATCH_EX_OWN_EMPLOYER);
	assert_int_equal(r.over_capacity, (1u << MATCH_TILLEN) | (1u << MATCH_NACHTWERK));
	assert_true(r.distance_m > 110000 && r.distance_m < 112000);
	assert_int_equal(r.total, 0);
	assert_int_equal(sum_points(&r), 0);
	for (unsigned bit = 1; bit < (1u << MATCH_EX__COUNT); bit <<= 1)
		assert_true(match_exclusion_name(bit)[0] != '\0');
}

/* ---- distance ---- */

static void test_haversine(void **state)
{
	(void)state;
	assert_float_equal(match_haversine_km(52, 5, 52, 5), 0.0, 1e-12);
	assert_float_equal(match_haversine_km(52, 5, 53, 5), R_KM * PI / 180.0, 1e-9);
	assert_float_equal(match_haversine_km(0, 0, 0, 90), R_KM * PI / 2.0, 1e-9);
	assert_float_equal(match_haversine_km(0, 0, 0, 180), R_KM * PI, 1e-9);
	assert_float_equal(match_haversine_km(90, 0, -90, 0), R_KM * PI, 1e-9);
	/* across the antimeridian the short way */
	assert_float_equal(match_haversine_km(0, 179.5, 0, -179.5), R_KM * PI / 180.0, 1e-9);
	/* symmetric */
	assert_float_equal(match_haversine_km(52.37, 4.90, 51.92, 4.48),
			   match_haversine_km(51.92, 4.48, 52.37, 4.90), 1e-12);
}

/* Longitude offset that puts a point at the same latitude km away. */
static double dlon_for_km(double lat, double km)
{
	return 2.0 * asin(sin(km / R_KM / 2.0) / cos(lat / DEG)) * DEG;
}

/* Checks an offer at km from the candidate is in or out of range with
 * match_pair and with both top-K scans, which use the prefilter windows. */
static void expect_range(struct match_candidate *c, struct match_offer *o, int in)
{
	struct match_result out[1];
	const struct match_result r = pair(c, o);
	assert_int_equal(r.excluded, in ? 0 : MATCH_EX_DISTANCE);
	assert_int_equal(match_top_offers(c, o, 1, 1, out), in ? 1 : 0);
	assert_int_equal(match_top_candidates(o, c, 1, 1, out), in ? 1 : 0);
	if (in)
		assert_int_equal(out[0].distance_m, r.distance_m);
}

static void test_distance_boundary_meridian(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o;
	cand_base(&c);
	offer_base(&o);
	o.lat = (float)(52.0 + 25.0 / R_KM * DEG);
	assert_int_equal(match_distance_m(&c, &o), 25000);
	expect_range(&c, &o, 1);  /* exactly at the range: included */
	o.lat = (float)(52.0 + 25.002 / R_KM * DEG);
	assert_int_equal(match_distance_m(&c, &o), 25002);
	expect_range(&c, &o, 0);
	o.lat = (float)(52.0 - 25.0 / R_KM * DEG);  /* south */
	expect_range(&c, &o, 1);
}

/* Along a parallel the longitude window is what decides; try it at Dutch,
 * arctic and southern latitudes and across the antimeridian. */
static void test_distance_boundary_parallel(void **state)
{
	(void)state;
	static const struct { float lat, lon; int dir; } spots[] = {
		{ 52.0f, 5.0f, 1 }, { 52.0f, 5.0f, -1 }, { 70.0f, 20.0f, 1 },
		{ -33.9f, 18.4f, -1 }, { 10.0f, 179.95f, 1 }, { -10.0f, -179.95f, -1 },
	};
	for (size_t i = 0; i < sizeof spots / sizeof spots[0]; i++) {
		struct match_candidate c;
		struct match_offer o;
		cand_base(&c);
		offer_base(&o);
		c.lat = o.lat = spots[i].lat;
		c.lon = spots[i].lon;
		double lon = spots[i].lon + spots[i].dir * dlon_for_km(spots[i].lat, 25.0);
		if (lon > 180.0)
			lon -= 360.0;
		if (lon < -180.0)
			lon += 360.0;
		o.lon = (float)lon;
		const int32_t d = match_distance_m(&c, &o);
		assert_true(d >= 24999 && d <= 25001);
		c.range_km = 25;
		if (d <= 25000) {
			expect_range(&c, &o, 1);
		} else {
			expect_range(&c, &o, 0);
		}
		c.range_km = 24;
		expect_range(&c, &o, 0);
		c.range_km = 26;
		expect_range(&c, &o, 1);
	}
}

static void test_distance_range_zero(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o;
	cand_base(&c);
	offer_base(&o);
	c.range_km = 0;
	o.lat = c.lat;
	o.lon = c.lon;
	expect_range(&c, &o, 1);
	assert_int_equal(pair(&c, &o).factor[MATCH_F_AFSTAND].raw, 1000);
	o.lat = 52.01f;
	expect_range(&c, &o, 0);
}

/* ---- missing data ---- */

static void test_unknown_capacity(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o;
	cand_base(&c);
	offer_base(&o);
	match_candidate_set_capacity(&c, MATCH_TILLEN, MATCH_LEVEL_UNKNOWN);

	/* no demand there: nothing to flag */
	struct match_result r = pair(&c, &o);
	assert_int_equal(r.excluded, 0);
	assert_int_equal(r.flags & MATCH_FLAG_CAPACITY_UNKNOWN, 0);
	assert_int_equal(r.unknown, 0);

	/* high demand on an unknown capacity: not excluded, flagged, penalised */
	match_offer_set_demand(&o, MATCH_TILLEN, 3);
	r = pair(&c, &o);
	assert_int_equal(r.excluded, 0);
	assert_true(r.flags & MATCH_FLAG_CAPACITY_UNKNOWN);
	assert_int_equal(r.unknown, 1u << MATCH_TILLEN);
	assert_int_equal(r.factor[MATCH_F_BELASTBAARHEID_BEKEND].raw, 0);
	assert_int_equal(r.factor[MATCH_F_BELASTINGMARGE].raw, 0);
	assert_string_equal(match_flag_name(MATCH_FLAG_CAPACITY_UNKNOWN), "belastbaarheid_onbekend");

	/* a known capacity exactly at the limit scores higher than unknown */
	struct match_candidate k = c;
	match_candidate_set_capacity(&k, MATCH_TILLEN, 3);
	const struct match_result rk = pair(&k, &o);
	assert_int_equal(rk.excluded, 0);
	assert_int_equal(rk.flags & MATCH_FLAG_CAPACITY_UNKNOWN, 0);
	assert_int_equal(rk.factor[MATCH_F_BELASTINGMARGE].raw, 0);
	assert_int_equal(rk.factor[MATCH_F_BELASTBAARHEID_BEKEND].raw, 1000);
	assert_true(rk.total > r.total);

	/* and the top-K scans agree */
	struct match_result out[1];
	assert_int_equal(match_top_offers(&c, &o, 1, 1, out), 1);
	assert_int_equal(out[0].total, r.total);
	assert_int_equal(match_top_candidates(&o, &c, 1, 1, out), 1);
	assert_int_equal(out[0].unknown, 1u << MATCH_TILLEN);
}

static void test_missing_location(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o[2];
	struct match_result out[2];
	cand_base(&c);
	offer_base(&o[0]);
	offer_base(&o[1]);
	o[1].id = 2;
	o[1].lat = 50.0f;  /* far beyond the range */

	/* candidate without a home: no distance exclusion, neutral, flagged */
	c.lat = c.lon = MATCH_NO_COORD;
	struct match_result r = pair(&c, &o[1]);
	assert_int_equal(r.excluded, 0);
	assert_int_equal(r.distance_m, -1);
	assert_true(r.flags & MATCH_FLAG_NO_LOCATION);
	assert_int_equal(r.factor[MATCH_F_AFSTAND].raw, 500);
	assert_int_equal(match_top_offers(&c, o, 2, 2, out), 2);
	assert_int_equal(match_top_candidates(&o[1], &c, 1, 1, out), 1);

	/* offer without a place: the same from the other side */
	cand_base(&c);
	o[1].lat = o[1].lon = MATCH_NO_COORD;
	r = pair(&c, &o[1]);
	assert_int_equal(r.excluded, 0);
	assert_int_equal(r.distance_m, -1);
	assert_true(r.flags & MATCH_FLAG_NO_LOCATION);
	assert_int_equal(match_top_offers(&c, o, 2, 2, out), 2);
	assert_int_equal(match_top_candidates(&o[1], &c, 1, 1, out), 1);
	assert_int_equal(out[0].distance_m, -1);
}

static void test_instruments_flagged(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o;
	cand_base(&c);
	offer_base(&o);
	c.instruments = (uint8_t)MATCH_BIT(MATCH_NO_RISKPOLIS);
	o.instruments = (uint8_t)(MATCH_BIT(MATCH_NO_RISKPOLIS) | MATCH_BIT(MATCH_LOONKOSTENSUBSIDIE));
	const struct match_result r = pair(&c, &o);
	assert_int_equal(r.excluded, 0);
	assert_true(r.flags & MATCH_FLAG_INSTRUMENTS);
	assert_int_equal(r.instruments_unmet, MATCH_BIT(MATCH_LOONKOSTENSUBSIDIE));
	c.instruments = 0x3f;
	assert_int_equal(pair(&c, &o).flags & MATCH_FLAG_INSTRUMENTS, 0);
}

/* ---- scores ---- */

static void test_score_by_hand(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o;
	cand_base(&c);
	offer_base(&o);
	c.lat = c.lon = MATCH_NO_COORD;                 /* afstand 500 -> 15 * 50 = 750 */
	c.skills = 0x7;                                 /* 3 of the 4 wanted */
	o.skills = 0xF;                                 /* vaardigheden 750 -> 1500 */
	c.sectors = 1ull << 3;
	o.sector = 4;                                   /* sector 0 -> 0 */
	match_candidate_set_capacity(&c, MATCH_ZITTEN, 2);
	match_offer_set_demand(&o, MATCH_TILLEN, 1);   /* headroom 2 */
	match_offer_set_demand(&o, MATCH_ZITTEN, 2);   /* headroom 0: marge 500 -> 750 */
	o.guidance = MATCH_GUIDANCE_BEGELEIDING;        /* 500 -> 500 */
	o.intent_to_hire = 1;                           /* 1000 -> 1000 */
	c.wishes = (uint8_t)(MATCH_BIT(MATCH_THUISWERK) | MATCH_BIT(MATCH_KLEIN_TEAM));
	o.features = (uint8_t)MATCH_BIT(MATCH_KLEIN_TEAM); /* wensen 500 -> 250 */
	/* uren overlap 1000 -> 1000, bekend 1000 -> 500 */
	const struct match_result r = pair(&c, &o);
	assert_int_equal(r.excluded, 0);
	static const int16_t raw[MATCH_FACTOR__COUNT] = { 500, 1000, 750, 0, 500, 1000, 500, 1000, 500 };
	static const int16_t pts[MATCH_FACTOR__COUNT] = { 750, 1000, 1500, 0, 750, 500, 500, 1000, 250 };
	for (int f = 0; f < MATCH_FACTOR__COUNT; f++) {
		assert_int_equal(r.factor[f].raw, raw[f]);
		assert_int_equal(r.factor[f].points, pts[f]);
	}
	assert_int_equal(r.total, 6250);

	/* fewer hours than wanted: the share offered */
	c.hours_min = 24;
	o.hours_max = 16;
	assert_int_equal(pair(&c, &o).factor[MATCH_F_UREN].raw, 666);
}

static void test_weights(void **state)
{
	(void)state;
	const struct match_weights *w = match_weights_current();
	int sum = 0;
	for (int f = 0; f < MATCH_FACTOR__COUNT; f++) {
		sum += w->weight[f];
		assert_true(match_factor_name((enum match_factor_code)f)[0] != '\0');
	}
	assert_int_equal(sum, 100);
	assert_string_equal(w->version, "match-v1");
	assert_ptr_equal(match_weights_find("match-v1"), w);
	assert_null(match_weights_find("match-v0"));
	assert_null(match_weights_find(NULL));
}

/* ---- random sets ---- */

static uint64_t rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static unsigned below(uint64_t *s, unsigned n)
{
	return (unsigned)(rnd(s) % n);
}

/* Points around Utrecht with some unknown, some duplicated; the small
 * area and few distinct values make many pairs eligible and many ties. */
static void random_place(uint64_t *s, float *lat, float *lon)
{
	if (below(s, 20) == 0) {
		*lat = *lon = MATCH_NO_COORD;
		return;
	}
	*lat = 51.9f + (float)below(s, 40) * 0.005f;
	*lon = 4.9f + (float)below(s, 40) * 0.01f;
}

static void random_offer(uint64_t *s, struct match_offer *o, int64_t id)
{
	match_offer_init(o);
	o->id = id;
	o->type = (uint8_t)below(s, MATCH_TYPE__COUNT);
	o->hours_min = (uint8_t)(8 * below(s, 4));
	o->hours_max = (uint8_t)(o->hours_min + 8 * below(s, 3));
	o->sector = (uint8_t)below(s, 6);
	random_place(s, &o->lat, &o->lon);
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		if (below(s, 3) == 0)
			match_offer_set_demand(o, (enum match_category)i, (int)below(s, 3));
	o->skills = rnd(s) & 0xFF;
	o->employer_id = below(s, 10);
	o->guidance = (uint8_t)below(s, 4);
	o->instruments = (uint8_t)(rnd(s) & 0x3F);
	o->features = (uint8_t)(rnd(s) & 0x7F);
	o->intent_to_hire = (uint8_t)below(s, 2);
}

static void random_candidate(uint64_t *s, struct match_candidate *c, int64_t id)
{
	match_candidate_init(c);
	c->id = id;
	c->types = (uint8_t)below(s, 16);
	c->hours_max = (uint8_t)(8 + 8 * below(s, 4));
	c->hours_min = (uint8_t)(c->hours_max - 8 * below(s, 2));
	c->range_km = (uint16_t)below(s, 30);
	random_place(s, &c->lat, &c->lon);
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++) {
		const unsigned r = below(s, 8);
		match_candidate_set_capacity(c, (enum match_category)i,
					     r == 0 ? MATCH_LEVEL_UNKNOWN : r < 3 ? (int)r : 3);
	}
	c->skills = rnd(s) & 0xFF;
	c->sectors = below(s, 2) ? rnd(s) & 0x3F : 0;
	c->wishes = (uint8_t)(rnd(s) & 0x7F);
	c->employer_id = below(s, 10);
	c->instruments = (uint8_t)(rnd(s) & 0x3F);
}

static int rank_by_offer;

/* The ranking spelled out independently of match_top.c. */
static int cmp_rank(const void *pa, const void *pb)
{
	const struct match_result *a = pa, *b = pb;
	if (a->total != b->total)
		return a->total > b->total ? -1 : 1;
	const int64_t da = a->distance_m < 0 ? INT64_MAX : a->distance_m;
	const int64_t db = b->distance_m < 0 ? INT64_MAX : b->distance_m;
	if (da != db)
		return da < db ? -1 : 1;
	const int64_t ia = rank_by_offer ? a->offer_id : a->candidate_id;
	const int64_t ib = rank_by_offer ? b->offer_id : b->candidate_id;
	if (ia != ib)
		return ia < ib ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

static void assert_same_result(const struct match_result *a, const struct match_result *b)
{
	assert_int_equal(a->candidate_id, b->candidate_id);
	assert_int_equal(a->offer_id, b->offer_id);
	assert_int_equal(a->index, b->index);
	assert_int_equal(a->total, b->total);
	assert_int_equal(a->distance_m, b->distance_m);
	assert_int_equal(a->excluded, b->excluded);
	assert_int_equal(a->flags, b->flags);
	assert_int_equal(a->over_capacity, b->over_capacity);
	assert_int_equal(a->unknown, b->unknown);
	assert_int_equal(a->instruments_unmet, b->instruments_unmet);
	assert_ptr_equal(a->weights, b->weights);
	for (int f = 0; f < MATCH_FACTOR__COUNT; f++) {
		assert_int_equal(a->factor[f].raw, b->factor[f].raw);
		assert_int_equal(a->factor[f].weight, b->factor[f].weight);
		assert_int_equal(a->factor[f].points, b->factor[f].points);
	}
}

#define NOFF 1500
#define NCAND 400

struct sets {
	struct match_offer off[NOFF];
	struct match_candidate cand[NCAND];
	struct match_result all[NOFF];   /* brute force */
	struct match_result top[NOFF + 5];
};

static void make_sets(struct sets *x, uint64_t seed)
{
	for (int i = 0; i < NOFF; i++)
		random_offer(&seed, &x->off[i], 1 + below(&seed, NOFF / 2));  /* duplicate ids too */
	for (int i = 0; i < NCAND; i++)
		random_candidate(&seed, &x->cand[i], 1 + below(&seed, NCAND / 2));
}

static void check_top_offers(struct sets *x, const struct match_candidate *c, size_t k)
{
	size_t m = 0;
	for (size_t i = 0; i < NOFF; i++) {
		match_pair(c, &x->off[i], &x->all[m]);
		x->all[m].index = i;
		if (x->all[m].excluded == 0)
			m++;
	}
	rank_by_offer = 1;
	qsort(x->all, m, sizeof x->all[0], cmp_rank);
	const size_t want = k < m ? k : m;
	assert_int_equal(match_top_offers(c, x->off, NOFF, k, x->top), want);
	for (size_t j = 0; j < want; j++)
		assert_same_result(&x->top[j], &x->all[j]);
}

static void check_top_candidates(struct sets *x, const struct match_offer *o, size_t k)
{
	size_t m = 0;
	for (size_t i = 0; i < NCAND; i++) {
		match_pair(&x->cand[i], o, &x->all[m]);
		x->all[m].index = i;
		if (x->all[m].excluded == 0)
			m++;
	}
	rank_by_offer = 0;
	qsort(x->all, m, sizeof x->all[0], cmp_rank);
	const size_t want = k < m ? k : m;
	assert_int_equal(match_top_candidates(o, x->cand, NCAND, k, x->top), want);
	for (size_t j = 0; j < want; j++)
		assert_same_result(&x->top[j], &x->all[j]);
}

static void test_top_versus_brute_force(void **state)
{
	(void)state;
	static const size_t ks[] = { 1, 3, 20, 100, NOFF + 5 };
	struct sets *x = malloc(sizeof *x);
	assert_non_null(x);
	for (uint64_t seed = 1; seed <= 6; seed++) {
		make_sets(x, seed * 0x9E3779B97F4A7C15ull);
		for (int q = 0; q < 25; q++) {
			const size_t k = ks[q % 5];
			check_top_offers(x, &x->cand[q * 7 % NCAND], k);
			check_top_candidates(x, &x->off[q * 37 % NOFF], k < NCAND ? k : NCAND + 5);
		}
	}
	free(x);
}

/* Every eligible pair: total = sum of points, points = raw * weight / 10,
 * within 0..100; every excluded pair scores nothing. */
static void test_explanation_sums(void **state)
{
	(void)state;
	struct sets *x = malloc(sizeof *x);
	assert_non_null(x);
	make_sets(x, 77);
	size_t eligible = 0, excluded = 0;
	for (size_t ci = 0; ci < 60; ci++) {
		for (size_t oi = 0; oi < NOFF; oi++) {
			const struct match_result r = pair(&x->cand[ci], &x->off[oi]);
			assert_int_equal(r.total, sum_points(&r));
			assert_true(r.total >= 0 && r.total <= 10000);
			if (r.excluded) {
				excluded++;
				assert_int_equal(r.total, 0);
				continue;
			}
			eligible++;
			for (int f = 0; f < MATCH_FACTOR__COUNT; f++) {
				const struct match_factor *fa = &r.factor[f];
				assert_true(fa->raw >= 0 && fa->raw <= 1000);
				assert_int_equal(fa->weight, r.weights->weight[f]);
				assert_int_equal(fa->points, fa->raw * fa->weight / 10);
			}
		}
	}
	assert_true(eligible > 1000 && excluded > 1000);  /* the set exercises both */
	free(x);
}

/* ---- ties ---- */

static void test_ties_by_id_and_order(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o[6];
	struct match_result out[6];
	static const int64_t ids[6] = { 40, 10, 30, 20, 60, 50 };
	cand_base(&c);
	for (int i = 0; i < 6; i++) {
		offer_base(&o[i]);
		o[i].id = ids[i];
	}
	assert_int_equal(match_top_offers(&c, o, 6, 6, out), 6);
	for (int i = 0; i < 6; i++)
		assert_int_equal(out[i].offer_id, 10 * (i + 1));
	/* the input order does not matter */
	struct match_offer rev[6];
	for (int i = 0; i < 6; i++)
		rev[i] = o[5 - i];
	assert_int_equal(match_top_offers(&c, rev, 6, 3, out), 3);
	for (int i = 0; i < 3; i++)
		assert_int_equal(out[i].offer_id, 10 * (i + 1));
	/* same id twice: the earlier index first */
	o[2].id = 10;
	assert_int_equal(match_top_offers(&c, o, 6, 2, out), 2);
	assert_int_equal(out[0].index, 1);
	assert_int_equal(out[1].index, 2);

	/* candidates likewise, by candidate id */
	struct match_candidate cs[4];
	for (int i = 0; i < 4; i++) {
		cand_base(&cs[i]);
		cs[i].id = 4 - i;
	}
	assert_int_equal(match_top_candidates(&o[0], cs, 4, 4, out), 4);
	for (int i = 0; i < 4; i++)
		assert_int_equal(out[i].candidate_id, i + 1);
}

static void test_ties_by_distance(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o[2];
	struct match_result out[2];
	cand_base(&c);
	/* 5015 m and 5005 m: both afstand 799 per mille, the same total */
	offer_base(&o[0]);
	o[0].id = 1;
	o[0].lat = (float)(52.0 + 5.015 / R_KM * DEG);
	offer_base(&o[1]);
	o[1].id = 2;
	o[1].lat = (float)(52.0 + 5.005 / R_KM * DEG);
	const struct match_result a = pair(&c, &o[0]), b = pair(&c, &o[1]);
	assert_int_equal(a.total, b.total);
	assert_true(b.distance_m < a.distance_m);
	assert_int_equal(match_top_offers(&c, o, 2, 2, out), 2);
	assert_int_equal(out[0].offer_id, 2);  /* closer beats the lower id */
	assert_int_equal(out[1].offer_id, 1);
	const struct match_offer swapped[2] = { o[1], o[0] };
	assert_int_equal(match_top_offers(&c, swapped, 2, 1, out), 1);
	assert_int_equal(out[0].offer_id, 2);

	/* an unknown distance ranks after every known one: offer 1 without a
	 * place (afstand 500, neutral) against offer 2 at 12495 m (also 500) */
	o[0].lat = o[0].lon = MATCH_NO_COORD;
	o[1].lat = (float)(52.0 + 12.495 / R_KM * DEG);
	assert_int_equal(pair(&c, &o[0]).total, pair(&c, &o[1]).total);
	assert_int_equal(match_top_offers(&c, o, 2, 2, out), 2);
	assert_int_equal(out[0].offer_id, 2);
	assert_int_equal(out[1].distance_m, -1);

	/* but a higher score beats a smaller distance */
	o[0].intent_to_hire = 1;
	assert_int_equal(match_top_offers(&c, o, 2, 2, out), 2);
	assert_int_equal(out[0].offer_id, 1);
}

/* ---- sizes ---- */

static void test_empty_and_small(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o[3];
	struct match_result out[8], guard;
	cand_base(&c);
	for (int i = 0; i < 3; i++) {
		offer_base(&o[i]);
		o[i].id = 3 - i;
	}
	memset(out, 0xA5, sizeof out);
	memset(&guard, 0xA5, sizeof guard);
	/* n = 0 and k = 0 write nothing */
	assert_int_equal(match_top_offers(&c, o, 0, 8, out), 0);
	assert_int_equal(match_top_offers(&c, o, 3, 0, NULL), 0);
	assert_int_equal(match_top_candidates(&o[0], &c, 0, 8, out), 0);
	assert_int_equal(match_top_candidates(&o[0], &c, 1, 0, NULL), 0);
	assert_memory_equal(&out[0], &guard, sizeof guard);
	/* k larger than n: all of them, sorted, nothing beyond */
	assert_int_equal(match_top_offers(&c, o, 3, 8, out), 3);
	assert_int_equal(out[0].offer_id, 1);
	assert_int_equal(out[2].offer_id, 3);
	assert_memory_equal(&out[3], &guard, sizeof guard);
	/* k larger than the eligible ones */
	o[1].hours_min = 40;
	o[1].hours_max = 40;
	assert_int_equal(match_top_offers(&c, o, 3, 8, out), 2);
	assert_int_equal(out[0].offer_id, 1);
	assert_int_equal(out[1].offer_id, 3);
}

/* ---- validation and names ---- */

static void test_checks(void **state)
{
	(void)state;
	struct match_candidate c;
	struct match_offer o;
	struct sw_error err;
	cand_base(&c);
	offer_base(&o);
	assert_int_equal(match_candidate_check(&c, &err), 0);
	assert_int_equal(match_offer_check(&o, &err), 0);
	match_candidate_init(&c);
	assert_int_equal(match_candidate_check(&c, &err), 0);  /* all unknown is valid */

#define BAD_CAND(stmt, name)                                          \
	do {                                                           \
		cand_base(&c);                                         \
		stmt;                                                  \
		assert_int_equal(match_candidate_check(&c, &err), -1); \
		assert_int_equal(err.code, SW_EINVAL);                 \
		assert_string_equal(err.field, name);                 \
	} while (0)
#define BAD_OFFER(stmt, name)                                     \
	do {                                                       \
		offer_base(&o);                                    \
		stmt;                                              \
		assert_int_equal(match_offer_check(&o, &err), -1); \
		assert_string_equal(err.field, name);             \
	} while (0)

	BAD_CAND(c.hours_min = 40, "hours_min");
	BAD_CAND(c.hours_max = 200, "hours_max");
	BAD_CAND(c.range_km = MATCH_MAX_RANGE_KM + 1, "range_km");
	BAD_CAND(c.lat = 91.0f, "lat");
	BAD_CAND(c.lon = MATCH_NO_COORD, "lon");
	BAD_CAND(c.types = 0x10, "types");
	BAD_CAND(c.wishes = 0x80, "wishes");
	BAD_CAND(c.instruments = 0x40, "instruments");
	BAD_CAND(c.capacity |= 1u << 30, "capacity");
	BAD_CAND((c.unknown |= 1u << MATCH_TILLEN, match_level_set(&c.capacity, MATCH_TILLEN, 1)),
		 "capacity");
	BAD_OFFER(o.type = MATCH_TYPE__COUNT, "type");
	BAD_OFFER(o.sector = 64, "sector");
	BAD_OFFER(o.hours_min = 30, "hours_min");
	BAD_OFFER(o.lon = 181.0f, "lon");
	BAD_OFFER(o.demand = 1u << 24, "demand");
	BAD_OFFER(o.guidance = 4, "guidance");
	BAD_OFFER(o.intent_to_hire = 2, "intent_to_hire");
	BAD_OFFER(o.features = 0x80, "features");
}

static void test_names(void **state)
{
	(void)state;
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++) {
		enum match_category cat;
		const char *name = match_category_name((enum match_category)i);
		assert_int_equal(match_category_parse(name, &cat), 0);
		assert_int_equal(cat, i);
		assert_true(match_category_label(cat)[0] != '\0');
		assert_true(match_category_rubriek(cat)[0] != '\0');
	}
	for (int i = 0; i < MATCH_TYPE__COUNT; i++) {
		enum match_type t;
		assert_int_equal(match_type_parse(match_type_name((enum match_type)i), &t), 0);
		assert_int_equal(t, i);
	}
	for (int i = 0; i < MATCH_INSTRUMENT__COUNT; i++) {
		enum match_instrument in;
		assert_int_equal(match_instrument_parse(match_instrument_name((enum match_instrument)i), &in), 0);
		assert_int_equal(in, i);
	}
	for (int i = 0; i < MATCH_WISH__COUNT; i++) {
		enum match_wish w;
		assert_int_equal(match_wish_parse(match_wish_name((enum match_wish)i), &w), 0);
		assert_int_equal(w, i);
	}
	enum match_category cat;
	assert_int_equal(match_category_parse("Tillen", &cat), -1);
	assert_int_equal(match_category_parse(NULL, &cat), -1);
	assert_string_equal(match_category_name(MATCH_CATEGORY__COUNT), "");
	assert_string_equal(match_type_name(MATCH_VACATURE), "vacature");
	assert_string_equal(match_category_name(MATCH_BEELDSCHERMWERK), "beeldschermwerk");
	assert_string_equal(match_exclusion_name(MATCH_EX_DISTANCE), "buiten_reisafstand");
	assert_string_equal(match_exclusion_name(MATCH_EX_TYPE | MATCH_EX_HOURS), "");
	assert_string_equal(match_flag_name(MATCH_FLAG_NO_LOCATION), "locatie_onbekend");
	assert_string_equal(match_flag_name(0), "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_levels_exceed_exhaustive),
		cmocka_unit_test(test_capacity_setters),
		cmocka_unit_test(test_exclusion_each_category),
		cmocka_unit_test(test_exclusion_hours),
		cmocka_unit_test(test_exclusion_type),
		cmocka_unit_test(test_exclusion_own_employer),
		cmocka_unit_test(test_exclusion_all_reasons),
		cmocka_unit_test(test_haversine),
		cmocka_unit_test(test_distance_boundary_meridian),
		cmocka_unit_test(test_distance_boundary_parallel),
		cmocka_unit_test(test_distance_range_zero),
		cmocka_unit_test(test_unknown_capacity),
		cmocka_unit_test(test_missing_location),
		cmocka_unit_test(test_instruments_flagged),
		cmocka_unit_test(test_score_by_hand),
		cmocka_unit_test(test_weights),
		cmocka_unit_test(test_top_versus_brute_force),
		cmocka_unit_test(test_explanation_sums),
		cmocka_unit_test(test_ties_by_id_and_order),
		cmocka_unit_test(test_ties_by_distance),
		cmocka_unit_test(test_empty_and_small),
		cmocka_unit_test(test_checks),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
