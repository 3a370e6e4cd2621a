/* store_case.c - cases (with the sick report fields) and participations. */
#include "store_int.h"

#include <string.h>

static const char *const case_status_names[STORE_CASE_STATUS__COUNT] = {
	[STORE_CASE_OPEN] = "open",
	[STORE_CASE_GESLOTEN] = "gesloten",
};

const char *store_case_status_name(enum store_case_status status)
{
	return (unsigned)status < STORE_CASE_STATUS__COUNT ? case_status_names[status] : "";
}

int store_case_status_parse(const char *s, enum store_case_status *out)
{
	for (int i = 0; s != NULL && i < STORE_CASE_STATUS__COUNT; i++) {
		if (strcmp(s, case_status_names[i]) == 0) {
			*out = (enum store_case_status)i;
			return 0;
		}
	}
	return -1;
}

/* ---- cases -------------------------------------------------------------- */

#define CASE_COLS                                                                        \
	"id, organisation_id, employee_id, status, contact_phone, contact_address, "     \
	"verwachte_duur, lopende_afspraken, vangnet, arbeidsongeval, derde_aansprakelijk, " \
	"created_at"

/* Copies an optional text column; -1 only when out of memory. */
static int opt_text(struct db_stmt *q, int col, struct store_arena *a, const char **out)
{
	*out = store_arena_strdup(a, db_col_text(q, col));
	return *out == NULL && !db_col_isnull(q, col) ? -1 : 0;
}

