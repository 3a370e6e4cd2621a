/* test_doc.c - the dossier document registry against DOMAIN.md sections 2,
 * 3 and 5: who writes what, approvals, the field schemas, the timeline
 * steps documents complete, and the 2023-07-01 vision rule.
 *
 * Every type has a valid example below; the schema tests derive their
 * failures from it field by field, so a field added to a schema is tested
 * without writing a new test (and a type without an example fails). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/doc.h"

static sw_date D(const char *s)
{
	sw_date d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

#define MAXV 16

struct example {
	enum doc_type type;
	struct doc_value v[MAXV];
};

/* A valid, complete version of every type (dated 2025-03-03; "today" is
 * 2025-06-02 in these tests). */
static const struct example examples[] = {
	{ DOC_PROBLEEMANALYSE, {
		{ "datum", "2025-03-03" }, { "beperkingen", "Kan niet lang staan." },
		{ "mogelijkheden", "Zittend werk, 4 uur per dag." },
		{ "verwachte_duur", "3_tot_6_maanden" }, { "verwachting_terugkeer", "gedeeltelijk" },
		{ "verwachte_terugkeer", "2025-09-01" }, { "advies", "Start met aangepast werk." } } },
	{ DOC_PLAN_VAN_AANPAK, {
		{ "datum", "2025-03-03" }, { "doel", "Terugkeer in eigen werk." }, { "spoor", "spoor_1" },
		{ "activiteiten", "Opbouw uren." }, { "termijnen", "Binnen 3 maanden 20 uur." },
		{ "evaluatiemomenten", "Elke 6 weken; eerstejaarsevaluatie in week 52." },
		{ "casemanager", "P. de Vries" }, { "visie_werkgever", "Eigen werk is haalbaar." },
		{ "visie_werknemer", "Ik wil eerst mijn uren opbouwen." } } },
	{ DOC_VOORTGANGSGESPREK, {
		{ "datum", "2025-03-03" }, { "deelnemers", "werknemer, casemanager" },
		{ "besproken", "Opbouw loopt." }, { "afspraken", "Volgende stap 24 uur." },
		{ "bijstelling_nodig", "nee" }, { "volgend_gesprek", "2025-04-14" } } },
	{ DOC_EERSTEJAARSEVALUATIE, {
		{ "datum", "2025-03-03" }, { "evaluatie", "Eigen werk lukt niet." },
		{ "gekozen_spoor", "beide" }, { "beoogd_resultaat", "Werk elders, 24 uur." },
		{ "start_tweede_spoor", "2025-02-17" } } },
	{ DOC_ARBEIDSDESKUNDIG_ONDERZOEK, {
		{ "datum", "2025-03-03" }, { "vraagstelling", "Is eigen werk passend?" },
		{ "bevindingen", "Te zwaar." }, { "conclusie", "werk_elders" },
		{ "advies", "Start tweede spoor." } } },
	{ DOC_TRAJECTPLAN, {
		{ "datum", "2025-03-03" }, { "intakedatum", "2025-02-20" }, { "startdatum", "2025-03-01" },
		{ "doel", "Passend werk elders." }, { "activiteiten", "Loopbaanorientatie." },
		{ "einddatum", "2025-12-01" } } },
	{ DOC_PERSOONSPROFIEL, {
		{ "datum", "2025-03-03" }, { "vaardigheden", "Plannen, klantcontact." },
		{ "opleiding_werkervaring", "MBO, 12 jaar logistiek." }, { "drijfveren", "Mensen helpen." },
		{ "belastbaarheid", "Licht fysiek werk." } } },
	{ DOC_ZOEKPROFIEL, {
		{ "datum", "2025-03-03" }, { "gewenste_functies", "Planner" },
		{ "capaciteiten", "Plannen." }, { "belastbaarheid", "Zittend." },
		{ "uren_per_week", "24" }, { "reisafstand_km", "0" }, { "sector", "logistiek" } } },
	{ DOC_RE_INTEGRATIEPLAN, {
		{ "datum", "2025-03-03" }, { "doel", "Werk elders." }, { "activiteiten", "Solliciteren." },
		{ "startdatum", "2025-03-10" }, { "einddatum", "2025-09-10" },
		{ "rapportagemomenten", "Maandelijks." } } },
	{ DOC_INTERVENTIE, {
		{ "datum", "2025-03-03" }, { "soort", "loopbaanorientatie" }, { "aanbieder", "Bureau X" },
		{ "startdatum", "2025-03-10" }, { "einddatum", "2025-04-10" }, { "status", "gepland" } } },
	{ DOC_EINDEVALUATIE, {
		{ "datum", "2025-03-03" }, { "verloop", "Traject afgerond." },
		{ "resultaat", "werk_elders" }, { "toelichting", "Detachering werd dienstverband." } } },
	{ DOC_ACTUEEL_OORDEEL, {
		{ "datum", "2025-03-03" }, { "arbeidsongeschiktheid", "gedeeltelijk" },
		{ "functionele_beperkingen", "Niet tillen." }, { "mogelijkheden", "20 uur zittend." },
		{ "verwachting_terugkeer", "onbekend" }, { "prognose", "Stabiel." } } },
	{ DOC_VISIE_WERKNEMER, { { "datum", "2025-03-03" }, { "visie", "Het traject hielp mij." } } },
	{ DOC_VISIE_WERKGEVER, { { "datum", "2025-03-03" }, { "visie", "Goede inzet." } } },
	{ DOC_WERKRELATIE, {
		{ "datum", "2025-03-03" }, { "oordeel", "goed" }, { "toelichting", "Regelmatig contact." } } },
	{ DOC_PASSEND_WERK, {
		{ "datum", "2025-03-03" }, { "oordeel", "geen" },
		{ "onderzochte_functies", "Magazijn, administratie." }, { "toelichting", "Niets passends." } } },
	{ DOC_ADMINISTRATIEF, {
		{ "datum", "2025-03-03" }, { "werknemer_naam", "J. Jansen" },
		{ "werknemer_geboortedatum", "1980-05-17" }, { "werkgever_naam", "Transport BV" },
		{ "bedrijfsarts_naam", "Dr. K. Smit" }, { "aard_bedrijf", "Wegtransport" },
		{ "functie", "Chauffeur" }, { "uren_per_week", "38" },
		{ "vaardigheden", "Rijbewijs C, planning." } } },
	{ DOC_RE_INTEGRATIEVERSLAG, {
		{ "datum", "2025-03-03" }, { "kopie_werknemer", "2025-03-04" } } },
};

