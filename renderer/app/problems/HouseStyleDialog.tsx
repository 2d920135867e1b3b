// 体例设置: the book's house style as the checker uses it. Three pages — 体例 (the standard: national minimum /
// recommended / strict, and the named settings: record year, title lengths, levels, overview titles, 千米/公里,
// 续表, padded names, automatic numbering), 检查规则 (every rule from the rule definitions: on/off, severity,
// parameters) and 已忽略 (findings the editors chose to keep, to restore). While editing, a trial check tells
// how many findings the settings give; 保存 stores everything as one book change with one undo, and the
// problems panel checks again at once.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { CONTINUATION_STYLES, DISTANCE_UNITS } from '../../../shared/model';
import { Checker, RULES, type ParamSpec, type RuleFamily, type Severity, type SeverityCounts } from '../../../shared/validate';
import { Modal } from '../chrome/Dialogs';
import { useT, useWb } from '../context';
import { formatTime } from '../format';
import { useProblems, useProblemsController, type HouseTab } from './controller';
import {
  applyDraft,
  draftChanged,
  draftOf,
  ignoredRows,
  paramText,
  parseParam,
  parseTitles,
  patchStyle,
  PRESETS,
  resetRule,
  ruleRows,
  setRule,
  withoutIgnored,
  type HouseDraft,
  type RuleRow,
} from './houseStyle';
import { severityCounts } from './model';

/** Labels of DISTANCE_UNITS, in its order (auto, 千米, 公里). */
const DISTANCE_LABELS: readonly MessageKey[] = ['problems.house.distance.auto', 'problems.house.distance.qianmi', 'problems.house.distance.gongli'];

const FAMILIES: readonly RuleFamily[] = ['STR', 'ENT', 'TAB', 'FIG', 'NUM', 'PUN', 'UNIT', 'EXP'];

/** What a parameter that follows a named house setting is called on the 体例 page. */
const HOUSE_LABEL: Record<NonNullable<ParamSpec['house']>, MessageKey> = {
  titleWarnLength: 'problems.house.titleWarn',
  titleErrorLength: 'problems.house.titleError',
  overviewTitles: 'problems.house.overview',
  distanceUnit: 'problems.house.distance',
  tableContinuation: 'problems.house.continuation',
  levels: 'problems.house.levels',
  recordYear: 'problems.house.recordYear',
};

export function HouseStyleDialog({ tab, onClose }: { tab: HouseTab; onClose(): void }) {
  const t = useT();
  const ctl = useProblemsController();
  const row = useWb((s) => s.book);
  const [draft, setDraft] = useState<HouseDraft | null>(() => (row ? draftOf(row.shell) : null));
  const [page, setPage] = useState<HouseTab>(tab);
  /** Fields whose text does not parse (the draft keeps the last good value; 保存 waits). */
  const [invalid, setInvalid] = useState<Record<string, boolean>>({});
  const [saving, setSaving] = useState(false);
  const preview = useTrialCheck(draft);
  const tabsId = useId();
  if (!row || !draft) return null;
  const ignoredCount = draft.houseStyle.ignored?.length ?? 0;
  const mark = (key: string, bad: boolean) => setInvalid((m) => (m[key] === bad ? m : { ...m, [key]: bad }));
  const blocked = Object.values(invalid).some(Boolean);

  const save = async () => {
    setSaving(true);
    try {
      await ctl.saveHouseStyle(draft);
    } finally {
      setSaving(false);
    }
  };

  const pages: { id: HouseTab; label: string }[] = [
    { id: 'style', label: t('problems.house.tab.style') },
    { id: 'rules', label: t('problems.house.tab.rules') },
    { id: 'ignored', label: t('problems.house.tab.ignored', { count: ignoredCount }) },
  ];

  return (
    <Modal title={t('problems.house.title')} onClose={onClose} wide dirty={draftChanged(row.shell, draft)}>
      <div className="hs-dialog">
        <div className="hs-tabs" role="tablist" aria-label={t('problems.house.title')}>
          {pages.map((p) => (
            <button
              key={p.id}
              type="button"
              role="tab"
              id={`${tabsId}-${p.id}`}
              aria-selected={page === p.id}
              aria-controls={`${tabsId}-${p.id}-panel`}
              className={`hs-tab${page === p.id ? ' is-current' : ''}`}
              onClick={() => setPage(p.id)}
            >
              {p.label}
            </button>
          ))}
        </div>
        <div className="hs-body" role="tabpanel" id={`${tabsId}-${page}-panel`} aria-labelledby={`${tabsId}-${page}`}>
          {page === 'style' ? <StylePage draft={draft} onChange={setDraft} mark={mark} /> : null}
          {page === 'rules' ? <RulesPage draft={draft} onChange={setDraft} mark={mark} /> : null}
          {page === 'ignored' ? <IgnoredPage draft={draft} onChange={setDraft} /> : null}
        </div>
        <TrialLine preview={preview} />
      </div>
      <div className="modal-buttons">
        <button type="button" className="button" onClick={onClose}>
          {t('app.cancel')}
        </button>
        <button type="button" className="button is-primary" disabled={blocked || saving} onClick={() => void save()}>
          {t('problems.house.save')}
        </button>
      </div>
    </Modal>
  );
}

