// Deleting rows and columns of a table in the editor (table.deleteRow / table.deleteCol at the caret): on the
// sample book's 表6 (2020年临安区政府民生实事项目完成情况: a header row and ten rows of three columns) and on a
// table with merged cells, read back as the app reads the editor.
import { $isTableCellNode, $isTableRowNode } from '@lexical/table';
import { $createParagraphNode, $createTextNode, $isElementNode, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { sectionEntries, type Section, type Table } from '../../../../shared/model';
import { loadSampleBook } from '../../../../shared/sample';
import { $tableDeleteColumn, $tableDeleteRow } from '../../../../renderer/editor/actions/table';
import { SectionReader } from '../../../../renderer/editor/convert/reader';
import { $findByModelId } from '../../../../renderer/editor/structure';
import { $cellParagraphs } from '../../../../renderer/editor/textmap';
import { createTestEditor, loadInto } from './headless';

function officeSection(): Section {
  return loadSampleBook().body.flatMap((c) => c.sections).find((s) => s.title === '区政府办公室工作')!;
}

function tableOf(s: Section): Table {
  const t = sectionEntries(s).flatMap((e) => e.blocks).find((b) => b.type === 'table');
  if (!t || t.type !== 'table') throw new Error('no table');
  return t;
}

function withEditor(section: Section): { editor: LexicalEditor; act(fn: () => void): Section } {
  const editor = createTestEditor();
  loadInto(editor, section);
  const reader = new SectionReader(section);
  return {
    editor,
    act: (fn) => {
      editor.update(fn, { discrete: true });
      return editor.getEditorState().read(() => reader.$read(section));
    },
  };
}

/** Puts the caret into the cell at [row, col] of the editor's table (rows over header then body rows). */
function $caretInCell(tableId: string, row: number, col: number): void {
  const table = $findByModelId(tableId);
  if (!table || !$isElementNode(table)) throw new Error('no table node');
  const cell = table.getChildren().filter($isTableRowNode)[row]!.getChildren().filter($isTableCellNode)[col]!;
  const p = cell.getFirstChild();
  if (!p || !$isElementNode(p)) throw new Error('no paragraph in cell');
  p.selectStart();
}

const texts = (t: Table) => [...t.headerRows, ...t.bodyRows].map((r) => r.cells.map((c) => c.text));

describe('deleting table rows and columns', () => {
  it('deletes the body row at the caret and keeps the others as they were', () => {
    const s = officeSection();
    const t = tableOf(s);
    expect(t.bodyRows).toHaveLength(10);
    const { act } = withEditor(s);
    const out = tableOf(act(() => ($caretInCell(t.id, 3, 1), $tableDeleteRow())));
    expect(out.bodyRows).toHaveLength(9);
    expect(out.headerRows).toEqual(t.headerRows);
    expect(texts(out)).toEqual(texts(t).filter((_, i) => i !== 3));
    expect(out.title).toBe(t.title);
  });

  it('deletes the header row: the table has no header rows then', () => {
    const s = officeSection();
    const t = tableOf(s);
    const { act } = withEditor(s);
    const out = tableOf(act(() => ($caretInCell(t.id, 0, 0), $tableDeleteRow())));
    expect(out.headerRows).toEqual([]);
    expect(out.bodyRows.map((r) => r.cells.map((c) => c.text))).toEqual(t.bodyRows.map((r) => r.cells.map((c) => c.text)));
  });

  it('deletes the column at the caret in every row, header included', () => {
    const s = officeSection();
    const t = tableOf(s);
    const { act } = withEditor(s);
    const out = tableOf(act(() => ($caretInCell(t.id, 5, 1), $tableDeleteColumn())));
    expect(texts(out)).toEqual(texts(t).map((r) => [r[0], r[2]]));
    expect(out.headerRows[0]!.cells.map((c) => c.text)).toEqual(['实项目', '责任单位']);
  });

  it('shrinks merged cells that span a deleted row or column', () => {
    const s = officeSection();
    const t = tableOf(s);
    // 表头: one cell over two columns; body: the first cell spans two rows.
    const merged: Table = {
      ...t,
      headerRows: [{ cells: [{ text: '项目与完成情况', marks: [], rowSpan: 1, colSpan: 2 }, { text: '责任单位', marks: [], rowSpan: 1, colSpan: 1 }] }],
      bodyRows: [
        { cells: [{ text: '饮用水', marks: [], rowSpan: 2, colSpan: 1 }, { text: '达标提标', marks: [], rowSpan: 1, colSpan: 1 }, { text: '区水利水电局', marks: [], rowSpan: 1, colSpan: 1 }] },
        { cells: [{ text: '提升改造', marks: [], rowSpan: 1, colSpan: 1 }, { text: '区交通运输局', marks: [], rowSpan: 1, colSpan: 1 }] },
        { cells: [{ text: '城中村', marks: [], rowSpan: 1, colSpan: 1 }, { text: '完成', marks: [], rowSpan: 1, colSpan: 1 }, { text: '区住建局', marks: [], rowSpan: 1, colSpan: 1 }] },
      ],
    };
    const withMerged = JSON.parse(JSON.stringify(s).replace(JSON.stringify(t), JSON.stringify(merged))) as Section;
    expect(tableOf(withMerged).bodyRows[0]!.cells[0]!.rowSpan).toBe(2);

    // The second body row lies under the two-row cell: that cell now spans one row.
    const rows = withEditor(withMerged);
    const afterRow = tableOf(rows.act(() => ($caretInCell(t.id, 2, 0), $tableDeleteRow())));
    expect(afterRow.bodyRows).toHaveLength(2);
    expect(afterRow.bodyRows[0]!.cells.map((c) => [c.text, c.rowSpan, c.colSpan])).toEqual([
      ['饮用水', 1, 1],
      ['达标提标', 1, 1],
      ['区水利水电局', 1, 1],
    ]);
    expect(afterRow.bodyRows[1]!.cells.map((c) => c.text)).toEqual(['城中村', '完成', '区住建局']);

    // The second column lies under the two-column header cell: it now spans one column.
    const cols = withEditor(withMerged);
    const afterCol = tableOf(cols.act(() => ($caretInCell(t.id, 3, 1), $tableDeleteColumn())));
    expect(afterCol.headerRows[0]!.cells.map((c) => [c.text, c.colSpan])).toEqual([
      ['项目与完成情况', 1],
      ['责任单位', 1],
    ]);
    expect(afterCol.bodyRows.map((r) => r.cells.map((c) => c.text))).toEqual([['饮用水', '区水利水电局'], ['区交通运输局'], ['城中村', '区住建局']]);
  });
});

describe('a table cell as one text', () => {
  it('lists the cell paragraphs with where each starts in the cell text the model holds', () => {
    const s = officeSection();
    const t = tableOf(s);
    const cell = t.bodyRows[0]!.cells[1]!;
    const { act } = withEditor(s);
    const row = t.headerRows.length;
    let got: [string, number][] = [];
    // A second paragraph in the cell (Enter in a cell): the model joins the two with "\n".
    const after = act(() => {
      const table = $findByModelId(t.id);
      if (!table || !$isElementNode(table)) throw new Error('no table node');
      const first = $cellParagraphs(table, row, 1)[0]!.paragraph;
      first.insertAfter($createParagraphNode().append($createTextNode('第二行')));
      got = $cellParagraphs(table, row, 1).map(({ paragraph, start }) => [paragraph.getTextContent(), start]);
    });
    expect(got).toEqual([
      [cell.text, 0],
      ['第二行', cell.text.length + 1],
    ]);
    expect(tableOf(after).bodyRows[0]!.cells[1]!.text).toBe(`${cell.text}\n第二行`);
  });
});
