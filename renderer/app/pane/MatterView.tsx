// A front or back matter page (编辑说明, 编后记, 附录 pages …), read-only, as the printed book shows it: tables with
// number and title, figures with caption and credit, attribution lines right-aligned in parentheses.
// Table and figure numbers are the book's (shared/model/numbering.ts: automatic numbering, or the typed number
// and those continuing from it), given by the caller, so the page shows what the print and the checker show.
import type { AssignedNumber, Block, Matter } from '../../../shared/model';
import { useT } from '../context';

export function MatterView({
  matter,
  assetUrls,
  numbers,
}: {
  matter: Matter;
  assetUrls: Record<string, string>;
  /** The printed table and figure numbers of the page, by block id. */
  numbers: ReadonlyMap<string, AssignedNumber>;
}) {
  const t = useT();
  return (
    <article className="doc" lang="zh-CN">
      <h1 className="doc-title">{matter.title}</h1>
      {matter.blocks.map((b) => (
        <BlockView key={b.id} block={b} number={numbers.get(b.id)?.number ?? null} assetUrls={assetUrls} t={t} />
      ))}
    </article>
  );
}

function BlockView({
  block: b,
  number,
  assetUrls,
  t,
}: {
  block: Block;
  /** The printed number of a table or figure (null: none assigned, the typed one is shown). */
  number: string | null;
  assetUrls: Record<string, string>;
  t: ReturnType<typeof useT>;
}) {
  switch (b.type) {
    case 'paragraph':
    case 'footnote':
      return (
        <p className={`doc-${b.type}`} data-node-id={b.id}>
          {b.text}
        </p>
      );
    case 'heading':
      return (
        <h4 className={`doc-heading level-${b.level}`} data-node-id={b.id}>
          {b.text}
        </h4>
      );
    case 'dated':
      return (
        <p className="doc-dated" data-node-id={b.id}>
          <strong>{b.dateLabel}</strong> {b.text}
        </p>
      );
    case 'table': {
      const n = number ?? b.number;
      return (
        <figure className="doc-table" data-node-id={b.id}>
          <figcaption>
            {n ? `${t('label.tableNumber', { n })}\u3000` : ''}
            {b.title}
            {b.unitNote ? <span className="doc-unit">{b.unitNote}</span> : null}
          </figcaption>
          <div className="doc-table-scroll">
            <table>
              <thead>
                {b.headerRows.map((r, i) => (
                  <tr key={i}>
                    {r.cells.map((c, j) => (
                      <th key={j} rowSpan={c.rowSpan} colSpan={c.colSpan}>
                        {c.text}
                      </th>
                    ))}
                  </tr>
                ))}
              </thead>
              <tbody>
                {b.bodyRows.map((r, i) => (
                  <tr key={i}>
                    {r.cells.map((c, j) => (
                      <td key={j} rowSpan={c.rowSpan} colSpan={c.colSpan}>
                        {c.text}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {b.note ? <p className="doc-table-note">{b.note}</p> : null}
        </figure>
      );
    }
    case 'figure': {
      const n = number ?? b.number;
      const url = b.assetId ? assetUrls[b.assetId] : undefined;
      return (
        <figure className="doc-figure" data-node-id={b.id}>
          {url ? <img src={url} alt={b.caption} /> : <div className="doc-figure-missing">{t('app.doc.photoMissing')}</div>}
          <figcaption>
            {n ? `${t('label.figureNumber', { n })}\u3000` : ''}
            {b.caption}
            {b.credit ? `（${b.credit.raw}）` : ''}
          </figcaption>
        </figure>
      );
    }
    case 'attribution':
      return (
        <p className={`doc-attribution kind-${b.kind}`} data-node-id={b.id}>
          （{b.kind === 'unit' ? t('label.attribution.unit', { names: b.names.join(' ') }) : b.names.join(' ')}）
        </p>
      );
  }
}
