/* invitations.c - /api/v1/invitations: a beheerder invites someone to
 * create an account (email, name, organisation, optionally beheerder, and
 * organisation roles with a casemanager's departments); the casemanager
 * invites a person of the register (POST /api/v1/persons/{id}/invitation),
 * whose account becomes that person, werknemer in their open cases.
 * The answer carries the token once, in the accept URL (the API) and the
 * portal URL (the page the beheerder mails, #/uitnodiging/TOKEN); the
 * database keeps only its digest. POST /api/v1/invitations/{token} with a
 * password creates the account, with everything the invitation gives, in
 * one transaction and logs it in. The beheerder lists and withdraws the
 * open invitations.
 *
 * The installation's beheerder invites to any organisation; the
 * organisation's beheerder (org role) only to their own, and never an
 * installation beheerder. */
#include "api.h"

#include <stdio.h>
#include <string.h>

#include "http/http_json.h"

#define INVITATIONS_PER_PAGE_DEFAULT 50
#define INVITATIONS_PER_PAGE_MAX 100

static const char *status_of(const struct store_invitation *v, int64_t now)
{
	char ts[STORE_TS_LEN];
	store_timestamp(now, ts);
	if (v->accepted_at != NULL)
		return "geaccepteerd";
	if (v->revoked_at != NULL)
		return "ingetrokken";
	return strcmp(v->expires_at, ts) > 0 ? "open" : "verlopen";
}

static json_t *invitation_json(const struct store_invitation *v, int64_t now)
{
	json_t *roles = json_array(), *depts = json_array();
	for (int r = 0; roles != NULL && r < ORG_ROLE__COUNT; r++)
		if (v->org_roles & ORG_ROLE_BIT(r))
			json_array_append_new(roles, json_string(org_role_name((enum org_role)r)));
	for (size_t i = 0; depts != NULL && i < v->ndepartments; i++)
		json_array_append_new(depts, json_integer(v->department_ids[i]));
	return json_pack("{s:I, s:s, s:s, s:o, s:b, s:s, s:s, s:s, s:o, s:o, s:o}", "id",
			 (json_int_t)v->id, "email", v->email, "name", v->name, "organisation_id",
			 v->organisation_id != 0 ? json_integer(v->organisation_id) : json_null(),
			 "is_beheerder", v->is_beheerder, "status", status_of(v, now), "created_at",
			 v->created_at, "expires_at", v->expires_at, "org_roles", roles,
			 "department_ids", depts, "person_id",
			 v->person_id != 0 ? json_integer(v->person_id) : json_null());
}

/* Stores v with a new token and answers 201 with the token's URLs. */
static int issue(struct api_call *c, struct http_response *res, struct store_invitation *v,
		 struct sw_error *err)
{
	char token[CRYPTO_TOKEN_STRLEN], digest[CRYPTO_DIGEST_STRLEN], expires[STORE_TS_LEN];
	const int64_t now = api_now();
	int rc = -1;
	v->token_digest = digest;
	v->expires_at = expires;
	v->created_by = c->user->id;
	crypto_token(token);
	crypto_token_digest(token, digest);
	store_timestamp(now + STORE_INVITATION_SECONDS, expires);
	if (store_invitation_insert(c->st, v, &v->id, err) != 0 ||
	    store_invitation_get(c->st, &c->arena, v->id, v, err) != 0)
		goto out;
	char url[128], portal[128];
	snprintf(url, sizeof url, "/api/v1/invitations/%s", token);
	snprintf(portal, sizeof portal, "/#/uitnodiging/%s", token);
	json_t *o = invitation_json(v, now);
	if (o == NULL || json_object_set_new(o, "token", json_string(token)) != 0 ||
	    json_object_set_new(o, "accept_url", json_string(url)) != 0 ||
	    json_object_set_new(o, "portal_url", json_string(portal)) != 0) {
		json_decref(o);
		sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		goto out;
	}
	rc = http_response_json(res, 201, o, err);
out:
	crypto_wipe(token, sizeof token);
	return rc;
}

static int post_invitation(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "email", "name", "organisation_id", "is_beheerder",
					      "org_roles", "department_ids", NULL };
	if (api_require_user(c, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	bool beheerder = false;
	int64_t *depts;
	struct store_invitation v = { 0 };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "email", JSON_FIELD_REQUIRED, 254, &v.email, err) < 0 ||
	    json_field_string(body, "name", JSON_FIELD_REQUIRED, 200, &v.name, err) < 0 ||
	    json_field_int(body, "organisation_id", JSON_FIELD_NULLABLE, 1, INT64_MAX,
			   &v.organisation_id, err) < 0 ||
	    json_field_bool(body, "is_beheerder", JSON_FIELD_OPTIONAL, &beheerder, err) < 0 ||
	    api_org_roles_parse(c, body, "org_roles", &v.org_roles, &depts, &v.ndepartments,
				err) != 0 ||
	    api_org_admin_access(c, POLICY_WRITE, v.organisation_id, err) != 0)
		goto out;
	/* Only the installation's beheerder makes another one. */
	if (beheerder && !c->user->is_beheerder) {
		sw_error_set(err, SW_EDENIED, "is_beheerder",
			     "only the installation's beheerder invites a beheerder");
		goto out;
	}
	v.is_beheerder = beheerder;
	v.department_ids = depts;
	rc = issue(c, res, &v, err);
