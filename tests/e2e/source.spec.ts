// 来稿原文: a seed imported through the review screen is kept with the book as it was read. The imported section's
// 详情 shows the draft (file, date, encoding); the viewer shows the original text with the importer's heals
// marked — including a line the importer rejoined — and copies it; it is still there after a reload (reached
// from the command palette), and one undo of the import removes it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { recogniseText } from '../../shared/import';
import { keepScreenshot, openBookFile, seedBookFile, watchConsole } from './support';

const CORPUS = path.resolve(import.meta.dirname, '../fixtures/corpus');
const XIACHENG = '003_c63c196865967faf';
const seed = readFileSync(path.join(CORPUS, 'seeds', `${XIACHENG}.txt`), 'utf8');
const FILE = '下城区人民政府.txt';

/** A paragraph the importer rejoined: its first and last source lines (the break is a page or column end). */
function healedBreak() {
  const r = recogniseText(seed, FILE);
  const heal = r.report.heals.find((h) => h.kind === 'line-joined' && h.lines.length === 2)!;
  const [a, b] = heal.lines.map((no) => r.report.lines.find((l) => l.no === no)!);
  return { first: a!, last: b! };
}

async function importSeed(page: Page): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: '文件' }).click();
  await page.getByRole('menuitem', { name: /^导入稿件…/ }).click();
  await (await chooser).setFiles({ name: FILE, mimeType: 'text/plain', buffer: Buffer.from(seed) });
  const review = page.getByRole('dialog', { name: '导入稿件' });
  await expect(review.locator('.imp-file.is-ready')).toHaveCount(1, { timeout: 30_000 });
  await review.getByRole('button', { name: '接受导入' }).click();
  await expect(review).toBeHidden();
}

test.describe('来稿原文', () => {
  test('an imported section shows its original draft with the heals marked; kept after a reload; one undo removes it', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    const tree = page.getByRole('tree', { name: '大纲' });
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(8);
    // A section of the book that was not imported says nothing about a source.
    await expect(page.getByRole('tab', { name: '详情' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator('.src-card')).toHaveCount(0);

    await importSeed(page);
    const { first, last } = healedBreak();

    // 详情 of the imported section: the draft's file, when it came in, its encoding.
    const card = page.getByRole('region', { name: '来稿原文' });
    await expect(card).toBeVisible();
    await expect(card.locator('.src-file')).toHaveText(FILE);
    await expect(card).toContainText('纯文本');
    await expect(card).toContainText('UTF-8（内容是有效的 UTF-8）');
    await expect(card).toContainText(String(new Date().getFullYear()));
    await expect(card).toContainText(/修复 \d+ 处/);
    await keepScreenshot(page, testInfo, 'source-card');

    // The viewer: the original lines, the rejoined break marked on both of its lines.
    await card.getByRole('button', { name: '查看原文' }).click();
    const viewer = page.getByRole('dialog', { name: `来稿原文：${FILE}` });
    await expect(viewer).toBeVisible();
    const lineA = viewer.locator(`.imp-line[data-line="${first.no}"]`);
    await expect(lineA).toHaveClass(/is-healed/);
    await expect(lineA.locator('.imp-text')).toHaveText(first.text);
    await expect(viewer.locator(`.imp-line[data-line="${last.no}"]`)).toHaveClass(/is-healed/);
    // Stepping through the heals reaches it and says what was done.
    await lineA.click();
    await expect(viewer.locator('.src-inspector')).toContainText(`第 ${first.no} 行`);
    await expect(viewer.locator('.src-inspector')).toContainText('断行已接续');
    await viewer.getByRole('button', { name: '下一处修复' }).click();
    await expect(viewer.locator('.imp-line.is-selected')).toHaveClass(/is-healed/);
    await lineA.click();
    await keepScreenshot(page, testInfo, 'source-viewer');

    // 复制原文: the whole text as read.
    await viewer.getByRole('button', { name: '复制原文' }).click();
    await expect(page.getByRole('status').filter({ hasText: `已复制“${FILE}”的原文` })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(seed.replace(/\r\n?/g, '\n'));

    // 在正文中显示: the book has the two lines as one paragraph.
    await viewer.getByRole('button', { name: '在正文中显示' }).click();
    await expect(viewer).toBeHidden();
    const joined = `${first.text.trim().slice(-6)}${last.text.trim().slice(0, 4)}`;
    await expect(page.locator('.yb-content p', { hasText: joined })).toHaveCount(1);

    // Kept across a reload; the command palette opens it too.
    await page.reload();
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(8 + 9);
    await expect(page.getByRole('region', { name: '来稿原文' })).toBeVisible();
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: '命令面板' });
    await palette.getByRole('combobox').fill('来稿原文');
    await expect(palette.getByRole('option').first()).toContainText('来稿原文');
    await page.keyboard.press('Enter');
    await expect(viewer).toBeVisible();
    await expect(viewer.locator(`.imp-line[data-line="${first.no}"]`)).toHaveClass(/is-healed/);
    // It opens at the line the caret's paragraph came from.
    await expect(viewer.locator('.imp-line.is-selected')).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(viewer).toBeHidden();

    // One undo of the import removes the draft with its sections.
    await page.getByRole('menuitem', { name: '编辑' }).click();
    await page.getByRole('menuitem', { name: /撤销整体修改/ }).click();
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(8);
    await expect(page.locator('.src-card')).toHaveCount(0);
    await page.getByRole('menuitem', { name: '视图' }).click();
    await expect(page.getByRole('menuitem', { name: '来稿原文' })).toBeDisabled();
    await page.keyboard.press('Escape');
    await page.reload();
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(8);
    await expect(page.locator('.src-card')).toHaveCount(0);
    con.check();
  });
});
