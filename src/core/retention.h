/* retention.h - how long the data of a case may be kept (AVG: no longer
 * than needed). Pure: the store finds the dates, this decides.
 *
 * The term runs from the later of two ends: the end of the case and the
 * end of the employee's employment with the case's employer. A case that
 * still runs, or an employment that has no end yet, keeps the data; an
 * unknown employment (none recorded) leaves the end of the case alone. */
#ifndef SW_RETENTION_H
#define SW_RETENTION_H

#include <stdbool.h>

#include "core/date.h"

/* The default term: 2 years. */
#define RETENTION_DEFAULT_YEARS 2
#define RETENTION_MAX_YEARS 100

struct retention_input {
	sw_date case_end;          /* last day of the case; DATE_NONE: it runs */
	sw_date employment_end;    /* last day employed; DATE_NONE: none recorded */
	bool employed;             /* an employment without end */
	int years;                 /* the term, 1..RETENTION_MAX_YEARS */
};

enum retention_verdict {
	RETENTION_KEEP_CASE_RUNS = 0,   /* no end of case */
	RETENTION_KEEP_EMPLOYED,        /* still employed */
	RETENTION_KEEP_TERM,            /* the term has not passed */
	RETENTION_REMOVE,               /* the term passed: remove */
};

/* The day from which the data may go (*due: the later end plus the term,
 * 29 February to 28 February in a common year), and whether that is on or
 * before today. *due is DATE_NONE for the two KEEP_ verdicts without a
 * term. */
enum retention_verdict retention_decide(const struct retention_input *in, sw_date today,
					sw_date *due);

/* "zaak loopt", "in dienst", "termijn loopt", "verwijderen". */
const char *retention_verdict_name(enum retention_verdict v);

/* date + years calendar years. */
sw_date retention_add_years(sw_date date, int years);

#endif
