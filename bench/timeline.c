/* bench/timeline.c - the engine over 1,000,000 generated cases on one core.
 * Prints cases per second. Usage: timeline [CASES] */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/signals.h"
#include "core/timeline.h"

struct gen_case {
	struct tl_period p[3];
	size_t np;
	struct tl_event e[4];
	size_t ne;
};

static uint64_t rng_next(uint64_t *s)
{
	/* xorshift64*: deterministic, so runs are comparable */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 2685821657736338717ULL;
}

static void generate(struct gen_case *c, uint64_t *rng, sw_date today)
{
	const sw_date start = today - (sw_date)(rng_next(rng) % 760);
	c->np = 1 + rng_next(rng) % 3;
	sw_date from = start;
	for (size_t i = 0; i < c->np; i++) {
		const int len = 5 + (int)(rng_next(rng) % 120);
		c->p[i].from = from;
		c->p[i].to = i + 1 < c->np ? from + len - 1 : DATE_NONE;
		c->p[i].percent = 50 + (int)(rng_next(rng) % 51);
		from += len + 3 + (int)(rng_next(rng) % 30); /* some gaps >= 28 days */
	}
	c->ne = rng_next(rng) % 5;
	for (size_t i = 0; i < c->ne; i++) {
		c->e[i].kind = (enum tl_event_kind)(i == 3 ? TL_EV_VOORTGANGSGESPREK : i);
		c->e[i].date = start + 5 + (sw_date)(i * 20);
		c->e[i].value = 0;
	}
}

int main(int argc, char **argv)
{
	const long ncases = argc > 1 ? atol(argv[1]) : 1000000;
	const sw_date today = date_from_ymd(2026, 11, 23);
	struct gen_case *cases = malloc(sizeof *cases * (size_t)ncases);
	if (cases == NULL)
		return 1;
	uint64_t rng = 0x5eedf00dcafeULL;
	for (long i = 0; i < ncases; i++)
		generate(&cases[i], &rng, today);

	struct timespec t0, t1;
	struct tl_timeline tl;
	struct signal sig[TL_MAX_DEADLINES];
	size_t deadlines = 0, signals = 0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (long i = 0; i < ncases; i++) {
		struct tl_input in = { cases[i].p, cases[i].np, cases[i].e, cases[i].ne, NULL, 0, today };
		if (tl_compute(&in, &tl, NULL) != TL_OK)
			return 1;
		deadlines += tl.n;
		signals += signals_for_timeline(&tl, today, SIGNALS_HORIZON_DAYS, sig, TL_MAX_DEADLINES);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	const double s = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("timeline: %ld cases, %zu deadlines, %zu signals in %.3f s on one core: %.0f cases/s\n",
	       ncases, deadlines, signals, s, (double)ncases / s);
	free(cases);
	return 0;
}
