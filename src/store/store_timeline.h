/* store_timeline.h - engine input, materialised deadlines and a page of the case list. */
#ifndef SW_STORE_TIMELINE_H
#define SW_STORE_TIMELINE_H

#include "store/store_base.h"
#include "store/store_history.h"

/* ---- engine input and deadlines (store_timeline.c) --------------------- */

/* A case's history as the engine takes it; owns its arrays. Periods are
 * sorted by first sick day, events by date, deviations by id. The cap_
 * fields are bookkeeping of the store. */
struct store_case_input {
	struct tl_period *periods;
	size_t nperiods, cap_periods;
	struct tl_event *events;
	size_t nevents, cap_events;
	struct tl_deviation *deviations;
	size_t ndeviations, cap_deviations;
};

/* Loads into *in (zero-initialised, or holding an earlier load whose arrays
 * are reused). Free with store_case_input_free. */
int store_case_load_input(struct store *st, int64_t case_id, struct store_case_input *in,
			  struct sw_error *err);
void store_case_input_free(struct store_case_input *in);

/* The engine's view of in for the given day (points into in). */
void store_case_input_tl(const struct store_case_input *in, sw_date today, struct tl_input *out);

/* Computes the case's timeline for today and replaces its rows in the
 * deadlines table in one transaction. A case without sick periods has no
 * deadlines. */
int store_case_refresh_deadlines(struct store *st, int64_t case_id, sw_date today,
				 struct sw_error *err);

/* A materialised deadline, as written by the last refresh. */
struct store_deadline {
	int64_t case_id;
	struct tl_deadline d;
	const char *rule_version;
	sw_date computed_on;             /* the "today" of the refresh */
};

/* The case's deadlines in timeline order. */
int store_deadline_list(struct store *st, struct store_arena *a, int64_t case_id,
			struct store_deadline **out, size_t *n, struct sw_error *err);

/* ---- a page of the case list (store_timeline.c) ------------------------ */

/* What GET /cases shows of one case besides the case row. */
struct store_case_page_item {
	int64_t case_id;                 /* set by the caller */
	const char *employee_name;       /* NULL if the user is gone */
	const char *organisation_name;
	struct store_case_input input;   /* owned: store_case_page_free */
	struct store_deadline *deadlines; /* in the arena, timeline order */
	size_t ndeadlines;
};

/* Loads items[0..n) - zero-initialised but for case_id, ascending, each a
 * case the caller was allowed to see - with five queries whatever n is
 * (names, periods, events, deviations, deadlines of the cases in the ids'
 * range). Free with store_case_page_free, also after an error. */
int store_case_page_load(struct store *st, struct store_arena *a,
			 struct store_case_page_item *items, size_t n, struct sw_error *err);
void store_case_page_free(struct store_case_page_item *items, size_t n);

#endif
