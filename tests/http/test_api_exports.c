/* test_api_exports.c - the exports over TCP against the real server and
 * store ($SW_TEST_DATABASE, migrated and seeded on 2026-03-02), each
 * checked with an independent reader: the PDFs with qpdf --check and
 * pdftotext (every RIV part (a)-(l), the plan van aanpak with its
 * bijstellingen and agreement), the CSVs with Python's csv module, the
 * calendar feed with libical (round trip of every deadline), and the proof
 * that nothing the employer exports holds medical data.
 *
 * Seeded cases by id: 3 Ingrid (no plan van aanpak document), 4 Sanne (the
 * werknemer demo user; werkgever, bedrijfsarts, arbeidsdeskundige and coach
 * take part), 5 Kees (the netwerkwerkgever takes part for the search
 * profile). */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-exports.db"
#include "http/api_harness.h"

#include <libical/ical.h>

#include "core/riv.h"
#include "export/pdf.h"

#define INGRID_CASE 3
#define SANNE_CASE 4
#define KEES_CASE 5

/* Where medical data could end up; no export may show it. */
#define MEDICAL "MEDISCH-Q7X hernia L5"
/* The text of the sealed notes of the medical domain (a diagnose and the
 * medical part of the probleemanalyse): only the bedrijfsarts reads it. */
#define SEALED "VERZEGELD-K4W"

static const uint8_t test_key[CRYPTO_KEY_BYTES] = { 7, 3, 5, 11 };

static int exports_setup(void **state)
{
	if (setup(state) != 0)
		return -1;
	memcpy(F->app->medical_key, test_key, sizeof test_key);
	F->app->has_medical_key = true;
	return 0;
}

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static void expect(const char *who, const char *method, const char *path, const char *body,
		   long status, struct reply *r)
{
	call(as(who), method, path, body, body != NULL, r);
	if (r->status != status)
		fail_msg("%s %s %s: %ld, want %ld: %s", who, method, path, r->status, status,
			 r->body ? r->body : "");
}

/* ---- tools ---- */

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
	char *n = strdup(needle);
	squeeze(n);
	if (strstr(haystack, n) == NULL)
		fail_msg("text not in the export: \"%s\"", n);
	free(n);
}

