// Tagging attribution lines (署名): a paragraph that is "(陈康)", "（汪 剑 朱丽娜）", "(区审管办 供稿)" … becomes an
// attribution line of the chosen kind; the names are split and normalised (padding removed, separators
// unified) and linked to the contributor registry; the line covers the entries since the previous attribution
// line. A name line printed at the end of a paragraph ("…平安区”。（於晓萍）") is split off as an inline
// attribution. Untagging turns the line back into a paragraph with its text as received.
import {
  $createNodeSelection,
  $getRoot,
  $getSelection,
  $isNodeSelection,
  $isRangeSelection,
  $setSelection,
  type ElementNode,
  type LexicalNode,
} from 'lexical';
import {
  formatAttribution,
  ID_PREFIX,
  parseAttribution,
  randomId,
  splitNames,
  stripBrackets,
  type AttributionKind,
  type Contributor,
} from '../../../shared/model';
import { $appendInline, $readInline } from '../convert/inline';
import { $createAttributionNode, $isAttributionNode, type AttributionData, type AttributionNode } from '../nodes/AttributionNode';
import { $createBodyParagraphNode, $isBodyParagraphNode } from '../nodes/BodyParagraphNode';
import { $isEntryTitleNode } from '../nodes/EntryTitleNode';
import { linkContributors } from '../registry';
import { $getBlockId, $getDetach, $patchBlockData, $setBlockData, $setBlockId, $setDetach } from '../state';
import { $selectedTopLevels, $topLevelOf } from '../structure';
import { $offsetOf } from '../textmap';

const LABEL = /^(?:撰稿人?|作者|供稿(?:单位)?|审稿人?|摄影|图片提供)\s*[:：]\s*/;

/** Names read from a line that may or may not be in brackets or carry a label or suffix. */
export function namesFromLine(text: string): string[] {
  const parsed = parseAttribution(text);
  if (parsed) return parsed.names;
  const inner = stripBrackets(text) ?? text.trim().replace(/^[(（]|[)）]$/g, '');
  return splitNames(inner.replace(LABEL, '').replace(/\s*(?:供稿|提供|摄)$/, ''));
}

/** What a paragraph that looks like an attribution would become: the whole line, or a name line at its end. */
export interface AttributionSuggestion {
  kind: AttributionKind;
  names: string[];
  /** Offset in the paragraph's text where the attribution starts (0 for a whole line). */
  start: number;
  end: number;
  inline: boolean;
}

/** A sentence end before a trailing "（…）" name line. */
const TRAILING = /([。！？”’」』])\s*([(（][^()（）]{1,40}[)）])\s*$/;

export function suggestAttribution(text: string): AttributionSuggestion | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const whole = parseAttribution(trimmed);
  if (whole) {
    const start = text.indexOf(trimmed);
    return { kind: whole.kind, names: whole.names, start, end: start + trimmed.length, inline: false };
  }
  const m = TRAILING.exec(text);
  if (m) {
    const part = parseAttribution(m[2]!);
    if (part) {
      const start = text.lastIndexOf(m[2]!);
      return { kind: part.kind, names: part.names, start, end: start + m[2]!.length, inline: true };
    }
  }
  return null;
}

/** Entries an attribution line at this position covers: back to the previous author/unit line of the section. */
export function $coversBefore(node: LexicalNode): string[] {
  const out: string[] = [];
  for (let n = node.getPreviousSibling(); n; n = n.getPreviousSibling()) {
    if ($isAttributionNode(n)) {
      const k = n.getAttribution().kind;
      if (k === 'author' || k === 'unit' || k === 'reviewer') break;
    }
    if ($isEntryTitleNode(n)) out.unshift($getBlockId(n));
  }
  return out.filter(Boolean);
}

function newAttribution(kind: AttributionKind, names: string[], raw: string, covers: string[], inline: boolean, contributors: readonly Contributor[]): AttributionNode {
  const node = $createAttributionNode();
  $setBlockId(node, randomId(ID_PREFIX.attribution));
  const data: AttributionData = {
    kind,
    names,
    covers: kind === 'photo' ? [] : covers,
    raw,
    placement: inline ? 'inline' : 'line',
    contributorIds: linkContributors(names, contributors),
  };
  $setBlockData(node, data);
  return node;
}

/**
 * Tags the selection as an attribution of this kind:
 * - selected attribution lines change their kind;
 * - the paragraph(s) the caret or selection is in become attribution lines;
 * - a selection inside a paragraph (a name line at its end) is split off as an inline attribution after it.
 * Returns false when nothing could be tagged (no names found).
 */
