// One top-level editor node ↔ one item of the flat section (a block, an entry's title, a subsection's heading).
import {
  $isElementNode,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import {
  ID_PREFIX,
  randomId,
  type Attribution,
  type Block,
  type DatedItem,
  type Entry,
  type Figure,
  type Footnote,
  type Heading,
  type Paragraph,
  type Subsection,
} from '../../../shared/model';
import { $createAttributionNode, $isAttributionNode } from '../nodes/AttributionNode';
import { $createBodyParagraphNode, $isBodyParagraphNode } from '../nodes/BodyParagraphNode';
import { $createDatedItemNode, $isDatedItemNode } from '../nodes/DatedItemNode';
import { $createDateLabelNode, $isDateLabelNode } from '../nodes/DateLabelNode';
import { $createEntryTitleNode, $isEntryTitleNode } from '../nodes/EntryTitleNode';
import { $createFigureNode, $isFigureNode } from '../nodes/FigureNode';
import { $createFootnoteNode, $isFootnoteNode } from '../nodes/FootnoteNode';
import { $createHeadingBlockNode, $isHeadingBlockNode } from '../nodes/HeadingBlockNode';
import { $createSubsectionHeadingNode, $isSubsectionHeadingNode } from '../nodes/SubsectionHeadingNode';
import { $isYbTableNode } from '../nodes/YbTableNode';
import { $getBlockData, $getBlockId, $getDetach, $setBlockData, $setBlockId, $setDetach, type Detach } from '../state';
import { $appendInline, $readInline, $readPlain } from './inline';
import { $nodeToTable, $tableToNode } from './table';
import { omit } from './util';

export type EntryHead = Omit<Entry, 'blocks'>;
export type SubsectionHead = Omit<Subsection, 'children'>;

/** One top-level node read back: what it is and where it sits. */
export type FlatItem =
  | { kind: 'entry'; entry: EntryHead; detach: Detach }
  | { kind: 'subsection'; subsection: SubsectionHead }
  | { kind: 'block'; block: Block; detach: Detach };

export function $entryTitleToNode(entry: Entry | EntryHead, detach: Detach): LexicalNode {
  const node = $createEntryTitleNode();
  $setBlockId(node, entry.id);
  $setBlockData(node, omit(entry as Entry, ['type', 'id', 'title', 'blocks']));
  if (detach) $setDetach(node, detach);
  $appendInline(node, entry.title, [], true);
  return node;
}

export function $subsectionHeadingToNode(sub: Subsection | SubsectionHead): LexicalNode {
  const node = $createSubsectionHeadingNode();
  $setBlockId(node, sub.id);
  $setBlockData(node, omit(sub as Subsection, ['type', 'id', 'title', 'children']));
  $appendInline(node, sub.title, [], true);
  return node;
}

export function $blockToNode(block: Block, detach: Detach = 0): LexicalNode {
  let node: LexicalNode;
  switch (block.type) {
    case 'paragraph': {
      const p = $createBodyParagraphNode();
      $setBlockData(p, omit(block, ['type', 'id', 'text', 'marks']));
      $appendInline(p, block.text, block.marks);
      node = p;
      break;
    }
    case 'heading': {
      const h = $createHeadingBlockNode();
      $setBlockData(h, omit(block, ['type', 'id', 'text', 'marks']));
      $appendInline(h, block.text, block.marks);
      node = h;
      break;
    }
    case 'dated': {
      const d = $createDatedItemNode();
      $setBlockData(d, omit(block, ['type', 'id', 'text', 'marks', 'dateLabel']));
      if (block.dateLabel) {
        const label = $createDateLabelNode();
        $appendInline(label, block.dateLabel, [], true);
        d.append(label);
      }
      $appendInline(d, block.text, block.marks);
      node = d;
      break;
    }
    case 'footnote': {
      const f = $createFootnoteNode();
      $setBlockData(f, omit(block, ['type', 'id', 'text', 'marks']));
      $appendInline(f, block.text, block.marks);
      node = f;
      break;
    }
    case 'table':
      node = $tableToNode(block);
      break;
    case 'figure': {
      const f = $createFigureNode();
      $setBlockData(f, omit(block, ['type', 'id']));
      node = f;
      break;
    }
    case 'attribution': {
      const a = $createAttributionNode();
      $setBlockData(a, omit(block, ['type', 'id']));
      node = a;
      break;
    }
  }
  $setBlockId(node, block.id);
  if (detach) $setDetach(node, detach);
  return node;
}

/** Prefix of a new id for a node of this kind (when a node has none yet). */
export function $idPrefixFor(node: LexicalNode): string {
  if ($isEntryTitleNode(node)) return ID_PREFIX.entry;
  if ($isSubsectionHeadingNode(node)) return ID_PREFIX.subsection;
  if ($isHeadingBlockNode(node)) return ID_PREFIX.heading;
  if ($isDatedItemNode(node)) return ID_PREFIX.dated;
  if ($isFootnoteNode(node)) return ID_PREFIX.footnote;
  if ($isYbTableNode(node)) return ID_PREFIX.table;
  if ($isFigureNode(node)) return ID_PREFIX.figure;
  if ($isAttributionNode(node)) return ID_PREFIX.attribution;
  return ID_PREFIX.paragraph;
}

/** True for the top-level node kinds the section model knows. */
export function $isSectionNode(node: LexicalNode): boolean {
  return (
    $isEntryTitleNode(node) ||
    $isSubsectionHeadingNode(node) ||
    $isBodyParagraphNode(node) ||
    $isHeadingBlockNode(node) ||
    $isDatedItemNode(node) ||
    $isFootnoteNode(node) ||
    $isYbTableNode(node) ||
    $isFigureNode(node) ||
    $isAttributionNode(node)
  );
}

/** Reads one top-level node. Nodes without an id get a fresh one (the sync plugin writes ids back first). */
export function $nodeToItem(node: LexicalNode): FlatItem {
  const id = $getBlockId(node) || randomId($idPrefixFor(node));
  const detach = $getDetach(node);
  if ($isEntryTitleNode(node)) {
    const data = $getBlockData<Entry>(node);
    return { kind: 'entry', detach, entry: { ...data, type: 'entry', id, title: $readPlain(node), noIndex: data.noIndex ?? false } };
  }
  if ($isSubsectionHeadingNode(node)) {
    return { kind: 'subsection', subsection: { ...$getBlockData<Subsection>(node), type: 'subsection', id, title: $readPlain(node) } };
  }
  return { kind: 'block', detach, block: $nodeToBlock(node, id) };
}

export function $nodeToBlock(node: LexicalNode, id: string): Block {
  if ($isYbTableNode(node)) return $nodeToTable(node, id);
  if ($isFigureNode(node)) {
    const f = node.getFigure();
    return { ...f, type: 'figure', id } as Figure;
  }
  if ($isAttributionNode(node)) {
    return { ...node.getAttribution(), type: 'attribution', id } as Attribution;
  }
  if ($isHeadingBlockNode(node)) {
    const d = $getBlockData<Heading>(node);
    return { ...d, type: 'heading', id, level: d.level ?? 1, runIn: d.runIn ?? false, ...$readInline(node) } as Heading;
  }
  if ($isDatedItemNode(node)) {
    const first = node.getFirstChild();
    const label = $isDateLabelNode(first) ? $readPlain(first) : '';
    const d = $getBlockData<DatedItem>(node);
    return { ...d, type: 'dated', id, dateLabel: label, ...$readInline(node, (c) => c === first && $isDateLabelNode(c)) } as DatedItem;
  }
  if ($isFootnoteNode(node)) {
    return { ...$getBlockData<Footnote>(node), type: 'footnote', id, ...$readInline(node) } as Footnote;
  }
  // Paragraphs, and anything unknown that has text (content pasted from elsewhere): a paragraph.
  const data = $isBodyParagraphNode(node) ? $getBlockData<Paragraph>(node) : {};
  if ($isElementNode(node)) return { ...data, type: 'paragraph', id, ...$readInline(node as ElementNode) } as Paragraph;
  return { ...data, type: 'paragraph', id, text: node.getTextContent(), marks: [] } as Paragraph;
}
