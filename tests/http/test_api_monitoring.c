/* test_api_monitoring.c - placement monitoring over TCP against the real
 * server and store ($SW_TEST_DATABASE, migrated and seeded on 2026-03-02):
 * a monitoring cycle T0 -> T1 answered from the three perspectives, each
 * party only its own; reminders; risk signals with the suggested route and
 * derived signals; development goals; ending a placement; the outcome
 * figures; bad input and access.
 *
 * Seeded case 4 is Sanne's (werknemer, werkgever, bedrijfsarts,
 * arbeidsdeskundige, re-integratieprofessional take part); case 5 is
 * Kees's, whose proefplaatsing the seed monitors. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-monitoring.db"
#include "http/api_harness.h"

#define SANNE_CASE 4

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static json_int_t num(const json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

/* Calls and checks the status; the caller frees r. */
static void expect(const char *who, const char *method, const char *path, const char *body,
		   long status, struct reply *r)
{
	call(as(who), method, path, body, strcmp(method, "GET") != 0, r);
	if (r->status != status)
		fail_msg("%s %s %s: %ld, want %ld: %s", who, method, path, r->status, status,
			 r->body ? r->body : "");
}

static void expect_error(const char *who, const char *method, const char *path,
			 const char *body, long status, const char *code, const char *field)
{
	struct reply r;
	call(as(who), method, path, body, strcmp(method, "GET") != 0, &r);
	if (r.status != status)
		fail_msg("%s %s %s %s: %ld, want %ld: %s", who, method, path, body ? body : "",
			 r.status, status, r.body ? r.body : "");
	assert_error(&r, status, code, field);
	reply_free(&r);
}

static int64_t placement_id;
static char base[128];   /* /api/v1/cases/4/placements/{pid} */

static void path(char *out, size_t outsz, const char *rest)
{
	snprintf(out, outsz, "%s%s", base, rest);
}

/* Scores per factor in monitor order; 0 is null (n.v.t.). */
static void answers_body(char *out, size_t outsz, const int scores[7], const char *comment)
{
	static const char *const factors[] = { "werknemersvaardigheden", "werkgeversvaardigheden",
					       "passend_werk", "begeleid_werk", "zinvol_werk",
					       "breed_gedragen_werk", "gesubsidieerd_werk" };
	size_t n = (size_t)snprintf(out, outsz, "{\"answers\":{");
	for (int i = 0; i < 7; i++) {
		char score[8];
		snprintf(score, sizeof score, "%d", scores[i]);
		n += (size_t)snprintf(out + n, outsz - n, "%s\"%s\":{\"score\":%s%s%s%s}",
				      i ? "," : "", factors[i], scores[i] ? score : "null",
				      i == 2 ? ",\"comment\":\"" : "", i == 2 ? comment : "",
				      i == 2 ? "\"" : "");
	}
	snprintf(out + n, outsz - n, "}}");
}

static void answer(const char *who, const char *moment, const char *perspective,
		   const int scores[7], const char *comment)
{
	char p[256], body[1024];
	struct reply r;
	snprintf(p, sizeof p, "%s/questionnaires/%s/%s", base, moment, perspective);
	answers_body(body, sizeof body, scores, comment);
	expect(who, "PUT", p, body, 201, &r);
	assert_string_equal(str(r.json, "moment"), moment);
	const json_t *pv = json_object_get(json_object_get(r.json, "perspectives"), perspective);
	assert_string_equal(str(pv, "status"), "ingevuld");
	char email[128];
	snprintf(email, sizeof email, "%s@demo.spoorwijzer.nl", who);
	assert_int_equal(num(json_object_get(pv, "answered_by"), "id"), user_id(email));
	reply_free(&r);
}

static const int WN_T0[7] = { 4, 4, 3, 4, 5, 3, 0 };
static const int WG_T0[7] = { 4, 3, 4, 3, 4, 3, 0 };
static const int AD_T0[7] = { 4, 3, 2, 4, 4, 3, 0 };
static const int WN_T1[7] = { 5, 4, 4, 4, 5, 4, 0 };
static const int WG_T1[7] = { 4, 4, 4, 4, 4, 4, 0 };
static const int AD_T1[7] = { 4, 4, 4, 5, 4, 4, 0 };

