// Units — 法定计量单位 (1984) and the 1990 land-unit reform (UNIT-*).
import { boolParam, param, strParam } from '../params';
import { F, formatNumber, inSpans, quotedSpans, shiftDecimal } from '../text';
import type { LocatedRef, RuleDef, TextField } from '../types';
import { defineRule } from './define';
import { fixLabel } from '../localized';

// ---------------------------------------------------------------------------------------------
// UNIT-LEGAL

interface Conversion {
  /** Factor to the legal unit, or 1 for a plain renaming. */
  factor: number;
  to: string;
  rename?: boolean;
}

function conversions(distance: string): Record<string, Conversion> {
  return {
    亩: { factor: 1 / 15, to: '公顷' },
    市斤: { factor: 0.5, to: '千克' },
    斤: { factor: 0.5, to: '千克' },
    担: { factor: 50, to: '千克' },
    两: { factor: 50, to: '克' },
    公尺: { factor: 1, to: '米', rename: true },
    公分: { factor: 1, to: '厘米', rename: true },
    公升: { factor: 1, to: '升', rename: true },
    英寸: { factor: 2.54, to: '厘米' },
    马力: { factor: 0.7355, to: '千瓦' },
    华里: { factor: 0.5, to: distance },
    市里: { factor: 0.5, to: distance },
    里: { factor: 0.5, to: distance },
    丈: { factor: 10 / 3, to: '米' },
    尺: { factor: 1 / 3, to: '米' },
    寸: { factor: 10 / 3, to: '厘米' },
  };
}

const OLD_UNIT = /(?<![A-Za-z0-9.])(\d+(?:\.\d+)?)(万)?([余多])?\s*(亩|市斤|斤|担|公尺|公分|公升|英寸|马力|华里|市里|里|丈|尺|寸|两)(?![均产程面外])/g;
const PER_MU = /(?:每|\/)亩(?!均)/g;
/**
 * 亩产 with a quantity ("平均亩产1200千克"): a yield per 亩, i.e. a non-legal unit inside a common agricultural term.
 * A hint, not an error: statistical yearbooks still print 亩产 widely, and a house style may allow it
 * (allowPerMuYield). 亩产绩效, 亩产效益, 亩均 (policy terms, no quantity) are not matched.
 */
const MU_YIELD = /亩产量?(?:为|达到?|约|超过?)?\s*(\d+(?:\.\d+)?)(万)?\s*(千克|公斤|斤|吨)/g;

