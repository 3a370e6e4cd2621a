/* store_monitor.c - placements in monitoring: the placement, its
 * driegesprek, questionnaire answers, risk signals and development goals.
 * The rules (schedule, advice) are core/monitor.c's; the store checks the
 * shape of what it keeps. */
#include "store_int.h"

#include <string.h>

#include "core/monitor.h"

const char *const store_placement_kind_names[STORE_PLACEMENT_KIND__COUNT + 1] = {
	"detachering", "proefplaatsing", "werkervaringsplaats", "dienstverband", NULL,
};

const char *store_placement_kind_name(enum store_placement_kind kind)
{
	return (unsigned)kind < STORE_PLACEMENT_KIND__COUNT ? store_placement_kind_names[kind] : "";
}

int store_placement_kind_parse(const char *s, enum store_placement_kind *out)
{
	for (int i = 0; s != NULL && i < STORE_PLACEMENT_KIND__COUNT; i++) {
		if (strcmp(s, store_placement_kind_names[i]) == 0) {
			*out = (enum store_placement_kind)i;
			return 0;
		}
	}
	return -1;
}

static int oom(struct sw_error *err)
{
	return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

/* A copy of column col in a; 0, or -1 when out of memory. */
static int col_str(struct db_stmt *q, int col, struct store_arena *a, const char **out)
{
	*out = store_arena_strdup(a, db_col_text(q, col));
	return *out == NULL && !db_col_isnull(q, col) ? -1 : 0;
}

/* ---- placements ------------------------------------------------------------ */

#define PLACEMENT_COLS                                                                    \
	"p.id, p.case_id, p.pipeline_entry_id, p.employer_org_id,"                         \
	" COALESCE(o.name, p.employer_name), p.network, p.kind, p.start_date, p.end_date," \
	" p.end_reason, p.outcome, p.contract_until, p.subsidy_until, p.hours_per_week,"   \
	" p.capacity_hours, p.t2_months, p.t3_months, p.created_by, p.created_at"
#define PLACEMENT_FROM " FROM placements p LEFT JOIN organisations o ON o.id = p.employer_org_id"

static int read_placement(struct db_stmt *q, struct store_arena *a, void *item,
			  struct sw_error *err)
{
	struct store_placement *p = item;
	p->id = db_col_int(q, 0);
	p->case_id = db_col_int(q, 1);
	p->pipeline_entry_id = db_col_int(q, 2);
	p->employer_org_id = db_col_int(q, 3);
	enum monitor_outcome outcome;
	if (store_placement_kind_parse(db_col_text(q, 6), &p->kind) != 0 ||
	    monitor_outcome_parse(db_col_text(q, 10), &outcome) != 0)
		return sw_error_set(err, SW_EINTERNAL, "kind", "placement %lld: unknown value",
				    (long long)p->id);
	p->outcome = outcome;
	p->start = db_col_date(q, 7);
	p->end = db_col_date(q, 8);
	p->contract_until = db_col_date(q, 11);
	p->subsidy_until = db_col_date(q, 12);
	p->hours_per_week = (int)db_col_int(q, 13);
	p->capacity_hours = (int)db_col_int(q, 14);
	p->t2_months = (int)db_col_int(q, 15);
	p->t3_months = (int)db_col_int(q, 16);
	p->created_by = db_col_int(q, 17);
	if (col_str(q, 4, a, &p->employer_name) != 0 || col_str(q, 5, a, &p->network) != 0 ||
	    col_str(q, 9, a, &p->end_reason) != 0 || col_str(q, 18, a, &p->created_at) != 0)
		return oom(err);
	return 0;
}

/* What may change after the start, checked for insert and update alike. */
static int check_placement(const struct store_placement *p, struct sw_error *err)
{
	const struct monitor_schedule s = { p->t2_months, p->t3_months };
	const char *field;
	if (p->start == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "start", "required");
	if (monitor_schedule_check(&s, &field) != 0)
		return sw_error_set(err, SW_EINVAL, field,
				    "T2 after month 12, T3 after T2, at most month %d",
				    MONITOR_MAX_MONTHS);
	if ((unsigned)p->outcome >= MONITOR_OUTCOME__COUNT)
		return sw_error_set(err, SW_EINVAL, "outcome", "unknown outcome");
	if (p->end != DATE_NONE && p->end < p->start)
		return sw_error_set(err, SW_EINVAL, "end", "before start");
	if ((p->end == DATE_NONE) != (p->outcome == MONITOR_OUTCOME_LOPEND))
		return sw_error_set(err, SW_EINVAL, p->end == DATE_NONE ? "end" : "outcome",
				    "an ended placement has an end date and an outcome other"
				    " than lopend");
	if (p->end != DATE_NONE &&
	    store_check_required(p->end_reason, STORE_MAX_TEXT, "end_reason", err) != 0)
		return -1;
	if (p->end == DATE_NONE && p->end_reason != NULL)
		return sw_error_set(err, SW_EINVAL, "end_reason", "only for an ended placement");
	if (p->hours_per_week < 0 || p->hours_per_week > 60)
		return sw_error_set(err, SW_EINVAL, "hours_per_week", "0..60");
	if (p->capacity_hours < 0 || p->capacity_hours > 60)
		return sw_error_set(err, SW_EINVAL, "capacity_hours", "0..60");
	return 0;
}

int store_placement_insert(struct store *st, const struct store_placement *p, int64_t *id,
			   struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO placements (case_id, pipeline_entry_id, employer_org_id, employer_name,"
		" network, kind, start_date, end_date, end_reason, outcome, contract_until,"
		" subsidy_until, hours_per_week, capacity_hours, t2_months, t3_months, created_by)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)"
		" RETURNING id";
	static const char dup_sql[] = "SELECT 1 FROM placements WHERE pipeline_entry_id = $1";
	if ((unsigned)p->kind >= STORE_PLACEMENT_KIND__COUNT)
		return sw_error_set(err, SW_EINVAL, "kind", "unknown placement kind");
	if (p->employer_org_id == 0 &&
	    store_check_required(p->employer_name, STORE_MAX_NAME, "employer_name", err) != 0)
		return -1;
	if (p->employer_org_id != 0 && p->employer_name != NULL)
		return sw_error_set(err, SW_EINVAL, "employer_name",
				    "give the organisation or a name, not both");
	if (p->pipeline_entry_id < 0)
		return sw_error_set(err, SW_EINVAL, "pipeline_entry_id", "not an id");
	if (check_placement(p, err) != 0 ||
	    store_check_text(p->network, STORE_MAX_NAME, "network", err) != 0 ||
	    store_case_exists(st, p->case_id, "case_id", err) != 0 ||
	    (p->employer_org_id != 0 &&
	     store_org_exists(st, p->employer_org_id, "employer_org_id", err) != 0) ||
	    store_user_exists(st, p->created_by, "created_by", err) != 0)
		return -1;
	struct db_stmt *q;
	if (p->pipeline_entry_id != 0) {
		if ((q = store_stmt(st, dup_sql, err)) == NULL)
			return -1;
		db_bind_int(q, 1, p->pipeline_entry_id);
		const int rc = db_next(q, err);
		if (rc < 0)
			return -1;
		if (rc > 0) {
			db_reset(q);
			return sw_error_set(err, SW_ECONFLICT, "pipeline_entry_id",
					    "the pipeline entry already has a placement");
		}
	}
	if ((q = store_stmt(st, sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, p->case_id);
	if (p->pipeline_entry_id != 0)
		db_bind_int(q, 2, p->pipeline_entry_id);
	else
		db_bind_null(q, 2);
	if (p->employer_org_id != 0)
		db_bind_int(q, 3, p->employer_org_id);
	else
		db_bind_null(q, 3);
	db_bind_text(q, 4, p->employer_org_id != 0 ? NULL : p->employer_name);
	db_bind_text(q, 5, p->network);
	db_bind_text(q, 6, store_placement_kind_name(p->kind));
	db_bind_date(q, 7, p->start);
	db_bind_date(q, 8, p->end);
	db_bind_text(q, 9, p->end_reason);
	db_bind_text(q, 10, monitor_outcome_name((enum monitor_outcome)p->outcome));
	db_bind_date(q, 11, p->contract_until);
	db_bind_date(q, 12, p->subsidy_until);
	db_bind_int(q, 13, p->hours_per_week);
	db_bind_int(q, 14, p->capacity_hours);
	db_bind_int(q, 15, p->t2_months);
	db_bind_int(q, 16, p->t3_months);
	db_bind_int(q, 17, p->created_by);
	return db_run_id(q, id, err);
}

int store_placement_get(struct store *st, struct store_arena *a, int64_t id,
			struct store_placement *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " PLACEMENT_COLS PLACEMENT_FROM " WHERE p.id = $1";
	return store_get_by_id(st, sql, id, a, read_placement, out, "id", err);
}

int store_placement_update(struct store *st, const struct store_placement *p,
			   struct sw_error *err)
{
	static const char sql[] =
		"UPDATE placements SET end_date = $2, end_reason = $3, outcome = $4,"
		" contract_until = $5, subsidy_until = $6, hours_per_week = $7, capacity_hours = $8,"
		" t2_months = $9, t3_months = $10, network = $11 WHERE id = $1 RETURNING id";
	if (check_placement(p, err) != 0 ||
	    store_check_text(p->network, STORE_MAX_NAME, "network", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, p->id);
	db_bind_date(q, 2, p->end);
	db_bind_text(q, 3, p->end_reason);
	db_bind_text(q, 4, monitor_outcome_name((enum monitor_outcome)p->outcome));
	db_bind_date(q, 5, p->contract_until);
	db_bind_date(q, 6, p->subsidy_until);
	db_bind_int(q, 7, p->hours_per_week);
	db_bind_int(q, 8, p->capacity_hours);
	db_bind_int(q, 9, p->t2_months);
	db_bind_int(q, 10, p->t3_months);
	db_bind_text(q, 11, p->network);
	int64_t got;
	return db_run_id(q, &got, err);
}

int store_placement_list(struct store *st, struct store_arena *a, int64_t case_id,
			 struct store_placement **out, size_t *n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT " PLACEMENT_COLS PLACEMENT_FROM " WHERE p.case_id = $1 ORDER BY p.id";
	return store_list_by_case(st, sql, case_id, a, sizeof **out, read_placement, (void **)out,
				  n, err);
}

int store_placement_list_org(struct store *st, struct store_arena *a, int64_t organisation_id,
			     struct store_placement **out, unsigned **routes, size_t *n,
			     struct sw_error *err)
{
	static const char sql[] =
		"SELECT " PLACEMENT_COLS PLACEMENT_FROM " JOIN cases c ON c.id = p.case_id"
		" WHERE c.organisation_id = $1 ORDER BY p.id";
	static const char routes_sql[] =
		"SELECT DISTINCT g.placement_id, g.route FROM development_goals g"
		" JOIN placements p ON p.id = g.placement_id JOIN cases c ON c.id = p.case_id"
		" WHERE c.organisation_id = $1 ORDER BY g.placement_id";
	if (store_org_exists(st, organisation_id, "id", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, organisation_id);
	if (store_collect(q, a, sizeof **out, read_placement, (void **)out, n, err) != 0)
		return -1;
	*routes = store_arena_alloc(a, (*n ? *n : 1) * sizeof **routes);
	if (*routes == NULL)
		return oom(err);
	memset(*routes, 0, (*n ? *n : 1) * sizeof **routes);
	if ((q = store_stmt(st, routes_sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, organisation_id);
	/* Both are ordered by placement id: one merge pass. */
	size_t i = 0;
	int rc;
	while ((rc = db_next(q, err)) == 1) {
		const int64_t pid = db_col_int(q, 0);
		enum monitor_route route;
		while (i < *n && (*out)[i].id < pid)
			i++;
		if (i < *n && (*out)[i].id == pid && monitor_route_parse(db_col_text(q, 1), &route) == 0)
			(*routes)[i] |= 1u << route;
	}
	return rc;
}

/* ---- driegesprek ----------------------------------------------------------- */

static int read_driegesprek(struct db_stmt *q, struct store_arena *a, void *item,
			    struct sw_error *err)
{
	struct store_driegesprek *d = item;
	d->placement_id = db_col_int(q, 0);
	d->held_on = db_col_date(q, 1);
	d->recorded_by = db_col_int(q, 3);
	if (col_str(q, 2, a, &d->afspraken) != 0 || col_str(q, 4, a, &d->recorded_by_name) != 0 ||
	    col_str(q, 5, a, &d->recorded_at) != 0)
		return oom(err);
	return 0;
}

int store_driegesprek_set(struct store *st, const struct store_driegesprek *d,
			  struct sw_error *err)
{
	static const char del_sql[] = "DELETE FROM driegesprekken WHERE placement_id = $1";
	static const char sql[] =
		"INSERT INTO driegesprekken (placement_id, held_on, afspraken, recorded_by)"
		" VALUES ($1, $2, $3, $4)";
	if (d->held_on == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "held_on", "required");
	if (store_check_required(d->afspraken, STORE_MAX_TEXT, "afspraken", err) != 0 ||
	    store_user_exists(st, d->recorded_by, "recorded_by", err) != 0)
		return -1;
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, del_sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, d->placement_id);
	if (db_run(q, err) != 0 || (q = store_stmt(st, sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, d->placement_id);
	db_bind_date(q, 2, d->held_on);
	db_bind_text(q, 3, d->afspraken);
	db_bind_int(q, 4, d->recorded_by);
	if (db_run(q, err) != 0)
		goto fail;
	return db_commit(st->db, err);
fail:
	db_rollback(st->db);
	return -1;
}

int store_driegesprek_get(struct store *st, struct store_arena *a, int64_t placement_id,
			  struct store_driegesprek *out, struct sw_error *err)
{
	static const char sql[] =
		"SELECT d.placement_id, d.held_on, d.afspraken, d.recorded_by, u.name, d.recorded_at"
		" FROM driegesprekken d LEFT JOIN users u ON u.id = d.recorded_by"
		" WHERE d.placement_id = $1";
	return store_get_by_id(st, sql, placement_id, a, read_driegesprek, out, "driegesprek",
			       err);
}

/* ---- questionnaire answers ---------------------------------------------- */

static int read_answer(struct db_stmt *q, struct store_arena *a, void *item,
		       struct sw_error *err)
{
	struct store_answer *s = item;
	enum monitor_moment m;
	enum monitor_perspective p;
	enum monitor_factor f;
	if (monitor_moment_parse(db_col_text(q, 0), &m) != 0 ||
	    monitor_perspective_parse(db_col_text(q, 1), &p) != 0 ||
	    monitor_factor_parse(db_col_text(q, 2), &f) != 0)
		return sw_error_set(err, SW_EINTERNAL, "factor", "unknown answer value");
	s->moment = m;
	s->perspective = p;
	s->factor = f;
	s->score = (int)db_col_int(q, 3);
	s->answered_by = db_col_int(q, 5);
	if (col_str(q, 4, a, &s->comment) != 0 || col_str(q, 6, a, &s->answered_by_name) != 0 ||
	    col_str(q, 7, a, &s->answered_at) != 0)
		return oom(err);
	return 0;
}

static int check_answers(const struct store_answer answers[], size_t n, struct sw_error *err)
{
	if (n != MONITOR_FACTOR__COUNT)
		return sw_error_set(err, SW_EINVAL, "answers", "one answer per factor");
	unsigned seen = 0;
	for (size_t i = 0; i < n; i++) {
		const struct store_answer *s = &answers[i];
		if (s->moment != answers[0].moment || s->perspective != answers[0].perspective ||
		    s->answered_by != answers[0].answered_by ||
		    (unsigned)s->moment >= MONITOR_MOMENT__COUNT ||
		    (unsigned)s->perspective >= MONITOR_PERSPECTIVE__COUNT)
			return sw_error_set(err, SW_EINVAL, "answers", "one questionnaire at a time");
		if ((unsigned)s->factor >= MONITOR_FACTOR__COUNT || (seen & (1u << s->factor)))
			return sw_error_set(err, SW_EINVAL, "answers", "one answer per factor");
		seen |= 1u << s->factor;
		if (s->score != 0 && (s->score < MONITOR_SCORE_MIN || s->score > MONITOR_SCORE_MAX))
			return sw_error_set(err, SW_EINVAL, monitor_factor_name(s->factor),
					    "score 1..5 or none");
		if (store_check_text(s->comment, STORE_MAX_TEXT, monitor_factor_name(s->factor),
				     err) != 0)
			return -1;
	}
	return 0;
}

int store_answers_insert(struct store *st, int64_t placement_id,
			 const struct store_answer answers[], size_t n, struct sw_error *err)
{
	static const char exists_sql[] =
		"SELECT 1 FROM monitor_answers WHERE placement_id = $1 AND moment = $2"
		" AND perspective = $3";
	static const char sql[] =
		"INSERT INTO monitor_answers (placement_id, moment, perspective, factor, score,"
		" comment, answered_by) VALUES ($1, $2, $3, $4, $5, $6, $7)";
	if (check_answers(answers, n, err) != 0 ||
	    store_user_exists(st, answers[0].answered_by, "answered_by", err) != 0)
		return -1;
	const char *moment = monitor_moment_name(answers[0].moment);
	const char *perspective = monitor_perspective_name(answers[0].perspective);
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, exists_sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, placement_id);
	db_bind_text(q, 2, moment);
	db_bind_text(q, 3, perspective);
	const int rc = db_next(q, err);
	if (rc < 0)
		goto fail;
	db_reset(q);
	if (rc > 0) {
		sw_error_set(err, SW_ECONFLICT, "moment", "%s already answered from this perspective",
			     moment);
		goto fail;
	}
	if ((q = store_stmt(st, sql, err)) == NULL)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		db_bind_int(q, 1, placement_id);
		db_bind_text(q, 2, moment);
		db_bind_text(q, 3, perspective);
		db_bind_text(q, 4, monitor_factor_name(answers[i].factor));
		if (answers[i].score != 0)
			db_bind_int(q, 5, answers[i].score);
		else
			db_bind_null(q, 5);
		db_bind_text(q, 6, answers[i].comment);
		db_bind_int(q, 7, answers[i].answered_by);
		if (db_run(q, err) != 0)
			goto fail;
	}
	return db_commit(st->db, err);
fail:
	db_rollback(st->db);
	return -1;
}

int store_answer_list(struct store *st, struct store_arena *a, int64_t placement_id,
		      struct store_answer **out, size_t *n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT m.moment, m.perspective, m.factor, m.score, m.comment, m.answered_by,"
		" u.name, m.answered_at FROM monitor_answers m"
		" LEFT JOIN users u ON u.id = m.answered_by"
		" WHERE m.placement_id = $1 ORDER BY m.moment, m.perspective, m.factor";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, placement_id);
	return store_collect(q, a, sizeof **out, read_answer, (void **)out, n, err);
}

/* ---- risk signals ------------------------------------------------------------ */

#define SIGNAL_COLS                                                                   \
	"r.id, r.placement_id, r.kind, r.noted_on, r.ends_on, r.note, r.route, r.follow_up," \
	" r.resolved_on, r.noted_by, u.name"
#define SIGNAL_FROM " FROM risk_signals r LEFT JOIN users u ON u.id = r.noted_by"

static int read_signal(struct db_stmt *q, struct store_arena *a, void *item,
		       struct sw_error *err)
{
	struct store_risk_signal *r = item;
	enum monitor_risk kind;
	enum monitor_route route;
	r->id = db_col_int(q, 0);
	if (monitor_risk_parse(db_col_text(q, 2), &kind) != 0 ||
	    monitor_route_parse(db_col_text(q, 6), &route) != 0)
		return sw_error_set(err, SW_EINTERNAL, "kind", "risk signal %lld: unknown value",
				    (long long)r->id);
	r->placement_id = db_col_int(q, 1);
	r->kind = kind;
	r->route = route;
	r->noted_on = db_col_date(q, 3);
	r->ends_on = db_col_date(q, 4);
	r->follow_up = db_col_date(q, 7);
	r->resolved_on = db_col_date(q, 8);
	r->noted_by = db_col_int(q, 9);
	if (col_str(q, 5, a, &r->note) != 0 || col_str(q, 10, a, &r->noted_by_name) != 0)
		return oom(err);
	return 0;
}

int store_risk_signal_insert(struct store *st, const struct store_risk_signal *r, int64_t *id,
			     struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO risk_signals (placement_id, kind, noted_on, ends_on, note, route,"
		" follow_up, noted_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id";
	if ((unsigned)r->kind >= MONITOR_RISK__COUNT)
		return sw_error_set(err, SW_EINVAL, "kind", "unknown risk signal");
	if ((unsigned)r->route >= MONITOR_ROUTE__COUNT)
		return sw_error_set(err, SW_EINVAL, "route", "unknown route");
	if (r->noted_on == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "noted_on", "required");
	if (r->follow_up == DATE_NONE || r->follow_up < r->noted_on)
		return sw_error_set(err, SW_EINVAL, "follow_up", "on or after noted_on");
	if (store_check_text(r->note, STORE_MAX_TEXT, "note", err) != 0 ||
	    store_user_exists(st, r->noted_by, "noted_by", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, r->placement_id);
	db_bind_text(q, 2, monitor_risk_name((enum monitor_risk)r->kind));
	db_bind_date(q, 3, r->noted_on);
	db_bind_date(q, 4, r->ends_on);
	db_bind_text(q, 5, r->note);
	db_bind_text(q, 6, monitor_route_name((enum monitor_route)r->route));
	db_bind_date(q, 7, r->follow_up);
	db_bind_int(q, 8, r->noted_by);
	return db_run_id(q, id, err);
}

int store_risk_signal_get(struct store *st, struct store_arena *a, int64_t id,
			  struct store_risk_signal *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " SIGNAL_COLS SIGNAL_FROM " WHERE r.id = $1";
	return store_get_by_id(st, sql, id, a, read_signal, out, "id", err);
}

int store_risk_signal_list(struct store *st, struct store_arena *a, int64_t placement_id,
			   struct store_risk_signal **out, size_t *n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT " SIGNAL_COLS SIGNAL_FROM " WHERE r.placement_id = $1 ORDER BY r.id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, placement_id);
	return store_collect(q, a, sizeof **out, read_signal, (void **)out, n, err);
}

int store_risk_signal_resolve(struct store *st, int64_t id, sw_date on, struct sw_error *err)
{
	static const char sql[] = "UPDATE risk_signals SET resolved_on = $2"
				  " WHERE id = $1 AND resolved_on IS NULL AND noted_on <= $2"
				  " RETURNING id";
	if (on == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "resolved_on", "required");
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	db_bind_date(q, 2, on);
	int64_t got;
	struct sw_error e;
	if (db_run_id(q, &got, &e) == 0)
		return 0;
	if (e.code != SW_ENOTFOUND) {
		if (err != NULL)
			*err = e;
		return -1;
	}
	return sw_error_set(err, SW_ECONFLICT, "resolved_on",
			    "already resolved, or noted after that day");
}

/* ---- development goals -------------------------------------------------- */

#define GOAL_COLS                                                                      \
	"id, placement_id, route, goal, reached, done_what, done_by, take_forward, created_by," \
	" created_at"

static int read_goal(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	struct store_goal *g = item;
	enum monitor_route route;
	g->id = db_col_int(q, 0);
	if (monitor_route_parse(db_col_text(q, 2), &route) != 0)
		return sw_error_set(err, SW_EINTERNAL, "route", "goal %lld: unknown route",
				    (long long)g->id);
	g->placement_id = db_col_int(q, 1);
	g->route = route;
	g->reached = db_col_isnull(q, 4) ? -1 : (int)db_col_int(q, 4);
	g->created_by = db_col_int(q, 8);
	if (col_str(q, 3, a, &g->goal) != 0 || col_str(q, 5, a, &g->done_what) != 0 ||
	    col_str(q, 6, a, &g->done_by) != 0 || col_str(q, 7, a, &g->take_forward) != 0 ||
	    col_str(q, 9, a, &g->created_at) != 0)
		return oom(err);
	return 0;
}

static int check_goal(const struct store_goal *g, struct sw_error *err)
{
	if ((unsigned)g->route >= MONITOR_ROUTE__COUNT)
		return sw_error_set(err, SW_EINVAL, "route", "unknown route");
	if (g->reached < -1 || g->reached > 1)
		return sw_error_set(err, SW_EINVAL, "reached", "yes, no or not yet");
	if (store_check_required(g->goal, STORE_MAX_TEXT, "goal", err) != 0 ||
	    store_check_text(g->done_what, STORE_MAX_TEXT, "done_what", err) != 0 ||
	    store_check_text(g->done_by, STORE_MAX_NAME, "done_by", err) != 0 ||
	    store_check_text(g->take_forward, STORE_MAX_TEXT, "take_forward", err) != 0)
		return -1;
	return 0;
}

static void bind_reached(struct db_stmt *q, int n, int reached)
{
	if (reached < 0)
		db_bind_null(q, n);
	else
		db_bind_int(q, n, reached);
}

int store_goal_insert(struct store *st, const struct store_goal *g, int64_t *id,
		      struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO development_goals (placement_id, route, goal, reached, done_what,"
		" done_by, take_forward, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)"
		" RETURNING id";
	if (check_goal(g, err) != 0 || store_user_exists(st, g->created_by, "created_by", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, g->placement_id);
	db_bind_text(q, 2, monitor_route_name((enum monitor_route)g->route));
	db_bind_text(q, 3, g->goal);
	bind_reached(q, 4, g->reached);
	db_bind_text(q, 5, g->done_what);
	db_bind_text(q, 6, g->done_by);
	db_bind_text(q, 7, g->take_forward);
	db_bind_int(q, 8, g->created_by);
	return db_run_id(q, id, err);
}

int store_goal_get(struct store *st, struct store_arena *a, int64_t id, struct store_goal *out,
		   struct sw_error *err)
{
	static const char sql[] = "SELECT " GOAL_COLS " FROM development_goals WHERE id = $1";
	return store_get_by_id(st, sql, id, a, read_goal, out, "id", err);
}

int store_goal_update(struct store *st, const struct store_goal *g, struct sw_error *err)
{
	static const char sql[] =
		"UPDATE development_goals SET route = $2, goal = $3, reached = $4, done_what = $5,"
		" done_by = $6, take_forward = $7 WHERE id = $1 RETURNING id";
	if (check_goal(g, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, g->id);
	db_bind_text(q, 2, monitor_route_name((enum monitor_route)g->route));
	db_bind_text(q, 3, g->goal);
	bind_reached(q, 4, g->reached);
	db_bind_text(q, 5, g->done_what);
	db_bind_text(q, 6, g->done_by);
	db_bind_text(q, 7, g->take_forward);
	int64_t got;
	return db_run_id(q, &got, err);
}

int store_goal_list(struct store *st, struct store_arena *a, int64_t placement_id,
		    struct store_goal **out, size_t *n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT " GOAL_COLS " FROM development_goals WHERE placement_id = $1 ORDER BY id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, placement_id);
	return store_collect(q, a, sizeof **out, read_goal, (void **)out, n, err);
}
