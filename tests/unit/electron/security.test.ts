import { describe, expect, it } from 'vitest';
import { navigationAllowed, permissionAllowed, requestAllowed } from '../../../electron/node/security';

describe('navigation', () => {
  it('keeps the main window on the app', () => {
    expect(navigationAllowed('app://yearbook/index.html')).toBe(true);
    expect(navigationAllowed('app://yearbook/index.html#/s_1')).toBe(true);
    expect(navigationAllowed('https://www.example.com/')).toBe(false);
    expect(navigationAllowed('file:///etc/passwd')).toBe(false);
    expect(navigationAllowed('javascript:alert(1)')).toBe(false);
    expect(navigationAllowed('app://yearbook/__print/abc.html')).toBe(false);
  });
});

describe('requests', () => {
  it('lets only the app, data: and blob: through', () => {
    expect(requestAllowed('app://yearbook/assets/a.js')).toBe(true);
    expect(requestAllowed('data:image/png;base64,AAAA')).toBe(true);
    expect(requestAllowed('blob:app://yearbook/0b6f')).toBe(true);
    expect(requestAllowed('https://fonts.googleapis.com/css')).toBe(false);
    expect(requestAllowed('http://127.0.0.1:8080/')).toBe(false);
    expect(requestAllowed('wss://x/')).toBe(false);
    expect(requestAllowed('file:///home/u/.ssh/id_rsa')).toBe(false);
    expect(requestAllowed('app://other/x')).toBe(false);
    expect(requestAllowed('devtools://devtools/bundled/inspector.html')).toBe(false);
    expect(requestAllowed('devtools://devtools/bundled/inspector.html', true)).toBe(true);
  });
});

describe('permissions', () => {
  it('denies everything but persistent storage and clipboard writes of the app itself', () => {
    expect(permissionAllowed('persistent-storage', 'app://yearbook/index.html')).toBe(true);
    expect(permissionAllowed('persistent-storage', 'app://yearbook')).toBe(true);
    expect(permissionAllowed('clipboard-sanitized-write', 'app://yearbook/')).toBe(true);
    expect(permissionAllowed('persistent-storage', 'https://evil.example')).toBe(false);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fileSystem', 'hid', 'usb']) {
      expect(permissionAllowed(p, 'app://yearbook/index.html')).toBe(false);
    }
    expect(permissionAllowed('persistent-storage', undefined)).toBe(false);
  });
});