// ---------------------------------------------------------------------------------------------
// 体例: the standard and the named settings

function StylePage({ draft, onChange, mark }: { draft: HouseDraft; onChange(d: HouseDraft): void; mark(key: string, bad: boolean): void }) {
  const t = useT();
  const hs = draft.houseStyle;
  const preset = hs.preset === 'custom' ? 'recommended' : hs.preset;
  const ignoreQuotes = draft.houseStyle.rules['ENT-TITLE-LEN']?.params?.ignoreQuotes === true;
  const [lengthOrder, setLengthOrder] = useState(false);
  const setLength = (patch: { titleWarnLength?: number; titleErrorLength?: number }) => {
    const next = patchStyle(draft, patch);
    const bad = next.houseStyle.titleErrorLength < next.houseStyle.titleWarnLength;
    setLengthOrder(bad);
    mark('titleOrder', bad);
    onChange(next);
  };
  return (
    <div className="hs-style">
      <fieldset className="hs-presets">
        <legend>{t('problems.house.preset')}</legend>
        {PRESETS.map((p) => (
          <label key={p} className={`hs-preset${preset === p ? ' is-current' : ''}`}>
            <input type="radio" name="hs-preset" value={p} checked={preset === p} onChange={() => onChange(patchStyle(draft, { preset: p }))} />
            <span className="hs-preset-name">{t(`problems.house.preset.${p}`)}</span>
            <span className="hs-preset-desc">{t(`problems.house.preset.${p}.desc`)}</span>
          </label>
        ))}
      </fieldset>
      <fieldset className="hs-named">
        <legend>{t('problems.house.named')}</legend>
        <NumberField label={t('problems.house.recordYear')} hint={t('problems.house.recordYear.hint')} value={draft.recordYear} min={1949} max={2200} onValid={(v) => onChange({ ...draft, recordYear: v })} mark={(bad) => mark('recordYear', bad)} />
        <div className="hs-pair">
          <NumberField label={t('problems.house.titleWarn')} value={hs.titleWarnLength} min={1} max={100} onValid={(v) => setLength({ titleWarnLength: v })} mark={(bad) => mark('titleWarn', bad)} />
          <NumberField label={t('problems.house.titleError')} value={hs.titleErrorLength} min={1} max={100} onValid={(v) => setLength({ titleErrorLength: v })} mark={(bad) => mark('titleError', bad)} />
        </div>
        {lengthOrder ? <p className="hs-error" role="alert">{t('problems.house.bad.order')}</p> : null}
        <label className="hs-check">
          <input type="checkbox" checked={ignoreQuotes} onChange={(e) => onChange(setRule(draft, 'ENT-TITLE-LEN', { params: { ignoreQuotes: e.target.checked } }))} />
          {t('problems.house.titleIgnoreQuotes')}
        </label>
        <div className="hs-pair">
          <label className="hs-field">
            <span>{t('problems.house.levels')}</span>
            <select value={hs.levels} onChange={(e) => onChange(patchStyle(draft, { levels: Number(e.target.value) === 3 ? 3 : 4 }))}>
              <option value={4}>{t('problems.house.levels.4')}</option>
              <option value={3}>{t('problems.house.levels.3')}</option>
            </select>
          </label>
          <TitlesField value={hs.overviewTitles} onValid={(v) => onChange(patchStyle(draft, { overviewTitles: v }))} mark={(bad) => mark('overview', bad)} />
        </div>
        <div className="hs-pair">
          <label className="hs-field">
            <span>{t('problems.house.distance')}</span>
            <select value={hs.distanceUnit} onChange={(e) => onChange(patchStyle(draft, { distanceUnit: e.target.value as HouseDraft['houseStyle']['distanceUnit'] }))}>
              {DISTANCE_UNITS.map((u, i) => (
                <option key={u} value={u}>
                  {t(DISTANCE_LABELS[i]!)}
                </option>
              ))}
            </select>
          </label>
          <label className="hs-field">
            <span>{t('problems.house.continuation')}</span>
            <select
              value={hs.tableContinuation}
              onChange={(e) => onChange(patchStyle(draft, { tableContinuation: CONTINUATION_STYLES.find((c) => c === e.target.value) ?? CONTINUATION_STYLES[0] }))}
            >
              {CONTINUATION_STYLES.map((c, i) => (
                <option key={c} value={c}>
                  {t(i === 0 ? 'problems.house.continuation.plain' : 'problems.house.continuation.numbered')}
                </option>
              ))}
            </select>
          </label>
        </div>
        <label className="hs-check">
          <input type="checkbox" checked={hs.padTwoCharNames} onChange={(e) => onChange(patchStyle(draft, { padTwoCharNames: e.target.checked }))} />
          {t('problems.house.padNames')}
        </label>
        <label className="hs-check">
          <input type="checkbox" checked={hs.autoNumber} onChange={(e) => onChange(patchStyle(draft, { autoNumber: e.target.checked }))} />
          {t('problems.house.autoNumber')}
        </label>
      </fieldset>
    </div>
  );
}

