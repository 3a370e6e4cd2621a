/* store_medical.c - the medical domain: notes of the bedrijfsarts, sealed
 * with the medical key before they reach the database and opened after
 * they leave it. Nothing else in the store reads this table. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#include "core/crypto.h"

_Static_assert(STORE_MEDICAL_KEY_BYTES == CRYPTO_KEY_BYTES, "medical key size");

static const char *const kind_names[STORE_MEDICAL_KIND__COUNT] = {
	[STORE_MEDICAL_DIAGNOSE] = "diagnose",
	[STORE_MEDICAL_KLACHTEN] = "klachten",
	[STORE_MEDICAL_BEHANDELING] = "behandeling",
	[STORE_MEDICAL_NOTITIE] = "notitie",
	[STORE_MEDICAL_PROBLEEMANALYSE] = "probleemanalyse_medisch",
};

const char *store_medical_kind_name(enum store_medical_kind kind)
{
	return (unsigned)kind < STORE_MEDICAL_KIND__COUNT ? kind_names[kind] : "";
}

int store_medical_kind_parse(const char *s, enum store_medical_kind *out)
{
	for (int i = 0; s != NULL && i < STORE_MEDICAL_KIND__COUNT; i++) {
		if (strcmp(s, kind_names[i]) == 0) {
			*out = (enum store_medical_kind)i;
			return 0;
		}
	}
	return -1;
}

/* The key's id: which key sealed a note, without telling anything about
 * the key (a hash of it, cut short). */
#define KEY_ID_LEN 16
static void key_id(const uint8_t key[STORE_MEDICAL_KEY_BYTES], char out[KEY_ID_LEN + 1])
{
	static const char label[] = "spoorwijzer medical key id:";
	uint8_t buf[sizeof label - 1 + STORE_MEDICAL_KEY_BYTES];
	char hex[CRYPTO_DIGEST_STRLEN];
	memcpy(buf, label, sizeof label - 1);
	memcpy(buf + sizeof label - 1, key, STORE_MEDICAL_KEY_BYTES);
	crypto_sha256_hex(buf, sizeof buf, hex);
	crypto_wipe(buf, sizeof buf);
	memcpy(out, hex, KEY_ID_LEN);
	out[KEY_ID_LEN] = '\0';
}

/* Reads a row with text still sealed (base64); store_medical_list opens
 * it. The key id goes in author_name's place until then: see open_note. */
struct sealed_note {
	struct store_medical_note m;
	const char *key_id;              /* NULL: sealed before key ids */
};

