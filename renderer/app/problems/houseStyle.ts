// The 体例设置 (house style) dialog's model, without React: a draft of the book's house style and record year,
// the per-rule table generated from the rule definitions (shared/validate RULES), parameter text ⇄ values, the
// ignored findings with where they are, and the book change that saves it all. Pure functions, unit-tested.
import { indexBook, type Book, type HouseStyle, type IgnoredFinding, type RuleSetting } from '../../../shared/model';
import { ignoredOf, RULES, RULES_BY_ID, resolveConfig, type Finding, type ParamSpec, type PresetName, type ResolvedRule, type RuleDef, type Severity } from '../../../shared/validate';

/** What the dialog edits: the book's house style and its record year. */
export interface HouseDraft {
  houseStyle: HouseStyle;
  recordYear: number;
}

/** The presets the dialog offers ('custom', the older name of recommended, is shown as recommended). */
export const PRESETS: readonly Exclude<PresetName, 'custom'>[] = ['national', 'recommended', 'strict'];

export function draftOf(book: Pick<Book, 'houseStyle' | 'recordYear'>): HouseDraft {
  const hs = structuredClone(book.houseStyle);
  if (hs.preset === 'custom') hs.preset = 'recommended';
  return { houseStyle: hs, recordYear: book.recordYear };
}

/** The book with the draft applied (what 保存 stores, as one book change). */
export function applyDraft(book: Book, draft: HouseDraft): Book {
  return { ...book, houseStyle: draft.houseStyle, recordYear: draft.recordYear };
}

/** Whether saving the draft would change the book. */
export function draftChanged(book: Pick<Book, 'houseStyle' | 'recordYear'>, draft: HouseDraft): boolean {
  return draft.recordYear !== book.recordYear || JSON.stringify(normalise(draft.houseStyle)) !== JSON.stringify(normalise(book.houseStyle));
}

function normalise(hs: HouseStyle): HouseStyle {
  return { ...hs, preset: hs.preset === 'custom' ? 'recommended' : hs.preset };
}

export function patchStyle(draft: HouseDraft, patch: Partial<HouseStyle>): HouseDraft {
  return { ...draft, houseStyle: { ...draft.houseStyle, ...patch } };
}

// ---------------------------------------------------------------------------------------------
// Rules

export interface RuleRow {
  rule: RuleDef;
  /** Effective setting under the draft (preset + house settings + the book's per-rule settings). */
  resolved: ResolvedRule;
  /** The preset's setting alone (what 恢复默认 returns to). */
  preset: ResolvedRule;
  /** The book overrides this rule (on/off, severity or a parameter). */
  overridden: boolean;
  /** Severities the rule may take (a heuristic is never an error). */
  severities: Severity[];
  /** Parameters the dialog edits per rule (those that follow a named house setting are edited there). */
  params: ParamSpec[];
}

/** One row per rule, in catalogue order. */
export function ruleRows(draft: HouseDraft): RuleRow[] {
  const shell = { houseStyle: draft.houseStyle, recordYear: draft.recordYear, volumeYear: draft.recordYear + 1 };
  const effective = resolveConfig(shell).rules;
  const bare = resolveConfig({ ...shell, houseStyle: { ...draft.houseStyle, rules: {} } }).rules;
  return RULES.map((rule) => {
    const setting = draft.houseStyle.rules[rule.id];
    return {
      rule,
      resolved: effective[rule.id]!,
      preset: bare[rule.id]!,
      overridden: !!setting && (setting.enabled !== undefined || setting.severity !== undefined || Object.keys(setting.params ?? {}).length > 0),
      severities: rule.kind === 'P' ? ['warning', 'info'] : ['error', 'warning', 'info'],
      params: (rule.params ?? []).filter((p) => !p.house),
    };
  });
}

/**
 * Sets part of a rule's setting. A value equal to what the preset gives is dropped, so the book stores only
 * real departures from its preset (and a later change of preset still applies to everything else).
 */
export function setRule(draft: HouseDraft, ruleId: string, patch: { enabled?: boolean; severity?: Severity; params?: Record<string, unknown> }): HouseDraft {
  const shell = { houseStyle: { ...draft.houseStyle, rules: {} }, recordYear: draft.recordYear, volumeYear: draft.recordYear + 1 };
  const base = resolveConfig(shell).rules[ruleId]!;
  const prev: RuleSetting = draft.houseStyle.rules[ruleId] ?? {};
  const next: RuleSetting = { ...prev };
  if ('enabled' in patch) {
    if (patch.enabled === undefined || patch.enabled === base.enabled) delete next.enabled;
    else next.enabled = patch.enabled;
  }
  if ('severity' in patch) {
    if (patch.severity === undefined || patch.severity === base.severity) delete next.severity;
    else next.severity = patch.severity;
  }
  if (patch.params) {
    const params = { ...(prev.params ?? {}) };
    for (const [k, v] of Object.entries(patch.params)) {
      if (v === undefined || JSON.stringify(v) === JSON.stringify(base.params[k])) delete params[k];
      else params[k] = v;
    }
    if (Object.keys(params).length) next.params = params;
    else delete next.params;
  }
  const rules = { ...draft.houseStyle.rules };
  if (next.enabled === undefined && next.severity === undefined && !next.params) delete rules[ruleId];
  else rules[ruleId] = next;
  return { ...draft, houseStyle: { ...draft.houseStyle, rules } };
}