export const UNIT_LEGAL = defineRule({
  id: 'UNIT-LEGAL',
  needsAll: F.UNIT_CHAR,
  family: 'UNIT',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.UNIT-LEGAL.unit', 'validate.UNIT-LEGAL.per', 'validate.UNIT-LEGAL.yield'],
  fixes: 'mixed',
  params: [{ name: 'allowPerMuYield', description: 'validate.param.UNIT-LEGAL.allowPerMuYield', ...param.bool() }],
  defaultParams: () => ({ allowPerMuYield: false }),
  examples: [
    { bad: '消化利用批而未供575亩（004）', good: '消化利用批而未供38.33公顷（换算需确认）' },
    { bad: '新增高标准农田2万余亩', good: '新增高标准农田1333余公顷（换算需确认）' },
    { bad: '水稻平均亩产1200千克', good: '提示：水稻平均每公顷产量18000千克（体例允许“亩产”时不报）' },
    { bad: '“亩均论英雄”综合评价、工业企业亩均效益综合评价（004）；强化亩产绩效（001）', good: '不报：政策名称，不带数量' },
    { bad: '距城区15公尺', good: '距城区15米' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!/[亩斤担两尺升寸丈里]|公分|马力/.test(text)) return; // a character-class scan first: cheap on most text
    const table = conversions(ctx.houseStyle.distanceUnit === '公里' ? '公里' : '千米');
    // "亩产150斤" is one finding (the yield hint below converts the 斤 too), not also a 斤 to convert.
    const yields = text.includes('亩产') && !boolParam(ctx.params, 'allowPerMuYield', false) ? [...text.matchAll(MU_YIELD)].filter((m) => !ctx.quoted(m.index)) : [];
    for (const m of text.matchAll(OLD_UNIT)) {
      if (ctx.quoted(m.index) || yields.some((y) => m.index >= y.index && m.index < y.index + y[0].length)) continue;
      const [all, num, wan, approx, unit] = m;
      const conv = table[unit!]!;
      const value = Number(wan ? shiftDecimal(num!, 4) : num);
      // "2万余亩": an approximate quantity stays approximate ("1333余公顷"), without spurious decimals.
      const converted = conv.rename ? `${num}${wan ?? ''}${approx ?? ''}` : approx ? `${formatNumber(value * conv.factor, value * conv.factor >= 10 ? 0 : 1)}${approx}` : formatNumber(value * conv.factor, 2);
      const expected = `${converted}${conv.to}`;
      const e = m.index + all.length;
      ctx.report({
        message: 'validate.UNIT-LEGAL.unit',
        params: { text: all, unit: unit!, legal: conv.to, expected },
        start: m.index,
        end: e,
        fix: { start: m.index, end: e, replacement: expected, label: conv.rename ? fixLabel.replace(expected) : fixLabel.convert(expected), confirm: !conv.rename },
      });
    }
    for (const m of text.matchAll(PER_MU)) {
      if (ctx.quoted(m.index)) continue;
      ctx.report({ message: 'validate.UNIT-LEGAL.per', params: { text: text.slice(Math.max(0, m.index - 4), m.index + m[0].length) }, start: m.index, end: m.index + m[0].length });
    }
    for (const m of yields) {
      const [all, num, wan, unit] = m;
      const perMu = Number(wan ? shiftDecimal(num!, 4) : num);
      // Per hectare = 15 × per 亩; 斤 and 公斤 become 千克 on the way.
      const kg = unit === '斤' ? 0.5 : 1;
      const to = unit === '吨' ? '吨' : '千克';
      const expected = `每公顷产量${formatNumber(perMu * kg * 15, 2)}${to}`;
      const e = m.index + all.length;
      ctx.report({
        message: 'validate.UNIT-LEGAL.yield',
        params: { text: all, expected },
        start: m.index,
        end: e,
        severity: 'info',
        fix: { start: m.index, end: e, replacement: expected, label: fixLabel.replaceCheck(expected), confirm: true },
      });
    }
  },
});

// ---------------------------------------------------------------------------------------------
// UNIT-SYMBOL

const CONCENTRATION = /(?<![A-Za-z])([uµμ]g|mg|ng)\s*\/\s*(m3|M3|m³)(?![\d²³])/g;
const POWER = /(?<=[\d万]\s?)(km|cm|mm|dm|m)([23])(?![\d.A-Za-z\-²³])/g;
const CASE: Record<string, string> = {
  KG: 'kg',
  Kg: 'kg',
  KM: 'km',
  Km: 'km',
  KW: 'kW',
  Kw: 'kW',
  kw: 'kW',
  KWH: 'kW·h',
  KWh: 'kW·h',
  kWH: 'kW·h',
  Kwh: 'kW·h',
  kwh: 'kW·h',
  kWh: 'kW·h',
  KV: 'kV',
  Kv: 'kV',
  kv: 'kV',
  Mw: 'MW',
  mw: 'MW',
};
const CASE_RE = /(?<=\d\s?万?)(KWH|KWh|kWH|Kwh|kwh|kWh|KG|Kg|KM|Km|KW|Kw|kw|KV|Kv|kv|Mw|mw)(?![A-Za-z])/g;
const MIXED = /(?:(?<![\u4e00-\u9fff])(?:平方米|立方米|千米|公里|千克|公斤|米|克|吨|升)\/(?:km|kg|m²|m³|m|h|s|d)(?![A-Za-z²³])|(?<![A-Za-z])(?:km|kg|m²|m³|m)\/(?:小时|时|秒|天|日|年|人))/g;

