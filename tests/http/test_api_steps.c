/* test_api_steps.c - every Poortwachter step recorded by the right role
 * (src/core/steps.c, docs/domain.md sections 4 and 5), over TCP against the
 * real server and store ($SW_TEST_DATABASE, seeded on 2026-03-02): the
 * deadlines say how each step is recorded and whether the viewer may; a
 * refused event or document (wrong role 403, once-per-case 409, a date
 * outside the case 422) stores nothing.
 *
 * Case 4 is Sanne (the werknemer demo user), in year 1, with the 42-week
 * melding already recorded by the seed. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-steps.db"
#include "http/api_harness.h"

#include "core/steps.h"

#define SANNE_CASE 4

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static const char *err_message(const struct reply *r)
{
	return str(json_object_get(r->json, "error"), "message");
}

static void post_expect(const char *who, const char *path, const char *body, long status,
			struct reply *r)
{
	call(as(who), "POST", path, body, 1, r);
	if (r->status != status)
		fail_msg("%s POST %s %s: %ld, want %ld: %s", who, path, body, r->status, status,
			 r->body ? r->body : "");
}

/* The deadline with this code as `who` sees it (a borrowed reference into
 * r->json). */
static json_t *deadline_of(const char *who, const char *code, struct reply *r)
{
	call(as(who), "GET", "/api/v1/cases/4/deadlines", NULL, 0, r);
	assert_int_equal(r->status, 200);
	json_t *ds = json_object_get(r->json, "deadlines");
	for (size_t i = 0; i < json_array_size(ds); i++)
		if (strcmp(str(json_array_get(ds, i), "code"), code) == 0)
			return json_array_get(ds, i);
	fail_msg("no deadline %s", code);
	return NULL;
}

static int may_record(const char *who, const char *code)
{
	struct reply r;
	/* json_is_true is a macro that evaluates its argument twice. */
	const json_t *d = deadline_of(who, code, &r);
	const int may = json_is_true(json_object_get(d, "may_record"));
	reply_free(&r);
	return may;
}

static int64_t events(void)
{
	return count("SELECT COUNT(*) FROM events WHERE case_id = $1", SANNE_CASE);
}

static int64_t documents(void)
{
	return count("SELECT COUNT(*) FROM documents WHERE case_id = $1", SANNE_CASE);
}

/* ---- tests ---- */

static void test_deadline_record(void **state)
{
	(void)state;
	struct reply r;
	json_t *d = deadline_of("werkgever", "melding_uwv", &r);
	json_t *rec = json_object_get(d, "record");
	assert_string_equal(str(rec, "via"), "event");
	assert_string_equal(str(rec, "event"), "melding_uwv");
	json_t *fields = json_object_get(rec, "fields");
	assert_int_equal(json_array_size(fields), 3);
	assert_string_equal(json_string_value(json_array_get(fields, 0)), "date");
	assert_string_equal(json_string_value(json_array_get(fields, 1)), "reference");
	assert_true(json_is_true(json_object_get(d, "may_record")));
	reply_free(&r);

	d = deadline_of("werkgever", "probleemanalyse", &r);
	rec = json_object_get(d, "record");
	assert_string_equal(str(rec, "via"), "document");
	assert_string_equal(str(rec, "document_type"), "probleemanalyse");
	assert_true(json_is_false(json_object_get(d, "may_record")));
	reply_free(&r);

	d = deadline_of("werkgever", "einde_wachttijd", &r);
	assert_true(json_is_null(json_object_get(d, "record")));
	assert_true(json_is_false(json_object_get(d, "may_record")));
	reply_free(&r);

	assert_true(may_record("bedrijfsarts", "probleemanalyse"));
	assert_false(may_record("bedrijfsarts", "melding_uwv"));
	assert_true(may_record("werknemer", "wia_aanvraag"));
	assert_true(may_record("werkgever", "wia_aanvraag"));
	assert_false(may_record("werknemer", "melding_uwv"));
	assert_true(may_record("werknemer", "plan_van_aanpak"));
	assert_true(may_record("re-integratieprofessional", "start_tweede_spoor"));
	assert_true(may_record("werkgever", "start_tweede_spoor"));
	assert_false(may_record("arbeidsdeskundige", "voortgangsgesprek"));
}

