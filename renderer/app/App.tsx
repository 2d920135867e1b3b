import { useCallback, useRef, type PointerEvent as ReactPointerEvent } from 'react';
import type { MenuCommand } from '../../shared/host';
import { Dialogs } from './chrome/Dialogs';
import { Notices } from './chrome/Notices';
import { StatusBar } from './chrome/StatusBar';
import { Welcome } from './chrome/Welcome';
import { useT, useWb, useWorkbench, WorkbenchContext } from './context';
import { ExportFeature } from './export/ExportFeature';
import { DocxExportFeature } from './export/DocxExport';
import { bookFindOf } from './find/bookFind';
import { MenuBar } from './menu/MenuBar';
import { Outline } from './outline/Outline';
import { ImportHost } from './import/ImportHost';
import { EditorPane } from './pane/EditorPane';
import { ProblemsDialogs } from './problems/ProblemsDialogs';
import { SidePanel } from './side/SidePanel';
import { SourceFeature } from './source/SourceFeature';
import { VolumeDialogs } from './volume/VolumeDialogs';
import type { Workbench } from './workbench';

export function App({ wb, dispatch }: { wb: Workbench; dispatch: ((c: MenuCommand) => void) | null }) {
  // The whole-book find registers 在全书中查找和替换 with the workbench as soon as the app is there.
  bookFindOf(wb);
  return (
    <WorkbenchContext.Provider value={wb}>
      <Shell dispatch={dispatch} />
    </WorkbenchContext.Provider>
  );
}

function Shell({ dispatch }: { dispatch: ((c: MenuCommand) => void) | null }) {
  const t = useT();
  const phase = useWb((s) => s.phase);
  const fatal = useWb((s) => s.fatal);
  const hasBook = useWb((s) => s.book !== null);
  const zoom = useWb((s) => s.view.zoom);
  const locale = useWb((s) => s.view.locale);

  if (phase === 'starting') {
    return (
      <div className="splash" role="status">
        <div className="splash-mark" aria-hidden="true">
          {t('label.brandMark')}
        </div>
        <p>{t('app.starting')}</p>
      </div>
    );
  }
  if (phase === 'fatal') {
    return (
      <div className="splash is-error" role="alert">
        <div className="splash-mark" aria-hidden="true">
          !
        </div>
        <h1>{t('app.fatal.title')}</h1>
        <p>{t('app.fatal.body')}</p>
        <pre className="fatal-detail">{fatal}</pre>
        <button type="button" className="button is-primary" onClick={() => location.reload()}>
          {t('app.fatal.reload')}
        </button>
      </div>
    );
  }
  return (
    <div className="app" lang={locale === 'zh' ? 'zh-CN' : 'en'} style={{ zoom }}>
      {dispatch ? <MenuBar dispatch={dispatch} /> : null}
      {hasBook ? <Workspace /> : <Welcome />}
      <StatusBar />
      <ImportHost />
      <Dialogs />
      <ProblemsDialogs />
      <VolumeDialogs />
      <ExportFeature />
      <DocxExportFeature />
      <SourceFeature />
      <Notices />
    </div>
  );
}

function Workspace() {
  const wb = useWorkbench();
  const showOutline = useWb((s) => s.view.showOutline);
  const showSide = useWb((s) => s.view.showSidePanel);
  const outlineWidth = useWb((s) => s.view.outlineWidth);
  const sideWidth = useWb((s) => s.view.sideWidth);
  const columns = [showOutline ? `${outlineWidth}px` : null, 'minmax(320px, 1fr)', showSide ? `${sideWidth}px` : null].filter(Boolean).join(' ');
  return (
    <div className="workspace" style={{ gridTemplateColumns: columns }}>
      {showOutline ? (
        <div className="pane pane-outline">
          <Outline />
          <Splitter side="right" onResize={(w) => void wb.setView({ outlineWidth: w })} width={outlineWidth} />
        </div>
      ) : null}
      <EditorPane />
      {showSide ? (
        <div className="pane pane-side">
          <Splitter side="left" onResize={(w) => void wb.setView({ sideWidth: w })} width={sideWidth} />
          <SidePanel />
        </div>
      ) : null}
    </div>
  );
}

/** A drag handle on the edge of a pane; arrow keys resize it too. */
function Splitter({ side, width, onResize }: { side: 'left' | 'right'; width: number; onResize(w: number): void }) {
  const t = useT();
  const start = useRef<{ x: number; w: number } | null>(null);
  const clamp = (w: number) => Math.round(Math.min(560, Math.max(200, w)));
  const onPointerDown = useCallback(
    (e: ReactPointerEvent<HTMLDivElement>) => {
      e.currentTarget.setPointerCapture(e.pointerId);
      start.current = { x: e.clientX, w: width };
    },
    [width],
  );
  return (
    <div
      className={`splitter is-${side}`}
      role="separator"
      aria-orientation="vertical"
      aria-valuenow={width}
      aria-valuemin={200}
      aria-valuemax={560}
      aria-label={t('app.resize')}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={(e) => {
        if (!start.current) return;
        const dx = e.clientX - start.current.x;
        onResize(clamp(start.current.w + (side === 'right' ? dx : -dx)));
      }}
      onPointerUp={() => (start.current = null)}
      onKeyDown={(e) => {
        if (e.key === 'ArrowLeft') onResize(clamp(width + (side === 'right' ? -16 : 16)));
        else if (e.key === 'ArrowRight') onResize(clamp(width + (side === 'right' ? 16 : -16)));
      }}
    />
  );
}
