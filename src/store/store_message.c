/* store_message.c - messages between the participants of a case. */
#include "store_int.h"

#include <string.h>

#define MESSAGE_COLS \
	"m.id, m.case_id, m.author_id, u.name, m.author_role, m.body, m.created_at"

static int read_message(struct db_stmt *q, struct store_arena *a, void *item,
			struct sw_error *err)
{
	struct store_message *m = item;
	m->id = db_col_int(q, 0);
	m->case_id = db_col_int(q, 1);
	m->author_id = db_col_int(q, 2);
	m->author_name = store_arena_strdup(a, db_col_text(q, 3));
	if (role_parse(db_col_text(q, 4), &m->author_role) != 0)
		return sw_error_set(err, SW_EINTERNAL, "author_role", "message %lld: unknown role",
				    (long long)m->id);
	m->body = store_arena_strdup(a, db_col_text(q, 5));
	m->created_at = store_arena_strdup(a, db_col_text(q, 6));
	if (m->body == NULL || m->created_at == NULL ||
	    (m->author_name == NULL && !db_col_isnull(q, 3)))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_message_insert(struct store *st, const struct store_message *m, int64_t *id,
			 struct sw_error *err)
{
	static const char sql[] = "INSERT INTO messages (case_id, author_id, author_role, body)"
				  " VALUES ($1, $2, $3, $4) RETURNING id";
	if ((unsigned)m->author_role >= ROLE__COUNT || m->author_role == ROLE_BEHEERDER)
		return sw_error_set(err, SW_EINVAL, "author_role", "not a case role");
	if (store_check_required(m->body, 4 * STORE_MESSAGE_MAX_CHARS, "body", err) != 0 ||
	    store_case_exists(st, m->case_id, "case_id", err) != 0 ||
	    store_user_exists(st, m->author_id, "author_id", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, m->case_id);
	db_bind_int(q, 2, m->author_id);
	db_bind_text(q, 3, role_name(m->author_role));
	db_bind_text(q, 4, m->body);
	return db_run_id(q, id, err);
}

int store_message_get(struct store *st, struct store_arena *a, int64_t id,
		      struct store_message *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " MESSAGE_COLS
				  " FROM messages m LEFT JOIN users u ON u.id = m.author_id"
				  " WHERE m.id = $1";
	return store_get_by_id(st, sql, id, a, read_message, out, "id", err);
}

int store_message_list(struct store *st, struct store_arena *a, int64_t case_id, int limit,
		       struct store_message **out, size_t *n, struct sw_error *err)
{
	/* The newest limit rows, turned oldest first. */
	static const char sql[] = "SELECT * FROM (SELECT " MESSAGE_COLS
				  " FROM messages m LEFT JOIN users u ON u.id = m.author_id"
				  " WHERE m.case_id = $1 ORDER BY m.id DESC LIMIT $2) newest"
				  " ORDER BY id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	db_bind_int(q, 2, limit > 0 ? limit : INT64_MAX);
	return store_collect(q, a, sizeof **out, read_message, (void **)out, n, err);
}

int store_message_page(struct store *st, struct store_arena *a, int64_t case_id, int64_t offset,
		       int limit, struct store_message **out, size_t *n, int64_t *total,
		       struct sw_error *err)
{
	static const char count_sql[] = "SELECT COUNT(*) FROM messages WHERE case_id = $1";
	static const char sql[] = "SELECT * FROM (SELECT " MESSAGE_COLS
				  " FROM messages m LEFT JOIN users u ON u.id = m.author_id"
				  " WHERE m.case_id = $1 ORDER BY m.id DESC LIMIT $2 OFFSET $3) page"
				  " ORDER BY id";
	struct db_stmt *q = store_stmt(st, count_sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	if (db_run_id(q, total, err) != 0 || (q = store_stmt(st, sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	db_bind_int(q, 2, limit > 0 ? limit : INT64_MAX);
	db_bind_int(q, 3, offset);
	return store_collect(q, a, sizeof **out, read_message, (void **)out, n, err);
}
