/* test_api_documents.c - /api/v1/cases/{id}/documents and /riv over TCP
 * against the real server and store ($SW_TEST_DATABASE, migrated and seeded
 * on 2026-03-02): every document type through the API with its author
 * roles, version history, the diff, the employee's agreement on the plan
 * van aanpak, the deadlines that follow a recorded document, the RIV check
 * and bad input that changes nothing.
 *
 * Seeded cases by id: 2 Yusuf (week 7, no probleemanalyse yet: overdue;
 * werkgever and bedrijfsarts take part), 4 Sanne (the werknemer demo user,
 * week 50; werkgever, bedrijfsarts, arbeidsdeskundige and coach take part),
 * 5 Kees (the netwerkwerkgever takes part for the search profile). */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-documents.db"
#include "http/api_harness.h"

#include "core/attachment.h"
#include "core/crypto.h"
#include "core/doc.h"

#define YUSUF_CASE 2
#define SANNE_CASE 4
#define KEES_CASE 5
#define YUSUF "yusuf.kaya"

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static json_int_t num(const json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

static void path_of(char *out, size_t outsz, int64_t case_id, const char *rest)
{
	snprintf(out, outsz, "/api/v1/cases/%lld/%s", (long long)case_id, rest);
}

/* POSTs body and expects status; returns the reply (caller frees). */
static void post_expect(const char *who, const char *path, const char *body, long status,
			struct reply *r)
{
	call(as(who), "POST", path, body, 1, r);
	if (r->status != status)
		fail_msg("%s POST %s: %ld, want %ld: %s", who, path, r->status, status,
			 r->body ? r->body : "");
}

static void get_expect(const char *who, const char *path, long status, struct reply *r)
{
	call(as(who), "GET", path, NULL, 0, r);
	if (r->status != status)
		fail_msg("%s GET %s: %ld, want %ld: %s", who, path, r->status, status,
			 r->body ? r->body : "");
}

/* Creates a document; returns its id. */
static int64_t create_doc(const char *who, int64_t case_id, const char *type, const char *content)
{
	char path[128], body[4096];
	struct reply r;
	path_of(path, sizeof path, case_id, "documents");
	snprintf(body, sizeof body, "{\"type\":\"%s\",\"content\":%s}", type, content);
	post_expect(who, path, body, 201, &r);
	assert_string_equal(str(r.json, "type"), type);
	assert_int_equal(num(r.json, "versions_count"), 1);
	assert_int_equal(json_array_size(json_object_get(r.json, "versions")), 1);
	const int64_t id = num(r.json, "id");
	assert_true(id > 0);
	reply_free(&r);
	return id;
}

/* The deadline of code (seq 0 or the first) in GET /deadlines. */
static void deadline(int64_t case_id, const char *code, char *status, size_t ssz, char *done,
		     size_t dsz, char *due, size_t duesz)
{
	char path[128];
	struct reply r;
	path_of(path, sizeof path, case_id, "deadlines");
	get_expect("werkgever", path, 200, &r);
	const json_t *ds = json_object_get(r.json, "deadlines");
	size_t i;
	const json_t *d;
	json_array_foreach(ds, i, d) {
		if (strcmp(str(d, "code"), code) != 0)
			continue;
		snprintf(status, ssz, "%s", str(d, "status"));
		snprintf(done, dsz, "%s", str(d, "done") ? str(d, "done") : "");
		snprintf(due, duesz, "%s", str(d, "due"));
		reply_free(&r);
		return;
	}
	fail_msg("no deadline %s", code);
}

static const json_t *riv_part(const json_t *riv, char letter)
{
	size_t i;
	const json_t *p;
	json_array_foreach(json_object_get(riv, "parts"), i, p) {
		if (str(p, "part")[0] == letter)
			return p;
	}
	fail_msg("no part %c", letter);
	return NULL;
}

/* ---- tests ---- */

/* From week 1: a case in week 7 already lists what the RIV lacks. */
static void test_riv_from_week_one(void **state)
{
	(void)state;
	char path[128];
	struct reply r;
	path_of(path, sizeof path, YUSUF_CASE, "riv");
	get_expect(YUSUF, path, 200, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "parts")), 12);
	assert_false(json_is_true(json_object_get(r.json, "ready")));
	assert_string_equal(str(riv_part(r.json, 'a'), "status"), "ontbreekt");
	const json_t *f = riv_part(r.json, 'f');
	assert_string_equal(str(f, "status"), "ontbreekt");
	assert_true(json_is_true(json_object_get(f, "te_laat")));
	assert_string_equal(str(riv_part(r.json, 'e'), "status"), "aanwezig");
	assert_string_equal(str(riv_part(r.json, 'l'), "status"), "nog_niet_nodig");
	reply_free(&r);
	/* The netwerkwerkgever has nothing to do with it; the beheerder neither. */
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);
	assert_int_equal(status_of("beheerder", "GET", path, NULL), 404);
}

/* The probleemanalyse is the bedrijfsarts's: recording it completes the
 * step and moves the plan van aanpak deadline to 2 weeks after it. */
