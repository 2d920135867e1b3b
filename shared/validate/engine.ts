// The checking engine: runs the rules over a book, a category or a section, and re-checks incrementally.
//
// The book is cut into units — each category's own title, each section (分目), each front/back matter part.
// Text and unit rules see one unit at a time; their findings and the facts they collect for book-level
// aggregations are cached per unit, keyed by the unit's object. The app replaces an edited section
// immutably, so after an edit only that section is checked again; the book-level aggregations (numbering
// sequences, duplicate titles across the book, one-form-per-book rules) then run over the cached facts.
import type { Book, Category, IgnoredFinding, Matter, Section, Table } from '../model/schema';
import { resolveConfig, type CheckConfig, type ConfigOverrides } from './config';
import { RULES } from './catalogue';
import { BODY_KINDS, categoryFields, matterFields, sectionFields } from './fields';
import { FindingRecord, FixRecord, LocationRecord, type LocationParts } from './records';
import { features, inSpans, quotedSpans } from './text';
import type {
  BookContext,
  Finding,
  Fix,
  FixLabelSpec,
  LocatedRef,
  Location,
  NodeRef,
  ReportSpec,
  RuleDef,
  Scope,
  TextContext,
  TextField,
  UnitContext,
  UnitInfo,
} from './types';

/** Findings carry their sort keys (ord: field position in the unit, at: start offset). */
type RawFinding = FindingRecord;

interface UnitResult {
  meta: string;
  findings?: RawFinding[];
  facts?: Map<string, unknown>;
}

interface Unit {
  key: Category | Section | Matter;
  /** Stable across edits: "c:<category id>", "s:<section id>", "m:<matter id>". */
  id: string;
  kind: 'category' | 'section' | 'matter';
  info: UnitInfo;
  meta: string;
}

export interface CheckOptions {
  /** What to check; findings outside the scope are not reported (book-level rules still see the whole book). */
  scope?: Scope;
  /** Overrides on top of the book's house style (a --config file, the app's settings panel). */
  overrides?: ConfigOverrides;
}

export interface CheckResult {
  findings: Finding[];
  config: CheckConfig;
  /** Units (sections, matter parts, category titles) whose rules ran in this check, and those taken from the cache. */
  stats: { unitsChecked: number; unitsReused: number };
}

const EXEMPT_ROLES = new Set(['special', 'chronicle', 'appendix']);

function bookUnits(book: Book): Unit[] {
  const units: Unit[] = [];
  const categoryUnits = (category: Category, part: 'body' | 'back') => {
    const exempt = EXEMPT_ROLES.has(category.role);
    const meta = `${part}|${category.id}|${category.role}|${category.title}`;
    units.push({ key: category, id: `c:${category.id}`, kind: 'category', info: { part, category, exempt }, meta });
    for (const section of category.sections) units.push({ key: section, id: `s:${section.id}`, kind: 'section', info: { part, category, section, exempt }, meta });
  };
  for (const m of book.front) units.push({ key: m, id: `m:${m.id}`, kind: 'matter', info: { part: 'front', matter: m, exempt: true }, meta: 'front' });
  for (const c of book.body) categoryUnits(c, 'body');
  for (const b of book.back) {
    if (b.type === 'matter') units.push({ key: b, id: `m:${b.id}`, kind: 'matter', info: { part: 'back', matter: b, exempt: true }, meta: 'back' });
    else categoryUnits(b, 'back');
  }
  return units;
}

function inScope(unit: Unit, scope: Scope | undefined): boolean {
  if (!scope || scope.kind === 'book') return true;
  if (scope.kind === 'category') return unit.info.category?.id === scope.id;
  return unit.kind === 'section' && unit.info.section?.id === scope.id;
}

function unitFields(unit: Unit): TextField[] {
  if (unit.kind === 'section') return sectionFields(unit.key as Section);
  if (unit.kind === 'matter') return matterFields(unit.key as Matter);
  return categoryFields(unit.key as Category);
}

