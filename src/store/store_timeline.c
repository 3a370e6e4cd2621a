/* store_timeline.c - a case's history as engine input, the engine check
 * of every change, and the materialised deadlines. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

/* ---- engine input ------------------------------------------------------- */

int store_input_add_period(struct store_case_input *in, struct db_stmt *q, int col,
			   struct sw_error *err)
{
	const sw_date from = db_col_date(q, col), to = db_col_date(q, col + 1);
	const int percent = (int)db_col_int(q, col + 2);
	/* Segments of one spell (only the percentage changed) are one sick
	 * period: partial sickness counts in full for the timeline. */
	struct tl_period *last = in->nperiods > 0 ? &in->periods[in->nperiods - 1] : NULL;
	if (last != NULL && last->to != DATE_NONE && from == last->to + 1) {
		last->to = to;
		if (percent > last->percent)
			last->percent = percent;
		return 0;
	}
	if (store_grow(&in->periods, &in->cap_periods, in->nperiods + 1, sizeof *in->periods) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	struct tl_period *p = &in->periods[in->nperiods++];
	p->from = from;
	p->to = to;
	p->percent = percent;
	return 0;
}

int store_input_add_event(struct store_case_input *in, struct db_stmt *q, int col,
			  struct sw_error *err)
{
	if (store_grow(&in->events, &in->cap_events, in->nevents + 1, sizeof *in->events) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	struct tl_event *e = &in->events[in->nevents];
	const char *kind = db_col_text(q, col);
	if (tl_event_kind_parse(kind, &e->kind) != 0)
		return sw_error_set(err, SW_EINTERNAL, "kind", "unknown event kind '%s' in the database",
				    kind != NULL ? kind : "");
	e->date = db_col_date(q, col + 1);
	e->value = (int)db_col_int(q, col + 2);
	in->nevents++;
	return 0;
}

int store_input_add_deviation(struct store_case_input *in, struct db_stmt *q, int col,
			      struct sw_error *err)
{
	if (store_grow(&in->deviations, &in->cap_deviations, in->ndeviations + 1,
		       sizeof *in->deviations) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	struct tl_deviation *d = &in->deviations[in->ndeviations];
	const char *code = db_col_text(q, col);
	if (tl_code_parse(code, &d->code) != 0)
		return sw_error_set(err, SW_EINTERNAL, "code", "unknown deadline code '%s' in the database",
				    code != NULL ? code : "");
	d->agreed_due = db_col_date(q, col + 1);
	in->ndeviations++;
	return 0;
}

typedef int (*add_fn)(struct store_case_input *in, struct db_stmt *q, int col,
		      struct sw_error *err);

/* Runs sql for the case and appends every row with add. */
static int load_rows(struct store *st, const char *sql, int64_t case_id, add_fn add,
		     struct store_case_input *in, struct sw_error *err)
{
	struct db_stmt *q = store_stmt(st, sql, err);
	int rc;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	while ((rc = db_next(q, err)) == 1) {
		if (add(in, q, 0, err) != 0) {
			db_reset(q);
			return -1;
		}
	}
	return rc;
}

int store_case_load_input(struct store *st, int64_t case_id, struct store_case_input *in,
			  struct sw_error *err)
{
	static const char periods_sql[] = "SELECT from_date, to_date, percent FROM sick_periods"
					  " WHERE case_id = $1 ORDER BY from_date, id";
	static const char events_sql[] = "SELECT kind, event_date, value FROM events"
					 " WHERE case_id = $1 ORDER BY event_date, id";
	static const char deviations_sql[] = "SELECT code, agreed_due FROM deviations"
					     " WHERE case_id = $1 ORDER BY id";
	in->nperiods = in->nevents = in->ndeviations = 0;
	if (store_case_exists(st, case_id, "case_id", err) != 0 ||
	    load_rows(st, periods_sql, case_id, store_input_add_period, in, err) != 0 ||
	    load_rows(st, events_sql, case_id, store_input_add_event, in, err) != 0 ||
	    load_rows(st, deviations_sql, case_id, store_input_add_deviation, in, err) != 0)
		return -1;
	return 0;
}

void store_case_input_free(struct store_case_input *in)
{
	free(in->periods);
	free(in->events);
	free(in->deviations);
	memset(in, 0, sizeof *in);
}

void store_case_input_tl(const struct store_case_input *in, sw_date today, struct tl_input *out)
{
	out->periods = in->periods;
	out->nperiods = in->nperiods;
	out->events = in->events;
	out->nevents = in->nevents;
	out->deviations = in->deviations;
	out->ndeviations = in->ndeviations;
	out->today = today;
}

/* ---- the engine check of a change --------------------------------------- */

/* The field of a change that the engine's complaint is about. */
static const char *error_field(enum tl_error e)
{
	switch (e) {
	case TL_ERR_TO_BEFORE_FROM:
		return "to";
	case TL_ERR_PERCENT:
		return "percent";
	case TL_ERR_EVENT_KIND:
	case TL_ERR_IVA_TWICE:
		return "kind";
	case TL_ERR_EVENT_DATE:
	case TL_ERR_IVA_WINDOW:
		return "date";
	case TL_ERR_EXTENSION_WEEKS:
	case TL_ERR_LOONSANCTIE_WEEKS:
		return "value";
	case TL_ERR_DEVIATION_CODE:
		return "code";
	default:
		return "from"; /* overlapping periods, an open period not last */
	}
}

/* Computes the timeline of in. tl_compute checks the periods first
 * (tl_periods_check: overlap, open period not last, ...);
 * TL_ERR_NO_PERIODS is a case not reported sick yet. */
static enum tl_error compute(const struct store_case_input *in, sw_date today,
			     struct tl_timeline *tl)
{
	struct tl_input view;
	store_case_input_tl(in, today, &view);
	return tl_compute(&view, tl, NULL);
}

int store_check_case_history(struct store *st, int64_t case_id, struct sw_error *err)
{
	struct store_case_input in = { 0 };
	struct tl_timeline tl;
	if (store_case_lock(st, case_id, err) != 0 ||
	    store_case_load_input(st, case_id, &in, err) != 0) {
		store_case_input_free(&in);
		return -1;
	}
	/* Whether the engine accepts the history does not depend on the day
	 * it is computed for; the latest first sick day will do. */
	enum tl_error e = compute(&in, in.nperiods > 0 ? in.periods[in.nperiods - 1].from : 0, &tl);
	store_case_input_free(&in);
	if (e != TL_OK && e != TL_ERR_NO_PERIODS)
		return sw_error_set(err, SW_EINVAL, error_field(e), "%s", tl_error_message(e));
	return 0;
}

/* ---- deadlines ---------------------------------------------------------- */

static int write_deadlines(struct store *st, int64_t case_id, const struct tl_timeline *tl,
			   sw_date today, struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO deadlines (case_id, code, seq, pos, due, due_effective, opens, done,"
		" agreed_due, status, week, rule_version, computed_on)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	db_bind_text(q, 12, tl->rules->version);
	db_bind_date(q, 13, today);
	for (size_t i = 0; i < tl->n; i++) {
		const struct tl_deadline *d = &tl->items[i];
		db_bind_text(q, 2, tl_code_name(d->code));
		db_bind_int(q, 3, d->seq);
		db_bind_int(q, 4, (int64_t)i);
		db_bind_date(q, 5, d->due);
		db_bind_date(q, 6, d->due_effective);
		db_bind_date(q, 7, d->opens);
		db_bind_date(q, 8, d->done);
		db_bind_date(q, 9, d->agreed_due);
		db_bind_text(q, 10, tl_status_name(d->status));
		db_bind_int(q, 11, d->week);
		if (db_run(q, err) != 0)
			return -1;
	}
	return 0;
}

int store_case_refresh_deadlines(struct store *st, int64_t case_id, sw_date today,
				 struct sw_error *err)
{
	static const char delete_sql[] = "DELETE FROM deadlines WHERE case_id = $1";
	struct store_case_input in = { 0 };
	struct tl_timeline tl;
	struct db_stmt *q;
	enum tl_error e;

	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	/* Without the lock, two refreshes of one case on PostgreSQL each
	 * delete the rows they see and insert theirs: the second insert
	 * then collides with the first's (deadlines_pkey). */
	if (store_case_lock(st, case_id, err) != 0 ||
	    store_case_load_input(st, case_id, &in, err) != 0 ||
	    (q = store_stmt(st, delete_sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, case_id);
	if (db_run(q, err) != 0)
		goto fail;
	e = compute(&in, today, &tl);
	if (e != TL_OK && e != TL_ERR_NO_PERIODS) {
		sw_error_set(err, SW_EINVAL, error_field(e), "case %lld: %s", (long long)case_id,
			     tl_error_message(e));
		goto fail;
	}
	if (e == TL_OK && write_deadlines(st, case_id, &tl, today, err) != 0)
		goto fail;
	store_case_input_free(&in);
	return db_commit(st->db, err);
fail:
	store_case_input_free(&in);
	db_rollback(st->db);
	return -1;
}

static int status_parse(const char *s, enum tl_status *out)
{
	for (int i = 0; s != NULL && i < TL_STATUS__COUNT; i++) {
		if (strcmp(s, tl_status_name((enum tl_status)i)) == 0) {
			*out = (enum tl_status)i;
			return 0;
		}
	}
	return -1;
}

static int read_deadline(struct db_stmt *q, struct store_arena *a, void *item,
			 struct sw_error *err)
{
	struct store_deadline *r = item;
	struct tl_deadline *d = &r->d;
	r->case_id = db_col_int(q, 0);
	if (tl_code_parse(db_col_text(q, 1), &d->code) != 0 ||
	    status_parse(db_col_text(q, 9), &d->status) != 0)
		return sw_error_set(err, SW_EINTERNAL, "code", "case %lld: unknown deadline code or status",
				    (long long)r->case_id);
	d->seq = (int)db_col_int(q, 2);
	d->due = db_col_date(q, 4);
	d->due_effective = db_col_date(q, 5);
	d->opens = db_col_date(q, 6);
	d->done = db_col_date(q, 7);
	d->agreed_due = db_col_date(q, 8);
	d->week = (int)db_col_int(q, 10);
	r->rule_version = store_arena_strdup(a, db_col_text(q, 11));
	r->computed_on = db_col_date(q, 12);
	if (r->rule_version == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_deadline_list(struct store *st, struct store_arena *a, int64_t case_id,
			struct store_deadline **out, size_t *n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT case_id, code, seq, pos, due, due_effective, opens, done, agreed_due,"
		" status, week, rule_version, computed_on FROM deadlines WHERE case_id = $1"
		" ORDER BY pos";
	return store_list_by_case(st, sql, case_id, a, sizeof **out, read_deadline, (void **)out, n, err);
}

/* ---- a page of the case list (GET /cases) -------------------------------- */

/* Rows of the cases with ids in [$1, $2], by case: the page's cases are
 * among them (others in that range are skipped). The caller decided which
 * cases the user may see: through a participation or an organisation role. */
#define PAGE_CASES " case_id BETWEEN $1 AND $2"

/* The item of case_id, moving *at forward (rows come by case id). */
static struct store_case_page_item *page_item(struct store_case_page_item *items, size_t n,
					      size_t *at, int64_t case_id)
{
	while (*at < n && items[*at].case_id < case_id)
		(*at)++;
	return *at < n && items[*at].case_id == case_id ? &items[*at] : NULL;
}

static struct db_stmt *page_query(struct store *st, const char *sql,
				  const struct store_case_page_item *items, size_t n,
				  struct sw_error *err)
{
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q != NULL) {
		db_bind_int(q, 1, items[0].case_id);
		db_bind_int(q, 2, items[n - 1].case_id);
	}
	return q;
}

/* Appends rows (case_id, then add's columns) to the items' inputs. */
static int page_inputs(struct store *st, const char *sql, add_fn add, 
		       struct store_case_page_item *items, size_t n, struct sw_error *err)
{
	struct db_stmt *q = page_query(st, sql, items, n, err);
	size_t at = 0;
	int rc;
	if (q == NULL)
		return -1;
	while ((rc = db_next(q, err)) == 1) {
		struct store_case_page_item *it = page_item(items, n, &at, db_col_int(q, 0));
		if (it != NULL && add(&it->input, q, 1, err) != 0) {
			db_reset(q);
			return -1;
		}
	}
	return rc;
}

static int page_names(struct store *st, struct store_arena *a,
		      struct store_case_page_item *items, size_t n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT c.id, u.name, o.name FROM cases c"
		" LEFT JOIN persons u ON u.id = c.person_id"
		" LEFT JOIN organisations o ON o.id = c.organisation_id"
		" WHERE c.id BETWEEN $1 AND $2 ORDER BY c.id";
	struct db_stmt *q = page_query(st, sql, items, n, err);
	size_t at = 0;
	int rc;
	if (q == NULL)
		return -1;
	while ((rc = db_next(q, err)) == 1) {
		struct store_case_page_item *it = page_item(items, n, &at, db_col_int(q, 0));
		if (it == NULL)
			continue;
		it->employee_name = store_arena_strdup(a, db_col_text(q, 1));
		it->organisation_name = store_arena_strdup(a, db_col_text(q, 2));
		if ((it->employee_name == NULL && !db_col_isnull(q, 1)) ||
		    (it->organisation_name == NULL && !db_col_isnull(q, 2))) {
			db_reset(q);
			return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
		}
	}
	return rc;
}

static int page_deadlines(struct store *st, struct store_arena *a,
			  struct store_case_page_item *items, size_t n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT case_id, code, seq, pos, due, due_effective, opens, done, agreed_due,"
		" status, week, rule_version, computed_on FROM deadlines WHERE" PAGE_CASES
		" ORDER BY case_id, pos";
	struct db_stmt *q = page_query(st, sql, items, n, err);
	struct store_deadline *ds;
	size_t nd, at = 0;
	if (q == NULL ||
	    store_collect(q, a, sizeof *ds, read_deadline, (void **)&ds, &nd, err) != 0)
		return -1;
	for (size_t i = 0; i < nd; i++) {
		struct store_case_page_item *it = page_item(items, n, &at, ds[i].case_id);
		if (it == NULL)
			continue;
		if (it->ndeadlines == 0)
			it->deadlines = &ds[i];
		it->ndeadlines++;
	}
	return 0;
}

int store_case_page_load(struct store *st, struct store_arena *a,
			 struct store_case_page_item *items, size_t n, struct sw_error *err)
{
	static const char periods_sql[] = "SELECT case_id, from_date, to_date, percent"
					  " FROM sick_periods WHERE" PAGE_CASES
					  " ORDER BY case_id, from_date, id";
	static const char events_sql[] = "SELECT case_id, kind, event_date, value FROM events"
					 " WHERE" PAGE_CASES " ORDER BY case_id, event_date, id";
	static const char deviations_sql[] = "SELECT case_id, code, agreed_due FROM deviations"
					     " WHERE" PAGE_CASES " ORDER BY case_id, id";
	for (size_t i = 1; i < n; i++)
		if (items[i].case_id <= items[i - 1].case_id)
			return sw_error_set(err, SW_EINVAL, "case_id", "not in ascending order");
	if (n == 0)
		return 0;
	return page_names(st, a, items, n, err) != 0 ||
			       page_inputs(st, periods_sql, store_input_add_period, items,
					   n, err) != 0 ||
			       page_inputs(st, events_sql, store_input_add_event, items, n,
					   err) != 0 ||
			       page_inputs(st, deviations_sql, store_input_add_deviation,
					   items, n, err) != 0 ||
			       page_deadlines(st, a, items, n, err) != 0
		       ? -1
		       : 0;
}

void store_case_page_free(struct store_case_page_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		store_case_input_free(&items[i].input);
}
