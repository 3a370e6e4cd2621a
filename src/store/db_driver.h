/* db_driver.h - what a backend implements for db.h. Private to src/store.
 *
 * Each driver embeds struct db and struct db_stmt as the first member of
 * its own connection and statement types; db.c dispatches through ops and
 * keeps what is common (URL scheme, {{TOKEN}} substitution, transaction
 * nesting) out of the drivers. */
#ifndef SW_DB_DRIVER_H
#define SW_DB_DRIVER_H

#include "db.h"

/* One {{TOKEN}} and its text in this dialect. */
struct db_subst {
	const char *token;
	const char *sql;
};

struct db_ops {
	const struct db_subst *subst;    /* ends with { NULL, NULL } */
	const char *begin_write;
	const char *begin_read;
	void (*close)(struct db *db);
	int (*exec)(struct db *db, const char *sql, struct sw_error *err);
	struct db_stmt *(*prepare)(struct db *db, const char *sql, unsigned flags,
				   struct sw_error *err);
	void (*stmt_free)(struct db_stmt *st);
	void (*bind_text)(struct db_stmt *st, int n, const char *value); /* NULL: SQL NULL */
	void (*bind_int)(struct db_stmt *st, int n, int64_t value);
	int (*next)(struct db_stmt *st, struct sw_error *err);
	void (*reset)(struct db_stmt *st);
	const char *(*col_text)(struct db_stmt *st, int col);
	int (*col_isnull)(struct db_stmt *st, int col);
	int64_t (*col_int)(struct db_stmt *st, int col);
	int (*lost)(struct db *db);         /* NULL: never lost (SQLite) */
};

struct db {
	const struct db_ops *ops;
	enum db_dialect dialect;
	int depth;          /* open transaction + savepoints */
	int transient;      /* the last failure was a transient conflict */
};

/* What a driver's error says in words, per kind of failure (db.h). */
#define DB_MSG_UNIQUE "conflicts with a record that already exists"
#define DB_MSG_FOREIGN "refers to a record that does not exist (any more)"
#define DB_MSG_CHECK "a value is not allowed here"
#define DB_MSG_TRANSIENT "conflicts with a change made at the same time; try again"
#define DB_MSG_UNAVAILABLE "the database is unavailable; try again shortly"

struct db_stmt {
	struct db *db;
};

/* Driver constructors, called by db_open with the part after the scheme
 * (SQLite) or the whole URL (PostgreSQL). */
struct db *db_sqlite_open(const char *path, struct sw_error *err);
struct db *db_pg_open(const char *url, struct sw_error *err);

/* SQLite's online backup (db_backup, db_restore). */
int db_sqlite_backup(struct db *db, const char *file, int restore, struct sw_error *err);

#endif
