// PDF export benchmark (issue 6): the full-size generated volume (≈ 600 pages) exported three ways in one run,
// each starting its own Chromium, with the browser's memory sampled while it works:
//
//   ours     exportWithChromium: the measured two-pass pipeline (parts printed two at a time, page numbers read
//            back from the PDFs, TOC, index and running heads generated, pdf-lib assembly, preflight);
//   floor    one plain Chromium print of the same content: every part's body in one print document with the
//            same CSS and fonts, printed once (no TOC, index, running heads or folios) — what any Chromium-based
//            export pays at least;
//   Paged.js the same one document with Paged.js 0.4.3's polyfill (the paged-media approach: running heads,
//            folios and cross-references computed in the page by script), waited for, then printed.
//
// Memory: the proportional set size (PSS, shared pages divided among their processes) and the plain RSS of every
// process under this Node process (Chromium's browser, renderer, GPU and utility processes), summed, sampled every
// 250 ms from /proc; the peak per variant is reported.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { generateVolume } from '../../shared/generate';
import { bookCounts } from '../../shared/model';
import { loadSampleBook } from '../../shared/sample';
import type { PrintJob } from '../../shared/export/pipeline';
import { SCREEN_HIDDEN_CSS } from '../../shared/export/document';
import { readAnchors } from '../../shared/export/pdf';
import { exportWithChromium } from '../../electron/node/print/exportFile';
import { PRINT_URL_PREFIX } from '../../electron/node/print/fonts';
import { findChromium, launchPlaywrightPrinter, startResourceServer } from '../../electron/node/print/playwrightPrinter';
import { bookResources } from '../../electron/node/print/resources';
import type { Bench, BenchRow } from './harness';

/** Sums the memory (MB) of every descendant process of this one, from /proc (Linux): RSS, and PSS (shared pages
 * divided among the processes sharing them — what the browser really adds to the machine). */
function descendantMemoryMb(): { rss: number; pss: number } {
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  const page = 4096;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(d), Number(rest[1]));
      rss.set(Number(d), Number(rest[21]) * page);
    } catch {
      // process ended meanwhile
    }
  }
  let total = 0;
  let pss = 0;
  for (const [pid, bytes] of rss) {
    let p = parent.get(pid);
    while (p !== undefined && p > 1 && p !== process.pid) p = parent.get(p);
    if (p !== process.pid) continue;
    total += bytes;
    try {
      const kb = /Pss:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1];
      pss += Number(kb ?? 0) * 1024;
    } catch {
      // ended, or not readable
    }
  }
  return { rss: total / 2 ** 20, pss: pss / 2 ** 20 };
}

class Sampler {
  peak = 0;
  peakPss = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private sample(): void {
    const m = descendantMemoryMb();
    this.peak = Math.max(this.peak, m.rss);
    this.peakPss = Math.max(this.peakPss, m.pss);
  }
  start(): void {
    this.peak = 0;
    this.peakPss = 0;
    this.timer = setInterval(() => this.sample(), 250);
  }
  /** Peak RSS and PSS in MB since start(). */
  stop(): { rss: number; pss: number } {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return { rss: Math.round(this.peak), pss: Math.round(this.peakPss) };
  }
}

function loadAverage(): string {
  return os.loadavg().map((v) => v.toFixed(2)).join(' / ');
}

/** One print document with every part's body: same head (CSS, fonts), bodies concatenated. A plain document,
 * as any Chromium-based export would print it: shown on screen (our parts hide themselves there — see
 * SCREEN_HIDDEN_CSS — and load their faces explicitly; the floor and Paged.js get neither). */
function oneDocument(jobs: string[]): string {
  const first = jobs[0]!.replace(`<style>${SCREEN_HIDDEN_CSS}</style>`, '');
  const head = first.slice(0, first.indexOf('<body>') + '<body>'.length);
  const bodies = jobs.map((h) => h.slice(h.indexOf('<body>') + '<body>'.length, h.indexOf('<nav class="anchors"')));
  return `${head}${bodies.join('')}</body></html>`;
}

const PAGED_TIMEOUT_MS = 40 * 60_000;

