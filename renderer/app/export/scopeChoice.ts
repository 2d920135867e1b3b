// What to export (当前分目 / 一个类目 / 全书), as both export dialogs — PDF and Word — offer it: the choices, the
// default when a dialog opens, and the export scope a choice stands for.
import { useMemo } from 'react';
import type { ExportScope } from '../../../shared/export/scope';
import type { NodeRow } from '../../storage/schema';
import type { WorkbenchState } from '../workbench';

export type ScopeKind = 'section' | 'category' | 'volume';

export interface ScopeChoice {
  scopeKind: ScopeKind;
  categoryId: string | null;
  /** The section open in the editor when the dialog opened (scope 当前分目). */
  sectionId: string | null;
  sectionTitle: string | null;
}

/** The categories with something to export, in book order (front, body, back), with their number of sections. */
export function scopeCategories(outline: readonly NodeRow[]): { id: string; title: string; sections: number }[] {
  const rank = { front: 0, body: 1, back: 2 } as const;
  return outline
    .filter((n) => n.kind === 'category')
    .sort((a, b) => rank[a.part] - rank[b.part] || a.order - b.order)
    .map((c) => ({ id: c.id, title: c.title, sections: outline.filter((n) => n.kind === 'section' && n.parentId === c.id).length }))
    .filter((c) => c.sections > 0);
}

export function useScopeCategories(outline: readonly NodeRow[]): ReturnType<typeof scopeCategories> {
  return useMemo(() => scopeCategories(outline), [outline]);
}

/** The choice a dialog opens with: the open section (its category preselected), else the whole volume. */
export function initialScope(s: Pick<WorkbenchState, 'open' | 'outline'>): ScopeChoice {
  const open = s.open?.kind === 'section' ? s.open : null;
  const openRow = open ? s.outline.find((n) => n.id === open.id) : undefined;
  return {
    scopeKind: open ? 'section' : 'volume',
    categoryId: openRow?.parentId ?? scopeCategories(s.outline)[0]?.id ?? null,
    sectionId: open?.id ?? null,
    sectionTitle: open?.section.title ?? null,
  };
}

/** The export scope of a choice, or null while it names nothing (no section open, no category). */
export function scopeOf(d: ScopeChoice): ExportScope | null {
  if (d.scopeKind === 'volume') return { kind: 'volume' };
  if (d.scopeKind === 'category') return d.categoryId ? { kind: 'category', id: d.categoryId } : null;
  return d.sectionId ? { kind: 'section', id: d.sectionId } : null;
}
