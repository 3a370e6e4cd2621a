/* store_monitor.h - durable placement monitoring. */
#ifndef SW_STORE_MONITOR_H
#define SW_STORE_MONITOR_H

#include "store/store_base.h"

/* ---- placement monitoring (store_monitor.c) ----------------------------- */

enum store_placement_kind {
	STORE_PLACEMENT_DETACHERING = 0,
	STORE_PLACEMENT_PROEFPLAATSING,
	STORE_PLACEMENT_WERKERVARINGSPLAATS,
	STORE_PLACEMENT_DIENSTVERBAND,
	STORE_PLACEMENT_KIND__COUNT
};

/* API value: "detachering", "proefplaatsing", "werkervaringsplaats",
 * "dienstverband"; the list is NULL-terminated for json_field_enum. */
extern const char *const store_placement_kind_names[STORE_PLACEMENT_KIND__COUNT + 1];
const char *store_placement_kind_name(enum store_placement_kind kind);
int store_placement_kind_parse(const char *s, enum store_placement_kind *out);

/* A placement of the case's employee with an employer, monitored from its
 * start (DOMAIN.md section 7). The employer is an organisation of the
 * installation (employer_org_id) or only a name; employer_name is read back
 * as the organisation's name when employer_org_id is set. outcome is an
 * enum monitor_outcome; t2/t3 the schedule (core/monitor.h). */
struct store_placement {
	int64_t id;
	int64_t case_id;
	int64_t pipeline_entry_id;       /* 0: entered directly */
	int64_t employer_org_id;         /* 0: not in the installation */
	const char *employer_name;
	const char *network;             /* regional network; NULL: none */
	enum store_placement_kind kind;
	sw_date start;
	sw_date end;                     /* last day; DATE_NONE while running */
	const char *end_reason;          /* NULL unless ended */
	int outcome;                     /* enum monitor_outcome */
	sw_date contract_until;          /* DATE_NONE: none */
	sw_date subsidy_until;           /* DATE_NONE: none */
	int hours_per_week;              /* 0: unknown */
	int capacity_hours;              /* 0: unknown */
	int t2_months, t3_months;
	int64_t created_by;
	const char *created_at;
};

/* Checks the fields (schedule, end after start, an ended placement has a
 * reason and is not lopend, a running one has no end). A pipeline entry
 * has one placement: a second is SW_ECONFLICT field "pipeline_entry_id". */
int store_placement_insert(struct store *st, const struct store_placement *p, int64_t *id,
			   struct sw_error *err);
int store_placement_get(struct store *st, struct store_arena *a, int64_t id,
			struct store_placement *out, struct sw_error *err);
/* Replaces what may change after the start: network, end, end_reason,
 * outcome, contract_until, subsidy_until, hours_per_week, capacity_hours,
 * t2/t3. */
int store_placement_update(struct store *st, const struct store_placement *p,
			   struct sw_error *err);
/* The case's placements by id. */
int store_placement_list(struct store *st, struct store_arena *a, int64_t case_id,
			 struct store_placement **out, size_t *n, struct sw_error *err);
/* The placements of the cases of an organisation by id, with in routes
 * (same index) the bits (1 << enum monitor_route) of their goals. */
int store_placement_list_org(struct store *st, struct store_arena *a, int64_t organisation_id,
			     struct store_placement **out, unsigned **routes, size_t *n,
			     struct sw_error *err);

/* The driegesprek at the start: one per placement, replaced when recorded
 * again. */
struct store_driegesprek {
	int64_t placement_id;
	sw_date held_on;
	const char *afspraken;           /* agreements, required */
	int64_t recorded_by;
	const char *recorded_by_name;    /* read back only */
	const char *recorded_at;
};

int store_driegesprek_set(struct store *st, const struct store_driegesprek *d,
			  struct sw_error *err);
/* None recorded is SW_ENOTFOUND field "driegesprek". */
int store_driegesprek_get(struct store *st, struct store_arena *a, int64_t placement_id,
			  struct store_driegesprek *out, struct sw_error *err);

/* One answered factor of a questionnaire. moment, perspective and factor
 * are the enums of core/monitor.h. */
struct store_answer {
	int moment;
	int perspective;
	int factor;
	int score;                       /* 1..5; 0: not applicable */
	const char *comment;             /* NULL: none */
	int64_t answered_by;
	const char *answered_by_name;    /* read back only */
	const char *answered_at;
};

/* Stores one perspective's questionnaire at one moment: exactly one
 * answer per factor, in one transaction. Answered before is SW_ECONFLICT
 * field "moment". */
int store_answers_insert(struct store *st, int64_t placement_id,
			 const struct store_answer answers[], size_t n, struct sw_error *err);
/* The placement's answers by moment, perspective, factor. */
int store_answer_list(struct store *st, struct store_arena *a, int64_t placement_id,
		      struct store_answer **out, size_t *n, struct sw_error *err);

/* A risk signal with its suggested route and follow-up (monitor_advise);
 * kind and route are the enums of core/monitor.h. */
struct store_risk_signal {
	int64_t id;
	int64_t placement_id;
	int kind;
	sw_date noted_on;
	sw_date ends_on;                 /* contract/subsidy end; DATE_NONE */
	const char *note;
	int route;
	sw_date follow_up;
	sw_date resolved_on;             /* DATE_NONE: open */
	int64_t noted_by;
	const char *noted_by_name;       /* read back only */
};

int store_risk_signal_insert(struct store *st, const struct store_risk_signal *r, int64_t *id,
			     struct sw_error *err);
int store_risk_signal_get(struct store *st, struct store_arena *a, int64_t id,
			  struct store_risk_signal *out, struct sw_error *err);
int store_risk_signal_list(struct store *st, struct store_arena *a, int64_t placement_id,
			   struct store_risk_signal **out, size_t *n, struct sw_error *err);
/* Already resolved is SW_ECONFLICT field "resolved_on". */
int store_risk_signal_resolve(struct store *st, int64_t id, sw_date on, struct sw_error *err);

/* A development goal / intervention: goal, reached?, what was done and by
 * whom, what to take forward. */
struct store_goal {
	int64_t id;
	int64_t placement_id;
	int route;                       /* enum monitor_route */
	const char *goal;
	int reached;                     /* -1: not yet evaluated, 0 no, 1 yes */
	const char *done_what;
	const char *done_by;
	const char *take_forward;
	int64_t created_by;
	const char *created_at;
};

int store_goal_insert(struct store *st, const struct store_goal *g, int64_t *id,
		      struct sw_error *err);
int store_goal_get(struct store *st, struct store_arena *a, int64_t id, struct store_goal *out,
		   struct sw_error *err);
/* Replaces route, goal, reached, done_what, done_by, take_forward. */
int store_goal_update(struct store *st, const struct store_goal *g, struct sw_error *err);
int store_goal_list(struct store *st, struct store_arena *a, int64_t placement_id,
		    struct store_goal **out, size_t *n, struct sw_error *err);

#endif
