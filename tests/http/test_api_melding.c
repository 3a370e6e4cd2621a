/* test_api_melding.c - the 42-week data sheet for UWV
 * (GET /api/v1/cases/{id}/melding-uwv.pdf) and how the re-integratieverslag
 * and the plan van aanpak name the case, over TCP against the real server
 * and store ($SW_TEST_DATABASE, migrated and seeded on 2026-03-02, with the
 * demo's sealed medical note). Every PDF is checked with qpdf --check and
 * read back with pdftotext.
 *
 * Seeded cases by id: 3 Ingrid (week 40, 50% since week 17, no melding
 * yet, no administratief document), 4 Sanne (the werknemer demo user; the
 * melding_uwv event is recorded). Mark Janssens is the casemanager of both. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-melding.db"
#include "http/api_harness.h"

#include "export/nl_text.h"
#include "export/pdf.h"
#include "export/pdf_melding.h"
#include "store/store_seed.h"

#define INGRID_CASE 3
#define SANNE_CASE 4

/* Put where medical data could be put; the sheet must show none of it. */
#define MEDICAL "MEDISCH-Q7X hernia"
/* Words of the demo's sealed medical note (store_seed_demo_medical). */
static const char *const medical_words[] = { "MEDISCH-Q7X", "hernia", "rugklachten",
					      "fysiotherapie", "L5-S1", "uitstraling",
					      "Probleemanalyse, medisch" };

static const uint8_t test_key[CRYPTO_KEY_BYTES] = { 9, 1, 4, 2 };

static int melding_setup(void **state)
{
	struct sw_error err = { 0 };
	if (setup(state) != 0 || store_seed_demo_medical(F->st, test_key, &err) != 0)
		return -1;
	memcpy(F->app->medical_key, test_key, sizeof test_key);
	F->app->has_medical_key = true;
	return 0;
}

static void expect(const char *who, const char *method, const char *path, const char *body,
		   long status, struct reply *r)
{
	call(as(who), method, path, body, body != NULL, r);
	if (r->status != status)
		fail_msg("%s %s %s: %ld, want %ld: %s", who, method, path, r->status, status,
			 r->body ? r->body : "");
}

static int have(const char *tool)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
	return system(cmd) == 0;
}

static char *run(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t cap = 4096, len = 0, got;
	char *buf = malloc(cap);
	while ((got = fread(buf + len, 1, cap - len - 1, p)) > 0) {
		len += got;
		if (cap - len < 1024)
			buf = realloc(buf, cap *= 2);
	}
	buf[len] = '\0';
	*status = pclose(p);
	return buf;
}

