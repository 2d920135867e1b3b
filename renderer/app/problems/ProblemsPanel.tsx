// The 问题 tab of the side panel, like an IDE's problems panel: the checker's findings grouped by section and
// rule, filtered by scope (book, the open section's category, the open section), severity, rule and text; a
// click opens the section with the text selected; each finding with a fix has 修正 (its before → after shown on
// hover and focus) and 忽略, each rule group 全部修正… (a preview, one undo); 体例设置… and the ignored count open
// the house-style dialog.
import './problems.css';
import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import { cellLabel, findingMessage, findingReason, fixLabelText, type Finding, type Severity, type SeverityCounts } from '../../../shared/validate';
import { useT, useWb } from '../context';
import { formatNumber } from '../format';
import { openPlace, ruleTitle, useProblems, useProblemsController, type ProblemsController } from './controller';
import { filterFindings, groupFindings, ruleOptions, severityCounts, type PlaceGroup, type ProblemFilter, type RuleGroup } from './model';

/** Rows shown per rule group before "show more" (a full volume can have thousands of findings). */
const PAGE = 40;
/** Up to this many findings, every group starts expanded; above, only the open section's. */
const EXPAND_ALL_UP_TO = 400;

export function ProblemsPanel() {
  const t = useT();
  const ctl = useProblemsController();
  const status = useProblems((s) => s.status);
  const findings = useProblems((s) => s.findings);
  const filter = useProblems((s) => s.filter);
  const fixing = useProblems((s) => s.fixing);
  const openId = useWb((s) => s.open?.id ?? null);
  const categoryId = useWb((s) => openPlace(s).categoryId);
  const ignoredCount = useWb((s) => s.book?.shell.houseStyle.ignored?.length ?? 0);
  const locale = useWb((s) => s.view.locale);

  const visible = useMemo(() => filterFindings(findings, filter, openId, categoryId), [findings, filter, openId, categoryId]);
  const groups = useMemo(() => groupFindings(visible), [visible]);
  const totals = useMemo(() => severityCounts(visible), [visible]);
  const rules = useMemo(() => ruleOptions(findings), [findings]);
  const [collapsed, setCollapsed] = useState<Record<string, boolean>>({});
  const expandAll = visible.length <= EXPAND_ALL_UP_TO;
  const isOpen = (g: PlaceGroup) => collapsed[g.key] === undefined ? expandAll || g.key === openId : !collapsed[g.key];

  const working = status === 'loading' || (status === 'checking' && findings.length === 0);
  const bookFixable = filter.ruleId !== 'all' ? visible.filter((f) => f.fixes[0]).length : 0;

  return (
    <div className="pb-panel" aria-label={t('problems.label')} data-status={status} aria-busy={status === 'loading' || status === 'checking'}>
      <div className="pb-head">
        <div className="pb-totals" role="status">
          <SeverityDot severity="error" /> {formatNumber(totals.error, locale)}
          <SeverityDot severity="warning" /> {formatNumber(totals.warning, locale)}
          <SeverityDot severity="info" /> {formatNumber(totals.info, locale)}
          {status === 'checking' ? <span className="pb-spinner" aria-label={t('problems.checking')} /> : null}
        </div>
        <div className="pb-actions">
          <button type="button" className="button is-small" onClick={() => void ctl.checkNow()} disabled={status === 'loading'}>
            {t('problems.recheck')}
          </button>
          <button type="button" className="button is-small" onClick={() => ctl.openDialog({ kind: 'summary' })}>
            {t('problems.summary')}
          </button>
          <button type="button" className="button is-small" onClick={() => ctl.openHouseStyle()}>
            {t('problems.houseStyle')}
          </button>
        </div>
      </div>
      {ignoredCount ? (
        <button type="button" className="pb-link pb-ignored" onClick={() => ctl.openHouseStyle('ignored')}>
          {t('problems.ignored.count', { count: ignoredCount })}
        </button>
      ) : null}
      <div className="pb-filters">
        <select aria-label={t('problems.scope.label')} value={filter.scope} onChange={(e) => ctl.setFilter({ scope: e.target.value as ProblemFilter['scope'] })}>
          <option value="book">{t('problems.scope.book')}</option>
          <option value="category">{t('problems.scope.category')}</option>
          <option value="section">{t('problems.scope.section')}</option>
        </select>
        <select aria-label={t('problems.filter.severity')} value={filter.severity} onChange={(e) => ctl.setFilter({ severity: e.target.value as Severity | 'all' })}>
          <option value="all">{t('problems.filter.allSeverities')}</option>
          <option value="error">{t('validate.severity.error')}</option>
          <option value="warning">{t('validate.severity.warning')}</option>
          <option value="info">{t('validate.severity.info')}</option>
        </select>
        <select aria-label={t('problems.filter.rule')} value={filter.ruleId} onChange={(e) => ctl.setFilter({ ruleId: e.target.value })}>
          <option value="all">{t('problems.filter.allRules')}</option>
          {rules.map((r) => (
            <option key={r.ruleId} value={r.ruleId}>
              {t('label.withNote', { text: ruleTitle(r.ruleId), note: r.count })}
            </option>
          ))}
        </select>
        <input type="search" placeholder={t('problems.filter.text')} aria-label={t('problems.filter.text')} value={filter.query} onChange={(e) => ctl.setFilter({ query: e.target.value })} />
        {bookFixable > 0 && filter.scope === 'book' ? (
          <button type="button" className="button is-small pb-fix-book" disabled={fixing} onClick={() => ctl.previewFixAll(filter.ruleId, null)}>
            {t('problems.fixAll.book')}
          </button>
        ) : null}
      </div>
      <div className="pb-list">
        {status === 'error' ? <p className="pb-error" role="alert">{t('problems.failed')}</p> : null}
        {working ? (
          <p className="side-empty">{t(status === 'loading' ? 'problems.loading' : 'problems.checking')}</p>
        ) : groups.length === 0 && status === 'ready' ? (
          <p className="side-empty">{t(findings.length ? 'problems.noneFiltered' : 'problems.none')}</p>
        ) : (
          groups.map((g) => (
            <PlaceView
              key={g.key}
              group={g}
              open={isOpen(g)}
              ctl={ctl}
              fixing={fixing}
              onToggle={() => setCollapsed((c) => ({ ...c, [g.key]: isOpen(g) }))}
            />
          ))
        )}
      </div>
    </div>
  );
}

