/* test_api_participations.c - participations, art. 5 deviations, the
 * paged events and messages, and the privacy matrix, over TCP against the
 * real server and store ($SW_TEST_DATABASE, seeded on 2026-03-02, with the
 * demo medical note sealed under a test key).
 *
 * Seeded cases by id: 1 Daan (week 3; werkgever and bedrijfsarts), 2 Yusuf
 * (week 7, probleemanalyse overdue), 3 Ingrid, 4 Sanne (the werknemer demo
 * user; werkgever, bedrijfsarts, arbeidsdeskundige, coach; one art. 5
 * deviation), 5 Kees (19 events; the netwerkwerkgever takes part), 6 Naima,
 * 7 Tom. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-participations.db"
#include "http/api_harness.h"

#define NCASES 7
#define DAAN_CASE 1
#define YUSUF_CASE 2
#define SANNE_CASE 4
#define KEES_CASE 5

static const uint8_t test_key[CRYPTO_KEY_BYTES] = { 42, 1, 2, 3 };

static int seeded_setup(void **state)
{
	struct sw_error err = { 0 };
	if (setup(state) != 0 || store_seed_demo_medical(F->st, test_key, &err) != 0)
		return -1;
	memcpy(F->app->medical_key, test_key, sizeof test_key);
	F->app->has_medical_key = true;
	return 0;
}

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static int64_t num(const json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

static void case_path(char *out, size_t outsz, int64_t case_id, const char *rest)
{
	snprintf(out, outsz, "/api/v1/cases/%lld%s%s", (long long)case_id, *rest ? "/" : "", rest);
}

/* ---- participations ---- */

