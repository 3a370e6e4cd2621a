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
#include "core/role.h"
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
};

/* An overlap with another period of the case is SW_EINVAL field "from". */
int store_period_insert(struct store *st, const struct store_period *p, int64_t *id,
			struct sw_error *err);
/* Records the recovery: to is the last sick day of the open period. */
int store_period_close(struct store *st, int64_t id, sw_date to, struct sw_error *err);
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

/* One open case as the scan delivers it. Everything points into the scan's
 * buffers and is valid only during the callback. */
struct store_scan_case {
	int64_t case_id;
	int64_t organisation_id;
	const char *employee_name;
	struct store_case_input input;   /* may have no periods yet */
	const struct store_participant *participants; /* active on today */
	size_t nparticipants;
};

/* Returns 0 to go on, -1 (with err set) to stop the scan. */
typedef int (*store_scan_fn)(const struct store_scan_case *c, void *ctx, struct sw_error *err);

/* Calls fn once per open case, in case id order, with its periods, events,
 * deviations and the participants active on today. Reads a few ordered
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
