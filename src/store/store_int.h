/* store_int.h - what the store's source files share. Private to src/store. */
#ifndef SW_STORE_INT_H
#define SW_STORE_INT_H

#include "store.h"

struct store_cached {
	const char *sql;                 /* key: the address of a static string */
	struct db_stmt *stmt;
};

struct store {
	struct db *db;
	struct store_cached *cache;      /* prepared once, reused per call */
	size_t ncache, capcache;
};

/* Largest accepted free text, so that one request cannot fill the database. */
#define STORE_MAX_NAME 200
#define STORE_MAX_TEXT 4000

/* The prepared statement for sql, a static string: prepared on first use
 * and kept until store_close. Callers must not nest two uses of one SQL. */
struct db_stmt *store_stmt(struct store *st, const char *sql, struct sw_error *err);

/* Grows *items (of size-byte elements) to hold at least need. */
int store_grow(void *items, size_t *cap, size_t need, size_t size);

/* Reads the current row of q into item, strings into a. */
typedef int (*store_row_fn)(struct db_stmt *q, struct store_arena *a, void *item,
			    struct sw_error *err);

/* Runs q (bound by the caller) and reads every row with fn into an array
 * in a. */
int store_collect(struct db_stmt *q, struct store_arena *a, size_t size, store_row_fn fn,
		  void **out, size_t *n, struct sw_error *err);

/* Runs q (bound with the id by the caller) and reads its one row; no row is
 * SW_ENOTFOUND naming field. */
int store_fetch_one(struct db_stmt *q, struct store_arena *a, store_row_fn fn, void *item,
		    const char *field, struct sw_error *err);

/* Prepares sql (a static string with $1 the id), binds id and reads its
 * one row with fn: store_fetch_one for the common "get by id". */
int store_get_by_id(struct store *st, const char *sql, int64_t id, struct store_arena *a,
		    store_row_fn fn, void *item, const char *field, struct sw_error *err);

/* Checks that the case exists (SW_ENOTFOUND "case_id"), then collects the
 * rows of sql ($1 the case id) with fn: the common "list of a case". */
int store_list_by_case(struct store *st, const char *sql, int64_t case_id,
		       struct store_arena *a, size_t size, store_row_fn fn, void **out,
		       size_t *n, struct sw_error *err);

/* The employee's account (user id) of a case, 0 when the person has none;
 * SW_ENOTFOUND "case_id" if the case does not exist. */
int store_case_employee(struct store *st, int64_t case_id, int64_t *employee,
			struct sw_error *err);

/* Migration 11's code part: the sick periods as mutations (source
 * 'migratie') and the search terms of the persons it created. */
int store_migrate_sickness(struct store *st, struct sw_error *err);

/* Rewrites the search terms of a person (core/register.h). */
int store_person_terms_write(struct store *st, int64_t person_id, int64_t organisation_id,
			     const char *name, const char *number, struct sw_error *err);

/* Validates optional free text: NULL is fine, else at most max bytes. */
int store_check_text(const char *s, size_t max, const char *field, struct sw_error *err);

/* Validates required text: not empty (after spaces), at most max bytes. */
int store_check_required(const char *s, size_t max, const char *field, struct sw_error *err);

/* Runs the timeline engine over the case as now stored and maps its
 * complaint to the field of the change; called inside the change's
 * transaction, which the caller rolls back on failure. */
int store_check_case_history(struct store *st, int64_t case_id, struct sw_error *err);

/* Append the current row of q, read from column col on, to in: periods
 * (from, to, percent), events (kind, date, value), deviations (code,
 * agreed_due). Shared by store_case_load_input and the scan. */
int store_input_add_period(struct store_case_input *in, struct db_stmt *q, int col,
			   struct sw_error *err);
int store_input_add_event(struct store_case_input *in, struct db_stmt *q, int col,
			  struct sw_error *err);
int store_input_add_deviation(struct store_case_input *in, struct db_stmt *q, int col,
			      struct sw_error *err);

/* An organisation row: the columns STORE_ORG_COLS, read by store_read_org
 * (a store_row_fn filling a struct store_org). */
#define STORE_ORG_COLS "id, name, kind, created_at"
int store_read_org(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err);

/* An account row: the columns STORE_ACCOUNT_COLS (of users, unqualified),
 * read by store_read_account into a struct store_account. */
#define STORE_ACCOUNT_COLS                                                            \
	"id, email, name, organisation_id, is_beheerder, active,"                     \
	" CASE WHEN password_hash IS NULL THEN 0 ELSE 1 END, created_at"
int store_read_account(struct db_stmt *q, struct store_arena *a, void *item,
		       struct sw_error *err);

/* SW_ENOTFOUND naming field unless the organisation / case / user exists. */
int store_org_exists(struct store *st, int64_t id, const char *field, struct sw_error *err);
int store_case_exists(struct store *st, int64_t id, const char *field, struct sw_error *err);
int store_user_exists(struct store *st, int64_t id, const char *field, struct sw_error *err);

/* Locks the case's row until the end of the transaction (SW_ENOTFOUND
 * "case_id" if there is none). Every change of what a case's timeline is
 * computed from takes it before it reads the history: two writers of one
 * case then run one after the other, and the second sees the first's rows
 * (PostgreSQL runs READ COMMITTED: each statement sees what committed
 * before it started). Must be called inside a transaction. */
int store_case_lock(struct store *st, int64_t case_id, struct sw_error *err);

/* The email as the users table keeps it (lower case); -1 if it does not
 * look like an address. */
int store_email_normalise(const char *in, char out[256]);

#endif
