// Character offsets in a block's model text ↔ Lexical points and DOM ranges. The model text of a block is
// what convert/inline.ts reads: text nodes, "\n" for line breaks, nothing for point marks.
import {
  $createRangeSelection,
  $isDecoratorNode,
  $isElementNode,
  $isLineBreakNode,
  $isTextNode,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type RangeSelection,
  type TextNode,
} from 'lexical';
import { $isTableCellNode, $isTableRowNode } from '@lexical/table';
import { $isDateLabelNode } from './nodes/DateLabelNode';
import { $isDatedItemNode } from './nodes/DatedItemNode';

export interface TextPiece {
  node: TextNode | LexicalNode;
  start: number;
  end: number;
  /** A text node (offsets inside it are characters) or a line break (one character, no inside). */
  kind: 'text' | 'break';
}

/**
 * The pieces of a text-bearing element in order. For a 大事记 item, field 'label' gives the date label and
 * 'text' (the default) the text after it, matching the model's dateLabel / text.
 */
export function $textPieces(element: ElementNode, field: 'text' | 'label' = 'text'): TextPiece[] {
  const out: TextPiece[] = [];
  let offset = 0;
  const walk = (node: LexicalNode): void => {
    if ($isLineBreakNode(node)) {
      out.push({ node, start: offset, end: offset + 1, kind: 'break' });
      offset += 1;
    } else if ($isTextNode(node)) {
      const len = node.getTextContentSize();
      out.push({ node, start: offset, end: offset + len, kind: 'text' });
      offset += len;
    } else if ($isElementNode(node)) {
      for (const c of node.getChildren()) walk(c);
    } else if ($isDecoratorNode(node)) {
      // point marks take no characters
    }
  };
  let children = element.getChildren();
  if ($isDatedItemNode(element)) {
    const first = children[0];
    const hasLabel = first !== undefined && $isDateLabelNode(first);
    if (field === 'label') children = hasLabel ? [first] : [];
    else if (hasLabel) children = children.slice(1);
  }
  for (const c of children) walk(c);
  return out;
}

/**
 * The Lexical point for a character offset in the element's model text. At a boundary between two text
 * nodes, preferNext picks the later one (the start of a range) and otherwise the earlier one (its end).
 */
export function $pointAt(element: ElementNode, offset: number, field: 'text' | 'label' = 'text', preferNext = false): { key: string; offset: number; type: 'text' | 'element' } {
  const pieces = $textPieces(element, field);
  const touching = pieces.filter((p) => p.kind === 'text' && p.start <= offset && offset <= p.end);
  if (touching.length) {
    const p = preferNext ? touching[touching.length - 1]! : touching[0]!;
    return { key: p.node.getKey(), offset: offset - p.start, type: 'text' };
  }
  const after = pieces.find((p) => p.start >= offset);
  if (after) return { key: after.node.getParentOrThrow().getKey(), offset: after.node.getIndexWithinParent(), type: 'element' };
  const last = pieces[pieces.length - 1];
  if (last) return { key: last.node.getParentOrThrow().getKey(), offset: last.node.getIndexWithinParent() + 1, type: 'element' };
  const labelled = $isDatedItemNode(element) && $isDateLabelNode(element.getFirstChild());
  if (labelled && field === 'label') return { key: element.getFirstChildOrThrow().getKey(), offset: 0, type: 'element' };
  return { key: element.getKey(), offset: labelled ? 1 : 0, type: 'element' };
}

/** A range selection over [start, end) of the element's model text. */
export function $rangeSelection(element: ElementNode, start: number, end: number, field: 'text' | 'label' = 'text'): RangeSelection {
  const sel = $createRangeSelection();
  const a = $pointAt(element, start, field, true);
  const b = $pointAt(element, end, field, false);
  sel.anchor.set(a.key, a.offset, a.type);
  sel.focus.set(b.key, b.offset, b.type);
  return sel;
}

