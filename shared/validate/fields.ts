// Text fields of the book's nodes: enumerating them for the rules, reading and writing one by path.
import type { Block, Category, Entry, Mark, Matter, Row, Section, Subsection, Table } from '../model/schema';
import type { CellPlace, FieldKind, FieldPath, NodeKind, TextField } from './types';

/** Collects the text fields of a unit in reading order; each gets its position (ord). */
class FieldList {
  readonly out: TextField[] = [];
  push(nodeId: string, nodeKind: NodeKind, field: string, kind: FieldKind, text: string, entry?: Entry, subsection?: Subsection, block?: Block): void {
    this.out.push({ nodeId, nodeKind, field, kind, text, ord: this.out.length, entry, subsection, block });
  }
  block(b: Block, entry?: Entry, subsection?: Subsection): void {
    switch (b.type) {
      case 'paragraph':
        this.push(b.id, 'paragraph', 'text', 'paragraph', b.text, entry, subsection, b);
        break;
      case 'heading':
        this.push(b.id, 'heading', 'text', 'heading', b.text, entry, subsection, b);
        break;
      case 'footnote':
        this.push(b.id, 'footnote', 'text', 'footnote', b.text, entry, subsection, b);
        break;
      case 'dated':
        this.push(b.id, 'dated', 'dateLabel', 'dateLabel', b.dateLabel, entry, subsection, b);
        this.push(b.id, 'dated', 'text', 'dated', b.text, entry, subsection, b);
        break;
      case 'table':
        this.push(b.id, 'table', 'title', 'tableTitle', b.title, entry, subsection, b);
        if (b.unitNote !== undefined) this.push(b.id, 'table', 'unitNote', 'tableUnit', b.unitNote, entry, subsection, b);
        for (let ri = 0; ri < b.headerRows.length; ri++) {
          const cells = b.headerRows[ri]!.cells;
          for (let ci = 0; ci < cells.length; ci++) this.push(b.id, 'table', `cell:h:${ri}:${ci}`, 'cell', cells[ci]!.text, entry, subsection, b);
        }
        for (let ri = 0; ri < b.bodyRows.length; ri++) {
          const cells = b.bodyRows[ri]!.cells;
          for (let ci = 0; ci < cells.length; ci++) this.push(b.id, 'table', `cell:b:${ri}:${ci}`, 'cell', cells[ci]!.text, entry, subsection, b);
        }
        if (b.note !== undefined) this.push(b.id, 'table', 'note', 'tableNote', b.note, entry, subsection, b);
        break;
      case 'figure':
        this.push(b.id, 'figure', 'caption', 'caption', b.caption, entry, subsection, b);
        if (b.credit) this.push(b.id, 'figure', 'credit', 'credit', b.credit.raw, entry, subsection, b);
        break;
      case 'attribution':
        if (b.raw !== undefined) this.push(b.id, 'attribution', 'raw', 'attribution', b.raw, entry, subsection, b);
        break;
    }
  }
  entry(e: Entry, subsection?: Subsection): void {
    this.push(e.id, 'entry', 'title', 'entryTitle', e.title, e, subsection);
    for (const b of e.blocks) this.block(b, e, subsection);
  }
}

/** Every text field of a section in reading order: section title, subsection and entry titles, blocks. */
export function sectionFields(section: Section): TextField[] {
  const list = new FieldList();
  list.push(section.id, 'section', 'title', 'sectionTitle', section.title);
  for (const child of section.children) {
    if (child.type === 'entry') list.entry(child);
    else if (child.type === 'subsection') {
      list.push(child.id, 'subsection', 'title', 'subsectionTitle', child.title, undefined, child);
      for (const sc of child.children) {
        if (sc.type === 'entry') list.entry(sc, child);
        else list.block(sc, undefined, child);
      }
    } else list.block(child);
  }
  return list.out;
}

export function matterFields(matter: Matter): TextField[] {
  const list = new FieldList();
  list.push(matter.id, 'matter', 'title', 'matterTitle', matter.title);
  for (const b of matter.blocks) list.block(b);
  return list.out;
}

export function categoryFields(category: Category): TextField[] {
  return [{ nodeId: category.id, nodeKind: 'category', field: 'title', kind: 'categoryTitle', text: category.title, ord: 0 }];
}

