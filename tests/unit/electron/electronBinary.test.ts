import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findElectronBinary, hasDisplay } from '../../../electron/node/electronBinary';

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'yb-bin-'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('finding the Electron binary without downloading it', () => {
  it('says in Chinese and English when the package or the binary is missing', () => {
    const none = findElectronBinary(root);
    expect(none).toMatchObject({ ok: false, reason: expect.stringContaining('npm ci') });
    mkdirSync(path.join(root, 'node_modules', 'electron'), { recursive: true });
    writeFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), '{}');
    const missing = findElectronBinary(root, {});
    expect(missing).toMatchObject({ ok: false, reason: expect.stringContaining('没有下载'), reasonEn: expect.stringContaining('not been downloaded') });
  });

  it('finds a downloaded binary by path.txt, or under ELECTRON_OVERRIDE_DIST_PATH', () => {
    const pkg = path.join(root, 'node_modules', 'electron');
    mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), '{}');
    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    writeFileSync(path.join(pkg, 'dist', 'electron'), '#!/bin/sh\n');
    chmodSync(path.join(pkg, 'dist', 'electron'), 0o755);
    expect(findElectronBinary(root, {})).toEqual({ ok: true, path: path.join(pkg, 'dist', 'electron') });
    const other = path.join(root, 'system-electron');
    mkdirSync(other);
    writeFileSync(path.join(other, 'electron'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: other })).toEqual({ ok: true, path: path.join(other, 'electron') });
  });

  it('this machine has no Electron binary (the reason the desktop suite is skipped here)', () => {
    const here = findElectronBinary(path.resolve(import.meta.dirname, '../../..'));
    if (here.ok) expect(here.path).toMatch(/electron/i);
    else expect(here.reason).toMatch(/没有下载|npm ci/);
  });

  it('knows when Linux has no graphical session', () => {
    expect(hasDisplay('linux', {})).toBe(false);
    expect(hasDisplay('linux', { DISPLAY: ':99' })).toBe(true);
    expect(hasDisplay('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(hasDisplay('win32', {})).toBe(true);
  });
});
