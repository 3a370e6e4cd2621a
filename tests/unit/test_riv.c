/* test_riv.c - completeness of the re-integratieverslag (Regeling procesgang
 * art. 6, DOMAIN.md section 5) from week 1 to week 91.
 *
 * One case throughout: first sick day Monday 2025-01-06, still sick. Its
 * dates, worked out by hand from "week n ends on day D + 7n - 1":
 *   probleemanalyse due   2025-02-16 (week 6), window from 2025-01-06
 *   plan van aanpak due   2025-03-02 (week 8), window from 2025-02-16
 *   eerstejaarsevaluatie  2026-01-04 (week 52), window from 2025-12-07
 *   RIV step opens        2026-09-06 (week 87), due 2026-10-04 (week 91)
 *   WIA application due   2026-10-18 (week 93) -> 3 months before: 2026-07-18
 * With an extension of 10 weeks the RIV is due 2026-12-13 (week 101), the
 * WIA application 2026-12-27, 3 months before it 2026-09-27, and the RIV
 * step opens 2026-11-15. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/riv.h"

static sw_date D(const char *s)
{
	sw_date d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

struct fx {
	struct tl_period period;
	struct tl_event ev[4];
	size_t nev;
	struct tl_timeline tl;
	struct riv_input in;
	struct riv_report r;
};

static void setup(struct fx *f)
{
	memset(f, 0, sizeof *f);
	f->period = (struct tl_period){ D("2025-01-06"), DATE_NONE, 100 };
	riv_input_init(&f->in);
}

static void event(struct fx *f, enum tl_event_kind kind, const char *date, int value)
{
	f->ev[f->nev++] = (struct tl_event){ kind, D(date), value };
}

static void doc(struct fx *f, enum doc_type t, const char *date)
{
	f->in.docs[t] = (struct riv_doc){ D(date), 1, DOC_APPROVAL_NVT };
}

/* The plan van aanpak: latest version's date, number of versions, answer. */
static void pva(struct fx *f, const char *date, int versions, enum doc_approval_state a)
{
	f->in.docs[DOC_PLAN_VAN_AANPAK] = (struct riv_doc){ D(date), versions, a };
}

static const struct riv_report *check(struct fx *f, const char *today)
{
	struct tl_input tin = { &f->period, 1, f->ev, f->nev, NULL, 0, D(today) };
	assert_int_equal(tl_compute(&tin, &f->tl, NULL), TL_OK);
	f->in.tl = &f->tl;
	f->in.today = D(today);
	assert_int_equal(riv_check(&f->in, &f->r), 0);
	return &f->r;
}

static const struct riv_part *part(const struct fx *f, char letter)
{
	const struct riv_part *p = &f->r.parts[letter - 'a'];
	assert_int_equal(p->letter, letter);
	return p;
}

/* Asserts a part's status and that its explanation contains `text`. */
static void expect(const struct fx *f, char letter, enum riv_status status, const char *text)
{
	const struct riv_part *p = part(f, letter);
	if (p->status != status)
		fail_msg("(%c): %s, want %s: %s", letter, riv_status_name(p->status),
			 riv_status_name(status), p->uitleg);
	if (text != NULL && strstr(p->uitleg, text) == NULL)
		fail_msg("(%c): explanation lacks \"%s\": %s", letter, text, p->uitleg);
}

static void expect_window(const struct fx *f, char letter, const char *from, const char *due)
{
	const struct riv_part *p = part(f, letter);
	char a[DATE_STRLEN], b[DATE_STRLEN];
	date_format(p->needed_from, a);
	date_format(p->due, b);
	assert_string_equal(a, from);
	assert_string_equal(b, due);
}

static void expect_counts(const struct fx *f, int aanwezig, int ontbreekt, int verouderd, int nnn)
{
	const int *c = f->r.counts;
	if (c[RIV_AANWEZIG] != aanwezig || c[RIV_ONTBREEKT] != ontbreekt ||
	    c[RIV_VEROUDERD] != verouderd || c[RIV_NOG_NIET_NODIG] != nnn)
		fail_msg("counts %d/%d/%d/%d, want %d/%d/%d/%d", c[RIV_AANWEZIG], c[RIV_ONTBREEKT],
			 c[RIV_VEROUDERD], c[RIV_NOG_NIET_NODIG], aanwezig, ontbreekt, verouderd, nnn);
}

