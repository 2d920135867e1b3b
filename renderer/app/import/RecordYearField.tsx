// The record year accepting gives the book (记述年度), beside 接受导入: the year the drafts state (their title
// line, a report's date, a review heading, entry openings — shared/import/years.ts) for a book without content
// yet, else the book's own; why, in one line; and a field to change it before accepting. The checker reads this
// year (相对时间, 年份写法), so a wrong one gives wrong advice.
import { useId } from 'react';
import { useT, useWb } from '../context';
import { useImport, useSession } from './importContext';
import { chosenYear, proposeYear, yearsAfter } from './importSession';

export function RecordYearField() {
  const t = useT();
  const session = useSession();
  const id = useId();
  const book = useWb((s) => s.book);
  const outline = useWb((s) => s.outline);
  const drafts = useImport((s) => s.drafts);
  const input = useImport((s) => s.yearInput);
  const accepting = useImport((s) => s.accepting);
  if (!book || !drafts.some((d) => d.status === 'ready' && d.result)) return null;
  const p = proposeYear(drafts, book, outline);
  const year = chosenYear(input, p);
  const source = p.from && p.file ? t('importUi.year.fromDrafts', { from: t(`import.yearFrom.${p.from}`), file: p.file }) : '';
  const why =
    p.reason === 'drafts'
      ? t('importUi.year.drafts', { source })
      : p.reason === 'same'
        ? t('importUi.year.same', { source })
        : p.reason === 'kept'
          ? t('importUi.year.kept', { draft: p.draftYear ?? '', source, book: book.recordYear })
          : t('importUi.year.unknown', { book: book.recordYear });
  const after = year !== null && year !== book.recordYear ? yearsAfter(book, year, p) : null;
  const unit = t('importUi.year.unit');
  return (
    <div className="imp-year" data-reason={p.reason}>
      <label className="imp-year-field" htmlFor={id}>
        {t('importUi.year')}
      </label>
      <input
        id={id}
        className={year === null ? 'imp-year-input is-bad' : 'imp-year-input'}
        inputMode="numeric"
        maxLength={4}
        value={input ?? String(p.recordYear)}
        aria-invalid={year === null}
        aria-describedby={`${id}-why`}
        disabled={accepting}
        onChange={(e) => session.setYear(e.target.value === String(p.recordYear) ? null : e.target.value)}
      />
      {unit ? <span>{unit}</span> : null}
      {input !== null ? (
        <button type="button" className="button is-quiet small" onClick={() => session.setYear(null)}>
          {t('importUi.year.reset')}
        </button>
      ) : null}
      <span id={`${id}-why`} className="imp-year-why small" role="status">
        {year === null ? <span className="imp-bad">{t('importUi.year.bad')}</span> : input === null ? <span>{why}</span> : null}
        {after ? <span className="is-change">{t('importUi.year.change', { record: after.recordYear, volume: after.volumeYear, oldRecord: book.recordYear, oldVolume: book.volumeYear })}</span> : null}
        {p.years.length > 1 ? <span className="is-differ">{t('importUi.year.differ', { years: p.years.join(t('label.listSep')) })}</span> : null}
      </span>
    </div>
  );
}
