/* persons.c - the employer's register (DOMAIN.md 2a):
 *
 * GET|POST /api/v1/organisations/{id}/departments
 * GET  /api/v1/organisations/{id}/persons?q=&department_id=&page=&per_page=
 *      the typeahead of the ziekmelding: q is a prefix of the personnel
 *      number or of a word of the name, ignoring case and accents; a
 *      casemanager sees the departments of the assignment, a leidinggevende
 *      the own team;
 * POST /api/v1/organisations/{id}/persons      (with an optional employment)
 * GET|PATCH /api/v1/persons/{id}
 * POST /api/v1/persons/{id}/employments, PATCH .../employments/{eid}
 *
 * Policy resource persons (not case content: the audit rows have no case). */
#include "api.h"

#include <string.h>

#include "export/timeline_json.h"
#include "http/http_json.h"

#define PERSONS_PER_PAGE_DEFAULT 20
#define PERSONS_PER_PAGE_MAX 100

static int oom(struct sw_error *err)
{
	return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

/* The organisation {id} for action on its register; another organisation
 * is not found. */
static int org_access(struct api_call *c, enum policy_resource r, enum policy_action a,
		      int64_t *org, struct sw_error *err)
{
	struct sw_error e;
	if (api_require_user(c, err) != 0 || api_param_id(c, "id", org, err) != 0)
		return -1;
	if (api_admin_access(c, r, a, 0, *org, &e) == 0)
		return 0;
	if (e.code == SW_EDENIED && c->user->organisation_id != *org)
		return sw_error_set(err, SW_ENOTFOUND, "id", "no such organisation");
	if (err != NULL)
		*err = e;
	return -1;
}

int api_register_org_access(struct api_call *c, enum policy_resource r, enum policy_action a,
			    int64_t *org, struct sw_error *err)
{
	return org_access(c, r, a, org, err);
}

static json_t *ref_json(int64_t id, const char *name)
{
	return id != 0 ? json_pack("{s:I, s:s}", "id", (json_int_t)id, "name", name ? name : "")
		       : json_null();
}

static json_t *person_json(struct api_call *c, const struct store_person *p, struct sw_error *err)
{
	struct store_employment *es;
	size_t n;
	if (store_employment_list_person(c->st, &c->arena, p->id, &es, &n, err) != 0)
		return NULL;
	json_t *emps = json_array();
	for (size_t i = 0; emps != NULL && i < n; i++)
		json_array_append_new(emps, api_employment_json(&es[i]));
	json_t *o = json_pack("{s:I, s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:b, s:o, s:o}", "id",
			      (json_int_t)p->id, "organisation_id", (json_int_t)p->organisation_id,
			      "personnel_number", p->personnel_number, "name", p->name, "birth_date",
			      json_date(p->birth_date), "department",
			      ref_json(p->department_id, p->department_name), "manager",
			      ref_json(p->manager_id, p->manager_name), "email",
			      p->email != NULL ? json_string(p->email) : json_null(), "has_account",
			      p->user_id != 0, "open_case_id",
			      p->open_case_id != 0 ? json_integer(p->open_case_id) : json_null(),
			      "employments", emps);
	if (o == NULL)
		oom(err);
	return o;
}

/* ---- departments ------------------------------------------------------------ */

static int list_departments(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t org;
	struct store_department *ds;
	size_t n;
	struct sw_error e;
	/* Whoever reads the register reads its departments, and so does the
	 * organisation's beheerder, who gives a casemanager their departments. */
	if (org_access(c, POLICY_PERSONS, POLICY_READ, &org, &e) != 0 &&
	    org_access(c, POLICY_USERS, POLICY_READ, &org, err) != 0)
		return -1;
	if (store_department_list(c->st, &c->arena, org, &ds, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < n; i++)
		json_array_append_new(items, ref_json(ds[i].id, ds[i].name));
	return items != NULL ? http_response_json(res, 200, json_pack("{s:o}", "items", items), err)
			     : oom(err);
}

static int post_department(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "name", NULL };
	int64_t org, id;
	if (org_access(c, POLICY_PERSONS, POLICY_WRITE, &org, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	const char *name = NULL;
	int rc = -1;
	if (json_fields_allowed(body, fields, err) == 0 &&
	    json_field_string(body, "name", JSON_FIELD_REQUIRED, 200, &name, err) >= 0 &&
	    store_department_insert(c->st, org, name, &id, err) == 0)
		rc = http_response_json(res, 201, ref_json(id, name), err);
	json_decref(body);
	return rc;
}

/* ---- persons -------------------------------------------------------------- */

static int list_persons(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t org, total;
	struct api_page pg;
	struct store_person_filter f = { .q = http_request_query(c->req, "q") };
	if (org_access(c, POLICY_PERSONS, POLICY_READ, &org, err) != 0 ||
	    api_page_parse(c, PERSONS_PER_PAGE_DEFAULT, PERSONS_PER_PAGE_MAX, &pg, err) != 0 ||
	    api_query_int(c, "department_id", 1, INT64_MAX, &f.department_id, err) != 0)
		return -1;
	if (f.q != NULL && strlen(f.q) > 100)
		return sw_error_set(err, SW_EINVAL, "q", "at most 100 characters");
	f.organisation_id = org;
	f.offset = api_page_offset(&pg);
	f.limit = (int)pg.per_page;
	/* The caller's scope: the installation's beheerder sees all. */
	if (!c->user->is_beheerder) {
		unsigned roles;
		if (store_org_roles_of(c->st, c->user->id, org, &roles, err) != 0)
			return -1;
		f.restricted = 1;
		if (roles & ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER))
			f.scope_user = c->user->id;
		if ((roles & ORG_ROLE_BIT(ORG_ROLE_LEIDINGGEVENDE)) &&
		    store_person_of_user(c->st, c->user->id, org, &f.team_of, err) != 0)
			return -1;
	}
	struct store_person *ps;
	size_t n;
	if (store_person_search(c->st, &c->arena, &f, &ps, &n, &total, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return oom(err);
	for (size_t i = 0; i < n; i++) {
		json_t *o = person_json(c, &ps[i], err);
		if (o == NULL) {
			json_decref(items);
			return -1;
		}
		json_array_append_new(items, o);
	}
	return api_page_respond(res, items, &pg, total, err);
}

/* The person's fields from a body; create: number and name required. */
static int person_fields(const json_t *body, int create, struct store_person *p,
			 struct sw_error *err)
{
	const unsigned req = create ? JSON_FIELD_REQUIRED : JSON_FIELD_OPTIONAL;
	const json_t *dept = json_object_get(body, "department_id");
	const json_t *manager = json_object_get(body, "manager_id");
	if (json_field_string(body, "personnel_number", req, 32, &p->personnel_number, err) < 0 ||
	    json_field_string(body, "name", req, 200, &p->name, err) < 0 ||
	    json_field_date(body, "birth_date", JSON_FIELD_NULLABLE, &p->birth_date, err) < 0 ||
	    json_field_int(body, "department_id", JSON_FIELD_NULLABLE, 1, INT64_MAX,
			   &p->department_id, err) < 0 ||
	    json_field_int(body, "manager_id", JSON_FIELD_NULLABLE, 1, INT64_MAX, &p->manager_id,
			   err) < 0 ||
	    json_field_string(body, "email", JSON_FIELD_NULLABLE, 254, &p->email, err) < 0)
		return -1;
	if (json_is_null(json_object_get(body, "birth_date")))
		p->birth_date = DATE_NONE;
	if (json_is_null(dept))
		p->department_id = 0;
	if (json_is_null(manager))
		p->manager_id = 0;
	return 0;
}

static int respond_person(struct api_call *c, struct http_response *res, int64_t id,
			  unsigned status, struct sw_error *err)
{
	struct store_person p;
	json_t *o;
	if (store_person_get(c->st, &c->arena, id, &p, err) != 0 ||
	    (o = person_json(c, &p, err)) == NULL)
		return -1;
	return http_response_json(res, status, o, err);
}

static int post_person(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "personnel_number", "name", "birth_date",
					      "department_id", "manager_id", "email", "employment",
					      NULL };
	static const char *const emp_fields[] = { "from", "until", "contract_hours", "norm_hours",
						  "functie", NULL };
	int64_t org, id, eid;
	if (org_access(c, POLICY_PERSONS, POLICY_WRITE, &org, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	struct store_person p = { .organisation_id = org, .birth_date = DATE_NONE };
	struct store_employment e = { .organisation_id = org, .until = DATE_NONE };
	const json_t *emp = json_object_get(body, "employment");
	if (json_fields_allowed(body, fields, err) != 0 || person_fields(body, 1, &p, err) != 0)
		goto out;
	if (emp != NULL && (!json_is_object(emp) || json_fields_allowed(emp, emp_fields, err) != 0 ||
			    api_employment_fields(emp, true, &e, err) != 0)) {
		if (!json_is_object(emp))
			sw_error_set(err, SW_EINVAL, "employment", "must be an object");
		goto out;
	}
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	e.person_id = 0;
	if (store_person_insert(c->st, &p, &id, err) != 0 ||
	    (emp != NULL && (e.person_id = id, store_employment_insert(c->st, &e, &eid, err)) != 0)) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db, err) == 0)
		rc = respond_person(c, res, id, 201, err);
out:
	json_decref(body);
	return rc;
}

/* The person {id} for action, decided with the caller's scope of it. */
static int person_access(struct api_call *c, enum policy_action a, struct store_person *p,
			 struct sw_error *err)
{
	int64_t id;
	struct sw_error e;
	if (api_require_user(c, err) != 0 || api_param_id(c, "id", &id, err) != 0)
		return -1;
	if (store_person_get(c->st, &c->arena, id, p, &e) != 0) {
		if (e.code == SW_ENOTFOUND)
			return sw_error_set(err, SW_ENOTFOUND, "id", "no such person");
		if (err != NULL)
			*err = e;
		return -1;
	}
	struct api_org_facts f;
	if (api_org_facts(c, p->organisation_id, p->id, &f, err) != 0)
		return -1;
	struct policy_request req;
	policy_request_init(&req);
	req.actor = (struct policy_actor){ .user_id = c->user->id,
					   .org_id = c->user->organisation_id,
					   .is_beheerder = c->user->is_beheerder };
	req.resource = POLICY_PERSONS;
	req.action = a;
	req.target_org_id = p->organisation_id;
	req.org_roles = f.roles;
	req.in_scope = f.in_scope;
	req.in_team = f.in_team;
	req.today = c->today;
	const struct policy_decision d = policy_decide(&req);
	if (api_audit(c, 0, ROLE__COUNT, POLICY_PERSONS, a, d, err) != 0)
		return -1;
	if (d.allow)
		return 0;
	/* Outside the caller's scope the person does not exist for them. */
	return sw_error_set(err, SW_ENOTFOUND, "id", "no such person");
}

int api_person_access(struct api_call *c, enum policy_action a, struct store_person *p,
		      struct sw_error *err)
{
	return person_access(c, a, p, err);
}

static int get_person(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct store_person p;
	json_t *o;
	if (person_access(c, POLICY_READ, &p, err) != 0 || (o = person_json(c, &p, err)) == NULL)
		return -1;
	return http_response_json(res, 200, o, err);
}

static int patch_person(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "personnel_number", "name", "birth_date",
					      "department_id", "manager_id", "email", NULL };
	struct store_person p;
	if (person_access(c, POLICY_WRITE, &p, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	if (json_fields_allowed(body, fields, err) == 0 && person_fields(body, 0, &p, err) == 0 &&
	    store_person_update(c->st, &p, err) == 0)
		rc = respond_person(c, res, p.id, 200, err);
	json_decref(body);
	return rc;
}

static int post_employment(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "from", "until", "contract_hours", "norm_hours",
					      "functie", NULL };
	struct store_person p;
	int64_t eid;
	if (person_access(c, POLICY_WRITE, &p, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	struct store_employment e = { .person_id = p.id, .organisation_id = p.organisation_id,
				      .until = DATE_NONE };
	if (json_fields_allowed(body, fields, err) == 0 &&
	    api_employment_fields(body, true, &e, err) == 0 &&
	    store_employment_insert(c->st, &e, &eid, err) == 0 &&
	    store_employment_get(c->st, &c->arena, eid, &e, err) == 0)
		rc = http_response_json(res, 201, api_employment_json(&e), err);
	json_decref(body);
	return rc;
}

static int patch_employment(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "until", "contract_hours", "norm_hours", "functie",
					      NULL };
	struct store_person p;
	struct store_employment e;
	struct sw_error e2;
	int64_t eid;
	if (person_access(c, POLICY_WRITE, &p, err) != 0 || api_param_id(c, "eid", &eid, err) != 0)
		return -1;
	if (store_employment_get(c->st, &c->arena, eid, &e, &e2) != 0 || e.person_id != p.id)
		return sw_error_set(err, SW_ENOTFOUND, "eid", "no such employment of this person");
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	if (json_fields_allowed(body, fields, err) == 0 &&
	    api_employment_fields(body, false, &e, err) == 0 &&
	    store_employment_update(c->st, &e, err) == 0 &&
	    store_employment_get(c->st, &c->arena, eid, &e, err) == 0)
		rc = http_response_json(res, 200, api_employment_json(&e), err);
	json_decref(body);
	return rc;
}

int api_persons_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/organisations/{id}/departments", list_departments,
		      err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/organisations/{id}/departments", post_department,
		      err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/organisations/{id}/persons", list_persons, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/organisations/{id}/persons", post_person, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/persons/{id}", get_person, err) != 0 ||
	    api_route(r, app, "PATCH", "/api/v1/persons/{id}", patch_person, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/persons/{id}/employments", post_employment,
		      err) != 0 ||
	    api_route(r, app, "PATCH", "/api/v1/persons/{id}/employments/{eid}", patch_employment,
		      err) != 0)
		return -1;
	return 0;
}
