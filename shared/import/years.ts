// The year a source records, read by the genre's rules (not by the seeds' quirks). A yearbook volume records
// the year before it is published ("《2022拱墅年鉴》" records 2021), and its drafts say which year they speak of
// in a few fixed places:
//
//   title      a document's first line beginning "YYYY年…": "2020年区《政府工作报告》主要目标任务进展情况",
//              "2020年区民政局工作总结" (not a date "2021年3月1日", not a book title "2022年拱墅年鉴")
//   report-date the date line under a report's title, "（2021 年 3 月 1 日）": reports given in January–June look
//              back on the year before, those given later in the year on that year (a party plenum in December)
//   heading    "2020年工作回顾", "2020 年主要工作和“十三五”发展回顾", "2020 年是极不平凡的一年"; a plan heading of a
//              report ("2021 年政府主要工作安排") speaks of the year after the one the report looks back on
//   entries    entry openings "2020年，…" / "【概况】2020年，…", in every kind of category
//
// Each statement is a vote weighted by how directly it names the year (a title or a date line 6, a heading 3, an
// entry opening 1); the year with the most weight wins when no other year has as much. When the text names no
// year the result is undefined: callers say so rather than use the current year.
import type { Block, Category, Entry, Section, SectionChild, SubsectionChild } from '../model/schema';
import type { DocumentReport, LineReport, LineRole, RecordYearSource, VolumeHints } from './types';

const WEIGHT: Record<RecordYearSource, number> = { title: 6, 'report-date': 6, heading: 3, entries: 1 };
/** On equal weight for one year, the most direct source names it. */
const SOURCE_ORDER: RecordYearSource[] = ['title', 'report-date', 'heading', 'entries'];

const MIN_YEAR = 1949;
const MAX_YEAR = 2200;

/** Roles a document's first line has when it is the document's title. */
const TITLE_ROLES: ReadonlySet<LineRole> = new Set<LineRole>(['table-title', 'report-title', 'category', 'section', 'subsection', 'heading']);
/** Lines before a document's title that do not count as its first line. */
const SKIPPED_ROLES: ReadonlySet<LineRole> = new Set<LineRole>(['blank', 'running-head', 'ignored', 'book-head']);

const squashed = (s: string, max = 60) => s.slice(0, max * 2).replace(/[\s\u3000]+/g, '').slice(0, max);

/** "2020年区《政府工作报告》…" → 2020; a date ("2021年3月1日") or a book title ("2022年拱墅年鉴") is not a title year. */
export function titleYear(text: string): number | undefined {
  const s = squashed(text);
  if (/年鉴/.test(s)) return undefined;
  const m = /^[《“〈「]?(\d{4})年(?!\d{1,2}月)/.exec(s);
  return m ? Number(m[1]) : undefined;
}

/**
 * The year a report looks back on, from its date line ("（2021 年 3 月 1 日）", "2021 年 3 月 1 日"): reports
 * given in January–June (the spring congresses) look back on the year before, later ones on their own year.
 */
export function reportDateYear(dateLine: string): number | undefined {
  const m = /^[（(]?(\d{4})年(\d{1,2})月(?:\d{1,2}日)?[）)]?$/.exec(squashed(dateLine));
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return month <= 6 ? Number(m[1]) - 1 : Number(m[1]);
}

/** Looking back: "2020年工作回顾", "2020年主要工作和…", "2020年度工作总结", "2020年区政府工作情况". */
const REVIEW_HEADING = /^(\d{4})年度?[\u4e00-\u9fff]{0,6}?(?:工作回顾|工作总结|工作情况|主要工作(?!安排|打算|任务|思路|建议|目标|计划)|发展回顾|回顾)/;
/** Looking ahead from the year after the one reviewed: "2021年政府主要工作安排", "2021年工作打算". */
const PLAN_HEADING = /^(\d{4})年度?[\u4e00-\u9fff]{0,6}?(?:工作安排|工作打算|主要任务|工作思路|工作建议|工作计划|工作目标)/;
/** "2020年是极不平凡的一年", "2020年，是很不寻常的一年": said only of a year that is over. */
const PAST_YEAR = /^(\d{4})年[，,]?是[^。；！？]{0,16}?不(?:平凡|寻常|容易)的一年/;

