/* test_api_flow.c - from the network pipeline into monitoring, over TCP
 * against the real server and store ($SW_TEST_DATABASE, migrated and
 * seeded on 2026-03-02): a pipeline entry that reaches a placement stage
 * gets its placement (one, whatever happens), later stages change its
 * kind, ending the entry ends it; the seeded proefplaatsing of Kees is one
 * story in the pipeline and in monitoring. Before a proefplaatsing or
 * detachering the spelregels are recorded and agreed by the three parties.
 *
 * Seed: case 5 Kees (profile 16-24 hours, consent) at proefplaatsing for
 * offer 1 of Bouwbedrijf Van Gils since 2026-01-26; offer 2 (magazijn,
 * 24-32 hours) of the same employer. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-flow.db"
#include "http/api_harness.h"

#define KEES_CASE 5
#define NWG "netwerkwerkgever"
#define COACH "re-integratieprofessional"
#define AD "arbeidsdeskundige"
#define KEES "kees.mulder"
#define OFFER_VOORBEREIDING 1
#define OFFER_MAGAZIJN 2

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static int64_t num(const json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

static void req(const char *who, const char *method, const char *path, const char *body,
		long want, struct reply *r)
{
	call(as(who), method, path, body, body != NULL || strcmp(method, "GET") != 0, r);
	if (r->status != want)
		fail_msg("%s %s %s as %s: %ld, want %ld: %s", method, path, body ? body : "", who,
			 r->status, want, r->body ? r->body : "");
}

static void move(const char *who, int64_t entry, const char *body, long want,
		 const char *field)
{
	char path[128];
	struct reply r;
	snprintf(path, sizeof path, "/api/v1/cases/%d/pipeline/%lld/moves", KEES_CASE,
		 (long long)entry);
	req(who, "POST", path, body, want, &r);
	if (field != NULL)
		assert_string_equal(str(json_object_get(r.json, "error"), "field"), field);
	reply_free(&r);
}

/* The case's placement that came from pipeline entry entry; the reply
 * stays in r. NULL if none. */
static const json_t *placement_of_entry(int64_t entry, struct reply *r)
{
	req(AD, "GET", "/api/v1/cases/5/placements", NULL, 200, r);
	size_t i;
	const json_t *p;
	json_array_foreach(json_object_get(r->json, "items"), i, p)
		if (num(p, "pipeline_entry_id") == entry)
			return p;
	return NULL;
}

static void test_seeded_story(void **state)
{
	(void)state;
	struct reply r;
	req(COACH, "GET", "/api/v1/cases/5/pipeline", NULL, 200, &r);
	const json_t *e = json_array_get(json_object_get(r.json, "items"), 0);
	const int64_t eid = num(e, "id");
	assert_string_equal(str(e, "stage"), "proefplaatsing");
	assert_string_equal(str(json_object_get(e, "dates"), "proefplaatsing"), "2026-01-26");
	reply_free(&r);

	const json_t *p = placement_of_entry(eid, &r);
	assert_non_null(p);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	assert_string_equal(str(p, "kind"), "proefplaatsing");
	assert_string_equal(str(p, "start"), "2026-01-26");
	assert_string_equal(str(p, "network"), "Werkgeversnetwerk West-Brabant");
	assert_string_equal(str(json_object_get(p, "employer"), "name"),
			    "Bouwbedrijf Van Gils Etten-Leur");
	assert_string_equal(str(json_object_get(p, "schedule"), "T0"), "2026-01-26");
	reply_free(&r);
}

/* The entry of Kees for the magazijn offer the tests below take along. */
static int64_t eid;
static char rules_path[128], akkoord_path[160];

#define RULES                                                                               \
	"{\"ziekterisico\":\"verzendende_werkgever\",\"loonkosten_percentage\":40,"          \
	"\"bij_terugval\":\"Ziekmelden bij de eigen werkgever; na twee weken evalueren.\","     \
	"\"intentie_dienstverband\":true,\"contactpersoon\":\"Erik van Gils\","               \
	"\"duur_weken\":%d}"

