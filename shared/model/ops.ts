// Pure operations on the book tree that the outline and the editor share: moving entries, subsections and
// sections, splitting and merging entries. Every function returns a new book (or section) and leaves its
// input untouched; nothing is lost — what cannot be done throws a UserError and changes nothing.
//
// Attribution lines list the entries they cover (Attribution.covers). When an entry leaves its section, its
// id is taken out of the covers of that section's lines (the line no longer prints under it); splitting an
// entry makes the new entry covered by the same lines; merging drops the merged entry's id.
import { UserError } from './errors';
import { mapSectionBlocks, mapSectionById } from './map';
import { ID_PREFIX, randomId, type IdGenerator } from './ids';
import type { Attribution, Book, Category, Entry, Paragraph, Section, SectionChild, Status, Subsection, SubsectionChild } from './schema';

/** Where an entry can be placed: a section, or a subsection of it; index counts that container's children. */
export interface EntryTarget {
  sectionId: string;
  /** Put the entry into this subsection of the section (else directly into the section). */
  subsectionId?: string;
  /** Position among the container's children (entries and blocks); past the end appends. */
  index: number;
}

interface Located<T> {
  category: Category;
  section: Section;
  subsection?: Subsection;
  node: T;
  index: number;
}

function everyCategory(book: Book): Category[] {
  return [...book.body, ...book.back.filter((b): b is Category => b.type === 'category')];
}

function findSection(book: Book, sectionId: string): { category: Category; section: Section; index: number } | null {
  for (const category of everyCategory(book)) {
    const index = category.sections.findIndex((s) => s.id === sectionId);
    if (index >= 0) return { category, section: category.sections[index]!, index };
  }
  return null;
}

function findEntry(book: Book, entryId: string): Located<Entry> | null {
  for (const category of everyCategory(book)) {
    for (const section of category.sections) {
      const hit = findEntryInSection(section, entryId);
      if (hit) return { category, section, ...hit };
    }
  }
  return null;
}

function findEntryInSection(section: Section, entryId: string): { subsection?: Subsection; node: Entry; index: number } | null {
  for (let i = 0; i < section.children.length; i++) {
    const c = section.children[i]!;
    if (c.type === 'entry' && c.id === entryId) return { node: c, index: i };
    if (c.type === 'subsection') {
      const j = c.children.findIndex((x) => x.type === 'entry' && x.id === entryId);
      if (j >= 0) return { subsection: c, node: c.children[j] as Entry, index: j };
    }
  }
  return null;
}

/** Applies fn to every attribution block of the section (wherever it sits). */
export function mapAttributions(section: Section, fn: (a: Attribution) => Attribution): Section {
  return mapSectionBlocks(section, (b) => (b.type === 'attribution' ? fn(b as Attribution) : b));
}

function withoutCover(section: Section, entryId: string): Section {
  return mapAttributions(section, (a) => (a.covers.includes(entryId) ? { ...a, covers: a.covers.filter((id) => id !== entryId) } : a));
}

function removeChild(section: Section, entryId: string): Section {
  return {
    ...section,
    children: section.children
      .filter((c) => !(c.type === 'entry' && c.id === entryId))
      .map((c) => (c.type === 'subsection' && c.children.some((x) => x.type === 'entry' && x.id === entryId) ? { ...c, children: c.children.filter((x) => !(x.type === 'entry' && x.id === entryId)) } : c)),
  };
}

function insertAt<T>(list: readonly T[], index: number, item: T): T[] {
  const i = Math.max(0, Math.min(index, list.length));
  return [...list.slice(0, i), item, ...list.slice(i)];
}

/**
 * Moves an entry to a position in a section or subsection (the same one or another, in any category).
 * Within one container, index is the position the entry ends up at.
 */
