/* test_api_network.c - the employer network over TCP against the real
 * server and store ($SW_TEST_DATABASE, migrated and seeded on 2026-03-02):
 * offers and spelregels of a network employer, the zoekprofiel, matches
 * with every factor explained, candidates only with consent (and gone at
 * once on revocation), the pipeline's transitions and messages, and the
 * network figures.
 *
 * Seed: case 4 Sanne (no zoekprofiel, no consent), case 5 Kees (profile,
 * consent, at proefplaatsing for offer 1 since 2026-01-26). Offers 1 and 2
 * are of Bouwbedrijf Van Gils (the netwerkwerkgever demo user), 3 to 5 of
 * Zorgcentrum De Mantelhof. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-network.db"
#include "http/api_harness.h"

#include <pthread.h>

#define SANNE_CASE 4
#define KEES_CASE 5
#define SANNE "werknemer"
#define KEES "kees.mulder"
#define NWG "netwerkwerkgever"
#define COACH "re-integratieprofessional"
#define OFFER_VOORBEREIDING 1
#define OFFER_MAGAZIJN 2
#define OFFER_ZORG 3

#define SANNE_PROFILE                                                                       \
	"{\"capacities\":{\"concentratie\":2,\"tijdsdruk\":1,\"samenwerken\":2,"            \
	"\"conflicthantering\":1,\"klantcontact\":2,\"omgevingseisen\":1,\"tillen\":1,"     \
	"\"lopen\":2,\"beeldschermwerk\":3,\"zitten\":3,\"staan\":1,\"nachtwerk\":null},"   \
	"\"types\":[\"detachering\",\"proefplaatsing\",\"vacature\"],\"hours_min\":12,"     \
	"\"hours_max\":24,\"range_km\":30,\"postcode\":\"4811 NP\",\"lat\":51.5866,"        \
	"\"lon\":4.776,\"wishes\":[\"vaste_werktijden\"],\"skills\":[\"administratie\","    \
	"\"planning\"],\"sectors\":[\"bouw\"],\"birth_year\":1988,"                          \
	"\"beroepsrichting\":\"administratief\",\"toelichting\":\"Liever geen telefoon.\"}"

#define OFFER_BODY                                                                          \
	"{\"title\":\"Planner onderhoud\",\"type\":\"detachering\",\"tasks\":\"Plannen.\","   \
	"\"sector\":\"bouw\",\"hours_min\":16,\"hours_max\":24,\"postcode\":\"4871 AB\","     \
	"\"lat\":51.57,\"lon\":4.64,\"demands\":{\"beeldschermwerk\":3,\"zitten\":2},"        \
	"\"guidance\":[\"begeleiding\"],\"duration_weeks\":26,"                               \
	"\"instruments\":[\"no_riskpolis\"],\"features\":[\"vaste_werktijden\"],"             \
	"\"skills\":[\"planning\",\"office\"],\"intent_to_hire\":true}"

static const char *str(const json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static int64_t num(const json_t *o, const char *key)
{
	return json_integer_value(json_object_get(o, key));
}

static void req(const char *who, const char *method, const char *path, const char *body,
		long want, struct reply *r)
{
	call(as(who), method, path, body, body != NULL || strcmp(method, "GET") != 0, r);
	if (r->status != want)
		fail_msg("%s %s %s as %s: %ld, want %ld: %s", method, path, body ? body : "", who,
			 r->status, want, r->body ? r->body : "");
}

static void casepath(char *out, size_t outsz, int64_t case_id, const char *rest)
{
	snprintf(out, outsz, "/api/v1/cases/%lld/%s", (long long)case_id, rest);
}

/* Whether the JSON array has a string equal to s. */
static bool has_string(const json_t *a, const char *s)
{
	size_t i;
	const json_t *v;
	json_array_foreach(a, i, v)
		if (json_is_string(v) && strcmp(json_string_value(v), s) == 0)
			return true;
	return false;
}

/* The item of a matches/candidates list whose key object has this id. */
static const json_t *find_item(const json_t *items, const char *key, const char *idkey,
			       int64_t id)
{
	size_t i;
	const json_t *it;
	json_array_foreach(items, i, it)
		if (num(json_object_get(it, key), idkey) == id)
			return it;
	return NULL;
}

/* Score invariants: every factor with its weight, weights sum to 100,
 * total is the sum of the points. */
static void check_score(const json_t *score)
{
	const json_t *factors = json_object_get(score, "factors");
	assert_int_equal(json_array_size(factors), 9);
	int64_t weights = 0;
	double points = 0;
	size_t i;
	const json_t *f;
	json_array_foreach(factors, i, f) {
		assert_non_null(str(f, "name"));
		weights += num(f, "weight");
		points += json_number_value(json_object_get(f, "points"));
		assert_true(json_number_value(json_object_get(f, "points")) <= num(f, "weight") + 1e-9);
	}
	assert_int_equal(weights, 100);
	const double total = json_number_value(json_object_get(score, "total"));
	assert_true(total > 0 && total <= 100);
	assert_true(points - total < 0.01 && total - points < 0.01);
	assert_string_equal(str(score, "weights_version"), "match-v1");
	assert_int_equal(json_array_size(json_object_get(score, "excluded")), 0);
}

/* ---- figures (first: the seeded state) ---- */

