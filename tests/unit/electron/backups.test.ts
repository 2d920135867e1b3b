import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BackupStore, stampOf } from '../../../electron/node/backups';

let dir: string;
let clock: number;
const now = () => new Date(clock);
const enc = (s: string) => new TextEncoder().encode(s);

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yb-backups-'));
  clock = Date.parse('2022-03-01T08:00:00.000Z');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('BackupStore', () => {
  it('writes, lists newest first and reads back', async () => {
    const store = new BackupStore({ dir, keep: 5, now });
    const a = await store.write('b_gongshu', '拱墅年鉴', enc('v1'));
    clock += 60_000;
    const b = await store.write('b_gongshu', '拱墅年鉴', enc('v2'));
    expect(a.id).toBe('b_gongshu/20220301T080000000Z');
    expect(b).toMatchObject({ bookId: 'b_gongshu', bookTitle: '拱墅年鉴', byteLength: 2, createdAt: '2022-03-01T08:01:00.000Z' });
    expect((await store.list('b_gongshu')).map((x) => x.id)).toEqual([b.id, a.id]);
    expect(new TextDecoder().decode(await store.read(a.id))).toBe('v1');
  });

  it('keeps the last N backups per book and leaves other books alone', async () => {
    const store = new BackupStore({ dir, keep: 3, now });
    for (let i = 1; i <= 5; i++) {
      await store.write('b_a', '甲', enc(`a${i}`));
      clock += 1000;
    }
    await store.write('b_b', '乙', enc('b1'));
    const a = await store.list('b_a');
    expect(a).toHaveLength(3);
    expect(await Promise.all(a.map(async (x) => new TextDecoder().decode(await store.read(x.id))))).toEqual(['a5', 'a4', 'a3']);
    expect(readdirSync(path.join(dir, 'b_a'))).toHaveLength(6); // three books, three metadata files
    expect(await store.list()).toHaveLength(4);
    expect((await store.list('b_b'))[0]!.bookTitle).toBe('乙');
  });

  it('does not store an unchanged book twice (that would rotate out older, different copies)', async () => {
    const store = new BackupStore({ dir, keep: 2, now });
    const first = await store.write('b_a', '甲', enc('same'));
    clock += 1000;
    const again = await store.write('b_a', '甲', enc('same'));
    expect(again.id).toBe(first.id);
    expect(await store.list('b_a')).toHaveLength(1);
  });

  it('gives two backups in the same millisecond distinct ids', async () => {
    const store = new BackupStore({ dir, now });
    const a = await store.write('b_a', '甲', enc('1'));
    const b = await store.write('b_a', '甲', enc('2'));
    expect(b.id).toBe(`${a.id}-1`);
    expect((await store.list('b_a')).map((x) => x.id)).toEqual([b.id, a.id]);
  });

  it('refuses malformed and traversal ids in Chinese', async () => {
    const store = new BackupStore({ dir, now });
    writeFileSync(path.join(dir, 'secret.yearbook'), 'x');
    for (const id of ['../secret', 'b_a/../../secret', 'b_a/20220301T080000000Z/x', '', 'b_a/2022']) {
      await expect(store.read(id)).rejects.toThrow(/找不到备份/);
    }
    await expect(store.read('b_a/20220301T080000000Z')).rejects.toThrow(/找不到备份“b_a\/20220301T080000000Z”/);
    await expect(store.write('../evil', 'x', enc('1'))).rejects.toThrow(/备份书稿“x”失败/);
  });

  it('ignores incomplete backups (no metadata) and junk in the folder', async () => {
    const store = new BackupStore({ dir, now });
    await store.write('b_a', '甲', enc('1'));
    writeFileSync(path.join(dir, 'b_a', '20990101T000000000Z.yearbook'), 'half-written');
    writeFileSync(path.join(dir, 'b_a', 'notes.json'), '{}');
    writeFileSync(path.join(dir, 'b_a', '20990101T000000001Z.json'), 'not json');
    expect(await store.list('b_a')).toHaveLength(1);
  });

  it('formats stamps sortably', () => {
    expect(stampOf(new Date('2021-12-31T23:59:59.123Z'))).toBe('20211231T235959123Z');
  });
});