const bench: Bench = async (ctx) => {
  const volume = generateVolume(loadSampleBook(), { seed: 1 });
  const counts = bookCounts(volume.book);
  ctx.log(`volume: ${counts.characters} characters, ${counts.sections} sections, ${counts.figures} figures, ${volume.assets.size} image files`);
  const mimes = new Map(volume.book.assets.map((a) => [a.id, a.mime]));
  const resources = bookResources(volume.assets, mimes);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium on this machine');
  const sampler = new Sampler();
  const loadBefore = loadAverage();

  // 1. Ours. The static parts' documents are kept for the floor and Paged.js.
  const printer = await launchPlaywrightPrinter({ resources });
  const documents: { key: string; html: string }[] = [];
  const recording = {
    ...printer,
    print: (job: PrintJob) => {
      if (job.label.startsWith('body:')) documents.push({ key: job.label, html: job.html });
      return printer.print(job);
    },
  };
  sampler.start();
  let t0 = performance.now();
  const result = await exportWithChromium({ book: volume.book, assets: volume.assets, printer: recording });
  const oursMs = performance.now() - t0;
  await printer.close();
  const oursPeak = sampler.stop();
  const oursPages = result.pages.length;
  ctx.log(`ours: ${(oursMs / 1000).toFixed(1)} s, ${oursPages} pages, peak RSS ${oursPeak.rss} MB, PSS ${oursPeak.pss} MB; steps ${JSON.stringify(result.timings)}`);
  writeFileSync(path.join(ctx.scratchDir, 'ours.pdf'), result.pdf);

  // The one document, in book order of the categories (the export prints them in consecutive groups, body:1 …).
  documents.sort((a, b) => Number(a.key.slice(5)) - Number(b.key.slice(5)));
  const single = oneDocument(documents.map((d) => d.html));
  ctx.log(`one document: ${(single.length / 2 ** 20).toFixed(1)} MB of HTML from ${documents.length} parts`);

  const docs = new Map<string, string>([['book.html', single]]);
  const pagedJs = readFileSync(path.join(ctx.root, 'node_modules/pagedjs/dist/paged.polyfill.min.js'));
  const server = await startResourceServer((rel) => {
    if (rel === 'paged.polyfill.js') return { body: new Uint8Array(pagedJs), contentType: 'text/javascript' };
    return resources(rel);
  }, docs);
  const pageWidthPx = Math.round((result.preflight.mediaBox.width * 96) / 25.4);

  // 2. Floor: launch, load, print once, close.
  sampler.start();
  t0 = performance.now();
  let browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--disable-dev-shm-usage'] });
  let page = await browser.newPage({ viewport: { width: pageWidthPx, height: 1200 } });
  page.setDefaultTimeout(0);
  await page.goto(`${server.origin}${PRINT_URL_PREFIX}doc/book.html`, { waitUntil: 'load', timeout: 600_000 });
  await page.evaluate('document.fonts.ready.then(() => true)');
  const floorPdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: false, tagged: false });
  await browser.close();
  const floorMs = performance.now() - t0;
  const floorPeak = sampler.stop();
  const floorPages = (await readAnchors(new Uint8Array(floorPdf))).pageCount;
  ctx.log(`floor: ${(floorMs / 1000).toFixed(1)} s, ${floorPages} pages, peak RSS ${floorPeak.rss} MB, PSS ${floorPeak.pss} MB`);

  // 3. Paged.js 0.4.3 over the same document.
  const withPaged = single.replace('</head>', `<script>window.PagedConfig={auto:true,after:()=>{window.__pagedDone=true;}};</script><script src="${PRINT_URL_PREFIX}paged.polyfill.js"></script></head>`);
  docs.set('paged.html', withPaged);
  sampler.start();
  t0 = performance.now();
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--disable-dev-shm-usage'] });
  page = await browser.newPage({ viewport: { width: pageWidthPx, height: 1200 } });
  page.setDefaultTimeout(0);
  let pagedMs: number | null = null;
  let pagedPages = 0;
  let pagedError = '';
  try {
    await page.goto(`${server.origin}${PRINT_URL_PREFIX}doc/paged.html`, { waitUntil: 'load', timeout: PAGED_TIMEOUT_MS });
    await page.waitForFunction('window.__pagedDone === true', undefined, { timeout: PAGED_TIMEOUT_MS, polling: 1000 });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: false, tagged: false });
    pagedMs = performance.now() - t0;
    pagedPages = (await readAnchors(new Uint8Array(pdf))).pageCount;
  } catch (e) {
    pagedError = e instanceof Error ? e.message.split('\n')[0]! : String(e);
  }
  await browser.close();
  const pagedPeak = sampler.stop();
  await server.close();
  ctx.log(`paged.js: ${pagedMs === null ? `did not finish (${pagedError})` : `${(pagedMs / 1000).toFixed(1)} s, ${pagedPages} pages`}, peak RSS ${pagedPeak.rss} MB, PSS ${pagedPeak.pss} MB`);
  const loadAfter = loadAverage();

  const rows: BenchRow[] = [
    { metric: 'our export, full volume (launch to finished PDF)', value: oursMs / 1000, unit: 's' },
    { metric: 'pages in our PDF', value: oursPages, unit: 'count' },
    { metric: 'floor: one plain Chromium print of the same content', value: floorMs / 1000, unit: 's' },
    { metric: 'pages in the floor PDF (no TOC, index, blank versos)', value: floorPages, unit: 'count' },
    { metric: 'ours ÷ floor', value: oursMs / floorMs, unit: 'x', target: '≤ 1.5×', met: oursMs / floorMs <= 1.5 },
  ];
  if (pagedMs !== null) {
    rows.push(
      { metric: 'Paged.js 0.4.3 polyfill + print of the same content', value: pagedMs / 1000, unit: 's' },
      { metric: 'pages in the Paged.js PDF', value: pagedPages, unit: 'count' },
      { metric: 'Paged.js ÷ ours (speed-up)', value: pagedMs / oursMs, unit: 'x', target: '≥ 2.5×', met: pagedMs / oursMs >= 2.5 },
    );
  } else {
    rows.push({ metric: `Paged.js 0.4.3: did not finish within ${PAGED_TIMEOUT_MS / 60_000} min`, value: PAGED_TIMEOUT_MS / 1000, unit: 's', target: '≥ 2.5× slower than ours', met: PAGED_TIMEOUT_MS / oursMs >= 2.5 });
  }
  rows.push(
    { metric: 'peak browser memory (PSS, all Chromium processes), ours', value: oursPeak.pss, unit: 'MB', target: '≤ 2048 MB', met: oursPeak.pss <= 2048 },
    { metric: 'peak browser memory (RSS summed, counts shared pages per process), ours', value: oursPeak.rss, unit: 'MB' },
    { metric: 'peak browser memory (PSS), floor', value: floorPeak.pss, unit: 'MB' },
    { metric: 'peak browser memory (PSS), Paged.js', value: pagedPeak.pss, unit: 'MB' },
  );
  return {
    title: 'PDF export (issue 6)',
    rows,
    notes: [
      `Volume: the full-size generated volume (shared/generate, seed 1, with its stand-in photos): ${counts.characters.toLocaleString('en-US')} characters, ${counts.categories} categories, ${counts.sections} sections, ${counts.tables} tables, ${counts.figures} figures. Each variant launches its own Chromium (${executablePath}) and the time runs from the launch to the PDF bytes.`,
      'Ours: `exportWithChromium` — the categories printed in four documents of consecutive categories (hidden on screen, faces loaded first), two at a time, with one measuring document for overflows; page numbers of every anchor read back from the PDFs; TOC, index and one running-head/folio document generated and printed; merged with pdf-lib (TrimBox/BleedBox, bookmarks, labels); preflight read from the result. ' +
        `Step times (ms): ${Object.entries(result.timings).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
      'Floor: the same category bodies in one plain document (shown on screen, as any export prints) with the same CSS and fonts, one `page.pdf()`. Paged.js: that document with `paged.polyfill.js` 0.4.3 (it reads the same @page rules), waited for until its `after` hook ran, then `page.pdf()`.',
      `Memory is summed over every process under the benchmark's Node process, sampled every 250 ms: PSS (shared pages divided among the processes sharing them; the target is checked against it) and RSS (shared pages counted once per process, so it errs high). Machine load (1/5/15-minute averages) before: ${loadBefore}; after: ${loadAfter} — the two cores are shared with other work, so absolute times vary from run to run; the ratios were measured back to back.`,
    ],
  };
};

export default bench;
