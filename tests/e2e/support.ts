// Helpers shared by the end-to-end tests.
import { expect, type Page, type TestInfo } from '@playwright/test';
import { writeBookFile } from '../../shared/bookfile';
import { seedBook } from '../unit/renderer/fixtures/seedBook';

/** The seed-002 test book (《拱墅年鉴（2022）》, real text) as .yearbook bytes. */
export function seedBookFile(): Buffer {
  return Buffer.from(writeBookFile(seedBook()));
}

/** Collects console errors, page errors and CSP violations; call check() at the end of a test. */
export function watchConsole(page: Page): { errors: string[]; check(): void } {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // The web host asks once whether the server runs the PDF print service; a 404 there is the answer "no".
    if (m.location().url.includes('/__yearbook/print')) return;
    errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return {
    errors,
    check: () => expect(errors, 'console errors / CSP violations').toEqual([]),
  };
}

/** Saves a full-window screenshot under test-results/ and attaches it to the report. */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<string> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  await testInfo.attach(name, { path, contentType: 'image/png' });
  return path;
}

/** Opens a book file through the app's 文件 › 打开书稿文件 menu and the browser's file chooser. */
export async function openBookFile(page: Page, name: string, bytes: Buffer): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: '文件' }).click();
  await page.getByRole('menuitem', { name: '打开书稿文件…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer: bytes });
}

/** Starts the app on the sample book with saves going to the browser's downloads (no File System Access API), so the test can read the file. */
export async function startApp(page: Page): Promise<void> {
  await page.addInitScript(() => {
    delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
  });
  await page.goto('/');
  await expect(page.locator('[data-kind="section"]')).toHaveCount(14);
}

/** Opens a section from the outline (loading the app first unless `goto` is false) and waits for its editor. */
export async function openSection(page: Page, title: string, goto = true): Promise<void> {
  if (goto) await page.goto('/');
  await page.getByRole('treeitem', { name: new RegExp(`^${title}`) }).first().click();
  await expect(page.locator('.crumb.is-current')).toHaveText(title);
  await expect(page.locator('.yb-content')).toBeVisible();
}

/** Waits until the status bar says the edits are saved. */
export async function saved(page: Page): Promise<void> {
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
}

/** Loads the app and opens the 问题 panel once its first check is done. */
export async function openProblems(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('tab', { name: '问题' }).click();
  await expect(page.locator('.pb-panel')).toHaveAttribute('data-status', 'ready');
}