static void test_probleemanalyse_updates_deadlines(void **state)
{
	(void)state;
	static const char pa[] =
		"{\"datum\":\"2026-02-27\",\"beperkingen\":\"Niet tillen boven 10 kg.\","
		"\"mogelijkheden\":\"Administratief werk, 4 uur per dag.\","
		"\"verwachte_duur\":\"1_tot_3_maanden\",\"verwachting_terugkeer\":\"gedeeltelijk\","
		"\"advies\":\"Opbouw in uren, eerst binnendienst.\"}";
	char path[128], body[1024], status[32], done[16], due[16];
	struct reply r;
	deadline(YUSUF_CASE, "probleemanalyse", status, sizeof status, done, sizeof done, due,
		 sizeof due);
	assert_string_equal(status, "te laat");

	path_of(path, sizeof path, YUSUF_CASE, "documents");
	snprintf(body, sizeof body, "{\"type\":\"probleemanalyse\",\"content\":%s}", pa);
	post_expect("werkgever", path, body, 403, &r);
	assert_error(&r, 403, "forbidden", "type");
	reply_free(&r);
	post_expect(YUSUF, path, body, 403, &r);
	reply_free(&r);

	const int64_t id = create_doc("bedrijfsarts", YUSUF_CASE, "probleemanalyse", pa);
	deadline(YUSUF_CASE, "probleemanalyse", status, sizeof status, done, sizeof done, due,
		 sizeof due);
	assert_string_equal(status, "gedaan");
	assert_string_equal(done, "2026-02-27");
	deadline(YUSUF_CASE, "plan_van_aanpak", status, sizeof status, done, sizeof done, due,
		 sizeof due);
	assert_string_equal(due, "2026-03-13");
	assert_string_equal(done, "");
	assert_int_equal(count("SELECT COUNT(*) FROM events WHERE document_id = $1", id), 1);

	/* Everyone in the case reads it; the employer sees only the functional part. */
	snprintf(path, sizeof path, "/api/v1/cases/%d/documents/%lld", YUSUF_CASE, (long long)id);
	get_expect(YUSUF, path, 200, &r);
	const json_t *latest = json_object_get(r.json, "latest");
	assert_string_equal(str(json_object_get(latest, "content"), "beperkingen"),
			    "Niet tillen boven 10 kg.");
	assert_string_equal(str(json_object_get(latest, "author"), "role"), "bedrijfsarts");
	assert_true(json_is_null(json_object_get(latest, "approval")));
	reply_free(&r);

	/* The RIV part (f) now counts. */
	path_of(path, sizeof path, YUSUF_CASE, "riv");
	get_expect("werkgever", path, 200, &r);
	assert_string_equal(str(riv_part(r.json, 'f'), "status"), "aanwezig");
	assert_string_equal(str(riv_part(r.json, 'f'), "date"), "2026-02-27");
	reply_free(&r);
}

#define PVA_V1                                                                          \
	"{\"datum\":\"2026-03-01\",\"doel\":\"Terugkeer in eigen werk.\","           \
	"\"activiteiten\":\"Opbouw van uren\\nGesprek met leidinggevende\","         \
	"\"termijnen\":\"Binnen 8 weken 20 uur.\",\"evaluatiemomenten\":\"Elke 6 weken.\"," \
	"\"casemanager\":\"Mark Janssens\",\"visie_werkgever\":\"Eigen werk haalbaar.\"," \
	"\"visie_werknemer\":\"Ik wil graag terug.\"}"

/* Plan van aanpak: every bijstelling kept, the employee's agreement
 * completes the step on its day, a later bijstelling does not undo it. */
