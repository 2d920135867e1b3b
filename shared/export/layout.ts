// Pagination of the assembled book: where each printed part lands, its folios (页码) and running heads (书眉),
// and the page of every anchor, read back from the parts' PDFs. Pure arithmetic over measured facts.
import type { ResolvedProfile } from './profile';

/** Where Chromium put an anchor: page within its part (0-based) and the point in PDF user space. */
export interface AnchorPos {
  page: number;
  x: number;
  y: number;
}

export type Numbering = 'roman' | 'arabic' | 'none';

export interface PartPages {
  key: string;
  kind: 'title' | 'matter' | 'toc' | 'category' | 'section' | 'index';
  numbering: Numbering;
  /** Running-head text of this part for pages where the profile asks for the category (or the part title). */
  title: string;
  /** Pages of the part that show neither head nor folio (opener, blank verso of the opener, title page). */
  silentPages: number[];
  /** Pages that show the folio but no head (the first page of a matter part: its own title is there). */
  folioOnlyPages: number[];
  pageCount: number;
  /** Body set in two (or more) columns: index references then carry a column letter. */
  multiColumn: boolean;
  anchors: Map<string, AnchorPos>;
  /** Section anchors in order with their titles, for section running heads. */
  sections: { anchor: string; title: string }[];
}

export interface PageInfo {
  /** 0-based position in the final PDF. */
  physical: number;
  side: 'left' | 'right';
  /** Index of the part, or -1 for a blank page inserted so that the next part starts on a right-hand page. */
  part: number;
  partPage: number;
  /** The page number (also for pages that do not print it, such as an opener: the TOC still cites it). */
  folio: string | null;
  /** Whether the folio is printed on the page. */
  showFolio: boolean;
  head: string | null;
  /** The section in force on this page (for the preview's navigation). */
  sectionAnchor: string | null;
}

export interface BookLayout {
  pages: PageInfo[];
  /** First physical page of each part. */
  partStart: number[];
  /** Physical page of the first arabic folio (page 1). */
  arabicStart: number;
  anchorPage(anchor: string): { physical: number; folio: string | null; column: 'a' | 'b' | null } | null;
}

export function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'], [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i'],
  ];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

export interface HeadTexts {
  /** "拱墅年鉴（2022）" */
  book: string;
}

/**
 * Lays the parts out one after the other, each starting on a right-hand (odd) page; front matter is numbered
 * in lower-case roman, the body from 1. Running heads follow the profile (even/odd: book, category, section).
 */
export function layoutBook(parts: PartPages[], profile: ResolvedProfile, heads: HeadTexts): BookLayout {
  const pages: PageInfo[] = [];
  const partStart: number[] = [];
  let arabicStart = -1;
  const romanStart = parts.findIndex((p) => p.numbering === 'roman');
  for (let pi = 0; pi < parts.length; pi++) {
    const part = parts[pi]!;
    if (pages.length % 2 === 1) pages.push(blank(pages.length));
    partStart.push(pages.length);
    if (part.numbering === 'arabic' && arabicStart < 0) arabicStart = pages.length;
    // Section starts by page, for the "section" running head.
    const sectionStarts = part.sections
      .map((s) => ({ s, pos: part.anchors.get(s.anchor) }))
      .filter((x): x is { s: { anchor: string; title: string }; pos: AnchorPos } => !!x.pos)
      .sort((a, b) => a.pos.page - b.pos.page || b.pos.y - a.pos.y);
    let current: { anchor: string; title: string } | null = null;
    for (let k = 0; k < part.pageCount; k++) {
      const physical = pages.length;
      const side: 'left' | 'right' = physical % 2 === 0 ? 'right' : 'left';
      const startingHere = sectionStarts.filter((x) => x.pos.page === k);
      const atTop = startingHere[0]?.s ?? null;
      const before = [...sectionStarts].reverse().find((x) => x.pos.page < k)?.s ?? null;
      current = atTop ?? before ?? current;
      const silent = part.silentPages.includes(k);
      let folio: string | null = null;
      if (part.numbering === 'roman' && romanStart >= 0) folio = roman(physical - partStartOf(partStart, romanStart) + 1);
      else if (part.numbering === 'arabic') folio = String(physical - arabicStart + 1);
      let head: string | null = null;
      if (!silent && !part.folioOnlyPages.includes(k)) {
        if (part.kind === 'category' || part.kind === 'section') {
          const which = side === 'left' ? profile.runningHeads.even : profile.runningHeads.odd;
          head =
            which === 'book' ? heads.book : which === 'category' ? part.title : which === 'section' ? (current?.title ?? part.title) : null;
        } else {
          head = side === 'left' ? heads.book : part.title;
        }
      }
      pages.push({ physical, side, part: pi, partPage: k, folio, showFolio: !silent && folio !== null, head, sectionAnchor: current?.anchor ?? null });
    }
  }
  const index = new Map<string, { part: number; pos: AnchorPos }>();
  parts.forEach((p, pi) => p.anchors.forEach((pos, a) => index.set(a, { part: pi, pos })));
  const colSplit = (profile.typeWidth / 2) * (72 / 25.4);
  return {
    pages,
    partStart,
    arabicStart: Math.max(0, arabicStart),
    anchorPage(anchor) {
      const hit = index.get(anchor);
      if (!hit) return null;
      const physical = partStart[hit.part]! + hit.pos.page;
      const two = parts[hit.part]!.multiColumn;
      return { physical, folio: pages[physical]?.folio ?? null, column: two ? (hit.pos.x < colSplit ? 'a' : 'b') : null };
    },
  };
}

function partStartOf(starts: number[], i: number): number {
  return starts[i] ?? 0;
}

function blank(physical: number): PageInfo {
  return { physical, side: physical % 2 === 0 ? 'right' : 'left', part: -1, partPage: -1, folio: null, showFolio: false, head: null, sectionAnchor: null };
}
