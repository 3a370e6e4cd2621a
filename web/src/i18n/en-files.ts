/*
 * English texts of the files in the portal and the step texts per viewer.
 * Same shape as nl-files.ts. Type imports only.
 */
import type { StepPhrase, StepTable, StepVars } from '../lib/roleText';

type V = StepVars;
const p = (name: string, title: (v: V) => string, hint: string): StepPhrase => ({ name, title, hint });

const roleSteps: StepTable = {
  ziekmelding_arbodienst: {
    werknemer: p('Sick report to the occupational health service', (v) => `Your employer reports you sick to the occupational health service by ${v.due}`, 'Your employer reports you sick to the company doctor or the occupational health service. You do not need to do anything.'),
    werkgever: p('Sick report to the occupational health service', (v) => `Report ${v.name} sick to the occupational health service by ${v.due}`, 'Report the sickness to the company doctor or the occupational health service within the first week. Do not pass on medical data.'),
    anderen: p('Sick report to the occupational health service', (v) => `The employer reports ${v.name} sick by ${v.due}`, 'The employer reports the sickness to the company doctor within the first week.'),
  },
  probleemanalyse: {
    werknemer: p('Problem analysis', (v) => `The company doctor makes a problem analysis with you by ${v.due}`, 'The company doctor discusses why you cannot work now and what you can still do. Your employer only hears what you can and cannot do, not what you have.'),
    werkgever: p('Problem analysis', (v) => `The company doctor makes the problem analysis of ${v.name} by ${v.due}`, 'The company doctor describes what the employee can and cannot do and the chance of recovery. You only get the functional part, no diagnosis.'),
    bedrijfsarts: p('Problem analysis', (v) => `Make the problem analysis of ${v.name} by ${v.due}`, 'Describe why work does not go now, what is possible and the chance of recovery. The employer reads only the functional part.'),
    anderen: p('Problem analysis', (v) => `The company doctor makes the problem analysis of ${v.name} by ${v.due}`, 'The company doctor describes what the employee can and cannot do.'),
  },
  plan_van_aanpak: {
    werknemer: p('Plan of action', (v) => `Make the plan of action with your employer by ${v.due}`, 'You and your employer agree how you get back to work. Your own vision belongs in it. You only agree when it is right.'),
    werkgever: p('Plan of action', (v) => `Make the plan of action with ${v.name} by ${v.due}`, 'Agree together what you do, with which goal and when you discuss it. The employee writes their own vision and agrees, or not.'),
    anderen: p('Plan of action', (v) => `The employer and ${v.name} make the plan of action by ${v.due}`, 'Employer and employee agree how the employee gets back to work.'),
  },
  voortgangsgesprek: {
    werknemer: p('Progress meeting', (v) => `Discuss how it goes with your employer by ${v.due}`, 'At least every 6 weeks you discuss with your employer how it goes and whether the plan of action must change.'),
    werkgever: p('Progress meeting', (v) => `Discuss how it goes with ${v.name} by ${v.due}`, 'At least every 6 weeks: a short report of the meeting and the agreements.'),
    anderen: p('Progress meeting', (v) => `The employer discusses progress with ${v.name} by ${v.due}`, 'At least every 6 weeks employer and employee discuss progress.'),
  },
  melding_uwv: {
    werknemer: p('Sick report to UWV (week 42)', (v) => `Your employer reports you to UWV by ${v.due}`, 'Your employer tells UWV that you have been sick for 42 weeks. You get a copy and then information from UWV.'),
    werkgever: p('Sick report to UWV (week 42)', (v) => `Report ${v.name} to UWV by ${v.due}`, 'Report the long-term sick employee to UWV and give the employee a copy. The data sheet under files helps.'),
    anderen: p('Sick report to UWV (week 42)', (v) => `The employer reports ${v.name} to UWV by ${v.due}`, 'The employer tells UWV the employee has been sick for 42 weeks.'),
  },
  eerstejaarsevaluatie: {
    werknemer: p('First-year evaluation', (v) => `Look back on the first year with your employer by ${v.due}`, 'You and your employer look back on the first year and agree the goal for the second year: track 1, track 2 or both.'),
    werkgever: p('First-year evaluation', (v) => `Look back on the first year with ${v.name} by ${v.due}`, 'Record the goal for the second year: track 1, track 2 or both.'),
    anderen: p('First-year evaluation', (v) => `The employer and ${v.name} look back on the first year by ${v.due}`, 'Employer and employee record the goal for the second year.'),
  },
  start_tweede_spoor: {
    werknemer: p('Start second track', (v) => `The search for work with another employer starts by ${v.due}`, 'If return to your own employer does not work, the search for work elsewhere starts now at the latest.'),
    werkgever: p('Start second track', (v) => `Start the second track for ${v.name} by ${v.due}`, 'If return in your own company does not work, engage a reintegration agency or the network.'),
    anderen: p('Start second track', (v) => `The second track for ${v.name} starts by ${v.due}`, 'If return to the own employer does not work, the search for work elsewhere starts.'),
  },
  re_integratieverslag: {
    werknemer: p('Reintegration report ready, copy for you', (v) => `Your employer gives you a copy of the reintegration report by ${v.due}`, 'Your employer completes the reintegration report and gives you a copy. You may add your own opinion.'),
    werkgever: p('Reintegration report ready', (v) => `Complete the reintegration report of ${v.name} and give a copy by ${v.due}`, 'Complete the reintegration report and give the employee a copy; they may add their opinion. The report is under files.'),
    anderen: p('Reintegration report ready', (v) => `The employer completes the reintegration report of ${v.name} by ${v.due}`, 'The employer completes the report and gives the employee a copy.'),
  },
  wia_aanvraag: {
    werknemer: p('Apply for WIA benefit', (v) => `Apply to UWV for a WIA benefit by ${v.due}`, 'You apply to UWV for a WIA benefit. You send the "Medical information" form to UWV yourself, not through your employer.'),
    werkgever: p('WIA application', (v) => `${v.name} applies for a WIA benefit by ${v.due}`, 'The employee applies for the WIA benefit themselves. Medical information does not go through you.'),
    anderen: p('WIA application', (v) => `${v.name} applies for a WIA benefit by ${v.due}`, 'The employee applies to UWV themselves.'),
  },
  beslissing_loonsanctie: {
    werknemer: p('Last date of the UWV wage sanction decision', (v) => `UWV decides by ${v.due} whether your employer did enough`, 'By this day UWV decides whether your employer did enough for your reintegration. If not, your employer pays your wages longer.'),
    werkgever: p('Last date of the UWV wage sanction decision', (v) => `UWV decides on a wage sanction for ${v.name} by ${v.due}`, 'UWV checks whether you did enough for the reintegration. If not, you pay wages longer (wage sanction).'),
    anderen: p('Last date of the UWV wage sanction decision', (v) => `UWV decides on a wage sanction by ${v.due} (${v.name})`, 'UWV checks whether the employer did enough.'),
  },
  einde_wachttijd: {
    werknemer: p('End of the waiting period (104 weeks)', (v) => `Your waiting period of 104 weeks ends on ${v.due}`, 'The waiting period of 104 weeks is over. Then a WIA benefit can start.'),
    anderen: p('End of the waiting period (104 weeks)', (v) => `The waiting period of ${v.name} ends on ${v.due}`, 'After 104 weeks wage payment ends; a WIA benefit can start.'),
  },
  arbeidsdeskundig_onderzoek: {
    werknemer: p('Labour expert assessment (second track orientation)', (v) => `A labour expert looks into which work suits you by ${v.due}`, 'Return to your own work seems unlikely. A labour expert looks into which work does suit you.'),
    arbeidsdeskundige: p('Labour expert assessment', (v) => `Finish the labour expert assessment of ${v.name} by ${v.due}`, 'Look into which work suits, with the own employer or elsewhere, and record your report in the dossier.'),
    anderen: p('Labour expert assessment', (v) => `The labour expert looks into which work suits ${v.name} by ${v.due}`, 'Return to the own work seems unlikely; the labour expert looks into which work suits.'),
  },
  orientatie_tweede_spoor: {
    werknemer: p('Start second track orientation', (v) => `Start orienting on other work by ${v.due}`, 'You start orienting on other work, for example with career orientation.'),
    werkgever: p('Start second track orientation', (v) => `Arrange the orientation on other work for ${v.name} by ${v.due}`, 'For example career orientation or help with saying goodbye to the old work.'),
    anderen: p('Start second track orientation', (v) => `The orientation on other work for ${v.name} starts by ${v.due}`, 'For example career orientation.'),
  },
};

