// Book ⇄ storage rows. Pure functions (no IndexedDB), so the lossless round trip is easy to test.
import {
  blockText,
  countChars,
  numberingSummary,
  type Block,
  type Book,
  type Category,
  type Entry,
  type Matter,
  type Section,
  type Subsection,
} from '../../shared/model';
import type { BookRow, BookShell, NodeCounts, NodeRow, Part, SectionRow } from './schema';

export interface BookRows {
  book: BookRow;
  nodes: NodeRow[];
  sections: SectionRow[];
}

export function zeroCounts(): NodeCounts {
  return { entries: 0, characters: 0, tables: 0, figures: 0 };
}

export function addNodeCounts(a: NodeCounts, b: NodeCounts): NodeCounts {
  return {
    entries: a.entries + b.entries,
    characters: a.characters + b.characters,
    tables: a.tables + b.tables,
    figures: a.figures + b.figures,
  };
}

/** Counts of one block: characters of its text (attribution names are not text of the book). */
export function blockCounts(block: Block): NodeCounts {
  const c = zeroCounts();
  if (block.type === 'attribution') return c;
  if (block.type === 'table') c.tables = 1;
  if (block.type === 'figure') c.figures = 1;
  c.characters = countChars(blockText(block));
  return c;
}

export function entryCounts(entry: Entry): NodeCounts {
  let c = { ...zeroCounts(), entries: 1, characters: countChars(entry.title) };
  for (const b of entry.blocks) c = addNodeCounts(c, blockCounts(b));
  return c;
}

export function subsectionCounts(sub: Subsection): NodeCounts {
  let c = { ...zeroCounts(), characters: countChars(sub.title) };
  for (const child of sub.children) c = addNodeCounts(c, child.type === 'entry' ? entryCounts(child) : blockCounts(child));
  return c;
}

/** Counts of a section, the same figures `sectionCounts` in shared/model gives (entries, characters, tables, figures). */
export function sectionNodeCounts(section: Section): NodeCounts {
  let c = { ...zeroCounts(), characters: countChars(section.title) };
  for (const child of section.children) {
    if (child.type === 'entry') c = addNodeCounts(c, entryCounts(child));
    else if (child.type === 'subsection') c = addNodeCounts(c, subsectionCounts(child));
    else c = addNodeCounts(c, blockCounts(child));
  }
  return c;
}

export function matterCounts(m: Matter): NodeCounts {
  let c = zeroCounts();
  for (const b of m.blocks) c = addNodeCounts(c, blockCounts(b));
  return c;
}

/** The outline rows of a section: the section row itself plus its subsections and entries. */
export function sectionNodeRows(bookId: string, part: Part, categoryId: string, order: number, section: Section): NodeRow[] {
  const rows: NodeRow[] = [];
  rows.push({
    id: section.id,
    bookId,
    kind: 'section',
    part,
    parentId: categoryId,
    sectionId: section.id,
    order,
    title: section.title,
    stage: section.status.stage,
    ...(section.status.by ? { stageBy: section.status.by } : {}),
    ...(section.status.at ? { stageAt: section.status.at } : {}),
    counts: sectionNodeCounts(section),
    numbering: numberingSummary(section),
  });
  const entryRow = (e: Entry, parentId: string, i: number): NodeRow => ({
    id: e.id,
    bookId,
    kind: 'entry',
    part,
    parentId,
    sectionId: section.id,
    order: i,
    title: e.title,
    ...(e.status ? { stage: e.status.stage } : {}),
    ...(e.status?.by ? { stageBy: e.status.by } : {}),
    ...(e.status?.at ? { stageAt: e.status.at } : {}),
    counts: entryCounts(e),
  });
  // Order counts every child (blocks too), so it reflects the position in the section's children.
  section.children.forEach((child, i) => {
    if (child.type === 'entry') rows.push(entryRow(child, section.id, i));
    else if (child.type === 'subsection') {
      rows.push({
        id: child.id,
        bookId,
        kind: 'subsection',
        part,
        parentId: section.id,
        sectionId: section.id,
        order: i,
        title: child.title,
        counts: subsectionCounts(child),
      });
      child.children.forEach((sc, j) => {
        if (sc.type === 'entry') rows.push(entryRow(sc, child.id, j));
      });
    }
  });
  return rows;
}

