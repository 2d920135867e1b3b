// Harvests the real material of a book (normally the sample book built from the corpus seeds): sentences,
// entry openers, entry titles, attribution names, figure captions and credits, table shapes, special
// reports and dated events. The generator recombines these, so its text is real yearbook prose.
import type { Block, Book, Category, Section, Table } from '../model/schema';
import { sectionEntries } from '../model/walk';

export interface HarvestedReport {
  title: string;
  article?: Section['article'];
  /** Heading and paragraph blocks in order (ids are replaced when reused). */
  blocks: Block[];
}

export interface HarvestedFigure {
  caption: string;
  /** The credit as printed, e.g. "区信访局提供". */
  credit?: string;
}

export interface Corpus {
  /** Body sentences of regular entries, each ending with its punctuation. */
  sentences: string[];
  /** First sentences of entries (they usually open with the year). */
  openers: string[];
  /** Sentences of 概况/综述 entries (overview prose). */
  overviewSentences: string[];
  /** Entry titles other than 概况/综述. */
  entryTitles: string[];
  /** Person names from author attribution lines. */
  authors: string[];
  /** Unit names from unit attribution lines ("区审管办"). */
  units: string[];
  figures: HarvestedFigure[];
  tables: Table[];
  reports: HarvestedReport[];
  /** Events with a day: "区委召开…" with month and day taken from "X月X日". */
  events: { month: number; day: number; text: string }[];
  /** Real section titles (used where the frame runs out). */
  sectionTitles: string[];
  recordYear: number;
}

const OVERVIEW = new Set(['概况', '综述', '概述', '基本情况']);
const SENTENCE_RE = /[^。！？!?]+[。！？!?]+[”’」』）)]*/g;

/** Splits text into sentences, keeping closing quotes with their sentence. */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(SENTENCE_RE)) {
    const s = m[0].trim();
    if (s) out.push(s);
  }
  return out;
}

function usable(s: string): boolean {
  // Skip fragments (a broken line the importer could not heal) and overlong run-ons.
  return s.length >= 8 && s.length <= 260 && !/^[，、；：,;:）)]/.test(s);
}

export function harvestCorpus(book: Book): Corpus {
  const c: Corpus = {
    sentences: [],
    openers: [],
    overviewSentences: [],
    entryTitles: [],
    authors: [],
    units: [],
    figures: [],
    tables: [],
    reports: [],
    events: [],
    sectionTitles: [],
    recordYear: book.recordYear,
  };
  const seenIn = new Map<string[], Set<string>>();
  const addSentence = (list: string[], s: string) => {
    if (!usable(s)) return;
    let seen = seenIn.get(list);
    if (!seen) seenIn.set(list, (seen = new Set()));
    if (seen.has(s)) return;
    seen.add(s);
    list.push(s);
  };
  const titles = new Set<string>();
  const authors = new Set<string>();
  const units = new Set<string>();
  const figureKeys = new Set<string>();

  const visitBlocks = (blocks: Iterable<Block>) => {
    for (const b of blocks) {
      if (b.type === 'attribution') {
        for (const n of b.names) (b.kind === 'unit' ? units : b.kind === 'author' ? authors : units).add(n);
      } else if (b.type === 'figure') {
        const key = b.caption.trim();
        if (key && !figureKeys.has(key)) {
          figureKeys.add(key);
          c.figures.push({ caption: key, ...(b.credit ? { credit: b.credit.raw } : {}) });
        }
      } else if (b.type === 'table') {
        if (b.bodyRows.length > 0) c.tables.push(b);
      }
    }
  };

  const visitCategory = (cat: Category) => {
    for (const section of cat.sections) {
      if (cat.role === 'special') {
        const blocks = section.children.filter((x): x is Block => x.type !== 'entry' && x.type !== 'subsection');
        if (blocks.some((b) => b.type === 'paragraph')) {
          c.reports.push({ title: section.title, ...(section.article ? { article: section.article } : {}), blocks });
        }
        continue;
      }
      c.sectionTitles.push(section.title);
      for (const child of section.children) {
        if (child.type === 'subsection') visitBlocks(child.children.filter((x): x is Block => x.type !== 'entry'));
        else if (child.type !== 'entry') visitBlocks([child]);
      }
      for (const e of sectionEntries(section)) {
        const overview = OVERVIEW.has(e.title);
        if (!overview && e.title.length >= 2 && e.title.length <= 20) titles.add(e.title);
        visitBlocks(e.blocks);
        let first = true;
        for (const b of e.blocks) {
          if (b.type === 'dated') collectEvent(c, b.dateLabel + b.text);
          if (b.type !== 'paragraph') continue;
          for (const s of splitSentences(b.text)) {
            if (first) addSentence(c.openers, s);
            else addSentence(overview ? c.overviewSentences : c.sentences, s);
            first = false;
            collectEvent(c, s);
          }
        }
      }
    }
  };
  for (const cat of book.body) visitCategory(cat);
  for (const b of book.back) if (b.type === 'category') visitCategory(b);
  for (const m of [...book.front, ...book.back]) if (m.type === 'matter') visitBlocks(m.blocks);

  c.entryTitles = [...titles];
  c.authors = [...authors].filter((n) => n.length >= 2 && n.length <= 4);
  c.units = [...units];
  return c;
}

const EVENT_RE = /^(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日[，,]?\s*(.{8,160}[。！])$/;

/** "3月5日，区委召开…。" → an event of 5 March (a sentence that states its own day). */
function collectEvent(c: Corpus, sentence: string): void {
  const m = EVENT_RE.exec(sentence);
  if (!m) return;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return;
  if (m[1] && Number(m[1]) !== c.recordYear && Math.abs(Number(m[1]) - c.recordYear) > 5) return;
  const text = m[4]!;
  if (!c.events.some((e) => e.text === text)) c.events.push({ month, day, text });
}

/** Whether a corpus has enough material to build a volume from. */
export function corpusProblems(c: Corpus): string[] {
  const p: string[] = [];
  if (c.sentences.length + c.openers.length < 20) p.push(`only ${c.sentences.length + c.openers.length} body sentences`);
  if (c.entryTitles.length < 5) p.push(`only ${c.entryTitles.length} entry titles`);
  if (c.authors.length + c.units.length === 0) p.push('no attribution names');
  if (c.tables.length === 0) p.push('no tables');
  if (c.figures.length === 0) p.push('no figure captions');
  return p;
}
