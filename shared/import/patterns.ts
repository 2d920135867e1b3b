// Line patterns of the genre: what a yearbook line looks like when it is an entry title, a subsection,
// an attribution, a caption, a table number, a running head, a report's title block, … Each function
// looks at one line; context (the neighbouring lines) is the recogniser's job.
import { parseAttribution, stripBrackets, type ParsedAttribution } from '../model/attribution';
import { chineseNumber, cleanTitle, endsSentence, hanCount, squash, toHalfWidthAlnum } from './text';

/** "【概况】2020年，…" → title and the body text after it; `closed` false when 】 is on a later line. */
export function parseEntryTitleStart(text: string): { title: string; rest: string; closed: boolean } | null {
  const s = text.replace(/^[\s\u3000]+/, '');
  const open = s[0];
  if (open !== '【' && open !== '〖') return null;
  const close = open === '【' ? '】' : '〗';
  const end = s.indexOf(close);
  if (end < 0) return { title: s.slice(1), rest: '', closed: false };
  return { title: s.slice(1, end), rest: s.slice(end + 1), closed: true };
}

/** "· 社会救助 ·" → 社会救助 (middle dots, bullets or katakana dots around a short title). */
export function parseSubsection(text: string): string | null {
  const m = /^[·•・●◆◇■□]\s*(.{1,40}?)\s*[·•・●◆◇■□]?$/.exec(text.trim());
  if (!m) return null;
  const title = cleanTitle(m[1]!);
  if (!title || /[。！？；]/.test(title) || hanCount(title) < 2) return null;
  return title;
}

/** An attribution on a line of its own: the whole trimmed line is one bracketed attribution. */
export function parseAttributionLine(text: string): ParsedAttribution | null {
  const s = text.trim();
  if (s.length < 3 || s.length > 64) return null;
  return parseAttribution(s);
}

/** A bracketed attribution or credit at the very end of a line: "…平安区”。（於晓萍）". */
export function splitTrailingAttribution(text: string): { before: string; attribution: ParsedAttribution } | null {
  const s = text.replace(/[\s\u3000]+$/, '');
  const last = s[s.length - 1];
  if (last !== ')' && last !== '）') return null;
  // Find the matching opening bracket (no nesting inside attributions).
  let i = s.length - 2;
  while (i >= 0 && s[i] !== '(' && s[i] !== '（' && s[i] !== ')' && s[i] !== '）') i--;
  if (i < 0 || (s[i] !== '(' && s[i] !== '（')) return null;
  const attribution = parseAttribution(s.slice(i));
  if (!attribution) return null;
  return { before: s.slice(0, i).replace(/[\s\u3000]+$/, ''), attribution };
}

/** A photo credit: "(区信访局提供)", "(区亚保办 供稿)", "(张三 摄)". Authors' names alone are not credits. */
export function isCreditLike(a: ParsedAttribution): boolean {
  return a.kind === 'photo' || a.kind === 'unit';
}

export interface FigureLine {
  number: string | null;
  caption: string;
  credit?: ParsedAttribution;
}

/** "图78 2020年2月28日,…(区信访局提供)" / "图 84 …（区审管办提供）". */
export function parseFigureLine(text: string): FigureLine | null {
  const m = /^图\s*([0-9０-９]{1,4}(?:[-—–－.．][0-9０-９]{1,3})?)(?=[\s\u3000]|[^0-9０-９.．\-—–－])\s*(.*)$/.exec(text.trim());
  if (!m) return null;
  const number = toHalfWidthAlnum(m[1]!).replace(/[—–－]/g, '-').replace('．', '.');
  let caption = m[2]!.trim();
  if (!caption) return { number, caption: '' };
  const trailing = splitTrailingAttribution(caption);
  if (trailing && isCreditLike(trailing.attribution)) return { number, caption: trailing.before, credit: trailing.attribution };
  // A caption is a label, not a sentence in the running text: "图78 所示…" inside a paragraph is not one.
  if (endsSentence(caption) && caption.length > 80) return null;
  caption = caption.trim();
  return { number, caption };
}

