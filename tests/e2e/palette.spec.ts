import { expect, test } from '@playwright/test';
import { keepScreenshot, openBookFile, seedBookFile, watchConsole } from './support';

test.describe('command palette and contributor registry', () => {
  test('the palette finds commands and sections (also by pinyin initials) and runs them from the keyboard', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    await expect(page.locator('[data-kind="section"]')).toHaveCount(8);

    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: '命令面板' });
    await expect(palette).toBeVisible();
    const input = palette.getByRole('combobox');
    await input.fill('yjgl');
    await expect(palette.getByRole('option').first()).toContainText('应急管理');
    await keepScreenshot(page, testInfo, 'palette');
    await page.keyboard.press('Enter');
    await expect(palette).toBeHidden();
    await expect(page.locator('.crumb.is-current')).toHaveText('应急管理');

    // A menu command: hide the outline, then show it again.
    await page.keyboard.press('Control+Shift+P');
    await input.fill('大纲');
    await expect(palette.getByRole('option').first()).toContainText('视图');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tree', { name: '大纲' })).toBeHidden();
    await page.keyboard.press('Control+Shift+P');
    await input.fill('大纲');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('tree', { name: '大纲' })).toBeVisible();

    // Nothing matches: it says so, Esc closes.
    await page.keyboard.press('Control+Shift+P');
    await input.fill('没有这个命令');
    await expect(palette).toContainText('没有与“没有这个命令”相符的命令或分目');
    await page.keyboard.press('Escape');
    await expect(palette).toBeHidden();
    con.check();
  });

  test('the 撰稿人 tab lists everyone credited with entries and characters, and leads to their sections', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    await page.getByRole('tree', { name: '大纲' }).getByRole('treeitem', { name: /^应急管理/ }).click();
    // The details tab says how many entries the section's author line covers.
    await expect(page.locator('.side-panel')).toContainText('署名范围（6 条）');
    await page.getByRole('tab', { name: '撰稿人' }).click();
    const table = page.getByRole('table', { name: '撰稿人' });
    const wang = table.locator('tr[data-name="汪剑"]');
    await expect(wang.locator('td').first()).toHaveText('6');
    await expect(table.locator('tr[data-name="朱丽娜"] td').first()).toHaveText('6');
    await keepScreenshot(page, testInfo, 'contributors');
    // Filter, then open a name's sections and go there.
    await page.getByRole('searchbox', { name: '按姓名或单位筛选' }).fill('汪');
    await expect(table.locator('tbody tr.contributor-row')).toHaveCount(1);
    await wang.getByRole('button', { name: '汪剑' }).click();
    await page.getByRole('tree', { name: '大纲' }).getByRole('treeitem', { name: /^综述/ }).click();
    await expect(page.locator('.crumb.is-current')).toHaveText('综述');
    await table.locator('.contributor-sections').getByRole('button', { name: '应急管理' }).click();
    await expect(page.locator('.crumb.is-current')).toHaveText('应急管理');
    con.check();
  });
});
