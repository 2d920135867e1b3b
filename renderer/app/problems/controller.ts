// The checker in the app: one controller per workbench that keeps the open book as a model (shared/model Book),
// checks it with the incremental checker (shared/validate Checker) and publishes the findings for the problems
// panel, the outline badges and the editor's underlines.
//
// Off the typing path: the model is patched with the open section only once the autosave has written it
// (a pause in typing), and the check runs a moment later when the browser is idle. Since the app edits
// immutably and the patch replaces one section object, the checker re-runs that section's rules plus the cheap
// book-level aggregations; everything else comes from its cache. A book-wide change (changeBook: a fix, an
// outline move, an undo) or a change of the book's settings reads the book again, keeping every section object
// that did not change, so only the changed sections are checked again.
//
// Fixes go through wb.changeBook (edits in the editor are flushed first; the open section is reloaded into the
// editor) as one book-level step that one undo restores.
import { t } from '../../../shared/i18n';
import { UserError, type Book, type Category, type Matter, type Section } from '../../../shared/model';
import { applyFixes, Checker, summarize, tally, type ApplyResult, type CheckSummary, type Finding, type Fix, type SeverityCounts } from '../../../shared/validate';
import { whenIdle } from '../../editor/idle';
import { jsonEqual } from '../../storage/equal';
import { useStore, Store } from '../store';
import { useWorkbench } from '../context';
import type { Workbench, WorkbenchState } from '../workbench';
import { applyDraft, draftChanged, withIgnored, type HouseDraft } from './houseStyle';
import { DEFAULT_FILTER, filterFindings, fixPlan, stepFinding, type FixPlan, type ProblemFilter } from './model';

export type HouseTab = 'style' | 'rules' | 'ignored';

export type ProblemsDialog = { kind: 'fixAll'; plan: FixPlan } | { kind: 'confirm'; finding: Finding } | { kind: 'summary' } | { kind: 'houseStyle'; tab: HouseTab };

export interface ProblemsState {
  status: 'idle' | 'loading' | 'checking' | 'ready' | 'error';
  bookId: string | null;
  findings: Finding[];
  bySection: Map<string, SeverityCounts>;
  byCategory: Map<string, SeverityCounts>;
  /** How many checks have completed (tests and the panel wait for the next one). */
  checks: number;
  /** Units the last check ran its rules on, and those taken from the cache. */
  lastStats: { unitsChecked: number; unitsReused: number } | null;
  filter: ProblemFilter;
  /** The finding last shown (clicked in the panel or reached with F8). */
  currentId: string | null;
  dialog: ProblemsDialog | null;
  /** A fix is being applied. */
  fixing: boolean;
}

const INITIAL: ProblemsState = {
  status: 'idle',
  bookId: null,
  findings: [],
  bySection: new Map(),
  byCategory: new Map(),
  checks: 0,
  lastStats: null,
  filter: DEFAULT_FILTER,
  currentId: null,
  dialog: null,
  fixing: false,
};

export const PROBLEMS_TAB = 'problems';

export class ProblemsController {
  readonly store = new Store<ProblemsState>(INITIAL);
  private book: Book | null = null;
  private checker = new Checker();
  private generation = 0;
  private cancelScheduled: (() => void) | null = null;
  private seenBookRow: WorkbenchState['book'] = null;
  private lastOpen: Section | null = null;
  private disposers: (() => void)[] = [];
  /** Index (among the findings shown in sections) of the finding last shown, for F8 after it was fixed. */
  private currentIndex = -1;

  constructor(
    private readonly wb: Workbench,
    private readonly opts: { idle?: (fn: () => void) => () => void } = {},
  ) {
    this.disposers.push(wb.store.subscribe(() => this.onWorkbench(wb.state)));
    this.disposers.push(
      wb.registerCommand('tools.validate', () => {
        void wb.setView({ showSidePanel: true, sideTab: PROBLEMS_TAB });
        void this.checkNow();
      }),
      wb.registerCommand('tools.nextProblem', () => void this.step(1)),
      wb.registerCommand('tools.prevProblem', () => void this.step(-1)),
      wb.registerCommand('tools.editorialSummary', () => this.openDialog({ kind: 'summary' })),
      wb.registerCommand('tools.houseStyle', () => this.openHouseStyle()),
    );
    this.onWorkbench(wb.state);
  }

  get state(): ProblemsState {
    return this.store.get();
  }

  /** The book model the checker last saw (tests; the summary). */
  get model(): Book | null {
    return this.book;
  }

