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

const char *nl_riv_part_title(char part)
{
	/* The wording follows DOMAIN.md section 5, which paraphrases art. 6. */
	static const char *const titles[NL_RIV_PARTS] = {
		"Administratieve gegevens van werknemer, werkgever en bedrijfsarts",
		"Aard van het bedrijf",
		"Functie van de werknemer",
		"Vaardigheden van de werknemer",
		"Eerste ziektedag",
		"Oordeel en advies van de bedrijfsarts",
		"Plan van aanpak met alle bijstellingen",
		"Eerstejaarsevaluatie en laatste evaluatie",
		"Actueel oordeel over de arbeidsverhouding",
		"Actueel oordeel van de bedrijfsarts over arbeidsongeschiktheid en functionele beperkingen",
		"Oordeel over passend werk bij de werkgever",
		"Mening van de werknemer",
	};
	if (part < 'a' || part >= 'a' + NL_RIV_PARTS)
		return NULL;
	return titles[part - 'a'];
}
