/*
 * Dutch texts of the organisation side (issue 11): organisation roles in the
 * menu, the ziekmelding by search, the werknemer's own sick report, the
 * sickness history and the register. Merged into nl.ts under `org`.
 */
import type { OrgRoleName } from '../api/types';

export const nlOrg = {
  org: {
    roles: {
      casemanager: 'casemanager',
      leidinggevende: 'leidinggevende',
      'hr-analist': 'HR-analist',
      beheerder: 'beheerder van de organisatie',
    } satisfies Record<OrgRoleName, string>,
    nav: {
      cases: 'Verzuimdossiers',
      team: 'Mijn team',
      register: 'Personeel',
      accounts: 'Accounts',
    },
    teamTitle: 'Verzuim in je team',
    teamIntro: (org: string) => `De verzuimdossiers van de medewerkers in jouw team bij ${org}.`,
    filterName: 'Zoek op naam',
    filterNameHint: 'Een deel van de naam is genoeg.',
    filterDepartment: 'Afdeling',
    allDepartments: 'Alle afdelingen',
    applyFilters: 'Zoeken',
    adminHomeTitle: 'Accounts van je organisatie',
    adminHomeIntro: (org: string) =>
      `Je beheert de accounts van ${org}: je nodigt mensen uit en geeft ze een rol. Dossiers van medewerkers zie je als beheerder niet.`,
    search: {
      label: 'Medewerker',
      hint: 'Typ een deel van de naam of het personeelsnummer en kies de medewerker uit de lijst.',
      required: 'Kies de medewerker die ziek is.',
      results: (n: number) => (n === 0 ? 'Geen medewerkers gevonden.' : n === 1 ? '1 medewerker gevonden. Gebruik pijltje omlaag om te kiezen.' : `${n} medewerkers gevonden. Gebruik pijltje omlaag om te kiezen.`),
      searching: 'Bezig met zoeken…',
      minChars: 'Typ minstens 2 tekens.',
      option: (name: string, number: string, dept: string | null) => `${name}, personeelsnummer ${number}${dept ? `, ${dept}` : ''}`,
      chosen: (name: string) => `Gekozen: ${name}`,
      change: 'Andere medewerker kiezen',
      personnelNumber: 'Personeelsnummer',
      department: 'Afdeling',
    },
    self: {
      title: 'Ben je ziek?',
      intro: 'Meld je hier ziek als je vandaag of sinds kort niet kunt werken. Je hoeft niet te vertellen wat je hebt.',
      button: 'Ik ben ziek',
      firstSickDay: 'Eerste dag dat je ziek bent',
      firstSickDayHint: 'De eerste dag dat je niet of niet helemaal kon werken.',
      expected: 'Wanneer denk je weer aan het werk te gaan?',
      expectedHint: 'Alleen als je dat al weet.',
      submit: 'Ziekmelding versturen',
      busy: 'Bezig met versturen…',
      doneTitle: 'Je bent ziek gemeld',
      doneText: (date: string) => `Je ziekmelding vanaf ${date} is doorgegeven. Beterschap!`,
      whatNow: 'Wat gebeurt er nu?',
      whatNow1: 'Je casemanager krijgt bericht van je ziekmelding en neemt contact met je op.',
      whatNow2: 'De bedrijfsarts of de arbodienst neemt binnen een week contact met je op.',
      whatNow3: 'Je werkgever vraagt je niet wat je hebt. Dat bespreek je alleen met de bedrijfsarts.',
      toCase: 'Bekijk je dossier',
      openAlready: 'Er loopt al een verzuimmelding voor jou. Bekijk je dossier.',
    },
    report: {
      intro:
        'Meld een medewerker ziek. Zoek de medewerker op naam of personeelsnummer. Je legt alleen vast wat een werkgever volgens de Autoriteit Persoonsgegevens mag vastleggen.',
      introTeam: 'Meld een medewerker uit je team ziek. Je vindt alleen de mensen uit je eigen team.',
      employment: 'Dienstverband',
      employmentHint: 'Deze medewerker heeft meer dan één dienstverband. Kies het dienstverband waarin de medewerker ziek is.',
      employmentRequired: 'Kies het dienstverband.',
      employmentOption: (functie: string | null, from: string, hours: string) => `${functie ?? 'Dienstverband'} sinds ${from}, ${hours} uur per week`,
      percent: 'Percentage ziek',
      percentHint: 'Tussen 1 en 100. Decimalen mogen, bijvoorbeeld 50,5.',
      percentInvalid: 'Vul een percentage in tussen 1 en 100, met hoogstens twee decimalen, bijvoorbeeld 50,5.',
      expectedRecovery: 'Verwachte hersteldatum',
      expectedRecoveryHint: 'Alleen als die bekend is.',
      expectedRecoveryBefore: 'De verwachte hersteldatum ligt na de eerste ziektedag.',
      openCase: (name: string, since: string) => `Voor ${name} loopt al een verzuimmelding sinds ${since}.`,
      openCaseNoDate: (name: string) => `Voor ${name} loopt al een verzuimmelding.`,
      openCaseHelp: 'Leg een wijziging of herstel vast in dat dossier.',
      openCaseButton: 'Open het lopende dossier',
    },
  },
};

export type OrgDict = typeof nlOrg;
