// Files the user picked in a dialog or opened with the application (file association, command line).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { HostFile, HostFileError, OpenFilesRequestSchema } from '../../shared/host/host';
import { BOOK_FILE_EXTENSION } from '../../shared/bookfile/bookfile';
import { t } from '../../shared/i18n';
import { FOLDER_DEPTH, isHiddenName, MAX_FOLDER_FILES } from '../../shared/import/files';
import { UserError } from '../../shared/model/errors';
import { errnoKey, errnoText } from './backups';
import { writeFileAtomic } from './safeWrite';

type OpenFilesRequestParsed = z.output<typeof OpenFilesRequestSchema>;

/** Largest file the app reads into memory (a full volume with photos is far below this). */
export const MAX_OPEN_BYTES = 1024 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export async function readHostFile(filePath: string, maxBytes = MAX_OPEN_BYTES): Promise<HostFile> {
  const f = await readSizedFile(filePath, maxBytes);
  if (f.error) throw fileError(f);
  return f;
}

/** Why a file could not be read, in Chinese and as a catalog message where it has a name. */
function unreadable(e: unknown): HostFileError {
  const key = errnoKey(e);
  return { reason: 'unreadable', message: errnoText(e), ...(key ? { reasonKey: key } : {}) };
}

/** The Chinese UserError of a file that was not read. */
function fileError(f: HostFile): UserError {
  if (f.error?.reason === 'too-large') return new UserError('shell.file.tooLarge', { file: f.name, size: formatBytes(f.error.size) }, f.path ?? f.name);
  if (f.error?.reason === 'empty-folder') return new UserError('shell.file.readFailed', { file: f.name, reason: t('import.reason.emptyFolder', {}, 'zh') }, f.path ?? f.name);
  return new UserError('shell.file.readFailed', { file: f.name, reason: f.error?.reason === 'unreadable' ? f.error.message : '' }, f.path ?? f.name);
}

/**
 * A file read only when it is no larger than maxBytes (checked with stat first, so a 1 GB file is never
 * read to be refused); a file that is too large or cannot be read comes back with `error` and no bytes.
 */
export async function readSizedFile(filePath: string, maxBytes = MAX_OPEN_BYTES, relativePath?: string): Promise<HostFile> {
  const name = path.basename(filePath);
  const base = { name, path: filePath, ...(relativePath ? { relativePath } : {}) };
  let size: number;
  try {
    const st = await fs.stat(filePath);
    if (!st.isFile()) return { ...base, bytes: new Uint8Array(), error: { reason: 'unreadable', message: t('node.notAFile', {}, 'zh'), reasonKey: 'node.notAFile' } };
    size = st.size;
  } catch (e) {
    return { ...base, bytes: new Uint8Array(), error: unreadable(e) };
  }
  if (size > maxBytes) return { ...base, bytes: new Uint8Array(), size, error: { reason: 'too-large', size, limit: maxBytes } };
  try {
    return { ...base, size, bytes: new Uint8Array(await fs.readFile(filePath)) };
  } catch (e) {
    return { ...base, bytes: new Uint8Array(), size, error: unreadable(e) };
  }
}

/**
 * The files in a folder, sub-folders included (FOLDER_DEPTH deep), whose extension is one of `extensions` (all
 * when it holds "*"): hidden files, Word's lock and temporary files and symbolic links left out, sorted by path,
 * at most MAX_FOLDER_FILES of them (`truncated` when there were more). relativePath starts with the folder's name.
 */
