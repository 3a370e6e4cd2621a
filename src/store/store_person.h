/* store_person.h - the employer's organisation (DOMAIN.md 2a): departments,
 * organisation roles on accounts, and the employee register (persons). */
#ifndef SW_STORE_PERSON_H
#define SW_STORE_PERSON_H

#include <stdbool.h>

#include "core/register.h"
#include "store/store_base.h"

/* ---- departments (store_person.c) --------------------------------------- */

struct store_department {
	int64_t id;
	int64_t organisation_id;
	const char *name;
};

/* A name the organisation has already is SW_ECONFLICT "name". */
int store_department_insert(struct store *st, int64_t organisation_id, const char *name,
			    int64_t *id, struct sw_error *err);
/* The department of that name, created when missing (the CSV import). */
int store_department_ensure(struct store *st, int64_t organisation_id, const char *name,
			    int64_t *id, struct sw_error *err);
int store_department_list(struct store *st, struct store_arena *a, int64_t organisation_id,
			  struct store_department **out, size_t *n, struct sw_error *err);

/* ---- organisation roles (store_orgrole.c) -------------------------------- */

struct store_org_role {
	int64_t user_id;
	int64_t organisation_id;
	const char *organisation_name;
	enum org_role role;
	int64_t *department_ids;         /* casemanager limits; none: the whole organisation */
	size_t ndepartments;
};

/* The roles (ORG_ROLE_BIT set) of the user in the organisation. */
int store_org_roles_of(struct store *st, int64_t user_id, int64_t organisation_id,
		       unsigned *roles, struct sw_error *err);
/* Every role of the user, by organisation and role. */
int store_org_role_list(struct store *st, struct store_arena *a, int64_t user_id,
			struct store_org_role **out, size_t *n, struct sw_error *err);
/* Replaces the user's roles in the organisation by roles (a set) and the
 * casemanager's departments by departments[0..ndepartments) (each must be
 * of the organisation: SW_EINVAL "department_ids"). */
int store_org_roles_set(struct store *st, int64_t user_id, int64_t organisation_id,
			unsigned roles, const int64_t *departments, size_t ndepartments,
			int64_t granted_by, struct sw_error *err);

/* Where a person stands for the user: in the scope of the user's
 * casemanager role (no department limits, or the person's department among
 * them) and in the user's team (the person's manager is the user's own
 * person record). */
int store_person_scope(struct store *st, int64_t user_id, int64_t person_id, bool *in_scope,
		       bool *in_team, struct sw_error *err);

/* The casemanager a report by a leidinggevende or the werknemer goes to:
 * the one assigned to the department (lowest user id), else one without
 * department limits; *user_id 0 when the organisation has none. */
int store_org_casemanager_for(struct store *st, int64_t organisation_id, int64_t department_id,
			      int64_t *user_id, struct sw_error *err);

/* The active accounts with the casemanager role in the organisation. */
int store_org_casemanagers(struct store *st, struct store_arena *a, int64_t organisation_id,
			   struct store_account **out, size_t *n, struct sw_error *err);

/* ---- the register (store_person.c) -------------------------------------- */

struct store_person {
	int64_t id;
	int64_t organisation_id;
	const char *personnel_number;    /* unique per organisation */
	const char *name;
	sw_date birth_date;              /* DATE_NONE: not recorded */
	int64_t department_id;           /* 0: none */
	int64_t manager_id;              /* a person of the same organisation, 0: none */
	const char *email;
	int64_t user_id;                 /* the portal account, 0: none */
	/* Read only: */
	const char *department_name;
	const char *manager_name;
	int64_t open_case_id;            /* 0: none */
	const char *created_at;
};

/* Checks department and manager (of the organisation), writes the search
 * terms. A taken personnel number is SW_ECONFLICT "personnel_number". */
int store_person_insert(struct store *st, const struct store_person *p, int64_t *id,
			struct sw_error *err);
/* Replaces the fields of p->id (organisation_id and user_id are kept). */
int store_person_update(struct store *st, const struct store_person *p, struct sw_error *err);
int store_person_get(struct store *st, struct store_arena *a, int64_t id,
		     struct store_person *out, struct sw_error *err);
/* By personnel number in the organisation; *id 0 when unknown. */
int store_person_by_number(struct store *st, int64_t organisation_id, const char *number,
			   int64_t *id, struct sw_error *err);
/* The user's own person record in the organisation (0: any), *id 0: none. */
int store_person_of_user(struct store *st, int64_t user_id, int64_t organisation_id,
			 int64_t *id, struct sw_error *err);
/* Links the person to an account. */
int store_person_set_user(struct store *st, int64_t person_id, int64_t user_id,
			  struct sw_error *err);

struct store_person_filter {
	int64_t organisation_id;         /* required */
	const char *q;                   /* prefix of a name word or the number; NULL: all */
	int64_t department_id;           /* 0: any */
	/* restricted: only the caller's scope, which is the departments of
	 * the casemanager role of scope_user (all when it has none; 0: no such
	 * role) and the team of team_of (the manager's person id, 0: none). */
	int restricted;
	int64_t scope_user;
	int64_t team_of;
	int64_t offset;
	int limit;
};

/* Persons by name, id; *total counts every match. */
int store_person_search(struct store *st, struct store_arena *a,
			const struct store_person_filter *f, struct store_person **out,
			size_t *n, int64_t *total, struct sw_error *err);

/* ---- CSV import of the register (store_register.c) ---------------------- */

/* At most this many refusals are listed (all are counted). */
#define STORE_IMPORT_REFUSED_MAX 1000

struct store_import_report {
	bool dry_run;
	size_t lines;                    /* data lines read */
	size_t created, updated;         /* persons; as if stored on a dry run */
	struct register_problem *refused;  /* malloc'ed, the first STORE_IMPORT_REFUSED_MAX */
	size_t nrefused;                 /* listed */
	size_t refused_total;            /* counted; > 0: nothing was stored */
};

void store_import_report_free(struct store_import_report *r);

/* Imports an HR export (core/register.h; csv is copied, need not end in a
 * NUL) into the organisation's register, all or nothing in one
 * transaction: departments by name (created when missing), a known
 * personnel number updates that person (name, birth date, department,
 * manager, email), an unknown one adds a person; the employment of the line
 * is matched by its start date (updated, else added); managers by personnel
 * number, in the file (also further down) or already in the register.
 * Every refused line is listed with its column and reason (a header
 * problem as line 1); when any line is refused, or on a dry run, nothing is
 * stored. 0 when the import ran (look at rep->refused_total), -1 with err
 * on a system failure. */
int store_register_import(struct store *st, int64_t organisation_id, const char *csv, size_t len,
			  bool dry_run, struct store_import_report *rep, struct sw_error *err);

#endif
