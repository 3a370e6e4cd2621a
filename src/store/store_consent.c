/* store_consent.c - the employee's consents: given, listed, revoked; never
 * deleted (only with their case). */
#include "store_int.h"

#include <string.h>

static const char *const kind_names[STORE_CONSENT_KIND__COUNT] = {
	[STORE_CONSENT_ZOEKPROFIEL_NETWERK] = "zoekprofiel_netwerk",
	[STORE_CONSENT_DELEN_BUREAU] = "delen_bureau",
	[STORE_CONSENT_DELEN_ZORGVERLENER] = "delen_zorgverlener",
};

const char *store_consent_kind_name(enum store_consent_kind kind)
{
	return (unsigned)kind < STORE_CONSENT_KIND__COUNT ? kind_names[kind] : "";
}

int store_consent_kind_parse(const char *s, enum store_consent_kind *out)
{
	for (int i = 0; s != NULL && i < STORE_CONSENT_KIND__COUNT; i++) {
		if (strcmp(s, kind_names[i]) == 0) {
			*out = (enum store_consent_kind)i;
			return 0;
		}
	}
	return -1;
}

#define CONSENT_COLS "id, case_id, kind, granted_to, given_on, revoked_on"

static int read_consent(struct db_stmt *q, struct store_arena *a, void *item,
			struct sw_error *err)
{
	struct store_consent *c = item;
	c->id = db_col_int(q, 0);
	c->case_id = db_col_int(q, 1);
	if (store_consent_kind_parse(db_col_text(q, 2), &c->kind) != 0)
		return sw_error_set(err, SW_EINTERNAL, "kind", "consent %lld: unknown kind",
				    (long long)c->id);
	c->granted_to = store_arena_strdup(a, db_col_text(q, 3));
	c->given_on = db_col_date(q, 4);
	c->revoked_on = db_col_date(q, 5);
	if (c->granted_to == NULL && !db_col_isnull(q, 3))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_consent_insert(struct store *st, const struct store_consent *c, int64_t *id,
			 struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO consents (case_id, kind, granted_to, given_on, revoked_on)"
		" VALUES ($1, $2, $3, $4, $5) RETURNING id";
	static const char open_sql[] =
		"SELECT 1 FROM consents WHERE case_id = $1 AND kind = $2"
		" AND COALESCE(granted_to, '') = $3 AND revoked_on IS NULL";
	if ((unsigned)c->kind >= STORE_CONSENT_KIND__COUNT)
		return sw_error_set(err, SW_EINVAL, "kind", "unknown consent kind");
	if (c->kind == STORE_CONSENT_ZOEKPROFIEL_NETWERK) {
		if (c->granted_to != NULL)
			return sw_error_set(err, SW_EINVAL, "granted_to",
					    "not used for zoekprofiel_netwerk");
	} else if (store_check_required(c->granted_to, STORE_MAX_NAME, "granted_to", err) != 0) {
		return -1;
	}
	if (c->given_on == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "given_on", "required");
	if (c->revoked_on != DATE_NONE && c->revoked_on < c->given_on)
		return sw_error_set(err, SW_EINVAL, "revoked_on", "before given_on");
	if (store_case_exists(st, c->case_id, "case_id", err) != 0)
		return -1;
	struct db_stmt *q;
	if (c->revoked_on == DATE_NONE) {
		/* A friendlier answer than the unique index's. */
		if ((q = store_stmt(st, open_sql, err)) == NULL)
			return -1;
		db_bind_int(q, 1, c->case_id);
		db_bind_text(q, 2, store_consent_kind_name(c->kind));
		db_bind_text(q, 3, c->granted_to != NULL ? c->granted_to : "");
		const int rc = db_next(q, err);
		if (rc < 0)
			return -1;
		db_reset(q);
		if (rc > 0)
			return sw_error_set(err, SW_ECONFLICT, "kind",
					    "this consent is already given and not revoked");
	}
	if ((q = store_stmt(st, sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, c->case_id);
	db_bind_text(q, 2, store_consent_kind_name(c->kind));
	db_bind_text(q, 3, c->granted_to);
	db_bind_date(q, 4, c->given_on);
	db_bind_date(q, 5, c->revoked_on);
	return db_run_id(q, id, err);
}

int store_consent_get(struct store *st, struct store_arena *a, int64_t id,
		      struct store_consent *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " CONSENT_COLS " FROM consents WHERE id = $1";
	return store_get_by_id(st, sql, id, a, read_consent, out, "id", err);
}

int store_consent_list(struct store *st, struct store_arena *a, int64_t case_id,
		       struct store_consent **out, size_t *n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT " CONSENT_COLS " FROM consents WHERE case_id = $1 ORDER BY id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	return store_collect(q, a, sizeof **out, read_consent, (void **)out, n, err);
}

int store_consent_revoke(struct store *st, int64_t id, sw_date on, struct sw_error *err)
{
	/* One statement: of two concurrent revocations one wins. */
	static const char sql[] =
		"UPDATE consents SET revoked_on = $2"
		" WHERE id = $1 AND revoked_on IS NULL AND given_on <= $2 RETURNING id";
	static const char state_sql[] = "SELECT revoked_on FROM consents WHERE id = $1";
	if (on == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "revoked_on", "required");
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	db_bind_date(q, 2, on);
	int64_t got;
	struct sw_error e;
	if (db_run_id(q, &got, &e) == 0)
		return 0;
	if (e.code != SW_ENOTFOUND) {
		if (err != NULL)
			*err = e;
		return -1;
	}
	if ((q = store_stmt(st, state_sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, id);
	const int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	const int revoked = rc > 0 && !db_col_isnull(q, 0);
	db_reset(q);
	if (rc == 0)
		return sw_error_set(err, SW_ENOTFOUND, "id", "no consent with id %lld",
				    (long long)id);
	if (revoked)
		return sw_error_set(err, SW_ECONFLICT, "revoked_on", "already revoked");
	return sw_error_set(err, SW_EINVAL, "revoked_on", "before the consent was given");
}
