// The workbench controller: everything the window does, without React. It owns the database, the host and
// the autosaver, and keeps one immutable state that the components render. Panels added later (problems,
// import review, export) read the state and call these methods; they do not touch the database directly.
import { readBookFile, writeBookFile, BOOK_FILE_EXTENSION, type BookFileContents } from '../../shared/bookfile';
import type { AppInfo, BackupInfo, HostApi, HostFile, MenuCommand } from '../../shared/host';
import { setLocale, t, type Locale, type MessageKey, type MessageParams } from '../../shared/i18n';
import { assignUnitByName, describeError, dropComment, IMAGE_EXTENSIONS, isUserError, newBook, putComment, randomId, ID_PREFIX, readImageInfo, type Asset, type Book, type Comment, type Contributor, type Matter, type Section, type Stage } from '../../shared/model';
import { sha256Hex } from '../../shared/bookfile';
import { moveInto, moveRelative, removeNode, retitleNode, setSectionStatus, type DropPosition, type MoveEnd } from '../../shared/model/ops';
import type { EditorCommandId } from '../editor/commands';
import { whenIdle } from '../editor/idle';
import { copyContributorTables } from './volume/registryTables';
import type { EditorFocus, EditorSelectionInfo, SectionEditorHandle } from '../editor/contract';
import { Autosaver, flushOnPageHide, type SaveState } from '../storage/autosave';
import {
  addAsset,
  addCategory,
  addSection,
  deleteNode,
  getBookRow,
  getSetting,
  listBooks,
  listRevisions,
  markBookOpened,
  putBook,
  readAsset,
  readBook,
  readBookModel as readStoredBook,
  readMatter,
  readOutline,
  readSection,
  renameMatter,
  repairAfterUnload,
  restoreRevision,
  saveSection,
  setSetting,
  updateBook,
  updateBookShell,
  writeSectionsNow,
  type BookSummary,
  type RevisionSummary,
} from '../storage/books';
import { YearbookDb } from '../storage/db';
import { requestPersistence, type PersistResult } from '../storage/persist';
import type { BookRow, NodeRow } from '../storage/schema';
import { jsonEqual } from '../storage/equal';
import { Store } from './store';

export type OpenDoc =
  | { kind: 'section'; id: string; section: Section }
  | { kind: 'matter'; id: string; matter: Matter };

export type Dialog =
  | { kind: 'newBook' }
  | { kind: 'books' }
  | { kind: 'backups'; backups: BackupInfo[] | null }
  | { kind: 'about' }
  | { kind: 'shortcuts' }
  | { kind: 'palette' }
  | { kind: 'pdfUnavailable' }
  | { kind: 'addCategory' }
  | { kind: 'addSection'; categoryId: string }
  | { kind: 'delete'; nodeId: string; title: string; nodeKind: NodeRow['kind']; sections: number; entries: number }
  // Working on a volume (renderer/app/volume): 移动到…, 更改状态…, deleting an entry or subsection, the registry editor.
  | { kind: 'moveNode'; nodeId: string }
  | { kind: 'setStage'; sectionId: string }
  | { kind: 'deleteItem'; nodeId: string; title: string; nodeKind: 'entry' | 'subsection'; entries: number }
  | { kind: 'contributor'; key: string }
  // 来稿原文 (renderer/app/source): the viewer of an imported draft kept with the book.
  | { kind: 'source'; sourceId: string };

export interface Notice {
  id: number;
  kind: 'error' | 'info';
  text: { key: MessageKey; params?: MessageParams } | { raw: string };
  /** A button in the notice that runs a menu command (e.g. 撤销 after an import). */
  action?: { label: MessageKey; command: MenuCommand };
}

/** What a book-wide change is called in the undo menu item and notice, e.g. 导入 or 全部修复. */
export interface UndoLabel {
  key: MessageKey;
  params?: MessageParams;
}

/** The book before and after the last change recorded with an undo label (see undoBookChange). */
interface UndoRecord {
  bookId: string;
  before: Book;
  after: Book;
  label: UndoLabel;
  at: string;
}

export interface ViewSettings {
  locale: Locale;
  zoom: number;
  showOutline: boolean;
  showSidePanel: boolean;
  sideTab: string;
  outlineWidth: number;
  sideWidth: number;
  /** The name this editor signs status changes with (初审 by …); remembered on this computer. */
  editorName: string;
}

export interface WorkbenchState {
  phase: 'starting' | 'ready' | 'fatal';
  fatal: string | null;
  /** Why there is no book: first run without a sample, or the last book was removed. */
  books: BookSummary[];
  book: BookRow | null;
  outline: NodeRow[];
  open: OpenDoc | null;
  /** Asset object URLs of the open section, by asset id. */
  assetUrls: Record<string, string>;
  selectedId: string | null;
  focus: EditorFocus | undefined;
  caret: EditorSelectionInfo;
  save: SaveState;
  /** A book-level operation (open, save, restore …) is running. */
  busy: MessageKey | null;
  notices: Notice[];
  dialog: Dialog | null;
  view: ViewSettings;
  appInfo: AppInfo | null;
  persist: PersistResult | null;
  revisions: RevisionSummary[] | null;
  /** Name of the book file last opened or saved, for 保存. */
  fileName: string | null;
  /** Raised when the open section is replaced from outside the editor (restore), so the editor remounts. */
  editorEpoch: number;
  /** The last book-wide change that 撤销整体修改 can take back (an import, a fix-all …), or null. */
  bookUndo: { label: UndoLabel; at: string } | null;
  /** The outline node whose title is being edited in place (F2, 重命名 from a menu), or null. */
  renaming: string | null;
}

const DEFAULT_VIEW: ViewSettings = { locale: 'zh', zoom: 1, showOutline: true, showSidePanel: true, sideTab: 'details', outlineWidth: 288, sideWidth: 300, editorName: '' };
/** Longest wait before the panels hear of the editor's latest report (Workbench.editSection). */
const EDIT_NOTIFY_MS = 200;
export const ZOOM_STEPS = [0.8, 0.9, 1, 1.1, 1.25, 1.4, 1.6] as const;

/** Loads the sample book for the first run; injected so tests and the app can differ. */
export type SampleLoader = () => Promise<BookFileContents | null>;

export interface WorkbenchOptions {
  host: HostApi;
  db?: YearbookDb;
  loadSample: SampleLoader;
  window?: Window;
}

