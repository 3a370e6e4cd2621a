/* test_store.c - the store and its SQL driver against a real database.
 *
 * The database is $SW_TEST_DATABASE (sqlite:PATH or postgresql://...), or a
 * fresh temporary SQLite file. Every run starts from an empty schema: the
 * SQLite file is removed, PostgreSQL's public schema dropped and recreated.
 * Tests run in order and share the database; each creates its own rows and
 * checks only those (besides the global ordering of the scan). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/timeline.h"
#include "store/db.h"
#include "store/store.h"

struct fixture {
	struct store *st;
	char url[512];
	char tmp[256];     /* our own temporary SQLite file, removed at the end */
};

static struct store *store_of(void **state)
{
	return ((struct fixture *)*state)->st;
}

static sw_date D(const char *s)
{
	sw_date d;
	if (date_parse(s, &d) != 0)
		fail_msg("bad date in test: %s", s);
	return d;
}

#define assert_ok(call, err) \
	do { if ((call) != 0) fail_msg("%s: %s: %s", #call, (err).field, (err).message); } while (0)

#define assert_error(call, err, want_code, want_field)                    \
	do {                                                              \
		sw_error_clear(&(err));                                   \
		assert_int_equal((call), -1);                             \
		assert_string_equal(sw_errcode_name((err).code),          \
				    sw_errcode_name(want_code));          \
		assert_string_equal((err).field, (want_field));           \
	} while (0)

static void remove_sqlite(const char *path)
{
	char buf[300];
	unlink(path);
	snprintf(buf, sizeof buf, "%s-wal", path);
	unlink(buf);
	snprintf(buf, sizeof buf, "%s-shm", path);
	unlink(buf);
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	struct sw_error err = { 0 };
	const char *env = getenv("SW_TEST_DATABASE");
	if (env != NULL && *env != '\0') {
		snprintf(fx->url, sizeof fx->url, "%s", env);
	} else {
		snprintf(fx->tmp, sizeof fx->tmp, "/tmp/sw-test-store-XXXXXX");
		int fd = mkstemp(fx->tmp);
		if (fd < 0)
			return -1;
		close(fd);
		snprintf(fx->url, sizeof fx->url, "sqlite:%s", fx->tmp);
	}
	if (strncmp(fx->url, "sqlite:", 7) == 0)
		remove_sqlite(fx->url + 7);
	fx->st = store_open(fx->url, &err);
	if (fx->st == NULL) {
		fprintf(stderr, "store_open(%s): %s\n", fx->url, err.message);
		return -1;
	}
	if (db_dialect(store_db(fx->st)) == DB_POSTGRESQL &&
	    db_exec(store_db(fx->st), "DROP SCHEMA public CASCADE; CREATE SCHEMA public", &err) != 0) {
		fprintf(stderr, "reset schema: %s\n", err.message);
		return -1;
	}
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	store_close(fx->st);
	if (fx->tmp[0] != '\0')
		remove_sqlite(fx->tmp);
	free(fx);
	return 0;
}

/* ---- fixtures ------------------------------------------------------------ */

static int64_t new_org(struct store *st, const char *name, enum store_org_kind kind)
{
	struct sw_error err = { 0 };
	struct store_org o = { .name = name, .kind = kind };
	int64_t id = 0;
	assert_ok(store_org_insert(st, &o, &id, &err), err);
	assert_true(id > 0);
	return id;
}

static int64_t new_user(struct store *st, const char *email, int64_t org)
{
	struct sw_error err = { 0 };
	struct store_user u = { .email = email, .name = email, .organisation_id = org };
	int64_t id = 0;
	assert_ok(store_user_insert(st, &u, &id, &err), err);
	return id;
}

/* The register entry of a user (made on first use): cases are of persons. */
static int64_t person_for(struct store *st, int64_t org, int64_t user)
{
	struct sw_error err = { 0 };
	int64_t id = 0;
	char number[32];
	assert_ok(store_person_of_user(st, user, org, &id, &err), err);
	if (id != 0)
		return id;
	snprintf(number, sizeof number, "U%lld", (long long)user);
	/* The register knows the person by the account's name. */
	struct store_arena a = { 0 };
	struct store_user u;
	assert_ok(store_user_get(st, &a, user, &u, &err), err);
	const struct store_person p = { .organisation_id = org, .personnel_number = number,
					.name = u.name, .birth_date = DATE_NONE, .user_id = user };
	assert_ok(store_person_insert(st, &p, &id, &err), err);
	store_arena_free(&a);
	return id;
}

static int64_t new_case(struct store *st, int64_t org, int64_t employee)
{
	struct sw_error err = { 0 };
	struct store_case c = { .organisation_id = org, .person_id = person_for(st, org, employee),
				.expected_recovery = DATE_NONE };
	int64_t id = 0;
	assert_ok(store_case_insert(st, &c, &id, &err), err);
	return id;
}

static int64_t new_period(struct store *st, int64_t case_id, const char *from, const char *to)
{
	struct sw_error err = { 0 };
	struct store_period p = { .case_id = case_id, .from = D(from),
				  .to = to ? D(to) : DATE_NONE, .percent = 100 };
	int64_t id = 0;
	assert_ok(store_period_insert(st, &p, &id, &err), err);
	return id;
}

static int64_t new_participation(struct store *st, int64_t case_id, int64_t user, enum role role,
				 const char *from, const char *until)
{
	struct sw_error err = { 0 };
	struct store_participation p = { .case_id = case_id, .user_id = user, .role = role,
					 .from = D(from), .until = until ? D(until) : DATE_NONE };
	int64_t id = 0;
	assert_ok(store_participation_insert(st, &p, &id, &err), err);
	return id;
}

static int64_t new_event(struct store *st, int64_t case_id, enum tl_event_kind kind,
			 const char *date, int value, int64_t by)
{
	struct sw_error err = { 0 };
	struct store_event e = { .case_id = case_id, .kind = kind, .date = D(date),
				 .value = value, .created_by = by };
	int64_t id = 0;
	assert_ok(store_event_insert(st, &e, &id, &err), err);
	return id;
}

/* A case with an employee and a werkgever participation, ready for history. */
struct small_case {
	int64_t org, employee, boss, id;
};

static struct small_case make_case(struct store *st, const char *tag)
{
	char a[96], b[96];
	struct small_case c;
	snprintf(a, sizeof a, "%s.employee@example.nl", tag);
	snprintf(b, sizeof b, "%s.boss@example.nl", tag);
	c.org = new_org(st, tag, STORE_ORG_WERKGEVER);
	c.employee = new_user(st, a, c.org);
	c.boss = new_user(st, b, c.org);
	c.id = new_case(st, c.org, c.employee);
	new_participation(st, c.id, c.boss, ROLE_WERKGEVER, "2025-01-01", NULL);
	return c;
}

/* ---- driver -------------------------------------------------------------- */

static void test_migrate_twice(void **state)
{
	struct store *st = store_of(state);
	struct sw_error err = { 0 };
	int applied = -1, version = -1;
	assert_ok(store_schema_version(st, &version, &err), err);
	assert_int_equal(version, 0);
	assert_ok(store_migrate(st, &applied, &err), err);
	/* Versions are numbered per feature branch and may have gaps until
	 * all are merged: at least one applied, none on the second run. */
	assert_true(applied > 0 && applied <= store_schema_latest());
	assert_ok(store_migrate(st, &applied, &err), err);
	assert_int_equal(applied, 0);
	assert_ok(store_schema_version(st, &version, &err), err);
	assert_int_equal(version, store_schema_latest());
}

static void test_db_params_and_nulls(void **state)
{
	struct db *db = store_db(store_of(state));
	struct sw_error err = { 0 };
	/* $2 before $1 and $1 twice: SQLite binds by name, so order is free. */
	struct db_stmt *q = db_prepare(db, "SELECT CAST($2 AS TEXT), CAST($1 AS TEXT),"
					   " CAST($1 AS TEXT), NULL, ''", 0, &err);
	assert_non_null(q);
	for (int round = 0; round < 2; round++) {
		db_bind_text(q, 1, round ? "een" : "one");
		db_bind_text(q, 2, "two");
		assert_int_equal(db_next(q, &err), 1);
		assert_string_equal(db_col_text(q, 0), "two");
		assert_string_equal(db_col_text(q, 1), round ? "een" : "one");
		assert_string_equal(db_col_text(q, 2), round ? "een" : "one");
		assert_null(db_col_text(q, 3));
		assert_true(db_col_isnull(q, 3));
		assert_non_null(db_col_text(q, 4));
		assert_string_equal(db_col_text(q, 4), "");
		assert_false(db_col_isnull(q, 4));
		assert_int_equal(db_next(q, &err), 0);
	}
	db_stmt_free(q);

	q = db_prepare(db, "SELECT nosuchcolumn FROM nosuchtable", 0, &err);
	assert_null(q);
	assert_int_equal(err.code, SW_EINTERNAL);

	assert_null(db_open("mysql://localhost/x", &err));
	assert_int_equal(err.code, SW_EINVAL);
	assert_string_equal(err.field, "database");
	assert_null(db_open("sqlite:", &err));
	assert_string_equal(err.field, "database");
}

static void test_db_streams_side_by_side(void **state)
{
	struct db *db = store_db(store_of(state));
	struct sw_error err = { 0 };
	/* More rows than one PostgreSQL FETCH batch, two cursors at once. */
	static const char sql[] = "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n"
				  " WHERE i < CAST($1 AS INTEGER)) SELECT i FROM n ORDER BY i";
	struct db_stmt *a = db_prepare(db, sql, DB_STREAM, &err);
	struct db_stmt *b = db_prepare(db, sql, DB_STREAM, &err);
	assert_non_null(a);
	assert_non_null(b);
	db_bind_int(a, 1, 5000);
	db_bind_int(b, 1, 4500);
	assert_ok(db_begin(db, DB_READ, &err), err);
	int64_t sa = 0, sb = 0, na = 0, nb = 0;
	int ra = 1, rb = 1;
	while (ra == 1 || rb == 1) {
		if (ra == 1 && (ra = db_next(a, &err)) == 1) {
			sa += db_col_int(a, 0);
			na++;
			assert_int_equal(db_col_int(a, 0), na);
		}
		if (rb == 1 && (rb = db_next(b, &err)) == 1) {
			sb += db_col_int(b, 0);
			nb++;
		}
	}
	assert_int_equal(ra, 0);
	assert_int_equal(rb, 0);
	assert_ok(db_commit(db, &err), err);
	assert_int_equal(na, 5000);
	assert_int_equal(nb, 4500);
	assert_int_equal(sa, 5000 * 5001 / 2);
	assert_int_equal(sb, 4500 * 4501 / 2);
	db_stmt_free(a);
	db_stmt_free(b);
}

/* ---- organisations and users ------------------------------------------------ */

static void test_orgs(void **state)
{
	struct store *st = store_of(state);
	struct sw_error err = { 0 };
	struct store_arena a = { 0 };
	int64_t w = new_org(st, "Gemeentewerken Test", STORE_ORG_WERKGEVER);
	int64_t r = new_org(st, "Bureau Test", STORE_ORG_REINTEGRATIEBEDRIJF);
	assert_true(r > w);

	struct store_org o;
	assert_ok(store_org_get(st, &a, r, &o, &err), err);
	assert_int_equal(o.id, r);
	assert_string_equal(o.name, "Bureau Test");
	assert_int_equal(o.kind, STORE_ORG_REINTEGRATIEBEDRIJF);
	assert_int_equal(strlen(o.created_at), 22); /* YYYY-MM-DD HH:MM:SS+00 */
	assert_string_equal(o.created_at + 19, "+00");

	struct store_org *list;
	size_t n;
	assert_ok(store_org_list(st, &a, &list, &n, &err), err);
	assert_true(n >= 2);
	for (size_t i = 1; i < n; i++)
		assert_true(list[i - 1].id < list[i].id);
	assert_string_equal(list[n - 1].name, "Bureau Test");
	assert_string_equal(store_org_kind_name(list[n - 2].kind), "werkgever");

	struct store_org bad = { .name = "X", .kind = STORE_ORG_KIND__COUNT };
	int64_t id;
	assert_error(store_org_insert(st, &bad, &id, &err), err, SW_EINVAL, "kind");
	bad.kind = STORE_ORG_NETWERK;
	bad.name = "  ";
	assert_error(store_org_insert(st, &bad, &id, &err), err, SW_EINVAL, "name");
	assert_error(store_org_get(st, &a, 999999, &o, &err), err, SW_ENOTFOUND, "id");
	store_arena_free(&a);
}

static void test_users(void **state)
{
	struct store *st = store_of(state);
	struct sw_error err = { 0 };
	struct store_arena a = { 0 };
	int64_t org = new_org(st, "Users BV", STORE_ORG_WERKGEVER);
	int64_t other = new_org(st, "Other BV", STORE_ORG_ARBODIENST);
	int64_t u1 = new_user(st, "Jan.Jansen@Example.NL", org);
	int64_t u2 = new_user(st, "piet@example.nl", 0);
	new_user(st, "arts@example.nl", other);

	struct store_user u;
	assert_ok(store_user_get(st, &a, u1, &u, &err), err);
	assert_string_equal(u.email, "jan.jansen@example.nl");
	assert_int_equal(u.organisation_id, org);
	assert_null(u.password_hash);
	assert_ok(store_user_get(st, &a, u2, &u, &err), err);
	assert_int_equal(u.organisation_id, 0);
	assert_ok(store_user_get_by_email(st, &a, "JAN.jansen@example.nl", &u, &err), err);
	assert_int_equal(u.id, u1);
	assert_error(store_user_get_by_email(st, &a, "nobody@example.nl", &u, &err), err,
		     SW_ENOTFOUND, "email");
	assert_error(store_user_get(st, &a, 999999, &u, &err), err, SW_ENOTFOUND, "id");

	struct store_user *list;
	size_t n;
	assert_ok(store_user_list(st, &a, org, &list, &n, &err), err);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, u1);
	assert_ok(store_user_list(st, &a, 0, &list, &n, &err), err);
	assert_true(n >= 3);

	int64_t id;
	struct store_user dup = { .email = "jan.JANSEN@example.nl", .name = "Dubbel" };
	assert_error(store_user_insert(st, &dup, &id, &err), err, SW_ECONFLICT, "email");
	struct store_user bad = { .email = "geen-adres", .name = "X" };
	assert_error(store_user_insert(st, &bad, &id, &err), err, SW_EINVAL, "email");
	bad.email = "x@example.nl";
	bad.name = "";
	assert_error(store_user_insert(st, &bad, &id, &err), err, SW_EINVAL, "name");
	bad.name = "X";
	bad.organisation_id = 999999;
	assert_error(store_user_insert(st, &bad, &id, &err), err, SW_ENOTFOUND, "organisation_id");
	store_arena_free(&a);
}

/* ---- cases and participations ------------------------------------------- */

static void test_cases(void **state)
{
	struct store *st = store_of(state);
	struct sw_error err = { 0 };
	struct store_arena a = { 0 };
	int64_t org = new_org(st, "Cases BV", STORE_ORG_WERKGEVER);
	int64_t org2 = new_org(st, "Cases2 BV", STORE_ORG_WERKGEVER);
	int64_t emp = new_user(st, "ziek@cases.nl", org);
	int64_t emp2 = new_user(st, "ziek2@cases.nl", org2);

	struct store_case in = {
		.organisation_id = org, .person_id = person_for(st, org, emp),
		.expected_recovery = DATE_NONE, .contact_phone = "06-12345678",
		.contact_address = "Markt 1, Breda", .verwachte_duur = "2 weken",
		.lopende_afspraken = "Fysiotherapie", .vangnet = 1, .arbeidsongeval = 0,
		.derde_aansprakelijk = 1,
	};
	int64_t c1;
	assert_ok(store_case_insert(st, &in, &c1, &err), err);
	int64_t c2 = new_case(st, org, emp);
	int64_t c3 = new_case(st, org2, emp2);

	struct store_case c;
	assert_ok(store_case_get(st, &a, c1, &c, &err), err);
	assert_int_equal(c.organisation_id, org);
	assert_int_equal(c.employee_id, emp);
	assert_int_equal(c.status, STORE_CASE_OPEN);
	assert_string_equal(c.contact_phone, "06-12345678");
	assert_string_equal(c.contact_address, "Markt 1, Breda");
	assert_string_equal(c.verwachte_duur, "2 weken");
	assert_string_equal(c.lopende_afspraken, "Fysiotherapie");
	assert_int_equal(c.vangnet, 1);
	assert_int_equal(c.arbeidsongeval, 0);
	assert_int_equal(c.derde_aansprakelijk, 1);
	assert_ok(store_case_get(st, &a, c2, &c, &err), err);
	assert_null(c.contact_phone);
	assert_null(c.lopende_afspraken);

	assert_ok(store_case_set_status(st, c2, STORE_CASE_GESLOTEN, &err), err);
	assert_ok(store_case_get(st, &a, c2, &c, &err), err);
	assert_string_equal(store_case_status_name(c.status), "gesloten");
	assert_error(store_case_set_status(st, 999999, STORE_CASE_OPEN, &err), err, SW_ENOTFOUND, "id");

	struct store_case *list;
	size_t n;
	struct store_case_filter f = { .organisation_id = org };
	assert_ok(store_case_list(st, &a, &f, &list, &n, &err), err);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, c1);
	assert_int_equal(list[1].id, c2);
	f = (struct store_case_filter){ .organisation_id = org, .after_id = c1, .limit = 1 };
	assert_ok(store_case_list(st, &a, &f, &list, &n, &err), err);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, c2);
	new_participation(st, c3, emp2, ROLE_WERKNEMER, "2025-01-01", NULL);
	f = (struct store_case_filter){ .participant_id = emp2 };
	assert_ok(store_case_list(st, &a, &f, &list, &n, &err), err);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].id, c3);

	int64_t id;
	struct store_case bad = in;
	bad.person_id = 999999;
	assert_error(store_case_insert(st, &bad, &id, &err), err, SW_ENOTFOUND, "person_id");
	bad = in;
	bad.organisation_id = 999999;
	assert_error(store_case_insert(st, &bad, &id, &err), err, SW_ENOTFOUND, "organisation_id");
	bad = in;
	bad.vangnet = 2;
	assert_error(store_case_insert(st, &bad, &id, &err), err, SW_EINVAL, "vangnet");
	assert_error(store_case_get(st, &a, 999999, &c, &err), err, SW_ENOTFOUND, "id");
	store_arena_free(&a);
}

