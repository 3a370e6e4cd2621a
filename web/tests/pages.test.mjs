// Logged-in pages per role, each checked with axe. Needs SW_TEST_ACCOUNTS
// (JSON: role -> {email, password}) for the server at SW_BASE_URL; skips
// without it. Read-only: it submits no data except a login and an empty form.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { expectNoAxeViolations } from './lib/axe.mjs';
import { baseUrl, launch } from './lib/browser.mjs';
import { login, logout, testAccounts } from './lib/login.mjs';

const accounts = testAccounts();

// These pages need the case endpoints. A server without GET /api/v1/cases answers
// 404 for it (with the endpoint, a visitor without session gets 401): then skip.
async function casesMissing() {
  try {
    const res = await fetch(`${baseUrl()}/api/v1/cases`, { headers: { Accept: 'application/json' } });
    return res.status === 404 ? 'GET /api/v1/cases is not on this server yet (404): case pages not testable' : false;
  } catch (e) {
    return `server not reachable: ${e.message}`;
  }
}
const noCases = accounts ? await casesMissing() : false;
const skip = (role) => (!accounts ? 'SW_TEST_ACCOUNTS not set' : !accounts[role] ? `no ${role} account in SW_TEST_ACCOUNTS` : noCases);

async function h1(page) {
  return (await page.getByRole('heading', { level: 1 }).first().innerText()).trim();
}

async function waitLoaded(page) {
  await page.getByRole('status').filter({ hasText: /Bezig met laden|Loading/ }).first().waitFor({ state: 'detached' }).catch(() => {});
}

describe('werknemer', { skip: skip('werknemer') }, () => {
  let b;
  before(async () => {
    b = await launch();
    await login(b.page, accounts.werknemer);
    await waitLoaded(b.page);
  });
  after(async () => b?.close());

  test('home is "Waar sta ik nu" with the journey as an ordered list', async () => {
    const { page } = b;
    assert.equal(await h1(page), 'Waar sta ik nu');
    await page.getByRole('heading', { level: 2, name: 'Wat komt hierna' }).waitFor();
    const timeline = page.locator('ol.sw-timeline');
    await timeline.waitFor();
    const now = timeline.locator('li[aria-current="step"]');
    assert.equal(await now.count(), 1, 'one "you are here" item');
    assert.match(await now.innerText(), /Hier ben je nu: week \d+/);
    assert.ok((await timeline.locator('li h3').count()) >= 10, 'all steps listed');
    // Dutch dates and status words, not only colours.
    assert.match(await timeline.innerText(), /(maandag|dinsdag|woensdag|donderdag|vrijdag) \d{1,2} [a-z]+ \d{4}/);
    assert.match(await timeline.innerText(), /Gepland|Nu aan de beurt|Te laat|Gedaan/);
    await expectNoAxeViolations(page, 'werknemer home');
  });

  for (const [link, title] of [
    ['Documenten en vastgelegde stappen', 'Documenten en vastgelegde stappen'],
    ['Berichten', 'Berichten'],
    ['Toestemmingen', 'Toestemmingen'],
    ['Wie heeft mijn dossier bekeken', 'Wie heeft mijn dossier bekeken'],
  ]) {
    test(`section "${title}" opens and has no axe violations`, async () => {
      const { page } = b;
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      await waitLoaded(page);
      assert.equal(await page.evaluate(() => document.activeElement?.tagName), 'H1', 'focus moves to the new h1');
      await expectNoAxeViolations(page, `werknemer ${title}`);
      await page.getByRole('link', { name: 'Terug naar Waar sta ik nu' }).click();
      await page.getByRole('heading', { level: 1, name: 'Waar sta ik nu' }).waitFor();
      await waitLoaded(page);
    });
  }

  test('the message form warns against medical data', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Berichten', exact: true }).click();
    const box = page.getByRole('textbox', { name: 'Je bericht' });
    await box.waitFor();
    const ids = ((await box.getAttribute('aria-describedby')) ?? '').split(' ');
    const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
    assert.ok(texts.some((x) => x.includes('Vul hier geen medische gegevens in')), 'warning tied to the field');
  });

  test('home in English has no axe violations', async () => {
    const { page } = b;
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Where am I now' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Where am I now' }).waitFor();
    await waitLoaded(page);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await expectNoAxeViolations(page, 'werknemer home (en)');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await logout(page);
    assert.deepEqual(b.problems, [], 'no JavaScript errors');
  });
});