export function moveEntry(book: Book, entryId: string, target: EntryTarget): Book {
  const from = findEntry(book, entryId);
  if (!from) throw new UserError('ops.notFound', { id: entryId });
  const to = findSection(book, target.sectionId);
  if (!to) throw new UserError('ops.notFound', { id: target.sectionId });
  if (target.subsectionId && !to.section.children.some((c) => c.type === 'subsection' && c.id === target.subsectionId)) {
    throw new UserError('ops.notFound', { id: target.subsectionId });
  }
  const entry = from.node;
  const leavesSection = from.section.id !== target.sectionId;
  let next = mapSectionById(book, from.section.id, (s) => {
    const removed = removeChild(s, entryId);
    return leavesSection ? withoutCover(removed, entryId) : removed;
  });
  next = mapSectionById(next, target.sectionId, (s) => {
    if (target.subsectionId) {
      return {
        ...s,
        children: s.children.map((c) => (c.type === 'subsection' && c.id === target.subsectionId ? { ...c, children: insertAt(c.children, target.index, entry) } : c)),
      };
    }
    return { ...s, children: insertAt(s.children, target.index, entry) };
  });
  return next;
}

/** Moves a subsection (with its entries) to a position among the children of a section. */
export function moveSubsection(book: Book, subsectionId: string, target: { sectionId: string; index: number }): Book {
  let found: { section: Section; sub: Subsection } | null = null;
  for (const c of everyCategory(book)) {
    for (const s of c.sections) {
      const sub = s.children.find((x): x is Subsection => x.type === 'subsection' && x.id === subsectionId);
      if (sub) found = { section: s, sub };
    }
  }
  if (!found) throw new UserError('ops.notFound', { id: subsectionId });
  if (!findSection(book, target.sectionId)) throw new UserError('ops.notFound', { id: target.sectionId });
  const { section, sub } = found;
  const entryIds = sub.children.filter((x): x is Entry => x.type === 'entry').map((e) => e.id);
  let next = mapSectionById(book, section.id, (s) => {
    let out: Section = { ...s, children: s.children.filter((c) => c !== sub) };
    if (s.id !== target.sectionId) for (const id of entryIds) out = withoutCover(out, id);
    return out;
  });
  next = mapSectionById(next, target.sectionId, (s) => ({ ...s, children: insertAt(s.children, target.index, sub) }));
  return next;
}

/** Moves a section to a position in a category (body or appendix). */
export function moveSection(book: Book, sectionId: string, target: { categoryId: string; index: number }): Book {
  const from = findSection(book, sectionId);
  if (!from) throw new UserError('ops.notFound', { id: sectionId });
  if (!everyCategory(book).some((c) => c.id === target.categoryId)) throw new UserError('ops.notFound', { id: target.categoryId });
  const mapCategory = (c: Category): Category => {
    let sections = c.sections.filter((s) => s.id !== sectionId);
    if (c.id === target.categoryId) sections = insertAt(sections, target.index, from.section);
    return sections.length === c.sections.length && sections.every((s, i) => s === c.sections[i]) ? c : { ...c, sections };
  };
  return {
    ...book,
    body: book.body.map(mapCategory),
    back: book.back.map((b) => (b.type === 'category' ? mapCategory(b) : b)),
  };
}

/**
 * Splits an entry before one of its blocks: that block and the ones after it become a new entry right after
 * it, titled `title`. When the block is a paragraph and no title is given, the paragraph's text becomes the
 * title (what 设为条目标题 does in the editor). The new entry is covered by the lines that covered the old one.
 */
export function splitEntry(
  section: Section,
  entryId: string,
  blockId: string,
  title?: string,
  ids: IdGenerator = randomId,
): { section: Section; entryId: string } {
  const hit = findEntryInSection(section, entryId);
  if (!hit) throw new UserError('ops.notFound', { id: entryId });
  const entry = hit.node;
  const at = entry.blocks.findIndex((b) => b.id === blockId);
  if (at < 0) throw new UserError('ops.notFound', { id: blockId });
  const block = entry.blocks[at]!;
  const usesParagraph = title === undefined;
  if (usesParagraph && block.type !== 'paragraph') throw new UserError('ops.splitNeedsTitle');
  const newEntry: Entry = {
    type: 'entry',
    id: ids(ID_PREFIX.entry),
    title: usesParagraph ? (block as Paragraph).text.replace(/\s+/g, ' ').trim() : title!,
    noIndex: false,
    blocks: entry.blocks.slice(usesParagraph ? at + 1 : at),
  };
  const kept: Entry = { ...entry, blocks: entry.blocks.slice(0, at) };
  const place = <T extends SectionChild | SubsectionChild>(list: readonly T[]): T[] => {
    const i = list.findIndex((c) => c.type === 'entry' && c.id === entryId);
    return [...list.slice(0, i), kept as T, newEntry as T, ...list.slice(i + 1)];
  };
  let next: Section = hit.subsection
    ? { ...section, children: section.children.map((c) => (c === hit.subsection ? { ...c, children: place(c.children) } : c)) }
    : { ...section, children: place(section.children) };
  next = mapAttributions(next, (a) => {
    const i = a.covers.indexOf(entryId);
    return i < 0 ? a : { ...a, covers: [...a.covers.slice(0, i + 1), newEntry.id, ...a.covers.slice(i + 1)] };
  });
  return { section: next, entryId: newEntry.id };
}

