/* monitor.h - durable placement monitoring (DOMAIN.md section 7, seeds 001
 * and 004): the success factors of the questionnaires, the schedule of the
 * measurement moments T0..T3 and their due/overdue status, risk signals of a
 * fragile balance with the suggested intervention route and follow-up date,
 * and the classification of a placement's outcome (lasted 6 / 12 months).
 *
 * Pure: no I/O, no clock ("today" is an input), no allocation. */
#ifndef SW_MONITOR_H
#define SW_MONITOR_H

#include <stdbool.h>

#include "date.h"

/* The success factors of a durable placement (seed 004). */
enum monitor_factor {
	MONITOR_WERKNEMERSVAARDIGHEDEN = 0,
	MONITOR_WERKGEVERSVAARDIGHEDEN,
	MONITOR_PASSEND_WERK,
	MONITOR_BEGELEID_WERK,
	MONITOR_ZINVOL_WERK,
	MONITOR_BREED_GEDRAGEN_WERK,
	MONITOR_GESUBSIDIEERD_WERK,
	MONITOR_FACTOR__COUNT
};

/* Measurement moments: T0 at the start, T1 one year later, T2 and T3 on
 * the placement's own schedule. */
enum monitor_moment {
	MONITOR_T0 = 0,
	MONITOR_T1,
	MONITOR_T2,
	MONITOR_T3,
	MONITOR_MOMENT__COUNT
};

/* Who answers a questionnaire: each party its own perspective. */
enum monitor_perspective {
	MONITOR_WERKNEMER = 0,
	MONITOR_WERKGEVER,
	MONITOR_ARBEIDSDESKUNDIGE,
	MONITOR_PERSPECTIVE__COUNT
};

/* A score on a factor: 1 (very bad) .. 5 (very good). */
#define MONITOR_SCORE_MIN 1
#define MONITOR_SCORE_MAX 5

/* ---- schedule ------------------------------------------------------------ */

/* Months after the start of each moment. T0 = 0 and T1 = 12 are fixed;
 * T2 and T3 are chosen per placement: 12 < T2 < T3 <= MONITOR_MAX_MONTHS. */
struct monitor_schedule {
	int t2_months;
	int t3_months;
};

#define MONITOR_DEFAULT_T2 24
#define MONITOR_DEFAULT_T3 36
#define MONITOR_MAX_MONTHS 120

/* A questionnaire can be answered from this many days before its due date;
 * it is overdue when it is still unanswered this many days after. */
#define MONITOR_OPEN_DAYS 14
#define MONITOR_GRACE_DAYS 14

/* 0 when the schedule is valid, else -1 with *field "t2_months" or
 * "t3_months". */
int monitor_schedule_check(const struct monitor_schedule *s, const char **field);

/* The due date of a moment: start + its months, on the same day of the
 * month or the month's last day (31 Jan + 1 month = 28/29 Feb). */
sw_date monitor_due(sw_date start, const struct monitor_schedule *s, enum monitor_moment m);

/* start + months as above; exported for the outcome rules and tests. */
sw_date monitor_add_months(sw_date d, int months);

enum monitor_status {
	MONITOR_GEPLAND = 0,   /* not yet open */
	MONITOR_OPEN,          /* may be answered now: a reminder */
	MONITOR_TE_LAAT,       /* past due + grace, unanswered: a reminder */
	MONITOR_INGEVULD,      /* answered */
	MONITOR_VERVALLEN,     /* the placement ended before it was due */
	MONITOR_STATUS__COUNT
};

/* The status of one perspective's questionnaire at a moment: answered
 * wins; then a placement that ended (ended != DATE_NONE) before the due
 * date makes it vervallen; then by today against due. */
enum monitor_status monitor_status_of(sw_date due, bool answered, sw_date ended, sw_date today);

/* Whether the status asks for a reminder (open or te_laat). */
bool monitor_status_reminds(enum monitor_status s);

/* ---- risk signals and interventions ------------------------------------ */

/* Signals of a fragile balance (seed 001, issue 7). */
enum monitor_risk {
	MONITOR_RISK_GEDRAGSVERANDERING = 0,
	MONITOR_RISK_ZIEKMELDING,
	MONITOR_RISK_NIET_VERSCHENEN,          /* no-shows */
	MONITOR_RISK_UREN_BOVEN_BELASTBAARHEID,
	MONITOR_RISK_CONTRACT_EINDE,           /* contract ends within 2 months */
	MONITOR_RISK_SUBSIDIE_EINDE,           /* a subsidy ends within 2 months */
	MONITOR_RISK__COUNT
};

/* The four routes of interventions for durable employability. */
enum monitor_route {
	MONITOR_ROUTE_VITALISERING = 0,  /* health and energy of the employee */
	MONITOR_ROUTE_ONTWIKKEL,         /* skills and productivity */
	MONITOR_ROUTE_BAANHERONTWERP,    /* fit the job to the person */
	MONITOR_ROUTE_MOBILITEIT,        /* another job, in or outside the employer */
	MONITOR_ROUTE__COUNT
};

