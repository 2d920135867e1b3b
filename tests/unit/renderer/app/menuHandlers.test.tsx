// Every command the menus offer does something: the native menu (shared/host/menu.ts) and the in-app menu bar
// (renderer/app/menu/menus.ts) may only list commands the mounted app handles — a built-in case of
// Workbench.command or a handler a feature registers (PDF and Word export, import, checker). A menu item whose
// command fell through to "has no handler" is a button that does nothing.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { MenuCommand } from '../../../../shared/host';
import { APP_MENU, menuCommands } from '../../../../shared/host/menu';
import { App } from '../../../../renderer/app/App';
import { isEditorSlot, MENUS } from '../../../../renderer/app/menu/menus';
import { mount, unmountAll } from '../fixtures/mount';
import { newWorkbench, startWorkbench } from '../fixtures/testHost';

// What jsdom lacks and the app calls while mounting (the outline scrolls its active row into view; ids are plain).
(globalThis as { CSS?: { escape(s: string): string } }).CSS ??= { escape: (s: string) => s.replace(/["\\]/g, '\\$&') };
Element.prototype.scrollIntoView ??= () => undefined;
// The editor's attribution suggestion places its popup by the caret's rectangle.
Range.prototype.getClientRects ??= () => Object.assign([], { item: () => null }) as unknown as DOMRectList;
Range.prototype.getBoundingClientRect ??= () => new DOMRect();
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// pdf.js (the page preview of the PDF export) needs a canvas the test DOM does not have; the preview is never shown here.
vi.mock('../../../../renderer/app/export/pdfView', () => ({
  openPdf: () => ({ promise: new Promise(() => undefined), destroy: () => undefined }),
  renderPage: async () => '',
}));

afterEach(unmountAll);

/** The commands of the in-app menu bar (items with a host command; editor slots list the editor's own commands). */
function webMenuCommands(): MenuCommand[] {
  return MENUS.flatMap((m) => m.items.flatMap((i) => (i !== 'sep' && !isEditorSlot(i) && i.command ? [i.command] : [])));
}

describe('menu commands', () => {
  it('every command of both menus has a handler in the mounted app', async () => {
    const { wb, host } = newWorkbench();
    // The save dialog is cancelled: the commands that save or export stop there.
    host.answer = { saved: false };
    const registered = new Set<MenuCommand>();
    const register = wb.registerCommand.bind(wb);
    wb.registerCommand = (c, h) => {
      registered.add(c);
      return register(c, h);
    };
    await wb.start();
    await mount(<App wb={wb} dispatch={(c) => void wb.command(c)} />);

    // 编辑 › 查找 / 替换 open the editor's own find panel (the replace row only with 替换).
    const panel = () => document.querySelector('.yb-find');
    expect(panel()).toBeNull();
    await act(async () => {
      await wb.command('edit.find');
    });
    expect(panel()?.querySelectorAll('input.yb-find-input')).toHaveLength(1);
    await act(async () => {
      await wb.command('edit.replace');
    });
    expect(panel()?.querySelectorAll('input.yb-find-input')).toHaveLength(2);

    const all = [...new Set([...menuCommands(APP_MENU), ...webMenuCommands()])];
    expect(all).toEqual(expect.arrayContaining(['file.exportDocx', 'edit.find', 'edit.replace']));
    const missing = all.filter((c) => !wb.hasCommand(c));
    expect(missing, 'menu commands without a handler').toEqual([]);

    // The built-in ones (not registered by a feature) really reach a case of Workbench.command.
    for (const c of all.filter((x) => !registered.has(x))) {
      host.logs = [];
      await act(async () => {
        await wb.command(c);
      });
      expect(host.logs.filter((l) => l.includes('has no handler')), c).toEqual([]);
      await act(async () => wb.store.set({ dialog: null }));
    }
    // The features registered theirs: the Word export among them.
    expect([...registered]).toEqual(expect.arrayContaining(['file.exportDocx', 'file.exportPdf', 'file.import', 'tools.validate']));
  });

  it('a command nobody handles is reported as such (the check above can fail)', async () => {
    const { wb, host } = await startWorkbench({ sample: null });
    // Without the app mounted, nothing registered the Word export.
    expect(wb.hasCommand('file.exportDocx')).toBe(false);
    await wb.command('file.exportDocx');
    expect(host.logs).toContain('menu command file.exportDocx has no handler in this build');
  });
});
