/* monitor.c - schedule, risk advice and outcomes of placement monitoring. */
#include "monitor.h"

#include <string.h>

const char *const monitor_factor_names[MONITOR_FACTOR__COUNT + 1] = {
	"werknemersvaardigheden", "werkgeversvaardigheden", "passend_werk", "begeleid_werk",
	"zinvol_werk", "breed_gedragen_werk", "gesubsidieerd_werk", NULL,
};
const char *const monitor_moment_names[MONITOR_MOMENT__COUNT + 1] = { "T0", "T1", "T2", "T3",
								       NULL };
const char *const monitor_perspective_names[MONITOR_PERSPECTIVE__COUNT + 1] = {
	"werknemer", "werkgever", "arbeidsdeskundige", NULL,
};
static const char *const status_names[MONITOR_STATUS__COUNT] = {
	"gepland", "open", "te_laat", "ingevuld", "vervallen",
};
const char *const monitor_risk_names[MONITOR_RISK__COUNT + 1] = {
	"gedragsverandering", "ziekmelding", "niet_verschenen", "uren_boven_belastbaarheid",
	"contract_einde", "subsidie_einde", NULL,
};
const char *const monitor_route_names[MONITOR_ROUTE__COUNT + 1] = {
	"vitalisering", "ontwikkel", "baanherontwerp", "mobiliteit", NULL,
};
const char *const monitor_outcome_names[MONITOR_OUTCOME__COUNT + 1] = {
	"lopend", "beeindigd", "doorgestroomd", NULL,
};

static const char *name_of(const char *const *names, int count, int i)
{
	return i >= 0 && i < count ? names[i] : "";
}

