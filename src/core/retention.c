#include "retention.h"

sw_date retention_add_years(sw_date date, int years)
{
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	y += years;
	if (d > date_days_in_month(y, m))
		d = date_days_in_month(y, m);
	return date_from_ymd(y, m, d);
}

enum retention_verdict retention_decide(const struct retention_input *in, sw_date today,
					sw_date *due)
{
	*due = DATE_NONE;
	if (in->case_end == DATE_NONE)
		return RETENTION_KEEP_CASE_RUNS;
	if (in->employed)
		return RETENTION_KEEP_EMPLOYED;
	sw_date end = in->case_end;
	if (in->employment_end != DATE_NONE && in->employment_end > end)
		end = in->employment_end;
	/* The term counts from the day after the last day. */
	*due = retention_add_years(end + 1, in->years);
	return *due <= today ? RETENTION_REMOVE : RETENTION_KEEP_TERM;
}

const char *retention_verdict_name(enum retention_verdict v)
{
	switch (v) {
	case RETENTION_KEEP_CASE_RUNS: return "zaak loopt";
	case RETENTION_KEEP_EMPLOYED: return "in dienst";
	case RETENTION_KEEP_TERM: return "termijn loopt";
	case RETENTION_REMOVE: return "verwijderen";
	}
	return "";
}
