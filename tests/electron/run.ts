// `npm run test:electron`: runs the Electron-mode suite where an Electron binary exists, and otherwise says
// plainly that it was skipped and why (exit 0, in well under a second). Without a graphical session it uses
// xvfb-run when installed.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, hasDisplay } from '../../electron/node/electronBinary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

let binary = findElectronBinary(root);
const DOWNLOAD_TIMEOUT_S = 120;
if (!binary.ok && process.env.YEARBOOK_NO_ELECTRON_DOWNLOAD !== '1') {
  // npm may have skipped Electron's install script (or ELECTRON_SKIP_BINARY_DOWNLOAD was set): one attempt. It
  // fails at once where the download host refuses the connection, but a network that drops packets can keep it
  // waiting, so say so first — the suite is then skipped after the timeout.
  process.stdout.write(
    `Electron 程序文件不存在，正在尝试下载（最长 ${DOWNLOAD_TIMEOUT_S} 秒；设置 YEARBOOK_NO_ELECTRON_DOWNLOAD=1 可不下载）……\n` +
      `No Electron binary; trying to download it (up to ${DOWNLOAD_TIMEOUT_S} s; set YEARBOOK_NO_ELECTRON_DOWNLOAD=1 to skip)…\n`,
  );
  spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, stdio: 'ignore', timeout: DOWNLOAD_TIMEOUT_S * 1000 });
  binary = findElectronBinary(root);
}
if (!binary.ok) {
  process.stdout.write(`Electron 模式测试已跳过：${binary.reason}。\nElectron-mode suite skipped: ${binary.reasonEn}.\n`);
  process.exit(0);
}

const build = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (build.status !== 0) process.exit(build.status ?? 1);

const playwright = [npx, 'playwright', 'test', '-c', 'tests/electron/playwright.config.ts', ...process.argv.slice(2)];
let cmd = playwright;
if (!hasDisplay()) {
  const xvfb = spawnSync('sh', ['-c', 'command -v xvfb-run'], { encoding: 'utf8' });
  if (xvfb.status !== 0) {
    process.stdout.write('Electron 模式测试已跳过：没有图形界面，也没有 xvfb-run。\nElectron-mode suite skipped: no graphical session and no xvfb-run.\n');
    process.exit(0);
  }
  cmd = ['xvfb-run', '-a', '-s', '-screen 0 1600x1000x24', ...playwright];
}
const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
