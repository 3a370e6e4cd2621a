/* test_policy.c - the access policy against DOMAIN.md sections 2 and 3.
 *
 * The matrix below is written out by hand, one row per role, one cell per
 * resource and action, and every cell is asserted: a change to the policy
 * table that is not also made here fails. The other tests vary one fact at
 * a time (window, organisation, consent, owner) from an allowed baseline. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "core/policy.h"

#define ORG_EMPLOYER 10
#define ORG_OTHER 20
#define ORG_NETWORK 30
#define ORG_BUREAU 40
#define USER_EMPLOYEE 100
#define USER_ACTOR 200

static sw_date D(const char *s)
{
	sw_date d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

/* A request fixture owning the pointed-to participation and case. */
struct fx {
	struct policy_participation part;
	struct policy_case kase;
	struct policy_request req;
};

/* An actor with an active participation in `role` on the case of
 * ORG_EMPLOYER, bound correctly for that role; consent given. */
static void fx_role(struct fx *f, enum role role)
{
	memset(f, 0, sizeof *f);
	policy_request_init(&f->req);
	f->kase = (struct policy_case){ ORG_EMPLOYER, USER_EMPLOYEE };
	f->part = (struct policy_participation){ role, D("2024-01-01"), DATE_NONE };
	f->req.kase = &f->kase;
	f->req.participation = &f->part;
	f->req.today = D("2024-06-01");
	f->req.actor.user_id = role == ROLE_WERKNEMER ? USER_EMPLOYEE : USER_ACTOR;
	switch (role) {
	case ROLE_WERKNEMER:
	case ROLE_WERKGEVER:
		f->req.actor.org_id = ORG_EMPLOYER;
		break;
	case ROLE_NETWERKWERKGEVER:
		f->req.actor.org_id = ORG_NETWORK;
		break;
	default:
		f->req.actor.org_id = ORG_BUREAU;
	}
	f->req.consents[POLICY_CONSENT_ZOEKPROFIEL_NETWERK] =
		(struct policy_consent_record){ D("2024-02-01"), DATE_NONE };
	/* The record asked about belongs to someone else (matrix baseline). */
	f->req.target_user_id = 999;
	f->req.target_org_id = ORG_OTHER;
}

/* The beheerder row: an administrator account, no participation. */
static void fx_beheerder(struct fx *f)
{
	fx_role(f, ROLE_WERKGEVER);
	f->req.participation = NULL;
	f->req.actor.user_id = USER_ACTOR;
	f->req.actor.org_id = ORG_BUREAU;
	f->req.actor.is_beheerder = true;
}

static bool decide(struct fx *f, enum policy_resource res, enum policy_action act)
{
	f->req.resource = res;
	f->req.action = act;
	return policy_decide(&f->req).allow;
}

static enum policy_reason reason(struct fx *f, enum policy_resource res, enum policy_action act)
{
	f->req.resource = res;
	f->req.action = act;
	return policy_decide(&f->req).reason;
}

/* Expected rights, in policy_resource order:
 * functional medical ziekmelding sick_periods deadlines documents messages
 * consents access_log zoekprofiel organisations users placement_offer
 * placement monitoring decisions employments statistics persons */
static const struct {
	const char *name;
	const char *cells[POLICY_RESOURCE__COUNT];
} matrix[] = {
	{ "werknemer",
	  { "RW", "R", "R", "R", "R", "RW", "RW", "RW", "R", "RW", "-", "-", "R",
	    "R", "RW", "RW", "-", "-", "-" } },
	{ "werkgever",
	  { "RW", "-", "RW", "RW", "RW", "RW", "RW", "R", "-", "R", "-", "-", "R",
	    "RW", "RW", "RW", "-", "-", "-" } },
	{ "bedrijfsarts",
	  { "RW", "RW", "R", "R", "RW", "RW", "RW", "R", "-", "R", "-", "-", "R",
	    "R", "R", "RW", "-", "-", "-" } },
	{ "arbeidsdeskundige",
	  { "RW", "-", "R", "R", "RW", "RW", "RW", "R", "-", "RW", "-", "-", "R",
	    "RW", "RW", "RW", "-", "-", "-" } },
	{ "re-integratieprofessional",
	  { "RW", "-", "R", "R", "RW", "RW", "RW", "R", "-", "RW", "-", "-", "R",
	    "RW", "RW", "RW", "-", "-", "-" } },
	{ "netwerkwerkgever",
	  { "-", "-", "-", "-", "-", "-", "-", "-", "-", "R", "-", "-", "-",
	    "RW", "RW", "-", "-", "-", "-" } },
	{ "beheerder",
	  { "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "RW", "RW", "-",
	    "-", "-", "-", "RW", "-", "RW" } },
};

