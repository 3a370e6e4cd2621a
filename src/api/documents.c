/* documents.c - /api/v1/cases/{id}/documents: the dossier (DOMAIN.md
 * section 5). Documents of the types of core/doc, each with every version
 * kept, the diff between two versions, the employee's agreement where the
 * law asks it, and /riv: the completeness of the re-integratieverslag from
 * week 1 (core/riv). Resource documents; who may write a type comes from
 * core/doc (e.g. the probleemanalyse by the bedrijfsarts). The medical part
 * of the probleemanalyse is not here: it belongs to the medical domain. */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diff.h"
#include "core/riv.h"
#include "export/timeline_json.h"
#include "http/http_json.h"

static int oom(struct sw_error *err)
{
	return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

/* ---- shared with the exports ------------------------------------------------ */

int api_case_timeline(struct api_call *c, int64_t case_id, struct tl_timeline **out,
		      struct sw_error *err)
{
	struct store_case_input in = { 0 };
	*out = NULL;
	if (store_case_load_input(c->st, case_id, &in, err) != 0) {
		store_case_input_free(&in);
		return -1;
	}
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
				*out = tl;
			} else {
				free(tl);
				rc = sw_error_set(err, SW_EINTERNAL, "", "stored history rejected: %s",
						  tl_error_message(e));
			}
		}
	}
	store_case_input_free(&in);
	return rc;
}

int api_riv_report(const struct tl_timeline *tl, const struct store_document *docs, size_t n,
		   sw_date today, struct riv_report *out, struct sw_error *err)
{
	struct riv_input in;
	riv_input_init(&in);
	in.tl = tl;
	in.today = today;
	const struct store_document *newest[DOC_TYPE__COUNT] = { NULL };
	for (size_t i = 0; i < n; i++) {
		const struct store_document *d = &docs[i];
		const struct store_document *cur = newest[d->type];
		if (cur == NULL || d->latest.date >= cur->latest.date)
			newest[d->type] = d;
		if (doc_asks_pva_revision(d->type, d->latest.values, d->latest.nvalues) &&
		    (in.pva_revision_asked == DATE_NONE || d->latest.date > in.pva_revision_asked))
			in.pva_revision_asked = d->latest.date;
	}
	for (int t = 0; t < DOC_TYPE__COUNT; t++) {
		if (newest[t] == NULL)
			continue;
		in.docs[t] = (struct riv_doc){ newest[t]->latest.date, newest[t]->latest.version,
					       newest[t]->latest.approval };
	}
	if (riv_check(&in, out) != 0)
		return sw_error_set(err, SW_ECONFLICT, "id",
				    "the case has no sick period: no re-integratieverslag yet");
	return 0;
}

/* ---- JSON ------------------------------------------------------------------------- */

