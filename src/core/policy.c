/* policy.c - the access policy: one table of what each case role may do,
 * and the checks around it that make the table apply only to the right
 * people at the right time. Order matters: every deny that does not depend
 * on the role (no case, no participation, outside its window, wrong
 * organisation) comes before the table, so the table is the whole story
 * for an active, correctly bound participant. */
#include "policy.h"

#include <string.h>

#define R (1u << POLICY_READ)
#define W (1u << POLICY_WRITE)
#define RW (R | W)

/* What a participant in an active participation may do with each class of
 * case content (DOMAIN.md section 2). Organisations and users are not case
 * content and are absent here; a placement offer read through a case is
 * the offer proposed to this candidate.
 *
 * werknemer reads the medical domain of their own case: section 2 gives
 * them "all documents" of it and the law gives them access to their own
 * medical file (AVG art. 15, BW 7:456); only the bedrijfsarts writes it. */
static const unsigned char case_rights[ROLE__COUNT][POLICY_RESOURCE__COUNT] = {
	[ROLE_WERKNEMER] = {
		[POLICY_CASE_FUNCTIONAL] = RW, [POLICY_CASE_MEDICAL] = R,
		[POLICY_ZIEKMELDING] = R, [POLICY_SICK_PERIODS] = R,
		[POLICY_DEADLINES] = R, [POLICY_DOCUMENTS] = RW,
		[POLICY_MESSAGES] = RW, [POLICY_CONSENTS] = RW,
		[POLICY_ACCESS_LOG] = R, [POLICY_ZOEKPROFIEL] = RW,
		[POLICY_PLACEMENT_OFFER] = R,
		[POLICY_PLACEMENT] = R, [POLICY_MONITORING] = RW, [POLICY_DECISIONS] = RW,
	},
	[ROLE_WERKGEVER] = {
		[POLICY_CASE_FUNCTIONAL] = RW,
		[POLICY_ZIEKMELDING] = RW, [POLICY_SICK_PERIODS] = RW,
		[POLICY_DEADLINES] = RW, [POLICY_DOCUMENTS] = RW,
		[POLICY_MESSAGES] = RW, [POLICY_CONSENTS] = R,
		[POLICY_ZOEKPROFIEL] = R, [POLICY_PLACEMENT_OFFER] = R,
		[POLICY_PLACEMENT] = RW, [POLICY_MONITORING] = RW, [POLICY_DECISIONS] = RW,
	},
	[ROLE_BEDRIJFSARTS] = {
		[POLICY_CASE_FUNCTIONAL] = RW, [POLICY_CASE_MEDICAL] = RW,
		[POLICY_ZIEKMELDING] = R, [POLICY_SICK_PERIODS] = R,
		[POLICY_DEADLINES] = RW, [POLICY_DOCUMENTS] = RW,
		[POLICY_MESSAGES] = RW, [POLICY_CONSENTS] = R,
		[POLICY_ZOEKPROFIEL] = R, [POLICY_PLACEMENT_OFFER] = R,
		[POLICY_PLACEMENT] = R, [POLICY_MONITORING] = R, [POLICY_DECISIONS] = RW,
	},
	[ROLE_ARBEIDSDESKUNDIGE] = {
		[POLICY_CASE_FUNCTIONAL] = RW,
		[POLICY_ZIEKMELDING] = R, [POLICY_SICK_PERIODS] = R,
		[POLICY_DEADLINES] = RW, [POLICY_DOCUMENTS] = RW,
		[POLICY_MESSAGES] = RW, [POLICY_CONSENTS] = R,
		[POLICY_ZOEKPROFIEL] = RW, [POLICY_PLACEMENT_OFFER] = R,
		[POLICY_PLACEMENT] = RW, [POLICY_MONITORING] = RW, [POLICY_DECISIONS] = RW,
	},
	[ROLE_REINTEGRATIEPROFESSIONAL] = {
		[POLICY_CASE_FUNCTIONAL] = RW,
		[POLICY_ZIEKMELDING] = R, [POLICY_SICK_PERIODS] = R,
		[POLICY_DEADLINES] = RW, [POLICY_DOCUMENTS] = RW,
		[POLICY_MESSAGES] = RW, [POLICY_CONSENTS] = R,
		[POLICY_ZOEKPROFIEL] = RW, [POLICY_PLACEMENT_OFFER] = R,
		[POLICY_PLACEMENT] = RW, [POLICY_MONITORING] = RW, [POLICY_DECISIONS] = RW,
	},
	/* Only with the candidate's consent (checked below): the search
	 * profile, and as receiving employer the placement and its monitoring. */
	[ROLE_NETWERKWERKGEVER] = {
		[POLICY_ZOEKPROFIEL] = R, [POLICY_PLACEMENT] = RW, [POLICY_MONITORING] = RW,
	},
	/* A beheerder is not a case role: a participation claiming it gets
	 * nothing. */
	[ROLE_BEHEERDER] = { 0 },
};

