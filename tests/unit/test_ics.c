/* test_ics.c - the deadline feed: rendered from real timelines, parsed back
 * with libical's own parser, and checked against RFC 5545 restrictions. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <libical/ical.h>

#include "core/timeline.h"
#include "export/ics.h"

static sw_date D(const char *s)
{
	sw_date d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

/* Three cases that between them produce every event status: an ongoing
 * one (open, gepland, te laat, gedaan, an art. 5 deviation), one that
 * ended by recovery (vervallen) and one suspended by a short recovery. */
struct fx {
	struct tl_timeline tl[3];
	struct ics_case cases[3];
};

static void fx_build(struct fx *f)
{
	struct tl_period a[1] = { { D("2025-01-06"), DATE_NONE, 100 } };
	struct tl_event ev[] = { { TL_EV_ZIEKMELDING_ARBODIENST, D("2025-01-08"), 0 } };
	struct tl_deviation dv[] = { { TL_MELDING_UWV, D("2025-11-14") } };
	struct tl_input in = { a, 1, ev, 1, dv, 1, D("2025-03-01") };
	assert_int_equal(tl_compute(&in, &f->tl[0], NULL), TL_OK);

	struct tl_period b[1] = { { D("2024-11-04"), D("2024-12-20"), 100 } };
	struct tl_input in_b = { b, 1, NULL, 0, NULL, 0, D("2025-03-01") };
	assert_int_equal(tl_compute(&in_b, &f->tl[1], NULL), TL_OK);

	struct tl_period c[1] = { { D("2025-01-13"), D("2025-02-20"), 50 } };
	struct tl_input in_c = { c, 1, NULL, 0, NULL, 0, D("2025-03-01") };
	assert_int_equal(tl_compute(&in_c, &f->tl[2], NULL), TL_OK);

	f->cases[0] = (struct ics_case){ 12, "J. de Vries (Bakkerij Jansen, Utrecht)", &f->tl[0],
					 "https://spoorwijzer.example/zaken/12" };
	f->cases[1] = (struct ics_case){ 7, "Zoë Ëlsen; \"Café\" <B&B>", &f->tl[1], NULL };
	/* A label longer than the summary holds: cut, but never inside a
	 * character (the lines check in test_wire_format would see it). */
	static char long_label[2 * 400 + 1];
	for (size_t i = 0; i < 400; i++)
		memcpy(long_label + 2 * i, i % 2 ? "é" : "ë", 2);
	f->cases[2] = (struct ics_case){ 31, long_label, &f->tl[2], NULL };
}

static const struct ics_options opts = {
	.calname = "Termijnen van Anna (casemanager)",
	.uid_domain = "spoorwijzer.example",
	.stamp = 1740787200, /* 2025-03-01T00:00:00Z */
	.alarm_days = 3,
};

static char *render(const struct fx *f, size_t *len)
{
	char *out;
	struct sw_error err = { 0 };
	assert_int_equal(ics_render(f->cases, 3, &opts, &out, len, &err), 0);
	assert_non_null(out);
	assert_int_equal(strlen(out), *len);
	return out;
}

static icalcomponent *find_uid(icalcomponent *cal, const char *uid)
{
	for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev != NULL;
	     ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		if (strcmp(icalcomponent_get_uid(ev), uid) == 0)
			return ev;
	return NULL;
}

static void expect_date(struct icaltimetype t, sw_date want)
{
	int y, m, d;
	date_to_ymd(want, &y, &m, &d);
	assert_true(t.is_date);
	assert_int_equal(t.year, y);
	assert_int_equal(t.month, m);
	assert_int_equal(t.day, d);
}

static const char *xprop_value(icalcomponent *c, const char *name)
{
	for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_X_PROPERTY); p != NULL;
	     p = icalcomponent_get_next_property(c, ICAL_X_PROPERTY))
		if (strcmp(icalproperty_get_x_name(p), name) == 0)
			return icalproperty_get_x(p);
	return NULL;
}

/* Every deadline of every case comes back from libical's parser with its
 * UID, date, end, summary, status and (only when open or planned) alarm. */
