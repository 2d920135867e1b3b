// Text with stand-off marks (the book model) ↔ Lexical inline nodes.
//
//   bold / italic / sup / sub   → format bits of TextNodes
//   indexTerm (range)           → IndexTermNode (inline element, termKey keeps one term's pieces together)
//   comment (range)             → CommentMarkNode (inline element, commentId)
//   any mark on an empty range,
//   footnoteRef                 → MarkPointNode (inline decorator, takes no characters)
//   "\n" / "\t"                 → LineBreakNode / TabNode
//
// Marks may overlap freely; elements are nested and split where needed, and reading merges the pieces
// back. The editor's form of a mark list is canonical (canonicalMarks): formatting ranges merged per type,
// ranges of one comment merged, formatting not over line breaks, ranges clipped to the text, a fixed order.
// Nothing else changes.
import {
  $createLineBreakNode,
  $createTabNode,
  $createTextNode,
  $isDecoratorNode,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  IS_BOLD,
  IS_ITALIC,
  IS_SUBSCRIPT,
  IS_SUPERSCRIPT,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import type { Mark } from '../../../shared/model';
import { $createCommentMarkNode, $isCommentMarkNode } from '../nodes/CommentMarkNode';
import { $createIndexTermNode, $isIndexTermNode } from '../nodes/IndexTermNode';
import { $createMarkPointNode, $isMarkPointNode, type PointMark } from '../nodes/MarkPointNode';

export interface InlineContent {
  text: string;
  marks: Mark[];
}

type FormatType = 'bold' | 'italic' | 'sup' | 'sub';
const FORMAT_BITS: Record<FormatType, number> = { bold: IS_BOLD, italic: IS_ITALIC, sup: IS_SUPERSCRIPT, sub: IS_SUBSCRIPT };
const FORMAT_TYPES = Object.keys(FORMAT_BITS) as FormatType[];
/** Format bits the book model can hold; others (underline, code, highlight …) are dropped on paste. */
export const MODEL_FORMAT_MASK = IS_BOLD | IS_ITALIC | IS_SUPERSCRIPT | IS_SUBSCRIPT;

const TYPE_RANK: Record<Mark['type'], number> = { bold: 0, italic: 1, sup: 2, sub: 3, indexTerm: 4, comment: 5, footnoteRef: 6 };

function markKey(m: Mark): string {
  switch (m.type) {
    case 'indexTerm':
      return m.sortKey ?? '';
    case 'comment':
      return m.commentId;
    case 'footnoteRef':
      return m.footnoteId;
    default:
      return '';
  }
}

export function compareMarks(a: Mark, b: Mark): number {
  return a.start - b.start || a.end - b.end || TYPE_RANK[a.type] - TYPE_RANK[b.type] || (markKey(a) < markKey(b) ? -1 : markKey(a) > markKey(b) ? 1 : 0);
}

/** Union of intervals, merging overlapping and touching ones. */
function unionRanges(ranges: { start: number; end: number }[]): { start: number; end: number }[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: { start: number; end: number }[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else out.push({ start: r.start, end: r.end });
  }
  return out;
}

/**
 * The editor's canonical form of a mark list: ranges clipped to the text; formatting ranges merged per type, cut
 * at line breaks, empty ones dropped; the ranges of one comment merged; an index term without sort key carries no sortKey field;
 * sorted. Two mark lists with the same canonical form mean the same thing.
 */
export function canonicalMarks(text: string, marks: readonly Mark[]): Mark[] {
  const len = text.length;
  const clip = <M extends Mark>(m: M): M => {
    const start = Math.min(Math.max(0, m.start), len);
    const end = Math.min(Math.max(start, m.end), len);
    return { ...m, start, end };
  };
  const out: Mark[] = [];
  const formats = new Map<FormatType, { start: number; end: number }[]>();
  const comments = new Map<string, { start: number; end: number }[]>();
  for (const raw of marks) {
    const m = clip(raw);
    switch (m.type) {
      case 'bold':
      case 'italic':
      case 'sup':
      case 'sub':
        if (m.end > m.start) formats.set(m.type, [...(formats.get(m.type) ?? []), m]);
        break;
      case 'comment':
        if (m.end > m.start) comments.set(m.commentId, [...(comments.get(m.commentId) ?? []), m]);
        else out.push({ type: 'comment', start: m.start, end: m.end, commentId: m.commentId });
        break;
      case 'indexTerm':
        out.push(m.sortKey ? { type: 'indexTerm', start: m.start, end: m.end, sortKey: m.sortKey } : { type: 'indexTerm', start: m.start, end: m.end });
        break;
      case 'footnoteRef':
        out.push({ type: 'footnoteRef', start: m.start, end: m.end, footnoteId: m.footnoteId });
        break;
    }
  }
  // A line break carries no formatting (it is a LineBreakNode, not text): formatting ranges stop at it.
  const breaks: number[] = [];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) breaks.push(i);
  for (const [type, ranges] of formats) {
    for (const r of unionRanges(ranges)) {
      let start = r.start;
      for (const b of breaks) {
        if (b < start || b >= r.end) continue;
        if (b > start) out.push({ type, start, end: b });
        start = b + 1;
      }
      if (r.end > start) out.push({ type, start, end: r.end });
    }
  }
  for (const [commentId, ranges] of comments) for (const r of unionRanges(ranges)) out.push({ type: 'comment', start: r.start, end: r.end, commentId });
  return out.sort(compareMarks);
}

