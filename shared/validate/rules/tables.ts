// Tables (TAB-*) and figures (FIG-*): numbering, titles, references, continuation, columns, captions.
import { numberItems } from '../../model/numbering';
import type { Figure, Table } from '../../model/schema';
import { boolParam, param } from '../params';
import { clip } from '../text';
import type { LocatedRef, NodeRef, RuleDef, TextField, UnitContext } from '../types';
import { defineRule, presets } from './define';
import { fixLabel } from '../localized';

function tableRef(t: Table, f: TextField): NodeRef {
  return { nodeId: t.id, nodeKind: 'table', entry: f.entry, subsection: f.subsection, field: 'title', text: t.title };
}

function figureRef(fig: Figure, f: TextField): NodeRef {
  return { nodeId: fig.id, nodeKind: 'figure', entry: f.entry, subsection: f.subsection, field: 'caption', text: fig.caption };
}

/** Each table and figure of a unit once, with the field that introduced it (for its place in the tree). */
function blocksOf<T extends 'table' | 'figure'>(ctx: UnitContext, type: T): { block: T extends 'table' ? Table : Figure; field: TextField }[] {
  const out: { block: T extends 'table' ? Table : Figure; field: TextField }[] = [];
  const want = type === 'table' ? 'tableTitle' : 'caption';
  for (const f of ctx.fields) if (f.kind === want && f.block?.type === type) out.push({ block: f.block as T extends 'table' ? Table : Figure, field: f });
  return out;
}

// ---------------------------------------------------------------------------------------------
// TAB-NUM / FIG-NUM
//
// Checked against the numbers the book prints (shared/model/numbering.ts, the export's numbering): a typed number
// is kept, one left out continues the sequence ("表6" then an unnumbered table prints as 表7). So an unnumbered
// table is no error — the hint says which number it will print with and offers to write it in — while a typed
// number that breaks the printed sequence (a gap, the order, a number printed twice) is.

interface NumFacts {
  items: { id: string; number: string | null; at: LocatedRef; numberAt: LocatedRef; label: string }[];
}

