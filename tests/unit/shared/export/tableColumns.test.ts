import { describe, expect, it } from 'vitest';
import { sequentialIds } from '../../../../shared/model';
import { tableColumnMinWidths, textEm } from '../../../../shared/export/tableColumns';
import { seedTable } from '../../../helpers/seedBook';

const EM = (7.5 * 25.4) / 72; // mm per em at the 7.5 pt cell size

describe('table column minimum widths', () => {
  it('measures CJK as one em and Latin/digits as about half', () => {
    expect(textEm('区发改经信局')).toBe(6);
    expect(textEm('PM2.5')).toBeCloseTo(2.75);
  });

  it('keeps the short 牵头单位 column wide enough for its typical entry on one line', () => {
    const t = seedTable(sequentialIds('t'));
    const w = tableColumnMinWidths(t, 173, 7.5)!;
    expect(w).toHaveLength(5);
    // 牵头单位: mostly "区发改经信局"-sized names → at least six characters wide
    expect(w[2]!).toBeGreaterThanOrEqual(6 * EM);
    // long columns are capped at eight characters; the automatic layout gives them the rest
    for (const x of w) expect(x).toBeLessThanOrEqual(8 * EM + 2);
    expect(w.reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(173 * 0.85);
  });

  it('scales the minimums down in a narrow column and skips one-column tables', () => {
    const t = seedTable(sequentialIds('t'));
    const narrow = tableColumnMinWidths(t, 40, 7.5)!;
    expect(narrow.reduce((s, x) => s + x, 0)).toBeLessThanOrEqual(40 * 0.85 + 0.5);
    const cell = (text: string) => ({ text, marks: [], rowSpan: 1, colSpan: 1 });
    const one = { ...t, headerRows: [{ cells: [cell('项目名称')] }], bodyRows: [{ cells: [cell('区发改经信局')] }] };
    expect(tableColumnMinWidths(one, 173, 7.5)).toBeNull();
  });
});