export function $tagAttribution(kind: AttributionKind, contributors: readonly Contributor[]): boolean {
  const sel = $getSelection();
  if ($isNodeSelection(sel)) {
    const lines = sel.getNodes().filter($isAttributionNode);
    for (const a of lines) $patchBlockData(a, { kind, covers: kind === 'photo' ? [] : a.getAttribution().covers.length ? a.getAttribution().covers : $coversBefore(a) });
    return lines.length > 0;
  }
  if (!$isRangeSelection(sel)) return false;
  const tops = $selectedTopLevels();
  if (tops.length === 1 && $isAttributionNode(tops[0]!)) {
    $patchBlockData(tops[0]!, { kind });
    return true;
  }
  // Part of one paragraph selected: split it off.
  if (!sel.isCollapsed() && tops.length === 1 && $isBodyParagraphNode(tops[0]!)) {
    const p = tops[0] as ElementNode;
    const a = $offsetOf(p, sel.anchor.getNode(), sel.anchor.offset);
    const f = $offsetOf(p, sel.focus.getNode(), sel.focus.offset);
    const text = p.getTextContent();
    if (a !== null && f !== null) {
      const [s, e] = a < f ? [a, f] : [f, a];
      const part = text.slice(s, e);
      if (part.trim() && part.trim() !== text.trim()) return $splitOffAttribution(p, s, e, kind, contributors);
    }
  }
  let done = 0;
  for (const top of tops) {
    if (!$isBodyParagraphNode(top)) continue;
    const text = top.getTextContent();
    const names = namesFromLine(text);
    if (!names.length) continue;
    const node = newAttribution(kind, names, text.trim(), $coversBefore(top), false, contributors);
    const d = $getDetach(top);
    if (d) $setDetach(node, d);
    top.replace(node);
    const ns = $createNodeSelection();
    ns.add(node.getKey());
    $setSelection(ns);
    done++;
  }
  return done > 0;
}

/** Moves [start, end) of a paragraph's text out into an attribution line right after the paragraph. */
export function $splitOffAttribution(p: ElementNode, start: number, end: number, kind: AttributionKind, contributors: readonly Contributor[]): boolean {
  const { text, marks } = $readInline(p);
  const part = text.slice(start, end);
  const names = namesFromLine(part);
  if (!names.length) return false;
  const keptText = (text.slice(0, start) + text.slice(end)).replace(/\s+$/, '');
  const kept = marks
    .filter((m) => m.end <= start || m.start >= end || (m.start < start && m.end > end))
    .map((m) => (m.start >= end ? { ...m, start: m.start - (end - start), end: m.end - (end - start) } : m.end > end ? { ...m, end: m.end - (end - start) } : m))
    .map((m) => ({ ...m, start: Math.min(m.start, keptText.length), end: Math.min(m.end, keptText.length) }));
  p.clear();
  $appendInline(p, keptText, kept);
  const atEnd = text.slice(end).trim() === '';
  const node = newAttribution(kind, names, part.trim(), $coversBefore(p), atEnd, contributors);
  p.insertAfter(node);
  const ns = $createNodeSelection();
  ns.add(node.getKey());
  $setSelection(ns);
  return true;
}

/** Turns selected attribution lines back into paragraphs showing the line as received (or in house form). */
export function $untagAttribution(): boolean {
  const sel = $getSelection();
  const nodes: AttributionNode[] = [];
  if ($isNodeSelection(sel)) nodes.push(...sel.getNodes().filter($isAttributionNode));
  else for (const n of $selectedTopLevels()) if ($isAttributionNode(n)) nodes.push(n);
  for (const a of nodes) {
    const data = a.getAttribution();
    const p = $createBodyParagraphNode();
    $setBlockId(p, randomId(ID_PREFIX.paragraph));
    const d = $getDetach(a);
    if (d) $setDetach(p, d);
    $appendInline(p, data.raw ?? formatAttribution(data), []);
    a.replace(p);
    p.selectEnd();
  }
  return nodes.length > 0;
}

/** Applies a suggestion to the paragraph with this node key (one click on the suggestion chip). */
export function $applySuggestion(p: ElementNode, s: AttributionSuggestion, contributors: readonly Contributor[]): boolean {
  if (!s.inline) {
    const text = p.getTextContent();
    const node = newAttribution(s.kind, s.names, text.trim(), $coversBefore(p), false, contributors);
    const d = $getDetach(p);
    if (d) $setDetach(node, d);
    p.replace(node);
    return true;
  }
  return $splitOffAttribution(p, s.start, s.end, s.kind, contributors);
}

/** Re-links the attribution lines naming one of `names` to the registry (after the registry changed). */
export function $relinkAll(contributors: readonly Contributor[], names: readonly string[]): void {
  for (const n of $getRoot().getChildren()) {
    if (!$isAttributionNode(n)) continue;
    const a = n.getAttribution();
    if (!a.names.some((x) => names.includes(x))) continue;
    const ids = linkContributors(a.names, contributors);
    if (JSON.stringify(ids) !== JSON.stringify(a.contributorIds ?? [])) $patchBlockData(n, { contributorIds: ids });
  }
}

/** True when the caret or selection is on an attribution line or a paragraph that can be tagged. */
export function $canTag(): boolean {
  const sel = $getSelection();
  if ($isNodeSelection(sel)) return sel.getNodes().some($isAttributionNode);
  if (!$isRangeSelection(sel)) return false;
  return $selectedTopLevels().some((n) => $isAttributionNode(n) || ($isBodyParagraphNode(n) && n.getTextContent().trim() !== ''));
}

export function $selectedAttribution(): AttributionNode | null {
  const sel = $getSelection();
  if ($isNodeSelection(sel)) return sel.getNodes().find($isAttributionNode) ?? null;
  if ($isRangeSelection(sel)) {
    const top = $topLevelOf(sel.anchor.getNode());
    return top && $isAttributionNode(top) ? top : null;
  }
  return null;
}