export async function filesInFolder(dir: string, extensions: readonly string[]): Promise<{ files: { path: string; relativePath: string }[]; truncated: boolean }> {
  const exts = new Set(extensions.map((e) => e.toLowerCase()));
  const any = exts.has('*');
  const out: { path: string; relativePath: string }[] = [];
  const top = path.resolve(dir);
  const root = path.dirname(top);
  const walk = async (d: string, depth: number) => {
    const entries = await fs.readdir(d, { withFileTypes: true });
    for (const e of entries) {
      if (out.length > MAX_FOLDER_FILES) return;
      if (isHiddenName(e.name)) continue;
      const full = path.join(d, e.name);
      if (e.isDirectory()) {
        if (depth + 1 < FOLDER_DEPTH) await walk(full, depth + 1);
      } else if (e.isFile() && (any || exts.has(path.extname(e.name).slice(1).toLowerCase()))) {
        out.push({ path: full, relativePath: path.relative(root, full).split(path.sep).join('/') });
      }
    }
  };
  await walk(top, 0);
  const files = out.slice(0, MAX_FOLDER_FILES).sort((a, b) => a.relativePath.localeCompare(b.relativePath, 'zh-Hans-CN'));
  return { files, truncated: out.length > MAX_FOLDER_FILES };
}

/**
 * What an open dialog returns for the chosen paths (files, or folders with `req.folders`): every file checked
 * against its size limit before it is read; with `req.perFileErrors` an unreadable or too large one is
 * reported on its own while the others are read, else it fails the call.
 */
export async function readChosenFiles(
  paths: readonly string[],
  req: Pick<OpenFilesRequestParsed, 'filters' | 'folders' | 'maxBytes' | 'maxBytesByExtension' | 'perFileErrors'>,
): Promise<HostFile[]> {
  const files: HostFile[] = [];
  const targets: { path: string; relativePath?: string }[] = [];
  if (req.folders) {
    const exts = req.filters.flatMap((f) => f.extensions);
    for (const dir of paths) {
      try {
        const { files: found, truncated } = await filesInFolder(dir, exts.length ? exts : ['*']);
        const folder = { name: path.basename(dir), path: dir, bytes: new Uint8Array() };
        if (!found.length && req.perFileErrors) files.push({ ...folder, error: { reason: 'empty-folder' } });
        if (truncated && req.perFileErrors) files.push({ ...folder, error: { reason: 'folder-truncated', limit: MAX_FOLDER_FILES } });
        targets.push(...found);
      } catch (e) {
        if (!req.perFileErrors) throw new UserError('shell.file.readFailed', { file: path.basename(dir), reason: errnoText(e) }, String(e));
        files.push({ name: path.basename(dir), path: dir, bytes: new Uint8Array(), error: unreadable(e) });
      }
    }
  } else targets.push(...paths.map((p) => ({ path: p })));
  for (const t of targets) {
    const ext = path.extname(t.path).slice(1).toLowerCase();
    const limit = Math.min(MAX_OPEN_BYTES, req.maxBytesByExtension?.[ext] ?? req.maxBytes ?? MAX_OPEN_BYTES);
    const f = await readSizedFile(t.path, limit, t.relativePath);
    // Without per-file errors the first bad file fails the call with its own message.
    if (f.error && !req.perFileErrors) throw fileError(f);
    files.push(f);
  }
  return files;
}

export async function writeHostFile(filePath: string, bytes: Uint8Array): Promise<void> {
  try {
    await writeFileAtomic(filePath, bytes);
  } catch (e) {
    throw new UserError('shell.file.writeFailed', { file: path.basename(filePath), reason: errnoText(e) }, String(e));
  }
}

/**
 * Book files named on a command line: the file association starts the app as `年鉴编纂工作台 FILE`
 * (Windows, Linux) and a second launch forwards its argv to the running instance.
 */
export function bookFilesInArgv(argv: readonly string[], cwd: string): string[] {
  const out: string[] = [];
  for (const a of argv.slice(1)) {
    if (a.startsWith('-')) continue;
    if (path.extname(a).toLowerCase() !== `.${BOOK_FILE_EXTENSION}`) continue;
    out.push(path.resolve(cwd, a));
  }
  return out;
}

/** Adds the extension to a save-dialog path when the user typed a name without it. */
export function withExtension(filePath: string, extensions: readonly string[]): string {
  const real = extensions.filter((e) => e !== '*');
  if (!real.length) return filePath;
  const ext = path.extname(filePath).slice(1).toLowerCase();
  return real.some((e) => e.toLowerCase() === ext) ? filePath : `${filePath}.${real[0]}`;
}
