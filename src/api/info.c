/* info.c - the information modules (src/core/info.c) offered actively:
 * GET /api/v1/info is the library, GET /api/v1/cases/{id}/info the modules
 * the caller's role should see in that case today with their read receipts,
 * POST .../info/{code}/read the receipt. The modules follow the timeline,
 * so access is that of the deadlines (resource deadlines, read: recording
 * that one read a text changes nothing of the case). */
#include "api.h"

#include <stdlib.h>
#include <string.h>

#include "core/info.h"
#include "export/timeline_json.h"

static int oom(struct sw_error *err)
{
	return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

static json_t *module_json(const struct info_module *m)
{
	json_t *roles = json_array();
	for (int r = 0; roles != NULL && r < ROLE__COUNT; r++)
		if ((m->roles & ROLE_BIT(r)) && json_array_append_new(roles, json_string(role_name(r))) != 0) {
			json_decref(roles);
			roles = NULL;
		}
	if (roles == NULL)
		return NULL;
	return json_pack("{s:s, s:o, s:{s:s, s:s, s:s}, s:{s:s, s:s, s:s}}", "code", m->code,
			 "roles", roles, "nl", "title", m->title_nl, "summary", m->summary_nl, "body",
			 m->body_nl, "en", "title", m->title_en, "summary", m->summary_en, "body",
			 m->body_en);
}

static int get_library(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	if (api_require_user(c, err) != 0)
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < info_count(); i++)
		if (json_array_append_new(items, module_json(info_at(i))) != 0) {
			json_decref(items);
			items = NULL;
		}
	if (items == NULL)
		return oom(err);
	return http_response_json(res, 200, json_pack("{s:o}", "items", items), err);
}

/* The modules relevant to role in case id today, and the case's week. */
static int relevant(struct api_call *c, int64_t id, enum role role,
		    const struct info_module **out, size_t max, size_t *n, int *week,
		    struct sw_error *err)
{
	struct store_case_input in = { 0 };
	*n = 0;
	*week = 0;
	if (store_case_load_input(c->st, id, &in, err) != 0)
		return -1;
	int rc = 0;
	if (in.nperiods > 0) {
		struct tl_input ti;
		struct tl_timeline *tl = malloc(sizeof *tl);
		if (tl == NULL) {
			rc = oom(err);
		} else {
			store_case_input_tl(&in, c->today, &ti);
			const enum tl_error e = tl_compute(&ti, tl, NULL);
			if (e == TL_OK) {
				*n = info_relevant(tl, &ti, role, out, max);
				*week = tl->week;
			} else {
				rc = sw_error_set(err, SW_EINTERNAL, "", "stored history rejected: %s",
						  tl_error_message(e));
			}
			free(tl);
		}
	}
	store_case_input_free(&in);
	return rc;
}

static const char *read_at(const struct store_info_read *rs, size_t n, const char *code)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(rs[i].module, code) == 0)
			return rs[i].read_at;
	return NULL;
}

static json_t *item_json(const struct info_module *m, const char *at)
{
	json_t *o = module_json(m);
	if (o != NULL && json_object_set_new(o, "read_at", at != NULL ? json_string(at)
								     : json_null()) != 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

#define INFO_MAX 64

static int get_case_info(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	const struct info_module *ms[INFO_MAX];
	size_t n, nr;
	int week;
	struct store_info_read *rs;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DEADLINES, POLICY_READ, &ac, err) != 0 ||
	    relevant(c, id, ac.role, ms, INFO_MAX, &n, &week, err) != 0 ||
	    store_info_read_list(c->st, &c->arena, id, c->user->id, &rs, &nr, err) != 0)
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < n; i++)
		if (json_array_append_new(items, item_json(ms[i], read_at(rs, nr, ms[i]->code))) != 0) {
			json_decref(items);
			items = NULL;
		}
	if (items == NULL)
		return oom(err);
	return http_response_json(res, 200,
				  json_pack("{s:s, s:i, s:o}", "role", role_name(ac.role), "week",
					    week, "items", items),
				  err);
}

static int post_read(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	const struct info_module *ms[INFO_MAX];
	size_t n, nr;
	int week;
	struct store_info_read *rs;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DEADLINES, POLICY_READ, &ac, err) != 0 ||
	    relevant(c, id, ac.role, ms, INFO_MAX, &n, &week, err) != 0)
		return -1;
	/* Only what is offered to this party now can be marked as read. */
	const char *code = http_request_param(c->req, "code");
	const struct info_module *m = NULL;
	for (size_t i = 0; code != NULL && i < n; i++)
		if (strcmp(ms[i]->code, code) == 0)
			m = ms[i];
	if (m == NULL)
		return sw_error_set(err, SW_ENOTFOUND, "code", "no such module offered in this case");
	if (store_info_read_mark(c->st, id, c->user->id, m->code, err) != 0 ||
	    store_info_read_list(c->st, &c->arena, id, c->user->id, &rs, &nr, err) != 0)
		return -1;
	json_t *o = item_json(m, read_at(rs, nr, m->code));
	return o != NULL ? http_response_json(res, 200, o, err) : oom(err);
}

int api_info_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/info", get_library, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases/{id}/info", get_case_info, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/info/{code}/read", post_read, err) != 0)
		return -1;
	return 0;
}
