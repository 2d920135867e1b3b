// Splits a source into documents of one kind each: a yearbook chapter, a special report, a table
// document. A file usually holds one; a whole volume pasted as one text holds many.
import { parseNumbering, parseSpeakerLine } from './patterns';
import { isTitleLike, nextContent, prevContent, type PLine } from './prepare';
import { findCellRun } from './tabledoc';
import { endsWithClauseMark, squash } from './text';
import type { DocumentKind } from './types';

export interface Segment {
  kind: DocumentKind;
  start: number;
  end: number;
}

interface Anchor {
  kind: DocumentKind;
  start: number;
  /** For table documents: where the table ends (exclusive). */
  end?: number;
}

export function segment(lines: PLine[]): Segment[] {
  const n = lines.length;
  const anchors: Anchor[] = [];

  // Table documents: runs of cells opened by a leading tab.
  for (let i = 0; i < n; ) {
    if (lines[i]!.kind !== 'tab-cell') {
      i++;
      continue;
    }
    const run = findCellRun(lines, i, n);
    if (!run) {
      i++;
      continue;
    }
    let start = run.first;
    const title = prevContent(lines, run.first);
    if (title >= 0 && lines[title]!.kind === 'text' && squash(lines[title]!.t).length <= 80 && !lines[title]!.terminal) start = title;
    anchors.push({ kind: 'table', start, end: run.last + 1 });
    i = run.last + 1;
  }
  const inTable = (i: number) => anchors.some((a) => a.kind === 'table' && i >= a.start && i < a.end!);

  // Reports: a subtitle "——在…上" or a date line under title lines.
  for (let i = 0; i < n; i++) {
    const p = lines[i]!;
    if (inTable(i)) continue;
    if (p.kind !== 'report-subtitle' && p.kind !== 'date-line') continue;
    if (p.kind === 'date-line') {
      // The date of a report already anchored by its subtitle.
      const prev = prevContent(lines, i);
      const prev2 = prev >= 0 ? prevContent(lines, prev) : -1;
      if ([prev, prev2].some((k) => k >= 0 && lines[k]!.kind === 'report-subtitle')) continue;
    }
    anchors.push({ kind: 'reports', start: reportTitleStart(lines, i) });
  }

  // Chapters: a category title with its English name, or the first entry after another kind of document.
  for (let i = 0; i < n; i++) {
    const p = lines[i]!;
    if (p.kind !== 'english' || inTable(i)) continue;
    anchors.push({ kind: 'chapter', start: chapterHeadStart(lines, i) });
  }
  anchors.sort((a, b) => a.start - b.start);
  // A report or table followed by entries: the chapter starts at the head of the first entry.
  const extra: Anchor[] = [];
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k]!;
    if (a.kind === 'chapter') continue;
    const limit = anchors[k + 1]?.start ?? n;
    const from = a.end ?? a.start + 1;
    for (let i = from; i < limit; i++) {
      if (lines[i]!.kind === 'entry' || lines[i]!.kind === 'subsection') {
        extra.push({ kind: 'chapter', start: chapterHeadStart(lines, i) });
        break;
      }
    }
  }
  anchors.push(...extra);
  anchors.sort((a, b) => a.start - b.start || (a.kind === 'table' ? -1 : 1));

  const segs: Segment[] = [];
  let cursor = 0;
  for (let k = 0; k < anchors.length; k++) {
    const a = anchors[k]!;
    if (a.start < cursor) continue;
    if (a.start > cursor && hasContent(lines, cursor, a.start) && !(segs.length === 0 && onlyHeads(lines, cursor, a.start))) segs.push({ kind: 'chapter', start: cursor, end: a.start });
    else if (a.start > cursor && segs.length) segs[segs.length - 1]!.end = a.start;
    const next = anchors.slice(k + 1).find((b) => b.start >= (a.end ?? a.start + 1));
    const end = a.kind === 'table' ? a.end! : next ? next.start : n;
    segs.push({ kind: a.kind, start: a.start, end });
    cursor = end;
  }
  if (cursor < n) {
    if (hasContent(lines, cursor, n) || !segs.length) segs.push({ kind: 'chapter', start: cursor, end: n });
    else segs[segs.length - 1]!.end = n;
  }
  // Leading blank lines belong to the first document.
  if (segs.length && segs[0]!.start > 0) segs[0]!.start = 0;
  // A text with no entries, attributions or subsections but numbered headings is a report without a title block.
  for (const s of segs) if (s.kind === 'chapter' && looksLikeReport(lines, s.start, s.end)) s.kind = 'reports';
  return segs.filter((s) => s.end > s.start);
}

/**
 * Only title lines before the first document (the book title, a category heading of a rich source such as a
 * Word document of 特载): the head of that document, not a chapter of its own.
 */
function onlyHeads(lines: PLine[], start: number, end: number): boolean {
  let heads = 0;
  for (let i = start; i < end; i++) {
    const p = lines[i]!;
    if (p.kind === 'blank' || p.kind === 'running-head' || p.kind === 'ignored') continue;
    if (p.kind !== 'text' || !(p.hints?.headingLevel || isTitleLike(p, 40)) || ++heads > 3) return false;
  }
  return heads > 0;
}

function hasContent(lines: PLine[], start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const k = lines[i]!.kind;
    if (k !== 'blank' && k !== 'running-head' && k !== 'ignored') return true;
  }
  return false;
}

/** Title lines above a report's subtitle or date: up to three lines that read as a title. */
function reportTitleStart(lines: PLine[], anchor: number): number {
  let start = anchor;
  let k = prevContent(lines, anchor);
  // A speaker line printed between the title and the date.
  if (k >= 0 && lines[anchor]!.kind === 'date-line' && parseSpeakerLine(lines[k]!.t)) {
    start = k;
    k = prevContent(lines, k);
  }
  let level: number | undefined;
  for (let taken = 0; k >= 0 && taken < 3; taken++) {
    const p = lines[k]!;
    // A line a rich source styles as a heading (a Word 标题 style) is a title however long it is, and the title
    // ends where the heading level changes (the category heading or the book title above it is not part of it).
    if (p.kind !== 'text' || p.terminal || p.softTerminal || endsWithClauseMark(p.t) || squash(p.t).length > (p.hints?.headingLevel ? 120 : 40)) break;
    if (taken === 0) level = p.hints?.headingLevel;
    else if (p.hints?.headingLevel !== level) break;
    start = k;
    k = prevContent(lines, k);
  }
  return start;
}

/** The head of a chapter above line i: category, English name, section title (up to four short lines). */
function chapterHeadStart(lines: PLine[], i: number): number {
  let start = i;
  let k = prevContent(lines, i);
  for (let taken = 0; k >= 0 && taken < 4; taken++) {
    const p = lines[k]!;
    if (!(p.kind === 'english' || isTitleLike(p, 40))) break;
    start = k;
    k = prevContent(lines, k);
  }
  return start;
}

function looksLikeReport(lines: PLine[], start: number, end: number): boolean {
  let numbered = 0;
  for (let i = start; i < end; i++) {
    const p = lines[i]!;
    if (p.kind === 'entry' || p.kind === 'subsection' || p.kind === 'attribution' || p.kind === 'figure' || p.kind === 'tab-row') return false;
    if (p.kind === 'text') {
      const num = parseNumbering(p.t);
      if (num && (num.style === 'cn' || num.style === 'paren-cn')) numbered++;
    }
  }
  return numbered >= 2 && nextContent(lines, start - 1, end) >= 0;
}
