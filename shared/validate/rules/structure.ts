// Structure — 框架 (STR-*): levels, overview entries, empty nodes, duplicate titles, order, book parts.
import { SPECIAL_PART_TITLE, type Category, type CategoryRole, type Entry, type Matter, type MatterKind, type Subsection } from '../../model/schema';
import { boolParam, param } from '../params';
import type { LocatedRef, NodeRef, RuleDef, UnitContext } from '../types';
import { defineRule, presets } from './define';

function entryRef(e: Entry, subsection?: Subsection): NodeRef {
  return { nodeId: e.id, nodeKind: 'entry', entry: e, subsection, field: 'title', text: e.title };
}

/** Containers of entries in a section: the section's own entries, and each subsection's. */
function containers(ctx: UnitContext): { entries: Entry[]; subsection?: Subsection; title: string }[] {
  const section = ctx.unit.section;
  if (!section) return [];
  const own: Entry[] = [];
  const out: { entries: Entry[]; subsection?: Subsection; title: string }[] = [{ entries: own, title: section.title }];
  for (const c of section.children) {
    if (c.type === 'entry') own.push(c);
    else if (c.type === 'subsection') out.push({ entries: c.children.filter((x): x is Entry => x.type === 'entry'), subsection: c, title: c.title });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------

export const STR_LEVELS = defineRule({
  id: 'STR-LEVELS',
  family: 'STR',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'entries',
  messages: ['validate.STR-LEVELS.subsection', 'validate.STR-LEVELS.loose'],
  fixes: 'none',
  params: [{ name: 'levels', description: 'validate.param.STR-LEVELS.levels', house: 'levels', ...param.oneOf([3, 4]) }],
  defaultParams: ({ houseStyle }) => ({ levels: houseStyle.levels }),
  examples: [
    { bad: '体例为三层，分目“民政”下有次目“· 社会救助 ·”（000）', good: '改为四层体例，或取消次目' },
    { bad: '分目下有一段不属于任何条目的正文（002 排版错位的段落）', good: '并入所属条目' },
  ],
  unit(ctx) {
    const section = ctx.unit.section;
    if (!section) return;
    const levels = ctx.params.levels === 3 ? 3 : 4;
    const loose = (b: { id: string; type: string; text?: string }, subsection?: Subsection) => {
      if (b.type !== 'paragraph' && b.type !== 'heading' && b.type !== 'dated' && b.type !== 'footnote') return;
      const text = b.text ?? '';
      if (!text.trim()) return;
      ctx.report({ nodeId: b.id, nodeKind: b.type as 'paragraph', subsection, field: 'text', text }, { message: 'validate.STR-LEVELS.loose', params: { text: text.slice(0, 16) }, start: 0, end: Math.min(text.length, 16), severity: 'warning' });
    };
    for (const c of section.children) {
      if (c.type === 'subsection') {
        if (levels === 3) ctx.report({ nodeId: c.id, nodeKind: 'subsection', subsection: c, field: 'title', text: c.title }, { message: 'validate.STR-LEVELS.subsection', params: { title: c.title } });
        for (const sc of c.children) if (sc.type !== 'entry') loose(sc, c);
      } else if (c.type !== 'entry') loose(c);
    }
  },
});

// ---------------------------------------------------------------------------------------------

export const STR_OVERVIEW = defineRule({
  id: 'STR-OVERVIEW',
  family: 'STR',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'entries',
  messages: ['validate.STR-OVERVIEW.twice', 'validate.STR-OVERVIEW.notFirst', 'validate.STR-OVERVIEW.missing'],
  fixes: 'none',
  params: [
    { name: 'titles', description: 'validate.param.STR-OVERVIEW.titles', house: 'overviewTitles', ...param.strings() },
    { name: 'require', description: 'validate.param.STR-OVERVIEW.require', ...param.bool() },
  ],
  defaultParams: ({ houseStyle }) => ({ titles: houseStyle.overviewTitles, require: false }),
  presets: presets.custom({ national: { enabled: true }, recommended: { enabled: true }, strict: { enabled: true, params: { require: true } } }),
  examples: [
    { bad: '分目中有两个【概况】', good: '合并为一个' },
    { bad: '【概况】排在第三个条目', good: '移到分目之首' },
    { bad: '分目“重要会议”以【区政府全体会议】开头（002）', good: '不报（仅“从严”体例要求每个分目有概况）' },
  ],
  unit(ctx) {
    const titles = new Set(Array.isArray(ctx.params.titles) ? (ctx.params.titles as string[]) : ctx.houseStyle.overviewTitles);
    const require = boolParam(ctx.params, 'require', false);
    for (const c of containers(ctx)) {
      if (!c.entries.length) continue;
      const idx = c.entries.map((e, i) => (titles.has(e.title.trim()) ? i : -1)).filter((i) => i >= 0);
      if (idx.length > 1) {
        for (const i of idx.slice(1)) ctx.report(entryRef(c.entries[i]!, c.subsection), { message: 'validate.STR-OVERVIEW.twice', params: { title: c.entries[i]!.title, container: c.title } });
      }
      if (idx.length && idx[0] !== 0) ctx.report(entryRef(c.entries[idx[0]!]!, c.subsection), { message: 'validate.STR-OVERVIEW.notFirst', params: { title: c.entries[idx[0]!]!.title, container: c.title }, severity: 'warning' });
      if (!idx.length && require) ctx.report(entryRef(c.entries[0]!, c.subsection), { message: 'validate.STR-OVERVIEW.missing', params: { container: c.title, titles: [...titles].join('/') }, severity: 'warning' });
    }
  },
});

// ---------------------------------------------------------------------------------------------

function hasBody(e: Entry): boolean {
  for (const b of e.blocks) {
    if (b.type === 'attribution') continue;
    if (b.type === 'table' || b.type === 'figure') return true;
    if ('text' in b && b.text.trim()) return true;
  }
  return false;
}

export const STR_EMPTY = defineRule({
  id: 'STR-EMPTY',
  family: 'STR',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.STR-EMPTY.category', 'validate.STR-EMPTY.section', 'validate.STR-EMPTY.subsection', 'validate.STR-EMPTY.entry', 'validate.STR-EMPTY.paragraph'],
  fixes: 'none',
  examples: [
    { bad: '条目【安保工作】只有标题，没有正文', good: '补写正文或删除条目' },
    { bad: '分目“机关事务管理”下什么也没有', good: '补稿或删除分目' },
  ],
  unit(ctx) {
    const { category, section, matter } = ctx.unit;
    if (matter) return;
    if (!section) {
      if (category && !category.sections.length) ctx.report({ nodeId: category.id, nodeKind: 'category', field: 'title', text: category.title }, { message: 'validate.STR-EMPTY.category', params: { title: category.title }, severity: 'warning' });
      return;
    }
    if (!section.children.length) {
      ctx.report({ nodeId: section.id, nodeKind: 'section', field: 'title', text: section.title }, { message: 'validate.STR-EMPTY.section', params: { title: section.title }, severity: 'warning' });
      return;
    }
    for (const c of section.children) {
      if (c.type === 'subsection' && !c.children.length) ctx.report({ nodeId: c.id, nodeKind: 'subsection', subsection: c, field: 'title', text: c.title }, { message: 'validate.STR-EMPTY.subsection', params: { title: c.title }, severity: 'warning' });
    }
    for (const f of ctx.fields) {
      if (f.kind === 'entryTitle' && f.entry && !hasBody(f.entry)) ctx.report({ nodeId: f.nodeId, nodeKind: 'entry', entry: f.entry, subsection: f.subsection, field: 'title', text: f.text }, { message: 'validate.STR-EMPTY.entry', params: { title: f.text } });
      if (f.kind === 'paragraph' && !f.text.trim() && f.entry && hasBody(f.entry)) ctx.report({ nodeId: f.nodeId, nodeKind: 'paragraph', entry: f.entry, subsection: f.subsection }, { message: 'validate.STR-EMPTY.paragraph', severity: 'info' });
    }
  },
});

// ---------------------------------------------------------------------------------------------

/** Title for duplicate detection: no spaces, quotes, brackets or punctuation; half-width folded. */
export function normalizeTitle(t: string): string {
  return t
    .normalize('NFKC')
    .replace(/[\s“”‘’"'《》〈〉「」『』（）()【】[\]，。、；：？！,.;:?!·—\-…]/g, '')
    .replace(/的/g, '')
    .toLowerCase();
}

interface TitleFacts {
  titles: { title: string; norm: string; at: LocatedRef }[];
}

export const STR_DUP_TITLE = defineRule({
  id: 'STR-DUP-TITLE',
  family: 'STR',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'entries',
  messages: ['validate.STR-DUP-TITLE.section', 'validate.STR-DUP-TITLE.near', 'validate.STR-DUP-TITLE.book'],
  fixes: 'none',
  examples: [
    { bad: '同一分目中两个【安全生产监管】', good: '一事一条：合并或改名' },
    { bad: '分目“应急管理”和“消防”各有【消防宣传】', good: '提示：全书同名条目' },
    { bad: '每个分目、次目的【概况】（000 民政下7个）', good: '不报：概况条目不算重复' },
  ],
  unit(ctx) {
    const overview = new Set(ctx.houseStyle.overviewTitles);
    const seen = new Map<string, Entry>();
    const seenNorm = new Map<string, Entry>();
    for (const f of ctx.fields) {
      if (f.kind !== 'entryTitle' || !f.entry || overview.has(f.text.trim()) || !f.text.trim()) continue;
      const t = f.text.trim();
      const n = normalizeTitle(t);
      const ref = { nodeId: f.nodeId, nodeKind: f.nodeKind, entry: f.entry, subsection: f.subsection, field: 'title', text: f.text };
      const same = seen.get(t);
      if (same) ctx.report(ref, { message: 'validate.STR-DUP-TITLE.section', params: { title: t } });
      else if (seenNorm.has(n)) ctx.report(ref, { message: 'validate.STR-DUP-TITLE.near', params: { title: t, other: seenNorm.get(n)!.title }, severity: 'warning', why: 'validate.STR-DUP-TITLE.whyNear' });
      seen.set(t, f.entry);
      if (!seenNorm.has(n)) seenNorm.set(n, f.entry);
    }
  },
  collect(ctx): TitleFacts {
    const overview = new Set(ctx.houseStyle.overviewTitles);
    const facts: TitleFacts = { titles: [] };
    for (const f of ctx.fields) {
      if (f.kind !== 'entryTitle' || !f.entry || overview.has(f.text.trim()) || !f.text.trim()) continue;
      facts.titles.push({ title: f.text.trim(), norm: normalizeTitle(f.text), at: ctx.locate({ nodeId: f.nodeId, nodeKind: f.nodeKind, entry: f.entry, subsection: f.subsection, field: 'title', text: f.text }) });
    }
    return facts;
  },
  book(ctx, facts) {
    const first = new Map<string, { unit: number; title: string; section?: string }>();
    facts.forEach((f, i) => {
      const fx = f as TitleFacts | undefined;
      if (!fx) return;
      const here = new Set<string>();
      for (const t of fx.titles) {
        const prev = first.get(t.norm);
        if (prev && prev.unit !== i && !here.has(t.norm)) {
          ctx.reportAt(i, t.at, { message: 'validate.STR-DUP-TITLE.book', params: { title: t.title, section: prev.section ?? '', other: prev.title }, severity: 'info' });
        }
        here.add(t.norm);
        if (!prev) first.set(t.norm, { unit: i, title: t.title, section: t.at.location.sectionTitle });
      }
    });
  },
});

// ---------------------------------------------------------------------------------------------

const LEAD_DATE = /^\s*(\d{1,2})月(?:(\d{1,2})日)?/;

function labelDate(label: string): number | null {
  const m = /(\d{1,2})月(?:(\d{1,2})日)?/.exec(label);
  return m ? Number(m[1]) * 100 + Number(m[2] ?? 0) : null;
}

export const STR_ORDER = defineRule({
  id: 'STR-ORDER',
  family: 'STR',
  kind: 'P',
  defaultSeverity: 'info',
  appliesTo: 'all',
  messages: ['validate.STR-ORDER.paragraph', 'validate.STR-ORDER.chronicle'],
  why: 'validate.STR-ORDER.why',
  fixes: 'none',
  presets: presets.heuristic('info', 'warning'),
  examples: [
    { bad: '【区政府常务会议】中“7月14日…”一段排在“8月6日…”之后', good: '按日期先后排列' },
    { bad: '大事记中“3月5日”排在“3月12日”之后', good: '按日期排列' },
    { bad: '000【区政府常务会议】3月18日、4月28日、7月1日…12月16日', good: '不报' },
  ],
  unit(ctx) {
    let entry: Entry | undefined;
    let last = -1;
    let lastText = '';
    for (const f of ctx.fields) {
      if (f.kind === 'dated' && f.block?.type === 'dated') {
        const b = f.block;
        const v = b.date ? Number(b.date.slice(5, 7) || 0) * 100 + Number(b.date.slice(8, 10) || 0) + Number(b.date.slice(0, 4)) * 10000 : labelDate(b.dateLabel);
        if (v === null) continue;
        if (v < last) ctx.report({ nodeId: f.nodeId, nodeKind: 'dated', entry: f.entry, subsection: f.subsection, field: 'dateLabel', text: b.dateLabel }, { message: 'validate.STR-ORDER.chronicle', params: { date: b.dateLabel, previous: lastText } });
        last = v;
        lastText = b.dateLabel;
        continue;
      }
      if (f.kind !== 'paragraph') continue;
      if (f.entry !== entry) {
        entry = f.entry;
        last = -1;
      }
      if (!entry) continue;
      const m = LEAD_DATE.exec(f.text);
      if (!m) continue;
      const v = Number(m[1]) * 100 + Number(m[2] ?? 0);
      if (v < last) ctx.report({ nodeId: f.nodeId, nodeKind: 'paragraph', entry: f.entry, subsection: f.subsection, field: 'text', text: f.text }, { message: 'validate.STR-ORDER.paragraph', params: { date: m[0].trim(), previous: lastText }, start: f.text.indexOf(m[0].trim()), end: f.text.indexOf(m[0].trim()) + m[0].trim().length });
      last = v;
      lastText = m[0].trim();
    }
  },
});

// ---------------------------------------------------------------------------------------------

const FRONT_RANK: Partial<Record<MatterKind, number>> = { 'title-page': 0, copyright: 1, committee: 2, 'editorial-note': 3, gallery: 4, toc: 5 };
const BACK_RANK: Partial<Record<MatterKind, number>> = { index: 1, afterword: 2 };
const ROLE_RANK: Record<CategoryRole, number> = { special: 0, chronicle: 1, overview: 2, regular: 3, appendix: 4 };
const PART_NAME: Record<string, string> = {
  'title-page': '书名页',
  copyright: '版权页',
  committee: '编委会',
  'editorial-note': '编辑说明',
  gallery: '图片专辑',
  toc: '目录',
  index: '索引',
  afterword: '编后记',
  special: '特载',
  chronicle: '大事记',
  overview: '概览',
  regular: '类目',
  appendix: '附录',
};

export const STR_BOOK_PARTS = defineRule({
  id: 'STR-BOOK-PARTS',
  family: 'STR',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.STR-BOOK-PARTS.order', 'validate.STR-BOOK-PARTS.twice', 'validate.STR-BOOK-PARTS.place', 'validate.STR-BOOK-PARTS.missing'],
  fixes: 'none',
  params: [{ name: 'requireParts', description: 'validate.param.STR-BOOK-PARTS.requireParts', ...param.bool() }],
  defaultParams: () => ({ requireParts: false }),
  presets: presets.custom({ national: { enabled: true }, recommended: { enabled: true }, strict: { enabled: true, params: { requireParts: true } } }),
  examples: [
    { bad: '“大事记”排在普通类目之后', good: '书名页、版权页、编委会、编辑说明、图片、目录、特载、大事记、概览、类目…、附录、索引' },
    { bad: '两个“编辑说明”', good: '只留一个' },
  ],
  book(ctx) {
    const book = ctx.book;
    const check = (items: { node: Category | Matter; rank: number | undefined; name: string }[]) => {
      let max = -1;
      let maxName = '';
      const seen = new Set<string>();
      for (const it of items) {
        if (it.rank === undefined) continue;
        if (it.rank < max) ctx.reportNode(it.node, { message: 'validate.STR-BOOK-PARTS.order', params: { part: it.name, title: it.node.title, after: maxName } });
        if (it.rank > max) {
          max = it.rank;
          maxName = it.name;
        }
        if (it.node.type === 'matter' && it.node.kind !== 'other' && seen.has(it.node.kind)) ctx.reportNode(it.node, { message: 'validate.STR-BOOK-PARTS.twice', params: { part: it.name } });
        if (it.node.type === 'matter') seen.add(it.node.kind);
      }
    };
    check(
      book.front.map((m) => {
        if (m.kind === 'index' || m.kind === 'afterword') ctx.reportNode(m, { message: 'validate.STR-BOOK-PARTS.place', params: { part: PART_NAME[m.kind]!, title: m.title, where: '书后' } });
        return { node: m, rank: FRONT_RANK[m.kind], name: PART_NAME[m.kind] ?? m.title };
      }),
    );
    check(
      book.body.map((c) => {
        if (c.role === 'appendix') ctx.reportNode(c, { message: 'validate.STR-BOOK-PARTS.place', params: { part: '附录', title: c.title, where: '书后' } });
        return { node: c, rank: ROLE_RANK[c.role], name: PART_NAME[c.role]! };
      }),
    );
    check(book.back.map((b) => (b.type === 'category' ? { node: b, rank: 0, name: '附录' } : { node: b, rank: BACK_RANK[b.kind], name: PART_NAME[b.kind] ?? b.title })));
    if (boolParam(ctx.params, 'requireParts', false)) {
      const kinds = new Set([...book.front, ...book.back].filter((m): m is Matter => m.type === 'matter').map((m) => m.kind));
      for (const k of ['editorial-note', 'toc', 'index'] as const) if (!kinds.has(k)) ctx.reportBook({ message: 'validate.STR-BOOK-PARTS.missing', params: { part: PART_NAME[k]! }, severity: 'info' });
    }
  },
});

// ---------------------------------------------------------------------------------------------

const SPECIAL_TITLES: { re: RegExp; role: CategoryRole }[] = [
  { re: SPECIAL_PART_TITLE, role: 'special' },
  { re: /^大事记$|^\d{4}年大事记$/, role: 'chronicle' },
  { re: /^附录$|^附\s*录/, role: 'appendix' },
];

export const STR_SPECIAL = defineRule({
  id: 'STR-SPECIAL',
  family: 'STR',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.STR-SPECIAL.role'],
  fixes: 'none',
  examples: [
    { bad: '类目“大事记”按普通类目保存', good: '标为“大事记”：不再按条目规则检查' },
    { bad: '类目“特载”已标为特载（001 的报告）', good: '不报；条目规则（署名、【】、标题字数）不检查特载' },
  ],
  unit(ctx) {
    const { category, section } = ctx.unit;
    if (!category || section) return;
    const title = category.title.replace(/\s+/g, '');
    for (const s of SPECIAL_TITLES) {
      if (s.re.test(title) && category.role !== s.role) {
        ctx.report({ nodeId: category.id, nodeKind: 'category', field: 'title', text: category.title }, { message: 'validate.STR-SPECIAL.role', params: { title: category.title, role: PART_NAME[s.role]! } });
      }
    }
  },
});

// ---------------------------------------------------------------------------------------------

export const STR_TOC = defineRule({
  id: 'STR-TOC',
  family: 'STR',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.STR-TOC.typed'],
  fixes: 'none',
  examples: [{ bad: '目录页中手工录入了目录文字', good: '目录由正文生成，标题和页码与正文一致' }],
  unit(ctx) {
    const m = ctx.unit.matter;
    if (!m || m.kind !== 'toc') return;
    if (m.blocks.some((b) => b.type !== 'attribution' && 'text' in b && b.text.trim())) ctx.report({ nodeId: m.id, nodeKind: 'matter', field: 'title', text: m.title }, { message: 'validate.STR-TOC.typed', params: { title: m.title } });
  },
});

export const STR_INDEX = defineRule({
  id: 'STR-INDEX',
  family: 'STR',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.STR-INDEX.typed', 'validate.STR-INDEX.mark'],
  fixes: 'none',
  fieldKinds: ['paragraph', 'heading', 'dated', 'footnote'],
  examples: [
    { bad: '索引页中手工录入了索引', good: '索引由主题词标记和条目标题生成，按拼音排序' },
    { bad: '主题词标记的范围超出了段落文字', good: '重新标记' },
  ],
  text(f, ctx) {
    const b = f.block;
    if (!b || !('marks' in b)) return;
    for (const m of b.marks) {
      if (m.type !== 'indexTerm') continue;
      if (m.start >= m.end || m.end > f.text.length) ctx.report({ message: 'validate.STR-INDEX.mark', params: { start: m.start, end: m.end }, start: Math.min(m.start, f.text.length), end: Math.min(f.text.length, Math.max(m.start, m.end)), severity: 'error' });
    }
  },
  unit(ctx) {
    const m = ctx.unit.matter;
    if (!m || m.kind !== 'index') return;
    if (m.blocks.some((b) => b.type !== 'attribution' && 'text' in b && b.text.trim())) ctx.report({ nodeId: m.id, nodeKind: 'matter', field: 'title', text: m.title }, { message: 'validate.STR-INDEX.typed', params: { title: m.title } });
  },
});

export const STRUCTURE_RULES: RuleDef[] = [STR_LEVELS, STR_OVERVIEW, STR_EMPTY, STR_DUP_TITLE, STR_ORDER, STR_BOOK_PARTS, STR_SPECIAL, STR_TOC, STR_INDEX];
