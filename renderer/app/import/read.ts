// Reading one dropped or chosen file into a recognised draft, in the browser (the import worker runs this;
// the CLI does the same with electron/node/import/files.ts): size checked first, the kind decided by name and
// content, text decoded with its encoding named (or the one the editor chose), Word documents through
// mammoth's browser build, then the shared recogniser with the editor's corrections.
import mammoth from 'mammoth';
import { sha256Hex } from '../../../shared/bookfile/bookfile';
import {
  checkDocxBytes,
  checkImportSize,
  decodeText,
  DOCX_STYLE_MAP,
  finishImport,
  htmlToSource,
  imageExtension,
  importFileKind,
  looksLikeDocx,
  MAX_DOCX_BYTES,
  MAX_TEXT_BYTES,
  recognise,
  textToUnits,
  type ImportedAsset,
  type ImportResult,
  type LineOverride,
  type SourceDocument,
} from '../../../shared/import';
import { ID_PREFIX, randomId, UserError, type IdGenerator } from '../../../shared/model';

export interface ReadSource {
  doc: SourceDocument;
  assets: ImportedAsset[];
}

async function readDocx(bytes: Uint8Array, name: string, ids: IdGenerator): Promise<ReadSource> {
  checkDocxBytes(bytes, name);
  const assets: ImportedAsset[] = [];
  let html: string;
  try {
    const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    const result = await mammoth.convertToHtml(
      { arrayBuffer: buffer },
      {
        styleMap: DOCX_STYLE_MAP,
        convertImage: mammoth.images.imgElement(async (image) => {
          const data = new Uint8Array(await image.readAsArrayBuffer());
          const id = ids(ID_PREFIX.asset);
          const mime = image.contentType || 'application/octet-stream';
          assets.push({ asset: { id, fileName: `${id}.${imageExtension(mime)}`, mime, byteLength: data.length, sha256: sha256Hex(data) }, bytes: data });
          return { src: `asset:${id}` };
        }),
      },
    );
    html = result.value;
  } catch (e) {
    throw new UserError('import.docxCorrupt', { file: name }, e instanceof Error ? e.message : String(e), { cause: e });
  }
  const doc = htmlToSource(html, name, { resolveImage: (src) => (src.startsWith('asset:') ? src.slice(6) : null) }, 'docx');
  return { doc, assets };
}

/** The source document of a file's bytes; throws a UserError naming the file for anything it cannot read. */
export async function readSource(name: string, bytes: Uint8Array, encoding?: string, ids: IdGenerator = randomId): Promise<ReadSource> {
  const kind = importFileKind(name);
  if (kind === 'refused') throw new UserError('import.unsupportedType', { file: name }, name);
  checkImportSize(name, bytes.length, kind === 'docx' || kind === 'doc' ? MAX_DOCX_BYTES : MAX_TEXT_BYTES);
  if (bytes.length === 0) throw new UserError('import.empty', { file: name });
  // A Word document with another extension is still read as one.
  if (kind === 'docx' || kind === 'doc' || looksLikeDocx(bytes)) return readDocx(bytes, name, ids);
  const decoded = decodeText(bytes, name, encoding);
  if (kind === 'html') return { doc: { ...htmlToSource(decoded.text, name), encoding: decoded.encoding }, assets: [] };
  return { doc: { name, format: 'text', units: textToUnits(decoded.text), encoding: decoded.encoding }, assets: [] };
}

/** Largest picture kept from a paste (given inline as data). */
const MAX_PASTED_IMAGE = 20 * 2 ** 20;

/** The bytes of an inline picture "data:image/png;base64,…", or null. */
function dataImage(src: string): { mime: string; bytes: Uint8Array } | null {
  const m = /^data:(image\/(?:png|jpe?g|gif|bmp|webp));base64,([a-z0-9+/=\s]+)$/i.exec(src);
  if (!m || m[2]!.length > (MAX_PASTED_IMAGE * 4) / 3 + 4) return null;
  try {
    const bin = atob(m[2]!.replace(/\s+/g, ''));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    return { mime: m[1]!.toLowerCase().replace('jpg', 'jpeg'), bytes };
  } catch {
    return null;
  }
}

/**
 * The source of pasted content: UTF-8 bytes of HTML already sanitised in the page (paste.ts), or of plain
 * text. Pictures given inline as data become assets; any other picture is a figure without its image.
 */
export function readPasted(name: string, bytes: Uint8Array, kind: 'html' | 'text', ids: IdGenerator = randomId): ReadSource {
  checkImportSize(name, bytes.length, MAX_TEXT_BYTES);
  const text = new TextDecoder('utf-8').decode(bytes);
  if (!text.trim()) throw new UserError('import.empty', { file: name });
  if (kind === 'text') return { doc: { name, format: 'text', units: textToUnits(text) }, assets: [] };
  const assets: ImportedAsset[] = [];
  const resolveImage = (src: string): string | null => {
    const img = dataImage(src);
    if (!img) return null;
    const id = ids(ID_PREFIX.asset);
    assets.push({ asset: { id, fileName: `${id}.${imageExtension(img.mime)}`, mime: img.mime, byteLength: img.bytes.length, sha256: sha256Hex(img.bytes) }, bytes: img.bytes });
    return id;
  };
  return { doc: htmlToSource(text, name, { resolveImage }), assets };
}

/** Recognises a read source with the editor's corrections; UserError when nothing was recognised. */
export function recogniseSource(source: ReadSource, overrides: readonly LineOverride[]): ImportResult {
  return finishImport(recognise(source.doc, { overrides }), source.assets, source.doc.name);
}
