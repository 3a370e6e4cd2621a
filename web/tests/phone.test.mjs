// Phone width: at 375x740 the werknemer, the werkgever (casemanager) and the
// bedrijfsarts visit each of their pages (case list, case, a timeline step,
// dossier documents and one document, berichten, informatie, the library);
// nothing is wider than the screen (no horizontal scroll) and axe is clean.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectNoAxeViolations } from './lib/axe.mjs';
import { launch } from './lib/browser.mjs';
import { login, testAccounts } from './lib/login.mjs';

const accounts = testAccounts();
const WIDTH = 375;

async function waitLoaded(page) {
  await page.getByRole('status').filter({ hasText: /Bezig met laden|Loading/ }).first().waitFor({ state: 'detached' }).catch(() => {});
}

/* The viewer's first case (Sanne's when they have it), a step code of it and a document id. */
async function firstCase(page) {
  return page.evaluate(async () => {
    const get = (u) => fetch(`/api/v1${u}`, { credentials: 'same-origin' }).then((r) => (r.ok ? r.json() : null));
    const cases = (await get('/cases?per_page=50'))?.items ?? [];
    const c = cases.find((x) => x.employee.name === 'Sanne de Vries') ?? cases[0];
    if (!c) return null;
    const tl = await get(`/cases/${c.id}/deadlines`);
    const docs = (await get(`/cases/${c.id}/documents`))?.items ?? [];
    const open = tl?.deadlines.find((d) => d.status !== 'gedaan') ?? tl?.deadlines[0];
    return { id: c.id, step: open?.code ?? null, doc: docs[0]?.id ?? null };
  });
}

async function visit(page, hash, label) {
  await page.goto(`${new URL(page.url()).origin}/${hash}`);
  await page.locator('h1').first().waitFor();
  await waitLoaded(page);
  await page.waitForTimeout(100); // the table labeller runs on the next frame
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(w <= WIDTH, `${label} (${hash}): scrollWidth ${w} > ${WIDTH}`);
  await expectNoAxeViolations(page, `${label} at ${WIDTH}px`);
}

for (const role of ['werknemer', 'werkgever', 'bedrijfsarts']) {
  describe(`phone width: ${role}`, { skip: !accounts?.[role] ? `no ${role} account` : false }, () => {
    test(`every page of the ${role} fits 375 px`, async () => {
      const b = await launch({ viewport: { width: WIDTH, height: 740 } });
      try {
        const page = b.page;
        await login(page, accounts[role]);
        await waitLoaded(page);
        const c = await firstCase(page);
        assert.ok(c, `${role} has a case in the demo data`);
        const pages = [
          ['#/', 'home'],
          [`#/dossiers/${c.id}`, 'case'],
          ...(c.step ? [[`#/dossiers/${c.id}?stap=${c.step}`, 'timeline step']] : []),
          [`#/dossiers/${c.id}/documenten`, 'documents'],
          ...(c.doc ? [[`#/dossiers/${c.id}/documenten/${c.doc}`, 'document']] : []),
          [`#/dossiers/${c.id}/berichten`, 'berichten'],
          [`#/dossiers/${c.id}/informatie`, 'info'],
          ['#/informatie', 'library'],
        ];
        for (const [hash, label] of pages) await visit(page, hash, `${role} ${label}`);
        // The case list as stacked cards: the column label is shown per cell.
        if (role !== 'werknemer') {
          await visit(page, '#/', `${role} home`);
          const cell = page.locator('table.utrecht-table tbody td[data-label]').first();
          if ((await cell.count()) > 0) {
            const before = await cell.evaluate((el) => getComputedStyle(el, '::before').content);
            assert.notEqual(before, 'none', 'the cell shows its column label');
          }
        }
        assert.deepEqual(b.problems, [], 'no JavaScript errors');
      } finally {
        await b.close();
      }
    });
  });
}
