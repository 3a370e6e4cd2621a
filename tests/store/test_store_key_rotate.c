/* test_store_key_rotate.c - `spoorwijzer key rotate` (the binary in
 * $BUILD) against the real database ($SW_TEST_DATABASE or a temporary
 * SQLite file, migrated and seeded): every medical note, also one sealed
 * before key ids were kept, opens with the new key and with the old one
 * no more; a wrong old key changes nothing; a second run has nothing to
 * do; the notes' content still cannot be changed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/crypto.h"
#include "store/db.h"
#include "store/store.h"

#define SANNE_CASE 4

static char url[512];
static char dir[128];
static struct store *ST;

static int setup(void **state)
{
	(void)state;
	struct sw_error err = { 0 };
	snprintf(dir, sizeof dir, "/tmp/sw-test-rotate-XXXXXX");
	if (mkdtemp(dir) == NULL || crypto_init() != 0)
		return -1;
	const char *env = getenv("SW_TEST_DATABASE");
	if (env != NULL && strncmp(env, "postgres", 8) == 0)
		snprintf(url, sizeof url, "%s", env);
	else
		snprintf(url, sizeof url, "sqlite:%s/rotate.db", dir);
	if ((ST = store_open(url, &err)) == NULL)
		return -1;
	if (db_dialect(store_db(ST)) == DB_POSTGRESQL &&
	    db_exec(store_db(ST), "DROP SCHEMA public CASCADE; CREATE SCHEMA public", &err) != 0)
		return -1;
	sw_date today;
	date_parse("2026-03-02", &today);
	if (store_migrate(ST, NULL, &err) != 0 || store_seed_demo(ST, today, &err) != 0)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	store_close(ST);
	char cmd[256];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static int spoorwijzer(const char *args)
{
	const char *build = getenv("BUILD");
	char cmd[2048];
	snprintf(cmd, sizeof cmd, "%s/spoorwijzer %s >>%s/cli.log 2>&1",
		 build != NULL && *build ? build : "build/asan", args, dir);
	const int rc = system(cmd);
	return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

/* A key in dir/name (as `key generate` writes it) and in key. */
static void make_key(const char *name, uint8_t key[CRYPTO_KEY_BYTES])
{
	char args[512], path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	snprintf(args, sizeof args, "key generate %s", path);
	assert_int_equal(spoorwijzer(args), 0);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	char text[CRYPTO_KEY_HEXLEN + 8];
	const size_t n = fread(text, 1, sizeof text, f);
	fclose(f);
	assert_int_equal(crypto_key_parse(text, n, key), 0);
}

static int rotate(const char *old_name, const char *new_name)
{
	char args[1024];
	snprintf(args, sizeof args, "key rotate --database '%s' --old-key %s/%s --new-key %s/%s",
		 url, dir, old_name, dir, new_name);
	return spoorwijzer(args);
}

static void insert_note(const uint8_t *key, const char *text)
{
	struct sw_error err = { 0 };
	const int64_t author = 1;
	const struct store_medical_note n = { .case_id = SANNE_CASE, .author_id = author,
					      .kind = STORE_MEDICAL_NOTITIE, .text = text };
	int64_t id;
	if (store_medical_insert(ST, key, &n, &id, &err) != 0)
		fail_msg("insert: %s", err.message);
}

static void test_rotate(void **state)
{
	(void)state;
	uint8_t a[CRYPTO_KEY_BYTES], b[CRYPTO_KEY_BYTES], c[CRYPTO_KEY_BYTES];
	make_key("a.key", a);
	make_key("b.key", b);
	make_key("c.key", c);
	struct sw_error err = { 0 };
	char text[64];
	for (int i = 0; i < 230; i++) {  /* more than two batches */
		snprintf(text, sizeof text, "notitie %d", i);
		insert_note(a, text);
	}
	/* One sealed before key ids were kept. */
	insert_note(a, "van voor de sleutel-id");
	assert_int_equal(db_exec(store_db(ST), "UPDATE medical_notes SET key_id = NULL WHERE id ="
				 " (SELECT MAX(id) FROM medical_notes)", &err), 0);

	struct store_arena ar = { 0 };
	struct store_medical_note *notes;
	size_t n, total;
	assert_int_equal(store_medical_list(ST, &ar, a, SANNE_CASE, &notes, &total, &err), 0);
	assert_true(total >= 231);
	store_arena_free(&ar);

	/* A wrong old key: refused, nothing changed. */
	assert_int_equal(rotate("c.key", "b.key"), 1);
	assert_int_equal(store_medical_list(ST, &ar, a, SANNE_CASE, &notes, &n, &err), 0);
	store_arena_free(&ar);
	/* The same key twice. */
	assert_int_equal(rotate("a.key", "a.key"), 2);

	assert_int_equal(rotate("a.key", "b.key"), 0);
	assert_int_equal(store_medical_list(ST, &ar, b, SANNE_CASE, &notes, &n, &err), 0);
	assert_int_equal(n, total);
	int seen = 0;
	for (size_t i = 0; i < n; i++)
		seen += strcmp(notes[i].text, "notitie 229") == 0 ||
			strcmp(notes[i].text, "van voor de sleutel-id") == 0;
	assert_int_equal(seen, 2);
	store_arena_free(&ar);
	/* The old key opens nothing any more: 503 in the API. */
	sw_error_clear(&err);
	assert_int_equal(store_medical_list(ST, &ar, a, SANNE_CASE, &notes, &n, &err), -1);
	assert_int_equal(err.code, SW_EUNAVAILABLE);
	assert_string_equal(err.field, "medical_key");
	store_arena_free(&ar);
	/* Not even with the key id forged back: the boxes are new. */
	assert_int_equal(db_exec(store_db(ST), "UPDATE medical_notes SET key_id = NULL", &err), 0);
	assert_int_equal(store_medical_list(ST, &ar, a, SANNE_CASE, &notes, &n, &err), -1);
	assert_int_equal(err.code, SW_EINTERNAL);
	store_arena_free(&ar);

	/* The next rotation takes the notes without a key id too; a second
	 * run has nothing left to do. */
	assert_int_equal(rotate("b.key", "c.key"), 0);
	assert_int_equal(rotate("b.key", "c.key"), 0);
	assert_int_equal(store_medical_list(ST, &ar, c, SANNE_CASE, &notes, &n, &err), 0);
	assert_int_equal(n, total);
	store_arena_free(&ar);

	/* Re-sealing may change the box, never what the note is. */
	assert_int_equal(db_exec(store_db(ST), "UPDATE medical_notes SET kind = 'diagnose'", &err),
			 -1);
	assert_int_equal(store_medical_list(ST, &ar, c, SANNE_CASE, &notes, &n, &err), 0);
	assert_int_equal(notes[0].kind, STORE_MEDICAL_NOTITIE);
	store_arena_free(&ar);
	crypto_wipe(a, sizeof a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rotate),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
