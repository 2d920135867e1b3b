// Table and figure numbers (表N, 图N) as the book prints them and the editor shows them. Tables and figures are
// numbered separately, in book order (front matter, body, back matter), one sequence each through the whole book.
//
//   houseStyle.autoNumber: every table and figure gets the next number (what is typed in the model is ignored).
//   otherwise: a number typed in the model is kept as it is; one without a number continues from the previous
//   number ("78" then an unnumbered figure → 79), so inserting an unnumbered figure renumbers the unnumbered ones
//   after it. A typed number that is not a plain integer ("3-1", "附1") is kept and does not move the count.
//
// The numbers of one section depend only on the state before it (NumberingState), so the app can number the
// open section live from the counts of the sections before it (sectionNumbering) without the whole book.
import type { Block, Book, Matter, Section } from './schema';
import { sectionBlockList } from './walk';

export type NumberedKind = 'table' | 'figure';

export interface AssignedNumber {
  kind: NumberedKind;
  /** The number as printed after 表 / 图 ("6"). */
  number: string;
  /** True when the number was assigned here (not typed in the model). */
  auto: boolean;
}

/** The last number of each sequence before a place in the book. */
export interface NumberingState {
  table: number;
  figure: number;
}

export const NUMBERING_START: NumberingState = Object.freeze({ table: 0, figure: 0 });

/** A table or figure as numbering sees it. */
export interface NumberedItem {
  id: string;
  kind: NumberedKind;
  /** The number typed in the model (Table.number / Figure.number), or null. */
  number: string | null;
}

export interface NumberingResult {
  numbers: Map<string, AssignedNumber>;
  /** The state after the items, where the next section starts. */
  end: NumberingState;
}

/** Numbers a run of items in order, continuing from `start`. */
export function numberItems(items: Iterable<NumberedItem>, autoNumber: boolean, start: NumberingState = NUMBERING_START): NumberingResult {
  const last = { ...start };
  const numbers = new Map<string, AssignedNumber>();
  for (const it of items) {
    const typed = it.number?.trim() ?? '';
    if (autoNumber || typed === '') {
      last[it.kind] += 1;
      numbers.set(it.id, { kind: it.kind, number: String(last[it.kind]), auto: true });
      continue;
    }
    if (/^\d+$/.test(typed)) last[it.kind] = Number(typed);
    numbers.set(it.id, { kind: it.kind, number: typed, auto: false });
  }
  return { numbers, end: last };
}

function item(b: Block): NumberedItem | null {
  if (b.type === 'table') return { id: b.id, kind: 'table', number: b.number };
  if (b.type === 'figure') return { id: b.id, kind: 'figure', number: b.number };
  return null;
}

/** The tables and figures of a section (or matter page) in reading order. */
export function numberedItems(doc: Section | Matter): NumberedItem[] {
  return (doc.type === 'matter' ? doc.blocks : sectionBlockList(doc)).map(item).filter((x): x is NumberedItem => x !== null);
}

/** Sections and matter pages in book order (front matter, body, back matter). */
export function numberingOrder(book: Book): (Section | Matter)[] {
  const out: (Section | Matter)[] = [...book.front];
  for (const c of book.body) out.push(...c.sections);
  for (const b of book.back) {
    if (b.type === 'category') out.push(...b.sections);
    else out.push(b);
  }
  return out;
}

/** Every table and figure number of the book, by block id. */
export function tableFigureNumbers(book: Book): Map<string, AssignedNumber> {
  return numberItems(numberingOrder(book).flatMap(numberedItems), book.houseStyle.autoNumber).numbers;
}

/**
 * What the numbering needs to know of a section to continue past it without reading it: the typed numbers of
 * its tables and figures in order (null where none is typed). Kept in the outline rows of the app.
 */
export interface NumberingSummary {
  tables: (string | null)[];
  figures: (string | null)[];
}

export function numberingSummary(doc: Section | Matter): NumberingSummary {
  const s: NumberingSummary = { tables: [], figures: [] };
  for (const it of numberedItems(doc)) (it.kind === 'table' ? s.tables : s.figures).push(it.number);
  return s;
}

/** The state after a section known only by its summary (tables and figures are separate sequences). */
export function advanceNumbering(start: NumberingState, summary: NumberingSummary, autoNumber: boolean): NumberingState {
  const items: NumberedItem[] = [
    ...summary.tables.map((number, i) => ({ id: `t${i}`, kind: 'table' as const, number })),
    ...summary.figures.map((number, i) => ({ id: `f${i}`, kind: 'figure' as const, number })),
  ];
  return numberItems(items, autoNumber, start).end;
}

/** The numbers of one section, continuing from the state before it. */
export function sectionNumbering(doc: Section | Matter, autoNumber: boolean, start: NumberingState = NUMBERING_START): NumberingResult {
  return numberItems(numberedItems(doc), autoNumber, start);
}
