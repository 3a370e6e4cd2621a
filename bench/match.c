/* bench/match.c - top-K matching latency on one core.
 *
 * Generates OFFERS offers and CANDIDATES candidates with a deterministic
 * PRNG, spread over the Netherlands (lat 50.75..53.5, lon 3.4..7.2): three
 * quarters around cities weighted by size, the rest uniform. Job profiles
 * tie demands, skills and sectors together the way real vacancies do. Runs
 * QUERIES top-20 queries each way and prints p50 and p99 latency in ms.
 *
 * Usage: match [OFFERS [CANDIDATES [QUERIES [SQL_QUERIES]]]]
 *
 * With MATCH_SQLITE and/or MATCH_POSTGRESQL set to a database URL (a fresh
 * database: bench/match.sh makes them), the same data goes into the real
 * schema through store_migrate (placement_offers; zoekprofielen of open
 * cases with consent) and two more engines run SQL_QUERIES queries each
 * way: the naive query, all hard constraints and the score in one SQL
 * statement, ORDER BY score LIMIT 20, a full scan per query. It also times
 * what the API's in-memory copy costs on a change: store_offers_load and
 * store_candidates_load, one streaming scan each; and the candidate
 * pseudonyms of the teasers: created for the top-20 candidates shown per
 * offer (first showing) and read back (showing again), with the number of
 * pseudonyms stored afterwards (only the pairs shown, never per pair
 * scanned). */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/crypto.h"
#include "core/match.h"
#include "core/network.h"
#include "store/store.h"

#define TOP_K 20
/* Employers the generated offers and cases belong to (organisations). */
#define NORGS 200

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
	o->employer_id = 1 + rng_below(s, NORGS);
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
	c->employer_id = 1 + rng_below(s, NORGS);
	c->instruments = (uint8_t)(rng_next(s) & 0x3f);
}

/* ---- engines ---- */

