// The workbench side of the editing features that reach across the book: comments stored in the book, images
// stored as assets (all-or-nothing, refused formats), the whole-book find and replace as one book change with
// one undo, and the numbering state of a section from the outline rows.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readBookFile, writeBookFile } from '../../../../shared/bookfile';
import { encodePng } from '../../../../shared/generate';
import { allSections, findInBook, tableFigureNumbers, type Comment } from '../../../../shared/model';
import { loadSampleContents } from '../../../../shared/sample';
import { bookFindOf } from '../../../../renderer/app/find/bookFind';
import { numberingBefore, sectionNumbers } from '../../../../renderer/app/numbering';
import type { Workbench } from '../../../../renderer/app/workbench';
import { readBook, readOutline } from '../../../../renderer/storage/books';
import { disposeWorkbenches, startWorkbench } from '../fixtures/testHost';

beforeAll(() => {
  URL.createObjectURL ??= () => 'blob:test';
  URL.revokeObjectURL ??= () => undefined;
});

afterEach(disposeWorkbenches);

const started = () => startWorkbench({ sample: loadSampleContents() });

const sectionId = (w: Workbench, title: string) => w.state.outline.find((n) => n.kind === 'section' && n.title === title)!.id;

describe('comments in the book', () => {
  it('are stored in the book row, replaced by id, deleted, and written into the book file', async () => {
    const { wb, db } = await started();
    const bookId = wb.state.book!.id;
    const c: Comment = { id: 'k_test1', author: '王编辑', text: '请核对', createdAt: '2021-03-01T08:00:00.000Z', resolved: false };
    await wb.saveComment(c);
    await wb.saveComment({ ...c, id: 'k_test2', text: '第二条' });
    await wb.saveComment({ ...c, resolved: true });
    expect(wb.state.book!.shell.comments.map((x) => [x.id, x.resolved])).toEqual([
      ['k_test1', true],
      ['k_test2', false],
    ]);
    const stored = await readBook(db, bookId);
    expect(stored.book.comments).toEqual(wb.state.book!.shell.comments);
    expect(readBookFile(writeBookFile(stored), 'x.yearbook').book.comments).toHaveLength(2);
    await wb.deleteComment('k_test1');
    expect((await readBook(db, bookId)).book.comments.map((x) => x.id)).toEqual(['k_test2']);
  });

  it('remembers the editor name once given', async () => {
    const { wb } = await started();
    expect(wb.state.view.editorName).toBe('');
    await wb.setEditorName('  王编辑 ');
    expect(wb.state.view.editorName).toBe('王编辑');
  });
});

describe('images stored as assets', () => {
  const png = encodePng(1600, 900, new Uint8Array(1600 * 900 * 3).fill(90));

  it('stores a PNG with its type and size read from the bytes, once, with a URL for the editor', async () => {
    const { wb, host, db } = await started();
    const bookId = wb.state.book!.id;
    const sampleAssets = wb.state.book!.shell.assets.map((a) => a.id); // the sample's stand-in photos
    host.nextOpen = [{ name: '信访接待.jpg', bytes: png }];
    const asset = await wb.pickImage();
    expect(asset).toMatchObject({ fileName: '信访接待.jpg', mime: 'image/png', width: 1600, height: 900, byteLength: png.length });
    expect(wb.state.book!.shell.assets.map((a) => a.id)).toEqual([...sampleAssets, asset!.id]);
    expect(wb.state.assetUrls[asset!.id]).toBeTruthy();
    const stored = await readBook(db, bookId);
    expect(Buffer.from(stored.assets.get(asset!.id)!).equals(Buffer.from(png))).toBe(true);
    // The same image again is the same asset.
    const again = await wb.addImageFile({ name: '副本.png', bytes: png });
    expect(again!.id).toBe(asset!.id);
    expect((await readBook(db, bookId)).book.assets).toHaveLength(sampleAssets.length + 1);
    // Cancelling the dialog stores nothing.
    host.nextOpen = [];
    expect(await wb.pickImage()).toBeNull();
  });

  it('refuses a TIFF with a Chinese message and stores nothing', async () => {
    const { wb, db } = await started();
    const bookId = wb.state.book!.id;
    const before = await db.assets.count();
    const records = (await readBook(db, bookId)).book.assets.length;
    const r = await wb.addImageFile({ name: '扫描件.tif', bytes: Uint8Array.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]) });
    expect(r).toBeNull();
    const notice = wb.state.notices.at(-1)!;
    expect(notice.kind).toBe('error');
    expect('key' in notice.text && notice.text.key).toBe('image.unsupported');
    expect(await db.assets.count()).toBe(before);
    expect((await readBook(db, bookId)).book.assets).toHaveLength(records);
  });
});

