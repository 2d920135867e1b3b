// Printer over Electron's webContents.printToPDF — the desktop build's engine (the same Chromium print code the
// Playwright printer drives). This module does not import electron (electron/node stays testable in plain
// Node): the main process passes a factory of hidden windows, e.g.
//   createElectronPrinter({ createWindow: () => new BrowserWindow({ show: false, webPreferences: { offscreen: true } }), resources })
import type { PrintJob, PrintOutput } from '../../../shared/export/pipeline';
import type { Overflow } from '../../../shared/export/preflight';
import { UserError } from '../../../shared/model/errors';
import { PRINT_URL_PREFIX } from './fonts';
import { startResourceServer } from './playwrightPrinter';
import { INSPECT_SCRIPT, type Printer } from './printer';
import type { ResourceResolver } from './resources';

/** The part of Electron's BrowserWindow the printer uses. */
export interface PrintWindow {
  loadURL(url: string): Promise<void>;
  webContents: {
    printToPDF(options: {
      preferCSSPageSize: boolean;
      printBackground: boolean;
      generateDocumentOutline: boolean;
      generateTaggedPDF: boolean;
    }): Promise<Uint8Array>;
    executeJavaScript(code: string): Promise<unknown>;
  };
  setContentSize?(width: number, height: number): void;
  destroy(): void;
  isDestroyed(): boolean;
}

export interface ElectronPrinterOptions {
  createWindow: () => PrintWindow;
  resources: ResourceResolver;
  concurrency?: number;
}

export async function createElectronPrinter(opts: ElectronPrinterOptions): Promise<Printer> {
  const documents = new Map<string, string>();
  const server = await startResourceServer(opts.resources, documents);
  const idle: PrintWindow[] = [];
  const all = new Set<PrintWindow>();
  let seq = 0;
  const print = async (job: PrintJob): Promise<PrintOutput> => {
    if (job.signal?.aborted) throw new UserError('export.cancelled');
    const id = `${++seq}.html`;
    documents.set(id, job.html);
    const win = idle.pop() ?? opts.createWindow();
    all.add(win);
    let broken = false;
    const onAbort = () => {
      broken = true;
      if (!win.isDestroyed()) win.destroy();
    };
    job.signal?.addEventListener?.('abort', onAbort);
    try {
      win.setContentSize?.(Math.round((job.pageWidthMm * 96) / 25.4), 1200);
      await win.loadURL(`${server.origin}${PRINT_URL_PREFIX}doc/${id}`);
      await win.webContents.executeJavaScript('document.fonts.ready.then(() => true)');
      const overflows = job.inspect ? ((await win.webContents.executeJavaScript(INSPECT_SCRIPT)) as Overflow[]) : [];
      const pdf = await win.webContents.printToPDF({ preferCSSPageSize: true, printBackground: true, generateDocumentOutline: false, generateTaggedPDF: false });
      return { pdf: new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength), overflows };
    } catch (e) {
      broken = true;
      if (job.signal?.aborted) throw new UserError('export.cancelled');
      throw e;
    } finally {
      job.signal?.removeEventListener?.('abort', onAbort);
      documents.delete(id);
      if (broken) {
        all.delete(win);
        if (!win.isDestroyed()) win.destroy();
      } else idle.push(win);
    }
  };
  return {
    print,
    concurrency: opts.concurrency ?? 2,
    fontCssHref: `${PRINT_URL_PREFIX}fonts.css`,
    async close() {
      for (const w of all) if (!w.isDestroyed()) w.destroy();
      all.clear();
      idle.length = 0;
      await server.close();
    },
  };
}
