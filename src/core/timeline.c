/* timeline.c - computes the deadlines of one case.
 *
 * Everything is counted in sick days ("ziektedagen") of the case: day 1 is
 * the first sick day, week n ends on sick day 7n, and a recovery gap shorter
 * than the samentelling limit is skipped, which shifts every later deadline
 * by its length. Calendar dates come in only at the edges (sickday_date). */
#include "timeline.h"

#include <string.h>

#include "holiday.h"

/* Working state of one computation; lives on the stack of tl_compute. */
struct calc {
	const struct tl_ruleset *r;
	const struct tl_period *p;   /* the periods of this case only */
	size_t np;
	sw_date today;
	sw_date done[TL_CODE__COUNT];        /* earliest completion per step */
	const struct tl_deviation *dev[TL_CODE__COUNT];
	sw_date vg[TL_MAX_VOORTGANG];        /* voortgangsgesprekken, sorted */
	size_t nvg;
	int extension_weeks;
	int end_floor;                       /* art. 24: end >= request + 13 weeks */
	int sanction_weeks;
	sw_date sanction_repaired;
	sw_date exemption;
	sw_date orientation;
	struct tl_timeline *out;
};

sw_date tl_sickday_date(const struct tl_period *periods, size_t n, int sickday)
{
	int remaining = sickday;
	for (size_t i = 0; i < n; i++) {
		const struct tl_period *p = &periods[i];
		if (p->to == DATE_NONE || remaining <= p->to - p->from + 1)
			return p->from + remaining - 1;
		remaining -= p->to - p->from + 1;
	}
	/* Past a closed last period: as if the sickness went on, the earliest
	 * the deadline can fall when the employee relapses. */
	return periods[n - 1].to + remaining;
}

int tl_sickday_index(const struct tl_period *periods, size_t n, sw_date date)
{
	int count = 0;
	for (size_t i = 0; i < n; i++) {
		const struct tl_period *p = &periods[i];
		if (date < p->from)
			return count;
		if (p->to == DATE_NONE || date <= p->to)
			return count + (date - p->from + 1);
		count += p->to - p->from + 1;
	}
	return count + (date - periods[n - 1].to);
}

void tl_periods_sort(struct tl_period *periods, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		struct tl_period key = periods[i];
		size_t j = i;
		for (; j > 0 && periods[j - 1].from > key.from; j--)
			periods[j] = periods[j - 1];
		periods[j] = key;
	}
}

enum tl_error tl_periods_check(const struct tl_period *periods, size_t n, size_t *bad)
{
	if (n == 0) {
		*bad = 0;
		return TL_ERR_NO_PERIODS;
	}
	for (size_t i = 0; i < n; i++) {
		const struct tl_period *p = &periods[i];
		*bad = i;
		if (p->to != DATE_NONE && p->to < p->from)
			return TL_ERR_TO_BEFORE_FROM;
		if (p->percent < 1 || p->percent > 100)
			return TL_ERR_PERCENT;
		if (i > 0 && periods[i - 1].to == DATE_NONE)
			return periods[i - 1].from == p->from ? TL_ERR_OVERLAP : TL_ERR_OPEN_NOT_LAST;
		if (i > 0 && p->from <= periods[i - 1].to)
			return TL_ERR_OVERLAP;
	}
	return TL_OK;
}

/* Index of the first period of the last case: walk back while the recovery
 * gap before a period is shorter than the samentelling limit. */
static size_t case_first_period(const struct tl_period *p, size_t n, int limit)
{
	size_t k = n - 1;
	while (k > 0 && p[k].from - p[k - 1].to - 1 < limit)
		k--;
	return k;
}

static sw_date sickday(const struct calc *c, int n)
{
	return tl_sickday_date(c->p, c->np, n);
}

static int index_of(const struct calc *c, sw_date date)
{
	return tl_sickday_index(c->p, c->np, date);
}

