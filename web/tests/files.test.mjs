// Files in the portal, end to end against the real server (tests/web/serve.sh):
// the casemanager (werkgever) opens Sanne's case, downloads riv.pdf and
// deadlines.csv from the links on the page, records a plan van aanpak,
// attaches a PDF by dropping it, and tries a too-large and a wrong-type file
// (the Dutch error next to the control, nothing added); the werknemer then
// reads the step texts written for them on the same case. axe on the way.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { expectNoAxeViolations } from './lib/axe.mjs';
import { launch } from './lib/browser.mjs';
import { login, testAccounts } from './lib/login.mjs';

const accounts = testAccounts();
const skip = !accounts ? 'SW_TEST_ACCOUNTS not set' : false;

async function waitLoaded(page) {
  await page.getByRole('status').filter({ hasText: /Bezig met laden|Loading/ }).first().waitFor({ state: 'detached' }).catch(() => {});
}

/* What the browser gets at a download link, with the session cookie: status and first bytes. */
async function fetchLink(page, link) {
  assert.notEqual(await link.getAttribute('download'), null, 'a download link');
  const url = await link.getAttribute('href');
  return page.evaluate(async (u) => {
    const r = await fetch(u, { credentials: 'same-origin' });
    const b = new Uint8Array(await r.arrayBuffer());
    return { status: r.status, type: r.headers.get('content-type'), head: String.fromCharCode(...b.slice(0, 200)) };
  }, url);
}

const attachmentLinks = (page) => page.locator('section.sw-attachments').getByRole('link', { name: /^Bijlage \d/ });

// Writes the case's plan van aanpak from the documents page.
async function writePlan(page) {
  const form = page.locator('section', { has: page.getByRole('heading', { level: 2, name: 'Plan van aanpak vastleggen' }) });
  await page.locator('#plan_van_aanpak-doel').fill('Duurzaam aan het werk.');
  await page.locator('#plan_van_aanpak-spoor').selectOption('beide');
  await page.locator('#plan_van_aanpak-activiteiten').fill('Werkplekonderzoek.');
  await page.locator('#plan_van_aanpak-termijnen').fill('Binnen 6 weken.');
  await page.locator('#plan_van_aanpak-evaluatiemomenten').fill('Elke 6 weken.');
  await page.locator('#plan_van_aanpak-casemanager').fill('Mark Janssens');
  await page.locator('#plan_van_aanpak-visie_werkgever').fill('Samen zoeken naar passend werk.');
  await page.locator('#plan_van_aanpak-visie_werknemer').fill('Ik wil weer aan de slag.');
  await form.getByRole('button', { name: 'Vastleggen' }).click();
}

