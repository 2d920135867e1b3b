// Database migrations: a database exactly as version 1 of the app wrote it opens in today's app and is
// upgraded in place. Version 1's store definitions and its rows are frozen here as literals — not taken from
// today's code — so an accidental change to version 1 (or to how old rows are read) fails this test.
import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { parseBook } from '../../../../shared/model';
import { listRevisions, readAsset, readBook, readOutline, readRevision, saveSection } from '../../../../renderer/storage/books';
import { YearbookDb } from '../../../../renderer/storage/db';
import { bookToRows } from '../../../../renderer/storage/rows';
import { CURRENT_DB_VERSION, declareVersions, VERSIONS } from '../../../../renderer/storage/schema';
import { seedBook } from '../fixtures/seedBook';

/** The stores of version 1, as released. */
const V1_STORES = {
  books: 'id, updatedAt',
  nodes: 'id, bookId, parentId',
  sections: 'id, bookId',
  assets: 'id, bookId',
  settings: 'key',
};

const T = '2021-06-30T00:00:00.000Z';
const counts = (entries: number, characters: number, figures = 0) => ({ entries, characters, tables: 0, figures });

/** A 1×1 PNG, the bytes of the one asset. */
const PNG = Uint8Array.from([
  137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 31, 21, 196, 137, 0, 0, 0, 13, 73, 68, 65, 84, 120, 218, 99,
  252, 207, 192, 80, 15, 0, 4, 133, 1, 128, 132, 169, 140, 33, 0, 0, 0, 0, 73, 69, 78, 68, 174, 66, 96, 130,
]);

/** The book-level fields version 1 kept on the book row (everything but the tree). */
const SHELL = {
  schemaVersion: 1,
  id: 'b_1',
  title: '临安年鉴',
  volumeYear: 2021,
  recordYear: 2020,
  printProfile: {
    trimName: '大16开',
    trimWidth: 210,
    trimHeight: 285,
    bleed: 3,
    cropMarks: false,
    margins: { top: 22, bottom: 20, inner: 20, outer: 17 },
    columns: 2,
    columnGap: 6,
    bodySize: 9,
    lineHeight: 1.5,
    fonts: { song: '"Noto Serif SC", serif', hei: '"Noto Sans SC", sans-serif', kai: '"Noto Serif SC", serif', fang: '"Noto Serif SC", serif' },
    runningHeads: { even: 'book', odd: 'category' },
    colorMode: 'rgb',
    pdfx: false,
  },
  houseStyle: {
    preset: 'national',
    levels: 4,
    titleWarnLength: 15,
    titleErrorLength: 18,
    overviewTitles: ['概况', '综述'],
    distanceUnit: '千米',
    tableContinuation: '续表',
    autoNumber: false,
    padTwoCharNames: false,
    rules: {},
  },
  contributors: [],
  assets: [{ id: 'x_9', fileName: '低保走访.png', mime: 'image/png', byteLength: 70, sha256: 'c414cd0e204de974f73753c7e28d7638e7b3691bb8b1a2bab6b25bb7fed7ce77', width: 1, height: 1 }],
  comments: [],
  createdAt: T,
  updatedAt: T,
};

/** The one section's content row. */
const SECTION = {
  type: 'section',
  id: 's_3',
  title: '民政',
  status: { stage: 'draft' },
  fullWidth: false,
  children: [
    { type: 'entry', id: 'e_4', title: '概况', noIndex: false, blocks: [{ type: 'paragraph', id: 'p_5', text: '2020年，全区有城乡低保对象9544人。', marks: [] }] },
    {
      type: 'subsection',
      id: 'u_6',
      title: '社会救助',
      children: [
        {
          type: 'entry',
          id: 'e_7',
          title: '临时救助',
          noIndex: false,
          blocks: [
            { type: 'paragraph', id: 'p_8', text: '全年实施临时救助1520人次。', marks: [{ type: 'bold', start: 0, end: 2 }] },
            { type: 'figure', id: 'f_10', number: '81', caption: '区民政局工作人员走访低保户', credit: { kind: 'provided', names: ['区民政局'], raw: '区民政局提供' }, assetId: 'x_9', fullWidth: false },
          ],
        },
      ],
    },
    { type: 'attribution', id: 'a_11', kind: 'author', names: ['潘鑫卉'], covers: ['e_4', 'e_7'], placement: 'line' },
  ],
};