/* Everything a complete dossier holds at week 90, all current. */
static void complete_dossier(struct fx *f)
{
	doc(f, DOC_ADMINISTRATIEF, "2025-01-10");
	doc(f, DOC_PROBLEEMANALYSE, "2025-02-10");
	pva(f, "2026-02-01", 3, DOC_APPROVAL_GEGEVEN);
	f->in.pva_revision_asked = D("2026-01-20");
	doc(f, DOC_EERSTEJAARSEVALUATIE, "2025-12-20");
	f->in.docs[DOC_EERSTEJAARSEVALUATIE].approval = DOC_APPROVAL_GEGEVEN;
	doc(f, DOC_VOORTGANGSGESPREK, "2026-08-20");
	doc(f, DOC_EINDEVALUATIE, "2026-09-10");
	doc(f, DOC_WERKRELATIE, "2026-08-01");
	doc(f, DOC_ACTUEEL_OORDEEL, "2026-08-15");
	doc(f, DOC_PASSEND_WERK, "2026-08-01");
	doc(f, DOC_VISIE_WERKNEMER, "2026-09-15");
}

static void week_1_empty(void **state)
{
	(void)state;
	struct fx f;
	setup(&f);
	check(&f, "2025-01-08");
	assert_int_equal(f.tl.week, 1);
	/* What can exist already is missing; the rest is not needed yet,
	 * each with the date it becomes needed. */
	expect(&f, 'a', RIV_ONTBREEKT, "nodig uiterlijk 4 oktober 2026");
	expect(&f, 'b', RIV_ONTBREEKT, NULL);
	expect(&f, 'c', RIV_ONTBREEKT, NULL);
	expect(&f, 'd', RIV_ONTBREEKT, NULL);
	expect(&f, 'e', RIV_AANWEZIG, "6 januari 2025");
	expect(&f, 'f', RIV_ONTBREEKT, "nodig uiterlijk 16 februari 2025");
	expect_window(&f, 'f', "2025-01-06", "2025-02-16");
	expect(&f, 'g', RIV_NOG_NIET_NODIG, "vanaf 16 februari 2025, uiterlijk 2 maart 2025");
	expect(&f, 'h', RIV_NOG_NIET_NODIG, "vanaf 7 december 2025, uiterlijk 4 januari 2026");
	expect(&f, 'h', RIV_NOG_NIET_NODIG, "een laatste evaluatie tussen 6 september 2026 en 4 oktober 2026");
	expect(&f, 'i', RIV_NOG_NIET_NODIG, "vanaf 18 juli 2026");
	expect(&f, 'j', RIV_NOG_NIET_NODIG, "vanaf 18 juli 2026, uiterlijk 4 oktober 2026");
	expect(&f, 'k', RIV_NOG_NIET_NODIG, NULL);
	expect(&f, 'l', RIV_NOG_NIET_NODIG, "vanaf 6 september 2026");
	expect_counts(&f, 1, 5, 0, 6);
	assert_false(f.r.ready);
	for (char c = 'a'; c <= 'l'; c++)
		assert_false(part(&f, c)->te_laat);
	/* Who provides what. */
	assert_int_equal(part(&f, 'f')->roles, ROLE_BIT(ROLE_BEDRIJFSARTS));
	assert_int_equal(part(&f, 'j')->roles, ROLE_BIT(ROLE_BEDRIJFSARTS));
	assert_int_equal(part(&f, 'l')->roles, ROLE_BIT(ROLE_WERKNEMER));
	assert_int_equal(part(&f, 'g')->roles, ROLE_BIT(ROLE_WERKGEVER) | ROLE_BIT(ROLE_WERKNEMER));
	assert_true(strstr(part(&f, 'a')->uitleg, "Aan zet: werkgever.") != NULL);
	assert_int_equal(part(&f, 'k')->docs,
			 DOC_BIT(DOC_PASSEND_WERK) | DOC_BIT(DOC_ARBEIDSDESKUNDIG_ONDERZOEK));
	assert_int_equal(part(&f, 'd')->docs,
			 DOC_BIT(DOC_ADMINISTRATIEF) | DOC_BIT(DOC_PERSOONSPROFIEL));
	char due[DATE_STRLEN];
	date_format(f.r.riv_due, due);
	assert_string_equal(due, "2026-10-04");
	date_format(f.r.fresh_from, due);
	assert_string_equal(due, "2026-07-18");
}

