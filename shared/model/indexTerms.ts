// The subject index (索引) as the book holds it: index terms (主题词, indexTerm marks on text) and entry titles,
// which are index candidates unless the entry says noIndex. The export builds the printed index from the same
// places (shared/export: render.ts collects, generated.ts sorts by pinyin). Pure; changes return a new book.
import type { Block, Book, Entry, Mark } from './schema';
import { allSections } from './walk';
import { mapSectionBlocks, mapSectionById } from './map';

export interface IndexOccurrence {
  kind: 'term' | 'entry';
  /** The term as the index prints it: the marked text, or the entry title (a generic title such as 概况 is
   *  qualified by its section: 民政概况). */
  term: string;
  /** Index terms: the sort key typed by the editor (pinyin or characters to read), if any. */
  sortKey?: string;
  sectionId: string;
  sectionTitle: string;
  /** The 次目 the occurrence is in, if any (tells the many 概况 of one section apart). */
  subsectionTitle?: string;
  /** The block carrying the mark, or the entry. */
  nodeId: string;
  /** The entry the occurrence is in (the entry itself for a title). */
  entryId?: string;
  /** For a term in a table cell: row over header rows then body rows, and the cell's index in its row. */
  cell?: { row: number; col: number };
  /** The marked range (terms) or the whole title (entries). */
  start: number;
  end: number;
  /** Entries: false when the entry is kept out of the index (noIndex). Terms: always true. */
  included: boolean;
}

/** Where an index term mark is: block (and cell) and its range. */
export interface IndexTermRef {
  sectionId: string;
  nodeId: string;
  cell?: { row: number; col: number };
  start: number;
  end: number;
}

/** Every index term and entry title of the book's sections, in book order. */
export function indexOccurrences(book: Book): IndexOccurrence[] {
  const generic = new Set(book.houseStyle.overviewTitles);
  const out: IndexOccurrence[] = [];
  for (const { section } of allSections(book)) {
    let base: { sectionId: string; sectionTitle: string; subsectionTitle?: string } = { sectionId: section.id, sectionTitle: section.title };
    const terms = (nodeId: string, entryId: string | undefined, text: string, marks: readonly Mark[], cell?: { row: number; col: number }) => {
      for (const m of marks) {
        if (m.type !== 'indexTerm') continue;
        const term = text.slice(m.start, m.end).trim();
        if (!term) continue;
        out.push({
          kind: 'term',
          term,
          ...(m.sortKey ? { sortKey: m.sortKey } : {}),
          ...base,
          nodeId,
          ...(entryId ? { entryId } : {}),
          ...(cell ? { cell } : {}),
          start: m.start,
          end: m.end,
          included: true,
        });
      }
    };
    const block = (b: Block, entryId: string | undefined) => {
      if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'dated' || b.type === 'footnote') terms(b.id, entryId, b.text, b.marks);
      else if (b.type === 'table') [...b.headerRows, ...b.bodyRows].forEach((r, row) => r.cells.forEach((c, col) => terms(b.id, entryId, c.text, c.marks, { row, col })));
    };
    const entry = (e: Entry) => {
      const title = e.title.trim();
      if (title) {
        out.push({ kind: 'entry', term: generic.has(title) ? `${section.title}${title}` : title, ...base, nodeId: e.id, entryId: e.id, start: 0, end: e.title.length, included: !e.noIndex });
      }
      e.blocks.forEach((b) => block(b, e.id));
    };
    for (const c of section.children) {
      base = { sectionId: section.id, sectionTitle: section.title };
      if (c.type === 'entry') entry(c);
      else if (c.type === 'subsection') {
        base = { ...base, subsectionTitle: c.title };
        for (const x of c.children) {
          if (x.type === 'entry') entry(x);
          else block(x, undefined);
        }
      } else block(c, undefined);
    }
  }
  return out;
}

function withSortKey(marks: readonly Mark[], start: number, end: number, sortKey: string): { marks: Mark[]; changed: boolean } {
  let changed = false;
  const next = marks.map((m) => {
    if (m.type !== 'indexTerm' || m.start !== start || m.end !== end) return m;
    changed = true;
    const { sortKey: _old, ...rest } = m;
    return sortKey ? { ...rest, sortKey } : rest;
  });
  return { marks: next, changed };
}

/**
 * Sets (or, with an empty key, removes) the sort key of one index term mark. The book comes back unchanged
 * when the mark is not there (any more).
 */
export function setIndexTermSortKey(book: Book, ref: IndexTermRef, sortKey: string): Book {
  const key = sortKey.trim();
  let changed = false;
  const next = mapSectionById(book, ref.sectionId, (s) =>
    mapSectionBlocks(s, (b) => {
      if (b.id !== ref.nodeId) return b;
      if (b.type === 'table' && ref.cell) {
        const { row, col } = ref.cell;
        const mapRows = (rows: typeof b.headerRows, offset: number) =>
          rows.map((r, i) =>
            i + offset !== row
              ? r
              : {
                  ...r,
                  cells: r.cells.map((c, k) => {
                    if (k !== col) return c;
                    const m = withSortKey(c.marks, ref.start, ref.end, key);
                    changed ||= m.changed;
                    return m.changed ? { ...c, marks: m.marks } : c;
                  }),
                },
          );
        return { ...b, headerRows: mapRows(b.headerRows, 0), bodyRows: mapRows(b.bodyRows, b.headerRows.length) };
      }
      if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'dated' || b.type === 'footnote') {
        const m = withSortKey(b.marks, ref.start, ref.end, key);
        changed ||= m.changed;
        return m.changed ? { ...b, marks: m.marks } : b;
      }
      return b;
    }),
  );
  return changed ? next : book;
}

/** Keeps an entry's title out of the index (noIndex) or lets it in again. */
export function setEntryNoIndex(book: Book, sectionId: string, entryId: string, noIndex: boolean): Book {
  let changed = false;
  const next = mapSectionById(book, sectionId, (s) =>
    mapSectionBlocks(
      s,
      (b) => b,
      (e) => {
        if (e.id !== entryId || e.noIndex === noIndex) return e;
        changed = true;
        return { ...e, noIndex };
      },
    ),
  );
  return changed ? next : book;
}

/** One line of the index: a term with its occurrences as an index term and as entry titles. */
export interface IndexTermGroup {
  term: string;
  /** The first sort key typed on one of its index terms (the printed index sorts by it). */
  sortKey?: string;
  terms: IndexOccurrence[];
  entries: IndexOccurrence[];
}

/** Occurrences merged by term as the printed index merges them, in order of first occurrence. */
export function groupIndexOccurrences(occurrences: readonly IndexOccurrence[]): IndexTermGroup[] {
  const groups = new Map<string, IndexTermGroup>();
  for (const o of occurrences) {
    let g = groups.get(o.term);
    if (!g) groups.set(o.term, (g = { term: o.term, terms: [], entries: [] }));
    if (o.kind === 'term') {
      g.terms.push(o);
      if (o.sortKey && g.sortKey === undefined) g.sortKey = o.sortKey;
    } else g.entries.push(o);
  }
  return [...groups.values()];
}

/** Sets the sort key of every index term mark of a group (what the printed index line sorts by). */
export function setGroupSortKey(book: Book, group: Pick<IndexTermGroup, 'terms'>, sortKey: string): Book {
  let next = book;
  for (const o of group.terms) next = setIndexTermSortKey(next, { sectionId: o.sectionId, nodeId: o.nodeId, ...(o.cell ? { cell: o.cell } : {}), start: o.start, end: o.end }, sortKey);
  return next;
}
