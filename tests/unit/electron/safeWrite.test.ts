import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../../electron/node/safeWrite';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yb-write-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeFileAtomic', () => {
  it('replaces the file and leaves no temporary files', async () => {
    const target = path.join(dir, '拱墅年鉴.yearbook');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, new TextEncoder().encode('new content'));
    expect(readFileSync(target, 'utf8')).toBe('new content');
    expect(readdirSync(dir)).toEqual(['拱墅年鉴.yearbook']);
  });

  it('keeps the old file and cleans up when the write fails', async () => {
    const target = path.join(dir, 'book.yearbook');
    mkdirSync(target); // a directory cannot be replaced by a file
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['book.yearbook']);
  });

  it('creates missing folders on request only', async () => {
    const target = path.join(dir, 'a', 'b', 'settings.json');
    await expect(writeFileAtomic(target, '{}')).rejects.toThrow(/ENOENT/);
    await writeFileAtomic(target, '{}', { mkdirs: true });
    expect(readFileSync(target, 'utf8')).toBe('{}');
  });
});