#define NEXAMPLES (sizeof examples / sizeof examples[0])

/* A fixture: a mutable copy of a type's example and a context. */
struct fx {
	enum doc_type type;
	struct doc_value v[MAXV + 2];
	size_t n;
	struct doc_ctx ctx;
	struct sw_error err;
};

static void load(struct fx *f, enum doc_type type)
{
	memset(f, 0, sizeof *f);
	f->type = type;
	f->ctx = (struct doc_ctx){ rules_for(D("2025-01-06")), D("2025-06-02"), 1 };
	for (size_t i = 0; i < NEXAMPLES; i++) {
		if (examples[i].type != type)
			continue;
		for (f->n = 0; f->n < MAXV && examples[i].v[f->n].name != NULL; f->n++)
			f->v[f->n] = examples[i].v[f->n];
		return;
	}
	fail_msg("no example for %s", doc_type_name(type));
}

static void set(struct fx *f, const char *name, const char *value)
{
	for (size_t i = 0; i < f->n; i++) {
		if (strcmp(f->v[i].name, name) == 0) {
			f->v[i].value = value;
			return;
		}
	}
	f->v[f->n++] = (struct doc_value){ name, value };
}

static void drop(struct fx *f, const char *name)
{
	for (size_t i = 0; i < f->n; i++) {
		if (strcmp(f->v[i].name, name) == 0) {
			f->v[i] = f->v[--f->n];
			return;
		}
	}
}

static enum doc_check check(struct fx *f)
{
	return doc_validate(f->type, &f->ctx, f->v, f->n, &f->err);
}

/* Asserts a failure with the given reason on the given field. */
static void refused(struct fx *f, enum doc_check want, const char *field)
{
	enum doc_check got = check(f);
	if (got != want || strcmp(f->err.field, field) != 0)
		fail_msg("%s: got %s on '%s' (%s), want %s on '%s'", doc_type_name(f->type),
			 doc_check_name(got), f->err.field, f->err.message, doc_check_name(want), field);
	assert_int_equal(f->err.code, SW_EINVAL);
	assert_true(f->err.message[0] != '\0');
}

static void accepted(struct fx *f)
{
	enum doc_check got = check(f);
	if (got != DOC_OK)
		fail_msg("%s: refused: %s on '%s': %s", doc_type_name(f->type), doc_check_name(got),
			 f->err.field, f->err.message);
}

