/* crypto.h - the few cryptographic operations Spoorwijzer needs, all from
 * libsodium: argon2id password hashes, random tokens, token digests for
 * storage, and sealing of medical notes at rest (XSalsa20-Poly1305).
 *
 * crypto_init() must be called once before any other function. */
#ifndef SW_CRYPTO_H
#define SW_CRYPTO_H

#include <stddef.h>
#include <stdint.h>

#define CRYPTO_KEY_BYTES 32
/* argon2id encoded hash, e.g. "$argon2id$v=19$m=...,t=...,p=1$...$..." */
#define CRYPTO_PWHASH_STRLEN 128
/* 32 random bytes as unpadded base64url plus NUL */
#define CRYPTO_TOKEN_STRLEN 44
/* SHA-512/256-style digest of a token as hex plus NUL (BLAKE2b-256) */
#define CRYPTO_DIGEST_STRLEN 65

int crypto_init(void);

/* Hashes password into out[CRYPTO_PWHASH_STRLEN] with argon2id at the
 * "interactive" limits; returns 0, or -1 when out of memory. */
int crypto_password_hash(const char *password, char out[CRYPTO_PWHASH_STRLEN]);

/* 1 when password matches the encoded hash, 0 otherwise. */
int crypto_password_verify(const char *encoded, const char *password);

/* A fresh random token (session id, CSRF token, calendar feed secret). */
void crypto_token(char out[CRYPTO_TOKEN_STRLEN]);

/* A short random pseudonym: 12 random bytes as unpadded base64url (16
 * characters and NUL), 96 bits, enough that nobody guesses another one and
 * short enough to read out: the candidate id a network employer sees. */
#define CRYPTO_PSEUDONYM_STRLEN 17
void crypto_pseudonym(char out[CRYPTO_PSEUDONYM_STRLEN]);

/* Hex BLAKE2b-256 of a token: what the database stores, so that a leaked
 * database does not leak live sessions. */
void crypto_token_digest(const char *token, char out[CRYPTO_DIGEST_STRLEN]);

/* Hex SHA-256 of data (the checksum of an attachment, comparable with
 * sha256sum), CRYPTO_DIGEST_STRLEN long with its NUL. */
void crypto_sha256_hex(const void *data, size_t len, char out[CRYPTO_DIGEST_STRLEN]);

/* Constant-time comparison of two NUL-terminated strings. */
int crypto_str_equal(const char *a, const char *b);

/* Reads a key file: 64 hex characters (optionally followed by a newline).
 * Returns 0, or -1 when the text is not such a key. */
int crypto_key_parse(const char *text, size_t len, uint8_t key[CRYPTO_KEY_BYTES]);

/* Seals plaintext: out receives nonce || MAC || ciphertext, caller frees
 * (*out, *outlen). Returns 0 or -1 when out of memory. */
int crypto_seal(const uint8_t key[CRYPTO_KEY_BYTES], const uint8_t *plain, size_t len,
		uint8_t **out, size_t *outlen);

/* Opens a sealed box into a new NUL-terminated buffer (caller frees).
 * Returns 0, or -1 when the box was tampered with or the key is wrong. */
int crypto_open(const uint8_t key[CRYPTO_KEY_BYTES], const uint8_t *box, size_t len,
		char **plain, size_t *plainlen);

/* A fresh random key, and its text as crypto_key_parse reads it (64 hex
 * characters and NUL): what `spoorwijzer key generate` writes. */
#define CRYPTO_KEY_HEXLEN (2 * CRYPTO_KEY_BYTES + 1)
void crypto_key_new(uint8_t key[CRYPTO_KEY_BYTES]);
void crypto_key_hex(const uint8_t key[CRYPTO_KEY_BYTES], char out[CRYPTO_KEY_HEXLEN]);

/* Overwrites secret memory in a way the compiler does not optimise away. */
void crypto_wipe(void *p, size_t len);

/* Sealed boxes as text (standard padded base64), for the TEXT columns both
 * databases share. encode: a new NUL-terminated string, NULL when out of
 * memory; decode: 0 with a new buffer in (*out, *outlen), -1 when the text
 * is not base64 or out of memory. Caller frees. */
char *crypto_base64_encode(const uint8_t *bin, size_t len);
int crypto_base64_decode(const char *text, uint8_t **out, size_t *outlen);

#endif