static void test_participations(void **state)
{
	struct store *st = store_of(state);
	struct sw_error err = { 0 };
	struct store_arena a = { 0 };
	struct small_case c = make_case(st, "parts");
	int64_t arts = new_user(st, "arts@parts.nl", 0);
	int64_t p_emp = new_participation(st, c.id, c.employee, ROLE_WERKNEMER, "2025-01-01", NULL);
	int64_t p_arts = new_participation(st, c.id, arts, ROLE_BEDRIJFSARTS, "2025-01-02", NULL);

	struct store_participation p;
	assert_ok(store_participation_get(st, p_arts, &p, &err), err);
	assert_int_equal(p.case_id, c.id);
	assert_int_equal(p.user_id, arts);
	assert_int_equal(p.role, ROLE_BEDRIJFSARTS);
	assert_int_equal(p.from, D("2025-01-02"));
	assert_int_equal(p.until, DATE_NONE);
	assert_ok(store_participation_end(st, p_arts, D("2025-03-31"), &err), err);
	assert_ok(store_participation_get(st, p_arts, &p, &err), err);
	assert_int_equal(p.until, D("2025-03-31"));
	assert_error(store_participation_end(st, p_arts, D("2024-12-31"), &err), err, SW_EINVAL, "until");
	assert_error(store_participation_end(st, 999999, D("2025-12-31"), &err), err, SW_ENOTFOUND, "id");

	struct store_participation *list;
	size_t n;
	assert_ok(store_participation_list(st, &a, c.id, &list, &n, &err), err);
	assert_int_equal(n, 3); /* boss, employee, arts */
	assert_int_equal(list[1].id, p_emp);
	assert_int_equal(list[2].until, D("2025-03-31"));

	int64_t id;
	struct store_participation bad = { .case_id = c.id, .user_id = arts, .role = ROLE_WERKNEMER,
					   .from = D("2025-01-01"), .until = DATE_NONE };
	assert_error(store_participation_insert(st, &bad, &id, &err), err, SW_EINVAL, "user_id");
	bad.role = ROLE_BEHEERDER;
	assert_error(store_participation_insert(st, &bad, &id, &err), err, SW_EINVAL, "role");
	bad.role = ROLE_ARBEIDSDESKUNDIGE;
	bad.until = D("2024-12-01");
	assert_error(store_participation_insert(st, &bad, &id, &err), err, SW_EINVAL, "until");
	bad.until = DATE_NONE;
	bad.user_id = 999999;
	assert_error(store_participation_insert(st, &bad, &id, &err), err, SW_ENOTFOUND, "user_id");
	bad.user_id = arts;
	bad.case_id = 999999;
	assert_error(store_participation_insert(st, &bad, &id, &err), err, SW_ENOTFOUND, "case_id");
	assert_error(store_participation_list(st, &a, 999999, &list, &n, &err), err, SW_ENOTFOUND,
		     "case_id");
	store_arena_free(&a);
}

