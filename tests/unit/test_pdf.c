/* test_pdf.c - a re-integratieverslag with all twelve parts (a)-(l) and a
 * plan van aanpak with its bijstellingen, rendered to PDF and checked with
 * independent tools: qpdf for the file structure, pdftotext for what a
 * reader (and a search) finds on each page, pdfinfo for the page count. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "core/riv.h"
#include "export/nl_text.h"
#include "export/pdf.h"

/* ---- the document ------------------------------------------------------ */

/* Text a casemanager might type, with what trips up naive renderers:
 * markup characters, an entity, diacritics, a tab. */
#define USER_MARKUP "Afspraak <b>niet vet</b> & \"co\" <script>x</script> &amp; 5 < 7"
#define LONG_WORD "arbeidsongeschiktheidsverzekeringsaanvraagformulierenbehandeling"

static const char *const lorem[] = {
	("De werknemer heeft na overleg met de bedrijfsarts de eigen werkzaamheden gedeeltelijk "
	 "hervat. De opbouw verloopt langzamer dan in het plan van aanpak was voorzien; de "
	 "belastbaarheid is wisselend en de werkgever heeft de taken daarop aangepast."),
	("Tijdens het voortgangsgesprek is besproken dat terugkeer in de eigen functie op termijn "
	 "onwaarschijnlijk is. Daarom is in overleg besloten een oriënterend arbeidsdeskundig "
	 "onderzoek te laten uitvoeren en loopbaanoriëntatie aan te bieden."),
	("Zoë (de werknemer) geeft aan dat zij zich gehoord voelt en dat de afspraken duidelijk zijn. "
	 "Zij wil graag meer regie over de planning van het café-werk en de scholing."),
};

struct riv {
	struct pdf_kv kv_a[6], kv_e[2], kv_j[3], kv_meta[2];
	const char *pva_cells[12 * 4];
	const char *vg_cells[18 * 3];
	char vg_text[18][3][48];
	struct pdf_block blocks[12][6];
	struct pdf_section sections[16];
	struct pdf_table pva, vg;
	struct pdf_party parties[5];
	struct pdf_doc doc;
	char long_para[8192];
	const char *headings[RIV_PARTS];
};

static const char *const pva_header[] = { "Activiteit", "Doel", "Termijn", "Wie" };
static const double pva_widths[] = { 2.7, 2.7, 1.4, 2.2 };
static const char *const vg_header[] = { "Gesprek", "Datum", "Uitkomst" };

static size_t add_section(struct riv *r, size_t *ns, int level, const char *number,
			  const char *heading, enum pdf_mark mark, const char *why)
{
	r->sections[*ns] = (struct pdf_section){ level, number, heading, mark, why, NULL, 0 };
	return (*ns)++;
}

static void blocks(struct riv *r, size_t s, size_t slot, const struct pdf_block *b, size_t n)
{
	memcpy(r->blocks[slot], b, n * sizeof *b);
	r->sections[s].blocks = r->blocks[slot];
	r->sections[s].nblocks = n;
}

