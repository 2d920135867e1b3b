// Reading and writing books in the app database. Every multi-row change runs in one transaction, so a
// failure leaves the stored book as it was (all-or-nothing).
import { newCategory, newSection, parseBook, type Asset, type Book, type Category, type CategoryRole, type Matter, type Section } from '../../shared/model';
import { jsonEqual } from './equal';
import type { BookFileContents } from '../../shared/bookfile';
import type { YearbookDb } from './db';
import { bookToRows, rowsToBook, sectionNodeCounts, sectionNodeRows, zeroCounts, addNodeCounts } from './rows';
import type { BookRow, NodeRow, RevisionRow, SectionRow } from './schema';

/** Revisions kept per section; the oldest are dropped first. */
export const MAX_REVISIONS_PER_SECTION = 30;

export interface BookSummary {
  id: string;
  title: string;
  volumeYear: number;
  recordYear: number;
  updatedAt: string;
  openedAt: string;
}

function summary(r: BookRow): BookSummary {
  return { id: r.id, title: r.title, volumeYear: r.volumeYear, recordYear: r.recordYear, updatedAt: r.updatedAt, openedAt: r.openedAt };
}

/** All books in storage, most recently opened first. */
export async function listBooks(db: YearbookDb): Promise<BookSummary[]> {
  const rows = await db.books.toArray();
  return rows.map(summary).sort((a, b) => b.openedAt.localeCompare(a.openedAt));
}

export async function getBookRow(db: YearbookDb, bookId: string): Promise<BookRow | undefined> {
  return db.books.get(bookId);
}

/**
 * Stores a complete book with its assets, replacing any stored book with the same id — in one transaction:
 * either the whole new book is stored or nothing changes.
 */
export async function putBook(db: YearbookDb, { book, assets }: BookFileContents, now: string = new Date().toISOString()): Promise<void> {
  const rows = bookToRows(book, now);
  const assetRows = book.assets.map((a) => {
    const bytes = assets.get(a.id);
    if (!bytes) throw new Error(`asset ${a.id} has no bytes`);
    return { id: a.id, bookId: book.id, mime: a.mime, bytes };
  });
  await db.transaction('rw', [db.books, db.nodes, db.sections, db.assets, db.revisions], async () => {
    await deleteBookRows(db, book.id, { keepRevisions: true });
    await db.books.put(rows.book);
    await db.nodes.bulkPut(rows.nodes);
    await db.sections.bulkPut(rows.sections);
    if (assetRows.length) await db.assets.bulkPut(assetRows);
  });
}

async function deleteBookRows(db: YearbookDb, bookId: string, opts: { keepRevisions: boolean }): Promise<void> {
  await db.nodes.where('bookId').equals(bookId).delete();
  await db.sections.where('bookId').equals(bookId).delete();
  await db.assets.where('bookId').equals(bookId).delete();
  if (!opts.keepRevisions) await db.revisions.where('bookId').equals(bookId).delete();
  await db.books.delete(bookId);
}

/** Removes a book and everything stored for it. */
export async function deleteBook(db: YearbookDb, bookId: string): Promise<void> {
  await db.transaction('rw', [db.books, db.nodes, db.sections, db.assets, db.revisions], () =>
    deleteBookRows(db, bookId, { keepRevisions: false }),
  );
}

/** Reads a complete book and its asset bytes back (for saving a book file, backups and export). */
export async function readBook(db: YearbookDb, bookId: string): Promise<BookFileContents> {
  return db.transaction('r', [db.books, db.nodes, db.sections, db.assets], async () => {
    const [book, assetRows] = await Promise.all([readBookModel(db, bookId), db.assets.where('bookId').equals(bookId).toArray()]);
    return { book, assets: new Map(assetRows.map((a) => [a.id, a.bytes])) };
  });
}

/**
 * The book model alone, without the bytes of its images and kept drafts: for what reads the tree (find, the
 * registry, statistics). An import's drafts and a volume's photos are many megabytes nobody needs there.
 */
export async function readBookModel(db: YearbookDb, bookId: string): Promise<Book> {
  return db.transaction('r', [db.books, db.nodes, db.sections], async () => {
    const bookRow = await db.books.get(bookId);
    if (!bookRow) throw new Error(`book ${bookId} is not in storage`);
    const [nodes, sections] = await Promise.all([
      db.nodes.where('bookId').equals(bookId).filter((n) => n.kind === 'category' || n.kind === 'matter' || n.kind === 'section').toArray(),
      db.sections.where('bookId').equals(bookId).toArray(),
    ]);
    return rowsToBook(bookRow, nodes, sections);
  });
}