static int contains(const char *data, size_t len, const char *needle)
{
	const size_t n = strlen(needle);
	for (size_t i = 0; i + n <= len; i++)
		if (memcmp(data + i, needle, n) == 0)
			return 1;
	return 0;
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* Downloads a PDF, checks it with qpdf and returns its text, squeezed. */
static char *pdf_text(const char *who, const char *path)
{
	struct reply r;
	char hdr[256], cmd[256];
	int status;
	expect(who, "GET", path, NULL, 200, &r);
	assert_string_equal(header(&r, "Content-Type", hdr, sizeof hdr), "application/pdf");
	assert_non_null(strstr(header(&r, "Content-Disposition", hdr, sizeof hdr), "attachment;"));
	assert_memory_equal(r.body, "%PDF-", 5);
	char file[64];
	snprintf(file, sizeof file, "/tmp/sw-test-api-exports-%d.pdf", (int)getpid());
	write_file(file, r.body, r.len);
	reply_free(&r);
	snprintf(cmd, sizeof cmd, "qpdf --check '%s' 2>&1", file);
	char *check = run(cmd, &status);
	if (status != 0 || strstr(check, "No syntax or stream encoding errors") == NULL)
		fail_msg("qpdf --check %s:\n%s", path, check);
	free(check);
	snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' - 2>&1", file);
	char *text = run(cmd, &status);
	assert_int_equal(status, 0);
	unlink(file);
	squeeze(text);
	return text;
}

/* Parses a CSV body with Python's csv module; returns "rows|cols-of-row-0|
 * cell" lines: one line per cell, as "r,c\tvalue". */
static char *csv_cells(const char *body, size_t len, const char *delimiter)
{
	char file[64], cmd[512];
	snprintf(file, sizeof file, "/tmp/sw-test-api-exports-%d.csv", (int)getpid());
	int status;
	write_file(file, body, len);
	snprintf(cmd, sizeof cmd,
		 "python3 -c 'import csv,sys\n"
		 "rows = list(csv.reader(open(sys.argv[1], newline=\"\", encoding=\"utf-8-sig\"),"
		 " delimiter=sys.argv[2], strict=True))\n"
		 "for i, row in enumerate(rows):\n"
		 "    for j, v in enumerate(row):\n"
		 "        print(\"%%d,%%d\\t%%s\" %% (i, j, v.replace(\"\\n\", \" \")))\n"
		 "' '%s' '%s'",
		 file, delimiter);
	char *out = run(cmd, &status);
	if (status != 0)
		fail_msg("csv parse failed: %s", out);
	unlink(file);
	return out;
}

/* The cell at row, col of csv_cells output ("" when absent), in buf. */
static const char *cell(const char *cells, int row, int col, char *buf, size_t n)
{
	char key[32];
	snprintf(key, sizeof key, "%d,%d\t", row, col);
	buf[0] = '\0';
	for (const char *line = cells; *line;) {
		const char *eol = strchr(line, '\n');
		if (eol == NULL)
			eol = line + strlen(line);
		if ((line == cells || line[-1] == '\n') && strncmp(line, key, strlen(key)) == 0) {
			const char *v = line + strlen(key);
			snprintf(buf, n, "%.*s", (int)(eol - v), v);
			return buf;
		}
		line = *eol ? eol + 1 : eol;
	}
	return buf;
}

static int csv_rows(const char *cells)
{
	int rows = 0;
	for (const char *line = cells; *line;) {
		int r = atoi(line);
		if (r + 1 > rows)
			rows = r + 1;
		const char *eol = strchr(line, '\n');
		if (eol == NULL)
			break;
		line = eol + 1;
	}
	return rows;
}

/* ---- the dossier of Sanne's case ---- */

static int64_t post_doc(const char *who, int case_id, const char *type, const char *content)
{
	char path[96], body[4096];
	struct reply r;
	snprintf(path, sizeof path, "/api/v1/cases/%d/documents", case_id);
	snprintf(body, sizeof body, "{\"type\":\"%s\",\"content\":%s}", type, content);
	expect(who, "POST", path, body, 201, &r);
	const int64_t id = json_integer_value(json_object_get(r.json, "id"));
	reply_free(&r);
	return id;
}

#define PVA(datum, termijnen, extra)                                                         \
	"{\"datum\":\"" datum "\",\"doel\":\"Passend werk, zo nodig elders.\","            \
	"\"activiteiten\":\"Loopbaanoriëntatie bij De Brug\",\"termijnen\":\"" termijnen "\"," \
	"\"evaluatiemomenten\":\"Elke 6 weken.\",\"casemanager\":\"Mark Janssens\","        \
	"\"visie_werkgever\":\"Steun voor spoor 2.\",\"visie_werknemer\":\"Ik sta ervoor open.\"" \
	extra "}"

static int64_t pva_id;

static void build_dossier(void)
{
	char path[160];
	struct reply r;
	post_doc("werkgever", SANNE_CASE, "administratief",
		 "{\"datum\":\"2026-02-20\",\"werknemer_naam\":\"Sanne de Vries\","
		 "\"werknemer_geboortedatum\":\"1988-05-04\",\"werkgever_naam\":\"Gemeentewerken Breda BV\","
		 "\"bedrijfsarts_naam\":\"Fatima El Amrani\",\"aard_bedrijf\":\"Gemeentelijk werkbedrijf\","
		 "\"functie\":\"Medewerker groenonderhoud\",\"vaardigheden\":\"Praktisch en zorgvuldig\"}");
	pva_id = post_doc("werkgever", SANNE_CASE, "plan_van_aanpak",
			  PVA("2025-05-05", "Eerste evaluatie na 6 weken.", ""));
	snprintf(path, sizeof path, "/api/v1/cases/%d/documents/%lld/versions/1/agreement",
		 SANNE_CASE, (long long)pva_id);
	expect("werknemer", "POST", path, "{\"akkoord\":true}", 201, &r);
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/cases/%d/documents/%lld/versions", SANNE_CASE,
		 (long long)pva_id);
	expect("werkgever", "POST", path,
	       "{\"content\":" PVA("2026-02-02", "Oriëntatie in 3 maanden.",
				   ",\"aanleiding_bijstelling\":\"Terugkeer in eigen werk is "
				   "onwaarschijnlijk.\"") "}",
	       201, &r);
	reply_free(&r);
}

/* ---- tests ---- */