static enum tl_error collect_event(struct calc *c, const struct tl_event *e)
{
	const struct tl_ruleset *r = c->r;
	if ((unsigned)e->kind >= TL_EV__COUNT)
		return TL_ERR_EVENT_KIND;
	if (e->date == DATE_NONE && e->kind != TL_EV_UITSTEL_WIA_AANVRAAG)
		return TL_ERR_EVENT_DATE;
	if (e->date != DATE_NONE && e->date < c->p[0].from)
		return TL_OK; /* belongs to an earlier, ended case */

	if (e->kind < TL_EV_VRIJSTELLING_TWEEDE_SPOOR) {
		if (e->kind == TL_EV_VOORTGANGSGESPREK) {
			size_t i = c->nvg < TL_MAX_VOORTGANG ? c->nvg++ : TL_MAX_VOORTGANG - 1;
			for (; i > 0 && c->vg[i - 1] > e->date; i--)
				c->vg[i] = c->vg[i - 1];
			c->vg[i] = e->date;
		} else if (c->done[e->kind] == DATE_NONE || e->date < c->done[e->kind]) {
			c->done[e->kind] = e->date;
		}
		return TL_OK;
	}
	switch (e->kind) {
	case TL_EV_VRIJSTELLING_TWEEDE_SPOOR:
		c->exemption = e->date;
		break;
	case TL_EV_UITSTEL_WIA_AANVRAAG:
		if (e->value < 1 || c->extension_weeks + e->value > r->max_extension_weeks)
			return TL_ERR_EXTENSION_WEEKS;
		c->extension_weeks += e->value;
		if (e->date != DATE_NONE) {
			int floor = index_of(c, e->date) + 7 * r->extension_min_weeks_after_request;
			if (floor > c->end_floor)
				c->end_floor = floor;
		}
		break;
	case TL_EV_LOONSANCTIE:
		if (e->value < 1 || e->value > r->max_loonsanctie_weeks)
			return TL_ERR_LOONSANCTIE_WEEKS;
		c->sanction_weeks = e->value;
		break;
	case TL_EV_BEKORTING_LOONSANCTIE:
		c->sanction_repaired = e->date;
		break;
	case TL_EV_VERVROEGDE_IVA: {
		int day = index_of(c, e->date);
		if (day < 7 * (r->iva_first_week - 1) + 1 || day > 7 * r->iva_last_week)
			return TL_ERR_IVA_WINDOW;
		break;
	}
	case TL_EV_TERUGKEER_ONWAARSCHIJNLIJK:
		if (c->orientation == DATE_NONE || e->date < c->orientation)
			c->orientation = e->date;
		break;
	default:
		break;
	}
	return TL_OK;
}

static enum tl_error collect_input(struct calc *c, const struct tl_input *in, size_t *bad)
{
	int iva = 0;
	for (size_t i = 0; i < in->nevents; i++) {
		*bad = i;
		enum tl_error err = collect_event(c, &in->events[i]);
		if (err != TL_OK)
			return err;
		if (in->events[i].kind == TL_EV_VERVROEGDE_IVA && ++iva > 1)
			return TL_ERR_IVA_TWICE;
	}
	for (size_t i = 0; i < in->ndeviations; i++) {
		*bad = i;
		const struct tl_deviation *d = &in->deviations[i];
		if ((unsigned)d->code >= TL_CODE__COUNT)
			return TL_ERR_DEVIATION_CODE;
		c->dev[d->code] = d;
	}
	return TL_OK;
}

static enum tl_status status_of(const struct calc *c, const struct tl_deadline *d)
{
	const struct tl_timeline *t = c->out;
	if (d->done != DATE_NONE)
		return TL_GEDAAN;
	if (c->dev[d->code] != NULL)
		return TL_AFWIJKING;
	if (d->code == TL_START_TWEEDE_SPOOR && c->exemption != DATE_NONE)
		return TL_AFWIJKING;
	if (t->recovered != DATE_NONE && d->due >= t->recovered)
		return t->ended ? TL_VERVALLEN : TL_OPGESCHORT;
	if (c->today > d->due_effective)
		return TL_TE_LAAT;
	return c->today >= d->opens ? TL_OPEN : TL_GEPLAND;
}

