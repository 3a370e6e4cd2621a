/* match_geo.c - distances and the geographic prefilters of the matcher.
 *
 * The exact test is the haversine distance rounded to whole metres. The
 * prefilters in front of it are cheap and conservative: they may let a pair
 * through that turns out to be too far, never the other way round, so a
 * top-K query finds exactly the pairs match_pair calls eligible. */
#include "match_int.h"

#include <math.h>

#define DEG_PER_RAD (180.0 / MATCH_PI)
#define RAD_PER_DEG (MATCH_PI / 180.0)

double match_haversine_km(double lat1, double lon1, double lat2, double lon2)
{
	const double s_lat = sin((lat2 - lat1) * RAD_PER_DEG * 0.5);
	const double s_lon = sin((lon2 - lon1) * RAD_PER_DEG * 0.5);
	double a = s_lat * s_lat + cos(lat1 * RAD_PER_DEG) * cos(lat2 * RAD_PER_DEG) * s_lon * s_lon;
	if (a > 1.0)
		a = 1.0;  /* rounding near antipodes */
	return 2.0 * MATCH_EARTH_RADIUS_KM * asin(sqrt(a));
}

int32_t match_distance_m(const struct match_candidate *c, const struct match_offer *o)
{
	if (!match_coord_known(c->lat, c->lon) || !match_coord_known(o->lat, o->lon))
		return -1;
	/* Always candidate first: the same operands in the same order give the
	 * same bits in match_pair and in the top-K scans. */
	const double km = match_haversine_km(c->lat, c->lon, o->lat, o->lon);
	return (int32_t)lround(km * 1000.0);
}

/* Half sizes of the smallest lat/lon box holding a spherical cap of angular
 * radius r around latitude lat: r in latitude; asin(sin r / cos lat) in
 * longitude, where the cap touches its tangent meridians, unless the cap
 * reaches a pole and spans every longitude. */
void match_geo_box_init(struct match_geo_box *b, float lat, float lon, unsigned range_km)
{
	if (!match_coord_known(lat, lon)) {
		*b = (struct match_geo_box){ 0.0, 0.0, INFINITY, INFINITY };
		return;
	}
	const double r = ((double)range_km + MATCH_GEO_PAD_KM) / MATCH_EARTH_RADIUS_KM;
	const double a = fabs((double)lat) * RAD_PER_DEG;
	b->lat = lat;
	b->lon = lon;
	b->dlat = r * DEG_PER_RAD;
	if (a + r < MATCH_PI / 2.0)
		b->dlon = asin(fmin(1.0, sin(r) / cos(a))) * DEG_PER_RAD;
	else
		b->dlon = 180.0;
}

void match_geo_origin_init(struct match_geo_origin *g, float lat, float lon)
{
	const double a = fabs((double)lat) * RAD_PER_DEG;
	g->lat = lat;
	g->lon = lon;
	g->cos_lat = cos(a);
	g->sin_abs_lat = sin(a);
}
