// Table blocks from tab-separated text rows and from real (DOCX / HTML) tables.
import type { IdGenerator } from '../model/ids';
import { ID_PREFIX } from '../model/ids';
import type { Cell, Row, Table } from '../model/schema';
import { squash } from './text';
import type { SourceTable } from './types';

export function textCell(text: string, rowSpan = 1, colSpan = 1): Cell {
  return { text, marks: [], rowSpan, colSpan };
}

/** Key to compare a repeated header row with the original one (whitespace and width ignored). */
export function tableHeaderKey(cells: string[]): string {
  return squash(cells.join('|')).normalize('NFKC');
}

/** A table from tab-separated rows: the first row is the header. */
export function buildTextTable(ids: IdGenerator, number: string | null, title: string, rows: string[][]): Table {
  const toRow = (cells: string[]): Row => ({ cells: cells.map((c) => textCell(c)) });
  const [header, ...body] = rows;
  return {
    type: 'table',
    id: ids(ID_PREFIX.table),
    number,
    title,
    headerRows: header && header.length ? [toRow(header)] : [],
    bodyRows: body.map(toRow),
    fullWidth: false,
  };
}

/** A table read from a rich source; rows flagged as header rows (or else the first row) become the header. */
export function sourceTableToTable(ids: IdGenerator, unit: SourceTable, number: string | null, title: string): Table {
  const rows: Row[] = unit.rows.map((r) => ({
    cells: r.cells.map((c) => ({
      text: c.text,
      marks: c.bold && c.text ? [{ type: 'bold' as const, start: 0, end: c.text.length }] : [],
      rowSpan: Math.max(1, c.rowSpan),
      colSpan: Math.max(1, c.colSpan),
    })),
  }));
  const headerCount = unit.headerRows > 0 ? unit.headerRows : rows.length > 1 ? 1 : 0;
  return {
    type: 'table',
    id: ids(ID_PREFIX.table),
    number,
    title,
    headerRows: rows.slice(0, headerCount),
    bodyRows: rows.slice(headerCount),
    fullWidth: (unit.rows[0]?.cells.reduce((n, c) => n + c.colSpan, 0) ?? 0) > 4,
  };
}
