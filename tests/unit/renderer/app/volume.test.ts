// Working on a volume through the workbench: renaming entries from the outline, 移动到…, deleting entries,
// the registry as book changes with one undo, and the commands that reach them from the menu and palette.
import { afterEach, describe, expect, it } from 'vitest';
import type { MenuCommand } from '../../../../shared/host';
import { t } from '../../../../shared/i18n';
import { contributorStats, mergeContributors, sectionEntries, type Entry } from '../../../../shared/model';
import { paletteItems } from '../../../../renderer/app/chrome/CommandPalette';
import type { Workbench } from '../../../../renderer/app/workbench';
import { readBook, readSection } from '../../../../renderer/storage/books';
import { REG, registryBook } from '../fixtures/registryBook';
import { disposeWorkbenches, startWorkbench } from '../fixtures/testHost';

afterEach(disposeWorkbenches);

const started = () => startWorkbench({ sample: registryBook() });

const row = (w: Workbench, title: string, kind?: string) => w.state.outline.find((n) => n.title === title && (!kind || n.kind === kind))!;

describe('outline actions', () => {
  it('renames an entry from the outline: its section, the outline and the open section follow; one undo takes it back', async () => {
    const { wb } = await started();
    const entry = row(wb, '区域融合加快', 'entry');
    await wb.openNode(entry.id);
    await wb.rename(entry.id, '【区域融合发展】');
    expect(row(wb, '区域融合发展', 'entry').id).toBe(entry.id);
    const open = wb.state.open;
    expect(open?.kind === 'section' && sectionEntries(open.section).find((e) => e.id === entry.id)!.title).toBe('区域融合发展');
    expect(sectionEntries((await readSection(wb.db, entry.sectionId!))!).find((e) => e.id === entry.id)!.title).toBe('区域融合发展');
    expect(wb.state.bookUndo?.label).toEqual({ key: 'volume.undo.renamed', params: { title: '区域融合加快' } });
    await wb.undoBookChange();
    expect(row(wb, '区域融合加快', 'entry').id).toBe(entry.id);
    // An empty title is refused in Chinese and changes nothing.
    await wb.rename(entry.id, '  ');
    expect(wb.state.notices.at(-1)!.text).toEqual({ key: 'ops.emptyTitle', params: {} });
    expect(row(wb, '区域融合加快', 'entry')).toBeDefined();
  });

  it('renames an open matter page: its row, the open page and the stored book follow', async () => {
    const sample = registryBook();
    sample.book.back.push({ type: 'matter', id: 'm_after', kind: 'afterword', title: '后记', blocks: [] });
    const { wb } = await startWorkbench({ sample });
    await wb.openNode('m_after');
    await wb.rename('m_after', '编后记');
    expect(row(wb, '编后记', 'matter').id).toBe('m_after');
    expect(wb.state.open).toMatchObject({ kind: 'matter', matter: { title: '编后记' } });
    expect((await readBook(wb.db, wb.state.book!.id)).book.back.at(-1)!.title).toBe('编后记');
  });

  it('moves an entry into an empty section with 移动到… as one book change, and one undo puts it back', async () => {
    const { wb } = await started();
    const cat = wb.state.outline.find((n) => n.kind === 'category')!;
    await wb.addSection(cat.id, '新设分目');
    const empty = row(wb, '新设分目', 'section');
    const entry = row(wb, '森林防火灭火', 'entry');
    const from = entry.sectionId!;
    wb.select(entry.id);
    await wb.command('outline.moveTo');
    expect(wb.state.dialog).toEqual({ kind: 'moveNode', nodeId: entry.id });
    expect(await wb.moveNodeInto(entry.id, empty.id, 'end')).toBe(true);
    expect(wb.state.dialog).toBeNull();
    expect(row(wb, '森林防火灭火', 'entry')).toMatchObject({ sectionId: empty.id, parentId: empty.id });
    expect(wb.state.selectedId).toBe(entry.id);
    expect(row(wb, '新设分目', 'section').counts.entries).toBe(1);
    const book = (await readBook(wb.db, wb.state.book!.id)).book;
    const line = book.body[0]!.sections.find((s) => s.id === from)!.children.find((c) => c.type === 'attribution');
    expect(line?.type === 'attribution' && line.covers).not.toContain(entry.id);
    await wb.command('edit.undoBookChange');
    expect(row(wb, '森林防火灭火', 'entry').sectionId).toBe(from);
    expect(row(wb, '新设分目', 'section').counts.entries).toBe(0);
  });

  it('deletes an entry after asking, as a book change that one undo takes back', async () => {
    const { wb } = await started();
    const entry = row(wb, '自然灾害应对', 'entry');
    wb.select(entry.id);
    await wb.command('outline.delete');
    expect(wb.state.dialog).toMatchObject({ kind: 'deleteItem', nodeId: entry.id, nodeKind: 'entry', title: '自然灾害应对' });
    expect(await wb.deleteItem(entry.id)).toBe(true);
    expect(wb.state.outline.some((n) => n.id === entry.id)).toBe(false);
    await wb.undoBookChange();
    expect(row(wb, '自然灾害应对', 'entry').id).toBe(entry.id);
  });

  it('reaches rename, status and the 撰稿人 tab from menu commands', async () => {
    const { wb, host } = await started();
    const send = (c: MenuCommand) => host.dispatchMenuCommand(c);
    const section = row(wb, '应急管理', 'section');
    wb.select(section.id);
    send('outline.rename');
    expect(wb.state.renaming).toBe(section.id);
    wb.endRename();
    send('outline.setStage');
    expect(wb.state.dialog).toEqual({ kind: 'setStage', sectionId: section.id });
    expect(await wb.setSectionStage(section.id, 'first-review', '李编辑')).toBe(true);
    expect(row(wb, '应急管理', 'section')).toMatchObject({ stage: 'first-review', stageBy: '李编辑', stageAt: expect.stringMatching(/^\d{4}-/) });
    send('view.contributors');
    await new Promise((r) => setTimeout(r, 300));
    expect(wb.state.view).toMatchObject({ showSidePanel: true, sideTab: 'contributors' });
  });

  it('lists the outline actions, the side panel and every registered contributor in the command palette', async () => {
    const { wb } = await started();
    const tr = (k: Parameters<typeof t>[0], p?: Parameters<typeof t>[1]) => t(k, p ?? {});
    const items = paletteItems(wb, wb.state, tr);
    const labels = items.map((i) => i.label);
    for (const k of ['volume.menu.rename', 'volume.menu.moveTo', 'volume.menu.setStage', 'volume.menu.delete', 'volume.menu.contributors', 'volume.menu.sideHistory', 'volume.menu.copyContributors'] as const) {
      expect(labels).toContain(t(k));
    }
    const wang = items.find((i) => i.label === t('volume.palette.editContributor', { name: '汪剑' }))!;
    wang.run(wb);
    expect(wb.state.dialog).toEqual({ kind: 'contributor', key: REG.wang });
  });
});

