// Importing files from disk: the size is checked before reading, the kind is decided by extension and
// content, text is decoded with its encoding named, DOCX goes through mammoth. Every refusal is a
// UserError naming the file and the reason in Chinese.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import {
  checkImportSize,
  decodeText,
  finishImport,
  FOLDER_DEPTH,
  importFileKind,
  importSizeLimit,
  isHiddenName,
  isImportableName,
  looksLikeDocx,
  MAX_FOLDER_FILES,
  htmlToSource,
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
  const reason = t(code === 'ENOENT' ? 'import.reason.missing' : code === 'EACCES' || code === 'EPERM' ? 'import.reason.denied' : code === 'EISDIR' ? 'import.reason.folder' : 'import.reason.unreadable', {}, 'zh');
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
  checkImportSize(name, size, importSizeLimit(name));
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

export interface ExpandedPaths {
  /** Files to import, in the order given (a folder's files sorted by path). */
  files: string[];
  /** Each folder given, how many importable files were taken from it, and whether it held more (MAX_FOLDER_FILES). */
  folders: { folder: string; count: number; truncated: boolean }[];
}

/**
 * The files to import for paths given on a command line or chosen in a dialog: a file stays itself, a folder
 * becomes its text, Word and web files (sub-folders included, hidden files and Word's lock files left out).
 * A path that cannot be read is passed on as it is, so that reading it reports the reason for that file.
 */
export async function expandImportPaths(paths: readonly string[]): Promise<ExpandedPaths> {
  const files: string[] = [];
  const folders: ExpandedPaths['folders'] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = (await stat(p)).isDirectory();
    } catch {
      // Reported when the file is read.
    }
    if (!isDir) {
      files.push(p);
      continue;
    }
    const found: string[] = [];
    await walk(p, 0, found);
    const taken = found.slice(0, MAX_FOLDER_FILES).sort((a, b) => a.localeCompare(b, 'zh-Hans-CN'));
    folders.push({ folder: p, count: taken.length, truncated: found.length > MAX_FOLDER_FILES });
    files.push(...taken);
  }
  return { files, folders };
}

async function walk(dir: string, depth: number, out: string[]): Promise<void> {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (e) {
    throw readError(path.basename(dir), e);
  }
  for (const e of entries) {
    if (out.length > MAX_FOLDER_FILES) return;
    if (isHiddenName(e.name)) continue;
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (depth + 1 < FOLDER_DEPTH) await walk(full, depth + 1, out);
    } else if (e.isFile() && isImportableName(e.name)) out.push(full);
  }
}

/** Reads and recognises one file. Throws a UserError for any input it cannot import. */
export async function importFile(file: string, opts: FileImportOptions = {}): Promise<ImportResult & { log: string[] }> {
  const { doc, assets, log } = await readSource(file, opts);
  const result = recognise(doc, opts);
  return { ...finishImport(result, assets, path.basename(file)), log };
}
