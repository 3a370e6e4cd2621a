/* store_auth.c - what login needs: the beheerder flag, passwords, the
 * failed-login counter with its lockout, and sessions. */
#include "store_int.h"

#include <stdio.h>
#include <time.h>

void store_timestamp(int64_t t, char out[STORE_TS_LEN])
{
	const time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	if (strftime(out, STORE_TS_LEN, "%Y-%m-%d %H:%M:%S+00", &tm) == 0)
		out[0] = '\0';
}

/* Runs an "UPDATE users ... WHERE id = $1 RETURNING id" and names an
 * unknown user as field "user_id"; *returned is the RETURNING value. */
static int update_user(struct db_stmt *q, int64_t *returned, struct sw_error *err)
{
	struct sw_error e;
	if (db_run_id(q, returned, &e) == 0)
		return 0;
	if (e.code == SW_ENOTFOUND)
		return sw_error_set(err, SW_ENOTFOUND, "user_id", "no such user");
	if (err != NULL)
		*err = e;
	return -1;
}

/* ---- users -------------------------------------------------------------- */

static int read_user_auth(struct db_stmt *q, struct store_arena *a, void *item,
			  struct sw_error *err)
{
	struct store_user_auth *u = item;
	u->user_id = db_col_int(q, 0);
	u->is_beheerder = db_col_int(q, 1) != 0;
	u->failed_logins = (int)db_col_int(q, 2);
	u->locked_until = store_arena_strdup(a, db_col_text(q, 3));
	if (u->locked_until == NULL && !db_col_isnull(q, 3))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_user_auth_get(struct store *st, struct store_arena *a, int64_t user_id,
			struct store_user_auth *out, struct sw_error *err)
{
	static const char sql[] = "SELECT id, is_beheerder, failed_logins, locked_until"
				  " FROM users WHERE id = $1";
	return store_get_by_id(st, sql, user_id, a, read_user_auth, out, "user_id", err);
}

int store_user_set_password(struct store *st, int64_t user_id, const char *hash,
			    struct sw_error *err)
{
	static const char sql[] = "UPDATE users SET password_hash = $2 WHERE id = $1 RETURNING id";
	if (store_check_text(hash, STORE_MAX_NAME, "password_hash", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, user_id);
	db_bind_text(q, 2, hash);
	int64_t id;
	return update_user(q, &id, err);
}

int store_user_set_beheerder(struct store *st, int64_t user_id, int is_beheerder,
			     struct sw_error *err)
{
	static const char sql[] = "UPDATE users SET is_beheerder = $2 WHERE id = $1 RETURNING id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, user_id);
	db_bind_int(q, 2, is_beheerder ? 1 : 0);
	int64_t id;
	return update_user(q, &id, err);
}

/* Counting and locking in one transaction: of concurrent failures each
 * counts, and the one that reaches the limit is the one that locks. */
int store_user_login_failed(struct store *st, int64_t user_id, int64_t now, int *locked,
			    struct sw_error *err)
{
	static const char count_sql[] = "UPDATE users SET failed_logins = failed_logins + 1"
					" WHERE id = $1 RETURNING failed_logins";
	static const char lock_sql[] = "UPDATE users SET failed_logins = 0, locked_until = $2"
				       " WHERE id = $1 RETURNING id";
	if (locked != NULL)
		*locked = 0;
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, count_sql, err);
	int64_t failures = 0;
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, user_id);
	/* The RETURNING value is the new count, read like an id. */
	if (update_user(q, &failures, err) != 0)
		goto fail;
	if (failures >= STORE_LOGIN_MAX_FAILURES) {
		char until[STORE_TS_LEN];
		int64_t id;
		store_timestamp(now + STORE_LOCKOUT_SECONDS, until);
		if ((q = store_stmt(st, lock_sql, err)) == NULL)
			goto fail;
		db_bind_int(q, 1, user_id);
		db_bind_text(q, 2, until);
		if (update_user(q, &id, err) != 0)
			goto fail;
		if (locked != NULL)
			*locked = 1;
	}
	return db_commit(st->db, err);
fail:
	db_rollback(st->db);
	return -1;
}

int store_user_login_ok(struct store *st, int64_t user_id, struct sw_error *err)
{
	static const char sql[] = "UPDATE users SET failed_logins = 0, locked_until = NULL"
				  " WHERE id = $1 RETURNING id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, user_id);
	int64_t id;
	return update_user(q, &id, err);
}

/* ---- sessions ----------------------------------------------------------- */

#define SESSION_COLS "id, token_digest, user_id, csrf_token, created_at, expires_at, last_seen_at"

static int read_session(struct db_stmt *q, struct store_arena *a, void *item,
			struct sw_error *err)
{
	struct store_session *s = item;
	s->id = db_col_int(q, 0);
	s->token_digest = store_arena_strdup(a, db_col_text(q, 1));
	s->user_id = db_col_int(q, 2);
	s->csrf_token = store_arena_strdup(a, db_col_text(q, 3));
	s->created_at = store_arena_strdup(a, db_col_text(q, 4));
	s->expires_at = store_arena_strdup(a, db_col_text(q, 5));
	s->last_seen_at = store_arena_strdup(a, db_col_text(q, 6));
	if (s->token_digest == NULL || s->csrf_token == NULL || s->created_at == NULL ||
	    s->expires_at == NULL || s->last_seen_at == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_session_insert(struct store *st, const struct store_session *s, int64_t *id,
			 struct sw_error *err)
{
	static const char sql[] = "INSERT INTO sessions (token_digest, user_id, csrf_token, expires_at)"
				  " VALUES ($1, $2, $3, $4) RETURNING id";
	if (store_check_required(s->token_digest, STORE_MAX_NAME, "token_digest", err) != 0 ||
	    store_check_required(s->csrf_token, STORE_MAX_NAME, "csrf_token", err) != 0 ||
	    store_check_required(s->expires_at, STORE_TS_LEN, "expires_at", err) != 0 ||
	    store_user_exists(st, s->user_id, "user_id", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_text(q, 1, s->token_digest);
	db_bind_int(q, 2, s->user_id);
	db_bind_text(q, 3, s->csrf_token);
	db_bind_text(q, 4, s->expires_at);
	return db_run_id(q, id, err);
}

int store_session_get_by_digest(struct store *st, struct store_arena *a, const char *digest,
				int64_t now, struct store_session *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " SESSION_COLS " FROM sessions"
				  " WHERE token_digest = $1 AND expires_at > $2";
	char ts[STORE_TS_LEN];
	store_timestamp(now, ts);
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_text(q, 1, digest);
	db_bind_text(q, 2, ts);
	return store_fetch_one(q, a, read_session, out, "session", err);
}

int store_session_delete(struct store *st, int64_t id, struct sw_error *err)
{
	static const char sql[] = "DELETE FROM sessions WHERE id = $1";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	return db_run(q, err);
}

int store_session_delete_user(struct store *st, int64_t user_id, int64_t except_id,
			      struct sw_error *err)
{
	static const char sql[] = "DELETE FROM sessions WHERE user_id = $1 AND id <> $2";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, user_id);
	db_bind_int(q, 2, except_id);
	return db_run(q, err);
}
