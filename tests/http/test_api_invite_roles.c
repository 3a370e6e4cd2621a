/* test_api_invite_roles.c - invitations that give organisation roles and
 * invitations of a person of the register, over TCP against the real
 * server and store ($SW_TEST_DATABASE, seeded on 2026-03-02). An invited
 * casemanager lists the organisation's cases the moment they log in; an
 * invited employee (Fenna Oerlemans, 1015, Reiniging: in the register
 * without an account) sees their case at once. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-invite-roles.db"
#include "http/api_harness.h"

#define OB "orgbeheerder"
#define BH "beheerder"
#define WG "werkgever"

static int64_t org(void)
{
	return user_org("werkgever@demo.spoorwijzer.nl");
}

static int64_t dept(const char *name)
{
	char sql[160];
	snprintf(sql, sizeof sql, "SELECT id FROM departments WHERE name = '%s'"
		 " AND organisation_id = $1", name);
	return count(sql, org());
}

static int64_t total_cases(struct client *cl)
{
	struct reply r;
	call(cl, "GET", "/api/v1/cases?per_page=100", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	const int64_t n = json_integer_value(json_object_get(r.json, "total"));
	/* A case seen through an organisation role (no participation) is
	 * summarised like any other: the employee and the sick week. */
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(r.json, "items"), i, it) {
		assert_true(json_is_string(json_object_get(json_object_get(it, "employee"), "name")));
		assert_true(json_is_string(json_object_get(json_object_get(it, "organisation"), "name")));
		if (strcmp(json_string_value(json_object_get(it, "status")), "open") == 0)
			assert_true(json_is_integer(json_object_get(it, "week")));
	}
	reply_free(&r);
	return n;
}

/* Accepts the invitation of reply r on a fresh client, which is then
 * logged in as the new account. */
static void accept_on(const struct reply *inv, struct client *cl, struct reply *r)
{
	anonymous(cl);
	call(cl, "POST", json_string_value(json_object_get(inv->json, "accept_url")),
	     "{\"password\":\"een goed wachtwoord\"}", 1, r);
	if (r->status != 201)
		fail_msg("accept: %ld %s", r->status, r->body);
}

static void invite(const char *who, const char *body, struct reply *r)
{
	call(as(who), "POST", "/api/v1/invitations", body, 1, r);
}

static void test_invited_casemanager(void **state)
{
	(void)state;
	char body[512];
	struct reply r, a;
	struct client cm;
	snprintf(body, sizeof body, "{\"email\":\"nieuwe.cm@demo.spoorwijzer.nl\",\"name\":"
		 "\"Nora Peeters\",\"organisation_id\":%lld,\"org_roles\":[\"casemanager\"]}",
		 (long long)org());
	invite(OB, body, &r);
	if (r.status != 201)
		fail_msg("%ld %s", r.status, r.body);
	assert_string_equal(json_string_value(json_array_get(json_object_get(r.json, "org_roles"),
							     0)), "casemanager");
	assert_true(json_is_null(json_object_get(r.json, "person_id")));
	accept_on(&r, &cm, &a);
	/* The login answer already carries the role ... */
	const json_t *roles = json_object_get(json_object_get(a.json, "user"), "org_roles");
	assert_int_equal(json_array_size(roles), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(roles, 0), "role")),
			    "casemanager");
	reply_free(&a);
	reply_free(&r);
	/* ... and the first list holds every case of the organisation, as
	 * Mark's does. */
	const int64_t all = total_cases(as(WG));
	assert_true(all >= 3);
	assert_int_equal(total_cases(&cm), all);

	/* Limited to Reiniging: Linda's cases exactly. */
	snprintf(body, sizeof body, "{\"email\":\"reiniging.cm@demo.spoorwijzer.nl\",\"name\":"
		 "\"Piet Reinders\",\"organisation_id\":%lld,\"org_roles\":[\"casemanager\","
		 "\"hr-analist\"],\"department_ids\":[%lld]}", (long long)org(),
		 (long long)dept("Reiniging"));
	invite(BH, body, &r);
	assert_int_equal(r.status, 201);
	assert_int_equal(json_integer_value(json_array_get(json_object_get(r.json,
									   "department_ids"), 0)),
			 dept("Reiniging"));
	accept_on(&r, &cm, &a);
	reply_free(&a);
	reply_free(&r);
	const int64_t reiniging = total_cases(as("casemanager2"));
	assert_true(reiniging < all);
	assert_int_equal(total_cases(&cm), reiniging);
	assert_int_equal(count("SELECT COUNT(*) FROM org_roles r JOIN users u ON u.id = r.user_id"
			       " WHERE u.email = 'reiniging.cm@demo.spoorwijzer.nl' AND $1 > 0", 1),
			 2);
}

/* Bad input names the field and stores nothing; an organisation's
 * beheerder invites only to their own organisation and never a beheerder. */