static void test_riv_pdf(void **state)
{
	(void)state;
	if (!have("qpdf") || !have("pdftotext"))
		skip();
	build_dossier();
	char path[96];
	snprintf(path, sizeof path, "/api/v1/cases/%d/riv.pdf", SANNE_CASE);
	char *text = pdf_text("werkgever", path);
	expect_text(text, "Re-integratieverslag");
	for (char l = 'a'; l < 'a' + RIV_PARTS; l++)
		expect_text(text, riv_part_title(l));
	expect_text(text, "Pagina 1 van");
	/* The parties and what the dossier holds. */
	expect_text(text, "Re-integratieverslag Sanne de Vries, eerste ziektedag");
	expect_text(text, "Gemeentewerken Breda BV");
	expect_text(text, "Fatima El Amrani");
	expect_text(text, "Peter van den Berg");
	expect_text(text, "Medewerker groenonderhoud");
	expect_text(text, "Bijstelling, versie 2 van 2 februari 2026");
	expect_text(text, "Terugkeer in eigen werk is onwaarschijnlijk.");
	/* What is missing says so. */
	expect_text(text, "ONTBREEKT");
	free(text);
	/* The employee reads her own; the network employer and another
	 * case's employee know nothing of it. */
	text = pdf_text("werknemer", path);
	expect_text(text, riv_part_title('l'));
	free(text);
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);
	assert_int_equal(status_of("kees.mulder", "GET", path, NULL), 404);
}

static void test_pva_pdf(void **state)
{
	(void)state;
	if (!have("qpdf") || !have("pdftotext"))
		skip();
	char path[96];
	snprintf(path, sizeof path, "/api/v1/cases/%d/plan-van-aanpak.pdf", SANNE_CASE);
	char *text = pdf_text("bedrijfsarts", path);
	expect_text(text, "Plan van aanpak, versie 2 van 2 februari 2026");
	expect_text(text, "Oriëntatie in 3 maanden.");
	expect_text(text, "Plan van aanpak, versie 1 van 5 mei 2025");
	expect_text(text, "Eerste evaluatie na 6 weken.");
	expect_text(text, "akkoord op 2 maart 2026");
	expect_text(text, "nog niet gegeven");
	expect_text(text, "Alle versies en bijstellingen");
	expect_text(text, "Mark Janssens");
	free(text);
	snprintf(path, sizeof path, "/api/v1/cases/%d/plan-van-aanpak.pdf", INGRID_CASE);
	struct reply r;
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_error(&r, 404, "not_found", "plan_van_aanpak");
	reply_free(&r);
}

static void test_csv(void **state)
{
	(void)state;
	if (!have("python3"))
		skip();
	struct reply r, list;
	char buf[256];
	expect("werkgever", "GET", "/api/v1/cases.csv", NULL, 200, &r);
	assert_string_equal(header(&r, "Content-Type", buf, sizeof buf), "text/csv; charset=utf-8");
	char *cells = csv_cells(r.body, r.len, ",");
	expect("werkgever", "GET", "/api/v1/cases?per_page=100", NULL, 200, &list);
	const json_t *items = json_object_get(list.json, "items");
	assert_int_equal(csv_rows(cells), (int)json_array_size(items) + 1);
	assert_string_equal(cell(cells, 0, 0, buf, sizeof buf), "zaak");
	assert_string_equal(cell(cells, 0, 9, buf, sizeof buf), "aantal_te_laat");
	size_t i;
	const json_t *it;
	json_array_foreach(items, i, it) {
		const int row = (int)i + 1;
		assert_int_equal(atoll(cell(cells, row, 0, buf, sizeof buf)),
				 json_integer_value(json_object_get(it, "id")));
		assert_string_equal(cell(cells, row, 1, buf, sizeof buf),
				    str(json_object_get(it, "employee"), "name"));
		assert_string_equal(cell(cells, row, 3, buf, sizeof buf),
				    str(it, "first_sick_day"));
		assert_int_equal(atoi(cell(cells, row, 9, buf, sizeof buf)),
				 json_integer_value(json_object_get(it, "overdue")));
	}
	free(cells);
	reply_free(&list);
	reply_free(&r);

	/* The deadlines of one case, row by row as GET /deadlines has them. */
	char path[96];
	snprintf(path, sizeof path, "/api/v1/cases/%d/deadlines.csv?format=excel", SANNE_CASE);
	expect("werknemer", "GET", path, NULL, 200, &r);
	assert_memory_equal(r.body, "\xEF\xBB\xBF", 3);
	cells = csv_cells(r.body, r.len, ";");
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/cases/%d/deadlines", SANNE_CASE);
	expect("werknemer", "GET", path, NULL, 200, &list);
	const json_t *ds = json_object_get(list.json, "deadlines");
	assert_true(json_array_size(ds) > 10);
	assert_int_equal(csv_rows(cells), (int)json_array_size(ds) + 1);
	json_array_foreach(ds, i, it) {
		const int row = (int)i + 1;
		assert_string_equal(cell(cells, row, 1, buf, sizeof buf), str(it, "code"));
		assert_string_equal(cell(cells, row, 5, buf, sizeof buf), str(it, "due_effective"));
		assert_string_equal(cell(cells, row, 6, buf, sizeof buf), str(it, "status"));
	}
	free(cells);
	reply_free(&list);
	assert_int_equal(status_of("beheerder", "GET", "/api/v1/cases.csv", NULL), 403);
	snprintf(path, sizeof path, "/api/v1/cases/%d/deadlines.csv", SANNE_CASE);
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);
}