static void test_figures(void **state)
{
	(void)state;
	struct reply r;
	req(NWG, "GET", "/api/v1/network/figures?from=2025-01-01&to=2026-12-31", NULL, 200, &r);
	assert_int_equal(num(r.json, "offers_open"), 5);
	assert_int_equal(num(r.json, "proposals"), 1);
	assert_int_equal(num(r.json, "placements"), 1);
	assert_int_equal(num(r.json, "lasting_6_months"), 0);
	assert_int_equal(num(r.json, "lasting_12_months"), 0);
	const json_t *emp = json_object_get(r.json, "employers");
	assert_int_equal(json_array_size(emp), 2);
	const json_t *bouw = json_array_get(emp, 0), *gem = json_array_get(emp, 1);
	assert_string_equal(str(bouw, "name"), "Bouwbedrijf Van Gils Etten-Leur");
	assert_int_equal(num(bouw, "halen"), 1);
	assert_int_equal(num(bouw, "halen_geplaatst"), 1);
	assert_int_equal(num(bouw, "brengen"), 0);
	assert_int_equal(num(bouw, "saldo"), 1);
	assert_string_equal(str(gem, "name"), "Gemeentewerken Breda BV");
	assert_int_equal(num(gem, "brengen"), 1);
	assert_int_equal(num(gem, "brengen_geplaatst"), 1);
	assert_int_equal(num(gem, "saldo"), -1);
	reply_free(&r);

	/* A period before the placement: proposed earlier, nothing in it. */
	req("beheerder", "GET", "/api/v1/network/figures?from=2024-01-01&to=2024-12-31", NULL, 200,
	    &r);
	assert_int_equal(num(r.json, "placements"), 0);
	assert_int_equal(num(r.json, "proposals"), 0);
	reply_free(&r);

	/* Started 2025-06-01 it has lasted six months by today, not twelve. */
	struct sw_error err = { 0 };
	assert_int_equal(db_exec(store_db(F->st),
				 "UPDATE pipeline_entries SET proefplaatsing_on = '2025-06-01'", &err),
			 0);
	req(COACH, "GET", "/api/v1/network/figures?from=2025-01-01&to=2025-12-31", NULL, 200, &r);
	assert_int_equal(num(r.json, "placements"), 1);
	assert_int_equal(num(r.json, "lasting_6_months"), 1);
	assert_int_equal(num(r.json, "lasting_12_months"), 0);
	reply_free(&r);
	assert_int_equal(db_exec(store_db(F->st),
				 "UPDATE pipeline_entries SET proefplaatsing_on = '2026-01-26'", &err),
			 0);

	/* Only for those who work the network; dates required and valid. */
	req(SANNE, "GET", "/api/v1/network/figures?from=2025-01-01&to=2025-12-31", NULL, 403, &r);
	reply_free(&r);
	call(as(NWG), "GET", "/api/v1/network/figures?to=2025-12-31", NULL, 0, &r);
	assert_error(&r, 422, "invalid", "from");
	reply_free(&r);
	call(as(NWG), "GET", "/api/v1/network/figures?from=2025-13-01&to=2025-12-31", NULL, 0, &r);
	assert_error(&r, 422, "invalid", "from");
	reply_free(&r);
	call(as(NWG), "GET", "/api/v1/network/figures?from=2025-12-01&to=2025-01-31", NULL, 0, &r);
	assert_error(&r, 422, "invalid", "to");
	reply_free(&r);
}

/* ---- offers and spelregels ---- */