struct data {
	struct match_offer *offers;
	size_t noffers;
	struct match_candidate *cands;
	size_t ncands;
	struct db_stmt *q_offers, *q_cands;  /* SQL engines: the naive queries */
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

/* ---- the naive SQL engine ----
 *
 * One statement per direction, written once for both backends. Hard
 * constraints as in match.h: offer type wanted, offer's minimum hours not
 * above the candidate's maximum, not the own employer, no demand above a
 * known capacity (an unknown one, '-', passes), within the travel range.
 * The distance is equirectangular (cos of the query side's latitude is a
 * parameter: no trigonometry per row), within 0.5% of the haversine over
 * the Netherlands. The score has match-v1's factors and weights in
 * simplified form; popcounts are sums of 64 bit tests, the way portable SQL
 * has to do them. */

#define SQL_MAX 32768

static void cat(char *buf, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void cat(char *buf, const char *fmt, ...)
{
	const size_t len = strlen(buf);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(buf + len, SQL_MAX - len, fmt, ap);
	va_end(ap);
}

/* popcount of a 64-bit integer expression. */
static void popcount(char *buf, const char *x)
{
	cat(buf, "(");
	for (int i = 0; i < 64; i++)
		cat(buf, "%s((%s >> %d) & 1)", i ? "+" : "", x, i);
	cat(buf, ")");
}

#define DBL(p) "CAST($" #p " AS DOUBLE PRECISION)"
#define LEVEL(col, i) "CAST(substr(" col ", " #i ", 1) AS INTEGER)"

/* Offers for one candidate. $1 wanted types (bits), $2 hours_max, $3
 * employer, $4..$15 capacity (unknown: 3), $16 lat, $17 lon, $18 cos lat,
 * $19 range_km, $20 hours_min, $21 skills, $22 sectors, $23 wishes,
 * $24..$35 1 where the capacity is unknown. */
static void sql_offers(char *q)
{
	char score[SQL_MAX] = "";
	cat(score, "15 * (1 - sqrt(dx * dx + dy * dy) / (" DBL(19) " + 0.001))"
		   " + 10 * (CASE WHEN o.hours_max >= CAST($20 AS INTEGER) THEN 1.0"
		   " ELSE CAST(o.hours_max AS DOUBLE PRECISION) / CAST($20 AS INTEGER) END)"
		   " + 20 * CAST(");
	popcount(score, "(o.skills & CAST($21 AS BIGINT))");
	cat(score, " AS DOUBLE PRECISION) / (CASE WHEN o.skills = 0 THEN 1 ELSE ");
	popcount(score, "o.skills");
	cat(score, " END) + 10 * (CASE WHEN CAST($22 AS BIGINT) = 0"
		   " OR ((CAST($22 AS BIGINT) >> o.sector) & 1) = 1 THEN 1 ELSE 0 END) + 15 * (0");
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		cat(score, " + CAST($%d AS INTEGER) - " LEVEL("o.demands", %d), 4 + i, i + 1);
	cat(score, ") / 36.0 + 5 * (1 - (0");
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		cat(score, " + (CASE WHEN substr(o.demands, %d, 1) <> '0' THEN CAST($%d AS INTEGER)"
			   " ELSE 0 END)", i + 1, 24 + i);
	cat(score, ") / 12.0) + 5 * (o.guidance & 1) + 5 * ((o.guidance >> 1) & 1)"
		   " + 10 * o.intent_to_hire + 5 * (CASE WHEN CAST($23 AS INTEGER) = 0 THEN 1.0"
		   " ELSE CAST(");
	popcount(score, "(o.features & CAST($23 AS INTEGER))");
	cat(score, " AS DOUBLE PRECISION) / ");
	popcount(score, "CAST($23 AS INTEGER)");
	cat(score, " END)");

	q[0] = '\0';
	cat(q, "SELECT id, score FROM (SELECT o.id, %s AS score FROM (SELECT o.*,"
	       " (CAST(o.lat_e6 AS DOUBLE PRECISION) / 1000000 - " DBL(16) ") * 111.195 AS dy,"
	       " (CAST(o.lon_e6 AS DOUBLE PRECISION) / 1000000 - " DBL(17) ") * 111.195 * " DBL(18)
	       " AS dx FROM placement_offers o WHERE o.status = 'open'"
	       " AND ((CASE o.type WHEN 'detachering' THEN 1 WHEN 'proefplaatsing' THEN 2"
	       " WHEN 'werkervaringsplaats' THEN 4 ELSE 8 END) & CAST($1 AS INTEGER)) <> 0"
	       " AND o.hours_min <= CAST($2 AS INTEGER) AND o.organisation_id <> CAST($3 AS BIGINT)",
	    score);
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		cat(q, " AND " LEVEL("o.demands", %d) " <= CAST($%d AS INTEGER)", i + 1, 4 + i);
	cat(q, ") o WHERE dx * dx + dy * dy <= " DBL(19) " * " DBL(19) ") r"
	       " ORDER BY score DESC, id LIMIT 20");
}

/* Candidates for one offer. $1 type bit, $2 hours_min, $3 employer, $4..$15
 * demand, $16 lat, $17 lon, $18 cos lat, $19 hours_max, $20 skills, $21
 * sector bit, $22 features, $23 guidance points, $24 intent points, $25
 * today. */
static void sql_cands(char *q)
{
	char score[SQL_MAX] = "";
	cat(score, "15 * (1 - sqrt(dx * dx + dy * dy) / (z.range_km + 0.001))"
		   " + 10 * (CASE WHEN CAST($19 AS INTEGER) >= z.hours_min THEN 1.0"
		   " ELSE CAST($19 AS DOUBLE PRECISION) / z.hours_min END)"
		   " + 20 * CAST(");
	popcount(score, "(z.skills & CAST($20 AS BIGINT))");
	cat(score, " AS DOUBLE PRECISION) / (CASE WHEN CAST($20 AS BIGINT) = 0 THEN 1 ELSE ");
	popcount(score, "CAST($20 AS BIGINT)");
	cat(score, " END) + 10 * (CASE WHEN z.sectors = 0 OR (z.sectors & CAST($21 AS BIGINT)) <> 0"
		   " THEN 1 ELSE 0 END) + 15 * (0");
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		cat(score, " + (CASE WHEN substr(z.capacities, %d, 1) = '-' THEN 3 ELSE "
			   LEVEL("z.capacities", %d) " END) - CAST($%d AS INTEGER)", i + 1, i + 1, 4 + i);
	cat(score, ") / 36.0 + 5 * (1 - (0");
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		cat(score, " + (CASE WHEN substr(z.capacities, %d, 1) = '-' AND CAST($%d AS INTEGER) > 0"
			   " THEN 1 ELSE 0 END)", i + 1, 4 + i);
	cat(score, ") / 12.0) + CAST($23 AS INTEGER) + CAST($24 AS INTEGER)"
		   " + 5 * (CASE WHEN z.wishes = 0 THEN 1.0 ELSE CAST(");
	popcount(score, "(z.wishes & CAST($22 AS INTEGER))");
	cat(score, " AS DOUBLE PRECISION) / ");
	popcount(score, "z.wishes");
	cat(score, " END)");

	q[0] = '\0';
	cat(q, "SELECT case_id, score FROM (SELECT z.case_id, %s AS score"
	       " FROM (SELECT z.*, c.organisation_id,"
	       " (CAST(z.lat_e6 AS DOUBLE PRECISION) / 1000000 - " DBL(16) ") * 111.195 AS dy,"
	       " (CAST(z.lon_e6 AS DOUBLE PRECISION) / 1000000 - " DBL(17) ") * 111.195 * " DBL(18)
	       " AS dx FROM zoekprofielen z JOIN cases c ON c.id = z.case_id"
	       " WHERE c.status = 'open' AND EXISTS (SELECT 1 FROM consents k"
	       " WHERE k.case_id = z.case_id AND k.kind = 'zoekprofiel_netwerk'"
	       " AND k.given_on <= $25 AND (k.revoked_on IS NULL OR k.revoked_on > $25))"
	       " AND (z.types = 0 OR (z.types & CAST($1 AS INTEGER)) <> 0)"
	       " AND z.hours_max >= CAST($2 AS INTEGER)"
	       " AND c.organisation_id <> CAST($3 AS BIGINT)", score);
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		cat(q, " AND (substr(z.capacities, %d, 1) = '-' OR " LEVEL("z.capacities", %d)
		       " >= CAST($%d AS INTEGER))", i + 1, i + 1, 4 + i);
	cat(q, ") z WHERE dx * dx + dy * dy <= CAST(z.range_km AS DOUBLE PRECISION) * z.range_km) r"
	       " ORDER BY score DESC, case_id LIMIT 20");
}

static void bind_dbl(struct db_stmt *q, int n, double v)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%.9f", v);
	db_bind_text(q, n, buf);
}

static size_t sql_run(struct db_stmt *q, int id_is_offer, struct match_result *out)
{
	struct sw_error err = { 0 };
	size_t n = 0;
	int rc;
	while ((rc = db_next(q, &err)) == 1) {
		if (n < TOP_K) {
			memset(&out[n], 0, sizeof out[n]);
			if (id_is_offer)
				out[n].offer_id = db_col_int(q, 0);
			else
				out[n].candidate_id = db_col_int(q, 0);
			out[n].total = (int32_t)(atof(db_col_text(q, 1)) * 100);
			n++;
		}
	}
	if (rc < 0) {
		fprintf(stderr, "match: sql: %s\n", err.message);
		exit(1);
	}
	return n;
}

static double cos_deg(float lat)
{
	return cos((double)lat * 3.14159265358979323846 / 180.0);
}

static size_t sql_top_offers(const struct data *d, size_t cand, struct match_result *out)
{
	const struct match_candidate *c = &d->cands[cand];
	struct db_stmt *q = d->q_offers;
	db_bind_int(q, 1, c->types ? c->types : MATCH_TYPES_ALL);
	db_bind_int(q, 2, c->hours_max);
	db_bind_int(q, 3, c->employer_id);
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++) {
		const int cap = match_candidate_capacity(c, (enum match_category)i);
		db_bind_int(q, 4 + i, cap == MATCH_LEVEL_UNKNOWN ? 3 : cap);
		db_bind_int(q, 24 + i, cap == MATCH_LEVEL_UNKNOWN);
	}
	bind_dbl(q, 16, c->lat);
	bind_dbl(q, 17, c->lon);
	bind_dbl(q, 18, cos_deg(c->lat));
	db_bind_int(q, 19, c->range_km);
	db_bind_int(q, 20, c->hours_min ? c->hours_min : 1);
	db_bind_int(q, 21, (int64_t)c->skills);
	db_bind_int(q, 22, (int64_t)c->sectors);
	db_bind_int(q, 23, c->wishes);
	return sql_run(q, 1, out);
}

