// The import review (文件 › 导入稿件…): real corpus seeds and a Word draft go through the recogniser in the
// import worker; the screen's counts are checked against the seeds' gold structure, a doubt is corrected,
// the drafts are placed and accepted in one book change that survives a reload and that one undo takes back.
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import path from 'node:path';
import { expect, test, type FileChooser, type Page } from '@playwright/test';
import { keepScreenshot, openBookFile, seedBookFile, watchConsole } from './support';

const CORPUS = path.resolve(import.meta.dirname, '../fixtures/corpus');
const seed = (name: string) => readFileSync(path.join(CORPUS, 'seeds', `${name}.txt`));

interface GoldChapter {
  category: string;
  sections: { title: string; entries: unknown[]; subsections?: { entries: unknown[] }[]; attributions?: unknown[] }[];
  figures: unknown[];
  tables?: unknown[];
}
const gold = (name: string) => JSON.parse(readFileSync(path.join(CORPUS, 'gold', `${name}.json`), 'utf8')) as GoldChapter;

/** What a chapter seed really contains, from its hand-made gold structure. */
function goldCounts(g: GoldChapter) {
  return {
    sections: g.sections.length,
    subsections: g.sections.reduce((n, s) => n + (s.subsections?.length ?? 0), 0),
    entries: g.sections.reduce((n, s) => n + s.entries.length + (s.subsections ?? []).reduce((m, x) => m + x.entries.length, 0), 0),
    attributions: g.sections.reduce((n, s) => n + (s.attributions?.length ?? 0), 0),
    figures: g.figures.length,
    tables: g.tables?.length ?? 0,
  };
}

const XIACHENG = '003_c63c196865967faf';

async function openImport(page: Page): Promise<Promise<FileChooser>> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('menuitem', { name: '文件' }).click();
  await page.getByRole('menuitem', { name: /^导入稿件…/ }).click();
  return chooser;
}

const count = (page: Page, key: string) => page.locator(`.imp-count[data-count="${key}"] dd`);

