// Character classes and small text helpers shared by the rules. Everything works on UTF-16 offsets,
// like the model's marks, so ranges can be handed to the editor unchanged.

/** Han ideographs (BMP blocks; astral ideographs are surrogate pairs and count as CJK via the pair). */
export const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** Full-width (CJK) punctuation and symbols. */
export const CJK_PUNCT = '\\u3000-\\u303f\\uff01-\\uff0f\\uff1a-\\uff20\\uff3b-\\uff40\\uff5b-\\uff65\\u2014\\u2026\\u2018\\u2019\\u201c\\u201d\\u00b7';

export function isHan(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f);
}

/** Full-width punctuation (。，、；：？！“”‘’（）《》〈〉【】…—·). */
export function isCjkPunct(ch: string | undefined): boolean {
  if (!ch) return false;
  const c = ch.charCodeAt(0);
  return (
    (c >= 0x3000 && c <= 0x303f) ||
    (c >= 0xff01 && c <= 0xff0f) ||
    (c >= 0xff1a && c <= 0xff20) ||
    (c >= 0xff3b && c <= 0xff40) ||
    (c >= 0xff5b && c <= 0xff65) ||
    c === 0x2014 ||
    c === 0x2026 ||
    c === 0x2018 ||
    c === 0x2019 ||
    c === 0x201c ||
    c === 0x201d ||
    c === 0x00b7
  );
}

/** Han character or full-width punctuation: the "Chinese text" side of a mark. */
export function isCjk(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isLatin(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z'));
}

export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u3000' || ch === '\u00a0';
}

/**
 * Quoted spans of a text: “…”, ‘…’, 《…》 and 〈…〉 (nested ones included). Names of policies, documents
 * and slogans live there and are exempt from most wording rules (“亩均论英雄”, 《…（2020-2022年）》).
 * Returned as sorted, non-overlapping [start, end) ranges covering the marks themselves.
 */
export function quotedSpans(text: string, bookTitlesOnly = false): [number, number][] {
  const spans: [number, number][] = [];
  const opens = bookTitlesOnly ? '《' : '“‘《〈';
  const closeOf: Record<string, string> = { '“': '”', '‘': '’', '《': '》', '〈': '〉' };
  let depth = 0;
  let start = -1;
  const stack: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (opens.includes(ch)) {
      if (depth === 0) start = i;
      stack.push(closeOf[ch]!);
      depth++;
    } else if (depth > 0 && ch === stack[stack.length - 1]) {
      stack.pop();
      depth--;
      if (depth === 0) spans.push([start, i + 1]);
    }
  }
  // An unclosed quote: treat as quoted up to the end of the sentence it opens, not the whole text.
  if (depth > 0 && start >= 0) {
    const stop = text.slice(start).search(/[。！？；]/);
    spans.push([start, stop < 0 ? text.length : start + stop + 1]);
  }
  return spans;
}

export function inSpans(spans: readonly [number, number][], i: number): boolean {
  // Spans are few per text; a linear scan beats a binary search at this size.
  for (const [s, e] of spans) {
    if (i < s) return false;
    if (i < e) return true;
  }
  return false;
}

/** The text around [start, end) with at most `radius` characters each side, cut with … . */
export function contextOf(text: string, start: number, end: number, radius = 12): string {
  const a = Math.max(0, start - radius);
  const b = Math.min(text.length, end + radius);
  const mid = text.slice(a, b);
  return `${a > 0 ? '…' : ''}${mid.includes('\n') ? mid.replace(/\s*\n\s*/g, ' ') : mid}${b < text.length ? '…' : ''}`;
}

/** Before/after preview of replacing [start, end) with `replacement`. */
export function previewOf(text: string, start: number, end: number, replacement: string, radius = 12): { before: string; after: string } {
  const a = Math.max(0, start - radius);
  const b = Math.min(text.length, end + radius);
  const pre = `${a > 0 ? '…' : ''}${text.slice(a, start)}`;
  const post = `${text.slice(end, b)}${b < text.length ? '…' : ''}`;
  return { before: `${pre}${text.slice(start, end)}${post}`, after: `${pre}${replacement}${post}` };
}

/** Shortens a quotation for a message: the first and last few characters around an ellipsis. */
export function clip(s: string, max = 24): string {
  if (s.length <= max) return s;
  const half = Math.floor((max - 1) / 2);
  return `${s.slice(0, half)}…${s.slice(s.length - half)}`;
}

/** Characters without whitespace (a surrogate pair counts two; fine for limits, not for statistics). */
export function countNonSpace(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x09 && c !== 0x0d && c !== 0x3000 && c !== 0xa0) n++;
  }
  return n;
}

