/* participations.c - /api/v1/cases/{id}/participations: who takes part in
 * a case, in which role, from and until when (DOMAIN.md section 2).
 *
 * Everyone who may read the case's functional data sees the list (resource
 * case_functional). Only the case's werkgever assigns and ends them: the
 * employer is the one who engages the bedrijfsarts, the arbeidsdeskundige,
 * the re-integratieprofessional and, for a placement, a network employer,
 * and hands the case to another casemanager of its own organisation. The
 * werknemer participation is made by the ziekmelding and never ends here.
 * Write access is case_functional write plus that role check, so the
 * policy matrix stays as it is.
 *
 * GET /api/v1/cases/{id}/participant-candidates gives that werkgever the
 * professionals to pick from: the active accounts of the arbodiensten and
 * re-integratiebedrijven. Accounts of other employers (their employees)
 * and accounts without an organisation are never listed. */
#include "api.h"

#include "export/timeline_json.h"
#include "http/http_json.h"

static json_t *participation_json(struct api_call *c, const struct store_participation *p,
				  struct sw_error *err)
{
	struct store_user u;
	struct sw_error e;
	json_t *user;
	if (store_user_get(c->st, &c->arena, p->user_id, &u, &e) == 0) {
		user = json_pack("{s:I, s:s}", "id", (json_int_t)u.id, "name", u.name);
	} else if (e.code == SW_ENOTFOUND) {
		user = json_null();
	} else {
		if (err != NULL)
			*err = e;
		return NULL;
	}
	json_t *o = json_pack("{s:I, s:o, s:s, s:o, s:o}", "id", (json_int_t)p->id, "user", user,
			      "role", role_name(p->role), "from", json_date(p->from), "until",
			      json_date(p->until));
	if (o == NULL)
		sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return o;
}

static int list_participations(struct api_call *c, struct http_response *res,
			       struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct store_participation *ps;
	size_t n;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_CASE_FUNCTIONAL, POLICY_READ, &ac, err) != 0 ||
	    store_participation_list(c->st, &c->arena, id, &ps, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++) {
		json_t *o = participation_json(c, &ps[i], err);
		if (o == NULL) {
			json_decref(items);
			return -1;
		}
		json_array_append_new(items, o);
	}
	return http_response_json(res, 200, json_pack("{s:o}", "items", items), err);
}

/* The case's werkgever, through api_case_access. */
static int assigner(struct api_call *c, int64_t *id, struct api_case *ac, struct sw_error *err)
{
	if (api_param_id(c, "id", id, err) != 0 ||
	    api_case_access(c, *id, POLICY_CASE_FUNCTIONAL, POLICY_WRITE, ac, err) != 0)
		return -1;
	if (ac->role != ROLE_WERKGEVER)
		return sw_error_set(err, SW_EDENIED, "", "only the employer of the case assigns"
				    " participants");
	return 0;
}

/* Whether user may take part in the case in role. Unknown, deactivated
 * and unsuitable users get one answer: the employer does not learn which
 * accounts exist. */
static int check_assignee(struct api_call *c, const struct store_case *k, int64_t user_id,
			  enum role role, struct sw_error *err)
{
	struct store_account u;
	struct store_org o;
	struct sw_error e;
	if (store_account_get(c->st, &c->arena, user_id, &u, &e) != 0) {
		if (e.code != SW_ENOTFOUND) {
			if (err != NULL)
				*err = e;
			return -1;
		}
		u.active = 0;
	}
	bool ok = u.active && !u.is_beheerder && user_id != k->employee_id;
	if (ok && role == ROLE_WERKGEVER)
		ok = u.organisation_id == k->organisation_id;
	if (ok && role == ROLE_NETWERKWERKGEVER) {
		if (u.organisation_id == 0)
			ok = false;
		else if (store_org_get(c->st, &c->arena, u.organisation_id, &o, err) != 0)
			return -1;
		else
			ok = o.kind == STORE_ORG_NETWERK;
	}
	if (!ok)
		return sw_error_set(err, SW_EINVAL, "user_id", "cannot take part in this case as %s",
				    role_name(role));
	return 0;
}

