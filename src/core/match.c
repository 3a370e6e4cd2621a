/* match.c - the data of a match: categories and their names, the weight
 * tables, validation, and the explanation of one pair.
 *
 * Choices for missing data (DOMAIN.md section 6 wants limitations respected
 * and every score explained):
 * - Unknown capacity in a category the offer demands does not exclude (the
 *   bedrijfsarts may simply not have assessed it yet, and excluding would
 *   hide most offers from a fresh zoekprofiel) but is flagged "onbekend" and
 *   costs points twice: the load margin counts it as "at the limit", and the
 *   factor belastbaarheid_bekend gives points only for known categories. So
 *   an unknown category always scores below a known one at the limit.
 * - Unknown location (either side): no distance exclusion, the distance
 *   factor is neutral (half its points), flagged.
 * - A preference not stated (no sectors, no wishes, no wanted skills) means
 *   every value fits: full points, nothing to explain away. */
#include "match_int.h"

#include <string.h>

/* Weights, the maximum points per factor (sum 100). match-v1:
 * - vaardigheden 20: whether the candidate can do the tasks at all.
 * - belastingmarge 15: work near the limit of one's capacity is the fragile
 *   balance DOMAIN.md section 7 monitors; headroom makes a placement last.
 * - afstand 15: within the range every offer is possible, but daily travel
 *   weighs on someone who is rebuilding hours.
 * - begeleiding 10, intentie 10: guided work is a success factor (section
 *   7); intent to hire is what makes a trial worth it (section 6: success is
 *   employment, trial months without that intent feel like abuse).
 * - uren 10, sector 10: fit rather than feasibility (hours above the
 *   maximum already exclude).
 * - belastbaarheid_bekend 5, wensen 5: they separate otherwise equal
 *   matches rather than drive the ranking. */
static const struct match_weights weights_table[] = {
	{ "match-v1", {
		[MATCH_F_AFSTAND] = 15,
		[MATCH_F_UREN] = 10,
		[MATCH_F_VAARDIGHEDEN] = 20,
		[MATCH_F_SECTOR] = 10,
		[MATCH_F_BELASTINGMARGE] = 15,
		[MATCH_F_BELASTBAARHEID_BEKEND] = 5,
		[MATCH_F_BEGELEIDING] = 10,
		[MATCH_F_INTENTIE] = 10,
		[MATCH_F_WENSEN] = 5,
	} },
};

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

const struct match_weights *match_weights_current(void)
{
	return &weights_table[NELEM(weights_table) - 1];
}

const struct match_weights *match_weights_find(const char *version)
{
	for (size_t i = 0; version != NULL && i < NELEM(weights_table); i++)
		if (strcmp(weights_table[i].version, version) == 0)
			return &weights_table[i];
	return NULL;
}

/* ---- names ---- */

static const struct {
	const char *name, *label, *rubriek;
} categories[MATCH_CATEGORY__COUNT] = {
	[MATCH_CONCENTRATIE] = { "concentratie", "Concentreren en aandacht verdelen",
		"persoonlijk_functioneren" },
	[MATCH_TIJDSDRUK] = { "tijdsdruk", "Werken onder tijdsdruk, handelingstempo",
		"persoonlijk_functioneren" },
	[MATCH_SAMENWERKEN] = { "samenwerken", "Samenwerken", "sociaal_functioneren" },
	[MATCH_CONFLICTHANTERING] = { "conflicthantering", "Omgaan met conflicten",
		"sociaal_functioneren" },
	[MATCH_KLANTCONTACT] = { "klantcontact", "Klantcontact", "sociaal_functioneren" },
	[MATCH_OMGEVINGSEISEN] = { "omgevingseisen", "Lawaai, hitte, kou, stof, trillingen",
		"fysieke_omgevingseisen" },
	[MATCH_TILLEN] = { "tillen", "Tillen en dragen", "dynamische_handelingen" },
	[MATCH_LOPEN] = { "lopen", "Lopen en traplopen", "dynamische_handelingen" },
	[MATCH_BEELDSCHERMWERK] = { "beeldschermwerk", "Toetsenbord, muis en beeldscherm",
		"dynamische_handelingen" },
	[MATCH_ZITTEN] = { "zitten", "Zitten", "statische_houdingen" },
	[MATCH_STAAN] = { "staan", "Staan", "statische_houdingen" },
	[MATCH_NACHTWERK] = { "nachtwerk", "Nachtdiensten", "werktijden" },
};

