// 来稿原文 in the 详情 tab: for a section that came from an import, each draft it came from — file, when, format
// and encoding, how much the import healed — with 查看原文 (the viewer) and 复制原文. A section without a kept
// draft shows nothing.
import { useMemo } from 'react';
import { sourcesOfSection } from '../../../shared/import';
import type { SourceRecord } from '../../../shared/model';
import { useT, useWb, useWorkbench } from '../context';
import { formatNumber, formatTime } from '../format';
import { copySource, showSource } from './sourceActions';
import './source.css';

export function SourceCard({ sectionId }: { sectionId: string }) {
  const t = useT();
  const wb = useWorkbench();
  const all = useWb((s) => s.book?.shell.sources);
  const list = useMemo(() => sourcesOfSection(all, sectionId), [all, sectionId]);
  if (!list.length) return null;
  return (
    <section className="card src-card" aria-label={t('source.title')}>
      <div className="card-kicker">
        {t('source.title')}
        {list.length > 1 ? <span className="muted"> · {t('source.card.count', { count: list.length })}</span> : null}
      </div>
      {list.map((s) => (
        <div key={s.id} className="src-item" data-source={s.id}>
          <h3 className="card-title src-file">{s.fileName}</h3>
          <SourceFacts record={s} />
          <div className="src-actions">
            <button type="button" className="button is-small" onClick={() => showSource(wb, s.id)}>
              {t('source.card.view')}
            </button>
            <button type="button" className="button is-small" onClick={() => void copySource(wb, s)}>
              {t('source.card.copy')}
            </button>
          </div>
        </div>
      ))}
    </section>
  );
}

/** The facts of a kept draft: where it was, when it came in, its format and encoding, its size, what the import did. */
export function SourceFacts({ record: s, compact }: { record: SourceRecord; compact?: boolean }) {
  const t = useT();
  const locale = useWb((st) => st.view.locale);
  const at = formatTime(s.importedAt, locale);
  const enc = s.encoding;
  return (
    <dl className={`facts src-facts${compact ? ' is-compact' : ''}`}>
      {s.path ? (
        <>
          <dt>{t('source.card.path')}</dt>
          <dd className="src-path">{s.path}</dd>
        </>
      ) : null}
      <dt>{t('source.card.importedAt')}</dt>
      <dd>{s.importedBy ? t('source.card.importedBy', { at, by: s.importedBy }) : at}</dd>
      <dt>{t('source.card.format')}</dt>
      <dd>
        {t(`source.format.${s.format}`)}
        {s.pasted ? <span className="muted"> · {t('source.card.pasted')}</span> : null}
      </dd>
      {enc ? (
        <>
          <dt>{t('source.card.encoding')}</dt>
          <dd>
            {t('source.card.encodingValue', { encoding: enc.encoding.toUpperCase(), method: t(`import.cli.method.${enc.method}`) })}
            {enc.replaced ? <span className="src-warn"> · {t('source.card.encodingReplaced', { count: enc.replaced })}</span> : null}
          </dd>
        </>
      ) : null}
      {compact ? null : (
        <>
          <dt>{t('source.card.content')}</dt>
          <dd>{t('source.card.contentValue', { lines: formatNumber(s.lines, locale), chars: formatNumber(s.characters, locale) })}</dd>
        </>
      )}
      <dt>{t('source.card.heals')}</dt>
      <dd>{t('source.card.healsValue', { heals: formatNumber(s.heals, locale), dropped: formatNumber(s.droppedLines, locale), corrections: formatNumber(s.corrections, locale) })}</dd>
      <dt>{t('source.card.placement')}</dt>
      <dd>{t(`source.placement.${s.placement}`)}</dd>
    </dl>
  );
}
