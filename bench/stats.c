/* bench/stats.c - absence statistics over 10,000,000 generated absence
 * records of 400,000 employees, reported over one year, on one core.
 * Prints seconds. Usage: stats [ABSENCES] [EMPLOYEES]
 *
 * In-memory only. The store benchmark plugs in where generate() is called:
 * load the same shape of rows from SQLite/PostgreSQL through the store
 * (employments and absence periods ORDER BY employee, from) into the two
 * arrays, time the load separately, then time stats_compute() exactly as
 * below. */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/stats.h"

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

int main(int argc, char **argv)
{
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
