/* cases.c - /api/v1/cases: the caller's cases, the sick report
 * (ziekmelding), sick periods, events, the computed deadlines and the
 * case's access log. Every case endpoint goes through api_case_access,
 * which checks the policy and writes the audit row. */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/timeline_json.h"
#include "http/http_json.h"

#define PER_PAGE_DEFAULT 50
#define PER_PAGE_MAX 100
#define ACCESS_LOG_LIMIT 500
#define EVENTS_PER_PAGE_DEFAULT 200
#define EVENTS_PER_PAGE_MAX 500

/* {id, name} of a user; a vanished user is null. */
static json_t *user_ref(struct api_call *c, int64_t id, struct sw_error *err)
{
	struct store_user u;
	struct sw_error e;
	if (store_user_get(c->st, &c->arena, id, &u, &e) != 0) {
		if (e.code == SW_ENOTFOUND)
			return json_null();
		if (err != NULL)
			*err = e;
		return NULL;
	}
	return json_pack("{s:I, s:s}", "id", (json_int_t)u.id, "name", u.name);
}

static json_t *org_ref(struct api_call *c, int64_t id, struct sw_error *err)
{
	struct store_org o;
	if (store_org_get(c->st, &c->arena, id, &o, err) != 0)
		return NULL;
	return json_pack("{s:I, s:s}", "id", (json_int_t)o.id, "name", o.name);
}

