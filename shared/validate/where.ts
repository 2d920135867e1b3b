// Where a finding is, in words an editor follows: 表6第3行第2列（行首“区政府为民实事”）. Used by the CLI's text
// report and the app's problem rows (the JSON report carries the same facts as location.cell).
import { t, type Locale } from '../i18n';
import { clip } from './text';
import type { CellPlace } from './types';

/** 表6第3行第2列（行首“…”）, 表格“…”表头第1行第2列. */
export function cellLabel(cell: CellPlace, locale: Locale = 'zh'): string {
  const table = cell.tableNumber
    ? t('validate.where.table', { number: cell.tableNumber }, locale)
    : cell.tableTitle.trim()
      ? t('validate.where.tableTitled', { title: clip(cell.tableTitle, 16) }, locale)
      : t('validate.where.tableAny', {}, locale);
  const place = t(cell.header ? 'validate.where.headerCell' : 'validate.where.cell', { table, row: cell.row, column: cell.column }, locale);
  return cell.rowHead ? `${place}${t('validate.where.rowHead', { text: clip(cell.rowHead, 14) }, locale)}` : place;
}