/* What a leidinggevende may do in the cases of the own team (DOMAIN.md
 * 2a): the sick report and the sickness mutations (managers report sick
 * and recovered), the timeline, and of the documents only the plan van
 * aanpak and the voortgangsgesprekken they take part in (decided below from
 * the document). No messages, consents, medical, decisions, network or
 * monitoring. A casemanager in scope has the werkgever's rights. */
static const unsigned char leidinggevende_rights[POLICY_RESOURCE__COUNT] = {
	[POLICY_ZIEKMELDING] = RW, [POLICY_SICK_PERIODS] = RW, [POLICY_DEADLINES] = R,
	[POLICY_DOCUMENTS] = R,
};

static struct policy_decision allow(enum policy_reason reason)
{
	return (struct policy_decision){ true, reason };
}

static struct policy_decision deny(enum policy_reason reason)
{
	return (struct policy_decision){ false, reason };
}

void policy_request_init(struct policy_request *req)
{
	memset(req, 0, sizeof *req);
	for (int i = 0; i < POLICY_CONSENT__COUNT; i++)
		req->consents[i] = (struct policy_consent_record){ DATE_NONE, DATE_NONE };
	req->today = DATE_NONE;
}

bool policy_consent_active(const struct policy_consent_record *c, sw_date today)
{
	if (c->given == DATE_NONE || today < c->given)
		return false;
	return c->revoked == DATE_NONE || today < c->revoked;
}

static bool is_valid(const struct policy_request *req)
{
	if ((unsigned)req->resource >= POLICY_RESOURCE__COUNT ||
	    (unsigned)req->action >= POLICY_ACTION__COUNT || req->today == DATE_NONE)
		return false;
	const struct policy_participation *p = req->participation;
	return p == NULL || ((unsigned)p->role < ROLE__COUNT && p->from != DATE_NONE);
}

/* Users and organisations: the beheerder's domain. Anyone may read their
 * own user record and their own organisation (the portal shows them). */
static struct policy_decision decide_admin(const struct policy_request *req)
{
	const struct policy_actor *a = &req->actor;
	if (a->is_beheerder)
		return allow(POLICY_ALLOW_BEHEERDER);
	/* The organisation's beheerder: the accounts of that organisation. */
	if (req->resource == POLICY_USERS && req->target_org_id != 0 &&
	    (req->org_roles & ORG_ROLE_BIT(ORG_ROLE_BEHEERDER)))
		return allow(POLICY_ALLOW_ORG_ROLE);
	if (req->action != POLICY_READ)
		return deny(POLICY_DENY_ROLE);
	if (req->resource == POLICY_USERS && a->user_id != 0 && req->target_user_id == a->user_id)
		return allow(POLICY_ALLOW_SELF);
	if (req->resource == POLICY_ORGANISATIONS && a->org_id != 0 && req->target_org_id == a->org_id)
		return allow(POLICY_ALLOW_OWN_ORGANISATION);
	return deny(POLICY_DENY_ROLE);
}

/* Employments: the installation's beheerder, and the casemanager and the
 * beheerder of the organisation (org_roles are the actor's in
 * target_org_id). */
