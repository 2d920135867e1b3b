// The contributor registry editor (撰稿人名录): one person or unit — its name, whether it is a person or a unit,
// the unit a person writes for (with the unit proposed from the 供稿 line next to their lines), and merging it
// into another entry when the two are one contributor written two ways. Opened from the 撰稿人 tab, from a name
// chip of an attribution line and from the command palette. Saving is one book change with one undo; so is a
// merge. Attribution lines and photo credits follow a rename or a merge.
import { useEffect, useMemo, useState } from 'react';
import {
  contributorStats,
  ensureContributor,
  ensureListedContributor,
  isUserError,
  looksLikeSameContributor,
  mergeContributors,
  proposedUnits,
  renameContributor,
  setContributorKind,
  setContributorUnit,
  type Book,
  type ContributorKind,
  type ContributorStat,
} from '../../../shared/model';
import { readBookModel } from '../../storage/books';
import { jsonEqual } from '../../storage/equal';
import { Modal } from '../chrome/Dialogs';
import { useT, useWb, useWorkbench } from '../context';
import { formatNumber } from '../format';
import { useMatcher } from './match';

/** A unit choice: a registry id, or "name:" + the name of a unit that lines name but nobody registered. */
type UnitChoice = string;

export function ContributorDialog({ contributorKey, onClose }: { contributorKey: string; onClose(): void }) {
  const wb = useWorkbench();
  const t = useT();
  const bookId = useWb((s) => s.book?.id ?? null);
  const [book, setBook] = useState<Book | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!bookId) return;
    let live = true;
    void wb
      .flush()
      .then(() => readBookModel(wb.db, bookId))
      .then((b) => live && setBook(b))
      .catch((e: unknown) => {
        wb.host.log('error', `registry editor: ${String(e)}`);
        if (live) setFailed(true);
      });
    return () => {
      live = false;
    };
  }, [wb, bookId]);

  if (failed) {
    return (
      <Modal title={t('app.side.contributors')} onClose={onClose}>
        <p>{t('app.contributors.failed')}</p>
      </Modal>
    );
  }
  if (!book) {
    return (
      <Modal title={t('app.side.contributors')} onClose={onClose}>
        <p className="muted">{t('app.contributors.loading')}</p>
      </Modal>
    );
  }
  return <Editor book={book} contributorKey={contributorKey} onClose={onClose} />;
}

