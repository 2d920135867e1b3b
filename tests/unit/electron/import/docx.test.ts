// Word documents: structure from styles and bold run-in titles, real tables with merged and multi-line
// cells, photos with captions as assets, footnotes; the same accuracy as text; clear refusals.
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkDocxBytes, readDocx } from '../../../../electron/node/import/docx';
import { recognise, toOutline } from '../../../../shared/import';
import { isUserError, sequentialIds, type Entry } from '../../../../shared/model';
import { sha256Hex } from '../../../../shared/bookfile/bookfile';
import { GOLD, scoreOutlines, seedFile, seedText } from '../../shared/import/corpus';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chapterDocx, featureDocx, PNG, type ChapterDocxOptions } from './make-docx';

async function refusal(f: () => Promise<unknown> | unknown): Promise<string> {
  try {
    await f();
  } catch (e) {
    if (isUserError(e)) return `${e.key} ${e.message}`;
    throw e;
  }
  throw new Error('not refused');
}

describe('reading a department draft in Word', async () => {
  const ids = sequentialIds();
  const src = await readDocx(new Uint8Array(await featureDocx()), '审管办.docx', ids);
  const r = recognise(src.doc, { ids });
  const section = r.categories[0]!.sections[0]!;
  const entries = section.children.filter((c): c is Entry => c.type === 'entry');

  it('takes the section from the heading style and entries from bold run-in titles', () => {
    expect(section.title).toBe('行政审批服务管理');
    expect(entries.map((e) => e.title)).toEqual(['概况', '远程视频办事系统应用']);
    expect(entries[1]!.blocks[0]).toMatchObject({ type: 'paragraph', text: '2020年，区审管办推进高频事项下放。' });
  });

  it('keeps the photo as an asset with its caption and credit', () => {
    const fig = entries[0]!.blocks.find((b) => b.type === 'figure')!;
    expect(fig).toMatchObject({ number: '84', caption: '区市民中心24小时自助服务大厅', credit: { raw: '区审管办提供' } });
    const asset = src.assets.find((a) => fig.type === 'figure' && a.asset.id === fig.assetId)!;
    expect(asset.asset).toMatchObject({ mime: 'image/png', byteLength: PNG.length, sha256: sha256Hex(new Uint8Array(PNG)) });
  });

  it('reads the table with its number, title, header row, merged group label and multi-line cell', () => {
    const table = entries[1]!.blocks.find((b) => b.type === 'table')!;
    if (table.type !== 'table') throw new Error('no table');
    expect(table).toMatchObject({ number: '1', title: '2020年区《政府工作报告》主要目标任务进展情况' });
    expect(table.headerRows[0]!.cells.map((c) => c.text)).toEqual(['项目名称', '项目内容', '牵头单位']);
    expect(table.bodyRows[0]!.cells[0]).toMatchObject({ text: '（一）经济社会发展主要预期目标', rowSpan: 2 });
    expect(table.bodyRows[1]!.cells.map((c) => c.text)).toEqual(['做好高层次科研平台的引进建设', '区委人才办\n区科技局']);
    expect(table.bodyRows[2]!.cells[0]).toMatchObject({ text: '合计：3项', colSpan: 3 });
  });

  it('links the footnote to its call-out and puts it in the entry that calls it', () => {
    const p = entries[0]!.blocks[0]!;
    if (p.type !== 'paragraph') throw new Error('no paragraph');
    const ref = p.marks.find((m) => m.type === 'footnoteRef')!;
    expect(p.text.slice(0, ref.start)).toBe('2020年，区行政服务中心开展“好差评”');
    const note = entries[0]!.blocks.find((b) => b.type === 'footnote')!;
    expect(ref).toMatchObject({ footnoteId: note.id });
    expect(note.type === 'footnote' && note.text).toContain('“好差评”制度');
  });

  it('reads the attribution line and reports every unit', () => {
    expect(section.children.find((c) => c.type === 'attribution')).toMatchObject({ names: ['邵旭峰'], covers: entries.map((e) => e.id) });
    expect(r.report.lines.map((l) => l.role)).toEqual([
      'section', 'entry-title', 'image', 'caption', 'entry-title', 'table-number', 'table-title', 'table-row', 'attribution', 'footnote',
    ]);
  });
});

