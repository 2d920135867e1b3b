// The checking engine: runs the rules over a book, a category or a section, and re-checks incrementally.
//
// The book is cut into units — each category's own title, each section (分目), each front/back matter part.
// Text and unit rules see one unit at a time; their findings and the facts they collect for book-level
// aggregations are cached per unit, keyed by the unit's object. The app replaces an edited section
// immutably, so after an edit only that section is checked again; the book-level aggregations (numbering
// sequences, duplicate titles across the book, one-form-per-book rules) then run over the cached facts.
import { t, type MessageParams } from '../i18n';
import type { Book, Category, Matter, Section } from '../model/schema';
import { resolveConfig, type CheckConfig, type ConfigOverrides } from './config';
import { RULES } from './catalogue';
import { BODY_KINDS, categoryFields, matterFields, sectionFields } from './fields';
import { contextOf, inSpans, previewOf, quotedSpans } from './text';
import type {
  BookContext,
  Finding,
  Fix,
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

interface RawFinding {
  finding: Finding;
  ord: number;
  start: number;
}

interface UnitResult {
  meta: string;
  findings?: RawFinding[];
  facts?: Map<string, unknown>;
}

interface Unit {
  key: Category | Section | Matter;
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
    units.push({ key: category, kind: 'category', info: { part, category, exempt }, meta });
    for (const section of category.sections) units.push({ key: section, kind: 'section', info: { part, category, section, exempt }, meta });
  };
  for (const m of book.front) units.push({ key: m, kind: 'matter', info: { part: 'front', matter: m, exempt: true }, meta: 'front' });
  for (const c of book.body) categoryUnits(c, 'body');
  for (const b of book.back) {
    if (b.type === 'matter') units.push({ key: b, kind: 'matter', info: { part: 'back', matter: b, exempt: true }, meta: 'back' });
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

function baseLocation(info: UnitInfo): Location {
  const loc: Location = { part: info.part, nodeId: '', nodeKind: 'book' };
  if (info.category) {
    loc.categoryId = info.category.id;
    loc.categoryTitle = info.category.title;
  }
  if (info.section) {
    loc.sectionId = info.section.id;
    loc.sectionTitle = info.section.title;
  }
  if (info.matter) {
    loc.matterId = info.matter.id;
    loc.matterTitle = info.matter.title;
  }
  return loc;
}

function makeFix(nodeId: string, field: string, text: string, start: number, end: number, replacement: string, label: string, requiresConfirmation = false): Fix {
  return {
    label,
    edits: [{ nodeId, field, start, end, expected: text.slice(start, end), replacement }],
    preview: previewOf(text, start, end, replacement),
    requiresConfirmation,
  };
}

function finding(rule: RuleDef, cfgSeverity: Finding['severity'], location: Location, spec: Pick<ReportSpec, 'message' | 'params' | 'fixes' | 'severity' | 'why' | 'whyParams'>): Finding {
  const params: MessageParams = spec.params ?? {};
  const why = spec.why ?? rule.why;
  let severity = spec.severity ?? cfgSeverity;
  // A per-finding severity never makes a heuristic an error, and never exceeds a downgrade made in house style.
  if (rule.kind === 'P' && severity === 'error') severity = 'warning';
  if (spec.severity && cfgSeverity !== rule.defaultSeverity) severity = cfgSeverity;
  return {
    id: '',
    ruleId: rule.id,
    family: rule.family,
    severity,
    kind: rule.kind,
    message: t(spec.message, params, 'zh'),
    messageKey: spec.message,
    messageParams: params,
    ...((rule.kind === 'P' || spec.why) && why ? { reason: t(why, spec.whyParams ?? params, 'zh') } : {}),
    location,
    fixes: spec.fixes ?? [],
  };
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
  private readonly base: Location;

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

  use(rule: RuleDef): void {
    this.rule = rule;
    this.params = this.config.rules[rule.id]!.params;
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
      for (const f of this.fields) {
        if (!this.ords.has(f.nodeId)) this.ords.set(f.nodeId, f.ord);
        this.ords.set(`${f.nodeId}|${f.field}`, f.ord);
      }
    }
    return (field !== undefined ? this.ords.get(`${nodeId}|${field}`) : undefined) ?? this.ords.get(nodeId) ?? 0;
  }

  private location(at: NodeRef, start?: number, end?: number): Location {
    const b = this.base;
    let s: number | undefined;
    let e: number | undefined;
    let text: string | undefined;
    let context: string | undefined;
    if (at.field !== undefined && at.text !== undefined) {
      s = start ?? 0;
      e = end ?? at.text.length;
      text = at.text.slice(s, e);
      context = contextOf(at.text, s, e);
    }
    // One object shape for every location (absent parts stay undefined and vanish in JSON).
    return {
      part: b.part,
      nodeId: at.nodeId,
      nodeKind: at.nodeKind,
      field: at.field,
      start: s,
      end: e,
      text,
      context,
      categoryId: b.categoryId,
      categoryTitle: b.categoryTitle,
      sectionId: b.sectionId,
      sectionTitle: b.sectionTitle,
      subsectionId: at.subsection?.id,
      subsectionTitle: at.subsection?.title,
      entryId: at.entry?.id,
      entryTitle: at.entry?.title,
      matterId: b.matterId,
      matterTitle: b.matterTitle,
    };
  }

  report(specOrAt: ReportSpec | NodeRef, maybeSpec?: ReportSpec): void {
    const cfg = this.config.rules[this.rule.id]!;
    if (maybeSpec) {
      const at = specOrAt as NodeRef;
      const loc = this.location(at, maybeSpec.start, maybeSpec.end);
      this.out.push({ finding: finding(this.rule, cfg.severity, loc, maybeSpec), ord: this.ordOf(at.nodeId, at.field), start: maybeSpec.start ?? 0 });
      return;
    }
    const spec = specOrAt as ReportSpec;
    const f = this.field;
    const loc = this.location({ nodeId: f.nodeId, nodeKind: f.nodeKind, entry: f.entry, subsection: f.subsection, field: f.field, text: f.text }, spec.start, spec.end);
    this.out.push({ finding: finding(this.rule, cfg.severity, loc, spec), ord: f.ord, start: spec.start ?? 0 });
  }

  fix(start: number, end: number, replacement: string, label: string, requiresConfirmation = false): Fix {
    const f = this.field;
    return makeFix(f.nodeId, f.field, f.text, start, end, replacement, label, requiresConfirmation);
  }

  fixOn(at: NodeRef & { field: string; text: string }, start: number, end: number, replacement: string, label: string, requiresConfirmation = false): Fix {
    return makeFix(at.nodeId, at.field, at.text, start, end, replacement, label, requiresConfirmation);
  }

  locate(at: NodeRef, start?: number, end?: number): LocatedRef {
    return { location: this.location(at, start, end), ord: this.ordOf(at.nodeId, at.field), ...(at.text !== undefined ? { fieldText: at.text } : {}) };
  }
}

/** Ids: rule, node, field and start; repeated ones get #1, #2 … (suffix tells book-level findings apart). */
function assignIds(list: RawFinding[], suffix: string): RawFinding[] {
  const seen = new Map<string, number>();
  for (const { finding: f } of list) {
    const l = f.location;
    const base = `${f.ruleId}:${l.nodeId}:${l.field ?? ''}:${l.start ?? ''}${suffix}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    f.id = n ? `${base}#${n}` : base;
  }
  return list;
}

const byKindCache = new WeakMap<CheckConfig, Map<string, RuleDef[]>[]>();

/** The enabled text rules for each field kind (for regular and for exempt units), computed once per configuration. */
function textRulesByKind(config: CheckConfig, exempt: boolean): Map<string, RuleDef[]> {
  let pair = byKindCache.get(config);
  if (!pair) {
    pair = [false, true].map((ex) => {
      const m = new Map<string, RuleDef[]>();
      for (const r of RULES) {
        if (!r.text || !config.rules[r.id]!.enabled || (ex && r.appliesTo !== 'all')) continue;
        for (const k of r.fieldKinds ?? BODY_KINDS) {
          const list = m.get(k);
          if (list) list.push(r);
          else m.set(k, [r]);
        }
      }
      return m;
    });
    byKindCache.set(config, pair);
  }
  return pair[exempt ? 1 : 0]!;
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
      for (const rule of rules) {
        run.use(rule);
        rule.text!(f, run);
      }
    }
    for (const rule of active) {
      if (!rule.unit) continue;
      run.use(rule);
      rule.unit(run);
    }
    result.findings = assignIds(run.out.sort((a, b) => a.ord - b.ord || a.start - b.start), '');
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
  readonly out = new Map<number, RawFinding[]>();

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
    this.push(unitIndex, { finding: finding(this.rule, cfg.severity, at.location, spec), ord: at.ord, start: at.location.start ?? 0 });
  }

  reportNode(node: Category | Matter, spec: Omit<ReportSpec, 'start' | 'end' | 'fixes'>): void {
    const cfg = this.config.rules[this.rule.id]!;
    const index = this.units.findIndex((u) => u.key === node);
    const info = this.units[index]?.info;
    const loc: Location = { ...(info ? baseLocation(info) : { part: 'body' as const }), nodeId: node.id, nodeKind: node.type, field: 'title', start: 0, end: node.title.length, text: node.title, context: node.title };
    this.push(index, { finding: finding(this.rule, cfg.severity, loc, spec), ord: 0, start: 0 });
  }

  reportBook(spec: Omit<ReportSpec, 'start' | 'end' | 'fixes'>): void {
    const cfg = this.config.rules[this.rule.id]!;
    const loc: Location = { part: 'body', nodeId: this.book.id, nodeKind: 'book' };
    this.push(-1, { finding: finding(this.rule, cfg.severity, loc, spec), ord: 0, start: 0 });
  }

  fixAt(at: LocatedRef, replacement: string, label: string, requiresConfirmation = false): Fix | null {
    const l = at.location;
    if (at.fieldText === undefined || l.field === undefined || l.start === undefined || l.end === undefined) return null;
    return makeFix(l.nodeId, l.field, at.fieldText, l.start, l.end, replacement, label, requiresConfirmation);
  }
}

