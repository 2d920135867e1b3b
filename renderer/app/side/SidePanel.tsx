// The side panel on the right: tabs. Built in: 详情 (the entry at the caret, the section, its attribution
// lines and what each covers) and 历史 (revisions of the section). Other features add a tab by appending to
// SIDE_TABS (e.g. the checker's problems panel); a tab is a component that reads the workbench state.
import { memo, useDeferredValue, useState, type ComponentType } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { sectionEntries, type Attribution, type Entry, type Section, type Stage } from '../../../shared/model';
import { ROLE_KEYS } from '../volume/registryTables';
import { nextStage, STAGE_KEYS, STAGES } from '../volume/stage';
import { entryCounts } from '../../storage/rows';
import { useT, useWb, useWorkbench } from '../context';
import type { WorkbenchState } from '../workbench';
import type { NodeRow } from '../../storage/schema';
import { formatChars, formatNumber, formatTime } from '../format';
import { ContributorsTab } from './ContributorsTab';
import { PROBLEMS_TAB } from '../problems/controller';
import { ProblemsPanel } from '../problems/ProblemsPanel';
import { BookFindPanel } from '../find/BookFindPanel';
import { FIND_TAB } from '../find/bookFind';
import { CommentsTab } from './CommentsTab';
import { EntryIndexFact, TablesFiguresCard } from './DetailsExtras';
import { IndexTab } from './IndexTab';
import { SourceCard } from '../source/SourceCard';

export interface SideTab {
  id: string;
  label: MessageKey;
  Component: ComponentType;
}

export const SIDE_TABS: SideTab[] = [
  { id: 'details', label: 'app.side.details', Component: DetailsTab },
  { id: 'history', label: 'app.side.history', Component: HistoryTab },
  { id: PROBLEMS_TAB, label: 'problems.tab', Component: ProblemsPanel },
  { id: 'contributors', label: 'app.side.contributors', Component: ContributorsTab },
  { id: FIND_TAB, label: 'bookFind.tab', Component: BookFindPanel },
  { id: 'comments', label: 'commentsTab.tab', Component: CommentsTab },
  { id: 'index', label: 'indexTab.tab', Component: IndexTab },
];

export function SidePanel() {
  const wb = useWorkbench();
  const t = useT();
  const tab = useWb((s) => s.view.sideTab);
  const current = SIDE_TABS.find((x) => x.id === tab) ?? SIDE_TABS[0]!;
  return (
    <aside className="side-panel" aria-label={t('app.side.label')}>
      <div className="side-tabs" role="tablist">
        {SIDE_TABS.map((x) => (
          <button
            key={x.id}
            type="button"
            role="tab"
            id={`tab-${x.id}`}
            aria-selected={x.id === current.id}
            aria-controls={`tabpanel-${x.id}`}
            className={`side-tab${x.id === current.id ? ' is-current' : ''}`}
            onClick={() => void wb.setView({ sideTab: x.id })}
          >
            {t(x.label)}
          </button>
        ))}
      </div>
      <div className="side-body" role="tabpanel" id={`tabpanel-${current.id}`} aria-labelledby={`tab-${current.id}`}>
        <current.Component />
      </div>
    </aside>
  );
}

/** Attribution blocks of a section in reading order. */
function attributionsOf(section: Section): Attribution[] {
  const out: Attribution[] = [];
  const fromEntry = (e: Entry) => {
    for (const b of e.blocks) if (b.type === 'attribution') out.push(b);
  };
  for (const c of section.children) {
    if (c.type === 'attribution') out.push(c);
    else if (c.type === 'entry') fromEntry(c);
    else if (c.type === 'subsection') {
      for (const s of c.children) {
        if (s.type === 'attribution') out.push(s);
        else if (s.type === 'entry') fromEntry(s);
      }
    }
  }
  return out;
}

/**
 * 详情 follows the open section a moment behind the typing: the section changes with every keystroke, and this
 * tab's render (entries, attribution lines, coverage) runs as a deferred update React may interrupt, not in the
 * keystroke's own frame.
 */
function DetailsTab() {
  const open = useDeferredValue(useWb((s) => s.open));
  const caret = useWb((s) => s.caret);
  const selectedId = useWb((s) => s.selectedId);
  const locale = useWb((s) => s.view.locale);
  const node = useWb((s) => (s.open ? s.outline.find((n) => n.id === s.open!.id) : undefined));
  return <DetailsBody open={open} caret={caret} selectedId={selectedId} locale={locale} node={node} />;
}

