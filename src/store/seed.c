/* seed.c - the demo data set: a municipal works company in Breda, its
 * arbodienst and re-integratiebureau, two employers of the detachering
 * network, one user per role and cases at the stages the product is about.
 * All dates are relative to "today", so the demo always shows live
 * deadlines: an overdue probleemanalyse, a first-year evaluation coming up,
 * a re-integratieverslag due, a clock stopped by recovery. */
#include "store_int.h"

#include <jansson.h>
#include <stddef.h>
#include <string.h>
#include <stdlib.h>
#include <string.h>

#include "core/crypto.h"
#include "core/monitor.h"

/* Every demo account logs in with this password (README). */
#define DEMO_PASSWORD "spoorwijzer"

enum { O_WERKGEVER, O_ARBODIENST, O_BUREAU, O_NETWERK_BOUW, O_NETWERK_ZORG, O__COUNT };

static const struct {
	const char *name;
	enum store_org_kind kind;
} demo_orgs[O__COUNT] = {
	[O_WERKGEVER] = { "Gemeentewerken Breda BV", STORE_ORG_WERKGEVER },
	[O_ARBODIENST] = { "Arbodienst West-Brabant", STORE_ORG_ARBODIENST },
	[O_BUREAU] = { "Re-integratiebureau De Brug", STORE_ORG_REINTEGRATIEBEDRIJF },
	[O_NETWERK_BOUW] = { "Bouwbedrijf Van Gils Etten-Leur", STORE_ORG_NETWERK },
	[O_NETWERK_ZORG] = { "Zorgcentrum De Mantelhof Oosterhout", STORE_ORG_NETWERK },
};

/* U_NONE ends the lists below. */
enum {
	U_NONE,
	U_WERKNEMER, U_WERKGEVER, U_BEDRIJFSARTS, U_ARBEIDSDESKUNDIGE, U_COACH, U_NETWERK,
	U_BEHEERDER, U_DAAN, U_YUSUF, U_INGRID, U_KEES, U_NAIMA, U_TOM, U_ANOUK,
	/* The organisation side (added later: the ids above stay as they were). */
	U_LEIDINGGEVENDE, U_HR_ANALIST, U_CASEMANAGER2, U_ORGBEHEERDER,
	U__COUNT
};

#define NO_ORG (-1)

static const struct {
	const char *email;
	const char *name;
	int org;
} demo_users[U__COUNT] = {
	[U_WERKNEMER] = { "werknemer@demo.spoorwijzer.nl", "Sanne de Vries", O_WERKGEVER },
	[U_WERKGEVER] = { "werkgever@demo.spoorwijzer.nl", "Mark Janssens", O_WERKGEVER },
	[U_BEDRIJFSARTS] = { "bedrijfsarts@demo.spoorwijzer.nl", "Fatima El Amrani", O_ARBODIENST },
	[U_ARBEIDSDESKUNDIGE] = { "arbeidsdeskundige@demo.spoorwijzer.nl", "Peter van den Berg",
				  O_ARBODIENST },
	[U_COACH] = { "re-integratieprofessional@demo.spoorwijzer.nl", "Lotte Verhoeven", O_BUREAU },
	[U_NETWERK] = { "netwerkwerkgever@demo.spoorwijzer.nl", "Erik van Gils", O_NETWERK_BOUW },
	[U_BEHEERDER] = { "beheerder@demo.spoorwijzer.nl", "Beheer Spoorwijzer", NO_ORG },
	[U_DAAN] = { "daan.bakker@demo.spoorwijzer.nl", "Daan Bakker", O_WERKGEVER },
	[U_YUSUF] = { "yusuf.kaya@demo.spoorwijzer.nl", "Yusuf Kaya", O_WERKGEVER },
	[U_INGRID] = { "ingrid.hendriks@demo.spoorwijzer.nl", "Ingrid Hendriks", O_WERKGEVER },
	[U_KEES] = { "kees.mulder@demo.spoorwijzer.nl", "Kees Mulder", O_WERKGEVER },
	[U_NAIMA] = { "naima.bouzid@demo.spoorwijzer.nl", "Naima Bouzid", O_WERKGEVER },
	[U_TOM] = { "tom.willems@demo.spoorwijzer.nl", "Tom Willems", O_WERKGEVER },
	[U_ANOUK] = { "anouk.smit@demo.spoorwijzer.nl", "Anouk Smit", O_WERKGEVER },
	[U_LEIDINGGEVENDE] = { "leidinggevende@demo.spoorwijzer.nl", "Rob Verbeek", O_WERKGEVER },
	[U_HR_ANALIST] = { "hr-analist@demo.spoorwijzer.nl", "Esther Claassen", O_WERKGEVER },
	[U_CASEMANAGER2] = { "casemanager2@demo.spoorwijzer.nl", "Linda Aerts", O_WERKGEVER },
	[U_ORGBEHEERDER] = { "orgbeheerder@demo.spoorwijzer.nl", "Bas Hoeks", O_WERKGEVER },
};

/* Days are counted from the case's first sick day (day 0); OPEN is an
 * open end. */
#define OPEN (-1)

struct demo_period { int from, to, percent; };          /* percent 0 ends the list */
struct demo_event { enum tl_event_kind kind; int day; int by; }; /* by U_NONE ends it */
struct demo_party { int user; enum role role; int from, until; }; /* user U_NONE ends it */

struct demo_case {
	int employee;
	/* The first sick day was reported one day late and then corrected:
	 * the history shows both (the demo of a correctie). */
	int corrected;
	int started;                     /* first sick day = today - started */
	const char *phone, *address, *duur, *afspraken;
	int vangnet, arbeidsongeval, derde;
	struct demo_period periods[3];
	struct demo_event events[24];
	struct demo_party parties[8];
	/* An art. 5 deviation when reason is set. */
	struct { enum tl_code code; int day; const char *reason; } deviation;
};

#define EV(kind, day, by) { TL_EV_##kind, day, by }
#define TEAM(from)                                                    \
	{ U_WERKGEVER, ROLE_WERKGEVER, from, OPEN },                  \
	{ U_BEDRIJFSARTS, ROLE_BEDRIJFSARTS, from + 1, OPEN }

