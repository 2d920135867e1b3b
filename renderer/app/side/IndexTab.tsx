// The side panel's 索引 tab: the book's subject index as it stands — index terms (主题词 marked in the text) and
// entry titles (candidates by default, unless kept out with noIndex), merged by term and sorted by pinyin like
// the printed index (a typed sort key first). The sort key of a term is edited here (one book change with one
// undo); an entry title is put in or kept out of the index (in the open section through the editor, elsewhere
// as a book change); every occurrence is one click away.
import { useEffect, useMemo, useState } from 'react';
import {
  groupIndexOccurrences,
  indexOccurrences,
  replaceSection,
  setEntryNoIndex,
  setGroupSortKey,
  type Book,
  type IndexOccurrence,
  type IndexTermGroup,
} from '../../../shared/model';
import { useT, useWb, useWorkbench } from '../context';
import type { Workbench } from '../workbench';
import './bookTools.css';

type Kind = 'all' | 'terms' | 'entries' | 'excluded';
/** Lines rendered at most; the filter narrows the rest. */
const SHOWN = 300;

type PinyinKey = (term: string) => string;

/** The pinyin key function of the export (loaded on demand: pinyin-pro is large). */
function usePinyin(): PinyinKey | null {
  const [fn, setFn] = useState<PinyinKey | null>(null);
  useEffect(() => {
    let live = true;
    void import('../../../shared/export/generated').then((m) => live && setFn(() => m.pinyinKey));
    return () => {
      live = false;
    };
  }, []);
  return fn;
}

/**
 * The book as stored, re-read after book-wide changes and when another section is opened (the one left was saved
 * first); the open section itself is taken live from the editor.
 */
function useBookModel(wb: Workbench): Book | null {
  const row = useWb((s) => s.book);
  const openId = useWb((s) => s.open?.id ?? null);
  const [book, setBook] = useState<Book | null>(null);
  useEffect(() => {
    let live = true;
    void wb.flush().then(async () => {
      const b = await wb.readBookModel();
      if (live) setBook(b);
    });
    return () => {
      live = false;
    };
  }, [wb, row, openId]);
  return book;
}

function sortKeyOf(g: IndexTermGroup, pinyin: PinyinKey): string {
  const given = g.sortKey?.trim().toLowerCase();
  if (given) return /^[a-z0-9ü: ]+$/.test(given) ? given.replace(/ü|u:/g, 'v') : pinyin(given);
  return pinyin(g.term);
}

export function IndexTab() {
  const wb = useWorkbench();
  const t = useT();
  const stored = useBookModel(wb);
  const open = useWb((s) => s.open);
  const pinyin = usePinyin();
  const [filter, setFilter] = useState('');
  const [kind, setKind] = useState<Kind>('all');

  const book = useMemo(() => {
    if (!stored || open?.kind !== 'section') return stored;
    try {
      return replaceSection(stored, open.section);
    } catch {
      return stored;
    }
  }, [stored, open]);
  const occurrences = useMemo(() => (book ? indexOccurrences(book) : []), [book]);
  const groups = useMemo(() => {
    const all = groupIndexOccurrences(occurrences).map((g) => ({ g, key: pinyin ? sortKeyOf(g, pinyin) : g.term }));
    all.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.g.term < b.g.term ? -1 : 1));
    return all;
  }, [occurrences, pinyin]);

  if (!book) return <p className="side-empty">{t('indexTab.loading')}</p>;

  const marks = occurrences.filter((o) => o.kind === 'term').length;
  const entries = occurrences.filter((o) => o.kind === 'entry');
  const excluded = entries.filter((o) => !o.included).length;
  const terms = groups.filter(({ g }) => g.terms.length || g.entries.some((e) => e.included)).length;
  const f = filter.trim().toLowerCase();
  const visible = groups.filter(({ g, key }) => {
    if (kind === 'terms' && !g.terms.length) return false;
    if (kind === 'entries' && !g.entries.length) return false;
    if (kind === 'excluded' && !g.entries.some((e) => !e.included)) return false;
    return !f || g.term.toLowerCase().includes(f) || key.replace(/\d/g, '').includes(f) || (g.sortKey ?? '').toLowerCase().includes(f);
  });

  return (
    <section className="card index-tab" aria-label={t('indexTab.title')}>
      <div className="card-kicker">{t('indexTab.title')}</div>
      <p className="muted small">{t('indexTab.explain')}</p>
      <p className="small" data-testid="index-count">
        {t('indexTab.count', { terms, marks, entries: entries.length, excluded })}
      </p>
      <div className="index-tab-filters">
        <input className="input" value={filter} placeholder={t('indexTab.filter')} aria-label={t('indexTab.filter')} onChange={(e) => setFilter(e.target.value)} />
        <select value={kind} aria-label={t('indexTab.title')} onChange={(e) => setKind(e.target.value as Kind)}>
          <option value="all">{t('indexTab.kindAll')}</option>
          <option value="terms">{t('indexTab.kindTerms')}</option>
          <option value="entries">{t('indexTab.kindEntries')}</option>
          <option value="excluded">{t('indexTab.kindExcluded')}</option>
        </select>
      </div>
      {visible.length === 0 ? <p className="muted">{t('indexTab.empty')}</p> : null}
      <ol className="index-lines">
        {visible.slice(0, SHOWN).map(({ g, key }) => (
          <IndexLine key={`${g.term}\u0000${g.sortKey ?? ''}`} group={g} autoKey={g.sortKey ? null : key} />
        ))}
      </ol>
      {visible.length > SHOWN ? <p className="muted small">{t('indexTab.moreRows', { count: visible.length - SHOWN })}</p> : null}
    </section>
  );
}

