/* events.c - /api/v1/cases/{id}/events: the case's recorded events, and
 * recording one. A step of the legal timeline is recorded by whom the step
 * registry (src/core/steps.c) names, at most once when it happens once per
 * case, on a day between the first sick day and today; the other kinds
 * (uitstel, loonsanctie, ...) by whoever may write the case's deadlines. */
#include "api.h"

#include <stdio.h>

#include "core/steps.h"
#include "export/timeline_json.h"
#include "http/http_json.h"

#define EVENTS_PER_PAGE_DEFAULT 200
#define EVENTS_PER_PAGE_MAX 500

static json_t *opt_string(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *event_json(const struct store_event *e)
{
	return json_pack("{s:I, s:s, s:o, s:i, s:o, s:o, s:I, s:o}", "id", (json_int_t)e->id,
			 "kind", tl_event_kind_name(e->kind), "date", json_date(e->date), "value",
			 e->value, "note", opt_string(e->note), "reference",
			 opt_string(e->reference), "created_by", (json_int_t)e->created_by,
			 "created_at", opt_string(e->created_at));
}

/* A case has tens of events, the engine needs all of them anyway: the
 * page is cut from the full list. */
static int get_events(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct api_page pg;
	struct store_event *es;
	size_t n;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_page_parse(c, EVENTS_PER_PAGE_DEFAULT, EVENTS_PER_PAGE_MAX, &pg, err) != 0 ||
	    api_case_access(c, id, POLICY_DEADLINES, POLICY_READ, &ac, err) != 0 ||
	    store_event_list(c->st, &c->arena, id, &es, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	for (int64_t i = api_page_offset(&pg); i < (int64_t)n && json_array_size(items) <
	     (size_t)pg.per_page; i++)
		json_array_append_new(items, event_json(&es[i]));
	return api_page_respond(res, items, &pg, (int64_t)n, err);
}

/* The registry's step for this kind, NULL when the kind is not a step
 * anyone records (uitstel, loonsanctie, exemptions; and UWV's own dates). */
static const struct steps_info *governing_step(enum tl_event_kind kind)
{
	if ((unsigned)kind >= TL_CODE__COUNT)
		return NULL;
	const struct steps_info *s = steps_info((enum tl_code)kind);
	return s->via != STEPS_VIA_NONE ? s : NULL;
}

/* Who records a step, and which fields its form takes. */
static int check_step(const struct steps_info *s, enum role role, const char *reference,
		      struct sw_error *err)
{
	if (!steps_may_record(s->code, role)) {
		char roles[128];
		steps_roles_text(s->recorders, roles, sizeof roles);
		return sw_error_set(err, SW_EDENIED, "kind", "%s is recorded by the %s, not by %s",
				    tl_code_name(s->code), roles,
				    (unsigned)role < ROLE__COUNT ? role_name(role) : "you");
	}
	if (reference != NULL && !(s->via == STEPS_VIA_EVENT && (s->fields & STEPS_F_REFERENCE)))
		return sw_error_set(err, SW_EINVAL, "reference", "%s takes no reference",
				    tl_code_name(s->code));
	return 0;
}

static int post_event(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "kind", "date", "value", "note", "reference", NULL };
	const char *kinds[TL_EV__COUNT + 1] = { NULL };
	for (int i = 0; i < TL_EV__COUNT; i++)
		kinds[i] = tl_event_kind_name((enum tl_event_kind)i);
	int64_t id;
	if (api_param_id(c, "id", &id, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, kind = 0;
	int64_t value = 0;
	struct api_case ac;
	struct store_event e = { .case_id = id, .created_by = c->user->id };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_enum(body, "kind", JSON_FIELD_REQUIRED, kinds, &kind, err) < 0)
		goto out;
	/* A step's recorders come from the registry, which may name the
	 * werknemer (the WIA-aanvraag): seeing the deadlines is enough to
	 * get there. Anything else needs the right to write them. */
	const struct steps_info *step = governing_step((enum tl_event_kind)kind);
	if (api_case_access(c, id, POLICY_DEADLINES, step != NULL ? POLICY_READ : POLICY_WRITE, &ac,
			    err) != 0 ||
	    json_field_date(body, "date", JSON_FIELD_REQUIRED, &e.date, err) < 0 ||
	    json_field_int(body, "value", JSON_FIELD_OPTIONAL, 0, 1000, &value, err) < 0 ||
	    json_field_string(body, "note", JSON_FIELD_NULLABLE, 4000, &e.note, err) < 0 ||
	    json_field_string(body, "reference", JSON_FIELD_NULLABLE, STEPS_REFERENCE_MAX,
			      &e.reference, err) < 0)
		goto out;
	e.kind = (enum tl_event_kind)kind;
	e.value = (int)value;
	if (step != NULL && check_step(step, ac.role, e.reference, err) != 0)
		goto out;
	if (step == NULL && e.reference != NULL) {
		sw_error_set(err, SW_EINVAL, "reference", "%s takes no reference", kinds[kind]);
		goto out;
	}
	if (api_check_case_date(c, id, e.date, "date", err) != 0)
		goto out;
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	const int stored = step != NULL && step->once ? store_event_insert_once(c->st, &e, &e.id, err)
						     : store_event_insert(c->st, &e, &e.id, err);
	if (stored != 0 || store_case_refresh_deadlines(c->st, id, c->today, err) != 0) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db, err) != 0 || store_event_get(c->st, &c->arena, e.id, &e, err) != 0)
		goto out;
	rc = http_response_json(res, 201, event_json(&e), err);
out:
	json_decref(body);
	return rc;
}

int api_events_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases/{id}/events", get_events, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/events", post_event, err) != 0)
		return -1;
	return 0;
}
