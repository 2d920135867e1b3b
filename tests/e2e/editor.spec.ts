// The section editor alone, in Chromium, on real corpus text: the page hosting it is the editor bench page
// (tests/bench/editor-page), built once with Vite in production mode. What the editor emits is checked as
// the book model (window.yb.last), the way the app stores it.
import { expect, test, type Page } from '@playwright/test';
import path from 'node:path';
import { BookSchema, BOOK_SCHEMA_VERSION, findInSection, moveEntry, SectionSchema, sectionEntries, type Block, type Entry, type Section } from '../../shared/model';
import { buildEditorPage, serveDir, type EditorPageServer } from '../bench/editorPage';
import { corpusSections, richCorpusSection } from '../unit/renderer/editor/corpusSections';
import { keepScreenshot, watchConsole } from './support';

const root = path.resolve(import.meta.dirname, '../..');
let server: EditorPageServer;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const out = path.join(root, 'test-results/editor-page');
  await buildEditorPage(root, out);
  server = await serveDir(out);
});
test.afterAll(async () => {
  await server?.close();
});

async function mount(page: Page, section: Section, opts: Record<string, unknown> = {}): Promise<void> {
  await page.goto(server.url);
  await page.evaluate(([s, o]) => window.yb.mountSection(s as never, o as never), [section, opts] as const);
  await expect(page.locator('.yb-content')).toBeVisible();
}

/** Two animation frames: the editor has handled what was typed and drawn it. */
async function frame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

/** The section the editor emitted last, once it stopped emitting (a busy machine may lag). */
async function last(page: Page): Promise<Section> {
  let prev = -1;
  await expect
    .poll(
      async () => {
        await frame(page);
        const n = await page.evaluate(() => window.yb.changes);
        const stable = n > 0 && n === prev;
        prev = n;
        return stable;
      },
      { intervals: [50, 100, 100, 200] },
    )
    .toBe(true);
  const s = (await page.evaluate(() => window.yb.last)) as Section;
  return SectionSchema.parse(s);
}

