// `yearbook export` end to end on a section, the press variant through Ghostscript, cancellation, and the
// web-mode print service.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../../electron/cli/main';
import type { CliIo } from '../../../../electron/cli/io';
import { exportWithChromium } from '../../../../electron/node/print/exportFile';
import { launchPlaywrightPrinter } from '../../../../electron/node/print/playwrightPrinter';
import { applyPress, findGhostscript } from '../../../../electron/node/print/press';
import type { Printer } from '../../../../electron/node/print/printer';
import { bookResources } from '../../../../electron/node/print/resources';
import { createPrintService } from '../../../../electron/node/print/service';
import { inspectPdf } from '../../../../shared/export/preflight';
import { printViaHost } from '../../../../shared/export/pipeline';
import { writeBookFile } from '../../../../shared/bookfile';
import { isUserError } from '../../../../shared/model/errors';
import { seedBook } from '../../../helpers/seedBook';
import { pdffonts, pdfinfoBoxes, pdftotextPages } from './pdfTools';

const dir = mkdtempSync(path.join(os.tmpdir(), 'yb-cli-'));
const bookFile = path.join(dir, '临安年鉴.yearbook');
let printer: Printer;

function captureIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), progress: (l, d, n) => stderr.push(`${l} ${d}/${n}`) };
}

beforeAll(async () => {
  writeFileSync(bookFile, writeBookFile({ book: seedBook(), assets: new Map() }));
  printer = await launchPlaywrightPrinter({ resources: bookResources(new Map(), new Map()) });
}, 60_000);
afterAll(async () => {
  await printer?.close();
});

describe('yearbook export', () => {
  it('exports one section with progress on stderr, the preflight summary and a JSON result on stdout', { timeout: 120_000 }, async () => {
    const out = path.join(dir, '民政.pdf');
    const io = captureIo();
    const code = await runCli(['export', bookFile, '--pdf', out, '--scope', 'section:杭州市临安区人民政府/民政', '--profile', '16开'], io);
    expect(io.stderr.join('\n')).not.toMatch(/错误/);
    expect(code).toBe(0);
    expect(existsSync(out)).toBe(true);
    const summary = JSON.parse(io.stdout.at(-1)!) as { pages: number; preflight: { ok: boolean; trimBox: { width: number } } };
    expect(summary.preflight.ok).toBe(true);
    expect(summary.preflight.trimBox.width).toBe(185);
    expect(io.stderr.some((l) => l.includes('排版正文'))).toBe(true);
    expect(io.stderr.some((l) => l.startsWith('印前检查'))).toBe(true);
    const text = pdftotextPages(out).join('');
    expect(text).toContain('社会救助');
    expect(text).not.toContain('政务信息公开'); // only the section
    const boxes = pdfinfoBoxes(out);
    expect(boxes.TrimBox![2]! - boxes.TrimBox![0]!).toBeCloseTo((185 * 72) / 25.4, 1);
    expect(summary.pages).toBe(pdftotextPages(out).length);
  });

  it('explains bad input in Chinese with exit status 2 and writes nothing', async () => {
    const out = path.join(dir, 'none.pdf');
    for (const [args, msg] of [
      [['--scope', 'section:不存在的分目'], /书稿中没有名为“不存在的分目”的分目/],
      [['--profile', 'nosuch'], /找不到版式方案“nosuch”/],
      [['--press', 'rgb'], /印前转换“rgb”无法识别/],
    ] as const) {
      const io = captureIo();
      expect(await runCli(['export', bookFile, '--pdf', out, ...args], io)).toBe(2);
      expect(io.stderr.join('\n')).toMatch(msg);
    }
    const io = captureIo();
    expect(await runCli(['export', bookFile], io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(/用法：yearbook export/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('press variant and cancellation', () => {
  it('converts to grayscale with Ghostscript keeping CID TrueType fonts and the page boxes', { timeout: 180_000 }, async () => {
    const io = captureIo();
    const out = path.join(dir, 'gray.pdf');
    const code = await runCli(['export', bookFile, '--pdf', out, '--scope', 'section:下城区人民政府/应急管理', '--press', 'gray'], io);
    expect(code, io.stderr.join('\n')).toBe(0);
    const fonts = pdffonts(out);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((f) => f.type !== 'CID TrueType' || f.emb !== 'yes')).toEqual([]);
    const facts = await inspectPdf(new Uint8Array(readFileSync(out)));
    expect(facts.pagesWithoutBoxes).toEqual([]);
    expect(facts.trimBox).toEqual({ width: 210, height: 285 });
    expect(facts.colorSpaces.filter((c) => c.includes('RGB'))).toEqual([]);
    const summary = JSON.parse(io.stdout.at(-1)!) as { preflight: { colorMode: string } };
    expect(summary.preflight.colorMode).toBe('gray');
  });

  it('says in Chinese that Ghostscript is needed when it is missing', async () => {
    const saved = process.env.PATH;
    process.env.PATH = dir; // no gs here
    try {
      await applyPress(new Uint8Array([37, 80, 68, 70]), { mode: 'cmyk' });
      expect.unreachable();
    } catch (e) {
      expect(isUserError(e) && e.key).toBe('export.ghostscriptMissing');
      expect((e as Error).message).toMatch(/未安装 Ghostscript/);
    } finally {
      process.env.PATH = saved;
    }
  });

  it('stops when cancelled and reports it', { timeout: 120_000 }, async () => {
    const ctrl = new AbortController();
    const steps: string[] = [];
    const run = exportWithChromium({
      book: seedBook(),
      assets: new Map(),
      printer,
      signal: ctrl.signal,
      onProgress: (p) => {
        steps.push(p.step);
        if (p.step === 'body' && p.done === 1) ctrl.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ key: 'export.cancelled' });
    expect(steps).not.toContain('assemble');
  });
});

describe('web-mode print service', () => {
  it('answers the probe, prints a posted document and rejects a bad request', { timeout: 60_000 }, async () => {
    const service = createPrintService({ printer: async () => printer });
    const server = http.createServer((req, res) => service.middleware(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect(await (await fetch(`${base}/__yearbook/print`)).json()).toEqual({ available: true, press: findGhostscript() !== null });
      const css = await (await fetch(`${base}/__yearbook/fonts.css`)).text();
      expect(css).toContain('font-family:"Noto Serif SC"');
      // the app's path: HostApi.printToPdf over HTTP, wrapped as the pipeline's print function
      const host = {
        printToPdf: async (req: object) => {
          const r = await fetch(`${base}/__yearbook/print`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(req) });
          expect(r.headers.get('content-type')).toBe('application/pdf');
          return new Uint8Array(await r.arrayBuffer());
        },
        cancelPrint: async () => undefined,
      };
      const { pdf } = await printViaHost(host)({
        html: '<!doctype html><html lang="zh-CN"><head><link rel="stylesheet" href="/__yearbook/fonts.css"><style>@page{size:100mm 100mm} body{font-family:"Noto Serif SC"}</style></head><body>年鉴</body></html>',
        pageWidthMm: 100,
        pageHeightMm: 100,
        label: 't',
      });
      const file = path.join(dir, 'web.pdf');
      writeFileSync(file, pdf);
      expect(pdftotextPages(file)[0]).toContain('年鉴');
      expect(execFileSync('pdffonts', [file], { encoding: 'utf8' })).toMatch(/NotoSerifSC.*CID TrueType/);
      const bad = await fetch(`${base}/__yearbook/print`, { method: 'POST', body: JSON.stringify({ html: '' }) });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { message: string }).message).toBeTruthy();
    } finally {
      server.close();
    }
  });
});
