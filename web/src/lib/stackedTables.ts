/*
 * Phone width: below 40em every table is shown as a stacked list (styles.css),
 * and each cell then shows its column's header as its label. The label comes
 * from the table's own <thead>, copied once into data-label, so the pages need
 * not repeat it. A MutationObserver keeps new rows labelled.
 */
function labelTable(table: HTMLTableElement): void {
  const heads = Array.from(table.tHead?.rows[0]?.cells ?? []).map((c) => (c.textContent ?? '').replace(/[▲▼⇅]/g, '').trim());
  if (heads.length === 0) return;
  for (const body of Array.from(table.tBodies))
    for (const row of Array.from(body.rows))
      Array.from(row.cells).forEach((cell, i) => {
        const label = heads[i] ?? '';
        if (label && cell.getAttribute('data-label') !== label) cell.setAttribute('data-label', label);
      });
}

export function installStackedTables(root: Document = document): void {
  let queued = false;
  const run = () => {
    queued = false;
    root.querySelectorAll('table').forEach((t) => labelTable(t));
  };
  new MutationObserver(() => {
    if (!queued) {
      queued = true;
      requestAnimationFrame(run);
    }
  }).observe(root.body, { childList: true, subtree: true });
  run();
}
