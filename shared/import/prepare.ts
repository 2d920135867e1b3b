// First pass: every source unit gets a provisional kind from its own text (and the editor's overrides).
// Context decisions (is this short line a section title, a caption or a table title?) come later.
import type { ParsedAttribution } from '../model/attribution';
import {
  isEnglishLine,
  isReportSubtitle,
  isSalutation,
  parseAttributionLine,
  parseDateLine,
  parseEntryTitleStart,
  parseFigureLine,
  parseFootnoteLine,
  parseSpeakerLine,
  parseSubsection,
  parseTableContinuation,
  parseTableNumberLine,
  runningHeadKey,
  runningHeadKind,
  splitTabRow,
  type FigureLine,
} from './patterns';
import { endsSentence, hasSentenceStop, hanCount, printedWidth, squash, startsMidSentence, wideWidth } from './text';
import type { LineHints, OverrideRole, SourceDocument, SourceUnit } from './types';

export type PKind =
  | 'blank'
  | 'running-head'
  | 'english'
  | 'entry'
  | 'subsection'
  | 'attribution'
  | 'figure'
  | 'table-number'
  | 'table-cont'
  | 'tab-row'
  | 'tab-cell'
  | 'footnote'
  | 'report-subtitle'
  | 'date-line'
  | 'salutation'
  | 'text'
  | 'table-unit'
  | 'image-unit'
  | 'footnote-unit'
  | 'ignored';

export interface PLine {
  /** Index in the unit array. */
  i: number;
  /** Source line number (1-based). */
  no: number;
  unit: SourceUnit;
  /** Text as received ('' for non-line units). */
  raw: string;
  /** Trimmed text. */
  t: string;
  kind: PKind;
  /** Characters without whitespace. */
  len: number;
  /** Ends a sentence (。！？…). */
  terminal: boolean;
  /** Ends a sentence or a clause that may end a paragraph in wide text (；：). */
  softTerminal: boolean;
  /** Printed width in half-em units, punctuation compressed (narrow-column reflow). */
  width: number;
  /** Width in half-em units with every wide character a full em (plain-text wrapping). */
  wide: number;
  /** Letter-spaced (justified to the full line although it holds fewer characters). */
  spaced: boolean;
  attribution?: ParsedAttribution;
  figure?: FigureLine;
  tableNumber?: { number: string; title: string };
  continuation?: { number: string | null };
  cells?: string[];
  footnote?: { marker: string; text: string };
  subsection?: string;
  entry?: { title: string; rest: string; closed: boolean };
  runningHead?: 'folio' | 'head';
  hints?: LineHints;
  /** The editor's override for this line. */
  forced?: OverrideRole;
}

/** Cells of a Word table flattened to text: a line that starts with a tab and holds one cell. */
function isCellLine(raw: string): boolean {
  return /^\t[^\t]*$/.test(raw);
}

export function prepareLines(doc: SourceDocument, overrides: ReadonlyMap<number, OverrideRole>): PLine[] {
  const units = doc.units;
  // Running heads recur: count candidate heads by their text without digits.
  const headCount = new Map<string, number>();
  for (const u of units) {
    if (u.kind !== 'line') continue;
    const t = u.text.trim();
    if (t.length > 0 && t.length <= 30 && /\d/.test(t)) {
      const k = runningHeadKey(t);
      headCount.set(k, (headCount.get(k) ?? 0) + 1);
    }
  }

  const out: PLine[] = new Array(units.length);
  for (let i = 0; i < units.length; i++) {
    // The frame this program prints where a photo is still missing ("［图片待补］" in its Word export, "图片待补" in
    // the PDF) is the figure's image slot without an image, not text: the caption after it makes the figure, and
    // the next photo does not take its place.
    const u0 = units[i]!;
    const u: SourceUnit = u0.kind === 'line' && PHOTO_PENDING.test(u0.text.trim()) ? { kind: 'image', no: u0.no, assetId: null, alt: '' } : u0;
    const forced = overrides.get(u.no);
    if (u.kind !== 'line') {
      const kind: PKind = u.kind === 'table' ? 'table-unit' : u.kind === 'image' ? 'image-unit' : 'footnote-unit';
      out[i] = {
        i,
        no: u.no,
        unit: u,
        raw: '',
        t: u.kind === 'footnote' ? u.text : u.kind === 'image' ? u.alt : '',
        kind,
        len: 0,
        terminal: true,
        softTerminal: true,
        width: 0,
        wide: 0,
        spaced: false,
      };
      continue;
    }
    const raw = u.text.replace(/\r$/, '');
    const t = raw.trim();
    const p: PLine = {
      i,
      no: u.no,
      unit: u,
      raw,
      t,
      kind: 'text',
      len: squash(t).length,
      terminal: endsSentence(t),
      softTerminal: endsSentence(t, true),
      width: printedWidth(t),
      wide: wideWidth(t),
      spaced: (t.match(/[\u4e00-\u9fff”“][ \u3000]+(?=[\u4e00-\u9fff“”])/g)?.length ?? 0) >= 3,
      ...(u.hints ? { hints: u.hints } : {}),
      ...(forced ? { forced } : {}),
    };
    out[i] = p;
    classify(p, headCount);
  }
  demoteOpenSubsections(out);
  joinWrappedEnglish(out);
  markBareDateLines(out);
  return out;
}