describe('find and replace in the whole book', () => {
  it('replaces the chosen hits of every section as one change that one undo takes back', async () => {
    const { wb, db } = await started();
    const bookId = wb.state.book!.id;
    const original = (await readBook(db, bookId)).book;
    const find = bookFindOf(wb);
    find.open({ pattern: '区信访局', replacement: '区信访办公室', replace: true });
    await find.search();
    expect(find.state.hits).toHaveLength(6);
    expect(new Set(find.state.hits.map((h) => h.sectionId)).size).toBe(2);
    const left = find.state.hits[3]!;
    const touched = new Set(find.state.hits.map((h) => h.sectionId));
    find.setIncluded([left.key], false);
    expect(await find.replace()).toBe(true);
    expect(find.state.message).toEqual({ key: 'bookFind.replaced', params: { count: 5, sections: 2 } });
    const after = (await readBook(db, bookId)).book;
    expect(findInBook(after, { pattern: '区信访办公室' })).toHaveLength(5);
    expect(findInBook(after, { pattern: '区信访局' }).map((h) => h.key)).toEqual([left.key]);
    // Sections without a hit were not touched.
    for (const { section } of allSections(after)) if (!touched.has(section.id)) expect(section).toEqual(allSections(original).find((x) => x.section.id === section.id)!.section);
    expect(wb.state.bookUndo?.label.key).toBe('bookFind.undoLabel');
    expect(await wb.undoBookChange()).toBe(true);
    expect((await readBook(db, bookId)).book.body).toEqual(original.body);
  });

  it('leaves places that changed after the search alone and says so', async () => {
    const { wb } = await started();
    const find = bookFindOf(wb);
    find.open({ pattern: '区信访局', replacement: '某', replace: true });
    await find.search();
    const hits = find.state.hits;
    // Someone replaces part of the book in between (another change through the workbench).
    expect(hits).toHaveLength(6);
    // Someone changes the first place in between (another book change): its word is gone.
    await wb.changeBook((b) => JSON.parse(JSON.stringify(b).replace('区信访局', '区信访处')) as typeof b);
    expect(await find.replace()).toBe(true);
    expect(find.state.message).toEqual({ key: 'bookFind.stale', params: { count: 1 } });
  });

  it('says when the pattern is not a valid regular expression', async () => {
    const { wb } = await started();
    const find = bookFindOf(wb);
    find.open({ pattern: '(未闭合', regex: true, replace: false });
    await find.search();
    expect(find.state.error).toContain('不是有效的正则表达式');
    expect(find.state.hits).toEqual([]);
  });

  it('says so in Chinese when the book cannot be read, instead of searching forever', async () => {
    const { wb } = await started();
    const find = bookFindOf(wb);
    wb.readBookModel = () => Promise.reject(new Error('IndexedDB: the connection was closed'));
    find.open({ pattern: '民政', regex: false, replace: false });
    await find.search();
    expect(find.state.status).toBe('ready');
    expect(find.state.error).toBe('读写本机存储时出错。（IndexedDB: the connection was closed）');
  });
});

describe('numbering from the outline rows', () => {
  it('gives each section the numbers the whole book gives it', async () => {
    const { wb, db } = await started();
    const bookId = wb.state.book!.id;
    const book = (await readBook(db, bookId)).book;
    const outline = await readOutline(db, bookId);
    const whole = tableFigureNumbers(book);
    for (const { section } of allSections(book)) {
      for (const [id, n] of sectionNumbers(outline, section, false)) expect(n).toEqual(whole.get(id));
    }
    expect(numberingBefore(outline, sectionId(wb, '民政'), false)).toEqual({ table: 6, figure: 78 });
    expect(numberingBefore(outline, sectionId(wb, '民政'), true)).toEqual({ table: 1, figure: 1 });
  });
});
