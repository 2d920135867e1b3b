// Punctuation — GB/T 15834-2011 标点符号用法 (PUN-*).
import { TEXT_AND_TITLE_KINDS } from '../fields';
import { clip, F, isCjk, isDigit, isHan, isLatin, isSpace } from '../text';
import type { Fix, FixLabelSpec, RuleDef, TextContext, TextField } from '../types';
import { defineRule, presets } from './define';
import { fixLabel } from '../localized';

const FULL: Record<string, string> = { ',': '，', '.': '。', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）' };
const URL_RE = /(?:https?:\/\/|www\.)[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;
const OPENING_CJK = '“‘《（〈【';

function urlSpans(text: string): [number, number][] {
  if (!text.includes('http') && !text.includes('www.') && !text.includes('@')) return [];
  const out: [number, number][] = [];
  for (const m of text.matchAll(URL_RE)) out.push([m.index, m.index + m[0].length]);
  return out;
}

function within(spans: [number, number][], i: number): boolean {
  for (const [s, e] of spans) if (i >= s && i < e) return true;
  return false;
}

/** A fix that replaces the two marks of a pair (brackets, quotes) and leaves the text between them alone. */
function pairFix(f: TextField, ctx: TextContext, a: number, b: number, open: string, close: string, label: FixLabelSpec, requiresConfirmation = false): Fix {
  const text = f.text;
  const edits: { start: number; end: number; replacement: string }[] = [];
  if (text[a] !== open) edits.push({ start: a, end: a + 1, replacement: open });
  if (text[b] !== close) edits.push({ start: b, end: b + 1, replacement: close });
  return ctx.fixEdits(edits, label, requiresConfirmation);
}

function hasHan(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (isHan(s[i])) return true;
  return false;
}

/** Whether a half-width mark at i is Chinese punctuation that should be full-width. */
function wantsFullWidth(text: string, i: number): boolean {
  const ch = text[i]!;
  const prev = text[i - 1];
  const next = text[i + 1];
  switch (ch) {
    case ',':
    case ';':
      if (isDigit(prev) && isDigit(next)) return false; // 12,000
      return isCjk(prev) || isHan(next) || (next !== undefined && OPENING_CJK.includes(next));
    case ':':
      if (isDigit(prev) && isDigit(next)) return false; // 8:30
      return isCjk(prev) || isHan(next) || (next !== undefined && OPENING_CJK.includes(next));
    case '.': {
      if (prev === '.' || next === '.') return false; // "..." is PUN-ELLIPSIS
      const closes = prev !== undefined && ('”’）》'.includes(prev) || ('"\')'.includes(prev) && isCjk(text[i - 2])));
      if (!(isHan(prev) || closes)) return false;
      if (isDigit(next) || isLatin(next)) return false;
      // 一.概况 is a serial number (PUN-SERIAL), not a full stop.
      if (i < 8 && /^\s*[一二三四五六七八九十]+$/.test(text.slice(0, i))) return false;
      return true;
    }
    case '?':
    case '!':
      // "yeah!运河" (a brand name): the mark belongs to the Latin word before it.
      if (isLatin(prev)) return false;
      return isCjk(prev) || isHan(next);
  }
  return false;
}

function checkFullWidth(f: TextField, ctx: TextContext): void {
  const text = f.text;
  if (!/[,.;:?!()"']/.test(text)) return;
  const urls = urlSpans(text);

  // Brackets: pair them first, so a pair is one finding with one fix.
  const stack: number[] = [];
  const pairs: [number, number][] = [];
  const lone: number[] = [];
  if (text.includes('(') || text.includes(')')) for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x28 && c !== 0x29 && c !== 0xff08 && c !== 0xff09) continue;
    // (runs only when the text has a half-width bracket)
    const ch = text[i]!;
    if (ch === '(' || ch === '（') stack.push(i);
    else if (ch === ')' || ch === '）') {
      const open = stack.pop();
      if (open === undefined) {
        if (ch === ')') lone.push(i);
      } else if (text[open] === '(' || ch === ')') pairs.push([open, i]);
    }
  }
  for (const open of stack) if (text[open] === '(') lone.push(open);
  for (const [a, b] of pairs) {
    if (within(urls, a)) continue;
    const inner = text.slice(a + 1, b);
    if (!(hasHan(inner) || isCjk(text[a - 1]) || isCjk(text[b + 1]))) continue;
    const expected = `（${inner}）`;
    const fix = pairFix(f, ctx, a, b, '（', '）', fixLabel.plain('validate.fix.fullwidthParens'));
    ctx.report({ message: 'validate.PUN-FULLWIDTH.bracket', params: { text: clip(text.slice(a, b + 1)), expected: clip(expected) }, start: a, end: b + 1, fixes: [fix] });
  }
  // A bracket without its partner is unbalanced: PUN-NEST reports it, and widening it alone would leave it
  // unbalanced ("三年行动计划(2020—2022》", 004), so it is reported here only when PUN-NEST is off.
  const nest = ctx.enabled('PUN-NEST');
  for (const i of lone) {
    if (nest || within(urls, i) || !(isCjk(text[i - 1]) || isCjk(text[i + 1]))) continue;
    const full = FULL[text[i]!]!;
    ctx.report({ message: 'validate.PUN-FULLWIDTH.mark', params: { mark: text[i]!, full }, start: i, end: i + 1, fix: { start: i, end: i + 1, replacement: full, label: fixLabel.replace(full) } });
  }

  // Straight quotes: paired in order of appearance.
  for (const q of ['"', "'"] as const) {
    if (!text.includes(q)) continue;
    const at: number[] = [];
    for (let i = text.indexOf(q); i >= 0; i = text.indexOf(q, i + 1)) {
      if (within(urls, i)) continue;
      if (q === "'" && isLatin(text[i - 1]) && isLatin(text[i + 1])) continue; // Lin'an
      at.push(i);
    }
    const [open, close] = q === '"' ? ['“', '”'] : ['‘', '’'];
    for (let k = 0; k + 1 < at.length; k += 2) {
      const a = at[k]!;
      const b = at[k + 1]!;
      const inner = text.slice(a + 1, b);
      if (!(hasHan(inner) || isCjk(text[a - 1]) || isCjk(text[b + 1]))) continue;
      const expected = `${open}${inner}${close}`;
      const fix = pairFix(f, ctx, a, b, open, close, fixLabel.replace(`${open}${close}`));
      ctx.report({ message: 'validate.PUN-FULLWIDTH.bracket', params: { text: clip(text.slice(a, b + 1)), expected: clip(expected) }, start: a, end: b + 1, fixes: [fix] });
    }
  }

  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x3f || c < 0x21) continue; // most characters: one comparison
    // , . ; : ? ! (0x2c 0x2e 0x3b 0x3a 0x3f 0x21); brackets and quotes were handled above.
    if (c !== 0x2c && c !== 0x2e && c !== 0x3b && c !== 0x3a && c !== 0x3f && c !== 0x21) continue;
    const ch = text[i]!;
    if (!wantsFullWidth(text, i) || within(urls, i)) continue;
    const full = FULL[ch]!;
    // A full-width mark takes no space after it (nor before): "3.0版本上线, 城市管理" is one finding whose fix
    // gives "上线，城市管理", not a new PUN-SPACE finding once the comma is widened.
    let e = i + 1;
    while (isSpace(text[e])) e++;
    if (e === text.length) e = i + 1; // spaces at the end of the text are PUN-SPACE's (edge)
    let s = i;
    while (s > 0 && isSpace(text[s - 1])) s--;
    if (s === 0) s = i;
    if (s === i && e === i + 1) {
      ctx.report({ message: 'validate.PUN-FULLWIDTH.mark', params: { mark: ch, full }, start: i, end: i + 1, fix: { start: i, end: i + 1, replacement: full, label: fixLabel.replace(full) } });
      continue;
    }
    ctx.report({
      message: 'validate.PUN-FULLWIDTH.markSpace',
      params: { mark: ch, full, text: text.slice(Math.max(0, s - 2), Math.min(text.length, e + 2)) },
      start: s,
      end: e,
      fix: { start: s, end: e, replacement: full, label: fixLabel.replaceDropSpace(full) },
    });
  }
}

