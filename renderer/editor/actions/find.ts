// Applying a section whose texts changed (a find-and-replace result) to the editor: only the blocks whose
// content differs are rebuilt, in the caller's single update (so the whole replacement is one undo step).
import { $getRoot, type LexicalNode } from 'lexical';
import type { Block, Section } from '../../../shared/model';
import { $blockToNode, $nodeToItem } from '../convert/blocks';
import { $appendInline } from '../convert/inline';
import { deepEqual } from '../deepEqual';
import { $isEntryTitleNode } from '../nodes/EntryTitleNode';
import { $isSubsectionHeadingNode } from '../nodes/SubsectionHeadingNode';
import { $getBlockId, $getDetach } from '../state';

type Item = { kind: 'title'; text: string } | { kind: 'block'; block: Block };

function itemsById(section: Section): Map<string, Item> {
  const map = new Map<string, Item>();
  const block = (b: Block) => map.set(b.id, { kind: 'block', block: b });
  for (const c of section.children) {
    if (c.type === 'entry') {
      map.set(c.id, { kind: 'title', text: c.title });
      c.blocks.forEach(block);
    } else if (c.type === 'subsection') {
      map.set(c.id, { kind: 'title', text: c.title });
      for (const x of c.children) {
        if (x.type === 'entry') {
          map.set(x.id, { kind: 'title', text: x.title });
          x.blocks.forEach(block);
        } else block(x);
      }
    } else block(c);
  }
  return map;
}

/** Rebuilds the top-level nodes whose text differs from `next`. Returns how many nodes changed. */
export function $applySectionText(next: Section): number {
  const items = itemsById(next);
  let changed = 0;
  let last: LexicalNode | null = null;
  for (const node of $getRoot().getChildren()) {
    const item = items.get($getBlockId(node));
    if (!item) continue;
    if (item.kind === 'title') {
      if (($isEntryTitleNode(node) || $isSubsectionHeadingNode(node)) && node.getTextContent() !== item.text) {
        node.clear();
        $appendInline(node, item.text, [], true);
        changed++;
        last = node;
      }
      continue;
    }
    const current = $nodeToItem(node);
    if (current.kind === 'block' && !deepEqual(current.block, item.block)) {
      const fresh = $blockToNode(item.block, $getDetach(node));
      node.replace(fresh);
      changed++;
      last = fresh;
    }
  }
  if (last) last.selectEnd();
  return changed;
}
