// The editor's command implementations and their state (enabled / checked), shared by the toolbar, the
// context menu, the keyboard shortcuts and the app (through SectionEditorHandle). Every command of
// EDITOR_COMMANDS has an implementation here (the Record type makes a missing one a compile error).
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
import type { AttributionKind, Contributor, Figure, Section } from '../../shared/model';
import { $canTag, $relinkAll, $selectedAttribution, $tagAttribution, $untagAttribution } from './actions/attribution';
import { $blockKindOf, $setSelectedBlockKind, $toggleEntryTitle, type BlockKind } from './actions/blockKind';
import { $caretInTable, $insertFigure, $insertFootnote, $insertTable, type NewTableOptions } from './actions/insert';
import { $addIndexTerm, $commentAtCaret, $deleteCommentAnchors, $indexTermAtCaret, $removeIndexTerm, $selectedRange } from './actions/marks';
import { $toggleSectionLevel, $canToggleSectionLevel, $isSectionLevel } from './actions/level';
import {
  $canMerge,
  $canUnmerge,
  $isCaretInHeaderRow,
  $tableAtCaret,
  $tableDelete,
  $tableDeleteColumn,
  $tableDeleteRow,
  $tableInsertColumn,
  $tableInsertRow,
  $tableMerge,
  $tableSetProps,
  $tableToggleHeaderRow,
  $tableUnmerge,
} from './actions/table';
import type { EditorCommandId } from './commands';
import type { BookFindRequest, EditorBookContext } from './contract';
import { $isEntryTitleNode } from './nodes/EntryTitleNode';
import { $isFigureNode } from './nodes/FigureNode';
import type { TableChrome } from './nodes/YbTableNode';
import { $getBlockData, $patchBlockData } from './state';
import { $entryTitleOf, $findByModelId, $selectedTopLevel, $selectedTopLevels } from './structure';

export interface CommandState {
  enabled: boolean;
  checked?: boolean;
}

/** Dialogs and panels of the editor UI that commands open when they are run without arguments. */
export type EditorDialog =
  | { kind: 'table' }
  | { kind: 'figure'; edit: boolean }
  | { kind: 'tableProps' }
  | { kind: 'indexTerm' }
  | { kind: 'comment' };

export interface EditorUi {
  openDialog(d: EditorDialog): void;
  /** Opens the find panel; with `initial`, filled in with that query (the app's whole-book search hands it back). */
  openFind(replace: boolean, initial?: Partial<BookFindRequest>): void;
  toggleComments(): void;
  commentsOpen(): boolean;
  zoom(): number;
  setZoom(z: number): void;
  /** Applies every attribution suggestion of the section; returns how many. */
  acceptAllSuggestions(): number;
  suggestionCount(): number;
  /** Adds a comment with this text on the selected range (the app stores it); name: the author, when asked for. */
  addComment?(text: string, name?: string): boolean;
}

export interface EditorController {
  editor: LexicalEditor;
  readOnly: boolean;
  /** The section as last emitted (or loaded). */
  getSection(): Section;
  contributors(): readonly Contributor[];
  canComment: boolean;
  ui: EditorUi;
  /** The latest book context from the app (comments, pickImage …). */
  book?(): EditorBookContext;
}

type Impl = {
  run(ctl: EditorController, args?: unknown): boolean;
  state?(ctl: EditorController): CommandState;
};

export const ZOOM_MIN = 0.7;
export const ZOOM_MAX = 2;

function update(ctl: EditorController, fn: () => boolean | void, tag?: string): boolean {
  let ok = false;
  ctl.editor.update(
    () => {
      ok = fn() !== false;
    },
    { discrete: true, ...(tag ? { tag } : {}) },
  );
  return ok;
}

function read<T>(ctl: EditorController, fn: () => T): T {
  return ctl.editor.getEditorState().read(fn);
}

function $inTitleOnly(): boolean {
  const kinds = $selectedTopLevels().map($blockKindOf);
  return kinds.length > 0 && kinds.every((k) => k === 'entryTitle' || k === 'subsection');
}

