/* cmd_signals.c - `spoorwijzer signals`: the daily run. For every open case
 * it lists, per party, what is due within 14 days and what is overdue. A
 * step whose responsible role nobody holds in the case is reported too:
 * that is a gap in the case's team, not something to skip silently. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "core/signals.h"
#include "export/timeline_json.h"
#include "store/store.h"

struct run {
	sw_date today;
	int json;
	long cases, signals, unassigned;
	json_t *out;   /* JSON mode: the "cases" array */
};

static int help(void)
{
	printf("usage: spoorwijzer signals --database URL [--date D] [--json]\n\n"
	       "Lists per open case and party what is due in the next %d days, what is\n"
	       "overdue and which art. 5 agreed dates are near. --date runs it as of\n"
	       "another day (default: today in Europe/Amsterdam).\n", SIGNALS_HORIZON_DAYS);
	return CLI_OK;
}

static json_t *party_json(const struct store_participant *p)
{
	return json_pack("{s:I, s:s, s:s, s:s}", "user_id", (json_int_t)p->user_id,
			 "name", p->name, "email", p->email, "role", role_name(p->role));
}

static json_t *signal_json(const struct store_scan_case *c, const struct tl_timeline *tl,
			   const struct signal *s)
{
	json_t *o = timeline_deadline_json(tl, s->deadline);
	json_object_set_new(o, "signal", json_string(signal_kind_name(s->kind)));
	json_object_set_new(o, "date", json_date(s->date));
	json_object_set_new(o, "days", json_integer(s->days));
	json_t *parties = json_array();
	for (size_t i = 0; i < c->nparticipants; i++)
		if (s->roles & ROLE_BIT(c->participants[i].role))
			json_array_append_new(parties, party_json(&c->participants[i]));
	json_object_set_new(o, "parties", parties);
	return o;
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

static int on_case(const struct store_scan_case *c, void *ctx, struct sw_error *err)
{
	struct run *run = ctx;
	if (c->input.nperiods == 0)
		return 0;
	struct tl_input in;
	store_case_input_tl(&c->input, run->today, &in);
	struct tl_timeline tl;
	size_t bad;
	enum tl_error e = tl_compute(&in, &tl, &bad);
	if (e != TL_OK)
		return sw_error_set(err, SW_EINTERNAL, "case_id", "case %lld: %s",
				    (long long)c->case_id, tl_error_message(e));
	struct signal sig[TL_MAX_DEADLINES];
	size_t n = signals_for_timeline(&tl, run->today, SIGNALS_HORIZON_DAYS, sig, TL_MAX_DEADLINES);
	if (n == 0)
		return 0;
	run->cases++;
	run->signals += (long)n;
	if (run->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(arr, signal_json(c, &tl, &sig[i]));
		json_array_append_new(run->out, json_pack("{s:I, s:s, s:i, s:o}",
			"case_id", (json_int_t)c->case_id, "employee", c->employee_name,
			"week", tl.week, "signals", arr));
		return 0;
	}
	printf("Zaak %lld, %s, week %d\n", (long long)c->case_id, c->employee_name, tl.week);
	for (size_t i = 0; i < n; i++)
		print_signal(c, &tl, &sig[i], &run->unassigned);
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
		printf("%s: %ld signalen in %ld zaken; %ld zonder toegewezen partij\n", day,
		       run.signals, run.cases, run.unassigned);
	}
	return CLI_OK;
}