export const PUN_FULLWIDTH = defineRule({
  id: 'PUN-FULLWIDTH',
  needsAny: F.HALF_PUNCT,
  family: 'PUN',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.PUN-FULLWIDTH.mark', 'validate.PUN-FULLWIDTH.markSpace', 'validate.PUN-FULLWIDTH.bracket'],
  fixes: 'auto',
  fieldKinds: TEXT_AND_TITLE_KINDS,
  examples: [
    { bad: '2021年,区政府坚持以习近平新时代中国特色社会主义思想为指导,贯彻落实…（002）', good: '2021年，区政府坚持…为指导，贯彻落实…' },
    { bad: '绝对值和占地区生产总值比重均列全市区县(市)第一位;（002）', good: '…均列全市区县（市）第一位；' },
    { bad: '“城市眼·云共治”3.0版本上线, 城市管理场景（004）', good: '…3.0版本上线，城市管理场景（逗号后的空格一并删去）' },
    { bad: '同比增长3.5%；12,000人；8:30；Hangzhou, China；www.gov.cn', good: '不报：小数点、千分位、时刻、外文和网址中的半角符号' },
  ],
  text: checkFullWidth,
});

// ---------------------------------------------------------------------------------------------

const SPACE_RUN = /[ \t\u3000\u00a0]+/g;

