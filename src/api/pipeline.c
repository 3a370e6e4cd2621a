/* pipeline.c - /api/v1/cases/{id}/pipeline: a candidate proposed for
 * offers of the network and moved through voorgesteld, kennismaking,
 * proefplaatsing, detachering, dienstverband, beeindigd (resource
 * placement). The case's werkgever, arbeidsdeskundige and
 * re-integratieprofessional propose, only with the employee's consent to
 * be proposed; they and the receiving network employer move an entry on.
 * Every step is also a message to the parties of the case.
 *
 * When an offering organisation first gets a candidate, its users take
 * part in the case as netwerkwerkgever: the policy then gives them the
 * search profile and the placement while the consent is in force, and
 * nothing else of the case. */
#include "network_json.h"

#include <stdio.h>

#include "export/timeline_json.h"
#include "http/http_json.h"

static json_t *moves_json(const struct store_pipeline_move *ms, size_t n)
{
	json_t *a = json_array();
	for (size_t i = 0; a != NULL && i < n; i++) {
		const struct store_pipeline_move *m = &ms[i];
		json_t *o = json_pack(
			"{s:o, s:s, s:o, s:{s:I, s:o, s:s}, s:o}", "from",
			m->has_from ? json_string(network_stage_name(m->from)) : json_null(), "to",
			network_stage_name(m->to), "on", json_date(m->on), "moved_by", "id",
			(json_int_t)m->moved_by, "name",
			m->moved_by_name != NULL ? json_string(m->moved_by_name) : json_null(),
			"role", role_name(m->role), "note",
			m->note != NULL ? json_string(m->note) : json_null());
		if (o == NULL || json_array_append_new(a, o) != 0) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

static json_t *entry_json(struct api_call *c, const struct store_pipeline_entry *e,
			  struct sw_error *err)
{
	struct store_pipeline_move *ms;
	size_t n;
	if (store_pipeline_moves(c->st, &c->arena, e->id, &ms, &n, err) != 0)
		return NULL;
	json_t *dates = json_object();
	for (int i = 0; dates != NULL && i < NETWORK_STAGE__COUNT; i++)
		json_object_set_new(dates, network_stage_name((enum network_stage)i),
				    json_date(e->on[i]));
	json_t *o = json_pack("{s:I, s:I, s:{s:I, s:s, s:I, s:s}, s:s, s:o, s:o, s:o}", "id",
			      (json_int_t)e->id, "case_id", (json_int_t)e->case_id, "offer", "id",
			      (json_int_t)e->offer_id, "title", e->offer_title, "organisation_id",
			      (json_int_t)e->offer_org_id, "organisation", e->offer_org_name,
			      "stage", network_stage_name(e->stage), "dates", dates,
			      "ended_reason",
			      e->ended_reason != NULL ? json_string(e->ended_reason) : json_null(),
			      "moves", moves_json(ms, n));
	if (o == NULL)
		sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return o;
}

static int reply_entry(struct api_call *c, struct http_response *res, unsigned status,
		       int64_t eid, struct sw_error *err)
{
	struct store_pipeline_entry e;
	if (store_pipeline_get(c->st, &c->arena, eid, &e, err) != 0)
		return -1;
	json_t *j = entry_json(c, &e, err);
	return j != NULL ? http_response_json(res, status, j, err) : -1;
}

/* A network employer sees only the entries of its own offers. */
static bool visible(const struct api_call *c, enum role role, const struct store_pipeline_entry *e)
{
	return role != ROLE_NETWERKWERKGEVER || e->offer_org_id == c->user->organisation_id;
}

static int list_pipeline(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct store_pipeline_entry *es;
	size_t n;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_PLACEMENT, POLICY_READ, &ac, err) != 0 ||
	    store_pipeline_list(c->st, &c->arena, id, 0, &es, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++) {
		if (!visible(c, ac.role, &es[i]))
			continue;
		json_t *o = entry_json(c, &es[i], err);
		if (o == NULL || json_array_append_new(items, o) != 0) {
			json_decref(items);
			return o == NULL ? -1 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		}
	}
	return http_response_json(res, 200, json_pack("{s:o}", "items", items), err);
}

/* The message to the parties of the case about one step. */
static int post_message(struct api_call *c, int64_t case_id, enum role role,
			const struct store_pipeline_entry *e, enum network_stage to,
			const char *note, const char *reason, struct sw_error *err)
{
	static const char *const done[NETWORK_STAGE__COUNT] = {
		[NETWORK_VOORGESTELD] = "Voorgesteld voor",
		[NETWORK_KENNISMAKING] = "Kennismaking voor",
		[NETWORK_PROEFPLAATSING] = "Proefplaatsing gestart bij",
		[NETWORK_DETACHERING] = "Detachering gestart bij",
		[NETWORK_DIENSTVERBAND] = "Dienstverband bij",
		[NETWORK_BEEINDIGD] = "Beëindigd:",
	};
	char body[4 * STORE_MESSAGE_MAX_CHARS];
	snprintf(body, sizeof body, "%s \"%s\" (%s).%s%s%s%s", done[to], e->offer_title,
		 e->offer_org_name, reason != NULL ? " Reden: " : "", reason != NULL ? reason : "",
		 note != NULL ? " " : "", note != NULL ? note : "");
	const struct store_message m = { .case_id = case_id, .author_id = c->user->id,
					 .author_role = role, .body = body };
	int64_t mid;
	return store_message_insert(c->st, &m, &mid, err);
}

/* Gives the users of the offering organisation a netwerkwerkgever
 * participation in the case from today, unless they have one in force. */
static int admit_network_employer(struct api_call *c, int64_t case_id, int64_t org_id,
				  struct sw_error *err)
{
	struct store_user *us;
	struct store_participation *ps;
	size_t nu, np;
	if (store_user_list(c->st, &c->arena, org_id, &us, &nu, err) != 0 ||
	    store_participation_list(c->st, &c->arena, case_id, &ps, &np, err) != 0)
		return -1;
	for (size_t i = 0; i < nu; i++) {
		bool has = false;
		for (size_t j = 0; j < np && !has; j++)
			has = ps[j].user_id == us[i].id && ps[j].role == ROLE_NETWERKWERKGEVER &&
			      ps[j].from <= c->today &&
			      (ps[j].until == DATE_NONE || c->today <= ps[j].until);
		if (has)
			continue;
		const struct store_participation p = { .case_id = case_id, .user_id = us[i].id,
						       .role = ROLE_NETWERKWERKGEVER,
						       .from = c->today, .until = DATE_NONE };
		int64_t pid;
		if (store_participation_insert(c->st, &p, &pid, err) != 0)
			return -1;
	}
	return 0;
}

static int propose(struct api_call *c, int64_t id, enum role role, int64_t offer_id,
		   const char *note, int64_t *eid, struct sw_error *err)
{
	struct store_pipeline_entry e;
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	if (store_pipeline_propose(c->st, id, offer_id, c->today, c->user->id, role, note, eid,
				   err) != 0 ||
	    store_pipeline_get(c->st, &c->arena, *eid, &e, err) != 0 ||
	    admit_network_employer(c, id, e.offer_org_id, err) != 0 ||
	    post_message(c, id, role, &e, NETWORK_VOORGESTELD, note, NULL, err) != 0 ||
	    db_commit(db, err) != 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

static int post_pipeline(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "offer_id", "note", NULL };
	int64_t id, offer_id = 0, eid;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_PLACEMENT, POLICY_WRITE, &ac, err) != 0)
		return -1;
	/* The receiving side does not propose itself a candidate. */
	if (ac.role != ROLE_WERKGEVER && ac.role != ROLE_ARBEIDSDESKUNDIGE &&
	    ac.role != ROLE_REINTEGRATIEPROFESSIONAL)
		return sw_error_set(err, SW_EDENIED, "", "%s", policy_reason_name(POLICY_DENY_ROLE));
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	const char *note = NULL;
	int consent, rc = -1;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_int(body, "offer_id", JSON_FIELD_REQUIRED, 1, INT64_MAX, &offer_id, err) < 0 ||
	    json_field_string(body, "note", JSON_FIELD_NULLABLE, 1000, &note, err) < 0 ||
	    store_network_consent(c->st, id, c->today, &consent, err) != 0)
		goto out;
	if (!consent) {
		sw_error_set(err, SW_ECONFLICT, "consent",
			     "the employee has not consented to be proposed to the network"
			     " (or the case is closed)");
		goto out;
	}
	if (propose(c, id, ac.role, offer_id, note, &eid, err) == 0)
		rc = reply_entry(c, res, 201, eid, err);
