/* signals.c - benchmark of the daily signal run over 1,000,000 cases.
 *
 *   signals [sqlite-PATH | postgresql://URL] [CASES]
 *
 * Generates CASES (default 1,000,000) open cases, each with 1-2 sick
 * periods, a few events and 2-3 participants, into a fresh database (default
 * build/bench-signals.db; a PostgreSQL database's public schema is dropped
 * and recreated), in one transaction with prepared multi-row inserts. Then
 * times the full signal run: store_scan_cases + tl_compute +
 * signals_for_timeline for every case. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/signals.h"
#include "core/timeline.h"
#include "store/db.h"
#include "store/store.h"

#define BATCH_ROWS 100
#define ORGS 100
#define ARTSEN 40
#define MAX_COLS 6

/* ---- multi-row inserts ----------------------------------------------------- */

enum val_kind { V_NULL, V_INT, V_TEXT, V_DATE };

struct val {
	enum val_kind kind;
	int64_t i;
	char s[48];
};

/* Rows buffered for "INSERT INTO ... VALUES (...), (...)": one prepared
 * statement for a full batch, one more for the remainder at the end. */
struct batch {
	struct db *db;
	const char *head;      /* "INSERT INTO t (a, b) VALUES " */
	const char *tail;      /* "" or " RETURNING ..." */
	int ncols;
	int nret_cols;         /* columns after RETURNING, at most 3 */
	int nrows;
	struct val vals[BATCH_ROWS][MAX_COLS];
	struct db_stmt *full;
	/* Rows returned by the last flush (RETURNING), at most 3 columns. */
	int64_t ret[BATCH_ROWS][3];
	int nret;
};

static struct db_stmt *prepare_rows(struct batch *b, int rows, struct sw_error *err)
{
	size_t cap = strlen(b->head) + strlen(b->tail) + (size_t)rows * (size_t)b->ncols * 8 + 16;
	char *sql = malloc(cap), *p = sql;
	if (sql == NULL)
		return NULL;
	p += sprintf(p, "%s", b->head);
	for (int r = 0; r < rows; r++) {
		*p++ = r ? ',' : ' ';
		*p++ = '(';
		for (int c = 0; c < b->ncols; c++)
			p += sprintf(p, "%s$%d", c ? "," : "", r * b->ncols + c + 1);
		*p++ = ')';
	}
	sprintf(p, "%s", b->tail);
	struct db_stmt *q = db_prepare(b->db, sql, 0, err);
	free(sql);
	return q;
}

static int flush(struct batch *b, struct sw_error *err)
{
	b->nret = 0;
	if (b->nrows == 0)
		return 0;
	struct db_stmt *q = b->nrows == BATCH_ROWS ? b->full : prepare_rows(b, b->nrows, err);
	if (q == NULL)
		return -1;
	for (int r = 0; r < b->nrows; r++) {
		for (int c = 0; c < b->ncols; c++) {
			const struct val *v = &b->vals[r][c];
			const int n = r * b->ncols + c + 1;
			switch (v->kind) {
			case V_NULL: db_bind_null(q, n); break;
			case V_INT: db_bind_int(q, n, v->i); break;
			case V_TEXT: db_bind_text(q, n, v->s); break;
			case V_DATE: db_bind_date(q, n, (sw_date)v->i); break;
			}
		}
	}
	int rc;
	while ((rc = db_next(q, err)) == 1) {
		for (int c = 0; c < b->nret_cols; c++)
			b->ret[b->nret][c] = db_col_int(q, c);
		b->nret++;
	}
	if (q != b->full)
		db_stmt_free(q);
	b->nrows = 0;
	return rc;
}

static struct val *row(struct batch *b)
{
	return b->vals[b->nrows++];
}

static void vint(struct val *v, int64_t i) { v->kind = V_INT; v->i = i; }
static void vdate(struct val *v, sw_date d) { v->kind = d == DATE_NONE ? V_NULL : V_DATE; v->i = d; }
static void vtext(struct val *v, const char *s)
{
	v->kind = V_TEXT;
	snprintf(v->s, sizeof v->s, "%s", s);
}

static int batch_init(struct batch *b, struct db *db, const char *head, const char *tail,
		      int ncols, int nret_cols, struct sw_error *err)
{
	b->db = db;
	b->head = head;
	b->tail = tail;
	b->ncols = ncols;
	b->nret_cols = nret_cols;
	b->nrows = 0;
	b->full = prepare_rows(b, BATCH_ROWS, err);
	return b->full != NULL ? 0 : -1;
}

/* ---- generation ------------------------------------------------------------ */

