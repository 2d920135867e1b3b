// The in-app menu bar of web mode (Electron shows the native menu instead). Mouse and keyboard: click or
// F10 to enter, ← → between menus, ↑ ↓ between items, Enter to run, Esc to leave.
import { useEffect, useRef, useState } from 'react';
import type { MenuCommand } from '../../../shared/host';
import { useT, useWb, useWorkbench } from '../context';
import { editorItems, isEditorSlot, matchesAccel, MENUS, type MenuDef, type MenuItemDef } from './menus';

export function MenuBar({ dispatch }: { dispatch: (c: MenuCommand) => void }) {
  const wb = useWorkbench();
  const t = useT();
  const state = useWb((s) => s);
  const [openMenu, setOpenMenu] = useState<number | null>(null);
  const barRef = useRef<HTMLDivElement>(null);

  const expand = (items: MenuDef['items']): (MenuItemDef | 'sep')[] => items.flatMap((i) => (i !== 'sep' && isEditorSlot(i) ? editorItems(wb, i) : [i]));

  const run = (item: MenuItemDef) => {
    setOpenMenu(null);
    if (item.command) dispatch(item.command);
    else item.run?.(wb);
  };

  // Keyboard accelerators (web mode has no native menu to handle them).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || e.keyCode === 229) return;
      if (e.key === 'F10') {
        e.preventDefault();
        barRef.current?.querySelector<HTMLButtonElement>('.menubar-button')?.focus();
        return;
      }
      for (const m of MENUS) {
        for (const item of m.items) {
          if (item === 'sep' || isEditorSlot(item) || !item.accel || item.desktopOnlyAccel || item.editorAccel) continue;
          if (!matchesAccel(e, item.accel)) continue;
          const s = wb.state;
          if (item.enabled && !item.enabled(s, wb)) return;
          e.preventDefault();
          run(item);
          return;
        }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    if (openMenu === null) return;
    const close = (e: MouseEvent) => {
      if (!barRef.current?.contains(e.target as Node)) setOpenMenu(null);
    };
    window.addEventListener('mousedown', close);
    return () => window.removeEventListener('mousedown', close);
  }, [openMenu]);

  const focusItem = (menuIndex: number, which: 'first' | 'last' | 1 | -1) => {
    const popup = barRef.current?.querySelector<HTMLElement>(`#menu-${MENUS[menuIndex]!.id}`);
    const items = [...(popup?.querySelectorAll<HTMLButtonElement>('button.menu-item:not([disabled])') ?? [])];
    if (!items.length) return;
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = which === 'first' ? 0 : which === 'last' ? items.length - 1 : (i + which + items.length) % items.length;
    items[next]?.focus();
  };

  const openAt = (i: number, focus: 'first' | 'last' | null) => {
    const n = (i + MENUS.length) % MENUS.length;
    setOpenMenu(n);
    if (focus) requestAnimationFrame(() => focusItem(n, focus));
    else barRef.current?.querySelectorAll<HTMLButtonElement>('.menubar-button')[n]?.focus();
  };

  return (
    <div className="menubar" role="menubar" ref={barRef} aria-label={t('app.menu.label')}>
      <span className="menubar-brand" aria-hidden="true">
        {t('app.name')}
      </span>
      {MENUS.map((m, i) => (
        <div key={m.id} className="menubar-menu">
          <button
            type="button"
            role="menuitem"
            aria-haspopup="menu"
            aria-expanded={openMenu === i}
            className={`menubar-button${openMenu === i ? ' is-open' : ''}`}
            onClick={() => setOpenMenu(openMenu === i ? null : i)}
            onMouseEnter={() => openMenu !== null && openMenu !== i && setOpenMenu(i)}
            onKeyDown={(e) => {
              if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                openAt(i, 'first');
              } else if (e.key === 'ArrowRight') openAt(i + 1, openMenu !== null ? 'first' : null);
              else if (e.key === 'ArrowLeft') openAt(i - 1, openMenu !== null ? 'first' : null);
              else if (e.key === 'Escape') {
                setOpenMenu(null);
                (document.activeElement as HTMLElement | null)?.blur();
              }
            }}
          >
            {t(m.label)}
          </button>
          {openMenu === i ? (
            <div
              className="menu-popup"
              role="menu"
              id={`menu-${m.id}`}
              aria-label={t(m.label)}
              onKeyDown={(e) => {
                if (e.key === 'ArrowDown') focusItem(i, 1);
                else if (e.key === 'ArrowUp') focusItem(i, -1);
                else if (e.key === 'ArrowRight') openAt(i + 1, 'first');
                else if (e.key === 'ArrowLeft') openAt(i - 1, 'first');
                else if (e.key === 'Escape') {
                  setOpenMenu(null);
                  barRef.current?.querySelectorAll<HTMLButtonElement>('.menubar-button')[i]?.focus();
                } else return;
                e.preventDefault();
              }}
            >
              {expand(m.items).every((i) => i === 'sep') ? <div className="menu-empty">{t('app.menu.needSection')}</div> : null}
              {expand(m.items).map((item, j, all) => {
                if (item === 'sep') {
                  // No separator at the ends or twice in a row (an empty editor slot leaves two).
                  if (j === 0 || j === all.length - 1 || all[j - 1] === 'sep') return null;
                  return <div key={j} className="menu-sep" role="separator" />;
                }
                if (item.visible && !item.visible(state, wb)) return null;
                const enabled = !item.enabled || item.enabled(state, wb);
                const checked = item.checked?.(state);
                return (
                  <button
                    key={j}
                    type="button"
                    role={checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
                    aria-checked={checked}
                    className="menu-item"
                    disabled={!enabled}
                    onClick={() => run(item)}
                  >
                    <span className="menu-check" aria-hidden="true">
                      {checked ? '✓' : ''}
                    </span>
                    <span className="menu-label">
                      {t(item.label)}
                      {!enabled && item.disabledNote ? <span className="menu-note">{t(item.disabledNote)}</span> : null}
                    </span>
                    <span className="menu-accel">{item.accel && !item.desktopOnlyAccel ? item.accel : ''}</span>
                  </button>
                );
              })}
            </div>
          ) : null}
        </div>
      ))}
    </div>
  );
}
