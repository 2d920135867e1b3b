// Test books built from the real corpus seeds (tests/fixtures/corpus) with the model's factories: the structure
// comes from the hand-made gold outlines, the text from the seeds (page-break damage healed line by line).
// Used by the export tests and benchmark until the importer's sample book and the full-size generator land.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  newAttribution,
  newBook,
  newCategory,
  newEntry,
  newParagraph,
  newSection,
  newSubsection,
  sequentialIds,
  type Block,
  type Book,
  type Category,
  type Entry,
  type Figure,
  type IdGenerator,
  type Table,
} from '../../shared/model';

const corpus = path.resolve(import.meta.dirname, '../fixtures/corpus');
const seed = (name: string) => readFileSync(path.join(corpus, 'seeds', `${name}.txt`), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const gold = (name: string): any => JSON.parse(readFileSync(path.join(corpus, 'gold', `${name}.json`), 'utf8'));

const SENTENCE_END = /[。！？；：”’）)」』…]$/;

/** Joins extracted lines into paragraphs: a line that does not end a sentence continues in the next one. */
export function healLines(lines: string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const raw of lines) {
    const l = raw.trim();
    if (!l) continue;
    cur += l;
    if (SENTENCE_END.test(l)) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur) out.push(cur);
  return out;
}

const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const isNoise = (l: string) => /^(图\s?\d+|表\s?\d+|续表\d*|\(.{1,12}\)|（.{1,12}）)/.test(l.trim()) || l.trim().length < 2;

/** Text of an entry: from "【title】" (or bodyStart) up to the next entry title, attribution or section line. */
function entryBody(lines: string[], from: number): { paras: string[]; next: number } {
  const body: string[] = [];
  let i = from;
  const first = lines[i]!.replace(/^\s*【[^】]*】/, '');
  if (first.trim()) body.push(first);
  for (i = from + 1; i < lines.length; i++) {
    const l = lines[i]!.trim();
    if (/^【/.test(l) || /^[(（][^)）]{1,20}[)）]$/.test(l)) break;
    if (l && l.length <= 12 && !/[，。、；：]/.test(l) && !/\d/.test(l)) break; // a section or subsection heading
    if (isNoise(l)) continue;
    body.push(l);
  }
  return { paras: healLines(body), next: i };
}

function figureOf(ids: IdGenerator, f: { number: number | null; caption: string; credit?: string }): Figure {
  return {
    type: 'figure',
    id: ids('fig'),
    number: f.number === null ? null : String(f.number),
    caption: f.caption,
    ...(f.credit ? { credit: { kind: 'provided' as const, names: [f.credit.replace(/提供|供稿/, '').trim()], raw: f.credit } } : {}),
    assetId: null,
    fullWidth: false,
  };
}