static int read_sealed(struct db_stmt *q, struct store_arena *a, void *item,
		       struct sw_error *err)
{
	struct sealed_note *sn = item;
	struct store_medical_note *m = &sn->m;
	sn->key_id = store_arena_strdup(a, db_col_text(q, 7));
	m->id = db_col_int(q, 0);
	m->case_id = db_col_int(q, 1);
	m->author_id = db_col_int(q, 2);
	m->author_name = store_arena_strdup(a, db_col_text(q, 3));
	if (store_medical_kind_parse(db_col_text(q, 4), &m->kind) != 0)
		return sw_error_set(err, SW_EINTERNAL, "kind", "medical note %lld: unknown kind",
				    (long long)m->id);
	m->text = store_arena_strdup(a, db_col_text(q, 5));
	m->created_at = store_arena_strdup(a, db_col_text(q, 6));
	if (m->text == NULL || m->created_at == NULL ||
	    (m->author_name == NULL && !db_col_isnull(q, 3)))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

/* Replaces m->text (sealed base64) by its plaintext in a. The error names
 * the note, never its content: a note sealed with another key (rotated:
 * the server still has the old one) is SW_EUNAVAILABLE. */
static int open_note(struct store_arena *a, const uint8_t *key, const char *sealed_by,
		     struct store_medical_note *m, struct sw_error *err)
{
	char mine[KEY_ID_LEN + 1];
	key_id(key, mine);
	if (sealed_by != NULL && strcmp(sealed_by, mine) != 0)
		return sw_error_set(err, SW_EUNAVAILABLE, "medical_key",
				    "medical note %lld is sealed with another key (rotated: start"
				    " the server with the new key)", (long long)m->id);
	uint8_t *box = NULL;
	size_t boxlen = 0, len = 0;
	char *plain = NULL;
	if (crypto_base64_decode(m->text, &box, &boxlen) != 0 ||
	    crypto_open(key, box, boxlen, &plain, &len) != 0) {
		free(box);
		return sw_error_set(err, SW_EINTERNAL, "medical_key",
				    "medical note %lld cannot be opened with this key",
				    (long long)m->id);
	}
	free(box);
	m->text = store_arena_strdup(a, plain);
	crypto_wipe(plain, len);
	free(plain);
	if (m->text == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_medical_insert(struct store *st, const uint8_t key[STORE_MEDICAL_KEY_BYTES],
			 const struct store_medical_note *n, int64_t *id, struct sw_error *err)
{
	static const char sql[] = "INSERT INTO medical_notes (case_id, author_id, kind, sealed,"
				  " key_id) VALUES ($1, $2, $3, $4, $5) RETURNING id";
	if ((unsigned)n->kind >= STORE_MEDICAL_KIND__COUNT)
		return sw_error_set(err, SW_EINVAL, "kind", "unknown kind of medical note");
	if (store_check_required(n->text, 4 * STORE_MEDICAL_MAX_CHARS, "text", err) != 0 ||
	    store_case_exists(st, n->case_id, "case_id", err) != 0 ||
	    store_user_exists(st, n->author_id, "author_id", err) != 0)
		return -1;
	uint8_t *box;
	size_t boxlen;
	if (crypto_seal(key, (const uint8_t *)n->text, strlen(n->text), &box, &boxlen) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	char *sealed = crypto_base64_encode(box, boxlen);
	free(box);
	if (sealed == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	struct db_stmt *q = store_stmt(st, sql, err);
	int rc = -1;
	if (q != NULL) {
		db_bind_int(q, 1, n->case_id);
		db_bind_int(q, 2, n->author_id);
		db_bind_text(q, 3, store_medical_kind_name(n->kind));
		char kid[KEY_ID_LEN + 1];
		key_id(key, kid);
		db_bind_text(q, 4, sealed);
		db_bind_text(q, 5, kid);
		rc = db_run_id(q, id, err);
	}
	free(sealed);
	return rc;
}

#define NOTE_SELECT                                                                  \
	"SELECT m.id, m.case_id, m.author_id, u.name, m.kind, m.sealed, m.created_at," \
	" m.key_id FROM medical_notes m LEFT JOIN users u ON u.id = m.author_id"

int store_medical_get(struct store *st, struct store_arena *a,
		      const uint8_t key[STORE_MEDICAL_KEY_BYTES], int64_t id,
		      struct store_medical_note *out, struct sw_error *err)
{
	static const char sql[] = NOTE_SELECT " WHERE m.id = $1";
	struct sealed_note sn;
	if (store_get_by_id(st, sql, id, a, read_sealed, &sn, "id", err) != 0 ||
	    open_note(a, key, sn.key_id, &sn.m, err) != 0)
		return -1;
	*out = sn.m;
	return 0;
}

int store_medical_list(struct store *st, struct store_arena *a,
		       const uint8_t key[STORE_MEDICAL_KEY_BYTES], int64_t case_id,
		       struct store_medical_note **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = NOTE_SELECT " WHERE m.case_id = $1 ORDER BY m.id";
	struct sealed_note *sn;
	if (store_list_by_case(st, sql, case_id, a, sizeof *sn, read_sealed, (void **)&sn, n,
			       err) != 0)
		return -1;
	struct store_medical_note *notes = *n > 0 ? store_arena_alloc(a, *n * sizeof *notes) : NULL;
	if (*n > 0 && notes == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	for (size_t i = 0; i < *n; i++) {
		if (open_note(a, key, sn[i].key_id, &sn[i].m, err) != 0)
			return -1;
		notes[i] = sn[i].m;
	}
	*out = notes;
	return 0;
}

/* ---- key rotation -------------------------------------------------------- */

/* Notes not yet sealed with the new key, a batch at a time. */
#define RESEAL_BATCH 100

/* Re-seals one batch in its own transaction; *done how many. */
static int reseal_batch(struct store *st, const uint8_t *old_key, const uint8_t *new_key,
			const char *new_id, size_t *done, struct sw_error *err)
{
	static const char select_sql[] =
		"SELECT id, sealed FROM medical_notes WHERE key_id IS NULL OR key_id <> $1"
		" ORDER BY id LIMIT 100";
	static const char update_sql[] =
		"UPDATE medical_notes SET sealed = $2, key_id = $3 WHERE id = $1 AND sealed = $4";
	struct store_arena a = { 0 };
	struct { int64_t id; const char *sealed; } rows[RESEAL_BATCH];
	size_t n = 0;
	int rc;
	*done = 0;
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, select_sql, err);
	if (q == NULL)
		goto fail;
	db_bind_text(q, 1, new_id);
	while (n < RESEAL_BATCH && (rc = db_next(q, err)) == 1) {
		rows[n].id = db_col_int(q, 0);
		if ((rows[n].sealed = store_arena_strdup(&a, db_col_text(q, 1))) == NULL) {
			db_reset(q);
			sw_error_set(err, SW_EINTERNAL, "", "out of memory");
			goto fail;
		}
		n++;
	}
	if (n < RESEAL_BATCH && rc < 0)
		goto fail;
	db_reset(q);
	for (size_t i = 0; i < n; i++) {
		struct store_medical_note m = { .id = rows[i].id, .text = rows[i].sealed };
		/* Opened with the old key, whatever id the row says. */
		if (open_note(&a, old_key, NULL, &m, err) != 0)
			goto fail;
		uint8_t *box;
		size_t boxlen;
		const int sealed = crypto_seal(new_key, (const uint8_t *)m.text, strlen(m.text), &box,
					       &boxlen);
		crypto_wipe((void *)m.text, strlen(m.text));
		if (sealed != 0) {
			sw_error_set(err, SW_EINTERNAL, "", "out of memory");
			goto fail;
		}
		char *b64 = crypto_base64_encode(box, boxlen);
		free(box);
		if (b64 == NULL || (q = store_stmt(st, update_sql, err)) == NULL) {
			free(b64);
			goto fail;
		}
		db_bind_int(q, 1, rows[i].id);
		db_bind_text(q, 2, b64);
		db_bind_text(q, 3, new_id);
		db_bind_text(q, 4, rows[i].sealed);
		rc = db_run(q, err);
		free(b64);
		if (rc != 0)
			goto fail;
	}
	store_arena_free(&a);
	*done = n;
	return db_commit(st->db, err);
fail:
	store_arena_free(&a);
	db_rollback(st->db);
	return -1;
}

int store_medical_reseal(struct store *st, const uint8_t old_key[STORE_MEDICAL_KEY_BYTES],
			 const uint8_t new_key[STORE_MEDICAL_KEY_BYTES], size_t *resealed,
			 struct sw_error *err)
{
	char old_id[KEY_ID_LEN + 1], new_id[KEY_ID_LEN + 1];
	key_id(old_key, old_id);
	key_id(new_key, new_id);
	*resealed = 0;
	if (strcmp(old_id, new_id) == 0)
		return sw_error_set(err, SW_EINVAL, "new_key", "is the old key");
	size_t done;
	do {
		if (reseal_batch(st, old_key, new_key, new_id, &done, err) != 0)
			return -1;
		*resealed += done;
	} while (done > 0);
	return 0;
}
