// The Content-Security-Policy of the application pages — one definition for both places it is delivered:
// the <meta> element Vite writes into the built index.html (web mode, and Electron too, since the shell serves
// the same file) and the header the Electron shell's app:// protocol sends with every response
// (electron/node/protocol.ts). A page under both enforces both, so two different policies would silently
// mean their intersection; with one definition what is written is what applies.
//
// Scripts, styles and fonts only from the app's own origin: no eval, no inline script, no inline <style> (the
// export preview uses constructed stylesheets; React sets style properties through the CSSOM, which CSP does not
// govern). Images may be blob: (photos stored in IndexedDB) and data:. Workers from the app (the import worker,
// pdf.js). No remote content, no plugins, no framing, no form posts.
const DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob: data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "media-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
] as const;

/** The policy as an HTTP header (the Electron shell's app:// responses). */
export const APP_CSP = DIRECTIVES.join('; ');

/**
 * The same policy as a <meta> element carries it: without frame-ancestors, which a meta policy cannot set
 * (browsers ignore it there and log an error). The header adds it in Electron; web mode has no framing parent.
 */
export const APP_CSP_META = DIRECTIVES.filter((d) => !d.startsWith('frame-ancestors')).join('; ');
