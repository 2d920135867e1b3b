import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadSettings, saveSettings, visibleWindowState } from '../../../electron/node/settings';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'yb-settings-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('shell settings', () => {
  it('defaults to 20 backups per book when there is no file', async () => {
    const problems: string[] = [];
    expect(await loadSettings(dir, (p) => problems.push(p))).toEqual({ backupKeep: 20 });
    expect(problems).toEqual([]);
  });

  it('round-trips', async () => {
    await saveSettings(dir, { backupKeep: 50, window: { x: 10, y: 20, width: 1300, height: 800, maximized: true } });
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8')).backupKeep).toBe(50);
    expect(await loadSettings(dir)).toEqual({ backupKeep: 50, window: { x: 10, y: 20, width: 1300, height: 800, maximized: true } });
  });

  it('keeps the valid parts of a damaged file and reports the rest', async () => {
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ backupKeep: 7, window: { width: 5 } }));
    const problems: string[] = [];
    expect(await loadSettings(dir, (p) => problems.push(p))).toEqual({ backupKeep: 7 });
    expect(problems[0]).toMatch(/window/);
    writeFileSync(path.join(dir, 'settings.json'), '{ not json');
    expect(await loadSettings(dir, (p) => problems.push(p))).toEqual({ backupKeep: 20 });
    expect(problems).toHaveLength(2);
  });

  it('drops a saved window position that is off every display', () => {
    const displays = [{ x: 0, y: 0, width: 1920, height: 1040 }];
    const on = { x: 100, y: 50, width: 1200, height: 800, maximized: false };
    expect(visibleWindowState(on, displays)).toEqual(on);
    expect(visibleWindowState({ ...on, x: 3000 }, displays)).toEqual({ width: 1200, height: 800, maximized: false });
    expect(visibleWindowState(undefined, displays)).toBeUndefined();
  });
});