static const char *const type_names[MATCH_TYPE__COUNT] = {
	"detachering", "proefplaatsing", "werkervaringsplaats", "vacature",
};

static const char *const instrument_names[MATCH_INSTRUMENT__COUNT] = {
	"no_riskpolis", "loonkostensubsidie", "loondispensatie", "proefplaatsing",
	"jobcoach", "werkplekaanpassing",
};

static const char *const wish_names[MATCH_WISH__COUNT] = {
	"thuiswerk", "vaste_werktijden", "rustige_werkplek", "klein_team",
	"ov_bereikbaar", "geen_weekendwerk", "buitenwerk",
};

static const char *const factor_names[MATCH_FACTOR__COUNT] = {
	"afstand", "uren", "vaardigheden", "sector", "belastingmarge",
	"belastbaarheid_bekend", "begeleiding", "intentie", "wensen",
};

static const char *const exclusion_names[MATCH_EX__COUNT] = {
	"soort_niet_gewenst", "uren_te_hoog", "buiten_reisafstand",
	"boven_belastbaarheid", "eigen_werkgever",
};

static const char *const flag_names[MATCH_FLAG__COUNT] = {
	"belastbaarheid_onbekend", "locatie_onbekend", "instrument_voorwaarde",
};

static const char *name_of(const char *const *names, size_t n, unsigned v)
{
	return v < n ? names[v] : "";
}

static int index_of(const char *const *names, size_t n, const char *s)
{
	for (size_t i = 0; s != NULL && i < n; i++)
		if (strcmp(names[i], s) == 0)
			return (int)i;
	return -1;
}

/* Position of the only set bit, or -1. */
static int single_bit(unsigned bit)
{
	if (bit == 0 || (bit & (bit - 1)) != 0)
		return -1;
	return __builtin_ctz(bit);
}

const char *match_category_name(enum match_category cat)
{
	return (unsigned)cat < MATCH_CATEGORY__COUNT ? categories[cat].name : "";
}

const char *match_category_label(enum match_category cat)
{
	return (unsigned)cat < MATCH_CATEGORY__COUNT ? categories[cat].label : "";
}

const char *match_category_rubriek(enum match_category cat)
{
	return (unsigned)cat < MATCH_CATEGORY__COUNT ? categories[cat].rubriek : "";
}

int match_category_parse(const char *s, enum match_category *out)
{
	for (int i = 0; s != NULL && i < MATCH_CATEGORY__COUNT; i++) {
		if (strcmp(categories[i].name, s) == 0) {
			*out = (enum match_category)i;
			return 0;
		}
	}
	return -1;
}

#define NAME_FUNCS(fn, type, table)                                        \
	const char *match_##fn##_name(type v)                              \
	{                                                                  \
		return name_of(table, NELEM(table), (unsigned)v);          \
	}                                                                  \
	int match_##fn##_parse(const char *s, type *out)                   \
	{                                                                  \
		const int i = index_of(table, NELEM(table), s);            \
		if (i < 0)                                                 \
			return -1;                                         \
		*out = (type)i;                                            \
		return 0;                                                  \
	}

NAME_FUNCS(type, enum match_type, type_names)
NAME_FUNCS(instrument, enum match_instrument, instrument_names)
NAME_FUNCS(wish, enum match_wish, wish_names)

const char *match_factor_name(enum match_factor_code f)
{
	return name_of(factor_names, NELEM(factor_names), (unsigned)f);
}

const char *match_exclusion_name(unsigned bit)
{
	const int i = single_bit(bit);
	return i < 0 ? "" : name_of(exclusion_names, NELEM(exclusion_names), (unsigned)i);
}

const char *match_flag_name(unsigned bit)
{
	const int i = single_bit(bit);
	return i < 0 ? "" : name_of(flag_names, NELEM(flag_names), (unsigned)i);
}

/* ---- levels ---- */

int match_level_get(uint32_t packed, enum match_category cat)
{
	return (int)((packed >> (2 * ((unsigned)cat & 15))) & 3u);
}

void match_level_set(uint32_t *packed, enum match_category cat, int level)
{
	const unsigned shift = 2 * ((unsigned)cat & 15);
	*packed = (*packed & ~(3u << shift)) | (((uint32_t)level & 3u) << shift);
}

