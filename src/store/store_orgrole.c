/* store_orgrole.c - organisation roles on accounts (DOMAIN.md 2a) and the
 * facts the access policy needs about them: the roles of a user in an
 * organisation, whether a person is in the scope of the user's casemanager
 * role or in the user's team. */
#include "store_int.h"

#include <string.h>

int store_org_roles_of(struct store *st, int64_t user_id, int64_t organisation_id,
		       unsigned *roles, struct sw_error *err)
{
	static const char sql[] = "SELECT role FROM org_roles WHERE user_id = $1"
				  " AND organisation_id = $2";
	struct db_stmt *q = store_stmt(st, sql, err);
	*roles = 0;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, user_id);
	db_bind_int(q, 2, organisation_id);
	int rc;
	while ((rc = db_next(q, err)) == 1) {
		enum org_role r;
		if (org_role_parse(db_col_text(q, 0), &r) == 0)
			*roles |= ORG_ROLE_BIT(r);
	}
	return rc;
}

static int read_role(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	struct store_org_role *r = item;
	r->department_ids = NULL;       /* filled by the second query */
	r->ndepartments = 0;
	r->user_id = db_col_int(q, 0);
	r->organisation_id = db_col_int(q, 1);
	r->organisation_name = store_arena_strdup(a, db_col_text(q, 3));
	if (org_role_parse(db_col_text(q, 2), &r->role) != 0)
		return sw_error_set(err, SW_EINTERNAL, "role", "unknown organisation role");
	return r->organisation_name != NULL ? 0
					    : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

int store_org_role_list(struct store *st, struct store_arena *a, int64_t user_id,
			struct store_org_role **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = "SELECT r.user_id, r.organisation_id, r.role, o.name"
				  " FROM org_roles r JOIN organisations o ON o.id = r.organisation_id"
				  " WHERE r.user_id = $1 ORDER BY r.organisation_id, r.role";
	static const char dept_sql[] = "SELECT organisation_id, department_id"
				       " FROM org_role_departments WHERE user_id = $1"
				       " ORDER BY organisation_id, department_id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, user_id);
	if (store_collect(q, a, sizeof **out, read_role, (void **)out, n, err) != 0 ||
	    (q = store_stmt(st, dept_sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, user_id);
	int rc;
	while ((rc = db_next(q, err)) == 1) {
		const int64_t org = db_col_int(q, 0), dept = db_col_int(q, 1);
		for (size_t i = 0; i < *n; i++) {
			struct store_org_role *r = &(*out)[i];
			if (r->organisation_id != org || r->role != ORG_ROLE_CASEMANAGER)
				continue;
			int64_t *grown = store_arena_alloc(a, (r->ndepartments + 1) * sizeof *grown);
			if (grown == NULL) {
				db_reset(q);
				return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
			}
			if (r->ndepartments > 0)
				memcpy(grown, r->department_ids, r->ndepartments * sizeof *grown);
			grown[r->ndepartments++] = dept;
			r->department_ids = grown;
		}
	}
	return rc;
}

int store_org_roles_set(struct store *st, int64_t user_id, int64_t organisation_id,
			unsigned roles, const int64_t *departments, size_t ndepartments,
			int64_t granted_by, struct sw_error *err)
{
	static const char del_sql[] = "DELETE FROM org_roles WHERE user_id = $1"
				      " AND organisation_id = $2";
	static const char del_dept_sql[] = "DELETE FROM org_role_departments WHERE user_id = $1"
					   " AND organisation_id = $2";
	static const char ins_sql[] = "INSERT INTO org_roles (user_id, organisation_id, role,"
				      " granted_by) VALUES ($1, $2, $3, NULLIF(CAST($4 AS BIGINT), 0))";
	static const char dept_sql[] = "SELECT organisation_id FROM departments WHERE id = $1";
	static const char ins_dept_sql[] = "INSERT INTO org_role_departments (user_id,"
					   " organisation_id, department_id) VALUES ($1, $2, $3)";
	if (store_user_exists(st, user_id, "user_id", err) != 0 ||
	    store_org_exists(st, organisation_id, "organisation_id", err) != 0)
		return -1;
	if (ndepartments > 0 && !(roles & ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER)))
		return sw_error_set(err, SW_EINVAL, "department_ids",
				    "only a casemanager is limited to departments");
	for (size_t i = 0; i < ndepartments; i++) {
		struct db_stmt *q = store_stmt(st, dept_sql, err);
		int64_t org = 0;
		struct sw_error e;
		if (q == NULL)
			return -1;
		db_bind_int(q, 1, departments[i]);
		if (db_run_id(q, &org, &e) != 0 && e.code != SW_ENOTFOUND) {
			if (err != NULL)
				*err = e;
			return -1;
		}
		if (org != organisation_id)
			return sw_error_set(err, SW_EINVAL, "department_ids",
					    "department %lld is not of this organisation",
					    (long long)departments[i]);
	}
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	const char *const dels[] = { del_dept_sql, del_sql };
	for (size_t i = 0; i < 2; i++) {
		struct db_stmt *q = store_stmt(st, dels[i], err);
		if (q == NULL)
			goto fail;
		db_bind_int(q, 1, user_id);
		db_bind_int(q, 2, organisation_id);
		if (db_run(q, err) != 0)
			goto fail;
	}
	for (int r = 0; r < ORG_ROLE__COUNT; r++) {
		if (!(roles & ORG_ROLE_BIT(r)))
			continue;
		struct db_stmt *q = store_stmt(st, ins_sql, err);
		if (q == NULL)
			goto fail;
		db_bind_int(q, 1, user_id);
		db_bind_int(q, 2, organisation_id);
		db_bind_text(q, 3, org_role_name((enum org_role)r));
		db_bind_int(q, 4, granted_by);
		if (db_run(q, err) != 0)
			goto fail;
	}
	for (size_t i = 0; i < ndepartments; i++) {
		struct db_stmt *q = store_stmt(st, ins_dept_sql, err);
		if (q == NULL)
			goto fail;
		db_bind_int(q, 1, user_id);
		db_bind_int(q, 2, organisation_id);
		db_bind_int(q, 3, departments[i]);
		if (db_run(q, err) != 0) {
			if (err != NULL && err->code == SW_ECONFLICT)
				sw_error_set(err, SW_EINVAL, "department_ids", "a department twice");
			goto fail;
		}
	}
	return db_commit(st->db, err);
fail:
	db_rollback(st->db);
	return -1;
}

int store_person_scope(struct store *st, int64_t user_id, int64_t person_id, bool *in_scope,
		       bool *in_team, struct sw_error *err)
{
	/* Column 0: the user is casemanager with the person in scope; 1: the
	 * person's manager is the user's own person record. */
	static const char sql[] =
		"SELECT"
		" (SELECT COUNT(*) FROM org_roles r WHERE r.user_id = $1"
		"  AND r.organisation_id = p.organisation_id AND r.role = 'casemanager'"
		"  AND (NOT EXISTS (SELECT 1 FROM org_role_departments d WHERE d.user_id = $1"
		"    AND d.organisation_id = p.organisation_id)"
		"   OR p.department_id IN (SELECT d.department_id FROM org_role_departments d"
		"    WHERE d.user_id = $1 AND d.organisation_id = p.organisation_id))),"
		" (SELECT COUNT(*) FROM persons m WHERE m.id = p.manager_id AND m.user_id = $1)"
		" FROM persons p WHERE p.id = $2";
	struct db_stmt *q = store_stmt(st, sql, err);
	*in_scope = *in_team = false;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, user_id);
	db_bind_int(q, 2, person_id);
	const int rc = db_next(q, err);
	if (rc == 1) {
		*in_scope = db_col_int(q, 0) > 0;
		*in_team = db_col_int(q, 1) > 0;
	}
	db_reset(q);
	return rc < 0 ? -1 : 0;
}

int store_org_casemanager_for(struct store *st, int64_t organisation_id, int64_t department_id,
			      int64_t *user_id, struct sw_error *err)
{
	/* The department's own casemanager first (0), else one without limits (1). */
	static const char sql[] =
		"SELECT r.user_id, CASE WHEN EXISTS (SELECT 1 FROM org_role_departments d"
		"  WHERE d.user_id = r.user_id AND d.organisation_id = r.organisation_id"
		"  AND d.department_id = $2) THEN 0 ELSE 1 END AS rank"
		" FROM org_roles r JOIN users u ON u.id = r.user_id AND u.active = 1"
		" WHERE r.organisation_id = $1 AND r.role = 'casemanager'"
		" AND (EXISTS (SELECT 1 FROM org_role_departments d WHERE d.user_id = r.user_id"
		"   AND d.organisation_id = r.organisation_id AND d.department_id = $2)"
		"  OR NOT EXISTS (SELECT 1 FROM org_role_departments d WHERE d.user_id = r.user_id"
		"   AND d.organisation_id = r.organisation_id))"
		" ORDER BY rank, r.user_id LIMIT 1";
	struct db_stmt *q = store_stmt(st, sql, err);
	*user_id = 0;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, organisation_id);
	db_bind_int(q, 2, department_id);
	const int rc = db_next(q, err);
	if (rc == 1)
		*user_id = db_col_int(q, 0);
	db_reset(q);
	return rc < 0 ? -1 : 0;
}

int store_org_casemanagers(struct store *st, struct store_arena *a, int64_t organisation_id,
			   struct store_account **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = "SELECT " STORE_ACCOUNT_COLS " FROM users WHERE active = 1"
				  " AND id IN (SELECT user_id FROM org_roles WHERE organisation_id = $1"
				  " AND role = 'casemanager') ORDER BY name, id";
	if (store_org_exists(st, organisation_id, "id", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, organisation_id);
	return store_collect(q, a, sizeof **out, store_read_account, (void **)out, n, err);
}