/** The words around [s, e) for a message: whole numbers kept whole ("投资项目 771 个"), one or two characters of Chinese. */
function around(text: string, s: number, e: number): string {
  let a = s;
  while (a > 0 && /[\d.%A-Za-z]/.test(text[a - 1]!)) a--;
  a = Math.max(0, a - 2);
  let b = e;
  while (b < text.length && /[\d.%A-Za-z]/.test(text[b]!)) b++;
  b = Math.min(text.length, b + 2);
  return text.slice(a, b);
}

export const PUN_SPACE = defineRule({
  id: 'PUN-SPACE',
  needsAny: F.SPACE,
  family: 'PUN',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.PUN-SPACE.inner', 'validate.PUN-SPACE.words', 'validate.PUN-SPACE.latin', 'validate.PUN-SPACE.edge'],
  fixes: 'mixed',
  fieldKinds: TEXT_AND_TITLE_KINDS,
  examples: [
    { bad: '分目标题“综 述”“消 防”（002）', good: '综述、消防' },
    { bad: '2020 年，区投资项目…（000 第353–373行）', good: '2020年，区投资项目…' },
    { bad: '“1 Call”在线咨询系统', good: '不报：外文词之间的空格' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!/[ \t\u3000\u00a0]/.test(text)) return;
    const runs: [number, number][] = [];
    for (const m of text.matchAll(SPACE_RUN)) runs.push([m.index, m.index + m[0].length]);
    for (let r = 0; r < runs.length; r++) {
      const [s, e] = runs[r]!;
      if (s === 0 || e === text.length) {
        if (f.kind === 'cell' && text.trim() === '') continue;
        ctx.report({ message: 'validate.PUN-SPACE.edge', start: s, end: e, fix: { start: s, end: e, replacement: '', label: fixLabel.plain('validate.fix.deleteEdgeSpaces') } });
        continue;
      }
      const prev = text[s - 1];
      const next = text[e];
      const cjkPrev = isCjk(prev);
      const cjkNext = isCjk(next);
      if (!(cjkPrev || cjkNext)) continue;
      const other = cjkPrev ? next : prev;
      if (!(isCjk(other) || isDigit(other) || isLatin(other) || other === '%')) continue;
      const after = runs[r + 1];
      // A Latin word between Chinese words with spaces around it ("精神 and 省政府"): one finding; the word itself
      // is probably the problem, so removing the spaces needs confirmation.
      // Grades and acronyms ("C 级", "亲清 D 小二") are treated like numbers below.
      if (isLatin(next) && after && /^[A-Za-z]+$/.test(text.slice(e, after[0])) && !/^[A-Z]{1,6}$/.test(text.slice(e, after[0])) && isCjk(text[after[1]]) && isCjk(prev)) {
        const [s2, e2] = after;
        r++;
        const fix = ctx.fixEdits([{ start: s, end: e, replacement: '' }, { start: s2, end: e2, replacement: '' }], fixLabel.plain('validate.fix.deleteSpacesAroundForeign'), true);
        ctx.report({ message: 'validate.PUN-SPACE.latin', params: { text: around(text, s, e2), word: text.slice(e, s2) }, start: s, end: e2, fixes: [fix] });
        continue;
      }
      // Spaces on both sides of a number ("投资项目 771 个") are one finding with one fix.
      if ((isDigit(next) || isLatin(next)) && after && /^(?:[\d.,%]+|[A-Z]{1,6})$/.test(text.slice(e, after[0])) && isCjk(text[after[1]])) {
        const [s2, e2] = after;
        r++;
        const fix = ctx.fixEdits([{ start: s, end: e, replacement: '' }, { start: s2, end: e2, replacement: '' }], fixLabel.plain('validate.fix.deleteSpacesAround'));
        ctx.report({ message: 'validate.PUN-SPACE.inner', params: { text: around(text, s, e2) }, start: s, end: e2, fixes: [fix] });
        continue;
      }
      const quote = around(text, s, e);
      // Between two words of two or more Han characters the space may separate two names (a list in a
      // table cell, a slogan in quotes): ask, offering the 顿号 first in tables.
      const words = isHan(prev) && isHan(next) && isHan(text[s - 2]) && isHan(text[e + 1]);
      if (words && f.kind !== 'entryTitle' && f.kind !== 'sectionTitle' && f.kind !== 'subsectionTitle' && f.kind !== 'categoryTitle') {
        if (ctx.quoted(s)) continue;
        const remove = ctx.fix(s, e, '', fixLabel.plain('validate.fix.deleteSpace'), true);
        const comma = ctx.fix(s, e, '、', fixLabel.plain('validate.fix.toDunhao'), true);
        ctx.report({ message: 'validate.PUN-SPACE.words', params: { text: quote }, start: s, end: e, fixes: f.kind === 'cell' ? [comma, remove] : [remove, comma] });
        continue;
      }
      ctx.report({ message: 'validate.PUN-SPACE.inner', params: { text: quote }, start: s, end: e, fix: { start: s, end: e, replacement: '', label: fixLabel.plain('validate.fix.deleteSpace') } });
    }
  },
});