uint16_t match_levels_exceed(uint32_t demand, uint32_t capacity)
{
	return match_lanes_compress(match_lanes_gt(demand, capacity));
}

static int level_ok(enum match_category cat, int level)
{
	return (unsigned)cat < MATCH_CATEGORY__COUNT && level >= 0 && level <= MATCH_LEVEL_MAX;
}

int match_candidate_set_capacity(struct match_candidate *c, enum match_category cat, int level)
{
	if (level == MATCH_LEVEL_UNKNOWN && (unsigned)cat < MATCH_CATEGORY__COUNT) {
		/* Level 3 keeps the SWAR check from excluding on an unknown. */
		match_level_set(&c->capacity, cat, MATCH_LEVEL_MAX);
		c->unknown |= (uint16_t)(1u << cat);
		return 0;
	}
	if (!level_ok(cat, level))
		return -1;
	match_level_set(&c->capacity, cat, level);
	c->unknown &= (uint16_t)~(1u << cat);
	return 0;
}

int match_candidate_capacity(const struct match_candidate *c, enum match_category cat)
{
	if ((unsigned)cat >= MATCH_CATEGORY__COUNT || (c->unknown >> cat) & 1u)
		return MATCH_LEVEL_UNKNOWN;
	return match_level_get(c->capacity, cat);
}

int match_offer_set_demand(struct match_offer *o, enum match_category cat, int level)
{
	if (!level_ok(cat, level))
		return -1;
	match_level_set(&o->demand, cat, level);
	return 0;
}

int match_offer_demand(const struct match_offer *o, enum match_category cat)
{
	return (unsigned)cat < MATCH_CATEGORY__COUNT ? match_level_get(o->demand, cat) : 0;
}

void match_candidate_init(struct match_candidate *c)
{
	memset(c, 0, sizeof *c);
	c->unknown = MATCH_CATEGORIES_ALL;
	c->capacity = MATCH_LEVELS_USED;  /* all 3: see match_candidate_set_capacity */
	c->lat = MATCH_NO_COORD;
	c->lon = MATCH_NO_COORD;
}

void match_offer_init(struct match_offer *o)
{
	memset(o, 0, sizeof *o);
	o->lat = MATCH_NO_COORD;
	o->lon = MATCH_NO_COORD;
}

/* ---- validation ---- */

static int check_coord(float lat, float lon, struct sw_error *err)
{
	if (isnan(lat) && isnan(lon))
		return 0;
	if (isnan(lat) || !(lat >= -90.0f && lat <= 90.0f))
		return sw_error_set(err, SW_EINVAL, "lat", "latitude must be -90..90 (or both unknown)");
	if (isnan(lon) || !(lon >= -180.0f && lon <= 180.0f))
		return sw_error_set(err, SW_EINVAL, "lon", "longitude must be -180..180 (or both unknown)");
	return 0;
}

static int check_hours(unsigned min, unsigned max, struct sw_error *err)
{
	if (max > MATCH_MAX_HOURS)
		return sw_error_set(err, SW_EINVAL, "hours_max", "at most %d hours per week",
				    MATCH_MAX_HOURS);
	if (min > max)
		return sw_error_set(err, SW_EINVAL, "hours_min", "hours_min above hours_max");
	return 0;
}

int match_candidate_check(const struct match_candidate *c, struct sw_error *err)
{
	if ((c->capacity & ~MATCH_LEVELS_USED) != 0 || (c->unknown & ~MATCH_CATEGORIES_ALL) != 0)
		return sw_error_set(err, SW_EINVAL, "capacity", "level of an unknown category");
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		if ((c->unknown >> i) & 1u && match_level_get(c->capacity, (enum match_category)i) != 3)
			return sw_error_set(err, SW_EINVAL, "capacity",
					    "unknown %s not set through match_candidate_set_capacity",
					    categories[i].name);
	if (c->types & ~MATCH_TYPES_ALL)
		return sw_error_set(err, SW_EINVAL, "types", "unknown offer type");
	if (c->wishes >> MATCH_WISH__COUNT)
		return sw_error_set(err, SW_EINVAL, "wishes", "unknown wish");
	if (c->instruments >> MATCH_INSTRUMENT__COUNT)
		return sw_error_set(err, SW_EINVAL, "instruments", "unknown instrument");
	if (c->range_km > MATCH_MAX_RANGE_KM)
		return sw_error_set(err, SW_EINVAL, "range_km", "at most %d km", MATCH_MAX_RANGE_KM);
	if (check_hours(c->hours_min, c->hours_max, err) != 0)
		return -1;
	return check_coord(c->lat, c->lon, err);
}

