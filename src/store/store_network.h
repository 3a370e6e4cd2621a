/* store_network.h - the employer network: offers, zoekprofielen, pipeline, spelregels, alerts. */
#ifndef SW_STORE_NETWORK_H
#define SW_STORE_NETWORK_H

#include "store/store_base.h"

/* ---- the employer network (store_network.c) ---------------------------- */

/* Offers, zoekprofielen and the pipeline of DOMAIN.md section 6. Levels,
 * types and the other sets use the enums of core/match.h; sectors and
 * skills the vocabularies of core/network.h. Coordinates are integer
 * micro-degrees (has_coord 0: unknown). */

/* The spelregels an employer of the network offers by default. */
struct store_network_conditions {
	int64_t organisation_id;
	const char *ziekterisico;        /* "verzendende_werkgever" or "ontvangende_werkgever" */
	int loonkosten_percentage;       /* 0..100 of the wage cost the receiver pays */
	const char *bij_terugval;        /* what happens on relapse; NULL: not stated */
	int intentie_dienstverband;      /* 0 or 1 */
	const char *contactpersoon;      /* the fixed contact person */
	const char *updated_at;
};

/* Insert or replace; the organisation must be of kind netwerk. */
int store_network_conditions_put(struct store *st, const struct store_network_conditions *c,
				 struct sw_error *err);
/* None stated yet is SW_ENOTFOUND field "organisation_id". */
int store_network_conditions_get(struct store *st, struct store_arena *a, int64_t org_id,
				 struct store_network_conditions *out, struct sw_error *err);

struct store_offer {
	int64_t id;
	int64_t organisation_id;         /* of kind netwerk */
	const char *organisation_name;   /* read back only */
	const char *title;
	enum match_type type;
	const char *tasks;
	unsigned sector;                 /* network_sector_name */
	int hours_min, hours_max;
	const char *postcode;
	int has_coord;
	int32_t lat_e6, lon_e6;
	int demands[MATCH_CATEGORY__COUNT]; /* 0..3 */
	unsigned guidance;               /* MATCH_GUIDANCE_* */
	int duration_weeks;              /* 0: not stated */
	unsigned instruments;            /* MATCH_BIT(match_instrument) expected */
	unsigned features;               /* MATCH_BIT(match_wish) provided */
	uint64_t skills;                 /* bits of network skill ids */
	int intent_to_hire;              /* 0 or 1 */
	int open;                        /* 1 open, 0 gesloten */
	int64_t created_by;
	const char *created_at, *updated_at;
};

int store_offer_insert(struct store *st, const struct store_offer *o, int64_t *id,
		       struct sw_error *err);
/* Replaces every field but organisation_id, created_by and created_at. */
int store_offer_update(struct store *st, const struct store_offer *o, struct sw_error *err);
int store_offer_get(struct store *st, struct store_arena *a, int64_t id, struct store_offer *out,
		    struct sw_error *err);
/* An organisation's offers by id (open and closed). */
int store_offer_list(struct store *st, struct store_arena *a, int64_t org_id,
		     struct store_offer **out, size_t *n, struct sw_error *err);
/* The packed form the matcher scans. */
void store_offer_to_match(const struct store_offer *o, struct match_offer *out);

struct store_zoekprofiel {
	int64_t case_id;
	int version;                     /* 1 on the first put, +1 on each */
	int capacities[MATCH_CATEGORY__COUNT]; /* MATCH_LEVEL_UNKNOWN or 0..3 */
	unsigned types;                  /* MATCH_BIT(match_type); 0: every type */
	int hours_min, hours_max;
	int range_km;
	const char *postcode;
	int has_coord;
	int32_t lat_e6, lon_e6;
	unsigned wishes;                 /* MATCH_BIT(match_wish) */
	uint64_t skills;                 /* bits of network skill ids */
	uint64_t sectors;                /* bits of network sector ids; 0: no preference */
	unsigned instruments;            /* known to apply */
	int birth_year;                  /* 0: not stated */
	const char *beroepsrichting;     /* field of work for the teaser; NULL: none */
	const char *toelichting;         /* wishes in words; NULL: none */
	int64_t updated_by;
	const char *updated_at;
};

/* Creates or replaces the case's profile (version counts up). */
int store_zoekprofiel_put(struct store *st, const struct store_zoekprofiel *z,
			  struct sw_error *err);