static void test_round_trip(void **state)
{
	(void)state;
	struct fx f;
	fx_build(&f);
	size_t len;
	char *text = render(&f, &len);

	icalcomponent *cal = icalparser_parse_string(text);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_isa(cal), ICAL_VCALENDAR_COMPONENT);
	assert_string_equal(icalproperty_get_prodid(icalcomponent_get_first_property(cal, ICAL_PRODID_PROPERTY)),
			    "-//Spoorwijzer//NL");
	assert_int_equal(icalproperty_get_method(icalcomponent_get_first_property(cal, ICAL_METHOD_PROPERTY)),
			 ICAL_METHOD_PUBLISH);
	assert_string_equal(xprop_value(cal, "X-WR-CALNAME"), opts.calname);

	size_t total = 0, statuses = 0;
	for (size_t i = 0; i < 3; i++) {
		const struct ics_case *c = &f.cases[i];
		for (size_t k = 0; k < c->tl->n; k++) {
			const struct tl_deadline *d = &c->tl->items[k];
			char uid[256], want[512], seq[16] = "";
			ics_uid(uid, sizeof uid, c->id, d, opts.uid_domain);
			icalcomponent *ev = find_uid(cal, uid);
			if (ev == NULL)
				fail_msg("no event %s", uid);
			expect_date(icalcomponent_get_dtstart(ev), d->due_effective);
			expect_date(icalcomponent_get_dtend(ev), d->due_effective + 1);
			if (d->seq > 0)
				snprintf(seq, sizeof seq, " %d", d->seq);
			snprintf(want, sizeof want, "%s%s – %s", c->tl->rules->steps[d->code].title_nl, seq,
				 c->label);
			const char *got = icalcomponent_get_summary(ev);
			if (strlen(c->label) < 400)
				assert_string_equal(got, want);
			else   /* the long label: a whole-character prefix */
				assert_true(strlen(got) > 400 && strncmp(got, want, strlen(got)) == 0);
			assert_non_null(strstr(icalcomponent_get_description(ev), tl_status_name(d->status)));

			enum icalproperty_status st = icalcomponent_get_status(ev);
			assert_int_equal(st == ICAL_STATUS_CANCELLED, d->status == TL_VERVALLEN);
			assert_int_equal(st == ICAL_STATUS_TENTATIVE, d->status == TL_OPGESCHORT);
			int alarms = icalcomponent_count_components(ev, ICAL_VALARM_COMPONENT);
			assert_int_equal(alarms, d->status == TL_OPEN || d->status == TL_GEPLAND);
			statuses |= 1u << d->status;
			total++;
		}
	}
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), (int)total);
	/* The fixture is meant to cover every status; keep it honest. */
	assert_int_equal(statuses, (1u << TL_STATUS__COUNT) - 1);

	icalcomponent_free(cal);
	free(text);
}

/* Length of the well-formed UTF-8 sequence at p, 0 if there is none. */
static size_t utf8_seq(const unsigned char *p, const unsigned char *end)
{
	size_t n = p[0] < 0x80 ? 1 : (p[0] & 0xE0) == 0xC0 ? 2 : (p[0] & 0xF0) == 0xE0 ? 3 :
		   (p[0] & 0xF8) == 0xF0 ? 4 : 0;
	if (n == 0 || (size_t)(end - p) < n)
		return 0;
	for (size_t i = 1; i < n; i++)
		if ((p[i] & 0xC0) != 0x80)
			return 0;
	return n;
}

/* Folding must not cut a character in two: some clients read each physical
 * line as text before unfolding. */
static void expect_lines_utf8(const char *text)
{
	for (const char *line = text; *line != '\0';) {
		const char *end = strchr(line, '\r');
		assert_non_null(end);
		for (const unsigned char *p = (const unsigned char *)line; p < (const unsigned char *)end;) {
			size_t n = utf8_seq(p, (const unsigned char *)end);
			if (n == 0)
				fail_msg("line splits a UTF-8 character: %.*s", (int)(end - line), line);
			p += n;
		}
		line = end + 2;
	}
}

