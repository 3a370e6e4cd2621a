/* ics.h - the deadlines of one or more cases as an iCalendar feed (RFC 5545)
 * that a user subscribes to in Outlook, Google or Apple Calendar.
 *
 * Every deadline becomes one all-day VEVENT on its due_effective date, with
 * a UID that stays the same across exports ("case-12-probleemanalyse-0@
 * spoorwijzer") so a client updates an event when a date moves instead of
 * adding a second one. METHOD:PUBLISH makes ORGANIZER mandatory (RFC 5546
 * 3.2.1); it names the installation, "Spoorwijzer", not a person, and the
 * API layer should set uid_domain to the host name of the installation.
 * Only names and step titles go out: the feed leaves
 * the server, so it carries no medical data and no free text. */
#ifndef SW_ICS_H
#define SW_ICS_H

#include <stddef.h>
#include <time.h>

#include "core/error.h"
#include "core/timeline.h"

/* One case of the feed; everything is borrowed for the call. */
struct ics_case {
	long long id;
	const char *label;             /* who, e.g. "J. de Vries (Bakkerij Jansen)" */
	const struct tl_timeline *tl;  /* computed by tl_compute */
	const char *url;               /* link to the case in the web app, or NULL */
};

struct ics_options {
	const char *calname;     /* X-WR-CALNAME; NULL: "Spoorwijzer termijnen" */
	const char *uid_domain;  /* after the '@' of each UID; NULL: "spoorwijzer" */
	time_t stamp;            /* DTSTAMP, the moment of the export */
	int alarm_days;          /* reminder at 09:00 this many days before; 0: none */
	const char *organizer;   /* ORGANIZER address; NULL: noreply@<uid_domain> */
};

/* Renders the calendar into a malloc'd, NUL-terminated buffer that the
 * caller frees with free(); *len excludes the NUL. Returns 0, or -1 with err
 * set (out of memory, or a deadline without a date). */
int ics_render(const struct ics_case *cases, size_t n, const struct ics_options *opt,
	       char **out, size_t *len, struct sw_error *err);

/* The UID of a deadline: "case-<id>-<code>-<seq>@<domain>". Returns the
 * length it wanted, as snprintf does. */
int ics_uid(char *buf, size_t size, long long case_id, const struct tl_deadline *d,
	    const char *domain);

#endif
