/* monitoring.c - /api/v1/cases/{id}/placements/...: durable placement
 * monitoring (DOMAIN.md section 7, resource monitoring): placements, the
 * driegesprek at the start, the questionnaires T0..T3 (each party answers
 * its own perspective; reading shows the three side by side), reminders of
 * due questionnaires, risk signals with the suggested route and follow-up,
 * and development goals. Free text here is read by the employer: the portal
 * warns not to enter medical information. */
#include "api.h"

#include <stdio.h>
#include <string.h>

#include "core/monitor.h"
#include "export/timeline_json.h"
#include "http/http_json.h"

static int oom(struct sw_error *err)
{
	return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

static json_t *str_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *id_or_null(int64_t id)
{
	return id != 0 ? json_integer(id) : json_null();
}

static json_t *user_json(int64_t id, const char *name)
{
	return json_pack("{s:I, s:o}", "id", (json_int_t)id, "name", str_or_null(name));
}

static json_t *lasted_json(enum monitor_lasted l)
{
	return l == MONITOR_LASTED_UNKNOWN ? json_null() : json_boolean(l == MONITOR_LASTED_YES);
}

static struct monitor_schedule schedule_of(const struct store_placement *p)
{
	return (struct monitor_schedule){ p->t2_months, p->t3_months };
}

static json_t *placement_json(const struct store_placement *p, sw_date today)
{
	const struct monitor_schedule s = schedule_of(p);
	json_t *due = json_object();
	for (int m = 0; due != NULL && m < MONITOR_MOMENT__COUNT; m++)
		json_object_set_new(due, monitor_moment_name(m), json_date(monitor_due(p->start, &s, m)));
	return json_pack(
		"{s:I, s:I, s:o, s:{s:o, s:s}, s:o, s:s, s:o, s:o, s:o, s:s, s:o, s:o, s:o, s:o,"
		" s:i, s:i, s:o, s:o, s:o}",
		"id", (json_int_t)p->id, "case_id", (json_int_t)p->case_id, "pipeline_entry_id",
		id_or_null(p->pipeline_entry_id), "employer", "organisation_id",
		id_or_null(p->employer_org_id), "name", p->employer_name ? p->employer_name : "",
		"network", str_or_null(p->network), "kind", store_placement_kind_name(p->kind),
		"start", json_date(p->start), "end", json_date(p->end), "end_reason",
		str_or_null(p->end_reason), "outcome",
		monitor_outcome_name((enum monitor_outcome)p->outcome), "contract_until",
		json_date(p->contract_until), "subsidy_until", json_date(p->subsidy_until),
		"hours_per_week", p->hours_per_week ? json_integer(p->hours_per_week) : json_null(),
		"capacity_hours", p->capacity_hours ? json_integer(p->capacity_hours) : json_null(),
		"t2_months", p->t2_months, "t3_months", p->t3_months, "schedule", due,
		"lasted_6_months", lasted_json(monitor_lasted(p->start, p->end, today, 6)),
		"lasted_12_months", lasted_json(monitor_lasted(p->start, p->end, today, 12)));
}

static int reply_new(struct http_response *res, unsigned status, json_t *o, struct sw_error *err)
{
	return o != NULL ? http_response_json(res, status, o, err) : oom(err);
}

/* Appends new to arr; on failure frees arr and answers -1. */
static int push(json_t *arr, json_t *item, struct sw_error *err)
{
	if (item == NULL || json_array_append_new(arr, item) != 0) {
		json_decref(arr);
		return oom(err);
	}
	return 0;
}

/* The case (access checked for action) and its placement {pid}; a
 * placement of another case does not exist here. */
/* A row named by path parameter param that the store did not find: 404
 * naming param ("no such <what>"); any other store error passes as is. */
static int lookup_failed(const struct sw_error *e, const char *param, const char *what,
			 struct sw_error *err)
{
	if (e->code == SW_ENOTFOUND)
		return sw_error_set(err, SW_ENOTFOUND, param, "no such %s", what);
	if (err != NULL)
		*err = *e;
	return -1;
}

static int placement_of(struct api_call *c, enum policy_action action, struct api_case *ac,
			struct store_placement *p, struct sw_error *err)
{
	int64_t id, pid;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_MONITORING, action, ac, err) != 0 ||
	    api_param_id(c, "pid", &pid, err) != 0)
		return -1;
	struct sw_error e;
	if (store_placement_get(c->st, &c->arena, pid, p, &e) != 0)
		return lookup_failed(&e, "pid", "placement", err);
	if (p->case_id != id)
		return sw_error_set(err, SW_ENOTFOUND, "pid", "no such placement");
	return 0;
}

