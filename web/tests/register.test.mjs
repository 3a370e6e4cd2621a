// The register in the portal (issue 11), each journey from the first click:
// the casemanager imports a small CSV (the dry run refuses one line with the
// reason, the corrected file imports), finds the new person by typeahead,
// adds an employment and reports them sick from the register; the pages are
// axe clean, and one pass at 375 px has no horizontal scroll. Skips without
// the seeded accounts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { expectNoAxeViolations } from './lib/axe.mjs';
import { launch } from './lib/browser.mjs';
import { login, testAccounts } from './lib/login.mjs';

const accounts = testAccounts();
const skip = accounts?.leidinggevende ? false : 'SW_TEST_ACCOUNTS without the organisation roles';
const PHONE = { width: 375, height: 800 };

async function withBrowser(opts, fn) {
  const b = await launch(opts);
  try {
    await fn(b);
  } finally {
    await b.close();
  }
}

async function noHorizontalScroll(page, label) {
  const wide = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(wide <= 1, `${label}: the page scrolls sideways by ${wide}px at 375px`);
}

const HEADER = 'personeelsnummer;naam;geboortedatum;afdeling;datum_in_dienst;contracturen;normuren;functie';
const GOOD = `${HEADER}\n7701;Wessel Zandvoort;1988-04-12;Reiniging;2022-03-01;32;40;Veegwagenchauffeur\n7702;Lotte Quist;1991-09-30;Reiniging;2023-01-01;24;40;Planner\n`;
const BAD = GOOD.replace('1991-09-30', '1991-13-30');

async function chooseFile(page, name, text) {
  await page.getByLabel('Bestand', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(`\ufeff${text}`, 'utf8') });
}

test('the casemanager imports a CSV after a dry run, finds the new person, adds an employment and reports them sick', { skip }, async () => {
  await withBrowser({ viewport: PHONE }, async (b) => {
    const { page } = b;
    await login(page, accounts.werkgever);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Personeel' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personeel' }).waitFor();
    await page.getByRole('table', { name: 'Medewerkers' }).waitFor();
    await expectNoAxeViolations(page, 'register');
    await noHorizontalScroll(page, 'register');

    await page.getByRole('link', { name: 'Importeren uit een bestand (CSV)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Personeel importeren' }).waitFor();
    assert.match(await page.getByRole('table', { name: 'Kolommen van het bestand' }).innerText(), /datum_in_dienst/);
    // The dry run refuses the bad birth date, names line and column, and stores nothing.
    await chooseFile(page, 'personeel.csv', BAD);
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    const refused = page.getByRole('table', { name: 'Geweigerde regels' });
    await refused.waitFor();
    const row = await refused.getByRole('row').nth(1).innerText();
    assert.match(row, /3/);
    assert.match(row, /geboortedatum/);
    assert.match(row, /1991-13-30/);
    assert.equal(await page.getByRole('button', { name: 'Importeren', exact: true }).count(), 0, 'no import while a line is refused');
    await expectNoAxeViolations(page, 'import dry run with a refusal');
    await noHorizontalScroll(page, 'import dry run');
    // The corrected file passes the check; then it is imported for real.
    await chooseFile(page, 'personeel.csv', GOOD);
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await page.getByText('Alle 2 regels zijn in orde: 2 nieuwe medewerkers en 0 bijgewerkt.').waitFor();
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await page.getByText('De import is gelukt: 2 regels, 2 medewerkers toegevoegd, 0 bijgewerkt.').waitFor();

    // Typeahead on the register to the new person.
    await page.getByRole('link', { name: 'Terug naar het personeelsbestand' }).click();
    const box = page.getByRole('combobox', { name: 'Ga naar medewerker' });
    await box.fill('zandv');
    await page.getByRole('option', { name: /Wessel Zandvoort/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Wessel Zandvoort' }).waitFor();
    assert.match(await page.getByRole('table', { name: 'Dienstverbanden' }).innerText(), /32/);
    await expectNoAxeViolations(page, 'person');
    await noHorizontalScroll(page, 'person');

    // A second employment: hours with a decimal comma.
    await page.getByLabel('Datum in dienst').fill('2024-06-01');
    await page.getByLabel('Contracturen per week').fill('8,5');
    await page.getByLabel('Normuren per week').fill('40');
    await page.getByLabel(/^Functie/).fill('Avonddienst');
    await page.getByRole('button', { name: 'Dienstverband toevoegen' }).click();
    await page.getByText('Het dienstverband is toegevoegd.').waitFor();
    const emp = page.getByRole('table', { name: 'Dienstverbanden' });
    await emp.getByText('Avonddienst').waitFor();
    assert.match(await emp.innerText(), /8,5/);

    // Reported sick from the register: the case page follows. One employment in force on the day.
    await page.getByLabel('Eerste ziektedag').fill('2023-02-01');
    await page.getByRole('button', { name: 'Ziek melden' }).click();
    await page.waitForURL(/#\/dossiers\/\d+$/);
    await page.getByText('De ziekmelding van Wessel Zandvoort is vastgelegd.').waitFor();
    // The refused dry run is a 422 answer the page expects.
    assert.deepEqual(b.problems.filter((p) => !/status of 422/.test(p)), []);
  });
});

test('the casemanager adds a person; a taken personnel number is named next to its field', { skip }, async () => {
  await withBrowser({}, async (b) => {
    const { page } = b;
    await login(page, accounts.werkgever);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Personeel' }).click();
    await page.getByRole('link', { name: 'Medewerker toevoegen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Medewerker toevoegen' }).waitFor();
    await page.getByLabel('Personeelsnummer').fill('1015'); // Fenna Oerlemans has it
    await page.getByLabel('Naam', { exact: true }).fill('Iris de Wit');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.locator('#personnel_number-error').getByText('Dit personeelsnummer is al in gebruik in je organisatie.').waitFor();
    await expectNoAxeViolations(page, 'new person with an error');
    await page.getByLabel('Personeelsnummer').fill('8801');
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Iris de Wit' }).waitFor();
    await page.getByText('Iris de Wit is toegevoegd aan het personeelsbestand.').waitFor();
    // The invitation link is shown once.
    await page.getByLabel(/^E-mailadres/).fill('iris.dewit@example.nl');
    await page.getByRole('button', { name: 'Uitnodigen voor het portaal' }).click();
    assert.match(await page.locator('#invite-link').innerText(), /#\/uitnodiging\/[A-Za-z0-9_-]+$/);
    await expectNoAxeViolations(page, 'person invited');
    // The taken personnel number is a 409 answer the page expects.
    assert.deepEqual(b.problems.filter((p) => !/status of 409/.test(p)), []);
  });
});

test('the leidinggevende reads the register of the own team without forms', { skip }, async () => {
  await withBrowser({}, async (b) => {
    const { page } = b;
    await login(page, accounts.leidinggevende);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Personeel' }).click();
    const table = page.getByRole('table', { name: 'Medewerkers' });
    await table.waitFor();
    assert.match(await table.innerText(), /Daan Bakker/);
    assert.doesNotMatch(await table.innerText(), /Yusuf Kaya/);
    assert.equal(await page.getByRole('link', { name: 'Medewerker toevoegen' }).count(), 0);
    await expectNoAxeViolations(page, 'register read-only');
    assert.deepEqual(b.problems, []);
  });
});
