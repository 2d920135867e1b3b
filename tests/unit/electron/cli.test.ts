// The shell's CLI commands (sample, info, generate), run through runCli with captured output: machine-readable
// output on stdout only, progress on stderr, Chinese messages and status 2 on failure.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readBookFile } from '../../../shared/bookfile';
import { bookCounts } from '../../../shared/model';
import { loadSampleBook, loadSampleContents } from '../../../shared/sample';
import { runCli } from '../../../electron/cli/main';
import { captureIo } from './cliIo';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yb-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(...argv: string[]) {
  const io = captureIo();
  const code = await runCli(argv, io);
  return { code, out: io.outLines.join('\n'), err: io.errLines.join('\n'), progress: io.progressLines };
}

describe('yearbook sample', () => {
  it('writes the sample book as a valid .yearbook file, reporting on stderr only', async () => {
    const file = path.join(dir, '临安年鉴.yearbook');
    const r = await run('sample', '--out', file);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^已写出 .*临安年鉴\.yearbook（\d+(\.\d)? KB）$/);
    const { book, assets } = readBookFile(new Uint8Array(readFileSync(file)));
    expect(book).toEqual(loadSampleBook());
    // The stand-in photos of the figures travel in the file; it stays small.
    expect(assets).toEqual(loadSampleContents().assets);
    expect(assets.size).toBe(7);
    expect(readFileSync(file).length).toBeLessThan(300 * 1024);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('needs --out', async () => {
    const r = await run('sample');
    expect(r.code).toBe(2);
    expect(r.err).toBe('错误：请用 --out 指定要写出的文件，例如：--out 示例.yearbook');
    expect((await run('sample', '--out')).err).toMatch(/请用 --out 指定/);
    expect((await run('sample', '--outt', 'x')).err).toBe('错误：命令 sample 不认识参数 --outt。');
  });

  it('explains a folder that cannot be written', async () => {
    const r = await run('sample', '--out', path.join(dir, 'no', 'such', 'x.yearbook'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/错误：无法写出“.*x\.yearbook”：文件或文件夹不存在/);
  });
});

describe('yearbook info', () => {
  it('summarises a book file as text', async () => {
    const file = path.join(dir, 'info.yearbook');
    await run('sample', '--out', file);
    const r = await run('info', file);
    expect(r.code).toBe(0);
    const c = bookCounts(loadSampleBook());
    expect(r.out).toContain('《临安年鉴（2021）》');
    expect(r.out).toMatch(/记述年度\s+2020年/);
    expect(r.out).toMatch(new RegExp(`类目\\s+${c.categories}\\n`));
    expect(r.out).toMatch(new RegExp(`分目\\s+${c.sections}\\n`));
    expect(r.out).toMatch(new RegExp(`条目\\s+${c.entries}\\n`));
    expect(r.out).toMatch(/表格\s+1\n/);
    expect(r.out).toMatch(/图片\s+7\n/);
    expect(r.out).toMatch(/图片文件\s+7\n/);
    expect(r.out).toContain(`字数                ${c.words.toLocaleString('en-US')}`);
    expect(r.out).toContain('特载 4 篇');
    expect(r.err).toBe('');
  });

  it('prints JSON for tools with --format json', async () => {
    const file = path.join(dir, 'info.yearbook');
    const r = await run('info', file, '--format', 'json');
    const info = JSON.parse(r.out);
    expect(info).toMatchObject({ title: '临安年鉴', volumeYear: 2021, recordYear: 2020, schemaVersion: 1, assets: 7, file: 'info.yearbook' });
    expect(info.counts).toEqual(bookCounts(loadSampleBook()));
    expect(info.specials).toEqual({ reports: 4, chronicleItems: 0, appendixSections: 0 });
  });

  it('fails with a Chinese message and status 2 on bad input', async () => {
    expect(await run('info')).toMatchObject({ code: 2, out: '', err: '错误：请指定要读取的书稿文件，例如：yearbook info 示例.yearbook' });
    expect((await run('info', path.join(dir, '没有.yearbook'))).err).toMatch(/^错误：找不到文件“.*没有\.yearbook”。$/);
    expect((await run('info', dir)).err).toMatch(/不是一个文件/);
    const junk = path.join(dir, 'junk.yearbook');
    writeFileSync(junk, 'not a zip');
    expect(await run('info', junk)).toMatchObject({ code: 2, out: '', err: '错误：“junk.yearbook”不是年鉴编纂工作台的书稿文件，或文件已损坏。' });
    expect((await run('info', junk, '--format', 'xml')).err).toBe('错误：不支持的输出格式“xml”，可用：text, json。');
  });
});

describe('yearbook generate', () => {
  it('writes a deterministic volume of the requested scale, with progress on stderr', async () => {
    const a = path.join(dir, 'a.yearbook');
    const b = path.join(dir, 'b.yearbook');
    const r = await run('generate', '--out', a, '--seed', '9', '--scale', '0.05');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toContain('素材来源：《临安年鉴（2021）》（内置示例书稿），随机种子 9，规模 0.05');
    expect(r.progress.at(-1)).toBe('生成全尺寸年鉴 100/100');
    await run('generate', '--out', b, '--seed', '9', '--scale', '0.05');
    const ba = readBookFile(new Uint8Array(readFileSync(a))).book;
    const bb = readBookFile(new Uint8Array(readFileSync(b))).book;
    expect(ba).toEqual(bb);
    expect(bookCounts(ba)).toMatchObject({ sections: 15, entries: 100, tables: 3, figures: 13 });
    expect(ba.assets).toHaveLength(13);
  });

  it('can take its material from another book file and skip the photos', async () => {
    const src = path.join(dir, 'src.yearbook');
    const out = path.join(dir, 'from.yearbook');
    await run('sample', '--out', src);
    const r = await run('generate', '--out', out, '--from', src, '--scale', '0.02', '--no-images');
    expect(r.code).toBe(0);
    expect(r.err).toContain('（src.yearbook）');
    expect(readBookFile(new Uint8Array(readFileSync(out))).book.assets).toEqual([]);
  });

  it('refuses bad numbers', async () => {
    expect((await run('generate', '--out', 'x.yearbook', '--scale', 'big')).err).toBe('错误：参数 --scale 需要 0.001 到 10 之间的数，收到的是“big”。');
    expect((await run('generate', '--out', 'x.yearbook', '--seed', '1.5')).code).toBe(2);
    expect(existsSync('x.yearbook')).toBe(false);
  });
});

describe('yearbook export --docx', () => {
  it('writes a Word document of a section, a summary on stderr and JSON on stdout', async () => {
    const book = path.join(dir, 'docx-src.yearbook');
    await run('sample', '--out', book);
    const out = path.join(dir, '民政.docx');
    const r = await run('export', book, '--docx', out, '--scope', 'section:民政');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out);
    expect(json).toMatchObject({ file: out, name: '民政.docx', counts: { sections: 1, figures: 4, images: 4 }, missingImages: [] });
    expect(json.bytes).toBe(readFileSync(out).length);
    // A DOCX is a ZIP package holding word/document.xml.
    expect(readFileSync(out).subarray(0, 2).toString('latin1')).toBe('PK');
    expect(r.err).toMatch(/已导出 Word 文档“.*民政\.docx”：1 个分目，\d+ 个条目，0 个表格，4 幅图（4 幅附图片）/);
  });

  it('refuses two formats at once, a missing file name and an unknown scope', async () => {
    const book = path.join(dir, 'docx-src.yearbook');
    expect(await run('export', book, '--docx', path.join(dir, 'a.docx'), '--pdf', path.join(dir, 'a.pdf'))).toMatchObject({
      code: 2,
      out: '',
      err: '错误：一次只能导出一种格式：请只写 --pdf 或 --docx 中的一个。',
    });
    expect((await run('export', book, '--docx')).code).toBe(2);
    const bad = await run('export', book, '--docx', path.join(dir, 'b.docx'), '--scope', 'section:没有这个分目');
    expect(bad).toMatchObject({ code: 2, out: '' });
    expect(bad.err).toBe('错误：书稿中没有名为“没有这个分目”的分目。');
    expect(existsSync(path.join(dir, 'b.docx'))).toBe(false);
  });
});

describe('help', () => {
  it('lists the commands in Chinese', async () => {
    const r = await run('help');
    expect(r.err).toContain('sample');
    expect(r.err).toContain('写出内置示例书稿');
    expect(r.err).toContain('info');
    expect(r.err).toContain('generate');
  });
});
