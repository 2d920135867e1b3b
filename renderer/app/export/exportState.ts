// State of the PDF export dialog and the paged preview, without React. The controller reads the book from
// storage, runs the checker on the chosen scope ("check before export"), runs the export pipeline through the
// host with a real abort signal (each category is one print job; cancelling stops the running jobs and nothing
// is written), saves the PDF with the host's save dialog and keeps the preflight report for the dialog.
import type { BookFileContents } from '../../../shared/bookfile';
import type { ExportPage, ExportProgress, ExportResult, PrintFn } from '../../../shared/export/pipeline';
import { inspectPdf, type PreflightReport } from '../../../shared/export/preflight';
import { resolveProfile } from '../../../shared/export/profile';
import { scopeLabel, type ExportScope } from '../../../shared/export/scope';
import type { HostApi } from '../../../shared/host';
import { t, type MessageKey } from '../../../shared/i18n';
import { describeError, isUserError, type Book, type PrintProfile } from '../../../shared/model';
import type { Finding } from '../../../shared/validate';
import { readBook } from '../../storage/books';
import { Store } from '../store';
import type { Workbench } from '../workbench';
import { appMeasure, categoryOf, hostPrint, pdfFileName, profileFor, runAppExport, scopeErrors } from './exportRun';
import { initialScope, scopeOf, type ScopeChoice, type ScopeKind } from './scopeChoice';

export type PressChoice = 'none' | 'gray' | 'cmyk';

/** A checker error as the confirmation lists it, with where to go. */
export interface ErrorItem {
  id: string;
  message: string;
  where: string;
  target: { sectionId: string; nodeId?: string; start?: number; end?: number } | null;
}

export type ExportPhase =
  | { kind: 'options' }
  | { kind: 'checking' }
  | { kind: 'confirm'; errors: ErrorItem[]; total: number; scope: string }
  | { kind: 'running'; progress: ExportProgress | null; cancelling: boolean; scope: string }
  | { kind: 'saving' }
  | { kind: 'done'; report: PreflightReport; fileName: string | null; scope: string }
  | { kind: 'error'; message: string };

export interface ExportDialogState extends ScopeChoice {
  phase: ExportPhase;
  profileId: string;
  press: PressChoice;
  checkFirst: boolean;
}

export interface PreviewState {
  scopeKind: 'section' | 'category';
  label: string;
  status: 'running' | 'ready' | 'error' | 'noSection';
  progress: ExportProgress | null;
  message: string | null;
  pdf: Uint8Array | null;
  pages: ExportPage[];
  report: PreflightReport | null;
  /** Raised with every new result, so the page view reloads the document. */
  epoch: number;
}

export interface ExportUiState {
  dialog: ExportDialogState | null;
  preview: PreviewState | null;
}

export const CONFIRM_LIST_MAX = 50;

function messageOf(e: unknown): string {
  if (isUserError(e)) return e.message;
  return t('export.printFailed');
}

function isCancel(e: unknown): boolean {
  return isUserError(e) && (e.key === 'export.cancelled' || e.key === ('shell.print.cancelled' as MessageKey));
}

export function errorItem(f: Finding): ErrorItem {
  const l = f.location;
  const where = [l.categoryTitle, l.sectionTitle, l.entryTitle ? `【${l.entryTitle}】` : l.matterTitle].filter(Boolean).join(' · ');
  const target = l.sectionId
    ? { sectionId: l.sectionId, ...(l.nodeId && l.nodeId !== l.sectionId ? { nodeId: l.nodeId } : {}), ...(l.start !== undefined ? { start: l.start } : {}), ...(l.end !== undefined ? { end: l.end } : {}) }
    : l.matterId
      ? { sectionId: l.matterId }
      : null;
  return { id: f.id, message: f.message, where, target };
}

export class ExportController {
  readonly store = new Store<ExportUiState>({ dialog: null, preview: null });
  private abort: AbortController | null = null;
  private previewAbort: AbortController | null = null;
  private contents: BookFileContents | null = null;
  private lastPdf: { bytes: Uint8Array; name: string } | null = null;
  /** Replaceable in tests: how a document is printed. */
  printFn: () => PrintFn;

  constructor(private readonly wb: Workbench) {
    this.printFn = () => hostPrint(wb.host);
  }

  private get host(): HostApi {
    return this.wb.host;
  }

  get state(): ExportUiState {
    return this.store.get();
  }

  private setDialog(patch: Partial<ExportDialogState>): void {
    const d = this.state.dialog;
    if (d) this.store.set({ dialog: { ...d, ...patch } });
  }

  // -------------------------------------------------------------------------------------------
  // The dialog

