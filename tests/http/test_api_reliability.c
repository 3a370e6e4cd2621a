/* test_api_reliability.c - the API under concurrency and failure, over
 * TCP against the real server and store ($SW_TEST_DATABASE, migrated and
 * seeded on 2026-03-02):
 * - simultaneous writes to one case all succeed (PostgreSQL used to
 *   answer 409 "duplicate key value violates unique constraint");
 * - the health probe reports the database, 503 while it refuses
 *   connections, and the server recovers without a restart;
 * - an encoded NUL or a broken escape in the path or query is a 400;
 * - Idempotency-Key: a retry returns the first answer and stores nothing. */
#define API_HARNESS_DB_URL "sqlite:/tmp/sw-test-api-reliability.db"
#include "http/api_harness.h"

#include <pthread.h>

#define SANNE_CASE 4
#define EVENT_BODY "{\"kind\":\"voortgangsgesprek\",\"date\":\"2026-03-01\"}"

/* ---- a request from any thread (no cmocka inside) ---- */

struct raw {
	const struct client *cl;
	const char *method, *path, *body, *idem;
	long status;
	struct reply r;
	CURLcode rc;
};

static void raw_call(struct raw *x)
{
	memset(&x->r, 0, sizeof x->r);
	CURL *c = curl_easy_init();
	char url[1024], cookie[256], token[128], key[512];
	snprintf(url, sizeof url, "%s%s", F->base, x->path);
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
	curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(c, CURLOPT_WRITEDATA, &x->r);
	curl_easy_setopt(c, CURLOPT_CUSTOMREQUEST, x->method);
	struct curl_slist *hs = NULL;
	snprintf(cookie, sizeof cookie, "Cookie: sw_csrf=%s; sw_session=%s", x->cl->csrf,
		 x->cl->session);
	snprintf(token, sizeof token, "X-CSRF-Token: %s", x->cl->csrf);
	hs = curl_slist_append(hs, cookie);
	hs = curl_slist_append(hs, token);
	if (x->idem != NULL) {
		snprintf(key, sizeof key, "Idempotency-Key: %s", x->idem);
		hs = curl_slist_append(hs, key);
	}
	if (x->body != NULL) {
		hs = curl_slist_append(hs, "Content-Type: application/json");
		curl_easy_setopt(c, CURLOPT_POSTFIELDS, x->body);
	}
	curl_easy_setopt(c, CURLOPT_HTTPHEADER, hs);
	x->rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &x->status);
	curl_slist_free_all(hs);
	curl_easy_cleanup(c);
}

static void *raw_thread(void *arg)
{
	raw_call(arg);
	return NULL;
}

/* ---- 1: concurrent writes to one case ---- */

#define PARALLEL 4
#define ROUNDS 10

static void test_concurrent_events(void **state)
{
	(void)state;
	const struct client *cl = as("werkgever");
	char path[64];
	snprintf(path, sizeof path, "/api/v1/cases/%d/events", SANNE_CASE);
	const int64_t before = count("SELECT COUNT(*) FROM events WHERE case_id = $1", SANNE_CASE);
	int ok = 0;
	for (int round = 0; round < ROUNDS; round++) {
		pthread_t t[PARALLEL];
		struct raw x[PARALLEL];
		for (int i = 0; i < PARALLEL; i++) {
			x[i] = (struct raw){ .cl = cl, .method = "POST", .path = path,
					     .body = EVENT_BODY };
			assert_int_equal(pthread_create(&t[i], NULL, raw_thread, &x[i]), 0);
		}
		for (int i = 0; i < PARALLEL; i++) {
			pthread_join(t[i], NULL);
			if (x[i].status == 201)
				ok++;
			else
				fprintf(stderr, "# round %d: %ld %s\n", round, x[i].status,
					x[i].r.body ? x[i].r.body : "");
			free(x[i].r.body);
		}
	}
	assert_int_equal(ok, PARALLEL * ROUNDS);
	assert_int_equal(count("SELECT COUNT(*) FROM events WHERE case_id = $1", SANNE_CASE),
			 before + PARALLEL * ROUNDS);
	struct reply r;
	snprintf(path, sizeof path, "/api/v1/cases/%d/deadlines", SANNE_CASE);
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_int_equal(r.status, 200);
	reply_free(&r);
}

/* ---- 2: health and recovery ---- */

static int is_pg(void)
{
	return db_dialect(store_db(F->st)) == DB_POSTGRESQL;
}

/* As a load balancer asks: without cookies. */
static void health(long want)
{
	struct client probe = { 0 };
	struct reply r;
	call(&probe, "GET", "/api/v1/health", NULL, 0, &r);
	if (r.status != want)
		fail_msg("health %ld, want %ld: %s", r.status, want, r.body ? r.body : "");
	const char *db = json_string_value(json_object_get(r.json, "database"));
	assert_non_null(db);
	assert_string_equal(db, want == 200 ? "ok" : "unreachable");
	reply_free(&r);
}