static void test_matrix(void **state)
{
	(void)state;
	assert_int_equal(sizeof matrix / sizeof matrix[0], ROLE__COUNT);
	int cells = 0;
	for (int r = 0; r < ROLE__COUNT; r++) {
		enum role role;
		assert_int_equal(role_parse(matrix[r].name, &role), 0);
		for (int res = 0; res < POLICY_RESOURCE__COUNT; res++) {
			for (int act = 0; act < POLICY_ACTION__COUNT; act++) {
				struct fx f;
				if (role == ROLE_BEHEERDER)
					fx_beheerder(&f);
				else
					fx_role(&f, role);
				const char *cell = matrix[r].cells[res];
				const bool want = strchr(cell, act == POLICY_READ ? 'R' : 'W') != NULL;
				const bool got = decide(&f, (enum policy_resource)res,
							(enum policy_action)act);
				if (want != got)
					fail_msg("%s %s %s: want %s, got %s (%s)", matrix[r].name,
						 policy_resource_name(res), policy_action_name(act),
						 want ? "allow" : "deny", got ? "allow" : "deny",
						 policy_reason_name(policy_decide(&f.req).reason));
				cells++;
			}
		}
	}
	assert_int_equal(cells, ROLE__COUNT * POLICY_RESOURCE__COUNT * POLICY_ACTION__COUNT);
}

static void test_reasons(void **state)
{
	(void)state;
	struct fx f;
	fx_role(&f, ROLE_WERKGEVER);
	assert_int_equal(reason(&f, POLICY_CASE_MEDICAL, POLICY_READ), POLICY_DENY_MEDICAL);
	assert_int_equal(reason(&f, POLICY_CONSENTS, POLICY_WRITE), POLICY_DENY_READ_ONLY);
	assert_int_equal(reason(&f, POLICY_ACCESS_LOG, POLICY_READ), POLICY_DENY_ROLE);
	assert_int_equal(reason(&f, POLICY_DOCUMENTS, POLICY_READ), POLICY_ALLOW_PARTICIPANT);
	fx_role(&f, ROLE_WERKNEMER);
	assert_int_equal(reason(&f, POLICY_ACCESS_LOG, POLICY_WRITE), POLICY_DENY_APPEND_ONLY);
	assert_int_equal(reason(&f, POLICY_CASE_MEDICAL, POLICY_WRITE), POLICY_DENY_MEDICAL);
	fx_role(&f, ROLE_NETWERKWERKGEVER);
	assert_int_equal(reason(&f, POLICY_ZOEKPROFIEL, POLICY_READ), POLICY_ALLOW_CONSENT);
	assert_int_equal(reason(&f, POLICY_ZOEKPROFIEL, POLICY_WRITE), POLICY_DENY_READ_ONLY);
	assert_int_equal(reason(&f, POLICY_CASE_FUNCTIONAL, POLICY_READ), POLICY_DENY_ROLE);
	fx_beheerder(&f);
	assert_int_equal(reason(&f, POLICY_USERS, POLICY_WRITE), POLICY_ALLOW_BEHEERDER);
	assert_int_equal(reason(&f, POLICY_DOCUMENTS, POLICY_READ), POLICY_DENY_BEHEERDER);
	assert_string_equal(policy_reason_name(POLICY_DENY_MEDICAL), "medical_data");
	for (int i = 0; i < POLICY_REASON__COUNT; i++)
		assert_true(policy_reason_name((enum policy_reason)i)[0] != '\0');
}

