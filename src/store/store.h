/* store.h - the domain store: organisations, users, cases and what the
 * Poortwachter timeline needs, over SQLite or PostgreSQL (db.h).
 *
 * Conventions:
 * - Functions return 0 on success and -1 with *err filled. Unknown ids are
 *   SW_ENOTFOUND naming the field ("case_id", "employee_id", ...), bad input
 *   SW_EINVAL naming the field, a duplicate SW_ECONFLICT, the database
 *   SW_EINTERNAL.
 * - Ids are int64_t; 0 means "none" where a reference is optional.
 * - Records read from the store (get, list) have their strings and arrays in
 *   a caller-owned struct store_arena: one store_arena_free releases all of
 *   it, e.g. once per HTTP request.
 * - Insert functions take the same record types; id and created_at are
 *   ignored on input and the new id is returned in *id.
 * - Changes to a case's sick periods, events and deviations are checked by
 *   running the timeline engine over the case inside the same transaction:
 *   the store never holds a history the engine rejects.
 * - Dates are sw_date; DATE_NONE is "none" (open period, no agreed date).
 * - Every function may be called inside the caller's transaction (db_begin
 *   on store_db()): their own transactions nest as savepoints. */
#ifndef SW_STORE_H
#define SW_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "core/attachment.h"
#include "core/date.h"
#include "core/doc.h"
#include "core/error.h"
#include "core/match.h"
#include "core/network.h"
#include "core/role.h"
#include "core/stats.h"
#include "core/signals.h"
#include "core/timeline.h"
#include "store/db.h"

struct store;

/* Opens the database at url (see db_open). Caller frees with store_close. */
struct store *store_open(const char *url, struct sw_error *err);
void store_close(struct store *st);

/* The connection, for transactions spanning several calls. */
struct db *store_db(struct store *st);

/* ---- arena: memory of records read from the store ---------------------- */

struct store_arena_block;
struct store_arena {
	struct store_arena_block *head;  /* zero-initialise: struct store_arena a = { 0 }; */
};

/* Memory aligned for any type; NULL when out of memory. */
void *store_arena_alloc(struct store_arena *a, size_t size);
/* A copy of s in the arena; NULL for NULL s (or out of memory). */
char *store_arena_strdup(struct store_arena *a, const char *s);
/* Frees everything allocated in a; a is empty and reusable afterwards. */
void store_arena_free(struct store_arena *a);

/* ---- migrate.c ---------------------------------------------------------- */

/* Applies the migrations the database lacks, each in its own transaction,
 * and records them in schema_migrations. Re-running applies nothing. If
 * applied is not NULL it receives how many were applied now. A database
 * newer than this program is SW_ECONFLICT. */
int store_migrate(struct store *st, int *applied, struct sw_error *err);

/* The version of the database schema (0: not migrated at all). */
int store_schema_version(struct store *st, int *version, struct sw_error *err);

/* The newest migration this program knows. */
int store_schema_latest(void);

/* ---- organisations and users (store_org.c) ----------------------------- */

enum store_org_kind {
	STORE_ORG_WERKGEVER = 0,
	STORE_ORG_NETWERK,               /* employer in the detachering network */
	STORE_ORG_ARBODIENST,
	STORE_ORG_REINTEGRATIEBEDRIJF,
	STORE_ORG_KIND__COUNT
};

/* API value: "werkgever", "netwerk", "arbodienst", "re-integratiebedrijf". */
const char *store_org_kind_name(enum store_org_kind kind);
int store_org_kind_parse(const char *s, enum store_org_kind *out);

struct store_org {
	int64_t id;
	const char *name;
	enum store_org_kind kind;
	const char *created_at;          /* "YYYY-MM-DD HH:MM:SS+00" */
};

int store_org_insert(struct store *st, const struct store_org *org, int64_t *id,
		     struct sw_error *err);
int store_org_get(struct store *st, struct store_arena *a, int64_t id, struct store_org *out,
		  struct sw_error *err);
/* All organisations by id. */
int store_org_list(struct store *st, struct store_arena *a, struct store_org **out, size_t *n,
		   struct sw_error *err);

struct store_user {
	int64_t id;
	const char *email;               /* unique, stored in lower case */
	const char *name;
	const char *password_hash;       /* NULL: cannot log in with a password */
	int64_t organisation_id;         /* 0: none */
	const char *created_at;
};

/* A duplicate email is SW_ECONFLICT field "email". */
int store_user_insert(struct store *st, const struct store_user *user, int64_t *id,
		      struct sw_error *err);
int store_user_get(struct store *st, struct store_arena *a, int64_t id, struct store_user *out,
		   struct sw_error *err);
/* By email, case-insensitively; unknown is SW_ENOTFOUND field "email". */
int store_user_get_by_email(struct store *st, struct store_arena *a, const char *email,
			    struct store_user *out, struct sw_error *err);
/* Users by id; organisation_id 0 lists all. */
int store_user_list(struct store *st, struct store_arena *a, int64_t organisation_id,
		    struct store_user **out, size_t *n, struct sw_error *err);

/* ---- cases and participations (store_case.c) --------------------------- */

enum store_case_status {
	STORE_CASE_OPEN = 0,
	STORE_CASE_GESLOTEN,
	STORE_CASE_STATUS__COUNT
};

const char *store_case_status_name(enum store_case_status status); /* "open", "gesloten" */
int store_case_status_parse(const char *s, enum store_case_status *out);

/* A case with the sick report as the employer may record it (DOMAIN.md
 * section 3): contact details, expected duration, running appointments and
 * work, and only whether (not which) a vangnet provision applies, whether a
 * work accident or a liable third party is involved. No medical data. */
struct store_case {
	int64_t id;
	int64_t organisation_id;         /* the employer */
	int64_t employee_id;             /* the sick employee (a user) */
	enum store_case_status status;
	const char *contact_phone;       /* NULL when not recorded */
	const char *contact_address;
	const char *verwachte_duur;      /* expected duration, as told */
	const char *lopende_afspraken;   /* running appointments and work */
	int vangnet;                     /* 0 or 1 */
	int arbeidsongeval;              /* 0 or 1 */
	int derde_aansprakelijk;         /* 0 or 1 */
	const char *created_at;
};

