// PDF export in the app (web mode: the print service of the web server prints with Chromium): the 导出 PDF
// dialog, check before export, progress and 取消, the preflight report checked against the saved PDF read back
// with poppler, and the paged preview showing the PDF's pages with their running heads and folios.
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { pdffonts, pdftotextPages, squash } from '../unit/electron/print/pdfTools';
import { keepScreenshot, startApp, watchConsole } from './support';

test.describe.configure({ timeout: 240_000 });

async function openSection(page: Page, title: string) {
  await page.getByRole('tree', { name: '大纲' }).getByRole('treeitem', { name: new RegExp(`^${title}`) }).click();
  await expect(page.locator('.crumb.is-current')).toHaveText(title);
}

async function openExportDialog(page: Page) {
  await page.getByRole('menuitem', { name: '文件' }).click();
  await page.getByRole('menuitem', { name: /导出 PDF/ }).click();
  const dialog = page.getByRole('dialog', { name: '导出 PDF' });
  await expect(dialog).toBeVisible();
  return dialog;
}

function pdfInfo(file: string): { pages: number; size: [number, number] } {
  const out = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const pages = Number(/Pages:\s+(\d+)/.exec(out)?.[1]);
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out)!;
  return { pages, size: [Number(m[1]), Number(m[2])] };
}