static void test_plan_van_aanpak(void **state)
{
	(void)state;
	char path[160], base[128], status[32], done[16], due[16];
	struct reply r;
	const int64_t id = create_doc("werkgever", YUSUF_CASE, "plan_van_aanpak", PVA_V1);
	snprintf(base, sizeof base, "/api/v1/cases/%d/documents/%lld", YUSUF_CASE, (long long)id);
	deadline(YUSUF_CASE, "plan_van_aanpak", status, sizeof status, done, sizeof done, due,
		 sizeof due);
	assert_string_equal(done, "");

	/* Only the employee answers. */
	snprintf(path, sizeof path, "%s/versions/1/agreement", base);
	post_expect("werkgever", path, "{\"akkoord\":true}", 403, &r);
	reply_free(&r);
	post_expect(YUSUF, path, "{\"akkoord\":true,\"toelichting\":\"Goed plan.\"}", 201, &r);
	const json_t *ap = json_object_get(r.json, "approval");
	assert_string_equal(str(ap, "state"), "akkoord");
	assert_string_equal(str(ap, "date"), "2026-03-02");
	assert_string_equal(str(ap, "toelichting"), "Goed plan.");
	reply_free(&r);
	post_expect(YUSUF, path, "{\"akkoord\":true}", 409, &r);
	assert_error(&r, 409, "conflict", "version");
	reply_free(&r);
	deadline(YUSUF_CASE, "plan_van_aanpak", status, sizeof status, done, sizeof done, due,
		 sizeof due);
	assert_string_equal(status, "gedaan");
	assert_string_equal(done, "2026-03-02");

	/* A bijstelling needs its reason. */
	snprintf(path, sizeof path, "%s/versions", base);
	post_expect("werkgever", path, "{\"content\":" PVA_V1 "}", 422, &r);
	assert_error(&r, 422, "invalid", "aanleiding_bijstelling");
	reply_free(&r);
	post_expect("werkgever", path,
		    "{\"content\":{\"datum\":\"2026-03-02\",\"doel\":\"Terugkeer in eigen werk.\","
		    "\"activiteiten\":\"Opbouw van uren en loopbaanorientatie\\nGesprek met "
		    "leidinggevende\",\"termijnen\":\"Binnen 10 weken 20 uur.\","
		    "\"evaluatiemomenten\":\"Elke 6 weken.\",\"casemanager\":\"Mark Janssens\","
		    "\"visie_werkgever\":\"Eigen werk haalbaar.\",\"visie_werknemer\":\"Ik wil "
		    "graag terug.\",\"aanleiding_bijstelling\":\"Herstel gaat langzamer.\"}}",
		    201, &r);
	assert_int_equal(num(r.json, "version"), 2);
	assert_string_equal(str(json_object_get(r.json, "approval"), "state"), "open");
	reply_free(&r);

	/* The old version can no longer be answered; the new one can, and a
	 * refusal needs a reason. */
	snprintf(path, sizeof path, "%s/versions/1/agreement", base);
	post_expect(YUSUF, path, "{\"akkoord\":false,\"toelichting\":\"x\"}", 409, &r);
	reply_free(&r);
	snprintf(path, sizeof path, "%s/versions/2/agreement", base);
	post_expect(YUSUF, path, "{\"akkoord\":false}", 422, &r);
	assert_error(&r, 422, "invalid", "toelichting");
	reply_free(&r);
	post_expect(YUSUF, path,
		    "{\"akkoord\":false,\"toelichting\":\"Tien weken is te kort.\"}", 201, &r);
	assert_string_equal(str(json_object_get(r.json, "approval"), "state"), "niet_akkoord");
	reply_free(&r);
	/* The step stays done on the day of the first agreement. */
	deadline(YUSUF_CASE, "plan_van_aanpak", status, sizeof status, done, sizeof done, due,
		 sizeof due);
	assert_string_equal(done, "2026-03-02");

	/* The history: both versions, each with its answer. */
	get_expect(YUSUF, base, 200, &r);
	const json_t *vs = json_object_get(r.json, "versions");
	assert_int_equal(json_array_size(vs), 2);
	assert_int_equal(num(r.json, "versions_count"), 2);
	assert_string_equal(str(json_object_get(json_array_get(vs, 0), "approval"), "state"),
			    "akkoord");
	assert_string_equal(str(json_object_get(json_array_get(vs, 0), "content"), "termijnen"),
			    "Binnen 8 weken 20 uur.");
	assert_string_equal(str(json_object_get(json_array_get(vs, 1), "approval"), "state"),
			    "niet_akkoord");
	reply_free(&r);
	snprintf(path, sizeof path, "%s/versions/1", base);
	get_expect("bedrijfsarts", path, 200, &r);
	assert_string_equal(str(json_object_get(r.json, "content"), "termijnen"),
			    "Binnen 8 weken 20 uur.");
	reply_free(&r);

	/* The diff, per field, by line and word. */
	snprintf(path, sizeof path, "%s/diff?from=1&to=2", base);
	get_expect("werkgever", path, 200, &r);
	size_t i;
	const json_t *f;
	int seen = 0;
	json_array_foreach(json_object_get(r.json, "fields"), i, f) {
		if (strcmp(str(f, "field"), "termijnen") == 0) {
			assert_string_equal(str(f, "status"), "gewijzigd");
			assert_string_equal(str(f, "old"), "Binnen 8 weken 20 uur.");
			assert_string_equal(str(f, "new"), "Binnen 10 weken 20 uur.");
			seen++;
		} else if (strcmp(str(f, "field"), "aanleiding_bijstelling") == 0) {
			assert_string_equal(str(f, "status"), "toegevoegd");
			seen++;
		} else if (strcmp(str(f, "field"), "activiteiten") == 0) {
			/* Line 1 changed (word hunk "en loopbaanorientatie"), line 2 equal. */
			const json_t *hs = json_object_get(f, "hunks");
			size_t j;
			const json_t *h;
			int word_insert = 0, equal_line = 0;
			json_array_foreach(hs, j, h) {
				if (json_is_true(json_object_get(h, "word")) &&
				    strcmp(str(h, "op"), "toegevoegd") == 0 &&
				    strstr(str(h, "new"), "loopbaanorientatie") != NULL)
					word_insert++;
				if (!json_is_true(json_object_get(h, "word")) &&
				    strcmp(str(h, "op"), "gelijk") == 0 &&
				    strcmp(str(h, "new"), "Gesprek met leidinggevende") == 0)
					equal_line++;
			}
			assert_int_equal(word_insert, 1);
			assert_int_equal(equal_line, 1);
			seen++;
		} else if (strcmp(str(f, "field"), "doel") == 0) {
			assert_string_equal(str(f, "status"), "gelijk");
			seen++;
		}
	}
	assert_int_equal(seen, 4);
	reply_free(&r);
	snprintf(path, sizeof path, "%s/diff?from=1&to=7", base);
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_error(&r, 404, "not_found", "version");
	reply_free(&r);
	snprintf(path, sizeof path, "%s/diff?from=1", base);
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_error(&r, 422, "invalid", "to");
	reply_free(&r);
}

