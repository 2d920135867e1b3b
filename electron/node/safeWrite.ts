// Safe file writes: the bytes go to a temporary file next to the target, are flushed to disk, and only
// then renamed over the target. A crash, a full disk or a power cut leaves either the old file or the
// new one — never a truncated book.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export interface SafeWriteOptions {
  /** File mode of a newly created file (default 0o644). */
  mode?: number;
  /** Create missing parent directories (default false: a save dialog's folder exists). */
  mkdirs?: boolean;
}

export async function writeFileAtomic(target: string, data: Uint8Array | string, opts: SafeWriteOptions = {}): Promise<void> {
  const dir = path.dirname(target);
  if (opts.mkdirs) await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(tmp, 'wx', opts.mode ?? 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await renameWithRetry(tmp, target);
  } catch (e) {
    if (handle) await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw e;
  }
  // Make the rename itself durable where the platform allows syncing a directory (not on Windows).
  if (process.platform !== 'win32') {
    const d = await fs.open(dir, 'r').catch(() => undefined);
    if (d) await d.sync().catch(() => undefined).finally(() => d.close());
  }
}

/** On Windows a virus scanner or the indexer may briefly hold the target open; retry a few times. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (attempt >= 5 || (code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES')) throw e;
      await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
    }
  }
}
