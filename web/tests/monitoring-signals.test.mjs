// Risk signals and development goals of a placement in the portal, and the placement outcomes page; axe on every page.
// Uses the seeded proefplaatsing of Kees Mulder at Bouwbedrijf Van Gils (his own case, which no other test file
// changes): Kees finds it from his home page, the labour expert records a signal (and sees the suggested route and
// follow-up), resolves it and adds a goal; the employer sees the outcomes per employer and per route.
// Needs SW_TEST_ACCOUNTS and a freshly seeded server (tests/web/run.sh).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectNoAxeViolations } from './lib/axe.mjs';
import { baseUrl, launch } from './lib/browser.mjs';
import { login, logout, testAccounts } from './lib/login.mjs';

const accounts = testAccounts();
const skip = !accounts ? 'SW_TEST_ACCOUNTS not set' : !accounts.arbeidsdeskundige || !accounts.werkgever ? 'accounts missing' : false;
const kees = accounts && { email: 'kees.mulder@demo.spoorwijzer.nl', password: accounts.werkgever.password };

function today() {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}

async function waitLoaded(page) {
  await page.getByRole('status').filter({ hasText: /Bezig met laden|Loading/ }).first().waitFor({ state: 'detached' }).catch(() => {});
}

const PLACEMENT = /^Bouwbedrijf Van Gils Etten-Leur: proefplaatsing vanaf/;

