// Inline text with stand-off marks → HTML. Marks become tags (bold, sup, sub), anchors (index terms) and
// footnote call-outs; runs of digits are kept on one line.
import type { Mark } from '../model/schema';

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/**
 * A number as printed must never be split over two lines: "2020—2022", "6.39", "12,345", "3.5%", "10:30".
 * Matches a run that starts and ends with a digit (or ends in % ‰), with separators inside.
 */
const NUMBER_RUN = /[0-9０-９]+(?:[.,:：/\-–—~～．·][0-9０-９]+)*[%‰％]?/g;

/** Escapes text and wraps numbers longer than one character in a no-break span. */
export function textHtml(s: string): string {
  let out = '';
  let last = 0;
  for (const m of s.matchAll(NUMBER_RUN)) {
    const i = m.index ?? 0;
    out += escapeHtml(s.slice(last, i));
    out += m[0].length > 1 ? `<span class="nb">${escapeHtml(m[0])}</span>` : escapeHtml(m[0]);
    last = i + m[0].length;
  }
  return out + escapeHtml(s.slice(last));
}

export interface InlineHooks {
  /** Called for each index-term mark; returns the anchor id to place at its start. */
  indexTerm?(term: string, sortKey: string | undefined): string;
  /** Called for each footnote reference; returns the call-out label ("①"), or null to drop it. */
  footnoteRef?(footnoteId: string): string | null;
}

const TAG: Partial<Record<Mark['type'], string>> = { bold: 'b', italic: 'i', sup: 'sup', sub: 'sub' };

/** Renders text with marks. Overlapping style marks are split at every boundary so tags nest correctly. */
export function inlineHtml(text: string, marks: readonly Mark[], hooks: InlineHooks = {}): string {
  if (!marks.length) return textHtml(text);
  const n = text.length;
  const clamp = (x: number) => Math.max(0, Math.min(n, x));
  const points = new Map<number, string[]>(); // html inserted before position
  const cuts = new Set<number>([0, n]);
  const styles: { start: number; end: number; tag: string }[] = [];
  for (const m of marks) {
    const start = clamp(m.start);
    const end = clamp(Math.max(m.start, m.end));
    if (m.type === 'indexTerm' && hooks.indexTerm) {
      const id = hooks.indexTerm(text.slice(start, end), m.sortKey);
      push(points, start, `<span class="ix" id="${escapeHtml(id)}"></span>`);
      cuts.add(start);
    } else if (m.type === 'footnoteRef' && hooks.footnoteRef) {
      const label = hooks.footnoteRef(m.footnoteId);
      if (label) {
        push(points, end, `<sup class="fnref">${escapeHtml(label)}</sup>`);
        cuts.add(end);
      }
    } else {
      const tag = TAG[m.type];
      if (tag && end > start) {
        styles.push({ start, end, tag });
        cuts.add(start);
        cuts.add(end);
      }
    }
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  let out = '';
  for (let k = 0; k < sorted.length; k++) {
    const at = sorted[k]!;
    for (const h of points.get(at) ?? []) out += h;
    const next = sorted[k + 1];
    if (next === undefined) break;
    const active = styles.filter((s) => s.start <= at && s.end >= next).map((s) => s.tag);
    const seg = textHtml(text.slice(at, next));
    out += active.map((t) => `<${t}>`).join('') + seg + [...active].reverse().map((t) => `</${t}>`).join('');
  }
  return out;
}

function push(map: Map<number, string[]>, k: number, v: string): void {
  const a = map.get(k);
  if (a) a.push(v);
  else map.set(k, [v]);
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
/** Footnote call-out labels as Chinese books print them: ①②③…, then [21]. */
export function footnoteLabel(n: number): string {
  return n >= 1 && n <= CIRCLED.length ? CIRCLED[n - 1]! : `[${n}]`;
}
