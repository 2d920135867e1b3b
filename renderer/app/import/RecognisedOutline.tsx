// What the source becomes: categories, sections, subsections and entries (with their paragraph, figure and
// table counts, and a report's headings). Clicking a node shows its first line in the source.
import { useMemo } from 'react';
import type { Block, Category, Entry, Section } from '../../../shared/model';
import { useT } from '../context';
import { useImport, useSession } from './importContext';
import type { Draft } from './importSession';

interface Node {
  id: string;
  kind: 'category' | 'section' | 'subsection' | 'entry' | 'heading';
  title: string;
  blocks?: Block[];
  children: Node[];
}

function entryNode(e: Entry): Node {
  return { id: e.id, kind: 'entry', title: e.title, blocks: e.blocks, children: [] };
}

function sectionNode(s: Section): Node {
  const children: Node[] = [];
  for (const c of s.children) {
    if (c.type === 'entry') children.push(entryNode(c));
    else if (c.type === 'subsection')
      children.push({ id: c.id, kind: 'subsection', title: c.title, children: c.children.flatMap((x) => (x.type === 'entry' ? [entryNode(x)] : [])) });
    else if (c.type === 'heading') children.push({ id: c.id, kind: 'heading', title: c.text, children: [] });
  }
  const blocks = s.children.filter((c): c is Block => c.type !== 'entry' && c.type !== 'subsection');
  return { id: s.id, kind: 'section', title: s.title, blocks, children };
}

function tree(categories: Category[]): Node[] {
  return categories.map((c) => ({ id: c.id, kind: 'category', title: c.title, children: c.sections.map(sectionNode) }));
}

export function RecognisedOutline({ draft }: { draft: Draft }) {
  const t = useT();
  const session = useSession();
  const result = draft.result!;
  const nodes = useMemo(() => tree(result.categories), [result]);
  // The first source line of every node and block.
  const firstLine = useMemo(() => {
    const m = new Map<string, number>();
    for (const l of result.report.lines) {
      if (l.nodeId && !m.has(l.nodeId)) m.set(l.nodeId, l.no);
      if (l.blockId && !m.has(l.blockId)) m.set(l.blockId, l.no);
    }
    return m;
  }, [result]);
  const selected = useImport((s) => s.selectedLine);
  const current = useMemo(() => {
    const l = selected === null ? undefined : result.report.lines.find((x) => x.no === selected);
    return new Set([l?.nodeId, l?.blockId].filter((x): x is string => !!x));
  }, [selected, result]);

  const go = (id: string) => {
    const line = firstLine.get(id);
    if (line !== undefined) session.selectLine(line);
  };

  return (
    <div className="imp-outline" role="tree" aria-label={t('importUi.outline')}>
      {nodes.map((n) => (
        <OutlineNode key={n.id} node={n} depth={0} current={current} onGo={go} />
      ))}
    </div>
  );
}

function OutlineNode({ node, depth, current, onGo }: { node: Node; depth: number; current: Set<string>; onGo(id: string): void }) {
  const t = useT();
  const paragraphs = node.blocks?.filter((b) => b.type === 'paragraph').length ?? 0;
  const figures = node.blocks?.filter((b) => b.type === 'figure').length ?? 0;
  const tables = node.blocks?.filter((b) => b.type === 'table').length ?? 0;
  const attributions = node.blocks?.filter((b) => b.type === 'attribution').length ?? 0;
  return (
    <div role="treeitem" aria-level={depth + 1} aria-selected={current.has(node.id)} aria-expanded={node.children.length ? true : undefined} className="imp-node-wrap">
      <button type="button" className={`imp-node is-${node.kind}${current.has(node.id) ? ' is-current' : ''}`} style={{ paddingLeft: 8 + depth * 14 }} onClick={() => onGo(node.id)} data-node-kind={node.kind}>
        <span className="imp-node-title">{node.kind === 'entry' ? `【${node.title}】` : node.title || t('importUi.untitled')}</span>
        <span className="imp-node-badges">
          {node.kind === 'entry' || (node.kind === 'section' && paragraphs) ? <span className="imp-badge">{t('importUi.paragraphs', { count: paragraphs })}</span> : null}
          {figures ? <span className="imp-badge is-figure">{t('importUi.badge.figures', { count: figures })}</span> : null}
          {tables ? <span className="imp-badge is-table">{t('importUi.badge.tables', { count: tables })}</span> : null}
          {attributions ? <span className="imp-badge is-attribution">{t('importUi.badge.attribution')}</span> : null}
        </span>
      </button>
      {node.children.length ? (
        <div role="group">
          {node.children.map((c) => (
            <OutlineNode key={c.id} node={c} depth={depth + 1} current={current} onGo={onGo} />
          ))}
        </div>
      ) : null}
    </div>
  );
}
