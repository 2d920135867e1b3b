// Security decisions of the desktop shell as pure functions: which navigations, requests and permission
// requests are allowed. electron/main attaches them to every web contents and to the session.
import { APP_ORIGIN, PRINT_PATH_PREFIX, isAppUrl } from './protocol';

/**
 * The main window may only ever show the app itself. A navigation to any other origin (a pasted link,
 * a dropped file, a script) is refused; navigations inside the app (a reload, a hash change) are fine.
 */
export function navigationAllowed(targetUrl: string): boolean {
  if (!isAppUrl(targetUrl)) return false;
  try {
    return !decodeURIComponent(new URL(targetUrl).pathname).startsWith(PRINT_PATH_PREFIX);
  } catch {
    return false;
  }
}

/** A print window may only load its own page. */
export function printNavigationAllowed(targetUrl: string, pageUrl: string): boolean {
  return targetUrl === pageUrl;
}

/**
 * Requests leaving the app: none. Only the app protocol and inline data (data:, blob:) load;
 * http(s), ws(s), ftp and file URLs are cancelled (no remote content, no local files behind the
 * user's back). devtools: is allowed in development builds only.
 */
export function requestAllowed(url: string, dev = false): boolean {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol === 'data:' || protocol === 'blob:') return true;
  if (protocol === 'app:') return isAppUrl(url);
  if (dev && (protocol === 'devtools:' || protocol === 'chrome-extension:')) return true;
  return false;
}

/**
 * Permission requests are denied, with two exceptions for the app's own origin that protect the
 * user's data and are invisible otherwise: persistent storage (IndexedDB not evicted under disk
 * pressure) and writing to the clipboard (copy from the editor).
 */
const ALLOWED_PERMISSIONS = new Set(['persistent-storage', 'clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requestingUrl: string | undefined | null): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission)) return false;
  if (!requestingUrl) return false;
  try {
    const u = new URL(requestingUrl);
    return `${u.protocol}//${u.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