/** Puts the caret into the first block containing the text, `fromEnd` characters before its end. */
async function caretAtEnd(page: Page, selector: string, text: string, fromEnd = 0): Promise<void> {
  const block = page.locator(selector, { hasText: text }).first();
  await block.click();
  await block.evaluate((el, back) => {
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const texts: Text[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
    const lastText = texts[texts.length - 1]!;
    const offset = Math.max(0, lastText.length - back);
    window.getSelection()!.setBaseAndExtent(lastText, offset, lastText, offset);
  }, fromEnd);
  await frame(page);
}

const shortSection = (): Section =>
  SectionSchema.parse({
    type: 'section',
    id: 's_t',
    title: '外事',
    children: [
      { type: 'entry', id: 'e_1', title: '概况', blocks: [{ type: 'paragraph', id: 'p_1', text: '2020年，临安区外事办公室开展外事服务工作。', marks: [] }] },
      {
        type: 'entry',
        id: 'e_2',
        title: '协助举办外资招商项目“云签约”',
        blocks: [
          { type: 'paragraph', id: 'p_2', text: '2020年4月，区外办协助举办外资招商项目“云签约”活动。', marks: [] },
          { type: 'paragraph', id: 'p_3', text: '疫情防控期间，区外办为外籍人士提供服务。', marks: [] },
        ],
      },
      { type: 'paragraph', id: 'p_4', text: '(张泓阳)', marks: [] },
    ],
  });

test.describe('section editor', () => {
  test('shows a yearbook page and keeps every node kind untouched until edited', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    const rich = richCorpusSection();
    await mount(page, rich, { contributors: [{ id: 'r_1', kind: 'person', name: '毛丽萍' }] });
    await expect(page.locator('.yb-entry-title').first()).toHaveText('概况');
    await expect(page.locator('.yb-subsection').first()).toHaveText('概述');
    await expect(page.locator('.yb-table-caption').first()).toContainText('表6');
    await expect(page.locator('.yb-figure-missing').first()).toContainText('图片待补');
    await expect(page.locator('.yb-attribution').first()).toContainText('毛丽萍');
    await expect(page.locator('.yb-chip-linked')).toHaveCount(1);
    await keepScreenshot(page, testInfo, 'editor-page');
    expect(await page.evaluate(() => window.yb.changes)).toBe(0);
    // One keystroke and back: the emitted section equals the canonical input.
    await caretAtEnd(page, '.yb-content > p', '2020年5月15日');
    await page.keyboard.type('x');
    await page.keyboard.press('Backspace');
    const out = await last(page);
    expect(sectionEntries(out).length).toBe(sectionEntries(rich).length);
    expect(JSON.stringify(out).length).toBeGreaterThan(JSON.stringify(rich).length * 0.99);
    con.check();
  });

  test('Enter at the end of a title moves into the body; typed Chinese lands in the entry', async ({ page }) => {
    await mount(page, shortSection());
    await caretAtEnd(page, '.yb-entry-title', '概况');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Home');
    await page.keyboard.insertText('全年');
    const s = await last(page);
    const e = sectionEntries(s)[0]!;
    expect(e.title).toBe('概况');
    expect(e.blocks[0]!.type === 'paragraph' && e.blocks[0].text).toBe('全年2020年，临安区外事办公室开展外事服务工作。');
    // Enter in the middle of a title: the rest starts the body.
    await caretAtEnd(page, '.yb-entry-title', '云签约', 5);
    await page.keyboard.press('Enter');
    const s2 = await last(page);
    const e2 = sectionEntries(s2)[1]!;
    expect(e2.title).toBe('协助举办外资招商项目');
    expect(e2.blocks[0]!.type === 'paragraph' && e2.blocks[0].text).toBe('“云签约”');
  });

  test('a paragraph becomes an entry title (split) and back (merge), by shortcut and toolbar', async ({ page }) => {
    await mount(page, shortSection());
    await page.locator('.yb-content > p', { hasText: '疫情防控期间' }).click();
    await page.keyboard.press('Control+Alt+e');
    let s = await last(page);
    expect(sectionEntries(s).map((e) => e.title)).toEqual(['概况', '协助举办外资招商项目“云签约”', '疫情防控期间，区外办为外籍人士提供服务。']);
    const newId = sectionEntries(s)[2]!.id;
    // Merge with the toolbar button: the title turns back into a paragraph of the previous entry.
    await page.locator('.yb-entry-title', { hasText: '疫情防控期间' }).click();
    await page.getByRole('button', { name: '设为正文' }).click();
    s = await last(page);
    expect(sectionEntries(s).map((e) => e.title)).toEqual(['概况', '协助举办外资招商项目“云签约”']);
    expect(sectionEntries(s)[1]!.blocks.map((b) => (b as { text: string }).text)).toEqual([
      '2020年4月，区外办协助举办外资招商项目“云签约”活动。',
      '疫情防控期间，区外办为外籍人士提供服务。',
    ]);
    expect(JSON.stringify(s)).not.toContain(newId);
    // Undo brings the split back.
    await page.keyboard.press('Control+z');
    s = await last(page);
    expect(sectionEntries(s)).toHaveLength(3);
  });

  test('tags an attribution line by shortcut, with a one-click suggestion, and links the registry', async ({ page }) => {
    await mount(page, shortSection());
    // The untagged "(张泓阳)" is underlined with a suggestion chip.
    const chip = page.locator('.yb-suggest-chip');
    await expect(chip).toHaveCount(1);
    await expect(chip).toContainText('张泓阳');
    await chip.click();
    let s = await last(page);
    const a = s.children.find((c): c is Extract<Block, { type: 'attribution' }> => c.type === 'attribution')!;
    expect(a).toMatchObject({ kind: 'author', names: ['张泓阳'], covers: ['e_1', 'e_2'], raw: '(张泓阳)' });
    // Re-tag as a unit line by shortcut with the line selected.
    await page.locator('.yb-attribution').click();
    await page.keyboard.press('Control+Alt+u');
    s = await last(page);
    expect(s.children.find((c) => c.type === 'attribution')).toMatchObject({ kind: 'unit' });
    // Add the name to the registry from its chip.
    await page.locator('.yb-chip-unlinked').click();
    await expect(page.locator('.yb-chip-linked')).toHaveCount(1);
    const contributors = await page.evaluate(() => window.yb.contributors);
    expect(contributors).toMatchObject([{ name: '张泓阳', kind: 'unit' }]);
    s = await last(page);
    expect((s.children.find((c) => c.type === 'attribution') as { contributorIds?: string[] }).contributorIds).toEqual([contributors[0]!.id]);
    // Typing a padded two-character name line and tagging it by the context menu splits the names.
    await caretAtEnd(page, '.yb-content > p', '疫情防控期间');
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('（汪 剑 朱丽娜）');
    await frame(page);
    await page.locator('.yb-content > p', { hasText: '汪 剑' }).click({ button: 'right' });
    await page.getByRole('menuitemcheckbox', { name: /标为撰稿人/ }).click();
    s = await last(page);
    const lines = sectionEntries(s)[1]!.blocks.filter((b) => b.type === 'attribution');
    expect(lines).toMatchObject([{ kind: 'author', names: ['汪剑', '朱丽娜'], raw: '（汪 剑 朱丽娜）' }]);
  });

  test('inserts and edits a table; paste from Excel keeps the cells', async ({ page }) => {
    await mount(page, shortSection());
    await caretAtEnd(page, '.yb-content > p', '开展外事服务工作');
    await page.keyboard.press('Control+Alt+b');
    const dialog = page.getByRole('dialog', { name: '插入表格' });
    await dialog.getByLabel('行数', { exact: true }).fill('3');
    await dialog.getByLabel('列数').fill('2');
    await dialog.getByLabel('表号').fill('4');
    await dialog.getByLabel('表题').fill('2020年外事接待情况');
    await dialog.getByRole('button', { name: '插入' }).click();
    await page.keyboard.insertText('项目');
    await page.keyboard.press('Tab');
    await page.keyboard.insertText('批次');
    await page.keyboard.press('Tab');
    await page.keyboard.insertText('接待');
    await page.locator('.yb-table-toolbar').getByRole('button', { name: '在下方插入行' }).click();
    let s = await last(page);
    let table = sectionEntries(s)[0]!.blocks.find((b) => b.type === 'table')!;
    expect(table).toMatchObject({ number: '4', title: '2020年外事接待情况' });
    if (table.type !== 'table') throw new Error('table');
    expect(table.headerRows.map((r) => r.cells.map((c) => c.text))).toEqual([['项目', '批次']]);
    expect(table.bodyRows.map((r) => r.cells.map((c) => c.text))).toEqual([['接待', ''], ['', ''], ['', '']]);
    await expect(page.locator('.yb-table-caption')).toHaveText(/^表4\s*2020年外事接待情况$/);

    // Paste an Excel range (HTML with a merged cell) into a new paragraph after the table.
    await caretAtEnd(page, '.yb-content > p', '云签约”活动');
    await page.keyboard.press('Enter');
    await frame(page);
    await page.evaluate(() => {
      const html =
        '<table><tr><td colspan="2">单位：人次</td></tr><tr><td>来访</td><td>120</td></tr><tr><td>出访</td><td>35</td></tr></table>';
      const dt = new DataTransfer();
      dt.setData('text/html', html);
      dt.setData('text/plain', '单位：人次\n来访\t120\n出访\t35');
      document.querySelector('.yb-content')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    s = await last(page);
    table = sectionEntries(s)[1]!.blocks.find((b) => b.type === 'table')!;
    if (table.type !== 'table') throw new Error('table');
    const rows = [...table.headerRows, ...table.bodyRows];
    expect(rows.map((r) => r.cells.map((c) => [c.text, c.colSpan]))).toEqual([
      [['单位：人次', 2]],
      [['来访', 1], ['120', 1]],
      [['出访', 1], ['35', 1]],
    ]);
  });

  test('inserts a figure and a footnote, marks an index term and adds a comment', async ({ page }) => {
    const comments: unknown[] = [];
    await page.exposeFunction('ybSaveComment', (c: unknown) => comments.push(c));
    await mount(page, shortSection(), { comments: true });
    await caretAtEnd(page, '.yb-content > p', '开展外事服务工作');
    await page.getByRole('button', { name: '插入图片…' }).click();
    const dialog = page.getByRole('dialog', { name: '插入图片' });
    await dialog.getByLabel('图号').fill('79');
    await dialog.getByLabel('图片说明').fill('2020年6月24日，区外办工作人员为外籍人士提供服务');
    await dialog.getByLabel('提供者').fill('区外办提供');
    await dialog.getByRole('button', { name: '插入' }).click();
    let s = await last(page);
    expect(sectionEntries(s)[0]!.blocks[1]).toMatchObject({
      type: 'figure',
      number: '79',
      assetId: null,
      caption: '2020年6月24日，区外办工作人员为外籍人士提供服务',
      credit: { kind: 'provided', names: ['区外办'], raw: '区外办提供' },
    });
    await expect(page.locator('.yb-figure-missing')).toContainText('图片待补');

    // Footnote at the end of the first paragraph.
    await caretAtEnd(page, '.yb-content > p', '开展外事服务工作');
    await page.keyboard.press('Control+Alt+f');
    await page.keyboard.insertText('外事办公室于2019年组建。');
    s = await last(page);
    const e1 = sectionEntries(s)[0]!;
    const note = e1.blocks.find((b) => b.type === 'footnote')!;
    expect(note).toMatchObject({ text: '外事办公室于2019年组建。' });
    const p1 = e1.blocks[0]!;
    expect(p1.type === 'paragraph' && p1.marks).toEqual([{ type: 'footnoteRef', start: 23, end: 23, footnoteId: note.id }]);
    await expect(page.locator('.yb-fn-ref')).toHaveText('1');

    // Index term on a selected word, with a sort key.
    await page.locator('.yb-content > p', { hasText: '云签约”活动' }).evaluate((el) => {
      const t = el.firstChild!.firstChild as Text;
      window.getSelection()!.setBaseAndExtent(t, 8, t, 11);
    });
    await frame(page);
    await page.keyboard.press('Control+Alt+i');
    const term = page.getByRole('dialog', { name: '标为主题词' });
    await expect(term).toContainText('区外办');
    await term.getByLabel(/排序用拼音/).fill('qu wai ban');
    await term.getByRole('button', { name: '确定' }).click();
    s = await last(page);
    const p2 = sectionEntries(s)[1]!.blocks[0]!;
    expect(p2.type === 'paragraph' && p2.marks).toEqual([{ type: 'indexTerm', start: 8, end: 11, sortKey: 'qu wai ban' }]);

    // A comment on the same words.
    await page.keyboard.press('Control+Alt+m');
    const c = page.getByRole('dialog', { name: '添加批注' });
    await c.locator('textarea').fill('请核实“区外办”的全称。');
    await c.getByRole('button', { name: '添加' }).click();
    s = await last(page);
    const p3 = sectionEntries(s)[1]!.blocks[0]!;
    expect(p3.type === 'paragraph' && p3.marks.map((m) => m.type)).toEqual(['indexTerm', 'comment']);
    expect(comments).toMatchObject([{ text: '请核实“区外办”的全称。', resolved: false }]);
    await expect(page.locator('.yb-comments')).toHaveCount(0);
    await page.locator('.yb-comment').first().click();
    await expect(page.locator('.yb-comments')).toContainText('请核实');
  });

  test('find and replace across the section is one undo step', async ({ page }) => {
    const s0 = corpusSections().find((s) => s.title === '民政')!;
    await mount(page, s0);
    await page.locator('.yb-content > p').first().click();
    await page.keyboard.press('Control+h');
    const panel = page.getByRole('complementary', { name: '查找和替换' });
    await panel.getByLabel('查找内容').fill('区民政局');
    const count = (JSON.stringify(s0).match(/区民政局/g) ?? []).length;
    await expect(panel.getByTestId('yb-find-count')).toHaveText(/\d+ 处/);
    const n = Number((await panel.getByTestId('yb-find-count').textContent())!.replace(/\D/g, ''));
    expect(n).toBeGreaterThan(10);
    expect(n).toBeLessThanOrEqual(count);
    await panel.getByLabel('替换为').fill('临安区民政局');
    // Leave the first hit out.
    await panel.getByRole('checkbox', { name: '替换此处' }).first().uncheck();
    await panel.getByRole('button', { name: /全部替换/ }).click();
    await expect(panel).toContainText(`已替换 ${n - 1} 处`);
    let s = await last(page);
    // Counted as the search sees the texts (a replaced photo credit also has its names read again).
    expect(findInSection(s, { pattern: '临安区民政局' }).length).toBe(n - 1 + findInSection(s0, { pattern: '临安区民政局' }).length);
    await page.keyboard.press('Escape');
    await page.locator('.yb-content > p').first().click();
    await page.keyboard.press('Control+z');
    s = await last(page);
    expect(JSON.stringify(s.children)).toBe(JSON.stringify(s0.children));
  });

  test('Chinese input method composition: no lost or doubled characters, no shortcuts while composing', async ({ page }) => {
    await mount(page, shortSection());
    await caretAtEnd(page, '.yb-content > p', '开展外事服务工作');
    const cdp = await page.context().newCDPSession(page);
    // Pinyin "nianjian" composed, shown, then committed as 年鉴.
    for (const partial of ['n', 'ni', 'nia', 'nian', 'nianj', 'nianjian']) {
      await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
    }
    // A shortcut pressed while composing must do nothing.
    await page.keyboard.press('Control+Alt+e');
    await cdp.send('Input.insertText', { text: '年鉴' });
    // A second composition right after, committed as 编纂.
    await cdp.send('Input.imeSetComposition', { text: 'bian', selectionStart: 4, selectionEnd: 4 });
    await cdp.send('Input.imeSetComposition', { text: '编', selectionStart: 1, selectionEnd: 1 });
    await cdp.send('Input.insertText', { text: '编纂' });
    const s = await last(page);
    const p = sectionEntries(s)[0]!.blocks[0]!;
    expect(p.type === 'paragraph' && p.text).toBe('2020年，临安区外事办公室开展外事服务工作。年鉴编纂');
    expect(sectionEntries(s).map((e: Entry) => e.title)).toEqual(['概况', '协助举办外资招商项目“云签约”']);
    // Composition inside an entry title works the same.
    await caretAtEnd(page, '.yb-entry-title', '概况');
    await cdp.send('Input.imeSetComposition', { text: 'zong', selectionStart: 4, selectionEnd: 4 });
    await cdp.send('Input.insertText', { text: '综述' });
    expect(sectionEntries(await last(page))[0]!.title).toBe('概况综述');
  });

  test('Enter and Space pressed while composing inside an entry title go to the input method, not the editor', async ({ page }) => {
    await mount(page, shortSection());
    await caretAtEnd(page, '.yb-entry-title', '概况');
    const cdp = await page.context().newCDPSession(page);
    /** A key the input method takes while it composes: keyCode 229 (Chromium reports it so), isComposing. */
    const imeKey = async (key: string, code: string) => {
      await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', key, code, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, code, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
    };
    const seen: { key: string; composing: boolean; keyCode: number }[] = [];
    await page.exposeFunction('ybSawKey', (k: { key: string; composing: boolean; keyCode: number }) => seen.push(k));
    await page.evaluate(() =>
      document.querySelector('.yb-content')!.addEventListener('keydown', (e) => {
        const k = e as KeyboardEvent;
        void (window as unknown as { ybSawKey(x: unknown): void }).ybSawKey({ key: k.key, composing: k.isComposing, keyCode: k.keyCode });
      }),
    );

    // Enter chooses the candidate (the IME commits what it shows): no new paragraph, no split title.
    for (const partial of ['z', 'zo', 'zon', 'zong']) {
      await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
    }
    await imeKey('Enter', 'Enter');
    await cdp.send('Input.insertText', { text: '综述' });
    // Space picks the first candidate: no space is typed.
    for (const partial of ['g', 'go', 'gon', 'gong', 'gongz', 'gongzuo']) {
      await cdp.send('Input.imeSetComposition', { text: partial, selectionStart: partial.length, selectionEnd: partial.length });
    }
    await imeKey(' ', 'Space');
    await cdp.send('Input.insertText', { text: '工作' });
    let s = await last(page);
    expect(sectionEntries(s).map((e: Entry) => e.title)).toEqual(['概况综述工作', '协助举办外资招商项目“云签约”']);
    const first = sectionEntries(s)[0]!;
    expect(first.blocks.map((b) => b.type === 'paragraph' && b.text)).toEqual(['2020年，临安区外事办公室开展外事服务工作。']);
    expect(seen.filter((k) => k.keyCode === 229).length).toBeGreaterThanOrEqual(2);
    // The caret is still in the title: what is typed next goes there.
    await page.keyboard.insertText('情况');
    s = await last(page);
    expect(sectionEntries(s)[0]!.title).toBe('概况综述工作情况');
    // Out of composition, Enter at the end of the title moves into the body again (the title stays whole).
    await page.keyboard.press('Enter');
    await page.keyboard.insertText('新');
    s = await last(page);
    expect(sectionEntries(s)[0]!.title).toBe('概况综述工作情况');
    expect(sectionEntries(s)[0]!.blocks.some((b) => b.type === 'paragraph' && b.text.startsWith('新'))).toBe(true);
  });

  test('an entry moved to another section by the outline leaves the open section, and undo cannot bring it back', async ({ page }) => {
    const sections = corpusSections();
    const book = BookSchema.parse({
      schemaVersion: BOOK_SCHEMA_VERSION,
      id: 'b_m',
      title: '临安年鉴',
      volumeYear: 2021,
      recordYear: 2020,
      body: [{ type: 'category', id: 'c_1', title: '区人民政府', sections }],
      createdAt: '2021-01-01T00:00:00.000Z',
      updatedAt: '2021-01-01T00:00:00.000Z',
    });
    const from = sections.find((s) => s.title === '信访工作')!;
    const moved = sectionEntries(from)[3]!;
    await mount(page, from);
    // The user types in the section, then the app moves an entry out (drag and drop in the outline).
    await caretAtEnd(page, '.yb-content > p', sectionEntries(from)[0]!.blocks[0]!.type === 'paragraph' ? (sectionEntries(from)[0]!.blocks[0] as { text: string }).text.slice(0, 8) : '');
    await page.keyboard.insertText('（编者注）');
    const typed = await last(page);
    const after = moveEntry(
      { ...book, body: [{ ...book.body[0]!, sections: book.body[0]!.sections.map((s) => (s.id === from.id ? typed : s)) }] },
      moved.id,
      { sectionId: sections.find((s) => s.title === '外事')!.id, index: 0 },
    );
    const next = after.body[0]!.sections.find((s) => s.id === from.id)!;
    await page.evaluate((s) => window.yb.setSection(s as never), next);
    await expect(page.locator('.yb-entry-title', { hasText: moved.title })).toHaveCount(0);
    await expect(page.locator('.yb-content')).toContainText('（编者注）');
    // Undo has nothing from before the move.
    await page.locator('.yb-content > p').first().click();
    await page.keyboard.press('Control+z');
    await expect(page.locator('.yb-entry-title', { hasText: moved.title })).toHaveCount(0);
    await page.keyboard.insertText('。');
    const s = await last(page);
    expect(sectionEntries(s).map((e) => e.id)).not.toContain(moved.id);
    const line = JSON.stringify(s);
    expect(line).not.toContain(moved.id);
  });
});
