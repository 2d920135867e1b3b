// The side panel's 查找 tab: find and replace across the whole book (controller: bookFind.ts). Every hit grouped
// by section with its context and, in replace mode, what it becomes; a hit (or a whole section) can be left out;
// clicking a hit opens its section with the text selected.
import { useEffect, useMemo, useRef } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { replacementOf, type FindHit } from '../../../shared/model';
import { useT, useWb } from '../context';
import { groupHits, useBookFind, useBookFindController } from './bookFind';
import '../side/bookTools.css';

/** Hits listed at most (a replace still covers the rest). */
const SHOWN = 1000;

export function BookFindPanel() {
  const ctl = useBookFindController();
  const t = useT();
  const s = useBookFind((x) => x);
  const outline = useWb((x) => x.outline);
  const hasEditor = useWb((x) => x.open?.kind === 'section');
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    inputRef.current?.focus();
    inputRef.current?.select();
  }, [s.focusNonce]);

  const titles = useMemo(() => {
    const byId = new Map(outline.map((n) => [n.id, n]));
    return (id: string) => {
      const n = byId.get(id);
      if (!n) return id;
      const cat = n.parentId ? byId.get(n.parentId) : undefined;
      return cat ? `${cat.title} › ${n.title}` : n.title;
    };
  }, [outline]);

  const groups = useMemo(() => groupHits(s.hits), [s.hits]);
  const chosen = s.hits.filter((h) => !s.excluded.has(h.key)).length;
  const q = s.searched;
  let shown = 0;

  return (
    <section className="card book-find" aria-label={t('bookFind.title')}>
      <div className="book-find-scope" role="radiogroup" aria-label={t('bookFind.scope')}>
        <button type="button" role="radio" aria-checked="false" className="scope-btn" disabled={!hasEditor} onClick={() => ctl.toSection()}>
          {t('bookFind.scopeSection')}
        </button>
        <button type="button" role="radio" aria-checked="true" className="scope-btn is-current">
          {t('bookFind.scopeBook')}
        </button>
      </div>
      <input
        ref={inputRef}
        className="input book-find-input"
        value={s.pattern}
        placeholder={t('editor.find.placeholder')}
        aria-label={t('editor.find.placeholder')}
        onChange={(e) => ctl.setQuery({ pattern: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
            e.preventDefault();
            void ctl.search();
          }
        }}
      />
      {s.replaceMode ? (
        <input
          className="input book-find-input"
          value={s.replacement}
          placeholder={t('editor.find.replacement')}
          aria-label={t('editor.find.replacement')}
          onChange={(e) => ctl.setReplacement(e.target.value)}
        />
      ) : null}
      <div className="book-find-options">
        <label className="check">
          <input type="checkbox" checked={s.regex} onChange={(e) => ctl.setQuery({ regex: e.target.checked })} /> {t('editor.find.regex')}
        </label>
        <label className="check">
          <input type="checkbox" checked={s.matchCase} onChange={(e) => ctl.setQuery({ matchCase: e.target.checked })} /> {t('editor.find.matchCase')}
        </label>
        <label className="check">
          <input type="checkbox" checked={s.matchWidth} onChange={(e) => ctl.setQuery({ matchWidth: e.target.checked })} /> {t('editor.find.matchWidth')}
        </label>
        {!s.replaceMode ? (
          <button type="button" className="link" onClick={() => ctl.setReplaceMode(true)}>
            {t('editor.find.showReplace')}
          </button>
        ) : null}
      </div>
      {s.error ? (
        <p className="book-find-error" role="alert">
          {s.error}
        </p>
      ) : null}
      <div className="book-find-status" data-testid="book-find-count" role="status">
        {s.status === 'searching'
          ? t('bookFind.searching')
          : s.status === 'replacing'
            ? t('bookFind.replacing')
            : q && !s.error
              ? s.hits.length
                ? t('bookFind.count', { count: s.hits.length, sections: groups.length })
                : t('bookFind.none')
              : s.pattern
                ? ''
                : t('bookFind.hint')}
      </div>
      {s.replaceMode && q ? (
        <div className="book-find-actions">
          <button type="button" className="button is-primary is-small" disabled={!chosen || s.status !== 'ready'} onClick={() => void ctl.replace()}>
            {t('bookFind.replaceAll', { count: chosen })}
          </button>
          <button type="button" className="button is-small" disabled={s.status === 'searching'} onClick={() => void ctl.search()}>
            {t('bookFind.refresh')}
          </button>
        </div>
      ) : null}
      {s.message ? (
        <p className="book-find-message" role="status">
          {t(s.message.key, s.message.params)}
        </p>
      ) : null}
      <ol className="book-find-groups">
        {groups.map((g) => {
          if (shown >= SHOWN) return null;
          const keys = g.hits.map((h) => h.key);
          const included = keys.filter((k) => !s.excluded.has(k)).length;
          return (
            <li key={g.sectionId} className="book-find-group" data-section-id={g.sectionId}>
              <div className="book-find-group-head">
                {s.replaceMode ? (
                  <input
                    type="checkbox"
                    aria-label={t('bookFind.includeSection')}
                    checked={included === keys.length}
                    ref={(el) => {
                      if (el) el.indeterminate = included > 0 && included < keys.length;
                    }}
                    onChange={(e) => ctl.setIncluded(keys, e.target.checked)}
                  />
                ) : null}
                <span className="book-find-section">{t('bookFind.section', { title: titles(g.sectionId), count: g.hits.length })}</span>
              </div>
              <ol className="book-find-hits">
                {g.hits.map((h) => {
                  if (shown++ >= SHOWN) return null;
                  return <HitRow key={h.key} hit={h} preview={s.replaceMode && q ? replacementOf(h, q, s.replacement) : null} included={!s.excluded.has(h.key)} />;
                })}
              </ol>
            </li>
          );
        })}
      </ol>
      {s.hits.length > SHOWN ? <p className="muted small">{t('bookFind.more', { count: s.hits.length - SHOWN })}</p> : null}
    </section>
  );
}

function HitRow({ hit, preview, included }: { hit: FindHit; preview: string | null; included: boolean }) {
  const ctl = useBookFindController();
  const t = useT();
  return (
    <li className={included ? 'book-find-hit' : 'book-find-hit is-excluded'}>
      {preview !== null ? <input type="checkbox" aria-label={t('editor.find.include')} checked={included} onChange={(e) => ctl.setIncluded([hit.key], e.target.checked)} /> : null}
      <button type="button" className="book-find-hit-btn" onClick={() => void ctl.reveal(hit)}>
        <span className="book-find-where">{t(`editor.find.field.${hit.field}` as MessageKey)}</span>
        <span className="book-find-ctx">
          {hit.before ? `…${hit.before}` : ''}
          <mark className={preview !== null ? 'is-old' : undefined}>{hit.match}</mark>
          {preview !== null ? <mark className="is-new">{preview}</mark> : null}
          {hit.after ? `${hit.after}…` : ''}
        </span>
      </button>
    </li>
  );
}
