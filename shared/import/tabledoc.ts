// Recogniser of a table-only document: a Word table flattened to text, where every line that starts with a
// tab opens a cell ("\t" alone is an empty cell, covered by a merged cell above) and a line without a
// leading tab continues the previous cell. Serial labels in the first column ("（一）" + "经济社会发展
// 主要预期目标") are vertically merged group cells.
import { isUnitName } from '../model/attribution';
import { ID_PREFIX } from '../model/ids';
import type { Row, Section, Table } from '../model/schema';
import type { RunContext } from './context';
import { isGroupLabel } from './patterns';
import { isTitleLike, type PLine } from './prepare';
import { textCell } from './tables';
import { cleanTitle, squash } from './text';

interface CellB {
  lines: number[];
  parts: string[];
  text: string;
}

export interface TableDocResult {
  section: Section;
  table: Table;
  firstLine: number;
  lastLine: number;
}

/** Where a table document's cells start and end inside [start, end) (or null when it has too few cells). */
export function findCellRun(lines: PLine[], start: number, end: number): { first: number; last: number; cells: number } | null {
  let first = -1;
  let last = -1;
  let cells = 0;
  let gap = 0;
  for (let i = start; i < end; i++) {
    const p = lines[i]!;
    if (p.kind === 'tab-cell') {
      if (first < 0) first = i;
      last = i;
      cells++;
      gap = 0;
    } else if (p.kind === 'blank' || p.kind === 'running-head' || p.kind === 'ignored') {
      continue;
    } else if (first >= 0) {
      // Lines continuing a cell are short pieces; anything else ends the table.
      if (p.kind !== 'text' || p.len > 60 || ++gap > 3) break;
      last = i;
    }
  }
  return first >= 0 && cells >= 10 ? { first, last, cells } : null;
}

export function buildTableDoc(ctx: RunContext, start: number, end: number): TableDocResult {
  const lines = ctx.lines;
  const sectionId = ctx.ids(ID_PREFIX.section);
  const tableId = ctx.ids(ID_PREFIX.table);
  let title = '';
  const cells: CellB[] = [];
  /** Cells of the first uninterrupted run: the header row. */
  let headerRun = 0;
  let headerRunOpen = true;
  const lineTexts = segmentLines(lines, start, end);
  for (let i = start; i < end; i++) {
    const p = lines[i]!;
    if (p.kind === 'blank' || p.kind === 'ignored') {
      if (cells.length) headerRunOpen = false;
      continue;
    }
    // The volume's head above the title ("2022", "拱墅年鉴（2022）") is volume information, not the table's title.
    if (!cells.length && !title && ctx.bookHead(i)) continue;
    if (p.kind === 'running-head') {
      ctx.role(i, 'running-head');
      ctx.heal('running-head', [i], undefined, p.t);
      continue;
    }
    if (p.kind === 'tab-cell') {
      cells.push({ lines: [i], parts: [p.t], text: p.t });
      if (headerRunOpen) headerRun++;
      ctx.role(i, 'table-cell', sectionId, tableId);
      continue;
    }
    if (!cells.length) {
      if (!title && (isTitleLike(p, 60) || p.kind === 'text')) {
        title = cleanTitle(p.t);
        ctx.role(i, 'table-title', sectionId, tableId);
      }
      continue;
    }
    // A line without a leading tab continues the previous cell.
    const cell = cells[cells.length - 1]!;
    cell.lines.push(i);
    cell.parts.push(p.t);
    ctx.role(i, 'table-cell', sectionId, tableId);
  }
  for (const c of cells) {
    c.text = joinCellParts(c.parts, lineTexts);
    if (c.lines.length > 1) ctx.heal('line-joined', c.lines, tableId, c.parts.join('|'));
  }

  const columns = chooseColumns(cells.length, headerRun);
  const rows: CellB[][] = [];
  for (let k = 0; k + columns <= cells.length; k += columns) rows.push(cells.slice(k, k + columns));
  if (cells.length % columns !== 0) {
    const rest = cells.slice(rows.length * columns);
    ctx.doubt(rest[0]!.lines[0]!, 'table', 'import.doubt.tableRows', 'table-cell', [], { counts: `${columns}/${rest.length}` });
    rows.push([...rest, ...new Array<CellB>(columns - rest.length).fill({ lines: [], parts: [], text: '' })]);
  }
  const [header, ...body] = rows;

  // Group labels: serial labels in the first column span the rows below them whose first cell is empty;
  // a label repeated where the table was split across pages continues its group.
  const bodyRows: Row[] = [];
  let group: { cell: ReturnType<typeof textCell>; label: string } | null = null;
  for (const r of body) {
    const first = r[0]!.text;
    const restCells = r.slice(1).map((c) => textCell(c.text));
    if (first && isGroupLabel(first)) {
      const label = squash(first);
      if (group && group.label === label) {
        group.cell.rowSpan++;
        ctx.heal('table-continued', r[0]!.lines, tableId, first);
        bodyRows.push({ cells: restCells });
        continue;
      }
      group = { cell: textCell(first), label };
      bodyRows.push({ cells: [group.cell, ...restCells] });
      continue;
    }
    if (!first && group) {
      group.cell.rowSpan++;
      bodyRows.push({ cells: restCells });
      continue;
    }
    group = null;
    bodyRows.push({ cells: [textCell(first), ...restCells] });
  }

  const table: Table = {
    type: 'table',
    id: tableId,
    number: null,
    title,
    headerRows: header ? [{ cells: header.map((c) => textCell(c.text)) }] : [],
    bodyRows,
    fullWidth: columns > 4,
  };
  const section: Section = {
    type: 'section',
    id: sectionId,
    title,
    status: { stage: 'draft' },
    fullWidth: columns > 4,
    children: [table],
  };
  return { section, table, firstLine: lines[start]?.no ?? 1, lastLine: lines[end - 1]?.no ?? 1 };
}

/**
 * Number of columns: the header row is printed as one uninterrupted run of cells; the total must divide
 * into whole rows. When it does not, the divisor nearest to the header run is taken.
 */
function chooseColumns(total: number, headerRun: number): number {
  if (headerRun >= 2 && total % headerRun === 0) return headerRun;
  let best = Math.max(1, headerRun);
  let bestDist = Infinity;
  for (let n = 2; n <= 12; n++) {
    if (total % n !== 0) continue;
    const d = Math.abs(n - headerRun);
    if (d < bestDist) {
      best = n;
      bestDist = d;
    }
  }
  return best;
}

/**
 * Joins the lines of one cell. A serial label and its text join without a break ("（一）" + "经济社会发展
 * 主要预期目标"); two names of units stay on separate lines ("区委人才办" / "区科技局") unless the joined
 * name occurs elsewhere in the table ("区科技工业区" + "管委会"); anything else is a wrapped line.
 */
function joinCellParts(parts: string[], lineTexts: string[]): string {
  let out = parts[0] ?? '';
  for (let k = 1; k < parts.length; k++) {
    const next = parts[k]!;
    const last = out.split('\n').pop()!;
    const joined = last + next;
    const key = squash(joined);
    if (isUnitName(last) && isUnitName(next) && !lineTexts.some((t) => t.includes(key))) out = `${out}\n${next}`;
    else out += next;
  }
  return out;
}

/** The text of each line of the range (a joined name counts as known when one line holds it whole). */
function segmentLines(lines: PLine[], start: number, end: number): string[] {
  const out: string[] = [];
  for (let i = start; i < end; i++) if (lines[i]!.t) out.push(squash(lines[i]!.t));
  return out;
}
