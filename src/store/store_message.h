/* store_message.h - messages between the participants of a case. */
#ifndef SW_STORE_MESSAGE_H
#define SW_STORE_MESSAGE_H

#include "store/store_base.h"

/* ---- messages (store_message.c) ---------------------------------------- */

/* Longest message body in characters (the API counts code points); the
 * store accepts up to four bytes per character. */
#define STORE_MESSAGE_MAX_CHARS 4000

struct store_message {
	int64_t id;
	int64_t case_id;
	int64_t author_id;
	const char *author_name;         /* read back only (joined); NULL if the user is gone */
	enum role author_role;           /* the role the author wrote in */
	const char *body;                /* required, no medical information */
	const char *created_at;
};

int store_message_insert(struct store *st, const struct store_message *m, int64_t *id,
			 struct sw_error *err);
int store_message_get(struct store *st, struct store_arena *a, int64_t id,
		      struct store_message *out, struct sw_error *err);
/* The case's newest limit messages (0: all), oldest first. */
int store_message_list(struct store *st, struct store_arena *a, int64_t case_id, int limit,
		       struct store_message **out, size_t *n, struct sw_error *err);

/* ---- pages of messages (store_message.c) ------------------------------ */

/* Page of the case's messages counted from the newest: skip the newest
 * offset, take the next limit, returned oldest first; *total counts all. */
int store_message_page(struct store *st, struct store_arena *a, int64_t case_id, int64_t offset,
		       int limit, struct store_message **out, size_t *n, int64_t *total,
		       struct sw_error *err);

#endif
