// Numbers — GB/T 15835-2011 出版物上数字用法 (NUM-*).
import { param, strParam } from '../params';
import { chineseYearToArabic, F, isDigit, parseChineseNumeral, shiftDecimal } from '../text';
import type { LocatedRef, RuleDef, TextField } from '../types';
import { defineRule } from './define';
import { fixLabel } from '../localized';

// ---------------------------------------------------------------------------------------------
// NUM-CN-LEX: fixed expressions keep their Chinese numerals

export const DEFAULT_FIXED_EXPRESSIONS = [
  '十四五',
  '十三五',
  '十二五',
  '十一五',
  '六稳',
  '六保',
  '一图一码一指数',
  '八八战略',
  '两学一做',
  '四个意识',
  '四个自信',
  '两个维护',
  '三服务',
  '五水共治',
  '三改一拆',
  '四个全面',
  '五位一体',
  '最多跑一次',
];

const CN_SIMPLE: Record<string, string> = { 〇: '0', 零: '0', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9' };

/** How a fixed expression looks when someone wrote its numerals in Arabic digits: 十四五 → 14五, 六稳 → 6稳. */
export function arabicVariant(expr: string): string {
  return expr.replace(/[〇零一二两三四五六七八九十百]+/g, (run) => {
    if (!/[十百]/.test(run)) return [...run].map((c) => CN_SIMPLE[c]).join('');
    const v = parseChineseNumeral(run);
    if (v !== null) return String(v);
    // 十四五: the plan number 十四 and the 五 of 五年规划.
    const head = parseChineseNumeral(run.slice(0, -1));
    return head !== null ? `${head}${run.slice(-1)}` : run;
  });
}

interface Variants {
  re: RegExp;
  byVariant: Map<string, string>;
}
const variantCache = new WeakMap<object, Variants | null>();

/** One regular expression for the Arabic-digit variants of the configured expressions, built once per list. */
function variantsOf(list: unknown): Variants | null {
  if (!Array.isArray(list)) return null;
  let v = variantCache.get(list);
  if (v === undefined) {
    const byVariant = new Map<string, string>();
    for (const e of list) if (typeof e === 'string' && arabicVariant(e) !== e) byVariant.set(arabicVariant(e), e);
    const keys = [...byVariant.keys()].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    v = keys.length ? { re: new RegExp(keys.join('|'), 'g'), byVariant } : null;
    variantCache.set(list, v);
  }
  return v;
}

export const NUM_CN_LEX = defineRule({
  id: 'NUM-CN-LEX',
  needsAny: F.DIGIT,
  family: 'NUM',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.NUM-CN-LEX.arabic'],
  fixes: 'auto',
  params: [{ name: 'expressions', description: 'validate.param.NUM-CN-LEX.expressions', ...param.strings() }],
  defaultParams: () => ({ expressions: DEFAULT_FIXED_EXPRESSIONS }),
  examples: [
    { bad: '实现“14五”良好开局', good: '实现“十四五”良好开局（002）' },
    { bad: '落实“1图1码1指数”', good: '落实“一图一码一指数”（000）' },
  ],
  fieldKinds: ['paragraph', 'heading', 'dated', 'footnote', 'cell', 'caption', 'tableTitle', 'entryTitle'],
  text(f, ctx) {
    const text = f.text;
    if (!/\d/.test(text)) return;
    const v = variantsOf(ctx.params.expressions);
    if (!v) return;
    for (const m of text.matchAll(v.re)) {
      const i = m.index;
      const variant = m[0];
      if (isDigit(text[i - 1]) || isDigit(text[i + variant.length])) continue;
      const expr = v.byVariant.get(variant)!;
      ctx.report({ message: 'validate.NUM-CN-LEX.arabic', params: { text: variant, expected: expr }, start: i, end: i + variant.length, fix: { start: i, end: i + variant.length, replacement: expr, label: fixLabel.replace(expr) } });
    }
  },
});

// ---------------------------------------------------------------------------------------------
// NUM-ARABIC

const FULLWIDTH_DIGITS = /[０-９]+(?:[．.][０-９]+)?/g;
const CN_YEAR = /(?<![〇零○Ｏ一二三四五六七八九十])([〇零○Ｏ一二三四五六七八九]{4})年/g;
const CN_QUANTITY = /(?<![几数第〇零一二两三四五六七八九十百千万亿])([一二两三四五六七八九十百千]*[十百千][一二三四五六七八九十百千零]*|[一二两三四五六七八九])(万|亿)?(元|美元|吨|公顷|平方米|平方千米|千米|公里|千瓦|千克|人次|人|户|套|辆)/g;

function halfWidthDigits(s: string): string {
  return s.replace(/[０-９．]/g, (c) => (c === '．' ? '.' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}

export const NUM_ARABIC = defineRule({
  id: 'NUM-ARABIC',
  needsAny: F.FULL_DIGIT | F.CN_NUM,
  family: 'NUM',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.NUM-ARABIC.fullwidth', 'validate.NUM-ARABIC.year', 'validate.NUM-ARABIC.quantity'],
  fixes: 'auto',
  examples: [
    { bad: '新增城镇就业人口２２２７０人', good: '新增城镇就业人口22270人' },
    { bad: '二〇二〇年，临安实现地区生产总值…（条目中）', good: '2020年，临安实现…（特载中的“二〇三五年”不报）' },
    { bad: '发放补助资金五十万元', good: '发放补助资金50万元' },
    { bad: '“十四五”、十大产业平台、三十余人、几十万元', good: '不报：固定用语、约数和非统计用法' },
  ],
  fieldKinds: ['paragraph', 'heading', 'dated', 'footnote', 'cell', 'caption', 'tableTitle', 'tableNote', 'entryTitle'],
  text(f, ctx) {
    const text = f.text;
    if (/[０-９]/.test(text)) {
      for (const m of text.matchAll(FULLWIDTH_DIGITS)) {
        const fixed = halfWidthDigits(m[0]);
        const e = m.index + m[0].length;
        ctx.report({ message: 'validate.NUM-ARABIC.fullwidth', params: { text: m[0], expected: fixed }, start: m.index, end: e, fix: { start: m.index, end: e, replacement: fixed, label: fixLabel.replace(fixed) }, severity: 'error' });
      }
    }
    if (ctx.unit.exempt) return; // 特载 reports and documents may write 二〇三五年 and 五十万元
    // A Chinese-numeral year of 1949–2099 reads 一九… or 二〇… / 二零…
    if (text.includes('一九') || text.includes('二〇') || text.includes('二零') || text.includes('二○')) {
      for (const m of text.matchAll(CN_YEAR)) {
        if (ctx.quoted(m.index)) continue;
        const arabic = chineseYearToArabic(m[1]!);
        // Target years in the names of plans (二〇三五年远景目标) are names, not dates of events.
        if (!arabic || Number(arabic) > ctx.volumeYear) continue;
        const e = m.index + m[1]!.length;
        ctx.report({ message: 'validate.NUM-ARABIC.year', params: { text: `${m[1]}年`, expected: `${arabic}年` }, start: m.index, end: e + 1, fix: { start: m.index, end: e, replacement: arabic, label: fixLabel.replace(`${arabic}年`) }, severity: 'warning' });
      }
    }
    if (/[十百千]|[一二两三四五六七八九][万亿]?[元吨公平千人户套辆美]/.test(text)) {
      for (const m of text.matchAll(CN_QUANTITY)) {
        const [all, numeral, big, unit] = m;
        if (ctx.quoted(m.index)) continue;
        const after = text[m.index + all.length];
        if (after === '余' || after === '多') continue;
        if (!/[一二两三四五六七八九十]/.test(numeral!)) continue; // 百万人口, 千万家庭: set phrases
        const value = parseChineseNumeral(numeral!);
        if (value === null) continue;
        const money = unit === '元' || unit === '美元';
        // Small counts of people or things read naturally in Chinese (两人, 三户); statistics and money do not.
        if (!(big || (money && value >= 10) || value >= 100 || (value >= 10 && !['人', '户', '套', '辆', '人次'].includes(unit!)))) continue;
        const expected = `${value}${big ?? ''}${unit}`;
        const e = m.index + numeral!.length;
        ctx.report({ message: 'validate.NUM-ARABIC.quantity', params: { text: all, expected }, start: m.index, end: m.index + all.length, fix: { start: m.index, end: e, replacement: String(value), label: fixLabel.replace(expected) }, severity: 'warning' });
      }
    }
  },
});

// ---------------------------------------------------------------------------------------------
// NUM-APPROX: adjacent-number estimates take no 顿号

const APPROX = /([一二三四五六七八九十]*?)([一二三四五六七八])、([二三四五六七八九])(?=[十百千万亿]?[个人天年岁次家项名元位条件所座处种批多余])/g;
const CN_ORDER = '一二三四五六七八九';

export const NUM_APPROX = defineRule({
  id: 'NUM-APPROX',
  needsAll: F.DUNHAO | F.CN_NUM,
  family: 'NUM',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.NUM-APPROX.dunhao'],
  fixes: 'auto',
  examples: [
    { bad: '每年接待三、四批考察团', good: '每年接待三四批考察团' },
    { bad: '十五、六岁的青少年', good: '十五六岁的青少年' },
    { bad: '一、二、三产业融合', good: '不报：不相邻的并列数字' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!text.includes('、')) return;
    for (const m of text.matchAll(APPROX)) {
      const [all, , a, b] = m;
      if (CN_ORDER.indexOf(b!) !== CN_ORDER.indexOf(a!) + 1) continue;
      const comma = m.index + all.length - 2;
      ctx.report({ message: 'validate.NUM-APPROX.dunhao', params: { text: all, expected: all.replace('、', '') }, start: m.index, end: m.index + all.length, fix: { start: comma, end: comma + 1, replacement: '', label: fixLabel.plain('validate.fix.deleteDunhao') } });
    }
  },
});

// ---------------------------------------------------------------------------------------------
// NUM-WAN-YI: only 万 and 亿 mix with digits

const MAGNITUDE = /(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)([千百十])(?![米克瓦伏帕焦卡兆赫分])/g;
const MAG_POWER: Record<string, number> = { 十: 1, 百: 2, 千: 3 };

export const NUM_WAN_YI = defineRule({
  id: 'NUM-WAN-YI',
  needsAll: F.DIGIT | F.CN_NUM,
  family: 'NUM',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.NUM-WAN-YI.magnitude'],
  fixes: 'auto',
  examples: [
    { bad: '参与群众3千人', good: '参与群众3000人' },
    { bad: '投资1.5千万元', good: '投资1500万元' },
    { bad: '110千伏变电站、5千米、3.45亿元、1.2万人', good: '不报：单位词头与万、亿' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!/\d[千百十]/.test(text)) return;
    for (const m of text.matchAll(MAGNITUDE)) {
      const [all, num, mag] = m;
      const next = text.slice(m.index + all.length, m.index + all.length + 2);
      if (mag === '百' && next.startsWith('分')) continue; // 百分点 / 百分比 written after a digit is not a magnitude
      if (mag === '十' && /^[一二三四五六七八九]/.test(next)) continue;
      const value = shiftDecimal(num!, MAG_POWER[mag!]!);
      const e = m.index + all.length;
      ctx.report({ message: 'validate.NUM-WAN-YI.magnitude', params: { text: all, expected: value }, start: m.index, end: e, fix: { start: m.index, end: e, replacement: value, label: fixLabel.replace(value) } });
    }
  },
});

// ---------------------------------------------------------------------------------------------
// NUM-RANGE: 9亿～16亿, 15%～30%

const RANGE_SUFFIX = /(?<![A-Za-z0-9.\-/])(\d+(?:\.\d+)?)(\s*[-－–~〜～—−至到]\s*)(\d+(?:\.\d+)?)(万|亿|%|‰)/g;

export const NUM_RANGE = defineRule({
  id: 'NUM-RANGE',
  needsAny: F.DIGIT,
  family: 'NUM',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.NUM-RANGE.suffix'],
  fixes: 'auto',
  examples: [
    { bad: '投资9～16亿元', good: '投资9亿～16亿元' },
    { bad: '增长15～30%', good: '增长15%～30%' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!/[-－–~〜～—−至到]/.test(text) || !/[万亿%‰]/.test(text)) return;
    for (const m of text.matchAll(RANGE_SUFFIX)) {
      const [all, a, , , unit] = m;
      const at = m.index + a!.length;
      const expected = `${a}${unit}${all.slice(a!.length)}`;
      ctx.report({ message: 'validate.NUM-RANGE.suffix', params: { text: all, expected, unit: unit! }, start: m.index, end: m.index + all.length, fix: { start: at, end: at, replacement: unit!, label: fixLabel.append(a, unit!) } });
    }
  },
});

// ---------------------------------------------------------------------------------------------
// NUM-YEAR

const SHORT_YEAR = /(?<![\d.\-/A-Za-z年])(\d{2})年(\d{1,2})月/g;
const CN_YEAR_ZERO = /[〇零○Ｏ0一二三四五六七八九]{4}(?=年)/g;

export const NUM_YEAR = defineRule({
  id: 'NUM-YEAR',
  needsAny: F.DIGIT | F.CN_NUM,
  family: 'NUM',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.NUM-YEAR.short', 'validate.NUM-YEAR.zero'],
  fixes: 'mixed',
  examples: [
    { bad: '21年3月，区政府召开…', good: '2021年3月，区政府召开…' },
    { bad: '到二零三五年基本实现', good: '到二〇三五年基本实现' },
    { bad: '连续16年获评“省级平安区”（002）', good: '不报：年数不是年份' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (/\d{2}年\d/.test(text)) {
      for (const m of text.matchAll(SHORT_YEAR)) {
        const yy = Number(m[1]);
        const century = 2000 + yy <= ctx.volumeYear ? '20' : '19';
        const expected = `${century}${m[1]}年`;
        ctx.report({ message: 'validate.NUM-YEAR.short', params: { text: m[0], expected: `${expected}${m[2]}月` }, start: m.index, end: m.index + 3, fix: { start: m.index, end: m.index, replacement: century, label: fixLabel.complete(expected), confirm: true } });
      }
    }
    if (/[零○Ｏ]/.test(text) || /[一二三四五六七八九]0/.test(text)) {
      // Entries write years in Arabic digits (NUM-ARABIC) — there, that rule speaks instead.
      if (!ctx.unit.exempt && ctx.enabled('NUM-ARABIC')) return;
      for (const m of text.matchAll(CN_YEAR_ZERO)) {
        if (!/[零○Ｏ0]/.test(m[0]) || !/[一二三四五六七八九]/.test(m[0])) continue;
        const fixed = m[0].replace(/[零○Ｏ0]/g, '〇');
        ctx.report({ message: 'validate.NUM-YEAR.zero', params: { text: `${m[0]}年`, expected: `${fixed}年` }, start: m.index, end: m.index + 4, fix: { start: m.index, end: m.index + 4, replacement: fixed, label: fixLabel.replace(`${fixed}年`) } });
      }
    }
  },
});

// ---------------------------------------------------------------------------------------------
// NUM-GROUP: digit grouping (12,000 vs 12000) consistent across the book

const GROUPED = /(?<![\d,.])\d{1,3}(?:,\d{3})+(?![\d,])(?:\.\d+)?/g;
const PLAIN_LONG = /(?<![\d,.A-Za-z\-/])\d{5,10}(?![\d,A-Za-z\-/])/g;

interface GroupFacts {
  grouped: LocatedRef[];
  plain: LocatedRef[];
}

export const NUM_GROUP = defineRule({
  id: 'NUM-GROUP',
  family: 'NUM',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.NUM-GROUP.grouped', 'validate.NUM-GROUP.plain'],
  fixes: 'auto',
  params: [{ name: 'style', description: 'validate.param.NUM-GROUP.style', ...param.oneOf(['auto', 'grouped', 'plain']) }],
  defaultParams: () => ({ style: 'auto' }),
  examples: [
    { bad: '全书多写“22270人”，个别处写“12,000人”', good: '统一为“12000人”' },
    { bad: '2020年、0571、22270（全书一致）', good: '不报' },
  ],
  collect(ctx): GroupFacts {
    const facts: GroupFacts = { grouped: [], plain: [] };
    for (const f of ctx.fields) {
      if (!f.text || !/\d{4}|\d,\d{3}/.test(f.text) || f.kind === 'attribution' || f.kind === 'credit') continue;
      if (/\d,\d{3}/.test(f.text)) for (const m of f.text.matchAll(GROUPED)) facts.grouped.push(ctx.locate(ref(f), m.index, m.index + m[0].length));
      if (/\d{5}/.test(f.text)) {
        for (const m of f.text.matchAll(PLAIN_LONG)) {
          // Years-like and code-like numbers (postcodes 311300, document numbers) are not quantities.
          const after = f.text.slice(m.index + m[0].length, m.index + m[0].length + 1);
          if (after === '号' || after === '年') continue;
          facts.plain.push(ctx.locate(ref(f), m.index, m.index + m[0].length));
        }
      }
    }
    return facts;
  },
  book(ctx, facts) {
    let grouped = 0;
    let plain = 0;
    for (const f of facts as (GroupFacts | undefined)[]) {
      grouped += f?.grouped.length ?? 0;
      plain += f?.plain.length ?? 0;
    }
    const style = strParam(ctx.params, 'style', 'auto');
    if (style === 'auto' && (grouped === 0 || plain === 0)) return;
    const keep = style === 'auto' ? (grouped > plain ? 'grouped' : 'plain') : style;
    facts.forEach((f, i) => {
      const fx = f as GroupFacts | undefined;
      if (!fx) return;
      if (keep === 'plain') {
        for (const at of fx.grouped) {
          const text = at.text!;
          const expected = text.replace(/,/g, '');
          const fix = ctx.fixAt(at, expected, fixLabel.replace(expected));
          ctx.reportAt(i, at, { message: 'validate.NUM-GROUP.grouped', params: { text, expected, grouped, plain }, fixes: fix ? [fix] : [] });
        }
      } else {
        for (const at of fx.plain) {
          const text = at.text!;
          const expected = text.replace(/\B(?=(\d{3})+$)/g, ',');
          const fix = ctx.fixAt(at, expected, fixLabel.replace(expected));
          ctx.reportAt(i, at, { message: 'validate.NUM-GROUP.plain', params: { text, expected, grouped, plain }, fixes: fix ? [fix] : [] });
        }
      }
    });
  },
});

function ref(f: TextField) {
  return { nodeId: f.nodeId, nodeKind: f.nodeKind, entry: f.entry, subsection: f.subsection, field: f.field, text: f.text };
}

// ---------------------------------------------------------------------------------------------
// NUM-NO-BREAK: a number is never split across lines or paragraphs

export const NUM_NO_BREAK = defineRule({
  id: 'NUM-NO-BREAK',
  needsAny: F.NEWLINE,
  family: 'NUM',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.NUM-NO-BREAK.paragraph', 'validate.NUM-NO-BREAK.line'],
  fixes: 'mixed',
  examples: [
    { bad: '段落以“13个先进集体和基层党组织、34”结束，下一段以“名先进个人…”开始（000）', good: '两段连成一段：“34名先进个人…”' },
    { bad: '“…完成年度投资计划的110.9%。”与下一段', good: '不报：段末有句号' },
  ],
  fieldKinds: ['paragraph', 'cell', 'caption', 'dated'],
  text(f, ctx) {
    // A line break inside a paragraph between a number and what follows it.
    if (!f.text.includes('\n') || f.kind === 'cell') return;
    for (const m of f.text.matchAll(/\d[ \t]*\n\s*(?=[\d\u4e00-\u9fff%])/g)) {
      const s = m.index + 1;
      const e = m.index + m[0].length;
      ctx.report({ message: 'validate.NUM-NO-BREAK.line', params: { text: f.text.slice(Math.max(0, s - 6), Math.min(f.text.length, e + 6)).replace(/\s+/g, '⏎') }, start: s, end: e, fix: { start: s, end: e, replacement: '', label: fixLabel.plain('validate.fix.deleteBreak') } });
    }
  },
  unit(ctx) {
    let prev: TextField | undefined;
    for (const f of ctx.fields) {
      if (f.kind !== 'paragraph') {
        if (f.kind !== 'caption' && f.kind !== 'credit' && f.kind !== 'attribution') prev = undefined;
        continue;
      }
      if (prev && prev.entry === f.entry) {
        const last = prev.text.trimEnd();
        const tail = isDigit(last[last.length - 1]) ? /(\d+(?:\.\d+)?)$/.exec(last) : null;
        if (tail && /^\s*[\d\u4e00-\u9fff%.]/.test(f.text) && !/^\s*[一二三四五六七八九十]+、/.test(f.text)) {
          const s = tail.index;
          ctx.report(ref(prev), {
            message: 'validate.NUM-NO-BREAK.paragraph',
            params: { number: tail[1]!, next: f.text.trim().slice(0, 8) },
            start: s,
            end: prev.text.length,
          });
        }
      }
      prev = f;
    }
  },
});

export const NUMBER_RULES: RuleDef[] = [NUM_ARABIC, NUM_CN_LEX, NUM_APPROX, NUM_WAN_YI, NUM_RANGE, NUM_YEAR, NUM_GROUP, NUM_NO_BREAK];
