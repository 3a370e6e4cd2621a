/* doc_types.c - the field schemas of the dossier documents.
 *
 * Data only: the checks live in doc.c. Field names and enum values are API
 * values (Dutch, ASCII, snake_case). Every document has a "datum", the day
 * it was written or the meeting held, so that the dossier can be ordered
 * and the re-integratieverslag can judge its age. Every free-text field
 * carries the "no medical data" warning: all documents here are functional
 * and visible to the employer (DOMAIN.md section 3). */
#include "doc.h"

#define WN ROLE_BIT(ROLE_WERKNEMER)
#define WG ROLE_BIT(ROLE_WERKGEVER)
#define BA ROLE_BIT(ROLE_BEDRIJFSARTS)
#define AD ROLE_BIT(ROLE_ARBEIDSDESKUNDIGE)
#define RIP ROLE_BIT(ROLE_REINTEGRATIEPROFESSIONAL)

#define NOMED DOC_F_NO_MEDICAL
#define REQ DOC_F_REQUIRED

/* Field constructors, to keep the tables one line per field. */
#define DATUM(label) { "datum", label, DOC_FT_DATE, REQ | DOC_F_PAST, 0, 0, 0, NULL, NULL, NULL, NULL }
#define TEXT(name, label, flags, len) \
	{ name, label, DOC_FT_TEXT, (flags) | NOMED, len, 0, 0, NULL, NULL, NULL, NULL }
#define TEXT_IF(name, label, len, field, vals) \
	{ name, label, DOC_FT_TEXT, NOMED, len, 0, 0, NULL, field, vals, NULL }
#define DATE(name, label, flags, after) \
	{ name, label, DOC_FT_DATE, flags, 0, 0, 0, NULL, NULL, NULL, after }
#define ENUM(name, label, flags, vals) \
	{ name, label, DOC_FT_ENUM, flags, 0, 0, 0, vals, NULL, NULL, NULL }
#define BOOL(name, label, flags) \
	{ name, label, DOC_FT_BOOL, flags, 0, 0, 0, NULL, NULL, NULL, NULL }
#define INT(name, label, flags, lo, hi) \
	{ name, label, DOC_FT_INT, flags, 0, lo, hi, NULL, NULL, NULL, NULL }

#define SHORT DOC_LEN_SHORT
#define LONG DOC_LEN_LONG

/* Shared enum values. */
static const char *const terugkeer[] = {
	"volledig", "gedeeltelijk", "onwaarschijnlijk", "onbekend", NULL,
};
static const char *const duur[] = {
	"korter_dan_1_maand", "1_tot_3_maanden", "3_tot_6_maanden",
	"langer_dan_6_maanden", "onbekend", NULL,
};
static const char *const spoor[] = { "spoor_1", "spoor_2", "beide", NULL };
static const char *const gekozen_spoor[] = {
	"spoor_1", "spoor_2", "beide", "vrijstelling", NULL,
};
static const char *const only_vrijstelling[] = { "vrijstelling", NULL };
static const char *const ad_conclusie[] = {
	"eigen_werk", "ander_werk_eigen_werkgever", "werk_elders", NULL,
};
/* Interventions of the second track: 002 Figure 1, 003, DOMAIN.md section 5. */
static const char *const interventie_soort[] = {
	"loopbaanorientatie", "gesprekstraining", "assertiviteitstraining",
	"rouwverwerking", "scholing", "werkervaringsplaats", "sollicitatietraining",
	"jobcoaching", "empowerment", "psychologische_begeleiding", "bemiddeling",
	"proefplaatsing", "detachering", "nazorg", "overig", NULL,
};
static const char *const only_overig[] = { "overig", NULL };
static const char *const interventie_status[] = {
	"gepland", "lopend", "afgerond", "afgebroken", NULL,
};
static const char *const finished[] = { "afgerond", "afgebroken", NULL };
static const char *const eind_resultaat[] = {
	"eigen_werk", "ander_werk_eigen_werkgever", "werk_elders", "geen_werkhervatting", NULL,
};
static const char *const ongeschiktheid[] = {
	"volledig", "gedeeltelijk", "geen", NULL,
};
static const char *const werkrelatie_oordeel[] = {
	"goed", "onder_druk", "verstoord", NULL,
};
static const char *const passend_oordeel[] = {
	"eigen_werk", "aangepast_eigen_werk", "ander_werk", "geen", NULL,
};

