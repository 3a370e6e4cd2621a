/* access.c - the access check in front of every case endpoint: the
 * caller's participation, the policy's decision and the audit row. */
#include "api.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int api_param_id(const struct api_call *c, const char *name, int64_t *out, struct sw_error *err)
{
	const char *s = http_request_param(c->req, name);
	if (s == NULL || *s < '1' || *s > '9' || strlen(s) > 18)
		return sw_error_set(err, SW_ENOTFOUND, name, "not a valid id");
	for (const char *p = s; *p; p++)
		if (*p < '0' || *p > '9')
			return sw_error_set(err, SW_ENOTFOUND, name, "not a valid id");
	*out = strtoll(s, NULL, 10);
	return 0;
}

/* Higher is tried first when a user holds several active participations. */
static int rank(enum role r)
{
	switch (r) {
	case ROLE_BEDRIJFSARTS: return 6;
	case ROLE_WERKGEVER: return 5;
	case ROLE_ARBEIDSDESKUNDIGE: return 4;
	case ROLE_REINTEGRATIEPROFESSIONAL: return 3;
	case ROLE_WERKNEMER: return 2;
	case ROLE_NETWERKWERKGEVER: return 1;
	default: return 0;
	}
}

static bool active(const struct store_participation *p, sw_date today)
{
	return p->from <= today && (p->until == DATE_NONE || today <= p->until);
}

/* The employee's consents as the policy takes them, read fresh from the
 * store on every decision: a revocation counts from the next request on.
 * Of several records of a kind, the one in force today wins, else the
 * latest given (which then tells the policy it is not in force). */
static int load_consents(struct api_call *c, const struct store_case *k,
			 struct policy_request *req, struct sw_error *err)
{
	struct store_consent *cs;
	size_t n;
	if (store_consent_list(c->st, &c->arena, k->id, &cs, &n, err) != 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (cs[i].kind != STORE_CONSENT_ZOEKPROFIEL_NETWERK)
			continue;
		struct policy_consent_record *r = &req->consents[POLICY_CONSENT_ZOEKPROFIEL_NETWERK];
		if (policy_consent_active(r, c->today))
			break;
		*r = (struct policy_consent_record){ cs[i].given_on, cs[i].revoked_on };
	}
	return 0;
}

int api_org_facts(struct api_call *c, int64_t org_id, int64_t person_id,
		  struct api_org_facts *f, struct sw_error *err)
{
	memset(f, 0, sizeof *f);
	if (store_org_roles_of(c->st, c->user->id, org_id, &f->roles, err) != 0)
		return -1;
	if (f->roles != 0 && person_id != 0 &&
	    store_person_scope(c->st, c->user->id, person_id, &f->in_scope, &f->in_team, err) != 0)
		return -1;
	return 0;
}

int api_case_decide(struct api_call *c, const struct store_case *k, enum policy_resource r,
		    enum policy_action a, struct policy_decision *d, enum role *role,
		    struct sw_error *err)
{
	struct store_participation *ps;
	size_t n;
	if (store_participation_list_user(c->st, &c->arena, c->user->id, k->id, &ps, &n, err) != 0)
		return -1;
	struct api_org_facts facts;
	if (api_org_facts(c, k->organisation_id, k->person_id, &facts, err) != 0)
		return -1;
	return api_case_decide_among(c, k, ps, n, &facts, POLICY_DOC_UNSPECIFIED, r, a, d, role,
				     err);
}

int api_case_decide_among(struct api_call *c, const struct store_case *k,
			  const struct store_participation *ps, size_t n,
			  const struct api_org_facts *facts, enum policy_doc doc,
			  enum policy_resource r, enum policy_action a, struct policy_decision *d,
			  enum role *role, struct sw_error *err)
{
	const struct policy_case kase = { .org_id = k->organisation_id,
					  .employee_user_id = k->employee_id };
	struct policy_request req;
	policy_request_init(&req);
	req.actor = (struct policy_actor){ .user_id = c->user->id,
					   .org_id = c->user->organisation_id,
					   .is_beheerder = c->user->is_beheerder };
	req.kase = &kase;
	req.resource = r;
	req.action = a;
	req.today = c->today;
	req.doc = doc;
	if (facts != NULL) {
		req.org_roles = facts->roles;
		req.in_scope = facts->in_scope;
		req.in_team = facts->in_team;
	}

