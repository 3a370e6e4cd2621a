/*
 * Dutch texts of the files in the portal (downloads, calendar feed,
 * attachments) and the step texts per viewer (lib/roleText.ts). Merged into
 * nl.ts under `files` and `roleSteps`. Type imports only: the unit test
 * compiles this file on its own.
 */
import type { StepTable } from '../lib/roleText';

const roleSteps: StepTable = {
  ziekmelding_arbodienst: {
    werknemer: {
      name: 'Ziekmelding bij bedrijfsarts of arbodienst',
      title: (v) => `Je werkgever meldt je uiterlijk ${v.due} ziek bij de arbodienst`,
      hint: 'Je werkgever meldt je ziek bij de bedrijfsarts of de arbodienst. Je hoeft zelf niets te doen.',
    },
    werkgever: {
      name: 'Ziekmelding bij bedrijfsarts of arbodienst',
      title: (v) => `Meld ${v.name} uiterlijk ${v.due} ziek bij de arbodienst`,
      hint: 'Meld de ziekte bij de bedrijfsarts of de arbodienst, uiterlijk in de eerste week. Geef geen medische gegevens door.',
    },
    anderen: {
      name: 'Ziekmelding bij bedrijfsarts of arbodienst',
      title: (v) => `De werkgever meldt ${v.name} uiterlijk ${v.due} ziek bij de arbodienst`,
      hint: 'De werkgever meldt de ziekte bij de bedrijfsarts of de arbodienst, uiterlijk in de eerste week.',
    },
  },
  probleemanalyse: {
    werknemer: {
      name: 'Probleemanalyse',
      title: (v) => `De bedrijfsarts maakt uiterlijk ${v.due} een probleemanalyse met je`,
      hint: 'De bedrijfsarts bespreekt met je waarom je nu niet kunt werken en wat je nog wel kunt. Je werkgever hoort alleen wat je wel en niet kunt, niet wat je hebt.',
    },
    werkgever: {
      name: 'Probleemanalyse',
      title: (v) => `De bedrijfsarts maakt uiterlijk ${v.due} de probleemanalyse van ${v.name}`,
      hint: 'De bedrijfsarts beschrijft wat de werknemer wel en niet kan en wat de kans op herstel is. Je krijgt alleen het functionele deel, geen diagnose.',
    },
    bedrijfsarts: {
      name: 'Probleemanalyse',
      title: (v) => `Maak uiterlijk ${v.due} de probleemanalyse van ${v.name}`,
      hint: 'Beschrijf waarom het werk nu niet lukt, wat er wel kan en de kans op herstel. De werkgever leest alleen het functionele deel.',
    },
    anderen: {
      name: 'Probleemanalyse',
      title: (v) => `De bedrijfsarts maakt uiterlijk ${v.due} de probleemanalyse van ${v.name}`,
      hint: 'De bedrijfsarts beschrijft wat de werknemer wel en niet kan en wat de kans op herstel is.',
    },
  },
  plan_van_aanpak: {
    werknemer: {
      name: 'Plan van aanpak',
      title: (v) => `Maak uiterlijk ${v.due} samen met je werkgever het plan van aanpak`,
      hint: 'Jij en je werkgever spreken samen af hoe je weer aan het werk gaat: wat je doet, met welk doel en wanneer jullie het bespreken. Jouw eigen visie hoort erin. Je gaat er pas mee akkoord als het klopt.',
    },
    werkgever: {
      name: 'Plan van aanpak',
      title: (v) => `Maak uiterlijk ${v.due} samen met ${v.name} het plan van aanpak`,
      hint: 'Spreek samen af wat jullie doen, met welk doel en wanneer jullie het bespreken. De werknemer schrijft de eigen visie en gaat akkoord, of niet.',
    },
    anderen: {
      name: 'Plan van aanpak',
      title: (v) => `De werkgever en ${v.name} maken uiterlijk ${v.due} het plan van aanpak`,
      hint: 'Werkgever en werknemer spreken samen af hoe de werknemer weer aan het werk gaat, op basis van de probleemanalyse.',
    },
  },
  voortgangsgesprek: {
    werknemer: {
      name: 'Voortgangsgesprek',
      title: (v) => `Bespreek uiterlijk ${v.due} met je werkgever hoe het gaat`,
      hint: 'Minstens elke 6 weken bespreek je met je werkgever hoe het gaat en of het plan van aanpak moet veranderen.',
    },
    werkgever: {
      name: 'Voortgangsgesprek',
      title: (v) => `Bespreek uiterlijk ${v.due} met ${v.name} hoe het gaat`,
      hint: 'Minstens elke 6 weken: een kort verslag van het gesprek en de afspraken. Pas het plan van aanpak aan als dat nodig is.',
    },
    anderen: {
      name: 'Voortgangsgesprek',
      title: (v) => `De werkgever bespreekt uiterlijk ${v.due} met ${v.name} hoe het gaat`,
      hint: 'Minstens elke 6 weken bespreken werkgever en werknemer de voortgang en het plan van aanpak.',
    },
  },
  melding_uwv: {
    werknemer: {
      name: 'Ziekmelding bij UWV (42e week)',
      title: (v) => `Je werkgever meldt je uiterlijk ${v.due} bij UWV`,
      hint: 'Je werkgever meldt aan UWV dat je al 42 weken ziek bent. Je krijgt een kopie en daarna informatie van UWV.',
    },
    werkgever: {
      name: 'Ziekmelding bij UWV (42e week)',
      title: (v) => `Meld ${v.name} uiterlijk ${v.due} bij UWV`,
      hint: 'Meld de langdurig zieke werknemer bij UWV en geef de werknemer een kopie. Het gegevensblad helpt: het staat hieronder bij de bestanden.',
    },
    anderen: {
      name: 'Ziekmelding bij UWV (42e week)',
      title: (v) => `De werkgever meldt ${v.name} uiterlijk ${v.due} bij UWV`,
      hint: 'De werkgever meldt bij UWV dat de werknemer 42 weken ziek is.',
    },
  },
  eerstejaarsevaluatie: {
    werknemer: {
      name: 'Eerstejaarsevaluatie',
      title: (v) => `Kijk uiterlijk ${v.due} met je werkgever terug op het eerste jaar`,
      hint: 'Jij en je werkgever kijken terug op het eerste jaar. Jullie spreken af wat het doel is voor het tweede jaar: werk bij je eigen werkgever (spoor 1), werk bij een andere werkgever (spoor 2) of allebei.',
    },
    werkgever: {
      name: 'Eerstejaarsevaluatie',
      title: (v) => `Kijk uiterlijk ${v.due} met ${v.name} terug op het eerste jaar`,
      hint: 'Leg het doel voor het tweede jaar vast: spoor 1, spoor 2 of allebei, en wat daarvoor nodig is.',
    },
    anderen: {
      name: 'Eerstejaarsevaluatie',
      title: (v) => `De werkgever en ${v.name} kijken uiterlijk ${v.due} terug op het eerste jaar`,
      hint: 'Werkgever en werknemer leggen het doel voor het tweede jaar vast.',
    },
  },
  start_tweede_spoor: {
    werknemer: {
      name: 'Start tweede spoor',
      title: (v) => `Uiterlijk ${v.due} begint het zoeken naar werk bij een andere werkgever`,
      hint: 'Lukt terugkeer bij je eigen werkgever niet, dan begint uiterlijk nu het zoeken naar werk bij een andere werkgever. Dat mag ook al eerder, in het eerste jaar.',
    },
    werkgever: {
      name: 'Start tweede spoor',
      title: (v) => `Start uiterlijk ${v.due} het tweede spoor voor ${v.name}`,
      hint: 'Lukt terugkeer in het eigen bedrijf niet, zet dan een re-integratiebureau of het netwerk in voor werk bij een andere werkgever.',
    },
    anderen: {
      name: 'Start tweede spoor',
      title: (v) => `Het tweede spoor voor ${v.name} start uiterlijk ${v.due}`,
      hint: 'Lukt terugkeer bij de eigen werkgever niet, dan begint het zoeken naar werk bij een andere werkgever.',
    },
  },
  re_integratieverslag: {
    werknemer: {
      name: 'Re-integratieverslag klaar, kopie voor jou',
      title: (v) => `Je werkgever geeft je uiterlijk ${v.due} een kopie van het re-integratieverslag`,
      hint: 'Je werkgever maakt het re-integratieverslag compleet en geeft jou een kopie. Je mag je eigen mening toevoegen.',
    },
    werkgever: {
      name: 'Re-integratieverslag klaar',
      title: (v) => `Maak uiterlijk ${v.due} het re-integratieverslag van ${v.name} compleet en geef een kopie`,
      hint: 'Maak het re-integratieverslag compleet en geef de werknemer een kopie; de werknemer mag een eigen mening toevoegen. Het verslag staat hieronder bij de bestanden.',
    },
    anderen: {
      name: 'Re-integratieverslag klaar',
      title: (v) => `De werkgever maakt uiterlijk ${v.due} het re-integratieverslag van ${v.name} compleet`,
      hint: 'De werkgever maakt het re-integratieverslag compleet en geeft de werknemer een kopie.',
    },
  },
  wia_aanvraag: {
    werknemer: {
      name: 'WIA-uitkering aanvragen',
      title: (v) => `Vraag uiterlijk ${v.due} een WIA-uitkering aan bij UWV`,
      hint: 'Jij vraagt bij UWV een WIA-uitkering aan. Het formulier "Medische informatie" stuur je zelf naar UWV, niet via je werkgever.',
    },
    werkgever: {
      name: 'WIA-aanvraag',
      title: (v) => `${v.name} vraagt uiterlijk ${v.due} een WIA-uitkering aan`,
      hint: 'De werknemer vraagt de WIA-uitkering zelf aan, met het re-integratieverslag. Medische informatie gaat niet via jou.',
    },
    anderen: {
      name: 'WIA-aanvraag',
      title: (v) => `${v.name} vraagt uiterlijk ${v.due} een WIA-uitkering aan`,
      hint: 'De werknemer vraagt de WIA-uitkering zelf aan bij UWV.',
    },
  },
  beslissing_loonsanctie: {
    werknemer: {
      name: 'Uiterste datum besluit loonsanctie (UWV)',
      title: (v) => `UWV beslist uiterlijk ${v.due} of je werkgever genoeg heeft gedaan`,
      hint: 'Uiterlijk op deze dag beslist UWV of je werkgever genoeg heeft gedaan voor je re-integratie. Zo niet, dan betaalt je werkgever langer loon door (loonsanctie).',
    },
    werkgever: {
      name: 'Uiterste datum besluit loonsanctie (UWV)',
      title: (v) => `UWV beslist uiterlijk ${v.due} over een loonsanctie voor ${v.name}`,
      hint: 'UWV toetst of je genoeg hebt gedaan voor de re-integratie. Zo niet, dan betaal je langer loon door (loonsanctie).',
    },
    anderen: {
      name: 'Uiterste datum besluit loonsanctie (UWV)',
      title: (v) => `UWV beslist uiterlijk ${v.due} over een loonsanctie (${v.name})`,
      hint: 'UWV toetst of de werkgever genoeg heeft gedaan voor de re-integratie.',
    },
  },
  einde_wachttijd: {
    werknemer: {
      name: 'Einde wachttijd (104 weken)',
      title: (v) => `Je wachttijd van 104 weken eindigt op ${v.due}`,
      hint: 'De wachttijd van 104 weken is voorbij. Daarna kan een WIA-uitkering ingaan.',
    },
    anderen: {
      name: 'Einde wachttijd (104 weken)',
      title: (v) => `De wachttijd van ${v.name} eindigt op ${v.due}`,
      hint: 'Na 104 weken eindigt de loondoorbetaling; daarna kan een WIA-uitkering ingaan.',
    },
  },
  arbeidsdeskundig_onderzoek: {
    werknemer: {
      name: 'Arbeidsdeskundig onderzoek (oriëntatie tweede spoor)',
      title: (v) => `Een arbeidsdeskundige onderzoekt uiterlijk ${v.due} welk werk bij je past`,
      hint: 'Terugkeer in je eigen werk lijkt niet haalbaar. Een arbeidsdeskundige onderzoekt welk werk wel bij je past, bij je werkgever of elders.',
    },
    arbeidsdeskundige: {
      name: 'Arbeidsdeskundig onderzoek',
      title: (v) => `Rond uiterlijk ${v.due} het arbeidsdeskundig onderzoek van ${v.name} af`,
      hint: 'Onderzoek welk werk past, bij de eigen werkgever of elders, en leg je rapport vast in het dossier.',
    },
    anderen: {
      name: 'Arbeidsdeskundig onderzoek',
      title: (v) => `De arbeidsdeskundige onderzoekt uiterlijk ${v.due} welk werk bij ${v.name} past`,
      hint: 'Terugkeer in het eigen werk lijkt niet haalbaar. De arbeidsdeskundige onderzoekt welk werk wel past.',
    },
  },
  orientatie_tweede_spoor: {
    werknemer: {
      name: 'Start oriëntatie tweede spoor',
      title: (v) => `Begin uiterlijk ${v.due} met de oriëntatie op ander werk`,
      hint: 'Je begint met de oriëntatie op ander werk, bijvoorbeeld met loopbaanoriëntatie of hulp bij het afscheid van je oude werk.',
    },
    werkgever: {
      name: 'Start oriëntatie tweede spoor',
      title: (v) => `Zet uiterlijk ${v.due} de oriëntatie op ander werk voor ${v.name} in`,
      hint: 'Bijvoorbeeld loopbaanoriëntatie of hulp bij het afscheid van het oude werk.',
    },
    anderen: {
      name: 'Start oriëntatie tweede spoor',
      title: (v) => `De oriëntatie op ander werk voor ${v.name} begint uiterlijk ${v.due}`,
      hint: 'Bijvoorbeeld loopbaanoriëntatie of hulp bij het afscheid van het oude werk.',
    },
  },
};

