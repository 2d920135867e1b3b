import { expect, test } from '@playwright/test';
import { keepScreenshot, watchConsole } from './support';

test('a new book: categories, sections and a first entry, kept across a reload', async ({ page }, testInfo) => {
  const con = watchConsole(page);
  await page.goto('/');
  await expect(page.locator('.outline-book-title')).toHaveText('《临安年鉴（2021）》');

  await page.getByRole('menuitem', { name: '文件' }).click();
  await page.getByRole('menuitem', { name: '新建书稿…' }).click();
  const dialog = page.getByRole('dialog', { name: '新建书稿' });
  await dialog.getByLabel('年鉴名称').fill('《拱墅年鉴》');
  await dialog.getByLabel('卷次年份（封面年份）').fill('2023');
  await expect(dialog.getByLabel('记述年份')).toHaveValue('2022');
  await dialog.getByLabel('编纂单位').fill('杭州市拱墅区地方志办公室');
  await keepScreenshot(page, testInfo, 'new-book-dialog');
  await dialog.getByRole('button', { name: '新建' }).click();

  // An empty book says what to do next.
  await expect(page.locator('.outline-book-title')).toHaveText('《拱墅年鉴（2023）》');
  await expect(page.locator('.outline-empty')).toContainText('这部书稿还没有类目');
  await keepScreenshot(page, testInfo, 'empty-book');

  await page.locator('.outline-empty').getByRole('button', { name: '新建类目' }).click();
  await page.getByRole('dialog').getByLabel('类目名称').fill('区人民政府');
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await page.getByRole('treeitem', { name: /^区人民政府/ }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: '新建分目…' }).click();
  await page.getByRole('dialog').getByLabel('分目名称').fill('应急管理');
  await page.getByRole('dialog').getByRole('button', { name: '确定' }).click();
  await expect(page.locator('.crumb.is-current')).toHaveText('应急管理');

  // Write the first entry: a title line made an entry title, then its body.
  const editor = page.locator('.yb-content');
  await editor.click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.insertText', { text: '安全生产' });
  await page.keyboard.press('Control+Alt+KeyT');
  await expect(editor.locator('.yb-entry-title')).toHaveText('安全生产');
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await cdp.send('Input.insertText', { text: '2022年，区应急管理局开展安全生产大检查。' });
  await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
  await expect(page.getByRole('treeitem', { name: /^安全生产/ })).toBeVisible();
  await expect(page.locator('.outline-footer')).toContainText('1 个分目 · 1 个条目');

  // Rename the section from the outline (F2).
  await page.getByRole('tree').focus();
  await page.getByRole('treeitem', { name: /^应急管理/ }).click();
  await page.keyboard.press('F2');
  const renameBox = page.getByRole('tree').getByRole('textbox', { name: '重命名' });
  await renameBox.fill('应急管理与消防');
  await renameBox.press('Enter');
  await expect(page.locator('.crumb.is-current')).toHaveText('应急管理与消防');
  await keepScreenshot(page, testInfo, 'first-entry');

  await page.reload();
  await expect(page.locator('.outline-book-title')).toHaveText('《拱墅年鉴（2023）》');
  await expect(page.locator('.yb-section-title')).toHaveText('应急管理与消防');
  await expect(editor.locator('.yb-entry-title')).toHaveText('安全生产');
  await expect(editor).toContainText('2022年，区应急管理局开展安全生产大检查。');

  // Both books are on this computer.
  await page.getByRole('menuitem', { name: '文件' }).click();
  await page.getByRole('menuitem', { name: '本机书稿…' }).click();
  await expect(page.getByRole('dialog', { name: '本机书稿' }).getByRole('listitem')).toHaveText([/《拱墅年鉴（2023）》/, /《临安年鉴（2021）》/]);
  await page.getByRole('dialog').getByRole('button', { name: '打开' }).click();
  await expect(page.locator('.outline-book-title')).toHaveText('《临安年鉴（2021）》');
  con.check();
});
