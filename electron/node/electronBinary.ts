// Finds the Electron binary without triggering its download (require('electron') downloads on demand,
// which hangs or fails on machines without access to the download host). Used by `npm start` and by the
// Electron-mode test suite to decide plainly whether the desktop shell can run here.
import fs from 'node:fs';
import path from 'node:path';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string; reasonEn: string };

export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) {
    return { ok: false, reason: '没有安装 electron 依赖，请先运行 npm ci', reasonEn: 'the electron package is not installed; run npm ci' };
  }
  let rel: string | undefined;
  try {
    rel = fs.readFileSync(path.join(pkgDir, 'path.txt'), 'utf8').trim();
  } catch {
    /* not downloaded */
  }
  const distRoot = env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(pkgDir, 'dist');
  const exe = path.join(distRoot, rel || defaultExecutable(process.platform));
  if (!fs.existsSync(exe)) {
    return {
      ok: false,
      reason: 'Electron 程序文件没有下载，本机可能无法访问它的下载服务器',
      reasonEn: 'the Electron binary has not been downloaded; its download host may be unreachable from this machine',
    };
  }
  return { ok: true, path: exe };
}

function defaultExecutable(platform: NodeJS.Platform): string {
  if (platform === 'win32') return 'electron.exe';
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  return 'electron';
}

/** Whether a desktop session is available for a window (Linux needs X11 or Wayland). */
export function hasDisplay(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): boolean {
  if (platform !== 'linux' && platform !== 'freebsd' && platform !== 'openbsd') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}
