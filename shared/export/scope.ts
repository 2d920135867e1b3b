// Export scope: the whole volume, one category (类目) or one section (分目), named by title or id.
import { UserError } from '../model/errors';
import type { Book, Category, Section } from '../model/schema';
import { allCategories } from '../model/walk';

export type ExportScope = { kind: 'volume' } | { kind: 'category'; id: string } | { kind: 'section'; id: string };

/** A scope as typed by a user: "volume", "category:经济" / "category:c_123", "section:民政" / "section:区人民政府/民政". */
export function parseScope(book: Book, text: string | undefined): ExportScope {
  const raw = (text ?? 'volume').trim();
  if (raw === '' || raw === 'volume' || raw === '全书') return { kind: 'volume' };
  const m = /^(category|section|类目|分目)[:：](.+)$/.exec(raw);
  if (!m) throw new UserError('export.scope.invalid', { scope: raw });
  const kind = m[1] === 'category' || m[1] === '类目' ? 'category' : 'section';
  const name = m[2]!.trim();
  const cats = allCategories(book);
  if (kind === 'category') {
    const byId = cats.find((c) => c.id === name);
    if (byId) return { kind, id: byId.id };
    const hits = cats.filter((c) => c.title === name || squash(c.title) === squash(name));
    if (hits.length === 0) throw new UserError('export.scope.notFound', { name, kind: '类目' });
    if (hits.length > 1) throw new UserError('export.scope.ambiguous', { name, kind: '类目', count: hits.length, where: hits.map((h) => h.id).join('、') });
    return { kind, id: hits[0]!.id };
  }
  const sections: { category: Category; section: Section }[] = cats.flatMap((category) => category.sections.map((section) => ({ category, section })));
  const byId = sections.find((s) => s.section.id === name);
  if (byId) return { kind, id: byId.section.id };
  const slash = name.split(/[/／]/);
  const [catName, secName] = slash.length === 2 ? [slash[0]!.trim(), slash[1]!.trim()] : [undefined, name];
  const hits = sections.filter(
    (s) =>
      (s.section.title === secName || squash(s.section.title) === squash(secName!)) &&
      (catName === undefined || s.category.title === catName || squash(s.category.title) === squash(catName)),
  );
  if (hits.length === 0) throw new UserError('export.scope.notFound', { name, kind: '分目' });
  if (hits.length > 1) {
    throw new UserError('export.scope.ambiguous', {
      name,
      kind: '分目',
      count: hits.length,
      where: hits.map((h) => `${h.category.title}/${h.section.title}`).join('、'),
    });
  }
  return { kind, id: hits[0]!.section.id };
}

function squash(s: string): string {
  return s.replace(/\s+/g, '');
}

/** Human label of a scope, for file names and progress ("全书", "类目 经济", "分目 民政"). */
export function scopeLabel(book: Book, scope: ExportScope): string {
  if (scope.kind === 'volume') return '全书';
  for (const c of allCategories(book)) {
    if (scope.kind === 'category' && c.id === scope.id) return `类目 ${c.title}`;
    for (const s of c.sections) if (scope.kind === 'section' && s.id === scope.id) return `分目 ${s.title}`;
  }
  return scope.id;
}
