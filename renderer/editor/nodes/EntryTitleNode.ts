// 条目 title: one line of plain text, shown as 【title】 in bold (the brackets are drawn by CSS, never typed).
// The entry it opens runs until the next entry title or subsection heading (see convert/structure.ts).
// Entry fields other than the title and the blocks (noIndex, status, …) live in the block data state.
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import { applyBlockAttributes } from './blockDom';
import { $createBodyParagraphNode } from './BodyParagraphNode';

export class EntryTitleNode extends ElementNode {
  override $config() {
    return this.config('yb-entry-title', { extends: ElementNode });
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('h3');
    dom.className = 'yb-entry-title';
    applyBlockAttributes(dom, this);
    return dom;
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    applyBlockAttributes(dom, this);
    return false;
  }

  override canIndent(): boolean {
    return false;
  }

  /** Fallback when the structure plugin is absent: the text after the caret starts the body. */
  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ElementNode {
    const p = $createBodyParagraphNode();
    this.insertAfter(p, restoreSelection);
    return p;
  }
}

export function $createEntryTitleNode(): EntryTitleNode {
  return $applyNodeReplacement(new EntryTitleNode());
}

export function $isEntryTitleNode(node: LexicalNode | null | undefined): node is EntryTitleNode {
  return node instanceof EntryTitleNode;
}
