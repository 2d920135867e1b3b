// Character-level helpers of the importer: character classes, sentence ends, printed widths,
// letter-spacing removal and the rules for joining two pieces of a broken line.

/** Han ideographs (BMP blocks; astral ideographs are handled by HAN_ASTRAL). */
const HAN_RANGES = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
/** CJK punctuation and full-width forms that sit in Chinese text without spaces around them. */
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef\\u2014\\u2026\\u2018\\u2019\\u201c\\u201d\\u00b7\\u30fb\\u2236';

export const HAN_RE = new RegExp(`[${HAN_RANGES}]`);
const HAN_ONLY_RE = new RegExp(`^[${HAN_RANGES}]+$`);
const CJK_CHAR_RE = new RegExp(`[${HAN_RANGES}${CJK_PUNCT}]`);
/** Whitespace between two CJK characters (ideographs or CJK punctuation): letter-spacing, never meant. */
const CJK_GAP_RE = new RegExp(`([${HAN_RANGES}${CJK_PUNCT}])[ \\t\\u00a0\\u3000]+(?=[${HAN_RANGES}${CJK_PUNCT}])`, 'g');

export function isHan(ch: string): boolean {
  return HAN_RE.test(ch);
}

export function isHanOnly(s: string): boolean {
  return HAN_ONLY_RE.test(s);
}

export function isCjkChar(ch: string): boolean {
  return CJK_CHAR_RE.test(ch);
}

/** Number of Han characters in a string. */
export function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff)) n++;
  }
  return n;
}

/** Removes letter-spacing between CJK characters ("综 述" → "综述", "工 作 报 告" (full-width spaces) → "工作报告"). */
export function collapseCjkSpacing(s: string): string {
  return s.replace(CJK_GAP_RE, '$1');
}

/** Text of a title or heading: trimmed, letter-spacing removed, runs of other whitespace reduced to one space. */
export function cleanTitle(s: string): string {
  return collapseCjkSpacing(s.replace(/[\s\u3000]+/g, ' ').trim());
}

/** Every whitespace character removed (for comparisons and keys). */
export function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, '');
}

/** Closing marks that may follow the sentence-final punctuation: quotes, brackets, book-title marks. */
const CLOSERS = '”’」』）)》〉】］]"\'';
const STOPS_STRICT = '。！？!?…';
const STOPS_SOFT = '；：;:';

/**
 * Whether a line ends a sentence (and so may end a paragraph): 。！？… optionally followed by closing
 * quotes or brackets; with `soft`, also ；and ：. A half-width full stop counts after a CJK character.
 */
export function endsSentence(text: string, soft = false): boolean {
  let i = text.length - 1;
  while (i >= 0 && /[\s\u3000]/.test(text[i]!)) i--;
  while (i >= 0 && CLOSERS.includes(text[i]!)) i--;
  if (i < 0) return false;
  const ch = text[i]!;
  if (STOPS_STRICT.includes(ch)) return true;
  if (soft && STOPS_SOFT.includes(ch)) return true;
  if (ch === '.' && i > 0 && (isCjkChar(text[i - 1]!) || CLOSERS.includes(text[i - 1]!))) return true;
  return false;
}

/** Whether a string contains sentence punctuation anywhere (titles and captions do not end with it). */
export function hasSentenceStop(text: string): boolean {
  return /[。！？!?]/.test(text);
}

/** Punctuation a title or heading never ends with (it would be a broken sentence instead). */
export function endsWithClauseMark(text: string): boolean {
  return /[，、,；;：:（(“‘《—-]$/.test(text.trim());
}

/**
 * Printed width of a line in half-em units, as the typesetter filled the column: an ideograph takes a full
 * em (2); punctuation, quotes, digits and Latin letters are set half-width or compressed (1); spaces are
 * extraction artefacts of justification and count nothing. On narrow-column pages a full line then
 * measures about 31 and a paragraph's first line, two characters indented, about 27.
 */
export function printedWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || c === 0x0d || c === 0x0a) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      w += 2;
      i++;
      continue;
    }
    w += (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) ? 2 : 1;
  }
  return w;
}

/**
 * Width of a line as a plain-text wrapper counts it (an e-mail client, a text editor's hard wrap), in
 * half-em units: every wide character — ideographs, CJK punctuation, curly quotes, dashes — a full em (2),
 * ASCII and other narrow characters half (1), spaces included (the wrapper counted them).
 */
export function wideWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x09 || c === 0x0d || c === 0x0a) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      w += 2;
      i++;
      continue;
    }
    w += c >= 0x2000 ? 2 : 1;
  }
  return w;
}

/**
 * Joins two pieces of a line broken at a page or column end. Chinese text joins without a space;
 * two Latin words keep one space between them ("LIN'AN" / "YEARBOOK").
 */
export function joinBroken(a: string, b: string): string {
  const left = a.replace(/[\s\u3000]+$/, '');
  const right = b.replace(/^[\s\u3000]+/, '');
  if (!left) return right;
  if (!right) return left;
  const l = left[left.length - 1]!;
  const r = right[0]!;
  if (/[A-Za-z]/.test(l) && /[A-Za-z]/.test(r)) return `${left} ${right}`;
  return left + right;
}

/** Kind of the break between two pieces, for the import report. */
export function breakKind(a: string, b: string): 'number-split' | 'word-split' {
  const l = a.trim().slice(-1);
  const r = b.trim().slice(0, 1);
  if (/[0-9.,，]/.test(l) && /[0-9%.万亿千百十个名人元次家件项年月日号]/.test(r)) return 'number-split';
  return 'word-split';
}

const CN_DIGITS = '〇零一二三四五六七八九十百千两';

/** Value of a Chinese numeral such as 二十一 (up to 9999); NaN when not one. */
export function chineseNumber(s: string): number {
  if (!s || [...s].some((c) => !CN_DIGITS.includes(c))) return NaN;
  const digit: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const unit: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  let total = 0;
  let cur = 0;
  for (const c of s) {
    if (c in digit) cur = digit[c]!;
    else {
      const u = unit[c]!;
      total += (cur || 1) * u;
      cur = 0;
    }
  }
  return total + cur;
}

/** Half-width form of full-width digits and Latin letters (for reading numbers such as 表６). */
export function toHalfWidthAlnum(s: string): string {
  return s.replace(/[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * Whether a line can only be the middle of a sentence: it opens with a clause mark or closing punctuation,
 * or closes a quote or bracket it never opened ("干部担当”良性互动机制，…").
 */
export function startsMidSentence(text: string): boolean {
  const s = text.trim();
  if (!s) return false;
  if (/^[，、；：。！？,;:.!?”’）)》〉」』】]/.test(s)) return true;
  const head = s.slice(0, 24);
  const close = head.search(/[”’）)》」』]/);
  if (close < 0) return false;
  const pairs: Record<string, string> = { '”': '“', '’': '‘', '）': '（', ')': '(', '》': '《', '」': '「', '』': '『' };
  return !head.slice(0, close).includes(pairs[head[close]!]!);
}