static void test_offers(void **state)
{
	(void)state;
	struct reply r;
	req(NWG, "GET", "/api/v1/offers", NULL, 200, &r);
	const json_t *items = json_object_get(r.json, "items");
	assert_int_equal(json_array_size(items), 2);
	assert_string_equal(str(json_array_get(items, 0), "title"), "Medewerker werkvoorbereiding");
	reply_free(&r);

	req(NWG, "POST", "/api/v1/offers", OFFER_BODY, 201, &r);
	const int64_t id = num(r.json, "id");
	assert_string_equal(str(r.json, "type"), "detachering");
	assert_string_equal(str(r.json, "sector"), "bouw");
	assert_string_equal(str(r.json, "status"), "open");
	assert_int_equal(num(json_object_get(r.json, "demands"), "beeldschermwerk"), 3);
	assert_int_equal(num(json_object_get(r.json, "demands"), "tillen"), 0);
	assert_true(has_string(json_object_get(r.json, "skills"), "planning"));
	assert_true(has_string(json_object_get(r.json, "instruments"), "no_riskpolis"));
	assert_true(json_is_true(json_object_get(r.json, "intent_to_hire")));
	assert_true(json_number_value(json_object_get(r.json, "lat")) > 51.569);
	assert_string_equal(str(json_object_get(r.json, "organisation"), "name"),
			    "Bouwbedrijf Van Gils Etten-Leur");
	reply_free(&r);

	/* Only the offering organisation reads its offers here. */
	char path[128];
	snprintf(path, sizeof path, "/api/v1/offers/%lld", (long long)id);
	req(NWG, "GET", path, NULL, 200, &r);
	reply_free(&r);
	static const char *const others[] = { "werkgever", COACH, SANNE, "beheerder" };
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
		call(as(others[i]), "GET", path, NULL, 0, &r);
		assert_error(&r, 404, "not_found", "id");
		reply_free(&r);
		req(others[i], "POST", "/api/v1/offers", OFFER_BODY, 403, &r);
		reply_free(&r);
	}
	snprintf(path, sizeof path, "/api/v1/offers/%d", OFFER_ZORG);
	call(as(NWG), "GET", path, NULL, 0, &r);
	assert_error(&r, 404, "not_found", "id");
	reply_free(&r);
	req(NWG, "PUT", path, OFFER_BODY, 404, &r);
	reply_free(&r);

	/* Bad input: 422 on the field, nothing written. */
	const int64_t before = count("SELECT COUNT(*) FROM placement_offers WHERE id > $1", 0);
	static const struct {
		const char *body, *field;
	} bad[] = {
		{ "{\"title\":\"X\",\"type\":\"stage\",\"tasks\":\"t\",\"sector\":\"bouw\","
		  "\"hours_min\":8,\"hours_max\":16,\"postcode\":\"4871 AB\"}", "type" },
		{ "{\"title\":\"X\",\"type\":\"vacature\",\"tasks\":\"t\",\"sector\":\"ruimtevaart\","
		  "\"hours_min\":8,\"hours_max\":16,\"postcode\":\"4871 AB\"}", "sector" },
		{ "{\"title\":\"X\",\"type\":\"vacature\",\"tasks\":\"t\",\"sector\":\"bouw\","
		  "\"hours_min\":20,\"hours_max\":16,\"postcode\":\"4871 AB\"}", "hours_min" },
		{ "{\"title\":\"X\",\"type\":\"vacature\",\"tasks\":\"t\",\"sector\":\"bouw\","
		  "\"hours_min\":8,\"hours_max\":16,\"postcode\":\"Etten\"}", "postcode" },
		{ "{\"title\":\"X\",\"type\":\"vacature\",\"tasks\":\"t\",\"sector\":\"bouw\","
		  "\"hours_min\":8,\"hours_max\":16,\"postcode\":\"4871 AB\",\"lat\":51.5}", "lon" },
		{ "{\"title\":\"X\",\"type\":\"vacature\",\"tasks\":\"t\",\"sector\":\"bouw\","
		  "\"hours_min\":8,\"hours_max\":16,\"postcode\":\"4871 AB\",\"lat\":95,\"lon\":4}",
		  "lat" },
		{ "{\"title\":\"X\",\"type\":\"vacature\",\"tasks\":\"t\",\"sector\":\"bouw\","
		  "\"hours_min\":8,\"hours_max\":16,\"postcode\":\"4871 AB\","
		  "\"demands\":{\"vliegen\":1}}", "demands" },
		{ "{\"title\":\"X\",\"type\":\"vacature\",\"tasks\":\"t\",\"sector\":\"bouw\","
		  "\"hours_min\":8,\"hours_max\":16,\"postcode\":\"4871 AB\","
		  "\"demands\":{\"tillen\":4}}", "demands" },
		{ "{\"title\":\"X\",\"type\":\"vacature\",\"tasks\":\"t\",\"sector\":\"bouw\","
		  "\"hours_min\":8,\"hours_max\":16,\"postcode\":\"4871 AB\","
		  "\"skills\":[\"toveren\"]}", "skills" },
		{ "{\"title\":\"X\",\"type\":\"vacature\",\"tasks\":\"t\",\"sector\":\"bouw\","
		  "\"hours_min\":8,\"hours_max\":16,\"postcode\":\"4871 AB\","
		  "\"skills\":[\"office\",\"office\"]}", "skills" },
		{ "{\"title\":\"X\",\"type\":\"vacature\",\"tasks\":\"t\",\"sector\":\"bouw\","
		  "\"hours_min\":8,\"hours_max\":16,\"postcode\":\"4871 AB\",\"salaris\":3000}",
		  "salaris" },
		{ "{\"title\":\" \",\"type\":\"vacature\",\"tasks\":\"t\",\"sector\":\"bouw\","
		  "\"hours_min\":8,\"hours_max\":16,\"postcode\":\"4871 AB\"}", "title" },
		{ "{\"type\":\"vacature\",\"tasks\":\"t\",\"sector\":\"bouw\","
		  "\"hours_min\":8,\"hours_max\":16,\"postcode\":\"4871 AB\"}", "title" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		call(as(NWG), "POST", "/api/v1/offers", bad[i].body, 1, &r);
		if (r.status != 422)
			fail_msg("%s: %ld %s", bad[i].body, r.status, r.body ? r.body : "");
		assert_string_equal(str(json_object_get(r.json, "error"), "field"), bad[i].field);
		reply_free(&r);
	}
	call(as(NWG), "POST", "/api/v1/offers", "{\"title\":", 1, &r);
	assert_int_equal(r.status, 400);
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM placement_offers WHERE id > $1", 0), before);

	/* Closing takes it off the matcher but keeps it. */
	snprintf(path, sizeof path, "/api/v1/offers/%lld", (long long)id);
	char closed[1024];
	snprintf(closed, sizeof closed, "%.*s,\"status\":\"gesloten\"}",
		 (int)strlen(OFFER_BODY) - 1, OFFER_BODY);
	req(NWG, "PUT", path, closed, 200, &r);
	assert_string_equal(str(r.json, "status"), "gesloten");
	reply_free(&r);

	/* Spelregels. */
	req(NWG, "GET", "/api/v1/network/conditions", NULL, 200, &r);
	assert_string_equal(str(r.json, "ziekterisico"), "verzendende_werkgever");
	assert_int_equal(num(r.json, "loonkosten_percentage"), 50);
	reply_free(&r);
	req(NWG, "PUT", "/api/v1/network/conditions",
	    "{\"ziekterisico\":\"verzendende_werkgever\",\"loonkosten_percentage\":60,"
	    "\"intentie_dienstverband\":true,\"contactpersoon\":\"Erik van Gils\"}", 200, &r);
	assert_int_equal(num(r.json, "loonkosten_percentage"), 60);
	assert_true(json_is_null(json_object_get(r.json, "bij_terugval")));
	reply_free(&r);
	call(as(NWG), "PUT", "/api/v1/network/conditions",
	     "{\"ziekterisico\":\"verzendende_werkgever\",\"loonkosten_percentage\":160,"
	     "\"intentie_dienstverband\":true,\"contactpersoon\":\"Erik\"}", 1, &r);
	assert_error(&r, 422, "invalid", "loonkosten_percentage");
	reply_free(&r);
	req("werkgever", "GET", "/api/v1/network/conditions", NULL, 403, &r);
	reply_free(&r);
}

/* ---- zoekprofiel and matches ---- */

