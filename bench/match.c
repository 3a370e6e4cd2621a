/* bench/match.c - top-K matching latency on one core.
 *
 * Generates OFFERS offers and CANDIDATES candidates with a deterministic
 * PRNG, spread over the Netherlands (lat 50.75..53.5, lon 3.4..7.2): three
 * quarters around cities weighted by size, the rest uniform. Job profiles
 * tie demands, skills and sectors together the way real vacancies do. Runs
 * QUERIES top-20 queries each way and prints p50 and p99 latency in ms.
 *
 * Usage: match [OFFERS [CANDIDATES [QUERIES]]]
 *
 * Engines are entries in `engines` below. Only the in-process matcher
 * exists now; the SQL comparison (the same queries through the store on
 * SQLite and PostgreSQL) plugs in as two more entries once src/store
 * exposes a match query: load the generated sets into the store in
 * setup(), answer top_offers/top_candidates with the store query. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/match.h"

#define TOP_K 20

/* ---- deterministic generation ---- */

static uint64_t rng_next(uint64_t *s)
{
	/* splitmix64: deterministic, so runs are comparable */
	uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static double rng_unit(uint64_t *s)
{
	return (double)(rng_next(s) >> 11) * (1.0 / 9007199254740992.0);
}

static unsigned rng_below(uint64_t *s, unsigned n)
{
	return (unsigned)(rng_next(s) % n);
}

static double rng_gauss(uint64_t *s)
{
	const double u = rng_unit(s) + 1e-12, v = rng_unit(s);
	return sqrt(-2.0 * log(u)) * cos(2.0 * 3.14159265358979323846 * v);
}

static const struct city {
	double lat, lon;
	unsigned weight;
} cities[] = {
	{ 52.370, 4.895, 9 }, { 51.922, 4.479, 7 }, { 52.078, 4.288, 6 },
	{ 52.091, 5.122, 4 }, { 51.441, 5.470, 3 }, { 53.219, 6.567, 2 },
	{ 51.560, 5.091, 2 }, { 52.350, 5.265, 2 }, { 51.589, 4.776, 2 },
	{ 51.842, 5.853, 2 }, { 51.985, 5.899, 2 }, { 52.387, 4.646, 2 },
	{ 52.221, 6.894, 2 }, { 52.211, 5.970, 2 }, { 52.156, 5.388, 2 },
	{ 51.697, 5.304, 2 }, { 52.517, 6.083, 1 }, { 53.201, 5.800, 1 },
	{ 50.851, 5.691, 1 }, { 52.160, 4.497, 1 }, { 51.813, 4.690, 1 },
	{ 51.499, 3.610, 1 },
};
#define NCITIES (sizeof cities / sizeof cities[0])

static void gen_location(uint64_t *s, float *lat, float *lon)
{
	for (;;) {
		double la, lo;
		if (rng_below(s, 4) == 0) {
			la = 50.75 + rng_unit(s) * (53.5 - 50.75);
			lo = 3.4 + rng_unit(s) * (7.2 - 3.4);
		} else {
			unsigned total = 0, pick;
			for (size_t i = 0; i < NCITIES; i++)
				total += cities[i].weight;
			pick = rng_below(s, total);
			size_t i = 0;
			while (pick >= cities[i].weight)
				pick -= cities[i++].weight;
			/* sigma 12 km around the centre */
			la = cities[i].lat + rng_gauss(s) * 12.0 / 111.2;
			lo = cities[i].lon + rng_gauss(s) * 12.0 / (111.2 * cos(la * 3.14159265358979 / 180.0));
		}
		if (la >= 50.75 && la <= 53.5 && lo >= 3.4 && lo <= 7.2) {
			*lat = (float)la;
			*lon = (float)lo;
			return;
		}
	}
}

/* Job profiles: typical demand per category, 8 skill bits, a few sectors. */
static const struct profile {
	unsigned char demand[MATCH_CATEGORY__COUNT];
	unsigned sectors[3];
} profiles[] = {
	/* conc tijd samw confl klant omg till lopen scherm zit staan nacht */
	{ { 2, 2, 2, 1, 1, 0, 0, 0, 3, 3, 0, 0 }, { 10, 12, 13 } },  /* administratief */
	{ { 1, 2, 2, 0, 0, 2, 2, 1, 0, 0, 3, 1 }, { 2, 2, 6 } },     /* productie */
	{ { 2, 2, 2, 2, 3, 0, 2, 2, 1, 0, 2, 1 }, { 16, 16, 15 } },   /* zorg */
	{ { 1, 2, 1, 0, 0, 1, 3, 3, 0, 0, 2, 1 }, { 7, 7, 6 } },     /* logistiek */
	{ { 3, 2, 2, 1, 1, 0, 0, 0, 3, 3, 0, 0 }, { 9, 9, 12 } },     /* ICT */
	{ { 1, 3, 2, 1, 3, 1, 1, 2, 0, 0, 3, 1 }, { 8, 8, 6 } },     /* horeca */
	{ { 1, 1, 1, 0, 0, 1, 1, 2, 0, 0, 2, 0 }, { 13, 13, 16 } },  /* schoonmaak */
	{ { 1, 2, 2, 1, 3, 0, 1, 2, 1, 0, 3, 0 }, { 6, 6, 6 } },     /* detailhandel */
};
#define NPROFILES (sizeof profiles / sizeof profiles[0])

static int jitter(uint64_t *s, int level)
{
	const unsigned r = rng_below(s, 10);
	level += r == 0 ? -1 : r == 1 ? 1 : 0;
	return level < 0 ? 0 : level > 3 ? 3 : level;
}

static uint64_t profile_skills(uint64_t *s, size_t p, unsigned count)
{
	uint64_t bits = 0;
	for (unsigned i = 0; i < count; i++)
		bits |= 1ull << (p * 8 + rng_below(s, 8));
	return bits;
}

static void gen_offer(uint64_t *s, struct match_offer *o, int64_t id)
{
	static const unsigned char hours[] = { 8, 12, 16, 20, 24, 32 };
	static const unsigned char extra[] = { 0, 4, 8, 16 };
	const size_t p = rng_below(s, NPROFILES);
	match_offer_init(o);
	o->id = id;
	const unsigned t = rng_below(s, 20);
	o->type = (uint8_t)(t < 8 ? MATCH_DETACHERING : t < 13 ? MATCH_PROEFPLAATSING :
			    t < 16 ? MATCH_WERKERVARINGSPLAATS : MATCH_VACATURE);
	o->hours_min = hours[rng_below(s, sizeof hours)];
	const unsigned max = o->hours_min + extra[rng_below(s, sizeof extra)];
	o->hours_max = (uint8_t)(max > 40 ? 40 : max);
	o->sector = (uint8_t)(rng_below(s, 4) == 0 ? rng_below(s, 21) : profiles[p].sectors[rng_below(s, 3)]);
	gen_location(s, &o->lat, &o->lon);
	for (int c = 0; c < MATCH_CATEGORY__COUNT; c++)
		match_offer_set_demand(o, (enum match_category)c, jitter(s, profiles[p].demand[c]));
	o->skills = profile_skills(s, p, 2 + rng_below(s, 3));
	o->employer_id = 1 + rng_below(s, 20000);
	o->guidance = (uint8_t)rng_below(s, 4);
	o->instruments = (uint8_t)(rng_next(s) & rng_next(s) & 0x3f);
	o->features = (uint8_t)(rng_next(s) & 0x7f);
	o->intent_to_hire = o->type == MATCH_VACATURE || rng_below(s, 2);
}

static void gen_candidate(uint64_t *s, struct match_candidate *c, int64_t id)
{
	static const unsigned short ranges[] = { 5, 10, 15, 20, 20, 25, 25, 30, 30, 40, 50, 60 };
	match_candidate_init(c);
	c->id = id;
	if (rng_below(s, 10) != 0)
		for (int t = 0; t < MATCH_TYPE__COUNT; t++)
			if (rng_below(s, 10) < 6)
				c->types |= (uint8_t)MATCH_BIT(t);
	c->hours_max = (uint8_t)(8 + 4 * rng_below(s, 9));
	c->hours_min = (uint8_t)(c->hours_max / 2);
	c->range_km = ranges[rng_below(s, sizeof ranges / sizeof ranges[0])];
	gen_location(s, &c->lat, &c->lon);
	for (int k = 0; k < MATCH_CATEGORY__COUNT; k++) {
		const unsigned r = rng_below(s, 20);
		match_candidate_set_capacity(c, (enum match_category)k,
			r < 2 ? MATCH_LEVEL_UNKNOWN : r < 3 ? 0 : r < 6 ? 1 : r < 11 ? 2 : 3);
	}
	const size_t p1 = rng_below(s, NPROFILES), p2 = rng_below(s, NPROFILES);
	c->skills = profile_skills(s, p1, 3 + rng_below(s, 4)) | profile_skills(s, p2, rng_below(s, 3));
	if (rng_below(s, 10) >= 3)
		c->sectors = (1ull << profiles[p1].sectors[0]) | (1ull << rng_below(s, 21));
	c->wishes = (uint8_t)(rng_next(s) & rng_next(s) & 0x7f);
	c->employer_id = 1 + rng_below(s, 20000);
	c->instruments = (uint8_t)(rng_next(s) & 0x3f);
}

/* ---- engines ---- */

struct data {
	struct match_offer *offers;
	size_t noffers;
	struct match_candidate *cands;
	size_t ncands;
};

struct engine {
	const char *name;
	size_t (*top_offers)(const struct data *d, size_t cand, struct match_result *out);
	size_t (*top_candidates)(const struct data *d, size_t offer, struct match_result *out);
};

static size_t inproc_top_offers(const struct data *d, size_t cand, struct match_result *out)
{
	return match_top_offers(&d->cands[cand], d->offers, d->noffers, TOP_K, out);
}

static size_t inproc_top_candidates(const struct data *d, size_t offer, struct match_result *out)
{
	return match_top_candidates(&d->offers[offer], d->cands, d->ncands, TOP_K, out);
}

static const struct engine engines[] = {
	{ "in-process", inproc_top_offers, inproc_top_candidates },
	/* { "sqlite", ... }, { "postgresql", ... }: through src/store, later. */
};

/* ---- measurement ---- */

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b)
{
	const double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Nearest-rank percentile of sorted samples. */
static double percentile(const double *sorted, size_t n, double p)
{
	size_t rank = (size_t)ceil(p / 100.0 * (double)n);
	return sorted[rank == 0 ? 0 : rank - 1];
}

static void report(const char *engine, const char *what, double *ms, size_t n, size_t found)
{
	qsort(ms, n, sizeof *ms, cmp_double);
	printf("%-10s %-28s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms  (%zu queries, %.1f results avg)\n",
	       engine, what, percentile(ms, n, 50), percentile(ms, n, 99), ms[n - 1], n,
	       (double)found / (double)n);
}

int main(int argc, char **argv)
{
	struct data d = {
		.noffers = argc > 1 ? (size_t)atol(argv[1]) : 1000000,
		.ncands = argc > 2 ? (size_t)atol(argv[2]) : 300000,
	};
	const size_t nq = argc > 3 ? (size_t)atol(argv[3]) : 200;
	if (d.noffers == 0 || d.ncands == 0 || nq == 0) {
		fprintf(stderr, "usage: match [OFFERS [CANDIDATES [QUERIES]]]\n");
		return 2;
	}
	d.offers = malloc(sizeof *d.offers * d.noffers);
	d.cands = malloc(sizeof *d.cands * d.ncands);
	double *ms = malloc(sizeof *ms * nq);
	if (d.offers == NULL || d.cands == NULL || ms == NULL) {
		fprintf(stderr, "match: out of memory\n");
		return 1;
	}
	uint64_t seed = 20251123;
	double t0 = now_ms();
	for (size_t i = 0; i < d.noffers; i++)
		gen_offer(&seed, &d.offers[i], (int64_t)i + 1);
	for (size_t i = 0; i < d.ncands; i++)
		gen_candidate(&seed, &d.cands[i], (int64_t)i + 1);
	printf("generated %zu offers (%zu bytes each) and %zu candidates (%zu bytes each) in %.0f ms\n",
	       d.noffers, sizeof *d.offers, d.ncands, sizeof *d.cands, now_ms() - t0);

	struct match_result out[TOP_K];
	int64_t checksum = 0;
	for (size_t e = 0; e < sizeof engines / sizeof engines[0]; e++) {
		const struct engine *en = &engines[e];
		uint64_t qs = 42;
		size_t found = 0;
		for (size_t q = 0; q < nq; q++) {
			const size_t cand = rng_below(&qs, (unsigned)d.ncands);
			const double t = now_ms();
			const size_t m = en->top_offers(&d, cand, out);
			ms[q] = now_ms() - t;
			found += m;
			for (size_t j = 0; j < m; j++)
				checksum += out[j].offer_id * out[j].total;
		}
		report(en->name, "top-20 offers per candidate", ms, nq, found);
		found = 0;
		for (size_t q = 0; q < nq; q++) {
			const size_t offer = rng_below(&qs, (unsigned)d.noffers);
			const double t = now_ms();
			const size_t m = en->top_candidates(&d, offer, out);
			ms[q] = now_ms() - t;
			found += m;
			for (size_t j = 0; j < m; j++)
				checksum += out[j].candidate_id * out[j].total;
		}
		report(en->name, "top-20 candidates per offer", ms, nq, found);
	}
	printf("checksum %lld\n", (long long)checksum);
	free(d.offers);
	free(d.cands);
	free(ms);
	return 0;
}
