/* test_store_backup.c - `spoorwijzer db backup` and `db restore` (the
 * binary in $BUILD, default build/asan) against the real database
 * ($SW_TEST_DATABASE or a temporary SQLite file, migrated and seeded):
 * a backup taken while another connection writes restores into a fresh
 * database as a consistent state, and one taken at rest restores to the
 * same rows in every table. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "store/db.h"
#include "store/store.h"

static char url[512];
static char dir[128];
static struct store *ST;

static int is_pg(void)
{
	return db_dialect(store_db(ST)) == DB_POSTGRESQL;
}

static int setup(void **state)
{
	(void)state;
	struct sw_error err = { 0 };
	snprintf(dir, sizeof dir, "/tmp/sw-test-backup-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	const char *env = getenv("SW_TEST_DATABASE");
	if (env != NULL && strncmp(env, "postgres", 8) == 0)
		snprintf(url, sizeof url, "%s", env);
	else
		snprintf(url, sizeof url, "sqlite:%s/source.db", dir);
	if ((ST = store_open(url, &err)) == NULL)
		return -1;
	if (is_pg() &&
	    db_exec(store_db(ST), "DROP SCHEMA public CASCADE; CREATE SCHEMA public", &err) != 0)
		return -1;
	sw_date today;
	date_parse("2026-03-02", &today);
	if (store_migrate(ST, NULL, &err) != 0 || store_seed_demo(ST, today, &err) != 0) {
		fprintf(stderr, "setup: %s\n", err.message);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(ST);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

/* `spoorwijzer ARGS` quietly; its exit status. */
static int spoorwijzer(const char *args)
{
	const char *build = getenv("BUILD");
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "%s/spoorwijzer %s >>%s/cli.log 2>&1",
		 build != NULL && *build ? build : "build/asan", args, dir);
	const int rc = system(cmd);
	return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

/* A fresh, empty target: an SQLite file that is not there, or a new
 * database on the same PostgreSQL server. */
static void fresh_target(const char *name, char *out, size_t outsz)
{
	if (!is_pg()) {
		snprintf(out, outsz, "sqlite:%s/%s.db", dir, name);
		return;
	}
	struct sw_error err = { 0 };
	char sql[200];
	const char *slash = strrchr(url, '/');
	snprintf(out, outsz, "%.*s/sw_restore_%s", (int)(slash - url), url, name);
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS sw_restore_%s WITH (FORCE)", name);
	assert_int_equal(db_exec(store_db(ST), sql, &err), 0);
	snprintf(sql, sizeof sql, "CREATE DATABASE sw_restore_%s", name);
	if (db_exec(store_db(ST), sql, &err) != 0)
		fail_msg("%s: %s", sql, err.message);
}

static void drop_target(const char *name)
{
	if (!is_pg())
		return;
	struct sw_error err = { 0 };
	char sql[200];
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS sw_restore_%s WITH (FORCE)", name);
	assert_int_equal(db_exec(store_db(ST), sql, &err), 0);
}

static int64_t scalar(struct store *st, const char *sql)
{
	struct sw_error err = { 0 };
	struct db_stmt *q = db_prepare(store_db(st), sql, 0, &err);
	int64_t v = -1;
	if (q == NULL || db_run_id(q, &v, &err) != 0)
		fail_msg("%s: %s", sql, err.message);
	db_stmt_free(q);
	return v;
}

/* ---- a writer next to the backup ---- */

static atomic_bool stop;

static void *write_messages(void *arg)
{
	(void)arg;
	struct sw_error err = { 0 };
	struct store *st = store_open(url, &err);
	if (st == NULL)
		return NULL;
	const int64_t author = scalar(st, "SELECT MIN(user_id) FROM participations WHERE case_id = 1");
	while (!atomic_load(&stop)) {
		const struct store_message m = { .case_id = 1, .author_id = author,
						 .author_role = ROLE_WERKGEVER,
						 .body = "geschreven tijdens de backup" };
		int64_t id;
		store_message_insert(st, &m, &id, &err);
	}
	store_close(st);
	return NULL;
}

/* ---- comparing every table ---- */

/* The tables of the schema, by name. */
static size_t tables(struct store *st, char names[][64], size_t max)
{
	static const char *const sql[] = {
		[DB_SQLITE] = "SELECT name FROM sqlite_master WHERE type = 'table'"
			      " AND name NOT LIKE 'sqlite_%' ORDER BY name",
		[DB_POSTGRESQL] = "SELECT tablename FROM pg_tables"
				  " WHERE schemaname = current_schema() ORDER BY tablename",
	};
	struct sw_error err = { 0 };
	struct db_stmt *q = db_prepare(store_db(st), sql[db_dialect(store_db(st))], 0, &err);
	assert_non_null(q);
	size_t n = 0;
	while (db_next(q, &err) == 1 && n < max)
		snprintf(names[n++], 64, "%s", db_col_text(q, 0));
	db_stmt_free(q);
	return n;
}

/* "SELECT a, b, ... FROM t ORDER BY a, b, ...": every column, in a total
 * order, so two databases with the same rows give the same lines. */