/**
 * Merges an entry into the entry before it in the same section or subsection (nothing but entries in
 * between): the title becomes the first paragraph of the merged text (what turning a title into a paragraph
 * does in the editor), then its blocks follow. The merged entry's id leaves the attribution covers.
 */
export function mergeEntryIntoPrevious(section: Section, entryId: string, ids: IdGenerator = randomId): Section {
  const hit = findEntryInSection(section, entryId);
  if (!hit) throw new UserError('ops.notFound', { id: entryId });
  const list: readonly (SectionChild | SubsectionChild)[] = hit.subsection ? hit.subsection.children : section.children;
  const prev = list[hit.index - 1];
  if (!prev || prev.type !== 'entry') throw new UserError('ops.noPreviousEntry', { title: hit.node.title });
  const entry = hit.node;
  const titleParagraph: Paragraph = { type: 'paragraph', id: ids(ID_PREFIX.paragraph), text: entry.title, marks: [] };
  const merged: Entry = { ...prev, blocks: [...prev.blocks, ...(entry.title ? [titleParagraph] : []), ...entry.blocks] };
  const replace = <T extends SectionChild | SubsectionChild>(l: readonly T[]): T[] =>
    l.flatMap((c) => (c === (prev as T) ? [merged as T] : c === (entry as T) ? [] : [c]));
  const next: Section = hit.subsection
    ? { ...section, children: section.children.map((c) => (c === hit.subsection ? { ...c, children: replace(c.children) } : c)) }
    : { ...section, children: replace(section.children) };
  return withoutCover(next, entryId);
}

/** Replaces a section in the book by id (for the app to store the result of a section operation). */
export function replaceSection(book: Book, section: Section): Book {
  if (!findSection(book, section.id)) throw new UserError('ops.notFound', { id: section.id });
  return mapSectionById(book, section.id, () => section);
}

/** Where a dragged outline node lands relative to the node it is dropped on. */
export type DropPosition = 'before' | 'after' | 'inside';

type Place =
  | { kind: 'category'; category: Category; index: number }
  | { kind: 'section'; category: Category; section: Section; index: number }
  | { kind: 'subsection'; section: Section; subsection: Subsection; index: number }
  | { kind: 'entry'; section: Section; subsection?: Subsection; index: number };

function locate(book: Book, id: string): Place | null {
  const cats = everyCategory(book);
  for (let ci = 0; ci < cats.length; ci++) {
    const category = cats[ci]!;
    if (category.id === id) return { kind: 'category', category, index: ci };
    for (let si = 0; si < category.sections.length; si++) {
      const section = category.sections[si]!;
      if (section.id === id) return { kind: 'section', category, section, index: si };
      for (let i = 0; i < section.children.length; i++) {
        const c = section.children[i]!;
        if (c.id === id && c.type === 'subsection') return { kind: 'subsection', section, subsection: c, index: i };
        if (c.id === id && c.type === 'entry') return { kind: 'entry', section, index: i };
      }
      for (const c of section.children) {
        if (c.type !== 'subsection') continue;
        const j = c.children.findIndex((x) => x.type === 'entry' && x.id === id);
        if (j >= 0) return { kind: 'entry', section, subsection: c, index: j };
      }
    }
  }
  return null;
}

/** The index for "before/after the target" in a container the moved node is first taken out of. */
function relativeIndex(targetIndex: number, position: 'before' | 'after', sameContainer: boolean, nodeIndex: number): number {
  const base = sameContainer && nodeIndex < targetIndex ? targetIndex - 1 : targetIndex;
  return position === 'after' ? base + 1 : base;
}

