// Above the source: the file's format and detected encoding (with the choice to read it in another one),
// the counts of what was recognised, and the number of corrections.
import { SUPPORTED_ENCODINGS, type ImportCounts } from '../../../shared/import';
import type { MessageKey } from '../../../shared/i18n';
import { useT } from '../context';
import { useSession } from './importContext';
import type { Draft } from './importSession';

const ENCODING_NAMES: Record<string, string> = { 'utf-8': 'UTF-8', gb18030: 'GB18030（GBK）', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE' };

/** How an encoding is named in the choice (Big5 says it is for traditional characters, in the UI language). */
function encodingName(e: string, t: ReturnType<typeof useT>): string {
  return e === 'big5' ? t('importUi.encoding.big5') : (ENCODING_NAMES[e] ?? e);
}

const COUNTS: [keyof ImportCounts, MessageKey][] = [
  ['sections', 'importUi.count.sections'],
  ['subsections', 'importUi.count.subsections'],
  ['entries', 'importUi.count.entries'],
  ['headings', 'importUi.count.headings'],
  ['attributions', 'importUi.count.attributions'],
  ['figures', 'importUi.count.figures'],
  ['tables', 'importUi.count.tables'],
  ['footnotes', 'importUi.count.footnotes'],
  ['heals', 'importUi.count.heals'],
  ['uncertain', 'importUi.count.uncertain'],
  ['droppedLines', 'importUi.count.dropped'],
];

export function DraftHeader({ draft }: { draft: Draft }) {
  const t = useT();
  const session = useSession();
  const report = draft.result?.report;
  const enc = report?.source.encoding;
  // Pasted content has no bytes of its own to re-decode; a Word document has no text encoding.
  const isText = !draft.pasted && (report ? report.source.format !== 'docx' : !/\.docx$/i.test(draft.name));
  const detectedLabel = enc && enc.method !== 'override' ? t('importUi.encoding.detected', { encoding: encodingName(enc.encoding, t), method: t(`importUi.encoding.method.${enc.method}`, { confidence: `${Math.round(enc.confidence * 100)}%` }) }) : t('importUi.encoding.auto');
  return (
    <div className="imp-draft-head">
      <div className="imp-draft-title">
        <strong className="imp-draft-name">{draft.name}</strong>
        {draft.pasted ? (
          <span className="imp-chip">{t('importUi.format.paste')}</span>
        ) : report && report.source.format !== 'text' ? (
          <span className="imp-chip">{t(report.source.format === 'docx' ? 'importUi.format.docx' : 'importUi.format.html')}</span>
        ) : null}
        {isText ? (
          <label className="imp-encoding">
            {t('importUi.encoding')}
            <select
              value={draft.encoding ?? ''}
              onChange={(e) => session.setEncoding(draft.id, e.target.value || null)}
              disabled={draft.status !== 'ready' && draft.status !== 'failed'}
            >
              <option value="">{detectedLabel}</option>
              {SUPPORTED_ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {encodingName(e, t)}
                </option>
              ))}
            </select>
          </label>
        ) : null}
        {enc && enc.method === 'detected' && enc.confidence < 0.6 && !draft.encoding ? <span className="imp-warn small">{t('importUi.encoding.lowConfidence')}</span> : null}
        {enc?.replaced ? (
          <span className="imp-warn small" role="alert" data-warning="replaced">
            {t('importUi.encoding.replaced', { count: enc.replaced })}
          </span>
        ) : null}
        {draft.overrides.length ? <span className="imp-chip is-override">{t('importUi.corrections', { count: draft.overrides.length })}</span> : null}
      </div>
      {report ? (
        <dl className="imp-counts" aria-label={t('importUi.outline')}>
          {COUNTS.filter(([k]) => report.counts[k] > 0 || k === 'sections' || k === 'entries' || k === 'uncertain').map(([k, label]) => (
            <div key={k} className={`imp-count is-${k}`} data-count={k}>
              <dt>{t(label)}</dt>
              <dd>{report.counts[k]}</dd>
            </div>
          ))}
        </dl>
      ) : null}
    </div>
  );
}
