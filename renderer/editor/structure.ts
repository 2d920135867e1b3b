// Questions about the section's structure asked of the flat editor content: which entry a block belongs to,
// where an entry ends, which node has a model id.
import { $getRoot, $getSelection, $isNodeSelection, $isRangeSelection, type LexicalNode } from 'lexical';
import { $isEntryTitleNode, type EntryTitleNode } from './nodes/EntryTitleNode';
import { $isSubsectionHeadingNode } from './nodes/SubsectionHeadingNode';
import { $getBlockId, $getDetach } from './state';

/** The top-level node containing node (the node itself if it is one). */
export function $topLevelOf(node: LexicalNode): LexicalNode | null {
  let n: LexicalNode | null = node;
  while (n) {
    const parent: LexicalNode | null = n.getParent();
    if (parent && parent.getType() === 'root') return n;
    if (!parent) return n.getType() === 'root' ? null : n;
    n = parent;
  }
  return null;
}

/** The entry title whose entry contains the top-level node, or null (section-level or subsection-level block). */
export function $entryTitleOf(top: LexicalNode): EntryTitleNode | null {
  let n: LexicalNode | null = top;
  while (n) {
    if ($isEntryTitleNode(n)) return n;
    if ($isSubsectionHeadingNode(n) || $getDetach(n) >= 1) return null;
    n = n.getPreviousSibling();
  }
  return null;
}

/** The top-level nodes of an entry: its title and every block up to the next title, heading or detached block. */
export function $entryNodes(title: EntryTitleNode): LexicalNode[] {
  const out: LexicalNode[] = [title];
  for (let n = title.getNextSibling(); n; n = n.getNextSibling()) {
    if ($isEntryTitleNode(n) || $isSubsectionHeadingNode(n) || $getDetach(n) >= 1) break;
    out.push(n);
  }
  return out;
}

/** The top-level node with this model id (an entry's id finds its title). */
export function $findByModelId(id: string): LexicalNode | null {
  for (let n = $getRoot().getFirstChild(); n; n = n.getNextSibling()) if ($getBlockId(n) === id) return n;
  return null;
}

/** Every top-level node by model id, in one pass — for looking up many ids at once (a section's problems). */
export function $modelIdIndex(): Map<string, LexicalNode> {
  const out = new Map<string, LexicalNode>();
  for (let n = $getRoot().getFirstChild(); n; n = n.getNextSibling()) {
    const id = $getBlockId(n);
    if (id && !out.has(id)) out.set(id, n);
  }
  return out;
}

/** The top-level node the selection starts in. */
export function $selectedTopLevel(): LexicalNode | null {
  const sel = $getSelection();
  if ($isRangeSelection(sel)) return $topLevelOf(sel.anchor.getNode());
  if ($isNodeSelection(sel)) {
    const n = sel.getNodes()[0];
    return n ? $topLevelOf(n) : null;
  }
  const tableSel = sel as { getNodes?: () => LexicalNode[] } | null;
  const first = tableSel?.getNodes?.()[0];
  return first ? $topLevelOf(first) : null;
}

/** All top-level nodes touched by the selection, in order. */
export function $selectedTopLevels(): LexicalNode[] {
  const sel = $getSelection();
  if (!sel) return [];
  const seen = new Set<string>();
  const out: LexicalNode[] = [];
  const add = (n: LexicalNode | null) => {
    if (n && !seen.has(n.getKey())) {
      seen.add(n.getKey());
      out.push(n);
    }
  };
  if ($isRangeSelection(sel)) {
    const a = $topLevelOf(sel.anchor.getNode());
    const b = $topLevelOf(sel.focus.getNode());
    if (a && b) {
      const [first, last] = a.isBefore(b) ? [a, b] : [b, a];
      for (let n: LexicalNode | null = first; n; n = n.getNextSibling()) {
        add(n);
        if (n.is(last)) break;
      }
      return out;
    }
  }
  for (const n of sel.getNodes()) add($topLevelOf(n));
  return out;
}
