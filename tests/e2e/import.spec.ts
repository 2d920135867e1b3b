// The import review (文件 › 导入稿件…): real corpus seeds and a Word draft go through the recogniser in the
// import worker; the screen's counts are checked against the seeds' gold structure, a doubt is corrected,
// the drafts are placed and accepted in one book change that survives a reload and that one undo takes back.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
    // The book has content and records 2021; the draft says 2017: the book's year is kept, and the review says so.
    const year = review.getByRole('textbox', { name: '记述年度' });
    await expect(year).toHaveValue('2021');
    await expect(review.locator('.imp-year')).toHaveAttribute('data-reason', 'kept');
    await expect(review.locator('.imp-year-why')).toHaveText('稿件记述 2017 年（据条目开头的年份，见“下城区人民政府.txt”），本书记述 2021 年；沿用本书的年度，需要时可改。');

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
    await expect(page.locator('.outline-book-sub')).toHaveText('记述 2021 年');

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

  test('a new book takes the record year its drafts state (001: report dates, 004: its title); the editor can change it before accepting; one undo takes it back', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    await page.goto('/');
    await page.getByRole('menuitem', { name: '文件' }).click();
    await page.getByRole('menuitem', { name: '新建书稿…' }).click();
    const dialog = page.getByRole('dialog', { name: '新建书稿' });
    await dialog.getByLabel('年鉴名称').fill('临安年鉴');
    await dialog.getByLabel('卷次年份（封面年份）').fill('2026');
    await expect(dialog.getByLabel('记述年份')).toHaveValue('2025');
    await dialog.getByRole('button', { name: '新建' }).click();
    await expect(page.locator('.outline-book-title')).toHaveText('《临安年鉴（2026）》');

    const chooser = await openImport(page);
    await (await chooser).setFiles([
      { name: '特载.txt', mimeType: 'text/plain', buffer: seed('001_15d819c2fd779087') },
      { name: '进展情况.txt', mimeType: 'text/plain', buffer: seed('004_1acf8fc5c8f69d36') },
    ]);
    const review = page.getByRole('dialog', { name: '导入稿件' });
    await expect(review.locator('.imp-file.is-ready')).toHaveCount(2, { timeout: 30_000 });
    const year = review.getByRole('textbox', { name: '记述年度' });
    const why = review.locator('.imp-year-why');
    await expect(year).toHaveValue('2020');
    await expect(review.locator('.imp-year')).toHaveAttribute('data-reason', 'drafts');
    await expect(why).toHaveText('取自稿件：据报告日期，见“特载.txt”。接受后本书改为记述 2020 年、卷年 2021（原为 2025 年、2026）。');
    await keepScreenshot(page, testInfo, 'import-record-year');

    // The editor's own year; a wrong one is refused before anything is written.
    await year.fill('2019');
    await expect(why).toHaveText('接受后本书改为记述 2019 年、卷年 2020（原为 2025 年、2026）。');
    await year.fill('二〇二〇');
    await expect(year).toHaveAttribute('aria-invalid', 'true');
    await expect(why).toHaveText('请填写 1949—2200 之间的年份。');
    await review.getByRole('button', { name: /^接受导入/ }).click();
    await expect(review.getByRole('alert').filter({ hasText: '记述年度“二〇二〇”不是 1949—2200 之间的年份' })).toBeVisible();
    await expect(page.locator('.outline-book-sub')).toHaveText('记述 2025 年');
    await review.getByRole('button', { name: '恢复建议' }).click();
    await expect(year).toHaveValue('2020');

    await review.getByRole('button', { name: '接受导入（2 个文件）' }).click();
    await expect(review).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: '已导入 2 个文件' })).toContainText('本书记述年度改为 2020 年（卷年 2021）');
    await expect(page.locator('.outline-book-title')).toHaveText('《临安年鉴（2021）》');
    await expect(page.locator('.outline-book-sub')).toHaveText('记述 2020 年');

    // One undo takes the import and the years back.
    await page.getByRole('menuitem', { name: '编辑' }).click();
    await page.getByRole('menuitem', { name: /撤销整体修改/ }).click();
    await expect(page.locator('.outline-book-title')).toHaveText('《临安年鉴（2026）》');
    await expect(page.locator('.outline-book-sub')).toHaveText('记述 2025 年');
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
    // …and the screen says so: characters the chosen encoding could not read.
    await expect(review.locator('[data-warning="replaced"]')).toContainText(/按所选编码读取时有 \d+ 个字符无法识别/);
    await expect(select).toBeEnabled();
    await select.selectOption('gb18030');
    await expect(count(page, 'entries')).toHaveText(String(want.entries));
    await expect(review.locator('[data-warning="replaced"]')).toHaveCount(0);

    // Accepting imports the readable file only; the refused ones changed nothing.
    await review.getByRole('button', { name: '接受导入' }).click();
    await expect(review).toBeHidden();
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(8 + want.sections);
    con.check();
  });

  test('a department\'s whole folder chosen with 添加文件夹…: its drafts, sub-folders included, each its own draft', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    const dir = mkdtempSync(path.join(tmpdir(), 'yb-folder-'));
    const folder = path.join(dir, '区政府办');
    mkdirSync(path.join(folder, '2021'), { recursive: true });
    writeFileSync(path.join(folder, '下城区人民政府.txt'), seed(XIACHENG));
    writeFileSync(path.join(folder, '2021', '拱墅.txt'), seed('002_92bbe13f21c1c589'));
    writeFileSync(path.join(folder, '照片.jpg'), Buffer.from([0xff, 0xd8, 0xff, 0xe0]));
    writeFileSync(path.join(folder, '~$下城区人民政府.txt'), 'Word lock file');
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    await page.getByRole('menuitem', { name: '文件' }).click();
    await page.getByRole('menuitem', { name: '从剪贴板导入' }).click();
    const review = page.getByRole('dialog', { name: '导入稿件' });
    const chooser = page.waitForEvent('filechooser');
    await review.getByRole('button', { name: '添加文件夹…' }).first().click();
    await (await chooser).setFiles(folder);
    await expect(review.locator('.imp-file.is-ready')).toHaveCount(2, { timeout: 30_000 });
    await expect(review.locator('.imp-file-name')).toHaveText(['拱墅.txt', '下城区人民政府.txt']);
    await expect(review.locator('.imp-file').first()).toContainText('区政府办/2021');
    await keepScreenshot(page, testInfo, 'import-folder');
    rmSync(dir, { recursive: true, force: true });
    con.check();
  });

  test('a Word page pasted into the review is sanitised, recognised (a report and a chapter with 续表) and placed by what was recognised', async ({ page }, testInfo) => {
    const con = watchConsole(page);
    // Requests the page makes: a remote picture in the paste must never be fetched.
    const remote: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('http://127.0.0.1')) remote.push(r.url());
    });
    await page.goto('/');
    await openBookFile(page, '拱墅年鉴（2022）.yearbook', seedBookFile());
    const tree = page.getByRole('tree', { name: '大纲' });
    await expect(tree.locator('[data-kind="section"]')).toHaveCount(8);

    // 文件 › 从剪贴板导入 opens the review; this browser may not read the clipboard, so the screen asks for Ctrl+V.
    await page.getByRole('menuitem', { name: '文件' }).click();
    await page.getByRole('menuitem', { name: '从剪贴板导入' }).click();
    const review = page.getByRole('dialog', { name: '导入稿件' });
    await expect(review).toBeVisible();
    await expect(review.getByRole('button', { name: '粘贴稿件' }).first()).toBeVisible();

    // Ctrl+V in the review: the paste event the browser sends, with what Word puts on the clipboard.
    await page.evaluate((html) => {
      const dt = new DataTransfer();
      dt.setData('text/html', html);
      dt.setData('text/plain', '政府工作报告');
      document.querySelector('.imp-screen')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    }, WORD_PAGE);
    await expect(page.getByRole('status').filter({ hasText: '不安全的内容' })).toContainText('已清除粘贴内容中 6 处');
    await expect(review.locator('.imp-file.is-ready')).toHaveCount(1, { timeout: 30_000 });
    await expect(review.locator('.imp-file-name')).toHaveText('粘贴内容');
    await expect(review.locator('.imp-chip').first()).toHaveText('粘贴');
    // What was recognised: a report with its headings, and the chapter with one table (its 续表 merged), a photo, an author.
    await expect(count(page, 'sections')).toHaveText('2');
    await expect(count(page, 'entries')).toHaveText('2');
    await expect(count(page, 'headings')).toHaveText('2');
    await expect(count(page, 'tables')).toHaveText('1');
    await expect(count(page, 'figures')).toHaveText('1');
    await expect(count(page, 'attributions')).toHaveText('1');
    await expect(review.locator('.imp-node.is-section .imp-node-title')).toHaveText(['政府工作报告', '民政']);
    await expect(review.locator('.imp-line', { hasText: '续表6' })).toHaveAttribute('data-role', 'table-continuation');
    await expect(review.locator('.imp-line[data-role="table-row"]').last()).toContainText('特困 ⇥ 300');
    // The source as received shows no trace of the script or the remote address.
    await expect(review.locator('.imp-source')).not.toContainText('alert');
    // Placed by what was recognised: the report into 特载, the chapter into a category of its own.
    const place = review.getByRole('region', { name: '放到书稿中的位置' });
    await expect(place.getByRole('radio', { name: '按识别结果放置' })).toBeChecked();
    await expect(place).toContainText('1 篇特载');
    await keepScreenshot(page, testInfo, 'import-pasted');
    await review.getByRole('button', { name: '接受导入' }).click();
    await expect(review).toBeHidden();
    await expect(tree.locator('[data-kind="category"]').first()).toContainText('特载');
    await expect(tree.getByRole('treeitem', { name: /^政府工作报告/ })).toHaveCount(1);
    await expect(tree.getByRole('treeitem', { name: /^杭州市临安区人民政府/ })).toHaveCount(1);

    // Nothing unsafe reached the book: every stored section, read straight from IndexedDB.
    const stored = await page.evaluate(
      () =>
        new Promise<string>((resolve, reject) => {
          const open = indexedDB.open('yearbook-workbench');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const all = open.result.transaction('sections').objectStore('sections').getAll();
            all.onsuccess = () => resolve(JSON.stringify(all.result));
            all.onerror = () => reject(all.error);
          };
        }),
    );
    expect(stored).toContain('2020年，区民政局开展社会救助工作');
    expect(stored).not.toMatch(/<script|alert\(|onclick|onerror|tracker\.example|evil\.example|javascript:|font-family|MsoNormal/);
    expect(remote).toEqual([]);
    con.check();
  });
});

