/* match.h - matching candidates (zoekprofielen) to placement offers of the
 * employer network (DOMAIN.md sections 6 and 8).
 *
 * Limitations are hard constraints: an offer whose demand in any load
 * category exceeds the candidate's capacity is excluded, and so is an offer
 * of an unwanted type, one that needs more hours than the candidate can work,
 * one beyond the travel range, and one of the candidate's own employer (that
 * would be the first track). Every other pair gets a score of 0..100 that is
 * a sum of weighted factors, each of which is reported, so a casemanager or
 * network employer can see why a match is suggested.
 *
 * Pure: no I/O, no allocation, no globals. Candidates and offers are compact
 * fixed-size structs (one cache line or less) so that a top-K query can scan
 * a million of them in a few milliseconds; the caller owns every buffer. */
#ifndef SW_MATCH_H
#define SW_MATCH_H

#include <math.h>
#include <stddef.h>
#include <stdint.h>

#include "error.h"

/* Load categories (belastbaarheid), grouped as the six rubrieken of the
 * Functionele Mogelijkhedenlijst (FML) that bedrijfsartsen and UWV use.
 * Each is a level 0..3: for a candidate the capacity (0 = not at all,
 * 1 = strongly limited, 2 = somewhat limited, 3 = normal), for an offer the
 * demand (0 = none, 1 = light, 2 = moderate, 3 = high). Up to 16 fit in the
 * packed representation; the enum order is the API order. */
enum match_category {
	MATCH_CONCENTRATIE = 0,  /* I   persoonlijk functioneren: attention, memory */
	MATCH_TIJDSDRUK,         /* I   work pace, deadlines, production norms */
	MATCH_SAMENWERKEN,       /* II  sociaal functioneren: working in a team */
	MATCH_CONFLICTHANTERING, /* II  dealing with conflicts, criticism */
	MATCH_KLANTCONTACT,      /* II  customers, patients, the public */
	MATCH_OMGEVINGSEISEN,    /* III noise, heat, cold, dust, vibration */
	MATCH_TILLEN,            /* IV  dynamische handelingen: lifting, carrying */
	MATCH_LOPEN,             /* IV  walking, stairs */
	MATCH_BEELDSCHERMWERK,   /* IV  keyboard and mouse, screen */
	MATCH_ZITTEN,            /* V   statische houdingen: sitting */
	MATCH_STAAN,             /* V   standing */
	MATCH_NACHTWERK,         /* VI  werktijden: night shifts */
	MATCH_CATEGORY__COUNT
};

#define MATCH_LEVEL_MAX 3
/* Capacity not assessed (yet) by the bedrijfsarts. */
#define MATCH_LEVEL_UNKNOWN (-1)

/* Kinds of placement an offer can be (DOMAIN.md section 6). */
enum match_type {
	MATCH_DETACHERING = 0,   /* stays on the old employer's payroll, receiver pays a fee */
	MATCH_PROEFPLAATSING,    /* trial placement, the benefit continues */
	MATCH_WERKERVARINGSPLAATS,
	MATCH_VACATURE,
	MATCH_TYPE__COUNT
};

/* Sets of types, instruments, wishes, factors: bit (1u << value). */
#define MATCH_BIT(v) (1u << (v))
#define MATCH_TYPES_ALL ((1u << MATCH_TYPE__COUNT) - 1)

/* Financial instruments (DOMAIN.md section 8). An offer states the ones the
 * employer expects; a candidate those known to apply to him or her (they
 * depend on benefit status and the doelgroepregister, which the matcher
 * does not decide). Expected but not applicable is flagged, not excluded. */
enum match_instrument {
	MATCH_NO_RISKPOLIS = 0,
	MATCH_LOONKOSTENSUBSIDIE,
	MATCH_LOONDISPENSATIE,
	MATCH_INSTR_PROEFPLAATSING,
	MATCH_JOBCOACH,
	MATCH_WERKPLEKAANPASSING,
	MATCH_INSTRUMENT__COUNT
};

/* Working conditions a candidate wishes and an offer provides. */
enum match_wish {
	MATCH_THUISWERK = 0,
	MATCH_VASTE_WERKTIJDEN,
	MATCH_RUSTIGE_WERKPLEK,
	MATCH_KLEIN_TEAM,
	MATCH_OV_BEREIKBAAR,
	MATCH_GEEN_WEEKENDWERK,
	MATCH_BUITENWERK,
	MATCH_WISH__COUNT
};

/* Guidance an offer provides, a set of these bits. */
#define MATCH_GUIDANCE_BEGELEIDING 1u  /* a fixed contact person at the workplace */
#define MATCH_GUIDANCE_JOBCOACH    2u  /* a (job)coach on the placement */