/* None yet is SW_ENOTFOUND field "zoekprofiel". */
int store_zoekprofiel_get(struct store *st, struct store_arena *a, int64_t case_id,
			  struct store_zoekprofiel *out, struct sw_error *err);
/* employer_id: the case's organisation (the first track is excluded). */
void store_zoekprofiel_to_match(const struct store_zoekprofiel *z, int64_t employer_id,
				struct match_candidate *out);

/* What the matcher's in-memory copies depend on: the revisions count the
 * changes of offers and of profiles; the consent and case counts change
 * with every consent given or revoked and case closed. Equal parts: the
 * copy is current. */
struct store_network_fingerprint {
	int64_t offers_rev, profiles_rev;
	int64_t consents, consent_max_id, consents_revoked, open_cases;
};

int store_network_fingerprint(struct store *st, struct store_network_fingerprint *out,
			      struct sw_error *err);
/* Every open offer, packed (id = offer id), in one scan; *out is
 * malloc'ed, the caller frees it. */
int store_offers_load(struct store *st, struct match_offer **out, size_t *n,
		      struct sw_error *err);
/* The profiles of open cases whose employee's zoekprofiel_netwerk consent
 * is in force on today, packed (id = case id), in one scan; malloc'ed. */
int store_candidates_load(struct store *st, sw_date today, struct match_candidate **out,
			  size_t *n, struct sw_error *err);
/* Whether the case is open and its zoekprofiel_netwerk consent is in force
 * on today: what makes it a candidate for the network. */
int store_network_consent(struct store *st, int64_t case_id, sw_date today, int *active,
			  struct sw_error *err);

/* The pipeline of one candidate (case) and one offer. */
struct store_pipeline_entry {
	int64_t id;
	int64_t case_id;
	int64_t offer_id;
	const char *offer_title;         /* read back only */
	int64_t offer_org_id;            /* read back only */
	const char *offer_org_name;      /* read back only */
	enum network_stage stage;
	sw_date on[NETWORK_STAGE__COUNT]; /* day each stage was reached; DATE_NONE: not */
	const char *ended_reason;        /* set when beeindigd */
};

struct store_pipeline_move {
	int64_t id;
	int64_t entry_id;
	int has_from;                    /* 0: the proposal */
	enum network_stage from, to;
	sw_date on;
	int64_t moved_by;
	const char *moved_by_name;       /* read back only */
	enum role role;
	const char *note;                /* NULL: none */
};

/* Proposes the case for the offer on day on: the entry at voorgesteld and
 * its first move. The offer must be open; a second proposal of the same
 * pair is SW_ECONFLICT field "offer_id". */
int store_pipeline_propose(struct store *st, int64_t case_id, int64_t offer_id, sw_date on,
			   int64_t by, enum role role, const char *note, int64_t *id,
			   struct sw_error *err);
/* Moves the entry to stage to on day on if the pipeline allows it from its
 * current stage (else SW_ECONFLICT field "stage"); beeindigd needs a reason
 * (SW_EINVAL field "reason"), the others take none. proefplaatsing and
 * detachering need the spelregels agreed by all three parties (else
 * SW_ECONFLICT field "spelregels"). In the same
 * transaction the entry's placement (monitoring) follows: created at the
 * first of proefplaatsing, detachering, dienstverband (start on, employer
 * the offer's organisation), its kind updated at a later one, ended with
 * the reason at beeindigd. */
int store_pipeline_move(struct store *st, int64_t entry_id, enum network_stage to, sw_date on,
			int64_t by, enum role role, const char *note, const char *reason,
			struct sw_error *err);
int store_pipeline_get(struct store *st, struct store_arena *a, int64_t id,
		       struct store_pipeline_entry *out, struct sw_error *err);
/* A case's entries, or an offer's (the other id 0), by id. */
int store_pipeline_list(struct store *st, struct store_arena *a, int64_t case_id,
			int64_t offer_id, struct store_pipeline_entry **out, size_t *n,
			struct sw_error *err);
/* An entry's moves, oldest first. */
int store_pipeline_moves(struct store *st, struct store_arena *a, int64_t entry_id,
			 struct store_pipeline_move **out, size_t *n, struct sw_error *err);

/* Network figures over [from, to] (inclusive days) as counted on today. */
struct store_network_employer {
	int64_t organisation_id;
	const char *name;
	int brengen;                     /* candidates of its own cases proposed */
	int halen;                       /* candidates proposed for its offers */
	int brengen_geplaatst;           /* of those, placed */
	int halen_geplaatst;
};

