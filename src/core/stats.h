/* stats.h - absence statistics (verzuimstatistiek) after the standard
 * "Berekening van ziekteverzuim" of the Projectgroep Uniformering
 * Verzuimgrootheden (CBS, Ctsv, NIA, SZW, Tica, TNO; WCC, 21 June 1996),
 * chapter 2, and DOMAIN.md section 9; plus the second-track figures.
 *
 * Pure: the caller owns input and output, nothing is allocated, one linear
 * pass over inputs sorted as documented below.
 *
 * Definitions (the standard's where it has one; "choice" marks where it
 * leaves room and what was chosen):
 *
 * - Verzuimgeval (absence case): a run of absence records of one case id
 *   in which each record starts the day after the previous one ends. Records
 *   that only change the sick fraction are one case ("overgang van volledig
 *   naar gedeeltelijk verzuim is niet als een aparte melding te
 *   beschouwen", 2.3). A day of full recovery between two records starts a
 *   new case even under the same case id: the standard counts cases
 *   separated by less than four weeks as separate cases (2.3), unlike the
 *   samentelling of the Poortwachter timeline (DOMAIN.md section 4).
 * - Duration of a case: hersteldatum - first sick day in calendar days,
 *   i.e. last sick day - first sick day + 1, days before the period
 *   included, partial days counted whole, no part-time factor (2.4).
 * - Day limit: with cap_730 only sick days 1..730 of a case count; with
 *   include_long = 0 only days 1..365 ("exclusief verzuim langer dan een
 *   jaar"; CBS publishes both). Choice: the limit cuts the sick days that
 *   count towards the verzuimpercentage and caps every duration (average
 *   duration, duration class) at the limit; it never removes available days.
 * - Pregnancy: records flagged pregnancy-related (zwangerschap/bevalling)
 *   are left out entirely unless include_pregnancy; leaving them out is the
 *   standard's required variant (2.2, 2.3). A case is wholly pregnancy-
 *   related or not: the standard ends a sick case on the day the leave
 *   starts and makes what follows a new case (2.3), so the flag may not
 *   change inside a case.
 * - Sick days count only while the employee is employed (the days must be
 *   in the denominator too); a case must start on an employed day.
 *
 * verzuimpercentage (2.2) = sick_days / available_days x 100, where
 *   sick_days      = sum over sick days d in the period, employed, within the
 *                    day limit: sick fraction(d) x deeltijdfactor(d)
 *   available_days = sum over employed days d in the period: deeltijdfactor(d)
 *   A "day" is a calendar day, or with STATS_WORKING_DAYS a Monday..Friday
 *   that is not a holiday of the Algemene termijnenwet (holiday_is_rest_day).
 *
 * meldingsfrequentie (2.3) = new_cases / avg_headcount x year_days / period_days
 *   new_cases      = cases whose first sick day lies in the period
 *   avg_headcount  = employee_days / period_days, employee_days being the
 *                    calendar days employed in the period summed over
 *                    employees: the standard's exact method ("heel
 *                    nauwkeurig"), people not fte (a part-timer counts 1)
 *   year_days      = choice: days from the period's first day to the same
 *                    date a year later (365 or 366), so a calendar-year
 *                    period is not rescaled and a quarter is scaled by
 *                    year_days / 90..92.
 *
 * gemiddelde verzuimduur (2.4) = closed_days / closed_cases over the cases
 *   whose hersteldatum (last sick day + 1) lies in the period. Only recovery
 *   closes a case; leaving employment while sick does not.
 *
 * Duration classes 1-7, 8-42, 43-365, 366-730 days (and 731+, only filled
 * with cap_730 off): every case with at least one counted sick day in the
 * period, classified by its duration as known at the period's end: first
 * sick day through its last sick day or the period's last day, whichever
 * comes first (choice, as Vernet does; a report on a past period does not
 * change when a case that was open then ends later). Per class: cases,
 * their counted sick days in the period (the class rows add up to
 * sick_days) and that as a percentage of available_days.
 *
 * nulverzuim: NOT defined by the 1996 standard (it has four measures:
 * percentage, frequency, duration, cost). Given as commonly used (Vernet):
 * employees employed on at least one day of the period who have no sick
 * day in it while employed (pregnancy-related absence follows
 * include_pregnancy; the day limit does not make a sick person a
 * nulverzuimer), as a share of the employees employed in the period.
 *
 * Every ratio is 0 when its denominator is 0 (no employees, no closed
 * cases): the denominators are in the report, so a caller can show "-". */
