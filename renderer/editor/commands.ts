// Every action of the section editor as a command: id, catalog label, group and keyboard shortcut. The app's
// menu and command palette list EDITOR_COMMANDS and run them through the editor handle (contract:
// SectionEditorHandle.run); the toolbar, the context menu and the shortcuts run the same functions.
import type { MessageKey } from '../../shared/i18n';

export type EditorCommandGroup = 'edit' | 'format' | 'structure' | 'attribution' | 'insert' | 'table' | 'review' | 'find' | 'view';

export interface Shortcut {
  /** KeyboardEvent.key, lower case for letters ("t", "enter", ".", "="). */
  key: string;
  /** Ctrl on Windows/Linux, ⌘ on macOS. */
  mod?: boolean;
  alt?: boolean;
  shift?: boolean;
}

export interface EditorCommandSpec {
  id: string;
  group: EditorCommandGroup;
  label: MessageKey;
  shortcut?: Shortcut;
  /** Also bound to these keys (not shown in menus). */
  alternates?: Shortcut[];
}

const mod = (key: string, extra: Omit<Shortcut, 'key' | 'mod'> = {}): Shortcut => ({ key, mod: true, ...extra });

// Shortcuts avoid the keys desktops and chat programs common in Chinese offices take for themselves:
// Ctrl+Alt+T (terminal on UOS/Kylin/Ubuntu), Ctrl+Alt+L (lock screen), Ctrl+Alt+D (show desktop),
// Ctrl+Alt+A / Z (QQ screenshot / messages), Ctrl+Alt+W (WeChat), Ctrl+Alt+Delete/Backspace, and the
// browser's own Ctrl+Shift+T/N/W in web mode.

const COMMANDS = [
  { id: 'edit.undo', group: 'edit', label: 'editor.cmd.undo', shortcut: mod('z') },
  { id: 'edit.redo', group: 'edit', label: 'editor.cmd.redo', shortcut: mod('y'), alternates: [mod('z', { shift: true })] },
  { id: 'find.find', group: 'find', label: 'editor.cmd.find', shortcut: mod('f') },
  { id: 'find.replace', group: 'find', label: 'editor.cmd.replace', shortcut: mod('h') },

  { id: 'format.bold', group: 'format', label: 'editor.cmd.bold', shortcut: mod('b') },
  { id: 'format.italic', group: 'format', label: 'editor.cmd.italic', shortcut: mod('i') },
  { id: 'format.superscript', group: 'format', label: 'editor.cmd.superscript', shortcut: mod('.') },
  { id: 'format.subscript', group: 'format', label: 'editor.cmd.subscript', shortcut: mod(',') },

  { id: 'block.paragraph', group: 'structure', label: 'editor.cmd.paragraph', shortcut: mod('n', { alt: true }) },
  { id: 'block.entryTitle', group: 'structure', label: 'editor.cmd.entryTitle', shortcut: mod('e', { alt: true }), alternates: [mod('t', { alt: true })] },
  { id: 'block.subsection', group: 'structure', label: 'editor.cmd.subsection', shortcut: mod('s', { alt: true }) },
  { id: 'block.heading1', group: 'structure', label: 'editor.cmd.heading1', shortcut: mod('1', { alt: true }) },
  { id: 'block.heading2', group: 'structure', label: 'editor.cmd.heading2', shortcut: mod('2', { alt: true }) },
  { id: 'block.heading3', group: 'structure', label: 'editor.cmd.heading3', shortcut: mod('3', { alt: true }) },
  { id: 'block.dated', group: 'structure', label: 'editor.cmd.dated' },
  { id: 'block.sectionLevel', group: 'structure', label: 'editor.cmd.sectionLevel' },

  { id: 'attribution.author', group: 'attribution', label: 'editor.cmd.attrAuthor', shortcut: mod('j', { alt: true }) },
  { id: 'attribution.unit', group: 'attribution', label: 'editor.cmd.attrUnit', shortcut: mod('u', { alt: true }) },
  { id: 'attribution.photo', group: 'attribution', label: 'editor.cmd.attrPhoto', shortcut: mod('p', { alt: true }) },
  { id: 'attribution.reviewer', group: 'attribution', label: 'editor.cmd.attrReviewer', shortcut: mod('r', { alt: true }) },
  { id: 'attribution.untag', group: 'attribution', label: 'editor.cmd.attrUntag', shortcut: mod('x', { alt: true }) },
  { id: 'attribution.acceptAll', group: 'attribution', label: 'editor.cmd.attrAcceptAll' },

  { id: 'insert.table', group: 'insert', label: 'editor.cmd.insertTable', shortcut: mod('b', { alt: true }) },
  { id: 'insert.figure', group: 'insert', label: 'editor.cmd.insertFigure', shortcut: mod('g', { alt: true }) },
  { id: 'insert.footnote', group: 'insert', label: 'editor.cmd.insertFootnote', shortcut: mod('f', { alt: true }) },
  { id: 'insert.image', group: 'insert', label: 'image.cmd.insert' },
  { id: 'figure.properties', group: 'insert', label: 'editor.cmd.figureProps' },

  { id: 'table.rowAbove', group: 'table', label: 'editor.cmd.rowAbove' },
  { id: 'table.rowBelow', group: 'table', label: 'editor.cmd.rowBelow' },
  { id: 'table.colLeft', group: 'table', label: 'editor.cmd.colLeft' },
  { id: 'table.colRight', group: 'table', label: 'editor.cmd.colRight' },
  { id: 'table.deleteRow', group: 'table', label: 'editor.cmd.deleteRow' },
  { id: 'table.deleteCol', group: 'table', label: 'editor.cmd.deleteCol' },
  { id: 'table.merge', group: 'table', label: 'editor.cmd.merge' },
  { id: 'table.unmerge', group: 'table', label: 'editor.cmd.unmerge' },
  { id: 'table.headerRow', group: 'table', label: 'editor.cmd.headerRow' },
  { id: 'table.properties', group: 'table', label: 'editor.cmd.tableProps' },
  { id: 'table.delete', group: 'table', label: 'editor.cmd.deleteTable' },

  { id: 'review.indexTerm', group: 'review', label: 'editor.cmd.indexTerm', shortcut: mod('i', { alt: true }) },
  { id: 'review.removeIndexTerm', group: 'review', label: 'editor.cmd.removeIndexTerm' },
  { id: 'review.comment', group: 'review', label: 'editor.cmd.comment', shortcut: mod('m', { alt: true }) },
  { id: 'review.deleteComment', group: 'review', label: 'editorBook.cmd.deleteComment' },
  { id: 'review.resolveComment', group: 'review', label: 'editorBook.cmd.resolveComment' },
  { id: 'review.comments', group: 'review', label: 'editor.cmd.comments' },
  { id: 'review.entryIndex', group: 'review', label: 'editorBook.cmd.entryIndex' },

  { id: 'view.zoomIn', group: 'view', label: 'editor.cmd.zoomIn', shortcut: mod('=', { alt: true }) },
  { id: 'view.zoomOut', group: 'view', label: 'editor.cmd.zoomOut', shortcut: mod('-', { alt: true }) },
  { id: 'view.zoomReset', group: 'view', label: 'editor.cmd.zoomReset', shortcut: mod('0', { alt: true }) },
] as const satisfies readonly EditorCommandSpec[];

