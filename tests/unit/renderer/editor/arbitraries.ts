// fast-check generators of sections with every node kind the editor must keep: entries, subsections,
// paragraphs, headings, dated items, tables (header rows, merged cells, aligned cells), figures, footnotes and
// attribution lines, with marks of every type overlapping freely, and the optional fields set or not.
import fc from 'fast-check';
import {
  SectionSchema,
  type Attribution,
  type Block,
  type Cell,
  type Entry,
  type Mark,
  type Row,
  type Section,
  type Subsection,
  type Table,
} from '../../../../shared/model';
import { canonicalMarks } from '../../../../renderer/editor/convert/inline';

// Real yearbook vocabulary plus the characters that need care: line breaks, tabs, full-width marks,
// a character outside the BMP (a surrogate pair), Latin and digits.
const CHARS = [...'年区政府民政局开展工作完成社会救助养老服务慈善临安杭州市概况，。、；：“”《》（）【】', 'a', 'Z', '1', '9', '%', ' ', '\n', '\t', '𠀀', '·', '—'];
const textArb = fc.array(fc.constantFrom(...CHARS), { maxLength: 24 }).map((a) => a.join(''));
const nameArb = fc.array(fc.constantFrom(...'陈康汪剑朱丽娜区审管办'), { minLength: 1, maxLength: 4 }).map((a) => a.join(''));
const idArb = fc.stringMatching(/^[a-z][a-z0-9]{0,5}$/);

function markArb(len: number): fc.Arbitrary<Mark> {
  const range = fc.tuple(fc.integer({ min: 0, max: len }), fc.integer({ min: 0, max: len })).map(([a, b]) => ({ start: Math.min(a, b), end: Math.max(a, b) }));
  return fc.oneof(
    range.chain((r) => fc.constantFrom<Mark>({ type: 'bold', ...r }, { type: 'italic', ...r }, { type: 'sup', ...r }, { type: 'sub', ...r })),
    fc.tuple(range, fc.option(fc.constantFrom('linan', 'hangzhou', 'Z'), { nil: undefined })).map(([r, sortKey]): Mark => (sortKey ? { type: 'indexTerm', ...r, sortKey } : { type: 'indexTerm', ...r })),
    fc.tuple(range, fc.constantFrom('k_1', 'k_2', 'k_3')).map(([r, commentId]): Mark => ({ type: 'comment', ...r, commentId })),
    fc.tuple(range, fc.constantFrom('n_1', 'n_2'), fc.boolean()).map(([r, footnoteId, point]): Mark => ({ type: 'footnoteRef', start: point ? r.end : r.start, end: r.end, footnoteId })),
  );
}

const textWithMarks = (canonical: boolean) =>
  textArb.chain((text) =>
    fc.array(markArb(text.length), { maxLength: 6 }).map((marks) => ({ text, marks: canonical ? canonicalMarks(text, marks) : marks })),
  );

/** A rectangular grid with a few merged rectangles, split into header and body rows. */
function tableRowsArb(canonical: boolean): fc.Arbitrary<{ headerRows: Row[]; bodyRows: Row[] }> {
  return fc
    .record({ rows: fc.integer({ min: 1, max: 4 }), cols: fc.integer({ min: 1, max: 4 }) })
    .chain(({ rows, cols }) =>
      fc.record({
        rows: fc.constant(rows),
        cols: fc.constant(cols),
        header: fc.integer({ min: 0, max: rows }),
        merges: fc.array(
          fc.record({ r: fc.integer({ min: 0, max: rows - 1 }), c: fc.integer({ min: 0, max: cols - 1 }), h: fc.integer({ min: 1, max: 3 }), w: fc.integer({ min: 1, max: 3 }) }),
          { maxLength: 2 },
        ),
        cells: fc.array(
          fc.record({ tm: textWithMarks(canonical), align: fc.option(fc.constantFrom('left' as const, 'center' as const, 'right' as const), { nil: undefined }) }),
          { minLength: rows * cols, maxLength: rows * cols },
        ),
      }),
    )
    .map(({ rows, cols, header, merges, cells }) => {
      const owner: (number | null)[][] = Array.from({ length: rows }, () => Array<number | null>(cols).fill(null));
      const spans = new Map<string, { h: number; w: number }>();
      merges.forEach((m, i) => {
        const h = Math.min(m.h, rows - m.r);
        const w = Math.min(m.w, cols - m.c);
        for (let r = m.r; r < m.r + h; r++) for (let c = m.c; c < m.c + w; c++) if (owner[r]![c] !== null) return;
        for (let r = m.r; r < m.r + h; r++) for (let c = m.c; c < m.c + w; c++) owner[r]![c] = i;
        spans.set(`${m.r},${m.c}`, { h, w });
      });
      const out: Row[] = [];
      for (let r = 0; r < rows; r++) {
        const rowCells: Cell[] = [];
        for (let c = 0; c < cols; c++) {
          const span = spans.get(`${r},${c}`);
          if (owner[r]![c] !== null && !span) continue;
          const { tm, align } = cells[r * cols + c]!;
          const cell: Cell = { text: tm.text, marks: tm.marks, rowSpan: span?.h ?? 1, colSpan: span?.w ?? 1 };
          if (align) cell.align = align;
          rowCells.push(cell);
        }
        out.push({ cells: rowCells });
      }
      return { headerRows: out.slice(0, header), bodyRows: out.slice(header) };
    });
}

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

