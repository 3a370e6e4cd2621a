/* bench/stats.c - absence statistics over 10,000,000 absence records of
 * 400,000 employees, reported over one year, on one core. Prints seconds.
 *
 *   stats [ABSENCES] [EMPLOYEES]                 generated in memory
 *   stats --database URL [ABSENCES] [EMPLOYEES]  generated in the database
 *       (INSERT ... SELECT over a recursive CTE in SQLite, generate_series
 *       in PostgreSQL), read back through store_stats_load, then computed
 *
 * The database must be empty (it is migrated here); bench/stats.sh runs
 * both stores. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/stats.h"
#include "store/store.h"

static uint64_t rng_next(uint64_t *s)
{
	/* xorshift64*: deterministic, so runs are comparable */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static int rng_below(uint64_t *s, int n)
{
	return (int)(rng_next(s) % (uint64_t)n);
}

/* Mostly short absences, some medium, a few long (the usual 70/25/5). */
static int record_length(uint64_t *rng)
{
	const int r = rng_below(rng, 100);
	if (r < 70)
		return 1 + rng_below(rng, 5);
	if (r < 95)
		return 5 + rng_below(rng, 36);
	return 40 + rng_below(rng, 360);
}

static const double factors[] = { 1.0, 1.0, 1.0, 0.9, 0.8, 0.6, 0.5 };

/* The absences of one employee: nrec records in cases of 1..3 records
 * (the sick fraction changes), starting on or after `start`. Returns the
 * last sick day (DATE_NONE when the last case is still open). */
static sw_date gen_absences(struct stats_absence *a, size_t nrec, int64_t employee,
			    int64_t *case_id, sw_date start, uint64_t *rng)
{
	sw_date t = start + rng_below(rng, 60);
	size_t k = 0;
	while (k < nrec) {
		size_t parts = rng_below(rng, 8) == 0 ? 2 + (size_t)rng_below(rng, 2) : 1;
		if (parts > nrec - k)
			parts = nrec - k;
		(*case_id)++;
		for (size_t i = 0; i < parts; i++, k++) {
			const int len = record_length(rng);
			a[k] = (struct stats_absence){ *case_id, employee, t, t + len - 1,
						      i == 0 ? 1.0 : 0.5, rng_below(rng, 100) == 0 };
			a[k].pregnancy = a[k - i].pregnancy;
			t += len;
		}
		t += 1 + rng_below(rng, 300);   /* recovered, then a new case */
	}
	if (rng_below(rng, 30) == 0) {
		a[nrec - 1].to = DATE_NONE;    /* still sick */
		return DATE_NONE;
	}
	return a[nrec - 1].to;
}

/* Employment from `start`; sometimes a new deeltijdfactor later; some left
 * after their last absence. Returns the number of records written. */
static size_t gen_employment(struct stats_employment *e, int64_t employee, sw_date start,
			     sw_date last_sick, uint64_t *rng)
{
	const double f = factors[rng_below(rng, 7)];
	size_t n = 0;
	e[n++] = (struct stats_employment){ employee, start, DATE_NONE, f };
	if (rng_below(rng, 10) < 3) {
		const sw_date change = start + 1 + rng_below(rng, 1500);
		e[0].until = change - 1;
		e[n++] = (struct stats_employment){ employee, change, DATE_NONE, factors[rng_below(rng, 7)] };
	}
	if (last_sick != DATE_NONE && rng_below(rng, 10) == 0) {
		const sw_date end = last_sick + 1 + rng_below(rng, 200);
		if (end > e[n - 1].from)
			e[n - 1].until = end;
	}
	return n;
}