static json_t *opt_string(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static int oom(struct sw_error *err)
{
	return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

static json_t *period_json(const struct store_period *p)
{
	return json_pack("{s:I, s:o, s:o, s:i, s:b}", "id", (json_int_t)p->id, "from",
			 json_date(p->from), "to", json_date(p->to), "percent", p->percent,
			 "zwangerschap", p->zwangerschap != 0);
}

/* ---- GET /api/v1/cases -------------------------------------------------- */

/* The list item of a case: current week and first sick day computed from
 * the loaded history, the next step and the overdue count from the
 * materialised deadlines. */
static json_t *case_item(struct api_call *c, const struct store_case *k, enum role role,
			 const struct store_case_page_item *it, struct sw_error *err)
{
	json_t *first = json_null(), *week = json_null();
	const struct tl_ruleset *rules = rules_latest();
	if (it->input.nperiods > 0) {
		struct tl_input ti;
		struct tl_timeline *tl = malloc(sizeof *tl);
		if (tl == NULL)
			return oom(err), NULL;
		store_case_input_tl(&it->input, c->today, &ti);
		if (tl_compute(&ti, tl, NULL) == TL_OK) {
			first = json_date(tl->case_start);
			week = json_integer(tl->week);
			rules = tl->rules;
		}
		free(tl);
	}
	const struct store_deadline *next = NULL;
	int overdue = 0;
	for (size_t i = 0; i < it->ndeadlines; i++) {
		const struct store_deadline *d = &it->deadlines[i];
		const enum tl_status s = d->d.status;
		if (s == TL_TE_LAAT)
			overdue++;
		if ((s == TL_TE_LAAT || s == TL_OPEN || s == TL_GEPLAND) &&
		    (next == NULL || d->d.due_effective < next->d.due_effective))
			next = d;
	}
	json_t *jnext = json_null();
	if (next != NULL) {
		const struct tl_step *step = &rules->steps[next->d.code];
		jnext = json_pack("{s:s, s:s, s:o, s:s}", "code", step->code, "title",
				  step->title_nl, "due_effective", json_date(next->d.due_effective),
				  "status", tl_status_name(next->d.status));
	}
	json_t *emp = it->employee_name != NULL
			      ? json_pack("{s:I, s:s}", "id", (json_int_t)k->employee_id, "name",
					  it->employee_name)
			      : json_null();
	json_t *org = json_pack("{s:I, s:s}", "id", (json_int_t)k->organisation_id, "name",
				it->organisation_name != NULL ? it->organisation_name : "");
	json_t *o = json_pack("{s:I, s:o, s:o, s:s, s:s, s:o, s:o, s:o, s:i}", "id",
			      (json_int_t)k->id, "employee", emp, "organisation", org, "status",
			      store_case_status_name(k->status), "my_role", role_name(role),
			      "first_sick_day", first, "week", week, "next_deadline", jnext,
			      "overdue", overdue);
	if (o == NULL)
		oom(err);
	return o;
}

/* A case on the page, with the decision its audit row records. */
struct shown {
	const struct store_case *kase;
	enum role role;
	struct policy_decision d;
};

/* Reads everything in one snapshot with a fixed number of queries - the
 * caller's cases, their participations, then the page's summaries
 * (store_case_page_load) - and writes the page's audit rows afterwards in
 * one transaction, before answering: one commit per request instead of one
 * per listed case. */
static int list_cases(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	if (api_require_user(c, err) != 0)
		return -1;
	if (c->user->is_beheerder)
		return sw_error_set(err, SW_EDENIED, "", "%s",
				    policy_reason_name(POLICY_DENY_BEHEERDER));
	enum store_case_status status = STORE_CASE_STATUS__COUNT;
	const char *st = http_request_query(c->req, "status");
	if (st != NULL && store_case_status_parse(st, &status) != 0)
		return sw_error_set(err, SW_EINVAL, "status", "must be open or gesloten");
	struct api_page pg;
	if (api_page_parse(c, PER_PAGE_DEFAULT, PER_PAGE_MAX, &pg, err) != 0)
		return -1;
	struct shown *shown = store_arena_alloc(&c->arena, (size_t)pg.per_page * sizeof *shown);
	struct store_case_page_item *sums =
		store_arena_alloc(&c->arena, (size_t)pg.per_page * sizeof *sums);
	json_t *items = json_array();
	struct db *db = store_db(c->st);
	if (shown == NULL || sums == NULL || items == NULL) {
		json_decref(items);
		return oom(err);
	}
	if (db_begin(db, DB_READ, err) != 0) {
		json_decref(items);
		return -1;
	}
	const struct store_case_filter f = { .participant_id = c->user->id };
	struct store_case *ks;
	struct store_participation *ps;
	size_t nk, np, nshown = 0;
	int64_t total = 0;
	const int64_t skip = api_page_offset(&pg);
	if (store_case_list(c->st, &c->arena, &f, &ks, &nk, err) != 0 ||
	    store_participation_list_user(c->st, &c->arena, c->user->id, 0, &ps, &np, err) != 0)
		goto fail;
	for (size_t i = 0; i < nk; i++) {
		if (status != STORE_CASE_STATUS__COUNT && ks[i].status != status)
			continue;
		struct shown s = { .kase = &ks[i] };
		if (api_case_decide_among(c, &ks[i], ps, np, POLICY_DEADLINES, POLICY_READ, &s.d,
					  &s.role, err) != 0)
			goto fail;
		if (!s.d.allow)
			continue;  /* e.g. an ended participation: not the caller's case now */
		total++;
		if (total > skip && total <= skip + pg.per_page)
			shown[nshown++] = s;
	}
	/* The page's summaries in a fixed number of queries. */
	for (size_t i = 0; i < nshown; i++)
		sums[i] = (struct store_case_page_item){ .case_id = shown[i].kase->id };
	int rc = store_case_page_load(c->st, &c->arena, c->user->id, sums, nshown, err);
	for (size_t i = 0; rc == 0 && i < nshown; i++) {
		json_t *item = case_item(c, shown[i].kase, shown[i].role, &sums[i], err);
		if (item == NULL || json_array_append_new(items, item) != 0)
			rc = -1;
	}
	store_case_page_free(sums, nshown);
	if (rc != 0)
		goto fail;
	if (db_commit(db, err) != 0)
		goto out;
	/* One audit row per case shown: what the caller saw of it. */
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	for (size_t i = 0; i < nshown; i++)
		if (api_audit(c, shown[i].kase->id, shown[i].role, POLICY_DEADLINES, POLICY_READ,
			      shown[i].d, err) != 0)
			goto fail;
	if (db_commit(db, err) != 0)
		goto out;
	return api_page_respond(res, items, &pg, total, err);
fail:
	db_rollback(db);
out:
	json_decref(items);
	return -1;
}

/* ---- the case ------------------------------------------------------------ */

static json_t *case_json(struct api_call *c, const struct api_case *ac, struct sw_error *err)
{
	const struct store_case *k = &ac->kase;
	struct store_period *ps;
	struct store_participation *parts;
	size_t np, nparts;
	if (store_period_list(c->st, &c->arena, k->id, &ps, &np, err) != 0 ||
	    store_participation_list(c->st, &c->arena, k->id, &parts, &nparts, err) != 0)
		return NULL;
	json_t *periods = json_array(), *participants = json_array();
	json_t *emp = user_ref(c, k->employee_id, err);
	json_t *org = emp != NULL ? org_ref(c, k->organisation_id, err) : NULL;
	if (periods == NULL || participants == NULL || emp == NULL || org == NULL)
		goto fail;
	for (size_t i = 0; i < np; i++)
		json_array_append_new(periods, period_json(&ps[i]));
	for (size_t i = 0; i < nparts; i++) {
		json_t *u = user_ref(c, parts[i].user_id, err);
		if (u == NULL)
			goto fail;
		json_array_append_new(participants,
				      json_pack("{s:o, s:s, s:o, s:o}", "user", u, "role",
						role_name(parts[i].role), "from",
						json_date(parts[i].from), "until",
						json_date(parts[i].until)));
	}
	json_t *o = json_pack(
		"{s:I, s:o, s:o, s:s, s:s, s:{s:o, s:o, s:o, s:o, s:b, s:b, s:b}, s:s, s:o, s:o}",
		"id", (json_int_t)k->id, "employee", emp, "organisation", org, "status",
		store_case_status_name(k->status), "my_role", role_name(ac->role), "ziekmelding",
		"contact_phone", opt_string(k->contact_phone), "contact_address",
		opt_string(k->contact_address), "verwachte_duur", opt_string(k->verwachte_duur),
		"lopende_afspraken", opt_string(k->lopende_afspraken), "vangnet", k->vangnet != 0,
		"arbeidsongeval", k->arbeidsongeval != 0, "derde_aansprakelijk",
		k->derde_aansprakelijk != 0, "created_at", k->created_at, "periods", periods,
		"participants", participants);
	if (o == NULL)
		oom(err);
	return o;
fail:
	json_decref(periods);
	json_decref(participants);
	json_decref(emp);
	json_decref(org);
	return NULL;
}

static int get_case(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_ZIEKMELDING, POLICY_READ, &ac, err) != 0)
		return -1;
	json_t *o = case_json(c, &ac, err);
	return o == NULL ? -1 : http_response_json(res, 200, o, err);
}

