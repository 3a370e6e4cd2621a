/* org_roles.c - organisation roles on accounts (DOMAIN.md 2a):
 * PUT /api/v1/users/{id}/org-roles, and what the session, the user
 * listing and the invitations share: the roles as JSON and the roles and
 * departments read from a body.
 *
 * The installation's beheerder sets roles in any organisation; the
 * organisation's own beheerder only in theirs, and only on its accounts.
 * Another organisation answers 404, as if neither account nor
 * organisation existed for them. Roles are read from the store on every
 * request (api_admin_access, api_case_access), so a change takes effect on
 * the account's next request. */
#include "api.h"

#include <string.h>

#include "http/http_json.h"

#define ORG_ROLES_MAX_DEPARTMENTS 200

int api_org_roles_json(struct api_call *c, int64_t user_id, json_t **out, struct sw_error *err)
{
	struct store_org_role *rs;
	size_t n;
	if (store_org_role_list(c->st, &c->arena, user_id, &rs, &n, err) != 0)
		return -1;
	json_t *a = json_array();
	for (size_t i = 0; a != NULL && i < n; i++) {
		json_t *depts = json_array();
		for (size_t d = 0; depts != NULL && d < rs[i].ndepartments; d++)
			json_array_append_new(depts, json_integer(rs[i].department_ids[d]));
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:o}", "organisation_id",
						   (json_int_t)rs[i].organisation_id,
						   "organisation_name", rs[i].organisation_name,
						   "role", org_role_name(rs[i].role),
						   "department_ids", depts));
	}
	if (a == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	*out = a;
	return 0;
}

int api_org_roles_parse(struct api_call *c, const json_t *body, const char *roles_key,
			unsigned *roles, int64_t **departments, size_t *ndepartments,
			struct sw_error *err)
{
	const json_t *rs = json_object_get(body, roles_key);
	const json_t *ds = json_object_get(body, "department_ids");
	*roles = 0;
	*departments = NULL;
	*ndepartments = 0;
	if (rs != NULL && !json_is_array(rs))
		return sw_error_set(err, SW_EINVAL, roles_key, "must be a list of roles");
	size_t i;
	const json_t *e;
	json_array_foreach(rs, i, e) {
		enum org_role r;
		if (!json_is_string(e) || org_role_parse(json_string_value(e), &r) != 0)
			return sw_error_set(err, SW_EINVAL, roles_key,
					    "unknown role; one of casemanager, leidinggevende,"
					    " hr-analist, beheerder");
		*roles |= ORG_ROLE_BIT(r);
	}
	if (ds == NULL || json_is_null(ds))
		return 0;
	if (!json_is_array(ds) || json_array_size(ds) > ORG_ROLES_MAX_DEPARTMENTS)
		return sw_error_set(err, SW_EINVAL, "department_ids",
				    "must be a list of at most %d department ids",
				    ORG_ROLES_MAX_DEPARTMENTS);
	if (json_array_size(ds) == 0)
		return 0;
	*departments = store_arena_alloc(&c->arena, json_array_size(ds) * sizeof **departments);
	if (*departments == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	json_array_foreach(ds, i, e) {
		if (!json_is_integer(e) || json_integer_value(e) < 1)
			return sw_error_set(err, SW_EINVAL, "department_ids",
					    "must be a list of department ids");
		(*departments)[(*ndepartments)++] = json_integer_value(e);
	}
	return 0;
}

int api_org_admin_access(struct api_call *c, enum policy_action a, int64_t org,
			 struct sw_error *err)
{
	unsigned mine = 0;
	if (api_require_user(c, err) != 0)
		return -1;
	if (!c->user->is_beheerder && org != 0 &&
	    store_org_roles_of(c->st, c->user->id, org, &mine, err) != 0)
		return -1;
	if (!c->user->is_beheerder && org != 0 && c->user->organisation_id != org && mine == 0)
		return sw_error_set(err, SW_ENOTFOUND, "organisation_id", "no such organisation");
	return api_admin_access(c, POLICY_USERS, a, 0, org, err);
}

/* Who may set roles of account `uid` in organisation `org`: 404 for
 * anyone who is not of that organisation (nothing about it is told), and
 * for an organisation's beheerder an account of another organisation is
 * just as unknown. The policy then decides (403 for a casemanager). */
static int check_target(struct api_call *c, const struct store_account *u, int64_t org,
			struct sw_error *err)
{
	if (c->user->is_beheerder) {
		if (u->organisation_id != org)
			return sw_error_set(err, SW_EINVAL, "organisation_id",
					    "the account is not of this organisation");
		return 0;
	}
	unsigned mine;
	if (store_org_roles_of(c->st, c->user->id, org, &mine, err) != 0)
		return -1;
	if (c->user->organisation_id != org && mine == 0)
		return sw_error_set(err, SW_ENOTFOUND, "organisation_id", "no such organisation");
	if (u->organisation_id != org && (mine & ORG_ROLE_BIT(ORG_ROLE_BEHEERDER)))
		return sw_error_set(err, SW_ENOTFOUND, "id", "no such user");
	return 0;
}

static int put_org_roles(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "organisation_id", "roles", "department_ids", NULL };
	int64_t uid, org = 0;
	if (api_require_user(c, err) != 0 || api_param_id(c, "uid", &uid, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	unsigned roles;
	int64_t *depts;
	size_t ndepts;
	struct store_account u;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_int(body, "organisation_id", JSON_FIELD_REQUIRED, 1, INT64_MAX, &org,
			   err) < 0)
		goto out;
	if (json_object_get(body, "roles") == NULL) {
		sw_error_set(err, SW_EINVAL, "roles", "is required (an empty list takes every role)");
		goto out;
	}
	if (api_org_roles_parse(c, body, "roles", &roles, &depts, &ndepts, err) != 0 ||
	    store_account_get(c->st, &c->arena, uid, &u, err) != 0 ||
	    check_target(c, &u, org, err) != 0 ||
	    api_admin_access(c, POLICY_USERS, POLICY_WRITE, uid, org, err) != 0 ||
	    store_org_roles_set(c->st, uid, org, roles, depts, ndepts, c->user->id, err) != 0)
		goto out;
	rc = api_account_respond(c, res, uid, 200, err);
out:
	json_decref(body);
	return rc;
}

int api_org_roles_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	return api_route(r, app, "PUT", "/api/v1/users/{uid}/org-roles", put_org_roles, err);
}
