// The application menu as data: one definition for the native menu of the desktop build
// (electron/node/menu.ts turns it into Electron's template) and for a menu the renderer draws in web mode.
// Items either send a MenuCommand to the renderer or are native clipboard roles (cut, copy, paste …)
// that work in any text field and in the editor; shell items act in the main process only.
import type { MessageKey } from '../i18n';
import type { MenuCommand } from './host';

/** Native editing roles, executed by Chromium on the focused element. */
export type EditRole = 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'selectAll';
/** Actions the desktop shell performs itself (absent from the web-mode menu). */
export type ShellAction = 'quit' | 'openLogFolder' | 'openBackupFolder' | 'toggleDevTools' | 'reload' | 'toggleFullScreen' | 'minimize' | 'closeWindow';

export type MenuItemDef =
  | { kind: 'command'; command: MenuCommand; label: MessageKey; accelerator?: string }
  | { kind: 'role'; role: EditRole; label: MessageKey; accelerator?: string }
  | { kind: 'shell'; action: ShellAction; label: MessageKey; accelerator?: string; devOnly?: boolean }
  | { kind: 'separator' };

export interface MenuDef {
  id: 'file' | 'edit' | 'view' | 'help' | 'window';
  label: MessageKey;
  items: MenuItemDef[];
}

const cmd = (command: MenuCommand, label: MessageKey, accelerator?: string): MenuItemDef => ({
  kind: 'command',
  command,
  label,
  ...(accelerator ? { accelerator } : {}),
});
const role = (r: EditRole, label: MessageKey, accelerator?: string): MenuItemDef => ({ kind: 'role', role: r, label, ...(accelerator ? { accelerator } : {}) });
const shell = (action: ShellAction, label: MessageKey, accelerator?: string, devOnly?: boolean): MenuItemDef => ({
  kind: 'shell',
  action,
  label,
  ...(accelerator ? { accelerator } : {}),
  ...(devOnly ? { devOnly } : {}),
});
const sep: MenuItemDef = { kind: 'separator' };

/**
 * Accelerators use Electron's syntax ("CmdOrCtrl+Shift+S"). Keys the editor uses for formatting
 * (Ctrl+B, Ctrl+I, Ctrl+U) are deliberately left free.
 */