/** Counts the characters of a title as editors do: every non-whitespace character. */
export function titleLength(title: string): number {
  let n = 0;
  for (const ch of title) if (!/\s/.test(ch)) n++;
  return n;
}

// ---------------------------------------------------------------------------------------------
// Numbers

const CN_DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/**
 * Value of a Chinese numeral below 10^8 written with place words (三千二百五十, 十五, 二十万), or of a digit
 * string written digit by digit (二〇二〇). Returns null for anything else.
 */
export function parseChineseNumeral(s: string): number | null {
  if (!s) return null;
  if (/^[〇零一二三四五六七八九]+$/.test(s) && s.length >= 2 && !/^[零〇]/.test(s)) {
    // Digit by digit (years): 二〇二〇 → 2020. Two characters such as 二三 are approximations, not numbers.
    if (s.length < 3) return null;
    let v = 0;
    for (const ch of s) v = v * 10 + CN_DIGIT[ch]!;
    return v;
  }
  let total = 0;
  let section = 0;
  let digit = -1;
  for (const ch of s) {
    if (ch in CN_DIGIT) {
      if (digit >= 0 && CN_DIGIT[ch] !== 0 && digit !== 0) return null; // two digits in a row: 三四 (approximation)
      digit = CN_DIGIT[ch]!;
    } else if (ch in CN_UNIT) {
      section += (digit < 0 ? 1 : digit) * CN_UNIT[ch]!;
      digit = -1;
    } else if (ch === '万') {
      total += (section + (digit > 0 ? digit : 0)) * 10000;
      section = 0;
      digit = -1;
    } else return null;
  }
  return total + section + (digit > 0 ? digit : 0);
}

/** Multiplies a decimal string by 10^k without floating-point noise: ("1.5", 3) → "1500". */
export function shiftDecimal(num: string, k: number): string {
  const [int = '0', frac = ''] = num.split('.');
  const digits = int + frac;
  const point = int.length + k;
  let out: string;
  if (point >= digits.length) out = digits + '0'.repeat(point - digits.length);
  else if (point <= 0) out = `0.${'0'.repeat(-point)}${digits}`;
  else out = `${digits.slice(0, point)}.${digits.slice(point)}`;
  out = out.replace(/^0+(?=\d)/, '');
  if (out.includes('.')) out = out.replace(/\.?0+$/, '');
  return out || '0';
}

/** A number with at most `decimals` decimals, trailing zeros dropped: 1433.3333 → "1433.33". */
export function formatNumber(v: number, decimals = 2): string {
  const s = v.toFixed(decimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

/** Arabic digits of a Chinese-numeral year: 二〇二〇 → "2020"; null when not four numerals. */
export function chineseYearToArabic(s: string): string | null {
  if (!/^[〇零○Ｏ0一二三四五六七八九]{4}$/.test(s)) return null;
  let out = '';
  for (const ch of s) out += ch === '〇' || ch === '零' || ch === '○' || ch === 'Ｏ' || ch === '0' ? '0' : String(CN_DIGIT[ch]);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Character features of a text, found in one pass, so rules that cannot fire are not run at all.

export const F = {
  DIGIT: 1 << 0,
  HALF_PUNCT: 1 << 1,
  SPACE: 1 << 2,
  LATIN: 1 << 3,
  FULL_DIGIT: 1 << 4,
  DASH: 1 << 5,
  DUNHAO: 1 << 6,
  ELLIPSIS: 1 << 7,
  PAIR: 1 << 8,
  CN_NUM: 1 << 9,
  NEWLINE: 1 << 10,
  UNIT_CHAR: 1 << 11,
} as const;

const FEATURE = new Uint16Array(65536);
const mark = (chars: string, flag: number) => {
  for (const ch of chars) FEATURE[ch.charCodeAt(0)] |= flag;
};
mark('0123456789', F.DIGIT);
mark(',.;:?!()"\'', F.HALF_PUNCT);
mark(' \t\u3000\u00a0', F.SPACE);
mark('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZµμ', F.LATIN);
mark('０１２３４５６７８９', F.FULL_DIGIT);
mark('-－–~〜～—−', F.DASH);
mark('、', F.DUNHAO);
mark('…。', F.ELLIPSIS);
mark('“”‘’《》〈〉【】（）()[]', F.PAIR);
mark('〇零○Ｏ一二两三四五六七八九十百千万亿', F.CN_NUM);
mark('\n', F.NEWLINE);
mark('亩斤担两尺升寸丈里分力米克', F.UNIT_CHAR);

/** The features (F.*) present in a text. */
export function features(text: string): number {
  let m = 0;
  for (let i = 0; i < text.length; i++) m |= FEATURE[text.charCodeAt(i)]!;
  return m;
}
