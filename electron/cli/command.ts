// One file per command under ./commands; each exports a Command and is listed in ./commands/index.ts.
import type { CliIo } from './io';

export interface ParsedArgs {
  /** Positional arguments after the command name. */
  positionals: string[];
  /** --name value / --name=value / --flag (true). Repeated options keep the last value; see `all`. */
  options: Record<string, string | true>;
  /** Every value of a repeated option. */
  all: Record<string, (string | true)[]>;
}

export interface Command {
  name: string;
  /** One line in Chinese for `yearbook help`. */
  summary: string;
  /** Usage lines, e.g. "yearbook info FILE". */
  usage: string[];
  /** Options that take no value (everything else takes the next argument as its value). */
  flags?: string[];
  /** Returns the exit status: 0 success, 1 the check found errors, 2 usage or input error. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}

export function parseArgs(argv: string[], flags: readonly string[] = []): ParsedArgs {
  const positionals: string[] = [];
  const options: Record<string, string | true> = {};
  const all: Record<string, (string | true)[]> = {};
  const set = (k: string, v: string | true) => {
    options[k] = v;
    (all[k] ??= []).push(v);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) set(a.slice(2, eq), a.slice(eq + 1));
      else {
        const name = a.slice(2);
        const next = argv[i + 1];
        if (flags.includes(name) || next === undefined || next.startsWith('--')) set(name, true);
        else {
          set(name, next);
          i++;
        }
      }
    } else positionals.push(a);
  }
  return { positionals, options, all };
}
