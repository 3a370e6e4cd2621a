/* test_api_org_roles.c - organisation roles over TCP against the real
 * server and store ($SW_TEST_DATABASE, seeded on 2026-03-02): what
 * GET /api/v1/session tells about them (org_roles, person_id), and
 * PUT /api/v1/users/{id}/org-roles by the installation's beheerder and by
 * the organisation's own beheerder (Bas Hoeks, orgbeheerder), with every
 * refusal. Mark Janssens (werkgever) is casemanager of the whole demo
 * works company, Linda Aerts (casemanager2) of Reiniging only. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-org-roles.db"
#include "http/api_harness.h"

#define OB "orgbeheerder"
#define BH "beheerder"

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

static int64_t nroles(int64_t uid)
{
	return count("SELECT COUNT(*) FROM org_roles WHERE user_id = $1", uid);
}

/* The role entries of a user object, as "role:ndepartments" joined by ','. */
static void roles_of(const json_t *user, char *out, size_t outsz)
{
	const json_t *rs = json_object_get(user, "org_roles");
	size_t i, len = 0;
	const json_t *e;
	assert_true(json_is_array(rs));
	out[0] = '\0';
	json_array_foreach(rs, i, e) {
		assert_int_equal(json_integer_value(json_object_get(e, "organisation_id")), org());
		assert_non_null(json_string_value(json_object_get(e, "organisation_name")));
		len += (size_t)snprintf(out + len, outsz - len, "%s%s:%zu", i ? "," : "",
					json_string_value(json_object_get(e, "role")),
					json_array_size(json_object_get(e, "department_ids")));
	}
}