static void test_event_refusals(void **state)
{
	(void)state;
	const char *path = "/api/v1/cases/4/events";
	struct reply r;
	call(as("werkgever"), "GET", "/api/v1/cases/4/deadlines", NULL, 0, &r);
	char before_start[16], body[512];
	sw_date start;
	assert_int_equal(date_parse(str(r.json, "case_start"), &start), 0);
	date_format(start - 1, before_start);
	reply_free(&r);
	const int64_t n = events();

	/* Wrong role: 403 naming who may. */
	post_expect("bedrijfsarts", path,
		    "{\"kind\":\"wia_aanvraag\",\"date\":\"2026-03-01\",\"reference\":\"W-1\"}", 403,
		    &r);
	assert_error(&r, 403, "forbidden", "kind");
	assert_non_null(strstr(err_message(&r), "werknemer or werkgever"));
	reply_free(&r);
	post_expect("werknemer", path, "{\"kind\":\"ziekmelding_arbodienst\",\"date\":\"2026-03-01\"}",
		    403, &r);
	assert_non_null(strstr(err_message(&r), "werkgever"));
	reply_free(&r);
	post_expect("arbeidsdeskundige", path, "{\"kind\":\"voortgangsgesprek\",\"date\":\"2026-03-01\"}",
		    403, &r);
	reply_free(&r);

	/* Once per case: the seed recorded the ziekmelding and the 42-week melding. */
	post_expect("werkgever", path,
		    "{\"kind\":\"melding_uwv\",\"date\":\"2026-03-01\",\"reference\":\"ZW-2\"}", 409, &r);
	assert_error(&r, 409, "conflict", "kind");
	reply_free(&r);
	post_expect("werkgever", path, "{\"kind\":\"ziekmelding_arbodienst\",\"date\":\"2026-03-01\"}",
		    409, &r);
	reply_free(&r);

	/* Dates outside the case. */
	snprintf(body, sizeof body, "{\"kind\":\"wia_aanvraag\",\"date\":\"%s\"}", before_start);
	post_expect("werknemer", path, body, 422, &r);
	assert_error(&r, 422, "invalid", "date");
	assert_non_null(strstr(err_message(&r), "first sick day"));
	reply_free(&r);
	post_expect("werknemer", path, "{\"kind\":\"wia_aanvraag\",\"date\":\"2026-03-03\"}", 422, &r);
	assert_error(&r, 422, "invalid", "date");
	reply_free(&r);
	post_expect("werkgever", path, "{\"kind\":\"voortgangsgesprek\",\"date\":\"2027-01-01\"}",
		    422, &r);
	reply_free(&r);

	/* The reference: only where the step takes one, at most 100 characters. */
	post_expect("werkgever", path,
		    "{\"kind\":\"voortgangsgesprek\",\"date\":\"2026-03-01\",\"reference\":\"X\"}", 422, &r);
	assert_error(&r, 422, "invalid", "reference");
	reply_free(&r);
	char longref[STEPS_REFERENCE_MAX + 2];
	memset(longref, 'K', sizeof longref - 1);
	longref[sizeof longref - 1] = '\0';
	snprintf(body, sizeof body,
		 "{\"kind\":\"wia_aanvraag\",\"date\":\"2026-03-01\",\"reference\":\"%s\"}", longref);
	post_expect("werknemer", path, body, 422, &r);
	assert_error(&r, 422, "invalid", "reference");
	reply_free(&r);

	assert_int_equal(events(), n);
}