/** A page as Word (or WPS) puts it on the clipboard: a report, then a chapter with a photo, a table and its 续表. */
const WORD_PAGE = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta charset="utf-8"><style>p.MsoNormal{font-family:宋体}</style></head>
<body lang=ZH-CN><script>document.title = 'hacked'</script>
<p class=MsoTitle align=center><b>政府工作报告</b></p>
<p class=MsoNormal align=center>（2021年1月5日）</p>
<p class=MsoNormal>一、2020年工作回顾</p>
<p class=MsoNormal>过去一年，全区上下团结一心，完成了全年目标任务。</p>
<p class=MsoNormal>二、2021年工作安排</p>
<p class=MsoNormal>今年要坚持稳中求进，推动高质量发展。</p>
<p class=MsoNormal>People’s Government of Lin’an District</p>
<p class=MsoNormal>杭州市临安区人民政府</p>
<h2 style="font-family:黑体">民政</h2>
<p class=MsoNormal onclick="alert('x')"><b><span style="font-size:12pt">【概况】</span></b>2020年，区民政局开展社会救助工作，全年发放救助资金1.2亿元。</p>
<p class=MsoNormal><img width=200 src="https://tracker.example.com/photo.jpg" onerror="alert(1)"></p>
<p class=MsoCaption>图78 2020年5月，社会救助工作会议召开（区民政局提供）</p>
<p class=MsoNormal>【社会救助】2020年，全区低保对象如下(见表6)。</p>
<p class=MsoNormal>名单见<a href="javascript:alert(1)">附件</a>。</p>
<p class=MsoNormal>表6</p>
<p class=MsoNormal>2020年社会救助情况</p>
<table class=MsoTableGrid border=1><tr><td style="background:yellow">项目</td><td>人数</td></tr><tr><td>低保</td><td>1200</td></tr></table>
<p class=MsoNormal>续表6</p>
<table class=MsoTableGrid border=1><tr><td>项目</td><td>人数</td></tr><tr><td>特困</td><td>300</td></tr></table>
<p class=MsoNormal>（陈康）</p>
<iframe src="https://evil.example.com/"></iframe>
</body></html>`;
