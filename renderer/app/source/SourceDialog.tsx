// The 来稿原文 viewer: an imported draft as the importer read it, line by line, coloured by what each line was
// read as, with the heals marked as on the review screen (the same line list, renderer/app/import/SourceView),
// the dropped lines greyed; a step through the heals, what the selected line became and where it is in the book
// now, and 复制原文.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { describeError, isUserError, type SourceRecord } from '../../../shared/model';
import { Modal } from '../chrome/Dialogs';
import { useT, useWb, useWorkbench } from '../context';
import { formatNumber } from '../format';
import { Legend } from '../import/ImportReview';
import { healMarks, MARKED_HEALS } from '../import/roles';
import { SourceLines } from '../import/SourceView';
import { copySource, initialLine, lineTarget, loadSource, type LoadedSource } from './sourceActions';
import { SourceFacts } from './SourceCard';
import '../import/import.css';
import './source.css';

type Loading = { status: 'loading' } | { status: 'ready'; loaded: LoadedSource } | { status: 'error'; message: string };

const NO_DOUBTS = { has: () => false };

export function SourceDialog({ sourceId, onClose }: { sourceId: string; onClose(): void }) {
  const t = useT();
  const record = useWb((s) => s.book?.shell.sources?.find((x) => x.id === sourceId));
  // The draft is gone (the import was undone): so is its viewer.
  useEffect(() => {
    if (!record) onClose();
  }, [record, onClose]);
  if (!record) return null;
  return (
    <Modal title={t('source.viewer.title', { file: record.fileName })} onClose={onClose} wide className="src-modal imp-colours">
      <Viewer record={record} onClose={onClose} />
    </Modal>
  );
}

function Viewer({ record, onClose }: { record: SourceRecord; onClose(): void }) {
  const wb = useWorkbench();
  const t = useT();
  const outline = useWb((s) => s.outline);
  const locale = useWb((s) => s.view.locale);
  const [state, setState] = useState<Loading>({ status: 'loading' });
  const [selected, setSelected] = useState<number | null>(null);
  const closeRef = useRef<HTMLButtonElement>(null);

  // Focus starts on 关闭 (after the dialog's own first-field focus, which would land on a button still disabled).
  useEffect(() => {
    const id = setTimeout(() => closeRef.current?.focus(), 0);
    return () => clearTimeout(id);
  }, []);

  useEffect(() => {
    let live = true;
    loadSource(wb, record).then(
      (loaded) => {
        if (!live) return;
        setState({ status: 'ready', loaded });
        setSelected(initialLine(loaded.view, wb.state));
      },
      (e: unknown) => {
        if (!live) return;
        wb.host.log(isUserError(e) ? 'warn' : 'error', `source ${record.id} could not be read`, describeError(e));
        setState({ status: 'error', message: isUserError(e) ? e.message : t('source.error.read', { file: record.fileName }) });
      },
    );
    return () => {
      live = false;
    };
    // One read per draft shown (the record's other fields do not change its text).
  }, [wb, record.id]); // eslint-disable-line react-hooks/exhaustive-deps

  const loaded = state.status === 'ready' ? state.loaded : null;
  const lines = loaded?.view.lines;
  const heals = useMemo(() => healMarks(loaded?.view.heals ?? []), [loaded]);
  const marks = useMemo(() => ({ heals, doubts: NO_DOUBTS }), [heals]);
  // The heals marked on lines, by their first line: what 上一处 / 下一处 step through.
  const healed = useMemo(
    () => [...new Set((loaded?.view.heals ?? []).filter((h) => MARKED_HEALS.has(h.kind) && h.lines.length).map((h) => h.lines[0]!))].sort((a, b) => a - b),
    [loaded],
  );
  const at = selected === null ? -1 : healed.indexOf(selected);
  const step = (dir: 1 | -1) => {
    if (!healed.length) return;
    if (at >= 0) return setSelected(healed[(at + dir + healed.length) % healed.length]!);
    const from = selected ?? (dir === 1 ? 0 : Infinity);
    const next = dir === 1 ? healed.find((n) => n > from) : [...healed].reverse().find((n) => n < from);
    setSelected(next ?? (dir === 1 ? healed[0]! : healed[healed.length - 1]!));
  };
  const onSelect = useCallback((no: number) => setSelected(no), []);
  const line = selected === null ? undefined : lines?.find((l) => l.no === selected);
  const target = line ? lineTarget(line, record, outline) : null;

  return (
    <div className="src-viewer">
      <SourceFacts record={record} compact />
      <p className="muted small src-explain">{t('source.viewer.explain')}</p>
      {state.status === 'loading' ? <p className="src-status">{t('source.viewer.loading')}</p> : null}
      {state.status === 'error' ? (
        <p className="src-status is-error" role="alert">
          {state.message}
        </p>
      ) : null}
      {loaded && lines ? (
        <>
          <div className="src-toolbar">
            {loaded.view.marked ? <Legend doubts={false} /> : <span className="muted small">{t('source.viewer.unmarked')}</span>}
            <span className="src-heal-nav">
              {healed.length ? (
                <>
                  <span className="src-heal-count">{at >= 0 ? t('source.viewer.healAt', { at: at + 1, count: healed.length }) : t('source.viewer.heals', { count: healed.length })}</span>
                  <button type="button" className="button is-small" onClick={() => step(-1)} aria-label={t('source.viewer.prevHeal')} title={t('source.viewer.prevHeal')}>
                    ↑
                  </button>
                  <button type="button" className="button is-small" onClick={() => step(1)} aria-label={t('source.viewer.nextHeal')} title={t('source.viewer.nextHeal')}>
                    ↓
                  </button>
                </>
              ) : (
                <span className="muted small">{t('source.viewer.noHeals')}</span>
              )}
            </span>
          </div>
          <SourceLines lines={lines} marks={marks} selected={selected} onSelect={onSelect} label={t('source.viewer.lines')} className="src-lines" />
          <div className="src-inspector" aria-live="polite">
            {line ? (
              <>
                <strong>{t('source.viewer.line', { no: line.no })}</strong>
                <span>
                  {t('source.viewer.role', { role: t(`import.role.${line.role}`) })}
                  {line.overridden ? t('source.viewer.corrected') : ''}
                </span>
                {line.heals?.length ? <span className="src-inspector-heals">{t('source.viewer.healed', { heals: [...new Set(line.heals)].map((k) => t(`import.heal.${k}`)).join(t('label.groupSep')) })}</span> : null}
                {target ? (
                  <button
                    type="button"
                    className="button is-small"
                    onClick={() => {
                      onClose();
                      void wb.goTo(target);
                    }}
                  >
                    {t('source.viewer.goTo')}
                  </button>
                ) : line.nodeId || line.blockId ? (
                  <span className="muted small">{t('source.viewer.gone')}</span>
                ) : null}
              </>
            ) : (
              <span className="muted small">{t('source.viewer.pick')}</span>
            )}
          </div>
        </>
      ) : null}
      <div className="modal-buttons">
        <span className="muted small src-size">{t('source.card.contentValue', { lines: formatNumber(record.lines, locale), chars: formatNumber(record.characters, locale) })}</span>
        <button type="button" className="button" disabled={!loaded} onClick={() => void copySource(wb, record, loaded ?? undefined)}>
          {t('source.card.copy')}
        </button>
        <button type="button" className="button is-primary" ref={closeRef} onClick={onClose}>
          {t('app.close')}
        </button>
      </div>
    </div>
  );
}
