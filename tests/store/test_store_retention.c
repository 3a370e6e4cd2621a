/* test_store_retention.c - `spoorwijzer retention run` (the binary in
 * $BUILD) against the real database ($SW_TEST_DATABASE or a temporary
 * SQLite file, migrated and seeded): a dry run lists and changes nothing;
 * a run removes exactly the closed cases whose term passed, with their
 * attachments and sealed medical notes, keeps the others, and writes what
 * it removed (counts, not content) to the audit log. */
#include <setjmp.h>
#include <stdarg.h>
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

static sw_date D(const char *s)
{
	sw_date d;
	if (date_parse(s, &d) != 0)
		fail_msg("bad date %s", s);
	return d;
}

static int setup(void **state)
{
	(void)state;
	struct sw_error err = { 0 };
	snprintf(dir, sizeof dir, "/tmp/sw-test-retention-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return -1;
	const char *env = getenv("SW_TEST_DATABASE");
	if (env != NULL && strncmp(env, "postgres", 8) == 0)
		snprintf(url, sizeof url, "%s", env);
	else
		snprintf(url, sizeof url, "sqlite:%s/retention.db", dir);
	if ((ST = store_open(url, &err)) == NULL)
		return -1;
	if (db_dialect(store_db(ST)) == DB_POSTGRESQL &&
	    db_exec(store_db(ST), "DROP SCHEMA public CASCADE; CREATE SCHEMA public", &err) != 0)
		return -1;
	if (store_migrate(ST, NULL, &err) != 0 || store_seed_demo(ST, D("2026-03-02"), &err) != 0) {
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

/* `spoorwijzer ARGS`, its output in dir/out.txt; its exit status. */
static int spoorwijzer(const char *args)
{
	const char *build = getenv("BUILD");
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "%s/spoorwijzer %s >%s/out.txt 2>&1",
		 build != NULL && *build ? build : "build/asan", args, dir);
	const int rc = system(cmd);
	return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

static char *output(void)
{
	static char buf[8192];
	char path[256];
	snprintf(path, sizeof path, "%s/out.txt", dir);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	const size_t n = fread(buf, 1, sizeof buf - 1, f);
	buf[n] = '\0';
	fclose(f);
	return buf;
}

static int64_t scalar(const char *sql, int64_t arg)
{
	struct sw_error err = { 0 };
	struct db_stmt *q = db_prepare(store_db(ST), sql, 0, &err);
	int64_t v = -1;
	if (q == NULL)
		fail_msg("%s: %s", sql, err.message);
	db_bind_int(q, 1, arg);
	if (db_run_id(q, &v, &err) != 0)
		fail_msg("%s: %s", sql, err.message);
	db_stmt_free(q);
	return v;
}

static void exec(const char *sql)
{
	struct sw_error err = { 0 };
	if (db_exec(store_db(ST), sql, &err) != 0)
		fail_msg("%s: %s", sql, err.message);
}

/* ---- the cases ---- */

static int64_t org, author;

static int64_t user(const char *email)
{
	struct sw_error err = { 0 };
	const struct store_user u = { .email = email, .name = email, .organisation_id = org };
	int64_t id;
	if (store_user_insert(ST, &u, &id, &err) != 0)
		fail_msg("user: %s", err.message);
	return id;
}

/* A case of employee from `from` to `to` (NULL: open period), closed
 * when closed, with an employment until job_end ("open": no end, NULL:
 * none recorded). */
static int64_t add_case(int64_t employee, const char *from, const char *to, int closed,
			const char *job_end)
{
	struct sw_error err = { 0 };
	char number[32];
	snprintf(number, sizeof number, "R%lld", (long long)employee);
	int64_t person = 0, id, pid;
	if (store_person_of_user(ST, employee, org, &person, &err) != 0)
		fail_msg("person: %s", err.message);
	const struct store_person sp = { .organisation_id = org, .personnel_number = number,
					 .name = number, .birth_date = DATE_NONE,
					 .user_id = employee };
	if (person == 0 && store_person_insert(ST, &sp, &person, &err) != 0)
		fail_msg("person: %s", err.message);
	const struct store_case c = { .organisation_id = org, .person_id = person,
				      .status = STORE_CASE_OPEN, .expected_recovery = DATE_NONE };
	if (store_case_insert(ST, &c, &id, &err) != 0)
		fail_msg("case: %s", err.message);
	const struct store_period p = { .case_id = id, .from = D(from),
					.to = to != NULL ? D(to) : DATE_NONE, .percent = 100 };
	if (store_period_insert(ST, &p, &pid, &err) != 0)
		fail_msg("period: %s", err.message);
	if (closed && store_case_set_status(ST, id, STORE_CASE_GESLOTEN, &err) != 0)
		fail_msg("status: %s", err.message);
	if (job_end != NULL) {
		char sql[300];
		char until[16];
		snprintf(until, sizeof until, "'%s'", job_end);
		snprintf(sql, sizeof sql,
			 "INSERT INTO employments (person_id, organisation_id, from_date, until_date,"
			 " contract_hours, norm_hours, factor)"
			 " VALUES (%lld, %lld, '2015-01-01', %s, 36, 36, 1)",
			 (long long)person, (long long)org,
			 strcmp(job_end, "open") == 0 ? "NULL" : until);
		exec(sql);
	}
	return id;
}

/* What hangs off a case: an event, a message, a document with an
 * attachment, a sealed medical note, a consent, an audit row. */
static void fill(int64_t case_id)
{
	struct sw_error err = { 0 };
	char sql[400];
	int64_t id;
	const struct store_event e = { .case_id = case_id, .kind = TL_EV_ZIEKMELDING_ARBODIENST,
				       .date = D("2021-01-05"), .created_by = author };
	if (store_event_insert(ST, &e, &id, &err) != 0)
		fail_msg("event: %s", err.message);
	assert_int_equal(store_case_refresh_deadlines(ST, case_id, D("2026-03-02"), &err), 0);
	const struct store_message m = { .case_id = case_id, .author_id = author,
					 .author_role = ROLE_WERKGEVER, .body = "bericht" };
	assert_int_equal(store_message_insert(ST, &m, &id, &err), 0);
	uint8_t key[STORE_MEDICAL_KEY_BYTES] = { 7 };
	const struct store_medical_note n = { .case_id = case_id, .author_id = author,
					      .kind = STORE_MEDICAL_NOTITIE,
					      .text = "medische notitie" };
	assert_int_equal(store_medical_insert(ST, key, &n, &id, &err), 0);
	snprintf(sql, sizeof sql,
		 "INSERT INTO documents (case_id, type, created_by, created_role)"
		 " VALUES (%lld, 'probleemanalyse', %lld, 'bedrijfsarts')",
		 (long long)case_id, (long long)author);
	exec(sql);
	const int64_t doc = scalar("SELECT MAX(id) FROM documents WHERE case_id = $1", case_id);
	snprintf(sql, sizeof sql,
		 "INSERT INTO document_attachments (document_id, content_type, size, sha256, data,"
		 " created_by) VALUES (%lld, 'application/pdf', 4, 'x', 'JVBERg==', %lld)",
		 (long long)doc, (long long)author);
	exec(sql);
	snprintf(sql, sizeof sql,
		 "INSERT INTO consents (case_id, kind, given_on) VALUES (%lld,"
		 " 'zoekprofiel_netwerk', '2021-02-01')", (long long)case_id);
	exec(sql);
	const struct store_audit a = { .user_id = author, .case_id = case_id, .action = "read",
				       .resource = "case", .what = "GET /api/v1/cases/x",
				       .outcome = "allow", .reason = "allowed", .client_addr = "::1" };
	assert_int_equal(store_audit_append(ST, &a, &err), 0);
}

/* Rows of the case anywhere but in the audit log. */
static int64_t rows_of(int64_t case_id)
{
	static const char *const tables[] = {
		"sick_periods", "events", "deadlines", "documents", "medical_notes", "messages",
		"consents", "participations", "decisions", "placements", "zoekprofielen",
		"pipeline_entries", "info_reads", "network_alerts", NULL,
	};
	int64_t n = 0;
	for (int i = 0; tables[i] != NULL; i++) {
		char sql[128];
		snprintf(sql, sizeof sql, "SELECT COUNT(*) FROM %s WHERE case_id = $1", tables[i]);
		n += scalar(sql, case_id);
	}
	return n + scalar("SELECT COUNT(*) FROM cases WHERE id = $1", case_id);
}

static void test_retention_run(void **state)
{
	(void)state;
	struct sw_error err = { 0 };
	const struct store_org o = { .name = "Oud Bedrijf BV", .kind = STORE_ORG_WERKGEVER };
	assert_int_equal(store_org_insert(ST, &o, &org, &err), 0);
	author = user("auteur@oud.example");
	/* Ended in 2021, left the employer end of 2021: due 2024-01-01. */
	const int64_t gone = add_case(user("a@oud.example"), "2021-01-04", "2021-06-30", 1,
				      "2021-12-31");
	/* Ended in 2021, but employed until mid 2025: due 2027-07-01. */
	const int64_t employed_long = add_case(user("b@oud.example"), "2021-01-04", "2021-06-30",
					       1, "2025-06-30");
	/* Still employed. */
	const int64_t employed = add_case(user("c@oud.example"), "2019-01-07", "2019-03-31", 1,
					  "open");
	/* Not closed. */
	const int64_t open = add_case(user("d@oud.example"), "2019-01-07", "2019-03-31", 0,
				      "2019-12-31");
	/* Closed, no employment recorded: the end of the case alone. */
	const int64_t no_job = add_case(user("e@oud.example"), "2020-01-06", "2020-02-28", 1, NULL);
	fill(gone);
	fill(employed_long);
	const int64_t gone_rows = rows_of(gone);
	assert_true(gone_rows > 8);
	const int64_t audit_before = scalar("SELECT COUNT(*) FROM audit_log WHERE case_id = $1", gone);
	const int64_t attachments = scalar("SELECT COUNT(*) FROM document_attachments", 0);
	const int64_t notes = scalar("SELECT COUNT(*) FROM medical_notes", 0);

	char args[1024];
	snprintf(args, sizeof args, "retention run --database '%s' --date 2026-03-02 --dry-run", url);
	assert_int_equal(spoorwijzer(args), 0);
	char *out = output();
	char want[160];
	snprintf(want, sizeof want, "case %lld would be removed (term passed on 2024-01-01)",
		 (long long)gone);
	if (strstr(out, want) == NULL)
		fail_msg("dry run said: %s", out);
	assert_non_null(strstr(out, "1 attachments, 1 medical notes"));
	snprintf(want, sizeof want, "case %lld would be removed (term passed on 2022-02-28)",
		 (long long)no_job);
	assert_non_null(strstr(out, want));
	assert_non_null(strstr(out, "2 of "));
	assert_int_equal(rows_of(gone), gone_rows);          /* nothing changed */
	assert_int_equal(scalar("SELECT COUNT(*) FROM audit_log WHERE case_id = $1", gone),
			 audit_before);

	snprintf(args, sizeof args, "retention run --database '%s' --date 2026-03-02", url);
	assert_int_equal(spoorwijzer(args), 0);
	out = output();
	snprintf(want, sizeof want, "case %lld removed (term passed on 2024-01-01)",
		 (long long)gone);
	if (strstr(out, want) == NULL)
		fail_msg("run said: %s", out);
	assert_int_equal(rows_of(gone), 0);
	assert_int_equal(rows_of(no_job), 0);
	assert_int_equal(scalar("SELECT COUNT(*) FROM document_attachments", 0), attachments - 1);
	assert_int_equal(scalar("SELECT COUNT(*) FROM medical_notes", 0), notes - 1);
	/* Kept: the others, whole. */
	assert_true(rows_of(employed_long) > 8);
	assert_true(rows_of(employed) > 0);
	assert_true(rows_of(open) > 0);
	/* The audit log keeps the case's rows and says what went, not what it said. */
	assert_int_equal(scalar("SELECT COUNT(*) FROM audit_log WHERE case_id = $1", gone),
			 audit_before + 1);
	struct store_arena a = { 0 };
	struct store_audit *rows;
	size_t n;
	assert_int_equal(store_audit_list_case(ST, &a, gone, 1, &rows, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_string_equal(rows[0].resource, "retention");
	assert_string_equal(rows[0].action, "write");
	assert_non_null(strstr(rows[0].what, "1 attachments, 1 medical notes, 1 messages"));
	assert_null(strstr(rows[0].what, "bericht"));
	assert_string_equal(rows[0].reason, "retention_term_passed 2024-01-01");
	store_arena_free(&a);

	/* Run again: nothing left to remove. */
	assert_int_equal(spoorwijzer(args), 0);
	assert_non_null(strstr(output(), "0 of "));
	/* A longer term keeps what is left. */
	snprintf(args, sizeof args, "retention run --database '%s' --years 0", url);
	assert_int_equal(spoorwijzer(args), 2);
	assert_int_equal(spoorwijzer("retention --database sqlite:/tmp/x.db"), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_retention_run),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
