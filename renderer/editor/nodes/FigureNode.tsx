// A figure (图片): the image from the book's assets (or a "图片待补" frame while the photo is missing), its
// number, caption and credit. The model figure (all fields but type and id) lives in the block data state;
// caption and credit are edited in place by FigureView.
import {
  $applyNodeReplacement,
  $getDocument,
  DecoratorNode,
  type EditorConfig,
  type LexicalNode,
  type NodeKey,
} from 'lexical';
import type { JSX } from 'react';
import type { Figure } from '../../../shared/model';
import { $getBlockData, $getBlockId } from '../state';
import { FigureView } from '../ui/FigureView';
import { applyBlockAttributes } from './blockDom';

export type FigureData = Omit<Figure, 'type' | 'id'>;

export class FigureNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('yb-figure', { extends: DecoratorNode });
  }

  getFigure(): FigureData {
    const d = $getBlockData<FigureData>(this);
    return {
      number: d.number ?? null,
      caption: d.caption ?? '',
      ...(d.credit ? { credit: d.credit } : {}),
      assetId: d.assetId ?? null,
      fullWidth: d.fullWidth ?? false,
      ...d,
    };
  }

  override createDOM(_config: EditorConfig): HTMLElement {
    const dom = $getDocument().createElement('div');
    dom.className = 'yb-figure-block';
    applyBlockAttributes(dom, this);
    return dom;
  }

  override updateDOM(_prev: this, dom: HTMLElement): boolean {
    applyBlockAttributes(dom, this);
    return false;
  }

  override isInline(): false {
    return false;
  }

  override decorate(): JSX.Element {
    return <FigureView nodeKey={this.getKey() as NodeKey} id={$getBlockId(this)} figure={this.getFigure()} />;
  }
}

export function $createFigureNode(): FigureNode {
  return $applyNodeReplacement(new FigureNode());
}

export function $isFigureNode(node: LexicalNode | null | undefined): node is FigureNode {
  return node instanceof FigureNode;
}