static json_t *opt_string(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

/* The content with INT fields as numbers, everything else as strings. Only
 * the type's own fields go out, whatever else the stored content holds. */
static json_t *content_json(enum doc_type type, const struct store_document_version *v)
{
	json_t *o = json_object();
	for (size_t i = 0; o != NULL && i < v->nvalues; i++) {
		const struct doc_field *f = doc_field_find(type, v->values[i].name);
		if (f == NULL)
			continue;
		json_t *val = f->type == DOC_FT_INT
				      ? json_integer(strtoll(v->values[i].value, NULL, 10))
				      : json_string(v->values[i].value);
		if (json_object_set_new(o, v->values[i].name, val) != 0) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}

static json_t *version_json(enum doc_type type, const struct store_document_version *v)
{
	json_t *approval = v->approval == DOC_APPROVAL_NVT
				   ? json_null()
				   : json_pack("{s:s, s:o, s:o}", "state",
					       doc_approval_state_name(v->approval), "date",
					       json_date(v->answered_on), "toelichting",
					       opt_string(v->comment));
	return json_pack("{s:i, s:o, s:o, s:{s:I, s:o, s:s}, s:s, s:o}", "version", v->version,
			 "datum", json_date(v->date), "content", content_json(type, v), "author",
			 "id", (json_int_t)v->author_id, "name", opt_string(v->author_name), "role",
			 role_name(v->author_role), "created_at", v->created_at, "approval",
			 approval);
}

/* A document with its newest version, or with all versions when given. */
static json_t *document_json(const struct store_document *d,
			     const struct store_document_version *versions, size_t nversions)
{
	const struct doc_type_info *t = doc_type_info(d->type);
	json_t *o = json_pack("{s:I, s:s, s:s, s:I, s:s, s:s, s:i, s:o}", "id", (json_int_t)d->id,
			      "type", t->name, "title", t->title_nl, "created_by",
			      (json_int_t)d->created_by, "created_role", role_name(d->created_role),
			      "created_at", d->created_at, "versions_count", d->latest.version,
			      "latest", version_json(d->type, &d->latest));
	if (o == NULL || versions == NULL)
		return o;
	json_t *vs = json_array();
	for (size_t i = 0; vs != NULL && i < nversions; i++)
		if (json_array_append_new(vs, version_json(d->type, &versions[i])) != 0) {
			json_decref(vs);
			vs = NULL;
		}
	if (vs == NULL || json_object_set_new(o, "versions", vs) != 0) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static int reply(struct http_response *res, unsigned status, json_t *o, struct sw_error *err)
{
	return o != NULL ? http_response_json(res, status, o, err) : oom(err);
}

/* ---- input ------------------------------------------------------------------------- */

/* The "content" object of body as doc values in the call's arena: strings
 * as given, integers in decimal, null as absent. */
static int content_values(struct api_call *c, const json_t *body, struct doc_value **out,
			  size_t *n, struct sw_error *err)
{
	const json_t *content = json_object_get(body, "content");
	if (!json_is_object(content))
		return sw_error_set(err, SW_EINVAL, "content", "must be an object of field values");
	const size_t count = json_object_size(content);
	struct doc_value *vs = store_arena_alloc(&c->arena, (count + 1) * sizeof *vs);
	if (vs == NULL)
		return oom(err);
	size_t k = 0;
	const char *key;
	const json_t *v;
	json_object_foreach((json_t *)content, key, v) {
		char num[24];
		const char *s;
		if (json_is_null(v))
			continue;
		if (json_is_string(v)) {
			s = json_string_value(v);
		} else if (json_is_integer(v)) {
			snprintf(num, sizeof num, "%lld", (long long)json_integer_value(v));
			s = num;
		} else {
			return sw_error_set(err, SW_EINVAL, key, "must be a string or an integer");
		}
		vs[k].name = key;
		if ((vs[k].value = store_arena_strdup(&c->arena, s)) == NULL)
			return oom(err);
		k++;
	}
	*out = vs;
	*n = k;
	return 0;
}

int api_check_case_date(struct api_call *c, int64_t case_id, sw_date date, const char *field,
			struct sw_error *err)
{
	struct store_period *ps;
	size_t n;
	char buf[DATE_STRLEN];
	if (date == DATE_NONE)
		return 0;
	if (date > c->today)
		return sw_error_set(err, SW_EINVAL, field, "lies in the future (today is %s)",
				    (date_format(c->today, buf), buf));
	if (store_period_list(c->st, &c->arena, case_id, &ps, &n, err) != 0)
		return -1;
	if (n > 0 && date < ps[0].from)
		return sw_error_set(err, SW_EINVAL, field, "lies before the first sick day (%s)",
				    (date_format(ps[0].from, buf), buf));
	return 0;
}

/* The validation context: the case's ruleset (the latest when the case has
 * no sick period yet) and today. */
static int doc_ctx_of(struct api_call *c, int64_t case_id, struct doc_ctx *ctx,
		      struct sw_error *err)
{
	struct tl_timeline *tl;
	if (api_case_timeline(c, case_id, &tl, err) != 0)
		return -1;
	*ctx = (struct doc_ctx){ .rules = tl != NULL ? tl->rules : NULL, .today = c->today,
				 .version = 1 };
	free(tl);
	return 0;
}

/* The document did of case id; one of another case does not exist here. */
static int load_document(struct api_call *c, int64_t id, int64_t did, struct store_document *d,
			 struct sw_error *err)
{
	struct sw_error e;
	if (store_document_get(c->st, &c->arena, did, d, &e) != 0) {
		if (e.code != SW_ENOTFOUND) {
			if (err != NULL)
				*err = e;
			return -1;
		}
		d->case_id = 0;
	}
	if (d->case_id != id)
		return sw_error_set(err, SW_ENOTFOUND, "did", "no such document in this case");
	return 0;
}

/* The class of document d for the leidinggevende's rule (docs/domain.md
 * 2a): of the documents they read the plan van aanpak and the
 * voortgangsgesprekken they attended, as its newest version says. */
static enum policy_doc document_class(const struct store_document *d)
{
	if (d->type == DOC_PLAN_VAN_AANPAK)
		return POLICY_DOC_PLAN_VAN_AANPAK;
	if (d->type == DOC_VOORTGANGSGESPREK) {
		const char *v = doc_value_get(d->latest.values, d->latest.nvalues,
					      "leidinggevende_aanwezig");
		if (v != NULL && strcmp(v, "ja") == 0)
			return POLICY_DOC_VOORTGANGSGESPREK_PRESENT;
	}
	return POLICY_DOC_OTHER;
}

int api_document_access(struct api_call *c, enum policy_action a, struct api_case *ac,
			struct store_document *d, struct sw_error *err)
{
	int64_t id, did;
	if (api_param_id(c, "id", &id, err) != 0 || api_param_id(c, "did", &did, err) != 0 ||
	    load_document(c, id, did, d, err) != 0)
		return -1;
	return api_case_access_doc(c, id, document_class(d), POLICY_DOCUMENTS, a, ac, err);
}

static int may_author(enum doc_type type, enum role role, struct sw_error *err)
{
	if (doc_may_author(type, role))
		return 0;
	return sw_error_set(err, SW_EDENIED, "type", "a %s does not write a %s", role_name(role),
			    doc_type_name(type));
}

/* ---- handlers ------------------------------------------------------------------- */

/* Whether the caller sees document d in the case's listing: a participant
 * sees them all, a leidinggevende (no case role) only the classes the
 * policy gives them. */
static bool listed_for(struct api_call *c, const struct api_case *ac,
		       const struct store_document *d)
{
	if (ac->role != ROLE__COUNT)
		return true;
	struct policy_decision pd;
	enum role role;
	struct sw_error e;
	return api_case_decide_among(c, &ac->kase, NULL, 0, &ac->facts, document_class(d),
				     POLICY_DOCUMENTS, POLICY_READ, &pd, &role, &e) == 0 &&
	       pd.allow;
}

static int list_documents(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct store_document *ds;
	size_t n;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access_doc(c, id, POLICY_DOC_LIST, POLICY_DOCUMENTS, POLICY_READ, &ac,
				err) != 0 ||
	    store_document_list(c->st, &c->arena, id, &ds, &n, err) != 0)
		return -1;
	const char *type = http_request_query(c->req, "type");
	enum doc_type want = DOC_TYPE__COUNT;
	if (type != NULL && doc_type_parse(type, &want) != 0)
		return sw_error_set(err, SW_EINVAL, "type", "unknown document type");
	json_t *items = json_array();
	for (size_t i = 0; items != NULL && i < n; i++) {
		if ((want != DOC_TYPE__COUNT && ds[i].type != want) ||
		    !listed_for(c, &ac, &ds[i]))
			continue;
		if (json_array_append_new(items, document_json(&ds[i], NULL, 0)) != 0) {
			json_decref(items);
			items = NULL;
		}
	}
	return reply(res, 200, items != NULL ? json_pack("{s:o}", "items", items) : NULL, err);
}

/* Answers 201 with the document and all its versions. */
static int document_reply(struct api_call *c, struct http_response *res, unsigned status,
			  int64_t did, struct sw_error *err)
{
	struct store_document d;
	struct store_document_version *vs;
	size_t n;
	if (store_document_get(c->st, &c->arena, did, &d, err) != 0 ||
	    store_document_versions(c->st, &c->arena, did, &vs, &n, err) != 0)
		return -1;
	return reply(res, status, document_json(&d, vs, n), err);
}

/* Records the change and refreshes the deadlines in one transaction. */
static int post_document(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "type", "content", NULL };
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DOCUMENTS, POLICY_WRITE, &ac, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	const char *type = NULL;
	struct store_document d = { .case_id = id };
	struct store_document_version v = { .author_id = c->user->id, .author_role = ac.role };
	struct doc_value *vals;
	struct doc_ctx ctx;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "type", JSON_FIELD_REQUIRED, 64, &type, err) < 0)
		goto out;
	if (doc_type_parse(type, &d.type) != 0) {
		sw_error_set(err, SW_EINVAL, "type", "unknown document type");
		goto out;
	}
	if (may_author(d.type, ac.role, err) != 0 ||
	    content_values(c, body, &vals, &v.nvalues, err) != 0 ||
	    doc_ctx_of(c, id, &ctx, err) != 0 ||
	    api_check_case_date(c, id, doc_date(vals, v.nvalues), "datum", err) != 0)
		goto out;
	v.values = vals;
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	if (store_document_insert(c->st, &d, &v, &ctx, &d.id, err) != 0 ||
	    store_case_refresh_deadlines(c->st, id, c->today, err) != 0) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db, err) != 0)
		goto out;
	rc = document_reply(c, res, 201, d.id, err);