function baseLocation(info: UnitInfo): LocationParts {
  return {
    part: info.part,
    categoryId: info.category?.id,
    categoryTitle: info.category?.title,
    sectionId: info.section?.id,
    sectionTitle: info.section?.title,
    matterId: info.matter?.id,
    matterTitle: info.matter?.title,
  };
}

function makeFix(nodeId: string, field: string, text: string, start: number, end: number, replacement: string, label: FixLabelSpec, requiresConfirmation = false): Fix {
  return new FixRecord(label, nodeId, field, text, [start, end, replacement], requiresConfirmation);
}

/** A fix of several edits in one field, previewed over the span they cover. */
export function makeMultiFix(nodeId: string, field: string, text: string, edits: { start: number; end: number; replacement: string }[], label: FixLabelSpec, requiresConfirmation = false): Fix {
  const spec: (number | string)[] = [];
  for (const e of [...edits].sort((x, y) => x.start - y.start)) spec.push(e.start, e.end, e.replacement);
  return new FixRecord(label, nodeId, field, text, spec, requiresConfirmation);
}

type Where = ConstructorParameters<typeof FindingRecord>[6];

function finding(rule: RuleDef, cfgSeverity: Finding['severity'], where: Where, spec: Pick<ReportSpec, 'message' | 'params' | 'fixes' | 'fix' | 'severity' | 'why' | 'whyParams'>): FindingRecord {
  let severity = spec.severity ?? cfgSeverity;
  // A per-finding severity never makes a heuristic an error, and never overrides a severity set in house style.
  if (rule.kind === 'P' && severity === 'error') severity = 'warning';
  if (spec.severity && cfgSeverity !== rule.defaultSeverity) severity = cfgSeverity;
  const why = spec.why ?? rule.why;
  const withWhy = (rule.kind === 'P' || spec.why) && why;
  return new FindingRecord(rule, severity, spec.message, spec.params ?? {}, withWhy ? why : undefined, withWhy ? spec.whyParams : undefined, where, spec.fixes, spec.fix);
}

/** Runs the rules of one unit. One object per unit run; the current rule and field are swapped in place. */
class UnitRun implements TextContext, UnitContext {
  rule!: RuleDef;
  params: Record<string, unknown> = {};
  readonly recordYear: number;
  readonly volumeYear: number;
  readonly houseStyle: CheckConfig['houseStyle'];
  readonly fields: TextField[];
  readonly out: RawFinding[] = [];
  private field!: TextField;
  private qSpans: [number, number][] | undefined;
  private bSpans: [number, number][] | undefined;
  private ords: Map<string, number> | undefined;
  private readonly base: LocationParts;

  constructor(
    readonly unit: UnitInfo,
    fields: TextField[],
    private readonly config: CheckConfig,
  ) {
    this.fields = fields;
    this.houseStyle = config.houseStyle;
    this.recordYear = config.recordYear;
    this.volumeYear = config.volumeYear;
    this.base = baseLocation(unit);
  }

  enabled(ruleId: string): boolean {
    return this.config.rules[ruleId]?.enabled ?? false;
  }

  use(rule: RuleDef, params?: Record<string, unknown>): void {
    this.rule = rule;
    this.params = params ?? this.config.rules[rule.id]!.params;
  }

  setField(f: TextField): void {
    this.field = f;
    this.qSpans = undefined;
    this.bSpans = undefined;
  }

  quoted(i: number): boolean {
    this.qSpans ??= quotedSpans(this.field.text);
    return this.qSpans.length > 0 && inSpans(this.qSpans, i);
  }

  inBookTitle(i: number): boolean {
    this.bSpans ??= quotedSpans(this.field.text, true);
    return this.bSpans.length > 0 && inSpans(this.bSpans, i);
  }