  /** 文件 › 导出 PDF: the dialog with the open section as the default scope. */
  openDialog(opts: { scopeKind?: ScopeKind; categoryId?: string | null } = {}): void {
    const s = this.wb.state;
    if (!s.book) return;
    if (!s.appInfo?.canPrintPdf) {
      this.wb.store.set({ dialog: { kind: 'pdfUnavailable' } });
      return;
    }
    const prev = this.state.dialog;
    const initial = initialScope(s);
    this.store.set({
      dialog: {
        phase: { kind: 'options' },
        ...initial,
        scopeKind: opts.scopeKind ?? initial.scopeKind,
        categoryId: opts.categoryId ?? initial.categoryId,
        profileId: prev?.profileId ?? 'book',
        press: prev?.press ?? 'none',
        checkFirst: prev?.checkFirst ?? true,
      },
    });
  }

  setOptions(patch: Partial<Pick<ExportDialogState, 'scopeKind' | 'categoryId' | 'profileId' | 'press' | 'checkFirst'>>): void {
    this.setDialog(patch);
  }

  private async readContents(): Promise<BookFileContents> {
    const book = this.wb.state.book;
    if (!book) throw new Error('no book');
    await this.wb.flush();
    return readBook(this.wb.db, book.id);
  }

  /** 导出: checks the scope first (when asked), then exports. */
  async start(): Promise<void> {
    const d = this.state.dialog;
    if (!d || (d.phase.kind !== 'options' && d.phase.kind !== 'error' && d.phase.kind !== 'done')) return;
    const scope = scopeOf(d);
    if (!scope) return;
    this.setDialog({ phase: { kind: 'checking' } });
    try {
      this.contents = await this.readContents();
      if (d.checkFirst) {
        const errors = scopeErrors(this.contents.book, scope);
        if (errors.length) {
          this.setDialog({
            phase: { kind: 'confirm', errors: errors.slice(0, CONFIRM_LIST_MAX).map(errorItem), total: errors.length, scope: scopeLabel(this.contents.book, scope) },
          });
          return;
        }
      }
    } catch (e) {
      this.host.log('error', 'export: reading or checking the book failed', describeError(e));
      this.setDialog({ phase: { kind: 'error', message: isUserError(e) ? e.message : t('app.error.storage', { detail: '' }) } });
      return;
    }
    await this.run(scope);
  }

  /** 仍然导出 after the checker's errors were shown. */
  async exportAnyway(): Promise<void> {
    const d = this.state.dialog;
    if (d?.phase.kind !== 'confirm') return;
    const scope = scopeOf(d);
    if (scope) await this.run(scope);
  }

  /** Goes to a checker error (the dialog closes so that the text can be edited). */
  async goTo(item: ErrorItem): Promise<void> {
    if (!item.target) return;
    this.store.set({ dialog: null });
    await this.wb.goTo(item.target);
  }

  private async run(scope: ExportScope): Promise<void> {
    const d = this.state.dialog;
    const contents = this.contents;
    if (!d || !contents) return;
    const { book } = contents;
    const label = scopeLabel(book, scope);
    const abort = new AbortController();
    this.abort = abort;
    this.setDialog({ phase: { kind: 'running', progress: null, cancelling: false, scope: label } });
    let result: ExportResult;
    try {
      const profile = profileFor(book, d.profileId);
      result = await runAppExport({
        contents,
        scope,
        profile,
        print: this.printFn(),
        measure: appMeasure,
        signal: abort.signal,
        onProgress: (progress) => {
          const cur = this.state.dialog?.phase;
          if (cur?.kind === 'running' && !abort.signal.aborted) this.setDialog({ phase: { ...cur, progress } });
        },
      });
      if (d.press !== 'none' && this.host.pressPdf) result = await this.press(result, d.press, profile, book, abort.signal);
      if (abort.signal.aborted) throw new Error('aborted');
    } catch (e) {
      this.abort = null;
      if (abort.signal.aborted || isCancel(e)) {
        this.host.log('info', `export of ${label} cancelled`);
        this.store.set({ dialog: null });
        this.wb.notify('info', { key: 'exportUi.cancelled' });
        return;
      }
      this.host.log('error', `export of ${label} failed`, describeError(e));
      this.setDialog({ phase: { kind: 'error', message: messageOf(e) } });
      return;
    }
    this.abort = null;
    this.contents = null;
    this.host.log('info', `export of ${label}: ${result.pages.length} pages, ${result.pdf.byteLength} bytes, ${JSON.stringify(result.timings)}`);
    const name = pdfFileName(book, scope);
    this.lastPdf = { bytes: result.pdf, name };
    this.setDialog({ phase: { kind: 'saving' } });
    const fileName = await this.save();
    this.setDialog({ phase: { kind: 'done', report: result.preflight, fileName, scope: label } });
  }

