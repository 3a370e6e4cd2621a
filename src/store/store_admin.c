/* store_admin.c - what the beheerder needs of organisations and accounts:
 * filtered pages, changes, deactivation. Accounts are read without their
 * password hash, so that no answer built from them can carry it. */
#include "store_int.h"

#include <string.h>

/* The LIKE pattern "%q%" in lower case with %, _ and \ escaped (ESCAPE
 * '\'); "" for no filter. -1 when q is too long. */
static int like_pattern(const char *q, char out[2 * STORE_MAX_NAME + 3])
{
	size_t j = 0;
	out[0] = '\0';
	if (q == NULL || *q == '\0')
		return 0;
	if (strlen(q) > STORE_MAX_NAME)
		return -1;
	out[j++] = '%';
	for (const char *p = q; *p; p++) {
		const char c = *p;
		if (c == '%' || c == '_' || c == '\\')
			out[j++] = '\\';
		out[j++] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	out[j++] = '%';
	out[j] = '\0';
	return 0;
}

/* ---- organisations ------------------------------------------------------ */

#define ORG_WHERE " WHERE ($1 = '' OR kind = $1) AND ($2 = '' OR LOWER(name) LIKE $2 ESCAPE '\\')"

int store_org_search(struct store *st, struct store_arena *a, const struct store_org_filter *f,
		     struct store_org **out, size_t *n, int64_t *total, struct sw_error *err)
{
	static const char count_sql[] = "SELECT COUNT(*) FROM organisations" ORG_WHERE;
	static const char sql[] = "SELECT " STORE_ORG_COLS " FROM organisations" ORG_WHERE
				  " ORDER BY id LIMIT $3 OFFSET $4";
	char like[2 * STORE_MAX_NAME + 3];
	if (like_pattern(f->q, like) != 0)
		return sw_error_set(err, SW_EINVAL, "q", "longer than %d bytes", STORE_MAX_NAME);
	const char *kind = f->kind < 0 ? "" : store_org_kind_name((enum store_org_kind)f->kind);
	struct db_stmt *q = store_stmt(st, count_sql, err);
	if (q == NULL)
		return -1;
	db_bind_text(q, 1, kind);
	db_bind_text(q, 2, like);
	if (db_run_id(q, total, err) != 0 || (q = store_stmt(st, sql, err)) == NULL)
		return -1;
	db_bind_text(q, 1, kind);
	db_bind_text(q, 2, like);
	db_bind_int(q, 3, f->limit > 0 ? f->limit : INT64_MAX);
	db_bind_int(q, 4, f->offset);
	return store_collect(q, a, sizeof **out, store_read_org, (void **)out, n, err);
}

int store_org_update(struct store *st, const struct store_org *org, struct sw_error *err)
{
	static const char sql[] = "UPDATE organisations SET name = $2, kind = $3 WHERE id = $1"
				  " RETURNING id";
	if (store_check_required(org->name, STORE_MAX_NAME, "name", err) != 0)
		return -1;
	if ((unsigned)org->kind >= STORE_ORG_KIND__COUNT)
		return sw_error_set(err, SW_EINVAL, "kind",
				    "must be werkgever, netwerk, arbodienst or re-integratiebedrijf");
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, org->id);
	db_bind_text(q, 2, org->name);
	db_bind_text(q, 3, store_org_kind_name(org->kind));
	int64_t id;
	struct sw_error e;
	if (db_run_id(q, &id, &e) == 0)
		return 0;
	if (e.code == SW_ENOTFOUND)
		return sw_error_set(err, SW_ENOTFOUND, "id", "no such organisation");
	if (err != NULL)
		*err = e;
	return -1;
}

/* ---- accounts ----------------------------------------------------------- */

#define ACCOUNT_COLS STORE_ACCOUNT_COLS

