/* cmd_timeline.c - `spoorwijzer timeline`: the engine on the command line.
 *
 *   spoorwijzer timeline --sick FROM[:TO][@PCT] [--sick ...]
 *       [--extension-weeks N] [--event KIND:DATE[:VALUE]]...
 *       [--deviation CODE[:DATE]]... [--date TODAY] [--json]
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/holiday.h"
#include "core/timeline.h"
#include "export/timeline_json.h"

#define MAX_PERIODS 64
#define MAX_EVENTS 256

struct args {
	struct tl_period periods[MAX_PERIODS];
	const char *period_arg[MAX_PERIODS];   /* original text, for messages */
	size_t nperiods;
	struct tl_event events[MAX_EVENTS];
	const char *event_arg[MAX_EVENTS];
	size_t nevents;
	struct tl_deviation deviations[TL_CODE__COUNT];
	size_t ndeviations;
	sw_date today;
	int json;
};

static int help(void)
{
	printf("usage: spoorwijzer timeline --sick FROM[:TO][@PCT] [--sick ...] [options]\n\n"
	       "Computes the Wet verbetering poortwachter deadlines of a sick history.\n"
	       "FROM is the first sick day, TO the last (inclusive; omit while still sick),\n"
	       "PCT the share of work lost (default 100). Periods less than 28 days apart\n"
	       "are one case (samentelling); only the last case is computed.\n\n"
	       "options:\n"
	       "  --extension-weeks N      art. 24 uitstel WIA-aanvraag, 1..52 weeks\n"
	       "  --event KIND:DATE[:N]    a recorded event, e.g. probleemanalyse:2025-02-03,\n"
	       "                           loonsanctie:2027-01-10:26\n"
	       "  --deviation CODE[:DATE]  art. 5 deviation agreed for a deadline\n"
	       "  --date DATE              the day to compute statuses for (default: today)\n"
	       "  --json                   JSON instead of a table\n");
	return CLI_OK;
}

/* Parses "FROM[:TO][@PCT]". */
static int parse_sick(const char *arg, struct tl_period *p)
{
	char buf[64];
	if (strlen(arg) >= sizeof buf)
		return cli_usage_error("--sick %.20s...: too long (FROM[:TO][@PCT])", arg);
	strcpy(buf, arg);
	p->percent = 100;
	char *at = strchr(buf, '@');
	if (at != NULL) {
		*at++ = '\0';
		char *end;
		errno = 0;
		long pct = strtol(at, &end, 10);
		if (*at == '\0' || *end != '\0' || errno || pct < 1 || pct > 100)
			return cli_usage_error("--sick %s: percentage '%s' must be 1..100", arg, at);
		p->percent = (int)pct;
	}
	char *colon = strchr(buf, ':');
	if (colon != NULL)
		*colon++ = '\0';
	if (date_parse(buf, &p->from) != 0)
		return cli_usage_error("--sick %s: FROM '%s' is not a valid date (YYYY-MM-DD)", arg, buf);
	p->to = DATE_NONE;
	if (colon != NULL && date_parse(colon, &p->to) != 0)
		return cli_usage_error("--sick %s: TO '%s' is not a valid date (YYYY-MM-DD)", arg, colon);
	return CLI_OK;
}

static int parse_int(const char *arg, const char *s, int lo, int hi, int *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno || v < lo || v > hi)
		return cli_usage_error("%s: '%s' must be a whole number %d..%d", arg, s, lo, hi);
	*out = (int)v;
	return CLI_OK;
}

/* Parses "KIND:DATE[:VALUE]". */
static int parse_event(const char *arg, struct tl_event *e)
{
	char buf[128];
	if (strlen(arg) >= sizeof buf)
		return cli_usage_error("--event %.20s...: too long", arg);
	strcpy(buf, arg);
	char *date = strchr(buf, ':');
	if (date == NULL)
		return cli_usage_error("--event %s: expected KIND:DATE[:VALUE]", arg);
	*date++ = '\0';
	char *value = strchr(date, ':');
	if (value != NULL)
		*value++ = '\0';
	if (tl_event_kind_parse(buf, &e->kind) != 0)
		return cli_usage_error("--event %s: unknown event kind '%s'", arg, buf);
	if (date_parse(date, &e->date) != 0)
		return cli_usage_error("--event %s: '%s' is not a valid date (YYYY-MM-DD)", arg, date);
	e->value = 0;
	if (value != NULL)
		return parse_int("--event", value, 0, 1000, &e->value);
	return CLI_OK;
}

static int parse_deviation(const char *arg, struct tl_deviation *d)
{
	char buf[64];
	if (strlen(arg) >= sizeof buf)
		return cli_usage_error("--deviation %.20s...: too long", arg);
	strcpy(buf, arg);
	char *date = strchr(buf, ':');
	if (date != NULL)
		*date++ = '\0';
	if (tl_code_parse(buf, &d->code) != 0)
		return cli_usage_error("--deviation %s: unknown deadline code '%s'", arg, buf);
	d->agreed_due = DATE_NONE;
	if (date != NULL && date_parse(date, &d->agreed_due) != 0)
		return cli_usage_error("--deviation %s: '%s' is not a valid date", arg, date);
	return CLI_OK;
}

