/* messages.c - /api/v1/cases/{id}/messages: messages between the
 * participants of a case (resource messages). The employer reads them, so
 * the portal warns not to enter medical information (DOMAIN.md section 3). */
#include "api.h"

#include "http/http_json.h"

/* Default and largest page: the newest 200, as before paging. */
#define MESSAGES_PER_PAGE 200

static json_t *message_json(const struct store_message *m)
{
	return json_pack("{s:I, s:{s:I, s:o, s:s}, s:s, s:s}", "id", (json_int_t)m->id, "author",
			 "id", (json_int_t)m->author_id, "name",
			 m->author_name != NULL ? json_string(m->author_name) : json_null(), "role",
			 role_name(m->author_role), "body", m->body, "created_at", m->created_at);
}

/* Pages count from the newest message (page 1: the newest per_page),
 * each page oldest first: a conversation opens at its end. */
static int list_messages(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id, total;
	struct api_case ac;
	struct api_page pg;
	struct store_message *ms;
	size_t n;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_page_parse(c, MESSAGES_PER_PAGE, MESSAGES_PER_PAGE, &pg, err) != 0 ||
	    api_case_access(c, id, POLICY_MESSAGES, POLICY_READ, &ac, err) != 0 ||
	    store_message_page(c->st, &c->arena, id, api_page_offset(&pg), (int)pg.per_page, &ms,
			       &n, &total, err) != 0)
		return -1;
	json_t *items = json_array();
	if (items == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	for (size_t i = 0; i < n; i++) {
		json_t *o = message_json(&ms[i]);
		if (o == NULL || json_array_append_new(items, o) != 0) {
			json_decref(items);
			return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		}
	}
	return api_page_respond(res, items, &pg, total, err);
}

static int post_message(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "body", NULL };
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_MESSAGES, POLICY_WRITE, &ac, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	struct store_message m = { .case_id = id, .author_id = c->user->id,
				   .author_role = ac.role };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "body", JSON_FIELD_REQUIRED, STORE_MESSAGE_MAX_CHARS, &m.body,
			      err) < 0 ||
	    store_message_insert(c->st, &m, &m.id, err) != 0 ||
	    store_message_get(c->st, &c->arena, m.id, &m, err) != 0)
		goto out;
	json_t *o = message_json(&m);
	rc = o != NULL ? http_response_json(res, 201, o, err)
		       : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
out:
	json_decref(body);
	return rc;
}

int api_messages_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases/{id}/messages", list_messages, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/messages", post_message, err) != 0)
		return -1;
	return 0;
}
