// Console I/O of the CLI: machine-readable output goes to stdout alone; progress and logs go to stderr.
import { t } from '../../shared/i18n';
import { describeError, isUserError } from '../../shared/model/errors';

export interface CliIo {
  /** Machine-readable output (JSON, outlines, reports). */
  out(text: string): void;
  /** Human progress and log lines. */
  err(text: string): void;
  /** Progress of a long task, shown on stderr: done of total. */
  progress(label: string, done: number, total: number): void;
}

export const processIo: CliIo = {
  out: (text) => void process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
  progress: (label, done, total) => {
    if (process.stderr.isTTY) process.stderr.write(`\r${label} ${done}/${total}${done === total ? '\n' : ''}`);
    else if (done === total) process.stderr.write(`${label} ${done}/${total}\n`);
  },
};

/** Prints a failure: the Chinese message on stderr, the technical detail too when --verbose. */
export function reportFailure(io: CliIo, e: unknown, verbose: boolean): void {
  if (isUserError(e)) {
    io.err(t('cli.error', { message: e.message }, 'zh'));
    if (verbose && e.detail) io.err(e.detail);
  } else {
    io.err(t('cli.error', { message: t('cli.unexpected', {}, 'zh') }, 'zh'));
    io.err(describeError(e));
  }
}
