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
if (!binary.ok && process.env.YEARBOOK_NO_ELECTRON_DOWNLOAD !== '1') {
  // npm may have skipped Electron's install script; one quick attempt (fails at once without access).
  spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], { cwd: root, stdio: 'ignore', timeout: 300_000 });
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
