/* statistics.c - aggregates of one organisation for its werkgever:
 * absence statistics after the 1996 standard (DOMAIN.md section 9) with
 * the second-track figures, as JSON and CSV, and the outcomes of the
 * monitored placements per network, employer, kind and route.
 *
 * Access: the organisation's casemanager and hr-analist (policy resource
 * statistics). Not the beheerder: aggregates of few people are case
 * content in disguise. Records that do not add up (a case outside any
 * employment, overlapping cases) are left out of the figures and listed as
 * warnings beside them, never a refusal of the whole report. A report over fewer than STATS_MIN_EMPLOYEES
 * employees is refused for the same reason. Every request leaves an audit
 * row (resource organisations, no case). */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/monitor.h"
#include "core/stats.h"
#include "export/csv.h"
#include "export/timeline_json.h"
#include "http/http_json.h"

/* Smallest population a report is given for (small-number privacy). */
#define STATS_MIN_EMPLOYEES 5
/* Longest report period: ten years. */
#define STATS_MAX_PERIOD_DAYS 3653

static int oom(struct sw_error *err)
{
	return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

/* The organisation {id} if the caller may read its statistics (its
 * casemanager or hr-analist); writes the audit row. Another organisation is
 * not found, as if it did not exist. */
static int org_access(struct api_call *c, int64_t *org, struct sw_error *err)
{
	struct sw_error e;
	if (api_require_user(c, err) != 0 || api_param_id(c, "id", org, err) != 0)
		return -1;
	if (api_admin_access(c, POLICY_STATISTICS, POLICY_READ, 0, *org, &e) == 0)
		return 0;
	if (e.code == SW_EDENIED && c->user->organisation_id != *org)
		return sw_error_set(err, SW_ENOTFOUND, "id", "no such organisation");
	if (err != NULL)
		*err = e;
	return -1;
}

/* Refuses query arguments not in allowed (NULL-terminated). */
static int query_allowed(const struct api_call *c, const char *const *allowed,
			 struct sw_error *err)
{
	for (size_t i = 0; i < c->req->nquery; i++) {
		const char *key = c->req->query[i].key;
		size_t j = 0;
		while (allowed[j] != NULL && strcmp(allowed[j], key) != 0)
			j++;
		if (allowed[j] == NULL)
			return sw_error_set(err, SW_EINVAL, key, "unknown parameter");
	}
	return 0;
}

/* One of values (NULL-terminated) or absent (*out untouched). */
static int query_enum(const struct api_call *c, const char *name, const char *const *values,
		      int *out, struct sw_error *err)
{
	const char *s = http_request_query(c->req, name);
	if (s == NULL)
		return 0;
	for (int i = 0; values[i] != NULL; i++) {
		if (strcmp(s, values[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	return sw_error_set(err, SW_EINVAL, name, "not one of the allowed values");
}

static int query_date(const struct api_call *c, const char *name, sw_date *out,
		      struct sw_error *err)
{
	const char *s = http_request_query(c->req, name);
	if (s == NULL)
		return sw_error_set(err, SW_EINVAL, name, "required (YYYY-MM-DD)");
	if (date_parse(s, out) != 0)
		return sw_error_set(err, SW_EINVAL, name, "not a date (YYYY-MM-DD)");
	return 0;
}

/* The explicit report parameters: from, to (required), days, cap730,
 * pregnancy; the rest as the CBS standard. */
static int read_params(const struct api_call *c, struct stats_params *p, struct sw_error *err)
{
	static const char *const allowed[] = { "from", "to", "days", "cap730", "pregnancy", NULL };
	static const char *const days[] = { "calendar", "working", NULL };
	static const char *const flags[] = { "false", "true", NULL };
	sw_date from, to;
	if (query_allowed(c, allowed, err) != 0 || query_date(c, "from", &from, err) != 0 ||
	    query_date(c, "to", &to, err) != 0)
		return -1;
	if (to < from)
		return sw_error_set(err, SW_EINVAL, "to", "before from");
	if (to - from >= STATS_MAX_PERIOD_DAYS)
		return sw_error_set(err, SW_EINVAL, "to", "the period is at most ten years");
	*p = stats_params_standard(from, to);
	int basis = p->basis, cap = p->cap_730, preg = p->include_pregnancy;
	if (query_enum(c, "days", days, &basis, err) != 0 ||
	    query_enum(c, "cap730", flags, &cap, err) != 0 ||
	    query_enum(c, "pregnancy", flags, &preg, err) != 0)
		return -1;
	p->basis = (enum stats_day_basis)basis;
	p->cap_730 = cap;
	p->include_pregnancy = preg;
	return 0;
}

#define STATS_MAX_WARNINGS 100

struct warning {
	const char *kind;                /* "outside_employment", "inconsistent" */
	int64_t case_id;
	char message[160];
};

struct report {
	struct stats_params params;
	struct stats_report r;
	struct stats_track_report track;
	struct warning warnings[STATS_MAX_WARNINGS];
	size_t nwarnings;
};

static void warn(struct report *rep, const char *kind, int64_t case_id, const char *message)
{
	if (rep->nwarnings == STATS_MAX_WARNINGS)
		return;
	struct warning *w = &rep->warnings[rep->nwarnings++];
	w->kind = kind;
	w->case_id = case_id;
	snprintf(w->message, sizeof w->message, "%s", message);
}

/* Leaves the records the check refuses out of d, one case (or employment)
 * at a time, with a warning each; -1 when that does not end. */
static int drop_bad(const struct stats_params *p, struct store_stats_data *d, struct report *rep)
{
	for (int round = 0; round < 10000; round++) {
		const struct stats_input in = { d->employments, d->nemployments, d->absences,
						d->nabsences };
		size_t bad;
		const enum stats_error e = stats_check(p, &in, &bad);
		if (e == STATS_OK)
			return 0;
		if (e < STATS_ERR_EMPLOYMENT_DATES)
			return -1;
		if (e < STATS_ERR_ABSENCE_DATES && bad < d->nemployments) {
			memmove(&d->employments[bad], &d->employments[bad + 1],
				(d->nemployments - bad - 1) * sizeof *d->employments);
			d->nemployments--;
			warn(rep, "inconsistent", 0, stats_error_message(e));
			continue;
		}
		if (bad >= d->nabsences)
			return -1;
		const int64_t case_id = d->absences[bad].case_id;
		size_t k = 0;
		for (size_t i = 0; i < d->nabsences; i++)
			if (d->absences[i].case_id != case_id)
				d->absences[k++] = d->absences[i];
		d->nabsences = k;
		warn(rep, e == STATS_ERR_ABSENCE_NOT_EMPLOYED ? "outside_employment" : "inconsistent",
		     case_id, stats_error_message(e));
	}
	return -1;
}

/* Loads the organisation's data and computes both reports. */
static int compute(struct api_call *c, int64_t org, struct report *out, struct sw_error *err)
{
	struct store_stats_data d;
	struct stats_track_case *tc;
	size_t ntc, bad;
	out->nwarnings = 0;
	if (read_params(c, &out->params, err) != 0 || store_stats_load(c->st, org, &d, err) != 0)
		return -1;
	for (size_t i = 0; i < d.nunlinked; i++)
		warn(out, "outside_employment", d.unlinked[i],
		     "the case belongs to no employment of the register");
	if (drop_bad(&out->params, &d, out) != 0) {
		store_stats_data_free(&d);
		return sw_error_set(err, SW_EINTERNAL, "data", "the statistics input cannot be used");
	}
	const struct stats_input in = { d.employments, d.nemployments, d.absences, d.nabsences };
	enum stats_error e = stats_compute(&out->params, &in, &out->r, &bad);
	store_stats_data_free(&d);
	if (e != STATS_OK)
		return sw_error_set(err, SW_EINVAL, "from", "%s", stats_error_message(e));
	if (out->r.employees < STATS_MIN_EMPLOYEES)
		return sw_error_set(err, SW_ECONFLICT, "employees",
				    "fewer than %d employees in the period: the figures would"
				    " identify people",
				    STATS_MIN_EMPLOYEES);
	if (store_stats_track(c->st, org, out->params.from, out->params.to, &tc, &ntc, err) != 0)
		return -1;
	e = stats_track(tc, ntc, &out->track, &bad);
	free(tc);
	if (e != STATS_OK)
		return sw_error_set(err, SW_ECONFLICT, "data", "%s", stats_error_message(e));
	return 0;
}

/* ---- JSON ------------------------------------------------------------------ */

static json_t *outcomes_json(const uint64_t counts[STATS_OUTCOME__COUNT])
{
	json_t *o = json_object();
	for (int i = 0; o != NULL && i < STATS_OUTCOME__COUNT; i++)
		json_object_set_new(o, stats_outcome_name(i), json_integer((json_int_t)counts[i]));
	return o;
}

static json_t *track_json(const struct stats_track_report *t)
{
	json_t *weeks = json_array();
	for (int w = 0; weeks != NULL && w <= STATS_TRACK_WEEKS; w++)
		if (t->by_week[w] != 0)
			json_array_append_new(weeks, json_pack("{s:i, s:I}", "week", w + 1, "cases",
							       (json_int_t)t->by_week[w]));
	return json_pack("{s:I, s:I, s:I, s:f, s:o, s:o, s:o}", "cases", (json_int_t)t->cases,
			 "started", (json_int_t)t->started, "started_year1",
			 (json_int_t)t->started_year1, "year1_share", t->year1_share, "by_week",
			 weeks, "outcomes", outcomes_json(t->outcomes), "outcomes_started",
			 outcomes_json(t->outcomes_started));
}

static json_t *warnings_json(const struct report *rep)
{
	json_t *a = json_array();
	for (size_t i = 0; a != NULL && i < rep->nwarnings; i++)
		json_array_append_new(a, json_pack("{s:s, s:o, s:s}", "kind", rep->warnings[i].kind,
						   "case_id",
						   rep->warnings[i].case_id != 0
							   ? json_integer(rep->warnings[i].case_id)
							   : json_null(),
						   "message", rep->warnings[i].message));
	return a;
}

static json_t *report_json(int64_t org, const struct report *rep)
{
	const struct stats_report *r = &rep->r;
	json_t *classes = json_array();
	for (int i = 0; classes != NULL && i < STATS_CLASS__COUNT; i++)
		json_array_append_new(classes,
				      json_pack("{s:s, s:I, s:f, s:f}", "class", stats_class_name(i),
						"cases", (json_int_t)r->classes[i].cases, "sick_days",
						r->classes[i].sick_days, "verzuimpercentage",
						r->classes[i].verzuimpercentage));
	return json_pack(
		"{s:I, s:{s:o, s:o, s:s, s:b, s:b, s:b}, s:f, s:f, s:f, s:I, s:f, s:f, s:f, s:I, s:I,"
		" s:o, s:I, s:f, s:o, s:o}",
		"organisation_id", (json_int_t)org, "parameters", "from", json_date(rep->params.from),
		"to", json_date(rep->params.to), "days",
		rep->params.basis == STATS_WORKING_DAYS ? "working" : "calendar", "cap730",
		rep->params.cap_730, "pregnancy", rep->params.include_pregnancy, "include_long",
		rep->params.include_long, "verzuimpercentage", r->verzuimpercentage, "sick_days",
		r->sick_days, "available_days", r->available_days, "new_cases",
		(json_int_t)r->new_cases, "avg_headcount", r->avg_headcount, "meldingsfrequentie",
		r->meldingsfrequentie, "gemiddelde_verzuimduur", r->gemiddelde_verzuimduur,
		"closed_cases", (json_int_t)r->closed_cases, "closed_days",
		(json_int_t)r->closed_days, "classes", classes, "employees",
		(json_int_t)r->employees, "nulverzuim_percentage", r->nulverzuim_percentage,
		"tweede_spoor", track_json(&rep->track), "warnings", warnings_json(rep));
}

static int get_statistics(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t org;
	struct report rep;
	if (org_access(c, &org, err) != 0 || compute(c, org, &rep, err) != 0)
		return -1;
	json_t *o = report_json(org, &rep);
	return o != NULL ? http_response_json(res, 200, o, err) : oom(err);
}

/* ---- CSV ------------------------------------------------------------------- */

/* A figure with a decimal comma, as the ';'-separated Excel-NL file wants. */
static void csv_decimal(struct csv_writer *w, double v)
{
	char buf[64];
	snprintf(buf, sizeof buf, "%.2f", v);
	char *dot = strchr(buf, '.');
	if (dot != NULL)
		*dot = ',';
	csv_field(w, buf);
}

static void row_text(struct csv_writer *w, const char *name, const char *value)
{
	csv_field(w, name);
	csv_field(w, value);
	csv_end_row(w);
}

static void row_num(struct csv_writer *w, const char *name, double v)
{
	csv_field(w, name);
	csv_decimal(w, v);
	csv_end_row(w);
}

static void row_int(struct csv_writer *w, const char *name, uint64_t v)
{
	csv_field(w, name);
	csv_field_int(w, (long long)v);
	csv_end_row(w);
}

static void write_csv(struct csv_writer *w, const struct report *rep)
{
	const struct stats_report *r = &rep->r;
	const struct stats_track_report *t = &rep->track;
	char name[64], from[DATE_STRLEN], to[DATE_STRLEN];
	date_format(rep->params.from, from);
	date_format(rep->params.to, to);
	row_text(w, "grootheid", "waarde");
	row_text(w, "periode van", from);
	row_text(w, "periode tot en met", to);
	row_text(w, "dagen", rep->params.basis == STATS_WORKING_DAYS ? "werkdagen" : "kalenderdagen");
	row_text(w, "grens 730 dagen", rep->params.cap_730 ? "ja" : "nee");
	row_text(w, "zwangerschapsverzuim", rep->params.include_pregnancy ? "inclusief" : "exclusief");
	row_num(w, "verzuimpercentage", r->verzuimpercentage);
	row_num(w, "verzuimdagen", r->sick_days);
	row_num(w, "beschikbare dagen", r->available_days);
	row_num(w, "meldingsfrequentie", r->meldingsfrequentie);
	row_int(w, "nieuwe meldingen", r->new_cases);
	row_num(w, "gemiddeld aantal werknemers", r->avg_headcount);
	row_num(w, "gemiddelde verzuimduur", r->gemiddelde_verzuimduur);
	row_int(w, "afgesloten verzuimgevallen", r->closed_cases);
	for (int i = 0; i < STATS_CLASS__COUNT; i++) {
		snprintf(name, sizeof name, "verzuimgevallen %s dagen", stats_class_name(i));
		row_int(w, name, r->classes[i].cases);
		snprintf(name, sizeof name, "verzuimpercentage %s dagen", stats_class_name(i));
		row_num(w, name, r->classes[i].verzuimpercentage);
	}
	row_int(w, "werknemers", r->employees);
	row_num(w, "nulverzuim", r->nulverzuim_percentage);
	row_int(w, "tweede spoor: gevallen", t->cases);
	row_int(w, "tweede spoor: gestart", t->started);
	row_int(w, "tweede spoor: gestart in jaar 1", t->started_year1);
	row_num(w, "tweede spoor: aandeel gestart in jaar 1", t->year1_share);
	for (int i = 0; i < STATS_OUTCOME__COUNT; i++) {
		snprintf(name, sizeof name, "uitkomst: %s", stats_outcome_name(i));
		row_int(w, name, t->outcomes[i]);
	}
	for (int wk = 0; wk <= STATS_TRACK_WEEKS; wk++) {
		if (t->by_week[wk] == 0)
			continue;
		snprintf(name, sizeof name, "tweede spoor gestart in week %d%s", wk + 1,
			 wk == STATS_TRACK_WEEKS ? " of later" : "");
		row_int(w, name, t->by_week[wk]);
	}
}

static int get_statistics_csv(struct api_call *c, struct http_response *res,
			      struct sw_error *err)
{
	int64_t org;
	struct report rep;
	if (org_access(c, &org, err) != 0 || compute(c, org, &rep, err) != 0)
		return -1;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (f == NULL)
		return oom(err);
	struct csv_writer w;
	const struct csv_options opt = { .delimiter = ';', .bom = 1 };
	csv_begin(&w, f, &opt);
	write_csv(&w, &rep);
	const int ok = csv_finish(&w, err);
	fclose(f);
	int rc = ok;
	if (ok == 0)
		rc = http_response_header(res, "Content-Disposition",
					  "attachment; filename=\"verzuimstatistiek.csv\"", err) != 0 ||
				     http_response_bytes(res, 200, "text/csv; charset=utf-8", buf, len,
							 err) != 0
			     ? -1
			     : 0;
	free(buf);
	return rc;
}

/* ---- placement outcomes ------------------------------------------------------ */

enum group_by { BY_NETWORK = 0, BY_EMPLOYER, BY_KIND, BY_ROUTE };

struct group {
	const char *key;
	struct monitor_outcome_row row;
};

/* The group named key, added when new; NULL when out of memory. */
static struct group *group_of(struct api_call *c, struct group **gs, size_t *n, size_t *cap,
			      const char *key)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*gs)[i].key, key) == 0)
			return &(*gs)[i];
	if (*n == *cap) {
		const size_t ncap = *cap ? *cap * 2 : 8;
		struct group *g = store_arena_alloc(&c->arena, ncap * sizeof *g);
		if (g == NULL)
			return NULL;
		if (*n)
			memcpy(g, *gs, *n * sizeof *g);
		*gs = g;
		*cap = ncap;
	}
	(*gs)[*n] = (struct group){ key, { 0 } };
	return &(*gs)[(*n)++];
}

static json_t *outcome_row_json(const char *key, const struct monitor_outcome_row *r)
{
	return json_pack("{s:s, s:i, s:i, s:i, s:i, s:{s:i, s:i}, s:{s:i, s:i}}", "key", key,
			 "placements", r->placements, "lopend", r->lopend, "beeindigd",
			 r->beeindigd, "doorgestroomd", r->doorgestroomd, "lasted_6_months", "yes",
			 r->lasted6, "known", r->known6, "lasted_12_months", "yes", r->lasted12,
			 "known", r->known12);
}

static int get_outcomes(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const allowed[] = { "by", NULL };
	static const char *const bys[] = { "network", "employer", "kind", "route", NULL };
	int64_t org;
	int by = BY_EMPLOYER;
	struct store_placement *ps;
	unsigned *routes;
	size_t n;
	if (org_access(c, &org, err) != 0 || query_allowed(c, allowed, err) != 0 ||
	    query_enum(c, "by", bys, &by, err) != 0 ||
	    store_placement_list_org(c->st, &c->arena, org, &ps, &routes, &n, err) != 0)
		return -1;
	struct group *gs = NULL;
	size_t ng = 0, cap = 0;
	struct monitor_outcome_row total = { 0 };
	json_t *reasons = json_object();
	if (reasons == NULL)
		return oom(err);
	for (size_t i = 0; i < n; i++) {
		const struct store_placement *p = &ps[i];
		monitor_outcome_add(&total, p->outcome, p->start, p->end, c->today);
		if (p->end_reason != NULL) {
			const json_t *k = json_object_get(reasons, p->end_reason);
			json_object_set_new(reasons, p->end_reason,
					    json_integer(json_integer_value(k) + 1));
		}
		const char *keys[MONITOR_ROUTE__COUNT + 1];
		size_t nkeys = 0;
		switch (by) {
		case BY_NETWORK: keys[nkeys++] = p->network ? p->network : "geen netwerk"; break;
		case BY_KIND: keys[nkeys++] = store_placement_kind_name(p->kind); break;
		case BY_ROUTE:
			for (int r = 0; r < MONITOR_ROUTE__COUNT; r++)
				if (routes[i] & (1u << r))
					keys[nkeys++] = monitor_route_name(r);
			if (nkeys == 0)
				keys[nkeys++] = "geen";
			break;
		default: keys[nkeys++] = p->employer_name ? p->employer_name : ""; break;
		}
		for (size_t k = 0; k < nkeys; k++) {
			struct group *g = group_of(c, &gs, &ng, &cap, keys[k]);
			if (g == NULL) {
				json_decref(reasons);
				return oom(err);
			}
			monitor_outcome_add(&g->row, p->outcome, p->start, p->end, c->today);
		}
	}
	json_t *groups = json_array();
	for (size_t i = 0; groups != NULL && i < ng; i++)
		json_array_append_new(groups, outcome_row_json(gs[i].key, &gs[i].row));
	json_t *o = json_pack("{s:I, s:s, s:o, s:o, s:o}", "organisation_id", (json_int_t)org, "by",
			      bys[by], "groups", groups, "total", outcome_row_json("", &total),
			      "end_reasons", reasons);
	return o != NULL ? http_response_json(res, 200, o, err) : oom(err);
}

int api_statistics_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/organisations/{id}/statistics", get_statistics,
		      err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/organisations/{id}/statistics.csv",
		      get_statistics_csv, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/organisations/{id}/placement-outcomes", get_outcomes,
		      err) != 0)
		return -1;
	return 0;
}
