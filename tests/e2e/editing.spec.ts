import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { keepScreenshot, watchConsole } from './support';

// The sample book's 民政 › 养老服务 › 【示范型居家养老服务中心建设完成】 (corpus seed 000).
const ENTRY = '示范型居家养老服务中心建设完成';
const PARAGRAPH_START = '2020年9月,区民政局完成全区示范型居家养老服务中心建设';
const PARAGRAPH_END = '累计建成示范型居家养老服务中心19家。';

/** Puts the caret at the end of the editor paragraph that starts with the given text. */
async function caretAtEndOf(page: Page, start: string): Promise<void> {
  const p = page.locator('.yb-content p', { hasText: start }).first();
  await p.click();
  await p.evaluate((el) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    let last: Text | null = null;
    while (walker.nextNode()) last = walker.currentNode as Text;
    if (!last) throw new Error('paragraph has no text');
    document.getSelection()!.collapse(last, last.length);
  });
}

/** Types Chinese the way an input method does: pinyin shown as composition, then the characters committed. */
async function ime(cdp: CDPSession, pinyin: string, text: string): Promise<void> {
  for (let i = 1; i <= pinyin.length; i++) {
    const partial = pinyin.slice(0, i);
    await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
  }
  await cdp.send('Input.insertText', { text });
}

/** First run: the sample book; open 民政 and find the entry with the outline filter. */
async function openSampleEntry(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('treeitem', { name: /^民政/ }).click();
  await page.getByRole('searchbox', { name: /筛选大纲/ }).fill('示范型居家');
  await page.getByRole('treeitem', { name: new RegExp(`^${ENTRY}`) }).click();
  await expect(page.locator('.yb-content')).toContainText(PARAGRAPH_START);
}

/** The character count the outline shows for the entry (found with the outline filter). */
async function entryCount(page: Page): Promise<number> {
  const filter = page.getByRole('searchbox', { name: /筛选大纲/ });
  if ((await filter.inputValue()) !== ENTRY) await filter.fill(ENTRY);
  const text = await page.getByRole('treeitem', { name: new RegExp(`^${ENTRY}`) }).locator('.ol-counts').textContent();
  return Number(text!.replace(/,/g, ''));
}

test.describe('editing a section', () => {
  test('Chinese typed with an input method is saved and still there after a reload', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await page.goto('/');
    // First run: the sample book's outline.
    await expect(page.locator('.outline-book-title')).toHaveText('《临安年鉴（2021）》');
    await expect(page.locator('[data-kind="category"] .ol-title')).toHaveText(['特载', '杭州市临安区人民政府']);
    await expect(page.locator('[data-kind="section"]')).toHaveCount(14);
    await openSampleEntry(page);

    // Selecting an entry in the outline puts the caret into it in the editor.
    await expect(page.locator('.card.is-entry .card-title')).toHaveText(`【${ENTRY}】`);
    await expect
      .poll(() => page.evaluate(() => document.getSelection()?.anchorNode?.parentElement?.closest('.yb-entry-title')?.textContent ?? null))
      .toContain(ENTRY);
    const before = await entryCount(page);

    await caretAtEndOf(page, PARAGRAPH_START);
    const cdp = await page.context().newCDPSession(page);
    await ime(cdp, 'quannian', '全年');
    await ime(cdp, 'fuwulaoren', '服务老人');
    await page.keyboard.type('3200'); // real key presses
    await ime(cdp, 'yuren', '余人');
    await cdp.send('Input.insertText', { text: '。' });

    const paragraph = page.locator('.yb-content p', { hasText: PARAGRAPH_START });
    await expect(paragraph).toContainText(`${PARAGRAPH_END}全年服务老人3200余人。`);
    await expect(paragraph).not.toContainText(/[a-z]/);
    await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
    await expect(page.locator('[data-save-state]')).toContainText(/已保存 \d\d:\d\d/);
    // Thirteen characters more (全年服务老人3200余人。), in the outline and in the side panel.
    await expect.poll(() => entryCount(page)).toBe(before + 13);
    await expect(page.locator('.card.is-entry')).toContainText(String(before + 13));
    await keepScreenshot(page, testInfo, 'typed');

    await page.reload();
    await expect(page.locator('.crumb.is-current')).toHaveText('民政');
    await expect(page.locator('.yb-content p', { hasText: PARAGRAPH_START })).toContainText(`${PARAGRAPH_END}全年服务老人3200余人。`);
    await keepScreenshot(page, testInfo, 'after-reload');

    // The revision kept before this burst of edits has the text without the addition.
    await page.getByRole('tab', { name: '历史版本' }).click();
    await expect(page.locator('.rev')).toHaveCount(1);
    await expect(page.locator('.rev')).toContainText('编辑前自动保留');
    con.check();
  });

  test('text typed just before a reload is not lost (written while the page unloads)', async ({ page }) => {
    const con = watchConsole(page);
    await openSampleEntry(page);
    const before = await entryCount(page);
    await caretAtEndOf(page, PARAGRAPH_START);
    const cdp = await page.context().newCDPSession(page);
    await ime(cdp, 'jixu', '继续');
    await page.keyboard.type('2021');
    // No wait for the debounce: the reload itself must save the pending text.
    await page.reload();
    await expect(page.locator('.yb-content p', { hasText: PARAGRAPH_START })).toContainText(`${PARAGRAPH_END}继续2021`);
    // The outline rows were rebuilt at start-up from the content written during the unload.
    await expect.poll(() => entryCount(page)).toBe(before + 6);
    con.check();
  });

  test('undo from the 编辑 menu goes through the editor', async ({ page }) => {
    const con = watchConsole(page);
    await openSampleEntry(page);
    await caretAtEndOf(page, PARAGRAPH_START);
    const cdp = await page.context().newCDPSession(page);
    await ime(cdp, 'shiyan', '试验');
    const paragraph = page.locator('.yb-content p', { hasText: PARAGRAPH_START });
    await expect(paragraph).toContainText(`${PARAGRAPH_END}试验`);
    await page.getByRole('menuitem', { name: '编辑' }).click();
    await page.getByRole('menuitem', { name: /^撤销(\s|$)/ }).click();
    await expect(paragraph).not.toContainText('试验');
    await page.getByRole('menuitem', { name: '编辑' }).click();
    await page.getByRole('menuitem', { name: /^重做(\s|$)/ }).click();
    await expect(paragraph).toContainText(`${PARAGRAPH_END}试验`);
    con.check();
  });
});
