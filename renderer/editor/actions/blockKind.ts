// Changing what a block is: 正文 paragraph, 条目标题 entry title, 次目 subsection heading, 特载 heading levels,
// 大事记 item, footnote. Because the editor is flat, turning a paragraph into an entry title splits the entry
// there, and turning a title into a paragraph merges its entry into the one before.
import { $getRoot, $getSelection, $isElementNode, $isRangeSelection, $setSelection, type ElementNode, type LexicalNode } from 'lexical';
import { ID_PREFIX, randomId } from '../../../shared/model';
import { $appendInline, $readInline } from '../convert/inline';
import { $isAttributionNode } from '../nodes/AttributionNode';
import { $createBodyParagraphNode, $isBodyParagraphNode } from '../nodes/BodyParagraphNode';
import { $createDatedItemNode, $isDatedItemNode } from '../nodes/DatedItemNode';
import { $isDateLabelNode } from '../nodes/DateLabelNode';
import { $createEntryTitleNode, $isEntryTitleNode } from '../nodes/EntryTitleNode';
import { $createFootnoteNode, $isFootnoteNode } from '../nodes/FootnoteNode';
import { $createHeadingBlockNode, $isHeadingBlockNode } from '../nodes/HeadingBlockNode';
import { $createSubsectionHeadingNode, $isSubsectionHeadingNode } from '../nodes/SubsectionHeadingNode';
import { $getBlockData, $getBlockId, $getDetach, $patchBlockData, $setBlockData, $setBlockId, $setDetach } from '../state';
import { $entryTitleOf, $selectedTopLevels } from '../structure';
import { $offsetOf, $rangeSelection } from '../textmap';

export type BlockKind = 'paragraph' | 'entryTitle' | 'subsection' | 'heading1' | 'heading2' | 'heading3' | 'heading4' | 'dated' | 'footnote';

/** The kind of a top-level text block, or null for tables, figures and attribution lines. */
export function $blockKindOf(node: LexicalNode): BlockKind | null {
  if ($isEntryTitleNode(node)) return 'entryTitle';
  if ($isSubsectionHeadingNode(node)) return 'subsection';
  if ($isHeadingBlockNode(node)) return `heading${Math.min(4, Math.max(1, node.getLevel()))}` as BlockKind;
  if ($isDatedItemNode(node)) return 'dated';
  if ($isFootnoteNode(node)) return 'footnote';
  if ($isBodyParagraphNode(node)) return 'paragraph';
  return null;
}

const TEXT_KINDS = new Set<BlockKind>(['paragraph', 'heading1', 'heading2', 'heading3', 'heading4', 'dated', 'footnote']);

/**
 * Turns the top-level text block into another kind, keeping its text (and its marks where the new kind has
 * marks) and the caret. Returns the new node.
 */