/** Rows as version 1 wrote them: nodes without sectionId, no revisions table. */
const V1_ROWS = {
  books: [{ id: 'b_1', title: '临安年鉴', volumeYear: 2021, recordYear: 2020, updatedAt: T, openedAt: T, shell: SHELL }],
  nodes: [
    {
      id: 'c_2',
      bookId: 'b_1',
      kind: 'category',
      part: 'body',
      parentId: null,
      order: 0,
      title: '杭州市临安区人民政府',
      role: 'regular',
      counts: counts(2, 66, 1),
      category: { type: 'category', id: 'c_2', role: 'regular', title: '杭州市临安区人民政府' },
    },
    { id: 's_3', bookId: 'b_1', kind: 'section', part: 'body', parentId: 'c_2', order: 0, title: '民政', stage: 'draft', counts: counts(2, 56, 1) },
    { id: 'e_4', bookId: 'b_1', kind: 'entry', part: 'body', parentId: 's_3', order: 0, title: '概况', counts: counts(1, 23) },
    { id: 'u_6', bookId: 'b_1', kind: 'subsection', part: 'body', parentId: 's_3', order: 1, title: '社会救助', counts: counts(1, 31, 1) },
    { id: 'e_7', bookId: 'b_1', kind: 'entry', part: 'body', parentId: 'u_6', order: 0, title: '临时救助', counts: counts(1, 27, 1) },
  ],
  sections: [{ id: 's_3', bookId: 'b_1', kind: 'section', data: SECTION, updatedAt: T }],
  assets: [{ id: 'x_9', bookId: 'b_1', mime: 'image/png', bytes: PNG }],
  settings: [
    { key: 'currentBookId', value: 'b_1' },
    { key: 'sampleLoaded', value: true },
  ],
};

describe('database migrations', () => {
  it('declares consecutive versions, version 1 as released', () => {
    expect(VERSIONS.map((v) => v.version)).toEqual(VERSIONS.map((_, i) => i + 1));
    expect(CURRENT_DB_VERSION).toBe(4);
    expect(VERSIONS[0]).toEqual({ version: 1, stores: V1_STORES });
  });

  it('opens a database written by version 1 and upgrades it in place', async () => {
    const indexedDB = new IDBFactory();
    const v1 = new Dexie('yb', { indexedDB, IDBKeyRange });
    v1.version(1).stores(V1_STORES);
    for (const [table, rows] of Object.entries(V1_ROWS)) await v1.table(table).bulkPut(rows);
    expect(v1.verno).toBe(1);
    v1.close();

    const db = new YearbookDb('yb', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(CURRENT_DB_VERSION);
    // The book reads back whole and valid …
    const { book, assets } = await readBook(db, 'b_1');
    expect(book).toEqual({ ...SHELL, front: [], body: [{ ...V1_ROWS.nodes[0]!.category, sections: [SECTION] }], back: [] });
    expect(parseBook(book)).toEqual(book);
    expect([...assets.get('x_9')!]).toEqual([...PNG]);
    expect((await readAsset(db, 'x_9'))?.mime).toBe('image/png');
    expect((await db.settings.get('currentBookId'))?.value).toBe('b_1');
    // … every node got its section id back-filled …
    const outline = await readOutline(db, 'b_1');
    expect(Object.fromEntries(outline.map((n) => [n.id, n.sectionId]))).toEqual({ c_2: null, s_3: 's_3', e_4: 's_3', u_6: 's_3', e_7: 's_3' });
    expect(await db.nodes.where('sectionId').equals('s_3').count()).toBe(4);
    // … and the new features work on the upgraded data: a save keeps the version 1 content as a revision.
    const edited = structuredClone(book.body[0]!.sections[0]!);
    edited.title = '民政（修订）';
    await saveSection(db, 'b_1', edited, { snapshot: true });
    const revs = await listRevisions(db, 's_3');
    expect(revs).toHaveLength(1);
    expect(await readRevision(db, revs[0]!.id)).toEqual(SECTION);
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
