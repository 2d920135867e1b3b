// What the editor's node views need from the surrounding app: the book context from the contract, the
// callbacks of the contract, and values computed over the whole section (footnote numbers …).
import { createContext, useContext } from 'react';
import type { AssignedNumber, Comment, Contributor } from '../../../shared/model';
import type { EditorBookContext } from '../contract';

export interface EditorEnv {
  book: EditorBookContext;
  readOnly: boolean;
  comments: readonly Comment[];
  /** Adds a person or unit to the book's contributor registry; undefined when the app does not allow it. */
  addContributor?: (c: Contributor) => void;
  /** Shows a comment (side popover) when its anchor is clicked. */
  openComment?: (commentId: string) => void;
  /** Jumps to the footnote block with this id. */
  revealFootnote?: (footnoteId: string) => void;
}

const fallback: EditorEnv = {
  book: {
    bookId: '',
    recordYear: new Date().getFullYear() - 1,
    houseStyle: {} as EditorBookContext['houseStyle'],
    contributors: [],
    assets: [],
    assetUrl: () => null,
  },
  readOnly: false,
  comments: [],
};

export const EditorEnvContext = createContext<EditorEnv>(fallback);

export function useEditorEnv(): EditorEnv {
  return useContext(EditorEnvContext);
}

/** Footnote id → its number in the section (1-based, in order of the footnote blocks). */
export const FootnoteContext = createContext<ReadonlyMap<string, number>>(new Map());

export function useFootnoteNumbers(): ReadonlyMap<string, number> {
  return useContext(FootnoteContext);
}

/** Table and figure id → its number as printed (shared/model numbering, continuing from the sections before). */
export const NumbersContext = createContext<ReadonlyMap<string, AssignedNumber>>(new Map());

export function useTableFigureNumbers(): ReadonlyMap<string, AssignedNumber> {
  return useContext(NumbersContext);
}
