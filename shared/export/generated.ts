// Generated matter: 目录 (table of contents) and 索引 (subject index, table and figure indexes) with the page
// numbers read back from the printed body.
import { pinyin } from 'pinyin-pro';
import { COLUMN_END } from './css';
import { escapeHtml, textHtml } from './inline';
import type { CaptionItem, IndexItem } from './render';
import { spaced } from './render';

export interface TocLine {
  level: 'c' | 's' | 'ss' | 'm';
  title: string;
  folio: string | null;
}

const leader = '<span class="tl-d"></span>';

export function tocHtml(lines: TocLine[]): string {
  const body = lines
    .map((l) => `<p class="toc-line ${l.level}"><span class="tl-t">${textHtml(l.title)}</span>${leader}<span class="tl-p">${escapeHtml(l.folio ?? '')}</span></p>`)
    .join('');
  return `<section class="matter kind-toc"><h1 class="matter-title">${spaced('目录')}</h1><div class="toc-list">${body}${COLUMN_END}</div></section>`;
}

/** A page reference of an index line: folio plus column letter ("125a"). */
export interface PageRef {
  physical: number;
  label: string;
}

export interface IndexLine {
  term: string;
  refs: PageRef[];
  /** Pinyin sort key (syllables with tone numbers). */
  key: string;
  /** Initial letter group ("A"…"Z", "#" for others). */
  letter: string;
}

/** Pinyin key of a term: syllables with tones, so 重庆 sorts under C and 长江 under C before 常州 by tone. */
export function pinyinKey(term: string): string {
  const syll = pinyin(term, { toneType: 'num', type: 'array', v: true }) as string[];
  return syll
    .map((s) => s.toLowerCase().replace(/[^a-z0-9]/g, ''))
    .filter(Boolean)
    .join(' ');
}

function compareKeys(a: string, b: string): number {
  // Compare syllable by syllable: letters first, then tone, so "an1" < "an4" < "ang1".
  const sa = a.split(' ');
  const sb = b.split(' ');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const la = sa[i]!.replace(/\d/g, '');
    const lb = sb[i]!.replace(/\d/g, '');
    if (la !== lb) return la < lb ? -1 : 1;
    const ta = sa[i]!.replace(/\D/g, '');
    const tb = sb[i]!.replace(/\D/g, '');
    if (ta !== tb) return ta < tb ? -1 : 1;
  }
  return sa.length - sb.length;
}

/**
 * Builds the subject index: entry titles (generic ones such as 概况 qualified by their section: 民政概况) and
 * index terms, merged by term, sorted by pinyin, each with its page references in page order.
 */
export function buildIndex(items: IndexItem[], resolve: (anchor: string) => PageRef | null, genericTitles: readonly string[]): IndexLine[] {
  const byTerm = new Map<string, { term: string; sortKey?: string; refs: PageRef[] }>();
  for (const it of items) {
    const term = it.kind === 'entry' && genericTitles.includes(it.term) ? `${it.section}${it.term}` : it.term;
    const ref = resolve(it.anchor);
    if (!ref) continue;
    const rec = byTerm.get(term) ?? { term, refs: [] };
    if (it.sortKey && !rec.sortKey) rec.sortKey = it.sortKey;
    if (!rec.refs.some((r) => r.label === ref.label)) rec.refs.push(ref);
    byTerm.set(term, rec);
  }
  const lines: IndexLine[] = [...byTerm.values()].map((r) => {
    // A sort key typed by the editor is either pinyin already ("chongqing") or characters to read.
    const given = r.sortKey?.trim().toLowerCase();
    const key = given ? (/^[a-z0-9ü: ]+$/.test(given) ? given.replace(/ü|u:/g, 'v') : pinyinKey(given)) : pinyinKey(r.term);
    const first = key[0]?.toUpperCase() ?? '#';
    return { term: r.term, refs: r.refs.sort((a, b) => a.physical - b.physical || (a.label < b.label ? -1 : 1)), key, letter: /[A-Z]/.test(first) ? first : '#' };
  });
  lines.sort((a, b) => compareKeys(a.key, b.key) || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
  return lines;
}

export interface CaptionLine {
  label: string;
  title: string;
  folio: string | null;
}

export function indexHtml(opts: {
  subject: IndexLine[] | null;
  tables: CaptionLine[] | null;
  figures: CaptionLine[] | null;
  columnLetters: boolean;
}): string {
  let html = `<section class="matter kind-index"><h1 class="matter-title">${spaced('索引')}</h1>`;
  if (opts.subject) {
    html += `<p class="idx-note">本索引收录条目标题和主题词，按汉语拼音字母顺序排列；页码后的${opts.columnLetters ? '字母 a、b 分别表示该页左栏、右栏' : '数字为所在页码'}。</p>`;
    html += `<div class="idx-list">`;
    let letter = '';
    for (const l of opts.subject) {
      if (l.letter !== letter) {
        letter = l.letter;
        html += `<p class="idx-letter">${letter === '#' ? '其他' : letter}</p>`;
      }
      html += `<p class="idx-item"><span class="tl-t">${textHtml(l.term)}</span>${leader}<span class="tl-p">${escapeHtml(l.refs.map((r) => r.label).join('，'))}</span></p>`;
    }
    html += `${COLUMN_END}</div>`;
  }
  const captions = (title: string, lines: CaptionLine[]) => {
    let h = `<div class="idx-sub"><h2 class="idx-sub-title">${escapeHtml(title)}</h2><div class="idx-list two">`;
    for (const l of lines) {
      h += `<p class="idx-item"><span class="tl-t">${l.label ? `${escapeHtml(l.label)}\u3000` : ''}${textHtml(l.title)}</span>${leader}<span class="tl-p">${escapeHtml(l.folio ?? '')}</span></p>`;
    }
    return `${h}${COLUMN_END}</div></div>`;
  };
  if (opts.tables?.length) html += captions('表格索引', opts.tables);
  if (opts.figures?.length) html += captions('图片索引', opts.figures);
  return `${html}</section>`;
}

export function captionLines(items: CaptionItem[], folio: (anchor: string) => string | null): CaptionLine[] {
  return items.map((i) => ({ label: i.label, title: i.title, folio: folio(i.anchor) }));
}