/* Appends a deadline due on `due`; opens defaults to due - lead_days. */
static struct tl_deadline *add(struct calc *c, enum tl_code code, sw_date due, sw_date done)
{
	struct tl_timeline *t = c->out;
	struct tl_deadline *d = &t->items[t->n++];
	const int opens = due - c->r->steps[code].lead_days;
	d->code = code;
	d->seq = 0;
	d->due = due;
	d->due_effective = holiday_next_working_day(due);
	d->opens = opens > t->case_start ? opens : t->case_start;
	d->done = done;
	d->agreed_due = DATE_NONE;
	d->week = (index_of(c, due) + 6) / 7;
	return d;
}

static void add_voortgang(struct calc *c, sw_date base, int end_index)
{
	const int interval = c->r->voortgang_interval_days;
	sw_date prev = base;
	for (size_t i = 0; i < c->nvg; i++) {
		struct tl_deadline *d = add(c, TL_VOORTGANGSGESPREK,
					    sickday(c, index_of(c, prev) + interval), c->vg[i]);
		d->seq = (int)i + 1;
		prev = c->vg[i];
	}
	const int next = index_of(c, prev) + interval;
	if (next < end_index) {
		struct tl_deadline *d = add(c, TL_VOORTGANGSGESPREK, sickday(c, next), DATE_NONE);
		d->seq = (int)c->nvg + 1;
	}
}

/* The last day of the waiting time as a sick-day index, and its calendar
 * date after a loonsanctie (which runs in calendar time). */
static int end_index(const struct calc *c)
{
	int end = 7 * (c->r->waiting_weeks + c->extension_weeks);
	return end > c->end_floor ? end : c->end_floor;
}

static sw_date end_date(const struct calc *c, int end)
{
	sw_date date = sickday(c, end);
	if (c->sanction_weeks == 0)
		return date;
	sw_date sanctioned = date + 7 * c->sanction_weeks;
	if (c->sanction_repaired != DATE_NONE) {
		sw_date cut = c->sanction_repaired + c->r->loonsanctie_end_after_repair_days;
		if (cut < sanctioned)
			sanctioned = cut > date ? cut : date;
	}
	return sanctioned;
}

/* Year 1 only: a mark after it finds the regular second track due. */
static int orientation_in_year_one(const struct calc *c)
{
	return c->orientation != DATE_NONE &&
	       index_of(c, c->orientation) <= 7 * c->r->eje_week;
}

/* The orientation phase of an early second track: an arbeidsdeskundig
 * onderzoek and the start of orientation activities, counted in sick days
 * from the mark and open from it. A second-track start also starts the
 * orientation. */
static void add_orientation(struct calc *c)
{
	if (!orientation_in_year_one(c))
		return;
	const struct tl_ruleset *r = c->r;
	const int mark = index_of(c, c->orientation);
	struct tl_deadline *d = add(c, TL_ARBEIDSDESKUNDIG_ONDERZOEK,
				    sickday(c, mark + 7 * r->orientation_ad_weeks),
				    c->done[TL_ARBEIDSDESKUNDIG_ONDERZOEK]);
	d->opens = c->orientation;
	sw_date started = c->done[TL_ORIENTATIE_TWEEDE_SPOOR];
	const sw_date track = c->done[TL_START_TWEEDE_SPOOR];
	if (track != DATE_NONE && (started == DATE_NONE || track < started))
		started = track;
	d = add(c, TL_ORIENTATIE_TWEEDE_SPOOR, sickday(c, mark + 7 * r->orientation_start_weeks),
		started);
	d->opens = c->orientation;
}