static void test_participations(void **state)
{
	(void)state;
	char path[160], body[256];
	struct reply r;
	case_path(path, sizeof path, SANNE_CASE, "participations");
	static const char *const readers[] = { "werknemer", "werkgever", "bedrijfsarts",
					       "arbeidsdeskundige", "re-integratieprofessional" };
	for (size_t i = 0; i < 5; i++) {
		call(as(readers[i]), "GET", path, NULL, 0, &r);
		if (r.status != 200)
			fail_msg("%s: %ld", readers[i], r.status);
		const json_t *items = json_object_get(r.json, "items");
		assert_int_equal(json_array_size(items), 5);
		assert_string_equal(str(json_array_get(items, 0), "role"), "werknemer");
		assert_string_equal(str(json_object_get(json_array_get(items, 0), "user"), "name"),
				    "Sanne de Vries");
		reply_free(&r);
	}
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);
	assert_int_equal(status_of("beheerder", "GET", path, NULL), 404);

	/* The werkgever assigns the arbeidsdeskundige to Daan's case: from
	 * then on the case exists for him. */
	char daan[160];
	case_path(daan, sizeof daan, DAAN_CASE, "");
	assert_int_equal(status_of("arbeidsdeskundige", "GET", daan, NULL), 404);
	const int64_t ad = user_id("arbeidsdeskundige@demo.spoorwijzer.nl");
	case_path(path, sizeof path, DAAN_CASE, "participations");
	snprintf(body, sizeof body, "{\"user_id\":%lld,\"role\":\"arbeidsdeskundige\"}",
		 (long long)ad);
	call(as("werkgever"), "POST", path, body, 1, &r);
	if (r.status != 201)
		fail_msg("assign: %ld %s", r.status, r.body ? r.body : "");
	const int64_t pid = num(r.json, "id");
	assert_string_equal(str(r.json, "role"), "arbeidsdeskundige");
	assert_string_equal(str(r.json, "from"), "2026-03-02");
	assert_true(json_is_null(json_object_get(r.json, "until")));
	reply_free(&r);
	assert_int_equal(status_of("arbeidsdeskundige", "GET", daan, NULL), 200);

	/* Only the case's werkgever assigns. */
	static const char *const others[] = { "werknemer", "bedrijfsarts" };
	char sanne[160];
	case_path(sanne, sizeof sanne, SANNE_CASE, "participations");
	for (size_t i = 0; i < 2; i++) {
		call(as(others[i]), "POST", sanne, body, 1, &r);
		assert_error(&r, 403, "forbidden", "");
		reply_free(&r);
	}
	assert_int_equal(status_of("daan.bakker", "POST", sanne, body), 404);

	/* Who cannot take part in which role. */
	const int64_t org_net = user_id("netwerkwerkgever@demo.spoorwijzer.nl");
	const struct {
		int64_t user;
		const char *role, *field;
	} bad[] = {
		{ user_id("daan.bakker@demo.spoorwijzer.nl"), "bedrijfsarts", "user_id" },
		{ user_id("beheerder@demo.spoorwijzer.nl"), "arbeidsdeskundige", "user_id" },
		{ org_net, "werkgever", "user_id" },
		{ ad, "netwerkwerkgever", "user_id" },
		{ 99999, "bedrijfsarts", "user_id" },
		{ ad, "werknemer", "role" },
		{ ad, "beheerder", "role" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(body, sizeof body, "{\"user_id\":%lld,\"role\":\"%s\"}",
			 (long long)bad[i].user, bad[i].role);
		call(as("werkgever"), "POST", path, body, 1, &r);
		if (r.status != 422)
			fail_msg("%s: %ld %s", body, r.status, r.body ? r.body : "");
		assert_string_equal(str(json_object_get(r.json, "error"), "field"), bad[i].field);
		reply_free(&r);
	}
	/* until before from. */
	snprintf(body, sizeof body, "{\"user_id\":%lld,\"role\":\"re-integratieprofessional\","
		 "\"from\":\"2026-03-10\",\"until\":\"2026-03-01\"}", (long long)ad);
	call(as("werkgever"), "POST", path, body, 1, &r);
	assert_error(&r, 422, "invalid", "until");
	reply_free(&r);

	/* Ending it: the case is gone for him again. */
	char one[200];
	snprintf(one, sizeof one, "%s/%lld", path, (long long)pid);
	call(as("werkgever"), "PATCH", one, "{\"until\":\"2026-03-01\"}", 1, &r);
	assert_int_equal(r.status, 422);
	reply_free(&r);
	call(as("werkgever"), "PATCH", one, "{\"until\":\"2026-03-02\"}", 1, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(str(r.json, "until"), "2026-03-02");
	reply_free(&r);
	assert_int_equal(status_of("arbeidsdeskundige", "GET", daan, NULL), 200); /* through today */

	/* The werknemer's participation never ends here. */
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	const json_t *items = json_object_get(r.json, "items");
	int64_t wn = 0;
	for (size_t i = 0; i < json_array_size(items); i++)
		if (strcmp(str(json_array_get(items, i), "role"), "werknemer") == 0)
			wn = num(json_array_get(items, i), "id");
	reply_free(&r);
	assert_true(wn > 0);
	snprintf(one, sizeof one, "%s/%lld", path, (long long)wn);
	call(as("werkgever"), "PATCH", one, "{\"until\":\"2026-03-02\"}", 1, &r);
	assert_error(&r, 409, "conflict", "pid");
	reply_free(&r);
	/* Another case's participation does not exist under this one. */
	snprintf(one, sizeof one, "%s/%lld", sanne, (long long)pid);
	call(as("werkgever"), "PATCH", one, "{\"until\":\"2026-03-02\"}", 1, &r);
	assert_error(&r, 404, "not_found", "pid");
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM participations WHERE case_id = $1", DAAN_CASE),
			 4);

	/* An ended participation in Yusuf's case, between the arbeidsdeskundige's
	 * listed cases: his list reads the page's range, shows only his own. */
	case_path(path, sizeof path, YUSUF_CASE, "participations");
	snprintf(body, sizeof body, "{\"user_id\":%lld,\"role\":\"arbeidsdeskundige\","
		 "\"from\":\"2026-02-01\",\"until\":\"2026-02-28\"}", (long long)ad);
	assert_int_equal(status_of("werkgever", "POST", path, body), 201);
	call(as("arbeidsdeskundige"), "GET", "/api/v1/cases", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(num(r.json, "total"), 3);
	static const struct {
		int64_t id;
		const char *employee;
		int64_t week;
	} want[] = { { DAAN_CASE, "Daan Bakker", 3 }, { SANNE_CASE, "Sanne de Vries", 50 },
		     { KEES_CASE, "Kees Mulder", 90 } };
	for (size_t i = 0; i < 3; i++) {
		const json_t *it = json_array_get(json_object_get(r.json, "items"), i);
		assert_int_equal(num(it, "id"), want[i].id);
		assert_string_equal(str(json_object_get(it, "employee"), "name"), want[i].employee);
		assert_int_equal(num(it, "week"), want[i].week);
		assert_string_equal(str(it, "my_role"), "arbeidsdeskundige");
	}
	reply_free(&r);
	call(as("arbeidsdeskundige"), "GET", "/api/v1/cases?per_page=1&page=2", NULL, 0, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	assert_int_equal(num(json_array_get(json_object_get(r.json, "items"), 0), "id"), SANNE_CASE);
	reply_free(&r);
}

/* The professionals the werkgever picks from: arbodiensten and
 * re-integratiebedrijven only, never an employee or a network employer. */
static void test_candidates(void **state)
{
	(void)state;
	char path[160];
	struct reply r;
	case_path(path, sizeof path, DAAN_CASE, "participant-candidates");
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	if (r.status != 200)
		fail_msg("candidates: %ld %s", r.status, r.body ? r.body : "");
	const json_t *items = json_object_get(r.json, "items");
	bool arts = false, ad = false, coach = false;
	for (size_t i = 0; i < json_array_size(items); i++) {
		const json_t *it = json_array_get(items, i);
		const char *name = str(it, "name");
		const char *kind = str(json_object_get(it, "organisation"), "kind");
		if (strcmp(kind, "arbodienst") != 0 && strcmp(kind, "re-integratiebedrijf") != 0)
			fail_msg("%s of a %s", name, kind);
		arts |= num(it, "id") == user_id("bedrijfsarts@demo.spoorwijzer.nl");
		ad |= num(it, "id") == user_id("arbeidsdeskundige@demo.spoorwijzer.nl");
		coach |= num(it, "id") == user_id("re-integratieprofessional@demo.spoorwijzer.nl");
		static const char *const never[] = { "Daan Bakker", "Sanne de Vries", "Mark Janssens",
						     "Erik van Gils", "Beheer Spoorwijzer" };
		for (size_t j = 0; j < sizeof never / sizeof never[0]; j++)
			if (strcmp(name, never[j]) == 0)
				fail_msg("%s is listed", name);
	}
	assert_true(arts && ad && coach);
	reply_free(&r);
	/* Only the case's werkgever asks: its employee and bedrijfsarts are
	 * refused, someone without a relation to the case does not see it. */
	assert_int_equal(status_of("daan.bakker", "GET", path, NULL), 403);
	assert_int_equal(status_of("bedrijfsarts", "GET", path, NULL), 403);
	assert_int_equal(status_of("werknemer", "GET", path, NULL), 404);
	assert_int_equal(status_of("beheerder", "GET", path, NULL), 404);
}

/* ---- art. 5 deviations ---- */

static void test_deviations(void **state)
{
	(void)state;
	char path[160];
	struct reply r;
	case_path(path, sizeof path, SANNE_CASE, "deviations");
	call(as("werknemer"), "GET", path, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	const json_t *d = json_array_get(json_object_get(r.json, "items"), 0);
	assert_string_equal(str(d, "code"), "eerstejaarsevaluatie");
	assert_string_equal(str(json_object_get(d, "agreed_by_werkgever"), "name"), "Mark Janssens");
	assert_string_equal(str(json_object_get(d, "agreed_by_werknemer"), "name"),
			    "Sanne de Vries");
	assert_non_null(strstr(str(d, "reason"), "arbeidsdeskundig onderzoek"));
	reply_free(&r);
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);

	/* Yusuf's overdue probleemanalyse, moved by agreement. */
	case_path(path, sizeof path, YUSUF_CASE, "deviations");
	const char *body = "{\"code\":\"probleemanalyse\",\"agreed_due\":\"2026-03-20\","
			   "\"reason\":\"Bedrijfsarts pas op 19 maart beschikbaar; beide akkoord.\"}";
	call(as("werknemer"), "POST", path, body, 1, &r);
	assert_int_equal(r.status, 404);  /* not Sanne's case */
	reply_free(&r);
	call(as("bedrijfsarts"), "POST", path, body, 1, &r);
	assert_error(&r, 403, "forbidden", "");
	reply_free(&r);
	static const struct {
		const char *body, *field;
	} bad[] = {
		{ "{\"code\":\"probleemanalyse\",\"reason\":\"x\"}", "agreed_due" },
		{ "{\"code\":\"koffie\",\"agreed_due\":null,\"reason\":\"x\"}", "code" },
		{ "{\"code\":\"probleemanalyse\",\"agreed_due\":null,\"reason\":\" \"}", "reason" },
		{ "{\"code\":\"probleemanalyse\",\"agreed_due\":\"2026-02-30\",\"reason\":\"x\"}",
		  "agreed_due" },
		{ "{\"code\":\"probleemanalyse\",\"agreed_due\":null,\"reason\":\"x\","
		  "\"agreed_by_werknemer\":3}",
		  "agreed_by_werknemer" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		call(as("werkgever"), "POST", path, bad[i].body, 1, &r);
		if (r.status != 422)
			fail_msg("%s: %ld %s", bad[i].body, r.status, r.body ? r.body : "");
		assert_string_equal(str(json_object_get(r.json, "error"), "field"), bad[i].field);
		reply_free(&r);
	}
	call(as("werkgever"), "POST", path, body, 1, &r);
	if (r.status != 201)
		fail_msg("deviation: %ld %s", r.status, r.body ? r.body : "");
	assert_string_equal(str(r.json, "agreed_due"), "2026-03-20");
	assert_int_equal(num(json_object_get(r.json, "agreed_by_werknemer"), "id"),
			 user_id("yusuf.kaya@demo.spoorwijzer.nl"));
	reply_free(&r);
	/* The timeline shows the agreement, not "te laat". */
	case_path(path, sizeof path, YUSUF_CASE, "deadlines");
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	const json_t *ds = json_object_get(r.json, "deadlines");
	int seen = 0;
	for (size_t i = 0; i < json_array_size(ds); i++) {
		const json_t *x = json_array_get(ds, i);
		if (strcmp(str(x, "code"), "probleemanalyse") != 0)
			continue;
		seen = 1;
		assert_string_equal(str(x, "agreed_due"), "2026-03-20");
		assert_string_not_equal(str(x, "status"), "te laat");
	}
	assert_true(seen);
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM deviations WHERE case_id = $1", YUSUF_CASE), 1);
}

/* ---- pages ---- */

static void test_event_pages(void **state)
{
	(void)state;
	char path[160];
	struct reply r;
	/* However many events the demo seed gives Kees (at least 16). */
	const int64_t total = count("SELECT COUNT(*) FROM events WHERE case_id = $1", KEES_CASE);
	assert_true(total > 15 && total <= 50);
	case_path(path, sizeof path, KEES_CASE, "events");
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(num(r.json, "total"), total);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), total);
	const char *sixth = str(json_array_get(json_object_get(r.json, "items"), 5), "date");
	char want[16];
	snprintf(want, sizeof want, "%s", sixth);
	reply_free(&r);

	case_path(path, sizeof path, KEES_CASE, "events?per_page=5&page=2");
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_int_equal(num(r.json, "total"), total);
	assert_int_equal(num(r.json, "page"), 2);
	assert_int_equal(num(r.json, "per_page"), 5);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 5);
	assert_string_equal(str(json_array_get(json_object_get(r.json, "items"), 0), "date"), want);
	reply_free(&r);
	case_path(path, sizeof path, KEES_CASE, "events?per_page=5&page=4");
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")),
			 total - 15 < 5 ? total - 15 : 5);
	reply_free(&r);
	case_path(path, sizeof path, KEES_CASE, "events?page=9");
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 0);
	assert_int_equal(num(r.json, "total"), total);
	reply_free(&r);
	static const char *const bad[] = { "events?per_page=0", "events?per_page=501",
					   "events?page=0", "events?page=x" };
	for (size_t i = 0; i < 4; i++) {
		case_path(path, sizeof path, KEES_CASE, bad[i]);
		call(as("werkgever"), "GET", path, NULL, 0, &r);
		assert_int_equal(r.status, 422);
		reply_free(&r);
	}
}

