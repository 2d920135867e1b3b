// The small Printer interface both engines implement: Playwright-driven Chromium (CLI, tests, web mode) and
// Electron's webContents.printToPDF (desktop). The export pipeline (shared/export) only sees its print().
import type { MeasureFn, PrintFn } from '../../../shared/export/pipeline';

export interface Printer {
  print: PrintFn;
  /** Lays the export's measuring document out on screen and reports overflowing boxes (INSPECT_SCRIPT). */
  measure: MeasureFn;
  /** Parts the printer renders at the same time without slowing each other down much. */
  readonly concurrency: number;
  /** Stylesheet URL of the bundled fonts when the printer serves it (cached across documents), else inline CSS is used. */
  readonly fontCssHref?: string;
  close(): Promise<void>;
}

/** Script run in the measuring document (shared/export pipeline): boxes wider than their box (tables, lines). */
export const INSPECT_SCRIPT = `(() => {
  const pxToMm = 25.4 / 96;
  const out = [];
  const seen = new Set();
  const add = (el, what, px) => {
    const host = el.closest('[data-id]');
    const id = host ? host.getAttribute('data-id') : '';
    if (!id || seen.has(id + what) || px < 1.5) return;
    seen.add(id + what);
    out.push({ id, what, amountMm: Math.round(px * pxToMm * 10) / 10 });
  };
  for (const t of document.querySelectorAll('.tbl')) {
    const table = t.querySelector('table');
    if (table) add(t, 'table', table.scrollWidth - t.clientWidth);
  }
  for (const p of document.querySelectorAll('.p, .dated, .note, .attr, figcaption')) add(p, 'text', p.scrollWidth - p.clientWidth);
  for (const f of document.querySelectorAll('.fig')) {
    const img = f.querySelector('img');
    if (img) add(f, 'figure', img.getBoundingClientRect().width - f.clientWidth);
  }
  return out;
})()`;
