// The main process's wiring, run against a recording stand-in for Electron (the binary cannot run here):
// window options, protocol, CSP, navigation and permission policy, IPC validation, dialogs, backups,
// printing, menu and the close guard. The same behaviour is checked in a real Electron by tests/electron.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { IPC } from '../../../shared/host/host';
import { PRINT_CSP } from '../../../electron/node/protocol';
import { APP_CSP } from '../../../shared/host/csp';
import { state, type FakeBrowserWindow } from './fakeElectron';

vi.mock('electron', () => import('./fakeElectron'));

let win: FakeBrowserWindow;
const userData = path.join(state.tmp, 'userData');

function trusted() {
  return { senderFrame: { url: 'app://yearbook/index.html', parent: null }, sender: win.webContents };
}
function invoke(channel: string, event: unknown, ...args: unknown[]) {
  return Promise.resolve(state.invokeHandlers.get(channel)!(event, ...args));
}
async function until(cond: () => boolean) {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!cond()) throw new Error('condition not reached');
}

beforeAll(async () => {
  process.env.YEARBOOK_USER_DATA = userData;
  await import('../../../electron/main/main');
  expect(state.readyResolve).not.toBeNull();
  state.readyResolve!();
  await until(() => state.windows.length === 1);
  win = state.windows[0]!;
});
afterAll(() => rmSync(state.tmp, { recursive: true, force: true }));

