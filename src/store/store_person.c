/* store_person.c - departments and the employee register: persons with
 * their search terms (core/register.h), kept in the same transaction as
 * the person, so a search never misses a change. */
#include "store_int.h"

#include <stdbool.h>
#include <string.h>

#include "core/register.h"

/* ---- departments ---------------------------------------------------------- */

static int read_department(struct db_stmt *q, struct store_arena *a, void *item,
			   struct sw_error *err)
{
	struct store_department *d = item;
	d->id = db_col_int(q, 0);
	d->organisation_id = db_col_int(q, 1);
	d->name = store_arena_strdup(a, db_col_text(q, 2));
	return d->name != NULL ? 0 : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

static int department_find(struct store *st, int64_t org, const char *name, int64_t *id,
			   struct sw_error *err)
{
	static const char sql[] = "SELECT id FROM departments WHERE organisation_id = $1"
				  " AND name = $2";
	struct db_stmt *q = store_stmt(st, sql, err);
	*id = 0;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, org);
	db_bind_text(q, 2, name);
	const int rc = db_next(q, err);
	if (rc == 1)
		*id = db_col_int(q, 0);
	db_reset(q);
	return rc < 0 ? -1 : 0;
}

int store_department_insert(struct store *st, int64_t organisation_id, const char *name,
			    int64_t *id, struct sw_error *err)
{
	static const char sql[] = "INSERT INTO departments (organisation_id, name)"
				  " VALUES ($1, $2) RETURNING id";
	int64_t found;
	if (store_check_required(name, STORE_MAX_NAME, "name", err) != 0 ||
	    store_org_exists(st, organisation_id, "organisation_id", err) != 0 ||
	    department_find(st, organisation_id, name, &found, err) != 0)
		return -1;
	if (found != 0)
		return sw_error_set(err, SW_ECONFLICT, "name", "the organisation has a department %s",
				    name);
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, organisation_id);
	db_bind_text(q, 2, name);
	return db_run_id(q, id, err);
}

int store_department_ensure(struct store *st, int64_t organisation_id, const char *name,
			    int64_t *id, struct sw_error *err)
{
	if (department_find(st, organisation_id, name, id, err) != 0)
		return -1;
	return *id != 0 ? 0 : store_department_insert(st, organisation_id, name, id, err);
}

int store_department_list(struct store *st, struct store_arena *a, int64_t organisation_id,
			  struct store_department **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = "SELECT id, organisation_id, name FROM departments"
				  " WHERE organisation_id = $1 ORDER BY name, id";
	if (store_org_exists(st, organisation_id, "id", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, organisation_id);
	return store_collect(q, a, sizeof **out, read_department, (void **)out, n, err);
}

/* ---- persons -------------------------------------------------------------- */

#define PERSON_COLS                                                                     \
	"SELECT p.id, p.organisation_id, p.personnel_number, p.name, p.birth_date,"      \
	" p.department_id, p.manager_id, p.email, p.user_id, d.name, m.name,"            \
	" (SELECT MIN(c.id) FROM cases c WHERE c.person_id = p.id AND c.status = 'open')," \
	" p.created_at"
#define PERSON_JOINS                                                                    \
	" LEFT JOIN departments d ON d.id = p.department_id"                             \
	" LEFT JOIN persons m ON m.id = p.manager_id"
#define PERSON_SELECT PERSON_COLS " FROM persons p" PERSON_JOINS

static int read_person(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	struct store_person *p = item;
	p->id = db_col_int(q, 0);
	p->organisation_id = db_col_int(q, 1);
	p->birth_date = db_col_date(q, 4);
	p->department_id = db_col_int(q, 5);
	p->manager_id = db_col_int(q, 6);
	p->user_id = db_col_int(q, 8);
	p->open_case_id = db_col_int(q, 11);
	const int cols[] = { 2, 3, 7, 9, 10, 12 };
	const char **to[] = { &p->personnel_number, &p->name, &p->email, &p->department_name,
			      &p->manager_name, &p->created_at };
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++) {
		*to[i] = store_arena_strdup(a, db_col_text(q, cols[i]));
		if (*to[i] == NULL && !db_col_isnull(q, cols[i]))
			return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	}
	return 0;
}

int store_person_get(struct store *st, struct store_arena *a, int64_t id,
		     struct store_person *out, struct sw_error *err)
{
	static const char sql[] = PERSON_SELECT " WHERE p.id = $1";
	return store_get_by_id(st, sql, id, a, read_person, out, "id", err);
}

