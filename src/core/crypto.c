/* crypto.c - thin, checked wrappers over libsodium. */
#include "crypto.h"

#include <sodium.h>
#include <stdlib.h>
#include <string.h>

int crypto_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

int crypto_password_hash(const char *password, char out[CRYPTO_PWHASH_STRLEN])
{
	_Static_assert(CRYPTO_PWHASH_STRLEN >= crypto_pwhash_STRBYTES, "hash buffer");
	return crypto_pwhash_str_alg(out, password, strlen(password),
				     crypto_pwhash_OPSLIMIT_INTERACTIVE,
				     crypto_pwhash_MEMLIMIT_INTERACTIVE,
				     crypto_pwhash_ALG_ARGON2ID13) == 0 ? 0 : -1;
}

int crypto_password_verify(const char *encoded, const char *password)
{
	if (encoded == NULL || password == NULL)
		return 0;
	return crypto_pwhash_str_verify(encoded, password, strlen(password)) == 0;
}

void crypto_token(char out[CRYPTO_TOKEN_STRLEN])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, CRYPTO_TOKEN_STRLEN, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	sodium_memzero(raw, sizeof raw);
}

void crypto_pseudonym(char out[CRYPTO_PSEUDONYM_STRLEN])
{
	unsigned char raw[12];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, CRYPTO_PSEUDONYM_STRLEN, raw, sizeof raw,
			  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

void crypto_token_digest(const char *token, char out[CRYPTO_DIGEST_STRLEN])
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	sodium_bin2hex(out, CRYPTO_DIGEST_STRLEN, h, sizeof h);
}

void crypto_sha256_hex(const void *data, size_t len, char out[CRYPTO_DIGEST_STRLEN])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(h, data, len);
	sodium_bin2hex(out, CRYPTO_DIGEST_STRLEN, h, sizeof h);
}

int crypto_str_equal(const char *a, const char *b)
{
	const size_t la = strlen(a), lb = strlen(b);
	if (la != lb)
		return 0;
	return sodium_memcmp(a, b, la) == 0;
}

int crypto_key_parse(const char *text, size_t len, uint8_t key[CRYPTO_KEY_BYTES])
{
	while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r'))
		len--;
	size_t bin_len = 0;
	const char *end = NULL;
	if (len != 2 * CRYPTO_KEY_BYTES)
		return -1;
	if (sodium_hex2bin(key, CRYPTO_KEY_BYTES, text, len, NULL, &bin_len, &end) != 0 ||
	    bin_len != CRYPTO_KEY_BYTES || end != text + len)
		return -1;
	return 0;
}

int crypto_seal(const uint8_t key[CRYPTO_KEY_BYTES], const uint8_t *plain, size_t len,
		uint8_t **out, size_t *outlen)
{
	const size_t n = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES + len;
	uint8_t *box = malloc(n);
	if (box == NULL)
		return -1;
	randombytes_buf(box, crypto_secretbox_NONCEBYTES);
	crypto_secretbox_easy(box + crypto_secretbox_NONCEBYTES, plain, len, box, key);
	*out = box;
	*outlen = n;
	return 0;
}

int crypto_open(const uint8_t key[CRYPTO_KEY_BYTES], const uint8_t *box, size_t len,
		char **plain, size_t *plainlen)
{
	const size_t overhead = crypto_secretbox_NONCEBYTES + crypto_secretbox_MACBYTES;
	if (len < overhead)
		return -1;
	const size_t n = len - overhead;
	char *p = malloc(n + 1);
	if (p == NULL)
		return -1;
	if (crypto_secretbox_open_easy((unsigned char *)p, box + crypto_secretbox_NONCEBYTES,
				       len - crypto_secretbox_NONCEBYTES, box, key) != 0) {
		free(p);
		return -1;
	}
	p[n] = '\0';
	*plain = p;
	*plainlen = n;
	return 0;
}

void crypto_key_new(uint8_t key[CRYPTO_KEY_BYTES])
{
	crypto_secretbox_keygen(key);
}

void crypto_key_hex(const uint8_t key[CRYPTO_KEY_BYTES], char out[CRYPTO_KEY_HEXLEN])
{
	sodium_bin2hex(out, CRYPTO_KEY_HEXLEN, key, CRYPTO_KEY_BYTES);
}

void crypto_wipe(void *p, size_t len)
{
	sodium_memzero(p, len);
}

char *crypto_base64_encode(const uint8_t *bin, size_t len)
{
	const size_t n = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
	char *out = malloc(n);
	if (out != NULL)
		sodium_bin2base64(out, n, bin, len, sodium_base64_VARIANT_ORIGINAL);
	return out;
}

int crypto_base64_decode(const char *text, uint8_t **out, size_t *outlen)
{
	const size_t len = strlen(text);
	uint8_t *bin = malloc(len / 4 * 3 + 3);
	size_t n = 0;
	const char *end = NULL;
	if (bin == NULL)
		return -1;
	if (sodium_base642bin(bin, len / 4 * 3 + 3, text, len, NULL, &n, &end,
			      sodium_base64_VARIANT_ORIGINAL) != 0 || end != text + len) {
		free(bin);
		return -1;
	}
	*out = bin;
	*outlen = n;
	return 0;
}
