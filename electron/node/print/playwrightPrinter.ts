// Printer over Playwright + the system Chromium: the same print engine Electron ships, used by the CLI, the
// tests, the benchmark and the web-mode print service.
//
// Documents, fonts and images are served by a private HTTP server on 127.0.0.1 with cache headers, and each
// worker keeps its page between jobs: the fonts (several MB of woff2) are then fetched and decoded once per
// worker instead of once per document (measured: ≈ 0.5 s saved per part). Jobs on different workers run in
// separate renderer processes, hence on separate cores.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { UserError } from '../../../shared/model/errors';
import { FONT_LOAD_SCRIPT } from '../../../shared/export/fontLoad';
import type { MeasureJob, PrintJob, PrintOutput } from '../../../shared/export/pipeline';
import type { Overflow } from '../../../shared/export/preflight';
import { PRINT_URL_PREFIX } from './fonts';
import { INSPECT_SCRIPT, type Printer } from './printer';
import type { ResourceResolver } from './resources';

export function findChromium(): string | null {
  const env = process.env.YEARBOOK_CHROMIUM;
  if (env && existsSync(env)) return env;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']) {
    try {
      const p = execFileSync('which', [name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
      if (p) return p;
    } catch {
      // not on PATH
    }
  }
  return null;
}

export interface PlaywrightPrinterOptions {
  resources: ResourceResolver;
  executablePath?: string;
  /** Jobs at once (default: 2, or 1 on a single core). */
  concurrency?: number;
}

/** A local server answering the print documents and their resources; only this process knows the documents. */
export async function startResourceServer(resources: ResourceResolver, documents: Map<string, string>): Promise<{ origin: string; close(): Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rel = url.pathname.startsWith(PRINT_URL_PREFIX) ? decodeURIComponent(url.pathname.slice(PRINT_URL_PREFIX.length)) : '';
    if (rel.startsWith('doc/')) {
      const html = documents.get(rel.slice(4));
      if (html !== undefined) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        res.end(html);
        return;
      }
    } else if (rel) {
      const r = resources(rel);
      if (r) {
        res.writeHead(200, { 'content-type': r.contentType, 'cache-control': 'public, max-age=31536000, immutable' });
        res.end(Buffer.from(r.body.buffer, r.body.byteOffset, r.body.byteLength));
        return;
      }
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export async function launchPlaywrightPrinter(opts: PlaywrightPrinterOptions): Promise<Printer> {
  const executablePath = opts.executablePath ?? findChromium();
  if (!executablePath) throw new UserError('export.chromiumMissing');
  const documents = new Map<string, string>();
  const server = await startResourceServer(opts.resources, documents);
  let browser: Browser;
  let context: BrowserContext;
  try {
    browser = await chromium.launch({
      executablePath,
      args: ['--no-sandbox', '--disable-gpu', '--font-render-hinting=none', '--disable-dev-shm-usage'],
      timeout: 60_000,
    });
    context = await browser.newContext({ deviceScaleFactor: 1 });
  } catch (e) {
    await server.close();
    throw new UserError('export.chromiumMissing', {}, e instanceof Error ? e.message : String(e));
  }
  const concurrency = opts.concurrency ?? Math.max(1, Math.min(2, os.cpus().length));
  const idle: Page[] = [];
  let seq = 0;

  /** Runs fn with a worker page (an idle one, or a new one), closing it when cancelled or broken. */
  const withPage = async <T>(signal: PrintJob['signal'], fn: (page: Page) => Promise<T>): Promise<T> => {
    if (signal?.aborted) throw new UserError('export.cancelled');
    const page = idle.pop() ?? (await context.newPage());
    let broken = false;
    const onAbort = () => {
      broken = true;
      void page.close().catch(() => undefined);
    };
    signal?.addEventListener?.('abort', onAbort);
    try {
      return await fn(page);
    } catch (e) {
      broken = true;
      if (signal?.aborted) throw new UserError('export.cancelled');
      throw e;
    } finally {
      signal?.removeEventListener?.('abort', onAbort);
      if (broken || page.isClosed()) await page.close().catch(() => undefined);
      else idle.push(page);
    }
  };
  const open = async (page: Page, html: string, widthMm: number) => {
    const id = `${++seq}.html`;
    documents.set(id, html);
    try {
      // Screen layout at the page width, so that measuring sees the printed column widths.
      await page.setViewportSize({ width: Math.round((widthMm * 96) / 25.4), height: 1200 });
      await page.goto(`${server.origin}${PRINT_URL_PREFIX}doc/${id}`, { waitUntil: 'load', timeout: 120_000 });
    } finally {
      documents.delete(id);
    }
  };

  const print = (job: PrintJob): Promise<PrintOutput> =>
    withPage(job.signal, async (page) => {
      await open(page, job.html, job.pageWidthMm);
      // The document is hidden on screen: load the faces its text needs before printing (fontLoad.ts).
      await page.evaluate(FONT_LOAD_SCRIPT);
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: false, tagged: false });
      return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength) };
    });

  const measure = (job: MeasureJob): Promise<Overflow[]> =>
    withPage(job.signal, async (page) => {
      await open(page, job.html, job.pageWidthMm);
      await page.evaluate('document.fonts.ready.then(() => true)');
      return (await page.evaluate(INSPECT_SCRIPT)) as Overflow[];
    });
  return {
    print,
    measure,
    concurrency,
    fontCssHref: `${PRINT_URL_PREFIX}fonts.css`,
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await server.close();
    },
  };
}
