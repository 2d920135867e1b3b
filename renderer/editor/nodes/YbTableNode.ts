// A table (表格): Lexical's table (rows, cells, merged cells, header rows) plus the yearbook's chrome —
// number and title above, unit note at the right ("单位：万元"), note or source line below. Registered as a
// replacement of TableNode, so tables Lexical creates (insert, paste from Word/Excel) are these.
// Number, title, unit note, note and width live in the block data state; the chrome is drawn outside
// Lexical's managed DOM and edited through the table toolbar.
import { getTableElement, TableNode, type TableRowNode } from '@lexical/table';
import {
  $applyNodeReplacement,
  $getDocument,
  $getState,
  createState,
  setDOMUnmanaged,
  type EditorConfig,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { t } from '../../../shared/i18n';
import type { AssignedNumber } from '../../../shared/model';
import { $getBlockData } from '../state';
import { applyBlockAttributes } from './blockDom';

export interface TableChrome {
  number: string | null;
  title: string;
  unitNote?: string;
  note?: string;
  fullWidth: boolean;
}

/** Marks a header row on the row node itself (needed for rows whose cells all come from row spans above). */
export const headerRowState = createState('ybHeaderRow', { parse: (v: unknown): boolean => v === true });

export function $isHeaderRowFlagged(row: TableRowNode): boolean {
  return $getState(row, headerRowState);
}

export class YbTableNode extends TableNode {
  override $config() {
    return this.config('yb-table', { extends: TableNode });
  }

  getChrome(): TableChrome {
    const d = $getBlockData<TableChrome>(this);
    return {
      ...d,
      number: d.number ?? null,
      title: d.title ?? '',
      fullWidth: d.fullWidth ?? false,
    };
  }

  override createDOM(config: EditorConfig, editor?: LexicalEditor): HTMLElement {
    const inner = super.createDOM(config, editor);
    const doc = $getDocument();
    const block = doc.createElement('div');
    block.className = 'yb-table-block';
    const head = doc.createElement('div');
    head.className = 'yb-table-head';
    head.contentEditable = 'false';
    setDOMUnmanaged(head);
    const scroll = doc.createElement('div');
    scroll.className = 'yb-table-scroll';
    scroll.appendChild(inner);
    const foot = doc.createElement('div');
    foot.className = 'yb-table-foot';
    foot.contentEditable = 'false';
    setDOMUnmanaged(foot);
    block.append(head, scroll, foot);
    this.renderChrome(block);
    return block;
  }

  override updateDOM(prevNode: this, dom: HTMLElement, config: EditorConfig): boolean {
    this.updateTableElement(prevNode, getTableElement(this, dom), config);
    this.renderChrome(dom);
    return false;
  }

  private renderChrome(block: HTMLElement): void {
    applyBlockAttributes(block, this);
    const c = this.getChrome();
    block.toggleAttribute('data-full-width', c.fullWidth);
    const head = block.querySelector(':scope > .yb-table-head');
    const foot = block.querySelector(':scope > .yb-table-foot');
    if (head) {
      const doc = head.ownerDocument;
      const caption = doc.createElement('div');
      caption.className = 'yb-table-caption';
      const num = doc.createElement('span');
      num.className = 'yb-table-number';
      caption.append(num);
      paintNumberSpan(num, block);
      const title = doc.createElement('span');
      title.className = 'yb-table-title';
      title.textContent = c.title;
      if (!c.title) title.setAttribute('data-empty', 'true');
      caption.append(title);
      const parts: HTMLElement[] = [caption];
      if (c.unitNote !== undefined) {
        const unit = doc.createElement('div');
        unit.className = 'yb-table-unit';
        unit.textContent = c.unitNote;
        parts.push(unit);
      }
      head.replaceChildren(...parts);
    }
    if (foot) {
      foot.textContent = c.note ?? '';
      foot.toggleAttribute('hidden', c.note === undefined);
    }
  }
}

/**
 * Writes a table's number as the book numbers it (shared/model numbering; TableNumbersPlugin) onto its block
 * element and into its caption: 表N, marked when assigned automatically; a bare 表 until it is known.
 */
export function paintTableNumber(block: HTMLElement, n: AssignedNumber | null): void {
  if (n) {
    block.setAttribute('data-yb-number', n.number);
    block.toggleAttribute('data-yb-number-auto', n.auto);
  } else {
    block.removeAttribute('data-yb-number');
    block.removeAttribute('data-yb-number-auto');
  }
  const num = block.querySelector<HTMLElement>(':scope > .yb-table-head .yb-table-number');
  if (num) paintNumberSpan(num, block);
}

function paintNumberSpan(num: HTMLElement, block: HTMLElement): void {
  const n = block.getAttribute('data-yb-number');
  const auto = block.hasAttribute('data-yb-number-auto');
  num.textContent = n ? t('editor.table.number', { number: n }) : t('numbers.bareTable');
  num.classList.toggle('yb-auto', !n || auto);
  num.title = n ? t(auto ? 'numbers.auto' : 'numbers.typed') : '';
}

export function $createYbTableNode(): YbTableNode {
  return $applyNodeReplacement(new YbTableNode());
}

export function $isYbTableNode(node: LexicalNode | null | undefined): node is YbTableNode {
  return node instanceof YbTableNode;
}
