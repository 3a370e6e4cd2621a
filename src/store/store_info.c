/* store_info.c - read receipts of the information modules. */
#include "store_int.h"

int store_info_read_mark(struct store *st, int64_t case_id, int64_t user_id, const char *module,
			 struct sw_error *err)
{
	/* Both backends know ON CONFLICT: a second read keeps the first. */
	static const char sql[] = "INSERT INTO info_reads (case_id, user_id, module)"
				  " VALUES ($1, $2, $3)"
				  " ON CONFLICT (case_id, user_id, module) DO NOTHING";
	if (store_check_required(module, STORE_MAX_NAME, "module", err) != 0 ||
	    store_case_exists(st, case_id, "case_id", err) != 0 ||
	    store_user_exists(st, user_id, "user_id", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	db_bind_int(q, 2, user_id);
	db_bind_text(q, 3, module);
	return db_run(q, err);
}

static int read_receipt(struct db_stmt *q, struct store_arena *a, void *item,
			struct sw_error *err)
{
	struct store_info_read *r = item;
	r->module = store_arena_strdup(a, db_col_text(q, 0));
	r->read_at = store_arena_strdup(a, db_col_text(q, 1));
	if (r->module == NULL || r->read_at == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_info_read_list(struct store *st, struct store_arena *a, int64_t case_id,
			 int64_t user_id, struct store_info_read **out, size_t *n,
			 struct sw_error *err)
{
	static const char sql[] = "SELECT module, read_at FROM info_reads"
				  " WHERE case_id = $1 AND user_id = $2 ORDER BY module";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	db_bind_int(q, 2, user_id);
	return store_collect(q, a, sizeof **out, read_receipt, (void **)out, n, err);
}