static void week_60_empty(void **state)
{
	(void)state;
	struct fx f;
	setup(&f);
	check(&f, "2026-02-25");
	assert_int_equal(f.tl.week, 60);
	expect(&f, 'a', RIV_ONTBREEKT, NULL);
	assert_false(part(&f, 'a')->te_laat);
	expect(&f, 'f', RIV_ONTBREEKT, "had er uiterlijk 16 februari 2025 moeten zijn");
	assert_true(part(&f, 'f')->te_laat);
	expect(&f, 'g', RIV_ONTBREEKT, "2 maart 2025");
	assert_true(part(&f, 'g')->te_laat);
	/* The eerstejaarsevaluatie is needed after week 52. */
	expect(&f, 'h', RIV_ONTBREEKT, "had er uiterlijk 4 januari 2026 moeten zijn");
	assert_true(part(&f, 'h')->te_laat);
	expect(&f, 'i', RIV_NOG_NIET_NODIG, NULL);
	expect(&f, 'j', RIV_NOG_NIET_NODIG, NULL);
	expect(&f, 'l', RIV_NOG_NIET_NODIG, NULL);
	expect_counts(&f, 1, 7, 0, 4);
}

static void week_60_with_documents(void **state)
{
	(void)state;
	struct fx f;
	setup(&f);
	doc(&f, DOC_ADMINISTRATIEF, "2025-01-10");
	doc(&f, DOC_PERSOONSPROFIEL, "2026-02-01");
	doc(&f, DOC_PROBLEEMANALYSE, "2025-02-10");
	pva(&f, "2025-02-20", 1, DOC_APPROVAL_GEGEVEN);
	doc(&f, DOC_EERSTEJAARSEVALUATIE, "2025-12-20");
	f.in.docs[DOC_EERSTEJAARSEVALUATIE].approval = DOC_APPROVAL_OPEN;
	doc(&f, DOC_ACTUEEL_OORDEEL, "2026-02-10");
	doc(&f, DOC_VISIE_WERKNEMER, "2026-02-15");
	check(&f, "2026-02-25");
	expect(&f, 'a', RIV_AANWEZIG, "Administratieve gegevens van 10 januari 2025");
	expect(&f, 'd', RIV_AANWEZIG, "Persoonsprofiel van 1 februari 2026"); /* the latest */
	expect(&f, 'f', RIV_AANWEZIG, "10 februari 2025");
	expect(&f, 'g', RIV_AANWEZIG, "20 februari 2025");
	expect(&f, 'h', RIV_AANWEZIG, "nog niet voor gezien getekend");
	expect(&f, 'h', RIV_AANWEZIG, "nodig tussen 6 september 2026 en 4 oktober 2026");
	/* Present, but too old by the WIA application: shown now. */
	expect(&f, 'j', RIV_AANWEZIG, "wordt verouderd");
	expect(&f, 'j', RIV_AANWEZIG, "Nieuw nodig tussen 18 juli 2026 en 4 oktober 2026");
	assert_true(part(&f, 'j')->wordt_verouderd);
	expect(&f, 'l', RIV_AANWEZIG, "wordt verouderd");
	assert_true(part(&f, 'l')->wordt_verouderd);
	expect(&f, 'i', RIV_NOG_NIET_NODIG, NULL);
	expect(&f, 'k', RIV_NOG_NIET_NODIG, NULL);
	assert_int_equal(f.r.wordt_verouderd, 2);
	expect_counts(&f, 10, 0, 0, 2);
	assert_false(f.r.ready);
}

static void week_90_empty(void **state)
{
	(void)state;
	struct fx f;
	setup(&f);
	check(&f, "2026-09-23");
	assert_int_equal(f.tl.week, 90);
	expect(&f, 'h', RIV_ONTBREEKT, NULL);
	expect(&f, 'i', RIV_ONTBREEKT, "nodig uiterlijk 4 oktober 2026");
	expect(&f, 'j', RIV_ONTBREEKT, "Aan zet: bedrijfsarts.");
	expect(&f, 'k', RIV_ONTBREEKT, "Aan zet: werkgever of arbeidsdeskundige.");
	expect(&f, 'l', RIV_ONTBREEKT, "Aan zet: werknemer.");
	assert_false(part(&f, 'l')->te_laat);
	expect_counts(&f, 1, 11, 0, 0);
	assert_false(f.r.ready);
}

