/* consents.c - /api/v1/cases/{id}/consents: the employee's consents
 * (DOMAIN.md section 3). Every participant who may read the case's
 * consents sees them; only the employee gives and revokes them (resource
 * consents, write: the werknemer alone). The access check reads them on
 * every request (access.c).
 *
 * Except a consent to share with a care provider: who treats someone is
 * health data (DOMAIN.md section 3), so only the werknemer and the
 * bedrijfsarts see it; for everyone else it does not exist, not even as a
 * count. */
#include "api.h"

#include "export/timeline_json.h"
#include "http/http_json.h"

static json_t *consent_json(const struct store_consent *k)
{
	return json_pack("{s:I, s:s, s:o, s:o, s:o}", "id", (json_int_t)k->id, "kind",
			 store_consent_kind_name(k->kind), "granted_to",
			 k->granted_to != NULL ? json_string(k->granted_to) : json_null(),
			 "given_on", json_date(k->given_on), "revoked_on", json_date(k->revoked_on));
}

static bool may_see(const struct api_case *ac, const struct store_consent *k)
{
	return k->kind != STORE_CONSENT_DELEN_ZORGVERLENER || ac->role == ROLE_WERKNEMER ||
	       ac->role == ROLE_BEDRIJFSARTS;
}

static int list_consents(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct store_consent *ks;
	size_t n;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_CONSENTS, POLICY_READ, &ac, err) != 0 ||
	    store_consent_list(c->st, &c->arena, id, &ks, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++) {
		if (!may_see(&ac, &ks[i]))
			continue;
		json_t *o = consent_json(&ks[i]);
		if (o == NULL || json_array_append_new(items, o) != 0) {
			json_decref(items);
			return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		}
	}
	return http_response_json(res, 200, json_pack("{s:o}", "items", items), err);
}

/* The policy lets only the werknemer write consents; the role is checked
 * again so that the rule does not hang on one table entry. */
static int writer(struct api_call *c, int64_t *id, struct sw_error *err)
{
	struct api_case ac;
	if (api_param_id(c, "id", id, err) != 0 ||
	    api_case_access(c, *id, POLICY_CONSENTS, POLICY_WRITE, &ac, err) != 0)
		return -1;
	if (ac.role != ROLE_WERKNEMER || ac.kase.employee_id != c->user->id)
		return sw_error_set(err, SW_EDENIED, "", "%s", policy_reason_name(POLICY_DENY_ROLE));
	return 0;
}

static int post_consent(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "kind", "granted_to", NULL };
	static const char *const kinds[] = { "zoekprofiel_netwerk", "delen_bureau",
					     "delen_zorgverlener", NULL };
	int64_t id;
	if (writer(c, &id, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, kind = 0;
	/* Given today: a consent is not backdated. */
	struct store_consent k = { .case_id = id, .given_on = c->today, .revoked_on = DATE_NONE };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_enum(body, "kind", JSON_FIELD_REQUIRED, kinds, &kind, err) < 0 ||
	    json_field_string(body, "granted_to", JSON_FIELD_NULLABLE, 200, &k.granted_to, err) < 0)
		goto out;
	k.kind = (enum store_consent_kind)kind;
	if (store_consent_insert(c->st, &k, &k.id, err) != 0 ||
	    store_consent_get(c->st, &c->arena, k.id, &k, err) != 0)
		goto out;
	json_t *o = consent_json(&k);
	rc = o != NULL ? http_response_json(res, 201, o, err)
		       : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
out:
	json_decref(body);
	return rc;
}

static int revoke_consent(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id, cid;
	if (writer(c, &id, err) != 0 || api_param_id(c, "cid", &cid, err) != 0)
		return -1;
	struct store_consent k = { 0 };
	struct sw_error e;
	if (store_consent_get(c->st, &c->arena, cid, &k, &e) != 0) {
		if (e.code == SW_ENOTFOUND)
			return sw_error_set(err, SW_ENOTFOUND, "cid", "no such consent");
		if (err != NULL)
			*err = e;
		return -1;
	}
	/* A consent of another case does not exist here. */
	if (k.case_id != id)
		return sw_error_set(err, SW_ENOTFOUND, "cid", "no such consent");
	if (store_consent_revoke(c->st, cid, c->today, err) != 0 ||
	    store_consent_get(c->st, &c->arena, cid, &k, err) != 0)
		return -1;
	json_t *o = consent_json(&k);
	return o != NULL ? http_response_json(res, 200, o, err)
			 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

int api_consents_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases/{id}/consents", list_consents, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/consents", post_consent, err) != 0 ||
	    api_route(r, app, "DELETE", "/api/v1/cases/{id}/consents/{cid}", revoke_consent,
		      err) != 0)
		return -1;
	return 0;
}
