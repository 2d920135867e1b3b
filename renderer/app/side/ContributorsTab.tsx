// 撰稿人 (the contributor registry view): everyone the book credits — people and units from the registry and
// from attribution lines and photo credits — with their entries, characters and figures, the numbers offices
// report; the unit each person writes for and totals per unit including its people; filter by name or kind,
// copy the tables for a spreadsheet, click a name to see its sections. The registry is edited from here
// (编辑… opens the registry editor: kind, unit, rename, merge), likely duplicates are offered for merging and
// the unit next to a person's lines is offered as their unit — each a book change with one undo.
import { useEffect, useMemo, useState } from 'react';
import {
  contributorStats,
  ensureListedContributor,
  looksLikeSameContributor,
  mergeContributors,
  proposedUnits,
  unitTotals,
  type Book,
  type ContributorStat,
  type UnitTotal,
} from '../../../shared/model';
import { readBookModel } from '../../storage/books';
import { useT, useWb, useWorkbench } from '../context';
import { formatNumber } from '../format';
import { contributorTablesText, reportedUnits, ROLE_KEYS, writeContributorTables } from '../volume/registryTables';
import type { Workbench } from '../workbench';
import './contributors.css';

type KindFilter = 'all' | 'person' | 'unit';

interface Registry {
  book: Book;
  stats: ContributorStat[];
  units: UnitTotal[];
  proposals: Map<string, string>;
  duplicates: [ContributorStat, ContributorStat][];
}

/** Pairs of entries that are probably one contributor, the one to keep first (registered, more entries). */
function likelyDuplicates(stats: readonly ContributorStat[]): [ContributorStat, ContributorStat][] {
  const out: [ContributorStat, ContributorStat][] = [];
  for (let i = 0; i < stats.length; i++) {
    for (let j = i + 1; j < stats.length; j++) {
      const a = stats[i]!;
      const b = stats[j]!;
      if (!looksLikeSameContributor(a, b)) continue;
      const keepA = Number(a.registered) - Number(b.registered) || a.entries + a.figures - (b.entries + b.figures) || b.name.length - a.name.length;
      out.push(keepA >= 0 ? [a, b] : [b, a]);
    }
  }
  return out.slice(0, 20);
}

/** Merges `from` into `keep` (both may be names only lines use): one book change with one undo. */
export function mergeStats(wb: Workbench, keep: ContributorStat, from: ContributorStat): Promise<boolean> {
  return wb.changeBook(
    (b0) => {
      const k = ensureListedContributor(b0, keep);
      const f = ensureListedContributor(k.book, from);
      return mergeContributors(f.book, f.id, k.id);
    },
    { snapshot: true, undo: { key: 'volume.undo.merged', params: { from: from.name, into: keep.name } } },
  );
}