  ordOf(nodeId: string, field?: string): number {
    if (!this.ords) {
      this.ords = new Map();
      for (const f of this.fields) if (!this.ords.has(f.nodeId)) this.ords.set(f.nodeId, f.ord);
    }
    const first = this.ords.get(nodeId);
    if (first === undefined) return 0;
    if (field === undefined) return first;
    // The fields of one node are consecutive.
    for (let i = first; i < this.fields.length && this.fields[i]!.nodeId === nodeId; i++) if (this.fields[i]!.field === field) return i;
    return first;
  }

  location(at: NodeRef, start?: number, end?: number): Location {
    return new LocationRecord(this.base, at.nodeId, at.nodeKind, at.field, at.text, start, end, at.subsection, at.entry, this.tableOf(at));
  }

  /** The table a cell field belongs to (for the location's 表N 第R行第C列). */
  private tableOf(at: NodeRef): Table | undefined {
    if (at.field === undefined || !at.field.startsWith('cell:')) return undefined;
    const b = this.fields[this.ordOf(at.nodeId)]?.block;
    return b?.type === 'table' && b.id === at.nodeId ? b : undefined;
  }

  report(specOrAt: ReportSpec | NodeRef, maybeSpec?: ReportSpec): void {
    const cfg = this.config.rules[this.rule.id]!;
    if (maybeSpec) {
      const at = specOrAt as NodeRef;
      const where = { base: this.base, nodeId: at.nodeId, nodeKind: at.nodeKind, field: at.field, text: at.text, start: maybeSpec.start, end: maybeSpec.end, subsection: at.subsection, entry: at.entry, table: this.tableOf(at) };
      this.out.push(finding(this.rule, cfg.severity, where, maybeSpec).at(this.ordOf(at.nodeId, at.field), maybeSpec.start ?? 0));
      return;
    }
    const spec = specOrAt as ReportSpec;
    const f = this.field;
    const where = { base: this.base, nodeId: f.nodeId, nodeKind: f.nodeKind, field: f.field, text: f.text, start: spec.start, end: spec.end, subsection: f.subsection, entry: f.entry, table: f.kind === 'cell' && f.block?.type === 'table' ? f.block : undefined };
    this.out.push(finding(this.rule, cfg.severity, where, spec).at(f.ord, spec.start ?? 0));
  }

  fix(start: number, end: number, replacement: string, label: FixLabelSpec, requiresConfirmation = false): Fix {
    const f = this.field;
    return makeFix(f.nodeId, f.field, f.text, start, end, replacement, label, requiresConfirmation);
  }

  fixEdits(edits: { start: number; end: number; replacement: string }[], label: FixLabelSpec, requiresConfirmation = false): Fix {
    const f = this.field;
    return makeMultiFix(f.nodeId, f.field, f.text, edits, label, requiresConfirmation);
  }

  fixOn(at: NodeRef & { field: string; text: string }, start: number, end: number, replacement: string, label: FixLabelSpec, requiresConfirmation = false): Fix {
    return makeFix(at.nodeId, at.field, at.text, start, end, replacement, label, requiresConfirmation);
  }

  locate(at: NodeRef, start?: number, end?: number): LocatedRef {
    return new LazyRef(this, at, start, end, this.ordOf(at.nodeId, at.field));
  }

  /** Builds a location (used by LazyRef when a book-level rule reports). */
  locationOf(at: NodeRef, start?: number, end?: number): Location {
    return this.location(at, start, end);
  }

  sameBase(o: UnitRun): boolean {
    const a = this.base;
    const b = o.base;
    return a.part === b.part && a.categoryTitle === b.categoryTitle && a.sectionTitle === b.sectionTitle && a.sectionId === b.sectionId && a.matterTitle === b.matterTitle;
  }
}