static void riv_build(struct riv *r)
{
	memset(r, 0, sizeof *r);
	for (int i = 0; i < RIV_PARTS; i++)
		r->headings[i] = riv_part_title((char)('a' + i));

	r->parties[0] = (struct pdf_party){ "Zoë Ëlsen", nl_role_label(ROLE_WERKNEMER), "Café De Brug B.V." };
	r->parties[1] = (struct pdf_party){ "Anna Jansen", nl_role_label(ROLE_WERKGEVER), "Café De Brug B.V." };
	r->parties[2] = (struct pdf_party){ "dr. R. Müller", nl_role_label(ROLE_BEDRIJFSARTS), "Arbodienst Noord & Co" };
	r->parties[3] = (struct pdf_party){ "P. de Boer", nl_role_label(ROLE_ARBEIDSDESKUNDIGE), "<AD Groep>" };
	r->parties[4] = (struct pdf_party){ "S. Yılmaz", nl_role_label(ROLE_REINTEGRATIEPROFESSIONAL),
					    "Re-integratiebureau Tweede Spoor" };

	r->kv_meta[0] = (struct pdf_kv){ "Zaak", "12", PDF_MARK_NONE };
	r->kv_meta[1] = (struct pdf_kv){ "Eerste ziektedag", "6 januari 2025", PDF_MARK_NONE };

	size_t ns = 0, s;
	/* (a) */
	s = add_section(r, &ns, 1, "a", r->headings[0], PDF_MARK_NONE, NULL);
	r->kv_a[0] = (struct pdf_kv){ "Werknemer", "Zoë Ëlsen, geboren 3 maart 1980", PDF_MARK_NONE };
	r->kv_a[1] = (struct pdf_kv){ "Adres", "Kerkstraat 1\n1234 AB Utrecht", PDF_MARK_NONE };
	r->kv_a[2] = (struct pdf_kv){ "Werkgever", "Café De Brug B.V., KvK 12345678", PDF_MARK_NONE };
	r->kv_a[3] = (struct pdf_kv){ "Bedrijfsarts", "dr. R. Müller, BIG 123456789", PDF_MARK_NONE };
	r->kv_a[4] = (struct pdf_kv){ "Opmerking", USER_MARKUP, PDF_MARK_NONE };
	r->kv_a[5] = (struct pdf_kv){ "Casemanager", NULL, PDF_MARK_MISSING };
	blocks(r, s, 0, (struct pdf_block[]){ { .kind = PDF_KV, .kv = r->kv_a, .nkv = 6 } }, 1);
	/* (b) - (d) */
	s = add_section(r, &ns, 1, "b", r->headings[1], PDF_MARK_NONE, NULL);
	blocks(r, s, 1, (struct pdf_block[]){ { .kind = PDF_PARAGRAPH, .text = "Horeca: café-restaurant met "
		"28 medewerkers, open van dinsdag tot en met zondag." } }, 1);
	s = add_section(r, &ns, 1, "c", r->headings[2], PDF_MARK_NONE, NULL);
	blocks(r, s, 2, (struct pdf_block[]){ { .kind = PDF_PARAGRAPH, .text = "Zelfstandig werkend kok, "
		"32 uur per week; tillen tot 20 kg, staand werk, onregelmatige diensten." } }, 1);
	s = add_section(r, &ns, 1, "d", r->headings[3], PDF_MARK_NONE, NULL);
	blocks(r, s, 3, (struct pdf_block[]){ { .kind = PDF_PARAGRAPH, .text = "MBO-4 koksopleiding, "
		"HACCP, leidinggeven aan twee leerlingen; goede contactuele vaardigheden." },
		{ .kind = PDF_PARAGRAPH, .text = LONG_WORD " staat in het dossier als voorbeeld." } }, 2);
	/* (e) */
	s = add_section(r, &ns, 1, "e", r->headings[4], PDF_MARK_NONE, NULL);
	r->kv_e[0] = (struct pdf_kv){ "Eerste ziektedag", "6 januari 2025", PDF_MARK_NONE };
	r->kv_e[1] = (struct pdf_kv){ "Einde wachttijd", "4 januari 2027", PDF_MARK_NONE };
	blocks(r, s, 4, (struct pdf_block[]){ { .kind = PDF_KV, .kv = r->kv_e, .nkv = 2 } }, 1);
	/* (f) */
	s = add_section(r, &ns, 1, "f", r->headings[5], PDF_MARK_NONE, NULL);
	blocks(r, s, 5, (struct pdf_block[]){ { .kind = PDF_PARAGRAPH, .text = lorem[0] },
		{ .kind = PDF_NOTE, .text = "Alleen het functionele deel van de probleemanalyse staat in dit "
		  "verslag; medische gegevens gaan niet naar de werkgever." } }, 2);
	/* (g) with three versions of the plan van aanpak */
	s = add_section(r, &ns, 1, "g", r->headings[6], PDF_MARK_NONE, NULL);
	static const char *const acts[12][4] = {
		{ "Gedeeltelijke werkhervatting", "Opbouw naar 16 uur", "3 februari 2025", "werknemer" },
		{ "Aanpassing werkplek", "Minder tillen", "10 februari 2025", "werkgever" },
		{ "Fysiotherapie", "Belastbaarheid vergroten", "doorlopend", "werknemer" },
		{ "Voortgangsgesprek", "Evaluatie opbouw", "elke 6 weken", "werkgever, werknemer" },
		{ "Arbeidsdeskundig onderzoek", "Mogelijkheden eigen werk", "1 april 2025", "arbeidsdeskundige" },
		{ "Loopbaanoriëntatie", "Beeld van ander werk", "mei 2025", "re-integratieprofessional" },
		{ "Scholing allergenen", "Breder inzetbaar", "juni 2025", "werkgever" },
		{ "Gesprek " USER_MARKUP, "Toets op <html>", "juli 2025", "werknemer" },
		{ "Proefplaatsing", "Werkervaring elders", "september 2025", "re-integratieprofessional" },
		{ LONG_WORD, "Lang woord in een smalle kolom", "oktober 2025", "werkgever" },
		{ "Eerstejaarsevaluatie", "Resultaat tweede jaar", "5 januari 2026", "werkgever, werknemer" },
		{ "Afronding", "Duurzame plaatsing", "december 2026", "allen" },
	};
	for (size_t i = 0; i < 12; i++)
		for (size_t c = 0; c < 4; c++)
			r->pva_cells[i * 4 + c] = acts[i][c];
	r->pva = (struct pdf_table){ 4, pva_header, r->pva_cells, 12, pva_widths };
	static const char *const versions[3][2] = {
		{ "g.1", "Plan van aanpak, versie 1 van 3 maart 2025" },
		{ "g.2", "Bijstelling, versie 2 van 16 juni 2025" },
		{ "g.3", "Bijstelling, versie 3 van 10 november 2025" },
	};
	for (size_t v = 0; v < 3; v++) {
		s = add_section(r, &ns, 2, versions[v][0], versions[v][1], PDF_MARK_NONE, NULL);
		blocks(r, s, 6 + v, (struct pdf_block[]){
			{ .kind = PDF_PARAGRAPH, .text = "Visie van de werkgever: de werkgever ziet mogelijkheden "
			  "voor aangepast werk in de keuken, in eerste instantie zonder avonddiensten." },
			{ .kind = PDF_PARAGRAPH, .text = "Visie van de werknemer: ik wil terug naar mijn eigen werk, "
			  "maar sta open voor ander werk als dat niet lukt; ik heb behoefte aan rust." },
			{ .kind = PDF_TABLE, .table = &r->pva },
			{ .kind = PDF_PARAGRAPH, .text = lorem[v] } }, 4);
	}
	/* (h) with the voortgangsgesprekken */
	s = add_section(r, &ns, 1, "h", r->headings[7], PDF_MARK_NONE, NULL);
	for (size_t i = 0; i < 18; i++) {
		snprintf(r->vg_text[i][0], sizeof r->vg_text[i][0], "Voortgangsgesprek %zu", i + 1);
		char date[NL_DATE_MAX];
		nl_date_long(date_from_ymd(2025, 1, 6) + 42 * (sw_date)(i + 1), date);
		snprintf(r->vg_text[i][1], sizeof r->vg_text[i][1], "%s", date);
		snprintf(r->vg_text[i][2], sizeof r->vg_text[i][2], "opbouw besproken, %zu uur", 4 + i);
		for (size_t c = 0; c < 3; c++)
			r->vg_cells[i * 3 + c] = r->vg_text[i][c];
	}
	r->vg = (struct pdf_table){ 3, vg_header, r->vg_cells, 18, NULL };
	blocks(r, s, 9, (struct pdf_block[]){ { .kind = PDF_PARAGRAPH, .text = lorem[1] },
		{ .kind = PDF_TABLE, .table = &r->vg } }, 2);
	/* (i) missing entirely */
	add_section(r, &ns, 1, "i", r->headings[8], PDF_MARK_MISSING, NULL);
	/* (j) stale */
	s = add_section(r, &ns, 1, "j", r->headings[9], PDF_MARK_STALE,
			"Het oordeel van 3 maart 2025 is ouder dan drie maanden bij de WIA-aanvraag.");
	r->kv_j[0] = (struct pdf_kv){ "Datum oordeel", "3 maart 2025", PDF_MARK_STALE };
	r->kv_j[1] = (struct pdf_kv){ "Functionele mogelijkhedenlijst", "bijgevoegd", PDF_MARK_NONE };
	r->kv_j[2] = (struct pdf_kv){ "Duurbelastbaarheid", "", PDF_MARK_MISSING };
	blocks(r, s, 10, (struct pdf_block[]){ { .kind = PDF_KV, .kv = r->kv_j, .nkv = 3 } }, 1);
	/* (k) */
	add_section(r, &ns, 1, "k", r->headings[10], PDF_MARK_MISSING, "Nog geen arbeidsdeskundig rapport.");
	/* (l) a paragraph longer than a page */
	s = add_section(r, &ns, 1, "l", r->headings[11], PDF_MARK_NONE, NULL);
	size_t n = 0;
	for (int i = 0; i < 27; i++)
		n += (size_t)snprintf(r->long_para + n, sizeof r->long_para - n, "%s ", lorem[i % 3]);
	blocks(r, s, 11, (struct pdf_block[]){ { .kind = PDF_PARAGRAPH, .text = r->long_para } }, 1);

	r->doc = (struct pdf_doc){
		.title = "Re-integratieverslag",
		.subtitle = "Zoë Ëlsen \u2013 Café De Brug B.V.",
		.generated_on = date_from_ymd(2025, 1, 6),
		.author = "Anna Jansen",
		.footer = "Vertrouwelijk \u2013 bevat persoonsgegevens",
		.meta = r->kv_meta, .nmeta = 2,
		.parties = r->parties, .nparties = 5,
		.sections = r->sections, .nsections = ns,
	};
}

