/* store_invitation.c - invitations to create an account: issued by a
 * beheerder, used once within STORE_INVITATION_SECONDS. Only the digest of
 * the token is stored. */
#include "store_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define INVITATION_COLS                                                             \
	"id, email, name, organisation_id, is_beheerder, created_by, created_at,"   \
	" expires_at, accepted_at, revoked_at, user_id, person_id, org_roles,"      \
	" org_department_ids"

/* The roles column: role names joined by ','; NULL for none. */
static void roles_text(unsigned roles, char *out, size_t outsz)
{
	size_t len = 0;
	out[0] = '\0';
	for (int r = 0; r < ORG_ROLE__COUNT; r++)
		if (roles & ORG_ROLE_BIT(r))
			len += (size_t)snprintf(out + len, outsz - len, "%s%s", len ? "," : "",
						org_role_name((enum org_role)r));
}

static unsigned roles_parse(const char *s)
{
	unsigned roles = 0;
	char buf[128];
	snprintf(buf, sizeof buf, "%s", s != NULL ? s : "");
	for (char *save = NULL, *t = strtok_r(buf, ",", &save); t != NULL;
	     t = strtok_r(NULL, ",", &save)) {
		enum org_role r;
		if (org_role_parse(t, &r) == 0)
			roles |= ORG_ROLE_BIT(r);
	}
	return roles;
}

/* The departments column: ids joined by ','; NULL for none. */
static char *departments_text(struct store_arena *a, const int64_t *ids, size_t n)
{
	char *out = store_arena_alloc(a, n * 21 + 1);
	size_t len = 0;
	if (out == NULL)
		return NULL;
	out[0] = '\0';
	for (size_t i = 0; i < n; i++)
		len += (size_t)sprintf(out + len, "%s%" PRId64, i ? "," : "", ids[i]);
	return out;
}

static int departments_parse(struct store_arena *a, const char *s, struct store_invitation *v)
{
	v->department_ids = NULL;
	v->ndepartments = 0;
	if (s == NULL || *s == '\0')
		return 0;
	size_t n = 1;
	for (const char *p = s; *p; p++)
		n += *p == ',';
	int64_t *ids = store_arena_alloc(a, n * sizeof *ids);
	if (ids == NULL)
		return -1;
	for (const char *p = s; *p; p += *p == ',') {
		char *end;
		ids[v->ndepartments++] = strtoll(p, &end, 10);
		p = end;
	}
	v->department_ids = ids;
	return 0;
}

