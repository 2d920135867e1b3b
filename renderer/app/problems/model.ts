// The problems panel's model, without React: filtering, grouping by section and rule, severity counts, the
// plan of a "fix all", walking to the next problem, and the 编辑说明 text. Pure functions over the checker's
// findings (shared/validate), so they are unit-tested on real books.
import { getLocale, t, type Locale } from '../../../shared/i18n';
import { cellLabel, findingMessage, findingReason, SEVERITY_RANK, type CheckSummary, type Finding, type Severity, type SeverityCounts } from '../../../shared/validate';
import type { EditorProblem } from '../../editor/contract';

export interface ProblemFilter {
  severity: Severity | 'all';
  ruleId: string | 'all';
  /** The whole book, the open section's category, or only the open section. */
  scope: 'book' | 'category' | 'section';
  /** Matched against the message, the offending text and the section and entry titles. */
  query: string;
}

export const DEFAULT_FILTER: ProblemFilter = { severity: 'all', ruleId: 'all', scope: 'book', query: '' };

export function filterFindings(findings: readonly Finding[], filter: ProblemFilter, openSectionId: string | null, openCategoryId: string | null = null): Finding[] {
  const q = filter.query.trim();
  return findings.filter((f) => {
    if (filter.severity !== 'all' && f.severity !== filter.severity) return false;
    if (filter.ruleId !== 'all' && f.ruleId !== filter.ruleId) return false;
    if (filter.scope === 'section' && (openSectionId === null || (f.location.sectionId ?? f.location.matterId) !== openSectionId)) return false;
    if (filter.scope === 'category' && (openCategoryId === null || f.location.categoryId !== openCategoryId)) return false;
    if (q) {
      const l = f.location;
      const hay = `${f.message} ${l.text ?? ''} ${l.sectionTitle ?? ''} ${l.entryTitle ?? ''} ${l.categoryTitle ?? ''} ${f.ruleId}`;
      if (!hay.includes(q)) return false;
    }
    return true;
  });
}

export function emptyCounts(): SeverityCounts {
  return { error: 0, warning: 0, info: 0 };
}

export function severityCounts(findings: readonly Finding[]): SeverityCounts {
  const c = emptyCounts();
  for (const f of findings) c[f.severity]++;
  return c;
}

export interface RuleGroup {
  ruleId: string;
  /** The most severe finding of the group. */
  severity: Severity;
  findings: Finding[];
  /** Findings whose first fix applies without confirmation / needs confirmation. */
  autoFixable: number;
  confirmFixable: number;
}

export interface PlaceGroup {
  /** Section id, matter id, category id (for category titles) or 'book'. */
  key: string;
  kind: 'section' | 'matter' | 'category' | 'book';
  title: string;
  /** The category a section belongs to. */
  parentTitle?: string;
  /** The section to open for this group (sections only). */
  sectionId?: string;
  counts: SeverityCounts;
  rules: RuleGroup[];
}

function placeOf(f: Finding): { key: string; kind: PlaceGroup['kind']; title: string; parentTitle?: string; sectionId?: string } {
  const l = f.location;
  if (l.sectionId) return { key: l.sectionId, kind: 'section', title: l.sectionTitle ?? '', ...(l.categoryTitle ? { parentTitle: l.categoryTitle } : {}), sectionId: l.sectionId };
  if (l.matterId) return { key: l.matterId, kind: 'matter', title: l.matterTitle ?? '' };
  if (l.categoryId) return { key: l.categoryId, kind: 'category', title: l.categoryTitle ?? '' };
  return { key: 'book', kind: 'book', title: t('problems.bookLevel') };
}

/** Findings grouped by place (in book order, as the checker lists them) and, inside a place, by rule (most severe first). */
export function groupFindings(findings: readonly Finding[]): PlaceGroup[] {
  const places = new Map<string, PlaceGroup & { byRule: Map<string, RuleGroup> }>();
  for (const f of findings) {
    const p = placeOf(f);
    let g = places.get(p.key);
    if (!g) places.set(p.key, (g = { ...p, counts: emptyCounts(), rules: [], byRule: new Map() }));
    g.counts[f.severity]++;
    let r = g.byRule.get(f.ruleId);
    if (!r) {
      r = { ruleId: f.ruleId, severity: f.severity, findings: [], autoFixable: 0, confirmFixable: 0 };
      g.byRule.set(f.ruleId, r);
      g.rules.push(r);
    }
    r.findings.push(f);
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[r.severity]) r.severity = f.severity;
    const fix = f.fixes[0];
    if (fix) {
      if (fix.requiresConfirmation) r.confirmFixable++;
      else r.autoFixable++;
    }
  }
  return [...places.values()].map(({ byRule: _, ...g }) => ({
    ...g,
    rules: g.rules.sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]),
  }));
}

/** The rules that have findings, with their counts, for the rule filter. */
export function ruleOptions(findings: readonly Finding[]): { ruleId: string; count: number }[] {
  const m = new Map<string, number>();
  for (const f of findings) m.set(f.ruleId, (m.get(f.ruleId) ?? 0) + 1);
  return [...m].map(([ruleId, count]) => ({ ruleId, count })).sort((a, b) => a.ruleId.localeCompare(b.ruleId));
}

export interface FixPlan {
  ruleId: string;
  /** A section id, or null for the whole book. */
  sectionId: string | null;
  /** Findings fixed without further question. */
  auto: Finding[];
  /** Findings whose fix changes a quantity or meaning: fixed only when the user ticks them. */
  confirm: Finding[];
}

