// The node set and theme of the section editor, shared by the React editor and the headless converter tests.
import { TableCellNode, TableNode, TableRowNode } from '@lexical/table';
import { ParagraphNode, type EditorThemeClasses, type LexicalNodeConfig } from 'lexical';
import { AttributionNode } from './nodes/AttributionNode';
import { BodyParagraphNode } from './nodes/BodyParagraphNode';
import { CommentMarkNode } from './nodes/CommentMarkNode';
import { DatedItemNode } from './nodes/DatedItemNode';
import { DateLabelNode } from './nodes/DateLabelNode';
import { EntryTitleNode } from './nodes/EntryTitleNode';
import { FigureNode } from './nodes/FigureNode';
import { FootnoteNode } from './nodes/FootnoteNode';
import { HeadingBlockNode } from './nodes/HeadingBlockNode';
import { IndexTermNode } from './nodes/IndexTermNode';
import { MarkPointNode } from './nodes/MarkPointNode';
import { SubsectionHeadingNode } from './nodes/SubsectionHeadingNode';
import { YbTableNode } from './nodes/YbTableNode';

export const EDITOR_NAMESPACE = 'yearbook-section';

export const EDITOR_NODES: LexicalNodeConfig[] = [
  BodyParagraphNode,
  { replace: ParagraphNode, with: () => new BodyParagraphNode(), withKlass: BodyParagraphNode },
  EntryTitleNode,
  SubsectionHeadingNode,
  HeadingBlockNode,
  DatedItemNode,
  DateLabelNode,
  FootnoteNode,
  FigureNode,
  AttributionNode,
  IndexTermNode,
  CommentMarkNode,
  MarkPointNode,
  YbTableNode,
  { replace: TableNode, with: () => new YbTableNode(), withKlass: YbTableNode },
  TableRowNode,
  TableCellNode,
];

export const EDITOR_THEME: EditorThemeClasses = {
  paragraph: 'yb-p',
  text: {
    bold: 'yb-bold',
    italic: 'yb-italic',
    superscript: 'yb-sup',
    subscript: 'yb-sub',
  },
  table: 'yb-table',
  tableRow: 'yb-tr',
  tableCell: 'yb-td',
  tableCellHeader: 'yb-th',
  tableSelection: 'yb-table-selection',
  tableCellSelected: 'yb-cell-selected',
};