static struct policy_decision decide_employments(const struct policy_request *req)
{
	if (req->actor.is_beheerder)
		return allow(POLICY_ALLOW_BEHEERDER);
	if (req->target_org_id != 0 &&
	    (req->org_roles & (ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER) | ORG_ROLE_BIT(ORG_ROLE_BEHEERDER))))
		return allow(POLICY_ALLOW_ORG_ROLE);
	return deny(POLICY_DENY_ROLE);
}

/* Statistics: read by the casemanager and the hr-analist of the
 * organisation, nobody else (aggregates of few people are case content in
 * disguise, so not the beheerder either). */
static struct policy_decision decide_statistics(const struct policy_request *req)
{
	if (req->action != POLICY_READ)
		return deny(POLICY_DENY_READ_ONLY);
	if (req->target_org_id != 0 &&
	    (req->org_roles & (ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER) | ORG_ROLE_BIT(ORG_ROLE_HR_ANALIST))))
		return allow(POLICY_ALLOW_ORG_ROLE);
	return deny(req->actor.is_beheerder ? POLICY_DENY_BEHEERDER : POLICY_DENY_ROLE);
}

/* The register: the casemanager keeps it (persons in scope: in_scope), the
 * leidinggevende reads the own team (in_team) to report sickness, the
 * installation's beheerder administers every organisation. */
static struct policy_decision decide_persons(const struct policy_request *req)
{
	if (req->actor.is_beheerder)
		return allow(POLICY_ALLOW_BEHEERDER);
	if (req->target_org_id == 0)
		return deny(POLICY_DENY_ROLE);
	if ((req->org_roles & ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER)) && req->in_scope)
		return allow(POLICY_ALLOW_ORG_ROLE);
	if ((req->org_roles & ORG_ROLE_BIT(ORG_ROLE_LEIDINGGEVENDE)) && req->in_team)
		return req->action == POLICY_READ ? allow(POLICY_ALLOW_ORG_ROLE)
						  : deny(POLICY_DENY_READ_ONLY);
	if (req->org_roles & (ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER) | ORG_ROLE_BIT(ORG_ROLE_LEIDINGGEVENDE)))
		return deny(POLICY_DENY_OUT_OF_SCOPE);
	return deny(POLICY_DENY_ROLE);
}

/* The participation must exist, be in force today and be bound to this
 * case the way its role requires. */
static struct policy_decision check_participation(const struct policy_request *req)
{
	const struct policy_participation *p = req->participation;
	if (p == NULL)
		return deny(POLICY_DENY_NO_PARTICIPATION);
	if (req->today < p->from)
		return deny(POLICY_DENY_NOT_STARTED);
	if (p->until != DATE_NONE && req->today > p->until)
		return deny(POLICY_DENY_ENDED);
	/* A werknemer participation only ever opens the employee's own case,
	 * whatever the store says. */
	if (p->role == ROLE_WERKNEMER && req->actor.user_id != req->kase->employee_user_id)
		return deny(POLICY_DENY_NOT_OWN_CASE);
	/* The employer sees cases of its own organisation only. */
	if (p->role == ROLE_WERKGEVER &&
	    (req->actor.org_id == 0 || req->actor.org_id != req->kase->org_id))
		return deny(POLICY_DENY_OTHER_ORGANISATION);
	return allow(POLICY_ALLOW_PARTICIPANT);
}

/* Applies one row of rights to the question. */
static struct policy_decision by_rights(const struct policy_request *req, unsigned rights,
					enum policy_reason reason)
{
	if (!(rights & R))
		return deny(POLICY_DENY_ROLE);
	if (!(rights & (1u << req->action)))
		return deny(POLICY_DENY_READ_ONLY);
	return allow(reason);
}

/* A case through the actor's organisation roles in the case's
 * organisation, without a participation. */
