// 来稿原文 in the app's storage: the kept drafts' records live in the book row, their text and marks in the assets
// table; an import writes them with its sections in one transaction, the book file round-trips them, and putting
// the book back as it was (the book-wide undo) removes them.
import { afterEach, describe, expect, it } from 'vitest';
import { readBookFile, writeBookFile } from '../../../../shared/bookfile';
import { keptSourceView, placeImportsKeepingSources, prepareSource, readSourceMarks, recogniseText, sourceAssetBytes } from '../../../../shared/import';
import { sequentialIds } from '../../../../shared/model';
import { getBookRow, putBook, readAsset, readBook, readOutline, updateBook } from '../../../../renderer/storage/books';
import type { YearbookDb } from '../../../../renderer/storage/db';
import { seedText, xiachengBook } from '../../shared/import/corpus';
import { memoryDb } from './helpers';

let db: YearbookDb | undefined;
afterEach(() => {
  db?.close();
  db = undefined;
});

describe('kept drafts in storage', () => {
  const seed = seedText('003');
  const result = recogniseText(seed, '下城区人民政府.txt', { ids: sequentialIds('r') });

  it('an import stores its sources with its sections in one change; the book file and a new database keep them; the undo removes them', async () => {
    ({ db } = memoryDb('sources'));
    const before = xiachengBook();
    await putBook(db, { book: before, assets: new Map() });
    const source = prepareSource(result, { fileName: '下城区人民政府.txt', by: '陈编辑' }, { importedAt: '2024-05-06T07:08:09.000Z' });
    const categoryId = before.body[0]!.id;
    const change = await updateBook(db, before.id, (b) => placeImportsKeepingSources(b, [{ result, placement: { mode: 'new-sections', categoryId }, source }]), {
      snapshot: true,
      addAssets: sourceAssetBytes([source]),
    });
    // The record is in the book row (what the 详情 card reads), the text and marks in the assets table.
    const row = await getBookRow(db, before.id);
    expect(row!.shell.sources).toEqual(change.book.sources);
    expect(row!.shell.sources![0]).toMatchObject({ fileName: '下城区人民政府.txt', importedBy: '陈编辑', sectionIds: result.categories[0]!.sections.map((s) => s.id) });
    const text = await readAsset(db, source.record.textAssetId);
    expect(text!.mime).toBe('text/plain;charset=utf-8');
    expect(new TextDecoder().decode(text!.bytes)).toBe(seed.replace(/\r\n?/g, '\n'));
    const marks = await readAsset(db, source.record.marksAssetId!);
    expect(keptSourceView(new TextDecoder().decode(text!.bytes), readSourceMarks(marks!.bytes)).marked).toBe(true);
    // The outline's counts are the sections' own: the sources add nothing.
    const outline = await readOutline(db, before.id);
    const cat = outline.find((n) => n.id === categoryId)!;
    const sections = outline.filter((n) => n.kind === 'section' && n.parentId === categoryId);
    expect(cat.counts.characters).toBe(sections.reduce((n, s) => n + s.counts.characters, 0) + [...cat.title].length);

    // Saved as a book file and opened in another database: record and bytes unchanged.
    const file = writeBookFile(await readBook(db, before.id));
    const back = readBookFile(file, 'x.yearbook');
    expect(back.book.sources).toEqual(change.book.sources);
    const other = memoryDb('other').db;
    try {
      await putBook(other, back);
      const reread = await readBook(other, before.id);
      expect(reread.book.sources).toEqual(change.book.sources);
      expect(reread.assets.get(source.record.textAssetId)).toEqual(text!.bytes);
      expect(reread.assets.get(source.record.marksAssetId!)).toEqual(marks!.bytes);
    } finally {
      other.close();
    }

    // The book-wide undo puts the book back as it was: no record, no text, no marks.
    await updateBook(db, before.id, () => ({ ...change.previous }), { snapshot: true });
    const undone = await readBook(db, before.id);
    expect(undone.book.sources).toBeUndefined();
    expect(undone.assets.size).toBe(0);
    expect(await readAsset(db, source.record.textAssetId)).toBeUndefined();
    expect(await readAsset(db, source.record.marksAssetId!)).toBeUndefined();
    expect((await readOutline(db, before.id)).filter((n) => n.kind === 'section')).toHaveLength(1);
  });

  it('a change whose source has no bytes stores nothing', async () => {
    ({ db } = memoryDb('partial'));
    const before = xiachengBook();
    await putBook(db, { book: before, assets: new Map() });
    const source = prepareSource(result, { fileName: 'x.txt' }, { importedAt: '2024-05-06T07:08:09.000Z' });
    const onlyText = new Map([[source.record.textAssetId, source.assets[0]!.bytes]]);
    await expect(updateBook(db, before.id, (b) => placeImportsKeepingSources(b, [{ result, placement: { mode: 'auto' }, source }]), { addAssets: onlyText })).rejects.toThrow(/assets without bytes/);
    const still = await readBook(db, before.id);
    expect(still.book.sources).toBeUndefined();
    expect(still.book.body.flatMap((c) => c.sections)).toHaveLength(1);
    expect(await readAsset(db, source.record.textAssetId)).toBeUndefined();
  });
});