/* A contract or subsidy end this many months ahead is a risk signal. */
#define MONITOR_END_WARNING_MONTHS 2
/* Follow-up of a signal about an end date: at least this many days before
 * that end, so that there is time to act. */
#define MONITOR_END_LEAD_DAYS 28

struct monitor_advice {
	enum monitor_route route;
	sw_date follow_up;
};

/* The suggested route and follow-up date of a signal of kind noted on
 * `noted`; ends_on is the contract or subsidy end for those kinds
 * (DATE_NONE otherwise). See monitor.c for the table and its reasons. */
struct monitor_advice monitor_advise(enum monitor_risk kind, sw_date noted, sw_date ends_on);

/* Facts of a placement from which signals are derived. */
struct monitor_facts {
	sw_date start;
	sw_date ended;            /* DATE_NONE: running */
	sw_date contract_until;   /* planned end of the contract; DATE_NONE: none */
	sw_date subsidy_until;    /* last day of a wage subsidy; DATE_NONE: none */
	int hours_per_week;       /* 0: unknown */
	int capacity_hours;       /* belastbaarheid in hours a week; 0: unknown */
	sw_date last_sick_report; /* latest sick report of the employee; DATE_NONE */
};

/* Signals that follow from the data on today (bit i: enum monitor_risk i):
 * a contract or subsidy ending within MONITOR_END_WARNING_MONTHS, hours
 * above capacity, a sick report since the start. None once ended. */
unsigned monitor_derive(const struct monitor_facts *f, sw_date today);

/* ---- outcomes -------------------------------------------------------------- */

enum monitor_lasted {
	MONITOR_LASTED_UNKNOWN = 0,  /* still running and not yet that long */
	MONITOR_LASTED_NO,
	MONITOR_LASTED_YES,
};

/* Whether a placement from start, ended on `ended` (its last day; DATE_NONE
 * while running), lasted `months` months as of today: its last day (or
 * today) is at least start + months - 1 day. */
enum monitor_lasted monitor_lasted(sw_date start, sw_date ended, sw_date today, int months);

/* Counts of one group of placements (a network, an employer, a route). */
struct monitor_outcome_row {
	unsigned placements;
	unsigned lopend;
	unsigned beeindigd;
	unsigned doorgestroomd;
	unsigned lasted6, known6;    /* lasted 6 months / outcome known */
	unsigned lasted12, known12;
};

enum monitor_outcome {
	MONITOR_OUTCOME_LOPEND = 0,     /* running */
	MONITOR_OUTCOME_BEEINDIGD,      /* ended (with a reason) */
	MONITOR_OUTCOME_DOORGESTROOMD,  /* moved on to other work */
	MONITOR_OUTCOME__COUNT
};

/* Adds one placement to a row. */
void monitor_outcome_add(struct monitor_outcome_row *row, enum monitor_outcome outcome,
			 sw_date start, sw_date ended, sw_date today);

/* ---- names (API values) ---------------------------------------------------- */

/* "werknemersvaardigheden", "werkgeversvaardigheden", "passend_werk",
 * "begeleid_werk", "zinvol_werk", "breed_gedragen_werk", "gesubsidieerd_werk" */
const char *monitor_factor_name(enum monitor_factor f);
/* "T0".."T3" */
const char *monitor_moment_name(enum monitor_moment m);
/* "werknemer", "werkgever", "arbeidsdeskundige" */
const char *monitor_perspective_name(enum monitor_perspective p);
/* "gepland", "open", "te_laat", "ingevuld", "vervallen" */
const char *monitor_status_name(enum monitor_status s);
/* "gedragsverandering", "ziekmelding", "niet_verschenen",
 * "uren_boven_belastbaarheid", "contract_einde", "subsidie_einde" */
const char *monitor_risk_name(enum monitor_risk r);
/* "vitalisering", "ontwikkel", "baanherontwerp", "mobiliteit" */
const char *monitor_route_name(enum monitor_route r);
/* "lopend", "beeindigd", "doorgestroomd" */
const char *monitor_outcome_name(enum monitor_outcome o);

/* Each parse returns 0 and sets *out, or -1 for an unknown (or NULL) name. */
int monitor_factor_parse(const char *s, enum monitor_factor *out);
int monitor_moment_parse(const char *s, enum monitor_moment *out);
int monitor_perspective_parse(const char *s, enum monitor_perspective *out);
int monitor_risk_parse(const char *s, enum monitor_risk *out);
int monitor_route_parse(const char *s, enum monitor_route *out);
int monitor_outcome_parse(const char *s, enum monitor_outcome *out);

/* NULL-terminated lists of the names above, for json_field_enum. */
extern const char *const monitor_factor_names[MONITOR_FACTOR__COUNT + 1];
extern const char *const monitor_moment_names[MONITOR_MOMENT__COUNT + 1];
extern const char *const monitor_perspective_names[MONITOR_PERSPECTIVE__COUNT + 1];
extern const char *const monitor_risk_names[MONITOR_RISK__COUNT + 1];
extern const char *const monitor_route_names[MONITOR_ROUTE__COUNT + 1];
extern const char *const monitor_outcome_names[MONITOR_OUTCOME__COUNT + 1];

#endif
