// Login helper: logs in through the portal's own login form, the way a person does.
import { baseUrl } from './browser.mjs';

/**
 * Test accounts come from SW_TEST_ACCOUNTS, a JSON object from role to
 * {email, password}, e.g. {"werknemer":{"email":"...","password":"..."}}.
 * Returns null when it is not set (tests that need it skip).
 */
export function testAccounts() {
  const raw = process.env.SW_TEST_ACCOUNTS;
  if (!raw) return null;
  const parsed = JSON.parse(raw);
  if (!parsed || typeof parsed !== 'object') throw new Error('SW_TEST_ACCOUNTS must be a JSON object');
  return parsed;
}

export async function gotoLogin(page) {
  await page.goto(`${baseUrl()}/#/inloggen`, { waitUntil: 'load' });
  await page.getByRole('heading', { level: 1, name: /^(Inloggen|Log in)$/ }).waitFor();
}

/** Logs in and waits until the first page after login has its h1. */
export async function login(page, { email, password }) {
  await gotoLogin(page);
  await page.getByLabel(/^(E-mailadres|Email address)/).fill(email);
  await page.getByLabel(/^(Wachtwoord|Password)/).fill(password);
  await page.getByRole('button', { name: /^(Inloggen|Log in)$/ }).click();
  await page.getByRole('heading', { level: 1, name: /^(?!Inloggen$|Log in$).+/ }).waitFor();
  await page.getByRole('status').filter({ hasText: /Bezig met laden|Loading/ }).waitFor({ state: 'detached' }).catch(() => {});
}

export async function logout(page) {
  await page.getByRole('button', { name: /^(Uitloggen|Log out)$/ }).click();
  await page.getByRole('heading', { level: 1, name: /^(Inloggen|Log in)$/ }).waitFor();
}