static int read_case(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	struct store_case *c = item;
	c->id = db_col_int(q, 0);
	c->organisation_id = db_col_int(q, 1);
	c->employee_id = db_col_int(q, 2);
	if (store_case_status_parse(db_col_text(q, 3), &c->status) != 0)
		return sw_error_set(err, SW_EINTERNAL, "status", "case %lld: unknown status",
				    (long long)c->id);
	c->vangnet = (int)db_col_int(q, 8);
	c->arbeidsongeval = (int)db_col_int(q, 9);
	c->derde_aansprakelijk = (int)db_col_int(q, 10);
	c->created_at = store_arena_strdup(a, db_col_text(q, 11));
	if (opt_text(q, 4, a, &c->contact_phone) != 0 || opt_text(q, 5, a, &c->contact_address) != 0 ||
	    opt_text(q, 6, a, &c->verwachte_duur) != 0 ||
	    opt_text(q, 7, a, &c->lopende_afspraken) != 0 || c->created_at == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

static int check_flag(int v, const char *field, struct sw_error *err)
{
	if (v != 0 && v != 1)
		return sw_error_set(err, SW_EINVAL, field, "must be 0 (no) or 1 (yes)");
	return 0;
}

static int check_case(struct store *st, const struct store_case *c, struct sw_error *err)
{
	if ((unsigned)c->status >= STORE_CASE_STATUS__COUNT)
		return sw_error_set(err, SW_EINVAL, "status", "must be open or gesloten");
	if (store_check_text(c->contact_phone, STORE_MAX_NAME, "contact_phone", err) != 0 ||
	    store_check_text(c->contact_address, STORE_MAX_TEXT, "contact_address", err) != 0 ||
	    store_check_text(c->verwachte_duur, STORE_MAX_NAME, "verwachte_duur", err) != 0 ||
	    store_check_text(c->lopende_afspraken, STORE_MAX_TEXT, "lopende_afspraken", err) != 0 ||
	    check_flag(c->vangnet, "vangnet", err) != 0 ||
	    check_flag(c->arbeidsongeval, "arbeidsongeval", err) != 0 ||
	    check_flag(c->derde_aansprakelijk, "derde_aansprakelijk", err) != 0)
		return -1;
	if (store_org_exists(st, c->organisation_id, "organisation_id", err) != 0 ||
	    store_user_exists(st, c->employee_id, "employee_id", err) != 0)
		return -1;
	return 0;
}

int store_case_insert(struct store *st, const struct store_case *c, int64_t *id,
		      struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO cases (organisation_id, employee_id, status, contact_phone,"
		" contact_address, verwachte_duur, lopende_afspraken, vangnet, arbeidsongeval,"
		" derde_aansprakelijk) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id";
	if (check_case(st, c, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, c->organisation_id);
	db_bind_int(q, 2, c->employee_id);
	db_bind_text(q, 3, store_case_status_name(c->status));
	db_bind_text(q, 4, c->contact_phone);
	db_bind_text(q, 5, c->contact_address);
	db_bind_text(q, 6, c->verwachte_duur);
	db_bind_text(q, 7, c->lopende_afspraken);
	db_bind_int(q, 8, c->vangnet);
	db_bind_int(q, 9, c->arbeidsongeval);
	db_bind_int(q, 10, c->derde_aansprakelijk);
	return db_run_id(q, id, err);
}

int store_case_get(struct store *st, struct store_arena *a, int64_t id, struct store_case *out,
		   struct sw_error *err)
{
	static const char sql[] = "SELECT " CASE_COLS " FROM cases WHERE id = $1";
	return store_get_by_id(st, sql, id, a, read_case, out, "id", err);
}

int store_case_set_status(struct store *st, int64_t id, enum store_case_status status,
			  struct sw_error *err)
{
	static const char sql[] = "UPDATE cases SET status = $2 WHERE id = $1";
	if ((unsigned)status >= STORE_CASE_STATUS__COUNT)
		return sw_error_set(err, SW_EINVAL, "status", "must be open or gesloten");
	if (store_case_exists(st, id, "id", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	db_bind_text(q, 2, store_case_status_name(status));
	return db_run(q, err);
}

int store_case_list(struct store *st, struct store_arena *a, const struct store_case_filter *f,
		    struct store_case **out, size_t *n, struct sw_error *err)
{
	/* 0 disables a filter; the CASTs fix the parameter type for PostgreSQL
	 * and make SQLite compare numbers, not text. */
	static const char sql[] =
		"SELECT " CASE_COLS " FROM cases c"
		" WHERE (CAST($1 AS BIGINT) = 0 OR c.organisation_id = $1)"
		" AND (CAST($2 AS BIGINT) = 0 OR EXISTS (SELECT 1 FROM participations p"
		"  WHERE p.case_id = c.id AND p.user_id = $2))"
		" AND c.id > CAST($3 AS BIGINT)"
		" ORDER BY c.id LIMIT CAST($4 AS BIGINT)";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, f->organisation_id);
	db_bind_int(q, 2, f->participant_id);
	db_bind_int(q, 3, f->after_id);
	db_bind_int(q, 4, f->limit > 0 ? f->limit : INT64_MAX);
	return store_collect(q, a, sizeof **out, read_case, (void **)out, n, err);
}

/* ---- participations ----------------------------------------------------- */

#define PART_COLS "id, case_id, user_id, role, from_date, until_date"

static int read_participation(struct db_stmt *q, struct store_arena *a, void *item,
			      struct sw_error *err)
{
	(void)a;
	struct store_participation *p = item;
	p->id = db_col_int(q, 0);
	p->case_id = db_col_int(q, 1);
	p->user_id = db_col_int(q, 2);
	p->from = db_col_date(q, 4);
	p->until = db_col_date(q, 5);
	if (role_parse(db_col_text(q, 3), &p->role) != 0)
		return sw_error_set(err, SW_EINTERNAL, "role", "participation %lld: unknown role",
				    (long long)p->id);
	return 0;
}

int store_participation_insert(struct store *st, const struct store_participation *p,
			       int64_t *id, struct sw_error *err)
{
	static const char sql[] = "INSERT INTO participations (case_id, user_id, role, from_date,"
				  " until_date) VALUES ($1, $2, $3, $4, $5) RETURNING id";
	if ((unsigned)p->role >= ROLE__COUNT)
		return sw_error_set(err, SW_EINVAL, "role", "unknown role");
	if (p->role == ROLE_BEHEERDER)
		return sw_error_set(err, SW_EINVAL, "role", "a beheerder never takes part in a case");
	if (p->from == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "from", "required");
	if (p->until != DATE_NONE && p->until < p->from)
		return sw_error_set(err, SW_EINVAL, "until", "before from");
	const int64_t employee = store_case_employee(st, p->case_id, err);
	if (employee == 0 || store_user_exists(st, p->user_id, "user_id", err) != 0)
		return -1;
	if (p->role == ROLE_WERKNEMER && p->user_id != employee)
		return sw_error_set(err, SW_EINVAL, "user_id",
				    "the werknemer of a case is its employee (user %lld)",
				    (long long)employee);

	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, p->case_id);
	db_bind_int(q, 2, p->user_id);
	db_bind_text(q, 3, role_name(p->role));
	db_bind_date(q, 4, p->from);
	db_bind_date(q, 5, p->until);
	return db_run_id(q, id, err);
}

int store_participation_get(struct store *st, int64_t id, struct store_participation *out,
			    struct sw_error *err)
{
	static const char sql[] = "SELECT " PART_COLS " FROM participations WHERE id = $1";
	return store_get_by_id(st, sql, id, NULL, read_participation, out, "id", err);
}

int store_participation_end(struct store *st, int64_t id, sw_date until, struct sw_error *err)
{
	static const char sql[] = "UPDATE participations SET until_date = $2 WHERE id = $1";
	struct store_participation p;
	if (until == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "until", "required");
	if (store_participation_get(st, id, &p, err) != 0)
		return -1;
	if (until < p.from)
		return sw_error_set(err, SW_EINVAL, "until", "before the participation's from");
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	db_bind_date(q, 2, until);
	return db_run(q, err);
}

int store_participation_list(struct store *st, struct store_arena *a, int64_t case_id,
			     struct store_participation **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = "SELECT " PART_COLS " FROM participations WHERE case_id = $1"
				  " ORDER BY id";
	return store_list_by_case(st, sql, case_id, a, sizeof **out, read_participation, (void **)out, n, err);
}

int store_user_case_roles(struct store *st, int64_t user_id, sw_date today, unsigned *roles,
			  struct sw_error *err)
{
	static const char sql[] = "SELECT DISTINCT role FROM participations WHERE user_id = $1"
				  " AND from_date <= $2 AND (until_date IS NULL OR until_date >= $2)";
	*roles = 0;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, user_id);
	db_bind_date(q, 2, today);
	int rc;
	while ((rc = db_next(q, err)) == 1) {
		enum role r;
		if (role_parse(db_col_text(q, 0), &r) == 0)
			*roles |= ROLE_BIT(r);
	}
	return rc;
}

int store_participation_list_user(struct store *st, struct store_arena *a, int64_t user_id,
				  int64_t case_id, struct store_participation **out, size_t *n,
				  struct sw_error *err)
{
	static const char sql[] = "SELECT " PART_COLS " FROM participations WHERE user_id = $1"
				  " AND (CAST($2 AS BIGINT) = 0 OR case_id = $2) ORDER BY case_id, id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, user_id);
	db_bind_int(q, 2, case_id);
	return store_collect(q, a, sizeof **out, read_participation, (void **)out, n, err);
}
