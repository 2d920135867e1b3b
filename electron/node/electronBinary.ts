// Finds the Electron binary without triggering its download (require('electron') downloads on demand,
// which hangs or fails on machines without access to the download host). Used by `npm start` and by the
// Electron-mode test suite to decide plainly whether the desktop shell can run here.
import fs from 'node:fs';
import path from 'node:path';
import { t } from '../../shared/i18n';

export type ElectronBinary = { ok: true; path: string } | { ok: false; reason: string; reasonEn: string };

export function findElectronBinary(root: string, env: NodeJS.ProcessEnv = process.env): ElectronBinary {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  if (!fs.existsSync(path.join(pkgDir, 'package.json'))) {
    return { ok: false, reason: t('node.electron.notInstalled', {}, 'zh'), reasonEn: t('node.electron.notInstalled', {}, 'en') };
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
      reason: t('node.electron.notDownloaded', {}, 'zh'),
      reasonEn: t('node.electron.notDownloaded', {}, 'en'),
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