static sw_date bench_today(void)
{
	return date_from_ymd(2026, 3, 2);
}

static size_t sql_top_candidates(const struct data *d, size_t offer, struct match_result *out)
{
	const struct match_offer *o = &d->offers[offer];
	struct db_stmt *q = d->q_cands;
	db_bind_int(q, 1, MATCH_BIT(o->type));
	db_bind_int(q, 2, o->hours_min);
	db_bind_int(q, 3, o->employer_id);
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		db_bind_int(q, 4 + i, match_offer_demand(o, (enum match_category)i));
	bind_dbl(q, 16, o->lat);
	bind_dbl(q, 17, o->lon);
	bind_dbl(q, 18, cos_deg(o->lat));
	db_bind_int(q, 19, o->hours_max);
	db_bind_int(q, 20, (int64_t)o->skills);
	db_bind_int(q, 21, (int64_t)(1ull << o->sector));
	db_bind_int(q, 22, o->features);
	db_bind_int(q, 23, 5 * (o->guidance & 1) + 5 * ((o->guidance >> 1) & 1));
	db_bind_int(q, 24, 10 * o->intent_to_hire);
	db_bind_date(q, 25, bench_today());
	return sql_run(q, 0, out);
}

/* ---- loading the generated data into the real schema ---- */

#define BATCH 500