static void names_round_trip(void **state)
{
	(void)state;
	static const char *const names[DOC_TYPE__COUNT] = {
		"probleemanalyse", "plan_van_aanpak", "voortgangsgesprek", "eerstejaarsevaluatie",
		"arbeidsdeskundig_onderzoek", "trajectplan", "persoonsprofiel", "zoekprofiel",
		"re_integratieplan", "interventie", "eindevaluatie", "actueel_oordeel",
		"visie_werknemer", "visie_werkgever", "werkrelatie", "passend_werk",
		"administratief", "re_integratieverslag",
	};
	for (int t = 0; t < DOC_TYPE__COUNT; t++) {
		enum doc_type back;
		assert_string_equal(doc_type_name((enum doc_type)t), names[t]);
		assert_int_equal(doc_type_parse(names[t], &back), 0);
		assert_int_equal(back, t);
		assert_int_equal(doc_type_info((enum doc_type)t)->type, t);
	}
	enum doc_type out;
	assert_int_equal(doc_type_parse("bijstelling", &out), -1);
	assert_int_equal(doc_type_parse(NULL, &out), -1);
	assert_null(doc_type_info(DOC_TYPE__COUNT));
	assert_string_equal(doc_type_name((enum doc_type)-1), "");
}

/* Who writes what (DOMAIN.md section 2), written out per type. */
static void authors(void **state)
{
	(void)state;
	const unsigned WN = ROLE_BIT(ROLE_WERKNEMER), WG = ROLE_BIT(ROLE_WERKGEVER),
		       BA = ROLE_BIT(ROLE_BEDRIJFSARTS), AD = ROLE_BIT(ROLE_ARBEIDSDESKUNDIGE),
		       RIP = ROLE_BIT(ROLE_REINTEGRATIEPROFESSIONAL);
	const unsigned want[DOC_TYPE__COUNT] = {
		[DOC_PROBLEEMANALYSE] = BA,
		[DOC_PLAN_VAN_AANPAK] = WG | WN,
		[DOC_VOORTGANGSGESPREK] = WG | WN,
		[DOC_EERSTEJAARSEVALUATIE] = WG,
		[DOC_ARBEIDSDESKUNDIG_ONDERZOEK] = AD,
		[DOC_TRAJECTPLAN] = RIP | WG, /* start tweede spoor: the employer or its coach */
		[DOC_PERSOONSPROFIEL] = RIP | WN,
		[DOC_ZOEKPROFIEL] = RIP | WN,
		[DOC_RE_INTEGRATIEPLAN] = RIP,
		[DOC_INTERVENTIE] = RIP | WG,
		[DOC_EINDEVALUATIE] = WG | RIP,
		[DOC_ACTUEEL_OORDEEL] = BA,
		[DOC_VISIE_WERKNEMER] = WN,
		[DOC_VISIE_WERKGEVER] = WG,
		[DOC_WERKRELATIE] = WG,
		[DOC_PASSEND_WERK] = WG | AD,
		[DOC_ADMINISTRATIEF] = WG,
		[DOC_RE_INTEGRATIEVERSLAG] = WG,
	};
	for (int t = 0; t < DOC_TYPE__COUNT; t++) {
		for (int r = 0; r < ROLE__COUNT; r++) {
			const int may = doc_may_author((enum doc_type)t, (enum role)r);
			if (may != ((want[t] & ROLE_BIT(r)) != 0))
				fail_msg("%s by %s: %d", doc_type_name((enum doc_type)t),
					 role_name((enum role)r), may);
		}
		/* Network employers and administrators never write case documents. */
		assert_false(doc_may_author((enum doc_type)t, ROLE_NETWERKWERKGEVER));
		assert_false(doc_may_author((enum doc_type)t, ROLE_BEHEERDER));
	}
	assert_false(doc_may_author(DOC_TYPE__COUNT, ROLE_WERKGEVER));
	assert_false(doc_may_author(DOC_PLAN_VAN_AANPAK, ROLE__COUNT));
}

static void approvals_and_steps(void **state)
{
	(void)state;
	for (int t = 0; t < DOC_TYPE__COUNT; t++) {
		const struct doc_type_info *i = doc_type_info((enum doc_type)t);
		enum doc_approval_need want = t == DOC_PLAN_VAN_AANPAK ? DOC_APPROVAL_AGREEMENT
					      : t == DOC_EERSTEJAARSEVALUATIE ? DOC_APPROVAL_ACKNOWLEDGEMENT
					      : DOC_APPROVAL_NONE;
		assert_int_equal(i->approval, want);
		assert_int_equal(i->revisions, t == DOC_PLAN_VAN_AANPAK);
	}
	assert_int_equal(doc_type_info(DOC_PROBLEEMANALYSE)->completes, TL_EV_PROBLEEMANALYSE);
	assert_int_equal(doc_type_info(DOC_PLAN_VAN_AANPAK)->completes, TL_EV_PLAN_VAN_AANPAK);
	assert_int_equal(doc_type_info(DOC_VOORTGANGSGESPREK)->completes, TL_EV_VOORTGANGSGESPREK);
	assert_int_equal(doc_type_info(DOC_EERSTEJAARSEVALUATIE)->completes,
			 TL_EV_EERSTEJAARSEVALUATIE);
	assert_int_equal(doc_type_info(DOC_TRAJECTPLAN)->completes, TL_EV_START_TWEEDE_SPOOR);
	assert_int_equal(doc_type_info(DOC_RE_INTEGRATIEVERSLAG)->completes,
			 TL_EV_RE_INTEGRATIEVERSLAG);
	assert_int_equal(doc_type_info(DOC_ZOEKPROFIEL)->completes, TL_EV__COUNT);

	enum doc_approval_state s;
	assert_string_equal(doc_approval_state_name(DOC_APPROVAL_GEGEVEN), "akkoord");
	assert_int_equal(doc_approval_state_parse("niet_akkoord", &s), 0);
	assert_int_equal(s, DOC_APPROVAL_GEWEIGERD);
	assert_int_equal(doc_approval_state_parse("ja", &s), -1);
}

