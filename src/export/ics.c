/* ics.c - iCalendar feed of deadlines, built with libical. */
#include "ics.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "core/holiday.h"
#include "nl_text.h"

#define ICS_PRODID "-//Spoorwijzer//NL"
#define ICS_DEFAULT_CALNAME "Spoorwijzer termijnen"
#define ICS_DEFAULT_DOMAIN "spoorwijzer"

int ics_uid(char *buf, size_t size, long long case_id, const struct tl_deadline *d,
	    const char *domain)
{
	return snprintf(buf, size, "case-%lld-%s-%d@%s", case_id, tl_code_name(d->code), d->seq,
			domain != NULL ? domain : ICS_DEFAULT_DOMAIN);
}

static struct icaltimetype ical_date(sw_date date)
{
	struct icaltimetype t = icaltime_null_date();
	date_to_ymd(date, &t.year, &t.month, &t.day);
	return t;
}

/* snprintf that appends at *n and never runs past size. */
static void __attribute__((format(printf, 4, 5)))
appendf(char *buf, size_t size, size_t *n, const char *fmt, ...)
{
	if (*n >= size)
		return;
	va_list ap;
	va_start(ap, fmt);
	int w = vsnprintf(buf + *n, size - *n, fmt, ap);
	va_end(ap);
	if (w > 0)
		*n = *n + (size_t)w < size ? *n + (size_t)w : size;
}

/* snprintf cuts a long label wherever the buffer ends, possibly inside a
 * character; drop the partial character so the feed stays UTF-8. */
static void utf8_trim(char *s)
{
	size_t n = strlen(s), i = n;
	while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return;
	const unsigned char lead = (unsigned char)s[i - 1];
	const size_t want = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (n - (i - 1) < want)
		s[i - 1] = '\0';
}

/* Text for people reading the event; one fact a line. */
static void describe(char *buf, size_t size, const struct ics_case *c, const struct tl_deadline *d)
{
	const struct tl_step *step = &c->tl->rules->steps[d->code];
	char date[NL_DATE_MAX], roles[128];
	size_t n = 0;
	buf[0] = '\0';

	appendf(buf, size, &n, "%s (week %d)", step->title_nl, d->week);
	if (c->label != NULL && c->label[0] != '\0')
		appendf(buf, size, &n, " voor %s", c->label);
	appendf(buf, size, &n, "\n");
	nl_date_long(d->due, date);
	appendf(buf, size, &n, "Wettelijke uiterste datum: %s\n", date);
	if (d->due_effective != d->due) {
		enum holiday h = holiday_of(d->due);
		nl_date_long(d->due_effective, date);
		appendf(buf, size, &n, "Uiterste datum na Algemene termijnenwet: %s (verschoven: %s)\n",
			date, h != HOLIDAY_NONE ? holiday_name(h) : "weekend");
	}
	appendf(buf, size, &n, "Status: %s\n", tl_status_name(d->status));
	if (d->done != DATE_NONE) {
		nl_date_long(d->done, date);
		appendf(buf, size, &n, "Gedaan op: %s\n", date);
	}
	if (d->status == TL_AFWIJKING) {
		nl_date_long(d->agreed_due, date);
		appendf(buf, size, &n, "Afwijking (art. 5): %s\n",
			d->agreed_due != DATE_NONE ? date : "geen datum (vrijstelling of stap vervalt)");
	}
	nl_roles_join(step->roles, roles, sizeof roles);
	appendf(buf, size, &n, "Verantwoordelijk: %s\n", roles);
	appendf(buf, size, &n, "Bron: %s (regels %s)", step->source, c->tl->rules->version);
}

/* A suspended deadline moves when the employee relapses, a lapsed one
 * will not come: say so in terms calendar clients act on. */
static enum icalproperty_status event_status(enum tl_status s)
{
	switch (s) {
	case TL_VERVALLEN: return ICAL_STATUS_CANCELLED;
	case TL_OPGESCHORT: return ICAL_STATUS_TENTATIVE;
	default: return ICAL_STATUS_CONFIRMED;
	}
}

static icalcomponent *alarm(const char *summary, int days)
{
	/* Relative to the start of an all-day event, which is 00:00 local time:
	 * -days plus 9 hours is 09:00 on the morning `days` days before. */
	struct icaltriggertype trig = { .time = icaltime_null_time(),
					.duration = icaldurationtype_from_int(-(days * 86400 - 9 * 3600)) };
	return icalcomponent_vanew(ICAL_VALARM_COMPONENT,
				   icalproperty_new_action(ICAL_ACTION_DISPLAY),
				   icalproperty_new_trigger(trig),
				   icalproperty_new_description(summary),
				   (void *)0);
}

static icalproperty *organizer(const struct ics_options *opt)
{
	char addr[320];
	if (opt->organizer != NULL)
		snprintf(addr, sizeof addr, "mailto:%s", opt->organizer);
	else
		snprintf(addr, sizeof addr, "mailto:noreply@%s",
			 opt->uid_domain != NULL ? opt->uid_domain : ICS_DEFAULT_DOMAIN);
	icalproperty *p = icalproperty_new_organizer(addr);
	if (p != NULL)
		icalproperty_add_parameter(p, icalparameter_new_cn("Spoorwijzer"));
	return p;
}

