/* store_base.h - what every family of the domain store shares: opening
 * the store over SQLite or PostgreSQL (db.h), the arena that owns what is
 * read, and the migrations. store.h includes every family header.
 *
 * Conventions:
 * - Functions return 0 on success and -1 with *err filled. Unknown ids are
 *   SW_ENOTFOUND naming the field ("case_id", "employee_id", ...), bad input
 *   SW_EINVAL naming the field, a duplicate SW_ECONFLICT, the database
 *   SW_EINTERNAL.
 * - Ids are int64_t; 0 means "none" where a reference is optional.
 * - Records read from the store (get, list) have their strings and arrays in
 *   a caller-owned struct store_arena: one store_arena_free releases all of
 *   it, e.g. once per HTTP request.
 * - Insert functions take the same record types; id and created_at are
 *   ignored on input and the new id is returned in *id.
 * - Changes to a case's sick periods, events and deviations are checked by
 *   running the timeline engine over the case inside the same transaction:
 *   the store never holds a history the engine rejects.
 * - Dates are sw_date; DATE_NONE is "none" (open period, no agreed date).
 * - Every function may be called inside the caller's transaction (db_begin
 *   on store_db()): their own transactions nest as savepoints. */
#ifndef SW_STORE_BASE_H
#define SW_STORE_BASE_H

#include <stddef.h>
#include <stdint.h>

#include "core/attachment.h"
#include "core/date.h"
#include "core/doc.h"
#include "core/error.h"
#include "core/match.h"
#include "core/network.h"
#include "core/role.h"
#include "core/stats.h"
#include "core/signals.h"
#include "core/timeline.h"
#include "store/db.h"

struct store;

/* Opens the database at url (see db_open). Caller frees with store_close. */
struct store *store_open(const char *url, struct sw_error *err);
void store_close(struct store *st);

/* The connection, for transactions spanning several calls. */
struct db *store_db(struct store *st);

/* Whether the connection was lost (db_lost): the store is then closed and
 * opened anew rather than used. */
int store_lost(struct store *st);

/* ---- arena: memory of records read from the store ---------------------- */

struct store_arena_block;
struct store_arena {
	struct store_arena_block *head;  /* zero-initialise: struct store_arena a = { 0 }; */
};

/* Memory aligned for any type; NULL when out of memory. */
void *store_arena_alloc(struct store_arena *a, size_t size);
/* A copy of s in the arena; NULL for NULL s (or out of memory). */
char *store_arena_strdup(struct store_arena *a, const char *s);
/* Frees everything allocated in a; a is empty and reusable afterwards. */
void store_arena_free(struct store_arena *a);

/* ---- migrate.c ---------------------------------------------------------- */

/* Applies the migrations the database lacks, each in its own transaction,
 * and records them in schema_migrations. Re-running applies nothing. If
 * applied is not NULL it receives how many were applied now. A database
 * newer than this program is SW_ECONFLICT. */
int store_migrate(struct store *st, int *applied, struct sw_error *err);

/* The version of the database schema (0: not migrated at all). */
int store_schema_version(struct store *st, int *version, struct sw_error *err);

/* The newest migration this program knows. */
int store_schema_latest(void);

#endif
