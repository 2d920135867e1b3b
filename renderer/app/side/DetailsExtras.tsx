// Parts of the 详情 tab for the editing features that reach across the book: whether the entry's title goes into
// the index (noIndex; through the editor, so it is in its undo history), and the tables and figures of the open
// section with their numbers as the book prints them (live while editing: inserting a figure renumbers the ones
// after it).
import { useMemo } from 'react';
import type { Block, Entry, Section } from '../../../shared/model';
import { useT, useWb, useWorkbench } from '../context';
import { sectionNumbers } from '../numbering';
import './bookTools.css';

/** The entry's 索引 row for its facts list. */
export function EntryIndexFact({ entry }: { entry: Entry }) {
  const wb = useWorkbench();
  const t = useT();
  return (
    <>
      <dt>{t('entryCard.index')}</dt>
      <dd>
        <label className="check">
          <input
            type="checkbox"
            checked={!entry.noIndex}
            aria-label={t('entryCard.indexed')}
            onChange={(e) => void wb.editor?.run('review.entryIndex', { entryId: entry.id, included: e.target.checked })}
          />{' '}
          {entry.noIndex ? t('entryCard.notIndexed') : t('entryCard.indexed')}
        </label>
      </dd>
    </>
  );
}

function tablesAndFigures(section: Section): (Block & { type: 'table' | 'figure' })[] {
  const out: (Block & { type: 'table' | 'figure' })[] = [];
  const visit = (b: Block) => {
    if (b.type === 'table' || b.type === 'figure') out.push(b);
  };
  for (const c of section.children) {
    if (c.type === 'entry') c.blocks.forEach(visit);
    else if (c.type === 'subsection') for (const x of c.children) (x.type === 'entry' ? x.blocks : [x]).forEach(visit);
    else visit(c);
  }
  return out;
}

/** 本分目的表格和图片: number (as printed), title or caption; click to go there. */
export function TablesFiguresCard({ section }: { section: Section }) {
  const wb = useWorkbench();
  const t = useT();
  const outline = useWb((s) => s.outline);
  const autoNumber = useWb((s) => s.book?.shell.houseStyle.autoNumber ?? false);
  const items = useMemo(() => tablesAndFigures(section), [section]);
  const numbers = useMemo(() => sectionNumbers(outline, section, autoNumber), [outline, section, autoNumber]);
  if (!items.length) return null;
  return (
    <section className="card numbers-card" aria-label={t('numbers.card')}>
      <div className="card-kicker">{t('numbers.card')}</div>
      <ol className="numbers-list">
        {items.map((b) => {
          const n = numbers.get(b.id);
          const label = n ? t(b.type === 'table' ? 'numbers.table' : 'numbers.figure', { number: n.number }) : '';
          const text = (b.type === 'table' ? b.title : b.caption) || t('numbers.untitled');
          return (
            <li key={b.id} data-block-id={b.id}>
              <button type="button" className="link numbers-item" onClick={() => void wb.goTo({ sectionId: section.id, nodeId: b.id })}>
                <span className={n?.auto ? 'numbers-label is-auto' : 'numbers-label'} title={n ? t(n.auto ? 'numbers.auto' : 'numbers.typed') : ''}>
                  {label}
                </span>
                <span className="numbers-text">{text}</span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