static void test_placement(void **state)
{
	(void)state;
	struct reply r;
	expect("werkgever", "POST", "/api/v1/cases/4/placements",
	       "{\"employer_name\":\"Kringloop Breda\",\"network\":\"Werkgeversnetwerk West-Brabant\","
	       "\"kind\":\"detachering\",\"start\":\"2025-03-02\",\"hours_per_week\":24,"
	       "\"capacity_hours\":20,\"contract_until\":\"2026-04-15\",\"t2_months\":18,"
	       "\"t3_months\":30}",
	       201, &r);
	placement_id = num(r.json, "id");
	assert_true(placement_id > 0);
	snprintf(base, sizeof base, "/api/v1/cases/4/placements/%lld", (long long)placement_id);
	assert_int_equal(num(r.json, "case_id"), SANNE_CASE);
	assert_true(json_is_null(json_object_get(r.json, "pipeline_entry_id")));
	assert_string_equal(str(json_object_get(r.json, "employer"), "name"), "Kringloop Breda");
	assert_string_equal(str(r.json, "kind"), "detachering");
	assert_string_equal(str(r.json, "outcome"), "lopend");
	const json_t *s = json_object_get(r.json, "schedule");
	assert_string_equal(str(s, "T0"), "2025-03-02");
	assert_string_equal(str(s, "T1"), "2026-03-02");
	assert_string_equal(str(s, "T2"), "2026-09-02");
	assert_string_equal(str(s, "T3"), "2027-09-02");
	assert_true(json_is_true(json_object_get(r.json, "lasted_6_months")));
	assert_true(json_is_true(json_object_get(r.json, "lasted_12_months")));
	reply_free(&r);

	/* An employer organisation of the installation: its name is read back. */
	char body[256];
	snprintf(body, sizeof body,
		 "{\"employer_organisation_id\":%lld,\"kind\":\"proefplaatsing\","
		 "\"start\":\"2026-02-16\",\"pipeline_entry_id\":77}",
		 (long long)user_org("netwerkwerkgever@demo.spoorwijzer.nl"));
	expect("arbeidsdeskundige", "POST", "/api/v1/cases/4/placements", body, 201, &r);
	assert_string_equal(str(json_object_get(r.json, "employer"), "name"),
			    "Bouwbedrijf Van Gils Etten-Leur");
	assert_int_equal(num(r.json, "pipeline_entry_id"), 77);
	assert_true(json_is_null(json_object_get(r.json, "lasted_6_months")));
	assert_int_equal(num(r.json, "t2_months"), 24);
	reply_free(&r);

	expect("bedrijfsarts", "GET", "/api/v1/cases/4/placements", NULL, 200, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 2);
	reply_free(&r);

	/* Bad input: nothing is written. */
	static const struct {
		const char *body;
		const char *field;
	} bad[] = {
		{ "{\"kind\":\"detachering\",\"start\":\"2025-03-02\"}", "employer_name" },
		{ "{\"employer_name\":\"X\",\"kind\":\"stage\",\"start\":\"2025-03-02\"}", "kind" },
		{ "{\"employer_name\":\"X\",\"kind\":\"detachering\"}", "start" },
		{ "{\"employer_name\":\"X\",\"kind\":\"detachering\",\"start\":\"2025-02-30\"}", "start" },
		{ "{\"employer_name\":\"X\",\"kind\":\"detachering\",\"start\":\"2025-03-02\","
		  "\"t2_months\":12}", "t2_months" },
		{ "{\"employer_name\":\"X\",\"kind\":\"detachering\",\"start\":\"2025-03-02\","
		  "\"t2_months\":30,\"t3_months\":20}", "t3_months" },
		{ "{\"employer_name\":\"X\",\"kind\":\"detachering\",\"start\":\"2025-03-02\","
		  "\"hours_per_week\":61}", "hours_per_week" },
		{ "{\"employer_organisation_id\":999999,\"kind\":\"detachering\","
		  "\"start\":\"2025-03-02\"}", "employer_organisation_id" },
		{ "{\"employer_name\":\"X\",\"kind\":\"detachering\",\"start\":\"2025-03-02\","
		  "\"salary\":1}", "salary" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_error("werkgever", "POST", "/api/v1/cases/4/placements", bad[i].body, 422,
			     "invalid", bad[i].field);
	expect_error("werkgever", "POST", "/api/v1/cases/4/placements", "{\"kind\":", 400, "invalid",
		     "");
	assert_int_equal(count("SELECT COUNT(*) FROM placements WHERE case_id = $1", SANNE_CASE), 2);

	/* Read-only and outsiders. */
	expect_error("bedrijfsarts", "POST", "/api/v1/cases/4/placements",
		     "{\"employer_name\":\"X\",\"kind\":\"detachering\",\"start\":\"2025-03-02\"}", 403,
		     "forbidden", "");
	static const char *const outsiders[] = { "netwerkwerkgever", "beheerder", "daan.bakker" };
	for (size_t i = 0; i < 3; i++)
		expect_error(outsiders[i], "GET", "/api/v1/cases/4/placements", NULL, 404,
			     "not_found", "id");
	/* A placement of another case does not exist there. */
	char p[256];
	snprintf(p, sizeof p, "/api/v1/cases/5/placements/%lld", (long long)placement_id);
	expect_error("werkgever", "GET", p, NULL, 404, "not_found", "pid");
	expect_error("werkgever", "GET", "/api/v1/cases/4/placements/999999", NULL, 404, "not_found",
		     "pid");
	expect_error("werkgever", "GET", "/api/v1/cases/4/placements/abc", NULL, 404, "not_found",
		     "pid");
}

static void test_driegesprek(void **state)
{
	(void)state;
	char p[256];
	struct reply r;
	path(p, sizeof p, "/driegesprek");
	expect_error("werknemer", "GET", p, NULL, 404, "not_found", "driegesprek");
	expect("arbeidsdeskundige", "PUT", p,
	       "{\"held_on\":\"2025-03-02\",\"afspraken\":\"24 uur, vaste begeleider, na vier weken "
	       "evalueren.\"}",
	       200, &r);
	reply_free(&r);
	expect("werknemer", "GET", p, NULL, 200, &r);
	assert_string_equal(str(r.json, "held_on"), "2025-03-02");
	assert_string_equal(str(r.json, "afspraken"),
			    "24 uur, vaste begeleider, na vier weken evalueren.");
	assert_string_equal(str(json_object_get(r.json, "recorded_by"), "name"),
			    "Peter van den Berg");
	reply_free(&r);
	expect_error("arbeidsdeskundige", "PUT", p,
		     "{\"held_on\":\"2026-03-03\",\"afspraken\":\"morgen\"}", 422, "invalid", "held_on");
	expect_error("arbeidsdeskundige", "PUT", p, "{\"held_on\":\"2025-03-02\",\"afspraken\":\" \"}",
		     422, "invalid", "afspraken");
	expect_error("bedrijfsarts", "PUT", p, "{\"held_on\":\"2025-03-02\",\"afspraken\":\"x\"}", 403,
		     "forbidden", "");
}

/* The reminders of case 4 for the placement of this test. */
static size_t reminders(const char *status)
{
	struct reply r;
	size_t n = 0;
	expect("werknemer", "GET", "/api/v1/cases/4/monitoring/reminders", NULL, 200, &r);
	const json_t *items = json_object_get(r.json, "items");
	for (size_t i = 0; i < json_array_size(items); i++) {
		const json_t *it = json_array_get(items, i);
		if (num(it, "placement_id") == placement_id && strcmp(str(it, "status"), status) == 0)
			n++;
	}
	reply_free(&r);
	return n;
}

static void test_cycle(void **state)
{
	(void)state;
	char p[256];
	struct reply r;
	/* T0 (due a year ago) is late for all three, T1 (due today) open. */
	assert_int_equal(reminders("te_laat"), 3);
	assert_int_equal(reminders("open"), 3);

	answer("werknemer", "T0", "werknemer", WN_T0, "Het werk past goed.");
	answer("werkgever", "T0", "werkgever", WG_T0, "Goede inzet.");
	answer("arbeidsdeskundige", "T0", "arbeidsdeskundige", AD_T0, "Uren te hoog.");
	assert_int_equal(reminders("te_laat"), 0);
	assert_int_equal(reminders("open"), 3);

	/* Each party its own perspective only, once. */
	char body[1024];
	answers_body(body, sizeof body, WN_T1, "x");
	snprintf(p, sizeof p, "%s/questionnaires/T1/werkgever", base);
	expect_error("werknemer", "PUT", p, body, 403, "forbidden", "perspective");
	snprintf(p, sizeof p, "%s/questionnaires/T1/werknemer", base);
	expect_error("re-integratieprofessional", "PUT", p, body, 403, "forbidden", "perspective");
	expect_error("werkgever", "PUT", p, body, 403, "forbidden", "perspective");
	snprintf(p, sizeof p, "%s/questionnaires/T1/arbeidsdeskundige", base);
	expect_error("bedrijfsarts", "PUT", p, body, 403, "forbidden", "");
	snprintf(p, sizeof p, "%s/questionnaires/T0/werknemer", base);
	expect_error("werknemer", "PUT", p, body, 409, "conflict", "moment");
	/* T2 is not open yet. */
	snprintf(p, sizeof p, "%s/questionnaires/T2/werknemer", base);
	expect_error("werknemer", "PUT", p, body, 409, "conflict", "moment");

	answer("werknemer", "T1", "werknemer", WN_T1, "Beter dan vorig jaar.");
	answer("werkgever", "T1", "werkgever", WG_T1, "Stabiel.");
	answer("arbeidsdeskundige", "T1", "arbeidsdeskundige", AD_T1, "Duurzaam.");
	assert_int_equal(reminders("open"), 0);
	assert_int_equal(count("SELECT COUNT(*) FROM monitor_answers WHERE placement_id = $1",
			       placement_id),
			 42);

	/* The three perspectives side by side, for a reader too. */
	path(p, sizeof p, "/questionnaires");
	expect("bedrijfsarts", "GET", p, NULL, 200, &r);
	const json_t *moments = json_object_get(r.json, "moments");
	assert_int_equal(json_array_size(moments), 4);
	static const char *const persp[] = { "werknemer", "werkgever", "arbeidsdeskundige" };
	const int *const scores[2][3] = { { WN_T0, WG_T0, AD_T0 }, { WN_T1, WG_T1, AD_T1 } };
	for (int m = 0; m < 2; m++) {
		const json_t *mo = json_array_get(moments, m);
		assert_string_equal(str(mo, "moment"), m == 0 ? "T0" : "T1");
		const json_t *factors = json_object_get(mo, "factors");
		assert_int_equal(json_array_size(factors), 7);
		for (int v = 0; v < 3; v++) {
			const json_t *pv = json_object_get(json_object_get(mo, "perspectives"), persp[v]);
			assert_string_equal(str(pv, "status"), "ingevuld");
			for (int f = 0; f < 7; f++) {
				const json_t *a = json_object_get(json_array_get(factors, f), persp[v]);
				const json_t *sc = json_object_get(a, "score");
				if (scores[m][v][f] == 0)
					assert_true(json_is_null(sc));
				else
					assert_int_equal(json_integer_value(sc), scores[m][v][f]);
			}
		}
		const json_t *pw = json_array_get(factors, 2);
		assert_string_equal(str(pw, "factor"), "passend_werk");
		assert_string_equal(str(json_object_get(pw, "arbeidsdeskundige"), "comment"),
				    m == 0 ? "Uren te hoog." : "Duurzaam.");
	}
	const json_t *pv0 = json_object_get(json_object_get(json_array_get(moments, 0), "perspectives"),
					    "werkgever");
	assert_string_equal(str(json_object_get(pv0, "answered_by"), "name"), "Mark Janssens");
	const json_t *t2 = json_array_get(moments, 2);
	assert_string_equal(str(t2, "due"), "2026-09-02");
	assert_string_equal(str(json_object_get(json_object_get(t2, "perspectives"), "werknemer"),
				"status"),
			    "gepland");
	assert_true(json_is_null(json_object_get(
		json_array_get(json_object_get(t2, "factors"), 0), "werknemer")));
	reply_free(&r);
}

static void test_questionnaire_input(void **state)
{
	(void)state;
	char p[256];
	snprintf(p, sizeof p, "%s/questionnaires/T1/werknemer", base);
	static const struct {
		const char *body;
		const char *field;
	} bad[] = {
		{ "{}", "answers" },
		{ "{\"answers\":[]}", "answers" },
		{ "{\"answers\":{\"extra\":{\"score\":3}}}", "extra" },
		{ "{\"answers\":{\"werknemersvaardigheden\":{\"score\":3}}}", "werkgeversvaardigheden" },
		{ "{\"answers\":{\"werknemersvaardigheden\":{\"score\":6}}}", "werknemersvaardigheden" },
		{ "{\"answers\":{\"werknemersvaardigheden\":{\"score\":0}}}", "werknemersvaardigheden" },
		{ "{\"answers\":{\"werknemersvaardigheden\":{\"score\":\"4\"}}}",
		  "werknemersvaardigheden" },
		{ "{\"answers\":{\"werknemersvaardigheden\":{\"comment\":\"x\"}}}",
		  "werknemersvaardigheden" },
		{ "{\"answers\":{\"werknemersvaardigheden\":{\"score\":3,\"note\":1}}}",
		  "werknemersvaardigheden" },
		{ "{\"answers\":{},\"moment\":\"T1\"}", "moment" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		expect_error("werknemer", "PUT", p, bad[i].body, 422, "invalid", bad[i].field);
	expect_error("werknemer", "PUT", p, "[1]", 400, "invalid", "");
	snprintf(p, sizeof p, "%s/questionnaires/T5/werknemer", base);
	expect_error("werknemer", "PUT", p, "{}", 404, "not_found", "moment");
	snprintf(p, sizeof p, "%s/questionnaires/T1/bedrijfsarts", base);
	expect_error("werknemer", "PUT", p, "{}", 404, "not_found", "perspective");
	assert_int_equal(count("SELECT COUNT(*) FROM monitor_answers WHERE placement_id = $1",
			       placement_id),
			 42);
}

static void test_risk_signals(void **state)
{
	(void)state;
	char p[256], sp[300];
	struct reply r;
	path(p, sizeof p, "/risk-signals");
	expect("werkgever", "POST", p, "{\"kind\":\"niet_verschenen\",\"note\":\"Twee keer te laat.\"}",
	       201, &r);
	const int64_t sid = num(r.json, "id");
	assert_string_equal(str(r.json, "noted_on"), "2026-03-02");
	assert_string_equal(str(r.json, "suggested_route"), "ontwikkel");
	assert_string_equal(str(r.json, "follow_up"), "2026-03-09");
	assert_true(json_is_null(json_object_get(r.json, "resolved_on")));
	reply_free(&r);
	expect("arbeidsdeskundige", "POST", p,
	       "{\"kind\":\"subsidie_einde\",\"noted_on\":\"2026-02-20\",\"ends_on\":\"2026-03-31\"}",
	       201, &r);
	assert_string_equal(str(r.json, "suggested_route"), "ontwikkel");
	assert_string_equal(str(r.json, "follow_up"), "2026-03-03");   /* 28 days before the end */
	reply_free(&r);

	expect_error("werkgever", "POST", p, "{\"kind\":\"contract_einde\"}", 422, "invalid", "ends_on");
	expect_error("werkgever", "POST", p,
		     "{\"kind\":\"ziekmelding\",\"ends_on\":\"2026-04-01\"}", 422, "invalid", "ends_on");
	expect_error("werkgever", "POST", p, "{\"kind\":\"ruzie\"}", 422, "invalid", "kind");
	expect_error("werkgever", "POST", p, "{\"kind\":\"ziekmelding\",\"noted_on\":\"2026-03-03\"}",
		     422, "invalid", "noted_on");
	expect_error("bedrijfsarts", "POST", p, "{\"kind\":\"ziekmelding\"}", 403, "forbidden", "");

	/* Recorded and derived: Sanne's sick report after the start, 24 hours
	 * above a capacity of 20, the contract ends 2026-04-15. */
	expect("werknemer", "GET", p, NULL, 200, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 2);
	const json_t *derived = json_object_get(r.json, "derived");
	assert_int_equal(json_array_size(derived), 3);
	assert_string_equal(str(json_array_get(derived, 0), "kind"), "ziekmelding");
	assert_string_equal(str(json_array_get(derived, 0), "suggested_route"), "vitalisering");
	assert_string_equal(str(json_array_get(derived, 1), "kind"), "uren_boven_belastbaarheid");
	assert_string_equal(str(json_array_get(derived, 1), "suggested_route"), "baanherontwerp");
	assert_string_equal(str(json_array_get(derived, 2), "kind"), "contract_einde");
	assert_string_equal(str(json_array_get(derived, 2), "suggested_route"), "mobiliteit");
	assert_string_equal(str(json_array_get(derived, 2), "follow_up"), "2026-03-16");
	assert_string_equal(str(json_array_get(derived, 2), "ends_on"), "2026-04-15");
	reply_free(&r);

	snprintf(sp, sizeof sp, "%s/%lld", p, (long long)sid);
	expect_error("werkgever", "PATCH", sp, "{\"resolved\":false}", 422, "invalid", "resolved");
	expect("werkgever", "PATCH", sp, "{\"resolved\":true}", 200, &r);
	assert_string_equal(str(r.json, "resolved_on"), "2026-03-02");
	reply_free(&r);
	expect_error("werkgever", "PATCH", sp, "{\"resolved\":true}", 409, "conflict", "resolved_on");
	snprintf(sp, sizeof sp, "%s/999999", p);
	expect_error("werkgever", "PATCH", sp, "{\"resolved\":true}", 404, "not_found", "sid");
}

static void test_goals(void **state)
{
	(void)state;
	char p[256], gp[300];
	struct reply r;
	path(p, sizeof p, "/goals");
	expect("re-integratieprofessional", "POST", p,
	       "{\"route\":\"baanherontwerp\",\"goal\":\"Taken herverdelen zodat 20 uur haalbaar is.\"}",
	       201, &r);
	const int64_t gid = num(r.json, "id");
	assert_true(json_is_null(json_object_get(r.json, "reached")));
	assert_true(json_is_null(json_object_get(r.json, "done_what")));
	reply_free(&r);
	snprintf(gp, sizeof gp, "%s/%lld", p, (long long)gid);
	expect("arbeidsdeskundige", "PATCH", gp,
	       "{\"reached\":true,\"done_what\":\"Sjouwtaken naar een collega.\","
	       "\"done_by\":\"Leidinggevende\",\"take_forward\":\"Elk kwartaal de uren bespreken.\"}",
	       200, &r);
	assert_true(json_is_true(json_object_get(r.json, "reached")));
	assert_string_equal(str(r.json, "done_by"), "Leidinggevende");
	assert_string_equal(str(r.json, "route"), "baanherontwerp");
	assert_string_equal(str(r.json, "goal"), "Taken herverdelen zodat 20 uur haalbaar is.");
	reply_free(&r);
	expect_error("werkgever", "POST", p, "{\"route\":\"fitness\",\"goal\":\"x\"}", 422, "invalid",
		     "route");
	expect_error("werkgever", "POST", p, "{\"route\":\"ontwikkel\"}", 422, "invalid", "goal");
	expect_error("werkgever", "PATCH", gp, "{\"reached\":\"ja\"}", 422, "invalid", "reached");
	expect_error("werkgever", "PATCH", gp, "{\"goal\":\"\"}", 422, "invalid", "goal");
	expect("bedrijfsarts", "GET", p, NULL, 200, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	reply_free(&r);
}

static void test_end_and_outcomes(void **state)
{
	(void)state;
	struct reply r;
	expect_error("werkgever", "PATCH", base, "{\"end\":\"2026-03-01\"}", 422, "invalid",
		     "outcome");
	expect_error("werkgever", "PATCH", base,
		     "{\"end\":\"2026-03-01\",\"outcome\":\"beeindigd\"}", 422, "invalid", "end_reason");
	expect_error("werkgever", "PATCH", base,
		     "{\"end\":\"2025-03-01\",\"outcome\":\"beeindigd\",\"end_reason\":\"x\"}", 422,
		     "invalid", "end");
	expect("werkgever", "PATCH", base,
	       "{\"end\":\"2026-03-01\",\"outcome\":\"doorgestroomd\","
	       "\"end_reason\":\"Vaste baan bij een andere werkgever\"}",
	       200, &r);
	assert_string_equal(str(r.json, "end"), "2026-03-01");
	assert_string_equal(str(r.json, "outcome"), "doorgestroomd");
	assert_true(json_is_true(json_object_get(r.json, "lasted_12_months")));
	reply_free(&r);

	/* Ended before T2 was due: it lapses, no reminder. */
	char p[256];
	path(p, sizeof p, "/questionnaires");
	expect("werknemer", "GET", p, NULL, 200, &r);
	const json_t *t2 = json_array_get(json_object_get(r.json, "moments"), 2);
	assert_string_equal(str(json_object_get(json_object_get(t2, "perspectives"), "werkgever"),
				"status"),
			    "vervallen");
	reply_free(&r);

	/* Outcomes of the works company's placements: this one, the second of
	 * case 4 (2 weeks) and the seeded one of Kees (5 weeks). */
	char op[128];
	const int64_t org = user_org("werkgever@demo.spoorwijzer.nl");
	snprintf(op, sizeof op, "/api/v1/organisations/%lld/placement-outcomes?by=network",
		 (long long)org);
	expect("werkgever", "GET", op, NULL, 200, &r);
	const json_t *total = json_object_get(r.json, "total");
	assert_int_equal(num(total, "placements"), 3);
	assert_int_equal(num(total, "lopend"), 2);
	assert_int_equal(num(total, "doorgestroomd"), 1);
	assert_int_equal(num(json_object_get(total, "lasted_6_months"), "yes"), 1);
	assert_int_equal(num(json_object_get(total, "lasted_6_months"), "known"), 1);
	assert_int_equal(num(json_object_get(total, "lasted_12_months"), "yes"), 1);
	assert_int_equal(num(json_object_get(r.json, "end_reasons"),
			     "Vaste baan bij een andere werkgever"),
			 1);
	const json_t *groups = json_object_get(r.json, "groups");
	assert_int_equal(json_array_size(groups), 2);
	assert_string_equal(str(json_array_get(groups, 0), "key"), "Werkgeversnetwerk West-Brabant");
	assert_int_equal(num(json_array_get(groups, 0), "placements"), 2);
	assert_string_equal(str(json_array_get(groups, 1), "key"), "geen netwerk");
	reply_free(&r);

	snprintf(op, sizeof op, "/api/v1/organisations/%lld/placement-outcomes?by=route",
		 (long long)org);
	expect("werkgever", "GET", op, NULL, 200, &r);
	groups = json_object_get(r.json, "groups");
	assert_int_equal(json_array_size(groups), 3);   /* ontwikkel (seed), baanherontwerp, geen */
	reply_free(&r);
	snprintf(op, sizeof op, "/api/v1/organisations/%lld/placement-outcomes?by=sector",
		 (long long)org);
	expect_error("werkgever", "GET", op, NULL, 422, "invalid", "by");
	snprintf(op, sizeof op, "/api/v1/organisations/%lld/placement-outcomes", (long long)org);
	expect_error("werknemer", "GET", op, NULL, 403, "forbidden", "");
	expect_error("beheerder", "GET", op, NULL, 404, "not_found", "id");
	expect_error("netwerkwerkgever", "GET", op, NULL, 404, "not_found", "id");

	/* Every access left an audit row, refusals too. */
	assert_true(count("SELECT COUNT(*) FROM audit_log WHERE case_id = $1"
			  " AND resource = 'monitoring' AND outcome = 'deny'",
			  SANNE_CASE) >= 5);
	assert_true(count("SELECT COUNT(*) FROM audit_log WHERE case_id = $1"
			  " AND resource = 'monitoring' AND action = 'write' AND outcome = 'allow'",
			  SANNE_CASE) >= 10);
}

static void test_seeded(void **state)
{
	(void)state;
	struct reply r;
	expect("arbeidsdeskundige", "GET", "/api/v1/cases/5/placements", NULL, 200, &r);
	const json_t *items = json_object_get(r.json, "items");
	assert_int_equal(json_array_size(items), 1);
	const int64_t pid = num(json_array_get(items, 0), "id");
	reply_free(&r);
	char p[256];
	snprintf(p, sizeof p, "/api/v1/cases/5/placements/%lld/questionnaires", (long long)pid);
	expect("kees.mulder", "GET", p, NULL, 200, &r);
	const json_t *t0 = json_array_get(json_object_get(r.json, "moments"), 0);
	static const char *const persp[] = { "werknemer", "werkgever", "arbeidsdeskundige" };
	for (int v = 0; v < 3; v++)
		assert_string_equal(
			str(json_object_get(json_object_get(t0, "perspectives"), persp[v]), "status"),
			"ingevuld");
	reply_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_placement),      cmocka_unit_test(test_driegesprek),
		cmocka_unit_test(test_cycle),          cmocka_unit_test(test_questionnaire_input),
		cmocka_unit_test(test_risk_signals),   cmocka_unit_test(test_goals),
		cmocka_unit_test(test_end_and_outcomes), cmocka_unit_test(test_seeded),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