/* The feed as an anonymous client (no cookie) sees it. */
static void fetch_feed(const char *url, long status, struct reply *r)
{
	struct client none;
	memset(&none, 0, sizeof none);
	call(&none, "GET", url, NULL, 0, r);
	if (r->status != status)
		fail_msg("GET %s: %ld, want %ld", url, r->status, status);
}

static char *new_feed(const char *who)
{
	struct reply r;
	expect(who, "POST", "/api/v1/calendar-feed", "{}", 201, &r);
	char *url = strdup(str(r.json, "url"));
	reply_free(&r);
	assert_int_equal(strncmp(url, "/api/v1/calendar/", 17), 0);
	assert_non_null(strstr(url, ".ics"));
	return url;
}

static void test_calendar_feed(void **state)
{
	(void)state;
	char *url = new_feed("werkgever");
	struct reply r, list;
	char buf[256];
	fetch_feed(url, 200, &r);
	assert_string_equal(header(&r, "Content-Type", buf, sizeof buf),
			    "text/calendar; charset=utf-8");
	icalcomponent *cal = icalparser_parse_string(r.body);
	assert_non_null(cal);
	reply_free(&r);

	/* Every deadline of every case of the werkgever, on its effective date. */
	size_t want = 0, found = 0;
	expect("werkgever", "GET", "/api/v1/cases?per_page=100", NULL, 200, &list);
	size_t i;
	const json_t *it;
	json_array_foreach(json_object_get(list.json, "items"), i, it) {
		const json_int_t id = json_integer_value(json_object_get(it, "id"));
		char path[96];
		struct reply dr;
		snprintf(path, sizeof path, "/api/v1/cases/%lld/deadlines", (long long)id);
		expect("werkgever", "GET", path, NULL, 200, &dr);
		size_t j;
		const json_t *d;
		json_array_foreach(json_object_get(dr.json, "deadlines"), j, d) {
			char uid[128];
			const json_t *seq = json_object_get(d, "seq");
			snprintf(uid, sizeof uid, "case-%lld-%s-%lld@spoorwijzer", (long long)id,
				 str(d, "code"), seq != NULL ? (long long)json_integer_value(seq) : 0LL);
			want++;
			for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
			     e != NULL; e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT)) {
				if (strcmp(icalcomponent_get_uid(e), uid) != 0)
					continue;
				const struct icaltimetype t = icalcomponent_get_dtstart(e);
				char date[16];
				snprintf(date, sizeof date, "%04d-%02d-%02d", t.year, t.month, t.day);
				assert_true(t.is_date);
				if (strcmp(date, str(d, "due_effective")) != 0)
					fail_msg("%s: %s in the feed, %s in the API", uid, date,
						 str(d, "due_effective"));
				found++;
				break;
			}
		}
		reply_free(&dr);
	}
	reply_free(&list);
	assert_true(want > 50);
	assert_int_equal(found, want);
	assert_int_equal((size_t)icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT), want);
	icalcomponent_free(cal);

	/* Rotating revokes the old URL. */
	char *url2 = new_feed("werkgever");
	assert_string_not_equal(url, url2);
	fetch_feed(url, 404, &r);
	reply_free(&r);
	fetch_feed(url2, 200, &r);
	reply_free(&r);
	fetch_feed("/api/v1/calendar/nonsense.ics", 404, &r);
	reply_free(&r);
	fetch_feed("/api/v1/calendar/nonsense", 404, &r);
	reply_free(&r);
	/* Creating one needs a session and the CSRF header. */
	fetch_feed("/api/v1/calendar-feed", 405, &r);
	reply_free(&r);
	call(as("werkgever"), "POST", "/api/v1/calendar-feed", "{}", 0, &r);
	assert_int_equal(r.status, 403);
	reply_free(&r);
	call(as("werkgever"), "POST", "/api/v1/calendar-feed", "{\"x\":1}", 1, &r);
	assert_error(&r, 422, "invalid", "x");
	reply_free(&r);
	/* The employee's feed holds only her own case. */
	char *mine = new_feed("werknemer");
	fetch_feed(mine, 200, &r);
	cal = icalparser_parse_string(r.body);
	for (icalcomponent *e = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT);
	     e != NULL; e = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
		assert_int_equal(strncmp(icalcomponent_get_uid(e), "case-4-", 7), 0);
	assert_true(icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT) > 10);
	icalcomponent_free(cal);
	reply_free(&r);
	free(mine);
	free(url);
	free(url2);
}

