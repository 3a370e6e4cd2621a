/* cmd_network.c - `spoorwijzer network alerts`: the periodic alert to the
 * employers of the network (DOMAIN.md section 6: they will not visit a
 * platform by themselves). Per organisation with open offers, the
 * candidates that match an offer and were not sent to it before, as the
 * anonymous teaser the portal shows (age band, beroepsrichting, hours,
 * region, capacities; never name, employer or diagnosis), with the
 * organisation's users as recipients: text for a person, --json for a
 * mailing job. A candidate is named by its pseudonym for the offer (the
 * one GET /offers/{id}/candidates shows, created here when the candidate
 * is listed for the first time), never by the case id. Only candidates with the zoekprofiel_netwerk consent in
 * force and an open case take part (store_candidates_load); candidates
 * already proposed for the offer are left out. What is listed is recorded
 * per organisation, offer and candidate (by case id, inside the
 * database) unless --dry-run. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/network_json.h"
#include "cli.h"
#include "core/match.h"
#include "store/store.h"

/* Candidates per offer in one alert: a mail, not a database. */
#define ALERT_MAX_PER_OFFER 10

/* A listed pair, recorded after the run. */
struct listed {
	int64_t org_id, offer_id, case_id;
};

struct run {
	struct store *st;
	struct store_arena a;
	sw_date today, since;            /* since: DATE_NONE for every change */
	int json, dry_run;
	struct match_candidate *cands;
	size_t ncands;
	json_t *orgs;                    /* the organisations listed, in order */
	long candidates;
	struct listed *listed;           /* every pair listed, in order */
	size_t nlisted, caplisted;
};

static int remember(struct run *run, const struct store_offer *o, int64_t case_id)
{
	if (run->nlisted == run->caplisted) {
		const size_t cap = run->caplisted ? 2 * run->caplisted : 64;
		struct listed *l = realloc(run->listed, cap * sizeof *l);
		if (l == NULL)
			return -1;
		run->listed = l;
		run->caplisted = cap;
	}
	run->listed[run->nlisted++] = (struct listed){ o->organisation_id, o->id, case_id };
	return 0;
}

static int help(void)
{
	printf("usage: spoorwijzer network alerts --database URL [--date D] [--since D]\n"
	       "                                  [--json] [--dry-run]\n\n"
	       "Lists per network organisation the consenting candidates that newly match\n"
	       "its open offers, as anonymous teasers, with the organisation's users as\n"
	       "recipients. A candidate is listed once per offer: the run records what it\n"
	       "lists (not with --dry-run). A candidate is named by its pseudonym for the\n"
	       "offer, the one the portal shows (a first listing creates it, also with\n"
	       "--dry-run). --since leaves out pairs where neither the\n"
	       "offer nor the candidate's zoekprofiel changed on or after that day.\n"
	       "--date runs it as of another day (default: today in Europe/Amsterdam).\n");
	return CLI_OK;
}

static int by_org(const void *x, const void *y)
{
	const struct store_offer *a = x, *b = y;
	if (a->organisation_id != b->organisation_id)
		return a->organisation_id < b->organisation_id ? -1 : 1;
	return a->id < b->id ? -1 : a->id > b->id;
}

/* Whether a stored timestamp ("YYYY-MM-DD ...") is on or after day. */
static int changed_since(const char *ts, sw_date day)
{
	char d[DATE_STRLEN];
	date_format(day, d);
	return ts != NULL && strncmp(ts, d, strlen(d)) >= 0;
}

static int proposed(const struct store_pipeline_entry *es, size_t n, int64_t case_id)
{
	for (size_t i = 0; i < n; i++)
		if (es[i].case_id == case_id)
			return 1;
	return 0;
}

