/* store_scan.c - every open case with its history and its monitored
 * placements, for the daily signal run.
 *
 * A query per case would cost a million round trips. Instead eight queries,
 * each ordered by case id, are read side by side and merged here: the cases
 * drive, and each other source hands over its rows while they belong to the
 * current case (rows of closed cases are skipped on the way). All of it
 * runs in one read-only transaction so that the sources agree. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

enum {
	SRC_CASES, SRC_PERIODS, SRC_EVENTS, SRC_DEVIATIONS, SRC_PARTICIPANTS,
	SRC_PLACEMENTS, SRC_ANSWERS, SRC_FOLLOWUPS, SRC__COUNT
};

/* Column 0 of every source is the case id. */
static const char *const scan_sql[SRC__COUNT] = {
	[SRC_CASES] = "SELECT c.id, c.organisation_id, u.name FROM cases c"
		      " JOIN persons u ON u.id = c.person_id"
		      " WHERE c.status = 'open' ORDER BY c.id",
	[SRC_PERIODS] = "SELECT case_id, from_date, to_date, percent FROM sick_periods"
			" ORDER BY case_id, from_date",
	[SRC_EVENTS] = "SELECT case_id, kind, event_date, value FROM events"
		       " ORDER BY case_id, event_date",
	[SRC_DEVIATIONS] = "SELECT case_id, code, agreed_due FROM deviations ORDER BY case_id, id",
	[SRC_PARTICIPANTS] = "SELECT p.case_id, p.user_id, u.name, u.email, p.role"
			     " FROM participations p JOIN users u ON u.id = p.user_id"
			     " WHERE p.from_date <= $1 AND (p.until_date IS NULL OR p.until_date >= $1)"
			     " ORDER BY p.case_id, p.id",
	/* Placements before their answers and signals: those find theirs. */
	[SRC_PLACEMENTS] = "SELECT case_id, id, start_date, end_date, t2_months, t3_months"
			   " FROM placements ORDER BY case_id, id",
	[SRC_ANSWERS] = "SELECT DISTINCT p.case_id, a.placement_id, a.moment, a.perspective"
			" FROM monitor_answers a JOIN placements p ON p.id = a.placement_id"
			" ORDER BY p.case_id, a.placement_id, a.moment, a.perspective",
	[SRC_FOLLOWUPS] = "SELECT p.case_id, r.placement_id, r.id, r.kind, r.follow_up"
			  " FROM risk_signals r JOIN placements p ON p.id = r.placement_id"
			  " WHERE r.resolved_on IS NULL ORDER BY p.case_id, r.placement_id, r.id",
};

struct source {
	struct db_stmt *q;
	int has;             /* q is on a row */
	int64_t case_id;     /* of that row */
};

/* The case's participants; names and emails are copied into text, because
 * the rows they come from are gone by the time the callback runs. */
struct participants {
	struct store_participant *items;
	size_t n, cap;
	size_t *offsets;     /* name and email of item i at text + offsets[2i], [2i+1] */
	size_t cap_offsets;
	char *text;
	size_t len, cap_text;
};

/* The case's placements and their unresolved signals; first[i] is where
 * placement i's signals start in followups (they arrive in placement order). */
struct placements {
	struct store_scan_placement *items;
	size_t n, cap;
	size_t *first;
	size_t cap_first;
	struct signal_followup *followups;
	size_t nfollowups, cap_followups;
};

struct scan {
	struct source src[SRC__COUNT];
	struct store_scan_case c;
	struct participants parts;
	struct placements places;
};

static int advance(struct source *s, struct sw_error *err)
{
	int rc = db_next(s->q, err);
	if (rc < 0)
		return -1;
	s->has = rc;
	s->case_id = rc == 1 ? db_col_int(s->q, 0) : 0;
	return 0;
}

