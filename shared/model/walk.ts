// Traversal helpers over the book tree. They never mutate.
import type {
  Block,
  Book,
  Category,
  Entry,
  Matter,
  Section,
  SectionChild,
  Subsection,
  SubsectionChild,
} from './schema';

/** Where a node sits: the chain of containers above it. */
export interface NodePath {
  part: 'front' | 'body' | 'back';
  category?: Category;
  matter?: Matter;
  section?: Section;
  subsection?: Subsection;
  entry?: Entry;
}

export function isEntry(n: SectionChild | SubsectionChild): n is Entry {
  return n.type === 'entry';
}
export function isSubsection(n: SectionChild): n is Subsection {
  return n.type === 'subsection';
}
export function isBlock(n: SectionChild | SubsectionChild): n is Block {
  return n.type !== 'entry' && n.type !== 'subsection';
}

/** All categories of the book in print order (body, then the appendix categories of the back matter). */
export function allCategories(book: Book): Category[] {
  return [...book.body, ...book.back.filter((b): b is Category => b.type === 'category')];
}

/** Every section with its category, in print order. */
export function allSections(book: Book): { category: Category; section: Section }[] {
  const out: { category: Category; section: Section }[] = [];
  for (const category of allCategories(book)) for (const section of category.sections) out.push({ category, section });
  return out;
}

/** Entries of a section in order, including those inside subsections. */
export function sectionEntries(section: Section): Entry[] {
  const out: Entry[] = [];
  for (const c of section.children) {
    if (c.type === 'entry') out.push(c);
    else if (c.type === 'subsection') for (const s of c.children) if (s.type === 'entry') out.push(s);
  }
  return out;
}

export interface BlockVisit {
  block: Block;
  path: NodePath;
}

/** Every block of a section in reading order, with its container path. */
export function* sectionBlocks(category: Category, section: Section, part: NodePath['part'] = 'body'): Generator<BlockVisit> {
  for (const child of section.children) {
    if (child.type === 'entry') {
      for (const block of child.blocks) yield { block, path: { part, category, section, entry: child } };
    } else if (child.type === 'subsection') {
      for (const sc of child.children) {
        if (sc.type === 'entry') {
          for (const block of sc.blocks) yield { block, path: { part, category, section, subsection: child, entry: sc } };
        } else {
          yield { block: sc, path: { part, category, section, subsection: child } };
        }
      }
    } else {
      yield { block: child, path: { part, category, section } };
    }
  }
}

/** The blocks of one section in reading order (entries' blocks, subsections' and the section's own), without paths. */
export function sectionBlockList(section: Section): Block[] {
  const out: Block[] = [];
  for (const child of section.children) {
    if (child.type === 'entry') out.push(...child.blocks);
    else if (child.type === 'subsection') for (const sc of child.children) out.push(...(sc.type === 'entry' ? sc.blocks : [sc]));
    else out.push(child);
  }
  return out;
}

/** Every block of the book in reading order (front matter, body, back matter). */
export function* bookBlocks(book: Book): Generator<BlockVisit> {
  for (const m of book.front) for (const block of m.blocks) yield { block, path: { part: 'front', matter: m } };
  for (const category of book.body) for (const section of category.sections) yield* sectionBlocks(category, section, 'body');
  for (const b of book.back) {
    if (b.type === 'matter') for (const block of b.blocks) yield { block, path: { part: 'back', matter: b } };
    else for (const section of b.sections) yield* sectionBlocks(b, section, 'back');
  }
}

export type AnyNode = Category | Section | Subsection | Entry | Matter | Block;

export interface IndexedNode {
  node: AnyNode;
  path: NodePath;
}

/** Map of every id in the book to its node and path. Built in one pass; rebuild after edits. */
export function indexBook(book: Book): Map<string, IndexedNode> {
  const map = new Map<string, IndexedNode>();
  const put = (node: AnyNode, path: NodePath) => map.set(node.id, { node, path });
  for (const m of book.front) put(m, { part: 'front' });
  const visitCategory = (category: Category, part: NodePath['part']) => {
    put(category, { part });
    for (const section of category.sections) {
      put(section, { part, category });
      for (const child of section.children) {
        if (child.type === 'subsection') put(child, { part, category, section });
        else if (child.type === 'entry') put(child, { part, category, section });
        if (child.type === 'subsection') {
          for (const sc of child.children) if (sc.type === 'entry') put(sc, { part, category, section, subsection: child });
        }
      }
      for (const v of sectionBlocks(category, section, part)) put(v.block, v.path);
    }
  };
  for (const c of book.body) visitCategory(c, 'body');
  for (const b of book.back) {
    if (b.type === 'matter') put(b, { part: 'back' });
    else visitCategory(b, 'back');
  }
  for (const m of book.front) for (const block of m.blocks) put(block, { part: 'front', matter: m });
  for (const m of book.back) if (m.type === 'matter') for (const block of m.blocks) put(block, { part: 'back', matter: m });
  return map;
}

/** The plain text of a block, as the checker and the statistics see it (tables: all cells; figures: caption). */
export function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'footnote':
      return block.text;
    case 'dated':
      return `${block.dateLabel} ${block.text}`;
    case 'table':
      return [
        block.title,
        block.unitNote ?? '',
        ...[...block.headerRows, ...block.bodyRows].flatMap((r) => r.cells.map((c) => c.text)),
        block.note ?? '',
      ].join('\n');
    case 'figure':
      return block.caption;
    case 'attribution':
      return block.names.join(' ');
  }
}
