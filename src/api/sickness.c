/* sickness.c - the sickness mutations of a case (DOMAIN.md 2a, SIVI Vrzm):
 *
 * GET  /api/v1/cases/{id}/sickness[?as_of=MID]   mutations, derived
 *      segments and the state, as now or as after mutation MID;
 * POST /api/v1/cases/{id}/sickness               a change of percentage
 *      (wijziging) or a partial or full recovery (herstel);
 * POST /api/v1/cases/{id}/sickness/{mid}/correction   new values + reason;
 * POST /api/v1/cases/{id}/sickness/{mid}/withdrawal   reason (made in
 *      error; withdrawing the report that opened the case withdraws it);
 * PUT  /api/v1/cases/{id}/casemanager            hand the case over;
 * GET  /api/v1/organisations/{id}/casemanagers   who it can go to.
 *
 * Resource sick_periods: the werkgever (casemanager) and the leidinggevende
 * of the team write, the other parties read. Every refusal of the
 * derivation names the field; nothing is stored then. */
#include "api.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "export/timeline_json.h"
#include "http/http_json.h"

static int oom(struct sw_error *err)
{
	return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

int api_field_percent(const json_t *body, const char *key, double *out, struct sw_error *err)
{
	const json_t *v = json_object_get(body, key);
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_number(v))
		return sw_error_set(err, SW_EINVAL, key, "must be a number (1 to 100, two decimals)");
	*out = json_number_value(v);
	return 1;
}

/* Derives the case from rows[0..n) as after as_of (0: now). */
static int derive(const struct store_sickness *rows, size_t n, int64_t as_of,
		  struct sick_segment **segs, struct sick_state *st, struct sw_error *err)
{
	const size_t cap = n > 0 ? n : 1;
	struct sick_mutation *ms = malloc(cap * sizeof *ms), *work = malloc(cap * sizeof *work);
	*segs = malloc(cap * sizeof **segs);
	int rc = -1;
	if (ms == NULL || work == NULL || *segs == NULL) {
		oom(err);
	} else {
		for (size_t i = 0; i < n; i++)
			ms[i] = rows[i].m;
		rc = sick_derive(ms, n, as_of, work, *segs, st, NULL, err);
		if (rc != 0 && err != NULL)
			err->code = SW_EINTERNAL;  /* stored history: not the caller's input */
	}
	free(ms);
	free(work);
	if (rc != 0) {
		free(*segs);
		*segs = NULL;
	}
	return rc;
}

int api_sickness_state(struct api_call *c, int64_t case_id, struct sick_state *out,
		       struct sw_error *err)
{
	struct store_sickness *rows;
	struct sick_segment *segs;
	size_t n;
	if (store_sickness_list(c->st, &c->arena, case_id, &rows, &n, err) != 0 ||
	    derive(rows, n, 0, &segs, out, err) != 0)
		return -1;
	free(segs);
	return 0;
}

static json_t *percent_json(int bp)
{
	return json_real(bp / 100.0);
}

static json_t *mutation_json(const struct store_sickness *s)
{
	const struct sick_mutation *m = &s->m;
	return json_pack("{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:b, s:o, s:s, s:o, s:o, s:o, s:o}",
			 "id", (json_int_t)m->id, "kind", sick_kind_name(m->kind), "action",
			 sick_action_name(m->action), "ref_id",
			 m->ref_id != 0 ? json_integer(m->ref_id) : json_null(), "date",
			 json_date(m->date), "percent", percent_json(m->percent_bp),
			 "expected_recovery", json_date(m->expected_recovery), "end_reason",
			 m->end_reason != SICK_END_NONE ? json_string(sick_end_reason_name(m->end_reason))
							: json_null(),
			 "zwangerschap", m->zwangerschap != 0, "reason",
			 s->reason != NULL ? json_string(s->reason) : json_null(), "source",
			 s->source != NULL ? s->source : "", "recorded_by",
			 s->recorded_by != 0 ? json_integer(s->recorded_by) : json_null(),
			 "recorded_by_name",
			 s->recorded_by_name != NULL ? json_string(s->recorded_by_name) : json_null(),
			 "recorded_role",
			 s->recorded_role != NULL ? json_string(s->recorded_role) : json_null(),
			 "created_at", s->created_at != NULL ? json_string(s->created_at) : json_null());
}

