// The outline: 类目 → 分目 → 次目 → 条目 with counts, status badges (who set them and when in the tooltip), a
// filter box (characters or pinyin initials) and full keyboard navigation (↑ ↓ ← → Home End Enter F2 Delete,
// type in the filter with Ctrl+Shift+F, the context menu with Shift+F10 or the menu key). Entries, subsections
// and sections are moved by drag and drop, with Alt+↑ / Alt+↓, or anywhere with 移动到… (Ctrl+Shift+M).
// Every row has a context menu: open, rename in place, move to…, status (sections), delete.
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import type { Stage } from '../../../shared/model';
import { useT, useWb, useWorkbench, type Translate } from '../context';
import { formatChars } from '../format';
import { mark } from '../workbench';
import { OutlineBadge } from '../problems/OutlineBadge';
import { STAGE_KEYS, STAGES, stageTitle } from '../volume/stage';
import { usePinyin, type PinyinMatch } from '../pinyin';
import { ancestorsOf, buildTree, dropPositionAt, isMovable, keyboardMove, substringMatcher, visibleRows, type DropPosition, type Matcher, type OutlineNode, type VisibleRow } from './tree';

const DRAG_TYPE = 'application/x-yearbook-node';

function makeMatcher(query: string, pinyin: PinyinMatch | null): Matcher | null {
  const q = query.trim();
  if (!q) return null;
  const plain = substringMatcher(q);
  if (!pinyin || !/^[a-z]+$/i.test(q)) return plain;
  return (title) => plain(title) ?? pinyin(title, q.toLowerCase());
}