out:
	json_decref(body);
	return rc;
}

static int get_document(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_case ac;
	struct store_document d;
	if (api_document_access(c, POLICY_READ, &ac, &d, err) != 0)
		return -1;
	return document_reply(c, res, 200, d.id, err);
}

static int post_version(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "content", NULL };
	struct api_case ac;
	struct store_document d;
	if (api_document_access(c, POLICY_WRITE, &ac, &d, err) != 0 ||
	    may_author(d.type, ac.role, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1, version;
	struct store_document_version v = { .author_id = c->user->id, .author_role = ac.role };
	struct doc_value *vals;
	struct doc_ctx ctx;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    content_values(c, body, &vals, &v.nvalues, err) != 0 ||
	    doc_ctx_of(c, d.case_id, &ctx, err) != 0 ||
	    api_check_case_date(c, d.case_id, doc_date(vals, v.nvalues), "datum",
				err) != 0)
		goto out;
	v.values = vals;
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	if (store_document_add_version(c->st, d.id, &v, &ctx, &version, err) != 0 ||
	    store_case_refresh_deadlines(c->st, d.case_id, c->today, err) != 0) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db, err) != 0 ||
	    store_document_version_get(c->st, &c->arena, d.id, version, &v, err) != 0)
		goto out;
	rc = reply(res, 201, version_json(d.type, &v), err);
