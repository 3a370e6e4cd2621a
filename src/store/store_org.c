/* store_org.c - organisations and users. */
#include "store_int.h"

#include <string.h>

static const char *const org_kind_names[STORE_ORG_KIND__COUNT] = {
	[STORE_ORG_WERKGEVER] = "werkgever",
	[STORE_ORG_NETWERK] = "netwerk",
	[STORE_ORG_ARBODIENST] = "arbodienst",
	[STORE_ORG_REINTEGRATIEBEDRIJF] = "re-integratiebedrijf",
};

const char *store_org_kind_name(enum store_org_kind kind)
{
	return (unsigned)kind < STORE_ORG_KIND__COUNT ? org_kind_names[kind] : "";
}

int store_org_kind_parse(const char *s, enum store_org_kind *out)
{
	for (int i = 0; s != NULL && i < STORE_ORG_KIND__COUNT; i++) {
		if (strcmp(s, org_kind_names[i]) == 0) {
			*out = (enum store_org_kind)i;
			return 0;
		}
	}
	return -1;
}

/* ---- organisations ------------------------------------------------------ */

int store_read_org(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	struct store_org *o = item;
	o->id = db_col_int(q, 0);
	o->name = store_arena_strdup(a, db_col_text(q, 1));
	o->created_at = store_arena_strdup(a, db_col_text(q, 3));
	if (o->name == NULL || o->created_at == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	if (store_org_kind_parse(db_col_text(q, 2), &o->kind) != 0)
		return sw_error_set(err, SW_EINTERNAL, "kind", "organisation %lld: unknown kind",
				    (long long)o->id);
	return 0;
}

int store_org_insert(struct store *st, const struct store_org *org, int64_t *id,
		     struct sw_error *err)
{
	static const char sql[] = "INSERT INTO organisations (name, kind) VALUES ($1, $2) RETURNING id";
	if (store_check_required(org->name, STORE_MAX_NAME, "name", err) != 0)
		return -1;
	if ((unsigned)org->kind >= STORE_ORG_KIND__COUNT)
		return sw_error_set(err, SW_EINVAL, "kind",
				    "must be werkgever, netwerk, arbodienst or re-integratiebedrijf");
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_text(q, 1, org->name);
	db_bind_text(q, 2, store_org_kind_name(org->kind));
	return db_run_id(q, id, err);
}

int store_org_get(struct store *st, struct store_arena *a, int64_t id, struct store_org *out,
		  struct sw_error *err)
{
	static const char sql[] = "SELECT " STORE_ORG_COLS " FROM organisations WHERE id = $1";
	return store_get_by_id(st, sql, id, a, store_read_org, out, "id", err);
}

int store_org_list(struct store *st, struct store_arena *a, struct store_org **out, size_t *n,
		   struct sw_error *err)
{
	static const char sql[] = "SELECT " STORE_ORG_COLS " FROM organisations ORDER BY id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	return store_collect(q, a, sizeof **out, store_read_org, (void **)out, n, err);
}

/* ---- users -------------------------------------------------------------- */

#define USER_COLS "id, email, name, password_hash, organisation_id, created_at"

static int read_user(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	struct store_user *u = item;
	u->id = db_col_int(q, 0);
	u->email = store_arena_strdup(a, db_col_text(q, 1));
	u->name = store_arena_strdup(a, db_col_text(q, 2));
	u->password_hash = store_arena_strdup(a, db_col_text(q, 3));
	u->organisation_id = db_col_int(q, 4);
	u->created_at = store_arena_strdup(a, db_col_text(q, 5));
	if (u->email == NULL || u->name == NULL || u->created_at == NULL ||
	    (u->password_hash == NULL && !db_col_isnull(q, 3)))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

/* Emails compare case-insensitively: keep them in lower case (ASCII; the
 * domain part is case-insensitive and no provider here distinguishes the
 * local part). Returns -1 if the address does not look like one. */
int store_email_normalise(const char *in, char out[256])
{
	size_t n = in != NULL ? strlen(in) : 0;
	if (n < 3 || n > 254)
		return -1;
	const char *at = strchr(in, '@');
	if (at == NULL || at == in || at[1] == '\0' || strchr(at + 1, '@') != NULL)
		return -1;
	for (size_t i = 0; i <= n; i++) {
		unsigned char c = (unsigned char)in[i];
		if (c == ' ' || (c < 0x20 && c != '\0'))
			return -1;
		out[i] = (char)(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
	}
	return 0;
}

int store_user_insert(struct store *st, const struct store_user *user, int64_t *id,
		      struct sw_error *err)
{
	static const char sql[] = "INSERT INTO users (email, name, password_hash, organisation_id)"
				  " VALUES ($1, $2, $3, $4) RETURNING id";
	static const char dup_sql[] = "SELECT 1 FROM users WHERE email = $1";
	char email[256];
	if (store_email_normalise(user->email, email) != 0)
		return sw_error_set(err, SW_EINVAL, "email", "not an email address");
	if (store_check_required(user->name, STORE_MAX_NAME, "name", err) != 0 ||
	    store_check_text(user->password_hash, STORE_MAX_NAME, "password_hash", err) != 0)
		return -1;
	if (user->organisation_id != 0 &&
	    store_org_exists(st, user->organisation_id, "organisation_id", err) != 0)
		return -1;

	/* The UNIQUE constraint stays the guard against a race; this check only
	 * names the field. */
	struct db_stmt *q = store_stmt(st, dup_sql, err);
	if (q == NULL)
		return -1;
	db_bind_text(q, 1, email);
	int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	db_reset(q);
	if (rc == 1)
		return sw_error_set(err, SW_ECONFLICT, "email", "%s is already registered", email);

	if ((q = store_stmt(st, sql, err)) == NULL)
		return -1;
	db_bind_text(q, 1, email);
	db_bind_text(q, 2, user->name);
	db_bind_text(q, 3, user->password_hash);
	if (user->organisation_id != 0)
		db_bind_int(q, 4, user->organisation_id);
	else
		db_bind_null(q, 4);
	return db_run_id(q, id, err);
}

int store_user_get(struct store *st, struct store_arena *a, int64_t id, struct store_user *out,
		   struct sw_error *err)
{
	static const char sql[] = "SELECT " USER_COLS " FROM users WHERE id = $1";
	return store_get_by_id(st, sql, id, a, read_user, out, "id", err);
}

int store_user_get_by_email(struct store *st, struct store_arena *a, const char *email,
			    struct store_user *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " USER_COLS " FROM users WHERE email = $1";
	char norm[256];
	if (store_email_normalise(email, norm) != 0)
		return sw_error_set(err, SW_ENOTFOUND, "email", "no user with this email");
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_text(q, 1, norm);
	return store_fetch_one(q, a, read_user, out, "email", err);
}

int store_user_list(struct store *st, struct store_arena *a, int64_t organisation_id,
		    struct store_user **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = "SELECT " USER_COLS " FROM users"
				  " WHERE CAST($1 AS BIGINT) = 0 OR organisation_id = $1 ORDER BY id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, organisation_id);
	return store_collect(q, a, sizeof **out, read_user, (void **)out, n, err);
}