int store_case_insert(struct store *st, const struct store_case *c, int64_t *id,
		      struct sw_error *err);
int store_case_get(struct store *st, struct store_arena *a, int64_t id, struct store_case *out,
		   struct sw_error *err);
int store_case_set_status(struct store *st, int64_t id, enum store_case_status status,
			  struct sw_error *err);

/* Filters of store_case_list; 0 fields do not filter. */
struct store_case_filter {
	int64_t organisation_id;
	int64_t participant_id;          /* cases with a participation of this user */
	int64_t after_id;                /* paging: only cases with a larger id */
	int limit;                       /* at most this many; 0: no limit */
};

/* Cases by id. */
int store_case_list(struct store *st, struct store_arena *a, const struct store_case_filter *f,
		    struct store_case **out, size_t *n, struct sw_error *err);

/* Links a user to a case in a role (DOMAIN.md section 2); from and until
 * are inclusive days, until DATE_NONE while open-ended. A werknemer
 * participation must be the case's own employee; a beheerder never takes
 * part in a case. */
struct store_participation {
	int64_t id;
	int64_t case_id;
	int64_t user_id;
	enum role role;
	sw_date from;
	sw_date until;
};

int store_participation_insert(struct store *st, const struct store_participation *p,
			       int64_t *id, struct sw_error *err);
/* Sets the last day of a participation (a contact person changes). */
int store_participation_end(struct store *st, int64_t id, sw_date until, struct sw_error *err);
int store_participation_get(struct store *st, int64_t id, struct store_participation *out,
			    struct sw_error *err);
/* The case's participations by id, active or not. */
int store_participation_list(struct store *st, struct store_arena *a, int64_t case_id,
			     struct store_participation **out, size_t *n, struct sw_error *err);

/* The roles (ROLE_BIT set) the user holds in some case on today, from the
 * participations in force that day. */
int store_user_case_roles(struct store *st, int64_t user_id, sw_date today, unsigned *roles,
			  struct sw_error *err);

/* ---- the sick history: periods, events, deviations (store_history.c) -- */

struct store_period {
	int64_t id;
	int64_t case_id;
	sw_date from;                    /* first sick day */
	sw_date to;                      /* last sick day, DATE_NONE while open */
	int percent;                     /* 1..100 */
	int zwangerschap;                /* 1: pregnancy-related (only whether, never why) */
};

/* An overlap with another period of the case is SW_EINVAL field "from". */
int store_period_insert(struct store *st, const struct store_period *p, int64_t *id,
			struct sw_error *err);
/* Records the recovery: to is the last sick day of the open period. */
int store_period_close(struct store *st, int64_t id, sw_date to, struct sw_error *err);
/* Sets or clears the pregnancy flag of a period. */
int store_period_set_zwangerschap(struct store *st, int64_t id, int on, struct sw_error *err);
int store_period_get(struct store *st, int64_t id, struct store_period *out,
		     struct sw_error *err);
/* The case's periods by first sick day. */
int store_period_list(struct store *st, struct store_arena *a, int64_t case_id,
		      struct store_period **out, size_t *n, struct sw_error *err);

struct store_event {
	int64_t id;
	int64_t case_id;
	enum tl_event_kind kind;         /* stored as tl_event_kind_name() */
	sw_date date;                    /* required (uitstel: the day of the request) */
	int value;                       /* weeks, for uitstel and loonsanctie */
	const char *note;                /* NULL when none */
	int64_t created_by;              /* the user who recorded it */
	const char *created_at;
};

int store_event_insert(struct store *st, const struct store_event *e, int64_t *id,
		       struct sw_error *err);
int store_event_get(struct store *st, struct store_arena *a, int64_t id, struct store_event *out,
		    struct sw_error *err);
/* The case's events by date. */
int store_event_list(struct store *st, struct store_arena *a, int64_t case_id,
		     struct store_event **out, size_t *n, struct sw_error *err);

/* Art. 5: employer and employee agreed in writing to depart from a
 * deadline. agreed_by_werknemer must be the case's employee and
 * agreed_by_werkgever must have a werkgever participation in the case. */
struct store_deviation {
	int64_t id;
	int64_t case_id;
	enum tl_code code;
	sw_date agreed_due;              /* DATE_NONE: the step is dropped */
	int64_t agreed_by_werkgever;
	int64_t agreed_by_werknemer;
	const char *reason;              /* required */
	const char *created_at;
};

int store_deviation_insert(struct store *st, const struct store_deviation *d, int64_t *id,
			   struct sw_error *err);
int store_deviation_get(struct store *st, struct store_arena *a, int64_t id,
			struct store_deviation *out, struct sw_error *err);
/* The case's deviations by id (a later one for the same step wins). */
int store_deviation_list(struct store *st, struct store_arena *a, int64_t case_id,
			 struct store_deviation **out, size_t *n, struct sw_error *err);

/* ---- engine input and deadlines (store_timeline.c) --------------------- */

/* A case's history as the engine takes it; owns its arrays. Periods are
 * sorted by first sick day, events by date, deviations by id. The cap_
 * fields are bookkeeping of the store. */
struct store_case_input {
	struct tl_period *periods;
	size_t nperiods, cap_periods;
	struct tl_event *events;
	size_t nevents, cap_events;
	struct tl_deviation *deviations;
	size_t ndeviations, cap_deviations;
};

/* Loads into *in (zero-initialised, or holding an earlier load whose arrays
 * are reused). Free with store_case_input_free. */
int store_case_load_input(struct store *st, int64_t case_id, struct store_case_input *in,
			  struct sw_error *err);
void store_case_input_free(struct store_case_input *in);

/* The engine's view of in for the given day (points into in). */
void store_case_input_tl(const struct store_case_input *in, sw_date today, struct tl_input *out);

/* Computes the case's timeline for today and replaces its rows in the
 * deadlines table in one transaction. A case without sick periods has no
 * deadlines. */
int store_case_refresh_deadlines(struct store *st, int64_t case_id, sw_date today,
				 struct sw_error *err);

