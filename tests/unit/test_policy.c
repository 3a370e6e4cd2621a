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
 * placement monitoring decisions employments */
static const struct {
	const char *name;
	const char *cells[POLICY_RESOURCE__COUNT];
} matrix[] = {
	{ "werknemer",
	  { "RW", "R", "R", "R", "R", "RW", "RW", "RW", "R", "RW", "-", "-", "R",
	    "R", "RW", "RW", "-" } },
	{ "werkgever",
	  { "RW", "-", "RW", "RW", "RW", "RW", "RW", "R", "-", "R", "-", "-", "R",
	    "RW", "RW", "RW", "-" } },
	{ "bedrijfsarts",
	  { "RW", "RW", "R", "R", "RW", "RW", "RW", "R", "-", "R", "-", "-", "R",
	    "R", "R", "RW", "-" } },
	{ "arbeidsdeskundige",
	  { "RW", "-", "R", "R", "RW", "RW", "RW", "R", "-", "RW", "-", "-", "R",
	    "RW", "RW", "RW", "-" } },
	{ "re-integratieprofessional",
	  { "RW", "-", "R", "R", "RW", "RW", "RW", "R", "-", "RW", "-", "-", "R",
	    "RW", "RW", "RW", "-" } },
	{ "netwerkwerkgever",
	  { "-", "-", "-", "-", "-", "-", "-", "-", "-", "R", "-", "-", "-",
	    "RW", "RW", "-", "-" } },
	{ "beheerder",
	  { "-", "-", "-", "-", "-", "-", "-", "-", "-", "-", "RW", "RW", "-",
	    "-", "-", "-", "RW" } },
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
		if (res == POLICY_ORGANISATIONS || res == POLICY_USERS || res == POLICY_EMPLOYMENTS)
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

/* Employments: the werkgever of the organisation, not its employees nor
 * another organisation's werkgever. */
static void test_employments(void **state)
{
	(void)state;
	struct fx f;
	fx_role(&f, ROLE_WERKGEVER);
	f.req.participation = NULL;
	f.req.kase = NULL;
	f.req.target_org_id = ORG_EMPLOYER;
	assert_false(decide(&f, POLICY_EMPLOYMENTS, POLICY_READ));
	f.req.actor_werkgever = true;
	assert_true(decide(&f, POLICY_EMPLOYMENTS, POLICY_READ));
	assert_true(decide(&f, POLICY_EMPLOYMENTS, POLICY_WRITE));
	assert_int_equal(reason(&f, POLICY_EMPLOYMENTS, POLICY_WRITE), POLICY_ALLOW_OWN_ORGANISATION);
	f.req.target_org_id = ORG_OTHER;
	assert_false(decide(&f, POLICY_EMPLOYMENTS, POLICY_READ));
	f.req.target_org_id = 0;
	assert_false(decide(&f, POLICY_EMPLOYMENTS, POLICY_READ));
	assert_string_equal(policy_resource_name(POLICY_EMPLOYMENTS), "employments");
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
		cmocka_unit_test(test_werknemer_only_own_case),
		cmocka_unit_test(test_consent),
		cmocka_unit_test(test_beheerder_never_case_content),
		cmocka_unit_test(test_self_and_own_organisation),
		cmocka_unit_test(test_placement_offer),
		cmocka_unit_test(test_invalid_fails_closed),
	};
	return cmocka_run_group_tests_name("policy", tests, NULL, NULL);
}
