// 移动到…: the keyboard's way to move an entry into any section or subsection (empty or collapsed ones too), a
// subsection into any section, a section into any category. Type to find the target (characters or pinyin
// initials), ↑ ↓ to choose, Enter to move; at the end of the target or at its start. One book change, one undo.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { moveTargetKinds, type MoveEnd } from '../../../shared/model/ops';
import { Modal } from '../chrome/Dialogs';
import { useT, useWb, useWorkbench } from '../context';
import { buildTree, type OutlineNode } from '../outline/tree';
import { useMatcher } from './match';

interface Target {
  node: OutlineNode;
  /** Titles of the containers above it, outermost first. */
  path: string[];
  /** The moved node is in it now. */
  current: boolean;
}

export function MoveDialog({ nodeId, onClose }: { nodeId: string; onClose(): void }) {
  const wb = useWorkbench();
  const t = useT();
  const outline = useWb((s) => s.outline);
  const tree = useMemo(() => buildTree(outline), [outline]);
  const moved = tree.byId.get(nodeId);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState<number | null>(null);
  const [where, setWhere] = useState<MoveEnd>('end');
  const [busy, setBusy] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const match = useMatcher(query);

  const targets = useMemo(() => {
    if (!moved || (moved.row.kind !== 'entry' && moved.row.kind !== 'subsection' && moved.row.kind !== 'section')) return [];
    const kinds = new Set<string>(moveTargetKinds(moved.row.kind));
    const out: Target[] = [];
    const walk = (n: OutlineNode, path: string[]) => {
      if (n === moved) return; // not into itself or its own subtree
      if (kinds.has(n.row.kind)) out.push({ node: n, path, current: moved.parent === n });
      if (n.row.kind === 'category' || n.row.kind === 'section') for (const c of n.children) walk(c, [...path, n.row.title]);
    };
    for (const r of tree.roots) if (r.row.kind === 'category') walk(r, []);
    return out;
  }, [tree, moved]);

  const shown = useMemo(() => targets.filter((x) => match(x.node.row.title) || match([...x.path, x.node.row.title].join(' '))), [targets, match]);
  // The first match that is not where the node already is, unless the user picked one.
  const current = index !== null ? Math.min(index, shown.length - 1) : Math.max(0, shown.findIndex((x) => !x.current));
  const chosen = shown[current];

  if (!moved) return null;
  const kind = moved.row.kind;
  const hint = kind === 'entry' ? 'volume.move.entryHint' : kind === 'subsection' ? 'volume.move.subsectionHint' : 'volume.move.sectionHint';

  const submit = () => {
    if (!chosen || busy) return;
    setBusy(true);
    void wb.moveNodeInto(nodeId, chosen.node.row.id, where).finally(() => setBusy(false));
  };
  const choose = (i: number) => {
    setIndex(i);
    requestAnimationFrame(() => listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' }));
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.nativeEvent.isComposing) return;
    if (e.key === 'ArrowDown') choose((current + 1) % Math.max(1, shown.length));
    else if (e.key === 'ArrowUp') choose((current - 1 + shown.length) % Math.max(1, shown.length));
    else return;
    e.preventDefault();
  };

  return (
    <Modal title={t('volume.move.title', { title: moved.row.title || t('app.outline.untitled') })} onClose={onClose} wide>
      <form
        className="move-dialog"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className="muted small">{t(hint)}</p>
        <input
          className="palette-input"
          type="search"
          role="combobox"
          aria-expanded="true"
          aria-controls="move-targets"
          aria-activedescendant={chosen ? `mv-${chosen.node.row.id}` : undefined}
          aria-label={t('volume.move.search')}
          placeholder={t('volume.move.search')}
          value={query}
          autoFocus
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(null);
          }}
          onKeyDown={onKey}
        />
        <ul className="palette-list move-targets" id="move-targets" role="listbox" ref={listRef} aria-label={t('volume.move.targets')}>
          {shown.length === 0 ? <li className="palette-empty">{t('volume.move.none')}</li> : null}
          {shown.map((x, i) => {
            const r = x.node.row;
            const size = r.kind === 'category' ? t('volume.move.sections', { n: x.node.children.length }) : x.node.counts.entries ? t('volume.move.entries', { n: x.node.counts.entries }) : t('volume.move.empty');
            return (
              <li
                key={r.id}
                id={`mv-${r.id}`}
                role="option"
                aria-selected={i === current}
                data-kind={r.kind}
                className={`palette-item move-target${i === current ? ' is-current' : ''}`}
                style={{ paddingLeft: `${10 + x.path.length * 14}px` }}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => setIndex(i)}
                onDoubleClick={() => {
                  setIndex(i);
                  submit();
                }}
              >
                <span className="palette-label">
                  {r.kind === 'subsection' ? `· ${r.title} ·` : r.title || t('app.outline.untitled')}
                  {x.path.length ? <span className="move-path muted small"> {x.path.join(' › ')}</span> : null}
                </span>
                <span className="palette-accel">{x.current ? t('volume.move.current') : size}</span>
              </li>
            );
          })}
        </ul>
        <fieldset className="move-where">
          <legend className="muted small">{t('volume.move.where')}</legend>
          <label>
            <input type="radio" name="move-where" checked={where === 'end'} onChange={() => setWhere('end')} />
            {t('volume.move.end')}
          </label>
          <label>
            <input type="radio" name="move-where" checked={where === 'start'} onChange={() => setWhere('start')} />
            {t('volume.move.start')}
          </label>
        </fieldset>
        <div className="modal-buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="button is-primary" disabled={!chosen || busy}>
            {t('volume.move.ok')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