/** A whole number typed as text: the draft takes it once it is valid; until then the field says what is wrong. */
function NumberField({ label, hint, value, min, max, onValid, mark }: { label: string; hint?: string; value: number; min: number; max: number; onValid(v: number): void; mark(bad: boolean): void }) {
  const t = useT();
  const [text, setText] = useState(String(value));
  const [bad, setBad] = useState(false);
  const id = useId();
  return (
    <label className="hs-field">
      <span>{label}</span>
      <input
        inputMode="numeric"
        value={text}
        aria-invalid={bad}
        aria-describedby={hint || bad ? `${id}-note` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value.trim());
          const ok = e.target.value.trim() !== '' && Number.isInteger(n) && n >= min && n <= max;
          setBad(!ok);
          mark(!ok);
          if (ok) onValid(n);
        }}
      />
      {bad ? (
        <small id={`${id}-note`} className="hs-error">
          {t('problems.house.bad.int', { min, max })}
        </small>
      ) : hint ? (
        <small id={`${id}-note`} className="hs-hint">
          {hint}
        </small>
      ) : null}
    </label>
  );
}

function TitlesField({ value, onValid, mark }: { value: string[]; onValid(v: string[]): void; mark(bad: boolean): void }) {
  const t = useT();
  const [text, setText] = useState(value.join('、'));
  const [bad, setBad] = useState(false);
  return (
    <label className="hs-field">
      <span>{t('problems.house.overview')}</span>
      <input
        value={text}
        placeholder={t('problems.house.overview.hint')}
        aria-invalid={bad}
        onChange={(e) => {
          setText(e.target.value);
          const list = parseTitles(e.target.value);
          setBad(!list);
          mark(!list);
          if (list) onValid(list);
        }}
      />
      <small className={bad ? 'hs-error' : 'hs-hint'}>{t(bad ? 'problems.house.bad.titles' : 'problems.house.overview.hint')}</small>
    </label>
  );
}