static void test_event_recorded(void **state)
{
	(void)state;
	const char *path = "/api/v1/cases/4/events";
	struct reply r;
	const int64_t n = events();
	/* The werknemer applies for WIA and records the UWV kenmerk. */
	post_expect("werknemer", path,
		    "{\"kind\":\"wia_aanvraag\",\"date\":\"2026-03-02\",\"reference\":\"WIA-2026-0042\"}",
		    201, &r);
	assert_string_equal(str(r.json, "reference"), "WIA-2026-0042");
	reply_free(&r);
	assert_int_equal(events(), n + 1);
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	json_t *items = json_object_get(r.json, "items");
	int found = 0;
	for (size_t i = 0; i < json_array_size(items); i++) {
		const json_t *e = json_array_get(items, i);
		if (strcmp(str(e, "kind"), "wia_aanvraag") == 0) {
			assert_string_equal(str(e, "reference"), "WIA-2026-0042");
			found++;
		} else {
			assert_true(json_is_null(json_object_get(e, "reference")));
		}
	}
	assert_int_equal(found, 1);
	reply_free(&r);
	struct reply d;
	json_t *dl = deadline_of("werknemer", "wia_aanvraag", &d);
	assert_string_equal(str(dl, "done"), "2026-03-02");
	reply_free(&d);
	/* Recorded for the werknemer by the werkgever: once is once. */
	post_expect("werkgever", path, "{\"kind\":\"wia_aanvraag\",\"date\":\"2026-03-02\"}", 409, &r);
	assert_non_null(strstr(err_message(&r), "2026-03-02"));
	reply_free(&r);
	/* A repeating step repeats. */
	post_expect("werkgever", path, "{\"kind\":\"voortgangsgesprek\",\"date\":\"2026-03-02\"}", 201,
		    &r);
	reply_free(&r);
	assert_int_equal(events(), n + 2);
}

#define PA_CONTENT(datum)                                                                   \
	"{\"type\":\"probleemanalyse\",\"content\":{\"datum\":\"" datum "\","                 \
	"\"beperkingen\":\"Beperkt in langdurig staan.\",\"mogelijkheden\":\"Zittend werk.\"," \
	"\"verwachte_duur\":\"langer_dan_6_maanden\",\"verwachting_terugkeer\":\"onbekend\","   \
	"\"advies\":\"Werkplek aanpassen.\"}}"

static void test_document_refusals(void **state)
{
	(void)state;
	const char *path = "/api/v1/cases/4/documents";
	struct reply r;
	const int64_t n = documents(), ne = events();
	post_expect("bedrijfsarts", path, PA_CONTENT("2020-01-01"), 422, &r);
	assert_error(&r, 422, "invalid", "datum");
	assert_non_null(strstr(err_message(&r), "first sick day"));
	reply_free(&r);
	assert_int_equal(documents(), n);

	post_expect("bedrijfsarts", path, PA_CONTENT("2026-02-27"), 201, &r);
	char did[32];
	snprintf(did, sizeof did, "%lld", (long long)json_integer_value(json_object_get(r.json, "id")));
	reply_free(&r);
	assert_int_equal(documents(), n + 1);
	const int64_t ne1 = events();
	assert_true(ne1 >= ne);

	/* A second probleemanalyse is a version of the first. */
	post_expect("bedrijfsarts", path, PA_CONTENT("2026-02-28"), 409, &r);
	assert_error(&r, 409, "conflict", "type");
	assert_non_null(strstr(err_message(&r), "/versions"));
	assert_non_null(strstr(err_message(&r), did));
	reply_free(&r);
	assert_int_equal(documents(), n + 1);
	assert_int_equal(events(), ne1);

	/* A repeating step's document repeats. */
	static const char vg[] =
		"{\"type\":\"voortgangsgesprek\",\"content\":{\"datum\":\"2026-02-20\","
		"\"deelnemers\":\"Sanne, Mark\",\"besproken\":\"Voortgang.\","
		"\"afspraken\":\"Scholing.\",\"bijstelling_nodig\":\"nee\"}}";
	post_expect("werkgever", path, vg, 201, &r);
	reply_free(&r);
	post_expect("werkgever", path, vg, 201, &r);
	reply_free(&r);
	assert_int_equal(documents(), n + 3);
}

int main(void)
{
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_deadline_record),
		cmocka_unit_test(test_event_refusals),
		cmocka_unit_test(test_event_recorded),
		cmocka_unit_test(test_document_refusals),
	};
	const int rc = cmocka_run_group_tests(tests, setup, teardown);
	curl_global_cleanup();
	return rc;
}