/* ---- sick history ---------------------------------------------------------- */

static void test_periods(void **state)
{
	struct store *st = store_of(state);
	struct sw_error err = { 0 };
	struct store_arena a = { 0 };
	struct small_case c = make_case(st, "periods");
	int64_t p1 = new_period(st, c.id, "2025-01-06", "2025-01-19");
	int64_t p2 = new_period(st, c.id, "2025-02-03", NULL);

	int64_t id = 0;
	struct store_period bad = { .case_id = c.id, .from = D("2025-01-15"),
				    .to = D("2025-01-25"), .percent = 100 };
	assert_error(store_period_insert(st, &bad, &id, &err), err, SW_EINVAL, "from");
	assert_non_null(strstr(err.message, "overlaps"));
	bad.from = D("2025-03-01"); /* after the open period */
	bad.to = D("2025-03-05");
	assert_error(store_period_insert(st, &bad, &id, &err), err, SW_EINVAL, "from");
	bad.from = D("2025-01-25");
	bad.to = D("2025-01-20");
	assert_error(store_period_insert(st, &bad, &id, &err), err, SW_EINVAL, "to");
	bad.to = D("2025-01-26");
	bad.percent = 0;
	assert_error(store_period_insert(st, &bad, &id, &err), err, SW_EINVAL, "percent");
	bad.percent = 50;
	bad.case_id = 999999;
	assert_error(store_period_insert(st, &bad, &id, &err), err, SW_ENOTFOUND, "case_id");

	/* Nothing of the rejected periods was stored. */
	struct store_period *list;
	size_t n;
	assert_ok(store_period_list(st, &a, c.id, &list, &n, &err), err);
	assert_int_equal(n, 2);
	assert_int_equal(list[0].id, p1);
	assert_int_equal(list[0].from, D("2025-01-06"));
	assert_int_equal(list[0].to, D("2025-01-19"));
	assert_int_equal(list[1].id, p2);
	assert_int_equal(list[1].to, DATE_NONE);
	assert_int_equal(list[1].percent, 100);

	/* A period between the two fits. */
	bad.case_id = c.id;
	bad.from = D("2025-01-25");
	bad.to = D("2025-01-26");
	assert_ok(store_period_insert(st, &bad, &id, &err), err);
	assert_ok(store_period_list(st, &a, c.id, &list, &n, &err), err);
	assert_int_equal(n, 3);
	assert_int_equal(list[1].id, id);
	assert_int_equal(list[1].percent, 50);

	assert_error(store_period_close(st, p2, D("2025-02-01"), &err), err, SW_EINVAL, "to");
	assert_ok(store_period_close(st, p2, D("2025-02-28"), &err), err);
	struct store_period p;
	assert_ok(store_period_get(st, p2, &p, &err), err);
	assert_int_equal(p.to, D("2025-02-28"));
	assert_error(store_period_close(st, p2, D("2025-03-10"), &err), err, SW_ECONFLICT, "to");
	assert_error(store_period_get(st, 999999, &p, &err), err, SW_ENOTFOUND, "id");
	store_arena_free(&a);
}

