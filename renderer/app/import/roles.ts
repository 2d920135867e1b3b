// How the review screen marks what the recogniser read: a colour group per line role, the heals worth
// marking on a line, and the corrections offered for a line.
import type { HealKind, ImportResult, LineReport, LineRole, OverrideRole } from '../../../shared/import';

export type RoleGroup = 'title' | 'entry' | 'attribution' | 'figure' | 'table' | 'footnote' | 'dropped' | 'body';

export function roleGroup(role: LineRole): RoleGroup {
  switch (role) {
    case 'category':
    case 'category-en':
    case 'section':
    case 'subsection':
    case 'book-head':
    case 'report-title':
    case 'report-subtitle':
    case 'heading':
      return 'title';
    case 'entry-title':
      return 'entry';
    case 'attribution':
    case 'report-speaker':
      return 'attribution';
    case 'caption':
    case 'credit':
    case 'image':
      return 'figure';
    case 'table-title':
    case 'table-number':
    case 'table-continuation':
    case 'table-header':
    case 'table-row':
    case 'table-cell':
      return 'table';
    case 'footnote':
      return 'footnote';
    case 'running-head':
    case 'ignored':
    case 'table-header-repeat':
    case 'blank':
      return 'dropped';
    default:
      return 'body';
  }
}

/** Heals marked on their lines (a running head is already shown as dropped; a reflow covers whole reports). */
export const MARKED_HEALS: ReadonlySet<HealKind> = new Set<HealKind>([
  'line-joined',
  'number-joined',
  'joined-across',
  'displaced-fragment',
  'letter-spacing',
  'title-joined',
  'table-continued',
  'header-repeat-removed',
  'moved-to-reference',
  'footnote-linked',
  'inline-attribution',
]);

export interface LineMarks {
  byLine: Map<number, LineReport>;
  /** Line → the heals it takes part in. */
  heals: Map<number, HealKind[]>;
  /** Line → index of its doubts in report.uncertain. */
  doubts: Map<number, number[]>;
}

/** Line → the heals worth marking on it (the review screen's and the 来稿原文 viewer's ⤶). */
export function healMarks(list: readonly { kind: HealKind; lines: readonly number[] }[]): Map<number, HealKind[]> {
  const heals = new Map<number, HealKind[]>();
  for (const h of list) {
    if (!MARKED_HEALS.has(h.kind)) continue;
    for (const l of h.lines) heals.set(l, [...(heals.get(l) ?? []), h.kind]);
  }
  return heals;
}

export function lineMarks(result: ImportResult): LineMarks {
  const byLine = new Map(result.report.lines.map((l) => [l.no, l]));
  const heals = healMarks(result.report.heals);
  const doubts = new Map<number, number[]>();
  result.report.uncertain.forEach((u, i) => doubts.set(u.line, [...(doubts.get(u.line) ?? []), i]));
  return { byLine, heals, doubts };
}

/** The corrections offered for any line, in the order shown. */
export const OVERRIDE_CHOICES: readonly OverrideRole[] = [
  'entry-title',
  'body',
  'attribution',
  'section',
  'subsection',
  'heading',
  'caption',
  'credit',
  'paragraph-start',
  'continues',
  'ignore',
];

/** The override that means "as recognised now" for a role (so that choice is shown as current). */
export function currentChoice(role: LineRole): OverrideRole | null {
  switch (role) {
    case 'entry-title':
    case 'attribution':
    case 'section':
    case 'subsection':
    case 'heading':
    case 'caption':
    case 'credit':
      return role;
    case 'ignored':
    case 'running-head':
      return 'ignore';
    default:
      return null;
  }
}