function SeverityDot({ severity }: { severity: Severity }) {
  const t = useT();
  return <span className={`pb-sev is-${severity}`} role="img" aria-label={t(`validate.severity.${severity}`)} title={t(`validate.severity.${severity}`)} />;
}

function Counts({ counts }: { counts: SeverityCounts }) {
  return (
    <span className="pb-counts">
      {counts.error ? <span className="pb-count is-error">{counts.error}</span> : null}
      {counts.warning ? <span className="pb-count is-warning">{counts.warning}</span> : null}
      {counts.info ? <span className="pb-count is-info">{counts.info}</span> : null}
    </span>
  );
}

function PlaceView({ group, open, onToggle, ctl, fixing }: { group: PlaceGroup; open: boolean; onToggle(): void; ctl: ProblemsController; fixing: boolean }) {
  return (
    <section className="pb-place" data-place={group.key}>
      <button type="button" className="pb-place-head" aria-expanded={open} onClick={onToggle}>
        <span className="pb-twisty" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="pb-place-title">
          {group.title}
          {group.parentTitle ? <span className="pb-place-parent">{group.parentTitle}</span> : null}
        </span>
        <Counts counts={group.counts} />
      </button>
      {open ? group.rules.map((r) => <RuleView key={r.ruleId} rule={r} sectionId={group.sectionId ?? null} ctl={ctl} fixing={fixing} />) : null}
    </section>
  );
}