struct gen {
	struct db *db;
	sw_date today;
	uint64_t rng;
	int64_t orgs[ORGS], bosses[ORGS], artsen[ARTSEN];
	struct batch users, persons, cases, periods, events, parts;
	long nperiods, nevents, nparts;
};

static uint32_t rnd(struct gen *g, uint32_t n)
{
	/* xorshift64*: reproducible and fast. */
	g->rng ^= g->rng >> 12;
	g->rng ^= g->rng << 25;
	g->rng ^= g->rng >> 27;
	return (uint32_t)((g->rng * 2685821657736338717ull) >> 32) % n;
}

static int add_event(struct gen *g, int64_t case_id, enum tl_event_kind kind, sw_date date,
		     int64_t by, struct sw_error *err)
{
	struct val *v = row(&g->events);
	vint(&v[0], case_id);
	vtext(&v[1], tl_event_kind_name(kind));
	vdate(&v[2], date);
	vint(&v[3], 0);
	vint(&v[4], by);
	g->nevents++;
	return g->events.nrows == BATCH_ROWS ? flush(&g->events, err) : 0;
}

static int add_part(struct gen *g, int64_t case_id, int64_t user, enum role role, sw_date from,
		    struct sw_error *err)
{
	struct val *v = row(&g->parts);
	vint(&v[0], case_id);
	vint(&v[1], user);
	vtext(&v[2], role_name(role));
	vdate(&v[3], from);
	g->nparts++;
	return g->parts.nrows == BATCH_ROWS ? flush(&g->parts, err) : 0;
}

static int add_period(struct gen *g, int64_t case_id, sw_date from, sw_date to, int pct,
		      struct sw_error *err)
{
	struct val *v = row(&g->periods);
	vint(&v[0], case_id);
	vdate(&v[1], from);
	vdate(&v[2], to);
	vint(&v[3], pct);
	vint(&v[4], pct * 100);
	g->nperiods++;
	return g->periods.nrows == BATCH_ROWS ? flush(&g->periods, err) : 0;
}

/* One case's history: sick since `start`, perhaps a recovery gap, the
 * steps a diligent employer would have recorded by today, and the team. */
static int gen_history(struct gen *g, int64_t case_id, int64_t employee, int org,
		       struct sw_error *err)
{
	const sw_date start = g->today - (sw_date)rnd(g, 720);
	const int64_t boss = g->bosses[org];
	const int64_t arts = g->artsen[rnd(g, ARTSEN)];
	int rc = 0;
	if (rnd(g, 10) < 3 && g->today - start > 40) {
		/* Two periods with a recovery gap, some long enough to end the case. */
		const sw_date to = start + 3 + (sw_date)rnd(g, 25);
		sw_date relapse = to + 2 + (sw_date)rnd(g, 40);
		if (relapse > g->today)
			relapse = g->today;
		rc |= add_period(g, case_id, start, to, 100, err);
		rc |= add_period(g, case_id, relapse, DATE_NONE, 50 + 50 * (int)rnd(g, 2), err);
	} else {
		const int recovered = rnd(g, 8) == 0 && g->today - start > 10;
		rc |= add_period(g, case_id, start, recovered ? g->today - 5 : DATE_NONE, 100, err);
	}
	const int sick = g->today - start;
	rc |= add_event(g, case_id, TL_EV_ZIEKMELDING_ARBODIENST, start + 1 + (sw_date)rnd(g, 6), boss, err);
	if (sick > 45 && rnd(g, 10) < 8)
		rc |= add_event(g, case_id, TL_EV_PROBLEEMANALYSE, start + 28 + (sw_date)rnd(g, 17), arts, err);
	if (sick > 60 && rnd(g, 10) < 7)
		rc |= add_event(g, case_id, TL_EV_PLAN_VAN_AANPAK, start + 45 + (sw_date)rnd(g, 14), boss, err);
	for (int d = 100; d < sick && rnd(g, 4) != 0; d += 42)
		rc |= add_event(g, case_id, TL_EV_VOORTGANGSGESPREK, start + d, boss, err);
	rc |= add_part(g, case_id, employee, ROLE_WERKNEMER, start, err);
	rc |= add_part(g, case_id, boss, ROLE_WERKGEVER, start, err);
	if (rnd(g, 2) == 0)
		rc |= add_part(g, case_id, arts, ROLE_BEDRIJFSARTS, start + 1, err);
	return rc != 0 ? -1 : 0;
}

