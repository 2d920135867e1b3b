// Mounts the import feature in the window: the 文件 › 导入… command, files dropped anywhere on the window,
// and the review screen while an import is open.
import { useEffect, useState } from 'react';
import type { HostFile } from '../../../shared/host';
import { describeError } from '../../../shared/model';
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
    return () => {
      off();
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
      const files = [...(e.dataTransfer?.files ?? [])];
      void readDropped(files).then((read) => {
        const books = read.filter((f) => /\.yearbook$/i.test(f.name));
        const drafts = read.filter((f) => !/\.yearbook$/i.test(f.name));
        // A book file dropped alone opens it, as 文件 › 打开 would.
        if (books.length && !drafts.length) return wb.openHostFile(books[0]!);
        if (!wb.state.book) return wb.notify('error', { key: 'importUi.dropNoBook' });
        session.addFiles(drafts);
      });
    };
    const readDropped = async (files: File[]): Promise<HostFile[]> => {
      const out: HostFile[] = [];
      for (const f of files) {
        try {
          out.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
        } catch (err) {
          wb.host.log('warn', `import: could not read the dropped file ${f.name}`, describeError(err));
          wb.notify('error', { key: 'importUi.error.read', params: { file: f.name } });
        }
      }
      return out;
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