/** The outline of a book: every node row (light, no bodies), unsorted. */
export async function readOutline(db: YearbookDb, bookId: string): Promise<NodeRow[]> {
  return db.nodes.where('bookId').equals(bookId).toArray();
}

export async function readSection(db: YearbookDb, sectionId: string): Promise<Section | undefined> {
  const row = await db.sections.get(sectionId);
  return row?.data.type === 'section' ? row.data : undefined;
}

export async function readMatter(db: YearbookDb, matterId: string): Promise<Matter | undefined> {
  const row = await db.sections.get(matterId);
  return row?.data.type === 'matter' ? row.data : undefined;
}

export async function readAsset(db: YearbookDb, assetId: string): Promise<{ mime: string; bytes: Uint8Array } | undefined> {
  const row = await db.assets.get(assetId);
  return row ? { mime: row.mime, bytes: row.bytes } : undefined;
}

export async function markBookOpened(db: YearbookDb, bookId: string, now: string = new Date().toISOString()): Promise<void> {
  await db.books.update(bookId, { openedAt: now });
}

/** Updates book-level fields (title, years, print profile, house style, contributors …). */
export async function updateBookShell(db: YearbookDb, bookId: string, change: (shell: BookRow['shell']) => BookRow['shell'], now = new Date().toISOString()): Promise<BookRow> {
  return db.transaction('rw', db.books, async () => {
    const row = await db.books.get(bookId);
    if (!row) throw new Error(`book ${bookId} is not in storage`);
    const shell = { ...change(row.shell), updatedAt: now };
    const next: BookRow = { ...row, shell, title: shell.title, volumeYear: shell.volumeYear, recordYear: shell.recordYear, updatedAt: now };
    await db.books.put(next);
    return next;
  });
}

/**
 * Stores an image for the book: its bytes in the assets table and its record in the book's asset list, in one
 * transaction (both or neither). An asset with the same SHA-256 already in the book is reused, not stored twice.
 * Returns the asset record the figure points at and the updated book row.
 */
export async function addAsset(db: YearbookDb, bookId: string, asset: Asset, bytes: Uint8Array, now = new Date().toISOString()): Promise<{ asset: Asset; row: BookRow; reused: boolean }> {
  if (bytes.length !== asset.byteLength) throw new Error(`asset ${asset.id}: ${bytes.length} bytes, record says ${asset.byteLength}`);
  return db.transaction('rw', [db.books, db.assets], async () => {
    const row = await db.books.get(bookId);
    if (!row) throw new Error(`book ${bookId} is not in storage`);
    const same = row.shell.assets.find((a) => a.sha256 === asset.sha256 && a.byteLength === asset.byteLength);
    if (same && (await db.assets.get(same.id))) return { asset: same, row, reused: true };
    if (row.shell.assets.some((a) => a.id === asset.id)) throw new Error(`asset id ${asset.id} is taken`);
    await db.assets.put({ id: asset.id, bookId, mime: asset.mime, bytes });
    const shell = { ...row.shell, assets: [...row.shell.assets, asset], updatedAt: now };
    const next: BookRow = { ...row, shell, updatedAt: now };
    await db.books.put(next);
    return { asset, row: next, reused: false };
  });
}

export interface SaveSectionOptions {
  /** Keep the stored version as a revision before replacing it (the first save of a burst of edits). */
  snapshot?: boolean;
  reason?: RevisionRow['reason'];
  now?: string;
}

/**
 * Saves an edited section: its content row, its outline rows (section, subsections, entries) and the
 * category's counts, in one transaction; optionally snapshots the previous content as a revision.
 */
export async function saveSection(db: YearbookDb, bookId: string, section: Section, opts: SaveSectionOptions = {}): Promise<NodeRow[]> {
  const now = opts.now ?? new Date().toISOString();
  return db.transaction('rw', [db.books, db.nodes, db.sections, db.revisions], async () => {
    const sectionNode = await db.nodes.get(section.id);
    if (!sectionNode || sectionNode.kind !== 'section' || sectionNode.bookId !== bookId) {
      throw new Error(`section ${section.id} is not in book ${bookId}`);
    }
    const old = await db.sections.get(section.id);
    if (opts.snapshot && old) {
      await db.revisions.add({
        bookId,
        sectionId: section.id,
        createdAt: now,
        reason: opts.reason ?? 'autosave',
        data: old.data,
        characters: old.data.type === 'section' ? sectionNodeCounts(old.data).characters : 0,
      });
      await pruneRevisions(db, section.id);
    }
    await db.sections.put({ id: section.id, bookId, kind: 'section', data: section, updatedAt: now });
    const rows = sectionNodeRows(bookId, sectionNode.part, sectionNode.parentId!, sectionNode.order, section);
    const oldIds = await db.nodes.where('sectionId').equals(section.id).primaryKeys();
    const keep = new Set(rows.map((r) => r.id));
    await db.nodes.bulkDelete(oldIds.filter((id) => !keep.has(id)));
    await db.nodes.bulkPut(rows);
    if (sectionNode.parentId) await refreshCategoryCounts(db, sectionNode.parentId);
    await db.books.update(bookId, { updatedAt: now, 'shell.updatedAt': now } as Partial<BookRow>);
    return rows;
  });
}

