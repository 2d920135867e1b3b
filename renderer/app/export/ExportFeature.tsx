// The PDF export feature: owns the export controller, handles 文件 › 导出 PDF (file.exportPdf) and
// 视图 › 版面预览 (view.preview), and shows the export dialog and the paged preview.
import { useEffect, useMemo } from 'react';
import { useWorkbench } from '../context';
import { ExportDialog } from './ExportDialog';
import { ExportController } from './exportState';
import { Preview } from './Preview';

export function ExportFeature() {
  const wb = useWorkbench();
  const ctl = useMemo(() => new ExportController(wb), [wb]);
  useEffect(() => {
    const off = [wb.registerCommand('file.exportPdf', () => ctl.openDialog()), wb.registerCommand('view.preview', () => void ctl.openPreview())];
    // The menu shows the export items once a handler exists: re-render it.
    wb.store.set({});
    return () => {
      for (const f of off) f();
      ctl.dispose();
    };
  }, [wb, ctl]);
  return (
    <>
      <Preview ctl={ctl} />
      <ExportDialog ctl={ctl} />
    </>
  );
}