#ifndef SW_STATS_H
#define SW_STATS_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

/* One employment record. An employee may have several (the deeltijdfactor
 * changed, or re-employment); they may not overlap. */
struct stats_employment {
	int64_t employee;
	sw_date from;      /* first day employed */
	sw_date until;     /* last day employed (inclusive); DATE_NONE: open */
	double factor;     /* deeltijdfactor: hours / full-time hours, 0 < f <= 1 */
};

/* One absence record FROM:TO with one sick fraction. */
struct stats_absence {
	int64_t case_id;
	int64_t employee;
	sw_date from;      /* first sick day of this record */
	sw_date to;        /* last sick day (inclusive); DATE_NONE: still sick */
	double fraction;   /* share of the working time lost, 0 < s <= 1 */
	int pregnancy;     /* non-zero: pregnancy-related */
};

/* Both arrays sorted by (employee, from); per employee the records do not
 * overlap and only the last may be open. Each verzuimgeval starts on a day
 * its employee is employed (later days may fall outside: they are not
 * counted). stats_check verifies all of this in one linear pass. */
struct stats_input {
	const struct stats_employment *employments;
	size_t nemployments;
	const struct stats_absence *absences;
	size_t nabsences;
};

enum stats_day_basis {
	STATS_CALENDAR_DAYS = 0,
	STATS_WORKING_DAYS,      /* Mon-Fri, not Algemene termijnenwet holidays */
};

/* Every choice of a report is here, none is implicit. */
struct stats_params {
	sw_date from;            /* the period, both inclusive, years 1900..2199 */
	sw_date to;
	enum stats_day_basis basis;   /* for the verzuimpercentage only */
	int cap_730;             /* count only days 1..730 of a case */
	int include_pregnancy;   /* count pregnancy-related absence */
	int include_long;        /* count days after day 365 of a case */
};

/* CBS's headline figure: calendar days, 730-day cap, pregnancy-related
 * absence out, absence longer than a year in. */
struct stats_params stats_params_standard(sw_date from, sw_date to);

enum stats_class {
	STATS_CLASS_1_7 = 0,
	STATS_CLASS_8_42,
	STATS_CLASS_43_365,
	STATS_CLASS_366_730,
	STATS_CLASS_OVER_730,    /* only with cap_730 off */
	STATS_CLASS__COUNT
};

struct stats_class_row {
	uint64_t cases;
	double sick_days;          /* counted, weighted, in the period */
	double verzuimpercentage;  /* sick_days / available_days x 100 */
};

struct stats_report {
	int period_days;
	int year_days;

	double sick_days;          /* verzuimpercentage: numerator */
	double available_days;     /* denominator */
	double verzuimpercentage;

	uint64_t new_cases;        /* meldingsfrequentie: numerator */
	int64_t employee_days;     /* calendar days employed, all employees */
	double avg_headcount;      /* employee_days / period_days */
	double meldingsfrequentie; /* per employee per year */

	uint64_t closed_cases;     /* gemiddelde verzuimduur: denominator */
	uint64_t closed_days;      /* numerator: calendar days, capped */
	double gemiddelde_verzuimduur;

	struct stats_class_row classes[STATS_CLASS__COUNT];