export function ContributorsTab() {
  const wb = useWorkbench();
  const t = useT();
  const bookId = useWb((s) => s.book?.id ?? null);
  // The outline rows change whenever a section is saved, the book row when the registry changes: the numbers follow.
  const outline = useWb((s) => s.outline);
  const bookRow = useWb((s) => s.book);
  const locale = useWb((s) => s.view.locale);
  const [registry, setRegistry] = useState<Registry | null>(null);
  const [failed, setFailed] = useState(false);
  const [query, setQuery] = useState('');
  const [kind, setKind] = useState<KindFilter>('all');
  const [openKey, setOpenKey] = useState<string | null>(null);

  useEffect(() => {
    if (!bookId) return;
    let live = true;
    const timer = setTimeout(() => {
      readBookModel(wb.db, bookId)
        .then((book) => {
          if (!live) return;
          const stats = contributorStats(book);
          setRegistry({ book, stats, units: unitTotals(book), proposals: proposedUnits(book), duplicates: likelyDuplicates(stats) });
          setFailed(false);
        })
        .catch((e: unknown) => {
          wb.host.log('error', `contributor statistics: ${String(e)}`);
          if (live) setFailed(true);
        });
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [wb, bookId, outline, bookRow]);

  const stats = registry?.stats;
  const shown = useMemo(() => {
    const q = query.trim();
    return (stats ?? []).filter((s) => (kind === 'all' || s.kind === kind) && (!q || s.name.includes(q) || (s.unit ?? '').includes(q)));
  }, [stats, query, kind]);
  const units = useMemo(() => {
    const q = query.trim();
    return reportedUnits(registry?.units ?? []).filter((u) => !q || u.name.includes(q) || u.people.some((p) => p.includes(q)));
  }, [registry, query]);

  if (!bookId) return <p className="side-empty">{t('app.side.nothingOpen')}</p>;
  if (failed) return <p className="side-empty">{t('app.contributors.failed')}</p>;
  if (!registry) return <p className="side-empty">{t('app.contributors.loading')}</p>;

  const copy = () => void writeContributorTables(wb, contributorTablesText(t, shown, units), shown.length);

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
      {registry.duplicates.length ? (
        <section className="contributors-duplicates" aria-label={t('volume.registry.duplicates')}>
          <div className="card-kicker">{t('volume.registry.duplicates')}</div>
          <ul>
            {registry.duplicates.map(([keep, from]) => (
              <li key={`${keep.key}|${from.key}`}>
                <span>{t('volume.registry.duplicatePair', { a: from.name, b: keep.name })}</span>
                {/* Either name may be the one to keep: the one with more credits first. */}
                <span className="contributors-duplicate-actions">
                  <button type="button" className="button is-small" onClick={() => void mergeStats(wb, keep, from)}>
                    {t('volume.registry.mergeInto', { name: keep.name })}
                  </button>
                  <button type="button" className="button is-small" onClick={() => void mergeStats(wb, from, keep)}>
                    {t('volume.registry.mergeInto', { name: from.name })}
                  </button>
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
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
              <ContributorRow
                key={s.key}
                s={s}
                proposal={s.kind === 'person' && !s.unit ? registry.proposals.get(s.name) : undefined}
                open={openKey === s.key}
                onToggle={() => setOpenKey(openKey === s.key ? null : s.key)}
                locale={locale}
              />
            ))}
          </tbody>
        </table>
      )}
      <UnitTotals units={units} locale={locale} />
      <div className="contributors-foot">
        <button type="button" className="button" onClick={copy} disabled={shown.length === 0}>
          {t('app.contributors.copy')}
        </button>
      </div>
    </div>
  );
}

function ContributorRow({ s, proposal, open, onToggle, locale }: { s: ContributorStat; proposal: string | undefined; open: boolean; onToggle(): void; locale: 'zh' | 'en' }) {
  const t = useT();
  const wb = useWorkbench();
  const outline = useWb((st) => st.outline);
  const edit = () => wb.store.set({ dialog: { kind: 'contributor', key: s.key } });
  const accept = (unit: string) => void wb.assignUnit([s.name], unit);
  return (
    <>
      <tr className={`contributor-row${open ? ' is-open' : ''}`} data-name={s.name} onDoubleClick={edit}>
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
          {s.unit ? <div className="contributor-unit muted">{t('volume.registry.unitOf', { unit: s.unit })}</div> : null}
          {proposal ? (
            <div className="contributor-proposal" title={t('volume.registry.proposeTitle', { name: s.name, unit: proposal })}>
              <span className="muted">{t('volume.registry.propose', { unit: proposal })}</span>{' '}
              <button type="button" className="link-button" onClick={() => accept(proposal)}>
                {t('volume.registry.accept')}
              </button>
            </div>
          ) : null}
        </th>
        <td className="num">{formatNumber(s.entries, locale)}</td>
        <td className="num">{formatNumber(s.characters, locale)}</td>
        <td className="num">{formatNumber(s.figures, locale)}</td>
      </tr>
      {open ? (
        <tr className="contributor-detail">
          <td colSpan={4}>
            <div>
              {t('label.pair', { label: t('app.contributors.roles'), value: s.roles.length ? s.roles.map((r) => t(ROLE_KEYS[r])).join(t('label.listSep')) : '—' })}
              {s.unit ? (
                <>
                  {' · '}
                  {t('label.pair', { label: t('app.contributors.unit'), value: s.unit })}
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
            <div className="contributor-actions">
              <button type="button" className="button is-small" onClick={edit}>
                {t('volume.registry.edit')}
              </button>
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** Per unit: its own 供稿 lines and its people's lines, each entry once. */
function UnitTotals({ units, locale }: { units: UnitTotal[]; locale: 'zh' | 'en' }) {
  const t = useT();
  return (
    <section className="contributors-units" aria-label={t('volume.registry.units')}>
      <div className="card-kicker">{t('volume.registry.units')}</div>
      {units.length === 0 ? (
        <p className="muted small">{t('volume.registry.unitsNone')}</p>
      ) : (
        <table className="contributors-table" aria-label={t('volume.registry.units')}>
          <thead>
            <tr>
              <th scope="col">{t('volume.registry.copyHeadUnit')}</th>
              <th scope="col" className="num">
                {t('volume.registry.totalEntries')}
              </th>
              <th scope="col" className="num">
                {t('volume.registry.totalChars')}
              </th>
              <th scope="col" className="num">
                {t('app.contributors.figures')}
              </th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => (
              <tr key={u.key} className="unit-row" data-name={u.name}>
                <th scope="row">
                  {u.name}
                  {u.people.length ? <div className="muted contributor-unit">{t('volume.contributor.people', { names: u.people.join('、') })}</div> : null}
                </th>
                <td className="num" title={t('label.pair', { label: t('volume.registry.ownEntries'), value: u.ownEntries })}>
                  {formatNumber(u.entries, locale)}
                </td>
                <td className="num">{formatNumber(u.characters, locale)}</td>
                <td className="num">{formatNumber(u.figures, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
