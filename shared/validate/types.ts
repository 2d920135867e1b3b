// Types of the chapter checker: findings, fixes, rules and the contexts rules run in.
//
// A finding always points at text the editor can see: a node id, the text field of that node and a
// character range [start, end) in that field (UTF-16 offsets, like the model's marks). A fix is a list
// of precise text edits that carry the text they expect to replace, so a stale fix is refused.
import type { MessageKey, MessageParams } from '../i18n';
import type { ParamKind } from './params';
import type { Block, Book, Category, Entry, HouseStyle, Matter, Section, Subsection } from '../model/schema';

export type Severity = 'error' | 'warning' | 'info';
/** Y: deterministic; P: heuristic (always a warning or a hint, and it says why it fired). */
export type CheckKind = 'Y' | 'P';
export type RuleFamily = 'STR' | 'ENT' | 'TAB' | 'FIG' | 'NUM' | 'PUN' | 'UNIT' | 'EXP';

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Text fields of nodes, by path:
 * title (category, section, subsection, entry, matter, table) · text (paragraph, heading, dated, footnote) ·
 * dateLabel (dated) · caption (figure) · credit (figure credit, as printed) · unitNote, note (table) ·
 * raw (attribution line as received) · cell:h:R:C / cell:b:R:C (table header / body cell, row R, cell C).
 */
export type FieldPath = string;

export type NodeKind = 'book' | Category['type'] | Section['type'] | Subsection['type'] | Entry['type'] | Matter['type'] | Block['type'];

/** One precise text edit: replace [start, end) of a node's field, which must still read `expected`. */
export interface TextEdit {
  nodeId: string;
  field: FieldPath;
  start: number;
  end: number;
  /** The text the edit replaces, as it was when the fix was made (empty for an insertion). */
  expected: string;
  replacement: string;
}

/** What a fix does, as a catalog message (validate.fix.*): shown in the interface's language. */
export interface FixLabelSpec {
  key: MessageKey;
  params?: MessageParams;
}

export interface Fix {
  /** What the fix does, in Chinese: 改为“，” (for the CLI's reports and tools reading the JSON). */
  label: string;
  /** The same as a catalog message, for the app to show in its language (fixLabelText). */
  labelKey?: MessageKey;
  labelParams?: MessageParams;
  edits: TextEdit[];
  /** The text around the edit before and after, for a preview (“…增长8.1%,比上年…” → “…增长8.1%，比上年…”). */
  preview: { before: string; after: string };
  /** The fix changes a quantity or a meaning (e.g. 亩 → 公顷 with a converted number): apply only when the user confirms. */
  requiresConfirmation: boolean;
}

export interface Location {
  part: 'front' | 'body' | 'back';
  /** The node the finding is about (a paragraph, an entry, a table …; 'book' for whole-book findings). */
  nodeId: string;
  nodeKind: NodeKind;
  /** The text field and range, when the finding points at text. */
  field?: FieldPath;
  start?: number;
  end?: number;
  /** The offending text itself. */
  text?: string;
  /** The text around it, with … where cut (for reports and hover messages). */
  context?: string;
  categoryId?: string;
  categoryTitle?: string;
  sectionId?: string;
  sectionTitle?: string;
  subsectionId?: string;
  subsectionTitle?: string;
  entryId?: string;
  entryTitle?: string;
  matterId?: string;
  matterTitle?: string;
  /** For a finding in a table cell: which table, which row and column (and the row's first cell). */
  cell?: CellPlace;
}

/** Where a table cell is, as an editor finds it: 表6 第3行第2列, the row that starts “区政府为民实事”. */
export interface CellPlace {
  /** The table's number as printed ("6"), when it has one. */
  tableNumber?: string;
  tableTitle: string;
  /** A header row (表头) or a body row. */
  header: boolean;
  /** 1-based row among the header rows or the body rows. */
  row: number;
  /** 1-based column as printed (cells spanning several columns counted by their first column). */
  column: number;
  /** Text of the row's first cell (when the cell is not itself the first). */
  rowHead?: string;
  /** Text of the header cell above the column (body cells of a table with a header). */
  columnHead?: string;
}

export interface Finding {
  /** Stable within one check: rule, node, field and start. Use it as a list key. */
  id: string;
  ruleId: string;
  family: RuleFamily;
  severity: Severity;
  kind: CheckKind;
  /** The message in Chinese, quoting the offending text. */
  message: string;
  /** Catalog key and parameters of the message, to show it in another locale. */
  messageKey: MessageKey;
  messageParams: MessageParams;
  /** For heuristic rules: why the rule fired (Chinese). */
  reason?: string;
  /** Catalog key and parameters of the reason, to show it in another locale. */
  reasonKey?: MessageKey;
  reasonParams?: MessageParams;
  location: Location;
  fixes: Fix[];
}

