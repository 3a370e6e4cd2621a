/* store_retention.c - the retention run's reads and the removal of a case
 * (store_retention.h). */
#include "store_int.h"

#include <stdio.h>
#include <string.h>

/* The one query that knows where the ends of a case live: its sick
 * periods and the employments of its person with its organisation. A
 * withdrawn report (made in error) goes the same way as a closed case. */
#define RETENTION_CASES_SQL                                                                 \
	"SELECT c.id, c.organisation_id, c.person_id, c.created_at,"                          \
	" (SELECT COUNT(*) FROM sick_periods p WHERE p.case_id = c.id AND p.to_date IS NULL)," \
	" (SELECT MAX(p.to_date) FROM sick_periods p WHERE p.case_id = c.id),"                \
	" (SELECT COUNT(*) FROM employments e WHERE e.person_id = c.person_id"                \
	"   AND e.organisation_id = c.organisation_id AND e.until_date IS NULL),"              \
	" (SELECT MAX(e.until_date) FROM employments e WHERE e.person_id = c.person_id"       \
	"   AND e.organisation_id = c.organisation_id)"                                        \
	" FROM cases c WHERE c.status IN ('gesloten', 'ingetrokken') ORDER BY c.id"

static int read_case(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	(void)a;
	(void)err;
	struct store_retention_case *r = item;
	memset(r, 0, sizeof *r);
	r->case_id = db_col_int(q, 0);
	r->organisation_id = db_col_int(q, 1);
	r->person_id = db_col_int(q, 2);
	const char *created = db_col_text(q, 3);
	char day[DATE_STRLEN];
	sw_date created_on = DATE_NONE;
	if (created != NULL) {
		snprintf(day, sizeof day, "%.10s", created);
		if (date_parse(day, &created_on) != 0)
			created_on = DATE_NONE;
	}
	const int64_t open_periods = db_col_int(q, 4);
	const sw_date last = db_col_date(q, 5);
	r->in.case_end = open_periods > 0 ? DATE_NONE : last != DATE_NONE ? last : created_on;
	r->in.employed = db_col_int(q, 6) > 0;
	r->in.employment_end = db_col_date(q, 7);
	return 0;
}

int store_retention_cases(struct store *st, struct store_arena *a,
			  struct store_retention_case **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = RETENTION_CASES_SQL;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	return store_collect(q, a, sizeof **out, read_case, (void **)out, n, err);
}

int store_retention_count(struct store *st, int64_t case_id, struct store_retention_counts *out,
			  struct sw_error *err)
{
	static const char sql[] =
		"SELECT (SELECT COUNT(*) FROM sick_periods WHERE case_id = $1),"
		" (SELECT COUNT(*) FROM events WHERE case_id = $1),"
		" (SELECT COUNT(*) FROM documents WHERE case_id = $1),"
		" (SELECT COUNT(*) FROM document_attachments a JOIN documents d"
		"   ON d.id = a.document_id WHERE d.case_id = $1),"
		" (SELECT COUNT(*) FROM medical_notes WHERE case_id = $1),"
		" (SELECT COUNT(*) FROM messages WHERE case_id = $1),"
		" (SELECT COUNT(*) FROM participations WHERE case_id = $1),"
		" (SELECT COUNT(*) FROM decisions WHERE case_id = $1),"
		" (SELECT COUNT(*) FROM placements WHERE case_id = $1),"
		" (SELECT COUNT(*) FROM consents WHERE case_id = $1)";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	const int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return sw_error_set(err, SW_EINTERNAL, "", "count of case %lld: no row",
				    (long long)case_id);
	int64_t *f[] = { &out->periods, &out->events, &out->documents, &out->attachments,
			 &out->medical_notes, &out->messages, &out->participations,
			 &out->decisions, &out->placements, &out->consents };
	for (int i = 0; i < (int)(sizeof f / sizeof f[0]); i++)
		*f[i] = db_col_int(q, i);
	db_reset(q);
	return 0;
}

int store_retention_remove(struct store *st, int64_t case_id, sw_date due,
			   struct store_retention_counts *removed, struct sw_error *err)
{
	static const char sql[] = "DELETE FROM cases WHERE id = $1";
	struct db_stmt *q;
	char what[512], reason[96], day[DATE_STRLEN];
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	if (store_case_lock(st, case_id, err) != 0 ||
	    store_retention_count(st, case_id, removed, err) != 0 ||
	    (q = store_stmt(st, sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, case_id);
	if (db_run(q, err) != 0)
		goto fail;
	snprintf(what, sizeof what,
		 "retention: case %lld removed with %lld periods, %lld events, %lld documents,"
		 " %lld attachments, %lld medical notes, %lld messages, %lld participations,"
		 " %lld decisions, %lld placements, %lld consents",
		 (long long)case_id, (long long)removed->periods, (long long)removed->events,
		 (long long)removed->documents, (long long)removed->attachments,
		 (long long)removed->medical_notes, (long long)removed->messages,
		 (long long)removed->participations, (long long)removed->decisions,
		 (long long)removed->placements, (long long)removed->consents);
	date_format(due, day);
	snprintf(reason, sizeof reason, "retention_term_passed %s", day);
	const struct store_audit row = { .user_id = 0, .case_id = case_id, .action = "write",
					 .resource = "retention", .what = what, .outcome = "allow",
					 .reason = reason, .client_addr = "spoorwijzer retention" };
	if (store_audit_append(st, &row, err) != 0)
		goto fail;
	return db_commit(st->db, err);
fail:
	db_rollback(st->db);
	return -1;
}
