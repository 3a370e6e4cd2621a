// Smoke test: the login page at SW_BASE_URL loads, has its landmarks, and axe
// reports no WCAG 2.1 A/AA violation, in Dutch, in English and with errors shown.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { expectNoAxeViolations } from './lib/axe.mjs';
import { baseUrl, launch } from './lib/browser.mjs';

// Flat tests (no describe): one top-level TAP line per test. One browser for the file.
let b;
before(async () => {
  b = await launch();
});
after(async () => {
  await b?.close();
});

test('login page loads in Dutch with landmarks, skip link and a labelled form', async () => {
  const { page } = b;
  const res = await page.goto(`${baseUrl()}/`, { waitUntil: 'load' });
  assert.ok(res && res.ok(), `GET / answered ${res?.status()}`);
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  assert.match(await page.title(), /Spoorwijzer/);
  assert.equal(await page.getByRole('main').count(), 1, 'one main landmark');
  assert.equal(await page.getByRole('banner').count(), 1, 'one banner (header)');
  assert.equal(await page.getByRole('contentinfo').count(), 1, 'one contentinfo (footer)');
  // The skip link is the first thing the keyboard reaches.
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
  assert.equal(focused, 'Direct naar de inhoud');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'main', 'skip link moves focus to main');
  await page.getByLabel('E-mailadres').waitFor();
  await page.getByLabel('Wachtwoord').waitFor();
  assert.deepEqual(b.problems, [], 'no JavaScript errors');
});

test('login page has no axe violations (wcag2a, wcag2aa, wcag21a, wcag21aa)', async () => {
  await expectNoAxeViolations(b.page, 'login page (nl)');
});

test('login page: an empty submit shows errors tied to the fields, still without axe violations', async () => {
  const { page } = b;
  await page.getByRole('button', { name: 'Inloggen' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Er is een probleem' });
  await summary.waitFor();
  const email = page.getByLabel('E-mailadres');
  assert.equal(await email.getAttribute('aria-invalid'), 'true');
  const describedBy = (await email.getAttribute('aria-describedby')) ?? '';
  assert.ok(describedBy.split(' ').includes('email-error'), `aria-describedby="${describedBy}" names the error`);
  assert.match(await page.locator('#email-error').innerText(), /Vul je e-mailadres in/);
  await expectNoAxeViolations(page, 'login page with errors');
});

test('login page switches to English, sets <html lang> and remembers the choice', async () => {
  const { page } = b;
  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await expectNoAxeViolations(page, 'login page (en)');
  await page.reload({ waitUntil: 'load' });
  await page.getByRole('heading', { level: 1, name: 'Log in' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('button', { name: 'Nederlands' }).click();
  await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
});

