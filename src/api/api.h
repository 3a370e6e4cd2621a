/* api.h - the JSON API: what its resources share.
 *
 * Each resource (src/api/<resource>.c) registers handlers of type
 * api_handler_fn through api_route(). A trampoline turns the router's call
 * into a struct api_call: a store connection checked out of the pool for the
 * length of the request, an arena for what is read from it, the logged-in
 * user (set by api_authenticate, the http_site hook) and today's date. */
#ifndef SW_API_H
#define SW_API_H

#include <stdbool.h>
#include <stdint.h>

#include <jansson.h>

#include "core/crypto.h"
#include "core/date.h"
#include "core/policy.h"
#include "core/error.h"
#include "http/http_message.h"
#include "http/http_ratelimit.h"
#include "http/http_router.h"
#include "store/store.h"
#include "store/store_pool.h"

#define API_MAX_ROUTES 256

/* The cookie that carries the session token (HttpOnly). */
#define API_SESSION_COOKIE "sw_session"
/* A session lasts this long from login; there is no sliding renewal. */
#define API_SESSION_SECONDS (12 * 60 * 60)

struct api_app;
struct api_call;
struct http_response;

typedef int (*api_handler_fn)(struct api_call *c, struct http_response *res,
			      struct sw_error *err);

/* A route that manages its own transactions (login, passwords): not run
 * inside the change's transaction and retry of api.c. */
#define API_ROUTE_OWN_TX 1u

/* What the router's ctx points at: one per route, kept in the app. */
struct api_route {
	struct api_app *app;
	api_handler_fn fn;
	unsigned flags;                        /* API_ROUTE_... */
};

/* Shared by all requests for the life of the server; set up by the caller,
 * then api_register_all. Must outlive the router. */
struct api_app {
	struct store_pool *pool;               /* borrowed */
	struct http_ratelimit *login_limit;    /* borrowed; per client address + email */
	sw_date fixed_today;                   /* DATE_NONE: the clock (tests fix it) */
	/* Hash of a password nobody has: a login for an unknown email is
	 * verified against it, so that it costs as much as a known one. */
	char dummy_hash[CRYPTO_PWHASH_STRLEN];
	struct api_route routes[API_MAX_ROUTES];
	size_t nroutes;
	/* The key of the medical domain (cmd_serve --medical-key); without it
	 * the medical routes answer 503. */
	bool has_medical_key;
	uint8_t medical_key[CRYPTO_KEY_BYTES];
};

/* The logged-in user as api_authenticate found it: req->auth. */
struct api_user {
	int64_t id;
	int64_t session_id;
	char name[256];                        /* store names are at most 200 bytes */
	char email[256];
	int64_t organisation_id;               /* 0: none */
	bool is_beheerder;
};

struct api_call {
	struct api_app *app;
	struct http_request *req;
	struct store *st;                      /* checked out for this request */
	struct store_arena arena;              /* freed after the handler */
	const struct api_user *user;           /* NULL: anonymous */
	sw_date today;                         /* local date (TZ: Europe/Amsterdam, set by
					        * cmd_serve), or fixed_today */
};

/* Initialises app (pool and limiter borrowed, fixed_today DATE_NONE). */
void api_app_init(struct api_app *app, struct store_pool *pool,
		  struct http_ratelimit *login_limit);

/* Registers every resource's routes on r; app must outlive r. */
int api_register_all(struct router *r, struct api_app *app, struct sw_error *err);

/* Adds one route whose handler gets an api_call. */
int api_route(struct router *r, struct api_app *app, const char *method, const char *pattern,
	      api_handler_fn fn, struct sw_error *err);

/* The http_site.authenticate hook (app is the struct api_app): the sw_session
 * cookie's session sets req->auth (struct api_user) and req->csrf_token. A
 * missing, unknown or expired cookie leaves the request anonymous. */
int api_authenticate(struct http_request *req, void *app, struct sw_error *err);

/* SW_EAUTH unless the call has a logged-in user. */
int api_require_user(const struct api_call *c, struct sw_error *err);

/* Wall-clock seconds, for session expiry and lockout. */
int64_t api_now(void);

/* ---- access to a case (access.c) --------------------------------------- */

/* The caller's organisation roles in an organisation and where a person of
 * it stands (what the policy takes besides participations). */
struct api_org_facts {
	unsigned roles;                        /* ORG_ROLE_BIT set */
	bool in_scope;                         /* casemanager of the person's department */
	bool in_team;                          /* the person's leidinggevende */
};

