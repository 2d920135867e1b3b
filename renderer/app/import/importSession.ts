// The state of the import review (导入): the files brought in, each one's recognition (run by the runner, off
// the main thread), the editor's corrections and encoding choice, and where each draft goes in the book.
// Accepting places every ready draft in ONE book change (Workbench.changeBook with a snapshot and an undo
// entry), so the book is either fully updated or untouched and one undo takes the whole import back.
import type { ClipboardContent, HostFile } from '../../../shared/host';
import {
  combineYears,
  FOLDER_IMPORT_EXTENSIONS,
  formatSize,
  MAX_DOCX_BYTES,
  MAX_TEXT_BYTES,
  placeImportsKeepingSources,
  prepareSource,
  withOverride,
  type ImportResult,
  type LineOverride,
  type OverrideRole,
  type Placement,
  type RecordYearSource,
  type PreparedSource,
} from '../../../shared/import';
import { t } from '../../../shared/i18n';
import { describeError } from '../../../shared/model';
import type { Book } from '../../../shared/model';
import type { NodeRow } from '../../storage/schema';
import { Store } from '../store';
import type { Workbench } from '../workbench';
import { hasText, sanitizePastedHtml } from './paste';
import { CancelledError, failureOf, RecogniseFailure, type FailureInfo, type RecogniseRunner, type Stage } from './runner';

export type DraftStatus = 'queued' | Stage | 'ready' | 'failed' | 'cancelled';

/**
 * Where one file's draft goes. auto: each recognised part where its kind belongs (reports into 特载, a
 * chapter into its category by title, table documents into the appendix). new: categoryId null means a new
 * category named newTitle.
 */
export type DraftPlacement =
  | { mode: 'auto' }
  | { mode: 'new'; categoryId: string | null; newTitle: string }
  | { mode: 'append'; sectionId: string | null }
  | { mode: 'replace'; sectionId: string | null };

export interface Draft {
  id: string;
  name: string;
  /** Where the file was inside a chosen or dropped folder ("区民政局/2021/稿件.docx"). */
  relativePath?: string;
  size: number;
  bytes: Uint8Array;
  /** Pasted content (sanitised HTML or plain text, as UTF-8), not a file. */
  pasted?: 'html' | 'text';
  status: DraftStatus;
  failure?: FailureInfo;
  result?: ImportResult;
  overrides: LineOverride[];
  /** The encoding the editor chose; undefined: detected. */
  encoding?: string;
  placement: DraftPlacement;
  /** The editor changed the placement (else it follows a re-recognition). */
  placementTouched: boolean;
  /** Raised by every correction or encoding change; a recognition of an older revision is dropped. */
  rev: number;
}

export interface ImportState {
  open: boolean;
  drafts: Draft[];
  activeId: string | null;
  /** The source line selected for a correction. */
  selectedLine: number | null;
  /** The accept is being written. */
  accepting: boolean;
  /** Accept asked to confirm replacing sections (the titles). */
  confirmReplace: string[] | null;
  /** Why accepting is not possible right now (catalog key), shown beside the button after a try. */
  acceptProblem: { key: 'importUi.accept.needSection' | 'importUi.accept.failed' | 'importUi.accept.stale' | 'importUi.accept.badYear'; params?: Record<string, string | number> } | null;
  /** The record year the editor typed for the book (null: the proposal, proposeYear). */
  yearInput: string | null;
}

const INITIAL: ImportState = { open: false, drafts: [], activeId: null, selectedLine: null, accepting: false, confirmReplace: null, acceptProblem: null, yearInput: null };

/**
 * The record year accepting will give the book, and why. The drafts' own year (combineYears over the recognised
 * drafts) is proposed for a book without sections yet — a new book takes the year of its first drafts; a book
 * with content keeps its year and the review says when the drafts speak of another one.
 */
export interface YearProposal {
  recordYear: number;
  /** drafts: the drafts' year for an empty book; same: the drafts' year is the book's; kept: the book's year,
   * the drafts name another; unknown: the drafts name none, the book's year stays. */
  reason: 'drafts' | 'same' | 'kept' | 'unknown';
  /** The year the drafts name, where it was read and in which file. */
  draftYear?: number;
  from?: RecordYearSource;
  file?: string;
  /** A volume year a draft names ("拱墅年鉴（2022）"). */
  namedVolume?: number;
  /** Every record year the drafts name (more than one: they disagree). */
  years: number[];
}