/** Ids: rule, node, field and start; repeated ones get #1, #2 … (suffix tells book-level findings apart). */
function assignIds(list: RawFinding[], suffix: string): RawFinding[] {
  // The list is sorted by (ord, pos), so repeats of a rule at one place sit in one run of equal keys.
  let runStart = 0;
  for (let i = 0; i < list.length; i++) {
    const f = list[i]!;
    if (i > 0 && (list[i - 1]!.ord !== f.ord || list[i - 1]!.pos !== f.pos)) runStart = i;
    let n = 0;
    for (let j = runStart; j < i; j++) {
      const g = list[j]!;
      if (g.ruleId === f.ruleId && g.nodeRef === f.nodeRef && g.fieldRef === f.fieldRef) n++;
    }
    f.idSuffix = suffix;
    f.idRepeat = n;
  }
  return list;
}

interface ActiveRule {
  rule: RuleDef;
  params: Record<string, unknown>;
}

const byKindCache = new WeakMap<CheckConfig, Map<string, ActiveRule[]>[]>();

/** The enabled text rules for each field kind (for regular and for exempt units), computed once per configuration. */
function textRulesByKind(config: CheckConfig, exempt: boolean): Map<string, ActiveRule[]> {
  let pair = byKindCache.get(config);
  if (!pair) {
    pair = [false, true].map((ex) => {
      const m = new Map<string, ActiveRule[]>();
      for (const r of RULES) {
        if (!r.text || !config.rules[r.id]!.enabled || (ex && r.appliesTo !== 'all')) continue;
        for (const k of r.fieldKinds ?? BODY_KINDS) {
          const list = m.get(k);
          const a = { rule: r, params: config.rules[r.id]!.params };
          if (list) list.push(a);
          else m.set(k, [a]);
        }
      }
      return m;
    });
    byKindCache.set(config, pair);
  }
  return pair[exempt ? 1 : 0]!;
}

/**
 * A location captured by a unit for a book-level rule. Most captured places never become findings (NUM-GROUP
 * notes every long number, STR-DUP-TITLE every title), so the location object is built only when asked for.
 */
class LazyRef implements LocatedRef {
  private loc: Location | undefined;
  constructor(
    private readonly run: UnitRun,
    private readonly at: NodeRef,
    private readonly start: number | undefined,
    private readonly end: number | undefined,
    readonly ord: number,
  ) {}
  get location(): Location {
    return (this.loc ??= this.run.locationOf(this.at, this.start, this.end));
  }
  get fieldText(): string | undefined {
    return this.at.text;
  }
  /** The offending text without building the whole location. */
  get text(): string | undefined {
    return this.at.text?.slice(this.start ?? 0, this.end ?? this.at.text.length);
  }

  /** Same place, same text, same surroundings (titles shown in the location). */
  sameAs(o: LazyRef): boolean {
    const a = this.at;
    const b = o.at;
    return (
      this.ord === o.ord &&
      this.start === o.start &&
      this.end === o.end &&
      a.nodeId === b.nodeId &&
      a.field === b.field &&
      a.text === b.text &&
      a.entry?.title === b.entry?.title &&
      a.subsection?.title === b.subsection?.title &&
      this.run.sameBase(o.run)
    );
  }
}

function runUnit(unit: Unit, config: CheckConfig, wantFindings: boolean, wantFacts: boolean): UnitResult {
  const fields = unitFields(unit);
  const run = new UnitRun(unit.info, fields, config);
  const result: UnitResult = { meta: unit.meta };
  const active = RULES.filter((r) => config.rules[r.id]!.enabled && (r.appliesTo === 'all' || !unit.info.exempt));
  if (wantFindings) {
    const byKind = textRulesByKind(config, unit.info.exempt);
    // Field-major order: the quoted spans of a field are computed once for all rules.
    for (const f of fields) {
      if (!f.text) continue;
      const rules = byKind.get(f.kind);
      if (!rules) continue;
      run.setField(f);
      const feats = features(f.text);
      for (const a of rules) {
        const r = a.rule;
        if ((r.needsAny !== undefined && (feats & r.needsAny) === 0) || (r.needsAll !== undefined && (feats & r.needsAll) !== r.needsAll)) continue;
        run.use(r, a.params);
        r.text!(f, run);
      }
    }
    for (const rule of active) {
      if (!rule.unit) continue;
      run.use(rule);
      rule.unit(run);
    }
    result.findings = assignIds(run.out.sort((a, b) => a.ord - b.ord || a.pos - b.pos), '');
  }
  if (wantFacts) {
    result.facts = new Map();
    for (const rule of active) {
      if (!rule.collect) continue;
      run.use(rule);
      result.facts.set(rule.id, rule.collect(run));
    }
  }
  return result;
}

