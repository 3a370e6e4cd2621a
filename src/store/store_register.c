/* store_register.c - the CSV import of the employee register (an HR
 * system export, core/register.h), all or nothing.
 *
 * The file is read whole first: the reader refuses lines it cannot use, a
 * personnel number twice in the file is refused at its second line. Then,
 * in one transaction, every good line adds or updates its person and
 * employment through the same store functions as the persons API (so the
 * checks and the search terms are the same), and a second pass sets the
 * managers, which may appear further down the file. When anything was
 * refused, or on a dry run, the transaction is rolled back: the report is
 * the same either way, so a dry run tells exactly what a real run would do.
 *
 * The register's numbers are loaded once into a sorted array instead of one
 * query per line: an import of 100,000 persons is bench/persons.c's case. */
#include "store_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct imp_row {
	struct register_row r;
	bool bad;                        /* refused: left out of the writes */
	int64_t person_id;
	int64_t manager_id;              /* as written in the first pass */
};

/* A personnel number and what it stands for: a line of the file (row) or
 * a person already in the register (id). */
struct imp_key {
	const char *number;
	size_t row;
	int64_t id;
};

struct imp_dept {
	char *name;
	int64_t id;
};

struct imp {
	struct store *st;
	int64_t org;
	struct register_csv csv;
	struct store_import_report *rep;
	struct imp_row *rows;
	size_t nrows, rows_cap;
	struct imp_key *file;            /* the file's numbers, sorted, first line of each */
	size_t nfile;
	struct imp_key *known;           /* the register's numbers, sorted */
	size_t nknown, known_cap;
	struct imp_dept *depts;          /* departments seen, by first use */
	size_t ndepts, depts_cap;
	struct store_arena arena;        /* numbers of the register */
};

void store_import_report_free(struct store_import_report *r)
{
	free(r->refused);
	memset(r, 0, sizeof *r);
}

__attribute__((format(printf, 4, 5)))
static int refuse(struct imp *im, size_t line, const char *column, const char *fmt, ...)
{
	struct store_import_report *rep = im->rep;
	rep->refused_total++;
	if (rep->nrefused >= STORE_IMPORT_REFUSED_MAX)
		return 0;
	if (rep->refused == NULL) {
		rep->refused = calloc(STORE_IMPORT_REFUSED_MAX, sizeof *rep->refused);
		if (rep->refused == NULL)
			return -1;
	}
	struct register_problem *p = &rep->refused[rep->nrefused++];
	p->line = line;
	snprintf(p->field, sizeof p->field, "%s", column);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->message, sizeof p->message, fmt, ap);
	va_end(ap);
	return 0;
}

static int by_number(const void *a, const void *b)
{
	const struct imp_key *x = a, *y = b;
	const int c = strcmp(x->number, y->number);
	return c != 0 ? c : (x->row > y->row) - (x->row < y->row);
}

