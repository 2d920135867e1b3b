// Working on a volume: renaming entries from the outline, 移动到… from the keyboard, the contributor registry
// editor (merging duplicates, a person's unit, totals per unit) — each kept across a reload, each one undo.
import { expect, test, type Page } from '@playwright/test';
import { writeBookFile } from '../../shared/bookfile';
import { registryBook } from '../unit/renderer/fixtures/registryBook';
import { keepScreenshot, openBookFile, seedBookFile, watchConsole } from './support';

function registryBookFile(): Buffer {
  return Buffer.from(writeBookFile(registryBook()));
}

const tree = (page: Page) => page.getByRole('tree', { name: '大纲' });

/** Opens a book file and waits until its first section is open (so a click in the outline is not overtaken). */
async function open(page: Page, bytes: Buffer): Promise<void> {
  await page.goto('/');
  await openBookFile(page, '拱墅年鉴（2022）.yearbook', bytes);
  await expect(page.getByRole('status').filter({ hasText: '已打开' })).toContainText('《拱墅年鉴》');
  await expect(page.locator('.crumb.is-current')).toHaveText('综述');
}
const sectionRow = (page: Page, title: string) => tree(page).locator('[data-kind="section"]').filter({ hasText: title });

test.describe('working on a volume', () => {
  test('an entry is renamed from the outline (F2, context menu); the editor follows and the title is kept', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await open(page, seedBookFile());
    await tree(page).getByRole('treeitem', { name: /^应急管理/ }).click();
    await tree(page).getByRole('treeitem', { name: /^自然灾害应对/ }).click();
    await tree(page).focus();
    await page.keyboard.press('F2');
    const input = tree(page).getByRole('textbox', { name: '重命名' });
    await expect(input).toHaveValue('自然灾害应对');
    await input.fill('自然灾害防治');
    await page.keyboard.press('Enter');
    await expect(input).toBeHidden();
    await expect(tree(page).getByRole('treeitem', { name: /^自然灾害防治/ })).toBeVisible();
    // Written into the section: the open editor shows the new title.
    await expect(page.locator('.yb-entry-title').filter({ hasText: '自然灾害防治' })).toHaveCount(1);
    await expect(page.getByRole('status').filter({ hasText: '已完成：重命名“自然灾害应对”' })).toBeVisible();

    // A subsection-less entry elsewhere, through the context menu.
    await tree(page).getByRole('treeitem', { name: /^森林防火灭火/ }).click({ button: 'right' });
    const menu = page.getByRole('menu', { name: '“森林防火灭火”的操作' });
    await expect(menu.getByRole('menuitem')).toHaveText(['转到', '重命名…', '移动到…', '删除条目…']);
    await keepScreenshot(page, testInfo, 'entry-context-menu');
    await menu.getByRole('menuitem', { name: '重命名…' }).click();
    await tree(page).getByRole('textbox', { name: '重命名' }).fill('【森林防灭火】');
    await page.keyboard.press('Enter');
    await expect(tree(page).getByRole('treeitem', { name: /^森林防灭火/ })).toBeVisible();

    await page.reload();
    await expect(tree(page).getByRole('treeitem', { name: /^自然灾害防治/ })).toBeVisible();
    await expect(tree(page).getByRole('treeitem', { name: /^森林防灭火/ })).toBeVisible();
    await expect(page.locator('.yb-entry-title').filter({ hasText: '自然灾害防治' })).toHaveCount(1);
    con.check();
  });

  test('an entry is moved into an empty section from the keyboard with 移动到…; kept after a reload; one undo puts it back', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await open(page, seedBookFile());
    // A new, empty section at the end of the category.
    await tree(page).getByRole('treeitem', { name: /^杭州市拱墅区人民政府/ }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: '新建分目…' }).click();
    await page.getByRole('dialog').getByRole('textbox').fill('安全生产');
    await page.keyboard.press('Enter');
    await expect(sectionRow(page, '安全生产')).toBeVisible();
    await expect(sectionRow(page, '安全生产').locator('.ol-counts')).toHaveText(/^\d+$/);

    // Keyboard only: to the entry, Ctrl+Shift+M, find the target, Enter.
    await tree(page).getByRole('treeitem', { name: /^应急管理/ }).click();
    await tree(page).focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await expect(tree(page).locator('.is-active')).toContainText('自然灾害应对');
    await page.keyboard.press('Control+Shift+M');
    const dialog = page.getByRole('dialog', { name: '移动“自然灾害应对”到…' });
    await expect(dialog).toBeVisible();
    await page.keyboard.type('aqsc');
    await expect(dialog.getByRole('option', { selected: true })).toContainText('安全生产');
    await expect(dialog.getByRole('option', { selected: true })).toContainText('空');
    await keepScreenshot(page, testInfo, 'move-dialog');
    await page.keyboard.press('Enter');
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '已完成：移动“自然灾害应对”' })).toBeVisible();
    await expect(sectionRow(page, '安全生产').locator('.ol-counts')).toHaveText(/^1 · /);
    await expect(sectionRow(page, '应急管理').locator('.ol-counts')).toHaveText(/^5 · /);

    await page.reload();
    await expect(sectionRow(page, '安全生产').locator('.ol-counts')).toHaveText(/^1 · /);
    await sectionRow(page, '安全生产').click();
    await expect(tree(page).getByRole('treeitem', { name: /^自然灾害应对/ })).toHaveAttribute('aria-level', '3');

    // The move is still one undo after the reload (编辑 › 撤销整体修改).
    await page.getByRole('menuitem', { name: '编辑' }).click();
    await page.getByRole('menuitem', { name: '撤销整体修改' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已撤销' })).toBeVisible();
    await expect(sectionRow(page, '安全生产').locator('.ol-counts')).not.toHaveText(/·/);
    await expect(sectionRow(page, '应急管理').locator('.ol-counts')).toHaveText(/^6 · /);
    con.check();
  });

  test('the status is changed from the command palette; the outline badge says who set it and when', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await open(page, seedBookFile());
    // The seed's first section was set to 初审 by 於晓萍 on 2022-03-01.
    const badge = sectionRow(page, '综述').locator('.badge');
    await expect(badge).toHaveText('初审');
    await expect(badge).toHaveAttribute('title', /^初审：於晓萍，2022/);
    await tree(page).getByRole('treeitem', { name: /^应急管理/ }).click();
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: '命令面板' });
    await palette.getByRole('combobox').fill('更改分目状态');
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '更改“应急管理”的状态' });
    await expect(dialog).toContainText('当前状态：草稿');
    await dialog.getByRole('combobox', { name: '新状态' }).selectOption('final-review');
    await dialog.getByRole('textbox', { name: '审校人姓名' }).fill('周编审');
    await keepScreenshot(page, testInfo, 'stage-dialog');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect(dialog).toBeHidden();
    const ajj = sectionRow(page, '应急管理').locator('.badge');
    await expect(ajj).toHaveText('终审');
    await expect(ajj).toHaveAttribute('title', new RegExp(`^终审：周编审，${new Date().getFullYear()}`));
    // The status filter still finds it, and the side panel says the same.
    await page.getByRole('combobox', { name: '按状态筛选分目' }).selectOption('final-review');
    await expect(tree(page).locator('[data-kind="section"]')).toHaveText([/应急管理/]);
    await expect(page.locator('.side-panel .facts')).toContainText('周编审');
    await page.reload();
    await expect(sectionRow(page, '应急管理').locator('.badge')).toHaveAttribute('title', /^终审：周编审/);
    con.check();
  });

  test('two spellings of one contributor are merged: the attribution lines follow, one undo takes it back', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await open(page, registryBookFile());
    await tree(page).getByRole('treeitem', { name: /^消防/ }).click();
    const padded = page.locator('.yb-attribution').filter({ has: page.locator('.yb-chip', { hasText: '汪 剑' }) });
    await expect(padded).toHaveCount(1);
    // The chip of a registered name opens the registry editor.
    await padded.locator('.yb-chip', { hasText: '汪 剑' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑“汪 剑”' });
    await expect(dialog).toBeVisible();
    const targets = dialog.getByRole('listbox', { name: '保留哪一项' });
    await expect(targets.getByRole('option').first()).toContainText('汪剑');
    await expect(targets.getByRole('option').first()).toContainText('可能重复');
    await keepScreenshot(page, testInfo, 'registry-editor');
    await dialog.getByRole('button', { name: '合并到“汪剑”' }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '已完成：把“汪 剑”合并到“汪剑”' })).toBeVisible();
    // The line in the open section now names 汪剑.
    await expect(page.locator('.yb-chip', { hasText: '汪 剑' })).toHaveCount(0);
    await expect(page.locator('.yb-attribution .yb-chip', { hasText: '汪剑' })).toHaveCount(1);

    // The 撰稿人 tab: 汪剑 has both sections' entries; "汪 剑" is gone.
    await page.getByRole('tab', { name: '撰稿人' }).click();
    const table = page.getByRole('table', { name: '撰稿人' });
    await expect(table.locator('tr[data-name="汪剑"] td').first()).toHaveText('7');
    await expect(table.locator('tr[data-name="汪 剑"]')).toHaveCount(0);

    // A unit's full and short names, offered as likely duplicates in the tab.
    const dup = page.getByRole('region', { name: '可能重复' });
    await expect(dup).toContainText('“区审管办”与“区行政审批服务管理办公室”');
    await keepScreenshot(page, testInfo, 'registry-duplicates');
    await dup.getByRole('button', { name: '合并到“区审管办”' }).click();
    await expect(table.locator('tr[data-name="区行政审批服务管理办公室"]')).toHaveCount(0);
    await tree(page).getByRole('treeitem', { name: /^行政审批服务/ }).click();
    await expect(page.locator('.yb-attribution[data-kind="unit"] .yb-chip')).toHaveText(['区审管办']);

    // One undo takes the unit merge back, lines and registry.
    await page.locator('.notices').getByRole('button', { name: '撤销' }).last().click();
    await expect(page.getByRole('status').filter({ hasText: '已撤销' })).toBeVisible();
    await expect(page.locator('.yb-attribution[data-kind="unit"] .yb-chip')).toHaveText(['区行政审批服务管理办公室']);
    await expect(table.locator('tr[data-name="区行政审批服务管理办公室"]')).toHaveCount(1);

    await page.reload();
    await page.getByRole('tab', { name: '撰稿人' }).click();
    await expect(table.locator('tr[data-name="汪剑"] td').first()).toHaveText('7');
    await expect(table.locator('tr[data-name="汪 剑"]')).toHaveCount(0);
    await expect(table.locator('tr[data-name="区行政审批服务管理办公室"]')).toHaveCount(1);
    con.check();
  });

  test('a person’s unit is set (proposed from the 供稿 line beside theirs, or picked) and the unit totals include them', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await open(page, registryBookFile());
    await tree(page).getByRole('treeitem', { name: /^应急管理/ }).click();
    // The author line sits right before （区应急管理局 供稿）: its people are proposed as the unit's.
    const author = page.locator('.yb-attribution[data-kind="author"]');
    const propose = author.getByRole('button', { name: '属 区应急管理局？' });
    await expect(propose).toBeVisible();
    await keepScreenshot(page, testInfo, 'unit-proposal');
    await propose.click();
    await expect(page.getByRole('status').filter({ hasText: '已完成：设置“汪剑、朱丽娜”的所属单位为“区应急管理局”' })).toBeVisible();
    await expect(propose).toBeHidden();

    await page.getByRole('tab', { name: '撰稿人' }).click();
    const table = page.getByRole('table', { name: '撰稿人' });
    await expect(table.locator('tr[data-name="汪剑"]')).toContainText('属 区应急管理局');
    const units = page.getByRole('table', { name: '按单位合计（含所属人员）' });
    const ajj = units.locator('tr[data-name="区应急管理局"]');
    await expect(ajj).toContainText('所属人员：汪剑、朱丽娜');
    await expect(ajj.locator('td').first()).toHaveText('6');

    // 方琳 writes 重要施政 and 行政审批: give her the unit 区审管办 in the registry editor.
    const fang = table.locator('tr[data-name="方琳"]');
    const fangEntries = await fang.locator('td').first().innerText();
    await fang.getByRole('button', { name: '方琳' }).click();
    await table.getByRole('button', { name: '编辑…' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑“方琳”' });
    // The 供稿 line beside her line in 行政审批 is proposed.
    await expect(dialog).toContainText('与其署名行相邻的供稿单位：区行政审批服务管理办公室');
    await dialog.getByRole('combobox', { name: '所属单位' }).selectOption({ label: '区审管办' });
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
    const spb = units.locator('tr[data-name="区审管办"]');
    await expect(spb).toContainText('所属人员：方琳');
    await expect(spb.locator('td').first()).toHaveText(fangEntries);
    await keepScreenshot(page, testInfo, 'unit-totals');

    await page.reload();
    await page.getByRole('tab', { name: '撰稿人' }).click();
    await expect(units.locator('tr[data-name="区应急管理局"]')).toContainText('所属人员：汪剑、朱丽娜');
    await expect(units.locator('tr[data-name="区审管办"]')).toContainText('所属人员：方琳');
    con.check();
  });
});
