// The CLI's console captured for the tests that run runCli in-process.
import type { CliIo } from '../../../electron/cli/io';

export interface CapturedIo extends CliIo {
  /** stdout as a terminal shows it: every line ended with a newline. */
  stdout: string;
  /** stderr as a terminal shows it, without the progress lines. */
  stderr: string;
  /** The lines written to stdout, in order. */
  outLines: string[];
  /** The lines written to stderr, in order. */
  errLines: string[];
  /** Each progress report as `label done/total`. */
  progressLines: string[];
}

/** A CliIo that keeps everything the command writes. */
export function captureIo(): CapturedIo {
  const io: CapturedIo = {
    stdout: '',
    stderr: '',
    outLines: [],
    errLines: [],
    progressLines: [],
    out: (s) => {
      io.stdout += `${s}\n`;
      io.outLines.push(s);
    },
    err: (s) => {
      io.stderr += `${s}\n`;
      io.errLines.push(s);
    },
    progress: (label, done, total) => void io.progressLines.push(`${label} ${done}/${total}`),
  };
  return io;
}