function numberingRule(kind: 'table' | 'figure'): RuleDef {
  const id = kind === 'table' ? 'TAB-NUM' : 'FIG-NUM';
  const sign = kind === 'table' ? '表' : '图';
  type Msg = RuleDef['messages'][number];
  const msg = (m: string) => `validate.${id}.${m}` as Msg;
  return defineRule({
    id,
    family: kind === 'table' ? 'TAB' : 'FIG',
    kind: 'Y',
    defaultSeverity: 'error',
    appliesTo: 'all',
    messages: ['duplicate', 'duplicateAuto', 'order', 'gap', 'unnumbered', 'autoDuplicate', 'spacing'].map(msg),
    fixes: 'auto',
    examples:
      kind === 'table'
        ? [
            { bad: '表4之后是表6', good: '补上表5或重新编号（或在体例中设为自动编号）' },
            { bad: '两个“表6”', good: '重新编号' },
            { bad: '表6之后一张表格未写表号', good: '提示：导出时将按顺序编为表7，可一键写入' },
          ]
        : [
            { bad: '图78—图84 依次排列（000）', good: '不报：章节摘出时编号可以不从1开始' },
            { bad: '图80 排在图81 之后', good: '按书中顺序编号' },
            { bad: '图79之后一幅图片未写图号，其后又是图80', good: '它导出时编为图80，与后面的图80重号：补写编号或改后面的图号' },
          ],
    collect(ctx): NumFacts {
      const items: NumFacts['items'] = [];
      for (const { block, field } of blocksOf(ctx, kind)) {
        const ref = kind === 'table' ? tableRef(block as Table, field) : figureRef(block as Figure, field);
        const typed = block.number ?? '';
        items.push({
          id: block.id,
          number: block.number,
          at: ctx.locate(ref),
          numberAt: ctx.locate({ ...ref, field: 'number', text: typed }, 0, typed.length),
          label: kind === 'table' ? (block as Table).title : (block as Figure).caption,
        });
      }
      return { items };
    },
    book(ctx, facts) {
      if (ctx.houseStyle.autoNumber) return; // every number is given at layout time
      const all = (facts as (NumFacts | undefined)[]).flatMap((f, unit) => (f?.items ?? []).map((it) => ({ ...it, unit })));
      const typed = (it: { number: string | null }) => it.number !== null && it.number.trim() !== '';
      // A book that types no number of this kind leaves all of them to the layout: nothing to say.
      if (!all.some(typed)) return;
      // The numbers as printed, by the book's numbering over the same items in book order.
      const printed = numberItems(all.map((it) => ({ id: it.id, kind, number: it.number })), false).numbers;
      const present = new Set(all.map((it) => printed.get(it.id)!.number));
      /** Which item printed a number first (for the message on a later one printing it again). */
      const first = new Map<string, (typeof all)[number]>();
      let prev: number | null = null;
      for (const it of all) {
        const n = printed.get(it.id)!.number;
        const earlier = first.get(n);
        if (!typed(it)) {
          if (earlier) {
            ctx.reportAt(it.unit, it.at, { message: msg('autoDuplicate'), params: { text: clip(it.label, 24), number: `${sign}${n}` }, severity: 'warning' });
          } else {
            const fix = ctx.fixAt(it.numberAt, n, fixLabel.writeNumber(kind, n));
            ctx.reportAt(it.unit, it.at, { message: msg('unnumbered'), params: { text: clip(it.label, 24), number: `${sign}${n}` }, severity: 'info', fixes: fix ? [fix] : [] });
          }
        } else {
          const raw = it.number!;
          if (n !== raw) {
            const fix = ctx.fixAt(it.numberAt, n, fixLabel.replace(n));
            ctx.reportAt(it.unit, it.at, { message: msg('spacing'), params: { number: raw }, severity: 'warning', fixes: fix ? [fix] : [] });
          }
          if (earlier) {
            if (typed(earlier)) ctx.reportAt(it.unit, it.at, { message: msg('duplicate'), params: { number: `${sign}${n}` } });
            else ctx.reportAt(it.unit, it.at, { message: msg('duplicateAuto'), params: { number: `${sign}${n}`, text: clip(earlier.label, 24) } });
            continue;
          }
        }
        if (!earlier) first.set(n, it);
        if (!/^\d+$/.test(n)) continue;
        const v = Number(n);
        if (typed(it) && prev !== null && v < prev) ctx.reportAt(it.unit, it.at, { message: msg('order'), params: { number: `${sign}${n}`, previous: `${sign}${prev}` } });
        else if (typed(it) && prev !== null && v > prev + 1) {
          // A number that is only out of place (图81 before 图80) is an order problem, not a gap as well.
          let missing = prev + 1;
          while (missing < v && present.has(String(missing))) missing++;
          if (missing < v) ctx.reportAt(it.unit, it.at, { message: msg('gap'), params: { number: `${sign}${n}`, previous: `${sign}${prev}`, missing: `${sign}${missing}` }, severity: 'warning' });
        }
        prev = prev === null ? v : Math.max(prev, v);
      }
    },
  });
}

export const TAB_NUM = numberingRule('table');
export const FIG_NUM = numberingRule('figure');

// ---------------------------------------------------------------------------------------------
// TAB-TITLE

export const TAB_TITLE = defineRule({
  id: 'TAB-TITLE',
  family: 'TAB',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.TAB-TITLE.missing', 'validate.TAB-TITLE.unit', 'validate.TAB-TITLE.trailing', 'validate.TAB-TITLE.header'],
  fixes: 'mixed',
  examples: [
    { bad: '表格没有表题', good: '表6　2020年临安区政府民生实事项目完成情况（000）' },
    { bad: '单位:万元', good: '单位：万元' },
  ],
  unit(ctx) {
    for (const { block: t, field } of blocksOf(ctx, 'table')) {
      const ref = tableRef(t, field);
      if (!t.title.trim()) ctx.report(ref, { message: 'validate.TAB-TITLE.missing', params: { number: t.number ? `表${t.number}` : '表格' } });
      else {
        const trail = /[。，；：.,;:]+$/.exec(t.title);
        if (trail) ctx.report(ref, { message: 'validate.TAB-TITLE.trailing', params: { text: t.title }, start: trail.index, end: t.title.length, fixes: [ctx.fixOn({ ...ref, field: 'title', text: t.title }, trail.index, t.title.length, '', fixLabel.plain('validate.fix.deletePunct'))] });
      }
      if (t.unitNote !== undefined && t.unitNote.trim()) {
        const note = t.unitNote;
        const m = /^\s*[（(]?\s*(?:单位)?\s*[:：]?\s*([^）)]+?)\s*[）)]?\s*$/.exec(note);
        const expected = m ? `单位：${m[1]}` : note;
        if (expected !== note) {
          const uref = { ...ref, field: 'unitNote', text: note };
          ctx.report(uref, { message: 'validate.TAB-TITLE.unit', params: { text: note, expected }, fixes: [ctx.fixOn(uref, 0, note.length, expected, fixLabel.replace(expected))] });
        }
      }
      if (!t.headerRows.length && t.bodyRows.length) ctx.report(ref, { message: 'validate.TAB-TITLE.header', params: { number: t.number ? `表${t.number}` : `表格“${clip(t.title, 16)}”` }, severity: 'info' });
    }
  },
});

