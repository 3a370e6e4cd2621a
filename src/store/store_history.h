/* store_history.h - the sick history: periods, events, art. 5 deviations. */
#ifndef SW_STORE_HISTORY_H
#define SW_STORE_HISTORY_H

#include "store/store_base.h"

/* ---- the sick history: periods, events, deviations (store_history.c) -- */

struct store_period {
	int64_t id;
	int64_t case_id;
	sw_date from;                    /* first sick day */
	sw_date to;                      /* last sick day, DATE_NONE while open */
	int percent;                     /* 1..100: percent_bp rounded up */
	int percent_bp;                  /* basis points (50.25% is 5025) */
	int zwangerschap;                /* 1: pregnancy-related (only whether, never why) */
};

/* An overlap with another period of the case is SW_EINVAL field "from". */
int store_period_insert(struct store *st, const struct store_period *p, int64_t *id,
			struct sw_error *err);
/* Records the recovery: to is the last sick day of the open period. */
int store_period_close(struct store *st, int64_t id, sw_date to, struct sw_error *err);
/* Sets or clears the pregnancy flag of a period. */
int store_period_set_zwangerschap(struct store *st, int64_t id, int on, struct sw_error *err);
int store_period_get(struct store *st, int64_t id, struct store_period *out,
		     struct sw_error *err);
/* The case's periods by first sick day. */
int store_period_list(struct store *st, struct store_arena *a, int64_t case_id,
		      struct store_period **out, size_t *n, struct sw_error *err);

struct store_event {
	int64_t id;
	int64_t case_id;
	enum tl_event_kind kind;         /* stored as tl_event_kind_name() */
	sw_date date;                    /* required (uitstel: the day of the request) */
	int value;                       /* weeks, for uitstel and loonsanctie */
	const char *note;                /* NULL when none */
	int64_t created_by;              /* the user who recorded it */
	const char *created_at;
	/* The kenmerk UWV gave (melding_uwv, wia_aanvraag); NULL when none.
	 * At most STORE_EVENT_REFERENCE_MAX characters. */
	const char *reference;
};

#define STORE_EVENT_REFERENCE_MAX 100

int store_event_insert(struct store *st, const struct store_event *e, int64_t *id,
		       struct sw_error *err);
/* store_event_insert for a step that happens once per case: SW_ECONFLICT
 * (field "kind", naming the day) when the case already has an event of
 * that kind, from a document or not. Locks the case first. */
int store_event_insert_once(struct store *st, const struct store_event *e, int64_t *id,
			    struct sw_error *err);
int store_event_get(struct store *st, struct store_arena *a, int64_t id, struct store_event *out,
		    struct sw_error *err);
/* The case's events by date. */
int store_event_list(struct store *st, struct store_arena *a, int64_t case_id,
		     struct store_event **out, size_t *n, struct sw_error *err);

/* Art. 5: employer and employee agreed in writing to depart from a
 * deadline. agreed_by_werknemer must be the case's employee and
 * agreed_by_werkgever must have a werkgever participation in the case. */
struct store_deviation {
	int64_t id;
	int64_t case_id;
	enum tl_code code;
	sw_date agreed_due;              /* DATE_NONE: the step is dropped */
	int64_t agreed_by_werkgever;
	int64_t agreed_by_werknemer;
	const char *reason;              /* required */
	const char *created_at;
};

int store_deviation_insert(struct store *st, const struct store_deviation *d, int64_t *id,
			   struct sw_error *err);
int store_deviation_get(struct store *st, struct store_arena *a, int64_t id,
			struct store_deviation *out, struct sw_error *err);
/* The case's deviations by id (a later one for the same step wins). */
int store_deviation_list(struct store *st, struct store_arena *a, int64_t case_id,
			 struct store_deviation **out, size_t *n, struct sw_error *err);

#endif