/** Character offset of a Lexical point inside the element's model text, or null if it is not inside. */
export function $offsetOf(element: ElementNode, pointNode: LexicalNode, pointOffset: number, field: 'text' | 'label' = 'text'): number | null {
  const pieces = $textPieces(element, field);
  for (const p of pieces) if (p.node.is(pointNode)) return p.start + (p.kind === 'text' ? Math.min(pointOffset, p.end - p.start) : 0);
  if ($isElementNode(pointNode)) {
    // An element point: the offset of the child at pointOffset.
    const child = pointNode.getChildAtIndex(pointOffset);
    if (child) {
      const first = pieces.find((p) => p.node.is(child) || child.isParentOf(p.node));
      if (first) return first.start;
    }
    const lastInside = [...pieces].reverse().find((p) => pointNode.is(p.node) || pointNode.isParentOf(p.node));
    if (lastInside) return lastInside.end;
    if (pointNode.is(element)) return pieces.length ? pieces[pieces.length - 1]!.end : 0;
  }
  return null;
}

/** The DOM boundary points of [start, end) in a field's text pieces, or null when they are not in the DOM. */
export function domBoundsFor(editor: LexicalEditor, pieces: readonly TextPiece[], start: number, end: number): StaticRangeInit | null {
  const locate = (offset: number, isEnd: boolean): [Node, number] | null => {
    for (const p of pieces) {
      if (p.kind !== 'text') continue;
      const hit = isEnd ? offset > p.start && offset <= p.end : offset >= p.start && offset < p.end;
      if (!hit) continue;
      const el = editor.getElementByKey(p.node.getKey());
      const textNode = el ? firstTextNode(el) : null;
      if (!textNode) return null;
      return [textNode, Math.min(offset - p.start, textNode.textContent?.length ?? 0)];
    }
    return null;
  };
  const a = locate(start, false);
  const b = locate(end, true);
  if (!a || !b) return null;
  return { startContainer: a[0], startOffset: a[1], endContainer: b[0], endOffset: b[1] };
}

/** A live DOM Range over [start, end) — for one-off use (scrolling to it, its rectangles). A live range is
 * updated by the document on every mutation until it is garbage-collected: keep none around while typing. */
export function domRangeFor(editor: LexicalEditor, pieces: readonly TextPiece[], start: number, end: number): Range | null {
  const b = domBoundsFor(editor, pieces, start, end);
  return b ? liveRange(b) : null;
}

/** A static range over [start, end), for CSS highlights that stay while the user types: the document does not
 * track it on every mutation as it does a live Range (with hundreds of underlined problems in a long section
 * that made every keystroke slower). Re-placed after a pause in typing. */
export function staticRangeFor(editor: LexicalEditor, pieces: readonly TextPiece[], start: number, end: number): StaticRange | null {
  const b = domBoundsFor(editor, pieces, start, end);
  return b ? new StaticRange(b) : null;
}

/** A live Range over static boundary points (for getClientRects), or null when they no longer fit the DOM. */
export function liveRange(b: StaticRangeInit): Range | null {
  const doc = b.startContainer.ownerDocument;
  if (!doc) return null;
  try {
    const range = doc.createRange();
    range.setStart(b.startContainer, b.startOffset);
    range.setEnd(b.endContainer, b.endOffset);
    return range;
  } catch {
    return null; // the text changed under the static range
  }
}

function firstTextNode(el: Node): Text | null {
  if (el.nodeType === 3) return el as Text;
  for (let c = el.firstChild; c; c = c.nextSibling) {
    const t = firstTextNode(c);
    if (t) return t;
  }
  return null;
}

/**
 * The paragraphs of a table cell with where each starts in the cell's model text: a cell's paragraphs read as one
 * text joined by "\n" (convert/table). Empty when the table has no such cell.
 */
export function $cellParagraphs(table: ElementNode, row: number, col: number): { paragraph: ElementNode; start: number }[] {
  const cell = table.getChildren().filter($isTableRowNode)[row]?.getChildren().filter($isTableCellNode)[col];
  const out: { paragraph: ElementNode; start: number }[] = [];
  let offset = 0;
  (cell?.getChildren() ?? []).forEach((p, i) => {
    if (i > 0) offset += 1;
    if (!$isElementNode(p)) return;
    out.push({ paragraph: p, start: offset });
    offset += p.getTextContentSize();
  });
  return out;
}