/* A valid content per type (sample[t]). */
static const char *const sample[DOC_TYPE__COUNT] = {
	[DOC_PROBLEEMANALYSE] =
		"{\"datum\":\"2025-04-20\",\"beperkingen\":\"Beperkt in langdurig staan.\","
		"\"mogelijkheden\":\"Zittend werk.\",\"verwachte_duur\":\"langer_dan_6_maanden\","
		"\"verwachting_terugkeer\":\"onbekend\",\"advies\":\"Werkplek aanpassen.\"}",
	[DOC_PLAN_VAN_AANPAK] = PVA_V1,
	[DOC_VOORTGANGSGESPREK] =
		"{\"datum\":\"2026-02-20\",\"deelnemers\":\"Sanne, Mark\",\"besproken\":\"Voortgang.\","
		"\"afspraken\":\"Volgende keer over scholing.\",\"bijstelling_nodig\":\"nee\"}",
	[DOC_EERSTEJAARSEVALUATIE] =
		"{\"datum\":\"2026-02-25\",\"evaluatie\":\"Eigen werk lukt niet.\","
		"\"gekozen_spoor\":\"spoor_1\",\"beoogd_resultaat\":\"Aangepast werk.\"}",
	[DOC_ARBEIDSDESKUNDIG_ONDERZOEK] =
		"{\"datum\":\"2026-01-15\",\"vraagstelling\":\"Is eigen werk passend?\","
		"\"bevindingen\":\"Deels.\",\"conclusie\":\"eigen_werk\",\"advies\":\"Aanpassen.\"}",
	[DOC_TRAJECTPLAN] =
		"{\"datum\":\"2026-02-01\",\"startdatum\":\"2026-02-02\",\"doel\":\"Oriëntatie.\","
		"\"activiteiten\":\"Loopbaanoriëntatie.\"}",
	[DOC_PERSOONSPROFIEL] =
		"{\"datum\":\"2026-02-03\",\"vaardigheden\":\"Plannen.\","
		"\"opleiding_werkervaring\":\"MBO.\",\"belastbaarheid\":\"Zittend werk.\"}",
	[DOC_ZOEKPROFIEL] =
		"{\"datum\":\"2026-02-04\",\"gewenste_functies\":\"Planner.\",\"capaciteiten\":\"Overzicht.\","
		"\"belastbaarheid\":\"Zittend werk.\",\"uren_per_week\":24,\"reisafstand_km\":25}",
	[DOC_RE_INTEGRATIEPLAN] =
		"{\"datum\":\"2026-02-05\",\"doel\":\"Werk elders.\",\"activiteiten\":\"Solliciteren.\","
		"\"startdatum\":\"2026-02-10\",\"einddatum\":\"2026-08-10\","
		"\"rapportagemomenten\":\"Maandelijks.\"}",
	[DOC_INTERVENTIE] =
		"{\"datum\":\"2026-02-06\",\"soort\":\"loopbaanorientatie\",\"startdatum\":\"2026-02-09\","
		"\"status\":\"lopend\",\"aanbieder\":\"De Brug\"}",
	[DOC_EINDEVALUATIE] =
		"{\"datum\":\"2026-02-27\",\"verloop\":\"Goed.\",\"resultaat\":\"werk_elders\","
		"\"toelichting\":\"Plaatsing.\"}",
	[DOC_ACTUEEL_OORDEEL] =
		"{\"datum\":\"2026-02-26\",\"arbeidsongeschiktheid\":\"gedeeltelijk\","
		"\"functionele_beperkingen\":\"Niet tillen.\",\"mogelijkheden\":\"Zittend werk.\","
		"\"verwachting_terugkeer\":\"gedeeltelijk\",\"prognose\":\"Verbetering.\"}",
	[DOC_VISIE_WERKNEMER] = "{\"datum\":\"2026-02-26\",\"visie\":\"Ik zie kansen elders.\"}",
	[DOC_VISIE_WERKGEVER] = "{\"datum\":\"2026-02-26\",\"visie\":\"Wij steunen dat.\"}",
	[DOC_WERKRELATIE] =
		"{\"datum\":\"2026-02-26\",\"oordeel\":\"goed\",\"toelichting\":\"Prettig contact.\"}",
	[DOC_PASSEND_WERK] =
		"{\"datum\":\"2026-02-26\",\"oordeel\":\"ander_werk\",\"toelichting\":\"Geen passend werk.\"}",
	[DOC_ADMINISTRATIEF] =
		"{\"datum\":\"2026-02-26\",\"werknemer_naam\":\"Sanne de Vries\","
		"\"werknemer_geboortedatum\":\"1988-05-04\",\"werkgever_naam\":\"Gemeentewerken Breda BV\","
		"\"bedrijfsarts_naam\":\"Fatima El Amrani\",\"aard_bedrijf\":\"Gemeentelijk werkbedrijf.\","
		"\"functie\":\"Medewerker groen.\",\"vaardigheden\":\"Praktisch.\",\"uren_per_week\":36}",
	[DOC_RE_INTEGRATIEVERSLAG] =
		"{\"datum\":\"2026-02-27\",\"kopie_werknemer\":\"2026-02-28\"}",
};

