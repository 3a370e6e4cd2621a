/* medical.c - /api/v1/cases/{id}/medical: the medical domain (DOMAIN.md
 * sections 2 and 3). Resource case_medical: the assigned bedrijfsarts reads
 * and writes, the employee reads their own; everyone else is refused
 * before anything medical is loaded, so no answer to them - error messages
 * included - can carry medical text. The notes are sealed by the store
 * with the server's medical key; without a key the routes answer 503. */
#include "api.h"

#include "http/http_json.h"

static json_t *note_json(const struct store_medical_note *m)
{
	return json_pack("{s:I, s:s, s:s, s:{s:I, s:o}, s:s}", "id", (json_int_t)m->id, "kind",
			 store_medical_kind_name(m->kind), "text", m->text, "author", "id",
			 (json_int_t)m->author_id, "name",
			 m->author_name != NULL ? json_string(m->author_name) : json_null(),
			 "created_at", m->created_at);
}

/* The access check, then the key: a caller who may not see the medical
 * domain does not learn whether it is configured. */
static int medical_access(struct api_call *c, enum policy_action a, int64_t *id,
			  struct sw_error *err)
{
	struct api_case ac;
	if (api_param_id(c, "id", id, err) != 0 ||
	    api_case_access(c, *id, POLICY_CASE_MEDICAL, a, &ac, err) != 0)
		return -1;
	if (!c->app->has_medical_key)
		return sw_error_set(err, SW_EUNAVAILABLE, "",
				    "the medical domain is not configured on this server"
				    " (serve --medical-key)");
	return 0;
}

static int list_notes(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct store_medical_note *ns;
	size_t n;
	if (medical_access(c, POLICY_READ, &id, err) != 0 ||
	    store_medical_list(c->st, &c->arena, c->app->medical_key, id, &ns, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++) {
		json_t *o = note_json(&ns[i]);
		if (o == NULL || json_array_append_new(items, o) != 0) {
			json_decref(items);
			return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		}
	}
	return http_response_json(res, 200, json_pack("{s:o}", "items", items), err);
}

static int post_note(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "kind", "text", NULL };
	static const char *const kinds[] = { "diagnose", "klachten", "behandeling", "notitie",
					     "probleemanalyse_medisch", NULL };
	int64_t id;
	if (medical_access(c, POLICY_WRITE, &id, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, kind = 0;
	struct store_medical_note m = { .case_id = id, .author_id = c->user->id };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_enum(body, "kind", JSON_FIELD_REQUIRED, kinds, &kind, err) < 0 ||
	    json_field_string(body, "text", JSON_FIELD_REQUIRED, STORE_MEDICAL_MAX_CHARS, &m.text,
			      err) < 0)
		goto out;
	m.kind = (enum store_medical_kind)kind;
	if (store_medical_insert(c->st, c->app->medical_key, &m, &m.id, err) != 0)
		goto out;
	/* Read back as stored (created_at is the database's). */
	if (store_medical_get(c->st, &c->arena, c->app->medical_key, m.id, &m, err) != 0)
		goto out;
	json_t *o = note_json(&m);
	rc = o != NULL ? http_response_json(res, 201, o, err)
		       : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
out:
	json_decref(body);
	return rc;
}

int api_medical_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases/{id}/medical", list_notes, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/medical", post_note, err) != 0)
		return -1;
	return 0;
}
