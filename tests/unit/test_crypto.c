/* test_crypto.c - passwords, tokens, sealing of medical notes. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "core/crypto.h"

static const char key_hex[] = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n";

static void password_roundtrip(void **s)
{
	(void)s;
	char h[CRYPTO_PWHASH_STRLEN];
	assert_int_equal(crypto_password_hash("geheim wachtwoord", h), 0);
	assert_non_null(strstr(h, "$argon2id$"));
	assert_true(crypto_password_verify(h, "geheim wachtwoord"));
	assert_false(crypto_password_verify(h, "geheim wachtwoorD"));
	assert_false(crypto_password_verify("not a hash", "x"));
	assert_false(crypto_password_verify(NULL, "x"));
}

static void tokens_are_random_and_digests_stable(void **s)
{
	(void)s;
	char a[CRYPTO_TOKEN_STRLEN], b[CRYPTO_TOKEN_STRLEN];
	crypto_token(a);
	crypto_token(b);
	assert_int_equal(strlen(a), 43);
	assert_string_not_equal(a, b);
	assert_null(strpbrk(a, "+/="));
	char d1[CRYPTO_DIGEST_STRLEN], d2[CRYPTO_DIGEST_STRLEN];
	crypto_token_digest(a, d1);
	crypto_token_digest(a, d2);
	assert_string_equal(d1, d2);
	assert_int_equal(strlen(d1), 64);
	crypto_token_digest(b, d2);
	assert_string_not_equal(d1, d2);
	assert_true(crypto_str_equal(a, a));
	assert_false(crypto_str_equal(a, b));
	assert_false(crypto_str_equal("abc", "abcd"));
}

static void pseudonyms_are_short_and_random(void **s)
{
	(void)s;
	char a[CRYPTO_PSEUDONYM_STRLEN], b[CRYPTO_PSEUDONYM_STRLEN];
	crypto_pseudonym(a);
	crypto_pseudonym(b);
	assert_int_equal(strlen(a), 16);
	assert_string_not_equal(a, b);
	assert_int_equal(strspn(a, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
				   "0123456789-_"),
			 16);
}

static void key_parse(void **s)
{
	(void)s;
	uint8_t k[CRYPTO_KEY_BYTES];
	assert_int_equal(crypto_key_parse(key_hex, strlen(key_hex), k), 0);
	assert_int_equal(k[31], 0x1f);
	assert_int_equal(crypto_key_parse("abcd", 4, k), -1);
	char bad[65];
	memset(bad, 'z', 64);
	bad[64] = '\0';
	assert_int_equal(crypto_key_parse(bad, 64, k), -1);
}

static void seal_and_open(void **s)
{
	(void)s;
	uint8_t k[CRYPTO_KEY_BYTES], other[CRYPTO_KEY_BYTES];
	assert_int_equal(crypto_key_parse(key_hex, strlen(key_hex), k), 0);
	memcpy(other, k, sizeof other);
	other[0] ^= 1;
	const char *note = "Diagnose: burn-out; behandeling bij psycholoog";
	uint8_t *box;
	size_t n;
	assert_int_equal(crypto_seal(k, (const uint8_t *)note, strlen(note), &box, &n), 0);
	assert_null(memmem(box, n, "burn-out", 8));
	char *plain;
	size_t plen;
	assert_int_equal(crypto_open(k, box, n, &plain, &plen), 0);
	assert_string_equal(plain, note);
	assert_int_equal(plen, strlen(note));
	free(plain);
	assert_int_equal(crypto_open(other, box, n, &plain, &plen), -1);
	box[n - 1] ^= 0x80;
	assert_int_equal(crypto_open(k, box, n, &plain, &plen), -1);
	assert_int_equal(crypto_open(k, box, 10, &plain, &plen), -1);
	free(box);
}

/* A generated key reads back through crypto_key_parse; two differ. */
static void key_generate_and_format(void **s)
{
	(void)s;
	uint8_t a[CRYPTO_KEY_BYTES], b[CRYPTO_KEY_BYTES], back[CRYPTO_KEY_BYTES];
	char hex[CRYPTO_KEY_HEXLEN];
	crypto_key_new(a);
	crypto_key_new(b);
	assert_memory_not_equal(a, b, sizeof a);
	crypto_key_hex(a, hex);
	assert_int_equal(strlen(hex), 64);
	assert_int_equal(crypto_key_parse(hex, strlen(hex), back), 0);
	assert_memory_equal(a, back, sizeof a);
	crypto_wipe(a, sizeof a);
	static const uint8_t zero[CRYPTO_KEY_BYTES] = { 0 };
	assert_memory_equal(a, zero, sizeof a);
}

/* Sealed boxes travel as base64 text; malformed text is refused. */
static void base64_roundtrip(void **s)
{
	(void)s;
	static const uint8_t bin[] = { 0, 1, 2, 0xfb, 0xff, 0x10, 'a' };
	for (size_t len = 0; len <= sizeof bin; len++) {
		char *text = crypto_base64_encode(bin, len);
		assert_non_null(text);
		uint8_t *back = NULL;
		size_t n = 99;
		assert_int_equal(crypto_base64_decode(text, &back, &n), 0);
		assert_int_equal(n, len);
		if (len > 0)
			assert_memory_equal(back, bin, len);
		free(back);
		free(text);
	}
	char *text = crypto_base64_encode(bin, sizeof bin);
	assert_string_equal(text, "AAEC+/8QYQ==");
	free(text);
	static const char *const bad[] = { "AAEC+/8QYQ", "AAEC+/8QYQ==x", "AA EC", "***=" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		uint8_t *back = NULL;
		size_t n = 0;
		assert_int_equal(crypto_base64_decode(bad[i], &back, &n), -1);
		assert_null(back);
	}
}

static int setup(void **s)
{
	(void)s;
	return crypto_init();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(password_roundtrip),
		cmocka_unit_test(tokens_are_random_and_digests_stable),
		cmocka_unit_test(pseudonyms_are_short_and_random),
		cmocka_unit_test(key_parse),
		cmocka_unit_test(seal_and_open),
		cmocka_unit_test(key_generate_and_format),
		cmocka_unit_test(base64_roundtrip),
	};
	return cmocka_run_group_tests_name("crypto", tests, setup, NULL);
}
