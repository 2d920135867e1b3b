// Accepting an import in the app keeps every draft with the book (来稿原文): the record in the book row, the
// text and marks as assets, all in the import's one book change — one undo removes them with the sections. The
// open section finds its drafts, the viewer opens at the line the caret's paragraph came from, 复制原文 copies
// the text as it was read.
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostFile } from '../../../../shared/host';
import { ImportSession, type Draft } from '../../../../renderer/app/import/importSession';
import { InlineRunner } from '../../../../renderer/app/import/runner';
import { copySource, initialLine, lineTarget, loadSource, openSectionSources, showOpenSectionSource } from '../../../../renderer/app/source/sourceActions';
import { readAsset, readBook } from '../../../../renderer/storage/books';
import { seedText } from '../../shared/import/corpus';
import { disposeWorkbenches, startWorkbench } from '../fixtures/testHost';

let session: ImportSession | undefined;
afterEach(() => {
  session?.dispose();
  session = undefined;
  disposeWorkbenches();
});

async function settled(s: ImportSession): Promise<Draft[]> {
  for (let k = 0; k < 500 && s.state.drafts.some((d) => ['queued', 'reading', 'recognising'].includes(d.status)); k++) await new Promise((r) => setTimeout(r, 10));
  return s.state.drafts;
}

const file = (name: string, bytes: Uint8Array, relativePath?: string): HostFile => ({ name, bytes, size: bytes.length, ...(relativePath ? { relativePath } : {}) });

describe('来稿原文 in the app', () => {
  it('accepting keeps each draft; the section finds it; one undo takes it away with the sections', async () => {
    const first = await startWorkbench();
    const { db, indexedDB } = first;
    let wb = first.wb;
    await wb.setView({ editorName: '陈编辑' });
    const bookId = wb.state.book!.id;
    const assetsBefore = (await readBook(db, bookId)).assets.size;
    const sectionsBefore = wb.state.outline.filter((n) => n.kind === 'section').length;
    // The open section of the sample was not imported: no 来稿原文, and the command says so.
    expect(openSectionSources(wb.state)).toEqual([]);
    showOpenSectionSource(wb);
    expect(wb.state.notices.at(-1)!.text).toEqual({ key: 'source.none' });
    expect(wb.state.dialog).toBeNull();

    session = new ImportSession(wb, new InlineRunner());
    const gb = new Uint8Array(iconv.encode(seedText('003'), 'gb18030'));
    session.addFiles([file('下城区人民政府.txt', gb, '区政府办/下城区人民政府.txt'), file('临安.txt', new TextEncoder().encode(seedText('000')))]);
    const drafts = await settled(session);
    expect(drafts.map((d) => d.status)).toEqual(['ready', 'ready']);
    expect(await session.accept()).toBe(true);

    const sources = wb.state.book!.shell.sources!;
    expect(sources.map((s) => [s.fileName, s.path, s.encoding?.encoding, s.importedBy])).toEqual([
      ['下城区人民政府.txt', '区政府办/下城区人民政府.txt', 'gb18030', '陈编辑'],
      ['临安.txt', undefined, 'utf-8', '陈编辑'],
    ]);
    const xiacheng = drafts[0]!.result!;
    expect(sources[0]!.sectionIds).toEqual(xiacheng.categories[0]!.sections.map((s) => s.id));
    // The import opened its first section: it came from the first draft.
    expect(wb.state.open?.id).toBe(sources[0]!.sectionIds[0]);
    expect(openSectionSources(wb.state).map((s) => s.fileName)).toEqual(['下城区人民政府.txt']);

    // The viewer: the text as read (decoded from GB18030), the heals marked, opening where the caret is.
    const loaded = await loadSource(wb, sources[0]!);
    expect(loaded.text).toBe(seedText('003').replace(/\r\n?/g, '\n'));
    expect(loaded.view.marked).toBe(true);
    const healed = loaded.view.lines.find((l) => l.heals?.includes('line-joined'))!;
    expect(healed.blockId).toBeDefined();
    expect(initialLine(loaded.view, { open: wb.state.open, caret: { blockId: healed.blockId! } })).toBe(loaded.view.lines.find((l) => l.blockId === healed.blockId)!.no);
    // The section's own title line when the caret is nowhere in particular.
    const titleLine = loaded.view.lines.find((l) => l.nodeId === wb!.state.open!.id)!;
    expect(initialLine(loaded.view, { open: wb.state.open, caret: {} })).toBe(titleLine.no);
    // 在正文中显示: the section the healed paragraph is in now.
    const target = lineTarget(healed, sources[0]!, wb.state.outline)!;
    expect(target.nodeId).toBe(healed.blockId);
    expect(wb.state.outline.find((n) => n.id === target.sectionId)!.kind).toBe('section');
    showOpenSectionSource(wb);
    expect(wb.state.dialog).toEqual({ kind: 'source', sourceId: sources[0]!.id });

    // 复制原文.
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    expect(await copySource(wb, sources[1]!)).toBe(true);
    expect(writeText).toHaveBeenCalledWith(seedText('000').replace(/\r\n?/g, '\n'));
    expect(wb.state.notices.at(-1)!.text).toMatchObject({ key: 'source.copied', params: { file: '临安.txt' } });

    // Stored: four more assets (two drafts × text and marks); still there after a restart.
    expect((await readBook(db, bookId)).assets.size).toBe(assetsBefore + 4);
    wb.dispose();
    ({ wb } = await startWorkbench({ indexedDB, sample: null }));
    expect(wb.state.book!.shell.sources).toEqual(sources);

    // One undo takes the import back: sections, records, text and marks.
    expect(wb.state.bookUndo).not.toBeNull();
    expect(await wb.undoBookChange()).toBe(true);
    expect(wb.state.book!.shell.sources).toBeUndefined();
    expect(wb.state.outline.filter((n) => n.kind === 'section')).toHaveLength(sectionsBefore);
    expect((await readBook(wb.db, bookId)).assets.size).toBe(assetsBefore);
    for (const s of sources) expect(await readAsset(wb.db, s.textAssetId)).toBeUndefined();
  });
});