/* An optional date that null clears: 1 set (DATE_NONE for null), 0
 * absent, -1 bad. */
static int clearable_date(const json_t *body, const char *key, sw_date *out,
			  struct sw_error *err)
{
	const json_t *v = json_object_get(body, key);
	if (v == NULL)
		return 0;
	if (json_is_null(v)) {
		*out = DATE_NONE;
		return 1;
	}
	return json_field_date(body, key, JSON_FIELD_OPTIONAL, out, err);
}

static int field_int(const json_t *body, const char *key, int64_t min, int64_t max, int *out,
		     struct sw_error *err)
{
	int64_t v;
	const int rc = json_field_int(body, key, JSON_FIELD_NULLABLE, min, max, &v, err);
	if (rc == 1)
		*out = (int)v;
	return rc;
}

/* ---- placements ------------------------------------------------------------ */

static int list_placements(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct store_placement *ps;
	size_t n;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_MONITORING, POLICY_READ, &ac, err) != 0 ||
	    store_placement_list(c->st, &c->arena, id, &ps, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return oom(err);
	for (size_t i = 0; i < n; i++)
		if (push(items, placement_json(&ps[i], c->today), err) != 0)
			return -1;
	return reply_new(res, 200, json_pack("{s:o}", "items", items), err);
}

static int post_placement(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = {
		"pipeline_entry_id", "employer_organisation_id", "employer_name", "network", "kind",
		"start", "contract_until", "subsidy_until", "hours_per_week", "capacity_hours",
		"t2_months", "t3_months", NULL,
	};
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_MONITORING, POLICY_WRITE, &ac, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, kind = 0;
	struct store_placement p = {
		.case_id = id, .start = DATE_NONE, .end = DATE_NONE,
		.outcome = MONITOR_OUTCOME_LOPEND, .contract_until = DATE_NONE,
		.subsidy_until = DATE_NONE, .t2_months = MONITOR_DEFAULT_T2,
		.t3_months = MONITOR_DEFAULT_T3, .created_by = c->user->id,
	};
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_int(body, "pipeline_entry_id", JSON_FIELD_NULLABLE, 1, INT64_MAX,
			   &p.pipeline_entry_id, err) < 0 ||
	    json_field_int(body, "employer_organisation_id", JSON_FIELD_NULLABLE, 1, INT64_MAX,
			   &p.employer_org_id, err) < 0 ||
	    json_field_string(body, "employer_name", JSON_FIELD_NULLABLE, 200, &p.employer_name,
			      err) < 0 ||
	    json_field_string(body, "network", JSON_FIELD_NULLABLE, 200, &p.network, err) < 0 ||
	    json_field_enum(body, "kind", JSON_FIELD_REQUIRED, store_placement_kind_names, &kind,
			    err) < 0 ||
	    json_field_date(body, "start", JSON_FIELD_REQUIRED, &p.start, err) < 0 ||
	    json_field_date(body, "contract_until", JSON_FIELD_NULLABLE, &p.contract_until, err) < 0 ||
	    json_field_date(body, "subsidy_until", JSON_FIELD_NULLABLE, &p.subsidy_until, err) < 0 ||
	    field_int(body, "hours_per_week", 0, 60, &p.hours_per_week, err) < 0 ||
	    field_int(body, "capacity_hours", 0, 60, &p.capacity_hours, err) < 0 ||
	    field_int(body, "t2_months", 13, MONITOR_MAX_MONTHS, &p.t2_months, err) < 0 ||
	    field_int(body, "t3_months", 14, MONITOR_MAX_MONTHS, &p.t3_months, err) < 0)
		goto out;
	p.kind = (enum store_placement_kind)kind;
	if (p.employer_org_id == 0 && p.employer_name == NULL) {
		sw_error_set(err, SW_EINVAL, "employer_name",
			     "required without employer_organisation_id");
		goto out;
	}
	struct sw_error e;
	if (store_placement_insert(c->st, &p, &p.id, &e) != 0) {
		/* An unknown employer organisation is bad input, not a 404. */
		if (e.code == SW_ENOTFOUND)
			sw_error_set(err, SW_EINVAL, "employer_organisation_id",
				     "no such organisation");
		else if (err != NULL)
			*err = e;
		goto out;
	}
	if (store_placement_get(c->st, &c->arena, p.id, &p, err) != 0)
		goto out;
	rc = reply_new(res, 201, placement_json(&p, c->today), err);