/* Schema sanity: every type is dated, every free-text field carries the
 * "no medical data" warning (DOMAIN.md section 3), references resolve. */
static void schema_shape(void **state)
{
	(void)state;
	for (int t = 0; t < DOC_TYPE__COUNT; t++) {
		const struct doc_type_info *ti = doc_type_info((enum doc_type)t);
		const struct doc_field *datum = doc_field_find((enum doc_type)t, "datum");
		assert_non_null(datum);
		assert_int_equal(datum->type, DOC_FT_DATE);
		assert_true(datum->flags & DOC_F_REQUIRED);
		assert_true(datum->flags & DOC_F_PAST);
		for (size_t i = 0; i < ti->nfields; i++) {
			const struct doc_field *f = &ti->fields[i];
			assert_ptr_equal(doc_field_find((enum doc_type)t, f->name), f);
			assert_true(f->label_nl[0] != '\0');
			if (f->type == DOC_FT_TEXT) {
				assert_true(f->flags & DOC_F_NO_MEDICAL);
				assert_true(f->max_len == DOC_LEN_SHORT || f->max_len == DOC_LEN_LONG);
			} else {
				assert_false(f->flags & DOC_F_NO_MEDICAL);
			}
			if (f->type == DOC_FT_ENUM)
				assert_true(f->values != NULL && f->values[0] != NULL);
			if (f->if_field != NULL)
				assert_non_null(doc_field_find((enum doc_type)t, f->if_field));
			if (f->not_before != NULL)
				assert_int_equal(doc_field_find((enum doc_type)t, f->not_before)->type,
						 DOC_FT_DATE);
		}
	}
	assert_null(doc_field_find(DOC_PLAN_VAN_AANPAK, "diagnose"));
	assert_string_equal(doc_field_type_name(DOC_FT_BOOL), "bool");
	assert_true(strstr(DOC_WARNING_NO_MEDICAL, "geen medische gegevens") != NULL);
}

static void every_example_is_valid(void **state)
{
	(void)state;
	struct fx f;
	for (int t = 0; t < DOC_TYPE__COUNT; t++) {
		load(&f, (enum doc_type)t);
		accepted(&f);
		assert_int_equal(f.err.code, SW_OK);
	}
}

/* Each required field of each type, removed or blank, is refused by name. */
static void required_fields(void **state)
{
	(void)state;
	struct fx f;
	for (int t = 0; t < DOC_TYPE__COUNT; t++) {
		const struct doc_type_info *ti = doc_type_info((enum doc_type)t);
		int required = 0;
		for (size_t i = 0; i < ti->nfields; i++) {
			const struct doc_field *fd = &ti->fields[i];
			load(&f, (enum doc_type)t);
			if (!doc_field_required(fd, &f.ctx, f.v, f.n)) {
				drop(&f, fd->name);
				accepted(&f); /* optional fields may be left out */
				continue;
			}
			required++;
			drop(&f, fd->name);
			refused(&f, DOC_E_REQUIRED, fd->name);
			load(&f, (enum doc_type)t);
			set(&f, fd->name, fd->type == DOC_FT_TEXT ? " \n\t " : "");
			refused(&f, DOC_E_REQUIRED, fd->name);
		}
		assert_true(required >= 2); /* datum and at least one content field */
	}
}

/* Each enum, bool, int, date and text field of each type refuses a bad
 * value; each text field takes exactly max_len characters, not one more. */