	/* The caller's active participations, most privileged first; an
	 * inactive one only to tell why (not started, ended). */
	const struct store_participation *mine[16];
	size_t nmine = 0;
	const struct store_participation *inactive = NULL;
	bool network = false;
	for (size_t i = 0; i < n; i++) {
		if (ps[i].user_id != c->user->id || ps[i].case_id != k->id)
			continue;
		if (!active(&ps[i], c->today)) {
			inactive = &ps[i];
			continue;
		}
		if (nmine == sizeof mine / sizeof mine[0])
			break;
		network |= ps[i].role == ROLE_NETWERKWERKGEVER;
		size_t j = nmine++;
		for (; j > 0 && rank(mine[j - 1]->role) < rank(ps[i].role); j--)
			mine[j] = mine[j - 1];
		mine[j] = &ps[i];
	}
	/* The policy reads the consents only for a network employer: the
	 * others need no query for them. */
	if (network && load_consents(c, k, &req, err) != 0)
		return -1;
	*role = ROLE__COUNT;
	if (nmine == 0) {
		struct policy_participation pp;
		if (inactive != NULL) {
			pp = (struct policy_participation){ inactive->role, inactive->from,
							    inactive->until };
			req.participation = &pp;
		}
		*d = policy_decide(&req);
		/* A casemanager in scope acts with the werkgever's rights. */
		if (d->allow && d->reason == POLICY_ALLOW_ORG_ROLE)
			*role = facts->in_scope && (facts->roles & ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER))
					? ROLE_WERKGEVER
					: ROLE__COUNT;
		return 0;
	}
	for (size_t i = 0; i < nmine; i++) {
		const struct policy_participation pp = { mine[i]->role, mine[i]->from,
							 mine[i]->until };
		req.participation = &pp;
		const struct policy_decision di = policy_decide(&req);
		if (i == 0 || di.allow) {
			*d = di;
			*role = mine[i]->role;
		}
		if (di.allow)
			break;
	}
	if (d->allow && d->reason == POLICY_ALLOW_ORG_ROLE && *role != ROLE_WERKGEVER)
		*role = facts->in_scope && (facts->roles & ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER))
				? ROLE_WERKGEVER
				: ROLE__COUNT;
	return 0;
}

int api_audit(struct api_call *c, int64_t case_id, enum role role, enum policy_resource r,
	      enum policy_action a, struct policy_decision d, struct sw_error *err)
{
	char what[512];
	snprintf(what, sizeof what, "%s %s", c->req->method, c->req->path);
	const struct store_audit row = {
		.user_id = c->user->id,
		.role = role < ROLE__COUNT ? role_name(role) : NULL,
		.case_id = case_id,
		.action = policy_action_name(a),
		.resource = policy_resource_name(r),
		.what = what,
		.outcome = d.allow ? "allow" : "deny",
		.reason = policy_reason_name(d.reason),
		.client_addr = c->req->client_addr,
	};
	return store_audit_append(c->st, &row, err);
}

/* Denials that must not tell that the case exists. */
static bool hides_case(struct policy_decision d, enum role role)
{
	switch (d.reason) {
	case POLICY_DENY_INVALID:
	case POLICY_DENY_NO_CASE:
	case POLICY_DENY_NO_PARTICIPATION:
	case POLICY_DENY_NOT_STARTED:
	case POLICY_DENY_ENDED:
	case POLICY_DENY_NOT_OWN_CASE:
	case POLICY_DENY_OTHER_ORGANISATION:
	case POLICY_DENY_BEHEERDER:
	case POLICY_DENY_OUT_OF_SCOPE:
	case POLICY_DENY_NO_CASE_CONTENT:
		return true;
	default:
		/* A network employer learns of a candidate only through the
		 * search profile, with consent: not that there is a sick case. A
		 * leidinggevende (no case role) knows the case: the document
		 * type is a 403. */
		return role == ROLE_NETWERKWERKGEVER ||
		       (role >= ROLE__COUNT && d.reason != POLICY_DENY_DOCUMENT_TYPE &&
			d.reason != POLICY_DENY_ROLE && d.reason != POLICY_DENY_READ_ONLY);
	}
}