/* The five case roles of Sanne's case, as demo users. */
static const struct {
	const char *who;
	enum role role;
} team[] = {
	{ "werkgever", ROLE_WERKGEVER },
	{ "bedrijfsarts", ROLE_BEDRIJFSARTS },
	{ "arbeidsdeskundige", ROLE_ARBEIDSDESKUNDIGE },
	{ "re-integratieprofessional", ROLE_REINTEGRATIEPROFESSIONAL },
	{ "werknemer", ROLE_WERKNEMER },
};
#define NTEAM (sizeof team / sizeof team[0])

/* Every type: its author may write it, another case role may not, every
 * participant reads it, and a second version keeps the first. */
static void test_every_type(void **state)
{
	(void)state;
	char path[160], body[4096];
	struct reply r;
	int64_t ids[DOC_TYPE__COUNT];
	const int64_t seeded = count("SELECT COUNT(*) FROM documents WHERE case_id = $1", SANNE_CASE);
	path_of(path, sizeof path, SANNE_CASE, "documents");
	for (int t = 0; t < DOC_TYPE__COUNT; t++) {
		const char *name = doc_type_name((enum doc_type)t);
		const char *author = NULL, *other = NULL;
		for (size_t i = 0; i < NTEAM; i++) {
			if (doc_may_author((enum doc_type)t, team[i].role)) {
				if (author == NULL)
					author = team[i].who;
			} else if (other == NULL) {
				other = team[i].who;
			}
		}
		assert_non_null(author);
		assert_non_null(other);
		snprintf(body, sizeof body, "{\"type\":\"%s\",\"content\":%s}", name, sample[t]);
		call(as(other), "POST", path, body, 1, &r);
		if (r.status != 403)
			fail_msg("%s writes %s: %ld", other, name, r.status);
		reply_free(&r);
		ids[t] = create_doc(author, SANNE_CASE, name, sample[t]);
	}
	/* Everyone in the case lists all of them. */
	for (size_t i = 0; i < NTEAM; i++) {
		get_expect(team[i].who, path, 200, &r);
		assert_int_equal(json_array_size(json_object_get(r.json, "items")),
				 DOC_TYPE__COUNT + seeded);
		reply_free(&r);
	}
	char filtered[200];
	snprintf(filtered, sizeof filtered, "%s?type=zoekprofiel", path); /* none seeded */
	get_expect("werkgever", filtered, 200, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	assert_int_equal(num(json_object_get(json_object_get(json_array_get(
					json_object_get(r.json, "items"), 0), "latest"), "content"),
			     "uren_per_week"),
			 24);
	reply_free(&r);

	/* A new version of the zoekprofiel; version 1 stays as it was. */
	snprintf(path, sizeof path, "/api/v1/cases/%d/documents/%lld/versions", SANNE_CASE,
		 (long long)ids[DOC_ZOEKPROFIEL]);
	post_expect("werknemer", path,
		    "{\"content\":{\"datum\":\"2026-03-01\",\"gewenste_functies\":\"Planner.\","
		    "\"capaciteiten\":\"Overzicht.\",\"belastbaarheid\":\"Zittend werk.\","
		    "\"uren_per_week\":32,\"reisafstand_km\":25}}",
		    201, &r);
	assert_int_equal(num(r.json, "version"), 2);
	assert_string_equal(str(json_object_get(r.json, "author"), "role"), "werknemer");
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/cases/%d/documents/%lld/versions/1", SANNE_CASE,
		 (long long)ids[DOC_ZOEKPROFIEL]);
	get_expect("werkgever", path, 200, &r);
	assert_int_equal(num(json_object_get(r.json, "content"), "uren_per_week"), 24);
	assert_string_equal(str(json_object_get(r.json, "author"), "role"),
			    "re-integratieprofessional");
	reply_free(&r);

	/* The eerstejaarsevaluatie asks the employee's acknowledgement. */
	snprintf(path, sizeof path, "/api/v1/cases/%d/documents/%lld/versions/1/agreement",
		 SANNE_CASE, (long long)ids[DOC_EERSTEJAARSEVALUATIE]);
	post_expect("werknemer", path, "{\"akkoord\":true}", 201, &r);
	assert_string_equal(str(json_object_get(r.json, "approval"), "state"), "akkoord");
	reply_free(&r);
	/* A zoekprofiel asks none. */
	snprintf(path, sizeof path, "/api/v1/cases/%d/documents/%lld/versions/2/agreement",
		 SANNE_CASE, (long long)ids[DOC_ZOEKPROFIEL]);
	post_expect("werknemer", path, "{\"akkoord\":true}", 409, &r);
	reply_free(&r);

	/* With every part in the dossier the RIV check counts them. */
	path_of(path, sizeof path, SANNE_CASE, "riv");
	get_expect("werknemer", path, 200, &r);
	for (const char *p = "abcdefijk"; *p; p++)
		if (strcmp(str(riv_part(r.json, *p), "status"), "aanwezig") != 0)
			fail_msg("part %c: %s (%s)", *p, str(riv_part(r.json, *p), "status"),
				 str(riv_part(r.json, *p), "uitleg"));
	reply_free(&r);

	/* Every type keeps its history: a new version (the same content again,
	 * as its author writes it) leaves the earlier ones as they were. */
	for (int t = 0; t < DOC_TYPE__COUNT; t++) {
		if (t == DOC_PLAN_VAN_AANPAK) /* a bijstelling needs its reason: see above */
			continue;
		const char *author = NULL;
		for (size_t i = 0; i < NTEAM && author == NULL; i++)
			if (doc_may_author((enum doc_type)t, team[i].role))
				author = team[i].who;
		const int want = t == DOC_ZOEKPROFIEL ? 3 : 2;
		snprintf(path, sizeof path, "/api/v1/cases/%d/documents/%lld/versions", SANNE_CASE,
			 (long long)ids[t]);
		snprintf(body, sizeof body, "{\"content\":%s}", sample[t]);
		post_expect(author, path, body, 201, &r);
		assert_int_equal(num(r.json, "version"), want);
		reply_free(&r);
		snprintf(path, sizeof path, "/api/v1/cases/%d/documents/%lld", SANNE_CASE,
			 (long long)ids[t]);
		get_expect("werknemer", path, 200, &r);
		const json_t *vs = json_object_get(r.json, "versions");
		assert_int_equal(json_array_size(vs), want);
		assert_int_equal(num(r.json, "versions_count"), want);
		for (int k = 0; k < want; k++)
			assert_int_equal(num(json_array_get(vs, k), "version"), k + 1);
		assert_string_equal(str(json_object_get(json_array_get(vs, 0), "content"), "datum"),
				    str(json_object_get(json_array_get(vs, want - 1), "content"),
					"datum"));
		reply_free(&r);
	}
	assert_int_equal(count("SELECT COUNT(*) FROM document_versions v JOIN documents d"
			       " ON d.id = v.document_id WHERE d.case_id = $1 AND v.version = 1",
			       SANNE_CASE),
			 DOC_TYPE__COUNT + seeded);

	/* Documents that complete steps recorded their events. */
	assert_int_equal(count("SELECT COUNT(*) FROM events WHERE document_id IS NOT NULL"
			       " AND case_id = $1 AND kind = 're_integratieverslag'",
			       SANNE_CASE),
			 1);
}

