/* test_api_cases.c - /api/v1/cases over TCP against the real server, the
 * real store ($SW_TEST_DATABASE, migrated and seeded on 2026-03-02) and
 * libcurl: the role matrix of the seeded demo users (DOMAIN.md section 2),
 * the sick report, periods, events, deadlines and the audit log, which the
 * database itself keeps append-only.
 *
 * Seeded cases by id: 1 Daan, 2 Yusuf, 3 Ingrid, 4 Sanne (the werknemer
 * demo user; werkgever, bedrijfsarts, arbeidsdeskundige and coach take
 * part), 5 Kees (also the netwerkwerkgever), 6 Naima, 7 Tom. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-cases.db"
#include "http/api_harness.h"

/* ---- helpers ---- */

#define SANNE_CASE 4
#define KEES_CASE 5

/* A user with the demo password, in organisation org (0: none). */
static int64_t add_user(const char *email, const char *name, int64_t org)
{
	struct sw_error err = { 0 };
	char hash[CRYPTO_PWHASH_STRLEN];
	assert_int_equal(crypto_password_hash(PASSWORD, hash), 0);
	const struct store_user u = { .email = email, .name = name, .password_hash = hash,
				      .organisation_id = org };
	int64_t id;
	if (store_user_insert(F->st, &u, &id, &err) != 0)
		fail_msg("add_user: %s", err.message);
	return id;
}

/* ---- tests ---- */

#define EVENT_BODY "{\"kind\":\"voortgangsgesprek\",\"date\":\"2026-03-01\"}"

static void test_role_matrix(void **state)
{
	(void)state;
	/* A werkgever of another organisation, even with a (bogus)
	 * werkgever participation in the case. */
	struct sw_error err = { 0 };
	const struct store_org other = { .name = "Ander Bedrijf BV", .kind = STORE_ORG_WERKGEVER };
	int64_t other_org, pid;
	assert_int_equal(store_org_insert(F->st, &other, &other_org, &err), 0);
	const int64_t vreemd = add_user("vreemd@ander.example", "Vera Vreemd", other_org);
	const struct store_participation p = { .case_id = SANNE_CASE, .user_id = vreemd,
					       .role = ROLE_WERKGEVER, .from = 0,
					       .until = DATE_NONE };
	struct store_participation pp = p;
	date_parse("2025-01-01", &pp.from);
	assert_int_equal(store_participation_insert(F->st, &pp, &pid, &err), 0);

	static const struct {
		const char *who;
		long list, get, deadlines, access_log, post_event;
	} m[] = {
		{ "werknemer", 200, 200, 200, 200, 403 },
		{ "werkgever", 200, 200, 200, 403, 201 },
		/* A voortgangsgesprek is the werkgever's step (src/core/steps.c). */
		{ "bedrijfsarts", 200, 200, 200, 403, 403 },
		{ "arbeidsdeskundige", 200, 200, 200, 403, 403 },
		{ "re-integratieprofessional", 200, 200, 200, 403, 403 },
		{ "netwerkwerkgever", 200, 404, 404, 404, 404 },
		{ "beheerder", 403, 404, 404, 404, 404 },
		{ "vreemd@ander.example", 200, 404, 404, 404, 404 },
		{ "daan.bakker", 200, 404, 404, 404, 404 },
	};
	char path[128];
	for (size_t i = 0; i < sizeof m / sizeof m[0]; i++) {
		const char *w = m[i].who;
		long s;
		if ((s = status_of(w, "GET", "/api/v1/cases", NULL)) != m[i].list)
			fail_msg("%s list: %ld, want %ld", w, s, m[i].list);
		snprintf(path, sizeof path, "/api/v1/cases/%d", SANNE_CASE);
		if ((s = status_of(w, "GET", path, NULL)) != m[i].get)
			fail_msg("%s get: %ld, want %ld", w, s, m[i].get);
		snprintf(path, sizeof path, "/api/v1/cases/%d/deadlines", SANNE_CASE);
		if ((s = status_of(w, "GET", path, NULL)) != m[i].deadlines)
			fail_msg("%s deadlines: %ld, want %ld", w, s, m[i].deadlines);
		snprintf(path, sizeof path, "/api/v1/cases/%d/access-log", SANNE_CASE);
		if ((s = status_of(w, "GET", path, NULL)) != m[i].access_log)
			fail_msg("%s access-log: %ld, want %ld", w, s, m[i].access_log);
		snprintf(path, sizeof path, "/api/v1/cases/%d/events", SANNE_CASE);
		if ((s = status_of(w, "POST", path, EVENT_BODY)) != m[i].post_event)
			fail_msg("%s post event: %ld, want %ld", w, s, m[i].post_event);
	}
	/* The netwerkwerkgever takes part in Kees's case, but only for the
	 * search profile: the case itself does not exist for them. */
	snprintf(path, sizeof path, "/api/v1/cases/%d", KEES_CASE);
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);
	snprintf(path, sizeof path, "/api/v1/cases/%d/deadlines", KEES_CASE);
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);
}