int api_case_access(struct api_call *c, int64_t case_id, enum policy_resource r,
		    enum policy_action a, struct api_case *out, struct sw_error *err)
{
	return api_case_access_doc(c, case_id, POLICY_DOC_UNSPECIFIED, r, a, out, err);
}

int api_case_access_doc(struct api_call *c, int64_t case_id, enum policy_doc doc,
			enum policy_resource r, enum policy_action a, struct api_case *out,
			struct sw_error *err)
{
	if (api_require_user(c, err) != 0)
		return -1;
	struct sw_error e;
	if (store_case_get(c->st, &c->arena, case_id, &out->kase, &e) != 0) {
		if (e.code == SW_ENOTFOUND)
			return sw_error_set(err, SW_ENOTFOUND, "id", "no such case");
		if (err != NULL)
			*err = e;
		return -1;
	}
	struct policy_decision d;
	struct store_participation *ps;
	size_t n;
	if (out->kase.status == STORE_CASE_INGETROKKEN && !(r == POLICY_SICK_PERIODS ||
							   r == POLICY_ZIEKMELDING ||
							   r == POLICY_ACCESS_LOG)) {
		/* A withdrawn report is gone from the case's working life; its
		 * sick report, mutations and access log stay readable. */
		d = (struct policy_decision){ false, POLICY_DENY_NO_CASE };
		if (api_audit(c, case_id, ROLE__COUNT, r, a, d, err) != 0)
			return -1;
		return sw_error_set(err, SW_ENOTFOUND, "id", "no such case");
	}
	if (store_participation_list_user(c->st, &c->arena, c->user->id, case_id, &ps, &n,
					  err) != 0 ||
	    api_org_facts(c, out->kase.organisation_id, out->kase.person_id, &out->facts, err) != 0 ||
	    api_case_decide_among(c, &out->kase, ps, n, &out->facts, doc, r, a, &d, &out->role,
				  err) != 0 ||
	    api_audit(c, case_id, out->role, r, a, d, err) != 0)
		return -1;
	if (d.allow)
		return 0;
	if (hides_case(d, out->role))
		return sw_error_set(err, SW_ENOTFOUND, "id", "no such case");
	return sw_error_set(err, SW_EDENIED, "", "%s", policy_reason_name(d.reason));
}

int api_admin_access(struct api_call *c, enum policy_resource r, enum policy_action a,
		     int64_t target_user_id, int64_t target_org_id, struct sw_error *err)
{
	if (api_require_user(c, err) != 0)
		return -1;
	struct policy_request req;
	policy_request_init(&req);
	req.actor = (struct policy_actor){ .user_id = c->user->id,
					   .org_id = c->user->organisation_id,
					   .is_beheerder = c->user->is_beheerder };
	req.resource = r;
	req.action = a;
	req.target_user_id = target_user_id;
	req.target_org_id = target_org_id;
	req.today = c->today;
	if (target_org_id != 0 &&
	    store_org_roles_of(c->st, c->user->id, target_org_id, &req.org_roles, err) != 0)
		return -1;
	/* The register: the caller's own scope is applied by the listing. */
	req.in_scope = req.in_team = true;
	const struct policy_decision d = policy_decide(&req);
	if (api_audit(c, 0, ROLE__COUNT, r, a, d, err) != 0)
		return -1;
	if (!d.allow)
		return sw_error_set(err, SW_EDENIED, "", "%s", policy_reason_name(d.reason));
	return 0;
}

int api_admin_listing_org(struct api_call *c, int64_t *org, struct sw_error *err)
{
	*org = 0;
	if (api_require_user(c, err) != 0 ||
	    api_query_int(c, "organisation_id", 1, INT64_MAX, org, err) != 0)
		return -1;
	if (*org == 0 && !c->user->is_beheerder)
		*org = c->user->organisation_id;
	return 0;
}
