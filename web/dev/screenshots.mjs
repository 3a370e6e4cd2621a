#!/usr/bin/env node
// Screenshots of the main pages of each role, for docs/screenshots. Run by
// `make screenshots` through tests/web/serve.sh: the real server with fresh
// seeded demo data (SW_BASE_URL, SW_TEST_ACCOUNTS) and Debian's chromium.
// Usage: node dev/screenshots.mjs <outdir>. Read-only except the logins and
// one empty ziekmelding form (to show its error state).
import { mkdir } from 'node:fs/promises';
import { launch } from '../tests/lib/browser.mjs';
import { login, testAccounts } from '../tests/lib/login.mjs';

const out = process.argv[2];
const base = (process.env.SW_BASE_URL ?? '').replace(/\/+$/, '');
const accounts = testAccounts();
if (!out || !base || !accounts) {
  console.error('usage: SW_BASE_URL=... SW_TEST_ACCOUNTS=... node dev/screenshots.mjs <outdir>');
  process.exit(2);
}
await mkdir(out, { recursive: true });
const viewport = { width: Number(process.env.SW_SHOT_WIDTH ?? 1280), height: 900 };

async function settle(page) {
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: /Bezig met laden|Loading/ }).first().waitFor({ state: 'detached' }).catch(() => {});
}

async function shot(page, name) {
  await settle(page);
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: true });
  console.log(`${out}/${name}.png`);
}

async function visit(page, hash, name) {
  await page.goto(`${base}/${hash}`);
  await shot(page, name);
}

/** Logs role in, runs fn(page), logs out by closing the browser. */
async function as(role, fn) {
  const b = await launch({ viewport });
  try {
    await login(b.page, accounts[role]);
    await fn(b.page);
    if (b.problems.length) throw new Error(`${role}: ${b.problems.join('; ')}`);
  } finally {
    await b.close();
  }
}

/** The id of the case of the given employee in the role's case table (on the home page). */
async function caseOf(page, name) {
  await page.goto(`${base}/#/`);
  await settle(page);
  const a = page.getByRole('table').getByRole('link', { name, exact: true });
  return /#\/dossiers\/(\d+)/.exec(await a.getAttribute('href'))[1];
}

{
  const b = await launch({ viewport });
  await b.page.goto(`${base}/#/inloggen`);
  await shot(b.page, 'login');
  await b.close();
}

await as('werknemer', async (page) => {
  await shot(page, 'werknemer-waar-sta-ik-nu');
  const id = /#\/dossiers\/(\d+)/.exec(await page.locator('a[href^="#/dossiers/"]').first().getAttribute('href'))[1];
  for (const s of ['informatie', 'beslissingen', 'berichten', 'toestemmingen', 'inzage', 'documenten'])
    await visit(page, `#/dossiers/${id}/${s}`, `werknemer-${s}`);
  await visit(page, '#/informatie', 'informatiebibliotheek');
});

await as('werkgever', async (page) => {
  await shot(page, 'werkgever-dossiers');
  const step = await page.locator('table a[href*="?stap="]').first().getAttribute('href');
  await visit(page, step, 'werkgever-volgende-stap');
  await visit(page, '#/ziekmelding', 'werkgever-ziekmelding');
  await page.getByRole('button', { name: 'Ziekmelding vastleggen' }).click();
  await page.getByRole('alert').first().waitFor();
  await shot(page, 'werkgever-ziekmelding-fouten');
});

await as('bedrijfsarts', async (page) => {
  await shot(page, 'bedrijfsarts-mijn-dossiers');
  await visit(page, `#/dossiers/${await caseOf(page, 'Yusuf Kaya')}`, 'bedrijfsarts-dossier');
  await visit(page, `#/dossiers/${await caseOf(page, 'Daan Bakker')}/documenten`, 'bedrijfsarts-probleemanalyse-vastleggen');
});

await as('arbeidsdeskundige', async (page) => {
  await shot(page, 'arbeidsdeskundige-mijn-dossiers');
  await visit(page, `#/dossiers/${await caseOf(page, 'Sanne de Vries')}/beslissingen`, 'arbeidsdeskundige-samen-beslissen');
});

await as('re-integratieprofessional', async (page) => {
  await shot(page, 're-integratieprofessional-mijn-dossiers');
  await visit(page, `#/dossiers/${await caseOf(page, 'Kees Mulder')}/informatie`, 're-integratieprofessional-informatie');
});
