/* store_idempotency.h - the answers to changes sent with an
 * Idempotency-Key, so that a client's retry gets the first answer instead
 * of doing the change twice. Several servers on one database share them. */
#ifndef SW_STORE_IDEMPOTENCY_H
#define SW_STORE_IDEMPOTENCY_H

#include "store/store_base.h"

/* Longest key a client may send. */
#define STORE_IDEM_KEY_MAX 255

/* A key's request and, once the change committed, its answer. */
struct store_idem {
	const char *method;
	const char *path;
	const char *digest;              /* of method, path, query and body */
	unsigned status;                 /* 0: claimed, its change not committed */
	const char *content_type;        /* NULL: none */
	unsigned char *body;             /* the answer's bytes, in the arena */
	size_t body_len;
};

/* The key of user_id, read inside the caller's transaction; SW_ENOTFOUND
 * when there is none (or it expired: now is seconds since the epoch). */
int store_idem_get(struct store *st, struct store_arena *a, int64_t user_id, const char *key,
		   int64_t now, struct store_idem *out, struct sw_error *err);

/* Claims the key for this request until expires (seconds since the
 * epoch), in the caller's transaction, and forgets expired keys. A key
 * taken meanwhile by a concurrent request is SW_ECONFLICT (db_transient on
 * PostgreSQL, whose insert waits for the other to commit). */
int store_idem_claim(struct store *st, int64_t user_id, const char *key, const char *method,
		     const char *path, const char *digest, int64_t now, int64_t expires,
		     struct sw_error *err);

/* Records the answer of the claimed key, in the same transaction as the
 * change it answers. */
int store_idem_answer(struct store *st, int64_t user_id, const char *key, unsigned status,
		      const char *content_type, const void *body, size_t len,
		      struct sw_error *err);

#endif
