// 撰稿人 (the contributor registry view): everyone the book credits — people and units from the registry and
// from attribution lines and photo credits — with their entries, characters and figures, the numbers offices
// report; filter by name or kind, copy the table for a spreadsheet, click a name to see its sections.
import { useEffect, useMemo, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { contributorStats, type Attribution, type ContributorStat } from '../../../shared/model';
import { readBook } from '../../storage/books';
import { useT, useWb, useWorkbench } from '../context';
import { formatNumber } from '../format';
import './contributors.css';

const ROLE_KEYS: Record<Attribution['kind'], MessageKey> = {
  author: 'attribution.author',
  unit: 'attribution.unit',
  photo: 'attribution.photo',
  reviewer: 'attribution.reviewer',
};

type KindFilter = 'all' | 'person' | 'unit';

export function ContributorsTab() {
  const wb = useWorkbench();
  const t = useT();
  const bookId = useWb((s) => s.book?.id ?? null);
  // The outline rows change whenever a section is saved: the numbers follow.
  const outline = useWb((s) => s.outline);
  const locale = useWb((s) => s.view.locale);
  const [stats, setStats] = useState<ContributorStat[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [openKey, setOpenKey] = useState<string | null>(null);

  useEffect(() => {
    if (!bookId) return;
    let live = true;
    const timer = setTimeout(() => {
      readBook(wb.db, bookId)
        .then(({ book }) => live && (setStats(contributorStats(book)), setFailed(false)))
        .catch((e: unknown) => {
          wb.host.log('error', `contributor statistics: ${String(e)}`);
          if (live) setFailed(true);
        });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wb, bookId, outline]);

  const shown = useMemo(() => {
    const q = query.trim();
    return (stats ?? []).filter((s) => (kind === 'all' || s.kind === kind) && (!q || s.name.includes(q) || (s.unit ?? '').includes(q)));
  }, [stats, query, kind]);

  if (!bookId) return <p className="side-empty">{t('app.side.nothingOpen')}</p>;
  if (failed) return <p className="side-empty">{t('app.contributors.failed')}</p>;
  if (!stats) return <p className="side-empty">{t('app.contributors.loading')}</p>;

  const copy = () => {
    const head = [t('app.contributors.name'), t('app.contributors.kind'), t('app.contributors.unit'), t('app.contributors.roles'), t('app.contributors.entries'), t('app.contributors.chars'), t('app.contributors.figures')];
    const lines = shown.map((s) => [s.name, t(s.kind === 'person' ? 'app.contributors.person' : 'app.contributors.unitKind'), s.unit ?? '', s.roles.map((r) => t(ROLE_KEYS[r])).join('、'), s.entries, s.characters, s.figures].join('\t'));
    void navigator.clipboard
      ?.writeText([head.join('\t'), ...lines].join('\n'))
      .then(() => wb.notify('info', { key: 'app.contributors.copied', params: { n: shown.length } }))
      .catch(() => wb.notify('error', { key: 'app.contributors.copyFailed' }));
  };

  const totalEntries = shown.reduce((n, s) => n + s.entries, 0);
  return (
    <div className="contributors">
      <div className="contributors-tools">
        <input type="search" value={query} placeholder={t('app.contributors.filter')} aria-label={t('app.contributors.filter')} onChange={(e) => setQuery(e.target.value)} />
        <select value={kind} aria-label={t('app.contributors.kind')} onChange={(e) => setKind(e.target.value as KindFilter)}>
          <option value="all">{t('app.contributors.all')}</option>
          <option value="person">{t('app.contributors.person')}</option>
          <option value="unit">{t('app.contributors.unitKind')}</option>
        </select>
      </div>
      <p className="contributors-summary muted">{t('app.contributors.summary', { n: shown.length, entries: totalEntries })}</p>
      {shown.length === 0 ? (
        <p className="side-empty">{t('app.contributors.none')}</p>
      ) : (
        <table className="contributors-table" aria-label={t('app.side.contributors')}>
          <thead>
            <tr>
              <th scope="col">{t('app.contributors.name')}</th>
              <th scope="col" className="num">
                {t('app.contributors.entries')}
              </th>
              <th scope="col" className="num">
                {t('app.contributors.chars')}
              </th>
              <th scope="col" className="num">
                {t('app.contributors.figures')}
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((s) => (
              <ContributorRow key={s.key} s={s} open={openKey === s.key} onToggle={() => setOpenKey(openKey === s.key ? null : s.key)} locale={locale} />
            ))}
          </tbody>
        </table>
      )}
      <div className="contributors-foot">
        <button type="button" className="button" onClick={copy} disabled={shown.length === 0}>
          {t('app.contributors.copy')}
        </button>
      </div>
    </div>
  );
}

function ContributorRow({ s, open, onToggle, locale }: { s: ContributorStat; open: boolean; onToggle(): void; locale: 'zh' | 'en' }) {
  const t = useT();
  const wb = useWorkbench();
  const outline = useWb((st) => st.outline);
  return (
    <>
      <tr className={`contributor-row${open ? ' is-open' : ''}`} data-name={s.name}>
        <th scope="row">
          <button type="button" className="link-button" aria-expanded={open} onClick={onToggle}>
            {s.name}
          </button>
          <span className={`chip kind-${s.kind}`}>{t(s.kind === 'person' ? 'app.contributors.person' : 'app.contributors.unitKind')}</span>
          {s.registered ? null : (
            <span className="muted contributor-unregistered" title={t('app.contributors.unregisteredTitle')}>
              {t('app.contributors.unregistered')}
            </span>
          )}
        </th>
        <td className="num">{formatNumber(s.entries, locale)}</td>
        <td className="num">{formatNumber(s.characters, locale)}</td>
        <td className="num">{formatNumber(s.figures, locale)}</td>
      </tr>
      {open ? (
        <tr className="contributor-detail">
          <td colSpan={4}>
            <div>
              {t('app.contributors.roles')}：{s.roles.map((r) => t(ROLE_KEYS[r])).join('、')}
              {s.unit ? (
                <>
                  {' · '}
                  {t('app.contributors.unit')}：{s.unit}
                </>
              ) : null}
            </div>
            <div className="contributor-sections">
              {s.sections.map((title) => {
                const row = outline.find((n) => n.kind === 'section' && n.title === title);
                return (
                  <button key={title} type="button" className="link-button" disabled={!row} onClick={() => row && void wb.openNode(row.id)}>
                    {title}
                  </button>
                );
              })}
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}
