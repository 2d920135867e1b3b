// The editor's canonical form of a section: what AST → editor → AST gives back. It differs from the input
// only where the input has two spellings of the same thing (see canonicalMarks), and in tables that are not
// rectangular, which the editor pads with empty cells at the row ends as Lexical's table does.
import type { Block, Cell, Entry, Row, Section, SectionChild, SubsectionChild, Table } from '../../../shared/model';
import { canonicalMarks } from './inline';

export function canonicalSection(section: Section): Section {
  return { ...section, children: section.children.map(canonicalChild) };
}

function canonicalChild(c: SectionChild): SectionChild {
  if (c.type === 'subsection') return { ...c, children: c.children.map((x) => canonicalChild(x) as SubsectionChild) };
  if (c.type === 'entry') return canonicalEntry(c);
  return canonicalBlock(c);
}

function canonicalEntry(e: Entry): Entry {
  return { ...e, blocks: e.blocks.map(canonicalBlock) };
}

export function canonicalBlock(b: Block): Block {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
    case 'dated':
    case 'footnote':
      return { ...b, marks: canonicalMarks(b.text, b.marks) };
    case 'table':
      return canonicalTable(b);
    default:
      return b;
  }
}

function canonicalCell(c: Cell): Cell {
  return { ...c, marks: canonicalMarks(c.text, c.marks) };
}

/** Pads short rows at their end, the way Lexical's table transform makes every table rectangular. */
export function canonicalTable(t: Table): Table {
  const rows = [...t.headerRows, ...t.bodyRows];
  const grid: boolean[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row.cells) {
      while (grid[r]![col]) col++;
      for (let i = 0; i < cell.rowSpan && r + i < rows.length; i++) for (let j = 0; j < cell.colSpan; j++) grid[r + i]![col + j] = true;
    }
  });
  const width = Math.max(0, ...grid.map((g) => g.filter(Boolean).length));
  const pad = (row: Row, r: number): Row => {
    const missing = width - grid[r]!.filter(Boolean).length;
    const cells = row.cells.map(canonicalCell);
    for (let i = 0; i < missing; i++) cells.push({ text: '', marks: [], rowSpan: 1, colSpan: 1 });
    return { ...row, cells };
  };
  return {
    ...t,
    headerRows: t.headerRows.map((row, i) => pad(row, i)),
    bodyRows: t.bodyRows.map((row, i) => pad(row, i + t.headerRows.length)),
  };
}
