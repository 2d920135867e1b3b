// Editing features that reach across the book, in the workbench on the sample book (《临安年鉴（2021）》): find and
// replace in the whole book as one book change with one undo, comments kept in the book, table and figure
// numbers shown live, images put into figures, and the index view — each kept across a reload (IndexedDB).
import { expect, test, type Page } from '@playwright/test';
import { keepScreenshot, watchConsole } from './support';

async function openSection(page: Page, title: string, goto = true): Promise<void> {
  if (goto) await page.goto('/');
  await page.getByRole('treeitem', { name: new RegExp(`^${title}`) }).first().click();
  await expect(page.locator('.crumb.is-current')).toHaveText(title);
  await expect(page.locator('.yb-content')).toBeVisible();
}

async function saved(page: Page): Promise<void> {
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
}

async function menu(page: Page, top: string, item: string | RegExp): Promise<void> {
  await page.getByRole('menuitem', { name: top, exact: true }).click();
  await page.getByRole('menuitem', { name: item }).click();
}

test.describe('find and replace in the whole book', () => {
  test('replaces a word in two sections as one change; one undo restores both; reload keeps each state', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await openSection(page, '信访工作');
    // The section's find panel hands the query over to the whole book.
    await page.locator('.yb-content > p').first().click();
    await page.keyboard.press('Control+h');
    const local = page.getByRole('complementary', { name: '查找和替换' });
    await local.getByLabel('查找内容').fill('区信访局');
    await expect(local.getByTestId('yb-find-count')).toHaveText('5 处');
    await local.getByRole('radio', { name: '全书' }).click();
    await expect(local).toHaveCount(0);

    const panel = page.getByRole('region', { name: '查找和替换' }).or(page.locator('section.book-find'));
    await expect(page.getByRole('tab', { name: '查找' })).toHaveAttribute('aria-selected', 'true');
    await expect(panel.getByLabel('查找内容')).toHaveValue('区信访局');
    await expect(panel.getByTestId('book-find-count')).toHaveText('全书 6 处，分布在 2 个分目');
    const groups = panel.locator('.book-find-group');
    await expect(groups).toHaveCount(2);
    await expect(groups.nth(0)).toContainText('机关事务服务（1 处）');
    await expect(groups.nth(1)).toContainText('信访工作（5 处）');

    // Preview of every replacement; one hit left out.
    await panel.getByLabel('替换为').fill('区信访办公室');
    await expect(panel.locator('mark.is-new')).toHaveCount(6);
    await expect(panel.locator('mark.is-new').first()).toHaveText('区信访办公室');
    const lastHit = groups.nth(1).locator('.book-find-hit').last();
    // The left-out place as it reads now: context before, the match, context after (without the preview).
    const leftOut = await lastHit.locator('.book-find-ctx').evaluate((el) => [...el.childNodes].filter((n) => !(n instanceof HTMLElement && n.classList.contains('is-new'))).map((n) => n.textContent).join('').replace(/^…|…$/g, ''));
    await lastHit.getByRole('checkbox').uncheck();
    await expect(panel.getByRole('button', { name: '在全书替换（5 处）' })).toBeEnabled();
    await keepScreenshot(page, testInfo, 'book-find-preview');

    // Clicking a hit opens its section with the text selected.
    await groups.nth(0).locator('.book-find-hit-btn').click();
    await expect(page.locator('.crumb.is-current')).toHaveText('机关事务服务');
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('区信访局');

    await panel.getByRole('button', { name: '在全书替换（5 处）' }).click();
    await expect(panel.locator('.book-find-message')).toHaveText(/已在 2 个分目中替换 5 处/);
    // The open section's editor shows the change at once.
    await expect(page.locator('.yb-content')).toContainText('区信访办公室');
    // Searched again: only the left-out place is still found.
    await expect(panel.getByTestId('book-find-count')).toHaveText('全书 1 处，分布在 1 个分目');
    await keepScreenshot(page, testInfo, 'book-find-replaced');

    await page.reload();
    await expect(page.locator('.crumb.is-current')).toHaveText('机关事务服务');
    await expect(page.locator('.yb-content')).toContainText('区信访办公室');
    await openSection(page, '信访工作', false);
    await expect(page.locator('.yb-content')).toContainText('区信访办公室');
    // Three places in the text and the photo credit; the left-out place is as it was.
    const text = (await page.locator('.yb-content').textContent())!;
    expect(text.split('区信访办公室').length - 1).toBe(3);
    await expect(page.locator('.yb-figure-credit-text')).toHaveValue('区信访办公室提供');
    expect(text).toContain(leftOut);

    // One undo takes back both sections.
    await menu(page, '编辑', '撤销整体修改');
    await expect(page.locator('.notices')).toContainText('已撤销：全书替换“区信访局”');
    await expect(page.locator('.yb-content')).not.toContainText('区信访办公室');
    await expect(page.locator('.yb-content')).toContainText('区信访局');
    await openSection(page, '机关事务服务', false);
    await expect(page.locator('.yb-content')).not.toContainText('区信访办公室');
    await saved(page);
    await page.reload();
    await expect(page.locator('.yb-content')).toContainText('区信访局');
    await expect(page.locator('.yb-content')).not.toContainText('区信访办公室');
    await openSection(page, '信访工作', false);
    await expect(page.locator('.yb-content')).not.toContainText('区信访办公室');
    con.check();
  });
});
