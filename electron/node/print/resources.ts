// What a print document may load: the bundled fonts and the book's images, all under one URL prefix.
import { bundledFontCss, fontResource } from './fonts';

export interface Resource {
  body: Uint8Array;
  contentType: string;
}

/** Resolves a path relative to the print URL prefix ("fonts.css", "fonts/…", "assets/<id>") to bytes. The same
 * resolver answers the desktop app's app://yearbook/__yearbook/… requests (electron/node/protocol.ts). */
export type ResourceResolver = (rel: string) => Resource | null;

export function bookResources(assets: ReadonlyMap<string, Uint8Array>, mimes: ReadonlyMap<string, string>): ResourceResolver {
  let css: Uint8Array | null = null;
  return (rel) => {
    if (rel === 'fonts.css') {
      css ??= new TextEncoder().encode(bundledFontCss());
      return { body: css, contentType: 'text/css; charset=utf-8' };
    }
    if (rel.startsWith('fonts/')) {
      const body = fontResource(rel);
      return body ? { body, contentType: 'font/woff2' } : null;
    }
    const m = /^assets\/([A-Za-z0-9_-]+)$/.exec(rel);
    if (m) {
      const body = assets.get(m[1]!);
      return body ? { body, contentType: mimes.get(m[1]!) ?? 'application/octet-stream' } : null;
    }
    return null;
  };
}