/* Who may report an employee sick: a user of the employee's own
 * organisation (an employer) who is not a beheerder and not the employee. */
static int check_reporter(struct api_call *c, int64_t employee_id, int64_t *org_id,
			  struct sw_error *err)
{
	if (c->user->is_beheerder || c->user->organisation_id == 0)
		return sw_error_set(err, SW_EDENIED, "", "%s", policy_reason_name(POLICY_DENY_ROLE));
	if (employee_id == c->user->id)
		return sw_error_set(err, SW_EDENIED, "employee_id",
				    "the employer reports an employee sick, not the employee");
	struct store_org o;
	if (store_org_get(c->st, &c->arena, c->user->organisation_id, &o, err) != 0)
		return -1;
	if (o.kind != STORE_ORG_WERKGEVER)
		return sw_error_set(err, SW_EDENIED, "", "%s", policy_reason_name(POLICY_DENY_ROLE));
	struct store_user u;
	struct sw_error e;
	if (store_user_get(c->st, &c->arena, employee_id, &u, &e) != 0) {
		if (e.code != SW_ENOTFOUND) {
			if (err != NULL)
				*err = e;
			return -1;
		}
		u.organisation_id = 0;
	}
	/* Unknown and foreign employees alike: do not tell which users exist. */
	if (u.organisation_id != c->user->organisation_id)
		return sw_error_set(err, SW_EINVAL, "employee_id",
				    "is not an employee of your organisation");
	*org_id = o.id;
	return 0;
}