out:
	json_decref(body);
	return rc;
}

/* Path parameter v as a version number. */
static int param_version(struct api_call *c, const char *name, int *out, struct sw_error *err)
{
	int64_t v;
	if (api_param_id(c, name, &v, err) != 0)
		return -1;
	if (v > 1000000)
		return sw_error_set(err, SW_ENOTFOUND, name, "no such version");
	*out = (int)v;
	return 0;
}

static int get_version(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_case ac;
	struct store_document d;
	struct store_document_version v;
	int version = 0;
	if (api_document_access(c, POLICY_READ, &ac, &d, err) != 0 ||
	    param_version(c, "v", &version, err) != 0 ||
	    store_document_version_get(c->st, &c->arena, d.id, version, &v, err) != 0)
		return -1;
	return reply(res, 200, version_json(d.type, &v), err);
}

/* The employee answers the newest version: agreed or not, with a comment
 * (required when not agreed, so the other parties know why). */
static int post_agreement(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	static const char *const fields[] = { "akkoord", "toelichting", NULL };
	struct api_case ac;
	struct store_document d;
	int version = 0;
	if (api_document_access(c, POLICY_WRITE, &ac, &d, err) != 0 ||
	    param_version(c, "v", &version, err) != 0)
		return -1;
	if (ac.role != ROLE_WERKNEMER || ac.kase.employee_id != c->user->id)
		return sw_error_set(err, SW_EDENIED, "", "only the employee answers a document");
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	bool agreed = false;
	const char *comment = NULL;
	struct store_document_version v;
	/* 1000 characters fit the store's 4000 bytes whatever their encoding. */
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_bool(body, "akkoord", JSON_FIELD_REQUIRED, &agreed, err) < 0 ||
	    json_field_string(body, "toelichting", JSON_FIELD_NULLABLE, 1000, &comment,
			      err) < 0)
		goto out;
	if (!agreed && (comment == NULL || comment[strspn(comment, " \t\r\n")] == '\0')) {
		sw_error_set(err, SW_EINVAL, "toelichting", "required when not agreed");
		goto out;
	}
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	if (store_document_answer(c->st, d.id, version, c->user->id, ac.role, agreed, comment,
				  c->today, err) != 0 ||
	    store_case_refresh_deadlines(c->st, d.case_id, c->today, err) != 0) {
		db_rollback(db);
		goto out;
	}
	if (db_commit(db, err) != 0 ||
	    store_document_version_get(c->st, &c->arena, d.id, version, &v, err) != 0)
		goto out;
	rc = reply(res, 201, version_json(d.type, &v), err);