static const struct demo_case demo_cases[] = {
	{ /* Week 3, work accident: the sick report is done, nothing due yet. */
	  .employee = U_DAAN, .started = 16,
	  .phone = "06-41523687", .address = "Haagweg 112, 4814 GC Breda",
	  .duur = "ongeveer 4 weken",
	  .afspraken = "Het groenonderhoud in Haagse Beemden is overgedragen aan een collega; "
		       "Daan belt elke maandag even met zijn ploegleider.",
	  .arbeidsongeval = 1,
	  .periods = { { 0, OPEN, 100 } },
	  .events = { EV(ZIEKMELDING_ARBODIENST, 1, U_WERKGEVER) },
	  .parties = { { U_DAAN, ROLE_WERKNEMER, 0, OPEN }, TEAM(0) } },

	{ /* Week 7 without probleemanalyse: overdue since the end of week 6. */
	  .employee = U_YUSUF, .started = 44,
	  .phone = "06-28374615", .address = "Teteringsedijk 40, 4817 MB Breda",
	  .duur = "onbekend",
	  .afspraken = "Geen lopende afspraken; rooster van de buitendienst aangepast.",
	  .periods = { { 0, OPEN, 100 } },
	  .events = { EV(ZIEKMELDING_ARBODIENST, 2, U_WERKGEVER) },
	  .parties = { { U_YUSUF, ROLE_WERKNEMER, 0, OPEN }, TEAM(0) } },

	{ /* Week 40, back at 50% since week 17; the casemanager changed. */
	  .employee = U_INGRID, .started = 275,
	  .phone = "06-19283746", .address = "Ginnekenweg 7, 4818 JA Breda",
	  .duur = "langer dan 3 maanden",
	  .afspraken = "Werkt halve dagen op de administratie van de werf.",
	  .periods = { { 0, 111, 100 }, { 112, OPEN, 50 } },
	  .events = { EV(ZIEKMELDING_ARBODIENST, 1, U_ANOUK), EV(PROBLEEMANALYSE, 38, U_BEDRIJFSARTS),
		      EV(PLAN_VAN_AANPAK, 50, U_ANOUK), EV(VOORTGANGSGESPREK, 92, U_ANOUK),
		      EV(VOORTGANGSGESPREK, 134, U_ANOUK), EV(VOORTGANGSGESPREK, 176, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 218, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 260, U_WERKGEVER) },
	  .parties = { { U_INGRID, ROLE_WERKNEMER, 0, OPEN },
		       { U_ANOUK, ROLE_WERKGEVER, 0, 160 },
		       { U_WERKGEVER, ROLE_WERKGEVER, 161, OPEN },
		       { U_BEDRIJFSARTS, ROLE_BEDRIJFSARTS, 1, OPEN } } },

	{ /* Week 50: return to the own job is unlikely, orientation on the
	   * second track started in year 1; the first-year evaluation is
	   * postponed under art. 5 until the labour expert has reported. */
	  .employee = U_WERKNEMER, .started = 345,
	  .phone = "06-55512340", .address = "Nieuwe Ginnekenstraat 21, 4811 NP Breda",
	  .duur = "langer dan 6 maanden",
	  .afspraken = "Arbeidsdeskundig onderzoek gepland; loopbaanoriëntatie bij De Brug loopt.",
	  .vangnet = 1,
	  .periods = { { 0, OPEN, 100 } },
	  .events = { EV(ZIEKMELDING_ARBODIENST, 2, U_WERKGEVER),
		      EV(PROBLEEMANALYSE, 36, U_BEDRIJFSARTS), EV(PLAN_VAN_AANPAK, 48, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 88, U_WERKGEVER), EV(VOORTGANGSGESPREK, 130, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 172, U_WERKGEVER),
		      EV(TERUGKEER_ONWAARSCHIJNLIJK, 200, U_BEDRIJFSARTS),
		      EV(VOORTGANGSGESPREK, 214, U_WERKGEVER), EV(VOORTGANGSGESPREK, 256, U_WERKGEVER),
		      EV(MELDING_UWV, 290, U_WERKGEVER), EV(VOORTGANGSGESPREK, 298, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 340, U_WERKGEVER) },
	  .parties = { { U_WERKNEMER, ROLE_WERKNEMER, 0, OPEN }, TEAM(0),
		       { U_ARBEIDSDESKUNDIGE, ROLE_ARBEIDSDESKUNDIGE, 210, OPEN },
		       { U_COACH, ROLE_REINTEGRATIEPROFESSIONAL, 230, OPEN } },
	  .deviation = { TL_EERSTEJAARSEVALUATIE, 7 * 52 - 1 + 21,
			 "Werkgever en werknemer houden de eerstejaarsevaluatie na het "
			 "arbeidsdeskundig onderzoek, zodat de uitkomst daarvan kan worden "
			 "meegenomen." } },

	{ /* Week 90: second track running, proefplaatsing in the network; the
	   * re-integratieverslag is due at the end of week 91. */
	  .employee = U_KEES, .started = 625,
	  .phone = "06-33445566", .address = "Baliëndijk 3, 4816 GA Breda",
	  .duur = "langer dan 6 maanden",
	  .afspraken = "Proefplaatsing bij Bouwbedrijf Van Gils, 24 uur per week.",
	  .periods = { { 0, OPEN, 100 } },
	  .events = { EV(ZIEKMELDING_ARBODIENST, 1, U_WERKGEVER),
		      EV(PROBLEEMANALYSE, 40, U_BEDRIJFSARTS), EV(PLAN_VAN_AANPAK, 53, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 95, U_WERKGEVER), EV(VOORTGANGSGESPREK, 137, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 179, U_WERKGEVER), EV(VOORTGANGSGESPREK, 221, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 263, U_WERKGEVER), EV(MELDING_UWV, 292, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 305, U_WERKGEVER), EV(VOORTGANGSGESPREK, 347, U_WERKGEVER),
		      EV(EERSTEJAARSEVALUATIE, 360, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 389, U_WERKGEVER), EV(START_TWEEDE_SPOOR, 395, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 431, U_WERKGEVER), EV(VOORTGANGSGESPREK, 473, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 515, U_WERKGEVER), EV(VOORTGANGSGESPREK, 557, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 599, U_WERKGEVER) },
	  .parties = { { U_KEES, ROLE_WERKNEMER, 0, OPEN }, TEAM(0),
		       { U_ARBEIDSDESKUNDIGE, ROLE_ARBEIDSDESKUNDIGE, 330, OPEN },
		       { U_COACH, ROLE_REINTEGRATIEPROFESSIONAL, 380, OPEN },
		       { U_NETWERK, ROLE_NETWERKWERKGEVER, 565, OPEN } } },

	{ /* Recovered after 12 days: the clock stands still for four weeks. */
	  .employee = U_NAIMA, .started = 24,
	  .phone = "06-77889900", .address = "Boeimeersingel 15, 4811 CX Breda",
	  .duur = "1 week", .afspraken = "Geen.",
	  .periods = { { 0, 11, 100 } },
	  .events = { EV(ZIEKMELDING_ARBODIENST, 1, U_WERKGEVER) },
	  .parties = { { U_NAIMA, ROLE_WERKNEMER, 0, OPEN }, TEAM(0) } },

	{ /* A relapse after 20 days of recovery: one case (samentelling), and
	   * every later deadline moves 20 days. A third party is liable. */
	  .employee = U_TOM, .started = 120,
	  .phone = "06-12121212", .address = "Claudius Prinsenlaan 88, 4811 DK Breda",
	  .duur = "2 tot 3 maanden",
	  .afspraken = "De aansprakelijke partij is aangeschreven; zijn route wordt gereden door "
		       "de invalploeg.",
	  .derde = 1, .corrected = 1,
	  .periods = { { 0, 34, 100 }, { 55, OPEN, 100 } },
	  .events = { EV(ZIEKMELDING_ARBODIENST, 1, U_WERKGEVER),
		      EV(PROBLEEMANALYSE, 30, U_BEDRIJFSARTS), EV(PLAN_VAN_AANPAK, 60, U_WERKGEVER),
		      EV(VOORTGANGSGESPREK, 100, U_WERKGEVER) },
	  .parties = { { U_TOM, ROLE_WERKNEMER, 0, OPEN }, TEAM(0) } },
};

#define NCASES (sizeof demo_cases / sizeof demo_cases[0])

static int seed_people(struct store *st, int64_t org_ids[O__COUNT], int64_t user_ids[U__COUNT],
		       struct sw_error *err)
{
	for (int i = 0; i < O__COUNT; i++) {
		struct store_org o = { .name = demo_orgs[i].name, .kind = demo_orgs[i].kind };
		if (store_org_insert(st, &o, &org_ids[i], err) != 0)
			return -1;
	}
	user_ids[U_NONE] = 0;
	for (int i = U_NONE + 1; i < U__COUNT; i++) {
		struct store_user u = {
			.email = demo_users[i].email,
			.name = demo_users[i].name,
			.organisation_id = demo_users[i].org == NO_ORG ? 0 : org_ids[demo_users[i].org],
		};
		/* A hash per user: each gets its own salt, as real accounts do. */
		char hash[CRYPTO_PWHASH_STRLEN];
		if (crypto_password_hash(DEMO_PASSWORD, hash) != 0)
			return sw_error_set(err, SW_EINTERNAL, "", "out of memory hashing a password");
		u.password_hash = hash;
		if (store_user_insert(st, &u, &user_ids[i], err) != 0)
			return -1;
	}
	return store_user_set_beheerder(st, user_ids[U_BEHEERDER], 1, err);
}

/* ---- the organisation side: departments, register, roles ------------------- */

