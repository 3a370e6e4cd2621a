/* db_sqlite.c - the SQLite driver of db.h.
 *
 * SQLite reads "$1" as a named parameter; its position among the
 * statement's parameters depends on the order of first use, so $n is looked
 * up by name once at prepare time. */
#include "db_driver.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Wait this long for another writer before reporting "database is locked". */
#define SQLITE_BUSY_MS 5000

/* The WAL: a passive checkpoint once it holds this many pages (SQLite's
 * own default), and once it holds more than SQLITE_WAL_MAX_PAGES (16 MiB
 * of 4 KiB pages) a checkpoint that also cuts the file to nothing - each
 * without waiting for readers. A checkpoint cannot pass the oldest
 * snapshot a reader holds (the signal run), so under such reads passive
 * checkpoints never finished and bursts grew the file to 165 MB for good;
 * now the first commit after the readers are done shrinks it.
 * journal_size_limit cuts it back at the next write as well. */
#define SQLITE_WAL_CHECKPOINT_PAGES 1000
#define SQLITE_WAL_MAX_PAGES 4096
#define SQLITE_WAL_KEEP_BYTES "16777216"

struct sqlite_db {
	struct db base;
	sqlite3 *h;
};

struct sqlite_stmt {
	struct db_stmt base;
	sqlite3_stmt *s;
	int nindex;
	int *index;     /* index[n]: SQLite's parameter index of $n, 0 if unused */
};

static sqlite3 *handle(const struct db *db)
{
	return ((const struct sqlite_db *)db)->h;
}

/* The error of extended result code rc in words (db.h); only what is
 * none of the known kinds keeps SQLite's message, for the server log. */
static int fail(struct db *db, int rc, struct sw_error *err)
{
	db->transient = 0;
	switch (rc) {
	case SQLITE_CONSTRAINT_UNIQUE:
	case SQLITE_CONSTRAINT_PRIMARYKEY:
		return sw_error_set(err, SW_ECONFLICT, "", DB_MSG_UNIQUE);
	case SQLITE_CONSTRAINT_FOREIGNKEY:
		return sw_error_set(err, SW_ENOTFOUND, "", DB_MSG_FOREIGN);
	case SQLITE_CONSTRAINT_CHECK:
	case SQLITE_CONSTRAINT_NOTNULL:
		return sw_error_set(err, SW_EINVAL, "", DB_MSG_CHECK);
	}
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		/* Another writer held the lock longer than the busy timeout, or
		 * a read snapshot went stale before its first write. */
		db->transient = 1;
		return sw_error_set(err, SW_ECONFLICT, "", DB_MSG_TRANSIENT);
	}
	return sw_error_set(err, SW_EINTERNAL, "", "sqlite: %s", sqlite3_errmsg(handle(db)));
}