/* The specific bytes calendar clients depend on. */
static void test_wire_format(void **state)
{
	(void)state;
	struct fx f;
	fx_build(&f);
	size_t len;
	char *text = render(&f, &len);

	assert_non_null(strstr(text, "UID:case-12-probleemanalyse-0@spoorwijzer.example\r\n"));
	assert_non_null(strstr(text, "UID:case-12-voortgangsgesprek-1@spoorwijzer.example\r\n"));
	assert_non_null(strstr(text, "DTSTART;VALUE=DATE:"));
	assert_non_null(strstr(text, "DTEND;VALUE=DATE:"));
	assert_non_null(strstr(text, "DTSTAMP:20250301T000000Z\r\n"));
	assert_non_null(strstr(text, "METHOD:PUBLISH\r\n"));
	assert_non_null(strstr(text, "STATUS:CANCELLED\r\n"));
	assert_non_null(strstr(text, "TRIGGER:-P2DT15H\r\n"));
	/* Commas and semicolons of user text are escaped, not separators. */
	assert_non_null(strstr(text, "Zoë Ëlsen\\; \"Café\" <B&B>"));

	/* RFC 5545 3.1: CRLF everywhere, content lines folded at 75 octets. */
	size_t lines = 0;
	for (const char *p = text, *nl; (nl = strchr(p, '\n')) != NULL; p = nl + 1, lines++) {
		assert_true(nl > p && nl[-1] == '\r');
		assert_true(nl - 1 - p <= 75);
	}
	assert_true(len > 0 && text[len - 1] == '\n');
	assert_true(lines > 50);
	expect_lines_utf8(text);

	/* Same input, same bytes: clients and caches see no spurious change. */
	size_t len2;
	char *again = render(&f, &len2);
	assert_int_equal(len, len2);
	assert_memory_equal(text, again, len);
	free(again);
	free(text);
}

/* libical's own validator (RFC 5546 restrictions for METHOD:PUBLISH plus
 * the component grammar) finds nothing to complain about. */
static void test_restrictions(void **state)
{
	(void)state;
	struct fx f;
	fx_build(&f);
	size_t len;
	char *text = render(&f, &len);
	icalcomponent *cal = icalparser_parse_string(text);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_count_errors(cal), 0);
	icalcomponent_check_restrictions(cal);
	int errors = icalcomponent_count_errors(cal);
	if (errors != 0) {
		char *dump = icalcomponent_as_ical_string_r(cal);
		for (char *p = strstr(dump, "X-LIC-ERROR"); p != NULL; p = strstr(p + 1, "X-LIC-ERROR"))
			print_message("%.300s\n", p);
		icalmemory_free_buffer(dump);
	}
	assert_int_equal(errors, 0);
	icalcomponent_free(cal);
	free(text);
}

static void test_no_alarm_option_and_errors(void **state)
{
	(void)state;
	struct fx f;
	fx_build(&f);
	struct ics_options o = { .stamp = 0 };
	char *out;
	size_t len;
	struct sw_error err = { 0 };
	assert_int_equal(ics_render(f.cases, 1, &o, &out, &len, &err), 0);
	assert_null(strstr(out, "BEGIN:VALARM"));
	assert_non_null(strstr(out, "SUMMARY:Probleemanalyse – J. de Vries"));
	assert_non_null(strstr(out, "@spoorwijzer\r\n"));
	assert_non_null(strstr(out, "X-WR-CALNAME:Spoorwijzer termijnen\r\n"));
	free(out);

	/* Without a label the summary is the step alone. */
	struct ics_case anon = f.cases[0];
	anon.label = NULL;
	assert_int_equal(ics_render(&anon, 1, &o, &out, &len, &err), 0);
	assert_non_null(strstr(out, "SUMMARY:Probleemanalyse\r\n"));
	free(out);

	struct ics_case bad = { 1, "x", NULL, NULL };
	assert_int_equal(ics_render(&bad, 1, &o, &out, &len, &err), -1);
	assert_int_equal(err.code, SW_EINVAL);
	assert_null(out);

	/* An empty feed (a user without cases) is still a calendar. */
	assert_int_equal(ics_render(NULL, 0, &o, &out, &len, &err), 0);
	icalcomponent *cal = icalparser_parse_string(out);
	assert_non_null(cal);
	assert_int_equal(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), 0);
	icalcomponent_free(cal);
	free(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_wire_format),
		cmocka_unit_test(test_restrictions),
		cmocka_unit_test(test_no_alarm_option_and_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
