/* store_calendar.c - the secret calendar feed of a user: only the digest of
 * the feed token is kept (like sessions), one per user; creating a new one
 * replaces the old, which is how a leaked feed URL is revoked. */
#include "store_int.h"

int store_calendar_feed_set(struct store *st, int64_t user_id, const char *digest,
			    struct sw_error *err)
{
	static const char delete_sql[] = "DELETE FROM calendar_feeds WHERE user_id = $1";
	static const char insert_sql[] =
		"INSERT INTO calendar_feeds (user_id, token_digest) VALUES ($1, $2)";
	if (digest == NULL || digest[0] == '\0')
		return sw_error_set(err, SW_EINVAL, "token_digest", "required");
	if (store_user_exists(st, user_id, "user_id", err) != 0)
		return -1;
	struct db *db = st->db;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, delete_sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, user_id);
	if (db_run(q, err) != 0 || (q = store_stmt(st, insert_sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, user_id);
	db_bind_text(q, 2, digest);
	if (db_run(q, err) != 0)
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}

int store_calendar_feed_user(struct store *st, const char *digest, int64_t *user_id,
			     struct sw_error *err)
{
	static const char sql[] = "SELECT user_id FROM calendar_feeds WHERE token_digest = $1";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_text(q, 1, digest);
	const int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return sw_error_set(err, SW_ENOTFOUND, "token", "no such calendar feed");
	*user_id = db_col_int(q, 0);
	db_reset(q);
	return 0;
}