/* Every case role, each at the edges of its window. */
static void test_participation_window(void **state)
{
	(void)state;
	for (int r = 0; r < ROLE__COUNT; r++) {
		if (r == ROLE_BEHEERDER)
			continue;
		struct fx f;
		fx_role(&f, (enum role)r);
		f.part.from = D("2024-03-01");
		f.part.until = D("2024-03-31");
		f.req.today = D("2024-02-29");
		assert_int_equal(reason(&f, POLICY_ZOEKPROFIEL, POLICY_READ), POLICY_DENY_NOT_STARTED);
		f.req.today = D("2024-03-01");
		assert_true(decide(&f, POLICY_ZOEKPROFIEL, POLICY_READ));
		f.req.today = D("2024-03-31");
		assert_true(decide(&f, POLICY_ZOEKPROFIEL, POLICY_READ));
		f.req.today = D("2024-04-01");
		assert_int_equal(reason(&f, POLICY_ZOEKPROFIEL, POLICY_READ), POLICY_DENY_ENDED);
		assert_false(decide(&f, POLICY_ZOEKPROFIEL, POLICY_WRITE));
	}
	/* The bedrijfsarts loses the medical domain with the assignment. */
	struct fx f;
	fx_role(&f, ROLE_BEDRIJFSARTS);
	f.part.until = D("2024-05-31");
	assert_false(decide(&f, POLICY_CASE_MEDICAL, POLICY_READ));
	assert_false(decide(&f, POLICY_CASE_MEDICAL, POLICY_WRITE));
	f.part.until = D("2024-06-01");
	assert_true(decide(&f, POLICY_CASE_MEDICAL, POLICY_WRITE));
}

static void test_no_participation(void **state)
{
	(void)state;
	struct fx f;
	fx_role(&f, ROLE_BEDRIJFSARTS);
	f.req.participation = NULL;
	for (int res = 0; res < POLICY_RESOURCE__COUNT; res++) {
		if (res == POLICY_ORGANISATIONS || res == POLICY_USERS || res == POLICY_EMPLOYMENTS ||
		    res == POLICY_STATISTICS || res == POLICY_PERSONS)
			continue;
		assert_false(decide(&f, (enum policy_resource)res, POLICY_READ));
		assert_int_equal(reason(&f, (enum policy_resource)res, POLICY_READ),
				 POLICY_DENY_NO_PARTICIPATION);
	}
	/* Case content without a case at all. */
	fx_role(&f, ROLE_WERKGEVER);
	f.req.kase = NULL;
	assert_int_equal(reason(&f, POLICY_CASE_FUNCTIONAL, POLICY_READ), POLICY_DENY_NO_CASE);
}

static void test_other_organisation(void **state)
{
	(void)state;
	struct fx f;
	fx_role(&f, ROLE_WERKGEVER);
	f.kase.org_id = ORG_OTHER;
	for (int res = 0; res < POLICY_RESOURCE__COUNT; res++) {
		if (res == POLICY_ORGANISATIONS || res == POLICY_USERS)
			continue;
		for (int act = 0; act < POLICY_ACTION__COUNT; act++)
			assert_false(decide(&f, (enum policy_resource)res, (enum policy_action)act));
	}
	assert_int_equal(reason(&f, POLICY_CASE_FUNCTIONAL, POLICY_READ),
			 POLICY_DENY_OTHER_ORGANISATION);
	/* An employer without an organisation matches no case. */
	fx_role(&f, ROLE_WERKGEVER);
	f.req.actor.org_id = 0;
	f.kase.org_id = 0;
	assert_false(decide(&f, POLICY_CASE_FUNCTIONAL, POLICY_READ));
}

/* Employments: the casemanager and the beheerder of the organisation (and
 * the installation's beheerder), not a werkgever participant nor an
 * employee, and only for the organisation the roles are in. */
