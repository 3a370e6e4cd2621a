/* network.c - vocabularies, pipeline rules and teaser helpers of the
 * employer network (see network.h). */
#include "network.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

static const char *const sector_names[NETWORK_SECTOR__COUNT] = {
	"landbouw", "delfstoffen", "industrie", "energie", "water_afval", "bouw", "handel",
	"vervoer_opslag", "horeca", "informatie_communicatie", "financiele_diensten",
	"onroerend_goed", "specialistische_diensten", "zakelijke_diensten", "openbaar_bestuur",
	"onderwijs", "zorg_welzijn", "cultuur_recreatie", "overige_diensten", "huishoudens",
	"extraterritoriaal",
};

/* Grouped by field of work, eight per group; append only, never reorder:
 * the store keeps skills as bits of these positions. */
static const char *const skill_names[] = {
	/* administratief */
	"administratie", "boekhouding", "klantenservice", "planning", "secretariaat",
	"data_invoer", "archivering", "rapportage",
	/* productie en techniek */
	"machinebediening", "assemblage", "kwaliteitscontrole", "lassen", "onderhoud",
	"elektrotechniek", "timmeren", "schilderen",
	/* zorg en welzijn */
	"persoonlijke_verzorging", "begeleiding", "activiteitenbegeleiding", "huishoudelijke_hulp",
	"medicatie", "gastvrijheid", "observeren", "rapporteren_zorg",
	/* logistiek */
	"orderpicken", "heftruck", "voorraadbeheer", "chauffeur", "inpakken", "expeditie",
	"magazijnbeheer", "koerier",
	/* ICT */
	"programmeren", "systeembeheer", "helpdesk", "testen", "webdesign", "databases",
	"netwerken", "office",
	/* horeca en groen */
	"koken", "bediening", "afwas", "catering", "groenonderhoud", "hovenierswerk", "dierverzorging",
	"tuinbouw",
	/* schoonmaak en facilitair */
	"schoonmaak", "glazenwassen", "facilitair", "receptie", "beveiliging", "postkamer",
	"conciergetaken", "wasserij",
	/* detailhandel en verkoop */
	"kassa", "vakkenvullen", "verkoop", "etaleren", "telefonische_verkoop", "inkoop",
	"webwinkel", "marketing",
};

_Static_assert(NELEM(skill_names) <= 64, "skills are bits of a uint64_t");

static int index_of(const char *const *names, size_t n, const char *s, unsigned *out)
{
	for (size_t i = 0; s != NULL && i < n; i++) {
		if (strcmp(names[i], s) == 0) {
			*out = (unsigned)i;
			return 0;
		}
	}
	return -1;
}

const char *network_sector_name(unsigned id)
{
	return id < NETWORK_SECTOR__COUNT ? sector_names[id] : "";
}

int network_sector_parse(const char *s, unsigned *out)
{
	return index_of(sector_names, NETWORK_SECTOR__COUNT, s, out);
}

unsigned network_skill_count(void)
{
	return (unsigned)NELEM(skill_names);
}

const char *network_skill_name(unsigned id)
{
	return id < NELEM(skill_names) ? skill_names[id] : "";
}

int network_skill_parse(const char *s, unsigned *out)
{
	return index_of(skill_names, NELEM(skill_names), s, out);
}

/* ---- levels ---- */

void network_levels_format(const int levels[MATCH_CATEGORY__COUNT],
			   char out[NETWORK_LEVELS_LEN + 1])
{
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		out[i] = levels[i] >= 0 && levels[i] <= MATCH_LEVEL_MAX ? (char)('0' + levels[i]) : '-';
	out[NETWORK_LEVELS_LEN] = '\0';
}

int network_levels_parse(const char *s, bool allow_unknown, int levels[MATCH_CATEGORY__COUNT])
{
	if (s == NULL || strlen(s) != NETWORK_LEVELS_LEN)
		return -1;
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++) {
		if (s[i] == '-' && allow_unknown)
			levels[i] = MATCH_LEVEL_UNKNOWN;
		else if (s[i] >= '0' && s[i] <= '0' + MATCH_LEVEL_MAX)
			levels[i] = s[i] - '0';
		else
			return -1;
	}
	return 0;
}

/* ---- pipeline ---- */

