import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { bookFilesInArgv, formatBytes, readChosenFiles, readHostFile, withExtension, writeHostFile } from '../../../electron/node/files';
import { expandImportPaths } from '../../../electron/node/import/files';
import { MAX_FOLDER_FILES } from '../../../shared/import';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yb-files-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('host files', () => {
  it('reads at most MAX_FOLDER_FILES from a chosen folder and says, in Chinese, that it held more', async () => {
    const folder = path.join(dir, '全部来稿');
    mkdirSync(folder);
    for (let i = 0; i < MAX_FOLDER_FILES + 3; i++) writeFileSync(path.join(folder, `稿件${String(i).padStart(5, '0')}.txt`), '');
    writeFileSync(path.join(folder, '~WRL0001.tmp.txt'), '');
    const chosen = await readChosenFiles([folder], { filters: [{ name: '稿件', extensions: ['txt'] }], folders: true, perFileErrors: true });
    expect(chosen.filter((f) => !f.error)).toHaveLength(MAX_FOLDER_FILES);
    expect(chosen.find((f) => f.error)).toMatchObject({ name: '全部来稿', error: { reason: 'folder-truncated', limit: MAX_FOLDER_FILES } });
    expect(chosen.some((f) => f.name.startsWith('~WRL'))).toBe(false);
    // A file that is gone is reported with its reason, in Chinese and as a catalog message.
    const gone = await readChosenFiles([path.join(dir, '没有.txt')], { filters: [], perFileErrors: true });
    expect(gone[0]!.error).toEqual({ reason: 'unreadable', message: '文件或文件夹不存在', reasonKey: 'node.errno.ENOENT' });
    // The CLI's folder argument alike.
    const expanded = await expandImportPaths([folder]);
    expect(expanded.files).toHaveLength(MAX_FOLDER_FILES);
    expect(expanded.folders).toEqual([{ folder, count: MAX_FOLDER_FILES, truncated: true }]);
  });

  it('reads a picked file with its name and path', async () => {
    const p = path.join(dir, '区民政局.txt');
    writeFileSync(p, '【概况】2021年');
    const f = await readHostFile(p);
    expect(f.name).toBe('区民政局.txt');
    expect(f.path).toBe(p);
    expect(new TextDecoder().decode(f.bytes)).toBe('【概况】2021年');
  });

  it('explains unreadable and oversized files in Chinese', async () => {
    await expect(readHostFile(path.join(dir, '没有.txt'))).rejects.toThrow('无法读取文件“没有.txt”：文件或文件夹不存在');
    await expect(readHostFile(dir)).rejects.toThrow(/这不是一个文件/);
    const big = path.join(dir, 'big.docx');
    writeFileSync(big, new Uint8Array(2048));
    await expect(readHostFile(big, 1024)).rejects.toThrow('文件“big.docx”太大（2.0 KB），无法打开。');
  });

  it('writes atomically and reports failures in Chinese', async () => {
    const p = path.join(dir, 'out.yearbook');
    await writeHostFile(p, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(p)]).toEqual([1, 2, 3]);
    await expect(writeHostFile(path.join(dir, 'no', 'such', 'dir.yearbook'), new Uint8Array())).rejects.toThrow(
      '无法写入文件“dir.yearbook”：文件或文件夹不存在',
    );
  });

  it('finds book files on a command line (file association, second launch)', () => {
    expect(bookFilesInArgv(['/opt/年鉴编纂工作台/yearbook', '--no-sandbox', '拱墅年鉴.yearbook', 'notes.txt', '/data/B.YEARBOOK'], '/home/u')).toEqual([
      '/home/u/拱墅年鉴.yearbook',
      '/data/B.YEARBOOK',
    ]);
    expect(bookFilesInArgv(['electron', 'dist/electron/main.cjs'], '/repo')).toEqual([]);
  });

  it('adds the extension a save dialog left out', () => {
    expect(withExtension('/d/拱墅年鉴', ['yearbook'])).toBe('/d/拱墅年鉴.yearbook');
    expect(withExtension('/d/a.yearbook', ['yearbook'])).toBe('/d/a.yearbook');
    expect(withExtension('/d/a.PDF', ['pdf'])).toBe('/d/a.PDF');
    expect(withExtension('/d/a', ['*'])).toBe('/d/a');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