static const struct doc_field probleemanalyse[] = {
	DATUM("Datum probleemanalyse"),
	TEXT("beperkingen", "Functionele beperkingen", REQ, LONG),
	TEXT("mogelijkheden", "Benutbare mogelijkheden", REQ, LONG),
	ENUM("verwachte_duur", "Verwachte duur van het verzuim", REQ, duur),
	ENUM("verwachting_terugkeer", "Verwachting terugkeer in eigen werk", REQ, terugkeer),
	DATE("verwachte_terugkeer", "Verwachte datum van terugkeer", 0, "datum"),
	TEXT("advies", "Advies over werkhervatting en aanpassingen", REQ, LONG),
};

static const struct doc_field plan_van_aanpak[] = {
	DATUM("Datum (bijstelling) plan van aanpak"),
	TEXT("doel", "Doel van de re-integratie", REQ, LONG),
	ENUM("spoor", "Spoor", 0, spoor),
	TEXT("activiteiten", "Activiteiten", REQ, LONG),
	TEXT("termijnen", "Termijnen", REQ, LONG),
	TEXT("evaluatiemomenten", "Evaluatiemomenten (periodiek en na het eerste jaar)", REQ, LONG),
	TEXT("casemanager", "Casemanager", REQ, SHORT),
	TEXT("visie_werkgever", "Visie van de werkgever", DOC_F_VISION, LONG),
	TEXT("visie_werknemer", "Visie van de werknemer", DOC_F_VISION, LONG),
	TEXT("aanleiding_bijstelling", "Aanleiding voor de bijstelling", DOC_F_REVISION, LONG),
};

static const struct doc_field voortgangsgesprek[] = {
	DATUM("Datum gesprek"),
	TEXT("deelnemers", "Deelnemers", REQ, SHORT),
	TEXT("besproken", "Besproken", REQ, LONG),
	TEXT("afspraken", "Afspraken", REQ, LONG),
	BOOL("bijstelling_nodig", "Plan van aanpak bijstellen?", REQ),
	DATE("volgend_gesprek", "Volgend gesprek", 0, "datum"),
};

static const struct doc_field eerstejaarsevaluatie[] = {
	DATUM("Datum eerstejaarsevaluatie"),
	TEXT("evaluatie", "Evaluatie van het eerste jaar", REQ, LONG),
	ENUM("gekozen_spoor", "Re-integratie in het tweede jaar", REQ, gekozen_spoor),
	TEXT_IF("reden_vrijstelling", "Reden vrijstelling tweede spoor", LONG,
		"gekozen_spoor", only_vrijstelling),
	TEXT("beoogd_resultaat", "Beoogd resultaat in het tweede jaar en hoe", REQ, LONG),
	DATE("start_tweede_spoor", "Tweede spoor gestart op", DOC_F_PAST, NULL),
};

static const struct doc_field arbeidsdeskundig_onderzoek[] = {
	DATUM("Datum rapport"),
	TEXT("vraagstelling", "Vraagstelling", REQ, LONG),
	TEXT("bevindingen", "Bevindingen", REQ, LONG),
	ENUM("conclusie", "Conclusie", REQ, ad_conclusie),
	TEXT("advies", "Advies", REQ, LONG),
};