// ---------------------------------------------------------------------------------------------

const TIME_UNIT = /^\s*(?:年|月|日|时|点|季度|世纪|周年)/;
const RANGE_RE = /(?<![A-Za-z0-9.\-/_#·])(\d+(?:\.\d+)?[%‰]?)(\s*)([-－–~〜～—−])(\s*)(\d+(?:\.\d+)?)(?![\d\-/A-Za-z]|\.\d)/g;

export const PUN_DASH = defineRule({
  id: 'PUN-DASH',
  needsAll: F.DASH | F.DIGIT,
  family: 'PUN',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.PUN-DASH.time', 'validate.PUN-DASH.number'],
  fixes: 'auto',
  examples: [
    { bad: '1-12月，大气环境优良率91.5%（004）', good: '1—12月，大气环境优良率91.5%' },
    { bad: '移动端问题的修复时效1-2个工作日（004）', good: '1～2个工作日' },
    { bad: '同比增长15%-20%；气温5-10℃', good: '15%～20%；5～10℃' },
    { bad: 'C2-05地块、GS0403-24地块、0571-88888888', good: '不报：编号、地块号、电话号码中的连接号' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!/[-－–~〜～—−]/.test(text) || !/\d[%‰]?\s*[-－–~〜～—−]\s*\d/.test(text)) return;
    for (const m of text.matchAll(RANGE_RE)) {
      const [, a, , sep, , b] = m;
      if (/^0\d/.test(a!) || /^0\d/.test(b!)) continue; // codes and phone numbers: 0571-…, 2020-001号
      const end = m.index + m[0].length;
      const after = text.slice(end, end + 4);
      let expected: string;
      let key: 'validate.PUN-DASH.time' | 'validate.PUN-DASH.number';
      if (TIME_UNIT.test(after)) {
        expected = '—';
        key = 'validate.PUN-DASH.time';
      } else if ((/^\s*(?:[万亿]|%|‰|℃|°|[\u4e00-\u9fff])/.test(after) || /[%‰]$/.test(a!)) && !/^\s*[、，。；：）》”]/.test(after)) {
        expected = '～';
        key = 'validate.PUN-DASH.number';
      } else continue;
      if (sep === expected && !m[2] && !m[4]) continue;
      if (expected === '—' && sep === '—') continue; // spaces around a correct dash are PUN-SPACE's business
      const s = m.index + a!.length;
      const e = end - b!.length;
      const fixed = `${a}${expected}${b}`;
      ctx.report({ message: key, params: { text: text.slice(m.index, end), expected: fixed }, start: m.index, end, fix: { start: s, end: e, replacement: expected, label: fixLabel.replace(expected) } });
    }
  },
});

// ---------------------------------------------------------------------------------------------

export const PUN_NO_DUNHAO = defineRule({
  id: 'PUN-NO-DUNHAO',
  needsAny: F.DUNHAO,
  family: 'PUN',
  kind: 'Y',
  defaultSeverity: 'warning',
  appliesTo: 'all',
  messages: ['validate.PUN-NO-DUNHAO.between'],
  fixes: 'auto',
  examples: [
    { bad: '审议《实施方案》、《实施意见》', good: '审议《实施方案》《实施意见》' },
    { bad: '新增“便捷泊车”“舒心就医”“畅快出行”等应用场景（000）', good: '不报（已无顿号）' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!text.includes('、')) return;
    for (const m of text.matchAll(/[》”]、(?=[《“])/g)) {
      const i = m.index + 1;
      // Only between items that are wholly quoted: the next item must end at a boundary ("“A”、“B”等",
      // "“A”、“B”、…"); in "“安全生产月”、“119”消防宣传月" the second item goes on after its quote.
      const close = text[i + 1] === '《' ? '》' : '”';
      const end = text.indexOf(close, i + 2);
      if (end < 0 || !/^(?:$|[、，。；：！？）]|等|和|及|与)/.test(text.slice(end + 1, end + 2))) continue;
      ctx.report({
        message: 'validate.PUN-NO-DUNHAO.between',
        params: { text: clip(text.slice(text.lastIndexOf(text[i - 1] === '》' ? '《' : '“', i), end + 1), 30) },
        start: i,
        end: i + 1,
        fix: { start: i, end: i + 1, replacement: '', label: fixLabel.plain('validate.fix.deleteDunhao') },
      });
    }
  },
});

// ---------------------------------------------------------------------------------------------

export const PUN_ELLIPSIS = defineRule({
  id: 'PUN-ELLIPSIS',
  needsAny: F.HALF_PUNCT | F.ELLIPSIS,
  family: 'PUN',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.PUN-ELLIPSIS.form', 'validate.PUN-ELLIPSIS.deng'],
  fixes: 'auto',
  examples: [
    { bad: '开展培训、宣传、演练...', good: '开展培训、宣传、演练……' },
    { bad: '教育、卫生、文化……等', good: '教育、卫生、文化……' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!/\.\.\.|。。。|…/.test(text)) return;
    for (const m of text.matchAll(/\.{3,}|。{3,}|…+/g)) {
      const s = m.index;
      const e = s + m[0].length;
      const run = m[0];
      if (run[0] === '…' && (run.length === 2 || run.length === 4)) {
        const deng = /^等等?/.exec(text.slice(e));
        if (deng) ctx.report({ message: 'validate.PUN-ELLIPSIS.deng', params: { text: text.slice(s, e + deng[0].length) }, start: s, end: e + deng[0].length, fix: { start: e, end: e + deng[0].length, replacement: '', label: fixLabel.remove('等') } });
        continue;
      }
      if (run[0] === '.' && (isDigit(text[s - 1]) || isLatin(text[s - 1])) && !isCjk(text[e])) continue; // 1...n, etc...
      ctx.report({ message: 'validate.PUN-ELLIPSIS.form', params: { text: run }, start: s, end: e, fix: { start: s, end: e, replacement: '……', label: fixLabel.replace('……') } });
    }
  },
});

// ---------------------------------------------------------------------------------------------

const CLOSER_OF: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '〈': '〉', '（': '）', '(': ')', '【': '】', '[': ']' };
const OPENERS_OF: Record<string, string> = { '”': '“', '’': '‘', '》': '《', '〉': '〈', '）': '（(', ')': '(（', '】': '【', ']': '[' };
const INNER_OF: Record<string, [string, string]> = { '“': ['‘', '’'], '《': ['〈', '〉'] };
const MARK_CHAR = new Map([...'“”‘’《》〈〉（）()【】[]'].map((c) => [c.charCodeAt(0), c] as const));

/** “ ” ‘ ’ 《 》 〈 〉 【 】 （ ） ( ) [ ] — tested by code ranges, as this runs on every character. */
function isPairMark(c: number): boolean {
  if (c < 0x2018) return c === 0x28 || c === 0x29 || c === 0x5b || c === 0x5d;
  if (c <= 0x201d) return c !== 0x201a && c !== 0x201b;
  if (c < 0x3008) return false;
  if (c <= 0x3011) return c <= 0x300b || c >= 0x3010;
  return c === 0xff08 || c === 0xff09;
}

export const PUN_NEST = defineRule({
  id: 'PUN-NEST',
  needsAny: F.PAIR,
  family: 'PUN',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.PUN-NEST.unclosed', 'validate.PUN-NEST.unopened', 'validate.PUN-NEST.nested'],
  fixes: 'mixed',
  fieldKinds: TEXT_AND_TITLE_KINDS,
  examples: [
    { bad: '推进“最多跑一次改革', good: '推进“最多跑一次”改革' },
    { bad: '《关于印发《实施办法》的通知》', good: '《关于印发〈实施办法〉的通知》' },
    { bad: '“关于加强垃圾‘减量化’处理的建议”办理（003）', good: '不报（嵌套正确）' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!/[“”‘’《》〈〉（）()【】[\]]/.test(text)) return;
    const stack: { ch: string; at: number }[] = [];
    const marks: number[] = [];
    for (let i = 0; i < text.length; i++) if (isPairMark(text.charCodeAt(i))) marks.push(i);
    for (let m = 0; m < marks.length; m++) {
      const i = marks[m]!;
      const ch = MARK_CHAR.get(text.charCodeAt(i))!; // a constant string: no allocation per mark
      if (ch in CLOSER_OF) {
        const openSame = ch in INNER_OF ? stack.findIndex((s) => s.ch === ch) : -1;
        if (openSame >= 0) {
          // The same mark opened again: a nested quote written with the outer marks — or the earlier one was
          // never closed. Nested only when, after this pair closes, the earlier one closes in the same sentence.
          const close = CLOSER_OF[ch]!;
          const j = text.indexOf(close, i + 1);
          const k = j > 0 ? text.indexOf(close, j + 1) : -1;
          const nested = j > 0 && k > 0 && !text.slice(j, k).includes(ch) && !/[。！？]/.test(text.slice(j, k - 1)) && !/[。！？]/.test(text.slice(stack[openSame]!.at, i));
          if (nested) {
            const [io, ic] = INNER_OF[ch]!;
            const inner = text.slice(i, j + 1);
            const expected = `${io}${inner.slice(1, -1)}${ic}`;
            ctx.report({
              message: 'validate.PUN-NEST.nested',
              params: { text: clip(inner), expected: clip(expected) },
              start: i,
              end: j + 1,
              fixes: [pairFix(f, ctx, i, j, io, ic, fixLabel.replace(`${io}${ic}`))],
            });
            while (m + 1 < marks.length && marks[m + 1]! <= j) m++; // the inner pair is handled
            continue;
          }
          // The earlier mark was never closed: report it and start afresh from this one.
          const o = stack[openSame]!;
          ctx.report({ message: 'validate.PUN-NEST.unclosed', params: { mark: o.ch, context: text.slice(o.at, o.at + 10) }, start: o.at, end: o.at + 1 });
          stack.splice(openSame, 1);
        }
        stack.push({ ch, at: i });
      } else if (ch in OPENERS_OF) {
        const openers = OPENERS_OF[ch]!;
        if (ch === '’' && isLatin(text[i - 1]) && isLatin(text[i + 1])) continue; // Lin’an
        let top = stack.length - 1;
        while (top >= 0 && !openers.includes(stack[top]!.ch)) top--;
        if (top < 0) {
          ctx.report({ message: 'validate.PUN-NEST.unopened', params: { mark: ch, context: text.slice(Math.max(0, i - 8), i + 1) }, start: i, end: i + 1 });
          continue;
        }
        for (let u = stack.length - 1; u > top; u--) {
          const o = stack[u]!;
          ctx.report({ message: 'validate.PUN-NEST.unclosed', params: { mark: o.ch, context: text.slice(o.at, o.at + 10) }, start: o.at, end: o.at + 1 });
        }
        stack.length = top;
      }
    }
    for (const o of stack) ctx.report({ message: 'validate.PUN-NEST.unclosed', params: { mark: o.ch, context: text.slice(o.at, o.at + 10) }, start: o.at, end: o.at + 1 });
  },
});

// ---------------------------------------------------------------------------------------------

const CN_NUM = '[一二三四五六七八九十]+';
const SERIAL_START = [
  // （一）、 → （一）   （1）、 → （1）
  { re: new RegExp(`^(（(?:${CN_NUM}|\\d{1,2})）)\\s*[、，,.．]`), repl: (m: RegExpExecArray) => ({ s: m[1]!.length, replacement: '' }) },
  // 一. 一， → 一、
  { re: new RegExp(`^(${CN_NUM})\\s*[.．，,](?!\\d)`), repl: (m: RegExpExecArray) => ({ s: m[1]!.length, replacement: '、' }) },
  // 1、 1， 1． → 1.
  { re: /^(\d{1,2})\s*[、，,．](?![\d、])/, repl: (m: RegExpExecArray) => ({ s: m[1]!.length, replacement: '.' }) },
];

export const PUN_SERIAL = defineRule({
  id: 'PUN-SERIAL',
  family: 'PUN',
  kind: 'Y',
  defaultSeverity: 'error',
  appliesTo: 'all',
  messages: ['validate.PUN-SERIAL.mark'],
  fixes: 'auto',
  fieldKinds: ['paragraph', 'heading', 'cell', 'footnote'],
  examples: [
    { bad: '（一）、经济社会发展主要预期目标', good: '（一）经济社会发展主要预期目标' },
    { bad: '一.全面筑牢疫情防线', good: '一、全面筑牢疫情防线' },
    { bad: '1、推动企业复工复产', good: '1.推动企业复工复产' },
    { bad: '地铁1、2号线', good: '不报：并列的数字不是序号' },
  ],
  text(f, ctx) {
    const text = f.text;
    const lead = text.length - text.trimStart().length;
    const body = text.slice(lead);
    for (const { re, repl } of SERIAL_START) {
      const m = re.exec(body);
      if (!m) continue;
      const { s, replacement } = repl(m);
      const start = lead + s;
      const end = lead + m[0].length;
      const serial = text.slice(lead, start);
      ctx.report({
        message: 'validate.PUN-SERIAL.mark',
        params: { text: text.slice(lead, end), expected: serial + replacement },
        start: lead,
        end,
        fix: { start: start, end: end, replacement: replacement, label: replacement ? fixLabel.replace(`${serial}${replacement}`) : fixLabel.remove(text.slice(start, end)) },
      });
      return;
    }
    // Inside the text, after a full stop or semicolon: （一）、 / （1），
    if (!text.includes('）、') && !text.includes('），')) return;
    for (const m of text.matchAll(/(?<=[。；：])（(?:[一二三四五六七八九十]+|\d{1,2})）[、，]/g)) {
      const e = m.index + m[0].length;
      ctx.report({ message: 'validate.PUN-SERIAL.mark', params: { text: m[0], expected: m[0].slice(0, -1) }, start: m.index, end: e, fix: { start: e - 1, end: e, replacement: '', label: fixLabel.remove(m[0].slice(-1)) } });
    }
  },
});

// ---------------------------------------------------------------------------------------------

const NOT_A_TITLE = /(?:会议|大会|座谈会|推进会|研讨会|发布会|论坛|峰会|活动|大赛|比赛|竞赛|运动会|博览会|展览会|交易会|节|奖|称号|委员会|协会|学会|研究会|有限公司|集团)$/;

export const PUN_BOOKMARK_SCOPE = defineRule({
  id: 'PUN-BOOKMARK-SCOPE',
  needsAny: F.PAIR,
  family: 'PUN',
  kind: 'P',
  defaultSeverity: 'info',
  appliesTo: 'all',
  messages: ['validate.PUN-BOOKMARK-SCOPE.name'],
  why: 'validate.PUN-BOOKMARK-SCOPE.why',
  fixes: 'mixed',
  presets: presets.heuristic('info', 'warning'),
  examples: [
    { bad: '举办《第二届运河文化艺术节》', good: '举办第二届运河文化艺术节（或加引号）' },
    { bad: '审议《杭州市临安区突发事件总体应急预案》（000）', good: '不报：文件名用书名号' },
  ],
  text(f, ctx) {
    const text = f.text;
    if (!text.includes('《')) return;
    for (const m of text.matchAll(/《([^《》]{2,40})》/g)) {
      const name = m[1]!;
      const hit = NOT_A_TITLE.exec(name);
      if (!hit) continue;
      // 《…工作会议纪要》 ends in 纪要, not 会议, so it is not caught; a programme (节目) keeps its 书名号.
      const s = m.index;
      const e = s + m[0].length;
      ctx.report({
        message: 'validate.PUN-BOOKMARK-SCOPE.name',
        params: { text: m[0] },
        whyParams: { ending: hit[0] },
        start: s,
        end: e,
        fixes: [pairFix(f, ctx, s, e - 1, '“', '”', fixLabel.plain('validate.fix.toQuotes'), true)],
      });
    }
  },
});

export const PUNCTUATION_RULES: RuleDef[] = [PUN_FULLWIDTH, PUN_DASH, PUN_NO_DUNHAO, PUN_ELLIPSIS, PUN_NEST, PUN_SERIAL, PUN_BOOKMARK_SCOPE, PUN_SPACE];

