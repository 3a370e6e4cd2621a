/* signals.c - what the daily run reports for one case. */
#include "signals.h"

size_t signals_for_timeline(const struct tl_timeline *tl, sw_date today, int horizon_days,
			    struct signal *out, size_t max)
{
	size_t n = 0;
	for (size_t i = 0; i < tl->n; i++) {
		const struct tl_deadline *d = &tl->items[i];
		enum signal_kind kind;
		sw_date date = d->due_effective;
		if (d->status == TL_AFWIJKING && d->agreed_due != DATE_NONE) {
			kind = SIGNAL_AFSPRAAK;
			date = d->agreed_due;
			if (date - today > horizon_days)
				continue;
		} else if (d->status == TL_TE_LAAT) {
			kind = SIGNAL_TE_LAAT;
		} else if ((d->status == TL_OPEN || d->status == TL_GEPLAND) &&
			   date - today <= horizon_days) {
			kind = SIGNAL_BINNENKORT;
		} else {
			continue;
		}
		if (n < max) {
			out[n].kind = kind;
			out[n].deadline = d;
			out[n].date = date;
			out[n].days = date - today;
			out[n].roles = tl->rules->steps[d->code].roles;
		}
		n++;
	}
	return n;
}

const char *signal_kind_name(enum signal_kind kind)
{
	switch (kind) {
	case SIGNAL_BINNENKORT: return "binnenkort";
	case SIGNAL_TE_LAAT: return "te laat";
	case SIGNAL_AFSPRAAK: return "afspraak";
	}
	return "";
}

unsigned signal_perspective_roles(enum monitor_perspective v)
{
	switch (v) {
	case MONITOR_WERKNEMER: return ROLE_BIT(ROLE_WERKNEMER);
	case MONITOR_WERKGEVER: return ROLE_BIT(ROLE_WERKGEVER) | ROLE_BIT(ROLE_NETWERKWERKGEVER);
	case MONITOR_ARBEIDSDESKUNDIGE: return ROLE_BIT(ROLE_ARBEIDSDESKUNDIGE);
	case MONITOR_PERSPECTIVE__COUNT: break;
	}
	return 0;
}

size_t signals_for_placement(const struct signal_placement *p, sw_date today, int horizon_days,
			     struct reminder *out, size_t max)
{
	size_t n = 0;
	for (int m = 0; m < MONITOR_MOMENT__COUNT; m++) {
		const sw_date due = monitor_due(p->start, &p->schedule, (enum monitor_moment)m);
		for (int v = 0; v < MONITOR_PERSPECTIVE__COUNT; v++) {
			const enum monitor_status st =
				monitor_status_of(due, p->answered[m][v], p->ended, today);
			if (!monitor_status_reminds(st))
				continue;
			if (n < max)
				out[n] = (struct reminder){
					.kind = REMINDER_VRAGENLIJST, .moment = (enum monitor_moment)m,
					.perspective = (enum monitor_perspective)v,
					.overdue = st == MONITOR_TE_LAAT, .date = due,
					.days = due - today,
					.roles = signal_perspective_roles((enum monitor_perspective)v),
				};
			n++;
		}
	}
	if (p->ended != DATE_NONE)
		return n;
	for (size_t i = 0; i < p->nfollowups; i++) {
		const struct signal_followup *f = &p->followups[i];
		if (f->follow_up - today > horizon_days)
			continue;
		if (n < max)
			out[n] = (struct reminder){
				.kind = REMINDER_OPVOLGING, .followup = f,
				.overdue = f->follow_up < today, .date = f->follow_up,
				.days = f->follow_up - today,
				.roles = ROLE_BIT(ROLE_ARBEIDSDESKUNDIGE),
			};
		n++;
	}
	return n;
}

const char *reminder_kind_name(enum reminder_kind kind)
{
	switch (kind) {
	case REMINDER_VRAGENLIJST: return "vragenlijst";
	case REMINDER_OPVOLGING: return "opvolging";
	}
	return "";
}
