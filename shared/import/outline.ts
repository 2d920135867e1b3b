// The outline of an import: the structure-only JSON of tests/fixtures/corpus/README.md, which the
// accuracy scorer compares with the hand-made gold outlines (and `yearbook import FILE --outline` prints).
import type { Block, Category, Entry, Section, Table } from '../model/schema';
import { isGroupLabel } from './patterns';
import { squash } from './text';
import type { ImportResult } from './types';

export interface OutlineEntry {
  title: string;
  bodyStart: string;
  bodyEnd: string;
  paragraphs: number;
}

export interface ChapterOutline {
  kind: 'yearbook-chapter';
  category: string;
  sections: {
    title: string;
    subsections: { title: string; entries: OutlineEntry[] }[];
    entries: OutlineEntry[];
    attributions: { kind: string; names: string[]; raw?: string }[];
  }[];
  figures: { number: number | string | null; caption: string; credit: string; section: string }[];
  tables: { number: string | null; title: string; section: string; header: string[]; rows: number; continuations: number }[];
}

export interface ReportsOutline {
  kind: 'special-reports';
  documents: { title: string; headings: { level: number; text: string }[]; paragraphs: number }[];
}

export interface TableOutline {
  kind: 'table';
  title: string;
  header: string[];
  groups: { label: string; rows: number }[];
  rows: number;
}

export interface MixedOutline {
  kind: 'mixed';
  parts: (ChapterOutline | ReportsOutline | TableOutline)[];
}

export type Outline = ChapterOutline | ReportsOutline | TableOutline | MixedOutline;

const BODY_CHARS = 12;

function entryOutline(e: Entry): OutlineEntry {
  const paras = e.blocks.filter((b) => b.type === 'paragraph');
  const first = paras[0]?.text ?? '';
  const last = paras[paras.length - 1]?.text ?? '';
  return {
    title: e.title,
    bodyStart: [...first.trim()].slice(0, BODY_CHARS).join(''),
    bodyEnd: [...last.trim()].slice(-BODY_CHARS).join(''),
    paragraphs: paras.length,
  };
}

/** Every block of a section with the entry it sits in, in reading order. */
function sectionBlocks(s: Section): Block[] {
  const out: Block[] = [];
  for (const c of s.children) {
    if (c.type === 'entry') out.push(...c.blocks);
    else if (c.type === 'subsection') {
      for (const x of c.children) {
        if (x.type === 'entry') out.push(...x.blocks);
        else out.push(x);
      }
    } else out.push(c);
  }
  return out;
}

export function chapterOutline(category: Category, continuations: ReadonlyMap<string, number> = new Map()): ChapterOutline {
  const out: ChapterOutline = { kind: 'yearbook-chapter', category: category.title, sections: [], figures: [], tables: [] };
  for (const s of category.sections) {
    const sec: ChapterOutline['sections'][number] = { title: s.title, subsections: [], entries: [], attributions: [] };
    for (const c of s.children) {
      if (c.type === 'entry') sec.entries.push(entryOutline(c));
      else if (c.type === 'subsection') {
        sec.subsections.push({ title: c.title, entries: c.children.filter((x): x is Entry => x.type === 'entry').map(entryOutline) });
      }
    }
    for (const b of sectionBlocks(s)) {
      if (b.type === 'attribution' && b.kind !== 'photo') sec.attributions.push({ kind: b.kind, names: b.names, ...(b.raw ? { raw: b.raw } : {}) });
      else if (b.type === 'figure') {
        const n = b.number !== null && /^\d+$/.test(b.number) ? Number(b.number) : b.number;
        out.figures.push({ number: n, caption: b.caption, credit: b.credit?.raw ?? '', section: s.title });
      } else if (b.type === 'table') out.tables.push(tableSummary(b, s.title, continuations.get(b.id) ?? 0));
    }
    out.sections.push(sec);
  }
  return out;
}

function tableSummary(t: Table, section: string, continuations: number): ChapterOutline['tables'][number] {
  return {
    number: t.number,
    title: t.title,
    section,
    header: t.headerRows[0]?.cells.map((c) => c.text) ?? [],
    rows: t.bodyRows.length,
    continuations,
  };
}

/** Heading text for comparison: whitespace removed, the run-in heading's final stop dropped. */
function headingKey(text: string): string {
  return squash(text).replace(/[。！？.!?]$/, '');
}

export function reportsOutline(category: Category): ReportsOutline {
  return {
    kind: 'special-reports',
    documents: category.sections.map((s) => ({
      title: squash(s.title),
      headings: s.children.flatMap((c) => (c.type === 'heading' ? [{ level: c.level, text: headingKey(c.text) }] : [])),
      paragraphs: s.children.filter((c) => c.type === 'paragraph').length,
    })),
  };
}

export function tableOutline(section: Section): TableOutline | null {
  const t = section.children.find((c): c is Table => c.type === 'table');
  if (!t) return null;
  const groups: TableOutline['groups'] = [];
  for (const r of t.bodyRows) {
    const first = r.cells[0];
    if (first && first.rowSpan >= 1 && isGroupLabel(first.text) && (first.rowSpan > 1 || r.cells.length === (t.headerRows[0]?.cells.length ?? 0))) {
      groups.push({ label: squash(first.text), rows: first.rowSpan });
    }
  }
  return { kind: 'table', title: t.title, header: t.headerRows[0]?.cells.map((c) => c.text) ?? [], groups, rows: t.bodyRows.length };
}

/** The outline of an import result: one document kind gives its outline; several give a mixed outline. */
export function toOutline(result: ImportResult): Outline {
  const continuations = new Map<string, number>();
  for (const d of result.report.documents) for (const t of d.tables) continuations.set(t.id, t.parts - 1);
  const parts: (ChapterOutline | ReportsOutline | TableOutline)[] = [];
  for (const c of result.categories) {
    if (c.role === 'special') parts.push(reportsOutline(c));
    else if (c.role === 'appendix') {
      for (const s of c.sections) {
        const o = tableOutline(s);
        if (o) parts.push(o);
      }
    } else parts.push(chapterOutline(c, continuations));
  }
  if (parts.length === 1) return parts[0]!;
  return { kind: 'mixed', parts };
}
