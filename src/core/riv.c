/* riv.c - completeness of the re-integratieverslag, part by part.
 *
 * Most parts follow one pattern (the latest feeding document, a window,
 * optionally a date before which a document no longer counts) and share
 * eval_generic(); the plan van aanpak (bijstellingen, agreement) and the
 * evaluations (two requirements in one part) have their own. */
#include "riv.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* Facts every part looks at, gathered once. */
struct riv_ctx {
	const struct riv_input *in;
	sw_date today;
	sw_date case_start;
	const struct tl_deadline *pa, *pva, *eje, *riv;
	sw_date riv_due;
	sw_date riv_opens;   /* the closing phase: RIV step opens (week 87) */
	sw_date wia;         /* WIA application (recorded, else due) */
	sw_date fresh_from;  /* wia - 3 calendar months */
};

/* Which window a part has, and from when a document counts for it. */
enum riv_window {
	WIN_CASE,      /* [first sick day, RIV date]; any document counts */
	WIN_STEP,      /* the timeline step's [opens, due]; any document counts */
	WIN_FRESH,     /* [WIA - 3 months, RIV date]; documents from WIA - 3 months */
	WIN_CLOSING,   /* [RIV opens, RIV date]; documents from the closing phase */
};

struct riv_part_def;
typedef void riv_eval_fn(const struct riv_ctx *, const struct riv_part_def *, struct riv_part *);

struct riv_part_def {
	const char *title;
	const char *what;      /* Dutch noun phrase for the explanations */
	unsigned docs;
	unsigned roles;
	enum riv_window window;
	enum tl_code step;     /* WIN_STEP only */
	riv_eval_fn *eval;
};

static riv_eval_fn eval_generic, eval_first_sick_day, eval_pva, eval_evaluations;

#define WN ROLE_BIT(ROLE_WERKNEMER)
#define WG ROLE_BIT(ROLE_WERKGEVER)
#define BA ROLE_BIT(ROLE_BEDRIJFSARTS)
#define AD ROLE_BIT(ROLE_ARBEIDSDESKUNDIGE)
#define RIP ROLE_BIT(ROLE_REINTEGRATIEPROFESSIONAL)

/* Headings as in DOMAIN.md section 5, which paraphrases art. 6. */
static const struct riv_part_def defs[RIV_PARTS] = {
	{ "Administratieve gegevens van werknemer, werkgever en bedrijfsarts",
	  "de administratieve gegevens", DOC_BIT(DOC_ADMINISTRATIEF), WG, WIN_CASE, 0,
	  eval_generic },
	{ "Aard van het bedrijf", "de aard van het bedrijf", DOC_BIT(DOC_ADMINISTRATIEF), WG,
	  WIN_CASE, 0, eval_generic },
	{ "Functie van de werknemer", "de functie van de werknemer",
	  DOC_BIT(DOC_ADMINISTRATIEF), WG, WIN_CASE, 0, eval_generic },
	{ "Vaardigheden van de werknemer", "de vaardigheden van de werknemer",
	  DOC_BIT(DOC_ADMINISTRATIEF) | DOC_BIT(DOC_PERSOONSPROFIEL), WG | RIP, WIN_CASE, 0,
	  eval_generic },
	{ "Eerste ziektedag", "de eerste ziektedag", 0, WG, WIN_CASE, 0, eval_first_sick_day },
	{ "Oordeel en advies van de bedrijfsarts", "de probleemanalyse",
	  DOC_BIT(DOC_PROBLEEMANALYSE), BA, WIN_STEP, TL_PROBLEEMANALYSE, eval_generic },
	{ "Plan van aanpak met alle bijstellingen", "het plan van aanpak",
	  DOC_BIT(DOC_PLAN_VAN_AANPAK), WG | WN, WIN_STEP, TL_PLAN_VAN_AANPAK, eval_pva },
	{ "Eerstejaarsevaluatie en laatste evaluatie", "de eerstejaarsevaluatie",
	  DOC_BIT(DOC_EERSTEJAARSEVALUATIE) | DOC_BIT(DOC_VOORTGANGSGESPREK) |
		  DOC_BIT(DOC_EINDEVALUATIE),
	  WG | WN, WIN_STEP, TL_EERSTEJAARSEVALUATIE, eval_evaluations },
	{ "Actueel oordeel over de arbeidsverhouding", "een oordeel over de arbeidsverhouding",
	  DOC_BIT(DOC_WERKRELATIE), WG, WIN_FRESH, 0, eval_generic },
	{ "Actueel oordeel van de bedrijfsarts over arbeidsongeschiktheid en functionele "
	  "beperkingen",
	  "een actueel oordeel van de bedrijfsarts", DOC_BIT(DOC_ACTUEEL_OORDEEL), BA, WIN_FRESH, 0,
	  eval_generic },
	{ "Oordeel over passend werk bij de werkgever", "een oordeel over passend werk",
	  DOC_BIT(DOC_PASSEND_WERK) | DOC_BIT(DOC_ARBEIDSDESKUNDIG_ONDERZOEK), WG | AD, WIN_FRESH,
	  0, eval_generic },
	{ "Mening van de werknemer", "de mening van de werknemer", DOC_BIT(DOC_VISIE_WERKNEMER), WN,
	  WIN_CLOSING, 0, eval_generic },
};