/** A heading's serial number: "一、", "（一）", "1.", "第一部分". */
const SERIAL = /^(?:[一二三四五六七八九十]{1,3}[、，]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[.、．](?!\d)|第[一二三四五六七八九十]{1,3}(?:部分|章|节)[、，：:]?)/;

/** The year a heading (or a section title) names as the one looked back on. */
export function headingYear(text: string, plans = false): number | undefined {
  const s = squashed(text).replace(SERIAL, '');
  if (!/^\d{4}年/.test(s)) return undefined;
  let m = REVIEW_HEADING.exec(s) ?? PAST_YEAR.exec(s);
  if (m) return Number(m[1]);
  if (plans && (m = PLAN_HEADING.exec(s))) return Number(m[1]) - 1;
  return undefined;
}

/** "2020年，…", "2020年1月，…": the year an entry opens with. */
export function openingYear(text: string): number | undefined {
  const m = /^(\d{4})\s*年/.exec(text.trimStart());
  return m ? Number(m[1]) : undefined;
}

export interface RecordYear {
  year: number;
  from: RecordYearSource;
}

class Votes {
  private readonly byYear = new Map<number, Map<RecordYearSource, number>>();

  add(year: number | undefined, from: RecordYearSource): void {
    if (year === undefined || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) return;
    let m = this.byYear.get(year);
    if (!m) this.byYear.set(year, (m = new Map()));
    m.set(from, (m.get(from) ?? 0) + WEIGHT[from]);
  }

  /** The year with the most weight when no other year has as much; with the source that gave it most. */
  winner(): RecordYear | undefined {
    let best: { year: number; total: number } | null = null;
    let tie = false;
    for (const [year, m] of this.byYear) {
      let total = 0;
      for (const w of m.values()) total += w;
      if (!best || total > best.total) {
        best = { year, total };
        tie = false;
      } else if (total === best.total) tie = true;
    }
    if (!best || tie) return undefined;
    const m = this.byYear.get(best.year)!;
    let from: RecordYearSource = 'entries';
    let most = -1;
    for (const s of SOURCE_ORDER) {
      const w = m.get(s) ?? 0;
      if (w > most) [from, most] = [s, w];
    }
    return { year: best.year, from };
  }
}

/** The year the recognised source records (see the header of this file), or undefined when it names none. */
export function readRecordYear(categories: readonly Category[], documents: readonly DocumentReport[], lines: readonly LineReport[]): RecordYear | undefined {
  const votes = new Votes();
  const sections = new Map<string, Section>();
  for (const c of categories) for (const s of c.sections) sections.set(s.id, s);

  // Report date lines.
  for (const s of sections.values()) if (s.article?.dateLine) votes.add(reportDateYear(s.article.dateLine), 'report-date');

  // Document titles. A report's title names the year it was given in ("2021年政府工作报告"): its date line speaks.
  const byNo = new Map<number, number>();
  lines.forEach((l, i) => byNo.set(l.no, i));
  for (const d of documents) {
    if (d.kind === 'reports' && d.sectionIds.some((id) => sections.get(id)?.article?.dateLine)) continue;
    const from = byNo.get(d.firstLine);
    if (from === undefined) continue;
    for (let i = from; i < lines.length && lines[i]!.no <= d.lastLine; i++) {
      const l = lines[i]!;
      if (SKIPPED_ROLES.has(l.role)) continue;
      if (TITLE_ROLES.has(l.role)) votes.add(titleYear(l.text), 'title');
      break;
    }
  }

  // Headings, section titles and entry openings, in every category.
  for (const c of categories)
    for (const s of c.sections) {
      votes.add(headingYear(s.title), 'heading');
      walkChildren(s.children, votes, c.role === 'special');
    }
  return votes.winner();
}

