/* role.h - the parties of a case (DOMAIN.md section 2). */
#ifndef SW_ROLE_H
#define SW_ROLE_H

enum role {
	ROLE_WERKNEMER = 0,
	ROLE_WERKGEVER,
	ROLE_BEDRIJFSARTS,
	ROLE_ARBEIDSDESKUNDIGE,
	ROLE_REINTEGRATIEPROFESSIONAL,
	ROLE_NETWERKWERKGEVER,
	ROLE_BEHEERDER,
	ROLE__COUNT
};

/* Sets of roles, e.g. who is responsible for a legal step. */
#define ROLE_BIT(r) (1u << (r))

/* API value ("werknemer", "re-integratieprofessional", ...). */
const char *role_name(enum role r);

/* Returns 0 and sets *out for a known API value, -1 otherwise. */
int role_parse(const char *s, enum role *out);

/* Roles on the account, per organisation (DOMAIN.md section 2a), besides
 * the case participations above: what a person does for an employer. */
enum org_role {
	ORG_ROLE_CASEMANAGER = 0,  /* HR: the cases of the organisation or departments */
	ORG_ROLE_LEIDINGGEVENDE,   /* line manager: the cases of the own team */
	ORG_ROLE_HR_ANALIST,       /* statistics only */
	ORG_ROLE_BEHEERDER,        /* the organisation's accounts, never case content */
	ORG_ROLE__COUNT
};

#define ORG_ROLE_BIT(r) (1u << (r))

/* API value: "casemanager", "leidinggevende", "hr-analist", "beheerder". */
const char *org_role_name(enum org_role r);
int org_role_parse(const char *s, enum org_role *out);

#endif