/* Coordinates are WGS84 degrees; this marks "unknown" in lat and lon. */
#define MATCH_NO_COORD NAN

/* Largest travel range and sector id accepted by the checks. */
#define MATCH_MAX_RANGE_KM 1000
#define MATCH_MAX_HOURS 168
#define MATCH_SECTOR__COUNT 64

/* A candidate's zoekprofiel, packed for scanning. Fill it through
 * match_candidate_init and the setters; the fields are public so the store
 * can copy them, but capacity and unknown keep an invariant (an unknown
 * category holds level 3 in capacity, so the hard check lets it through). */
struct match_candidate {
	uint32_t capacity;     /* 2 bits per category, see match_level_get */
	uint16_t unknown;      /* categories whose capacity is unknown */
	uint8_t types;         /* wanted offer types; 0 = every type */
	uint8_t wishes;        /* MATCH_BIT(match_wish) */
	uint8_t hours_min;     /* hours per week the candidate wants at least */
	uint8_t hours_max;     /* and can work at most (belastbaarheid werktijden) */
	uint16_t range_km;     /* travel range from home */
	float lat, lon;        /* home; MATCH_NO_COORD if unknown */
	uint64_t skills;       /* skill ids 0..63 */
	uint64_t sectors;      /* preferred sector ids 0..63; 0 = no preference */
	int64_t id;
	int64_t employer_id;   /* current employer; 0 = unknown */
	uint8_t instruments;   /* MATCH_BIT(match_instrument) known to apply */
};

/* A placement offer of a network employer, packed for scanning. */
struct match_offer {
	uint32_t demand;       /* 2 bits per category */
	uint8_t type;          /* enum match_type */
	uint8_t hours_min;     /* hours per week the employer needs at least */
	uint8_t hours_max;     /* and offers at most */
	uint8_t sector;        /* sector id 0..63 */
	float lat, lon;        /* workplace; MATCH_NO_COORD if unknown */
	uint64_t skills;       /* skill ids wanted */
	int64_t id;
	int64_t employer_id;   /* offering employer; 0 = unknown */
	uint8_t guidance;      /* MATCH_GUIDANCE_* */
	uint8_t instruments;   /* MATCH_BIT(match_instrument) the employer expects */
	uint8_t features;      /* MATCH_BIT(match_wish) the offer provides */
	uint8_t intent_to_hire; /* 1: employer intends to hire if it goes well */
};

/* Score factors, in the order they are reported. */
enum match_factor_code {
	MATCH_F_AFSTAND = 0,        /* closer is better, relative to the travel range */
	MATCH_F_UREN,               /* offer hours meet the hours the candidate wants */
	MATCH_F_VAARDIGHEDEN,       /* share of the wanted skills the candidate has */
	MATCH_F_SECTOR,             /* offer in a preferred sector */
	MATCH_F_BELASTINGMARGE,     /* headroom between demand and capacity */
	MATCH_F_BELASTBAARHEID_BEKEND, /* capacity known where the offer demands */
	MATCH_F_BEGELEIDING,        /* contact person, jobcoach */
	MATCH_F_INTENTIE,           /* intent to hire */
	MATCH_F_WENSEN,             /* share of the candidate's wishes met */
	MATCH_FACTOR__COUNT
};

/* A versioned weight table: the maximum points of each factor, summing to
 * 100. A new version is a new table entry; results name the version. */
struct match_weights {
	const char *version;
	uint8_t weight[MATCH_FACTOR__COUNT];
};

/* Hard exclusions, a set of these bits; every reason is reported. */
enum match_exclusion {
	MATCH_EX_TYPE = 1u << 0,           /* offer type not wanted */
	MATCH_EX_HOURS = 1u << 1,          /* offer's minimum hours above candidate's maximum */
	MATCH_EX_DISTANCE = 1u << 2,       /* beyond the travel range */
	MATCH_EX_LOAD = 1u << 3,           /* demand above capacity (see over_capacity) */
	MATCH_EX_OWN_EMPLOYER = 1u << 4,   /* first track, not second */
};
#define MATCH_EX__COUNT 5

/* Things an explanation must show even though they do not exclude. */
enum match_flag {
	MATCH_FLAG_CAPACITY_UNKNOWN = 1u << 0, /* demand where capacity is unknown */
	MATCH_FLAG_NO_LOCATION = 1u << 1,      /* distance unknown: factor neutral */
	MATCH_FLAG_INSTRUMENTS = 1u << 2,      /* employer expects an instrument that may not apply */
};
#define MATCH_FLAG__COUNT 3

/* One factor of a score. raw is the fit 0..1000 (per mille); points are
 * hundredths of a point: raw * weight / 10, so at most weight * 100. */
struct match_factor {
	int16_t raw;
	uint8_t weight;
	int16_t points;
};

