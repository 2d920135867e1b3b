// 来稿原文 in the app: the drafts an import kept with the book (book.sources, shared/import/sources.ts) — which
// ones the open section came from, reading one back from storage (its text and review marks), copying it, and
// opening the viewer. No React here; the 详情 card, the viewer and the menu command use these.
import { keptSourceView, readSourceMarks, sourcesOfSection, type KeptLine, type KeptSourceView } from '../../../shared/import';
import { UserError, type SourceRecord } from '../../../shared/model';
import { readAsset } from '../../storage/books';
import type { NodeRow } from '../../storage/schema';
import { formatNumber } from '../format';
import type { Workbench, WorkbenchState } from '../workbench';

/** The menu command of 视图 › 来稿原文. */
export const SOURCE_COMMAND = 'view.source' as const;

/** The kept drafts the open section came from, newest first (none for a matter page or a section not imported). */
export function openSectionSources(s: WorkbenchState): SourceRecord[] {
  return s.open?.kind === 'section' ? sourcesOfSection(s.book?.shell.sources, s.open.id) : [];
}

export interface LoadedSource {
  text: string;
  view: KeptSourceView;
}

/** Reads a kept draft back: its text and, where they are there and fit, the marks of its review. */
export async function loadSource(wb: Workbench, record: SourceRecord): Promise<LoadedSource> {
  const text = await readAsset(wb.db, record.textAssetId);
  if (!text) throw new UserError('source.viewer.missing', { file: record.fileName }, `asset ${record.textAssetId} not in storage`);
  const marks = record.marksAssetId ? await readAsset(wb.db, record.marksAssetId) : undefined;
  const decoded = new TextDecoder('utf-8').decode(text.bytes);
  const view = keptSourceView(decoded, readSourceMarks(marks?.bytes));
  if (!view.marked && record.marksAssetId) wb.host.log('warn', `source ${record.id}: the review marks are missing or do not fit the text; shown without them`);
  return { text: decoded, view };
}

/** 来稿原文 from the menu or the palette: the viewer of the open section's newest kept draft, or why there is none. */
export function showOpenSectionSource(wb: Workbench): void {
  const s = wb.state;
  if (s.open?.kind !== 'section') {
    wb.notify('info', { key: 'source.noSection' });
    return;
  }
  const [newest] = openSectionSources(s);
  if (!newest) {
    wb.notify('info', { key: 'source.none' });
    return;
  }
  showSource(wb, newest.id);
}

export function showSource(wb: Workbench, sourceId: string): void {
  wb.store.set({ dialog: { kind: 'source', sourceId } });
}

/** 复制原文: the whole text as it was read, to the clipboard. */
export async function copySource(wb: Workbench, record: SourceRecord, loaded?: LoadedSource): Promise<boolean> {
  let text: string;
  try {
    ({ text } = loaded ?? (await loadSource(wb, record)));
  } catch (e) {
    wb.fail(e, 'source.copyFailed');
    return false;
  }
  return wb.copyText(text, { key: 'source.copied', params: { file: record.fileName, chars: formatNumber(record.characters, wb.state.view.locale) } }, 'source.copyFailed');
}

/**
 * The line the viewer opens at: the first line that went into the block or entry at the caret, else the first
 * line of the open section; null (the top) when the source has none of them.
 */
export function initialLine(view: KeptSourceView, s: Pick<WorkbenchState, 'caret' | 'open'>): number | null {
  const find = (pred: (l: KeptLine) => boolean) => view.lines.find(pred)?.no;
  const { blockId, entryId } = s.caret;
  return (
    (blockId ? find((l) => l.blockId === blockId) : undefined) ??
    (entryId ? find((l) => l.nodeId === entryId) : undefined) ??
    (s.open ? find((l) => l.nodeId === s.open!.id) : undefined) ??
    null
  );
}

/**
 * Where a source line is in the book now: the section (followed through moves, by the outline) and the node to
 * reveal (its block, else its entry); null when what it became is gone.
 */
export function lineTarget(line: KeptLine, record: SourceRecord, outline: readonly NodeRow[]): { sectionId: string; nodeId?: string } | null {
  const row = line.nodeId ? outline.find((n) => n.id === line.nodeId) : undefined;
  let sectionId = row?.sectionId ?? undefined;
  // Appended to or replacing a section: the recognised section itself was not kept, its content went into the target.
  if (!sectionId && (record.placement === 'append' || record.placement === 'replace')) sectionId = record.sectionIds[0];
  if (!sectionId || !outline.some((n) => n.id === sectionId)) return null;
  const nodeId = line.blockId ?? (row && row.kind !== 'section' ? row.id : undefined);
  return { sectionId, ...(nodeId ? { nodeId } : {}) };
}