/* Case, first open period, both participations and the deadlines: all or
 * nothing. */
static int create_case(struct api_call *c, const struct store_case *k, sw_date first,
		       int64_t *id, struct sw_error *err)
{
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	int64_t pid, partid;
	if (store_case_insert(c->st, k, id, err) != 0)
		goto fail;
	const struct store_period p = { .case_id = *id, .from = first, .to = DATE_NONE,
					.percent = 100 };
	const struct store_participation wg = { .case_id = *id, .user_id = c->user->id,
						.role = ROLE_WERKGEVER, .from = first,
						.until = DATE_NONE };
	const struct store_participation wn = { .case_id = *id, .user_id = k->employee_id,
						.role = ROLE_WERKNEMER, .from = first,
						.until = DATE_NONE };
	if (store_period_insert(c->st, &p, &pid, err) != 0 ||
	    store_participation_insert(c->st, &wg, &partid, err) != 0 ||
	    store_participation_insert(c->st, &wn, &partid, err) != 0 ||
	    store_case_refresh_deadlines(c->st, *id, c->today, err) != 0)
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}

static int flag(const json_t *body, const char *key, int *out, struct sw_error *err)
{
	bool b = false;
	if (json_field_bool(body, key, JSON_FIELD_OPTIONAL, &b, err) < 0)
		return -1;
	*out = b ? 1 : 0;
	return 0;
}

static int post_case(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	/* Only what the employer may record at a sick report (DOMAIN.md 3). */
	static const char *const fields[] = {
		"employee_id", "first_sick_day", "contact_phone", "contact_address",
		"verwachte_duur", "lopende_afspraken", "vangnet", "arbeidsongeval",
		"derde_aansprakelijk", NULL,
	};
	if (api_require_user(c, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	int64_t employee_id = 0, id;
	sw_date first = DATE_NONE;
	struct store_case k = { .status = STORE_CASE_OPEN };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_int(body, "employee_id", JSON_FIELD_REQUIRED, 1, INT64_MAX, &employee_id,
			   err) < 0 ||
	    json_field_date(body, "first_sick_day", JSON_FIELD_REQUIRED, &first, err) < 0 ||
	    json_field_string(body, "contact_phone", JSON_FIELD_NULLABLE, 200, &k.contact_phone,
			      err) < 0 ||
	    json_field_string(body, "contact_address", JSON_FIELD_NULLABLE, 4000,
			      &k.contact_address, err) < 0 ||
	    json_field_string(body, "verwachte_duur", JSON_FIELD_NULLABLE, 200, &k.verwachte_duur,
			      err) < 0 ||
	    json_field_string(body, "lopende_afspraken", JSON_FIELD_NULLABLE, 4000,
			      &k.lopende_afspraken, err) < 0 ||
	    flag(body, "vangnet", &k.vangnet, err) != 0 ||
	    flag(body, "arbeidsongeval", &k.arbeidsongeval, err) != 0 ||
	    flag(body, "derde_aansprakelijk", &k.derde_aansprakelijk, err) != 0)
		goto out;
	if (first > c->today) {
		sw_error_set(err, SW_EINVAL, "first_sick_day", "must not be in the future");
		goto out;
	}
	k.employee_id = employee_id;
	if (check_reporter(c, employee_id, &k.organisation_id, err) != 0 ||
	    create_case(c, &k, first, &id, err) != 0)
		goto out;
	struct api_case ac;
	json_t *o;
	if (api_case_access(c, id, POLICY_ZIEKMELDING, POLICY_WRITE, &ac, err) != 0 ||
	    (o = case_json(c, &ac, err)) == NULL)
		goto out;
	rc = http_response_json(res, 201, o, err);
out:
	json_decref(body);
	return rc;
}

/* ---- deadlines ------------------------------------------------------------ */

static int get_deadlines(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DEADLINES, POLICY_READ, &ac, err) != 0)
		return -1;
	struct store_case_input in = { 0 };
	if (store_case_load_input(c->st, id, &in, err) != 0)
		return -1;
	json_t *o = NULL;
	if (in.nperiods == 0) {
		o = json_pack("{s:[]}", "deadlines");
	} else {
		struct tl_input ti;
		struct tl_timeline *tl = malloc(sizeof *tl);
		if (tl != NULL) {
			store_case_input_tl(&in, c->today, &ti);
			const enum tl_error e = tl_compute(&ti, tl, NULL);
			if (e == TL_OK)
				o = timeline_json(tl, c->today);
			else
				sw_error_set(err, SW_EINTERNAL, "", "stored history rejected: %s",
					     tl_error_message(e));
			free(tl);
		} else {
			oom(err);
		}
	}
	store_case_input_free(&in);
	if (o == NULL)
		return -1;
	return http_response_json(res, 200, o, err);
}

