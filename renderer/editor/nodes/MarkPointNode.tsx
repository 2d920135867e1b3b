// A point mark in the text: the call-out of a footnote (footnoteRef), or a comment / index-term anchor on an
// empty range. Takes no characters, so text offsets are unaffected. A footnote call-out printed over a few
// characters ("①") keeps that width in `span` (the mark covers the span characters before the point).
import {
  $applyNodeReplacement,
  $getDocument,
  $getState,
  $setState,
  createState,
  DecoratorNode,
  type EditorConfig,
  type LexicalNode,
} from 'lexical';
import type { JSX } from 'react';
import { MarkPointView } from '../ui/MarkPointView';

export type PointMark =
  | { type: 'footnoteRef'; footnoteId: string; span?: number }
  | { type: 'comment'; commentId: string }
  | { type: 'indexTerm'; sortKey?: string };

export const pointMarkState = createState('ybPoint', {
  parse: (v: unknown): PointMark =>
    v !== null && typeof v === 'object' && 'type' in v ? (v as PointMark) : { type: 'footnoteRef', footnoteId: '' },
  isEqual: (a, b) => JSON.stringify(a) === JSON.stringify(b),
});

export class MarkPointNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('yb-mark-point', { extends: DecoratorNode });
  }

  getMark(): PointMark {
    return $getState(this, pointMarkState);
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('span');
    dom.className = 'yb-mark-point';
    return dom;
  }

  override updateDOM(): boolean {
    return false;
  }

  override isInline(): true {
    return true;
  }

  override getTextContent(): string {
    return '';
  }

  override decorate(): JSX.Element {
    return <MarkPointView nodeKey={this.getKey()} mark={this.getMark()} />;
  }
}

export function $createMarkPointNode(mark: PointMark): MarkPointNode {
  const node = $applyNodeReplacement(new MarkPointNode());
  $setState(node, pointMarkState, mark);
  return node;
}

export function $isMarkPointNode(node: LexicalNode | null | undefined): node is MarkPointNode {
  return node instanceof MarkPointNode;
}
