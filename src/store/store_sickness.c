/* store_sickness.c - sickness mutations and the periods derived from them
 * (store_sickness.h). The derivation is core/sickness.c; this file only
 * reads the rows, writes what follows and keeps it in one transaction. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#define MUTATION_COLS                                                                  \
	"id, case_id, kind, action, ref_id, mutation_date, percent_bp, expected_recovery," \
	" end_reason, zwangerschap, reason, source, recorded_by, recorded_role, created_at,"    \
	" (SELECT name FROM users WHERE users.id = sickness_mutations.recorded_by)"

static int read_mutation(struct db_stmt *q, struct store_arena *a, void *item,
			 struct sw_error *err)
{
	struct store_sickness *s = item;
	struct sick_mutation *m = &s->m;
	m->id = db_col_int(q, 0);
	s->case_id = db_col_int(q, 1);
	if (sick_kind_parse(db_col_text(q, 2), &m->kind) != 0 ||
	    sick_action_parse(db_col_text(q, 3), &m->action) != 0)
		return sw_error_set(err, SW_EINTERNAL, "kind", "mutation %lld: unknown kind",
				    (long long)m->id);
	m->ref_id = db_col_int(q, 4);
	m->date = db_col_date(q, 5);
	m->percent_bp = (int)db_col_int(q, 6);
	m->expected_recovery = db_col_date(q, 7);
	m->end_reason = SICK_END_NONE;
	if (!db_col_isnull(q, 8) && sick_end_reason_parse(db_col_text(q, 8), &m->end_reason) != 0)
		return sw_error_set(err, SW_EINTERNAL, "end_reason", "mutation %lld: unknown reason",
				    (long long)m->id);
	m->zwangerschap = db_col_int(q, 9) != 0;
	s->recorded_by = db_col_int(q, 12);
	const int cols[] = { 10, 11, 13, 14, 15 };
	const char **to[] = { &s->reason, &s->source, &s->recorded_role, &s->created_at,
			      &s->recorded_by_name };
	for (size_t i = 0; i < 5; i++) {
		*to[i] = store_arena_strdup(a, db_col_text(q, cols[i]));
		if (*to[i] == NULL && !db_col_isnull(q, cols[i]))
			return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	}
	return 0;
}

int store_sickness_list(struct store *st, struct store_arena *a, int64_t case_id,
			struct store_sickness **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = "SELECT " MUTATION_COLS " FROM sickness_mutations"
				  " WHERE case_id = $1 ORDER BY id";
	return store_list_by_case(st, sql, case_id, a, sizeof **out, read_mutation, (void **)out,
				  n, err);
}

static int insert_row(struct store *st, const struct store_sickness *s, int64_t *id,
		      struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO sickness_mutations (case_id, kind, action, ref_id, mutation_date,"
		" percent_bp, expected_recovery, end_reason, zwangerschap, reason, source,"
		" recorded_by, recorded_role) VALUES ($1, $2, $3, NULLIF(CAST($4 AS BIGINT), 0), $5,"
		" $6, $7, $8, $9, $10, $11, NULLIF(CAST($12 AS BIGINT), 0), $13) RETURNING id";
	const struct sick_mutation *m = &s->m;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, s->case_id);
	db_bind_text(q, 2, sick_kind_name(m->kind));
	db_bind_text(q, 3, sick_action_name(m->action));
	db_bind_int(q, 4, m->ref_id);
	db_bind_date(q, 5, m->date);
	db_bind_int(q, 6, m->percent_bp);
	db_bind_date(q, 7, m->expected_recovery);
	db_bind_text(q, 8, m->end_reason != SICK_END_NONE ? sick_end_reason_name(m->end_reason)
							  : NULL);
	db_bind_int(q, 9, m->zwangerschap != 0);
	db_bind_text(q, 10, s->reason);
	db_bind_text(q, 11, s->source != NULL ? s->source : "portal");
	db_bind_int(q, 12, s->recorded_by);
	db_bind_text(q, 13, s->recorded_role);
	return db_run_id(q, id, err);
}

static int write_periods(struct store *st, int64_t case_id, const struct sick_segment *segs,
			 size_t n, struct sw_error *err)
{
	static const char del_sql[] = "DELETE FROM sick_periods WHERE case_id = $1";
	static const char ins_sql[] =
		"INSERT INTO sick_periods (case_id, from_date, to_date, percent, percent_bp,"
		" zwangerschap) VALUES ($1, $2, $3, $4, $5, $6)";
	struct db_stmt *q = store_stmt(st, del_sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	if (db_run(q, err) != 0 || (q = store_stmt(st, ins_sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	for (size_t i = 0; i < n; i++) {
		db_bind_date(q, 2, segs[i].from);
		db_bind_date(q, 3, segs[i].to);
		/* The whole-percent column the engine's checks read: rounded up. */
		db_bind_int(q, 4, (segs[i].percent_bp + 99) / 100);
		db_bind_int(q, 5, segs[i].percent_bp);
		db_bind_int(q, 6, segs[i].zwangerschap != 0);
		if (db_run(q, err) != 0)
			return -1;
	}
	return 0;
}

