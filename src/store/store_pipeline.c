/* store_pipeline.c - the pipeline of candidates and offers of the network
 * (pipeline_entries and their moves) and the network figures. */
#include "store_int.h"

#include <string.h>

#include "core/monitor.h"

#define ENTRY_COLS                                                                          \
	"e.id, e.case_id, e.offer_id, o.title, o.organisation_id, g.name, e.stage,"          \
	" e.voorgesteld_on, e.kennismaking_on, e.proefplaatsing_on, e.detachering_on,"       \
	" e.dienstverband_on, e.beeindigd_on, e.ended_reason"
#define ENTRY_FROM                                                                          \
	" FROM pipeline_entries e JOIN placement_offers o ON o.id = e.offer_id"              \
	" JOIN organisations g ON g.id = o.organisation_id"

static int read_entry(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	struct store_pipeline_entry *e = item;
	e->id = db_col_int(q, 0);
	e->case_id = db_col_int(q, 1);
	e->offer_id = db_col_int(q, 2);
	e->offer_title = store_arena_strdup(a, db_col_text(q, 3));
	e->offer_org_id = db_col_int(q, 4);
	e->offer_org_name = store_arena_strdup(a, db_col_text(q, 5));
	if (network_stage_parse(db_col_text(q, 6), &e->stage) != 0)
		return sw_error_set(err, SW_EINTERNAL, "stage", "entry %lld: unknown stage",
				    (long long)e->id);
	for (int i = 0; i < NETWORK_STAGE__COUNT; i++)
		e->on[i] = db_col_date(q, 7 + i);
	e->ended_reason = store_arena_strdup(a, db_col_text(q, 13));
	if (e->offer_title == NULL || e->offer_org_name == NULL ||
	    (e->ended_reason == NULL && !db_col_isnull(q, 13)))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

static int insert_move(struct store *st, int64_t entry_id, const enum network_stage *from,
		       enum network_stage to, sw_date on, int64_t by, enum role role,
		       const char *note, struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO pipeline_moves (entry_id, from_stage, to_stage, moved_on, moved_by,"
		" role, note) VALUES ($1, $2, $3, $4, $5, $6, $7)";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, entry_id);
	db_bind_text(q, 2, from != NULL ? network_stage_name(*from) : NULL);
	db_bind_text(q, 3, network_stage_name(to));
	db_bind_date(q, 4, on);
	db_bind_int(q, 5, by);
	db_bind_text(q, 6, role_name(role));
	db_bind_text(q, 7, note);
	return db_run(q, err);
}

static int check_mover(struct store *st, sw_date on, int64_t by, enum role role,
		       const char *note, struct sw_error *err)
{
	if (on == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "on", "required");
	if ((unsigned)role >= ROLE__COUNT || role == ROLE_BEHEERDER)
		return sw_error_set(err, SW_EINVAL, "role", "not a case role");
	return store_check_text(note, STORE_MAX_TEXT, "note", err) != 0 ||
			       store_user_exists(st, by, "moved_by", err) != 0
		       ? -1
		       : 0;
}

int store_pipeline_propose(struct store *st, int64_t case_id, int64_t offer_id, sw_date on,
			   int64_t by, enum role role, const char *note, int64_t *id,
			   struct sw_error *err)
{
	static const char dup_sql[] =
		"SELECT 1 FROM pipeline_entries WHERE case_id = $1 AND offer_id = $2";
	static const char sql[] =
		"INSERT INTO pipeline_entries (case_id, offer_id, stage, voorgesteld_on)"
		" VALUES ($1, $2, 'voorgesteld', $3) RETURNING id";
	if (check_mover(st, on, by, role, note, err) != 0 ||
	    store_case_exists(st, case_id, "case_id", err) != 0)
		return -1;
	struct store_arena a = { 0 };
	struct store_offer o;
	struct sw_error e;
	const int got = store_offer_get(st, &a, offer_id, &o, &e);
	const int open = got == 0 && o.open;
	store_arena_free(&a);
	if (got != 0) {
		if (e.code == SW_ENOTFOUND)
			return sw_error_set(err, SW_ENOTFOUND, "offer_id", "no such offer");
		if (err != NULL)
			*err = e;
		return -1;
	}
	if (!open)
		return sw_error_set(err, SW_ECONFLICT, "offer_id", "the offer is closed");
	struct db *db = st->db;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, dup_sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, case_id);
	db_bind_int(q, 2, offer_id);
	const int rc = db_next(q, err);
	if (rc < 0)
		goto fail;
	if (rc > 0) {
		db_reset(q);
		sw_error_set(err, SW_ECONFLICT, "offer_id",
			     "the candidate is already proposed for this offer");
		goto fail;
	}
	if ((q = store_stmt(st, sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, case_id);
	db_bind_int(q, 2, offer_id);
	db_bind_date(q, 3, on);
	if (db_run_id(q, id, err) != 0 ||
	    insert_move(st, *id, NULL, NETWORK_VOORGESTELD, on, by, role, note, err) != 0)
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}

/* One statement per target stage: the day column differs. The stage of
 * the row is part of the WHERE, so of two concurrent moves one wins. */
static const char *const move_sql[NETWORK_STAGE__COUNT] = {
	[NETWORK_KENNISMAKING] = "UPDATE pipeline_entries SET stage = 'kennismaking',"
				 " kennismaking_on = $3 WHERE id = $1 AND stage = $2 RETURNING id",
	[NETWORK_PROEFPLAATSING] = "UPDATE pipeline_entries SET stage = 'proefplaatsing',"
				   " proefplaatsing_on = $3 WHERE id = $1 AND stage = $2"
				   " RETURNING id",
	[NETWORK_DETACHERING] = "UPDATE pipeline_entries SET stage = 'detachering',"
				" detachering_on = $3 WHERE id = $1 AND stage = $2 RETURNING id",
	[NETWORK_DIENSTVERBAND] = "UPDATE pipeline_entries SET stage = 'dienstverband',"
				  " dienstverband_on = $3 WHERE id = $1 AND stage = $2"
				  " RETURNING id",
	[NETWORK_BEEINDIGD] = "UPDATE pipeline_entries SET stage = 'beeindigd',"
			      " beeindigd_on = $3, ended_reason = $4 WHERE id = $1 AND stage = $2"
			      " RETURNING id",
};

static const enum store_placement_kind placement_kind[NETWORK_STAGE__COUNT] = {
	[NETWORK_PROEFPLAATSING] = STORE_PLACEMENT_PROEFPLAATSING,
	[NETWORK_DETACHERING] = STORE_PLACEMENT_DETACHERING,
	[NETWORK_DIENSTVERBAND] = STORE_PLACEMENT_DIENSTVERBAND,
};

/* The placement of an entry that moved to `to` on `on`: created at its
 * first placement stage (employer the offer's organisation, hours the
 * offer's, capacity the zoekprofiel's), its kind follows later stages with
 * the start kept (one run at one employer), and ending the entry ends it.
 * Called inside the move's transaction. */
static int sync_placement(struct store *st, const struct store_pipeline_entry *e,
			  enum network_stage to, sw_date on, int64_t by, const char *reason,
			  struct sw_error *err)
{
	static const char find_sql[] =
		"SELECT id, start_date, end_date FROM placements WHERE pipeline_entry_id = $1";
	static const char kind_sql[] = "UPDATE placements SET kind = $2 WHERE id = $1 RETURNING id";
	static const char end_sql[] =
		"UPDATE placements SET end_date = $2, end_reason = $3, outcome = 'beeindigd'"
		" WHERE id = $1 AND end_date IS NULL RETURNING id";
	struct db_stmt *q = store_stmt(st, find_sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, e->id);
	const int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	const int64_t pid = rc > 0 ? db_col_int(q, 0) : 0;
	const sw_date start = rc > 0 ? db_col_date(q, 1) : DATE_NONE;
	const bool running = rc > 0 && db_col_isnull(q, 2);
	if (rc > 0)
		db_reset(q);
	int64_t got;
	if (to == NETWORK_BEEINDIGD) {
		if (!running)
			return 0;
		if (on < start)
			return sw_error_set(err, SW_EINVAL, "on", "before the placement's start");
		if ((q = store_stmt(st, end_sql, err)) == NULL)
			return -1;
		db_bind_int(q, 1, pid);
		db_bind_date(q, 2, on);
		db_bind_text(q, 3, reason);
		return db_run_id(q, &got, err);
	}
	if (!network_stage_is_placement(to))
		return 0;
	if (pid != 0) {
		if ((q = store_stmt(st, kind_sql, err)) == NULL)
			return -1;
		db_bind_int(q, 1, pid);
		db_bind_text(q, 2, store_placement_kind_name(placement_kind[to]));
		return db_run_id(q, &got, err);
	}
	struct store_arena a = { 0 };
	struct store_offer o;
	struct store_zoekprofiel z;
	struct sw_error ze;
	int capacity = 0;
	if (store_offer_get(st, &a, e->offer_id, &o, err) != 0) {
		store_arena_free(&a);
		return -1;
	}
	if (store_zoekprofiel_get(st, &a, e->case_id, &z, &ze) == 0) {
		capacity = z.hours_max;
	} else if (ze.code != SW_ENOTFOUND) {
		store_arena_free(&a);
		if (err != NULL)
			*err = ze;
		return -1;
	}
	store_arena_free(&a);
	const struct store_placement p = {
		.case_id = e->case_id, .pipeline_entry_id = e->id,
		.employer_org_id = e->offer_org_id, .kind = placement_kind[to], .start = on,
		.end = DATE_NONE, .outcome = MONITOR_OUTCOME_LOPEND, .contract_until = DATE_NONE,
		.subsidy_until = DATE_NONE, .hours_per_week = o.hours_max,
		.capacity_hours = capacity, .t2_months = MONITOR_DEFAULT_T2,
		.t3_months = MONITOR_DEFAULT_T3, .created_by = by,
	};
	return store_placement_insert(st, &p, &got, err);
}

/* A proefplaatsing or detachering starts only on spelregels all three
 * parties agreed to. */
static int check_spelregels(struct store *st, int64_t entry_id, struct sw_error *err)
{
	unsigned missing;
	if (store_spelregels_agreed(st, entry_id, &missing, err) != 0)
		return -1;
	if (missing == 0)
		return 0;
	char who[64] = "";
	for (int i = 0; i < STORE_PARTY__COUNT; i++) {
		if ((missing & (1u << i)) == 0)
			continue;
		if (who[0] != '\0')
			strcat(who, ", ");
		strcat(who, store_party_name((enum store_party)i));
	}
	return sw_error_set(err, SW_ECONFLICT, "spelregels",
			    "the spelregels must first be agreed by the sending employer, the"
			    " receiving employer and the candidate; still to agree: %s",
			    who);
}

int store_pipeline_move(struct store *st, int64_t entry_id, enum network_stage to, sw_date on,
			int64_t by, enum role role, const char *note, const char *reason,
			struct sw_error *err)
{
	if ((unsigned)to >= NETWORK_STAGE__COUNT)
		return sw_error_set(err, SW_EINVAL, "stage", "unknown stage");
	if (to == NETWORK_BEEINDIGD) {
		if (store_check_required(reason, STORE_MAX_TEXT, "reason", err) != 0)
			return -1;
	} else if (reason != NULL) {
		return sw_error_set(err, SW_EINVAL, "reason", "only when ending (beeindigd)");
	}
	if (check_mover(st, on, by, role, note, err) != 0)
		return -1;
	struct store_arena a = { 0 };
	struct store_pipeline_entry e;
	if (store_pipeline_get(st, &a, entry_id, &e, err) != 0) {
		store_arena_free(&a);
		return -1;
	}
	store_arena_free(&a);
	if (!network_transition_ok(e.stage, to))
		return sw_error_set(err, SW_ECONFLICT, "stage", "%s cannot move to %s",
				    network_stage_name(e.stage), network_stage_name(to));
	struct db *db = st->db;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	if ((to == NETWORK_PROEFPLAATSING || to == NETWORK_DETACHERING) &&
	    check_spelregels(st, entry_id, err) != 0)
		goto fail;
	struct db_stmt *q = store_stmt(st, move_sql[to], err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, entry_id);
	db_bind_text(q, 2, network_stage_name(e.stage));
	db_bind_date(q, 3, on);
	db_bind_text(q, 4, reason);
	int64_t got;
	struct sw_error ue;
	if (db_run_id(q, &got, &ue) != 0) {
		if (ue.code == SW_ENOTFOUND)
			sw_error_set(err, SW_ECONFLICT, "stage", "moved by someone else meanwhile");
		else if (err != NULL)
			*err = ue;
		goto fail;
	}
	if (insert_move(st, entry_id, &e.stage, to, on, by, role, note, err) != 0 ||
	    sync_placement(st, &e, to, on, by, reason, err) != 0)
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}

int store_pipeline_get(struct store *st, struct store_arena *a, int64_t id,
		       struct store_pipeline_entry *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " ENTRY_COLS ENTRY_FROM " WHERE e.id = $1";
	return store_get_by_id(st, sql, id, a, read_entry, out, "id", err);
}

int store_pipeline_list(struct store *st, struct store_arena *a, int64_t case_id,
			int64_t offer_id, struct store_pipeline_entry **out, size_t *n,
			struct sw_error *err)
{
	static const char case_sql[] =
		"SELECT " ENTRY_COLS ENTRY_FROM " WHERE e.case_id = $1 ORDER BY e.id";
	static const char offer_sql[] =
		"SELECT " ENTRY_COLS ENTRY_FROM " WHERE e.offer_id = $1 ORDER BY e.id";
	struct db_stmt *q = store_stmt(st, case_id != 0 ? case_sql : offer_sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id != 0 ? case_id : offer_id);
	return store_collect(q, a, sizeof **out, read_entry, (void **)out, n, err);
}

static int read_move(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	struct store_pipeline_move *m = item;
	m->id = db_col_int(q, 0);
	m->entry_id = db_col_int(q, 1);
	m->has_from = !db_col_isnull(q, 2);
	m->from = NETWORK_VOORGESTELD;
	if ((m->has_from && network_stage_parse(db_col_text(q, 2), &m->from) != 0) ||
	    network_stage_parse(db_col_text(q, 3), &m->to) != 0 ||
	    role_parse(db_col_text(q, 7), &m->role) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "move %lld: malformed row",
				    (long long)m->id);
	m->on = db_col_date(q, 4);
	m->moved_by = db_col_int(q, 5);
	m->moved_by_name = store_arena_strdup(a, db_col_text(q, 6));
	m->note = store_arena_strdup(a, db_col_text(q, 8));
	if ((m->moved_by_name == NULL && !db_col_isnull(q, 6)) ||
	    (m->note == NULL && !db_col_isnull(q, 8)))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_pipeline_moves(struct store *st, struct store_arena *a, int64_t entry_id,
			 struct store_pipeline_move **out, size_t *n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT m.id, m.entry_id, m.from_stage, m.to_stage, m.moved_on, m.moved_by,"
		" u.name, m.role, m.note FROM pipeline_moves m LEFT JOIN users u ON u.id = m.moved_by"
		" WHERE m.entry_id = $1 ORDER BY m.id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, entry_id);
	return store_collect(q, a, sizeof **out, read_move, (void **)out, n, err);
}

/* ---- figures ---- */

/* One entry as the figures need it. */
struct fig_row {
	int64_t sender, receiver;        /* case's and offer's organisation */
	sw_date proposed, placed, ended; /* placed: first placement stage; DATE_NONE: not */
};

static int read_fig_row(struct db_stmt *q, struct store_arena *a, void *item,
			struct sw_error *err)
{
	(void)a;
	(void)err;
	struct fig_row *r = item;
	r->sender = db_col_int(q, 0);
	r->receiver = db_col_int(q, 1);
	r->proposed = db_col_date(q, 2);
	r->placed = DATE_NONE;
	for (int i = 3; i <= 5; i++) {
		const sw_date d = db_col_date(q, i);
		if (d != DATE_NONE && (r->placed == DATE_NONE || d < r->placed))
			r->placed = d;
	}
	r->ended = db_col_date(q, 6);
	return 0;
}

static int read_employer(struct db_stmt *q, struct store_arena *a, void *item,
			 struct sw_error *err)
{
	struct store_network_employer *e = item;
	memset(e, 0, sizeof *e);
	e->organisation_id = db_col_int(q, 0);
	e->name = store_arena_strdup(a, db_col_text(q, 1));
	return e->name == NULL ? sw_error_set(err, SW_EINTERNAL, "", "out of memory") : 0;
}

static int count_sql(struct store *st, const char *sql, sw_date from, sw_date to_excl,
		     int *out, struct sw_error *err)
{
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_date(q, 1, from);
	db_bind_date(q, 2, to_excl);
	int64_t v;
	if (db_run_id(q, &v, err) != 0)
		return -1;
	*out = (int)v;
	return 0;
}

static struct store_network_employer *employer(struct store_network_figures *f, int64_t id)
{
	for (size_t i = 0; i < f->nemployers; i++)
		if (f->employers[i].organisation_id == id)
			return &f->employers[i];
	return NULL;
}

int store_network_figures(struct store *st, struct store_arena *a, sw_date from, sw_date to,
			  sw_date today, struct store_network_figures *out,
			  struct sw_error *err)
{
	static const char open_sql[] =
		"SELECT COUNT(*) FROM placement_offers WHERE status = 'open'";
	static const char new_sql[] =
		"SELECT COUNT(*) FROM placement_offers WHERE created_at >= $1 AND created_at < $2";
	static const char rows_sql[] =
		"SELECT c.organisation_id, o.organisation_id, e.voorgesteld_on, e.proefplaatsing_on,"
		" e.detachering_on, e.dienstverband_on, e.beeindigd_on FROM pipeline_entries e"
		" JOIN cases c ON c.id = e.case_id JOIN placement_offers o ON o.id = e.offer_id"
		" ORDER BY e.id";
	static const char orgs_sql[] =
		"SELECT id, name FROM organisations WHERE id IN (SELECT c.organisation_id"
		"  FROM pipeline_entries e JOIN cases c ON c.id = e.case_id"
		"  UNION SELECT o.organisation_id FROM pipeline_entries e"
		"  JOIN placement_offers o ON o.id = e.offer_id)"
		" ORDER BY name, id";
	if (from == DATE_NONE || to == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, from == DATE_NONE ? "from" : "to", "required");
	if (to < from)
		return sw_error_set(err, SW_EINVAL, "to", "before from");
	memset(out, 0, sizeof *out);
	struct fig_row *rows;
	size_t nrows;
	struct db_stmt *q;
	if (count_sql(st, open_sql, from, to + 1, &out->offers_open, err) != 0 ||
	    count_sql(st, new_sql, from, to + 1, &out->offers_new, err) != 0 ||
	    (q = store_stmt(st, rows_sql, err)) == NULL ||
	    store_collect(q, a, sizeof *rows, read_fig_row, (void **)&rows, &nrows, err) != 0 ||
	    (q = store_stmt(st, orgs_sql, err)) == NULL ||
	    store_collect(q, a, sizeof *out->employers, read_employer, (void **)&out->employers,
			  &out->nemployers, err) != 0)
		return -1;
	for (size_t i = 0; i < nrows; i++) {
		const struct fig_row *r = &rows[i];
		struct store_network_employer *s = employer(out, r->sender);
		struct store_network_employer *h = employer(out, r->receiver);
		const int proposed = r->proposed >= from && r->proposed <= to;
		const int placed = r->placed != DATE_NONE && r->placed >= from && r->placed <= to;
		out->proposals += proposed;
		if (s != NULL) {
			s->brengen += proposed;
			s->brengen_geplaatst += placed;
		}
		if (h != NULL) {
			h->halen += proposed;
			h->halen_geplaatst += placed;
		}
		if (!placed)
			continue;
		out->placements++;
		out->lasting_6 += network_lasted(r->placed, r->ended, today, 6);
		out->lasting_12 += network_lasted(r->placed, r->ended, today, 12);
	}
	return 0;
}
