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

/* Reads a row with text still sealed (base64); store_medical_list opens it. */
static int read_sealed(struct db_stmt *q, struct store_arena *a, void *item,
		       struct sw_error *err)
{
	struct store_medical_note *m = item;
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
 * the note, never its content. */
static int open_note(struct store_arena *a, const uint8_t *key, struct store_medical_note *m,
		     struct sw_error *err)
{
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
	static const char sql[] = "INSERT INTO medical_notes (case_id, author_id, kind, sealed)"
				  " VALUES ($1, $2, $3, $4) RETURNING id";
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
		db_bind_text(q, 4, sealed);
		rc = db_run_id(q, id, err);
	}
	free(sealed);
	return rc;
}

#define NOTE_SELECT                                                                  \
	"SELECT m.id, m.case_id, m.author_id, u.name, m.kind, m.sealed, m.created_at" \
	" FROM medical_notes m LEFT JOIN users u ON u.id = m.author_id"

int store_medical_get(struct store *st, struct store_arena *a,
		      const uint8_t key[STORE_MEDICAL_KEY_BYTES], int64_t id,
		      struct store_medical_note *out, struct sw_error *err)
{
	static const char sql[] = NOTE_SELECT " WHERE m.id = $1";
	if (store_get_by_id(st, sql, id, a, read_sealed, out, "id", err) != 0)
		return -1;
	return open_note(a, key, out, err);
}

int store_medical_list(struct store *st, struct store_arena *a,
		       const uint8_t key[STORE_MEDICAL_KEY_BYTES], int64_t case_id,
		       struct store_medical_note **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = NOTE_SELECT " WHERE m.case_id = $1 ORDER BY m.id";
	if (store_list_by_case(st, sql, case_id, a, sizeof **out, read_sealed, (void **)out, n,
			       err) != 0)
		return -1;
	for (size_t i = 0; i < *n; i++)
		if (open_note(a, key, &(*out)[i], err) != 0)
			return -1;
	return 0;
}
