// Vite: the renderer (renderer/index.html) for web mode (`npm run web`) and for the Electron build
// (`npm run build:renderer` → dist/renderer, served by the shell from app://yearbook with relative paths).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { yearbookPrintPlugin } from './electron/node/print/service';
import { APP_CSP_META } from './shared/host/csp';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };

/**
 * The Content-Security-Policy of the built app, written into the built index.html: the same policy the
 * Electron shell sends as a header (shared/host/csp.ts). The dev server (HMR) needs inline scripts, so the
 * policy goes into the built file only.
 */
function cspMeta(): Plugin {
  return {
    name: 'yearbook-csp',
    apply: 'build',
    transformIndexHtml: () => [{ tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: APP_CSP_META }, injectTo: 'head-prepend' }],
  };
}

/** Chromium reads WOFF2; the bundled Noto faces' WOFF fallbacks would only double the app's size. */
function woff2Only(): Plugin {
  return {
    name: 'yearbook-woff2-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/@fontsource[\\/].+\.css$/.test(id)) return null;
      return { code: code.replace(/,\s*url\([^)]+\.woff\)\s*format\('woff'\)/g, ''), map: null };
    },
  };
}

const port = Number(process.env.YEARBOOK_WEB_PORT ?? 5173);

export default defineConfig({
  root: path.join(root, 'renderer'),
  base: './',
  publicDir: false,
  plugins: [woff2Only(), react(), cspMeta(), yearbookPrintPlugin()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    outDir: path.join(root, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    chunkSizeWarningLimit: 2000,
    // Inline nothing as data: URLs except tiny files; fonts stay separate files.
    assetsInlineLimit: 2048,
  },
  server: { host: '127.0.0.1', port, strictPort: true },
  preview: { host: '127.0.0.1', port, strictPort: true },
});
