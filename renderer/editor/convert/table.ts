// Table block ↔ YbTableNode (Lexical rows and cells).
// Header rows: the leading rows whose cells are all header cells (th); a row whose cells all come from row
// spans above carries the header flag on the row node. Cell alignment is the alignment of its paragraphs;
// a line break inside a cell ("\n") is a LineBreakNode, a second paragraph in a cell also reads as "\n".
import {
  $createTableCellNode,
  $createTableRowNode,
  $isTableCellNode,
  $isTableRowNode,
  TableCellHeaderStates,
  type TableCellNode,
} from '@lexical/table';
import { $isElementNode, $setState, type ElementNode } from 'lexical';
import type { Cell, Mark, Row, Table } from '../../../shared/model';
import { $createBodyParagraphNode } from '../nodes/BodyParagraphNode';
import { $createYbTableNode, $isHeaderRowFlagged, headerRowState, type YbTableNode } from '../nodes/YbTableNode';
import { $getBlockData, $setBlockData, $setBlockId } from '../state';
import { $appendInline, $readInline, canonicalMarks } from './inline';
import { omit } from './util';

export function $tableToNode(t: Table): YbTableNode {
  const node = $createYbTableNode();
  $setBlockId(node, t.id);
  $setBlockData(node, omit(t, ['type', 'id', 'headerRows', 'bodyRows']));
  const rows: [Row, boolean][] = [...t.headerRows.map((r): [Row, boolean] => [r, true]), ...t.bodyRows.map((r): [Row, boolean] => [r, false])];
  for (const [row, header] of rows) {
    const rowNode = $createTableRowNode();
    if (header) $setState(rowNode, headerRowState, true);
    for (const cell of row.cells) rowNode.append($cellToNode(cell, header));
    node.append(rowNode);
  }
  return node;
}

export function $cellToNode(cell: Cell, header: boolean): TableCellNode {
  const cellNode = $createTableCellNode(header ? TableCellHeaderStates.ROW : TableCellHeaderStates.NO_STATUS, cell.colSpan);
  if (cell.rowSpan > 1) cellNode.setRowSpan(cell.rowSpan);
  const p = $createBodyParagraphNode();
  if (cell.align) p.setFormat(cell.align);
  $appendInline(p, cell.text, cell.marks);
  cellNode.append(p);
  return cellNode;
}

export function $nodeToTable(node: YbTableNode, id: string): Table {
  const data = $getBlockData<Table>(node);
  const headerRows: Row[] = [];
  const bodyRows: Row[] = [];
  let inHeader = true;
  for (const rowNode of node.getChildren()) {
    if (!$isTableRowNode(rowNode)) continue;
    const cellNodes = rowNode.getChildren().filter($isTableCellNode);
    const isHeader =
      cellNodes.length > 0
        ? cellNodes.every((c) => (c.getHeaderStyles() & TableCellHeaderStates.ROW) !== 0)
        : $isHeaderRowFlagged(rowNode);
    inHeader = inHeader && isHeader;
    const row: Row = { cells: cellNodes.map($nodeToCell) };
    (inHeader ? headerRows : bodyRows).push(row);
  }
  return {
    ...(data as Partial<Table>),
    type: 'table',
    id,
    number: data.number ?? null,
    title: data.title ?? '',
    fullWidth: data.fullWidth ?? false,
    headerRows,
    bodyRows,
  };
}

export function $nodeToCell(cellNode: TableCellNode): Cell {
  let text = '';
  const marks: Mark[] = [];
  let align: Cell['align'];
  let first = true;
  for (const child of cellNode.getChildren()) {
    if (!$isElementNode(child)) continue;
    if (first) {
      const f = (child as ElementNode).getFormatType();
      if (f === 'left' || f === 'center' || f === 'right') align = f;
    } else {
      text += '\n';
    }
    first = false;
    const inline = $readInline(child);
    const offset = text.length;
    for (const m of inline.marks) marks.push({ ...m, start: m.start + offset, end: m.end + offset });
    text += inline.text;
  }
  const cell: Cell = {
    text,
    marks: canonicalMarks(text, marks),
    rowSpan: cellNode.getRowSpan(),
    colSpan: cellNode.getColSpan(),
  };
  if (align) cell.align = align;
  return cell;
}