static void test_employments(void **state)
{
	(void)state;
	struct fx f;
	fx_role(&f, ROLE_WERKGEVER);
	f.req.participation = NULL;
	f.req.kase = NULL;
	f.req.target_org_id = ORG_EMPLOYER;
	assert_false(decide(&f, POLICY_EMPLOYMENTS, POLICY_READ));
	f.req.org_roles = ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER);
	assert_true(decide(&f, POLICY_EMPLOYMENTS, POLICY_READ));
	assert_true(decide(&f, POLICY_EMPLOYMENTS, POLICY_WRITE));
	assert_int_equal(reason(&f, POLICY_EMPLOYMENTS, POLICY_WRITE), POLICY_ALLOW_ORG_ROLE);
	f.req.org_roles = ORG_ROLE_BIT(ORG_ROLE_BEHEERDER);
	assert_true(decide(&f, POLICY_EMPLOYMENTS, POLICY_WRITE));
	f.req.org_roles = ORG_ROLE_BIT(ORG_ROLE_LEIDINGGEVENDE) | ORG_ROLE_BIT(ORG_ROLE_HR_ANALIST);
	assert_false(decide(&f, POLICY_EMPLOYMENTS, POLICY_READ));
	f.req.org_roles = ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER);
	f.req.target_org_id = 0;
	assert_false(decide(&f, POLICY_EMPLOYMENTS, POLICY_READ));
	assert_string_equal(policy_resource_name(POLICY_EMPLOYMENTS), "employments");
}

/* An actor with organisation roles in the case's organisation and no
 * participation: in scope (casemanager) and in the team (leidinggevende). */
static void fx_org(struct fx *f, unsigned roles)
{
	fx_role(f, ROLE_WERKGEVER);
	f->req.participation = NULL;
	f->req.org_roles = roles;
	f->req.in_scope = true;
	f->req.in_team = true;
	f->req.doc = POLICY_DOC_PLAN_VAN_AANPAK;
	f->req.target_org_id = ORG_EMPLOYER;
}

/* The organisation roles over every resource, in scope, in the order of
 * the matrix above; the leidinggevende asked about a plan van aanpak. */
static const struct {
	enum org_role role;
	const char *cells[POLICY_RESOURCE__COUNT];
} org_matrix[] = {
	{ ORG_ROLE_CASEMANAGER,
	  { "RW", "-", "RW", "RW", "RW", "RW", "RW", "R", "-", "R", "R", "R", "R",
	    "RW", "RW", "RW", "RW", "R", "RW" } },
	{ ORG_ROLE_LEIDINGGEVENDE,
	  { "-", "-", "RW", "RW", "R", "R", "-", "-", "-", "-", "R", "R", "-",
	    "-", "-", "-", "-", "-", "R" } },
	{ ORG_ROLE_HR_ANALIST,
	  { "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "R", "R", "-",
	    "-", "-", "-", "-", "R", "-" } },
	{ ORG_ROLE_BEHEERDER,
	  { "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "R", "RW", "-",
	    "-", "-", "-", "RW", "-", "-" } },
};

static void test_org_role_matrix(void **state)
{
	(void)state;
	assert_int_equal(sizeof org_matrix / sizeof org_matrix[0], ORG_ROLE__COUNT);
	for (size_t r = 0; r < ORG_ROLE__COUNT; r++) {
		for (int res = 0; res < POLICY_RESOURCE__COUNT; res++) {
			for (int act = 0; act < POLICY_ACTION__COUNT; act++) {
				struct fx f;
				fx_org(&f, ORG_ROLE_BIT(org_matrix[r].role));
				/* Own user record and organisation, as the portal reads. */
				if (res == POLICY_USERS)
					f.req.target_user_id = USER_ACTOR;
				/* An offer read through the case, not the own offers. */
				if (res == POLICY_PLACEMENT_OFFER)
					f.req.target_org_id = ORG_OTHER;
				const char *cell = org_matrix[r].cells[res];
				const bool want = strchr(cell, act == POLICY_READ ? 'R' : 'W') != NULL;
				const bool got = decide(&f, (enum policy_resource)res,
							(enum policy_action)act);
				if (want != got)
					fail_msg("%s %s %s: want %s, got %s (%s)",
						 org_role_name(org_matrix[r].role),
						 policy_resource_name(res), policy_action_name(act),
						 want ? "allow" : "deny", got ? "allow" : "deny",
						 policy_reason_name(policy_decide(&f.req).reason));
			}
		}
	}
}