/* The cluster's maintenance database, from which ours can be closed. */
static struct store *admin_open(void)
{
	char admin[600];
	const char *at = strstr(F->url, "/spoorwijzer_test");
	assert_non_null(at);
	snprintf(admin, sizeof admin, "%.*s/postgres%s", (int)(at - F->url), F->url,
		 at + strlen("/spoorwijzer_test"));
	struct sw_error err = { 0 };
	struct store *st = store_open(admin, &err);
	if (st == NULL)
		fail_msg("%s: %s", admin, err.message);
	return st;
}

static void admin_exec(struct store *admin, const char *sql)
{
	struct sw_error err = { 0 };
	if (db_exec(store_db(admin), sql, &err) != 0)
		fail_msg("%s: %s", sql, err.message);
}

/* Ends every session of the test database but the test's own, as a
 * restart of PostgreSQL does. */
static void end_sessions(struct store *admin)
{
	char sql[256];
	const int64_t mine = count("SELECT pg_backend_pid() + 0 * $1", 0);
	snprintf(sql, sizeof sql, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
		 " WHERE datname = 'spoorwijzer_test' AND pid <> %lld", (long long)mine);
	admin_exec(admin, sql);
	usleep(200 * 1000);
}

/* Whatever happened in the test, later tests need their database. */
static int allow_again(void **state)
{
	(void)state;
	if (is_pg() && strstr(F->url, "/spoorwijzer_test") != NULL) {
		struct store *admin = admin_open();
		admin_exec(admin, "ALTER DATABASE spoorwijzer_test ALLOW_CONNECTIONS true");
		store_close(admin);
	}
	return 0;
}

static void test_health_and_recovery(void **state)
{
	(void)state;
	health(200);
	if (!is_pg() || strstr(F->url, "/spoorwijzer_test") == NULL)
		return;  /* a file does not go away */
	struct store *admin = admin_open();
	char path[64];
	snprintf(path, sizeof path, "/api/v1/cases/%d", SANNE_CASE);

	/* A restart: the next requests are served on new connections. */
	end_sessions(admin);
	for (int i = 0; i < 6; i++)
		assert_int_equal(status_of("werkgever", "GET", path, NULL), 200);
	health(200);

	/* The database refuses connections: 503 in words, not 500. */
	admin_exec(admin, "ALTER DATABASE spoorwijzer_test ALLOW_CONNECTIONS false");
	end_sessions(admin);
	health(503);
	struct reply r;
	call(as("werkgever"), "GET", path, NULL, 0, &r);
	assert_error(&r, 503, "unavailable", "");
	reply_free(&r);

	/* Back: served again without restarting spoorwijzer. */
	admin_exec(admin, "ALTER DATABASE spoorwijzer_test ALLOW_CONNECTIONS true");
	health(200);
	for (int i = 0; i < 6; i++)
		assert_int_equal(status_of("werkgever", "GET", path, NULL), 200);
	store_close(admin);
}

/* ---- 3: the path asked for is the path answered ---- */

static void test_encoded_nul(void **state)
{
	(void)state;
	static const char *const bad[] = {
		"/api/v1/cases/4%00/medical",
		"/api/v1/cases/4/riv.pdf%00.ics",
		"/api/v1/cases/4%zz",
		"/api/v1/cases?page=1%00",
		"/api/v1/cases?page=%",
		"/api/v1/cases/%C0%AF",
	};
	const int64_t audit = count("SELECT COUNT(*) FROM audit_log WHERE 0 * $1 = 0", 0);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct reply r;
		call(as("werkgever"), "GET", bad[i], NULL, 0, &r);
		if (r.status != 400)
			fail_msg("%s: %ld %s", bad[i], r.status, r.body ? r.body : "");
		assert_error(&r, 400, "invalid", "");
		reply_free(&r);
		call(as("werkgever"), "POST", bad[i], EVENT_BODY, 1, &r);
		assert_int_equal(r.status, 400);
		reply_free(&r);
	}
	/* Refused before routing: nothing read, nothing written, no audit. */
	assert_int_equal(count("SELECT COUNT(*) FROM audit_log WHERE 0 * $1 = 0", 0), audit);
	/* Valid escapes still reach their route. */
	assert_int_equal(status_of("werkgever", "GET", "/api/v1/cases/%34", NULL), 200);
}

/* ---- 4: Idempotency-Key ---- */

static struct raw post_keyed(const char *who, const char *path, const char *body,
			     const char *key)
{
	struct raw x = { .cl = as(who), .method = "POST", .path = path, .body = body,
			 .idem = key };
	raw_call(&x);
	assert_int_equal(x.rc, CURLE_OK);
	return x;
}

static int64_t events_of_case(void)
{
	return count("SELECT COUNT(*) FROM events WHERE case_id = $1", SANNE_CASE);
}