out:
	json_decref(body);
	return rc;
}

/* ---- diff ------------------------------------------------------------------------ */

static int query_version(struct api_call *c, const char *name, int *out, struct sw_error *err)
{
	const char *s = http_request_query(c->req, name);
	char *end;
	long v = s != NULL ? strtol(s, &end, 10) : 0;
	if (s == NULL || *s < '1' || *s > '9' || *end != '\0' || v > 1000000)
		return sw_error_set(err, SW_EINVAL, name, "must be a version number");
	*out = (int)v;
	return 0;
}

/* The hunks of one field's change: text of a and b per hunk. */
static json_t *field_hunks(const char *a, const char *b, struct sw_error *err)
{
	struct diff *df = diff_new(a, strlen(a), b, strlen(b), err);
	if (df == NULL)
		return NULL;
	json_t *hs = json_array();
	for (size_t i = 0; hs != NULL && i < df->n; i++) {
		const struct diff_hunk *h = &df->hunks[i];
		json_t *o = json_pack("{s:s, s:b, s:s%, s:s%}", "op", diff_op_name(h->op), "word",
				      h->word, "old", a + h->a_off, h->a_len, "new", b + h->b_off,
				      h->b_len);
		if (o == NULL || json_array_append_new(hs, o) != 0) {
			json_decref(hs);
			hs = NULL;
		}
	}
	diff_free(df);
	if (hs == NULL)
		oom(err);
	return hs;
}

static int get_diff(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	struct api_case ac;
	struct store_document d;
	struct store_document_version va, vb;
	int from, to;
	if (api_document_access(c, POLICY_READ, &ac, &d, err) != 0 ||
	    query_version(c, "from", &from, err) != 0 || query_version(c, "to", &to, err) != 0 ||
	    store_document_version_get(c->st, &c->arena, d.id, from, &va, err) != 0 ||
	    store_document_version_get(c->st, &c->arena, d.id, to, &vb, err) != 0)
		return -1;
	const struct doc_type_info *t = doc_type_info(d.type);
	json_t *fields = json_array();
	for (size_t i = 0; fields != NULL && i < t->nfields; i++) {
		const struct doc_field *f = &t->fields[i];
		const char *a = doc_value_get(va.values, va.nvalues, f->name);
		const char *b = doc_value_get(vb.values, vb.nvalues, f->name);
		if (a == NULL && b == NULL)
			continue;
		const char *status = a == NULL ? "toegevoegd"
				     : b == NULL ? "verwijderd"
				     : strcmp(a, b) == 0 ? "gelijk" : "gewijzigd";
		json_t *hunks = field_hunks(a != NULL ? a : "", b != NULL ? b : "", err);
		if (hunks == NULL) {
			json_decref(fields);
			return -1;
		}
		json_t *o = json_pack("{s:s, s:s, s:s, s:o, s:o, s:o}", "field", f->name, "label",
				      f->label_nl, "status", status, "old", opt_string(a), "new",
				      opt_string(b), "hunks", hunks);
		if (o == NULL || json_array_append_new(fields, o) != 0) {
			json_decref(fields);
			fields = NULL;
		}
	}
	if (fields == NULL)
		return oom(err);
	return reply(res, 200,
		     json_pack("{s:I, s:i, s:i, s:o}", "document", (json_int_t)d.id, "from", from,
			       "to", to, "fields", fields),
		     err);
}

