/* info.c - the information modules: texts and triggers (DOMAIN.md sections
 * 1, 4 and 8). The texts address the employee ("je") first; shared modules
 * name the employer's part in the third person. Sources: Wet verbetering
 * poortwachter, Regeling procesgang eerste en tweede ziektejaar, BW 7:629 and
 * 7:658a, WIA art. 23-25 and 64, Ziektewet art. 29b, Werkwijzer Poortwachter
 * (UWV). Keep them short: a module is read on a phone, between appointments. */
#include "info.h"

#include <string.h>

#define W ROLE_BIT(ROLE_WERKNEMER)
#define G ROLE_BIT(ROLE_WERKGEVER)
#define BA ROLE_BIT(ROLE_BEDRIJFSARTS)
#define AD ROLE_BIT(ROLE_ARBEIDSDESKUNDIGE)
#define RP ROLE_BIT(ROLE_REINTEGRATIEPROFESSIONAL)

#define AT_WEEK(n) { INFO_WEEK, (n), 0, 0 }
#define STEP_OPEN(s) { INFO_STEP_OPEN, 0, TL_##s, 0 }
#define STEP_DONE(s) { INFO_STEP_DONE, 0, TL_##s, 0 }
#define EVENT(e) { INFO_EVENT, 0, 0, TL_EV_##e }

