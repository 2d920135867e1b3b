// The preflight report (印前检查) of an exported PDF: what the printing house checks, read from the file itself.
import type { PreflightFinding, PreflightReport } from '../../../shared/export/preflight';
import { t as translate } from '../../../shared/i18n';
import { useT, useWb } from '../context';

export function PreflightReportView({ report }: { report: PreflightReport }) {
  const t = useT();
  const locale = useWb((s) => s.view.locale);
  const msg = (f: PreflightFinding) => (locale === 'zh' ? f.message : translate(f.key, f.params, 'en'));
  const lowDpi = report.findings.filter((f) => f.key === 'export.preflight.lowDpi');
  const overflows = report.findings.filter((f) => f.key === 'export.preflight.overflow');
  const other = report.findings.filter((f) => f.key !== 'export.preflight.lowDpi' && f.key !== 'export.preflight.overflow');
  const errors = report.findings.filter((f) => f.severity === 'error').length;
  const boxes = report.trimBox !== null && report.bleedBox !== null;
  const findingList = (list: PreflightFinding[], label: string) => (
    <section className="pf-group" aria-label={label}>
      <h4>
        {t('label.withNote', { text: label, note: list.length })}
      </h4>
      {list.length ? (
        <ul>
          {list.map((f, i) => (
            <li key={i} className={`pf-finding is-${f.severity}`}>
              {msg(f)}
              {f.page !== undefined ? <span className="pf-page">{t('exportUi.report.page', { page: f.page + 1 })}</span> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="pf-none">{t('exportUi.report.none')}</p>
      )}
    </section>
  );
  return (
    <div className="pf" aria-label={t('exportUi.report.title')}>
      <h3 className="pf-title">{t('exportUi.report.title')}</h3>
      <p className={`pf-verdict ${report.ok ? 'is-ok' : 'is-error'}`}>{report.ok ? t('exportUi.report.ok') : t('exportUi.report.errors', { count: errors })}</p>
      <dl className="pf-facts">
        <dt>{t('exportUi.report.pages')}</dt>
        <dd data-fact="pages">{report.pageCount}</dd>
        <dt>{t('exportUi.report.pageSize')}</dt>
        <dd data-fact="trim">
          {t('exportUi.report.pageSizeValue', { trim: report.trim.name, width: report.trim.width, height: report.trim.height, bleed: report.trim.bleed })}
        </dd>
        <dt>{t('exportUi.report.mediaBox')}</dt>
        <dd data-fact="media">{t('exportUi.report.mm', { width: report.mediaBox.width, height: report.mediaBox.height })}</dd>
        <dt>{t('exportUi.report.boxes')}</dt>
        <dd data-fact="boxes">{boxes ? t('exportUi.report.boxesOk') : t('exportUi.report.boxesMissing')}</dd>
        <dt>{t('exportUi.report.color')}</dt>
        <dd data-fact="color">{report.colorMode.toUpperCase()}</dd>
        <dt>{t('exportUi.report.images')}</dt>
        <dd data-fact="images">{t('exportUi.report.imagesValue', { count: report.images.count, low: report.images.lowDpi, missing: report.images.missing })}</dd>
      </dl>
      <section className="pf-group" aria-label={t('exportUi.report.fonts', { count: report.fonts.length })}>
        <h4>{t('exportUi.report.fonts', { count: report.fonts.length })}</h4>
        <table className="pf-fonts">
          <tbody>
            {report.fonts.map((f) => (
              <tr key={`${f.name}|${f.kind}`} data-font={f.name}>
                <td className="pf-font-name">{f.name}</td>
                <td className={f.kind === 'Type 3' ? 'is-error' : ''}>{f.kind}</td>
                <td className={f.embedded ? '' : 'is-error'}>{f.embedded ? t('exportUi.report.fontEmbedded') : t('exportUi.report.fontNotEmbedded')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {findingList(lowDpi, t('exportUi.report.lowDpi'))}
      {findingList(overflows, t('exportUi.report.overflows'))}
      {other.length ? findingList(other, t('exportUi.report.other')) : null}
    </div>
  );
}
