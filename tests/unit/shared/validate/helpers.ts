// Test helpers: small books built with the model's factories from quoted seed text, and shortcuts to the
// findings of one rule.
import { readFileSync, readdirSync } from 'node:fs';
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
  type CategoryRole,
  type Entry,
  type IdGenerator,
  type Section,
  type Subsection,
} from '../../../../shared/model';
import { bookFromImports, recogniseText } from '../../../../shared/import';
import { applyFixes, check, type CheckOptions, type ConfigOverrides, type Finding } from '../../../../shared/validate';

export const SEEDS = path.resolve(import.meta.dirname, '../../../fixtures/corpus/seeds');

/** The text of a seed file by its number prefix ("000"). */
export function seed(prefix: string): string {
  const f = readdirSync(SEEDS).find((n) => n.startsWith(prefix) && n.endsWith('.txt'));
  if (!f) throw new Error(`no seed ${prefix}`);
  return readFileSync(path.join(SEEDS, f), 'utf8');
}

/** The first line of a seed that contains `needle` (so a test quotes the corpus, not a paraphrase). */
export function seedLine(prefix: string, needle: string): string {
  const line = seed(prefix)
    .split('\n')
    .find((l) => l.includes(needle));
  if (!line) throw new Error(`seed ${prefix} has no line with ${needle}`);
  return line.trim();
}

/**
 * The year each seed records, as its own text says: 000 "2020年，临安区…", 001 four reports on 2020 (given between
 * December 2020 and March 2021), 002 《2022拱墅年鉴》 ("2021年，…"), 003 "2017年，…", 004 "2020年区《政府工作报告》主要目标任务
 *进展情况". The importer reads each of them itself (tests/unit/shared/import/years.test.ts); importSeed checks that it
 * still does, so the checker's tests run with the year `yearbook import` and `yearbook validate` give the seed.
 */
export const SEED_RECORD_YEAR: Readonly<Record<string, number>> = { '000': 2020, '001': 2020, '002': 2021, '003': 2017, '004': 2020 };

/** A seed as the importer reads it (recogniseText + bookFromImports, as `yearbook validate 稿件.txt` does), with deterministic ids. */
export function importSeed(prefix: string): Book {
  const r = recogniseText(seed(prefix), `${prefix}.txt`, { ids: sequentialIds(`s${prefix}`) });
  const h = r.report.hints;
  if (h.recordYear !== SEED_RECORD_YEAR[prefix] || h.volumeYear === undefined) throw new Error(`the importer reads seed ${prefix} as recording ${h.recordYear}, not ${SEED_RECORD_YEAR[prefix]}`);
  return bookFromImports({ title: h.bookTitle ?? '年鉴', volumeYear: h.volumeYear, recordYear: h.recordYear, now: '2026-01-01T00:00:00.000Z' }, [r], sequentialIds(`b${prefix}`));
}

export type Child =
  | { entry: string; text?: string[]; blocks?: Block[] }
  | { attrib: string; kind?: 'author' | 'unit'; names?: string[]; covers?: string[] }
  | { sub: string; children: Child[] }
  | { block: Block }
  | { p: string };

export interface SectionSpec {
  title: string;
  children: Child[];
}

export interface CategorySpec {
  title: string;
  role?: CategoryRole;
  sections: SectionSpec[];
}

export interface BookSpec {
  volumeYear?: number;
  recordYear?: number;
  categories: CategorySpec[];
}

function children(list: Child[], ids: IdGenerator): (Entry | Subsection | Block)[] {
  const out: (Entry | Subsection | Block)[] = [];
  for (const c of list) {
    if ('entry' in c) {
      const e = newEntry(c.entry, c.text ?? [], ids);
      if (c.blocks) e.blocks.push(...c.blocks);
      out.push(e);
    } else if ('attrib' in c) {
      const names = c.names ?? c.attrib.replace(/[()（）]|供稿/g, '').trim().split(/\s+/);
      out.push(newAttribution(c.kind ?? (c.attrib.includes('供稿') ? 'unit' : 'author'), names, c.covers ?? [], ids, c.attrib));
    } else if ('sub' in c) {
      const s = newSubsection(c.sub, ids);
      s.children = children(c.children, ids) as Subsection['children'];
      out.push(s);
    } else if ('block' in c) out.push(c.block);
    else out.push(newParagraph(c.p, ids));
  }
  return out;
}

/** A book from a compact description; ids are deterministic (e_1, p_2 …). */
export function makeBook(spec: BookSpec, ids: IdGenerator = sequentialIds()): Book {
  const book = newBook({ title: '测试年鉴', volumeYear: spec.volumeYear ?? 2021, recordYear: spec.recordYear ?? (spec.volumeYear ?? 2021) - 1, now: '2026-01-01T00:00:00.000Z' }, ids);
  for (const c of spec.categories) {
    const cat = newCategory(c.title, c.role ?? 'regular', ids);
    for (const s of c.sections) {
      const sec: Section = newSection(s.title, ids);
      sec.children = children(s.children, ids) as Section['children'];
      cat.sections.push(sec);
    }
    if (cat.role === 'appendix') book.back.push(cat);
    else book.body.push(cat);
  }
  return book;
}

/** A book with one regular section holding one attributed entry with these paragraphs. */
export function entryBook(paragraphs: string[], opts: { title?: string; recordYear?: number; role?: CategoryRole } = {}): Book {
  return makeBook({
    recordYear: opts.recordYear ?? 2020,
    volumeYear: (opts.recordYear ?? 2020) + 1,
    categories: [{ title: '杭州市临安区人民政府', role: opts.role, sections: [{ title: '外事', children: [{ entry: opts.title ?? '概况', text: paragraphs }, { attrib: '（张泓阳）' }] }] }],
  });
}

/** Findings of one rule (all rules run, as in the app). */
export function findings(book: Book, ruleId: string, opts: CheckOptions | ConfigOverrides = {}): Finding[] {
  const o: CheckOptions = 'scope' in opts || 'overrides' in opts ? (opts as CheckOptions) : { overrides: opts as ConfigOverrides };
  return check(book, o).findings.filter((f) => f.ruleId === ruleId);
}

/** Findings of one rule on a single paragraph in a regular entry. */
export function inText(text: string, ruleId: string, overrides: ConfigOverrides = {}, opts: { role?: CategoryRole; recordYear?: number } = {}): Finding[] {
  return findings(entryBook([text], opts), ruleId, overrides);
}

/** The offending texts of findings (location.text). */
export function texts(list: Finding[]): string[] {
  return list.map((f) => f.location.text ?? '');
}

/** The paragraph after applying the first fix of every finding of the rule (confirmation-needing ones too). */
export function fixed(text: string, ruleId: string, overrides: ConfigOverrides = {}): string {
  const book = entryBook([text]);
  const list = findings(book, ruleId, overrides);
  const { book: after, refused } = applyFixes(book, list.map((f) => f.fixes[0]!).filter(Boolean));
  if (refused.length) throw new Error(`refused fixes: ${refused.map((r) => r.reason).join(', ')}`);
  const entry = after.body[0]!.sections[0]!.children[0] as Entry;
  return (entry.blocks[0] as { text: string }).text;
}
