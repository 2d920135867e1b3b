// Rewriting the book tree without mutating it. Every helper keeps the identity of what it did not change: a
// section, category, entry or matter page comes back as the same object when fn changed nothing inside it, and
// the book itself when nothing changed at all, so a caller can tell "no change" by identity and nothing is copied
// for nothing.
import type { Block, Book, Category, Entry, Matter, Section, SectionChild, SubsectionChild } from './schema';

/** fn over a list: the same array when every item came back unchanged. */
function mapKept<T>(list: T[], fn: (x: T) => T): T[] {
  let out: T[] | null = null;
  for (let i = 0; i < list.length; i++) {
    const x = list[i]!;
    const y = fn(x);
    if (y !== x && !out) out = list.slice(0, i);
    out?.push(y);
  }
  return out ?? list;
}

/** Applies fn to every section of the book (body categories and back-matter categories). */
export function mapBookSections(book: Book, fn: (s: Section) => Section): Book {
  const category = (c: Category): Category => {
    const sections = mapKept(c.sections, fn);
    return sections === c.sections ? c : { ...c, sections };
  };
  const body = mapKept(book.body, category);
  const back = mapKept(book.back, (b) => (b.type === 'category' ? category(b) : b));
  return body === book.body && back === book.back ? book : { ...book, body, back };
}

/** Replaces one section (by id) with what fn makes of it. */
export function mapSectionById(book: Book, sectionId: string, fn: (s: Section) => Section): Book {
  return mapBookSections(book, (s) => (s.id === sectionId ? fn(s) : s));
}

/**
 * Applies fn to every block of a section (in its entries, in its subsections and between them), then entryFn to
 * every entry with its blocks already mapped.
 */
export function mapSectionBlocks(section: Section, fn: (b: Block) => Block, entryFn: (e: Entry) => Entry = (e) => e): Section {
  const entry = (e: Entry): Entry => {
    const blocks = mapKept(e.blocks, fn);
    return entryFn(blocks === e.blocks ? e : { ...e, blocks });
  };
  const children = mapKept(section.children, (c): SectionChild => {
    if (c.type === 'entry') return entry(c);
    if (c.type === 'subsection') {
      const kids = mapKept(c.children, (x): SubsectionChild => (x.type === 'entry' ? entry(x) : fn(x)));
      return kids === c.children ? c : { ...c, children: kids };
    }
    return fn(c);
  });
  return children === section.children ? section : { ...section, children };
}

/** Applies fn to every block of the book: its sections and its front and back matter pages. */
export function mapBookBlocks(book: Book, fn: (b: Block) => Block): Book {
  const matter = (m: Matter): Matter => {
    const blocks = mapKept(m.blocks, fn);
    return blocks === m.blocks ? m : { ...m, blocks };
  };
  const sections = mapBookSections(book, (s) => mapSectionBlocks(s, fn));
  const front = mapKept(book.front, matter);
  const back = mapKept(sections.back, (b) => (b.type === 'matter' ? matter(b) : b));
  return front === book.front && back === sections.back ? sections : { ...sections, front, back };
}
