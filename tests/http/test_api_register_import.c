/* test_api_register_import.c - POST /api/v1/organisations/{id}/persons/import
 * over TCP against the real server and store ($SW_TEST_DATABASE, seeded on
 * 2026-03-02): an HR export as text/csv (BOM, ';' or ',', quotes), all or
 * nothing, dry run, re-import that updates, the refusals per line, 415 and
 * 413, and who may. Mark Janssens is the demo organisation's casemanager,
 * Linda Aerts (casemanager2) one of the Reiniging department only, Bas
 * Hoeks (orgbeheerder) its beheerder. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-register-import.db"
#include "http/api_harness.h"

#include <math.h>

#define CM "werkgever"

static int64_t org(void)
{
	return user_org("werkgever@demo.spoorwijzer.nl");
}

static void import_path(char *out, size_t n, int64_t organisation, const char *query)
{
	snprintf(out, n, "/api/v1/organisations/%lld/persons/import%s", (long long)organisation,
		 query);
}

static void post_csv(const char *who, const char *query, const char *csv, struct reply *r)
{
	char p[160];
	import_path(p, sizeof p, org(), query);
	call_typed(as(who), "POST", p, "text/csv; charset=utf-8", csv, strlen(csv), 1, r);
}

static int64_t persons_count(void)
{
	return count("SELECT COUNT(*) FROM persons WHERE organisation_id = $1", org());
}

static int64_t person_of(const char *number)
{
	struct sw_error err = { 0 };
	int64_t id = 0;
	assert_int_equal(store_person_by_number(F->st, org(), number, &id, &err), 0);
	return id;
}

static int64_t jint(const json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

/* The refusal of line with column, whose reason holds needle. */
static void assert_refused(const struct reply *r, size_t line, const char *column,
			   const char *needle)
{
	const json_t *list = json_object_get(r->json, "refused");
	size_t i;
	const json_t *item;
	json_array_foreach(list, i, item) {
		if ((size_t)jint(item, "line") != line ||
		    strcmp(json_string_value(json_object_get(item, "column")), column) != 0)
			continue;
		const char *reason = json_string_value(json_object_get(item, "reason"));
		if (strstr(reason, needle) == NULL)
			fail_msg("line %zu %s: '%s' lacks '%s'", line, column, reason, needle);
		return;
	}
	fail_msg("no refusal of line %zu column %s in %s", line, column, r->body);
}

#define BOM "\xEF\xBB\xBF"

/* ';', a BOM, CRLF, a quoted name with the separator and a quote, a
 * decimal comma, the manager (9002) further down the file, a new
 * department; the dry run stores nothing, the real run all of it. */
static const char semi_csv[] =
	BOM "Personeelsnummer;Naam;Geboortedatum;Afdeling;Leidinggevende;Email;"
	"Datum in dienst;Datum uit dienst;Contracturen;Normuren;Functie\r\n"
	"9001;\"Vos; Eva \"\"Eef\"\"\";1990-03-04;Inkoop;9002;eva.vos@example.nl;"
	"2021-02-01;;30,5;38;Inkoper\r\n"
	"9002;Ruud Brink;1970-07-07;Inkoop;;;2010-01-01;;38;38;Hoofd inkoop\r\n";