int api_org_facts(struct api_call *c, int64_t org_id, int64_t person_id,
		  struct api_org_facts *f, struct sw_error *err);

/* A case the caller may use, with the participation that allowed it. */
struct api_case {
	struct store_case kase;                /* strings in the call's arena */
	enum role role;                        /* the caller's role in the case; a
						* casemanager in scope: werkgever;
						* ROLE__COUNT: an organisation role
						* (leidinggevende) */
	struct api_org_facts facts;
};

/* Parses path parameter name as a positive id; anything else is
 * SW_ENOTFOUND naming it (no such resource). */
int api_param_id(const struct api_call *c, const char *name, int64_t *out, struct sw_error *err);

/* Decides whether the caller may do action on resource r of case k today,
 * from the caller's participations in it (the active one; of several the
 * first that allows, most privileged first). *role is the role used (or
 * ROLE__COUNT: none). No audit row, no error mapping: see api_case_access. */
int api_case_decide(struct api_call *c, const struct store_case *k, enum policy_resource r,
		    enum policy_action a, struct policy_decision *d, enum role *role,
		    struct sw_error *err);

/* api_case_decide over participations already read: ps holds (at least)
 * the caller's participations in k; others are ignored. For the case list,
 * which reads them for all its cases in one query. */
int api_case_decide_among(struct api_call *c, const struct store_case *k,
			  const struct store_participation *ps, size_t n,
			  const struct api_org_facts *facts, enum policy_doc doc,
			  enum policy_resource r, enum policy_action a, struct policy_decision *d,
			  enum role *role, struct sw_error *err);

/* Appends the audit row of one decision (role ROLE__COUNT: none, case_id 0:
 * not about one case) with the request's method, path and client. */
int api_audit(struct api_call *c, int64_t case_id, enum role role, enum policy_resource r,
	      enum policy_action a, struct policy_decision d, struct sw_error *err);

/* The access check of every case endpoint: loads the case (unknown: 404
 * field "id"), decides, writes the audit row (allow or deny) and answers
 * 0 with *out filled when allowed. A caller without a relation to the case
 * (no active participation, another organisation, a beheerder, a
 * netwerkwerkgever outside the search profile) gets SW_ENOTFOUND "id", as if
 * the case did not exist; a participant whose role may not do this gets
 * SW_EDENIED with the policy reason as message. Requires a logged-in user. */
int api_case_access(struct api_call *c, int64_t case_id, enum policy_resource r,
		    enum policy_action a, struct api_case *out, struct sw_error *err);
/* api_case_access for one document (or a listing the caller filters):
 * what the leidinggevende may see depends on it. */
/* Access to the case and its document did in the path (*d), decided on
 * the document's class, so that a leidinggevende reads only what is theirs. */
int api_document_access(struct api_call *c, enum policy_action a, struct api_case *ac,
			struct store_document *d, struct sw_error *err);

int api_case_access_doc(struct api_call *c, int64_t case_id, enum policy_doc doc,
			enum policy_resource r, enum policy_action a, struct api_case *out,
			struct sw_error *err);

/* Decides an administrative question (resource POLICY_ORGANISATIONS or
 * POLICY_USERS; target_user_id / target_org_id the record asked about, 0
 * for a listing), writes its audit row (no case) and answers SW_EDENIED
 * when the policy says no. Requires a logged-in user. */
int api_admin_access(struct api_call *c, enum policy_resource r, enum policy_action a,
		     int64_t target_user_id, int64_t target_org_id, struct sw_error *err);

/* The organisation an administrative listing (accounts, invitations) is
 * about: ?organisation_id=, else - for anyone but the installation's
 * beheerder, who lists all (0) - the caller's own. Hand it to
 * api_admin_access as target_org_id and filter the listing by it. */
int api_admin_listing_org(struct api_call *c, int64_t *org, struct sw_error *err);

/* ---- paging of lists (paging.c) ----------------------------------------- */

/* An optional integer query argument in [min, max]; absent leaves *out. */
int api_query_int(const struct api_call *c, const char *name, int64_t min, int64_t max,
		  int64_t *out, struct sw_error *err);

struct api_page {
	int64_t page;                          /* 1-based */
	int64_t per_page;
};

/* ?page= and ?per_page= (default per_page def, at most max). */
int api_page_parse(const struct api_call *c, int64_t def, int64_t max, struct api_page *p,
		   struct sw_error *err);

static inline int64_t api_page_offset(const struct api_page *p)
{
	return (p->page - 1) * p->per_page;
}

