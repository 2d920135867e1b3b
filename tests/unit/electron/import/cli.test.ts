// `yearbook import`: several files into one book file, outlines on stdout, and every kind of bad input
// reported in Chinese with the file's name while the other files still go in.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync, closeSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/main';
import { readBookFile } from '../../../../shared/bookfile/bookfile';
import { SEEDS, seedFile } from '../../shared/import/corpus';
import { captureIo } from '../cliIo';
import { featureDocx } from './make-docx';

const dir = mkdtempSync(path.join(tmpdir(), 'yb-import-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const seed = (p: string) => path.join(SEEDS, seedFile(p));

describe('yearbook import', () => {
  it('--outline prints the outline JSON of a text file on stdout', async () => {
    const io = captureIo();
    expect(await runCli(['import', seed('004'), '--outline'], io)).toBe(0);
    const outline = JSON.parse(io.stdout);
    expect(outline).toMatchObject({ kind: 'table', rows: 128, header: ['项目名称', '项目内容', '牵头单位', '责任单位', '目前进展情况'] });
    expect(io.stderr).toContain('编码 UTF-8');
  });

  it('--outline reads DOCX and GB18030 text alike', async () => {
    const docx = path.join(dir, '审管办.docx');
    writeFileSync(docx, await featureDocx());
    const io = captureIo();
    expect(await runCli(['import', docx, '--outline'], io)).toBe(0);
    expect(JSON.parse(io.stdout).sections[0].entries.map((e: { title: string }) => e.title)).toEqual(['概况', '远程视频办事系统应用']);
    const gbk = path.join(dir, 'gbk.txt');
    writeFileSync(gbk, iconv.encode(readFileSync(seed('003'), 'utf8'), 'gb18030'));
    const io2 = captureIo();
    expect(await runCli(['import', gbk, '--outline'], io2)).toBe(0);
    expect(JSON.parse(io2.stdout).category).toBe('下城区人民政府');
    expect(io2.stderr).toContain('编码 GB18030');
  });

  it('imports several files into one book, each part where it belongs', async () => {
    const out = path.join(dir, 'book.yearbook');
    const io = captureIo();
    const code = await runCli(['import', seed('001'), seed('000'), seed('004'), '--out', out, '--title', '临安年鉴', '--volume-year', '2021'], io);
    expect(code, io.stderr).toBe(0);
    const { book } = readBookFile(new Uint8Array(readFileSync(out)));
    expect(book).toMatchObject({ title: '临安年鉴', volumeYear: 2021, recordYear: 2020 });
    expect(book.body.map((c) => [c.role, c.title])).toEqual([
      ['special', '特载'],
      ['regular', '杭州市临安区人民政府'],
    ]);
    expect(book.back[0]).toMatchObject({ type: 'category', role: 'appendix', title: '附录' });
  });

  it('reports each bad file in Chinese, imports the rest, and exits non-zero', async () => {
    const empty = path.join(dir, '空白稿.txt');
    writeFileSync(empty, '');
    const binary = path.join(dir, '照片.txt');
    writeFileSync(binary, Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'));
    const corrupt = path.join(dir, '损坏.docx');
    writeFileSync(corrupt, Buffer.from('this is not a word document at all'));
    const locked = path.join(dir, '加密.docx');
    const ole = Buffer.alloc(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    Buffer.from('EncryptionInfo', 'utf16le').copy(ole, 1024);
    writeFileSync(locked, ole);
    const huge = path.join(dir, '全书.txt');
    closeSync(openSync(huge, 'w'));
    truncateSync(huge, 200 * 2 ** 20); // sparse: takes no disk space
    const big5 = path.join(dir, '繁体.txt');
    writeFileSync(big5, iconv.encode(readFileSync(seed('002'), 'utf8').slice(0, 3000), 'big5'));
    const out = path.join(dir, 'mixed.yearbook');
    const io = captureIo();
    const code = await runCli(['import', empty, binary, seed('003'), corrupt, locked, huge, big5, '--out', out], io);
    expect(code).toBe(2);
    for (const msg of [
      '错误：“空白稿.txt”是空文件',
      '错误：“照片.txt”不是文本文件',
      '错误：“损坏.docx”不是有效的 Word 文档',
      '错误：“加密.docx”设有打开密码',
      '错误：“全书.txt”太大（200 MB）',
      '错误：无法判断“繁体.txt”的文字编码',
      '6 个文件未能导入，其余 1 个已导入。',
    ]) expect(io.stderr).toContain(msg);
    const { book } = readBookFile(new Uint8Array(readFileSync(out)));
    expect(book.body.map((c) => c.title)).toEqual(['下城区人民政府']);
    expect(book.recordYear).toBe(2017);
  });

  it('never touches an existing book when nothing could be imported, or when the book cannot be read', async () => {
    const out = path.join(dir, 'keep.yearbook');
    expect(await runCli(['import', seed('002'), '--out', out], captureIo())).toBe(0);
    const before = readFileSync(out);
    const empty = path.join(dir, 'empty2.txt');
    writeFileSync(empty, '');
    const io = captureIo();
    expect(await runCli(['import', empty, '--out', out], io)).toBe(2);
    expect(io.stderr).toContain('没有文件导入成功，书稿文件未改动。');
    expect(readFileSync(out).equals(before)).toBe(true);

    const notBook = path.join(dir, 'broken.yearbook');
    writeFileSync(notBook, 'garbage');
    const io2 = captureIo();
    expect(await runCli(['import', seed('003'), '--out', notBook], io2)).toBe(2);
    expect(io2.stderr).toContain('书稿文件');
    expect(readFileSync(notBook, 'utf8')).toBe('garbage');
  });

  it('appends to an existing book', async () => {
    const out = path.join(dir, 'append.yearbook');
    expect(await runCli(['import', seed('002'), '--out', out], captureIo())).toBe(0);
    expect(await runCli(['import', seed('003'), '--out', out], captureIo())).toBe(0);
    const { book } = readBookFile(new Uint8Array(readFileSync(out)));
    expect(book.title).toBe('拱墅年鉴');
    expect(book.volumeYear).toBe(2022);
    expect(book.body.map((c) => c.title)).toEqual(['杭州市拱墅区人民政府', '下城区人民政府']);
  });

  it('gives a new book the years the drafts state, and says where it read them (001: report dates, 004: its title)', async () => {
    for (const [p, from] of [
      ['001', '据报告日期'],
      ['004', '据稿件标题'],
    ] as const) {
      const out = path.join(dir, `years-${p}.yearbook`);
      const io = captureIo();
      expect(await runCli(['import', seed(p), '--out', out], io), io.stderr).toBe(0);
      expect(readBookFile(new Uint8Array(readFileSync(out))).book).toMatchObject({ volumeYear: 2021, recordYear: 2020 });
      expect(io.stderr).toContain(`新书：卷年 2021，记述年度 2020年（${from}）。`);
      expect(io.stderr).not.toContain('看不出记述年度');
    }
  });

  it('says so on stderr when the drafts name no year, and when they disagree with each other or with the book', async () => {
    const plain = path.join(dir, '民政.txt');
    writeFileSync(plain, '区民政局\n\n社会救助\n\n【概况】全区做好社会救助工作，保障困难群众基本生活。\n');
    const out = path.join(dir, 'no-year.yearbook');
    const io = captureIo();
    expect(await runCli(['import', plain, '--out', out], io), io.stderr).toBe(0);
    const { book } = readBookFile(new Uint8Array(readFileSync(out)));
    const now = new Date().getFullYear();
    expect(book).toMatchObject({ volumeYear: now, recordYear: now - 1 });
    expect(io.stderr).toContain(`注意：稿件中看不出记述年度，新书暂按 ${now - 1}年记述、${now} 卷建立；请用 --record-year 指定`);
    const given = captureIo();
    expect(await runCli(['import', plain, '--out', path.join(dir, 'given.yearbook'), '--record-year', '2020'], given)).toBe(0);
    expect(given.stderr).toContain('新书：卷年 2021，记述年度 2020年（按 --record-year 指定）。');

    const mixed = captureIo();
    expect(await runCli(['import', seed('003'), seed('000'), seed('004'), '--out', path.join(dir, 'mixed-years.yearbook')], mixed)).toBe(0);
    expect(mixed.stderr).toContain('注意：各稿件记述的年度不一致（2020年、2017年），新书按 2020年记述');

    const gongshu = path.join(dir, 'gongshu.yearbook');
    expect(await runCli(['import', seed('002'), '--out', gongshu], captureIo())).toBe(0);
    const into = captureIo();
    expect(await runCli(['import', seed('003'), '--out', gongshu], into)).toBe(0);
    expect(into.stderr).toContain(`注意：稿件记述 2017年，书稿“${gongshu}”记述 2021年；书的年度未改动`);
    expect(readBookFile(new Uint8Array(readFileSync(gongshu))).book).toMatchObject({ volumeYear: 2022, recordYear: 2021 });
  });

  it('names the detection method in Chinese and warns when --encoding makes undecodable characters', async () => {
    const io = captureIo();
    expect(await runCli(['import', seed('004'), '--outline'], io)).toBe(0);
    expect(io.stderr).toContain('（内容是有效的 UTF-8，可信度 1.00）');
    expect(io.stderr).not.toMatch(/utf8-valid|detected|bom/);
    const gbk = path.join(dir, '下城.txt');
    writeFileSync(gbk, iconv.encode(readFileSync(seed('003'), 'utf8'), 'gb18030'));
    const io2 = captureIo();
    expect(await runCli(['import', gbk, '--outline', '--encoding', 'UTF-8'], io2)).toBe(0);
    expect(io2.stderr).toContain('（按指定，可信度 1.00）');
    expect(io2.stderr).toMatch(/警告：“下城.txt”按 UTF-8 读取时有 \d+ 个字符无法识别/);
    const io3 = captureIo();
    expect(await runCli(['import', gbk, '--outline', '--encoding', 'GBK'], io3)).toBe(0);
    expect(io3.stderr).not.toContain('警告');
  });

  it('takes a department\'s whole folder: its text, Word and web files, sub-folders included', async () => {
    const folder = path.join(dir, '区政府办');
    mkdirSync(path.join(folder, '照片'), { recursive: true });
    mkdirSync(path.join(folder, '2021'), { recursive: true });
    writeFileSync(path.join(folder, '下城.txt'), readFileSync(seed('003')));
    writeFileSync(path.join(folder, '2021', '审管办.docx'), await featureDocx());
    writeFileSync(path.join(folder, '~$审管办.docx'), 'Word lock file');
    writeFileSync(path.join(folder, '.DS_Store'), 'x');
    writeFileSync(path.join(folder, '照片', '会议.jpg'), Buffer.from('ffd8ffe0', 'hex'));
    const out = path.join(dir, 'folder.yearbook');
    const io = captureIo();
    expect(await runCli(['import', folder, '--out', out], io), io.stderr).toBe(0);
    expect(io.stderr).toContain('2 个可导入的文件');
    const { book } = readBookFile(new Uint8Array(readFileSync(out)));
    // In path order: 2021/审管办.docx (one heading level: a section, its category unnamed), then 下城.txt.
    expect(book.body.map((c) => [c.title, c.sections[0]!.title])).toEqual([
      ['未命名类目', '行政审批服务管理'],
      ['下城区人民政府', '综述'],
    ]);
    const emptyFolder = path.join(dir, '空文件夹');
    mkdirSync(emptyFolder);
    const io2 = captureIo();
    expect(await runCli(['import', emptyFolder, '--out', out], io2)).toBe(2);
    expect(io2.stderr).toContain('文件夹“');
    expect(io2.stderr).toContain('中没有可导入的文件');
  });

  it('explains usage errors', async () => {
    const io = captureIo();
    expect(await runCli(['import', seed('000')], io)).toBe(2);
    expect(io.stderr).toContain('请用 --out 指定要写入的书稿文件');
    const io2 = captureIo();
    expect(await runCli(['import', seed('000'), seed('001'), '--outline'], io2)).toBe(2);
    expect(io2.stderr).toContain('--outline 一次只能用于一个文件');
  });
});
