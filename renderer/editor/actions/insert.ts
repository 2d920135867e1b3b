// Inserting blocks at the caret: tables, figures, footnotes. A new block goes after the block the caret is
// in (an empty paragraph there is replaced), and the caret moves into it.
import { $getRoot, $getSelection, $isElementNode, $isRangeSelection, $setSelection, $createNodeSelection, type ElementNode, type LexicalNode } from 'lexical';
import { $findCellNode } from '@lexical/table';
import { ID_PREFIX, randomId, type Cell, type Figure, type Row, type Table } from '../../../shared/model';
import { $blockToNode } from '../convert/blocks';
import { $isBodyParagraphNode } from '../nodes/BodyParagraphNode';
import { $isEntryTitleNode } from '../nodes/EntryTitleNode';
import { $createFootnoteNode } from '../nodes/FootnoteNode';
import { $createMarkPointNode } from '../nodes/MarkPointNode';
import { $isSubsectionHeadingNode } from '../nodes/SubsectionHeadingNode';
import { $getDetach, $setBlockId, $setDetach } from '../state';
import { $entryNodes, $entryTitleOf, $selectedTopLevel } from '../structure';

/** Puts a new top-level node after the block at the caret (or at the end). */
export function $insertBlockAfterCaret(node: LexicalNode): void {
  const top = $selectedTopLevel();
  if (!top) {
    $getRoot().append(node);
    return;
  }
  if ($isBodyParagraphNode(top) && top.getTextContentSize() === 0 && top.getChildrenSize() === 0) {
    const d = $getDetach(top);
    if (d) $setDetach(node, d);
    top.replace(node);
    return;
  }
  top.insertAfter(node);
}

export interface NewTableOptions {
  rows: number;
  cols: number;
  headerRows?: number;
  number?: string | null;
  title?: string;
  unitNote?: string;
}

export function newTableBlock(o: NewTableOptions): Table {
  const row = (): Row => ({ cells: Array.from({ length: Math.max(1, o.cols) }, (): Cell => ({ text: '', marks: [], rowSpan: 1, colSpan: 1 })) });
  const header = Math.min(o.headerRows ?? 1, o.rows);
  return {
    type: 'table',
    id: randomId(ID_PREFIX.table),
    number: o.number ?? null,
    title: o.title ?? '',
    ...(o.unitNote !== undefined ? { unitNote: o.unitNote } : {}),
    headerRows: Array.from({ length: header }, row),
    bodyRows: Array.from({ length: Math.max(0, o.rows - header) }, row),
    fullWidth: false,
  };
}

export function $insertTable(o: NewTableOptions): boolean {
  if ($caretInTable()) return false;
  const node = $blockToNode(newTableBlock(o)) as ElementNode;
  $insertBlockAfterCaret(node);
  const first = node.getFirstDescendant();
  if (first && $isElementNode(first)) first.selectStart();
  else node.selectStart();
  return true;
}

export function $insertFigure(f: Partial<Omit<Figure, 'type' | 'id'>>): boolean {
  if ($caretInTable()) return false;
  const block: Figure = {
    type: 'figure',
    id: randomId(ID_PREFIX.figure),
    number: f.number ?? null,
    caption: f.caption ?? '',
    ...(f.credit ? { credit: f.credit } : {}),
    assetId: f.assetId ?? null,
    fullWidth: f.fullWidth ?? false,
  };
  const node = $blockToNode(block);
  $insertBlockAfterCaret(node);
  const ns = $createNodeSelection();
  ns.add(node.getKey());
  $setSelection(ns);
  return true;
}

export function $caretInTable(): boolean {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) return false;
  return $findCellNode(sel.anchor.getNode()) !== null;
}

/**
 * Inserts a footnote call-out at the caret and its note at the end of the entry (before the next title), and
 * moves the caret into the note. Not in titles.
 */
export function $insertFootnote(text = ''): boolean {
  const sel = $getSelection();
  if (!$isRangeSelection(sel)) return false;
  const top = $selectedTopLevel();
  if (!top || $isEntryTitleNode(top) || $isSubsectionHeadingNode(top)) return false;
  const id = randomId(ID_PREFIX.footnote);
  if (!sel.isCollapsed()) {
    const end = sel.isBackward() ? sel.anchor : sel.focus;
    sel.anchor.set(end.key, end.offset, end.type);
    sel.focus.set(end.key, end.offset, end.type);
  }
  sel.insertNodes([$createMarkPointNode({ type: 'footnoteRef', footnoteId: id })]);
  const note = $createFootnoteNode();
  $setBlockId(note, id);
  const title = $entryTitleOf(top);
  const run = title ? $entryNodes(title) : [top];
  let last: LexicalNode = run[run.length - 1]!;
  if (!run.some((n) => n.is(top))) last = top;
  last.insertAfter(note);
  if (text) note.select().insertText(text);
  else note.select();
  return true;
}