static json_t *state_json(const struct sick_state *s)
{
	return json_pack("{s:b, s:b, s:o, s:o, s:o, s:o, s:o, s:o, s:i}", "withdrawn",
			 s->withdrawn != 0, "sick", s->sick != 0, "first_sick_day",
			 json_date(s->first_sick_day), "last_report", json_date(s->last_report),
			 "percent", percent_json(s->percent_bp), "hersteldatum",
			 json_date(s->hersteldatum), "end_reason",
			 s->end_reason != SICK_END_NONE ? json_string(sick_end_reason_name(s->end_reason))
							: json_null(),
			 "expected_recovery", json_date(s->expected_recovery), "spells", s->spells);
}

/* {mutations, segments, state, as_of} of the case as after as_of. */
static int respond(struct api_call *c, struct http_response *res, int64_t case_id,
		   int64_t as_of, unsigned status, struct sw_error *err)
{
	struct store_sickness *rows;
	struct sick_segment *segs;
	struct sick_state st;
	size_t n;
	if (store_sickness_list(c->st, &c->arena, case_id, &rows, &n, err) != 0 ||
	    derive(rows, n, as_of, &segs, &st, err) != 0)
		return -1;
	json_t *ms = json_array(), *ss = json_array();
	for (size_t i = 0; ms != NULL && i < n; i++)
		if (as_of == 0 || rows[i].m.id <= as_of)
			json_array_append_new(ms, mutation_json(&rows[i]));
	for (size_t i = 0; ss != NULL && i < st.nsegments; i++)
		json_array_append_new(ss, json_pack("{s:o, s:o, s:o, s:b, s:i}", "from",
						    json_date(segs[i].from), "to",
						    json_date(segs[i].to), "percent",
						    percent_json(segs[i].percent_bp), "zwangerschap",
						    segs[i].zwangerschap != 0, "spell", segs[i].spell));
	free(segs);
	json_t *o = json_pack("{s:o, s:o, s:o, s:o}", "mutations", ms, "segments", ss, "state",
			      state_json(&st), "as_of",
			      as_of != 0 ? json_integer(as_of) : json_null());
	return o != NULL ? http_response_json(res, status, o, err) : oom(err);
}

static int get_sickness(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id, as_of = 0;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_query_int(c, "as_of", 1, INT64_MAX, &as_of, err) != 0 ||
	    api_case_access(c, id, POLICY_SICK_PERIODS, POLICY_READ, &ac, err) != 0)
		return -1;
	return respond(c, res, id, as_of, 200, err);
}

/* The writer's access; a withdrawn case takes no more mutations. */
static int writer(struct api_call *c, int64_t *id, struct api_case *ac, struct sw_error *err)
{
	if (api_param_id(c, "id", id, err) != 0 ||
	    api_case_access(c, *id, POLICY_SICK_PERIODS, POLICY_WRITE, ac, err) != 0)
		return -1;
	if (ac->kase.status == STORE_CASE_INGETROKKEN)
		return sw_error_set(err, SW_ECONFLICT, "id", "the report was withdrawn");
	return 0;
}

static const char *writer_role(const struct api_case *ac)
{
	return ac->role < ROLE__COUNT ? role_name(ac->role) : "leidinggevende";
}

/* Values of a mutation from the body: date (required unless keep), percent,
 * expected_recovery, end_reason; fields not given keep what m holds. */
static int values(struct api_call *c, const json_t *body, struct sick_mutation *m, int keep,
		  struct sw_error *err)
{
	static const char *reasons[SICK_END__COUNT];
	for (int i = 1; i < SICK_END__COUNT; i++)
		reasons[i - 1] = sick_end_reason_name((enum sick_end_reason)i);
	double pct = m->percent_bp / 100.0;
	int reason = -1, has;
	if (json_field_date(body, "date", keep ? JSON_FIELD_OPTIONAL : JSON_FIELD_REQUIRED,
			    &m->date, err) < 0 ||
	    json_field_date(body, "expected_recovery", JSON_FIELD_NULLABLE, &m->expected_recovery,
			    err) < 0 ||
	    (has = api_field_percent(body, "percent", &pct, err)) < 0 ||
	    sick_percent_bp(pct, m->kind == SICK_HERSTEL, "percent", &m->percent_bp, err) != 0 ||
	    json_field_enum(body, "end_reason", JSON_FIELD_NULLABLE, reasons, &reason, err) < 0)
		return -1;
	if (reason >= 0)
		m->end_reason = (enum sick_end_reason)(reason + 1);
	if (m->date > c->today + 7)
		return sw_error_set(err, SW_EINVAL, "date", "more than 7 days in the future");
	return 0;
}

