// Accounts and roles in the portal (issue 11): the organisation's beheerder
// invites a new casemanager with the casemanager role; the invitee accepts in
// a browser of their own, and at once sees the organisation's cases; the
// beheerder then changes the role to leidinggevende and the list narrows.
// Axe clean on every page. Skips without the seeded accounts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectNoAxeViolations } from './lib/axe.mjs';
import { launch } from './lib/browser.mjs';
import { login, testAccounts } from './lib/login.mjs';

const accounts = testAccounts();
const skip = accounts?.orgbeheerder ? false : 'SW_TEST_ACCOUNTS without the organisation beheerder';

test('the beheerder invites a casemanager who sees the cases at once; a change to leidinggevende narrows the list', { skip }, async () => {
  const admin = await launch({});
  const invitee = await launch({ viewport: { width: 375, height: 800 } });
  try {
    const { page } = admin;
    await login(page, accounts.orgbeheerder);
    await page.getByRole('heading', { level: 1, name: 'Accounts van je organisatie' }).waitFor();
    await page.getByRole('table', { name: 'Accounts van de organisatie' }).waitFor();
    await expectNoAxeViolations(page, 'accounts');

    await page.getByLabel('Naam', { exact: true }).fill('Nora Peeters');
    await page.getByLabel('E-mailadres', { exact: true }).fill('nora.peeters@example.nl');
    await page.getByLabel('Casemanager', { exact: true }).check();
    await expectNoAxeViolations(page, 'invite with roles');
    await page.getByRole('button', { name: 'Uitnodiging maken' }).click();
    const link = await page.locator('#invite-link').innerText();
    assert.match(link, /#\/uitnodiging\/[A-Za-z0-9_-]+$/);

    // The invitee, in a browser of their own, sets a password and lands on the organisation's cases.
    const p2 = invitee.page;
    await p2.goto(link);
    await p2.getByLabel('Nieuw wachtwoord').fill('een lange zin als wachtwoord');
    await p2.getByLabel(/Herhaal/).fill('een lange zin als wachtwoord');
    await p2.getByRole('button', { name: 'Wachtwoord instellen en inloggen' }).click();
    await p2.getByRole('heading', { level: 1, name: /Verzuimdossiers|Verzuim/ }).waitFor();
    const cases = p2.getByRole('table');
    await cases.waitFor();
    assert.match(await cases.innerText(), /Yusuf Kaya/, 'an invited casemanager lists the organisation cases at once');
    await expectNoAxeViolations(p2, 'invitee cases');
    const wide = await p2.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok(wide <= 1, `the cases page scrolls sideways by ${wide}px at 375px`);

    // The beheerder makes Nora leidinggevende: she has no team, so the cases go.
    await page.reload();
    await page.getByRole('button', { name: /Rollen wijzigen.*Nora Peeters/ }).click();
    const form = page.getByRole('form', { name: 'Rollen van Nora Peeters wijzigen' });
    await form.getByLabel('Casemanager', { exact: true }).uncheck();
    await form.getByLabel('Leidinggevende', { exact: true }).check();
    await expectNoAxeViolations(page, 'change roles');
    await form.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByText('De rollen van Nora Peeters zijn gewijzigd.', { exact: false }).waitFor();
    await page.getByRole('row', { name: /Nora Peeters/ }).filter({ hasText: 'leidinggevende' }).waitFor();

    await p2.reload();
    await p2.getByRole('heading', { level: 1, name: 'Verzuim in je team' }).waitFor();
    await p2.getByRole('status').filter({ hasText: /Bezig met laden/ }).waitFor({ state: 'detached' }).catch(() => {});
    assert.doesNotMatch(await p2.locator('main').innerText(), /Yusuf Kaya/, 'the list narrowed to the own team');
    assert.deepEqual(admin.problems, []);
    assert.deepEqual(invitee.problems, []);
  } finally {
    await admin.close();
    await invitee.close();
  }
});