out:
	json_decref(body);
	return rc;
}

static int move(struct api_call *c, int64_t id, enum role role,
		const struct store_pipeline_entry *e, enum network_stage to, const char *note,
		const char *reason, struct sw_error *err)
{
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	if (store_pipeline_move(c->st, e->id, to, c->today, c->user->id, role, note, reason,
				err) != 0 ||
	    post_message(c, id, role, e, to, note, reason, err) != 0 || db_commit(db, err) != 0) {
		db_rollback(db);
		return -1;
	}
	return 0;
}

static int post_move(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "stage", "note", "reason", NULL };
	static const char *const stages[] = { "voorgesteld", "kennismaking", "proefplaatsing",
					      "detachering", "dienstverband", "beeindigd", NULL };
	int64_t id, eid;
	struct api_case ac;
	struct store_pipeline_entry e;
	struct sw_error ge;
	if (api_param_id(c, "id", &id, err) != 0 || api_param_id(c, "eid", &eid, err) != 0 ||
	    api_case_access(c, id, POLICY_PLACEMENT, POLICY_WRITE, &ac, err) != 0)
		return -1;
	if (store_pipeline_get(c->st, &c->arena, eid, &e, &ge) != 0) {
		if (ge.code == SW_ENOTFOUND)
			return sw_error_set(err, SW_ENOTFOUND, "eid", "no such pipeline entry");
		if (err != NULL)
			*err = ge;
		return -1;
	}
	if (e.case_id != id || !visible(c, ac.role, &e))
		return sw_error_set(err, SW_ENOTFOUND, "eid", "no such pipeline entry");
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	const char *note = NULL, *reason = NULL;
	int stage = 0, rc = -1;
	if (json_fields_allowed(body, fields, err) == 0 &&
	    json_field_enum(body, "stage", JSON_FIELD_REQUIRED, stages, &stage, err) >= 0 &&
	    json_field_string(body, "note", JSON_FIELD_NULLABLE, 1000, &note, err) >= 0 &&
	    json_field_string(body, "reason", JSON_FIELD_NULLABLE, 1000, &reason, err) >= 0 &&
	    move(c, id, ac.role, &e, (enum network_stage)stage, note, reason, err) == 0)
		rc = reply_entry(c, res, 200, eid, err);
	json_decref(body);
	return rc;
}

int api_pipeline_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases/{id}/pipeline", list_pipeline, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/pipeline", post_pipeline, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/pipeline/{eid}/moves", post_move,
		      err) != 0)
		return -1;
	return 0;
}
