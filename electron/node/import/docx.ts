// Reading Word documents (.docx, also WPS files saved as .docx) with mammoth, a well-kept OOXML reader:
// its HTML keeps heading styles, bold runs, tables with merged and multi-line cells, images and footnotes.
// The HTML then goes through the same pure converter as a paste (shared/import/html.ts).
import mammoth from 'mammoth';
import { sha256Hex } from '../../../shared/bookfile/bookfile';
import { checkDocxBytes, DOCX_STYLE_MAP, htmlToSource, imageExtension, type ImportedAsset, type SourceDocument } from '../../../shared/import';
import { ID_PREFIX, UserError, type IdGenerator } from '../../../shared/model';

export { checkDocxBytes };

export interface DocxSource {
  doc: SourceDocument;
  assets: ImportedAsset[];
  /** mammoth's notes (unknown styles, unsupported elements), for the log. */
  messages: string[];
}

export async function readDocx(bytes: Uint8Array, fileName: string, ids: IdGenerator): Promise<DocxSource> {
  checkDocxBytes(bytes, fileName);
  const assets: ImportedAsset[] = [];
  let html: string;
  let messages: string[];
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        styleMap: DOCX_STYLE_MAP,
        convertImage: mammoth.images.imgElement(async (image) => {
          const data = new Uint8Array(await image.read());
          const id = ids(ID_PREFIX.asset);
          const mime = image.contentType || 'application/octet-stream';
          assets.push({ asset: { id, fileName: `${id}.${imageExtension(mime)}`, mime, byteLength: data.length, sha256: sha256Hex(data) }, bytes: data });
          return { src: `asset:${id}` };
        }),
      },
    );
    html = result.value;
    messages = result.messages.map((m) => `${m.type}: ${m.message}`);
  } catch (e) {
    throw new UserError('import.docxCorrupt', { file: fileName }, e instanceof Error ? e.message : String(e), { cause: e });
  }
  const doc = htmlToSource(html, fileName, { resolveImage: (src) => (src.startsWith('asset:') ? src.slice(6) : null) }, 'docx');
  return { doc, assets, messages };
}
