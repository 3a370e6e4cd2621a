/* organisations.c - /api/v1/organisations: the beheerder lists, creates
 * and changes organisations; every user reads their own (resource
 * organisations, policy decide_admin). Not case content: the audit rows
 * have no case. */
#include "api.h"

#include "http/http_json.h"

#define ORGS_PER_PAGE_DEFAULT 50
#define ORGS_PER_PAGE_MAX 100

static const char *const kinds[] = { "werkgever", "netwerk", "arbodienst",
				     "re-integratiebedrijf", NULL };

static json_t *org_json(const struct store_org *o)
{
	return json_pack("{s:I, s:s, s:s, s:s}", "id", (json_int_t)o->id, "name", o->name, "kind",
			 store_org_kind_name(o->kind), "created_at", o->created_at);
}

static int respond_org(struct api_call *c, struct http_response *res, int64_t id,
		       unsigned status, struct sw_error *err)
{
	struct store_org o;
	if (store_org_get(c->st, &c->arena, id, &o, err) != 0)
		return -1;
	json_t *j = org_json(&o);
	return j != NULL ? http_response_json(res, status, j, err)
			 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

static int list_orgs(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_page pg;
	struct store_org_filter f = { .kind = -1, .q = http_request_query(c->req, "q") };
	const char *kind = http_request_query(c->req, "kind");
	enum store_org_kind k;
	if (api_admin_access(c, POLICY_ORGANISATIONS, POLICY_READ, 0, 0, err) != 0 ||
	    api_page_parse(c, ORGS_PER_PAGE_DEFAULT, ORGS_PER_PAGE_MAX, &pg, err) != 0)
		return -1;
	if (kind != NULL) {
		if (store_org_kind_parse(kind, &k) != 0)
			return sw_error_set(err, SW_EINVAL, "kind",
					    "must be werkgever, netwerk, arbodienst or"
					    " re-integratiebedrijf");
		f.kind = (int)k;
	}
	f.offset = api_page_offset(&pg);
	f.limit = (int)pg.per_page;
	struct store_org *os;
	size_t n;
	int64_t total;
	if (store_org_search(c->st, &c->arena, &f, &os, &n, &total, err) != 0)
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < n; i++)
		json_array_append_new(items, org_json(&os[i]));
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return api_page_respond(res, items, &pg, total, err);
}

static int get_org(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	if (api_param_id(c, "oid", &id, err) != 0 ||
	    api_admin_access(c, POLICY_ORGANISATIONS, POLICY_READ, 0, id, err) != 0)
		return -1;
	return respond_org(c, res, id, 200, err);
}

static int post_org(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "name", "kind", NULL };
	if (api_admin_access(c, POLICY_ORGANISATIONS, POLICY_WRITE, 0, 0, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, kind = 0;
	struct store_org o = { 0 };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "name", JSON_FIELD_REQUIRED, 200, &o.name, err) < 0 ||
	    json_field_enum(body, "kind", JSON_FIELD_REQUIRED, kinds, &kind, err) < 0)
		goto out;
	o.kind = (enum store_org_kind)kind;
	if (store_org_insert(c->st, &o, &o.id, err) == 0)
		rc = respond_org(c, res, o.id, 201, err);
out:
	json_decref(body);
	return rc;
}

static int patch_org(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "name", "kind", NULL };
	int64_t id;
	struct store_org o;
	if (api_param_id(c, "oid", &id, err) != 0 ||
	    api_admin_access(c, POLICY_ORGANISATIONS, POLICY_WRITE, 0, id, err) != 0 ||
	    store_org_get(c->st, &c->arena, id, &o, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, kind = (int)o.kind;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "name", JSON_FIELD_OPTIONAL, 200, &o.name, err) < 0 ||
	    json_field_enum(body, "kind", JSON_FIELD_OPTIONAL, kinds, &kind, err) < 0)
		goto out;
	o.kind = (enum store_org_kind)kind;
	if (store_org_update(c->st, &o, err) == 0)
		rc = respond_org(c, res, id, 200, err);
out:
	json_decref(body);
	return rc;
}

int api_organisations_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/organisations", list_orgs, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/organisations", post_org, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/organisations/{oid}", get_org, err) != 0 ||
	    api_route(r, app, "PATCH", "/api/v1/organisations/{oid}", patch_org, err) != 0)
		return -1;
	return 0;
}
