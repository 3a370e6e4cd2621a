/* store_invitation.h - invitations by a beheerder. */
#ifndef SW_STORE_INVITATION_H
#define SW_STORE_INVITATION_H

#include "store/store_base.h"

/* ---- invitations (store_invitation.c) ---------------------------------- */

/* An invitation lasts this long. */
#define STORE_INVITATION_SECONDS (7 * 24 * 60 * 60)

struct store_invitation {
	int64_t id;
	const char *token_digest;        /* crypto_token_digest; never read back */
	const char *email;
	const char *name;
	int64_t organisation_id;         /* 0: none */
	int is_beheerder;
	int64_t created_by;
	const char *created_at;
	const char *expires_at;          /* required on insert */
	const char *accepted_at;         /* NULL: not (yet) */
	const char *revoked_at;          /* NULL: not */
	int64_t user_id;                 /* the account, once accepted */
	/* What accepting gives, in organisation_id (required for these): */
	unsigned org_roles;              /* ORG_ROLE_BIT set */
	const int64_t *department_ids;   /* the casemanager's departments */
	size_t ndepartments;
	int64_t person_id;               /* the register entry the account becomes, 0: none */
};

/* The email must not belong to an account that can log in (SW_ECONFLICT
 * "email"); an account without a password (recorded by the employer) is
 * invited to set one, and must then be of the invitation's organisation.
 * Org roles, departments and a person need the organisation
 * (SW_EINVAL "organisation_id"); departments must be of it and go with the
 * casemanager role (SW_EINVAL "department_ids"); the person must be of it
 * (SW_EINVAL "person_id") and have no account yet (SW_ECONFLICT
 * "person_id"). */
int store_invitation_insert(struct store *st, const struct store_invitation *inv, int64_t *id,
			    struct sw_error *err);
int store_invitation_get(struct store *st, struct store_arena *a, int64_t id,
			 struct store_invitation *out, struct sw_error *err);
/* Open invitations (neither accepted, revoked nor expired at now) by id,
 * of one organisation (0: of all). */
int store_invitation_list_open(struct store *st, struct store_arena *a, int64_t now,
			       int64_t organisation_id, int64_t offset, int limit,
			       struct store_invitation **out, size_t *n, int64_t *total,
			       struct sw_error *err);
/* Revokes an open invitation at now; unknown SW_ENOTFOUND "id", accepted or
 * already revoked SW_ECONFLICT "id". */
int store_invitation_revoke(struct store *st, int64_t id, int64_t now, struct sw_error *err);
/* 0 when the invitation with this token digest can be used at now; else
 * the error store_invitation_accept would give (below). Lets a caller skip
 * hashing a password for a token that is no good. */
int store_invitation_check(struct store *st, const char *digest, int64_t now,
			   struct sw_error *err);
/* Uses the invitation with this token digest at now, in one transaction:
 * creates the account (or sets the password of the waiting one) with
 * password_hash, gives it the invitation's org roles, links it to the
 * invitation's person (who then takes part as werknemer in their open
 * cases, from the case's first sick day) and returns its id. Unknown: SW_ENOTFOUND "token"; used,
 * revoked or expired: SW_ECONFLICT "token", saying which. Single use: of
 * two concurrent accepts one wins. */
int store_invitation_accept(struct store *st, const char *digest, int64_t now,
			    const char *password_hash, int64_t *user_id, struct sw_error *err);

#endif
