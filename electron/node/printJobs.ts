// Print-to-PDF jobs. The main process prints a complete HTML document in a hidden, sandboxed window; the
// document is served from memory at app://yearbook/__print/<token>.html (so the bundled fonts of the
// renderer build resolve on the same origin) under a script-free CSP. This module holds the job registry
// (busy check, cancellation by job id, cleanup) and the job flow over a small driver interface, so that
// everything but the Electron calls is tested in plain Node.
import { randomBytes } from 'node:crypto';
import { UserError } from '../../shared/model/errors';
import { APP_ORIGIN, PRINT_PATH_PREFIX } from './protocol';

export interface PrintRequest {
  html: string;
  pageWidthMm: number;
  pageHeightMm: number;
  outline: boolean;
  jobId: string;
}

/** Options for Electron's webContents.printToPDF (sizes in inches). */
export interface PdfOptions {
  pageSize: { width: number; height: number };
  preferCSSPageSize: boolean;
  printBackground: boolean;
  margins: { top: number; bottom: number; left: number; right: number };
  generateDocumentOutline: boolean;
  generateTaggedPDF: boolean;
  displayHeaderFooter: boolean;
}

export const MM_PER_INCH = 25.4;

export function pdfOptionsFor(req: Pick<PrintRequest, 'pageWidthMm' | 'pageHeightMm' | 'outline'>): PdfOptions {
  return {
    // The document's @page rule decides; the request's size (trim + bleed) is the fallback and must agree.
    pageSize: { width: req.pageWidthMm / MM_PER_INCH, height: req.pageHeightMm / MM_PER_INCH },
    preferCSSPageSize: true,
    printBackground: true,
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
    generateDocumentOutline: req.outline,
    generateTaggedPDF: false,
    displayHeaderFooter: false,
  };
}

/** What the main process provides for one job: a hidden window. */
export interface PrintDriver {
  load(url: string): Promise<void>;
  /** Resolves when web fonts and images have loaded (best effort). */
  settle(): Promise<void>;
  print(options: PdfOptions): Promise<Uint8Array>;
  destroy(): void;
}

interface Job {
  token: string;
  html: string;
  cancelled: boolean;
  driver?: PrintDriver;
}

export class PrintJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly byToken = new Map<string, Job>();

  /** HTML of a running job by its page token (for the protocol handler). */
  page(token: string): string | undefined {
    return this.byToken.get(token)?.html;
  }

  get running(): string[] {
    return [...this.jobs.keys()];
  }

  /** Cancels a running job; returns false when no such job runs (already finished or never started). */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    job.cancelled = true;
    job.driver?.destroy();
    return true;
  }

  /** Cancels every running job (window closed, app quitting). */
  cancelAll(): void {
    for (const id of [...this.jobs.keys()]) this.cancel(id);
  }

  /**
   * Runs one job: load the page, wait for fonts, print, always clean up. A cancelled job rejects with
   * the catalog's "cancelled" message whatever the driver reported.
   */
  async run(req: PrintRequest, createDriver: () => PrintDriver): Promise<Uint8Array> {
    if (this.jobs.has(req.jobId)) throw new UserError('shell.print.busy', {}, req.jobId);
    const job: Job = { token: randomBytes(16).toString('hex'), html: req.html, cancelled: false };
    this.jobs.set(req.jobId, job);
    this.byToken.set(job.token, job);
    const check = () => {
      if (job.cancelled) throw new UserError('shell.print.cancelled', {}, req.jobId);
    };
    try {
      job.driver = createDriver();
      await job.driver.load(`${APP_ORIGIN}${PRINT_PATH_PREFIX}${job.token}.html`);
      check();
      await job.driver.settle();
      check();
      const pdf = await job.driver.print(pdfOptionsFor(req));
      check();
      return pdf;
    } catch (e) {
      check();
      if (e instanceof UserError) throw e;
      throw new UserError('shell.print.failed', { reason: e instanceof Error ? e.message : String(e) }, String(e));
    } finally {
      this.jobs.delete(req.jobId);
      this.byToken.delete(job.token);
      job.driver?.destroy();
    }
  }
}
