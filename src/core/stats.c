/* stats.c - absence statistics in one pass over inputs grouped by employee.
 *
 * Per employee the employment records give the available days and the
 * headcount; each run of absence records forming a verzuimgeval is then
 * intersected with the period, the employment records and the day limit.
 * Working days are counted arithmetically (weekdays minus a sorted table of
 * the holidays in the period), never day by day, so a report over ten
 * million records stays linear in the number of records. */
#include "stats.h"

#include <string.h>

#include "holiday.h"

/* At most 8 general holidays a year fall on a weekday. */
#define MAX_HOLIDAYS (8 * (DATE_MAX_YEAR - DATE_MIN_YEAR + 1))

/* Stands for "open" (DATE_NONE as an end) in interval arithmetic. */
#define OPEN_END INT32_MAX

struct calc {
	const struct stats_params *p;
	int limit;                        /* counted days per case; 0: all */
	size_t nholidays;
	sw_date holidays[MAX_HOLIDAYS];   /* weekday holidays in the period, sorted */
	struct stats_report *out;
};

static sw_date min_date(sw_date a, sw_date b)
{
	return a < b ? a : b;
}

static sw_date max_date(sw_date a, sw_date b)
{
	return a > b ? a : b;
}

static sw_date end_of(sw_date to)
{
	return to == DATE_NONE ? OPEN_END : to;
}

struct stats_params stats_params_standard(sw_date from, sw_date to)
{
	return (struct stats_params){
		.from = from, .to = to, .basis = STATS_CALENDAR_DAYS,
		.cap_730 = 1, .include_pregnancy = 0, .include_long = 1,
	};
}

/* ---- day counting ------------------------------------------------------ */

/* Monday..Friday days before day n, counted from Monday 1969-12-29 (day -3);
 * floor division keeps it right before that origin too. */
static int64_t weekdays_before(sw_date n)
{
	const int64_t m = (int64_t)n + 3;
	int64_t w = m / 7, r = m % 7;
	if (r < 0) {
		r += 7;
		w--;
	}
	return 5 * w + (r < 5 ? r : 5);
}

