/* store_case.h - cases and participations. */
#ifndef SW_STORE_CASE_H
#define SW_STORE_CASE_H

#include "store/store_base.h"

/* ---- cases and participations (store_case.c) --------------------------- */

enum store_case_status {
	STORE_CASE_OPEN = 0,
	STORE_CASE_GESLOTEN,             /* recovered (or another end reason) */
	STORE_CASE_INGETROKKEN,          /* the report was withdrawn: out of every list */
	STORE_CASE_STATUS__COUNT
};

/* Who reported the case sick (cases.reported_role). */
enum store_reporter {
	STORE_REPORTED_NONE = 0,         /* migrated: not known */
	STORE_REPORTED_CASEMANAGER,
	STORE_REPORTED_LEIDINGGEVENDE,
	STORE_REPORTED_WERKNEMER,
	STORE_REPORTED_IMPORT,
	STORE_REPORTER__COUNT
};

const char *store_reporter_name(enum store_reporter r);  /* "casemanager", ...; NONE NULL */

const char *store_case_status_name(enum store_case_status status); /* "open", ... */
int store_case_status_parse(const char *s, enum store_case_status *out);

/* A case with the sick report as the employer may record it (DOMAIN.md
 * section 3): contact details, expected duration, running appointments and
 * work, and only whether (not which) a vangnet provision applies, whether a
 * work accident or a liable third party is involved. No medical data. */
struct store_case {
	int64_t id;
	int64_t organisation_id;         /* the employer */
	int64_t person_id;               /* the sick employee in the register */
	/* The employee's account (persons.user_id, read by a join; ignored on
	 * insert), 0 when the person has none. */
	int64_t employee_id;
	int64_t employment_id;           /* the employment the sickness belongs to, 0: none */
	int64_t casemanager_id;          /* the responsible casemanager (a user), 0: none */
	int64_t reported_by;             /* 0: not known */
	enum store_reporter reported_role;
	enum store_case_status status;
	sw_date expected_recovery;       /* derived from the mutations */
	const char *end_reason;          /* of the last full recovery, NULL while sick */
	const char *withdrawn_reason;    /* NULL unless ingetrokken */
	const char *contact_phone;       /* NULL when not recorded */
	const char *contact_address;
	const char *verwachte_duur;      /* expected duration, as told */
	const char *lopende_afspraken;   /* running appointments and work */
	int vangnet;                     /* 0 or 1 */
	int arbeidsongeval;              /* 0 or 1 */
	int derde_aansprakelijk;         /* 0 or 1 */
	const char *created_at;
};

int store_case_insert(struct store *st, const struct store_case *c, int64_t *id,
		      struct sw_error *err);
int store_case_get(struct store *st, struct store_arena *a, int64_t id, struct store_case *out,
		   struct sw_error *err);
int store_case_set_status(struct store *st, int64_t id, enum store_case_status status,
			  struct sw_error *err);

/* Sets the responsible casemanager of a case. */
int store_case_set_casemanager(struct store *st, int64_t id, int64_t user_id,
			       struct sw_error *err);

/* The open (status open) case of an employment, 0 when none. */
int store_case_open_of_employment(struct store *st, int64_t employment_id, int64_t *case_id,
				  struct sw_error *err);

/* Filters of store_case_list; 0 fields do not filter. Withdrawn cases are
 * never listed. */
struct store_case_filter {
	int64_t organisation_id;
	int64_t participant_id;          /* cases with a participation of this user */
	int64_t person_id;
	/* With participant_id: also the cases of this organisation (where the
	 * user has a casemanager or leidinggevende role; the policy decides
	 * each). */
	int64_t or_organisation_id;
	int64_t department_id;           /* of the case's person */
	const char *q;                   /* prefix of a word of the person's name or number */
	int64_t after_id;                /* paging: only cases with a larger id */
	int limit;                       /* at most this many; 0: no limit */
};

/* Cases by id. */
int store_case_list(struct store *st, struct store_arena *a, const struct store_case_filter *f,
		    struct store_case **out, size_t *n, struct sw_error *err);

/* Links a user to a case in a role (DOMAIN.md section 2); from and until
 * are inclusive days, until DATE_NONE while open-ended. A werknemer
 * participation must be the case's own employee; a beheerder never takes
 * part in a case. */
struct store_participation {
	int64_t id;
	int64_t case_id;
	int64_t user_id;
	enum role role;
	sw_date from;
	sw_date until;
};

int store_participation_insert(struct store *st, const struct store_participation *p,
			       int64_t *id, struct sw_error *err);
/* Sets the last day of a participation (a contact person changes). */
int store_participation_end(struct store *st, int64_t id, sw_date until, struct sw_error *err);
int store_participation_get(struct store *st, int64_t id, struct store_participation *out,
			    struct sw_error *err);
/* The case's participations by id, active or not. */
int store_participation_list(struct store *st, struct store_arena *a, int64_t case_id,
			     struct store_participation **out, size_t *n, struct sw_error *err);

/* The roles (ROLE_BIT set) the user holds in some case on today, from the
 * participations in force that day. */
int store_user_case_roles(struct store *st, int64_t user_id, sw_date today, unsigned *roles,
			  struct sw_error *err);

/* ---- what the access check reads (store_case.c) ------------------------ */

/* The user's participations, active or not, in case case_id (0: in every
 * case), by case and id: the access check needs only the caller's, and the
 * case list reads them for all its cases at once. */
int store_participation_list_user(struct store *st, struct store_arena *a, int64_t user_id,
				  int64_t case_id, struct store_participation **out, size_t *n,
				  struct sw_error *err);

#endif
