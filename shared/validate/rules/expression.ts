// Expression (EXP-*): 民国纪年, 港澳台 and 国家, full names before abbreviations.
import { param } from '../params';
import { parseChineseNumeral } from '../text';
import type { LocatedRef, RuleDef } from '../types';
import { defineRule, presets } from './define';
import { fixLabel } from '../localized';

const ROC = /(?:中华)?民国\s*(\d{1,3}|[一二三四五六七八九十〇零]{1,4})\s*年(?:\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月)?/g;

export const EXP_ERA = defineRule({
  id: 'EXP-ERA',
  family: 'EXP',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.EXP-ERA.roc'],
  fixes: 'auto',
  examples: [
    { bad: '民国39年，该校迁址', good: '1950年，该校迁址' },
    { bad: '民国二十六年（1937年）建校', good: '不报：1949年10月1日以前可用民国纪年' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!text.includes('民国')) return;
    for (const m of text.matchAll(ROC)) {
      const n = /^\d+$/.test(m[1]!) ? Number(m[1]) : parseChineseNumeral(m[1]!.replace(/〇|零/g, ''));
      if (n === null) continue;
      const year = 1911 + n;
      const month = m[2] ? (/^\d+$/.test(m[2]) ? Number(m[2]) : parseChineseNumeral(m[2])) : null;
      if (year < 1949 || (year === 1949 && (month === null || month < 10))) continue;
      const e = m.index + m[0].length;
      const expected = `${year}年${month ? `${month}月` : ''}`;
      ctx.report({ message: 'validate.EXP-ERA.roc', params: { text: m[0], expected }, start: m.index, end: e, fix: { start: m.index, end: e, replacement: expected, label: fixLabel.replace(expected) } });
    }
  },
});

// ---------------------------------------------------------------------------------------------

const HMT = /香港|澳门|台湾/;
const COUNTRIES = /(\d+|[一二三四五六七八九十百]+)\s*个国家(?!和地区|及地区|（地区）|\(地区\)|或地区)/;

export const EXP_HMT = defineRule({
  id: 'EXP-HMT',
  family: 'EXP',
  kind: 'P',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.EXP-HMT.countries'],
  why: 'validate.EXP-HMT.why',
  fixes: 'none',
  presets: presets.heuristic('warning', 'warning'),
  examples: [
    { bad: '产品出口美国、日本、香港等12个国家', good: '产品出口美国、日本和香港等12个国家和地区' },
    { bad: '与20个国家和地区开展经贸合作', good: '不报' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!HMT.test(text) || !text.includes('国家')) return;
    let start = 0;
    for (const sentence of text.split(/(?<=[。；！？])/)) {
      const end = start + sentence.length;
      const hmt = HMT.exec(sentence);
      const c = COUNTRIES.exec(sentence);
      if (hmt && c) {
        const s = start + c.index;
        ctx.report({ message: 'validate.EXP-HMT.countries', params: { text: c[0], place: hmt[0] }, start: s, end: s + c[0].length, whyParams: { place: hmt[0] } });
      }
      start = end;
    }
  },
});

// ---------------------------------------------------------------------------------------------

interface Abbrev {
  full: string;
  short: string;
}

interface FullnameFacts {
  /** Per abbreviation pair (by index): first position of the full name and of the short name in this unit. */
  first: ({ full?: number; short?: { ord: number; at: LocatedRef } } | undefined)[];
}

function pairs(params: Record<string, unknown>): Abbrev[] {
  const v = params.abbreviations;
  return Array.isArray(v) ? (v as Abbrev[]).filter((p) => p && typeof p.full === 'string' && typeof p.short === 'string' && p.full && p.short) : [];
}

export const EXP_FULLNAME = defineRule({
  id: 'EXP-FULLNAME',
  family: 'EXP',
  kind: 'P',
  defaultSeverity: 'info',
  appliesTo: 'all',
  messages: ['validate.EXP-FULLNAME.first'],
  why: 'validate.EXP-FULLNAME.why',
  fixes: 'none',
  presets: presets.heuristic('info', 'warning'),
  params: [{ name: 'abbreviations', description: 'validate.param.EXP-FULLNAME.abbreviations', ...param.pairs() }],
  defaultParams: () => ({ abbreviations: [] }),
  examples: [
    { bad: '简称表有 {全称: 杭州市临安区行政审批服务管理办公室, 简称: 区审管办}，全书第一次出现写“区审管办”', good: '第一次写全称（简称），以后用简称' },
  ],
  collect(ctx): FullnameFacts {
    const list = pairs(ctx.params);
    const first: FullnameFacts['first'] = list.map(() => undefined);
    if (!list.length) return { first };
    for (const f of ctx.fields) {
      if (!f.text || f.kind === 'attribution' || f.kind === 'credit') continue;
      list.forEach((p, k) => {
        const slot = first[k] ?? {};
        if (slot.full === undefined && f.text.includes(p.full)) slot.full = f.ord + f.text.indexOf(p.full) / 1e6;
        if (slot.short === undefined) {
          // The short name inside the full name ("区审管办" inside a longer name) does not count.
          let i = f.text.indexOf(p.short);
          while (i >= 0) {
            const fullAt = f.text.lastIndexOf(p.full, i);
            if (!(fullAt >= 0 && fullAt + p.full.length > i)) break;
            i = f.text.indexOf(p.short, i + 1);
          }
          if (i >= 0) slot.short = { ord: f.ord + i / 1e6, at: ctx.locate({ nodeId: f.nodeId, nodeKind: f.nodeKind, entry: f.entry, subsection: f.subsection, field: f.field, text: f.text }, i, i + p.short.length) };
        }
        if (slot.full !== undefined || slot.short !== undefined) first[k] = slot;
      });
    }
    return { first };
  },
  book(ctx, facts) {
    const list = pairs(ctx.params);
    list.forEach((p, k) => {
      for (let unit = 0; unit < facts.length; unit++) {
        const slot = (facts[unit] as FullnameFacts | undefined)?.first[k];
        if (!slot) continue;
        if (slot.full !== undefined && (slot.short === undefined || slot.full <= slot.short.ord)) return; // full name first: fine
        if (slot.short) {
          ctx.reportAt(unit, slot.short.at, { message: 'validate.EXP-FULLNAME.first', params: { short: p.short, full: p.full }, whyParams: { short: p.short, full: p.full } });
          return;
        }
      }
    });
  },
});

export const EXPRESSION_RULES: RuleDef[] = [EXP_ERA, EXP_HMT, EXP_FULLNAME];
