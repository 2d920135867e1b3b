// Mounts the import feature in the window: the 文件 › 导入… command, files dropped anywhere on the window,
// and the review screen while an import is open.
import { useEffect, useState } from 'react';
import type { HostFile } from '../../../shared/host';
import { importSizeLimit, isImportableName, MAX_FOLDER_FILES } from '../../../shared/import';
import { describeError } from '../../../shared/model';
import { filesOfEntries, MAX_BROWSER_BYTES, readFound, type FileEntryLike, type FoundFile } from '../../host/browserFiles';
import { useT, useWb, useWorkbench } from '../context';
import { ImportContext, useImport } from './importContext';
import { ImportReview } from './ImportReview';
import { ImportSession } from './importSession';
import { defaultRunner } from './runner';
import './import.css';

export function ImportHost() {
  const wb = useWorkbench();
  const [session] = useState(() => new ImportSession(wb, defaultRunner()));
  useEffect(() => {
    const off = wb.registerCommand('file.import', () => void session.chooseFiles());
    const offPaste = wb.registerCommand('file.importClipboard', () => void session.pasteFromClipboard());
    return () => {
      off();
      offPaste();
      // Stops a running recognition; the session can start again (StrictMode mounts twice).
      session.dispose();
    };
  }, [wb, session]);
  return (
    <ImportContext.Provider value={session}>
      <DropTarget session={session} />
      <ReviewWhenOpen />
    </ImportContext.Provider>
  );
}

function ReviewWhenOpen() {
  const open = useImport((s) => s.open);
  return open ? <ImportReview /> : null;
}

const hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');

/** Files dragged over the window: an overlay says what happens; dropping imports them (book files open). */
function DropTarget({ session }: { session: ImportSession }) {
  const wb = useWorkbench();
  const t = useT();
  const hasBook = useWb((s) => s.book !== null);
  const [over, setOver] = useState(false);
  useEffect(() => {
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setOver(true);
    };
    const overFn = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setOver(false);
      // The entries must be taken while the event lasts; folders are walked afterwards.
      const items = [...(e.dataTransfer?.items ?? [])].filter((i) => i.kind === 'file');
      const entries = items.map((i) => (typeof i.webkitGetAsEntry === 'function' ? (i.webkitGetAsEntry() as FileEntryLike | null) : null));
      const plain = [...(e.dataTransfer?.files ?? [])];
      const found: Promise<{ files: FoundFile[]; folders: { name: string; count: number; truncated?: boolean }[] }> =
        entries.length && entries.every((x) => x !== null)
          ? filesOfEntries(entries as FileEntryLike[], isImportableName)
          : Promise.resolve({ files: plain.map((f) => ({ file: f, name: f.name })), folders: [] });
      void found
        .then(async ({ files, folders }) => {
          for (const f of folders) {
            if (!f.count) wb.notify('error', { key: 'importUi.folder.empty', params: { folder: f.name } });
            if (f.truncated) wb.notify('error', { key: 'importUi.folder.truncated', params: { folder: f.name, limit: MAX_FOLDER_FILES } });
          }
          const books = files.filter((f) => /\.yearbook$/i.test(f.name) && !f.relativePath);
          const drafts = files.filter((f) => !books.includes(f));
          // A book file dropped alone opens it, as 文件 › 打开 would.
          if (books.length && !drafts.length) {
            const book = await readFound(books[0]!, { maxBytes: MAX_BROWSER_BYTES });
            if (book.error) return wb.notify('error', { key: 'importUi.error.read', params: { file: book.name } });
            return wb.openHostFile(book);
          }
          if (!drafts.length) return;
          if (!wb.state.book) return wb.notify('error', { key: 'importUi.dropNoBook' });
          // Each file's size is checked before it is read; one that cannot be read is listed with its reason.
          const read: HostFile[] = [];
          for (const f of drafts) read.push(await readFound(f, { maxBytes: importSizeLimit(f.name) }));
          session.addFiles(read);
        })
        .catch((err: unknown) => {
          wb.host.log('error', 'import: the dropped files could not be taken', describeError(err));
          wb.notify('error', { key: 'importUi.error.unexpected' });
        });
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', overFn);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', overFn);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [wb, session]);
  if (!over) return null;
  return (
    <div className="imp-drop" aria-hidden="true">
      <div className="imp-drop-card">{hasBook ? t('importUi.drop') : t('importUi.dropNoBook')}</div>
    </div>
  );
}