/* Out of scope, another team, other roles: which case denials hide the
 * case (the API answers 404 for those) is decided on these reasons. */
static void test_org_role_scope(void **state)
{
	(void)state;
	struct fx f;
	fx_org(&f, ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER));
	assert_int_equal(reason(&f, POLICY_DOCUMENTS, POLICY_READ), POLICY_ALLOW_ORG_ROLE);
	assert_int_equal(reason(&f, POLICY_CASE_MEDICAL, POLICY_READ), POLICY_DENY_MEDICAL);
	assert_int_equal(reason(&f, POLICY_ACCESS_LOG, POLICY_WRITE), POLICY_DENY_APPEND_ONLY);
	f.req.in_scope = false;  /* another department */
	for (int res = 0; res <= POLICY_ZOEKPROFIEL; res++)
		assert_false(decide(&f, (enum policy_resource)res, POLICY_READ));
	assert_int_equal(reason(&f, POLICY_ZIEKMELDING, POLICY_READ), POLICY_DENY_OUT_OF_SCOPE);
	assert_int_equal(reason(&f, POLICY_PERSONS, POLICY_READ), POLICY_DENY_OUT_OF_SCOPE);
	/* Statistics are of the organisation, not of a department. */
	assert_true(decide(&f, POLICY_STATISTICS, POLICY_READ));

	fx_org(&f, ORG_ROLE_BIT(ORG_ROLE_LEIDINGGEVENDE));
	f.req.in_team = false;
	assert_int_equal(reason(&f, POLICY_ZIEKMELDING, POLICY_READ), POLICY_DENY_OUT_OF_SCOPE);
	f.req.in_team = true;
	/* Documents: the plan van aanpak, the voortgangsgesprekken they were
	 * at, and a listing the caller filters; nothing else, nothing unsaid. */
	f.req.doc = POLICY_DOC_VOORTGANGSGESPREK_PRESENT;
	assert_true(decide(&f, POLICY_DOCUMENTS, POLICY_READ));
	f.req.doc = POLICY_DOC_LIST;
	assert_true(decide(&f, POLICY_DOCUMENTS, POLICY_READ));
	f.req.doc = POLICY_DOC_OTHER;
	assert_int_equal(reason(&f, POLICY_DOCUMENTS, POLICY_READ), POLICY_DENY_DOCUMENT_TYPE);
	f.req.doc = POLICY_DOC_UNSPECIFIED;
	assert_int_equal(reason(&f, POLICY_DOCUMENTS, POLICY_READ), POLICY_DENY_DOCUMENT_TYPE);
	f.req.doc = POLICY_DOC_PLAN_VAN_AANPAK;
	assert_int_equal(reason(&f, POLICY_DOCUMENTS, POLICY_WRITE), POLICY_DENY_READ_ONLY);
	assert_int_equal(reason(&f, POLICY_MESSAGES, POLICY_READ), POLICY_DENY_ROLE);
	assert_int_equal(reason(&f, POLICY_PERSONS, POLICY_WRITE), POLICY_DENY_READ_ONLY);
	/* Both roles: the casemanager's scope first, else the team. */
	fx_org(&f, ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER) | ORG_ROLE_BIT(ORG_ROLE_LEIDINGGEVENDE));
	f.req.in_scope = false;
	f.req.doc = POLICY_DOC_OTHER;
	assert_int_equal(reason(&f, POLICY_DOCUMENTS, POLICY_READ), POLICY_DENY_DOCUMENT_TYPE);
	assert_true(decide(&f, POLICY_SICK_PERIODS, POLICY_WRITE));

	fx_org(&f, ORG_ROLE_BIT(ORG_ROLE_HR_ANALIST));
	assert_int_equal(reason(&f, POLICY_ZIEKMELDING, POLICY_READ), POLICY_DENY_NO_CASE_CONTENT);
	assert_int_equal(reason(&f, POLICY_STATISTICS, POLICY_READ), POLICY_ALLOW_ORG_ROLE);
	assert_int_equal(reason(&f, POLICY_STATISTICS, POLICY_WRITE), POLICY_DENY_READ_ONLY);
	fx_org(&f, ORG_ROLE_BIT(ORG_ROLE_BEHEERDER));
	assert_int_equal(reason(&f, POLICY_ZIEKMELDING, POLICY_READ), POLICY_DENY_BEHEERDER);
	assert_int_equal(reason(&f, POLICY_USERS, POLICY_WRITE), POLICY_ALLOW_ORG_ROLE);
	f.req.target_org_id = 0;   /* accounts of no organisation: the installation's */
	assert_false(decide(&f, POLICY_USERS, POLICY_WRITE));
	/* Statistics: not the installation's beheerder, not a werkgever
	 * participant without a role. */
	fx_beheerder(&f);
	f.req.target_org_id = ORG_EMPLOYER;
	assert_int_equal(reason(&f, POLICY_STATISTICS, POLICY_READ), POLICY_DENY_BEHEERDER);
	fx_role(&f, ROLE_WERKGEVER);
	f.req.target_org_id = ORG_EMPLOYER;
	assert_int_equal(reason(&f, POLICY_STATISTICS, POLICY_READ), POLICY_DENY_ROLE);
	/* A participation the organisation role outlives: the handed-over
	 * casemanager keeps the case through the role, not the participation. */
	fx_role(&f, ROLE_WERKGEVER);
	f.part.until = D("2024-05-01");
	assert_int_equal(reason(&f, POLICY_ZIEKMELDING, POLICY_READ), POLICY_DENY_ENDED);
	f.req.org_roles = ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER);
	f.req.in_scope = true;
	assert_int_equal(reason(&f, POLICY_ZIEKMELDING, POLICY_READ), POLICY_ALLOW_ORG_ROLE);
	assert_string_equal(org_role_name(ORG_ROLE_HR_ANALIST), "hr-analist");
	enum org_role o;
	assert_int_equal(org_role_parse("leidinggevende", &o), 0);
	assert_int_equal(o, ORG_ROLE_LEIDINGGEVENDE);
	assert_int_equal(org_role_parse("werkgever", &o), -1);
}

