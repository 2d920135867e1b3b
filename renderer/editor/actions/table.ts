// Table editing at the caret: rows and columns, merged cells, header rows (always the leading rows, as the
// model has them), the table's number, title, unit note and note, deleting the table.
import {
  $deleteTableColumnAtSelection,
  $deleteTableRowAtSelection,
  $findCellNode,
  $findTableNode,
  $getTableRowIndexFromTableCellNode,
  $insertTableColumnAtSelection,
  $insertTableRowAtSelection,
  $isTableCellNode,
  $isTableRowNode,
  $isTableSelection,
  $mergeCells,
  $setTableRowIsHeader,
  $unmergeCell,
  TableCellHeaderStates,
} from '@lexical/table';
import { $getSelection, $isRangeSelection, $setState, type LexicalNode } from 'lexical';
import { headerRowState, $isYbTableNode, type TableChrome, type YbTableNode } from '../nodes/YbTableNode';
import { $createBodyParagraphNode } from '../nodes/BodyParagraphNode';
import { $patchBlockData } from '../state';

export function $tableAtCaret(): YbTableNode | null {
  const sel = $getSelection();
  let node: LexicalNode | null = null;
  if ($isRangeSelection(sel) || $isTableSelection(sel)) node = sel.anchor.getNode();
  else if (sel) node = sel.getNodes()[0] ?? null;
  if (!node) return null;
  if ($isYbTableNode(node)) return node;
  const t = $findTableNode(node);
  return t && $isYbTableNode(t) ? t : null;
}

function $cellAtCaret() {
  const sel = $getSelection();
  if (!$isRangeSelection(sel) && !$isTableSelection(sel)) return null;
  return $findCellNode(sel.anchor.getNode());
}

export function $tableInsertRow(after: boolean): boolean {
  if (!$cellAtCaret()) return false;
  const row = $insertTableRowAtSelection(after);
  // A row added inside the header (between two header rows) is a header row too.
  if (row) {
    const prev = row.getPreviousSibling();
    const next = row.getNextSibling();
    const isHeader = (r: LexicalNode | null) =>
      $isTableRowNode(r) && r.getChildren().length > 0 && r.getChildren().every((c) => $isTableCellNode(c) && c.hasHeaderState(TableCellHeaderStates.ROW));
    const header = !after ? isHeader(next) && (prev === null || isHeader(prev)) : isHeader(prev) && isHeader(next);
    for (const c of row.getChildren()) if ($isTableCellNode(c)) c.setHeaderStyles(header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS, TableCellHeaderStates.ROW);
    $setState(row, headerRowState, header);
  }
  return row !== null;
}

export function $tableInsertColumn(after: boolean): boolean {
  if (!$cellAtCaret()) return false;
  return $insertTableColumnAtSelection(after) !== null;
}

export function $tableDeleteRow(): boolean {
  if (!$cellAtCaret()) return false;
  $deleteTableRowAtSelection();
  return true;
}

export function $tableDeleteColumn(): boolean {
  if (!$cellAtCaret()) return false;
  $deleteTableColumnAtSelection();
  return true;
}

export function $canMerge(): boolean {
  const sel = $getSelection();
  return $isTableSelection(sel) && sel.getNodes().filter($isTableCellNode).length > 1;
}

export function $tableMerge(): boolean {
  const sel = $getSelection();
  if (!$isTableSelection(sel)) return false;
  const cells = sel.getNodes().filter($isTableCellNode);
  if (cells.length < 2) return false;
  const merged = $mergeCells(cells);
  if (merged) merged.selectEnd();
  return merged !== null;
}

export function $canUnmerge(): boolean {
  const cell = $cellAtCaret();
  return !!cell && (cell.getColSpan() > 1 || cell.getRowSpan() > 1);
}

export function $tableUnmerge(): boolean {
  if (!$canUnmerge()) return false;
  $unmergeCell();
  return true;
}

/** Whether the caret's row is a header row. */
export function $isCaretInHeaderRow(): boolean {
  const cell = $cellAtCaret();
  return !!cell && cell.hasHeaderState(TableCellHeaderStates.ROW);
}

/**
 * Header rows are the leading rows. Turning the caret's row into a header row makes every row above it one
 * too; turning it off makes it and every row below body rows.
 */
export function $tableToggleHeaderRow(): boolean {
  const cell = $cellAtCaret();
  const table = $tableAtCaret();
  if (!cell || !table) return false;
  const index = $getTableRowIndexFromTableCellNode(cell);
  const on = !cell.hasHeaderState(TableCellHeaderStates.ROW);
  const rows = table.getChildren().filter($isTableRowNode);
  rows.forEach((row, i) => {
    const header = on ? i <= index || isHeaderRow(row) : i < index && isHeaderRow(row);
    $setTableRowIsHeader(table, i, header);
    $setState(row, headerRowState, header);
  });
  return true;
}

function isHeaderRow(row: LexicalNode): boolean {
  return $isTableRowNode(row) && row.getChildren().length > 0 && row.getChildren().every((c) => $isTableCellNode(c) && c.hasHeaderState(TableCellHeaderStates.ROW));
}

export function $tableSetProps(patch: Partial<TableChrome>): boolean {
  const table = $tableAtCaret();
  if (!table) return false;
  $patchBlockData(table, patch);
  return true;
}

export function $tableDelete(): boolean {
  const table = $tableAtCaret();
  if (!table) return false;
  const next = table.getNextSibling();
  const prev = table.getPreviousSibling();
  if (!next && !prev) table.insertAfter($createBodyParagraphNode());
  const after = table.getNextSibling();
  table.remove();
  if (after) after.selectStart();
  else if (prev) prev.selectEnd();
  return true;
}
