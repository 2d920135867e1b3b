// Complete print documents: one per part of the book, plus the furniture document (running heads and folios).
import { escapeHtml } from './inline';
import type { BookLayout } from './layout';

/**
 * Hides a print document on screen. Chromium lays a loaded document out for the screen, and again when a print
 * ends (it restores the screen layout); for a print document both are wasted work — about a third of printing
 * a part. Hidden, the screen layout is empty; the print faces are then loaded by FONT_LOAD_SCRIPT (fontLoad.ts)
 * before printing, since nothing on screen asks for them.
 */
export const SCREEN_HIDDEN_CSS = '@media screen { body { display: none !important; } }';

/** Wraps a body in a print document. Every anchor gets a link in a hidden nav, so Chromium writes a named
 * destination (/Dests) for it — that is how the pipeline learns the page of each section, entry and index term.
 * The document is hidden on screen (SCREEN_HIDDEN_CSS) unless `screen` is set (the measuring document). */
export function printDocument(opts: { title: string; fontCss: string; fontCssHref?: string; css: string; body: string; anchors: readonly string[]; screen?: boolean }): string {
  const links = opts.anchors.map((a) => `<a href="#${escapeHtml(a)}"></a>`).join('');
  return (
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(opts.title)}</title>` +
    `${opts.fontCssHref ? `<link rel="stylesheet" href="${escapeHtml(opts.fontCssHref)}">` : `<style>${opts.fontCss}</style>`}<style>${opts.css}</style>` +
    `${opts.screen ? '' : `<style>${SCREEN_HIDDEN_CSS}</style>`}</head><body>${opts.body}` +
    `${links ? `<nav class="anchors" style="display:none">${links}</nav>` : ''}</body></html>`
  );
}

/** One page per book page: running head text, the rule under it and the folio at the outer edge. */
export function furnitureBody(layout: BookLayout): string {
  let html = '';
  for (const p of layout.pages) {
    const side = p.side === 'left' ? 'l' : 'r';
    const folio = p.showFolio ? p.folio : null;
    if (!p.head && !folio) {
      html += `<div class="pg ${side}"></div>`;
      continue;
    }
    html += `<div class="pg ${side}"><div class="rh${p.head ? ' rule' : ''}">${p.head ? `<span class="t">${escapeHtml(p.head)}</span>` : ''}${
      folio ? `<span class="f">${escapeHtml(folio)}</span>` : ''
    }</div></div>`;
  }
  return html;
}
