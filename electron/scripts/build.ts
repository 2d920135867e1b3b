// Bundles the Electron main process and the preload bridge into dist/electron/main.cjs and preload.cjs
// (package.json "main" points at main.cjs). A sandboxed preload cannot require anything but "electron",
// so both are single CommonJS files with every dependency inlined; only electron and Node built-ins stay
// external. Run by `npm run build:electron` (and `npm run build`).
import { build, type BuildOptions } from 'esbuild';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const production = process.env.NODE_ENV === 'production' || process.argv.includes('--production');

const common: BuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: 'linked',
  logLevel: 'warning',
  external: ['electron', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
  define: { 'process.env.NODE_ENV': JSON.stringify(production ? 'production' : 'development') },
  absWorkingDir: root,
};

export async function buildElectron(outDir = 'dist/electron'): Promise<void> {
  const started = Date.now();
  await Promise.all([
    build({
      ...common,
      entryPoints: ['electron/main/main.ts'],
      outfile: `${outDir}/main.cjs`,
      // Node modules written as ESM read import.meta.url; in the CommonJS bundle it is the bundle's own URL.
      define: { ...common.define, 'import.meta.url': '__bundleUrl' },
      banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
    }),
    // The preload runs in a sandboxed renderer: no Node built-ins, browser-like globals.
    build({ ...common, entryPoints: ['electron/preload/preload.ts'], outfile: `${outDir}/preload.cjs`, external: ['electron'] }),
  ]);
  process.stderr.write(`electron: ${outDir}/main.cjs + preload.cjs (${Date.now() - started} ms)\n`);
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${path.resolve(process.argv[1])}`).href;
if (isMain) {
  buildElectron().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