static const struct info_module modules[] = {
	{ "rechten_plichten", W | G, { AT_WEEK(1) },
	  "Ziek: je rechten en plichten",
	  "Wat je werkgever doorbetaalt, wat je samen moet doen en wat je werkgever niet mag vragen.",
	  "Je werkgever betaalt tijdens ziekte maximaal 104 weken ten minste 70% van je loon door; "
	  "in het eerste jaar nooit minder dan het minimumloon (BW 7:629). Je cao of contract kan "
	  "meer geven.\n\n"
	  "Jij werkt mee aan je herstel en re-integratie: je gaat naar het spreekuur van de "
	  "bedrijfsarts, volgt redelijke voorschriften, werkt mee aan het plan van aanpak en doet "
	  "passend werk als je dat kunt. Je werkgever schakelt de bedrijfsarts in, wijst een "
	  "casemanager aan en spant zich in om je weer aan het werk te helpen.\n\n"
	  "Je werkgever mag niet vragen wat je hebt of hoe je behandeld wordt. Medische informatie "
	  "deel je alleen met de bedrijfsarts. Je werkgever hoort alleen wat je wel en niet kunt en "
	  "hoe lang het naar verwachting duurt.",
	  "Sick: your rights and duties",
	  "What your employer keeps paying, what you do together and what your employer may not ask.",
	  "During sickness your employer pays at least 70% of your wage for up to 104 weeks; in the "
	  "first year never less than the minimum wage (Civil Code 7:629). Your collective agreement "
	  "or contract may give more.\n\n"
	  "You cooperate with your recovery and reintegration: you see the occupational physician "
	  "(bedrijfsarts), follow reasonable instructions, help make the action plan and do suitable "
	  "work when you can. Your employer engages the bedrijfsarts, appoints a case manager and "
	  "makes an effort to get you back to work.\n\n"
	  "Your employer may not ask what is wrong with you or how you are treated. You share medical "
	  "information with the bedrijfsarts only. Your employer only learns what you can and cannot "
	  "do and how long it is expected to last." },

	{ "probleemanalyse", W | G | BA, { STEP_OPEN(PROBLEEMANALYSE) },
	  "Wat is een probleemanalyse?",
	  "Uiterlijk in week 6 beschrijft de bedrijfsarts wat je nog kunt en wat je kansen op herstel zijn.",
	  "Ben je langer ziek, dan maakt de bedrijfsarts uiterlijk aan het eind van de zesde week "
	  "een probleemanalyse. Daarin staat waarom je nu niet (volledig) kunt werken, wat je nog wel "
	  "kunt (je belastbaarheid), wat je kansen op herstel zijn en wanneer je naar verwachting "
	  "weer kunt werken.\n\n"
	  "Jij en je werkgever krijgen het advies. Je werkgever krijgt alleen het functionele deel: "
	  "je beperkingen en mogelijkheden, niet je diagnose.\n\n"
	  "Ben je het niet eens met het advies? Zeg het de bedrijfsarts, vraag een second opinion bij "
	  "een andere bedrijfsarts of vraag UWV om een deskundigenoordeel.",
	  "What is a problem analysis (probleemanalyse)?",
	  "By the end of week 6 the occupational physician describes what you can still do and your "
	  "chances of recovery.",
	  "If you are sick for longer, the bedrijfsarts makes a problem analysis by the end of the "
	  "sixth week. It states why you cannot (fully) work now, what you can still do (your "
	  "capacity), your chances of recovery and when you are expected to work again.\n\n"
	  "You and your employer receive the advice. Your employer receives only the functional part: "
	  "your limitations and possibilities, not your diagnosis.\n\n"
	  "Do you disagree with the advice? Tell the bedrijfsarts, ask another bedrijfsarts for a "
	  "second opinion or ask UWV for an expert opinion (deskundigenoordeel)." },

	{ "deskundigenoordeel", W | G | BA, { STEP_DONE(PROBLEEMANALYSE) },
	  "Niet eens? Het deskundigenoordeel van UWV",
	  "Bij onenigheid over je werk of je re-integratie geeft UWV een onafhankelijk oordeel.",
	  "Zijn jij en je werkgever het niet eens over of je kunt werken, over passend werk of over "
	  "de inspanningen voor je re-integratie? Dan kan ieder van jullie UWV om een "
	  "deskundigenoordeel vragen. UWV vraagt hiervoor een vergoeding.\n\n"
	  "UWV kijkt naar het advies van de bedrijfsarts en naar wat jij en je werkgever zeggen, en "
	  "geeft binnen enkele weken een oordeel. Het is geen bindende uitspraak, maar werkgevers en "
	  "rechters nemen het serieus.\n\n"
	  "Eerst praten helpt vaak: zet je vraag in een bericht of stel een gezamenlijke beslissing "
	  "voor in Spoorwijzer. Twijfel je aan het medisch oordeel, dan heb je ook recht op een "
	  "second opinion bij een andere bedrijfsarts.",
	  "Disagree? UWV's expert opinion (deskundigenoordeel)",
	  "When you disagree about your work or reintegration, UWV gives an independent opinion.",
	  "Do you and your employer disagree about whether you can work, about suitable work or about "
	  "the reintegration efforts? Either of you can ask UWV for an expert opinion. UWV charges a "
	  "fee for it.\n\n"
	  "UWV looks at the advice of the bedrijfsarts and at what you and your employer say, and "
	  "gives its opinion within a few weeks. It is not binding, but employers and courts take it "
	  "seriously.\n\n"
	  "Talking first often helps: put your question in a message or propose a shared decision in "
	  "Spoorwijzer. If you doubt the medical judgement, you also have the right to a second "
	  "opinion from another bedrijfsarts." },

	{ "plan_van_aanpak", W | G, { STEP_OPEN(PLAN_VAN_AANPAK) },
	  "Het plan van aanpak: samen afspreken",
	  "Binnen twee weken na de probleemanalyse, uiterlijk in week 8, maken jij en je werkgever "
	  "samen een plan.",
	  "In het plan van aanpak spreken jij en je werkgever af wat het doel is, welke activiteiten "
	  "jullie doen, wanneer jullie evalueren en wie je casemanager is. Het moet er binnen twee "
	  "weken na de probleemanalyse zijn, en uiterlijk aan het eind van week 8.\n\n"
	  "Jouw visie hoort erin: wat wil je, wat kun je, wat heb je nodig? Sinds 1 juli 2023 staan "
	  "de visie van de werknemer en die van de werkgever er allebei in.\n\n"
	  "Verandert er iets, dan wordt het plan bijgesteld. Elke versie blijft bewaard. Je tekent "
	  "voor akkoord; ben je het ergens niet mee eens, schrijf dat er dan bij.",
	  "The action plan (plan van aanpak): agreeing together",
	  "Within two weeks after the problem analysis, and by week 8 at the latest, you and your "
	  "employer make a plan together.",
	  "In the action plan you and your employer agree on the goal, the activities, when you "
	  "evaluate and who your case manager is. It must be ready within two weeks after the problem "
	  "analysis, and by the end of week 8 at the latest.\n\n"
	  "Your view belongs in it: what do you want, what can you do, what do you need? Since 1 July "
	  "2023 the plan holds both the employee's and the employer's vision.\n\n"
	  "When something changes, the plan is revised. Every version is kept. You sign it as agreed; "
	  "if you disagree with something, write that down." },

	{ "voortgangsgesprek", W, { STEP_OPEN(VOORTGANGSGESPREK) },
	  "Voortgangsgesprekken: elke zes weken",
	  "Minstens elke zes weken bespreek je met je casemanager hoe het gaat en of het plan nog klopt.",
	  "Jij en je casemanager bespreken minstens elke zes weken hoe het gaat: wat is gelukt, wat "
	  "niet, en moet het plan van aanpak worden bijgesteld?\n\n"
	  "Bereid je voor: schrijf op wat je wilt bespreken, wat je al kunt en waar je hulp bij "
	  "nodig hebt. Je mag iemand meenemen.\n\n"
	  "Het verslag van het gesprek komt in je dossier. Lees het na en reageer als iets niet "
	  "klopt.",
	  "Progress meetings: every six weeks",
	  "At least every six weeks you discuss with your case manager how things are going and "
	  "whether the plan still fits.",
	  "You and your case manager discuss at least every six weeks how things are going: what "
	  "worked, what did not, and does the action plan need a revision?\n\n"
	  "Prepare: write down what you want to discuss, what you can already do and where you need "
	  "help. You may bring someone along.\n\n"
	  "The report of the meeting goes into your file. Read it and respond if something is wrong." },

	{ "tweede_spoor", W | G | AD | RP,
	  { AT_WEEK(13), EVENT(TERUGKEER_ONWAARSCHIJNLIJK) },
	  "Het tweede spoor: waarom vroeg beginnen helpt",
	  "Lukt terugkeer in je eigen werk niet, dan zoek je in het tweede spoor werk bij een andere "
	  "werkgever.",
	  "Het eerste spoor is terugkeer in je eigen werk of ander werk bij je eigen werkgever. Het "
	  "tweede spoor is werk bij een andere werkgever. Je blijft in dienst en houdt je loon tijdens "
	  "het tweede spoor.\n\n"
	  "Je werkgever moet het tweede spoor inzetten zodra terugkeer bij de eigen werkgever niet "
	  "realistisch is; UWV verwacht het uiterlijk rond de eerstejaarsevaluatie. Maar je hoeft niet "
	  "te wachten: al in het eerste jaar kan een oriëntatie beginnen, met een arbeidsdeskundig "
	  "onderzoek, loopbaanoriëntatie en ruimte om afscheid te nemen van je oude werk.\n\n"
	  "Vroeg beginnen helpt: hoe langer je uit het werk bent, hoe moeilijker de weg terug. Nu "
	  "begint maar een klein deel in het eerste jaar. Bespreek het met je casemanager of stel "
	  "samen een beslissing voor.",
	  "The second track: why starting early helps",
	  "If returning to your own work does not work out, the second track looks for work with "
	  "another employer.",
	  "The first track is returning to your own work or other work with your own employer. The "
	  "second track is work with another employer. You stay employed and keep your wage during "
	  "the second track.\n\n"
	  "Your employer must start the second track as soon as returning at the own employer is not "
	  "realistic; UWV expects it around the first-year evaluation at the latest. But you need not "
	  "wait: an orientation can begin in the first year, with an assessment by a labour expert "
	  "(arbeidsdeskundig onderzoek), career orientation and room to say goodbye to your old "
	  "work.\n\n"
	  "Starting early helps: the longer you are out of work, the harder the way back. Today only "
	  "a small share starts in the first year. Discuss it with your case manager or propose a "
	  "decision together." },

	{ "orientatie", W | RP, { EVENT(TERUGKEER_ONWAARSCHIJNLIJK) },
	  "Terug naar je eigen werk lukt niet: wat nu?",
	  "Een oriëntatie op ander werk: onderzoek, loopbaangesprekken en tijd om te verwerken.",
	  "De bedrijfsarts of arbeidsdeskundige verwacht dat je niet terugkeert in je eigen werk. Dat "
	  "is vaak een klap. Neem de tijd om dat te verwerken; een coach kan daarbij helpen.\n\n"
	  "Een arbeidsdeskundige onderzoekt welk werk bij je past: bij je eigen werkgever of "
	  "elders. Een re-integratieprofessional helpt met loopbaanoriëntatie, een zoekprofiel en "
	  "trainingen.\n\n"
	  "Jij hebt daarin een stem: over het bureau, de activiteiten en het werk dat je zoekt. Je "
	  "zoekprofiel wordt alleen met jouw toestemming aan werkgevers in het netwerk getoond.",
	  "Returning to your own work will not happen: what now?",
	  "An orientation on other work: assessment, career conversations and time to come to terms.",
	  "The bedrijfsarts or labour expert expects that you will not return to your own work. That "
	  "often comes as a blow. Take time to come to terms with it; a coach can help.\n\n"
	  "A labour expert (arbeidsdeskundige) assesses which work suits you: with your own employer "
	  "or elsewhere. A reintegration professional helps with career orientation, a search profile "
	  "and training.\n\n"
	  "You have a say in it: in the bureau, the activities and the work you look for. Your search "
	  "profile is shown to employers in the network only with your consent." },

	{ "melding_uwv", W | G, { STEP_OPEN(MELDING_UWV) },
	  "De 42-wekenmelding bij UWV",
	  "Na week 42 meldt je werkgever aan UWV dat je lang ziek bent.",
	  "Ben je 42 weken ziek, dan meldt je werkgever dat direct daarna aan UWV (de "
	  "42-wekenmelding). UWV weet dan dat er mogelijk een WIA-aanvraag aankomt en stuurt je "
	  "informatie.\n\n"
	  "Voor je loon en je re-integratie verandert er niets: je werkgever blijft betalen en jullie "
	  "gaan door met het plan van aanpak.\n\n"
	  "Is de melding te laat, dan kan UWV de werkgever een boete geven of de loondoorbetaling "
	  "verlengen.",
	  "The 42-week report to UWV",
	  "After week 42 your employer reports to UWV that you have been sick for long.",
	  "When you have been sick for 42 weeks, your employer reports it to UWV straight after (the "
	  "42-week report). UWV then knows that a WIA application may come and sends you "
	  "information.\n\n"
	  "Nothing changes for your wage or reintegration: your employer keeps paying and you go on "
	  "with the action plan.\n\n"
	  "If the report is late, UWV can fine the employer or extend the wage payment." },

	{ "eerstejaarsevaluatie", W | G | AD | RP, { STEP_OPEN(EERSTEJAARSEVALUATIE) },
	  "De eerstejaarsevaluatie",
	  "Aan het eind van het eerste jaar kijken jullie terug en spreken jullie af wat het doel is "
	  "voor jaar 2.",
	  "Uiterlijk aan het eind van week 52 evalueren jij en je werkgever het eerste ziektejaar: "
	  "wat heeft de re-integratie opgeleverd, en wat is het doel voor het tweede jaar? Dat kan "
	  "terugkeer in je eigen of ander werk bij je werkgever zijn (spoor 1), werk elders "
	  "(spoor 2) of allebei.\n\n"
	  "Een arbeidsdeskundig onderzoek helpt om die keuze goed te maken. Is spoor 2 nodig en nog "
	  "niet gestart, dan hoort het binnen zes weken na de evaluatie te beginnen.\n\n"
	  "Je mening telt mee en komt in het re-integratieverslag.",
	  "The first-year evaluation (eerstejaarsevaluatie)",
	  "At the end of the first year you look back and agree on the goal for year 2.",
	  "By the end of week 52 you and your employer evaluate the first year of sickness: what did "
	  "the reintegration achieve, and what is the goal for the second year? That can be returning "
	  "to your own or other work at your employer (track 1), work elsewhere (track 2) or both.\n\n"
	  "An assessment by a labour expert helps to make that choice well. If track 2 is needed and "
	  "has not started, it should begin within six weeks after the evaluation.\n\n"
	  "Your opinion counts and goes into the reintegration report." },

	{ "financiele_instrumenten", W | G | AD | RP,
	  { EVENT(TERUGKEER_ONWAARSCHIJNLIJK), STEP_OPEN(START_TWEEDE_SPOOR) },
	  "Regelingen die een nieuwe werkgever helpen",
	  "No-riskpolis, loonkostensubsidie, proefplaatsing, jobcoach en werkplekaanpassing.",
	  "Een nieuwe werkgever is vaak bang voor het risico. Er zijn regelingen die dat "
	  "verkleinen; UWV of de gemeente beoordeelt wie ervoor in aanmerking komt.\n\n"
	  "No-riskpolis: wordt een werknemer met een arbeidsbeperking die onder de regeling valt ziek, "
	  "dan betaalt UWV een Ziektewet-uitkering die de loonkosten grotendeels dekt (Ziektewet "
	  "art. 29b). Loonkostensubsidie (gemeente) of loondispensatie (UWV): de werkgever betaalt "
	  "minder loon als iemand minder productief is. Proefplaatsing: je werkt een tijd op proef "
	  "bij de nieuwe werkgever, die nog geen loon betaalt. Jobcoach: begeleiding op de "
	  "werkplek. Werkplekaanpassing: vergoeding voor aanpassingen en hulpmiddelen.\n\n"
	  "Bij detachering blijf je in dienst van je eigen werkgever en werk je bij een ander; die "
	  "betaalt een vergoeding. Spreek vooraf af wie het risico draagt als je weer uitvalt.",
	  "Arrangements that help a new employer",
	  "No-risk policy, wage cost subsidy, trial placement, job coach and workplace adjustment.",
	  "A new employer often fears the risk. There are arrangements that reduce it; UWV or the "
	  "municipality decides who qualifies.\n\n"
	  "No-risk policy (no-riskpolis): if an employee with a work limitation covered by the scheme "
	  "falls sick, UWV pays a Sickness Benefits Act benefit that covers most of the wage costs "
	  "(Ziektewet art. 29b). Wage cost subsidy (municipality) or wage dispensation (UWV): the "
	  "employer pays less wage when someone is less productive. Trial placement "
	  "(proefplaatsing): you work on trial with the new employer, who does not pay wages yet. Job "
	  "coach: guidance at the workplace. Workplace adjustment: compensation for adjustments and "
	  "aids.\n\n"
	  "With secondment (detachering) you stay employed by your own employer and work for another, "
	  "who pays a fee. Agree beforehand who carries the risk if you fall sick again." },

	{ "loonsanctie", W | G, { STEP_OPEN(RE_INTEGRATIEVERSLAG) },
	  "Re-integratieverslag en loonsanctie",
	  "Bij je WIA-aanvraag toetst UWV of er genoeg aan je re-integratie is gedaan.",
	  "Voor je WIA-aanvraag maakt je werkgever het re-integratieverslag, uiterlijk in week 91, "
	  "en geeft jou een kopie. Daarin staan alle stappen van de afgelopen twee jaar, en jouw "
	  "eigen mening.\n\n"
	  "Vindt UWV dat de werkgever zonder goede reden te weinig heeft gedaan, dan legt UWV een "
	  "loonsanctie op: de werkgever betaalt tot 52 weken langer loon en herstelt wat ontbrak. "
	  "Je WIA-beoordeling schuift dan op. Heb jij zonder goede reden niet meegewerkt, dan kan "
	  "dat gevolgen hebben voor je loon of je uitkering.\n\n"
	  "Lees het verslag goed en vul je mening in: klopt het beeld van wat er is gebeurd?",
	  "Reintegration report and wage sanction (loonsanctie)",
	  "At your WIA application UWV checks whether enough was done for your reintegration.",
	  "Before your WIA application your employer makes the reintegration report, by week 91, and "
	  "gives you a copy. It holds every step of the past two years, and your own opinion.\n\n"
	  "If UWV finds that the employer did too little without good reason, it imposes a wage "
	  "sanction: the employer pays wages for up to 52 weeks longer and repairs what was missing. "
	  "Your WIA assessment then moves. If you did not cooperate without good reason, that can "
	  "affect your wage or benefit.\n\n"
	  "Read the report carefully and add your opinion: is the picture of what happened right?" },

	{ "wia_aanvraag", W, { STEP_OPEN(WIA_AANVRAAG) },
	  "De WIA aanvragen",
	  "Uiterlijk 11 weken voor het eind van de wachttijd, in week 93, vraag je zelf de WIA aan.",
	  "Na bijna twee jaar ziekte kun je een WIA-uitkering krijgen. Je vraagt die zelf aan bij "
	  "UWV, uiterlijk 11 weken voor het eind van de wachttijd van 104 weken (week 93). UWV "
	  "stuurt je daarover op tijd een brief.\n\n"
	  "Bij de aanvraag horen het re-integratieverslag en het formulier Medische informatie. Dat "
	  "formulier stuur je zelf naar UWV, nooit via je werkgever.\n\n"
	  "Werkgever en werknemer kunnen samen uitstel van de aanvraag vragen, bijvoorbeeld als je "
	  "herstel goed op gang is. Is er geen of weinig kans op herstel, dan kun je al vanaf week 3 "
	  "een vervroegde IVA-uitkering aanvragen.",
	  "Applying for WIA",
	  "By 11 weeks before the end of the waiting time, in week 93, you apply for WIA yourself.",
	  "After almost two years of sickness you may receive a WIA benefit. You apply for it "
	  "yourself at UWV, by 11 weeks before the end of the 104-week waiting time (week 93). UWV "
	  "sends you a letter about it in good time.\n\n"
	  "The application includes the reintegration report and the Medical information form. You "
	  "send that form to UWV yourself, never through your employer.\n\n"
	  "Employer and employee can jointly request a postponement of the application, for instance "
	  "when your recovery is well under way. If there is no or little chance of recovery, you can "
	  "apply for an early IVA benefit from week 3 on." },
};