static int write_case(struct store *st, int64_t case_id, const struct sick_state *s,
		      struct sw_error *err)
{
	static const char sql[] = "UPDATE cases SET status = $2, end_reason = $3,"
				  " expected_recovery = $4 WHERE id = $1";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	db_bind_text(q, 2, s->withdrawn ? "ingetrokken" : s->sick ? "open" : "gesloten");
	db_bind_text(q, 3, !s->withdrawn && !s->sick && s->end_reason != SICK_END_NONE
				   ? sick_end_reason_name(s->end_reason)
				   : NULL);
	db_bind_date(q, 4, s->expected_recovery);
	return db_run(q, err);
}

int store_sickness_apply(struct store *st, int64_t case_id, sw_date today,
			 struct sick_state *state, struct sw_error *err)
{
	struct store_arena a = { 0 };
	struct store_sickness *rows;
	size_t n;
	struct sick_state local;
	if (state == NULL)
		state = &local;
	if (store_sickness_list(st, &a, case_id, &rows, &n, err) != 0) {
		store_arena_free(&a);
		return -1;
	}
	const size_t cap = n > 0 ? n : 1;
	struct sick_mutation *ms = malloc(cap * sizeof *ms), *work = malloc(cap * sizeof *work);
	struct sick_segment *segs = malloc(cap * sizeof *segs);
	int rc = -1;
	if (ms == NULL || work == NULL || segs == NULL) {
		sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		ms[i] = rows[i].m;
	if (sick_derive(ms, n, 0, work, segs, state, NULL, err) != 0 ||
	    write_periods(st, case_id, segs, state->nsegments, err) != 0 ||
	    write_case(st, case_id, state, err) != 0 ||
	    store_case_refresh_deadlines(st, case_id, today, err) != 0)
		goto out;
	rc = 0;
out:
	free(ms);
	free(work);
	free(segs);
	store_arena_free(&a);
	return rc;
}

int store_sickness_record(struct store *st, const struct store_sickness *s, sw_date today,
			  int64_t *id, struct sick_state *state, struct sw_error *err)
{
	if (s->m.action != SICK_NIEUW &&
	    store_check_required(s->reason, STORE_MAX_TEXT, "reason", err) != 0)
		return -1;
	if (store_check_text(s->reason, STORE_MAX_TEXT, "reason", err) != 0 ||
	    store_case_exists(st, s->case_id, "case_id", err) != 0)
		return -1;
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	if (insert_row(st, s, id, err) != 0 ||
	    store_sickness_apply(st, s->case_id, today, state, err) != 0) {
		db_rollback(st->db);
		return -1;
	}
	return db_commit(st->db, err);
}

/* ---- migration 11 ------------------------------------------------------------ */

struct old_period {
	int64_t case_id;
	sw_date from, to;
	int percent, zwangerschap;
};

/* One case's periods (sorted) as the mutations that give them back. */
static int migrate_case(struct store *st, const struct old_period *p, size_t n,
			struct sw_error *err)
{
	int64_t id;
	for (size_t i = 0; i < n; i++) {
		const int adjacent = i > 0 && p[i - 1].to != DATE_NONE && p[i].from == p[i - 1].to + 1;
		struct store_sickness s = {
			.case_id = p[i].case_id, .source = "migratie",
			.m = { .kind = adjacent ? SICK_WIJZIGING : SICK_ZIEKMELDING,
			       .action = SICK_NIEUW, .date = p[i].from,
			       .percent_bp = p[i].percent * 100, .expected_recovery = DATE_NONE,
			       .zwangerschap = adjacent ? 0 : p[i].zwangerschap != 0 },
		};
		if (insert_row(st, &s, &id, err) != 0)
			return -1;
		const int next_adjacent = i + 1 < n && p[i].to != DATE_NONE &&
					  p[i + 1].from == p[i].to + 1;
		if (p[i].to == DATE_NONE || next_adjacent)
			continue;
		s.m = (struct sick_mutation){ .kind = SICK_HERSTEL, .action = SICK_NIEUW,
					      .date = p[i].to + 1, .expected_recovery = DATE_NONE };
		if (insert_row(st, &s, &id, err) != 0)
			return -1;
	}
	return 0;
}

int store_migrate_sickness(struct store *st, struct sw_error *err)
{
	static const char periods_sql[] = "SELECT case_id, from_date, to_date, percent, zwangerschap"
					  " FROM sick_periods ORDER BY case_id, from_date, id";
	static const char persons_sql[] = "SELECT id, organisation_id, name, personnel_number"
					  " FROM persons ORDER BY id";
	struct old_period *ps = NULL;
	size_t n = 0, cap = 0;
	int rc;
	struct db_stmt *q = db_prepare(st->db, periods_sql, 0, err);
	if (q == NULL)
		return -1;
	while ((rc = db_next(q, err)) == 1) {
		if (store_grow(&ps, &cap, n + 1, sizeof *ps) != 0) {
			rc = sw_error_set(err, SW_EINTERNAL, "", "out of memory");
			break;
		}
		ps[n++] = (struct old_period){ db_col_int(q, 0), db_col_date(q, 1), db_col_date(q, 2),
					       (int)db_col_int(q, 3), (int)db_col_int(q, 4) };
	}
	db_stmt_free(q);
	for (size_t i = 0, j; rc == 0 && i < n; i = j) {
		for (j = i; j < n && ps[j].case_id == ps[i].case_id; j++)
			;
		rc = migrate_case(st, ps + i, j - i, err);
	}
	free(ps);
	if (rc != 0)
		return -1;
	struct store_arena a = { 0 };
	if ((q = db_prepare(st->db, persons_sql, 0, err)) == NULL)
		return -1;
	struct person { int64_t id, org; const char *name, *number; } *people = NULL;
	n = cap = 0;
	while ((rc = db_next(q, err)) == 1) {
		if (store_grow(&people, &cap, n + 1, sizeof *people) != 0) {
			rc = sw_error_set(err, SW_EINTERNAL, "", "out of memory");
			break;
		}
		people[n++] = (struct person){ db_col_int(q, 0), db_col_int(q, 1),
					       store_arena_strdup(&a, db_col_text(q, 2)),
					       store_arena_strdup(&a, db_col_text(q, 3)) };
	}
	db_stmt_free(q);
	for (size_t i = 0; rc == 0 && i < n; i++)
		rc = store_person_terms_write(st, people[i].id, people[i].org, people[i].name,
					      people[i].number, err);
	free(people);
	store_arena_free(&a);
	return rc;
}