/* Runs of white space become one space. */
static void squeeze(char *s)
{
	char *w = s;
	int space = 0;
	for (const char *r = s; *r != '\0'; r++) {
		if (*r == ' ' || *r == '\n' || *r == '\t' || *r == '\r' || *r == '\f') {
			space = 1;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
}

static void expect_text(const char *haystack, const char *needle)
{
	if (strstr(haystack, needle) == NULL)
		fail_msg("text not in the PDF: \"%s\"\n--- PDF text:\n%s", needle, haystack);
}

static int occurrences(const char *haystack, const char *needle)
{
	int n = 0;
	for (const char *p = haystack; (p = strstr(p, needle)) != NULL; p += strlen(needle))
		n++;
	return n;
}

/* Downloads a PDF, checks it with qpdf and returns its text, squeezed;
 * disposition (if not NULL) receives the Content-Disposition. */
static char *pdf_text(const char *who, const char *path, char *disposition, size_t n)
{
	struct reply r;
	char hdr[256], cmd[256], file[64];
	int status;
	expect(who, "GET", path, NULL, 200, &r);
	assert_string_equal(header(&r, "Content-Type", hdr, sizeof hdr), "application/pdf");
	if (disposition != NULL)
		header(&r, "Content-Disposition", disposition, n);
	assert_memory_equal(r.body, "%PDF-", 5);
	/* SW_TEST_KEEP_PDF=dir keeps the files, to look at them. */
	const char *keep = getenv("SW_TEST_KEEP_PDF");
	static int seq;
	if (keep != NULL)
		snprintf(file, sizeof file, "%.40s/%d.pdf", keep, ++seq);
	else
		snprintf(file, sizeof file, "/tmp/sw-test-api-melding-%d.pdf", (int)getpid());
	FILE *f = fopen(file, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(r.body, 1, r.len, f), r.len);
	assert_int_equal(fclose(f), 0);
	reply_free(&r);
	snprintf(cmd, sizeof cmd, "qpdf --check '%s' 2>&1", file);
	char *check = run(cmd, &status);
	if (status != 0 || strstr(check, "No syntax or stream encoding errors") == NULL)
		fail_msg("qpdf --check %s:\n%s", path, check);
	free(check);
	snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' - 2>&1", file);
	char *text = run(cmd, &status);
	assert_int_equal(status, 0);
	if (keep == NULL)
		unlink(file);
	squeeze(text);
	return text;
}

/* The melding_uwv step of a case as GET /deadlines has it: the date it is
 * due (long Dutch date) and when it was done ("" when not). */
static void melding_step(int case_id, char due[NL_DATE_MAX], char done[NL_DATE_MAX],
			 char first[DATE_STRLEN])
{
	char path[96];
	struct reply r;
	sw_date d;
	snprintf(path, sizeof path, "/api/v1/cases/%d/deadlines", case_id);
	expect("werkgever", "GET", path, NULL, 200, &r);
	size_t i;
	const json_t *it;
	int found = 0;
	json_array_foreach(json_object_get(r.json, "deadlines"), i, it) {
		if (strcmp(json_string_value(json_object_get(it, "code")), "melding_uwv") != 0)
			continue;
		found = 1;
		assert_int_equal(date_parse(json_string_value(json_object_get(it, "due_effective")),
					    &d), 0);
		nl_date_long(d, due);
		const json_t *dn = json_object_get(it, "done");
		done[0] = '\0';
		if (json_is_string(dn) && date_parse(json_string_value(dn), &d) == 0)
			nl_date_long(d, done);
	}
	assert_true(found);
	reply_free(&r);
	expect("werkgever", "GET", "/api/v1/cases?per_page=100", NULL, 200, &r);
	first[0] = '\0';
	json_array_foreach(json_object_get(r.json, "items"), i, it)
		if (json_integer_value(json_object_get(it, "id")) == case_id)
			snprintf(first, DATE_STRLEN, "%s",
				 json_string_value(json_object_get(it, "first_sick_day")));
	assert_string_not_equal(first, "");
	reply_free(&r);
}

static void test_melding_open(void **state)
{
	(void)state;
	if (!have("qpdf") || !have("pdftotext"))
		skip();
	char due[NL_DATE_MAX], done[NL_DATE_MAX], first[DATE_STRLEN], path[96], disp[256], want[160];
	melding_step(INGRID_CASE, due, done, first);
	assert_string_equal(done, "");
	snprintf(path, sizeof path, "/api/v1/cases/%d/melding-uwv.pdf", INGRID_CASE);
	char *text = pdf_text("werkgever", path, disp, sizeof disp);
	expect_text(text, "Ziekmelding langdurig zieke werknemer (42e week)");
	expect_text(text, "Pagina 1 van 1"); /* one sheet */
	expect_text(text, "Ingrid Hendriks");
	expect_text(text, "17 maart 1969");
	expect_text(text, "1005");
	expect_text(text, "Gemeentewerken Breda BV");
	expect_text(text, "Loonheffingen");
	expect_text(text, "nog invullen");
	expect_text(text, "50%");
	expect_text(text, "18 uur per week");
	snprintf(want, sizeof want, "Uiterlijk melden op %s", due);
	expect_text(text, want);
	expect_text(text, "nog niet verzonden");
	expect_text(text, "Mark Janssens");
	expect_text(text, "werkgever@demo.spoorwijzer.nl");
	sw_date fd;
	char longfirst[NL_DATE_MAX];
	assert_int_equal(date_parse(first, &fd), 0);
	nl_date_long(fd, longfirst);
	snprintf(want, sizeof want, "Eerste ziektedag %s", longfirst);
	expect_text(text, want);
	free(text);
	snprintf(want, sizeof want, "attachment; filename=\"melding-uwv-hendriks-%s.pdf\"", first);
	assert_string_equal(disp, want);
}

/* Sanne's: the melding was sent, the loonheffingennummer is in her
 * administratief document, and nothing medical shows, although the
 * bedrijfsarts wrote a sealed note, a message and the case has an event
 * note with it. She gets the same sheet as her copy. */
static void test_melding_sent_no_medical_data(void **state)
{
	(void)state;
	if (!have("qpdf") || !have("pdftotext"))
		skip();
	char path[96], body[1024], due[NL_DATE_MAX], done[NL_DATE_MAX], first[DATE_STRLEN],
		disp[256], want[160];
	struct reply r;
	snprintf(path, sizeof path, "/api/v1/cases/%d/documents", SANNE_CASE);
	expect("werkgever", "POST", path,
	       "{\"type\":\"administratief\",\"content\":{\"datum\":\"2026-02-20\","
	       "\"werknemer_naam\":\"Sanne de Vries\",\"werknemer_geboortedatum\":\"1986-05-12\","
	       "\"werkgever_naam\":\"Gemeentewerken Breda BV\",\"loonheffingennummer\":"
	       "\"812345678L01\",\"bedrijfsarts_naam\":\"Fatima El Amrani\",\"aard_bedrijf\":"
	       "\"Gemeentelijk werkbedrijf\",\"functie\":\"Medewerker groenonderhoud\","
	       "\"vaardigheden\":\"Praktisch en zorgvuldig\"}}",
	       201, &r);
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/cases/%d/messages", SANNE_CASE);
	snprintf(body, sizeof body, "{\"body\":\"Spreekuur: %s\"}", MEDICAL);
	expect("bedrijfsarts", "POST", path, body, 201, &r);
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/cases/%d/events", SANNE_CASE);
	snprintf(body, sizeof body,
		 "{\"kind\":\"voortgangsgesprek\",\"date\":\"2026-02-27\",\"note\":\"%s\"}", MEDICAL);
	expect("werkgever", "POST", path, body, 201, &r);
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/cases/%d/medical", SANNE_CASE);
	expect("bedrijfsarts", "GET", path, NULL, 200, &r);
	assert_non_null(strstr(r.body, "rugklachten")); /* the sealed note is there */
	reply_free(&r);

	melding_step(SANNE_CASE, due, done, first);
	assert_string_not_equal(done, "");
	snprintf(path, sizeof path, "/api/v1/cases/%d/melding-uwv.pdf", SANNE_CASE);
	const char *readers[] = { "werkgever", "werknemer" };
	for (size_t i = 0; i < 2; i++) {
		char *text = pdf_text(readers[i], path, disp, sizeof disp);
		expect_text(text, "Sanne de Vries");
		expect_text(text, "12 mei 1986");
		expect_text(text, "1001");
		expect_text(text, "812345678L01");
		expect_text(text, "100%");
		expect_text(text, "28,8 uur per week");
		snprintf(want, sizeof want, "Uiterlijk melden op %s", due);
		expect_text(text, want);
		snprintf(want, sizeof want, "verzonden op %s", done);
		expect_text(text, want);
		expect_text(text, "Mark Janssens");
		for (size_t w = 0; w < sizeof medical_words / sizeof medical_words[0]; w++)
			if (strstr(text, medical_words[w]) != NULL)
				fail_msg("%s's sheet holds \"%s\"", readers[i], medical_words[w]);
		free(text);
		snprintf(want, sizeof want, "attachment; filename=\"melding-uwv-de-vries-%s.pdf\"",
			 first);
		assert_string_equal(disp, want);
	}
}

static void test_melding_access(void **state)
{
	(void)state;
	char path[96];
	snprintf(path, sizeof path, "/api/v1/cases/%d/melding-uwv.pdf", SANNE_CASE);
	/* Another case's employee, the network employer, the analyst and the
	 * administrator know nothing of it. */
	assert_int_equal(status_of("kees.mulder", "GET", path, NULL), 404);
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);
	const long hr = status_of("hr-analist", "GET", path, NULL);
	assert_true(hr == 403 || hr == 404);
	const long admin = status_of("beheerder", "GET", path, NULL);
	assert_true(admin == 403 || admin == 404);
	struct client none;
	struct reply r;
	anonymous(&none);
	call(&none, "GET", path, NULL, 0, &r);
	assert_int_equal(r.status, 401);
	reply_free(&r);
	call(as("werkgever"), "GET", "/api/v1/cases/999999/melding-uwv.pdf", NULL, 0, &r);
	assert_int_equal(r.status, 404);
	reply_free(&r);
	call(as("werkgever"), "GET", "/api/v1/cases/x/melding-uwv.pdf", NULL, 0, &r);
	assert_true(r.status == 400 || r.status == 404);
	reply_free(&r);
}

static void test_melding_filename(void **state)
{
	(void)state;
	char buf[PDF_MELDING_NAME_MAX];
	sw_date d;
	assert_int_equal(date_parse("2026-02-03", &d), 0);
	pdf_melding_filename("Mehmet \xC3\x96zdemir", d, buf);
	assert_string_equal(buf, "melding-uwv-ozdemir-2026-02-03.pdf");
	pdf_melding_filename("Sanne de Vries", d, buf);
	assert_string_equal(buf, "melding-uwv-de-vries-2026-02-03.pdf");
	pdf_melding_filename("Cher", d, buf);
	assert_string_equal(buf, "melding-uwv-cher-2026-02-03.pdf");
	pdf_melding_filename("Jan \"O'Brien\"/..\\x", d, buf);
	assert_string_equal(buf, "melding-uwv-o-brien-x-2026-02-03.pdf");
	pdf_melding_filename("", d, buf);
	assert_string_equal(buf, "melding-uwv-werknemer-2026-02-03.pdf");
}

/* The re-integratieverslag and the plan van aanpak name the case by the
 * employee and the first sick day, and the administrative block is there
 * once, in part a. */
static void test_riv_named_by_employee(void **state)
{
	(void)state;
	if (!have("qpdf") || !have("pdftotext"))
		skip();
	char path[96], first[DATE_STRLEN], due[NL_DATE_MAX], done[NL_DATE_MAX], want[160];
	char longfirst[NL_DATE_MAX];
	sw_date fd;
	melding_step(SANNE_CASE, due, done, first);
	assert_int_equal(date_parse(first, &fd), 0);
	nl_date_long(fd, longfirst);
	snprintf(path, sizeof path, "/api/v1/cases/%d/riv.pdf", SANNE_CASE);
	char *text = pdf_text("werkgever", path, NULL, 0);
	snprintf(want, sizeof want, "Re-integratieverslag Sanne de Vries, eerste ziektedag %s",
		 longfirst);
	expect_text(text, want);
	if (strstr(text, "Zaak ") != NULL)
		fail_msg("riv.pdf names the case by number:\n%s", text);
	/* The administratief document (posted above) feeds parts a-d; its
	 * administrative fields print once, each other field in its part. */
	if (occurrences(text, "Naam werknemer") != 1)
		fail_msg("the administrative block is not there once:\n%s", text);
	assert_int_equal(occurrences(text, "Loonheffingen"), 1);
	assert_int_equal(occurrences(text, "Naam bedrijfsarts"), 1);
	assert_int_equal(occurrences(text, "Medewerker groenonderhoud"), 1);
	assert_int_equal(occurrences(text, "Praktisch en zorgvuldig"), 1);
	assert_int_equal(occurrences(text, "Betrokkenen"), 1);
	expect_text(text, "Fatima El Amrani");
	free(text);
}

int main(void)
{
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_melding_open),
		cmocka_unit_test(test_melding_sent_no_medical_data),
		cmocka_unit_test(test_melding_access),
		cmocka_unit_test(test_melding_filename),
		cmocka_unit_test(test_riv_named_by_employee),
	};
	const int rc = cmocka_run_group_tests(tests, melding_setup, teardown);
	curl_global_cleanup();
	pdf_shutdown();
	return rc;
}