/* ---- tools ------------------------------------------------------------- */

struct outdir {
	char dir[64];
	char pdf[96];
	char txt[96];
};

/* Runs a shell command and returns its output (malloc'd) and exit status. */
static char *run(const char *cmd, int *status)
{
	FILE *p = popen(cmd, "r");
	assert_non_null(p);
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	size_t got;
	while ((got = fread(buf + len, 1, cap - len - 1, p)) > 0) {
		len += got;
		if (cap - len < 1024)
			buf = realloc(buf, cap *= 2);
	}
	buf[len] = '\0';
	*status = pclose(p);
	return buf;
}

static int have(const char *tool)
{
	char cmd[128];
	snprintf(cmd, sizeof cmd, "command -v %s >/dev/null 2>&1", tool);
	return system(cmd) == 0;
}

static void write_pdf(struct outdir *o, const unsigned char *data, size_t len)
{
	snprintf(o->dir, sizeof o->dir, "/tmp/sw-test-pdf-XXXXXX");
	assert_non_null(mkdtemp(o->dir));
	snprintf(o->pdf, sizeof o->pdf, "%s/riv.pdf", o->dir);
	snprintf(o->txt, sizeof o->txt, "%s/riv.txt", o->dir);
	FILE *f = fopen(o->pdf, "wb");
	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

static void remove_out(const struct outdir *o)
{
	unlink(o->pdf);
	unlink(o->txt);
	rmdir(o->dir);
}

/* Collapses every run of white space to one space, so that text wrapped
 * over lines in the PDF can be found as written. */
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
		fail_msg("text not in the PDF: \"%s\"", n);
	free(n);
}

