/* English texts of the organisation side (issue 11); same shape as nl-org.ts. */
import type { OrgDict } from './nl-org';

export const enOrg: OrgDict = {
  org: {
    roles: {
      casemanager: 'case manager',
      leidinggevende: 'line manager',
      'hr-analist': 'HR analyst',
      beheerder: 'administrator of the organisation',
    },
    nav: {
      cases: 'Absence cases',
      team: 'My team',
      register: 'Staff',
      accounts: 'Accounts',
    },
    teamTitle: 'Absence in your team',
    teamIntro: (org) => `The absence cases of the employees in your team at ${org}.`,
    filterName: 'Search by name',
    filterNameHint: 'Part of the name is enough.',
    filterDepartment: 'Department',
    allDepartments: 'All departments',
    applyFilters: 'Search',
    adminHomeTitle: "Your organisation's accounts",
    adminHomeIntro: (org) =>
      `You manage the accounts of ${org}: you invite people and give them a role. As administrator you do not see employees' cases.`,
    search: {
      label: 'Employee',
      hint: 'Type part of the name or the personnel number and choose the employee from the list.',
      required: 'Choose the employee who is sick.',
      results: (n) => (n === 0 ? 'No employees found.' : n === 1 ? '1 employee found. Use arrow down to choose.' : `${n} employees found. Use arrow down to choose.`),
      searching: 'Searching…',
      minChars: 'Type at least 2 characters.',
      option: (name, number, dept) => `${name}, personnel number ${number}${dept ? `, ${dept}` : ''}`,
      chosen: (name) => `Chosen: ${name}`,
      change: 'Choose another employee',
      personnelNumber: 'Personnel number',
      department: 'Department',
    },
    report: {
      intro:
        'Report an employee sick. Search the employee by name or personnel number. You only record what an employer may record according to the Dutch Data Protection Authority.',
      introTeam: 'Report an employee of your team sick. You only find the people of your own team.',
      employment: 'Employment',
      employmentHint: 'This employee has more than one employment. Choose the employment in which the employee is sick.',
      employmentRequired: 'Choose the employment.',
      employmentOption: (functie, from, hours) => `${functie ?? 'Employment'} since ${from}, ${hours} hours a week`,
      percent: 'Percentage sick',
      percentHint: 'Between 1 and 100. Decimals are allowed, for example 50.5.',
      percentInvalid: 'Enter a percentage between 1 and 100 with at most two decimals, for example 50.5.',
      expectedRecovery: 'Expected recovery date',
      expectedRecoveryHint: 'Only if it is known.',
      expectedRecoveryBefore: 'The expected recovery date lies after the first sick day.',
      openCase: (name, since) => `An absence report for ${name} is already open since ${since}.`,
      openCaseNoDate: (name) => `An absence report for ${name} is already open.`,
      openCaseHelp: 'Record a change or recovery in that case.',
      openCaseButton: 'Open the current case',
    },
  },
};
