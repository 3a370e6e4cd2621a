/* cmd_signals.c - `spoorwijzer signals`: the daily run. For every open case
 * it lists, per party, what is due within 14 days and what is overdue: the
 * deadlines of the timeline and, of monitored placements, questionnaires
 * that are open or overdue and risk-signal follow-ups. A
 * step whose responsible role nobody holds in the case is reported too:
 * that is a gap in the case's team, not something to skip silently. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "core/signals.h"
#include "export/timeline_json.h"
#include "store/store.h"

struct run {
	sw_date today;
	int json;
	long cases, signals, reminders, unassigned;
	json_t *out;   /* JSON mode: the "cases" array */
};

static int help(void)
{
	printf("usage: spoorwijzer signals --database URL [--date D] [--json]\n\n"
	       "Lists per open case and party what is due in the next %d days, what is\n"
	       "overdue and which art. 5 agreed dates are near; of monitored placements\n"
	       "the questionnaires that are open or overdue and the risk-signal\n"
	       "follow-ups that are near or past. --date runs it as of another day\n"
	       "(default: today in Europe/Amsterdam).\n", SIGNALS_HORIZON_DAYS);
	return CLI_OK;
}

static json_t *party_json(const struct store_participant *p)
{
	return json_pack("{s:I, s:s, s:s, s:s}", "user_id", (json_int_t)p->user_id,
			 "name", p->name, "email", p->email, "role", role_name(p->role));
}

static json_t *parties_json(const struct store_scan_case *c, unsigned roles)
{
	json_t *parties = json_array();
	for (size_t i = 0; i < c->nparticipants; i++)
		if (roles & ROLE_BIT(c->participants[i].role))
			json_array_append_new(parties, party_json(&c->participants[i]));
	return parties;
}

static json_t *reminder_json(const struct store_scan_case *c, const struct store_scan_placement *p,
			     const struct reminder *r)
{
	json_t *o = json_pack("{s:I, s:s}", "placement_id", (json_int_t)p->id, "reminder",
			      reminder_kind_name(r->kind));
	if (r->kind == REMINDER_VRAGENLIJST) {
		json_object_set_new(o, "moment", json_string(monitor_moment_name(r->moment)));
		json_object_set_new(o, "perspective",
				    json_string(monitor_perspective_name(r->perspective)));
		json_object_set_new(o, "status", json_string(r->overdue ? "te_laat" : "open"));
	} else {
		json_object_set_new(o, "risk_signal_id", json_integer(r->followup->id));
		json_object_set_new(o, "kind", json_string(monitor_risk_name(r->followup->kind)));
		json_object_set_new(o, "status", json_string(r->overdue ? "te_laat" : "binnenkort"));
	}
	json_object_set_new(o, "date", json_date(r->date));
	json_object_set_new(o, "days", json_integer(r->days));
	json_object_set_new(o, "parties", parties_json(c, r->roles));
	return o;
}

static json_t *signal_json(const struct store_scan_case *c, const struct tl_timeline *tl,
			   const struct signal *s)
{
	json_t *o = timeline_deadline_json(tl, s->deadline);
	json_object_set_new(o, "signal", json_string(signal_kind_name(s->kind)));
	json_object_set_new(o, "date", json_date(s->date));
	json_object_set_new(o, "days", json_integer(s->days));
	json_object_set_new(o, "parties", parties_json(c, s->roles));
	return o;
}

static void print_heading(const struct store_scan_case *c, int week)
{
	printf("Zaak %lld, %s, week %d\n", (long long)c->case_id, c->employee_name, week);
}

/* The parties of roles in the case, one line each; a role nobody holds is
 * a gap, counted in *unassigned. */
