// Naming what to check: "category:<title or id>" / "section:<title or id>" (command line, saved reports).
import { UserError } from '../model/errors';
import type { Book, Category, Section } from '../model/schema';
import type { Scope } from './types';

const norm = (s: string) => s.replace(/\s+/g, '');

/** Resolves a scope written as text; titles are matched without spaces ("综 述" finds 综述). */
export function resolveScope(book: Book, spec: string): { scope: Scope; title?: string } {
  const m = /^(category|section|类目|分目)\s*[:：]\s*(.+)$/.exec(spec.trim());
  if (!m) throw new UserError('validate.cli.badScope', { scope: spec });
  const kind = m[1] === 'category' || m[1] === '类目' ? 'category' : 'section';
  const name = m[2]!.trim();
  const categories: Category[] = [...book.body, ...book.back.filter((b): b is Category => b.type === 'category')];
  const candidates: (Category | Section)[] = kind === 'category' ? categories : categories.flatMap((c) => c.sections);
  const byId = candidates.find((c) => c.id === name);
  if (byId) return { scope: { kind, id: byId.id }, title: byId.title };
  const byTitle = candidates.filter((c) => norm(c.title) === norm(name));
  const kindName = kind === 'category' ? '类目' : '分目';
  if (!byTitle.length) throw new UserError('validate.cli.scopeNotFound', { kind: kindName, name });
  if (byTitle.length > 1) throw new UserError('validate.cli.scopeAmbiguous', { kind: kindName, name, count: byTitle.length, ids: byTitle.map((c) => c.id).join('、') });
  return { scope: { kind, id: byTitle[0]!.id }, title: byTitle[0]!.title };
}