static int parse_option(struct args *a, const char *opt, const char *val)
{
	int rc, weeks;
	if (val == NULL)
		return cli_usage_error("%s: missing value", opt);
	if (strcmp(opt, "--sick") == 0) {
		if (a->nperiods == MAX_PERIODS)
			return cli_usage_error("--sick: at most %d periods", MAX_PERIODS);
		a->period_arg[a->nperiods] = val;
		return parse_sick(val, &a->periods[a->nperiods++]);
	}
	if (strcmp(opt, "--event") == 0 || strcmp(opt, "--extension-weeks") == 0) {
		if (a->nevents == MAX_EVENTS)
			return cli_usage_error("%s: at most %d events", opt, MAX_EVENTS);
		struct tl_event *e = &a->events[a->nevents];
		a->event_arg[a->nevents] = val;
		if (opt[2] == 'e' && opt[3] == 'v') {
			rc = parse_event(val, e);
		} else {
			rc = parse_int(opt, val, 1, 52, &weeks);
			*e = (struct tl_event){ TL_EV_UITSTEL_WIA_AANVRAAG, DATE_NONE, weeks };
		}
		a->nevents += rc == CLI_OK;
		return rc;
	}
	if (strcmp(opt, "--deviation") == 0) {
		if (a->ndeviations == TL_CODE__COUNT)
			return cli_usage_error("--deviation: at most one per deadline code");
		return parse_deviation(val, &a->deviations[a->ndeviations++]);
	}
	if (strcmp(opt, "--date") == 0)
		return cli_parse_date(opt, val, &a->today) == 0 ? CLI_OK : CLI_USAGE;
	return cli_usage_error("unknown option '%s' (see --help)", opt);
}

static int parse_args(int argc, char **argv, struct args *a)
{
	a->today = DATE_NONE;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			a->json = 1;
			continue;
		}
		int rc = parse_option(a, argv[i], i + 1 < argc ? argv[i + 1] : NULL);
		if (rc != CLI_OK)
			return rc;
		i++;
	}
	if (a->nperiods == 0)
		return cli_usage_error("--sick: at least one sick period is required");
	if (a->today == DATE_NONE)
		a->today = cli_today();
	return CLI_OK;
}

/* Sorts periods together with their argument text. */
static void sort_periods(struct args *a)
{
	for (size_t i = 1; i < a->nperiods; i++) {
		struct tl_period p = a->periods[i];
		const char *s = a->period_arg[i];
		size_t j = i;
		for (; j > 0 && a->periods[j - 1].from > p.from; j--) {
			a->periods[j] = a->periods[j - 1];
			a->period_arg[j] = a->period_arg[j - 1];
		}
		a->periods[j] = p;
		a->period_arg[j] = s;
	}
}

static void print_table(const struct tl_timeline *tl, sw_date today)
{
	char d1[DATE_STRLEN], d2[DATE_STRLEN], d3[DATE_STRLEN];
	date_format(today, d1);
	date_format(tl->case_start, d2);
	printf("Eerste ziektedag %s, vandaag %s: week %d (%d ziektedagen), regels %s\n",
	       d2, d1, tl->week, tl->sick_days, tl->rules->version);
	if (tl->recovered != DATE_NONE) {
		date_format(tl->recovered, d1);
		printf("Hersteld per %s%s\n", d1, tl->ended ? " (zaak beëindigd)" : "");
	}
	printf("\n%-24s %4s  %-10s  %-10s  %-10s  %s\n", "code", "week", "due", "effectief",
	       "gedaan", "status");
	for (size_t i = 0; i < tl->n; i++) {
		const struct tl_deadline *d = &tl->items[i];
		char code[40];
		snprintf(code, sizeof code, d->seq ? "%s #%d" : "%s", tl_code_name(d->code), d->seq);
		date_format(d->due, d1);
		date_format(d->due_effective, d2);
		date_format(d->done, d3);
		const enum holiday h = holiday_of(d->due);
		printf("%-24s %4d  %s  %s  %-10s  %s%s%s\n", code, d->week, d1, d2, d3,
		       tl_status_name(d->status),
		       d->due != d->due_effective ? ", verschoven: " : "",
		       d->due == d->due_effective ? "" : h != HOLIDAY_NONE ? holiday_name(h) : "weekend");
	}
}

static int print_json(const struct tl_timeline *tl, sw_date today)
{
	json_t *o = timeline_json(tl, today);
	int rc = json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	json_decref(o);
	putchar('\n');
	return rc == 0 ? CLI_OK : CLI_FAIL;
}

int cmd_timeline(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "--help") == 0)
		return help();
	static struct args a; /* large; single-threaded CLI entry */
	memset(&a, 0, sizeof a);
	int rc = parse_args(argc, argv, &a);
	if (rc != CLI_OK)
		return rc;
	sort_periods(&a);

	struct tl_input in = {
		.periods = a.periods, .nperiods = a.nperiods,
		.events = a.events, .nevents = a.nevents,
		.deviations = a.deviations, .ndeviations = a.ndeviations,
		.today = a.today,
	};
	struct tl_timeline tl;
	size_t bad = 0;
	enum tl_error err = tl_compute(&in, &tl, &bad);
	if (err >= TL_ERR_NO_PERIODS && err <= TL_ERR_PERCENT)
		return cli_usage_error("--sick %s: %s", a.period_arg[bad], tl_error_message(err));
	if (err == TL_ERR_DEVIATION_CODE)
		return cli_usage_error("--deviation: %s", tl_error_message(err));
	if (err != TL_OK)
		return cli_usage_error("%s %s: %s",
				       a.events[bad].date == DATE_NONE ? "--extension-weeks" : "--event",
				       a.event_arg[bad], tl_error_message(err));
	if (a.json)
		return print_json(&tl, a.today);
	print_table(&tl, a.today);
	return CLI_OK;
}