  dispose(): void {
    for (const d of this.disposers) d();
    this.disposers = [];
    this.cancelScheduled?.();
  }

  // -------------------------------------------------------------------------------------------
  // Following the workbench

  private onWorkbench(s: WorkbenchState): void {
    const row = s.book;
    if (!row) {
      if (this.state.bookId !== null) this.reset(null);
      this.seenBookRow = null;
      return;
    }
    if (row.id !== this.state.bookId) {
      this.reset(row.id);
      this.seenBookRow = row;
      void this.reload();
      return;
    }
    if (row !== this.seenBookRow) {
      // The book row is replaced after book-wide changes (changeBook, rename, add, delete) and settings changes.
      this.seenBookRow = row;
      void this.reload();
      return;
    }
    // The open section was saved: take it into the model.
    if (s.open?.kind === 'section' && s.save.kind === 'saved' && s.open.section !== this.lastOpen) {
      this.lastOpen = s.open.section;
      if (this.book && this.patchSection(s.open.section)) this.schedule();
    }
  }

  private reset(bookId: string | null): void {
    this.generation++;
    this.book = null;
    this.checker = new Checker();
    this.lastOpen = null;
    this.currentIndex = -1;
    this.store.set({ ...INITIAL, bookId, filter: this.state.filter, status: bookId ? 'loading' : 'idle' });
  }

  /** Reads the book from storage, keeping the objects of every part that did not change (the checker's cache). */
  private async reload(): Promise<void> {
    const gen = ++this.generation;
    try {
      const fresh = await this.wb.readBookModel();
      if (gen !== this.generation || !fresh || fresh.id !== this.state.bookId) return;
      this.book = shareUnchanged(this.book, fresh);
      const open = this.wb.state.open;
      if (open?.kind === 'section') {
        this.patchSection(open.section);
        this.lastOpen = open.section;
      }
      this.schedule(0);
    } catch (e) {
      if (gen !== this.generation) return;
      this.wb.host.log('error', 'the checker could not read the book', e instanceof Error ? (e.stack ?? e.message) : String(e));
      this.store.set({ status: 'error' });
    }
  }

  /** Puts the editor's version of a section into the model; false when it was the same. */
  private patchSection(section: Section): boolean {
    const book = this.book;
    if (!book) return false;
    let changed = false;
    const inCategory = (c: Category): Category => {
      const i = c.sections.findIndex((x) => x.id === section.id);
      if (i < 0 || c.sections[i] === section || jsonEqual(c.sections[i], section)) return c;
      changed = true;
      const sections = c.sections.slice();
      sections[i] = section;
      return { ...c, sections };
    };
    const body = book.body.map(inCategory);
    const back = book.back.map((b) => (b.type === 'category' ? inCategory(b) : b));
    if (!changed) return false;
    this.book = { ...book, body, back };
    return true;
  }

  private schedule(delay = 200): void {
    this.cancelScheduled?.();
    const idle = this.opts.idle ?? ((fn: () => void) => whenIdle(fn, 3000));
    let cancelIdle: (() => void) | null = null;
    const timer = setTimeout(() => {
      cancelIdle = idle(() => {
        this.cancelScheduled = null;
        this.runCheck();
      });
    }, delay);
    this.cancelScheduled = () => {
      clearTimeout(timer);
      cancelIdle?.();
      this.cancelScheduled = null;
    };
  }

  private runCheck(): void {
    const book = this.book;
    if (!book) return;
    this.store.set({ status: 'checking' });
    try {
      const r = this.checker.check(book);
      this.store.set((s) => ({
        status: 'ready',
        findings: r.findings,
        bySection: tally(r.findings, 'section'),
        byCategory: tally(r.findings, 'category'),
        checks: s.checks + 1,
        lastStats: r.stats,
        currentId: s.currentId && r.findings.some((f) => f.id === s.currentId) ? s.currentId : null,
      }));
    } catch (e) {
      this.wb.host.log('error', 'the checker failed', e instanceof Error ? (e.stack ?? e.message) : String(e));
      this.store.set((s) => ({ status: 'error', checks: s.checks + 1 }));
    }
  }

  /** Saves what is being typed and checks now (F7, 重新检查); resolves when the findings are current. */
  async checkNow(): Promise<void> {
    await this.wb.flush();
    const open = this.wb.state.open;
    if (!this.book) {
      await this.reload();
    } else if (open?.kind === 'section') {
      this.patchSection(open.section);
      this.lastOpen = open.section;
    }
    this.cancelScheduled?.();
    this.runCheck();
  }