static int post_participation(struct api_call *c, struct http_response *res,
			      struct sw_error *err)
{
	static const char *const fields[] = { "user_id", "role", "from", "until", NULL };
	/* Not werknemer: that one comes with the ziekmelding. */
	static const char *const roles[] = { "werkgever", "bedrijfsarts", "arbeidsdeskundige",
					     "re-integratieprofessional", "netwerkwerkgever", NULL };
	static const enum role role_of[] = { ROLE_WERKGEVER, ROLE_BEDRIJFSARTS,
					     ROLE_ARBEIDSDESKUNDIGE, ROLE_REINTEGRATIEPROFESSIONAL,
					     ROLE_NETWERKWERKGEVER };
	int64_t id;
	struct api_case ac;
	if (assigner(c, &id, &ac, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, role = 0;
	struct store_participation p = { .case_id = id, .from = c->today, .until = DATE_NONE };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_int(body, "user_id", JSON_FIELD_REQUIRED, 1, INT64_MAX, &p.user_id, err) < 0 ||
	    json_field_enum(body, "role", JSON_FIELD_REQUIRED, roles, &role, err) < 0 ||
	    json_field_date(body, "from", JSON_FIELD_OPTIONAL, &p.from, err) < 0 ||
	    json_field_date(body, "until", JSON_FIELD_NULLABLE, &p.until, err) < 0)
		goto out;
	p.role = role_of[role];
	if (check_assignee(c, &ac.kase, p.user_id, p.role, err) != 0 ||
	    store_participation_insert(c->st, &p, &p.id, err) != 0)
		goto out;
	json_t *o = participation_json(c, &p, err);
	rc = o != NULL ? http_response_json(res, 201, o, err) : -1;
out:
	json_decref(body);
	return rc;
}

/* Ends a participation: a contact person changes, a professional's task
 * is done. */
static int patch_participation(struct api_call *c, struct http_response *res,
			       struct sw_error *err)
{
	static const char *const fields[] = { "until", NULL };
	int64_t id, pid;
	struct api_case ac;
	if (assigner(c, &id, &ac, err) != 0 || api_param_id(c, "pid", &pid, err) != 0)
		return -1;
	struct store_participation p;
	struct sw_error e;
	if (store_participation_get(c->st, pid, &p, &e) != 0) {
		if (e.code != SW_ENOTFOUND) {
			if (err != NULL)
				*err = e;
			return -1;
		}
		p.case_id = 0;
	}
	if (p.case_id != id)
		return sw_error_set(err, SW_ENOTFOUND, "pid", "no such participation in this case");
	if (p.role == ROLE_WERKNEMER)
		return sw_error_set(err, SW_ECONFLICT, "pid",
				    "the employee takes part in their own case for as long as it"
				    " exists");
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	sw_date until = DATE_NONE;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_date(body, "until", JSON_FIELD_REQUIRED, &until, err) < 0 ||
	    store_participation_end(c->st, pid, until, err) != 0 ||
	    store_participation_get(c->st, pid, &p, err) != 0)
		goto out;
	json_t *o = participation_json(c, &p, err);
	rc = o != NULL ? http_response_json(res, 200, o, err) : -1;
out:
	json_decref(body);
	return rc;
}

/* Appends the active accounts of every organisation of kind to items. */
static int append_candidates(struct api_call *c, enum store_org_kind kind, int64_t employee_id,
			     json_t *items, struct sw_error *err)
{
	struct store_org_filter of = { .kind = (int)kind };
	struct store_org *orgs;
	size_t n_orgs;
	int64_t total;
	if (store_org_search(c->st, &c->arena, &of, &orgs, &n_orgs, &total, err) != 0)
		return -1;
	for (size_t i = 0; i < n_orgs; i++) {
		struct store_account_filter af = { .organisation_id = orgs[i].id, .active = 1 };
		struct store_account *us;
		size_t n;
		if (store_account_search(c->st, &c->arena, &af, &us, &n, &total, err) != 0)
			return -1;
		for (size_t j = 0; j < n; j++) {
			if (us[j].is_beheerder || us[j].id == employee_id)
				continue;
			json_t *o = json_pack("{s:I, s:s, s:{s:I, s:s, s:s}}", "id", (json_int_t)us[j].id,
					      "name", us[j].name, "organisation", "id",
					      (json_int_t)orgs[i].id, "name", orgs[i].name, "kind",
					      store_org_kind_name(orgs[i].kind));
			if (o == NULL || json_array_append_new(items, o) != 0)
				return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		}
	}
	return 0;
}

static int list_candidates(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	if (assigner(c, &id, &ac, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	if (append_candidates(c, STORE_ORG_ARBODIENST, ac.kase.employee_id, items, err) != 0 ||
	    append_candidates(c, STORE_ORG_REINTEGRATIEBEDRIJF, ac.kase.employee_id, items,
			      err) != 0) {
		json_decref(items);
		return -1;
	}
	return http_response_json(res, 200, json_pack("{s:o}", "items", items), err);
}

int api_participations_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases/{id}/participations", list_participations,
		      err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/participations", post_participation,
		      err) != 0 ||
	    api_route(r, app, "PATCH", "/api/v1/cases/{id}/participations/{pid}",
		      patch_participation, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases/{id}/participant-candidates", list_candidates,
		      err) != 0)
		return -1;
	return 0;
}
