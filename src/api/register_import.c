/* register_import.c - POST /api/v1/organisations/{id}/persons/import
 * [?dry_run=true]: the employee register from an HR system export, a
 * text/csv body (core/register.h has the columns), all or nothing
 * (store_register_import).
 *
 * 200 {dry_run, lines, created, updated, refused: []} when every line is
 * fine (stored unless a dry run); 422 with the same report, refused listing
 * {line, column, reason}, and nothing stored when any line is refused; 415
 * for another media type; 413 past the server's body limit.
 *
 * Who: the organisation's casemanager (without department limits: the file
 * is the whole organisation) or beheerder, and the installation's
 * beheerder: the writers of the organisation's employments (policy
 * resource employments). */
#include "api.h"

#include <string.h>
#include <strings.h>

#include "http/http_json.h"

/* text/csv, parameters (charset) allowed. */
static bool is_csv(const char *ct)
{
	if (ct == NULL || strncasecmp(ct, "text/csv", 8) != 0)
		return false;
	return ct[8] == '\0' || ct[8] == ';' || ct[8] == ' ';
}

/* A casemanager limited to departments imports no organisation-wide file
 * (unless also the organisation's beheerder). */
static int whole_organisation(struct api_call *c, int64_t org, struct sw_error *err)
{
	struct store_org_role *roles;
	size_t n;
	bool limited = false;
	if (c->user->is_beheerder)
		return 0;
	if (store_org_role_list(c->st, &c->arena, c->user->id, &roles, &n, err) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (roles[i].organisation_id != org)
			continue;
		if (roles[i].role == ORG_ROLE_BEHEERDER ||
		    (roles[i].role == ORG_ROLE_CASEMANAGER && roles[i].ndepartments == 0))
			return 0;
		limited = limited || roles[i].role == ORG_ROLE_CASEMANAGER;
	}
	return limited ? sw_error_set(err, SW_EDENIED, "",
				      "the import covers the whole organisation; a casemanager"
				      " of some departments may not")
		       : 0;
}

/* A reason quotes the file's cell, perhaps cut inside a UTF-8 sequence:
 * then its non-ASCII bytes become '?'. */
static json_t *text_json(const char *s)
{
	json_t *j = json_string(s);
	if (j != NULL)
		return j;
	char ascii[sizeof ((struct register_problem *)0)->message];
	size_t i = 0;
	for (; s[i] != '\0' && i + 1 < sizeof ascii; i++)
		ascii[i] = (unsigned char)s[i] < 0x80 ? s[i] : '?';
	ascii[i] = '\0';
	return json_string(ascii);
}

static json_t *report_json(const struct store_import_report *rep)
{
	json_t *refused = json_array();
	for (size_t i = 0; refused != NULL && i < rep->nrefused; i++)
		json_array_append_new(refused,
				      json_pack("{s:I, s:s, s:o}", "line",
						(json_int_t)rep->refused[i].line, "column",
						rep->refused[i].field, "reason",
						text_json(rep->refused[i].message)));
	return json_pack("{s:b, s:I, s:I, s:I, s:o, s:I}", "dry_run", rep->dry_run, "lines",
			 (json_int_t)rep->lines, "created", (json_int_t)rep->created, "updated",
			 (json_int_t)rep->updated, "refused", refused, "refused_total",
			 (json_int_t)rep->refused_total);
}

static int post_import(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t org;
	if (api_register_org_access(c, POLICY_EMPLOYMENTS, POLICY_WRITE, &org, err) != 0 ||
	    whole_organisation(c, org, err) != 0)
		return -1;
	const char *dry = http_request_query(c->req, "dry_run");
	if (dry != NULL && strcmp(dry, "true") != 0 && strcmp(dry, "false") != 0)
		return sw_error_set(err, SW_EINVAL, "dry_run", "true or false");
	const char *ct = http_request_header(c->req, "Content-Type");
	if (!is_csv(ct)) {
		struct sw_error e;
		sw_error_set(&e, SW_EINVAL, "Content-Type", "the register is sent as text/csv, not %s",
			     ct != NULL ? ct : "without a type");
		return http_response_json(res, 415, json_err_body(&e), err);
	}
	struct store_import_report rep;
	if (store_register_import(c->st, org, c->req->body, c->req->body_len,
				  dry != NULL && strcmp(dry, "true") == 0, &rep, err) != 0) {
		store_import_report_free(&rep);
		return -1;
	}
	json_t *o = report_json(&rep);
	const size_t refused = rep.refused_total;
	store_import_report_free(&rep);
	if (o == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	if (refused == 0)
		return http_response_json(res, 200, o, err);
	struct sw_error e;
	sw_error_set(&e, SW_EINVAL, "body", "%zu line%s refused; nothing was stored", refused,
		     refused == 1 ? "" : "s");
	json_t *body = json_err_body(&e);
	json_object_update(o, body);
	json_decref(body);
	return http_response_json(res, 422, o, err);
}

int api_register_import_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	return api_route(r, app, "POST", "/api/v1/organisations/{id}/persons/import", post_import,
			 err);
}