export const nlFiles = {
  roleSteps,
  files: {
    heading: 'Bestanden',
    intro: 'Download de verslagen van dit dossier of zet de termijnen in je agenda.',
    riv: 'Re-integratieverslag (PDF)',
    pva: 'Plan van aanpak (PDF)',
    deadlinesCsv: 'Termijnen (CSV)',
    casesCsv: 'Alle dossiers downloaden (CSV)',
    meldingUwv: 'Gegevensblad ziekmelding UWV, 42e week (PDF)',
    meldingUwvHint: 'Met dit gegevensblad meld je de werknemer bij UWV. Er staan geen medische gegevens op.',
    calendarHeading: 'Abonneer in je agenda',
    calendarIntro:
      'Met een agenda-abonnement staan de termijnen van al je dossiers in je eigen agenda (Outlook, Google, Apple) en blijven ze bijgewerkt. Maak een link en voeg die in je agenda toe als "abonnement" of "agenda van internet".',
    calendarMake: 'Maak een agenda-link',
    calendarRemake: 'Maak een nieuwe agenda-link',
    calendarWarning: 'Deel deze link met niemand: wie hem heeft, ziet je termijnen. Maak je een nieuwe link, dan werkt de oude niet meer.',
    calendarLabel: 'Agenda-link',
    copy: 'Kopieer de link',
    copied: 'De link is gekopieerd.',
    copyFailed: 'Kopiëren lukt niet. Selecteer de link en kopieer hem zelf.',
    attachments: 'Bijlagen',
    attachmentsNone: 'Er zijn nog geen bijlagen.',
    attachment: (n: number, type: string, kb: string) => `Bijlage ${n} (${type}, ${kb})`,
    upload: 'Bijlage toevoegen',
    uploadHint: 'PDF, JPG of PNG, tot 10 MB. Sleep het bestand hierheen of kies het.',
    drop: 'Sleep een bestand hierheen',
    choose: 'Kies een bestand',
    progress: 'Voortgang van het uploaden',
    uploading: (name: string) => `Bezig met uploaden van ${name}…`,
    uploaded: (name: string) => `${name} is toegevoegd.`,
    tooLarge: 'Dit bestand is te groot: de grens is 10 MB.',
    wrongType: 'Alleen PDF, JPG of PNG kan. Dit bestand is van een ander soort of is beschadigd.',
    uploadFailed: 'Het uploaden is niet gelukt. Probeer het opnieuw.',
    empty: 'Dit bestand is leeg.',
    calendarFailed: 'Het maken van de agenda-link is niet gelukt. Probeer het opnieuw.',
  },
};