/* Holidays in the table before day d (lower bound). */
static size_t holidays_before(const struct calc *c, sw_date d)
{
	size_t lo = 0, hi = c->nholidays;
	while (lo < hi) {
		const size_t mid = lo + (hi - lo) / 2;
		if (c->holidays[mid] < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Days of [a, b] (a <= b, both inside the period) on the report's basis. */
static int64_t basis_days(const struct calc *c, sw_date a, sw_date b)
{
	if (c->p->basis == STATS_CALENDAR_DAYS)
		return (int64_t)b - a + 1;
	return weekdays_before(b + 1) - weekdays_before(a) -
	       (int64_t)(holidays_before(c, b + 1) - holidays_before(c, a));
}

/* Only the period's holidays matter: sick and employed days are clipped to
 * it before they are counted. */
static void collect_holidays(struct calc *c)
{
	c->nholidays = 0;
	if (c->p->basis != STATS_WORKING_DAYS)
		return;
	for (sw_date d = c->p->from; d <= c->p->to; d++)
		if (date_weekday(d) <= 5 && holiday_is_rest_day(d))
			c->holidays[c->nholidays++] = d;
}

/* ---- checking ---------------------------------------------------------- */

/* Length of the verzuimgeval starting at a[0]: following records of the
 * same employee and case that start the day after the previous one ends. */
static size_t case_run(const struct stats_absence *a, size_t n)
{
	size_t k = 1;
	while (k < n && a[k].case_id == a[0].case_id && a[k].employee == a[0].employee &&
	       a[k - 1].to != DATE_NONE && (int64_t)a[k - 1].to + 1 == a[k].from)
		k++;
	return k;
}

/* The dates date_parse accepts; computed once per check, not per record. */
struct bounds {
	sw_date lo, hi;
};

static struct bounds valid_dates(void)
{
	return (struct bounds){ date_from_ymd(DATE_MIN_YEAR, 1, 1),
				date_from_ymd(DATE_MAX_YEAR, 12, 31) };
}

static int date_ok(struct bounds b, sw_date d)
{
	return d != DATE_NONE && d >= b.lo && d <= b.hi;
}

static int range_ok(struct bounds b, sw_date from, sw_date to)
{
	return date_ok(b, from) && (to == DATE_NONE || (date_ok(b, to) && to >= from));
}

static enum stats_error check_params(const struct stats_params *p)
{
	const struct bounds b = valid_dates();
	if (!date_ok(b, p->from) || !date_ok(b, p->to) || p->to < p->from)
		return STATS_ERR_PERIOD;
	if (p->basis != STATS_CALENDAR_DAYS && p->basis != STATS_WORKING_DAYS)
		return STATS_ERR_DAY_BASIS;
	return STATS_OK;
}

static enum stats_error check_employment(struct bounds b, const struct stats_employment *e, size_t i)
{
	if (!range_ok(b, e[i].from, e[i].until))
		return STATS_ERR_EMPLOYMENT_DATES;
	if (!(e[i].factor > 0.0 && e[i].factor <= 1.0))  /* NaN fails too */
		return STATS_ERR_EMPLOYMENT_FACTOR;
	if (i == 0 || e[i - 1].employee != e[i].employee)
		return i > 0 && e[i - 1].employee > e[i].employee ? STATS_ERR_EMPLOYMENT_ORDER : STATS_OK;
	if (e[i - 1].from > e[i].from)
		return STATS_ERR_EMPLOYMENT_ORDER;
	if (end_of(e[i - 1].until) >= e[i].from)
		return STATS_ERR_EMPLOYMENT_OVERLAP;
	return STATS_OK;
}

static enum stats_error check_absence(struct bounds b, const struct stats_absence *a, size_t k)
{
	if (!range_ok(b, a[k].from, a[k].to))
		return STATS_ERR_ABSENCE_DATES;
	if (!(a[k].fraction > 0.0 && a[k].fraction <= 1.0))
		return STATS_ERR_ABSENCE_FRACTION;
	if (k == 0 || a[k - 1].employee != a[k].employee)
		return k > 0 && a[k - 1].employee > a[k].employee ? STATS_ERR_ABSENCE_ORDER : STATS_OK;
	if (a[k - 1].from > a[k].from)
		return STATS_ERR_ABSENCE_ORDER;
	if (end_of(a[k - 1].to) >= a[k].from)
		return STATS_ERR_ABSENCE_OVERLAP;
	return STATS_OK;
}

/* Moves *j to the employment record of `employee` that could contain day
 * d (both arrays are sorted, so *j only moves forward) and says whether it
 * does. */
static int employed_on(const struct stats_employment *e, size_t ne, size_t *j,
		       int64_t employee, sw_date d)
{
	while (*j < ne && (e[*j].employee < employee ||
			   (e[*j].employee == employee && end_of(e[*j].until) < d)))
		(*j)++;
	return *j < ne && e[*j].employee == employee && e[*j].from <= d;
}

static enum stats_error check_absences(const struct stats_input *in, size_t *bad)
{
	const struct bounds b = valid_dates();
	const struct stats_absence *a = in->absences;
	size_t j = 0;
	for (size_t k = 0; k < in->nabsences;) {
		const size_t run = case_run(a + k, in->nabsences - k);
		for (size_t r = k; r < k + run; r++) {
			enum stats_error err = check_absence(b, a, r);
			if (err == STATS_OK && r > k && !a[r].pregnancy != !a[k].pregnancy)
				err = STATS_ERR_ABSENCE_PREGNANCY;
			if (err != STATS_OK) {
				*bad = r;
				return err;
			}
		}
		if (!employed_on(in->employments, in->nemployments, &j, a[k].employee, a[k].from)) {
			*bad = k;
			return STATS_ERR_ABSENCE_NOT_EMPLOYED;
		}
		k += run;
	}
	return STATS_OK;
}

enum stats_error stats_check(const struct stats_params *p, const struct stats_input *in,
			     size_t *bad)
{
	size_t unused;
	if (bad == NULL)
		bad = &unused;
	*bad = 0;
	enum stats_error err = check_params(p);
	if (err != STATS_OK)
		return err;
	const struct bounds b = valid_dates();
	for (size_t i = 0; i < in->nemployments; i++) {
		err = check_employment(b, in->employments, i);
		if (err != STATS_OK) {
			*bad = i;
			return err;
		}
	}
	return check_absences(in, bad);
}

/* ---- computing --------------------------------------------------------- */

static enum stats_class class_of(int64_t days)
{
	if (days <= 7)
		return STATS_CLASS_1_7;
	if (days <= 42)
		return STATS_CLASS_8_42;
	if (days <= 365)
		return STATS_CLASS_43_365;
	if (days <= 730)
		return STATS_CLASS_366_730;
	return STATS_CLASS_OVER_730;
}

static int64_t capped(const struct calc *c, int64_t days)
{
	return c->limit > 0 && days > c->limit ? c->limit : days;
}

static int in_period(const struct calc *c, sw_date d)
{
	return d >= c->p->from && d <= c->p->to;
}

/* What one verzuimgeval contributes to the period. */
struct case_days {
	int64_t counted;   /* calendar days counted (employed, period, limit) */
	double weighted;   /* the same on the report's basis, x fraction x factor */
	int sick;          /* any sick day in the period while employed */
};

/* Adds the sick days of record r within [lo, hi] (already clipped to the
 * period) on the days of each employment record. */
static void record_days(const struct calc *c, const struct stats_employment *e, size_t ne,
			const struct stats_absence *r, sw_date lo, sw_date hi,
			sw_date limit_end, struct case_days *cd)
{
	for (size_t i = 0; i < ne && e[i].from <= hi; i++) {
		const sw_date a = max_date(lo, e[i].from);
		const sw_date b = min_date(hi, end_of(e[i].until));
		if (a > b)
			continue;
		cd->sick = 1;
		const sw_date b2 = min_date(b, limit_end);
		if (a > b2)
			continue;
		cd->counted += (int64_t)b2 - a + 1;
		cd->weighted += r->fraction * e[i].factor * (double)basis_days(c, a, b2);
	}
}

static void add_case(struct calc *c, const struct stats_employment *e, size_t ne,
		     const struct stats_absence *a, size_t n, int *sick)
{
	struct stats_report *out = c->out;
	const sw_date first = a[0].from;
	const sw_date last = a[n - 1].to;
	if (a[0].pregnancy && !c->p->include_pregnancy)
		return;
	const sw_date limit_end = c->limit > 0 ? first + (c->limit - 1) : OPEN_END;

	struct case_days cd = { 0, 0.0, 0 };
	for (size_t k = 0; k < n; k++) {
		const sw_date lo = max_date(a[k].from, c->p->from);
		const sw_date hi = min_date(end_of(a[k].to), c->p->to);
		if (lo <= hi)
			record_days(c, e, ne, &a[k], lo, hi, limit_end, &cd);
	}
	*sick |= cd.sick;
	out->sick_days += cd.weighted;

	if (in_period(c, first))
		out->new_cases++;
	if (last != DATE_NONE && in_period(c, last + 1)) {
		out->closed_cases++;
		out->closed_days += (uint64_t)capped(c, (int64_t)last - first + 1);
	}
	if (cd.counted > 0) {
		const sw_date end = min_date(end_of(last), c->p->to);
		struct stats_class_row *row = &out->classes[class_of(capped(c, (int64_t)end - first + 1))];
		row->cases++;
		row->sick_days += cd.weighted;
	}
}

/* One employee: e[0..ne) and a[0..na) are all its records. */
static void add_employee(struct calc *c, const struct stats_employment *e, size_t ne,
			 const struct stats_absence *a, size_t na)
{
	struct stats_report *out = c->out;
	int64_t employed = 0;
	for (size_t i = 0; i < ne; i++) {
		const sw_date lo = max_date(e[i].from, c->p->from);
		const sw_date hi = min_date(end_of(e[i].until), c->p->to);
		if (lo > hi)
			continue;
		employed += (int64_t)hi - lo + 1;
		out->available_days += e[i].factor * (double)basis_days(c, lo, hi);
	}
	out->employee_days += employed;

	int sick = 0;
	for (size_t k = 0; k < na;) {
		const size_t run = case_run(a + k, na - k);
		add_case(c, e, ne, a + k, run, &sick);
		k += run;
	}
	if (employed > 0) {
		out->employees++;
		out->nulverzuimers += !sick;
	}
}

static double ratio(double num, double den)
{
	return den > 0.0 ? num / den : 0.0;
}

/* Days from `from` to the same date a year later: 365 or 366. A 29
 * February start maps to 1 March (date_from_ymd carries over). */
static int year_days_from(sw_date from)
{
	int y, m, d;
	date_to_ymd(from, &y, &m, &d);
	return date_from_ymd(y + 1, m, d) - from;
}

static void finish(const struct calc *c)
{
	struct stats_report *out = c->out;
	out->verzuimpercentage = 100.0 * ratio(out->sick_days, out->available_days);
	out->avg_headcount = (double)out->employee_days / out->period_days;
	out->meldingsfrequentie = ratio((double)out->new_cases, out->avg_headcount) *
				  out->year_days / out->period_days;
	out->gemiddelde_verzuimduur = ratio((double)out->closed_days, (double)out->closed_cases);
	for (int i = 0; i < STATS_CLASS__COUNT; i++)
		out->classes[i].verzuimpercentage =
			100.0 * ratio(out->classes[i].sick_days, out->available_days);
	out->nulverzuim_percentage =
		100.0 * ratio((double)out->nulverzuimers, (double)out->employees);
}

enum stats_error stats_compute(const struct stats_params *p, const struct stats_input *in,
			       struct stats_report *out, size_t *bad)
{
	const enum stats_error err = stats_check(p, in, bad);
	if (err != STATS_OK)
		return err;

	struct calc c;
	c.p = p;
	c.limit = !p->include_long ? 365 : p->cap_730 ? 730 : 0;
	c.out = out;
	collect_holidays(&c);
	memset(out, 0, sizeof *out);
	out->period_days = p->to - p->from + 1;
	out->year_days = year_days_from(p->from);

	/* Checked: absences of an employee follow its employment records in
	 * the same order, and every absence's employee has some. */
	const struct stats_employment *e = in->employments;
	const struct stats_absence *a = in->absences;
	size_t i = 0, k = 0;
	while (i < in->nemployments) {
		size_t j = i, l = k;
		while (j < in->nemployments && e[j].employee == e[i].employee)
			j++;
		while (l < in->nabsences && a[l].employee == e[i].employee)
			l++;
		add_employee(&c, e + i, j - i, a + k, l - k);
		i = j;
		k = l;
	}
	finish(&c);
	return STATS_OK;
}

const char *stats_class_name(enum stats_class cls)
{
	static const char *const names[STATS_CLASS__COUNT] = {
		"1-7", "8-42", "43-365", "366-730", "731+",
	};
	return (unsigned)cls < STATS_CLASS__COUNT ? names[cls] : "";
}

const char *stats_error_message(enum stats_error err)
{
	switch (err) {
	case STATS_OK: return "ok";
	case STATS_ERR_PERIOD: return "period needs FROM <= TO, both within 1900..2199";
	case STATS_ERR_DAY_BASIS: return "day basis must be calendar days or working days";
	case STATS_ERR_EMPLOYMENT_DATES: return "employment needs a first day and an end on or after it";
	case STATS_ERR_EMPLOYMENT_FACTOR: return "deeltijdfactor must be > 0 and <= 1";
	case STATS_ERR_EMPLOYMENT_ORDER: return "employments must be sorted by employee and first day";
	case STATS_ERR_EMPLOYMENT_OVERLAP: return "employment overlaps the previous one of the employee";
	case STATS_ERR_ABSENCE_DATES: return "absence needs a first sick day and a last sick day on or after it";
	case STATS_ERR_ABSENCE_FRACTION: return "sick fraction must be > 0 and <= 1";
	case STATS_ERR_ABSENCE_ORDER: return "absences must be sorted by employee and first sick day";
	case STATS_ERR_ABSENCE_OVERLAP: return "absence overlaps the previous one of the employee";
	case STATS_ERR_ABSENCE_PREGNANCY: return "pregnancy flag changes within one absence case";
	case STATS_ERR_ABSENCE_NOT_EMPLOYED: return "absence case starts on a day the employee is not employed";
	case STATS_ERR_TRACK_FIRST_DAY: return "second-track case needs a valid first sick day";
	case STATS_ERR_TRACK_START: return "second track cannot start before the first sick day";
	case STATS_ERR_TRACK_GAP: return "recovery gap days must be >= 0 and fit between first sick day and track start";
	case STATS_ERR_TRACK_OUTCOME: return "unknown second-track outcome";
	}
	return "unknown error";
}

/* ---- second track ------------------------------------------------------ */

static enum stats_error check_track(struct bounds b, const struct stats_track_case *t)
{
	if (!date_ok(b, t->first_sick_day))
		return STATS_ERR_TRACK_FIRST_DAY;
	if (t->track_start != DATE_NONE && (!date_ok(b, t->track_start) || t->track_start < t->first_sick_day))
		return STATS_ERR_TRACK_START;
	if (t->gap_days < 0 || (t->gap_days > 0 && (t->track_start == DATE_NONE ||
						    t->gap_days > t->track_start - t->first_sick_day)))
		return STATS_ERR_TRACK_GAP;
	if ((unsigned)t->outcome >= STATS_OUTCOME__COUNT)
		return STATS_ERR_TRACK_OUTCOME;
	return STATS_OK;
}

enum stats_error stats_track(const struct stats_track_case *cases, size_t n,
			     struct stats_track_report *out, size_t *bad)
{
	size_t unused;
	if (bad == NULL)
		bad = &unused;
	*bad = 0;
	memset(out, 0, sizeof *out);
	const struct bounds b = valid_dates();
	for (size_t i = 0; i < n; i++) {
		const struct stats_track_case *t = &cases[i];
		const enum stats_error err = check_track(b, t);
		if (err != STATS_OK) {
			*bad = i;
			return err;
		}
		out->cases++;
		out->outcomes[t->outcome]++;
		if (t->track_start == DATE_NONE)
			continue;
		/* Sick day index from 0: the first sick day is day 0 of week 1. */
		const int64_t sickday = (int64_t)t->track_start - t->first_sick_day - t->gap_days;
		const int64_t week = sickday / 7 + 1;
		out->started++;
		out->outcomes_started[t->outcome]++;
		out->by_week[week <= STATS_TRACK_WEEKS ? week - 1 : STATS_TRACK_WEEKS]++;
		out->started_year1 += week <= 52;
	}
	out->year1_share = 100.0 * ratio((double)out->started_year1, (double)out->started);
	return STATS_OK;
}

static const char *const outcome_names[STATS_OUTCOME__COUNT] = {
	"eigen_werkgever", "nieuwe_werkgever", "wia", "anders", "lopend",
};

const char *stats_outcome_name(enum stats_outcome outcome)
{
	return (unsigned)outcome < STATS_OUTCOME__COUNT ? outcome_names[outcome] : "";
}

int stats_outcome_parse(const char *s, enum stats_outcome *out)
{
	for (int i = 0; s != NULL && i < STATS_OUTCOME__COUNT; i++) {
		if (strcmp(s, outcome_names[i]) == 0) {
			*out = (enum stats_outcome)i;
			return 0;
		}
	}
	return -1;
}
