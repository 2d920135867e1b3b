import { describe, expect, it } from 'vitest';
import { PrintJobs, pdfOptionsFor, type PdfOptions, type PrintDriver } from '../../../electron/node/printJobs';

const req = { html: '<html><body><h1>拱墅年鉴</h1></body></html>', pageWidthMm: 216, pageHeightMm: 291, outline: true, jobId: 'job-1' };

function fakeDriver(jobs: PrintJobs, opts: { onPrint?: () => void; fail?: string } = {}) {
  const state = { loaded: '', served: '' as string | undefined, options: null as PdfOptions | null, destroyed: 0 };
  let release: (() => void) | undefined;
  const driver: PrintDriver = {
    async load(url) {
      state.loaded = url;
      state.served = jobs.page(url.split('/').pop()!.replace('.html', ''));
    },
    async settle() {},
    print(options) {
      state.options = options;
      opts.onPrint?.();
      if (opts.fail) return Promise.reject(new Error(opts.fail));
      return new Promise((resolve, reject) => {
        release = () => resolve(new TextEncoder().encode('%PDF-1.4'));
        if (!opts.onPrint) release();
        // A destroyed window rejects a running printToPDF.
        driver.destroy = () => {
          state.destroyed++;
          reject(new Error('Object has been destroyed'));
        };
      });
    },
    destroy() {
      state.destroyed++;
    },
  };
  return { driver, state, release: () => release?.() };
}

describe('print jobs', () => {
  it('serves the HTML at a private app:// URL while the job runs, prints and cleans up', async () => {
    const jobs = new PrintJobs();
    const { driver, state } = fakeDriver(jobs);
    const pdf = await jobs.run(req, () => driver);
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.4');
    expect(state.loaded).toMatch(/^app:\/\/yearbook\/__print\/[0-9a-f]{32}\.html$/);
    expect(state.served).toBe(req.html);
    expect(state.options).toEqual({
      pageSize: { width: 216 / 25.4, height: 291 / 25.4 },
      preferCSSPageSize: true,
      printBackground: true,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      generateDocumentOutline: true,
      generateTaggedPDF: false,
      displayHeaderFooter: false,
    });
    expect(state.destroyed).toBeGreaterThan(0);
    expect(jobs.running).toEqual([]);
    expect(jobs.page(state.loaded.split('/').pop()!.replace('.html', ''))).toBeUndefined();
  });

  it('cancels a running job by its id', async () => {
    const jobs = new PrintJobs();
    const d = fakeDriver(jobs, { onPrint: () => setTimeout(() => expect(jobs.cancel('job-1')).toBe(true), 0) });
    await expect(jobs.run(req, () => d.driver)).rejects.toThrow('导出 PDF 已取消。');
    expect(jobs.running).toEqual([]);
    expect(jobs.cancel('job-1')).toBe(false);
  });

  it('refuses a second job with the same id and reports failures in Chinese', async () => {
    const jobs = new PrintJobs();
    const slow = fakeDriver(jobs, { onPrint: () => undefined });
    const first = jobs.run(req, () => slow.driver);
    await new Promise((r) => setTimeout(r, 0));
    await expect(jobs.run(req, () => fakeDriver(jobs).driver)).rejects.toThrow('已有编号相同的导出任务正在进行。');
    slow.release();
    await first;
    const broken = fakeDriver(jobs, { fail: 'Printing failed' });
    await expect(jobs.run({ ...req, jobId: 'job-2' }, () => broken.driver)).rejects.toThrow('生成 PDF 失败：Printing failed');
  });

  it('cancelAll stops every job', async () => {
    const jobs = new PrintJobs();
    const a = fakeDriver(jobs, { onPrint: () => undefined });
    const b = fakeDriver(jobs, { onPrint: () => undefined });
    const pa = jobs.run({ ...req, jobId: 'a' }, () => a.driver);
    const pb = jobs.run({ ...req, jobId: 'b' }, () => b.driver);
    await new Promise((r) => setTimeout(r, 0));
    expect(jobs.running.sort()).toEqual(['a', 'b']);
    jobs.cancelAll();
    await expect(pa).rejects.toThrow('已取消');
    await expect(pb).rejects.toThrow('已取消');
  });

  it('converts millimetres to inches for the page size', () => {
    const o = pdfOptionsFor({ pageWidthMm: 210, pageHeightMm: 297, outline: false });
    expect(o.pageSize.width).toBeCloseTo(8.2677, 4);
    expect(o.pageSize.height).toBeCloseTo(11.6929, 4);
    expect(o.generateDocumentOutline).toBe(false);
  });
});
