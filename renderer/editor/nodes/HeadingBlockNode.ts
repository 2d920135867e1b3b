// Free heading of a special part (特载 reports: 一、/（一）/1. levels). Level and run-in flag live in the
// block data state ({ level, runIn }).
import {
  $applyNodeReplacement,
  $getDocument,
  ElementNode,
  type EditorConfig,
  type LexicalNode,
  type RangeSelection,
} from 'lexical';
import { $getBlockData } from '../state';
import { applyBlockAttributes } from './blockDom';
import { $createBodyParagraphNode } from './BodyParagraphNode';

export class HeadingBlockNode extends ElementNode {
  override $config() {
    return this.config('yb-heading', { extends: ElementNode });
  }

  getLevel(): number {
    const level = $getBlockData<{ level: number }>(this).level;
    return typeof level === 'number' ? level : 1;
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('h4');
    dom.className = 'yb-heading';
    this.updateDOM(this, dom);
    return dom;
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    applyBlockAttributes(dom, this);
    dom.setAttribute('data-level', String(this.getLevel()));
    if ($getBlockData<{ runIn: boolean }>(this).runIn) dom.setAttribute('data-run-in', 'true');
    else dom.removeAttribute('data-run-in');
    return false;
  }

  override canIndent(): boolean {
    return false;
  }

  override insertNewAfter(_selection: RangeSelection, restoreSelection = true): ElementNode {
    const p = $createBodyParagraphNode();
    this.insertAfter(p, restoreSelection);
    return p;
  }
}

export function $createHeadingBlockNode(): HeadingBlockNode {
  return $applyNodeReplacement(new HeadingBlockNode());
}

export function $isHeadingBlockNode(node: LexicalNode | null | undefined): node is HeadingBlockNode {
  return node instanceof HeadingBlockNode;
}
