// The `yearbook` command: the same core as the app, headless. Run as `npm run -s yearbook -- <args>` (-s keeps
// npm's own banner off stdout) or `npx yearbook <args>` from the repository root.
import { parseArgs } from './command';
import { commands } from './commands';
import { processIo, reportFailure, type CliIo } from './io';
import { t } from '../../shared/i18n';

function help(io: CliIo): void {
  io.err(`${t('cli.help.title', {}, 'zh')}\n`);
  io.err(t('cli.help.usage', {}, 'zh'));
  io.err(`${t('cli.help.run', {}, 'zh')}\n`);
  for (const c of commands) io.err(`  ${c.name.padEnd(10)} ${c.summary}`);
  io.err(`\n  ${t('cli.help.help', {}, 'zh')}`);
}

export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const c = commands.find((x) => x.name === rest[0]);
    if (c) io.err(`${c.summary}\n\n${c.usage.map((u) => `  ${u}`).join('\n')}`);
    else help(io);
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(t('cli.error', { message: t('cli.unknownCommand', { name }, 'zh') }, 'zh'));
    help(io);
    return 2;
  }
  // `yearbook validate --help` is `yearbook help validate`.
  if (rest.includes('--help') || rest.includes('-h')) {
    io.err(`${command.summary}\n\n${command.usage.map((u) => `  ${u}`).join('\n')}`);
    return 0;
  }
  const args = parseArgs(rest, [...(command.flags ?? []), 'verbose']);
  try {
    return await command.run(args, io);
  } catch (e) {
    reportFailure(io, e, args.options.verbose === true);
    return 2;
  }
}

/** Runs the CLI as a process: exit status from the command, an unexpected failure reported on stderr. */
export async function main(argv: string[]): Promise<void> {
  try {
    process.exitCode = await runCli(argv);
  } catch (e) {
    reportFailure(processIo, e, true);
    process.exitCode = 2;
  }
}

// Entry point when run directly (tsx electron/cli/main.ts …, as `npm run -s yearbook -- …` does); the package's
// bin (electron/cli/bin.mjs, `npx yearbook …`) imports main instead.
const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) void main(process.argv.slice(2));