static void test_zoekprofiel(void **state)
{
	(void)state;
	char path[128];
	struct reply r;
	casepath(path, sizeof path, SANNE_CASE, "zoekprofiel");
	call(as(COACH), "GET", path, NULL, 0, &r);
	assert_error(&r, 404, "not_found", "zoekprofiel");
	reply_free(&r);

	req(COACH, "PUT", path, SANNE_PROFILE, 200, &r);
	assert_int_equal(num(r.json, "version"), 1);
	assert_true(json_is_null(json_object_get(json_object_get(r.json, "capacities"), "nachtwerk")));
	assert_int_equal(num(json_object_get(r.json, "capacities"), "tillen"), 1);
	reply_free(&r);
	req(SANNE, "PUT", path, SANNE_PROFILE, 200, &r);
	assert_int_equal(num(r.json, "version"), 2);
	reply_free(&r);

	/* The employer reads it, as do the other parties; it does not write. */
	req("werkgever", "GET", path, NULL, 200, &r);
	assert_string_equal(str(r.json, "postcode"), "4811 NP");
	assert_int_equal(num(r.json, "birth_year"), 1988);
	reply_free(&r);
	req("bedrijfsarts", "GET", path, NULL, 200, &r);
	reply_free(&r);
	req("werkgever", "PUT", path, SANNE_PROFILE, 403, &r);
	reply_free(&r);
	/* No relation, or a network employer without participation: no case. */
	req(NWG, "GET", path, NULL, 404, &r);
	reply_free(&r);
	req("daan.bakker", "GET", path, NULL, 404, &r);
	reply_free(&r);

	static const struct {
		const char *body, *field;
	} bad[] = {
		{ "{\"hours_min\":8,\"hours_max\":16,\"range_km\":20,\"postcode\":\"4811 NP\","
		  "\"capacities\":{\"tillen\":5}}", "capacities" },
		{ "{\"hours_min\":8,\"hours_max\":16,\"range_km\":20,\"postcode\":\"4811 NP\","
		  "\"birth_year\":2020}", "birth_year" },
		{ "{\"hours_min\":8,\"hours_max\":16,\"range_km\":2000,\"postcode\":\"4811 NP\"}",
		  "range_km" },
		{ "{\"hours_min\":8,\"hours_max\":16,\"range_km\":20,\"postcode\":\"4811 NP\","
		  "\"types\":[\"stage\"]}", "types" },
		{ "{\"hours_min\":8,\"hours_max\":16,\"range_km\":20,\"postcode\":\"4811 NP\","
		  "\"diagnose\":\"burn-out\"}", "diagnose" },
		{ "{\"hours_min\":8,\"hours_max\":16,\"range_km\":20}", "postcode" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		call(as(COACH), "PUT", path, bad[i].body, 1, &r);
		if (r.status != 422)
			fail_msg("%s: %ld %s", bad[i].body, r.status, r.body ? r.body : "");
		assert_string_equal(str(json_object_get(r.json, "error"), "field"), bad[i].field);
		reply_free(&r);
	}
	assert_int_equal(count("SELECT version FROM zoekprofielen WHERE case_id = $1", SANNE_CASE), 2);
}

static void test_matches(void **state)
{
	(void)state;
	char path[128];
	struct reply r;
	casepath(path, sizeof path, SANNE_CASE, "matches");
	req("werkgever", "GET", path, NULL, 200, &r);
	const json_t *items = json_object_get(r.json, "items");
	assert_true(json_array_size(items) >= 1);
	const json_t *it = find_item(items, "offer", "id", OFFER_VOORBEREIDING);
	assert_non_null(it);
	assert_string_equal(str(json_object_get(it, "offer"), "organisation"),
			    "Bouwbedrijf Van Gils Etten-Leur");
	check_score(json_object_get(it, "score"));
	const double km = json_number_value(json_object_get(json_object_get(it, "score"),
							    "distance_km"));
	assert_true(km > 5 && km < 15);
	/* Nachtwerk unknown, but the offer does not demand it: no such flag;
	 * the no-riskpolis the employer expects is not known to apply: flagged. */
	const json_t *flags = json_object_get(json_object_get(it, "score"), "flags");
	assert_false(has_string(flags, "belastbaarheid_onbekend"));
	assert_true(has_string(flags, "instrument_voorwaarde"));
	assert_true(has_string(json_object_get(json_object_get(it, "score"), "instruments_unmet"),
			       "no_riskpolis"));
	/* The warehouse asks tillen 3 of someone who can 1: excluded. */
	assert_null(find_item(items, "offer", "id", OFFER_MAGAZIJN));
	/* Best first. */
	for (size_t i = 1; i < json_array_size(items); i++)
		assert_true(json_number_value(json_object_get(
				    json_object_get(json_array_get(items, i - 1), "score"), "total")) >=
			    json_number_value(json_object_get(
				    json_object_get(json_array_get(items, i), "score"), "total")));
	reply_free(&r);

	snprintf(path, sizeof path, "/api/v1/cases/%d/matches/%d", SANNE_CASE, OFFER_MAGAZIJN);
	req(COACH, "GET", path, NULL, 200, &r);
	const json_t *score = json_object_get(r.json, "score");
	assert_true(has_string(json_object_get(score, "excluded"), "boven_belastbaarheid"));
	assert_true(has_string(json_object_get(score, "over_capacity"), "tillen"));
	assert_false(has_string(json_object_get(score, "over_capacity"), "beeldschermwerk"));
	assert_int_equal(json_number_value(json_object_get(score, "total")), 0);
	assert_int_equal(json_array_size(json_object_get(score, "factors")), 0);
	reply_free(&r);

	casepath(path, sizeof path, SANNE_CASE, "matches?limit=1");
	req(SANNE, "GET", path, NULL, 200, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	reply_free(&r);
	casepath(path, sizeof path, SANNE_CASE, "matches?limit=0");
	call(as(SANNE), "GET", path, NULL, 0, &r);
	assert_error(&r, 422, "invalid", "limit");
	reply_free(&r);

	/* The in-memory copy follows a change at once: offer 1 closed is gone
	 * from the matches, reopened it is back. */
	char body[1024];
	const char *fmt = "{\"title\":\"Medewerker werkvoorbereiding\",\"type\":\"detachering\","
			  "\"tasks\":\"Werkvoorbereiding.\",\"sector\":\"bouw\",\"hours_min\":16,"
			  "\"hours_max\":24,\"postcode\":\"4871 AB\",\"lat\":51.5706,\"lon\":4.6369,"
			  "\"demands\":{\"beeldschermwerk\":3,\"zitten\":3},\"status\":\"%s\"}";
	char offer[64];
	snprintf(offer, sizeof offer, "/api/v1/offers/%d", OFFER_VOORBEREIDING);
	casepath(path, sizeof path, SANNE_CASE, "matches");
	snprintf(body, sizeof body, fmt, "gesloten");
	req(NWG, "PUT", offer, body, 200, &r);
	reply_free(&r);
	req(COACH, "GET", path, NULL, 200, &r);
	assert_null(find_item(json_object_get(r.json, "items"), "offer", "id", OFFER_VOORBEREIDING));
	reply_free(&r);
	snprintf(body, sizeof body, fmt, "open");
	req(NWG, "PUT", offer, body, 200, &r);
	reply_free(&r);
	req(COACH, "GET", path, NULL, 200, &r);
	assert_non_null(find_item(json_object_get(r.json, "items"), "offer", "id", OFFER_VOORBEREIDING));
	reply_free(&r);

	/* Nobody outside the case; no profile, no matches. */
	casepath(path, sizeof path, SANNE_CASE, "matches");
	req(NWG, "GET", path, NULL, 404, &r);
	reply_free(&r);
	casepath(path, sizeof path, 1, "matches");
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_error(&r, 404, "not_found", "zoekprofiel");
	reply_free(&r);
}

/* ---- consent on and off ---- */

/* The pseudonym of the case for the offer as stored ("" when none yet). */
static void token_of(int offer, int64_t case_id, char out[STORE_PSEUDONYM_STRLEN])
{
	struct sw_error err = { 0 };
	struct db_stmt *q = db_prepare(store_db(F->st),
				       "SELECT token FROM candidate_pseudonyms"
				       " WHERE offer_id = $1 AND case_id = $2",
				       0, &err);
	assert_non_null(q);
	db_bind_int(q, 1, offer);
	db_bind_int(q, 2, case_id);
	const int rc = db_next(q, &err);
	assert_true(rc >= 0);
	snprintf(out, STORE_PSEUDONYM_STRLEN, "%s", rc > 0 ? db_col_text(q, 0) : "");
	db_stmt_free(q);
}

/* The candidate item whose candidate_id is token. */
static const json_t *find_candidate(const json_t *items, const char *token)
{
	size_t i;
	const json_t *it;
	json_array_foreach(items, i, it) {
		const char *id = str(json_object_get(it, "candidate"), "candidate_id");
		if (id != NULL && strcmp(id, token) == 0)
			return it;
	}
	return NULL;
}

/* Fails when the case id shows anywhere in a teaser: no key case_id, no
 * string equal to it (the candidate id included), and no number equal to
 * it except the profile's hours, range and capacity levels. */
static void assert_no_case_id(const json_t *v, const char *key, int64_t case_id)
{
	char digits[24];
	snprintf(digits, sizeof digits, "%lld", (long long)case_id);
	if (key != NULL && strcmp(key, "case_id") == 0)
		fail_msg("a teaser names case_id");
	if (json_is_string(v) && strcmp(json_string_value(v), digits) == 0)
		fail_msg("%s is the case id as text", key ? key : "a value");
	if (json_is_integer(v) && json_integer_value(v) == case_id && key != NULL &&
	    strcmp(key, "hours_min") != 0 && strcmp(key, "hours_max") != 0 &&
	    strcmp(key, "range_km") != 0 && strcmp(key, "level") != 0)
		fail_msg("%s is the case id", key);
	const char *k;
	json_t *sub;
	size_t i;
	if (json_is_object(v)) {
		/* capacities: {category: level} */
		const bool levels = key != NULL && strcmp(key, "capacities") == 0;
		json_object_foreach((json_t *)v, k, sub)
			assert_no_case_id(sub, levels ? "level" : k, case_id);
	}
	if (json_is_array(v))
		json_array_foreach(v, i, sub)
			assert_no_case_id(sub, key, case_id);
}

static bool lists_candidate(const char *who, int offer, int64_t case_id)
{
	char path[128], token[STORE_PSEUDONYM_STRLEN];
	struct reply r;
	snprintf(path, sizeof path, "/api/v1/offers/%d/candidates", offer);
	req(who, "GET", path, NULL, 200, &r);
	/* Shown candidates have their pseudonym for this offer by now. */
	token_of(offer, case_id, token);
	const json_t *it = find_candidate(json_object_get(r.json, "items"), token);
	const bool found = it != NULL;
	size_t k;
	const json_t *each;
	json_array_foreach(json_object_get(r.json, "items"), k, each)
		assert_no_case_id(json_object_get(each, "candidate"), NULL, case_id);
	assert_null(strstr(r.body, "\"case_id\""));
	if (found) {
		const json_t *c = json_object_get(it, "candidate");
		/* A teaser: nothing that names or locates the person. */
		static const char *const never[] = { "name", "postcode", "lat", "lon", "birth_year",
						     "toelichting", "employer", "diagnosis" };
		for (size_t i = 0; i < sizeof never / sizeof never[0]; i++)
			assert_null(json_object_get(c, never[i]));
		assert_non_null(str(c, "label"));
		check_score(json_object_get(it, "score"));
	}
	reply_free(&r);
	return found;
}

static void test_consent(void **state)
{
	(void)state;
	char path[128], zp[128];
	struct reply r;
	/* Kees consented (seed): his teaser is there, Sanne without consent not. */
	assert_true(lists_candidate(NWG, OFFER_VOORBEREIDING, KEES_CASE));
	assert_false(lists_candidate(NWG, OFFER_VOORBEREIDING, SANNE_CASE));
	snprintf(path, sizeof path, "/api/v1/offers/%d/candidates", OFFER_ZORG);
	req(NWG, "GET", path, NULL, 404, &r);
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/offers/%d/candidates", OFFER_VOORBEREIDING);
	req(COACH, "GET", path, NULL, 404, &r);
	reply_free(&r);

	/* Without consent she cannot be proposed. */
	casepath(path, sizeof path, SANNE_CASE, "pipeline");
	call(as(COACH), "POST", path, "{\"offer_id\":1}", 1, &r);
	assert_error(&r, 409, "conflict", "consent");
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM pipeline_entries WHERE case_id = $1",
			       SANNE_CASE), 0);

	/* Consent given: a teaser, and an audit row in her case per showing. */
	casepath(path, sizeof path, SANNE_CASE, "consents");
	req(SANNE, "POST", path, "{\"kind\":\"zoekprofiel_netwerk\"}", 201, &r);
	const int64_t consent = num(r.json, "id");
	reply_free(&r);
	assert_true(lists_candidate(NWG, OFFER_VOORBEREIDING, SANNE_CASE));
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log WHERE case_id = $1 AND"
			       " resource = 'zoekprofiel' AND role = 'netwerkwerkgever'"
			       " AND outcome = 'allow' AND what LIKE '%candidates'",
			       SANNE_CASE),
			 1);

	/* Proposed by the coach: the network employer now takes part, for the
	 * search profile and the placement only. */
	casepath(path, sizeof path, SANNE_CASE, "pipeline");
	req(COACH, "POST", path, "{\"offer_id\":1,\"note\":\"Kent de bouw.\"}", 201, &r);
	assert_string_equal(str(r.json, "stage"), "voorgesteld");
	assert_string_equal(str(json_object_get(r.json, "dates"), "voorgesteld"), "2026-03-02");
	assert_true(json_is_null(json_object_get(json_object_get(r.json, "dates"), "kennismaking")));
	reply_free(&r);
	assert_int_equal(count("SELECT COUNT(*) FROM participations WHERE case_id = $1"
			       " AND role = 'netwerkwerkgever'", SANNE_CASE), 1);
	assert_int_equal(count("SELECT COUNT(*) FROM messages WHERE case_id = $1"
			       " AND body LIKE 'Voorgesteld voor%Kent de bouw.'", SANNE_CASE), 1);
	casepath(zp, sizeof zp, SANNE_CASE, "zoekprofiel");
	req(NWG, "GET", zp, NULL, 200, &r);
	assert_null(json_object_get(r.json, "postcode"));
	assert_null(json_object_get(r.json, "birth_year"));
	assert_string_equal(str(r.json, "region"), "regio 48");
	assert_string_equal(str(r.json, "age_band"), "35-39");
	assert_string_equal(str(r.json, "label"), "kandidaat, 35-39, administratief, 24 uur, regio 48");
	reply_free(&r);
	req(NWG, "GET", path, NULL, 200, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	reply_free(&r);
	static const char *const closed[] = { "", "/messages", "/consents", "/deadlines",
					      "/matches" };
	for (size_t i = 0; i < sizeof closed / sizeof closed[0]; i++) {
		char p[128];
		snprintf(p, sizeof p, "/api/v1/cases/%d%s", SANNE_CASE, closed[i]);
		req(NWG, "GET", p, NULL, 404, &r);
		reply_free(&r);
	}

	/* Revoked: gone at once, everywhere. */
	snprintf(path, sizeof path, "/api/v1/cases/%d/consents/%lld", SANNE_CASE,
		 (long long)consent);
	req(SANNE, "DELETE", path, NULL, 200, &r);
	reply_free(&r);
	req(NWG, "GET", zp, NULL, 404, &r);
	reply_free(&r);
	casepath(path, sizeof path, SANNE_CASE, "pipeline");
	req(NWG, "GET", path, NULL, 404, &r);
	reply_free(&r);
	assert_false(lists_candidate(NWG, OFFER_VOORBEREIDING, SANNE_CASE));
	assert_true(lists_candidate(NWG, OFFER_VOORBEREIDING, KEES_CASE));
	/* The case's own parties still see the pipeline. */
	req(SANNE, "GET", path, NULL, 200, &r);
	assert_int_equal(json_array_size(json_object_get(r.json, "items")), 1);
	reply_free(&r);
}