static void field_formats(void **state)
{
	(void)state;
	struct fx f;
	char *text = malloc(3 * DOC_LEN_LONG + 2);
	assert_non_null(text);
	for (int t = 0; t < DOC_TYPE__COUNT; t++) {
		const struct doc_type_info *ti = doc_type_info((enum doc_type)t);
		for (size_t i = 0; i < ti->nfields; i++) {
			const struct doc_field *fd = &ti->fields[i];
			load(&f, (enum doc_type)t);
			switch (fd->type) {
			case DOC_FT_ENUM:
				set(&f, fd->name, "iets_anders");
				refused(&f, DOC_E_ENUM, fd->name);
				set(&f, fd->name, "Spoor_1"); /* case matters */
				refused(&f, DOC_E_ENUM, fd->name);
				/* Every listed value passes; some make a conditional
				 * field required, which is then what fails. */
				for (const char *const *v = fd->values; *v; v++) {
					set(&f, fd->name, *v);
					enum doc_check c = check(&f);
					assert_true(c == DOC_OK || c == DOC_E_REQUIRED);
					assert_string_not_equal(f.err.field, fd->name);
				}
				break;
			case DOC_FT_BOOL:
				set(&f, fd->name, "misschien");
				refused(&f, DOC_E_BOOL, fd->name);
				set(&f, fd->name, "ja");
				accepted(&f);
				break;
			case DOC_FT_INT: {
				char num[16];
				snprintf(num, sizeof num, "%d", fd->max + 1);
				set(&f, fd->name, num);
				refused(&f, DOC_E_INT, fd->name);
				snprintf(num, sizeof num, "%d", fd->min - 1);
				set(&f, fd->name, num);
				refused(&f, DOC_E_INT, fd->name);
				set(&f, fd->name, "12a");
				refused(&f, DOC_E_INT, fd->name);
				set(&f, fd->name, " 12");
				refused(&f, DOC_E_INT, fd->name);
				snprintf(num, sizeof num, "%d", fd->max);
				set(&f, fd->name, num);
				accepted(&f);
				break;
			}
			case DOC_FT_DATE:
				set(&f, fd->name, "2025-02-30");
				refused(&f, DOC_E_DATE, fd->name);
				set(&f, fd->name, "3-3-2025");
				refused(&f, DOC_E_DATE, fd->name);
				break;
			case DOC_FT_TEXT:
				/* "é" is one character in two bytes: max_len of them fit. */
				for (int c = 0; c < fd->max_len; c++)
					memcpy(text + 2 * c, "\xc3\xa9", 2);
				text[2 * fd->max_len] = '\0';
				set(&f, fd->name, text);
				accepted(&f);
				memcpy(text + 2 * fd->max_len, "x", 2);
				refused(&f, DOC_E_TOO_LONG, fd->name);
				break;
			}
		}
	}
	free(text);
}

static void names_and_duplicates(void **state)
{
	(void)state;
	struct fx f;
	load(&f, DOC_VOORTGANGSGESPREK);
	set(&f, "diagnose", "griep");
	refused(&f, DOC_E_UNKNOWN_FIELD, "diagnose");
	load(&f, DOC_VOORTGANGSGESPREK);
	f.v[f.n++] = (struct doc_value){ "afspraken", "nog een keer" };
	refused(&f, DOC_E_DUPLICATE, "afspraken");
	load(&f, DOC_VOORTGANGSGESPREK);
	f.v[f.n++] = (struct doc_value){ NULL, "x" };
	refused(&f, DOC_E_UNKNOWN_FIELD, "");
	/* A field of another type is unknown here. */
	load(&f, DOC_VISIE_WERKNEMER);
	set(&f, "casemanager", "P. de Vries");
	refused(&f, DOC_E_UNKNOWN_FIELD, "casemanager");
	/* Unknown type; NULL error pointer is allowed. */
	assert_int_equal(doc_validate(DOC_TYPE__COUNT, &f.ctx, f.v, f.n, &f.err), DOC_E_TYPE);
	assert_string_equal(f.err.field, "type");
	assert_int_equal(doc_validate(DOC_VISIE_WERKNEMER, &f.ctx, f.v, f.n, NULL),
			 DOC_E_UNKNOWN_FIELD);
	assert_int_equal(doc_validate(DOC_VISIE_WERKNEMER, &f.ctx, NULL, 5, &f.err), DOC_E_REQUIRED);
	assert_string_equal(doc_check_name(DOC_E_TOO_LONG), "te_lang");
	assert_string_equal(doc_check_name(DOC_CHECK__COUNT), "");
}

static void encoding(void **state)
{
	(void)state;
	struct fx f;
	static const char *const bad[] = {
		"caf\xc3",           /* truncated sequence */
		"\xc0\xaf",          /* overlong "/" */
		"\xed\xa0\x80",      /* surrogate */
		"\xf4\x90\x80\x80",  /* past U+10FFFF */
		"\xff",
		"bel\x07",           /* control character */
		"del\x7f",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		load(&f, DOC_VISIE_WERKNEMER);
		set(&f, "visie", bad[i]);
		refused(&f, DOC_E_ENCODING, "visie");
	}
	load(&f, DOC_VISIE_WERKNEMER);
	set(&f, "visie", "Regel één\r\n\tRegel twee \xf0\x9f\x99\x82");
	accepted(&f);
}

