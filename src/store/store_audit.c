/* store_audit.c - the append-only audit log of case data access. */
#include "store_int.h"

#include <string.h>

static int check_one_of(const char *s, const char *a, const char *b, const char *field,
			struct sw_error *err)
{
	if (s == NULL || (strcmp(s, a) != 0 && strcmp(s, b) != 0))
		return sw_error_set(err, SW_EINVAL, field, "must be %s or %s", a, b);
	return 0;
}

int store_audit_append(struct store *st, const struct store_audit *a, struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO audit_log (user_id, role, case_id, action, resource, what, outcome,"
		" reason, client_addr) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
	if (check_one_of(a->action, "read", "write", "action", err) != 0 ||
	    check_one_of(a->outcome, "allow", "deny", "outcome", err) != 0 ||
	    store_check_text(a->role, STORE_MAX_NAME, "role", err) != 0 ||
	    store_check_required(a->resource, STORE_MAX_NAME, "resource", err) != 0 ||
	    store_check_required(a->what, STORE_MAX_TEXT, "what", err) != 0 ||
	    store_check_required(a->reason, STORE_MAX_NAME, "reason", err) != 0 ||
	    store_check_text(a->client_addr, STORE_MAX_NAME, "client_addr", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, a->user_id);
	db_bind_text(q, 2, a->role);
	if (a->case_id != 0)
		db_bind_int(q, 3, a->case_id);
	else
		db_bind_null(q, 3);
	db_bind_text(q, 4, a->action);
	db_bind_text(q, 5, a->resource);
	db_bind_text(q, 6, a->what);
	db_bind_text(q, 7, a->outcome);
	db_bind_text(q, 8, a->reason);
	db_bind_text(q, 9, a->client_addr != NULL ? a->client_addr : "");
	return db_run(q, err);
}

static int read_audit(struct db_stmt *q, struct store_arena *ar, void *item, struct sw_error *err)
{
	struct store_audit *a = item;
	a->id = db_col_int(q, 0);
	a->at = store_arena_strdup(ar, db_col_text(q, 1));
	a->user_id = db_col_int(q, 2);
	a->user_name = store_arena_strdup(ar, db_col_text(q, 3));
	a->role = store_arena_strdup(ar, db_col_text(q, 4));
	a->case_id = db_col_int(q, 5);
	a->action = store_arena_strdup(ar, db_col_text(q, 6));
	a->resource = store_arena_strdup(ar, db_col_text(q, 7));
	a->what = store_arena_strdup(ar, db_col_text(q, 8));
	a->outcome = store_arena_strdup(ar, db_col_text(q, 9));
	a->reason = store_arena_strdup(ar, db_col_text(q, 10));
	a->client_addr = store_arena_strdup(ar, db_col_text(q, 11));
	if (a->at == NULL || a->action == NULL || a->resource == NULL || a->what == NULL ||
	    a->outcome == NULL || a->reason == NULL || a->client_addr == NULL ||
	    (a->user_name == NULL && !db_col_isnull(q, 3)) || (a->role == NULL && !db_col_isnull(q, 4)))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_audit_list_case(struct store *st, struct store_arena *a, int64_t case_id, int limit,
			  struct store_audit **out, size_t *n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT l.id, l.at, l.user_id, u.name, l.role, l.case_id, l.action, l.resource,"
		" l.what, l.outcome, l.reason, l.client_addr"
		" FROM audit_log l LEFT JOIN users u ON u.id = l.user_id"
		" WHERE l.case_id = $1 ORDER BY l.id DESC LIMIT $2";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	db_bind_int(q, 2, limit > 0 ? limit : INT64_MAX);
	return store_collect(q, a, sizeof **out, read_audit, (void **)out, n, err);
}