static int gen_people(struct gen *g, struct store *st, struct sw_error *err)
{
	char buf[64];
	for (int i = 0; i < ORGS; i++) {
		snprintf(buf, sizeof buf, "Werkgever %d BV", i + 1);
		struct store_org o = { .name = buf, .kind = STORE_ORG_WERKGEVER };
		if (store_org_insert(st, &o, &g->orgs[i], err) != 0)
			return -1;
		snprintf(buf, sizeof buf, "casemanager%d@bench.spoorwijzer.nl", i + 1);
		struct store_user u = { .email = buf, .name = buf, .organisation_id = g->orgs[i] };
		if (store_user_insert(st, &u, &g->bosses[i], err) != 0)
			return -1;
		/* gen_cases finds an organisation by its id's offset. */
		if (g->orgs[i] != g->orgs[0] + i)
			return sw_error_set(err, SW_EINTERNAL, "", "organisation ids not consecutive");
	}
	for (int i = 0; i < ARTSEN; i++) {
		snprintf(buf, sizeof buf, "arts%d@bench.spoorwijzer.nl", i + 1);
		struct store_user u = { .email = buf, .name = buf };
		if (store_user_insert(st, &u, &g->artsen[i], err) != 0)
			return -1;
	}
	return 0;
}

/* Employees in batches, their cases, then the cases' histories. */
static int gen_cases(struct gen *g, long ncases, struct sw_error *err)
{
	char buf[48];
	for (long done = 0; done < ncases;) {
		int n = ncases - done < BATCH_ROWS ? (int)(ncases - done) : BATCH_ROWS;
		for (int i = 0; i < n; i++) {
			struct val *v = row(&g->users);
			snprintf(buf, sizeof buf, "wn%ld@bench.spoorwijzer.nl", done + i + 1);
			vtext(&v[0], buf);
			snprintf(buf, sizeof buf, "Werknemer %ld", done + i + 1);
			vtext(&v[1], buf);
			vint(&v[2], g->orgs[(done + i) % ORGS]);
		}
		if (flush(&g->users, err) != 0)
			return -1;
		/* Each account's entry in the register, then its case. */
		for (int i = 0; i < g->users.nret; i++) {
			struct val *v = row(&g->persons);
			vint(&v[0], g->users.ret[i][1]);
			snprintf(buf, sizeof buf, "B%lld", (long long)g->users.ret[i][0]);
			vtext(&v[1], buf);
			vtext(&v[2], buf);
			vint(&v[3], g->users.ret[i][0]);
		}
		if (flush(&g->persons, err) != 0)
			return -1;
		for (int i = 0; i < g->persons.nret; i++) {
			struct val *v = row(&g->cases);
			vint(&v[0], g->persons.ret[i][2]);
			vint(&v[1], g->persons.ret[i][0]);
		}
		if (flush(&g->cases, err) != 0)
			return -1;
		for (int i = 0; i < g->cases.nret; i++) {
			/* Both batches return their rows in the order of their
			 * VALUES: the i-th case is the i-th person's. */
			if (g->cases.ret[i][1] != g->persons.ret[i][0])
				return sw_error_set(err, SW_EINTERNAL, "", "RETURNING out of order");
			const int org = (int)(g->cases.ret[i][2] - g->orgs[0]);
			if (gen_history(g, g->cases.ret[i][0], g->persons.ret[i][1], org, err) != 0)
				return -1;
		}
		done += n;
	}
	if (flush(&g->periods, err) != 0 || flush(&g->events, err) != 0 || flush(&g->parts, err) != 0)
		return -1;
	return 0;
}

