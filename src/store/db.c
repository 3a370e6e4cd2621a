/* db.c - the backend-independent half of db.h: URL dispatch, dialect
 * tokens, transaction nesting, and the conveniences built on next/col. */
#include "db_driver.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct db *db_open(const char *url, struct sw_error *err)
{
	if (url == NULL || *url == '\0')
		return sw_error_set(err, SW_EINVAL, "database", "no database URL given"), NULL;
	if (strncmp(url, "sqlite:", 7) == 0) {
		if (url[7] == '\0')
			return sw_error_set(err, SW_EINVAL, "database",
					    "'%s': sqlite:PATH needs a file path", url), NULL;
		return db_sqlite_open(url + 7, err);
	}
	if (strncmp(url, "postgresql://", 13) == 0 || strncmp(url, "postgres://", 11) == 0)
		return db_pg_open(url, err);
	return sw_error_set(err, SW_EINVAL, "database",
			    "'%s': expected sqlite:PATH or postgresql://...", url), NULL;
}

void db_close(struct db *db)
{
	if (db != NULL)
		db->ops->close(db);
}

enum db_dialect db_dialect(const struct db *db)
{
	return db->dialect;
}

static const struct db_subst *find_token(const struct db *db, const char *p)
{
	for (const struct db_subst *s = db->ops->subst; s->token != NULL; s++)
		if (strncmp(p, s->token, strlen(s->token)) == 0)
			return s;
	return NULL;
}

/* Writes the translation of sql into out (when not NULL); returns its
 * length, so that a first call can size the buffer. */
static size_t substitute(const struct db *db, const char *sql, char *out)
{
	size_t n = 0;
	for (const char *p = sql; *p != '\0';) {
		const struct db_subst *s = p[0] == '{' && p[1] == '{' ? find_token(db, p) : NULL;
		const char *piece = s != NULL ? s->sql : p;
		const size_t len = s != NULL ? strlen(s->sql) : 1;
		if (out != NULL)
			memcpy(out + n, piece, len);
		n += len;
		p += s != NULL ? strlen(s->token) : 1;
	}
	if (out != NULL)
		out[n] = '\0';
	return n;
}