/* The new candidates of one offer as a JSON array (maybe empty). */
static json_t *offer_candidates(struct run *run, const struct store_offer *o,
				struct sw_error *err)
{
	struct store_pipeline_entry *es;
	size_t nes;
	if (store_pipeline_list(run->st, &run->a, 0, o->id, &es, &nes, err) != 0)
		return NULL;
	struct match_offer mo;
	store_offer_to_match(o, &mo);
	/* Scan for more than fit in one alert: some were sent before. */
	enum { SCAN = 10 * ALERT_MAX_PER_OFFER };
	struct match_result top[SCAN];
	const size_t n = match_top_candidates(&mo, run->cands, run->ncands, SCAN, top);
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < n && json_array_size(items) < ALERT_MAX_PER_OFFER;
	     i++) {
		const int64_t case_id = top[i].candidate_id;
		struct store_zoekprofiel z;
		char token[STORE_PSEUDONYM_STRLEN];
		int sent;
		if (top[i].excluded || proposed(es, nes, case_id))
			continue;
		if (store_network_alert_sent(run->st, o->organisation_id, o->id, case_id, &sent,
					     err) != 0 ||
		    store_zoekprofiel_get(run->st, &run->a, case_id, &z, err) != 0) {
			json_decref(items);
			return NULL;
		}
		if (sent || (run->since != DATE_NONE && !changed_since(o->updated_at, run->since) &&
			     !changed_since(z.updated_at, run->since)))
			continue;
		if (store_candidate_pseudonym(run->st, o->id, case_id, token, err) != 0) {
			json_decref(items);
			return NULL;
		}
		json_t *t = api_zoekprofiel_teaser(&z, token, run->today);
		if (t == NULL || remember(run, o, case_id) != 0 ||
		    json_object_set_new(t, "score", json_real(round(top[i].total / 100.0))) != 0 ||
		    json_array_append_new(items, t) != 0) {
			json_decref(t);
			json_decref(items);
			items = NULL;
		}
	}
	if (items == NULL)
		sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return items;
}

static json_t *recipients(struct run *run, int64_t org_id, struct sw_error *err)
{
	struct store_user *us;
	size_t n;
	if (store_user_list(run->st, &run->a, org_id, &us, &n, err) != 0)
		return NULL;
	json_t *a = json_array();
	for (size_t i = 0; a != NULL && i < n; i++)
		json_array_append_new(a, json_pack("{s:s, s:s}", "name", us[i].name, "email",
						   us[i].email));
	return a;
}

/* Builds run->orgs: every organisation with at least one new candidate. */
static int collect(struct run *run, struct sw_error *err)
{
	struct match_offer *packed;
	size_t n;
	if (store_offers_load(run->st, &packed, &n, err) != 0 ||
	    store_candidates_load(run->st, run->today, &run->cands, &run->ncands, err) != 0)
		return -1;
	struct store_offer *os = calloc(n > 0 ? n : 1, sizeof *os);
	int rc = os != NULL ? 0 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = store_offer_get(run->st, &run->a, packed[i].id, &os[i], err);
	free(packed);
	if (rc != 0) {
		free(os);
		return -1;
	}
	qsort(os, n, sizeof *os, by_org);
	json_t *org = NULL;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		json_t *cands = offer_candidates(run, &os[i], err);
		if (cands == NULL) {
			rc = -1;
			break;
		}
		if (json_array_size(cands) == 0) {
			json_decref(cands);
			continue;
		}
		run->candidates += (long)json_array_size(cands);
		if (org == NULL ||
		    json_integer_value(json_object_get(org, "organisation_id")) !=
			    os[i].organisation_id) {
			json_t *to = recipients(run, os[i].organisation_id, err);
			org = to == NULL ? NULL
					 : json_pack("{s:I, s:s, s:o, s:[]}", "organisation_id",
						     (json_int_t)os[i].organisation_id,
						     "organisation", os[i].organisation_name,
						     "recipients", to, "offers");
			if (org == NULL || json_array_append_new(run->orgs, org) != 0) {
				json_decref(cands);
				rc = to == NULL ? -1 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
				break;
			}
		}
		json_t *offer = json_pack("{s:I, s:s, s:s, s:o}", "offer_id", (json_int_t)os[i].id,
					  "title", os[i].title, "type", match_type_name(os[i].type),
					  "candidates", cands);
		if (offer == NULL || json_array_append_new(json_object_get(org, "offers"), offer) != 0)
			rc = sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	}
	free(os);
	return rc;
}

