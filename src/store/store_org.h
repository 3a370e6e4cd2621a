/* store_org.h - organisations, users and their accounts as the beheerder sees them. */
#ifndef SW_STORE_ORG_H
#define SW_STORE_ORG_H

#include "store/store_base.h"

/* ---- organisations and users (store_org.c) ----------------------------- */

enum store_org_kind {
	STORE_ORG_WERKGEVER = 0,
	STORE_ORG_NETWERK,               /* employer in the detachering network */
	STORE_ORG_ARBODIENST,
	STORE_ORG_REINTEGRATIEBEDRIJF,
	STORE_ORG_KIND__COUNT
};

/* API value: "werkgever", "netwerk", "arbodienst", "re-integratiebedrijf". */
const char *store_org_kind_name(enum store_org_kind kind);
int store_org_kind_parse(const char *s, enum store_org_kind *out);

struct store_org {
	int64_t id;
	const char *name;
	enum store_org_kind kind;
	const char *created_at;          /* "YYYY-MM-DD HH:MM:SS+00" */
};

int store_org_insert(struct store *st, const struct store_org *org, int64_t *id,
		     struct sw_error *err);
int store_org_get(struct store *st, struct store_arena *a, int64_t id, struct store_org *out,
		  struct sw_error *err);
/* All organisations by id. */
int store_org_list(struct store *st, struct store_arena *a, struct store_org **out, size_t *n,
		   struct sw_error *err);

struct store_user {
	int64_t id;
	const char *email;               /* unique, stored in lower case */
	const char *name;
	const char *password_hash;       /* NULL: cannot log in with a password */
	int64_t organisation_id;         /* 0: none */
	const char *created_at;
};

/* A duplicate email is SW_ECONFLICT field "email". */
int store_user_insert(struct store *st, const struct store_user *user, int64_t *id,
		      struct sw_error *err);
int store_user_get(struct store *st, struct store_arena *a, int64_t id, struct store_user *out,
		   struct sw_error *err);
/* By email, case-insensitively; unknown is SW_ENOTFOUND field "email". */
int store_user_get_by_email(struct store *st, struct store_arena *a, const char *email,
			    struct store_user *out, struct sw_error *err);
/* Users by id; organisation_id 0 lists all. */
int store_user_list(struct store *st, struct store_arena *a, int64_t organisation_id,
		    struct store_user **out, size_t *n, struct sw_error *err);

/* ---- organisations and accounts for the beheerder (store_admin.c) ---- */

/* Filters of the searches below; q matches a part of the name (and of the
 * email, for accounts), ignoring ASCII case. Rows by id, offset/limit for
 * paging; *total counts all matching rows. */
struct store_org_filter {
	int kind;                        /* enum store_org_kind, or -1: any */
	const char *q;                   /* NULL or "": any */
	int64_t offset;
	int limit;                       /* 0: no limit */
};

int store_org_search(struct store *st, struct store_arena *a, const struct store_org_filter *f,
		     struct store_org **out, size_t *n, int64_t *total, struct sw_error *err);
/* Renames and/or re-kinds organisation org->id. */
int store_org_update(struct store *st, const struct store_org *org, struct sw_error *err);

/* A user as the administration sees it: never a password hash. */
struct store_account {
	int64_t id;
	const char *email;
	const char *name;
	int64_t organisation_id;         /* 0: none */
	int is_beheerder;                /* 0 or 1 */
	int active;                      /* 0: deactivated, cannot log in */
	int has_password;                /* 0: never logged in (no invitation accepted) */
	const char *created_at;
};

struct store_account_filter {
	int64_t organisation_id;         /* 0: any */
	const char *q;
	int active;                      /* 0 or 1, or -1: any */
	int64_t offset;
	int limit;
};

int store_account_get(struct store *st, struct store_arena *a, int64_t id,
		      struct store_account *out, struct sw_error *err);
int store_account_search(struct store *st, struct store_arena *a,
			 const struct store_account_filter *f, struct store_account **out,
			 size_t *n, int64_t *total, struct sw_error *err);
/* Sets name, organisation_id, is_beheerder and active of account acc->id
 * (email and created_at are ignored). Deactivating ends every session of
 * the account in the same transaction. */
int store_account_update(struct store *st, const struct store_account *acc,
			 struct sw_error *err);

#endif
