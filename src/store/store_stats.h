/* store_stats.h - employments and the input of the absence statistics. */
#ifndef SW_STORE_STATS_H
#define SW_STORE_STATS_H

#include "store/store_base.h"

/* ---- absence statistics input (store_stats.c) --------------------------- */

/* An employment of a person of the register with its organisation
 * (DOMAIN.md 2a): from, until (inclusive; DATE_NONE open), contract and
 * norm hours per week (0 < contract <= norm) and the deeltijdfactor
 * contract / norm, kept for the statistics scan. A person may hold
 * several at once; a sickness belongs to one. */
struct store_employment {
	int64_t id;
	int64_t person_id;
	int64_t organisation_id;
	sw_date from;
	sw_date until;
	double contract_hours;
	double norm_hours;
	double factor;                   /* computed on insert and update */
	const char *functie;             /* NULL: not recorded */
};

/* The person must be of the organisation (SW_EINVAL "person_id"). */
int store_employment_insert(struct store *st, const struct store_employment *e, int64_t *id,
			    struct sw_error *err);
/* Replaces until, hours and functie (checked as on insert). */
int store_employment_update(struct store *st, const struct store_employment *e,
			    struct sw_error *err);
int store_employment_get(struct store *st, struct store_arena *a, int64_t id,
			 struct store_employment *out, struct sw_error *err);
/* A page of the organisation's employments by person, from; *total counts all. */
int store_employment_list(struct store *st, struct store_arena *a, int64_t organisation_id,
			  int64_t offset, int limit, struct store_employment **out, size_t *n,
			  int64_t *total, struct sw_error *err);
/* The person's employments by from. */
int store_employment_list_person(struct store *st, struct store_arena *a, int64_t person_id,
				 struct store_employment **out, size_t *n, struct sw_error *err);

/* What core/stats.h takes for one organisation, malloc'ed (the sets can be
 * millions of rows; no arena). Free with store_stats_data_free. */
struct store_stats_data {
	struct stats_employment *employments;
	size_t nemployments;
	struct stats_absence *absences;
	size_t nabsences;
	int64_t *unlinked;               /* cases outside any employment */
	size_t nunlinked;
};

/* Loads the organisation's employments and the sick periods of its cases
 * (not the withdrawn), sorted as stats_check wants them (employee, from):
 * the statistics' employee is the employment (a sickness belongs to one,
 * and a person may hold several), a sick period is a stats_absence with
 * the case's employment and percent_bp / 10000. Cases without an employment
 * are listed in unlinked. One read-only snapshot, streamed. */
int store_stats_load(struct store *st, int64_t organisation_id, struct store_stats_data *out,
		     struct sw_error *err);
void store_stats_data_free(struct store_stats_data *d);

/* The second-track facts of the organisation's cases with a sick day in
 * [from, to], malloc'ed into *out (free()). The outcome is derived: a
 * placement not ended at another employer is nieuwe_werkgever, at the own
 * organisation eigen_werkgever; else a WIA application is wia; else an open
 * case is lopend, a closed one anders. */
int store_stats_track(struct store *st, int64_t organisation_id, sw_date from, sw_date to,
		      struct stats_track_case **out, size_t *n, struct sw_error *err);

#endif