/* Who may report sickness (DOMAIN.md 2a): a casemanager or leidinggevende
 * of the employee's organisation, or the employee; a colleague not. */
static void test_new_report(void **state)
{
	(void)state;
	struct fx f;
	fx_role(&f, ROLE_WERKNEMER);
	f.req.participation = NULL;
	f.req.new_report = true;
	assert_int_equal(reason(&f, POLICY_ZIEKMELDING, POLICY_WRITE), POLICY_ALLOW_SELF);
	/* Only the report itself: nothing else of a case without a participation. */
	assert_false(decide(&f, POLICY_SICK_PERIODS, POLICY_WRITE));
	f.req.new_report = false;
	assert_false(decide(&f, POLICY_ZIEKMELDING, POLICY_WRITE));
	/* A colleague. */
	f.req.new_report = true;
	f.kase.employee_user_id = USER_EMPLOYEE + 1;
	assert_int_equal(reason(&f, POLICY_ZIEKMELDING, POLICY_WRITE), POLICY_DENY_NO_PARTICIPATION);
	f.kase.employee_user_id = 0;   /* a person without an account */
	f.req.actor.user_id = 0;
	assert_false(decide(&f, POLICY_ZIEKMELDING, POLICY_WRITE));
	fx_org(&f, ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER));
	f.req.new_report = true;
	assert_true(decide(&f, POLICY_ZIEKMELDING, POLICY_WRITE));
	fx_org(&f, ORG_ROLE_BIT(ORG_ROLE_LEIDINGGEVENDE));
	f.req.new_report = true;
	assert_true(decide(&f, POLICY_ZIEKMELDING, POLICY_WRITE));
	fx_org(&f, ORG_ROLE_BIT(ORG_ROLE_HR_ANALIST) | ORG_ROLE_BIT(ORG_ROLE_BEHEERDER));
	f.req.new_report = true;
	assert_false(decide(&f, POLICY_ZIEKMELDING, POLICY_WRITE));
}