/* A materialised deadline, as written by the last refresh. */
struct store_deadline {
	int64_t case_id;
	struct tl_deadline d;
	const char *rule_version;
	sw_date computed_on;             /* the "today" of the refresh */
};

/* The case's deadlines in timeline order. */
int store_deadline_list(struct store *st, struct store_arena *a, int64_t case_id,
			struct store_deadline **out, size_t *n, struct sw_error *err);

/* ---- the daily scan (store_scan.c) ------------------------------------- */

struct store_participant {
	int64_t user_id;
	const char *name;
	const char *email;
	enum role role;
};

/* A placement of a scanned case: which questionnaires were answered and
 * its unresolved risk signals (facts.followups points into the scan). */
struct store_scan_placement {
	int64_t id;
	struct signal_placement facts;
};

/* One open case as the scan delivers it. Everything points into the scan's
 * buffers and is valid only during the callback. */
struct store_scan_case {
	int64_t case_id;
	int64_t organisation_id;
	const char *employee_name;
	struct store_case_input input;   /* may have no periods yet */
	const struct store_participant *participants; /* active on today */
	size_t nparticipants;
	const struct store_scan_placement *placements; /* by id */
	size_t nplacements;
};

/* Returns 0 to go on, -1 (with err set) to stop the scan. */
typedef int (*store_scan_fn)(const struct store_scan_case *c, void *ctx, struct sw_error *err);

/* Calls fn once per open case, in case id order, with its periods, events,
 * deviations, the participants active on today and its placements. Reads a few ordered
 * queries side by side and merges them, in one read-only snapshot: no query
 * per case. Returns -1 when fn stopped it or the store failed. */
int store_scan_cases(struct store *st, sw_date today, store_scan_fn fn, void *ctx,
		     struct sw_error *err);

/* ---- login and sessions (store_auth.c) --------------------------------- */

/* Timestamps of this section are UTC text "YYYY-MM-DD HH:MM:SS+00", the
 * way both backends read {{TS}} back; the caller passes the clock in, so
 * expiry and lockout can be tested without waiting. */
#define STORE_TS_LEN 32
/* Formats t as such a timestamp into out[STORE_TS_LEN]. */
void store_timestamp(int64_t t, char out[STORE_TS_LEN]);

/* After this many failed logins in a row the account is locked for
 * STORE_LOCKOUT_SECONDS; the counter then starts again from 0. */
#define STORE_LOGIN_MAX_FAILURES 5
#define STORE_LOCKOUT_SECONDS (15 * 60)

/* What login needs besides struct store_user. */
struct store_user_auth {
	int64_t user_id;
	int is_beheerder;                /* 0 or 1 */
	int failed_logins;               /* since the last success or lockout */
	const char *locked_until;        /* NULL: not locked */
};

int store_user_auth_get(struct store *st, struct store_arena *a, int64_t user_id,
			struct store_user_auth *out, struct sw_error *err);
/* hash: an encoded crypto_password_hash, or NULL to disable password login. */
int store_user_set_password(struct store *st, int64_t user_id, const char *hash,
			    struct sw_error *err);
int store_user_set_beheerder(struct store *st, int64_t user_id, int is_beheerder,
			     struct sw_error *err);
/* Counts a failed login at time now; the STORE_LOGIN_MAX_FAILURES-th in a
 * row locks the account until now + STORE_LOCKOUT_SECONDS. *locked (if not
 * NULL) tells whether this failure locked it. */
int store_user_login_failed(struct store *st, int64_t user_id, int64_t now, int *locked,
			    struct sw_error *err);
/* A successful login: clears the counter and any lock. */
int store_user_login_ok(struct store *st, int64_t user_id, struct sw_error *err);

/* A login session. token_digest is crypto_token_digest of the cookie
 * token: the token itself is never stored. */
struct store_session {
	int64_t id;
	const char *token_digest;        /* unique */
	int64_t user_id;
	const char *csrf_token;
	const char *created_at;
	const char *expires_at;          /* required on insert */
	const char *last_seen_at;
};

int store_session_insert(struct store *st, const struct store_session *s, int64_t *id,
			 struct sw_error *err);
/* The session with this digest that expires after now; an unknown or
 * expired one is SW_ENOTFOUND field "session". */
int store_session_get_by_digest(struct store *st, struct store_arena *a, const char *digest,
				int64_t now, struct store_session *out, struct sw_error *err);
/* Deleting a session that is not there is not an error (logout twice). */
int store_session_delete(struct store *st, int64_t id, struct sw_error *err);
/* Deletes every session of the user except except_id (0: all of them). */
int store_session_delete_user(struct store *st, int64_t user_id, int64_t except_id,
			      struct sw_error *err);

/* ---- the audit log (store_audit.c) ------------------------------------ */

/* One read or write of case data, allowed or denied (DOMAIN.md section 3).
 * The table is append-only: the database refuses UPDATE and DELETE. The
 * text fields take the policy's stable names (policy_resource_name, ...). */
struct store_audit {
	int64_t id;
	const char *at;                  /* set by the database on insert */
	int64_t user_id;
	const char *user_name;           /* read back only (joined); NULL if the user is gone */
	const char *role;                /* role_name of the participation used; NULL: none */
	int64_t case_id;                 /* 0: not about one case */
	const char *action;              /* "read" or "write" */
	const char *resource;            /* policy_resource_name */
	const char *what;                /* "GET /api/v1/cases/3" */
	const char *outcome;             /* "allow" or "deny" */
	const char *reason;              /* policy_reason_name */
	const char *client_addr;         /* numeric IP */
};

int store_audit_append(struct store *st, const struct store_audit *a, struct sw_error *err);
/* The case's rows, newest first; limit 0: all of them. */
int store_audit_list_case(struct store *st, struct store_arena *a, int64_t case_id, int limit,
			  struct store_audit **out, size_t *n, struct sw_error *err);

/* ---- messages (store_message.c) ---------------------------------------- */

/* Longest message body in characters (the API counts code points); the
 * store accepts up to four bytes per character. */