sw_date riv_months_before(sw_date date, int months)
{
	if (date == DATE_NONE)
		return DATE_NONE;
	int y, m, d;
	date_to_ymd(date, &y, &m, &d);
	int idx = y * 12 + (m - 1) - months;
	y = idx / 12;
	m = idx % 12 + 1;
	const int last = date_days_in_month(y, m);
	return date_from_ymd(y, m, d < last ? d : last);
}

/* "6 januari 2025"; the export layer has the same wording (nl_text.c),
 * but core may not depend on it. */
#define LONG_DATE 24
static const char *long_date(sw_date date, char buf[LONG_DATE])
{
	static const char *const months[12] = {
		"januari", "februari", "maart", "april", "mei", "juni",
		"juli", "augustus", "september", "oktober", "november", "december",
	};
	int y, m, d;
	if (date == DATE_NONE)
		return "";
	date_to_ymd(date, &y, &m, &d);
	snprintf(buf, LONG_DATE, "%d %s %d", d, months[m - 1], y);
	return buf;
}

/* Appends to the part's explanation, printf-style; truncates silently (the
 * buffer is sized for the longest text). */
static void say(struct riv_part *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void say(struct riv_part *p, const char *fmt, ...)
{
	size_t len = strlen(p->uitleg);
	if (len + 1 >= sizeof p->uitleg)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->uitleg + len, sizeof p->uitleg - len, fmt, ap);
	va_end(ap);
}

/* " Aan zet: werkgever of arbeidsdeskundige." */
static void say_roles(struct riv_part *p)
{
	const char *sep = " Aan zet: ";
	for (int r = 0; r < ROLE__COUNT; r++) {
		if (p->roles & ROLE_BIT(r)) {
			say(p, "%s%s", sep, role_name((enum role)r));
			sep = " of ";
		}
	}
	say(p, ".");
}

/* The latest document among the set; *type gets its type. */
static sw_date latest(const struct riv_input *in, unsigned docs, enum doc_type *type)
{
	sw_date best = DATE_NONE;
	for (int t = 0; t < DOC_TYPE__COUNT; t++) {
		const sw_date d = in->docs[t].date;
		if ((docs & DOC_BIT(t)) && d != DATE_NONE && (best == DATE_NONE || d > best)) {
			best = d;
			*type = (enum doc_type)t;
		}
	}
	return best;
}