export type EditorCommandId = (typeof COMMANDS)[number]['id'];

/** Every command of the editor, in menu order. */
export const EDITOR_COMMANDS: readonly (EditorCommandSpec & { id: EditorCommandId })[] = COMMANDS;

export function commandSpec(id: EditorCommandId): EditorCommandSpec {
  return EDITOR_COMMANDS.find((c) => c.id === id)!;
}

let mac: boolean | undefined;
export function isMac(): boolean {
  mac ??= typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
  return mac;
}

/** "Ctrl+Alt+T" (or "⌥⌘T" on macOS) for menus and tooltips. */
export function formatShortcut(s: Shortcut | undefined, mac = isMac()): string {
  if (!s) return '';
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key[0]!.toUpperCase() + s.key.slice(1);
  if (mac) return `${s.shift ? '⇧' : ''}${s.alt ? '⌥' : ''}${s.mod ? '⌘' : ''}${key}`;
  return [s.mod && 'Ctrl', s.alt && 'Alt', s.shift && 'Shift', key].filter(Boolean).join('+');
}

/** Electron accelerator form ("CmdOrCtrl+Alt+T") for the app's menu. */
export function acceleratorOf(s: Shortcut | undefined): string | undefined {
  if (!s) return undefined;
  const key = s.key.length === 1 ? s.key.toUpperCase() : s.key[0]!.toUpperCase() + s.key.slice(1);
  return [s.mod && 'CmdOrCtrl', s.alt && 'Alt', s.shift && 'Shift', key].filter(Boolean).join('+');
}

/** Whether a key event is this shortcut (never while an input method is composing). */
export function matchShortcut(e: KeyboardEvent, s: Shortcut, mac = isMac()): boolean {
  if (e.isComposing || e.keyCode === 229) return false;
  const modDown = mac ? e.metaKey : e.ctrlKey;
  if (!!s.mod !== modDown || !!s.alt !== e.altKey || !!s.shift !== e.shiftKey) return false;
  if (!mac && e.metaKey) return false;
  const k = e.key.length === 1 ? e.key.toLowerCase() : e.key.toLowerCase();
  if (k === s.key) return true;
  // With Alt (Option on macOS) the key may produce another character; fall back to the physical key.
  const code = e.code;
  if (/^Key[A-Z]$/.test(code)) return code.slice(3).toLowerCase() === s.key;
  if (/^Digit\d$/.test(code)) return code.slice(5) === s.key;
  const byCode: Record<string, string> = { Period: '.', Comma: ',', Equal: '=', Minus: '-', Slash: '/' };
  return byCode[code] === s.key;
}
