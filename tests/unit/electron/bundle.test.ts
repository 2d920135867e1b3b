// The bundles Electron actually runs: dist/electron/main.cjs and preload.cjs as esbuild makes them, loaded with
// the recording stand-in for electron. Catches what the source-level tests cannot: a dependency left external,
// import.meta in CommonJS, Node built-ins in the sandboxed preload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Module, { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as fake from './fakeElectron';
import { buildElectron } from '../../../electron/scripts/build';

const out = mkdtempSync(path.join(os.tmpdir(), 'yb-bundle-'));
const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
const originalLoad = M._load;

beforeAll(async () => {
  await buildElectron(path.join(out, 'electron'));
  M._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake : originalLoad.call(this, request, ...rest);
  };
  process.env.YEARBOOK_USER_DATA = path.join(fake.state.tmp, 'bundle-user-data');
  // The bundle lives outside the repository here; point it at the repository's fonts as a packaged app would
  // be pointed at resources/fonts.
  process.env.YEARBOOK_FONTS_DIR = path.resolve(import.meta.dirname, '../../../node_modules/@fontsource');
  createRequire(import.meta.url)(path.join(out, 'electron', 'main.cjs'));
  fake.state.readyResolve!();
  for (let i = 0; i < 200 && fake.state.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
}, 60_000);

afterAll(() => {
  M._load = originalLoad;
  rmSync(out, { recursive: true, force: true });
});

describe('dist/electron bundles', () => {
  it('main.cjs starts: window on app://yearbook with the bundled preload, validated IPC, fonts for printing', async () => {
    const win = fake.state.windows[0]!;
    expect(win.loaded).toEqual(['app://yearbook/index.html']);
    expect((win.options.webPreferences as { preload: string }).preload).toBe(path.join(out, 'electron', 'preload.cjs'));
    const info = await fake.state.invokeHandlers.get('host:app-info')!({ senderFrame: { url: 'app://yearbook/index.html', parent: null }, sender: win.webContents });
    expect(info).toMatchObject({ shell: 'electron', name: '年鉴编纂工作台' });
    const css = await fake.state.protocolHandlers.get('app')!(new Request('app://yearbook/__yearbook/fonts.css'));
    expect(css.status).toBe(200);
    expect(await css.text()).toContain('@font-face');
  });

  it('preload.cjs needs nothing but electron and carries no zod', () => {
    const code = readFileSync(path.join(out, 'electron', 'preload.cjs'), 'utf8');
    const required = [...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(code.length).toBeLessThan(20_000);
    expect(code).toContain('exposeInMainWorld("yearbookHost"');
  });

  it('main.cjs leaves only electron and Node built-ins external', () => {
    const code = readFileSync(path.join(out, 'electron', 'main.cjs'), 'utf8');
    const required = new Set([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!));
    for (const r of required) expect(r === 'electron' || r.startsWith('node:') || Module.builtinModules.includes(r), r).toBe(true);
  });
});