#define STORE_MESSAGE_MAX_CHARS 4000

struct store_message {
	int64_t id;
	int64_t case_id;
	int64_t author_id;
	const char *author_name;         /* read back only (joined); NULL if the user is gone */
	enum role author_role;           /* the role the author wrote in */
	const char *body;                /* required, no medical information */
	const char *created_at;
};

int store_message_insert(struct store *st, const struct store_message *m, int64_t *id,
			 struct sw_error *err);
int store_message_get(struct store *st, struct store_arena *a, int64_t id,
		      struct store_message *out, struct sw_error *err);
/* The case's newest limit messages (0: all), oldest first. */
int store_message_list(struct store *st, struct store_arena *a, int64_t case_id, int limit,
		       struct store_message **out, size_t *n, struct sw_error *err);

/* ---- consents (store_consent.c) ----------------------------------------- */

enum store_consent_kind {
	STORE_CONSENT_ZOEKPROFIEL_NETWERK = 0, /* propose me to network employers */
	STORE_CONSENT_DELEN_BUREAU,            /* share with a named reintegration bureau */
	STORE_CONSENT_DELEN_ZORGVERLENER,      /* share with a named care provider */
	STORE_CONSENT_KIND__COUNT
};

/* API value: "zoekprofiel_netwerk", "delen_bureau", "delen_zorgverlener". */
const char *store_consent_kind_name(enum store_consent_kind kind);
int store_consent_kind_parse(const char *s, enum store_consent_kind *out);

/* A consent of the case's employee, in force from given_on until the day
 * before revoked_on. granted_to names the bureau or care provider: required
 * for the delen_ kinds, absent for zoekprofiel_netwerk. */
struct store_consent {
	int64_t id;
	int64_t case_id;
	enum store_consent_kind kind;
	const char *granted_to;          /* NULL: none */
	sw_date given_on;
	sw_date revoked_on;              /* DATE_NONE: not revoked */
};

/* A consent of the same kind (and granted_to) not yet revoked is
 * SW_ECONFLICT field "kind". */
int store_consent_insert(struct store *st, const struct store_consent *c, int64_t *id,
			 struct sw_error *err);
int store_consent_get(struct store *st, struct store_arena *a, int64_t id,
		      struct store_consent *out, struct sw_error *err);
/* The case's consents by id. */
int store_consent_list(struct store *st, struct store_arena *a, int64_t case_id,
		       struct store_consent **out, size_t *n, struct sw_error *err);
/* Revokes from day on (not before given_on); already revoked is
 * SW_ECONFLICT field "revoked_on", unknown SW_ENOTFOUND field "id". */
int store_consent_revoke(struct store *st, int64_t id, sw_date on, struct sw_error *err);

/* ---- seed.c ------------------------------------------------------------- */

/* Fills a migrated database with a realistic Dutch demo set dated relative
 * to today: organisations, one user per role (werknemer@demo.spoorwijzer.nl
 * and so on), cases at different stages with events, an art. 5 deviation
 * and participations, and their deadlines. Returns 0 when seeded, 1 when
 * the demo set was already there (nothing is changed), -1 on error. */
int store_seed_demo(struct store *st, sw_date today, struct sw_error *err);

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

/* ---- alerts to network employers (store_alerts.c) ------------------------ */

/* Whether the case was sent to the organisation for the offer before. */
int store_network_alert_sent(struct store *st, int64_t org_id, int64_t offer_id,
			     int64_t case_id, int *sent, struct sw_error *err);
/* Records that it was sent on day on; recording it again keeps the first. */
int store_network_alert_record(struct store *st, int64_t org_id, int64_t offer_id,
			       int64_t case_id, sw_date on, struct sw_error *err);

/* ---- placement monitoring (store_monitor.c) ----------------------------- */

enum store_placement_kind {
	STORE_PLACEMENT_DETACHERING = 0,
	STORE_PLACEMENT_PROEFPLAATSING,
	STORE_PLACEMENT_WERKERVARINGSPLAATS,
	STORE_PLACEMENT_DIENSTVERBAND,
	STORE_PLACEMENT_KIND__COUNT
};

/* API value: "detachering", "proefplaatsing", "werkervaringsplaats",
 * "dienstverband"; the list is NULL-terminated for json_field_enum. */
extern const char *const store_placement_kind_names[STORE_PLACEMENT_KIND__COUNT + 1];
const char *store_placement_kind_name(enum store_placement_kind kind);
int store_placement_kind_parse(const char *s, enum store_placement_kind *out);

/* A placement of the case's employee with an employer, monitored from its
 * start (DOMAIN.md section 7). The employer is an organisation of the
 * installation (employer_org_id) or only a name; employer_name is read back
 * as the organisation's name when employer_org_id is set. outcome is an
 * enum monitor_outcome; t2/t3 the schedule (core/monitor.h). */
struct store_placement {
	int64_t id;
	int64_t case_id;
	int64_t pipeline_entry_id;       /* 0: entered directly */
	int64_t employer_org_id;         /* 0: not in the installation */
	const char *employer_name;
	const char *network;             /* regional network; NULL: none */
	enum store_placement_kind kind;
	sw_date start;
	sw_date end;                     /* last day; DATE_NONE while running */
	const char *end_reason;          /* NULL unless ended */
	int outcome;                     /* enum monitor_outcome */
	sw_date contract_until;          /* DATE_NONE: none */
	sw_date subsidy_until;           /* DATE_NONE: none */
	int hours_per_week;              /* 0: unknown */
	int capacity_hours;              /* 0: unknown */
	int t2_months, t3_months;
	int64_t created_by;
	const char *created_at;
};

/* Checks the fields (schedule, end after start, an ended placement has a
 * reason and is not lopend, a running one has no end). A pipeline entry
 * has one placement: a second is SW_ECONFLICT field "pipeline_entry_id". */
int store_placement_insert(struct store *st, const struct store_placement *p, int64_t *id,
			   struct sw_error *err);
int store_placement_get(struct store *st, struct store_arena *a, int64_t id,
			struct store_placement *out, struct sw_error *err);