enum { D_GROEN, D_WEGEN, D_REINIGING, D_KANTOOR, D__COUNT };
static const char *const demo_departments[D__COUNT] = { "Groen", "Wegen", "Reiniging",
							 "Kantoor" };

/* The register of the works company: every account of it and three people
 * without one; since days before today, contract and norm hours (36 a
 * week is full time there). The leidinggevende manages the Groen team. */
static const struct demo_person {
	int user;                        /* U_NONE: no account */
	const char *number, *name, *birth;
	int dept, manager;               /* manager: a user, U_NONE */
	int since;
	double hours;
} demo_persons[] = {
	{ U_WERKNEMER, "1001", "Sanne de Vries", "1986-05-12", D_KANTOOR, U_NONE, 2900, 28.8 },
	{ U_WERKGEVER, "1002", "Mark Janssens", "1974-11-03", D_KANTOOR, U_NONE, 4100, 36 },
	{ U_DAAN, "1003", "Daan Bakker", "1991-02-21", D_GROEN, U_LEIDINGGEVENDE, 1500, 36 },
	{ U_YUSUF, "1004", "Yusuf Kaya", "1983-08-30", D_REINIGING, U_NONE, 800, 36 },
	{ U_INGRID, "1005", "Ingrid Hendriks", "1969-03-17", D_KANTOOR, U_NONE, 3300, 18 },
	{ U_KEES, "1006", "Kees Mulder", "1971-09-14", D_WEGEN, U_NONE, 5200, 36 },
	{ U_NAIMA, "1007", "Naima Bouzid", "1994-07-08", D_GROEN, U_LEIDINGGEVENDE, 700, 21.6 },
	{ U_TOM, "1008", "Tom Willems", "1988-12-01", D_WEGEN, U_NONE, 2100, 32.4 },
	{ U_ANOUK, "1009", "Anouk Smit", "1990-04-25", D_GROEN, U_LEIDINGGEVENDE, 1900, 28.8 },
	{ U_LEIDINGGEVENDE, "1010", "Rob Verbeek", "1977-06-19", D_GROEN, U_NONE, 3600, 36 },
	{ U_HR_ANALIST, "1011", "Esther Claassen", "1985-10-10", D_KANTOOR, U_NONE, 1200, 28.8 },
	{ U_CASEMANAGER2, "1012", "Linda Aerts", "1980-01-29", D_KANTOOR, U_NONE, 2400, 32.4 },
	{ U_ORGBEHEERDER, "1013", "Bas Hoeks", "1982-09-05", D_KANTOOR, U_NONE, 2000, 36 },
	{ U_NONE, "1014", "Joris van Dongen", "1996-03-14", D_GROEN, U_LEIDINGGEVENDE, 400, 36 },
	{ U_NONE, "1015", "Fenna Oerlemans", "1979-08-22", D_REINIGING, U_NONE, 3000, 24 },
	{ U_NONE, "1016", "Mehmet Özdemir", "1987-12-30", D_WEGEN, U_NONE, 1100, 36 },
};

struct demo_register {
	int64_t person[U__COUNT];        /* by user; 0: not in the register */
	int64_t employment[U__COUNT];
};

static int seed_register(struct store *st, sw_date today, const int64_t org_ids[O__COUNT],
			 const int64_t user_ids[U__COUNT], struct demo_register *reg,
			 struct sw_error *err)
{
	const int64_t org = org_ids[O_WERKGEVER];
	int64_t dept[D__COUNT], id;
	memset(reg, 0, sizeof *reg);
	for (int i = 0; i < D__COUNT; i++)
		if (store_department_insert(st, org, demo_departments[i], &dept[i], err) != 0)
			return -1;
	/* Managers first: the leidinggevende is listed after his team. */
	for (int pass = 0; pass < 2; pass++) {
		for (size_t i = 0; i < sizeof demo_persons / sizeof demo_persons[0]; i++) {
			const struct demo_person *d = &demo_persons[i];
			if ((d->manager == U_NONE) != (pass == 0))
				continue;
			struct store_person p = {
				.organisation_id = org, .personnel_number = d->number, .name = d->name,
				.department_id = dept[d->dept],
				.manager_id = d->manager != U_NONE ? reg->person[d->manager] : 0,
				.email = d->user != U_NONE ? demo_users[d->user].email : NULL,
				.user_id = d->user != U_NONE ? user_ids[d->user] : 0,
			};
			date_parse(d->birth, &p.birth_date);
			const struct store_employment e = {
				.organisation_id = org, .from = today - d->since, .until = DATE_NONE,
				.contract_hours = d->hours, .norm_hours = 36,
			};
			struct store_employment pe = e;
			int64_t pid, eid;
			if (store_person_insert(st, &p, &pid, err) != 0)
				return -1;
			pe.person_id = pid;
			if (store_employment_insert(st, &pe, &eid, err) != 0)
				return -1;
			if (d->user != U_NONE) {
				reg->person[d->user] = pid;
				reg->employment[d->user] = eid;
			}
		}
	}
	/* Mark is the casemanager of all; Linda of Reiniging only. */
	static const struct { int user; unsigned roles; int dept; } roles[] = {
		{ U_WERKGEVER, ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER), -1 },
		{ U_CASEMANAGER2, ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER), D_REINIGING },
		{ U_LEIDINGGEVENDE, ORG_ROLE_BIT(ORG_ROLE_LEIDINGGEVENDE), -1 },
		{ U_HR_ANALIST, ORG_ROLE_BIT(ORG_ROLE_HR_ANALIST), -1 },
		{ U_ORGBEHEERDER, ORG_ROLE_BIT(ORG_ROLE_BEHEERDER), -1 },
	};
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		id = roles[i].dept >= 0 ? dept[roles[i].dept] : 0;
		if (store_org_roles_set(st, user_ids[roles[i].user], org, roles[i].roles, &id,
					roles[i].dept >= 0 ? 1 : 0, user_ids[U_BEHEERDER], err) != 0)
			return -1;
	}
	return 0;
}

/* The demo periods as the sickness mutations that give them: a report, a
 * lower percentage as a partial recovery, a higher one as a change, a
 * closed period as a full recovery unless the next one follows on. */
static int seed_sickness(struct store *st, const struct demo_case *dc, int64_t case_id,
			 sw_date start, sw_date today, int64_t by, struct sw_error *err)
{
	int64_t id, first = 0;
	const struct demo_period *p = dc->periods;
	for (size_t i = 0; p[i].percent != 0; i++) {
		const int adjacent = i > 0 && p[i - 1].to != OPEN && p[i].from == p[i - 1].to + 1;
		struct store_sickness s = {
			.case_id = case_id, .source = "portal", .recorded_by = by,
			.recorded_role = "casemanager",
			.m = { .kind = !adjacent ? SICK_ZIEKMELDING
				       : p[i].percent < p[i - 1].percent ? SICK_HERSTEL : SICK_WIJZIGING,
			       .action = SICK_NIEUW, .date = start + p[i].from,
			       .percent_bp = p[i].percent * 100, .expected_recovery = DATE_NONE },
		};
		if (i == 0 && dc->corrected)
			s.m.date++;
		if (store_sickness_record(st, &s, today, &id, NULL, err) != 0)
			return -1;
		if (i == 0)
			first = id;
		if (i == 0 && dc->corrected) {
			s.m.action = SICK_CORRECTIE;
			s.m.ref_id = first;
			s.m.date = start + p[i].from;
			s.reason = "De eerste ziektedag was een dag eerder: Tom meldde zich op "
				   "vrijdagavond ziek.";
			if (store_sickness_record(st, &s, today, &id, NULL, err) != 0)
				return -1;
		}
		const int next_adjacent = p[i + 1].percent != 0 && p[i].to != OPEN &&
					  p[i + 1].from == p[i].to + 1;
		if (p[i].to == OPEN || next_adjacent)
			continue;
		s.m = (struct sick_mutation){ .kind = SICK_HERSTEL, .action = SICK_NIEUW,
					      .date = start + p[i].to + 1,
					      .expected_recovery = DATE_NONE };
		s.reason = NULL;
		if (store_sickness_record(st, &s, today, &id, NULL, err) != 0)
			return -1;
	}
	return 0;
}

