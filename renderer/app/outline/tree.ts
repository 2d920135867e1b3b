// The outline as a tree of rows, and the list of rows currently visible (expanded, filtered). Pure.
import { addNodeCounts, zeroCounts } from '../../storage/rows';
import type { Stage } from '../../../shared/model';
import type { NodeCounts, NodeRow } from '../../storage/schema';

export interface OutlineNode {
  row: NodeRow;
  depth: number;
  parent: OutlineNode | null;
  children: OutlineNode[];
  /** Counts of this node; categories sum their sections (so they stay right while sections are saved). */
  counts: NodeCounts;
}

export interface OutlineTree {
  roots: OutlineNode[];
  byId: Map<string, OutlineNode>;
  totals: NodeCounts & { sections: number };
}

const PART_RANK = { front: 0, body: 1, back: 2 } as const;

export function buildTree(rows: readonly NodeRow[]): OutlineTree {
  const byId = new Map<string, OutlineNode>();
  for (const row of rows) byId.set(row.id, { row, depth: 0, parent: null, children: [], counts: row.counts });
  const roots: OutlineNode[] = [];
  for (const n of byId.values()) {
    const p = n.row.parentId ? byId.get(n.row.parentId) : undefined;
    if (p) {
      n.parent = p;
      p.children.push(n);
    } else if (n.row.parentId === null) {
      roots.push(n);
    }
    // Rows whose parent is missing (should not happen) are left out rather than shown at the wrong place.
  }
  const sort = (list: OutlineNode[]) => list.sort((a, b) => PART_RANK[a.row.part] - PART_RANK[b.row.part] || a.row.order - b.row.order);
  sort(roots);
  let sections = 0;
  let totals = zeroCounts();
  const visit = (n: OutlineNode, depth: number) => {
    n.depth = depth;
    sort(n.children);
    for (const c of n.children) visit(c, depth + 1);
    if (n.row.kind === 'category') {
      let c = { ...zeroCounts(), characters: [...n.row.title].filter((ch) => !/\s/.test(ch)).length };
      for (const s of n.children) c = addNodeCounts(c, s.counts);
      n.counts = c;
    }
    if (n.row.kind === 'section') sections++;
  };
  for (const r of roots) {
    visit(r, 0);
    totals = addNodeCounts(totals, r.counts);
  }
  return { roots, byId, totals: { ...totals, sections } };
}

export interface VisibleRow {
  node: OutlineNode;
  expandable: boolean;
  expanded: boolean;
  /** Character ranges of the title that match the filter. */
  match?: number[];
}

export type Matcher = (title: string) => number[] | null;

/** Plain substring matching (case-insensitive); the outline upgrades to pinyin matching when loaded. */
export function substringMatcher(query: string): Matcher {
  const q = query.trim().toLowerCase();
  return (title) => {
    const i = title.toLowerCase().indexOf(q);
    return i < 0 ? null : Array.from({ length: q.length }, (_, k) => i + k);
  };
}

/**
 * The rows to draw. Without a filter: children of expanded nodes. With a filter (title and/or section
 * status): every matching node and its ancestors, all expanded.
 */
export function visibleRows(tree: OutlineTree, expanded: ReadonlySet<string>, matcher: Matcher | null, stage: Stage | null = null): VisibleRow[] {
  const out: VisibleRow[] = [];
  if (!matcher && !stage) {
    const walk = (n: OutlineNode) => {
      const expandable = n.children.length > 0;
      const isOpen = expandable && expanded.has(n.row.id);
      out.push({ node: n, expandable, expanded: isOpen });
      if (isOpen) for (const c of n.children) walk(c);
    };
    for (const r of tree.roots) walk(r);
    return out;
  }
  const matches = new Map<string, number[]>();
  const keep = new Set<string>();
  for (const n of tree.byId.values()) {
    // A status filter keeps the sections at that stage (and their ancestors), without their entries.
    if (stage && !(n.row.kind === 'section' && (n.row.stage ?? 'draft') === stage)) continue;
    const m = matcher ? matcher(n.row.title) : [];
    if (!m) continue;
    matches.set(n.row.id, m);
    for (let p: OutlineNode | null = n; p; p = p.parent) keep.add(p.row.id);
  }
  const walk = (n: OutlineNode) => {
    if (!keep.has(n.row.id)) return;
    const kids = n.children.filter((c) => keep.has(c.row.id));
    const m = matches.get(n.row.id);
    out.push({ node: n, expandable: kids.length > 0, expanded: kids.length > 0, ...(m ? { match: m } : {}) });
    for (const c of kids) walk(c);
  };
  for (const r of tree.roots) walk(r);
  return out;
}

