/* store_case.c - cases (with the sick report fields) and participations. */
#include "store_int.h"

#include <string.h>

#include "core/register.h"

static const char *const case_status_names[STORE_CASE_STATUS__COUNT] = {
	[STORE_CASE_OPEN] = "open",
	[STORE_CASE_GESLOTEN] = "gesloten",
	[STORE_CASE_INGETROKKEN] = "ingetrokken",
};

static const char *const reporter_names[STORE_REPORTER__COUNT] = {
	[STORE_REPORTED_NONE] = NULL,
	[STORE_REPORTED_CASEMANAGER] = "casemanager",
	[STORE_REPORTED_LEIDINGGEVENDE] = "leidinggevende",
	[STORE_REPORTED_WERKNEMER] = "werknemer",
	[STORE_REPORTED_IMPORT] = "import",
};

const char *store_reporter_name(enum store_reporter r)
{
	return (unsigned)r < STORE_REPORTER__COUNT ? reporter_names[r] : NULL;
}

static enum store_reporter reporter_parse(const char *s)
{
	for (int i = 1; s != NULL && i < STORE_REPORTER__COUNT; i++)
		if (strcmp(s, reporter_names[i]) == 0)
			return (enum store_reporter)i;
	return STORE_REPORTED_NONE;
}

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

/* The employee's account comes from the register. */
#define CASE_SELECT                                                                      \
	"SELECT c.id, c.organisation_id, COALESCE(p.user_id, 0), c.status, c.contact_phone," \
	" c.contact_address, c.verwachte_duur, c.lopende_afspraken, c.vangnet,"           \
	" c.arbeidsongeval, c.derde_aansprakelijk, c.created_at, c.person_id,"            \
	" c.employment_id, c.casemanager_id, c.reported_by, c.reported_role,"             \
	" c.expected_recovery, c.end_reason, c.withdrawn_reason"                          \
	" FROM cases c JOIN persons p ON p.id = c.person_id"

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
	c->person_id = db_col_int(q, 12);
	c->employment_id = db_col_int(q, 13);
	c->casemanager_id = db_col_int(q, 14);
	c->reported_by = db_col_int(q, 15);
	c->reported_role = reporter_parse(db_col_text(q, 16));
	c->expected_recovery = db_col_date(q, 17);
	if (opt_text(q, 4, a, &c->contact_phone) != 0 || opt_text(q, 5, a, &c->contact_address) != 0 ||
	    opt_text(q, 6, a, &c->verwachte_duur) != 0 || opt_text(q, 18, a, &c->end_reason) != 0 ||
	    opt_text(q, 19, a, &c->withdrawn_reason) != 0 ||
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
		return sw_error_set(err, SW_EINVAL, "status", "must be open, gesloten or ingetrokken");
	if ((unsigned)c->reported_role >= STORE_REPORTER__COUNT)
		return sw_error_set(err, SW_EINVAL, "reported_role", "unknown reporter");
	if (store_check_text(c->contact_phone, STORE_MAX_NAME, "contact_phone", err) != 0 ||
	    store_check_text(c->contact_address, STORE_MAX_TEXT, "contact_address", err) != 0 ||
	    store_check_text(c->verwachte_duur, STORE_MAX_NAME, "verwachte_duur", err) != 0 ||
	    store_check_text(c->lopende_afspraken, STORE_MAX_TEXT, "lopende_afspraken", err) != 0 ||
	    check_flag(c->vangnet, "vangnet", err) != 0 ||
	    check_flag(c->arbeidsongeval, "arbeidsongeval", err) != 0 ||
	    check_flag(c->derde_aansprakelijk, "derde_aansprakelijk", err) != 0)
		return -1;
	if (store_org_exists(st, c->organisation_id, "organisation_id", err) != 0)
		return -1;
	static const char person_sql[] = "SELECT organisation_id FROM persons WHERE id = $1";
	struct db_stmt *q = store_stmt(st, person_sql, err);
	int64_t org;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, c->person_id);
	if (db_run_id(q, &org, err) != 0) {
		if (err != NULL && err->code == SW_ENOTFOUND)
			sw_error_set(err, SW_ENOTFOUND, "person_id", "no such person");
		return -1;
	}
	if (org != c->organisation_id)
		return sw_error_set(err, SW_EINVAL, "person_id",
				    "is not in the register of the case's organisation");
	return 0;
}