static void set_window(const struct riv_ctx *c, const struct riv_part_def *def,
		       struct riv_part *p)
{
	switch (def->window) {
	case WIN_CASE:
		p->needed_from = c->case_start;
		p->due = c->riv_due;
		break;
	case WIN_STEP: {
		const struct tl_deadline *s = def->step == TL_PROBLEEMANALYSE ? c->pa
					      : def->step == TL_PLAN_VAN_AANPAK ? c->pva : c->eje;
		p->needed_from = s->opens;
		p->due = s->due;
		break;
	}
	case WIN_FRESH:
		p->needed_from = c->fresh_from;
		p->due = c->riv_due;
		break;
	case WIN_CLOSING:
		p->needed_from = c->riv_opens;
		p->due = c->riv_due;
		break;
	}
}

/* Nothing that counts is there: not needed yet, or missing. */
static void missing(const struct riv_ctx *c, const char *what, struct riv_part *p)
{
	char a[LONG_DATE], b[LONG_DATE];
	if (c->today < p->needed_from) {
		p->status = RIV_NOG_NIET_NODIG;
		say(p, "Nog niet nodig: %s is nodig vanaf %s, uiterlijk %s.", what,
		    long_date(p->needed_from, a), long_date(p->due, b));
		return;
	}
	p->status = RIV_ONTBREEKT;
	if (c->today > p->due)
		say(p, "Ontbreekt: %s had er uiterlijk %s moeten zijn.", what, long_date(p->due, a));
	else
		say(p, "Ontbreekt: %s is nodig uiterlijk %s.", what, long_date(p->due, a));
	say_roles(p);
}

static void present(struct riv_part *p, enum doc_type type, sw_date date)
{
	char a[LONG_DATE];
	p->status = RIV_AANWEZIG;
	p->date = date;
	say(p, "Aanwezig: %s van %s.", doc_type_info(type)->title_nl, long_date(date, a));
}

/* Why a document from before counts_from no longer counts. */
static void say_too_old(const struct riv_ctx *c, const struct riv_part_def *def,
			struct riv_part *p)
{
	char a[LONG_DATE];
	if (def->window == WIN_FRESH)
		say(p, " Op de WIA-aanvraag (%s) is het ouder dan 3 maanden.", long_date(c->wia, a));
	else
		say(p, " Het is van voor de afrondingsfase; de mening gaat over het verslag als geheel.");
}

static void eval_generic(const struct riv_ctx *c, const struct riv_part_def *def,
			 struct riv_part *p)
{
	char a[LONG_DATE], b[LONG_DATE], d[LONG_DATE];
	enum doc_type type = DOC_ADMINISTRATIEF;
	const sw_date date = latest(c->in, def->docs, &type);
	const sw_date counts_from = def->window == WIN_FRESH ? c->fresh_from
				    : def->window == WIN_CLOSING ? c->riv_opens : DATE_NONE;
	set_window(c, def, p);
	if (date == DATE_NONE) {
		missing(c, def->what, p);
		return;
	}
	if (counts_from == DATE_NONE || date >= counts_from) {
		present(p, type, date);
		return;
	}
	p->date = date;
	if (c->today < counts_from) {
		p->status = RIV_AANWEZIG;
		p->wordt_verouderd = 1;
		say(p, "Aanwezig, maar wordt verouderd: %s van %s.", doc_type_info(type)->title_nl,
		    long_date(date, a));
		say_too_old(c, def, p);
		say(p, " Nieuw nodig tussen %s en %s.", long_date(counts_from, b), long_date(p->due, d));
		return;
	}
	p->status = RIV_VEROUDERD;
	say(p, "Verouderd: %s van %s.", doc_type_info(type)->title_nl, long_date(date, a));
	say_too_old(c, def, p);
	say(p, " Nieuw nodig uiterlijk %s.", long_date(p->due, b));
	say_roles(p);
}

static void eval_first_sick_day(const struct riv_ctx *c, const struct riv_part_def *def,
				struct riv_part *p)
{
	char a[LONG_DATE];
	set_window(c, def, p);
	p->status = RIV_AANWEZIG;
	p->date = c->case_start;
	say(p, "Aanwezig: eerste ziektedag %s (uit de tijdlijn).", long_date(c->case_start, a));
}

