// Login against the real session API (POST/GET/DELETE /api/v1/session): every
// account in SW_TEST_ACCOUNTS logs in and lands on its home page without axe
// violations; a wrong password; logout; the language switch while logged in.
// Flat tests (no describe), so that every test is one top-level TAP line.
// Skips without SW_TEST_ACCOUNTS.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectNoAxeViolations } from './lib/axe.mjs';
import { launch } from './lib/browser.mjs';
import { gotoLogin, login, logout, testAccounts } from './lib/login.mjs';

const accounts = testAccounts();
const noAccounts = accounts ? false : 'SW_TEST_ACCOUNTS not set';
const roles = accounts ? Object.keys(accounts) : ['werknemer'];
const loginTitle = /^(Inloggen|Log in)$/;

async function withBrowser(fn) {
  const b = await launch();
  try {
    await fn(b);
  } finally {
    await b.close();
  }
}

async function h1(page) {
  return (await page.getByRole('heading', { level: 1 }).first().innerText()).trim();
}

async function waitLoaded(page) {
  await page.getByRole('status').filter({ hasText: /Bezig met laden|Loading/ }).first().waitFor({ state: 'detached' }).catch(() => {});
}

for (const role of roles) {
  test(`${role} logs in and lands on the home page without axe violations`, { skip: noAccounts }, async () => {
    await withBrowser(async (b) => {
      const { page } = b;
      await login(page, accounts[role]);
      await waitLoaded(page);
      assert.doesNotMatch(await h1(page), loginTitle);
      await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
      assert.match(await page.locator('.sw-header__user').innerText(), /^Ingelogd als \S/);
      assert.equal(await page.getByRole('navigation', { name: 'Hoofdmenu' }).count(), 1, 'the main menu is shown');
      // GET /api/v1/session now answers the user (the session cookie works).
      const who = await page.evaluate(async () => {
        const r = await fetch('/api/v1/session', { headers: { Accept: 'application/json' } });
        return { status: r.status, body: await r.json() };
      });
      assert.equal(who.status, 200);
      assert.equal(who.body.user.email, accounts[role].email);
      assert.equal(typeof who.body.csrf_token, 'string');
      await expectNoAxeViolations(page, `${role} home`);
      assert.deepEqual(b.problems, [], 'no JavaScript errors');
    });
  });
}

test('a wrong password shows the Dutch error tied to the password field', { skip: noAccounts }, async () => {
  await withBrowser(async (b) => {
    const { page } = b;
    const account = accounts.werknemer ?? Object.values(accounts)[0];
    await gotoLogin(page);
    await page.getByLabel('E-mailadres').fill(account.email);
    await page.getByLabel('Wachtwoord').fill(`${account.password}-fout`);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('alert').filter({ hasText: 'Er is een probleem' }).waitFor();
    const field = page.getByLabel('Wachtwoord');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    const ids = ((await field.getAttribute('aria-describedby')) ?? '').split(' ');
    assert.ok(ids.includes('password-error'), `aria-describedby="${ids.join(' ')}" names the error`);
    assert.match(await page.locator('#password-error').innerText(), /Het e-mailadres of het wachtwoord klopt niet/);
    assert.equal(await h1(page), 'Inloggen', 'still on the login page');
    await expectNoAxeViolations(page, 'login page after a wrong password');
    assert.deepEqual(b.problems, [], 'no JavaScript errors');
  });
});

test('logout returns to the login page and ends the session', { skip: noAccounts }, async () => {
  await withBrowser(async (b) => {
    const { page } = b;
    const role = roles.includes('werkgever') ? 'werkgever' : roles[0];
    await login(page, accounts[role]);
    await waitLoaded(page);
    await logout(page);
    await page.getByText('Je bent uitgelogd', { exact: false }).first().waitFor();
    const status = await page.evaluate(async () => (await fetch('/api/v1/session')).status);
    assert.equal(status, 401, 'GET /api/v1/session after logout');
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await expectNoAxeViolations(page, 'login page after logout');
    assert.deepEqual(b.problems, [], 'no JavaScript errors');
  });
});

test('a logged-in user switches to English and back', { skip: noAccounts }, async () => {
  await withBrowser(async (b) => {
    const { page } = b;
    const role = roles.includes('bedrijfsarts') ? 'bedrijfsarts' : roles[0];
    await login(page, accounts[role]);
    await waitLoaded(page);
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.locator('.sw-header__user').innerText(), /^Logged in as \S/);
    assert.doesNotMatch(await h1(page), /^(Inloggen|Log in)$/);
    await expectNoAxeViolations(page, `${role} home (en)`);
    await page.reload({ waitUntil: 'load' });
    await page.getByRole('button', { name: 'Log out' }).waitFor();
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await page.getByRole('button', { name: 'Uitloggen' }).waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
    await logout(page);
    assert.deepEqual(b.problems, [], 'no JavaScript errors');
  });
});