static const struct doc_field trajectplan[] = {
	DATUM("Datum trajectplan"),
	DATE("intakedatum", "Datum intakegesprek", DOC_F_PAST, NULL),
	DATE("startdatum", "Start traject", REQ | DOC_F_PAST, "intakedatum"),
	TEXT("doel", "Doel", REQ, LONG),
	TEXT("activiteiten", "Activiteiten", REQ, LONG),
	DATE("einddatum", "Verwachte einddatum", 0, "startdatum"),
};

static const struct doc_field persoonsprofiel[] = {
	DATUM("Datum persoonsprofiel"),
	TEXT("vaardigheden", "Vaardigheden en competenties", REQ, LONG),
	TEXT("opleiding_werkervaring", "Opleiding en werkervaring", REQ, LONG),
	TEXT("drijfveren", "Interesses en drijfveren", 0, LONG),
	TEXT("belastbaarheid", "Belastbaarheid (functioneel)", REQ, LONG),
};

static const struct doc_field zoekprofiel[] = {
	DATUM("Datum zoekprofiel"),
	TEXT("gewenste_functies", "Gewenste functies", REQ, LONG),
	TEXT("capaciteiten", "Capaciteiten", REQ, LONG),
	TEXT("belastbaarheid", "Belastbaarheid (functioneel)", REQ, LONG),
	INT("uren_per_week", "Uren per week", REQ, 1, 60),
	INT("reisafstand_km", "Maximale reisafstand (km)", REQ, 0, 300),
	TEXT("sector", "Sector", 0, SHORT),
	TEXT("vaardigheden", "Vaardigheden", 0, LONG),
	TEXT("wensen", "Wensen", 0, LONG),
};

static const struct doc_field re_integratieplan[] = {
	DATUM("Datum re-integratieplan"),
	TEXT("doel", "Doel", REQ, LONG),
	TEXT("activiteiten", "Activiteiten", REQ, LONG),
	DATE("startdatum", "Begin periode van re-integratie", REQ, NULL),
	DATE("einddatum", "Einde periode van re-integratie", REQ, "startdatum"),
	TEXT("rapportagemomenten", "Rapportagemomenten", REQ, LONG),
};

static const struct doc_field interventie[] = {
	DATUM("Datum registratie"),
	ENUM("soort", "Soort interventie", REQ, interventie_soort),
	TEXT_IF("omschrijving", "Omschrijving", LONG, "soort", only_overig),
	TEXT("aanbieder", "Aanbieder", 0, SHORT),
	DATE("startdatum", "Startdatum", REQ, NULL),
	DATE("einddatum", "Einddatum", 0, "startdatum"),
	ENUM("status", "Status", REQ, interventie_status),
	TEXT_IF("resultaat", "Resultaat", LONG, "status", finished),
};

static const struct doc_field eindevaluatie[] = {
	DATUM("Datum eindevaluatie"),
	TEXT("verloop", "Verloop van de re-integratie", REQ, LONG),
	ENUM("resultaat", "Resultaat", REQ, eind_resultaat),
	TEXT("toelichting", "Toelichting", REQ, LONG),
};

static const struct doc_field actueel_oordeel[] = {
	DATUM("Datum oordeel"),
	ENUM("arbeidsongeschiktheid", "Arbeidsongeschikt voor het eigen werk", REQ, ongeschiktheid),
	TEXT("functionele_beperkingen", "Functionele beperkingen", REQ, LONG),
	TEXT("mogelijkheden", "Benutbare mogelijkheden", REQ, LONG),
	ENUM("verwachting_terugkeer", "Verwachting terugkeer in eigen werk", REQ, terugkeer),
	TEXT("prognose", "Prognose", REQ, LONG),
};

static const struct doc_field visie_werknemer[] = {
	DATUM("Datum"),
	TEXT("visie", "Mening van de werknemer", REQ, LONG),
};

static const struct doc_field visie_werkgever[] = {
	DATUM("Datum"),
	TEXT("visie", "Visie van de werkgever", REQ, LONG),
};