static const char *const stage_names[NETWORK_STAGE__COUNT] = {
	"voorgesteld", "kennismaking", "proefplaatsing", "detachering", "dienstverband",
	"beeindigd",
};

const char *network_stage_name(enum network_stage s)
{
	return (unsigned)s < NETWORK_STAGE__COUNT ? stage_names[s] : "";
}

int network_stage_parse(const char *s, enum network_stage *out)
{
	unsigned i;
	if (index_of(stage_names, NETWORK_STAGE__COUNT, s, &i) != 0)
		return -1;
	*out = (enum network_stage)i;
	return 0;
}

#define B(s) (1u << (s))

/* Allowed targets per stage: a placement form only after the kennismaking,
 * never back to an earlier one; a dienstverband can only end. */
static const unsigned next_stages[NETWORK_STAGE__COUNT] = {
	[NETWORK_VOORGESTELD] = B(NETWORK_KENNISMAKING) | B(NETWORK_BEEINDIGD),
	[NETWORK_KENNISMAKING] = B(NETWORK_PROEFPLAATSING) | B(NETWORK_DETACHERING) |
				 B(NETWORK_DIENSTVERBAND) | B(NETWORK_BEEINDIGD),
	[NETWORK_PROEFPLAATSING] = B(NETWORK_DETACHERING) | B(NETWORK_DIENSTVERBAND) |
				   B(NETWORK_BEEINDIGD),
	[NETWORK_DETACHERING] = B(NETWORK_DIENSTVERBAND) | B(NETWORK_BEEINDIGD),
	[NETWORK_DIENSTVERBAND] = B(NETWORK_BEEINDIGD),
	[NETWORK_BEEINDIGD] = 0,
};

bool network_transition_ok(enum network_stage from, enum network_stage to)
{
	if ((unsigned)from >= NETWORK_STAGE__COUNT || (unsigned)to >= NETWORK_STAGE__COUNT)
		return false;
	return (next_stages[from] & B(to)) != 0;
}

bool network_stage_is_placement(enum network_stage s)
{
	return s == NETWORK_PROEFPLAATSING || s == NETWORK_DETACHERING ||
	       s == NETWORK_DIENSTVERBAND;
}

/* ---- teaser ---- */

bool network_age_band(int birth_year, sw_date today, char out[8])
{
	int y, m, d;
	out[0] = '\0';
	if (birth_year == 0 || today == DATE_NONE)
		return false;
	date_to_ymd(today, &y, &m, &d);
	/* Without the birthday the age is y - birth_year or one less; the band
	 * uses the larger, which is right for most of the year. */
	const int age = y - birth_year;
	if (age < 14 || age > 80)
		return false;
	const int lo = age / 5 * 5;
	snprintf(out, 8, "%d-%d", lo, lo + 4);
	return true;
}

int network_postcode_digits(const char *postcode, int *digits)
{
	const char *p = postcode;
	if (p == NULL)
		return 0;
	int v = 0;
	for (int i = 0; i < 4; i++, p++) {
		if (!isdigit((unsigned char)*p) || (i == 0 && *p == '0'))
			return 0;
		v = v * 10 + (*p - '0');
	}
	if (*p == ' ')
		p++;
	if (!isalpha((unsigned char)p[0]) || !isalpha((unsigned char)p[1]) || p[2] != '\0')
		return 0;
	*digits = v;
	return 1;
}

bool network_region(const char *postcode, char out[16])
{
	int digits;
	out[0] = '\0';
	if (!network_postcode_digits(postcode, &digits))
		return false;
	snprintf(out, 16, "regio %02d", digits / 100);
	return true;
}

/* ---- figures ---- */

/* start plus months calendar months; the day is clamped to the month. */
static sw_date add_months(sw_date start, int months)
{
	int y, m, d;
	date_to_ymd(start, &y, &m, &d);
	const int k = (m - 1) + months;
	y += k / 12;
	m = k % 12 + 1;
	const int dim = date_days_in_month(y, m);
	return date_from_ymd(y, m, d > dim ? dim : d);
}

bool network_lasted(sw_date start, sw_date end, sw_date today, int months)
{
	if (start == DATE_NONE || today == DATE_NONE || months < 0)
		return false;
	const sw_date until = end != DATE_NONE && end < today ? end : today;
	return add_months(start, months) <= until;
}
