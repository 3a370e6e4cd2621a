/* deviations.c - /api/v1/cases/{id}/deviations: art. 5 of the Regeling
 * procesgang, employer and employee agree in writing to depart from a
 * deadline (DOMAIN.md section 4). The record names both parties and the
 * reason; the timeline then shows the step as agreed, not as overdue.
 *
 * Everyone who may read the deadlines reads the deviations (resource
 * deadlines). The case's werkgever records one, naming itself and the
 * case's employee as the parties who agreed: the written agreement itself
 * is the employer's to keep; the employee sees the record (and its audit
 * row) in the portal. */
#include "api.h"

#include "export/timeline_json.h"
#include "http/http_json.h"

static json_t *party(struct api_call *c, int64_t id)
{
	struct store_user u;
	struct sw_error e;
	if (store_user_get(c->st, &c->arena, id, &u, &e) != 0)
		return json_pack("{s:I, s:n}", "id", (json_int_t)id, "name");
	return json_pack("{s:I, s:s}", "id", (json_int_t)u.id, "name", u.name);
}

static json_t *deviation_json(struct api_call *c, const struct store_deviation *d)
{
	return json_pack("{s:I, s:s, s:o, s:o, s:o, s:s, s:s}", "id", (json_int_t)d->id, "code",
			 tl_code_name(d->code), "agreed_due", json_date(d->agreed_due),
			 "agreed_by_werkgever", party(c, d->agreed_by_werkgever),
			 "agreed_by_werknemer", party(c, d->agreed_by_werknemer), "reason",
			 d->reason, "created_at", d->created_at);
}

static int list_deviations(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct store_deviation *ds;
	size_t n;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DEADLINES, POLICY_READ, &ac, err) != 0 ||
	    store_deviation_list(c->st, &c->arena, id, &ds, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < n; i++)
		json_array_append_new(items, deviation_json(c, &ds[i]));
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return http_response_json(res, 200, json_pack("{s:o}", "items", items), err);
}

static int post_deviation(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "code", "agreed_due", "reason", NULL };
	const char *codes[TL_CODE__COUNT + 1] = { NULL };
	for (int i = 0; i < TL_CODE__COUNT; i++)
		codes[i] = tl_code_name((enum tl_code)i);
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DEADLINES, POLICY_WRITE, &ac, err) != 0)
		return -1;
	if (ac.role != ROLE_WERKGEVER)
		return sw_error_set(err, SW_EDENIED, "",
				    "the employer of the case records an agreed deviation");
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, code = 0;
	struct store_deviation d = { .case_id = id, .agreed_due = DATE_NONE,
				     .agreed_by_werkgever = c->user->id,
				     .agreed_by_werknemer = ac.kase.employee_id };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_enum(body, "code", JSON_FIELD_REQUIRED, codes, &code, err) < 0 ||
	    json_field_date(body, "agreed_due", JSON_FIELD_NULLABLE, &d.agreed_due, err) < 0 ||
	    json_field_string(body, "reason", JSON_FIELD_REQUIRED, 4000, &d.reason, err) < 0)
		goto out;
	if (json_object_get(body, "agreed_due") == NULL) {
		sw_error_set(err, SW_EINVAL, "agreed_due",
			     "is required: a date, or null when the step is dropped");
		goto out;
	}
	d.code = (enum tl_code)code;
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	if (store_deviation_insert(c->st, &d, &d.id, err) != 0 ||
	    store_case_refresh_deadlines(c->st, id, c->today, err) != 0) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db, err) != 0 || store_deviation_get(c->st, &c->arena, d.id, &d, err) != 0)
		goto out;
	json_t *o = deviation_json(c, &d);
	rc = o != NULL ? http_response_json(res, 201, o, err)
		       : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
out:
	json_decref(body);
	return rc;
}

int api_deviations_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases/{id}/deviations", list_deviations, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/deviations", post_deviation, err) != 0)
		return -1;
	return 0;
}
