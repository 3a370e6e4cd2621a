// Unit test of the Dutch date helper (src/lib/dates.ts), compiled on the fly
// with Vite's esbuild transform; needs no server and no browser.
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { transformWithEsbuild } from 'vite';

let dir;
let d;
before(async () => {
  const src = new URL('../../src/lib/dates.ts', import.meta.url);
  const out = await transformWithEsbuild(await readFile(src, 'utf8'), 'dates.ts', { format: 'esm', target: 'node20' });
  dir = await mkdtemp(join(tmpdir(), 'sw-unit-'));
  const file = join(dir, 'dates.mjs');
  await writeFile(file, out.code);
  d = await import(pathToFileURL(file).href);
});
after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('formats Dutch long dates', () => {
  assert.equal(d.formatDate('2025-01-06', 'nl'), 'maandag 6 januari 2025');
  assert.equal(d.formatDate('2024-02-29', 'nl'), 'donderdag 29 februari 2024');
  assert.equal(d.formatDate('2026-12-31', 'nl'), 'donderdag 31 december 2026');
  assert.equal(d.formatDate('2025-05-05', 'nl'), 'maandag 5 mei 2025');
});

test('formats medium and English dates', () => {
  assert.equal(d.formatDate('2025-01-06', 'nl', 'medium'), '6 januari 2025');
  assert.equal(d.formatDate('2025-01-06', 'en'), 'Monday 6 January 2025');
});

test('leaves non-dates alone and rejects impossible dates', () => {
  assert.equal(d.formatDate(null, 'nl'), '');
  assert.equal(d.formatDate('2025-02-30', 'nl'), '2025-02-30');
  assert.equal(d.parseIsoDate('2025-02-30'), null);
  assert.deepEqual(d.parseIsoDate('2025-01-06'), { year: 2025, month: 1, day: 6 });
});

test('counts days without time-zone drift', () => {
  assert.equal(d.daysBetween('2025-03-29', '2025-03-31'), 2); // across the DST change
  assert.equal(d.daysBetween('2025-01-06', '2025-01-05'), -1);
  assert.equal(d.addDays('2024-12-31', 1), '2025-01-01');
});

test('formats timestamps in Amsterdam time', () => {
  assert.equal(d.formatDateTime('2025-01-06T13:05:00Z', 'nl'), 'maandag 6 januari 2025 om 14:05');
  assert.equal(d.formatDateTime('2025-07-01T22:30:00Z', 'nl'), 'woensdag 2 juli 2025 om 00:30');
  assert.equal(d.todayInAmsterdam(new Date('2025-03-30T23:30:00Z')), '2025-03-31');
});
