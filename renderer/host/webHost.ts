// HostApi for web mode: the renderer in a plain browser (npm run web, the end-to-end tests, people without the
// desktop build). Files are opened with <input type=file>, saved with the File System Access API where the
// browser has it (else as a download), backups live in IndexedDB, menu commands come from the app's own menu
// bar, and PDF printing goes to the local print service of the web server when it runs one.
import type {
  AppInfo,
  BackupInfo,
  BackupRequest,
  ClipboardContent,
  FileFilter,
  HostApi,
  HostFile,
  LogLevel,
  MenuCommand,
  OpenFilesRequest,
  PressPdfRequest,
  PrintToPdfRequest,
  SaveFileRequest,
  SaveResult,
} from '../../shared/host';
import { t } from '../../shared/i18n';
import { BackupDb, BackupStore } from './backupStore';
import { matchesExtensions, readBrowserFile } from './browserFiles';
import { FOLDER_DEPTH, isHiddenName, MAX_FOLDER_FILES } from '../../shared/import/files';
import { formatSize } from '../../shared/import/encoding';
import { UserError } from '../../shared/model/errors';

/**
 * The web-mode print service (registered in vite.config.ts by the PDF export):
 *   GET  /__yearbook/print  → 200 application/json { "available": true }   (anything else: not available)
 *   POST /__yearbook/print  ← application/json PrintToPdfRequest  → 200 application/pdf (the bytes)
 *                             errors: 4xx/5xx with application/json { "message": "…" }
 *   POST /__yearbook/press?mode=gray|cmyk&pdfx=0|1&title=…  ← application/pdf  → 200 application/pdf (press variant)
 *                             (offered when the GET answer says { "press": true }: Ghostscript is installed)
 * Cancelling a job aborts its request; the service stops the job when the client goes away.
 */
export const PRESS_SERVICE_PATH = '/__yearbook/press';
export const PRINT_SERVICE_PATH = '/__yearbook/print';

declare const __APP_VERSION__: string | undefined;

