/* store.c - the store's connection, statement cache, arena and the helpers
 * every record type uses. */
#include "store_int.h"

#include <stdalign.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct store *store_open(const char *url, struct sw_error *err)
{
	struct store *st = calloc(1, sizeof *st);
	if (st == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory"), NULL;
	st->db = db_open(url, err);
	if (st->db == NULL) {
		free(st);
		return NULL;
	}
	return st;
}

void store_close(struct store *st)
{
	if (st == NULL)
		return;
	for (size_t i = 0; i < st->ncache; i++)
		db_stmt_free(st->cache[i].stmt);
	free(st->cache);
	db_close(st->db);
	free(st);
}

struct db *store_db(struct store *st)
{
	return st->db;
}

int store_lost(struct store *st)
{
	return db_lost(st->db);
}

struct db_stmt *store_stmt(struct store *st, const char *sql, struct sw_error *err)
{
	/* A few dozen statements: a linear scan of pointers is cheaper than
	 * hashing the SQL text. */
	for (size_t i = 0; i < st->ncache; i++)
		if (st->cache[i].sql == sql)
			return st->cache[i].stmt;
	if (store_grow(&st->cache, &st->capcache, st->ncache + 1, sizeof *st->cache) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory"), NULL;
	struct db_stmt *q = db_prepare(st->db, sql, 0, err);
	if (q == NULL)
		return NULL;
	st->cache[st->ncache].sql = sql;
	st->cache[st->ncache].stmt = q;
	st->ncache++;
	return q;
}

/* ---- arena ---------------------------------------------------------------- */

#define ARENA_BLOCK 4096

struct store_arena_block {
	struct store_arena_block *next;
	size_t used, size;
	alignas(max_align_t) unsigned char data[];
};

void *store_arena_alloc(struct store_arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	size = (size + align - 1) / align * align;
	struct store_arena_block *b = a->head;
	if (b == NULL || b->size - b->used < size) {
		size_t cap = size > ARENA_BLOCK ? size : ARENA_BLOCK;
		b = malloc(sizeof *b + cap);
		if (b == NULL)
			return NULL;
		b->size = cap;
		b->used = 0;
		b->next = a->head;
		a->head = b;
	}
	void *p = b->data + b->used;
	b->used += size;
	return p;
}

char *store_arena_strdup(struct store_arena *a, const char *s)
{
	if (s == NULL)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = store_arena_alloc(a, n);
	if (p != NULL)
		memcpy(p, s, n);
	return p;
}

void store_arena_free(struct store_arena *a)
{
	while (a->head != NULL) {
		struct store_arena_block *b = a->head;
		a->head = b->next;
		free(b);
	}
}

/* ---- helpers -------------------------------------------------------------- */

int store_grow(void *items, size_t *cap, size_t need, size_t size)
{
	void **p = items;
	if (need <= *cap)
		return 0;
	size_t n = *cap ? *cap * 2 : 16;
	while (n < need)
		n *= 2;
	void *q = realloc(*p, n * size);
	if (q == NULL)
		return -1;
	*p = q;
	*cap = n;
	return 0;
}

int store_collect(struct db_stmt *q, struct store_arena *a, size_t size, store_row_fn fn,
		  void **out, size_t *n, struct sw_error *err)
{
	/* Rows are gathered on the heap and moved to the arena once their
	 * number is known, so that growing does not leave copies behind. */
	unsigned char *items = NULL;
	size_t count = 0, cap = 0;
	int rc;
	while ((rc = db_next(q, err)) == 1) {
		if (store_grow(&items, &cap, count + 1, size) != 0) {
			rc = sw_error_set(err, SW_EINTERNAL, "", "out of memory");
			break;
		}
		if (fn(q, a, items + count * size, err) != 0) {
			rc = -1;
			break;
		}
		count++;
	}
	if (rc < 0) {
		db_reset(q);
		free(items);
		return -1;
	}
	*out = count > 0 ? store_arena_alloc(a, count * size) : NULL;
	if (count > 0 && *out == NULL) {
		free(items);
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	}
	if (count > 0)
		memcpy(*out, items, count * size);
	free(items);
	*n = count;
	return 0;
}

int store_fetch_one(struct db_stmt *q, struct store_arena *a, store_row_fn fn, void *item,
		    const char *field, struct sw_error *err)
{
	int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return sw_error_set(err, SW_ENOTFOUND, field, "not found");
	rc = fn(q, a, item, err);
	db_reset(q);
	return rc;
}

static int check_exists(struct store *st, const char *sql, int64_t id, const char *field,
			const char *what, struct sw_error *err)
{
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	db_reset(q);
	if (rc == 0)
		return sw_error_set(err, SW_ENOTFOUND, field, "no %s with id %lld", what,
				    (long long)id);
	return 0;
}

int store_org_exists(struct store *st, int64_t id, const char *field, struct sw_error *err)
{
	static const char sql[] = "SELECT 1 FROM organisations WHERE id = $1";
	return check_exists(st, sql, id, field, "organisation", err);
}

int store_case_exists(struct store *st, int64_t id, const char *field, struct sw_error *err)
{
	static const char sql[] = "SELECT 1 FROM cases WHERE id = $1";
	return check_exists(st, sql, id, field, "case", err);
}

int store_case_lock(struct store *st, int64_t case_id, struct sw_error *err)
{
	/* NO KEY UPDATE: it does not wait for the KEY SHARE locks that the
	 * foreign keys of the case's rows take, so two writers that each
	 * inserted a row of the case do not deadlock here. SQLite's writer
	 * holds the whole database from BEGIN IMMEDIATE on. */
	static const char *const sql[] = {
		[DB_SQLITE] = "SELECT 1 FROM cases WHERE id = $1",
		[DB_POSTGRESQL] = "SELECT 1 FROM cases WHERE id = $1 FOR NO KEY UPDATE",
	};
	return check_exists(st, sql[db_dialect(st->db)], case_id, "case_id", "case", err);
}

int store_user_exists(struct store *st, int64_t id, const char *field, struct sw_error *err)
{
	static const char sql[] = "SELECT 1 FROM users WHERE id = $1";
	return check_exists(st, sql, id, field, "user", err);
}

int store_case_employee(struct store *st, int64_t case_id, int64_t *employee,
			struct sw_error *err)
{
	static const char sql[] = "SELECT COALESCE(p.user_id, 0) FROM cases c"
				  " JOIN persons p ON p.id = c.person_id WHERE c.id = $1";
	struct db_stmt *q = store_stmt(st, sql, err);
	*employee = 0;
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	if (db_run_id(q, employee, err) != 0) {
		if (err != NULL && err->code == SW_ENOTFOUND)
			sw_error_set(err, SW_ENOTFOUND, "case_id", "no case with id %lld",
				     (long long)case_id);
		return -1;
	}
	return 0;
}

int store_check_text(const char *s, size_t max, const char *field, struct sw_error *err)
{
	if (s != NULL && strlen(s) > max)
		return sw_error_set(err, SW_EINVAL, field, "longer than %zu bytes", max);
	return 0;
}

int store_check_required(const char *s, size_t max, const char *field, struct sw_error *err)
{
	if (s == NULL || s[strspn(s, " \t\r\n")] == '\0')
		return sw_error_set(err, SW_EINVAL, field, "required");
	return store_check_text(s, max, field, err);
}

int store_get_by_id(struct store *st, const char *sql, int64_t id, struct store_arena *a,
		    store_row_fn fn, void *item, const char *field, struct sw_error *err)
{
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	return store_fetch_one(q, a, fn, item, field, err);
}

int store_list_by_case(struct store *st, const char *sql, int64_t case_id,
		       struct store_arena *a, size_t size, store_row_fn fn, void **out,
		       size_t *n, struct sw_error *err)
{
	if (store_case_exists(st, case_id, "case_id", err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	return store_collect(q, a, size, fn, out, n, err);
}
