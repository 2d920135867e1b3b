// Editing features that reach across the book, in the workbench on the sample book (《临安年鉴（2021）》): find and
// replace in the whole book as one book change with one undo, comments kept in the book, table and figure
// numbers shown live, images put into figures, and the index view — each kept across a reload (IndexedDB).
import { expect, test, type Page } from '@playwright/test';
import { encodePng } from '../../shared/generate/png';
import { keepScreenshot, openSection, saved, watchConsole } from './support';

/** Selects the first occurrence of `text` inside the first element matching selector that contains it. */
async function selectText(page: Page, selector: string, text: string): Promise<void> {
  const el = page.locator(selector, { hasText: text }).first();
  await el.click();
  await el.evaluate((root, want) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const n = walker.currentNode as Text;
      const at = n.data.indexOf(want);
      if (at >= 0) {
        document.getSelection()!.setBaseAndExtent(n, at, n, at + want.length);
        return;
      }
    }
    throw new Error(`text not in one node: ${want}`);
  }, text);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
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

test.describe('comments kept in the book', () => {
  test('adds a comment on a range (asking the name once), lists it in the side panel, keeps it anchored after a reload, deletes it', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await openSection(page, '外事');
    const quote = '掌握入境来临人员信息';
    await selectText(page, '.yb-content > p', quote);
    await page.keyboard.press('Control+Alt+m');
    const dlg = page.getByRole('dialog', { name: '添加批注' });
    await dlg.locator('textarea').fill('请核对入境人员数字的出处');
    // No name is remembered yet: asked once.
    await dlg.getByRole('button', { name: '添加' }).click();
    await expect(dlg.getByRole('alert')).toHaveText('请填写署名。');
    await dlg.getByLabel('您的署名').fill('王编辑');
    await dlg.getByRole('button', { name: '添加' }).click();
    await expect(dlg).toHaveCount(0);
    await expect(page.locator('.yb-content .yb-comment')).toHaveText(quote);

    await page.getByRole('tab', { name: '批注' }).click();
    const tab = page.locator('section.comments-tab');
    const card = tab.locator('.comment-card');
    await expect(card).toHaveCount(1);
    await expect(card.locator('.comment-quote')).toHaveText(`“${quote}”`);
    await expect(card.locator('.comment-author')).toHaveText('王编辑');
    await expect(card.locator('.comment-text')).toHaveText('请核对入境人员数字的出处');
    await expect(tab).toContainText('1 条，1 条未解决');

    // The name is remembered: a second comment does not ask for it and is signed with it.
    await selectText(page, '.yb-content > p', '外事');
    await page.keyboard.press('Control+Alt+m');
    await expect(dlg.getByLabel('您的署名')).toHaveCount(0);
    await dlg.locator('textarea').fill('第二条意见');
    await dlg.locator('textarea').press('Control+Enter');
    await expect(card).toHaveCount(2);
    await expect(card.locator('.comment-author')).toHaveText(['王编辑', '王编辑']);

    // Resolve the first one (cards are in reading order; find it by its text).
    const first = card.filter({ hasText: '请核对入境人员数字的出处' });
    await first.getByRole('button', { name: '标为已解决' }).click();
    await expect(first).toHaveClass(/is-resolved/);
    await expect(tab).toContainText('2 条，1 条未解决');
    await saved(page);
    await keepScreenshot(page, testInfo, 'comments-tab');

    await page.reload();
    await expect(page.getByRole('tab', { name: '批注' })).toHaveAttribute('aria-selected', 'true');
    await expect(card).toHaveCount(2);
    await expect(first.locator('.comment-quote')).toHaveText(`“${quote}”`);
    await expect(first).toHaveClass(/is-resolved/);
    // Anchored to the same text in the editor.
    const anchor = page.locator(`.yb-content .yb-comment[data-comment-id="${await first.getAttribute('data-comment-id')}"]`);
    await expect(anchor).toHaveText(quote);

    // Click to jump: the commented text is selected in the editor.
    await first.locator('.comment-quote').click();
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(quote);

    // Delete: the comment and its anchor go.
    await first.getByRole('button', { name: '删除' }).click();
    await first.getByRole('button', { name: '确定删除' }).click();
    await expect(card).toHaveCount(1);
    await expect(anchor).toHaveCount(0);
    await expect(page.locator('.yb-content .yb-comment')).toHaveCount(1);
    await saved(page);
    await page.reload();
    await expect(card).toHaveCount(1);
    await expect(card.locator('.comment-text')).toHaveText('第二条意见');
    await expect(page.locator('.yb-content .yb-comment')).toHaveCount(1);
    await expect(page.locator('.yb-content')).toContainText(quote);
    con.check();
  });
});

