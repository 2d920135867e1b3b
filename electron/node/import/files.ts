// Importing files from disk: the size is checked before reading, the kind is decided by extension and
// content, text is decoded with its encoding named, DOCX goes through mammoth. Every refusal is a
// UserError naming the file and the reason in Chinese.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  checkImportSize,
  decodeText,
  finishImport,
  importFileKind,
  looksLikeDocx,
  htmlToSource,
  MAX_DOCX_BYTES,
  MAX_TEXT_BYTES,
  recognise,
  textToUnits,
  type ImportOptions,
  type ImportResult,
  type SourceDocument,
} from '../../../shared/import';
import { t } from '../../../shared/i18n';
import { randomId, UserError } from '../../../shared/model';
import { readDocx } from './docx';

export type FileKind = 'text' | 'docx' | 'html';

/** The reader for a file by its name (shared with the app's import screen). */
export function fileKind(file: string): FileKind | 'doc' | 'refused' {
  return importFileKind(path.basename(file));
}

function readError(file: string, e: unknown): UserError {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const key = code === 'ENOENT' ? 'node.read.ENOENT' : code === 'EACCES' || code === 'EPERM' ? 'node.read.EACCES' : code === 'EISDIR' ? 'node.read.EISDIR' : 'node.read.other';
  const reason = t(key, {}, 'zh');
  return new UserError('import.readFailed', { file, reason }, e instanceof Error ? e.message : String(e), { cause: e });
}

export interface FileImportOptions extends ImportOptions {
  /** Text encoding chosen by the user (overrides detection). */
  encoding?: string;
}

/** The source document of a file, with its images (DOCX). */
export async function readSource(file: string, opts: FileImportOptions = {}): Promise<{ doc: SourceDocument; assets: NonNullable<ImportResult['assets']>; log: string[] }> {
  const name = path.basename(file);
  const kind = fileKind(file);
  if (kind === 'refused') throw new UserError('import.unsupportedType', { file: name }, path.extname(file));
  let size: number;
  try {
    const st = await stat(file);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    size = st.size;
  } catch (e) {
    throw readError(name, e);
  }
  checkImportSize(name, size, kind === 'docx' || kind === 'doc' ? MAX_DOCX_BYTES : MAX_TEXT_BYTES);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (e) {
    throw readError(name, e);
  }
  if (bytes.length === 0) throw new UserError('import.empty', { file: name });
  if (kind === 'docx' || kind === 'doc') {
    const r = await readDocx(bytes, name, opts.ids ?? randomId);
    return { doc: r.doc, assets: r.assets, log: r.messages };
  }
  // A Word document with another extension is still read as one.
  if (looksLikeDocx(bytes)) {
    const r = await readDocx(bytes, name, opts.ids ?? randomId);
    return { doc: r.doc, assets: r.assets, log: r.messages };
  }
  const decoded = decodeText(bytes, name, opts.encoding);
  if (kind === 'html') {
    const doc = htmlToSource(decoded.text, name);
    return { doc: { ...doc, encoding: decoded.encoding }, assets: [], log: [] };
  }
  return { doc: { name, format: 'text', units: textToUnits(decoded.text), encoding: decoded.encoding }, assets: [], log: [] };
}

/** Reads and recognises one file. Throws a UserError for any input it cannot import. */
export async function importFile(file: string, opts: FileImportOptions = {}): Promise<ImportResult & { log: string[] }> {
  const { doc, assets, log } = await readSource(file, opts);
  const result = recognise(doc, opts);
  return { ...finishImport(result, assets, path.basename(file)), log };
}