/* Replaces what may change after the start: network, end, end_reason,
 * outcome, contract_until, subsidy_until, hours_per_week, capacity_hours,
 * t2/t3. */
int store_placement_update(struct store *st, const struct store_placement *p,
			   struct sw_error *err);
/* The case's placements by id. */
int store_placement_list(struct store *st, struct store_arena *a, int64_t case_id,
			 struct store_placement **out, size_t *n, struct sw_error *err);
/* The placements of the cases of an organisation by id, with in routes
 * (same index) the bits (1 << enum monitor_route) of their goals. */
int store_placement_list_org(struct store *st, struct store_arena *a, int64_t organisation_id,
			     struct store_placement **out, unsigned **routes, size_t *n,
			     struct sw_error *err);

/* The driegesprek at the start: one per placement, replaced when recorded
 * again. */
struct store_driegesprek {
	int64_t placement_id;
	sw_date held_on;
	const char *afspraken;           /* agreements, required */
	int64_t recorded_by;
	const char *recorded_by_name;    /* read back only */
	const char *recorded_at;
};

int store_driegesprek_set(struct store *st, const struct store_driegesprek *d,
			  struct sw_error *err);
/* None recorded is SW_ENOTFOUND field "driegesprek". */
int store_driegesprek_get(struct store *st, struct store_arena *a, int64_t placement_id,
			  struct store_driegesprek *out, struct sw_error *err);

/* One answered factor of a questionnaire. moment, perspective and factor
 * are the enums of core/monitor.h. */
struct store_answer {
	int moment;
	int perspective;
	int factor;
	int score;                       /* 1..5; 0: not applicable */
	const char *comment;             /* NULL: none */
	int64_t answered_by;
	const char *answered_by_name;    /* read back only */
	const char *answered_at;
};

/* Stores one perspective's questionnaire at one moment: exactly one
 * answer per factor, in one transaction. Answered before is SW_ECONFLICT
 * field "moment". */
int store_answers_insert(struct store *st, int64_t placement_id,
			 const struct store_answer answers[], size_t n, struct sw_error *err);
/* The placement's answers by moment, perspective, factor. */
int store_answer_list(struct store *st, struct store_arena *a, int64_t placement_id,
		      struct store_answer **out, size_t *n, struct sw_error *err);

/* A risk signal with its suggested route and follow-up (monitor_advise);
 * kind and route are the enums of core/monitor.h. */
struct store_risk_signal {
	int64_t id;
	int64_t placement_id;
	int kind;
	sw_date noted_on;
	sw_date ends_on;                 /* contract/subsidy end; DATE_NONE */
	const char *note;
	int route;
	sw_date follow_up;
	sw_date resolved_on;             /* DATE_NONE: open */
	int64_t noted_by;
	const char *noted_by_name;       /* read back only */
};

int store_risk_signal_insert(struct store *st, const struct store_risk_signal *r, int64_t *id,
			     struct sw_error *err);
int store_risk_signal_get(struct store *st, struct store_arena *a, int64_t id,
			  struct store_risk_signal *out, struct sw_error *err);
int store_risk_signal_list(struct store *st, struct store_arena *a, int64_t placement_id,
			   struct store_risk_signal **out, size_t *n, struct sw_error *err);
/* Already resolved is SW_ECONFLICT field "resolved_on". */
int store_risk_signal_resolve(struct store *st, int64_t id, sw_date on, struct sw_error *err);

/* A development goal / intervention: goal, reached?, what was done and by
 * whom, what to take forward. */
struct store_goal {
	int64_t id;
	int64_t placement_id;
	int route;                       /* enum monitor_route */
	const char *goal;
	int reached;                     /* -1: not yet evaluated, 0 no, 1 yes */
	const char *done_what;
	const char *done_by;
	const char *take_forward;
	int64_t created_by;
	const char *created_at;
};

int store_goal_insert(struct store *st, const struct store_goal *g, int64_t *id,
		      struct sw_error *err);
int store_goal_get(struct store *st, struct store_arena *a, int64_t id, struct store_goal *out,
		   struct sw_error *err);
/* Replaces route, goal, reached, done_what, done_by, take_forward. */
int store_goal_update(struct store *st, const struct store_goal *g, struct sw_error *err);
int store_goal_list(struct store *st, struct store_arena *a, int64_t placement_id,
		    struct store_goal **out, size_t *n, struct sw_error *err);

/* ---- absence statistics input (store_stats.c) --------------------------- */

/* An employment of a user with an organisation: from, until (inclusive;
 * DATE_NONE open) and the deeltijdfactor (0 < factor <= 1). */
struct store_employment {
	int64_t id;
	int64_t user_id;
	int64_t organisation_id;
	sw_date from;
	sw_date until;
	double factor;
};

/* Overlap with another employment of the user is SW_EINVAL field "from". */
int store_employment_insert(struct store *st, const struct store_employment *e, int64_t *id,
			    struct sw_error *err);
/* Replaces until and factor (checked as on insert, overlap included). */
int store_employment_update(struct store *st, const struct store_employment *e,
			    struct sw_error *err);
int store_employment_get(struct store *st, struct store_arena *a, int64_t id,
			 struct store_employment *out, struct sw_error *err);
/* A page of the organisation's employments by user, from; *total counts all. */
int store_employment_list(struct store *st, struct store_arena *a, int64_t organisation_id,
			  int64_t offset, int limit, struct store_employment **out, size_t *n,
			  int64_t *total, struct sw_error *err);

/* What core/stats.h takes for one organisation, malloc'ed (the sets can be
 * millions of rows; no arena). Free with store_stats_data_free. */
struct store_stats_data {
	struct stats_employment *employments;
	size_t nemployments;
	struct stats_absence *absences;
	size_t nabsences;
};

/* Loads the organisation's employments and the sick periods of its cases,
 * sorted as stats_check wants them (employee, from); a sick period is a
 * stats_absence with the case's employee and percent / 100. One read-only
 * snapshot, streamed. */
int store_stats_load(struct store *st, int64_t organisation_id, struct store_stats_data *out,
		     struct sw_error *err);
void store_stats_data_free(struct store_stats_data *d);

