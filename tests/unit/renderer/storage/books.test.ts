import { afterEach, describe, expect, it, vi } from 'vitest';
import { moveEntry, moveSection } from '../../../../shared/model/ops';
import {
  newAttribution,
  newCategory,
  newEntry,
  newParagraph,
  newSection,
  newSubsection,
  parseBook,
  sectionCounts,
  sequentialIds,
  type Book,
  type Entry,
  type Matter,
  type Section,
} from '../../../../shared/model';
import {
  addCategory,
  addSection,
  deleteNode,
  listBooks,
  listRevisions,
  MAX_REVISIONS_PER_SECTION,
  putBook,
  readAsset,
  readBook,
  readBookModel,
  readOutline,
  readRevision,
  readSection,
  renameMatter,
  repairAfterUnload,
  restoreRevision,
  saveSection,
  updateBook,
  writeSectionsNow,
} from '../../../../renderer/storage/books';
import { bookToRows, rowsToBook } from '../../../../renderer/storage/rows';
import type { YearbookDb } from '../../../../renderer/storage/db';
import { seedBook, TINY_PNG } from '../fixtures/seedBook';
import { memoryDb } from './helpers';

let db: YearbookDb;
afterEach(async () => {
  db?.close();
});

/** The seed book plus every other kind of container: a 次目, front matter, an appendix category and back matter. */
function richBook(): { book: Book; assets: Map<string, Uint8Array> } {
  const c = seedBook();
  const ids = sequentialIds('r');
  const section = c.book.body[0]!.sections[6]!; // 应急管理
  const sub = newSubsection('安全生产', ids);
  sub.children.push(newEntry('安全生产专项整治', ['2021年，区应急管理局开展安全生产专项整治三年行动。'], ids));
  sub.children.push(newAttribution('unit', ['区应急管理局'], [], ids, '(区应急管理局 供稿)'));
  section.children.splice(2, 0, sub);
  const note: Matter = { type: 'matter', id: ids('m'), kind: 'editorial-note', title: '编辑说明', blocks: [newParagraph('一、《拱墅年鉴（2022）》记述2021年拱墅区各方面情况。', ids)] };
  c.book.front.push(note);
  const appendix = newCategory('附录', 'appendix', ids);
  const docs = newSection('重要文件目录', ids);
  docs.children.push(newParagraph('拱墅区人民政府关于印发拱墅区政府投资项目管理办法的通知', ids));
  appendix.sections.push(docs);
  c.book.back.push(appendix);
  c.book.back.push({ type: 'matter', id: ids('m'), kind: 'afterword', title: '编后记', blocks: [newParagraph('本卷年鉴在区委、区政府领导下编纂完成。', ids)] });
  return { book: parseBook(JSON.parse(JSON.stringify(c.book))), assets: c.assets };
}

describe('book rows', () => {
  it('split a book into rows and back without loss (pure)', () => {
    const { book } = richBook();
    const rows = bookToRows(book, '2022-06-02T00:00:00.000Z');
    expect(rowsToBook(rows.book, rows.nodes, rows.sections)).toEqual(book);
  });

  it('keep bodies out of the outline rows and count what the model counts', () => {
    const { book } = seedBook();
    const rows = bookToRows(book);
    for (const n of rows.nodes) {
      expect(n).not.toHaveProperty('children');
      expect(n).not.toHaveProperty('blocks');
      expect(JSON.stringify(n).length).toBeLessThan(600);
    }
    const cat = book.body[0]!;
    for (const s of cat.sections) {
      const row = rows.nodes.find((n) => n.id === s.id)!;
      const model = sectionCounts(cat, s);
      expect(row.counts).toEqual({ entries: model.entries, characters: model.characters, tables: model.tables, figures: model.figures });
    }
    const entries = rows.nodes.filter((n) => n.kind === 'entry');
    expect(entries).toHaveLength(45);
    expect(entries.find((e) => e.title === '区政府常务会议')!.counts.tables).toBe(1);
  });
});