/* (g): the plan must exist, be agreed, and hold every bijstelling asked. */
static void eval_pva(const struct riv_ctx *c, const struct riv_part_def *def,
		     struct riv_part *p)
{
	char a[LONG_DATE], b[LONG_DATE];
	const struct riv_doc *d = &c->in->docs[DOC_PLAN_VAN_AANPAK];
	const sw_date asked = c->in->pva_revision_asked;
	set_window(c, def, p);
	if (d->date == DATE_NONE) {
		missing(c, def->what, p);
		return;
	}
	const int agreed = d->approval == DOC_APPROVAL_GEGEVEN ||
			   d->approval == DOC_APPROVAL_GEWEIGERD;
	if (!agreed && d->versions <= 1) {
		missing(c, "een plan van aanpak met akkoord van de werknemer", p);
		say(p, " De versie van %s wacht op dat akkoord.", long_date(d->date, a));
		p->date = d->date;
		return;
	}
	if (!agreed || (asked != DATE_NONE && asked > d->date)) {
		/* A stale plan only becomes late when the report is due: the
		 * law sets no term for a bijstelling, "zo spoedig mogelijk". */
		p->due = c->riv_due;
		p->status = RIV_VEROUDERD;
		p->date = d->date;
		if (!agreed)
			say(p, "Verouderd: de bijstelling van %s wacht op akkoord van de werknemer.",
			    long_date(d->date, a));
		else
			say(p, "Verouderd: op %s is om een bijstelling gevraagd; de laatste versie is "
			       "van %s. Stel het plan zo spoedig mogelijk bij.",
			    long_date(asked, a), long_date(d->date, b));
		say_roles(p);
		return;
	}
	present(p, DOC_PLAN_VAN_AANPAK, d->date);
	if (d->versions > 1)
		say(p, " %d versies (%d %s).", d->versions, d->versions - 1,
		    d->versions == 2 ? "bijstelling" : "bijstellingen");
	if (d->approval == DOC_APPROVAL_GEWEIGERD)
		say(p, " De werknemer is niet akkoord met deze versie; een deskundigenoordeel van "
		       "UWV kan uitsluitsel geven.");
}

static void say_acknowledgement(const struct riv_doc *eje, struct riv_part *p)
{
	if (eje->approval == DOC_APPROVAL_OPEN)
		say(p, " De werknemer heeft de eerstejaarsevaluatie nog niet voor gezien getekend.");
	else if (eje->approval == DOC_APPROVAL_GEWEIGERD)
		say(p, " De werknemer is het niet eens met de eerstejaarsevaluatie; neem die reactie "
		       "op in het verslag.");
}

/* (h): the eerstejaarsevaluatie from week 52 on and, in the closing phase,
 * a latest evaluation (voortgangsgesprek or eindevaluatie, week 87-91). */
static void eval_evaluations(const struct riv_ctx *c, const struct riv_part_def *def,
			     struct riv_part *p)
{
	char a[LONG_DATE], b[LONG_DATE];
	const struct riv_doc *eje = &c->in->docs[DOC_EERSTEJAARSEVALUATIE];
	set_window(c, def, p);
	if (eje->date == DATE_NONE) {
		missing(c, def->what, p);
		say(p, " Ook nodig: een laatste evaluatie tussen %s en %s.",
		    long_date(c->riv_opens, a), long_date(c->riv_due, b));
		return;
	}
	enum doc_type type = DOC_EERSTEJAARSEVALUATIE;
	const sw_date last = latest(c->in, def->docs, &type);
	present(p, DOC_EERSTEJAARSEVALUATIE, eje->date);
	say_acknowledgement(eje, p);
	if (last >= c->riv_opens) {
		say(p, " Laatste evaluatie: %s van %s.", doc_type_info(type)->title_nl,
		    long_date(last, a));
		return;
	}
	if (c->today < c->riv_opens) {
		say(p, " De laatste evaluatie (eindevaluatie) is nodig tussen %s en %s.",
		    long_date(c->riv_opens, a), long_date(c->riv_due, b));
		return;
	}
	/* The closing phase has begun without an evaluation in it. */
	p->needed_from = c->riv_opens;
	p->due = c->riv_due;
	p->uitleg[0] = '\0';
	const int had_one = c->in->docs[DOC_EINDEVALUATIE].date != DATE_NONE;
	p->status = had_one ? RIV_VEROUDERD : RIV_ONTBREEKT;
	say(p, "%s: de laatste evaluatie (eindevaluatie) is nodig tussen %s en %s;",
	    had_one ? "Verouderd" : "Ontbreekt", long_date(c->riv_opens, a),
	    long_date(c->riv_due, b));
	say(p, " de laatste is een %s van %s.", doc_type_info(type)->title_nl, long_date(last, a));
	say_roles(p);
}