static void test_list(void **state)
{
	(void)state;
	struct reply r;
	call(as("werknemer"), "GET", "/api/v1/cases", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	json_t *items = json_object_get(r.json, "items");
	assert_int_equal(json_array_size(items), 1);
	json_t *it = json_array_get(items, 0);
	assert_int_equal(json_integer_value(json_object_get(it, "id")), SANNE_CASE);
	assert_string_equal(json_string_value(json_object_get(it, "my_role")), "werknemer");
	assert_string_equal(json_string_value(json_object_get(json_object_get(it, "employee"), "name")),
			    "Sanne de Vries");
	assert_int_equal(json_integer_value(json_object_get(r.json, "total")), 1);
	reply_free(&r);

	call(as("werkgever"), "GET", "/api/v1/cases?per_page=2&page=2", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 2);
	assert_true(json_integer_value(json_object_get(r.json, "total")) >= 7);
	reply_free(&r);

	/* Yusuf's case (2) is in week 7 without probleemanalyse: overdue. */
	call(as("werkgever"), "GET", "/api/v1/cases?per_page=100", NULL, 0, &r);
	json_t *yusuf = json_array_get(json_object_get(r.json, "items"), 1);
	assert_int_equal(json_integer_value(json_object_get(yusuf, "id")), 2);
	assert_int_equal(json_integer_value(json_object_get(yusuf, "week")), 7);
	assert_true(json_integer_value(json_object_get(yusuf, "overdue")) >= 1);
	assert_string_equal(json_string_value(json_object_get(
				    json_object_get(yusuf, "next_deadline"), "code")),
			    "probleemanalyse");
	reply_free(&r);

	/* The session names the roles in force today (for the portal's menu). */
	call(as("werknemer"), "GET", "/api/v1/session", NULL, 0, &r);
	json_t *roles = json_object_get(json_object_get(r.json, "user"), "roles");
	assert_int_equal(json_array_size(roles), 1);
	assert_string_equal(json_string_value(json_array_get(roles, 0)), "werknemer");
	reply_free(&r);
	call(as("beheerder"), "GET", "/api/v1/session", NULL, 0, &r);
	roles = json_object_get(json_object_get(r.json, "user"), "roles");
	assert_int_equal(json_array_size(roles), 1);
	assert_string_equal(json_string_value(json_array_get(roles, 0)), "beheerder");
	reply_free(&r);

	call(as("netwerkwerkgever"), "GET", "/api/v1/cases", NULL, 0, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 0);
	reply_free(&r);

	call(as("werkgever"), "GET", "/api/v1/cases?per_page=101", NULL, 0, &r);
	assert_error(&r, 422, "invalid", "per_page");
	reply_free(&r);
	call(as("werkgever"), "GET", "/api/v1/cases?status=dicht", NULL, 0, &r);
	assert_error(&r, 422, "invalid", "status");
	reply_free(&r);
	/* Naima recovered: a full recovery closes the case. */
	call(as("werkgever"), "GET", "/api/v1/cases?status=gesloten", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	reply_free(&r);
}

static void test_get_case(void **state)
{
	(void)state;
	struct reply r;
	call(as("werkgever"), "GET", "/api/v1/cases/4", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(json_string_value(json_object_get(r.json, "my_role")), "werkgever");
	json_t *zm = json_object_get(r.json, "ziekmelding");
	assert_true(json_is_true(json_object_get(zm, "vangnet")));
	assert_int_equal(json_array_size(json_object_get(r.json, "periods")), 1);
	assert_true(json_array_size(json_object_get(r.json, "participants")) >= 5);
	reply_free(&r);

	call(as("werkgever"), "GET", "/api/v1/cases/999", NULL, 0, &r);
	assert_error(&r, 404, "not_found", "id");
	reply_free(&r);
	call(as("werkgever"), "GET", "/api/v1/cases/abc", NULL, 0, &r);
	assert_error(&r, 404, "not_found", "id");
	reply_free(&r);
	call(as("werkgever"), "GET", "/api/v1/cases/04", NULL, 0, &r);
	assert_error(&r, 404, "not_found", "id");
	reply_free(&r);

	call(as("werkgever"), "GET", "/api/v1/cases/4/deadlines", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_true(json_array_size(json_object_get(r.json, "deadlines")) > 5);
	reply_free(&r);
}

/* The person of the demo register with this personnel number (1014,
 * 1016: people without an account or case). */
static int64_t person(const char *number)
{
	return count(strcmp(number, "1014") == 0
			     ? "SELECT MIN(id) FROM persons WHERE personnel_number = '1014' AND $1 = 0"
			     : "SELECT MIN(id) FROM persons WHERE personnel_number = '1016' AND $1 = 0",
		     0);
}

static void test_create_case(void **state)
{
	(void)state;
	const int64_t joris = person("1014");   /* Groen, no account, no case */
	const int64_t mehmet = person("1016");  /* Wegen, no account, no case */
	const int64_t before = count("SELECT COUNT(*) FROM cases WHERE id > $1", 0);
	char body[512];
	struct reply r;

	/* No medical data at a sick report: the field does not exist. */
	snprintf(body, sizeof body,
		 "{\"person_id\":%lld,\"first_sick_day\":\"2026-02-27\",\"diagnose\":\"griep\"}",
		 (long long)joris);
	call(as("werkgever"), "POST", "/api/v1/cases", body, 1, &r);
	assert_error(&r, 422, "invalid", "diagnose");
	reply_free(&r);
	/* Bad input: a bad date, more than a week ahead, before the
	 * employment, three decimals, outside 1..100, an unknown person. */
	static const struct { const char *extra, *field; } bad[] = {
		{ "\"first_sick_day\":\"2026-02-30\"", "first_sick_day" },
		{ "\"first_sick_day\":\"2026-03-10\"", "first_sick_day" },
		{ "\"first_sick_day\":\"2020-01-01\"", "first_sick_day" },
		{ "\"first_sick_day\":\"2026-02-27\",\"percent\":50.255", "percent" },
		{ "\"first_sick_day\":\"2026-02-27\",\"percent\":0", "percent" },
		{ "\"first_sick_day\":\"2026-02-27\",\"percent\":101", "percent" },
		{ "\"first_sick_day\":\"2026-02-27\",\"expected_recovery\":\"2026-02-20\"",
		  "expected_recovery" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(body, sizeof body, "{\"person_id\":%lld,%s}", (long long)joris, bad[i].extra);
		call(as("werkgever"), "POST", "/api/v1/cases", body, 1, &r);
		assert_error(&r, 422, "invalid", bad[i].field);
		reply_free(&r);
	}
	call(as("werkgever"), "POST", "/api/v1/cases",
	     "{\"person_id\":999999,\"first_sick_day\":\"2026-02-27\"}", 1, &r);
	assert_error(&r, 422, "invalid", "person_id");
	reply_free(&r);
	/* A werknemer reporting a colleague, a beheerder, a bedrijfsarts, the
	 * hr-analist and the organisation's beheerder: refused. */
	snprintf(body, sizeof body, "{\"person_id\":%lld,\"first_sick_day\":\"2026-02-27\"}",
		 (long long)joris);
	static const char *const refused[] = { "werknemer", "daan.bakker", "hr-analist",
					       "orgbeheerder", "casemanager2" };
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++)
		if (status_of(refused[i], "POST", "/api/v1/cases", body) != 403)
			fail_msg("%s may report a colleague", refused[i]);
	/* Outside the organisation the person is not even named. */
	assert_int_equal(status_of("beheerder", "POST", "/api/v1/cases", body), 422);
	assert_int_equal(status_of("bedrijfsarts", "POST", "/api/v1/cases", body), 422);
	assert_int_equal(count("SELECT COUNT(*) FROM cases WHERE id > $1", 0), before);

	/* The leidinggevende reports a team member: the casemanager is Mark. */
	snprintf(body, sizeof body,
		 "{\"person_id\":%lld,\"first_sick_day\":\"2026-02-27\",\"percent\":50.25,"
		 "\"contact_phone\":\"06-12345678\",\"verwachte_duur\":\"1 week\",\"vangnet\":true}",
		 (long long)joris);
	call(as("leidinggevende"), "POST", "/api/v1/cases", body, 1, &r);
	if (r.status != 201)
		fail_msg("create: %ld %s", r.status, r.body);
	const int64_t id = json_integer_value(json_object_get(r.json, "id"));
	assert_string_equal(json_string_value(json_object_get(r.json, "my_role")), "leidinggevende");
	assert_string_equal(json_string_value(json_object_get(r.json, "reported_role")),
			    "leidinggevende");
	assert_string_equal(json_string_value(json_object_get(json_object_get(r.json, "casemanager"),
							      "name")),
			    "Mark Janssens");
	assert_int_equal(json_array_size(json_object_get(r.json, "periods")), 1);
	reply_free(&r);
	assert_true(count("SELECT COUNT(*) FROM deadlines WHERE case_id = $1", id) > 0);
	assert_int_equal(count("SELECT percent_bp FROM sick_periods WHERE case_id = $1", id), 5025);

	/* Of the dossier the leidinggevende reads only the plan van aanpak and
	 * the voortgangsgesprekken they attended: the employer's vision is
	 * left out of their listing and refused when asked for directly. */
	char docs[96], doc[128];
	snprintf(docs, sizeof docs, "/api/v1/cases/%lld/documents", (long long)id);
	call(as("werkgever"), "POST", docs,
	     "{\"type\":\"visie_werkgever\",\"content\":{\"datum\":\"2026-02-28\","
	     "\"visie\":\"Terug in eigen werk.\"}}", 1, &r);
	assert_int_equal(r.status, 201);
	snprintf(doc, sizeof doc, "%s/%lld", docs,
		 (long long)json_integer_value(json_object_get(r.json, "id")));
	reply_free(&r);
	call(as("werkgever"), "GET", docs, NULL, 0, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	reply_free(&r);
	call(as("leidinggevende"), "GET", docs, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 0);
	reply_free(&r);
	assert_int_equal(status_of("leidinggevende", "GET", doc, NULL), 403);

	/* A second report for the same employment: 409 naming the open case. */
	call(as("werkgever"), "POST", "/api/v1/cases", body, 1, &r);
	assert_error(&r, 409, "conflict", "person_id");
	assert_int_equal(json_integer_value(json_object_get(json_object_get(r.json, "error"),
							    "case_id")),
			 id);
	reply_free(&r);
	/* The casemanager of Reiniging does not see a Groen case: 404; Mark does. */
	char path[128];
	snprintf(path, sizeof path, "/api/v1/cases/%lld", (long long)id);
	assert_int_equal(status_of("casemanager2", "GET", path, NULL), 404);
	assert_int_equal(status_of("hr-analist", "GET", path, NULL), 404);
	assert_int_equal(status_of("orgbeheerder", "GET", path, NULL), 404);
	assert_int_equal(status_of("werkgever", "GET", path, NULL), 200);

	/* Mutations: a change, a partial and a full recovery, bad input. */
	snprintf(path, sizeof path, "/api/v1/cases/%lld/sickness", (long long)id);
	call(as("werkgever"), "POST", path, "{\"kind\":\"herstel\",\"date\":\"2026-02-27\"}", 1, &r);
	assert_error(&r, 422, "invalid", "date");
	reply_free(&r);
	call(as("werkgever"), "POST", path, "{\"kind\":\"wijziging\",\"date\":\"2026-02-28\"}", 1, &r);
	assert_error(&r, 422, "invalid", "percent");
	reply_free(&r);
	call(as("leidinggevende"), "POST", path,
	     "{\"kind\":\"wijziging\",\"date\":\"2026-02-28\",\"percent\":100}", 1, &r);
	assert_int_equal(r.status, 201);
	reply_free(&r);
	call(as("werkgever"), "POST", path,
	     "{\"kind\":\"herstel\",\"date\":\"2026-03-01\",\"percent\":40}", 1, &r);
	assert_int_equal(r.status, 201);
	assert_true(json_is_true(json_object_get(json_object_get(r.json, "state"), "sick")));
	reply_free(&r);
	call(as("werkgever"), "POST", path,
	     "{\"kind\":\"herstel\",\"date\":\"2026-03-02\",\"end_reason\":\"hersteld\"}", 1, &r);
	assert_int_equal(r.status, 201);
	assert_false(json_is_true(json_object_get(json_object_get(r.json, "state"), "sick")));
	assert_int_equal(json_array_size(json_object_get(r.json, "segments")), 3);
	/* Each mutation names who recorded it. */
	const json_t *ms = json_object_get(r.json, "mutations");
	assert_string_equal(json_string_value(json_object_get(
				    json_array_get(ms, json_array_size(ms) - 1), "recorded_by_name")),
			    "Mark Janssens");
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM cases WHERE id = $1 AND status = 'gesloten'", id),
			 1);
	/* Every earlier state. */
	const int64_t first = count("SELECT MIN(id) FROM sickness_mutations WHERE case_id = $1", id);
	char asof[160];
	snprintf(asof, sizeof asof, "%s?as_of=%lld", path, (long long)first);
	call(as("werkgever"), "GET", asof, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_array_size(json_object_get(r.json, "segments")), 1);
	reply_free(&r);
	/* Correction of the first sick day, then withdrawal of the report:
	 * the case leaves the lists. */
	char mpath[200];
	snprintf(mpath, sizeof mpath, "%s/%lld/correction", path, (long long)first);
	call(as("werkgever"), "POST", mpath, "{\"date\":\"2026-02-26\"}", 1, &r);
	assert_error(&r, 422, "invalid", "reason");
	reply_free(&r);
	call(as("werkgever"), "POST", mpath,
	     "{\"date\":\"2026-02-26\",\"reason\":\"Een dag eerder ziek geworden.\"}", 1, &r);
	assert_int_equal(r.status, 201);
	assert_string_equal(json_string_value(json_object_get(json_object_get(r.json, "state"),
							      "first_sick_day")),
			    "2026-02-26");
	reply_free(&r);
	snprintf(mpath, sizeof mpath, "%s/%lld/withdrawal", path, (long long)first);
	call(as("werkgever"), "POST", mpath, "{\"reason\":\"Verkeerde medewerker gekozen.\"}", 1, &r);
	assert_int_equal(r.status, 201);
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM cases WHERE id = $1 AND status = 'ingetrokken'",
			       id), 1);
	snprintf(path, sizeof path, "/api/v1/cases/%lld/deadlines", (long long)id);
	assert_int_equal(status_of("werkgever", "GET", path, NULL), 404);

	/* The employee without an account, reported by the casemanager of
	 * the whole organisation; a handover to the casemanager of Reiniging
	 * keeps the history. */
	snprintf(body, sizeof body, "{\"person_id\":%lld,\"first_sick_day\":\"2026-03-02\"}",
		 (long long)mehmet);
	call(as("werkgever"), "POST", "/api/v1/cases", body, 1, &r);
	assert_int_equal(r.status, 201);
	const int64_t id2 = json_integer_value(json_object_get(r.json, "id"));
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/cases/%lld/casemanager", (long long)id2);
	snprintf(body, sizeof body, "{\"user_id\":%lld}",
		 (long long)user_id("hr-analist@demo.spoorwijzer.nl"));
	call(as("werkgever"), "PUT", path, body, 1, &r);
	assert_error(&r, 422, "invalid", "user_id");
	reply_free(&r);
	snprintf(body, sizeof body, "{\"user_id\":%lld}",
		 (long long)user_id("casemanager2@demo.spoorwijzer.nl"));
	call(as("werkgever"), "PUT", path, body, 1, &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM participations WHERE case_id = $1"
			       " AND role = 'werkgever'", id2), 2);
}

static void test_audit(void **state)
{
	(void)state;
	const int64_t sanne = user_id("werknemer@demo.spoorwijzer.nl");
	const int64_t beheer = user_id("beheerder@demo.spoorwijzer.nl");
	const int64_t reads = count("SELECT COUNT(*) FROM audit_log WHERE user_id = $1"
				    " AND case_id = 4 AND action = 'read' AND outcome = 'allow'",
				    sanne);
	assert_int_equal(status_of("werknemer", "GET", "/api/v1/cases/4", NULL), 200);
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log WHERE user_id = $1"
			       " AND case_id = 4 AND action = 'read' AND outcome = 'allow'",
			       sanne),
			 reads + 1);
	const int64_t denied = count("SELECT COUNT(*) FROM audit_log WHERE user_id = $1"
				     " AND case_id = 4 AND outcome = 'deny'"
				     " AND reason = 'beheerder_no_case_content'",
				     beheer);
	assert_int_equal(status_of("beheerder", "GET", "/api/v1/cases/4", NULL), 404);
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log WHERE user_id = $1"
			       " AND case_id = 4 AND outcome = 'deny'"
			       " AND reason = 'beheerder_no_case_content'",
			       beheer),
			 denied + 1);

	/* The employee sees who looked, newest first. */
	assert_int_equal(status_of("werkgever", "GET", "/api/v1/cases/4/deadlines", NULL), 200);
	struct reply r;
	call(as("werknemer"), "GET", "/api/v1/cases/4/access-log", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	json_t *first = json_array_get(json_object_get(r.json, "items"), 0);
	/* Newest: this very read of the log. */
	assert_string_equal(json_string_value(json_object_get(first, "resource")), "access_log");
	json_t *second = json_array_get(json_object_get(r.json, "items"), 1);
	assert_string_equal(json_string_value(json_object_get(json_object_get(second, "user"),
							      "name")),
			    "Mark Janssens");
	assert_string_equal(json_string_value(json_object_get(second, "role")), "werkgever");
	assert_string_equal(json_string_value(json_object_get(second, "outcome")), "allow");
	reply_free(&r);

	/* Append-only, enforced by the database. */
	struct sw_error err = { 0 };
	const int64_t all = count("SELECT COUNT(*) FROM audit_log WHERE id > $1", 0);
	assert_true(all > 0);
	assert_int_not_equal(db_exec(store_db(F->st), "UPDATE audit_log SET reason = 'x'", &err), 0);
	assert_non_null(strstr(err.message, "append-only"));
	assert_int_not_equal(db_exec(store_db(F->st), "DELETE FROM audit_log", &err), 0);
	assert_non_null(strstr(err.message, "append-only"));
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log WHERE id > $1", 0), all);
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log WHERE reason = 'x' AND id > $1", 0),
			 0);
}

int main(void)
{
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_role_matrix),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_get_case),
		cmocka_unit_test(test_create_case),
		cmocka_unit_test(test_audit),
	};
	const int rc = cmocka_run_group_tests(tests, setup, teardown);
	curl_global_cleanup();
	return rc;
}