char *db_translate(const struct db *db, const char *sql, struct sw_error *err)
{
	char *out = malloc(substitute(db, sql, NULL) + 1);
	if (out == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory"), NULL;
	substitute(db, sql, out);
	return out;
}

/* Only SQL that holds tokens pays for a translated copy. */
int db_exec(struct db *db, const char *sql, struct sw_error *err)
{
	if (strstr(sql, "{{") == NULL)
		return db->ops->exec(db, sql, err);
	char *t = db_translate(db, sql, err);
	if (t == NULL)
		return -1;
	int rc = db->ops->exec(db, t, err);
	free(t);
	return rc;
}

struct db_stmt *db_prepare(struct db *db, const char *sql, unsigned flags, struct sw_error *err)
{
	if (strstr(sql, "{{") == NULL)
		return db->ops->prepare(db, sql, flags, err);
	char *t = db_translate(db, sql, err);
	if (t == NULL)
		return NULL;
	struct db_stmt *st = db->ops->prepare(db, t, flags, err);
	free(t);
	return st;
}

void db_stmt_free(struct db_stmt *st)
{
	if (st != NULL)
		st->db->ops->stmt_free(st);
}

void db_bind_text(struct db_stmt *st, int n, const char *value)
{
	st->db->ops->bind_text(st, n, value);
}

void db_bind_int(struct db_stmt *st, int n, int64_t value)
{
	st->db->ops->bind_int(st, n, value);
}

void db_bind_null(struct db_stmt *st, int n)
{
	st->db->ops->bind_text(st, n, NULL);
}

void db_bind_date(struct db_stmt *st, int n, sw_date date)
{
	char buf[DATE_STRLEN];
	date_format(date, buf);
	st->db->ops->bind_text(st, n, date == DATE_NONE ? NULL : buf);
}

int db_next(struct db_stmt *st, struct sw_error *err)
{
	return st->db->ops->next(st, err);
}

void db_reset(struct db_stmt *st)
{
	st->db->ops->reset(st);
}

int db_run(struct db_stmt *st, struct sw_error *err)
{
	int rc;
	while ((rc = db_next(st, err)) == 1)
		;
	return rc;
}

int db_run_id(struct db_stmt *st, int64_t *out, struct sw_error *err)
{
	int rc = db_next(st, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return sw_error_set(err, SW_ENOTFOUND, "", "statement returned no row");
	*out = db_col_int(st, 0);
	db_reset(st);
	return 0;
}

const char *db_col_text(struct db_stmt *st, int col)
{
	return st->db->ops->col_text(st, col);
}

int db_col_isnull(struct db_stmt *st, int col)
{
	return st->db->ops->col_isnull(st, col);
}

int64_t db_col_int(struct db_stmt *st, int col)
{
	return st->db->ops->col_int(st, col);
}

sw_date db_col_date(struct db_stmt *st, int col)
{
	const char *s = db_col_text(st, col);
	sw_date d;
	/* Both backends give dates as YYYY-MM-DD (PostgreSQL with
	 * DateStyle ISO, which the driver sets). */
	if (s == NULL || date_parse(s, &d) != 0)
		return DATE_NONE;
	return d;
}

int db_backup(struct db *db, const char *file, struct sw_error *err)
{
	if (db->dialect != DB_SQLITE)
		return sw_error_set(err, SW_EINVAL, "database", "PostgreSQL is backed up with pg_dump");
	return db_sqlite_backup(db, file, 0, err);
}

int db_restore(struct db *db, const char *file, struct sw_error *err)
{
	if (db->dialect != DB_SQLITE)
		return sw_error_set(err, SW_EINVAL, "database", "PostgreSQL is restored with pg_restore");
	return db_sqlite_backup(db, file, 1, err);
}

int db_transient(const struct db *db)
{
	return db->transient;
}

int db_lost(struct db *db)
{
	return db->ops->lost != NULL && db->ops->lost(db);
}

int db_ping(struct db *db, struct sw_error *err)
{
	return db->ops->exec(db, "SELECT 1", err);
}

int db_begin(struct db *db, unsigned mode, struct sw_error *err)
{
	char sql[48];
	if (db->depth == 0) {
		db->transient = 0;
		snprintf(sql, sizeof sql, "%s", mode == DB_READ ? db->ops->begin_read
								  : db->ops->begin_write);
	} else {
		snprintf(sql, sizeof sql, "SAVEPOINT sw_%d", db->depth);
	}
	if (db->ops->exec(db, sql, err) != 0)
		return -1;
	db->depth++;
	return 0;
}

int db_commit(struct db *db, struct sw_error *err)
{
	if (db->depth == 0)
		return sw_error_set(err, SW_EINTERNAL, "", "commit without a transaction");
	db->depth--;
	if (db->depth > 0) {
		char sql[48];
		snprintf(sql, sizeof sql, "RELEASE SAVEPOINT sw_%d", db->depth);
		return db->ops->exec(db, sql, err);
	}
	if (db->ops->exec(db, "COMMIT", err) == 0)
		return 0;
	/* SQLite keeps the transaction open after a failed COMMIT (busy);
	 * PostgreSQL has already rolled back, and this is then a no-op. */
	db->ops->exec(db, "ROLLBACK", NULL);
	return -1;
}

void db_rollback(struct db *db)
{
	if (db->depth == 0)
		return;
	db->depth--;
	if (db->depth == 0) {
		db->ops->exec(db, "ROLLBACK", NULL);
		return;
	}
	char sql[96];
	snprintf(sql, sizeof sql, "ROLLBACK TO SAVEPOINT sw_%d; RELEASE SAVEPOINT sw_%d",
		 db->depth, db->depth);
	db->ops->exec(db, sql, NULL);
}
