/* store_stats.c - the input of the absence statistics (core/stats.h) of one
 * organisation: employments and sick periods, read in the order the
 * computation wants in one read-only snapshot; and the second-track facts
 * of its cases. */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>


/* Checks e: dates, hours, the person of the organisation. */
static int employment_check(struct store *st, const struct store_employment *e,
			    struct sw_error *err)
{
	static const char person_sql[] = "SELECT organisation_id FROM persons WHERE id = $1";
	if (e->from == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "from", "required");
	if (e->until != DATE_NONE && e->until < e->from)
		return sw_error_set(err, SW_EINVAL, "until", "before from");
	if (!(e->norm_hours > 0.0 && e->norm_hours <= 168.0))
		return sw_error_set(err, SW_EINVAL, "norm_hours", "more than 0, at most 168");
	if (!(e->contract_hours > 0.0 && e->contract_hours <= e->norm_hours))
		return sw_error_set(err, SW_EINVAL, "contract_hours",
				    "more than 0, at most the norm hours");
	if (store_check_text(e->functie, STORE_MAX_NAME, "functie", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, person_sql, err);
	int64_t org = 0;
	struct sw_error lookup;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, e->person_id);
	if (db_run_id(q, &org, &lookup) != 0 && lookup.code != SW_ENOTFOUND) {
		if (err != NULL)
			*err = lookup;
		return -1;
	}
	if (org == 0 || org != e->organisation_id)
		return sw_error_set(err, SW_EINVAL, "person_id", "no such person in this organisation");
	return 0;
}

static void bind_real(struct db_stmt *q, int col, double v)
{
	char text[32];
	snprintf(text, sizeof text, "%.6f", v);
	db_bind_text(q, col, text);
}