export const APP_MENU: readonly MenuDef[] = [
  {
    id: 'file',
    label: 'shell.menu.file',
    items: [
      cmd('file.newBook', 'shell.menu.file.newBook', 'CmdOrCtrl+N'),
      cmd('file.open', 'shell.menu.file.open', 'CmdOrCtrl+O'),
      sep,
      cmd('file.save', 'shell.menu.file.save', 'CmdOrCtrl+S'),
      cmd('file.saveAs', 'shell.menu.file.saveAs', 'CmdOrCtrl+Shift+S'),
      sep,
      cmd('file.import', 'shell.menu.file.import', 'CmdOrCtrl+Shift+O'),
      cmd('file.importClipboard', 'importUi.menu.importClipboard'),
      cmd('file.exportPdf', 'shell.menu.file.exportPdf', 'CmdOrCtrl+P'),
      cmd('file.exportDocx', 'shell.menu.file.exportDocx'),
      sep,
      cmd('file.backupNow', 'shell.menu.file.backupNow'),
      cmd('file.restoreBackup', 'shell.menu.file.restoreBackup'),
      sep,
      shell('quit', 'shell.menu.file.quit', 'CmdOrCtrl+Q'),
    ],
  },
  {
    id: 'edit',
    label: 'shell.menu.edit',
    items: [
      // Undo/redo go to the renderer: the editor keeps its own history (Lexical), which Chromium's
      // native undo stack knows nothing about.
      cmd('edit.undo', 'shell.menu.edit.undo', 'CmdOrCtrl+Z'),
      cmd('edit.redo', 'shell.menu.edit.redo', 'CmdOrCtrl+Shift+Z'),
      cmd('edit.undoBookChange', 'shell.menu.edit.undoBookChange'),
      sep,
      role('cut', 'shell.menu.edit.cut', 'CmdOrCtrl+X'),
      role('copy', 'shell.menu.edit.copy', 'CmdOrCtrl+C'),
      role('paste', 'shell.menu.edit.paste', 'CmdOrCtrl+V'),
      role('pasteAndMatchStyle', 'shell.menu.edit.pasteAsText', 'CmdOrCtrl+Shift+V'),
      role('selectAll', 'shell.menu.edit.selectAll', 'CmdOrCtrl+A'),
      sep,
      cmd('edit.find', 'shell.menu.edit.find', 'CmdOrCtrl+F'),
      cmd('edit.replace', 'shell.menu.edit.replace', 'CmdOrCtrl+H'),
      cmd('edit.findInBook', 'bookFind.menu', 'CmdOrCtrl+Shift+H'),
      cmd('edit.commandPalette', 'shell.menu.edit.commandPalette', 'CmdOrCtrl+Shift+P'),
      sep,
      cmd('tools.validate', 'problems.menu.check', 'F7'),
      cmd('tools.nextProblem', 'problems.menu.next', 'F8'),
      cmd('tools.prevProblem', 'problems.menu.prev', 'Shift+F8'),
      cmd('tools.houseStyle', 'problems.menu.houseStyle'),
      sep,
      cmd('outline.rename', 'volume.menu.rename'),
      cmd('outline.moveTo', 'volume.menu.moveTo', 'CmdOrCtrl+Shift+M'),
      cmd('outline.setStage', 'volume.menu.setStage'),
      cmd('outline.delete', 'volume.menu.delete'),
    ],
  },
  {
    id: 'view',
    label: 'shell.menu.view',
    items: [
      cmd('view.toggleOutline', 'shell.menu.view.toggleOutline', 'CmdOrCtrl+Shift+1'),
      cmd('view.toggleSidePanel', 'shell.menu.view.toggleSidePanel', 'CmdOrCtrl+Shift+2'),
      cmd('view.preview', 'shell.menu.view.preview', 'CmdOrCtrl+Shift+3'),
      cmd('tools.editorialSummary', 'problems.menu.summary'),
      cmd('view.contributors', 'volume.menu.contributors'),
      cmd('view.copyContributors', 'volume.menu.copyContributors'),
      cmd('view.source', 'source.menu.view'),
      cmd('view.sideDetails', 'volume.menu.sideDetails'),
      cmd('view.sideHistory', 'volume.menu.sideHistory'),
      cmd('view.sideProblems', 'volume.menu.sideProblems'),
      sep,
      cmd('view.zoomIn', 'shell.menu.view.zoomIn', 'CmdOrCtrl+='),
      cmd('view.zoomOut', 'shell.menu.view.zoomOut', 'CmdOrCtrl+-'),
      cmd('view.zoomReset', 'shell.menu.view.zoomReset', 'CmdOrCtrl+0'),
      sep,
      shell('toggleFullScreen', 'shell.menu.view.fullscreen', 'F11'),
      shell('reload', 'shell.menu.view.reload', 'CmdOrCtrl+R', true),
      shell('toggleDevTools', 'shell.menu.view.devtools', 'CmdOrCtrl+Shift+I', true),
    ],
  },
  {
    id: 'help',
    label: 'shell.menu.help',
    items: [
      cmd('help.shortcuts', 'shell.menu.help.shortcuts', 'F1'),
      sep,
      shell('openLogFolder', 'shell.menu.help.logs'),
      shell('openBackupFolder', 'shell.menu.help.backups'),
      sep,
      cmd('help.about', 'shell.menu.help.about'),
    ],
  },
];

/** Every MenuCommand the menu can send, in menu order. */
export function menuCommands(menu: readonly MenuDef[] = APP_MENU): MenuCommand[] {
  return menu.flatMap((m) => m.items.flatMap((i) => (i.kind === 'command' ? [i.command] : [])));
}
