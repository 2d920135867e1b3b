// The interface in English: switched from the status bar, the menus, the side panel's labels and the joins
// between a label and its value or between the items of a list read as English does ("Credited as: Author",
// "汪剑、朱丽娜 (Author)") — not the Chinese "：", "（）" and "、" around translated words. The book's own
// text (names, titles) stays as written. The choice is kept across a reload.
import { expect, test } from '@playwright/test';
import { keepScreenshot, openBookFile, seedBookFile, watchConsole } from './support';

test('the interface switches to English and joins its labels the English way', async ({ page }, testInfo) => {
  const con = watchConsole(page);
  await page.goto('/');
  await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
  await page.getByRole('contentinfo').getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('menuitem', { name: 'File' })).toBeVisible();

  const tree = page.getByRole('tree', { name: 'Outline' });
  await tree.getByRole('treeitem', { name: /^应急管理/ }).click();
  await expect(page.locator('.crumb.is-current')).toHaveText('应急管理');
  // The entry at the caret: who it is credited to, with the role in the interface's language.
  await page.locator('.yb-entry-title').first().click();
  const entryCard = page.locator('.card.is-entry');
  await expect(entryCard).toContainText('汪剑、朱丽娜 (Author)');
  await expect(entryCard).not.toContainText('（Author）');

  await page.getByRole('tab', { name: 'Contributors' }).click();
  const table = page.getByRole('table', { name: 'Contributors' });
  await table.locator('tr[data-name="汪剑"]').getByRole('button', { name: '汪剑' }).click();
  await expect(table.locator('.contributor-detail')).toContainText('Credited as: Author');
  await expect(table.locator('.contributor-detail')).not.toContainText('：');
  await keepScreenshot(page, testInfo, 'english');

  // The export dialog: the open section and the categories with their section counts.
  await page.getByRole('menuitem', { name: 'File' }).click();
  await page.getByRole('menuitem', { name: /PDF/ }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Current section: 应急管理');
  await expect(dialog.locator('option').filter({ hasText: '杭州市拱墅区人民政府' })).toHaveText('杭州市拱墅区人民政府 (8)');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(page.getByRole('menuitem', { name: 'File' })).toBeVisible();
  con.check();
});
