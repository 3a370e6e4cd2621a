/* match_int.h - internals shared by match.c, match_geo.c and match_top.c:
 * the SWAR level comparison, the geographic prefilters and the scorer.
 * The inline ones run once per scanned element, so they are branch-free. */
#ifndef SW_MATCH_INT_H
#define SW_MATCH_INT_H

#include "match.h"

/* Low and high bit of every 2-bit lane. */
#define MATCH_LANES_LO 0x55555555u
#define MATCH_LANES_HI 0xAAAAAAAAu

/* Levels that fit: categories beyond the enum must stay zero. */
#define MATCH_LEVELS_USED ((uint32_t)((1ull << (2 * MATCH_CATEGORY__COUNT)) - 1))
#define MATCH_CATEGORIES_ALL ((uint16_t)((1u << MATCH_CATEGORY__COUNT) - 1))

/* Margin added to the travel range in the geographic prefilters. They only
 * have to be conservative (never drop a pair within range); 50 m covers the
 * rounding to whole metres and float coordinates with room to spare. The
 * exact decision is taken on the haversine distance. */
#define MATCH_GEO_PAD_KM 0.05
#define MATCH_EARTH_RADIUS_KM 6371.0
#define MATCH_PI 3.14159265358979323846

/* For every 2-bit lane, the low bit is set where a > b. Compares the high
 * bits first; where they are equal the low bits decide. Lanes that are zero
 * in both never compare greater, so unused categories are harmless. */
static inline uint32_t match_lanes_gt(uint32_t a, uint32_t b)
{
	const uint32_t nb = ~b;
	const uint32_t hi_gt = a & nb & MATCH_LANES_HI;
	const uint32_t hi_eq = ~(a ^ b) & MATCH_LANES_HI;
	const uint32_t lo_gt = a & nb & MATCH_LANES_LO;
	return (hi_gt >> 1) | ((hi_eq >> 1) & lo_gt);
}

/* Low bit of every lane whose level is non-zero. */
static inline uint32_t match_lanes_nonzero(uint32_t a)
{
	return (a | (a >> 1)) & MATCH_LANES_LO;
}

/* Lane mask (low bits) to category mask: bit 2i becomes bit i. */
static inline uint16_t match_lanes_compress(uint32_t x)
{
	x &= MATCH_LANES_LO;
	x = (x | (x >> 1)) & 0x33333333u;
	x = (x | (x >> 2)) & 0x0F0F0F0Fu;
	x = (x | (x >> 4)) & 0x00FF00FFu;
	x = (x | (x >> 8)) & 0x0000FFFFu;
	return (uint16_t)x;
}

/* Category mask to lane mask: bit i becomes bit 2i. */
static inline uint32_t match_lanes_spread(uint16_t m)
{
	uint32_t x = m;
	x = (x | (x << 8)) & 0x00FF00FFu;
	x = (x | (x << 4)) & 0x0F0F0F0Fu;
	x = (x | (x << 2)) & 0x33333333u;
	x = (x | (x << 1)) & 0x55555555u;
	return x;
}

static inline unsigned match_type_ok(unsigned types, unsigned type)
{
	const unsigned wanted = types ? types : MATCH_TYPES_ALL;
	return (type < MATCH_TYPE__COUNT) & (wanted >> (type & 7u)) & 1u;
}

static inline unsigned match_own_employer(int64_t candidate_employer, int64_t offer_employer)
{
	return (candidate_employer != 0) & (candidate_employer == offer_employer);
}

static inline int match_coord_known(float lat, float lon)
{
	return !isnan(lat) && !isnan(lon);
}

/* Forward prefilter: a lat/lon box around one candidate's home that holds
 * every point within the range (exact bounds on the sphere, plus the pad).
 * Unknown home: the box is everything. */
struct match_geo_box {
	double lat, lon;
	double dlat, dlon;   /* half sizes in degrees */
};

void match_geo_box_init(struct match_geo_box *b, float lat, float lon, unsigned range_km);

/* Longitude difference folded into 0..180 degrees. */
static inline double match_dlon_deg(double a, double b)
{
	const double d = fabs(a - b);
	return d > 180.0 ? 360.0 - d : d;
}

/* 0 for a point outside the box or without coordinates. */
static inline unsigned match_geo_box_in(const struct match_geo_box *b, float lat, float lon)
{
	const double dlat = fabs((double)lat - b->lat);
	const double dlon = match_dlon_deg(lon, b->lon);
	return (dlat <= b->dlat) & (dlon <= b->dlon);
}

/* Reverse prefilter: one offer, many candidates each with their own range.
 * Computing a box per candidate would cost trigonometry per candidate, so
 * the test uses bounds that need none (see match_geo.c). */
struct match_geo_origin {
	double lat, lon;          /* degrees */
	double cos_lat, sin_abs_lat;
};

void match_geo_origin_init(struct match_geo_origin *g, float lat, float lon);

/* 0 only if the candidate at (lat, lon) is certainly farther than
 * range_km from the origin, or has no coordinates. From the haversine
 * formula, hav(d) >= cos(lat1) cos(lat2) hav(dlon) and hav(dlat), with
 * sin(x) >= 2x/pi on [0, pi/2] (Jordan) and hav(r) <= (r/2)^2; cos(lat2) is
 * bounded below by cos(|lat1| + r) >= cos|lat1| (1 - r^2/2) - r sin|lat1|. */
static inline unsigned match_geo_origin_near(const struct match_geo_origin *g, float lat,
					     float lon, unsigned range_km)
{
	const double r = ((double)range_km + MATCH_GEO_PAD_KM) * (1.0 / MATCH_EARTH_RADIUS_KM);
	const double dlat = fabs((double)lat - g->lat) * (MATCH_PI / 180.0);
	const double dlon = match_dlon_deg(lon, g->lon) * (MATCH_PI / 180.0);
	const double cos_min = g->cos_lat * (1.0 - 0.5 * r * r) - g->sin_abs_lat * r;
	const unsigned lat_ok = dlat <= r;
	const unsigned lon_ok = (cos_min <= 0.0) |
		(dlon * dlon * g->cos_lat * cos_min <= (MATCH_PI * MATCH_PI / 4.0) * r * r);
	return lat_ok & lon_ok;
}

/* A pair's points split in two so that a top-K scan can bound a score
 * before paying for the haversine: total = static + distance, exactly. */
int32_t match_points_static(const struct match_weights *w, const struct match_candidate *c,
			    const struct match_offer *o);
int32_t match_points_distance(const struct match_weights *w, const struct match_candidate *c,
			      int32_t distance_m);

/* Fills everything of r for a pair known to be eligible at distance_m
 * (-1 if unknown): ids, flags, factors, total. index is left alone. */
void match_fill(const struct match_weights *w, const struct match_candidate *c,
		const struct match_offer *o, int32_t distance_m, struct match_result *r);

#endif
