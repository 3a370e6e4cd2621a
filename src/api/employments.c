/* employments.c - /api/v1/organisations/{id}/employments: the employments
 * of the organisation's register (a person's, from and until, contract and
 * norm hours, the deeltijdfactor contract / norm), the population of its
 * absence statistics (DOMAIN.md section 9). Maintained by the installation's
 * beheerder and the organisation's casemanager and beheerder (policy
 * resource employments); the register's own routes (persons.c) do the same
 * per person. Not case content: the audit rows have no case. */
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
 * writes the audit row. Another organisation is not found, as if it did
 * not exist. */
static int org_access(struct api_call *c, enum policy_action action, int64_t *org,
		      struct sw_error *err)
{
	if (api_require_user(c, err) != 0 || api_param_id(c, "id", org, err) != 0)
		return -1;
	struct sw_error e;
	if (api_admin_access(c, POLICY_EMPLOYMENTS, action, 0, *org, &e) == 0)
		return 0;
	if (e.code == SW_EDENIED && c->user->organisation_id != *org)
		return sw_error_set(err, SW_ENOTFOUND, "id", "no such organisation");
	if (err != NULL)
		*err = e;
	return -1;
}

json_t *api_employment_json(const struct store_employment *e)
{
	return json_pack("{s:I, s:I, s:I, s:o, s:o, s:f, s:f, s:f, s:o}", "id", (json_int_t)e->id,
			 "person_id", (json_int_t)e->person_id, "organisation_id",
			 (json_int_t)e->organisation_id, "from", json_date(e->from), "until",
			 json_date(e->until), "contract_hours", e->contract_hours, "norm_hours",
			 e->norm_hours, "factor", e->factor, "functie",
			 e->functie != NULL ? json_string(e->functie) : json_null());
}

static int respond(struct api_call *c, struct http_response *res, int64_t id, unsigned status,
		   struct sw_error *err)
{
	struct store_employment e;
	if (store_employment_get(c->st, &c->arena, id, &e, err) != 0)
		return -1;
	json_t *o = api_employment_json(&e);
	return o != NULL ? http_response_json(res, status, o, err) : oom(err);
}

/* A number of hours per week; 1 set, 0 absent. */
static int field_hours(const json_t *body, const char *key, unsigned flags, double *out,
		       struct sw_error *err)
{
	const json_t *v = json_object_get(body, key);
	if (v == NULL)
		return (flags & JSON_FIELD_REQUIRED) ? sw_error_set(err, SW_EINVAL, key, "required")
						     : 0;
	if (!json_is_number(v))
		return sw_error_set(err, SW_EINVAL, key, "must be a number");
	const double d = json_number_value(v);
	if (!(d > 0.0 && d <= 168.0) || !isfinite(d))
		return sw_error_set(err, SW_EINVAL, key, "hours per week: more than 0, at most 168");
	*out = d;
	return 1;
}

int api_employment_fields(const json_t *body, bool create, struct store_employment *e,
			  struct sw_error *err)
{
	const unsigned req = create ? JSON_FIELD_REQUIRED : JSON_FIELD_OPTIONAL;
	const json_t *until = json_object_get(body, "until");
	if ((create && json_field_date(body, "from", JSON_FIELD_REQUIRED, &e->from, err) < 0) ||
	    field_hours(body, "contract_hours", req, &e->contract_hours, err) < 0 ||
	    field_hours(body, "norm_hours", req, &e->norm_hours, err) < 0 ||
	    json_field_string(body, "functie", JSON_FIELD_NULLABLE, 200, &e->functie, err) < 0)
		return -1;
	if (until != NULL && json_is_null(until))
		e->until = DATE_NONE;
	else if (json_field_date(body, "until", JSON_FIELD_OPTIONAL, &e->until, err) < 0)
		return -1;
	return 0;
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
		json_array_append_new(items, api_employment_json(&es[i]));
	if (items == NULL)
		return oom(err);
	return api_page_respond(res, items, &pg, total, err);
}

static int post_employment(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "person_id", "from", "until", "contract_hours",
					      "norm_hours", "functie", NULL };
	int64_t org;
	if (org_access(c, POLICY_WRITE, &org, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	struct store_employment e = { .organisation_id = org, .until = DATE_NONE };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_int(body, "person_id", JSON_FIELD_REQUIRED, 1, INT64_MAX, &e.person_id,
			   err) < 0 ||
	    api_employment_fields(body, true, &e, err) != 0)
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
	static const char *const fields[] = { "until", "contract_hours", "norm_hours", "functie",
					      NULL };
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
	if (json_fields_allowed(body, fields, err) != 0 ||
	    api_employment_fields(body, false, &e, err) != 0)
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