/* Everything of one demo case after its row: history and parties. */
static int seed_history(struct store *st, const struct demo_case *dc, int64_t case_id,
			sw_date start, sw_date today, const int64_t user_ids[U__COUNT],
			struct sw_error *err)
{
	int64_t id;
	for (const struct demo_party *p = dc->parties; p->user != U_NONE; p++) {
		struct store_participation sp = {
			.case_id = case_id, .user_id = user_ids[p->user], .role = p->role,
			.from = start + p->from, .until = p->until == OPEN ? DATE_NONE : start + p->until,
		};
		if (store_participation_insert(st, &sp, &id, err) != 0)
			return -1;
	}
	if (seed_sickness(st, dc, case_id, start, today, user_ids[U_WERKGEVER], err) != 0)
		return -1;
	for (const struct demo_event *e = dc->events; e->by != U_NONE; e++) {
		struct store_event se = {
			.case_id = case_id, .kind = e->kind, .date = start + e->day,
			.created_by = user_ids[e->by],
		};
		if (store_event_insert(st, &se, &id, err) != 0)
			return -1;
	}
	if (dc->deviation.reason != NULL) {
		struct store_deviation sd = {
			.case_id = case_id, .code = dc->deviation.code,
			.agreed_due = start + dc->deviation.day,
			.agreed_by_werkgever = user_ids[U_WERKGEVER],
			.agreed_by_werknemer = user_ids[dc->employee],
			.reason = dc->deviation.reason,
		};
		if (store_deviation_insert(st, &sd, &id, err) != 0)
			return -1;
	}
	return 0;
}

/* ---- the dossier: documents of two cases ----------------------------------- */

/* Content is JSON in which "$N" stands for the date N days after the case's
 * first sick day. answer: 1 agreed, -1 not agreed, 0 no answer; on day
 * answer_day. */
struct demo_version { int day; const char *content; int answer, answer_day; };
struct demo_doc {
	int employee;                    /* the case, by its employee */
	enum doc_type type;
	int by;
	enum role role;
	struct demo_version v[2];        /* content NULL ends it */
};

#define PVA_FIELDS                                                                        \
	"\"evaluatiemomenten\":\"Elke zes weken een voortgangsgesprek; eerstejaarsevaluatie in " \
	"week 52.\",\"casemanager\":\"Mark Janssens\","

static const struct demo_doc demo_docs[] = {
	/* Sanne: the orientation on the second track has begun. */
	{ U_WERKNEMER, DOC_INTERVENTIE, U_COACH, ROLE_REINTEGRATIEPROFESSIONAL,
	  { { 238, "{\"datum\":\"$238\",\"soort\":\"loopbaanorientatie\",\"aanbieder\":"
		   "\"Re-integratiebureau De Brug\",\"startdatum\":\"$240\",\"status\":\"lopend\"}",
	      0, 0 } } },
	/* Kees, week 90: the dossier for the re-integratieverslag, with the
	 * employee's own opinion still missing and an actueel oordeel that
	 * will be too old at the WIA application. */
	{ U_KEES, DOC_ADMINISTRATIEF, U_WERKGEVER, ROLE_WERKGEVER,
	  { { 30, "{\"datum\":\"$30\",\"werknemer_naam\":\"Kees Mulder\","
		  "\"werknemer_geboortedatum\":\"1971-09-14\",\"werknemer_adres\":"
		  "\"Baliëndijk 3, 4816 GA Breda\",\"werkgever_naam\":\"Gemeentewerken Breda BV\","
		  "\"bedrijfsarts_naam\":\"Fatima El Amrani\",\"arbodienst\":"
		  "\"Arbodienst West-Brabant\",\"aard_bedrijf\":\"Gemeentelijk werkbedrijf: groen, "
		  "wegen en reiniging.\",\"functie\":\"Stratenmaker, 36 uur per week.\","
		  "\"uren_per_week\":\"36\",\"vaardigheden\":\"Vakmanschap in bestrating, "
		  "rijbewijs C, leidt een ploeg van drie.\"}", 0, 0 } } },
	{ U_KEES, DOC_PROBLEEMANALYSE, U_BEDRIJFSARTS, ROLE_BEDRIJFSARTS,
	  { { 40, "{\"datum\":\"$40\",\"beperkingen\":\"Niet knielen, niet zwaar tillen, "
		  "beperkt in langdurig staan.\",\"mogelijkheden\":\"Licht fysiek werk, afwisselend "
		  "zitten en staan, tot 4 uur per dag.\",\"verwachte_duur\":\"langer_dan_6_maanden\","
		  "\"verwachting_terugkeer\":\"onbekend\",\"advies\":\"Opbouw in aangepast werk; "
		  "over drie maanden opnieuw beoordelen.\"}", 0, 0 } } },
	{ U_KEES, DOC_PLAN_VAN_AANPAK, U_WERKGEVER, ROLE_WERKGEVER,
	  { { 50, "{\"datum\":\"$50\",\"doel\":\"Terugkeer in aangepast eigen werk.\","
		  "\"spoor\":\"spoor_1\",\"activiteiten\":\"Opbouw in de werkvoorbereiding, "
		  "twee ochtenden per week.\",\"termijnen\":\"Binnen 12 weken 16 uur.\"," PVA_FIELDS
		  "\"visie_werkgever\":\"Aangepast werk is mogelijk.\",\"visie_werknemer\":"
		  "\"Ik wil graag bij de ploeg blijven.\"}", 1, 53 },
	    { 375, "{\"datum\":\"$375\",\"doel\":\"Passend werk bij een andere werkgever.\","
		   "\"spoor\":\"beide\",\"activiteiten\":\"Trajectplan bij De Brug, "
		   "loopbaanoriëntatie, proefplaatsing in het netwerk.\",\"termijnen\":\"Start "
		   "tweede spoor binnen zes weken.\"," PVA_FIELDS "\"visie_werkgever\":\"Eigen werk "
		   "is niet meer haalbaar.\",\"visie_werknemer\":\"Ik sta open voor ander werk "
		   "buiten de bestrating.\",\"aanleiding_bijstelling\":\"De eerstejaarsevaluatie "
		   "kiest beide sporen en het arbeidsdeskundig onderzoek wijst naar werk elders.\"}", 1, 378 } } },
	{ U_KEES, DOC_EERSTEJAARSEVALUATIE, U_WERKGEVER, ROLE_WERKGEVER,
	  { { 360, "{\"datum\":\"$360\",\"evaluatie\":\"Aangepast eigen werk lukt niet "
		   "duurzaam.\",\"gekozen_spoor\":\"beide\",\"beoogd_resultaat\":\"Passend werk, "
		   "bij voorkeur via detachering in het netwerk.\"}", 1, 362 } } },
	{ U_KEES, DOC_ARBEIDSDESKUNDIG_ONDERZOEK, U_ARBEIDSDESKUNDIGE, ROLE_ARBEIDSDESKUNDIGE,
	  { { 372, "{\"datum\":\"$372\",\"vraagstelling\":\"Is er passend werk bij de eigen "
		   "werkgever?\",\"bevindingen\":\"De functies in de buitendienst vragen te veel "
		   "knielen en tillen.\",\"conclusie\":\"werk_elders\",\"advies\":\"Tweede spoor: "
		   "werkvoorbereiding of planning bij een andere werkgever.\"}", 0, 0 } } },
	{ U_KEES, DOC_TRAJECTPLAN, U_COACH, ROLE_REINTEGRATIEPROFESSIONAL,
	  { { 390, "{\"datum\":\"$390\",\"intakedatum\":\"$385\",\"startdatum\":\"$395\","
		   "\"doel\":\"Een passende baan als werkvoorbereider of planner.\",\"activiteiten\":"
		   "\"Loopbaanoriëntatie, sollicitatietraining, proefplaatsing.\"}", 0, 0 } } },
	{ U_KEES, DOC_ZOEKPROFIEL, U_COACH, ROLE_REINTEGRATIEPROFESSIONAL,
	  { { 420, "{\"datum\":\"$420\",\"gewenste_functies\":\"Werkvoorbereider, planner "
		   "buitendienst\",\"capaciteiten\":\"Kent het vak, plant vooruit.\","
		   "\"belastbaarheid\":\"Licht fysiek werk; niet knielen.\",\"uren_per_week\":\"24\","
		   "\"reisafstand_km\":\"30\",\"sector\":\"bouw\"}", 0, 0 } } },
	{ U_KEES, DOC_INTERVENTIE, U_COACH, ROLE_REINTEGRATIEPROFESSIONAL,
	  { { 565, "{\"datum\":\"$565\",\"soort\":\"proefplaatsing\",\"aanbieder\":"
		   "\"Bouwbedrijf Van Gils Etten-Leur\",\"startdatum\":\"$570\",\"status\":"
		   "\"lopend\"}", 0, 0 } } },
	{ U_KEES, DOC_ACTUEEL_OORDEEL, U_BEDRIJFSARTS, ROLE_BEDRIJFSARTS,
	  { { 520, "{\"datum\":\"$520\",\"arbeidsongeschiktheid\":\"gedeeltelijk\","
		   "\"functionele_beperkingen\":\"Niet knielen, niet zwaar tillen.\","
		   "\"mogelijkheden\":\"Licht werk, 24 uur per week.\",\"verwachting_terugkeer\":"
		   "\"onwaarschijnlijk\",\"prognose\":\"Stabiel.\"}", 0, 0 } } },
	{ U_KEES, DOC_WERKRELATIE, U_WERKGEVER, ROLE_WERKGEVER,
	  { { 600, "{\"datum\":\"$600\",\"oordeel\":\"goed\",\"toelichting\":\"Goed "
		   "contact, ook tijdens de proefplaatsing.\"}", 0, 0 } } },
	{ U_KEES, DOC_PASSEND_WERK, U_WERKGEVER, ROLE_WERKGEVER,
	  { { 600, "{\"datum\":\"$600\",\"oordeel\":\"geen\",\"onderzochte_functies\":"
		   "\"Werkvoorbereider, magazijnbeheer\",\"toelichting\":\"Geen vacature die past "
		   "bij de belastbaarheid.\"}", 0, 0 } } },
	{ U_KEES, DOC_VOORTGANGSGESPREK, U_WERKGEVER, ROLE_WERKGEVER,
	  { { 615, "{\"datum\":\"$615\",\"deelnemers\":\"Kees Mulder, Mark Janssens, Lotte "
		   "Verhoeven\",\"besproken\":\"Verloop van de proefplaatsing.\",\"afspraken\":"
		   "\"Van Gils beslist binnen vier weken over een dienstverband.\","
		   "\"bijstelling_nodig\":\"nee\"}", 0, 0 } } },
};