static const struct imp_key *key_find(const struct imp_key *keys, size_t n, const char *number)
{
	const struct imp_key probe = { .number = number };
	size_t lo = 0, hi = n;
	while (lo < hi) {               /* the first key >= number */
		const size_t mid = lo + (hi - lo) / 2;
		if (strcmp(keys[mid].number, probe.number) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && strcmp(keys[lo].number, number) == 0 ? &keys[lo] : NULL;
}

/* ---- reading the file ------------------------------------------------------ */

static int read_rows(struct imp *im)
{
	struct register_row row;
	struct register_problem pr;
	while (register_csv_next(&im->csv, &row, &pr) == 1) {
		if (store_grow(&im->rows, &im->rows_cap, im->nrows + 1, sizeof *im->rows) != 0)
			return -1;
		struct imp_row *r = &im->rows[im->nrows++];
		memset(r, 0, sizeof *r);
		r->r = row;
		im->rep->lines++;
		if (pr.line != 0) {
			r->bad = true;
			if (refuse(im, pr.line, pr.field, "%s", pr.message) != 0)
				return -1;
		}
	}
	return 0;
}

/* Indexes the file's numbers; a number twice is refused at the later line
 * (a refused line's number counts too: it is in the file). */
static int index_file(struct imp *im)
{
	im->file = calloc(im->nrows + 1, sizeof *im->file);
	if (im->file == NULL)
		return -1;
	size_t n = 0;
	for (size_t i = 0; i < im->nrows; i++)
		if (im->rows[i].r.cells[REG_PERSONEELSNUMMER] != NULL)
			im->file[n++] = (struct imp_key){ im->rows[i].r.cells[REG_PERSONEELSNUMMER], i, 0 };
	qsort(im->file, n, sizeof *im->file, by_number);
	im->nfile = 0;
	for (size_t i = 0; i < n; i++) {
		if (im->nfile > 0 && strcmp(im->file[im->nfile - 1].number, im->file[i].number) == 0) {
			struct imp_row *dup = &im->rows[im->file[i].row];
			if (!dup->bad &&
			    refuse(im, dup->r.line, register_col_name(REG_PERSONEELSNUMMER),
				   "personnel number %.40s is also on line %zu", im->file[i].number,
				   im->rows[im->file[im->nfile - 1].row].r.line) != 0)
				return -1;
			dup->bad = true;
			continue;
		}
		im->file[im->nfile++] = im->file[i];
	}
	return 0;
}

static int load_known(struct imp *im, struct sw_error *err)
{
	static const char sql[] = "SELECT id, personnel_number FROM persons WHERE organisation_id = $1";
	struct db_stmt *q = store_stmt(im->st, sql, err);
	int rc;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, im->org);
	while ((rc = db_next(q, err)) == 1) {
		if (store_grow(&im->known, &im->known_cap, im->nknown + 1, sizeof *im->known) != 0) {
			db_reset(q);
			return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		}
		char *number = store_arena_strdup(&im->arena, db_col_text(q, 1));
		if (number == NULL) {
			db_reset(q);
			return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		}
		im->known[im->nknown++] = (struct imp_key){ number, 0, db_col_int(q, 0) };
	}
	db_reset(q);
	if (rc < 0)
		return -1;
	qsort(im->known, im->nknown, sizeof *im->known, by_number);
	return 0;
}

/* ---- writing ----------------------------------------------------------------- */

/* A store refusal of a line's values becomes a refusal of the line, named
 * by the file's column; anything else is a system failure (-1). */
static int store_refusal(struct imp *im, struct imp_row *r, const struct sw_error *e)
{
	static const struct { const char *field; enum register_col col; } cols[] = {
		{ "personnel_number", REG_PERSONEELSNUMMER }, { "name", REG_NAAM },
		{ "birth_date", REG_GEBOORTEDATUM }, { "department_id", REG_AFDELING },
		{ "manager_id", REG_LEIDINGGEVENDE }, { "email", REG_EMAIL },
		{ "from", REG_DATUM_IN_DIENST }, { "until", REG_DATUM_UIT_DIENST },
		{ "contract_hours", REG_CONTRACTUREN }, { "norm_hours", REG_NORMUREN },
		{ "functie", REG_FUNCTIE },
	};
	if (e->code != SW_EINVAL && e->code != SW_ECONFLICT && e->code != SW_ENOTFOUND)
		return -1;
	const char *column = "";
	for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
		if (strcmp(e->field, cols[i].field) == 0)
			column = register_col_name(cols[i].col);
	r->bad = true;
	return refuse(im, r->r.line, column, "%s", e->message) != 0 ? -1 : 0;
}

/* A failed write of a line: 1 when it is the line's refusal, -1 with err
 * a system failure. */
static int pass_on(struct imp *im, struct imp_row *r, const struct sw_error *e,
		   struct sw_error *err)
{
	if (store_refusal(im, r, e) == 0)
		return 1;
	if (err != NULL)
		*err = *e;
	return -1;
}

static int department_of(struct imp *im, const char *name, int64_t *id, struct sw_error *err)
{
	for (size_t i = 0; i < im->ndepts; i++)
		if (strcmp(im->depts[i].name, name) == 0) {
			*id = im->depts[i].id;
			return 0;
		}
	if (store_department_ensure(im->st, im->org, name, id, err) != 0)
		return -1;
	if (store_grow(&im->depts, &im->depts_cap, im->ndepts + 1, sizeof *im->depts) != 0 ||
	    (im->depts[im->ndepts].name = strdup(name)) == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	im->depts[im->ndepts++].id = *id;
	return 0;
}

static bool has_col(const struct imp *im, enum register_col c)
{
	return im->csv.col_of[c] >= 0;
}

/* The person of a line: the register's (its values where the file has the
 * column) or a new one. The manager waits for the second pass. */
static int write_person(struct imp *im, struct imp_row *r, struct store_arena *a,
			struct sw_error *err)
{
	const char *const *cell = (const char *const *)r->r.cells;
	const struct imp_key *k = key_find(im->known, im->nknown, cell[REG_PERSONEELSNUMMER]);
	struct store_person p = { .organisation_id = im->org, .birth_date = DATE_NONE };
	if (k != NULL && store_person_get(im->st, a, k->id, &p, err) != 0)
		return -1;
	p.personnel_number = cell[REG_PERSONEELSNUMMER];
	p.name = cell[REG_NAAM];
	if (has_col(im, REG_GEBOORTEDATUM))
		p.birth_date = r->r.birth_date;
	if (has_col(im, REG_EMAIL))
		p.email = cell[REG_EMAIL];
	if (has_col(im, REG_AFDELING)) {
		p.department_id = 0;
		if (cell[REG_AFDELING] != NULL) {
			struct sw_error e;
			if (department_of(im, cell[REG_AFDELING], &p.department_id, &e) != 0)
				return pass_on(im, r, &e, err);
		}
	}
	struct sw_error e;
	const int rc = k != NULL ? store_person_update(im->st, &p, &e)
				 : store_person_insert(im->st, &p, &r->person_id, &e);
	if (rc != 0)
		return pass_on(im, r, &e, err);
	if (k != NULL) {
		r->person_id = k->id;
		im->rep->updated++;
	} else {
		im->rep->created++;
	}
	r->manager_id = p.manager_id;
	return 0;
}

/* The line's employment, matched by its start date. */
static int write_employment(struct imp *im, struct imp_row *r, struct sw_error *err)
{
	static const char sql[] = "SELECT id FROM employments WHERE person_id = $1"
				  " AND from_date = $2 ORDER BY id LIMIT 1";
	struct store_employment e = {
		.person_id = r->person_id, .organisation_id = im->org, .from = r->r.from,
		.until = r->r.until, .contract_hours = r->r.contract_hours,
		.norm_hours = r->r.norm_hours, .functie = r->r.cells[REG_FUNCTIE],
	};
	struct db_stmt *q = store_stmt(im->st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, r->person_id);
	db_bind_date(q, 2, r->r.from);
	const int found = db_next(q, err);
	if (found == 1)
		e.id = db_col_int(q, 0);
	db_reset(q);
	if (found < 0)
		return -1;
	struct sw_error se;
	int64_t id;
	const int rc = e.id != 0 ? store_employment_update(im->st, &e, &se)
				 : store_employment_insert(im->st, &e, &id, &se);
	return rc != 0 && pass_on(im, r, &se, err) < 0 ? -1 : 0;
}

/* The manager of a line: a number in the file or in the register. */
static int write_manager(struct imp *im, struct imp_row *r, struct sw_error *err)
{
	static const char sql[] = "UPDATE persons SET manager_id = $2, updated_at = {{NOW}}"
				  " WHERE id = $1";
	const char *number = r->r.cells[REG_LEIDINGGEVENDE];
	const char *column = register_col_name(REG_LEIDINGGEVENDE);
	int64_t manager = 0;
	if (number != NULL) {
		const struct imp_key *k = key_find(im->file, im->nfile, number);
		if (k != NULL && im->rows[k->row].bad)
			return 0;       /* refused already; the import fails anyway */
		if (k != NULL)
			manager = im->rows[k->row].person_id;
		else if ((k = key_find(im->known, im->nknown, number)) != NULL)
			manager = k->id;
		else
			return refuse(im, r->r.line, column,
				      "no person with personnel number %.40s in the file or the register",
				      number) != 0 ? sw_error_set(err, SW_EINTERNAL, "", "out of memory") : 0;
		if (manager == r->person_id)
			return refuse(im, r->r.line, column, "a person does not manage themselves") != 0
				       ? sw_error_set(err, SW_EINTERNAL, "", "out of memory") : 0;
	}
	if (manager == r->manager_id)
		return 0;
	struct db_stmt *q = store_stmt(im->st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, r->person_id);
	if (manager != 0)
		db_bind_int(q, 2, manager);
	else
		db_bind_null(q, 2);
	return db_run(q, err);
}

static int write_all(struct imp *im, struct sw_error *err)
{
	for (size_t i = 0; i < im->nrows; i++) {
		struct imp_row *r = &im->rows[i];
		if (r->bad)
			continue;
		struct store_arena a = { 0 };
		const int rc = write_person(im, r, &a, err);
		store_arena_free(&a);
		if (rc < 0 || (rc == 0 && write_employment(im, r, err) != 0))
			return -1;
	}
	if (!has_col(im, REG_LEIDINGGEVENDE))
		return 0;
	for (size_t i = 0; i < im->nrows; i++)
		if (!im->rows[i].bad && write_manager(im, &im->rows[i], err) != 0)
			return -1;
	return 0;
}

static int by_line(const void *a, const void *b)
{
	const struct register_problem *x = a, *y = b;
	if (x->line != y->line)
		return (x->line > y->line) - (x->line < y->line);
	return strcmp(x->field, y->field);
}

static void imp_free(struct imp *im)
{
	free(im->csv.buf);
	free(im->rows);
	free(im->file);
	free(im->known);
	for (size_t i = 0; i < im->ndepts; i++)
		free(im->depts[i].name);
	free(im->depts);
	store_arena_free(&im->arena);
}

int store_register_import(struct store *st, int64_t organisation_id, const char *csv, size_t len,
			  bool dry_run, struct store_import_report *rep, struct sw_error *err)
{
	struct imp im = { .st = st, .org = organisation_id, .rep = rep };
	memset(rep, 0, sizeof *rep);
	rep->dry_run = dry_run;
	if (store_org_exists(st, organisation_id, "organisation_id", err) != 0)
		return -1;
	char *buf = malloc(len + 1);
	if (buf == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	memcpy(buf, csv, len);
	buf[len] = '\0';
	struct sw_error e;
	int rc = -1;
	if (register_csv_open(&im.csv, buf, len, &e) != 0) {
		im.csv.buf = buf;
		rc = refuse(&im, 1, "", "%s", e.message) != 0
			     ? sw_error_set(err, SW_EINTERNAL, "", "out of memory") : 0;
		goto out;
	}
	if (read_rows(&im) != 0 || index_file(&im) != 0) {
		sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		goto out;
	}
	if (db_begin(store_db(st), DB_WRITE, err) != 0)
		goto out;
	if (load_known(&im, err) != 0 || write_all(&im, err) != 0) {
		db_rollback(store_db(st));
		goto out;
	}
	if (rep->refused_total > 0 || dry_run) {
		db_rollback(store_db(st));
		rc = 0;
	} else {
		rc = db_commit(store_db(st), err);
	}
out:
	if (rep->refused != NULL)
		qsort(rep->refused, rep->nrefused, sizeof *rep->refused, by_line);
	imp_free(&im);
	return rc;
}
