// Where one file's draft goes: 按识别结果放置 (each recognised part where its kind belongs, as the command line
// places it), 新建分目 (into a category of the book, or a new category named after the recognised one),
// 追加到分目 (after the content of a section), 替换分目 (instead of it; confirmed on accept).
import { useId } from 'react';
import { useT, useWb } from '../context';
import { useSession } from './importContext';
import { bookCategories, type Draft, type DraftPlacement } from './importSession';

export function PlacementPicker({ draft }: { draft: Draft }) {
  const t = useT();
  const session = useSession();
  const outline = useWb((s) => s.outline);
  const cats = bookCategories(outline);
  const name = useId();
  const p = draft.placement;
  const counts = draft.result!.report.counts;
  const recognisedTitle = draft.result!.categories[0]?.title ?? '';
  const set = (placement: DraftPlacement) => session.setPlacement(draft.id, placement);
  const sectionOf = (q: DraftPlacement) => (q.mode === 'append' || q.mode === 'replace' ? q.sectionId : null);
  // What 按识别结果放置 does with each recognised part.
  const autoParts = draft.result!.categories.map((c) =>
    c.role === 'special'
      ? t('importUi.place.autoPart.special', { count: c.sections.length })
      : c.role === 'appendix'
        ? t('importUi.place.autoPart.appendix', { count: c.sections.length })
        : t('importUi.place.autoPart.chapter', { title: c.title, sections: c.sections.length }),
  );
  const newTitle = p.mode === 'new' ? p.newTitle : recognisedTitle;

  const sectionSelect = (mode: 'append' | 'replace') => (
    <select
      aria-label={t(mode === 'append' ? 'importUi.place.append' : 'importUi.place.replace')}
      value={p.mode === mode ? (p.sectionId ?? '') : ''}
      onChange={(e) => set({ mode, sectionId: e.target.value || null })}
      disabled={p.mode !== mode}
    >
      <option value="">{t('importUi.place.pickSection')}</option>
      {cats.map(({ category, sections }) => (
        <optgroup key={category.id} label={category.title}>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.title}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );

  return (
    <section className="imp-panel imp-place" aria-label={t('importUi.place')}>
      <h3 className="imp-panel-title">{t('importUi.place')}</h3>
      <label className="imp-radio">
        <input type="radio" name={name} checked={p.mode === 'auto'} onChange={() => set({ mode: 'auto' })} />
        {t('importUi.place.auto')}
      </label>
      {p.mode === 'auto' ? (
        <div className="imp-place-detail">
          <p className="small muted">{t('importUi.place.autoEffect', { parts: autoParts.join(t('label.groupSep')) })}</p>
        </div>
      ) : null}
      <label className="imp-radio">
        <input type="radio" name={name} checked={p.mode === 'new'} onChange={() => set({ mode: 'new', categoryId: null, newTitle: recognisedTitle })} />
        {t('importUi.place.new')}
      </label>
      {p.mode === 'new' ? (
        <div className="imp-place-detail">
          <label className="imp-field">
            <span className="small muted">{t('importUi.place.newIn')}</span>
            <select value={p.categoryId ?? ''} onChange={(e) => set({ mode: 'new', categoryId: e.target.value || null, newTitle })}>
              <option value="">{t('importUi.place.newCategoryOption', { title: newTitle || t('import.untitledCategory') })}</option>
              {cats.map(({ category }) => (
                <option key={category.id} value={category.id}>
                  {category.title}
                </option>
              ))}
            </select>
          </label>
          {p.categoryId === null ? (
            <label className="imp-field">
              <span className="small muted">{t('importUi.place.newCategoryTitle')}</span>
              <input type="text" value={p.newTitle} onChange={(e) => set({ mode: 'new', categoryId: null, newTitle: e.target.value })} />
            </label>
          ) : null}
          <p className="small muted">{t('importUi.place.effectNew', { sections: counts.sections, entries: counts.entries })}</p>
        </div>
      ) : null}
      <label className="imp-radio">
        <input type="radio" name={name} checked={p.mode === 'append'} onChange={() => set({ mode: 'append', sectionId: sectionOf(p) })} />
        {t('importUi.place.append')}
      </label>
      {p.mode === 'append' ? <div className="imp-place-detail">{sectionSelect('append')}<p className="small muted">{t('importUi.place.effectInto', { entries: counts.entries })}</p></div> : null}
      <label className="imp-radio">
        <input type="radio" name={name} checked={p.mode === 'replace'} onChange={() => set({ mode: 'replace', sectionId: sectionOf(p) })} />
        {t('importUi.place.replace')}
      </label>
      {p.mode === 'replace' ? (
        <div className="imp-place-detail">
          {sectionSelect('replace')}
          <p className="small imp-warn">{t('importUi.place.replaceWarning')}</p>
        </div>
      ) : null}
    </section>
  );
}