static unsigned char *render(const struct pdf_doc *doc, size_t *len)
{
	unsigned char *out;
	struct sw_error err = { 0 };
	if (pdf_render(doc, &out, len, &err) != 0)
		fail_msg("pdf_render: %s: %s", err.field, err.message);
	assert_true(*len > 1000);
	assert_memory_equal(out, "%PDF-", 5);
	return out;
}

/* ---- tests -------------------------------------------------------------- */

static void test_riv(void **state)
{
	(void)state;
	if (!have("qpdf") || !have("pdftotext") || !have("pdfinfo"))
		skip();
	struct riv *r = malloc(sizeof *r);
	riv_build(r);
	size_t len;
	unsigned char *pdf = render(&r->doc, &len);
	struct outdir o;
	write_pdf(&o, pdf, len);

	/* Structure: xref, objects, streams, fonts all well-formed. */
	char cmd[256];
	int status;
	snprintf(cmd, sizeof cmd, "qpdf --check '%s' 2>&1", o.pdf);
	char *check = run(cmd, &status);
	if (status != 0 || strstr(check, "No syntax or stream encoding errors") == NULL)
		fail_msg("qpdf --check failed:\n%s", check);
	free(check);

	snprintf(cmd, sizeof cmd, "pdfinfo '%s' 2>&1", o.pdf);
	char *info = run(cmd, &status);
	assert_int_equal(status, 0);
	const char *pages_line = strstr(info, "\nPages:");
	assert_non_null(pages_line);
	const int pages = atoi(pages_line + 7);
	squeeze(info);
	assert_non_null(strstr(info, "Title: Re-integratieverslag"));
	assert_non_null(strstr(info, "Creator: Spoorwijzer"));
	assert_non_null(strstr(info, "Page size: 595.276 x 841.89 pts (A4)"));
	free(info);
	assert_true(pages >= 3);

	/* Every section is a bookmark, the bijstellingen nested under (g). */
	snprintf(cmd, sizeof cmd, "qpdf --json --json-key=outlines '%s'", o.pdf);
	char *outlines = run(cmd, &status);
	assert_int_equal(status, 0);
	int titles = 0;
	for (const char *q = outlines; (q = strstr(q, "\"title\":")) != NULL; q++)
		titles++;
	assert_int_equal(titles, (int)r->doc.nsections);
	assert_non_null(strstr(outlines, "\"title\": \"g.2 Bijstelling, versie 2 van 16 juni 2025\""));
	free(outlines);

	snprintf(cmd, sizeof cmd, "pdftotext -enc UTF-8 '%s' - 2>&1", o.pdf);
	char *text = run(cmd, &status);
	assert_int_equal(status, 0);

	/* Page by page (pdftotext ends each page with a form feed): every
	 * page has its own "Pagina k van N" and no other page's. */
	int k = 0;
	for (char *page = text, *ff; (ff = strchr(page, '\f')) != NULL; page = ff + 1) {
		*ff = '\0';
		char want[64], wrong[64];
		k++;
		snprintf(want, sizeof want, "Pagina %d van %d", k, pages);
		if (strstr(page, want) == NULL)
			fail_msg("page %d lacks \"%s\"", k, want);
		snprintf(wrong, sizeof wrong, "Pagina %d van", k + 1);
		assert_null(strstr(page, wrong));
		/* The date: in the title block on page 1, in the header after. */
		assert_int_equal(strstr(page, "6 januari 2025") != NULL, 1);
		*ff = '\f';
	}
	assert_int_equal(k, pages);

	squeeze(text);
	expect_text(text, "Pagina 1 van");
	for (int i = 0; i < RIV_PARTS; i++)
		expect_text(text, r->headings[i]);
	expect_text(text, "Plan van aanpak, versie 1 van 3 maart 2025");
	expect_text(text, "Bijstelling, versie 3 van 10 november 2025");
	expect_text(text, "Voortgangsgesprek 18");
	/* User text as typed: markup characters are not markup. */
	expect_text(text, USER_MARKUP);
	/* In a narrow table column the text wraps, and pdftotext reads the
	 * neighbouring cells in between: look for the pieces. */
	expect_text(text, "<b>niet vet</b>");
	expect_text(text, "Toets op <html>");
	expect_text(text, "<AD Groep>");
	expect_text(text, "Arbodienst Noord & Co");
	/* Diacritics survive font subsetting and text extraction. */
	expect_text(text, "Zoë Ëlsen");
	expect_text(text, "Café De Brug B.V.");
	expect_text(text, "oriënterend arbeidsdeskundig onderzoek");
	expect_text(text, "dr. R. Müller");
	expect_text(text, "S. Yılmaz");
	/* Markers are words, not just colours. */
	expect_text(text, "ONTBREEKT");
	expect_text(text, "VEROUDERD");
	expect_text(text, "Ontbreekt: Dit onderdeel ontbreekt nog.");
	expect_text(text, "Verouderd: Het oordeel van 3 maart 2025 is ouder dan drie maanden");
	expect_text(text, "Datum 6 januari 2025");
	expect_text(text, "Vertrouwelijk – bevat persoonsgegevens");
	/* The table header repeats where the table continues on a new page. */
	int headers = 0;
	for (const char *p = text; (p = strstr(p, "Activiteit Doel Termijn Wie")) != NULL; p++)
		headers++;
	assert_true(headers >= 3);

	free(text);
	remove_out(&o);
	free(pdf);
	free(r);
}

