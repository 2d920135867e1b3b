// The application menu as data: the in-app menu bar (web mode) draws it, the shortcuts dialog lists it.
// The Electron shell builds its native menu with the same commands (MenuCommand in shared/host).
import type { MenuCommand } from '../../../shared/host';
import type { MessageKey } from '../../../shared/i18n';
import { formatShortcut, type EditorCommandGroup, type EditorCommandId } from '../../editor/commands';
import type { NodeRow } from '../../storage/schema';
import { PROBLEMS_TAB } from '../problems/controller';
import { openSectionSources, SOURCE_COMMAND } from '../source/sourceActions';
import type { Workbench, WorkbenchState } from '../workbench';

export interface MenuItemDef {
  /** A host menu command, or a local action. */
  command?: MenuCommand;
  run?: (wb: Workbench) => void;
  label: MessageKey;
  /** Shown in the menu and handled by the web-mode keyboard handler, e.g. "Ctrl+S". */
  accel?: string;
  /** The shortcut is taken by the browser in web mode (Ctrl+N …): shown in Electron only. */
  desktopOnlyAccel?: boolean;
  /** Handled by the editor itself (Ctrl+Z); listed, not intercepted. */
  editorAccel?: boolean;
  checked?: (s: WorkbenchState) => boolean;
  enabled?: (s: WorkbenchState, wb: Workbench) => boolean;
  /** A note shown beside a disabled item, saying why. */
  disabledNote?: MessageKey;
  /** Hide the item entirely when this returns false. */
  visible?: (s: WorkbenchState, wb: Workbench) => boolean;
}

/** A place in a menu listing the open editor's commands of these groups (renderer/editor/commands.ts). */
export interface EditorCommandsSlot {
  editorGroups: readonly EditorCommandGroup[];
}

export interface MenuDef {
  id: 'file' | 'edit' | 'insert' | 'format' | 'view' | 'help';
  label: MessageKey;
  items: (MenuItemDef | EditorCommandsSlot | 'sep')[];
}

export function isEditorSlot(item: MenuItemDef | EditorCommandsSlot | 'sep'): item is EditorCommandsSlot {
  return typeof item === 'object' && 'editorGroups' in item;
}

/** The editor's commands of the slot's groups as menu items (empty when no section editor is open). */
export function editorItems(wb: Workbench, slot: EditorCommandsSlot): MenuItemDef[] {
  const h = wb.editor;
  if (!h) return [];
  return h.commands
    .filter((c) => slot.editorGroups.includes(c.group))
    .map((c) => ({
      run: (w: Workbench) => void w.runEditorCommand(c.id as EditorCommandId),
      label: c.label,
      accel: formatShortcut(c.shortcut),
      editorAccel: true,
      enabled: () => h.state(c.id as EditorCommandId).enabled,
      ...(h.state(c.id as EditorCommandId).checked !== undefined ? { checked: () => h.state(c.id as EditorCommandId).checked === true } : {}),
    }));
}

const hasBook = (s: WorkbenchState) => s.book !== null;
const hasSection = (s: WorkbenchState) => s.open?.kind === 'section';
const hasSelection = (s: WorkbenchState) => s.outline.some((n) => n.id === s.selectedId);
const selectionIs =
  (...kinds: NodeRow['kind'][]) =>
  (s: WorkbenchState) =>
    s.outline.some((n) => n.id === s.selectedId && kinds.includes(n.kind));