static const struct doc_field werkrelatie[] = {
	DATUM("Datum oordeel"),
	ENUM("oordeel", "Oordeel over de arbeidsverhouding", REQ, werkrelatie_oordeel),
	TEXT("toelichting", "Toelichting", REQ, LONG),
};

static const struct doc_field passend_werk[] = {
	DATUM("Datum oordeel"),
	ENUM("oordeel", "Passend werk bij de eigen werkgever", REQ, passend_oordeel),
	TEXT("onderzochte_functies", "Onderzochte functies", 0, LONG),
	TEXT("toelichting", "Toelichting", REQ, LONG),
};

static const struct doc_field administratief[] = {
	DATUM("Datum"),
	TEXT("werknemer_naam", "Naam werknemer", REQ, SHORT),
	DATE("werknemer_geboortedatum", "Geboortedatum werknemer", REQ | DOC_F_PAST, NULL),
	TEXT("werknemer_adres", "Adres werknemer", 0, SHORT),
	TEXT("werkgever_naam", "Naam werkgever", REQ, SHORT),
	TEXT("werkgever_adres", "Adres werkgever", 0, SHORT),
	TEXT("loonheffingennummer", "Loonheffingennummer", 0, SHORT),
	TEXT("bedrijfsarts_naam", "Naam bedrijfsarts", REQ, SHORT),
	TEXT("arbodienst", "Arbodienst", 0, SHORT),
	TEXT("aard_bedrijf", "Aard van het bedrijf", REQ, LONG),
	TEXT("functie", "Functie van de werknemer", REQ, LONG),
	INT("uren_per_week", "Contracturen per week", 0, 1, 60),
	TEXT("vaardigheden", "Vaardigheden van de werknemer", REQ, LONG),
};

static const struct doc_field re_integratieverslag[] = {
	DATUM("Datum re-integratieverslag"),
	DATE("kopie_werknemer", "Kopie aan de werknemer gegeven op", REQ | DOC_F_PAST, "datum"),
	TEXT("toelichting", "Toelichting", 0, LONG),
};

#define FIELDS(a) a, sizeof a / sizeof a[0]
#define NO_EVENT TL_EV__COUNT