static void test_events(void **state)
{
	struct store *st = store_of(state);
	struct sw_error err = { 0 };
	struct store_arena a = { 0 };
	struct small_case c = make_case(st, "events");
	new_period(st, c.id, "2025-01-06", NULL);
	int64_t e2 = new_event(st, c.id, TL_EV_PROBLEEMANALYSE, "2025-02-10", 0, c.boss);
	int64_t e1 = new_event(st, c.id, TL_EV_ZIEKMELDING_ARBODIENST, "2025-01-07", 0, c.boss);
	int64_t iva = new_event(st, c.id, TL_EV_VERVROEGDE_IVA, "2025-03-03", 0, c.boss);

	struct store_event e;
	assert_ok(store_event_get(st, &a, e2, &e, &err), err);
	assert_int_equal(e.kind, TL_EV_PROBLEEMANALYSE);
	assert_int_equal(e.date, D("2025-02-10"));
	assert_int_equal(e.created_by, c.boss);
	assert_null(e.note);

	struct store_event with_note = { .case_id = c.id, .kind = TL_EV_UITSTEL_WIA_AANVRAAG,
					 .date = D("2025-04-01"), .value = 10,
					 .note = "Op verzoek van werknemer", .created_by = c.boss };
	int64_t id;
	assert_ok(store_event_insert(st, &with_note, &id, &err), err);
	assert_ok(store_event_get(st, &a, id, &e, &err), err);
	assert_string_equal(e.note, "Op verzoek van werknemer");
	assert_int_equal(e.value, 10);

	struct store_event *list;
	size_t n;
	assert_ok(store_event_list(st, &a, c.id, &list, &n, &err), err);
	assert_int_equal(n, 4);
	assert_int_equal(list[0].id, e1); /* by date */
	assert_int_equal(list[1].id, e2);
	assert_int_equal(list[2].id, iva);

	/* Rejected by the engine, and not stored. */
	struct store_event bad = { .case_id = c.id, .kind = TL_EV_VERVROEGDE_IVA,
				   .date = D("2025-03-10"), .created_by = c.boss };
	assert_error(store_event_insert(st, &bad, &id, &err), err, SW_EINVAL, "kind");
	bad.kind = TL_EV_LOONSANCTIE;
	bad.value = 0;
	assert_error(store_event_insert(st, &bad, &id, &err), err, SW_EINVAL, "value");
	bad.kind = TL_EV_UITSTEL_WIA_AANVRAAG;
	bad.value = 50; /* 10 + 50 > 52 weeks */
	assert_error(store_event_insert(st, &bad, &id, &err), err, SW_EINVAL, "value");
	bad.kind = (enum tl_event_kind)99;
	assert_error(store_event_insert(st, &bad, &id, &err), err, SW_EINVAL, "kind");
	bad.kind = TL_EV_PLAN_VAN_AANPAK;
	bad.date = DATE_NONE;
	assert_error(store_event_insert(st, &bad, &id, &err), err, SW_EINVAL, "date");
	bad.date = D("2025-02-20");
	bad.created_by = 999999;
	assert_error(store_event_insert(st, &bad, &id, &err), err, SW_ENOTFOUND, "created_by");
	bad.created_by = c.boss;
	bad.case_id = 999999;
	assert_error(store_event_insert(st, &bad, &id, &err), err, SW_ENOTFOUND, "case_id");
	assert_ok(store_event_list(st, &a, c.id, &list, &n, &err), err);
	assert_int_equal(n, 4);
	assert_error(store_event_get(st, &a, 999999, &e, &err), err, SW_ENOTFOUND, "id");
	store_arena_free(&a);
}