/* Called inside the change's transaction: the deadlines follow it. */
static int refresh(struct api_call *c, int64_t case_id, struct sw_error *err)
{
	return store_case_refresh_deadlines(c->st, case_id, c->today, err);
}

/* ---- periods -------------------------------------------------------------- */

/* The optional pregnancy flag of a period: only whether, never why (AVG).
 * Like the periods themselves only the werkgever writes it (policy
 * sick_periods). 1 present. */
static int zwangerschap_field(const json_t *body, int *out, struct sw_error *err)
{
	bool on = false;
	const int rc = json_field_bool(body, "zwangerschap", JSON_FIELD_OPTIONAL, &on, err);
	if (rc == 1)
		*out = on;
	return rc;
}

static int post_period(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "from", "to", "percent", "zwangerschap", NULL };
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_SICK_PERIODS, POLICY_WRITE, &ac, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	int64_t percent = 100;
	struct store_period p = { .case_id = id, .to = DATE_NONE };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_date(body, "from", JSON_FIELD_REQUIRED, &p.from, err) < 0 ||
	    json_field_date(body, "to", JSON_FIELD_NULLABLE, &p.to, err) < 0 ||
	    json_field_int(body, "percent", JSON_FIELD_OPTIONAL, 1, 100, &percent, err) < 0 ||
	    zwangerschap_field(body, &p.zwangerschap, err) < 0)
		goto out;
	p.percent = (int)percent;
	if (p.from > c->today) {
		sw_error_set(err, SW_EINVAL, "from", "must not be in the future");
		goto out;
	}
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	if (store_period_insert(c->st, &p, &p.id, err) != 0 || refresh(c, id, err) != 0) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db, err) != 0)
		goto out;
	rc = http_response_json(res, 201, period_json(&p), err);
out:
	json_decref(body);
	return rc;
}

static int patch_period(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "to", "zwangerschap", NULL };
	int64_t id, pid;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 || api_param_id(c, "pid", &pid, err) != 0 ||
	    api_case_access(c, id, POLICY_SICK_PERIODS, POLICY_WRITE, &ac, err) != 0)
		return -1;
	struct store_period p;
	struct sw_error e;
	if (store_period_get(c->st, pid, &p, &e) != 0) {
		if (e.code != SW_ENOTFOUND) {
			if (err != NULL)
				*err = e;
			return -1;
		}
		p.case_id = 0;
	}
	if (p.case_id != id)
		return sw_error_set(err, SW_ENOTFOUND, "pid", "no such period in this case");
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, flag = 0, has_to, has_flag;
	sw_date to = DATE_NONE;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    (has_to = json_field_date(body, "to", JSON_FIELD_OPTIONAL, &to, err)) < 0 ||
	    (has_flag = zwangerschap_field(body, &flag, err)) < 0)
		goto out;
	if (!has_to && !has_flag) {
		sw_error_set(err, SW_EINVAL, "to", "required (or zwangerschap)");
		goto out;
	}
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	if ((has_flag && store_period_set_zwangerschap(c->st, pid, flag, err) != 0) ||
	    (has_to && (store_period_close(c->st, pid, to, err) != 0 || refresh(c, id, err) != 0))) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db, err) != 0 || store_period_get(c->st, pid, &p, err) != 0)
		goto out;
	rc = http_response_json(res, 200, period_json(&p), err);
