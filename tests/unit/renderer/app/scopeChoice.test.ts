// The scope both export dialogs (PDF, Word) offer: what a dialog opens with and the export scope a choice means.
import { afterEach, describe, expect, it } from 'vitest';
import { initialScope, scopeCategories, scopeOf } from '../../../../renderer/app/export/scopeChoice';
import { disposeWorkbenches, startWorkbench } from '../fixtures/testHost';

afterEach(disposeWorkbenches);

describe('export scope choice', () => {
  it('opens on the open section, its category preselected; without one on the volume and the first category', async () => {
    const { wb } = await startWorkbench();
    const s = wb.state;
    if (s.open?.kind !== 'section') throw new Error('no section open');
    const parent = s.outline.find((n) => n.id === s.open!.id)!.parentId;
    const choice = initialScope(s);
    expect(choice).toEqual({ scopeKind: 'section', categoryId: parent, sectionId: s.open.id, sectionTitle: s.open.section.title });
    expect(scopeOf(choice)).toEqual({ kind: 'section', id: s.open.id });

    const none = initialScope({ ...s, open: null });
    const categories = scopeCategories(s.outline);
    expect(categories.length).toBeGreaterThan(0);
    expect(categories.every((c) => c.sections > 0)).toBe(true);
    expect(none).toEqual({ scopeKind: 'volume', categoryId: categories[0]!.id, sectionId: null, sectionTitle: null });
    expect(scopeOf(none)).toEqual({ kind: 'volume' });
    expect(scopeOf({ ...none, scopeKind: 'section' })).toBeNull();
    expect(scopeOf({ ...none, scopeKind: 'category' })).toEqual({ kind: 'category', id: categories[0]!.id });
  });
});
