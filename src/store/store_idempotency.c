/* store_idempotency.c - Idempotency-Key answers (store_idempotency.h).
 * The body is kept as base64: an answer is bytes, a column is text. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "core/crypto.h"

static int read_idem(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	struct store_idem *r = item;
	r->method = store_arena_strdup(a, db_col_text(q, 0));
	r->path = store_arena_strdup(a, db_col_text(q, 1));
	r->digest = store_arena_strdup(a, db_col_text(q, 2));
	r->status = (unsigned)db_col_int(q, 3);
	r->content_type = store_arena_strdup(a, db_col_text(q, 4));
	r->body = NULL;
	r->body_len = 0;
	if (r->method == NULL || r->path == NULL || r->digest == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	uint8_t *bin = NULL;
	size_t len = 0;
	const char *b64 = db_col_text(q, 5);
	if (b64 != NULL && *b64 != '\0') {
		if (crypto_base64_decode(b64, &bin, &len) != 0)
			return sw_error_set(err, SW_EINTERNAL, "", "stored answer is not base64");
		r->body = store_arena_alloc(a, len + 1);
		if (r->body == NULL) {
			free(bin);
			return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		}
		memcpy(r->body, bin, len);
		r->body[len] = '\0';
		r->body_len = len;
		free(bin);
	}
	return 0;
}

int store_idem_get(struct store *st, struct store_arena *a, int64_t user_id, const char *key,
		   int64_t now, struct store_idem *out, struct sw_error *err)
{
	static const char sql[] =
		"SELECT method, path, request_digest, status, content_type, answer"
		" FROM idempotency_keys WHERE user_id = $1 AND idem_key = $2 AND expires_at > $3";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, user_id);
	db_bind_text(q, 2, key);
	db_bind_int(q, 3, now);
	return store_fetch_one(q, a, read_idem, out, "Idempotency-Key", err);
}

int store_idem_claim(struct store *st, int64_t user_id, const char *key, const char *method,
		     const char *path, const char *digest, int64_t now, int64_t expires,
		     struct sw_error *err)
{
	/* An expired key of this user is forgotten here, the others below. */
	static const char purge_sql[] = "DELETE FROM idempotency_keys WHERE expires_at <= $1";
	static const char sql[] =
		"INSERT INTO idempotency_keys (user_id, idem_key, method, path, request_digest,"
		" status, expires_at) VALUES ($1, $2, $3, $4, $5, 0, $6)";
	if (store_check_required(key, STORE_IDEM_KEY_MAX, "Idempotency-Key", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, purge_sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, now);
	if (db_run(q, err) != 0 || (q = store_stmt(st, sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, user_id);
	db_bind_text(q, 2, key);
	db_bind_text(q, 3, method);
	db_bind_text(q, 4, path);
	db_bind_text(q, 5, digest);
	db_bind_int(q, 6, expires);
	return db_run(q, err);
}

int store_idem_answer(struct store *st, int64_t user_id, const char *key, unsigned status,
		      const char *content_type, const void *body, size_t len,
		      struct sw_error *err)
{
	static const char sql[] =
		"UPDATE idempotency_keys SET status = $3, content_type = $4, answer = $5"
		" WHERE user_id = $1 AND idem_key = $2";
	char *b64 = crypto_base64_encode(body, len);
	if (b64 == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	struct db_stmt *q = store_stmt(st, sql, err);
	int rc = -1;
	if (q != NULL) {
		db_bind_int(q, 1, user_id);
		db_bind_text(q, 2, key);
		db_bind_int(q, 3, status);
		db_bind_text(q, 4, content_type);
		db_bind_text(q, 5, b64);
		rc = db_run(q, err);
	}
	free(b64);
	return rc;
}
