// Messages of the `yearbook` command line (electron/cli): help, usage lines, progress and summaries. The
// shell catalog (shell.ts) keeps the older cli.* keys of the first commands; new CLI text goes here.
const zh = {
  'cli.help.title': '年鉴编纂工作台命令行 (yearbook)',
  'cli.help.usage': '用法：yearbook <命令> [参数]',
  'cli.help.run': '在仓库根目录运行：npm run -s yearbook -- <命令> [参数]，或 npx yearbook <命令> [参数]（-s 让 npm 不在标准输出上打印它自己的提示行）',
  'cli.help.help': 'help [命令]  显示帮助',
  'cli.export.summary': '导出可交付印刷的 PDF 或 Word 文档（全书、类目或分目）；PDF 附印前检查结果',
  'cli.export.usage.pdf': 'yearbook export 书稿.yearbook --pdf 输出.pdf',
  'cli.export.usage.docx': 'yearbook export 书稿.yearbook --docx 输出.docx   Word 文档（标题样式、脚注、表格标题行跨页重复）',
  'cli.export.usage.scope': '  [--scope volume | category:类目名称或编号 | section:分目名称或编号 | section:类目/分目]',
  'cli.export.usage.profile': '  [--profile {presets}|版式方案.json]   （仅 PDF）',
  'cli.export.usage.press': '  [--press gray|cmyk]   印前转换（需要 Ghostscript）：灰度或四色（PDF/X-1a）（仅 PDF）',
  'cli.export.usage.jobs': '  [--jobs N]            同时排版的部分数（默认 2）（仅 PDF）',
} as const;

const en: Record<keyof typeof zh, string> = {
  'cli.help.title': 'Yearbook Workbench command line (yearbook)',
  'cli.help.usage': 'Usage: yearbook <command> [options]',
  'cli.help.run': 'From the repository root: npm run -s yearbook -- <command> [options], or npx yearbook <command> [options] (-s keeps npm\'s own banner off stdout)',
  'cli.help.help': 'help [command]  show help',
  'cli.export.summary': 'Export the print-ready PDF or a Word document (volume, category or section); the PDF with a preflight report',
  'cli.export.usage.pdf': 'yearbook export BOOK.yearbook --pdf OUT.pdf',
  'cli.export.usage.docx': 'yearbook export BOOK.yearbook --docx OUT.docx   Word document (heading styles, footnotes, repeated table header rows)',
  'cli.export.usage.scope': '  [--scope volume | category:NAME-or-ID | section:NAME-or-ID | section:CATEGORY/SECTION]',
  'cli.export.usage.profile': '  [--profile {presets}|PROFILE.json]   (PDF only)',
  'cli.export.usage.press': '  [--press gray|cmyk]   press conversion (needs Ghostscript): grey or CMYK (PDF/X-1a) (PDF only)',
  'cli.export.usage.jobs': '  [--jobs N]            parts laid out at once (default 2) (PDF only)',
};

export const cli = { zh, en };