export const UNIT_SYMBOL = defineRule({
  id: 'UNIT-SYMBOL',
  needsAny: F.LATIN,
  family: 'UNIT',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.UNIT-SYMBOL.symbol', 'validate.UNIT-SYMBOL.mixed'],
  fixes: 'auto',
  examples: [
    { bad: 'PM2.5浓度均值32.0ug/m3（004）', good: 'PM2.5浓度均值32.0μg/m³' },
    { bad: '改造老旧小区87.3万m2', good: '改造老旧小区87.3万m²' },
    { bad: '车速60km/小时', good: '60km/h 或 60千米/时' },
    { bad: 'PM2.5、G60、M1-28地块', good: '不报' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!/[A-Za-zµμ]/.test(text)) return;
    const report = (s: number, e: number, expected: string) =>
      ctx.report({ message: 'validate.UNIT-SYMBOL.symbol', params: { text: text.slice(s, e), expected }, start: s, end: e, fix: { start: s, end: e, replacement: expected, label: fixLabel.replace(expected) } });
    for (const m of text.matchAll(CONCENTRATION)) {
      const expected = `${m[1] === 'mg' || m[1] === 'ng' ? m[1] : 'μg'}/m³`;
      if (m[0] !== expected) report(m.index, m.index + m[0].length, expected);
    }
    for (const m of text.matchAll(POWER)) report(m.index, m.index + m[0].length, `${m[1]}${m[2] === '2' ? '²' : '³'}`);
    for (const m of text.matchAll(CASE_RE)) report(m.index, m.index + m[0].length, CASE[m[0]]!);
    for (const m of text.matchAll(MIXED)) ctx.report({ message: 'validate.UNIT-SYMBOL.mixed', params: { text: m[0] }, start: m.index, end: m.index + m[0].length });
  },
});

// ---------------------------------------------------------------------------------------------
// UNIT-HOUSE: one unit per quantity across the book

/** 千米 and 公里 after a number, in 平方千米/平方公里 and 每千米/每公里 (not 公里数, 千米级). */
const DISTANCE = /(?<=(?:(?<![\d.])\d+(?:\.\d+)?\s*万?\s*|平方|每))(公里|千米)(?![数级])/g;
/**
 * Pairs of names for one quantity. Both names are legal, so the book's majority decides unless the house style
 * names one (distanceUnit, mass); 千米 wins a tie over 公里, the Chinese name over the symbol.
 */
const PAIRS: { key: 'distance' | 'mass' | 'area' | 'volume'; forms: [string, string]; re: RegExp; any: RegExp }[] = [
  { key: 'distance', forms: ['千米', '公里'], re: DISTANCE, any: /公里|千米/ },
  { key: 'mass', forms: ['千克', '公斤'], re: /(?<=\d\s?万?)(千克|公斤)/g, any: /千克|公斤/ },
  { key: 'area', forms: ['平方米', 'm²'], re: /(?<=\d\s?万?)(平方米|m²)/g, any: /平方米|m²/ },
  { key: 'volume', forms: ['立方米', 'm³'], re: /(?<=\d\s?万?)(立方米|m³)/g, any: /立方米|m³/ },
];

const PAIR_ANY = /千克|公斤|平方米|m²|立方米|m³|公里|千米/;

interface PairFacts {
  [key: string]: [LocatedRef[], LocatedRef[]];
}

function ref(f: TextField) {
  return { nodeId: f.nodeId, nodeKind: f.nodeKind, entry: f.entry, subsection: f.subsection, field: f.field, text: f.text };
}

/** The text around a unit for a message: the number before it ("53公里", "10.98万千米"). */
function quantityAround(text: string, s: number, e: number): string {
  let a = s;
  while (a > 0 && /[\d.万\s平方每]/.test(text[a - 1]!) && s - a < 12) a--;
  return text.slice(a, e).trim();
}

