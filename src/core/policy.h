/* policy.h - who may read or write what (DOMAIN.md sections 2 and 3).
 *
 * A pure function: the caller (the API layer) loads the facts from the
 * store - the acting user, that user's participation record in the case,
 * the case's owner organisation and employee, the consents - and asks one
 * question. No I/O, no allocation, no clock: "today" is an input, so every
 * decision can be replayed and tested. Anything malformed is denied. */
#ifndef SW_POLICY_H
#define SW_POLICY_H

#include <stdbool.h>
#include <stdint.h>

#include "date.h"
#include "role.h"

/* Classes of data. Everything but ORGANISATIONS and USERS is case
 * content; PLACEMENT_OFFER belongs to the offering organisation and is
 * case content only when read through a candidate's case. */
enum policy_resource {
	POLICY_CASE_FUNCTIONAL = 0, /* belastbaarheid, expected duration, adjustments */
	POLICY_CASE_MEDICAL,        /* diagnosis, complaints, treatment, BA notes */
	POLICY_ZIEKMELDING,         /* the sick report as the employer records it */
	POLICY_SICK_PERIODS,        /* sickness mutations and the periods derived */
	POLICY_DEADLINES,           /* computed steps, events, art. 5 deviations */
	POLICY_DOCUMENTS,           /* functional dossier documents (PvA, RIV, ...) */
	POLICY_MESSAGES,
	POLICY_CONSENTS,
	POLICY_ACCESS_LOG,          /* who looked at the case */
	POLICY_ZOEKPROFIEL,
	POLICY_ORGANISATIONS,
	POLICY_USERS,
	POLICY_PLACEMENT_OFFER,
	POLICY_PLACEMENT,           /* the candidate's pipeline and placements */
	POLICY_MONITORING,          /* driegesprek, questionnaires, risk signals, goals */
	POLICY_DECISIONS,           /* shared decision records */
	POLICY_EMPLOYMENTS,         /* employments of an organisation (statistics input) */
	POLICY_STATISTICS,          /* aggregates of an organisation, no case content */
	POLICY_PERSONS,             /* the employee register of an organisation */
	POLICY_RESOURCE__COUNT
};

enum policy_action {
	POLICY_READ = 0,
	POLICY_WRITE,
	POLICY_ACTION__COUNT
};

/* Consents of the employee, as bits of policy_request.consents. */
enum policy_consent {
	POLICY_CONSENT_ZOEKPROFIEL_NETWERK = 0, /* propose me to network employers */
	POLICY_CONSENT__COUNT
};

/* Why: stable API/audit values via policy_reason_name(). */
enum policy_reason {
	POLICY_ALLOW_PARTICIPANT = 0, /* the active participation's role permits it */
	POLICY_ALLOW_CONSENT,         /* netwerkwerkgever, candidate consented */
	POLICY_ALLOW_BEHEERDER,
	POLICY_ALLOW_OWN_ORGANISATION,
	POLICY_ALLOW_SELF,
	POLICY_ALLOW_ORG_ROLE,        /* casemanager / leidinggevende of the case's person */
	POLICY_DENY_INVALID,          /* malformed question: fail closed */
	POLICY_DENY_NO_CASE,          /* case content asked without a case */
	POLICY_DENY_NO_PARTICIPATION,
	POLICY_DENY_NOT_STARTED,      /* participation starts after today */
	POLICY_DENY_ENDED,            /* participation ended before today */
	POLICY_DENY_NOT_OWN_CASE,     /* werknemer participation on someone else's case */
	POLICY_DENY_OTHER_ORGANISATION,
	POLICY_DENY_BEHEERDER,        /* beheerder never sees case content */
	POLICY_DENY_MEDICAL,          /* medical domain: assigned bedrijfsarts only */
	POLICY_DENY_NO_CONSENT,
	POLICY_DENY_ROLE,             /* the role has no business with this data */
	POLICY_DENY_READ_ONLY,
	POLICY_DENY_APPEND_ONLY,      /* access log: written by the server, never by a user */
	POLICY_DENY_OUT_OF_SCOPE,     /* org role, but not this department / team */
	POLICY_DENY_NO_CASE_CONTENT,  /* hr-analist: statistics only */
	POLICY_DENY_DOCUMENT_TYPE,    /* leidinggevende: not this kind of document */
	POLICY_REASON__COUNT
};

/* A participation record (case, user, role, from, until): the only link
 * between a person and a case. from and until are inclusive days; until is
 * DATE_NONE while open-ended. */
struct policy_participation {
	enum role role;
	sw_date from;
	sw_date until;
};

struct policy_actor {
	int64_t user_id;
	int64_t org_id;         /* 0: belongs to no organisation */
	bool is_beheerder;
};

struct policy_case {
	int64_t org_id;           /* the employer of the sick employee */
	int64_t employee_user_id; /* the werknemer */
};

/* A consent window: given on `given`, revoked from `revoked` on (DATE_NONE:
 * never given / not revoked). Revocation counts from its own day. */
struct policy_consent_record {
	sw_date given;
	sw_date revoked;
};

/* Which document a POLICY_DOCUMENTS question is about, for the
 * leidinggevende (DOMAIN.md 2a: the plan van aanpak and the
 * voortgangsgesprekken they take part in). UNSPECIFIED denies them: a
 * caller that does not say is not trusted to filter. */
enum policy_doc {
	POLICY_DOC_UNSPECIFIED = 0,
	POLICY_DOC_LIST,              /* a listing the caller filters per document */
	POLICY_DOC_PLAN_VAN_AANPAK,
	POLICY_DOC_VOORTGANGSGESPREK_PRESENT, /* "leidinggevende aanwezig": ja */
	POLICY_DOC_OTHER,
};

struct policy_request {
	struct policy_actor actor;
	const struct policy_participation *participation; /* NULL: none in this case */
	const struct policy_case *kase;                   /* NULL: not about a case */
	struct policy_consent_record consents[POLICY_CONSENT__COUNT];
	enum policy_resource resource;
	enum policy_action action;
	/* The record asked about, for the non-case classes: the user (USERS),
	 * the organisation (ORGANISATIONS) or the offering organisation
	 * (PLACEMENT_OFFER) or the employing organisation (EMPLOYMENTS). 0 when
	 * it is a listing or not known. */
	int64_t target_user_id;
	int64_t target_org_id;
	/* The actor's organisation roles (ORG_ROLE_BIT set) in the organisation
	 * asked about: the case's (kase->org_id) or target_org_id. */
	unsigned org_roles;
	/* Case questions: the case's person is in a department of the
	 * actor's casemanager assignment (or the assignment has no department
	 * limits), and the person is in the actor's team (manager). */
	bool in_scope;
	bool in_team;
	enum policy_doc doc;
	/* ZIEKMELDING write that would open a case (kase: the person's
	 * organisation and account): the werknemer may report themselves. */
	bool new_report;
	sw_date today;
};

struct policy_decision {
	bool allow;
	enum policy_reason reason;
};

/* A request with every consent absent; the caller fills in the rest. */
void policy_request_init(struct policy_request *req);

struct policy_decision policy_decide(const struct policy_request *req);

/* True when the consent is in force on `today`. */
bool policy_consent_active(const struct policy_consent_record *c, sw_date today);

const char *policy_reason_name(enum policy_reason reason);
const char *policy_resource_name(enum policy_resource resource);
const char *policy_action_name(enum policy_action action);

#endif