static struct policy_decision decide_org_case(const struct policy_request *req)
{
	const unsigned r = req->org_roles;
	const unsigned managers = ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER) |
				  ORG_ROLE_BIT(ORG_ROLE_LEIDINGGEVENDE);
	if ((r & managers) && req->resource == POLICY_ACCESS_LOG && req->action == POLICY_WRITE)
		return deny(POLICY_DENY_APPEND_ONLY);
	if ((r & managers) && req->resource == POLICY_CASE_MEDICAL)
		return deny(POLICY_DENY_MEDICAL);
	if ((r & ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER)) && req->in_scope)
		return by_rights(req, case_rights[ROLE_WERKGEVER][req->resource],
				 POLICY_ALLOW_ORG_ROLE);
	if ((r & ORG_ROLE_BIT(ORG_ROLE_LEIDINGGEVENDE)) && req->in_team) {
		const unsigned rights = leidinggevende_rights[req->resource];
		if (req->resource == POLICY_DOCUMENTS && (rights & (1u << req->action)) &&
		    req->doc != POLICY_DOC_LIST && req->doc != POLICY_DOC_PLAN_VAN_AANPAK &&
		    req->doc != POLICY_DOC_VOORTGANGSGESPREK_PRESENT)
			return deny(POLICY_DENY_DOCUMENT_TYPE);
		return by_rights(req, rights, POLICY_ALLOW_ORG_ROLE);
	}
	if (r & managers)
		return deny(POLICY_DENY_OUT_OF_SCOPE);
	if (r & ORG_ROLE_BIT(ORG_ROLE_HR_ANALIST))
		return deny(POLICY_DENY_NO_CASE_CONTENT);
	if (r & ORG_ROLE_BIT(ORG_ROLE_BEHEERDER))
		return deny(POLICY_DENY_BEHEERDER);
	return deny(POLICY_DENY_NO_PARTICIPATION);
}

static struct policy_decision decide_participant(const struct policy_request *req);

static struct policy_decision decide_case(const struct policy_request *req)
{
	/* Before anything else: a beheerder account is kept out of case
	 * content even if someone gave it a participation. */
	if (req->actor.is_beheerder)
		return deny(POLICY_DENY_BEHEERDER);
	if (req->kase == NULL)
		return deny(POLICY_DENY_NO_CASE);
	/* A sick report that opens a case: the employee may report
	 * themselves (nobody else without an organisation role). */
	if (req->new_report && req->resource == POLICY_ZIEKMELDING &&
	    req->action == POLICY_WRITE && req->actor.user_id != 0 &&
	    req->actor.user_id == req->kase->employee_user_id)
		return allow(POLICY_ALLOW_SELF);
	const struct policy_decision dp = req->participation != NULL
						  ? decide_participant(req)
						  : deny(POLICY_DENY_NO_PARTICIPATION);
	if (dp.allow || req->org_roles == 0)
		return dp;
	const struct policy_decision dorg = decide_org_case(req);
	if (dorg.allow)
		return dorg;
	/* A participant's own reason tells more than the organisation's. */
	return req->participation != NULL ? dp : dorg;
}

static struct policy_decision decide_participant(const struct policy_request *req)
{
	struct policy_decision d = check_participation(req);
	if (!d.allow)
		return d;
	const enum role role = req->participation->role;
	if (req->resource == POLICY_ACCESS_LOG && req->action == POLICY_WRITE)
		return deny(POLICY_DENY_APPEND_ONLY);
	if (req->resource == POLICY_CASE_MEDICAL && role != ROLE_BEDRIJFSARTS &&
	    !(role == ROLE_WERKNEMER && req->action == POLICY_READ))
		return deny(POLICY_DENY_MEDICAL);
	const unsigned rights = case_rights[role][req->resource];
	if (!(rights & R))
		return deny(POLICY_DENY_ROLE);
	if (!(rights & (1u << req->action)))
		return deny(POLICY_DENY_READ_ONLY);
	if (role == ROLE_NETWERKWERKGEVER) {
		const struct policy_consent_record *c =
			&req->consents[POLICY_CONSENT_ZOEKPROFIEL_NETWERK];
		if (!policy_consent_active(c, req->today))
			return deny(POLICY_DENY_NO_CONSENT);
		return allow(POLICY_ALLOW_CONSENT);
	}
	return allow(POLICY_ALLOW_PARTICIPANT);
}

