/* decisions.c - /api/v1/cases/{id}/decisions: shared decisions (gedeelde
 * besluitvorming, resource decisions). Any party of the case proposes a
 * question with options, pros and cons; the employee accepts one or asks
 * to discuss; the other parties agree or ask to discuss; the proposer may
 * withdraw an open decision. The employer reads every text, so the portal
 * warns not to enter medical information. */
#include "api.h"

#include "export/timeline_json.h"
#include "http/http_json.h"

#define DECISION_MAX_CHARS 2000
#define LABEL_MAX_CHARS 200

static int oom(struct sw_error *err)
{
	return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

static json_t *text_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static json_t *index_or_null(int i)
{
	return i >= 0 ? json_integer(i) : json_null();
}

static json_t *options_json(const struct store_decision *d)
{
	json_t *a = json_array();
	for (size_t i = 0; a != NULL && i < d->noptions; i++) {
		const struct store_decision_option *o = &d->options[i];
		if (json_array_append_new(a, json_pack("{s:s, s:o, s:o}", "label", o->label, "pros",
						       text_or_null(o->pros), "cons",
						       text_or_null(o->cons))) != 0) {
			json_decref(a);
			a = NULL;
		}
	}
	return a;
}

static json_t *responses_json(const struct store_decision *d)
{
	json_t *a = json_array();
	for (size_t i = 0; a != NULL && i < d->nresponses; i++) {
		const struct store_decision_response *r = &d->responses[i];
		json_t *o = json_pack("{s:I, s:{s:I, s:o, s:s}, s:s, s:o, s:o, s:s}", "id",
				      (json_int_t)r->id, "user", "id", (json_int_t)r->user_id, "name",
				      text_or_null(r->user_name), "role", role_name(r->role), "answer",
				      store_decision_answer_name(r->answer), "option_index",
				      index_or_null(r->option_index), "comment",
				      text_or_null(r->comment), "created_at", r->created_at);
		if (json_array_append_new(a, o) != 0) {
			json_decref(a);
			a = NULL;
		}
	}
	return a;
}

static json_t *decision_json(const struct store_decision *d)
{
	json_t *options = options_json(d), *responses = responses_json(d);
	if (options == NULL || responses == NULL) {
		json_decref(options);
		json_decref(responses);
		return NULL;
	}
	return json_pack("{s:I, s:s, s:{s:I, s:o, s:s}, s:s, s:o, s:o, s:s, s:o, s:o}", "id",
			 (json_int_t)d->id, "question", d->question, "proposed_by", "id",
			 (json_int_t)d->proposed_by, "name", text_or_null(d->proposer_name), "role",
			 role_name(d->proposed_role), "status", store_decision_status_name(d->status),
			 "chosen_option", index_or_null(d->chosen_option), "decided_on",
			 json_date(d->decided_on), "created_at", d->created_at, "options", options,
			 "responses", responses);
}

static int reply_decision(struct http_response *res, unsigned status,
			  const struct store_decision *d, struct sw_error *err)
{
	json_t *o = decision_json(d);
	return o != NULL ? http_response_json(res, status, o, err) : oom(err);
}

static int list_decisions(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct store_decision *ds;
	size_t n;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DECISIONS, POLICY_READ, &ac, err) != 0 ||
	    store_decision_list(c->st, &c->arena, id, &ds, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < n; i++)
		if (json_array_append_new(items, decision_json(&ds[i])) != 0) {
			json_decref(items);
			items = NULL;
		}
	if (items == NULL)
		return oom(err);
	return http_response_json(res, 200, json_pack("{s:o}", "items", items), err);
}

/* Reads the options array of body into d (strings borrow from body). */
static int parse_options(struct api_call *c, const json_t *body, struct store_decision *d,
			 struct sw_error *err)
{
	static const char *const fields[] = { "label", "pros", "cons", NULL };
	const json_t *a = json_object_get(body, "options");
	if (a == NULL)
		return sw_error_set(err, SW_EINVAL, "options", "required");
	if (!json_is_array(a) || json_array_size(a) < STORE_DECISION_MIN_OPTIONS ||
	    json_array_size(a) > STORE_DECISION_MAX_OPTIONS)
		return sw_error_set(err, SW_EINVAL, "options", "an array of %d to %d options",
				    STORE_DECISION_MIN_OPTIONS, STORE_DECISION_MAX_OPTIONS);
	d->noptions = json_array_size(a);
	d->options = store_arena_alloc(&c->arena, d->noptions * sizeof *d->options);
	if (d->options == NULL)
		return oom(err);
	for (size_t i = 0; i < d->noptions; i++) {
		const json_t *o = json_array_get(a, i);
		struct store_decision_option *opt = &d->options[i];
		*opt = (struct store_decision_option){ 0 };
		struct sw_error e;
		if (!json_is_object(o))
			return sw_error_set(err, SW_EINVAL, "options", "option %zu is not an object", i);
		if (json_fields_allowed(o, fields, &e) != 0 ||
		    json_field_string(o, "label", JSON_FIELD_REQUIRED, LABEL_MAX_CHARS, &opt->label,
				      &e) < 0 ||
		    json_field_string(o, "pros", JSON_FIELD_NULLABLE, DECISION_MAX_CHARS, &opt->pros,
				      &e) < 0 ||
		    json_field_string(o, "cons", JSON_FIELD_NULLABLE, DECISION_MAX_CHARS, &opt->cons,
				      &e) < 0)
			return sw_error_set(err, SW_EINVAL, "options", "option %zu: %s: %s", i,
					    e.field, e.message);
	}
	return 0;
}

