/* timeline.h - the Poortwachter timeline engine (DOMAIN.md section 4).
 *
 * Pure: from a case's sick history, recorded events and art. 5 deviations it
 * computes every legal deadline for a given "today". No I/O, no allocation:
 * the caller owns both input and output, so the engine can run a million
 * cases a second in the signal run. */
#ifndef SW_TIMELINE_H
#define SW_TIMELINE_H

#include <stddef.h>

#include "date.h"
#include "rules.h"

/* A sick period FROM:TO, both inclusive; TO is DATE_NONE while open. The
 * recovery date (hersteldatum) is TO + 1. */
struct tl_period {
	sw_date from;
	sw_date to;
	int percent;  /* share of work lost, 1..100 (partial recovery keeps the clock running) */
};

/* Something that happened on a case. The first kinds mirror tl_code: such
 * an event marks that step as done on its date. */
enum tl_event_kind {
	TL_EV_ZIEKMELDING_ARBODIENST = TL_ZIEKMELDING_ARBODIENST,
	TL_EV_PROBLEEMANALYSE = TL_PROBLEEMANALYSE,
	TL_EV_PLAN_VAN_AANPAK = TL_PLAN_VAN_AANPAK,
	TL_EV_VOORTGANGSGESPREK = TL_VOORTGANGSGESPREK,
	TL_EV_MELDING_UWV = TL_MELDING_UWV,
	TL_EV_EERSTEJAARSEVALUATIE = TL_EERSTEJAARSEVALUATIE,
	TL_EV_START_TWEEDE_SPOOR = TL_START_TWEEDE_SPOOR,
	TL_EV_RE_INTEGRATIEVERSLAG = TL_RE_INTEGRATIEVERSLAG,
	TL_EV_WIA_AANVRAAG = TL_WIA_AANVRAAG,
	TL_EV_BESLISSING_LOONSANCTIE = TL_BESLISSING_LOONSANCTIE,
	TL_EV_EINDE_WACHTTIJD = TL_EINDE_WACHTTIJD,
	TL_EV_ARBEIDSDESKUNDIG_ONDERZOEK = TL_ARBEIDSDESKUNDIG_ONDERZOEK,
	TL_EV_ORIENTATIE_TWEEDE_SPOOR = TL_ORIENTATIE_TWEEDE_SPOOR,
	TL_EV_VRIJSTELLING_TWEEDE_SPOOR = TL_CODE__COUNT, /* recorded exemption */
	TL_EV_UITSTEL_WIA_AANVRAAG,   /* art. 24; value = weeks, date = request */
	TL_EV_LOONSANCTIE,            /* art. 25(9); value = weeks */
	TL_EV_BEKORTING_LOONSANCTIE,  /* date UWV found the shortcoming repaired */
	TL_EV_VERVROEGDE_IVA,         /* art. 23(6); date of the request */
	TL_EV_TERUGKEER_ONWAARSCHIJNLIJK, /* return to own job unlikely: orientation */
	TL_EV__COUNT
};

struct tl_event {
	enum tl_event_kind kind;
	sw_date date;
	int value;
};

/* Art. 5: employer and employee agreed in writing to depart from a step's
 * deadline; the store keeps who agreed and why, the engine only needs the
 * step and the agreed date (DATE_NONE: the step is dropped altogether). */
struct tl_deviation {
	enum tl_code code;
	sw_date agreed_due;
};

enum tl_status {
	TL_GEPLAND = 0,   /* in the future, not yet to be worked on */
	TL_OPEN,          /* to be done now, before its due date */
	TL_TE_LAAT,       /* past due_effective and not done */
	TL_GEDAAN,        /* done (event recorded) */
	TL_AFWIJKING,     /* art. 5 deviation or exemption recorded */
	TL_OPGESCHORT,    /* employee recovered: clock stopped, resumes on relapse within 4 weeks */
	TL_VERVALLEN,     /* case ended by 4+ weeks of recovery */
	TL_STATUS__COUNT
};