function formatState(ctl: EditorController, format: 'bold' | 'italic' | 'superscript' | 'subscript'): CommandState {
  return read(ctl, () => {
    const sel = $getSelection();
    if (!$isRangeSelection(sel)) return { enabled: false };
    return { enabled: !ctl.readOnly && !$inTitleOnly(), checked: sel.hasFormat(format) };
  });
}

function kindState(ctl: EditorController, kind: BlockKind): CommandState {
  return read(ctl, () => {
    const kinds = $selectedTopLevels().map($blockKindOf);
    const text = kinds.filter((k) => k !== null);
    return { enabled: !ctl.readOnly && text.length > 0, checked: text.length > 0 && text.every((k) => k === kind) };
  });
}

function kind(k: BlockKind): Impl {
  return { run: (ctl) => update(ctl, () => $setSelectedBlockKind(k)), state: (ctl) => kindState(ctl, k) };
}

function tag(k: AttributionKind): Impl {
  return {
    run: (ctl) => update(ctl, () => $tagAttribution(k, ctl.contributors())),
    state: (ctl) =>
      read(ctl, () => ({
        enabled: !ctl.readOnly && $canTag(),
        checked: $selectedAttribution()?.getAttribution().kind === k,
      })),
  };
}

function tableCmd(fn: () => boolean, enabled: () => boolean = () => $tableAtCaret() !== null): Impl {
  return {
    run: (ctl) => update(ctl, fn),
    state: (ctl) => read(ctl, () => ({ enabled: !ctl.readOnly && enabled() })),
  };
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
  'find.find': { run: (ctl, args) => (ctl.ui.openFind(false, findArgs(args)), true), state: () => ({ enabled: true }) },
  'find.replace': { run: (ctl, args) => (ctl.ui.openFind(true, findArgs(args)), true), state: (ctl) => ({ enabled: !ctl.readOnly }) },

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

  'block.paragraph': kind('paragraph'),
  'block.entryTitle': { run: (ctl) => update(ctl, () => $toggleEntryTitle()), state: (ctl) => kindState(ctl, 'entryTitle') },
  'block.subsection': kind('subsection'),
  'block.heading1': kind('heading1'),
  'block.heading2': kind('heading2'),
  'block.heading3': kind('heading3'),
  'block.dated': kind('dated'),
  'block.sectionLevel': {
    run: (ctl) => update(ctl, () => $toggleSectionLevel()),
    state: (ctl) => read(ctl, () => ({ enabled: !ctl.readOnly && $canToggleSectionLevel(), checked: $isSectionLevel() })),
  },

  'attribution.author': tag('author'),
  'attribution.unit': tag('unit'),
  'attribution.photo': tag('photo'),
  'attribution.reviewer': tag('reviewer'),
  'attribution.untag': {
    run: (ctl) => update(ctl, () => $untagAttribution()),
    state: (ctl) => read(ctl, () => ({ enabled: !ctl.readOnly && $selectedAttribution() !== null })),
  },
  'attribution.acceptAll': {
    run: (ctl) => ctl.ui.acceptAllSuggestions() > 0,
    state: (ctl) => ({ enabled: !ctl.readOnly && ctl.ui.suggestionCount() > 0 }),
  },

  'insert.table': {
    run: (ctl, args) => {
      if (args && typeof args === 'object') return update(ctl, () => $insertTable(args as NewTableOptions));
      ctl.ui.openDialog({ kind: 'table' });
      return true;
    },
    state: (ctl) => read(ctl, () => ({ enabled: !ctl.readOnly && !$caretInTable() })),
  },
  'insert.figure': {
    run: (ctl, args) => {
      if (args && typeof args === 'object') return update(ctl, () => $insertFigure(args as Partial<Figure>));
      ctl.ui.openDialog({ kind: 'figure', edit: false });
      return true;
    },
    state: (ctl) => read(ctl, () => ({ enabled: !ctl.readOnly && !$caretInTable() })),
  },
  'insert.footnote': {
    run: (ctl, args) => update(ctl, () => $insertFootnote(typeof args === 'string' ? args : '')),
    state: (ctl) =>
      read(ctl, () => {
        const sel = $getSelection();
        return { enabled: !ctl.readOnly && $isRangeSelection(sel) && !$inTitleOnly() };
      }),
  },
  'insert.image': {
    run: (ctl) => {
      const pick = ctl.book?.().pickImage;
      if (!pick) return false;
      void pick().then((assetId) => {
        if (!assetId) return;
        update(ctl, () => {
          const top = $selectedTopLevel();
          if (top && $isFigureNode(top)) {
            $patchBlockData(top, { assetId });
            return true;
          }
          return $insertFigure({ assetId });
        });
      });
      return true;
    },
    state: (ctl) => read(ctl, () => ({ enabled: !ctl.readOnly && !!ctl.book?.().pickImage && ($isFigureNode($selectedTopLevel()) || !$caretInTable()) })),
  },
  'figure.properties': {
    run: (ctl, args) => {
      if (args && typeof args === 'object') {
        return update(ctl, () => {
          const top = $selectedTopLevel();
          if (!top || !$isFigureNode(top)) return false;
          $patchBlockData(top, args as Partial<Figure>);
          return true;
        });
      }
      ctl.ui.openDialog({ kind: 'figure', edit: true });
      return true;
    },
    state: (ctl) => read(ctl, () => ({ enabled: !ctl.readOnly && $isFigureNode($selectedTopLevel()) })),
  },

  'table.rowAbove': tableCmd(() => $tableInsertRow(false)),
  'table.rowBelow': tableCmd(() => $tableInsertRow(true)),
  'table.colLeft': tableCmd(() => $tableInsertColumn(false)),
  'table.colRight': tableCmd(() => $tableInsertColumn(true)),
  'table.deleteRow': tableCmd(() => $tableDeleteRow()),
  'table.deleteCol': tableCmd(() => $tableDeleteColumn()),
  'table.merge': tableCmd(() => $tableMerge(), $canMerge),
  'table.unmerge': tableCmd(() => $tableUnmerge(), $canUnmerge),
  'table.headerRow': {
    run: (ctl) => update(ctl, () => $tableToggleHeaderRow()),
    state: (ctl) => read(ctl, () => ({ enabled: !ctl.readOnly && $tableAtCaret() !== null, checked: $isCaretInHeaderRow() })),
  },
  'table.properties': {
    run: (ctl, args) => {
      if (args && typeof args === 'object') return update(ctl, () => $tableSetProps(args as Partial<TableChrome>));
      ctl.ui.openDialog({ kind: 'tableProps' });
      return true;
    },
    state: (ctl) => read(ctl, () => ({ enabled: !ctl.readOnly && $tableAtCaret() !== null })),
  },
  'table.delete': tableCmd(() => $tableDelete()),

  'review.indexTerm': {
    run: (ctl, args) => {
      if (args && typeof args === 'object') {
        const sortKey = (args as { sortKey?: string }).sortKey;
        return update(ctl, () => $addIndexTerm(sortKey || undefined));
      }
      ctl.ui.openDialog({ kind: 'indexTerm' });
      return true;
    },
    state: (ctl) => read(ctl, () => ({ enabled: !ctl.readOnly && ($selectedRange() !== null || $indexTermAtCaret() !== null), checked: $indexTermAtCaret() !== null })),
  },
  'review.removeIndexTerm': {
    run: (ctl) => update(ctl, () => $removeIndexTerm()),
    state: (ctl) => read(ctl, () => ({ enabled: !ctl.readOnly && $indexTermAtCaret() !== null })),
  },
  'review.comment': {
    run: (ctl, args) => {
      if (typeof args === 'string') return ctl.ui.addComment?.(args) ?? false;
      ctl.ui.openDialog({ kind: 'comment' });
      return true;
    },
    state: (ctl) => read(ctl, () => ({ enabled: !ctl.readOnly && ctl.canComment && $selectedRange() !== null })),
  },
  'review.deleteComment': {
    run: (ctl, args) => {
      const id = typeof args === 'string' ? args : read(ctl, () => $commentAtCaret()?.getCommentId() ?? null);
      if (!id) return false;
      update(ctl, () => void $deleteCommentAnchors(id));
      ctl.book?.().deleteComment?.(id);
      return true;
    },
    state: (ctl) => read(ctl, () => ({ enabled: !ctl.readOnly && ctl.canComment && $commentAtCaret() !== null })),
  },
  'review.resolveComment': {
    run: (ctl, args) => {
      const id = typeof args === 'string' ? args : read(ctl, () => $commentAtCaret()?.getCommentId() ?? null);
      const b = ctl.book?.();
      const c = id ? b?.comments?.find((x) => x.id === id) : undefined;
      if (!c || !b?.saveComment) return false;
      b.saveComment({ ...c, resolved: !c.resolved });
      return true;
    },
    state: (ctl) =>
      read(ctl, () => {
        const id = $commentAtCaret()?.getCommentId();
        const c = id ? ctl.book?.().comments?.find((x) => x.id === id) : undefined;
        return { enabled: !ctl.readOnly && ctl.canComment && !!c, checked: c?.resolved === true };
      }),
  },
  'review.entryIndex': {
    run: (ctl, args) =>
      update(ctl, () => {
        const a = args && typeof args === 'object' ? (args as { entryId?: string; included?: boolean }) : {};
        const title = a.entryId ? $findByModelId(a.entryId) : $caretEntryTitle();
        if (!title || !$isEntryTitleNode(title)) return false;
        const included = a.included ?? $getBlockData<{ noIndex?: boolean }>(title).noIndex === true;
        $patchBlockData(title, { noIndex: !included });
        return true;
      }),
    state: (ctl) =>
      read(ctl, () => {
        const title = $caretEntryTitle();
        return { enabled: !ctl.readOnly && title !== null, checked: title !== null && $getBlockData<{ noIndex?: boolean }>(title).noIndex !== true };
      }),
  },
  'review.comments': {
    run: (ctl) => (ctl.ui.toggleComments(), true),
    state: (ctl) => ({ enabled: true, checked: ctl.ui.commentsOpen() }),
  },

  'view.zoomIn': {
    run: (ctl) => (ctl.ui.setZoom(Math.min(ZOOM_MAX, round(ctl.ui.zoom() + 0.1))), true),
    state: (ctl) => ({ enabled: ctl.ui.zoom() < ZOOM_MAX }),
  },
  'view.zoomOut': {
    run: (ctl) => (ctl.ui.setZoom(Math.max(ZOOM_MIN, round(ctl.ui.zoom() - 0.1))), true),
    state: (ctl) => ({ enabled: ctl.ui.zoom() > ZOOM_MIN }),
  },
  'view.zoomReset': { run: (ctl) => (ctl.ui.setZoom(1), true), state: (ctl) => ({ enabled: ctl.ui.zoom() !== 1 }) },
};

