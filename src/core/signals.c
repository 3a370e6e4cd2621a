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
