import { afterEach, describe, expect, it, vi } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import { readBookFile, sha256Hex, writeBookFile, looksLikeBookFile, zipTime } from '../../../../shared/bookfile';
import { newBook, newCategory, newEntry, newSection, sequentialIds, type Book } from '../../../../shared/model';

function bookWithAsset(): { book: Book; assets: Map<string, Uint8Array> } {
  const ids = sequentialIds();
  const book = newBook({ title: '临安年鉴', volumeYear: 2021, now: '2021-05-01T00:00:00Z' }, ids);
  const cat = newCategory('杭州市临安区人民政府', 'regular', ids);
  const sec = newSection('信访工作', ids);
  sec.children.push(newEntry('概况', ['2020年，区信访局受理群众来信来访。'], ids));
  cat.sections.push(sec);
  book.body.push(cat);
  const img = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3, 4]);
  book.assets.push({ id: 'x_1', fileName: '图78.png', mime: 'image/png', byteLength: img.length, sha256: sha256Hex(img) });
  return { book, assets: new Map([['x_1', img]]) };
}

describe('book file', () => {
  it('round-trips the book and its assets', () => {
    const c = bookWithAsset();
    const bytes = writeBookFile(c);
    expect(looksLikeBookFile(bytes)).toBe(true);
    const back = readBookFile(bytes);
    expect(back.book).toEqual(c.book);
    expect(back.assets.get('x_1')).toEqual(c.assets.get('x_1'));
  });

  it('refuses a file whose content does not match its checksums', () => {
    const entries = unzipSync(writeBookFile(bookWithAsset()));
    const tampered = new TextEncoder().encode(new TextDecoder().decode(entries['book.json']).replace('概况', '概述'));
    const bytes = zipSync({ ...entries, 'book.json': tampered });
    expect(() => readBookFile(bytes, '临安.yearbook')).toThrow(/“临安.yearbook”已损坏：其中的“book.json”校验不符/);
  });

  it('refuses files that are not book files, in Chinese', () => {
    expect(() => readBookFile(new TextEncoder().encode('hello'), 'a.yearbook')).toThrow(/不是年鉴编纂工作台的书稿文件/);
    expect(() => readBookFile(zipSync({ 'x.txt': new Uint8Array([1]) }), 'b.yearbook')).toThrow(/缺少书稿清单/);
  });

  describe('the same book written at the same moment', () => {
    afterEach(() => vi.useRealTimers());

    it('gives the same bytes even when the clock moves between writes', () => {
      const c = bookWithAsset();
      vi.useFakeTimers();
      vi.setSystemTime(new Date(2026, 11, 5, 19, 28, 4));
      const first = writeBookFile(c, { now: '2026-12-05T11:00:00.000Z' });
      vi.setSystemTime(new Date(2027, 2, 1, 8, 0, 0));
      const second = writeBookFile(c, { now: '2026-12-05T11:00:00.000Z' });
      expect(second).toEqual(first);
      // The first entry's DOS time and date (local header bytes 10–13) are the written moment, not the clock's.
      const when = new Date('2026-12-05T11:00:00.000Z');
      const dosTime = (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1);
      const dosDate = ((when.getFullYear() - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
      const view = new DataView(first.buffer, first.byteOffset);
      expect([view.getUint16(10, true), view.getUint16(12, true)]).toEqual([dosTime, dosDate]);
    });

    it('stamps ZIP entries with the written time, clamped to what ZIP can say', () => {
      expect(zipTime('2026-12-05T11:00:00.000Z').getTime()).toBe(Date.parse('2026-12-05T11:00:00.000Z'));
      expect(zipTime('not a time')).toEqual(new Date(1980, 0, 1));
      expect(zipTime('1970-01-01T00:00:00Z')).toEqual(new Date(1980, 0, 1));
      expect(zipTime('2300-01-01T00:00:00Z').getFullYear()).toBe(2099);
    });
  });

  it('refuses to save a book whose asset bytes are missing', () => {
    const c = bookWithAsset();
    expect(() => writeBookFile({ book: c.book, assets: new Map() })).toThrow(/缺少图片“图78.png”/);
  });
});