/* Records every listed pair in one transaction. */
static int record(struct run *run, struct sw_error *err)
{
	struct db *db = store_db(run->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	for (size_t i = 0; i < run->nlisted; i++) {
		const struct listed *l = &run->listed[i];
		if (store_network_alert_record(run->st, l->org_id, l->offer_id, l->case_id,
					       run->today, err) != 0) {
			db_rollback(db);
			return -1;
		}
	}
	return db_commit(db, err);
}

static void print_text(const struct run *run)
{
	size_t i, j, k;
	json_t *org, *offer, *cand, *to;
	json_array_foreach(run->orgs, i, org) {
		printf("Aan: %s\n", json_string_value(json_object_get(org, "organisation")));
		json_array_foreach(json_object_get(org, "recipients"), j, to)
			printf("     %s <%s>\n", json_string_value(json_object_get(to, "name")),
			       json_string_value(json_object_get(to, "email")));
		json_array_foreach(json_object_get(org, "offers"), j, offer) {
			const json_t *cs = json_object_get(offer, "candidates");
			printf("  %s (%s): %zu nieuwe kandidaat%s\n",
			       json_string_value(json_object_get(offer, "title")),
			       json_string_value(json_object_get(offer, "type")), json_array_size(cs),
			       json_array_size(cs) == 1 ? "" : "en");
			json_array_foreach(cs, k, cand)
				printf("    - %s (kandidaatnummer %s, %.0f van 100 punten)\n",
				       json_string_value(json_object_get(cand, "label")),
				       json_string_value(json_object_get(cand, "candidate_id")),
				       json_real_value(json_object_get(cand, "score")));
		}
		printf("\n");
	}
}

static int alerts(int argc, char **argv)
{
	const char *url = NULL;
	struct run run = { .today = DATE_NONE, .since = DATE_NONE };
	for (int i = 2; i < argc; i++) {
		const char *val = i + 1 < argc ? argv[i + 1] : NULL;
		if (strcmp(argv[i], "--help") == 0)
			return help();
		if (strcmp(argv[i], "--json") == 0) {
			run.json = 1;
		} else if (strcmp(argv[i], "--dry-run") == 0) {
			run.dry_run = 1;
		} else if (strcmp(argv[i], "--database") == 0) {
			if (val == NULL)
				return cli_usage_error("--database: missing URL");
			url = argv[++i];
		} else if (strcmp(argv[i], "--date") == 0 || strcmp(argv[i], "--since") == 0) {
			if (cli_parse_date(argv[i], val,
					   argv[i][2] == 'd' ? &run.today : &run.since) != 0)
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
	run.st = store_open(url, &err);
	if (run.st == NULL)
		return err.code == SW_EINVAL ? cli_usage_error("--database %s: %s", url, err.message)
					     : (fprintf(stderr, "spoorwijzer: %s\n", err.message), CLI_FAIL);
	run.orgs = json_array();
	int rc = run.orgs != NULL ? collect(&run, &err)
				  : sw_error_set(&err, SW_EINTERNAL, "", "out of memory");
	if (rc == 0 && !run.dry_run)
		rc = record(&run, &err);
	free(run.cands);
	free(run.listed);
	store_close(run.st);
	if (rc != 0) {
		store_arena_free(&run.a);
		json_decref(run.orgs);
		fprintf(stderr, "spoorwijzer: network alerts: %s\n", err.message);
		return CLI_FAIL;
	}
	char day[DATE_STRLEN];
	date_format(run.today, day);
	if (run.json) {
		json_t *o = json_pack("{s:s, s:b, s:O}", "date", day, "recorded", !run.dry_run,
				      "organisations", run.orgs);
		json_dumpf(o, stdout, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
		putchar('\n');
		json_decref(o);
	} else {
		print_text(&run);
		printf("%s: %ld nieuwe kandidaten voor %zu organisaties%s\n", day, run.candidates,
		       json_array_size(run.orgs), run.dry_run ? " (proef, niets vastgelegd)" : "");
	}
	json_decref(run.orgs);
	store_arena_free(&run.a);
	return CLI_OK;
}

int cmd_network(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "alerts") == 0)
		return alerts(argc, argv);
	if (argc >= 2 && strcmp(argv[1], "--help") == 0) {
		printf("usage: spoorwijzer network alerts [OPTIONS]\n\n"
		       "`spoorwijzer network alerts --help` describes it.\n");
		return CLI_OK;
	}
	return cli_usage_error("network: expected 'alerts' (see --help)");
}