describe('the registry as book changes', () => {
  it('a merge is one book change: lines in every section follow, and one undo restores registry and lines', async () => {
    const { wb } = await started();
    const bookId = wb.state.book!.id;
    const before = (await readBook(wb.db, bookId)).book;
    expect(await wb.changeBook((b) => mergeContributors(b, REG.wangPadded, REG.wang), { snapshot: true, undo: { key: 'volume.undo.merged', params: { from: '汪 剑', into: '汪剑' } } })).toBe(true);
    const merged = (await readBook(wb.db, bookId)).book;
    expect(merged.contributors.some((c) => c.id === REG.wangPadded)).toBe(false);
    expect(wb.state.book!.shell.contributors.some((c) => c.id === REG.wangPadded)).toBe(false);
    const fire = merged.body[0]!.sections.find((s) => s.title === '消防')!;
    const first = fire.children.find((c): c is Entry => c.type === 'entry')!;
    expect(first.blocks.find((b) => b.type === 'attribution')).toMatchObject({ names: ['汪剑'], contributorIds: [REG.wang] });
    expect(contributorStats(merged).find((s) => s.key === REG.wang)!.sections).toEqual(['应急管理', '消防']);
    await wb.undoBookChange();
    expect({ ...(await readBook(wb.db, bookId)).book, updatedAt: '' }).toEqual({ ...before, updatedAt: '' });
  });
});