function Editor({ book, contributorKey, onClose }: { book: Book; contributorKey: string; onClose(): void }) {
  const wb = useWorkbench();
  const t = useT();
  const locale = useWb((s) => s.view.locale);
  const stats = useMemo(() => contributorStats(book), [book]);
  const proposals = useMemo(() => proposedUnits(book), [book]);
  const reg = book.contributors.find((c) => c.id === contributorKey);
  const stat = stats.find((s) => s.key === contributorKey) ?? (reg ? undefined : stats.find((s) => !s.registered && s.name === contributorKey));
  const originalName = reg?.name ?? stat?.name ?? contributorKey;
  const originalKind: ContributorKind = reg?.kind ?? stat?.kind ?? 'person';
  const proposal = proposals.get(originalName);
  const units = unitChoices(book, stats, originalName, (name) => t('volume.contributor.unregisteredUnit', { name }));
  const people = reg ? book.contributors.filter((c) => c.unitId === reg.id) : [];

  const [name, setName] = useState(originalName);
  const [kind, setKind] = useState<ContributorKind>(originalKind);
  const [unit, setUnit] = useState<UnitChoice>(reg?.unitId ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const unitValueOf = (unitName: string): UnitChoice => units.find((u) => u.name === unitName)?.value ?? `name:${unitName}`;

  /** The registry id of this contributor in `b`, registering them first when only lines name them. */
  const own = (b: Book): { book: Book; id: string } => (reg ? { book: b, id: reg.id } : ensureContributor(b, originalName, originalKind));

  const save = () => {
    const change = (b0: Book): Book => {
      const own0 = own(b0);
      const id = own0.id;
      let b = own0.book;
      if (name.trim() !== originalName) b = renameContributor(b, id, name);
      if (kind !== (b.contributors.find((c) => c.id === id)?.kind ?? kind)) b = setContributorKind(b, id, kind);
      if (kind === 'person') {
        let unitId: string | null = unit || null;
        if (unit.startsWith('name:')) {
          const r = ensureContributor(b, unit.slice(5), 'unit');
          b = r.book;
          unitId = r.id;
        }
        b = setContributorUnit(b, id, unitId);
      }
      return b;
    };
    run(change, { key: 'volume.undo.contributor', params: { name: originalName } });
  };

  /** Tries the change on the loaded book first, so a refusal (a name already taken …) shows here, then applies it. */
  const run = (change: (b: Book) => Book, label: { key: 'volume.undo.contributor' | 'volume.undo.merged'; params: Record<string, string> }) => {
    try {
      if (jsonEqual(change(book), book)) return onClose(); // nothing changed: no book change, no undo entry
    } catch (e) {
      if (isUserError(e)) return setError(e.localized(locale));
      throw e;
    }
    setBusy(true);
    void wb.changeBook(change, { snapshot: true, undo: label }).then((ok) => {
      setBusy(false);
      if (ok) onClose();
    });
  };

  const merge = (into: ContributorStat) => {
    const change = (b0: Book): Book => {
      const { book: b1, id } = own(b0);
      const target = ensureListedContributor(b1, into);
      return mergeContributors(target.book, id, target.id);
    };
    run(change, { key: 'volume.undo.merged', params: { from: originalName, into: into.name } });
  };

  const s = stat;
  return (
    <Modal title={t('volume.registry.editTitle', { name: originalName })} onClose={onClose} wide>
      <form
        className="form contributor-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        {reg ? null : <p className="hint">{t('volume.contributor.unregistered', { name: originalName })}</p>}
        {s ? (
          <p className="muted small">
            {t('volume.contributor.credits', {
              entries: formatNumber(s.entries, locale),
              chars: formatNumber(s.characters, locale),
              figures: s.figures,
              sections: s.sections.length,
            })}
          </p>
        ) : null}
        <label>
          <span>{t('volume.contributor.name')}</span>
          <input
            value={name}
            autoFocus
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
          />
        </label>
        <fieldset className="contributor-kind">
          <legend>{t('volume.contributor.kind')}</legend>
          <label>
            <input type="radio" name="contributor-kind" checked={kind === 'person'} onChange={() => setKind('person')} />
            {t('volume.contributor.person')}
          </label>
          <label>
            <input type="radio" name="contributor-kind" checked={kind === 'unit'} onChange={() => setKind('unit')} />
            {t('volume.contributor.unitKind')}
          </label>
        </fieldset>
        {kind === 'unit' && people.length ? <p className="muted small">{t('volume.contributor.people', { names: people.map((p) => p.name).join('、') })}</p> : null}
        {kind === 'person' && originalKind === 'unit' && people.length ? <p className="hint">{t('volume.contributor.kindChangeNote', { n: people.length })}</p> : null}
        {kind === 'person' ? (
          <label>
            <span>{t('volume.contributor.unit')}</span>
            <select value={unit} onChange={(e) => setUnit(e.target.value)}>
              <option value="">{t('volume.contributor.noUnit')}</option>
              {units.map((u) => (
                <option key={u.value} value={u.value}>
                  {u.label}
                </option>
              ))}
              {unit.startsWith('name:') && !units.some((u) => u.value === unit) ? <option value={unit}>{t('volume.contributor.unregisteredUnit', { name: unit.slice(5) })}</option> : null}
            </select>
          </label>
        ) : null}
        {kind === 'person' && proposal && unit !== unitValueOf(proposal) ? (
          <p className="contributor-proposal">
            <span>{t('volume.contributor.proposal', { unit: proposal })}</span>{' '}
            <button type="button" className="button is-small" onClick={() => setUnit(unitValueOf(proposal))}>
              {t('volume.contributor.useProposal')}
            </button>
          </p>
        ) : null}
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="modal-buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="button is-primary" disabled={busy}>
            {t('volume.contributor.save')}
          </button>
        </div>
      </form>
      <MergePanel stats={stats} self={{ key: reg?.id ?? contributorKey, name: originalName, kind: originalKind }} busy={busy} onMerge={merge} />
    </Modal>
  );
}

/** The units a person can be given: registered units and units only lines name, by name. */
function unitChoices(book: Book, stats: readonly ContributorStat[], self: string, unregistered: (name: string) => string): { value: UnitChoice; label: string; name: string }[] {
  const registered = book.contributors.filter((c) => c.kind === 'unit' && c.name !== self).map((c) => ({ value: c.id, label: c.name, name: c.name }));
  const named = stats.filter((s) => s.kind === 'unit' && !s.registered && s.name !== self).map((s) => ({ value: `name:${s.name}`, label: unregistered(s.name), name: s.name }));
  return [...registered, ...named].sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}

function MergePanel({ stats, self, busy, onMerge }: { stats: ContributorStat[]; self: { key: string; name: string; kind: ContributorKind }; busy: boolean; onMerge(into: ContributorStat): void }) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [pick, setPick] = useState<string | null>(null);
  const match = useMatcher(query);
  const candidates = useMemo(() => {
    const others = stats.filter((s) => s.key !== self.key && !(s.name === self.name && !s.registered));
    const likely = others.filter((s) => looksLikeSameContributor(self, s));
    const rest = others.filter((s) => !likely.includes(s)).sort((a, b) => Number(b.kind === self.kind) - Number(a.kind === self.kind));
    return [...likely.map((s) => ({ s, likely: true })), ...rest.map((s) => ({ s, likely: false }))];
  }, [stats, self]);
  const shown = candidates.filter((c) => match(c.s.name)).slice(0, 60);
  const chosen = candidates.find((c) => c.s.key === pick)?.s ?? (query ? shown[0]?.s : candidates.find((c) => c.likely)?.s);
  return (
    <section className="merge-panel" aria-label={t('volume.contributor.merge')}>
      <h3 className="card-kicker">{t('volume.contributor.merge')}</h3>
      <p className="muted small">{t('volume.contributor.mergeHint', { name: self.name })}</p>
      <input className="palette-input" type="search" value={query} aria-label={t('volume.contributor.mergeSearch')} placeholder={t('volume.contributor.mergeSearch')} onChange={(e) => setQuery(e.target.value)} />
      {shown.length === 0 ? (
        <p className="muted small">{t('volume.contributor.mergeNone')}</p>
      ) : (
        <ul className="palette-list merge-targets" role="listbox" aria-label={t('volume.contributor.mergeTargets')}>
          {shown.map(({ s, likely }) => (
            <li
              key={s.key}
              role="option"
              aria-selected={chosen?.key === s.key}
              className={`palette-item${chosen?.key === s.key ? ' is-current' : ''}`}
              onClick={() => setPick(s.key)}
            >
              <span className="palette-label">
                {s.name}
                {s.unit ? <span className="muted small"> {t('volume.registry.unitOf', { unit: s.unit })}</span> : null}
              </span>
              {likely ? <span className="badge">{t('volume.contributor.mergeLikely')}</span> : null}
              <span className="palette-accel">{t(s.kind === 'person' ? 'volume.contributor.person' : 'volume.contributor.unitKind')}</span>
            </li>
          ))}
        </ul>
      )}
      <div className="modal-buttons">
        <button type="button" className="button is-danger" disabled={!chosen || busy} onClick={() => chosen && onMerge(chosen)}>
          {t('volume.contributor.mergeConfirm', { name: chosen?.name ?? '…' })}
        </button>
      </div>
    </section>
  );
}