/** Field kinds of running text (where wording, number and punctuation rules look by default). */
export const BODY_KINDS: readonly FieldKind[] = ['paragraph', 'heading', 'dated', 'footnote', 'cell', 'caption', 'tableTitle', 'tableNote'];
/** Running text plus the titles of entries, sections and subsections. */
export const TEXT_AND_TITLE_KINDS: readonly FieldKind[] = [...BODY_KINDS, 'entryTitle', 'sectionTitle', 'subsectionTitle', 'categoryTitle', 'matterTitle'];

// ---------------------------------------------------------------------------------------------
// Reading and writing one field

type AnyTextNode = Category | Section | Subsection | Entry | Matter | Block;

function cellAt(field: string): { rows: 'headerRows' | 'bodyRows'; r: number; c: number } | null {
  const m = /^cell:([hb]):(\d+):(\d+)$/.exec(field);
  if (!m) return null;
  return { rows: m[1] === 'h' ? 'headerRows' : 'bodyRows', r: Number(m[2]), c: Number(m[3]) };
}

/**
 * The printed position of each cell of a group of rows (header or body): rows follow HTML table semantics, so a
 * cell covered by an earlier row/col span is omitted and the visual column of the next cell moves right.
 */
function gridColumns(rows: readonly Row[], upTo: number): number[][] {
  const covered: number[][] = [];
  const cols: number[][] = [];
  for (let r = 0; r <= upTo && r < rows.length; r++) {
    const taken = covered[r] ?? [];
    const out: number[] = [];
    let col = 0;
    for (const cell of rows[r]!.cells) {
      while (taken.includes(col)) col++;
      out.push(col);
      for (let dr = 0; dr < cell.rowSpan; dr++) for (let dc = 0; dc < cell.colSpan; dc++) (covered[r + dr] ??= []).push(col + dc);
      col += cell.colSpan;
    }
    cols.push(out);
  }
  return cols;
}

/** The text of the cell printed at a visual column of a row (possibly spanning into it from above or the left). */
function textAtColumn(rows: readonly Row[], cols: number[][], r: number, column: number): string | undefined {
  for (let rr = r; rr >= 0; rr--) {
    const row = rows[rr];
    if (!row) continue;
    for (let i = 0; i < row.cells.length; i++) {
      const c0 = cols[rr]![i]!;
      const cell = row.cells[i]!;
      if (column >= c0 && column < c0 + cell.colSpan && r < rr + cell.rowSpan) return cell.text;
    }
  }
  return undefined;
}

/** A cell's text on one line, shortened for a location (the JSON repeats it for every finding in the row). */
const oneLine = (s: string) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
};

/** Where a table cell field (cell:h|b:R:C) is: table number and title, 1-based row and printed column, row and column heads. */
export function cellPlace(table: Table, field: FieldPath): CellPlace | undefined {
  const at = cellAt(field);
  if (!at) return undefined;
  const rows = table[at.rows];
  if (!rows[at.r]?.cells[at.c]) return undefined;
  const cols = gridColumns(rows, at.r);
  const column = cols[at.r]![at.c]!;
  const place: CellPlace = { tableTitle: table.title, header: at.rows === 'headerRows', row: at.r + 1, column: column + 1 };
  if (table.number) place.tableNumber = table.number;
  if (column > 0) {
    const head = textAtColumn(rows, cols, at.r, 0);
    if (head !== undefined && head.trim()) place.rowHead = oneLine(head);
  }
  if (at.rows === 'bodyRows' && table.headerRows.length) {
    const hr = table.headerRows;
    const hcols = gridColumns(hr, hr.length - 1);
    const head = textAtColumn(hr, hcols, hr.length - 1, column);
    if (head !== undefined && head.trim()) place.columnHead = oneLine(head);
  }
  return place;
}