export function proposeYear(drafts: readonly Draft[], book: Pick<Book, 'recordYear' | 'volumeYear'>, outline: readonly NodeRow[]): YearProposal {
  const ready = drafts.filter((d) => d.status === 'ready' && d.result);
  const years = combineYears(ready.map((d) => d.result!.report.hints));
  const out: YearProposal = { recordYear: book.recordYear, reason: 'unknown', years: years.years };
  if (years.volumeYearFrom === 'text' && years.volumeYear !== undefined) out.namedVolume = years.volumeYear;
  if (years.recordYear === undefined) return out;
  out.draftYear = years.recordYear;
  if (years.recordYearFrom) out.from = years.recordYearFrom;
  const file = ready.find((d) => d.result!.report.hints.recordYear === years.recordYear);
  if (file) out.file = file.name;
  const empty = !outline.some((n) => n.kind === 'section');
  if (years.recordYear === book.recordYear) out.reason = 'same';
  else if (empty) [out.recordYear, out.reason] = [years.recordYear, 'drafts'];
  else out.reason = 'kept';
  return out;
}

/** The editor's year if typed, else the proposal's; null when what was typed is no year. */
export function chosenYear(input: string | null, proposal: YearProposal): number | null {
  if (input === null) return proposal.recordYear;
  const v = input.trim();
  if (!/^\d{4}$/.test(v)) return null;
  const n = Number(v);
  return n >= 1949 && n <= 2200 ? n : null;
}

/**
 * The book's years after accepting with this record year: the volume year a draft names when the book was empty,
 * else the volume year moves along when it was the record year + 1 (the usual relation), else it stays.
 */
export function yearsAfter(book: Pick<Book, 'recordYear' | 'volumeYear'>, recordYear: number, proposal: YearProposal): { recordYear: number; volumeYear: number } {
  if (recordYear === book.recordYear) return { recordYear, volumeYear: book.volumeYear };
  if (proposal.reason === 'drafts' && proposal.namedVolume !== undefined && recordYear === proposal.draftYear) return { recordYear, volumeYear: proposal.namedVolume };
  return { recordYear, volumeYear: book.volumeYear === book.recordYear + 1 ? recordYear + 1 : book.volumeYear };
}

export const BUSY: readonly DraftStatus[] = ['queued', 'reading', 'recognising'];

/** Categories of the book in book order (body first, then back matter), with their sections in order. */
export function bookCategories(outline: readonly NodeRow[]): { category: NodeRow; sections: NodeRow[] }[] {
  const partRank = { front: 0, body: 1, back: 2 } as const;
  return outline
    .filter((n) => n.kind === 'category')
    .sort((a, b) => partRank[a.part] - partRank[b.part] || a.order - b.order)
    .map((category) => ({ category, sections: outline.filter((n) => n.kind === 'section' && n.parentId === category.id).sort((a, b) => a.order - b.order) }));
}

/**
 * The proposal for a recognised draft: a file holding several kinds of document (reports and a chapter, a
 * chapter and a table document …) or several chapters goes where each part belongs; one chapter goes into
 * the book's category of the same title, else a new one.
 */
export function proposePlacement(result: ImportResult, outline: readonly NodeRow[]): DraftPlacement {
  if (result.categories.length > 1) return { mode: 'auto' };
  const first = result.categories[0];
  const title = first?.title ?? '';
  const cats = bookCategories(outline).map((c) => c.category);
  const same = cats.find((c) => c.title === title) ?? (first && first.role !== 'regular' ? cats.find((c) => c.role === first.role) : undefined);
  return same ? { mode: 'new', categoryId: same.id, newTitle: title } : { mode: 'new', categoryId: null, newTitle: title };
}

/** The shared placement of a draft, or null when it still lacks its target section. */
export function toPlacement(d: Draft): Placement | null {
  const p = d.placement;
  if (p.mode === 'auto') return { mode: 'auto' };
  if (p.mode === 'new') {
    if (p.categoryId) return { mode: 'new-sections', categoryId: p.categoryId };
    const first = d.result?.categories[0];
    return { mode: 'new-category', title: p.newTitle, ...(first?.titleEn ? { titleEn: first.titleEn } : {}), ...(first ? { role: first.role === 'chronicle' || first.role === 'overview' ? 'regular' : first.role } : {}) };
  }
  return p.sectionId ? { mode: p.mode, sectionId: p.sectionId } : null;
}

let draftSeq = 0;

