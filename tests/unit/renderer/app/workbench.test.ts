import { afterEach, describe, expect, it } from 'vitest';
import { readBookFile, writeBookFile } from '../../../../shared/bookfile';
import type { MenuCommand } from '../../../../shared/host';
import { type Entry, type Paragraph, type Section } from '../../../../shared/model';
import { moveEntry } from '../../../../shared/model/ops';
import { listRevisions, readBook, readRevision } from '../../../../renderer/storage/books';
import { seedBook } from '../fixtures/seedBook';
import { disposeWorkbenches, newWorkbench } from '../fixtures/testHost';

afterEach(disposeWorkbenches);

function firstParagraph(e: Entry): Paragraph {
  const p = e.blocks.find((b): b is Paragraph => b.type === 'paragraph');
  if (!p) throw new Error('fixture: entry without paragraph');
  return p;
}

describe('workbench', () => {
  it('loads the sample on the first run and opens its first section', async () => {
    const { wb } = newWorkbench();
    await wb.start();
    const s = wb.state;
    expect(s.phase).toBe('ready');
    expect(s.book?.title).toBe('拱墅年鉴');
    expect(s.outline.filter((n) => n.kind === 'section').map((n) => n.title)).toHaveLength(8);
    expect(s.open?.kind === 'section' && s.open.section.title).toBe('综述');
  });

  it('keeps the section the user opened while the book was still being shown', async () => {
    const { wb } = newWorkbench();
    await wb.start();
    const bookId = wb.state.book!.id;
    const loading = wb.loadBook(bookId);
    // The outline is on screen (open is cleared) before the book's first section is opened: a click lands there.
    for (let i = 0; i < 200 && !(wb.state.open === null && wb.state.outline.length); i++) await new Promise((r) => setTimeout(r, 0));
    expect(wb.state.open).toBeNull();
    const chosen = wb.state.outline.find((n) => n.kind === 'section' && n.title === '应急管理')!;
    await wb.openNode(chosen.id);
    await loading;
    expect(wb.state.open?.id).toBe(chosen.id);
    expect(wb.state.selectedId).toBe(chosen.id);
  });

  it('applies only the latest of two opens in flight, even when the earlier one finishes last', async () => {
    const { wb } = newWorkbench();
    await wb.start();
    const [slow, fast] = wb.state.outline.filter((n) => n.kind === 'section').slice(-2);
    // The first open's photos take longer to prepare than the second open's whole read.
    const assetUrlsFor = wb['assetUrlsFor'].bind(wb);
    wb['assetUrlsFor'] = async (section: Section) => {
      if (section.id === slow!.id) await new Promise((r) => setTimeout(r, 60));
      return assetUrlsFor(section);
    };
    const opened = await Promise.all([wb.openNode(slow!.id), wb.openNode(fast!.id)]);
    expect(opened).toEqual([false, true]);
    expect(wb.state.open?.id).toBe(fast!.id);
    expect(wb.state.selectedId).toBe(fast!.id);
  });

  it('shows the welcome state when there is no sample and no book', async () => {
    const { wb } = newWorkbench({ sample: null });
    await wb.start();
    expect(wb.state.phase).toBe('ready');
    expect(wb.state.book).toBeNull();
  });

  it('holds every edit the editor reports at once, and tells the panels once for a burst of them', async () => {
    const { wb } = newWorkbench();
    await wb.start();
    const open = wb.state.open;
    if (open?.kind !== 'section') throw new Error('no section open');
    const heard: (string | false)[] = [];
    const off = wb.store.subscribe(() => {
      const s = wb.state.open;
      heard.push(s?.kind === 'section' && firstParagraph(s.section.children[0] as Entry).text);
    });
    const texts: string[] = [];
    let current = open.section;
    for (const add of ['全区', '新增', '试点5个。']) {
      current = structuredClone(current);
      firstParagraph(current.children[0] as Entry).text += add;
      wb.editSection(current);
      texts.push(firstParagraph(current.children[0] as Entry).text);
      // Commands, saves and exports read the state: it is the editor's latest report right away.
      const now = wb.state.open;
      expect(now?.kind === 'section' && firstParagraph(now.section.children[0] as Entry).text).toBe(texts.at(-1));
    }
    // Heard so far: only the autosave's 保存中, once for the burst (with the first edit).
    expect(heard).toEqual([texts[0]]);
    expect(wb.state.save.kind).toBe('pending');
    await new Promise((r) => setTimeout(r, 50));
    // Then one notice carries the last edit to the panels.
    expect(heard).toEqual([texts[0], texts[2]]);
    off();
  });

  it('keeps edits: autosaved, and there after a restart', async () => {
    const { wb, host, db, indexedDB } = newWorkbench();
    await wb.start();
    const open = wb.state.open;
    if (open?.kind !== 'section') throw new Error('no section open');
    const edited = structuredClone(open.section);
    const entry = edited.children[0] as Entry;
    firstParagraph(entry).text += '全区新增省级未来社区试点5个。';
    wb.editSection(edited);
    expect(wb.state.save.kind).toBe('pending');
    await wb.flush();
    expect(wb.state.save.kind).toBe('saved');
    const entryRow = wb.state.outline.find((n) => n.id === entry.id)!;
    expect(entryRow.counts.characters).toBeGreaterThan(0);
    wb.dispose();

    // A new window on the same storage.
    const again = newWorkbench({ host, indexedDB, sample: null }).wb;
    await again.start();
    const reopened = again.state.open;
    expect(reopened?.kind === 'section' && firstParagraph(reopened.section.children[0] as Entry).text).toMatch(/全区新增省级未来社区试点5个。$/);
    again.dispose();
    void db;
  });

  it('an edit reloaded within the debounce keeps the pre-edit version as a revision', async () => {
    const { wb, host, indexedDB } = newWorkbench();
    await wb.start();
    const open = wb.state.open;
    if (open?.kind !== 'section') throw new Error('no section open');
    const before = open.section;
    const edited = structuredClone(before);
    firstParagraph(edited.children[0] as Entry).text += '全区新增省级未来社区试点5个。';
    wb.editSection(edited);
    const again1 = structuredClone(edited);
    firstParagraph(again1.children[0] as Entry).text += '新增省级未来乡村2个。';
    wb.editSection(again1);
    // The page goes away before the autosave ran: the unload path writes the section and its revision.
    wb.saveBeforeUnload();
    wb.dispose();

    const again = newWorkbench({ host, indexedDB, sample: null }).wb;
    await again.start();
    const reopened = again.state.open;
    expect(reopened?.kind === 'section' && firstParagraph(reopened.section.children[0] as Entry).text).toMatch(/新增省级未来乡村2个。$/);
    const revs = await listRevisions(again.db, before.id);
    expect(revs).toHaveLength(1);
    expect(await readRevision(again.db, revs[0]!.id)).toEqual(before);
    again.dispose();
  });

  it('refuses a damaged book file in Chinese and leaves the current book untouched', async () => {
    const { wb, host } = newWorkbench();
    await wb.start();
    const before = await readBook(wb.db, wb.state.book!.id);
    const bytes = writeBookFile(seedBook());
    bytes[bytes.length - 30] ^= 0xff; // damage the ZIP directory
    host.nextOpen = [{ name: '损坏的书稿.yearbook', bytes }];
    await wb.openBookFile();
    const notice = wb.state.notices.at(-1)!;
    expect(notice.kind).toBe('error');
    expect('key' in notice.text && notice.text.key.startsWith('bookfile.')).toBe(true);
    expect(wb.state.book!.id).toBe(before.book.id);
    expect((await readBook(wb.db, before.book.id)).book).toEqual(before.book);
  });

  it('opens a book file; replacing a stored book backs it up first, and the backup restores it', async () => {
    const { wb, host } = newWorkbench();
    await wb.start();
    const id = wb.state.book!.id;
    // Edit the stored book, then open the original file with the same book id.
    const open = wb.state.open;
    if (open?.kind !== 'section') throw new Error('no section open');
    const edited = structuredClone(open.section);
    edited.title = '综述（已改）';
    wb.editSection(edited);
    await wb.flush();
    host.nextOpen = [{ name: '拱墅年鉴（2022）.yearbook', bytes: writeBookFile(seedBook()) }];
    await wb.openBookFile();
    expect(wb.state.notices.at(-1)!.kind).toBe('info');
    expect(wb.state.fileName).toBe('拱墅年鉴（2022）.yearbook');
    expect((await readBook(wb.db, id)).book.body[0]!.sections[0]!.title).toBe('综述');
    const backups = await host.listBackups(id);
    expect(backups).toHaveLength(1);
    expect(readBookFile(await host.readBackup(backups[0]!.id)).book.body[0]!.sections[0]!.title).toBe('综述（已改）');
    await wb.restoreBackup(backups[0]!.id);
    expect((await readBook(wb.db, id)).book.body[0]!.sections[0]!.title).toBe('综述（已改）');
    // Restoring backed up the state before the restore as well.
    expect(await host.listBackups(id)).toHaveLength(2);
  });

  it('saves the book as a .yearbook file that reads back to the stored book', async () => {
    const { wb, host } = newWorkbench();
    await wb.start();
    await wb.command('file.saveAs');
    expect(host.saved).toHaveLength(1);
    expect(host.saved[0]!.defaultName).toBe('拱墅年鉴（2022）.yearbook');
    expect(readBookFile(host.saved[0]!.bytes).book).toEqual((await readBook(wb.db, wb.state.book!.id)).book);
  });

  it('runs menu commands from the web menu bar', async () => {
    const { wb, host } = newWorkbench();
    await wb.start();
    const send = (c: MenuCommand) => host.dispatchMenuCommand(c);
    send('help.about');
    expect(wb.state.dialog?.kind).toBe('about');
    send('view.toggleSidePanel');
    await new Promise((r) => setTimeout(r, 300));
    expect(wb.state.view.showSidePanel).toBe(false);
    send('view.zoomIn');
    expect(wb.state.view.zoom).toBe(1.1);
    send('file.exportPdf');
    expect(wb.state.dialog?.kind).toBe('pdfUnavailable');
    expect((await host.appInfo()).canPrintPdf).toBe(false);
  });

  it('creates a book with a category and a section', async () => {
    const { wb } = newWorkbench({ sample: null });
    await wb.start();
    await wb.createBook({ title: '临安年鉴', volumeYear: 2021, recordYear: 2020 });
    expect(wb.state.book?.title).toBe('临安年鉴');
    await wb.addCategory('杭州市临安区人民政府');
    const cat = wb.state.outline.find((n) => n.kind === 'category')!;
    await wb.addSection(cat.id, '民政');
    expect(wb.state.open?.kind === 'section' && wb.state.open.section.title).toBe('民政');
    const book = (await readBook(wb.db, wb.state.book!.id)).book;
    expect(book.body.map((c) => [c.title, c.sections.map((s) => s.title)])).toEqual([['杭州市临安区人民政府', ['民政']]]);
  });

  it('adds contributors to the book registry and keeps them in storage', async () => {
    const { wb } = newWorkbench();
    await wb.start();
    await wb.addContributor({ id: 'r_1', kind: 'person', name: '汪剑' });
    await wb.addContributor({ id: 'r_2', kind: 'unit', name: '区应急管理局' });
    await wb.addContributor({ id: 'r_1', kind: 'person', name: '汪剑', unitId: 'r_2' });
    expect(wb.state.book!.shell.contributors.map((c) => c.name)).toEqual(['区应急管理局', '汪剑']);
    expect((await readBook(wb.db, wb.state.book!.id)).book.contributors).toEqual([
      { id: 'r_2', kind: 'unit', name: '区应急管理局' },
      { id: 'r_1', kind: 'person', name: '汪剑', unitId: 'r_2' },
    ]);
  });

  it('applies book-wide changes: the outline and the open section follow', async () => {
    const { wb } = newWorkbench();
    await wb.start();
    const open = wb.state.open;
    if (open?.kind !== 'section') throw new Error('no section open');
    const first = open.section.children[0] as Entry;
    const target = wb.state.outline.find((n) => n.kind === 'section' && n.title === '重要会议')!;
    expect(await wb.changeBook((b) => moveEntry(b, first.id, { sectionId: target.id, index: 0 }))).toBe(true);
    expect(wb.state.open?.kind === 'section' && wb.state.open.section.children.some((x) => x.id === first.id)).toBe(false);
    expect(wb.state.outline.find((n) => n.id === first.id)!.sectionId).toBe(target.id);
    // goTo opens the section and asks the editor to reveal the node.
    await wb.goTo({ sectionId: target.id, nodeId: first.id, start: 0, end: 2 });
    expect(wb.state.open?.id).toBe(target.id);
    expect(wb.state.focus).toMatchObject({ nodeId: first.id, start: 0, end: 2 });
    // A failing change reports in Chinese and changes nothing.
    expect(await wb.changeBook((b) => moveEntry(b, 'e_missing', { sectionId: target.id, index: 0 }))).toBe(false);
    expect(wb.state.notices.at(-1)!.kind).toBe('error');
  });

  it('takes a book-wide change back with one undo, and refuses once the book changed since', async () => {
    const { wb, db } = newWorkbench();
    await wb.start();
    const open = wb.state.open;
    if (open?.kind !== 'section') throw new Error('no section open');
    const first = open.section.children[0] as Entry;
    const source = open.id;
    const target = wb.state.outline.find((n) => n.kind === 'section' && n.title === '重要会议')!;
    const bookId = wb.state.book!.id;
    const before = (await readBook(db, bookId)).book;
    expect(wb.state.bookUndo).toBeNull();
    expect(await wb.changeBook((b) => moveEntry(b, first.id, { sectionId: target.id, index: 0 }), { snapshot: true, undo: { key: 'app.menu.undo' } })).toBe(true);
    expect(wb.state.bookUndo?.label.key).toBe('app.menu.undo');
    // The notice offers the undo as a button.
    expect(wb.state.notices.at(-1)!.action?.command).toBe('edit.undoBookChange');
    expect(wb.state.outline.find((n) => n.id === first.id)!.sectionId).toBe(target.id);
    await wb.command('edit.undoBookChange');
    expect(wb.state.bookUndo).toBeNull();
    expect(wb.state.outline.find((n) => n.id === first.id)!.sectionId).toBe(source);
    const after = (await readBook(db, bookId)).book;
    expect({ ...after, updatedAt: '' }).toEqual({ ...before, updatedAt: '' });
    // The moved-away content is kept as a revision of the target section.
    expect((await db.revisions.where('sectionId').equals(target.id).count()) > 0).toBe(true);

    // Changed since (here by another book change without an undo label): undo is no longer offered.
    expect(await wb.changeBook((b) => moveEntry(b, first.id, { sectionId: target.id, index: 0 }), { undo: { key: 'app.menu.undo' } })).toBe(true);
    expect(await wb.changeBook((b) => moveEntry(b, first.id, { sectionId: source, index: 0 }))).toBe(true);
    expect(wb.state.bookUndo).toBeNull();
    expect(await wb.undoBookChange()).toBe(false);
    expect(wb.state.outline.find((n) => n.id === first.id)!.sectionId).toBe(source);
  });

  it('keeps the book-wide undo across a restart', async () => {
    const { wb, host, indexedDB, db } = newWorkbench();
    await wb.start();
    const open = wb.state.open;
    if (open?.kind !== 'section') throw new Error('no section open');
    const first = open.section.children[0] as Entry;
    const target = wb.state.outline.find((n) => n.kind === 'section' && n.title === '重要会议')!;
    await wb.changeBook((b) => moveEntry(b, first.id, { sectionId: target.id, index: 0 }), { snapshot: true, undo: { key: 'app.menu.undo' } });
    const before = (await readBook(db, wb.state.book!.id)).book;
    wb.dispose();
    const again = newWorkbench({ host, indexedDB, sample: null }).wb;
    try {
      await again.start();
      expect(again.state.bookUndo?.label.key).toBe('app.menu.undo');
      expect(again.state.outline.find((n) => n.id === first.id)!.sectionId).toBe(target.id);
      expect(await again.undoBookChange()).toBe(true);
      expect(again.state.outline.find((n) => n.id === first.id)!.sectionId).toBe(open.id);
      expect(again.state.bookUndo).toBeNull();
      expect((await readBook(again.db, before.id)).book.body).not.toEqual(before.body);
    } finally {
      again.dispose();
    }
  });
});