struct policy_decision policy_decide(const struct policy_request *req)
{
	if (req == NULL || !is_valid(req))
		return deny(POLICY_DENY_INVALID);
	switch (req->resource) {
	case POLICY_ORGANISATIONS:
	case POLICY_USERS:
		return decide_admin(req);
	case POLICY_EMPLOYMENTS:
		return decide_employments(req);
	case POLICY_STATISTICS:
		return decide_statistics(req);
	case POLICY_PERSONS:
		return decide_persons(req);
	case POLICY_PLACEMENT_OFFER:
		/* An offer belongs to the organisation that published it; others
		 * see it only as an offer proposed in a case they take part in. */
		if (req->actor.org_id != 0 && req->target_org_id == req->actor.org_id)
			return allow(POLICY_ALLOW_OWN_ORGANISATION);
		return decide_case(req);
	default:
		return decide_case(req);
	}
}

static const char *const reason_names[POLICY_REASON__COUNT] = {
	[POLICY_ALLOW_PARTICIPANT] = "participant",
	[POLICY_ALLOW_CONSENT] = "consent",
	[POLICY_ALLOW_BEHEERDER] = "beheerder",
	[POLICY_ALLOW_OWN_ORGANISATION] = "own_organisation",
	[POLICY_ALLOW_SELF] = "self",
	[POLICY_ALLOW_ORG_ROLE] = "org_role",
	[POLICY_DENY_INVALID] = "invalid_request",
	[POLICY_DENY_NO_CASE] = "no_case",
	[POLICY_DENY_NO_PARTICIPATION] = "no_participation",
	[POLICY_DENY_NOT_STARTED] = "participation_not_started",
	[POLICY_DENY_ENDED] = "participation_ended",
	[POLICY_DENY_NOT_OWN_CASE] = "not_own_case",
	[POLICY_DENY_OTHER_ORGANISATION] = "other_organisation",
	[POLICY_DENY_BEHEERDER] = "beheerder_no_case_content",
	[POLICY_DENY_MEDICAL] = "medical_data",
	[POLICY_DENY_NO_CONSENT] = "no_consent",
	[POLICY_DENY_ROLE] = "role_not_permitted",
	[POLICY_DENY_READ_ONLY] = "read_only",
	[POLICY_DENY_APPEND_ONLY] = "append_only",
	[POLICY_DENY_OUT_OF_SCOPE] = "out_of_scope",
	[POLICY_DENY_NO_CASE_CONTENT] = "no_case_content",
	[POLICY_DENY_DOCUMENT_TYPE] = "document_type",
};

const char *policy_reason_name(enum policy_reason reason)
{
	return (unsigned)reason < POLICY_REASON__COUNT ? reason_names[reason] : "";
}

static const char *const resource_names[POLICY_RESOURCE__COUNT] = {
	[POLICY_CASE_FUNCTIONAL] = "case_functional",
	[POLICY_CASE_MEDICAL] = "case_medical",
	[POLICY_ZIEKMELDING] = "ziekmelding",
	[POLICY_SICK_PERIODS] = "sick_periods",
	[POLICY_DEADLINES] = "deadlines",
	[POLICY_DOCUMENTS] = "documents",
	[POLICY_MESSAGES] = "messages",
	[POLICY_CONSENTS] = "consents",
	[POLICY_ACCESS_LOG] = "access_log",
	[POLICY_ZOEKPROFIEL] = "zoekprofiel",
	[POLICY_ORGANISATIONS] = "organisations",
	[POLICY_USERS] = "users",
	[POLICY_PLACEMENT_OFFER] = "placement_offer",
	[POLICY_PLACEMENT] = "placement",
	[POLICY_MONITORING] = "monitoring",
	[POLICY_DECISIONS] = "decisions",
	[POLICY_EMPLOYMENTS] = "employments",
	[POLICY_STATISTICS] = "statistics",
	[POLICY_PERSONS] = "persons",
};

const char *policy_resource_name(enum policy_resource resource)
{
	return (unsigned)resource < POLICY_RESOURCE__COUNT ? resource_names[resource] : "";
}

const char *policy_action_name(enum policy_action action)
{
	switch (action) {
	case POLICY_READ: return "read";
	case POLICY_WRITE: return "write";
	default: return "";
	}
}
