// `npm start`: builds and launches the desktop app in Electron where it can run. Where it cannot —
// the Electron binary was never downloaded (no access to its download host), or there is no graphical
// session — it says so plainly in Chinese and English and starts web mode instead (`npm run web`), so the
// README's start command works on every machine.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { t } from '../../shared/i18n';
import { findElectronBinary, hasDisplay, type ElectronBinary } from '../node/electronBinary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function say(zh: string, en: string): void {
  process.stderr.write(`\n${zh}\n${en}\n\n`);
}

/** npm may skip Electron's install script; try the download once (it fails fast where there is no access). */
function tryDownload(): ElectronBinary {
  if (process.env.YEARBOOK_NO_ELECTRON_DOWNLOAD === '1') return findElectronBinary(root);
  process.stderr.write(`${t('node.start.downloading', {}, 'zh')} / ${t('node.start.downloading', {}, 'en')}\n`);
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 300_000,
  });
  const found = findElectronBinary(root);
  if (!found.ok && r.stderr?.length) {
    const last = r.stderr.toString().trim().split('\n').find((l) => /error|fail/i.test(l));
    if (last) return { ...found, reason: t('node.start.detail', { reason: found.reason, detail: last.trim() }, 'zh'), reasonEn: t('node.start.detail', { reason: found.reasonEn, detail: last.trim() }, 'en') };
  }
  return found;
}

/** Vite's notice about a config loader it may make the default one day speaks to us, not to the person starting the app. */
const VITE_ENV = { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' };

/** Whether the web mode's fixed port (vite.config.ts) can be listened on. */
function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function webMode(zhReason: string, enReason: string): Promise<void> {
  say(t('shell.start.noElectron', { reason: zhReason }, 'zh'), t('shell.start.noElectron', { reason: enReason }, 'en'));
  // The origin holds the books (IndexedDB), so the port is fixed: say why it cannot start rather than Vite's error.
  const port = Number(process.env.YEARBOOK_WEB_PORT ?? 5173);
  if (!(await portFree(port))) {
    say(t('node.start.portBusy', { port }, 'zh'), t('node.start.portBusy', { port }, 'en'));
    process.exit(1);
  }
  const child = spawn(npm, ['run', 'web'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', env: VITE_ENV });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => child.kill(s));
}

function main(): void {
  let electron = findElectronBinary(root);
  if (!electron.ok && process.env.YEARBOOK_FORCE_WEB !== '1') electron = tryDownload();
  if (process.env.YEARBOOK_FORCE_WEB === '1') return void webMode(t('node.start.forceWeb', {}, 'zh'), t('node.start.forceWeb', {}, 'en'));
  if (!electron.ok) return void webMode(electron.reason, electron.reasonEn);
  if (!hasDisplay()) return void webMode(t('node.start.noDisplay', {}, 'zh'), t('node.start.noDisplay', {}, 'en'));

  // The desktop app runs the built files: the renderer (dist/renderer) and main + preload (dist/electron).
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32', env: VITE_ENV });
  if (build.status !== 0) process.exit(build.status ?? 1);

  const args = ['.'];
  // Chromium refuses to run as root with its sandbox; renderers stay sandboxed by Electron's own sandbox flag.
  if (process.platform === 'linux' && process.getuid?.() === 0) args.push('--no-sandbox');
  const started = Date.now();
  const child = spawn(electron.path, args, {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, YEARBOOK_LOG_STDERR: '1', ELECTRON_ENABLE_SECURITY_WARNINGS: 'true' },
  });
  for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, () => child.kill(s));
  child.on('error', (e) => void webMode(t('node.start.cannotStart', { message: e.message }, 'zh'), t('node.start.cannotStart', { message: e.message }, 'en')));
  child.on('exit', (code, signal) => {
    // A crash within seconds of the start means this machine cannot run it (missing system libraries).
    if ((code !== 0 || signal) && Date.now() - started < 5000) {
      const how = (l: 'zh' | 'en') => signal ?? t('node.start.exitCode', { code: String(code) }, l);
      return void webMode(t('node.start.exitedAtOnce', { how: how('zh') }, 'zh'), t('node.start.exitedAtOnce', { how: how('en') }, 'en'));
    }
    process.exit(signal ? 1 : (code ?? 0));
  });
}

main();
