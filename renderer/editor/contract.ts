// The contract between the app shell (renderer/app, storage, outline, panels) and the section editor
// (renderer/editor). The editor edits one 分目 at a time and speaks only the book model.
import type { Ref } from 'react';
import type { Asset, Comment, Contributor, FindField, FindQuery, HouseStyle, NumberingState, Section } from '../../shared/model';
import type { EditorCommandId, EditorCommandSpec } from './commands';

/** What the editor may know about the book around the section it edits. */
export interface EditorBookContext {
  bookId: string;
  recordYear: number;
  houseStyle: HouseStyle;
  contributors: Contributor[];
  assets: Asset[];
  /** Resolves an asset id to a URL the <img> can show (object URL of the stored Blob), or null. */
  assetUrl(assetId: string): string | null;
  /**
   * Adds a person or unit to book.contributors (the editor offers it for names in attribution lines that are not
   * in the registry yet). The app stores it and passes the new list back in `contributors`. Without it the
   * editor only links names that are already registered.
   */
  addContributor?(contributor: Contributor): void;
  /**
   * Opens the app's registry editor for a name on an attribution line (the chip of a linked name): its kind, the
   * unit a person belongs to, rename, merge. id is the registry entry the name is linked to.
   */
  openContributor?(name: string, id?: string): void;
  /**
   * Registers the people named on an author line as belonging to a unit (registering the unit and the people
   * when they are not yet) — what accepting the unit proposed from the 供稿 line next to the line does. The app
   * makes it one registry change the user can undo.
   */
  assignUnit?(people: string[], unit: string): void;
  /** book.comments: the editor shows the comments anchored in the open section (comment marks). */
  comments?: Comment[];
  /**
   * Stores a new or changed comment in book.comments (same id = replace). The editor calls it when a user adds a
   * comment on a range, edits it, or resolves / reopens it; the anchor (a comment mark) is in the section the
   * editor emits. Without it the editor offers no commenting.
   */
  saveComment?(comment: Comment): void;
  /** Removes a comment from book.comments (its anchors are removed from the section by the editor). */
  deleteComment?(commentId: string): void;
  /** The name written as the author of new comments (the editor's user); defaults to "编辑". */
  userName?: string;
  /**
   * Remembers the user's name. With it, the comment dialog asks for the name once while userName is empty (the
   * app stores it and passes it back in userName).
   */
  setUserName?(name: string): void;
  /**
   * Where the book's table and figure numbering stands at the start of this section (the numbers the sections
   * before it used up) and whether the house style numbers everything automatically. The editor numbers the
   * section's tables and figures live from it (shared/model/numbering.ts): 图N / 表N, renumbered as figures are
   * inserted or removed. Without it the section is numbered from 1.
   */
  numbering?: { start: NumberingState; autoNumber: boolean };
  /**
   * Asks the user for an image file and stores it as a book asset (the app checks type and size and says why it
   * refuses a file). Resolves to the new asset's id — by then `assets` and `assetUrl` know it — or null when
   * nothing was stored. Without it the editor offers no image files (only the book's existing images).
   */
  pickImage?(): Promise<string | null>;
  /**
   * Hands find and replace over to the app's whole-book search (the scope switch 本分目 / 全书 of the find panel),
   * with what the user typed so far. Without it the find panel searches the open section only.
   */
  findInBook?(request: BookFindRequest): void;
}

/** What the find panel hands over when the user switches to the whole book. */
export interface BookFindRequest extends FindQuery {
  replacement: string;
  /** The panel was in replace mode. */
  replace: boolean;
}

/** A place in the section to reveal and select: a node and, for text, a character range. */
export interface EditorFocus {
  nodeId: string;
  start?: number;
  end?: number;
  /** Changes whenever the same place is requested again, so the editor re-reveals it. */
  nonce?: number;
  /**
   * Which text of the node the range is in, for nodes with several (a find hit: 'dateLabel' of a 大事记 item,
   * 'cell' of a table with `cell`); the node's main text when absent.
   */
  field?: FindField;
  cell?: { row: number; col: number };
}

export interface EditorSelectionInfo {
  /** The entry the caret is in, if any. */
  entryId?: string;
  /** The block (paragraph, attribution, table, figure …) the caret is in, if any. */
  blockId?: string;
}

/**
 * A problem the app's checker found in the section (shared/validate findings, reduced to what the editor shows):
 * the text [start, end) of a node's field is underlined by severity, and the message shows on hover.
 * field: 'text' (paragraph, heading, dated item, footnote), 'dateLabel' (大事记 date), 'title' (entry, subsection).
 */
export interface EditorProblem {
  id: string;
  nodeId: string;
  field: string;
  start: number;
  end: number;
  severity: 'error' | 'warning' | 'info';
  message: string;
  /** For a heuristic rule: why it fired (shown under the message). */
  reason?: string;
  /** The offending text; the underline is skipped where the text at [start, end) no longer reads so. */
  text?: string;
}

export interface SectionEditorProps {
  /**
   * The section to edit. A new object identity with a different id replaces the editor content.
   * With the same id: content the editor did not emit itself (an outline move, a book-wide replace) is loaded
   * into the editor and clears its undo history; sections it emitted (or equal copies of them, even late ones
   * coming back from an autosave round trip) are ignored, and changes of the section's own fields (title,
   * status …) are taken over without touching the content.
   */
  section: Section;
  book: EditorBookContext;
  /** Called with the complete new section after each edit. Debouncing and saving are the caller's job. */
  onChange(section: Section): void;
  readOnly?: boolean;
  onSelectionChange?(info: EditorSelectionInfo): void;
  focus?: EditorFocus;
  /** React 19 ref to the editor handle (see SectionEditorHandle). */
  ref?: Ref<SectionEditorHandle>;
  /** Zoom of the page (1 = 100 %, 0.7–2). Uncontrolled when absent (the editor keeps its own). */
  zoom?: number;
  /** Called when the user zooms (toolbar, Ctrl+Alt+= / Ctrl+Alt+-, Ctrl+wheel) so the app can keep the setting. */
  onZoomChange?(zoom: number): void;
  /** The checker's problems in this section, underlined in the text (see EditorProblem). */
  problems?: readonly EditorProblem[];
}

/** State of a command for menus and the command palette. */
export interface EditorCommandState {
  enabled: boolean;
  /** For toggles (bold, entry title …): whether it is on at the caret. */
  checked?: boolean;
}

/**
 * What the app can do with a mounted editor (pass `ref`): run any command of `commands` (the app's menu and
 * command palette list them; labels are catalog keys, shortcuts are shown with formatShortcut /
 * acceleratorOf from renderer/editor/commands.ts), ask a command's state, read the current section.
 */
export interface SectionEditorHandle {
  readonly commands: readonly EditorCommandSpec[];
  run(command: EditorCommandId, args?: unknown): boolean;
  state(command: EditorCommandId): EditorCommandState;
  /** The section as the editor holds it now (the last value given to onChange, or the loaded one). */
  getSection(): Section;
  focus(): void;
}