static void test_deviations(void **state)
{
	struct store *st = store_of(state);
	struct sw_error err = { 0 };
	struct store_arena a = { 0 };
	struct small_case c = make_case(st, "deviations");
	int64_t stranger = new_user(st, "stranger@deviations.nl", 0);
	new_period(st, c.id, "2025-01-06", NULL);

	struct store_deviation in = { .case_id = c.id, .code = TL_PROBLEEMANALYSE,
				      .agreed_due = D("2025-03-10"), .agreed_by_werkgever = c.boss,
				      .agreed_by_werknemer = c.employee,
				      .reason = "Wachten op specialist" };
	int64_t id;
	assert_ok(store_deviation_insert(st, &in, &id, &err), err);
	struct store_deviation d;
	assert_ok(store_deviation_get(st, &a, id, &d, &err), err);
	assert_int_equal(d.code, TL_PROBLEEMANALYSE);
	assert_int_equal(d.agreed_due, D("2025-03-10"));
	assert_int_equal(d.agreed_by_werkgever, c.boss);
	assert_int_equal(d.agreed_by_werknemer, c.employee);
	assert_string_equal(d.reason, "Wachten op specialist");

	struct store_deviation dropped = in;
	dropped.code = TL_VOORTGANGSGESPREK;
	dropped.agreed_due = DATE_NONE;
	int64_t id2;
	assert_ok(store_deviation_insert(st, &dropped, &id2, &err), err);

	struct store_deviation bad = in;
	bad.agreed_by_werknemer = stranger;
	assert_error(store_deviation_insert(st, &bad, &id, &err), err, SW_EINVAL, "agreed_by_werknemer");
	bad = in;
	bad.agreed_by_werkgever = stranger;
	assert_error(store_deviation_insert(st, &bad, &id, &err), err, SW_EINVAL, "agreed_by_werkgever");
	bad = in;
	bad.agreed_by_werkgever = 999999;
	assert_error(store_deviation_insert(st, &bad, &id, &err), err, SW_ENOTFOUND, "agreed_by_werkgever");
	bad = in;
	bad.reason = "";
	assert_error(store_deviation_insert(st, &bad, &id, &err), err, SW_EINVAL, "reason");
	bad = in;
	bad.code = TL_CODE__COUNT;
	assert_error(store_deviation_insert(st, &bad, &id, &err), err, SW_EINVAL, "code");
	bad = in;
	bad.case_id = 999999;
	assert_error(store_deviation_insert(st, &bad, &id, &err), err, SW_ENOTFOUND, "case_id");

	struct store_deviation *list;
	size_t n;
	assert_ok(store_deviation_list(st, &a, c.id, &list, &n, &err), err);
	assert_int_equal(n, 2);
	assert_int_equal(list[1].id, id2);
	assert_int_equal(list[1].agreed_due, DATE_NONE);
	store_arena_free(&a);
}