static int sq_exec(struct db *db, const char *sql, struct sw_error *err)
{
	int rc = sqlite3_exec(handle(db), sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : fail(db, sqlite3_extended_errcode(handle(db)), err);
}

static void sq_close(struct db *db)
{
	sqlite3_close(handle(db));
	free(db);
}

/* Maps every "$n" of the statement to SQLite's index for it. */
static int map_params(struct sqlite_stmt *st)
{
	const int count = sqlite3_bind_parameter_count(st->s);
	int max = 0;
	for (int i = 1; i <= count; i++) {
		const char *name = sqlite3_bind_parameter_name(st->s, i);
		int n = name != NULL && name[0] == '$' ? atoi(name + 1) : 0;
		if (n > max)
			max = n;
	}
	st->index = calloc((size_t)max + 1, sizeof *st->index);
	if (st->index == NULL)
		return -1;
	st->nindex = max + 1;
	for (int n = 1; n <= max; n++) {
		char name[16];
		snprintf(name, sizeof name, "$%d", n);
		st->index[n] = sqlite3_bind_parameter_index(st->s, name);
	}
	return 0;
}

static void sq_stmt_free(struct db_stmt *base)
{
	struct sqlite_stmt *st = (struct sqlite_stmt *)base;
	sqlite3_finalize(st->s);
	free(st->index);
	free(st);
}

static struct db_stmt *sq_prepare(struct db *db, const char *sql, unsigned flags,
				  struct sw_error *err)
{
	(void)flags; /* SQLite steps through rows on demand anyway */
	struct sqlite_stmt *st = calloc(1, sizeof *st);
	if (st == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory"), NULL;
	st->base.db = db;
	int rc = sqlite3_prepare_v3(handle(db), sql, -1, SQLITE_PREPARE_PERSISTENT, &st->s, NULL);
	if (rc != SQLITE_OK) {
		fail(db, sqlite3_extended_errcode(handle(db)), err);
		free(st);
		return NULL;
	}
	if (map_params(st) != 0) {
		sq_stmt_free(&st->base);
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory"), NULL;
	}
	return &st->base;
}

/* SQLite's index of $n, resetting a statement still in the middle of its
 * rows (binding would otherwise fail with SQLITE_MISUSE). 0 if unused. */
static int param(struct sqlite_stmt *st, int n)
{
	if (n < 1 || n >= st->nindex)
		return 0;
	if (sqlite3_stmt_busy(st->s))
		sqlite3_reset(st->s);
	return st->index[n];
}

static void sq_bind_text(struct db_stmt *base, int n, const char *value)
{
	struct sqlite_stmt *st = (struct sqlite_stmt *)base;
	int i = param(st, n);
	if (i == 0)
		return;
	if (value == NULL)
		sqlite3_bind_null(st->s, i);
	else
		sqlite3_bind_text(st->s, i, value, -1, SQLITE_TRANSIENT);
}

static void sq_bind_int(struct db_stmt *base, int n, int64_t value)
{
	struct sqlite_stmt *st = (struct sqlite_stmt *)base;
	int i = param(st, n);
	if (i != 0)
		sqlite3_bind_int64(st->s, i, value);
}

static int sq_next(struct db_stmt *base, struct sw_error *err)
{
	struct sqlite_stmt *st = (struct sqlite_stmt *)base;
	int rc = sqlite3_step(st->s);
	if (rc == SQLITE_ROW)
		return 1;
	if (rc != SQLITE_DONE)
		fail(base->db, sqlite3_extended_errcode(handle(base->db)), err);
	sqlite3_reset(st->s);
	return rc == SQLITE_DONE ? 0 : -1;
}

static void sq_reset(struct db_stmt *base)
{
	sqlite3_reset(((struct sqlite_stmt *)base)->s);
}

static const char *sq_col_text(struct db_stmt *base, int col)
{
	return (const char *)sqlite3_column_text(((struct sqlite_stmt *)base)->s, col);
}

static int sq_col_isnull(struct db_stmt *base, int col)
{
	return sqlite3_column_type(((struct sqlite_stmt *)base)->s, col) == SQLITE_NULL;
}

static int64_t sq_col_int(struct db_stmt *base, int col)
{
	return sqlite3_column_int64(((struct sqlite_stmt *)base)->s, col);
}

/* Timestamps as UTC text in the format PostgreSQL prints with TimeZone UTC
 * and DateStyle ISO, so that both backends return the same strings. */
/* ---- online backup ------------------------------------------------------ */

/* Copies all of src's main database into dst's in one step: one read
 * transaction on src, which in WAL mode does not stop its writers, and
 * no restart when they commit meanwhile. */
static int copy_db(sqlite3 *dst, sqlite3 *src, struct sw_error *err)
{
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
	if (b == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "sqlite backup: %s", sqlite3_errmsg(dst));
	int rc;
	for (int tries = 0; (rc = sqlite3_backup_step(b, -1)) != SQLITE_DONE; tries++) {
		if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || tries == 100)
			break;
		sqlite3_sleep(50);
	}
	sqlite3_backup_finish(b);
	if (rc != SQLITE_DONE)
		return sw_error_set(err, SW_EINTERNAL, "", "sqlite backup: %s", sqlite3_errstr(rc));
	return 0;
}

int db_sqlite_backup(struct db *db, const char *file, int restore, struct sw_error *err)
{
	sqlite3 *other = NULL;
	const int flags = restore ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	if (sqlite3_open_v2(file, &other, flags, NULL) != SQLITE_OK) {
		sw_error_set(err, SW_EINVAL, "file", "%s: %s", file,
			     other != NULL ? sqlite3_errmsg(other) : "out of memory");
		sqlite3_close(other);
		return -1;
	}
	sqlite3_busy_timeout(other, SQLITE_BUSY_MS);
	const int rc = restore ? copy_db(handle(db), other, err) : copy_db(other, handle(db), err);
	/* A backup is a file on its own: no -wal beside it. */
	if (rc == 0 && !restore && sqlite3_exec(other, "PRAGMA journal_mode = DELETE", NULL, NULL,
						NULL) != SQLITE_OK)
		sw_error_set(err, SW_EINTERNAL, "", "sqlite backup: %s", sqlite3_errmsg(other));
	sqlite3_close(other);
	return rc;
}

static const struct db_subst sqlite_subst[] = {
	{ "{{ID}}", "INTEGER PRIMARY KEY AUTOINCREMENT" },
	{ "{{DATE}}", "TEXT" },
	{ "{{TS}}", "TEXT" },
	{ "{{NOW}}", "(strftime('%Y-%m-%d %H:%M:%S+00', 'now'))" },
	{ NULL, NULL },
};

static const struct db_ops sqlite_ops = {
	.subst = sqlite_subst,
	/* A writer takes the write lock up front: checks made inside the
	 * transaction then still hold at its commit. */
	.begin_write = "BEGIN IMMEDIATE",
	.begin_read = "BEGIN",
	.close = sq_close,
	.exec = sq_exec,
	.prepare = sq_prepare,
	.stmt_free = sq_stmt_free,
	.bind_text = sq_bind_text,
	.bind_int = sq_bind_int,
	.next = sq_next,
	.reset = sq_reset,
	.col_text = sq_col_text,
	.col_isnull = sq_col_isnull,
	.col_int = sq_col_int,
};

static struct db *open_file(const char *path, const char *sync, struct sw_error *err);

/* After each commit (sqlite3_wal_hook, which replaces the automatic
 * checkpoint): see SQLITE_WAL_CHECKPOINT_PAGES. */
static int wal_hook(void *arg, sqlite3 *h, const char *name, int pages)
{
	(void)arg;
	if (pages >= SQLITE_WAL_MAX_PAGES) {
		/* Without a busy handler TRUNCATE does what it can without
		 * blocking, as PASSIVE does, and truncates if it got all. */
		sqlite3_busy_timeout(h, 0);
		sqlite3_wal_checkpoint_v2(h, name, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
		sqlite3_busy_timeout(h, SQLITE_BUSY_MS);
	} else if (pages >= SQLITE_WAL_CHECKPOINT_PAGES) {
		sqlite3_wal_checkpoint_v2(h, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
	}
	return SQLITE_OK;
}

/* "PATH" or "PATH?synchronous=full|normal|extra": FULL unless the URL
 * says otherwise. FULL syncs the WAL on every commit, so a power cut
 * loses no acknowledged write; NORMAL only survives a crash of the
 * process (bench/http.sh measures the difference). Returns the pragma's
 * value, or NULL for an unknown one; *len is the path's length. */
static const char *sync_mode(const char *url, size_t *len)
{
	static const char *const modes[] = { "full", "normal", "extra", NULL };
	const char *q = strstr(url, "?synchronous=");
	*len = q != NULL ? (size_t)(q - url) : strlen(url);
	if (q == NULL)
		return "FULL";
	for (int i = 0; modes[i] != NULL; i++)
		if (strcmp(q + 13, modes[i]) == 0)
			return modes[i];
	return NULL;
}

struct db *db_sqlite_open(const char *url, struct sw_error *err)
{
	size_t len;
	const char *sync = sync_mode(url, &len);
	if (sync == NULL)
		return sw_error_set(err, SW_EINVAL, "database",
				    "sqlite:%s: synchronous must be full, normal or extra", url), NULL;
	char *path = strndup(url, len);
	if (path == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory"), NULL;
	struct db *db = open_file(path, sync, err);
	free(path);
	return db;
}

static struct db *open_file(const char *path, const char *sync, struct sw_error *err)
{
	struct sqlite_db *db = calloc(1, sizeof *db);
	if (db == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory"), NULL;
	db->base.ops = &sqlite_ops;
	db->base.dialect = DB_SQLITE;
	/* NOMUTEX: a connection is used by one thread at a time (db.h), and
	 * SQLite's own locking costs 8% of a scan. */
	const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
	if (sqlite3_open_v2(path, &db->h, flags, NULL) != SQLITE_OK) {
		sw_error_set(err, SW_EINTERNAL, "database", "sqlite:%s: %s", path,
			     db->h != NULL ? sqlite3_errmsg(db->h) : "out of memory");
		sq_close(&db->base);
		return NULL;
	}
	sqlite3_extended_result_codes(db->h, 1);
	sqlite3_busy_timeout(db->h, SQLITE_BUSY_MS);
	/* WAL lets the signal run read while the API writes. */
	char pragmas[256];
	snprintf(pragmas, sizeof pragmas,
		 "PRAGMA journal_mode = WAL; PRAGMA synchronous = %s; PRAGMA foreign_keys = ON;"
		 " PRAGMA journal_size_limit = " SQLITE_WAL_KEEP_BYTES, sync);
	sqlite3_wal_hook(db->h, wal_hook, NULL);
	if (sq_exec(&db->base, pragmas, err) != 0) {
		sw_error_set(err, SW_EINTERNAL, "database", "sqlite:%s: %s", path,
			     sqlite3_errmsg(db->h));
		sq_close(&db->base);
		return NULL;
	}
	return &db->base;
}