export function resetRule(draft: HouseDraft, ruleId: string): HouseDraft {
  const rules = { ...draft.houseStyle.rules };
  delete rules[ruleId];
  return { ...draft, houseStyle: { ...draft.houseStyle, rules } };
}

/** The value of a parameter as the dialog shows it in a text field (lists one item per line). */
export function paramText(spec: ParamSpec, value: unknown): string {
  if (spec.kind === 'strings') return Array.isArray(value) ? value.join('\n') : '';
  if (spec.kind === 'pairs') return Array.isArray(value) ? (value as { full: string; short: string }[]).map((p) => `${p.full}=${p.short}`).join('\n') : '';
  return value === undefined ? '' : String(value);
}

/** Reads a parameter from its text field; returns the value or the validator's complaint. */
export function parseParam(spec: ParamSpec, text: string): { value: unknown } | { error: string } {
  let value: unknown;
  const lines = text
    .split(/\n|[、，,；;]/)
    .map((l) => l.trim())
    .filter(Boolean);
  switch (spec.kind) {
    case 'int':
      value = text.trim() === '' ? NaN : Number(text.trim());
      break;
    case 'bool':
      value = text === 'true';
      break;
    case 'choice':
      value = spec.values.find((v) => String(v) === text) ?? text;
      break;
    case 'strings':
      value = lines;
      break;
    case 'pairs':
      value = text
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean)
        .map((l) => {
          const [full = '', short = ''] = l.split(/[=＝]/).map((x) => x.trim());
          return { full, short };
        });
      break;
  }
  const error = spec.validate(value);
  return error ? { error } : { value };
}

/** Overview titles as typed ("概况、综述"): the list, or null when empty. */
export function parseTitles(text: string): string[] | null {
  const list = text
    .split(/[、，,；;\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length ? [...new Set(list)] : null;
}

// ---------------------------------------------------------------------------------------------
// Ignored findings

/** A finding the editors chose to keep, with where it is now (or that its text is gone). */
export interface IgnoredRow {
  index: number;
  item: IgnoredFinding;
  ruleTitleKey: RuleDef['title'] | null;
  /** Section (or matter page) and entry it is in, for the list and for going there. */
  sectionId?: string;
  where: string;
  /** The node no longer exists: the entry can be removed. */
  gone: boolean;
}

/** The ignored findings of a book, each with its place. */
export function ignoredRows(book: Book): IgnoredRow[] {
  const list = book.houseStyle.ignored ?? [];
  if (!list.length) return [];
  const index = indexBook(book);
  return list.map((item, i) => {
    const hit = index.get(item.nodeId);
    const rule = RULES_BY_ID.get(item.ruleId);
    const p = hit?.path;
    const node = hit?.node;
    const section = p?.section ?? (node?.type === 'section' ? node : undefined);
    const entry = p?.entry ?? (node?.type === 'entry' ? node : undefined);
    const parts = [section?.title ?? p?.matter?.title ?? p?.category?.title ?? (node && 'title' in node ? node.title : '')].filter(Boolean);
    if (entry) parts.push(`【${entry.title}】`);
    const sectionId = section?.id ?? p?.matter?.id;
    return { index: i, item, ruleTitleKey: rule?.title ?? null, ...(sectionId ? { sectionId } : {}), where: parts.join(' › '), gone: !hit && item.nodeId !== book.id };
  });
}

/** The book with one more ignored finding (rule, node, the offending text and the characters around it; who and when). */
export function withIgnored(book: Book, f: Finding, by?: string, at = new Date().toISOString()): Book {
  const item: IgnoredFinding = ignoredOf(f, by, at);
  const list = book.houseStyle.ignored ?? [];
  const same = (x: IgnoredFinding) => x.ruleId === item.ruleId && x.nodeId === item.nodeId && x.text === item.text && x.field === item.field && x.before === item.before && x.after === item.after;
  if (list.some(same)) return book;
  return { ...book, houseStyle: { ...book.houseStyle, ignored: [...list, item] } };
}

/** The draft without the ignored findings at these positions (恢复). */
export function withoutIgnored(draft: HouseDraft, indexes: readonly number[]): HouseDraft {
  const drop = new Set(indexes);
  const ignored = (draft.houseStyle.ignored ?? []).filter((_, i) => !drop.has(i));
  const houseStyle = { ...draft.houseStyle };
  if (ignored.length) houseStyle.ignored = ignored;
  else delete houseStyle.ignored;
  return { ...draft, houseStyle };
}