let termCounter = 0;
/** A fresh key for a new index term node (unique within the session; only has to differ from its neighbours). */
export function newTermKey(): string {
  termCounter = (termCounter + 1) % 1e9;
  return `t${termCounter.toString(36)}${Math.floor(Math.random() * 36 ** 3).toString(36)}`;
}

interface ElementMark {
  kind: 'indexTerm' | 'comment';
  start: number;
  end: number;
  /** indexTerm: the term's key; comment: the comment id. */
  key: string;
  sortKey?: string;
  order: number;
}

function $appendText(parent: ElementNode, text: string, format: number): void {
  let buf = '';
  const flush = () => {
    if (buf) {
      const t = $createTextNode(buf);
      if (format) t.setFormat(format);
      parent.append(t);
      buf = '';
    }
  };
  for (const ch of text) {
    if (ch === '\n') {
      flush();
      parent.append($createLineBreakNode());
    } else if (ch === '\t') {
      flush();
      const tab = $createTabNode();
      if (format) tab.setFormat(format);
      parent.append(tab);
    } else {
      buf += ch;
    }
  }
  flush();
}

/** Appends the inline nodes for text + marks to parent. With plain: true, marks are ignored (titles). */
export function $appendInline(parent: ElementNode, text: string, marks: readonly Mark[] = [], plain = false): void {
  if (plain || marks.length === 0) {
    $appendText(parent, text, 0);
    return;
  }
  const len = text.length;
  const cm = canonicalMarks(text, marks);
  const formats: { bit: number; start: number; end: number }[] = [];
  const elements: ElementMark[] = [];
  const points: { at: number; mark: PointMark }[] = [];
  cm.forEach((m, order) => {
    switch (m.type) {
      case 'bold':
      case 'italic':
      case 'sup':
      case 'sub':
        formats.push({ bit: FORMAT_BITS[m.type], start: m.start, end: m.end });
        break;
      case 'indexTerm':
        if (m.end > m.start) elements.push({ kind: 'indexTerm', start: m.start, end: m.end, key: newTermKey(), ...(m.sortKey ? { sortKey: m.sortKey } : {}), order });
        else points.push({ at: m.start, mark: m.sortKey ? { type: 'indexTerm', sortKey: m.sortKey } : { type: 'indexTerm' } });
        break;
      case 'comment':
        if (m.end > m.start) elements.push({ kind: 'comment', start: m.start, end: m.end, key: m.commentId, order });
        else points.push({ at: m.start, mark: { type: 'comment', commentId: m.commentId } });
        break;
      case 'footnoteRef':
        points.push({ at: m.end, mark: m.end > m.start ? { type: 'footnoteRef', footnoteId: m.footnoteId, span: m.end - m.start } : { type: 'footnoteRef', footnoteId: m.footnoteId } });
        break;
    }
  });
  const cuts = new Set<number>([0, len]);
  for (const f of formats) cuts.add(f.start).add(f.end);
  for (const e of elements) cuts.add(e.start).add(e.end);
  for (const p of points) cuts.add(p.at);
  const bounds = [...cuts].sort((a, b) => a - b);

  // Open elements, outermost first, each with the Lexical node its pieces go into.
  const stack: { mark: ElementMark; node: ElementNode }[] = [];
  const top = (): ElementNode => stack[stack.length - 1]?.node ?? parent;
  for (let i = 0; i < bounds.length; i++) {
    const at = bounds[i]!;
    const next = bounds[i + 1];
    const active = next === undefined ? [] : elements.filter((e) => e.start <= at && e.end >= next);
    const activeSet = new Set(active);
    // Close every element that does not cover the next piece (and everything opened inside it).
    const firstInactive = stack.findIndex((s) => !activeSet.has(s.mark));
    if (firstInactive >= 0) stack.length = firstInactive;
    for (const p of points) if (p.at === at) top().append($createMarkPointNode(p.mark));
    if (next === undefined) break;
    const open = new Set(stack.map((s) => s.mark));
    const toOpen = active
      .filter((e) => !open.has(e))
      .sort((a, b) => b.end - a.end || (a.kind === b.kind ? 0 : a.kind === 'indexTerm' ? -1 : 1) || a.order - b.order);
    for (const e of toOpen) {
      const node = e.kind === 'indexTerm' ? $createIndexTermNode(e.key, e.sortKey) : $createCommentMarkNode(e.key);
      top().append(node);
      stack.push({ mark: e, node });
    }
    let format = 0;
    for (const f of formats) if (f.start <= at && f.end >= next) format |= f.bit;
    $appendText(top(), text.slice(at, next), format);
  }
}

