// The summary for the 编辑说明 and the report head: counts of the checked part (from shared/model/stats),
// findings by severity and rule, and the error rate per 10,000 characters (图书质量管理规定: an acceptable
// book has at most one error per 10,000 characters).
import { contributorStats, type ContributorStat } from '../model/contributors';
import { bookCounts, categoryCounts, sectionCounts, type Counts } from '../model/stats';
import type { Book } from '../model/schema';
import type { Finding, Scope, Severity } from './types';

export interface CheckSummary {
  /** Counts of the checked part: categories, sections, entries, tables, figures, characters … */
  counts: Counts;
  findings: {
    total: number;
    error: number;
    warning: number;
    info: number;
    /** Findings whose first fix applies without confirmation. */
    autoFixable: number;
    byRule: Record<string, Record<Severity, number>>;
  };
  /** Findings per 10,000 characters: errors alone, and errors plus warnings. */
  per10k: { errors: number; errorsAndWarnings: number };
  /** At most one error per 10,000 characters. */
  acceptable: boolean;
  /**
   * Who wrote and supplied the checked part: every person and unit named in its attribution lines and photo
   * credits, with the entries (and their characters) and figures credited to them — for the 编辑说明 and for
   * the office's assessment of contributors (ENT-ATTRIB-REGISTRY).
   */
  contributors: ContributorStat[];
}

/** The book cut down to the part a scope names (for counting its contributors). */
function scopedBook(book: Book, scope?: Scope): Book {
  if (!scope || scope.kind === 'book') return book;
  const categories = [...book.body, ...book.back.filter((b) => b.type === 'category')];
  if (scope.kind === 'category') return { ...book, front: [], back: [], body: categories.filter((c) => c.id === scope.id) };
  for (const c of categories) {
    const s = c.sections.find((x) => x.id === scope.id);
    if (s) return { ...book, front: [], back: [], body: [{ ...c, sections: [s] }] };
  }
  return { ...book, front: [], back: [], body: [] };
}

/** Counts of the part a scope names (the whole book when none). */
export function scopeCounts(book: Book, scope?: Scope): Counts {
  if (!scope || scope.kind === 'book') return bookCounts(book);
  const categories = [...book.body, ...book.back.filter((b) => b.type === 'category')];
  if (scope.kind === 'category') {
    const c = categories.find((x) => x.id === scope.id);
    return c ? categoryCounts(c) : bookCounts({ ...book, body: [], back: [], front: [] });
  }
  for (const c of categories) {
    const s = c.sections.find((x) => x.id === scope.id);
    if (s) return sectionCounts(c, s);
  }
  return bookCounts({ ...book, body: [], back: [], front: [] });
}

export function summarize(book: Book, findings: readonly Finding[], scope?: Scope): CheckSummary {
  const counts = scopeCounts(book, scope);
  const tally = { error: 0, warning: 0, info: 0 };
  const byRule: CheckSummary['findings']['byRule'] = {};
  let autoFixable = 0;
  for (const f of findings) {
    tally[f.severity]++;
    (byRule[f.ruleId] ??= { error: 0, warning: 0, info: 0 })[f.severity]++;
    if ('autoFixable' in f ? (f as { autoFixable: boolean }).autoFixable : !!f.fixes[0] && !f.fixes[0].requiresConfirmation) autoFixable++;
  }
  const per = (n: number) => (counts.characters ? Math.round((n / counts.characters) * 10000 * 100) / 100 : 0);
  const errors = per(tally.error);
  return {
    counts,
    findings: { total: findings.length, ...tally, autoFixable, byRule },
    per10k: { errors, errorsAndWarnings: per(tally.error + tally.warning) },
    acceptable: errors <= 1,
    contributors: contributorStats(scopedBook(book, scope)).filter((c) => c.entries > 0 || c.figures > 0),
  };
}

export type SeverityCounts = Record<Severity, number>;

/** Findings counted per section, category or node (the outline's badges). */
export function tally(findings: readonly Finding[], by: 'section' | 'category' | 'node'): Map<string, SeverityCounts> {
  const out = new Map<string, SeverityCounts>();
  for (const f of findings) {
    const l = f.location;
    const key = by === 'section' ? l.sectionId : by === 'category' ? l.categoryId : l.nodeId;
    if (!key) continue;
    let c = out.get(key);
    if (!c) out.set(key, (c = { error: 0, warning: 0, info: 0 }));
    c[f.severity]++;
  }
  return out;
}

/** Findings grouped by the node they point at, in reading order (what the editor underlines in one block). */
export function byNode(findings: readonly Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = out.get(f.location.nodeId);
    if (list) list.push(f);
    else out.set(f.location.nodeId, [f]);
  }
  return out;
}
