// The zoekprofiel form of a case: the arbeidsdeskundige reaches it from the case page of Sanne (demo case 4, no
// zoekprofiel yet), is told what is missing, fills it in and saves version 1; Sanne then finds it from her own
// home and changes it (version 2). axe on every state.
// Writes to the database: run against a freshly seeded server (tests/web/run.sh); case 4 gets a zoekprofiel.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectNoAxeViolations } from './lib/axe.mjs';
import { baseUrl, launch } from './lib/browser.mjs';
import { login, logout, testAccounts } from './lib/login.mjs';

const accounts = testAccounts();
const CASE = 4;
const LINK = 'Zoekprofiel: wat de werknemer kan en zoekt';

async function endpointMissing() {
  try {
    const res = await fetch(`${baseUrl()}/api/v1/cases/${CASE}/zoekprofiel`, { headers: { Accept: 'application/json' } });
    return res.status === 404 ? 'GET /api/v1/cases/{id}/zoekprofiel is not on this server (404)' : false;
  } catch (e) {
    return `server not reachable: ${e.message}`;
  }
}
const roles = ['werknemer', 'arbeidsdeskundige'];
const skip = !accounts ? 'SW_TEST_ACCOUNTS not set' : roles.some((r) => !accounts[r]) ? 'accounts missing' : await endpointMissing();

async function waitLoaded(page) {
  await page.getByRole('status').filter({ hasText: /Bezig met laden|Loading/ }).first().waitFor({ state: 'detached' }).catch(() => {});
}

async function openForm(page) {
  await page.getByRole('link', { name: LINK }).click();
  await page.getByRole('heading', { level: 1, name: 'Zoekprofiel' }).waitFor();
  await waitLoaded(page);
  await page.getByRole('button', { name: 'Zoekprofiel opslaan' }).waitFor();
}

describe('zoekprofiel form', { skip }, () => {
  let b;
  before(async () => {
    b = await launch();
  });
  after(async () => b?.close());

  test('the arbeidsdeskundige fills in a new zoekprofiel', async () => {
    const { page } = b;
    await login(page, accounts.arbeidsdeskundige);
    await page.goto(`${baseUrl()}/#/dossiers/${CASE}`);
    await page.getByRole('heading', { level: 1, name: /^Dossier van / }).waitFor();
    await openForm(page);
    await page.getByText('Er is nog geen zoekprofiel. Vul het hieronder in.').waitFor();
    await expectNoAxeViolations(page, 'empty zoekprofiel form');

    // Nothing filled in: the summary names what is missing, nothing is saved.
    await page.getByRole('button', { name: 'Zoekprofiel opslaan' }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    const text = await summary.innerText();
    assert.match(text, /Vul de postcode in/);
    assert.match(text, /Vul een aantal uren in/);
    await expectNoAxeViolations(page, 'zoekprofiel form with errors');

    await page.getByLabel('Tillen en dragen').selectOption({ label: 'Licht' });
    await page.getByLabel('Beeldschermwerk').selectOption({ label: 'Zwaar' });
    await page.getByLabel('Proefplaatsing').check();
    await page.getByLabel('Uren per week, minimaal').fill('12');
    await page.getByLabel('Uren per week, maximaal').fill('24');
    await page.getByLabel('Reisafstand in kilometers').fill('30');
    await page.getByLabel('Postcode (woonplaats)').fill('4811 NP');
    await page.getByLabel('Vaste werktijden').check();
    await page.getByLabel('administratie', { exact: true }).check();
    await page.getByLabel('Zorg en welzijn').check();
    await page.getByLabel('Beroepsrichting').fill('administratief');
    await page.getByRole('button', { name: 'Zoekprofiel opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Het zoekprofiel is opgeslagen (versie 1).' }).waitFor();

    // Read back from the server: a fresh load shows what was saved.
    await page.reload();
    await page.getByText('Versie 1 van het zoekprofiel.').waitFor();
    assert.equal(await page.getByLabel('Tillen en dragen').inputValue(), '1');
    assert.equal(await page.getByLabel('Nachtdiensten').inputValue(), '', 'left unknown');
    assert.equal(await page.getByLabel('Uren per week, maximaal').inputValue(), '24');
    assert.ok(await page.getByLabel('Zorg en welzijn').isChecked());
    assert.ok(!(await page.getByLabel('Bouw', { exact: true }).isChecked()));
    await expectNoAxeViolations(page, 'saved zoekprofiel');
    assert.deepEqual(b.problems, [], 'no JavaScript errors');
  });

  test('the employee finds it from her home and changes it', async () => {
    const { page } = b;
    await logout(page);
    await login(page, accounts.werknemer);
    await openForm(page);
    await page.getByText('Versie 1 van het zoekprofiel.').waitFor();
    const hours = page.getByLabel('Uren per week, maximaal');
    assert.equal(await hours.inputValue(), '24');
    await hours.fill('8');
    await page.getByRole('button', { name: 'Zoekprofiel opslaan' }).click();
    await page.getByRole('alert').filter({ hasText: /het minimum is niet hoger dan het maximum/ }).first().waitFor();
    await hours.fill('20');
    await page.getByRole('button', { name: 'Zoekprofiel opslaan' }).click();
    await page.getByRole('status').filter({ hasText: 'Het zoekprofiel is opgeslagen (versie 2).' }).waitFor();
    await expectNoAxeViolations(page, 'zoekprofiel saved by the employee');
    assert.deepEqual(b.problems, [], 'no JavaScript errors');
  });
});