static void test_message_pages(void **state)
{
	(void)state;
	char path[160], body[64];
	struct reply r;
	case_path(path, sizeof path, SANNE_CASE, "messages");
	for (int i = 1; i <= 5; i++) {
		snprintf(body, sizeof body, "{\"body\":\"bericht %d\"}", i);
		call(as("werkgever"), "POST", path, body, 1, &r);
		assert_int_equal(r.status, 201);
		reply_free(&r);
	}
	/* Page 1 is the newest, oldest first within the page. */
	case_path(path, sizeof path, SANNE_CASE, "messages?per_page=2");
	call(as("werknemer"), "GET", path, NULL, 0, &r);
	assert_int_equal(num(r.json, "total"), 5);
	const json_t *items = json_object_get(r.json, "items");
	assert_int_equal(json_array_size(items), 2);
	assert_string_equal(str(json_array_get(items, 0), "body"), "bericht 4");
	assert_string_equal(str(json_array_get(items, 1), "body"), "bericht 5");
	reply_free(&r);
	case_path(path, sizeof path, SANNE_CASE, "messages?per_page=2&page=3");
	call(as("werknemer"), "GET", path, NULL, 0, &r);
	items = json_object_get(r.json, "items");
	assert_int_equal(json_array_size(items), 1);
	assert_string_equal(str(json_array_get(items, 0), "body"), "bericht 1");
	reply_free(&r);
	case_path(path, sizeof path, SANNE_CASE, "messages");
	call(as("werknemer"), "GET", path, NULL, 0, &r);
	assert_int_equal(num(r.json, "per_page"), 200);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 5);
	reply_free(&r);
	case_path(path, sizeof path, SANNE_CASE, "messages?per_page=201");
	call(as("werknemer"), "GET", path, NULL, 0, &r);
	assert_error(&r, 422, "invalid", "per_page");
	reply_free(&r);
}