test.describe('importing drafts in the app', () => {
  test('reviews a seed, corrects a doubt, accepts it as new sections, keeps it after a reload, and one undo takes it back', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    const tree = page.getByRole('tree', { name: '大纲' });
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(8);
    const footerBefore = await page.locator('.outline-footer').textContent();

    const chooser = await openImport(page);
    await (await chooser).setFiles({ name: '下城区人民政府.txt', mimeType: 'text/plain', buffer: seed(XIACHENG) });
    const review = page.getByRole('dialog', { name: '导入稿件' });
    await expect(review.locator('.imp-file.is-ready')).toHaveCount(1, { timeout: 30_000 });

    // The counts are what the seed really holds.
    const want = goldCounts(gold(XIACHENG));
    await expect(count(page, 'sections')).toHaveText(String(want.sections));
    await expect(count(page, 'entries')).toHaveText(String(want.entries));
    await expect(count(page, 'attributions')).toHaveText(String(want.attributions));
    await expect(count(page, 'figures')).toHaveText(String(want.figures));
    await expect(review.locator('.imp-encoding select option:checked')).toHaveText(/UTF-8/);
    // The recognised outline lists the gold's sections in order.
    await expect(review.locator('.imp-node.is-section .imp-node-title')).toHaveText(gold(XIACHENG).sections.map((s) => s.title));
    // Colour marks: entry titles, attributions and photo captions in the source.
    await expect(review.locator('.imp-line.is-entry').first()).toContainText('【');
    expect(await review.locator('.imp-line.is-attribution').count()).toBe(want.attributions);
    await expect(review.locator('.imp-line.is-healed').first()).toBeVisible();
    // The doubts are listed; one is a photo caption taken as such.
    const doubts = review.locator('.imp-doubt-link');
    const doubtCount = Number(await count(page, 'uncertain').textContent());
    expect(doubtCount).toBeGreaterThan(0);
    await expect(doubts).toHaveCount(doubtCount);
    await keepScreenshot(page, testInfo, 'import-review');

    // Correction: the caption doubt at line 97 is body text after all.
    await doubts.filter({ hasText: '第 97 行' }).click();
    const line97 = review.locator('.imp-line[data-line="97"]');
    await expect(line97).toHaveAttribute('data-role', 'caption');
    await expect(review.locator('.imp-inspector')).toContainText('第 97 行');
    await review.getByRole('button', { name: '正文（不是标题）' }).click();
    await expect(line97).toHaveAttribute('data-role', 'body');
    await expect(line97).toHaveClass(/is-overridden/);
    await expect(count(page, 'figures')).toHaveText(String(want.figures - 1));
    await expect(review.locator('.imp-chip.is-override')).toHaveText('已更正 1 处');
    await keepScreenshot(page, testInfo, 'import-corrected');

    // Place: new sections in the book's own category.
    const place = review.getByRole('region', { name: '放到书稿中的位置' });
    await place.getByRole('radio', { name: '新建分目' }).check();
    await place.getByRole('combobox').first().selectOption({ label: '杭州市拱墅区人民政府' });
    await review.getByRole('button', { name: '接受导入' }).click();
    await expect(review).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '已导入 1 个文件' })).toContainText(`${want.sections} 个分目，${want.entries} 个条目`);

    // The outline has the new sections after the old ones, and the editor shows the first one.
    const sections = tree.locator('[data-kind="section"]');
    await expect(sections).toHaveCount(8 + want.sections);
    await expect(sections.nth(8)).toContainText(gold(XIACHENG).sections[0]!.title);
    await expect(page.locator('.crumb.is-current')).toHaveText(gold(XIACHENG).sections[0]!.title);
    const firstSection = gold(XIACHENG).sections[0]!;
    await expect(page.locator('.yb-content')).toContainText((firstSection.entries[1] as { title: string }).title);
    // The corrected line went into the book as the end of a paragraph, not as a photo caption.
    await tree.getByRole('treeitem', { name: /^行政审批服务与公共资源交易管理/ }).last().click();
    await expect(page.locator('.crumb.is-current')).toHaveText('行政审批服务与公共资源交易管理');
    await expect(page.locator('.yb-content p', { hasText: '图为网格员为老年人送上老年卡' })).toHaveCount(1);
    await keepScreenshot(page, testInfo, 'import-accepted');

    // Kept across a reload.
    await page.reload();
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(8 + want.sections);

    // One undo takes the whole import back.
    await page.getByRole('menuitem', { name: '编辑' }).click();
    await page.getByRole('menuitem', { name: /撤销整体修改/ }).click();
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(8);
    await expect(page.locator('.outline-footer')).toHaveText(footerBefore!);
    con.check();
  });

  test('files dropped on the window: a GB18030 draft is detected and imported, a binary one is refused by name, the book keeps the rest', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    const tree = page.getByRole('tree', { name: '大纲' });
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(8);
    const gbk = iconv.encode(seed(XIACHENG).toString('utf8'), 'gb18030');
    const binary = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 0), Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 37) % 256))]);
    const empty = Buffer.alloc(0);
    // A real drop: DataTransfer with File objects, the events the browser sends.
    await page.evaluate(
      ([files]) => {
        const dt = new DataTransfer();
        for (const f of files) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: 'text/plain' }));
        for (const type of ['dragenter', 'dragover', 'drop']) window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
      },
      [
        [
          { name: '下城区（GBK）.txt', bytes: [...gbk] },
          { name: '照片.txt', bytes: [...binary] },
          { name: '空白.txt', bytes: [...empty] },
        ],
      ] as const,
    );
    const review = page.getByRole('dialog', { name: '导入稿件' });
    await expect(review.locator('.imp-file.is-ready')).toHaveCount(1, { timeout: 30_000 });
    await expect(review.locator('.imp-file.is-failed')).toHaveCount(2);
    await expect(review.locator('.imp-file.is-failed').filter({ hasText: '照片.txt' }).getByRole('alert')).toContainText('“照片.txt”不是文本文件');
    await expect(review.locator('.imp-file.is-failed').filter({ hasText: '空白.txt' }).getByRole('alert')).toContainText('“空白.txt”是空文件');
    await review.locator('.imp-file.is-ready').click();
    await expect(review.locator('.imp-encoding select option:checked')).toHaveText(/GB18030|GBK/);
    const want = goldCounts(gold(XIACHENG));
    await expect(count(page, 'entries')).toHaveText(String(want.entries));
    await keepScreenshot(page, testInfo, 'import-dropped');

    // Overriding the encoding re-decodes the file: read as UTF-8 the GB18030 bytes are not the same text.
    const select = review.locator('.imp-encoding select');
    await select.selectOption('utf-8');
    await expect(count(page, 'entries')).not.toHaveText(String(want.entries));
    await expect(select).toBeEnabled();
    await select.selectOption('gb18030');
    await expect(count(page, 'entries')).toHaveText(String(want.entries));

    // Accepting imports the readable file only; the refused ones changed nothing.
    await review.getByRole('button', { name: '接受导入' }).click();
    await expect(review).toBeHidden();
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(8 + want.sections);
    con.check();
  });
});