/* The second-track facts of the organisation's cases with a sick day in
 * [from, to], malloc'ed into *out (free()). The outcome is derived: a
 * placement not ended at another employer is nieuwe_werkgever, at the own
 * organisation eigen_werkgever; else a WIA application is wia; else an open
 * case is lopend, a closed one anders. */
int store_stats_track(struct store *st, int64_t organisation_id, sw_date from, sw_date to,
		      struct stats_track_case **out, size_t *n, struct sw_error *err);

/* ==== API issue 3 (branch api): medical domain, accounts and organisations
 * for the beheerder, invitations, message pages ========================== */

/* ---- medical notes (store_medical.c) ---------------------------------- */

enum store_medical_kind {
	STORE_MEDICAL_DIAGNOSE = 0,
	STORE_MEDICAL_KLACHTEN,
	STORE_MEDICAL_BEHANDELING,
	STORE_MEDICAL_NOTITIE,
	STORE_MEDICAL_PROBLEEMANALYSE,   /* the medical part of the probleemanalyse */
	STORE_MEDICAL_KIND__COUNT
};

/* API value: "diagnose", "klachten", "behandeling", "notitie",
 * "probleemanalyse_medisch". */
const char *store_medical_kind_name(enum store_medical_kind kind);
int store_medical_kind_parse(const char *s, enum store_medical_kind *out);

/* Longest note in bytes (the API counts characters, at most 4 bytes each). */
#define STORE_MEDICAL_MAX_CHARS 8000
/* The secretbox key (crypto.h CRYPTO_KEY_BYTES). */
#define STORE_MEDICAL_KEY_BYTES 32

/* A note of the bedrijfsarts. The store seals text with the key on insert
 * and opens it on read: the database never sees the plaintext. Notes are
 * never changed; a correction is a newer note of the same kind. */
struct store_medical_note {
	int64_t id;
	int64_t case_id;
	int64_t author_id;
	const char *author_name;         /* read back only; NULL if the user is gone */
	enum store_medical_kind kind;
	const char *text;                /* plaintext, in the arena */
	const char *created_at;
};

int store_medical_insert(struct store *st, const uint8_t key[STORE_MEDICAL_KEY_BYTES],
			 const struct store_medical_note *n, int64_t *id, struct sw_error *err);
/* One note; unknown is SW_ENOTFOUND "id". */
int store_medical_get(struct store *st, struct store_arena *a,
		      const uint8_t key[STORE_MEDICAL_KEY_BYTES], int64_t id,
		      struct store_medical_note *out, struct sw_error *err);
/* The case's notes by id. A note the key cannot open (another key, a
 * damaged row) is SW_EINTERNAL field "medical_key", naming only its id. */
int store_medical_list(struct store *st, struct store_arena *a,
		       const uint8_t key[STORE_MEDICAL_KEY_BYTES], int64_t case_id,
		       struct store_medical_note **out, size_t *n, struct sw_error *err);

/* The demo's medical note (seed.c): one probleemanalyse_medisch note by the
 * demo bedrijfsarts on the demo werknemer's case, sealed with key. Returns
 * 0 when added, 1 when the case already has medical notes, -1 on error
 * (also when the demo set is not there). */
int store_seed_demo_medical(struct store *st, const uint8_t key[STORE_MEDICAL_KEY_BYTES],
			    struct sw_error *err);

/* ---- organisations and accounts for the beheerder (store_admin.c) ---- */

/* Filters of the searches below; q matches a part of the name (and of the
 * email, for accounts), ignoring ASCII case. Rows by id, offset/limit for
 * paging; *total counts all matching rows. */
struct store_org_filter {
	int kind;                        /* enum store_org_kind, or -1: any */
	const char *q;                   /* NULL or "": any */
	int64_t offset;
	int limit;                       /* 0: no limit */
};

int store_org_search(struct store *st, struct store_arena *a, const struct store_org_filter *f,
		     struct store_org **out, size_t *n, int64_t *total, struct sw_error *err);
/* Renames and/or re-kinds organisation org->id. */
int store_org_update(struct store *st, const struct store_org *org, struct sw_error *err);

/* A user as the administration sees it: never a password hash. */
struct store_account {
	int64_t id;
	const char *email;
	const char *name;
	int64_t organisation_id;         /* 0: none */
	int is_beheerder;                /* 0 or 1 */
	int active;                      /* 0: deactivated, cannot log in */
	int has_password;                /* 0: never logged in (no invitation accepted) */
	const char *created_at;
};

struct store_account_filter {
	int64_t organisation_id;         /* 0: any */
	const char *q;
	int active;                      /* 0 or 1, or -1: any */
	int64_t offset;
	int limit;
};

int store_account_get(struct store *st, struct store_arena *a, int64_t id,
		      struct store_account *out, struct sw_error *err);
int store_account_search(struct store *st, struct store_arena *a,
			 const struct store_account_filter *f, struct store_account **out,
			 size_t *n, int64_t *total, struct sw_error *err);
/* Sets name, organisation_id, is_beheerder and active of account acc->id
 * (email and created_at are ignored). Deactivating ends every session of
 * the account in the same transaction. */
int store_account_update(struct store *st, const struct store_account *acc,
			 struct sw_error *err);

/* ---- invitations (store_invitation.c) ---------------------------------- */

/* An invitation lasts this long. */
#define STORE_INVITATION_SECONDS (7 * 24 * 60 * 60)

struct store_invitation {
	int64_t id;
	const char *token_digest;        /* crypto_token_digest; never read back */
	const char *email;
	const char *name;
	int64_t organisation_id;         /* 0: none */
	int is_beheerder;
	int64_t created_by;
	const char *created_at;
	const char *expires_at;          /* required on insert */
	const char *accepted_at;         /* NULL: not (yet) */
	const char *revoked_at;          /* NULL: not */
	int64_t user_id;                 /* the account, once accepted */
};

/* The email must not belong to an account that can log in (SW_ECONFLICT
 * "email"); an account without a password (recorded by the employer) is
 * invited to set one, and must then be of the invitation's organisation. */
