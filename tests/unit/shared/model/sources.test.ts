// book.sources (来稿原文): an optional part of the Book. Books without it read as before (the schema version
// stays 1: nothing existing has to be converted), a record is checked like every other part.
import { describe, expect, it } from 'vitest';
import { BOOK_SCHEMA_VERSION, newBook, parseBook, sequentialIds, type SourceRecord } from '../../../../shared/model';

const record: SourceRecord = {
  id: 'o_1',
  fileName: '区民政局.txt',
  format: 'text',
  encoding: { encoding: 'gb18030', confidence: 0.93, method: 'detected', bom: false },
  importedAt: '2024-05-06T07:08:09.000Z',
  placement: 'new-sections',
  sectionIds: ['s_1'],
  categoryIds: ['c_1'],
  textAssetId: 'x_1',
  marksAssetId: 'x_2',
  lines: 312,
  characters: 8000,
  heals: 14,
  droppedLines: 6,
  corrections: 1,
};

describe('book.sources', () => {
  const base = () => JSON.parse(JSON.stringify(newBook({ title: '临安年鉴', volumeYear: 2021, recordYear: 2020 }, sequentialIds('b')))) as Record<string, unknown>;

  it('is optional: a book of this version without it reads unchanged', () => {
    expect(BOOK_SCHEMA_VERSION).toBe(1);
    const b = parseBook(base());
    expect(b.sources).toBeUndefined();
    expect(JSON.stringify(b)).not.toContain('sources');
  });

  it('keeps a record as written, defaults filled', () => {
    const b = parseBook({ ...base(), sources: [record] });
    expect(b.sources).toEqual([record]);
    const { heals: _h, droppedLines: _d, corrections: _c, sectionIds: _s, categoryIds: _k, ...minimal } = record;
    expect(parseBook({ ...base(), sources: [minimal] }).sources![0]).toMatchObject({ heals: 0, droppedLines: 0, corrections: 0, sectionIds: [], categoryIds: [] });
  });

  it('refuses a damaged record with the model message, the input untouched', () => {
    const bad = { ...base(), sources: [{ ...record, placement: 'somewhere', lines: -1 }] };
    const copy = structuredClone(bad);
    expect(() => parseBook(bad)).toThrow(/书稿数据不完整或已损坏（2 处问题），首处：sources\.0\./);
    expect(bad).toEqual(copy);
    expect(() => parseBook({ ...base(), sources: [{ ...record, textAssetId: '../etc' }] })).toThrow(/sources\.0\.textAssetId/);
  });
});