// ---------------------------------------------------------------------------------------------
// TAB-REF

const REF = /(?:[见如]|详见|参见)附?表\s*(\d+)|表\s*(\d+)\s*所示|[（(]表\s*(\d+)[）)]/g;

interface RefFacts {
  tables: { number: string; at: LocatedRef }[];
  refs: { number: string; at: LocatedRef }[];
}

export const TAB_REF = defineRule({
  id: 'TAB-REF',
  family: 'TAB',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.TAB-REF.missing', 'validate.TAB-REF.before', 'validate.TAB-REF.unreferenced'],
  fixes: 'none',
  params: [{ name: 'requireReference', description: 'validate.param.TAB-REF.requireReference', ...param.bool() }],
  defaultParams: () => ({ requireReference: false }),
  presets: presets.custom({ national: { enabled: true }, recommended: { enabled: true }, strict: { enabled: true, params: { requireReference: true } } }),
  examples: [
    { bad: '【区政府为民实事】“…如下(见表6)”，表6排在其后（000）', good: '不报' },
    { bad: '正文“见表7”，书中没有表7', good: '核对表号' },
  ],
  collect(ctx): RefFacts {
    const facts: RefFacts = { tables: [], refs: [] };
    for (const f of ctx.fields) {
      if (f.kind === 'tableTitle' && f.block?.type === 'table' && f.block.number) facts.tables.push({ number: f.block.number.trim(), at: ctx.locate(tableRef(f.block, f)) });
      if ((f.kind === 'paragraph' || f.kind === 'heading') && f.text.includes('表')) {
        for (const m of f.text.matchAll(REF)) {
          facts.refs.push({ number: (m[1] ?? m[2] ?? m[3])!, at: ctx.locate({ nodeId: f.nodeId, nodeKind: f.nodeKind, entry: f.entry, subsection: f.subsection, field: f.field, text: f.text }, m.index, m.index + m[0].length) });
        }
      }
    }
    return facts;
  },
  book(ctx, facts) {
    if (ctx.houseStyle.autoNumber) return;
    const tables = new Map<string, { unit: number; at: LocatedRef }>();
    const firstRef = new Map<string, { unit: number; at: LocatedRef }>();
    const all = facts as (RefFacts | undefined)[];
    all.forEach((f, unit) => {
      for (const t of f?.tables ?? []) if (!tables.has(t.number)) tables.set(t.number, { unit, at: t.at });
      for (const r of f?.refs ?? []) if (!firstRef.has(r.number)) firstRef.set(r.number, { unit, at: r.at });
    });
    if (!tables.size) return; // a part with no numbered tables (one chapter being checked) cannot judge references
    all.forEach((f, unit) => {
      for (const r of f?.refs ?? []) {
        const t = tables.get(r.number);
        if (!t) ctx.reportAt(unit, r.at, { message: 'validate.TAB-REF.missing', params: { number: r.number, text: r.at.text ?? '' } });
        else if (firstRef.get(r.number)!.at === r.at && (t.unit < unit || (t.unit === unit && t.at.ord < r.at.ord))) {
          ctx.reportAt(unit, r.at, { message: 'validate.TAB-REF.before', params: { number: r.number } });
        }
      }
    });
    if (boolParam(ctx.params, 'requireReference', false)) {
      for (const [n, t] of tables) if (!firstRef.has(n)) ctx.reportAt(t.unit, t.at, { message: 'validate.TAB-REF.unreferenced', params: { number: n }, severity: 'info' });
    }
  },
});

// ---------------------------------------------------------------------------------------------
// TAB-CONT