#define NDOCS (sizeof demo_docs / sizeof demo_docs[0])

/* content with every "$N" replaced by start + N as YYYY-MM-DD, into out. */
static int expand_dates(const char *content, sw_date start, char *out, size_t outsz)
{
	size_t k = 0;
	for (const char *p = content; *p; p++) {
		char piece[DATE_STRLEN];
		const char *add = piece;
		if (*p == '$') {
			char *end;
			const long n = strtol(p + 1, &end, 10);
			date_format(start + (int)n, piece);
			p = end - 1;
		} else {
			piece[0] = *p;
			piece[1] = '\0';
		}
		const size_t len = strlen(add);
		if (k + len >= outsz)
			return -1;
		memcpy(out + k, add, len);
		k += len;
	}
	out[k] = '\0';
	return 0;
}

/* The values of a demo content, pointing into the JSON object o. */
static size_t demo_values(const json_t *o, struct doc_value *vs, size_t max)
{
	size_t n = 0;
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)o, key, v) {
		if (n == max)
			break;
		vs[n++] = (struct doc_value){ key, json_string_value(v) };
	}
	return n;
}

static int seed_version(struct store *st, const struct demo_doc *dd, const struct demo_version *dv,
			int64_t case_id, int64_t *doc_id, sw_date start, sw_date today,
			const int64_t user_ids[U__COUNT], struct sw_error *err)
{
	char content[2048];
	struct doc_value vs[16];
	if (expand_dates(dv->content, start, content, sizeof content) != 0)
		return sw_error_set(err, SW_EINTERNAL, "seed", "demo document too long");
	json_t *o = json_loads(content, 0, NULL);
	if (o == NULL)
		return sw_error_set(err, SW_EINTERNAL, "seed", "demo document is not JSON");
	const struct store_document_version v = { .values = vs,
						  .nvalues = demo_values(o, vs, 16),
						  .author_id = user_ids[dd->by],
						  .author_role = dd->role };
	const struct doc_ctx ctx = { .rules = rules_for(start), .today = today, .version = 1 };
	int rc, version = 1;
	if (*doc_id == 0) {
		const struct store_document d = { .case_id = case_id, .type = dd->type };
		rc = store_document_insert(st, &d, &v, &ctx, doc_id, err);
	} else {
		rc = store_document_add_version(st, *doc_id, &v, &ctx, &version, err);
	}
	json_decref(o);
	if (rc == 0 && dv->answer != 0)
		rc = store_document_answer(st, *doc_id, version, user_ids[dd->employee], ROLE_WERKNEMER,
					   dv->answer > 0, NULL, start + dv->answer_day, err);
	return rc;
}

/* The demo documents of the case of employee, every version in order. */
static int seed_dossier(struct store *st, int employee, int64_t case_id, sw_date start,
			sw_date today, const int64_t user_ids[U__COUNT], struct sw_error *err)
{
	for (size_t i = 0; i < NDOCS; i++) {
		const struct demo_doc *dd = &demo_docs[i];
		int64_t doc_id = 0;
		if (dd->employee != employee)
			continue;
		for (size_t k = 0; k < 2 && dd->v[k].content != NULL; k++)
			if (seed_version(st, dd, &dd->v[k], case_id, &doc_id, start, today, user_ids,
					 err) != 0)
				return -1;
	}
	return 0;
}

/* Shared decisions on the demo employee's case (week 50, orientation on the
 * second track): one proposed by the labour expert that waits for the
 * employee, and on Kees's case (week 90) one the employee accepted. */
static int seed_decisions(struct store *st, const struct demo_case *dc, int64_t case_id,
			  sw_date today, const int64_t user_ids[U__COUNT], struct sw_error *err)
{
	static struct store_decision_option open_options[] = {
		{ "Nu starten met het tweede spoor",
		  "Je gebruikt de tijd tot week 104 om ander werk te vinden; de oriëntatie loopt al.",
		  "Minder ruimte om eerst het arbeidsdeskundig onderzoek af te wachten." },
		{ "Starten na de eerstejaarsevaluatie",
		  "De uitkomst van het arbeidsdeskundig onderzoek is dan bekend.",
		  "Je verliest ongeveer zes weken zoektijd." },
	};
	static struct store_decision_option done_options[] = {
		{ "Proefplaatsing van een maand bij Bouwbedrijf Van Gils",
		  "Kennismaken met het werk zonder risico voor de nieuwe werkgever.", NULL },
		{ "Eerst een werkervaringsplaats", "Rustiger opbouw van uren.",
		  "Geen zicht op een vaste baan." },
	};
	int64_t id;
	if (dc->employee == U_WERKNEMER) {
		const struct store_decision d = {
			.case_id = case_id, .proposed_by = user_ids[U_ARBEIDSDESKUNDIGE],
			.proposed_role = ROLE_ARBEIDSDESKUNDIGE,
			.question = "Starten we het tweede spoor nu al, vóór de eerstejaarsevaluatie?",
			.options = open_options, .noptions = 2,
		};
		return store_decision_insert(st, &d, &id, err);
	}
	if (dc->employee == U_KEES) {
		const struct store_decision d = {
			.case_id = case_id, .proposed_by = user_ids[U_COACH],
			.proposed_role = ROLE_REINTEGRATIEPROFESSIONAL,
			.question = "Welke plaatsing proberen we eerst?",
			.options = done_options, .noptions = 2,
		};
		const struct store_decision_response yes = {
			.user_id = user_ids[U_KEES], .role = ROLE_WERKNEMER,
			.answer = STORE_DECISION_AKKOORD, .option_index = 0,
			.comment = "Ik wil het graag proberen.",
		};
		const struct store_decision_response boss = {
			.user_id = user_ids[U_WERKGEVER], .role = ROLE_WERKGEVER,
			.answer = STORE_DECISION_AKKOORD, .option_index = 0,
		};
		if (store_decision_insert(st, &d, &id, err) != 0 ||
		    store_decision_respond(st, id, &yes, today - 30, err) != 0 ||
		    store_decision_respond(st, id, &boss, today - 29, err) != 0)
			return -1;
	}
	return 0;
}