class BookRun implements BookContext {
  rule!: RuleDef;
  params: Record<string, unknown> = {};
  readonly recordYear: number;
  readonly volumeYear: number;
  readonly houseStyle: CheckConfig['houseStyle'];
  /** Findings per unit index; -1 holds whole-book findings. */
  out = new Map<number, RawFinding[]>();

  constructor(
    readonly book: Book,
    private readonly config: CheckConfig,
    private readonly units: Unit[],
  ) {
    this.houseStyle = config.houseStyle;
    this.recordYear = config.recordYear;
    this.volumeYear = config.volumeYear;
  }

  enabled(ruleId: string): boolean {
    return this.config.rules[ruleId]?.enabled ?? false;
  }

  use(rule: RuleDef): void {
    this.rule = rule;
    this.params = this.config.rules[rule.id]!.params;
  }

  private push(unitIndex: number, raw: RawFinding) {
    let list = this.out.get(unitIndex);
    if (!list) this.out.set(unitIndex, (list = []));
    list.push(raw);
  }

  reportAt(unitIndex: number, at: LocatedRef, spec: Omit<ReportSpec, 'start' | 'end'>): void {
    const cfg = this.config.rules[this.rule.id]!;
    this.push(unitIndex, finding(this.rule, cfg.severity, at.location, spec).at(at.ord, at.location.start ?? 0));
  }

  reportNode(node: Category | Matter, spec: Omit<ReportSpec, 'start' | 'end' | 'fixes'>): void {
    const cfg = this.config.rules[this.rule.id]!;
    const index = this.units.findIndex((u) => u.key === node);
    const info = this.units[index]?.info;
    const loc = new LocationRecord(info ? baseLocation(info) : { part: 'body' }, node.id, node.type, 'title', node.title, 0, node.title.length, undefined, undefined);
    this.push(index, finding(this.rule, cfg.severity, loc, spec).at(0, 0));
  }

  reportBook(spec: Omit<ReportSpec, 'start' | 'end' | 'fixes'>): void {
    const cfg = this.config.rules[this.rule.id]!;
    const loc = new LocationRecord({ part: 'body' }, this.book.id, 'book', undefined, undefined, undefined, undefined, undefined, undefined);
    this.push(-1, finding(this.rule, cfg.severity, loc, spec).at(0, 0));
  }

  fixAt(at: LocatedRef, replacement: string, label: FixLabelSpec, requiresConfirmation = false): Fix | null {
    const l = at.location;
    if (at.fieldText === undefined || l.field === undefined || l.start === undefined || l.end === undefined) return null;
    return makeFix(l.nodeId, l.field, at.fieldText, l.start, l.end, replacement, label, requiresConfirmation);
  }
}

/** The ignored findings by rule and node. */
const ignoredIndex = new WeakMap<CheckConfig, Map<string, IgnoredFinding[]>>();

function ignoredMap(config: CheckConfig): Map<string, IgnoredFinding[]> {
  let m = ignoredIndex.get(config);
  if (!m) {
    m = new Map();
    for (const ig of config.ignored) {
      const k = `${ig.ruleId}|${ig.nodeId}`;
      const list = m.get(k);
      if (list) list.push(ig);
      else m.set(k, [ig]);
    }
    ignoredIndex.set(config, m);
  }
  return m;
}

