// The editor's command implementations and their state (enabled / checked), shared by the toolbar, the
// context menu, the keyboard shortcuts and the app (through SectionEditorHandle).
import {
  $getSelection,
  $isRangeSelection,
  CAN_REDO_COMMAND,
  CAN_UNDO_COMMAND,
  COMMAND_PRIORITY_CRITICAL,
  FORMAT_TEXT_COMMAND,
  REDO_COMMAND,
  UNDO_COMMAND,
  type LexicalEditor,
} from 'lexical';
import type { Section } from '../../shared/model';
import { $blockKindOf, $setSelectedBlockKind, $toggleEntryTitle } from './actions/blockKind';
import type { EditorCommandId } from './commands';
import { $selectedTopLevels } from './structure';

export interface CommandState {
  enabled: boolean;
  checked?: boolean;
}

export interface EditorController {
  editor: LexicalEditor;
  readOnly: boolean;
  /** The section as last emitted (or loaded). */
  getSection(): Section;
}

type Impl = {
  run(ctl: EditorController, args?: unknown): boolean;
  state?(ctl: EditorController): CommandState;
};

const update = (ctl: EditorController, fn: () => boolean | void): boolean => {
  let ok = false;
  ctl.editor.update(() => {
    ok = fn() !== false;
  }, { discrete: true });
  return ok;
};

function formatState(ctl: EditorController, format: 'bold' | 'italic' | 'superscript' | 'subscript'): CommandState {
  return ctl.editor.getEditorState().read(() => {
    const sel = $getSelection();
    if (!$isRangeSelection(sel)) return { enabled: false };
    const kinds = $selectedTopLevels().map($blockKindOf);
    const inTitle = kinds.every((k) => k === 'entryTitle' || k === 'subsection');
    return { enabled: !ctl.readOnly && !inTitle, checked: sel.hasFormat(format) };
  });
}

function kindState(ctl: EditorController, kind: string): CommandState {
  return ctl.editor.getEditorState().read(() => {
    const kinds = $selectedTopLevels().map($blockKindOf);
    const text = kinds.filter((k) => k !== null);
    return { enabled: !ctl.readOnly && text.length > 0, checked: text.length > 0 && text.every((k) => k === kind) };
  });
}

/** History availability, tracked per editor (Lexical tells it by command). */
const history = new WeakMap<LexicalEditor, { undo: boolean; redo: boolean }>();
export function trackHistory(editor: LexicalEditor): () => void {
  const h = { undo: false, redo: false };
  history.set(editor, h);
  const a = editor.registerCommand(CAN_UNDO_COMMAND, (v) => ((h.undo = v), false), COMMAND_PRIORITY_CRITICAL);
  const b = editor.registerCommand(CAN_REDO_COMMAND, (v) => ((h.redo = v), false), COMMAND_PRIORITY_CRITICAL);
  return () => {
    a();
    b();
  };
}

const IMPLS: Record<EditorCommandId, Impl> = {
  'edit.undo': {
    run: (ctl) => ctl.editor.dispatchCommand(UNDO_COMMAND, undefined),
    state: (ctl) => ({ enabled: !ctl.readOnly && !!history.get(ctl.editor)?.undo }),
  },
  'edit.redo': {
    run: (ctl) => ctl.editor.dispatchCommand(REDO_COMMAND, undefined),
    state: (ctl) => ({ enabled: !ctl.readOnly && !!history.get(ctl.editor)?.redo }),
  },
  'format.bold': { run: (ctl) => ctl.editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'bold'), state: (ctl) => formatState(ctl, 'bold') },
  'format.italic': { run: (ctl) => ctl.editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'italic'), state: (ctl) => formatState(ctl, 'italic') },
  'format.superscript': {
    run: (ctl) => ctl.editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'superscript'),
    state: (ctl) => formatState(ctl, 'superscript'),
  },
  'format.subscript': {
    run: (ctl) => ctl.editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'subscript'),
    state: (ctl) => formatState(ctl, 'subscript'),
  },
  'block.paragraph': { run: (ctl) => update(ctl, () => $setSelectedBlockKind('paragraph')), state: (ctl) => kindState(ctl, 'paragraph') },
  'block.entryTitle': { run: (ctl) => update(ctl, () => $toggleEntryTitle()), state: (ctl) => kindState(ctl, 'entryTitle') },
  'block.subsection': { run: (ctl) => update(ctl, () => $setSelectedBlockKind('subsection')), state: (ctl) => kindState(ctl, 'subsection') },
};

export function runCommand(ctl: EditorController, id: EditorCommandId, args?: unknown): boolean {
  const impl = IMPLS[id];
  if (!impl) return false;
  const st = impl.state?.(ctl);
  if (st && !st.enabled) return false;
  if (ctl.readOnly && !id.startsWith('view.') && !id.startsWith('find.find')) return false;
  return impl.run(ctl, args);
}

export function commandState(ctl: EditorController, id: EditorCommandId): CommandState {
  const impl = IMPLS[id];
  if (!impl) return { enabled: false };
  return impl.state?.(ctl) ?? { enabled: !ctl.readOnly };
}