/**
 * Last-moment save while the page unloads (reload, close): writes the sections' content rows in one
 * transaction whose requests are all issued synchronously, in the calling task, and commits it at once —
 * an async save that first reads would be cut off by the unload. before holds, for sections whose burst of
 * edits had not been saved yet, the version storage held before the burst: it is kept as a revision, as the
 * autosave would have kept it (an edit reloaded within the debounce still has its pre-edit snapshot). The
 * outline rows are brought up to date, and the revisions pruned, at the next start (repairAfterUnload).
 * Returns false when the database is not open.
 */
export function writeSectionsNow(
  db: YearbookDb,
  bookId: string,
  sections: readonly Section[],
  now: string = new Date().toISOString(),
  before: ReadonlyMap<string, Section> = new Map(),
): boolean {
  if (!db.isOpen() || sections.length === 0) return false;
  const idb = db.backendDB();
  const tx = idb.transaction(['sections', 'settings', 'revisions'], 'readwrite');
  const content = tx.objectStore('sections');
  const settings = tx.objectStore('settings');
  const revisions = tx.objectStore('revisions');
  for (const section of sections) {
    const old = before.get(section.id);
    if (old) {
      revisions.add({ bookId, sectionId: section.id, createdAt: now, reason: 'autosave', data: old, characters: sectionNodeCounts(old).characters } satisfies RevisionRow);
    }
    content.put({ id: section.id, bookId, kind: 'section', data: section, updatedAt: now } satisfies SectionRow);
    settings.put({ key: `${REPAIR_PREFIX}${section.id}`, value: { bookId, sectionId: section.id, at: now } });
  }
  tx.commit?.();
  return true;
}

const REPAIR_PREFIX = 'repair:';

/** Rebuilds the outline rows of sections written during an unload (see writeSectionsNow). */
export async function repairAfterUnload(db: YearbookDb): Promise<string[]> {
  const marks = await db.settings.where('key').startsWith(REPAIR_PREFIX).toArray();
  const repaired: string[] = [];
  for (const m of marks) {
    const { bookId, sectionId } = m.value as { bookId: string; sectionId: string };
    const section = await readSection(db, sectionId);
    const node = await db.nodes.get(sectionId);
    if (section && node?.bookId === bookId) {
      await saveSection(db, bookId, section);
      await pruneRevisions(db, sectionId);
      repaired.push(sectionId);
    }
    await db.settings.delete(m.key);
  }
  return repaired;
}

async function refreshCategoryCounts(db: YearbookDb, categoryId: string): Promise<void> {
  const cat = await db.nodes.get(categoryId);
  if (!cat || cat.kind !== 'category') return;
  const sections = await db.nodes.where('parentId').equals(categoryId).toArray();
  let counts = zeroCounts();
  for (const s of sections) if (s.kind === 'section') counts = addNodeCounts(counts, s.counts);
  counts.characters += [...cat.title].filter((ch) => !/\s/.test(ch)).length;
  await db.nodes.update(categoryId, { counts });
}

async function pruneRevisions(db: YearbookDb, sectionId: string): Promise<void> {
  const keys = await db.revisions.where('[sectionId+createdAt]').between([sectionId, ''], [sectionId, '\uffff']).primaryKeys();
  // Keys come in createdAt order; auto-increment ids break ties in insertion order.
  const sorted = [...keys].sort((a, b) => a - b);
  if (sorted.length > MAX_REVISIONS_PER_SECTION) await db.revisions.bulkDelete(sorted.slice(0, sorted.length - MAX_REVISIONS_PER_SECTION));
}

export interface RevisionSummary {
  id: number;
  sectionId: string;
  createdAt: string;
  reason: RevisionRow['reason'];
  characters: number;
}