/* A candidate-offer pair, explained. total is in hundredths of a point
 * (0..10000 for 0..100) and is exactly the sum of the factor points:
 * integers keep the explanation exact and the ranking the same everywhere.
 * An excluded pair has total 0, zero factors and every reason set. */
struct match_result {
	int64_t candidate_id;
	int64_t offer_id;
	size_t index;            /* position in the array a top-K query scanned */
	int32_t total;
	int32_t distance_m;      /* -1 if a location is unknown */
	uint8_t excluded;        /* enum match_exclusion bits; 0 = eligible */
	uint8_t flags;           /* enum match_flag bits */
	uint16_t over_capacity;  /* categories whose demand exceeds capacity */
	uint16_t unknown;        /* categories with demand and unknown capacity */
	uint8_t instruments_unmet; /* expected by the offer, not known to apply */
	const struct match_weights *weights;
	struct match_factor factor[MATCH_FACTOR__COUNT];
};

/* Packed levels: 2 bits per category, category i at bits 2i..2i+1. */
int match_level_get(uint32_t packed, enum match_category cat);
void match_level_set(uint32_t *packed, enum match_category cat, int level);

/* Categories (bit i = category i) where demand exceeds capacity: a SWAR
 * comparison of all lanes at once. */
uint16_t match_levels_exceed(uint32_t demand, uint32_t capacity);

/* Defaults: every capacity unknown, no location, every type wanted, no
 * hours (set them), no preferences. An offer starts without demands. */
void match_candidate_init(struct match_candidate *c);
void match_offer_init(struct match_offer *o);

/* level 0..3 or MATCH_LEVEL_UNKNOWN; returns -1 (and changes nothing) for a
 * bad category or level. Getters return MATCH_LEVEL_UNKNOWN when unknown. */
int match_candidate_set_capacity(struct match_candidate *c, enum match_category cat, int level);
int match_candidate_capacity(const struct match_candidate *c, enum match_category cat);
int match_offer_set_demand(struct match_offer *o, enum match_category cat, int level);
int match_offer_demand(const struct match_offer *o, enum match_category cat);

/* Validation for the API layer: 0, or -1 with err naming the field. */
int match_candidate_check(const struct match_candidate *c, struct sw_error *err);
int match_offer_check(const struct match_offer *o, struct sw_error *err);

/* Great-circle distance on a sphere of radius 6371 km. */
double match_haversine_km(double lat1, double lon1, double lat2, double lon2);

/* Distance candidate-offer in whole metres, -1 if either location is
 * unknown. Ranges are compared in metres, so an offer at exactly the travel
 * range is included whatever the floating-point noise below a metre. */
int32_t match_distance_m(const struct match_candidate *c, const struct match_offer *o);

/* Explains one pair with the current weights: every exclusion reason, or
 * the score and each factor (index is 0). An unknown capacity where the
 * offer demands does not exclude: it is flagged and scores as "at the
 * limit" in belastingmarge and as nothing in belastbaarheid_bekend. */
void match_pair(const struct match_candidate *c, const struct match_offer *o,
		struct match_result *out);

/* The best k eligible offers for a candidate (or candidates for an offer)
 * among n, written best first to out[0..k-1]; returns how many (at most
 * min(k, n)). Order: higher total, then smaller distance (unknown last),
 * then lower id, then lower index. One linear scan with cheap branch-free
 * prefilters and a bounded heap in out itself; no allocation. */
size_t match_top_offers(const struct match_candidate *c, const struct match_offer *offers,
			size_t n, size_t k, struct match_result *out);
size_t match_top_candidates(const struct match_offer *o, const struct match_candidate *cands,
			    size_t n, size_t k, struct match_result *out);

/* Weight tables: the one in force, and a past one by version (NULL if none). */
const struct match_weights *match_weights_current(void);
const struct match_weights *match_weights_find(const char *version);

/* API values (Dutch) and labels. parse returns 0 and sets *out, or -1. */
const char *match_category_name(enum match_category cat);
const char *match_category_label(enum match_category cat);
const char *match_category_rubriek(enum match_category cat);
int match_category_parse(const char *s, enum match_category *out);
const char *match_type_name(enum match_type t);
int match_type_parse(const char *s, enum match_type *out);
const char *match_instrument_name(enum match_instrument i);
int match_instrument_parse(const char *s, enum match_instrument *out);
const char *match_wish_name(enum match_wish w);
int match_wish_parse(const char *s, enum match_wish *out);
const char *match_factor_name(enum match_factor_code f);
/* For a single bit of enum match_exclusion / enum match_flag; "" otherwise. */
const char *match_exclusion_name(unsigned bit);
const char *match_flag_name(unsigned bit);

#endif
