#include "nl_text.h"

#include <stdio.h>
#include <string.h>

void nl_date_long(sw_date date, char buf[NL_DATE_MAX])
{
	static const char *const months[12] = {
		"januari", "februari", "maart", "april", "mei", "juni",
		"juli", "augustus", "september", "oktober", "november", "december",
	};
	if (date == DATE_NONE) {
		buf[0] = '\0';
		return;
	}
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	snprintf(buf, NL_DATE_MAX, "%d %s %d", d, months[m - 1], y);
}

const char *nl_role_label(enum role r)
{
	static const char *const labels[ROLE__COUNT] = {
		[ROLE_WERKNEMER] = "Werknemer",
		[ROLE_WERKGEVER] = "Werkgever",
		[ROLE_BEDRIJFSARTS] = "Bedrijfsarts",
		[ROLE_ARBEIDSDESKUNDIGE] = "Arbeidsdeskundige",
		[ROLE_REINTEGRATIEPROFESSIONAL] = "Re-integratieprofessional",
		[ROLE_NETWERKWERKGEVER] = "Netwerkwerkgever",
		[ROLE_BEHEERDER] = "Beheerder",
	};
	return (unsigned)r < ROLE__COUNT ? labels[r] : "";
}

size_t nl_roles_join(unsigned roles, char *buf, size_t n)
{
	size_t len = 0;
	if (n > 0)
		buf[0] = '\0';
	for (int r = 0; r < ROLE__COUNT; r++) {
		if (!(roles & ROLE_BIT(r)))
			continue;
		const char *sep = len > 0 ? ", " : "";
		int w = snprintf(len < n ? buf + len : NULL, len < n ? n - len : 0, "%s%s", sep,
				 role_name((enum role)r));
		len += (size_t)w;
	}
	return len;
}