export class Workbench {
  readonly store: Store<WorkbenchState>;
  readonly host: HostApi;
  readonly db: YearbookDb;
  private readonly loadSample: SampleLoader;
  private readonly win: Window | undefined;
  private readonly autosaver: Autosaver<{ bookId: string; section: Section }>;
  private disposers: (() => void)[] = [];
  private focusNonce = 0;
  private noticeId = 0;
  private objectUrls = new Map<string, string>();
  /** Handlers other features register for menu commands (file.exportPdf, tools.validate …). */
  private readonly extraCommands = new Map<MenuCommand, () => void>();
  /** The mounted section editor's handle (commands for the menu), set by the editor pane. */
  private editorHandle: SectionEditorHandle | null = null;
  /** The book before and after the last change recorded with an undo label (see undoBookChange). */
  private undoRecord: UndoRecord | null = null;

  setEditorHandle(handle: SectionEditorHandle | null): void {
    this.editorHandle = handle;
  }

  get editor(): SectionEditorHandle | null {
    return this.editorHandle;
  }

  /** Runs an editor command from the menu (undo, redo, formatting …); false when no editor is open. */
  runEditorCommand(id: EditorCommandId): boolean {
    const h = this.editorHandle;
    if (!h) return false;
    h.focus();
    return h.run(id);
  }

  constructor(opts: WorkbenchOptions) {
    this.host = opts.host;
    this.db = opts.db ?? new YearbookDb();
    this.loadSample = opts.loadSample;
    this.win = opts.window;
    this.store = new Store<WorkbenchState>({
      phase: 'starting',
      fatal: null,
      books: [],
      book: null,
      outline: [],
      open: null,
      assetUrls: {},
      selectedId: null,
      focus: undefined,
      caret: {},
      save: { kind: 'saved', at: null },
      busy: null,
      notices: [],
      dialog: null,
      view: DEFAULT_VIEW,
      appInfo: null,
      persist: null,
      revisions: null,
      fileName: null,
      editorEpoch: 0,
      bookUndo: null,
      renaming: null,
    });
    this.autosaver = new Autosaver(async ({ value, snapshot }) => {
      const rows = await saveSection(this.db, value.bookId, value.section, { snapshot });
      this.mergeSectionRows(value.bookId, value.section.id, rows);
    });
    this.autosaver.subscribe((save) => {
      this.store.set({ save });
      if (save.kind === 'error') this.host.log('error', 'autosave failed', describeError(save.error));
      if (save.kind === 'saved' && this.store.get().view.sideTab === 'history') void this.refreshRevisions();
    });
  }

  get state(): WorkbenchState {
    return this.store.get();
  }

  // -------------------------------------------------------------------------------------------
  // Start-up

  async start(): Promise<void> {
    mark('yb:start');
    try {
      await this.db.open();
      const repaired = await repairAfterUnload(this.db);
      const [savedView, books0, currentId, sampleLoaded] = await Promise.all([
        getSetting<Partial<ViewSettings>>(this.db, 'view', {}),
        listBooks(this.db),
        getSetting<string | null>(this.db, 'currentBookId', null),
        getSetting<boolean>(this.db, 'sampleLoaded', false),
      ]);
      const view = { ...DEFAULT_VIEW, ...savedView };
      setLocale(view.locale);
      this.store.set({ view });
      if (repaired.length) this.host.log('info', `outline rows rebuilt for ${repaired.length} section(s) saved during the last unload`);
      if (this.win) {
        this.disposers.push(
          flushOnPageHide(
            this.win,
            () => void this.autosaver.flush().catch(() => undefined),
            () => this.saveBeforeUnload(),
          ),
        );
      }
      this.disposers.push(this.host.onMenuCommand((c) => void this.command(c)));
      // Desktop: flush before the window closes; book files the OS hands over (double-click) open here.
      if (this.host.onBeforeClose) this.disposers.push(this.host.onBeforeClose(() => this.flush()));
      void this.host.appInfo().then((appInfo) => this.store.set({ appInfo }));
      void this.initPersistence();

      let books = books0;
      let target = books.find((b) => b.id === currentId) ?? books[0];
      if (!target && !sampleLoaded) {
        // First run: the sample book.
        const sample = await this.loadSample();
        if (sample) {
          await putBook(this.db, sample);
          await setSetting(this.db, 'sampleLoaded', true);
          this.host.log('info', `first run: loaded the sample book ${sample.book.title}`);
          books = await listBooks(this.db);
          target = books[0];
        }
      }
      this.store.set({ books });
      if (target) await this.loadBook(target.id);
      this.store.set({ phase: 'ready' });
      if (this.host.onOpenFile) this.disposers.push(this.host.onOpenFile((f) => void this.openHostFile(f)));
    } catch (e) {
      this.host.log('error', 'start-up failed', describeError(e));
      this.store.set({ phase: 'fatal', fatal: isUserError(e) ? e.message : describeError(e) });
    }
  }

  private async initPersistence(): Promise<void> {
    const nav = this.win?.navigator;
    const persist = await requestPersistence(nav?.storage, (level, m) => this.host.log(level, m));
    this.store.set({ persist });
    await setSetting(this.db, 'persist', { result: persist, at: new Date().toISOString() });
  }

  dispose(): void {
    this.cancelEditNotice?.();
    this.cancelEditNotice = null;
    for (const d of this.disposers) d();
    this.disposers = [];
    this.autosaver.dispose();
    this.revokeUrls();
    this.db.close();
  }

  // -------------------------------------------------------------------------------------------
  // Notices

  notify(kind: Notice['kind'], text: Notice['text'], action?: Notice['action']): void {
    const id = ++this.noticeId;
    this.store.set((s) => ({ notices: [...s.notices.slice(-3), { id, kind, text, ...(action ? { action } : {}) }] }));
    // A notice with a button (撤销) stays long enough to be used.
    if (kind === 'info') setTimeout(() => this.dismiss(id), action ? 12000 : 5000);
  }