static void put_rules(const char *who, int weeks, long want, const char *field)
{
	char body[512];
	struct reply r;
	snprintf(body, sizeof body, RULES, weeks);
	call(as(who), "PUT", rules_path, body, 1, &r);
	if (r.status != want)
		fail_msg("PUT spelregels as %s: %ld, want %ld: %s", who, r.status, want,
			 r.body ? r.body : "");
	if (field != NULL)
		assert_string_equal(str(json_object_get(r.json, "error"), "field"), field);
	reply_free(&r);
}

static void agree(const char *who, int version, long want, const char *field)
{
	char body[64];
	struct reply r;
	snprintf(body, sizeof body, "{\"version\":%d}", version);
	call(as(who), "POST", akkoord_path, body, 1, &r);
	if (r.status != want)
		fail_msg("akkoord as %s: %ld, want %ld: %s", who, r.status, want,
			 r.body ? r.body : "");
	if (field != NULL)
		assert_string_equal(str(json_object_get(r.json, "error"), "field"), field);
	reply_free(&r);
}

static bool agreed(const json_t *rules, const char *party)
{
	return json_is_true(
		json_object_get(json_object_get(json_object_get(rules, "akkoord"), party), "agreed"));
}

static void test_spelregels(void **state)
{
	(void)state;
	struct reply r;
	req(COACH, "POST", "/api/v1/cases/5/pipeline", "{\"offer_id\":2}", 201, &r);
	eid = num(r.json, "id");
	reply_free(&r);
	snprintf(rules_path, sizeof rules_path, "/api/v1/cases/5/pipeline/%lld/spelregels",
		 (long long)eid);
	snprintf(akkoord_path, sizeof akkoord_path, "%s/akkoord", rules_path);
	move(NWG, eid, "{\"stage\":\"kennismaking\"}", 200, NULL);

	/* Not recorded yet: a proposal from Van Gils's defaults and the offer. */
	req(KEES, "GET", rules_path, NULL, 200, &r);
	assert_false(json_is_true(json_object_get(r.json, "recorded")));
	assert_true(json_is_null(json_object_get(r.json, "version")));
	assert_string_equal(str(r.json, "ziekterisico"), "verzendende_werkgever");
	assert_int_equal(num(r.json, "loonkosten_percentage"), 50);
	assert_string_equal(str(r.json, "contactpersoon"), "Erik van Gils");
	assert_int_equal(num(r.json, "duur_weken"), 8);
	assert_false(json_is_true(json_object_get(r.json, "complete")));
	reply_free(&r);

	/* No proefplaatsing or detachering without them; nothing to agree to. */
	move(COACH, eid, "{\"stage\":\"proefplaatsing\"}", 409, "spelregels");
	move(COACH, eid, "{\"stage\":\"detachering\"}", 409, "spelregels");
	agree("werkgever", 1, 409, "spelregels");

	/* Bad input changes nothing; the employee does not write them. */
	call(as(COACH), "PUT", rules_path, "{\"ziekterisico\":\"niemand\"}", 1, &r);
	assert_error(&r, 422, "invalid", "ziekterisico");
	reply_free(&r);
	call(as(COACH), "PUT", rules_path,
	     "{\"ziekterisico\":\"verzendende_werkgever\",\"loonkosten_percentage\":101}", 1, &r);
	assert_error(&r, 422, "invalid", "loonkosten_percentage");
	reply_free(&r);
	call(as(COACH), "PUT", rules_path, "{\"proef\":1}", 1, &r);
	assert_error(&r, 422, "invalid", "proef");
	reply_free(&r);
	put_rules(COACH, 0, 422, "duur_weken");
	put_rules(KEES, 4, 403, NULL);
	assert_int_equal(count("SELECT COUNT(*) FROM spelregels WHERE entry_id = $1", eid), 0);

	put_rules(COACH, 4, 200, NULL);
	agree("werkgever", 1, 200, NULL);
	agree("werkgever", 1, 200, NULL);      /* twice is once */
	agree(AD, 1, 403, NULL);                /* not a party */
	{
		char path[128];
		snprintf(path, sizeof path, "/api/v1/cases/5/pipeline/%lld/moves", (long long)eid);
		call(as(COACH), "POST", path, "{\"stage\":\"proefplaatsing\"}", 1, &r);
		assert_error(&r, 409, "conflict", "spelregels");
		const char *msg = str(json_object_get(r.json, "error"), "message");
		assert_non_null(strstr(msg, "still to agree: netwerkwerkgever, werknemer"));
		reply_free(&r);
	}

	/* Changing them withdraws the agreement; an old version is refused. */
	put_rules(NWG, 6, 200, NULL);
	req(COACH, "GET", rules_path, NULL, 200, &r);
	assert_int_equal(num(r.json, "version"), 2);
	assert_int_equal(num(r.json, "duur_weken"), 6);
	assert_false(agreed(r.json, "werkgever"));
	reply_free(&r);
	agree(KEES, 1, 409, "version");
	agree(KEES, 2, 200, NULL);
	/* The employee agrees for himself only. */
	call(as(KEES), "POST", akkoord_path, "{\"version\":2,\"party\":\"werkgever\"}", 1, &r);
	assert_error(&r, 403, "forbidden", "party");
	reply_free(&r);
	/* The arbeidsdeskundige records the network employer's signed form. */
	call(as(AD), "POST", akkoord_path, "{\"version\":2,\"party\":\"werknemer\"}", 1, &r);
	assert_error(&r, 403, "forbidden", "party");
	reply_free(&r);
	req(AD, "POST", akkoord_path, "{\"version\":2,\"party\":\"netwerkwerkgever\"}", 200, &r);
	const json_t *nw = json_object_get(json_object_get(r.json, "akkoord"), "netwerkwerkgever");
	assert_true(json_is_true(json_object_get(nw, "on_behalf")));
	assert_int_equal(num(nw, "user_id"), user_id("arbeidsdeskundige@demo.spoorwijzer.nl"));
	reply_free(&r);
	agree(NWG, 2, 200, NULL);               /* already recorded: kept */
	move(COACH, eid, "{\"stage\":\"proefplaatsing\"}", 409, "spelregels");
	agree("werkgever", 2, 200, NULL);
	req(KEES, "GET", rules_path, NULL, 200, &r);
	assert_true(json_is_true(json_object_get(r.json, "recorded")));
	assert_true(agreed(r.json, "werknemer") && agreed(r.json, "netwerkwerkgever") &&
		    agreed(r.json, "werkgever"));
	assert_true(json_is_true(json_object_get(r.json, "complete")));
	assert_int_equal(num(json_object_get(json_object_get(r.json, "akkoord"), "werknemer"),
			     "user_id"),
			 user_id("kees.mulder@demo.spoorwijzer.nl"));
	reply_free(&r);

	/* Another employer's entry does not exist for this network employer. */
	req(COACH, "POST", "/api/v1/cases/5/pipeline", "{\"offer_id\":4}", 201, &r);
	char other[128];
	snprintf(other, sizeof other, "/api/v1/cases/5/pipeline/%lld/spelregels",
		 (long long)num(r.json, "id"));
	reply_free(&r);
	call(as(NWG), "GET", other, NULL, 0, &r);
	assert_error(&r, 404, "not_found", "eid");
	reply_free(&r);
}

