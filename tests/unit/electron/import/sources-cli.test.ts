// `yearbook import … --out BOOK` keeps every imported file's original in the book (来稿原文): its record in
// book.sources, the text the recogniser read and the review marks as assets of the book file.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/main';
import { readBookFile } from '../../../../shared/bookfile/bookfile';
import { keptSourceView, readSourceMarks, SOURCE_MARKS_MIME, SOURCE_TEXT_MIME } from '../../../../shared/import';
import { allCategories, type Book } from '../../../../shared/model';
import { SEEDS, seedFile } from '../../shared/import/corpus';
import { captureIo } from '../cliIo';
import { featureDocx } from './make-docx';

const dir = mkdtempSync(path.join(tmpdir(), 'yb-sources-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seedPath = (p: string) => path.join(SEEDS, seedFile(p));
const seedText = (p: string) => readFileSync(seedPath(p), 'utf8');
const sectionIds = (book: Book) => allCategories(book).flatMap((c) => c.sections.map((s) => s.id));

describe('yearbook import keeps the originals', () => {
  it('text in UTF-8 and GB18030 and a Word file, each with its name, format, encoding, text, marks and sections', async () => {
    const folder = path.join(dir, '区政府办');
    mkdirSync(path.join(folder, '2021'), { recursive: true });
    writeFileSync(path.join(folder, '2021', '下城区人民政府.txt'), iconv.encode(seedText('003'), 'gb18030'));
    const docx = path.join(dir, '审管办.docx');
    writeFileSync(docx, await featureDocx());
    const out = path.join(dir, 'kept.yearbook');
    const io = captureIo();
    const before = Date.now();
    const code = await runCli(['import', seedPath('000'), folder, docx, '--out', out, '--title', '临安年鉴', '--volume-year', '2021'], io);
    expect(code, io.stderr).toBe(0);
    expect(io.stderr).toContain('来稿原文：已随书稿保存 3 份');

    const { book, assets } = readBookFile(new Uint8Array(readFileSync(out)));
    const sources = book.sources!;
    expect(sources.map((s) => [s.fileName, s.format, s.encoding?.encoding, s.path])).toEqual([
      [seedFile('000'), 'text', 'utf-8', undefined],
      ['下城区人民政府.txt', 'text', 'gb18030', '区政府办/2021/下城区人民政府.txt'],
      ['审管办.docx', 'docx', undefined, undefined],
    ]);
    expect(sources[1]!.encoding).toMatchObject({ method: 'detected', bom: false });
    for (const s of sources) {
      expect(Date.parse(s.importedAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(s.placement).toBe('auto');
      // The assets are in the file with their MIME types.
      expect(book.assets.find((a) => a.id === s.textAssetId)!.mime).toBe(SOURCE_TEXT_MIME);
      expect(book.assets.find((a) => a.id === s.marksAssetId)!.mime).toBe(SOURCE_MARKS_MIME);
      const text = new TextDecoder().decode(assets.get(s.textAssetId)!);
      const view = keptSourceView(text, readSourceMarks(assets.get(s.marksAssetId!)));
      expect(view.marked).toBe(true);
      expect(view.lines).toHaveLength(s.lines);
    }
    // The texts are the decoded drafts (GB18030 decoded; LF line ends).
    const textOf = (i: number) => new TextDecoder().decode(assets.get(sources[i]!.textAssetId)!);
    expect(textOf(0)).toBe(seedText('000').replace(/\r\n?/g, '\n'));
    expect(textOf(1)).toBe(seedText('003').replace(/\r\n?/g, '\n'));
    // The Word file: the text the recogniser read, one paragraph per line, a table's rows as tab-separated cells.
    expect(textOf(2).split('\n').filter((l) => l.startsWith('远程视频办事系统应用'))).toEqual(['远程视频办事系统应用\u30002020年，区审管办推进高频事项下放。']);
    expect(textOf(2)).toContain('项目名称\t项目内容\t牵头单位\n');

    // Every section of the book came from exactly one file; each file's sections are in its categories.
    const all = sectionIds(book);
    expect(sources.flatMap((s) => s.sectionIds).sort()).toEqual([...all].sort());
    for (const s of sources) {
      for (const id of s.sectionIds) expect(s.categoryIds).toContain(allCategories(book).find((c) => c.sections.some((x) => x.id === id))!.id);
    }
    const xiacheng = allCategories(book).find((c) => c.title === '下城区人民政府')!;
    expect(sources[1]!.categoryIds).toEqual([xiacheng.id]);
    expect(sources[1]!.sectionIds).toEqual(xiacheng.sections.map((s) => s.id));

    // info counts the drafts apart from the images.
    const info = captureIo();
    expect(await runCli(['info', out, '--format', 'json'], info)).toBe(0);
    const json = JSON.parse(info.stdout) as { assets: number; sources: number };
    expect(json.sources).toBe(3);
    expect(json.assets).toBe(book.assets.filter((a) => a.mime.startsWith('image/')).length);
    const text = captureIo();
    expect(await runCli(['info', out], text)).toBe(0);
    expect(text.stdout).toMatch(/来稿原文\s+3 份/);
  });

  it('importing into an existing book adds the new originals and keeps the old ones', async () => {
    const out = path.join(dir, 'grow.yearbook');
    expect(await runCli(['import', seedPath('002'), '--out', out], captureIo())).toBe(0);
    const first = readBookFile(new Uint8Array(readFileSync(out)));
    expect(first.book.sources).toHaveLength(1);
    const io = captureIo();
    expect(await runCli(['import', seedPath('004'), '--out', out], io), io.stderr).toBe(0);
    const { book, assets } = readBookFile(new Uint8Array(readFileSync(out)));
    expect(book.sources!.map((s) => s.fileName)).toEqual([seedFile('002'), seedFile('004')]);
    expect(book.sources![0]).toEqual(first.book.sources![0]);
    expect(assets.get(book.sources![0]!.textAssetId)).toEqual(first.assets.get(first.book.sources![0]!.textAssetId));
    // The table document went into 附录; its source says so.
    const appendix = book.back.find((b) => b.type === 'category' && b.role === 'appendix')!;
    expect(book.sources![1]!.categoryIds).toEqual([appendix.id]);
  });
});