int store_employment_insert(struct store *st, const struct store_employment *e, int64_t *id,
			    struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO employments (person_id, organisation_id, from_date, until_date,"
		" contract_hours, norm_hours, factor, functie) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
		" RETURNING id";
	if (store_org_exists(st, e->organisation_id, "organisation_id", err) != 0 ||
	    employment_check(st, e, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, e->person_id);
	db_bind_int(q, 2, e->organisation_id);
	db_bind_date(q, 3, e->from);
	db_bind_date(q, 4, e->until);
	bind_real(q, 5, e->contract_hours);
	bind_real(q, 6, e->norm_hours);
	bind_real(q, 7, e->contract_hours / e->norm_hours);
	db_bind_text(q, 8, e->functie);
	return db_run_id(q, id, err);
}

int store_employment_update(struct store *st, const struct store_employment *e,
			    struct sw_error *err)
{
	static const char sql[] = "UPDATE employments SET until_date = $2, contract_hours = $3,"
				  " norm_hours = $4, factor = $5, functie = $6 WHERE id = $1";
	if (employment_check(st, e, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, e->id);
	db_bind_date(q, 2, e->until);
	bind_real(q, 3, e->contract_hours);
	bind_real(q, 4, e->norm_hours);
	bind_real(q, 5, e->contract_hours / e->norm_hours);
	db_bind_text(q, 6, e->functie);
	return db_run(q, err);
}

#define EMPLOYMENT_COLS                                                                \
	"id, person_id, organisation_id, from_date, until_date, contract_hours, norm_hours," \
	" factor, functie"

static double real_col(struct db_stmt *q, int col)
{
	const char *f = db_col_text(q, col);
	return f != NULL ? strtod(f, NULL) : 0.0;
}

static int read_employment(struct db_stmt *q, struct store_arena *a, void *item,
			   struct sw_error *err)
{
	struct store_employment *e = item;
	e->id = db_col_int(q, 0);
	e->person_id = db_col_int(q, 1);
	e->organisation_id = db_col_int(q, 2);
	e->from = db_col_date(q, 3);
	e->until = db_col_date(q, 4);
	e->contract_hours = real_col(q, 5);
	e->norm_hours = real_col(q, 6);
	e->factor = real_col(q, 7);
	e->functie = store_arena_strdup(a, db_col_text(q, 8));
	if (e->functie == NULL && !db_col_isnull(q, 8))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_employment_get(struct store *st, struct store_arena *a, int64_t id,
			 struct store_employment *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " EMPLOYMENT_COLS " FROM employments WHERE id = $1";
	return store_get_by_id(st, sql, id, a, read_employment, out, "eid", err);
}

int store_employment_list(struct store *st, struct store_arena *a, int64_t organisation_id,
			  int64_t offset, int limit, struct store_employment **out, size_t *n,
			  int64_t *total, struct sw_error *err)
{
	static const char count_sql[] = "SELECT COUNT(*) FROM employments WHERE organisation_id = $1";
	static const char sql[] = "SELECT " EMPLOYMENT_COLS " FROM employments"
				  " WHERE organisation_id = $1 ORDER BY person_id, from_date, id"
				  " LIMIT $2 OFFSET $3";
	if (store_org_exists(st, organisation_id, "id", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, count_sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, organisation_id);
	if (db_run_id(q, total, err) != 0 || (q = store_stmt(st, sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, organisation_id);
	db_bind_int(q, 2, limit > 0 ? limit : INT64_MAX);
	db_bind_int(q, 3, offset);
	return store_collect(q, a, sizeof **out, read_employment, (void **)out, n, err);
}

int store_employment_list_person(struct store *st, struct store_arena *a, int64_t person_id,
				 struct store_employment **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = "SELECT " EMPLOYMENT_COLS " FROM employments"
				  " WHERE person_id = $1 ORDER BY from_date, id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, person_id);
	return store_collect(q, a, sizeof **out, read_employment, (void **)out, n, err);
}

void store_stats_data_free(struct store_stats_data *d)
{
	free(d->employments);
	free(d->absences);
	free(d->unlinked);
	memset(d, 0, sizeof *d);
}

static int load_employments(struct db *db, int64_t org, struct store_stats_data *d,
			    struct sw_error *err)
{
	static const char sql[] = "SELECT id, from_date, until_date, factor FROM employments"
				  " WHERE organisation_id = $1 ORDER BY id";
	struct db_stmt *q = db_prepare(db, sql, DB_STREAM, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, org);
	size_t cap = 0;
	int rc;
	while ((rc = db_next(q, err)) == 1) {
		if (store_grow(&d->employments, &cap, d->nemployments + 1, sizeof *d->employments) != 0) {
			db_reset(q);
			rc = sw_error_set(err, SW_EINTERNAL, "", "out of memory");
			break;
		}
		const char *f = db_col_text(q, 3);
		d->employments[d->nemployments++] = (struct stats_employment){
			db_col_int(q, 0), db_col_date(q, 1), db_col_date(q, 2),
			f != NULL ? strtod(f, NULL) : 0.0,
		};
	}
	db_stmt_free(q);
	return rc;
}

static int load_absences(struct db *db, int64_t org, struct store_stats_data *d,
			 struct sw_error *err)
{
	static const char sql[] =
		"SELECT p.case_id, c.employment_id, p.from_date, p.to_date, p.percent_bp,"
		" p.zwangerschap FROM sick_periods p JOIN cases c ON c.id = p.case_id"
		" WHERE c.organisation_id = $1 AND c.status <> 'ingetrokken'"
		" AND c.employment_id IS NOT NULL ORDER BY c.employment_id, p.from_date";
	struct db_stmt *q = db_prepare(db, sql, DB_STREAM, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, org);
	size_t cap = 0;
	int rc;
	while ((rc = db_next(q, err)) == 1) {
		if (store_grow(&d->absences, &cap, d->nabsences + 1, sizeof *d->absences) != 0) {
			db_reset(q);
			rc = sw_error_set(err, SW_EINTERNAL, "", "out of memory");
			break;
		}
		d->absences[d->nabsences++] = (struct stats_absence){
			db_col_int(q, 0), db_col_int(q, 1), db_col_date(q, 2), db_col_date(q, 3),
			(double)db_col_int(q, 4) / 10000.0, (int)db_col_int(q, 5),
		};
	}
	db_stmt_free(q);
	return rc;
}

static int load_unlinked(struct store *st, int64_t org, struct store_stats_data *d,
			 struct sw_error *err)
{
	static const char sql[] = "SELECT id FROM cases WHERE organisation_id = $1"
				  " AND status <> 'ingetrokken' AND employment_id IS NULL ORDER BY id";
	struct db_stmt *q = store_stmt(st, sql, err);
	size_t cap = 0;
	int rc;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, org);
	while ((rc = db_next(q, err)) == 1) {
		if (store_grow(&d->unlinked, &cap, d->nunlinked + 1, sizeof *d->unlinked) != 0) {
			db_reset(q);
			return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		}
		d->unlinked[d->nunlinked++] = db_col_int(q, 0);
	}
	return rc;
}

int store_stats_load(struct store *st, int64_t organisation_id, struct store_stats_data *out,
		     struct sw_error *err)
{
	memset(out, 0, sizeof *out);
	if (store_org_exists(st, organisation_id, "id", err) != 0)
		return -1;
	if (db_begin(st->db, DB_READ, err) != 0)
		return -1;
	if (load_employments(st->db, organisation_id, out, err) != 0 ||
	    load_absences(st->db, organisation_id, out, err) != 0 ||
	    load_unlinked(st, organisation_id, out, err) != 0) {
		db_rollback(st->db);
		store_stats_data_free(out);
		return -1;
	}
	if (db_commit(st->db, err) != 0) {
		store_stats_data_free(out);
		return -1;
	}
	return 0;
}

/* ---- second track --------------------------------------------------------- */

/* Recovery days between the case's first sick day and day `until`: the
 * gaps between its periods (samentelling), which do not count as sick
 * weeks. */
static int gap_days(struct store *st, int64_t case_id, sw_date until, int *out,
		    struct sw_error *err)
{
	static const char sql[] = "SELECT from_date, to_date FROM sick_periods WHERE case_id = $1"
				  " ORDER BY from_date";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	sw_date prev_to = DATE_NONE;
	int rc;
	*out = 0;
	while ((rc = db_next(q, err)) == 1) {
		const sw_date from = db_col_date(q, 0);
		if (prev_to != DATE_NONE && from <= until && from > prev_to + 1)
			*out += from - prev_to - 1;
		prev_to = db_col_date(q, 1);
	}
	return rc;
}

int store_stats_track(struct store *st, int64_t organisation_id, sw_date from, sw_date to,
		      struct stats_track_case **out, size_t *n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT c.id, c.status,"
		" (SELECT MIN(p.from_date) FROM sick_periods p WHERE p.case_id = c.id),"
		" (SELECT MIN(e.event_date) FROM events e"
		"   WHERE e.case_id = c.id AND e.kind = 'start_tweede_spoor'),"
		" (SELECT COUNT(*) FROM events e WHERE e.case_id = c.id AND e.kind = 'wia_aanvraag'),"
		" (SELECT COUNT(*) FROM placements pl WHERE pl.case_id = c.id"
		"   AND pl.outcome <> 'beeindigd' AND pl.employer_org_id = c.organisation_id),"
		" (SELECT COUNT(*) FROM placements pl WHERE pl.case_id = c.id"
		"   AND pl.outcome <> 'beeindigd'"
		"   AND (pl.employer_org_id IS NULL OR pl.employer_org_id <> c.organisation_id))"
		" FROM cases c WHERE c.organisation_id = $1 AND c.status <> 'ingetrokken' AND EXISTS (SELECT 1 FROM sick_periods p"
		"  WHERE p.case_id = c.id AND p.from_date <= $3"
		"  AND (p.to_date IS NULL OR p.to_date >= $2))"
		" ORDER BY c.id";
	*out = NULL;
	*n = 0;
	if (store_org_exists(st, organisation_id, "id", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, organisation_id);
	db_bind_date(q, 2, from);
	db_bind_date(q, 3, to);
	/* Read all rows first: gap_days runs another statement per case. */
	struct row {
		int64_t id;
		struct stats_track_case c;
	} *rows = NULL;
	size_t cap = 0, nrows = 0;
	int rc;
	while ((rc = db_next(q, err)) == 1) {
		if (store_grow(&rows, &cap, nrows + 1, sizeof *rows) != 0) {
			db_reset(q);
			free(rows);
			return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		}
		enum stats_outcome o;
		if (db_col_int(q, 6) > 0)
			o = STATS_OUTCOME_NIEUWE_WERKGEVER;
		else if (db_col_int(q, 5) > 0)
			o = STATS_OUTCOME_EIGEN_WERKGEVER;
		else if (db_col_int(q, 4) > 0)
			o = STATS_OUTCOME_WIA;
		else if (strcmp(db_col_text(q, 1), "open") == 0)
			o = STATS_OUTCOME_LOPEND;
		else
			o = STATS_OUTCOME_ANDERS;
		rows[nrows++] = (struct row){ db_col_int(q, 0),
					      { db_col_date(q, 2), db_col_date(q, 3), o, 0 } };
	}
	if (rc < 0) {
		free(rows);
		return -1;
	}
	struct stats_track_case *cases = malloc((nrows ? nrows : 1) * sizeof *cases);
	if (cases == NULL) {
		free(rows);
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	}
	for (size_t i = 0; i < nrows; i++) {
		cases[i] = rows[i].c;
		if (cases[i].track_start != DATE_NONE &&
		    gap_days(st, rows[i].id, cases[i].track_start, &cases[i].gap_days, err) != 0) {
			free(rows);
			free(cases);
			return -1;
		}
	}
	free(rows);
	*out = cases;
	*n = nrows;
	return 0;
}