int match_offer_check(const struct match_offer *o, struct sw_error *err)
{
	if (o->demand & ~MATCH_LEVELS_USED)
		return sw_error_set(err, SW_EINVAL, "demand", "level of an unknown category");
	if (o->type >= MATCH_TYPE__COUNT)
		return sw_error_set(err, SW_EINVAL, "type", "unknown offer type");
	if (o->sector >= MATCH_SECTOR__COUNT)
		return sw_error_set(err, SW_EINVAL, "sector", "sector id must be below %d",
				    MATCH_SECTOR__COUNT);
	if (o->guidance & ~(MATCH_GUIDANCE_BEGELEIDING | MATCH_GUIDANCE_JOBCOACH))
		return sw_error_set(err, SW_EINVAL, "guidance", "unknown guidance");
	if (o->instruments >> MATCH_INSTRUMENT__COUNT)
		return sw_error_set(err, SW_EINVAL, "instruments", "unknown instrument");
	if (o->features >> MATCH_WISH__COUNT)
		return sw_error_set(err, SW_EINVAL, "features", "unknown feature");
	if (o->intent_to_hire > 1)
		return sw_error_set(err, SW_EINVAL, "intent_to_hire", "must be 0 or 1");
	if (check_hours(o->hours_min, o->hours_max, err) != 0)
		return -1;
	return check_coord(o->lat, o->lon, err);
}

/* ---- scoring ---- */

static int popcount(uint64_t x)
{
	return __builtin_popcountll(x);
}

/* Part of a whole in per mille; "nothing asked" counts as a full fit. */
static int permille(int part, int whole)
{
	return whole > 0 ? part * 1000 / whole : 1000;
}

static int raw_distance(const struct match_candidate *c, int32_t distance_m)
{
	if (distance_m < 0)
		return 500;  /* unknown: neutral, flagged */
	const int32_t range_m = (int32_t)c->range_km * 1000;
	if (distance_m >= range_m)
		return distance_m == 0 ? 1000 : 0;
	return (int)((int64_t)(range_m - distance_m) * 1000 / range_m);
}

/* Offer hours overlap the wanted hours: full fit. Below them (the offer
 * has fewer hours than the candidate wants to work): the share offered.
 * Above the candidate's maximum is an exclusion, not a score. */
static int raw_hours(const struct match_candidate *c, const struct match_offer *o)
{
	if (o->hours_max >= c->hours_min)
		return 1000;
	return permille(o->hours_max, c->hours_min);
}

/* Load margin: over the categories the offer demands, the headroom
 * capacity - demand of 0 (at the limit), 1 or 2 levels, as 0, 500 or 1000
 * per mille, averaged; an unknown capacity counts as at the limit. And the
 * share of demanded categories whose capacity is known.
 * For an eligible pair capacity >= demand in every lane (unknown lanes hold
 * 3), so one subtraction yields every lane's headroom without borrows; a
 * demanded lane has demand >= 1, so its headroom is at most 2. */
static void raw_load(const struct match_candidate *c, const struct match_offer *o,
		     int *margin, int *known)
{
	const uint32_t demanded = match_lanes_nonzero(o->demand);
	const uint32_t unknown = demanded & match_lanes_spread(c->unknown);
	const uint32_t counted = demanded & ~unknown;
	const uint32_t headroom = c->capacity - o->demand;
	const int n = popcount(demanded);
	const int sum = popcount(headroom & counted) + 2 * popcount(headroom & (counted << 1));
	*margin = permille(sum, 2 * n);
	*known = permille(n - popcount(unknown), n);
}

