/* test_store_reliability.c - what the store promises under concurrency
 * and failure, against a real database ($SW_TEST_DATABASE or a temporary
 * SQLite file, migrated and seeded with the demo data):
 * - database errors say what happened in words, never the database's text;
 * - concurrent changes of one case serialise on the case's row;
 * - the pool re-opens connections the server closed, and says
 *   SW_EUNAVAILABLE while the database refuses them (PostgreSQL). */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/db.h"
#include "store/store.h"
#include "store/store_pool.h"

#define SANNE_CASE 4

static char url[512];
static char tmp[256];
static struct store *ST;

static void remove_sqlite(const char *path)
{
	char buf[600];
	unlink(path);
	snprintf(buf, sizeof buf, "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-shm", path);
	unlink(buf);
}

static int is_pg(void)
{
	return db_dialect(store_db(ST)) == DB_POSTGRESQL;
}

static int setup(void **state)
{
	(void)state;
	struct sw_error err = { 0 };
	const char *env = getenv("SW_TEST_DATABASE");
	if (env != NULL && *env != '\0') {
		snprintf(url, sizeof url, "%s", env);
	} else {
		snprintf(tmp, sizeof tmp, "/tmp/sw-test-reliability-%d.db", (int)getpid());
		snprintf(url, sizeof url, "sqlite:%s", tmp);
	}
	if (strncmp(url, "sqlite:", 7) == 0)
		remove_sqlite(url + 7);
	if ((ST = store_open(url, &err)) == NULL)
		return -1;
	if (is_pg() &&
	    db_exec(store_db(ST), "DROP SCHEMA public CASCADE; CREATE SCHEMA public", &err) != 0)
		return -1;
	sw_date today;
	date_parse("2026-03-02", &today);
	if (store_migrate(ST, NULL, &err) != 0 || store_seed_demo(ST, today, &err) != 0) {
		fprintf(stderr, "setup: %s: %s\n", err.field, err.message);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(ST);
	if (tmp[0] != '\0')
		remove_sqlite(tmp);
	return 0;
}

static int64_t scalar(struct store *st, const char *sql, int64_t arg)
{
	struct sw_error err = { 0 };
	struct db_stmt *q = db_prepare(store_db(st), sql, 0, &err);
	if (q == NULL)
		fail_msg("%s: %s", sql, err.message);
	int64_t v = -1;
	db_bind_int(q, 1, arg);
	if (db_run_id(q, &v, &err) != 0)
		fail_msg("%s: %s", sql, err.message);
	db_stmt_free(q);
	return v;
}

/* The message names no table, constraint or SQL keyword. */
static void assert_words(const struct sw_error *err)
{
	static const char *const leaks[] = { "duplicate", "UNIQUE", "constraint", "violates",
					     "relation", "sqlite", "postgresql", "rel_t", NULL };
	for (int i = 0; leaks[i] != NULL; i++)
		if (strstr(err->message, leaks[i]) != NULL)
			fail_msg("database text in the message: %s", err->message);
}

static void test_errors_in_words(void **state)
{
	(void)state;
	struct db *db = store_db(ST);
	struct sw_error err = { 0 };
	assert_int_equal(db_exec(db, "CREATE TABLE rel_t (id INTEGER PRIMARY KEY,"
				     " v INTEGER NOT NULL CHECK (v > 0),"
				     " case_id BIGINT REFERENCES cases (id))", &err), 0);
	assert_int_equal(db_exec(db, "INSERT INTO rel_t (id, v) VALUES (1, 1)", &err), 0);

	assert_int_equal(db_exec(db, "INSERT INTO rel_t (id, v) VALUES (1, 2)", &err), -1);
	assert_int_equal(err.code, SW_ECONFLICT);
	assert_words(&err);
	assert_int_equal(db_exec(db, "INSERT INTO rel_t (id, v) VALUES (2, 0)", &err), -1);
	assert_int_equal(err.code, SW_EINVAL);
	assert_words(&err);
	assert_int_equal(db_exec(db, "INSERT INTO rel_t (id, v, case_id) VALUES (3, 1, 999999)",
				 &err), -1);
	assert_int_equal(err.code, SW_ENOTFOUND);
	assert_words(&err);
	/* What is none of these keeps the database's text for the log. */
	assert_int_equal(db_exec(db, "SELECT no_such_column FROM rel_t", &err), -1);
	assert_int_equal(err.code, SW_EINTERNAL);
	assert_int_equal(db_exec(db, "DROP TABLE rel_t", &err), 0);
}

/* ---- concurrent changes of one case ---- */

#define WRITERS 4
#define ROUNDS 15

struct writer {
	int failures;
	char last[400];
};

/* What POST /cases/{id}/events does: an event and the deadlines, in one
 * transaction, on its own connection. */
static void *write_events(void *arg)
{
	struct writer *w = arg;
	struct sw_error err = { 0 };
	struct store *st = store_open(url, &err);
	if (st == NULL) {
		w->failures = ROUNDS;
		return NULL;
	}
	const int64_t user = scalar(st, "SELECT p.user_id FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.id = $1", SANNE_CASE);
	sw_date day, today;
	date_parse("2026-02-20", &day);
	date_parse("2026-03-02", &today);
	for (int i = 0; i < ROUNDS; i++) {
		const struct store_event e = { .case_id = SANNE_CASE, .kind = TL_EV_VOORTGANGSGESPREK,
					       .date = day, .created_by = user };
		int64_t id;
		struct db *db = store_db(st);
		if (db_begin(db, DB_WRITE, &err) != 0 || store_event_insert(st, &e, &id, &err) != 0 ||
		    store_case_refresh_deadlines(st, SANNE_CASE, today, &err) != 0 ||
		    db_commit(db, &err) != 0) {
			db_rollback(db);
			w->failures++;
			snprintf(w->last, sizeof w->last, "%s: %s", err.field, err.message);
		}
	}
	store_close(st);
	return NULL;
}

static void test_concurrent_case_writes(void **state)
{
	(void)state;
	const int64_t events = scalar(ST, "SELECT COUNT(*) FROM events WHERE case_id = $1",
				      SANNE_CASE);
	pthread_t t[WRITERS];
	struct writer w[WRITERS];
	memset(w, 0, sizeof w);
	for (int i = 0; i < WRITERS; i++)
		assert_int_equal(pthread_create(&t[i], NULL, write_events, &w[i]), 0);
	int failures = 0;
	for (int i = 0; i < WRITERS; i++) {
		pthread_join(t[i], NULL);
		if (w[i].failures > 0)
			fprintf(stderr, "# writer %d: %d failed, last: %s\n", i, w[i].failures,
				w[i].last);
		failures += w[i].failures;
	}
	assert_int_equal(failures, 0);
	assert_int_equal(scalar(ST, "SELECT COUNT(*) FROM events WHERE case_id = $1", SANNE_CASE),
			 events + WRITERS * ROUNDS);
	/* The deadlines are those of the last refresh, once each. */
	assert_int_equal(scalar(ST, "SELECT COUNT(DISTINCT computed_on) FROM deadlines"
				    " WHERE case_id = $1", SANNE_CASE), 1);
	assert_true(scalar(ST, "SELECT COUNT(*) FROM deadlines WHERE case_id = $1", SANNE_CASE) > 0);
}

/* ---- the pool after the server closed its connections ---- */

/* A connection to the cluster's maintenance database: a database cannot
 * refuse connections from a session of its own. */
static struct store *admin_open(void)
{
	char admin[600];
	const char *at = strstr(url, "/spoorwijzer_test");
	snprintf(admin, sizeof admin, "%.*s/postgres%s", (int)(at - url), url,
		 at + strlen("/spoorwijzer_test"));
	struct sw_error err = { 0 };
	struct store *st = store_open(admin, &err);
	if (st == NULL)
		fail_msg("%s: %s", admin, err.message);
	return st;
}

/* What a restart of PostgreSQL does to the connections of a client: the
 * server ends them (57P01) and closes the sockets. Spares ST. */
static void terminate_others(struct store *admin)
{
	const int64_t mine = scalar(ST, "SELECT pg_backend_pid() + 0 * $1", 0);
	scalar(admin, "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity"
		      " WHERE datname = 'spoorwijzer_test' AND pid <> $1", mine);
	/* The goodbye is on its way; let it arrive. */
	const struct timespec ts = { 0, 200 * 1000000L };
	nanosleep(&ts, NULL);
}

static void allow_connections(struct store *admin, int on)
{
	struct sw_error err = { 0 };
	char sql[160];
	snprintf(sql, sizeof sql, "ALTER DATABASE spoorwijzer_test ALLOW_CONNECTIONS %s",
		 on ? "true" : "false");
	if (db_exec(store_db(admin), sql, &err) != 0)
		fail_msg("%s: %s", sql, err.message);
}

static void test_pool_reopens(void **state)
{
	(void)state;
	struct sw_error err = { 0 };
	struct store_pool *pool = store_pool_open(url, 2, &err);
	assert_non_null(pool);
	/* Both connections of the pool have been used. */
	struct store *a = store_pool_get(pool, &err), *b = store_pool_get(pool, &err);
	assert_non_null(a);
	assert_non_null(b);
	store_pool_put(pool, a);
	store_pool_put(pool, b);
	if (!is_pg()) {
		/* A file does not go away: nothing is ever lost. */
		assert_false(store_lost(a));
		assert_int_equal(store_pool_ping(pool, &err), 0);
		store_pool_close(pool);
		return;
	}
	if (strstr(url, "/spoorwijzer_test") == NULL) {
		/* The database's name is needed to refuse connections. */
		store_pool_close(pool);
		return;
	}
	struct store *admin = admin_open();
	terminate_others(admin);
	/* Every connection the pool hands out works, without one failure. */
	for (int i = 0; i < 4; i++) {
		struct store *st = store_pool_get(pool, &err);
		assert_non_null(st);
		if (db_ping(store_db(st), &err) != 0)
			fail_msg("ping after restart: %s", err.message);
		store_pool_put(pool, st);
	}
	int size, busy;
	store_pool_stats(pool, &size, &busy);
	assert_int_equal(size, 2);
	assert_int_equal(busy, 0);

	/* While the database refuses connections: unavailable, not a hang. */
	allow_connections(admin, 0);
	terminate_others(admin);
	sw_error_clear(&err);
	assert_null(store_pool_get(pool, &err));
	assert_int_equal(err.code, SW_EUNAVAILABLE);
	assert_int_equal(store_pool_ping(pool, &err), -1);
	assert_int_equal(err.code, SW_EUNAVAILABLE);
	/* And back once it accepts them again. */
	allow_connections(admin, 1);
	assert_int_equal(store_pool_ping(pool, &err), 0);
	store_pool_stats(pool, &size, &busy);
	assert_int_equal(busy, 0);
	store_pool_close(pool);
	store_close(admin);
}

/* ---- SQLite: durable by default, a WAL that stays bounded ---- */

#include <sys/stat.h>

static int64_t pragma(struct store *st, const char *name)
{
	char sql[96];
	snprintf(sql, sizeof sql, "SELECT * FROM pragma_%s() WHERE 0 * $1 = 0", name);
	return scalar(st, sql, 0);
}

static void test_sqlite_durability(void **state)
{
	(void)state;
	if (is_pg())
		return;  /* SQLite's pragmas (cmocka's skip() reads as a failure in TAP) */
	struct sw_error err = { 0 };
	assert_int_equal(pragma(ST, "synchronous"), 2);          /* FULL */
	assert_int_equal(pragma(ST, "journal_size_limit"), 16777216);
	char other[600];
	snprintf(other, sizeof other, "%s?synchronous=normal", url);
	struct store *st = store_open(other, &err);
	assert_non_null(st);
	assert_int_equal(pragma(st, "synchronous"), 1);          /* NORMAL */
	store_close(st);
	snprintf(other, sizeof other, "%s?synchronous=off", url);
	assert_null(store_open(other, &err));
	assert_int_equal(err.code, SW_EINVAL);
	assert_string_equal(err.field, "database");

	/* A burst of 40 MB in one transaction: the WAL holds all of it until
	 * the commit, then is checkpointed and cut back. */
	struct db *db = store_db(ST);
	assert_int_equal(db_exec(db, "CREATE TABLE wal_t (b BLOB)", &err), 0);
	assert_int_equal(db_begin(db, DB_WRITE, &err), 0);
	for (int i = 0; i < 80; i++)
		assert_int_equal(db_exec(db, "INSERT INTO wal_t VALUES (randomblob(524288))", &err), 0);
	assert_int_equal(db_commit(db, &err), 0);
	char wal[600];
	struct stat sb;
	snprintf(wal, sizeof wal, "%s-wal", url + 7);
	assert_int_equal(stat(wal, &sb), 0);
	if (sb.st_size > 16777216)
		fail_msg("WAL is %lld bytes after the burst", (long long)sb.st_size);
	assert_int_equal(db_exec(db, "DROP TABLE wal_t", &err), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_errors_in_words),
		cmocka_unit_test(test_concurrent_case_writes),
		cmocka_unit_test(test_pool_reopens),
		cmocka_unit_test(test_sqlite_durability),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
