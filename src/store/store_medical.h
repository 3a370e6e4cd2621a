/* store_medical.h - the sealed medical domain. */
#ifndef SW_STORE_MEDICAL_H
#define SW_STORE_MEDICAL_H

#include "store/store_base.h"

/* ---- medical notes (store_medical.c) ---------------------------------- */

enum store_medical_kind {
	STORE_MEDICAL_DIAGNOSE = 0,
	STORE_MEDICAL_KLACHTEN,
	STORE_MEDICAL_BEHANDELING,
	STORE_MEDICAL_NOTITIE,
	STORE_MEDICAL_PROBLEEMANALYSE,   /* the medical part of the probleemanalyse */
	STORE_MEDICAL_KIND__COUNT
};

/* API value: "diagnose", "klachten", "behandeling", "notitie",
 * "probleemanalyse_medisch". */
const char *store_medical_kind_name(enum store_medical_kind kind);
int store_medical_kind_parse(const char *s, enum store_medical_kind *out);

/* Longest note in bytes (the API counts characters, at most 4 bytes each). */
#define STORE_MEDICAL_MAX_CHARS 8000
/* The secretbox key (crypto.h CRYPTO_KEY_BYTES). */
#define STORE_MEDICAL_KEY_BYTES 32

/* A note of the bedrijfsarts. The store seals text with the key on insert
 * and opens it on read: the database never sees the plaintext. Notes are
 * never changed; a correction is a newer note of the same kind. */
struct store_medical_note {
	int64_t id;
	int64_t case_id;
	int64_t author_id;
	const char *author_name;         /* read back only; NULL if the user is gone */
	enum store_medical_kind kind;
	const char *text;                /* plaintext, in the arena */
	const char *created_at;
};

int store_medical_insert(struct store *st, const uint8_t key[STORE_MEDICAL_KEY_BYTES],
			 const struct store_medical_note *n, int64_t *id, struct sw_error *err);
/* One note; unknown is SW_ENOTFOUND "id". */
int store_medical_get(struct store *st, struct store_arena *a,
		      const uint8_t key[STORE_MEDICAL_KEY_BYTES], int64_t id,
		      struct store_medical_note *out, struct sw_error *err);
/* The case's notes by id. A note sealed with another key (key_id: after
 * a rotation the server still has the old one) is SW_EUNAVAILABLE, one
 * the key cannot open (a damaged row) SW_EINTERNAL, both field
 * "medical_key" naming only the note's id. */
int store_medical_list(struct store *st, struct store_arena *a,
		       const uint8_t key[STORE_MEDICAL_KEY_BYTES], int64_t case_id,
		       struct store_medical_note **out, size_t *n, struct sw_error *err);

/* Key rotation (spoorwijzer key rotate): re-seals every note that is not
 * sealed with new_key, opening it with old_key, a batch of 100 notes per
 * transaction so the rest of the system goes on meanwhile; notes written
 * with the old key during the run are taken too. Afterwards the old key
 * opens nothing. A note old_key cannot open stops the run with
 * SW_EINTERNAL naming only its id; notes re-sealed before stay so (a
 * second run goes on from there). *resealed: how many. */
int store_medical_reseal(struct store *st, const uint8_t old_key[STORE_MEDICAL_KEY_BYTES],
			 const uint8_t new_key[STORE_MEDICAL_KEY_BYTES], size_t *resealed,
			 struct sw_error *err);

#endif
