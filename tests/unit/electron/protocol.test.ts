import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PRINT_CSP, isAppUrl, mimeFor, resolveAppUrl, serveAppRequest } from '../../../electron/node/protocol';
import { APP_CSP } from '../../../shared/host/csp';

let root: string;
let outside: string;

beforeAll(() => {
  const base = mkdtempSync(path.join(os.tmpdir(), 'yb-proto-'));
  root = path.join(base, 'renderer');
  outside = path.join(base, 'secret.txt');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>年鉴编纂工作台</title>');
  writeFileSync(path.join(root, 'assets', 'index-B3xk9Qa1.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'noto-serif-sc-chinese-simplified-400-normal.woff2'), new Uint8Array([0x77, 0x4f, 0x46, 0x32]));
  writeFileSync(outside, 'top secret');
  symlinkSync(outside, path.join(root, 'assets', 'link.txt'));
});
afterAll(() => rmSync(path.dirname(root), { recursive: true, force: true }));

describe('resolveAppUrl', () => {
  it('serves index.html for the root and for client-side routes', () => {
    expect(resolveAppUrl(root, 'app://yearbook/')).toEqual({ kind: 'file', filePath: path.join(root, 'index.html') });
    expect(resolveAppUrl(root, 'app://yearbook')).toEqual({ kind: 'file', filePath: path.join(root, 'index.html') });
    expect(resolveAppUrl(root, 'app://yearbook/book/s_12')).toEqual({ kind: 'file', filePath: path.join(root, 'index.html') });
    expect(resolveAppUrl(root, 'app://yearbook/assets/index-B3xk9Qa1.js?v=2#x')).toEqual({
      kind: 'file',
      filePath: path.join(root, 'assets', 'index-B3xk9Qa1.js'),
    });
  });

  it('decodes percent-encoded names (Chinese file names)', () => {
    const r = resolveAppUrl(root, `app://yearbook/assets/${encodeURIComponent('封面.png')}`);
    expect(r).toEqual({ kind: 'file', filePath: path.join(root, 'assets', '封面.png') });
  });

  it.each([
    ['app://yearbook/..%2f..%2fetc%2fpasswd', 403],
    ['app://yearbook/assets/..%2F..%2Fsecret.txt', 403],
    ['app://yearbook/a%5c..%5c..%5csecret.txt', 400],
    ['app://yearbook/index.html%00.png', 400],
    ['app://yearbook/%E0%A4%A', 400],
    ['app://evil/index.html', 403],
    ['https://yearbook/index.html', 403],
    ['not a url', 400],
  ])('refuses %s', (url, status) => {
    const r = resolveAppUrl(root, url);
    expect(r.kind).toBe('rejected');
    if (r.kind === 'rejected') expect(r.status).toBe(status);
  });

  it('keeps literal dot segments inside the root (the URL parser folds them)', () => {
    const r = resolveAppUrl(root, 'app://yearbook/assets/../../../../etc/passwd');
    expect(r.kind).toBe('file');
    if (r.kind === 'file') expect(r.filePath.startsWith(root + path.sep)).toBe(true);
  });

  it('routes print pages by token', () => {
    expect(resolveAppUrl(root, 'app://yearbook/__print/abc123.html')).toEqual({ kind: 'print', token: 'abc123' });
    expect(resolveAppUrl(root, 'app://yearbook/__print/a.b.html').kind).toBe('rejected');
  });
});

describe('serveAppRequest', () => {
  it('serves files with their MIME type and the CSP on every response', async () => {
    const html = await serveAppRequest('GET', 'app://yearbook/index.html', { rootDir: root });
    expect(html.status).toBe(200);
    expect(html.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(html.headers['Content-Security-Policy']).toBe(APP_CSP);
    expect(html.headers['Cache-Control']).toBe('no-cache');
    expect(new TextDecoder().decode(html.body as Uint8Array)).toContain('年鉴编纂工作台');

    const js = await serveAppRequest('GET', 'app://yearbook/assets/index-B3xk9Qa1.js', { rootDir: root });
    expect(js.headers['Content-Type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['Cache-Control']).toContain('immutable');
    const font = await serveAppRequest('GET', 'app://yearbook/assets/noto-serif-sc-chinese-simplified-400-normal.woff2', { rootDir: root });
    expect(font.headers['Content-Type']).toBe('font/woff2');

    const missing = await serveAppRequest('GET', 'app://yearbook/assets/nope.js', { rootDir: root });
    expect(missing.status).toBe(404);
    expect(missing.headers['Content-Security-Policy']).toBe(APP_CSP);
  });

  it('refuses a symlink that leaves the root, other methods and foreign origins, and reports them', async () => {
    const refused: string[] = [];
    const opts = { rootDir: root, onRejected: (_u: string, why: string) => refused.push(why) };
    expect((await serveAppRequest('GET', 'app://yearbook/assets/link.txt', opts)).status).toBe(403);
    expect((await serveAppRequest('POST', 'app://yearbook/index.html', opts)).status).toBe(405);
    expect((await serveAppRequest('GET', 'app://other/index.html', opts)).status).toBe(403);
    expect(refused).toHaveLength(3);
    expect(refused[0]).toMatch(/symlink/);
  });

  it('serves a running print page from memory under the script-free CSP', async () => {
    const pages = new Map([['tok1', '<html><body>拱墅年鉴</body></html>']]);
    const r = await serveAppRequest('GET', 'app://yearbook/__print/tok1.html', { rootDir: root, printPage: (t) => pages.get(t) });
    expect(r.status).toBe(200);
    expect(r.headers['Content-Security-Policy']).toBe(PRINT_CSP);
    expect(PRINT_CSP).toContain("script-src 'none'");
    expect(r.body).toContain('拱墅年鉴');
    expect((await serveAppRequest('GET', 'app://yearbook/__print/gone.html', { rootDir: root, printPage: (t) => pages.get(t) })).status).toBe(404);
  });

  it('serves print resources (fonts, images) through the resolver under /__yearbook/', async () => {
    const font = new Uint8Array([0x77, 0x4f, 0x46, 0x32]);
    const resource = (rel: string) => (rel === 'fonts/noto-serif-sc-400.woff2' ? { body: font, contentType: 'font/woff2' } : null);
    const r = await serveAppRequest('GET', 'app://yearbook/__yearbook/fonts/noto-serif-sc-400.woff2', { rootDir: root, resource });
    expect(r.status).toBe(200);
    expect(r.headers['Content-Type']).toBe('font/woff2');
    expect(r.body).toBe(font);
    expect((await serveAppRequest('GET', 'app://yearbook/__yearbook/fonts/missing.woff2', { rootDir: root, resource })).status).toBe(404);
    expect((await serveAppRequest('GET', 'app://yearbook/__yearbook/fonts/%E5%AD%97.woff2', { rootDir: root, resource })).status).toBe(404);
    expect((await serveAppRequest('GET', 'app://yearbook/__yearbook/x.woff2', { rootDir: root })).status).toBe(404);
  });

  it('HEAD answers without a body', async () => {
    const r = await serveAppRequest('HEAD', 'app://yearbook/index.html', { rootDir: root });
    expect(r.status).toBe(200);
    expect(r.body).toBeNull();
  });
});

describe('CSP and helpers', () => {
  it('allows no remote content and no inline or eval scripts', () => {
    expect(APP_CSP).toContain("default-src 'none'");
    expect(APP_CSP).toContain("script-src 'self'");
    expect(APP_CSP).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval|https?:|\*)/);
    expect(APP_CSP).not.toMatch(/https?:/);
    expect(APP_CSP).toContain("frame-ancestors 'none'");
    expect(APP_CSP).toContain("object-src 'none'");
  });

  it('knows the MIME types of a Vite build', () => {
    expect(mimeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeFor('a.wasm')).toBe('application/wasm');
    expect(mimeFor('a.unknown')).toBe('application/octet-stream');
  });

  it('recognises the app origin only', () => {
    expect(isAppUrl('app://yearbook/index.html')).toBe(true);
    expect(isAppUrl('app://yearbook.evil/index.html')).toBe(false);
    expect(isAppUrl('file:///index.html')).toBe(false);
    expect(isAppUrl('')).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });
});
