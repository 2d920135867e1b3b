// The app:// protocol: the renderer is served from the fixed origin app://yearbook.
//
// The origin must never change: IndexedDB (the whole book storage) is keyed by origin, so a different
// scheme, host or port in a later version would orphan every user's data. The scheme is registered as
// standard + secure + supportFetchAPI by electron/main before the app is ready; this module resolves a
// request URL to a file under the renderer build (dist/renderer) with path-traversal protection, picks
// the MIME type and the security headers. It is plain Node so it is tested without Electron.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { APP_CSP } from '../../shared/host/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'yearbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** Print jobs are served from memory under this path (see printJobs.ts), with their own CSP. */
export const PRINT_PATH_PREFIX = '/__print/';
/** Resources a print document may load (bundled fonts, images), resolved by the export layer's resolver. */
export const RESOURCE_PATH_PREFIX = '/__yearbook/';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.pdf': 'application/pdf',
};

export function mimeFor(filePath: string): string {
  return MIME[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Content-Security-Policy of the pages printed to PDF: a static document, no scripts at all; styles
 * inline or from the app (bundled fonts), images inline (data:, blob:) or from the app.
 */
export const PRINT_CSP = [
  "default-src 'none'",
  "script-src 'none'",
  `style-src 'self' 'unsafe-inline'`,
  `img-src 'self' data: blob:`,
  `font-src 'self' data:`,
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers sent with every response of the app protocol. */
export function securityHeaders(csp: string = APP_CSP): Record<string, string> {
  return {
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), usb=(), serial=(), hid=()',
  };
}

export type Resolved =
  | { kind: 'file'; filePath: string }
  | { kind: 'print'; token: string }
  | { kind: 'resource'; rel: string }
  | { kind: 'rejected'; status: 400 | 403 | 404 | 405; reason: string };

/**
 * Maps a request URL to a file below rootDir. Only the app origin is served; the path is
 * percent-decoded once, must stay inside rootDir after normalisation (no "..", no absolute paths,
 * no backslashes or NUL), and "/" or an extension-less path (a client-side route) serves index.html.
 */
export function resolveAppUrl(rootDir: string, rawUrl: string): Resolved {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { kind: 'rejected', status: 400, reason: 'unparsable URL' };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) {
    return { kind: 'rejected', status: 403, reason: `foreign origin ${url.protocol}//${url.host}` };
  }
  // Check the raw (still encoded) path too: "%2e%2e%2f" and "%5c" are traversal attempts.
  const rawPath = url.pathname;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'rejected', status: 400, reason: 'bad percent-encoding' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'rejected', status: 400, reason: 'NUL or backslash in path' };
  const segments = decoded.split('/');
  if (segments.some((s) => s === '..' || s === '.')) return { kind: 'rejected', status: 403, reason: 'dot segment in path' };

  if (decoded.startsWith(PRINT_PATH_PREFIX)) {
    const token = decoded.slice(PRINT_PATH_PREFIX.length).replace(/\.html$/, '');
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(token)) return { kind: 'rejected', status: 404, reason: 'bad print token' };
    return { kind: 'print', token };
  }

  if (decoded.startsWith(RESOURCE_PATH_PREFIX)) {
    const rel = decoded.slice(RESOURCE_PATH_PREFIX.length);
    if (!/^[A-Za-z0-9_./-]{1,200}$/.test(rel)) return { kind: 'rejected', status: 404, reason: 'bad resource path' };
    return { kind: 'resource', rel };
  }

  let rel = decoded.replace(/^\/+/, '');
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  else if (path.posix.extname(rel) === '') rel = 'index.html'; // client-side route
  const root = path.resolve(rootDir);
  const filePath = path.resolve(root, ...rel.split('/'));
  if (filePath !== root && !filePath.startsWith(root + path.sep)) {
    return { kind: 'rejected', status: 403, reason: 'path leaves the renderer folder' };
  }
  return { kind: 'file', filePath };
}

export interface ProtocolResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | string | null;
}

export interface ServeOptions {
  /** The renderer build folder (dist/renderer). */
  rootDir: string;
  /** HTML of running print jobs, by token. */
  printPage?: (token: string) => string | undefined;
  /** Fonts and images under /__yearbook/ for print documents ("fonts/…", "assets/<id>"). */
  resource?: (rel: string) => { body: Uint8Array; contentType: string } | null;
  /** Called for every refused request (logged by the main process). */
  onRejected?: (url: string, reason: string) => void;
}

/**
 * Answers one request of the app protocol. Symlinks that point outside the root are refused too
 * (the real path is checked after resolution).
 */
export async function serveAppRequest(method: string, rawUrl: string, opts: ServeOptions): Promise<ProtocolResponse> {
  const reject = (status: number, reason: string): ProtocolResponse => {
    opts.onRejected?.(rawUrl, reason);
    return { status, headers: { ...securityHeaders(), 'Content-Type': 'text/plain; charset=utf-8' }, body: `${status}` };
  };
  if (method !== 'GET' && method !== 'HEAD') return reject(405, `method ${method}`);
  const r = resolveAppUrl(opts.rootDir, rawUrl);
  if (r.kind === 'rejected') return reject(r.status, r.reason);
  if (r.kind === 'print') {
    const html = opts.printPage?.(r.token);
    if (html === undefined) return reject(404, 'no such print job');
    return {
      status: 200,
      headers: { ...securityHeaders(PRINT_CSP), 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
      body: method === 'HEAD' ? null : html,
    };
  }
  if (r.kind === 'resource') {
    const res = opts.resource?.(r.rel);
    if (!res) return reject(404, 'no such resource');
    return {
      status: 200,
      headers: { ...securityHeaders(), 'Content-Type': res.contentType, 'Cache-Control': 'no-cache' },
      body: method === 'HEAD' ? null : res.body,
    };
  }
  let real: string;
  try {
    real = await fs.realpath(r.filePath);
    const root = await fs.realpath(path.resolve(opts.rootDir));
    if (real !== root && !real.startsWith(root + path.sep)) return reject(403, 'symlink leaves the renderer folder');
    const st = await fs.stat(real);
    if (!st.isFile()) return reject(404, 'not a file');
  } catch {
    return reject(404, 'not found');
  }
  const body = method === 'HEAD' ? null : new Uint8Array(await fs.readFile(real));
  const hashed = /[.-][A-Za-z0-9_-]{8,}\.(?:js|css|woff2?|ttf|png|svg|jpg|webp)$/.test(real);
  return {
    status: 200,
    headers: {
      ...securityHeaders(),
      'Content-Type': mimeFor(real),
      // Vite's hashed assets never change; index.html must always be fresh after an update.
      'Cache-Control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
    body,
  };
}

/** True when a URL belongs to the app origin (used for navigation and IPC sender checks). */
export function isAppUrl(rawUrl: string | undefined | null): boolean {
  if (!rawUrl) return false;
  try {
    const u = new URL(rawUrl);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}