static void add_all(struct calc *c)
{
	const struct tl_ruleset *r = c->r;
	const sw_date *done = c->done;
	struct tl_deadline *d;

	add(c, TL_ZIEKMELDING_ARBODIENST, sickday(c, 7 * r->ziekmelding_week),
	    done[TL_ZIEKMELDING_ARBODIENST]);
	add(c, TL_PROBLEEMANALYSE, sickday(c, 7 * r->probleemanalyse_week),
	    done[TL_PROBLEEMANALYSE]);

	const sw_date pa = done[TL_PROBLEEMANALYSE];
	const sw_date pva_due = pa != DATE_NONE ? sickday(c, index_of(c, pa) + r->pva_after_pa_days)
						: sickday(c, 7 * r->pva_week);
	d = add(c, TL_PLAN_VAN_AANPAK, pva_due, done[TL_PLAN_VAN_AANPAK]);
	if (pa != DATE_NONE)
		d->opens = pa;

	const int end = end_index(c);
	const sw_date pva = done[TL_PLAN_VAN_AANPAK];
	add_voortgang(c, pva != DATE_NONE ? pva : pva_due, end);

	/* "The first working day after week 42": already a working day. */
	sw_date uwv = holiday_next_working_day(sickday(c, 7 * r->melding_uwv_week) + 1);
	add(c, TL_MELDING_UWV, uwv, done[TL_MELDING_UWV]);

	const sw_date eje_due = sickday(c, 7 * r->eje_week);
	add(c, TL_EERSTEJAARSEVALUATIE, eje_due, done[TL_EERSTEJAARSEVALUATIE]);

	const sw_date eje = done[TL_EERSTEJAARSEVALUATIE] != DATE_NONE ? done[TL_EERSTEJAARSEVALUATIE] : eje_due;
	d = add(c, TL_START_TWEEDE_SPOOR, sickday(c, index_of(c, eje) + r->tweede_spoor_after_eje_days),
		done[TL_START_TWEEDE_SPOOR]);
	if (c->orientation != DATE_NONE && c->orientation < d->opens)
		d->opens = c->orientation;
	add_orientation(c);

	add(c, TL_RE_INTEGRATIEVERSLAG, sickday(c, end - 7 * r->riv_weeks_before_end),
	    done[TL_RE_INTEGRATIEVERSLAG]);
	add(c, TL_WIA_AANVRAAG, sickday(c, end - 7 * r->wia_weeks_before_end), done[TL_WIA_AANVRAAG]);
	add(c, TL_BESLISSING_LOONSANCTIE, sickday(c, end - 7 * r->sanction_weeks_before_end),
	    done[TL_BESLISSING_LOONSANCTIE]);
	d = add(c, TL_EINDE_WACHTTIJD, end_date(c, end), done[TL_EINDE_WACHTTIJD]);
	d->week = r->waiting_weeks + c->extension_weeks;
}

static void finish(struct calc *c)
{
	struct tl_timeline *t = c->out;
	for (size_t i = 0; i < t->n; i++) {
		struct tl_deadline *d = &t->items[i];
		if (d->code == TL_MELDING_UWV)
			d->due_effective = d->due;
		if (d->done == DATE_NONE && c->dev[d->code] != NULL)
			d->agreed_due = c->dev[d->code]->agreed_due;
		d->status = status_of(c, d);
	}
	/* Timeline order: by due date, ties in legal order. */
	for (size_t i = 1; i < t->n; i++) {
		struct tl_deadline key = t->items[i];
		size_t j = i;
		for (; j > 0 && (t->items[j - 1].due > key.due ||
				 (t->items[j - 1].due == key.due && t->items[j - 1].code > key.code));
		     j--)
			t->items[j] = t->items[j - 1];
		t->items[j] = key;
	}
}

static void init_calc(struct calc *c, const struct tl_input *in, struct tl_timeline *out)
{
	const size_t k = case_first_period(in->periods, in->nperiods,
					   rules_latest()->samentelling_days);
	c->p = in->periods + k;
	c->np = in->nperiods - k;
	c->r = rules_for(c->p[0].from);
	c->today = in->today;
	for (int i = 0; i < TL_CODE__COUNT; i++) {
		c->done[i] = DATE_NONE;
		c->dev[i] = NULL;
	}
	c->nvg = 0;
	c->extension_weeks = 0;
	c->end_floor = 0;
	c->sanction_weeks = 0;
	c->sanction_repaired = DATE_NONE;
	c->exemption = DATE_NONE;
	c->orientation = DATE_NONE;
	c->out = out;

	const struct tl_period *last = &c->p[c->np - 1];
	out->rules = c->r;
	out->first_period = k;
	out->case_start = c->p[0].from;
	out->recovered = DATE_NONE;
	out->ended = 0;
	if (last->to != DATE_NONE && in->today > last->to) {
		out->recovered = last->to + 1;
		out->ended = in->today - last->to - 1 >= c->r->samentelling_days;
	}
	int days = out->recovered != DATE_NONE ? index_of(c, last->to) : index_of(c, in->today);
	out->sick_days = days > 0 ? days : 0;
	out->week = (out->sick_days + 6) / 7;
	out->n = 0;
}

