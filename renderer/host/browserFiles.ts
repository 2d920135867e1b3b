// Files in the browser (web mode's open dialog, files and folders dropped on the window): sizes are checked
// with File.size before anything is read, a file that cannot be read is reported on its own, and dropped
// folders are walked through the File and Directory Entries API (webkitGetAsEntry).
import type { HostFile } from '../../shared/host';
import { t } from '../../shared/i18n';
import { FOLDER_DEPTH, isHiddenName, MAX_FOLDER_FILES } from '../../shared/import/files';

export interface SizeLimits {
  maxBytes?: number | undefined;
  maxBytesByExtension?: Record<string, number> | undefined;
}

/** The largest file a browser tab reads into memory. */
export const MAX_BROWSER_BYTES = 1024 * 1024 * 1024;

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export function limitFor(name: string, limits: SizeLimits): number {
  return Math.min(MAX_BROWSER_BYTES, limits.maxBytesByExtension?.[extensionOf(name)] ?? limits.maxBytes ?? MAX_BROWSER_BYTES);
}

/** Reads a file only when its size is within the limit; otherwise (or when reading fails) `error` says why. */
export async function readBrowserFile(file: File, limits: SizeLimits, relativePath?: string): Promise<HostFile> {
  const base = { name: file.name, size: file.size, ...(relativePath ? { relativePath } : {}) };
  const limit = limitFor(file.name, limits);
  if (file.size > limit) return { ...base, bytes: new Uint8Array(), error: { reason: 'too-large', size: file.size, limit } };
  try {
    return { ...base, bytes: new Uint8Array(await file.arrayBuffer()) };
  } catch {
    return { ...base, bytes: new Uint8Array(), error: { reason: 'unreadable', message: t('import.reason.browserUnreadable', {}, 'zh'), reasonKey: 'import.reason.browserUnreadable' } };
  }
}

/** Whether a file name found in a folder matches the extensions (all when "*" or none are given). */
export function matchesExtensions(name: string, extensions: readonly string[]): boolean {
  const exts = extensions.map((e) => e.toLowerCase());
  if (!exts.length || exts.includes('*')) return true;
  return exts.includes(extensionOf(name));
}

// The File and Directory Entries API, as far as this module uses it (structural, so tests can fake it).
export interface FileEntryLike {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath: string;
  file?(success: (f: File) => void, failure?: (e: unknown) => void): void;
  createReader?(): { readEntries(success: (entries: FileEntryLike[]) => void, failure?: (e: unknown) => void): void };
}

export interface FoundFile {
  /** The File, or null when the browser could not give it (reported as unreadable). */
  file: File | null;
  name: string;
  /** Path inside the dropped folder, starting with the folder's name; absent for a file dropped itself. */
  relativePath?: string;
}

/**
 * The files of dropped entries: a file as itself, a folder as its files (sub-folders included) that `accept`
 * takes, FOLDER_DEPTH deep and at most MAX_FOLDER_FILES of them. `folders` lists each dropped folder with the
 * number of files taken from it, and whether it held more.
 */
export async function filesOfEntries(entries: readonly FileEntryLike[], accept: (name: string) => boolean): Promise<{ files: FoundFile[]; folders: { name: string; count: number; truncated: boolean }[] }> {
  const files: FoundFile[] = [];
  const folders: { name: string; count: number; truncated: boolean }[] = [];
  const fileOf = (e: FileEntryLike) => new Promise<File | null>((resolve) => (e.file ? e.file(resolve, () => resolve(null)) : resolve(null)));
  const children = async (e: FileEntryLike): Promise<FileEntryLike[]> => {
    const reader = e.createReader?.();
    if (!reader) return [];
    const all: FileEntryLike[] = [];
    // readEntries gives the entries in batches until an empty one.
    for (;;) {
      const batch = await new Promise<FileEntryLike[]>((resolve) => reader.readEntries(resolve, () => resolve([])));
      if (!batch.length) return all;
      all.push(...batch);
    }
  };
  const walk = async (dir: FileEntryLike, depth: number, out: FoundFile[]) => {
    const list = (await children(dir)).sort((a, b) => a.name.localeCompare(b.name, 'zh-Hans-CN'));
    for (const e of list) {
      if (out.length > MAX_FOLDER_FILES || isHiddenName(e.name)) continue;
      if (e.isDirectory) {
        if (depth + 1 < FOLDER_DEPTH) await walk(e, depth + 1, out);
      } else if (e.isFile && accept(e.name)) out.push({ file: await fileOf(e), name: e.name, relativePath: e.fullPath.replace(/^\//, '') });
    }
  };
  for (const e of entries) {
    if (e.isDirectory) {
      const found: FoundFile[] = [];
      await walk(e, 0, found);
      const taken = found.slice(0, MAX_FOLDER_FILES);
      folders.push({ name: e.name, count: taken.length, truncated: found.length > MAX_FOLDER_FILES });
      files.push(...taken);
    } else if (e.isFile) files.push({ file: await fileOf(e), name: e.name });
  }
  return { files, folders };
}

/** A found file read within its limit (see readBrowserFile); a file the browser could not give is unreadable. */
export async function readFound(f: FoundFile, limits: SizeLimits): Promise<HostFile> {
  if (!f.file) return { name: f.name, ...(f.relativePath ? { relativePath: f.relativePath } : {}), bytes: new Uint8Array(), error: { reason: 'unreadable', message: t('import.reason.browserUnreadable', {}, 'zh'), reasonKey: 'import.reason.browserUnreadable' } };
  return readBrowserFile(f.file, limits, f.relativePath);
}
