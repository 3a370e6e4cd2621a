/* steps.c - the registry of how each timeline step is recorded. The roles
 * follow the law as docs/domain.md sections 4 and 5 give it; a step that
 * only UWV or the calendar completes has no recorder at all. */
#include "steps.h"

#include <stdio.h>
#include <string.h>

#define WN ROLE_BIT(ROLE_WERKNEMER)
#define WG ROLE_BIT(ROLE_WERKGEVER)
#define BA ROLE_BIT(ROLE_BEDRIJFSARTS)
#define AD ROLE_BIT(ROLE_ARBEIDSDESKUNDIGE)
#define RIP ROLE_BIT(ROLE_REINTEGRATIEPROFESSIONAL)

#define DOC(code, type, roles, once) \
	[code] = { code, STEPS_VIA_DOCUMENT, type, TL_EV__COUNT, 0, roles, once }
#define EVENT(code, fields, roles, once) \
	[code] = { code, STEPS_VIA_EVENT, DOC_TYPE__COUNT, (enum tl_event_kind)(code), fields, \
		   roles, once }
#define NOBODY(code) [code] = { code, STEPS_VIA_NONE, DOC_TYPE__COUNT, TL_EV__COUNT, 0, 0, 1 }

#define DATE_NOTE (STEPS_F_DATE | STEPS_F_NOTE)
#define DATE_REF (STEPS_F_DATE | STEPS_F_REFERENCE | STEPS_F_NOTE)

static const struct steps_info steps[TL_CODE__COUNT] = {
	/* The employer reports the sickness to the bedrijfsarts (Arbowet art. 14). */
	EVENT(TL_ZIEKMELDING_ARBODIENST, DATE_NOTE, WG, 1),
	DOC(TL_PROBLEEMANALYSE, DOC_PROBLEEMANALYSE, BA, 1),
	/* Written by the employer with the employee, who adds their vision
	 * and agrees; a bijstelling is a new version, not a second plan. */
	DOC(TL_PLAN_VAN_AANPAK, DOC_PLAN_VAN_AANPAK, WG | WN, 1),
	DOC(TL_VOORTGANGSGESPREK, DOC_VOORTGANGSGESPREK, WG, 0),
	/* Ziektewet art. 38: the employer reports; UWV answers with a kenmerk. */
	EVENT(TL_MELDING_UWV, DATE_REF, WG, 1),
	DOC(TL_EERSTEJAARSEVALUATIE, DOC_EERSTEJAARSEVALUATIE, WG, 1),
	/* The trajectplan of the second track, by the employer or the coach
	 * the employer hired. */
	DOC(TL_START_TWEEDE_SPOOR, DOC_TRAJECTPLAN, WG | RIP, 1),
	DOC(TL_RE_INTEGRATIEVERSLAG, DOC_RE_INTEGRATIEVERSLAG, WG, 1),
	/* WIA art. 64: the employee applies; the employer may record it for
	 * them (many employees hand the form to HR). */
	EVENT(TL_WIA_AANVRAAG, DATE_REF, WN | WG, 1),
	NOBODY(TL_BESLISSING_LOONSANCTIE),
	NOBODY(TL_EINDE_WACHTTIJD),
	/* An orientation may need a second report later: repeats. */
	DOC(TL_ARBEIDSDESKUNDIG_ONDERZOEK, DOC_ARBEIDSDESKUNDIG_ONDERZOEK, AD, 0),
	/* Each intervention is a document; the first one starts the orientation. */
	DOC(TL_ORIENTATIE_TWEEDE_SPOOR, DOC_INTERVENTIE, WG | RIP, 0),
};

const struct steps_info *steps_info(enum tl_code code)
{
	return (unsigned)code < TL_CODE__COUNT ? &steps[code] : NULL;
}

int steps_may_record(enum tl_code code, enum role role)
{
	const struct steps_info *s = steps_info(code);
	return s != NULL && (unsigned)role < ROLE__COUNT && (s->recorders & ROLE_BIT(role)) != 0;
}

const struct steps_info *steps_of_event(enum tl_event_kind kind)
{
	for (int i = 0; i < TL_CODE__COUNT; i++)
		if (steps[i].via == STEPS_VIA_EVENT && steps[i].event == kind)
			return &steps[i];
	return NULL;
}

const struct steps_info *steps_of_document(enum doc_type type)
{
	for (int i = 0; i < TL_CODE__COUNT; i++)
		if (steps[i].via == STEPS_VIA_DOCUMENT && steps[i].document == type)
			return &steps[i];
	return NULL;
}

const char *steps_via_name(enum steps_via via)
{
	switch (via) {
	case STEPS_VIA_DOCUMENT:
		return "document";
	case STEPS_VIA_EVENT:
		return "event";
	case STEPS_VIA_NONE:
		break;
	}
	return "";
}

size_t steps_field_names(unsigned fields, const char *out[3])
{
	size_t n = 0;
	if (fields & STEPS_F_DATE)
		out[n++] = "date";
	if (fields & STEPS_F_REFERENCE)
		out[n++] = "reference";
	if (fields & STEPS_F_NOTE)
		out[n++] = "note";
	return n;
}

void steps_roles_text(unsigned roles, char *buf, size_t size)
{
	size_t len = 0;
	int count = 0, total = 0;
	if (size == 0)
		return;
	buf[0] = '\0';
	for (int r = 0; r < ROLE__COUNT; r++)
		total += (roles & ROLE_BIT(r)) != 0;
	for (int r = 0; r < ROLE__COUNT && len < size; r++) {
		if (!(roles & ROLE_BIT(r)))
			continue;
		const char *sep = count == 0 ? "" : count == total - 1 ? " or " : ", ";
		int w = snprintf(buf + len, size - len, "%s%s", sep, role_name((enum role)r));
		if (w < 0)
			break;
		len += (size_t)w;
		count++;
	}
	if (len >= size)
		buf[size - 1] = '\0';
}