const BARE_DATE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;

/**
 * A date alone on its line without brackets ("2021 年 3 月 1 日") is a report's date line when it follows the
 * report's subtitle, or a speaker line under a title ("政府工作报告" / "区长 张三" / the date). Elsewhere such a
 * line is a signature date at the end of a document, and stays text.
 */
function markBareDateLines(lines: PLine[]): void {
  for (let i = 0; i < lines.length; i++) {
    const p = lines[i]!;
    if (p.kind !== 'text' || p.forced || !BARE_DATE.test(p.t)) continue;
    const a = prevContent(lines, i);
    const prev = a >= 0 ? lines[a]! : null;
    if (!prev) continue;
    let dated = prev.kind === 'report-subtitle';
    if (!dated && prev.kind === 'text' && parseSpeakerLine(prev.t)) {
      const b = prevContent(lines, a);
      dated = b >= 0 && (lines[b]!.kind === 'report-subtitle' || isTitleLike(lines[b]!, 40));
    }
    if (dated) p.kind = 'date-line';
  }
}

const PHOTO_PENDING = /^[［[]?图片待补[］\]]?$/;

/** The end of an English category name wrapped onto a line of its own ("District"). */
function joinWrappedEnglish(lines: PLine[]): void {
  let prev: PLine | null = null;
  for (const p of lines) {
    if (p.kind === 'blank') continue;
    if (p.kind === 'text' && !p.forced && prev?.kind === 'english' && !/[.:]$/.test(prev.t) && /^[A-Za-z][A-Za-z0-9'’.,&()\-/: ]{1,80}$/.test(p.t)) p.kind = 'english';
    prev = p;
  }
}

/**
 * "· 社会救助 ·" is a subsection line; without its closing mark ("·云共治”平台…", a wrapped line that happens
 * to begin with the middle dot of "城市眼·云共治") only when the line before it is finished and the title
 * does not open mid-sentence.
 */
function demoteOpenSubsections(lines: PLine[]): void {
  let prev: PLine | null = null;
  for (const p of lines) {
    if (p.kind === 'blank' || p.kind === 'running-head' || p.kind === 'ignored') continue;
    if (p.kind === 'subsection' && !p.forced && !/[·•・●◆◇■□]$/.test(p.t)) {
      const unfinished = !!prev && (prev.kind === 'text' || (prev.kind === 'entry' && !!prev.entry?.rest.trim())) && !prev.softTerminal;
      if (unfinished || startsMidSentence(p.subsection!)) {
        p.kind = 'text';
        delete p.subsection;
      }
    }
    prev = p;
  }
}

function classify(p: PLine, headCount: Map<string, number>): void {
  const { t, raw } = p;
  if (p.forced === 'ignore') {
    p.kind = 'ignored';
    return;
  }
  if (!t) {
    // A lone tab is an empty cell of a flattened Word table.
    p.kind = raw.startsWith('\t') ? 'tab-cell' : 'blank';
    if (p.kind === 'tab-cell') p.cells = [''];
    return;
  }
  // Overrides that fix the kind outright.
  switch (p.forced) {
    case 'entry-title': {
      const e = parseEntryTitleStart(t);
      p.kind = 'entry';
      p.entry = e && e.closed ? e : { title: e ? e.title : t, rest: '', closed: true };
      return;
    }
    case 'subsection':
      p.kind = 'subsection';
      p.subsection = parseSubsection(t) ?? t;
      return;
    case 'attribution': {
      p.kind = 'attribution';
      const a = parseAttributionLine(t);
      p.attribution = a ?? { kind: 'author', names: [squash(t.replace(/^[(（]|[)）]$/g, ''))].filter(Boolean), raw: t };
      return;
    }
    case 'caption':
      p.kind = 'figure';
      p.figure = parseFigureLine(t) ?? { number: null, caption: t };
      return;
    case 'credit': {
      p.kind = 'attribution';
      const a = parseAttributionLine(t);
      p.attribution = a ?? { kind: 'photo', names: [squash(t.replace(/^[(（]|[)）]$/g, ''))].filter(Boolean), raw: t };
      return;
    }
    case 'body':
    case 'section':
    case 'heading':
      p.kind = 'text';
      return;
    default:
      break;
  }

  if (isCellLine(raw)) {
    p.kind = 'tab-cell';
    p.cells = [t];
    return;
  }
  const cells = splitTabRow(raw);
  if (cells && cells.length >= 2) {
    p.kind = 'tab-row';
    p.cells = cells;
    return;
  }
  const entry = parseEntryTitleStart(t);
  if (entry) {
    p.kind = 'entry';
    p.entry = entry;
    return;
  }
  if (t.length <= 40) {
    const head = runningHeadKind(t, (headCount.get(runningHeadKey(t)) ?? 0) > 1);
    if (head) {
      p.kind = 'running-head';
      p.runningHead = head;
      return;
    }
  }
  const sub = parseSubsection(t);
  if (sub) {
    p.kind = 'subsection';
    p.subsection = sub;
    return;
  }
  const attribution = parseAttributionLine(t);
  if (attribution) {
    p.kind = 'attribution';
    p.attribution = attribution;
    return;
  }
  const cont = parseTableContinuation(t);
  if (cont) {
    p.kind = 'table-cont';
    p.continuation = cont;
    return;
  }
  const tableNumber = parseTableNumberLine(t);
  if (tableNumber) {
    p.kind = 'table-number';
    p.tableNumber = tableNumber;
    return;
  }
  const figure = parseFigureLine(t);
  if (figure) {
    p.kind = 'figure';
    p.figure = figure;
    return;
  }
  const footnote = parseFootnoteLine(t);
  if (footnote) {
    p.kind = 'footnote';
    p.footnote = footnote;
    return;
  }
  if (isReportSubtitle(t)) {
    p.kind = 'report-subtitle';
    return;
  }
  if (parseDateLine(t)) {
    p.kind = 'date-line';
    return;
  }
  if (isSalutation(t)) {
    p.kind = 'salutation';
    return;
  }
  if (isEnglishLine(t)) {
    p.kind = 'english';
    return;
  }
}

/** A short line that can be a title (category, section, table title): no sentence punctuation at all. */
export function isTitleLike(p: PLine, maxLen = 26): boolean {
  if (p.kind !== 'text' || p.forced === 'body') return false;
  const s = squash(p.t);
  if (s.length > maxLen || hanCount(s) < 2) return false;
  if (hasSentenceStop(s) || /[，；：,;:]/.test(s)) return false;
  if (p.terminal) return false;
  // A remark wholly in brackets ("（以上数据截至2020年底）") is never a title.
  if (isBracketed(s)) return false;
  return true;
}

/** Whether the text is one bracketed remark: "（…）", "(…)", "〔…〕", "［…］" from its first to its last character. */
export function isBracketed(s: string): boolean {
  const pairs: Record<string, string> = { '（': '）', '(': ')', '〔': '〕', '［': '］', '[': ']' };
  const close = pairs[s[0] ?? ''];
  if (!close || s[s.length - 1] !== close) return false;
  // The first bracket must close at the very end (not "（一）…（二）").
  let depth = 0;
  for (let k = 0; k < s.length; k++) {
    if (s[k] === s[0]) depth++;
    else if (s[k] === close && --depth === 0) return k === s.length - 1;
  }
  return false;
}

/** Index of the next unit after i that is not blank, ignored or a running head (or -1). */
export function nextContent(lines: PLine[], i: number, end = lines.length): number {
  for (let j = i + 1; j < end; j++) {
    const k = lines[j]!.kind;
    if (k !== 'blank' && k !== 'running-head' && k !== 'ignored') return j;
  }
  return -1;
}

/** Index of the previous unit before i that is not blank, ignored or a running head (or -1). */
export function prevContent(lines: PLine[], i: number, start = 0): number {
  for (let j = i - 1; j >= start; j--) {
    const k = lines[j]!.kind;
    if (k !== 'blank' && k !== 'running-head' && k !== 'ignored') return j;
  }
  return -1;
}