static const struct tl_deadline *step(const struct tl_timeline *tl, enum tl_code code)
{
	for (size_t i = 0; i < tl->n; i++)
		if (tl->items[i].code == code && tl->items[i].seq == 0)
			return &tl->items[i];
	return NULL;
}

static int gather(const struct riv_input *in, struct riv_ctx *c)
{
	const struct tl_timeline *tl = in->tl;
	if (tl == NULL || tl->n > TL_MAX_DEADLINES)
		return -1;
	const struct tl_deadline *wia = step(tl, TL_WIA_AANVRAAG);
	c->in = in;
	c->today = in->today;
	c->case_start = tl->case_start;
	c->pa = step(tl, TL_PROBLEEMANALYSE);
	c->pva = step(tl, TL_PLAN_VAN_AANPAK);
	c->eje = step(tl, TL_EERSTEJAARSEVALUATIE);
	c->riv = step(tl, TL_RE_INTEGRATIEVERSLAG);
	if (c->pa == NULL || c->pva == NULL || c->eje == NULL || c->riv == NULL || wia == NULL)
		return -1;
	c->riv_due = c->riv->due;
	c->riv_opens = c->riv->opens;
	c->wia = wia->done != DATE_NONE ? wia->done : wia->due;
	c->fresh_from = riv_months_before(c->wia, 3);
	return 0;
}

void riv_input_init(struct riv_input *in)
{
	memset(in, 0, sizeof *in);
	for (int t = 0; t < DOC_TYPE__COUNT; t++)
		in->docs[t] = (struct riv_doc){ DATE_NONE, 0, DOC_APPROVAL_NVT };
	in->pva_revision_asked = DATE_NONE;
	in->today = DATE_NONE;
}

int riv_check(const struct riv_input *in, struct riv_report *out)
{
	struct riv_ctx c;
	memset(out, 0, sizeof *out);
	if (in == NULL || gather(in, &c) != 0)
		return -1;
	out->riv_due = c.riv_due;
	out->wia_date = c.wia;
	out->fresh_from = c.fresh_from;
	for (int i = 0; i < RIV_PARTS; i++) {
		const struct riv_part_def *def = &defs[i];
		struct riv_part *p = &out->parts[i];
		p->letter = (char)('a' + i);
		p->docs = def->docs;
		p->roles = def->roles;
		p->date = DATE_NONE;
		def->eval(&c, def, p);
		p->te_laat = (p->status == RIV_ONTBREEKT || p->status == RIV_VEROUDERD) &&
			     c.today > p->due;
		out->counts[p->status]++;
		out->wordt_verouderd += p->wordt_verouderd;
	}
	out->ready = out->counts[RIV_AANWEZIG] == RIV_PARTS && out->wordt_verouderd == 0;
	return 0;
}

const char *riv_status_name(enum riv_status s)
{
	static const char *const names[RIV_STATUS__COUNT] = {
		[RIV_AANWEZIG] = "aanwezig", [RIV_ONTBREEKT] = "ontbreekt",
		[RIV_VEROUDERD] = "verouderd", [RIV_NOG_NIET_NODIG] = "nog_niet_nodig",
	};
	return (unsigned)s < RIV_STATUS__COUNT ? names[s] : "";
}

const char *riv_part_title(char letter)
{
	if (letter < 'a' || letter >= 'a' + RIV_PARTS)
		return NULL;
	return defs[letter - 'a'].title;
}
