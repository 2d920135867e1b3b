// 体例设置 and 忽略 in the app, on the sample book (《临安年鉴（2021）》, preset 推荐): the dialog is reached from the
// menu, the command palette and the problems panel; lowering the maximum title length shows more long titles at
// once, and one undo takes the change back; an ignored finding stays ignored after a reload, is listed in 已忽略,
// and comes back with undo or 恢复. Also: the before → after of one quick fix, the 本类目 scope, the cell location.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parseBook } from '../../shared/model/migrate';
import { check, cellLabel, type ConfigOverrides } from '../../shared/validate';
import { keepScreenshot, openProblems, watchConsole } from './support';

const book = parseBook(JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../shared/sample/sample-book.json'), 'utf8')));
const count = (ruleId: string, overrides: ConfigOverrides = {}) => check(book, { overrides }).findings.filter((f) => f.ruleId === ruleId).length;
const ruleFilter = (page: Page) => page.getByRole('combobox', { name: '规则' });

/** The rule filter's option for a rule: “标题字数（10）”. */
async function expectRuleCount(page: Page, ruleId: string, title: string, n: number): Promise<void> {
  if (n === 0) await expect(ruleFilter(page).locator(`option[value="${ruleId}"]`)).toHaveCount(0);
  else await expect(ruleFilter(page).locator(`option[value="${ruleId}"]`)).toHaveText(`${title}（${n}）`);
}

test.describe('house style (体例设置) and ignored findings', () => {
  test('a shorter maximum title length shows more long titles at once; one undo takes it back', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await openProblems(page);
    const before = count('ENT-TITLE-LEN');
    const after = count('ENT-TITLE-LEN', { titleWarnLength: 10, titleErrorLength: 12 });
    expect(after).toBeGreaterThan(before);
    await expectRuleCount(page, 'ENT-TITLE-LEN', '标题字数', before);

    await page.getByRole('menuitem', { name: '编辑' }).click();
    await page.getByRole('menuitem', { name: '体例设置…' }).click();
    const dialog = page.getByRole('dialog', { name: '体例设置' });
    await expect(dialog.getByRole('radio', { name: /^推荐/ })).toBeChecked();
    await expect(dialog.locator('.hs-trial')).toContainText('与当前检查结果相同');
    await keepScreenshot(page, testInfo, 'house-style-page');
    await dialog.getByLabel('条目标题超过此字数时警告').fill('10');
    await dialog.getByLabel('条目标题超过此字数时报错').fill('9');
    await expect(dialog.getByRole('alert')).toHaveText('报错字数不应小于警告字数');
    await expect(dialog.getByRole('button', { name: '保存' })).toBeDisabled();
    await dialog.getByLabel('条目标题超过此字数时报错').fill('12');
    await expect(dialog.getByRole('alert')).toHaveCount(0);
    // The trial check says what the settings give before they are saved.
    await expect(dialog.locator('.hs-trial')).toContainText('按此设置：');
    await expect(dialog.locator('.hs-trial')).not.toContainText('与当前检查结果相同');
    // A stray click beside the dialog does not throw the changed settings away.
    await page.mouse.click(4, 300);
    await expect(dialog.getByLabel('条目标题超过此字数时报错')).toHaveValue('12');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toHaveCount(0);
    await expectRuleCount(page, 'ENT-TITLE-LEN', '标题字数', after);

    // Per-rule settings: switch 全角标点 off on the 检查规则 page (opened from the panel this time).
    await page.locator('.pb-actions').getByRole('button', { name: '体例设置…' }).click();
    await dialog.getByRole('tab', { name: '检查规则' }).click();
    await expect(dialog.getByLabel('条目标题超过此字数时警告')).toHaveCount(0);
    const fullwidth = dialog.locator('tr[data-rule="PUN-FULLWIDTH"]');
    await fullwidth.getByRole('checkbox').uncheck();
    await expect(fullwidth).toContainText('已调整');
    await dialog.locator('tr[data-rule="ENT-TITLE-LEN"]').getByRole('button', { name: '参数…' }).click();
    await expect(dialog.getByRole('group', { name: '“标题字数”的参数' })).toContainText('本规则的条目标题超过此字数时警告、条目标题超过此字数时报错在“体例”页设置。');
    await keepScreenshot(page, testInfo, 'house-style-rules');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expectRuleCount(page, 'PUN-FULLWIDTH', '全角标点', 0);

    // One undo (编辑 › 撤销整体修改) takes the last change back; the title lengths were an earlier change.
    await page.getByRole('menuitem', { name: '编辑' }).click();
    await page.getByRole('menuitem', { name: /撤销整体修改/ }).click();
    await expectRuleCount(page, 'PUN-FULLWIDTH', '全角标点', count('PUN-FULLWIDTH', { titleWarnLength: 10, titleErrorLength: 12 }));
    await expectRuleCount(page, 'ENT-TITLE-LEN', '标题字数', after);

    // From the command palette, back to 15/18.
    await page.keyboard.press('Control+Shift+P');
    const palette = page.getByRole('dialog', { name: '命令面板' });
    await palette.getByRole('combobox').fill('体例');
    await expect(palette.getByRole('option').first()).toContainText('体例设置');
    await page.keyboard.press('Enter');
    await dialog.getByLabel('条目标题超过此字数时警告').fill('15');
    await dialog.getByLabel('条目标题超过此字数时报错').fill('18');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expectRuleCount(page, 'ENT-TITLE-LEN', '标题字数', before);
    con.check();
  });

  test('an ignored finding stays ignored after a reload, is listed and restored; undo brings it back', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await openProblems(page);
    await ruleFilter(page).selectOption('ENT-ATTRIB');
    const item = page.locator('.pb-item[data-rule="ENT-ATTRIB"]');
    await expect(item).toHaveCount(1);
    await expect(item).toContainText('【区政府为民实事】后面没有署名行');
    await item.hover();
    await item.getByRole('button', { name: '忽略' }).click();
    await expect(item).toHaveCount(0);
    await expect(page.locator('.pb-ignored')).toHaveText('已忽略 1 处');
    await expect(page.locator('.notice').last()).toContainText('忽略 1 处“署名覆盖”');

    await page.reload();
    await page.getByRole('tab', { name: '问题' }).click();
    await expect(page.locator('.pb-panel')).toHaveAttribute('data-status', 'ready');
    await expect(ruleFilter(page).locator('option[value="ENT-ATTRIB"]')).toHaveCount(0);
    await expect(page.locator('.pb-ignored')).toHaveText('已忽略 1 处');

    // Listed in 体例设置 › 已忽略, with where it is.
    await page.locator('.pb-ignored').click();
    const dialog = page.getByRole('dialog', { name: '体例设置' });
    await expect(dialog.getByRole('tab', { name: '已忽略（1）' })).toHaveAttribute('aria-selected', 'true');
    const row = dialog.locator('.hs-ignored-item');
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('署名覆盖');
    await expect(row).toContainText('区政府办公室工作 › 【区政府为民实事】');
    await keepScreenshot(page, testInfo, 'house-style-ignored');
    await dialog.getByRole('button', { name: '取消' }).click();

    // One undo brings it back (the undo is kept across the reload).
    await page.getByRole('menuitem', { name: '编辑' }).click();
    await page.getByRole('menuitem', { name: /撤销整体修改/ }).click();
    await expect(ruleFilter(page).locator('option[value="ENT-ATTRIB"]')).toHaveText('署名覆盖（1）');
    await expect(page.locator('.pb-ignored')).toHaveCount(0);

    // Ignore again, then restore it in the dialog.
    await ruleFilter(page).selectOption('ENT-ATTRIB');
    await item.hover();
    await item.getByRole('button', { name: '忽略' }).click();
    await expect(item).toHaveCount(0);
    await page.locator('.pb-ignored').click();
    await dialog.locator('.hs-ignored-item').getByRole('button', { name: '恢复' }).click();
    await expect(dialog).toContainText('没有忽略的问题');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(ruleFilter(page).locator('option[value="ENT-ATTRIB"]')).toHaveText('署名覆盖（1）');
    con.check();
  });

  test('one quick fix shows its before → after; the panel filters by category; table cells say where they are', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await openProblems(page);
    const office = book.body.flatMap((c) => c.sections).find((s) => s.title === '区政府办公室工作')!;
    const inOffice = check(book).findings.filter((f) => f.location.sectionId === office.id);
    const cellFinding = inOffice.find((f) => f.location.cell && f.fixes[0] && !f.fixes[0].requiresConfirmation)!;
    await page.locator(`.ol-row[data-id="${office.id}"]`).click();
    await expect(page.locator('.crumb.is-current')).toHaveText('区政府办公室工作');
    await page.getByRole('combobox', { name: '范围' }).selectOption('section');
    const row = page.locator(`.pb-item[data-finding="${cellFinding.id}"]`);
    await expect(row.locator('.pb-item-cell')).toHaveText(cellLabel(cellFinding.location.cell!));
    await row.getByRole('button', { name: /^修正/ }).hover();
    const peek = row.locator('.pb-peek');
    await expect(peek.locator('.fp-before')).toHaveText(cellFinding.fixes[0]!.preview.before);
    await expect(peek.locator('.fp-after')).toHaveText(cellFinding.fixes[0]!.preview.after);
    await keepScreenshot(page, testInfo, 'problems-fix-peek');
    await page.mouse.move(5, 400);
    await expect(peek).toHaveCount(0);

    // 本类目: every finding of 杭州市临安区人民政府, none of 特载.
    const category = book.body.find((c) => c.sections.some((s) => s.id === office.id))!;
    await page.getByRole('combobox', { name: '范围' }).selectOption('category');
    const inCategory = check(book).findings.filter((f) => f.location.categoryId === category.id);
    await expect(page.locator('.pb-place')).toHaveCount(new Set(inCategory.map((f) => f.location.sectionId ?? f.location.categoryId)).size);
    await expect(page.locator('.pb-totals')).toContainText(inCategory.filter((f) => f.severity === 'error').length.toLocaleString('zh-CN'));
    con.check();
  });
});