static int seed_cases(struct store *st, sw_date today, const int64_t org_ids[O__COUNT],
		      const int64_t user_ids[U__COUNT], const struct demo_register *reg,
		      struct sw_error *err)
{
	for (size_t i = 0; i < NCASES; i++) {
		const struct demo_case *dc = &demo_cases[i];
		struct store_case c = {
			.organisation_id = org_ids[O_WERKGEVER], .person_id = reg->person[dc->employee],
			.employment_id = reg->employment[dc->employee],
			.casemanager_id = user_ids[U_WERKGEVER], .reported_by = user_ids[U_WERKGEVER],
			.reported_role = STORE_REPORTED_CASEMANAGER, .expected_recovery = DATE_NONE,
			.status = STORE_CASE_OPEN, .contact_phone = dc->phone,
			.contact_address = dc->address, .verwachte_duur = dc->duur,
			.lopende_afspraken = dc->afspraken, .vangnet = dc->vangnet,
			.arbeidsongeval = dc->arbeidsongeval, .derde_aansprakelijk = dc->derde,
		};
		int64_t case_id;
		if (store_case_insert(st, &c, &case_id, err) != 0 ||
		    seed_history(st, dc, case_id, today - dc->started, today, user_ids, err) != 0 ||
		    seed_dossier(st, dc->employee, case_id, today - dc->started, today, user_ids,
				 err) != 0 ||
		    store_case_refresh_deadlines(st, case_id, today, err) != 0 ||
		    seed_decisions(st, dc, case_id, today, user_ids, err) != 0)
			return -1;
	}
	return 0;
}

/* ---- the employer network ---- */

/* Levels in category order: concentratie tijdsdruk samenwerken
 * conflicthantering klantcontact omgevingseisen tillen lopen
 * beeldschermwerk zitten staan nachtwerk. */
struct demo_offer {
	int org;
	const char *title, *tasks, *postcode;
	enum match_type type;
	const char *sector;
	int hours_min, hours_max;
	double lat, lon;
	int demands[MATCH_CATEGORY__COUNT];
	unsigned guidance;
	int weeks;
	unsigned instruments;
	const char *skills[4];
	int intent;
};

static const struct demo_offer demo_offers[] = {
	{ O_NETWERK_BOUW, "Medewerker werkvoorbereiding",
	  "Tekeningen en bestellijsten voorbereiden, planning van de ploegen bijhouden, "
	  "leveranciers bellen.", "4871 AB", MATCH_DETACHERING, "bouw", 16, 24, 51.5706, 4.6369,
	  { 2, 1, 2, 1, 1, 0, 0, 1, 3, 3, 0, 0 }, MATCH_GUIDANCE_BEGELEIDING, 26,
	  MATCH_BIT(MATCH_NO_RISKPOLIS), { "planning", "administratie", "office", NULL }, 1 },
	{ O_NETWERK_BOUW, "Magazijnmedewerker bouwmaterialen",
	  "Orders verzamelen en klaarzetten, voorraad tellen, heftruck rijden op het terrein.",
	  "4874 NA", MATCH_PROEFPLAATSING, "bouw", 24, 32, 51.5801, 4.6562,
	  { 1, 2, 1, 0, 0, 2, 3, 3, 0, 0, 2, 0 }, MATCH_GUIDANCE_BEGELEIDING, 8,
	  MATCH_BIT(MATCH_INSTR_PROEFPLAATSING), { "orderpicken", "heftruck", "voorraadbeheer", NULL },
	  0 },
	{ O_NETWERK_ZORG, "Gastvrouw of gastheer restaurant",
	  "Bewoners en bezoekers ontvangen, koffie en lunch serveren, afruimen.", "4901 KH",
	  MATCH_WERKERVARINGSPLAATS, "zorg_welzijn", 12, 20, 51.6450, 4.8597,
	  { 1, 1, 2, 1, 2, 0, 1, 2, 0, 0, 2, 0 },
	  MATCH_GUIDANCE_BEGELEIDING | MATCH_GUIDANCE_JOBCOACH, 13, MATCH_BIT(MATCH_JOBCOACH),
	  { "gastvrijheid", "bediening", NULL }, 0 },
	{ O_NETWERK_ZORG, "Medewerker zorgadministratie",
	  "Cliëntdossiers bijwerken, declaraties controleren, telefoon van de receptie.",
	  "4902 PA", MATCH_VACATURE, "zorg_welzijn", 20, 28, 51.6389, 4.8750,
	  { 2, 2, 2, 1, 2, 0, 0, 0, 3, 3, 0, 0 }, MATCH_GUIDANCE_BEGELEIDING, 0,
	  MATCH_BIT(MATCH_LOONKOSTENSUBSIDIE), { "administratie", "data_invoer", "klantenservice",
						 NULL }, 1 },
	{ O_NETWERK_ZORG, "Planner technische dienst",
	  "Onderhoudsmeldingen inplannen, offertes van aannemers vergelijken, voorraad "
	  "bijhouden.", "4904 SH", MATCH_DETACHERING, "zorg_welzijn", 16, 24, 51.6301, 4.8456,
	  { 2, 1, 2, 1, 1, 0, 0, 1, 3, 3, 1, 0 }, MATCH_GUIDANCE_BEGELEIDING, 26,
	  MATCH_BIT(MATCH_NO_RISKPOLIS), { "planning", "office", "onderhoud", NULL }, 1 },
};

static int seed_offers(struct store *st, const int64_t org_ids[O__COUNT],
		       const int64_t user_ids[U__COUNT], int64_t *ids, struct sw_error *err)
{
	static const struct { int org; const char *risk; int pct; const char *relapse, *contact; }
	conditions[] = {
		{ O_NETWERK_BOUW, "verzendende_werkgever", 50,
		  "Bij terugval meldt de kandidaat zich ziek bij de eigen werkgever; de "
		  "detachering wordt gepauzeerd en na twee weken samen geëvalueerd.",
		  "Erik van Gils" },
		{ O_NETWERK_ZORG, "verzendende_werkgever", 30,
		  "Bij terugval stopt de plaatsing tijdelijk; de jobcoach neemt contact op.",
		  "Marloes de Kok (P&O)" },
	};
	for (size_t i = 0; i < sizeof conditions / sizeof conditions[0]; i++) {
		const struct store_network_conditions c = {
			.organisation_id = org_ids[conditions[i].org],
			.ziekterisico = conditions[i].risk,
			.loonkosten_percentage = conditions[i].pct,
			.bij_terugval = conditions[i].relapse, .intentie_dienstverband = 1,
			.contactpersoon = conditions[i].contact,
		};
		if (store_network_conditions_put(st, &c, err) != 0)
			return -1;
	}
	for (size_t i = 0; i < sizeof demo_offers / sizeof demo_offers[0]; i++) {
		const struct demo_offer *d = &demo_offers[i];
		/* The Zorgcentrum has no demo account: the beheerder entered its
		 * offers on its behalf. */
		struct store_offer o = {
			.organisation_id = org_ids[d->org], .title = d->title, .type = d->type,
			.tasks = d->tasks, .hours_min = d->hours_min, .hours_max = d->hours_max,
			.postcode = d->postcode, .has_coord = 1,
			.lat_e6 = (int32_t)(d->lat * 1e6), .lon_e6 = (int32_t)(d->lon * 1e6),
			.guidance = d->guidance, .duration_weeks = d->weeks,
			.instruments = d->instruments, .intent_to_hire = d->intent, .open = 1,
			.created_by = user_ids[d->org == O_NETWERK_BOUW ? U_NETWERK : U_BEHEERDER],
		};
		memcpy(o.demands, d->demands, sizeof o.demands);
		network_sector_parse(d->sector, &o.sector);
		for (const char *const *sk = d->skills; *sk != NULL; sk++) {
			unsigned id;
			if (network_skill_parse(*sk, &id) == 0)
				o.skills |= 1ull << id;
		}
		if (store_offer_insert(st, &o, &ids[i], err) != 0)
			return -1;
	}
	return 0;
}