test.describe('table and figure numbers', () => {
  test('shows 图N / 表N live, renumbering the unnumbered figures after an inserted one, in the page and the side panel', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    // Typed numbers are shown as they are (信访工作: 图78).
    await openSection(page, '信访工作');
    await expect(page.locator('.yb-figure-number')).toHaveText('图78');
    await expect(page.locator('.yb-figure-number')).not.toHaveClass(/yb-auto/);

    // 外事 comes before every table and figure of the book: new ones start at 1.
    await openSection(page, '外事', false);
    const insertFigure = async (caption: string) => {
      await page.getByRole('button', { name: '插入图片…' }).click();
      const fig = page.getByRole('dialog', { name: '插入图片' });
      await fig.getByLabel('图片说明').fill(caption);
      await fig.getByRole('button', { name: '插入' }).click();
      await expect(fig).toHaveCount(0);
    };
    await selectText(page, '.yb-content > p', '掌握入境来临人员信息');
    await insertFigure('甲：外宾参观');
    const numberOf = (caption: string) =>
      page.locator('.yb-figure').evaluateAll(
        (els, c) => els.find((e) => (e.querySelector('.yb-figure-caption-text') as HTMLInputElement | null)?.value === c)?.querySelector('.yb-figure-number')?.textContent ?? null,
        caption,
      );
    await expect.poll(() => numberOf('甲：外宾参观')).toBe('图1');

    // A figure inserted before it takes 图1; the first one becomes 图2.
    await page.locator('.yb-content > p').first().click();
    await insertFigure('乙：签约仪式');
    await expect.poll(() => numberOf('乙：签约仪式')).toBe('图1');
    await expect.poll(() => numberOf('甲：外宾参观')).toBe('图2');
    await expect(page.locator('.yb-figure-number').first()).toHaveClass(/yb-auto/);

    // The side panel lists them with the same numbers.
    await page.getByRole('tab', { name: '详情' }).click();
    const card = page.locator('section.numbers-card');
    await expect(card.locator('.numbers-item')).toHaveText(['图1乙：签约仪式', '图2甲：外宾参观']);

    // A table gets 表1 (the book's 表6 comes later and keeps its typed number).
    await page.locator('.yb-content > p').first().click();
    await page.getByRole('button', { name: '插入表格…' }).click();
    const dlg = page.getByRole('dialog', { name: '插入表格' });
    await dlg.getByLabel('表题').fill('外事接待');
    await dlg.getByRole('button', { name: '插入' }).click();
    await expect(page.locator('.yb-table-number')).toHaveText('表1');
    await expect(card.locator('.numbers-item').first()).toHaveText('表1外事接待');
    await saved(page);
    await keepScreenshot(page, testInfo, 'numbers');

    await page.reload();
    await expect.poll(() => numberOf('乙：签约仪式')).toBe('图1');
    await expect.poll(() => numberOf('甲：外宾参观')).toBe('图2');
    await expect(page.locator('.yb-table-number')).toHaveText('表1');
    await openSection(page, '区政府办公室工作', false);
    await expect(page.locator('.yb-table-number')).toHaveText('表6');
    con.check();
  });
});

