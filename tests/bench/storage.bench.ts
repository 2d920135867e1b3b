// Storage benchmark (issue 2): a full-size book (≈ 1.2 million characters, 300 sections) opened from a book
// file into the app's IndexedDB storage, and the outline opened cold (a new browser process on the same
// profile) and warm (a reload), in Chromium against the built renderer — the same code path a user takes.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { writeBookFile, type BookFileContents } from '../../shared/bookfile';
import { generateVolume } from '../../shared/generate';
import { bookCounts } from '../../shared/model';
import { loadSampleBook } from '../../shared/sample';
import { summarize, type Bench, type BenchRow } from './harness';

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'];

/** The full-size volume from the generator (shared/generate), built from the sample book's real material. */
function fullSizeBook(): { contents: BookFileContents; source: string } {
  const contents = generateVolume(loadSampleBook(), { seed: 1 });
  return { contents, source: 'generateVolume(loadSampleBook(), { seed: 1 }) — the full-size volume of shared/generate' };
}

async function marks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
}

async function waitOutline(page: Page, sections: number): Promise<void> {
  await page.waitForFunction((n) => document.querySelectorAll('[data-kind="category"]').length >= n, sections, { timeout: 120_000 });
}

const bench: Bench = async (ctx) => {
  const executablePath = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
  // A build of its own (dist-* is ignored by git and lint), so a running e2e server is not disturbed.
  const outDir = path.join(ctx.root, 'dist-bench/renderer');
  ctx.log('building the renderer …');
  await build({ configFile: path.join(ctx.root, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, sourcemap: false } });
  const server = await preview({ configFile: path.join(ctx.root, 'vite.config.ts'), logLevel: 'warn', build: { outDir }, preview: { port: 0, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('preview server has no URL');

  const { contents, source } = fullSizeBook();
  const counts = bookCounts(contents.book);
  const bytes = writeBookFile(contents);
  const file = path.join(ctx.scratchDir, 'full-size.yearbook');
  writeFileSync(file, bytes);
  ctx.log(`book: ${counts.sections} sections, ${counts.entries} entries, ${counts.characters} characters, ${(bytes.length / 2 ** 20).toFixed(1)} MB file`);

  const profile = path.join(ctx.scratchDir, 'profile');
  rmSync(profile, { recursive: true, force: true });
  mkdirSync(profile, { recursive: true });
  const launch = (): Promise<BrowserContext> => chromium.launchPersistentContext(profile, { executablePath, args: ARGS, viewport: { width: 1440, height: 900 } });

  const rows: BenchRow[] = [];
  try {
    // 1. Open the book file: parse and validate, write to IndexedDB, show the outline.
    let context = await launch();
    let page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.waitForSelector('.menubar');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('menuitem', { name: '文件' }).click();
    await page.getByRole('menuitem', { name: '打开书稿文件…' }).click();
    await (await chooser).setFiles(file);
    await page.waitForFunction(() => performance.getEntriesByName('yb:open-file:done').length > 0, undefined, { timeout: 300_000 });
    await waitOutline(page, counts.categories);
    const m = await marks(page);
    const nodeRows = await page.evaluate(() => document.querySelectorAll('[data-kind]').length);
    const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
    rows.push(
      { metric: 'open full-size book file: total (parse, store, outline)', value: m['yb:open-file:done']! - m['yb:open-file']!, unit: 'ms' },
      { metric: '… parse and validate the book file', value: m['yb:open-file:parsed']! - m['yb:open-file']!, unit: 'ms' },
      { metric: '… write to IndexedDB (one transaction)', value: m['yb:open-file:stored']! - m['yb:open-file:parsed']!, unit: 'ms' },
      { metric: 'storage used after loading', value: usage / 2 ** 20, unit: 'MB' },
    );
    await context.close();

    // 2. Outline cold: a new browser process on the same profile, from navigation to the outline on screen.
    const cold: number[] = [];
    const coldRead: number[] = [];
    for (let i = 0; i < 3; i++) {
      context = await launch();
      page = context.pages()[0] ?? (await context.newPage());
      await page.goto(url);
      await page.waitForFunction(() => performance.getEntriesByName('yb:outline-shown').length > 0, undefined, { timeout: 120_000 });
      const mk = await marks(page);
      cold.push(mk['yb:outline-shown']!);
      coldRead.push(mk['yb:outline-read']! - mk['yb:start']!);
      await context.close();
    }
    // 3. Outline warm: reloads in the running browser.
    context = await launch();
    page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('yb:outline-shown').length > 0);
    const warm: number[] = [];
    const warmRead: number[] = [];
    for (let i = 0; i < 7; i++) {
      await page.reload();
      await page.waitForFunction(() => performance.getEntriesByName('yb:outline-shown').length > 0, undefined, { timeout: 120_000 });
      const mk = await marks(page);
      warm.push(mk['yb:outline-shown']!);
      warmRead.push(mk['yb:outline-read']! - mk['yb:start']!);
    }
    await context.close();
    const c = summarize(cold);
    const w = summarize(warm);
    rows.push(
      { metric: 'outline cold (new browser process): navigation → outline shown, median of 3', value: c.median, unit: 'ms' },
      { metric: '… of which opening the database and reading the outline rows', value: summarize(coldRead).median, unit: 'ms' },
      { metric: 'outline warm (reload): navigation → outline shown, median of 7', value: w.median, unit: 'ms' },
      { metric: 'outline warm, p95', value: w.p95, unit: 'ms' },
      { metric: '… of which opening the database and reading the outline rows', value: summarize(warmRead).median, unit: 'ms' },
      { metric: 'outline rows in storage (categories, sections, entries)', value: counts.categories + counts.sections + counts.entries, unit: 'count' },
    );
    ctx.log(`outline rows drawn after loading: ${nodeRows}`);
  } finally {
    await server.close();
  }
  return {
    title: 'Storage: loading the full-size book and opening the outline (issue 2)',
    rows,
    notes: [
      `Data: ${source} — ${counts.categories} categories, ${counts.sections} sections, ${counts.entries} entries, ` +
        `${counts.characters.toLocaleString('en-US')} characters, ${counts.tables} tables, ${counts.figures} figures; book file ${(bytes.length / 2 ** 20).toFixed(1)} MB.`,
      'Method: the built renderer (vite build, served by vite preview) in Debian’s Chromium driven by Playwright. The book file is opened ' +
        'through the app’s own 文件 › 打开书稿文件 path; figures come from performance marks the app sets (yb:open-file, yb:open-file:parsed, ' +
        'yb:open-file:stored, yb:outline-read, yb:outline-shown). Cold = a new browser process on the same profile; warm = page reloads.',
      'The outline rows hold no bodies (titles, order, status, counts), so the outline reads ≈ 2,000 light rows; section bodies are read one at a time when opened.',
    ],
  };
};

export default bench;
