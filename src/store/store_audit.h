/* store_audit.h - the append-only audit log. */
#ifndef SW_STORE_AUDIT_H
#define SW_STORE_AUDIT_H

#include "store/store_base.h"

/* ---- the audit log (store_audit.c) ------------------------------------ */

/* One read or write of case data, allowed or denied (DOMAIN.md section 3).
 * The table is append-only: the database refuses UPDATE and DELETE. The
 * text fields take the policy's stable names (policy_resource_name, ...). */
struct store_audit {
	int64_t id;
	const char *at;                  /* set by the database on insert */
	int64_t user_id;
	const char *user_name;           /* read back only (joined); NULL if the user is gone */
	const char *role;                /* role_name of the participation used; NULL: none */
	int64_t case_id;                 /* 0: not about one case */
	const char *action;              /* "read" or "write" */
	const char *resource;            /* policy_resource_name */
	const char *what;                /* "GET /api/v1/cases/3" */
	const char *outcome;             /* "allow" or "deny" */
	const char *reason;              /* policy_reason_name */
	const char *client_addr;         /* numeric IP */
};

int store_audit_append(struct store *st, const struct store_audit *a, struct sw_error *err);
/* The case's rows, newest first; limit 0: all of them. */
int store_audit_list_case(struct store *st, struct store_arena *a, int64_t case_id, int limit,
			  struct store_audit **out, size_t *n, struct sw_error *err);

#endif
