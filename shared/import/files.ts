// What every front end of the importer (the CLI, the app's import screen, its worker) decides the same way
// about a file before and after recognition: which reader by name and content, how a .docx is checked before
// mammoth sees it, Word's style names mapped for mammoth, and the images a recognised result really uses.
import { UserError } from '../model/errors';
import { MAX_DOCX_BYTES, MAX_TEXT_BYTES } from './encoding';
import type { ImportResult } from './types';

export type ImportFileKind = 'text' | 'docx' | 'doc' | 'html' | 'refused';

const HTML_EXT = new Set(['html', 'htm', 'xhtml']);
const REFUSED_EXT = new Set(['pdf', 'png', 'jpg', 'jpeg', 'gif', 'bmp', 'tif', 'tiff', 'zip', 'rar', '7z', 'xls', 'xlsx', 'ppt', 'pptx', 'wps', 'et', 'exe', 'mp3', 'mp4', 'yearbook']);

/** The extension of a file name, lower case, without the dot ("" when there is none). */
export function fileExtension(name: string): string {
  const base = name.replace(/^.*[\\/]/, '');
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

/** The reader for a file by its name; anything not known to be something else is read as text. */
export function importFileKind(name: string): ImportFileKind {
  const ext = fileExtension(name);
  if (ext === 'docx' || ext === 'docm' || ext === 'dotx') return 'docx';
  if (ext === 'doc') return 'doc';
  if (HTML_EXT.has(ext)) return 'html';
  if (REFUSED_EXT.has(ext)) return 'refused';
  return 'text';
}

/** Extensions taken from a folder (a department's whole folder of drafts). */
export const FOLDER_IMPORT_EXTENSIONS = ['txt', 'text', 'docx', 'html', 'htm'] as const;

/** A chosen or dropped folder is read this deep (a department's folder with a sub-folder per year or person)… */
export const FOLDER_DEPTH = 4;
/** …and gives at most this many files; one holding more says so (it is no department's drafts folder). */
export const MAX_FOLDER_FILES = 2000;

/** A file or folder a folder walk leaves out: hidden, Word's lock file ("~$稿件.docx") or its temporary file. */
export function isHiddenName(name: string): boolean {
  return name.startsWith('.') || name.startsWith('~$') || name.startsWith('~WRL');
}

/** Whether a file found in a folder is a draft to import: a text, Word or web file that is not hidden. */
export function isImportableName(name: string): boolean {
  const base = name.replace(/^.*[\\/]/, '');
  if (!base || isHiddenName(base)) return false;
  return (FOLDER_IMPORT_EXTENSIONS as readonly string[]).includes(fileExtension(base));
}

/** The size limit of a file by its kind (checked before it is read). */
export function importSizeLimit(name: string): number {
  const kind = importFileKind(name);
  return kind === 'docx' || kind === 'doc' ? MAX_DOCX_BYTES : MAX_TEXT_BYTES;
}

/** A ZIP package holding a Word document, whatever its name says. */
export function looksLikeDocx(bytes: Uint8Array): boolean {
  if (bytes.length <= 30 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  const head = bytes.subarray(0, Math.min(bytes.length, 2000));
  // "word/" in the local file headers' names.
  outer: for (let i = 0; i + 5 <= head.length; i++) {
    for (let k = 0; k < 5; k++) if (head[i + k] !== 'word/'.charCodeAt(k)) continue outer;
    return true;
  }
  return false;
}

/** Word's Chinese and English paragraph styles mapped to what the recogniser reads (mammoth style map). */
export const DOCX_STYLE_MAP = [
  "p[style-name='标题 1'] => h1:fresh",
  "p[style-name='标题 2'] => h2:fresh",
  "p[style-name='标题 3'] => h3:fresh",
  "p[style-name='标题 4'] => h4:fresh",
  "p[style-name='标题1'] => h1:fresh",
  "p[style-name='标题2'] => h2:fresh",
  "p[style-name='标题3'] => h3:fresh",
  "p[style-name='标题 4'] => h4:fresh",
  "p[style-name='标题4'] => h4:fresh",
  "p[style-name='Caption'] => p.caption:fresh",
  "p[style-name='caption'] => p.caption:fresh",
  // A style by its id (Word's built-in caption style is stored as w:pStyle w:val="Caption").
  'p.Caption => p.caption:fresh',
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

/** File extension for an image MIME type (the asset's file name in the book file). */
export function imageExtension(mime: string): string {
  return { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/bmp': 'bmp', 'image/tiff': 'tif', 'image/x-emf': 'emf', 'image/x-wmf': 'wmf' }[mime] ?? 'bin';
}

/** Asset ids the figures of a result point at. */
export function usedAssetIds(result: Pick<ImportResult, 'categories'>): Set<string> {
  const used = new Set<string>();
  for (const c of result.categories)
    for (const s of c.sections)
      for (const ch of s.children) {
        const blocks = ch.type === 'entry' ? ch.blocks : ch.type === 'subsection' ? ch.children.flatMap((x) => (x.type === 'entry' ? x.blocks : [x])) : [ch];
        for (const b of blocks) if (b.type === 'figure' && b.assetId) used.add(b.assetId);
      }
  return used;
}

/**
 * The result with only the images a figure points at, or a UserError when nothing at all was recognised
 * (a file of blank lines, a table-less spreadsheet export …).
 */
export function finishImport(result: ImportResult, assets: NonNullable<ImportResult['assets']>, fileName: string): ImportResult {
  if (!result.categories.length) throw new UserError('import.nothingRecognised', { file: fileName });
  const used = usedAssetIds(result);
  return { ...result, assets: assets.filter((a) => used.has(a.asset.id)) };
}
