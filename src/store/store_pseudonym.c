/* store_pseudonym.c - the candidate pseudonyms of the network (DOMAIN.md
 * section 6): a network employer sees a candidate of its offer under a
 * random token per (offer, case), never the case id. The token is created
 * the first time the candidate is shown for that offer, so a scan over
 * every offer creates none; the same candidate keeps it for that offer and
 * has another one for every other offer, which keeps two employers (or
 * two offers) from linking what they saw. */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

#include "core/crypto.h"

/* A fresh token collides with a stored one with a chance of 2^-96 per
 * pair; a few tries make a failure a bug, not bad luck. */
#define PSEUDONYM_TRIES 4

static int read_token(struct store *st, int64_t offer_id, int64_t case_id,
		      char out[STORE_PSEUDONYM_STRLEN], int *found, struct sw_error *err)
{
	static const char sql[] = "SELECT token FROM candidate_pseudonyms"
				  " WHERE offer_id = $1 AND case_id = $2";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, offer_id);
	db_bind_int(q, 2, case_id);
	const int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	*found = rc > 0;
	if (rc > 0) {
		const char *t = db_col_text(q, 0);
		snprintf(out, STORE_PSEUDONYM_STRLEN, "%s", t != NULL ? t : "");
		db_reset(q);
	}
	return 0;
}

int store_candidate_pseudonym(struct store *st, int64_t offer_id, int64_t case_id,
			      char out[STORE_PSEUDONYM_STRLEN], struct sw_error *err)
{
	static const char sql[] = "INSERT INTO candidate_pseudonyms (offer_id, case_id, token)"
				  " VALUES ($1, $2, $3) ON CONFLICT DO NOTHING";
	int found;
	if (read_token(st, offer_id, case_id, out, &found, err) != 0)
		return -1;
	/* Two servers showing the same candidate at once both insert; the
	 * loser's row is dropped by the conflict and both read the winner's
	 * token back. A conflict on the token alone (another pair holds it)
	 * reads nothing back: draw again. */
	for (int i = 0; !found && i < PSEUDONYM_TRIES; i++) {
		char token[CRYPTO_PSEUDONYM_STRLEN];
		crypto_pseudonym(token);
		struct db_stmt *q = store_stmt(st, sql, err);
		if (q == NULL)
			return -1;
		db_bind_int(q, 1, offer_id);
		db_bind_int(q, 2, case_id);
		db_bind_text(q, 3, token);
		if (db_run(q, err) != 0 || read_token(st, offer_id, case_id, out, &found, err) != 0)
			return -1;
	}
	return found ? 0 : sw_error_set(err, SW_EINTERNAL, "candidate_id",
					"no unique pseudonym after %d tries", PSEUDONYM_TRIES);
}

int store_candidate_by_pseudonym(struct store *st, int64_t offer_id, const char *token,
				 int64_t *case_id, struct sw_error *err)
{
	static const char sql[] = "SELECT case_id FROM candidate_pseudonyms"
				  " WHERE offer_id = $1 AND token = $2";
	/* Longer text cannot be a token: answered without a query. */
	if (token == NULL || strlen(token) >= STORE_PSEUDONYM_STRLEN)
		return sw_error_set(err, SW_ENOTFOUND, "candidate_id", "no such candidate");
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, offer_id);
	db_bind_text(q, 2, token);
	const int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return sw_error_set(err, SW_ENOTFOUND, "candidate_id", "no such candidate");
	*case_id = db_col_int(q, 0);
	db_reset(q);
	return 0;
}
