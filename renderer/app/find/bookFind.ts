// Find and replace across the whole book (scope 全书): one controller per workbench. The editor's find panel
// searches the open section; switching it to 全书 (or 编辑 › 在全书中查找和替换…, Ctrl+Shift+H) hands the query
// here, and the side panel's 查找 tab shows every hit of the book grouped by section, with its context and what
// it becomes. Hits can be left out one by one or a section at a time; 在全书替换 applies the rest as ONE book
// change (Workbench.changeBook: all-or-nothing, the open section's editor reloads it, one 撤销整体修改 takes it
// back). The matching is shared/model/find.ts, the same as the section search.
import { t, type MessageKey, type MessageParams } from '../../../shared/i18n';
import { describeError, findInBook, isUserError, replaceInBook, type FindHit, type FindQuery } from '../../../shared/model';
import type { BookFindRequest } from '../../editor/contract';
import { useWorkbench } from '../context';
import { Store, useStore } from '../store';
import type { Workbench } from '../workbench';

export const FIND_TAB = 'find';

export interface BookFindState {
  pattern: string;
  replacement: string;
  regex: boolean;
  matchCase: boolean;
  matchWidth: boolean;
  /** The replace field and the include boxes are shown. */
  replaceMode: boolean;
  status: 'idle' | 'searching' | 'ready' | 'replacing';
  hits: FindHit[];
  /** The query the hits are for (a replace uses exactly this). */
  searched: FindQuery | null;
  /** Hit keys left out of the replacement. */
  excluded: ReadonlySet<string>;
  /** A bad regular expression, in words. */
  error: string;
  message: { key: MessageKey; params?: MessageParams } | null;
  /** Raised to put the caret into the search field. */
  focusNonce: number;
}

const INITIAL: BookFindState = {
  pattern: '',
  replacement: '',
  regex: false,
  matchCase: false,
  matchWidth: true,
  replaceMode: true,
  status: 'idle',
  hits: [],
  searched: null,
  excluded: new Set(),
  error: '',
  message: null,
  focusNonce: 0,
};

/** Hits grouped by section in book order. */
export function groupHits(hits: readonly FindHit[]): { sectionId: string; hits: FindHit[] }[] {
  const out: { sectionId: string; hits: FindHit[] }[] = [];
  for (const h of hits) {
    const last = out[out.length - 1];
    if (last?.sectionId === h.sectionId) last.hits.push(h);
    else out.push({ sectionId: h.sectionId, hits: [h] });
  }
  return out;
}

export class BookFindController {
  readonly store = new Store<BookFindState>(INITIAL);
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  private disposers: (() => void)[] = [];

  constructor(private readonly wb: Workbench) {
    this.disposers.push(
      // 查找 / 替换 of the open section are the workbench's own (they open the editor's find panel).
      wb.registerCommand('edit.findInBook', () => this.open()),
    );
    let bookId = wb.state.book?.id ?? null;
    this.disposers.push(
      wb.store.subscribe(() => {
        const id = wb.state.book?.id ?? null;
        if (id !== bookId) {
          bookId = id;
          this.generation++;
          this.store.set({ hits: [], searched: null, excluded: new Set(), status: 'idle', message: null, error: '' });
        }
      }),
    );
  }

  get state(): BookFindState {
    return this.store.get();
  }

  dispose(): void {
    for (const d of this.disposers) d();
    if (this.timer) clearTimeout(this.timer);
  }

  /** Shows the 查找 tab (with the query handed over by the editor's panel) and searches. */
  open(request?: Partial<BookFindRequest>): void {
    const patch: Partial<BookFindState> = { focusNonce: this.state.focusNonce + 1, message: null };
    if (request) {
      if (request.pattern !== undefined) patch.pattern = request.pattern;
      if (request.replacement !== undefined) patch.replacement = request.replacement;
      if (request.regex !== undefined) patch.regex = request.regex;
      if (request.matchCase !== undefined) patch.matchCase = request.matchCase;
      if (request.matchWidth !== undefined) patch.matchWidth = request.matchWidth;
      if (request.replace !== undefined) patch.replaceMode = request.replace;
    }
    this.store.set(patch);
    void this.wb.setView({ showSidePanel: true, sideTab: FIND_TAB });
    void this.search();
  }

