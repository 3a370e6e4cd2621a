// axe-core check helper: injects axe into the page and runs it with the
// WCAG 2.0/2.1 A and AA rule tags. Injection goes through page.evaluate, which
// a Content-Security-Policy on the page does not block.
import assert from 'node:assert/strict';
import axe from 'axe-core';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function injectAxe(page) {
  const present = await page.evaluate(() => typeof window.axe === 'object');
  if (!present) await page.evaluate(axe.source);
}

/** Runs axe on the whole document (or `include` selector); returns the violations. */
export async function axeViolations(page, { include } = {}) {
  await injectAxe(page);
  return page.evaluate(
    async ({ tags, include }) => {
      const r = await window.axe.run(include ? { include: [include] } : document, {
        runOnly: { type: 'tag', values: tags },
        resultTypes: ['violations'],
      });
      return r.violations.map((v) => ({
        id: v.id,
        impact: v.impact,
        help: v.help,
        helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary })),
      }));
    },
    { tags: WCAG_TAGS, include },
  );
}

export function formatViolations(violations) {
  return violations
    .map(
      (v) =>
        `[${v.impact}] ${v.id}: ${v.help} (${v.helpUrl})\n` +
        v.nodes.map((n) => `    at ${n.target}\n      ${String(n.summary).replace(/\n/g, '\n      ')}`).join('\n'),
    )
    .join('\n');
}

/** Fails the test with a readable list when axe reports any violation. */
export async function expectNoAxeViolations(page, label = page.url()) {
  const v = await axeViolations(page);
  assert.equal(v.length, 0, `axe: ${v.length} WCAG violation(s) on ${label}\n${formatViolations(v)}`);
}