export function Outline() {
  const wb = useWorkbench();
  const t = useT();
  const outline = useWb((s) => s.outline);
  const book = useWb((s) => s.book);
  const selectedId = useWb((s) => s.selectedId);
  const openId = useWb((s) => s.open?.id ?? null);
  const locale = useWb((s) => s.view.locale);
  const tree = useMemo(() => buildTree(outline), [outline]);

  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [query, setQuery] = useState('');
  const [stage, setStage] = useState<Stage | null>(null);
  const deferredQuery = useDeferredValue(query);
  const [active, setActive] = useState<string | null>(null);
  const [menu, setMenu] = useState<{ x: number; y: number; node: OutlineNode } | null>(null);
  const treeRef = useRef<HTMLDivElement>(null);
  const filterRef = useRef<HTMLInputElement>(null);
  const dragRef = useRef<OutlineNode | null>(null);
  const [drop, setDrop] = useState<{ id: string; position: DropPosition } | null>(null);
  /** The node being renamed in place (F2, double click, 重命名 in the context menu, the menu or the palette). */
  const renaming = useWb((s) => s.renaming);
  const setRenaming = useCallback((id: string) => wb.startRename(id), [wb]);
  const onRenameDone = useCallback(
    (id: string, title: string | null) => {
      wb.endRename();
      const row = outline.find((n) => n.id === id);
      if (title !== null && row && title.trim() && title.trim() !== row.title) void wb.rename(id, title.trim());
      // Back to the tree, so the keyboard keeps working where it was.
      requestAnimationFrame(() => treeRef.current?.focus());
    },
    [wb, outline],
  );

  // Categories start expanded; the path to the open section and the selection is always expanded.
  const bookId = book?.id;
  const [seenBook, setSeenBook] = useState<string | undefined>(undefined);
  if (bookId !== seenBook) {
    setSeenBook(bookId);
    setExpanded(new Set(tree.roots.map((r) => r.row.id)));
  }
  const pathKey = [openId, selectedId].join('|');
  const [seenPath, setSeenPath] = useState('');
  if (pathKey !== seenPath) {
    setSeenPath(pathKey);
    const need = [...(openId ? [openId, ...ancestorsOf(tree, openId)] : []), ...(selectedId ? ancestorsOf(tree, selectedId) : [])];
    if (need.length) setExpanded((prev) => (need.every((id) => prev.has(id)) ? prev : new Set([...prev, ...need])));
    if (selectedId) setActive(selectedId);
  }

  const pinyin = usePinyin(query);
  const matcher = useMemo(() => makeMatcher(deferredQuery, pinyin), [deferredQuery, pinyin]);
  const rows = useMemo(() => visibleRows(tree, expanded, matcher, stage), [tree, expanded, matcher, stage]);
  // A rename asked for from the menu or the palette shows its row even when a filter hides it.
  const renameHidden = renaming !== null && tree.byId.has(renaming) && !rows.some((r) => r.node.row.id === renaming);
  if (renameHidden && (query || stage)) {
    setQuery('');
    setStage(null);
  }
  const activeId = active && rows.some((r) => r.node.row.id === active) ? active : (rows[0]?.node.row.id ?? null);

  const shown = rows.length > 0;
  useEffect(() => {
    if (shown) mark('yb:outline-shown');
  }, [shown, bookId]);

  useEffect(() => {
    if (!activeId) return;
    treeRef.current?.querySelector(`[data-id="${CSS.escape(activeId)}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);

  const toggle = useCallback((id: string, open?: boolean) => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  const activate = useCallback(
    (node: OutlineNode) => {
      setActive(node.row.id);
      if (node.row.kind === 'category') {
        wb.select(node.row.id);
        toggle(node.row.id, true);
      } else void wb.openNode(node.row.id);
    },
    [wb, toggle],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const i = rows.findIndex((r) => r.node.row.id === activeId);
    const cur = rows[i];
    const go = (j: number) => {
      const r = rows[Math.max(0, Math.min(rows.length - 1, j))];
      if (r) setActive(r.node.row.id);
    };
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      e.stopPropagation();
      const move = cur ? keyboardMove(rows, cur.node.row.id, e.key === 'ArrowUp' ? -1 : 1) : null;
      if (cur && move) void wb.moveNode(cur.node.row.id, move.targetId, move.position).then(() => setActive(cur.node.row.id));
      return;
    }
    // 移动到… for the row the keyboard is on (the menu's Ctrl+Shift+M acts on the selection).
    if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'm') {
      e.preventDefault();
      e.stopPropagation();
      if (cur) wb.askMove(cur.node.row.id);
      return;
    }
    if (e.key === 'ContextMenu' || (e.shiftKey && e.key === 'F10')) {
      e.preventDefault();
      e.stopPropagation();
      const el = cur ? treeRef.current?.querySelector<HTMLElement>(`[data-id="${CSS.escape(cur.node.row.id)}"]`) : null;
      const box = el?.getBoundingClientRect();
      if (cur && box) setMenu({ x: box.left + 24, y: box.bottom, node: cur.node });
      return;
    }
    switch (e.key) {
      case 'ArrowDown':
        go(i + 1);
        break;
      case 'ArrowUp':
        go(i - 1);
        break;
      case 'Home':
        go(0);
        break;
      case 'End':
        go(rows.length - 1);
        break;
      case 'PageDown':
        go(i + 15);
        break;
      case 'PageUp':
        go(i - 15);
        break;
      case 'ArrowRight':
        if (cur?.expandable && !cur.expanded) toggle(cur.node.row.id, true);
        else if (cur?.expanded) go(i + 1);
        break;
      case 'ArrowLeft':
        if (cur?.expanded && !matcher) toggle(cur.node.row.id, false);
        else if (cur?.node.parent) setActive(cur.node.parent.row.id);
        break;
      case 'Enter':
      case ' ':
        if (cur) activate(cur.node);
        break;
      case 'F2':
        if (cur) setRenaming(cur.node.row.id);
        break;
      case 'Delete':
        if (cur) wb.askDelete(cur.node.row.id);
        break;
      case 'Escape':
        if (query) setQuery('');
        break;
      default:
        return;
    }
    e.preventDefault();
    // Handled here: the menu bar's shortcuts (F2, Delete … on the selection) must not act as well.
    e.stopPropagation();
  };

  const onDragStart = useCallback((e: DragEvent, node: OutlineNode) => {
    if (!isMovable(node)) {
      e.preventDefault();
      return;
    }
    dragRef.current = node;
    e.dataTransfer.effectAllowed = 'move';
    e.dataTransfer.setData(DRAG_TYPE, node.row.id);
    e.dataTransfer.setData('text/plain', node.row.title);
  }, []);
  const onDragOver = useCallback((e: DragEvent, node: OutlineNode) => {
    const drag = dragRef.current;
    if (!drag) return;
    const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
    const position = dropPositionAt(drag, node, rect.height ? (e.clientY - rect.top) / rect.height : 0.5);
    if (!position) {
      e.dataTransfer.dropEffect = 'none';
      setDrop(null);
      return;
    }
    e.preventDefault();
    e.dataTransfer.dropEffect = 'move';
    setDrop((d) => (d?.id === node.row.id && d.position === position ? d : { id: node.row.id, position }));
  }, []);
  const onDrop = useCallback(
    (e: DragEvent, node: OutlineNode) => {
      const drag = dragRef.current;
      dragRef.current = null;
      setDrop(null);
      if (!drag) return;
      e.preventDefault();
      const rect = (e.currentTarget as HTMLElement).getBoundingClientRect();
      const position = dropPositionAt(drag, node, rect.height ? (e.clientY - rect.top) / rect.height : 0.5);
      if (!position) return;
      if (position === 'inside') toggle(node.row.id, true);
      void wb.moveNode(drag.row.id, node.row.id, position).then(() => setActive(drag.row.id));
    },
    [wb, toggle],
  );
  const onDragEnd = useCallback(() => {
    dragRef.current = null;
    setDrop(null);
  }, []);

  const onContextMenu = (e: MouseEvent, node: OutlineNode) => {
    e.preventDefault();
    setActive(node.row.id);
    setMenu({ x: e.clientX, y: e.clientY, node });
  };

  useEffect(() => {
    const focusFilter = (e: globalThis.KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && e.key.toLowerCase() === 'f') {
        e.preventDefault();
        filterRef.current?.focus();
        filterRef.current?.select();
      }
    };
    window.addEventListener('keydown', focusFilter);
    return () => window.removeEventListener('keydown', focusFilter);
  }, []);

  if (!book) return null;
  const bodyEmpty = tree.roots.length === 0;

  return (
    <nav className="outline" aria-label={t('app.outline.label')}>
      <header className="pane-header outline-header">
        <div className="outline-book" title={book.shell.publisherOrg ?? ''}>
          <span className="outline-book-title">{t('app.book.fullTitle', { title: book.title, volume: book.volumeYear })}</span>
          <span className="outline-book-sub">{t('app.book.records', { year: book.recordYear })}</span>
        </div>
        <button type="button" className="icon-button" title={t('app.outline.addCategory')} aria-label={t('app.outline.addCategory')} onClick={() => wb.store.set({ dialog: { kind: 'addCategory' } })}>
          <span aria-hidden="true">＋</span>
        </button>
      </header>
      <div className="outline-filter">
        <input
          ref={filterRef}
          type="search"
          value={query}
          placeholder={t('app.outline.filterShort')}
          title={t('app.outline.filter')}
          aria-label={t('app.outline.filter')}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown' || e.key === 'Enter') {
              e.preventDefault();
              treeRef.current?.focus();
              if (e.key === 'Enter' && rows.find((r) => r.match)) activate(rows.find((r) => r.match)!.node);
            } else if (e.key === 'Escape') setQuery('');
          }}
        />
        <select
          className="outline-stage-filter"
          value={stage ?? ''}
          aria-label={t('app.outline.stageFilter')}
          title={t('app.outline.stageFilter')}
          onChange={(e) => setStage((e.target.value || null) as Stage | null)}
        >
          <option value="">{t('app.outline.allStages')}</option>
          {STAGES.map((k) => (
            <option key={k} value={k}>
              {t(STAGE_KEYS[k])}
            </option>
          ))}
        </select>
      </div>
      {bodyEmpty ? (
        <div className="outline-empty">
          <p>{t('app.outline.empty')}</p>
          <button type="button" className="button" onClick={() => wb.store.set({ dialog: { kind: 'addCategory' } })}>
            {t('app.outline.addCategory')}
          </button>
        </div>
      ) : rows.length === 0 ? (
        <div className="outline-empty">
          <p>{stage && !query.trim() ? t('app.outline.noStage', { stage: t(STAGE_KEYS[stage]) }) : t('app.outline.noMatch', { query })}</p>
        </div>
      ) : (
        <div
          ref={treeRef}
          className="outline-tree"
          role="tree"
          tabIndex={0}
          aria-label={t('app.outline.label')}
          aria-activedescendant={activeId ? `ol-${activeId}` : undefined}
          aria-description={t('app.outline.dragHint')}
          onKeyDown={onKeyDown}
        >
          {rows.map((r) => (
            <OutlineRow
              key={r.node.row.id}
              r={r}
              t={t}
              locale={locale}
              active={r.node.row.id === activeId}
              selected={r.node.row.id === selectedId}
              open={r.node.row.id === openId}
              onToggle={toggle}
              onActivate={activate}
              onContextMenu={onContextMenu}
              dropAt={drop?.id === r.node.row.id ? drop.position : null}
              onDragStart={onDragStart}
              onDragOver={onDragOver}
              onDrop={onDrop}
              onDragEnd={onDragEnd}
              renaming={renaming === r.node.row.id}
              onRename={setRenaming}
              onRenameDone={onRenameDone}
            />
          ))}
        </div>
      )}
      <footer className="outline-footer">
        {t('app.outline.totals', {
          sections: tree.totals.sections,
          entries: tree.totals.entries,
          chars: formatChars(tree.totals.characters, locale),
        })}
      </footer>
      {menu && (
        <NodeMenu
          menu={menu}
          t={t}
          onClose={() => {
            setMenu(null);
            requestAnimationFrame(() => {
              if (!document.querySelector('.modal, .ol-rename')) treeRef.current?.focus();
            });
          }}
          onRename={setRenaming}
        />
      )}
    </nav>
  );
}

interface RowProps {
  r: VisibleRow;
  t: Translate;
  locale: 'zh' | 'en';
  active: boolean;
  selected: boolean;
  open: boolean;
  onToggle(id: string): void;
  onActivate(n: OutlineNode): void;
  onContextMenu(e: MouseEvent, n: OutlineNode): void;
  /** This row is the drop target of a drag, at this position. */
  dropAt: DropPosition | null;
  onDragStart(e: DragEvent, n: OutlineNode): void;
  onDragOver(e: DragEvent, n: OutlineNode): void;
  onDrop(e: DragEvent, n: OutlineNode): void;
  onDragEnd(): void;
  renaming: boolean;
  onRename(id: string): void;
  onRenameDone(id: string, title: string | null): void;
}

const OutlineRow = memo(function OutlineRow({ r, t, locale, active, selected, open, onToggle, onActivate, onContextMenu, dropAt, onDragStart, onDragOver, onDrop, onDragEnd, renaming, onRename, onRenameDone }: RowProps) {
  const { node } = r;
  const row = node.row;
  const title = row.title || t('app.outline.untitled');
  return (
    <div
      id={`ol-${row.id}`}
      data-id={row.id}
      data-kind={row.kind}
      role="treeitem"
      aria-level={node.depth + 1}
      aria-expanded={r.expandable ? r.expanded : undefined}
      aria-selected={selected}
      className={`ol-row ol-${row.kind}${active ? ' is-active' : ''}${selected ? ' is-selected' : ''}${open ? ' is-open' : ''}${dropAt ? ` drop-${dropAt}` : ''}`}
      style={{ paddingLeft: `${8 + node.depth * 14}px` }}
      draggable={isMovable(node)}
      data-drop={dropAt ?? undefined}
      onDragStart={(e) => onDragStart(e, node)}
      onDragOver={(e) => onDragOver(e, node)}
      onDrop={(e) => onDrop(e, node)}
      onDragEnd={onDragEnd}
      onClick={() => onActivate(node)}
      onDoubleClick={() => onRename(row.id)}
      onContextMenu={(e) => onContextMenu(e, node)}
    >
      <span
        className={`ol-twisty${r.expandable ? '' : ' is-leaf'}`}
        aria-hidden="true"
        onClick={(e) => {
          if (!r.expandable) return;
          e.stopPropagation();
          onToggle(row.id);
        }}
      >
        {r.expandable ? (r.expanded ? '▾' : '▸') : ''}
      </span>
      {renaming ? (
        <RenameInput initial={row.title} label={t('app.outline.rename')} onDone={(v) => onRenameDone(row.id, v)} />
      ) : (
        <span className="ol-title" title={title}>
          {row.kind === 'subsection' ? <span className="ol-sub-dot">· </span> : null}
          <Highlighted text={title} match={r.match} />
          {row.kind === 'subsection' ? <span className="ol-sub-dot"> ·</span> : null}
        </span>
      )}
      {row.kind === 'section' && row.stage && row.stage !== 'draft' ? (
        <span className={`badge stage-${row.stage}`} title={stageTitle(t, row.stage, row.stageBy, row.stageAt, locale)}>
          {t(STAGE_KEYS[row.stage])}
        </span>
      ) : null}
      {row.kind === 'section' || row.kind === 'category' ? <OutlineBadge id={row.id} kind={row.kind} /> : null}
      <span className="ol-counts" title={t('app.outline.countsTitle', { entries: node.counts.entries, chars: node.counts.characters })}>
        {row.kind === 'entry' || node.counts.entries === 0
          ? formatChars(node.counts.characters, locale)
          : `${node.counts.entries} · ${formatChars(node.counts.characters, locale)}`}
      </span>
    </div>
  );
});

/** The title field of a row being renamed: Enter or leaving it keeps the new title, Esc keeps the old. */
function RenameInput({ initial, label, onDone }: { initial: string; label: string; onDone(v: string | null): void }) {
  const [value, setValue] = useState(initial);
  const done = useRef(false);
  const finish = (v: string | null) => {
    if (done.current) return;
    done.current = true;
    onDone(v);
  };
  return (
    <input
      className="ol-rename"
      value={value}
      aria-label={label}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onClick={(e) => e.stopPropagation()}
      onDoubleClick={(e) => e.stopPropagation()}
      onChange={(e) => setValue(e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.nativeEvent.isComposing) return;
        if (e.key === 'Enter') finish(value);
        else if (e.key === 'Escape') finish(null);
      }}
      onBlur={() => finish(value)}
    />
  );
}

function Highlighted({ text, match }: { text: string; match?: number[] }) {
  if (!match?.length) return <>{text}</>;
  const set = new Set(match);
  const parts: { s: string; hit: boolean }[] = [];
  [...text].forEach((ch, i) => {
    const hit = set.has(i);
    const last = parts[parts.length - 1];
    if (last && last.hit === hit) last.s += ch;
    else parts.push({ s: ch, hit });
  });
  return (
    <>
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.s}</mark> : <span key={i}>{p.s}</span>))}
    </>
  );
}

function NodeMenu({ menu, t, onClose, onRename }: { menu: { x: number; y: number; node: OutlineNode }; t: Translate; onClose(): void; onRename(id: string): void }) {
  const wb = useWorkbench();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const close = (e: Event) => {
      if (!ref.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [onClose]);
  const row = menu.node.row;
  const item = (label: string, fn: () => void, danger = false) => (
    <button
      type="button"
      role="menuitem"
      className={`menu-item${danger ? ' is-danger' : ''}`}
      onClick={() => {
        onClose();
        fn();
      }}
    >
      {label}
    </button>
  );
  return (
    <div
      ref={ref}
      className="menu-popup context-menu"
      role="menu"
      aria-label={t('volume.outline.menu', { title: row.title })}
      style={{ left: menu.x, top: menu.y }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          const items = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
          const i = items.indexOf(document.activeElement as HTMLButtonElement);
          items[(i + (e.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
        }
      }}
    >
      {row.kind === 'category'
        ? item(t('app.outline.addSection'), () => wb.store.set({ dialog: { kind: 'addSection', categoryId: row.id } }))
        : item(row.kind === 'section' || row.kind === 'matter' ? t('volume.outline.open') : t('volume.outline.reveal'), () => void wb.openNode(row.id))}
      {item(t('volume.outline.rename'), () => onRename(row.id))}
      {row.kind === 'entry' || row.kind === 'subsection' || row.kind === 'section' ? item(t('volume.outline.moveTo'), () => wb.askMove(row.id)) : null}
      {row.kind === 'section' ? item(t('volume.outline.setStage'), () => wb.askStage(row.id)) : null}
      {row.kind !== 'matter' ? (
        <>
          <div className="menu-sep" role="separator" />
          {item(
            row.kind === 'category'
              ? t('app.outline.deleteCategory')
              : row.kind === 'section'
                ? t('app.outline.deleteSection')
                : row.kind === 'subsection'
                  ? t('volume.outline.deleteSubsection')
                  : t('volume.outline.deleteEntry'),
            () => wb.askDelete(row.id),
            true,
          )}
        </>
      ) : null}
    </div>
  );
}