/* ---- engine input and deadlines ------------------------------------------ */

static void test_load_input_and_refresh(void **state)
{
	struct store *st = store_of(state);
	struct sw_error err = { 0 };
	struct store_arena a = { 0 };
	struct small_case c = make_case(st, "refresh");
	new_period(st, c.id, "2025-01-06", NULL);
	new_event(st, c.id, TL_EV_PROBLEEMANALYSE, "2025-02-10", 0, c.boss);
	struct store_deviation dev = { .case_id = c.id, .code = TL_EERSTEJAARSEVALUATIE,
				       .agreed_due = D("2026-02-01"), .agreed_by_werkgever = c.boss,
				       .agreed_by_werknemer = c.employee, .reason = "Afgesproken" };
	int64_t id;
	assert_ok(store_deviation_insert(st, &dev, &id, &err), err);

	struct store_case_input in = { 0 };
	assert_ok(store_case_load_input(st, c.id, &in, &err), err);
	assert_int_equal(in.nperiods, 1);
	assert_int_equal(in.periods[0].from, D("2025-01-06"));
	assert_int_equal(in.periods[0].to, DATE_NONE);
	assert_int_equal(in.nevents, 1);
	assert_int_equal(in.events[0].kind, TL_EV_PROBLEEMANALYSE);
	assert_int_equal(in.ndeviations, 1);
	assert_int_equal(in.deviations[0].agreed_due, D("2026-02-01"));

	/* The materialised rows are exactly the engine's answer. */
	const sw_date today = D("2025-03-01");
	struct tl_input view;
	struct tl_timeline tl;
	store_case_input_tl(&in, today, &view);
	assert_int_equal(tl_compute(&view, &tl, NULL), TL_OK);
	for (int round = 0; round < 2; round++) /* a second refresh replaces */
		assert_ok(store_case_refresh_deadlines(st, c.id, today, &err), err);
	struct store_deadline *list;
	size_t n;
	assert_ok(store_deadline_list(st, &a, c.id, &list, &n, &err), err);
	assert_int_equal(n, tl.n);
	int seen_pa = 0, seen_end = 0;
	for (size_t i = 0; i < n; i++) {
		const struct tl_deadline *d = &list[i].d;
		assert_int_equal(list[i].case_id, c.id);
		assert_int_equal(d->code, tl.items[i].code);
		assert_int_equal(d->seq, tl.items[i].seq);
		assert_int_equal(d->due, tl.items[i].due);
		assert_int_equal(d->due_effective, tl.items[i].due_effective);
		assert_int_equal(d->opens, tl.items[i].opens);
		assert_int_equal(d->done, tl.items[i].done);
		assert_int_equal(d->agreed_due, tl.items[i].agreed_due);
		assert_int_equal(d->status, tl.items[i].status);
		assert_int_equal(d->week, tl.items[i].week);
		assert_int_equal(list[i].computed_on, today);
		assert_string_equal(list[i].rule_version, tl.rules->version);
		if (d->code == TL_PROBLEEMANALYSE) {
			seen_pa = 1;
			assert_int_equal(d->due, D("2025-02-16")); /* end of week 6 */
			assert_int_equal(d->done, D("2025-02-10"));
			assert_string_equal(tl_status_name(d->status), "gedaan");
		}
		if (d->code == TL_EINDE_WACHTTIJD) {
			seen_end = 1;
			assert_int_equal(d->due, D("2027-01-03")); /* end of week 104 */
			assert_int_equal(d->due_effective, D("2027-01-04"));
		}
		if (d->code == TL_EERSTEJAARSEVALUATIE)
			assert_int_equal(d->agreed_due, D("2026-02-01"));
	}
	assert_true(seen_pa && seen_end);

	/* A case not reported sick yet has no deadlines. */
	struct small_case empty = make_case(st, "refresh-empty");
	assert_ok(store_case_refresh_deadlines(st, empty.id, today, &err), err);
	assert_ok(store_deadline_list(st, &a, empty.id, &list, &n, &err), err);
	assert_int_equal(n, 0);
	assert_error(store_case_refresh_deadlines(st, 999999, today, &err), err, SW_ENOTFOUND, "case_id");
	assert_error(store_case_load_input(st, 999999, &in, &err), err, SW_ENOTFOUND, "case_id");
	store_case_input_free(&in);
	store_arena_free(&a);
}