static int lookup_id(struct store *st, const char *sql, int64_t a1, const char *t2, int64_t i2,
		     int64_t *id, struct sw_error *err)
{
	struct db_stmt *q = store_stmt(st, sql, err);
	*id = 0;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, a1);
	if (t2 != NULL)
		db_bind_text(q, 2, t2);
	else
		db_bind_int(q, 2, i2);
	const int rc = db_next(q, err);
	if (rc == 1)
		*id = db_col_int(q, 0);
	db_reset(q);
	return rc < 0 ? -1 : 0;
}

int store_person_by_number(struct store *st, int64_t organisation_id, const char *number,
			   int64_t *id, struct sw_error *err)
{
	static const char sql[] = "SELECT id FROM persons WHERE organisation_id = $1"
				  " AND personnel_number = $2";
	return lookup_id(st, sql, organisation_id, number, 0, id, err);
}

int store_person_of_user(struct store *st, int64_t user_id, int64_t organisation_id,
			 int64_t *id, struct sw_error *err)
{
	static const char sql[] = "SELECT id FROM persons WHERE user_id = $1"
				  " AND (CAST($2 AS BIGINT) = 0 OR organisation_id = $2) ORDER BY id LIMIT 1";
	return lookup_id(st, sql, user_id, NULL, organisation_id, id, err);
}