export const MENUS: MenuDef[] = [
  {
    id: 'file',
    label: 'app.menu.file',
    items: [
      { command: 'file.newBook', label: 'app.menu.newBook', accel: 'Ctrl+N', desktopOnlyAccel: true },
      { command: 'file.open', label: 'app.menu.open', accel: 'Ctrl+O' },
      { run: (wb) => wb.store.set({ dialog: { kind: 'books' } }), label: 'app.menu.books' },
      'sep',
      { command: 'file.save', label: 'app.menu.save', accel: 'Ctrl+S', enabled: hasBook },
      { command: 'file.saveAs', label: 'app.menu.saveAs', accel: 'Ctrl+Shift+S', enabled: hasBook },
      'sep',
      { command: 'file.import', label: 'shell.menu.file.import', accel: 'Ctrl+Shift+O', enabled: hasBook },
      { command: 'file.importClipboard', label: 'importUi.menu.importClipboard', enabled: hasBook },
      'sep',
      { command: 'file.backupNow', label: 'app.menu.backupNow', enabled: hasBook },
      { command: 'file.restoreBackup', label: 'app.menu.restoreBackup' },
      'sep',
      {
        command: 'file.exportPdf',
        label: 'app.menu.exportPdf',
        // Without a print engine the item says why; with one, it appears once the export feature handles it.
        enabled: (s) => s.appInfo?.canPrintPdf === true,
        disabledNote: 'app.menu.exportPdfUnavailable',
        visible: (s, wb) => s.appInfo !== null && (!s.appInfo.canPrintPdf || wb.hasCommand('file.exportPdf')),
      },
      { command: 'file.exportDocx', label: 'shell.menu.file.exportDocx', enabled: hasBook },
    ],
  },
  {
    id: 'edit',
    label: 'app.menu.edit',
    items: [
      { command: 'edit.undo', label: 'app.menu.undo', accel: 'Ctrl+Z', editorAccel: true, enabled: hasSection },
      { command: 'edit.redo', label: 'app.menu.redo', accel: 'Ctrl+Y', editorAccel: true, enabled: hasSection },
      { command: 'edit.undoBookChange', label: 'app.menu.undoBookChange', enabled: (s) => s.bookUndo !== null },
      'sep',
      { editorGroups: ['find'] },
      { command: 'edit.findInBook', label: 'bookFind.menu', accel: 'Ctrl+Shift+H', enabled: hasBook },
      'sep',
      {
        run: (wb) => {
          const s = wb.state;
          const cat = s.outline.find((n) => n.id === s.selectedId && n.kind === 'category') ?? s.outline.find((n) => n.id === s.outline.find((x) => x.id === s.open?.id)?.parentId);
          if (cat) wb.store.set({ dialog: { kind: 'addSection', categoryId: cat.id } });
          else wb.store.set({ dialog: { kind: 'addCategory' } });
        },
        label: 'app.menu.addSection',
        enabled: (s) => s.outline.some((n) => n.kind === 'category'),
      },
      { run: (wb) => wb.store.set({ dialog: { kind: 'addCategory' } }), label: 'app.menu.addCategory', enabled: hasBook },
      // The selected outline node (in the outline, or the entry at the caret).
      { command: 'outline.rename', label: 'volume.menu.rename', accel: 'F2', enabled: hasSelection },
      { command: 'outline.moveTo', label: 'volume.menu.moveTo', accel: 'Ctrl+Shift+M', enabled: selectionIs('entry', 'subsection', 'section') },
      { command: 'outline.setStage', label: 'volume.menu.setStage', enabled: (s) => s.open?.kind === 'section' || selectionIs('entry', 'subsection', 'section')(s) },
      { command: 'outline.delete', label: 'volume.menu.delete', enabled: selectionIs('entry', 'subsection', 'section', 'category') },
      'sep',
      { command: 'edit.commandPalette', label: 'app.menu.commandPalette', accel: 'Ctrl+Shift+P', enabled: hasBook },
      { command: 'tools.validate', label: 'problems.menu.check', accel: 'F7', enabled: hasBook },
      { command: 'tools.nextProblem', label: 'problems.menu.next', accel: 'F8', enabled: hasBook },
      { command: 'tools.prevProblem', label: 'problems.menu.prev', accel: 'Shift+F8', enabled: hasBook },
      { command: 'tools.houseStyle', label: 'problems.menu.houseStyle', enabled: hasBook },
    ],
  },
  {
    id: 'insert',
    label: 'app.menu.insert',
    items: [{ editorGroups: ['insert'] }, 'sep', { editorGroups: ['table'] }],
  },
  {
    id: 'format',
    label: 'app.menu.format',
    items: [{ editorGroups: ['structure'] }, 'sep', { editorGroups: ['attribution'] }, 'sep', { editorGroups: ['format'] }, 'sep', { editorGroups: ['review'] }],
  },
  {
    id: 'view',
    label: 'app.menu.view',
    items: [
      { command: 'view.toggleOutline', label: 'app.menu.toggleOutline', accel: 'Ctrl+Shift+1', checked: (s) => s.view.showOutline },
      { command: 'view.toggleSidePanel', label: 'app.menu.toggleSidePanel', accel: 'Ctrl+Shift+2', checked: (s) => s.view.showSidePanel },
      'sep',
      { command: 'view.zoomIn', label: 'app.menu.zoomIn', accel: 'Ctrl+=' },
      { command: 'view.zoomOut', label: 'app.menu.zoomOut', accel: 'Ctrl+-' },
      { command: 'view.zoomReset', label: 'app.menu.zoomReset', accel: 'Ctrl+0' },
      'sep',
      {
        command: 'view.preview',
        label: 'exportUi.menu.preview',
        accel: 'Ctrl+Shift+3',
        enabled: hasSection,
        visible: (s, wb) => s.appInfo?.canPrintPdf === true && wb.hasCommand('view.preview'),
      },
      { editorGroups: ['view'] },
      'sep',
      { command: 'tools.editorialSummary', label: 'problems.menu.summary', enabled: hasBook },
      { command: 'view.contributors', label: 'volume.menu.contributors', enabled: hasBook, checked: (s) => s.view.showSidePanel && s.view.sideTab === 'contributors' },
      { command: 'view.copyContributors', label: 'volume.menu.copyContributors', enabled: hasBook },
      { command: SOURCE_COMMAND, label: 'source.menu.view', enabled: (s) => openSectionSources(s).length > 0 },
      { command: 'view.sideDetails', label: 'volume.menu.sideDetails', checked: (s) => s.view.showSidePanel && s.view.sideTab === 'details' },
      { command: 'view.sideHistory', label: 'volume.menu.sideHistory', checked: (s) => s.view.showSidePanel && s.view.sideTab === 'history' },
      { command: 'view.sideProblems', label: 'volume.menu.sideProblems', checked: (s) => s.view.showSidePanel && s.view.sideTab === PROBLEMS_TAB },
      'sep',
      { run: (wb) => void wb.setView({ locale: 'zh' }), label: 'app.menu.langZh', checked: (s) => s.view.locale === 'zh' },
      { run: (wb) => void wb.setView({ locale: 'en' }), label: 'app.menu.langEn', checked: (s) => s.view.locale === 'en' },
    ],
  },
  {
    id: 'help',
    label: 'app.menu.help',
    items: [
      { command: 'help.shortcuts', label: 'app.menu.shortcuts', accel: 'F1' },
      { command: 'help.about', label: 'app.menu.about' },
    ],
  },
];