interface FileSystemWritableLike {
  write(data: Blob | BufferSource): Promise<void>;
  close(): Promise<void>;
}
interface FileHandleLike {
  name: string;
  createWritable(): Promise<FileSystemWritableLike>;
}
interface SavePickerWindow {
  showSaveFilePicker?: (opts: {
    suggestedName?: string;
    types?: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<FileHandleLike>;
}

export interface WebHostOptions {
  window?: Window;
  backups?: BackupStore;
  fetch?: typeof fetch;
}

const MIME_BY_EXT: Record<string, string> = {
  yearbook: 'application/vnd.yearbook-workbench+zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
  txt: 'text/plain',
  json: 'application/json',
};

function acceptOf(filters: readonly FileFilter[]): string {
  return filters
    .flatMap((f) => f.extensions)
    .filter((e) => e !== '*')
    .map((e) => `.${e}`)
    .join(',');
}

export class WebHost implements HostApi {
  readonly shell = 'web' as const;
  private readonly win: Window;
  private readonly backups: BackupStore;
  private readonly doFetch: typeof fetch;
  private readonly menuHandlers = new Set<(c: MenuCommand) => void>();
  private readonly jobs = new Map<string, AbortController>();
  private readonly handles = new Map<string, FileHandleLike>();
  private printAvailable: Promise<boolean> | null = null;
  private pressAvailable = false;

  constructor(opts: WebHostOptions = {}) {
    this.win = opts.window ?? window;
    this.backups = opts.backups ?? new BackupStore(new BackupDb());
    this.doFetch = opts.fetch ?? ((...args) => this.win.fetch(...args));
  }

  async appInfo(): Promise<AppInfo> {
    const nav = this.win.navigator as Navigator & { userAgentData?: { platform?: string } };
    return {
      name: t('app.name'),
      version: typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : '0.0.0',
      shell: 'web',
      os: nav.userAgentData?.platform || nav.platform || 'unknown',
      canPrintPdf: await this.probePrintService(),
      canPressPdf: this.pressAvailable,
    };
  }

  /** Asks the web server once whether it runs the print service. */
  private probePrintService(): Promise<boolean> {
    this.printAvailable ??= (async () => {
      try {
        const r = await this.doFetch(PRINT_SERVICE_PATH, { method: 'GET', headers: { Accept: 'application/json' } });
        if (!r.ok || !(r.headers.get('content-type') ?? '').includes('application/json')) return false;
        const body = (await r.json()) as { available?: unknown; press?: unknown };
        this.pressAvailable = body.available === true && body.press === true;
        return body.available === true;
      } catch {
        return false;
      }
    })();
    return this.printAvailable;
  }

  openFiles(req: OpenFilesRequest): Promise<HostFile[]> {
    const doc = this.win.document;
    return new Promise((resolve, reject) => {
      const input = doc.createElement('input');
      input.type = 'file';
      input.accept = acceptOf(req.filters ?? []);
      input.multiple = req.multiple ?? false;
      input.style.display = 'none';
      input.dataset.yearbookOpen = 'true';
      const done = () => input.remove();
      input.addEventListener('cancel', () => {
        done();
        resolve([]);
      });
      // A folder: the browser gives every file in it (sub-folders included) with its relative path.
      if (req.folders) input.webkitdirectory = true;
      input.addEventListener('change', () => {
        const exts = (req.filters ?? []).flatMap((f) => f.extensions);
        const all = [...(input.files ?? [])];
        // A folder's files as the desktop shell gives them: not hidden, FOLDER_DEPTH deep, in path order, at most
        // MAX_FOLDER_FILES (the folder's entry says when it held more).
        const inFolder = (f: File) => {
          const parts = f.webkitRelativePath.split('/');
          return !parts.some(isHiddenName) && parts.length - 1 <= FOLDER_DEPTH;
        };
        let files = all.filter((f) => !req.folders || (inFolder(f) && matchesExtensions(f.name, exts)));
        if (req.folders) files.sort((a, b) => a.webkitRelativePath.localeCompare(b.webkitRelativePath, 'zh-Hans-CN'));
        const truncated = !!req.folders && files.length > MAX_FOLDER_FILES;
        if (truncated) files = files.slice(0, MAX_FOLDER_FILES);
        done();
        const folderName = (all[0]?.webkitRelativePath ?? '').split('/')[0] ?? '';
        if (req.folders && all.length && !files.length && req.perFileErrors) {
          resolve([{ name: folderName, bytes: new Uint8Array(), error: { reason: 'empty-folder' } }]);
          return;
        }
        const limits = { maxBytes: req.maxBytes, maxBytesByExtension: req.maxBytesByExtension };
        void (async () => {
          const out: HostFile[] = truncated && req.perFileErrors ? [{ name: folderName, bytes: new Uint8Array(), error: { reason: 'folder-truncated', limit: MAX_FOLDER_FILES } }] : [];
          // One at a time, each checked by size before it is read.
          for (const f of files) {
            const h = await readBrowserFile(f, limits, f.webkitRelativePath || undefined);
            // Without per-file errors the first bad file fails the call, as in the desktop shell.
            if (h.error?.reason === 'too-large' && !req.perFileErrors) throw new UserError('shell.file.tooLarge', { file: f.name, size: formatSize(f.size) });
            if (h.error?.reason === 'unreadable' && !req.perFileErrors) throw new UserError('shell.file.readFailed', { file: f.name, reason: h.error.message });
            out.push(h);
          }
          return out;
        })().then(resolve, reject);
      });
      doc.body.append(input);
      input.click();
    });
  }

  /** The clipboard through the async Clipboard API (the browser may ask the user, or refuse). */
  async readClipboard(): Promise<ClipboardContent> {
    const clip = this.win.navigator.clipboard;
    if (!clip) throw new Error('no clipboard API');
    let html = '';
    let text = '';
    if (typeof clip.read === 'function') {
      for (const item of await clip.read()) {
        if (!html && item.types.includes('text/html')) html = await (await item.getType('text/html')).text();
        if (!text && item.types.includes('text/plain')) text = await (await item.getType('text/plain')).text();
      }
    } else text = await clip.readText();
    return { html, text };
  }

  async saveFile(req: SaveFileRequest): Promise<SaveResult> {
    const picker = (this.win as unknown as SavePickerWindow).showSaveFilePicker;
    const blob = new Blob([req.bytes as Uint8Array<ArrayBuffer>], { type: this.mimeOf(req.defaultName) });
    if (picker) {
      let handle = req.mode === 'save' ? this.handles.get(req.defaultName) : undefined;
      if (!handle) {
        try {
          const ext = req.defaultName.split('.').pop() ?? '';
          handle = await picker.call(this.win, {
            suggestedName: req.defaultName,
            types: (req.filters ?? []).map((f) => ({
              description: f.name,
              accept: { [MIME_BY_EXT[f.extensions[0] ?? ext] ?? 'application/octet-stream']: f.extensions.map((e) => `.${e}`) },
            })),
          });
        } catch (e) {
          if (e instanceof DOMException && e.name === 'AbortError') return { saved: false };
          throw e;
        }
      }
      const w = await handle.createWritable();
      await w.write(blob);
      await w.close();
      this.handles.set(req.defaultName, handle);
      return { saved: true, name: handle.name };
    }
    // No File System Access API: hand the file to the browser's download manager.
    const url = URL.createObjectURL(blob);
    const a = this.win.document.createElement('a');
    a.href = url;
    a.download = req.defaultName;
    a.style.display = 'none';
    this.win.document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    return { saved: true, name: req.defaultName };
  }

  private mimeOf(name: string): string {
    return MIME_BY_EXT[name.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
  }

  async printToPdf(req: PrintToPdfRequest): Promise<Uint8Array> {
    if (!(await this.probePrintService())) throw new Error('the web server runs no print service');
    const ctrl = new AbortController();
    this.jobs.set(req.jobId, ctrl);
    try {
      const r = await this.doFetch(PRINT_SERVICE_PATH, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/pdf' },
        body: JSON.stringify(req),
        signal: ctrl.signal,
      });
      if (!r.ok) {
        let message = `HTTP ${r.status}`;
        try {
          message = ((await r.json()) as { message?: string }).message ?? message;
        } catch {
          /* not JSON */
        }
        throw new Error(`print service: ${message}`);
      }
      return new Uint8Array(await r.arrayBuffer());
    } finally {
      this.jobs.delete(req.jobId);
    }
  }

  async pressPdf(req: PressPdfRequest): Promise<Uint8Array> {
    if (!(await this.probePrintService()) || !this.pressAvailable) throw new Error('the web server offers no press conversion');
    const ctrl = new AbortController();
    this.jobs.set(req.jobId, ctrl);
    try {
      const q = new URLSearchParams({ mode: req.mode, pdfx: req.pdfx ? '1' : '0', title: req.title ?? '' });
      const r = await this.doFetch(`${PRESS_SERVICE_PATH}?${q}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/pdf', Accept: 'application/pdf' },
        body: new Blob([req.pdf as Uint8Array<ArrayBuffer>], { type: 'application/pdf' }),
        signal: ctrl.signal,
      });
      if (!r.ok) {
        let message = `HTTP ${r.status}`;
        try {
          message = ((await r.json()) as { message?: string }).message ?? message;
        } catch {
          /* not JSON */
        }
        throw new Error(`press service: ${message}`);
      }
      return new Uint8Array(await r.arrayBuffer());
    } finally {
      this.jobs.delete(req.jobId);
    }
  }

  async cancelPrint(jobId: string): Promise<void> {
    this.jobs.get(jobId)?.abort();
  }

  writeBackup(req: BackupRequest): Promise<BackupInfo> {
    return this.backups.write(req);
  }

  listBackups(bookId?: string): Promise<BackupInfo[]> {
    return this.backups.list(bookId);
  }

  readBackup(id: string): Promise<Uint8Array> {
    return this.backups.read(id);
  }

  onMenuCommand(handler: (command: MenuCommand) => void): () => void {
    this.menuHandlers.add(handler);
    return () => this.menuHandlers.delete(handler);
  }

  /** Called by the app's own menu bar and keyboard shortcuts (web mode has no native menu). */
  dispatchMenuCommand(command: MenuCommand): void {
    for (const h of this.menuHandlers) h(command);
  }

  log(level: LogLevel, message: string, detail?: string): void {
    const line = `[yearbook] ${message}`;
    const args = detail ? [line, detail] : [line];
    if (level === 'error') console.error(...args);
    else if (level === 'warn') console.warn(...args);
    else if (level === 'info') console.info(...args);
    else console.debug(...args);
  }
}