function RuleView({ rule, sectionId, ctl, fixing }: { rule: RuleGroup; sectionId: string | null; ctl: ProblemsController; fixing: boolean }) {
  const t = useT();
  const [limit, setLimit] = useState(PAGE);
  const fixable = rule.autoFixable + rule.confirmFixable;
  return (
    <div className="pb-rule" data-rule={rule.ruleId}>
      <div className="pb-rule-head">
        <SeverityDot severity={rule.severity} />
        <span className="pb-rule-title">{ruleTitle(rule.ruleId)}</span>
        <span className="pb-rule-id">{rule.ruleId}</span>
        <span className="pb-rule-count">{t('problems.rule.count', { count: rule.findings.length })}</span>
        {sectionId && fixable > 1 ? (
          <button type="button" className="pb-link" disabled={fixing} onClick={() => ctl.previewFixAll(rule.ruleId, sectionId)}>
            {t('problems.fixAll.section')}
          </button>
        ) : null}
      </div>
      <ul className="pb-items">
        {rule.findings.slice(0, limit).map((f) => (
          <FindingRow key={f.id} f={f} ctl={ctl} fixing={fixing} />
        ))}
      </ul>
      {rule.findings.length > limit ? (
        <button type="button" className="pb-link pb-more" onClick={() => setLimit((n) => n + PAGE * 5)}>
          {t('problems.showMore', { count: rule.findings.length - limit })}
        </button>
      ) : null}
    </div>
  );
}

const FindingRow = memo(function FindingRow({ f, ctl, fixing }: { f: Finding; ctl: ProblemsController; fixing: boolean }) {
  const t = useT();
  const current = useProblems((s) => s.currentId === f.id);
  const locale = useWb((s) => s.view.locale);
  const ref = useRef<HTMLLIElement>(null);
  const [peek, setPeek] = useState(false);
  const peekId = useId();
  useEffect(() => {
    if (current) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [current]);
  const fix = f.fixes[0];
  const l = f.location;
  return (
    <li ref={ref} className={`pb-item is-${f.severity}${current ? ' is-current' : ''}`} data-finding={f.id} data-rule={f.ruleId}>
      <button type="button" className="pb-item-main" onClick={() => void ctl.show(f)} title={findingReason(f, locale) ?? findingMessage(f, locale)}>
        <span className="pb-item-msg">{findingMessage(f, locale)}</span>
        {l.context || l.entryTitle || l.cell ? (
          <span className="pb-item-where">
            {l.entryTitle ? t('problems.where.entry', { title: l.entryTitle }) : null}
            {l.cell ? <span className="pb-item-cell">{cellLabel(l.cell, locale)}</span> : null}
            {l.context ? <span className="pb-item-context">{l.context}</span> : null}
          </span>
        ) : null}
      </button>
      <span className="pb-item-actions">
        {fix ? (
          <button
            type="button"
            className={`pb-fix${fix.requiresConfirmation ? ' is-confirm' : ''}`}
            disabled={fixing}
            aria-label={t('label.pair', { label: t('problems.fix'), value: fixLabelText(fix, locale) })}
            aria-describedby={peek ? peekId : undefined}
            onClick={() => void ctl.fixOne(f)}
            onMouseEnter={() => setPeek(true)}
            onMouseLeave={() => setPeek(false)}
            onFocus={() => setPeek(true)}
            onBlur={() => setPeek(false)}
          >
            {t('problems.fix')}
            {fix.requiresConfirmation ? '…' : ''}
          </button>
        ) : null}
        <button type="button" className="pb-ignore" disabled={fixing} title={t('problems.ignore.title')} onClick={() => void ctl.ignore(f)}>
          {t('problems.ignore')}
        </button>
      </span>
      {fix && peek ? (
        <div className="pb-peek" role="tooltip" id={peekId}>
          <div className="pb-peek-label">
            {t('label.pair', { label: t('problems.fix.peek'), value: fixLabelText(fix, locale) })}
            {fix.requiresConfirmation ? <span className="fp-flag">{t('problems.needsConfirm')}</span> : null}
          </div>
          <div className="fp-before">{fix.preview.before}</div>
          <div className="fp-after">{fix.preview.after}</div>
        </div>
      ) : null}
    </li>
  );
});