describe('a whole chapter in Word scores like its text', () => {
  for (const prefix of ['000', '002']) {
    it(`${prefix}: outline of the DOCX version against the gold`, async () => {
      const name = seedFile(prefix).replace(/\.txt$/, '');
      const gold = JSON.parse(readFileSync(path.join(GOLD, `${name}.json`), 'utf8')) as { sections: { title: string }[] };
      const buf = await chapterDocx(seedText(prefix), gold.sections.map((s) => s.title));
      const src = await readDocx(new Uint8Array(buf), `${name}.docx`, sequentialIds());
      const s = scoreOutlines({ [name]: toOutline(recognise(src.doc)) }, [prefix]);
      expect(s.score, s.output).toBeGreaterThanOrEqual(0.98);
    });
  }
});

describe('chapters in Word as departments set them', () => {
  const variants: [string, ChapterDocxOptions][] = [
    ['entry titles as short bold paragraphs without 【】', { entries: 'paragraph' }],
    ['headings in styles named "标题 1"/"标题 2"', { headings: 'chinese' }],
    ['a 续表 paragraph and a second Word table repeating the header', { continuations: 'split' }],
    ['all three at once', { entries: 'paragraph', headings: 'chinese', continuations: 'split' }],
  ];
  for (const [what, opts] of variants)
    for (const prefix of ['000', '002']) {
      it(`${prefix}: ${what}`, async () => {
        const name = seedFile(prefix).replace(/\.txt$/, '');
        const gold = JSON.parse(readFileSync(path.join(GOLD, `${name}.json`), 'utf8')) as { sections: { title: string }[] };
        const buf = await chapterDocx(seedText(prefix), gold.sections.map((s) => s.title), opts);
        const src = await readDocx(new Uint8Array(buf), `${name}.docx`, sequentialIds());
        const s = scoreOutlines({ [name]: toOutline(recognise(src.doc)) }, [prefix]);
        for (const [m, v] of Object.entries(Object.values(s.measures)[0]!)) expect(v, `${m}\n${s.output}`).toBeGreaterThanOrEqual(0.95);
        expect(s.score, s.output).toBeGreaterThanOrEqual(0.98);
      });
    }

  it('merges the 续表 part of a real table into its table and reports the heal', async () => {
    const name = seedFile('000').replace(/\.txt$/, '');
    const gold = JSON.parse(readFileSync(path.join(GOLD, `${name}.json`), 'utf8')) as { sections: { title: string }[]; tables: { rows: number }[] };
    const src = await readDocx(new Uint8Array(await chapterDocx(seedText('000'), gold.sections.map((s) => s.title), { continuations: 'split' })), 'x.docx', sequentialIds());
    const r = recognise(src.doc);
    expect(r.report.documents[0]!.tables).toEqual([expect.objectContaining({ number: '6', parts: 2 })]);
    expect(r.report.heals.map((h) => h.kind)).toEqual(expect.arrayContaining(['table-continued', 'header-repeat-removed']));
    expect(r.report.counts.tables).toBe(1);
  });

  it('reads Word files without mammoth complaining about the style map', async () => {
    const src = await readDocx(new Uint8Array(await featureDocx()), 'x.docx', sequentialIds());
    expect(src.messages.filter((m) => /style mapping/.test(m))).toEqual([]);
  });
});

describe('Word files that cannot be read', () => {
  it('refuses a damaged file', async () => {
    const bytes = Uint8Array.from({ length: 2000 }, (_, i) => (i * 31 + 7) % 256);
    expect(await refusal(() => readDocx(bytes, '坏.docx', sequentialIds()))).toMatch(/^import.docxCorrupt “坏.docx”不是有效的 Word 文档/);
  });

  it('refuses a ZIP that is not a Word document', async () => {
    const zip = zipSync({ 'readme.txt': new TextEncoder().encode('hello') });
    expect(await refusal(() => readDocx(zip, '压缩包.docx', sequentialIds()))).toMatch(/^import.docxCorrupt/);
  });

  it('refuses a password-protected document and an old .doc with what to do', async () => {
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const enc = ole.slice();
    [...'EncryptionInfo'].forEach((c, i) => (enc[1024 + i * 2] = c.charCodeAt(0)));
    expect(await refusal(() => checkDocxBytes(enc, '加密.docx'))).toBe('import.docxEncrypted “加密.docx”设有打开密码，已加密。请在 Word 或 WPS 中取消密码后再导入。');
    expect(await refusal(() => checkDocxBytes(ole, '旧版.docx'))).toMatch(/^import.docOld “旧版.docx”是旧版 Word 97-2003 文档/);
  });
});
