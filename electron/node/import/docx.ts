// Reading Word documents (.docx, also WPS files saved as .docx) with mammoth, a well-kept OOXML reader:
// its HTML keeps heading styles, bold runs, tables with merged and multi-line cells, images and footnotes.
// The HTML then goes through the same pure converter as a paste (shared/import/html.ts).
import mammoth from 'mammoth';
import { sha256Hex } from '../../../shared/bookfile/bookfile';
import { htmlToSource, type ImportedAsset, type SourceDocument } from '../../../shared/import';
import { ID_PREFIX, UserError, type IdGenerator } from '../../../shared/model';

/** Word's Chinese and English paragraph styles mapped to what the recogniser reads. */
const STYLE_MAP = [
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
  "p[style-name='标题 4'] => h4:fresh",
  "p[style-name='标题1'] => h1:fresh",
  "p[style-name='标题2'] => h2:fresh",
  "p[style-name='标题3'] => h3:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-id='Caption'] => p.caption:fresh",
  "p[style-name='题注'] => p.caption:fresh",
];

function includesUtf16(bytes: Uint8Array, s: string): boolean {
  const needle = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) needle[i * 2] = s.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let k = 0; k < needle.length; k++) if (bytes[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** Refuses what is not a readable .docx with the reason: encrypted, old .doc, not a ZIP package. */
export function checkDocxBytes(bytes: Uint8Array, fileName: string): void {
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (ole) {
    // Word stores a password-protected .docx as an OLE compound file holding EncryptionInfo.
    if (includesUtf16(bytes.subarray(0, Math.min(bytes.length, 1 << 20)), 'EncryptionInfo')) {
      throw new UserError('import.docxEncrypted', { file: fileName }, 'OLE compound file with EncryptionInfo');
    }
    throw new UserError('import.docOld', { file: fileName }, 'OLE compound file (Word 97-2003)');
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw new UserError('import.docxCorrupt', { file: fileName }, 'not a ZIP package');
}

function extension(mime: string): string {
  return { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/bmp': 'bmp', 'image/tiff': 'tif', 'image/x-emf': 'emf', 'image/x-wmf': 'wmf' }[mime] ?? 'bin';
}

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
        styleMap: STYLE_MAP,
        convertImage: mammoth.images.imgElement(async (image) => {
          const data = new Uint8Array(await image.read());
          const id = ids(ID_PREFIX.asset);
          const mime = image.contentType || 'application/octet-stream';
          assets.push({ asset: { id, fileName: `${id}.${extension(mime)}`, mime, byteLength: data.length, sha256: sha256Hex(data) }, bytes: data });
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