out:
	json_decref(body);
	return rc;
}

static int get_placement(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_case ac;
	struct store_placement p;
	if (placement_of(c, POLICY_READ, &ac, &p, err) != 0)
		return -1;
	return reply_new(res, 200, placement_json(&p, c->today), err);
}

/* Ends the placement or changes what may change after the start. */
static int patch_placement(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = {
		"end", "end_reason", "outcome", "contract_until", "subsidy_until", "hours_per_week",
		"capacity_hours", "t2_months", "t3_months", NULL,
	};
	struct api_case ac;
	struct store_placement p;
	if (placement_of(c, POLICY_WRITE, &ac, &p, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, outcome = p.outcome;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    clearable_date(body, "end", &p.end, err) < 0 ||
	    json_field_string(body, "end_reason", JSON_FIELD_OPTIONAL, 1000, &p.end_reason, err) < 0 ||
	    json_field_enum(body, "outcome", JSON_FIELD_OPTIONAL, monitor_outcome_names, &outcome,
			    err) < 0 ||
	    clearable_date(body, "contract_until", &p.contract_until, err) < 0 ||
	    clearable_date(body, "subsidy_until", &p.subsidy_until, err) < 0 ||
	    field_int(body, "hours_per_week", 0, 60, &p.hours_per_week, err) < 0 ||
	    field_int(body, "capacity_hours", 0, 60, &p.capacity_hours, err) < 0 ||
	    field_int(body, "t2_months", 13, MONITOR_MAX_MONTHS, &p.t2_months, err) < 0 ||
	    field_int(body, "t3_months", 14, MONITOR_MAX_MONTHS, &p.t3_months, err) < 0)
		goto out;
	if (json_is_null(json_object_get(body, "end_reason")))
		p.end_reason = NULL;
	p.outcome = outcome;
	if (store_placement_update(c->st, &p, err) != 0 ||
	    store_placement_get(c->st, &c->arena, p.id, &p, err) != 0)
		goto out;
	rc = reply_new(res, 200, placement_json(&p, c->today), err);
out:
	json_decref(body);
	return rc;
}

/* ---- driegesprek ----------------------------------------------------------- */

static json_t *driegesprek_json(const struct store_driegesprek *d)
{
	return json_pack("{s:I, s:o, s:s, s:o, s:s}", "placement_id", (json_int_t)d->placement_id,
			 "held_on", json_date(d->held_on), "afspraken", d->afspraken,
			 "recorded_by", user_json(d->recorded_by, d->recorded_by_name),
			 "recorded_at", d->recorded_at);
}

static int get_driegesprek(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_case ac;
	struct store_placement p;
	struct store_driegesprek d;
	if (placement_of(c, POLICY_READ, &ac, &p, err) != 0 ||
	    store_driegesprek_get(c->st, &c->arena, p.id, &d, err) != 0)
		return -1;
	return reply_new(res, 200, driegesprek_json(&d), err);
}

static int put_driegesprek(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "held_on", "afspraken", NULL };
	struct api_case ac;
	struct store_placement p;
	if (placement_of(c, POLICY_WRITE, &ac, &p, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	struct store_driegesprek d = { .placement_id = p.id, .recorded_by = c->user->id };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_date(body, "held_on", JSON_FIELD_REQUIRED, &d.held_on, err) < 0 ||
	    json_field_string(body, "afspraken", JSON_FIELD_REQUIRED, 4000, &d.afspraken, err) < 0)
		goto out;
	if (d.held_on > c->today) {
		sw_error_set(err, SW_EINVAL, "held_on", "in the future");
		goto out;
	}
	if (store_driegesprek_set(c->st, &d, err) != 0 ||
	    store_driegesprek_get(c->st, &c->arena, p.id, &d, err) != 0)
		goto out;
	rc = reply_new(res, 200, driegesprek_json(&d), err);
out:
	json_decref(body);
	return rc;
}

/* ---- questionnaires -------------------------------------------------------- */

/* The answers of a placement, indexed [moment][perspective][factor];
 * NULL where not answered. */
typedef const struct store_answer *answer_grid[MONITOR_MOMENT__COUNT]
					     [MONITOR_PERSPECTIVE__COUNT][MONITOR_FACTOR__COUNT];

static int load_grid(struct api_call *c, int64_t placement_id, answer_grid grid,
		     struct sw_error *err)
{
	struct store_answer *as;
	size_t n;
	if (store_answer_list(c->st, &c->arena, placement_id, &as, &n, err) != 0)
		return -1;
	memset(grid, 0, sizeof(answer_grid));
	for (size_t i = 0; i < n; i++)
		grid[as[i].moment][as[i].perspective][as[i].factor] = &as[i];
	return 0;
}

static enum monitor_status status_in(const struct store_placement *p, answer_grid grid,
				     enum monitor_moment m, enum monitor_perspective v,
				     sw_date today)
{
	const struct monitor_schedule s = schedule_of(p);
	return monitor_status_of(monitor_due(p->start, &s, m), grid[m][v][0] != NULL, p->end, today);
}

static json_t *score_json(const struct store_answer *a)
{
	if (a == NULL)
		return json_null();
	return json_pack("{s:o, s:o}", "score", a->score ? json_integer(a->score) : json_null(),
			 "comment", str_or_null(a->comment));
}

/* One moment: due date, per perspective its status and who answered, and
 * per factor the three answers side by side. */
static json_t *moment_json(const struct store_placement *p, answer_grid grid,
			   enum monitor_moment m, sw_date today)
{
	const struct monitor_schedule s = schedule_of(p);
	json_t *persp = json_object(), *factors = json_array();
	json_t *o = json_pack("{s:s, s:o, s:o, s:o}", "moment", monitor_moment_name(m), "due",
			      json_date(monitor_due(p->start, &s, m)), "perspectives", persp,
			      "factors", factors);
	if (o == NULL)
		return NULL;
	for (int v = 0; v < MONITOR_PERSPECTIVE__COUNT; v++) {
		const struct store_answer *a = grid[m][v][0];
		json_t *pv = json_pack("{s:s, s:o, s:o}", "status",
				       monitor_status_name(status_in(p, grid, m, v, today)),
				       "answered_by",
				       a ? user_json(a->answered_by, a->answered_by_name) : json_null(),
				       "answered_at", a ? json_string(a->answered_at) : json_null());
		if (pv == NULL || json_object_set_new(persp, monitor_perspective_name(v), pv) != 0) {
			json_decref(o);
			return NULL;
		}
	}
	for (int f = 0; f < MONITOR_FACTOR__COUNT; f++) {
		json_t *row = json_pack("{s:s}", "factor", monitor_factor_name(f));
		for (int v = 0; row != NULL && v < MONITOR_PERSPECTIVE__COUNT; v++)
			json_object_set_new(row, monitor_perspective_name(v), score_json(grid[m][v][f]));
		if (row == NULL || json_array_append_new(factors, row) != 0) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}

static json_t *questionnaires_json(const struct store_placement *p, answer_grid grid,
				   sw_date today)
{
	json_t *moments = json_array();
	if (moments == NULL)
		return NULL;
	for (int m = 0; m < MONITOR_MOMENT__COUNT; m++) {
		json_t *o = moment_json(p, grid, m, today);
		if (o == NULL || json_array_append_new(moments, o) != 0) {
			json_decref(moments);
			return NULL;
		}
	}
	return json_pack("{s:I, s:o}", "placement_id", (json_int_t)p->id, "moments", moments);
}

static int get_questionnaires(struct api_call *c, struct http_response *res,
			      struct sw_error *err)
{
	struct api_case ac;
	struct store_placement p;
	answer_grid grid;
	if (placement_of(c, POLICY_READ, &ac, &p, err) != 0 || load_grid(c, p.id, grid, err) != 0)
		return -1;
	return reply_new(res, 200, questionnaires_json(&p, grid, c->today), err);
}

/* The perspective the caller answers from: the employee, the employer at
 * the placement (the own werkgever, or the network employer that took the
 * candidate) or the arbeidsdeskundige. Others answer none. */
static int may_answer(const struct api_call *c, const struct api_case *ac,
		      enum monitor_perspective v)
{
	switch (v) {
	case MONITOR_WERKNEMER:
		return ac->role == ROLE_WERKNEMER && ac->kase.employee_id == c->user->id;
	case MONITOR_WERKGEVER:
		return ac->role == ROLE_WERKGEVER || ac->role == ROLE_NETWERKWERKGEVER;
	default:
		return ac->role == ROLE_ARBEIDSDESKUNDIGE;
	}
}

/* Reads {"answers": {factor: {"score": 1..5|null, "comment": ...}}} with
 * every factor exactly once. */
static int read_answers(const json_t *body, struct store_answer out[MONITOR_FACTOR__COUNT],
			struct sw_error *err)
{
	static const char *const top[] = { "answers", NULL };
	static const char *const inner[] = { "score", "comment", NULL };
	if (json_fields_allowed(body, top, err) != 0)
		return -1;
	const json_t *answers = json_object_get(body, "answers");
	if (!json_is_object(answers))
		return sw_error_set(err, SW_EINVAL, "answers", "an object with one entry per factor");
	if (json_fields_allowed(answers, monitor_factor_names, err) != 0)
		return -1;
	for (int f = 0; f < MONITOR_FACTOR__COUNT; f++) {
		const char *name = monitor_factor_name(f);
		const json_t *a = json_object_get(answers, name);
		int64_t score = 0;
		out[f].factor = f;
		out[f].score = 0;
		out[f].comment = NULL;
		if (!json_is_object(a))
			return sw_error_set(err, SW_EINVAL, name, "required: {\"score\": 1..5 or null}");
		if (json_object_get(a, "score") == NULL)
			return sw_error_set(err, SW_EINVAL, name, "score required (null: n.v.t.)");
		if (json_fields_allowed(a, inner, err) != 0 ||
		    json_field_int(a, "score", JSON_FIELD_NULLABLE, MONITOR_SCORE_MIN,
				   MONITOR_SCORE_MAX, &score, err) < 0 ||
		    json_field_string(a, "comment", JSON_FIELD_NULLABLE, 2000, &out[f].comment,
				      err) < 0) {
			/* Name the factor, not the inner key. */
			if (err != NULL)
				snprintf(err->field, sizeof err->field, "%s", name);
			return -1;
		}
		out[f].score = (int)score;
	}
	return 0;
}

static int put_questionnaire(struct api_call *c, struct http_response *res,
			     struct sw_error *err)
{
	struct api_case ac;
	struct store_placement p;
	enum monitor_moment m;
	enum monitor_perspective v;
	if (placement_of(c, POLICY_WRITE, &ac, &p, err) != 0)
		return -1;
	if (monitor_moment_parse(http_request_param(c->req, "moment"), &m) != 0)
		return sw_error_set(err, SW_ENOTFOUND, "moment", "T0, T1, T2 or T3");
	if (monitor_perspective_parse(http_request_param(c->req, "perspective"), &v) != 0)
		return sw_error_set(err, SW_ENOTFOUND, "perspective",
				    "werknemer, werkgever or arbeidsdeskundige");
	if (!may_answer(c, &ac, v))
		return sw_error_set(err, SW_EDENIED, "perspective",
				    "each party answers its own perspective only");
	answer_grid grid;
	if (load_grid(c, p.id, grid, err) != 0)
		return -1;
	const enum monitor_status s = status_in(&p, grid, m, v, c->today);
	if (s == MONITOR_GEPLAND || s == MONITOR_VERVALLEN)
		return sw_error_set(err, SW_ECONFLICT, "moment", "%s is %s: not open for answers",
				    monitor_moment_name(m), monitor_status_name(s));
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	struct store_answer answers[MONITOR_FACTOR__COUNT];
	int rc = -1;
	if (read_answers(body, answers, err) != 0)
		goto out;
	for (int f = 0; f < MONITOR_FACTOR__COUNT; f++) {
		answers[f].moment = m;
		answers[f].perspective = v;
		answers[f].answered_by = c->user->id;
	}
	if (store_answers_insert(c->st, p.id, answers, MONITOR_FACTOR__COUNT, err) != 0 ||
	    load_grid(c, p.id, grid, err) != 0)
		goto out;
	rc = reply_new(res, 201, moment_json(&p, grid, m, c->today), err);
out:
	json_decref(body);
	return rc;
}

/* Due and overdue questionnaires of the case's placements. */
static int get_reminders(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct store_placement *ps;
	size_t n;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_MONITORING, POLICY_READ, &ac, err) != 0 ||
	    store_placement_list(c->st, &c->arena, id, &ps, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return oom(err);
	for (size_t i = 0; i < n; i++) {
		answer_grid grid;
		const struct monitor_schedule s = schedule_of(&ps[i]);
		if (load_grid(c, ps[i].id, grid, err) != 0) {
			json_decref(items);
			return -1;
		}
		for (int m = 0; m < MONITOR_MOMENT__COUNT; m++) {
			for (int v = 0; v < MONITOR_PERSPECTIVE__COUNT; v++) {
				const enum monitor_status st = status_in(&ps[i], grid, m, v, c->today);
				if (!monitor_status_reminds(st))
					continue;
				json_t *o = json_pack(
					"{s:I, s:s, s:s, s:s, s:o, s:s}", "placement_id",
					(json_int_t)ps[i].id, "employer",
					ps[i].employer_name ? ps[i].employer_name : "", "moment",
					monitor_moment_name(m), "perspective",
					monitor_perspective_name(v), "due",
					json_date(monitor_due(ps[i].start, &s, m)), "status",
					monitor_status_name(st));
				if (push(items, o, err) != 0)
					return -1;
			}
		}
	}
	return reply_new(res, 200, json_pack("{s:o}", "items", items), err);
}

/* ---- risk signals ------------------------------------------------------------ */

static json_t *signal_json(const struct store_risk_signal *r)
{
	return json_pack("{s:I, s:s, s:o, s:o, s:o, s:s, s:o, s:o, s:o}", "id", (json_int_t)r->id,
			 "kind", monitor_risk_name(r->kind), "noted_on", json_date(r->noted_on),
			 "ends_on", json_date(r->ends_on), "note", str_or_null(r->note),
			 "suggested_route", monitor_route_name(r->route), "follow_up",
			 json_date(r->follow_up), "resolved_on", json_date(r->resolved_on),
			 "noted_by", user_json(r->noted_by, r->noted_by_name));
}

/* The signals that follow from the data today; not stored. */
static json_t *derived_json(struct api_call *c, const struct store_placement *p,
			    struct sw_error *err)
{
	struct store_period *periods;
	size_t n;
	if (store_period_list(c->st, &c->arena, p->case_id, &periods, &n, err) != 0)
		return NULL;
	struct monitor_facts f = {
		.start = p->start, .ended = p->end, .contract_until = p->contract_until,
		.subsidy_until = p->subsidy_until, .hours_per_week = p->hours_per_week,
		.capacity_hours = p->capacity_hours, .last_sick_report = DATE_NONE,
	};
	for (size_t i = 0; i < n; i++)
		if (periods[i].from >= p->start && periods[i].from <= c->today)
			f.last_sick_report = periods[i].from;
	const unsigned bits = monitor_derive(&f, c->today);
	json_t *items = json_array();
	for (int k = 0; items != NULL && k < MONITOR_RISK__COUNT; k++) {
		if (!(bits & (1u << k)))
			continue;
		const sw_date ends = k == MONITOR_RISK_CONTRACT_EINDE ? p->contract_until
				     : k == MONITOR_RISK_SUBSIDIE_EINDE ? p->subsidy_until
									 : DATE_NONE;
		const struct monitor_advice a = monitor_advise(k, c->today, ends);
		json_t *o = json_pack("{s:s, s:o, s:s, s:o}", "kind", monitor_risk_name(k), "ends_on",
				      json_date(ends), "suggested_route", monitor_route_name(a.route),
				      "follow_up", json_date(a.follow_up));
		if (o == NULL || json_array_append_new(items, o) != 0) {
			json_decref(items);
			items = NULL;
		}
	}
	if (items == NULL)
		oom(err);
	return items;
}

static int list_signals(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_case ac;
	struct store_placement p;
	struct store_risk_signal *rs;
	size_t n;
	if (placement_of(c, POLICY_READ, &ac, &p, err) != 0 ||
	    store_risk_signal_list(c->st, &c->arena, p.id, &rs, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return oom(err);
	for (size_t i = 0; i < n; i++)
		if (push(items, signal_json(&rs[i]), err) != 0)
			return -1;
	json_t *derived = derived_json(c, &p, err);
	if (derived == NULL) {
		json_decref(items);
		return -1;
	}
	return reply_new(res, 200, json_pack("{s:o, s:o}", "items", items, "derived", derived), err);
}

static int post_signal(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "kind", "noted_on", "ends_on", "note", NULL };
	struct api_case ac;
	struct store_placement p;
	if (placement_of(c, POLICY_WRITE, &ac, &p, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, kind = 0;
	struct store_risk_signal r = { .placement_id = p.id, .noted_on = c->today,
				       .ends_on = DATE_NONE, .resolved_on = DATE_NONE,
				       .noted_by = c->user->id };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_enum(body, "kind", JSON_FIELD_REQUIRED, monitor_risk_names, &kind, err) < 0 ||
	    json_field_date(body, "noted_on", JSON_FIELD_NULLABLE, &r.noted_on, err) < 0 ||
	    json_field_date(body, "ends_on", JSON_FIELD_NULLABLE, &r.ends_on, err) < 0 ||
	    json_field_string(body, "note", JSON_FIELD_NULLABLE, 2000, &r.note, err) < 0)
		goto out;
	r.kind = kind;
	if (r.noted_on > c->today || r.noted_on < p.start) {
		sw_error_set(err, SW_EINVAL, "noted_on", "between the placement's start and today");
		goto out;
	}
	const bool has_end = kind == MONITOR_RISK_CONTRACT_EINDE || kind == MONITOR_RISK_SUBSIDIE_EINDE;
	if (has_end != (r.ends_on != DATE_NONE)) {
		sw_error_set(err, SW_EINVAL, "ends_on",
			     has_end ? "required for this kind" : "only for contract_einde and "
								 "subsidie_einde");
		goto out;
	}
	const struct monitor_advice a = monitor_advise(r.kind, r.noted_on, r.ends_on);
	r.route = a.route;
	r.follow_up = a.follow_up;
	if (store_risk_signal_insert(c->st, &r, &r.id, err) != 0 ||
	    store_risk_signal_get(c->st, &c->arena, r.id, &r, err) != 0)
		goto out;
	rc = reply_new(res, 201, signal_json(&r), err);
out:
	json_decref(body);
	return rc;
}

/* {"resolved": true} resolves the signal today. */
static int patch_signal(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "resolved", NULL };
	struct api_case ac;
	struct store_placement p;
	int64_t sid;
	if (placement_of(c, POLICY_WRITE, &ac, &p, err) != 0 ||
	    api_param_id(c, "sid", &sid, err) != 0)
		return -1;
	struct store_risk_signal r;
	struct sw_error e;
	if (store_risk_signal_get(c->st, &c->arena, sid, &r, &e) != 0)
		return lookup_failed(&e, "sid", "risk signal", err);
	if (r.placement_id != p.id)
		return sw_error_set(err, SW_ENOTFOUND, "sid", "no such risk signal");
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	bool resolved = false;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_bool(body, "resolved", JSON_FIELD_REQUIRED, &resolved, err) < 0)
		goto out;
	if (!resolved) {
		sw_error_set(err, SW_EINVAL, "resolved", "a resolved signal is not reopened");
		goto out;
	}
	if (store_risk_signal_resolve(c->st, sid, c->today, err) != 0 ||
	    store_risk_signal_get(c->st, &c->arena, sid, &r, err) != 0)
		goto out;
	rc = reply_new(res, 200, signal_json(&r), err);
out:
	json_decref(body);
	return rc;
}

/* ---- development goals -------------------------------------------------- */

static json_t *goal_json(const struct store_goal *g)
{
	return json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:s}", "id", (json_int_t)g->id,
			 "route", monitor_route_name(g->route), "goal", g->goal, "reached",
			 g->reached < 0 ? json_null() : json_boolean(g->reached), "done_what",
			 str_or_null(g->done_what), "done_by", str_or_null(g->done_by),
			 "take_forward", str_or_null(g->take_forward), "created_at", g->created_at);
}