struct tl_input {
	const struct tl_period *periods;   /* sorted by from, checked */
	size_t nperiods;
	const struct tl_event *events;     /* any order */
	size_t nevents;
	const struct tl_deviation *deviations;
	size_t ndeviations;
	sw_date today;
};

struct tl_deadline {
	enum tl_code code;
	int seq;               /* 1, 2, ... for voortgangsgesprek; 0 otherwise */
	sw_date due;           /* legal last day */
	sw_date due_effective; /* moved past weekends and holidays */
	sw_date opens;         /* when it becomes "open" */
	sw_date done;          /* DATE_NONE unless done */
	sw_date agreed_due;    /* art. 5 agreed date, DATE_NONE if none */
	enum tl_status status;
	int week;              /* sick week in which due falls */
};

/* 11 legal steps, 2 of the orientation phase, plus up to this many voortgangsgesprekken (104 weeks at
 * one per 6 weeks is 18; recorded extra meetings are kept too). */
#define TL_MAX_VOORTGANG 40
#define TL_MAX_DEADLINES (TL_CODE__COUNT + TL_MAX_VOORTGANG)

struct tl_timeline {
	const struct tl_ruleset *rules;
	size_t first_period;   /* index into input periods where this case starts */
	sw_date case_start;    /* first sick day of the case */
	sw_date recovered;     /* hersteldatum when the last period is closed by today */
	int ended;             /* recovery lasted samentelling_days or more */
	int sick_days;         /* sick days counted up to today */
	int week;              /* current sick week (0 when not sick yet) */
	int extension_weeks;   /* art. 24 extension in force */
	int tweede_spoor_orientation; /* TL_EV_TERUGKEER_ONWAARSCHIJNLIJK recorded */
	/* The day return to the own job was first marked unlikely, when that
	 * was in year 1: the case then has an orientation phase (the steps
	 * arbeidsdeskundig_onderzoek and orientatie_tweede_spoor, counted from
	 * this day by the ruleset). DATE_NONE: no orientation phase. */
	sw_date orientation;
	size_t n;
	struct tl_deadline items[TL_MAX_DEADLINES];
};

enum tl_error {
	TL_OK = 0,
	TL_ERR_NO_PERIODS,
	TL_ERR_TO_BEFORE_FROM,
	TL_ERR_OVERLAP,
	TL_ERR_OPEN_NOT_LAST,
	TL_ERR_PERCENT,
	TL_ERR_EVENT_KIND,
	TL_ERR_EVENT_DATE,
	TL_ERR_EXTENSION_WEEKS,
	TL_ERR_LOONSANCTIE_WEEKS,
	TL_ERR_IVA_WINDOW,
	TL_ERR_IVA_TWICE,
	TL_ERR_DEVIATION_CODE,
};

/* Sorts periods by first sick day (insertion sort: cases have few). */
void tl_periods_sort(struct tl_period *periods, size_t n);

/* Checks sorted periods; on error *bad is the index of the offending one. */
enum tl_error tl_periods_check(const struct tl_period *periods, size_t n, size_t *bad);

/* Computes the timeline of the current case: the last run of periods joined
 * by samentelling. On error *bad (if not NULL) names the offending period,
 * event or deviation index and *out is unspecified. */
enum tl_error tl_compute(const struct tl_input *in, struct tl_timeline *out, size_t *bad);

/* English description of an error, for messages naming the argument. */
const char *tl_error_message(enum tl_error err);

const char *tl_status_name(enum tl_status status);
const char *tl_event_kind_name(enum tl_event_kind kind);
int tl_event_kind_parse(const char *s, enum tl_event_kind *out);

/* Sick-day arithmetic within a case's periods (exposed for tests and the
 * dossier): the calendar date of sick day n (1-based), projecting past the
 * last period as if the sickness continued; and the number of sick days of
 * the case up to and including date. */
sw_date tl_sickday_date(const struct tl_period *periods, size_t n, int sickday);
int tl_sickday_index(const struct tl_period *periods, size_t n, sw_date date);

#endif