describe('risk signals, development goals and placement outcomes', { skip }, () => {
  let b;
  let monitoringUrl;
  before(async () => {
    b = await launch();
  });
  after(async () => b?.close());

  test('the employee reaches the monitoring of his placement from his home page and only reads', async () => {
    const { page } = b;
    await login(page, kees);
    await page.getByRole('heading', { level: 1, name: 'Waar sta ik nu' }).waitFor();
    await page.getByRole('link', { name: 'Begeleiding na je plaatsing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Monitoring van de plaatsing' }).waitFor();
    await page.getByRole('heading', { level: 2, name: PLACEMENT }).waitFor();
    await page.getByRole('heading', { level: 3, name: 'Risicosignalen' }).waitFor();
    await page.getByText(/^Niet verschenen, gezien op/).waitFor();
    await page.getByRole('table', { name: /^Ontwikkeldoelen/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Signaal vastleggen' }).count(), 0, 'the employee does not record signals');
    assert.equal(await page.getByRole('button', { name: 'Doel toevoegen' }).count(), 0);
    monitoringUrl = page.url();
    assert.match(monitoringUrl, /#\/dossiers\/\d+\/monitoring$/);
    await expectNoAxeViolations(page, 'monitoring signals, werknemer');
    await logout(page);
  });

  test('the labour expert records a risk signal, sees the suggested route and follow-up, and resolves it', async () => {
    const { page } = b;
    await login(page, accounts.arbeidsdeskundige);
    await page.goto(monitoringUrl);
    await page.getByRole('heading', { level: 2, name: PLACEMENT }).waitFor();
    await waitLoaded(page);
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Risicosignaal vastleggen' }) });
    // Without a date the form refuses, naming the field.
    await form.getByRole('button', { name: 'Signaal vastleggen' }).click();
    await form.getByRole('link', { name: /Vul de datum in waarop het signaal is gezien/ }).waitFor();
    await form.getByLabel('Soort signaal').selectOption('uren_boven_belastbaarheid');
    await form.getByLabel('Gezien op').fill(today());
    await form.getByLabel(/^Toelichting/).fill('Werkt structureel 30 uur in plaats van 24.');
    await form.getByRole('button', { name: 'Signaal vastleggen' }).click();
    await form.getByText(/^Het signaal is vastgelegd\. Voorgestelde interventie: Baanherontwerp; opvolgen op /).waitFor();
    const item = page.getByRole('listitem').filter({ hasText: /^Uren boven de belastbaarheid, gezien op/ });
    await item.waitFor();
    assert.match(await item.innerText(), /Werkt structureel 30 uur in plaats van 24\.[\s\S]*Voorgestelde interventie: Baanherontwerp\. Opvolgen op /);
    await expectNoAxeViolations(page, 'monitoring signals, arbeidsdeskundige');
    await item.getByRole('button', { name: 'Markeer uren boven de belastbaarheid als afgehandeld' }).click();
    await item.getByText(/Afgehandeld op /).waitFor();
    assert.equal(await item.getByRole('button').count(), 0);
  });

  test('the labour expert adds a development goal: goal, reached, what was done by whom, what to take forward', async () => {
    const { page } = b;
    const form = page.locator('form').filter({ has: page.getByRole('heading', { name: 'Ontwikkeldoel toevoegen' }) });
    await form.getByRole('button', { name: 'Doel toevoegen' }).click();
    await form.getByRole('link', { name: 'Vul het doel in.' }).waitFor();
    await form.getByLabel('Doel', { exact: true }).fill('Werkdagen van maximaal vijf uur volhouden.');
    await form.getByLabel('Route').selectOption('vitalisering');
    await form.getByLabel(/^Bereikt\?/).selectOption('ja');
    await form.getByLabel('Wat is gedaan').fill('Dagritme met vaste pauzes');
    await form.getByLabel('Door wie').fill('Kees en de uitvoerder');
    await form.getByLabel('Wat nemen we mee').fill('Pauzes ook in drukke weken');
    await form.getByRole('button', { name: 'Doel toevoegen' }).click();
    await form.getByText('Het ontwikkeldoel is toegevoegd.').waitFor();
    const table = page.getByRole('table', { name: /^Ontwikkeldoelen/ });
    const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Werkdagen van maximaal vijf uur volhouden.' }) });
    await row.waitFor();
    assert.deepEqual(
      (await row.getByRole('cell').allInnerTexts()).map((s) => s.trim()),
      ['Vitaliseringsroute', 'Ja', 'Dagritme met vaste pauzes — Kees en de uitvoerder', 'Pauzes ook in drukke weken'],
    );
    await expectNoAxeViolations(page, 'monitoring goals, arbeidsdeskundige');
    await logout(page);
  });

  test('the employer sees the placement outcomes per employer and per route, as a chart and a table', async () => {
    const { page } = b;
    await login(page, accounts.werkgever);
    await page.getByRole('link', { name: 'Statistiek', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Verzuimstatistiek' }).waitFor();
    await page.getByRole('link', { name: 'Uitkomsten van plaatsingen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Uitkomsten van plaatsingen' }).waitFor();
    await waitLoaded(page);
    const byEmployer = page.getByRole('table', { name: 'Uitkomsten van plaatsingen per werkgever' });
    await byEmployer.waitFor();
    const total = byEmployer.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Totaal' }) });
    const cells = (await total.getByRole('cell').allInnerTexts()).map((s) => s.trim());
    assert.equal(cells[0], '1', 'one placement in monitoring');
    assert.equal(cells[1], '1', 'still running');
    await page.getByRole('img', { name: /^Staafdiagram van plaatsingen per groep die 12 maanden duurden/ }).waitFor();
    await page.getByLabel('Indelen naar').selectOption('route');
    const byRoute = page.getByRole('table', { name: 'Uitkomsten van plaatsingen per route van de ontwikkeldoelen' });
    await byRoute.waitFor();
    // The caption can change before the regrouped rows arrive: wait for them.
    for (const route of ['Ontwikkelroute', 'Vitaliseringsroute']) {
      await byRoute.getByRole('rowheader', { name: route, exact: true }).first().waitFor();
      assert.equal(await byRoute.getByRole('rowheader', { name: route, exact: true }).count(), 1, route);
    }
    await expectNoAxeViolations(page, 'placement outcomes');
    await logout(page);
  });
});