/* Page breaking is the same every time, and so are the bytes: the date in
 * the metadata is the document's, not the clock's. */
static void test_deterministic(void **state)
{
	(void)state;
	struct riv *r = malloc(sizeof *r);
	riv_build(r);
	size_t a_len, b_len;
	unsigned char *a = render(&r->doc, &a_len);
	unsigned char *b = render(&r->doc, &b_len);
	assert_int_equal(a_len, b_len);
	assert_memory_equal(a, b, a_len);
	free(a);
	free(b);
	free(r);
}

/* Bytes that are not UTF-8 and control characters do not fail the render. */
static void test_hostile_text(void **state)
{
	(void)state;
	const struct pdf_block b[] = {
		{ .kind = PDF_PARAGRAPH, .text = "kapot \xC3\x28 utf-8 \xFF\xFE en \x01\x02\x1B[31m escapes\r\nregel" },
		{ .kind = PDF_NOTE, .text = "" },
		{ .kind = PDF_PARAGRAPH, .text = NULL },
	};
	const struct pdf_section s[] = {
		{ .level = 2, .heading = "Subsectie zonder deel" },
		{ .level = 1, .heading = "\xE2\x82 half", .blocks = b, .nblocks = 3 },
	};
	const struct pdf_doc doc = { .title = "T\xF0\x9F", .generated_on = DATE_NONE, .sections = s, .nsections = 2 };
	size_t len;
	unsigned char *pdf = render(&doc, &len);
	free(pdf);
}

