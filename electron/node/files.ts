// Files the user picked in a dialog or opened with the application (file association, command line).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { HostFile } from '../../shared/host/host';
import { BOOK_FILE_EXTENSION } from '../../shared/bookfile/bookfile';
import { t } from '../../shared/i18n';
import { UserError } from '../../shared/model/errors';
import { errnoText } from './backups';
import { writeFileAtomic } from './safeWrite';

/** Largest file the app reads into memory (a full volume with photos is far below this). */
export const MAX_OPEN_BYTES = 1024 * 1024 * 1024;

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  if (n < 1024 * 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  return `${(n / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

export async function readHostFile(filePath: string, maxBytes = MAX_OPEN_BYTES): Promise<HostFile> {
  const name = path.basename(filePath);
  let size: number;
  try {
    const st = await fs.stat(filePath);
    if (!st.isFile()) throw new UserError('shell.file.readFailed', { file: name, reason: t('node.notAFile', {}, 'zh') }, filePath);
    size = st.size;
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw new UserError('shell.file.readFailed', { file: name, reason: errnoText(e) }, String(e));
  }
  if (size > maxBytes) throw new UserError('shell.file.tooLarge', { file: name, size: formatBytes(size) }, filePath);
  try {
    return { name, path: filePath, bytes: new Uint8Array(await fs.readFile(filePath)) };
  } catch (e) {
    throw new UserError('shell.file.readFailed', { file: name, reason: errnoText(e) }, String(e));
  }
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
