#include "role.h"

#include <string.h>

static const char *const role_names[ROLE__COUNT] = {
	[ROLE_WERKNEMER] = "werknemer",
	[ROLE_WERKGEVER] = "werkgever",
	[ROLE_BEDRIJFSARTS] = "bedrijfsarts",
	[ROLE_ARBEIDSDESKUNDIGE] = "arbeidsdeskundige",
	[ROLE_REINTEGRATIEPROFESSIONAL] = "re-integratieprofessional",
	[ROLE_NETWERKWERKGEVER] = "netwerkwerkgever",
	[ROLE_BEHEERDER] = "beheerder",
};

const char *role_name(enum role r)
{
	return (unsigned)r < ROLE__COUNT ? role_names[r] : "";
}

int role_parse(const char *s, enum role *out)
{
	for (int i = 0; s != NULL && i < ROLE__COUNT; i++) {
		if (strcmp(s, role_names[i]) == 0) {
			*out = (enum role)i;
			return 0;
		}
	}
	return -1;
}

static const char *const org_role_names[ORG_ROLE__COUNT] = {
	[ORG_ROLE_CASEMANAGER] = "casemanager",
	[ORG_ROLE_LEIDINGGEVENDE] = "leidinggevende",
	[ORG_ROLE_HR_ANALIST] = "hr-analist",
	[ORG_ROLE_BEHEERDER] = "beheerder",
};

const char *org_role_name(enum org_role r)
{
	return (unsigned)r < ORG_ROLE__COUNT ? org_role_names[r] : "";
}

int org_role_parse(const char *s, enum org_role *out)
{
	for (int i = 0; s != NULL && i < ORG_ROLE__COUNT; i++) {
		if (strcmp(s, org_role_names[i]) == 0) {
			*out = (enum org_role)i;
			return 0;
		}
	}
	return -1;
}