static void test_bad_model(void **state)
{
	(void)state;
	unsigned char *out;
	size_t len;
	struct sw_error err = { 0 };
	const struct pdf_doc untitled = { .title = NULL };
	assert_int_equal(pdf_render(&untitled, &out, &len, &err), -1);
	assert_int_equal(err.code, SW_EINVAL);
	assert_string_equal(err.field, "title");
	assert_null(out);

	const struct pdf_table wide = { .ncols = PDF_MAX_COLS + 1 };
	const struct pdf_block b[] = { { .kind = PDF_TABLE, .table = &wide } };
	const struct pdf_section s[] = { { .level = 1, .heading = "x", .blocks = b, .nblocks = 1 } };
	const struct pdf_doc doc = { .title = "x", .sections = s, .nsections = 1 };
	assert_int_equal(pdf_render(&doc, &out, &len, &err), -1);
	assert_int_equal(err.code, SW_EINVAL);

	const struct pdf_section lvl[] = { { .level = 3, .heading = "x" } };
	const struct pdf_doc doc3 = { .title = "x", .sections = lvl, .nsections = 1 };
	assert_int_equal(pdf_render(&doc3, &out, &len, &err), -1);
	assert_int_equal(err.code, SW_EINVAL);
}

static void test_nl_text(void **state)
{
	(void)state;
	char buf[NL_DATE_MAX];
	nl_date_long(date_from_ymd(2025, 1, 6), buf);
	assert_string_equal(buf, "6 januari 2025");
	nl_date_long(date_from_ymd(2199, 9, 30), buf);
	assert_string_equal(buf, "30 september 2199");
	nl_date_long(DATE_NONE, buf);
	assert_string_equal(buf, "");
	char roles[64];
	assert_int_equal(nl_roles_join(ROLE_BIT(ROLE_WERKGEVER) | ROLE_BIT(ROLE_WERKNEMER), roles, sizeof roles), 20);
	assert_string_equal(roles, "werknemer, werkgever");
	assert_int_equal(nl_roles_join(ROLE_BIT(ROLE_WERKGEVER) | ROLE_BIT(ROLE_WERKNEMER), roles, 5), 20);
	assert_string_equal(roles, "werk");
	assert_null(riv_part_title('m'));
	assert_string_equal(riv_part_title('l'), "Mening van de werknemer");
}

/* Font caches live until exit; release them so that LeakSanitizer sees
 * only what the renderer itself might leak. */
static int teardown(void **state)
{
	(void)state;
	pdf_shutdown();
	return 0;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_riv),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_hostile_text),
		cmocka_unit_test(test_bad_model),
		cmocka_unit_test(test_nl_text),
	};
	return cmocka_run_group_tests(tests, NULL, teardown);
}