static void test_werknemer_only_own_case(void **state)
{
	(void)state;
	struct fx f;
	fx_role(&f, ROLE_WERKNEMER);
	f.kase.employee_user_id = USER_EMPLOYEE + 1;
	for (int res = 0; res < POLICY_RESOURCE__COUNT; res++) {
		if (res == POLICY_ORGANISATIONS || res == POLICY_USERS || res == POLICY_EMPLOYMENTS)
			continue;
		assert_false(decide(&f, (enum policy_resource)res, POLICY_READ));
	}
	assert_int_equal(reason(&f, POLICY_DOCUMENTS, POLICY_READ), POLICY_DENY_NOT_OWN_CASE);
}

static void test_consent(void **state)
{
	(void)state;
	struct fx f;
	fx_role(&f, ROLE_NETWERKWERKGEVER);
	struct policy_consent_record *c = &f.req.consents[POLICY_CONSENT_ZOEKPROFIEL_NETWERK];
	assert_true(decide(&f, POLICY_ZOEKPROFIEL, POLICY_READ));
	/* Never given. */
	c->given = DATE_NONE;
	assert_int_equal(reason(&f, POLICY_ZOEKPROFIEL, POLICY_READ), POLICY_DENY_NO_CONSENT);
	/* Given in the future. */
	c->given = D("2024-06-02");
	assert_false(decide(&f, POLICY_ZOEKPROFIEL, POLICY_READ));
	/* Given today. */
	c->given = D("2024-06-01");
	assert_true(decide(&f, POLICY_ZOEKPROFIEL, POLICY_READ));
	/* Revoked today: gone from that day on. */
	c->given = D("2024-02-01");
	c->revoked = D("2024-06-01");
	assert_int_equal(reason(&f, POLICY_ZOEKPROFIEL, POLICY_READ), POLICY_DENY_NO_CONSENT);
	/* Revoked earlier. */
	c->revoked = D("2024-03-01");
	assert_false(decide(&f, POLICY_ZOEKPROFIEL, POLICY_READ));
	/* Revocation still ahead. */
	c->revoked = D("2024-06-02");
	assert_true(decide(&f, POLICY_ZOEKPROFIEL, POLICY_READ));
	/* Consent opens the profile and, as receiving employer, the
	 * placement and its monitoring; nothing else. */
	for (int res = 0; res < POLICY_RESOURCE__COUNT; res++)
		if (res != POLICY_ZOEKPROFIEL && res != POLICY_PLACEMENT && res != POLICY_MONITORING)
			assert_false(decide(&f, (enum policy_resource)res, POLICY_READ));
	c->revoked = D("2024-03-01");
	assert_int_equal(reason(&f, POLICY_PLACEMENT, POLICY_WRITE), POLICY_DENY_NO_CONSENT);
	assert_int_equal(reason(&f, POLICY_MONITORING, POLICY_READ), POLICY_DENY_NO_CONSENT);
	/* The other roles do not depend on this consent. */
	fx_role(&f, ROLE_REINTEGRATIEPROFESSIONAL);
	f.req.consents[POLICY_CONSENT_ZOEKPROFIEL_NETWERK].given = DATE_NONE;
	assert_true(decide(&f, POLICY_ZOEKPROFIEL, POLICY_READ));
}

static void test_beheerder_never_case_content(void **state)
{
	(void)state;
	/* Even with a participation, a beheerder account gets no case data. */
	struct fx f;
	fx_role(&f, ROLE_BEDRIJFSARTS);
	f.req.actor.is_beheerder = true;
	assert_int_equal(reason(&f, POLICY_CASE_MEDICAL, POLICY_READ), POLICY_DENY_BEHEERDER);
	assert_false(decide(&f, POLICY_CASE_FUNCTIONAL, POLICY_READ));
	assert_false(decide(&f, POLICY_ACCESS_LOG, POLICY_READ));
	/* A participation in the beheerder role opens nothing. */
	fx_role(&f, ROLE_BEHEERDER);
	for (int res = 0; res < POLICY_RESOURCE__COUNT; res++)
		assert_false(decide(&f, (enum policy_resource)res, POLICY_READ));
}

