// Reports of a check: a Chinese text report for people (grouped by section and rule) and a JSON document for
// tools. Pure functions, used by `yearbook validate` and by the app when it saves a check report.
import { t } from '../i18n';
import type { Book } from '../model/schema';
import { RULES_BY_ID } from './catalogue';
import type { CheckResult } from './engine';
import { plain } from './records';
import { cellLabel } from './where';
import type { CheckSummary } from './summary';
import { SEVERITY_RANK, type Finding, type Scope } from './types';

export interface ScopeInfo {
  scope: Scope;
  /** Title of the category or section checked. */
  title?: string;
}

const zh = (key: Parameters<typeof t>[0], params: Parameters<typeof t>[1] = {}) => t(key, params, 'zh');

function groupKey(f: Finding): string {
  const l = f.location;
  if (l.nodeKind === 'book') return 'book';
  if (l.sectionId) return `s:${l.sectionId}`;
  if (l.categoryId) return `c:${l.categoryId}`;
  if (l.matterId) return `m:${l.matterId}`;
  return l.part;
}

function groupTitle(f: Finding): string {
  const l = f.location;
  if (l.nodeKind === 'book') return zh('validate.report.bookLevel');
  if (l.sectionId) return `${zh('kind.section')}“${l.sectionTitle}”（${zh('kind.category')}“${l.categoryTitle}”）`;
  if (l.categoryId) return `${zh('kind.category')}“${l.categoryTitle}”`;
  if (l.matterId) return `${l.part === 'front' ? zh('validate.report.front') : zh('validate.report.back')}“${l.matterTitle}”`;
  return l.part;
}

function where(f: Finding): string {
  const l = f.location;
  const parts: string[] = [];
  if (l.subsectionTitle) parts.push(`· ${l.subsectionTitle} ·`);
  if (l.entryTitle) parts.push(`【${l.entryTitle}】`);
  if (l.cell) parts.push(cellLabel(l.cell));
  return parts.join(' ');
}

/** 潘鑫卉22条、邵旭峰10条、区民政局图5幅 … (the first twelve; the JSON report lists them all). */
export function contributorList(summary: CheckSummary, max = 12, locale: 'zh' | 'en' = 'zh'): string {
  const items = summary.contributors.slice(0, max).map((c) => t(c.entries ? 'validate.report.contributorEntries' : 'validate.report.contributorFigures', { name: c.name, entries: c.entries, figures: c.figures }, locale));
  const more = summary.contributors.length - items.length;
  return items.join(locale === 'zh' ? '、' : ', ') + (more > 0 ? t('validate.report.contributorsMore', { count: more }, locale) : '');
}

/**
 * The human-readable report: the head (book, scope, house style, counts, totals, error rate), then the findings
 * grouped by section and, inside a section, by rule (errors first); at most `maxPerRule` findings are listed
 * per rule and section, the rest counted.
 */
export function textReport(book: Book, result: CheckResult, summary: CheckSummary, scope: ScopeInfo, maxPerRule = 8): string {
  const out: string[] = [];
  const c = summary.counts;
  out.push(zh('validate.report.title', { book: `${book.title}（${book.volumeYear}）` }));
  out.push(
    scope.scope.kind === 'book'
      ? zh('validate.report.scope.book')
      : zh(scope.scope.kind === 'category' ? 'validate.report.scope.category' : 'validate.report.scope.section', { title: scope.title ?? scope.scope.id }),
  );
  out.push(zh('validate.report.preset', { preset: zh(`validate.preset.${result.config.preset}`), year: result.config.recordYear }));
  out.push(zh('validate.report.counts', { categories: c.categories, sections: c.sections, entries: c.entries, tables: c.tables, figures: c.figures, characters: c.characters }));
  const f = summary.findings;
  out.push(zh('validate.report.totals', { total: f.total, error: f.error, warning: f.warning, info: f.info }) + (f.autoFixable ? `，${zh('validate.report.fixable', { count: f.autoFixable })}` : ''));
  out.push(
    zh('validate.report.rate', {
      errorRate: summary.per10k.errors,
      rate: summary.per10k.errorsAndWarnings,
      verdict: zh(summary.acceptable ? 'validate.report.rateOk' : 'validate.report.rateBad'),
    }),
  );
  if (summary.contributors.length) out.push(zh('validate.report.contributors', { count: summary.contributors.length, list: contributorList(summary) }));
  if (!result.findings.length) {
    out.push('', zh('validate.report.none'));
    return `${out.join('\n')}\n`;
  }

  const groups = new Map<string, Finding[]>();
  for (const x of result.findings) {
    const k = groupKey(x);
    const g = groups.get(k);
    if (g) g.push(x);
    else groups.set(k, [x]);
  }
  for (const list of groups.values()) {
    out.push('', groupTitle(list[0]!));
    const byRule = new Map<string, Finding[]>();
    for (const x of list) {
      const g = byRule.get(x.ruleId);
      if (g) g.push(x);
      else byRule.set(x.ruleId, [x]);
    }
    const rules = [...byRule.entries()].sort(
      ([, a], [, b]) => Math.min(...a.map((x) => SEVERITY_RANK[x.severity])) - Math.min(...b.map((x) => SEVERITY_RANK[x.severity])),
    );
    for (const [ruleId, items] of rules) {
      const rule = RULES_BY_ID.get(ruleId)!;
      const fixable = items.filter((x) => x.fixes[0] && !x.fixes[0].requiresConfirmation).length;
      const worst = items.reduce((s, x) => (SEVERITY_RANK[x.severity] < SEVERITY_RANK[s] ? x.severity : s), items[0]!.severity);
      out.push(`  ${zh(`validate.severity.${worst}`)} ${ruleId} ${zh(rule.title)} ×${items.length}${fixable ? `（${zh('validate.report.fixable', { count: fixable })}）` : ''}`);
      for (const x of items.slice(0, maxPerRule)) {
        const w = where(x);
        const ctx = x.location.context && !x.message.includes(x.location.context) ? ` —— ${x.location.context}` : '';
        out.push(`    · ${w ? `${w} ` : ''}${x.message}${ctx}`);
        if (x.reason) out.push(`      ${zh('validate.report.reason', { reason: x.reason })}`);
      }
      if (items.length > maxPerRule) out.push(`    ${zh('validate.report.more', { count: items.length - maxPerRule })}`);
    }
  }
  return `${out.join('\n')}\n`;
}

export interface JsonReport {
  book: { id: string; title: string; volumeYear: number; recordYear: number };
  scope: Scope & { title?: string };
  preset: string;
  summary: CheckSummary;
  findings: Finding[];
}

/** The JSON report for tools: every finding as a plain object (rule id, severity, message, location with titles and the quoted text, fixes). */
export function jsonReport(book: Book, result: CheckResult, summary: CheckSummary, scope: ScopeInfo): JsonReport {
  return {
    book: { id: book.id, title: book.title, volumeYear: book.volumeYear, recordYear: result.config.recordYear },
    scope: { ...scope.scope, ...(scope.title ? { title: scope.title } : {}) },
    preset: result.config.preset,
    summary,
    findings: result.findings.map(plain),
  };
}
