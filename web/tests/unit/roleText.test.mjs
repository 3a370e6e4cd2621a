// Unit test of the step texts per viewer (src/lib/roleText.ts with the Dutch
// and English tables of src/i18n/*-files.ts), compiled with Vite's esbuild
// transform; no server, no browser.
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { transformWithEsbuild } from 'vite';

let dir;
let rt;
let nl;
let en;
async function load(rel, name) {
  const src = new URL(`../../src/${rel}`, import.meta.url);
  const out = await transformWithEsbuild(await readFile(src, 'utf8'), name, { format: 'esm', target: 'node20' });
  const file = join(dir, name.replace(/\.ts$/, '.mjs'));
  await writeFile(file, out.code);
  return import(pathToFileURL(file).href);
}
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sw-unit-'));
  rt = await load('lib/roleText.ts', 'roleText.ts');
  nl = (await load('i18n/nl-files.ts', 'nl-files.ts')).nlFiles.roleSteps;
  en = (await load('i18n/en-files.ts', 'en-files.ts')).enFiles.roleSteps;
});
after(async () => {
  await rm(dir, { recursive: true, force: true });
});

const v = { name: 'Sanne', due: '14 december 2026' };
const CODES = [
  'ziekmelding_arbodienst', 'probleemanalyse', 'plan_van_aanpak', 'voortgangsgesprek', 'melding_uwv',
  'eerstejaarsevaluatie', 'start_tweede_spoor', 're_integratieverslag', 'wia_aanvraag',
  'beslissing_loonsanctie', 'einde_wachttijd', 'arbeidsdeskundig_onderzoek', 'orientatie_tweede_spoor',
];
const AUDIENCES = ['werknemer', 'werkgever', 'bedrijfsarts', 'arbeidsdeskundige', 'anderen'];

test('the 42-week melding: the casemanager is told to act, the werknemer is told what the employer does', () => {
  assert.equal(rt.stepText(nl, 'melding_uwv', 'werkgever', v).title, 'Meld Sanne uiterlijk 14 december 2026 bij UWV');
  assert.equal(rt.stepText(nl, 'melding_uwv', 'werknemer', v).title, 'Je werkgever meldt je uiterlijk 14 december 2026 bij UWV');
  assert.equal(rt.stepText(nl, 'melding_uwv', 'bedrijfsarts', v).title, 'De werkgever meldt Sanne uiterlijk 14 december 2026 bij UWV');
  assert.equal(rt.stepText(en, 'melding_uwv', 'werkgever', v).title, 'Report Sanne to UWV by 14 december 2026');
});

test('"kopie voor jou" and "je werkgever" are for the werknemer only', () => {
  for (const code of CODES)
    for (const a of ['werkgever', 'bedrijfsarts', 'arbeidsdeskundige', 'anderen']) {
      const s = rt.stepText(nl, code, a, v);
      const all = `${s.name} ${s.title} ${s.hint}`;
      assert.doesNotMatch(all, /voor jou|je werkgever|jouw|\bjij\b/i, `${code} for ${a}: ${all}`);
    }
  assert.equal(rt.stepText(nl, 're_integratieverslag', 'werknemer', v).name, 'Re-integratieverslag klaar, kopie voor jou');
  assert.equal(rt.stepText(nl, 're_integratieverslag', 'werkgever', v).name, 'Re-integratieverslag klaar');
});

test('the one who acts reads an imperative: bedrijfsarts, arbeidsdeskundige', () => {
  assert.equal(rt.stepText(nl, 'probleemanalyse', 'bedrijfsarts', v).title, 'Maak uiterlijk 14 december 2026 de probleemanalyse van Sanne');
  assert.match(rt.stepText(nl, 'arbeidsdeskundig_onderzoek', 'arbeidsdeskundige', v).title, /^Rond uiterlijk/);
  assert.match(rt.stepText(nl, 'probleemanalyse', 'arbeidsdeskundige', v).title, /^De bedrijfsarts maakt/);
});

test('every code has a name, a sentence with the date and a hint for every audience, in both languages', () => {
  for (const table of [nl, en])
    for (const code of CODES)
      for (const a of AUDIENCES) {
        const s = rt.stepText(table, code, a, v);
        assert.ok(s && s.name && s.hint, `${code} ${a}`);
        assert.ok(s.title.includes(v.due), `${code} ${a}: ${s.title}`);
        if (a !== 'werknemer') assert.ok(s.title.includes('Sanne') || /^(Meld|Maak|Rond|Start|Zet|Bespreek|Kijk|Report|Make|Finish|Start|Arrange|Discuss|Look|Complete)\b/.test(s.title), `${code} ${a}: ${s.title}`);
      }
  assert.deepEqual(Object.keys(nl).sort(), Object.keys(en).sort());
});

test('audience: the own case wins, the case role werkgever is the casemanager, the rest read the neutral text', () => {
  assert.equal(rt.audienceOf(['werkgever', 'werknemer']), 'werknemer');
  assert.equal(rt.audienceOf(['werkgever']), 'werkgever');
  assert.equal(rt.audienceOf(['bedrijfsarts']), 'bedrijfsarts');
  assert.equal(rt.audienceOf(['re-integratieprofessional']), 'anderen');
  assert.equal(rt.audienceOf([]), 'anderen');
});

test('unknown codes give null (the caller shows the server title); first names', () => {
  assert.equal(rt.stepText(nl, 'toString', 'werkgever', v), null);
  assert.equal(rt.stepText(nl, 'bestaat_niet', 'werkgever', v), null);
  assert.equal(rt.firstName('  Sanne de Vries '), 'Sanne');
  assert.equal(rt.firstName('Eef'), 'Eef');
});