int store_person_terms_write(struct store *st, int64_t person_id, int64_t organisation_id,
			     const char *name, const char *number, struct sw_error *err)
{
	static const char del_sql[] = "DELETE FROM person_terms WHERE person_id = $1";
	static const char ins_sql[] = "INSERT INTO person_terms (organisation_id, term, person_id)"
				      " VALUES ($1, $2, $3)";
	char terms[REGISTER_TERMS_MAX][REGISTER_TERM_MAX];
	const size_t n = register_terms(name, number, terms);
	struct db_stmt *q = store_stmt(st, del_sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, person_id);
	if (db_run(q, err) != 0 || (q = store_stmt(st, ins_sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, organisation_id);
	db_bind_int(q, 3, person_id);
	for (size_t i = 0; i < n; i++) {
		db_bind_text(q, 2, terms[i]);
		if (db_run(q, err) != 0)
			return -1;
	}
	return 0;
}

/* The fields of p as the register allows them. */
static int person_check(struct store *st, const struct store_person *p, struct sw_error *err)
{
	static const char dept_sql[] = "SELECT organisation_id FROM departments WHERE id = $1";
	static const char manager_sql[] = "SELECT organisation_id FROM persons WHERE id = $1";
	if (store_check_required(p->personnel_number, 32, "personnel_number", err) != 0 ||
	    store_check_required(p->name, STORE_MAX_NAME, "name", err) != 0 ||
	    store_check_text(p->email, 254, "email", err) != 0)
		return -1;
	const struct { const char *sql, *field; int64_t id; } refs[] = {
		{ dept_sql, "department_id", p->department_id },
		{ manager_sql, "manager_id", p->manager_id },
	};
	for (size_t i = 0; i < 2; i++) {
		int64_t org;
		if (refs[i].id == 0)
			continue;
		struct db_stmt *q = store_stmt(st, refs[i].sql, err);
		if (q == NULL)
			return -1;
		db_bind_int(q, 1, refs[i].id);
		struct sw_error e;
		if (db_run_id(q, &org, &e) != 0) {
			if (e.code != SW_ENOTFOUND) {
				if (err != NULL)
					*err = e;
				return -1;
			}
			org = 0;
		}
		if (org != p->organisation_id)
			return sw_error_set(err, SW_EINVAL, refs[i].field,
					    "no such %s in this organisation",
					    i == 0 ? "department" : "person");
	}
	if (p->manager_id != 0 && p->manager_id == p->id)
		return sw_error_set(err, SW_EINVAL, "manager_id", "a person does not manage themselves");
	return 0;
}

static int number_free(struct store *st, const struct store_person *p, struct sw_error *err)
{
	int64_t other;
	if (store_person_by_number(st, p->organisation_id, p->personnel_number, &other, err) != 0)
		return -1;
	if (other != 0 && other != p->id)
		return sw_error_set(err, SW_ECONFLICT, "personnel_number",
				    "personnel number %s is taken (person %lld)", p->personnel_number,
				    (long long)other);
	return 0;
}

static void bind_opt_id(struct db_stmt *q, int n, int64_t id)
{
	if (id != 0)
		db_bind_int(q, n, id);
	else
		db_bind_null(q, n);
}

int store_person_insert(struct store *st, const struct store_person *p, int64_t *id,
			struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO persons (organisation_id, personnel_number, name, birth_date,"
		" department_id, manager_id, email, user_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
		" RETURNING id";
	struct store_person fresh = *p;
	fresh.id = 0;
	if (store_org_exists(st, p->organisation_id, "organisation_id", err) != 0 ||
	    person_check(st, &fresh, err) != 0 || number_free(st, &fresh, err) != 0 ||
	    (p->user_id != 0 && store_user_exists(st, p->user_id, "user_id", err) != 0))
		return -1;
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, p->organisation_id);
	db_bind_text(q, 2, p->personnel_number);
	db_bind_text(q, 3, p->name);
	db_bind_date(q, 4, p->birth_date);
	bind_opt_id(q, 5, p->department_id);
	bind_opt_id(q, 6, p->manager_id);
	db_bind_text(q, 7, p->email);
	bind_opt_id(q, 8, p->user_id);
	if (db_run_id(q, id, err) != 0 ||
	    store_person_terms_write(st, *id, p->organisation_id, p->name, p->personnel_number,
				     err) != 0)
		goto fail;
	return db_commit(st->db, err);
fail:
	db_rollback(st->db);
	return -1;
}

int store_person_update(struct store *st, const struct store_person *p, struct sw_error *err)
{
	static const char sql[] =
		"UPDATE persons SET personnel_number = $2, name = $3, birth_date = $4,"
		" department_id = $5, manager_id = $6, email = $7, updated_at = {{NOW}} WHERE id = $1";
	if (person_check(st, p, err) != 0 || number_free(st, p, err) != 0)
		return -1;
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, p->id);
	db_bind_text(q, 2, p->personnel_number);
	db_bind_text(q, 3, p->name);
	db_bind_date(q, 4, p->birth_date);
	bind_opt_id(q, 5, p->department_id);
	bind_opt_id(q, 6, p->manager_id);
	db_bind_text(q, 7, p->email);
	if (db_run(q, err) != 0 ||
	    store_person_terms_write(st, p->id, p->organisation_id, p->name, p->personnel_number,
				     err) != 0)
		goto fail;
	return db_commit(st->db, err);
fail:
	db_rollback(st->db);
	return -1;
}

int store_person_set_user(struct store *st, int64_t person_id, int64_t user_id,
			  struct sw_error *err)
{
	static const char sql[] = "UPDATE persons SET user_id = $2, updated_at = {{NOW}}"
				  " WHERE id = $1";
	if (store_user_exists(st, user_id, "user_id", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, person_id);
	db_bind_int(q, 2, user_id);
	return db_run(q, err);
}

/* The caller's scope, the first five parameters of every search
 * statement: $1 the organisation, $2 a department (0: any), $3 restricted
 * to the caller's scope, $4 the casemanager whose departments count, $5
 * the manager's person id of a team. */
#define PERSON_SCOPE                                                                     \
	" p.organisation_id = $1"                                                        \
	" AND (CAST($2 AS BIGINT) = 0 OR p.department_id = $2)"                           \
	" AND (CAST($3 AS BIGINT) = 0"                                                    \
	"  OR (CAST($4 AS BIGINT) <> 0 AND (NOT EXISTS (SELECT 1 FROM org_role_departments r" \
	"    WHERE r.user_id = $4 AND r.organisation_id = $1)"                            \
	"   OR p.department_id IN (SELECT r.department_id FROM org_role_departments r"     \
	"    WHERE r.user_id = $4 AND r.organisation_id = $1)))"                           \
	"  OR (CAST($5 AS BIGINT) <> 0 AND p.manager_id = $5))"

/* A query searches from the terms of its longest word, [$6, $7): a range
 * of the terms index, then the persons by id, so a personnel number that
 * matches one person costs a lookup, not a walk over the organisation. The
 * second word, [$8, $9) ('' for none), must match another term of the same
 * person. CROSS JOIN keeps SQLite from walking the persons by name. */
#define PERSON_MATCHES                                                                   \
	" FROM (SELECT DISTINCT t.person_id FROM person_terms t"                          \
	"  WHERE t.organisation_id = $1 AND t.term >= $6 AND t.term < $7) mt"            \
	" CROSS JOIN persons p"
#define PERSON_MATCH_WHERE                                                               \
	" WHERE p.id = mt.person_id AND" PERSON_SCOPE                                     \
	" AND (CAST($8 AS TEXT) = '' OR EXISTS (SELECT 1 FROM person_terms t2"            \
	"  WHERE t2.person_id = p.id AND t2.term >= $8 AND t2.term < $9))"

static void bind_scope(struct db_stmt *q, const struct store_person_filter *f)
{
	db_bind_int(q, 1, f->organisation_id);
	db_bind_int(q, 2, f->department_id);
	db_bind_int(q, 3, f->restricted != 0);
	db_bind_int(q, 4, f->scope_user);
	db_bind_int(q, 5, f->team_of);
}

/* The prefix ranges of the query's words: lo[i] .. hi[i]. */
struct search_range {
	char lo[2][REGISTER_TERM_MAX];
	char hi[2][REGISTER_TERM_MAX + 1];
};

static void bind_range(struct db_stmt *q, const struct search_range *r)
{
	db_bind_text(q, 6, r->lo[0]);
	db_bind_text(q, 7, r->hi[0]);
	db_bind_text(q, 8, r->lo[1]);
	db_bind_text(q, 9, r->hi[1]);
}

/* How many match: counted on the terms index alone when nothing but one
 * word narrows the search (a casemanager of the whole organisation typing
 * a name), else over the persons found. */
static int search_count(struct store *st, const struct store_person_filter *f,
			const struct search_range *r, int64_t *total, struct sw_error *err)
{
	static const char terms_sql[] =
		"SELECT COUNT(DISTINCT t.person_id) FROM person_terms t"
		" WHERE t.organisation_id = $1 AND t.term >= $2 AND t.term < $3";
	static const char sql[] = "SELECT COUNT(*)" PERSON_MATCHES PERSON_MATCH_WHERE;
	const bool terms_only = f->department_id == 0 && !f->restricted && r->lo[1][0] == '\0';
	struct db_stmt *q = store_stmt(st, terms_only ? terms_sql : sql, err);
	if (q == NULL)
		return -1;
	if (terms_only) {
		db_bind_int(q, 1, f->organisation_id);
		db_bind_text(q, 2, r->lo[0]);
		db_bind_text(q, 3, r->hi[0]);
	} else {
		bind_scope(q, f);
		bind_range(q, r);
	}
	return db_run_id(q, total, err);
}

int store_person_search(struct store *st, struct store_arena *a,
			const struct store_person_filter *f, struct store_person **out,
			size_t *n, int64_t *total, struct sw_error *err)
{
	static const char all_count_sql[] = "SELECT COUNT(*) FROM persons p WHERE" PERSON_SCOPE;
	static const char all_sql[] = PERSON_SELECT " WHERE" PERSON_SCOPE
		" ORDER BY p.name, p.id LIMIT CAST($6 AS BIGINT) OFFSET CAST($7 AS BIGINT)";
	static const char match_sql[] = PERSON_COLS PERSON_MATCHES PERSON_JOINS PERSON_MATCH_WHERE
		" ORDER BY p.name, p.id LIMIT CAST($10 AS BIGINT) OFFSET CAST($11 AS BIGINT)";
	struct search_range r;
	const int64_t limit = f->limit > 0 ? f->limit : INT64_MAX;
	struct db_stmt *q;
	if (register_query_words(f->q != NULL ? f->q : "", r.lo) == 0) {
		if ((q = store_stmt(st, all_count_sql, err)) == NULL)
			return -1;
		bind_scope(q, f);
		if (db_run_id(q, total, err) != 0 || (q = store_stmt(st, all_sql, err)) == NULL)
			return -1;
		bind_scope(q, f);
		db_bind_int(q, 6, limit);
		db_bind_int(q, 7, f->offset);
		return store_collect(q, a, sizeof **out, read_person, (void **)out, n, err);
	}
	for (int i = 0; i < 2; i++)
		if (r.lo[i][0] != '\0')
			register_prefix_end(r.lo[i], r.hi[i], sizeof r.hi[i]);
		else
			r.hi[i][0] = '\0';
	if (search_count(st, f, &r, total, err) != 0 || (q = store_stmt(st, match_sql, err)) == NULL)
		return -1;
	bind_scope(q, f);
	bind_range(q, &r);
	db_bind_int(q, 10, limit);
	db_bind_int(q, 11, f->offset);
	return store_collect(q, a, sizeof **out, read_person, (void **)out, n, err);
}