test.describe('images in figures', () => {
  test('replaces a figure\'s photo with a PNG stored as a book asset; shown after a reload; a TIFF is refused in Chinese; a new figure from a file; the export misses none', async ({ page }, testInfo) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    await page.addInitScript(() => {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    });
    await openSection(page, '信访工作');
    const frame = page.locator('.yb-figure').first();
    const img = frame.locator('.yb-figure-frame img');
    // The sample's 图78 shows its stand-in photo; 更换图片… picks another file.
    await expect(img).toBeVisible();
    const stand = await img.evaluate((el: HTMLImageElement) => el.naturalWidth);
    expect(stand).toBeGreaterThan(0);
    const replace = async () => {
      await frame.hover();
      await frame.getByRole('button', { name: '更换图片…' }).click();
    };

    // A TIFF from the scanner is refused with what to do; nothing changes.
    let chooser = page.waitForEvent('filechooser');
    await replace();
    await (await chooser).setFiles({ name: '扫描件.tif', mimeType: 'image/tiff', buffer: Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0, 0, 0]) });
    await expect(page.getByRole('alert').filter({ hasText: '“扫描件.tif”是 TIFF 格式' })).toContainText('请先用图片软件另存为 JPEG 或 PNG 后再插入');
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(stand);

    // A PNG (1600×1000) goes in instead.
    const w = 1600;
    const h = 1000;
    const rgb = new Uint8Array(w * h * 3);
    for (let i = 0; i < w * h; i++) {
      rgb[i * 3] = (i % w) % 256;
      rgb[i * 3 + 1] = 120;
      rgb[i * 3 + 2] = Math.floor(i / w) % 256;
    }
    chooser = page.waitForEvent('filechooser');
    await replace();
    await (await chooser).setFiles({ name: '信访接待.png', mimeType: 'image/png', buffer: Buffer.from(encodePng(w, h, rgb)) });
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(w);
    await expect(frame.locator('.yb-figure-number')).toHaveText('图78');
    await saved(page);
    await keepScreenshot(page, testInfo, 'figure-image');

    await page.reload();
    await expect(img).toBeVisible();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(w);

    // 插入 › 插入图片文件… with the caret in a paragraph inserts a new figure with the image.
    await page.locator('.yb-content > p').first().click();
    chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: '插入', exact: true }).click();
    await page.getByRole('menuitem', { name: '插入图片文件…' }).click();
    await (await chooser).setFiles({ name: '来访接待.png', mimeType: 'image/png', buffer: Buffer.from(encodePng(w, h, rgb.reverse())) });
    await expect(page.locator('.yb-figure')).toHaveCount(2);
    await expect(page.locator('.yb-figure-frame img')).toHaveCount(2);
    await saved(page);

    // The PDF export of the section finds both images: no figure is reported missing.
    await page.getByRole('menuitem', { name: '文件' }).click();
    await page.getByRole('menuitem', { name: /导出 PDF/ }).click();
    const dialog = page.getByRole('dialog', { name: '导出 PDF' });
    await expect(dialog.getByRole('radio', { name: /当前分目：信访工作/ })).toBeChecked();
    const download = page.waitForEvent('download', { timeout: 180_000 });
    await dialog.getByRole('button', { name: '导出', exact: true }).click();
    // The sample's section has checker errors (half-width punctuation): the export asks first.
    const confirm = page.getByRole('button', { name: '仍然导出' });
    const done = page.getByRole('dialog', { name: '导出完成' });
    await expect(confirm.or(done)).toBeVisible({ timeout: 60_000 });
    if (await confirm.isVisible()) await confirm.click();
    await download;
    await expect(done).toBeVisible({ timeout: 60_000 });
    await expect(done.getByLabel('印前检查报告').locator('[data-fact="images"]')).toHaveText('2 幅，低于 300 dpi 的 0 幅，缺图 0 幅');
    await expect(done.getByLabel('印前检查报告')).not.toContainText('图片尚未提供');
    con.check();
  });
});

