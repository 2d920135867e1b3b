import { describe, expect, it } from 'vitest';
import { tableFigureNumbers as printedNumbers } from '../../../../shared/export/render';
import {
  advanceNumbering,
  numberingOrder,
  numberingSummary,
  numberItems,
  sectionNumbering,
  tableFigureNumbers,
  type Book,
  type Figure,
  type Section,
} from '../../../../shared/model';
import { loadSampleBook } from '../../../../shared/sample';
import { generateVolume } from '../../../../shared/generate';

const fig = (id: string, number: string | null): Figure => ({ type: 'figure', id, number, caption: id, assetId: null, fullWidth: false });

describe('numberItems', () => {
  it('keeps typed numbers and continues after them; unnumbered ones count on', () => {
    const r = numberItems(
      [
        { id: 'a', kind: 'figure', number: '78' },
        { id: 'b', kind: 'figure', number: null },
        { id: 't', kind: 'table', number: null },
        { id: 'c', kind: 'figure', number: ' 80 ' },
        { id: 'd', kind: 'figure', number: '附1' },
        { id: 'e', kind: 'figure', number: '' },
      ],
      false,
    );
    expect([...r.numbers].map(([id, n]) => `${id}:${n.number}${n.auto ? '*' : ''}`)).toEqual(['a:78', 'b:79*', 't:1*', 'c:80', 'd:附1', 'e:81*']);
    expect(r.end).toEqual({ table: 1, figure: 81 });
  });

  it('numbers everything in order when the house style asks for it, ignoring typed numbers', () => {
    const r = numberItems(
      [
        { id: 'a', kind: 'figure', number: '78' },
        { id: 'b', kind: 'figure', number: null },
      ],
      true,
      { table: 4, figure: 10 },
    );
    expect([...r.numbers.values()].map((n) => n.number)).toEqual(['11', '12']);
    expect([...r.numbers.values()].every((n) => n.auto)).toBe(true);
  });

  it('inserting an unnumbered figure renumbers the unnumbered ones after it', () => {
    const base = [fig('f1', null), fig('f2', null), fig('f3', null)];
    const section: Section = { type: 'section', id: 's', title: 'x', status: { stage: 'draft' }, fullWidth: false, children: base };
    const before = sectionNumbering(section, false, { table: 0, figure: 5 }).numbers;
    expect([...before.values()].map((n) => n.number)).toEqual(['6', '7', '8']);
    const inserted: Section = { ...section, children: [base[0]!, fig('new', null), base[1]!, base[2]!] };
    const after = sectionNumbering(inserted, false, { table: 0, figure: 5 }).numbers;
    expect(after.get('new')!.number).toBe('7');
    expect(after.get('f2')!.number).toBe('8');
    expect(after.get('f3')!.number).toBe('9');
  });
});

describe('numbering a book', () => {
  it('gives the sample book its printed numbers (表6, 图78–84) and the export the same', () => {
    const book = loadSampleBook();
    const n = tableFigureNumbers(book);
    const figures = [...n.values()].filter((x) => x.kind === 'figure').map((x) => x.number);
    expect(figures).toEqual(['78', '79', '80', '81', '82', '83', '84']);
    expect([...n.values()].filter((x) => x.kind === 'table').map((x) => x.number)).toEqual(['6']);
    expect([...n.values()].every((x) => !x.auto)).toBe(true);
    expect(printedNumbers(book)).toEqual(new Map([...n].map(([id, x]) => [id, x.number])));
  });

  it('numbers a section from the summaries of the sections before it exactly as the whole book does', () => {
    const { book } = generateVolume(loadSampleBook(), { seed: 7, scale: 0.15, images: false });
    // Drop some typed numbers so both rules (typed and continued) are exercised.
    let k = 0;
    const mixed: Book = JSON.parse(JSON.stringify(book), (key, value) => (key === 'number' && typeof value === 'string' && k++ % 3 === 0 ? null : value));
    for (const autoNumber of [false, true]) {
      const b: Book = { ...mixed, houseStyle: { ...mixed.houseStyle, autoNumber } };
      const whole = tableFigureNumbers(b);
      expect(whole.size).toBeGreaterThan(10);
      let state = { table: 0, figure: 0 };
      for (const doc of numberingOrder(b)) {
        const r = sectionNumbering(doc, autoNumber, state);
        for (const [id, x] of r.numbers) expect(x).toEqual(whole.get(id));
        const next = advanceNumbering(state, numberingSummary(doc), autoNumber);
        expect(next).toEqual(r.end);
        state = next;
      }
    }
  });
});