static void test_self_and_own_organisation(void **state)
{
	(void)state;
	struct fx f;
	fx_role(&f, ROLE_WERKGEVER);
	f.req.target_user_id = USER_ACTOR;
	assert_int_equal(reason(&f, POLICY_USERS, POLICY_READ), POLICY_ALLOW_SELF);
	assert_false(decide(&f, POLICY_USERS, POLICY_WRITE));
	f.req.target_org_id = ORG_EMPLOYER;
	assert_true(decide(&f, POLICY_ORGANISATIONS, POLICY_READ));
	assert_false(decide(&f, POLICY_ORGANISATIONS, POLICY_WRITE));
	/* Listings (no target) are the beheerder's. */
	f.req.target_user_id = 0;
	f.req.target_org_id = 0;
	assert_false(decide(&f, POLICY_USERS, POLICY_READ));
	assert_false(decide(&f, POLICY_ORGANISATIONS, POLICY_READ));
}

static void test_placement_offer(void **state)
{
	(void)state;
	/* The network employer manages its own offers, no case needed. */
	struct fx f;
	fx_role(&f, ROLE_NETWERKWERKGEVER);
	f.req.participation = NULL;
	f.req.kase = NULL;
	f.req.target_org_id = ORG_NETWORK;
	assert_int_equal(reason(&f, POLICY_PLACEMENT_OFFER, POLICY_WRITE),
			 POLICY_ALLOW_OWN_ORGANISATION);
	assert_true(decide(&f, POLICY_PLACEMENT_OFFER, POLICY_READ));
	/* Not another organisation's offers. */
	f.req.target_org_id = ORG_OTHER;
	assert_false(decide(&f, POLICY_PLACEMENT_OFFER, POLICY_READ));
	/* Participants read the offers of their case but never edit them. */
	fx_role(&f, ROLE_REINTEGRATIEPROFESSIONAL);
	assert_true(decide(&f, POLICY_PLACEMENT_OFFER, POLICY_READ));
	assert_int_equal(reason(&f, POLICY_PLACEMENT_OFFER, POLICY_WRITE), POLICY_DENY_READ_ONLY);
}

static void test_invalid_fails_closed(void **state)
{
	(void)state;
	struct fx f;
	fx_role(&f, ROLE_BEDRIJFSARTS);
	assert_int_equal(reason(&f, POLICY_RESOURCE__COUNT, POLICY_READ), POLICY_DENY_INVALID);
	assert_int_equal(reason(&f, POLICY_DOCUMENTS, POLICY_ACTION__COUNT), POLICY_DENY_INVALID);
	f.req.today = DATE_NONE;
	assert_int_equal(reason(&f, POLICY_DOCUMENTS, POLICY_READ), POLICY_DENY_INVALID);
	fx_role(&f, ROLE_BEDRIJFSARTS);
	f.part.from = DATE_NONE;
	assert_false(decide(&f, POLICY_DOCUMENTS, POLICY_READ));
	fx_role(&f, ROLE_BEDRIJFSARTS);
	f.part.role = (enum role)ROLE__COUNT;
	assert_false(decide(&f, POLICY_DOCUMENTS, POLICY_READ));
	assert_false(policy_decide(NULL).allow);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_matrix),
		cmocka_unit_test(test_reasons),
		cmocka_unit_test(test_participation_window),
		cmocka_unit_test(test_no_participation),
		cmocka_unit_test(test_other_organisation),
		cmocka_unit_test(test_employments),
		cmocka_unit_test(test_org_role_matrix),
		cmocka_unit_test(test_org_role_scope),
		cmocka_unit_test(test_new_report),
		cmocka_unit_test(test_werknemer_only_own_case),
		cmocka_unit_test(test_consent),
		cmocka_unit_test(test_beheerder_never_case_content),
		cmocka_unit_test(test_self_and_own_organisation),
		cmocka_unit_test(test_placement_offer),
		cmocka_unit_test(test_invalid_fails_closed),
	};
	return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
