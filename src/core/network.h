/* network.h - the employer network around the matcher (DOMAIN.md section
 * 6): the vocabularies of sectors and skills that match.h packs into bit
 * sets, the load levels as the store keeps them, the pipeline of a
 * candidate and an offer, the anonymous teaser (age band, region) and what
 * the network figures count as a lasting placement.
 *
 * Pure: no I/O, no allocation, no globals. */
#ifndef SW_NETWORK_H
#define SW_NETWORK_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "match.h"

/* ---- vocabularies ---- */

/* Sectors: the 21 sections A..U of the SBI 2008 (CBS), in that order, so
 * a sector id is the section letter minus 'A'. API value e.g. "bouw". */
#define NETWORK_SECTOR__COUNT 21
const char *network_sector_name(unsigned id);
int network_sector_parse(const char *s, unsigned *out);

/* Skills: a fixed list of at most 64 (one bit each in match.h); ids are
 * positions in the list and never change meaning (the store keeps bits). */
unsigned network_skill_count(void);
const char *network_skill_name(unsigned id);
int network_skill_parse(const char *s, unsigned *out);

/* ---- load levels as text ---- */

/* The store keeps the levels of all categories as one string of
 * MATCH_CATEGORY__COUNT characters in enum order: '0'..'3', or '-' for an
 * unknown capacity (offers have no unknown demand). */
#define NETWORK_LEVELS_LEN MATCH_CATEGORY__COUNT

/* Writes levels[i] (-1 unknown, 0..3) as text into out[LEN + 1]. */
void network_levels_format(const int levels[MATCH_CATEGORY__COUNT],
			   char out[NETWORK_LEVELS_LEN + 1]);
/* Parses such a string; -1 for anything malformed (unknown only where
 * allow_unknown). */
int network_levels_parse(const char *s, bool allow_unknown, int levels[MATCH_CATEGORY__COUNT]);

/* ---- the pipeline of one candidate and one offer ---- */

enum network_stage {
	NETWORK_VOORGESTELD = 0,   /* proposed to the offering employer */
	NETWORK_KENNISMAKING,      /* introductory meeting; spelregels are agreed here */
	NETWORK_PROEFPLAATSING,
	NETWORK_DETACHERING,
	NETWORK_DIENSTVERBAND,
	NETWORK_BEEINDIGD,         /* ended, with a reason */
	NETWORK_STAGE__COUNT
};

/* API values: "voorgesteld", ..., "beeindigd" (ASCII, label "beëindigd"). */
const char *network_stage_name(enum network_stage s);
int network_stage_parse(const char *s, enum network_stage *out);

/* Whether a move from -> to is allowed: only forward, one placement form
 * after another (proefplaatsing, then detachering or dienstverband),
 * kennismaking before any placement, and ending from every stage but the
 * end. Staying in the same stage is not a move. */
bool network_transition_ok(enum network_stage from, enum network_stage to);

/* Stages at which the candidate works at the receiving employer. */
bool network_stage_is_placement(enum network_stage s);

/* ---- the anonymous teaser ---- */

/* Age band "30-34" (five years) on today for a birth year, into out[8];
 * false (out "") when the year is unknown (0) or implausible. */
bool network_age_band(int birth_year, sw_date today, char out[8]);

/* A Dutch postcode "4811 NP" / "4811np": 1 with its four digits in *digits,
 * 0 if malformed. */
int network_postcode_digits(const char *postcode, int *digits);

/* Region of a teaser: the first two postcode digits ("regio 48"), which
 * cover a town with its surroundings and never a street; out[16], false
 * when the postcode is malformed. */
bool network_region(const char *postcode, char out[16]);

/* ---- figures ---- */

/* Whether a placement that started on start and ended on end (DATE_NONE:
 * still running) had lasted at least months calendar months on today. */
bool network_lasted(sw_date start, sw_date end, sw_date today, int months);

#endif
