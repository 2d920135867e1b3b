// Node state shared by the section editor's nodes (Lexical NodeState: serialised with the node, copied on
// clone, so undo/redo, copy and paste keep it).
//
// The editor holds one 分目 as a flat list of top-level blocks (entry titles, subsection headings,
// paragraphs, tables, figures, attribution lines …), the way an editor reads a page. The tree of the
// book model is recovered from the order: an entry title opens an entry that runs until the next title.
// `detach` records the few placements the order alone cannot express (see convert/structure.ts).
import { $getState, $setState, createState, type LexicalNode } from 'lexical';

/** The block's stable id in the book model ("p_…", "e_…"). Reset when Lexical copies a node, so a split never duplicates it. */
export const blockIdState = createState('ybId', {
  parse: (v: unknown): string => (typeof v === 'string' ? v : ''),
  resetOnCopyNode: true,
});

/**
 * Where a top-level block sits when the order alone is ambiguous:
 * 0 = in the open entry (or wherever the previous block was);
 * 1 = closes the open entry: the block belongs to the subsection or section (e.g. a section's closing attribution line);
 * 2 = closes the open entry and subsection: the block (or entry title) belongs to the section itself.
 */
export type Detach = 0 | 1 | 2;
export const detachState = createState('ybDetach', {
  parse: (v: unknown): Detach => (v === 1 || v === 2 ? v : 0),
});

/**
 * Model fields of a block that the editor shows but does not hold as Lexical children
 * (an entry's status, a table's number and title, a whole figure or attribution …).
 * Kept verbatim, so fields the editor does not know about survive editing.
 */
export type BlockData = Readonly<Record<string, unknown>>;
const EMPTY: BlockData = Object.freeze({});
export const blockDataState = createState('ybData', {
  parse: (v: unknown): BlockData => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as BlockData) : EMPTY),
  isEqual: (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b),
});

export function $getBlockId(node: LexicalNode): string {
  return $getState(node, blockIdState);
}
export function $setBlockId<T extends LexicalNode>(node: T, id: string): T {
  return $setState(node, blockIdState, id);
}
export function $getDetach(node: LexicalNode): Detach {
  return $getState(node, detachState);
}
export function $setDetach<T extends LexicalNode>(node: T, d: Detach): T {
  return $setState(node, detachState, d);
}
export function $getBlockData<T extends object = Record<string, unknown>>(node: LexicalNode): Partial<T> {
  return $getState(node, blockDataState) as Partial<T>;
}
export function $setBlockData<T extends LexicalNode>(node: T, data: BlockData): T {
  return $setState(node, blockDataState, data);
}
export function $patchBlockData<T extends LexicalNode>(node: T, patch: BlockData): T {
  return $setState(node, blockDataState, (prev) => stripUndefined({ ...prev, ...patch }));
}

function stripUndefined(o: Record<string, unknown>): BlockData {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out;
}