/* Bad input answers 4xx and stores nothing. */
static void test_bad_input(void **state)
{
	(void)state;
	static const struct {
		const char *body;
		long status;
		const char *field;
	} cases[] = {
		{ "{\"type\":\"brief\",\"content\":{}}", 422, "type" },
		{ "{\"type\":\"visie_werkgever\",\"content\":[]}", 422, "content" },
		{ "{\"type\":\"visie_werkgever\"}", 422, "content" },
		{ "{\"type\":\"visie_werkgever\",\"content\":{\"datum\":\"2026-02-26\"}}", 422,
		  "visie" },
		{ "{\"type\":\"visie_werkgever\",\"content\":{\"datum\":\"2026-03-09\","
		  "\"visie\":\"x\"}}", 422, "datum" },
		{ "{\"type\":\"visie_werkgever\",\"content\":{\"datum\":\"2026-02-26\","
		  "\"visie\":\"x\",\"diagnose\":\"y\"}}", 422, "diagnose" },
		{ "{\"type\":\"visie_werkgever\",\"content\":{\"datum\":\"2026-02-26\","
		  "\"visie\":true}}", 422, "visie" },
		{ "{\"type\":\"visie_werkgever\",\"content\":{},\"extra\":1}", 422, "extra" },
		{ "{\"type\":", 400, "" },
	};
	char path[128];
	struct reply r;
	const int64_t before = count("SELECT COUNT(*) FROM documents WHERE case_id = $1", SANNE_CASE);
	path_of(path, sizeof path, SANNE_CASE, "documents");
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		call(as("werkgever"), "POST", path, cases[i].body, 1, &r);
		assert_error(&r, cases[i].status, "invalid",
			     cases[i].field);
		reply_free(&r);
	}
	assert_int_equal(count("SELECT COUNT(*) FROM documents WHERE case_id = $1", SANNE_CASE),
			 before);

	/* A document of another case does not exist here. */
	const int64_t other = create_doc("werkgever", YUSUF_CASE, "visie_werkgever",
					 "{\"datum\":\"2026-02-26\",\"visie\":\"Steun.\"}");
	char doc[160];
	snprintf(doc, sizeof doc, "/api/v1/cases/%d/documents/%lld", SANNE_CASE, (long long)other);
	call(as("werkgever"), "GET", doc, NULL, 0, &r);
	assert_error(&r, 404, "not_found", "did");
	reply_free(&r);
	snprintf(doc, sizeof doc, "/api/v1/cases/%d/documents/%lld/versions/9", YUSUF_CASE,
		 (long long)other);
	call(as("werkgever"), "GET", doc, NULL, 0, &r);
	assert_error(&r, 404, "not_found", "version");
	reply_free(&r);
	/* No relation to the case: 404 as if it did not exist. */
	path_of(path, sizeof path, KEES_CASE, "documents");
	assert_int_equal(status_of("netwerkwerkgever", "GET", path, NULL), 404);
	assert_int_equal(status_of(YUSUF, "GET", path, NULL), 404);
	assert_int_equal(status_of("beheerder", "POST", path,
				   "{\"type\":\"visie_werkgever\",\"content\":{}}"),
			 404);
	/* Without the CSRF header a write is refused. */
	call(as("werkgever"), "POST", path, "{\"type\":\"visie_werkgever\",\"content\":{}}", 0, &r);
	assert_int_equal(r.status, 403);
	reply_free(&r);
}