static void print_parties(const struct store_scan_case *c, unsigned roles, long *unassigned)
{
	int any = 0;
	for (int r = 0; r < ROLE__COUNT; r++) {
		if (!(roles & ROLE_BIT(r)))
			continue;
		for (size_t i = 0; i < c->nparticipants; i++) {
			const struct store_participant *p = &c->participants[i];
			if (p->role == (enum role)r) {
				printf("      %-26s %s <%s>\n", role_name(p->role), p->name, p->email);
				any = 1;
			}
		}
	}
	if (!any) {
		int first = 0;
		while (first < ROLE__COUNT && !(roles & ROLE_BIT(first)))
			first++;
		printf("      %-26s (niemand toegewezen)\n", role_name((enum role)first));
		(*unassigned)++;
	}
}

static void print_reminder(const struct store_scan_case *c, const struct store_scan_placement *p,
			   const struct reminder *r, long *unassigned)
{
	char date[DATE_STRLEN];
	date_format(r->date, date);
	if (r->kind == REMINDER_VRAGENLIJST)
		printf("  %-10s vragenlijst %s %s, plaatsing %lld, %s (%+d dagen)\n",
		       r->overdue ? "te laat" : "open", monitor_moment_name(r->moment),
		       monitor_perspective_name(r->perspective), (long long)p->id, date, r->days);
	else
		printf("  %-10s opvolging risicosignaal %s, plaatsing %lld, %s (%+d dagen)\n",
		       r->overdue ? "te laat" : "binnenkort", monitor_risk_name(r->followup->kind),
		       (long long)p->id, date, r->days);
	print_parties(c, r->roles, unassigned);
}

static void print_signal(const struct store_scan_case *c, const struct tl_timeline *tl,
			 const struct signal *s, long *unassigned)
{
	char date[DATE_STRLEN];
	date_format(s->date, date);
	const struct tl_step *step = &tl->rules->steps[s->deadline->code];
	printf("  %-10s %s%s %s (%+d dagen)\n", signal_kind_name(s->kind), step->title_nl,
	       s->deadline->seq ? " (vervolg)" : "", date, s->days);
	for (int r = 0; r < ROLE__COUNT; r++) {
		if (!(s->roles & ROLE_BIT(r)))
			continue;
		int found = 0;
		for (size_t i = 0; i < c->nparticipants; i++) {
			const struct store_participant *p = &c->participants[i];
			if (p->role == (enum role)r) {
				printf("      %-26s %s <%s>\n", role_name(p->role), p->name, p->email);
				found = 1;
			}
		}
		if (!found) {
			printf("      %-26s (niemand toegewezen)\n", role_name((enum role)r));
			(*unassigned)++;
		}
	}
}

/* The reminders of a placement, malloc'ed into *out (NULL when none). */
static size_t placement_reminders(const struct store_scan_placement *p, sw_date today,
				  struct reminder **out, struct sw_error *err)
{
	*out = NULL;
	const size_t n = signals_for_placement(&p->facts, today, SIGNALS_HORIZON_DAYS, NULL, 0);
	if (n == 0)
		return 0;
	if ((*out = malloc(n * sizeof **out)) == NULL) {
		sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		return (size_t)-1;
	}
	return signals_for_placement(&p->facts, today, SIGNALS_HORIZON_DAYS, *out, n);
}

/* Adds the monitoring reminders of the case to arr (JSON) or prints them,
 * printing the case's heading first if *heading is not yet set. */
static int case_reminders(struct run *run, const struct store_scan_case *c, json_t *arr,
			  int week, int *heading, struct sw_error *err)
{
	for (size_t k = 0; k < c->nplacements; k++) {
		struct reminder *r;
		const size_t n = placement_reminders(&c->placements[k], run->today, &r, err);
		if (n == (size_t)-1)
			return -1;
		run->reminders += (long)n;
		for (size_t i = 0; i < n; i++) {
			if (arr != NULL) {
				json_array_append_new(arr, reminder_json(c, &c->placements[k], &r[i]));
				continue;
			}
			if (!*heading) {
				print_heading(c, week);
				*heading = 1;
			}
			print_reminder(c, &c->placements[k], &r[i], &run->unassigned);
		}
		free(r);
	}
	return 0;
}

