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

#endif