static int read_invitation(struct db_stmt *q, struct store_arena *a, void *item,
			   struct sw_error *err)
{
	struct store_invitation *v = item;
	memset(v, 0, sizeof *v);
	v->id = db_col_int(q, 0);
	v->email = store_arena_strdup(a, db_col_text(q, 1));
	v->name = store_arena_strdup(a, db_col_text(q, 2));
	v->organisation_id = db_col_int(q, 3);
	v->is_beheerder = db_col_int(q, 4) != 0;
	v->created_by = db_col_int(q, 5);
	v->created_at = store_arena_strdup(a, db_col_text(q, 6));
	v->expires_at = store_arena_strdup(a, db_col_text(q, 7));
	v->accepted_at = store_arena_strdup(a, db_col_text(q, 8));
	v->revoked_at = store_arena_strdup(a, db_col_text(q, 9));
	v->user_id = db_col_int(q, 10);
	v->person_id = db_col_int(q, 11);
	v->org_roles = roles_parse(db_col_text(q, 12));
	if (departments_parse(a, db_col_text(q, 13), v) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	if (v->email == NULL || v->name == NULL || v->created_at == NULL ||
	    v->expires_at == NULL || (v->accepted_at == NULL && !db_col_isnull(q, 8)) ||
	    (v->revoked_at == NULL && !db_col_isnull(q, 9)))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

/* The account with this (normalised) email: 1 with *id, *has_password and
 * *org_id set, 0 when there is none. */
static int find_account(struct store *st, const char *email, int64_t *id, int *has_password,
			int64_t *org_id, struct sw_error *err)
{
	static const char sql[] = "SELECT id, CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END,"
				  " organisation_id, active FROM users WHERE email = $1";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_text(q, 1, email);
	const int rc = db_next(q, err);
	if (rc <= 0)
		return rc;
	*id = db_col_int(q, 0);
	/* A deactivated account counts as one that can log in: an invitation
	 * must not be a way around the beheerder's deactivation. */
	*has_password = db_col_int(q, 1) != 0 || db_col_int(q, 3) == 0;
	*org_id = db_col_int(q, 2);
	db_reset(q);
	return 1;
}

/* The organisation of a department or person (table), 0 when unknown;
 * *user_id the person's account. */
static int owner_of(struct store *st, const char *sql, int64_t id, int64_t *org,
		    int64_t *user_id, struct sw_error *err)
{
	struct db_stmt *q = store_stmt(st, sql, err);
	*org = *user_id = 0;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	const int rc = db_next(q, err);
	if (rc == 1) {
		*org = db_col_int(q, 0);
		*user_id = db_col_int(q, 1);
	}
	db_reset(q);
	return rc < 0 ? -1 : 0;
}

/* What accepting gives must fit the invitation's organisation. */
static int check_grants(struct store *st, const struct store_invitation *inv,
			struct sw_error *err)
{
	static const char dept_sql[] = "SELECT organisation_id, 0 FROM departments WHERE id = $1";
	static const char person_sql[] = "SELECT organisation_id, COALESCE(user_id, 0)"
					 " FROM persons WHERE id = $1";
	int64_t org, uid;
	if ((inv->org_roles != 0 || inv->ndepartments > 0 || inv->person_id != 0) &&
	    inv->organisation_id == 0)
		return sw_error_set(err, SW_EINVAL, "organisation_id",
				    "organisation roles and a person need the organisation");
	if (inv->ndepartments > 0 && !(inv->org_roles & ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER)))
		return sw_error_set(err, SW_EINVAL, "department_ids",
				    "only a casemanager is limited to departments");
	for (size_t i = 0; i < inv->ndepartments; i++) {
		if (owner_of(st, dept_sql, inv->department_ids[i], &org, &uid, err) != 0)
			return -1;
		if (org != inv->organisation_id)
			return sw_error_set(err, SW_EINVAL, "department_ids",
					    "department %lld is not of this organisation",
					    (long long)inv->department_ids[i]);
	}
	if (inv->person_id == 0)
		return 0;
	if (owner_of(st, person_sql, inv->person_id, &org, &uid, err) != 0)
		return -1;
	if (org != inv->organisation_id)
		return sw_error_set(err, SW_EINVAL, "person_id", "not a person of this organisation");
	if (uid != 0)
		return sw_error_set(err, SW_ECONFLICT, "person_id", "this person has an account already");
	return 0;
}

int store_invitation_insert(struct store *st, const struct store_invitation *inv, int64_t *id,
			    struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO invitations (token_digest, email, name, organisation_id, is_beheerder,"
		" created_by, expires_at, person_id, org_roles, org_department_ids)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, NULLIF(CAST($8 AS BIGINT), 0), $9, $10)"
		" RETURNING id";
	char email[256];
	if (store_email_normalise(inv->email, email) != 0)
		return sw_error_set(err, SW_EINVAL, "email", "not an email address");
	if (store_check_required(inv->name, STORE_MAX_NAME, "name", err) != 0 ||
	    store_check_required(inv->token_digest, STORE_MAX_NAME, "token_digest", err) != 0 ||
	    store_check_required(inv->expires_at, STORE_TS_LEN, "expires_at", err) != 0 ||
	    (inv->organisation_id != 0 &&
	     store_org_exists(st, inv->organisation_id, "organisation_id", err) != 0) ||
	    store_user_exists(st, inv->created_by, "created_by", err) != 0 ||
	    check_grants(st, inv, err) != 0)
		return -1;
	int64_t uid = 0, org = 0;
	int has_password = 0;
	const int found = find_account(st, email, &uid, &has_password, &org, err);
	if (found < 0)
		return -1;
	if (found && has_password)
		return sw_error_set(err, SW_ECONFLICT, "email", "%s already has an account", email);
	if (found && org != inv->organisation_id)
		return sw_error_set(err, SW_EINVAL, "organisation_id",
				    "%s is recorded at another organisation", email);
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_text(q, 1, inv->token_digest);
	db_bind_text(q, 2, email);
	db_bind_text(q, 3, inv->name);
	if (inv->organisation_id != 0)
		db_bind_int(q, 4, inv->organisation_id);
	else
		db_bind_null(q, 4);
	db_bind_int(q, 5, inv->is_beheerder ? 1 : 0);
	db_bind_int(q, 6, inv->created_by);
	db_bind_text(q, 7, inv->expires_at);
	db_bind_int(q, 8, inv->person_id);
	char roles[128];
	roles_text(inv->org_roles, roles, sizeof roles);
	if (roles[0] != '\0')
		db_bind_text(q, 9, roles);
	else
		db_bind_null(q, 9);
	struct store_arena a = { 0 };
	const char *depts = NULL;
	if (inv->ndepartments > 0 &&
	    (depts = departments_text(&a, inv->department_ids, inv->ndepartments)) == NULL) {
		db_reset(q);
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	}
	if (depts != NULL)
		db_bind_text(q, 10, depts);
	else
		db_bind_null(q, 10);
	const int rc = db_run_id(q, id, err);
	store_arena_free(&a);
	return rc;
}

int store_invitation_get(struct store *st, struct store_arena *a, int64_t id,
			 struct store_invitation *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " INVITATION_COLS " FROM invitations WHERE id = $1";
	return store_get_by_id(st, sql, id, a, read_invitation, out, "id", err);
}

/* $1 the time, $2 the organisation (0: any). */
#define OPEN_WHERE " WHERE accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $1" \
		   " AND ($2 = 0 OR organisation_id = $2)"

int store_invitation_list_open(struct store *st, struct store_arena *a, int64_t now,
			       int64_t organisation_id, int64_t offset, int limit,
			       struct store_invitation **out, size_t *n, int64_t *total,
			       struct sw_error *err)
{
	static const char count_sql[] = "SELECT COUNT(*) FROM invitations" OPEN_WHERE;
	static const char sql[] = "SELECT " INVITATION_COLS " FROM invitations" OPEN_WHERE
				  " ORDER BY id LIMIT $3 OFFSET $4";
	char ts[STORE_TS_LEN];
	store_timestamp(now, ts);
	struct db_stmt *q = store_stmt(st, count_sql, err);
	if (q == NULL)
		return -1;
	db_bind_text(q, 1, ts);
	db_bind_int(q, 2, organisation_id);
	if (db_run_id(q, total, err) != 0 || (q = store_stmt(st, sql, err)) == NULL)
		return -1;
	db_bind_text(q, 1, ts);
	db_bind_int(q, 2, organisation_id);
	db_bind_int(q, 3, limit > 0 ? limit : INT64_MAX);
	db_bind_int(q, 4, offset);
	return store_collect(q, a, sizeof **out, read_invitation, (void **)out, n, err);
}

int store_invitation_revoke(struct store *st, int64_t id, int64_t now, struct sw_error *err)
{
	/* One statement: a revocation and an acceptance cannot both win. */
	static const char sql[] = "UPDATE invitations SET revoked_at = $2"
				  " WHERE id = $1 AND accepted_at IS NULL AND revoked_at IS NULL"
				  " RETURNING id";
	char ts[STORE_TS_LEN];
	store_timestamp(now, ts);
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	db_bind_text(q, 2, ts);
	int64_t got;
	struct sw_error e;
	if (db_run_id(q, &got, &e) == 0)
		return 0;
	if (e.code != SW_ENOTFOUND) {
		if (err != NULL)
			*err = e;
		return -1;
	}
	struct store_arena a = { 0 };
	struct store_invitation v;
	const int rc = store_invitation_get(st, &a, id, &v, err);
	store_arena_free(&a);
	if (rc != 0)
		return -1;
	return sw_error_set(err, SW_ECONFLICT, "id", "the invitation was already used or revoked");
}

int store_invitation_check(struct store *st, const char *digest, int64_t now,
			   struct sw_error *err)
{
	static const char sql[] = "SELECT accepted_at, revoked_at, expires_at FROM invitations"
				  " WHERE token_digest = $1";
	char ts[STORE_TS_LEN];
	store_timestamp(now, ts);
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_text(q, 1, digest);
	const int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return sw_error_set(err, SW_ENOTFOUND, "token", "no such invitation");
	const int accepted = !db_col_isnull(q, 0), revoked = !db_col_isnull(q, 1);
	/* Both backends read a {{TS}} back as "YYYY-MM-DD HH:MM:SS+00". */
	const int expired = strcmp(db_col_text(q, 2), ts) <= 0;
	db_reset(q);
	if (accepted)
		return sw_error_set(err, SW_ECONFLICT, "token", "this invitation was already used");
	if (revoked)
		return sw_error_set(err, SW_ECONFLICT, "token", "this invitation was withdrawn");
	if (expired)
		return sw_error_set(err, SW_ECONFLICT, "token",
				    "this invitation has expired; ask for a new one");
	return 0;
}

/* Creates the invited account, or sets the password of the waiting one. */
static int make_account(struct store *st, const struct store_invitation *v, const char *hash,
			int64_t *user_id, struct sw_error *err)
{
	int64_t org = 0;
	int has_password = 0;
	const int found = find_account(st, v->email, user_id, &has_password, &org, err);
	if (found < 0)
		return -1;
	if (found && has_password)
		return sw_error_set(err, SW_ECONFLICT, "email", "%s already has an account",
				    v->email);
	if (!found) {
		const struct store_user u = { .email = v->email, .name = v->name,
					      .password_hash = hash,
					      .organisation_id = v->organisation_id };
		if (store_user_insert(st, &u, user_id, err) != 0)
			return -1;
	} else if (store_user_set_password(st, *user_id, hash, err) != 0) {
		return -1;
	}
	return v->is_beheerder ? store_user_set_beheerder(st, *user_id, 1, err) : 0;
}

/* The new account becomes the person of the register: their werknemer
 * from the first sick day of each open case. The person got an account
 * since the invitation was made: 409. */
static int link_person(struct store *st, int64_t person_id, int64_t user_id,
		       struct sw_error *err)
{
	static const char link_sql[] = "UPDATE persons SET user_id = $2"
				       " WHERE id = $1 AND user_id IS NULL RETURNING id";
	static const char part_sql[] =
		"INSERT INTO participations (case_id, user_id, role, from_date, until_date)"
		" SELECT c.id, CAST($2 AS BIGINT), 'werknemer',"
		"  (SELECT MIN(s.from_date) FROM sick_periods s WHERE s.case_id = c.id), NULL"
		" FROM cases c WHERE c.person_id = $1 AND c.status = 'open'"
		" AND EXISTS (SELECT 1 FROM sick_periods s WHERE s.case_id = c.id)"
		" AND NOT EXISTS (SELECT 1 FROM participations p WHERE p.case_id = c.id"
		"  AND p.user_id = $2 AND p.role = 'werknemer')";
	struct db_stmt *q = store_stmt(st, link_sql, err);
	int64_t got;
	struct sw_error e;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, person_id);
	db_bind_int(q, 2, user_id);
	if (db_run_id(q, &got, &e) != 0) {
		if (e.code == SW_ENOTFOUND)
			return sw_error_set(err, SW_ECONFLICT, "token",
					    "the person of this invitation has an account already");
		if (err != NULL)
			*err = e;
		return -1;
	}
	if ((q = store_stmt(st, part_sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, person_id);
	db_bind_int(q, 2, user_id);
	return db_run(q, err);
}

/* Roles and person of the invitation, for the account just made. */
static int grant(struct store *st, const struct store_invitation *v, int64_t user_id,
		 struct sw_error *err)
{
	if (v->org_roles != 0 &&
	    store_org_roles_set(st, user_id, v->organisation_id, v->org_roles, v->department_ids,
				v->ndepartments, v->created_by, err) != 0)
		return -1;
	return v->person_id != 0 ? link_person(st, v->person_id, user_id, err) : 0;
}

int store_invitation_accept(struct store *st, const char *digest, int64_t now,
			    const char *password_hash, int64_t *user_id, struct sw_error *err)
{
	/* Claiming the row is the single-use guard: of two concurrent accepts
	 * only one UPDATE matches. */
	static const char claim_sql[] =
		"UPDATE invitations SET accepted_at = $2 WHERE token_digest = $1"
		" AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > $2 RETURNING id";
	static const char user_sql[] = "UPDATE invitations SET user_id = $2 WHERE id = $1";
	if (store_check_required(password_hash, STORE_MAX_NAME, "password_hash", err) != 0)
		return -1;
	char ts[STORE_TS_LEN];
	store_timestamp(now, ts);
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	struct store_arena a = { 0 };
	struct store_invitation v;
	int64_t id;
	struct sw_error e;
	struct db_stmt *q = store_stmt(st, claim_sql, err);
	if (q == NULL)
		goto fail;
	db_bind_text(q, 1, digest);
	db_bind_text(q, 2, ts);
	if (db_run_id(q, &id, &e) != 0) {
		if (e.code != SW_ENOTFOUND) {
			if (err != NULL)
				*err = e;
		} else if (store_invitation_check(st, digest, now, err) == 0) {
			sw_error_set(err, SW_ECONFLICT, "token", "this invitation was just used");
		}
		goto fail;
	}
	if (store_invitation_get(st, &a, id, &v, err) != 0 ||
	    make_account(st, &v, password_hash, user_id, err) != 0 ||
	    grant(st, &v, *user_id, err) != 0 ||
	    (q = store_stmt(st, user_sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, id);
	db_bind_int(q, 2, *user_id);
	if (db_run(q, err) != 0)
		goto fail;
	store_arena_free(&a);
	return db_commit(st->db, err);
fail:
	store_arena_free(&a);
	db_rollback(st->db);
	return -1;
}