/** The size limits of the import, checked by the host before it reads a file. */
const IMPORT_LIMITS = {
  maxBytes: MAX_TEXT_BYTES,
  maxBytesByExtension: Object.fromEntries(['docx', 'docm', 'dotx', 'doc'].map((e) => [e, MAX_DOCX_BYTES])),
};

/** Why a file the host did not read was refused, as the review screen says it. */
export function hostFileFailure(f: HostFile): FailureInfo | null {
  const e = f.error;
  if (!e) return null;
  if (e.reason === 'too-large') return { key: 'import.tooLarge', params: { file: f.name, size: formatSize(e.size), limit: formatSize(e.limit) }, detail: `${e.size} bytes > ${e.limit}` };
  if (e.reason === 'empty-folder') return { key: 'importUi.folder.empty', params: { folder: f.name }, detail: 'no importable file in the folder' };
  if (e.reason === 'folder-truncated') return { key: 'importUi.folder.truncated', params: { folder: f.name, limit: e.limit }, detail: `more than ${e.limit} files` };
  return { key: 'import.readFailed', params: { file: f.name, reason: e.reasonKey ? t(e.reasonKey) : e.message }, detail: e.message };
}

export class ImportSession {
  readonly store = new Store<ImportState>(INITIAL);
  private pumping = false;

  constructor(
    private readonly wb: Workbench,
    private readonly runner: RecogniseRunner,
  ) {}

  get state(): ImportState {
    return this.store.get();
  }

  private patchDraft(id: string, patch: Partial<Draft> | ((d: Draft) => Partial<Draft>)): void {
    this.store.set((s) => ({ drafts: s.drafts.map((d) => (d.id === id ? { ...d, ...(typeof patch === 'function' ? patch(d) : patch) } : d)) }));
  }

  draft(id: string | null): Draft | undefined {
    return this.state.drafts.find((d) => d.id === id);
  }

  /** Shows the review screen (empty until files come in). */
  show(): void {
    if (!this.wb.state.book) return;
    this.store.set({ open: true });
  }

  /**
   * 导入… from the menu: the review screen and the host's file dialog — files, or with `folders` a
   * department's whole folder. The host checks each size before reading and reports an unreadable file on
   * its own, so one bad file never keeps the others out.
   */
  async chooseFiles(folders = false): Promise<void> {
    if (!this.wb.state.book) return;
    this.show();
    let files: HostFile[];
    try {
      files = await this.wb.host.openFiles({
        title: t(folders ? 'importUi.dialog.folderTitle' : 'importUi.dialog.title'),
        multiple: true,
        filters: [{ name: t('importUi.dialog.fileType'), extensions: folders ? [...FOLDER_IMPORT_EXTENSIONS] : ['txt', 'docx', 'html', 'htm', 'text', 'md', 'csv'] }],
        folders,
        perFileErrors: true,
        ...IMPORT_LIMITS,
      });
    } catch (e) {
      this.wb.host.log('error', 'import: the open dialog failed', describeError(e));
      this.wb.notify('error', { key: 'importUi.error.dialog' });
      return;
    }
    if (files.length) this.addFiles(files);
    else if (!this.state.drafts.length) this.close();
  }

  /**
   * Files from the dialog or dropped on the window; each becomes its own draft, recognised in turn. A file
   * the host could not read (too large, unreadable) is listed with its reason and not recognised.
   */
  addFiles(all: readonly HostFile[]): void {
    if (!this.wb.state.book) return;
    // A folder without drafts, or with more files than were taken, is said in a notice (it is no file to list).
    const files = all.filter((f) => {
      const e = f.error;
      if (e?.reason === 'empty-folder') this.wb.notify('error', { key: 'importUi.folder.empty', params: { folder: f.name } });
      else if (e?.reason === 'folder-truncated') this.wb.notify('error', { key: 'importUi.folder.truncated', params: { folder: f.name, limit: e.limit } });
      else return true;
      return false;
    });
    if (!files.length) {
      if (all.length) this.show();
      return;
    }
    const drafts: Draft[] = files.map((f) => {
      const failure = hostFileFailure(f);
      if (failure) this.wb.host.log('warn', `import: ${f.relativePath ?? f.name} was not read`, failure.detail);
      return {
        id: `d${++draftSeq}`,
        name: f.name,
        ...(f.relativePath ? { relativePath: f.relativePath } : {}),
        size: f.size ?? f.bytes.length,
        bytes: f.bytes,
        status: failure ? 'failed' : 'queued',
        ...(failure ? { failure } : {}),
        overrides: [],
        placement: { mode: 'new', categoryId: null, newTitle: '' },
        placementTouched: false,
        rev: 0,
      } satisfies Draft;
    });
    this.store.set((s) => ({ open: true, drafts: [...s.drafts, ...drafts], activeId: s.activeId ?? drafts[0]!.id, acceptProblem: null }));
    void this.pump();
  }