export function $convertBlock(node: ElementNode, kind: BlockKind): ElementNode {
  const current = $blockKindOf(node);
  if (current === kind || current === null) return node;
  // Where the caret was, as model offsets, to put it back.
  const sel = $getSelection();
  let caret: [number, number] | null = null;
  if ($isRangeSelection(sel)) {
    const a = $offsetOf(node, sel.anchor.getNode(), sel.anchor.offset);
    const f = $offsetOf(node, sel.focus.getNode(), sel.focus.offset);
    if (a !== null && f !== null) caret = [a, f];
  }
  const label = $isDatedItemNode(node) && $isDateLabelNode(node.getFirstChild()) ? node.getFirstChild()!.getTextContent() : '';
  const inline = $readInline(node, (c) => $isDatedItemNode(node) && c === node.getFirstChild() && $isDateLabelNode(c));
  // A dated item's label becomes part of the text when it is no longer a dated item.
  const text = label ? `${label} ${inline.text}` : inline.text;
  const marks = label ? inline.marks.map((m) => ({ ...m, start: m.start + label.length + 1, end: m.end + label.length + 1 })) : inline.marks;

  let next: ElementNode;
  switch (kind) {
    case 'entryTitle':
      next = $createEntryTitleNode();
      break;
    case 'subsection':
      next = $createSubsectionHeadingNode();
      break;
    case 'dated':
      next = $createDatedItemNode();
      break;
    case 'footnote':
      next = $createFootnoteNode();
      break;
    case 'paragraph':
      next = $createBodyParagraphNode();
      break;
    default:
      next = $createHeadingBlockNode();
      $setBlockData(next, { level: Number(kind.slice(-1)), runIn: false });
  }
  if ($isHeadingBlockNode(node) && $isHeadingBlockNode(next)) {
    // Changing only the level keeps the heading's other data.
    $setBlockData(next, { ...$getBlockData(node), level: Number(kind.slice(-1)) });
  }
  const keepsId = TEXT_KINDS.has(kind) && current !== null && TEXT_KINDS.has(current) && $prefixOf(kind) === $prefixOf(current);
  $setBlockId(next, keepsId ? $getBlockId(node) : randomId($prefixOf(kind)));
  const detach = $getDetach(node);
  if (kind === 'entryTitle') $setDetach(next, detach === 2 ? 2 : 0);
  else if (kind !== 'subsection') $setDetach(next, detach);

  const plain = kind === 'entryTitle' || kind === 'subsection';
  $appendInline(next, plain ? text.replace(/\n/g, ' ') : text, plain ? [] : marks, plain);
  node.replace(next);
  if (caret) $setSelection($rangeSelection(next, Math.min(caret[0], text.length), Math.min(caret[1], text.length)));
  return next;
}

function $prefixOf(kind: BlockKind): string {
  switch (kind) {
    case 'entryTitle':
      return ID_PREFIX.entry;
    case 'subsection':
      return ID_PREFIX.subsection;
    case 'dated':
      return ID_PREFIX.dated;
    case 'footnote':
      return ID_PREFIX.footnote;
    case 'paragraph':
      return ID_PREFIX.paragraph;
    default:
      return ID_PREFIX.heading;
  }
}

/**
 * Sets the kind of every selected text block. A paragraph that becomes an entry title splits its entry: the
 * attribution lines that covered the old entry cover the new one too.
 */
export function $setSelectedBlockKind(kind: BlockKind): boolean {
  const tops = $selectedTopLevels().filter((n): n is ElementNode => $isElementNode(n) && $blockKindOf(n) !== null);
  if (!tops.length) return false;
  for (const node of tops) {
    const before = kind === 'entryTitle' && !$isEntryTitleNode(node) ? $entryTitleOf(node) : null;
    const oldEntryId = before ? $getBlockId(before) : '';
    const next = $convertBlock(node, kind);
    if (oldEntryId && $isEntryTitleNode(next)) $extendCovers(oldEntryId, $getBlockId(next));
  }
  return true;
}

/** Toggle between entry title and paragraph (the 条目标题 button and shortcut). */
export function $toggleEntryTitle(): boolean {
  const tops = $selectedTopLevels().filter((n): n is ElementNode => $isElementNode(n) && $blockKindOf(n) !== null);
  if (!tops.length) return false;
  const allTitles = tops.every($isEntryTitleNode);
  return $setSelectedBlockKind(allTitles ? 'paragraph' : 'entryTitle');
}

/** Attribution lines covering entry `oldId` now also cover `newId` (placed right after it). */
export function $extendCovers(oldId: string, newId: string): void {
  for (const n of $getRoot().getChildren()) {
    if (!$isAttributionNode(n)) continue;
    const covers = n.getAttribution().covers;
    const i = covers.indexOf(oldId);
    if (i < 0 || covers.includes(newId)) continue;
    $patchBlockData(n, { covers: [...covers.slice(0, i + 1), newId, ...covers.slice(i + 1)] });
  }
}