out:
	json_decref(body);
	return rc;
}

/* The casemanager invites a person of the register to the portal: the
 * account made by accepting is that person (their werknemer). The email
 * is the register's unless the body gives one. */
static int post_person_invitation(struct api_call *c, struct http_response *res,
				  struct sw_error *err)
{
	static const char *const fields[] = { "email", NULL };
	struct store_person p;
	if (api_person_access(c, POLICY_WRITE, &p, err) != 0)
		return -1;
	json_t *body = c->req->body_len > 0 ? json_body_parse(c->req->body, c->req->body_len, err)
					    : json_object();
	if (body == NULL)
		return -1;
	int rc = -1;
	struct store_invitation v = { .name = p.name, .email = p.email,
				      .organisation_id = p.organisation_id, .person_id = p.id };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "email", JSON_FIELD_OPTIONAL, 254, &v.email, err) < 0)
		goto out;
	if (p.user_id != 0) {
		sw_error_set(err, SW_ECONFLICT, "id", "%s has a portal account already", p.name);
		goto out;
	}
	if (v.email == NULL || *v.email == '\0') {
		sw_error_set(err, SW_EINVAL, "email",
			     "the register has no email address for %s; give one", p.name);
		goto out;
	}
	rc = issue(c, res, &v, err);
out:
	json_decref(body);
	return rc;
}

static int list_invitations(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_page pg;
	struct store_invitation *vs;
	size_t n;
	int64_t total;
	int64_t org;
	const int64_t now = api_now();
	if (api_admin_listing_org(c, &org, err) != 0 ||
	    api_admin_access(c, POLICY_USERS, POLICY_READ, 0, org, err) != 0 ||
	    api_page_parse(c, INVITATIONS_PER_PAGE_DEFAULT, INVITATIONS_PER_PAGE_MAX, &pg, err) != 0 ||
	    store_invitation_list_open(c->st, &c->arena, now, org, api_page_offset(&pg),
				       (int)pg.per_page, &vs, &n, &total, err) != 0)
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < n; i++)
		json_array_append_new(items, invitation_json(&vs[i], now));
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return api_page_respond(res, items, &pg, total, err);
}

/* {key} is an invitation's id for the beheerder's DELETE and its token
 * for the invitee's POST: one path, two audiences. */
static int revoke_invitation(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct store_invitation v;
	const int64_t now = api_now();
	/* The policy decides on the invitation's organisation. */
	if (api_require_user(c, err) != 0 || api_param_id(c, "key", &id, err) != 0 ||
	    store_invitation_get(c->st, &c->arena, id, &v, err) != 0 ||
	    api_admin_access(c, POLICY_USERS, POLICY_WRITE, 0, v.organisation_id, err) != 0 ||
	    store_invitation_revoke(c->st, id, now, err) != 0 ||
	    store_invitation_get(c->st, &c->arena, id, &v, err) != 0)
		return -1;
	json_t *o = invitation_json(&v, now);
	return o != NULL ? http_response_json(res, 200, o, err)
			 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

static int accept_invitation(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "password", NULL };
	const char *token = http_request_param(c->req, "key");
	if (token == NULL || strlen(token) != CRYPTO_TOKEN_STRLEN - 1)
		return sw_error_set(err, SW_ENOTFOUND, "token", "no such invitation");
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	const char *password = NULL;
	char digest[CRYPTO_DIGEST_STRLEN], hash[CRYPTO_PWHASH_STRLEN];
	int64_t user_id;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "password", JSON_FIELD_REQUIRED, API_PASSWORD_MAX_CHARS,
			      &password, err) < 0 ||
	    api_password_check(password, "password", err) != 0)
		goto out;
	/* The token first: argon2id's time and memory only for a usable one. */
	crypto_token_digest(token, digest);
	if (store_invitation_check(c->st, digest, api_now(), err) != 0)
		goto out;
	if (crypto_password_hash(password, hash) != 0) {
		sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		goto out;
	}
	if (store_invitation_accept(c->st, digest, api_now(), hash, &user_id, err) == 0)
		rc = api_session_login(c, res, user_id, 201, err);
out:
	json_decref(body);
	return rc;
}

int api_invitations_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/invitations", list_invitations, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/invitations", post_invitation, err) != 0 ||
	    api_route(r, app, "DELETE", "/api/v1/invitations/{key}", revoke_invitation, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/invitations/{key}", accept_invitation, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/persons/{id}/invitation", post_person_invitation,
		      err) != 0)
		return -1;
	return 0;
}
