/* sickness.h - the sick history of a case derived from its sickness
 * mutations (DOMAIN.md section 2a), after the SIVI standard's Vrzm: a
 * report (ziekmelding: first sick day, percentage, expected recovery),
 * changes of the percentage from a date (wijziging), partial and full
 * recovery (herstel: DatHrstld, the first day fit, with the percentage
 * still sick; 0 is full recovery and ends the sickness with a reason),
 * each new (nieuw), corrected (correctie: the same kind with new values,
 * ref the mutation corrected) or withdrawn (intrekking: made in error,
 * ref the mutation withdrawn).
 *
 * Pure: mutations in, segments of constant percentage and the state out.
 * Nothing is stored twice: periods and percentages are always derived, so
 * every earlier state can be shown (as_of). Every inconsistency is an error
 * naming the mutation and the field. No allocation: the caller hands in
 * arrays as long as the mutations. */
#ifndef SW_SICKNESS_H
#define SW_SICKNESS_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"
#include "error.h"

/* Basis points: 10000 is 100%, 5025 is 50.25% (SIVI: two decimals). */
#define SICK_BP_FULL 10000
#define SICK_BP_MIN 100      /* 1%: the least a report or change may say */

enum sick_kind {
	SICK_ZIEKMELDING = 0,
	SICK_WIJZIGING,
	SICK_HERSTEL,
	SICK_KIND__COUNT
};

enum sick_action {
	SICK_NIEUW = 0,
	SICK_CORRECTIE,
	SICK_INTREKKING,
	SICK_ACTION__COUNT
};

/* Why a sickness ended (SIVI RdnEndVrzmCd); NONE while it has not. */
enum sick_end_reason {
	SICK_END_NONE = 0,
	SICK_END_HERSTELD,
	SICK_END_UIT_DIENST,
	SICK_END_EINDE_WACHTTIJD,
	SICK_END_OVERLEDEN,
	SICK_END_ZWANGERSCHAPSVERLOF,
	SICK_END_ANDERS,
	SICK_END__COUNT
};

struct sick_mutation {
	int64_t id;                      /* ascending: the order of recording */
	enum sick_kind kind;             /* of an intrekking: the kind withdrawn */
	enum sick_action action;
	int64_t ref_id;                  /* correctie, intrekking: the nieuw mutation */
	sw_date date;                    /* first sick day, change date or hersteldatum */
	int percent_bp;                  /* ziekmelding, wijziging 100..10000; herstel 0 or 100..9999 */
	sw_date expected_recovery;       /* DATE_NONE: not known */
	enum sick_end_reason end_reason; /* full herstel only; NONE there means hersteld */
	int zwangerschap;                /* ziekmelding: pregnancy-related (only whether) */
};

/* A run of days with one percentage. to is the last sick day (inclusive),
 * DATE_NONE while sick. spell counts the reports (0 the first): adjacent
 * segments of one spell are one sick period for the Poortwachter timeline. */
struct sick_segment {
	sw_date from;
	sw_date to;
	int percent_bp;
	int zwangerschap;
	int spell;
};

struct sick_state {
	int withdrawn;                   /* the opening ziekmelding was withdrawn */
	int sick;                        /* an open segment */
	sw_date first_sick_day;          /* of the first spell; DATE_NONE when withdrawn */
	sw_date last_report;             /* first sick day of the latest spell */
	int percent_bp;                  /* now: of the open segment, 0 when recovered */
	sw_date hersteldatum;            /* of the latest full recovery, DATE_NONE: none */
	enum sick_end_reason end_reason; /* of that recovery */
	sw_date expected_recovery;       /* latest told, DATE_NONE: not known */
	int spells;
	size_t nsegments;
};

/* Derives the segments (into segs, room for n) and the state from the
 * mutations ms[0..n) taken in id order, those with id <= as_of only (0: all).
 * work has room for n mutations (scratch). On error returns -1, fills err
 * naming the field and the mutation, and *bad (if not NULL) its index. */
int sick_derive(const struct sick_mutation *ms, size_t n, int64_t as_of,
		struct sick_mutation *work, struct sick_segment *segs, struct sick_state *out,
		size_t *bad, struct sw_error *err);

/* A JSON number as basis points: 1..100 with at most two decimals, or 0
 * when allow_zero (a full recovery); -1 with err naming field otherwise. */
int sick_percent_bp(double v, int allow_zero, const char *field, int *out, struct sw_error *err);

/* "50.25", "100", "7.5": the shortest decimal form of bp percent. */
void sick_percent_format(int bp, char buf[16]);

const char *sick_kind_name(enum sick_kind k);             /* "ziekmelding", ... */
int sick_kind_parse(const char *s, enum sick_kind *out);
const char *sick_action_name(enum sick_action a);         /* "nieuw", ... */
int sick_action_parse(const char *s, enum sick_action *out);
const char *sick_end_reason_name(enum sick_end_reason r); /* "hersteld", ...; NONE "" */
int sick_end_reason_parse(const char *s, enum sick_end_reason *out);

#endif
