// Findings, locations and fixes as the engine creates them: objects whose text parts (the message, the
// quoted context, the fix preview, the id) are computed when first read. A draft volume can carry tens of
// thousands of findings, and a panel shows a few dozen at a time; building every string up front made the
// garbage collector the slowest part of a full check.
//
// They read like plain objects (finding.message, finding.location.context, fix.preview) and serialise to
// plain JSON (toJSON). Spreading one ({...finding}) copies only the eager fields: use toJSON() or plain()
// for a full plain copy (e.g. before posting it to a worker).
import { t, type MessageKey, type MessageParams } from '../i18n';
import type { Table } from '../model/schema';
import { cellPlace } from './fields';
import { contextOf, previewOf } from './text';
import type { CellPlace, CheckKind, FieldPath, Finding, Fix, FixLabelSpec, Location, NodeKind, RuleFamily, Severity, TextEdit } from './types';

const templates = new Map<string, string[]>();

/** Fills a Chinese catalog message (the same result as t(key, params, 'zh'), without a regular expression per call). */
export function format(key: MessageKey, params: MessageParams): string {
  let parts = templates.get(key);
  if (!parts) {
    parts = t(key, {}, 'zh').split(/\{(\w+)\}/);
    templates.set(key, parts);
  }
  let out = parts[0]!;
  for (let i = 1; i < parts.length; i += 2) {
    const v = params[parts[i]!];
    out += (v === undefined ? `{${parts[i]}}` : String(v)) + parts[i + 1]!;
  }
  return out;
}

export interface LocationParts {
  part: Location['part'];
  categoryId?: string;
  categoryTitle?: string;
  sectionId?: string;
  sectionTitle?: string;
  matterId?: string;
  matterTitle?: string;
}

export class LocationRecord implements Location {
  readonly nodeId: string;
  readonly nodeKind: NodeKind;
  readonly field: FieldPath | undefined;
  readonly start: number | undefined;
  readonly end: number | undefined;
  private readonly base: LocationParts;
  private readonly fieldText: string | undefined;
  private readonly sub: { id: string; title: string } | undefined;
  private readonly ent: { id: string; title: string } | undefined;
  private readonly table: Table | undefined;
  private ctx: string | undefined;

  constructor(
    base: LocationParts,
    nodeId: string,
    nodeKind: NodeKind,
    field: FieldPath | undefined,
    fieldText: string | undefined,
    start: number | undefined,
    end: number | undefined,
    subsection: { id: string; title: string } | undefined,
    entry: { id: string; title: string } | undefined,
    table?: Table,
  ) {
    this.base = base;
    this.table = table !== undefined && field !== undefined && field.startsWith('cell:') ? table : undefined;
    this.nodeId = nodeId;
    this.nodeKind = nodeKind;
    this.field = field;
    this.fieldText = field !== undefined ? fieldText : undefined;
    if (this.fieldText !== undefined) {
      this.start = start ?? 0;
      this.end = end ?? this.fieldText.length;
    } else {
      this.start = undefined;
      this.end = undefined;
    }
    this.sub = subsection;
    this.ent = entry;
    this.ctx = undefined;
  }

  get part(): Location['part'] {
    return this.base.part;
  }
  get categoryId(): string | undefined {
    return this.base.categoryId;
  }
  get categoryTitle(): string | undefined {
    return this.base.categoryTitle;
  }
  get sectionId(): string | undefined {
    return this.base.sectionId;
  }
  get sectionTitle(): string | undefined {
    return this.base.sectionTitle;
  }
  get matterId(): string | undefined {
    return this.base.matterId;
  }
  get matterTitle(): string | undefined {
    return this.base.matterTitle;
  }
  get subsectionId(): string | undefined {
    return this.sub?.id;
  }
  get subsectionTitle(): string | undefined {
    return this.sub?.title;
  }
  get entryId(): string | undefined {
    return this.ent?.id;
  }
  get entryTitle(): string | undefined {
    return this.ent?.title;
  }

  get text(): string | undefined {
    return this.fieldText?.slice(this.start, this.end);
  }

  /** For a table cell: the table, row and column (computed when read). */
  get cell(): CellPlace | undefined {
    return this.table && this.field !== undefined ? cellPlace(this.table, this.field) : undefined;
  }

  get context(): string | undefined {
    if (this.fieldText === undefined) return undefined;
    return (this.ctx ??= contextOf(this.fieldText, this.start!, this.end!));
  }

  toJSON(): Location {
    const out: Location = { part: this.part, nodeId: this.nodeId, nodeKind: this.nodeKind };
    const put = <K extends keyof Location>(k: K, v: Location[K] | undefined) => {
      if (v !== undefined) out[k] = v;
    };
    put('field', this.field);
    put('start', this.start);
    put('end', this.end);
    put('text', this.text);
    put('context', this.context);
    put('categoryId', this.categoryId);
    put('categoryTitle', this.categoryTitle);
    put('sectionId', this.sectionId);
    put('sectionTitle', this.sectionTitle);
    put('subsectionId', this.subsectionId);
    put('subsectionTitle', this.subsectionTitle);
    put('entryId', this.entryId);
    put('entryTitle', this.entryTitle);
    put('matterId', this.matterId);
    put('matterTitle', this.matterTitle);
    put('cell', this.cell);
    return out;
  }
}