static void test_session(void **state)
{
	(void)state;
	char got[256];
	struct reply r;
	call(as("werkgever"), "GET", "/api/v1/session", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	json_t *u = json_object_get(r.json, "user");
	roles_of(u, got, sizeof got);
	assert_string_equal(got, "casemanager:0");
	reply_free(&r);

	/* Linda's department list names Reiniging. */
	call(as("casemanager2"), "GET", "/api/v1/session", NULL, 0, &r);
	u = json_object_get(r.json, "user");
	roles_of(u, got, sizeof got);
	assert_string_equal(got, "casemanager:1");
	const json_t *ds = json_object_get(json_array_get(json_object_get(u, "org_roles"), 0),
					   "department_ids");
	assert_int_equal(json_integer_value(json_array_get(ds, 0)), dept("Reiniging"));
	reply_free(&r);

	/* Sanne has her register entry and no organisation role. */
	const int64_t sanne = user_id("werknemer@demo.spoorwijzer.nl");
	call(as("werknemer"), "GET", "/api/v1/session", NULL, 0, &r);
	u = json_object_get(r.json, "user");
	assert_int_equal(json_array_size(json_object_get(u, "org_roles")), 0);
	assert_int_equal(json_integer_value(json_object_get(u, "person_id")),
			 count("SELECT id FROM persons WHERE user_id = $1", sanne));
	reply_free(&r);

	/* An account outside any register: person_id null; the login answer
	 * has the same shape. */
	struct client cl;
	anonymous(&cl);
	assert_int_equal(login(&cl, "beheerder@demo.spoorwijzer.nl", PASSWORD, &r), 200);
	u = json_object_get(r.json, "user");
	assert_true(json_is_null(json_object_get(u, "person_id")));
	assert_int_equal(json_array_size(json_object_get(u, "org_roles")), 0);
	reply_free(&r);
}

static void put_roles(const char *who, int64_t uid, const char *body, struct reply *r)
{
	char p[96];
	snprintf(p, sizeof p, "/api/v1/users/%lld/org-roles", (long long)uid);
	call(as(who), "PUT", p, body, 1, r);
}

/* The organisation's beheerder makes the hr-analist casemanager too: the
 * next request of that account lists the organisation's cases. */
static void test_org_beheerder_sets_roles(void **state)
{
	(void)state;
	const int64_t esther = user_id("hr-analist@demo.spoorwijzer.nl");
	char body[256], got[256];
	struct reply r;
	call(as("hr-analist"), "GET", "/api/v1/cases", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_integer_value(json_object_get(r.json, "total")), 0);
	reply_free(&r);

	snprintf(body, sizeof body, "{\"organisation_id\":%lld,\"roles\":[\"hr-analist\","
		 "\"casemanager\"],\"department_ids\":[]}", (long long)org());
	put_roles(OB, esther, body, &r);
	if (r.status != 200)
		fail_msg("%ld %s", r.status, r.body);
	roles_of(r.json, got, sizeof got);
	assert_string_equal(got, "casemanager:0,hr-analist:0");
	reply_free(&r);
	call(as("hr-analist"), "GET", "/api/v1/cases", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_true(json_integer_value(json_object_get(r.json, "total")) >= 3);
	reply_free(&r);

	/* Limited to Groen: Linda's Reiniging cases are gone from the list. */
	snprintf(body, sizeof body, "{\"organisation_id\":%lld,\"roles\":[\"casemanager\"],"
		 "\"department_ids\":[%lld]}", (long long)org(), (long long)dept("Groen"));
	put_roles(OB, esther, body, &r);
	assert_int_equal(r.status, 200);
	roles_of(r.json, got, sizeof got);
	assert_string_equal(got, "casemanager:1");
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM org_role_departments WHERE user_id = $1",
			       esther), 1);
	assert_int_equal(count("SELECT COUNT(*) FROM org_roles WHERE user_id = $1"
			       " AND granted_by IS NOT NULL", esther), 1);

	/* The installation's beheerder reads the roles in the account lists. */
	char p[96];
	snprintf(p, sizeof p, "/api/v1/users/%lld", (long long)esther);
	call(as(BH), "GET", p, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	roles_of(r.json, got, sizeof got);
	assert_string_equal(got, "casemanager:1");
	reply_free(&r);
	call(as(BH), "GET", "/api/v1/users?q=Claassen", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	roles_of(json_array_get(json_object_get(r.json, "items"), 0), got, sizeof got);
	assert_string_equal(got, "casemanager:1");
	reply_free(&r);

	/* Back as it was, by the installation's beheerder; an empty list
	 * takes every role. */
	snprintf(body, sizeof body, "{\"organisation_id\":%lld,\"roles\":[\"hr-analist\"]}",
		 (long long)org());
	put_roles(BH, esther, body, &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);
	call(as("hr-analist"), "GET", "/api/v1/cases", NULL, 0, &r);
	assert_int_equal(json_integer_value(json_object_get(r.json, "total")), 0);
	reply_free(&r);
	const int64_t anouk = user_id("anouk.smit@demo.spoorwijzer.nl");
	snprintf(body, sizeof body, "{\"organisation_id\":%lld,\"roles\":[]}", (long long)org());
	put_roles(OB, anouk, body, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_array_size(json_object_get(r.json, "org_roles")), 0);
	reply_free(&r);
}

/* Bad input names the field and changes nothing; another organisation is
 * unknown (404); a casemanager or werknemer may not (403). */
static void test_refusals(void **state)
{
	(void)state;
	const int64_t esther = user_id("hr-analist@demo.spoorwijzer.nl");
	const int64_t erik = user_id("netwerkwerkgever@demo.spoorwijzer.nl");
	const int64_t other = user_org("netwerkwerkgever@demo.spoorwijzer.nl");
	const int64_t before = nroles(esther);
	char body[256];
	struct reply r;
	static const struct { const char *fmt; const char *field; } bad[] = {
		{ "{\"organisation_id\":%lld,\"roles\":[\"directeur\"]}", "roles" },
		{ "{\"organisation_id\":%lld,\"roles\":\"casemanager\"}", "roles" },
		{ "{\"organisation_id\":%lld,\"roles\":[1]}", "roles" },
		{ "{\"organisation_id\":%lld}", "roles" },
		{ "{\"organisation_id\":%lld,\"roles\":[\"casemanager\"],\"department_ids\":[999999]}",
		  "department_ids" },
		{ "{\"organisation_id\":%lld,\"roles\":[\"casemanager\"],\"department_ids\":[\"x\"]}",
		  "department_ids" },
		{ "{\"organisation_id\":%lld,\"roles\":[\"hr-analist\"],\"department_ids\":[%lld]}",
		  "department_ids" },
		{ "{\"organisation_id\":%lld,\"roles\":[],\"colour\":1}", "colour" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		snprintf(body, sizeof body, bad[i].fmt, (long long)org(), (long long)dept("Groen"));
		put_roles(OB, esther, body, &r);
		assert_error(&r, 422, "invalid", bad[i].field);
		reply_free(&r);
	}
	put_roles(OB, esther, "{\"roles\":[]}", &r);
	assert_error(&r, 422, "invalid", "organisation_id");
	reply_free(&r);
	put_roles(OB, esther, "[", &r);
	assert_int_equal(r.status, 400);
	reply_free(&r);
	assert_int_equal(nroles(esther), before);

	/* Another organisation's department is not one of ours. */
	assert_int_equal(count("SELECT COUNT(*) FROM departments WHERE organisation_id = $1",
			       other), 0);
	struct sw_error err = { 0 };
	int64_t foreign;
	assert_int_equal(store_department_insert(F->st, other, "Uitvoering", &foreign, &err), 0);
	snprintf(body, sizeof body, "{\"organisation_id\":%lld,\"roles\":[\"casemanager\"],"
		 "\"department_ids\":[%lld]}", (long long)org(), (long long)foreign);
	put_roles(OB, esther, body, &r);
	assert_error(&r, 422, "invalid", "department_ids");
	reply_free(&r);

	/* The organisation's beheerder: not in another organisation, not on
	 * another organisation's account. */
	snprintf(body, sizeof body, "{\"organisation_id\":%lld,\"roles\":[\"casemanager\"]}",
		 (long long)other);
	put_roles(OB, erik, body, &r);
	assert_error(&r, 404, "not_found", "organisation_id");
	reply_free(&r);
	snprintf(body, sizeof body, "{\"organisation_id\":%lld,\"roles\":[\"casemanager\"]}",
		 (long long)org());
	put_roles(OB, erik, body, &r);
	assert_error(&r, 404, "not_found", "id");
	reply_free(&r);
	put_roles(OB, 999999, body, &r);
	assert_int_equal(r.status, 404);
	reply_free(&r);
	assert_int_equal(nroles(erik), 0);

	/* A casemanager and a werknemer of the organisation may not. */
	put_roles("werkgever", esther, body, &r);
	assert_error(&r, 403, "forbidden", "");
	reply_free(&r);
	put_roles("werknemer", user_id("werknemer@demo.spoorwijzer.nl"), body, &r);
	assert_error(&r, 403, "forbidden", "");
	reply_free(&r);
	/* The network employer does not learn that the organisation exists. */
	put_roles("netwerkwerkgever", erik, body, &r);
	assert_error(&r, 404, "not_found", "organisation_id");
	reply_free(&r);
	/* The installation's beheerder: the account must be of the organisation. */
	put_roles(BH, erik, body, &r);
	assert_error(&r, 422, "invalid", "organisation_id");
	reply_free(&r);
	assert_int_equal(nroles(esther), before);
	assert_int_equal(nroles(erik), 0);
	assert_int_equal(status_of(OB, "PUT", "/api/v1/users/x/org-roles", "{}"), 404);
}

/* The organisation's beheerder administers the accounts of that
 * organisation and of no other: listing, reading, deactivating, the
 * invitations; never the installation's beheerder flag. */
static void test_org_beheerder_accounts(void **state)
{
	(void)state;
	char path[160];
	struct reply r;
	const int64_t own = org(), other = user_org("netwerkwerkgever@demo.spoorwijzer.nl");
	const int64_t esther = user_id("hr-analist@demo.spoorwijzer.nl");
	const int64_t erik = user_id("netwerkwerkgever@demo.spoorwijzer.nl");

	call(as(OB), "GET", "/api/v1/users?per_page=100", NULL, 0, &r);
	assert_int_equal(r.status, 200);
	assert_int_equal(json_integer_value(json_object_get(r.json, "total")),
			 count("SELECT COUNT(*) FROM users WHERE organisation_id = $1", own));
	size_t i;
	json_t *it;
	json_array_foreach(json_object_get(r.json, "items"), i, it)
		assert_int_equal(json_integer_value(json_object_get(it, "organisation_id")), own);
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/users?organisation_id=%lld", (long long)other);
	assert_int_equal(status_of(OB, "GET", path, NULL), 403);
	assert_int_equal(status_of(OB, "GET", "/api/v1/invitations", NULL), 200);
	snprintf(path, sizeof path, "/api/v1/invitations?organisation_id=%lld", (long long)other);
	assert_int_equal(status_of(OB, "GET", path, NULL), 403);
	/* The beheerder reads the departments (to give a casemanager theirs),
	 * not those of another organisation, and not the register itself. */
	snprintf(path, sizeof path, "/api/v1/organisations/%lld/departments", (long long)own);
	assert_int_equal(status_of(OB, "GET", path, NULL), 200);
	snprintf(path, sizeof path, "/api/v1/organisations/%lld/departments", (long long)other);
	assert_int_equal(status_of(OB, "GET", path, NULL), 404);
	snprintf(path, sizeof path, "/api/v1/organisations/%lld/persons", (long long)own);
	assert_int_equal(status_of(OB, "GET", path, NULL), 403);
	/* A casemanager of the organisation is no beheerder of its accounts. */
	assert_int_equal(status_of("werkgever", "GET", "/api/v1/users", NULL), 403);

	snprintf(path, sizeof path, "/api/v1/users/%lld", (long long)esther);
	assert_int_equal(status_of(OB, "GET", path, NULL), 200);
	assert_int_equal(status_of(OB, "PATCH", path, "{\"is_beheerder\":true}"), 403);
	assert_int_equal(status_of(OB, "PATCH", path, "{\"active\":false}"), 200);
	assert_int_equal(count("SELECT active FROM users WHERE id = $1", esther), 0);
	assert_int_equal(status_of(OB, "PATCH", path, "{\"active\":true}"), 200);
	snprintf(path, sizeof path, "/api/v1/users/%lld", (long long)erik);
	assert_int_equal(status_of(OB, "GET", path, NULL), 404);
	assert_int_equal(status_of(OB, "PATCH", path, "{\"active\":false}"), 404);
	assert_int_equal(count("SELECT active FROM users WHERE id = $1", erik), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_session),
		cmocka_unit_test(test_org_beheerder_sets_roles),
		cmocka_unit_test(test_refusals),
		cmocka_unit_test(test_org_beheerder_accounts),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