/** "表6", "表 6  2020年…情况", "表6-1". The title may follow on the same line. */
export function parseTableNumberLine(text: string): { number: string; title: string } | null {
  const m = /^表\s*([0-9０-９]{1,4}(?:[-—–－.．][0-9０-９]{1,3})?)(?![0-9０-９])\s*(.*)$/.exec(text.trim());
  if (!m) return null;
  const title = m[2]!.trim();
  if (title && (endsSentence(title) || title.length > 60 || /[\t，,；;。]/.test(title))) return null;
  return { number: toHalfWidthAlnum(m[1]!).replace(/[—–－]/g, '-').replace('．', '.'), title: cleanTitle(title) };
}

/** "续表", "续表6", "续表 4" (a table continued on the next page). */
export function parseTableContinuation(text: string): { number: string | null } | null {
  const m = /^续\s*表\s*([0-9０-９]{1,4}(?:[-—–－.．][0-9０-９]{1,3})?)?\s*$/.exec(text.trim());
  if (!m) return null;
  return { number: m[1] ? toHalfWidthAlnum(m[1]).replace(/[—–－]/g, '-').replace('．', '.') : null };
}

/** Cells of a tab-separated table row, or null when the line has no inner tab. */
export function splitTabRow(text: string): string[] | null {
  const s = text.replace(/[\r\n]+$/, '');
  if (!s.includes('\t')) return null;
  const core = s.replace(/^\t+/, '');
  if (!core.includes('\t')) return null;
  return core.split('\t').map((c) => c.trim());
}

/** A footnote line: a marker (▲ ※ * ① …) then the note, e.g. "▲“好差评”制度：指…". */
export function parseFootnoteLine(text: string): { marker: string; text: string } | null {
  const m = /^([▲△※＊*]|[①-⑳]|\[(?:\d{1,2}|[▲△※*])\]|［\d{1,2}］)\s*(.+)$/.exec(text.trim());
  if (!m) return null;
  const body = m[2]!;
  if (hanCount(body) < 4) return null;
  return { marker: m[1]!.replace(/^\[|\]$|^［|］$/g, ''), text: body };
}