static int record(struct api_call *c, struct http_response *res, struct store_sickness *s,
		  struct sw_error *err)
{
	int64_t mid;
	if (store_sickness_record(c->st, s, c->today, &mid, NULL, err) != 0)
		return -1;
	return respond(c, res, s->case_id, 0, 201, err);
}

static int post_sickness(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "kind", "date", "percent", "end_reason",
					      "expected_recovery", NULL };
	static const char *const kinds[] = { "wijziging", "herstel", NULL };
	int64_t id;
	struct api_case ac;
	if (writer(c, &id, &ac, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, kind = 0;
	struct store_sickness s = { .case_id = id, .source = "portal", .recorded_by = c->user->id,
				    .recorded_role = writer_role(&ac),
				    .m = { .action = SICK_NIEUW, .expected_recovery = DATE_NONE } };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_enum(body, "kind", JSON_FIELD_REQUIRED, kinds, &kind, err) < 0)
		goto out;
	s.m.kind = kind == 0 ? SICK_WIJZIGING : SICK_HERSTEL;
	s.m.percent_bp = kind == 0 ? SICK_BP_FULL : 0;
	if (s.m.kind == SICK_WIJZIGING && json_object_get(body, "percent") == NULL) {
		sw_error_set(err, SW_EINVAL, "percent", "required for a wijziging");
		goto out;
	}
	if (values(c, body, &s.m, 0, err) != 0)
		goto out;
	rc = record(c, res, &s, err);
out:
	json_decref(body);
	return rc;
}

/* The nieuw mutation {mid} of case id. */
static int referred(struct api_call *c, int64_t id, struct store_sickness *out,
		    struct sw_error *err)
{
	int64_t mid;
	struct store_sickness *rows;
	size_t n;
	if (api_param_id(c, "mid", &mid, err) != 0 ||
	    store_sickness_list(c->st, &c->arena, id, &rows, &n, err) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (rows[i].m.id != mid)
			continue;
		if (rows[i].m.action != SICK_NIEUW)
			return sw_error_set(err, SW_EINVAL, "mid",
					    "refer to the original mutation, not a %s",
					    sick_action_name(rows[i].m.action));
		*out = rows[i];
		return 0;
	}
	return sw_error_set(err, SW_ENOTFOUND, "mid", "no such mutation in this case");
}

static int post_correction(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "date", "percent", "end_reason", "expected_recovery",
					      "zwangerschap", "reason", NULL };
	int64_t id;
	struct api_case ac;
	struct store_sickness ref;
	if (writer(c, &id, &ac, err) != 0 || referred(c, id, &ref, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	bool preg = ref.m.zwangerschap != 0;
	struct store_sickness s = { .case_id = id, .source = "portal", .recorded_by = c->user->id,
				    .recorded_role = writer_role(&ac), .m = ref.m };
	s.m.action = SICK_CORRECTIE;
	s.m.ref_id = ref.m.id;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "reason", JSON_FIELD_REQUIRED, 4000, &s.reason, err) < 0 ||
	    json_field_bool(body, "zwangerschap", JSON_FIELD_OPTIONAL, &preg, err) < 0 ||
	    values(c, body, &s.m, 1, err) != 0)
		goto out;
	s.m.zwangerschap = preg;
	rc = record(c, res, &s, err);
out:
	json_decref(body);
	return rc;
}