static icalcomponent *event(const struct ics_case *c, const struct tl_deadline *d,
			    const struct ics_options *opt, struct icaltimetype stamp)
{
	const struct tl_step *step = &c->tl->rules->steps[d->code];
	char uid[256], summary[512], seq[16] = "", desc[2048];
	ics_uid(uid, sizeof uid, c->id, d, opt->uid_domain);
	if (d->seq > 0)
		snprintf(seq, sizeof seq, " %d", d->seq);
	const int labelled = c->label != NULL && c->label[0] != '\0';
	snprintf(summary, sizeof summary, "%s%s%s%s", step->title_nl, seq, labelled ? " – " : "",
		 labelled ? c->label : "");
	describe(desc, sizeof desc, c, d);
	utf8_trim(summary);
	utf8_trim(desc);

	icalcomponent *ev = icalcomponent_vanew(ICAL_VEVENT_COMPONENT,
		icalproperty_new_uid(uid),
		icalproperty_new_dtstamp(stamp),
		icalproperty_new_dtstart(ical_date(d->due_effective)),
		icalproperty_new_dtend(ical_date(d->due_effective + 1)),
		organizer(opt),
		icalproperty_new_summary(summary),
		icalproperty_new_description(desc),
		icalproperty_new_status(event_status(d->status)),
		icalproperty_new_categories("Poortwachter"),
		/* A deadline is not an appointment: it must not show as busy. */
		icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT),
		/* Names of employees: keep them out of shared free/busy views. */
		icalproperty_new_class(ICAL_CLASS_PRIVATE),
		(void *)0);
	if (ev == NULL)
		return NULL;
	if (c->url != NULL)
		icalcomponent_add_property(ev, icalproperty_new_url(c->url));
	if (opt->alarm_days > 0 && (d->status == TL_OPEN || d->status == TL_GEPLAND))
		icalcomponent_add_component(ev, alarm(summary, opt->alarm_days));
	return ev;
}

static icalproperty *xprop(const char *name, const char *value)
{
	icalproperty *p = icalproperty_new_x(value);
	if (p != NULL)
		icalproperty_set_x_name(p, name);
	return p;
}

static int check_case(const struct ics_case *c, size_t i, struct sw_error *err)
{
	if (c->tl == NULL || c->tl->rules == NULL)
		return sw_error_set(err, SW_EINVAL, "cases", "case %zu has no timeline", i);
	for (size_t k = 0; k < c->tl->n; k++)
		if (c->tl->items[k].due_effective == DATE_NONE)
			return sw_error_set(err, SW_EINVAL, "cases", "case %lld: deadline %zu has no date",
					    c->id, k);
	return 0;
}

static icalcomponent *calendar(const struct ics_case *cases, size_t n, const struct ics_options *opt)
{
	struct icaltimetype stamp = icaltime_from_timet_with_zone(opt->stamp, 0,
								  icaltimezone_get_utc_timezone());
	icalcomponent *cal = icalcomponent_vanew(ICAL_VCALENDAR_COMPONENT,
		icalproperty_new_prodid(ICS_PRODID),
		icalproperty_new_version("2.0"),
		icalproperty_new_calscale("GREGORIAN"),
		icalproperty_new_method(ICAL_METHOD_PUBLISH),
		xprop("X-WR-CALNAME", opt->calname != NULL ? opt->calname : ICS_DEFAULT_CALNAME),
		/* Subscribed clients poll; deadlines change at most daily. */
		xprop("X-PUBLISHED-TTL", "PT6H"),
		(void *)0);
	if (cal == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < cases[i].tl->n; k++)
			icalcomponent_add_component(cal, event(&cases[i], &cases[i].tl->items[k], opt, stamp));
	return cal;
}

int ics_render(const struct ics_case *cases, size_t n, const struct ics_options *opt,
	       char **out, size_t *len, struct sw_error *err)
{
	*out = NULL;
	*len = 0;
	for (size_t i = 0; i < n; i++)
		if (check_case(&cases[i], i, err) != 0)
			return -1;

	/* libical reports allocation failures only through icalerrno (the
	 * constructors return NULL and the adders ignore it), so one check
	 * after building covers every call. icalerrno is thread-local. */
	icalerror_clear_errno();
	icalcomponent *cal = calendar(cases, n, opt);
	char *text = cal != NULL && icalerrno == ICAL_NO_ERROR ? icalcomponent_as_ical_string_r(cal) : NULL;
	if (cal != NULL)
		icalcomponent_free(cal);
	if (text == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "building the calendar failed: %s",
				    icalerror_strerror(icalerrno));

	/* Hand out a buffer from our own allocator: libical may use another. */
	size_t size = strlen(text);
	*out = malloc(size + 1);
	if (*out != NULL)
		memcpy(*out, text, size + 1);
	icalmemory_free_buffer(text);
	if (*out == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	*len = size;
	return 0;
}