/**
 * Moves an outline node (an entry, a subsection or a section) before, after or into another node — what a
 * drag and drop in the outline (or its keyboard alternative) does. Entries go before/after entries and
 * subsections or into a subsection or section (at its end); subsections before/after the top-level children
 * of a section or into a section; sections before/after sections or into a category. Anything else (a
 * section into an entry, a node onto itself or into its own subtree) throws a UserError and changes nothing.
 */
export function moveRelative(book: Book, nodeId: string, targetId: string, position: DropPosition): Book {
  const node = locate(book, nodeId);
  const target = locate(book, targetId);
  if (!node) throw new UserError('ops.notFound', { id: nodeId });
  if (!target) throw new UserError('ops.notFound', { id: targetId });
  if (nodeId === targetId) throw new UserError('ops.cannotMove', { id: nodeId });
  if (node.kind === 'entry') {
    if (target.kind === 'section' && position === 'inside') {
      return moveEntry(book, nodeId, { sectionId: target.section.id, index: target.section.children.length });
    }
    if (target.kind === 'subsection' && position === 'inside') {
      return moveEntry(book, nodeId, { sectionId: target.section.id, subsectionId: target.subsection.id, index: target.subsection.children.length });
    }
    if ((target.kind === 'entry' || target.kind === 'subsection') && position !== 'inside') {
      const targetSub = target.kind === 'entry' ? target.subsection : undefined;
      const same = node.section.id === target.section.id && node.subsection?.id === targetSub?.id;
      const index = relativeIndex(target.index, position, same, node.index);
      return moveEntry(book, nodeId, { sectionId: target.section.id, ...(targetSub ? { subsectionId: targetSub.id } : {}), index });
    }
  } else if (node.kind === 'subsection') {
    if (target.kind === 'section' && position === 'inside') {
      return moveSubsection(book, nodeId, { sectionId: target.section.id, index: target.section.children.length - (target.section.id === node.section.id ? 1 : 0) });
    }
    if ((target.kind === 'subsection' || (target.kind === 'entry' && !target.subsection)) && position !== 'inside') {
      const same = target.section.id === node.section.id;
      return moveSubsection(book, nodeId, { sectionId: target.section.id, index: relativeIndex(target.index, position, same, node.index) });
    }
  } else if (node.kind === 'section') {
    if (target.kind === 'category' && position === 'inside') {
      const same = target.category.id === node.category.id;
      return moveSection(book, nodeId, { categoryId: target.category.id, index: target.category.sections.length - (same ? 1 : 0) });
    }
    if (target.kind === 'section' && position !== 'inside') {
      const same = target.category.id === node.category.id;
      return moveSection(book, nodeId, { categoryId: target.category.id, index: relativeIndex(target.index, position, same, node.index) });
    }
  }
  throw new UserError('ops.cannotMove', { id: nodeId });
}

/** Whether moveRelative would accept this move (for the outline's drop feedback). */
export function canMoveRelative(book: Book, nodeId: string, targetId: string, position: DropPosition): boolean {
  try {
    moveRelative(book, nodeId, targetId, position);
    return true;
  } catch {
    return false;
  }
}

/** Sets the workflow status of a section (草稿 → 初审 → 复审 → 终审 → 定稿, with who and when). */
export function setSectionStatus(book: Book, sectionId: string, status: Status): Book {
  if (!findSection(book, sectionId)) throw new UserError('ops.notFound', { id: sectionId });
  return mapSectionById(book, sectionId, (s) => ({ ...s, status }));
}

/** Where 移动到… puts a node in the container it picks: first or last. */
export type MoveEnd = 'start' | 'end';

/**
 * Moves a node into a container picked in the 移动到… dialog: an entry into a section or subsection, a
 * subsection into a section, a section into a category — at its start or end. Works for empty and collapsed
 * containers alike (the keyboard's Alt+↑/↓ only reaches visible neighbours). Anything else throws a UserError.
 */
