// The 撰稿人 statistics as tab-separated tables for a spreadsheet: everyone credited (kind, unit, roles,
// entries, characters, figures), then the totals per unit with their people. Used by the 撰稿人 tab's 复制为表格
// and the menu's 复制撰稿人统计表.
import type { MessageKey } from '../../../shared/i18n';
import { contributorStats, unitTotals, type Attribution, type ContributorStat, type UnitTotal } from '../../../shared/model';
import { readBookModel } from '../../storage/books';
import type { Translate } from '../context';
import type { Workbench } from '../workbench';
import { t as translate } from '../../../shared/i18n';

export const ROLE_KEYS: Record<Attribution['kind'], MessageKey> = {
  author: 'attribution.author',
  unit: 'attribution.unit',
  photo: 'attribution.photo',
  reviewer: 'attribution.reviewer',
};

/** The units worth a total: registered ones and those with people. */
export function reportedUnits(units: readonly UnitTotal[]): UnitTotal[] {
  return units.filter((u) => u.registered || u.people.length > 0);
}

export function contributorTablesText(t: Translate, stats: readonly ContributorStat[], units: readonly UnitTotal[]): string {
  const head = [t('app.contributors.name'), t('app.contributors.kind'), t('app.contributors.unit'), t('app.contributors.roles'), t('app.contributors.entries'), t('app.contributors.chars'), t('app.contributors.figures')];
  const lines = stats.map((s) => [s.name, t(s.kind === 'person' ? 'app.contributors.person' : 'app.contributors.unitKind'), s.unit ?? '', s.roles.map((r) => t(ROLE_KEYS[r])).join(t('label.listSep')), s.entries, s.characters, s.figures].join('\t'));
  const unitHead = [t('volume.registry.copyHeadUnit'), t('volume.registry.unitPeople'), t('volume.registry.ownEntries'), t('volume.registry.totalEntries'), t('volume.registry.totalChars'), t('app.contributors.figures')];
  const unitLines = units.map((u) => [u.name, u.people.join('、'), u.ownEntries, u.entries, u.characters, u.figures].join('\t'));
  return [head.join('\t'), ...lines, ...(units.length ? ['', t('volume.registry.copyUnits'), unitHead.join('\t'), ...unitLines] : [])].join('\n');
}

/** Writes the tables to the clipboard and says so. */
export async function writeContributorTables(wb: Workbench, text: string, rows: number): Promise<void> {
  await wb.copyText(text, { key: 'app.contributors.copied', params: { n: rows } }, 'app.contributors.copyFailed');
}

/** 复制撰稿人统计表 from the menu or the palette: the whole book's tables, without opening the tab. */
export async function copyContributorTables(wb: Workbench): Promise<void> {
  const row = wb.state.book;
  if (!row) return;
  let book;
  try {
    await wb.flush();
    book = await readBookModel(wb.db, row.id);
  } catch (e) {
    wb.fail(e, 'app.error.storage');
    return;
  }
  const stats = contributorStats(book);
  const t: Translate = (key, params) => translate(key, params ?? {}, wb.state.view.locale);
  await writeContributorTables(wb, contributorTablesText(t, stats, reportedUnits(unitTotals(book))), stats.length);
}
