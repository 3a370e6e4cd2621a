/* rules.c - the rule tables. Sources are cited per step so that a reviewer
 * can check each number against the law. */
#include "rules.h"

#include <string.h>

#define WG ROLE_BIT(ROLE_WERKGEVER)
#define WN ROLE_BIT(ROLE_WERKNEMER)
#define BA ROLE_BIT(ROLE_BEDRIJFSARTS)
#define AD ROLE_BIT(ROLE_ARBEIDSDESKUNDIGE)
#define RIP ROLE_BIT(ROLE_REINTEGRATIEPROFESSIONAL)

#define STEPS_2002                                                                  \
	{                                                                           \
		[TL_ZIEKMELDING_ARBODIENST] = { "ziekmelding_arbodienst",           \
			"Ziekmelding bij bedrijfsarts/arbodienst",                  \
			"Sick report to the occupational health service",           \
			"praktijk; Arbowet art. 14", WG, 7 },                       \
		[TL_PROBLEEMANALYSE] = { "probleemanalyse", "Probleemanalyse",      \
			"Problem analysis", "Regeling procesgang art. 2", BA, 42 }, \
		[TL_PLAN_VAN_AANPAK] = { "plan_van_aanpak", "Plan van aanpak",      \
			"Action plan", "Regeling procesgang art. 4 lid 1", WG | WN, 14 }, \
		[TL_VOORTGANGSGESPREK] = { "voortgangsgesprek", "Voortgangsgesprek", \
			"Progress meeting", "praktijk; Regeling procesgang art. 4 lid 2", \
			WG | WN, 14 },                                              \
		[TL_MELDING_UWV] = { "melding_uwv", "42e-weeksmelding aan UWV",     \
			"42-week report to UWV", "Regeling procesgang art. 5; UWV", WG, 14 }, \
		[TL_EERSTEJAARSEVALUATIE] = { "eerstejaarsevaluatie",              \
			"Eerstejaarsevaluatie", "First-year evaluation",            \
			"Regeling procesgang art. 4 lid 2 onder b", WG | WN, 28 },  \
		[TL_START_TWEEDE_SPOOR] = { "start_tweede_spoor",                   \
			"Start tweede spoor", "Start of the second track",          \
			"Werkwijzer Poortwachter (UWV)", WG, 42 },                  \
		[TL_RE_INTEGRATIEVERSLAG] = { "re_integratieverslag",               \
			"Re-integratieverslag compleet, kopie aan werknemer",       \
			"Reintegration report complete, copy to the employee",     \
			"WIA art. 25 lid 3; Regeling procesgang art. 6", WG, 28 },  \
		[TL_WIA_AANVRAAG] = { "wia_aanvraag", "WIA-aanvraag door werknemer", \
			"WIA application by the employee", "WIA art. 64", WN, 14 }, \
		[TL_BESLISSING_LOONSANCTIE] = { "beslissing_loonsanctie",           \
			"Uiterste datum besluit loonsanctie (UWV)",                 \
			"Last day for UWV to impose a wage sanction",               \
			"WIA art. 25 lid 10", WG, 35 },                             \
		[TL_EINDE_WACHTTIJD] = { "einde_wachttijd", "Einde wachttijd",      \
			"End of the waiting time", "WIA art. 23", WG | WN, 28 },    \
		[TL_ARBEIDSDESKUNDIG_ONDERZOEK] = { "arbeidsdeskundig_onderzoek",   \
			"Arbeidsdeskundig onderzoek (oriëntatie tweede spoor)",     \
			"Labour expert assessment (second-track orientation)",      \
			"praktijk: vroege inzet tweede spoor", WG | AD, 42 },       \
		[TL_ORIENTATIE_TWEEDE_SPOOR] = { "orientatie_tweede_spoor",         \
			"Start oriëntatie tweede spoor", "Start of the second-track orientation", \
			"praktijk: vroege inzet tweede spoor", WG | RIP, 14 },      \
	}

/* Week offsets unchanged since 2002 (Regeling procesgang, WIA). */
#define OFFSETS_2002                                                          \
	.waiting_weeks = 104, .samentelling_days = 28, .ziekmelding_week = 1,  \
	.probleemanalyse_week = 6, .pva_week = 8, .pva_after_pa_days = 14,     \
	.voortgang_interval_days = 42, .melding_uwv_week = 42, .eje_week = 52, \
	.tweede_spoor_after_eje_days = 42, .riv_weeks_before_end = 13,         \
	.wia_weeks_before_end = 11, .sanction_weeks_before_end = 6,            \
	.max_extension_weeks = 52, .extension_min_weeks_after_request = 13,    \
	.max_loonsanctie_weeks = 52, .loonsanctie_end_after_repair_days = 42,  \
	.iva_first_week = 3, .iva_last_week = 68

/* The orientation phase of an early second track (product rule). */
#define ORIENTATION_2026 .orientation_ad_weeks = 6, .orientation_start_weeks = 8

static const struct tl_ruleset rulesets[] = {
	{
		/* Regeling procesgang eerste en tweede ziektejaar as of 2002. */
		.version = "wvp-2002",
		.valid_from = DATE_NONE,
		OFFSETS_2002,
		ORIENTATION_2026,
		.pva_requires_vision = 0,
		.steps = STEPS_2002,
	},
	{
		/* Amendment for first sick days from 1 July 2023: the plan van
		 * aanpak records the vision of employer and employee. */
		.version = "wvp-2023-07",
		.valid_from = 19539, /* 2023-07-01 */
		OFFSETS_2002,
		ORIENTATION_2026,
		.pva_requires_vision = 1,
		.steps = STEPS_2002,
	},
};

#define NRULESETS (sizeof rulesets / sizeof rulesets[0])

const struct tl_ruleset *rules_for(sw_date first_sick_day)
{
	const struct tl_ruleset *best = &rulesets[0];
	for (size_t i = 1; i < NRULESETS; i++)
		if (first_sick_day >= rulesets[i].valid_from)
			best = &rulesets[i];
	return best;
}

const struct tl_ruleset *rules_latest(void)
{
	return &rulesets[NRULESETS - 1];
}

const char *tl_code_name(enum tl_code code)
{
	return (unsigned)code < TL_CODE__COUNT ? rulesets[0].steps[code].code : "";
}

int tl_code_parse(const char *s, enum tl_code *out)
{
	for (int i = 0; s != NULL && i < TL_CODE__COUNT; i++) {
		if (strcmp(s, rulesets[0].steps[i].code) == 0) {
			*out = (enum tl_code)i;
			return 0;
		}
	}
	return -1;
}