/** What "fix all of a rule in a section / the book" would change. */
export function fixPlan(findings: readonly Finding[], ruleId: string, sectionId: string | null): FixPlan {
  const auto: Finding[] = [];
  const confirm: Finding[] = [];
  for (const f of findings) {
    if (f.ruleId !== ruleId || (sectionId !== null && f.location.sectionId !== sectionId)) continue;
    const fix = f.fixes[0];
    if (!fix) continue;
    (fix.requiresConfirmation ? confirm : auto).push(f);
  }
  return { ruleId, sectionId, auto, confirm };
}

/** Where a finding is, for a list row: 分目 › 【条目】 › 表6第3行第2列（行首“…”）. */
export function whereLabel(f: Finding): string {
  const l = f.location;
  const parts = [l.sectionTitle ?? l.matterTitle ?? l.categoryTitle ?? t('problems.bookLevel')];
  if (l.entryTitle) parts.push(t('problems.where.entry', { title: l.entryTitle }));
  if (l.cell) parts.push(cellLabel(l.cell, getLocale()));
  return parts.join(' › ');
}

export interface Place {
  sectionId: string;
  nodeId: string;
  start?: number;
  end?: number;
}

/** Whether a finding can be shown in the editor (it lies in a section). */
export function placeOfFinding(f: Finding): Place | null {
  const l = f.location;
  if (!l.sectionId) return null;
  return { sectionId: l.sectionId, nodeId: l.nodeId, ...(l.start !== undefined ? { start: l.start } : {}), ...(l.end !== undefined ? { end: l.end } : {}) };
}

/**
 * The next (dir 1) or previous (dir -1) finding after the current one, in list order, wrapping around; only
 * findings that can be shown in a section. `currentId` is a finding id; when it is gone (fixed), the walk
 * continues from where it was, `fallbackIndex` (its index among the shown findings of the previous list).
 */
export function stepFinding(list: readonly Finding[], currentId: string | null, dir: 1 | -1, fallbackIndex = -1): Finding | null {
  const shown = list.filter((f) => placeOfFinding(f) !== null);
  if (!shown.length) return null;
  const i = currentId ? shown.findIndex((f) => f.id === currentId) : -1;
  if (i < 0) {
    // Gone (fixed) or never set: the finding now at the old position goes next.
    if (fallbackIndex < 0) return (dir === 1 ? shown[0] : shown[shown.length - 1]) ?? null;
    const k = dir === 1 ? Math.min(fallbackIndex, shown.length - 1) : Math.min(Math.max(fallbackIndex - 1, 0), shown.length - 1);
    return shown[k] ?? null;
  }
  const j = (i + dir + shown.length) % shown.length;
  return shown[j] ?? null;
}

/** Findings of one section as the editor underlines them (text findings with a range only). */
export function editorProblems(findings: readonly Finding[], sectionId: string, locale: Locale = 'zh'): EditorProblem[] {
  const out: EditorProblem[] = [];
  for (const f of findings) {
    const l = f.location;
    if (l.sectionId !== sectionId || l.field === undefined || l.start === undefined || l.end === undefined || l.end <= l.start) continue;
    const reason = findingReason(f, locale);
    out.push({
      id: f.id,
      nodeId: l.nodeId,
      field: l.field,
      start: l.start,
      end: l.end,
      severity: f.severity,
      message: findingMessage(f, locale),
      ...(reason !== undefined ? { reason } : {}),
      ...(l.text !== undefined ? { text: l.text } : {}),
    });
  }
  return out;
}

/** 7.6万 for the 编辑说明 (rounded to a tenth of 10,000 above 10,000 characters). */
export function approxChars(n: number): string {
  if (n < 10000) return String(n);
  return t('problems.summary.wan', { n: (Math.round(n / 1000) / 10).toString() });
}

/** The paragraph for the 编辑说明, in Chinese (it goes into the book). */
export function summaryText(s: CheckSummary): string {
  const c = s.counts;
  const head = t(
    'problems.summary.text',
    { categories: c.categories, sections: c.sections, subsections: c.subsections, entries: c.entries, tables: c.tables, figures: c.figures, chars: approxChars(c.characters), characters: c.characters },
    'zh',
  );
  const tail = t('problems.summary.textFindings', { error: s.findings.error, warning: s.findings.warning, info: s.findings.info, per10k: s.per10k.errors }, 'zh');
  return `${head}${tail}${contributorsText(s)}`;
}

/**
 * The contributors for the 编辑说明, in Chinese: 撰稿和供稿：潘鑫卉（22条）、…。图片提供：区民政局（5幅）、…。
 * (most entries first; the registry view and ENT-ATTRIB-REGISTRY use the same counts).
 */
export function contributorsText(s: CheckSummary): string {
  const writers = s.contributors.filter((c) => c.entries > 0).map((c) => t('problems.summary.itemEntries', { name: c.name, entries: c.entries }, 'zh'));
  const photos = s.contributors
    .filter((c) => c.figures > 0)
    .sort((a, b) => b.figures - a.figures)
    .map((c) => t('problems.summary.itemFigures', { name: c.name, figures: c.figures }, 'zh'));
  let out = '';
  if (writers.length) out += `\n${t('problems.summary.textAuthors', { list: writers.join('、') }, 'zh')}`;
  if (photos.length) out += `${writers.length ? '' : '\n'}${t('problems.summary.textPhotos', { list: photos.join('、') }, 'zh')}`;
  return out;
}