static void week_90_complete(void **state)
{
	(void)state;
	struct fx f;
	setup(&f);
	complete_dossier(&f);
	check(&f, "2026-09-23");
	expect_counts(&f, 12, 0, 0, 0);
	assert_int_equal(f.r.wordt_verouderd, 0);
	assert_true(f.r.ready);
	expect(&f, 'g', RIV_AANWEZIG, "3 versies (2 bijstellingen)");
	expect(&f, 'h', RIV_AANWEZIG, "Laatste evaluatie: Eindevaluatie van 10 september 2026");
	for (char c = 'a'; c <= 'l'; c++)
		assert_false(part(&f, c)->te_laat);

	/* After week 91 without anything new, the same dossier still is
	 * complete: judgements are measured at the WIA application. */
	check(&f, "2026-10-10");
	assert_true(f.r.ready);
}

static void week_90_stale(void **state)
{
	(void)state;
	struct fx f;
	setup(&f);
	complete_dossier(&f);
	doc(&f, DOC_ACTUEEL_OORDEEL, "2026-03-01");
	f.in.docs[DOC_EINDEVALUATIE].date = D("2026-09-01"); /* before week 87 */
	doc(&f, DOC_VISIE_WERKNEMER, "2026-06-01");
	check(&f, "2026-09-23");
	expect(&f, 'j', RIV_VEROUDERD, "ouder dan 3 maanden");
	expect(&f, 'j', RIV_VEROUDERD, "WIA-aanvraag (18 oktober 2026)");
	expect(&f, 'h', RIV_VEROUDERD, "laatste evaluatie (eindevaluatie) is nodig tussen");
	expect(&f, 'l', RIV_VEROUDERD, "voor de afrondingsfase");
	assert_false(part(&f, 'j')->wordt_verouderd);
	expect_counts(&f, 9, 0, 3, 0);
	assert_false(f.r.ready);

	/* Without any eindevaluatie the latest evaluation is missing. */
	f.in.docs[DOC_EINDEVALUATIE].date = DATE_NONE;
	check(&f, "2026-09-23");
	expect(&f, 'h', RIV_ONTBREEKT, "de laatste is een Voortgangsgesprek van 20 augustus 2026");

	/* Past the RIV date a stale part is late. */
	check(&f, "2026-10-05");
	assert_true(part(&f, 'j')->te_laat);
	assert_true(part(&f, 'h')->te_laat);
}

/* "At most 3 months old" in calendar months: 2026-07-18 is exactly 3 months
 * before the WIA application of 2026-10-18 and counts; 2026-07-17 is three
 * months and a day and does not. */
static void three_month_boundary(void **state)
{
	(void)state;
	struct fx f;
	setup(&f);
	complete_dossier(&f);
	doc(&f, DOC_ACTUEEL_OORDEEL, "2026-07-18");
	check(&f, "2026-09-23");
	expect(&f, 'j', RIV_AANWEZIG, "18 juli 2026");
	assert_false(part(&f, 'j')->wordt_verouderd);
	assert_true(f.r.ready);

	doc(&f, DOC_ACTUEEL_OORDEEL, "2026-07-17");
	check(&f, "2026-09-23");
	expect(&f, 'j', RIV_VEROUDERD, NULL);
	assert_false(f.r.ready);

	/* Before the window opens the same judgement is still "aanwezig" but
	 * flagged: on 2026-07-17 a judgement of that day will be too old, one
	 * of the next day will not. */
	check(&f, "2026-07-17");
	expect(&f, 'j', RIV_AANWEZIG, "wordt verouderd");
	assert_true(part(&f, 'j')->wordt_verouderd);
	doc(&f, DOC_ACTUEEL_OORDEEL, "2026-07-18");
	check(&f, "2026-07-18");
	expect(&f, 'j', RIV_AANWEZIG, NULL);
	assert_false(part(&f, 'j')->wordt_verouderd);

	/* The same boundary governs (i) and (k). */
	doc(&f, DOC_WERKRELATIE, "2026-07-17");
	doc(&f, DOC_PASSEND_WERK, "2026-07-17");
	check(&f, "2026-09-23");
	expect(&f, 'i', RIV_VEROUDERD, NULL);
	expect(&f, 'k', RIV_VEROUDERD, NULL);
	/* (k) also takes a fresher arbeidsdeskundig onderzoek. */
	doc(&f, DOC_ARBEIDSDESKUNDIG_ONDERZOEK, "2026-07-20");
	check(&f, "2026-09-23");
	expect(&f, 'k', RIV_AANWEZIG, "Arbeidsdeskundig onderzoek van 20 juli 2026");
}