/* A store function failing inside the caller's transaction undoes only its
 * own work (savepoints); the caller's rollback undoes everything. */
static void test_nested_transactions(void **state)
{
	struct store *st = store_of(state);
	struct sw_error err = { 0 };
	struct store_arena a = { 0 };
	struct small_case c = make_case(st, "nested");
	new_period(st, c.id, "2025-01-06", "2025-01-31");
	struct db *db = store_db(st);

	assert_ok(db_begin(db, DB_WRITE, &err), err);
	int64_t kept = new_period(st, c.id, "2025-03-01", "2025-03-10");
	struct store_period bad = { .case_id = c.id, .from = D("2025-01-20"), .percent = 100,
				    .to = D("2025-02-02") };
	int64_t id;
	assert_error(store_period_insert(st, &bad, &id, &err), err, SW_EINVAL, "from");
	int64_t later = new_period(st, c.id, "2025-04-01", NULL); /* transaction still usable */
	struct store_period *list;
	size_t n;
	assert_ok(store_period_list(st, &a, c.id, &list, &n, &err), err);
	assert_int_equal(n, 3);
	assert_int_equal(list[1].id, kept);
	assert_int_equal(list[2].id, later);
	db_rollback(db);

	assert_ok(store_period_list(st, &a, c.id, &list, &n, &err), err);
	assert_int_equal(n, 1);
	assert_int_equal(list[0].from, D("2025-01-06"));
	store_arena_free(&a);
}

/* ---- scan -------------------------------------------------------------------- */

struct seen {
	int64_t last_id;
	size_t calls;
	int64_t want_open, want_closed, want_bare;
	int found_open, found_closed, found_bare;
	int stop_after;     /* > 0: fail on that call */
};

static int on_case(const struct store_scan_case *c, void *ctx, struct sw_error *err)
{
	struct seen *s = ctx;
	assert_true(c->case_id > s->last_id); /* ordered, one call per case */
	s->last_id = c->case_id;
	s->calls++;
	if (s->stop_after > 0 && (int)s->calls == s->stop_after)
		return sw_error_set(err, SW_ECONFLICT, "test", "stopped by the callback");
	if (c->case_id == s->want_closed)
		s->found_closed = 1;
	if (c->case_id == s->want_bare) {
		s->found_bare = 1;
		assert_int_equal(c->input.nperiods, 0);
		assert_int_equal(c->input.nevents, 0);
		assert_int_equal(c->nparticipants, 1); /* only the boss */
	}
	if (c->case_id != s->want_open)
		return 0;
	s->found_open = 1;
	assert_string_equal(c->employee_name, "scan.employee@example.nl");
	assert_int_equal(c->input.nperiods, 2);
	assert_int_equal(c->input.periods[0].from, D("2025-01-06"));
	assert_int_equal(c->input.periods[0].to, D("2025-01-19"));
	assert_int_equal(c->input.periods[1].from, D("2025-02-03"));
	assert_int_equal(c->input.periods[1].percent, 60);
	assert_int_equal(c->input.nevents, 2);
	assert_int_equal(c->input.events[0].kind, TL_EV_ZIEKMELDING_ARBODIENST);
	assert_int_equal(c->input.events[1].kind, TL_EV_PROBLEEMANALYSE);
	assert_int_equal(c->input.ndeviations, 1);
	assert_int_equal(c->input.deviations[0].code, TL_PLAN_VAN_AANPAK);
	/* Active on 2025-03-01: employee, boss, new arts; not the old arts
	 * (ended) nor the coach (starts later). */
	assert_int_equal(c->nparticipants, 3);
	int roles = 0;
	for (size_t i = 0; i < c->nparticipants; i++) {
		roles |= 1 << c->participants[i].role;
		if (c->participants[i].role == ROLE_BEDRIJFSARTS) {
			assert_string_equal(c->participants[i].name, "Dr. Nieuw");
			assert_string_equal(c->participants[i].email, "nieuw@scan.nl");
		}
	}
	assert_int_equal(roles, (1 << ROLE_WERKNEMER) | (1 << ROLE_WERKGEVER) | (1 << ROLE_BEDRIJFSARTS));

	struct tl_input in;
	struct tl_timeline tl;
	store_case_input_tl(&c->input, D("2025-03-01"), &in);
	assert_int_equal(tl_compute(&in, &tl, NULL), TL_OK);
	return 0;
}

static int64_t named_user(struct store *st, const char *email, const char *name)
{
	struct sw_error err = { 0 };
	struct store_user u = { .email = email, .name = name };
	int64_t id = 0;
	assert_ok(store_user_insert(st, &u, &id, &err), err);
	return id;
}