static int generate(struct store *st, long ncases, sw_date today, struct sw_error *err)
{
	struct gen *g = calloc(1, sizeof *g);
	struct db *db = store_db(st);
	int rc = -1;
	if (g == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	g->db = db;
	g->today = today;
	g->rng = 0x5eed5eed12345678ull;
	/* Throwaway data written in one transaction of a gigabyte: no journal
	 * (the WAL would write every page twice) and a large page cache. The
	 * scan afterwards runs in the product's WAL mode again. */
	if (db_dialect(db) == DB_SQLITE &&
	    db_exec(db, "PRAGMA journal_mode = OFF; PRAGMA cache_size = -1000000", err) != 0)
		goto out;
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	if (gen_people(g, st, err) != 0 ||
	    batch_init(&g->users, db, "INSERT INTO users (email, name, organisation_id) VALUES",
		       " RETURNING id, organisation_id", 3, 2, err) != 0 ||
	    batch_init(&g->persons, db,
		       "INSERT INTO persons (organisation_id, personnel_number, name, user_id) VALUES",
		       " RETURNING id, user_id, organisation_id", 4, 3, err) != 0 ||
	    batch_init(&g->cases, db, "INSERT INTO cases (organisation_id, person_id) VALUES",
		       " RETURNING id, person_id, organisation_id", 2, 3, err) != 0 ||
	    batch_init(&g->periods, db,
		       "INSERT INTO sick_periods (case_id, from_date, to_date, percent, percent_bp) VALUES",
		       "", 5,
		       0, err) != 0 ||
	    batch_init(&g->events, db,
		       "INSERT INTO events (case_id, kind, event_date, value, created_by) VALUES", "",
		       5, 0, err) != 0 ||
	    batch_init(&g->parts, db,
		       "INSERT INTO participations (case_id, user_id, role, from_date) VALUES", "", 4,
		       0, err) != 0 ||
	    gen_cases(g, ncases, err) != 0) {
		db_rollback(db);
		goto out;
	}
	rc = db_commit(db, err);
	if (rc == 0 && db_dialect(db) == DB_SQLITE)
		rc = db_exec(db, "PRAGMA journal_mode = WAL; PRAGMA cache_size = -2000", err);
	printf("generated: %ld cases, %ld periods, %ld events, %ld participations\n", ncases,
	       g->nperiods, g->nevents, g->nparts);
out:
	db_stmt_free(g->users.full);
	db_stmt_free(g->persons.full);
	db_stmt_free(g->cases.full);
	db_stmt_free(g->periods.full);
	db_stmt_free(g->events.full);
	db_stmt_free(g->parts.full);
	free(g);
	return rc;
}

/* ---- the signal run ---------------------------------------------------------- */

struct run {
	sw_date today;
	long cases, signals, errors;
};

static int on_case(const struct store_scan_case *c, void *ctx, struct sw_error *err)
{
	(void)err;
	struct run *r = ctx;
	struct tl_input in;
	struct tl_timeline tl;
	struct signal sig[TL_MAX_DEADLINES];
	r->cases++;
	if (c->input.nperiods == 0)
		return 0;
	store_case_input_tl(&c->input, r->today, &in);
	if (tl_compute(&in, &tl, NULL) != TL_OK) {
		r->errors++;
		return 0;
	}
	r->signals += (long)signals_for_timeline(&tl, r->today, SIGNALS_HORIZON_DAYS, sig,
						 TL_MAX_DEADLINES);
	return 0;
}

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A fresh, migrated database at target. */
static struct store *fresh(const char *target, char *url, size_t len, struct sw_error *err)
{
	if (strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0) {
		snprintf(url, len, "%s", target);
	} else {
		char path[512];
		snprintf(url, len, "sqlite:%s", target);
		unlink(target);
		snprintf(path, sizeof path, "%s-wal", target);
		unlink(path);
		snprintf(path, sizeof path, "%s-shm", target);
		unlink(path);
	}
	struct store *st = store_open(url, err);
	if (st == NULL)
		return NULL;
	if ((db_dialect(store_db(st)) == DB_POSTGRESQL &&
	     db_exec(store_db(st), "DROP SCHEMA public CASCADE; CREATE SCHEMA public", err) != 0) ||
	    store_migrate(st, NULL, err) != 0) {
		store_close(st);
		return NULL;
	}
	return st;
}

int main(int argc, char **argv)
{
	const char *target = argc > 1 ? argv[1] : "build/bench-signals.db";
	const long ncases = argc > 2 ? atol(argv[2]) : 1000000;
	const sw_date today = date_from_ymd(2025, 6, 2);
	struct sw_error err = { 0 };
	char url[1024];
	if (ncases < 1) {
		fprintf(stderr, "usage: signals [PATH | postgresql://URL] [CASES]\n");
		return 2;
	}

	struct store *st = fresh(target, url, sizeof url, &err);
	if (st == NULL) {
		fprintf(stderr, "signals: %s: %s\n", target, err.message);
		return 1;
	}
	double t0 = now();
	if (generate(st, ncases, today, &err) != 0) {
		fprintf(stderr, "signals: generate: %s\n", err.message);
		store_close(st);
		return 1;
	}
	printf("generation: %.2f s\n", now() - t0);

	struct run run = { .today = today };
	t0 = now();
	if (store_scan_cases(st, today, on_case, &run, &err) != 0) {
		fprintf(stderr, "signals: scan: %s\n", err.message);
		store_close(st);
		return 1;
	}
	const double secs = now() - t0;
	store_close(st);
	printf("signals: %ld cases, %ld signals, %.2f s\n", run.cases, run.signals, secs);
	if (run.errors != 0) {
		fprintf(stderr, "signals: %ld cases rejected by the engine\n", run.errors);
		return 1;
	}
	return 0;
}