int store_case_insert(struct store *st, const struct store_case *c, int64_t *id,
		      struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO cases (organisation_id, person_id, status, contact_phone,"
		" contact_address, verwachte_duur, lopende_afspraken, vangnet, arbeidsongeval,"
		" derde_aansprakelijk, employment_id, casemanager_id, reported_by, reported_role,"
		" expected_recovery) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,"
		" NULLIF(CAST($11 AS BIGINT), 0), NULLIF(CAST($12 AS BIGINT), 0),"
		" NULLIF(CAST($13 AS BIGINT), 0), $14, $15) RETURNING id";
	if (check_case(st, c, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, c->organisation_id);
	db_bind_int(q, 2, c->person_id);
	db_bind_text(q, 3, store_case_status_name(c->status));
	db_bind_text(q, 4, c->contact_phone);
	db_bind_text(q, 5, c->contact_address);
	db_bind_text(q, 6, c->verwachte_duur);
	db_bind_text(q, 7, c->lopende_afspraken);
	db_bind_int(q, 8, c->vangnet);
	db_bind_int(q, 9, c->arbeidsongeval);
	db_bind_int(q, 10, c->derde_aansprakelijk);
	db_bind_int(q, 11, c->employment_id);
	db_bind_int(q, 12, c->casemanager_id);
	db_bind_int(q, 13, c->reported_by);
	db_bind_text(q, 14, store_reporter_name(c->reported_role));
	db_bind_date(q, 15, c->expected_recovery);
	return db_run_id(q, id, err);
}

int store_case_get(struct store *st, struct store_arena *a, int64_t id, struct store_case *out,
		   struct sw_error *err)
{
	static const char sql[] = CASE_SELECT " WHERE c.id = $1";
	return store_get_by_id(st, sql, id, a, read_case, out, "id", err);
}

int store_case_set_casemanager(struct store *st, int64_t id, int64_t user_id,
			       struct sw_error *err)
{
	static const char sql[] = "UPDATE cases SET casemanager_id = $2 WHERE id = $1";
	if (store_case_exists(st, id, "id", err) != 0 ||
	    store_user_exists(st, user_id, "user_id", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	db_bind_int(q, 2, user_id);
	return db_run(q, err);
}

int store_case_open_of_employment(struct store *st, int64_t employment_id, int64_t *case_id,
				  struct sw_error *err)
{
	static const char sql[] = "SELECT id FROM cases WHERE employment_id = $1"
				  " AND status = 'open' ORDER BY id LIMIT 1";
	struct db_stmt *q = store_stmt(st, sql, err);
	*case_id = 0;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, employment_id);
	const int rc = db_next(q, err);
	if (rc == 1)
		*case_id = db_col_int(q, 0);
	db_reset(q);
	return rc < 0 ? -1 : 0;
}

int store_case_set_status(struct store *st, int64_t id, enum store_case_status status,
			  struct sw_error *err)
{
	static const char sql[] = "UPDATE cases SET status = $2 WHERE id = $1";
	if ((unsigned)status >= STORE_CASE_STATUS__COUNT)
		return sw_error_set(err, SW_EINVAL, "status", "must be open, gesloten or ingetrokken");
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
		CASE_SELECT
		" WHERE (CAST($1 AS BIGINT) = 0 OR c.organisation_id = $1)"
		" AND (CAST($2 AS BIGINT) = 0 OR EXISTS (SELECT 1 FROM participations w"
		"  WHERE w.case_id = c.id AND w.user_id = $2) OR c.organisation_id = CAST($6 AS BIGINT))"
		" AND (CAST($5 AS BIGINT) = 0 OR c.person_id = $5)"
		" AND (CAST($7 AS BIGINT) = 0 OR p.department_id = $7)"
		" AND (CAST($8 AS TEXT) = '' OR c.person_id IN (SELECT t.person_id FROM person_terms t"
		"  WHERE t.organisation_id = c.organisation_id AND t.term >= $8 AND t.term < $9))"
		" AND c.id > CAST($3 AS BIGINT) AND c.status <> 'ingetrokken'"
		" ORDER BY c.id LIMIT CAST($4 AS BIGINT)";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, f->organisation_id);
	db_bind_int(q, 2, f->participant_id);
	db_bind_int(q, 3, f->after_id);
	db_bind_int(q, 4, f->limit > 0 ? f->limit : INT64_MAX);
	db_bind_int(q, 5, f->person_id);
	db_bind_int(q, 6, f->or_organisation_id);
	db_bind_int(q, 7, f->department_id);
	char lo[REGISTER_TERM_MAX], hi[REGISTER_TERM_MAX + 1];
	register_fold(f->q != NULL ? f->q : "", lo, sizeof lo);
	lo[strcspn(lo, " -'.,\t")] = '\0';
	register_prefix_end(lo, hi, sizeof hi);
	db_bind_text(q, 8, lo);
	db_bind_text(q, 9, hi);
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
	int64_t employee;
	if (store_case_employee(st, p->case_id, &employee, err) != 0 ||
	    store_user_exists(st, p->user_id, "user_id", err) != 0)
		return -1;
	if (p->role == ROLE_WERKNEMER && (employee == 0 || p->user_id != employee))
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
