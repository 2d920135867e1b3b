import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { readBookFile } from '../../shared/bookfile';
import { keepScreenshot, openBookFile, seedBookFile, watchConsole } from './support';

test.describe('book files, outline and storage', () => {
  test('opens a book file, navigates the outline and keeps the book across a reload', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    await expect(page.getByRole('status').filter({ hasText: '已打开' })).toContainText('《拱墅年鉴》');

    const tree = page.getByRole('tree', { name: '大纲' });
    await expect(tree.getByRole('treeitem', { name: /^杭州市拱墅区人民政府/ })).toHaveAttribute('aria-expanded', 'true');
    const sections = tree.locator('[data-kind="section"]');
    await expect(sections).toHaveCount(8);
    await expect(sections.first()).toContainText('综述');
    await expect(sections.first()).toContainText('初审');
    await expect(page.locator('.outline-footer')).toHaveText('8 个分目 · 45 个条目 · 1.4万 字');

    // Open a section by click: the editor area shows it, the side panel lists its author lines.
    await tree.getByRole('treeitem', { name: /^应急管理/ }).click();
    await expect(page.locator('.crumb.is-current')).toHaveText('应急管理');
    await expect(page.locator('.side-panel')).toContainText('汪剑');
    await expect(page.locator('.side-panel')).toContainText('朱丽娜');

    // Keyboard: down to the first entry of the open section, Enter reveals it.
    await tree.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect(tree.locator('.is-selected')).toContainText('概况');
    await expect(page.locator('.card.is-entry .card-title')).toHaveText('【概况】');

    // Filter by pinyin initials.
    await page.getByRole('searchbox', { name: /筛选大纲/ }).fill('xfxc');
    await expect(tree.getByRole('treeitem')).toHaveText([/杭州市拱墅区人民政府/, /消防/, /消防宣传/]);
    await page.getByRole('searchbox', { name: /筛选大纲/ }).fill('');

    await keepScreenshot(page, testInfo, 'outline');

    // Reload: the book comes back from IndexedDB with the last section open.
    await page.reload();
    await expect(page.locator('.crumb.is-current')).toHaveText('应急管理');
    await expect(page.locator('[data-kind="section"]')).toHaveCount(8);
    con.check();
  });

  test('a damaged book file is refused in Chinese and the current book stays', async ({ page }) => {
    const con = watchConsole(page);
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    await expect(page.locator('[data-kind="section"]')).toHaveCount(8);
    const damaged = seedBookFile();
    damaged[damaged.length >> 1] ^= 0xff; // inside the compressed book.json
    await openBookFile(page, '来稿.yearbook', damaged);
    await expect(page.getByRole('alert')).toContainText('“来稿.yearbook”');
    await expect(page.locator('[data-kind="section"]')).toHaveCount(8);
    await expect(page.locator('.outline-book-title')).toHaveText('《拱墅年鉴（2022）》');
    con.check();
  });

  test('backs up, deletes a section and restores it from the backup', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    const tree = page.getByRole('tree', { name: '大纲' });
    await tree.getByRole('treeitem', { name: /^消防/ }).click({ button: 'right' });
    await page.getByRole('menuitem', { name: '删除分目…' }).click();
    await expect(page.getByRole('dialog')).toContainText('这个分目及其中的 8 个条目将被删除');
    await page.getByRole('dialog').getByRole('button', { name: '删除' }).click();
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(7);

    await page.getByRole('menuitem', { name: '文件' }).click();
    await page.getByRole('menuitem', { name: '从备份恢复…' }).click();
    const dialog = page.getByRole('dialog', { name: '备份' });
    await expect(dialog.getByRole('listitem')).toHaveCount(1);
    await keepScreenshot(page, testInfo, 'backups');
    await dialog.getByRole('button', { name: '恢复' }).click();
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(8);
    await expect(tree.locator('[data-kind="section"]').last()).toContainText('消防');
    con.check();
  });

  test('saves the book as a .yearbook file (download where the browser has no save dialog API)', async ({ page }) => {
    const con = watchConsole(page);
    await page.addInitScript(() => {
      delete (window as { showSaveFilePicker?: unknown }).showSaveFilePicker;
    });
    await page.goto('/');
    await expect(page.locator('[data-kind="section"]')).toHaveCount(14);
    const download = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: '文件' }).click();
    await page.getByRole('menuitem', { name: '另存为…' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('临安年鉴（2021）.yearbook');
    const bytes = await readFile((await file.path())!);
    const { book } = readBookFile(new Uint8Array(bytes), file.suggestedFilename());
    expect(book.title).toBe('临安年鉴');
    expect(book.body.map((c) => c.sections.length)).toEqual([4, 10]);
    await expect(page.getByRole('status').filter({ hasText: '书稿已保存为' })).toContainText('临安年鉴（2021）.yearbook');
    con.check();
  });

  test('says in Chinese when local storage cannot be opened, and offers to reload', async ({ page }, testInfo) => {
    await page.addInitScript(() => {
      // As in a browser profile where site storage is disabled.
      IDBFactory.prototype.open = function () {
        throw new DOMException('The user denied permission to access the database.', 'UnknownError');
      };
    });
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading')).toHaveText('工作台无法启动');
    await expect(alert).toContainText('书稿数据没有被改动');
    await expect(alert.getByRole('button', { name: '重新加载' })).toBeVisible();
    await keepScreenshot(page, testInfo, 'storage-unavailable');
  });

  test('moves entries and sections by drag and drop and with Alt+arrows; one undo takes a move back', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    const tree = page.getByRole('tree', { name: '大纲' });
    await tree.getByRole('treeitem', { name: /^重要会议/ }).click();
    const entry = tree.getByRole('treeitem', { name: /^区政府全体会议/ });
    await expect(entry).toHaveAttribute('aria-level', '3');
    const section = (title: string) => tree.locator('[data-kind="section"]').filter({ hasText: title });
    const before = await section('重要会议').locator('.ol-counts').innerText();

    // Drag the entry onto the section 应急管理: it goes to the end of that section.
    await entry.dragTo(section('应急管理'));
    await expect(page.getByRole('status').filter({ hasText: '已完成：移动“区政府全体会议”' })).toBeVisible();
    await expect(section('重要会议').locator('.ol-counts')).not.toHaveText(before);
    await tree.getByRole('treeitem', { name: /^应急管理/ }).click();
    await expect(section('应急管理').locator('.ol-counts')).toHaveText(/^7 · /);
    // It left the author line of 重要会议 behind: here no line covers it yet.
    await expect(page.locator('.side-panel')).toContainText('1 个条目不在任何署名范围内，如“区政府全体会议”');
    await keepScreenshot(page, testInfo, 'outline-moved');

    // One undo (the notice's button, or 编辑 › 撤销整体修改) puts it back.
    await page.locator('.notices').getByRole('button', { name: '撤销' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已撤销' })).toBeVisible();
    await expect(section('重要会议').locator('.ol-counts')).toHaveText(before);
    await expect(section('应急管理').locator('.ol-counts')).toHaveText(/^6 · /);
    await expect(page.locator('.side-panel')).not.toContainText('不在任何署名范围内');

    // Keyboard: Alt+↓ moves the section 综述 one place down, after 重要会议.
    await tree.getByRole('treeitem', { name: /^综述/ }).click();
    await tree.focus();
    await page.keyboard.press('Alt+ArrowDown');
    await expect(tree.locator('[data-kind="section"]').nth(1)).toContainText('综述');
    await expect(tree.locator('[data-kind="section"]').nth(0)).toContainText('重要会议');

    // Dragging a section onto an entry is refused: nothing moves.
    await section('消防').dragTo(tree.getByRole('treeitem', { name: /^概况/ }).first());
    await expect(tree.locator('[data-kind="section"]').last()).toContainText('消防');

    // The moves are stored.
    await page.reload();
    await expect(tree.locator('[data-kind="section"]').nth(1)).toContainText('综述');
    con.check();
  });

  test('the status of a section is set with who and when, shown as a badge, filterable, and kept', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    const tree = page.getByRole('tree', { name: '大纲' });
    await tree.getByRole('treeitem', { name: /^应急管理/ }).click();
    const side = page.locator('.side-panel');
    await side.getByRole('button', { name: '更改状态' }).click();
    const form = side.getByRole('form', { name: '更改状态' });
    // The next stage is proposed.
    await expect(form.getByRole('combobox', { name: '状态' })).toHaveValue('first-review');
    await form.getByRole('combobox', { name: '状态' }).selectOption('second-review');
    await form.getByRole('textbox', { name: '审校人姓名' }).fill('李 编辑');
    await form.getByRole('button', { name: '确定' }).click();
    await expect(side.locator('.facts')).toContainText('复审');
    await expect(side.locator('.facts')).toContainText('李 编辑');
    await expect(side.locator('.facts')).toContainText(String(new Date().getFullYear()));
    await expect(tree.locator('[data-kind="section"]').filter({ hasText: '应急管理' }).locator('.badge')).toHaveText('复审');
    await expect(page.locator('.editor-meta .badge')).toHaveText('复审');

    // Filter the outline by status: only the sections at that stage remain.
    const filter = page.getByRole('combobox', { name: '按状态筛选分目' });
    await filter.selectOption('second-review');
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(1);
    await expect(tree.locator('[data-kind="section"]')).toContainText('应急管理');
    await filter.selectOption('first-review');
    await expect(tree.locator('[data-kind="section"]')).toHaveText([/综述/]);
    await filter.selectOption('approved');
    await expect(page.locator('.outline-empty')).toContainText('没有处于“定稿”状态的分目');
    await keepScreenshot(page, testInfo, 'outline-stage');
    await filter.selectOption('');
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(8);

    // Kept across a reload, and the name is remembered for the next change.
    await page.reload();
    await expect(tree.locator('[data-kind="section"]').filter({ hasText: '应急管理' }).locator('.badge')).toHaveText('复审');
    await side.getByRole('button', { name: '更改状态' }).click();
    await expect(side.getByRole('textbox', { name: '审校人姓名' })).toHaveValue('李 编辑');
    await expect(side.getByRole('combobox', { name: '状态' })).toHaveValue('final-review');
    con.check();
  });

  test('categories and sections are renamed in place: F2 or double click, Enter keeps, Esc cancels', async ({ page }) => {
    const con = watchConsole(page);
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    const tree = page.getByRole('tree', { name: '大纲' });
    await tree.getByRole('treeitem', { name: /^应急管理/ }).click();
    await tree.focus();
    await page.keyboard.press('F2');
    const input = tree.getByRole('textbox', { name: '重命名' });
    await expect(input).toHaveValue('应急管理');
    await input.fill('应急管理与安全生产');
    await page.keyboard.press('Enter');
    await expect(input).toBeHidden();
    await expect(page.locator('.crumb.is-current')).toHaveText('应急管理与安全生产');
    await expect(tree.getByRole('treeitem', { name: /^应急管理与安全生产/ })).toBeVisible();
    // The tree has the keyboard again: ↓ moves on.
    await page.keyboard.press('ArrowDown');
    await expect(tree.locator('.is-active')).toContainText('概况');

    // Double click, type, Esc: nothing changes.
    await tree.locator('[data-kind="section"]').last().dblclick();
    await tree.getByRole('textbox', { name: '重命名' }).fill('不要这个名字');
    await page.keyboard.press('Escape');
    await expect(tree.locator('[data-kind="section"]').last()).toContainText('消防');
    await expect(tree.getByText('不要这个名字')).toHaveCount(0);

    await page.reload();
    await expect(tree.getByRole('treeitem', { name: /^应急管理与安全生产/ })).toBeVisible();
    con.check();
  });

  test('an entry moved to another section stays there after a reload, content and outline', async ({ page }) => {
    const con = watchConsole(page);
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    const tree = page.getByRole('tree', { name: '大纲' });
    const section = (title: string) => tree.locator('[data-kind="section"]').filter({ hasText: title });
    await tree.getByRole('treeitem', { name: /^重要会议/ }).click();
    const entry = tree.getByRole('treeitem', { name: /^区政府全体会议/ });
    await expect(entry).toHaveAttribute('aria-level', '3');
    const fromBefore = Number((await section('重要会议').locator('.ol-counts').innerText()).split('·')[0]!.trim());
    await entry.dragTo(section('应急管理'));
    await expect(page.getByRole('status').filter({ hasText: '已完成：移动“区政府全体会议”' })).toBeVisible();
    await expect(section('应急管理').locator('.ol-counts')).toHaveText(/^7 · /);

    await page.reload();
    // The outline rows and the sections' content both have the move.
    await expect(section('应急管理').locator('.ol-counts')).toHaveText(/^7 · /);
    await expect(section('重要会议').locator('.ol-counts')).toHaveText(new RegExp(`^${fromBefore - 1} · `));
    await tree.getByRole('treeitem', { name: /^应急管理/ }).click();
    await expect(page.locator('.crumb.is-current')).toHaveText('应急管理');
    await expect(page.locator('.yb-entry-title').last()).toHaveText('区政府全体会议');
    await tree.getByRole('treeitem', { name: /^重要会议/ }).click();
    await expect(page.locator('.crumb.is-current')).toHaveText('重要会议');
    await expect(page.locator('.yb-entry-title', { hasText: '区政府全体会议' })).toHaveCount(0);
    // The undo is still offered after the reload, and takes the move back.
    await page.getByRole('menuitem', { name: '编辑', exact: true }).click();
    await page.getByRole('menuitem', { name: '撤销整体修改' }).click();
    await expect(page.getByRole('status').filter({ hasText: '已撤销' })).toBeVisible();
    await expect(section('应急管理').locator('.ol-counts')).toHaveText(/^6 · /);
    await expect(page.locator('.yb-entry-title', { hasText: '区政府全体会议' })).toHaveCount(1);
    await page.reload();
    await expect(section('应急管理').locator('.ol-counts')).toHaveText(/^6 · /);
    con.check();
  });
});
