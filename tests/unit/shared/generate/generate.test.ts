import { beforeAll, describe, expect, it } from 'vitest';
import { readBookFile, sha256Hex, writeBookFile } from '../../../../shared/bookfile';
import { FULL_SIZE, generateVolume, harvestCorpus, splitSentences, varyNumbers, type GeneratedVolume } from '../../../../shared/generate';
import { allSections, bookCounts, parseBook, sectionEntries, type Block, type Book, type Entry } from '../../../../shared/model';
import { loadSampleBook } from '../../../../shared/sample';

let sample: Book;
let full: GeneratedVolume;
beforeAll(() => {
  sample = loadSampleBook();
  full = generateVolume(sample, { seed: 1, images: false });
});

function entryBlocks(book: Book): { entry: Entry; blocks: Block[] }[] {
  return allSections(book).flatMap(({ section }) => sectionEntries(section).map((entry) => ({ entry, blocks: entry.blocks })));
}

describe('full-size volume (seed 1, scale 1)', () => {
  it('has the size of a real volume', () => {
    const c = bookCounts(full.book);
    expect(c.categories).toBe(FULL_SIZE.categories);
    expect(c.sections).toBe(FULL_SIZE.sections);
    expect(c.entries).toBe(FULL_SIZE.entries);
    expect(c.tables).toBe(FULL_SIZE.tables);
    expect(c.figures).toBe(FULL_SIZE.figures);
    expect(c.characters).toBeGreaterThan(1_150_000);
    expect(c.characters).toBeLessThan(1_250_000);
    expect(c.subsections).toBeGreaterThan(0);
  });

  it('is a valid book (schema, unique ids) that survives a book file round trip', () => {
    const parsed = parseBook(JSON.parse(JSON.stringify(full.book)));
    expect(parsed.body.length + parsed.back.filter((b) => b.type === 'category').length).toBe(30);
    const back = readBookFile(writeBookFile(full, { now: '2021-06-30T00:00:00.000Z' }));
    expect(bookCounts(back.book)).toEqual(bookCounts(full.book));
  });

  it('carries 特载 reports, a 大事记 in date order and an appendix', () => {
    const special = full.book.body.find((c) => c.role === 'special')!;
    expect(special.title).toBe('特载');
    expect(special.sections.map((s) => s.title)).toEqual(sample.body.find((c) => c.role === 'special')!.sections.map((s) => s.title));
    expect(special.sections.every((s) => s.children.some((b) => b.type === 'heading'))).toBe(true);

    const chronicle = full.book.body.find((c) => c.role === 'chronicle')!;
    expect(chronicle.sections.map((s) => s.title)).toEqual(['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月']);
    const items = chronicle.sections.flatMap((s) => s.children).filter((b) => b.type === 'dated');
    expect(items).toHaveLength(FULL_SIZE.chronicleItems);
    const dates = items.map((d) => d.date!);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d.startsWith(`${full.book.recordYear}-`))).toBe(true);

    expect(full.book.back.some((b) => b.type === 'category' && b.role === 'appendix' && b.sections.length > 0)).toBe(true);
    expect(full.book.front.map((m) => m.kind)).toEqual(['editorial-note', 'toc']);
    expect(full.book.front[0]!.blocks.map((b) => (b as { text: string }).text).join('')).toContain('共设类目30个、分目300个、条目2000条');
  });

  it('is built from the sample book\'s real sentences, not invented text', () => {
    const real = new Set<string>();
    for (const { blocks } of entryBlocks(sample)) for (const b of blocks) if (b.type === 'paragraph') for (const s of splitSentences(b.text)) real.add(s.replace(/^\d{4}年/, ''));
    let checked = 0;
    for (const { blocks } of entryBlocks(full.book).slice(0, 400)) {
      for (const b of blocks) {
        if (b.type !== 'paragraph') continue;
        for (const s of splitSentences(b.text.replace(/（见表\d+）/g, ''))) {
          expect(real.has(s.replace(/^\d{4}年/, '')), s).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
    const titles = new Set(entryBlocks(sample).map((e) => e.entry.title));
    const generatedTitles = entryBlocks(full.book).map((e) => e.entry.title);
    expect(generatedTitles.filter((t) => !titles.has(t) && !/（\d+）$/.test(t) && t !== '综述')).toEqual([]);
    const authors = new Set(harvestCorpus(sample).authors);
    const named = allSections(full.book).flatMap(({ section }) => section.children.filter((b) => b.type === 'attribution').flatMap((a) => a.names));
    expect(named.length).toBeGreaterThan(500);
    expect(named.every((n) => authors.has(n))).toBe(true);
  });

  it('opens every section with an overview entry and covers every entry with an attribution line', () => {
    for (const { category, section } of allSections(full.book)) {
      if (category.role === 'special' || category.role === 'chronicle') continue;
      const entries = sectionEntries(section);
      expect(['概况', '综述']).toContain(entries[0]!.title);
      const covered = new Set(
        [...section.children, ...section.children.flatMap((c) => (c.type === 'subsection' ? c.children : []))].flatMap((b) => (b.type === 'attribution' ? b.covers : [])),
      );
      for (const e of entries) expect(covered.has(e.id), `${section.title} › ${e.title}`).toBe(true);
      expect(new Set(entries.map((e) => e.title)).size).toBe(entries.length);
    }
    const registry = new Set(full.book.contributors.map((c) => c.id));
    const attributions = allSections(full.book).flatMap(({ section }) => section.children.filter((b) => b.type === 'attribution'));
    expect(attributions.every((a) => a.contributorIds?.every((id) => registry.has(id)))).toBe(true);
  });

  it('numbers tables and figures in book order, refers to each table before it, and has tables that continue over pages', () => {
    const tables: { number: string | null; rows: number }[] = [];
    const figures: (string | null)[] = [];
    let referenced = 0;
    for (const { blocks } of entryBlocks(full.book)) {
      blocks.forEach((b, i) => {
        if (b.type === 'figure') figures.push(b.number);
        if (b.type !== 'table') return;
        tables.push({ number: b.number, rows: b.bodyRows.length });
        const before = blocks.slice(0, i).filter((x) => x.type === 'paragraph').map((x) => (x as { text: string }).text).join('');
        if (before.includes(`（见表${b.number}）`)) referenced++;
      });
    }
    for (const s of full.book.back.flatMap((c) => (c.type === 'category' ? c.sections : []))) {
      for (const b of s.children) if (b.type === 'table') tables.push({ number: b.number, rows: b.bodyRows.length });
    }
    expect(tables.map((t) => Number(t.number)).sort((a, b) => a - b)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    expect(figures).toEqual(Array.from({ length: 250 }, (_, i) => String(i + 1)));
    expect(referenced).toBeGreaterThan(40);
    expect(tables.filter((t) => t.rows >= 40).length).toBeGreaterThanOrEqual(5);
    const src = sample.body.flatMap((c) => c.sections).flatMap((s) => sectionEntries(s)).flatMap((e) => e.blocks).find((b) => b.type === 'table')!;
    const anyTable = entryBlocks(full.book).flatMap((e) => e.blocks).find((b) => b.type === 'table')!;
    if (src.type === 'table' && anyTable.type === 'table') expect(anyTable.headerRows).toEqual(src.headerRows);
  });
});

describe('generator options', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const a = generateVolume(sample, { seed: 42, scale: 0.05 });
    const b = generateVolume(sample, { seed: 42, scale: 0.05 });
    const c = generateVolume(sample, { seed: 43, scale: 0.05 });
    expect(JSON.stringify(a.book)).toBe(JSON.stringify(b.book));
    expect(writeBookFile(a, { now: 'x' })).toEqual(writeBookFile(b, { now: 'x' }));
    expect(JSON.stringify(c.book)).not.toBe(JSON.stringify(a.book));
  });

  it('scales every count', () => {
    const v = generateVolume(sample, { seed: 3, scale: 0.1, images: false });
    const c = bookCounts(v.book);
    expect(c.sections).toBe(30);
    expect(c.entries).toBe(200);
    expect(c.tables).toBe(6);
    expect(c.figures).toBe(25);
    expect(c.characters).toBeGreaterThan(110_000);
    expect(c.characters).toBeLessThan(135_000);
    expect(c.categories).toBeGreaterThanOrEqual(4);
  });

  it('attaches a real PNG to every figure, with the checksum the book file verifies', () => {
    const v = generateVolume(sample, { seed: 5, scale: 0.04 });
    const figures = entryBlocks(v.book).flatMap((e) => e.blocks).filter((b) => b.type === 'figure');
    expect(figures.length).toBe(10);
    expect(v.book.assets).toHaveLength(10);
    for (const f of figures) {
      const asset = v.book.assets.find((a) => a.id === (f as { assetId: string }).assetId)!;
      const bytes = v.assets.get(asset.id)!;
      expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      expect(sha256Hex(bytes)).toBe(asset.sha256);
      expect(asset).toMatchObject({ mime: 'image/png', width: 360, height: 240 });
    }
    expect(readBookFile(writeBookFile(v)).assets.size).toBe(10);
  });

  it('refuses a bad scale and a source without material, in Chinese', () => {
    expect(() => generateVolume(sample, { scale: 0 })).toThrow(/规模参数“0”无效/);
    expect(() => generateVolume(sample, { scale: 11 })).toThrow(/规模参数/);
    const empty = { ...sample, body: [], back: [] };
    expect(() => generateVolume(empty)).toThrow(/素材不够生成全尺寸年鉴/);
  });
});

describe('varyNumbers', () => {
  it('varies quantities but keeps years, dates and decimals', () => {
    expect(varyNumbers('完成投资382.2亿元，增长24.5%', 2)).toBe('完成投资764.4亿元，增长49.0%');
    expect(varyNumbers('2020年6月24日开园，共3家', 2)).toBe('2020年6月24日开园，共6家');
    expect(varyNumbers('已完成', 1.5)).toBe('已完成');
  });
});