static void dates_in_the_future_and_order(void **state)
{
	(void)state;
	struct fx f;
	load(&f, DOC_VOORTGANGSGESPREK);
	set(&f, "datum", "2025-06-02"); /* today */
	set(&f, "volgend_gesprek", "2025-07-14"); /* planned: may lie ahead */
	accepted(&f);
	set(&f, "datum", "2025-06-03");
	refused(&f, DOC_E_FUTURE, "datum");
	f.ctx.today = DATE_NONE; /* no clock: no check */
	accepted(&f);

	load(&f, DOC_VOORTGANGSGESPREK);
	set(&f, "volgend_gesprek", "2025-03-02");
	refused(&f, DOC_E_ORDER, "volgend_gesprek");
	set(&f, "volgend_gesprek", "2025-03-03"); /* same day is not before */
	accepted(&f);

	load(&f, DOC_INTERVENTIE);
	set(&f, "einddatum", "2025-03-09");
	refused(&f, DOC_E_ORDER, "einddatum");
	drop(&f, "einddatum");
	accepted(&f);

	load(&f, DOC_TRAJECTPLAN);
	set(&f, "startdatum", "2025-02-19"); /* before the intake */
	refused(&f, DOC_E_ORDER, "startdatum");
	drop(&f, "intakedatum");
	accepted(&f);

	load(&f, DOC_RE_INTEGRATIEVERSLAG);
	set(&f, "kopie_werknemer", "2025-03-02");
	refused(&f, DOC_E_ORDER, "kopie_werknemer");
	set(&f, "kopie_werknemer", "2025-06-03");
	refused(&f, DOC_E_FUTURE, "kopie_werknemer");
}

static void conditional_fields(void **state)
{
	(void)state;
	struct fx f;
	/* Vrijstelling needs its reason. */
	load(&f, DOC_EERSTEJAARSEVALUATIE);
	set(&f, "gekozen_spoor", "vrijstelling");
	refused(&f, DOC_E_REQUIRED, "reden_vrijstelling");
	set(&f, "reden_vrijstelling", "Terugkeer in eigen werk binnen afzienbare tijd.");
	accepted(&f);
	set(&f, "gekozen_spoor", "spoor_1");
	accepted(&f); /* a reason given anyway is harmless */

	/* "overig" needs a description; a finished intervention its result. */
	load(&f, DOC_INTERVENTIE);
	set(&f, "soort", "overig");
	refused(&f, DOC_E_REQUIRED, "omschrijving");
	set(&f, "omschrijving", "Mediation");
	accepted(&f);
	set(&f, "status", "afgerond");
	refused(&f, DOC_E_REQUIRED, "resultaat");
	set(&f, "status", "afgebroken");
	refused(&f, DOC_E_REQUIRED, "resultaat");
	set(&f, "resultaat", "Werknemer weet welke richting hij op wil.");
	accepted(&f);
	set(&f, "status", "lopend");
	drop(&f, "resultaat");
	accepted(&f);
}

/* The plan van aanpak holds both visions for first sick days from
 * 2023-07-01 (rules.h pva_requires_vision); before, they are optional. */
static void vision_rule(void **state)
{
	(void)state;
	struct fx f;
	load(&f, DOC_PLAN_VAN_AANPAK);
	drop(&f, "visie_werkgever");
	drop(&f, "visie_werknemer");

	f.ctx.rules = rules_for(D("2023-06-30"));
	accepted(&f);

	f.ctx.rules = rules_for(D("2023-07-01"));
	refused(&f, DOC_E_REQUIRED, "visie_werkgever");
	set(&f, "visie_werkgever", "Eigen werk haalbaar.");
	refused(&f, DOC_E_REQUIRED, "visie_werknemer");
	set(&f, "visie_werknemer", "   ");
	refused(&f, DOC_E_REQUIRED, "visie_werknemer");
	set(&f, "visie_werknemer", "Eens.");
	accepted(&f);

	/* Without a ruleset the strictest (latest) applies. */
	f.ctx.rules = NULL;
	drop(&f, "visie_werknemer");
	refused(&f, DOC_E_REQUIRED, "visie_werknemer");
	assert_int_equal(doc_validate(DOC_PLAN_VAN_AANPAK, NULL, f.v, f.n, NULL), DOC_E_REQUIRED);

	/* Only the plan van aanpak is affected. */
	load(&f, DOC_VOORTGANGSGESPREK);
	f.ctx.rules = rules_for(D("2024-01-01"));
	accepted(&f);
}

