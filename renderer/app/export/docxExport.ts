// 文件 › 导出 Word 文档: the scope (the open section, a category or the whole volume), the document built by
// shared/export/docx.ts from the stored book, and the host's save dialog with a .docx name. Without React, so
// the unit tests drive it with the workbench.
import type { DocxExportResult } from '../../../shared/export/docx';
import { t } from '../../../shared/i18n';
import { describeError, isUserError } from '../../../shared/model';
import { readBook } from '../../storage/books';
import { Store } from '../store';
import type { Workbench } from '../workbench';
import { initialScope, scopeOf, type ScopeChoice } from './scopeChoice';

export interface DocxDialogState extends ScopeChoice {
  phase: { kind: 'options' } | { kind: 'running' } | { kind: 'error'; message: string };
}

export interface DocxUiState {
  dialog: DocxDialogState | null;
}

export class DocxExportController {
  readonly store = new Store<DocxUiState>({ dialog: null });

  constructor(private readonly wb: Workbench) {}

  get state(): DocxUiState {
    return this.store.get();
  }

  /** Opens the dialog with the open section as the default scope (else the whole volume). */
  openDialog(): void {
    const s = this.wb.state;
    if (!s.book) return;
    this.store.set({ dialog: { ...initialScope(s), phase: { kind: 'options' } } });
  }

  setOptions(patch: Partial<Omit<DocxDialogState, 'phase'>>): void {
    const d = this.state.dialog;
    if (d && d.phase.kind !== 'running') this.store.set({ dialog: { ...d, ...patch, phase: { kind: 'options' } } });
  }

  close(): void {
    if (this.state.dialog?.phase.kind !== 'running') this.store.set({ dialog: null });
  }

  /**
   * Builds the document from the stored book (edits in progress are saved first) and offers it for saving.
   * Returns the export result, or null when it failed (the dialog then shows why) or nothing was open.
   */
  async start(): Promise<DocxExportResult | null> {
    const d = this.state.dialog;
    const row = this.wb.state.book;
    const scope = d ? scopeOf(d) : null;
    if (!d || !row || !scope || d.phase.kind === 'running') return null;
    this.store.set({ dialog: { ...d, phase: { kind: 'running' } } });
    try {
      await this.wb.flush();
      const contents = await readBook(this.wb.db, row.id);
      // The docx package is loaded when a Word document is first made, not with the app.
      const { exportBookDocx, docxFileName } = await import('../../../shared/export/docx');
      const info = this.wb.state.appInfo;
      const result = await exportBookDocx({ book: contents.book, assets: contents.assets, scope, createdBy: `${info?.name ?? 'Yearbook Workbench'} ${info?.version ?? ''}`.trim() });
      const defaultName = docxFileName(contents.book, scope);
      const saved = await this.wb.host.saveFile({
        title: t('docx.ui.saveTitle'),
        defaultName,
        filters: [{ name: t('docx.ui.fileType'), extensions: ['docx'] }],
        bytes: result.bytes as Uint8Array<ArrayBuffer>,
        mode: 'saveAs',
      });
      this.store.set({ dialog: null });
      if (saved.saved) {
        const file = saved.name ?? defaultName;
        const missing = result.missingImages.filter((m) => m.reason === 'missing').length;
        const format = result.missingImages.length - missing;
        this.wb.notify('info', missing ? { key: 'docx.ui.savedMissing', params: { file, count: missing } } : { key: 'docx.ui.saved', params: { file } });
        if (format) this.wb.notify('info', { key: 'docx.ui.formatImages', params: { count: format } });
      }
      return result;
    } catch (e) {
      this.wb.host.log(isUserError(e) ? 'warn' : 'error', 'Word export failed', describeError(e));
      const message = isUserError(e) ? e.message : e instanceof Error ? e.message : String(e);
      const cur = this.state.dialog;
      if (cur) this.store.set({ dialog: { ...cur, phase: { kind: 'error', message } } });
      return null;
    }
  }
}