  /** Writes a technical detail to the log (the user sees a Chinese message). */
  log(message: string, e: unknown): void {
    this.wb.host.log('warn', message, e instanceof Error ? e.message : String(e));
  }

  /** The summary for the 编辑说明 (counts of the whole book, findings per 10,000 characters). */
  summary(): CheckSummary | null {
    return this.book ? summarize(this.book, this.state.findings) : null;
  }

  // -------------------------------------------------------------------------------------------
  // The panel

  setFilter(patch: Partial<ProblemFilter>): void {
    this.store.set((s) => ({ filter: { ...s.filter, ...patch } }));
  }

  /** The findings the panel lists (the filter applied). */
  visible(): Finding[] {
    const { sectionId, categoryId } = openPlace(this.wb.state);
    return filterFindings(this.state.findings, this.state.filter, sectionId, categoryId);
  }

  /** Opens the finding's section and selects its text. */
  async show(f: Finding): Promise<void> {
    const shown = this.visible().filter((x) => x.location.sectionId || x.location.matterId);
    this.currentIndex = shown.findIndex((x) => x.id === f.id);
    this.store.set({ currentId: f.id });
    const l = f.location;
    const docId = l.sectionId ?? l.matterId;
    if (docId) {
      const same = l.nodeId !== docId;
      await this.wb.goTo({ sectionId: docId, ...(same ? { nodeId: l.nodeId } : {}), ...(same && l.start !== undefined ? { start: l.start } : {}), ...(same && l.end !== undefined ? { end: l.end } : {}) });
    } else if (l.categoryId) this.wb.select(l.categoryId);
  }

  /** F8 / Shift+F8: the next or previous problem in the panel's order. */
  async step(dir: 1 | -1): Promise<void> {
    const next = stepFinding(this.visible(), this.state.currentId, dir, this.currentIndex);
    if (!next) {
      this.wb.notify('info', { key: 'problems.next.none' });
      return;
    }
    await this.show(next);
  }

  openDialog(dialog: ProblemsDialog | null): void {
    this.store.set({ dialog });
  }

  /** Fix one occurrence; a fix that changes a quantity or meaning asks first. */
  fixOne(f: Finding, confirmed = false): Promise<void> {
    const fix = f.fixes[0];
    if (!fix) return Promise.resolve();
    if (fix.requiresConfirmation && !confirmed) {
      this.openDialog({ kind: 'confirm', finding: f });
      return Promise.resolve();
    }
    return this.apply([fix], f.ruleId);
  }

  /** Opens the preview of fixing every occurrence of a rule in a section (or the book, sectionId null). */
  previewFixAll(ruleId: string, sectionId: string | null): void {
    this.openDialog({ kind: 'fixAll', plan: fixPlan(this.state.findings, ruleId, sectionId) });
  }

  // -------------------------------------------------------------------------------------------
  // House style (体例设置) and ignored findings

  /** Opens the 体例设置 dialog (编辑 › 体例设置…, the command palette, the panel). */
  openHouseStyle(tab: HouseTab = 'style'): void {
    if (!this.wb.state.book) return;
    this.openDialog({ kind: 'houseStyle', tab });
  }

  /**
   * Saves the dialog's house style and record year in the book: one book change with one undo; the panel checks
   * again as soon as the book row changes. Returns false when nothing was stored (no change, or a storage error
   * the workbench reported).
   */
  async saveHouseStyle(draft: HouseDraft): Promise<boolean> {
    const row = this.wb.state.book;
    if (!row) return false;
    if (!draftChanged(row.shell, draft)) {
      this.openDialog(null);
      this.wb.notify('info', { key: 'problems.house.unchanged' });
      return false;
    }
    const ok = await this.wb.changeBook((b) => applyDraft(b, draft), { undo: { key: 'problems.undo.houseStyle' } });
    if (ok) this.openDialog(null);
    return ok;
  }

  /**
   * 忽略: keeps this finding as it is. Stored in houseStyle.ignored (rule, node and the offending text, who and
   * when) as a book change with one undo; the finding leaves the list at once.
   */
  async ignore(f: Finding): Promise<boolean> {
    if (this.state.fixing) return false;
    const by = this.wb.state.view.editorName.trim();
    const ok = await this.wb.changeBook((b) => withIgnored(b, f, by || undefined), { undo: { key: 'problems.undo.ignore', params: { rule: ruleTitle(f.ruleId) } } });
    if (ok) {
      const gone = (x: Finding) => x === f || x.id === f.id;
      this.store.set((s) => {
        const findings = s.findings.filter((x) => !gone(x));
        return { findings, bySection: tally(findings, 'section'), byCategory: tally(findings, 'category'), currentId: s.currentId === f.id ? null : s.currentId };
      });
    }
    return ok;
  }