enum tl_error tl_compute(const struct tl_input *in, struct tl_timeline *out, size_t *bad)
{
	size_t scratch;
	if (bad == NULL)
		bad = &scratch;
	enum tl_error err = tl_periods_check(in->periods, in->nperiods, bad);
	if (err != TL_OK)
		return err;

	struct calc c;
	init_calc(&c, in, out);
	err = collect_input(&c, in, bad);
	if (err != TL_OK)
		return err;
	out->extension_weeks = c.extension_weeks;
	out->tweede_spoor_orientation = c.orientation != DATE_NONE;
	out->orientation = orientation_in_year_one(&c) ? c.orientation : DATE_NONE;
	add_all(&c);
	finish(&c);
	return TL_OK;
}

const char *tl_error_message(enum tl_error err)
{
	switch (err) {
	case TL_OK: return "ok";
	case TL_ERR_NO_PERIODS: return "at least one sick period is required";
	case TL_ERR_TO_BEFORE_FROM: return "last sick day (TO) is before the first sick day (FROM)";
	case TL_ERR_OVERLAP: return "sick period overlaps the previous one";
	case TL_ERR_OPEN_NOT_LAST: return "an open sick period must be the last one";
	case TL_ERR_PERCENT: return "sick percentage must be 1..100";
	case TL_ERR_EVENT_KIND: return "unknown event kind";
	case TL_ERR_EVENT_DATE: return "event needs a date";
	case TL_ERR_EXTENSION_WEEKS: return "extension (uitstel WIA-aanvraag) must be 1..52 weeks in total";
	case TL_ERR_LOONSANCTIE_WEEKS: return "loonsanctie must be 1..52 weeks";
	case TL_ERR_IVA_WINDOW: return "vervroegde IVA can be requested from week 3 to week 68 only";
	case TL_ERR_IVA_TWICE: return "vervroegde IVA can be requested only once";
	case TL_ERR_DEVIATION_CODE: return "unknown deadline code in deviation";
	}
	return "unknown error";
}

const char *tl_status_name(enum tl_status status)
{
	static const char *const names[TL_STATUS__COUNT] = {
		[TL_GEPLAND] = "gepland", [TL_OPEN] = "open", [TL_TE_LAAT] = "te laat",
		[TL_GEDAAN] = "gedaan", [TL_AFWIJKING] = "afwijking",
		[TL_OPGESCHORT] = "opgeschort", [TL_VERVALLEN] = "vervallen",
	};
	return (unsigned)status < TL_STATUS__COUNT ? names[status] : "";
}

static const char *const extra_event_names[TL_EV__COUNT - TL_CODE__COUNT] = {
	"vrijstelling_tweede_spoor", "uitstel_wia_aanvraag", "loonsanctie",
	"bekorting_loonsanctie", "vervroegde_iva_aanvraag",
	"terugkeer_eigen_werk_onwaarschijnlijk",
};

const char *tl_event_kind_name(enum tl_event_kind kind)
{
	if ((unsigned)kind < TL_CODE__COUNT)
		return tl_code_name((enum tl_code)kind);
	if ((unsigned)kind < TL_EV__COUNT)
		return extra_event_names[kind - TL_CODE__COUNT];
	return "";
}

int tl_event_kind_parse(const char *s, enum tl_event_kind *out)
{
	for (int i = 0; s != NULL && i < TL_EV__COUNT; i++) {
		if (strcmp(s, tl_event_kind_name((enum tl_event_kind)i)) == 0) {
			*out = (enum tl_event_kind)i;
			return 0;
		}
	}
	return -1;
}