#define NMODULES (sizeof modules / sizeof modules[0])

size_t info_count(void)
{
	return NMODULES;
}

const struct info_module *info_at(size_t i)
{
	return i < NMODULES ? &modules[i] : NULL;
}

const struct info_module *info_find(const char *code)
{
	for (size_t i = 0; code != NULL && i < NMODULES; i++)
		if (strcmp(modules[i].code, code) == 0)
			return &modules[i];
	return NULL;
}

/* Whether the step (any voortgangsgesprek for that code) has left "gepland"
 * (want_done: is done by today). Suspended steps count as not reached. */
static int step_reached(const struct tl_timeline *tl, const struct tl_input *in,
			enum tl_code code, int want_done)
{
	for (size_t i = 0; i < tl->n; i++) {
		const struct tl_deadline *d = &tl->items[i];
		if (d->code != code)
			continue;
		if (want_done ? d->status == TL_GEDAAN && d->done <= in->today
			      : (d->status == TL_OPEN || d->status == TL_TE_LAAT ||
				 d->status == TL_GEDAAN || d->status == TL_AFWIJKING))
			return 1;
	}
	return 0;
}

static int event_recorded(const struct tl_input *in, enum tl_event_kind kind)
{
	for (size_t i = 0; i < in->nevents; i++)
		if (in->events[i].kind == kind && in->events[i].date <= in->today)
			return 1;
	return 0;
}

static int fires(const struct info_trigger *t, const struct tl_timeline *tl,
		 const struct tl_input *in)
{
	switch (t->kind) {
	case INFO_WEEK: return tl->week >= t->week;
	case INFO_STEP_OPEN: return step_reached(tl, in, t->step, 0);
	case INFO_STEP_DONE: return step_reached(tl, in, t->step, 1);
	case INFO_EVENT: return event_recorded(in, t->event);
	default: return 0;
	}
}

size_t info_relevant(const struct tl_timeline *tl, const struct tl_input *in, enum role role,
		     const struct info_module **out, size_t max)
{
	size_t n = 0;
	if (tl->ended || (unsigned)role >= ROLE__COUNT)
		return 0;
	for (size_t i = 0; i < NMODULES && n < max; i++) {
		const struct info_module *m = &modules[i];
		if ((m->roles & ROLE_BIT(role)) == 0)
			continue;
		for (size_t j = 0; j < INFO_MAX_TRIGGERS; j++) {
			if (fires(&m->triggers[j], tl, in)) {
				out[n++] = m;
				break;
			}
		}
	}
	return n;
}
