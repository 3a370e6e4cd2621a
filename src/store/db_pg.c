/* db_pg.c - the PostgreSQL driver of db.h, over libpq.
 *
 * Statements are prepared on the server once and executed with text
 * parameters whose types the server infers from the query. A DB_STREAM
 * statement runs as a server-side cursor read in batches: unlike libpq's
 * single-row mode, which occupies the connection until the last row, several
 * cursors can be read side by side, which the merged scan of the store needs. */
#include "db_driver.h"

#include <inttypes.h>
#include <libpq-fe.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Seconds to wait for the server when connecting (unless the URL says
 * otherwise): a pool re-opening connections must not hang on it. */
#define PG_CONNECT_TIMEOUT "5"

/* Rows per FETCH: large enough that round trips do not dominate, small
 * enough that a batch is a few hundred kilobytes. */
#define PG_FETCH_ROWS 2000

struct pg_db {
	struct db base;
	PGconn *conn;
	unsigned seq;       /* names prepared statements and cursors */
};

struct pg_stmt {
	struct db_stmt base;
	char name[24];      /* prepared statement, and cursor when streaming */
	char *sql;          /* DB_STREAM: the query, declared as a cursor per run */
	int nparams;
	char **values;      /* owned copies; NULL is SQL NULL */
	int oom;            /* a binding was lost to out-of-memory */
	PGresult *res;      /* current result or batch */
	int row, nrows;
	int running;        /* executed, rows (or a cursor) pending */
	int more;           /* DB_STREAM: the cursor may hold more rows */
};

static PGconn *conn_of(const struct db *db)
{
	return ((const struct pg_db *)db)->conn;
}

/* The error of res (or of the connection when res is NULL) in words
 * (db.h), and frees res. Only an error of none of the known kinds keeps
 * the server's primary message (without "ERROR:  " and detail lines),
 * for the server log. */
static int fail(struct db *db, PGresult *res, struct sw_error *err)
{
	PGconn *conn = conn_of(db);
	const char *state = res != NULL ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
	const char *msg = res != NULL ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	if (msg == NULL)
		msg = PQerrorMessage(conn);
	db->transient = 0;
	if (PQstatus(conn) == CONNECTION_BAD || state == NULL ||
	    strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0) {
		/* No SQLSTATE from the server, a connection exception, or the
		 * server shutting down (57P01..57P03): it went away. */
		sw_error_set(err, SW_EUNAVAILABLE, "", DB_MSG_UNAVAILABLE);
	} else if (strcmp(state, "23505") == 0) {         /* unique_violation */
		/* Under READ COMMITTED the row may have been committed by a
		 * concurrent writer after this transaction checked for it:
		 * run again, the check then sees it (or the insert passes). */
		db->transient = 1;
		sw_error_set(err, SW_ECONFLICT, "", DB_MSG_UNIQUE);
	} else if (strcmp(state, "23503") == 0) {         /* foreign_key_violation */
		sw_error_set(err, SW_ENOTFOUND, "", DB_MSG_FOREIGN);
	} else if (strcmp(state, "23514") == 0 || strcmp(state, "23502") == 0) {
		sw_error_set(err, SW_EINVAL, "", DB_MSG_CHECK);   /* check, not null */
	} else if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
		   strcmp(state, "55P03") == 0) {
		/* serialization failure, deadlock, lock not available */
		db->transient = 1;
		sw_error_set(err, SW_ECONFLICT, "", DB_MSG_TRANSIENT);
	} else {
		sw_error_set(err, SW_EINTERNAL, "", "postgresql: %.*s", (int)strcspn(msg, "\n"),
			     msg);
	}
	PQclear(res);
	return -1;
}

/* Keeps res if it succeeded; otherwise reports and frees it. */
static int check(struct db *db, PGresult *res, struct sw_error *err)
{
	ExecStatusType s = PQresultStatus(res);
	if (res != NULL && (s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK))
		return 0;
	return fail(db, res, err);
}

static int pg_exec(struct db *db, const char *sql, struct sw_error *err)
{
	PGresult *res = PQexec(conn_of(db), sql);
	if (check(db, res, err) != 0)
		return -1;
	PQclear(res);
	return 0;
}

static void pg_close(struct db *db)
{
	PQfinish(conn_of(db));
	free(db);
}

static void pg_reset(struct db_stmt *base)
{
	struct pg_stmt *st = (struct pg_stmt *)base;
	PQclear(st->res);
	st->res = NULL;
	st->nrows = 0;
	st->row = 0;
	st->more = 0;
	if (st->running && st->sql != NULL) {
		char sql[48];
		snprintf(sql, sizeof sql, "CLOSE %s", st->name);
		PQclear(PQexec(conn_of(base->db), sql));
	}
	st->running = 0;
}

