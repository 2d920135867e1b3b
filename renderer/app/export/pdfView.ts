// Draws the pages of the exported PDF (pdf.js, in its worker). The preview shows the file the export produced —
// the same bytes that are saved — so what the editor sees is the printed page, not an approximation of it.
import { getDocument, GlobalWorkerOptions, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type PdfDoc = PDFDocumentProxy;

/** Opens PDF bytes (a copy: pdf.js transfers the buffer to its worker). */
export function openPdf(bytes: Uint8Array): { promise: Promise<PdfDoc>; destroy(): void } {
  // Every font of an export is embedded: no system fonts. (pdf.js 5 uses no eval, so the CSP holds.)
  const task = getDocument({ data: bytes.slice(), useSystemFonts: false, disableAutoFetch: true });
  return { promise: task.promise, destroy: () => void task.destroy() };
}

/** Renders one page into a canvas at CSS scale `scale` (1 = 96 dpi); resolves to the page's text. */
export async function renderPage(doc: PdfDoc, index: number, canvas: HTMLCanvasElement, scale: number): Promise<string> {
  const page = await doc.getPage(index + 1);
  const cssScale = (scale * 96) / 72;
  const ratio = Math.min(2, globalThis.devicePixelRatio || 1);
  const viewport = page.getViewport({ scale: cssScale * ratio });
  canvas.width = Math.floor(viewport.width);
  canvas.height = Math.floor(viewport.height);
  await page.render({ canvas, viewport }).promise;
  const text = await page.getTextContent();
  return text.items.map((i) => ('str' in i ? i.str : '')).join('');
}