static int parse_of(const char *const *names, int count, const char *s, int *out)
{
	for (int i = 0; s != NULL && i < count; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	return -1;
}

#define NAMES(fn, type, names, count)                                  \
	const char *monitor_##fn##_name(type v)                          \
	{                                                                \
		return name_of(names, count, (int)v);                    \
	}
#define PARSE(fn, type, names, count)                                  \
	int monitor_##fn##_parse(const char *s, type *out)               \
	{                                                                \
		int i;                                                   \
		if (parse_of(names, count, s, &i) != 0)                  \
			return -1;                                       \
		*out = (type)i;                                          \
		return 0;                                                \
	}

NAMES(factor, enum monitor_factor, monitor_factor_names, MONITOR_FACTOR__COUNT)
NAMES(moment, enum monitor_moment, monitor_moment_names, MONITOR_MOMENT__COUNT)
NAMES(perspective, enum monitor_perspective, monitor_perspective_names,
      MONITOR_PERSPECTIVE__COUNT)
NAMES(status, enum monitor_status, status_names, MONITOR_STATUS__COUNT)
NAMES(risk, enum monitor_risk, monitor_risk_names, MONITOR_RISK__COUNT)
NAMES(route, enum monitor_route, monitor_route_names, MONITOR_ROUTE__COUNT)
NAMES(outcome, enum monitor_outcome, monitor_outcome_names, MONITOR_OUTCOME__COUNT)
PARSE(factor, enum monitor_factor, monitor_factor_names, MONITOR_FACTOR__COUNT)
PARSE(moment, enum monitor_moment, monitor_moment_names, MONITOR_MOMENT__COUNT)
PARSE(perspective, enum monitor_perspective, monitor_perspective_names,
      MONITOR_PERSPECTIVE__COUNT)
PARSE(risk, enum monitor_risk, monitor_risk_names, MONITOR_RISK__COUNT)
PARSE(route, enum monitor_route, monitor_route_names, MONITOR_ROUTE__COUNT)
PARSE(outcome, enum monitor_outcome, monitor_outcome_names, MONITOR_OUTCOME__COUNT)

/* ---- schedule ------------------------------------------------------------ */

int monitor_schedule_check(const struct monitor_schedule *s, const char **field)
{
	if (s->t2_months <= 12 || s->t2_months >= MONITOR_MAX_MONTHS) {
		*field = "t2_months";
		return -1;
	}
	if (s->t3_months <= s->t2_months || s->t3_months > MONITOR_MAX_MONTHS) {
		*field = "t3_months";
		return -1;
	}
	return 0;
}

sw_date monitor_add_months(sw_date d, int months)
{
	int y, m, day;
	date_to_ymd(d, &y, &m, &day);
	const int total = y * 12 + (m - 1) + months;
	y = total / 12;
	m = total % 12 + 1;
	const int last = date_days_in_month(y, m);
	return date_from_ymd(y, m, day < last ? day : last);
}

sw_date monitor_due(sw_date start, const struct monitor_schedule *s, enum monitor_moment m)
{
	switch (m) {
	case MONITOR_T0: return start;
	case MONITOR_T1: return monitor_add_months(start, 12);
	case MONITOR_T2: return monitor_add_months(start, s->t2_months);
	default: return monitor_add_months(start, s->t3_months);
	}
}

enum monitor_status monitor_status_of(sw_date due, bool answered, sw_date ended, sw_date today)
{
	if (answered)
		return MONITOR_INGEVULD;
	if (ended != DATE_NONE && ended < due)
		return MONITOR_VERVALLEN;
	if (today < due - MONITOR_OPEN_DAYS)
		return MONITOR_GEPLAND;
	if (today <= due + MONITOR_GRACE_DAYS)
		return MONITOR_OPEN;
	return MONITOR_TE_LAAT;
}

bool monitor_status_reminds(enum monitor_status s)
{
	return s == MONITOR_OPEN || s == MONITOR_TE_LAAT;
}

/* ---- risk signals ---------------------------------------------------------- */

/* Per kind the route that addresses its usual cause and the days to the
 * follow-up. Health signals (absence, behaviour change) go to the
 * vitaliseringsroute and are followed up within a week or two; no-shows
 * are about werknemersvaardigheden (on time, reporting absence), hence the
 * ontwikkelroute; hours beyond capacity ask to redesign the job; the end
 * of a contract asks for the next job (mobiliteit); the end of a wage
 * subsidy asks the employee's productivity to grow into the full wage
 * (ontwikkel). */
static const struct {
	enum monitor_route route;
	int days;
} advice_table[MONITOR_RISK__COUNT] = {
	[MONITOR_RISK_GEDRAGSVERANDERING] = { MONITOR_ROUTE_VITALISERING, 14 },
	[MONITOR_RISK_ZIEKMELDING] = { MONITOR_ROUTE_VITALISERING, 7 },
	[MONITOR_RISK_NIET_VERSCHENEN] = { MONITOR_ROUTE_ONTWIKKEL, 7 },
	[MONITOR_RISK_UREN_BOVEN_BELASTBAARHEID] = { MONITOR_ROUTE_BAANHERONTWERP, 7 },
	[MONITOR_RISK_CONTRACT_EINDE] = { MONITOR_ROUTE_MOBILITEIT, 14 },
	[MONITOR_RISK_SUBSIDIE_EINDE] = { MONITOR_ROUTE_ONTWIKKEL, 14 },
};

struct monitor_advice monitor_advise(enum monitor_risk kind, sw_date noted, sw_date ends_on)
{
	if ((unsigned)kind >= MONITOR_RISK__COUNT)
		kind = MONITOR_RISK_GEDRAGSVERANDERING;
	struct monitor_advice a = { advice_table[kind].route, noted + advice_table[kind].days };
	/* An end date pulls the follow-up forward, never before the signal. */
	if (ends_on != DATE_NONE && ends_on - MONITOR_END_LEAD_DAYS < a.follow_up)
		a.follow_up = ends_on - MONITOR_END_LEAD_DAYS > noted ? ends_on - MONITOR_END_LEAD_DAYS
								      : noted;
	return a;
}

static bool ends_soon(sw_date end, sw_date today)
{
	return end != DATE_NONE && end >= today &&
	       end <= monitor_add_months(today, MONITOR_END_WARNING_MONTHS);
}

unsigned monitor_derive(const struct monitor_facts *f, sw_date today)
{
	unsigned bits = 0;
	if (f->ended != DATE_NONE && f->ended < today)
		return 0;
	if (ends_soon(f->contract_until, today))
		bits |= 1u << MONITOR_RISK_CONTRACT_EINDE;
	if (ends_soon(f->subsidy_until, today))
		bits |= 1u << MONITOR_RISK_SUBSIDIE_EINDE;
	if (f->hours_per_week > 0 && f->capacity_hours > 0 && f->hours_per_week > f->capacity_hours)
		bits |= 1u << MONITOR_RISK_UREN_BOVEN_BELASTBAARHEID;
	if (f->last_sick_report != DATE_NONE && f->last_sick_report >= f->start &&
	    f->last_sick_report <= today)
		bits |= 1u << MONITOR_RISK_ZIEKMELDING;
	return bits;
}

/* ---- outcomes -------------------------------------------------------------- */

enum monitor_lasted monitor_lasted(sw_date start, sw_date ended, sw_date today, int months)
{
	const sw_date needed = monitor_add_months(start, months) - 1;
	const bool over = ended != DATE_NONE && ended <= today;
	if ((over ? ended : today) >= needed)
		return MONITOR_LASTED_YES;
	return over ? MONITOR_LASTED_NO : MONITOR_LASTED_UNKNOWN;
}

static void count_lasted(enum monitor_lasted l, unsigned *yes, unsigned *known)
{
	if (l == MONITOR_LASTED_UNKNOWN)
		return;
	(*known)++;
	if (l == MONITOR_LASTED_YES)
		(*yes)++;
}

void monitor_outcome_add(struct monitor_outcome_row *row, enum monitor_outcome outcome,
			 sw_date start, sw_date ended, sw_date today)
{
	row->placements++;
	switch (outcome) {
	case MONITOR_OUTCOME_BEEINDIGD: row->beeindigd++; break;
	case MONITOR_OUTCOME_DOORGESTROOMD: row->doorgestroomd++; break;
	default: row->lopend++; break;
	}
	count_lasted(monitor_lasted(start, ended, today, 6), &row->lasted6, &row->known6);
	count_lasted(monitor_lasted(start, ended, today, 12), &row->lasted12, &row->known12);
}
