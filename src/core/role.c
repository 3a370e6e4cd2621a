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
