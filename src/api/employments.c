/* employments.c - /api/v1/organisations/{id}/employments: who works for an
 * organisation from when to when and at which deeltijdfactor, the
 * population of its absence statistics (DOMAIN.md section 9). Maintained
 * by the beheerder and by the werkgever of the organisation (a user of it
 * who is its werkgever in a case today, as for the statistics). Not case
 * content: the audit rows have no case (resource employments). */
#include "api.h"

#include <math.h>

#include "export/timeline_json.h"
#include "http/http_json.h"

#define EMPLOYMENTS_PER_PAGE_DEFAULT 50
#define EMPLOYMENTS_PER_PAGE_MAX 200

static int oom(struct sw_error *err)
{
	return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

/* The organisation {id} if the caller may do action on its employments;
 * writes the audit row. Another organisation is not found to a werkgever,
 * as if it did not exist. */
static int org_access(struct api_call *c, enum policy_action action, int64_t *org,
		      struct sw_error *err)
{
	if (api_require_user(c, err) != 0 || api_param_id(c, "id", org, err) != 0)
		return -1;
	const bool own = c->user->organisation_id == *org;
	unsigned roles = 0;
	if (own && store_user_case_roles(c->st, c->user->id, c->today, &roles, err) != 0)
		return -1;
	struct policy_request req;
	policy_request_init(&req);
	req.actor = (struct policy_actor){ .user_id = c->user->id,
					   .org_id = c->user->organisation_id,
					   .is_beheerder = c->user->is_beheerder };
	req.resource = POLICY_EMPLOYMENTS;
	req.action = action;
	req.target_org_id = *org;
	req.actor_werkgever = own && (roles & ROLE_BIT(ROLE_WERKGEVER)) != 0;
	req.today = c->today;
	const struct policy_decision d = policy_decide(&req);
	if (api_audit(c, 0, req.actor_werkgever ? ROLE_WERKGEVER : ROLE__COUNT,
		      POLICY_EMPLOYMENTS, action, d, err) != 0)
		return -1;
	if (d.allow)
		return 0;
	if (!own)
		return sw_error_set(err, SW_ENOTFOUND, "id", "no such organisation");
	return sw_error_set(err, SW_EDENIED, "", "%s", policy_reason_name(d.reason));
}

static json_t *employment_json(const struct store_employment *e)
{
	return json_pack("{s:I, s:I, s:I, s:o, s:o, s:f}", "id", (json_int_t)e->id, "user_id",
			 (json_int_t)e->user_id, "organisation_id", (json_int_t)e->organisation_id,
			 "from", json_date(e->from), "until", json_date(e->until), "factor",
			 e->factor);
}

static int respond(struct api_call *c, struct http_response *res, int64_t id, unsigned status,
		   struct sw_error *err)
{
	struct store_employment e;
	if (store_employment_get(c->st, &c->arena, id, &e, err) != 0)
		return -1;
	json_t *o = employment_json(&e);
	return o != NULL ? http_response_json(res, status, o, err) : oom(err);
}

/* The deeltijdfactor: a number with 0 < factor <= 1. 1 set, 0 absent. */
static int field_factor(const json_t *body, unsigned flags, double *out, struct sw_error *err)
{
	const json_t *v = json_object_get(body, "factor");
	if (v == NULL)
		return (flags & JSON_FIELD_REQUIRED) ? sw_error_set(err, SW_EINVAL, "factor", "required")
						     : 0;
	if (!json_is_number(v))
		return sw_error_set(err, SW_EINVAL, "factor", "must be a number");
	const double d = json_number_value(v);
	if (!(d > 0.0 && d <= 1.0) || !isfinite(d))
		return sw_error_set(err, SW_EINVAL, "factor", "must be more than 0 and at most 1");
	*out = d;
	return 1;
}

static int list_employments(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t org, total;
	struct api_page pg;
	struct store_employment *es;
	size_t n;
	if (org_access(c, POLICY_READ, &org, err) != 0 ||
	    api_page_parse(c, EMPLOYMENTS_PER_PAGE_DEFAULT, EMPLOYMENTS_PER_PAGE_MAX, &pg, err) != 0 ||
	    store_employment_list(c->st, &c->arena, org, api_page_offset(&pg), (int)pg.per_page, &es,
				  &n, &total, err) != 0)
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < n; i++)
		json_array_append_new(items, employment_json(&es[i]));
	if (items == NULL)
		return oom(err);
	return api_page_respond(res, items, &pg, total, err);
}

static int post_employment(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "user_id", "from", "until", "factor", NULL };
	int64_t org;
	if (org_access(c, POLICY_WRITE, &org, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	struct store_employment e = { .organisation_id = org, .until = DATE_NONE };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_int(body, "user_id", JSON_FIELD_REQUIRED, 1, INT64_MAX, &e.user_id, err) < 0 ||
	    json_field_date(body, "from", JSON_FIELD_REQUIRED, &e.from, err) < 0 ||
	    json_field_date(body, "until", JSON_FIELD_NULLABLE, &e.until, err) < 0 ||
	    field_factor(body, JSON_FIELD_REQUIRED, &e.factor, err) < 0)
		goto out;
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	if (store_employment_insert(c->st, &e, &e.id, err) != 0) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db, err) == 0)
		rc = respond(c, res, e.id, 201, err);
out:
	json_decref(body);
	return rc;
}

static int patch_employment(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "until", "factor", NULL };
	int64_t org, eid;
	struct store_employment e;
	struct sw_error e2;
	if (org_access(c, POLICY_WRITE, &org, err) != 0 || api_param_id(c, "eid", &eid, err) != 0)
		return -1;
	if (store_employment_get(c->st, &c->arena, eid, &e, &e2) != 0) {
		if (e2.code != SW_ENOTFOUND) {
			if (err != NULL)
				*err = e2;
			return -1;
		}
		e.organisation_id = 0;
	}
	if (e.organisation_id != org)
		return sw_error_set(err, SW_ENOTFOUND, "eid", "no such employment");
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	const json_t *until = json_object_get(body, "until");
	if (json_fields_allowed(body, fields, err) != 0 ||
	    field_factor(body, JSON_FIELD_OPTIONAL, &e.factor, err) < 0)
		goto out;
	if (until != NULL && json_is_null(until))
		e.until = DATE_NONE;
	else if (json_field_date(body, "until", JSON_FIELD_OPTIONAL, &e.until, err) < 0)
		goto out;
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	if (store_employment_update(c->st, &e, err) != 0) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db, err) == 0)
		rc = respond(c, res, eid, 200, err);
out:
	json_decref(body);
	return rc;
}

int api_employments_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/organisations/{id}/employments", list_employments,
		      err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/organisations/{id}/employments", post_employment,
		      err) != 0 ||
	    api_route(r, app, "PATCH", "/api/v1/organisations/{id}/employments/{eid}",
		      patch_employment, err) != 0)
		return -1;
	return 0;
}
