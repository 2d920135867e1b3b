// Hardening applied to every web contents and to the session: navigation and new windows denied,
// no <webview>, no remote requests, permission requests denied (see electron/node/security.ts).
import { app, session, type WebContents } from 'electron';
import type { Logger } from '../node/log';
import { navigationAllowed, permissionAllowed, requestAllowed } from '../node/security';

export function hardenSession(log: Logger, dev: boolean): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((wc, permission, callback, details) => {
    const ok = permissionAllowed(permission, details.requestingUrl ?? wc.getURL());
    if (!ok) log.warn(`permission denied: ${permission}`, details.requestingUrl);
    callback(ok);
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  ses.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const ok = requestAllowed(details.url, dev);
    if (!ok) log.warn('request blocked', details.url.slice(0, 300));
    callback({ cancel: !ok });
  });
  // Downloads would write files behind the user's back: only the save dialog writes files.
  ses.on('will-download', (event, item) => {
    log.warn('download blocked', item.getURL().slice(0, 300));
    event.preventDefault();
  });
}

/** Called for every web contents the app creates (main window, print windows, devtools). */
export function hardenWebContents(contents: WebContents, log: Logger, opts: { isPrint: boolean; printUrl?: () => string | undefined }): void {
  contents.on('will-navigate', (event, url) => {
    const ok = opts.isPrint ? url === opts.printUrl?.() : navigationAllowed(url);
    if (!ok) {
      event.preventDefault();
      log.warn('navigation denied', url.slice(0, 300));
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!navigationAllowed(url) && !(opts.isPrint && url === opts.printUrl?.())) {
      event.preventDefault();
      log.warn('redirect denied', url.slice(0, 300));
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) {
      event.preventDefault();
      log.warn('frame navigation denied', event.url.slice(0, 300));
    }
  });
  contents.setWindowOpenHandler(({ url }) => {
    log.warn('window.open denied', url.slice(0, 300));
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview denied');
  });
}

/** Global switches, before the app is ready. */
export function hardenApp(): void {
  // Every renderer sandboxed, whatever a window's options say.
  app.enableSandbox();
}
