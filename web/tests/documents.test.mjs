// The dossier documents end to end against the real server (tests/web/run.sh):
// the bedrijfsarts records a probleemanalyse and its timeline step is done;
// the werkgever records a plan van aanpak and a bijstelling, whose diff is
// shown; the werknemer agrees with the newest version. The plan van aanpak
// steps run in order (one describe block each, in file order). Every page
// on the way is checked with axe.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectNoAxeViolations } from './lib/axe.mjs';
import { launch } from './lib/browser.mjs';
import { login, testAccounts } from './lib/login.mjs';

const accounts = testAccounts();
const skip = (role) => (!accounts ? 'SW_TEST_ACCOUNTS not set' : !accounts[role] ? `no ${role} account in SW_TEST_ACCOUNTS` : false);
const DOCS = 'Documenten en vastgelegde stappen';

async function waitLoaded(page) {
  await page.getByRole('status').filter({ hasText: /Bezig met laden|Loading/ }).first().waitFor({ state: 'detached' }).catch(() => {});
}

async function asRole(role, fn) {
  const b = await launch();
  try {
    await login(b.page, accounts[role]);
    await waitLoaded(b.page);
    await fn(b.page);
    assert.deepEqual(b.problems, [], 'no JavaScript errors');
  } finally {
    await b.close();
  }
}

async function openDocuments(page, employee) {
  if (employee) {
    await page.getByRole('table').getByRole('link', { name: employee, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: `Dossier van ${employee}` }).waitFor();
    await waitLoaded(page);
  }
  await page.getByRole('link', { name: DOCS, exact: true }).first().click();
  await page.getByRole('heading', { level: 1, name: DOCS }).waitFor();
  await waitLoaded(page);
}

