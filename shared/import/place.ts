// Putting an import into a book. Pure: returns a new book and leaves the given one untouched, so a caller
// can validate the result and commit it in one step (all-or-nothing), and undo is "keep the old book".
//
//   auto          each recognised part where its kind belongs: a chapter's category (merged with a category
//                 of the same title) and sections, reports into 特载, table documents into 附录
//   new-sections  all recognised sections appended (or inserted) as new sections of one category
//   new-category  all recognised sections as new sections of a new category (where its role belongs)
//   append        the content of all recognised sections appended to one existing section
//   replace       one existing section's content replaced by the content of all recognised sections
import { t } from '../i18n';
import { ID_PREFIX, randomId, type IdGenerator } from '../model/ids';
import { newBook, type NewBookParams } from '../model/factory';
import type { Book, Category, Section } from '../model/schema';
import type { ImportResult } from './types';

export type Placement =
  | { mode: 'auto' }
  | { mode: 'new-sections'; categoryId: string; index?: number }
  | { mode: 'new-category'; title: string; titleEn?: string; role?: Category['role'] }
  | { mode: 'append'; sectionId: string }
  | { mode: 'replace'; sectionId: string };

export class PlacementError extends Error {
  constructor(readonly reason: 'no-category' | 'no-section' | 'wrong-kind', id: string) {
    super(`${reason}: ${id}`);
    this.name = 'PlacementError';
  }
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

/** Categories of the book where a category of this role lives (the body, or the back matter for appendices). */
function findCategory(book: Book, pred: (c: Category) => boolean): Category | undefined {
  return book.body.find(pred) ?? book.back.find((b): b is Category => b.type === 'category' && pred(b));
}

/** Places every category of one import by its role. Mutates `book` (a clone owned by the caller). */
function placeAuto(book: Book, categories: Category[], ids: IdGenerator): void {
  for (const cat of categories) {
    if (cat.role === 'special') {
      let target = book.body.find((c) => c.role === 'special');
      if (!target) {
        target = { type: 'category', id: ids(ID_PREFIX.category), role: 'special', title: cat.title || t('import.specialCategory', {}, 'zh'), sections: [] };
        // 特载 opens the body (before 大事记, 概览 and the regular categories).
        book.body.unshift(target);
      }
      target.sections.push(...cat.sections);
    } else if (cat.role === 'appendix') {
      let target = book.back.find((b): b is Category => b.type === 'category' && b.role === 'appendix');
      if (!target) {
        target = { type: 'category', id: ids(ID_PREFIX.category), role: 'appendix', title: cat.title || t('import.appendixCategory', {}, 'zh'), sections: [] };
        // Appendices come before the generated index in the back matter.
        const indexAt = book.back.findIndex((b) => b.type === 'matter' && b.kind === 'index');
        if (indexAt >= 0) book.back.splice(indexAt, 0, target);
        else book.back.push(target);
      }
      target.sections.push(...cat.sections);
    } else {
      const same = book.body.find((c) => c.role === cat.role && c.title === cat.title);
      if (same) {
        same.sections.push(...cat.sections);
        if (!same.titleEn && cat.titleEn) same.titleEn = cat.titleEn;
      } else book.body.push(cat);
    }
  }
}

function allSections(categories: Category[]): Section[] {
  return categories.flatMap((c) => c.sections);
}

function findSection(book: Book, sectionId: string): Section | undefined {
  for (const c of [...book.body, ...book.back]) {
    if (c.type !== 'category') continue;
    const s = c.sections.find((x) => x.id === sectionId);
    if (s) return s;
  }
  return undefined;
}

/**
 * Returns a new book with the import placed as asked. Throws PlacementError when the target does not
 * exist. The ids of the imported nodes are kept; `ids` only names containers created on the way.
 */
export function placeImport(book: Book, result: Pick<ImportResult, 'categories' | 'assets'>, placement: Placement = { mode: 'auto' }, ids: IdGenerator = randomId): Book {
  const out = clone(book);
  const categories = clone(result.categories);
  // Image records (the bytes travel separately: the book file's assets, the app's storage).
  for (const a of result.assets ?? []) if (!out.assets.some((x) => x.id === a.asset.id)) out.assets.push({ ...a.asset });
  switch (placement.mode) {
    case 'auto':
      placeAuto(out, categories, ids);
      break;
    case 'new-sections': {
      const cat = findCategory(out, (c) => c.id === placement.categoryId);
      if (!cat) throw new PlacementError('no-category', placement.categoryId);
      const at = placement.index === undefined ? cat.sections.length : Math.max(0, Math.min(cat.sections.length, placement.index));
      cat.sections.splice(at, 0, ...allSections(categories));
      break;
    }
    case 'new-category': {
      const role = placement.role ?? 'regular';
      const cat: Category = { type: 'category', id: ids(ID_PREFIX.category), role, title: placement.title.trim() || t('import.untitledCategory', {}, 'zh'), sections: allSections(categories) };
      if (placement.titleEn) cat.titleEn = placement.titleEn;
      if (role === 'appendix') {
        const indexAt = out.back.findIndex((b) => b.type === 'matter' && b.kind === 'index');
        if (indexAt >= 0) out.back.splice(indexAt, 0, cat);
        else out.back.push(cat);
      } else if (role === 'special') {
        // 特载 opens the body, after any 特载 already there.
        const at = out.body.findIndex((c) => c.role !== 'special');
        out.body.splice(at < 0 ? out.body.length : at, 0, cat);
      } else out.body.push(cat);
      break;
    }
    case 'append':
    case 'replace': {
      const section = findSection(out, placement.sectionId);
      if (!section) throw new PlacementError('no-section', placement.sectionId);
      const children = allSections(categories).flatMap((s) => s.children);
      if (placement.mode === 'replace') {
        section.children = children;
        const first = allSections(categories)[0];
        if (first?.article) section.article = first.article;
      } else section.children.push(...children);
      break;
    }
  }
  return out;
}

/**
 * Several imports placed one after the other (the review screen accepts every file at once): returns the
 * new book, or throws (PlacementError) without any partial result.
 */
export function placeImports(book: Book, items: readonly { result: Pick<ImportResult, 'categories' | 'assets'>; placement: Placement }[], ids: IdGenerator = randomId): Book {
  let out = book;
  for (const it of items) out = placeImport(out, it.result, it.placement, ids);
  return out;
}

/** A new book holding the given imports, each placed by its kind. */
export function bookFromImports(params: NewBookParams, results: Pick<ImportResult, 'categories' | 'assets'>[], ids: IdGenerator = randomId): Book {
  let book = newBook(params, ids);
  for (const r of results) book = placeImport(book, r, { mode: 'auto' }, ids);
  return book;
}