/* ---- candidate pseudonyms ---- */

struct race {
	const char *path;
	struct reply r;
};

static void *show_candidates(void *arg)
{
	struct race *race = arg;
	call(as(NWG), "GET", race->path, NULL, 0, &race->r);
	return NULL;
}

static void test_pseudonyms(void **state)
{
	(void)state;
	char t1[STORE_PSEUDONYM_STRLEN], t1again[STORE_PSEUDONYM_STRLEN];
	char t2[STORE_PSEUDONYM_STRLEN], path[160];
	struct reply r;

	/* Shown again for the same offer: the same pseudonym, one row. */
	assert_true(lists_candidate(NWG, OFFER_VOORBEREIDING, KEES_CASE));
	token_of(OFFER_VOORBEREIDING, KEES_CASE, t1);
	assert_int_equal(strlen(t1), 16);
	assert_true(lists_candidate(NWG, OFFER_VOORBEREIDING, KEES_CASE));
	token_of(OFFER_VOORBEREIDING, KEES_CASE, t1again);
	assert_string_equal(t1, t1again);
	assert_int_equal(count("SELECT COUNT(*) FROM candidate_pseudonyms WHERE case_id = $1"
			       " AND offer_id = 1", KEES_CASE), 1);
	/* Never shown for offer 3 (another organisation's): no pseudonym. */
	assert_int_equal(count("SELECT COUNT(*) FROM candidate_pseudonyms WHERE offer_id = $1",
			       OFFER_ZORG), 0);

	/* A second offer Kees matches. Its first showing races another server
	 * that is creating the same pair (its transaction still open): both
	 * end with the one token that was committed. */
	req(NWG, "POST", "/api/v1/offers", OFFER_BODY, 201, &r);
	const int other = (int)num(r.json, "id");
	reply_free(&r);
	char sql[160];
	snprintf(sql, sizeof sql,
		 "INSERT INTO candidate_pseudonyms (offer_id, case_id, token)"
		 " VALUES (%d, %d, 'wedstrijd-token1')", other, KEES_CASE);
	struct sw_error err = { 0 };
	struct db *db = store_db(F->st);
	assert_int_equal(db_begin(db, DB_WRITE, &err), 0);
	assert_int_equal(db_exec(db, sql, &err), 0);
	snprintf(path, sizeof path, "/api/v1/offers/%d/candidates", other);
	struct race race = { .path = path };
	pthread_t th;
	assert_int_equal(pthread_create(&th, NULL, show_candidates, &race), 0);
	usleep(300 * 1000);
	assert_int_equal(db_commit(db, &err), 0);
	assert_int_equal(pthread_join(th, NULL), 0);
	assert_int_equal(race.r.status, 200);
	const json_t *it = find_candidate(json_object_get(race.r.json, "items"), "wedstrijd-token1");
	if (it == NULL)
		fail_msg("race: %s", race.r.body);
	reply_free(&race.r);
	assert_int_equal(count("SELECT COUNT(*) FROM candidate_pseudonyms WHERE offer_id = $1",
			       other), 1);

	/* Another offer, another pseudonym: two offers cannot be linked. */
	assert_true(lists_candidate(NWG, other, KEES_CASE));
	token_of(other, KEES_CASE, t2);
	assert_string_equal(t2, "wedstrijd-token1");
	assert_string_not_equal(t1, t2);

	/* One candidate again by its pseudonym, as the alert names it. */
	snprintf(path, sizeof path, "/api/v1/offers/%d/candidates/%s", OFFER_VOORBEREIDING, t1);
	req(NWG, "GET", path, NULL, 200, &r);
	assert_string_equal(str(json_object_get(r.json, "candidate"), "candidate_id"), t1);
	assert_no_case_id(json_object_get(r.json, "candidate"), NULL, KEES_CASE);
	assert_null(strstr(r.body, "\"case_id\""));
	assert_string_equal(str(json_object_get(r.json, "candidate"), "stage"), "proefplaatsing");
	check_score(json_object_get(r.json, "score"));
	reply_free(&r);
	/* Not under another offer's pseudonym, the case id, or another
	 * organisation's offer. */
	snprintf(path, sizeof path, "/api/v1/offers/%d/candidates/%s", OFFER_VOORBEREIDING, t2);
	call(as(NWG), "GET", path, NULL, 0, &r);
	assert_error(&r, 404, "not_found", "candidate_id");
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/offers/%d/candidates/%d", OFFER_VOORBEREIDING,
		 KEES_CASE);
	call(as(NWG), "GET", path, NULL, 0, &r);
	assert_error(&r, 404, "not_found", "candidate_id");
	reply_free(&r);
	snprintf(path, sizeof path, "/api/v1/offers/%d/candidates/%s", OFFER_VOORBEREIDING, t1);
	call(as(COACH), "GET", path, NULL, 0, &r);
	assert_int_equal(r.status, 404);
	reply_free(&r);
}