/** A chapter (category) from a yearbook-chapter seed and its gold outline. */
export function chapterCategory(name: string, ids: IdGenerator): Category {
  const g = gold(name);
  const text = seed(name);
  const lines = text.split('\n');
  const cat = newCategory(g.category, 'regular', ids);
  const en = lines.slice(0, 12).find((l) => /^[A-Z][A-Za-z' ,]+$/.test(l.trim()));
  if (en) cat.titleEn = en.trim();
  let cursor = 0;
  const findEntry = (title: string): number => {
    const want = `【${squash(title)}`;
    for (let i = cursor; i < lines.length; i++) if (squash(lines[i]!).startsWith(want)) return i;
    for (let i = cursor; i < lines.length; i++) if (squash(lines[i]!) === squash(title)) return i; // title on its own line
    return -1;
  };
  const makeEntry = (e: { title: string }): Entry => {
    const entry = newEntry(e.title, [], ids);
    const at = findEntry(e.title);
    if (at >= 0) {
      const own = squash(lines[at]!) === squash(e.title);
      const { paras, next } = own ? entryBody(lines, at + 1) : entryBody(lines, at);
      entry.blocks = paras.map((p) => newParadigm(p, ids));
      cursor = own ? next : Math.max(cursor, next);
    }
    if (!entry.blocks.length) entry.blocks = [newParagraph(`${e.title}。`, ids)];
    return entry;
  };
  for (const gs of g.sections) {
    const s = newSection(gs.title, ids);
    for (const e of gs.entries ?? []) s.children.push(makeEntry(e));
    for (const sub of gs.subsections ?? []) {
      const ss = newSubsection(sub.title, ids);
      for (const e of sub.entries ?? []) ss.children.push(makeEntry(e));
      s.children.push(ss);
    }
    for (const f of g.figures ?? []) if (f.section === gs.title) s.children.push(figureOf(ids, f));
    for (const tb of g.tables ?? []) if (tb.section === gs.title) s.children.push(tableFromGold(ids, tb, text));
    const entries = s.children.filter((c): c is Entry => c.type === 'entry').map((e) => e.id);
    for (const a of gs.attributions ?? []) s.children.push(newAttribution(a.kind, a.names, entries, ids, a.raw));
    cat.sections.push(s);
  }
  return cat;
}

function newParadigm(text: string, ids: IdGenerator) {
  return newParagraph(text, ids);
}

/** A table with the gold's header; its rows are the seed lines printed after the table's title. */
function tableFromGold(ids: IdGenerator, tb: { number: string | null; title: string; header: string[]; rows: number }, text: string): Table {
  const lines = text.split('\n').map((l) => l.trim());
  const start = Math.max(0, lines.findIndex((l) => l.includes(tb.title)));
  const cells = lines.slice(start + 1).filter((l) => l && !tb.header.includes(l) && !/^续表/.test(l));
  const cols = tb.header.length;
  const bodyRows = [];
  for (let r = 0; r < Math.max(tb.rows, 36); r++) {
    bodyRows.push({
      cells: Array.from({ length: cols }, (_, c) => ({
        text: c === 0 ? String(r + 1) : (cells[(r * cols + c) % cells.length] ?? '').slice(0, c === cols - 1 ? 18 : 60),
        marks: [],
        rowSpan: 1,
        colSpan: 1,
      })),
    });
  }
  return {
    type: 'table',
    id: ids('tbl'),
    number: tb.number,
    title: tb.title,
    unitNote: '单位：项',
    headerRows: [{ cells: tb.header.map((h) => ({ text: h, marks: [], rowSpan: 1, colSpan: 1 })) }],
    bodyRows,
    fullWidth: false,
  };
}

/** The Word table of seed 004 (a cell starts with a tab; other lines continue it): 5 columns, groups as spanning rows. */
export function seedTable(ids: IdGenerator): Table {
  const g = gold('004_1acf8fc5c8f69d36');
  const lines = seed('004_1acf8fc5c8f69d36').split('\n');
  const cells: string[] = [];
  for (const l of lines.slice(1)) {
    if (l.startsWith('\t')) cells.push(l.trim());
    else if (l.trim() && cells.length) cells[cells.length - 1] += l.trim();
  }
  const header = cells.splice(0, 5);
  // Five cells a row; a row whose 项目名称 cell is empty continues the project above it (one cell spanning rows).
  const rows: Table['bodyRows'] = [];
  let nameCell: Table['bodyRows'][number]['cells'][number] | null = null;
  for (let i = 0; i + 5 <= cells.length; i += 5) {
    const [name, ...rest] = cells.slice(i, i + 5);
    const tail = rest.map((text) => ({ text, marks: [], rowSpan: 1, colSpan: 1 }));
    if (!name && nameCell) {
      nameCell.rowSpan++;
      rows.push({ cells: tail });
    } else {
      nameCell = { text: name ?? '', marks: [], rowSpan: 1, colSpan: 1 };
      rows.push({ cells: [nameCell, ...tail] });
    }
  }
  return {
    type: 'table',
    id: ids('tbl'),
    number: null,
    title: g.title,
    headerRows: [{ cells: header.map((text) => ({ text, marks: [], rowSpan: 1, colSpan: 1 })) }],
    bodyRows: rows,
    fullWidth: true,
  };
}

/** The 特载 category from seed 001: four reports with their headings. */
export function specialCategory(ids: IdGenerator): Category {
  const g = gold('001_15d819c2fd779087');
  const lines = seed('001_15d819c2fd779087').split('\n').map((l) => l.trim());
  const cat = newCategory('特载', 'special', ids);
  cat.titleEn = 'Special Reports';
  const docStarts = g.documents.map((d: { titleLines?: string[]; title: string }) => {
    const first = squash(d.titleLines?.[0] ?? d.title);
    return lines.findIndex((l) => l && squash(l) === first);
  });
  g.documents.forEach((d: { title: string; subtitle?: string; speaker?: string; speakerTitle?: string; dateLine?: string; headings: { level: number; text: string; runIn: boolean }[] }, di: number) => {
    const s = newSection(d.title, ids);
    s.article = {
      ...(d.subtitle ? { subtitle: d.subtitle } : {}),
      ...(d.speaker ? { speaker: d.speaker } : {}),
      ...(d.speakerTitle ? { speakerTitle: d.speakerTitle } : {}),
      ...(d.dateLine ? { dateLine: d.dateLine.replace(/\s+/g, '') } : {}),
    };
    const from = Math.max(0, docStarts[di]!);
    const to = di + 1 < docStarts.length && docStarts[di + 1]! > from ? docStarts[di + 1]! : lines.length;
    const headingSet = new Map(d.headings.map((h) => [squash(h.text), h]));
    let buf: string[] = [];
    const flush = () => {
      for (const p of healLines(buf)) s.children.push(newParagraph(p, ids));
      buf = [];
    };
    let started = false;
    for (let i = from; i < to; i++) {
      const l = lines[i]!;
      if (!started) {
        if (/^（\s*\d{4}/.test(l) || /^\(\s*\d{4}/.test(l)) started = true;
        continue;
      }
      const h = headingSet.get(squash(l));
      if (h && !h.runIn) {
        flush();
        s.children.push({ type: 'heading', id: ids('h'), level: h.level, text: h.text, marks: [], runIn: false } as Block);
      } else if (l) buf.push(l);
    }
    flush();
    if (s.children.length) cat.sections.push(s);
  });
  return cat;
}

/** Marks the first occurrence of each term in the book's paragraphs as an index term (主题词). */
export function markIndexTerms(book: Book, terms: string[]): number {
  let n = 0;
  const todo = new Set(terms);
  for (const c of book.body) {
    for (const s of c.sections) {
      for (const ch of s.children) {
        const entries = ch.type === 'entry' ? [ch] : ch.type === 'subsection' ? ch.children.filter((x): x is Entry => x.type === 'entry') : [];
        for (const e of entries) {
          for (const b of e.blocks) {
            if (b.type !== 'paragraph') continue;
            for (const term of [...todo]) {
              const at = b.text.indexOf(term);
              if (at >= 0) {
                b.marks.push({ type: 'indexTerm', start: at, end: at + term.length });
                todo.delete(term);
                n++;
              }
            }
          }
        }
      }
    }
  }
  return n;
}

export const CHAPTER_SEEDS = ['000_081f09f87d882097', '002_92bbe13f21c1c589', '003_c63c196865967faf'];

/** A small real book: 特载 (four reports), three chapters of 区人民政府, a wide table, index terms, a 附录. */
export function seedBook(opts: { ids?: IdGenerator } = {}): Book {
  const ids = opts.ids ?? sequentialIds();
  const book = newBook({ title: '临安年鉴', volumeYear: 2021, publisherOrg: '杭州市临安区地方志办公室', now: '2026-01-01T00:00:00.000Z' }, ids);
  book.titleEn = 'Lin\'an Yearbook';
  book.houseStyle.tableContinuation = '续表N';
  book.houseStyle.padTwoCharNames = true;
  book.front.push({
    type: 'matter',
    id: ids('m'),
    kind: 'editorial-note',
    title: '编辑说明',
    blocks: [
      newParagraph('一、《临安年鉴（2021）》是一部全面、系统记述临安区2020年自然、政治、经济、文化、社会和生态文明建设等方面基本情况的资料性年刊。', ids),
      newParagraph('二、本年鉴采用类目、分目、条目结构，以条目为主体。', ids),
    ],
  });
  book.front.push({ type: 'matter', id: ids('m'), kind: 'toc', title: '目录', blocks: [] });
  book.body.push(specialCategory(ids));
  for (const name of CHAPTER_SEEDS) book.body.push(chapterCategory(name, ids));
  const appendix = newCategory('附录', 'appendix', ids);
  const s = newSection('主要目标任务进展情况', ids);
  s.children.push(seedTable(ids));
  appendix.sections.push(s);
  book.back.push(appendix);
  book.back.push({ type: 'matter', id: ids('m'), kind: 'index', title: '索引', blocks: [] });
  markIndexTerms(book, ['新冠肺炎', '数字经济', '垃圾分类', '营商环境', '河长制', '亚运会', '城市大脑', '最多跑一次', '乡村振兴', '信访']);
  return book;
}

/** A full-size volume (≈ 600 pages) made by repeating the seed chapters with fresh ids. */
export function fullSizeBook(copies = 8): Book {
  const ids = sequentialIds();
  const book = seedBook({ ids });
  const chapters = book.body.slice(1);
  for (let k = 1; k < copies; k++) {
    for (const c of chapters) {
      const clone = structuredClone(c);
      const fresh = (o: unknown): void => {
        if (Array.isArray(o)) o.forEach(fresh);
        else if (o && typeof o === 'object') {
          const rec = o as Record<string, unknown>;
          if (typeof rec.id === 'string') rec.id = `${rec.id}x${k}`;
          if (Array.isArray(rec.covers)) rec.covers = (rec.covers as string[]).map((c2) => `${c2}x${k}`);
          Object.values(rec).forEach(fresh);
        }
      };
      fresh(clone);
      clone.title = `${c.title}（${k + 1}）`;
      book.body.push(clone);
    }
  }
  return book;
}