function blockArb(canonical: boolean, kinds: Block['type'][]): fc.Arbitrary<Omit<Block, 'id'>> {
  const all: Record<Block['type'], fc.Arbitrary<Omit<Block, 'id'>>> = {
    paragraph: textWithMarks(canonical).map((tm) => ({ type: 'paragraph' as const, ...tm })),
    heading: fc.record({ tm: textWithMarks(canonical), level: fc.integer({ min: 1, max: 4 }), runIn: fc.boolean() }).map(({ tm, level, runIn }) => ({ type: 'heading' as const, level, runIn, ...tm })),
    dated: fc
      .record({ tm: textWithMarks(canonical), dateLabel: fc.constantFrom('', '1月5日', '12月', '是月'), date: optional(fc.constantFrom('2021-01-05', '2021-12')) })
      .map(({ tm, dateLabel, date }) => defined({ type: 'dated' as const, dateLabel, date, ...tm })),
    footnote: textWithMarks(canonical).map((tm) => ({ type: 'footnote' as const, ...tm })),
    table: fc
      .record({
        number: fc.option(fc.constantFrom('6', '4', '12'), { nil: null }),
        title: textArb,
        unitNote: optional(fc.constantFrom('单位：万元', '')),
        note: optional(fc.constantFrom('资料来源：区统计局', '')),
        fullWidth: fc.boolean(),
        rows: tableRowsArb(canonical),
      })
      .map(({ rows, ...rest }) => defined({ type: 'table' as const, ...rest, ...rows }) as Omit<Table, 'id'>),
    figure: fc
      .record({
        number: fc.option(fc.constantFrom('78', '79'), { nil: null }),
        caption: textArb,
        credit: optional(fc.record({ kind: fc.constantFrom('provided' as const, 'photographer' as const), names: fc.array(nameArb, { maxLength: 2 }), raw: textArb })),
        assetId: fc.option(fc.constantFrom('x_1', 'x_2'), { nil: null }),
        fullWidth: fc.boolean(),
      })
      .map((f) => defined({ type: 'figure' as const, ...f })),
    attribution: fc
      .record({
        kind: fc.constantFrom('author' as const, 'unit' as const, 'photo' as const, 'reviewer' as const),
        names: fc.array(nameArb, { minLength: 1, maxLength: 3 }),
        covers: fc.array(fc.constantFrom('e_a', 'e_b'), { maxLength: 2 }),
        raw: optional(textArb),
        placement: fc.constantFrom('line' as const, 'inline' as const),
        contributorIds: optional(fc.array(fc.constantFrom('r_1', 'r_2'), { maxLength: 2 })),
      })
      .map((a) => defined({ type: 'attribution' as const, ...a }) as Omit<Attribution, 'id'>),
  };
  return fc.oneof(...kinds.map((k) => all[k]));
}

type Draft =
  | { type: 'entry'; title: string; noIndex: boolean; status?: Entry['status']; blocks: Omit<Block, 'id'>[] }
  | { type: 'subsection'; title: string; children: (Draft | Omit<Block, 'id'>)[] }
  | Omit<Block, 'id'>;

const ALL_KINDS: Block['type'][] = ['paragraph', 'heading', 'dated', 'footnote', 'table', 'figure', 'attribution'];

function entryArb(canonical: boolean): fc.Arbitrary<Draft> {
  return fc
    .record({
      title: textArb,
      noIndex: fc.boolean(),
      status: optional(fc.record({ stage: fc.constantFrom('draft' as const, 'approved' as const), by: optional(fc.constantFrom('李编辑')), at: optional(fc.constant('2022-03-01T08:00:00.000Z')) }).map(defined)),
      blocks: fc.array(blockArb(canonical, ALL_KINDS), { maxLength: 4 }),
    })
    .map((e) => defined({ type: 'entry' as const, ...e }));
}

/** Sections with random structure. canonical: marks already in the editor's canonical form. */
export function sectionArb(canonical: boolean): fc.Arbitrary<Section> {
  const child = fc.oneof(
    { weight: 3, arbitrary: entryArb(canonical) },
    { weight: 2, arbitrary: blockArb(canonical, ALL_KINDS) },
    {
      weight: 1,
      arbitrary: fc
        .record({ title: textArb, children: fc.array(fc.oneof({ weight: 3, arbitrary: entryArb(canonical) }, { weight: 1, arbitrary: blockArb(canonical, ALL_KINDS) }), { maxLength: 4 }) })
        .map((s): Draft => ({ type: 'subsection', ...s })),
    },
  );
  return fc.record({ title: textArb, children: fc.array(child, { maxLength: 7 }), salt: idArb }).map(({ title, children, salt }) => {
    let n = 0;
    const id = (p: string) => `${p}_${salt}${(++n).toString(36)}`;
    const withId = (d: Draft): Entry | Subsection | Block => {
      if (d.type === 'entry') {
        const e = d as Extract<Draft, { type: 'entry' }>;
        return { ...e, id: id('e'), blocks: e.blocks.map((b) => ({ ...b, id: id('p') }) as Block) };
      }
      if (d.type === 'subsection') {
        const s = d as Extract<Draft, { type: 'subsection' }>;
        return { ...s, id: id('u'), children: s.children.map((c) => withId(c as Draft) as Entry | Block) };
      }
      return { ...(d as Omit<Block, 'id'>), id: id('b') } as Block;
    };
    return SectionSchema.parse({ type: 'section', id: id('s'), title, status: { stage: 'draft' }, fullWidth: false, children: children.map(withId) });
  });
}