/** A fix whose edit list and preview are built from the field text when first read. */
export class FixRecord implements Fix {
  readonly requiresConfirmation: boolean;
  private readonly spec0: FixLabelSpec;
  private lbl: string | undefined;
  private readonly nodeId: string;
  private readonly field: FieldPath;
  private readonly text: string;
  /** Sorted edits as [start, end, replacement] triples, flattened. */
  private readonly spec: (number | string)[];
  private ed: TextEdit[] | undefined;
  private pv: { before: string; after: string } | undefined;

  constructor(label: FixLabelSpec, nodeId: string, field: FieldPath, text: string, spec: (number | string)[], requiresConfirmation: boolean) {
    this.spec0 = label;
    this.lbl = undefined;
    this.nodeId = nodeId;
    this.field = field;
    this.text = text;
    this.spec = spec;
    this.requiresConfirmation = requiresConfirmation;
    this.ed = undefined;
    this.pv = undefined;
  }

  /** In Chinese, rendered when first read (a full check makes tens of thousands of fixes nobody reads). */
  get label(): string {
    this.lbl ??= t(this.spec0.key, this.spec0.params ?? {}, 'zh');
    return this.lbl;
  }

  get labelKey(): MessageKey {
    return this.spec0.key;
  }

  get labelParams(): MessageParams {
    return this.spec0.params ?? {};
  }

  get edits(): TextEdit[] {
    if (!this.ed) {
      const out: TextEdit[] = [];
      for (let i = 0; i < this.spec.length; i += 3) {
        const start = this.spec[i] as number;
        const end = this.spec[i + 1] as number;
        out.push({ nodeId: this.nodeId, field: this.field, start, end, expected: this.text.slice(start, end), replacement: this.spec[i + 2] as string });
      }
      this.ed = out;
    }
    return this.ed;
  }

  get preview(): { before: string; after: string } {
    if (!this.pv) {
      const sp = this.spec;
      const from = sp[0] as number;
      const to = sp[sp.length - 2] as number;
      let after = '';
      let pos = from;
      for (let i = 0; i < sp.length; i += 3) {
        after += this.text.slice(pos, sp[i] as number) + (sp[i + 2] as string);
        pos = sp[i + 1] as number;
      }
      after += this.text.slice(pos, to);
      this.pv = previewOf(this.text, from, to, after);
    }
    return this.pv;
  }

  toJSON(): Fix {
    return { label: this.label, labelKey: this.labelKey, labelParams: this.labelParams, edits: this.edits, preview: this.preview, requiresConfirmation: this.requiresConfirmation };
  }
}

/** A one-edit fix on the finding's own field, kept as plain values until someone reads `fixes`. */
export interface SimpleFix {
  start: number;
  end: number;
  replacement: string;
  label: FixLabelSpec;
  confirm?: boolean;
}

/**
 * One finding in one object: its location and a single-edit fix are stored as plain fields and turned into
 * a Location and a Fix only when read (a full check of a draft volume creates tens of thousands of these).
 */
export class FindingRecord implements Finding {
  /** Set by the engine: a repeat counter for several findings of one rule at one place, and a suffix for book-level ones. */
  idRepeat = 0;
  idSuffix = '';
  /** Sort keys inside the unit: position of the field, offset in it. */
  ord = 0;
  pos = 0;
  severity: Severity;
  readonly messageKey: MessageKey;
  readonly messageParams: MessageParams;
  private readonly rule: { id: string; family: RuleFamily; kind: CheckKind };
  private readonly whyKey: MessageKey | undefined;
  private readonly whyParams: MessageParams | undefined;
  private msg: string | undefined;
  // Location, built on demand from these.
  private loc: Location | undefined;
  private readonly base: LocationParts | undefined;
  private readonly nodeId: string;
  private readonly nodeKind: NodeKind;
  private readonly field: FieldPath | undefined;
  private readonly fieldText: string | undefined;
  private readonly start: number | undefined;
  private readonly end: number | undefined;
  private readonly sub: { id: string; title: string } | undefined;
  private readonly ent: { id: string; title: string } | undefined;
  private readonly table: Table | undefined;
  // Fixes: a list given by the rule, or one simple fix kept as values.
  private fixList: Fix[] | undefined;
  private readonly simple: SimpleFix | undefined;

