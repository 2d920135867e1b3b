// Marks on a range of text that the book model keeps as stand-off marks: index terms (主题词, with an optional
// sort key) and review comments. The range is read as model offsets, the mark added to the model's mark
// list, and the block's inline content rebuilt from text + marks (the same conversion the editor loads with),
// so overlapping marks of any kind stay exact. One editor update, one undo step.
import { $getRoot, $getSelection, $isElementNode, $isRangeSelection, $setSelection, type ElementNode, type LexicalNode } from 'lexical';
import type { Mark } from '../../../shared/model';
import { $appendInline, $readInline, canonicalMarks } from '../convert/inline';
import { $isCommentMarkNode, type CommentMarkNode } from '../nodes/CommentMarkNode';
import { $isDatedItemNode } from '../nodes/DatedItemNode';
import { $isDateLabelNode } from '../nodes/DateLabelNode';
import { $isEntryTitleNode } from '../nodes/EntryTitleNode';
import { $isIndexTermNode, type IndexTermNode } from '../nodes/IndexTermNode';
import { $isMarkPointNode } from '../nodes/MarkPointNode';
import { $isSubsectionHeadingNode } from '../nodes/SubsectionHeadingNode';
import { $offsetOf, $rangeSelection } from '../textmap';

/** The block element (paragraph, heading, dated item, footnote, or a paragraph in a table cell) of a node. */
export function $textBlockOf(node: LexicalNode): ElementNode | null {
  let n: LexicalNode | null = node;
  while (n) {
    if ($isElementNode(n) && !n.isInline() && n.getType() !== 'root' && n.getType() !== 'tablecell') return n;
    n = n.getParent();
  }
  return null;
}

/** The selected range as model offsets in one text block, or null (across blocks, in a title, or collapsed). */
export function $selectedRange(allowCollapsed = false): { block: ElementNode; start: number; end: number } | null {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) return null;
  const a = $textBlockOf(sel.anchor.getNode());
  const b = $textBlockOf(sel.focus.getNode());
  if (!a || !b || !a.is(b)) return null;
  if ($isEntryTitleNode(a) || $isSubsectionHeadingNode(a)) return null;
  const s = $offsetOf(a, sel.anchor.getNode(), sel.anchor.offset);
  const e = $offsetOf(a, sel.focus.getNode(), sel.focus.offset);
  if (s === null || e === null) return null;
  const [start, end] = s <= e ? [s, e] : [e, s];
  if (start === end && !allowCollapsed) return null;
  return { block: a, start, end };
}

/** Rewrites a block's inline content through the model (keeps a 大事记 item's date label). */
export function $rewriteInline(block: ElementNode, fn: (text: string, marks: Mark[]) => Mark[], select?: [number, number]): void {
  const label = $isDatedItemNode(block) && $isDateLabelNode(block.getFirstChild()) ? block.getFirstChild() : null;
  const { text, marks } = $readInline(block, (c) => label !== null && c.is(label));
  const next = canonicalMarks(text, fn(text, marks));
  for (const c of block.getChildren()) if (!label || !c.is(label)) c.remove();
  $appendInline(block, text, next);
  if (select) $setSelection($rangeSelection(block, select[0], select[1]));
}

export function $addIndexTerm(sortKey?: string): boolean {
  const r = $selectedRange();
  if (!r) return false;
  $rewriteInline(
    r.block,
    (_t, marks) => [
      // one term per range: marking the same text again replaces its sort key
      ...marks.filter((m) => !(m.type === 'indexTerm' && m.start === r.start && m.end === r.end)),
      sortKey ? { type: 'indexTerm', start: r.start, end: r.end, sortKey } : { type: 'indexTerm', start: r.start, end: r.end },
    ],
    [r.start, r.end],
  );
  return true;
}

/** The index term at the caret (innermost), if any. */
export function $indexTermAtCaret(): IndexTermNode | null {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) return null;
  for (let n: LexicalNode | null = sel.anchor.getNode(); n; n = n.getParent()) if ($isIndexTermNode(n)) return n;
  return null;
}

/** Removes the index term at the caret (all pieces of it). */
export function $removeIndexTerm(): boolean {
  const term = $indexTermAtCaret();
  if (!term) return false;
  const key = term.getTermKey();
  const block = $textBlockOf(term);
  if (!block) return false;
  const pieces = block.getAllTextNodes().map((t) => t.getParent()).filter((p): p is IndexTermNode => $isIndexTermNode(p) && p.getTermKey() === key);
  for (const p of new Set(pieces)) unwrap(p);
  if (term.isAttached()) unwrap(term);
  return true;
}

export function $setSortKey(sortKey: string): boolean {
  const term = $indexTermAtCaret();
  if (!term) return false;
  const key = term.getTermKey();
  const block = $textBlockOf(term);
  for (const t of block?.getAllTextNodes() ?? []) {
    for (let p: LexicalNode | null = t.getParent(); p && !p.is(block); p = p.getParent()) if ($isIndexTermNode(p) && p.getTermKey() === key) p.setSortKey(sortKey);
  }
  return true;
}

function unwrap(el: ElementNode): void {
  for (const c of el.getChildren()) el.insertBefore(c);
  el.remove();
}

export function $addCommentMark(commentId: string): boolean {
  const r = $selectedRange();
  if (!r) return false;
  $rewriteInline(r.block, (_t, marks) => [...marks, { type: 'comment', start: r.start, end: r.end, commentId }], [r.start, r.end]);
  return true;
}

/** The comment anchor at the caret, if any. */
export function $commentAtCaret(): CommentMarkNode | null {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) return null;
  for (let n: LexicalNode | null = sel.anchor.getNode(); n; n = n.getParent()) if ($isCommentMarkNode(n)) return n;
  return null;
}

/** Removes every anchor of a comment in the section (the comment text is the app's to delete). */
export function $removeCommentMarks(root: ElementNode, commentId: string): number {
  const found: CommentMarkNode[] = [];
  const walk = (n: LexicalNode) => {
    if ($isCommentMarkNode(n) && n.getCommentId() === commentId) found.push(n);
    if ($isElementNode(n)) for (const c of n.getChildren()) walk(c);
  };
  walk(root);
  for (const n of found) unwrap(n);
  return found.length;
}

/** Removes every anchor of a comment in the section: its marked ranges and its empty-range points. */
export function $deleteCommentAnchors(commentId: string): number {
  const points: LexicalNode[] = [];
  const walk = (n: LexicalNode) => {
    if ($isMarkPointNode(n)) {
      const m = n.getMark();
      if (m.type === 'comment' && m.commentId === commentId) points.push(n);
    }
    if ($isElementNode(n)) for (const c of n.getChildren()) walk(c);
  };
  walk($getRoot());
  for (const p of points) p.remove();
  return $removeCommentMarks($getRoot(), commentId) + points.length;
}
