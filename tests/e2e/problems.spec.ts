// The checker in the app, on the sample book (《临安年鉴（2021）》): the 问题 panel lists the real half-width
// commas of 外事 (“…等方面困难,协助开展…”), a click opens the section with the comma selected, the comma is
// underlined in the editor with the message on hover; fix one (while text is being typed: nothing is lost),
// fix all in the section with a preview, one undo brings them back; the outline badge follows; 编辑说明统计
// shows the counts of the book.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseBook } from '../../shared/model/migrate';
import { contributorStats } from '../../shared/model/contributors';
import { bookCounts } from '../../shared/model/stats';
import { check } from '../../shared/validate';
import { keepScreenshot, openProblems, watchConsole } from './support';

// The sample book as the app loads it (shared/sample; read directly: Playwright's loader cannot import JSON modules).
const book = parseBook(JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../shared/sample/sample-book.json'), 'utf8')));
const foreign = book.body.flatMap((c) => c.sections).find((s) => s.title === '外事')!;
const expected = check(book).findings.filter((f) => f.location.sectionId === foreign.id);
const fullwidth = expected.filter((f) => f.ruleId === 'PUN-FULLWIDTH');
const errorsIn = expected.filter((f) => f.severity === 'error').length;

const place = (page: Page) => page.locator(`.pb-place[data-place="${foreign.id}"]`);
const rule = (page: Page) => place(page).locator('.pb-rule[data-rule="PUN-FULLWIDTH"]');
const badge = (page: Page) => page.locator(`.ol-row[data-id="${foreign.id}"] .pb-ol-badge`);

/** Expands the 外事 group if it is collapsed (a book with many findings starts with only the open section's). */
async function expandForeign(page: Page): Promise<void> {
  const head = place(page).locator('.pb-place-head');
  if ((await head.getAttribute('aria-expanded')) === 'false') await head.click();
}

test.describe('problems panel', () => {
  test('lists, shows, underlines, fixes one and all with one undo, and the outline badge follows', async ({ page }, testInfo) => {
    expect(fullwidth.length).toBeGreaterThan(5);
    const con = watchConsole(page);
    await openProblems(page);
    await expect(badge(page)).toHaveAttribute('data-errors', String(errorsIn));
    await expandForeign(page);
    await expect(rule(page).locator('.pb-item')).toHaveCount(fullwidth.length);
    const first = fullwidth[0]!;
    await expect(rule(page).locator('.pb-item').first()).toContainText(first.message);

    // Click: the section opens with the comma selected.
    await rule(page).locator('.pb-item-main').first().click();
    await expect(page.locator('.crumb.is-current')).toHaveText('外事');
    await expect.poll(() => page.evaluate(() => document.getSelection()?.toString())).toBe(first.location.text);
    await expect(rule(page).locator('.pb-item').first()).toHaveClass(/is-current/);

    // Underlined in the editor, with the message on hover.
    await expect.poll(() => page.evaluate(() => CSS.highlights.get('yb-problem-error')?.size ?? 0)).toBeGreaterThanOrEqual(fullwidth.length);
    const box = await page.evaluate((text) => {
      // The underlines are static ranges (re-placed after typing or scrolling): read them through live ones.
      const ranges = [...(CSS.highlights.get('yb-problem-error') as Highlight)].map((x) => {
        const live = document.createRange();
        live.setStart(x.startContainer, x.startOffset);
        live.setEnd(x.endContainer, x.endOffset);
        return live;
      });
      const r = ranges.find((x) => x.toString() === text && x.startContainer.textContent?.includes('方面困难,协助'))!;
      const rect = r.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }, first.location.text);
    await page.mouse.move(box.x, box.y);
    await expect(page.locator('.yb-problem-tip')).toContainText(first.message);
    await keepScreenshot(page, testInfo, 'problems-underline-hover');
    await page.mouse.move(5, 400);
    await expect(page.locator('.yb-problem-tip')).toHaveCount(0);

    // Type something, then fix one at once: what was typed is kept, the comma is fixed, the finding gone.
    const para = page.locator('.yb-content > p', { hasText: '方面困难,协助' });
    await para.click();
    await page.keyboard.press('End');
    await page.keyboard.insertText('（补记一句）');
    await rule(page).locator('.pb-fix').first().click();
    await expect(rule(page).locator('.pb-item')).toHaveCount(fullwidth.length - 1);
    await expect(page.locator('.yb-content')).toContainText('方面困难，协助开展');
    await expect(page.locator('.yb-content')).toContainText('（补记一句）');
    await expect(badge(page)).toHaveAttribute('data-errors', String(errorsIn - 1));

    // Fix all in the section: the preview lists every occurrence with before → after.
    await rule(page).getByRole('button', { name: '本分目全部修正…' }).click();
    const dialog = page.getByRole('dialog', { name: '修正本分目的“全角标点”问题' });
    await expect(dialog.locator('.fp-row')).toHaveCount(fullwidth.length - 1);
    const second = fullwidth[1]!;
    await expect(dialog.locator('.fp-row').first().locator('.fp-before')).toHaveText(second.fixes[0]!.preview.before);
    await expect(dialog.locator('.fp-row').first().locator('.fp-after')).toHaveText(second.fixes[0]!.preview.after);
    await expect(dialog.locator('.fp-row').first().locator('.fp-where')).toContainText('外事');
    await keepScreenshot(page, testInfo, 'problems-fix-all-preview');
    await dialog.getByRole('button', { name: `修正 ${fullwidth.length - 1} 处` }).click();
    await expect(dialog).toHaveCount(0);
    await expect(rule(page)).toHaveCount(0);
    await expect(page.locator('.yb-content')).not.toContainText(',协助');
    await expect(page.locator('.yb-content')).toContainText('（补记一句）');
    const remainingErrors = errorsIn - fullwidth.length;
    if (remainingErrors > 0) await expect(badge(page)).toHaveAttribute('data-errors', String(remainingErrors));
    else await expect(page.locator(`.ol-row[data-id="${foreign.id}"] .pb-ol-badge .pb-count.is-error`)).toHaveCount(0);
    await keepScreenshot(page, testInfo, 'problems-after-fix-all');

    // One undo (the notice's 撤销) restores all of them; the one fixed before stays fixed.
    await page.locator('.notice').getByRole('button', { name: '撤销' }).last().click();
    await expect(rule(page).locator('.pb-item')).toHaveCount(fullwidth.length - 1);
    await expect(badge(page)).toHaveAttribute('data-errors', String(errorsIn - 1));
    await expect(page.locator('.yb-content')).toContainText('方面困难，协助开展');
    await expect(page.locator('.yb-content')).toContainText('沟通;12月');
    await keepScreenshot(page, testInfo, 'problems-panel');
    con.check();
  });

  test('filters by severity and rule, and F8 walks to the next problem', async ({ page }) => {
    const con = watchConsole(page);
    await openProblems(page);
    await page.getByRole('combobox', { name: '规则' }).selectOption('PUN-FULLWIDTH');
    await expect(page.locator('.pb-item:not([data-rule="PUN-FULLWIDTH"])')).toHaveCount(0);
    await page.getByRole('combobox', { name: '规则' }).selectOption('all');
    await page.getByRole('combobox', { name: '级别' }).selectOption('warning');
    await expect(page.locator('.pb-item.is-error')).toHaveCount(0);
    await expect(page.locator('.pb-item.is-warning').first()).toBeVisible();
    await page.getByRole('combobox', { name: '级别' }).selectOption('all');
    await page.getByRole('searchbox', { name: '筛选问题' }).fill('外事');
    await expect(page.locator('.pb-place')).toHaveCount(1);
    await expandForeign(page);
    await page.locator('.pb-panel').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('F8');
    await expect(page.locator('.crumb.is-current')).toHaveText('外事');
    await expect(page.locator('.pb-item.is-current')).toHaveAttribute('data-finding', expected[0]!.id);
    await page.keyboard.press('F8');
    await expect(page.locator('.pb-item.is-current')).toHaveAttribute('data-finding', expected[1]!.id);
    con.check();
  });

  test('编辑说明统计 shows the counts of the book and copies the paragraph', async ({ page, context }, testInfo) => {
    const con = watchConsole(page);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openProblems(page);
    await page.getByRole('menuitem', { name: '视图' }).click();
    await page.getByRole('menuitem', { name: '编辑说明统计…' }).click();
    const dialog = page.getByRole('dialog', { name: '编辑说明统计' });
    const c = bookCounts(book);
    const findings = check(book).findings;
    const errors = findings.filter((f) => f.severity === 'error').length;
    for (const [k, v] of Object.entries({ categories: c.categories, sections: c.sections, entries: c.entries, tables: c.tables, figures: c.figures, characters: c.characters, errors })) {
      await expect(dialog.locator(`[data-count="${k}"]`), k).toHaveText(v.toLocaleString('zh-CN'));
    }
    const per10k = Math.round((errors / c.characters) * 10000 * 100) / 100;
    await expect(dialog.locator('[data-count="per10k"]')).toHaveText(`${per10k} 处`);
    await expect(dialog).toContainText(per10k <= 1 ? '符合' : '未达到');
    await keepScreenshot(page, testInfo, 'problems-summary');
    await dialog.getByRole('button', { name: '复制文字' }).click();
    await expect(dialog).toContainText('已复制到剪贴板');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toContain(`分目${c.sections}个`);
    expect(text).toContain(`条目${c.entries}条`);
    expect(text).toContain(`错误${errors}处`);
    // Who wrote what (ENT-ATTRIB-REGISTRY's counts): every author and unit with entries, characters and photos.
    const people = contributorStats(book).filter((p) => p.entries > 0 || p.figures > 0);
    await expect(dialog.locator('tr[data-contributor]')).toHaveCount(people.length);
    const top = people[0]!;
    const topRow = dialog.locator(`tr[data-contributor="${top.name}"]`);
    await expect(topRow.locator('[data-col="entries"]')).toHaveText(top.entries.toLocaleString('zh-CN'));
    await expect(topRow.locator('[data-col="characters"]')).toHaveText(top.characters.toLocaleString('zh-CN'));
    expect(text).toContain(`撰稿和供稿：${top.name}（${top.entries}条）`);
    const photos = people.filter((p) => p.figures > 0).sort((a, b) => b.figures - a.figures);
    expect(text).toContain(`图片提供：${photos[0]!.name}（${photos[0]!.figures}幅）`);
    con.check();
  });

  test('in a long section only the problems on and near the screen are underlined, and scrolling brings the rest', async ({ page }) => {
    // The sample's first 特载 report: hundreds of half-width commas in one 分目 (an unedited draft).
    const report = book.body.flatMap((c) => c.sections).find((s) => s.title.startsWith('奋力打造'))!;
    const errors = check(book).findings.filter((f) => f.location.sectionId === report.id && f.severity === 'error');
    expect(errors.length).toBeGreaterThan(100);
    const con = watchConsole(page);
    await page.goto('/');
    await page.locator(`.ol-row[data-id="${report.id}"]`).click();
    const underlined = () => page.evaluate(() => CSS.highlights.get('yb-problem-error')?.size ?? 0);
    await expect.poll(underlined).toBeGreaterThan(0);
    const atTop = await underlined();
    expect(atTop).toBeLessThan(errors.length);
    // The last paragraph's problems are underlined once it is on screen.
    const lastText = errors[errors.length - 1]!.location.text!;
    const last = page.locator('.yb-content > *').last();
    await last.scrollIntoViewIfNeeded();
    await expect
      .poll(() =>
        page.evaluate((text) => {
          const end = [...document.querySelectorAll('.yb-content > *')].slice(-12);
          return [...(CSS.highlights.get('yb-problem-error') ?? [])].some((r) => end.some((el) => el.contains(r.startContainer)) && r.startContainer.textContent!.slice(r.startOffset, r.endOffset) === text);
        }, lastText),
      )
      .toBe(true);
    con.check();
  });
});