test.describe('index terms and candidates', () => {
  test('lists marked terms and entry titles; the sort key is edited there; an entry title is kept out from the side panel or the menu; all kept', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await openSection(page, '民政');
    // Mark 区民政局 as an index term (Ctrl+Alt+I), without a sort key.
    await selectText(page, '.yb-content > p', '区民政局');
    await page.keyboard.press('Control+Alt+i');
    const dlg = page.getByRole('dialog', { name: '标为主题词' });
    await dlg.getByRole('button', { name: '确定' }).click();
    await expect(page.locator('.yb-content .yb-index-term').first()).toHaveText('区民政局');

    await page.getByRole('tab', { name: '索引' }).click();
    const tab = page.locator('section.index-tab');
    await tab.getByLabel('筛选索引词').fill('区民政局');
    const line = tab.locator('.index-line[data-term="区民政局"]');
    await expect(line).toHaveCount(1);
    await expect(line.locator('.badge')).toHaveText('主题词');
    await expect(line.getByLabel('排序键')).toHaveAttribute('placeholder', '自动：qu min zheng ju');
    await line.getByLabel('排序键').fill('qu minzhengju');
    await line.getByLabel('排序键').press('Enter');
    await expect(page.locator('.notices')).toContainText('已完成：修改“区民政局”的排序键');
    await expect(line.getByLabel('排序键')).toHaveValue('qu minzhengju');

    // Jump to the occurrence: the term is selected in the editor.
    await line.locator('.index-occurrences .link').first().click();
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe('区民政局');

    // The entry title 水库移民扶持 is kept out from the side panel's 详情.
    await page.locator('.yb-entry-title', { hasText: '水库移民扶持' }).click();
    await page.getByRole('tab', { name: '详情' }).click();
    const toggle = page.locator('.card.is-entry').getByRole('checkbox', { name: '标题列入索引' });
    await expect(toggle).toBeChecked();
    await toggle.uncheck();
    await expect(page.locator('.card.is-entry')).toContainText('标题不列入索引');
    await page.getByRole('tab', { name: '索引' }).click();
    await tab.getByLabel('筛选索引词').fill('水库移民扶持');
    await expect(tab.locator('.index-line[data-term="水库移民扶持"]')).toHaveClass(/is-excluded/);
    await tab.getByLabel('筛选索引词').fill('');
    await tab.getByRole('combobox').selectOption('excluded');
    await expect(tab.locator('.index-line')).toHaveCount(1);
    await expect(tab.getByTestId('index-count')).toContainText('1 个标题不列入');
    await saved(page);
    await keepScreenshot(page, testInfo, 'index-tab');

    await page.reload();
    await expect(page.getByRole('tab', { name: '索引' })).toHaveAttribute('aria-selected', 'true');
    await tab.getByLabel('筛选索引词').fill('区民政局');
    await expect(tab.locator('.index-line[data-term="区民政局"]').getByLabel('排序键')).toHaveValue('qu minzhengju');
    await tab.getByLabel('筛选索引词').fill('水库移民扶持');
    await expect(tab.locator('.index-line[data-term="水库移民扶持"]')).toHaveClass(/is-excluded/);

    // The menu command (格式 › 条目标题列入索引) puts it back, for the entry at the caret.
    await page.locator('.yb-entry-title', { hasText: '水库移民扶持' }).click();
    await page.getByRole('menuitem', { name: '格式', exact: true }).click();
    const item = page.getByRole('menuitemcheckbox', { name: '条目标题列入索引' });
    await expect(item).toHaveAttribute('aria-checked', 'false');
    await item.click();
    await expect(tab.locator('.index-line[data-term="水库移民扶持"]')).not.toHaveClass(/is-excluded/);
    await saved(page);
    await page.reload();
    await tab.getByLabel('筛选索引词').fill('水库移民扶持');
    await expect(tab.locator('.index-line[data-term="水库移民扶持"]')).not.toHaveClass(/is-excluded/);
    await expect(tab.locator('.index-line[data-term="水库移民扶持"]').getByRole('checkbox')).toBeChecked();
    con.check();
  });
});