static int post_decision(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "question", "options", NULL };
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DECISIONS, POLICY_WRITE, &ac, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	struct store_decision d = { .case_id = id, .proposed_by = c->user->id,
				    .proposed_role = ac.role };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "question", JSON_FIELD_REQUIRED, DECISION_MAX_CHARS,
			      &d.question, err) < 0 ||
	    parse_options(c, body, &d, err) != 0 ||
	    store_decision_insert(c->st, &d, &d.id, err) != 0 ||
	    store_decision_get(c->st, &c->arena, d.id, &d, err) != 0)
		goto out;
	rc = reply_decision(res, 201, &d, err);
out:
	json_decref(body);
	return rc;
}

/* The decision did of case id, or SW_ENOTFOUND "did" (also for one of
 * another case). */
static int load(struct api_call *c, int64_t id, int64_t did, struct store_decision *d,
		struct sw_error *err)
{
	struct sw_error e;
	if (store_decision_get(c->st, &c->arena, did, d, &e) != 0) {
		if (e.code != SW_ENOTFOUND) {
			if (err != NULL)
				*err = e;
			return -1;
		}
	} else if (d->case_id == id) {
		return 0;
	}
	return sw_error_set(err, SW_ENOTFOUND, "did", "no such decision");
}

static int get_decision(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id, did;
	struct api_case ac;
	struct store_decision d;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DECISIONS, POLICY_READ, &ac, err) != 0 ||
	    api_param_id(c, "did", &did, err) != 0 || load(c, id, did, &d, err) != 0)
		return -1;
	return reply_decision(res, 200, &d, err);
}

static int post_response(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "answer", "option_index", "comment", NULL };
	static const char *const answers[] = { "akkoord", "bespreken", NULL };
	int64_t id, did;
	struct api_case ac;
	struct store_decision d;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DECISIONS, POLICY_WRITE, &ac, err) != 0 ||
	    api_param_id(c, "did", &did, err) != 0 || load(c, id, did, &d, err) != 0)
		return -1;
	/* The employee's answer is the one that decides: it must be theirs. */
	if (ac.role == ROLE_WERKNEMER && ac.kase.employee_id != c->user->id)
		return sw_error_set(err, SW_EDENIED, "", "%s", policy_reason_name(POLICY_DENY_ROLE));
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, answer = 0;
	int64_t option = -1;
	struct store_decision_response r = { .user_id = c->user->id, .role = ac.role };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_enum(body, "answer", JSON_FIELD_REQUIRED, answers, &answer, err) < 0 ||
	    json_field_int(body, "option_index", JSON_FIELD_NULLABLE, 0,
			   STORE_DECISION_MAX_OPTIONS - 1, &option, err) < 0 ||
	    json_field_string(body, "comment", JSON_FIELD_NULLABLE, DECISION_MAX_CHARS, &r.comment,
			      err) < 0)
		goto out;
	r.answer = (enum store_decision_answer)answer;
	r.option_index = (int)option;
	if (store_decision_respond(c->st, did, &r, c->today, err) != 0 ||
	    store_decision_get(c->st, &c->arena, did, &d, err) != 0)
		goto out;
	rc = reply_decision(res, 201, &d, err);
out:
	json_decref(body);
	return rc;
}

static int withdraw(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id, did;
	struct api_case ac;
	struct store_decision d;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DECISIONS, POLICY_WRITE, &ac, err) != 0 ||
	    api_param_id(c, "did", &did, err) != 0 || load(c, id, did, &d, err) != 0 ||
	    store_decision_withdraw(c->st, did, c->user->id, err) != 0 ||
	    store_decision_get(c->st, &c->arena, did, &d, err) != 0)
		return -1;
	return reply_decision(res, 200, &d, err);
}

int api_decisions_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases/{id}/decisions", list_decisions, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/decisions", post_decision, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases/{id}/decisions/{did}", get_decision, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/decisions/{did}/responses", post_response,
		      err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases/{id}/decisions/{did}/withdraw", withdraw,
		      err) != 0)
		return -1;
	return 0;
}