/** Revisions of a section, newest first. */
export async function listRevisions(db: YearbookDb, sectionId: string): Promise<RevisionSummary[]> {
  const rows = await db.revisions.where('[sectionId+createdAt]').between([sectionId, ''], [sectionId, '\uffff']).toArray();
  return rows
    .map((r) => ({ id: r.id!, sectionId: r.sectionId, createdAt: r.createdAt, reason: r.reason, characters: r.characters }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}

export async function readRevision(db: YearbookDb, id: number): Promise<Section | undefined> {
  const r = await db.revisions.get(id);
  return r?.data.type === 'section' ? r.data : undefined;
}

/** Puts an older revision back; the current content is kept as a revision first, so the restore can be undone. */
export async function restoreRevision(db: YearbookDb, bookId: string, revisionId: number): Promise<Section> {
  const section = await readRevision(db, revisionId);
  if (!section) throw new Error(`revision ${revisionId} not found`);
  await saveSection(db, bookId, section, { snapshot: true, reason: 'restore' });
  return section;
}

// ---------------------------------------------------------------------------------------------
// Book-wide changes

export interface BookChangeResult {
  book: Book;
  /** Sections whose content changed (or that were added). */
  changedSections: string[];
  /** Sections and matter pages that no longer exist. */
  removed: string[];
  /** The book as it was before the change (for a book-level undo). */
  previous: Book;
}

/**
 * Applies a change to the whole book — a pure function such as moveSection/moveEntry from shared/model/ops,
 * an import adding sections, a book-wide replace — and stores only what differs, in one transaction
 * (all-or-nothing). The result is validated against the schema first; a change that breaks it stores nothing.
 */
export interface UpdateBookOptions {
  /** Keep the previous content of every changed section as a revision. */
  snapshot?: boolean;
  /**
   * Bytes of assets the change adds (the images of an imported Word document), stored in the same
   * transaction. Every asset record of the changed book must have bytes, stored or given here.
   */
  addAssets?: ReadonlyMap<string, Uint8Array>;
}

export async function updateBook(db: YearbookDb, bookId: string, change: (book: Book) => Book, opts: UpdateBookOptions = {}): Promise<BookChangeResult> {
  const { book, assets } = await readBook(db, bookId);
  const next = change(book);
  if (next.id !== bookId) throw new Error('a book change may not change the book id');
  const checked = parseBook(JSON.parse(JSON.stringify(next)));
  const now = new Date().toISOString();
  const oldRows = bookToRows(book, now);
  const newRows = bookToRows({ ...checked, updatedAt: now }, now);
  const oldContent = new Map(oldRows.sections.map((r) => [r.id, r]));
  const oldNodes = new Map(oldRows.nodes.map((r) => [r.id, r]));
  const changedContent = newRows.sections.filter((r) => !jsonEqual(oldContent.get(r.id)?.data, r.data));
  const changedNodes = newRows.nodes.filter((r) => !jsonEqual(oldNodes.get(r.id), r));
  const keepContent = new Set(newRows.sections.map((r) => r.id));
  const keepNodes = new Set(newRows.nodes.map((r) => r.id));
  const removed = oldRows.sections.filter((r) => !keepContent.has(r.id)).map((r) => r.id);
  const removedNodes = oldRows.nodes.filter((r) => !keepNodes.has(r.id)).map((r) => r.id);
  const added = opts.addAssets ?? new Map<string, Uint8Array>();
  const missing = checked.assets.filter((a) => !assets.has(a.id) && !added.has(a.id)).map((a) => a.id);
  if (missing.length && added.size) throw new Error(`assets without bytes: ${missing.join(', ')}`);
  const assetRows = checked.assets
    .filter((a) => added.has(a.id) || assets.has(a.id))
    .map((a) => ({ id: a.id, bookId, mime: a.mime, bytes: added.get(a.id) ?? assets.get(a.id)! }));
  await db.transaction('rw', [db.books, db.nodes, db.sections, db.revisions, db.assets], async () => {
    if (opts.snapshot) {
      for (const r of changedContent) {
        const old = oldContent.get(r.id);
        if (old?.data.type === 'section') {
          await db.revisions.add({ bookId, sectionId: r.id, createdAt: now, reason: 'replace', data: old.data, characters: sectionNodeCounts(old.data).characters });
          await pruneRevisions(db, r.id);
        }
      }
    }
    await db.sections.bulkDelete(removed);
    await db.nodes.bulkDelete(removedNodes);
    await db.sections.bulkPut(changedContent);
    await db.nodes.bulkPut(changedNodes);
    await db.assets.where('bookId').equals(bookId).filter((a) => !checked.assets.some((x) => x.id === a.id)).delete();
    if (assetRows.length) await db.assets.bulkPut(assetRows);
    const row = await db.books.get(bookId);
    await db.books.put({ ...newRows.book, openedAt: row?.openedAt ?? now });
  });
  return { book: checked, changedSections: changedContent.filter((r) => r.kind === 'section').map((r) => r.id), removed, previous: book };
}

// ---------------------------------------------------------------------------------------------
// Outline structure: categories and sections

async function nextOrder(db: YearbookDb, bookId: string, parentId: string | null, part: NodeRow['part']): Promise<number> {
  const siblings =
    parentId === null
      ? await db.nodes.where('bookId').equals(bookId).filter((n) => n.parentId === null && n.part === part).toArray()
      : await db.nodes.where('parentId').equals(parentId).toArray();
  return siblings.reduce((m, n) => Math.max(m, n.order + 1), 0);
}

/** Adds an empty category at the end of the body. */
export async function addCategory(db: YearbookDb, bookId: string, title: string, role: CategoryRole = 'regular'): Promise<Category> {
  const cat = newCategory(title, role);
  await db.transaction('rw', [db.nodes, db.books], async () => {
    const order = await nextOrder(db, bookId, null, 'body');
    const { sections: _s, ...own } = cat;
    await db.nodes.add({ id: cat.id, bookId, kind: 'category', part: 'body', parentId: null, sectionId: null, order, title, role, counts: { ...zeroCounts(), characters: [...title].length }, category: own });
    await touch(db, bookId);
  });
  return cat;
}

/** Adds an empty section at the end of a category. */
export async function addSection(db: YearbookDb, bookId: string, categoryId: string, title: string): Promise<Section> {
  const section = newSection(title);
  await db.transaction('rw', [db.nodes, db.sections, db.books], async () => {
    const cat = await db.nodes.get(categoryId);
    if (!cat || cat.kind !== 'category') throw new Error(`category ${categoryId} not found`);
    const order = await nextOrder(db, bookId, categoryId, cat.part);
    await db.sections.add({ id: section.id, bookId, kind: 'section', data: section, updatedAt: new Date().toISOString() });
    await db.nodes.bulkAdd(sectionNodeRows(bookId, cat.part, categoryId, order, section));
    await refreshCategoryCounts(db, categoryId);
    await touch(db, bookId);
  });
  return section;
}

/**
 * Renames a front or back matter page (its content row and its outline row). Categories, sections, subsections
 * and entries are renamed in the book model with an undo (Workbench.rename → retitleNode), not here.
 */
export async function renameMatter(db: YearbookDb, bookId: string, matterId: string, title: string): Promise<void> {
  await db.transaction('rw', [db.nodes, db.sections, db.books], async () => {
    const node = await db.nodes.get(matterId);
    const row = await db.sections.get(matterId);
    if (!node || node.kind !== 'matter' || !row || row.data.type !== 'matter') throw new Error(`matter page ${matterId} not found`);
    await db.sections.put({ ...row, data: { ...row.data, title }, updatedAt: new Date().toISOString() });
    await db.nodes.update(matterId, { title });
    await touch(db, bookId);
  });
}

/** Deletes a category (with its sections) or a section. Callers take a backup first. */
export async function deleteNode(db: YearbookDb, bookId: string, nodeId: string): Promise<void> {
  await db.transaction('rw', [db.nodes, db.sections, db.revisions, db.books], async () => {
    const node = await db.nodes.get(nodeId);
    if (!node) return;
    const sectionIds = node.kind === 'category' ? (await db.nodes.where('parentId').equals(nodeId).toArray()).map((n) => n.id) : [nodeId];
    for (const sid of sectionIds) {
      await db.nodes.where('sectionId').equals(sid).delete();
      await db.sections.delete(sid);
      await db.revisions.where('[sectionId+createdAt]').between([sid, ''], [sid, '\uffff']).delete();
    }
    await db.nodes.delete(nodeId);
    const siblings = (node.parentId === null
      ? await db.nodes.where('bookId').equals(bookId).filter((n) => n.parentId === null && n.part === node.part).toArray()
      : await db.nodes.where('parentId').equals(node.parentId).toArray()
    ).sort((a, b) => a.order - b.order);
    await db.nodes.bulkPut(siblings.map((n, i) => ({ ...n, order: i })));
    if (node.parentId) await refreshCategoryCounts(db, node.parentId);
    await touch(db, bookId);
  });
}

async function touch(db: YearbookDb, bookId: string): Promise<void> {
  const now = new Date().toISOString();
  await db.books.update(bookId, { updatedAt: now, 'shell.updatedAt': now } as Partial<BookRow>);
}

// ---------------------------------------------------------------------------------------------
// Settings

export async function getSetting<T>(db: YearbookDb, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row === undefined ? fallback : (row.value as T);
}

export async function setSetting(db: YearbookDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