describe('files: the casemanager downloads and attaches, the werknemer reads their own texts', { skip }, () => {
  test('casemanager: riv.pdf, deadlines.csv, attachment upload with progress and refusals', async () => {
    const b = await launch();
    try {
      const page = b.page;
      await login(page, accounts.werkgever);
      await waitLoaded(page);
      // The case list offers cases.csv.
      const csv = await fetchLink(page, page.getByRole('link', { name: 'Alle dossiers downloaden (CSV)' }));
      assert.equal(csv.status, 200);
      assert.match(csv.head, /zaak;werknemer/);
      await page.getByRole('table').getByRole('link', { name: 'Sanne de Vries', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Dossier van Sanne de Vries' }).waitFor();
      await waitLoaded(page);

      const files = page.locator('section.sw-files');
      const riv = await fetchLink(page, files.getByRole('link', { name: 'Re-integratieverslag (PDF)' }));
      assert.equal(riv.status, 200);
      assert.equal(riv.type, 'application/pdf');
      assert.equal(riv.head.slice(0, 4), '%PDF');
      const dl = await fetchLink(page, files.getByRole('link', { name: 'Termijnen (CSV)' }));
      assert.equal(dl.status, 200);
      assert.match(dl.head, /termijn/);
      // The 42-week data sheet is offered to the employer side (its download is tested elsewhere).
      await files.getByRole('link', { name: /Gegevensblad ziekmelding UWV/ }).waitFor();
      // The calendar feed: a subscribe URL with a copy button.
      await files.getByRole('button', { name: 'Maak een agenda-link' }).click();
      const feed = await page.getByLabel('Agenda-link').inputValue();
      assert.match(feed, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/[A-Za-z0-9_-]+\.ics$/);
      const ics = await page.evaluate((u) => fetch(u, { credentials: 'omit' }).then((r) => r.text()), feed);
      assert.match(ics, /^BEGIN:VCALENDAR/);
      await files.getByRole('button', { name: 'Kopieer de link' }).waitFor();

      // Texts for the casemanager: an imperative naming Sanne, nothing written for the werknemer.
      const main = await page.locator('main').innerText();
      assert.match(main, /Bespreek uiterlijk .* met Sanne hoe het gaat/);
      assert.doesNotMatch(main, /kopie voor jou|Je werkgever/);
      await expectNoAxeViolations(page, 'werkgever case page with files');

      // A plan van aanpak to attach to: the case has one plan (once per
      // case); an earlier test file may have written it already.
      await page.getByRole('link', { name: 'Documenten en vastgelegde stappen', exact: true }).first().click();
      await page.getByRole('heading', { level: 1, name: 'Documenten en vastgelegde stappen' }).waitFor();
      await waitLoaded(page);
      const existing = page.getByRole('table').getByRole('link', { name: 'Plan van aanpak', exact: true });
      if ((await existing.count()) > 0) await existing.first().click();
      else await writePlan(page);
      await page.getByRole('heading', { level: 1, name: 'Plan van aanpak' }).waitFor();
      await waitLoaded(page);
      await page.getByText('Er zijn nog geen bijlagen.').waitFor();

      // Drop a PDF on the upload area.
      const dt = await page.evaluateHandle(() => {
        const d = new DataTransfer();
        d.items.add(new File([new TextEncoder().encode('%PDF-1.4\n% bijlage\n')], 'verslag.pdf', { type: 'application/pdf' }));
        return d;
      });
      await page.locator('.sw-dropzone').dispatchEvent('drop', { dataTransfer: dt });
      await page.getByRole('status').filter({ hasText: 'verslag.pdf is toegevoegd.' }).waitFor();
      await attachmentLinks(page).first().waitFor();
      assert.equal(await attachmentLinks(page).count(), 1);
      const got = await fetchLink(page, attachmentLinks(page).first());
      assert.equal(got.status, 200);
      assert.equal(got.head.slice(0, 8), '%PDF-1.4');

      // Too large: the server's 413 in words, nothing added.
      const big = Buffer.alloc(10 * 1024 * 1024 + 1024, 0x20);
      big.write('%PDF-1.4\n');
      const input = page.getByLabel('Bijlage toevoegen');
      await input.setInputFiles({ name: 'groot.pdf', mimeType: 'application/pdf', buffer: big });
      await page.getByRole('alert').filter({ hasText: 'Dit bestand is te groot: de grens is 10 MB.' }).waitFor();
      assert.equal(await input.getAttribute('aria-invalid'), 'true');
      await expectNoAxeViolations(page, 'attachment too large');
      // Wrong type: the server's 415 in words, nothing added.
      await input.setInputFiles({ name: 'notitie.txt', mimeType: 'text/plain', buffer: Buffer.from('geen pdf') });
      await page.getByRole('alert').filter({ hasText: /^Alleen PDF, JPG of PNG kan/ }).waitFor();
      // A PNG name on bytes that are no PNG: also 415.
      await input.setInputFiles({ name: 'foto.png', mimeType: 'image/png', buffer: Buffer.from('%PDF-1.4 not a png') });
      await page.getByRole('alert').filter({ hasText: /^Alleen PDF, JPG of PNG kan/ }).waitFor();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Plan van aanpak' }).waitFor();
      await waitLoaded(page);
      await attachmentLinks(page).first().waitFor();
      assert.equal(await attachmentLinks(page).count(), 1, 'only the good file is stored');
      assert.deepEqual(b.problems.filter((p) => !/status of 41[35]/.test(p)), [], 'no JavaScript errors');
    } finally {
      await b.close();
    }
  });

  test('werknemer: the same case in texts written for them', async () => {
    const b = await launch();
    try {
      const page = b.page;
      await login(page, accounts.werknemer);
      await waitLoaded(page);
      await page.locator('ol.sw-timeline').waitFor();
      const main = await page.locator('main').innerText();
      assert.match(main, /Re-integratieverslag klaar, kopie voor jou/);
      assert.match(main, /Bespreek uiterlijk .* met je werkgever hoe het gaat/);
      assert.doesNotMatch(main, /met Sanne|Meld Sanne/);
      await expectNoAxeViolations(page, 'werknemer journey');
      assert.deepEqual(b.problems, [], 'no JavaScript errors');
    } finally {
      await b.close();
    }
  });
});
