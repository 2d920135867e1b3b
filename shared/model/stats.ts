// Counts for the outline, `yearbook info` and the 编辑说明.
import type { Book, Category, Section } from './schema';
import { allCategories, blockText, sectionBlocks, sectionEntries } from './walk';
import { countChars, countWords } from './text';

export interface Counts {
  categories: number;
  sections: number;
  subsections: number;
  entries: number;
  tables: number;
  figures: number;
  attributions: number;
  /** Characters without whitespace (titles and all text). */
  characters: number;
  /** 字数 as word processors count it. */
  words: number;
}

export function emptyCounts(): Counts {
  return { categories: 0, sections: 0, subsections: 0, entries: 0, tables: 0, figures: 0, attributions: 0, characters: 0, words: 0 };
}

export function addCounts(a: Counts, b: Counts): Counts {
  const out = emptyCounts();
  for (const k of Object.keys(out) as (keyof Counts)[]) out[k] = a[k] + b[k];
  return out;
}

function addText(c: Counts, text: string): void {
  c.characters += countChars(text);
  c.words += countWords(text);
}

export function sectionCounts(category: Category, section: Section): Counts {
  const c = emptyCounts();
  c.sections = 1;
  addText(c, section.title);
  for (const child of section.children) {
    if (child.type === 'subsection') {
      c.subsections++;
      addText(c, child.title);
    }
  }
  for (const e of sectionEntries(section)) {
    c.entries++;
    addText(c, e.title);
  }
  for (const { block } of sectionBlocks(category, section)) {
    if (block.type === 'table') c.tables++;
    else if (block.type === 'figure') c.figures++;
    else if (block.type === 'attribution') {
      c.attributions++;
      continue; // names are not counted as text of the book
    }
    addText(c, blockText(block));
  }
  return c;
}

export function categoryCounts(category: Category): Counts {
  let c = emptyCounts();
  c.categories = 1;
  addText(c, category.title);
  for (const s of category.sections) c = addCounts(c, sectionCounts(category, s));
  return c;
}

export function bookCounts(book: Book): Counts {
  let c = emptyCounts();
  for (const cat of allCategories(book)) c = addCounts(c, categoryCounts(cat));
  for (const m of [...book.front, ...book.back]) {
    if (m.type !== 'matter') continue;
    for (const b of m.blocks) {
      if (b.type === 'table') c.tables++;
      if (b.type === 'figure') c.figures++;
      addText(c, blockText(b));
    }
  }
  return c;
}