/* A bijstelling (version 2 and later) states why. */
static void bijstelling(void **state)
{
	(void)state;
	struct fx f;
	load(&f, DOC_PLAN_VAN_AANPAK);
	f.ctx.version = 2;
	refused(&f, DOC_E_REQUIRED, "aanleiding_bijstelling");
	set(&f, "aanleiding_bijstelling", "Uitkomst arbeidsdeskundig onderzoek.");
	accepted(&f);
	f.ctx.version = 1;
	drop(&f, "aanleiding_bijstelling");
	accepted(&f);
}

/* Events of a version: kind and date of each. */
static size_t events(struct fx *f, const struct doc_approval *a, struct tl_event *out)
{
	accepted(f);
	return doc_events(f->type, f->v, f->n, a, out);
}

static void expect_event(const struct tl_event *e, enum tl_event_kind kind, const char *date)
{
	assert_string_equal(tl_event_kind_name(e->kind), tl_event_kind_name(kind));
	assert_int_equal(e->date, D(date));
}

static void timeline_events(void **state)
{
	(void)state;
	struct fx f;
	struct tl_event e[DOC_MAX_EVENTS];

	load(&f, DOC_PROBLEEMANALYSE);
	assert_int_equal(events(&f, NULL, e), 1);
	expect_event(&e[0], TL_EV_PROBLEEMANALYSE, "2025-03-03");
	set(&f, "verwachting_terugkeer", "onwaarschijnlijk");
	assert_int_equal(events(&f, NULL, e), 2);
	expect_event(&e[1], TL_EV_TERUGKEER_ONWAARSCHIJNLIJK, "2025-03-03");

	/* The plan counts once agreed, on the day of the agreement. */
	load(&f, DOC_PLAN_VAN_AANPAK);
	assert_int_equal(events(&f, NULL, e), 0);
	struct doc_approval open = { DOC_APPROVAL_OPEN, DATE_NONE };
	struct doc_approval no = { DOC_APPROVAL_GEWEIGERD, D("2025-03-05") };
	struct doc_approval yes = { DOC_APPROVAL_GEGEVEN, D("2025-03-06") };
	assert_int_equal(events(&f, &open, e), 0);
	assert_int_equal(events(&f, &no, e), 0);
	assert_int_equal(events(&f, &yes, e), 1);
	expect_event(&e[0], TL_EV_PLAN_VAN_AANPAK, "2025-03-06");
	yes.date = DATE_NONE;
	assert_int_equal(events(&f, &yes, e), 1);
	expect_event(&e[0], TL_EV_PLAN_VAN_AANPAK, "2025-03-03");

	load(&f, DOC_VOORTGANGSGESPREK);
	assert_int_equal(events(&f, NULL, e), 1);
	expect_event(&e[0], TL_EV_VOORTGANGSGESPREK, "2025-03-03");

	/* Eerstejaarsevaluatie: both tracks, begun already: evaluation + start. */
	load(&f, DOC_EERSTEJAARSEVALUATIE);
	assert_int_equal(events(&f, NULL, e), 2);
	expect_event(&e[0], TL_EV_EERSTEJAARSEVALUATIE, "2025-03-03");
	expect_event(&e[1], TL_EV_START_TWEEDE_SPOOR, "2025-02-17");
	drop(&f, "start_tweede_spoor"); /* not begun yet: the trajectplan will say */
	assert_int_equal(events(&f, NULL, e), 1);
	set(&f, "gekozen_spoor", "spoor_1");
	set(&f, "start_tweede_spoor", "2025-02-17"); /* ignored for spoor 1 */
	assert_int_equal(events(&f, NULL, e), 1);
	set(&f, "gekozen_spoor", "vrijstelling");
	set(&f, "reden_vrijstelling", "Volledige terugkeer verwacht.");
	assert_int_equal(events(&f, NULL, e), 2);
	expect_event(&e[1], TL_EV_VRIJSTELLING_TWEEDE_SPOOR, "2025-03-03");

	/* The assessment of the orientation phase; work elsewhere also marks
	 * the own job unlikely. */
	load(&f, DOC_ARBEIDSDESKUNDIG_ONDERZOEK);
	assert_int_equal(events(&f, NULL, e), 2);
	expect_event(&e[0], TL_EV_ARBEIDSDESKUNDIG_ONDERZOEK, "2025-03-03");
	expect_event(&e[1], TL_EV_TERUGKEER_ONWAARSCHIJNLIJK, "2025-03-03");
	set(&f, "conclusie", "ander_werk_eigen_werkgever");
	assert_int_equal(events(&f, NULL, e), 1);
	expect_event(&e[0], TL_EV_ARBEIDSDESKUNDIG_ONDERZOEK, "2025-03-03");

	/* Loopbaanoriëntatie or rouwverwerking under way starts the
	 * orientation on its start date; a planned one does not yet. */
	load(&f, DOC_INTERVENTIE);
	assert_int_equal(events(&f, NULL, e), 0);
	set(&f, "status", "lopend");
	assert_int_equal(events(&f, NULL, e), 1);
	expect_event(&e[0], TL_EV_ORIENTATIE_TWEEDE_SPOOR, "2025-03-10");
	set(&f, "soort", "scholing");
	assert_int_equal(events(&f, NULL, e), 0);

	load(&f, DOC_TRAJECTPLAN);
	assert_int_equal(events(&f, NULL, e), 1);
	expect_event(&e[0], TL_EV_START_TWEEDE_SPOOR, "2025-03-01");

	load(&f, DOC_ACTUEEL_OORDEEL);
	assert_int_equal(events(&f, NULL, e), 0);
	set(&f, "verwachting_terugkeer", "onwaarschijnlijk");
	assert_int_equal(events(&f, NULL, e), 1);
	expect_event(&e[0], TL_EV_TERUGKEER_ONWAARSCHIJNLIJK, "2025-03-03");

	load(&f, DOC_RE_INTEGRATIEVERSLAG);
	assert_int_equal(events(&f, NULL, e), 1);
	expect_event(&e[0], TL_EV_RE_INTEGRATIEVERSLAG, "2025-03-04");

	/* Documents that complete no step. */
	const enum doc_type quiet[] = { DOC_PERSOONSPROFIEL, DOC_ZOEKPROFIEL, DOC_INTERVENTIE,
					DOC_EINDEVALUATIE, DOC_VISIE_WERKNEMER, DOC_WERKRELATIE,
					DOC_PASSEND_WERK, DOC_ADMINISTRATIEF, DOC_RE_INTEGRATIEPLAN };
	for (size_t i = 0; i < sizeof quiet / sizeof quiet[0]; i++) {
		load(&f, quiet[i]);
		assert_int_equal(events(&f, NULL, e), 0);
	}
}

