/* store_scan.h - the daily scan over every open case. */
#ifndef SW_STORE_SCAN_H
#define SW_STORE_SCAN_H

#include "store/store_base.h"
#include "store/store_timeline.h"

/* ---- the daily scan (store_scan.c) ------------------------------------- */

struct store_participant {
	int64_t user_id;
	const char *name;
	const char *email;
	enum role role;
};

/* A placement of a scanned case: which questionnaires were answered and
 * its unresolved risk signals (facts.followups points into the scan). */
struct store_scan_placement {
	int64_t id;
	struct signal_placement facts;
};

/* One open case as the scan delivers it. Everything points into the scan's
 * buffers and is valid only during the callback. */
struct store_scan_case {
	int64_t case_id;
	int64_t organisation_id;
	const char *employee_name;
	struct store_case_input input;   /* may have no periods yet */
	const struct store_participant *participants; /* active on today */
	size_t nparticipants;
	const struct store_scan_placement *placements; /* by id */
	size_t nplacements;
};

/* Returns 0 to go on, -1 (with err set) to stop the scan. */
typedef int (*store_scan_fn)(const struct store_scan_case *c, void *ctx, struct sw_error *err);

/* Calls fn once per open case, in case id order, with its periods, events,
 * deviations, the participants active on today and its placements. Reads a few ordered
 * queries side by side and merges them, in one read-only snapshot: no query
 * per case. Returns -1 when fn stopped it or the store failed. */
int store_scan_cases(struct store *st, sw_date today, store_scan_fn fn, void *ctx,
		     struct sw_error *err);

#endif