int store_invitation_insert(struct store *st, const struct store_invitation *inv, int64_t *id,
			    struct sw_error *err);
int store_invitation_get(struct store *st, struct store_arena *a, int64_t id,
			 struct store_invitation *out, struct sw_error *err);
/* Open invitations (neither accepted, revoked nor expired at now) by id. */
int store_invitation_list_open(struct store *st, struct store_arena *a, int64_t now,
			       int64_t offset, int limit, struct store_invitation **out, size_t *n,
			       int64_t *total, struct sw_error *err);
/* Revokes an open invitation at now; unknown SW_ENOTFOUND "id", accepted or
 * already revoked SW_ECONFLICT "id". */
int store_invitation_revoke(struct store *st, int64_t id, int64_t now, struct sw_error *err);
/* 0 when the invitation with this token digest can be used at now; else
 * the error store_invitation_accept would give (below). Lets a caller skip
 * hashing a password for a token that is no good. */
int store_invitation_check(struct store *st, const char *digest, int64_t now,
			   struct sw_error *err);
/* Uses the invitation with this token digest at now, in one transaction:
 * creates the account (or sets the password of the waiting one) with
 * password_hash and returns its id. Unknown: SW_ENOTFOUND "token"; used,
 * revoked or expired: SW_ECONFLICT "token", saying which. Single use: of
 * two concurrent accepts one wins. */
int store_invitation_accept(struct store *st, const char *digest, int64_t now,
			    const char *password_hash, int64_t *user_id, struct sw_error *err);

/* ---- what the access check reads (store_case.c) ------------------------ */

/* The user's participations, active or not, in case case_id (0: in every
 * case), by case and id: the access check needs only the caller's, and the
 * case list reads them for all its cases at once. */
int store_participation_list_user(struct store *st, struct store_arena *a, int64_t user_id,
				  int64_t case_id, struct store_participation **out, size_t *n,
				  struct sw_error *err);

/* ---- a page of the case list (store_timeline.c) ------------------------ */

/* What GET /cases shows of one case besides the case row. */
struct store_case_page_item {
	int64_t case_id;                 /* set by the caller */
	const char *employee_name;       /* NULL if the user is gone */
	const char *organisation_name;
	struct store_case_input input;   /* owned: store_case_page_free */
	struct store_deadline *deadlines; /* in the arena, timeline order */
	size_t ndeadlines;
};

/* Loads items[0..n) - zero-initialised but for case_id, ascending, each a
 * case of user_id - with
 * five queries whatever n is (names, periods, events, deviations,
 * deadlines of the user's cases in the ids' range). Free with
 * store_case_page_free, also after an error. */
int store_case_page_load(struct store *st, struct store_arena *a, int64_t user_id,
			 struct store_case_page_item *items, size_t n, struct sw_error *err);
void store_case_page_free(struct store_case_page_item *items, size_t n);

/* ---- pages of messages (store_message.c) ------------------------------ */

/* Page of the case's messages counted from the newest: skip the newest
 * offset, take the next limit, returned oldest first; *total counts all. */
int store_message_page(struct store *st, struct store_arena *a, int64_t case_id, int64_t offset,
		       int limit, struct store_message **out, size_t *n, int64_t *total,
		       struct sw_error *err);

/* ---- the dossier: documents, versions, agreements (store_document.c) --- */

/* One version of a document. Versions are never changed: a bijstelling is
 * the next version. The employee's answer (approval) exists only for types
 * that ask one (doc_type_info.approval); answered_* are 0/NULL/DATE_NONE
 * while it is open or not asked. */
struct store_document_version {
	int64_t id;
	int64_t document_id;
	int version;                     /* 1, 2, ... */
	const struct doc_value *values;  /* the content, non-empty values only */
	size_t nvalues;
	sw_date date;                    /* its "datum" */
	int64_t author_id;
	const char *author_name;         /* NULL: the user was removed */
	enum role author_role;
	const char *created_at;
	enum doc_approval_state approval;
	sw_date answered_on;
	int64_t answered_by;
	const char *comment;             /* with the answer; NULL: none */
};

struct store_document {
	int64_t id;
	int64_t case_id;
	enum doc_type type;
	int64_t created_by;
	enum role created_role;
	const char *created_at;
	struct store_document_version latest; /* the newest version */
};

/* Records a new document of d->type with version 1 from v (values, author,
 * author role), validated with doc_validate (ctx->version is set here), and
 * the timeline events it completes (doc_events), in one transaction that
 * checks the case's history. A bad value is SW_EINVAL naming the field.
 * The caller checks that the author may write the type. */
int store_document_insert(struct store *st, const struct store_document *d,
			  const struct store_document_version *v, const struct doc_ctx *ctx,
			  int64_t *id, struct sw_error *err);

/* Adds the next version (a bijstelling) to document_id; its events replace
 * those of the earlier version, except that a recorded plan van aanpak
 * event stands. *version receives the new number. */
int store_document_add_version(struct store *st, int64_t document_id,
			       const struct store_document_version *v, const struct doc_ctx *ctx,
			       int *version, struct sw_error *err);

/* The employee's answer on a version: agreed (1) or not (0), with an
 * optional comment, on day `on`. Only the newest version of a type that
 * asks approval can be answered, once: otherwise SW_ECONFLICT field
 * "version". An agreement on a plan van aanpak completes its step. */
int store_document_answer(struct store *st, int64_t document_id, int version, int64_t user_id,
			  enum role role, int agreed, const char *comment, sw_date on,
			  struct sw_error *err);

/* A document with its newest version; unknown SW_ENOTFOUND field "id". */
int store_document_get(struct store *st, struct store_arena *a, int64_t id,
		       struct store_document *out, struct sw_error *err);
/* The case's documents by id, each with its newest version. */
int store_document_list(struct store *st, struct store_arena *a, int64_t case_id,
			struct store_document **out, size_t *n, struct sw_error *err);
/* Every version of a document, oldest first. */
int store_document_versions(struct store *st, struct store_arena *a, int64_t document_id,
			    struct store_document_version **out, size_t *n,
			    struct sw_error *err);
