// axe-core on every page of every role: each role logs in and walks its home
// page, a case it takes part in (the werknemer: their own), every section of
// that case, the step page one click away from the case list, and for the
// werkgever the ziekmelding form, and the information library; the home
// page is checked in English too.
// Read-only.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectNoAxeViolations } from './lib/axe.mjs';
import { baseUrl, launch } from './lib/browser.mjs';
import { login, testAccounts } from './lib/login.mjs';

const accounts = testAccounts();
const ROLES = ['werknemer', 'werkgever', 'bedrijfsarts', 'arbeidsdeskundige', 're-integratieprofessional'];

/** Waits until neither the h1 (a case page while loading) nor a status says "loading". */
async function waitLoaded(page) {
  await page.waitForFunction(() => !/Bezig met laden|Loading/.test(document.querySelector('h1')?.textContent ?? ''));
  await page.getByRole('status').filter({ hasText: /Bezig met laden|Loading/ }).first().waitFor({ state: 'detached' }).catch(() => {});
}

/** Opens the hash route, waits for its h1 and content, checks it with axe; returns the h1. */
async function visit(page, hash, label) {
  await page.goto(`${baseUrl()}/${hash}`);
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.waitFor();
  await waitLoaded(page);
  await expectNoAxeViolations(page, `${label} ${hash}`);
  return (await h1.innerText()).trim();
}

for (const role of ROLES) {
  describe(`every page of ${role}`, { skip: !accounts?.[role] && `no ${role} account in SW_TEST_ACCOUNTS` }, () => {
    test('has no WCAG 2.1 AA violations', async () => {
      const b = await launch();
      try {
        const { page } = b;
        await login(page, accounts[role]);
        await waitLoaded(page);
        await expectNoAxeViolations(page, `${role} home`);
        const pages = [];
        // The case pages: the own case (employee) or the first one in the table.
        const caseLink = page.locator(role === 'werknemer' ? 'a[href^="#/dossiers/"]' : 'table tbody tr th a').first();
        const caseHref = await caseLink.getAttribute('href');
        assert.ok(caseHref, `${role} reaches a case`);
        const id = /#\/dossiers\/(\d+)/.exec(caseHref)[1];
        if (role !== 'werknemer') pages.push(`#/dossiers/${id}`);
        await page.goto(`${baseUrl()}/#/dossiers/${id}`);
        await page.getByRole('heading', { level: 1 }).waitFor();
        await waitLoaded(page);
        await page.locator(`nav a[href^="#/dossiers/${id}/"]`).first().waitFor();
        const sections = await page.locator(`nav a[href^="#/dossiers/${id}/"]`).evaluateAll((as) => as.map((a) => a.getAttribute('href')));
        assert.ok(sections.length >= 5, `${role}: the case sections are linked (${sections.join(', ')})`);
        pages.push(...sections);
        if (role !== 'werknemer') {
          await page.goto(`${baseUrl()}/#/`);
          await page.getByRole('heading', { level: 1 }).waitFor();
          await waitLoaded(page);
          const step = await page.locator('table a[href*="?stap="]').first().getAttribute('href');
          assert.ok(step, `${role}: a next deadline links to its step`);
          pages.push(step);
        }
        if (role === 'werkgever') pages.push('#/ziekmelding');
        pages.push('#/informatie');
        for (const hash of pages) assert.ok(await visit(page, hash, role), `${role} ${hash} has an h1`);

        await page.getByRole('button', { name: 'English' }).click();
        await visit(page, '#/', `${role} (en)`);
        await page.getByRole('button', { name: 'Nederlands' }).click();
        assert.deepEqual(b.problems, [], 'no JavaScript errors');
      } finally {
        await b.close();
      }
    });
  });
}