describe('storage', () => {
  it('stores a book and reads it back without loss, assets included', async () => {
    ({ db } = memoryDb());
    const c = richBook();
    await putBook(db, c);
    const back = await readBook(db, c.book.id);
    expect(back.book).toEqual(c.book);
    expect(Array.from([...back.assets.values()][0]!)).toEqual(Array.from(TINY_PNG));
    expect(await listBooks(db)).toMatchObject([{ id: c.book.id, title: '拱墅年鉴', volumeYear: 2022, recordYear: 2021 }]);
  });

  it('reads the book model alone, without touching the asset bytes', async () => {
    ({ db } = memoryDb());
    const c = richBook();
    await putBook(db, c);
    const assetsRead = vi.spyOn(db.assets, 'where');
    expect(await readBookModel(db, c.book.id)).toEqual(c.book);
    expect(assetsRead).not.toHaveBeenCalled();
  });

  it('replaces a stored book all-or-nothing: a failing write leaves the old one untouched', async () => {
    ({ db } = memoryDb());
    const c = seedBook();
    await putBook(db, c);
    const changed = structuredClone(c.book);
    changed.body[0]!.sections[0]!.title = '综述（改）';
    const spy = vi.spyOn(db.sections, 'bulkPut').mockRejectedValueOnce(new Error('QuotaExceededError'));
    await expect(putBook(db, { book: changed, assets: c.assets })).rejects.toThrow('QuotaExceededError');
    spy.mockRestore();
    expect((await readBook(db, c.book.id)).book).toEqual(c.book);
  });

  it('saves an edited section: content, outline rows and category counts in one go', async () => {
    ({ db } = memoryDb());
    const c = seedBook();
    await putBook(db, c);
    const section = structuredClone(c.book.body[0]!.sections[1]!); // 重要会议, 3 entries
    const first = section.children[0] as Entry;
    const p = first.blocks[0]!;
    if (p.type !== 'paragraph') throw new Error('fixture');
    p.text += '会议听取了全区经济运行情况汇报。';
    section.children.splice(1, 0, newEntry('区长办公会议', ['2021年，区政府召开区长办公会议12次。']));
    const before = (await readOutline(db, c.book.id)).find((n) => n.id === c.book.body[0]!.id)!;
    await saveSection(db, c.book.id, section);
    expect(await readSection(db, section.id)).toEqual(section);
    const outline = await readOutline(db, c.book.id);
    const entries = outline.filter((n) => n.kind === 'entry' && n.parentId === section.id).sort((a, b) => a.order - b.order);
    expect(entries.map((e) => e.title)).toEqual(['区政府全体会议', '区长办公会议', '区政府常务会议', '区政府重要专题会议']);
    const cat = outline.find((n) => n.id === c.book.body[0]!.id)!;
    expect(cat.counts.entries).toBe(before.counts.entries + 1);
    expect(cat.counts.characters).toBe(before.counts.characters + '会议听取了全区经济运行情况汇报。'.length + '区长办公会议2021年，区政府召开区长办公会议12次。'.length);
    // Removing an entry removes its outline row.
    section.children.splice(1, 1);
    await saveSection(db, c.book.id, section);
    expect((await readOutline(db, c.book.id)).some((n) => n.title === '区长办公会议')).toBe(false);
    expect((await readBook(db, c.book.id)).book.body[0]!.sections[1]).toEqual(section);
  });

  it('keeps a bounded history of revisions per section and restores one', async () => {
    ({ db } = memoryDb());
    const c = seedBook();
    await putBook(db, c);
    const original = c.book.body[0]!.sections[5]!; // 建议和提案办理
    let s: Section = original;
    for (let i = 0; i < MAX_REVISIONS_PER_SECTION + 5; i++) {
      s = structuredClone(s);
      (s.children[0] as Entry).title = `概况${i}`;
      await saveSection(db, c.book.id, s, { snapshot: true, now: new Date(Date.UTC(2022, 0, 1, 0, i)).toISOString() });
    }
    const revs = await listRevisions(db, original.id);
    expect(revs).toHaveLength(MAX_REVISIONS_PER_SECTION);
    // Newest first; the newest revision holds the version before the last save.
    expect(((await readRevision(db, revs[0]!.id))!.children[0] as Entry).title).toBe(`概况${MAX_REVISIONS_PER_SECTION + 3}`);
    expect(((await readRevision(db, revs.at(-1)!.id))!.children[0] as Entry).title).toBe('概况4');
    // Saves without snapshot add nothing.
    await saveSection(db, c.book.id, s);
    expect(await listRevisions(db, original.id)).toHaveLength(MAX_REVISIONS_PER_SECTION);
    const restored = await restoreRevision(db, c.book.id, revs.at(-1)!.id);
    expect((await readSection(db, original.id))!).toEqual(restored);
    const after = await listRevisions(db, original.id);
    expect(after[0]!.reason).toBe('restore');
    expect(((await readRevision(db, after[0]!.id))!.children[0] as Entry).title).toBe(`概况${MAX_REVISIONS_PER_SECTION + 4}`);
  });

  it('adds and deletes categories and sections', async () => {
    ({ db } = memoryDb());
    const c = seedBook();
    await putBook(db, c);
    const cat = await addCategory(db, c.book.id, '经济综述');
    await addSection(db, c.book.id, cat.id, '工业经济');
    let back = (await readBook(db, c.book.id)).book;
    expect(back.body.map((x) => x.title)).toEqual(['杭州市拱墅区人民政府', '经济综述']);
    expect(back.body[1]!.sections.map((x) => x.title)).toEqual(['工业经济']);
    await deleteNode(db, c.book.id, c.book.body[0]!.sections[0]!.id);
    back = (await readBook(db, c.book.id)).book;
    expect(back.body[0]!.sections.map((x) => x.title)).toEqual(c.book.body[0]!.sections.slice(1).map((x) => x.title));
    await deleteNode(db, c.book.id, cat.id);
    back = (await readBook(db, c.book.id)).book;
    expect(back.body).toHaveLength(1);
    expect((await readOutline(db, c.book.id)).filter((n) => n.title === '工业经济')).toEqual([]);
  });

  it('renames a matter page in its content and outline row, and nothing else', async () => {
    ({ db } = memoryDb());
    const c = seedBook();
    c.book.back.push({ type: 'matter', id: 'm_after', kind: 'afterword', title: '后记', blocks: [newParagraph('本卷编纂历时一年。', sequentialIds('rn'))] });
    await putBook(db, c);
    await renameMatter(db, c.book.id, 'm_after', '编后记');
    const back = (await readBook(db, c.book.id)).book;
    expect(back.back.at(-1)).toMatchObject({ type: 'matter', title: '编后记', blocks: [{ text: '本卷编纂历时一年。' }] });
    expect((await readOutline(db, c.book.id)).find((n) => n.id === 'm_after')!.title).toBe('编后记');
    // A section is renamed in the model (with an undo), never here.
    const section = c.book.body[0]!.sections[0]!;
    await expect(renameMatter(db, c.book.id, section.id, '改名')).rejects.toThrow(/not found/);
    expect((await readSection(db, section.id))!.title).toBe(section.title);
  });

  it('writes sections synchronously during an unload and rebuilds their outline rows at the next start', async () => {
    ({ db } = memoryDb());
    const c = seedBook();
    await putBook(db, c);
    await db.open();
    const section = structuredClone(c.book.body[0]!.sections[5]!); // 建议和提案办理
    section.children.push(newEntry('代表建议面商', ['2021年，开展代表建议面商12次。']));
    expect(writeSectionsNow(db, c.book.id, [section])).toBe(true);
    // Written at once; the outline does not know the new entry yet …
    await vi.waitFor(async () => expect(await readSection(db, section.id)).toEqual(section));
    expect((await readOutline(db, c.book.id)).some((n) => n.title === '代表建议面商')).toBe(false);
    // … until the next start repairs it.
    expect(await repairAfterUnload(db)).toEqual([section.id]);
    expect((await readOutline(db, c.book.id)).some((n) => n.title === '代表建议面商' && n.sectionId === section.id)).toBe(true);
    expect(await repairAfterUnload(db)).toEqual([]);
  });

  it('keeps the version before an unsaved burst as a revision when the unload path writes the section', async () => {
    ({ db } = memoryDb());
    const c = seedBook();
    await putBook(db, c);
    await db.open();
    const stored = c.book.body[0]!.sections[5]!;
    const section = structuredClone(stored);
    section.children.push(newEntry('代表建议面商', ['2021年，开展代表建议面商12次。']));
    expect(await listRevisions(db, section.id)).toEqual([]);
    expect(writeSectionsNow(db, c.book.id, [section], '2021-03-01T08:00:00.000Z', new Map([[section.id, stored]]))).toBe(true);
    await vi.waitFor(async () => expect(await readSection(db, section.id)).toEqual(section));
    const revs = await listRevisions(db, section.id);
    expect(revs).toMatchObject([{ sectionId: section.id, createdAt: '2021-03-01T08:00:00.000Z', reason: 'autosave' }]);
    expect(await readRevision(db, revs[0]!.id)).toEqual(stored);
    // Without a version before (the burst's revision was already taken), no revision is added.
    const again = structuredClone(section);
    again.title = '建议提案办理';
    writeSectionsNow(db, c.book.id, [again]);
    await vi.waitFor(async () => expect((await readSection(db, section.id))?.title).toBe('建议提案办理'));
    expect(await listRevisions(db, section.id)).toHaveLength(1);
    await repairAfterUnload(db);
  });

  it('applies a book-wide change storing only what differs, all-or-nothing', async () => {
    ({ db } = memoryDb());
    const c = richBook();
    await putBook(db, c);
    const emergency = c.book.body[0]!.sections[6]!; // 应急管理
    const appendix = c.book.back[0]!;
    const put = vi.spyOn(db.sections, 'bulkPut');
    const result = await updateBook(db, c.book.id, (b) => moveSection(b, emergency.id, { categoryId: appendix.id, index: 0 }));
    expect(result.changedSections).toEqual([]); // moved, content unchanged
    expect(put.mock.calls[0]![0]).toHaveLength(0);
    put.mockRestore();
    const back = (await readBook(db, c.book.id)).book;
    expect(back).toEqual({ ...moveSection(c.book, emergency.id, { categoryId: appendix.id, index: 0 }), updatedAt: back.updatedAt });
    const outline = await readOutline(db, c.book.id);
    expect(outline.find((n) => n.id === emergency.id)).toMatchObject({ parentId: appendix.id, part: 'back', order: 0 });
    expect(outline.filter((n) => n.sectionId === emergency.id && n.kind === 'entry').every((n) => n.part === 'back')).toBe(true);

    // Moving an entry changes the content of two sections, and can keep revisions of both.
    const entry = c.book.body[0]!.sections[0]!.children[0] as Entry;
    const r2 = await updateBook(db, c.book.id, (b) => moveEntry(b, entry.id, { sectionId: c.book.body[0]!.sections[1]!.id, index: 0 }), { snapshot: true });
    expect(r2.changedSections.sort()).toEqual([c.book.body[0]!.sections[0]!.id, c.book.body[0]!.sections[1]!.id].sort());
    expect(await listRevisions(db, c.book.body[0]!.sections[0]!.id)).toHaveLength(1);
    expect((await readOutline(db, c.book.id)).find((n) => n.id === entry.id)!.sectionId).toBe(c.book.body[0]!.sections[1]!.id);

    // A change that breaks the book (an id twice) stores nothing.
    const before = (await readBook(db, c.book.id)).book;
    await expect(
      updateBook(db, c.book.id, (b) => {
        const copy = structuredClone(b);
        copy.body[0]!.sections.push(structuredClone(copy.body[0]!.sections[0]!));
        return copy;
      }),
    ).rejects.toThrow(/重复的编号/);
    expect((await readBook(db, c.book.id)).book).toEqual(before);
  });
});