/* ---- the re-integratieverslag check ----------------------------------------------- */

static json_t *names_of(unsigned bits, int count, const char *(*name)(int))
{
	json_t *a = json_array();
	for (int i = 0; a != NULL && i < count; i++)
		if (bits & (1u << i))
			json_array_append_new(a, json_string(name(i)));
	return a;
}

static const char *doc_name_i(int i)
{
	return doc_type_name((enum doc_type)i);
}

static const char *role_name_i(int i)
{
	return role_name((enum role)i);
}

json_t *api_riv_json(const struct riv_report *r)
{
	json_t *parts = json_array();
	for (int i = 0; parts != NULL && i < RIV_PARTS; i++) {
		const struct riv_part *p = &r->parts[i];
		const char letter[2] = { p->letter, '\0' };
		json_t *o = json_pack(
			"{s:s, s:s, s:s, s:o, s:o, s:o, s:o, s:o, s:b, s:b, s:s}", "part", letter,
			"title", riv_part_title(p->letter), "status", riv_status_name(p->status),
			"documents", names_of(p->docs, DOC_TYPE__COUNT, doc_name_i), "roles",
			names_of(p->roles, ROLE__COUNT, role_name_i), "date", json_date(p->date),
			"needed_from", json_date(p->needed_from), "due", json_date(p->due),
			"te_laat", p->te_laat, "wordt_verouderd", p->wordt_verouderd, "uitleg",
			p->uitleg);
		if (o == NULL || json_array_append_new(parts, o) != 0) {
			json_decref(parts);
			parts = NULL;
		}
	}
	if (parts == NULL)
		return NULL;
	json_t *counts = json_object();
	for (int s = 0; counts != NULL && s < RIV_STATUS__COUNT; s++)
		json_object_set_new(counts, riv_status_name((enum riv_status)s),
				    json_integer(r->counts[s]));
	return json_pack("{s:b, s:o, s:o, s:o, s:o, s:i, s:o}", "ready", r->ready, "riv_due",
			 json_date(r->riv_due), "wia_date", json_date(r->wia_date), "fresh_from",
			 json_date(r->fresh_from), "counts", counts, "wordt_verouderd",
			 r->wordt_verouderd, "parts", parts);
}

static int get_riv(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct store_document *ds;
	size_t n;
	struct tl_timeline *tl;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DOCUMENTS, POLICY_READ, &ac, err) != 0 ||
	    store_document_list(c->st, &c->arena, id, &ds, &n, err) != 0 ||
	    api_case_timeline(c, id, &tl, err) != 0)
		return -1;
	struct riv_report r;
	const int rc = api_riv_report(tl, ds, n, c->today, &r, err);
	free(tl);
	if (rc != 0)
		return -1;
	return reply(res, 200, api_riv_json(&r), err);
}

int api_documents_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	static const char base[] = "/api/v1/cases/{id}/documents";
	static const struct {
		const char *method, *pattern;
		api_handler_fn fn;
	} routes[] = {
		{ "GET", base, list_documents },
		{ "POST", base, post_document },
		{ "GET", "/api/v1/cases/{id}/documents/{did}", get_document },
		{ "POST", "/api/v1/cases/{id}/documents/{did}/versions", post_version },
		{ "GET", "/api/v1/cases/{id}/documents/{did}/versions/{v}", get_version },
		{ "POST", "/api/v1/cases/{id}/documents/{did}/versions/{v}/agreement",
		  post_agreement },
		{ "GET", "/api/v1/cases/{id}/documents/{did}/diff", get_diff },
		{ "GET", "/api/v1/cases/{id}/riv", get_riv },
	};
	for (size_t i = 0; i < sizeof routes / sizeof routes[0]; i++)
		if (api_route(r, app, routes[i].method, routes[i].pattern, routes[i].fn, err) != 0)
			return -1;
	return 0;
}