static void test_scan(void **state)
{
	struct store *st = store_of(state);
	struct sw_error err = { 0 };
	int64_t id;
	struct small_case open = make_case(st, "scan");
	struct small_case closed = make_case(st, "scan-closed");
	struct small_case bare = make_case(st, "scan-bare");

	/* Inserted out of order; the second is a partial recovery at 60%. */
	struct store_period p2 = { .case_id = open.id, .from = D("2025-02-03"), .to = DATE_NONE,
				   .percent = 60 };
	assert_ok(store_period_insert(st, &p2, &id, &err), err);
	new_period(st, open.id, "2025-01-06", "2025-01-19");
	new_event(st, open.id, TL_EV_PROBLEEMANALYSE, "2025-02-10", 0, open.boss);
	new_event(st, open.id, TL_EV_ZIEKMELDING_ARBODIENST, "2025-01-07", 0, open.boss);
	struct store_deviation dev = { .case_id = open.id, .code = TL_PLAN_VAN_AANPAK,
				       .agreed_due = D("2025-03-20"), .agreed_by_werkgever = open.boss,
				       .agreed_by_werknemer = open.employee, .reason = "Afgesproken" };
	assert_ok(store_deviation_insert(st, &dev, &id, &err), err);
	int64_t old_arts = named_user(st, "oud@scan.nl", "Dr. Oud");
	int64_t new_arts = named_user(st, "nieuw@scan.nl", "Dr. Nieuw");
	int64_t coach = named_user(st, "coach@scan.nl", "Coach");
	new_participation(st, open.id, open.employee, ROLE_WERKNEMER, "2025-01-06", NULL);
	new_participation(st, open.id, old_arts, ROLE_BEDRIJFSARTS, "2025-01-06", "2025-02-28");
	new_participation(st, open.id, new_arts, ROLE_BEDRIJFSARTS, "2025-03-01", NULL);
	new_participation(st, open.id, coach, ROLE_REINTEGRATIEPROFESSIONAL, "2025-03-02", NULL);

	new_period(st, closed.id, "2025-01-06", NULL);
	new_event(st, closed.id, TL_EV_ZIEKMELDING_ARBODIENST, "2025-01-07", 0, closed.boss);
	assert_ok(store_case_set_status(st, closed.id, STORE_CASE_GESLOTEN, &err), err);

	struct seen s = { .want_open = open.id, .want_closed = closed.id, .want_bare = bare.id };
	assert_ok(store_scan_cases(st, D("2025-03-01"), on_case, &s, &err), err);
	assert_true(s.found_open);
	assert_false(s.found_closed);
	assert_true(s.found_bare);
	assert_true(s.calls >= 2);

	/* The callback can stop the scan with its own error. */
	struct seen stop = { .stop_after = 1 };
	assert_error(store_scan_cases(st, D("2025-03-01"), on_case, &stop, &err), err, SW_ECONFLICT,
		     "test");
	assert_int_equal(stop.calls, 1);

	/* The connection is fine afterwards: the scan's transaction ended. */
	new_period(st, bare.id, "2025-01-06", NULL);
}

/* ---- seed -------------------------------------------------------------------- */

static size_t count_orgs(struct store *st)
{
	struct sw_error err = { 0 };
	struct store_arena a = { 0 };
	struct store_org *list;
	size_t n = 0;
	assert_ok(store_org_list(st, &a, &list, &n, &err), err);
	store_arena_free(&a);
	return n;
}

struct seed_seen {
	size_t cases;
	int overdue_pa;
};

static int on_seed_case(const struct store_scan_case *c, void *ctx, struct sw_error *err)
{
	(void)err;
	struct seed_seen *s = ctx;
	struct tl_input in;
	struct tl_timeline tl;
	if (strcmp(c->employee_name, "Yusuf Kaya") == 0 || strcmp(c->employee_name, "Sanne de Vries") == 0)
		s->cases++;
	if (c->input.nperiods == 0)
		return 0;
	store_case_input_tl(&c->input, D("2025-06-02"), &in);
	assert_int_equal(tl_compute(&in, &tl, NULL), TL_OK);
	if (strcmp(c->employee_name, "Yusuf Kaya") == 0) {
		assert_int_equal(tl.week, 7);
		for (size_t i = 0; i < tl.n; i++)
			if (tl.items[i].code == TL_PROBLEEMANALYSE && tl.items[i].status == TL_TE_LAAT)
				s->overdue_pa = 1;
	}
	return 0;
}

static void test_seed_idempotent(void **state)
{
	struct store *st = store_of(state);
	struct sw_error err = { 0 };
	struct store_arena a = { 0 };
	const size_t before = count_orgs(st);
	assert_int_equal(store_seed_demo(st, D("2025-06-02"), &err), 0);
	const size_t after = count_orgs(st);
	assert_int_equal(after, before + 5);
	assert_int_equal(store_seed_demo(st, D("2025-06-02"), &err), 1);
	assert_int_equal(count_orgs(st), after);

	struct store_user u;
	assert_ok(store_user_get_by_email(st, &a, "werknemer@demo.spoorwijzer.nl", &u, &err), err);
	struct store_case_filter f = { .participant_id = u.id };
	struct store_case *cases;
	size_t n;
	assert_ok(store_case_list(st, &a, &f, &cases, &n, &err), err);
	assert_int_equal(n, 1);
	struct store_deadline *dl;
	size_t ndl;
	assert_ok(store_deadline_list(st, &a, cases[0].id, &dl, &ndl, &err), err);
	assert_true(ndl >= TL_CODE__COUNT);
	int afwijking = 0;
	for (size_t i = 0; i < ndl; i++)
		if (dl[i].d.code == TL_EERSTEJAARSEVALUATIE && dl[i].d.status == TL_AFWIJKING)
			afwijking = 1;
	assert_true(afwijking);
	struct store_deviation *devs;
	assert_ok(store_deviation_list(st, &a, cases[0].id, &devs, &n, &err), err);
	assert_int_equal(n, 1);

	static const char *const emails[] = {
		"werkgever@demo.spoorwijzer.nl", "bedrijfsarts@demo.spoorwijzer.nl",
		"arbeidsdeskundige@demo.spoorwijzer.nl", "re-integratieprofessional@demo.spoorwijzer.nl",
		"netwerkwerkgever@demo.spoorwijzer.nl", "beheerder@demo.spoorwijzer.nl",
	};
	for (size_t i = 0; i < sizeof emails / sizeof emails[0]; i++)
		assert_ok(store_user_get_by_email(st, &a, emails[i], &u, &err), err);

	struct seed_seen s = { 0 };
	assert_ok(store_scan_cases(st, D("2025-06-02"), on_seed_case, &s, &err), err);
	assert_int_equal(s.cases, 2);
	assert_true(s.overdue_pa);
	store_arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_migrate_twice),
		cmocka_unit_test(test_db_params_and_nulls),
		cmocka_unit_test(test_db_streams_side_by_side),
		cmocka_unit_test(test_orgs),
		cmocka_unit_test(test_users),
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_participations),
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_events),
		cmocka_unit_test(test_deviations),
		cmocka_unit_test(test_load_input_and_refresh),
		cmocka_unit_test(test_nested_transactions),
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_seed_idempotent),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
