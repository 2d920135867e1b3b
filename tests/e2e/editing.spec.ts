import { expect, test, type CDPSession, type Page } from '@playwright/test';
import { keepScreenshot, openBookFile, seedBookFile, watchConsole } from './support';

const PARAGRAPH_START = '2021年，拱墅区政府常务会议召开12次';

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

async function openMeetings(page: Page): Promise<void> {
  await page.goto('/');
  await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
  await page.getByRole('treeitem', { name: /^重要会议/ }).click();
  await expect(page.locator('.yb-content')).toContainText(PARAGRAPH_START);
}

test.describe('editing a section', () => {
  test('Chinese typed with an input method is saved and still there after a reload', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await openMeetings(page);

    // Selecting an entry in the outline puts the caret into it in the editor.
    await page.getByRole('treeitem', { name: /^区政府常务会议/ }).click();
    await expect(page.locator('.card.is-entry .card-title')).toHaveText('【区政府常务会议】');
    await expect
      .poll(() => page.evaluate(() => document.getSelection()?.anchorNode?.parentElement?.closest('.yb-entry-title')?.textContent ?? null))
      .toContain('区政府常务会议');

    await caretAtEndOf(page, PARAGRAPH_START);
    const cdp = await page.context().newCDPSession(page);
    await ime(cdp, 'quannian', '全年');
    await ime(cdp, 'banjieyiti', '办结议题');
    await page.keyboard.type('86'); // real key presses
    await ime(cdp, 'xiang', '项');
    await cdp.send('Input.insertText', { text: '。' });

    const paragraph = page.locator('.yb-content p', { hasText: PARAGRAPH_START });
    await expect(paragraph).toContainText('安全生产和消防等工作。全年办结议题86项。');
    await expect(paragraph).not.toContainText(/[a-z]/);
    await expect(page.locator('[data-save-state]')).toHaveAttribute('data-save-state', 'saved');
    await expect(page.locator('[data-save-state]')).toContainText(/已保存 \d\d:\d\d/);
    // The entry is now ten characters longer, in the side panel and in the outline.
    await expect(page.locator('.card.is-entry')).toContainText('508');
    await expect(page.getByRole('treeitem', { name: /^区政府常务会议/ })).toContainText('508');
    await keepScreenshot(page, testInfo, 'typed');

    await page.reload();
    await expect(page.locator('.crumb.is-current')).toHaveText('重要会议');
    await expect(page.locator('.yb-content p', { hasText: PARAGRAPH_START })).toContainText('安全生产和消防等工作。全年办结议题86项。');
    await keepScreenshot(page, testInfo, 'after-reload');

    // The revision kept before this burst of edits has the text without the addition.
    await page.getByRole('tab', { name: '历史版本' }).click();
    await expect(page.locator('.rev')).toHaveCount(1);
    await expect(page.locator('.rev')).toContainText('编辑前自动保留');
    con.check();
  });

  test('text typed just before a reload is not lost (flushed when the page hides)', async ({ page }) => {
    const con = watchConsole(page);
    await openMeetings(page);
    await caretAtEndOf(page, PARAGRAPH_START);
    const cdp = await page.context().newCDPSession(page);
    await ime(cdp, 'jixu', '继续');
    await page.keyboard.type('2022');
    // No wait for the debounce: the reload itself must flush the pending save.
    await page.reload();
    await expect(page.locator('.yb-content p', { hasText: PARAGRAPH_START })).toContainText('安全生产和消防等工作。继续2022');
    // The outline rows were rebuilt at start-up from the content written during the unload (498 + 6 characters).
    await expect(page.getByRole('treeitem', { name: /^区政府常务会议/ })).toContainText('504');
    con.check();
  });

  test('undo from the 编辑 menu goes through the editor', async ({ page }) => {
    const con = watchConsole(page);
    await openMeetings(page);
    await caretAtEndOf(page, PARAGRAPH_START);
    const cdp = await page.context().newCDPSession(page);
    await ime(cdp, 'shiyan', '试验');
    const paragraph = page.locator('.yb-content p', { hasText: PARAGRAPH_START });
    await expect(paragraph).toContainText('工作。试验');
    await page.getByRole('menuitem', { name: '编辑' }).click();
    await page.getByRole('menuitem', { name: /^撤销/ }).click();
    await expect(paragraph).not.toContainText('试验');
    await page.getByRole('menuitem', { name: '编辑' }).click();
    await page.getByRole('menuitem', { name: /^重做/ }).click();
    await expect(paragraph).toContainText('工作。试验');
    con.check();
  });
});
