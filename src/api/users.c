/* users.c - /api/v1/users: the beheerder lists, records and changes
 * accounts, and deactivates them (which ends their sessions and refuses
 * their logins); every user reads their own (resource users). The
 * installation's beheerder does so for every organisation, an
 * organisation's beheerder for the accounts of that organisation only
 * (never the beheerder flag, never another organisation). No answer
 * carries a password hash: accounts are read as struct store_account,
 * which has none. A recorded account has no password until its owner
 * accepts an invitation (invitations.c). */
#include "api.h"

#include <string.h>

#include "http/http_json.h"

#define USERS_PER_PAGE_DEFAULT 50
#define USERS_PER_PAGE_MAX 100

/* The account with its organisation roles (org_roles.c). */
static int account_json(struct api_call *c, const struct store_account *u, json_t **out,
			struct sw_error *err)
{
	json_t *roles;
	if (api_org_roles_json(c, u->id, &roles, err) != 0)
		return -1;
	*out = json_pack("{s:I, s:s, s:s, s:o, s:b, s:b, s:b, s:s, s:o}", "id", (json_int_t)u->id,
			 "email", u->email, "name", u->name, "organisation_id",
			 u->organisation_id != 0 ? json_integer(u->organisation_id) : json_null(),
			 "is_beheerder", u->is_beheerder, "active", u->active, "has_password",
			 u->has_password, "created_at", u->created_at, "org_roles", roles);
	return *out != NULL ? 0 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

int api_account_respond(struct api_call *c, struct http_response *res, int64_t id,
			unsigned status, struct sw_error *err)
{
	struct store_account u;
	json_t *j;
	if (store_account_get(c->st, &c->arena, id, &u, err) != 0 ||
	    account_json(c, &u, &j, err) != 0)
		return -1;
	return http_response_json(res, status, j, err);
}

/* ?active=true|false */
static int query_active(const struct api_call *c, int *out, struct sw_error *err)
{
	const char *s = http_request_query(c->req, "active");
	*out = -1;
	if (s == NULL)
		return 0;
	if (strcmp(s, "true") == 0)
		*out = 1;
	else if (strcmp(s, "false") == 0)
		*out = 0;
	else
		return sw_error_set(err, SW_EINVAL, "active", "must be true or false");
	return 0;
}

static int list_users(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_page pg;
	struct store_account_filter f = { .q = http_request_query(c->req, "q") };
	if (api_require_user(c, err) != 0 || api_admin_listing_org(c, &f.organisation_id, err) != 0 ||
	    api_admin_access(c, POLICY_USERS, POLICY_READ, 0, f.organisation_id, err) != 0 ||
	    api_page_parse(c, USERS_PER_PAGE_DEFAULT, USERS_PER_PAGE_MAX, &pg, err) != 0 ||
	    query_active(c, &f.active, err) != 0)
		return -1;
	f.offset = api_page_offset(&pg);
	f.limit = (int)pg.per_page;
	struct store_account *us;
	size_t n;
	int64_t total;
	if (store_account_search(c->st, &c->arena, &f, &us, &n, &total, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++) {
		json_t *j;
		if (account_json(c, &us[i], &j, err) != 0) {
			json_decref(items);
			return -1;
		}
		json_array_append_new(items, j);
	}
	return api_page_respond(res, items, &pg, total, err);
}

/* The account uid and whether the caller may do a with it: the policy
 * decides on the account's organisation. An account the caller may not
 * read is not found, so that its existence is not told. */
static int account_access(struct api_call *c, enum policy_action a, int64_t *id,
			  struct store_account *out, struct sw_error *err)
{
	struct sw_error e;
	if (api_require_user(c, err) != 0 || api_param_id(c, "uid", id, err) != 0)
		return -1;
	if (store_account_get(c->st, &c->arena, *id, out, &e) != 0) {
		if (e.code == SW_ENOTFOUND)
			return sw_error_set(err, SW_ENOTFOUND, "uid", "no such account");
		if (err != NULL)
			*err = e;
		return -1;
	}
	if (api_admin_access(c, POLICY_USERS, a, *id, out->organisation_id, &e) == 0)
		return 0;
	if (e.code == SW_EDENIED && !c->user->is_beheerder && *id != c->user->id &&
	    out->organisation_id != c->user->organisation_id)
		return sw_error_set(err, SW_ENOTFOUND, "uid", "no such account");
	if (err != NULL)
		*err = e;
	return -1;
}

static int get_user(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct store_account u;
	if (account_access(c, POLICY_READ, &id, &u, err) != 0)
		return -1;
	return api_account_respond(c, res, id, 200, err);
}

/* Records an account without a password: an employee the employer
 * reports sick, who gets portal access by invitation. */
static int post_user(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "email", "name", "organisation_id", NULL };
	if (api_require_user(c, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	struct store_user u = { .organisation_id = c->user->is_beheerder ? 0 :
					c->user->organisation_id };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "email", JSON_FIELD_REQUIRED, 254, &u.email, err) < 0 ||
	    json_field_string(body, "name", JSON_FIELD_REQUIRED, 200, &u.name, err) < 0 ||
	    json_field_int(body, "organisation_id", JSON_FIELD_NULLABLE, 1, INT64_MAX,
			   &u.organisation_id, err) < 0 ||
	    api_admin_access(c, POLICY_USERS, POLICY_WRITE, 0, u.organisation_id, err) != 0)
		goto out;
	if (store_user_insert(c->st, &u, &u.id, err) == 0)
		rc = api_account_respond(c, res, u.id, 201, err);
out:
	json_decref(body);
	return rc;
}

static int patch_user(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "name", "organisation_id", "is_beheerder", "active",
					      NULL };
	int64_t id;
	struct store_account u;
	if (account_access(c, POLICY_WRITE, &id, &u, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	bool beheerder = u.is_beheerder, active = u.active;
	const int64_t was_org = u.organisation_id;
	const json_t *org = json_object_get(body, "organisation_id");
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "name", JSON_FIELD_OPTIONAL, 200, &u.name, err) < 0 ||
	    json_field_int(body, "organisation_id", JSON_FIELD_NULLABLE, 1, INT64_MAX,
			   &u.organisation_id, err) < 0 ||
	    json_field_bool(body, "is_beheerder", JSON_FIELD_OPTIONAL, &beheerder, err) < 0 ||
	    json_field_bool(body, "active", JSON_FIELD_OPTIONAL, &active, err) < 0)
		goto out;
	if (json_is_null(org))
		u.organisation_id = 0;
	/* An organisation's beheerder keeps accounts in the organisation and
	 * never hands out the installation's administration. */
	if (!c->user->is_beheerder &&
	    (u.organisation_id != was_org || beheerder != (u.is_beheerder != 0))) {
		sw_error_set(err, SW_EDENIED, u.organisation_id != was_org ? "organisation_id" :
			     "is_beheerder", "only the installation's beheerder changes this");
		goto out;
	}
	/* The last door out of the administration is not closed from inside. */
	if (id == c->user->id && (!active || (c->user->is_beheerder && !beheerder))) {
		sw_error_set(err, SW_ECONFLICT, active ? "is_beheerder" : "active",
			     "a beheerder cannot deactivate or demote their own account");
		goto out;
	}
	u.is_beheerder = beheerder;
	u.active = active;
	if (store_account_update(c->st, &u, err) == 0)
		rc = api_account_respond(c, res, id, 200, err);
out:
	json_decref(body);
	return rc;
}

int api_users_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/users", list_users, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/users", post_user, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/users/{uid}", get_user, err) != 0 ||
	    api_route(r, app, "PATCH", "/api/v1/users/{uid}", patch_user, err) != 0)
		return -1;
	return 0;
}