static int post_withdrawal(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "reason", NULL };
	int64_t id;
	struct api_case ac;
	struct store_sickness ref;
	if (writer(c, &id, &ac, err) != 0 || referred(c, id, &ref, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	struct store_sickness s = {
		.case_id = id, .source = "portal", .recorded_by = c->user->id,
		.recorded_role = writer_role(&ac),
		.m = { .kind = ref.m.kind, .action = SICK_INTREKKING, .ref_id = ref.m.id,
		       .date = c->today, .expected_recovery = DATE_NONE },
	};
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "reason", JSON_FIELD_REQUIRED, 4000, &s.reason, err) < 0)
		goto out;
	rc = record(c, res, &s, err);
out:
	json_decref(body);
	return rc;
}

/* ---- the responsible casemanager --------------------------------------------- */

static int put_casemanager(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "user_id", NULL };
	int64_t id, uid;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_ZIEKMELDING, POLICY_WRITE, &ac, err) != 0)
		return -1;
	if (ac.role != ROLE_WERKGEVER)
		return sw_error_set(err, SW_EDENIED, "", "%s", policy_reason_name(POLICY_DENY_ROLE));
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	unsigned roles = 0;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_int(body, "user_id", JSON_FIELD_REQUIRED, 1, INT64_MAX, &uid, err) < 0 ||
	    store_org_roles_of(c->st, uid, ac.kase.organisation_id, &roles, err) != 0)
		goto out;
	if (!(roles & ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER))) {
		sw_error_set(err, SW_EINVAL, "user_id", "is not a casemanager of the organisation");
		goto out;
	}
	if (uid == ac.kase.casemanager_id) {
		rc = http_response_json(res, 200, json_pack("{s:I, s:I}", "case_id", (json_int_t)id,
							     "casemanager_id", (json_int_t)uid), err);
		goto out;
	}
	struct store_participation *ps;
	size_t n;
	int64_t pid;
	struct db *db = store_db(c->st);
	if (store_participation_list(c->st, &c->arena, id, &ps, &n, err) != 0 ||
	    db_begin(db, DB_WRITE, err) != 0)
		goto out;
	/* The handover is the history: the old participation ends yesterday,
	 * the new one starts today. */
	for (size_t i = 0; i < n; i++) {
		const struct store_participation *p = &ps[i];
		if (p->role != ROLE_WERKGEVER || p->user_id != ac.kase.casemanager_id ||
		    (p->until != DATE_NONE && p->until < c->today))
			continue;
		if (store_participation_end(c->st, p->id, p->from < c->today ? c->today - 1 : p->from,
					    err) != 0)
			goto fail;
	}
	const struct store_participation np = { .case_id = id, .user_id = uid,
						.role = ROLE_WERKGEVER, .from = c->today,
						.until = DATE_NONE };
	if (store_participation_insert(c->st, &np, &pid, err) != 0 ||
	    store_case_set_casemanager(c->st, id, uid, err) != 0 || db_commit(db, err) != 0)
		goto fail;
	rc = http_response_json(res, 200, json_pack("{s:I, s:I}", "case_id", (json_int_t)id,
						     "casemanager_id", (json_int_t)uid), err);
	goto out;
fail:
	db_rollback(db);
out:
	json_decref(body);
	return rc;
}

static int list_casemanagers(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t org;
	struct store_account *us;
	size_t n;
	if (api_param_id(c, "id", &org, err) != 0 ||
	    api_admin_access(c, POLICY_PERSONS, POLICY_READ, 0, org, err) != 0 ||
	    store_org_casemanagers(c->st, &c->arena, org, &us, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < n; i++)
		json_array_append_new(items, json_pack("{s:I, s:s, s:s}", "id", (json_int_t)us[i].id,
						       "name", us[i].name, "email", us[i].email));
	return items != NULL ? http_response_json(res, 200, json_pack("{s:o}", "items", items), err)
			     : oom(err);
}

int api_sickness_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases/{id}/sickness", get_sickness, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/sickness", post_sickness, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/sickness/{mid}/correction",
		      post_correction, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/sickness/{mid}/withdrawal",
		      post_withdrawal, err) != 0 ||
	    api_route(r, app, "PUT", "/api/v1/cases/{id}/casemanager", put_casemanager, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/organisations/{id}/casemanagers", list_casemanagers,
		      err) != 0)
		return -1;
	return 0;
}