/** Reads the inline content of an element back into text + canonical marks. */
export function $readInline(parent: ElementNode, skip?: (child: LexicalNode) => boolean): InlineContent {
  let text = '';
  const formatRuns: { type: FormatType; start: number; end: number }[] = [];
  const terms = new Map<string, { start: number; end: number; sortKey: string }[]>();
  const comments: Mark[] = [];
  const points: Mark[] = [];

  const walk = (node: LexicalNode): void => {
    if ($isLineBreakNode(node)) {
      text += '\n';
    } else if ($isTextNode(node)) {
      const s = node.getTextContent();
      const start = text.length;
      text += s;
      const fmt = node.getFormat();
      for (const type of FORMAT_TYPES) if (fmt & FORMAT_BITS[type]) formatRuns.push({ type, start, end: text.length });
    } else if ($isMarkPointNode(node)) {
      const m = node.getMark();
      const at = text.length;
      if (m.type === 'footnoteRef') points.push({ type: 'footnoteRef', start: Math.max(0, at - (m.span ?? 0)), end: at, footnoteId: m.footnoteId });
      else if (m.type === 'comment') points.push({ type: 'comment', start: at, end: at, commentId: m.commentId });
      else points.push(m.sortKey ? { type: 'indexTerm', start: at, end: at, sortKey: m.sortKey } : { type: 'indexTerm', start: at, end: at });
    } else if ($isIndexTermNode(node)) {
      const start = text.length;
      for (const c of node.getChildren()) walk(c);
      const key = node.getTermKey() || `anon-${node.getKey()}`;
      if (text.length > start) terms.set(key, [...(terms.get(key) ?? []), { start, end: text.length, sortKey: node.getSortKey() }]);
    } else if ($isCommentMarkNode(node)) {
      const start = text.length;
      for (const c of node.getChildren()) walk(c);
      if (text.length > start) comments.push({ type: 'comment', start, end: text.length, commentId: node.getCommentId() });
    } else if ($isElementNode(node)) {
      for (const c of node.getChildren()) walk(c);
    } else if ($isDecoratorNode(node)) {
      text += node.getTextContent();
    }
  };
  for (const child of parent.getChildren()) if (!skip?.(child)) walk(child);

  const marks: Mark[] = [...comments, ...points];
  for (const run of formatRuns) marks.push({ type: run.type, start: run.start, end: run.end });
  for (const pieces of terms.values()) {
    pieces.sort((a, b) => a.start - b.start);
    let cur: { start: number; end: number; sortKey: string } | null = null;
    for (const p of pieces) {
      if (cur && p.start <= cur.end) cur.end = Math.max(cur.end, p.end);
      else {
        if (cur) marks.push(termMark(cur));
        cur = { ...p };
      }
    }
    if (cur) marks.push(termMark(cur));
  }
  return { text, marks: canonicalMarks(text, marks) };
}

function termMark(t: { start: number; end: number; sortKey: string }): Mark {
  return t.sortKey ? { type: 'indexTerm', start: t.start, end: t.end, sortKey: t.sortKey } : { type: 'indexTerm', start: t.start, end: t.end };
}

/** Plain text of an element for titles (marks and formatting are not part of a title). */
export function $readPlain(parent: ElementNode): string {
  return $readInline(parent).text;
}