/* Every factor but distance, which needs the haversine. */
static void raw_static(const struct match_candidate *c, const struct match_offer *o,
		       int raw[MATCH_FACTOR__COUNT])
{
	raw[MATCH_F_UREN] = raw_hours(c, o);
	raw[MATCH_F_VAARDIGHEDEN] = permille(popcount(c->skills & o->skills), popcount(o->skills));
	raw[MATCH_F_SECTOR] = c->sectors == 0 || ((c->sectors >> (o->sector & 63)) & 1u) ? 1000 : 0;
	raw_load(c, o, &raw[MATCH_F_BELASTINGMARGE], &raw[MATCH_F_BELASTBAARHEID_BEKEND]);
	raw[MATCH_F_BEGELEIDING] = (o->guidance & MATCH_GUIDANCE_BEGELEIDING ? 500 : 0) +
				   (o->guidance & MATCH_GUIDANCE_JOBCOACH ? 500 : 0);
	raw[MATCH_F_INTENTIE] = o->intent_to_hire ? 1000 : 0;
	raw[MATCH_F_WENSEN] = permille(popcount(c->wishes & o->features), popcount(c->wishes));
}

static int points(const struct match_weights *w, enum match_factor_code f, int raw)
{
	return raw * w->weight[f] / 10;
}

int32_t match_points_static(const struct match_weights *w, const struct match_candidate *c,
			    const struct match_offer *o)
{
	int raw[MATCH_FACTOR__COUNT];
	raw_static(c, o, raw);
	int32_t sum = 0;
	for (int f = 0; f < MATCH_FACTOR__COUNT; f++)
		if (f != MATCH_F_AFSTAND)
			sum += points(w, (enum match_factor_code)f, raw[f]);
	return sum;
}

int32_t match_points_distance(const struct match_weights *w, const struct match_candidate *c,
			      int32_t distance_m)
{
	return points(w, MATCH_F_AFSTAND, raw_distance(c, distance_m));
}

void match_fill(const struct match_weights *w, const struct match_candidate *c,
		const struct match_offer *o, int32_t distance_m, struct match_result *r)
{
	int raw[MATCH_FACTOR__COUNT];
	raw_static(c, o, raw);
	raw[MATCH_F_AFSTAND] = raw_distance(c, distance_m);

	r->candidate_id = c->id;
	r->offer_id = o->id;
	r->distance_m = distance_m;
	r->excluded = 0;
	r->over_capacity = 0;
	r->unknown = c->unknown & match_lanes_compress(match_lanes_nonzero(o->demand));
	r->instruments_unmet = (uint8_t)(o->instruments & ~c->instruments);
	r->flags = (uint8_t)((r->unknown ? MATCH_FLAG_CAPACITY_UNKNOWN : 0) |
			     (distance_m < 0 ? MATCH_FLAG_NO_LOCATION : 0) |
			     (r->instruments_unmet ? MATCH_FLAG_INSTRUMENTS : 0));
	r->weights = w;
	r->total = 0;
	for (int f = 0; f < MATCH_FACTOR__COUNT; f++) {
		r->factor[f].raw = (int16_t)raw[f];
		r->factor[f].weight = w->weight[f];
		r->factor[f].points = (int16_t)points(w, (enum match_factor_code)f, raw[f]);
		r->total += r->factor[f].points;
	}
}

void match_pair(const struct match_candidate *c, const struct match_offer *o,
		struct match_result *out)
{
	const struct match_weights *w = match_weights_current();
	const int32_t dist = match_distance_m(c, o);
	unsigned ex = 0;
	if (!match_type_ok(c->types, o->type))
		ex |= MATCH_EX_TYPE;
	if (o->hours_min > c->hours_max)
		ex |= MATCH_EX_HOURS;
	if (dist > (int32_t)c->range_km * 1000)  /* -1 (unknown) never */
		ex |= MATCH_EX_DISTANCE;
	const uint16_t over = match_levels_exceed(o->demand, c->capacity);
	if (over)
		ex |= MATCH_EX_LOAD;
	if (match_own_employer(c->employer_id, o->employer_id))
		ex |= MATCH_EX_OWN_EMPLOYER;

	match_fill(w, c, o, dist, out);
	out->index = 0;
	if (ex == 0)
		return;
	/* Excluded: the reasons and flags stay, there is no score. */
	out->excluded = (uint8_t)ex;
	out->over_capacity = over;
	out->total = 0;
	for (int f = 0; f < MATCH_FACTOR__COUNT; f++) {
		out->factor[f].raw = 0;
		out->factor[f].points = 0;
	}
}