// ---------------------------------------------------------------------------------------------
// 检查规则: every rule, generated from the rule definitions

function RulesPage({ draft, onChange, mark }: { draft: HouseDraft; onChange(d: HouseDraft): void; mark(key: string, bad: boolean): void }) {
  const t = useT();
  const rows = useMemo(() => ruleRows(draft), [draft]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const q = query.trim().toLowerCase();
  const shown = rows.filter((r) => !q || r.rule.id.toLowerCase().includes(q) || t(r.rule.title).toLowerCase().includes(q) || t(r.rule.description).toLowerCase().includes(q));
  const preset = draft.houseStyle.preset === 'custom' ? 'recommended' : draft.houseStyle.preset;
  return (
    <div className="hs-rules">
      <p className="hs-intro">{t('problems.house.rules.intro', { preset: t(`problems.house.preset.${preset}`) })}</p>
      <input type="search" className="hs-filter" placeholder={t('problems.house.rules.filter')} aria-label={t('problems.house.rules.filter')} value={query} onChange={(e) => setQuery(e.target.value)} />
      <table className="hs-table">
        <thead>
          <tr>
            <th>{t('problems.house.col.rule')}</th>
            <th>{t('problems.house.col.kind')}</th>
            <th>{t('problems.house.col.on')}</th>
            <th>{t('problems.house.col.severity')}</th>
            <th />
          </tr>
        </thead>
        {FAMILIES.map((fam) => {
          const list = shown.filter((r) => r.rule.family === fam);
          if (!list.length) return null;
          return (
            <tbody key={fam}>
              <tr className="hs-family">
                <th colSpan={5}>{t(`problems.house.family.${fam}`)}</th>
              </tr>
              {list.map((r) => (
                <RuleLine key={r.rule.id} row={r} draft={draft} onChange={onChange} open={open === r.rule.id} onToggle={() => setOpen((o) => (o === r.rule.id ? null : r.rule.id))} mark={mark} />
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}

function RuleLine({ row, draft, onChange, open, onToggle, mark }: { row: RuleRow; draft: HouseDraft; onChange(d: HouseDraft): void; open: boolean; onToggle(): void; mark(key: string, bad: boolean): void }) {
  const t = useT();
  const { rule, resolved } = row;
  const title = t(rule.title);
  const houseParams = (rule.params ?? []).filter((p) => p.house);
  const hasParams = row.params.length > 0 || houseParams.length > 0;
  return (
    <>
      <tr className={`hs-rule${row.overridden ? ' is-changed' : ''}${resolved.enabled ? '' : ' is-off'}`} data-rule={rule.id}>
        <td className="hs-rule-name" title={t(rule.description)}>
          <span>{title}</span> <code>{rule.id}</code>
          {row.overridden ? <span className="hs-changed">{t('problems.house.changed')}</span> : null}
        </td>
        <td className="hs-kind">{t(`validate.kind.${rule.kind}`)}</td>
        <td>
          <input type="checkbox" aria-label={t('label.pair', { label: t('problems.house.col.on'), value: title })} checked={resolved.enabled} onChange={(e) => onChange(setRule(draft, rule.id, { enabled: e.target.checked }))} />
        </td>
        <td>
          <select aria-label={t('label.pair', { label: t('problems.house.col.severity'), value: title })} value={resolved.severity} disabled={!resolved.enabled} onChange={(e) => onChange(setRule(draft, rule.id, { severity: e.target.value as Severity }))}>
            {row.severities.map((s) => (
              <option key={s} value={s}>
                {t(`validate.severity.${s}`)}
              </option>
            ))}
          </select>
        </td>
        <td className="hs-rule-actions">
          {hasParams ? (
            <button type="button" className="pb-link" aria-expanded={open} onClick={onToggle}>
              {t('problems.house.params')}
            </button>
          ) : null}
          {row.overridden ? (
            <button type="button" className="pb-link" onClick={() => onChange(resetRule(draft, rule.id))}>
              {t('problems.house.reset')}
            </button>
          ) : null}
        </td>
      </tr>
      {open ? (
        <tr className="hs-params-row">
          <td colSpan={5}>
            <div className="hs-params" role="group" aria-label={t('problems.house.paramsOf', { rule: title })}>
              {row.params.map((p) => (
                <ParamField key={`${p.name}:${JSON.stringify(resolved.params[p.name])}`} spec={p} value={resolved.params[p.name]} onValid={(v) => onChange(setRule(draft, rule.id, { params: { [p.name]: v } }))} mark={(bad) => mark(`${rule.id}.${p.name}`, bad)} />
              ))}
              {houseParams.length ? <p className="hs-hint">{t('problems.house.paramsFromStyle', { what: houseParams.map((p) => t(HOUSE_LABEL[p.house!])).join(t('label.listSep')) })}</p> : null}
            </div>
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** A rule parameter: the control follows its kind (number, switch, choice, list). */
function ParamField({ spec, value, onValid, mark }: { spec: ParamSpec; value: unknown; onValid(v: unknown): void; mark(bad: boolean): void }) {
  const t = useT();
  const [text, setText] = useState(() => paramText(spec, value));
  const [error, setError] = useState<string | null>(null);
  const label = t(spec.description);
  const take = (s: string) => {
    setText(s);
    const r = parseParam(spec, s);
    if ('error' in r) {
      setError(r.error);
      mark(true);
    } else {
      setError(null);
      mark(false);
      onValid(r.value);
    }
  };
  if (spec.kind === 'bool') {
    return (
      <label className="hs-check">
        <input type="checkbox" checked={value === true} onChange={(e) => onValid(e.target.checked)} />
        {label}
      </label>
    );
  }
  return (
    <label className="hs-field">
      <span>{label}</span>
      {spec.kind === 'choice' ? (
        <select value={text} onChange={(e) => take(e.target.value)}>
          {spec.values.map((v) => (
            <option key={String(v)} value={String(v)}>
              {String(v)}
            </option>
          ))}
        </select>
      ) : spec.kind === 'int' ? (
        <input inputMode="numeric" value={text} aria-invalid={!!error} onChange={(e) => take(e.target.value)} />
      ) : (
        <textarea rows={Math.min(6, Math.max(2, text.split('\n').length))} value={text} aria-invalid={!!error} onChange={(e) => take(e.target.value)} />
      )}
      {error ? <small className="hs-error">{t('problems.house.bad.param', { problem: error })}</small> : null}
    </label>
  );
}

// ---------------------------------------------------------------------------------------------
// 已忽略

function IgnoredPage({ draft, onChange }: { draft: HouseDraft; onChange(d: HouseDraft): void }) {
  const t = useT();
  const ctl = useProblemsController();
  const checks = useProblems((s) => s.checks);
  const locale = useWb((s) => s.view.locale);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const rows = useMemo(() => (ctl.model ? ignoredRows({ ...ctl.model, houseStyle: draft.houseStyle }) : []), [ctl, draft, checks]);
  if (!rows.length) return <p className="side-empty">{t('problems.house.ignored.none')}</p>;
  return (
    <div className="hs-ignored">
      <div className="hs-ignored-head">
        <p className="hs-intro">{t('problems.house.ignored.intro')}</p>
        <button type="button" className="button is-small" onClick={() => onChange(withoutIgnored(draft, rows.map((r) => r.index)))}>
          {t('problems.house.ignored.restoreAll')}
        </button>
      </div>
      <ul className="hs-ignored-list">
        {rows.map((r) => (
          <li key={`${r.index}:${r.item.ruleId}:${r.item.nodeId}`} className={`hs-ignored-item${r.gone ? ' is-gone' : ''}`} data-rule={r.item.ruleId}>
            <div className="hs-ignored-main">
              <span className="hs-ignored-rule">{r.ruleTitleKey ? t(r.ruleTitleKey) : r.item.ruleId}</span>
              <span className="hs-ignored-text">
                {r.item.text !== undefined ? (
                  <>
                    {r.item.before ? `…${r.item.before}` : ''}
                    <mark>{r.item.text}</mark>
                    {r.item.after ? `${r.item.after}…` : ''}
                  </>
                ) : (
                  t('problems.house.ignored.whole')
                )}
              </span>
              <span className="hs-ignored-where">{r.gone ? t('problems.house.ignored.gone') : r.where || t('problems.bookLevel')}</span>
              {r.item.by || r.item.at ? <span className="hs-ignored-meta">{t('problems.house.ignored.meta', { by: r.item.by ?? '', at: r.item.at ? formatTime(r.item.at, locale) : '' })}</span> : null}
            </div>
            <button type="button" className="button is-small" onClick={() => onChange(withoutIgnored(draft, [r.index]))}>
              {t('problems.house.ignored.restore')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// Trial check

type Trial = { state: 'pending' } | { state: 'done'; counts: SeverityCounts } | { state: 'none' };

/** Checks the book with the draft (debounced, with its own checker) to show what the settings would give. */
function useTrialCheck(draft: HouseDraft | null): Trial {
  const ctl = useProblemsController();
  const checks = useProblems((s) => s.checks);
  const checker = useRef<Checker | null>(null);
  // The counts with the draft and the check they were made after; pending while either has moved on.
  const [result, setResult] = useState<{ draft: HouseDraft; checks: number; counts: SeverityCounts | null } | null>(null);
  const model = ctl.model;
  useEffect(() => {
    if (!draft || !model) return;
    const timer = setTimeout(() => {
      let counts: SeverityCounts | null = null;
      try {
        checker.current ??= new Checker();
        counts = severityCounts(checker.current.check(applyDraft(model, draft)).findings);
      } catch (e) {
        ctl.log('the trial check of the house style failed', e);
      }
      setResult({ draft, checks, counts });
    }, 300);
    return () => clearTimeout(timer);
  }, [ctl, model, draft, checks]);
  if (!draft || !model) return { state: 'none' };
  if (!result || result.draft !== draft || result.checks !== checks) return { state: 'pending' };
  return result.counts ? { state: 'done', counts: result.counts } : { state: 'none' };
}

function TrialLine({ preview }: { preview: Trial }) {
  const t = useT();
  const findings = useProblems((s) => s.findings);
  const now = useMemo(() => severityCounts(findings), [findings]);
  if (preview.state === 'none') return null;
  if (preview.state === 'pending') return <p className="hs-trial is-pending" role="status">{t('problems.house.previewing')}</p>;
  const c = preview.counts;
  const same = c.error === now.error && c.warning === now.warning && c.info === now.info;
  return (
    <p className="hs-trial" role="status" data-error={c.error} data-warning={c.warning} data-info={c.info}>
      {t('problems.house.preview', { ...c })}
      <span className="hs-trial-now">{same ? t('label.paren', { text: t('problems.house.previewSame') }) : t('problems.house.previewDiff', { ...now })}</span>
    </p>
  );
}

// Every rule has a family heading (checked once when the module loads, so a new family cannot go unlisted).
for (const r of RULES) if (!FAMILIES.includes(r.family)) throw new Error(`rule family ${r.family} has no heading in the house-style dialog`);
