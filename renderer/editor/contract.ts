// The contract between the app shell (renderer/app, storage, outline, panels) and the section editor
// (renderer/editor). The editor edits one 分目 at a time and speaks only the book model.
import type { Asset, Contributor, HouseStyle, Section } from '../../shared/model';

/** What the editor may know about the book around the section it edits. */
export interface EditorBookContext {
  bookId: string;
  recordYear: number;
  houseStyle: HouseStyle;
  contributors: Contributor[];
  assets: Asset[];
  /** Resolves an asset id to a URL the <img> can show (object URL of the stored Blob), or null. */
  assetUrl(assetId: string): string | null;
}

/** A place in the section to reveal and select: a node and, for text, a character range. */
export interface EditorFocus {
  nodeId: string;
  start?: number;
  end?: number;
  /** Changes whenever the same place is requested again, so the editor re-reveals it. */
  nonce?: number;
}

export interface EditorSelectionInfo {
  /** The entry the caret is in, if any. */
  entryId?: string;
  /** The block (paragraph, attribution, table, figure …) the caret is in, if any. */
  blockId?: string;
}

export interface SectionEditorProps {
  /** The section to edit. A new object identity with a different id replaces the editor content. */
  section: Section;
  book: EditorBookContext;
  /** Called with the complete new section after each edit. Debouncing and saving are the caller's job. */
  onChange(section: Section): void;
  readOnly?: boolean;
  onSelectionChange?(info: EditorSelectionInfo): void;
  focus?: EditorFocus;
}
