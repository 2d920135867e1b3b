// The sample book others build on: its content, and that the committed file is what the importer makes now.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allSections, sectionBlocks, sectionEntries } from '../../../../shared/model';
import { sha256Hex } from '../../../../shared/bookfile/bookfile';
import { imageDimensions } from '../../../../shared/model/image';
import { loadSampleBook, loadSampleContents } from '../../../../shared/sample';
import { buildSampleBook, SAMPLE_SOURCES } from '../../../../shared/sample/build';
import { SEEDS } from './corpus';

describe('the sample book 《临安年鉴（2021）》', () => {
  const book = loadSampleBook();

  it('is the 2021 volume recording 2020', () => {
    expect(book).toMatchObject({ title: '临安年鉴', volumeYear: 2021, recordYear: 2020 });
  });

  it('opens with 特载: the four reports of seed 001, with their title blocks', () => {
    const special = book.body[0]!;
    expect(special).toMatchObject({ role: 'special', title: '特载' });
    expect(special.sections.map((s) => s.title)).toEqual([
      '奋力打造“城西科创新城·美丽幸福临安”为建设社会主义现代化国际大都市贡献更大临安力量',
      '政府工作报告',
      '杭州市临安区第十六届人民代表大会常务委员会工作报告',
      '中国人民政治协商会议第九届杭州市临安区委员会常务委员会工作报告',
    ]);
    expect(special.sections[1]!.article).toMatchObject({ speaker: '杨国正', salutation: '各位代表 ：' });
    expect(special.sections[0]!.children.filter((c) => c.type === 'heading')).toHaveLength(28);
  });

  it('holds the chapter 杭州市临安区人民政府 of seed 000', () => {
    const cat = book.body[1]!;
    expect(cat).toMatchObject({ role: 'regular', title: '杭州市临安区人民政府' });
    expect(cat.sections).toHaveLength(10);
    expect(cat.sections.flatMap(sectionEntries)).toHaveLength(56);
    const blocks = cat.sections.flatMap((s) => [...sectionBlocks(cat, s)].map((v) => v.block));
    expect(blocks.filter((b) => b.type === 'attribution')).toHaveLength(10);
    const figures = blocks.filter((b) => b.type === 'figure');
    expect(figures.map((f) => f.type === 'figure' && f.number)).toEqual(['78', '79', '80', '81', '82', '83', '84']);
    // Every figure carries a stand-in photo (shared/sample/photos.ts), named 示例图片 in the book's assets.
    expect(figures.map((f) => f.type === 'figure' && f.assetId)).toEqual(book.assets.map((a) => a.id));
    expect(book.assets.every((a) => a.fileName.startsWith('示例图片') && a.mime === 'image/png')).toBe(true);
    const tables = blocks.filter((b) => b.type === 'table');
    expect(tables.map((t) => t.type === 'table' && t.number)).toEqual(['6']);
  });

  it('carries stand-in photos small enough to ship: real PNGs of the recorded size and checksum', () => {
    const { book: b, assets } = loadSampleContents();
    expect(assets.size).toBe(7);
    let total = 0;
    for (const a of b.assets) {
      const bytes = assets.get(a.id)!;
      total += bytes.length;
      expect(sha256Hex(bytes)).toBe(a.sha256);
      expect(bytes.length).toBe(a.byteLength);
      // 300 dpi across one column of the default profile (≈ 83 mm), so the PDF preflight has nothing to say.
      expect(imageDimensions(bytes)).toEqual({ width: a.width, height: a.height });
      expect(a.width).toBeGreaterThanOrEqual(980);
    }
    expect(total).toBeLessThan(200 * 1024);
  });

  it('has deterministic ids and a fresh copy on every call', () => {
    expect(book.id).toMatch(/^b_/);
    expect(allSections(book)[0]!.section.id).toMatch(/^s_/);
    const other = loadSampleBook();
    other.title = 'x';
    expect(loadSampleBook().title).toBe('临安年鉴');
  });

  it('is what the importer makes from the seeds today (else run `npm run build:sample`)', () => {
    const rebuilt = buildSampleBook({
      reports: readFileSync(path.join(SEEDS, SAMPLE_SOURCES.reports), 'utf8'),
      chapter: readFileSync(path.join(SEEDS, SAMPLE_SOURCES.chapter), 'utf8'),
    });
    const committed = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../../shared/sample/sample-book.json'), 'utf8'));
    expect(rebuilt).toEqual(committed);
  });
});
