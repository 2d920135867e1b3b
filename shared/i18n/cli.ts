// Messages of the `yearbook` command line (electron/cli): help, usage lines, progress and summaries. The
// shell catalog (shell.ts) keeps the older cli.* keys of the first commands; new CLI text goes here.
const zh = {
  'cli.help.title': '年鉴编纂工作台命令行 (yearbook)',
  'cli.help.usage': '用法：yearbook <命令> [参数]',
  'cli.help.run': '在仓库根目录运行：npm run -s yearbook -- <命令> [参数]，或 npx yearbook <命令> [参数]（-s 让 npm 不在标准输出上打印它自己的提示行）',
  'cli.help.help': 'help [命令]  显示帮助',
} as const;

const en: Record<keyof typeof zh, string> = {
  'cli.help.title': 'Yearbook Workbench command line (yearbook)',
  'cli.help.usage': 'Usage: yearbook <command> [options]',
  'cli.help.run': 'From the repository root: npm run -s yearbook -- <command> [options], or npx yearbook <command> [options] (-s keeps npm\'s own banner off stdout)',
  'cli.help.help': 'help [command]  show help',
};

export const cli = { zh, en };
