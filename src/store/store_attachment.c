/* store_attachment.c - files attached to a dossier document. The driver
 * exchanges text, so the bytes are kept base64-encoded next to their size
 * and SHA-256; reading them back checks both, so a damaged row is an error
 * and never served as the file. */
#include "store_int.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

#include "core/crypto.h"

#define ATTACHMENT_COLS "id, document_id, content_type, size, sha256, created_by, created_at"

static int read_attachment(struct db_stmt *q, struct store_arena *a, void *item,
			   struct sw_error *err)
{
	struct store_attachment *at = item;
	at->id = db_col_int(q, 0);
	at->document_id = db_col_int(q, 1);
	if (attach_type_parse(db_col_text(q, 2), &at->type) != 0)
		return sw_error_set(err, SW_EINTERNAL, "content_type", "attachment %lld: unknown type",
				    (long long)at->id);
	at->size = (size_t)db_col_int(q, 3);
	at->sha256 = store_arena_strdup(a, db_col_text(q, 4));
	at->created_by = db_col_int(q, 5);
	at->created_at = store_arena_strdup(a, db_col_text(q, 6));
	if (at->sha256 == NULL || at->created_at == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_attachment_insert(struct store *st, int64_t document_id, enum attach_type type,
			    const void *data, size_t len, int64_t created_by, int64_t *id,
			    struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO document_attachments (document_id, content_type, size, sha256, data,"
		" created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
	static const char doc_sql[] = "SELECT 1 FROM documents WHERE id = $1";
	if (len == 0)
		return sw_error_set(err, SW_EINVAL, "body", "the file is empty");
	if (len > ATTACH_MAX_BYTES)
		return sw_error_set(err, SW_ELIMIT, "body", "a file is at most %zu bytes",
				    ATTACH_MAX_BYTES);
	if (!attach_magic_matches(type, data, len))
		return sw_error_set(err, SW_EINVAL, "Content-Type", "the file is not a %s",
				    attach_type_mime(type));
	struct db_stmt *q = store_stmt(st, doc_sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, document_id);
	const int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	db_reset(q);
	if (rc == 0)
		return sw_error_set(err, SW_ENOTFOUND, "document_id", "no such document");
	if (store_user_exists(st, created_by, "created_by", err) != 0)
		return -1;
	char digest[CRYPTO_DIGEST_STRLEN];
	crypto_sha256_hex(data, len, digest);
	const size_t b64len = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
	char *b64 = malloc(b64len);
	if (b64 == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	sodium_bin2base64(b64, b64len, data, len, sodium_base64_VARIANT_ORIGINAL);
	int out = -1;
	if ((q = store_stmt(st, sql, err)) != NULL) {
		db_bind_int(q, 1, document_id);
		db_bind_text(q, 2, attach_type_mime(type));
		db_bind_int(q, 3, (int64_t)len);
		db_bind_text(q, 4, digest);
		db_bind_text(q, 5, b64);
		db_bind_int(q, 6, created_by);
		out = db_run_id(q, id, err);
	}
	free(b64);
	return out;
}

int store_attachment_get(struct store *st, struct store_arena *a, int64_t id,
			 struct store_attachment *out, struct sw_error *err)
{
	static const char sql[] =
		"SELECT " ATTACHMENT_COLS " FROM document_attachments WHERE id = $1";
	return store_get_by_id(st, sql, id, a, read_attachment, out, "aid", err);
}

int store_attachment_list(struct store *st, struct store_arena *a, int64_t document_id,
			  struct store_attachment **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = "SELECT " ATTACHMENT_COLS
				  " FROM document_attachments WHERE document_id = $1 ORDER BY id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, document_id);
	return store_collect(q, a, sizeof **out, read_attachment, (void **)out, n, err);
}

int store_attachment_data(struct store *st, int64_t id, unsigned char **data, size_t *len,
			  struct sw_error *err)
{
	static const char sql[] =
		"SELECT size, sha256, data FROM document_attachments WHERE id = $1";
	*data = NULL;
	*len = 0;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	const int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return sw_error_set(err, SW_ENOTFOUND, "aid", "no such attachment");
	const size_t size = (size_t)db_col_int(q, 0);
	const char *want = db_col_text(q, 1), *b64 = db_col_text(q, 2);
	unsigned char *buf = malloc(size > 0 ? size : 1);
	size_t got = 0;
	char digest[CRYPTO_DIGEST_STRLEN];
	int ok = buf != NULL && want != NULL && b64 != NULL &&
		 sodium_base642bin(buf, size, b64, strlen(b64), NULL, &got, NULL,
				   sodium_base64_VARIANT_ORIGINAL) == 0 &&
		 got == size;
	if (ok) {
		crypto_sha256_hex(buf, size, digest);
		ok = strcmp(digest, want) == 0;
	}
	db_reset(q);
	if (!ok) {
		free(buf);
		return sw_error_set(err, SW_EINTERNAL, "aid",
				    "attachment %lld: stored bytes do not match their checksum",
				    (long long)id);
	}
	*data = buf;
	*len = size;
	return 0;
}
