/* store_document.c - the dossier: documents, their versions (never changed,
 * a bijstelling is the next version), the employee's answers and the
 * timeline events a document completes. Content is validated by core/doc
 * and kept as a JSON object of the field values. */
#include "store_int.h"

#include "core/steps.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- content as JSON ------------------------------------------------------ */

/* The values as a JSON object text (caller frees); NULL when out of memory. */
static char *content_dump(const struct doc_value *values, size_t n)
{
	json_t *o = json_object();
	if (o == NULL)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		if (values[i].value == NULL || values[i].value[0] == '\0')
			continue;
		if (json_object_set_new(o, values[i].name, json_string(values[i].value)) != 0) {
			json_decref(o);
			return NULL;
		}
	}
	char *s = json_dumps(o, JSON_COMPACT);
	json_decref(o);
	return s;
}

/* Parses stored content into values in the arena. */
static int content_load(struct store_arena *a, const char *text, const struct doc_value **out,
			size_t *n, struct sw_error *err)
{
	json_t *o = json_loads(text != NULL ? text : "", 0, NULL);
	if (!json_is_object(o)) {
		json_decref(o);
		return sw_error_set(err, SW_EINTERNAL, "content", "stored content is not an object");
	}
	const size_t count = json_object_size(o);
	struct doc_value *vs = count > 0 ? store_arena_alloc(a, count * sizeof *vs) : NULL;
	size_t k = 0;
	const char *key;
	json_t *v;
	int rc = count > 0 && vs == NULL ? -1 : 0;
	json_object_foreach(o, key, v) {
		if (rc != 0 || k == count)
			break;
		vs[k].name = store_arena_strdup(a, key);
		vs[k].value = store_arena_strdup(a, json_string_value(v));
		if (vs[k].name == NULL || vs[k].value == NULL)
			rc = -1;
		k++;
	}
	json_decref(o);
	if (rc != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	*out = vs;
	*n = k;
	return 0;
}

/* ---- reading ---------------------------------------------------------------- */

#define DOC_COLS                                                                          \
	"d.id, d.case_id, d.type, d.created_by, d.created_role, d.created_at, v.id,"     \
	" v.version, v.content, v.doc_date, v.author_id, u.name, v.author_role,"       \
	" v.created_at, g.agreed, g.answered_on, g.user_id, g.comment"
#define DOC_FROM                                                                          \
	" FROM documents d JOIN document_versions v ON v.document_id = d.id"              \
	" LEFT JOIN users u ON u.id = v.author_id"                                        \
	" LEFT JOIN document_agreements g ON g.version_id = v.id"
#define NEWEST " v.version = (SELECT MAX(version) FROM document_versions WHERE document_id = d.id)"

static int read_version(struct db_stmt *q, struct store_arena *a, enum doc_type type,
			struct store_document_version *v, struct sw_error *err)
{
	v->id = db_col_int(q, 6);
	v->document_id = db_col_int(q, 0);
	v->version = (int)db_col_int(q, 7);
	if (content_load(a, db_col_text(q, 8), &v->values, &v->nvalues, err) != 0)
		return -1;
	v->date = db_col_date(q, 9);
	v->author_id = db_col_int(q, 10);
	v->author_name = store_arena_strdup(a, db_col_text(q, 11));
	if (role_parse(db_col_text(q, 12), &v->author_role) != 0)
		return sw_error_set(err, SW_EINTERNAL, "author_role", "version %lld: unknown role",
				    (long long)v->id);
	v->created_at = store_arena_strdup(a, db_col_text(q, 13));
	v->comment = store_arena_strdup(a, db_col_text(q, 17));
	if (doc_type_info(type)->approval == DOC_APPROVAL_NONE) {
		v->approval = DOC_APPROVAL_NVT;
	} else if (db_col_isnull(q, 14)) {
		v->approval = DOC_APPROVAL_OPEN;
	} else {
		v->approval = db_col_int(q, 14) ? DOC_APPROVAL_GEGEVEN : DOC_APPROVAL_GEWEIGERD;
	}
	v->answered_on = db_col_date(q, 15);
	v->answered_by = db_col_int(q, 16);
	if (v->created_at == NULL || (v->author_name == NULL && !db_col_isnull(q, 11)) ||
	    (v->comment == NULL && !db_col_isnull(q, 17)))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

static int read_document(struct db_stmt *q, struct store_arena *a, void *item,
			 struct sw_error *err)
{
	struct store_document *d = item;
	d->id = db_col_int(q, 0);
	d->case_id = db_col_int(q, 1);
	if (doc_type_parse(db_col_text(q, 2), &d->type) != 0 ||
	    role_parse(db_col_text(q, 4), &d->created_role) != 0)
		return sw_error_set(err, SW_EINTERNAL, "type", "document %lld: unknown type or role",
				    (long long)d->id);
	d->created_by = db_col_int(q, 3);
	d->created_at = store_arena_strdup(a, db_col_text(q, 5));
	if (d->created_at == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return read_version(q, a, d->type, &d->latest, err);
}

/* A version row: the type is in column 2. */
static int read_version_row(struct db_stmt *q, struct store_arena *a, void *item,
			    struct sw_error *err)
{
	enum doc_type type;
	if (doc_type_parse(db_col_text(q, 2), &type) != 0)
		return sw_error_set(err, SW_EINTERNAL, "type", "unknown document type");
	return read_version(q, a, type, item, err);
}

int store_document_get(struct store *st, struct store_arena *a, int64_t id,
		       struct store_document *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " DOC_COLS DOC_FROM " WHERE d.id = $1 AND" NEWEST;
	return store_get_by_id(st, sql, id, a, read_document, out, "id", err);
}

int store_document_list(struct store *st, struct store_arena *a, int64_t case_id,
			struct store_document **out, size_t *n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT " DOC_COLS DOC_FROM " WHERE d.case_id = $1 AND" NEWEST " ORDER BY d.id";
	return store_list_by_case(st, sql, case_id, a, sizeof **out, read_document, (void **)out,
				  n, err);
}

int store_document_versions(struct store *st, struct store_arena *a, int64_t document_id,
			    struct store_document_version **out, size_t *n,
			    struct sw_error *err)
{
	static const char sql[] =
		"SELECT " DOC_COLS DOC_FROM " WHERE d.id = $1 ORDER BY v.version";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, document_id);
	return store_collect(q, a, sizeof **out, read_version_row, (void **)out, n, err);
}

int store_document_version_get(struct store *st, struct store_arena *a, int64_t document_id,
			       int version, struct store_document_version *out,
			       struct sw_error *err)
{
	static const char sql[] =
		"SELECT " DOC_COLS DOC_FROM " WHERE d.id = $1 AND v.version = $2";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, document_id);
	db_bind_int(q, 2, version);
	return store_fetch_one(q, a, read_version_row, out, "version", err);
}

/* ---- the events a document completes -------------------------------------- */

/* Replaces the document's events by those of this version (doc_events),
 * keeping a recorded plan van aanpak event, then checks the history. */
static int sync_events(struct store *st, int64_t case_id, int64_t document_id,
		       enum doc_type type, const struct store_document_version *v,
		       const struct doc_approval *approval, struct sw_error *err)
{
	static const char pva_sql[] =
		"SELECT 1 FROM events WHERE document_id = $1 AND kind = 'plan_van_aanpak'";
	static const char delete_sql[] =
		"DELETE FROM events WHERE document_id = $1 AND kind <> 'plan_van_aanpak'";
	static const char insert_sql[] =
		"INSERT INTO events (case_id, kind, event_date, value, note, created_by,"
		" document_id) VALUES ($1, $2, $3, 0, $4, $5, $6) RETURNING id";
	struct tl_event evs[DOC_MAX_EVENTS];
	const size_t nev = doc_events(type, v->values, v->nvalues, approval, evs);
	struct db_stmt *q = store_stmt(st, pva_sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, document_id);
	const int has_pva = db_next(q, err);
	if (has_pva < 0)
		return -1;
	db_reset(q);
	if ((q = store_stmt(st, delete_sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, document_id);
	if (db_run(q, err) != 0)
		return -1;
	char note[96];
	snprintf(note, sizeof note, "%s, versie %d", doc_type_info(type)->title_nl, v->version);
	for (size_t i = 0; i < nev; i++) {
		if (evs[i].kind == TL_EV_PLAN_VAN_AANPAK && has_pva)
			continue;
		int64_t id;
		if ((q = store_stmt(st, insert_sql, err)) == NULL)
			return -1;
		db_bind_int(q, 1, case_id);
		db_bind_text(q, 2, tl_event_kind_name(evs[i].kind));
		db_bind_date(q, 3, evs[i].date);
		db_bind_text(q, 4, note);
		db_bind_int(q, 5, v->author_id);
		db_bind_int(q, 6, document_id);
		if (db_run_id(q, &id, err) != 0)
			return -1;
	}
	return store_check_case_history(st, case_id, err);
}

/* ---- writing ------------------------------------------------------------------ */

/* Validates v as version `version` of a document of type. */
static int check_version(enum doc_type type, const struct store_document_version *v,
			 const struct doc_ctx *ctx, int version, struct sw_error *err)
{
	if ((unsigned)v->author_role >= ROLE__COUNT || v->author_role == ROLE_BEHEERDER)
		return sw_error_set(err, SW_EINVAL, "author_role", "not a case role");
	struct doc_ctx c = *ctx;
	c.version = version;
	if (doc_validate(type, &c, v->values, v->nvalues, err) != DOC_OK)
		return -1;
	return 0;
}

/* Inserts the version row; the caller holds the transaction. */
static int insert_version(struct store *st, int64_t document_id, int version,
			  const struct store_document_version *v, struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO document_versions (document_id, version, content, doc_date,"
		" author_id, author_role) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
	char *content = content_dump(v->values, v->nvalues);
	if (content == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	struct db_stmt *q = store_stmt(st, sql, err);
	int64_t id;
	int rc = -1;
	if (q != NULL) {
		db_bind_int(q, 1, document_id);
		db_bind_int(q, 2, version);
		db_bind_text(q, 3, content);
		db_bind_date(q, 4, doc_date(v->values, v->nvalues));
		db_bind_int(q, 5, v->author_id);
		db_bind_text(q, 6, role_name(v->author_role));
		rc = db_run_id(q, &id, err);
	}
	free(content);
	return rc;
}

/* The events of a version that has no answer yet. */
static int sync_new(struct store *st, int64_t case_id, int64_t document_id, enum doc_type type,
		    const struct store_document_version *v, int version, struct sw_error *err)
{
	struct store_document_version nv = *v;
	nv.version = version;
	const struct doc_approval open = {
		doc_type_info(type)->approval == DOC_APPROVAL_NONE ? DOC_APPROVAL_NVT
								  : DOC_APPROVAL_OPEN,
		DATE_NONE
	};
	return sync_events(st, case_id, document_id, type, &nv, &open, err);
}

/* A type that completes a once-per-case step (src/core/steps.c) exists at
 * most once per case: the next one is a version of it. Locks the case so
 * that two writers at once see each other. Inside a transaction. */
static int check_once(struct store *st, const struct store_document *d, struct sw_error *err)
{
	static const char sql[] = "SELECT id FROM documents WHERE case_id = $1 AND type = $2"
				  " ORDER BY id LIMIT 1";
	const struct steps_info *step = steps_of_document(d->type);
	if (step == NULL || !step->once)
		return 0;
	if (store_case_lock(st, d->case_id, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, d->case_id);
	db_bind_text(q, 2, doc_type_name(d->type));
	const int rc = db_next(q, err);
	if (rc <= 0)
		return rc;
	const long long did = (long long)db_col_int(q, 0);
	db_reset(q);
	return sw_error_set(err, SW_ECONFLICT, "type",
			    "the case already has a %s (document %lld): add a version with"
			    " POST /api/v1/cases/%lld/documents/%lld/versions",
			    doc_type_name(d->type), did, (long long)d->case_id, did);
}

int store_document_insert(struct store *st, const struct store_document *d,
			  const struct store_document_version *v, const struct doc_ctx *ctx,
			  int64_t *id, struct sw_error *err)
{
	static const char sql[] = "INSERT INTO documents (case_id, type, created_by, created_role)"
				  " VALUES ($1, $2, $3, $4) RETURNING id";
	if (doc_type_info(d->type) == NULL)
		return sw_error_set(err, SW_EINVAL, "type", "unknown document type");
	if (check_version(d->type, v, ctx, 1, err) != 0 ||
	    store_case_exists(st, d->case_id, "case_id", err) != 0 ||
	    store_user_exists(st, v->author_id, "author_id", err) != 0)
		return -1;
	struct db *db = st->db;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	if (check_once(st, d, err) != 0)
		goto fail;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, d->case_id);
	db_bind_text(q, 2, doc_type_name(d->type));
	db_bind_int(q, 3, v->author_id);
	db_bind_text(q, 4, role_name(v->author_role));
	if (db_run_id(q, id, err) != 0 || insert_version(st, *id, 1, v, err) != 0 ||
	    sync_new(st, d->case_id, *id, d->type, v, 1, err) != 0)
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}

int store_document_add_version(struct store *st, int64_t document_id,
			       const struct store_document_version *v, const struct doc_ctx *ctx,
			       int *version, struct sw_error *err)
{
	struct store_arena a = { 0 };
	struct store_document d;
	struct db *db = st->db;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	/* Read inside the transaction: two concurrent bijstellingen get
	 * different numbers or one fails on the unique (document, version). */
	if (store_document_get(st, &a, document_id, &d, err) != 0)
		goto fail;
	*version = d.latest.version + 1;
	if (check_version(d.type, v, ctx, *version, err) != 0 ||
	    store_user_exists(st, v->author_id, "author_id", err) != 0 ||
	    insert_version(st, document_id, *version, v, err) != 0 ||
	    sync_new(st, d.case_id, document_id, d.type, v, *version, err) != 0)
		goto fail;
	store_arena_free(&a);
	return db_commit(db, err);
fail:
	store_arena_free(&a);
	db_rollback(db);
	return -1;
}

int store_document_answer(struct store *st, int64_t document_id, int version, int64_t user_id,
			  enum role role, int agreed, const char *comment, sw_date on,
			  struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO document_agreements (version_id, user_id, role, agreed, comment,"
		" answered_on) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
	if (on == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "answered_on", "required");
	if (store_check_text(comment, STORE_MAX_TEXT, "toelichting", err) != 0)
		return -1;
	struct store_arena a = { 0 };
	struct store_document d;
	struct db *db = st->db;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	if (store_document_get(st, &a, document_id, &d, err) != 0)
		goto fail;
	if (doc_type_info(d.type)->approval == DOC_APPROVAL_NONE) {
		sw_error_set(err, SW_ECONFLICT, "version", "this document type asks no agreement");
		goto fail;
	}
	if (version != d.latest.version) {
		if (version < 1 || version > d.latest.version)
			sw_error_set(err, SW_ENOTFOUND, "version", "no such version");
		else
			sw_error_set(err, SW_ECONFLICT, "version",
				     "only the newest version (%d) can be answered",
				     d.latest.version);
		goto fail;
	}
	if (d.latest.approval != DOC_APPROVAL_OPEN) {
		sw_error_set(err, SW_ECONFLICT, "version", "this version is already answered");
		goto fail;
	}
	struct db_stmt *q = store_stmt(st, sql, err);
	int64_t id;
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, d.latest.id);
	db_bind_int(q, 2, user_id);
	db_bind_text(q, 3, role_name(role));
	db_bind_int(q, 4, agreed ? 1 : 0);
	db_bind_text(q, 5, comment);
	db_bind_date(q, 6, on);
	if (db_run_id(q, &id, err) != 0)
		goto fail;
	const struct doc_approval ap = { agreed ? DOC_APPROVAL_GEGEVEN : DOC_APPROVAL_GEWEIGERD, on };
	if (sync_events(st, d.case_id, document_id, d.type, &d.latest, &ap, err) != 0)
		goto fail;
	store_arena_free(&a);
	return db_commit(db, err);
fail:
	store_arena_free(&a);
	db_rollback(db);
	return -1;
}