static int append_text(struct participants *p, const char *s, struct sw_error *err)
{
	size_t n = strlen(s != NULL ? s : "") + 1;
	if (store_grow(&p->text, &p->cap_text, p->len + n, 1) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	memcpy(p->text + p->len, s != NULL ? s : "", n);
	p->len += n;
	return 0;
}

static int add_participant(struct scan *sc, struct db_stmt *q, struct sw_error *err)
{
	struct participants *p = &sc->parts;
	if (store_grow(&p->items, &p->cap, p->n + 1, sizeof *p->items) != 0 ||
	    store_grow(&p->offsets, &p->cap_offsets, 2 * (p->n + 1), sizeof *p->offsets) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	struct store_participant *it = &p->items[p->n];
	it->user_id = db_col_int(q, 1);
	if (role_parse(db_col_text(q, 4), &it->role) != 0)
		return sw_error_set(err, SW_EINTERNAL, "role", "case %lld: unknown role",
				    (long long)db_col_int(q, 0));
	p->offsets[2 * p->n] = p->len;
	if (append_text(p, db_col_text(q, 2), err) != 0)
		return -1;
	p->offsets[2 * p->n + 1] = p->len;
	if (append_text(p, db_col_text(q, 3), err) != 0)
		return -1;
	p->n++;
	return 0;
}

static int add_placement(struct scan *sc, struct db_stmt *q, struct sw_error *err)
{
	struct placements *p = &sc->places;
	if (store_grow(&p->items, &p->cap, p->n + 1, sizeof *p->items) != 0 ||
	    store_grow(&p->first, &p->cap_first, p->n + 1, sizeof *p->first) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	p->items[p->n] = (struct store_scan_placement){
		.id = db_col_int(q, 1),
		.facts = {
			.start = db_col_date(q, 2), .ended = db_col_date(q, 3),
			.schedule = { (int)db_col_int(q, 4), (int)db_col_int(q, 5) },
		},
	};
	p->first[p->n] = p->nfollowups;
	p->n++;
	return 0;
}

/* The case's placement with this id; NULL when the row is not of one. */
static struct store_scan_placement *placement_of(struct scan *sc, int64_t id)
{
	for (size_t i = 0; i < sc->places.n; i++)
		if (sc->places.items[i].id == id)
			return &sc->places.items[i];
	return NULL;
}

static int add_answer(struct scan *sc, struct db_stmt *q, struct sw_error *err)
{
	struct store_scan_placement *p = placement_of(sc, db_col_int(q, 1));
	enum monitor_moment m;
	enum monitor_perspective v;
	if (p == NULL || monitor_moment_parse(db_col_text(q, 2), &m) != 0 ||
	    monitor_perspective_parse(db_col_text(q, 3), &v) != 0)
		return sw_error_set(err, SW_EINTERNAL, "placement_id",
				    "placement %lld: bad questionnaire row",
				    (long long)db_col_int(q, 1));
	p->facts.answered[m][v] = true;
	return 0;
}

static int add_followup(struct scan *sc, struct db_stmt *q, struct sw_error *err)
{
	struct placements *p = &sc->places;
	struct store_scan_placement *pl = placement_of(sc, db_col_int(q, 1));
	enum monitor_risk kind;
	if (pl == NULL || monitor_risk_parse(db_col_text(q, 3), &kind) != 0)
		return sw_error_set(err, SW_EINTERNAL, "placement_id",
				    "placement %lld: bad risk signal row",
				    (long long)db_col_int(q, 1));
	if (store_grow(&p->followups, &p->cap_followups, p->nfollowups + 1,
		       sizeof *p->followups) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	p->followups[p->nfollowups++] = (struct signal_followup){
		.id = db_col_int(q, 2), .kind = kind, .follow_up = db_col_date(q, 4),
	};
	/* Rows come by placement id, as the placements do: the later
	 * placements' signals start after this one. */
	for (size_t i = (size_t)(pl - p->items) + 1; i < p->n; i++)
		p->first[i] = p->nfollowups;
	return 0;
}

/* Hands the rows of source i that belong to case_id to its collector,
 * skipping rows of earlier (closed) cases. */
static int gather(struct scan *sc, int i, int64_t case_id, struct sw_error *err)
{
	struct source *s = &sc->src[i];
	struct store_case_input *in = &sc->c.input;
	while (s->has && s->case_id < case_id)
		if (advance(s, err) != 0)
			return -1;
	while (s->has && s->case_id == case_id) {
		int rc;
		switch (i) {
		case SRC_PERIODS: rc = store_input_add_period(in, s->q, 1, err); break;
		case SRC_EVENTS: rc = store_input_add_event(in, s->q, 1, err); break;
		case SRC_DEVIATIONS: rc = store_input_add_deviation(in, s->q, 1, err); break;
		case SRC_PLACEMENTS: rc = add_placement(sc, s->q, err); break;
		case SRC_ANSWERS: rc = add_answer(sc, s->q, err); break;
		case SRC_FOLLOWUPS: rc = add_followup(sc, s->q, err); break;
		default: rc = add_participant(sc, s->q, err); break;
		}
		if (rc != 0 || advance(s, err) != 0)
			return -1;
	}
	return 0;
}

/* Fills sc->c for the case the cases source is on. */
static int gather_case(struct scan *sc, struct sw_error *err)
{
	struct source *cases = &sc->src[SRC_CASES];
	struct store_scan_case *c = &sc->c;
	struct participants *p = &sc->parts;
	c->case_id = cases->case_id;
	c->organisation_id = db_col_int(cases->q, 1);
	c->employee_name = db_col_text(cases->q, 2);
	c->input.nperiods = c->input.nevents = c->input.ndeviations = 0;
	p->n = p->len = 0;
	struct placements *pl = &sc->places;
	pl->n = pl->nfollowups = 0;
	for (int i = SRC_PERIODS; i < SRC__COUNT; i++)
		if (gather(sc, i, c->case_id, err) != 0)
			return -1;
	/* The text buffer has stopped moving: point into it. */
	for (size_t k = 0; k < p->n; k++) {
		p->items[k].name = p->text + p->offsets[2 * k];
		p->items[k].email = p->text + p->offsets[2 * k + 1];
	}
	c->participants = p->items;
	c->nparticipants = p->n;
	/* Likewise the signals: each placement's run to the next one's first. */
	for (size_t k = 0; k < pl->n; k++) {
		const size_t end = k + 1 < pl->n ? pl->first[k + 1] : pl->nfollowups;
		pl->items[k].facts.nfollowups = end - pl->first[k];
		pl->items[k].facts.followups =
			end > pl->first[k] ? pl->followups + pl->first[k] : NULL;
	}
	c->placements = pl->items;
	c->nplacements = pl->n;
	return 0;
}

static int run(struct scan *sc, store_scan_fn fn, void *ctx, struct sw_error *err)
{
	for (int i = 0; i < SRC__COUNT; i++)
		if (advance(&sc->src[i], err) != 0)
			return -1;
	while (sc->src[SRC_CASES].has) {
		if (gather_case(sc, err) != 0 || fn(&sc->c, ctx, err) != 0 ||
		    advance(&sc->src[SRC_CASES], err) != 0)
			return -1;
	}
	return 0;
}

int store_scan_cases(struct store *st, sw_date today, store_scan_fn fn, void *ctx,
		     struct sw_error *err)
{
	struct scan sc;
	int rc = -1;
	memset(&sc, 0, sizeof sc);
	/* Not from the statement cache: streaming statements are cursors of
	 * their own on PostgreSQL, and a scan is long enough to prepare. */
	for (int i = 0; i < SRC__COUNT; i++)
		if ((sc.src[i].q = db_prepare(st->db, scan_sql[i], DB_STREAM, err)) == NULL)
			goto out;
	db_bind_date(sc.src[SRC_PARTICIPANTS].q, 1, today);
	if (db_begin(st->db, DB_READ, err) != 0)
		goto out;
	rc = run(&sc, fn, ctx, err);
	for (int i = 0; i < SRC__COUNT; i++)
		db_reset(sc.src[i].q);
	if (rc == 0)
		rc = db_commit(st->db, err);
	else
		db_rollback(st->db);
out:
	for (int i = 0; i < SRC__COUNT; i++)
		db_stmt_free(sc.src[i].q);
	store_case_input_free(&sc.c.input);
	free(sc.parts.items);
	free(sc.parts.offsets);
	free(sc.parts.text);
	free(sc.places.items);
	free(sc.places.first);
	free(sc.places.followups);
	return rc;
}