function categoryRow(bookId: string, part: Part, order: number, c: Category): NodeRow {
  const { sections: _sections, ...own } = c;
  let counts = zeroCounts();
  for (const s of c.sections) counts = addNodeCounts(counts, sectionNodeCounts(s));
  counts.characters += countChars(c.title);
  return { id: c.id, bookId, kind: 'category', part, parentId: null, sectionId: null, order, title: c.title, role: c.role, counts, category: own };
}

function matterRow(bookId: string, part: Part, order: number, m: Matter): NodeRow {
  return { id: m.id, bookId, kind: 'matter', part, parentId: null, sectionId: null, order, title: m.title, matterKind: m.kind, counts: matterCounts(m), numbering: numberingSummary(m) };
}

export function bookShell(book: Book): BookShell {
  const { front: _f, body: _b, back: _k, ...shell } = book;
  return shell;
}

/** Splits a book into storage rows. */
export function bookToRows(book: Book, now: string = new Date().toISOString()): BookRows {
  const nodes: NodeRow[] = [];
  const sections: SectionRow[] = [];
  const addCategory = (part: Part, order: number, c: Category) => {
    nodes.push(categoryRow(book.id, part, order, c));
    c.sections.forEach((s, i) => {
      nodes.push(...sectionNodeRows(book.id, part, c.id, i, s));
      sections.push({ id: s.id, bookId: book.id, kind: 'section', data: s, updatedAt: now });
    });
  };
  const addMatter = (part: Part, order: number, m: Matter) => {
    nodes.push(matterRow(book.id, part, order, m));
    sections.push({ id: m.id, bookId: book.id, kind: 'matter', data: m, updatedAt: now });
  };
  book.front.forEach((m, i) => addMatter('front', i, m));
  book.body.forEach((c, i) => addCategory('body', i, c));
  book.back.forEach((b, i) => (b.type === 'category' ? addCategory('back', i, b) : addMatter('back', i, b)));
  return {
    book: {
      id: book.id,
      title: book.title,
      volumeYear: book.volumeYear,
      recordYear: book.recordYear,
      updatedAt: book.updatedAt,
      openedAt: now,
      shell: bookShell(book),
    },
    nodes,
    sections,
  };
}

/**
 * Reassembles a book from its rows. Only category and matter node rows and the section rows are read;
 * subsection and entry node rows are an index and are ignored.
 */
export function rowsToBook(bookRow: BookRow, nodes: readonly NodeRow[], sectionRows: readonly SectionRow[]): Book {
  const content = new Map(sectionRows.map((r) => [r.id, r.data]));
  const byOrder = (a: NodeRow, b: NodeRow) => a.order - b.order;
  const top = (part: Part) => nodes.filter((n) => n.part === part && n.parentId === null).sort(byOrder);
  const sectionsOf = (catId: string) => nodes.filter((n) => n.kind === 'section' && n.parentId === catId).sort(byOrder);
  const category = (n: NodeRow): Category => {
    if (!n.category) throw new Error(`category row ${n.id} has no category data`);
    const sections = sectionsOf(n.id).map((s) => {
      const data = content.get(s.id);
      if (!data || data.type !== 'section') throw new Error(`section ${s.id} has no content row`);
      return data;
    });
    return { ...n.category, sections } as Category;
  };
  const matter = (n: NodeRow): Matter => {
    const data = content.get(n.id);
    if (!data || data.type !== 'matter') throw new Error(`matter ${n.id} has no content row`);
    return data;
  };
  return {
    ...bookRow.shell,
    front: top('front').map(matter),
    body: top('body').map(category),
    back: top('back').map((n) => (n.kind === 'category' ? category(n) : matter(n))),
  } as Book;
}
