/*
 * Step texts per viewer: the same Poortwachter step reads differently for the
 * werknemer ("Je werkgever meldt je uiterlijk 14 december bij UWV"), the
 * employer's casemanager ("Meld Sanne uiterlijk 14 december bij UWV") and the
 * professionals. Pure: the tables come from i18n/nl-files.ts and en-files.ts,
 * so this file has no runtime imports and is unit tested on its own.
 */

/** Who reads the text. The employer's casemanager has the case role 'werkgever'. */
export type Audience = 'werknemer' | 'werkgever' | 'bedrijfsarts' | 'arbeidsdeskundige' | 'anderen';

/** What a text may name: the employee's first name and the formatted due date. */
export interface StepVars {
  name: string;
  due: string;
}

/** One step for one audience: a short name, the sentence with date, the explanation. */
export interface StepPhrase {
  name: string;
  title: (v: StepVars) => string;
  hint: string;
}

/** Per step code the texts for 'anderen' and, where they read differently, for others. */
export type StepTable = Record<string, Partial<Record<Audience, StepPhrase>> & { anderen: StepPhrase }>;

export interface StepText {
  name: string;
  title: string;
  hint: string;
}

/*
 * The audience of a viewer with these case roles. The own case wins: an
 * employee who is also a casemanager elsewhere still reads "je" on their own.
 */
const ORDER: readonly Audience[] = ['werknemer', 'werkgever', 'bedrijfsarts', 'arbeidsdeskundige'];

export function audienceOf(roles: readonly string[]): Audience {
  return ORDER.find((a) => roles.includes(a)) ?? 'anderen';
}

/** The employee's first name, as the employer calls them in a sentence. */
export function firstName(full: string): string {
  const n = full.trim().split(/\s+/)[0];
  return n || full;
}

/**
 * The texts of step code for the audience, or null for an unknown code (the
 * caller falls back to the server's title). The professionals without their
 * own row read the neutral third-person 'anderen' text.
 */
export function stepText(table: StepTable, code: string, audience: Audience, vars: StepVars): StepText | null {
  const row = Object.prototype.hasOwnProperty.call(table, code) ? table[code] : undefined;
  if (!row) return null;
  const p = row[audience] ?? row.anderen;
  return { name: p.name, title: p.title(vars), hint: p.hint };
}