/* The spelregels of Kees's proefplaatsing: Van Gils's defaults, four
 * weeks, agreed by his employer, Van Gils and Kees. */
static int seed_spelregels(struct store *st, int64_t entry, const int64_t org_ids[O__COUNT],
			   const int64_t user_ids[U__COUNT], struct sw_error *err)
{
	struct store_arena a = { 0 };
	struct store_network_conditions k;
	if (store_network_conditions_get(st, &a, org_ids[O_NETWERK_BOUW], &k, err) != 0) {
		store_arena_free(&a);
		return -1;
	}
	struct store_spelregels s = {
		.entry_id = entry, .ziekterisico = k.ziekterisico,
		.loonkosten_percentage = k.loonkosten_percentage, .bij_terugval = k.bij_terugval,
		.intentie_dienstverband = k.intentie_dienstverband,
		.contactpersoon = k.contactpersoon, .duur_weken = 4, .updated_by = user_ids[U_COACH],
	};
	int rc = store_spelregels_put(st, &s, err);
	static const struct { int user; enum store_party party; } parties[] = {
		{ U_WERKGEVER, STORE_PARTY_WERKGEVER },
		{ U_NETWERK, STORE_PARTY_NETWERKWERKGEVER },
		{ U_KEES, STORE_PARTY_WERKNEMER },
	};
	for (size_t i = 0; rc == 0 && i < sizeof parties / sizeof parties[0]; i++)
		rc = store_spelregels_agree(st, entry, s.version, parties[i].party,
					    user_ids[parties[i].user], 0, err);
	store_arena_free(&a);
	return rc;
}

/* Kees (case 5) in the second track: his zoekprofiel, his consent to be
 * proposed to the network since the netwerkwerkgever joined (day 565), and
 * the proefplaatsing at Van Gils that the case's afspraken mention. */
static int seed_network(struct store *st, sw_date today, const int64_t org_ids[O__COUNT],
			const int64_t user_ids[U__COUNT], struct sw_error *err)
{
	int64_t offer_ids[sizeof demo_offers / sizeof demo_offers[0]];
	struct store_arena a = { 0 };
	struct store_case_filter f = { .participant_id = user_ids[U_KEES] };
	struct store_case *cases;
	size_t n;
	if (seed_offers(st, org_ids, user_ids, offer_ids, err) != 0 ||
	    store_case_list(st, &a, &f, &cases, &n, err) != 0) {
		store_arena_free(&a);
		return -1;
	}
	const int64_t kees = n > 0 ? cases[0].id : 0;
	store_arena_free(&a);
	int started = -1;
	for (size_t i = 0; i < NCASES; i++)
		if (demo_cases[i].employee == U_KEES)
			started = demo_cases[i].started;
	if (kees == 0 || started < 0)
		return sw_error_set(err, SW_EINTERNAL, "", "demo case of Kees missing");
	const sw_date start = today - started;
	struct store_zoekprofiel z = {
		.case_id = kees,
		.capacities = { 2, 1, 2, 1, 1, 1, 0, 1, 3, 3, 1, 0 },
		.types = MATCH_BIT(MATCH_DETACHERING) | MATCH_BIT(MATCH_PROEFPLAATSING) |
			 MATCH_BIT(MATCH_VACATURE),
		.hours_min = 16, .hours_max = 24, .range_km = 25, .postcode = "4816 GA",
		.has_coord = 1, .lat_e6 = 51597300, .lon_e6 = 4793500,
		.wishes = MATCH_BIT(MATCH_VASTE_WERKTIJDEN) | MATCH_BIT(MATCH_RUSTIGE_WERKPLEK),
		.instruments = MATCH_BIT(MATCH_NO_RISKPOLIS), .birth_year = 1971,
		.beroepsrichting = "administratief",
		.toelichting = "Wil graag in de bouw blijven, maar niet meer buiten werken.",
		.updated_by = user_ids[U_COACH],
	};
	static const char *const skills[] = { "administratie", "planning", "office",
					      "timmeren" };
	for (size_t i = 0; i < sizeof skills / sizeof skills[0]; i++) {
		unsigned id;
		if (network_skill_parse(skills[i], &id) == 0)
			z.skills |= 1ull << id;
	}
	unsigned bouw;
	network_sector_parse("bouw", &bouw);
	z.sectors = 1ull << bouw;
	const struct store_consent k = { .case_id = kees,
					 .kind = STORE_CONSENT_ZOEKPROFIEL_NETWERK,
					 .given_on = start + 560, .revoked_on = DATE_NONE };
	int64_t id, entry;
	const int64_t coach = user_ids[U_COACH];
	if (store_zoekprofiel_put(st, &z, err) != 0 || store_consent_insert(st, &k, &id, err) != 0 ||
	    store_pipeline_propose(st, kees, offer_ids[0], start + 562, coach,
				   ROLE_REINTEGRATIEPROFESSIONAL,
				   "Past bij zijn ervaring in de werkvoorbereiding.", &entry, err) != 0 ||
	    store_pipeline_move(st, entry, NETWORK_KENNISMAKING, start + 570,
				user_ids[U_NETWERK], ROLE_NETWERKWERKGEVER,
				"Spelregels besproken en getekend.", NULL, err) != 0 ||
	    seed_spelregels(st, entry, org_ids, user_ids, err) != 0 ||
	    store_pipeline_move(st, entry, NETWORK_PROEFPLAATSING, start + 590, coach,
				ROLE_REINTEGRATIEPROFESSIONAL, "Start 24 uur per week, vier weken.",
				NULL, err) != 0)
		return -1;
	return 0;
}

/* ---- placement monitoring and absence statistics ----------------------- */

/* T0 of the demo placement as each perspective answered it: scores per
 * factor in monitor_factor order (0: not applicable). */
static const struct {
	int user;
	int perspective;
	int scores[MONITOR_FACTOR__COUNT];
	const char *comment;          /* on passend werk */
} demo_t0[] = {
	{ U_KEES, MONITOR_WERKNEMER, { 4, 4, 3, 4, 5, 3, 0 },
	  "Het sjouwen valt nog zwaar; het plannen van de werkvoorbereiding gaat goed." },
	{ U_NETWERK, MONITOR_WERKGEVER, { 4, 3, 4, 4, 4, 3, 0 },
	  "Kees past goed in het team van de werkvoorbereiding." },
	{ U_ARBEIDSDESKUNDIGE, MONITOR_ARBEIDSDESKUNDIGE, { 4, 3, 3, 4, 4, 3, 0 },
	  "Taken passen binnen de belastbaarheid als tillen boven 15 kg wordt vermeden." },
};

