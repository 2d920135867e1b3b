// Messages of the desktop shell's Node services and scripts (electron/node, electron/scripts): short reasons
// for file-system errors, the Electron binary check and `npm start`'s fallback to web mode.
const zh = {
  'node.errno.ENOSPC': '磁盘空间不足',
  'node.errno.EACCES': '没有写入权限',
  'node.errno.EROFS': '磁盘是只读的',
  'node.errno.ENOENT': '文件或文件夹不存在',
  'node.errno.EISDIR': '这是一个文件夹',
  'node.errno.EBUSY': '文件正被其他程序使用',
  'node.errno.ENAMETOOLONG': '文件名太长',
  'node.notAFile': '这不是一个文件',
  'node.backup.badBookId': '书稿编号无效',
  'node.electron.notInstalled': '没有安装 electron 依赖，请先运行 npm ci',
  'node.electron.notDownloaded': 'Electron 程序文件没有下载，本机可能无法访问它的下载服务器',
  'node.start.downloading': '正在下载 Electron 程序文件（仅首次）…',
  'node.start.forceWeb': '已设置 YEARBOOK_FORCE_WEB=1',
  'node.start.noDisplay': '没有图形界面（未设置 DISPLAY 或 WAYLAND_DISPLAY）',
  'node.start.cannotStart': 'Electron 无法启动：{message}',
  'node.start.exitedAtOnce': 'Electron 启动后立即退出（{how}），可能缺少系统库',
  'node.start.exitCode': '退出码 {code}',
  'node.start.detail': '{reason}；{detail}',
  'node.start.portBusy': '网页模式需要的端口 {port} 已被占用：年鉴编纂工作台可能已经在运行（请在浏览器中打开 http://127.0.0.1:{port}/），或者另一个程序正在使用它。书稿存放在这个固定地址下，所以不换用其他端口；关闭占用它的程序后再运行 npm start，或用 YEARBOOK_WEB_PORT 指定端口（换端口后看到的是另一份空的书稿存储）。',
} as const;

const en: Record<keyof typeof zh, string> = {
  'node.errno.ENOSPC': 'the disk is full',
  'node.errno.EACCES': 'no permission to write',
  'node.errno.EROFS': 'the disk is read-only',
  'node.errno.ENOENT': 'the file or folder does not exist',
  'node.errno.EISDIR': 'this is a folder',
  'node.errno.EBUSY': 'the file is in use by another program',
  'node.errno.ENAMETOOLONG': 'the file name is too long',
  'node.notAFile': 'this is not a file',
  'node.backup.badBookId': 'invalid book id',
  'node.electron.notInstalled': 'the electron package is not installed; run npm ci',
  'node.electron.notDownloaded': 'the Electron binary has not been downloaded; its download host may be unreachable from this machine',
  'node.start.downloading': 'Downloading the Electron binary (first run only)…',
  'node.start.forceWeb': 'YEARBOOK_FORCE_WEB=1 is set',
  'node.start.noDisplay': 'no graphical session (DISPLAY / WAYLAND_DISPLAY unset)',
  'node.start.cannotStart': 'Electron could not start: {message}',
  'node.start.exitedAtOnce': 'Electron exited right away ({how}); system libraries may be missing',
  'node.start.exitCode': 'exit code {code}',
  'node.start.detail': '{reason}; {detail}',
  'node.start.portBusy': 'Port {port}, which web mode needs, is in use: the Yearbook Workbench may already be running (open http://127.0.0.1:{port}/ in a browser), or another program holds it. Books are stored under this fixed address, so no other port is taken silently; close the program holding it and run npm start again, or choose a port with YEARBOOK_WEB_PORT (a different port sees a separate, empty book storage).',
};

export const node = { zh, en };