function isIgnored(f: Finding, config: CheckConfig): boolean {
  for (const ig of config.ignored) {
    if (ig.ruleId === f.ruleId && ig.nodeId === f.location.nodeId && (ig.text === undefined || ig.text === f.location.text)) return true;
  }
  return false;
}

/**
 * A checker that remembers its work. Call `check` again after every edit with the new book: sections that
 * are the same objects as last time are not checked again (the app edits immutably), so re-checking after
 * an edit of one section redoes only that section and the cheap book-level aggregations.
 */
export class Checker {
  private cache = new WeakMap<object, UnitResult>();
  private configKey = '';

  check(book: Book, opts: CheckOptions = {}): CheckResult {
    const config = resolveConfig(book, opts.overrides);
    if (config.key !== this.configKey) {
      this.cache = new WeakMap();
      this.configKey = config.key;
    }
    const units = bookUnits(book);
    const bookRules = RULES.filter((r) => r.book && config.rules[r.id]!.enabled);
    const needFacts = bookRules.length > 0;
    let checked = 0;
    let reused = 0;
    const results: UnitResult[] = [];
    const scoped: boolean[] = [];
    for (const unit of units) {
      const wantFindings = inScope(unit, opts.scope);
      scoped.push(wantFindings);
      let r = this.cache.get(unit.key);
      if (r && r.meta !== unit.meta) r = undefined;
      const missingFindings = wantFindings && !r?.findings;
      const missingFacts = needFacts && !r?.facts;
      if (missingFindings || missingFacts) {
        const fresh = runUnit(unit, config, missingFindings, missingFacts);
        r = { meta: unit.meta, findings: fresh.findings ?? r?.findings, facts: fresh.facts ?? r?.facts };
        this.cache.set(unit.key, r);
        if (missingFindings) checked++;
      } else if (wantFindings) reused++;
      results.push(r!);
    }

    const run = new BookRun(book, config, units);
    for (const rule of bookRules) {
      run.use(rule);
      rule.book!(run, results.map((r) => r.facts?.get(rule.id)));
    }

    const findings: Finding[] = [];
    for (const list of run.out.values()) assignIds(list, '~b');
    const emit = (raw: RawFinding) => {
      if (config.ignored.length && isIgnored(raw.finding, config)) return;
      findings.push(raw.finding);
    };
    const bookLevel = run.out.get(-1);
    if (bookLevel && (!opts.scope || opts.scope.kind === 'book')) bookLevel.forEach(emit);
    for (let i = 0; i < units.length; i++) {
      if (!scoped[i]) continue;
      const own = results[i]!.findings ?? [];
      const agg = run.out.get(i);
      if (!agg) {
        own.forEach(emit);
        continue;
      }
      agg.sort((a, b) => a.ord - b.ord || a.start - b.start);
      let a = 0;
      let b = 0;
      while (a < own.length || b < agg.length) {
        const x = own[a];
        const y = agg[b];
        if (y === undefined || (x !== undefined && (x.ord < y.ord || (x.ord === y.ord && x.start <= y.start)))) {
          emit(x!);
          a++;
        } else {
          emit(y);
          b++;
        }
      }
    }
    return { findings, config, stats: { unitsChecked: checked, unitsReused: reused } };
  }
}

/** One-off check without a cache (the CLI, tests). */
export function check(book: Book, opts: CheckOptions = {}): CheckResult {
  return new Checker().check(book, opts);
}
