/* signals.h - the daily signal run's rule: which deadlines of a case need
 * attention today (due within the horizon, or overdue), and for whom. */
#ifndef SW_SIGNALS_H
#define SW_SIGNALS_H

#include <stddef.h>

#include "timeline.h"

enum signal_kind {
	SIGNAL_BINNENKORT = 0,  /* due within the horizon */
	SIGNAL_TE_LAAT,         /* past due_effective, not done */
	SIGNAL_AFSPRAAK,        /* art. 5 agreed date within the horizon or past */
};

struct signal {
	enum signal_kind kind;
	const struct tl_deadline *deadline;  /* points into the timeline */
	sw_date date;        /* the date that triggered it (due_effective or agreed) */
	int days;            /* date - today: negative when overdue */
	unsigned roles;      /* ROLE_BIT set of the parties who must act */
};

#define SIGNALS_HORIZON_DAYS 14

/* Fills out[] (capacity max) with the signals of one computed timeline and
 * returns how many there are (which may exceed max: then out is truncated). */
size_t signals_for_timeline(const struct tl_timeline *tl, sw_date today, int horizon_days,
			    struct signal *out, size_t max);

const char *signal_kind_name(enum signal_kind kind);

#endif
