// 文件 › 导出 Word 文档 in the app (web mode): the dialog with the open section as the default scope, the
// downloaded .docx read back with mammoth — the section's heading, its entries' bold titles, its photos.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import mammoth from 'mammoth';
import { APP_CSP_META } from '../../shared/host/csp';
import { keepScreenshot, startApp, watchConsole } from './support';

test('exports the open section as a Word document through the dialog', async ({ page }, testInfo) => {
  const con = watchConsole(page);
  await startApp(page);
  // The built page carries the one Content-Security-Policy (shared/host/csp.ts); the console check below fails on violations.
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', APP_CSP_META);
  await page.getByRole('tree', { name: '大纲' }).getByRole('treeitem', { name: /^民政/ }).click();
  await expect(page.locator('.crumb.is-current')).toHaveText('民政');
  // The sample's figures carry their stand-in photos in the editor.
  await page.locator('.yb-figure img').first().scrollIntoViewIfNeeded();
  await expect(page.locator('.yb-figure img').first()).toBeVisible();
  await keepScreenshot(page, testInfo, 'sample-figure');
  await page.getByRole('menuitem', { name: '文件' }).click();
  await page.getByRole('menuitem', { name: '导出 Word 文档…' }).click();
  const dialog = page.getByRole('dialog', { name: '导出 Word 文档' });
  await expect(dialog.getByRole('radio', { name: '当前分目：民政' })).toBeChecked();
  await keepScreenshot(page, testInfo, 'docx-dialog');
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '导出', exact: true }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('临安年鉴（2021） 分目 民政.docx');
  await expect(dialog).toBeHidden();
  await expect(page.getByText('已导出 Word 文档“临安年鉴（2021） 分目 民政.docx”。')).toBeVisible();
  const html = (await mammoth.convertToHtml({ buffer: readFileSync((await file.path())!) })).value;
  expect(html).toContain('<h1>杭州市临安区人民政府</h1>');
  expect(html).toContain('<h2>民政</h2>');
  expect(html).toContain('<strong>【概况】</strong>');
  expect(html.match(/<img /g)).toHaveLength(4);
  con.check();
});