describe('a book-wide change that adds images (an imported Word document)', () => {
  it('stores the new asset bytes in the same transaction, and nothing when the change fails', async () => {
    ({ db } = memoryDb());
    const c = seedBook();
    await putBook(db, c);
    const png = Uint8Array.from([...TINY_PNG]);
    const record = { id: 'a_import1', fileName: 'a_import1.png', mime: 'image/png', byteLength: png.length, sha256: 'ab'.repeat(32) };
    const withFigure = (b: Book): Book => {
      const copy = structuredClone(b);
      const section = newSection('图片新闻', sequentialIds('imp'));
      section.children.push({ type: 'figure', id: 'b_imgfig1', number: null, assetId: record.id, caption: '区政府召开常务会议', fullWidth: false });
      copy.body[0]!.sections.push(section);
      copy.assets.push(record);
      return copy;
    };
    const stored = (await readBook(db, c.book.id)).assets.size;

    // A failing change (schema error) leaves neither the section nor the bytes.
    await expect(
      updateBook(db, c.book.id, (b) => ({ ...withFigure(b), title: '' }), { addAssets: new Map([[record.id, png]]) }),
    ).rejects.toThrow();
    expect((await readBook(db, c.book.id)).assets.size).toBe(stored);
    expect(await readAsset(db, record.id)).toBeUndefined();

    // A record whose bytes are neither stored nor given is refused.
    await expect(updateBook(db, c.book.id, withFigure, { addAssets: new Map([['a_other', png]]) })).rejects.toThrow(/a_import1/);
    expect(await readAsset(db, record.id)).toBeUndefined();

    await updateBook(db, c.book.id, withFigure, { addAssets: new Map([[record.id, png]]), snapshot: true });
    const back = await readBook(db, c.book.id);
    expect(back.assets.size).toBe(stored + 1);
    const got = await readAsset(db, record.id);
    expect(got?.mime).toBe('image/png');
    expect([...got!.bytes]).toEqual([...png]);
    // The assets already stored are kept.
    for (const a of c.book.assets) expect([...back.assets.get(a.id)!]).toEqual([...c.assets.get(a.id)!]);
  });
});
