// Content pasted into the import review (Ctrl+V, 粘贴稿件, 文件 › 从剪贴板导入): HTML from Word, WPS or a browser
// is cleaned before anything reads it, keeping only what the book model keeps — paragraphs, headings,
// bold/italic/sup/sub, centring, tables with merged cells, captions, footnote links, pictures given inline as
// data — and dropping scripts, event handlers, remote pictures (never fetched, never stored), frames, forms,
// links and every style. The clean HTML then goes to the same recogniser as a Word file (shared/import/html.ts)
// in the import worker.
//
// Two passes. A first pass on parse5's tree (plain JavaScript, no DOM) drops what is never kept and turns the
// two styles the model keeps into markup (font-weight:bold → <b>, text-align:center → align="center"), so that
// no style attribute or event handler ever reaches a DOM: the page's Content-Security-Policy would report
// each one. DOMPurify then sanitises the result with a strict allow-list, the guarantee of this module.
import DOMPurify, { type DOMPurify as Purifier } from 'dompurify';
import { defaultTreeAdapter as tree, parse, serialize, type DefaultTreeAdapterTypes as T } from 'parse5';

const ALLOWED_TAGS = [
  'p', 'div', 'br', 'span', 'font', 'b', 'strong', 'i', 'em', 'u', 'sup', 'sub',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'center', 'section', 'article', 'header', 'footer', 'main', 'hr',
  'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'colgroup', 'col',
  'img', 'figure', 'figcaption', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'a',
];
const ALLOWED_ATTR = ['rowspan', 'colspan', 'href', 'id', 'class', 'src', 'alt', 'align'];
/** Removed with everything inside; counted as unsafe (the rest are page furniture). */
const UNSAFE_TAGS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'textarea', 'select']);
const DROPPED_TAGS = new Set([...UNSAFE_TAGS, 'style', 'link', 'meta', 'base', 'noscript', 'template', 'svg', 'math', 'head', 'title', 'audio', 'video', 'canvas', 'map', 'dialog']);
/** Inline pictures kept as the photo's bytes. */
const DATA_IMAGE = /^data:image\/(png|jpe?g|gif|bmp|webp);base64,[a-z0-9+/=\s]+$/i;
/** Footnote anchors of Word ("#_ftn1") and mammoth ("#footnote-1"), and their targets. */
const NOTE_ID = /^_?(?:ftn|edn|ftnref|ednref)\d+$|^(?:footnote|endnote)(?:-ref)?-\d+$/;

export interface SanitizedPaste {
  html: string;
  /** Unsafe parts removed: scripts, frames and forms, event handlers, javascript: links, remote pictures. */
  removed: number;
}

type Node = T.ChildNode;
type Element = T.Element;

function isElement(n: Node | T.ParentNode): n is Element {
  return 'tagName' in n;
}

/** The first pass (see the top of this file); returns the number of unsafe parts removed. */
function prepare(parent: T.ParentNode): number {
  let unsafe = 0;
  for (const node of [...parent.childNodes]) {
    if (node.nodeName === '#comment' || node.nodeName === '#documentType') {
      tree.detachNode(node);
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.tagName;
    if (DROPPED_TAGS.has(tag)) {
      if (UNSAFE_TAGS.has(tag)) unsafe++;
      tree.detachNode(node);
      continue;
    }
    let bold = false;
    const attrs: T.Element['attrs'] = [];
    for (const a of node.attrs) {
      const name = a.name.toLowerCase();
      const value = a.value;
      if (name.startsWith('on')) {
        unsafe++;
        continue;
      }
      if (name === 'style') {
        if (/font-weight\s*:\s*(?:bold|bolder|[6-9]00)/i.test(value)) bold = true;
        if (/text-align\s*:\s*center/i.test(value) && !node.attrs.some((x) => x.name === 'align')) attrs.push({ name: 'align', value: 'center' });
        continue;
      }
      if (name === 'class') {
        // Word's caption paragraphs are class="MsoCaption"; other classes mean nothing here.
        if (/caption|题注/i.test(value)) attrs.push({ name: 'class', value: 'caption' });
        continue;
      }
      if (name === 'href') {
        if (/^\s*(?:javascript|vbscript|data):/i.test(value)) unsafe++;
        else if (tag === 'a' && /^#[\w-]+$/.test(value)) attrs.push({ name, value });
        continue;
      }
      if (name === 'src') {
        if (tag === 'img' && DATA_IMAGE.test(value)) attrs.push({ name, value });
        // A remote (or file://) picture: the figure stays, without its address.
        else if (tag === 'img') unsafe++;
        continue;
      }
      if (name === 'id') {
        if (NOTE_ID.test(value)) attrs.push({ name, value });
        continue;
      }
      if (name === 'rowspan' || name === 'colspan' || name === 'alt' || (name === 'align' && /^center$/i.test(value))) attrs.push({ name, value });
    }
    node.attrs = attrs;
    unsafe += prepare(node);
    if (bold && node.childNodes.length) {
      const b = tree.createElement('b', node.namespaceURI, []);
      for (const child of [...node.childNodes]) {
        tree.detachNode(child);
        tree.appendChild(b, child);
      }
      tree.appendChild(node, b);
    }
  }
  return unsafe;
}

let purifier: Purifier | null = null;
let late = 0;

function instance(): Purifier {
  if (purifier) return purifier;
  const p = DOMPurify(window);
  // Whatever the first pass let through and DOMPurify still removes is counted too.
  p.addHook('uponSanitizeElement', (_node, data) => {
    if (UNSAFE_TAGS.has(data.tagName)) late++;
  });
  p.addHook('uponSanitizeAttribute', (_node, data) => {
    if (/^on/i.test(data.attrName)) late++;
  });
  purifier = p;
  return p;
}

/** Cleans pasted HTML (see the top of this file). Needs a DOM for DOMPurify (the page, or jsdom in tests). */
export function sanitizePastedHtml(html: string): SanitizedPaste {
  const doc = parse(html);
  const htmlEl = doc.childNodes.find(isElement);
  const body = htmlEl?.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'body');
  // Scripts in <head> go with the head; count them as the unsafe parts they are.
  const head = htmlEl?.childNodes.find((n): n is Element => isElement(n) && n.tagName === 'head');
  let removed = head ? countUnsafe(head) : 0;
  if (!body) return { html: '', removed };
  removed += prepare(body);
  const p = instance();
  late = 0;
  const clean = p.sanitize(serialize(body), {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    // Unknown wrappers (Word's <o:p>) keep their text; what the first pass dropped is gone already.
    KEEP_CONTENT: true,
    WHOLE_DOCUMENT: false,
    RETURN_TRUSTED_TYPE: false,
  }) as string;
  return { html: clean, removed: removed + late };
}

function countUnsafe(el: Element): number {
  let n = 0;
  for (const c of el.childNodes) if (isElement(c)) n += (UNSAFE_TAGS.has(c.tagName) ? 1 : 0) + countUnsafe(c);
  return n;
}

/** Whether pasted content has any text worth recognising. */
export function hasText(s: string): boolean {
  return /[^\s\u00a0\u3000]/.test(s);
}
