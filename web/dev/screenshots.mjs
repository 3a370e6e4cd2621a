#!/usr/bin/env node
// DEV ONLY: screenshots of the main pages per role, for review and for
// docs/screenshots. Usage: SW_BASE_URL=... node dev/screenshots.mjs [outdir]
// (defaults to the mock accounts; set SW_TEST_ACCOUNTS for another server).
import { mkdir } from 'node:fs/promises';
import { launch } from '../tests/lib/browser.mjs';
import { login } from '../tests/lib/login.mjs';

const out = process.argv[2] ?? '/tmp/sw-shots';
const base = (process.env.SW_BASE_URL ?? 'http://127.0.0.1:4173').replace(/\/+$/, '');
const accounts = process.env.SW_TEST_ACCOUNTS
  ? JSON.parse(process.env.SW_TEST_ACCOUNTS)
  : {
      werknemer: { email: 'werknemer@spoorwijzer.test', password: 'spoorwijzer' },
      werkgever: { email: 'werkgever@spoorwijzer.test', password: 'spoorwijzer' },
      bedrijfsarts: { email: 'bedrijfsarts@spoorwijzer.test', password: 'spoorwijzer' },
    };
await mkdir(out, { recursive: true });
const width = Number(process.env.SW_SHOT_WIDTH ?? 1280);

async function shot(page, name, full = true) {
  await page.getByRole('status').filter({ hasText: /Bezig met laden|Loading/ }).first().waitFor({ state: 'detached' }).catch(() => {});
  await page.screenshot({ path: `${out}/${name}.png`, fullPage: full });
  console.log(`${out}/${name}.png`);
}

{
  const b = await launch({ viewport: { width, height: 900 } });
  await b.page.goto(`${base}/`);
  await b.page.getByRole('heading', { level: 1 }).waitFor();
  await shot(b.page, 'login');
  await b.close();
}
if (accounts.werknemer) {
  const b = await launch({ viewport: { width, height: 900 } });
  process.env.SW_BASE_URL = base;
  await login(b.page, accounts.werknemer);
  await shot(b.page, 'werknemer-waar-sta-ik-nu');
  const id = await b.page.evaluate(() => /#\/dossiers\/(\d+)/.exec(document.querySelector('a[href*="/dossiers/"]')?.getAttribute('href') ?? '')?.[1]);
  for (const s of id ? ['berichten', 'toestemmingen', 'inzage', 'documenten'] : []) {
    await b.page.goto(`${base}/#/dossiers/${id}/${s}`);
    await b.page.getByRole('heading', { level: 1 }).waitFor();
    await shot(b.page, `werknemer-${s}`);
    await b.page.goto(`${base}/#/`);
    await b.page.getByRole('heading', { level: 1 }).waitFor();
  }
  await b.close();
}
if (accounts.werkgever) {
  const b = await launch({ viewport: { width, height: 900 } });
  process.env.SW_BASE_URL = base;
  await login(b.page, accounts.werkgever);
  await shot(b.page, 'werkgever-dossiers');
  await b.page.goto(`${base}/#/ziekmelding`);
  await b.page.getByRole('heading', { level: 1 }).waitFor();
  await shot(b.page, 'werkgever-ziekmelding');
  await b.page.getByRole('button', { name: /vastleggen|Record/ }).click();
  await shot(b.page, 'werkgever-ziekmelding-fouten');
  await b.close();
}
if (accounts.bedrijfsarts) {
  const b = await launch({ viewport: { width, height: 900 } });
  process.env.SW_BASE_URL = base;
  await login(b.page, accounts.bedrijfsarts);
  await shot(b.page, 'professional-dossiers');
  await b.page.getByRole('table').locator('tbody tr th a').first().click();
  await b.page.getByRole('heading', { level: 1, name: /Dossier van|Case of/ }).waitFor();
  await shot(b.page, 'professional-dossier');
  await b.close();
}