describe('startup', () => {
  it('registers app:// as a standard, secure, fetch-capable scheme and sandboxes every renderer', () => {
    expect(state.schemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
    expect(state.sandboxEnabled).toBe(true);
    expect(state.paths.userData).toBe(userData);
  });

  it('opens the main window hardened, on the fixed origin', () => {
    const wp = win.options.webPreferences as Record<string, unknown>;
    expect(wp).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(String(wp.preload)).toMatch(/preload\.cjs$/);
    expect(win.loaded).toEqual(['app://yearbook/index.html']);
    expect(win.options.title).toBe('年鉴编纂工作台');
  });

  it('writes a log file in userData/logs', () => {
    expect(readFileSync(path.join(userData, 'logs', 'main.log'), 'utf8')).toMatch(/INFO {2}\[main\] start 年鉴编纂工作台 0\.1\.0/);
  });

  it('installs the application menu 文件/编辑/视图/帮助 wired to the window', () => {
    const template = state.menuTemplate as { label: string; submenu: { label: string; click?: () => void }[] }[];
    expect(template.map((m) => m.label)).toEqual(['文件', '编辑', '视图', '帮助']);
    template[0]!.submenu.find((i) => i.label === '导入稿件…')!.click!();
    expect(win.webContents.sent.at(-1)).toEqual({ channel: IPC.menuCommand, args: ['file.import'] });
  });
});

describe('protocol and policy', () => {
  it('puts the CSP on every response of app://', async () => {
    const handler = state.protocolHandlers.get('app')!;
    const r = await handler(new Request('app://yearbook/index.html'));
    expect(r.headers.get('content-security-policy')).toBe(APP_CSP);
    const evil = await handler(new Request('app://yearbook/..%2f..%2fpackage.json'));
    expect(evil.status).toBe(403);
    expect(evil.headers.get('content-security-policy')).toBe(APP_CSP);
  });

  it('serves the bundled print fonts to print documents under /__yearbook/', async () => {
    const handler = state.protocolHandlers.get('app')!;
    const css = await handler(new Request('app://yearbook/__yearbook/fonts.css'));
    expect(css.status).toBe(200);
    const text = await css.text();
    expect(text).toContain('font-family:"Noto Serif SC"');
    const url = /url\((\/__yearbook\/fonts\/noto-serif-sc\/[^)]+\.woff2)\)/.exec(text)![1]!;
    const font = await handler(new Request(`app://yearbook${url}`));
    expect(font.status).toBe(200);
    expect(font.headers.get('content-type')).toBe('font/woff2');
    expect(new Uint8Array(await font.arrayBuffer()).subarray(0, 4)).toEqual(new Uint8Array([0x77, 0x4f, 0x46, 0x32])); // "wOF2"
    expect((await handler(new Request('app://yearbook/__yearbook/assets/x_1'))).status).toBe(404);
  });

  it('denies window.open, foreign navigation and webviews', () => {
    expect(win.webContents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const nav = (url: string) => {
      let prevented = false;
      win.webContents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(nav('https://example.com/')).toBe(true);
    expect(nav('file:///etc/passwd')).toBe(true);
    expect(nav('app://yearbook/index.html')).toBe(false);
    // Any web contents created later (devtools, a print window) gets the same window and webview policy.
    const later = new (win.constructor as typeof FakeBrowserWindow)({}).webContents;
    state.appEvents.emit('web-contents-created', {}, later);
    expect(later.windowOpenHandler!({ url: 'app://yearbook/x' })).toEqual({ action: 'deny' });
    let prevented = false;
    later.emit('will-attach-webview', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    later.owner.destroy();
  });

  it('denies permission requests and remote requests', () => {
    const ask = (permission: string, requestingUrl: string) => {
      let answer: boolean | undefined;
      state.permissionRequest!(win.webContents, permission, (ok) => (answer = ok), { requestingUrl });
      return answer;
    };
    expect(ask('media', 'app://yearbook/index.html')).toBe(false);
    expect(ask('notifications', 'app://yearbook/index.html')).toBe(false);
    expect(ask('persistent-storage', 'app://yearbook/index.html')).toBe(true);
    expect(state.permissionCheck!(null, 'geolocation', 'app://yearbook')).toBe(false);
    const req = (url: string) => {
      let cancel: boolean | undefined;
      state.beforeRequest!({ url }, (r) => (cancel = r.cancel));
      return cancel;
    };
    expect(req('https://cdn.example.com/font.woff2')).toBe(true);
    expect(req('app://yearbook/assets/a.js')).toBe(false);
  });
});

describe('IPC', () => {
  it('registers a validated handler for every HostApi channel', () => {
    for (const c of [IPC.appInfo, IPC.openFiles, IPC.readClipboard, IPC.saveFile, IPC.printToPdf, IPC.cancelPrint, IPC.writeBackup, IPC.listBackups, IPC.readBackup]) {
      expect(state.invokeHandlers.has(c)).toBe(true);
    }
    expect(state.sendHandlers.has(IPC.log)).toBe(true);
    expect(state.invokeHandlers.has(IPC.menuCommand)).toBe(false);
  });

  it('answers the app page and refuses other senders and malformed messages', async () => {
    expect(await invoke(IPC.appInfo, trusted())).toMatchObject({ name: '年鉴编纂工作台', shell: 'electron', canPrintPdf: true });
    await expect(invoke(IPC.appInfo, { senderFrame: { url: 'https://evil.example/', parent: null } })).rejects.toThrow('拒绝了来自未知页面的请求。');
    await expect(invoke(IPC.saveFile, trusted(), { defaultName: 'x', bytes: 'not bytes' })).rejects.toThrow(/内容无效/);
    expect(state.dialogs.save).toHaveLength(0);
    expect(readFileSync(path.join(userData, 'logs', 'main.log'), 'utf8')).toMatch(/WARN {2}\[main\] IPC host:save-file rejected/);
  });

  it('saves through the dialog, adding the extension', async () => {
    state.nextSave = { canceled: false, filePath: path.join(state.tmp, '拱墅年鉴') };
    const bytes = new TextEncoder().encode('book');
    const r = await invoke(IPC.saveFile, trusted(), { defaultName: '拱墅年鉴.yearbook', bytes, filters: [{ name: '书稿', extensions: ['yearbook'] }] });
    expect(r).toEqual({ saved: true, name: '拱墅年鉴.yearbook', path: path.join(state.tmp, '拱墅年鉴.yearbook') });
    expect(readFileSync(path.join(state.tmp, '拱墅年鉴.yearbook'), 'utf8')).toBe('book');
    state.nextSave = { canceled: true, filePath: undefined };
    expect(await invoke(IPC.saveFile, trusted(), { defaultName: 'a.yearbook', bytes })).toEqual({ saved: false });
  });

  it('opens files picked in the dialog', async () => {
    const p = path.join(state.tmp, '区民政局.txt');
    writeFileSync(p, '【概况】');
    state.nextOpen = { canceled: false, filePaths: [p] };
    const files = (await invoke(IPC.openFiles, trusted(), { multiple: true, filters: [{ name: '文本', extensions: ['txt'] }] })) as { name: string; bytes: Uint8Array }[];
    expect(files.map((f) => f.name)).toEqual(['区民政局.txt']);
    expect(new TextDecoder().decode(files[0]!.bytes)).toBe('【概况】');
    expect(state.dialogs.open.at(-1)).toMatchObject({ properties: ['openFile', 'multiSelections'] });
  });

  it('checks sizes before reading, reports unreadable files one by one, and opens folders', async () => {
    const dir = path.join(state.tmp, '区民政局稿件');
    mkdirSync(path.join(dir, '2021'), { recursive: true });
    writeFileSync(path.join(dir, '概况.txt'), '【概况】');
    writeFileSync(path.join(dir, '2021', '养老.txt'), '【养老服务】');
    writeFileSync(path.join(dir, '照片.jpg'), 'jpeg');
    writeFileSync(path.join(dir, '大.txt'), 'x'.repeat(200));
    state.nextOpen = { canceled: false, filePaths: [dir] };
    const req = { folders: true, multiple: true, perFileErrors: true, maxBytes: 100, filters: [{ name: '文本', extensions: ['txt'] }] };
    const files = (await invoke(IPC.openFiles, trusted(), req)) as { name: string; relativePath?: string; bytes: Uint8Array; error?: unknown }[];
    expect(state.dialogs.open.at(-1)).toMatchObject({ properties: ['openDirectory', 'multiSelections'] });
    expect(files.map((f) => [f.relativePath, f.error ?? new TextDecoder().decode(f.bytes)])).toEqual([
      ['区民政局稿件/2021/养老.txt', '【养老服务】'],
      ['区民政局稿件/大.txt', { reason: 'too-large', size: 200, limit: 100 }],
      ['区民政局稿件/概况.txt', '【概况】'],
    ]);
    // A file gone between the dialog and the read is reported alone; the other is read.
    state.nextOpen = { canceled: false, filePaths: [path.join(dir, '不见了.txt'), path.join(dir, '概况.txt')] };
    const two = (await invoke(IPC.openFiles, trusted(), { multiple: true, perFileErrors: true })) as { name: string; error?: { reason: string } }[];
    expect(two.map((f) => [f.name, f.error?.reason ?? 'ok'])).toEqual([
      ['不见了.txt', 'unreadable'],
      ['概况.txt', 'ok'],
    ]);
    // Without perFileErrors the first bad file fails the call, as before.
    await expect(invoke(IPC.openFiles, trusted(), { multiple: true, maxBytes: 100 })).rejects.toThrow(/不见了.txt/);
  });

  it('reads the clipboard for 从剪贴板导入', async () => {
    state.clipboard = { html: '<p><b>概况</b></p>', text: '概况' };
    expect(await invoke(IPC.readClipboard, trusted())).toEqual({ html: '<p><b>概况</b></p>', text: '概况' });
    state.clipboard = { html: '', text: '纯文字' };
    expect(await invoke(IPC.readClipboard, trusted())).toEqual({ html: '', text: '纯文字' });
  });

  it('keeps backups in userData/backups', async () => {
    const info = (await invoke(IPC.writeBackup, trusted(), { bookId: 'b_gs', bookTitle: '拱墅年鉴', bytes: new Uint8Array([1, 2]) })) as { id: string };
    expect(existsSync(path.join(userData, 'backups', 'b_gs'))).toBe(true);
    expect(((await invoke(IPC.listBackups, trusted(), 'b_gs')) as unknown[]).length).toBe(1);
    expect([...((await invoke(IPC.readBackup, trusted(), info.id)) as Uint8Array)]).toEqual([1, 2]);
  });

  it('prints HTML in a hidden sandboxed window served under the print CSP', async () => {
    const before = state.windows.length;
    const html = '<!doctype html><html><body><h1>特载</h1></body></html>';
    const pdf = (await invoke(IPC.printToPdf, trusted(), { html, pageWidthMm: 216, pageHeightMm: 291, jobId: 'pdf-1' })) as Uint8Array;
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake');
    const printWin = state.windows[before]!;
    expect(printWin.options.show).toBe(false);
    expect(printWin.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(printWin.options.webPreferences).not.toHaveProperty('preload');
    expect(printWin.loaded[0]).toMatch(/^app:\/\/yearbook\/__print\/[0-9a-f]+\.html$/);
    expect(printWin.webContents.printed[0]).toMatchObject({ generateDocumentOutline: true, preferCSSPageSize: true, pageSize: { width: 216 / 25.4 } });
    expect(printWin.destroyed).toBe(true);
    // Once finished, the page is no longer served.
    const gone = await state.protocolHandlers.get('app')!(new Request(printWin.loaded[0]!));
    expect(gone.status).toBe(404);
    expect(PRINT_CSP).toContain("script-src 'none'");
  });

  it('queues book files the OS asked to open until the renderer subscribes', async () => {
    expect(await invoke(IPC.takeOpenFiles, trusted())).toEqual([]);
  });
});

describe('closing', () => {
  it('waits for the renderer to flush its autosave before the window closes', async () => {
    state.sendHandlers.get(IPC.closeGuard)!(trusted(), true);
    win.close();
    expect(win.destroyed).toBe(false);
    expect(win.webContents.sent.at(-1)).toEqual({ channel: IPC.beforeClose, args: [] });
    state.sendHandlers.get(IPC.closeReady)!(trusted());
    expect(win.destroyed).toBe(true);
    await until(() => existsSync(path.join(userData, 'settings.json')));
    expect(JSON.parse(readFileSync(path.join(userData, 'settings.json'), 'utf8')).window).toMatchObject({ width: 1400, height: 900 });
  });
});