static void pg_stmt_free(struct db_stmt *base)
{
	struct pg_stmt *st = (struct pg_stmt *)base;
	char sql[48];
	pg_reset(base);
	/* Fails harmlessly inside an aborted transaction; the server forgets
	 * the statement with the session then. */
	snprintf(sql, sizeof sql, "DEALLOCATE %s", st->name);
	PQclear(PQexec(conn_of(base->db), sql));
	for (int i = 0; i < st->nparams; i++)
		free(st->values[i]);
	free(st->values);
	free(st->sql);
	free(st);
}

static int describe(struct pg_stmt *st, struct sw_error *err)
{
	PGconn *conn = conn_of(st->base.db);
	PGresult *res = PQdescribePrepared(conn, st->name);
	if (check(st->base.db, res, err) != 0)
		return -1;
	const int n = PQnparams(res);
	PQclear(res);
	st->values = calloc((size_t)n + 1, sizeof *st->values);
	if (st->values == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	st->nparams = n;
	return 0;
}

static struct db_stmt *pg_prepare(struct db *db, const char *sql, unsigned flags,
				  struct sw_error *err)
{
	struct pg_db *pg = (struct pg_db *)db;
	struct pg_stmt *st = calloc(1, sizeof *st);
	if (st == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory"), NULL;
	st->base.db = db;
	snprintf(st->name, sizeof st->name, "sw_s%u", ++pg->seq);
	/* Streaming statements are prepared too: it checks the SQL now and
	 * tells how many parameters the cursor will take. */
	PGresult *res = PQprepare(pg->conn, st->name, sql, 0, NULL);
	if (check(db, res, err) != 0) {
		free(st);
		return NULL;
	}
	PQclear(res);
	if ((flags & DB_STREAM) != 0 && (st->sql = strdup(sql)) == NULL) {
		pg_stmt_free(&st->base);
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory"), NULL;
	}
	if (describe(st, err) != 0) {
		pg_stmt_free(&st->base);
		return NULL;
	}
	return &st->base;
}

static void pg_bind_text(struct db_stmt *base, int n, const char *value)
{
	struct pg_stmt *st = (struct pg_stmt *)base;
	if (n < 1 || n > st->nparams)
		return;
	free(st->values[n - 1]);
	st->values[n - 1] = NULL;
	if (value != NULL && (st->values[n - 1] = strdup(value)) == NULL)
		st->oom = 1;
}

static void pg_bind_int(struct db_stmt *base, int n, int64_t value)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%" PRId64, value);
	pg_bind_text(base, n, buf);
}

static int declare(struct pg_stmt *st, struct sw_error *err)
{
	PGconn *conn = conn_of(st->base.db);
	char head[64];
	int hl = snprintf(head, sizeof head, "DECLARE %s NO SCROLL CURSOR FOR ", st->name);
	size_t len = (size_t)hl + strlen(st->sql) + 1;
	char *sql = malloc(len);
	if (sql == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	snprintf(sql, len, "%s%s", head, st->sql);
	PGresult *res = PQexecParams(conn, sql, st->nparams, NULL,
				     (const char *const *)st->values, NULL, NULL, 0);
	free(sql);
	if (check(st->base.db, res, err) != 0)
		return -1;
	PQclear(res);
	st->more = 1;
	return 0;
}

static int execute(struct pg_stmt *st, struct sw_error *err)
{
	PGconn *conn = conn_of(st->base.db);
	if (st->oom)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory binding parameters");
	if (st->sql != NULL)
		return declare(st, err);
	PGresult *res = PQexecPrepared(conn, st->name, st->nparams,
				       (const char *const *)st->values, NULL, NULL, 0);
	if (check(st->base.db, res, err) != 0)
		return -1;
	st->res = res;
	st->nrows = PQntuples(res);
	return 0;
}

static int fetch(struct pg_stmt *st, struct sw_error *err)
{
	PGconn *conn = conn_of(st->base.db);
	char sql[64];
	snprintf(sql, sizeof sql, "FETCH %d FROM %s", PG_FETCH_ROWS, st->name);
	PQclear(st->res);
	st->res = PQexec(conn, sql);
	if (check(st->base.db, st->res, err) != 0) {
		st->res = NULL;
		return -1;
	}
	st->nrows = PQntuples(st->res);
	st->row = -1;
	st->more = st->nrows == PG_FETCH_ROWS;
	return 0;
}

static int pg_next(struct db_stmt *base, struct sw_error *err)
{
	struct pg_stmt *st = (struct pg_stmt *)base;
	if (!st->running) {
		st->row = -1;
		if (execute(st, err) != 0)
			return -1;
		st->running = 1;
	}
	for (;;) {
		if (++st->row < st->nrows)
			return 1;
		if (!st->more) {
			pg_reset(base);
			return 0;
		}
		if (fetch(st, err) != 0) {
			pg_reset(base);
			return -1;
		}
	}
}

static const char *pg_col_text(struct db_stmt *base, int col)
{
	struct pg_stmt *st = (struct pg_stmt *)base;
	if (PQgetisnull(st->res, st->row, col))
		return NULL;
	return PQgetvalue(st->res, st->row, col);
}

static int pg_col_isnull(struct db_stmt *base, int col)
{
	struct pg_stmt *st = (struct pg_stmt *)base;
	return PQgetisnull(st->res, st->row, col);
}

static int64_t pg_col_int(struct db_stmt *base, int col)
{
	const char *s = pg_col_text(base, col);
	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

/* Whether the server closed the connection while it was idle. It then
 * sends its reason (57P01 on shutdown) and closes the socket, so an idle
 * socket with something to read has as good as always said goodbye;
 * reading it lets libpq see the end. */
static int pg_lost(struct db *db)
{
	PGconn *conn = conn_of(db);
	if (PQstatus(conn) == CONNECTION_BAD)
		return 1;
	if (PQtransactionStatus(conn) != PQTRANS_IDLE)
		return 0;
	for (int i = 0; i < 2; i++) {
		struct pollfd p = { .fd = PQsocket(conn), .events = POLLIN };
		if (p.fd < 0)
			return 1;
		if (poll(&p, 1, 0) <= 0)
			return 0;
		if ((p.revents & (POLLERR | POLLHUP)) != 0 || !PQconsumeInput(conn))
			return 1;
		PQclear(PQgetResult(conn));
		if (PQstatus(conn) == CONNECTION_BAD)
			return 1;
	}
	return 0;
}

static const struct db_subst pg_subst[] = {
	{ "{{ID}}", "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY" },
	{ "{{DATE}}", "DATE" },
	{ "{{TS}}", "TIMESTAMPTZ(0)" },
	{ "{{NOW}}", "now()" },
	{ NULL, NULL },
};

static const struct db_ops pg_ops = {
	.subst = pg_subst,
	.begin_write = "BEGIN",
	/* One snapshot for every statement, so that merged scans agree. */
	.begin_read = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY",
	.close = pg_close,
	.exec = pg_exec,
	.prepare = pg_prepare,
	.stmt_free = pg_stmt_free,
	.bind_text = pg_bind_text,
	.bind_int = pg_bind_int,
	.next = pg_next,
	.reset = pg_reset,
	.col_text = pg_col_text,
	.col_isnull = pg_col_isnull,
	.col_int = pg_col_int,
	.lost = pg_lost,
};

/* libpq prints notices, and the server's goodbye to an idle connection,
 * on stderr; the pool says in its own words what it does about them. */
static void quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

struct db *db_pg_open(const char *url, struct sw_error *err)
{
	char *msg = NULL;
	PQconninfoOption *opts = PQconninfoParse(url, &msg);
	if (opts == NULL) {
		/* The URL may hold a password: the message names only the part. */
		sw_error_set(err, SW_EINVAL, "database", "not a valid PostgreSQL URL: %.*s",
			     msg != NULL ? (int)strcspn(msg, "\n") : 14,
			     msg != NULL ? msg : "out of memory");
		PQfreemem(msg);
		return NULL;
	}
	PQconninfoFree(opts);

	struct pg_db *db = calloc(1, sizeof *db);
	if (db == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory"), NULL;
	db->base.ops = &pg_ops;
	db->base.dialect = DB_POSTGRESQL;
	/* A timeout in the URL wins: later parameters override earlier. */
	const char *const keys[] = { "connect_timeout", "dbname", NULL };
	const char *const values[] = { PG_CONNECT_TIMEOUT, url, NULL };
	db->conn = PQconnectdbParams(keys, values, 1);
	if (PQstatus(db->conn) != CONNECTION_OK) {
		const char *m = PQerrorMessage(db->conn);
		sw_error_set(err, SW_EINTERNAL, "database", "postgresql: %.*s",
			     (int)strcspn(m, "\n"), m);
		pg_close(&db->base);
		return NULL;
	}
	PQsetNoticeProcessor(db->conn, quiet, NULL);
	/* Dates as YYYY-MM-DD and timestamps in UTC, as the SQLite driver
	 * writes them; notices (CREATE ... IF NOT EXISTS) are not errors. */
	if (pg_exec(&db->base, "SET datestyle = 'ISO, YMD'; SET timezone = 'UTC'; "
			       "SET client_min_messages = warning",
		    err) != 0) {
		pg_close(&db->base);
		return NULL;
	}
	return &db->base;
}
