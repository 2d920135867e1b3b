// Column widths for printed tables. Chromium's automatic table layout shares the width out by max-content, and
// Chinese text can break after any character, so a column of short entries (牵头单位 "区发改经信局") next to a
// column of long reports (目前进展情况) is squeezed to one character a line. Every column gets a minimum width
// that sets its typical entry (the upper quartile, up to eight characters) on one line; the automatic layout
// then shares out the rest by content as before.
import type { Table } from '../model/schema';

/** The widest minimum a column gets, in em. */
const MAX_MIN_EM = 8;
/** Share of the table width the minimums may take together. */
const MIN_SHARE = 0.85;
/** Cell padding and rules, left and right together. */
const CELL_EXTRA_MM = 1.8;

/** Width of a line of text in em: CJK and full-width characters 1, the rest about half. */
export function textEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    em += cp >= 0x2e80 || (cp >= 0x2000 && cp <= 0x206f) ? 1 : 0.55;
  }
  return em;
}

/** Minimum widths in mm for the table's columns, or null for a table of one column. */
export function tableColumnMinWidths(t: Table, tableWidthMm: number, cellPt: number): number[] | null {
  const rows = [...t.headerRows, ...t.bodyRows];
  const cols = Math.max(1, ...rows.map((r) => r.cells.reduce((s, c) => s + c.colSpan, 0)));
  if (cols < 2) return null;
  const lengths: number[][] = Array.from({ length: cols }, () => []);
  // Place the cells on the grid (cells spanning rows push later rows' cells to the right).
  const taken: number[] = new Array<number>(cols).fill(0); // rows still covered in each column
  for (const r of rows) {
    let col = 0;
    for (const c of r.cells) {
      while (col < cols && taken[col]! > 0) col++;
      if (col >= cols) break;
      if (c.colSpan === 1 && c.text.trim()) lengths[col]!.push(Math.max(0, ...c.text.split('\n').map(textEm)));
      for (let k = col; k < Math.min(cols, col + c.colSpan); k++) taken[k] = c.rowSpan;
      col += c.colSpan;
    }
    for (let k = 0; k < cols; k++) taken[k] = Math.max(0, taken[k]! - 1);
  }
  const emMm = (cellPt * 25.4) / 72;
  const wanted = lengths.map((ls) => {
    if (!ls.length) return CELL_EXTRA_MM + emMm;
    const sorted = [...ls].sort((x, y) => x - y);
    const upper = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.75))]!;
    return Math.min(MAX_MIN_EM, Math.ceil(upper)) * emMm + CELL_EXTRA_MM;
  });
  const total = wanted.reduce((s, w) => s + w, 0);
  const scale = Math.min(1, (tableWidthMm * MIN_SHARE) / total);
  return wanted.map((w) => Math.round(w * scale * 10) / 10);
}