static void generate(struct stats_employment *e, size_t *ne, struct stats_absence *a, size_t na,
		     size_t nemployees)
{
	uint64_t rng = 0x5eedf00dcafeULL;
	const sw_date origin = date_from_ymd(2015, 1, 1);
	int64_t case_id = 0;
	size_t k = 0;
	*ne = 0;
	for (size_t i = 0; i < nemployees; i++) {
		/* Spread the records evenly; the remainder goes to the first ones. */
		const size_t nrec = na / nemployees + (i < na % nemployees);
		const sw_date start = origin + rng_below(&rng, 2000);
		const int64_t id = (int64_t)i + 1;
		const sw_date last = nrec ? gen_absences(a + k, nrec, id, &case_id, start, &rng) : start;
		*ne += gen_employment(e + *ne, id, start, last, &rng);
		k += nrec;
	}
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static int report(const char *label, const struct stats_params *p, const struct stats_input *in)
{
	struct stats_report r;
	struct timespec t0;
	size_t bad;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	const enum stats_error err = stats_compute(p, in, &r, &bad);
	const double s = seconds_since(&t0);
	if (err != STATS_OK) {
		fprintf(stderr, "stats: record %zu: %s\n", bad, stats_error_message(err));
		return 1;
	}
	printf("stats: %-28s %.3f s  (verzuim %.3f%%, frequentie %.2f, duur %.1f d, nulverzuim %.1f%%)\n",
	       label, s, r.verzuimpercentage, r.meldingsfrequentie, r.gemiddelde_verzuimduur,
	       r.nulverzuim_percentage);
	return 0;
}

/* ---- the store ------------------------------------------------------------ */

/* Rows of one organisation: per employee a person of the register, an
 * employment from 2022-01-01 + (id mod 365) with a deeltijdfactor from id
 * (contract hours of a 40-hour norm), a case of that employment, and `per`
 * closed sick periods in slots of 60 days from the day after: one in ten
 * of 1..45 days, the rest of 1..7 (hash of case and slot); one in five at
 * 50%, one in a hundred pregnancy-related. The periods are written as the
 * derived rows the statistics read (the mutations they come from are not
 * what this bench measures). Same rows in both dialects. */
#define FACTOR "CASE id %% 7 WHEN 3 THEN 0.9 WHEN 4 THEN 0.8 WHEN 5 THEN 0.6 WHEN 6 THEN 0.5" \
	       " ELSE 1.0 END"
#define PERCENT "CASE WHEN (c.id + k.j) %% 5 = 0 THEN 50 ELSE 100 END"
static const char *const gen_sqlite[] = {
	"WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < %zu)"
	" INSERT INTO persons (organisation_id, personnel_number, name)"
	" SELECT %lld, 'B' || n, 'Werknemer ' || n FROM s",
	"INSERT INTO employments (person_id, organisation_id, from_date, contract_hours,"
	" norm_hours, factor)"
	" SELECT id, %lld, date('2022-01-01', '+' || (id %% 365) || ' days'), f * 40, 40, f"
	" FROM (SELECT id, " FACTOR " AS f FROM persons WHERE organisation_id = %lld)",
	"INSERT INTO cases (organisation_id, person_id, employment_id)"
	" SELECT %lld, person_id, id FROM employments WHERE organisation_id = %lld ORDER BY id",
	"WITH RECURSIVE k(j) AS (SELECT 0 UNION ALL SELECT j + 1 FROM k WHERE j < %zu - 1)"
	" INSERT INTO sick_periods (case_id, from_date, to_date, percent, percent_bp, zwangerschap)"
	" SELECT c.id, date(e.from_date, '+' || (1 + k.j * 60) || ' days'),"
	" date(e.from_date, '+' || (1 + k.j * 60 + (c.id * 31 + k.j * 17) %% CASE WHEN (c.id + k.j * 3) %% 10 = 0 THEN 45 ELSE 7 END) || ' days'),"
	" " PERCENT ", " PERCENT " * 100,"
	" CASE WHEN (c.id * 7 + k.j) %% 100 = 0 THEN 1 ELSE 0 END"
	" FROM cases c JOIN employments e ON e.id = c.employment_id, k"
	" WHERE c.organisation_id = %lld",
	"ANALYZE",
};
static const char *const gen_pg[] = {
	"INSERT INTO persons (organisation_id, personnel_number, name)"
	" SELECT %2$lld, 'B' || n, 'Werknemer ' || n FROM generate_series(1, %1$zu) n",
	"INSERT INTO employments (person_id, organisation_id, from_date, contract_hours,"
	" norm_hours, factor)"
	" SELECT id, %1$lld, DATE '2022-01-01' + (id %% 365)::int, f * 40, 40, f"
	" FROM (SELECT id, " FACTOR " AS f FROM persons WHERE organisation_id = %1$lld) x",
	"INSERT INTO cases (organisation_id, person_id, employment_id)"
	" SELECT %1$lld, person_id, id FROM employments WHERE organisation_id = %1$lld ORDER BY id",
	"INSERT INTO sick_periods (case_id, from_date, to_date, percent, percent_bp, zwangerschap)"
	" SELECT c.id, e.from_date + (1 + k.j * 60)::int,"
	" e.from_date + (1 + k.j * 60 + (c.id * 31 + k.j * 17) %% CASE WHEN (c.id + k.j * 3) %% 10 = 0 THEN 45 ELSE 7 END)::int,"
	" " PERCENT ", " PERCENT " * 100,"
	" CASE WHEN (c.id * 7 + k.j) %% 100 = 0 THEN 1 ELSE 0 END"
	" FROM cases c JOIN employments e ON e.id = c.employment_id,"
	" generate_series(0, %1$zu - 1) k(j) WHERE c.organisation_id = %2$lld",
	"ANALYZE",
};

static int run_sql(struct store *st, const char *sql)
{
	struct sw_error err = { 0 };
	if (db_exec(store_db(st), sql, &err) != 0) {
		fprintf(stderr, "stats: %s\n%s\n", err.message, sql);
		return -1;
	}
	return 0;
}

static int generate_db(struct store *st, int64_t org, size_t nemployees, size_t per)
{
	char sql[2048];
	const long long o = (long long)org;
	if (db_dialect(store_db(st)) == DB_SQLITE) {
		snprintf(sql, sizeof sql, gen_sqlite[0], nemployees, o);
		if (run_sql(st, sql) != 0)
			return -1;
		snprintf(sql, sizeof sql, gen_sqlite[1], o, o);
		if (run_sql(st, sql) != 0)
			return -1;
		snprintf(sql, sizeof sql, gen_sqlite[2], o, o);
		if (run_sql(st, sql) != 0)
			return -1;
		snprintf(sql, sizeof sql, gen_sqlite[3], per, o);
		return run_sql(st, sql) != 0 || run_sql(st, gen_sqlite[4]) != 0 ? -1 : 0;
	}
	snprintf(sql, sizeof sql, gen_pg[0], nemployees, o);
	if (run_sql(st, sql) != 0)
		return -1;
	snprintf(sql, sizeof sql, gen_pg[1], o);
	if (run_sql(st, sql) != 0)
		return -1;
	snprintf(sql, sizeof sql, gen_pg[2], o);
	if (run_sql(st, sql) != 0)
		return -1;
	snprintf(sql, sizeof sql, gen_pg[3], per, o);
	return run_sql(st, sql) != 0 || run_sql(st, gen_pg[4]) != 0 ? -1 : 0;
}

static int bench_db(const char *url, size_t na, size_t nemployees)
{
	struct sw_error err = { 0 };
	struct store *st = store_open(url, &err);
	if (st == NULL || store_migrate(st, NULL, &err) != 0) {
		fprintf(stderr, "stats: %s: %s\n", url, err.message);
		if (st != NULL)
			store_close(st);
		return 1;
	}
	const char *name = db_dialect(store_db(st)) == DB_SQLITE ? "sqlite" : "postgresql";
	const size_t per = na / nemployees;
	const struct store_org org = { .name = "Benchmark BV", .kind = STORE_ORG_WERKGEVER };
	int64_t org_id;
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (store_org_insert(st, &org, &org_id, &err) != 0 ||
	    db_begin(store_db(st), DB_WRITE, &err) != 0 ||
	    generate_db(st, org_id, nemployees, per) != 0 || db_commit(store_db(st), &err) != 0) {
		fprintf(stderr, "stats: generate: %s\n", err.message);
		store_close(st);
		return 1;
	}
	printf("stats: %s: %zu sick periods, %zu employees generated in %.3f s\n", name,
	       per * nemployees, nemployees, seconds_since(&t0));

	struct store_stats_data d;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (store_stats_load(st, org_id, &d, &err) != 0) {
		fprintf(stderr, "stats: load: %s\n", err.message);
		store_close(st);
		return 1;
	}
	printf("stats: %s: %-22s %.3f s  (%zu absences, %zu employments)\n", name,
	       "read through the store", seconds_since(&t0), d.nabsences, d.nemployments);
	const struct stats_input in = { d.employments, d.nemployments, d.absences, d.nabsences };
	struct stats_params p = stats_params_standard(date_from_ymd(2025, 1, 1),
						      date_from_ymd(2025, 12, 31));
	int rc = report("calendar days (standard)", &p, &in);
	p.basis = STATS_WORKING_DAYS;
	rc |= report("working days", &p, &in);
	store_stats_data_free(&d);
	store_close(st);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc > 2 && strcmp(argv[1], "--database") == 0)
		return bench_db(argv[2], argc > 3 ? (size_t)atol(argv[3]) : 10000000,
				argc > 4 ? (size_t)atol(argv[4]) : 400000);
	const size_t na = argc > 1 ? (size_t)atol(argv[1]) : 10000000;
	const size_t nemployees = argc > 2 ? (size_t)atol(argv[2]) : 400000;
	struct stats_absence *a = malloc(sizeof *a * (na ? na : 1));
	struct stats_employment *e = malloc(sizeof *e * 2 * (nemployees ? nemployees : 1));
	if (a == NULL || e == NULL || nemployees == 0)
		return 1;
	size_t ne;
	generate(e, &ne, a, na, nemployees);   /* the store load plugs in here */
	const struct stats_input in = { e, ne, a, na };

	struct stats_params p = stats_params_standard(date_from_ymd(2025, 1, 1),
						      date_from_ymd(2025, 12, 31));
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	size_t bad;
	if (stats_check(&p, &in, &bad) != STATS_OK) {
		fprintf(stderr, "stats: generated data invalid at %zu\n", bad);
		return 1;
	}
	printf("stats: %zu absences, %zu employments, %zu employees, year 2025, one core\n",
	       na, ne, nemployees);
	printf("stats: %-28s %.3f s\n", "check only", seconds_since(&t0));
	int rc = report("calendar days (standard)", &p, &in);
	p.basis = STATS_WORKING_DAYS;
	rc |= report("working days", &p, &in);
	p.basis = STATS_CALENDAR_DAYS;
	p.cap_730 = 0;
	p.include_pregnancy = 1;
	rc |= report("no cap, pregnancy in", &p, &in);
	free(a);
	free(e);
	return rc;
}
