// Launch helper: playwright-core driving the system's Chromium (Debian's
// /usr/bin/chromium; `apt-get install -y chromium`). Never downloads a browser.
// Every launch gets a fresh --user-data-dir, removed again on close.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env.SW_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The portal under test, e.g. http://127.0.0.1:8080 (no trailing slash). */
export function baseUrl() {
  const url = process.env.SW_BASE_URL;
  if (!url) throw new Error('SW_BASE_URL is not set: point it at a running Spoorwijzer server, e.g. SW_BASE_URL=http://127.0.0.1:8080 npm test');
  return url.replace(/\/+$/, '');
}

/**
 * Starts Chromium with a fresh profile. Returns { context, page, close }.
 * Options: lang ('nl-NL'), viewport.
 */
export async function launch({ locale = 'nl-NL', viewport = { width: 1280, height: 900 } } = {}) {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium (or set SW_CHROMIUM)`);
  }
  const userDataDir = await mkdtemp(join(tmpdir(), 'sw-chromium-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      locale,
      timezoneId: 'Europe/Amsterdam',
      viewport,
      acceptDownloads: false,
    });
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true });
    throw err;
  }
  // Generous: CI machines are shared and the server runs under ASan.
  context.setDefaultTimeout(30_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Expected answers, logged by Chromium as "Failed to load resource": 401 from the
    // session check, 404 from API endpoints the server does not offer yet.
    const failed = /Failed to load resource: the server responded with a status of (\d+)/.exec(m.text());
    if (failed && failed[1] === '401') return;
    if (failed && failed[1] === '404' && /\/api\/v1\//.test(m.location()?.url ?? '')) return;
    problems.push(`console.error: ${m.text()}`);
  });
  return {
    context,
    page,
    /** JavaScript errors and console errors seen so far (401s and API 404s excepted). */
    problems,
    async close() {
      await context.close().catch(() => {});
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