struct store_network_figures {
	int offers_open;                 /* open now */
	int offers_new;                  /* created in the period */
	int proposals;                   /* entries proposed in the period */
	int placements;                  /* placements started in the period */
	int lasting_6, lasting_12;       /* of those: lasted 6 / 12 months by today */
	struct store_network_employer *employers; /* by name; in the arena */
	size_t nemployers;
};

int store_network_figures(struct store *st, struct store_arena *a, sw_date from, sw_date to,
			  sw_date today, struct store_network_figures *out,
			  struct sw_error *err);
/* ---- spelregels of a pipeline entry (store_spelregels.c) ----------------- */

/* The three parties that agree the spelregels before a proefplaatsing or
 * detachering: the sending employer (werkgever of the case), the receiving
 * one (netwerkwerkgever) and the candidate (werknemer). */
enum store_party {
	STORE_PARTY_WERKGEVER = 0,
	STORE_PARTY_NETWERKWERKGEVER,
	STORE_PARTY_WERKNEMER,
	STORE_PARTY__COUNT
};
const char *store_party_name(enum store_party p);

struct store_spelregels {
	int64_t entry_id;
	int version;                     /* 1 on the first put, +1 on each */
	const char *ziekterisico;        /* "verzendende_werkgever" or "ontvangende_werkgever" */
	int loonkosten_percentage;       /* 0..100 of the wage cost the receiver pays */
	const char *bij_terugval;        /* what happens on relapse */
	int intentie_dienstverband;      /* 0 or 1 */
	const char *contactpersoon;      /* the fixed contact person */
	int duur_weken;                  /* 1..104 */
	int64_t updated_by;
	const char *updated_at;
	/* Read back only: who agreed to this version and when (0/NULL: not). */
	int64_t agreed_by[STORE_PARTY__COUNT];
	const char *agreed_at[STORE_PARTY__COUNT];
	int on_behalf[STORE_PARTY__COUNT];      /* recorded by a professional */
};

/* Records the rules (insert or replace; version + 1) and withdraws every
 * agreement: the parties agree to the new text again. */
int store_spelregels_put(struct store *st, struct store_spelregels *s, struct sw_error *err);
/* None recorded yet is SW_ENOTFOUND field "spelregels". */
int store_spelregels_get(struct store *st, struct store_arena *a, int64_t entry_id,
			 struct store_spelregels *out, struct sw_error *err);
/* The party agrees to version (else SW_ECONFLICT field "version": changed
 * meanwhile; none recorded: SW_ECONFLICT field "spelregels"); agreeing
 * twice keeps the first. on_behalf: user_id recorded the party's (signed)
 * agreement for it. */
int store_spelregels_agree(struct store *st, int64_t entry_id, int version,
			   enum store_party party, int64_t user_id, int on_behalf,
			   struct sw_error *err);
/* Whether all three agreed; *missing the bits (1 << party) still to. */
int store_spelregels_agreed(struct store *st, int64_t entry_id, unsigned *missing,
			    struct sw_error *err);

/* ---- candidate pseudonyms (store_pseudonym.c) --------------------------- */

/* A random token (16 characters of base64url) and NUL. */
#define STORE_PSEUDONYM_STRLEN 17

/* The pseudonym under which the case is shown as a candidate for the
 * offer: read, or created on this first showing. Safe against a
 * concurrent first showing by another server (both get the same token).
 * Call it only for the candidates shown, never per pair scanned. */
int store_candidate_pseudonym(struct store *st, int64_t offer_id, int64_t case_id,
			      char out[STORE_PSEUDONYM_STRLEN], struct sw_error *err);
/* The case behind a pseudonym of the offer; a token of another offer, or
 * none, is SW_ENOTFOUND field "candidate_id". */
int store_candidate_by_pseudonym(struct store *st, int64_t offer_id, const char *token,
				 int64_t *case_id, struct sw_error *err);

/* ---- alerts to network employers (store_alerts.c) ------------------------ */

/* Whether the case was sent to the organisation for the offer before. */
int store_network_alert_sent(struct store *st, int64_t org_id, int64_t offer_id,
			     int64_t case_id, int *sent, struct sw_error *err);
/* Records that it was sent on day on; recording it again keeps the first. */
int store_network_alert_record(struct store *st, int64_t org_id, int64_t offer_id,
			       int64_t case_id, sw_date on, struct sw_error *err);

#endif