/** Other shortcuts the shortcuts dialog lists (outline, editor). */
export const OTHER_SHORTCUTS: { keys: string; label: MessageKey }[] = [
  { keys: 'Ctrl+Shift+F', label: 'app.shortcut.filter' },
  { keys: '↑ ↓', label: 'app.shortcut.move' },
  { keys: '← →', label: 'app.shortcut.collapse' },
  { keys: 'Enter', label: 'app.shortcut.open' },
  { keys: 'F2', label: 'app.shortcut.rename' },
  { keys: 'Alt+↑ ↓', label: 'app.shortcut.moveNode' },
  { keys: 'Ctrl+Shift+M', label: 'volume.menu.moveTo' },
  { keys: 'Shift+F10', label: 'volume.outline.contextMenu' },
  { keys: 'Delete', label: 'app.shortcut.delete' },
];

/** Matches a keyboard event against an accelerator string such as "Ctrl+Shift+S". */
export function matchesAccel(e: KeyboardEvent, accel: string): boolean {
  const parts = accel.split('+');
  const key = parts.pop()!;
  const want = { ctrl: parts.includes('Ctrl'), shift: parts.includes('Shift'), alt: parts.includes('Alt') };
  if ((e.ctrlKey || e.metaKey) !== want.ctrl || e.altKey !== want.alt) return false;
  if (/^\d$/.test(key) && want.shift) return e.shiftKey && e.code === `Digit${key}`;
  if (e.shiftKey !== want.shift) return false;
  if (key === '=') return e.key === '=' || e.key === '+';
  return e.key.toLowerCase() === key.toLowerCase();
}