/* ---- the pipeline ---- */

static int64_t propose(const char *who, int64_t case_id, int offer, long want)
{
	char path[128], body[64];
	struct reply r;
	casepath(path, sizeof path, case_id, "pipeline");
	snprintf(body, sizeof body, "{\"offer_id\":%d}", offer);
	req(who, "POST", path, body, want, &r);
	const int64_t id = want == 201 ? num(r.json, "id") : 0;
	reply_free(&r);
	return id;
}

static void move(const char *who, int64_t case_id, int64_t eid, const char *body, long want,
		 const char *field)
{
	char path[128];
	struct reply r;
	snprintf(path, sizeof path, "/api/v1/cases/%lld/pipeline/%lld/moves", (long long)case_id,
		 (long long)eid);
	call(as(who), "POST", path, body, 1, &r);
	if (r.status != want)
		fail_msg("%s %s: %ld, want %ld: %s", who, body, r.status, want, r.body ? r.body : "");
	if (field != NULL)
		assert_string_equal(str(json_object_get(r.json, "error"), "field"), field);
	reply_free(&r);
}

/* The spelregels of the entry recorded and agreed by the three parties. */
static void agree_spelregels(int64_t case_id, int64_t eid)
{
	char path[160];
	struct reply r;
	snprintf(path, sizeof path, "/api/v1/cases/%lld/pipeline/%lld/spelregels",
		 (long long)case_id, (long long)eid);
	req(COACH, "PUT", path,
	    "{\"ziekterisico\":\"verzendende_werkgever\",\"loonkosten_percentage\":50,"
	    "\"bij_terugval\":\"Ziekmelden bij de eigen werkgever.\","
	    "\"intentie_dienstverband\":false,\"contactpersoon\":\"Erik van Gils\","
	    "\"duur_weken\":4}",
	    200, &r);
	reply_free(&r);
	strcat(path, "/akkoord");
	static const char *const parties[] = { "werkgever", NWG, KEES };
	for (size_t i = 0; i < 3; i++) {
		req(parties[i], "POST", path, "{\"version\":1}", 200, &r);
		reply_free(&r);
	}
}