export const TAB_CONT = defineRule({
  id: 'TAB-CONT',
  family: 'TAB',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.TAB-CONT.stored', 'validate.TAB-CONT.header'],
  fixes: 'none',
  params: [{ name: 'style', description: 'validate.param.TAB-CONT.style', house: 'tableContinuation', ...param.oneOf(['续表', '续表N']) }],
  defaultParams: ({ houseStyle }) => ({ style: houseStyle.tableContinuation }),
  examples: [
    { bad: '表格后面一段正文只有“续表4”（002 导入残留）', good: '删去：续表在排版时生成，并重复表头' },
    { bad: '表体中间又出现一行表头“常务会议届次 会议时间 议题内容”', good: '删去重复的表头行' },
  ],
  unit(ctx) {
    const style = ctx.params.style === '续表N' ? '续表N' : '续表';
    for (const f of ctx.fields) {
      if ((f.kind === 'paragraph' && /^\s*续表\s*\d*\s*$/.test(f.text)) || (f.kind === 'tableTitle' && /^\s*续表/.test(f.text))) {
        ctx.report({ nodeId: f.nodeId, nodeKind: f.nodeKind, entry: f.entry, subsection: f.subsection, field: f.field, text: f.text }, { message: 'validate.TAB-CONT.stored', params: { text: f.text.trim().slice(0, 10), style } });
      }
    }
    for (const { block: t, field } of blocksOf(ctx, 'table')) {
      const header = t.headerRows[t.headerRows.length - 1];
      if (!header) continue;
      const key = header.cells.map((c) => c.text.replace(/\s+/g, '')).join('|');
      t.bodyRows.forEach((row, r) => {
        if (row.cells.map((c) => c.text.replace(/\s+/g, '')).join('|') === key) {
          ctx.report({ nodeId: t.id, nodeKind: 'table', entry: field.entry, subsection: field.subsection, field: `cell:b:${r}:0`, text: row.cells[0]?.text ?? '' }, { message: 'validate.TAB-CONT.header', params: { row: r + 1, style }, severity: 'warning' });
        }
      });
    }
  },
});

// ---------------------------------------------------------------------------------------------
// TAB-ALIGN

