// Overflow measurement for the app's export: the host's print call returns only PDF bytes, so the renderer lays
// the export's measuring document out itself (every table, figure, attribution line and note of the printed
// parts in its flow's width — shared/export pipeline.ts) at the page width, as the CLI's printer does, and
// reports elements wider than their box (tables, long strings, images). The document goes into a detached-style
// shadow root with constructed stylesheets (not inline <style>, which the app's Content-Security-Policy refuses);
// the bundled print faces are added to the app document once, from the host's fonts.css.
import type { Overflow } from '../../../shared/export/preflight';

const FONT_CSS_URL = '/__yearbook/fonts.css';
let fontsAdded: Promise<void> | null = null;

/** Adds the print faces (@font-face rules) to the document once; harmless when the host does not serve them. */
function addPrintFonts(doc: Document): Promise<void> {
  fontsAdded ??= (async () => {
    try {
      const r = await fetch(FONT_CSS_URL);
      if (!r.ok) return;
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(await r.text());
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    } catch {
      // no fonts: measurement falls back to the app's faces
    }
  })();
  return fontsAdded;
}

/** Splits a print document into its CSS (all <style> blocks) and its body. */
export function splitPrintDocument(html: string): { css: string; body: string } {
  const css = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]).join('\n');
  const start = html.indexOf('<body>');
  const end = html.lastIndexOf('</body>');
  const body = start >= 0 ? html.slice(start + 6, end > start ? end : undefined) : html;
  return { css, body };
}

/** The print CSS scoped to a shadow root: html/body rules apply to the host and its wrapper; @page is dropped. */
export function scopeCss(css: string): string {
  return css
    .replace(/@page[^{]*\{[^}]*\}/g, '')
    .replace(/(^|[\s}])html\s*\{/g, '$1:host {')
    .replace(/(^|[\s}])body\s*\{/g, '$1.yb-body {')
    .replace(/@font-face\s*\{[^}]*\}/g, '');
}

/**
 * The body as nodes of the app document. Its style attributes must not reach an HTML parser in the app: the
 * Content-Security-Policy (no inline styles) refuses them — with a console error each — and the layout would
 * change. The export layer's output escapes quotes in text, so ` style="…"` only occurs as an attribute; it is
 * renamed before parsing (DOMParser: inert, the export layer's own escaped output, no scripts) and applied
 * through the CSSOM afterwards, which the policy allows.
 */
export function importBody(doc: Document, body: string): HTMLElement {
  const html = body.replace(/<nav class="anchors"[\s\S]*?<\/nav>/, '').replace(/ style="([^"]*)"/g, ' data-yb-style="$1"');
  const parsed = new DOMParser().parseFromString(`<!doctype html><body><div class="yb-body">${html}</div></body>`, 'text/html');
  const wrap = doc.importNode(parsed.body.firstElementChild!, true) as HTMLElement;
  for (const el of wrap.querySelectorAll<HTMLElement | SVGElement>('[data-yb-style]')) {
    el.style.cssText = el.getAttribute('data-yb-style') ?? '';
    el.removeAttribute('data-yb-style');
  }
  return wrap;
}

/** Measures one print document; resolves to the elements running out of their box. Never throws. */
export async function measureOverflows(html: string, pageWidthMm: number, doc: Document = document): Promise<Overflow[]> {
  const hostEl = doc.createElement('div');
  try {
    await addPrintFonts(doc);
    const { css, body } = splitPrintDocument(html);
    hostEl.setAttribute('aria-hidden', 'true');
    hostEl.style.cssText = `position:fixed;left:-100000px;top:0;width:${pageWidthMm}mm;visibility:hidden;contain:layout style;pointer-events:none`;
    const root = hostEl.attachShadow({ mode: 'open' });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(scopeCss(css));
    root.adoptedStyleSheets = [sheet];
    root.append(importBody(doc, body));
    doc.body.append(hostEl);
    await doc.fonts.ready;
    return inspect(root);
  } catch {
    return [];
  } finally {
    hostEl.remove();
  }
}

/** The same checks as the CLI printer's INSPECT_SCRIPT (electron/node/print/printer.ts). */
function inspect(root: ShadowRoot): Overflow[] {
  const pxToMm = 25.4 / 96;
  const out: Overflow[] = [];
  const seen = new Set<string>();
  const add = (el: Element, what: Overflow['what'], px: number) => {
    const id = el.closest('[data-id]')?.getAttribute('data-id') ?? '';
    if (!id || seen.has(id + what) || px < 1.5) return;
    seen.add(id + what);
    out.push({ id, what, amountMm: Math.round(px * pxToMm * 10) / 10 });
  };
  for (const t of root.querySelectorAll<HTMLElement>('.tbl')) {
    const table = t.querySelector('table');
    if (table) add(t, 'table', table.scrollWidth - t.clientWidth);
  }
  for (const p of root.querySelectorAll<HTMLElement>('.p, .dated, .note, .attr, figcaption')) add(p, 'text', p.scrollWidth - p.clientWidth);
  for (const f of root.querySelectorAll<HTMLElement>('.fig')) {
    const img = f.querySelector('img');
    if (img) add(f, 'figure', img.getBoundingClientRect().width - f.clientWidth);
  }
  return out;
}