static void test_dry_run_then_real(void **state)
{
	(void)state;
	struct reply r;
	const int64_t before = persons_count();
	const int64_t depts = count("SELECT COUNT(*) FROM departments WHERE organisation_id = $1",
				    org());
	post_csv(CM, "?dry_run=true", semi_csv, &r);
	if (r.status != 200)
		fail_msg("%ld %s", r.status, r.body);
	assert_true(json_is_true(json_object_get(r.json, "dry_run")));
	assert_int_equal(jint(r.json, "lines"), 2);
	assert_int_equal(jint(r.json, "created"), 2);
	assert_int_equal(jint(r.json, "updated"), 0);
	assert_int_equal(json_array_size(json_object_get(r.json, "refused")), 0);
	reply_free(&r);
	assert_int_equal(persons_count(), before);
	assert_int_equal(count("SELECT COUNT(*) FROM departments WHERE organisation_id = $1", org()),
			 depts);

	post_csv(CM, "", semi_csv, &r);
	assert_int_equal(r.status, 200);
	assert_false(json_is_true(json_object_get(r.json, "dry_run")));
	assert_int_equal(jint(r.json, "created"), 2);
	reply_free(&r);
	assert_int_equal(persons_count(), before + 2);
	const int64_t eva = person_of("9001"), ruud = person_of("9002");
	assert_true(eva != 0 && ruud != 0);
	char p[160];
	snprintf(p, sizeof p, "/api/v1/persons/%lld", (long long)eva);
	call(as(CM), "GET", p, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(json_string_value(json_object_get(r.json, "name")), "Vos; Eva \"Eef\"");
	assert_string_equal(json_string_value(json_object_get(r.json, "birth_date")), "1990-03-04");
	assert_string_equal(json_string_value(json_object_get(r.json, "email")),
			    "eva.vos@example.nl");
	const json_t *dept = json_object_get(r.json, "department");
	assert_string_equal(json_string_value(json_object_get(dept, "name")), "Inkoop");
	assert_int_equal(jint(json_object_get(r.json, "manager"), "id"), ruud);
	const json_t *emps = json_object_get(r.json, "employments");
	assert_int_equal(json_array_size(emps), 1);
	const json_t *e = json_array_get(emps, 0);
	assert_string_equal(json_string_value(json_object_get(e, "from")), "2021-02-01");
	assert_true(fabs(json_real_value(json_object_get(e, "contract_hours")) - 30.5) < 1e-9);
	assert_true(fabs(json_real_value(json_object_get(e, "norm_hours")) - 38.0) < 1e-9);
	reply_free(&r);
	/* The typeahead finds the imported person by a word of the name. */
	snprintf(p, sizeof p, "/api/v1/organisations/%lld/persons?q=EVA", (long long)org());
	call(as(CM), "GET", p, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(jint(r.json, "total"), 1);
	reply_free(&r);
	/* Two words narrow by both, in any order and as prefixes; a second word
	 * that matches nothing of the person finds nobody. */
	static const struct {
		const char *q;
		json_int_t total;
	} two[] = { { "eef%20vos", 1 }, { "Vo%20Ev", 1 }, { "eva%20zzz", 0 } };
	for (size_t i = 0; i < sizeof two / sizeof two[0]; i++) {
		snprintf(p, sizeof p, "/api/v1/organisations/%lld/persons?q=%s", (long long)org(),
			 two[i].q);
		call(as(CM), "GET", p, NULL, 0, &r);
		assert_int_equal(r.status, 200);
		assert_int_equal(jint(r.json, "total"), two[i].total);
		reply_free(&r);
	}
}

/* ',' without BOM, LF, optional columns left out: a re-import updates the
 * person and the employment of the same start date, adds one of another,
 * and keeps what the file has no column for. */
static void test_reimport_updates(void **state)
{
	(void)state;
	struct reply r;
	post_csv(CM, "",
		 "personeelsnummer,naam,afdeling,datum_in_dienst,contracturen,normuren\n"
		 "9101,Piet Post,Magazijn,2022-01-01,20,40\n", &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);
	const int64_t piet = person_of("9101");
	const int64_t before = persons_count();
	post_csv(CM, "",
		 "personeelsnummer,naam,geboortedatum,datum_in_dienst,datum_uit_dienst,contracturen,"
		 "normuren\n"
		 "9101,Piet de Post,1980-05-05,2022-01-01,2023-12-31,24,40\n"
		 "9101b,Nieuw Iemand,,2024-01-01,,8,40\n", &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(jint(r.json, "created"), 1);
	assert_int_equal(jint(r.json, "updated"), 1);
	reply_free(&r);
	assert_int_equal(persons_count(), before + 1);
	assert_int_equal(count("SELECT COUNT(*) FROM employments WHERE person_id = $1", piet), 1);
	assert_int_equal(count("SELECT COUNT(*) FROM employments WHERE person_id = $1"
			       " AND until_date = '2023-12-31' AND contract_hours = 24", piet), 1);
	/* The department stays: the file had no afdeling column. */
	assert_int_equal(count("SELECT COUNT(*) FROM persons p JOIN departments d"
			       " ON d.id = p.department_id WHERE p.id = $1 AND d.name = 'Magazijn'"
			       " AND p.name = 'Piet de Post'", piet), 1);
	post_csv(CM, "",
		 "personeelsnummer,naam,datum_in_dienst,contracturen,normuren\n"
		 "9101,Piet de Post,2024-01-01,32,40\n", &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM employments WHERE person_id = $1", piet), 2);
	/* The old name no longer finds him; the new word does. */
	assert_int_equal(count("SELECT COUNT(*) FROM person_terms WHERE person_id = $1"
			       " AND term = 'de'", piet), 1);
}

/* Every refusal names line and column; nothing of the file is stored,
 * not even its good lines or new departments. */
static void test_refusals(void **state)
{
	(void)state;
	struct reply r;
	const int64_t before = persons_count();
	const int64_t depts = count("SELECT COUNT(*) FROM departments WHERE organisation_id = $1",
				    org());
	post_csv(CM, "",
		 "personeelsnummer;naam;geboortedatum;afdeling;leidinggevende;datum_in_dienst;"
		 "contracturen;normuren\n"
		 "9201;Goed Mens;1980-01-01;Nieuwbouw;;2020-01-01;36;36\n"
		 "9202;Slechte Datum;1980-13-01;Nieuwbouw;;2020-01-01;36;36\n"
		 "9203;Te Veel;1980-01-01;Nieuwbouw;;2020-01-01;40;36\n"
		 "9201;Dubbel;1980-01-01;Nieuwbouw;;2020-01-01;36;36\n"
		 "9205;Onbekende Baas;1980-01-01;Nieuwbouw;7777;2020-01-01;36;36\n"
		 "9206;Eigen Baas;1980-01-01;Nieuwbouw;9206;2020-01-01;36;36\n"
		 "1014;Joris van Dongen;1996-03-14;Groen;9201;2020-01-01;36;36\n", &r);
	assert_error(&r, 422, "invalid", "body");
	assert_int_equal(jint(r.json, "lines"), 7);
	assert_int_equal(jint(r.json, "refused_total"), 5);
	assert_refused(&r, 3, "geboortedatum", "1980-13-01");
	assert_refused(&r, 4, "contracturen", "normuren");
	assert_refused(&r, 5, "personeelsnummer", "also on line 2");
	assert_refused(&r, 6, "leidinggevende", "7777");
	assert_refused(&r, 7, "leidinggevende", "themselves");
	/* In line order. */
	assert_int_equal(jint(json_array_get(json_object_get(r.json, "refused"), 0), "line"), 3);
	reply_free(&r);
	assert_int_equal(persons_count(), before);
	assert_int_equal(count("SELECT COUNT(*) FROM departments WHERE organisation_id = $1", org()),
			 depts);
	assert_int_equal(count("SELECT COUNT(*) FROM persons WHERE name = 'Goed Mens' AND $1 = 0", 0),
			 0);
	/* Joris (1014) kept his manager: line 8 was fine, but nothing is stored. */
	assert_int_equal(count("SELECT COUNT(*) FROM persons p JOIN persons m ON m.id = p.manager_id"
			       " WHERE p.personnel_number = '1014' AND m.personnel_number = '1010'"
			       " AND p.organisation_id = $1", org()), 1);

	/* A missing column refuses the header line. */
	post_csv(CM, "?dry_run=true",
		 "personeelsnummer;naam;datum_in_dienst;contracturen\n1;A;2020-01-01;8\n", &r);
	assert_error(&r, 422, "invalid", "body");
	assert_refused(&r, 1, "", "missing column normuren");
	reply_free(&r);
	/* A dry run reports the same refusals. */
	post_csv(CM, "?dry_run=true",
		 "personeelsnummer,naam,datum_in_dienst,contracturen,normuren\n"
		 "9301,Een,2020-02-30,8,40\n", &r);
	assert_error(&r, 422, "invalid", "body");
	assert_true(json_is_true(json_object_get(r.json, "dry_run")));
	assert_refused(&r, 2, "datum_in_dienst", "2020-02-30");
	reply_free(&r);
	/* Not UTF-8. */
	post_csv(CM, "",
		 "personeelsnummer,naam,datum_in_dienst,contracturen,normuren\n"
		 "9302,Z\xE9ro,2020-01-01,8,40\n", &r);
	assert_error(&r, 422, "invalid", "body");
	assert_refused(&r, 2, "naam", "UTF-8");
	reply_free(&r);
	post_csv(CM, "?dry_run=maybe", semi_csv, &r);
	assert_error(&r, 422, "invalid", "dry_run");
	reply_free(&r);
	assert_int_equal(persons_count(), before);
}

static void test_media_type_and_size(void **state)
{
	(void)state;
	struct reply r;
	char p[160];
	import_path(p, sizeof p, org(), "");
	call(as(CM), "POST", p, "{\"personeelsnummer\":\"1\"}", 1, &r);
	assert_error(&r, 415, "invalid", "Content-Type");
	reply_free(&r);
	/* Past the server's limit (10 MiB). */
	const size_t big = ((size_t)10 << 20) + 1024;
	char *body = malloc(big + 1);
	assert_non_null(body);
	memset(body, 'x', big);
	body[big] = '\0';
	call_typed(as(CM), "POST", p, "text/csv", body, big, 1, &r);
	free(body);
	assert_int_equal(r.status, 413);
	reply_free(&r);
}

static void test_who_may(void **state)
{
	(void)state;
	struct reply r;
	static const char csv[] = "personeelsnummer,naam,datum_in_dienst,contracturen,normuren\n"
				  "9401,Wie Mag,2020-01-01,8,40\n";
	/* The organisation's beheerder and the installation's may. */
	post_csv("orgbeheerder", "?dry_run=true", csv, &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);
	post_csv("beheerder", "?dry_run=true", csv, &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);
	/* Colleagues without the right: 403, and nothing stored. */
	static const char *const refused[] = { "werknemer", "leidinggevende", "hr-analist",
					       "casemanager2" };
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		post_csv(refused[i], "", csv, &r);
		if (r.status != 403)
			fail_msg("%s: %ld %s", refused[i], r.status, r.body);
		reply_free(&r);
	}
	/* Another organisation's casemanager does not find this one. */
	struct sw_error err = { 0 };
	const int64_t erik = user_id("netwerkwerkgever@demo.spoorwijzer.nl");
	assert_int_equal(store_org_roles_set(F->st, erik,
					     user_org("netwerkwerkgever@demo.spoorwijzer.nl"),
					     ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER), NULL, 0,
					     user_id("beheerder@demo.spoorwijzer.nl"), &err),
			 0);
	post_csv("netwerkwerkgever", "", csv, &r);
	assert_error(&r, 404, "not_found", "id");
	reply_free(&r);
	assert_int_equal(person_of("9401"), 0);
	assert_true(count("SELECT COUNT(*) FROM audit_log WHERE resource = 'employments'"
			  " AND outcome = 'deny' AND user_id = $1",
			  user_id("werknemer@demo.spoorwijzer.nl")) >= 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dry_run_then_real),
		cmocka_unit_test(test_reimport_updates),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_media_type_and_size),
		cmocka_unit_test(test_who_may),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