int store_read_account(struct db_stmt *q, struct store_arena *a, void *item,
		       struct sw_error *err)
{
	struct store_account *u = item;
	u->id = db_col_int(q, 0);
	u->email = store_arena_strdup(a, db_col_text(q, 1));
	u->name = store_arena_strdup(a, db_col_text(q, 2));
	u->organisation_id = db_col_int(q, 3);
	u->is_beheerder = db_col_int(q, 4) != 0;
	u->active = db_col_int(q, 5) != 0;
	u->has_password = db_col_int(q, 6) != 0;
	u->created_at = store_arena_strdup(a, db_col_text(q, 7));
	if (u->email == NULL || u->name == NULL || u->created_at == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_account_get(struct store *st, struct store_arena *a, int64_t id,
		      struct store_account *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " ACCOUNT_COLS " FROM users WHERE id = $1";
	return store_get_by_id(st, sql, id, a, store_read_account, out, "id", err);
}

#define ACCOUNT_WHERE                                                                 \
	" WHERE (CAST($1 AS BIGINT) = 0 OR organisation_id = $1)"                     \
	" AND ($2 = '' OR LOWER(name) LIKE $2 ESCAPE '\\' OR email LIKE $2 ESCAPE '\\')" \
	" AND (CAST($3 AS INTEGER) < 0 OR active = $3)"

int store_account_search(struct store *st, struct store_arena *a,
			 const struct store_account_filter *f, struct store_account **out,
			 size_t *n, int64_t *total, struct sw_error *err)
{
	static const char count_sql[] = "SELECT COUNT(*) FROM users" ACCOUNT_WHERE;
	static const char sql[] = "SELECT " ACCOUNT_COLS " FROM users" ACCOUNT_WHERE
				  " ORDER BY id LIMIT $4 OFFSET $5";
	char like[2 * STORE_MAX_NAME + 3];
	if (like_pattern(f->q, like) != 0)
		return sw_error_set(err, SW_EINVAL, "q", "longer than %d bytes", STORE_MAX_NAME);
	struct db_stmt *q = store_stmt(st, count_sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, f->organisation_id);
	db_bind_text(q, 2, like);
	db_bind_int(q, 3, f->active);
	if (db_run_id(q, total, err) != 0 || (q = store_stmt(st, sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, f->organisation_id);
	db_bind_text(q, 2, like);
	db_bind_int(q, 3, f->active);
	db_bind_int(q, 4, f->limit > 0 ? f->limit : INT64_MAX);
	db_bind_int(q, 5, f->offset);
	return store_collect(q, a, sizeof **out, store_read_account, (void **)out, n, err);
}

int store_account_update(struct store *st, const struct store_account *acc,
			 struct sw_error *err)
{
	static const char sql[] = "UPDATE users SET name = $2, organisation_id = $3,"
				  " is_beheerder = $4, active = $5 WHERE id = $1 RETURNING id";
	static const char end_sql[] = "DELETE FROM sessions WHERE user_id = $1";
	if (store_check_required(acc->name, STORE_MAX_NAME, "name", err) != 0)
		return -1;
	if (acc->organisation_id != 0 &&
	    store_org_exists(st, acc->organisation_id, "organisation_id", err) != 0)
		return -1;
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, acc->id);
	db_bind_text(q, 2, acc->name);
	if (acc->organisation_id != 0)
		db_bind_int(q, 3, acc->organisation_id);
	else
		db_bind_null(q, 3);
	db_bind_int(q, 4, acc->is_beheerder ? 1 : 0);
	db_bind_int(q, 5, acc->active ? 1 : 0);
	int64_t id;
	struct sw_error e;
	if (db_run_id(q, &id, &e) != 0) {
		if (e.code == SW_ENOTFOUND)
			sw_error_set(err, SW_ENOTFOUND, "id", "no such user");
		else if (err != NULL)
			*err = e;
		goto fail;
	}
	/* A deactivated account is logged out everywhere, at once. */
	if (!acc->active) {
		if ((q = store_stmt(st, end_sql, err)) == NULL)
			goto fail;
		db_bind_int(q, 1, acc->id);
		if (db_run(q, err) != 0)
			goto fail;
	}
	return db_commit(st->db, err);
fail:
	db_rollback(st->db);
	return -1;
}
