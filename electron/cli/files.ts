// File helpers shared by CLI commands: read and write book files with Chinese messages on failure.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readBookFile, writeBookFile, type BookFileContents } from '../../shared/bookfile/bookfile';
import { UserError } from '../../shared/model/errors';
import { t } from '../../shared/i18n';
import { errnoText } from '../node/backups';
import { formatBytes } from '../node/files';
import { writeFileAtomic } from '../node/safeWrite';
import type { ParsedArgs } from './command';
import type { CliIo } from './io';

export async function readInputFile(file: string): Promise<Uint8Array> {
  const name = path.basename(file);
  let st;
  try {
    st = await fs.stat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new UserError('cli.fileNotFound', { file }, String(e));
    throw new UserError('cli.readFailed', { file: name, reason: errnoText(e) }, String(e));
  }
  if (!st.isFile()) throw new UserError('cli.notAFile', { file });
  try {
    return new Uint8Array(await fs.readFile(file));
  } catch (e) {
    throw new UserError('cli.readFailed', { file: name, reason: errnoText(e) }, String(e));
  }
}

export async function readBookFromFile(file: string): Promise<BookFileContents & { byteLength: number }> {
  const bytes = await readInputFile(file);
  return { ...readBookFile(bytes, path.basename(file)), byteLength: bytes.byteLength };
}

/** Writes bytes atomically (temp file + rename) and reports the result on stderr. */
export async function writeOutputFile(file: string, bytes: Uint8Array | string, io: CliIo): Promise<void> {
  try {
    await writeFileAtomic(path.resolve(file), bytes);
  } catch (e) {
    throw new UserError('cli.writeFailed', { file, reason: errnoText(e) }, String(e));
  }
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
  io.err(t('cli.wrote', { file, size: formatBytes(size) }, 'zh'));
}

export async function writeBookToFile(file: string, contents: BookFileContents, io: CliIo): Promise<void> {
  await writeOutputFile(file, writeBookFile(contents, { createdBy: 'Yearbook Workbench CLI' }), io);
}

/** Refuses options the command does not know (a typo must not be silently ignored). */
export function checkOptions(command: string, args: ParsedArgs, known: readonly string[]): void {
  for (const name of Object.keys(args.options)) {
    if (name !== 'verbose' && !known.includes(name)) throw new UserError('cli.unknownOption', { command, name });
  }
}

/** The value of a string option, or undefined; a bare flag (no value) is a usage error. */
export function stringOption(args: ParsedArgs, name: string, missingKey: 'cli.outMissing'): string | undefined {
  const v = args.options[name];
  if (v === undefined) return undefined;
  if (v === true || v === '') throw new UserError(missingKey);
  return v;
}

export function numberOption(args: ParsedArgs, name: string, min: number, max: number, integer = false): number | undefined {
  const v = args.options[name];
  if (v === undefined) return undefined;
  const n = typeof v === 'string' ? Number(v) : NaN;
  if (!Number.isFinite(n) || n < min || n > max || (integer && !Number.isInteger(n))) {
    throw new UserError('cli.badNumber', { name, min, max, value: String(v) });
  }
  return n;
}