static const struct doc_type_info types[DOC_TYPE__COUNT] = {
	[DOC_PROBLEEMANALYSE] = { DOC_PROBLEEMANALYSE, "probleemanalyse",
		"Probleemanalyse (functioneel deel)", BA, DOC_APPROVAL_NONE, 0,
		TL_EV_PROBLEEMANALYSE, FIELDS(probleemanalyse) },
	[DOC_PLAN_VAN_AANPAK] = { DOC_PLAN_VAN_AANPAK, "plan_van_aanpak", "Plan van aanpak",
		WG | WN, DOC_APPROVAL_AGREEMENT, 1, TL_EV_PLAN_VAN_AANPAK,
		FIELDS(plan_van_aanpak) },
	[DOC_VOORTGANGSGESPREK] = { DOC_VOORTGANGSGESPREK, "voortgangsgesprek",
		"Voortgangsgesprek", WG | WN, DOC_APPROVAL_NONE, 0, TL_EV_VOORTGANGSGESPREK,
		FIELDS(voortgangsgesprek) },
	[DOC_EERSTEJAARSEVALUATIE] = { DOC_EERSTEJAARSEVALUATIE, "eerstejaarsevaluatie",
		"Eerstejaarsevaluatie", WG, DOC_APPROVAL_ACKNOWLEDGEMENT, 0,
		TL_EV_EERSTEJAARSEVALUATIE, FIELDS(eerstejaarsevaluatie) },
	[DOC_ARBEIDSDESKUNDIG_ONDERZOEK] = { DOC_ARBEIDSDESKUNDIG_ONDERZOEK,
		"arbeidsdeskundig_onderzoek", "Arbeidsdeskundig onderzoek", AD,
		DOC_APPROVAL_NONE, 0, TL_EV_ARBEIDSDESKUNDIG_ONDERZOEK,
		FIELDS(arbeidsdeskundig_onderzoek) },
	[DOC_TRAJECTPLAN] = { DOC_TRAJECTPLAN, "trajectplan", "Trajectplan", RIP | WG,
		DOC_APPROVAL_NONE, 0, TL_EV_START_TWEEDE_SPOOR, FIELDS(trajectplan) },
	[DOC_PERSOONSPROFIEL] = { DOC_PERSOONSPROFIEL, "persoonsprofiel", "Persoonsprofiel",
		RIP | WN, DOC_APPROVAL_NONE, 0, NO_EVENT, FIELDS(persoonsprofiel) },
	[DOC_ZOEKPROFIEL] = { DOC_ZOEKPROFIEL, "zoekprofiel", "Zoekprofiel", RIP | WN,
		DOC_APPROVAL_NONE, 0, NO_EVENT, FIELDS(zoekprofiel) },
	[DOC_RE_INTEGRATIEPLAN] = { DOC_RE_INTEGRATIEPLAN, "re_integratieplan",
		"Re-integratieplan", RIP, DOC_APPROVAL_NONE, 0, NO_EVENT,
		FIELDS(re_integratieplan) },
	[DOC_INTERVENTIE] = { DOC_INTERVENTIE, "interventie", "Interventie", RIP | WG,
		DOC_APPROVAL_NONE, 0, TL_EV_ORIENTATIE_TWEEDE_SPOOR, FIELDS(interventie) },
	[DOC_EINDEVALUATIE] = { DOC_EINDEVALUATIE, "eindevaluatie", "Eindevaluatie",
		WG | RIP, DOC_APPROVAL_NONE, 0, NO_EVENT, FIELDS(eindevaluatie) },
	[DOC_ACTUEEL_OORDEEL] = { DOC_ACTUEEL_OORDEEL, "actueel_oordeel",
		"Actueel oordeel bedrijfsarts", BA, DOC_APPROVAL_NONE, 0, NO_EVENT,
		FIELDS(actueel_oordeel) },
	[DOC_VISIE_WERKNEMER] = { DOC_VISIE_WERKNEMER, "visie_werknemer",
		"Mening van de werknemer", WN, DOC_APPROVAL_NONE, 0, NO_EVENT,
		FIELDS(visie_werknemer) },
	[DOC_VISIE_WERKGEVER] = { DOC_VISIE_WERKGEVER, "visie_werkgever",
		"Visie van de werkgever", WG, DOC_APPROVAL_NONE, 0, NO_EVENT,
		FIELDS(visie_werkgever) },
	[DOC_WERKRELATIE] = { DOC_WERKRELATIE, "werkrelatie",
		"Oordeel over de arbeidsverhouding", WG, DOC_APPROVAL_NONE, 0, NO_EVENT,
		FIELDS(werkrelatie) },
	[DOC_PASSEND_WERK] = { DOC_PASSEND_WERK, "passend_werk",
		"Oordeel over passend werk bij de werkgever", WG | AD, DOC_APPROVAL_NONE, 0,
		NO_EVENT, FIELDS(passend_werk) },
	[DOC_ADMINISTRATIEF] = { DOC_ADMINISTRATIEF, "administratief",
		"Administratieve gegevens", WG, DOC_APPROVAL_NONE, 0, NO_EVENT,
		FIELDS(administratief) },
	[DOC_RE_INTEGRATIEVERSLAG] = { DOC_RE_INTEGRATIEVERSLAG, "re_integratieverslag",
		"Re-integratieverslag", WG, DOC_APPROVAL_NONE, 0, TL_EV_RE_INTEGRATIEVERSLAG,
		FIELDS(re_integratieverslag) },
};

const struct doc_type_info *doc_type_info(enum doc_type type)
{
	return (unsigned)type < DOC_TYPE__COUNT ? &types[type] : NULL;
}