static void test_pipeline(void **state)
{
	(void)state;
	/* Kees, consenting, for the warehouse offer (his second). */
	const int64_t eid = propose("arbeidsdeskundige", KEES_CASE, OFFER_MAGAZIJN, 201);
	propose("werkgever", KEES_CASE, OFFER_MAGAZIJN, 409);
	propose(COACH, KEES_CASE, 999999, 404);
	/* The receiving side, the employee and the physician do not propose. */
	propose(NWG, KEES_CASE, OFFER_ZORG, 403);
	propose(KEES, KEES_CASE, OFFER_ZORG, 403);
	propose("bedrijfsarts", KEES_CASE, OFFER_ZORG, 403);

	/* Only allowed moves; kennismaking comes first. */
	move(COACH, KEES_CASE, eid, "{\"stage\":\"proefplaatsing\"}", 409, "stage");
	move(COACH, KEES_CASE, eid, "{\"stage\":\"voorgesteld\"}", 409, "stage");
	move(COACH, KEES_CASE, eid, "{\"stage\":\"stage\"}", 422, "stage");
	move(COACH, KEES_CASE, eid, "{\"stage\":\"kennismaking\",\"reason\":\"x\"}", 422, "reason");
	move(COACH, KEES_CASE, eid, "{\"stage\":\"kennismaking\",\"door\":1}", 422, "door");
	move(KEES, KEES_CASE, eid, "{\"stage\":\"kennismaking\"}", 403, NULL);
	move(COACH, SANNE_CASE, eid, "{\"stage\":\"kennismaking\"}", 404, "eid");
	move(NWG, KEES_CASE, eid, "{\"stage\":\"kennismaking\",\"note\":\"Dinsdag 10 uur.\"}", 200,
	     NULL);
	/* A proefplaatsing waits for the spelregels agreed by all three. */
	move(COACH, KEES_CASE, eid, "{\"stage\":\"proefplaatsing\"}", 409, "spelregels");
	agree_spelregels(KEES_CASE, eid);
	move(COACH, KEES_CASE, eid, "{\"stage\":\"proefplaatsing\"}", 200, NULL);
	move(COACH, KEES_CASE, eid, "{\"stage\":\"kennismaking\"}", 409, "stage");
	move(NWG, KEES_CASE, eid, "{\"stage\":\"beeindigd\"}", 422, "reason");
	move(NWG, KEES_CASE, eid, "{\"stage\":\"beeindigd\",\"reason\":\" \"}", 422, "reason");
	move(NWG, KEES_CASE, eid,
	     "{\"stage\":\"beeindigd\",\"reason\":\"Tillen bleek toch te zwaar.\"}", 200, NULL);
	move(COACH, KEES_CASE, eid, "{\"stage\":\"dienstverband\"}", 409, "stage");

	/* The record: stage, dates, reason, every move with who and role. */
	char path[128];
	struct reply r;
	casepath(path, sizeof path, KEES_CASE, "pipeline");
	req(COACH, "GET", path, NULL, 200, &r);
	const json_t *items = json_object_get(r.json, "items");
	assert_int_equal(json_array_size(items), 2);
	const json_t *e = json_array_get(items, 1);
	assert_int_equal(num(e, "id"), eid);
	assert_string_equal(str(e, "stage"), "beeindigd");
	assert_string_equal(str(e, "ended_reason"), "Tillen bleek toch te zwaar.");
	assert_string_equal(str(json_object_get(e, "dates"), "proefplaatsing"), "2026-03-02");
	assert_true(json_is_null(json_object_get(json_object_get(e, "dates"), "detachering")));
	const json_t *moves = json_object_get(e, "moves");
	assert_int_equal(json_array_size(moves), 4);
	assert_true(json_is_null(json_object_get(json_array_get(moves, 0), "from")));
	const json_t *m1 = json_array_get(moves, 1);
	assert_string_equal(str(m1, "from"), "voorgesteld");
	assert_string_equal(str(m1, "to"), "kennismaking");
	assert_string_equal(str(m1, "note"), "Dinsdag 10 uur.");
	assert_string_equal(str(json_object_get(m1, "moved_by"), "role"), "netwerkwerkgever");
	assert_string_equal(str(json_object_get(m1, "moved_by"), "name"), "Erik van Gils");
	/* The seeded entry is the first: at proefplaatsing since late January. */
	assert_string_equal(str(json_array_get(items, 0), "stage"), "proefplaatsing");
	reply_free(&r);

	/* Each step is a message to the parties; refusals wrote nothing. */
	assert_int_equal(count("SELECT COUNT(*) FROM messages WHERE case_id = $1", KEES_CASE), 4);
	assert_int_equal(count("SELECT COUNT(*) FROM pipeline_moves WHERE entry_id = $1", eid), 4);
	assert_int_equal(count("SELECT COUNT(*) FROM messages WHERE case_id = $1"
			       " AND body LIKE 'Beëindigd:%Reden: Tillen bleek toch te zwaar.'",
			       KEES_CASE),
			 1);

	/* A closed offer takes no proposals. */
	struct sw_error err = { 0 };
	assert_int_equal(db_exec(store_db(F->st),
				 "UPDATE placement_offers SET status = 'gesloten' WHERE id = 4", &err),
			 0);
	propose(COACH, KEES_CASE, 4, 409);

	/* A closed case is no candidate any more, consent or not. */
	assert_true(lists_candidate(NWG, OFFER_VOORBEREIDING, KEES_CASE));
	assert_int_equal(db_exec(store_db(F->st),
				 "UPDATE cases SET status = 'gesloten' WHERE id = 5", &err), 0);
	assert_false(lists_candidate(NWG, OFFER_VOORBEREIDING, KEES_CASE));
	char token[STORE_PSEUDONYM_STRLEN], cpath[128];
	token_of(OFFER_VOORBEREIDING, KEES_CASE, token);
	snprintf(cpath, sizeof cpath, "/api/v1/offers/%d/candidates/%s", OFFER_VOORBEREIDING, token);
	call(as(NWG), "GET", cpath, NULL, 0, &r);
	assert_error(&r, 404, "not_found", "candidate_id");
	reply_free(&r);
	casepath(cpath, sizeof cpath, KEES_CASE, "pipeline");
	call(as(COACH), "POST", cpath, "{\"offer_id\":3}", 1, &r);
	assert_error(&r, 409, "conflict", "consent");
	reply_free(&r);
}

int main(void)
{
	if (crypto_init() != 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		return 1;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_figures),
		cmocka_unit_test(test_offers),
		cmocka_unit_test(test_zoekprofiel),
		cmocka_unit_test(test_matches),
		cmocka_unit_test(test_consent),
		cmocka_unit_test(test_pseudonyms),
		cmocka_unit_test(test_pipeline),
	};
	const int rc = cmocka_run_group_tests(tests, setup, teardown);
	curl_global_cleanup();
	return rc;
}
