/* info.h - the library of short information modules offered actively
 * (DOMAIN.md section 1: "information must be offered actively, at the right
 * moment"). Each module names its audience and the moments of the timeline
 * that make it relevant; info_relevant picks the ones a party of a case
 * should see today. Pure: no I/O, no allocation. */
#ifndef SW_INFO_H
#define SW_INFO_H

#include <stddef.h>

#include "role.h"
#include "timeline.h"

enum info_trigger_kind {
	INFO_NONE = 0,     /* unused trigger slot */
	INFO_WEEK,         /* the case reached sick week n */
	INFO_STEP_OPEN,    /* the step is open, overdue, done or deviated: no longer only planned */
	INFO_STEP_DONE,    /* the step is done */
	INFO_EVENT,        /* an event of this kind is recorded */
};

struct info_trigger {
	enum info_trigger_kind kind;
	int week;                  /* INFO_WEEK */
	enum tl_code step;         /* INFO_STEP_OPEN, INFO_STEP_DONE */
	enum tl_event_kind event;  /* INFO_EVENT */
};

/* Any one trigger makes a module relevant; it stays so while the case
 * runs, so that what was offered can be read back. */
#define INFO_MAX_TRIGGERS 2

struct info_module {
	const char *code;          /* API value, stable: read receipts name it */
	unsigned roles;            /* ROLE_BIT() set of the audience */
	struct info_trigger triggers[INFO_MAX_TRIGGERS];
	const char *title_nl;
	const char *summary_nl;    /* one sentence */
	const char *body_nl;       /* paragraphs separated by "\n\n" */
	const char *title_en;
	const char *summary_en;
	const char *body_en;
};

/* The library, in timeline order. */
size_t info_count(void);
const struct info_module *info_at(size_t i);
/* The module with this code, NULL if none. */
const struct info_module *info_find(const char *code);

/* Writes to out (room for max) the modules for role that the case's
 * timeline tl (computed from in) makes relevant, in library order, and
 * returns how many. An ended case has none. */
size_t info_relevant(const struct tl_timeline *tl, const struct tl_input *in, enum role role,
		     const struct info_module **out, size_t max);

#endif