  constructor(
    rule: { id: string; family: RuleFamily; kind: CheckKind },
    severity: Severity,
    messageKey: MessageKey,
    messageParams: MessageParams,
    whyKey: MessageKey | undefined,
    whyParams: MessageParams | undefined,
    where: Location | { base: LocationParts; nodeId: string; nodeKind: NodeKind; field?: FieldPath; text?: string; start?: number; end?: number; subsection?: { id: string; title: string }; entry?: { id: string; title: string }; table?: Table },
    fixes: Fix[] | undefined,
    simple: SimpleFix | undefined,
  ) {
    this.rule = rule;
    this.severity = severity;
    this.messageKey = messageKey;
    this.messageParams = messageParams;
    this.whyKey = whyKey;
    this.whyParams = whyParams;
    this.msg = undefined;
    if (!('part' in where)) {
      this.loc = undefined;
      this.base = where.base;
      this.nodeId = where.nodeId;
      this.nodeKind = where.nodeKind;
      this.field = where.field;
      this.fieldText = where.text;
      this.start = where.start;
      this.end = where.end;
      this.sub = where.subsection;
      this.ent = where.entry;
      this.table = where.table;
    } else {
      this.loc = where;
      this.base = undefined;
      this.nodeId = where.nodeId;
      this.nodeKind = where.nodeKind;
      this.field = where.field;
      this.fieldText = undefined;
      this.start = where.start;
      this.end = where.end;
      this.sub = undefined;
      this.ent = undefined;
      this.table = undefined;
    }
    this.fixList = fixes;
    this.simple = simple;
  }

  get ruleId(): string {
    return this.rule.id;
  }
  get family(): RuleFamily {
    return this.rule.family;
  }
  get kind(): CheckKind {
    return this.rule.kind;
  }

  get location(): Location {
    return (this.loc ??= new LocationRecord(this.base!, this.nodeId, this.nodeKind, this.field, this.fieldText, this.start, this.end, this.sub, this.ent, this.table));
  }

  get fixes(): Fix[] {
    if (!this.fixList) {
      const f = this.simple;
      this.fixList =
        f && this.field !== undefined && this.fieldText !== undefined
          ? [new FixRecord(f.label, this.nodeId, this.field, this.fieldText, [f.start, f.end, f.replacement], f.confirm ?? false)]
          : [];
    }
    return this.fixList;
  }

  /** The characters just before and after the offending text in its field (for an ignored finding to match exactly this one). */
  surroundings(n = 6): { field: FieldPath; before: string; after: string } | undefined {
    if (this.field === undefined || this.fieldText === undefined || this.start === undefined) return undefined;
    const end = this.end ?? this.fieldText.length;
    return { field: this.field, before: this.fieldText.slice(Math.max(0, this.start - n), this.start), after: this.fieldText.slice(end, end + n) };
  }

  /** Whether the first fix applies without confirmation (without building the fix). */
  get autoFixable(): boolean {
    if (this.fixList) return !!this.fixList[0] && !this.fixList[0].requiresConfirmation;
    return !!this.simple && !this.simple.confirm;
  }

  /** Stable within one check: rule, node, field and start (#n for repeats). */
  get id(): string {
    const start = this.field !== undefined && this.fieldText !== undefined ? (this.start ?? 0) : this.start;
    const base = `${this.rule.id}:${this.nodeId}:${this.field ?? ''}:${start ?? ''}${this.idSuffix}`;
    return this.idRepeat ? `${base}#${this.idRepeat}` : base;
  }

  /** For the engine: node and field without building the location. */
  get nodeRef(): string {
    return this.nodeId;
  }
  get fieldRef(): FieldPath | undefined {
    return this.field;
  }

  /** Sets the sort keys (engine use). */
  at(ord: number, pos: number): this {
    this.ord = ord;
    this.pos = pos;
    return this;
  }

  get message(): string {
    return (this.msg ??= format(this.messageKey, this.messageParams));
  }

  get reason(): string | undefined {
    return this.whyKey ? format(this.whyKey, this.reasonParams!) : undefined;
  }
  get reasonKey(): MessageKey | undefined {
    return this.whyKey;
  }
  get reasonParams(): MessageParams | undefined {
    return this.whyKey ? (this.whyParams ?? this.messageParams) : undefined;
  }

  toJSON(): Finding {
    return {
      id: this.id,
      ruleId: this.ruleId,
      family: this.family,
      severity: this.severity,
      kind: this.kind,
      message: this.message,
      messageKey: this.messageKey,
      messageParams: this.messageParams,
      ...(this.whyKey ? { reason: this.reason!, reasonKey: this.whyKey, reasonParams: this.reasonParams! } : {}),
      location: toPlain(this.location),
      fixes: this.fixes.map(toPlain),
    };
  }
}

function toPlain<T>(x: T): T {
  const j = (x as { toJSON?: () => T }).toJSON;
  return typeof j === 'function' ? j.call(x) : x;
}

/** A plain-object copy of a finding (every lazy part computed), e.g. to post it to a worker or store it. */
export function plain(f: Finding): Finding {
  return toPlain(f);
}
