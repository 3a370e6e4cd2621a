/* signals.h - the daily signal run's rule: which deadlines of a case need
 * attention today (due within the horizon, or overdue), and for whom; and
 * the reminders of placement monitoring: questionnaires that are open or
 * overdue, and risk-signal follow-ups due within the horizon or past. */
#ifndef SW_SIGNALS_H
#define SW_SIGNALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "monitor.h"
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

/* ---- placement monitoring reminders ------------------------------------ */

/* An unresolved risk signal of a placement. */
struct signal_followup {
	int64_t id;
	enum monitor_risk kind;
	sw_date follow_up;
};

/* What the run needs of one placement: its dates and schedule, which
 * questionnaires were answered, and its unresolved risk signals. */
struct signal_placement {
	sw_date start;
	sw_date ended;                    /* DATE_NONE: running */
	struct monitor_schedule schedule;
	bool answered[MONITOR_MOMENT__COUNT][MONITOR_PERSPECTIVE__COUNT];
	const struct signal_followup *followups;
	size_t nfollowups;
};

enum reminder_kind {
	REMINDER_VRAGENLIJST = 0,  /* a questionnaire is open or overdue */
	REMINDER_OPVOLGING,        /* a risk signal's follow-up is near or past */
};

struct reminder {
	enum reminder_kind kind;
	enum monitor_moment moment;           /* vragenlijst */
	enum monitor_perspective perspective; /* vragenlijst */
	const struct signal_followup *followup; /* opvolging: points into the input */
	bool overdue;        /* questionnaire te_laat, or follow-up date past */
	sw_date date;        /* due date of the questionnaire, or the follow-up date */
	int days;            /* date - today: negative when past */
	unsigned roles;      /* ROLE_BIT set of the parties who must act */
};

/* The parties who answer a perspective: werknemer; the werkgever of the
 * placement, which is a werkgever or netwerkwerkgever in the case; the
 * arbeidsdeskundige. */
unsigned signal_perspective_roles(enum monitor_perspective v);

/* Fills out[] (capacity max) with the reminders of one placement as of
 * today, questionnaires (moment, then perspective order) before follow-ups
 * (input order), and returns how many there are (which may exceed max).
 * A follow-up is the arbeidsdeskundige's, who monitors the placement; an
 * ended placement has no follow-ups left. */
size_t signals_for_placement(const struct signal_placement *p, sw_date today, int horizon_days,
			     struct reminder *out, size_t max);

/* "vragenlijst", "opvolging" */
const char *reminder_kind_name(enum reminder_kind kind);

#endif