static int select_all(struct store *st, const char *table, char *out, size_t outsz)
{
	static const char *const sql[] = {
		[DB_SQLITE] = "SELECT name FROM pragma_table_info($1) ORDER BY cid",
		[DB_POSTGRESQL] = "SELECT column_name FROM information_schema.columns"
				  " WHERE table_schema = current_schema() AND table_name = $1"
				  " ORDER BY ordinal_position",
	};
	struct sw_error err = { 0 };
	struct db_stmt *q = db_prepare(store_db(st), sql[db_dialect(store_db(st))], 0, &err);
	assert_non_null(q);
	db_bind_text(q, 1, table);
	char cols[2048] = "";
	int n = 0;
	while (db_next(q, &err) == 1) {
		strncat(cols, n++ ? ", " : "", sizeof cols - strlen(cols) - 1);
		strncat(cols, db_col_text(q, 0), sizeof cols - strlen(cols) - 1);
	}
	db_stmt_free(q);
	snprintf(out, outsz, "SELECT %s FROM %s ORDER BY %s", cols, table, cols);
	return n;
}

static void compare_tables(struct store *a, struct store *b)
{
	char ta[64][64], tb[64][64];
	const size_t na = tables(a, ta, 64), nb = tables(b, tb, 64);
	assert_int_equal(na, nb);
	assert_true(na > 20);
	size_t rows = 0;
	for (size_t i = 0; i < na; i++) {
		assert_string_equal(ta[i], tb[i]);
		char sql[4200];
		const int ncols = select_all(a, ta[i], sql, sizeof sql);
		struct sw_error err = { 0 };
		struct db_stmt *qa = db_prepare(store_db(a), sql, 0, &err);
		struct db_stmt *qb = db_prepare(store_db(b), sql, 0, &err);
		assert_non_null(qa);
		assert_non_null(qb);
		int ra, rb;
		while ((ra = db_next(qa, &err)) == 1) {
			rb = db_next(qb, &err);
			if (rb != 1)
				fail_msg("%s: the restore has fewer rows", ta[i]);
			for (int c = 0; c < ncols; c++) {
				const char *va = db_col_text(qa, c), *vb = db_col_text(qb, c);
				if ((va == NULL) != (vb == NULL) ||
				    (va != NULL && strcmp(va, vb) != 0))
					fail_msg("%s column %d: '%s' != '%s'", ta[i], c,
						 va ? va : "NULL", vb ? vb : "NULL");
			}
			rows++;
		}
		assert_int_equal(ra, 0);
		if (db_next(qb, &err) != 0)
			fail_msg("%s: the restore has more rows", ta[i]);
		db_stmt_free(qa);
		db_stmt_free(qb);
	}
	assert_true(rows > 100);
}

static void test_backup_restore(void **state)
{
	(void)state;
	char args[2048], target[600], file[256];
	const int64_t before = scalar(ST, "SELECT COUNT(*) FROM messages");

	/* While another connection writes. */
	pthread_t writer;
	atomic_store(&stop, false);
	assert_int_equal(pthread_create(&writer, NULL, write_messages, NULL), 0);
	usleep(200 * 1000);
	snprintf(file, sizeof file, "%s/busy.backup", dir);
	snprintf(args, sizeof args, "db backup --database '%s' %s", url, file);
	assert_int_equal(spoorwijzer(args), 0);
	atomic_store(&stop, true);
	pthread_join(writer, NULL);
	const int64_t after = scalar(ST, "SELECT COUNT(*) FROM messages");
	assert_true(after > before);
	/* Never over an existing file. */
	assert_int_equal(spoorwijzer(args), 2);

	fresh_target("busy", target, sizeof target);
	snprintf(args, sizeof args, "db restore --database '%s' %s", target, file);
	assert_int_equal(spoorwijzer(args), 0);
	struct sw_error err = { 0 };
	struct store *r = store_open(target, &err);
	assert_non_null(r);
	int version = 0;
	assert_int_equal(store_schema_version(r, &version, &err), 0);
	assert_int_equal(version, store_schema_latest());
	const int64_t restored = scalar(r, "SELECT COUNT(*) FROM messages");
	assert_true(restored >= before && restored <= after);
	store_close(r);
	/* Never into a database that has a schema. */
	assert_int_equal(spoorwijzer(args), 2);
	drop_target("busy");

	/* At rest: every table, every row the same. */
	snprintf(file, sizeof file, "%s/rest.backup", dir);
	snprintf(args, sizeof args, "db backup --database '%s' %s", url, file);
	assert_int_equal(spoorwijzer(args), 0);
	fresh_target("rest", target, sizeof target);
	snprintf(args, sizeof args, "db restore --database '%s' %s", target, file);
	assert_int_equal(spoorwijzer(args), 0);
	r = store_open(target, &err);
	assert_non_null(r);
	compare_tables(ST, r);
	/* And the restored database takes new rows after the old ids. */
	assert_int_equal(scalar(r, "SELECT COUNT(*) FROM messages"), after);
	store_close(r);
	drop_target("rest");
}

static void test_bad_usage(void **state)
{
	(void)state;
	char args[1024];
	assert_int_equal(spoorwijzer("db backup --database sqlite:/tmp/x.db"), 2);
	snprintf(args, sizeof args, "db restore --database 'sqlite:%s/new.db' %s/missing", dir, dir);
	assert_int_equal(spoorwijzer(args), 2);
	snprintf(args, sizeof args, "db backup --database '%s' %s/no/such/dir/f", url, dir);
	assert_int_equal(spoorwijzer(args), is_pg() ? 1 : 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backup_restore),
		cmocka_unit_test(test_bad_usage),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