  /**
   * Content pasted into the review (Ctrl+V, 粘贴稿件, 文件 › 从剪贴板导入): HTML from Word, WPS or a browser is
   * sanitised here (DOMPurify needs the page) and recognised like a Word file; else the plain text is.
   * Returns false when there was nothing to import.
   */
  addPaste(html: string, text: string): boolean {
    if (!this.wb.state.book) return false;
    let kind: 'html' | 'text' = 'text';
    let content = text;
    if (hasText(html)) {
      const clean = sanitizePastedHtml(html);
      if (clean.removed) {
        this.wb.host.log('info', `import: ${clean.removed} unsafe part(s) removed from pasted HTML`);
        this.wb.notify('info', { key: 'importUi.paste.dropped', params: { count: clean.removed } });
      }
      if (hasText(clean.html.replace(/<[^>]*>/g, ' ')) || /<img\b/i.test(clean.html)) {
        kind = 'html';
        content = clean.html;
      }
    }
    if (!hasText(content)) {
      this.show();
      this.wb.notify('error', { key: 'importUi.paste.empty' });
      return false;
    }
    const n = this.state.drafts.filter((d) => d.pasted).length + 1;
    const name = n > 1 ? `${t('import.pastedName')} ${n}` : t('import.pastedName');
    const bytes = new TextEncoder().encode(content);
    const draft: Draft = {
      id: `d${++draftSeq}`,
      name,
      size: bytes.length,
      bytes,
      pasted: kind,
      status: 'queued',
      overrides: [],
      placement: { mode: 'new', categoryId: null, newTitle: '' },
      placementTouched: false,
      rev: 0,
    };
    // The pasted draft is the one the editor wants to see.
    this.store.set((s) => ({ open: true, drafts: [...s.drafts, draft], activeId: draft.id, selectedLine: null, acceptProblem: null }));
    void this.pump();
    return true;
  }

  /** 粘贴稿件 / 文件 › 从剪贴板导入: the clipboard read through the host; where it may not, Ctrl+V is asked for. */
  async pasteFromClipboard(): Promise<void> {
    if (!this.wb.state.book) return;
    this.show();
    const read = this.wb.host.readClipboard;
    if (!read) {
      this.wb.notify('error', { key: 'importUi.paste.denied' });
      return;
    }
    let content: ClipboardContent;
    try {
      content = await read.call(this.wb.host);
    } catch (e) {
      this.wb.host.log('warn', 'import: the clipboard could not be read', describeError(e));
      this.wb.notify('error', { key: 'importUi.paste.denied' });
      return;
    }
    this.addPaste(content.html, content.text);
  }