static int on_case(const struct store_scan_case *c, void *ctx, struct sw_error *err)
{
	struct run *run = ctx;
	struct tl_timeline tl = { 0 };
	struct signal sig[TL_MAX_DEADLINES];
	size_t n = 0;
	int week = 0;
	if (c->input.nperiods > 0) {
		struct tl_input in;
		store_case_input_tl(&c->input, run->today, &in);
		size_t bad;
		enum tl_error e = tl_compute(&in, &tl, &bad);
		if (e != TL_OK)
			return sw_error_set(err, SW_EINTERNAL, "case_id", "case %lld: %s",
					    (long long)c->case_id, tl_error_message(e));
		n = signals_for_timeline(&tl, run->today, SIGNALS_HORIZON_DAYS, sig,
					 TL_MAX_DEADLINES);
		week = tl.week;
	}
	const long before = run->reminders;
	run->signals += (long)n;
	if (run->json) {
		json_t *arr = json_array(), *mon = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, signal_json(c, &tl, &sig[i]));
		if (case_reminders(run, c, mon, week, NULL, err) != 0) {
			json_decref(arr);
			json_decref(mon);
			return -1;
		}
		if (n == 0 && run->reminders == before) {
			json_decref(arr);
			json_decref(mon);
			return 0;
		}
		run->cases++;
		json_array_append_new(run->out, json_pack("{s:I, s:s, s:i, s:o, s:o}",
			"case_id", (json_int_t)c->case_id, "employee", c->employee_name,
			"week", week, "signals", arr, "monitoring", mon));
		return 0;
	}
	int heading = 0;
	if (n > 0) {
		print_heading(c, week);
		heading = 1;
	}
	for (size_t i = 0; i < n; i++)
		print_signal(c, &tl, &sig[i], &run->unassigned);
	if (case_reminders(run, c, NULL, week, &heading, err) != 0)
		return -1;
	if (heading)
		run->cases++;
	return 0;
}

int cmd_signals(int argc, char **argv)
{
	const char *url = NULL;
	struct run run = { .today = DATE_NONE };
	for (int i = 1; i < argc; i++) {
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(argv[i], "--help") == 0)
			return help();
		if (strcmp(argv[i], "--json") == 0) {
			run.json = 1;
		} else if (strcmp(argv[i], "--database") == 0) {
			if (val == NULL)
				return cli_usage_error("--database: missing URL");
			url = argv[++i];
		} else if (strcmp(argv[i], "--date") == 0) {
			if (cli_parse_date("--date", val, &run.today) != 0)
				return CLI_USAGE;
			i++;
		} else {
			return cli_usage_error("unknown option '%s' (see --help)", argv[i]);
		}
	}
	if (url == NULL)
		return cli_usage_error("--database: required (sqlite:PATH or postgresql://...)");
	if (run.today == DATE_NONE)
		run.today = cli_today();

	struct sw_error err = { 0 };
	struct store *st = store_open(url, &err);
	if (st == NULL)
		return err.code == SW_EINVAL ? cli_usage_error("--database %s: %s", url, err.message)
					     : (fprintf(stderr, "spoorwijzer: %s\n", err.message), CLI_FAIL);
	if (run.json)
		run.out = json_array();
	int rc = store_scan_cases(st, run.today, on_case, &run, &err);
	store_close(st);
	if (rc != 0) {
		json_decref(run.out);
		fprintf(stderr, "spoorwijzer: signals: %s\n", err.message);
		return CLI_FAIL;
	}
	char day[DATE_STRLEN];
	date_format(run.today, day);
	if (run.json) {
		json_t *o = json_pack("{s:s, s:i, s:o}", "date", day,
				      "horizon_days", SIGNALS_HORIZON_DAYS, "cases", run.out);
		json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		putchar('\n');
		json_decref(o);
	} else {
		printf("%s: %ld signalen in %ld zaken; %ld monitoringherinneringen;"
		       " %ld zonder toegewezen partij\n", day, run.signals, run.cases, run.reminders,
		       run.unassigned);
	}
	return CLI_OK;
}