static int list_goals(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_case ac;
	struct store_placement p;
	struct store_goal *gs;
	size_t n;
	if (placement_of(c, POLICY_READ, &ac, &p, err) != 0 ||
	    store_goal_list(c->st, &c->arena, p.id, &gs, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return oom(err);
	for (size_t i = 0; i < n; i++)
		if (push(items, goal_json(&gs[i]), err) != 0)
			return -1;
	return reply_new(res, 200, json_pack("{s:o}", "items", items), err);
}

/* Reads the goal fields present in body into g (required on create). */
static int read_goal(const json_t *body, unsigned req, struct store_goal *g,
		     struct sw_error *err)
{
	static const char *const fields[] = { "route",   "goal",         "reached", "done_what",
					      "done_by", "take_forward", NULL };
	int route = g->route;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_enum(body, "route", req, monitor_route_names, &route, err) < 0 ||
	    json_field_string(body, "goal", req, 2000, &g->goal, err) < 0 ||
	    json_field_string(body, "done_what", JSON_FIELD_OPTIONAL, 2000, &g->done_what, err) < 0 ||
	    json_field_string(body, "done_by", JSON_FIELD_OPTIONAL, 200, &g->done_by, err) < 0 ||
	    json_field_string(body, "take_forward", JSON_FIELD_OPTIONAL, 2000, &g->take_forward,
			      err) < 0)
		return -1;
	g->route = route;
	const json_t *reached = json_object_get(body, "reached");
	if (reached != NULL) {
		if (json_is_null(reached))
			g->reached = -1;
		else if (json_is_boolean(reached))
			g->reached = json_is_true(reached);
		else
			return sw_error_set(err, SW_EINVAL, "reached", "true, false or null");
	}
	/* null clears an optional text. */
	if (json_is_null(json_object_get(body, "done_what")))
		g->done_what = NULL;
	if (json_is_null(json_object_get(body, "done_by")))
		g->done_by = NULL;
	if (json_is_null(json_object_get(body, "take_forward")))
		g->take_forward = NULL;
	return 0;
}

static int post_goal(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_case ac;
	struct store_placement p;
	if (placement_of(c, POLICY_WRITE, &ac, &p, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	struct store_goal g = { .placement_id = p.id, .reached = -1, .created_by = c->user->id };
	if (read_goal(body, JSON_FIELD_REQUIRED, &g, err) != 0 ||
	    store_goal_insert(c->st, &g, &g.id, err) != 0 ||
	    store_goal_get(c->st, &c->arena, g.id, &g, err) != 0)
		goto out;
	rc = reply_new(res, 201, goal_json(&g), err);
out:
	json_decref(body);
	return rc;
}

static int patch_goal(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_case ac;
	struct store_placement p;
	int64_t gid;
	if (placement_of(c, POLICY_WRITE, &ac, &p, err) != 0 ||
	    api_param_id(c, "gid", &gid, err) != 0)
		return -1;
	struct store_goal g;
	struct sw_error e;
	if (store_goal_get(c->st, &c->arena, gid, &g, &e) != 0)
		return lookup_failed(&e, "gid", "goal", err);
	if (g.placement_id != p.id)
		return sw_error_set(err, SW_ENOTFOUND, "gid", "no such goal");
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	if (read_goal(body, JSON_FIELD_OPTIONAL, &g, err) != 0 ||
	    store_goal_update(c->st, &g, err) != 0 ||
	    store_goal_get(c->st, &c->arena, gid, &g, err) != 0)
		goto out;
	rc = reply_new(res, 200, goal_json(&g), err);
out:
	json_decref(body);
	return rc;
}

int api_monitoring_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	static const struct {
		const char *method, *pattern;
		api_handler_fn fn;
	} routes[] = {
		{ "GET", "/api/v1/cases/{id}/placements", list_placements },
		{ "POST", "/api/v1/cases/{id}/placements", post_placement },
		{ "GET", "/api/v1/cases/{id}/placements/{pid}", get_placement },
		{ "PATCH", "/api/v1/cases/{id}/placements/{pid}", patch_placement },
		{ "GET", "/api/v1/cases/{id}/placements/{pid}/driegesprek", get_driegesprek },
		{ "PUT", "/api/v1/cases/{id}/placements/{pid}/driegesprek", put_driegesprek },
		{ "GET", "/api/v1/cases/{id}/placements/{pid}/questionnaires", get_questionnaires },
		{ "PUT", "/api/v1/cases/{id}/placements/{pid}/questionnaires/{moment}/{perspective}",
		  put_questionnaire },
		{ "GET", "/api/v1/cases/{id}/placements/{pid}/risk-signals", list_signals },
		{ "POST", "/api/v1/cases/{id}/placements/{pid}/risk-signals", post_signal },
		{ "PATCH", "/api/v1/cases/{id}/placements/{pid}/risk-signals/{sid}", patch_signal },
		{ "GET", "/api/v1/cases/{id}/placements/{pid}/goals", list_goals },
		{ "POST", "/api/v1/cases/{id}/placements/{pid}/goals", post_goal },
		{ "PATCH", "/api/v1/cases/{id}/placements/{pid}/goals/{gid}", patch_goal },
		{ "GET", "/api/v1/cases/{id}/monitoring/reminders", get_reminders },
	};
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
		if (api_route(r, app, routes[i].method, routes[i].pattern, routes[i].fn, err) != 0)
			return -1;
	return 0;
}