/* An extension of the WIA application (art. 24) moves the date the
 * judgements are measured at, and with it the whole closing phase. */
static void extension_moves_staleness(void **state)
{
	(void)state;
	struct fx f;
	setup(&f);
	complete_dossier(&f);
	event(&f, TL_EV_UITSTEL_WIA_AANVRAAG, "2026-06-01", 10);
	check(&f, "2026-09-23");
	char s[DATE_STRLEN];
	date_format(f.r.wia_date, s);
	assert_string_equal(s, "2026-12-27");
	date_format(f.r.riv_due, s);
	assert_string_equal(s, "2026-12-13");
	date_format(f.r.fresh_from, s);
	assert_string_equal(s, "2026-09-27");
	/* The judgements of August will be too old by the new date. */
	expect(&f, 'j', RIV_AANWEZIG, "WIA-aanvraag (27 december 2026)");
	expect(&f, 'j', RIV_AANWEZIG, "Nieuw nodig tussen 27 september 2026 en 13 december 2026");
	assert_true(part(&f, 'j')->wordt_verouderd);
	assert_true(part(&f, 'i')->wordt_verouderd);
	assert_true(part(&f, 'k')->wordt_verouderd);
	/* The employee's opinion predates the new closing phase (from
	 * 2026-11-15); the latest evaluation is simply not due yet. */
	assert_true(part(&f, 'l')->wordt_verouderd);
	expect(&f, 'h', RIV_AANWEZIG, "nodig tussen 15 november 2026 en 13 december 2026");
	assert_false(part(&f, 'h')->wordt_verouderd);
	assert_false(f.r.ready);

	/* Once the new window opened, the old judgement is verouderd. */
	check(&f, "2026-09-28");
	expect(&f, 'j', RIV_VEROUDERD, NULL);
	/* And the closing phase of the extended case needs a new evaluation. */
	check(&f, "2026-11-20");
	expect(&f, 'h', RIV_VEROUDERD, NULL);
}

/* A recorded WIA application is measured at its own date. */
static void recorded_wia_application(void **state)
{
	(void)state;
	struct fx f;
	setup(&f);
	complete_dossier(&f);
	doc(&f, DOC_ACTUEEL_OORDEEL, "2026-07-10");
	event(&f, TL_EV_WIA_AANVRAAG, "2026-10-08", 0);
	check(&f, "2026-09-23");
	char s[DATE_STRLEN];
	date_format(f.r.fresh_from, s);
	assert_string_equal(s, "2026-07-08");
	expect(&f, 'j', RIV_AANWEZIG, NULL);
}

static void plan_van_aanpak(void **state)
{
	(void)state;
	struct fx f;
	setup(&f);
	complete_dossier(&f);

	/* First version awaiting the employee's agreement. */
	pva(&f, "2025-02-25", 1, DOC_APPROVAL_OPEN);
	f.in.pva_revision_asked = DATE_NONE;
	check(&f, "2025-02-26");
	expect(&f, 'g', RIV_ONTBREEKT, "wacht op dat akkoord");
	check(&f, "2025-02-10");
	expect(&f, 'g', RIV_NOG_NIET_NODIG, NULL);
	check(&f, "2025-03-05");
	assert_true(part(&f, 'g')->te_laat);

	/* Agreed; then a voortgangsgesprek asks for a bijstelling. */
	pva(&f, "2025-02-25", 1, DOC_APPROVAL_GEGEVEN);
	f.in.pva_revision_asked = D("2025-06-01");
	check(&f, "2025-06-10");
	expect(&f, 'g', RIV_VEROUDERD, "op 1 juni 2025 is om een bijstelling gevraagd");
	assert_false(part(&f, 'g')->te_laat); /* late only at the RIV date */
	expect_window(&f, 'g', "2025-02-16", "2026-10-04");

	/* The bijstelling made, awaiting agreement. */
	pva(&f, "2025-06-05", 2, DOC_APPROVAL_OPEN);
	check(&f, "2025-06-10");
	expect(&f, 'g', RIV_VEROUDERD, "bijstelling van 5 juni 2025 wacht op akkoord");

	/* Agreed: present. A bijstelling the same day as the request counts. */
	pva(&f, "2025-06-01", 2, DOC_APPROVAL_GEGEVEN);
	check(&f, "2025-06-10");
	expect(&f, 'g', RIV_AANWEZIG, "2 versies (1 bijstelling)");

	/* Refused: part of the dossier all the same, with advice. */
	pva(&f, "2025-06-05", 2, DOC_APPROVAL_GEWEIGERD);
	check(&f, "2025-06-10");
	expect(&f, 'g', RIV_AANWEZIG, "deskundigenoordeel");
}