/** A line of Latin text only: the English name of a category under its Chinese title. */
export function isEnglishLine(text: string): boolean {
  const s = text.trim();
  if (s.length < 4 || s.length > 160) return false;
  if (!/^[A-Za-z][A-Za-z0-9\s'’.,&()\-/:]*$/.test(s)) return false;
  return /[a-z]/.test(s) && /\s/.test(s);
}

/**
 * A running head or folio: "009特  载", "016 LIN'AN  YEARBOOK 2 0 2 1", "拱墅年鉴 123", a bare page number.
 * `recurring` tells whether the same head (digits removed) occurs elsewhere in the file.
 */
export function runningHeadKind(text: string, recurring: boolean): 'folio' | 'head' | null {
  const s = text.trim();
  if (!s) return null;
  if (/^\d{1,4}$/.test(s)) return 'folio';
  if (/^[-—－·•・]\s*\d{1,4}\s*[-—－·•・]$/.test(s)) return 'folio';
  // Latin running heads of the volume: "LIN'AN YEARBOOK 2021" with or without a folio.
  if (/YEARBOOK/.test(s) && /^[\dA-Z'’\s.·-]+$/.test(s)) return 'head';
  // Folio + short head ("009特 载"), or head + folio ("拱墅年鉴 123").
  const m = /^(\d{1,4})\s*([\u4e00-\u9fff][\u4e00-\u9fff\s\u3000·]{0,14})$/.exec(s) ?? /^([\u4e00-\u9fff][\u4e00-\u9fff\s\u3000·]{0,14}?)\s*(\d{1,4})$/.exec(s);
  if (m) {
    const digits = /^\d/.test(m[1]!) ? m[1]! : m[2]!;
    const words = /^\d/.test(m[1]!) ? m[2]! : m[1]!;
    const han = squash(words);
    if (hanCount(han) > 8 || hanCount(han) < 1) return null;
    // "2020 年工作回顾", "16 号线" are text: a number followed by a measure word is a quantity, not a folio.
    if (/^\d/.test(m[1]!) && /^[年月日号个名万亿元次届期项件家人岁周天度层批辆座条所]/.test(han)) return null;
    const spaced = /[\u4e00-\u9fff][\s\u3000]+[\u4e00-\u9fff]/.test(words);
    const padded = digits.length === 3 && digits.startsWith('0');
    if (recurring || spaced || padded || /年鉴$/.test(han)) return 'head';
  }
  return null;
}

/** Key used to find recurring running heads: the line without digits and spaces. */
export function runningHeadKey(text: string): string {
  return squash(text).replace(/\d+/g, '#');
}

/** The title of the volume on its own line: "拱墅年鉴", "《临安年鉴（2021）》". */
export function parseBookTitleLine(text: string): { title: string; year?: number } | null {
  const s = squash(text).replace(/^《|》$/g, '');
  const m = /^(?:(\d{4}))?([\u4e00-\u9fff]{1,12}年鉴)(?:[（(](\d{4})[）)])?(?:(\d{4}))?$/.exec(s);
  if (!m) return null;
  const year = m[1] ?? m[3] ?? m[4];
  return { title: m[2]!, ...(year ? { year: Number(year) } : {}) };
}

/** A report's subtitle: "——在区委十四届十二次全体（扩大）会议上的报告". */
export function isReportSubtitle(text: string): boolean {
  const s = text.trim();
  return /^(?:——|－－|--|—)\s*在.{2,60}(?:上|会议|大会)/.test(s) && s.length <= 80;
}

/** A date line under a report title: "（2020 年 12 月 27 日）". Returns the ISO date. */
export function parseDateLine(text: string): string | null {
  const m = /^[（(]\s*(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*[）)]$/.exec(text.trim());
  if (!m) return null;
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
}

/** "各位代表 ：", "各位委员：", "同志们：". */
export function isSalutation(text: string): boolean {
  return /^(?:各位(?:代表|委员|领导|同志)(?:[、，,]\s*各位[\u4e00-\u9fff]{2,4})*|同志们|代表们|委员们)[\s\u3000]*[：:！!，,]?$/.test(text.trim());
}

/** Speaker line "中共杭州市临安区委书记 卢春强" (full-width space): a title, then a separated 2–4 character name. */
export function parseSpeakerLine(text: string): { title: string; name: string } | null {
  const s = text.trim();
  const m = /^(.{2,40}?)(?:[\s\u3000]+)([\u4e00-\u9fff]{2,4}(?:[\s\u3000][\u4e00-\u9fff]{1,2})?)$/.exec(s);
  if (!m) return null;
  if (/[。！？，]/.test(s)) return null;
  return { title: cleanTitle(m[1]!), name: squash(m[2]!) };
}

export type NumberingStyle = 'cn' | 'paren-cn' | 'arabic' | 'paren-arabic' | 'circled';

/** Numbering at the start of a heading or paragraph: 一、 （一） 1. （1） ①. */
export function parseNumbering(text: string): { style: NumberingStyle; value: number; length: number } | null {
  const s = text.replace(/^[\s\u3000]+/, '');
  const lead = text.length - s.length;
  let m = /^([一二三四五六七八九十]{1,3})[、，,]/.exec(s);
  if (m) return { style: 'cn', value: chineseNumber(m[1]!), length: lead + m[0].length };
  m = /^[（(]([一二三四五六七八九十]{1,3})[）)]/.exec(s);
  if (m) return { style: 'paren-cn', value: chineseNumber(m[1]!), length: lead + m[0].length };
  m = /^(\d{1,2})[.．、](?![\d])\s*/.exec(s);
  if (m) return { style: 'arabic', value: Number(m[1]), length: lead + m[0].length };
  m = /^[（(](\d{1,2})[）)]/.exec(s);
  if (m) return { style: 'paren-arabic', value: Number(m[1]), length: lead + m[0].length };
  m = /^([①-⑳])/.exec(s);
  if (m) return { style: 'circled', value: m[1]!.charCodeAt(0) - 0x2460 + 1, length: lead + 1 };
  return null;
}

/** A serial group label of a table's first column: "（一）", "（十三）做精绣花管理模式". */
export function isGroupLabel(text: string): boolean {
  return /^[（(][一二三四五六七八九十]{1,3}[）)]/.test(text.trim());
}

/** Whether bracketed text is a plain remark rather than an attribution (used for the review's doubts). */
export function looksBracketed(text: string): boolean {
  return stripBrackets(text) !== null;
}
