// Sanitised HTML (a DOCX converted by mammoth, or pasted from Word, WPS or a browser and cleaned by
// DOMPurify in the renderer) → the neutral source units the recogniser reads: paragraphs with their
// formatting hints, real tables with merged cells, images and footnotes. Pure: parse5 is a spec-compliant
// HTML parser in plain JavaScript, so this runs in the renderer, in Node and in tests alike.
import { parseFragment, type DefaultTreeAdapterTypes as T } from 'parse5';
import type { Mark } from '../model/schema';
import type { LineHints, SourceCell, SourceDocument, SourceUnit } from './types';

type Node = T.ChildNode;
type DistributiveOmit<U, K extends PropertyKey> = U extends unknown ? Omit<U, K> : never;
type Element = T.Element;

export interface HtmlOptions {
  /** Asset id for an image source ("asset:x_1" from the DOCX reader, a data URL in a paste), or null. */
  resolveImage?: (src: string, alt: string) => string | null;
}

const BLOCKS = new Set(['p', 'div', 'li', 'blockquote', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'pre', 'figcaption', 'caption', 'dt', 'dd', 'address', 'section', 'article', 'header', 'footer', 'main', 'figure', 'ul', 'ol', 'dl', 'table', 'center']);
const SKIP = new Set(['script', 'style', 'head', 'title', 'meta', 'link', 'noscript', 'template', 'iframe', 'object', 'svg', 'math', 'button', 'input', 'select', 'textarea']);

function isElement(n: Node): n is Element {
  return 'tagName' in n;
}

function attr(el: Element, name: string): string | undefined {
  return el.attrs.find((a) => a.name === name)?.value;
}

function styleOf(el: Element): string {
  return (attr(el, 'style') ?? '').toLowerCase();
}

/** Footnote key of a link target: "#footnote-1" (mammoth), "#_ftn1" (Word's own HTML) → "footnote-1", "ftn1". */
function noteKey(href: string): string | null {
  const m = /^#_?((?:footnote|endnote)-\d+|ftn\d+|edn\d+)$/.exec(href);
  return m ? m[1]! : null;
}

/** Whether an element holds the text of a footnote (mammoth's <li id="footnote-1">, Word's <div id="ftn1">). */
function footnoteContainer(el: Element): string | null {
  const id = attr(el, 'id');
  if (!id) return null;
  return /^((?:footnote|endnote)-\d+|ftn\d+|edn\d+)$/.test(id) ? id : null;
}

interface InlineState {
  text: string;
  marks: Mark[];
  refs: { offset: number; noteKey: string }[];
  images: { src: string; alt: string }[];
}

class Converter {
  private readonly units: SourceUnit[] = [];
  private no = 0;

  constructor(private readonly opts: HtmlOptions) {}

  run(root: T.DocumentFragment): SourceUnit[] {
    this.blocks(root.childNodes, {});
    return this.units;
  }

  private push(u: DistributiveOmit<SourceUnit, 'no'>): void {
    this.units.push({ ...u, no: ++this.no } as SourceUnit);
  }

  private blocks(nodes: Node[], inherited: LineHints): void {
    let inline: Node[] = [];
    const flush = () => {
      if (inline.length) this.paragraph(inline, inherited);
      inline = [];
    };
    for (const n of nodes) {
      if (!isElement(n)) {
        if (n.nodeName === '#text') inline.push(n);
        continue;
      }
      const tag = n.tagName;
      if (SKIP.has(tag)) continue;
      const note = footnoteContainer(n);
      if (note) {
        flush();
        this.footnote(n, note);
        continue;
      }
      if (tag === 'table') {
        flush();
        this.table(n);
        continue;
      }
      if (tag === 'img' && inline.every((x) => !isElement(x) && !(x as T.TextNode).value.trim())) {
        flush();
        this.image(n);
        continue;
      }
      if (tag === 'br') {
        // A manual line break separates lines (text pasted from PDF keeps its broken lines).
        flush();
        continue;
      }
      if (BLOCKS.has(tag) || tag === 'hr') {
        flush();
        if (tag === 'hr') continue;
        const hints: LineHints = { ...inherited };
        const h = /^h([1-6])$/.exec(tag);
        if (h) hints.headingLevel = Number(h[1]);
        const cls = attr(n, 'class') ?? '';
        // (Word's own HTML marks captions class="MsoCaption".)
        if (tag === 'figcaption' || tag === 'caption' || /caption|题注/i.test(cls)) hints.caption = true;
        if (/text-align:\s*center/.test(styleOf(n)) || attr(n, 'align') === 'center' || tag === 'center') hints.center = true;
        // Footnote lists of mammoth: the <ol> whose items are footnotes.
        this.blocks(n.childNodes, hints);
        continue;
      }
      inline.push(n);
    }
    flush();
  }