static void test_refusals(void **state)
{
	(void)state;
	const int64_t before = count("SELECT COUNT(*) FROM invitations WHERE $1 = 0", 0);
	const long long o = (long long)org();
	const long long other = (long long)user_org("netwerkwerkgever@demo.spoorwijzer.nl");
	char body[512];
	struct reply r;
	static const struct { const char *who, *fmt; long status; const char *code, *field; } bad[] = {
		{ OB, "{\"email\":\"x1@demo.nl\",\"name\":\"X\",\"organisation_id\":%lld,"
		      "\"org_roles\":[\"directeur\"]}", 422, "invalid", "org_roles" },
		{ OB, "{\"email\":\"x1@demo.nl\",\"name\":\"X\",\"organisation_id\":%lld,"
		      "\"org_roles\":\"casemanager\"}", 422, "invalid", "org_roles" },
		{ OB, "{\"email\":\"x1@demo.nl\",\"name\":\"X\",\"organisation_id\":%lld,"
		      "\"org_roles\":[\"hr-analist\"],\"department_ids\":[%lld]}", 422, "invalid",
		  "department_ids" },
		{ OB, "{\"email\":\"x1@demo.nl\",\"name\":\"X\",\"organisation_id\":%lld,"
		      "\"org_roles\":[\"casemanager\"],\"department_ids\":[999999]}", 422, "invalid",
		  "department_ids" },
		{ OB, "{\"email\":\"x1@demo.nl\",\"name\":\"X\",\"organisation_id\":%lld,"
		      "\"is_beheerder\":true}", 403, "forbidden", "is_beheerder" },
		{ OB, "{\"email\":\"x1@demo.nl\",\"name\":\"X\"}", 403, "forbidden", "" },
		{ WG, "{\"email\":\"x1@demo.nl\",\"name\":\"X\",\"organisation_id\":%lld,"
		      "\"org_roles\":[\"casemanager\"]}", 403, "forbidden", "" },
		{ BH, "{\"email\":\"x1@demo.nl\",\"name\":\"X\",\"organisation_id\":null,"
		      "\"org_roles\":[\"casemanager\"]}", 422, "invalid", "organisation_id" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(body, sizeof body, bad[i].fmt, o, (long long)dept("Groen"));
		invite(bad[i].who, body, &r);
		assert_error(&r, bad[i].status, bad[i].code, bad[i].field);
		reply_free(&r);
	}
	/* Another organisation does not exist for Bas. */
	snprintf(body, sizeof body, "{\"email\":\"x1@demo.nl\",\"name\":\"X\",\"organisation_id\":"
		 "%lld,\"org_roles\":[\"casemanager\"]}", other);
	invite(OB, body, &r);
	assert_error(&r, 404, "not_found", "organisation_id");
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM invitations WHERE $1 = 0", 0), before);
}

/* The casemanager invites Fenna, reported sick without an account: her
 * account becomes her register entry and she sees her case at once. */
static void test_person_invitation(void **state)
{
	(void)state;
	const int64_t fenna = count("SELECT MIN(id) FROM persons WHERE personnel_number = '1015'"
				    " AND $1 = 0", 0);
	char body[256], p[96];
	struct reply r, a;
	snprintf(body, sizeof body, "{\"person_id\":%lld,\"first_sick_day\":\"2026-02-26\"}",
		 (long long)fenna);
	call(as(WG), "POST", "/api/v1/cases", body, 1, &r);
	if (r.status != 201)
		fail_msg("report: %ld %s", r.status, r.body);
	const int64_t case_id = json_integer_value(json_object_get(r.json, "id"));
	reply_free(&r);

	snprintf(p, sizeof p, "/api/v1/persons/%lld/invitation", (long long)fenna);
	/* The register has no email for her. */
	call(as(WG), "POST", p, "{}", 1, &r);
	assert_error(&r, 422, "invalid", "email");
	reply_free(&r);
	call(as(WG), "POST", p, "{\"email\":\"fenna\"}", 1, &r);
	assert_error(&r, 422, "invalid", "email");
	reply_free(&r);
	call(as(WG), "POST", p, "{\"mail\":\"fenna@example.nl\"}", 1, &r);
	assert_error(&r, 422, "invalid", "mail");
	reply_free(&r);
	/* Not the hr-analist, the leidinggevende (not his team), the werknemer
	 * or another organisation; an unknown person is 404 too. */
	static const char *const refused[] = { "hr-analist", "leidinggevende", "werknemer",
					       "netwerkwerkgever", OB };
	for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
		call(as(refused[i]), "POST", p, "{\"email\":\"fenna@example.nl\"}", 1, &r);
		assert_error(&r, 404, "not_found", "id");
		reply_free(&r);
	}
	assert_int_equal(status_of(WG, "POST", "/api/v1/persons/999999/invitation",
				   "{\"email\":\"fenna@example.nl\"}"), 404);
	assert_int_equal(count("SELECT COUNT(*) FROM invitations WHERE person_id = $1", fenna), 0);

	/* Linda, casemanager of Reiniging, invites her. */
	call(as("casemanager2"), "POST", p, "{\"email\":\"fenna@example.nl\"}", 1, &r);
	if (r.status != 201)
		fail_msg("%ld %s", r.status, r.body);
	assert_int_equal(json_integer_value(json_object_get(r.json, "person_id")), fenna);
	assert_string_equal(json_string_value(json_object_get(r.json, "name")), "Fenna Oerlemans");
	struct client fc;
	accept_on(&r, &fc, &a);
	const json_t *u = json_object_get(a.json, "user");
	assert_int_equal(json_integer_value(json_object_get(u, "person_id")), fenna);
	reply_free(&a);
	reply_free(&r);

	/* Her own case, and only that. */
	call(&fc, "GET", "/api/v1/cases", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_integer_value(json_object_get(r.json, "total")), 1);
	assert_int_equal(json_integer_value(json_object_get(json_array_get(
				 json_object_get(r.json, "items"), 0), "id")), case_id);
	reply_free(&r);
	char cp[64];
	snprintf(cp, sizeof cp, "/api/v1/cases/%lld", (long long)case_id);
	call(&fc, "GET", cp, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM participations WHERE case_id = $1"
			       " AND role = 'werknemer'", case_id), 1);

	/* She has an account now: a second invitation is 409. */
	call(as(WG), "POST", p, "{\"email\":\"fenna2@example.nl\"}", 1, &r);
	assert_error(&r, 409, "conflict", "id");
	reply_free(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_invited_casemanager),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_person_invitation),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