const DetailsBody = memo(function DetailsBody({
  open,
  caret,
  selectedId,
  locale,
  node,
}: {
  open: WorkbenchState['open'];
  caret: WorkbenchState['caret'];
  selectedId: WorkbenchState['selectedId'];
  locale: WorkbenchState['view']['locale'];
  node: NodeRow | undefined;
}) {
  const wb = useWorkbench();
  const t = useT();

  if (!open) return <p className="side-empty">{t('app.side.nothingOpen')}</p>;
  if (open.kind === 'matter') {
    return (
      <section className="card">
        <h3 className="card-title">{open.matter.title}</h3>
        <p className="muted">{t('app.side.matterNote')}</p>
      </section>
    );
  }
  const section = open.section;
  const entries = sectionEntries(section);
  const entryId = caret.entryId ?? (entries.some((e) => e.id === selectedId) ? selectedId : null);
  const entry = entries.find((e) => e.id === entryId);
  const attributions = attributionsOf(section);
  const titleOf = new Map(entries.map((e) => [e.id, e.title]));
  const covered = new Set(attributions.flatMap((a) => a.covers));
  const uncovered = entries.filter((e) => !covered.has(e.id));

  return (
    <>
      {entry ? <EntryCard entry={entry} section={section} attributions={attributions} /> : null}
      <TablesFiguresCard section={section} />
      <section className="card" aria-label={t('kind.section')}>
        <div className="card-kicker">{t('kind.section')}</div>
        <h3 className="card-title">{section.title}</h3>
        <dl className="facts">
          <dt>{t('app.side.status')}</dt>
          <dd>
            <span className={`badge stage-${section.status.stage}`}>{t(STAGE_KEYS[section.status.stage])}</span>
            {section.status.by ? <span className="muted"> {section.status.by}</span> : null}
            {section.status.at ? <span className="muted"> {formatTime(section.status.at, locale)}</span> : null}
            <StageChanger key={section.id} sectionId={section.id} stage={section.status.stage} />
          </dd>
          <dt>{t('app.side.entries')}</dt>
          <dd>{formatNumber(entries.length, locale)}</dd>
          <dt>{t('app.side.chars')}</dt>
          <dd>{node ? formatNumber(node.counts.characters, locale) : '—'}</dd>
          {node && (node.counts.tables || node.counts.figures) ? (
            <>
              <dt>{t('app.side.tablesFigures')}</dt>
              <dd>{t('app.side.tablesFiguresValue', { tables: node.counts.tables, figures: node.counts.figures })}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="card" aria-label={t('app.side.attributions')}>
        <div className="card-kicker">{t('app.side.attributions')}</div>
        {attributions.length === 0 ? (
          <p className="muted">{t('app.side.noAttributions')}</p>
        ) : (
          <ul className="attr-list">
            {attributions.map((a) => (
              <li key={a.id} className="attr">
                <div className="attr-head">
                  <span className={`badge attr-${a.kind}`}>{t(ROLE_KEYS[a.kind])}</span>
                  <span className="attr-names">
                    {a.names.map((n) => (
                      <span key={n} className="chip">
                        {n}
                      </span>
                    ))}
                  </span>
                </div>
                {a.covers.length ? (
                  <Covers covers={a.covers} titleOf={titleOf} onOpen={(id) => void wb.openNode(id)} />
                ) : (
                  <div className="attr-covers muted">{t('app.side.coversNone')}</div>
                )}
              </li>
            ))}
          </ul>
        )}
        {attributions.length > 0 && uncovered.length > 0 ? (
          <p className="hint">{t('app.side.uncovered', { count: uncovered.length, first: uncovered[0]!.title })}</p>
        ) : null}
      </section>
      <SourceCard sectionId={section.id} />
    </>
  );
});


/** 更改状态: the next stage (or any), signed with the editor's name (remembered) and the time. */
function StageChanger({ sectionId, stage }: { sectionId: string; stage: Stage }) {
  const wb = useWorkbench();
  const t = useT();
  const remembered = useWb((s) => s.view.editorName);
  const [open, setOpen] = useState(false);
  const next = nextStage(stage);
  const [choice, setChoice] = useState<Stage>(next);
  const [name, setName] = useState(remembered);
  if (!open) {
    return (
      <button
        type="button"
        className="link stage-change"
        onClick={() => {
          setChoice(next);
          setName(remembered);
          setOpen(true);
        }}
      >
        {t('app.side.changeStage')}
      </button>
    );
  }
  return (
    <form
      className="stage-form"
      aria-label={t('app.side.changeStage')}
      onSubmit={(e) => {
        e.preventDefault();
        void wb.setSectionStage(sectionId, choice, name).then((ok) => ok && setOpen(false));
      }}
    >
      <select value={choice} aria-label={t('app.side.status')} onChange={(e) => setChoice(e.target.value as Stage)}>
        {STAGES.map((k) => (
          <option key={k} value={k}>
            {t(STAGE_KEYS[k])}
          </option>
        ))}
      </select>
      <input value={name} placeholder={t('app.side.stageBy')} aria-label={t('app.side.stageBy')} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="button is-small is-primary">
        {t('app.side.setStage')}
      </button>
      <button type="button" className="button is-small" onClick={() => setOpen(false)}>
        {t('app.cancel')}
      </button>
    </form>
  );
}

const COVERS_SHOWN = 6;

/** The entries an attribution covers; long lists are folded. */
function Covers({ covers, titleOf, onOpen }: { covers: string[]; titleOf: Map<string, string>; onOpen(id: string): void }) {
  const t = useT();
  const [all, setAll] = useState(false);
  const shown = all ? covers : covers.slice(0, COVERS_SHOWN);
  return (
    <div className="attr-covers">
      <span className="muted">{t('app.side.covers', { count: covers.length })}</span>
      {shown.map((id) => (
        <button key={id} type="button" className="link" onClick={() => onOpen(id)}>
          {titleOf.get(id) ?? id}
        </button>
      ))}
      {covers.length > COVERS_SHOWN ? (
        <button type="button" className="link is-more" onClick={() => setAll(!all)}>
          {all ? t('app.side.coversLess') : t('app.side.coversMore', { count: covers.length - COVERS_SHOWN })}
        </button>
      ) : null}
    </div>
  );
}

function EntryCard({ entry, section, attributions }: { entry: Entry; section: Section; attributions: Attribution[] }) {
  const t = useT();
  const locale = useWb((s) => s.view.locale);
  const counts = entryCounts(entry);
  const paragraphs = entry.blocks.filter((b) => b.type === 'paragraph').length;
  const by = attributions.filter((a) => a.covers.includes(entry.id));
  const stage = entry.status?.stage;
  return (
    <section className="card is-entry" aria-label={t('kind.entry')}>
      <div className="card-kicker">{t('kind.entry')}</div>
      <h3 className="card-title">【{entry.title || t('app.outline.untitled')}】</h3>
      <dl className="facts">
        <dt>{t('app.side.chars')}</dt>
        <dd>
          {formatNumber(counts.characters, locale)}
          {counts.characters >= 10_000 ? <span className="muted"> · {formatChars(counts.characters, locale)}</span> : null}
        </dd>
        <dt>{t('app.side.paragraphs')}</dt>
        <dd>{t('app.side.paragraphsValue', { paragraphs, tables: counts.tables, figures: counts.figures })}</dd>
        <dt>{t('app.side.status')}</dt>
        <dd>
          {stage ? (
            <span className={`badge stage-${stage}`}>{t(STAGE_KEYS[stage]!)}</span>
          ) : (
            <span className="muted">{t('app.side.statusFromSection', { stage: t(STAGE_KEYS[section.status.stage]) })}</span>
          )}
        </dd>
        <dt>{t('app.side.attributedTo')}</dt>
        <dd>{by.length ? by.map((a) => t('label.withNote', { text: a.names.join('、'), note: t(ROLE_KEYS[a.kind]) })).join(t('label.groupSep')) : <span className="muted">{t('app.side.none')}</span>}</dd>
        <EntryIndexFact entry={entry} />
      </dl>
    </section>
  );
}

const REASON_KEYS: Record<string, MessageKey> = {
  autosave: 'app.history.autosave',
  restore: 'app.history.restore',
  replace: 'app.history.replace',
};

function HistoryTab() {
  const wb = useWorkbench();
  const t = useT();
  const open = useWb((s) => s.open);
  const revisions = useWb((s) => s.revisions);
  const locale = useWb((s) => s.view.locale);
  const [confirm, setConfirm] = useState<number | null>(null);
  if (!open || open.kind !== 'section') return <p className="side-empty">{t('app.side.nothingOpen')}</p>;
  if (!revisions) return <p className="side-empty">{t('app.loading')}</p>;
  return (
    <section className="card">
      <div className="card-kicker">{t('app.history.title', { title: open.section.title })}</div>
      <p className="muted small">{t('app.history.explain')}</p>
      {revisions.length === 0 ? (
        <p className="muted">{t('app.history.none')}</p>
      ) : (
        <ol className="rev-list">
          {revisions.map((r) => (
            <li key={r.id} className="rev">
              <div>
                <div>{formatTime(r.createdAt, locale)}</div>
                <div className="muted small">
                  {t(REASON_KEYS[r.reason]!)} · {t('app.history.chars', { chars: formatNumber(r.characters, locale) })}
                </div>
              </div>
              {confirm === r.id ? (
                <span className="rev-confirm">
                  <button type="button" className="button is-primary is-small" onClick={() => void wb.restoreRevision(r.id).then(() => setConfirm(null))}>
                    {t('app.history.confirm')}
                  </button>
                  <button type="button" className="button is-small" onClick={() => setConfirm(null)}>
                    {t('app.cancel')}
                  </button>
                </span>
              ) : (
                <button type="button" className="button is-small" onClick={() => setConfirm(r.id)}>
                  {t('app.history.restoreButton')}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
