/* db.h - a small SQL driver interface over SQLite and PostgreSQL.
 *
 * Domain queries are written once, in the SQL both backends understand, with
 * parameters written $1, $2, ... in both. What differs between dialects
 * (identity columns, date and timestamp types) is written as a {{TOKEN}}
 * that each driver substitutes; see db_translate.
 *
 * A prepared statement is also the cursor over its rows:
 *
 *     struct db_stmt *st = db_prepare(db, "SELECT name FROM users WHERE id = $1", 0, err);
 *     db_bind_int(st, 1, id);
 *     while ((rc = db_next(st, err)) == 1)
 *         puts(db_col_text(st, 0));
 *     // rc == 0: all rows read, st is ready to be bound and run again
 *
 * Values are exchanged as text (what libpq speaks); db_bind_int and
 * db_col_int exist because SQLite compares a text parameter with an integer
 * expression as text, and because converting millions of ids back and forth
 * would dominate the signal run.
 *
 * A connection and its statements are used by one thread at a time. */
#ifndef SW_DB_H
#define SW_DB_H

#include <stdint.h>

#include "core/date.h"
#include "core/error.h"

struct db;
struct db_stmt;

enum db_dialect {
	DB_SQLITE = 0,
	DB_POSTGRESQL,
};

/* db_prepare flag: the rows of this statement may be many. PostgreSQL then
 * reads them through a server-side cursor in batches instead of loading the
 * whole result; several such statements can be read side by side. Only
 * valid inside a transaction (db_begin). SQLite always streams. */
#define DB_STREAM 1u

/* Opens "sqlite:PATH" or "postgresql://..." (also "postgres://..."). SQLite
 * syncs every commit to disk (synchronous = FULL): a power cut loses no
 * acknowledged write. "sqlite:PATH?synchronous=normal" trades that for
 * speed (a crash of the process still loses nothing). A bad
 * URL is SW_EINVAL with field "database"; a failed connection SW_EINTERNAL.
 * Caller frees with db_close.
 *
 * Errors of statements say what happened in words and never pass the
 * database's own text on (it names tables and constraints): a unique
 * violation is SW_ECONFLICT, a missing reference SW_ENOTFOUND, a CHECK or
 * NOT NULL SW_EINVAL, a transient conflict (db_transient) SW_ECONFLICT, a
 * lost or unreachable server SW_EUNAVAILABLE; anything else is
 * SW_EINTERNAL with the database's message, which only the server log
 * shows. */
struct db *db_open(const char *url, struct sw_error *err);

/* Closes the connection; the caller has freed its statements first. */
void db_close(struct db *db);

enum db_dialect db_dialect(const struct db *db);

/* Runs one or more ;-separated statements without parameters or rows
 * (schema changes, SET, ...). */
int db_exec(struct db *db, const char *sql, struct sw_error *err);

/* Prepares one statement; flags is 0 or DB_STREAM. Free with db_stmt_free. */
struct db_stmt *db_prepare(struct db *db, const char *sql, unsigned flags, struct sw_error *err);
void db_stmt_free(struct db_stmt *st);

/* Binds parameter $n (1-based). Values are copied; a binding stays until it
 * is replaced. A NULL text binds SQL NULL; so does DATE_NONE. Binding a
 * number the statement does not use is ignored. */
void db_bind_text(struct db_stmt *st, int n, const char *value);
void db_bind_int(struct db_stmt *st, int n, int64_t value);
void db_bind_null(struct db_stmt *st, int n);
void db_bind_date(struct db_stmt *st, int n, sw_date date);

/* Steps to the next row: 1 with a row, 0 when there are no more rows (the
 * statement is then reset and may run again), -1 on error (also reset). The
 * first call after a reset executes the statement with its bindings. */
int db_next(struct db_stmt *st, struct sw_error *err);

/* Abandons the remaining rows so that the statement can run again. */
void db_reset(struct db_stmt *st);

/* Runs a statement to its end, ignoring any rows. */
int db_run(struct db_stmt *st, struct sw_error *err);

/* Runs a statement that yields one row and returns its first column as an
 * integer in *out ("INSERT ... RETURNING id"). No row is SW_ENOTFOUND. */
int db_run_id(struct db_stmt *st, int64_t *out, struct sw_error *err);

/* Column values of the current row, columns 0-based. Text stays valid until
 * the next db_next or db_reset of the statement. */
const char *db_col_text(struct db_stmt *st, int col);   /* NULL for SQL NULL */
int db_col_isnull(struct db_stmt *st, int col);
int64_t db_col_int(struct db_stmt *st, int col);        /* 0 for SQL NULL */
sw_date db_col_date(struct db_stmt *st, int col);       /* DATE_NONE for NULL */

/* Transactions nest: the outermost db_begin starts a transaction, inner
 * ones a savepoint, so a store function that validates inside its own
 * transaction can be called from a caller's transaction and still undo only
 * its own work. DB_READ asks for a read-only snapshot: SQLite takes no
 * write lock, PostgreSQL sees one snapshot across all statements. */
#define DB_WRITE 0u
#define DB_READ 1u
int db_begin(struct db *db, unsigned mode, struct sw_error *err);
int db_commit(struct db *db, struct sw_error *err);
/* Never fails from the caller's view: on a broken connection there is
 * nothing left to undo. */
void db_rollback(struct db *db);

/* SQLite only: copies the whole database into file (a new SQLite file,
 * which the caller made sure did not exist) while others go on reading
 * and writing; db_restore copies such a file into this database. Both
 * see one consistent snapshot. PostgreSQL uses pg_dump and pg_restore
 * (src/cli/cmd_backup.c): SW_EINVAL here. */
int db_backup(struct db *db, const char *file, struct sw_error *err);
int db_restore(struct db *db, const char *file, struct sw_error *err);

/* Whether the last failure on this connection was a transient conflict
 * with another transaction (PostgreSQL: serialization failure, deadlock,
 * lock not available; SQLite: busy or locked): the whole transaction may
 * succeed when it is run again. Cleared by the outermost db_begin. */
int db_transient(const struct db *db);

/* Whether the connection is known to be lost (the server went away:
 * PostgreSQL restarted or closed it). Costs no round trip: it looks at
 * the idle socket for the server's goodbye. A lost connection is not
 * used again; the caller re-opens it (store_pool does). SQLite: never. */
int db_lost(struct db *db);

/* One round trip to the server ("SELECT 1"), for the health check.
 * SW_EUNAVAILABLE when the database cannot be reached. */
int db_ping(struct db *db, struct sw_error *err);

/* The SQL of a query with this connection's {{TOKEN}}s substituted:
 *   {{ID}}    auto-numbered 64-bit primary key column
 *   {{DATE}}  calendar date (TEXT 'YYYY-MM-DD' in SQLite, DATE in PostgreSQL)
 *   {{TS}}    timestamp, read back as 'YYYY-MM-DD HH:MM:SS+00' in both
 *   {{NOW}}   the current timestamp, for {{TS}} defaults
 * Caller frees. NULL (with err) when out of memory. */
char *db_translate(const struct db *db, const char *sql, struct sw_error *err);

#endif