test.describe('PDF export and page preview', () => {
  test('exports the open section through the dialog; the preflight report matches the saved PDF', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await startApp(page);
    await openSection(page, '政务信息公开');
    const dialog = await openExportDialog(page);
    await expect(dialog.getByRole('radio', { name: /当前分目：政务信息公开/ })).toBeChecked();
    await keepScreenshot(page, testInfo, 'export-dialog');
    const download = page.waitForEvent('download', { timeout: 180_000 });
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    // This section has no checker errors: no question, straight to the export.
    const file = await download;
    expect(file.suggestedFilename()).toBe('临安年鉴（2021） 分目 政务信息公开.pdf');
    const done = page.getByRole('dialog', { name: '导出完成' });
    await expect(done).toBeVisible({ timeout: 60_000 });
    await expect(done.getByRole('status')).toContainText('已保存为“临安年鉴（2021） 分目 政务信息公开.pdf”');
    const report = done.getByLabel('印前检查报告');
    await expect(report).toBeVisible();
    await keepScreenshot(page, testInfo, 'export-report');

    const pdf = testInfo.outputPath('section.pdf');
    copyFileSync((await file.path())!, pdf);
    const info = pdfInfo(pdf);
    await expect(report.locator('[data-fact="pages"]')).toHaveText(String(info.pages));
    expect(info.pages).toBeGreaterThan(0);
    // Page size with bleed: the report's millimetres are the file's points.
    const mm = (pt: number) => Math.round((pt / 72) * 25.4 * 10) / 10;
    await expect(report.locator('[data-fact="media"]')).toHaveText(`${mm(info.size[0])}×${mm(info.size[1])} 毫米`);
    await expect(report.locator('[data-fact="boxes"]')).toHaveText('每页都有');
    // Fonts: the report lists exactly the faces pdffonts finds, all CID TrueType, none Type 3.
    const fonts = pdffonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((f) => f.type === 'CID TrueType' && f.emb === 'yes')).toBe(true);
    const names = [...new Set(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '')))].sort();
    await expect(report.locator('[data-font]')).toHaveCount(names.length);
    for (const n of names) await expect(report.locator(`[data-font="${n}"]`)).toContainText('CID TrueType');
    // The section's text is in the file.
    const text = squash(pdftotextPages(pdf).join(''));
    expect(text).toContain('政务信息公开');
    await done.getByRole('button', { name: '关闭' }).click();
    await expect(done).toBeHidden();
    con.check();
  });

  test('check before export lists the scope’s errors, goes to one, and exports a category anyway', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await startApp(page);
    await openSection(page, '概述');
    let dialog = await openExportDialog(page);
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    // 概述 has two real errors (the checker's own findings on the sample book).
    const confirm = page.getByRole('dialog', { name: '检查发现 2 处错误' });
    await expect(confirm).toBeVisible();
    const items = confirm.locator('.xp-error-item');
    await expect(items).toHaveCount(2);
    await expect(items.first()).toContainText('杭州市临安区人民政府 · 概述');
    await keepScreenshot(page, testInfo, 'export-confirm');
    // Going to an error closes the dialog and shows the section.
    await items.first().click();
    await expect(confirm).toBeHidden();
    await expect(page.locator('.crumb.is-current')).toHaveText('概述');

    // A category: 特载, chosen in the dialog; its errors are listed, 仍然导出 exports it.
    dialog = await openExportDialog(page);
    await dialog.getByRole('combobox', { name: '类目' }).selectOption({ label: '特载（4）' });
    await expect(dialog.getByRole('radio', { name: '类目' })).toBeChecked();
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    const confirm2 = page.getByRole('dialog', { name: /检查发现 \d+ 处错误/ });
    await expect(confirm2).toContainText('类目 特载');
    const download = page.waitForEvent('download', { timeout: 200_000 });
    await confirm2.getByRole('button', { name: '仍然导出' }).click();
    await expect(page.getByRole('progressbar')).toBeVisible();
    const file = await download;
    expect(file.suggestedFilename()).toBe('临安年鉴（2021） 类目 特载.pdf');
    const done = page.getByRole('dialog', { name: '导出完成' });
    await expect(done).toBeVisible({ timeout: 60_000 });
    const pdf = testInfo.outputPath('category.pdf');
    copyFileSync((await file.path())!, pdf);
    const info = pdfInfo(pdf);
    await expect(done.locator('[data-fact="pages"]')).toHaveText(String(info.pages));
    const pages = pdftotextPages(pdf).map(squash);
    // The category opener, then the 特载 reports.
    expect(pages[0]).toContain('特载');
    expect(pages.join('')).toContain('政府工作报告');
    con.check();
  });

  test('取消 stops a volume export and no file is saved', async ({ page }) => {
    const con = watchConsole(page);
    await startApp(page);
    let downloads = 0;
    page.on('download', () => downloads++);
    const dialog = await openExportDialog(page);
    await dialog.getByRole('radio', { name: '全书' }).check();
    await dialog.getByRole('checkbox', { name: '导出前先运行检查' }).uncheck();
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    const bar = dialog.getByRole('progressbar');
    await expect(bar).toBeVisible();
    // Wait until the body is being typeset (print jobs are running), then cancel.
    await expect(dialog.locator('.xp-step')).toContainText('排版正文', { timeout: 60_000 });
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(page.getByRole('dialog', { name: '导出 PDF' })).toBeHidden({ timeout: 30_000 });
    await expect(page.getByRole('status').filter({ hasText: '导出已取消' })).toBeVisible();
    await page.waitForTimeout(1500);
    expect(downloads).toBe(0);
    con.check();
  });

  test('the page preview shows the PDF’s pages with their running heads and folios', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await startApp(page);
    await openSection(page, '民政');
    await page.getByRole('menuitem', { name: '视图' }).click();
    await page.getByRole('menuitem', { name: /版面预览/ }).click();
    const pv = page.getByRole('dialog', { name: '版面预览' });
    await expect(pv).toBeVisible();
    const pages = pv.locator('[data-page]');
    await expect(pages.first()).toBeVisible({ timeout: 120_000 });
    const total = await pages.count();
    expect(total).toBeGreaterThan(1);
    await expect(pv.getByTestId('preview-label')).toContainText(`分目 民政，${total} 页`);
    // Page 2 is a left-hand page: running head and folio as laid out, and the drawn page (the PDF's text) has both.
    const second = pages.nth(1);
    await expect(second).toHaveAttribute('data-folio', '2');
    const head = await second.getAttribute('data-head');
    expect(head).toBeTruthy();
    await expect(second.locator('figcaption')).toContainText(`页码 2 · 书眉：${head}`);
    await expect(second.getByTestId('page-text')).toContainText(head!);
    // The first page: the section title and folio 1.
    await expect(pages.first()).toHaveAttribute('data-folio', '1');
    await expect(pages.first().getByTestId('page-text')).toContainText('民政');
    // Page navigation and zoom.
    await pv.getByRole('textbox', { name: /转到第几页/ }).fill(String(total));
    await pv.getByRole('textbox', { name: /转到第几页/ }).press('Enter');
    await expect(pages.nth(total - 1).getByTestId('page-text')).not.toBeEmpty();
    const before = (await second.locator('canvas').boundingBox())!.width;
    await pv.getByRole('button', { name: '放大' }).click();
    await expect.poll(async () => (await second.locator('canvas').boundingBox())!.width).toBeGreaterThan(before * 1.1);
    await pv.getByRole('button', { name: '缩小' }).click();
    await pv.getByRole('textbox', { name: /转到第几页/ }).fill('1');
    await pv.getByRole('textbox', { name: /转到第几页/ }).press('Enter');
    await expect(pages.nth(1).getByTestId('page-text')).not.toBeEmpty();
    await keepScreenshot(page, testInfo, 'preview');
    await pv.getByRole('button', { name: '关闭预览' }).click();
    await expect(pv).toBeHidden();
    con.check();
  });
});