export const UNIT_HOUSE = defineRule({
  id: 'UNIT-HOUSE',
  needsAll: F.UNIT_CHAR,
  family: 'UNIT',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.UNIT-HOUSE.distance', 'validate.UNIT-HOUSE.pair'],
  fixes: 'auto',
  params: [
    { name: 'distanceUnit', description: 'validate.param.UNIT-HOUSE.distanceUnit', house: 'distanceUnit', ...param.oneOf(['auto', '千米', '公里']) },
    { name: 'mass', description: 'validate.param.UNIT-HOUSE.mass', ...param.oneOf(['auto', '千克', '公斤']) },
  ],
  defaultParams: ({ houseStyle }) => ({ distanceUnit: houseStyle.distanceUnit, mass: 'auto' }),
  examples: [
    { bad: '全书多写“千米”，个别处写“新建道路12.5公里”', good: '新建道路12.5千米（随全书多数；体例可指定“千米”或“公里”）' },
    { bad: '全书只写“公里”（004：“实施94条53公里道路建设”）', good: '不报：体例未指定时以全书多数为准' },
    { bad: '全书多写“平方米”，个别处写“m²”', good: '统一为“平方米”' },
  ],
  collect(ctx): PairFacts {
    const facts: PairFacts = {};
    for (const f of ctx.fields) {
      if (!f.text || f.kind === 'attribution' || f.kind === 'credit' || !PAIR_ANY.test(f.text)) continue;
      let quoted: [number, number][] | undefined;
      for (const p of PAIRS) {
        if (!p.any.test(f.text)) continue;
        for (const m of f.text.matchAll(p.re)) {
          // Quoted names keep their wording (“最后一公里” has no number, but “10公里慢行道”工程 is a name).
          if (p.key === 'distance' && inSpans((quoted ??= quotedSpans(f.text)), m.index)) continue;
          const slot = (facts[p.key] ??= [[], []]);
          slot[m[1] === p.forms[0] ? 0 : 1].push(ctx.locate(ref(f), m.index, m.index + m[0].length));
        }
      }
    }
    return facts;
  },
  book(ctx, facts) {
    for (const p of PAIRS) {
      let a = 0;
      let b = 0;
      for (const f of facts as (PairFacts | undefined)[]) {
        a += f?.[p.key]?.[0].length ?? 0;
        b += f?.[p.key]?.[1].length ?? 0;
      }
      let keep: 0 | 1;
      const setting = p.key === 'mass' ? strParam(ctx.params, 'mass', 'auto') : p.key === 'distance' ? strParam(ctx.params, 'distanceUnit', 'auto') : 'auto';
      const fixed = setting !== 'auto';
      if (fixed) keep = setting === p.forms[0] ? 0 : 1;
      else if (a === 0 || b === 0) continue;
      else keep = a >= b ? 0 : 1;
      const other = keep === 0 ? 1 : 0;
      const expected = p.forms[keep];
      facts.forEach((f, i) => {
        for (const at of (f as PairFacts | undefined)?.[p.key]?.[other] ?? []) {
          const fix = ctx.fixAt(at, expected, fixLabel.replace(expected));
          if (fixed && p.key === 'distance') {
            const text = at.fieldText !== undefined ? quantityAround(at.fieldText, at.location.start ?? 0, at.location.end ?? 0) : p.forms[other];
            ctx.reportAt(i, at, { message: 'validate.UNIT-HOUSE.distance', params: { text, unit: p.forms[other], expected }, fixes: fix ? [fix] : [] });
          } else {
            ctx.reportAt(i, at, { message: 'validate.UNIT-HOUSE.pair', params: { text: p.forms[other], expected, count: keep === 0 ? a : b, other: keep === 0 ? b : a }, fixes: fix ? [fix] : [] });
          }
        }
      });
    }
  },
});

export const UNIT_RULES: RuleDef[] = [UNIT_LEGAL, UNIT_SYMBOL, UNIT_HOUSE];