  /** Recognises the queued drafts one after the other. */
  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const next = this.state.drafts.find((d) => d.status === 'queued');
        if (!next) break;
        await this.recognise(next.id);
      }
    } finally {
      this.pumping = false;
    }
  }

  private async recognise(id: string): Promise<void> {
    const d = this.draft(id);
    if (!d) return;
    const rev = d.rev;
    // Still the same request: not removed, cancelled or changed by a correction meanwhile.
    const current = () => {
      const x = this.draft(id);
      return x !== undefined && x.rev === rev && x.status !== 'cancelled';
    };
    this.patchDraft(id, { status: 'reading' });
    try {
      const result = await this.runner.run(
        { fileId: d.id, name: d.name, bytes: d.bytes, overrides: d.overrides, ...(d.encoding ? { encoding: d.encoding } : {}), ...(d.pasted ? { pasted: d.pasted } : {}) },
        (stage) => current() && this.patchDraft(id, { status: stage }),
      );
      if (!current()) return;
      this.patchDraft(id, (cur) => ({
        status: 'ready',
        result,
        failure: undefined,
        placement: cur.placementTouched ? cur.placement : proposePlacement(result, this.wb.state.outline),
      }));
    } catch (e) {
      if (e instanceof CancelledError) {
        if (this.draft(id)?.rev === rev && this.draft(id)?.status !== 'queued') this.patchDraft(id, { status: 'cancelled' });
        return;
      }
      if (!current()) return;
      const failure = e instanceof RecogniseFailure ? e.info : failureOf(e);
      this.wb.host.log(failure.key === 'importUi.error.unexpected' ? 'error' : 'warn', `import: ${d.name} was not recognised`, `${failure.key}: ${failure.detail}`);
      this.patchDraft(id, { status: 'failed', failure, result: undefined });
    }
  }

  /** 取消: stops the recognition running now and every queued one; finished drafts stay. */
  cancel(): void {
    const busy = this.state.drafts.filter((d) => BUSY.includes(d.status));
    if (!busy.length) return;
    this.store.set((s) => ({ drafts: s.drafts.map((d) => (BUSY.includes(d.status) ? { ...d, status: 'cancelled' as const } : d)) }));
    this.runner.cancelAll();
  }

  /** Runs a cancelled or failed draft again (a file the host never read cannot be). */
  retry(id: string): void {
    if (this.draft(id)?.failure && !this.draft(id)?.bytes.length) return;
    this.patchDraft(id, { status: 'queued', failure: undefined });
    void this.pump();
  }

  remove(id: string): void {
    this.runner.forget(id);
    const wasBusy = BUSY.includes(this.draft(id)?.status ?? 'ready');
    this.store.set((s) => {
      const drafts = s.drafts.filter((d) => d.id !== id);
      return { drafts, activeId: s.activeId === id ? (drafts[0]?.id ?? null) : s.activeId, selectedLine: s.activeId === id ? null : s.selectedLine, confirmReplace: null };
    });
    if (wasBusy) {
      // Its recognition may be running: restart the queue without it.
      this.cancel();
      this.store.set((s) => ({ drafts: s.drafts.map((d) => (d.status === 'cancelled' ? { ...d, status: 'queued' as const } : d)) }));
      void this.pump();
    }
  }

  activate(id: string): void {
    this.store.set({ activeId: id, selectedLine: null });
  }

  selectLine(line: number | null): void {
    this.store.set({ selectedLine: line });
  }

  /** A correction ("this line is an attribution", "this is not a title"); null restores the automatic role. */
  setOverride(id: string, line: number, role: OverrideRole | null): void {
    const d = this.draft(id);
    if (!d) return;
    this.patchDraft(id, { overrides: withOverride(d.overrides, line, role), status: 'queued', rev: d.rev + 1 });
    void this.pump();
  }

  /** The editor's encoding (re-decodes the file); null goes back to detection. */
  setEncoding(id: string, encoding: string | null): void {
    const d = this.draft(id);
    if (!d) return;
    const { encoding: _old, ...rest } = d;
    this.store.set((s) => ({ drafts: s.drafts.map((x) => (x.id === id ? { ...rest, ...(encoding ? { encoding } : {}), status: 'queued' as const, rev: d.rev + 1 } : x)) }));
    void this.pump();
  }

  setPlacement(id: string, placement: DraftPlacement): void {
    this.patchDraft(id, { placement, placementTouched: true });
    this.store.set({ confirmReplace: null, acceptProblem: null });
  }

  /** The record year the editor types for the book (null: back to the proposal). */
  setYear(input: string | null): void {
    this.store.set({ yearInput: input, acceptProblem: null });
  }

  /** The record year proposal for the drafts as they stand (see proposeYear). */
  yearProposal(): YearProposal | null {
    const book = this.wb.state.book;
    return book ? proposeYear(this.state.drafts, book, this.wb.state.outline) : null;
  }

  /** Drafts that accepting would place. */
  acceptable(): Draft[] {
    return this.state.drafts.filter((d) => d.status === 'ready' && d.result);
  }

  /**
   * 接受导入: every ready draft in one book change. Replacing asks for a confirmation first (confirmed: true).
   * Returns true when the book was changed.
   */
  async accept(confirmed = false): Promise<boolean> {
    const s = this.state;
    if (s.accepting || s.drafts.some((d) => BUSY.includes(d.status))) return false;
    const drafts = this.acceptable();
    if (!drafts.length) return false;
    const items: { result: ImportResult; placement: Placement; draft: Draft }[] = [];
    for (const d of drafts) {
      const placement = toPlacement(d);
      if (!placement) {
        this.store.set({ activeId: d.id, acceptProblem: { key: 'importUi.accept.needSection', params: { file: d.name } } });
        return false;
      }
      items.push({ result: d.result!, placement, draft: d });
    }
    // A target deleted while the review was open.
    const exists = (id: string) => this.wb.state.outline.some((n) => n.id === id);
    if (items.some((it) => (it.placement.mode === 'new-sections' && !exists(it.placement.categoryId)) || ((it.placement.mode === 'append' || it.placement.mode === 'replace') && !exists(it.placement.sectionId)))) {
      this.store.set({ acceptProblem: { key: 'importUi.accept.stale' } });
      return false;
    }
    const replaced = items.flatMap((it) => (it.placement.mode === 'replace' ? [it.placement.sectionId] : []));
    if (replaced.length && !confirmed) {
      const titles = replaced.map((id) => this.wb.state.outline.find((n) => n.id === id)?.title ?? id);
      this.store.set({ confirmReplace: titles });
      return false;
    }
    // The record year (the editor's, else the proposal): a changed one is written in the same change.
    const proposal = this.yearProposal();
    const year = proposal ? chosenYear(s.yearInput, proposal) : null;
    if (proposal && year === null) {
      this.store.set({ acceptProblem: { key: 'importUi.accept.badYear', params: { value: s.yearInput ?? '' } } });
      return false;
    }
    // Each draft is kept as it was read (来稿原文: its text and the review's marks), in the same book change.
    const importedAt = new Date().toISOString();
    const by = this.wb.state.view.editorName.trim();
    const kept = items.map((it) => ({
      ...it,
      source: prepareSource(
        it.result,
        { fileName: it.draft.name, ...(it.draft.relativePath ? { path: it.draft.relativePath } : {}), ...(it.draft.pasted ? { pasted: true } : {}), ...(by ? { by } : {}) },
        { importedAt },
      ) satisfies PreparedSource,
    }));
    const assets = new Map<string, Uint8Array>();
    for (const it of kept) for (const a of [...(it.result.assets ?? []), ...it.source.assets]) assets.set(a.asset.id, a.bytes);
    const sections = items.reduce((n, it) => n + it.result.report.counts.sections, 0);
    const entries = items.reduce((n, it) => n + it.result.report.counts.entries, 0);
    const bookBefore = this.wb.state.book;
    this.store.set({ accepting: true, confirmReplace: null, acceptProblem: null });
    const change = (book: Parameters<typeof placeImportsKeepingSources>[0]): Book => {
      const placed = placeImportsKeepingSources(book, kept);
      if (!proposal || year === null || year === book.recordYear) return placed;
      return { ...placed, ...yearsAfter(book, year, proposal) };
    };
    // One transaction, one undo step (the book-level undo records the book as it was before).
    const opts = { snapshot: true, assets, undo: { key: 'importUi.undo' as const, params: { files: items.length } } };
    const ok = await this.wb.changeBook(change, opts);
    this.store.set({ accepting: false });
    if (!ok) {
      this.store.set({ acceptProblem: { key: 'importUi.accept.failed' } });
      return false;
    }
    this.wb.host.log('info', `import accepted: ${items.length} file(s), ${sections} section(s), ${entries} entries`);
    const firstSection = firstNewSection(items[0]!);
    this.reset();
    // The book row after the change (reloaded by changeBook) says the years it now has.
    const after = this.wb.state.book;
    if (after && bookBefore && after.recordYear !== bookBefore.recordYear) {
      this.wb.notify('info', { key: 'importUi.notice.acceptedYear', params: { files: items.length, sections, entries, year: after.recordYear, volume: after.volumeYear } });
    } else this.wb.notify('info', { key: 'importUi.notice.accepted', params: { files: items.length, sections, entries } });
    if (firstSection) await this.wb.goTo({ sectionId: firstSection });
    return true;
  }

  /** Leaves the review; the book is unchanged unless the import was accepted. */
  close(): void {
    if (this.state.accepting) return;
    this.runner.cancelAll();
    this.reset();
  }

  private reset(): void {
    for (const d of this.state.drafts) this.runner.forget(d.id);
    this.store.set(INITIAL);
  }

  dispose(): void {
    this.runner.dispose();
  }
}

/** The section to show after accepting: the first placed one (or the section appended to / replaced). */
function firstNewSection(item: { result: ImportResult; placement: Placement }): string | undefined {
  if (item.placement.mode === 'append' || item.placement.mode === 'replace') return item.placement.sectionId;
  return item.result.categories[0]?.sections[0]?.id;
}