/** Ids of the ancestors of a node (to expand the path to it). */
export function ancestorsOf(tree: OutlineTree, id: string): string[] {
  const out: string[] = [];
  for (let p = tree.byId.get(id)?.parent ?? null; p; p = p.parent) out.push(p.row.id);
  return out;
}

export type DropPosition = 'before' | 'after' | 'inside';

/** Whether a node may be dragged at all: entries, subsections and sections (categories and matter stay put). */
export function isMovable(n: OutlineNode): boolean {
  return n.row.kind === 'entry' || n.row.kind === 'subsection' || n.row.kind === 'section';
}

/**
 * Whether dropping `drag` at `position` of `target` is a move the model accepts (shared/model/ops
 * moveRelative decides finally; this is the outline's quick answer while dragging, from rows alone).
 */
export function dropAllowed(drag: OutlineNode, target: OutlineNode, position: DropPosition): boolean {
  if (drag === target) return false;
  for (let p: OutlineNode | null = target; p; p = p.parent) if (p === drag) return false;
  const t = target.row.kind;
  switch (drag.row.kind) {
    case 'entry':
      return position === 'inside' ? t === 'section' || t === 'subsection' : t === 'entry' || t === 'subsection';
    case 'subsection':
      return position === 'inside' ? t === 'section' : t === 'subsection' || (t === 'entry' && target.parent?.row.kind === 'section');
    case 'section':
      return position === 'inside' ? t === 'category' : t === 'section';
    default:
      return false;
  }
}

/**
 * Where a drop at a vertical offset lands: the top quarter is "before", the bottom quarter "after", the middle
 * "inside" when the target can hold the node (else the nearer half decides before/after). Null when nothing
 * is allowed there.
 */
export function dropPositionAt(drag: OutlineNode, target: OutlineNode, fraction: number): DropPosition | null {
  const inside = dropAllowed(drag, target, 'inside');
  const order: DropPosition[] = inside ? (fraction < 0.25 ? ['before'] : fraction > 0.75 ? ['after'] : ['inside']) : [fraction < 0.5 ? 'before' : 'after'];
  // A node that can only be dropped inside (an entry onto a section) takes the drop anywhere on the row.
  order.push(...(['inside', 'before', 'after'] as const).filter((p) => !order.includes(p)));
  return order.find((p) => dropAllowed(drag, target, p)) ?? null;
}

/**
 * The keyboard alternative to dragging (Alt+↑ / Alt+↓): the move that takes a node one step up or down
 * among the visible rows of its kind — past a neighbour in its own container, or to the end (start) of the
 * previous (next) container when it is the first (last) there. Null at the ends of the book.
 */
export function keyboardMove(rows: readonly VisibleRow[], id: string, direction: -1 | 1): { targetId: string; position: DropPosition } | null {
  const i = rows.findIndex((r) => r.node.row.id === id);
  const node = rows[i]?.node;
  if (!node || !isMovable(node)) return null;
  for (let j = i + direction; j >= 0 && j < rows.length; j += direction) {
    const other = rows[j]!.node;
    if (other.row.kind !== node.row.kind) continue;
    let inside = false;
    for (let p: OutlineNode | null = other; p; p = p.parent) if (p === node) inside = true;
    if (inside) continue;
    const sameParent = other.parent === node.parent;
    const position: DropPosition = sameParent ? (direction < 0 ? 'before' : 'after') : direction < 0 ? 'after' : 'before';
    return dropAllowed(node, other, position) ? { targetId: other.row.id, position } : null;
  }
  return null;
}