describe('bedrijfsarts: probleemanalyse', { skip: skip('bedrijfsarts') }, () => {
  test('is recorded through the form and completes its timeline step', () =>
    asRole('bedrijfsarts', async (page) => {
      await openDocuments(page, 'Daan Bakker');
      const form = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Probleemanalyse (functioneel deel) vastleggen' }) });
      await form.getByRole('button', { name: 'Vastleggen' }).click();
      await page.getByRole('alert').filter({ hasText: 'Er is een probleem' }).waitFor();
      assert.equal(await page.locator('#probleemanalyse-beperkingen').getAttribute('aria-invalid'), 'true');
      await expectNoAxeViolations(page, 'bedrijfsarts documents (errors)');
      await page.locator('#probleemanalyse-beperkingen').fill('Niet langer dan 2 uur achter elkaar staan; niet zwaar tillen.');
      await page.locator('#probleemanalyse-mogelijkheden').fill('Zittend werk, halve dagen.');
      await page.locator('#probleemanalyse-verwachte_duur').selectOption('1_tot_3_maanden');
      await page.locator('#probleemanalyse-verwachting_terugkeer').selectOption('gedeeltelijk');
      await page.locator('#probleemanalyse-advies').fill('Start met 4 uur per dag in aangepast werk; over 3 weken opbouwen.');
      await form.getByRole('button', { name: 'Vastleggen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Probleemanalyse (functioneel deel)' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Het document is vastgelegd.' }).waitFor();
      await waitLoaded(page);
      const v1 = page.locator('article.sw-version');
      assert.equal(await v1.count(), 1);
      assert.match(await v1.innerText(), /Verwachte duur van het verzuim\s+1 tot 3 maanden/);
      assert.match(await v1.innerText(), /Door Fatima El Amrani \(bedrijfsarts\)/);
      await expectNoAxeViolations(page, 'bedrijfsarts probleemanalyse');
      // The step is done in the timeline of the case.
      await page.getByRole('link', { name: 'Terug naar de documenten' }).click();
      await page.getByRole('heading', { level: 1, name: DOCS }).waitFor();
      await page.getByRole('link', { name: 'Terug naar het dossier' }).click();
      await page.getByRole('heading', { level: 1, name: 'Dossier van Daan Bakker' }).waitFor();
      await waitLoaded(page);
      const step = page.locator('ol.sw-timeline li', { has: page.getByRole('heading', { level: 3, name: /Probleemanalyse$/ }) });
      assert.match(await step.innerText(), /Gedaan/);
    }));
});

const activities = 'Werkplekonderzoek; aangepast rooster van 4 uur per dag.';

describe('werkgever: plan van aanpak', { skip: skip('werkgever') }, () => {
  test('is recorded, then revised; the diff shows what changed', () =>
    asRole('werkgever', async (page) => {
      await openDocuments(page, 'Sanne de Vries');
      const form = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Plan van aanpak vastleggen' }) });
      await page.locator('#plan_van_aanpak-doel').fill('Duurzaam aan het werk, bij voorkeur in ander werk.');
      await page.locator('#plan_van_aanpak-spoor').selectOption('beide');
      await page.locator('#plan_van_aanpak-activiteiten').fill(activities);
      await page.locator('#plan_van_aanpak-termijnen').fill('Binnen 6 weken het arbeidsdeskundig onderzoek.');
      await page.locator('#plan_van_aanpak-evaluatiemomenten').fill('Elke 6 weken en na het eerste jaar.');
      await page.locator('#plan_van_aanpak-casemanager').fill('Mark Janssens');
      await page.locator('#plan_van_aanpak-visie_werkgever').fill('Wij zoeken samen naar passend werk, ook buiten het bedrijf.');
      await page.locator('#plan_van_aanpak-visie_werknemer').fill('Ik wil graag weer aan de slag, liefst dicht bij huis.');
      await form.getByRole('button', { name: 'Vastleggen' }).click();
      await page.getByRole('heading', { level: 1, name: 'Plan van aanpak' }).waitFor();
      await waitLoaded(page);
      assert.match(await page.locator('main').innerText(), /Akkoord werknemer\s+Wacht op akkoord van de werknemer/);

      await page.locator('#plan_van_aanpak-activiteiten').fill(`${activities}\nLoopbaanoriëntatie bij De Brug.`);
      await page.getByRole('button', { name: 'Bijstelling vastleggen' }).click();
      await page.getByRole('alert').filter({ hasText: 'Er is een probleem' }).waitFor();
      await page.locator('#plan_van_aanpak-aanleiding_bijstelling').fill('Terugkeer in het eigen werk is onwaarschijnlijk.');
      await page.getByRole('button', { name: 'Bijstelling vastleggen' }).click();
      await page.getByRole('status').filter({ hasText: 'De bijstelling is vastgelegd als nieuwe versie.' }).waitFor();
      const diff = page.locator('section.sw-diff');
      await diff.getByRole('heading', { level: 2, name: 'Wat is er veranderd van versie 1 naar 2' }).waitFor();
      assert.match(await diff.innerText(), /Activiteiten \(gewijzigd\)/);
      assert.match(await diff.locator('ins').first().innerText(), /Loopbaanoriëntatie bij De Brug/);
      await page.locator('article.sw-version').nth(1).waitFor();
      assert.equal(await page.locator('article.sw-version').count(), 2);
      await expectNoAxeViolations(page, 'werkgever plan van aanpak (revised)');
    }));
});

describe('werknemer: plan van aanpak', { skip: skip('werknemer') }, () => {
  test('the employee agrees with the newest version', () =>
    asRole('werknemer', async (page) => {
      await openDocuments(page);
      await page.getByRole('table').getByRole('link', { name: 'Plan van aanpak', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Plan van aanpak' }).waitFor();
      await waitLoaded(page);
      const agree = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Ben je het eens met dit plan?' }) });
      await agree.getByRole('button', { name: 'Niet akkoord' }).click();
      await page.getByRole('alert').filter({ hasText: 'Schrijf waarom je niet akkoord gaat.' }).waitFor();
      await expectNoAxeViolations(page, 'werknemer plan van aanpak (error)');
      await agree.getByRole('button', { name: 'Akkoord', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Je antwoord is vastgelegd.' }).waitFor();
      // The page reloads the document: the question goes once the answer is in.
      await page.getByRole('heading', { level: 2, name: 'Ben je het eens met dit plan?' }).waitFor({ state: 'detached' });
      assert.match(await page.locator('main').innerText(), /Akkoord werknemer\s+Akkoord op /);
      await expectNoAxeViolations(page, 'werknemer plan van aanpak (agreed)');
    }));
});
