/* store_spelregels.c - the spelregels (rules of the game) of a pipeline
 * entry and the agreement of the sending employer, the receiving employer
 * and the candidate (DOMAIN.md section 6). */
#include "store_int.h"

#include <string.h>

static const char *const party_names[STORE_PARTY__COUNT] = {
	"werkgever", "netwerkwerkgever", "werknemer",
};

const char *store_party_name(enum store_party p)
{
	return (unsigned)p < STORE_PARTY__COUNT ? party_names[p] : "";
}

static int read_rules(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	struct store_spelregels *s = item;
	memset(s, 0, sizeof *s);
	s->entry_id = db_col_int(q, 0);
	s->version = (int)db_col_int(q, 1);
	s->ziekterisico = store_arena_strdup(a, db_col_text(q, 2));
	s->loonkosten_percentage = (int)db_col_int(q, 3);
	s->bij_terugval = store_arena_strdup(a, db_col_text(q, 4));
	s->intentie_dienstverband = (int)db_col_int(q, 5);
	s->contactpersoon = store_arena_strdup(a, db_col_text(q, 6));
	s->duur_weken = (int)db_col_int(q, 7);
	s->updated_by = db_col_int(q, 8);
	s->updated_at = store_arena_strdup(a, db_col_text(q, 9));
	if (s->ziekterisico == NULL || s->bij_terugval == NULL || s->contactpersoon == NULL ||
	    s->updated_at == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

struct agreement {
	int party;
	int64_t user_id;
	int on_behalf;
	const char *at;
};

static int read_agreement(struct db_stmt *q, struct store_arena *a, void *item,
			  struct sw_error *err)
{
	struct agreement *g = item;
	g->party = -1;
	for (int i = 0; i < STORE_PARTY__COUNT; i++)
		if (strcmp(db_col_text(q, 0), party_names[i]) == 0)
			g->party = i;
	g->user_id = db_col_int(q, 1);
	g->at = store_arena_strdup(a, db_col_text(q, 2));
	g->on_behalf = (int)db_col_int(q, 3);
	if (g->party < 0)
		return sw_error_set(err, SW_EINTERNAL, "party", "unknown party");
	return g->at == NULL ? sw_error_set(err, SW_EINTERNAL, "", "out of memory") : 0;
}

int store_spelregels_get(struct store *st, struct store_arena *a, int64_t entry_id,
			 struct store_spelregels *out, struct sw_error *err)
{
	static const char sql[] =
		"SELECT entry_id, version, ziekterisico, loonkosten_percentage, bij_terugval,"
		" intentie_dienstverband, contactpersoon, duur_weken, updated_by, updated_at"
		" FROM spelregels WHERE entry_id = $1";
	static const char agreed_sql[] =
		"SELECT party, user_id, agreed_at, on_behalf FROM spelregels_akkoord WHERE entry_id = $1"
		" ORDER BY party";
	if (store_get_by_id(st, sql, entry_id, a, read_rules, out, "spelregels", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, agreed_sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, entry_id);
	struct agreement *gs;
	size_t n;
	if (store_collect(q, a, sizeof *gs, read_agreement, (void **)&gs, &n, err) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		out->agreed_by[gs[i].party] = gs[i].user_id;
		out->agreed_at[gs[i].party] = gs[i].at;
		out->on_behalf[gs[i].party] = gs[i].on_behalf;
	}
	return 0;
}

int store_spelregels_put(struct store *st, struct store_spelregels *s, struct sw_error *err)
{
	static const char version_sql[] = "SELECT version FROM spelregels WHERE entry_id = $1";
	static const char del_sql[] = "DELETE FROM spelregels WHERE entry_id = $1";
	static const char sql[] =
		"INSERT INTO spelregels (entry_id, version, ziekterisico, loonkosten_percentage,"
		" bij_terugval, intentie_dienstverband, contactpersoon, duur_weken, updated_by)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";
	static const char entry_sql[] = "SELECT 1 FROM pipeline_entries WHERE id = $1";
	if (s->ziekterisico == NULL || (strcmp(s->ziekterisico, "verzendende_werkgever") != 0 &&
					strcmp(s->ziekterisico, "ontvangende_werkgever") != 0))
		return sw_error_set(err, SW_EINVAL, "ziekterisico",
				    "verzendende_werkgever or ontvangende_werkgever");
	if (s->loonkosten_percentage < 0 || s->loonkosten_percentage > 100)
		return sw_error_set(err, SW_EINVAL, "loonkosten_percentage", "0..100");
	if ((unsigned)s->intentie_dienstverband > 1)
		return sw_error_set(err, SW_EINVAL, "intentie_dienstverband", "0 or 1");
	if (s->duur_weken < 1 || s->duur_weken > 104)
		return sw_error_set(err, SW_EINVAL, "duur_weken", "1..104");
	if (store_check_required(s->bij_terugval, STORE_MAX_TEXT, "bij_terugval", err) != 0 ||
	    store_check_required(s->contactpersoon, STORE_MAX_NAME, "contactpersoon", err) != 0 ||
	    store_user_exists(st, s->updated_by, "updated_by", err) != 0)
		return -1;
	struct db *db = st->db;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, entry_sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, s->entry_id);
	int rc = db_next(q, err);
	if (rc < 0)
		goto fail;
	if (rc == 0) {
		sw_error_set(err, SW_ENOTFOUND, "entry_id", "no such pipeline entry");
		goto fail;
	}
	db_reset(q);
	if ((q = store_stmt(st, version_sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, s->entry_id);
	if ((rc = db_next(q, err)) < 0)
		goto fail;
	s->version = rc > 0 ? (int)db_col_int(q, 0) + 1 : 1;
	if (rc > 0)
		db_reset(q);
	/* The agreements go with the old text (ON DELETE CASCADE). */
	if ((q = store_stmt(st, del_sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, s->entry_id);
	if (db_run(q, err) != 0 || (q = store_stmt(st, sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, s->entry_id);
	db_bind_int(q, 2, s->version);
	db_bind_text(q, 3, s->ziekterisico);
	db_bind_int(q, 4, s->loonkosten_percentage);
	db_bind_text(q, 5, s->bij_terugval);
	db_bind_int(q, 6, s->intentie_dienstverband);
	db_bind_text(q, 7, s->contactpersoon);
	db_bind_int(q, 8, s->duur_weken);
	db_bind_int(q, 9, s->updated_by);
	if (db_run(q, err) != 0)
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}

int store_spelregels_agree(struct store *st, int64_t entry_id, int version,
			   enum store_party party, int64_t user_id, int on_behalf,
			   struct sw_error *err)
{
	static const char version_sql[] = "SELECT version FROM spelregels WHERE entry_id = $1";
	static const char has_sql[] =
		"SELECT 1 FROM spelregels_akkoord WHERE entry_id = $1 AND party = $2";
	static const char sql[] =
		"INSERT INTO spelregels_akkoord (entry_id, party, version, user_id, on_behalf)"
		" VALUES ($1, $2, $3, $4, $5)";
	if ((unsigned)party >= STORE_PARTY__COUNT)
		return sw_error_set(err, SW_EINVAL, "party", "unknown party");
	if (store_user_exists(st, user_id, "user_id", err) != 0)
		return -1;
	struct db *db = st->db;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, version_sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, entry_id);
	int rc = db_next(q, err);
	if (rc < 0)
		goto fail;
	if (rc == 0) {
		sw_error_set(err, SW_ECONFLICT, "spelregels", "no spelregels recorded yet");
		goto fail;
	}
	const int current = (int)db_col_int(q, 0);
	db_reset(q);
	if (current != version) {
		sw_error_set(err, SW_ECONFLICT, "version",
			     "the spelregels changed meanwhile (now version %d)", current);
		goto fail;
	}
	if ((q = store_stmt(st, has_sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, entry_id);
	db_bind_text(q, 2, party_names[party]);
	if ((rc = db_next(q, err)) < 0)
		goto fail;
	if (rc > 0) {
		db_reset(q);
		return db_commit(db, err);
	}
	if ((q = store_stmt(st, sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, entry_id);
	db_bind_text(q, 2, party_names[party]);
	db_bind_int(q, 3, version);
	db_bind_int(q, 4, user_id);
	db_bind_int(q, 5, on_behalf != 0);
	if (db_run(q, err) != 0)
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}

int store_spelregels_agreed(struct store *st, int64_t entry_id, unsigned *missing,
			    struct sw_error *err)
{
	static const char sql[] = "SELECT party FROM spelregels_akkoord WHERE entry_id = $1";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, entry_id);
	*missing = (1u << STORE_PARTY__COUNT) - 1;
	int rc;
	while ((rc = db_next(q, err)) > 0)
		for (int i = 0; i < STORE_PARTY__COUNT; i++)
			if (strcmp(db_col_text(q, 0), party_names[i]) == 0)
				*missing &= ~(1u << i);
	return rc < 0 ? -1 : 0;
}