static void test_pipeline_to_monitoring(void **state)
{
	(void)state;
	struct reply r;
	/* No placement before a placement stage. */
	assert_null(placement_of_entry(eid, &r));
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM placements WHERE pipeline_entry_id = $1", eid),
			 0);

	move(COACH, eid, "{\"stage\":\"proefplaatsing\"}", 200, NULL);
	/* Fixed once the placement started. */
	put_rules(COACH, 4, 409, "stage");
	const json_t *p = placement_of_entry(eid, &r);
	assert_non_null(p);
	const int64_t pid = num(p, "id");
	assert_string_equal(str(p, "kind"), "proefplaatsing");
	assert_string_equal(str(p, "start"), "2026-03-02");
	assert_string_equal(str(p, "outcome"), "lopend");
	assert_true(json_is_null(json_object_get(p, "end")));
	assert_int_equal(num(json_object_get(p, "employer"), "organisation_id"),
			 user_org("netwerkwerkgever@demo.spoorwijzer.nl"));
	assert_int_equal(num(p, "hours_per_week"), 32);  /* the offer's */
	assert_int_equal(num(p, "capacity_hours"), 24);  /* the zoekprofiel's */
	assert_string_equal(str(json_object_get(p, "schedule"), "T1"), "2027-03-02");
	reply_free(&r);

	/* Monitoring starts by itself: the driegesprek and T0 are there to do. */
	char path[128];
	snprintf(path, sizeof path, "/api/v1/cases/5/placements/%lld/questionnaires",
		 (long long)pid);
	req(AD, "GET", path, NULL, 200, &r);
	assert_string_equal(str(json_array_get(json_object_get(r.json, "moments"), 0), "moment"),
			    "T0");
	reply_free(&r);

	/* A second placement for the entry is refused, directly too. */
	char body[160];
	snprintf(body, sizeof body,
		 "{\"employer_name\":\"X\",\"kind\":\"detachering\",\"start\":\"2026-03-02\","
		 "\"pipeline_entry_id\":%lld}",
		 (long long)eid);
	call(as(AD), "POST", "/api/v1/cases/5/placements", body, 1, &r);
	assert_error(&r, 409, "conflict", "pipeline_entry_id");
	reply_free(&r);

	/* Later stages change the kind; the start is the run's first day. */
	move(NWG, eid, "{\"stage\":\"dienstverband\"}", 200, NULL);
	p = placement_of_entry(eid, &r);
	assert_int_equal(num(p, "id"), pid);
	assert_string_equal(str(p, "kind"), "dienstverband");
	assert_string_equal(str(p, "start"), "2026-03-02");
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM placements WHERE pipeline_entry_id = $1", eid),
			 1);

	/* Ending the entry ends the placement with the reason. */
	move(NWG, eid, "{\"stage\":\"beeindigd\",\"reason\":\"Reorganisatie magazijn.\"}", 200,
	     NULL);
	p = placement_of_entry(eid, &r);
	assert_string_equal(str(p, "outcome"), "beeindigd");
	assert_string_equal(str(p, "end"), "2026-03-02");
	assert_string_equal(str(p, "end_reason"), "Reorganisatie magazijn.");
	reply_free(&r);
}

/* Ended before a placement stage: nothing to end in monitoring. */
static void test_ended_early(void **state)
{
	(void)state;
	struct reply r;
	req(COACH, "POST", "/api/v1/cases/5/pipeline", "{\"offer_id\":3}", 201, &r);
	const int64_t early = num(r.json, "id");
	reply_free(&r);
	move(COACH, early, "{\"stage\":\"beeindigd\",\"reason\":\"Te ver reizen.\"}", 200, NULL);
	assert_int_equal(
		count("SELECT COUNT(*) FROM placements WHERE pipeline_entry_id = $1", early), 0);
}

int main(void)
{
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seeded_story),
		cmocka_unit_test(test_spelregels),
		cmocka_unit_test(test_pipeline_to_monitoring),
		cmocka_unit_test(test_ended_early),
	};
	const int rc = cmocka_run_group_tests(tests, setup, teardown);
	curl_global_cleanup();
	return rc;
}
