// .ci/run on a fresh Debian machine: `npm ci` must work with only the npm registry reachable. The install
// scripts npm runs are the ones listed here (each stays on the machine); a new one (an Electron release whose
// postinstall downloads its binary, say) fails this test until someone checks it works offline.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const ci = readFileSync(path.join(root, '.ci/run'), 'utf8');
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };

/** Packages with install scripts, and why each needs nothing but the npm registry. */
const KNOWN_INSTALL_SCRIPTS: Record<string, string> = {
  'node_modules/esbuild': 'install.js checks the platform binary from its optional dependency @esbuild/<platform> (npm registry)',
  'node_modules/electron-winstaller': 'select-7z-arch.js copies a bundled 7-Zip binary',
  'node_modules/core-js': 'prints a message',
  'node_modules/es5-ext': 'prints a message',
};

describe('.ci/run installs with the npm registry alone', () => {
  it('runs only install scripts known to stay on the machine', () => {
    const withScripts = Object.entries(lock.packages)
      .filter(([, p]) => p.hasInstallScript)
      .map(([k]) => k)
      .sort();
    expect(withScripts).toEqual(Object.keys(KNOWN_INSTALL_SCRIPTS).sort());
  });

  it('skips the Electron binary download for npm ci only, so test:electron can still fetch it where the host is reachable', () => {
    const install = ci.split('\n').filter((l) => /^\s*[^#\s].*\bnpm ci\b/.test(l) && !/^\s*say\b/.test(l));
    expect(install).toEqual(['ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund']);
    expect(ci).not.toMatch(/^\s*export\s+ELECTRON_SKIP_BINARY_DOWNLOAD/m);
  });
});
