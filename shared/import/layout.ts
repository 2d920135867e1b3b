// How the body text of a document reached us: one paragraph per line (a Word or web text, a careful
// extraction), or one printed line per text line (a PDF column, an e-mail wrapped at a fixed width). Wrapped
// text is recognised by the regularity of its line widths, whatever the width: many lines that stop
// mid-sentence measure the same (the full line), give or take an em. Absolute widths say nothing — a
// two-column page gives 15-em lines, a single-column page or an e-mail client 30–40 em.
//
// Three measures are tried, because wrapping counts characters in different ways: a typesetter compresses
// punctuation to half an em (`printedWidth`), a plain-text wrapper counts every wide character as a full em
// (`wideWidth`) or simply counts characters. The measure under which full lines agree best is the one the
// text was wrapped with.
import type { PLine } from './prepare';

export interface Layout {
  /** Body lines are printed lines: paragraphs follow the width rule, a short tail is never a title. */
  wrapped: boolean;
  /** Width of a full line (half-em units) in the chosen measure; 0 when not wrapped. */
  full: number;
  /** A paragraph's first line is indented (about two characters short of a full line). */
  indented: boolean;
  /** The indent is in the text itself (leading spaces), so a line without it never opens a paragraph. */
  explicitIndent: boolean;
  /**
   * How much shorter than full a line must be to be short (a paragraph's last line): 2 (an em) where the
   * full lines agree to half an em (a plain-text wrapper), 3 where justification lets them vary more.
   */
  slack: number;
  /** Width of a line in the measure the text was wrapped with. */
  width(p: PLine): number;
}

const compressed = (p: PLine) => p.width;
const wide = (p: PLine) => p.wide;
/** Characters counted alike (a wrapper that counts code points), scaled to half-em units. */
const chars = (p: PLine) => 2 * p.t.length;

/** Fewest full lines that make a text wrapped (a short e-mail of three paragraphs has this many). */
const MIN_FULL = 6;
/** Share of all body lines that must be full lines (the rest are paragraph ends and short lines). */
const MIN_SHARE = 0.4;
/** A full line is at least this wide (8 em): equal short lines are titles or table cells, not wrapping. */
const MIN_WIDTH = 16;

interface Fit {
  full: number;
  /** Lines within half an em of the full width. */
  tight: number;
  /** Lines within an em of it. */
  near: number;
}

function fit(lines: PLine[], start: number, end: number, measure: (p: PLine) => number): Fit {
  const counts = new Map<number, number>();
  for (let i = start; i < end; i++) {
    const p = lines[i]!;
    if (p.kind !== 'text' || !p.t || p.softTerminal) continue;
    const w = measure(p);
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  // The full width: the most common width of lines that break mid-sentence (they were full when they broke).
  let full = 0;
  let most = 0;
  for (const [w, n] of counts) if (w >= MIN_WIDTH && (n > most || (n === most && w > full))) [full, most] = [w, n];
  if (!full) return { full: 0, tight: 0, near: 0 };
  const around = (d: number) => {
    let n = 0;
    for (let w = full - d; w <= full + d; w++) n += counts.get(w) ?? 0;
    return n;
  };
  return { full, tight: around(1), near: around(2) };
}

/** The layout of the body lines in [start, end). */
export function lineLayout(lines: PLine[], start: number, end: number): Layout {
  let body = 0;
  for (let i = start; i < end; i++) {
    const p = lines[i]!;
    if (p.kind === 'text' && p.t) body++;
  }
  const none: Layout = { wrapped: false, full: 0, indented: false, explicitIndent: false, slack: 3, width: compressed };
  if (body < MIN_FULL) return none;
  let best = fit(lines, start, end, compressed);
  let width = compressed;
  for (const m of [wide, chars]) {
    const f = fit(lines, start, end, m);
    if (f.tight > best.tight) [best, width] = [f, m];
  }
  if (best.near < MIN_FULL || best.near < MIN_SHARE * body) return none;
  const full = best.full;
  // Indentation: the line after a paragraph's short last line opens the next paragraph; indented, it is
  // about two characters short of full, else full (or short, a one-line paragraph).
  // The indent may also be in the text, as leading spaces, on paragraph starts but not on run-on lines.
  let indentedStarts = 0;
  let flushStarts = 0;
  let starts = 0;
  let spacedStarts = 0;
  let runs = 0;
  let spacedRuns = 0;
  const leadingSpace = (q: PLine) => /^[ \u3000\u00a0]/.test(q.raw);
  for (let i = start; i + 1 < end; i++) {
    const p = lines[i]!;
    if (p.kind !== 'text') continue;
    let j = i + 1;
    while (j < end && lines[j]!.kind === 'blank') j++;
    const q = lines[j];
    if (!q || q.kind !== 'text') continue;
    if (!p.softTerminal) {
      if (width(p) > full - 3) {
        runs++;
        if (leadingSpace(q)) spacedRuns++;
      }
      continue;
    }
    if (width(p) > full - 3) continue;
    starts++;
    if (leadingSpace(q)) spacedStarts++;
    if (q.softTerminal) continue;
    const w = width(q);
    if (w >= full - 6 && w <= full - 3) indentedStarts++;
    else if (w >= full - 2) flushStarts++;
  }
  const explicitIndent = starts >= 3 && spacedStarts >= 0.6 * starts && spacedRuns <= 0.1 * runs;
  return { wrapped: true, full, indented: explicitIndent || indentedStarts > flushStarts, explicitIndent, slack: best.tight >= 0.97 * best.near ? 2 : 3, width };
}
