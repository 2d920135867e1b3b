// A 分目 (Section) ↔ the editor's flat list of top-level nodes.
//
// The editor shows a section the way it is read: entry titles, subsection headings and blocks one after the
// other. The tree is the order: an entry title opens an entry that runs until the next title or subsection
// heading; a subsection heading opens a subsection that runs until the next one. A block after an entry
// that belongs to the subsection or section itself (a section's closing attribution line, say) carries
// detach 1 (closes the entry) or 2 (closes the subsection too); an entry directly in the section after a
// subsection carries detach 2. Writing emits the smallest detach that reproduces the tree, so new content
// a user types simply continues where the caret is.
import { $createParagraphNode, $getRoot, type LexicalNode } from 'lexical';
import type { Block, Entry, Section, SectionChild, Subsection } from '../../../shared/model';
import { $isBodyParagraphNode } from '../nodes/BodyParagraphNode';
import { $getBlockId, type Detach } from '../state';
import { $blockToNode, $entryTitleToNode, $nodeToItem, $subsectionHeadingToNode, type FlatItem } from './blocks';

/** The nodes for a section's children, in order. */
export function $sectionToNodes(section: Section): LexicalNode[] {
  const out: LexicalNode[] = [];
  let inSub = false;
  let entryOpen = false;
  const emitEntry = (e: Entry, detach: Detach) => {
    out.push($entryTitleToNode(e, detach));
    for (const b of e.blocks) out.push($blockToNode(b, 0));
    entryOpen = true;
  };
  for (const child of section.children) {
    if (child.type === 'subsection') {
      out.push($subsectionHeadingToNode(child));
      inSub = true;
      entryOpen = false;
      for (const c of child.children) {
        if (c.type === 'entry') emitEntry(c, 0);
        else {
          out.push($blockToNode(c, entryOpen ? 1 : 0));
          entryOpen = false;
        }
      }
    } else if (child.type === 'entry') {
      emitEntry(child, inSub ? 2 : 0);
      inSub = false;
    } else {
      out.push($blockToNode(child, inSub ? 2 : entryOpen ? 1 : 0));
      inSub = false;
      entryOpen = false;
    }
  }
  return out;
}

/** Replaces the editor content with the section. An empty section gets one empty paragraph to type in. */
export function $loadSection(section: Section): void {
  const root = $getRoot();
  root.clear();
  const nodes = $sectionToNodes(section);
  if (nodes.length) root.append(...nodes);
  else root.append($createParagraphNode());
}

/** Rebuilds the section tree from the flat items; fields of the section itself come from base. */
export function assembleSection(base: Section, items: readonly FlatItem[]): Section {
  const children: SectionChild[] = [];
  let sub: Subsection | null = null;
  let entry: Entry | null = null;
  for (const item of items) {
    if (item.kind === 'subsection') {
      entry = null;
      sub = { ...item.subsection, children: [] };
      children.push(sub);
    } else if (item.kind === 'entry') {
      if (item.detach >= 2) sub = null;
      entry = { ...item.entry, blocks: [] };
      (sub ? sub.children : children).push(entry);
    } else {
      if (item.detach >= 2) {
        entry = null;
        sub = null;
      } else if (item.detach >= 1) {
        entry = null;
      }
      const block: Block = item.block;
      if (entry) entry.blocks.push(block);
      else if (sub) sub.children.push(block);
      else children.push(block);
    }
  }
  return { ...base, children };
}

/**
 * True when the root holds only the placeholder paragraph of an empty section (one empty paragraph that was
 * never given an id), which stands for no content at all.
 */
export function $isPlaceholderOnly(nodes: readonly LexicalNode[]): boolean {
  if (nodes.length !== 1) return false;
  const only = nodes[0]!;
  return $isBodyParagraphNode(only) && only.getTextContent() === '' && $getBlockId(only) === '';
}

/** Reads the whole editor content as a section (base supplies the section's own fields). */
export function $readSection(base: Section): Section {
  const nodes = $getRoot().getChildren();
  if ($isPlaceholderOnly(nodes)) return { ...base, children: [] };
  return assembleSection(base, nodes.map($nodeToItem));
}