/** Where an occurrence is: the section, and the 次目 when it has one. */
function whereOf(o: IndexOccurrence): string {
  return o.subsectionTitle ? `${o.sectionTitle} · ${o.subsectionTitle}` : o.sectionTitle;
}

function IndexLine({ group, autoKey }: { group: IndexTermGroup; autoKey: string | null }) {
  const wb = useWorkbench();
  const t = useT();
  const [draft, setDraft] = useState(group.sortKey ?? '');
  const commit = () => {
    const key = draft.trim();
    if (key === (group.sortKey ?? '')) return;
    void wb.changeBook((b) => setGroupSortKey(b, group, key), { snapshot: true, undo: { key: 'indexTab.sortKeyChanged', params: { term: group.term } } });
  };
  const go = (o: IndexOccurrence) => void wb.goTo({ sectionId: o.sectionId, nodeId: o.nodeId, start: o.start, end: o.end, ...(o.cell ? { field: 'cell' as const, cell: o.cell } : {}) });
  const setIncluded = (o: IndexOccurrence, included: boolean) => {
    const open = wb.state.open;
    if (open?.kind === 'section' && open.id === o.sectionId && wb.editor?.run('review.entryIndex', { entryId: o.nodeId, included })) return;
    void wb.changeBook((b) => setEntryNoIndex(b, o.sectionId, o.nodeId, !included), {
      undo: { key: included ? 'indexTab.indexChanged' : 'indexTab.noIndexChanged', params: { term: group.term } },
    });
  };
  const inIndex = group.terms.length > 0 || group.entries.some((e) => e.included);
  return (
    <li className={inIndex ? 'index-line' : 'index-line is-excluded'} data-term={group.term}>
      <div className="index-line-head">
        <strong className="index-term">{group.term}</strong>
        {group.terms.length ? <span className="badge">{t('indexTab.term')}</span> : null}
        {group.entries.length ? <span className="badge">{t('indexTab.entry')}</span> : null}
      </div>
      {group.terms.length ? (
        <label className="index-sortkey">
          <span className="muted small">{t('indexTab.sortKey')}</span>
          <input
            className="input"
            value={draft}
            placeholder={autoKey ? t('indexTab.sortKeyAuto', { pinyin: autoKey.replace(/\d/g, '') }) : ''}
            title={t('indexTab.sortKeyHint')}
            aria-label={t('indexTab.sortKey')}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={commit}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && !e.nativeEvent.isComposing) {
                e.preventDefault();
                commit();
              }
            }}
          />
        </label>
      ) : autoKey ? (
        <div className="muted small">{t('indexTab.sortKeyAuto', { pinyin: autoKey.replace(/\d/g, '') })}</div>
      ) : null}
      <div className="index-occurrences">
        {group.terms.map((o) => (
          <button key={`${o.nodeId}:${o.cell?.row ?? ''}:${o.cell?.col ?? ''}:${o.start}`} type="button" className="link" onClick={() => go(o)}>
            {whereOf(o)}
          </button>
        ))}
        {group.entries.map((o) => (
          <span key={o.nodeId} className="index-entry">
            <label className="check small">
              <input type="checkbox" checked={o.included} aria-label={t('label.pair', { label: t('indexTab.include'), value: whereOf(o) })} onChange={(e) => setIncluded(o, e.target.checked)} />
            </label>
            <button type="button" className="link" onClick={() => go(o)}>
              {whereOf(o)}
            </button>
          </span>
        ))}
      </div>
    </li>
  );
}