/* Answers 200 {items, page, per_page, total}, the shape of every paged
 * list; takes items. */
int api_page_respond(struct http_response *res, json_t *items, const struct api_page *p,
		     int64_t total, struct sw_error *err);

/* ---- resources: one register function per file ------------------------ */

/* session.c: /api/v1/session (login, whoami, logout), .../password */
int api_session_register(struct router *r, struct api_app *app, struct sw_error *err);

/* cases.c: /api/v1/cases and the case's sub-resources */
int api_cases_register(struct router *r, struct api_app *app, struct sw_error *err);
int api_events_register(struct router *r, struct api_app *app, struct sw_error *err);

/* messages.c: /api/v1/cases/{id}/messages */
int api_messages_register(struct router *r, struct api_app *app, struct sw_error *err);

/* consents.c: /api/v1/cases/{id}/consents */
int api_consents_register(struct router *r, struct api_app *app, struct sw_error *err);

/* The employer network (network_json.h has what these files share):
 * offers.c: /api/v1/offers, /api/v1/network/conditions */
int api_offers_register(struct router *r, struct api_app *app, struct sw_error *err);
/* zoekprofiel.c: /api/v1/cases/{id}/zoekprofiel */
int api_zoekprofiel_register(struct router *r, struct api_app *app, struct sw_error *err);
/* matches.c: /api/v1/cases/{id}/matches, /api/v1/offers/{id}/candidates */
int api_matches_register(struct router *r, struct api_app *app, struct sw_error *err);
/* pipeline.c: /api/v1/cases/{id}/pipeline */
int api_pipeline_register(struct router *r, struct api_app *app, struct sw_error *err);
/* spelregels.c: /api/v1/cases/{id}/pipeline/{eid}/spelregels(/akkoord) */
int api_spelregels_register(struct router *r, struct api_app *app, struct sw_error *err);
/* network_figures.c: /api/v1/network/figures */
int api_network_figures_register(struct router *r, struct api_app *app, struct sw_error *err);
/* monitoring.c: /api/v1/cases/{id}/placements/... and .../monitoring/reminders */
int api_monitoring_register(struct router *r, struct api_app *app, struct sw_error *err);

/* statistics.c: /api/v1/organisations/{id}/statistics(.csv) and
 * .../placement-outcomes: aggregates for the organisation's werkgever */
int api_statistics_register(struct router *r, struct api_app *app, struct sw_error *err);

/* employments.c: /api/v1/organisations/{id}/employments, for the beheerder
 * and the organisation's casemanager and beheerder */
int api_employments_register(struct router *r, struct api_app *app, struct sw_error *err);

/* An employment as JSON, and its fields from a body (employments.c):
 * from (create only), until (null: open), contract_hours, norm_hours,
 * functie. */
json_t *api_employment_json(const struct store_employment *e);
int api_employment_fields(const json_t *body, bool create, struct store_employment *e,
			  struct sw_error *err);

/* persons.c: departments, the register (persons, their employments) */
int api_persons_register(struct router *r, struct api_app *app, struct sw_error *err);
/* The person {id} of the path for action a, within the caller's scope
 * (outside it 404 "id"); fills p. */
int api_person_access(struct api_call *c, enum policy_action a, struct store_person *p,
		      struct sw_error *err);
/* The organisation {id} of the path for action a on resource r of its
 * register; another organisation than the caller's is not found (404). */
int api_register_org_access(struct api_call *c, enum policy_resource r, enum policy_action a,
			    int64_t *org, struct sw_error *err);

/* melding.c: GET /api/v1/cases/{id}/melding-uwv.pdf, the 42-week data sheet */
int api_melding_register(struct router *r, struct api_app *app, struct sw_error *err);

/* register_import.c: POST /api/v1/organisations/{id}/persons/import */
int api_register_import_register(struct router *r, struct api_app *app, struct sw_error *err);

/* sickness.c: /api/v1/cases/{id}/sickness (mutations), .../casemanager,
 * /api/v1/organisations/{id}/casemanagers */
int api_sickness_register(struct router *r, struct api_app *app, struct sw_error *err);

/* The case's sickness state now, derived from its mutations (sickness.c). */
int api_sickness_state(struct api_call *c, int64_t case_id, struct sick_state *out,
		       struct sw_error *err);

/* A JSON number field (1 set, 0 absent, -1 bad with err naming it). */
int api_field_percent(const json_t *body, const char *key, double *out, struct sw_error *err);

/* session.c: logs user_id in as a successful login does (new session,
 * both cookies) and answers status with the session body. */