/* One version; unknown SW_ENOTFOUND field "version". */
int store_document_version_get(struct store *st, struct store_arena *a, int64_t document_id,
			       int version, struct store_document_version *out,
			       struct sw_error *err);

/* ---- calendar feeds (store_calendar.c) --------------------------------- */

/* Sets the user's feed to the token with this digest (crypto_token_digest),
 * replacing (revoking) the one before. */
int store_calendar_feed_set(struct store *st, int64_t user_id, const char *digest,
			    struct sw_error *err);
/* The user of the feed with this token digest; unknown is SW_ENOTFOUND
 * field "token". */
int store_calendar_feed_user(struct store *st, const char *digest, int64_t *user_id,
			     struct sw_error *err);

/* ---- attachments of dossier documents (store_attachment.c) ------------ */

struct store_attachment {
	int64_t id;
	int64_t document_id;
	enum attach_type type;
	size_t size;                     /* bytes */
	const char *sha256;              /* hex */
	int64_t created_by;
	const char *created_at;
};

/* Stores a file with its size and SHA-256. An empty file is SW_EINVAL
 * "body", one over ATTACH_MAX_BYTES SW_ELIMIT "body", bytes that are not
 * of the type SW_EINVAL "Content-Type". */
int store_attachment_insert(struct store *st, int64_t document_id, enum attach_type type,
			    const void *data, size_t len, int64_t created_by, int64_t *id,
			    struct sw_error *err);
/* Unknown is SW_ENOTFOUND field "aid". */
int store_attachment_get(struct store *st, struct store_arena *a, int64_t id,
			 struct store_attachment *out, struct sw_error *err);
/* The document's attachments by id. */
int store_attachment_list(struct store *st, struct store_arena *a, int64_t document_id,
			  struct store_attachment **out, size_t *n, struct sw_error *err);
/* The bytes in a malloc'd *data (caller frees), checked against the stored
 * size and checksum (a mismatch is SW_EINTERNAL). */
int store_attachment_data(struct store *st, int64_t id, unsigned char **data, size_t *len,
			  struct sw_error *err);

/* ---- information modules and shared decisions (store_info.c,
 * store_decision.c) ------------------------------------------------------- */

/* That user read information module `module` (a code of src/core/info.c)
 * in the case, and when (first read only). */
struct store_info_read {
	const char *module;
	const char *read_at;
};

/* Records the read once: reading again keeps the first read_at. The caller
 * checks that module is a known code. */
int store_info_read_mark(struct store *st, int64_t case_id, int64_t user_id, const char *module,
			 struct sw_error *err);
/* The user's reads in the case, by module code. */
int store_info_read_list(struct store *st, struct store_arena *a, int64_t case_id,
			 int64_t user_id, struct store_info_read **out, size_t *n,
			 struct sw_error *err);

/* A decision record of gedeelde besluitvorming: a party proposes, the
 * employee accepts (choosing an option) or asks to discuss; the other
 * parties agree or ask to discuss; every response is kept. */
enum store_decision_status {
	STORE_DECISION_VOORGESTELD = 0,
	STORE_DECISION_AANVAARD,
	STORE_DECISION_BESPROKEN,        /* the employee asked to discuss it */
	STORE_DECISION_INGETROKKEN,      /* withdrawn by the proposer */
	STORE_DECISION_STATUS__COUNT
};

enum store_decision_answer {
	STORE_DECISION_AKKOORD = 0,
	STORE_DECISION_BESPREKEN,
	STORE_DECISION_ANSWER__COUNT
};

/* API values: "voorgesteld", ...; "akkoord", "bespreken". */
const char *store_decision_status_name(enum store_decision_status s);
const char *store_decision_answer_name(enum store_decision_answer a);

#define STORE_DECISION_MIN_OPTIONS 2
#define STORE_DECISION_MAX_OPTIONS 6

struct store_decision_option {
	const char *label;               /* required */
	const char *pros;                /* NULL: none */
	const char *cons;                /* NULL: none */
};

struct store_decision_response {
	int64_t id;
	int64_t user_id;
	const char *user_name;           /* read back only; NULL if the user is gone */
	enum role role;
	enum store_decision_answer answer;
	int option_index;                /* 0-based; -1: none */
	const char *comment;             /* NULL: none; required to ask for discussion */
	const char *created_at;
};

struct store_decision {
	int64_t id;
	int64_t case_id;
	const char *question;
	int64_t proposed_by;
	const char *proposer_name;       /* read back only */
	enum role proposed_role;
	enum store_decision_status status;
	int chosen_option;               /* 0-based when aanvaard; -1 otherwise */
	sw_date decided_on;              /* day of acceptance; DATE_NONE otherwise */
	const char *created_at;
	struct store_decision_option *options;
	size_t noptions;
	struct store_decision_response *responses; /* oldest first; read back only */
	size_t nresponses;
};

/* Inserts a proposal (status voorgesteld) with its options. */
int store_decision_insert(struct store *st, const struct store_decision *d, int64_t *id,
			  struct sw_error *err);
int store_decision_get(struct store *st, struct store_arena *a, int64_t id,
		       struct store_decision *out, struct sw_error *err);
/* The case's decisions by id, each with options and responses. */
int store_decision_list(struct store *st, struct store_arena *a, int64_t case_id,
			struct store_decision **out, size_t *n, struct sw_error *err);
/* Adds response r (id, created_at ignored) to decision id, decided today.
 * The employee's akkoord needs an option and accepts the decision with it;
 * their bespreken sets it to besproken. Others' responses are recorded
 * only; an akkoord of theirs with an option after acceptance must name the
 * chosen one. A withdrawn decision, or an employee's second answer after
 * acceptance, is SW_ECONFLICT field "status". */
int store_decision_respond(struct store *st, int64_t id, const struct store_decision_response *r,
			   sw_date today, struct sw_error *err);
/* The proposer withdraws an open decision (not aanvaard): SW_ECONFLICT
 * field "status" otherwise, SW_EDENIED when user_id did not propose it. */
int store_decision_withdraw(struct store *st, int64_t id, int64_t user_id, struct sw_error *err);

#endif