out:
	json_decref(body);
	return rc;
}

/* ---- events ----------------------------------------------------------------- */

static json_t *event_json(const struct store_event *e)
{
	return json_pack("{s:I, s:s, s:o, s:i, s:o, s:I, s:o}", "id", (json_int_t)e->id, "kind",
			 tl_event_kind_name(e->kind), "date", json_date(e->date), "value", e->value,
			 "note", opt_string(e->note), "created_by", (json_int_t)e->created_by,
			 "created_at", opt_string(e->created_at));
}

/* A case has tens of events, the engine needs all of them anyway: the
 * page is cut from the full list. */
static int get_events(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct api_page pg;
	struct store_event *es;
	size_t n;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_page_parse(c, EVENTS_PER_PAGE_DEFAULT, EVENTS_PER_PAGE_MAX, &pg, err) != 0 ||
	    api_case_access(c, id, POLICY_DEADLINES, POLICY_READ, &ac, err) != 0 ||
	    store_event_list(c->st, &c->arena, id, &es, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return oom(err);
	for (int64_t i = api_page_offset(&pg); i < (int64_t)n && json_array_size(items) <
	     (size_t)pg.per_page; i++)
		json_array_append_new(items, event_json(&es[i]));
	return api_page_respond(res, items, &pg, (int64_t)n, err);
}

static int post_event(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "kind", "date", "value", "note", NULL };
	const char *kinds[TL_EV__COUNT + 1] = { NULL };
	for (int i = 0; i < TL_EV__COUNT; i++)
		kinds[i] = tl_event_kind_name((enum tl_event_kind)i);
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DEADLINES, POLICY_WRITE, &ac, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, kind = 0;
	int64_t value = 0;
	struct store_event e = { .case_id = id, .created_by = c->user->id };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_enum(body, "kind", JSON_FIELD_REQUIRED, kinds, &kind, err) < 0 ||
	    json_field_date(body, "date", JSON_FIELD_REQUIRED, &e.date, err) < 0 ||
	    json_field_int(body, "value", JSON_FIELD_OPTIONAL, 0, 1000, &value, err) < 0 ||
	    json_field_string(body, "note", JSON_FIELD_NULLABLE, 4000, &e.note, err) < 0)
		goto out;
	e.kind = (enum tl_event_kind)kind;
	e.value = (int)value;
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	if (store_event_insert(c->st, &e, &e.id, err) != 0 || refresh(c, id, err) != 0) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db, err) != 0 || store_event_get(c->st, &c->arena, e.id, &e, err) != 0)
		goto out;
	rc = http_response_json(res, 201, event_json(&e), err);
out:
	json_decref(body);
	return rc;
}

/* ---- the access log ------------------------------------------------------------ */

static int get_access_log(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct store_audit *rows;
	size_t n;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_ACCESS_LOG, POLICY_READ, &ac, err) != 0 ||
	    store_audit_list_case(c->st, &c->arena, id, ACCESS_LOG_LIMIT, &rows, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct store_audit *a = &rows[i];
		json_array_append_new(
			items, json_pack("{s:s, s:{s:I, s:o}, s:o, s:s, s:s, s:s}", "at", a->at,
					 "user", "id", (json_int_t)a->user_id, "name",
					 opt_string(a->user_name), "role", opt_string(a->role),
					 "action", a->action, "resource", a->resource, "outcome",
					 a->outcome));
	}
	return http_response_json(res, 200, json_pack("{s:o}", "items", items), err);
}

int api_cases_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases", list_cases, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases", post_case, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases/{id}", get_case, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases/{id}/deadlines", get_deadlines, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/periods", post_period, err) != 0 ||
	    api_route(r, app, "PATCH", "/api/v1/cases/{id}/periods/{pid}", patch_period, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases/{id}/events", get_events, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/events", post_event, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases/{id}/access-log", get_access_log, err) != 0)
		return -1;
	return 0;
}