static void die_err(const char *what, const struct sw_error *err)
{
	fprintf(stderr, "match: %s: %s%s%s\n", what, err->field, *err->field ? ": " : "",
		err->message);
	exit(1);
}

static void exec_or_die(struct db *db, const char *sql)
{
	struct sw_error err = { 0 };
	if (db_exec(db, sql, &err) != 0)
		die_err("load", &err);
}

/* Appends rows to a multi-row INSERT and runs it every BATCH rows. */
struct batch {
	struct db *db;
	const char *head;
	char *sql;
	size_t len, cap, rows;
};

static void batch_flush(struct batch *b)
{
	if (b->rows == 0)
		return;
	exec_or_die(b->db, b->sql);
	b->rows = 0;
	b->len = 0;
}

static void batch_row(struct batch *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void batch_row(struct batch *b, const char *fmt, ...)
{
	char row[512];
	va_list ap;
	va_start(ap, fmt);
	const int n = vsnprintf(row, sizeof row, fmt, ap);
	va_end(ap);
	const size_t need = b->len + strlen(b->head) + (size_t)n + 4;
	if (need > b->cap) {
		b->cap = need * 2;
		b->sql = realloc(b->sql, b->cap);
		if (b->sql == NULL) {
			fprintf(stderr, "match: out of memory\n");
			exit(1);
		}
	}
	if (b->rows == 0)
		b->len = (size_t)sprintf(b->sql, "%s", b->head);
	b->len += (size_t)sprintf(b->sql + b->len, "%s%s", b->rows ? "," : "", row);
	if (++b->rows == BATCH)
		batch_flush(b);
}

static void batch_end(struct batch *b)
{
	batch_flush(b);
	free(b->sql);
}

static int32_t e6(float deg)
{
	return (int32_t)lround((double)deg * 1e6);
}

/* Organisations 1..NORGS, user 1 (offers' author), offers 1..n; persons
 * 1..m of the register with cases 1..m, their zoekprofielen and consents. Ids follow
 * insertion order in a fresh database. */
static void load(struct store *st, const struct data *d)
{
	struct db *db = store_db(st);
	struct sw_error err = { 0 };
	int applied;
	if (store_migrate(st, &applied, &err) != 0)
		die_err("migrate", &err);
	if (db_begin(db, DB_WRITE, &err) != 0)
		die_err("begin", &err);
	struct batch b = { .db = db, .head = "INSERT INTO organisations (name, kind) VALUES " };
	for (int i = 1; i <= NORGS; i++)
		batch_row(&b, "('Werkgever %d', 'netwerk')", i);
	batch_end(&b);
	exec_or_die(db, "INSERT INTO users (email, name, organisation_id)"
			" VALUES ('bench@example.nl', 'Bench', 1)");
	b = (struct batch){ .db = db, .head =
		"INSERT INTO placement_offers (organisation_id, title, type, tasks, sector, hours_min,"
		" hours_max, postcode, lat_e6, lon_e6, demands, guidance, instruments, features,"
		" skills, intent_to_hire, created_by) VALUES " };
	for (size_t i = 0; i < d->noffers; i++) {
		const struct match_offer *o = &d->offers[i];
		int lv[MATCH_CATEGORY__COUNT];
		char levels[NETWORK_LEVELS_LEN + 1];
		for (int k = 0; k < MATCH_CATEGORY__COUNT; k++)
			lv[k] = match_offer_demand(o, (enum match_category)k);
		network_levels_format(lv, levels);
		batch_row(&b, "(%lld, 'Functie', '%s', 'Taken', %u, %u, %u, '1234 AB', %d, %d, '%s',"
			      " %u, %u, %u, %lld, %u, 1)",
			  (long long)o->employer_id, match_type_name((enum match_type)o->type),
			  o->sector, o->hours_min, o->hours_max, e6(o->lat), e6(o->lon), levels,
			  o->guidance, o->instruments, o->features, (long long)o->skills,
			  o->intent_to_hire);
	}
	batch_end(&b);
	b = (struct batch){ .db = db, .head =
		"INSERT INTO persons (organisation_id, personnel_number, name) VALUES " };
	for (size_t i = 0; i < d->ncands; i++)
		batch_row(&b, "(%lld, 'K%zu', 'Kandidaat %zu')", (long long)d->cands[i].employer_id,
			  i + 1, i + 1);
	batch_end(&b);
	b = (struct batch){ .db = db,
			    .head = "INSERT INTO cases (organisation_id, person_id) VALUES " };
	for (size_t i = 0; i < d->ncands; i++)
		batch_row(&b, "(%lld, %zu)", (long long)d->cands[i].employer_id, i + 1);
	batch_end(&b);
	b = (struct batch){ .db = db, .head =
		"INSERT INTO zoekprofielen (case_id, capacities, types, hours_min, hours_max,"
		" range_km, postcode, lat_e6, lon_e6, wishes, skills, sectors, instruments,"
		" updated_by) VALUES " };
	for (size_t i = 0; i < d->ncands; i++) {
		const struct match_candidate *c = &d->cands[i];
		int lv[MATCH_CATEGORY__COUNT];
		char levels[NETWORK_LEVELS_LEN + 1];
		for (int k = 0; k < MATCH_CATEGORY__COUNT; k++)
			lv[k] = match_candidate_capacity(c, (enum match_category)k);
		network_levels_format(lv, levels);
		batch_row(&b, "(%zu, '%s', %u, %u, %u, %u, '1234 AB', %d, %d, %u, %lld, %lld, %u, 1)",
			  i + 1, levels, c->types, c->hours_min, c->hours_max, c->range_km,
			  e6(c->lat), e6(c->lon), c->wishes, (long long)c->skills,
			  (long long)c->sectors, c->instruments);
	}
	batch_end(&b);
	b = (struct batch){ .db = db, .head =
		"INSERT INTO consents (case_id, kind, given_on) VALUES " };
	for (size_t i = 0; i < d->ncands; i++)
		batch_row(&b, "(%zu, 'zoekprofiel_netwerk', '2026-01-01')", i + 1);
	batch_end(&b);
	if (db_commit(db, &err) != 0)
		die_err("commit", &err);
	exec_or_die(db, "ANALYZE");
}

static const struct engine inproc = { "in-process", inproc_top_offers, inproc_top_candidates };

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

/* nq queries each way on engine e, drawn from the same seed for every engine. */
static void run(const char *name, const struct engine *e, const struct data *d, size_t nq,
		double *ms, int64_t *checksum)
{
	struct match_result out[TOP_K];
	uint64_t qs = 42;
	size_t found = 0;
	for (size_t q = 0; q < nq; q++) {
		const size_t cand = rng_below(&qs, (unsigned)d->ncands);
		const double t = now_ms();
		const size_t m = e->top_offers(d, cand, out);
		ms[q] = now_ms() - t;
		found += m;
		for (size_t j = 0; j < m; j++)
			*checksum += out[j].offer_id;
	}
	report(name, "top-20 offers per candidate", ms, nq, found);
	found = 0;
	for (size_t q = 0; q < nq; q++) {
		const size_t offer = rng_below(&qs, (unsigned)d->noffers);
		const double t = now_ms();
		const size_t m = e->top_candidates(d, offer, out);
		ms[q] = now_ms() - t;
		found += m;
		for (size_t j = 0; j < m; j++)
			*checksum += out[j].candidate_id;
	}
	report(name, "top-20 candidates per offer", ms, nq, found);
}

/* The pseudonyms of the top-20 candidates of nq offers, as
 * GET /offers/{id}/candidates shows them: twice, the first time creating
 * them. Prints the latency per page of 20 and how many were stored. */
static void run_pseudonyms(const char *name, struct store *st, const struct data *d, size_t nq,
			   double *ms)
{
	struct sw_error err = { 0 };
	struct match_result out[TOP_K];
	static const char *const what[] = { "pseudonyms, first showing", "pseudonyms, shown again" };
	size_t shown = 0;
	for (int pass = 0; pass < 2; pass++) {
		uint64_t qs = 7;
		shown = 0;
		for (size_t q = 0; q < nq; q++) {
			const size_t offer = rng_below(&qs, (unsigned)d->noffers);
			const size_t m = inproc_top_candidates(d, offer, out);
			const double t = now_ms();
			for (size_t j = 0; j < m; j++) {
				char token[STORE_PSEUDONYM_STRLEN];
				if (store_candidate_pseudonym(st, out[j].offer_id, out[j].candidate_id,
							      token, &err) != 0)
					die_err("store_candidate_pseudonym", &err);
			}
			ms[q] = now_ms() - t;
			shown += m;
		}
		report(name, what[pass], ms, nq, shown);
	}
	struct db_stmt *c = db_prepare(store_db(st), "SELECT COUNT(*) FROM candidate_pseudonyms",
				       0, &err);
	int64_t stored = -1;
	if (c == NULL || db_run_id(c, &stored, &err) != 0)
		die_err("count", &err);
	db_stmt_free(c);
	printf("%-10s %lld pseudonyms stored for %zu candidates shown of %zu x %zu pairs\n", name,
	       (long long)stored, shown, d->noffers, d->ncands);
}

/* Loads the data into the database at url, times the API's loads, runs
 * the naive SQL engine and the pseudonyms. */
static void run_sql(const char *name, const char *url, struct data *d, size_t nq, double *ms,
		    int64_t *checksum)
{
	static char q_offers[SQL_MAX], q_cands[SQL_MAX];
	struct sw_error err = { 0 };
	struct store *st = store_open(url, &err);
	if (st == NULL)
		die_err(url, &err);
	double t = now_ms();
	load(st, d);
	printf("%-10s loaded %zu offers and %zu candidates in %.0f ms\n", name, d->noffers,
	       d->ncands, now_ms() - t);
	/* What the API's in-memory copy costs after a change. */
	struct match_offer *offers;
	struct match_candidate *cands;
	size_t n;
	for (int rep = 0; rep < 3; rep++) {
		t = now_ms();
		if (store_offers_load(st, &offers, &n, &err) != 0)
			die_err("store_offers_load", &err);
		const double to = now_ms() - t;
		free(offers);
		t = now_ms();
		if (store_candidates_load(st, bench_today(), &cands, &n, &err) != 0)
			die_err("store_candidates_load", &err);
		printf("%-10s store_offers_load %.0f ms, store_candidates_load %.0f ms (%zu)\n", name,
		       to, now_ms() - t, n);
		free(cands);
	}
	sql_offers(q_offers);
	sql_cands(q_cands);
	struct db *db = store_db(st);
	if ((d->q_offers = db_prepare(db, q_offers, 0, &err)) == NULL ||
	    (d->q_cands = db_prepare(db, q_cands, 0, &err)) == NULL)
		die_err("prepare", &err);
	const struct engine sql = { name, sql_top_offers, sql_top_candidates };
	run(name, &sql, d, nq, ms, checksum);
	db_stmt_free(d->q_offers);
	db_stmt_free(d->q_cands);
	d->q_offers = d->q_cands = NULL;
	run_pseudonyms(name, st, d, nq, ms);
	store_close(st);
}

int main(int argc, char **argv)
{
	struct data d = {
		.noffers = argc > 1 ? (size_t)atol(argv[1]) : 1000000,
		.ncands = argc > 2 ? (size_t)atol(argv[2]) : 300000,
	};
	const size_t nq = argc > 3 ? (size_t)atol(argv[3]) : 200;
	const size_t nsql = argc > 4 ? (size_t)atol(argv[4]) : 10;
	setvbuf(stdout, NULL, _IOLBF, 0);        /* progress shows in a log */
	if (crypto_init() != 0) {
		fprintf(stderr, "match: cannot initialise libsodium\n");
		return 1;
	}
	if (d.noffers == 0 || d.ncands == 0 || nq == 0 || nsql == 0) {
		fprintf(stderr, "usage: match [OFFERS [CANDIDATES [QUERIES [SQL_QUERIES]]]]\n");
		return 2;
	}
	d.offers = malloc(sizeof *d.offers * d.noffers);
	d.cands = malloc(sizeof *d.cands * d.ncands);
	double *ms = malloc(sizeof *ms * (nq > nsql ? nq : nsql));
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

	int64_t checksum = 0;
	run(inproc.name, &inproc, &d, nq, ms, &checksum);
	static const struct { const char *name, *env; } dbs[] = {
		{ "sqlite", "MATCH_SQLITE" }, { "postgresql", "MATCH_POSTGRESQL" },
	};
	for (size_t i = 0; i < sizeof dbs / sizeof dbs[0]; i++) {
		const char *url = getenv(dbs[i].env);
		if (url != NULL && *url != '\0')
			run_sql(dbs[i].name, url, &d, nsql, ms, &checksum);
	}
	printf("checksum %lld\n", (long long)checksum);
	free(d.offers);
	free(d.cands);
	free(ms);
	return 0;
}