/* The early second track: marked in year 1 by the bedrijfsarts or the
 * arbeidsdeskundige, the case gets its orientation phase. */
static void test_early_second_track(void **state)
{
	(void)state;
	char path[128], status[32], done[16], due[16];
	struct reply r;
	path_of(path, sizeof path, YUSUF_CASE, "early-second-track");
	post_expect("werkgever", path, "{\"reden\":\"Eigen werk past niet meer.\"}", 403, &r);
	reply_free(&r);
	post_expect(YUSUF, path, "{\"reden\":\"Eigen werk past niet meer.\"}", 403, &r);
	reply_free(&r);
	post_expect("bedrijfsarts", path, "{\"reden\":\"  \"}", 422, &r);
	assert_error(&r, 422, "invalid", "reden");
	reply_free(&r);
	post_expect("bedrijfsarts", path, "{\"reden\":\"x\",\"datum\":\"2026-03-03\"}", 422, &r);
	assert_error(&r, 422, "invalid", "datum");
	reply_free(&r);
	post_expect("bedrijfsarts", path, "{\"reden\":\"x\",\"datum\":\"2025-01-01\"}", 422,
		    &r);
	reply_free(&r);

	post_expect("bedrijfsarts", path,
		    "{\"reden\":\"Terugkeer in de buitendienst is niet te verwachten.\","
		    "\"datum\":\"2026-02-23\"}",
		    201, &r);
	assert_string_equal(str(r.json, "orientation_since"), "2026-02-23");
	reply_free(&r);
	deadline(YUSUF_CASE, "arbeidsdeskundig_onderzoek", status, sizeof status, done,
		 sizeof done, due, sizeof due);
	assert_string_equal(due, "2026-04-06");
	assert_string_equal(status, "open");
	deadline(YUSUF_CASE, "orientatie_tweede_spoor", status, sizeof status, done, sizeof done,
		 due, sizeof due);
	assert_string_equal(due, "2026-04-20");
	/* The second track opens from the mark, not from week 52. */
	deadline(YUSUF_CASE, "start_tweede_spoor", status, sizeof status, done, sizeof done, due,
		 sizeof due);
	assert_string_equal(status, "open");
	post_expect("bedrijfsarts", path, "{\"reden\":\"Nogmaals.\"}", 409, &r);
	reply_free(&r);

	/* Only in year 1: Kees is in week 90. */
	path_of(path, sizeof path, KEES_CASE, "early-second-track");
	post_expect("arbeidsdeskundige", path, "{\"reden\":\"Te laat.\"}", 422, &r);
	assert_error(&r, 422, "invalid", "datum");
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM events WHERE case_id = $1"
			       " AND note = 'Te laat.'",
			       KEES_CASE),
			 0);
}

/* Uploads data as the raw body with a Content-Type (NULL: none). */
static void upload(const char *who, const char *path, const char *type, const void *data,
		   size_t len, struct reply *r)
{
	struct client *cl = as(who);
	memset(r, 0, sizeof *r);
	CURL *c = curl_easy_init();
	assert_non_null(c);
	char url[512], cookie[256], token[128], ct[128];
	snprintf(url, sizeof url, "%s%s", F->base, path);
	snprintf(cookie, sizeof cookie, "Cookie: sw_csrf=%s; sw_session=%s", cl->csrf, cl->session);
	snprintf(token, sizeof token, "X-CSRF-Token: %s", cl->csrf);
	snprintf(ct, sizeof ct, "Content-Type: %s", type != NULL ? type : "");
	struct curl_slist *hs = curl_slist_append(NULL, cookie);
	hs = curl_slist_append(hs, token);
	hs = curl_slist_append(hs, ct);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hs);
	curl_easy_setopt(c, CURLOPT_POSTFIELDS, data);
	curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, r);
	curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(c, CURLOPT_HEADERDATA, r);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 60L);
	if (curl_easy_perform(c) != CURLE_OK)
		fail_msg("upload %s failed", path);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r->status);
	curl_slist_free_all(hs);
	curl_easy_cleanup(c);
	if (r->body != NULL)
		r->json = json_loads(r->body, 0, NULL);
}