  /** One paragraph from inline content; <br> inside inline elements splits it into lines. */
  private paragraph(nodes: Node[], hints: LineHints): void {
    const lines: InlineState[] = [{ text: '', marks: [], refs: [], images: [] }];
    const walk = (list: Node[], bold: boolean, italic: boolean, sup: boolean, sub: boolean) => {
      for (const n of list) {
        const cur = lines[lines.length - 1]!;
        if (!isElement(n)) {
          if (n.nodeName !== '#text') continue;
          const text = (n as T.TextNode).value.replace(/[\s\u00a0]+/g, (ws) => (/\u3000/.test(ws) ? ws : ' '));
          if (!text) continue;
          const start = cur.text.length;
          cur.text += text;
          const end = cur.text.length;
          if (bold) cur.marks.push({ type: 'bold', start, end });
          if (italic) cur.marks.push({ type: 'italic', start, end });
          if (sup) cur.marks.push({ type: 'sup', start, end });
          if (sub) cur.marks.push({ type: 'sub', start, end });
          continue;
        }
        const tag = n.tagName;
        if (SKIP.has(tag)) continue;
        if (tag === 'br') {
          lines.push({ text: '', marks: [], refs: [], images: [] });
          continue;
        }
        if (tag === 'img') {
          cur.images.push({ src: attr(n, 'src') ?? '', alt: attr(n, 'alt') ?? '' });
          continue;
        }
        if (tag === 'a') {
          const key = noteKey(attr(n, 'href') ?? '');
          if (key) {
            // A footnote call-out: its "[1]" text is the printer's business, not content.
            cur.refs.push({ offset: cur.text.length, noteKey: key });
            continue;
          }
        }
        const style = styleOf(n);
        walk(
          n.childNodes,
          bold || tag === 'strong' || tag === 'b' || /font-weight:\s*(bold|[6-9]00)/.test(style),
          italic || tag === 'em' || tag === 'i',
          sup || tag === 'sup',
          sub || tag === 'sub',
        );
      }
    };
    walk(nodes, false, false, false, false);
    for (const l of lines) this.emitLine(l, hints);
  }

  private emitLine(l: InlineState, hints: LineHints): void {
    const lead = l.text.length - l.text.replace(/^[ \t]+/, '').length;
    const text = l.text.trim();
    if (text) {
      const shift = (m: Mark): Mark | null => {
        const start = Math.max(0, m.start - lead);
        const end = Math.min(text.length, m.end - lead);
        return end > start ? { ...m, start, end } : null;
      };
      const marks = mergeMarks(l.marks.map(shift).filter((m): m is Mark => m !== null));
      const h: LineHints = { ...hints };
      const bold = marks.filter((m) => m.type === 'bold');
      if (bold.length && bold[0]!.start === 0) {
        if (bold[0]!.end >= text.length) h.bold = true;
        else h.boldPrefix = bold[0]!.end;
      }
      if (marks.length) h.marks = marks;
      if (l.refs.length) h.footnoteRefs = l.refs.map((r) => ({ ...r, offset: Math.max(0, Math.min(text.length, r.offset - lead)) }));
      this.push({ kind: 'line', text, ...(Object.keys(h).length ? { hints: h } : {}) });
    }
    for (const img of l.images) this.pushImage(img.src, img.alt);
  }

  private image(el: Element): void {
    this.pushImage(attr(el, 'src') ?? '', attr(el, 'alt') ?? '');
  }

  private pushImage(src: string, alt: string): void {
    const assetId = this.opts.resolveImage ? this.opts.resolveImage(src, alt) : null;
    this.push({ kind: 'image', assetId, alt });
  }

