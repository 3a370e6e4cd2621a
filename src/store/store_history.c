/* store_history.c - a case's sick periods, events and art. 5 deviations:
 * the engine's input. Every change runs in a transaction that also checks
 * the whole history with the engine (store_check_case_history), so that a
 * rejected change leaves nothing behind. */
#include "store_int.h"

/* Runs an insert (bound by the caller) and the history check in one
 * transaction. */
static int insert_checked(struct store *st, struct db_stmt *q, int64_t case_id, int64_t *id,
			  struct sw_error *err)
{
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	if (db_run_id(q, id, err) != 0 || store_check_case_history(st, case_id, err) != 0) {
		db_rollback(st->db);
		return -1;
	}
	return db_commit(st->db, err);
}

/* ---- periods ------------------------------------------------------------ */

#define PERIOD_COLS "id, case_id, from_date, to_date, percent, zwangerschap, percent_bp"

static int read_period(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	(void)a;
	(void)err;
	struct store_period *p = item;
	p->id = db_col_int(q, 0);
	p->case_id = db_col_int(q, 1);
	p->from = db_col_date(q, 2);
	p->to = db_col_date(q, 3);
	p->percent = (int)db_col_int(q, 4);
	p->zwangerschap = db_col_int(q, 5) != 0;
	p->percent_bp = (int)db_col_int(q, 6);
	return 0;
}