function walkChildren(children: readonly (SectionChild | SubsectionChild)[], votes: Votes, report: boolean): void {
  for (const ch of children) {
    if (ch.type === 'entry') entryVotes(ch, votes);
    else if (ch.type === 'subsection') {
      votes.add(headingYear(ch.title), 'heading');
      walkChildren(ch.children, votes, report);
    } else blockVotes(ch, votes, report);
  }
}

function entryVotes(e: Entry, votes: Votes): void {
  const first = e.blocks.find((b) => b.type === 'paragraph');
  if (first?.type === 'paragraph') votes.add(openingYear(first.text), 'entries');
  for (const b of e.blocks) if (b !== first) blockVotes(b, votes, false);
  if (first?.type === 'paragraph') {
    const y = headingYear(first.text);
    if (y !== undefined) votes.add(y, 'heading');
  }
}

function blockVotes(b: Block, votes: Votes, report: boolean): void {
  if (b.type === 'heading') votes.add(headingYear(b.text, report), 'heading');
  else if (b.type === 'paragraph' && /^\s*\d{4}/.test(b.text)) votes.add(headingYear(b.text), 'heading');
}

/** The years of several drafts imported together (a department's folder, the review's files). */
export interface DraftYears {
  /** The record year most drafts name (on a tie, the first draft's); absent when none names one. */
  recordYear?: number;
  recordYearFrom?: RecordYearSource;
  /** A volume year a draft names ("拱墅年鉴（2022）"); else the record year + 1. */
  volumeYear?: number;
  volumeYearFrom?: 'text' | 'record-year';
  /** Every record year the drafts name, most often named first: more than one means they disagree. */
  years: number[];
}

export function combineYears(hints: readonly VolumeHints[]): DraftYears {
  const counts = new Map<number, number>();
  for (const h of hints) if (h.recordYear !== undefined) counts.set(h.recordYear, (counts.get(h.recordYear) ?? 0) + 1);
  // Map keeps first-seen order, and the sort is stable: a tie goes to the first draft.
  const years = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([y]) => y);
  const out: DraftYears = { years };
  const record = years[0];
  if (record !== undefined) {
    out.recordYear = record;
    const from = hints.find((h) => h.recordYear === record)?.recordYearFrom;
    if (from) out.recordYearFrom = from;
  }
  const named = hints.find((h) => h.volumeYear !== undefined && h.volumeYearFrom === 'text')?.volumeYear;
  if (named !== undefined) {
    out.volumeYear = named;
    out.volumeYearFrom = 'text';
  } else if (record !== undefined) {
    out.volumeYear = record + 1;
    out.volumeYearFrom = 'record-year';
  }
  return out;
}

/**
 * The years of a new book made from drafts: what the user gave (--volume-year, --record-year) first, then what the
 * drafts name (a volume year printed in a title before one derived from the record year), then each from the
 * other (volume = record + 1), and only then the clock's year. `known` is false when neither the user nor the
 * drafts named a year, so the caller can say the years are a guess.
 */
export function newBookYears(given: { volumeYear?: number; recordYear?: number }, years: DraftYears, thisYear: number = new Date().getFullYear()): { volumeYear: number; recordYear: number; known: boolean } {
  const volumeYear =
    given.volumeYear ??
    (years.volumeYearFrom === 'text' ? years.volumeYear : undefined) ??
    (given.recordYear !== undefined ? given.recordYear + 1 : undefined) ??
    years.volumeYear ??
    thisYear;
  const recordYear = given.recordYear ?? years.recordYear ?? volumeYear - 1;
  const known = given.recordYear !== undefined || years.recordYear !== undefined || given.volumeYear !== undefined || years.volumeYear !== undefined;
  return { volumeYear, recordYear, known };
}