// ---------------------------------------------------------------------------------------------
// Rule definitions

/** A rule parameter: its name, what it means, its kind (for the settings dialog) and a validator. */
export type ParamSpec = ParamKind & {
  name: string;
  /** Catalog key of what the parameter means (validate.param.RULE.name; shown in the settings and docs/rules.md). */
  description: MessageKey;
  /** Validates a value given in house style or a --config file. Returns an error text or null. */
  validate(value: unknown): string | null;
  /**
   * The named house-style setting (or the book's record year) the default comes from. The settings dialog edits
   * that setting instead of a per-rule override.
   */
  house?: HouseSettingName;
};

/** House-style fields (and the book's record year) that rule parameters default to. */
export type HouseSettingName = 'titleWarnLength' | 'titleErrorLength' | 'overviewTitles' | 'distanceUnit' | 'tableContinuation' | 'levels' | 'recordYear';

/** Where a rule runs: every text, or only in regular parts (not 特载/专文, 大事记, 附录, front and back matter). */
export type AppliesTo = 'all' | 'entries';

/** The kinds of text fields a text rule can look at. */
export type FieldKind =
  | 'categoryTitle'
  | 'sectionTitle'
  | 'subsectionTitle'
  | 'entryTitle'
  | 'matterTitle'
  | 'paragraph'
  | 'heading'
  | 'dated'
  | 'dateLabel'
  | 'footnote'
  | 'tableTitle'
  | 'tableUnit'
  | 'tableNote'
  | 'cell'
  | 'caption'
  | 'credit'
  | 'attribution';

/** A text field visited by the engine, with its place in the tree. */
export interface TextField {
  nodeId: string;
  nodeKind: NodeKind;
  field: FieldPath;
  kind: FieldKind;
  text: string;
  /** Reading-order position inside the unit (for sorting findings). */
  ord: number;
  entry?: Entry;
  subsection?: Subsection;
  block?: Block;
}

export interface PresetSetting {
  /** Whether the rule runs under this preset. */
  enabled: boolean;
  /** Severity under this preset (defaults to the rule's default severity). */
  severity?: Severity;
  /** Parameter values under this preset. */
  params?: Record<string, unknown>;
}

export interface RuleExample {
  /** Text (or a description of a structure) that makes the rule fire, preferably quoted from the corpus. */
  bad: string;
  /** What it should read, or what does not fire. */
  good: string;
}

/** Declared per rule and resolved from house style: whether it runs, how severe, with which parameters. */
export interface ResolvedRule {
  enabled: boolean;
  severity: Severity;
  params: Record<string, unknown>;
}

export interface RuleDef {
  id: string;
  family: RuleFamily;
  kind: CheckKind;
  defaultSeverity: Severity;
  appliesTo: AppliesTo;
  /** Catalog key of the short Chinese name of the rule (validate.rule.ID). */
  title: MessageKey;
  /** Catalog key of the description (validate.rule.ID.desc). */
  description: MessageKey;
  /** Message keys this rule uses (listed in docs/rules.md). */
  messages: MessageKey[];
  /** Catalog key of the explanation a heuristic rule gives (required for kind P). */
  why?: MessageKey;
  /** Whether the rule offers fixes: auto (safe), confirm (the user must confirm), none. */
  fixes: 'auto' | 'confirm' | 'mixed' | 'none';
  /** Settings under the presets; `custom` starts from `recommended`. */
  presets: { national: PresetSetting; recommended: PresetSetting; strict: PresetSetting };
  params?: ParamSpec[];
  /** Default parameters, possibly derived from the book's house style and years. */
  defaultParams?(ctx: ParamDefaults): Record<string, unknown>;
  examples: RuleExample[];
  /** Field kinds a text rule looks at (default: all body text, not titles, credits or attribution lines). */
  fieldKinds?: readonly FieldKind[];
  /** Runs once per text field of a unit. */
  text?(field: TextField, ctx: TextContext): void;
  /**
   * Character features (text.ts F.*) the text rule needs: it runs only on fields that have at least one of
   * `needsAny` and all of `needsAll` (a fast pre-filter computed once per field).
   */
  needsAny?: number;
  needsAll?: number;
  /** Runs once per section (or matter part) unit. */
  unit?(ctx: UnitContext): void;
  /** Collects per-unit facts for a book-level aggregation (cached with the unit). */
  collect?(ctx: UnitContext): unknown;
  /** Book-level aggregation over the facts of every unit (in book order) — must be cheap. */
  book?(ctx: BookContext, facts: readonly unknown[]): void;
  /**
   * What else the book-level aggregation reads from the book (compared by identity between checks; when these
   * and all facts are unchanged, last time's findings are reused). Default: nothing for rules with `collect`,
   * the whole book for rules without.
   */
  bookDeps?(book: Book): unknown[];
}