	uint64_t employees;        /* employed on at least one day of the period */
	uint64_t nulverzuimers;    /* outside the 1996 standard, see above */
	double nulverzuim_percentage;
};

enum stats_error {
	STATS_OK = 0,
	STATS_ERR_PERIOD,              /* *bad = 0 */
	STATS_ERR_DAY_BASIS,           /* *bad = 0 */
	STATS_ERR_EMPLOYMENT_DATES,    /* *bad = employment index */
	STATS_ERR_EMPLOYMENT_FACTOR,
	STATS_ERR_EMPLOYMENT_ORDER,
	STATS_ERR_EMPLOYMENT_OVERLAP,
	STATS_ERR_ABSENCE_DATES,       /* *bad = absence index */
	STATS_ERR_ABSENCE_FRACTION,
	STATS_ERR_ABSENCE_ORDER,
	STATS_ERR_ABSENCE_OVERLAP,
	STATS_ERR_ABSENCE_PREGNANCY,
	STATS_ERR_ABSENCE_NOT_EMPLOYED,
	STATS_ERR_TRACK_FIRST_DAY,     /* *bad = track case index */
	STATS_ERR_TRACK_START,
	STATS_ERR_TRACK_GAP,
	STATS_ERR_TRACK_OUTCOME,
};

/* Checks parameters, then employments, then absences; returns the first
 * problem and (if bad is not NULL) the index of the offending record. */
enum stats_error stats_check(const struct stats_params *p, const struct stats_input *in,
			     size_t *bad);

/* Checks (as stats_check) and computes the report of the period. On error
 * *out is unspecified. */
enum stats_error stats_compute(const struct stats_params *p, const struct stats_input *in,
			       struct stats_report *out, size_t *bad);

/* "1-7", "8-42", "43-365", "366-730", "731+". */
const char *stats_class_name(enum stats_class cls);

/* English description of an error, for messages naming the record. */
const char *stats_error_message(enum stats_error err);

/* ---- second track (tweede spoor) ------------------------------------ */

enum stats_outcome {
	STATS_OUTCOME_EIGEN_WERKGEVER = 0,  /* work with the own employer */
	STATS_OUTCOME_NIEUWE_WERKGEVER,     /* work with a new employer */
	STATS_OUTCOME_WIA,
	STATS_OUTCOME_ANDERS,
	STATS_OUTCOME_LOPEND,               /* still running */
	STATS_OUTCOME__COUNT
};

struct stats_track_case {
	sw_date first_sick_day;
	sw_date track_start;   /* second track started; DATE_NONE: not (yet) */
	enum stats_outcome outcome;
	int gap_days;          /* recovery days (samentelling gaps) between the
				* two dates; they do not count toward sick weeks
				* (DOMAIN.md section 4). 0 when there were none. */
};

/* Sick weeks 1..104 by index week-1; index 104 holds week 105 and later. */
#define STATS_TRACK_WEEKS 104

struct stats_track_report {
	uint64_t cases;
	uint64_t started;                       /* second track started */
	uint64_t by_week[STATS_TRACK_WEEKS + 1];
	uint64_t started_year1;                 /* in sick week 1..52 */
	double year1_share;                     /* started_year1 / started x 100 */
	uint64_t outcomes[STATS_OUTCOME__COUNT];         /* all cases */
	uint64_t outcomes_started[STATS_OUTCOME__COUNT]; /* cases with a second track */
};

/* The sick week in which the second track started is week n when it
 * started on sick day 7(n-1)+1 .. 7n, sick day 1 being the first sick day
 * (DOMAIN.md section 4). Cases in any order. */
enum stats_error stats_track(const struct stats_track_case *cases, size_t n,
			     struct stats_track_report *out, size_t *bad);

/* API values: "eigen_werkgever", "nieuwe_werkgever", "wia", "anders", "lopend". */
const char *stats_outcome_name(enum stats_outcome outcome);
int stats_outcome_parse(const char *s, enum stats_outcome *out);

#endif