  /** Changes the query; the search runs a moment after typing pauses. */
  setQuery(patch: Partial<Pick<BookFindState, 'pattern' | 'regex' | 'matchCase' | 'matchWidth'>>): void {
    this.store.set({ ...patch, message: null });
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.search();
    }, 250);
  }

  setReplacement(replacement: string): void {
    this.store.set({ replacement, message: null });
  }

  setReplaceMode(replaceMode: boolean): void {
    this.store.set({ replaceMode });
  }

  query(): FindQuery {
    const s = this.state;
    return { pattern: s.pattern, regex: s.regex, matchCase: s.matchCase, matchWidth: s.matchWidth };
  }

  /** Searches the book as stored (edits in progress are saved first). */
  async search(): Promise<void> {
    const gen = ++this.generation;
    const q = this.query();
    if (!q.pattern) {
      this.store.set({ hits: [], searched: null, excluded: new Set(), status: 'idle', error: '' });
      return;
    }
    this.store.set({ status: 'searching', error: '' });
    try {
      await this.wb.flush();
      const book = await this.wb.readBookModel();
      if (gen !== this.generation) return;
      if (!book) {
        this.store.set({ status: 'idle', hits: [], searched: null });
        return;
      }
      const hits = findInBook(book, q);
      // Keep the choices made for hits that are still there.
      const keys = new Set(hits.map((h) => h.key));
      const excluded = new Set([...this.state.excluded].filter((k) => keys.has(k)));
      this.store.set({ hits, searched: q, excluded, status: 'ready', error: '' });
    } catch (e) {
      if (gen !== this.generation) return;
      // A bad pattern is the user's to fix (its message says how); a storage failure is told, its detail logged.
      if (!isUserError(e)) this.wb.host.log('error', 'book-wide search failed', describeError(e));
      const error = isUserError(e) ? e.message : t('app.error.storage', { detail: e instanceof Error ? e.message : String(e) }, this.wb.state.view.locale);
      this.store.set({ hits: [], searched: null, status: 'ready', error });
    }
  }

  setIncluded(keys: readonly string[], include: boolean): void {
    const next = new Set(this.state.excluded);
    for (const k of keys) {
      if (include) next.delete(k);
      else next.add(k);
    }
    this.store.set({ excluded: next, message: null });
  }

  /** The hits that would be replaced. */
  chosen(): FindHit[] {
    const { hits, excluded } = this.state;
    return hits.filter((h) => !excluded.has(h.key));
  }

  /** Opens the section of a hit with its text selected. */
  async reveal(hit: FindHit): Promise<void> {
    await this.wb.goTo({ sectionId: hit.sectionId, nodeId: hit.nodeId, start: hit.start, end: hit.end, field: hit.field, ...(hit.cell ? { cell: hit.cell } : {}) });
  }

  /**
   * Replaces the chosen hits in the whole book as one book change with one undo. Hits whose text changed after
   * the search are left alone (their place no longer matches) and counted in the message.
   */
  async replace(): Promise<boolean> {
    const s = this.state;
    const q = s.searched;
    const chosen = this.chosen();
    if (!q || !chosen.length || s.status === 'replacing') return false;
    const keys = new Set(chosen.map((h) => h.key));
    const replacement = s.replacement;
    this.store.set({ status: 'replacing', message: null });
    try {
      await this.wb.flush();
      const before = await this.wb.readBookModel();
      const preview = before ? replaceInBook(before, q, replacement, keys) : null;
      if (!preview || preview.count === 0) {
        this.store.set({ status: 'ready', message: { key: 'bookFind.nothingLeft' } });
        await this.search();
        return false;
      }
      let count = 0;
      let sections = 0;
      const ok = await this.wb.changeBook(
        (book) => {
          const r = replaceInBook(book, q, replacement, keys);
          count = r.count;
          sections = r.sectionIds.length;
          return r.value;
        },
        { snapshot: true, undo: { key: 'bookFind.undoLabel', params: { pattern: q.pattern, count: preview.count } } },
      );
      if (!ok) {
        this.store.set({ status: 'ready' });
        return false;
      }
      const stale = keys.size - count;
      await this.search();
      this.store.set({
        message: stale > 0 ? { key: 'bookFind.stale', params: { count: stale } } : { key: 'bookFind.replaced', params: { count, sections } },
      });
      if (stale > 0) this.wb.notify('info', { key: 'bookFind.replaced', params: { count, sections } });
      return true;
    } catch (e) {
      this.store.set({ status: 'ready', message: { key: 'app.error.storage', params: { detail: isUserError(e) ? e.message : String(e) } } });
      return false;
    }
  }

  /** Hands the query to the open section's find panel (scope 本分目). */
  toSection(): boolean {
    const s = this.state;
    const h = this.wb.editor;
    if (!h) return false;
    h.focus();
    return h.run(s.replaceMode ? 'find.replace' : 'find.find', { pattern: s.pattern, regex: s.regex, matchCase: s.matchCase, matchWidth: s.matchWidth, replacement: s.replacement });
  }

  /** Text for a message of the panel. */
  text(m: { key: MessageKey; params?: MessageParams }): string {
    return t(m.key, m.params ?? {});
  }
}

const controllers = new WeakMap<Workbench, BookFindController>();

export function bookFindOf(wb: Workbench): BookFindController {
  let c = controllers.get(wb);
  if (!c) controllers.set(wb, (c = new BookFindController(wb)));
  return c;
}

export function useBookFind<T>(select: (s: BookFindState) => T): T {
  return useStore(bookFindOf(useWorkbench()).store, select);
}

export function useBookFindController(): BookFindController {
  return bookFindOf(useWorkbench());
}
