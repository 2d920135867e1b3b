// The `yearbook` command: the same core as the app, headless. Run as `npm run yearbook -- <args>`.
import { parseArgs } from './command';
import { commands } from './commands';
import { processIo, reportFailure, type CliIo } from './io';

function help(io: CliIo): void {
  io.err('年鉴编纂工作台命令行 (yearbook)\n');
  io.err('用法：yearbook <命令> [参数]\n');
  for (const c of commands) io.err(`  ${c.name.padEnd(10)} ${c.summary}`);
  io.err('\n  help [命令]  显示帮助');
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
    io.err(`错误：没有名为“${name}”的命令。`);
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

// Entry point when run directly (tsx electron/cli/main.ts …).
const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  runCli(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      reportFailure(processIo, e, true);
      process.exitCode = 2;
    },
  );
}