static void test_idempotency_key(void **state)
{
	(void)state;
	char path[64], other[64];
	snprintf(path, sizeof path, "/api/v1/cases/%d/events", SANNE_CASE);
	snprintf(other, sizeof other, "/api/v1/cases/%d/messages", SANNE_CASE);
	const int64_t before = events_of_case();

	struct raw first = post_keyed("werkgever", path, EVENT_BODY, "key-one");
	assert_int_equal(first.status, 201);
	assert_int_equal(events_of_case(), before + 1);
	/* The retry: the same answer, nothing stored. */
	for (int i = 0; i < 3; i++) {
		struct raw again = post_keyed("werkgever", path, EVENT_BODY, "key-one");
		assert_int_equal(again.status, 201);
		assert_string_equal(again.r.body, first.r.body);
		free(again.r.body);
	}
	assert_int_equal(events_of_case(), before + 1);
	/* The answer is what was committed: the event as it is read back. */
	json_t *ev = json_loads(first.r.body, 0, NULL);
	assert_non_null(ev);
	assert_int_equal(count("SELECT COUNT(*) FROM events WHERE id = $1",
			       json_integer_value(json_object_get(ev, "id"))), 1);
	json_decref(ev);
	free(first.r.body);

	/* The same key for another request: refused in words, nothing stored. */
	struct raw x = post_keyed("werkgever", path,
				  "{\"kind\":\"voortgangsgesprek\",\"date\":\"2026-02-27\"}",
				  "key-one");
	assert_int_equal(x.status, 422);
	assert_non_null(strstr(x.r.body, "\"field\":\"Idempotency-Key\""));
	assert_non_null(strstr(x.r.body, "another request"));
	free(x.r.body);
	x = post_keyed("werkgever", other, EVENT_BODY, "key-one");
	assert_int_equal(x.status, 422);
	free(x.r.body);
	assert_int_equal(events_of_case(), before + 1);

	/* Keys are per user: another user's key-one is a key of its own. */
	x = post_keyed("bedrijfsarts", path,
		       "{\"kind\":\"terugkeer_eigen_werk_onwaarschijnlijk\",\"date\":\"2026-03-01\"}",
		       "key-one");
	if (x.status != 201)
		fail_msg("%ld %s", x.status, x.r.body);
	free(x.r.body);
	assert_int_equal(events_of_case(), before + 2);

	/* A refused change's answer is kept too: the retry is refused alike. */
	static const char griep[] = "{\"kind\":\"griep\",\"date\":\"2026-02-28\"}";
	first = post_keyed("werkgever", path, griep, "key-two");
	assert_int_equal(first.status, 422);
	x = post_keyed("werkgever", path, griep, "key-two");
	assert_int_equal(x.status, 422);
	assert_string_equal(x.r.body, first.r.body);
	free(x.r.body);
	free(first.r.body);

	/* A key that is no key. */
	char longkey[300];
	memset(longkey, 'k', sizeof longkey - 1);
	longkey[sizeof longkey - 1] = '\0';
	x = post_keyed("werkgever", path, EVENT_BODY, longkey);
	assert_int_equal(x.status, 422);
	assert_non_null(strstr(x.r.body, "Idempotency-Key"));
	free(x.r.body);
	assert_int_equal(events_of_case(), before + 2);
}

/* Retries that arrive while the first is still running (a client that
 * timed out): one change, one answer for all. */
static void test_idempotency_concurrent(void **state)
{
	(void)state;
	char path[64];
	snprintf(path, sizeof path, "/api/v1/cases/%d/events", SANNE_CASE);
	for (int round = 0; round < 5; round++) {
		char key[32];
		snprintf(key, sizeof key, "parallel-%d", round);
		const int64_t before = events_of_case();
		pthread_t t[PARALLEL];
		struct raw x[PARALLEL];
		for (int i = 0; i < PARALLEL; i++) {
			x[i] = (struct raw){ .cl = as("werkgever"), .method = "POST", .path = path,
					     .body = EVENT_BODY, .idem = key };
			assert_int_equal(pthread_create(&t[i], NULL, raw_thread, &x[i]), 0);
		}
		for (int i = 0; i < PARALLEL; i++)
			pthread_join(t[i], NULL);
		for (int i = 0; i < PARALLEL; i++) {
			if (x[i].status != 201)
				fail_msg("round %d: %ld %s", round, x[i].status, x[i].r.body);
			assert_string_equal(x[i].r.body, x[0].r.body);
		}
		for (int i = 0; i < PARALLEL; i++)
			free(x[i].r.body);
		assert_int_equal(events_of_case(), before + 1);
	}
}

int main(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_concurrent_events),
		cmocka_unit_test_teardown(test_health_and_recovery, allow_again),
		cmocka_unit_test(test_encoded_nul),
		cmocka_unit_test(test_idempotency_key),
		cmocka_unit_test(test_idempotency_concurrent),
	};
	const int rc = cmocka_run_group_tests(tests, setup, teardown);
	curl_global_cleanup();
	return rc;
}