int api_session_login(struct api_call *c, struct http_response *res, int64_t user_id,
		      unsigned status, struct sw_error *err);

/* Length rules of a new password (session.c): SW_EINVAL naming field. */
int api_password_check(const char *password, const char *field, struct sw_error *err);
#define API_PASSWORD_MAX_CHARS 200

/* medical.c: /api/v1/cases/{id}/medical (the medical domain) */
int api_medical_register(struct router *r, struct api_app *app, struct sw_error *err);

/* organisations.c: /api/v1/organisations */
int api_organisations_register(struct router *r, struct api_app *app, struct sw_error *err);

/* users.c: /api/v1/users */
int api_users_register(struct router *r, struct api_app *app, struct sw_error *err);

/* org_roles.c: PUT /api/v1/users/{id}/org-roles; the user's roles as JSON
 * [{organisation_id, organisation_name, role, department_ids}], and roles
 * (the list at roles_key) and department_ids read from a body (arena). */
int api_org_roles_register(struct router *r, struct api_app *app, struct sw_error *err);
int api_org_roles_json(struct api_call *c, int64_t user_id, json_t **out, struct sw_error *err);
int api_org_roles_parse(struct api_call *c, const json_t *body, const char *roles_key,
			unsigned *roles, int64_t **departments, size_t *ndepartments,
			struct sw_error *err);
/* Administration of organisation org (resource users, action a): 404 for
 * a caller outside it, else the policy (the installation's beheerder or
 * the organisation's beheerder). */
int api_org_admin_access(struct api_call *c, enum policy_action a, int64_t org,
			 struct sw_error *err);
/* users.c: answers the account (with its org roles) */
int api_account_respond(struct api_call *c, struct http_response *res, int64_t id,
			unsigned status, struct sw_error *err);

/* invitations.c: /api/v1/invitations, accepting one */
int api_invitations_register(struct router *r, struct api_app *app, struct sw_error *err);

/* participations.c: /api/v1/cases/{id}/participations */
int api_participations_register(struct router *r, struct api_app *app, struct sw_error *err);

/* deviations.c: /api/v1/cases/{id}/deviations (art. 5) */
int api_deviations_register(struct router *r, struct api_app *app, struct sw_error *err);

/* info.c: /api/v1/info and /api/v1/cases/{id}/info (information modules) */
int api_info_register(struct router *r, struct api_app *app, struct sw_error *err);

/* decisions.c: /api/v1/cases/{id}/decisions (shared decisions) */
int api_decisions_register(struct router *r, struct api_app *app, struct sw_error *err);

/* ---- the dossier (documents.c, exports.c) ------------------------------ */

struct riv_report;

/* documents.c: /api/v1/cases/{id}/documents (versions, diff, agreement)
 * and /api/v1/cases/{id}/riv */
int api_documents_register(struct router *r, struct api_app *app, struct sw_error *err);

/* exports.c: riv.pdf, plan-van-aanpak.pdf, cases.csv, deadlines.csv and
 * the calendar feed (/api/v1/calendar-feed, /api/v1/calendar/{token}.ics) */
int api_exports_register(struct router *r, struct api_app *app, struct sw_error *err);

/* attachments.c: /api/v1/cases/{id}/documents/{did}/attachments */
int api_attachments_register(struct router *r, struct api_app *app, struct sw_error *err);

/* orientation.c: /api/v1/cases/{id}/early-second-track */
int api_orientation_register(struct router *r, struct api_app *app, struct sw_error *err);

/* The case's timeline for the call's today in a malloc'd *out (caller
 * frees), or *out NULL when the case has no sick period yet. */
int api_case_timeline(struct api_call *c, int64_t case_id, struct tl_timeline **out,
		      struct sw_error *err);

/* A day something happened on the case: SW_EINVAL naming field when it
 * lies after today or before the case's first sick day; DATE_NONE passes
 * (the schema check reports a missing date). */
int api_check_case_date(struct api_call *c, int64_t case_id, sw_date date, const char *field,
			struct sw_error *err);

/* The re-integratieverslag check of a case from its documents (as
 * store_document_list gives them) and timeline (NULL: SW_ECONFLICT). */
int api_riv_report(const struct tl_timeline *tl, const struct store_document *docs, size_t n,
		   sw_date today, struct riv_report *out, struct sw_error *err);

/* The check as JSON (GET /riv); new reference, NULL when out of memory. */
json_t *api_riv_json(const struct riv_report *r);

#endif
