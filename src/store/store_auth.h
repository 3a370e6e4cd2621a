/* store_auth.h - login, sessions and calendar feed tokens. */
#ifndef SW_STORE_AUTH_H
#define SW_STORE_AUTH_H

#include "store/store_base.h"

/* ---- login and sessions (store_auth.c) --------------------------------- */

/* Timestamps of this section are UTC text "YYYY-MM-DD HH:MM:SS+00", the
 * way both backends read {{TS}} back; the caller passes the clock in, so
 * expiry and lockout can be tested without waiting. */
#define STORE_TS_LEN 32
/* Formats t as such a timestamp into out[STORE_TS_LEN]. */
void store_timestamp(int64_t t, char out[STORE_TS_LEN]);

/* After this many failed logins in a row the account is locked for
 * STORE_LOCKOUT_SECONDS; the counter then starts again from 0. */
#define STORE_LOGIN_MAX_FAILURES 5
#define STORE_LOCKOUT_SECONDS (15 * 60)

/* What login needs besides struct store_user. */
struct store_user_auth {
	int64_t user_id;
	int is_beheerder;                /* 0 or 1 */
	int failed_logins;               /* since the last success or lockout */
	const char *locked_until;        /* NULL: not locked */
};

int store_user_auth_get(struct store *st, struct store_arena *a, int64_t user_id,
			struct store_user_auth *out, struct sw_error *err);
/* hash: an encoded crypto_password_hash, or NULL to disable password login. */
int store_user_set_password(struct store *st, int64_t user_id, const char *hash,
			    struct sw_error *err);
int store_user_set_beheerder(struct store *st, int64_t user_id, int is_beheerder,
			     struct sw_error *err);
/* Counts a failed login at time now; the STORE_LOGIN_MAX_FAILURES-th in a
 * row locks the account until now + STORE_LOCKOUT_SECONDS. *locked (if not
 * NULL) tells whether this failure locked it. */
int store_user_login_failed(struct store *st, int64_t user_id, int64_t now, int *locked,
			    struct sw_error *err);
/* A successful login: clears the counter and any lock. */
int store_user_login_ok(struct store *st, int64_t user_id, struct sw_error *err);

/* A login session. token_digest is crypto_token_digest of the cookie
 * token: the token itself is never stored. */
struct store_session {
	int64_t id;
	const char *token_digest;        /* unique */
	int64_t user_id;
	const char *csrf_token;
	const char *created_at;
	const char *expires_at;          /* required on insert */
	const char *last_seen_at;
};

int store_session_insert(struct store *st, const struct store_session *s, int64_t *id,
			 struct sw_error *err);
/* The session with this digest that expires after now; an unknown or
 * expired one is SW_ENOTFOUND field "session". */
int store_session_get_by_digest(struct store *st, struct store_arena *a, const char *digest,
				int64_t now, struct store_session *out, struct sw_error *err);
/* Deleting a session that is not there is not an error (logout twice). */
int store_session_delete(struct store *st, int64_t id, struct sw_error *err);
/* Deletes every session of the user except except_id (0: all of them). */
int store_session_delete_user(struct store *st, int64_t user_id, int64_t except_id,
			      struct sw_error *err);

/* ---- calendar feeds (store_calendar.c) --------------------------------- */

/* Sets the user's feed to the token with this digest (crypto_token_digest),
 * replacing (revoking) the one before. */
int store_calendar_feed_set(struct store *st, int64_t user_id, const char *digest,
			    struct sw_error *err);
/* The user of the feed with this token digest; unknown is SW_ENOTFOUND
 * field "token". */
int store_calendar_feed_user(struct store *st, const char *digest, int64_t *user_id,
			     struct sw_error *err);

#endif