  /** Applies fixes as one book-level change with one undo (offered in the notice and 编辑 › 撤销整体修改). */
  async apply(fixes: Fix[], ruleId?: string): Promise<void> {
    if (!fixes.length || this.state.fixing) return;
    this.store.set({ fixing: true, dialog: null });
    // The label's count is what was applied; it is filled in by the change, before changeBook reads it.
    const params = { count: fixes.length, rule: ruleTitle(ruleId ?? '') };
    let result: ApplyResult | null = null;
    try {
      const ok = await this.wb.changeBook(
        (b) => {
          const r = applyFixes(b, fixes);
          // Nothing applies (the text changed since the check): a message instead of an empty undo step.
          if (!r.applied.length) throw new UserError('problems.refusedAll');
          result = r;
          params.count = r.applied.length;
          return r.book;
        },
        { snapshot: true, undo: { key: 'problems.undo.fix', params } },
      );
      const r = result as ApplyResult | null;
      if (!ok || !r) {
        this.schedule(0);
        return;
      }
      if (r.refused.length) this.wb.notify('info', { key: 'problems.appliedSome', params: { count: r.applied.length, refused: r.refused.length } });
    } finally {
      this.store.set({ fixing: false });
    }
  }
}

/** `fresh` with every section, category and matter page that equals the one in `old` replaced by the old object. */
export function shareUnchanged(old: Book | null, fresh: Book): Book {
  if (!old || old.id !== fresh.id) return fresh;
  const sections = new Map<string, Section>();
  const categories = new Map<string, Category>();
  const matter = new Map<string, Matter>();
  const collect = (c: Category) => {
    categories.set(c.id, c);
    for (const s of c.sections) sections.set(s.id, s);
  };
  for (const m of old.front) matter.set(m.id, m);
  old.body.forEach(collect);
  for (const b of old.back) {
    if (b.type === 'category') collect(b);
    else matter.set(b.id, b);
  }
  const category = (c: Category): Category => {
    const list = c.sections.map((s) => {
      const o = sections.get(s.id);
      return o && jsonEqual(o, s) ? o : s;
    });
    const o = categories.get(c.id);
    if (o && o.sections.length === list.length && list.every((s, i) => s === o.sections[i]) && jsonEqual({ ...o, sections: [] }, { ...c, sections: [] })) return o;
    return { ...c, sections: list };
  };
  const page = (m: Matter): Matter => {
    const o = matter.get(m.id);
    return o && jsonEqual(o, m) ? o : m;
  };
  return {
    ...fresh,
    front: fresh.front.map(page),
    body: fresh.body.map(category),
    back: fresh.back.map((b) => (b.type === 'category' ? category(b) : page(b))),
  };
}

/** The open section and its category (the panel's 本分目 / 本类目 scopes). */
export function openPlace(s: WorkbenchState): { sectionId: string | null; categoryId: string | null } {
  const open = s.open;
  if (!open) return { sectionId: null, categoryId: null };
  const node = s.outline.find((n) => n.id === open.id);
  const parent = node?.parentId ? s.outline.find((n) => n.id === node.parentId) : undefined;
  return { sectionId: open.id, categoryId: parent?.kind === 'category' ? parent.id : null };
}

const controllers = new WeakMap<Workbench, ProblemsController>();

/** The workbench's checker controller (created on first use). */
export function problemsOf(wb: Workbench): ProblemsController {
  let c = controllers.get(wb);
  if (!c) controllers.set(wb, (c = new ProblemsController(wb)));
  return c;
}

/** A slice of the checker's state; the component re-renders when it changes (by identity). */
export function useProblems<T>(select: (s: ProblemsState) => T): T {
  return useStore(problemsOf(useWorkbench()).store, select);
}

export function useProblemsController(): ProblemsController {
  return problemsOf(useWorkbench());
}

/** The plain-language name of a rule. */
export function ruleTitle(ruleId: string): string {
  const key = `validate.rule.${ruleId}` as Parameters<typeof t>[0];
  const s = t(key);
  return s === key ? ruleId : s;
}
