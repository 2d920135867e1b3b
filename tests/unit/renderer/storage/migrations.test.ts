import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { YearbookDb } from '../../../../renderer/storage/db';
import { listRevisions, readBook, readOutline, saveSection } from '../../../../renderer/storage/books';
import { bookToRows } from '../../../../renderer/storage/rows';
import { CURRENT_DB_VERSION, declareVersions, VERSIONS } from '../../../../renderer/storage/schema';
import { seedBook } from '../fixtures/seedBook';

describe('database migrations', () => {
  it('declares consecutive versions', () => {
    expect(VERSIONS.map((v) => v.version)).toEqual(VERSIONS.map((_, i) => i + 1));
    expect(CURRENT_DB_VERSION).toBe(4);
  });

  it('opens a database written by version 1 and upgrades it in place', async () => {
    const indexedDB = new IDBFactory();
    const c = seedBook();
    // A real version-1 database, with rows as version 1 wrote them (no sectionId on nodes, no revisions).
    const v1 = new Dexie('yb', { indexedDB, IDBKeyRange });
    declareVersions(v1, 1);
    const rows = bookToRows(c.book);
    await v1.table('books').put(rows.book);
    await v1.table('nodes').bulkPut(rows.nodes.map(({ sectionId: _drop, ...n }) => n));
    await v1.table('sections').bulkPut(rows.sections);
    await v1.table('assets').bulkPut([...c.assets].map(([id, bytes]) => ({ id, bookId: c.book.id, mime: 'image/png', bytes })));
    await v1.table('settings').put({ key: 'currentBookId', value: c.book.id });
    expect(v1.verno).toBe(1);
    expect(v1.tables.map((t) => t.name)).not.toContain('revisions');
    v1.close();

    const db = new YearbookDb('yb', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_DB_VERSION);
    // The book is intact …
    expect((await readBook(db, c.book.id)).book).toEqual(c.book);
    expect((await db.settings.get('currentBookId'))?.value).toBe(c.book.id);
    // … every node got its section id back-filled …
    const outline = await readOutline(db, c.book.id);
    for (const n of outline) {
      const expected = rows.nodes.find((r) => r.id === n.id)!.sectionId;
      expect(n.sectionId).toBe(expected);
    }
    const section = c.book.body[0]!.sections[2]!;
    expect(await db.nodes.where('sectionId').equals(section.id).count()).toBe(1 + section.children.filter((x) => x.type === 'entry').length);
    // … and the new features work on the upgraded data.
    const edited = structuredClone(section);
    edited.title = '重要施政（修订）';
    await saveSection(db, c.book.id, edited, { snapshot: true });
    expect(await listRevisions(db, section.id)).toHaveLength(1);
    db.close();
  });

  it('opens a database written by version 2: section and entry rows learn who set their stage and when', async () => {
    const indexedDB = new IDBFactory();
    const c = seedBook();
    const cat = c.book.body[0]!;
    // An entry with a status of its own, as well as the seed's first section (初审 by 於晓萍).
    const entry = cat.sections[1]!.children.find((x) => x.type === 'entry')!;
    if (entry.type === 'entry') entry.status = { stage: 'second-review', by: '李编辑', at: '2022-04-02T10:00:00.000Z' };
    const v2 = new Dexie('yb2', { indexedDB, IDBKeyRange });
    declareVersions(v2, 2);
    const rows = bookToRows(c.book);
    await v2.table('books').put(rows.book);
    // Rows as version 2 wrote them: the stage, but not who set it or when.
    await v2.table('nodes').bulkPut(rows.nodes.map(({ stageBy: _b, stageAt: _a, numbering: _n, ...n }) => n));
    await v2.table('sections').bulkPut(rows.sections);
    v2.close();

    const db = new YearbookDb('yb2', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_DB_VERSION);
    const outline = await readOutline(db, c.book.id);
    const first = outline.find((n) => n.id === cat.sections[0]!.id)!;
    expect(first).toMatchObject({ stage: 'first-review', stageBy: '於晓萍', stageAt: '2022-03-01T09:00:00.000Z' });
    expect(outline.find((n) => n.id === entry.id)).toMatchObject({ stage: 'second-review', stageBy: '李编辑', stageAt: '2022-04-02T10:00:00.000Z' });
    // Sections nobody signed stay without a name.
    expect(outline.find((n) => n.id === cat.sections[2]!.id)!.stageBy).toBeUndefined();
    // The rows are what a fresh write gives.
    expect(outline.filter((n) => n.kind !== 'category').map((n) => [n.id, n.stageBy, n.stageAt]).sort()).toEqual(rows.nodes.filter((n) => n.kind !== 'category').map((n) => [n.id, n.stageBy, n.stageAt]).sort());
    expect((await readBook(db, c.book.id)).book).toEqual(c.book);
    db.close();
  });

  it('opens a database written by version 3 and gives section and matter rows their numbering summary', async () => {
    const indexedDB = new IDBFactory();
    const c = seedBook();
    const v3 = new Dexie('yb', { indexedDB, IDBKeyRange });
    declareVersions(v3, 3);
    const rows = bookToRows(c.book);
    await v3.table('books').put(rows.book);
    await v3.table('nodes').bulkPut(rows.nodes.map(({ numbering: _drop, ...n }) => n));
    await v3.table('sections').bulkPut(rows.sections);
    expect((await v3.table('nodes').toArray()).some((n: { numbering?: unknown }) => n.numbering)).toBe(false);
    v3.close();

    const db = new YearbookDb('yb', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_DB_VERSION);
    const outline = await readOutline(db, c.book.id);
    const docs = outline.filter((n) => n.kind === 'section' || n.kind === 'matter');
    expect(docs.length).toBeGreaterThan(0);
    for (const n of docs) expect(n.numbering).toEqual(rows.nodes.find((r) => r.id === n.id)!.numbering);
    // The seed's 表4 and its photos are counted where they are.
    expect(docs.reduce((k, n) => k + n.numbering!.tables.length, 0)).toBe(outline.filter((n) => n.kind === 'section').reduce((k, n) => k + n.counts.tables, 0));
    expect(docs.some((n) => n.numbering!.tables.includes('4'))).toBe(true);
    for (const n of outline.filter((x) => x.kind === 'entry' || x.kind === 'category')) expect(n.numbering).toBeUndefined();
    db.close();
  });
});