/**
 * The record that keeps this finding ignored (忽略): rule, node, the offending text and, for text findings, the
 * field and up to six characters either side — so it matches this occurrence and not every equal one in the node.
 */
export function ignoredOf(f: Finding, by?: string, at?: string): IgnoredFinding {
  const around = f instanceof FindingRecord ? f.surroundings() : undefined;
  return {
    ruleId: f.ruleId,
    nodeId: f.location.nodeId,
    ...(f.location.text !== undefined ? { text: f.location.text } : {}),
    ...(around ? { field: around.field, before: around.before, after: around.after } : {}),
    ...(by ? { by } : {}),
    ...(at ? { at } : {}),
  };
}

/** Whether the editors chose to keep this finding (houseStyle.ignored: rule, node and, when given, text and surroundings). */
export function isIgnored(f: Finding, config: CheckConfig): boolean {
  // The node id without building the location (most findings are not ignored).
  const nodeId = f instanceof FindingRecord ? f.nodeRef : f.location.nodeId;
  const list = ignoredMap(config).get(`${f.ruleId}|${nodeId}`);
  if (!list) return false;
  const here = f instanceof FindingRecord ? f.surroundings() : undefined;
  return list.some(
    (ig) =>
      (ig.text === undefined || ig.text === f.location.text) &&
      (ig.field === undefined || ig.field === f.location.field) &&
      (here === undefined || ig.before === undefined || here.before.endsWith(ig.before) || ig.before.endsWith(here.before)) &&
      (here === undefined || ig.after === undefined || here.after.startsWith(ig.after) || ig.after.startsWith(here.after)),
  );
}

/**
 * A checker that remembers its work. Call `check` again after every edit with the new book: sections that
 * are the same objects as last time are not checked again (the app edits immutably), so re-checking after
 * an edit of one section redoes only that section and the cheap book-level aggregations.
 */
export class Checker {
  private cache = new WeakMap<object, UnitResult>();
  private configKey = '';
  /** Facts of every unit by unit id, to recognise facts that did not change in an edited section. */
  private lastFacts = new Map<string, Map<string, unknown> | undefined>();
  /** Output of each book-level rule with the facts and dependencies it was computed from. */
  private bookCache = new Map<string, { facts: unknown[]; deps: unknown[]; out: Map<number, RawFinding[]> }>();
  /** Findings per unit (own and book-level merged) with the lists they were merged from. */
  private merged = new Map<string, { parts: unknown[]; list: RawFinding[] }>();

