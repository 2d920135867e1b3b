// The desktop app in a real Electron: origin, sample outline, CSP, denied windows and navigation,
// IPC validation, menu, printing and backups, and text typed into an entry still there after the app is
// closed and started again. Skipped (with the reason) where no Electron binary exists.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HostApi } from '../../shared/host/host';
import type { Book } from '../../shared/model/schema';
import { findElectronBinary } from '../../electron/node/electronBinary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = findElectronBinary(root);
test.skip(!binary.ok, `Electron-mode suite skipped: ${binary.ok ? '' : binary.reasonEn}`);

let app: ElectronApplication;
let page: Page;
let userData: string;
type HostWindow = Window & { yearbookHost: HostApi };

/** Starts the desktop app on a user-data folder (its IndexedDB, backups, logs and settings live there). */
async function launch(dir: string): Promise<{ app: ElectronApplication; page: Page }> {
  if (!binary.ok) throw new Error('no Electron binary');
  const a = await electron.launch({
    executablePath: binary.path,
    args: [root, ...(process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
    env: { ...process.env, YEARBOOK_USER_DATA: dir },
    cwd: root,
  });
  const p = await a.firstWindow();
  await p.waitForLoadState('domcontentloaded');
  return { app: a, page: p };
}

test.beforeAll(async () => {
  if (!binary.ok) return;
  userData = mkdtempSync(path.join(os.tmpdir(), 'yb-electron-'));
  ({ app, page } = await launch(userData));
});

test.afterAll(async () => {
  await app?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('starts at app://yearbook with the sample book outline', async () => {
  expect(page.url()).toBe('app://yearbook/index.html');
  // First run: the app puts the built-in sample book into storage and shows its outline.
  // Read as JSON: Playwright's loader cannot import a .json module without an import attribute.
  const sample = JSON.parse(readFileSync(path.join(root, 'shared/sample/sample-book.json'), 'utf8')) as Book;
  const category = sample.body.find((c) => c.role === 'regular') ?? sample.body[0]!;
  const tree = page.getByRole('tree', { name: '大纲' });
  await expect(tree).toContainText(category.title);
  await expect(tree).toContainText(category.sections[0]!.title);
  await page.screenshot({ path: path.join(root, 'test-results', 'electron', 'electron-window.png') });
});

test('every response carries the Content-Security-Policy', async () => {
  const csp = await page.evaluate(async () => (await fetch('/index.html')).headers.get('content-security-policy'));
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("script-src 'self'");
});

test('the renderer has no Node and only the HostApi bridge', async () => {
  const r = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    host: Object.keys((window as unknown as HostWindow).yearbookHost).sort(),
    shell: (window as unknown as HostWindow).yearbookHost.shell,
  }));
  expect(r.require).toBe('undefined');
  expect(r.process).toBe('undefined');
  expect(r.shell).toBe('electron');
  expect(r.host).toContain('saveFile');
  expect(r.host).not.toContain('invoke');
});

test('window.open and navigation away are denied', async () => {
  const opened = await page.evaluate(() => window.open('https://example.com/') === null);
  expect(opened).toBe(true);
  expect(app.windows()).toHaveLength(1);
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://yearbook/index.html');
  const blocked = await page.evaluate(() => fetch('https://example.com/').then(() => 'loaded', () => 'blocked'));
  expect(blocked).toBe('blocked');
});

test('the main process rejects a malformed IPC message', async () => {
  const message = await page.evaluate(() =>
    (window as unknown as HostWindow).yearbookHost
      .saveFile({ defaultName: '', bytes: 'not bytes' as unknown as Uint8Array<ArrayBuffer> })
      .then(() => 'accepted', (e: Error) => e.message),
  );
  expect(message).toMatch(/程序内部请求“host:save-file”的内容无效/);
  const info = await page.evaluate(() => (window as unknown as HostWindow).yearbookHost.appInfo());
  expect(info).toMatchObject({ shell: 'electron', name: '年鉴编纂工作台', canPrintPdf: true });
});

test('the application menu is 文件/编辑/视图/帮助', async () => {
  const labels = await app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.items.map((i) => i.label));
  expect(labels).toEqual(process.platform === 'darwin' ? ['年鉴编纂工作台', '文件', '编辑', '视图', '窗口', '帮助'] : ['文件', '编辑', '视图', '帮助']);
});

test('prints HTML to PDF and keeps backups', async () => {
  const r = await page.evaluate(async () => {
    const host = (window as unknown as HostWindow).yearbookHost;
    const pdf = await host.printToPdf({
      html: '<!doctype html><html><head><style>@page{size:216mm 291mm;margin:20mm}</style></head><body><h1>特载</h1><p>拱墅年鉴</p></body></html>',
      pageWidthMm: 216,
      pageHeightMm: 291,
      jobId: 'e2e-1',
    });
    const backup = await host.writeBackup({ bookId: 'b_e2e', bookTitle: '拱墅年鉴', bytes: new Uint8Array([1, 2, 3]) });
    const list = await host.listBackups('b_e2e');
    const back = await host.readBackup(backup.id);
    return { head: String.fromCharCode(...pdf.slice(0, 5)), listed: list.length, back: [...back] };
  });
  expect(r).toEqual({ head: '%PDF-', listed: 1, back: [1, 2, 3] });
});

test('text typed into an entry is still there after the app is closed and started again', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yb-electron-restart-'));
  try {
    let run = await launch(dir);
    // The sample book's 民政 › 养老服务 › 【示范型居家养老服务中心建设完成】 (corpus seed 000).
    const start = '2020年9月,区民政局完成全区示范型居家养老服务中心建设';
    await run.page.getByRole('treeitem', { name: /^民政/ }).click();
    const paragraph = run.page.locator('.yb-content p', { hasText: start }).first();
    await paragraph.click();
    await paragraph.evaluate((el) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let last: Text | null = null;
      while (walker.nextNode()) last = walker.currentNode as Text;
      if (!last) throw new Error('paragraph has no text');
      document.getSelection()!.collapse(last, last.length);
    });
    await run.page.keyboard.insertText('全年服务老人3200余人。');
    await expect(paragraph).toContainText('全年服务老人3200余人。');
    await expect(run.page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
    await run.app.close();

    // The same user-data folder: the same IndexedDB at app://yearbook.
    run = await launch(dir);
    await run.page.getByRole('treeitem', { name: /^民政/ }).click();
    await expect(run.page.locator('.yb-content p', { hasText: start }).first()).toContainText('全年服务老人3200余人。');
    await run.app.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