  /** The press variant through the host (Ghostscript); the report then describes the converted file. */
  private async press(result: ExportResult, mode: 'gray' | 'cmyk', profile: PrintProfile, book: Book, signal: AbortSignal): Promise<ExportResult> {
    const jobId = `press-${Date.now().toString(36)}`;
    const onAbort = () => void this.host.cancelPrint(jobId);
    signal.addEventListener('abort', onAbort);
    const cur = this.state.dialog?.phase;
    if (cur?.kind === 'running') this.setDialog({ phase: { ...cur, progress: { step: 'press', label: t('export.progress.press'), done: 0, total: 1, fraction: 0.99 } } });
    try {
      const pdf = await this.host.pressPdf!({ pdf: result.pdf as Uint8Array<ArrayBuffer>, mode, pdfx: mode === 'cmyk' || resolveProfile(profile).pdfx, title: `${book.title}（${book.volumeYear}）`, jobId });
      const facts = await inspectPdf(pdf);
      const preflight: PreflightReport = {
        ...result.preflight,
        pageCount: facts.pageCount,
        mediaBox: facts.mediaBox,
        trimBox: facts.trimBox,
        bleedBox: facts.bleedBox,
        fonts: facts.fonts,
        colorMode: mode,
        findings: result.preflight.findings.filter((f) => f.key !== 'export.preflight.rgb'),
      };
      return { ...result, pdf, preflight };
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }

  /** Saves the last exported PDF (again); returns the saved file's name, or null when the user cancelled. */
  async save(): Promise<string | null> {
    const last = this.lastPdf;
    if (!last) return null;
    try {
      const r = await this.host.saveFile({
        title: t('exportUi.title'),
        defaultName: last.name,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
        bytes: new Uint8Array(last.bytes) as Uint8Array<ArrayBuffer>,
      });
      const name = r.saved ? (r.name ?? last.name) : null;
      const cur = this.state.dialog?.phase;
      if (cur?.kind === 'done') this.setDialog({ phase: { ...cur, fileName: name } });
      return name;
    } catch (e) {
      this.host.log('error', 'saving the PDF failed', describeError(e));
      this.wb.notify('error', { key: 'app.error.saveFile', params: { detail: e instanceof Error ? e.message : String(e) } });
      return null;
    }
  }

  /** 取消: stops a running export (nothing is written); otherwise closes the dialog. */
  cancel(): void {
    const d = this.state.dialog;
    if (d?.phase.kind === 'running' && this.abort) {
      this.setDialog({ phase: { ...d.phase, cancelling: true } });
      this.abort.abort();
      return;
    }
    if (d?.phase.kind === 'checking' || d?.phase.kind === 'saving') return;
    this.store.set({ dialog: null });
    this.contents = null;
  }

  // -------------------------------------------------------------------------------------------
  // The paged preview

  /** 视图 › 版面预览: typesets the open section (or its category) exactly as the export does. */
  async openPreview(scopeKind: 'section' | 'category' = this.state.preview?.scopeKind ?? 'section'): Promise<void> {
    this.previewAbort?.abort();
    const s = this.wb.state;
    const epoch = (this.state.preview?.epoch ?? 0) + 1;
    const base: PreviewState = { scopeKind, label: '', status: 'running', progress: null, message: null, pdf: null, pages: [], report: null, epoch };
    if (!s.appInfo?.canPrintPdf) {
      this.wb.store.set({ dialog: { kind: 'pdfUnavailable' } });
      return;
    }
    if (s.open?.kind !== 'section') {
      this.store.set({ preview: { ...base, status: 'noSection' } });
      return;
    }
    const abort = new AbortController();
    this.previewAbort = abort;
    this.store.set({ preview: base });
    try {
      const contents = await this.readContents();
      const sectionId = s.open.id;
      const categoryId = categoryOf(contents.book, sectionId);
      const scope: ExportScope = scopeKind === 'category' && categoryId ? { kind: 'category', id: categoryId } : { kind: 'section', id: sectionId };
      const label = scopeLabel(contents.book, scope);
      this.setPreview(abort, { label });
      const result = await runAppExport({
        contents,
        scope,
        profile: profileFor(contents.book, this.state.dialog?.profileId ?? 'book'),
        print: this.printFn(),
        measure: appMeasure,
        signal: abort.signal,
        onProgress: (progress) => this.setPreview(abort, { progress }),
      });
      this.setPreview(abort, { status: 'ready', pdf: result.pdf, pages: result.pages, report: result.preflight, progress: null });
    } catch (e) {
      if (abort.signal.aborted || isCancel(e)) return;
      this.host.log('error', 'preview failed', describeError(e));
      this.setPreview(abort, { status: 'error', message: messageOf(e) });
    }
  }

  private setPreview(abort: AbortController, patch: Partial<PreviewState>): void {
    const p = this.state.preview;
    if (!p || abort !== this.previewAbort || abort.signal.aborted) return;
    this.store.set({ preview: { ...p, ...patch } });
  }

  closePreview(): void {
    this.previewAbort?.abort();
    this.previewAbort = null;
    this.store.set({ preview: null });
  }

  /** 导出此范围… from the preview: the dialog with the preview's scope. */
  exportFromPreview(): void {
    const p = this.state.preview;
    const s = this.wb.state;
    const row = s.outline.find((n) => n.id === s.open?.id);
    this.closePreview();
    this.openDialog({ scopeKind: p?.scopeKind ?? 'section', categoryId: row?.parentId ?? null });
  }

  dispose(): void {
    this.abort?.abort();
    this.previewAbort?.abort();
  }
}