  check(book: Book, opts: CheckOptions = {}): CheckResult {
    const config = resolveConfig(book, opts.overrides);
    if (config.key !== this.configKey) {
      this.cache = new WeakMap();
      this.lastFacts = new Map();
      this.bookCache = new Map();
      this.merged = new Map();
      this.configKey = config.key;
    }
    const units = bookUnits(book);
    const bookRules = RULES.filter((r) => r.book && config.rules[r.id]!.enabled);
    const needFacts = bookRules.length > 0;
    let checked = 0;
    let reused = 0;
    const results: UnitResult[] = [];
    const scoped: boolean[] = [];
    const nextFacts = new Map<string, Map<string, unknown> | undefined>();
    for (const unit of units) {
      const wantFindings = inScope(unit, opts.scope);
      scoped.push(wantFindings);
      let r = this.cache.get(unit.key);
      if (r && r.meta !== unit.meta) r = undefined;
      const missingFindings = wantFindings && !r?.findings;
      const missingFacts = needFacts && !r?.facts;
      if (missingFindings || missingFacts) {
        const fresh = runUnit(unit, config, missingFindings, missingFacts);
        if (fresh.facts) {
          // Keep last time's fact objects where nothing they record has changed, so book-level rules whose
          // facts are all the same objects as last time are not run again.
          const prev = this.lastFacts.get(unit.id);
          if (prev) for (const [rid, f] of fresh.facts) if (prev.has(rid) && sameFacts(prev.get(rid), f)) fresh.facts.set(rid, prev.get(rid));
        }
        r = { meta: unit.meta, findings: fresh.findings ?? r?.findings, facts: fresh.facts ?? r?.facts };
        this.cache.set(unit.key, r);
        if (missingFindings) checked++;
      } else if (wantFindings) reused++;
      nextFacts.set(unit.id, r!.facts);
      results.push(r!);
    }
    this.lastFacts = nextFacts;

    const run = new BookRun(book, config, units);
    const outs: Map<number, RawFinding[]>[] = [];
    for (const rule of bookRules) {
      const facts = results.map((r) => r.facts?.get(rule.id));
      const deps = rule.bookDeps ? rule.bookDeps(book) : rule.collect ? [] : [book];
      const cached = this.bookCache.get(rule.id);
      if (cached && sameArray(cached.facts, facts) && sameArray(cached.deps, deps)) {
        outs.push(cached.out);
        continue;
      }
      run.use(rule);
      run.out = new Map();
      rule.book!(run, facts);
      for (const list of run.out.values()) assignIds(list.sort((a, b) => a.ord - b.ord || a.pos - b.pos), '~b');
      this.bookCache.set(rule.id, { facts, deps, out: run.out });
      outs.push(run.out);
    }

    // Per unit: its own findings merged with the book-level ones placed in it, reused while none of the
    // lists changed (they are the same objects as last time when neither the unit nor the rule re-ran).
    const lists: RawFinding[][] = [];
    const nextMerged = new Map<string, { parts: unknown[]; list: RawFinding[] }>();
    const mergedFor = (id: string, own: RawFinding[]): RawFinding[] => {
      const parts: unknown[] = [own];
      for (const o of outs) parts.push(o.get(id === 'book' ? -1 : unitIndex.get(id)!));
      const prev = this.merged.get(id);
      const list = prev && sameArray(prev.parts, parts) ? prev.list : merge(own, parts.slice(1) as (RawFinding[] | undefined)[]);
      nextMerged.set(id, { parts, list });
      return list;
    };
    const unitIndex = new Map<string, number>();
    units.forEach((u, i) => unitIndex.set(u.id, i));
    if (!opts.scope || opts.scope.kind === 'book') lists.push(mergedFor('book', []));
    for (let i = 0; i < units.length; i++) if (scoped[i]) lists.push(mergedFor(units[i]!.id, results[i]!.findings ?? []));
    this.merged = nextMerged;
    let total = 0;
    for (const l of lists) total += l.length;
    let findings: Finding[] = new Array<Finding>(total);
    let k = 0;
    for (const l of lists) for (let j = 0; j < l.length; j++) findings[k++] = l[j]!;
    if (config.ignored.length) findings = findings.filter((f) => !isIgnored(f, config));
    return { findings, config, stats: { unitsChecked: checked, unitsReused: reused } };
  }
}

/** Merges a unit's own sorted findings with the book-level findings placed in it (each list sorted). */
function merge(own: RawFinding[], extra: (RawFinding[] | undefined)[]): RawFinding[] {
  const lists = extra.filter((l): l is RawFinding[] => !!l && l.length > 0);
  if (!lists.length) return own;
  return own.concat(...lists).sort((a, b) => a.ord - b.ord || a.pos - b.pos);
}

function sameArray(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Deep equality of facts; captured locations are equal when they point at the same text in the same place. */
function sameFacts(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (a instanceof LazyRef || b instanceof LazyRef) return a instanceof LazyRef && b instanceof LazyRef && a.sameAs(b);
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameFacts(a[i], b[i])) return false;
    return true;
  }
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) if (!sameFacts((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** One-off check without a cache (the CLI, tests). */
export function check(book: Book, opts: CheckOptions = {}): CheckResult {
  return new Checker().check(book, opts);
}
