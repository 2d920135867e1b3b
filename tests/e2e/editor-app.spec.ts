// The structured editor inside the workbench, on the sample book (《临安年鉴（2021）》, corpus seed 000): tagging an
// attribution, splitting and merging entries, inserting a table and a figure, find and replace with one undo —
// each checked in the outline and the side panel, and kept across a reload (IndexedDB).
import { expect, test, type Page } from '@playwright/test';
import { keepScreenshot, openSection, saved, watchConsole } from './support';

/** Caret into the first block containing the text, `fromEnd` characters before its end. */
async function caretIn(page: Page, selector: string, text: string, fromEnd = 0): Promise<void> {
  const block = page.locator(selector, { hasText: text }).first();
  await block.click();
  await block.evaluate((el, back) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    while (walker.nextNode()) last = walker.currentNode as Text;
    if (!last) throw new Error('no text');
    const at = Math.max(0, last.length - back);
    document.getSelection()!.setBaseAndExtent(last, at, last, at);
  }, fromEnd);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Entry count of a section as the outline shows it ("22 · 5,713"). */
async function outlineEntries(page: Page, section: string): Promise<number> {
  const text = await page.getByRole('treeitem', { name: new RegExp(`^${section}`) }).first().locator('.ol-counts').first().textContent();
  return Number(text!.split('·')[0]!.trim());
}

test.describe('structured editor in the workbench', () => {
  test('tags an attribution line; it is listed in the side panel and kept after a reload', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await openSection(page, '外事');
    await caretIn(page, '.yb-content > p', '掌握入境来临人员信息');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('（汪 剑 朱丽娜）');
    // Suggested before it is tagged.
    await expect(page.locator('.yb-suggest-chip')).toContainText('汪剑 朱丽娜');
    await page.keyboard.press('Control+Alt+j');
    await expect(page.locator('.yb-attribution', { hasText: '朱丽娜' })).toContainText('撰稿');
    await expect(page.locator('.side-panel')).toContainText('汪剑');
    await expect(page.locator('.side-panel')).toContainText('朱丽娜');
    await saved(page);
    await keepScreenshot(page, testInfo, 'attribution-tagged');
    await page.reload();
    await expect(page.locator('.yb-attribution', { hasText: '朱丽娜' })).toContainText('撰稿');
    await expect(page.locator('.yb-attribution', { hasText: '朱丽娜' }).locator('.yb-chip')).toHaveText([/^汪剑/, /^朱丽娜/]);
    con.check();
  });

  test('splits an entry at a paragraph and merges it back; the outline follows', async ({ page }) => {
    const con = watchConsole(page);
    await openSection(page, '信访工作');
    const before = await outlineEntries(page, '信访工作');
    const para = page.locator('.yb-content > p').nth(2);
    const text = (await para.textContent())!.slice(0, 12);
    await para.click();
    await page.keyboard.press('Control+Alt+e');
    await expect(page.locator('.yb-entry-title', { hasText: text })).toHaveCount(1);
    await saved(page);
    await expect.poll(() => outlineEntries(page, '信访工作')).toBe(before + 1);
    await page.reload();
    await expect(page.locator('.yb-entry-title', { hasText: text })).toHaveCount(1);
    // Merge: the title becomes a paragraph again (toolbar).
    await page.locator('.yb-entry-title', { hasText: text }).click();
    await page.getByRole('button', { name: '设为正文' }).click();
    await expect(page.locator('.yb-entry-title', { hasText: text })).toHaveCount(0);
    await saved(page);
    await expect.poll(() => outlineEntries(page, '信访工作')).toBe(before);
    con.check();
  });

  test('inserts a table and a figure; both survive a reload', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await openSection(page, '外事');
    await caretIn(page, '.yb-content > p', '掌握入境来临人员信息');
    await page.getByRole('button', { name: '插入表格…' }).click();
    const dlg = page.getByRole('dialog', { name: '插入表格' });
    await dlg.getByLabel('行数', { exact: true }).fill('2');
    await dlg.getByLabel('列数').fill('2');
    await dlg.getByLabel('表题').fill('2020年外事接待情况');
    await dlg.getByLabel('单位说明').fill('单位：人次');
    await dlg.getByRole('button', { name: '插入' }).click();
    await page.keyboard.insertText('来访');
    await page.keyboard.press('Tab');
    await page.keyboard.insertText('120');
    await expect(page.locator('.yb-table-unit')).toHaveText('单位：人次');
    await caretIn(page, '.yb-content > p', '掌握入境来临人员信息');
    await page.getByRole('button', { name: '插入图片…' }).click();
    const fig = page.getByRole('dialog', { name: '插入图片' });
    await fig.getByLabel('图片说明').fill('2020年11月，外宾参观临安区');
    await fig.getByLabel('提供者').fill('区外办提供');
    await fig.getByRole('button', { name: '插入' }).click();
    await expect(page.locator('.yb-figure-missing')).toContainText('图片待补');
    await saved(page);
    await keepScreenshot(page, testInfo, 'table-figure');
    await page.reload();
    await expect(page.locator('.yb-table-caption')).toContainText('2020年外事接待情况');
    await expect(page.locator('.yb-table-block td, .yb-table-block th')).toContainText(['来访', '120', '', '']);
    await expect(page.locator('.yb-figure-caption-text')).toHaveValue('2020年11月，外宾参观临安区');
    // Exactly one table and one figure in the section's counts (the side panel's 表 / 图 row).
    await page.getByRole('tab', { name: '详情' }).click();
    const facts = page.locator('.side-panel section.card[aria-label="分目"] .facts');
    await expect(facts.locator('dt:text-is("表 / 图") + dd')).toHaveText('1 表 · 1 图');
    const items = page.locator('.side-panel .numbers-item');
    await expect(items).toHaveCount(2);
    await expect(items.filter({ hasText: '2020年外事接待情况' })).toHaveText(/^表1\s*2020年外事接待情况$/);
    await expect(items.filter({ hasText: '外宾参观临安区' })).toHaveText(/^图1\s*2020年11月，外宾参观临安区$/);
    con.check();
  });

  test('find and replace in the section, one undo, and the result is saved', async ({ page }) => {
    const con = watchConsole(page);
    await openSection(page, '民政');
    await page.locator('.yb-content > p').first().click();
    await page.keyboard.press('Control+h');
    const panel = page.getByRole('complementary', { name: '查找和替换' });
    await panel.getByLabel('查找内容').fill('区民政局');
    await expect(panel.getByTestId('yb-find-count')).toHaveText(/\d+ 处/);
    const n = Number((await panel.getByTestId('yb-find-count').textContent())!.replace(/\D/g, ''));
    await panel.getByLabel('替换为').fill('临安区民政局');
    await panel.getByRole('button', { name: /全部替换/ }).click();
    await expect(panel).toContainText(`已替换 ${n} 处`);
    await expect(page.locator('.yb-content')).toContainText('临安区民政局');
    await saved(page);
    // One undo reverts the whole replacement.
    await page.keyboard.press('Escape');
    await page.locator('.yb-content > p').first().click();
    await page.keyboard.press('Control+z');
    await expect(page.locator('.yb-content')).not.toContainText('临安区民政局');
    await saved(page);
    await page.reload();
    await expect(page.locator('.yb-content')).toContainText('区民政局');
    await expect(page.locator('.yb-content')).not.toContainText('临安区民政局');
    con.check();
  });
});