/* Attachments: checksummed, typed by their bytes, limited in size. */
static void test_attachments(void **state)
{
	(void)state;
	static const char pdf[] = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n";
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0,
					     13, 'I', 'H', 'D', 'R', 0, 0, 0, 1 };
	const int64_t doc = create_doc("werkgever", YUSUF_CASE, "visie_werkgever",
				       "{\"datum\":\"2026-02-26\",\"visie\":\"Met bijlage.\"}");
	char base[160], path[200], buf[256];
	struct reply r;
	snprintf(base, sizeof base, "/api/v1/cases/%d/documents/%lld/attachments", YUSUF_CASE,
		 (long long)doc);

	upload("werkgever", base, "application/pdf", pdf, sizeof pdf - 1, &r);
	if (r.status != 201)
		fail_msg("upload: %ld %s", r.status, r.body);
	const int64_t aid = json_integer_value(json_object_get(r.json, "id"));
	assert_int_equal(json_integer_value(json_object_get(r.json, "size")), sizeof pdf - 1);
	/* sha256sum of the same bytes. */
	char digest[CRYPTO_DIGEST_STRLEN];
	crypto_sha256_hex(pdf, sizeof pdf - 1, digest);
	assert_string_equal(str(r.json, "sha256"), digest);
	assert_int_equal(strlen(digest), 64);
	reply_free(&r);
	upload("werkgever", base, "image/png", png, sizeof png, &r);
	assert_int_equal(r.status, 201);
	const int64_t pid = json_integer_value(json_object_get(r.json, "id"));
	reply_free(&r);

	/* Read back byte for byte, by every participant. */
	snprintf(path, sizeof path, "%s/%lld", base, (long long)aid);
	get_expect(YUSUF, path, 200, &r);
	assert_int_equal(r.len, sizeof pdf - 1);
	assert_memory_equal(r.body, pdf, sizeof pdf - 1);
	assert_string_equal(header(&r, "Content-Type", buf, sizeof buf), "application/pdf");
	char want[96];
	snprintf(want, sizeof want, "attachment; filename=\"bijlage-%lld.pdf\"", (long long)aid);
	assert_string_equal(header(&r, "Content-Disposition", buf, sizeof buf), want);
	reply_free(&r);
	snprintf(path, sizeof path, "%s/%lld", base, (long long)pid);
	get_expect("bedrijfsarts", path, 200, &r);
	assert_int_equal(r.len, sizeof png);
	assert_memory_equal(r.body, png, sizeof png);
	assert_string_equal(header(&r, "Content-Type", buf, sizeof buf), "image/png");
	reply_free(&r);
	get_expect("werkgever", base, 200, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 2);
	reply_free(&r);

	/* Wrong types: 415, nothing stored. */
	const int64_t before = count("SELECT COUNT(*) FROM document_attachments WHERE document_id = $1", doc);
	upload("werkgever", base, "text/html", "<html></html>", 13, &r);
	assert_error(&r, 415, "invalid", "Content-Type");
	reply_free(&r);
	upload("werkgever", base, "image/jpeg", png, sizeof png, &r);
	assert_error(&r, 415, "invalid", "Content-Type");
	reply_free(&r);
	static const char exe[] = "MZ\x90\0 not a pdf";
	upload("werkgever", base, "application/pdf", exe, sizeof exe - 1, &r);
	assert_error(&r, 415, "invalid", "Content-Type");
	reply_free(&r);
	upload("werkgever", base, "application/pdf", "", 0, &r);
	assert_error(&r, 422, "invalid", "body");
	reply_free(&r);
	/* Too large: 10 MiB and one byte. */
	const size_t big = ATTACH_MAX_BYTES + 1;
	char *huge = malloc(big);
	memset(huge, 'x', big);
	memcpy(huge, "%PDF-", 5);
	upload("werkgever", base, "application/pdf", huge, big, &r);
	assert_error(&r, 413, "limit", "body");
	reply_free(&r);
	free(huge);
	assert_int_equal(count("SELECT COUNT(*) FROM document_attachments WHERE document_id = $1", doc),
			 before);
	/* The employee may not write the werkgever's vision, so not attach to it. */
	upload(YUSUF, base, "application/pdf", pdf, sizeof pdf - 1, &r);
	assert_int_equal(r.status, 403);
	reply_free(&r);
	/* An attachment of another document does not exist here. */
	const int64_t other = create_doc("werkgever", YUSUF_CASE, "visie_werkgever",
					 "{\"datum\":\"2026-02-25\",\"visie\":\"Zonder bijlage.\"}");
	snprintf(path, sizeof path, "/api/v1/cases/%d/documents/%lld/attachments/%lld", YUSUF_CASE,
		 (long long)other, (long long)aid);
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_error(&r, 404, "not_found", "aid");
	reply_free(&r);
	/* A damaged row is never served as the file. */
	struct sw_error err = { 0 };
	char sql[128];
	snprintf(sql, sizeof sql, "UPDATE document_attachments SET data = 'JVBERi0=' WHERE id = %lld",
		 (long long)aid);
	assert_int_equal(db_exec(store_db(F->st), sql, &err), 0);
	snprintf(path, sizeof path, "%s/%lld", base, (long long)aid);
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_int_equal(r.status, 500);
	reply_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_riv_from_week_one),
		cmocka_unit_test(test_probleemanalyse_updates_deadlines),
		cmocka_unit_test(test_plan_van_aanpak),
		cmocka_unit_test(test_every_type),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_early_second_track),
		cmocka_unit_test(test_attachments),
	};
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const int rc = cmocka_run_group_tests(tests, setup, teardown);
	curl_global_cleanup();
	return rc;
}