describe('werkgever', { skip: skip('werkgever') }, () => {
  let b;
  before(async () => {
    b = await launch();
    await login(b.page, accounts.werkgever);
    await waitLoaded(b.page);
  });
  after(async () => b?.close());

  test('home is the sortable table of the organisation cases', async () => {
    const { page } = b;
    assert.equal(await h1(page), 'Verzuimdossiers');
    const table = page.getByRole('table');
    await table.waitFor();
    await expectNoAxeViolations(page, 'werkgever cases');
    const weekHeader = page.getByRole('columnheader', { name: /^Week/ });
    await weekHeader.getByRole('button').click();
    assert.equal(await weekHeader.getAttribute('aria-sort'), 'ascending');
    await weekHeader.getByRole('button').click();
    assert.equal(await weekHeader.getAttribute('aria-sort'), 'descending');
    assert.match(await table.locator('caption').innerText(), /gesorteerd op week, aflopend/);
    const weeks = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
    const nums = weeks.map(Number);
    assert.deepEqual(nums, [...nums].sort((a, b) => b - a), 'rows sorted by week, descending');
  });

  test('a case opens with its timeline', async () => {
    const { page } = b;
    await page.getByRole('table').locator('tbody tr th a').first().click();
    await page.getByRole('heading', { level: 1, name: /^Dossier van / }).waitFor();
    await waitLoaded(page);
    await page.locator('ol.sw-timeline').waitFor();
    await expectNoAxeViolations(page, 'werkgever case detail');
  });

  test('the ziekmelding form has only the AP-allowed fields and the medical-data warning', async () => {
    const { page } = b;
    await page.getByRole('link', { name: 'Ziekmelding doen' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Ziekmelding doen' }).waitFor();
    const names = await page.locator('form input, form textarea, form select').evaluateAll((els) => els.map((e) => e.name));
    // The employee is found in the register (person_id); percentage and expected recovery are not medical.
    assert.deepEqual(names.sort(), ['derde_aansprakelijk', 'arbeidsongeval', 'contact_phone', 'expected_recovery', 'first_sick_day', 'lopende_afspraken', 'percent', 'person_id', 'vangnet', 'verwachte_duur'].sort());
    for (const id of ['verwachte_duur', 'lopende_afspraken']) {
      const ids = ((await page.locator(`#${id}`).getAttribute('aria-describedby')) ?? '').split(' ');
      assert.ok(ids.includes(`${id}-warning`), `${id} is described by its warning`);
      assert.match(await page.locator(`#${id}-warning`).innerText(), /Vul hier geen medische gegevens in/);
    }
    await expectNoAxeViolations(page, 'ziekmelding form');
    await page.getByRole('button', { name: 'Ziekmelding vastleggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er is een probleem' }).waitFor();
    assert.equal(await page.locator('#person_id').getAttribute('aria-invalid'), 'true');
    await expectNoAxeViolations(page, 'ziekmelding form with errors');
    assert.deepEqual(b.problems, [], 'no JavaScript errors');
  });
});

for (const role of ['bedrijfsarts', 'arbeidsdeskundige', 're-integratieprofessional']) {
  describe(role, { skip: skip(role) }, () => {
    let b;
    before(async () => {
      b = await launch();
      await login(b.page, accounts[role]);
      await waitLoaded(b.page);
    });
    after(async () => b?.close());

    test('home lists the assigned cases; a case shows the timeline', async () => {
      const { page } = b;
      assert.equal(await h1(page), 'Mijn dossiers');
      await expectNoAxeViolations(page, `${role} cases`);
      const first = page.getByRole('table').locator('tbody tr th a').first();
      if ((await first.count()) === 0) return; // no assigned case in this data set
      await first.click();
      await page.getByRole('heading', { level: 1, name: /^Dossier van / }).waitFor();
      await waitLoaded(page);
      await page.locator('ol.sw-timeline').waitFor();
      await expectNoAxeViolations(page, `${role} case detail`);
      assert.deepEqual(b.problems, [], 'no JavaScript errors');
    });
  });
}

describe('unknown route', () => {
  test('an unknown route asks a logged-out visitor to log in', async () => {
    const b = await launch();
    try {
      await b.page.goto(`${baseUrl()}/#/bestaat-niet`);
      await b.page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    } finally {
      await b.close();
    }
  });
});