/* Kees Mulder's proefplaatsing at Bouwbedrijf Van Gils in monitoring (the
 * placement his pipeline entry created, 35 days ago): the driegesprek, T0 answered from the three perspectives, a no-show signal
 * and a development goal; the contract ends within two months, which the
 * portal shows as a derived signal. */
static int seed_monitoring(struct store *st, sw_date today, const int64_t org_ids[O__COUNT],
			   const int64_t user_ids[U__COUNT], struct sw_error *err)
{
	(void)org_ids;
	int64_t id;
	struct store_arena a = { 0 };
	struct store_case *cs;
	size_t n;
	const struct store_case_filter f = { .participant_id = user_ids[U_KEES] };
	if (store_case_list(st, &a, &f, &cs, &n, err) != 0 || n == 0) {
		store_arena_free(&a);
		return n == 0 ? sw_error_set(err, SW_EINTERNAL, "", "demo case of Kees missing") : -1;
	}
	const int64_t case_id = cs[0].id;
	struct store_placement *ps;
	if (store_placement_list(st, &a, case_id, &ps, &n, err) != 0) {
		store_arena_free(&a);
		return -1;
	}
	struct store_placement p = { .id = 0 };
	for (size_t i = 0; i < n && p.id == 0; i++)
		if (ps[i].pipeline_entry_id != 0)
			p = ps[i];
	if (p.id == 0) {
		store_arena_free(&a);
		return sw_error_set(err, SW_EINTERNAL, "", "Kees's placement from the pipeline missing");
	}
	/* What the driegesprek settled beyond what the pipeline knew. */
	p.network = "Werkgeversnetwerk West-Brabant";
	p.contract_until = today + 50;
	p.hours_per_week = 24;
	p.capacity_hours = 24;
	const int64_t pid = p.id;
	const sw_date start = p.start;
	const int up = store_placement_update(st, &p, err);
	store_arena_free(&a);
	if (up != 0)
		return -1;
	const struct store_driegesprek d = {
		.placement_id = pid, .held_on = start, .recorded_by = user_ids[U_ARBEIDSDESKUNDIGE],
		.afspraken = "Kees werkt 24 uur in de werkvoorbereiding, niet tillen boven 15 kg. "
			     "Vaste begeleider: de uitvoerder. Na vier weken evalueren we samen.",
	};
	if (store_driegesprek_set(st, &d, err) != 0)
		return -1;
	for (size_t i = 0; i < sizeof demo_t0 / sizeof demo_t0[0]; i++) {
		struct store_answer ans[MONITOR_FACTOR__COUNT];
		for (int k = 0; k < MONITOR_FACTOR__COUNT; k++)
			ans[k] = (struct store_answer){
				.moment = MONITOR_T0, .perspective = demo_t0[i].perspective,
				.factor = k, .score = demo_t0[i].scores[k],
				.comment = k == MONITOR_PASSEND_WERK ? demo_t0[i].comment : NULL,
				.answered_by = user_ids[demo_t0[i].user],
			};
		if (store_answers_insert(st, pid, ans, MONITOR_FACTOR__COUNT, err) != 0)
			return -1;
	}
	const struct monitor_advice adv = monitor_advise(MONITOR_RISK_NIET_VERSCHENEN, today - 5,
							 DATE_NONE);
	const struct store_risk_signal r = {
		.placement_id = pid, .kind = MONITOR_RISK_NIET_VERSCHENEN, .noted_on = today - 5,
		.ends_on = DATE_NONE, .note = "Twee keer niet op tijd op de bouwkeet verschenen.",
		.route = adv.route, .follow_up = adv.follow_up, .resolved_on = DATE_NONE,
		.noted_by = user_ids[U_NETWERK],
	};
	const struct store_goal g = {
		.placement_id = pid, .route = MONITOR_ROUTE_ONTWIKKEL,
		.goal = "Zelfstandig de weekplanning van de werkvoorbereiding maken.", .reached = -1,
		.done_what = "Cursus planning met Excel; wekelijkse terugkoppeling.",
		.done_by = "Uitvoerder en re-integratiecoach",
		.created_by = user_ids[U_ARBEIDSDESKUNDIGE],
	};
	if (store_risk_signal_insert(st, &r, &id, err) != 0 || store_goal_insert(st, &g, &id, err) != 0)
		return -1;
	return 0;
}

/* The demo employee's account marks a seeded database: 1 if it is there,
 * 0 if not, -1 on error. Asked inside the seeding transaction so that two
 * seeders cannot both insert. */
static int already_seeded(struct store *st, struct sw_error *err)
{
	struct store_arena a = { 0 };
	struct store_user u;
	struct sw_error lookup;
	int rc = store_user_get_by_email(st, &a, demo_users[U_WERKNEMER].email, &u, &lookup);
	store_arena_free(&a);
	if (rc == 0)
		return 1;
	if (lookup.code == SW_ENOTFOUND)
		return 0;
	if (err != NULL)
		*err = lookup;
	return -1;
}

int store_seed_demo(struct store *st, sw_date today, struct sw_error *err)
{
	int version;
	if (store_schema_version(st, &version, err) != 0)
		return -1;
	if (version != store_schema_latest())
		return sw_error_set(err, SW_ECONFLICT, "database",
				    "schema is at version %d, not %d: run `spoorwijzer db migrate` first",
				    version, store_schema_latest());

	if (crypto_init() != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "libsodium cannot start");
	struct db *db = st->db;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	int seeded = already_seeded(st, err);
	if (seeded != 0) {
		db_rollback(db);
		return seeded;
	}
	int64_t org_ids[O__COUNT], user_ids[U__COUNT];
	struct demo_register reg;
	if (seed_people(st, org_ids, user_ids, err) != 0 ||
	    seed_register(st, today, org_ids, user_ids, &reg, err) != 0 ||
	    seed_cases(st, today, org_ids, user_ids, &reg, err) != 0 ||
	    seed_network(st, today, org_ids, user_ids, err) != 0 ||
	    seed_monitoring(st, today, org_ids, user_ids, err) != 0) {
		db_rollback(db);
		return -1;
	}
	return db_commit(db, err) == 0 ? 0 : -1;
}

/* Text of the demo's medical note: invented, as everything here. */
static const char demo_medical_note[] =
	"Probleemanalyse, medisch deel: aanhoudende lage rugklachten met uitstraling naar het "
	"rechterbeen na een hernia (L5-S1), conservatief behandeld met fysiotherapie. "
	"Herstel van het eigen werk (zwaar tillen, buitendienst) is onwaarschijnlijk; "
	"lichte administratieve taken zijn op termijn mogelijk.";

int store_seed_demo_medical(struct store *st, const uint8_t key[STORE_MEDICAL_KEY_BYTES],
			    struct sw_error *err)
{
	struct store_arena a = { 0 };
	struct store_user emp, ba;
	struct store_case *cases;
	struct store_medical_note *notes;
	size_t ncases = 0, nnotes = 0;
	int64_t id;
	int rc = -1;
	if (store_user_get_by_email(st, &a, demo_users[U_WERKNEMER].email, &emp, err) != 0 ||
	    store_user_get_by_email(st, &a, demo_users[U_BEDRIJFSARTS].email, &ba, err) != 0)
		goto out;
	const struct store_case_filter f = { .participant_id = emp.id };
	if (store_case_list(st, &a, &f, &cases, &ncases, err) != 0)
		goto out;
	if (ncases == 0) {
		sw_error_set(err, SW_ENOTFOUND, "case_id", "the demo employee has no case");
		goto out;
	}
	if (store_medical_list(st, &a, key, cases[0].id, &notes, &nnotes, err) != 0)
		goto out;
	if (nnotes > 0) {
		rc = 1;
		goto out;
	}
	const struct store_medical_note n = { .case_id = cases[0].id, .author_id = ba.id,
					      .kind = STORE_MEDICAL_PROBLEEMANALYSE,
					      .text = demo_medical_note };
	rc = store_medical_insert(st, key, &n, &id, err);
out:
	store_arena_free(&a);
	return rc;
}
