/* rules.h - versioned rule data of the Poortwachter timeline.
 *
 * Week offsets and periods live here, not in the engine, because the rules
 * change: a ruleset is chosen by the case's first sick day. Adding a new
 * version means adding a table entry, never editing engine code. */
#ifndef SW_RULES_H
#define SW_RULES_H

#include "date.h"
#include "role.h"

/* The legal steps of DOMAIN.md section 4, in timeline order. */
enum tl_code {
	TL_ZIEKMELDING_ARBODIENST = 0,
	TL_PROBLEEMANALYSE,
	TL_PLAN_VAN_AANPAK,
	TL_VOORTGANGSGESPREK,
	TL_MELDING_UWV,
	TL_EERSTEJAARSEVALUATIE,
	TL_START_TWEEDE_SPOOR,
	TL_RE_INTEGRATIEVERSLAG,
	TL_WIA_AANVRAAG,
	TL_BESLISSING_LOONSANCTIE,
	TL_EINDE_WACHTTIJD,
	/* The orientation phase of an early second track: only on a case
	 * where return to the own job was judged unlikely in year 1. */
	TL_ARBEIDSDESKUNDIG_ONDERZOEK,
	TL_ORIENTATIE_TWEEDE_SPOOR,
	TL_CODE__COUNT
};

/* The steps every case has; the ones after them are conditional. */
#define TL_LEGAL_STEPS (TL_EINDE_WACHTTIJD + 1)

/* Static description of one step: what it is, who acts, where the law
 * says so, and how many days before its due date it becomes "open". */
struct tl_step {
	const char *code;       /* API value */
	const char *title_nl;   /* for people */
	const char *title_en;
	const char *source;
	unsigned roles;         /* ROLE_BIT() set of the responsible parties */
	int lead_days;          /* opens this many days before due */
};

struct tl_ruleset {
	const char *version;
	sw_date valid_from;          /* first sick day from which it applies */
	int waiting_weeks;           /* WIA art. 23: 104 */
	int samentelling_days;       /* recovery shorter than this joins periods: 28 */
	int ziekmelding_week;        /* 1 */
	int probleemanalyse_week;    /* 6 */
	int pva_week;                /* 8: plan van aanpak before the PA is done */
	int pva_after_pa_days;       /* 14 */
	int voortgang_interval_days; /* 42 */
	int melding_uwv_week;        /* 42: due the first working day after it */
	int eje_week;                /* 52 */
	int tweede_spoor_after_eje_days; /* 42 */
	int riv_weeks_before_end;    /* 13 (week 91) */
	int wia_weeks_before_end;    /* 11 (week 93) */
	int sanction_weeks_before_end; /* 6 (week 98) */
	int max_extension_weeks;     /* WIA art. 24: 52 */
	int extension_min_weeks_after_request; /* 13 */
	int max_loonsanctie_weeks;   /* 52 */
	int loonsanctie_end_after_repair_days; /* 42 */
	int iva_first_week;          /* 3 */
	int iva_last_week;           /* 68 */
	int pva_requires_vision;     /* plan van aanpak must hold both visions */
	/* Early second track (DOMAIN.md section 1): once return to the own job
	 * is marked unlikely in year 1, an arbeidsdeskundig onderzoek is due
	 * this many weeks after the mark, and orientation activities
	 * (loopbaanoriëntatie, rouwverwerking or a trajectplan) start by the
	 * second. Product rules from practice, not law: the law sets no term. */
	int orientation_ad_weeks;    /* 6 */
	int orientation_start_weeks; /* 8 */
	struct tl_step steps[TL_CODE__COUNT];
};

/* The ruleset that applies to a case starting on first_sick_day. */
const struct tl_ruleset *rules_for(sw_date first_sick_day);

/* The newest ruleset; for documentation and listings. */
const struct tl_ruleset *rules_latest(void);

const char *tl_code_name(enum tl_code code);
int tl_code_parse(const char *s, enum tl_code *out);

#endif