export function moveInto(book: Book, nodeId: string, targetId: string, where: MoveEnd = 'end'): Book {
  const node = locate(book, nodeId);
  const target = locate(book, targetId);
  if (!node) throw new UserError('ops.notFound', { id: nodeId });
  if (!target) throw new UserError('ops.notFound', { id: targetId });
  if (node.kind === 'entry' && target.kind === 'section') {
    const same = node.section.id === target.section.id && !node.subsection;
    // The start is before the first entry or subsection (a section's lead paragraph stays first).
    const first = target.section.children.findIndex((c) => (c.type === 'entry' || c.type === 'subsection') && c.id !== nodeId);
    const start = first < 0 ? 0 : same && node.index < first ? first - 1 : first;
    return moveEntry(book, nodeId, { sectionId: target.section.id, index: where === 'start' ? start : target.section.children.length - (same ? 1 : 0) });
  }
  if (node.kind === 'entry' && target.kind === 'subsection') {
    const same = node.subsection?.id === target.subsection.id;
    return moveEntry(book, nodeId, { sectionId: target.section.id, subsectionId: target.subsection.id, index: where === 'start' ? 0 : target.subsection.children.length - (same ? 1 : 0) });
  }
  if (node.kind === 'subsection' && target.kind === 'section') {
    const same = node.section.id === target.section.id;
    return moveSubsection(book, nodeId, { sectionId: target.section.id, index: where === 'start' ? 0 : target.section.children.length - (same ? 1 : 0) });
  }
  if (node.kind === 'section' && target.kind === 'category') {
    const same = node.category.id === target.category.id;
    return moveSection(book, nodeId, { categoryId: target.category.id, index: where === 'start' ? 0 : target.category.sections.length - (same ? 1 : 0) });
  }
  throw new UserError('ops.cannotMove', { id: nodeId });
}

/** What an outline node may be moved into: entries into sections and subsections, subsections into sections, sections into categories. */
export function moveTargetKinds(kind: 'entry' | 'subsection' | 'section'): ('category' | 'section' | 'subsection')[] {
  return kind === 'entry' ? ['section', 'subsection'] : kind === 'subsection' ? ['section'] : ['category'];
}

/**
 * Gives a category, section, subsection or entry a new title (the outline's rename). Entry titles are stored
 * without 【】 and subsection titles without the · · around them, so those typed around a title are dropped.
 */
export function retitleNode(book: Book, nodeId: string, title: string): Book {
  const place = locate(book, nodeId);
  if (!place) throw new UserError('ops.notFound', { id: nodeId });
  let clean = title.replace(/\s+/g, ' ').trim();
  if (place.kind === 'entry') clean = clean.replace(/^【\s*(.*?)\s*】$/, '$1');
  if (place.kind === 'subsection') clean = clean.replace(/^[·•]\s*(.*?)\s*[·•]$/, '$1');
  if (!clean) throw new UserError('ops.emptyTitle');
  switch (place.kind) {
    case 'category': {
      const mapCategory = (c: Category): Category => (c.id === nodeId ? { ...c, title: clean } : c);
      return { ...book, body: book.body.map(mapCategory), back: book.back.map((b) => (b.type === 'category' ? mapCategory(b) : b)) };
    }
    case 'section':
      return mapSectionById(book, nodeId, (s) => ({ ...s, title: clean }));
    case 'subsection':
      return mapSectionById(book, place.section.id, (s) => ({ ...s, children: s.children.map((c) => (c.type === 'subsection' && c.id === nodeId ? { ...c, title: clean } : c)) }));
    case 'entry': {
      const retitle = <T extends SectionChild | SubsectionChild>(c: T): T => (c.type === 'entry' && c.id === nodeId ? ({ ...c, title: clean } as T) : c);
      return mapSectionById(book, place.section.id, (s) => ({
        ...s,
        children: s.children.map((c) => (c.type === 'subsection' ? { ...c, children: c.children.map(retitle) } : retitle(c))),
      }));
    }
  }
}

/**
 * Deletes an entry, or a subsection with everything in it, from its section (the outline's 删除). The deleted
 * entries leave the covers of the section's attribution lines.
 */
export function removeNode(book: Book, nodeId: string): Book {
  const place = locate(book, nodeId);
  if (!place) throw new UserError('ops.notFound', { id: nodeId });
  if (place.kind === 'entry') return mapSectionById(book, place.section.id, (s) => withoutCover(removeChild(s, nodeId), nodeId));
  if (place.kind === 'subsection') {
    const ids = place.subsection.children.filter((x): x is Entry => x.type === 'entry').map((e) => e.id);
    return mapSectionById(book, place.section.id, (s) => {
      let out: Section = { ...s, children: s.children.filter((c) => c.id !== nodeId) };
      for (const id of ids) out = withoutCover(out, id);
      return out;
    });
  }
  throw new UserError('ops.cannotDelete', { id: nodeId });
}