  private footnote(el: Element, key: string): void {
    const parts: string[] = [];
    const walk = (list: Node[]) => {
      for (const n of list) {
        if (!isElement(n)) {
          if (n.nodeName === '#text') parts.push((n as T.TextNode).value);
          continue;
        }
        // The back-link "↑" of mammoth and the "[1]" anchor of Word point back to the call-out.
        if (n.tagName === 'a' && /^#_?(?:footnote-ref-\d+|ftnref\d+|ednref\d+|endnote-ref-\d+)$/.test(attr(n, 'href') ?? '')) continue;
        if (n.tagName === 'p' || n.tagName === 'div') {
          if (parts.length) parts.push('\n');
        }
        walk(n.childNodes);
      }
    };
    walk(el.childNodes);
    const text = parts.join('').replace(/[ \t\u00a0]+/g, ' ').replace(/\s*\n\s*/g, '\n').trim();
    if (text) this.push({ kind: 'footnote', noteKey: key, text });
  }

  private table(el: Element): void {
    const rows: { cells: SourceCell[]; header: boolean }[] = [];
    let caption = '';
    const walkRows = (list: Node[], inHead: boolean) => {
      for (const n of list) {
        if (!isElement(n)) continue;
        if (n.tagName === 'caption') caption = textOf(n).trim();
        else if (n.tagName === 'thead') walkRows(n.childNodes, true);
        else if (n.tagName === 'tbody' || n.tagName === 'tfoot') walkRows(n.childNodes, false);
        else if (n.tagName === 'tr') {
          const cells: SourceCell[] = [];
          let allTh = true;
          for (const c of n.childNodes) {
            if (!isElement(c) || (c.tagName !== 'td' && c.tagName !== 'th')) continue;
            if (c.tagName !== 'th') allTh = false;
            const text = cellText(c);
            cells.push({
              text,
              rowSpan: Math.max(1, Number(attr(c, 'rowspan') ?? 1) || 1),
              colSpan: Math.max(1, Number(attr(c, 'colspan') ?? 1) || 1),
              ...(isBold(c) ? { bold: true } : {}),
            });
          }
          if (cells.length) rows.push({ cells, header: inHead || allTh });
        }
      }
    };
    walkRows(el.childNodes, false);
    if (caption) this.push({ kind: 'line', text: caption, hints: { caption: true } });
    if (!rows.length) return;
    let headerRows = 0;
    while (headerRows < rows.length && rows[headerRows]!.header) headerRows++;
    if (headerRows === rows.length) headerRows = Math.min(1, rows.length - 1);
    this.push({ kind: 'table', rows: rows.map((r) => ({ cells: r.cells })), headerRows });
  }
}

function textOf(el: Element): string {
  let s = '';
  for (const n of el.childNodes) {
    if (!isElement(n)) {
      if (n.nodeName === '#text') s += (n as T.TextNode).value;
    } else if (n.tagName === 'br') s += '\n';
    else if (!SKIP.has(n.tagName)) s += textOf(n);
  }
  return s;
}

/** Text of a table cell: its paragraphs and line breaks become "\n". */
function cellText(cell: Element): string {
  const lines: string[] = [];
  let cur = '';
  const walk = (list: Node[]) => {
    for (const n of list) {
      if (!isElement(n)) {
        if (n.nodeName === '#text') cur += (n as T.TextNode).value.replace(/[\s\u00a0]+/g, ' ');
        continue;
      }
      if (SKIP.has(n.tagName)) continue;
      if (n.tagName === 'br') {
        lines.push(cur);
        cur = '';
      } else if (BLOCKS.has(n.tagName)) {
        if (cur.trim()) lines.push(cur);
        cur = '';
        walk(n.childNodes);
        if (cur.trim()) lines.push(cur);
        cur = '';
      } else walk(n.childNodes);
    }
  };
  walk(cell.childNodes);
  if (cur.trim()) lines.push(cur);
  return lines.map((l) => l.trim()).filter(Boolean).join('\n');
}

function isBold(cell: Element): boolean {
  if (cell.tagName === 'th') return true;
  const text = textOf(cell).trim();
  if (!text) return false;
  let boldText = '';
  const walk = (list: Node[], bold: boolean) => {
    for (const n of list) {
      if (!isElement(n)) {
        if (bold && n.nodeName === '#text') boldText += (n as T.TextNode).value;
        continue;
      }
      walk(n.childNodes, bold || n.tagName === 'strong' || n.tagName === 'b');
    }
  };
  walk(cell.childNodes, false);
  return boldText.replace(/\s/g, '').length >= text.replace(/\s/g, '').length;
}

/** Adjacent or overlapping marks of the same kind as one. */
function mergeMarks(marks: Mark[]): Mark[] {
  const out: Mark[] = [];
  for (const m of [...marks].sort((a, b) => a.type.localeCompare(b.type) || a.start - b.start)) {
    const last = out[out.length - 1];
    if (last && last.type === m.type && m.start <= last.end && (m.type === 'bold' || m.type === 'italic' || m.type === 'sup' || m.type === 'sub')) {
      last.end = Math.max(last.end, m.end);
    } else out.push({ ...m });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Converts sanitised HTML into a source document for recognise(). */
export function htmlToSource(html: string, name: string, opts: HtmlOptions = {}, format: 'html' | 'docx' = 'html'): SourceDocument {
  const root = parseFragment(html);
  return { name, format, units: new Converter(opts).run(root) };
}
