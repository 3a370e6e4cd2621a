/* store_seed.h - the demo data set. */
#ifndef SW_STORE_SEED_H
#define SW_STORE_SEED_H

#include "store/store_base.h"
#include "store/store_medical.h"

/* ---- seed.c ------------------------------------------------------------- */

/* Fills a migrated database with a realistic Dutch demo set dated relative
 * to today: organisations, one user per role (werknemer@demo.spoorwijzer.nl
 * and so on), cases at different stages with events, an art. 5 deviation
 * and participations, and their deadlines. Returns 0 when seeded, 1 when
 * the demo set was already there (nothing is changed), -1 on error. */
int store_seed_demo(struct store *st, sw_date today, struct sw_error *err);

/* The demo's medical note (seed.c): one probleemanalyse_medisch note by the
 * demo bedrijfsarts on the demo werknemer's case, sealed with key. Returns
 * 0 when added, 1 when the case already has medical notes, -1 on error
 * (also when the demo set is not there). */
int store_seed_demo_medical(struct store *st, const uint8_t key[STORE_MEDICAL_KEY_BYTES],
			    struct sw_error *err);

#endif