/* ---- the privacy matrix ---- */

/* No answer to who about any case carries the demo medical note. */
static void assert_never_medical(const char *who, int64_t case_id)
{
	static const char *const rests[] = { "", "medical", "deadlines", "events", "messages",
					     "participations", "deviations", "consents",
					     "access-log" };
	char path[160];
	struct reply r;
	for (size_t i = 0; i < sizeof rests / sizeof rests[0]; i++) {
		case_path(path, sizeof path, case_id, rests[i]);
		call(as(who), "GET", path, NULL, 0, &r);
		if (r.body != NULL && (strstr(r.body, "hernia") != NULL ||
				       strstr(r.body, "L5-S1") != NULL ||
				       strstr(r.body, "lage rugklachten") != NULL))
			fail_msg("%s GET %s: medical text in %s", who, path, r.body);
		if (strcmp(rests[i], "medical") == 0 && r.status != 403 && r.status != 404)
			fail_msg("%s GET %s: %ld", who, path, r.status);
		reply_free(&r);
	}
}

static void test_matrix(void **state)
{
	(void)state;
	char path[160];
	struct reply r;
	/* The note is there, for those who may read it. */
	case_path(path, sizeof path, SANNE_CASE, "medical");
	call(as("bedrijfsarts"), "GET", path, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(str(json_array_get(json_object_get(r.json, "items"), 0), "kind"),
			    "probleemanalyse_medisch");
	assert_non_null(strstr(r.body, "hernia"));
	reply_free(&r);

	/* An employer of another organisation, made the way accounts are. */
	call(as("beheerder"), "POST", "/api/v1/organisations",
	     "{\"name\":\"Logistiek Zundert BV\",\"kind\":\"werkgever\"}", 1, &r);
	assert_int_equal(r.status, 201);
	char body[256];
	snprintf(body, sizeof body,
		 "{\"email\":\"hr@zundert.example\",\"name\":\"HR Zundert\",\"organisation_id\":%lld}",
		 (long long)num(r.json, "id"));
	reply_free(&r);
	call(as("beheerder"), "POST", "/api/v1/invitations", body, 1, &r);
	assert_int_equal(r.status, 201);
	char accept[160];
	snprintf(accept, sizeof accept, "%s", str(r.json, "accept_url"));
	reply_free(&r);
	struct client *other = &logged[nlogged].cl;
	anonymous(other);
	call(other, "POST", accept, "{\"password\":\"zundert wachtwoord\"}", 1, &r);
	assert_int_equal(r.status, 201);
	reply_free(&r);
	snprintf(logged[nlogged].email, sizeof logged[nlogged].email, "hr@zundert.example");
	nlogged++;

	call(as("hr@zundert.example"), "GET", "/api/v1/cases", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(num(r.json, "total"), 0);
	reply_free(&r);
	for (int64_t k = 1; k <= NCASES; k++) {
		case_path(path, sizeof path, k, "");
		assert_int_equal(status_of("hr@zundert.example", "GET", path, NULL), 404);
		assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);
		static const char *const nonmedical[] = {
			"werkgever", "arbeidsdeskundige", "re-integratieprofessional",
			"netwerkwerkgever", "beheerder", "anouk.smit", "hr@zundert.example",
		};
		for (size_t i = 0; i < sizeof nonmedical / sizeof nonmedical[0]; i++)
			assert_never_medical(nonmedical[i], k);
	}
	/* Other employees never see Sanne's note either. */
	assert_never_medical("kees.mulder", SANNE_CASE);

	/* Kees's case gets a note too. Kees consented to be proposed to the
	 * network (demo seed): the network employer reads his search profile,
	 * still never the medical domain. */
	const struct store_medical_note note = {
		.case_id = KEES_CASE, .author_id = user_id("bedrijfsarts@demo.spoorwijzer.nl"),
		.kind = STORE_MEDICAL_DIAGNOSE, .text = "hernia L5-S1, recidief",
	};
	int64_t nid;
	struct sw_error err = { 0 };
	assert_int_equal(store_medical_insert(F->st, test_key, &note, &nid, &err), 0);
	case_path(path, sizeof path, KEES_CASE, "zoekprofiel");
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 200);
	assert_never_medical("netwerkwerkgever", KEES_CASE);
	case_path(path, sizeof path, KEES_CASE, "medical");
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);
	assert_int_equal(status_of("werkgever", "GET", path, NULL), 403);
	call(as("kees.mulder"), "GET", path, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_string_equal(str(json_array_get(json_object_get(r.json, "items"), 0), "text"),
			    "hernia L5-S1, recidief");
	reply_free(&r);
}

int main(void)
{
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_participations),
		cmocka_unit_test(test_candidates),
		cmocka_unit_test(test_deviations),
		cmocka_unit_test(test_event_pages),
		cmocka_unit_test(test_message_pages),
		cmocka_unit_test(test_matrix),
	};
	const int rc = cmocka_run_group_tests(tests, seeded_setup, teardown);
	curl_global_cleanup();
	return rc;
}