const NUMERIC = /^[-−+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?%?$/;
const PLACEHOLDER = /^(?:—|－|-|–|——|\/|…|…… |)$/;

export const TAB_ALIGN = defineRule({
  id: 'TAB-ALIGN',
  family: 'TAB',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.TAB-ALIGN.decimals', 'validate.TAB-ALIGN.nonArabic'],
  fixes: 'confirm',
  examples: [
    { bad: '“增长（%）”一栏：3.5、12.1、7、6.8', good: '3.5、12.1、7.0、6.8（补零需确认）' },
    { bad: '数字栏中写“三”', good: '3' },
  ],
  unit(ctx) {
    for (const { block: t, field } of blocksOf(ctx, 'table')) {
      const rows = t.bodyRows;
      if (rows.length < 3) continue;
      const width = Math.max(...rows.map((r) => r.cells.length));
      const plain = rows.map((r, ri) => ({ r, ri })).filter(({ r }) => r.cells.length === width && r.cells.every((c) => c.colSpan === 1 && c.rowSpan === 1));
      for (let c = 0; c < width; c++) {
        const cells = plain.map(({ r, ri }) => ({ text: r.cells[c]!.text.trim(), ri })).filter((x) => !PLACEHOLDER.test(x.text));
        const numeric = cells.map((x) => ({ ...x, m: NUMERIC.exec(x.text) })).filter((x) => x.m);
        if (numeric.length < 3 || numeric.length < 0.8 * cells.length) continue;
        const counts = new Map<number, number>();
        for (const x of numeric) {
          const d = x.m![1]?.length ?? 0;
          counts.set(d, (counts.get(d) ?? 0) + 1);
        }
        const [major] = [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]!;
        for (const x of numeric) {
          const d = x.m![1]?.length ?? 0;
          if (d === major) continue;
          const fieldPath = `cell:b:${x.ri}:${c}`;
          const raw = t.bodyRows[x.ri]!.cells[c]!.text;
          const at = { nodeId: t.id, nodeKind: 'table' as const, entry: field.entry, subsection: field.subsection, field: fieldPath, text: raw };
          const fixes = [];
          if (d < major) {
            const pct = x.text.endsWith('%');
            const body = pct ? x.text.slice(0, -1) : x.text;
            const expected = `${body}${d === 0 ? '.' : ''}${'0'.repeat(major - d)}${pct ? '%' : ''}`;
            const s = raw.indexOf(x.text);
            fixes.push(ctx.fixOn(at, s, s + x.text.length, expected, fixLabel.replace(expected), true));
          }
          ctx.report(at, { message: 'validate.TAB-ALIGN.decimals', params: { text: x.text, decimals: major, row: x.ri + 1, column: c + 1 }, fixes });
        }
        for (const x of cells) {
          if (x.text && /^[〇零一二两三四五六七八九十百千万]+$/.test(x.text)) {
            const raw = t.bodyRows[x.ri]!.cells[c]!.text;
            ctx.report({ nodeId: t.id, nodeKind: 'table', entry: field.entry, subsection: field.subsection, field: `cell:b:${x.ri}:${c}`, text: raw }, { message: 'validate.TAB-ALIGN.nonArabic', params: { text: x.text, row: x.ri + 1, column: c + 1 } });
          }
        }
      }
    }
  },
});

// ---------------------------------------------------------------------------------------------
// FIG-CAPTION

const HAS_DATE = /\d{4}年|\d{1,2}月|\d{1,2}日|年初|年中|年底|年末|春节|国庆/;

interface CreditFacts {
  credits: { form: string; at: LocatedRef }[];
}

function creditForm(raw: string): { form: string } | null {
  const m = /^\s*[（(]?\s*(.+?)(\s*)(提供|供稿|供图)\s*[）)]?\s*$/.exec(raw);
  if (!m) return null;
  return { form: `${m[2] ? ' ' : ''}${m[3]}` };
}

export const FIG_CAPTION = defineRule({
  id: 'FIG-CAPTION',
  family: 'FIG',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.FIG-CAPTION.missing', 'validate.FIG-CAPTION.credit', 'validate.FIG-CAPTION.date', 'validate.FIG-CAPTION.form'],
  fixes: 'mixed',
  examples: [
    { bad: '图84 区市民中心 24 小时自助服务大厅（000，无日期）', good: '写明时间、地点、事件：2020年×月，区市民中心24小时自助服务大厅启用' },
    { bad: '图片没有署名', good: '（区信访局提供）或（张三 摄）' },
    { bad: '全书多为“区审管办 供稿”，个别为“区数据局供稿”（002）', good: '统一为一种写法' },
  ],
  unit(ctx) {
    for (const { block: fig, field } of blocksOf(ctx, 'figure')) {
      const ref = figureRef(fig, field);
      if (!fig.caption.trim()) {
        ctx.report(ref, { message: 'validate.FIG-CAPTION.missing', params: { number: fig.number ? `图${fig.number}` : '图片' }, severity: 'error' });
        continue;
      }
      if (!fig.credit) ctx.report(ref, { message: 'validate.FIG-CAPTION.credit', params: { text: clip(fig.caption, 24) } });
      if (!HAS_DATE.test(fig.caption)) ctx.report(ref, { message: 'validate.FIG-CAPTION.date', params: { text: clip(fig.caption, 24) } });
    }
  },
  collect(ctx): CreditFacts {
    const credits: CreditFacts['credits'] = [];
    for (const { block: fig, field } of blocksOf(ctx, 'figure')) {
      if (!fig.credit || fig.credit.kind !== 'provided') continue;
      const form = creditForm(fig.credit.raw);
      if (form) credits.push({ ...form, at: ctx.locate({ nodeId: fig.id, nodeKind: 'figure', entry: field.entry, subsection: field.subsection, field: 'credit', text: fig.credit.raw }) });
    }
    return { credits };
  },
  book(ctx, facts) {
    const counts = new Map<string, number>();
    for (const f of facts as (CreditFacts | undefined)[]) for (const c of f?.credits ?? []) counts.set(c.form, (counts.get(c.form) ?? 0) + 1);
    if (counts.size < 2) return;
    // The majority form; on a tie, the form with a space before the suffix (the unit-line style "XX 供稿").
    const [major, n] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (b[0].startsWith(' ') ? 1 : 0) - (a[0].startsWith(' ') ? 1 : 0))[0]!;
    (facts as (CreditFacts | undefined)[]).forEach((f, i) => {
      for (const c of f?.credits ?? []) {
        if (c.form === major) continue;
        const raw = c.at.fieldText ?? '';
        const expected = raw.replace(/\s*(提供|供稿|供图)/, major);
        const fix = ctx.fixAt(c.at, expected, fixLabel.replace(expected));
        ctx.reportAt(i, c.at, { message: 'validate.FIG-CAPTION.form', params: { text: raw, expected, count: n }, fixes: fix ? [fix] : [] });
      }
    });
  },
});

export const TABLE_FIGURE_RULES: RuleDef[] = [TAB_NUM, TAB_TITLE, TAB_REF, TAB_CONT, TAB_ALIGN, FIG_NUM, FIG_CAPTION];