/** The current text of a node's field, or undefined when the node has no such field. */
export function getFieldText(node: AnyTextNode, field: FieldPath): string | undefined {
  switch (field) {
    case 'title':
      return 'title' in node && typeof node.title === 'string' ? node.title : undefined;
    case 'text':
      return 'text' in node && typeof node.text === 'string' ? node.text : undefined;
    case 'dateLabel':
      return node.type === 'dated' ? node.dateLabel : undefined;
    case 'caption':
      return node.type === 'figure' ? node.caption : undefined;
    case 'credit':
      return node.type === 'figure' ? node.credit?.raw : undefined;
    case 'unitNote':
      return node.type === 'table' ? node.unitNote : undefined;
    case 'note':
      return node.type === 'table' ? node.note : undefined;
    case 'raw':
      return node.type === 'attribution' ? node.raw : undefined;
    case 'number':
      // 表N / 图N as typed ('' when none is: the layout numbers it).
      return node.type === 'table' || node.type === 'figure' ? (node.number ?? '') : undefined;
  }
  if (node.type === 'table') {
    const at = cellAt(field);
    if (!at) return undefined;
    return node[at.rows][at.r]?.cells[at.c]?.text;
  }
  return undefined;
}

export interface SpliceEdit {
  start: number;
  end: number;
  replacement: string;
}

/**
 * Moves stand-off marks through a set of non-overlapping edits (sorted by start): a mark after an edit
 * shifts by the length change; a mark edge inside a replaced range snaps to the replacement's edges.
 */
export function shiftMarks<M extends Mark>(marks: readonly M[], edits: readonly SpliceEdit[]): M[] {
  if (!marks.length || !edits.length) return marks as M[];
  return marks.map((m) => {
    const start = mapPosition(m.start, edits, 'start');
    const end = m.start === m.end ? start : Math.max(start, mapPosition(m.end, edits, 'end'));
    return start === m.start && end === m.end ? m : { ...m, start, end };
  });
}

/**
 * Where position p of the old text lands in the new text. An insertion at p goes before a mark that starts
 * at p and after a mark that ends at p (marks do not grow); a position inside a replaced range snaps to the
 * replacement's start (mark starts) or end (mark ends).
 */
export function mapPosition(p: number, edits: readonly SpliceEdit[], side: 'start' | 'end'): number {
  let delta = 0;
  for (const e of edits) {
    const d = e.replacement.length - (e.end - e.start);
    if (e.start === e.end) {
      if (e.start < p || (e.start === p && side === 'start')) {
        delta += d;
        continue;
      }
      break;
    }
    if (e.end <= p) {
      delta += d;
      continue;
    }
    if (e.start >= p) break;
    return e.start + delta + (side === 'start' ? 0 : e.replacement.length);
  }
  return p + delta;
}

/** Applies sorted, non-overlapping edits to a string. */
export function spliceText(text: string, edits: readonly SpliceEdit[]): string {
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += text.slice(pos, e.start) + e.replacement;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Returns a copy of the node with the field's text edited (marks moved along), or null when there is no such field. */
export function editField<N extends AnyTextNode>(node: N, field: FieldPath, edits: readonly SpliceEdit[]): N | null {
  const current = getFieldText(node, field);
  if (current === undefined) return null;
  const text = spliceText(current, edits);
  switch (field) {
    case 'title':
      return { ...node, title: text };
    case 'text': {
      const n = node as N & { text: string; marks?: Mark[] };
      return { ...n, text, ...(n.marks ? { marks: shiftMarks(n.marks, edits) } : {}) };
    }
    case 'dateLabel':
      return { ...node, dateLabel: text };
    case 'caption':
      return { ...node, caption: text };
    case 'credit':
      return node.type === 'figure' && node.credit ? ({ ...node, credit: { ...node.credit, raw: text } } as N) : null;
    case 'unitNote':
      return { ...node, unitNote: text };
    case 'note':
      return { ...node, note: text };
    case 'raw':
      return { ...node, raw: text };
    case 'number':
      return node.type === 'table' || node.type === 'figure' ? { ...node, number: text.trim() === '' ? null : text } : null;
  }
  if (node.type !== 'table') return null;
  const at = cellAt(field);
  if (!at) return null;
  const rows: Row[] = node[at.rows].map((row, ri) =>
    ri !== at.r
      ? row
      : {
          ...row,
          cells: row.cells.map((cell, ci) => (ci !== at.c ? cell : { ...cell, text, marks: shiftMarks(cell.marks, edits) })),
        },
  );
  return { ...node, [at.rows]: rows } as N;
}
