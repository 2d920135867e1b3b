// The command palette (Ctrl+Shift+P): every menu command — the application's and the open editor's — every
// person and unit of the contributor registry (编辑…) and every section of the book ("转到分目"), found by typing a
// few characters or pinyin initials; ↑ ↓ Enter.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useT, useWb, useWorkbench, type Translate } from '../context';
import { editorItems, isEditorSlot, MENUS, type MenuItemDef } from '../menu/menus';
import { sortedSections, type Workbench, type WorkbenchState } from '../workbench';
import { usePinyin, type PinyinMatch } from '../pinyin';
import { Modal } from './Dialogs';

export interface PaletteItem {
  id: string;
  /** Where it lives, e.g. 文件 or 转到分目. */
  group: string;
  label: string;
  accel?: string;
  enabled: boolean;
  run(wb: Workbench): void;
}

/** The palette's items for the current state: enabled, visible menu items first, then sections. */
export function paletteItems(wb: Workbench, s: WorkbenchState, t: Translate): PaletteItem[] {
  const out: PaletteItem[] = [];
  for (const m of MENUS) {
    const items = m.items.flatMap((i) => (i !== 'sep' && isEditorSlot(i) ? editorItems(wb, i) : i === 'sep' ? [] : [i as MenuItemDef]));
    items.forEach((item, k) => {
      if (item.command === 'edit.commandPalette') return;
      if (item.visible && !item.visible(s, wb)) return;
      const enabled = !item.enabled || item.enabled(s, wb);
      out.push({
        id: `${m.id}:${item.command ?? item.label}:${k}`,
        group: t(m.label),
        label: t(item.label),
        ...(item.accel ? { accel: item.accel } : {}),
        enabled,
        run: (w) => (item.command ? void w.command(item.command) : item.run?.(w)),
      });
    });
  }
  // The contributor registry: each person or unit opens the registry editor.
  const registry = t('volume.palette.contributors');
  for (const c of s.book?.shell.contributors ?? []) {
    const unit = c.unitId ? s.book?.shell.contributors.find((u) => u.id === c.unitId)?.name : undefined;
    out.push({
      id: `contributor:${c.id}`,
      group: registry,
      label: unit ? t('label.withNote', { text: t('volume.palette.editContributor', { name: c.name }), note: unit }) : t('volume.palette.editContributor', { name: c.name }),
      enabled: true,
      run: (w) => w.store.set({ dialog: { kind: 'contributor', key: c.id } }),
    });
  }
  const group = t('app.palette.goToSection');
  for (const n of sortedSections(s.outline)) {
    if (n.kind !== 'section') continue;
    const cat = s.outline.find((c) => c.id === n.parentId);
    out.push({ id: `go:${n.id}`, group, label: cat ? t('label.withNote', { text: n.title, note: cat.title }) : n.title, enabled: true, run: (w) => void w.openNode(n.id) });
  }
  return out;
}

/** Items matching the query: substring of label or group, or (for latin letters) pinyin initials. */
export function filterPalette(items: readonly PaletteItem[], query: string, py: PinyinMatch | null): PaletteItem[] {
  const q = query.trim().toLowerCase();
  if (!q) return items.filter((i) => i.enabled);
  const scored: { item: PaletteItem; score: number }[] = [];
  for (const item of items) {
    const label = item.label.toLowerCase();
    let score = -1;
    const at = label.indexOf(q);
    if (at === 0) score = 0;
    else if (at > 0) score = 1;
    else if (`${item.group} ${label}`.toLowerCase().includes(q)) score = 2;
    else if (py && /^[a-z]+$/.test(q) && py(item.label, q)) score = 3;
    if (score >= 0) scored.push({ item, score: score + (item.enabled ? 0 : 10) });
  }
  return scored.sort((a, b) => a.score - b.score).map((x) => x.item);
}

export function CommandPalette({ onClose }: { onClose(): void }) {
  const wb = useWorkbench();
  const t = useT();
  const state = useWb((s) => s);
  const [query, setQuery] = useState('');
  const [index, setIndex] = useState(0);
  const pinyin = usePinyin(query);
  const listRef = useRef<HTMLUListElement>(null);
  // The state the palette was opened in (the editor's command states do not change while it is open).
  const items = useMemo(() => paletteItems(wb, state, t), [wb, state, t]);
  const shown = useMemo(() => filterPalette(items, query, pinyin).slice(0, 200), [items, query, pinyin]);
  const current = Math.min(index, Math.max(0, shown.length - 1));

  useEffect(() => {
    listRef.current?.querySelector('[aria-selected="true"]')?.scrollIntoView({ block: 'nearest' });
  }, [current]);

  const run = (item: PaletteItem | undefined) => {
    if (!item || !item.enabled) return;
    onClose();
    // After the dialog has closed (and given focus back), so a command that opens its own dialog keeps it.
    setTimeout(() => item.run(wb), 0);
  };

  return (
    <Modal title={t('app.palette.title')} onClose={onClose} wide>
      <div className="palette">
        <input
          className="palette-input"
          role="combobox"
          aria-expanded="true"
          aria-controls="palette-list"
          aria-activedescendant={shown[current] ? `pal-${current}` : undefined}
          aria-label={t('app.palette.placeholder')}
          placeholder={t('app.palette.placeholder')}
          value={query}
          autoFocus
          onChange={(e) => {
            setQuery(e.target.value);
            setIndex(0);
          }}
          onKeyDown={(e) => {
            if (e.nativeEvent.isComposing) return;
            if (e.key === 'ArrowDown') setIndex((current + 1) % Math.max(1, shown.length));
            else if (e.key === 'ArrowUp') setIndex((current - 1 + shown.length) % Math.max(1, shown.length));
            else if (e.key === 'Enter') run(shown[current]);
            else return;
            e.preventDefault();
          }}
        />
        <ul className="palette-list" id="palette-list" role="listbox" ref={listRef} aria-label={t('app.palette.title')}>
          {shown.length === 0 ? <li className="palette-empty">{t('app.palette.none', { query })}</li> : null}
          {shown.map((item, i) => (
            <li
              key={item.id}
              id={`pal-${i}`}
              role="option"
              aria-selected={i === current}
              aria-disabled={!item.enabled}
              className={`palette-item${i === current ? ' is-current' : ''}${item.enabled ? '' : ' is-disabled'}`}
              onMouseEnter={() => setIndex(i)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => run(item)}
            >
              <span className="palette-group">{item.group}</span>
              <span className="palette-label">{item.label}</span>
              {item.accel ? <kbd className="palette-accel">{item.accel}</kbd> : null}
            </li>
          ))}
        </ul>
      </div>
    </Modal>
  );
}
