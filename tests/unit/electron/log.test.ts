import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFileLogger, formatLogLine } from '../../../electron/node/log';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yb-log-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('log file', () => {
  it('writes one line per record with the detail indented', () => {
    const log = createFileLogger({ dir: path.join(dir, 'logs'), now: () => new Date('2022-01-05T09:30:00Z') });
    log.info('已打开书稿 拱墅年鉴');
    log.log('error', '保存失败\n第二行', 'Error: ENOSPC\n    at write', 'renderer');
    const text = readFileSync(log.file, 'utf8');
    expect(text).toBe(
      '2022-01-05T09:30:00.000Z INFO  [main] 已打开书稿 拱墅年鉴\n' +
        '2022-01-05T09:30:00.000Z ERROR [renderer] 保存失败 ⏎ 第二行\n' +
        '    Error: ENOSPC\n' +
        '        at write\n',
    );
  });

  it('rotates by size and keeps a bounded number of old files', () => {
    const log = createFileLogger({ dir, maxBytes: 200, keep: 2 });
    for (let i = 0; i < 40; i++) log.info(`record ${i} ${'字'.repeat(10)}`);
    expect(existsSync(path.join(dir, 'main.log'))).toBe(true);
    expect(existsSync(path.join(dir, 'main.1.log'))).toBe(true);
    expect(existsSync(path.join(dir, 'main.2.log'))).toBe(true);
    expect(existsSync(path.join(dir, 'main.3.log'))).toBe(false);
    expect(readFileSync(path.join(dir, 'main.log'), 'utf8')).toContain('record 39');
    expect(readFileSync(path.join(dir, 'main.log')).length).toBeLessThanOrEqual(200);
  });

  it('never throws when the folder cannot be written', () => {
    createFileLogger({ dir }).info('x'); // creates main.log, a file
    const log = createFileLogger({ dir: path.join(dir, 'main.log', 'sub') }); // a folder below a file
    expect(() => log.error('still running')).not.toThrow();
    expect(existsSync(path.join(dir, 'main.log', 'sub'))).toBe(false);
  });

  it('formats levels aligned', () => {
    expect(formatLogLine(new Date(0), 'warn', 'main', 'x')).toBe('1970-01-01T00:00:00.000Z WARN  [main] x\n');
  });
});