  /** Puts text on the clipboard and says so (`done`), or that it could not (`failKey`, the reason in the log). */
  async copyText(text: string, done: Notice['text'], failKey: MessageKey): Promise<boolean> {
    try {
      if (!globalThis.navigator?.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(text);
      this.notify('info', done);
      return true;
    } catch (e) {
      this.host.log('warn', 'copying to the clipboard failed', describeError(e));
      this.notify('error', { key: failKey });
      return false;
    }
  }

  dismiss(id: number): void {
    this.store.set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
  }

  /** Reports a failure: the message in the UI's language (a UserError's own, or `fallback`), the detail in the log. */
  fail(e: unknown, fallback: MessageKey): void {
    // Bad input (a damaged file …) is the user's to fix: a warning in the log; anything else is an error.
    this.host.log(isUserError(e) ? 'warn' : 'error', fallback, describeError(e));
    if (isUserError(e)) this.notify('error', { key: e.key, params: e.params });
    else this.notify('error', { key: fallback, params: { detail: e instanceof Error ? e.message : String(e) } });
  }

  private async busyWith<T>(key: MessageKey, fn: () => Promise<T>): Promise<T> {
    this.store.set({ busy: key });
    try {
      return await fn();
    } finally {
      this.store.set({ busy: null });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Books

  /**
   * Shows a stored book: the outline first (light rows only), then — a frame later, so the outline is on
   * screen before the editor is built — the section that was open last.
   */
  async loadBook(bookId: string): Promise<void> {
    await this.flush();
    const [book, outline, last] = await Promise.all([
      getBookRow(this.db, bookId),
      readOutline(this.db, bookId),
      getSetting<string | null>(this.db, `lastOpen:${bookId}`, null),
    ]);
    if (!book) throw new Error(`book ${bookId} is not in storage`);
    mark('yb:outline-read');
    this.revokeUrls();
    const switching = this.state.book?.id !== bookId;
    this.store.set({
      phase: this.state.phase === 'fatal' ? 'fatal' : 'ready',
      book,
      outline,
      open: null,
      assetUrls: {},
      selectedId: null,
      focus: undefined,
      caret: {},
      revisions: null,
      ...(switching ? { fileName: null } : {}),
    });
    const navAtLoad = ++this.navSeq;
    await Promise.all([markBookOpened(this.db, bookId), setSetting(this.db, 'currentBookId', bookId)]);
    // A book-wide undo recorded for this book (before a restart) is offered again; one for another book is not.
    if (this.undoRecord?.bookId !== bookId) this.undoRecord = null;
    if (!this.undoRecord) {
      const stored = await getSetting<UndoRecord | null>(this.db, 'bookUndo', null).catch(() => null);
      if (stored?.bookId === bookId) this.undoRecord = stored;
    }
    this.store.set({ bookUndo: this.undoRecord ? { label: this.undoRecord.label, at: this.undoRecord.at } : null });
    this.store.set({ books: await listBooks(this.db) });
    await nextFrame(this.win);
    // The outline has been on screen since the rows were read: a section the user opened meanwhile stays open.
    if (this.navSeq !== navAtLoad || this.state.book?.id !== bookId) return;
    const ordered = sortedSections(outline);
    const first = ordered.find((n) => n.kind === 'section') ?? ordered[0];
    const target = outline.find((n) => n.id === last && (n.kind === 'section' || n.kind === 'matter')) ?? first;
    if (target) await this.openNode(target.id);
  }

  private async reloadOutline(): Promise<void> {
    const book = this.state.book;
    if (!book) return;
    const [row, outline] = await Promise.all([getBookRow(this.db, book.id), readOutline(this.db, book.id)]);
    this.store.set({ outline, book: row ?? book });
  }

  private mergeSectionRows(bookId: string, sectionId: string, rows: NodeRow[]): void {
    if (this.state.book?.id !== bookId) return;
    this.store.set((s) => ({ outline: [...s.outline.filter((n) => n.sectionId !== sectionId), ...rows] }));
  }

  async createBook(p: { title: string; volumeYear: number; recordYear: number; publisherOrg?: string }): Promise<void> {
    try {
      const book = newBook({ title: p.title, volumeYear: p.volumeYear, recordYear: p.recordYear, ...(p.publisherOrg ? { publisherOrg: p.publisherOrg } : {}) });
      await putBook(this.db, { book, assets: new Map() });
      this.store.set({ dialog: null });
      await this.loadBook(book.id);
      this.notify('info', { key: 'app.notice.bookCreated', params: { title: book.title } });
    } catch (e) {
      this.fail(e, 'app.error.storage');
    }
  }

  /** Opens a .yearbook file. All-or-nothing: a file that does not read leaves the current book untouched. */
  async openBookFile(): Promise<void> {
    let files;
    try {
      files = await this.host.openFiles({ title: t('app.dialog.openTitle'), filters: [{ name: t('app.dialog.fileType'), extensions: [BOOK_FILE_EXTENSION] }] });
    } catch (e) {
      this.fail(e, 'app.error.openFile');
      return;
    }
    const file = files[0];
    if (file) await this.openHostFile(file);
  }

  /** Opens book-file bytes from the host (a dialog, or the OS handing over a double-clicked file). */
  async openHostFile(file: HostFile): Promise<void> {
    await this.busyWith('app.busy.opening', async () => {
      try {
        mark('yb:open-file');
        const contents = readBookFile(file.bytes, file.name);
        mark('yb:open-file:parsed');
        await this.importContents(contents, 'app.notice.opened', { file: file.name });
        mark('yb:open-file:done');
        this.store.set({ fileName: file.name });
      } catch (e) {
        this.fail(e, 'app.error.openFile');
      }
    });
  }

  /** Stores a complete book, keeping a backup of the stored version with the same id first. */
  private async importContents(contents: BookFileContents, notice: MessageKey, params: MessageParams): Promise<void> {
    await this.flush();
    const existing = await getBookRow(this.db, contents.book.id);
    if (existing) await this.backupBook(existing.id, 'replace');
    await putBook(this.db, contents);
    mark('yb:open-file:stored');
    await this.loadBook(contents.book.id);
    this.notify('info', { key: notice, params: { ...params, title: contents.book.title } });
  }

  async switchBook(bookId: string): Promise<void> {
    this.store.set({ dialog: null });
    try {
      await this.loadBook(bookId);
    } catch (e) {
      this.fail(e, 'app.error.storage');
    }
  }

  defaultFileName(): string {
    const b = this.state.book;
    if (!b) return `${t('label.defaultBookName')}.${BOOK_FILE_EXTENSION}`;
    return this.state.fileName ?? `${b.title}（${b.volumeYear}）.${BOOK_FILE_EXTENSION}`;
  }

  async saveBookFile(mode: 'save' | 'saveAs'): Promise<void> {
    const book = this.state.book;
    if (!book) return;
    await this.busyWith('app.busy.saving', async () => {
      try {
        await this.flush();
        const bytes = writeBookFile(await readBook(this.db, book.id), { createdBy: `${this.state.appInfo?.name ?? 'Yearbook Workbench'} ${this.state.appInfo?.version ?? ''}`.trim() });
        const r = await this.host.saveFile({
          title: t(mode === 'save' ? 'app.dialog.saveTitle' : 'app.dialog.saveAsTitle'),
          defaultName: this.defaultFileName(),
          filters: [{ name: t('app.dialog.fileType'), extensions: [BOOK_FILE_EXTENSION] }],
          bytes: bytes as Uint8Array<ArrayBuffer>,
          mode,
        });
        if (r.saved) {
          this.store.set({ fileName: r.name ?? this.defaultFileName() });
          this.notify('info', { key: 'app.notice.savedFile', params: { file: r.name ?? this.defaultFileName() } });
        }
      } catch (e) {
        this.fail(e, 'app.error.saveFile');
      }
    });
  }

  private async backupBook(bookId: string, _why: 'manual' | 'replace'): Promise<BackupInfo> {
    const contents = await readBook(this.db, bookId);
    return this.host.writeBackup({ bookId, bookTitle: `${contents.book.title}（${contents.book.volumeYear}）`, bytes: writeBookFile(contents) as Uint8Array<ArrayBuffer> });
  }

  async backupNow(): Promise<void> {
    const book = this.state.book;
    if (!book) return;
    await this.busyWith('app.busy.backup', async () => {
      try {
        await this.flush();
        await this.backupBook(book.id, 'manual');
        this.notify('info', { key: 'app.notice.backedUp' });
        if (this.state.dialog?.kind === 'backups') await this.showBackups();
      } catch (e) {
        this.fail(e, 'app.error.backup');
      }
    });
  }

  async showBackups(): Promise<void> {
    this.store.set({ dialog: { kind: 'backups', backups: null } });
    try {
      const backups = await this.host.listBackups();
      if (this.state.dialog?.kind === 'backups') this.store.set({ dialog: { kind: 'backups', backups } });
    } catch (e) {
      this.store.set({ dialog: null });
      this.fail(e, 'app.error.backup');
    }
  }

  async restoreBackup(id: string): Promise<void> {
    this.store.set({ dialog: null });
    await this.busyWith('app.busy.restoring', async () => {
      try {
        const info = (await this.host.listBackups()).find((b) => b.id === id);
        const contents = readBookFile(await this.host.readBackup(id), info?.bookTitle ?? id);
        await this.importContents(contents, 'app.notice.restored', { when: info?.createdAt ?? '' });
      } catch (e) {
        this.fail(e, 'app.error.restore');
      }
    });
  }

  // -------------------------------------------------------------------------------------------
  // Outline and the open section

  /**
   * Opens a section or matter page (flushing the one being edited first) and selects the node. Resolves to false
   * when nothing was opened: the node is gone, its content could not be read, or a later navigation overtook it.
   */
  async openNode(nodeId: string, focus?: Omit<EditorFocus, 'nonce'>): Promise<boolean> {
    const node = this.state.outline.find((n) => n.id === nodeId);
    if (!node) return false;
    // The latest navigation wins: a click made while an earlier open (or the book's first open) still reads
    // storage is not undone when that earlier one finishes.
    const seq = ++this.navSeq;
    const superseded = () => seq !== this.navSeq;
    if (node.kind === 'category') {
      this.store.set({ selectedId: nodeId });
      return true;
    }
    const docId = node.kind === 'section' || node.kind === 'matter' ? node.id : node.sectionId;
    if (!docId) return false;
    if (this.state.open?.id !== docId) {
      await this.flush();
      if (superseded()) return false;
      try {
        if (node.kind === 'matter') {
          const matter = await readMatter(this.db, docId);
          if (!matter) throw new Error(`matter ${docId} has no content`);
          if (superseded()) return false;
          this.store.set({ open: { kind: 'matter', id: docId, matter }, caret: {}, revisions: null });
        } else {
          const section = await readSection(this.db, docId);
          if (!section) throw new Error(`section ${docId} has no content`);
          const assetUrls = await this.assetUrlsFor(section);
          if (superseded()) return false;
          this.lastSection.clear();
          this.lastSection.set(section.id, section);
          this.store.set({ open: { kind: 'section', id: docId, section }, assetUrls, caret: {}, revisions: null });
        }
        await setSetting(this.db, `lastOpen:${this.state.book!.id}`, docId);
        if (this.state.view.sideTab === 'history') void this.refreshRevisions();
      } catch (e) {
        // An open overtaken by a later one says nothing: what the user asked for last is what counts.
        if (superseded()) this.host.log('warn', `an overtaken open of ${docId} failed`, describeError(e));
        else this.fail(e, 'app.error.storage');
        return false;
      }
      // A later navigation (even within this page) owns the selection and the caret now.
      if (superseded()) return false;
    }
    const target = focus ?? (node.kind === 'entry' || node.kind === 'subsection' ? { nodeId } : undefined);
    this.store.set({
      selectedId: nodeId,
      focus: target ? { ...target, nonce: ++this.focusNonce } : this.state.focus,
      ...(node.kind === 'entry' ? { caret: { entryId: nodeId } } : {}),
    });
    return true;
  }

  /** Counts navigations (openNode, a book shown), so that only the latest one applies its result. */
  private navSeq = 0;

  select(nodeId: string): void {
    this.store.set({ selectedId: nodeId });
  }

  /** The editor reports every change with the complete section; it is shown at once and saved shortly after. */
  editSection(section: Section): void {
    const { open, book } = this.state;
    if (!book || open?.kind !== 'section' || open.id !== section.id) return;
    // The editor may report a section that only differs in object identity (on load, on focus): nothing to save.
    const last = this.lastSection.get(section.id);
    if (last && jsonEqual(last, section)) return;
    this.lastSection.set(section.id, section);
    this.fromEditor.add(section);
    // The state holds the new content at once (commands, saves and exports read it), but the panels that show it
    // (the editor's header, 详情, 索引, 批注, the checker) hear of it once the browser is idle — at most
    // EDIT_NOTIFY_MS later, one notice for a burst of keystrokes — so their renders stay out of the keystroke's
    // frame (docs/editor.md, keystroke latency in the workbench).
    this.store.setQuietly({ open: { kind: 'section', id: section.id, section } });
    this.cancelEditNotice ??= whenIdle(() => {
      this.cancelEditNotice = null;
      this.store.notify();
    }, EDIT_NOTIFY_MS);
    // last is what storage holds when nothing of this section is unsaved: the base of the burst's revision.
    this.autosaver.change(section.id, { bookId: book.id, section }, last ? { bookId: book.id, section: last } : undefined);
  }

  private cancelEditNotice: (() => void) | null = null;

  /** The last known content of the open section, to skip reports that change nothing. */
  private readonly lastSection = new Map<string, Section>();

  /** Sections the editor reported itself: the editor already shows them (EditorPane does not hand them back). */
  private readonly fromEditor = new WeakSet<Section>();
  emittedByEditor(section: Section): boolean {
    return this.fromEditor.has(section);
  }

  setCaret(caret: EditorSelectionInfo): void {
    const cur = this.state.caret;
    if (cur.entryId === caret.entryId && cur.blockId === caret.blockId) return;
    this.store.set({ caret, ...(caret.entryId ? { selectedId: caret.entryId } : {}) });
  }

  /** Writes pending edits now. */
  async flush(): Promise<void> {
    try {
      await this.autosaver.flush();
    } catch (e) {
      this.host.log('error', 'flush failed', describeError(e));
    }
  }

  /** The page is going away: write what is unsaved synchronously (see writeSectionsNow). */
  saveBeforeUnload(): void {
    const items = this.autosaver.takeUnsavedWithBase();
    const byBook = new Map<string, Section[]>();
    // Sections whose burst of edits was never saved: the version before it is kept as a revision.
    const before = new Map<string, Section>();
    for (const { value: v, before: b } of items) {
      byBook.set(v.bookId, [...(byBook.get(v.bookId) ?? []), v.section]);
      if (b) before.set(v.section.id, b.section);
    }
    for (const [bookId, sections] of byBook) {
      try {
        writeSectionsNow(this.db, bookId, sections, undefined, before);
      } catch (e) {
        this.host.log('error', 'saving before unload failed', describeError(e));
      }
    }
  }

  get dirty(): boolean {
    return this.autosaver.dirty;
  }

  private async assetUrlsFor(section: Section): Promise<Record<string, string>> {
    const ids = new Set<string>();
    const visit = (blocks: readonly { type: string; assetId?: string | null }[]) => {
      for (const b of blocks) if (b.type === 'figure' && b.assetId) ids.add(b.assetId);
    };
    for (const c of section.children) {
      if (c.type === 'entry') visit(c.blocks);
      else if (c.type === 'subsection') for (const sc of c.children) visit(sc.type === 'entry' ? sc.blocks : [sc]);
      else visit([c]);
    }
    const out: Record<string, string> = {};
    for (const id of ids) {
      let url = this.objectUrls.get(id);
      if (!url) {
        const a = await readAsset(this.db, id);
        if (!a) continue;
        url = URL.createObjectURL(new Blob([a.bytes as Uint8Array<ArrayBuffer>], { type: a.mime }));
        this.objectUrls.set(id, url);
      }
      out[id] = url;
    }
    return out;
  }

  private revokeUrls(): void {
    for (const u of this.objectUrls.values()) URL.revokeObjectURL(u);
    this.objectUrls.clear();
  }

  async addCategory(title: string): Promise<void> {
    const book = this.state.book;
    if (!book) return;
    try {
      const cat = await addCategory(this.db, book.id, title);
      this.store.set({ dialog: null });
      await this.reloadOutline();
      this.store.set({ selectedId: cat.id });
    } catch (e) {
      this.fail(e, 'app.error.storage');
    }
  }

  async addSection(categoryId: string, title: string): Promise<void> {
    const book = this.state.book;
    if (!book) return;
    try {
      const s = await addSection(this.db, book.id, categoryId, title);
      this.store.set({ dialog: null });
      await this.reloadOutline();
      await this.openNode(s.id);
    } catch (e) {
      this.fail(e, 'app.error.storage');
    }
  }

  /**
   * Renames an outline node. Categories, sections, subsections and entries are one book change with one undo
   * (a subsection's or entry's title is written into its section, and the open editor follows); matter pages
   * are renamed in storage directly.
   */
  async rename(nodeId: string, title: string): Promise<void> {
    const book = this.state.book;
    const row = this.state.outline.find((n) => n.id === nodeId);
    if (!book || !row) return;
    if (row.kind !== 'matter') {
      const ok = await this.changeBook((b) => retitleNode(b, nodeId, title), { snapshot: true, undo: { key: 'volume.undo.renamed', params: { title: row.title || title } } });
      if (ok) this.store.set({ dialog: null });
      return;
    }
    try {
      await this.flush();
      await renameMatter(this.db, book.id, nodeId, title);
      this.store.set({ dialog: null });
      await this.reloadOutline();
      const open = this.state.open;
      if (open?.kind === 'matter' && open.id === nodeId) this.store.set({ open: { ...open, matter: { ...open.matter, title } } });
    } catch (e) {
      this.fail(e, 'app.error.storage');
    }
  }

  /** Starts renaming a node in place in the outline (shown if hidden); the selected node when none is given. */
  startRename(nodeId: string | null = this.state.selectedId): void {
    const row = this.state.outline.find((n) => n.id === nodeId);
    if (!row) return;
    this.store.set({ renaming: row.id, selectedId: row.id, ...(this.state.view.showOutline ? {} : { view: { ...this.state.view, showOutline: true } }) });
  }

  /** Ends an in-place rename (the outline calls it when the field closes). */
  endRename(): void {
    if (this.state.renaming) this.store.set({ renaming: null });
  }

  /** Opens 移动到… for a node (the selected one when none is given): entries, subsections and sections. */
  askMove(nodeId: string | null = this.state.selectedId): void {
    const row = this.state.outline.find((n) => n.id === nodeId);
    if (!row || (row.kind !== 'entry' && row.kind !== 'subsection' && row.kind !== 'section')) return;
    this.store.set({ dialog: { kind: 'moveNode', nodeId: row.id } });
  }

  /**
   * Moves a node to the start or end of a container picked in 移动到… (an empty or collapsed section too): one
   * book change with one undo; the moved node stays selected and its new place is shown.
   */
  async moveNodeInto(nodeId: string, targetId: string, where: MoveEnd = 'end'): Promise<boolean> {
    const title = this.state.outline.find((n) => n.id === nodeId)?.title ?? '';
    const ok = await this.changeBook((b) => moveInto(b, nodeId, targetId, where), { snapshot: true, undo: { key: 'app.outline.moved', params: { title } } });
    if (ok) {
      this.store.set({ dialog: null });
      if (this.state.outline.some((n) => n.id === nodeId)) this.select(nodeId);
    }
    return ok;
  }

  /** Opens 更改状态… for a section (the open one, or the section of the selected node, when none is given). */
  askStage(sectionId?: string): void {
    const s = this.state;
    const id = sectionId ?? s.outline.find((n) => n.id === s.selectedId)?.sectionId ?? (s.open?.kind === 'section' ? s.open.id : null);
    if (!id || !s.outline.some((n) => n.id === id && n.kind === 'section')) return;
    this.store.set({ dialog: { kind: 'setStage', sectionId: id } });
  }

  /** Deletes an entry or a subsection (with its entries): one book change with one undo. */
  async deleteItem(nodeId: string): Promise<boolean> {
    const row = this.state.outline.find((n) => n.id === nodeId);
    if (!row) return false;
    this.store.set({ dialog: null });
    return this.changeBook((b) => removeNode(b, nodeId), { snapshot: true, undo: { key: 'volume.undo.deleted', params: { title: row.title } } });
  }

  /** Deletes a category or section after a backup of the whole book. */
  async deleteNode(nodeId: string): Promise<void> {
    const book = this.state.book;
    if (!book) return;
    this.store.set({ dialog: null });
    try {
      await this.flush();
      await this.backupBook(book.id, 'replace');
      const wasOpen = this.state.open && (this.state.open.id === nodeId || this.state.outline.find((n) => n.id === this.state.open!.id)?.parentId === nodeId);
      await deleteNode(this.db, book.id, nodeId);
      await this.reloadOutline();
      if (wasOpen) {
        this.store.set({ open: null, focus: undefined, caret: {} });
        const next = sortedSections(this.state.outline)[0];
        if (next) await this.openNode(next.id);
      }
      this.notify('info', { key: 'app.notice.deleted' });
    } catch (e) {
      this.fail(e, 'app.error.storage');
    }
  }

  askDelete(nodeId: string | null = this.state.selectedId): void {
    const n = this.state.outline.find((x) => x.id === nodeId);
    if (n && (n.kind === 'entry' || n.kind === 'subsection')) {
      const entries = n.kind === 'entry' ? 1 : this.state.outline.filter((x) => x.kind === 'entry' && x.parentId === n.id).length;
      this.store.set({ dialog: { kind: 'deleteItem', nodeId: n.id, title: n.title, nodeKind: n.kind, entries } });
      return;
    }
    if (!n || (n.kind !== 'category' && n.kind !== 'section')) return;
    const sections = n.kind === 'category' ? this.state.outline.filter((x) => x.parentId === n.id).length : 1;
    const entries = n.kind === 'category' ? this.state.outline.filter((x) => x.kind === 'entry' && this.state.outline.find((s) => s.id === x.sectionId)?.parentId === n.id).length : n.counts.entries;
    this.store.set({ dialog: { kind: 'delete', nodeId: n.id, title: n.title, nodeKind: n.kind, sections, entries } });
  }

  /**
   * Applies a book-wide change (a pure function over the Book: moves from shared/model/ops, sections added by
   * an import, a replace across the book …): edits in progress are saved first, only what differs is stored
   * (all-or-nothing), the outline and the open section follow. With snapshot, every changed section keeps
   * its previous content as a revision. Returns false (with a Chinese message) when the change fails.
   */
  async changeBook(change: (book: Book) => Book, opts: { snapshot?: boolean; undo?: UndoLabel; assets?: ReadonlyMap<string, Uint8Array> } = {}): Promise<boolean> {
    const book = this.state.book;
    if (!book) return false;
    try {
      await this.flush();
      // assets: bytes of images the change adds (an imported Word document's photos), stored in the same transaction.
      const result = await updateBook(this.db, book.id, change, { ...(opts.snapshot ? { snapshot: true } : {}), ...(opts.assets ? { addAssets: opts.assets } : {}) });
      if (opts.undo) {
        await this.setUndo({ bookId: book.id, before: result.previous, after: result.book, label: opts.undo, at: new Date().toISOString() });
        this.notify('info', { key: 'app.notice.bookChanged', params: { what: this.labelText(opts.undo) } }, { label: 'app.undo', command: 'edit.undoBookChange' });
      } else if (this.undoRecord?.bookId === book.id && (result.changedSections.length || result.removed.length)) {
        // Another book-wide change came after: undoing the earlier one would throw this one away.
        await this.setUndo(null);
      }
      await this.reloadOutline();
      const open = this.state.open;
      if (open && result.removed.includes(open.id)) {
        this.store.set({ open: null, focus: undefined, caret: {} });
        const next = sortedSections(this.state.outline).find((n) => n.kind === 'section');
        if (next) await this.openNode(next.id);
      } else if (open?.kind === 'section' && result.changedSections.includes(open.id)) {
        const nav = this.navSeq;
        const section = await readSection(this.db, open.id);
        const assetUrls = section ? await this.assetUrlsFor(section) : {};
        // Shown again only if the user is still on it (they may have opened another page meanwhile).
        if (section && nav === this.navSeq && this.state.open?.id === section.id) {
          this.lastSection.set(section.id, section);
          this.store.set({ open: { kind: 'section', id: section.id, section }, assetUrls });
        }
      }
      if (this.state.view.sideTab === 'history') void this.refreshRevisions();
      return true;
    } catch (e) {
      this.fail(e, 'app.error.storage');
      return false;
    }
  }

  /**
   * Takes back the last book-wide change recorded with an undo label (an import, a fix-all): the whole book
   * returns to how it was before, in one transaction, keeping the replaced content as revisions. Refused with
   * a message when the book was edited since — then the revision history of each section is the way back.
   */
  async undoBookChange(): Promise<boolean> {
    const rec = this.undoRecord;
    const book = this.state.book;
    if (!rec || !book || rec.bookId !== book.id) return false;
    try {
      await this.flush();
      const current = await readStoredBook(this.db, book.id);
      if (!jsonEqual(withoutStamp(current), withoutStamp(rec.after))) {
        await this.setUndo(null);
        this.notify('error', { key: 'app.error.undoStale' });
        return false;
      }
      const label = this.state.bookUndo?.label;
      const ok = await this.changeBook(() => ({ ...rec.before, updatedAt: current.updatedAt }), { snapshot: true });
      if (ok) {
        await this.setUndo(null);
        this.store.set((st) => ({ editorEpoch: st.editorEpoch + 1 }));
        if (label) this.notify('info', { key: 'app.notice.bookUndone', params: { what: this.labelText(label) } });
      }
      return ok;
    } catch (e) {
      this.fail(e, 'app.error.storage');
      return false;
    }
  }

  /**
   * Records (or forgets) the book-wide change that can be undone. It is stored too, so the undo is still there
   * after a restart (an import accepted at the end of the day can be taken back the next morning).
   */
  private async setUndo(rec: UndoRecord | null): Promise<void> {
    this.undoRecord = rec;
    this.store.set({ bookUndo: rec ? { label: rec.label, at: rec.at } : null });
    try {
      await setSetting(this.db, 'bookUndo', rec);
    } catch (e) {
      this.host.log('warn', 'could not store the book-wide undo', describeError(e));
    }
  }

  private labelText(label: UndoLabel): string {
    return t(label.key, label.params);
  }

  /** Sets a section's workflow stage, signed with the editor's name and the time. */
  async setSectionStage(sectionId: string, stage: Stage, by: string): Promise<boolean> {
    const name = by.trim();
    if (name !== this.state.view.editorName) await this.setView({ editorName: name });
    const status = { stage, ...(name ? { by: name } : {}), at: new Date().toISOString() };
    return this.changeBook((b) => setSectionStatus(b, sectionId, status));
  }

  /**
   * Moves an outline node before, after or into another (drag and drop, Alt+↑/↓): one book change that a
   * single undo takes back; the moved node stays selected.
   */
  async moveNode(nodeId: string, targetId: string, position: DropPosition): Promise<boolean> {
    const title = this.state.outline.find((n) => n.id === nodeId)?.title ?? '';
    const ok = await this.changeBook((b) => moveRelative(b, nodeId, targetId, position), { snapshot: true, undo: { key: 'app.outline.moved', params: { title } } });
    if (ok && this.state.outline.some((n) => n.id === nodeId)) this.select(nodeId);
    return ok;
  }

  /**
   * Shows a place in the book: opens its section and reveals the node (entry, block) with an optional text
   * range — for the problems panel, search results, import review.
   */
  async goTo(target: { sectionId: string; nodeId?: string; start?: number; end?: number; field?: EditorFocus['field']; cell?: EditorFocus['cell'] }): Promise<void> {
    const focus = target.nodeId
      ? {
          nodeId: target.nodeId,
          ...(target.start !== undefined ? { start: target.start } : {}),
          ...(target.end !== undefined ? { end: target.end } : {}),
          ...(target.field ? { field: target.field } : {}),
          ...(target.cell ? { cell: target.cell } : {}),
        }
      : undefined;
    if (!(await this.openNode(target.sectionId, focus))) return;
    // openNode selects outline nodes only; a block id is shown without changing the outline selection.
    if (target.nodeId && this.state.outline.some((n) => n.id === target.nodeId)) this.select(target.nodeId);
  }

  /** The open book as a model, as stored (the checker keeps its own copy and patches it after saves). */
  async readBookModel(): Promise<Book | null> {
    const row = this.state.book;
    return row ? readStoredBook(this.db, row.id) : null;
  }

  /** Adds (or updates) a person or unit in the book's contributor registry (from the editor's attribution tagging). */
  async addContributor(c: Contributor): Promise<void> {
    await this.updateShell((shell) => ({ ...shell, contributors: [...shell.contributors.filter((x) => x.id !== c.id), c] }));
  }

  /**
   * Stores a new or changed review comment in book.comments (same id = replace); its anchor is a comment mark in
   * the section the editor saves. Not a book-wide change: the comment list lives in the book row.
   */
  async saveComment(comment: Comment): Promise<void> {
    await this.updateShell((shell) => ({ ...shell, comments: putComment(shell.comments, comment) }));
  }

  /** Removes a comment from book.comments (the editor removes its anchors from the section). */
  async deleteComment(commentId: string): Promise<void> {
    await this.updateShell((shell) => ({ ...shell, comments: dropComment(shell.comments, commentId) }));
  }

  /** Puts people into a unit (registering names only lines use): one book change with one undo. */
  assignUnit(people: readonly string[], unit: string): Promise<boolean> {
    return this.changeBook((b) => assignUnitByName(b, people, unit), { snapshot: true, undo: { key: 'volume.undo.unit', params: { names: people.join('、'), unit } } });
  }

  /** A change to the open book's row (registries, comments), not a book-wide change; a failure is reported. */
  private async updateShell(fn: Parameters<typeof updateBookShell>[2]): Promise<void> {
    const book = this.state.book;
    if (!book) return;
    try {
      const row = await updateBookShell(this.db, book.id, fn);
      if (this.state.book?.id === row.id) this.store.set({ book: row });
    } catch (e) {
      this.fail(e, 'app.error.storage');
    }
  }

  /** Remembers the name this editor signs comments and status changes with (on this computer). */
  async setEditorName(name: string): Promise<void> {
    const n = name.trim();
    if (n && n !== this.state.view.editorName) await this.setView({ editorName: n });
  }

  /**
   * Asks the host for an image file (JPEG, PNG, WebP) and stores it as an asset of the book (addImageFile).
   * Resolves to the asset, or null when the user cancelled or the file was refused (with a Chinese message).
   */
  async pickImage(): Promise<Asset | null> {
    if (!this.state.book) return null;
    let files: HostFile[];
    try {
      files = await this.host.openFiles({ title: t('image.dialogTitle'), filters: [{ name: t('image.fileType'), extensions: [...IMAGE_EXTENSIONS] }] });
    } catch (e) {
      this.fail(e, 'app.error.openFile');
      return null;
    }
    const file = files[0];
    return file ? this.addImageFile(file) : null;
  }

  /**
   * Stores image bytes as an asset of the open book: the type is read from the bytes (JPEG, PNG, WebP — what the
   * editor and the PDF export can show; anything else is refused with a message saying what to do), the size
   * and pixel dimensions checked, and bytes and record written in one transaction (all-or-nothing). The same
   * image added twice is stored once. The asset's URL is ready for the editor when this resolves.
   */
  async addImageFile(file: HostFile): Promise<Asset | null> {
    const book = this.state.book;
    if (!book) return null;
    try {
      const info = readImageInfo(file.bytes, file.name);
      const record: Asset = {
        id: randomId(ID_PREFIX.asset),
        fileName: file.name,
        mime: info.mime,
        byteLength: file.bytes.length,
        sha256: sha256Hex(file.bytes),
        width: info.width,
        height: info.height,
      };
      const { asset, row } = await addAsset(this.db, book.id, record, file.bytes);
      let url = this.objectUrls.get(asset.id);
      if (!url) {
        url = URL.createObjectURL(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: asset.mime }));
        this.objectUrls.set(asset.id, url);
      }
      if (this.state.book?.id === row.id) this.store.set((st) => ({ book: row, assetUrls: { ...st.assetUrls, [asset.id]: url } }));
      this.host.log('info', `image ${file.name} stored as ${asset.id} (${info.mime}, ${info.width}×${info.height}, ${file.bytes.length} bytes)`);
      if (info.width < 1200) this.notify('info', { key: 'image.lowResolution', params: { file: file.name, width: info.width, height: info.height } });
      return asset;
    } catch (e) {
      if (isUserError(e)) this.fail(e, 'app.error.storage');
      else {
        this.host.log('error', 'storing an image failed', describeError(e));
        this.notify('error', { key: 'image.failed', params: { detail: e instanceof Error ? e.message : String(e) } });
      }
      return null;
    }
  }

  // -------------------------------------------------------------------------------------------
  // Revisions

  async refreshRevisions(): Promise<void> {
    const open = this.state.open;
    if (open?.kind !== 'section') {
      this.store.set({ revisions: [] });
      return;
    }
    const revisions = await listRevisions(this.db, open.id);
    if (this.state.open?.id === open.id) this.store.set({ revisions });
  }

  async restoreRevision(id: number): Promise<void> {
    const { book, open } = this.state;
    if (!book || open?.kind !== 'section') return;
    try {
      await this.flush();
      const nav = this.navSeq;
      const section = await restoreRevision(this.db, book.id, id);
      const assetUrls = await this.assetUrlsFor(section);
      // A new object for the same section: the pane remounts the editor with the restored content (unless the user
      // has opened another page meanwhile; the restored version is stored either way).
      if (nav === this.navSeq && this.state.open?.id === section.id) {
        this.lastSection.set(section.id, section);
        this.store.set({ open: { kind: 'section', id: section.id, section }, assetUrls });
        this.store.set((st) => ({ editorEpoch: st.editorEpoch + 1 }));
      }
      await this.reloadOutline();
      await this.refreshRevisions();
      this.notify('info', { key: 'app.notice.revisionRestored' });
    } catch (e) {
      this.fail(e, 'app.error.storage');
    }
  }

  // -------------------------------------------------------------------------------------------
  // View settings

  async setView(patch: Partial<ViewSettings>): Promise<void> {
    const view = { ...this.state.view, ...patch };
    if (patch.locale) setLocale(patch.locale);
    this.store.set({ view });
    if (patch.sideTab === 'history') void this.refreshRevisions();
    // Dragging a splitter changes the view many times a second: store it once it settles.
    if (this.viewTimer) clearTimeout(this.viewTimer);
    await new Promise<void>((resolve) => {
      this.viewTimer = setTimeout(() => {
        this.viewTimer = null;
        setSetting(this.db, 'view', this.state.view).then(resolve, (e: unknown) => {
          this.host.log('warn', 'could not store the view settings', describeError(e));
          resolve();
        });
      }, 250);
    });
  }

  private viewTimer: ReturnType<typeof setTimeout> | null = null;

  zoom(dir: 1 | -1 | 0): void {
    const cur = this.state.view.zoom;
    let next = 1;
    if (dir !== 0) {
      const i = ZOOM_STEPS.findIndex((z) => z >= cur - 1e-6);
      const j = Math.min(ZOOM_STEPS.length - 1, Math.max(0, (i < 0 ? ZOOM_STEPS.length - 1 : i) + dir));
      next = ZOOM_STEPS[j]!;
    }
    void this.setView({ zoom: next });
  }

  // -------------------------------------------------------------------------------------------
  // Menu commands

  /** Lets another feature handle a menu command (e.g. the PDF export registers file.exportPdf). */
  registerCommand(command: MenuCommand, handler: () => void): () => void {
    this.extraCommands.set(command, handler);
    return () => this.extraCommands.delete(command);
  }

  hasCommand(command: MenuCommand): boolean {
    return this.extraCommands.has(command) || BUILT_IN.has(command);
  }

  async command(c: MenuCommand): Promise<void> {
    const extra = this.extraCommands.get(c);
    if (extra) return extra();
    switch (c) {
      case 'file.newBook':
        return this.store.set({ dialog: { kind: 'newBook' } });
      case 'file.open':
        return this.openBookFile();
      case 'file.save':
        return this.saveBookFile('save');
      case 'file.saveAs':
        return this.saveBookFile('saveAs');
      case 'file.backupNow':
        return this.backupNow();
      case 'file.restoreBackup':
        return this.showBackups();
      case 'file.exportPdf':
        if (!this.state.appInfo?.canPrintPdf) return this.store.set({ dialog: { kind: 'pdfUnavailable' } });
        return;
      case 'edit.undo':
        this.runEditorCommand('edit.undo');
        return;
      case 'edit.redo':
        this.runEditorCommand('edit.redo');
        return;
      case 'edit.find':
        this.runEditorCommand('find.find');
        return;
      case 'edit.replace':
        this.runEditorCommand('find.replace');
        return;
      case 'edit.undoBookChange':
        await this.undoBookChange();
        return;
      case 'edit.commandPalette':
        return this.store.set({ dialog: { kind: 'palette' } });
      case 'view.toggleOutline':
        return this.setView({ showOutline: !this.state.view.showOutline });
      case 'view.toggleSidePanel':
        return this.setView({ showSidePanel: !this.state.view.showSidePanel });
      case 'view.zoomIn':
        return this.zoom(1);
      case 'view.zoomOut':
        return this.zoom(-1);
      case 'view.zoomReset':
        return this.zoom(0);
      case 'help.about':
        return this.store.set({ dialog: { kind: 'about' } });
      case 'help.shortcuts':
        return this.store.set({ dialog: { kind: 'shortcuts' } });
      case 'outline.rename':
        return this.startRename();
      case 'outline.moveTo':
        return this.askMove();
      case 'outline.setStage':
        return this.askStage();
      case 'outline.delete':
        return this.askDelete();
      case 'view.contributors':
        return this.setView({ showSidePanel: true, sideTab: 'contributors' });
      case 'view.copyContributors':
        return copyContributorTables(this);
      case 'view.sideDetails':
        return this.setView({ showSidePanel: true, sideTab: 'details' });
      case 'view.sideHistory':
        return this.setView({ showSidePanel: true, sideTab: 'history' });
      case 'view.sideProblems':
        return this.setView({ showSidePanel: true, sideTab: 'problems' }); // PROBLEMS_TAB
      default:
        this.host.log('debug', `menu command ${c} has no handler in this build`);
    }
  }
}

const BUILT_IN = new Set<MenuCommand>([
  'file.newBook',
  'file.open',
  'file.save',
  'file.saveAs',
  'file.backupNow',
  'file.restoreBackup',
  'edit.undo',
  'edit.redo',
  'edit.find',
  'edit.replace',
  'edit.undoBookChange',
  'edit.commandPalette',
  'view.toggleOutline',
  'view.toggleSidePanel',
  'view.zoomIn',
  'view.zoomOut',
  'view.zoomReset',
  'help.about',
  'help.shortcuts',
  'outline.rename',
  'outline.moveTo',
  'outline.setStage',
  'outline.delete',
  'view.contributors',
  'view.copyContributors',
  'view.sideDetails',
  'view.sideHistory',
  'view.sideProblems',
]);

/** A book without its last-changed stamp, for "has anything changed since" comparisons. */
function withoutStamp(book: Book): Book {
  return { ...book, updatedAt: '' };
}

/** Resolves after the browser had a chance to paint (a timer where there is no window). */
function nextFrame(win: Window | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (win?.requestAnimationFrame && win.document.visibilityState === 'visible') win.requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

/** Performance marks for the storage benchmark (tests/bench/storage.bench.ts); free when nobody reads them. */
export function mark(name: string): void {
  globalThis.performance?.mark?.(name);
}

/** Sections (and matter pages) in book order. */
export function sortedSections(outline: readonly NodeRow[]): NodeRow[] {
  const partRank = { front: 0, body: 1, back: 2 } as const;
  const top = outline.filter((n) => n.parentId === null).sort((a, b) => partRank[a.part] - partRank[b.part] || a.order - b.order);
  const out: NodeRow[] = [];
  for (const t of top) {
    if (t.kind === 'matter') out.push(t);
    else out.push(...outline.filter((n) => n.kind === 'section' && n.parentId === t.id).sort((a, b) => a.order - b.order));
  }
  return out;
}