/** The title of the entry the caret is in, or null. */
function $caretEntryTitle() {
  const top = $selectedTopLevel();
  return top ? $entryTitleOf(top) : null;
}

/** A query handed to the find commands (from the app's whole-book search), or undefined. */
function findArgs(args: unknown): Partial<BookFindRequest> | undefined {
  return args && typeof args === 'object' && typeof (args as { pattern?: unknown }).pattern === 'string' ? (args as Partial<BookFindRequest>) : undefined;
}

function round(z: number): number {
  return Math.round(z * 10) / 10;
}

/** Commands that change nothing in the text, allowed in read-only mode. */
const READ_ONLY_OK = new Set<string>(['find.find', 'review.comments', 'view.zoomIn', 'view.zoomOut', 'view.zoomReset']);

export function runCommand(ctl: EditorController, id: EditorCommandId, args?: unknown): boolean {
  const impl = IMPLS[id];
  if (!impl) return false;
  if (ctl.readOnly && !READ_ONLY_OK.has(id)) return false;
  const st = impl.state?.(ctl);
  if (st && !st.enabled && args === undefined) return false;
  return impl.run(ctl, args);
}

export function commandState(ctl: EditorController, id: EditorCommandId): CommandState {
  const impl = IMPLS[id];
  if (!impl) return { enabled: false };
  const st = impl.state?.(ctl) ?? { enabled: true };
  return ctl.readOnly && !READ_ONLY_OK.has(id) ? { ...st, enabled: false } : st;
}

/** Re-links the attribution lines that name one of `names` after the registry changed (merged into history). */
export function relinkContributors(editor: LexicalEditor, contributors: readonly Contributor[], names: readonly string[]): void {
  editor.update(() => $relinkAll(contributors, names), { tag: 'history-merge' });
}