export const enFiles = {
  roleSteps,
  files: {
    heading: 'Files',
    intro: 'Download the reports of this dossier or put the deadlines in your calendar.',
    riv: 'Reintegration report (PDF)',
    pva: 'Plan of action (PDF)',
    deadlinesCsv: 'Deadlines (CSV)',
    casesCsv: 'Download all dossiers (CSV)',
    meldingUwv: 'Data sheet UWV sick report, week 42 (PDF)',
    meldingUwvHint: 'Use this data sheet to report the employee to UWV. It holds no medical data.',
    calendarHeading: 'Subscribe in your calendar',
    calendarIntro:
      'With a calendar subscription the deadlines of all your dossiers appear in your own calendar (Outlook, Google, Apple) and stay up to date. Make a link and add it in your calendar as a "subscription" or "calendar from the internet".',
    calendarMake: 'Make a calendar link',
    calendarRemake: 'Make a new calendar link',
    calendarWarning: 'Share this link with nobody: whoever has it sees your deadlines. A new link makes the old one stop working.',
    calendarLabel: 'Calendar link',
    copy: 'Copy the link',
    copied: 'The link is copied.',
    copyFailed: 'Copying does not work. Select the link and copy it yourself.',
    attachments: 'Attachments',
    attachmentsNone: 'There are no attachments yet.',
    attachment: (n: number, type: string, kb: string) => `Attachment ${n} (${type}, ${kb})`,
    upload: 'Add an attachment',
    uploadHint: 'PDF, JPG or PNG, up to 10 MB. Drag the file here or choose it.',
    drop: 'Drag a file here',
    choose: 'Choose a file',
    progress: 'Upload progress',
    uploading: (name: string) => `Uploading ${name}…`,
    uploaded: (name: string) => `${name} has been added.`,
    tooLarge: 'This file is too large: the limit is 10 MB.',
    wrongType: 'Only PDF, JPG or PNG is possible. This file is of another kind or is damaged.',
    uploadFailed: 'The upload did not work. Please try again.',
    empty: 'This file is empty.',
    calendarFailed: 'Making the calendar link did not work. Please try again.',
  },
};