/* Puts MEDICAL wherever medical data could be put on this branch - a
 * message of the bedrijfsarts, the employee's consent for a care provider,
 * a note on an event, a field outside the schema in a stored probleemanalyse
 * (as an older or foreign writer might leave it) - and greps every export
 * the werkgever can make. The medical domain's sealed notes (a diagnose and
 * a probleemanalyse_medisch, text SEALED) appear in no export and in no
 * JSON answer the werkgever gets either. */
static void test_employer_exports_hold_no_medical_data(void **state)
{
	(void)state;
	if (!have("qpdf") || !have("pdftotext"))
		skip();
	char path[160], body[512];
	struct reply r;
	snprintf(path, sizeof path, "/api/v1/cases/%d/messages", SANNE_CASE);
	snprintf(body, sizeof body, "{\"body\":\"Spreekuur: %s\"}", MEDICAL);
	expect("bedrijfsarts", "POST", path, body, 201, &r);
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/cases/%d/consents", SANNE_CASE);
	snprintf(body, sizeof body, "{\"kind\":\"delen_zorgverlener\",\"granted_to\":\"%s\"}",
		 MEDICAL);
	expect("werknemer", "POST", path, body, 201, &r);
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/cases/%d/events", SANNE_CASE);
	snprintf(body, sizeof body,
		 "{\"kind\":\"voortgangsgesprek\",\"date\":\"2026-02-27\",\"note\":\"%s\"}", MEDICAL);
	expect("werkgever", "POST", path, body, 201, &r);
	reply_free(&r);
	/* The API refuses a field outside the schema ... */
	snprintf(path, sizeof path, "/api/v1/cases/%d/documents", SANNE_CASE);
	snprintf(body, sizeof body,
		 "{\"type\":\"probleemanalyse\",\"content\":{\"datum\":\"2025-04-25\","
		 "\"diagnose\":\"%s\"}}", MEDICAL);
	call(as("bedrijfsarts"), "POST", path, body, 1, &r);
	assert_error(&r, 422, "invalid", "diagnose");
	reply_free(&r);
	/* ... so put one into the store behind its back. */
	const int64_t pa = post_doc("bedrijfsarts", SANNE_CASE, "probleemanalyse",
				    "{\"datum\":\"2025-04-25\",\"beperkingen\":\"Geen zwaar tilwerk.\","
				    "\"mogelijkheden\":\"Licht werk.\",\"verwachte_duur\":\"onbekend\","
				    "\"verwachting_terugkeer\":\"onbekend\",\"advies\":\"Rust.\"}");
	char sql[1024];
	snprintf(sql, sizeof sql,
		 "INSERT INTO document_versions (document_id, version, content, doc_date, author_id,"
		 " author_role) SELECT %lld, 2, '{\"datum\":\"2025-04-26\",\"beperkingen\":"
		 "\"Geen zwaar tilwerk meer.\",\"mogelijkheden\":\"Licht werk.\",\"verwachte_duur\":"
		 "\"onbekend\",\"verwachting_terugkeer\":\"onbekend\",\"advies\":\"Rust.\","
		 "\"diagnose\":\"%s\"}', '2025-04-26', author_id, author_role FROM document_versions"
		 " WHERE document_id = %lld AND version = 1",
		 (long long)pa, MEDICAL, (long long)pa);
	struct sw_error err = { 0 };
	if (db_exec(store_db(F->st), sql, &err) != 0)
		fail_msg("%s", err.message);
	/* The sealed notes: the bedrijfsarts reads them back, so they are there. */
	static const enum store_medical_kind kinds[] = { STORE_MEDICAL_DIAGNOSE,
							 STORE_MEDICAL_PROBLEEMANALYSE };
	for (size_t i = 0; i < 2; i++) {
		const struct store_medical_note note = {
			.case_id = SANNE_CASE,
			.author_id = user_id("bedrijfsarts@demo.spoorwijzer.nl"),
			.kind = kinds[i], .text = SEALED " hernia L5-S1",
		};
		int64_t nid;
		if (store_medical_insert(F->st, test_key, &note, &nid, &err) != 0)
			fail_msg("%s", err.message);
	}
	snprintf(path, sizeof path, "/api/v1/cases/%d/medical", SANNE_CASE);
	expect("bedrijfsarts", "GET", path, NULL, 200, &r);
	assert_non_null(strstr(r.body, SEALED));
	assert_non_null(strstr(r.body, "probleemanalyse_medisch"));
	reply_free(&r);
	expect("werkgever", "GET", path, NULL, 403, &r);
	assert_null(strstr(r.body, SEALED));
	reply_free(&r);
	/* It is in the store, and the API does not hand it out either. */
	assert_int_equal(count("SELECT COUNT(*) FROM document_versions WHERE document_id = $1", pa),
			 2);
	snprintf(path, sizeof path, "/api/v1/cases/%d/documents/%lld", SANNE_CASE, (long long)pa);
	expect("werkgever", "GET", path, NULL, 200, &r);
	assert_null(strstr(r.body, "MEDISCH-Q7X"));
	assert_non_null(strstr(r.body, "Geen zwaar tilwerk meer."));
	reply_free(&r);

	char url[160];
	char *feed = new_feed("werkgever");
	const char *pdfs[] = { "riv.pdf", "plan-van-aanpak.pdf" };
	for (size_t i = 0; i < 2; i++) {
		snprintf(url, sizeof url, "/api/v1/cases/%d/%s", SANNE_CASE, pdfs[i]);
		char *text = pdf_text("werkgever", url);
		if (strstr(text, "MEDISCH-Q7X") != NULL || strstr(text, "hernia") != NULL ||
		    strstr(text, SEALED) != NULL)
			fail_msg("%s holds medical data", pdfs[i]);
		if (i == 0) /* the probleemanalyse is there, its newest version */
			expect_text(text, "Geen zwaar tilwerk meer.");
		free(text);
	}
	const char *others[] = { "/api/v1/cases.csv", "/api/v1/cases/4/deadlines.csv", feed };
	for (size_t i = 0; i < 3; i++) {
		if (i < 2)
			expect("werkgever", "GET", others[i], NULL, 200, &r);
		else
			fetch_feed(others[i], 200, &r);
		assert_true(r.len > 100);
		if (contains(r.body, r.len, "MEDISCH-Q7X") || contains(r.body, r.len, "hernia") ||
		    contains(r.body, r.len, SEALED))
			fail_msg("%s holds medical data", others[i]);
		reply_free(&r);
	}
	free(feed);
	/* Every JSON answer about the case the werkgever reads. */
	static const char *const json_paths[] = {
		"", "/deadlines", "/events", "/documents", "/messages", "/decisions", "/info",
		"/participations", "/consents",
	};
	for (size_t i = 0; i < sizeof json_paths / sizeof json_paths[0]; i++) {
		snprintf(path, sizeof path, "/api/v1/cases/%d%s", SANNE_CASE, json_paths[i]);
		expect("werkgever", "GET", path, NULL, 200, &r);
		if (contains(r.body, r.len, SEALED) || contains(r.body, r.len, "probleemanalyse_medisch"))
			fail_msg("%s holds medical data", path);
		reply_free(&r);
	}
	snprintf(path, sizeof path, "/api/v1/cases/%d/documents/%lld", SANNE_CASE, (long long)pa);
	expect("werkgever", "GET", path, NULL, 200, &r);
	assert_null(strstr(r.body, SEALED));
	reply_free(&r);
}

int main(void)
{
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_riv_pdf),
		cmocka_unit_test(test_pva_pdf),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_calendar_feed),
		cmocka_unit_test(test_employer_exports_hold_no_medical_data),
	};
	const int rc = cmocka_run_group_tests(tests, exports_setup, teardown);
	curl_global_cleanup();
	pdf_shutdown(); /* the server's threads that rendered have ended */
	return rc;
}