static void pva_revision_asked(void **state)
{
	(void)state;
	struct fx f;
	load(&f, DOC_VOORTGANGSGESPREK);
	assert_false(doc_asks_pva_revision(f.type, f.v, f.n));
	set(&f, "bijstelling_nodig", "ja");
	assert_true(doc_asks_pva_revision(f.type, f.v, f.n));

	load(&f, DOC_EERSTEJAARSEVALUATIE); /* beide */
	assert_true(doc_asks_pva_revision(f.type, f.v, f.n));
	set(&f, "gekozen_spoor", "spoor_2");
	assert_true(doc_asks_pva_revision(f.type, f.v, f.n));
	set(&f, "gekozen_spoor", "spoor_1");
	assert_false(doc_asks_pva_revision(f.type, f.v, f.n));

	load(&f, DOC_ARBEIDSDESKUNDIG_ONDERZOEK); /* werk_elders */
	assert_true(doc_asks_pva_revision(f.type, f.v, f.n));
	set(&f, "conclusie", "eigen_werk");
	assert_false(doc_asks_pva_revision(f.type, f.v, f.n));

	load(&f, DOC_ACTUEEL_OORDEEL);
	assert_false(doc_asks_pva_revision(f.type, f.v, f.n));
}

static void value_helpers(void **state)
{
	(void)state;
	struct fx f;
	load(&f, DOC_VOORTGANGSGESPREK);
	assert_int_equal(doc_date(f.v, f.n), D("2025-03-03"));
	assert_string_equal(doc_value_get(f.v, f.n, "bijstelling_nodig"), "nee");
	assert_null(doc_value_get(f.v, f.n, "onbekend"));
	set(&f, "afspraken", "  ");
	assert_null(doc_value_get(f.v, f.n, "afspraken"));
	set(&f, "datum", "gisteren");
	assert_int_equal(doc_date(f.v, f.n), DATE_NONE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(names_round_trip),
		cmocka_unit_test(authors),
		cmocka_unit_test(approvals_and_steps),
		cmocka_unit_test(schema_shape),
		cmocka_unit_test(every_example_is_valid),
		cmocka_unit_test(required_fields),
		cmocka_unit_test(field_formats),
		cmocka_unit_test(names_and_duplicates),
		cmocka_unit_test(encoding),
		cmocka_unit_test(dates_in_the_future_and_order),
		cmocka_unit_test(conditional_fields),
		cmocka_unit_test(vision_rule),
		cmocka_unit_test(bijstelling),
		cmocka_unit_test(timeline_events),
		cmocka_unit_test(pva_revision_asked),
		cmocka_unit_test(value_helpers),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