export interface ParamDefaults {
  houseStyle: HouseStyle;
  recordYear: number;
  volumeYear: number;
}

// ---------------------------------------------------------------------------------------------
// Contexts

export interface ReportSpec {
  message: MessageKey;
  params?: MessageParams;
  /** For text: the range of the offending text in the current field. */
  start?: number;
  end?: number;
  fixes?: Fix[];
  /** Shorthand for one fix on the current field (text rules): replace [start, end) with `replacement`. */
  fix?: { start: number; end: number; replacement: string; label: FixLabelSpec; confirm?: boolean };
  /** Overrides the rule's severity for this finding (e.g. ENT-TITLE-LEN warns at 16, errs at 19). */
  severity?: Severity;
  /** For heuristic rules: reason message key and params (defaults to the rule's `why`). */
  why?: MessageKey;
  whyParams?: MessageParams;
}

/** A node to report on from a unit-level rule: the node and its enclosing entry/subsection. */
export interface NodeRef {
  nodeId: string;
  nodeKind: NodeKind;
  entry?: Entry;
  subsection?: Subsection;
  field?: FieldPath;
  /** The field's current text (needed for a range, context and fixes). */
  text?: string;
}

export interface RuleContextBase {
  rule: RuleDef;
  params: Record<string, unknown>;
  /** The book's house style with the overrides applied. */
  houseStyle: HouseStyle;
  recordYear: number;
  volumeYear: number;
  /** Whether another rule is enabled (rules avoid double findings with each other). */
  enabled(ruleId: string): boolean;
}

export interface TextContext extends RuleContextBase {
  unit: UnitInfo;
  /** True when position i of the current field lies inside “…” ‘…’ or 《…》 (quoted names are exempt from most rules). */
  quoted(i: number): boolean;
  /** True when position i lies inside 《…》. */
  inBookTitle(i: number): boolean;
  report(spec: ReportSpec): void;
  /** A one-edit fix on the current field. */
  fix(start: number, end: number, replacement: string, label: FixLabelSpec, requiresConfirmation?: boolean): Fix;
  /** A fix of several edits on the current field (e.g. both marks of a bracket pair). */
  fixEdits(edits: { start: number; end: number; replacement: string }[], label: FixLabelSpec, requiresConfirmation?: boolean): Fix;
}

export interface UnitInfo {
  part: 'front' | 'body' | 'back';
  category?: Category;
  section?: Section;
  matter?: Matter;
  /** 特载/专文, 大事记, 附录 and front/back matter: entry rules do not apply. */
  exempt: boolean;
}

export interface UnitContext extends RuleContextBase {
  unit: UnitInfo;
  /** Text fields of the unit in reading order (the same list text rules see). */
  fields: readonly TextField[];
  report(at: NodeRef, spec: ReportSpec): void;
  /** A finding location for later use by a book-level rule (see `BookContext.reportAt`). */
  locate(at: NodeRef, start?: number, end?: number): LocatedRef;
  /** A one-edit fix on a field of some node. */
  fixOn(at: NodeRef & { field: FieldPath; text: string }, start: number, end: number, replacement: string, label: FixLabelSpec, requiresConfirmation?: boolean): Fix;
  /** The reading-order position of a node inside the unit. */
  ordOf(nodeId: string, field?: string): number;
}

/** A location captured while a unit was checked, plus its sort keys. */
export interface LocatedRef {
  /** Built on first use. */
  readonly location: Location;
  readonly ord: number;
  /** The whole text of the field, for making fixes later without the node at hand. */
  readonly fieldText?: string;
  /** The captured text itself (cheaper than location.text). */
  readonly text?: string;
}

export interface BookContext extends RuleContextBase {
  book: Book;
  /** Report at a location captured by a unit (facts carry these), unitIndex = position of that unit's facts. */
  reportAt(unitIndex: number, at: LocatedRef, spec: Omit<ReportSpec, 'start' | 'end'>): void;
  /** Report on a category or a front/back matter part (its title), e.g. a part out of order. */
  reportNode(node: Category | Matter, spec: Omit<ReportSpec, 'start' | 'end' | 'fixes'>): void;
  /** Report on the book as a whole (no node). */
  reportBook(spec: Omit<ReportSpec, 'start' | 'end' | 'fixes'>): void;
  /** A one-edit fix for a captured location (uses its field text). */
  fixAt(at: LocatedRef, replacement: string, label: FixLabelSpec, requiresConfirmation?: boolean): Fix | null;
}

export type Scope = { kind: 'book' } | { kind: 'category'; id: string } | { kind: 'section'; id: string };