int store_period_insert(struct store *st, const struct store_period *p, int64_t *id,
			struct sw_error *err)
{
	static const char sql[] = "INSERT INTO sick_periods (case_id, from_date, to_date, percent,"
				  " zwangerschap, percent_bp) VALUES ($1, $2, $3, $4, $5, $6)"
				  " RETURNING id";
	if (p->from == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "from", "required");
	if (p->to != DATE_NONE && p->to < p->from)
		return sw_error_set(err, SW_EINVAL, "to", "%s", tl_error_message(TL_ERR_TO_BEFORE_FROM));
	if (p->percent < 1 || p->percent > 100)
		return sw_error_set(err, SW_EINVAL, "percent", "%s", tl_error_message(TL_ERR_PERCENT));
	if (store_case_exists(st, p->case_id, "case_id", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, p->case_id);
	db_bind_date(q, 2, p->from);
	db_bind_date(q, 3, p->to);
	db_bind_int(q, 4, p->percent);
	db_bind_int(q, 5, p->zwangerschap != 0);
	db_bind_int(q, 6, p->percent * 100);
	return insert_checked(st, q, p->case_id, id, err);
}

int store_period_get(struct store *st, int64_t id, struct store_period *out,
		     struct sw_error *err)
{
	static const char sql[] = "SELECT " PERIOD_COLS " FROM sick_periods WHERE id = $1";
	return store_get_by_id(st, sql, id, NULL, read_period, out, "id", err);
}

int store_period_close(struct store *st, int64_t id, sw_date to, struct sw_error *err)
{
	static const char sql[] = "UPDATE sick_periods SET to_date = $2 WHERE id = $1";
	struct store_period p;
	if (to == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "to", "required");
	if (store_period_get(st, id, &p, err) != 0)
		return -1;
	if (p.to != DATE_NONE)
		return sw_error_set(err, SW_ECONFLICT, "to", "the period is already closed");
	if (to < p.from)
		return sw_error_set(err, SW_EINVAL, "to", "%s", tl_error_message(TL_ERR_TO_BEFORE_FROM));
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	db_bind_date(q, 2, to);
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	if (db_run(q, err) != 0 || store_check_case_history(st, p.case_id, err) != 0) {
		db_rollback(st->db);
		return -1;
	}
	return db_commit(st->db, err);
}

int store_period_set_zwangerschap(struct store *st, int64_t id, int on, struct sw_error *err)
{
	static const char sql[] = "UPDATE sick_periods SET zwangerschap = $2 WHERE id = $1";
	struct store_period p;
	if (store_period_get(st, id, &p, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	db_bind_int(q, 2, on != 0);
	return db_run(q, err);
}

int store_period_list(struct store *st, struct store_arena *a, int64_t case_id,
		      struct store_period **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = "SELECT " PERIOD_COLS " FROM sick_periods WHERE case_id = $1"
				  " ORDER BY from_date, id";
	return store_list_by_case(st, sql, case_id, a, sizeof **out, read_period, (void **)out, n, err);
}

/* ---- events ------------------------------------------------------------- */

#define EVENT_COLS \
	"id, case_id, kind, event_date, value, note, created_by, created_at, reference"

static int read_event(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	struct store_event *e = item;
	e->id = db_col_int(q, 0);
	e->case_id = db_col_int(q, 1);
	if (tl_event_kind_parse(db_col_text(q, 2), &e->kind) != 0)
		return sw_error_set(err, SW_EINTERNAL, "kind", "event %lld: unknown kind",
				    (long long)e->id);
	e->date = db_col_date(q, 3);
	e->value = (int)db_col_int(q, 4);
	e->note = store_arena_strdup(a, db_col_text(q, 5));
	e->created_by = db_col_int(q, 6);
	e->created_at = store_arena_strdup(a, db_col_text(q, 7));
	e->reference = store_arena_strdup(a, db_col_text(q, 8));
	if ((e->note == NULL && !db_col_isnull(q, 5)) || e->created_at == NULL ||
	    (e->reference == NULL && !db_col_isnull(q, 8)))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_event_insert(struct store *st, const struct store_event *e, int64_t *id,
		       struct sw_error *err)
{
	static const char sql[] = "INSERT INTO events (case_id, kind, event_date, value, note,"
				  " created_by, reference) VALUES ($1, $2, $3, $4, $5, $6, $7)"
				  " RETURNING id";
	if ((unsigned)e->kind >= TL_EV__COUNT)
		return sw_error_set(err, SW_EINVAL, "kind", "%s", tl_error_message(TL_ERR_EVENT_KIND));
	if (e->date == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "date", "%s", tl_error_message(TL_ERR_EVENT_DATE));
	if (store_check_text(e->note, STORE_MAX_TEXT, "note", err) != 0 ||
	    store_check_text(e->reference, STORE_EVENT_REFERENCE_MAX, "reference", err) != 0 ||
	    store_case_exists(st, e->case_id, "case_id", err) != 0 ||
	    store_user_exists(st, e->created_by, "created_by", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, e->case_id);
	db_bind_text(q, 2, tl_event_kind_name(e->kind));
	db_bind_date(q, 3, e->date);
	db_bind_int(q, 4, e->value);
	db_bind_text(q, 5, e->note);
	db_bind_int(q, 6, e->created_by);
	db_bind_text(q, 7, e->reference);
	return insert_checked(st, q, e->case_id, id, err);
}

int store_event_insert_once(struct store *st, const struct store_event *e, int64_t *id,
			    struct sw_error *err)
{
	static const char sql[] = "SELECT event_date FROM events WHERE case_id = $1 AND kind = $2"
				  " ORDER BY event_date LIMIT 1";
	if ((unsigned)e->kind >= TL_EV__COUNT)
		return sw_error_set(err, SW_EINVAL, "kind", "%s", tl_error_message(TL_ERR_EVENT_KIND));
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	/* Two recorders at once: the second waits here and then sees the first. */
	if (store_case_lock(st, e->case_id, err) != 0)
		goto fail;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, e->case_id);
	db_bind_text(q, 2, tl_event_kind_name(e->kind));
	const int rc = db_next(q, err);
	if (rc < 0)
		goto fail;
	if (rc > 0) {
		char day[DATE_STRLEN];
		date_format(db_col_date(q, 0), day);
		db_reset(q);
		sw_error_set(err, SW_ECONFLICT, "kind",
			     "%s happens once per case and was recorded on %s",
			     tl_event_kind_name(e->kind), day);
		goto fail;
	}
	db_reset(q);
	if (store_event_insert(st, e, id, err) != 0)
		goto fail;
	return db_commit(st->db, err);
fail:
	db_rollback(st->db);
	return -1;
}

int store_event_get(struct store *st, struct store_arena *a, int64_t id, struct store_event *out,
		    struct sw_error *err)
{
	static const char sql[] = "SELECT " EVENT_COLS " FROM events WHERE id = $1";
	return store_get_by_id(st, sql, id, a, read_event, out, "id", err);
}

int store_event_list(struct store *st, struct store_arena *a, int64_t case_id,
		     struct store_event **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = "SELECT " EVENT_COLS " FROM events WHERE case_id = $1"
				  " ORDER BY event_date, id";
	return store_list_by_case(st, sql, case_id, a, sizeof **out, read_event, (void **)out, n, err);
}

/* ---- art. 5 deviations -------------------------------------------------- */

#define DEVIATION_COLS \
	"id, case_id, code, agreed_due, agreed_by_werkgever, agreed_by_werknemer, reason, created_at"

static int read_deviation(struct db_stmt *q, struct store_arena *a, void *item,
			  struct sw_error *err)
{
	struct store_deviation *d = item;
	d->id = db_col_int(q, 0);
	d->case_id = db_col_int(q, 1);
	if (tl_code_parse(db_col_text(q, 2), &d->code) != 0)
		return sw_error_set(err, SW_EINTERNAL, "code", "deviation %lld: unknown code",
				    (long long)d->id);
	d->agreed_due = db_col_date(q, 3);
	d->agreed_by_werkgever = db_col_int(q, 4);
	d->agreed_by_werknemer = db_col_int(q, 5);
	d->reason = store_arena_strdup(a, db_col_text(q, 6));
	d->created_at = store_arena_strdup(a, db_col_text(q, 7));
	if (d->reason == NULL || d->created_at == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

/* Art. 5 is an agreement between this employer and this employee. */
static int check_parties(struct store *st, const struct store_deviation *d, struct sw_error *err)
{
	static const char sql[] = "SELECT 1 FROM participations WHERE case_id = $1 AND user_id = $2"
				  " AND role = 'werkgever'";
	int64_t employee;
	if (store_case_employee(st, d->case_id, &employee, err) != 0 || store_user_exists(st, d->agreed_by_werkgever, "agreed_by_werkgever", err) != 0 ||
	    store_user_exists(st, d->agreed_by_werknemer, "agreed_by_werknemer", err) != 0)
		return -1;
	if (employee == 0 || d->agreed_by_werknemer != employee)
		return sw_error_set(err, SW_EINVAL, "agreed_by_werknemer",
				    "must be the employee of the case (user %lld)", (long long)employee);
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, d->case_id);
	db_bind_int(q, 2, d->agreed_by_werkgever);
	int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	db_reset(q);
	if (rc == 0)
		return sw_error_set(err, SW_EINVAL, "agreed_by_werkgever",
				    "user %lld has no werkgever participation in case %lld",
				    (long long)d->agreed_by_werkgever, (long long)d->case_id);
	return 0;
}

int store_deviation_insert(struct store *st, const struct store_deviation *d, int64_t *id,
			   struct sw_error *err)
{
	static const char sql[] = "INSERT INTO deviations (case_id, code, agreed_due,"
				  " agreed_by_werkgever, agreed_by_werknemer, reason)"
				  " VALUES ($1, $2, $3, $4, $5, $6) RETURNING id";
	if ((unsigned)d->code >= TL_CODE__COUNT)
		return sw_error_set(err, SW_EINVAL, "code", "%s",
				    tl_error_message(TL_ERR_DEVIATION_CODE));
	if (store_check_required(d->reason, STORE_MAX_TEXT, "reason", err) != 0 ||
	    check_parties(st, d, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, d->case_id);
	db_bind_text(q, 2, tl_code_name(d->code));
	db_bind_date(q, 3, d->agreed_due);
	db_bind_int(q, 4, d->agreed_by_werkgever);
	db_bind_int(q, 5, d->agreed_by_werknemer);
	db_bind_text(q, 6, d->reason);
	return insert_checked(st, q, d->case_id, id, err);
}

int store_deviation_get(struct store *st, struct store_arena *a, int64_t id,
			struct store_deviation *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " DEVIATION_COLS " FROM deviations WHERE id = $1";
	return store_get_by_id(st, sql, id, a, read_deviation, out, "id", err);
}

int store_deviation_list(struct store *st, struct store_arena *a, int64_t case_id,
			 struct store_deviation **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = "SELECT " DEVIATION_COLS " FROM deviations WHERE case_id = $1"
				  " ORDER BY id";
	return store_list_by_case(st, sql, case_id, a, sizeof **out, read_deviation, (void **)out, n, err);
}
