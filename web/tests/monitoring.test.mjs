// Placement monitoring from T0 to T1 in the portal, answered by all three perspectives (each logs in and answers
// its own), the answers side by side, and the employer's absence statistics with its chart; axe on every page.
// Needs SW_TEST_ACCOUNTS and a freshly seeded server (tests/web/run.sh): it adds a placement to case 4 (Sanne).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectNoAxeViolations } from './lib/axe.mjs';
import { baseUrl, launch } from './lib/browser.mjs';
import { login, logout, testAccounts } from './lib/login.mjs';

const accounts = testAccounts();
const CASE = 4;

async function endpointMissing() {
  try {
    const res = await fetch(`${baseUrl()}/api/v1/cases/${CASE}/placements`, { headers: { Accept: 'application/json' } });
    return res.status === 404 ? 'placement monitoring is not on this server (404)' : false;
  } catch (e) {
    return `server not reachable: ${e.message}`;
  }
}
const roles = ['werknemer', 'werkgever', 'arbeidsdeskundige'];
const skip = !accounts ? 'SW_TEST_ACCOUNTS not set' : roles.some((r) => !accounts[r]) ? 'accounts missing' : await endpointMissing();

/** Today a year ago in Amsterdam, so that T0 is late and T1 is due today. */
function aYearAgo() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  const [y, m, d] = parts.split('-');
  return `${Number(y) - 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
}

async function waitLoaded(page) {
  await page.getByRole('status').filter({ hasText: /Bezig met laden|Loading/ }).first().waitFor({ state: 'detached' }).catch(() => {});
}

async function openMonitoring(page) {
  await page.goto(`${baseUrl()}/#/dossiers/${CASE}/monitoring`);
  await page.getByRole('heading', { level: 1, name: 'Monitoring van de plaatsing' }).waitFor();
  await waitLoaded(page);
  await page.getByRole('heading', { level: 2, name: /^Kringloop Breda/ }).waitFor();
}

const FACTORS = ['Werknemersvaardigheden', 'Werkgeversvaardigheden', 'Passend werk', 'Begeleid werk', 'Zinvol werk', 'Breed gedragen werk', 'Gesubsidieerd werk'];

/** Answers one moment's form with `score` everywhere, n.v.t. for the subsidy. */
async function answer(page, moment, score) {
  const form = page.locator('form').filter({ has: page.getByRole('heading', { name: `Jouw antwoorden op ${moment}` }) });
  await form.waitFor();
  for (const f of FACTORS) {
    await form.getByLabel(`${f} (1 tot en met 5)`).selectOption(f === 'Gesubsidieerd werk' ? 'nvt' : String(score));
  }
  await form.getByRole('button', { name: `Vragenlijst ${moment} versturen` }).click();
  await form.waitFor({ state: 'detached' });
}

/** The row of a factor in the side-by-side table of a moment: [werknemer, werkgever, arbeidsdeskundige]. */
async function row(page, moment, factor) {
  const table = page.getByRole('table', { name: `Antwoorden op ${moment} naast elkaar (score 1 = slecht, 5 = goed)` });
  const r = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: factor, exact: true }) });
  return (await r.getByRole('cell').allInnerTexts()).map((s) => s.trim());
}

describe('monitoring T0 -> T1 with three perspectives', { skip }, () => {
  let b;
  before(async () => {
    b = await launch();
  });
  after(async () => b?.close());

  test('the employer adds the placement and answers T0 and T1 as werkgever', async () => {
    const { page } = b;
    await login(page, accounts.werkgever);
    await page.goto(`${baseUrl()}/#/dossiers/${CASE}/monitoring`);
    await page.getByRole('heading', { level: 1, name: 'Monitoring van de plaatsing' }).waitFor();
    await waitLoaded(page);
    await page.getByText('Er is nog geen plaatsing in monitoring.').waitFor();
    await page.getByLabel('Werkgever van de plaatsing').fill('Kringloop Breda');
    await page.getByLabel('Eerste dag').fill(aYearAgo());
    await page.getByRole('button', { name: 'Plaatsing toevoegen' }).click();
    await page.getByRole('heading', { level: 2, name: /^Kringloop Breda: detachering vanaf/ }).waitFor();
    await expectNoAxeViolations(page, 'monitoring, werkgever');
    assert.match(await page.locator('main').innerText(), /Werkgever: Te laat/);
    await answer(page, 'T0', 4);
    await answer(page, 'T1', 4);
    assert.deepEqual(await row(page, 'T1', 'Passend werk'), ['–', '4', '–']);
    await logout(page);
  });

  test('the employee answers only as werknemer', async () => {
    const { page } = b;
    await login(page, accounts.werknemer);
    await openMonitoring(page);
    await answer(page, 'T0', 3);
    await answer(page, 'T1', 5);
    assert.equal(await page.getByRole('heading', { name: /^Jouw antwoorden/ }).count(), 0);
    await expectNoAxeViolations(page, 'monitoring, werknemer');
    await logout(page);
  });

  test('the labour expert answers; the three perspectives side by side', async () => {
    const { page } = b;
    await login(page, accounts.arbeidsdeskundige);
    await openMonitoring(page);
    await answer(page, 'T0', 2);
    await answer(page, 'T1', 3);
    assert.deepEqual(await row(page, 'T0', 'Passend werk'), ['3', '4', '2']);
    assert.deepEqual(await row(page, 'T1', 'Passend werk'), ['5', '4', '3']);
    assert.deepEqual(await row(page, 'T1', 'Gesubsidieerd werk'), ['n.v.t.', 'n.v.t.', 'n.v.t.']);
    const text = await page.locator('main').innerText();
    assert.match(text, /Werknemer: Ingevuld/);
    assert.match(text, /Arbeidsdeskundige: Ingevuld/);
    assert.doesNotMatch(text, /Te laat|Nu invullen/);
    await expectNoAxeViolations(page, 'monitoring, arbeidsdeskundige');
    await logout(page);
  });

  test('the employer sees the absence statistics with a chart and a table', async () => {
    const { page } = b;
    await login(page, accounts.werkgever);
    await page.getByRole('link', { name: 'Statistiek', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Verzuimstatistiek' }).waitFor();
    await waitLoaded(page);
    await page.getByRole('heading', { level: 2, name: 'Kerncijfers' }).waitFor();
    const chart = page.getByRole('img', { name: /^Staafdiagram van het verzuimpercentage per duurklasse/ });
    await chart.waitFor();
    assert.equal(await page.locator('canvas').count(), 1);
    const table = page.getByRole('table', { name: 'Verzuim naar duur' });
    assert.equal(await table.getByRole('row').count(), 6, 'header and five duration classes');
    assert.match(await page.locator('main').innerText(), /Verzuimpercentage\s*\n?\s*\d+,\d\d%/);
    assert.ok((await page.getByRole('link', { name: 'Download als CSV (Excel)' }).getAttribute('href')).includes('/statistics.csv?from='));
    await expectNoAxeViolations(page, 'statistics');
    await logout(page);
  });
});
