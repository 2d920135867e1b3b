// The application log: one text file in userData/logs, rotated by size (main.log, main.1.log, …).
// Lines are appended synchronously so that the last words before a crash are on disk.
import fs from 'node:fs';
import path from 'node:path';
import type { LogLevel } from '../../shared/host/host';

export interface LoggerOptions {
  dir: string;
  /** Base file name without extension (default "main"). */
  name?: string;
  /** Rotate when the current file exceeds this size (default 2 MB). */
  maxBytes?: number;
  /** How many rotated files to keep besides the current one (default 3). */
  keep?: number;
  /** Also echo to stderr (development). */
  echo?: boolean;
  now?: () => Date;
}

export interface Logger {
  readonly file: string;
  log(level: LogLevel, message: string, detail?: string, source?: string): void;
  debug(message: string, detail?: string): void;
  info(message: string, detail?: string): void;
  warn(message: string, detail?: string): void;
  error(message: string, detail?: string): void;
}

/** One line per record; the detail (a stack, a zod report) follows indented so the file stays greppable. */
export function formatLogLine(time: Date, level: LogLevel, source: string, message: string, detail?: string): string {
  const oneLine = message.replace(/\r?\n/g, ' ⏎ ');
  let s = `${time.toISOString()} ${level.toUpperCase().padEnd(5)} [${source}] ${oneLine}\n`;
  if (detail) s += detail.split(/\r?\n/).map((l) => `    ${l}`).join('\n') + '\n';
  return s;
}

export function createFileLogger(opts: LoggerOptions): Logger {
  const name = opts.name ?? 'main';
  const maxBytes = opts.maxBytes ?? 2 * 1024 * 1024;
  const keep = opts.keep ?? 3;
  const now = opts.now ?? (() => new Date());
  const file = path.join(opts.dir, `${name}.log`);
  let ready = false;
  let size = 0;

  const rotate = () => {
    for (let i = keep; i >= 1; i--) {
      const from = i === 1 ? file : path.join(opts.dir, `${name}.${i - 1}.log`);
      const to = path.join(opts.dir, `${name}.${i}.log`);
      try {
        if (fs.existsSync(from)) fs.renameSync(from, to);
      } catch {
        /* a locked old log must not stop logging */
      }
    }
    size = 0;
  };

  const log = (level: LogLevel, message: string, detail?: string, source = 'main') => {
    const line = formatLogLine(now(), level, source, message, detail);
    if (opts.echo) process.stderr.write(line);
    try {
      if (!ready) {
        fs.mkdirSync(opts.dir, { recursive: true });
        size = fs.existsSync(file) ? fs.statSync(file).size : 0;
        ready = true;
      }
      if (size > 0 && size + Buffer.byteLength(line) > maxBytes) rotate();
      fs.appendFileSync(file, line);
      size += Buffer.byteLength(line);
    } catch {
      // Logging must never take the application down (full disk, read-only profile).
    }
  };

  return {
    file,
    log,
    debug: (m, d) => log('debug', m, d),
    info: (m, d) => log('info', m, d),
    warn: (m, d) => log('warn', m, d),
    error: (m, d) => log('error', m, d),
  };
}