static void evaluations(void **state)
{
	(void)state;
	struct fx f;
	setup(&f);
	/* An eerstejaarsevaluatie held early (week 50) is there before its
	 * deadline; a refusal is noted. */
	doc(&f, DOC_EERSTEJAARSEVALUATIE, "2025-12-15");
	f.in.docs[DOC_EERSTEJAARSEVALUATIE].approval = DOC_APPROVAL_GEWEIGERD;
	check(&f, "2025-12-16");
	expect(&f, 'h', RIV_AANWEZIG, "niet eens met de eerstejaarsevaluatie");
	/* A voortgangsgesprek in the closing phase is a latest evaluation. */
	doc(&f, DOC_VOORTGANGSGESPREK, "2026-09-06");
	check(&f, "2026-09-23");
	expect(&f, 'h', RIV_AANWEZIG, "Laatste evaluatie: Voortgangsgesprek van 6 september 2026");
	doc(&f, DOC_VOORTGANGSGESPREK, "2026-09-05");
	check(&f, "2026-09-23");
	expect(&f, 'h', RIV_ONTBREEKT, NULL);
}

static void months_before(void **state)
{
	(void)state;
	static const struct {
		const char *from;
		int months;
		const char *want;
	} cases[] = {
		{ "2026-10-18", 3, "2026-07-18" },
		{ "2027-05-31", 3, "2027-02-28" }, /* shorter month: its last day */
		{ "2024-05-31", 3, "2024-02-29" },
		{ "2026-01-15", 3, "2025-10-15" }, /* across the year */
		{ "2026-03-31", 1, "2026-02-28" },
		{ "2026-02-28", 3, "2025-11-28" },
		{ "2026-12-31", 12, "2025-12-31" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char s[DATE_STRLEN];
		date_format(riv_months_before(D(cases[i].from), cases[i].months), s);
		assert_string_equal(s, cases[i].want);
	}
	assert_int_equal(riv_months_before(DATE_NONE, 3), DATE_NONE);
}

static void names_and_errors(void **state)
{
	(void)state;
	struct riv_input in;
	struct riv_report r;
	riv_input_init(&in);
	assert_int_equal(riv_check(&in, &r), -1);
	assert_int_equal(riv_check(NULL, &r), -1);
	struct tl_timeline empty;
	memset(&empty, 0, sizeof empty);
	in.tl = &empty;
	assert_int_equal(riv_check(&in, &r), -1);

	assert_string_equal(riv_status_name(RIV_NOG_NIET_NODIG), "nog_niet_nodig");
	assert_string_equal(riv_status_name(RIV_VEROUDERD), "verouderd");
	assert_string_equal(riv_status_name(RIV_STATUS__COUNT), "");
	/* Every part has a heading; the PDF export uses these. */
	for (char c = 'a'; c <= 'l'; c++)
		assert_non_null(riv_part_title(c));
	assert_null(riv_part_title('m'));
	assert_null(riv_part_title('A'));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(week_1_empty),
		cmocka_unit_test(week_60_empty),
		cmocka_unit_test(week_60_with_documents),
		cmocka_unit_test(week_90_empty),
		cmocka_unit_test(week_90_complete),
		cmocka_unit_test(week_90_stale),
		cmocka_unit_test(three_month_boundary),
		cmocka_unit_test(extension_moves_staleness),
		cmocka_unit_test(recorded_wia_application),
		cmocka_unit_test(plan_van_aanpak),
		cmocka_unit_test(evaluations),
		cmocka_unit_test(months_before),
		cmocka_unit_test(names_and_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
