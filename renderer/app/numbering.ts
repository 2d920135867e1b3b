// Table and figure numbers in the app: the numbering of the book (shared/model/numbering.ts) runs through all
// sections in book order, so the open section's numbers continue from the sections before it. Their outline
// rows carry a numbering summary (the typed numbers of their tables and figures), so this needs no book read.
import { advanceNumbering, NUMBERING_START, sectionNumbering, type AssignedNumber, type Matter, type NumberingState, type Section } from '../../shared/model';
import type { NodeRow } from '../storage/schema';
import { sortedSections } from './workbench';

/** The numbering state at the start of a section or matter page (what the sections before it used up). */
export function numberingBefore(outline: readonly NodeRow[], docId: string, autoNumber: boolean): NumberingState {
  let state: NumberingState = NUMBERING_START;
  for (const row of sortedSections(outline)) {
    if (row.id === docId) break;
    const summary = row.numbering ?? { tables: new Array<null>(row.counts.tables).fill(null), figures: new Array<null>(row.counts.figures).fill(null) };
    state = advanceNumbering(state, summary, autoNumber);
  }
  return state;
}

/** The numbers of the tables and figures of a section or matter page, by block id, as printed. */
export function sectionNumbers(outline: readonly NodeRow[], doc: Section | Matter, autoNumber: boolean): Map<string, AssignedNumber> {
  return sectionNumbering(doc, autoNumber, numberingBefore(outline, doc.id, autoNumber)).numbers;
}
