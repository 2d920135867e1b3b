// PDF post-processing with pdf-lib (pure JS): reading back where anchors landed, merging the printed parts,
// overlaying running heads and folios, page boxes, crop marks, bookmarks, page labels and metadata.
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  type PDFPage,
  PDFRawStream,
  PDFRef,
  PDFString,
  cmyk,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';
import type { AnchorPos, BookLayout } from './layout';
import type { ResolvedProfile } from './profile';

export const MM = 72 / 25.4;

/** The part of an AbortSignal the pure core uses (shared/ has no DOM typings). */
export interface CancelSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener?(type: 'abort', listener: () => void): void;
  removeEventListener?(type: 'abort', listener: () => void): void;
}

function nameText(n: PDFObject): string {
  if (n instanceof PDFName) return n.decodeText();
  if (n instanceof PDFString || n instanceof PDFHexString) return n.decodeText();
  return String(n);
}

/** Page count and the named destinations Chromium wrote for every linked anchor (/Dests or the Names tree). */
export async function readAnchors(bytes: Uint8Array): Promise<{ pageCount: number; anchors: Map<string, AnchorPos> }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages();
  const pageIndex = new Map<string, number>();
  pages.forEach((p, i) => pageIndex.set(p.ref.toString(), i));
  const anchors = new Map<string, AnchorPos>();
  const put = (name: string, value: PDFObject | undefined) => {
    let arr = value instanceof PDFRef ? doc.context.lookup(value) : value;
    if (arr instanceof PDFDict) arr = arr.lookup(PDFName.of('D'));
    if (!(arr instanceof PDFArray)) return;
    const page = arr.get(0);
    const i = page instanceof PDFRef ? pageIndex.get(page.toString()) : undefined;
    if (i === undefined) return;
    const num = (k: number) => {
      const v = arr.lookup(k);
      return v instanceof PDFNumber ? v.asNumber() : 0;
    };
    anchors.set(name, { page: i, x: num(2), y: num(3) });
  };
  const dests = doc.catalog.lookup(PDFName.of('Dests'));
  if (dests instanceof PDFDict) for (const [k, v] of dests.entries()) if (v) put(nameText(k), v);
  const names = doc.catalog.lookup(PDFName.of('Names'));
  if (names instanceof PDFDict) {
    const walk = (node: PDFObject | undefined) => {
      if (!(node instanceof PDFDict)) return;
      const kids = node.lookup(PDFName.of('Kids'));
      if (kids instanceof PDFArray) for (let i = 0; i < kids.size(); i++) walk(kids.lookup(i));
      const ns = node.lookup(PDFName.of('Names'));
      if (ns instanceof PDFArray) for (let i = 0; i + 1 < ns.size(); i += 2) put(nameText(ns.lookup(i) as PDFObject), ns.get(i + 1));
    };
    walk(names.lookup(PDFName.of('Dests')));
  }
  return { pageCount: pages.length, anchors };
}

export interface OutlineNode {
  title: string;
  physical: number;
  children?: OutlineNode[];
}

export interface AssembleInput {
  /** Printed parts in book order (the layout's part indices refer to this array): the PDF holding each and its
   * first page there (several parts may share one PDF). */
  parts: ({ bytes: Uint8Array; first: number } | null)[];
  layout: BookLayout;
  /** One page per physical page with the running head and folio (blank where there is none). */
  furniture: Uint8Array | null;
  profile: ResolvedProfile;
  outline: OutlineNode[];
  meta: { title: string; subject?: string; author?: string; keywords?: string[]; volume?: string };
  /** Make the text of these physical pages (e.g. the TOC) link to pages: [{physical, rects:[{x,y,w,h,target}]}] */
  now?: Date;
  onPage?: (done: number, total: number) => void;
  signal?: CancelSignal;
}

function throwIfAborted(signal?: CancelSignal): void {
  if (signal?.aborted) throw signal.reason ?? new Error('aborted');
}

/** Merges the parts into the final book PDF. */
export async function assemblePdf(input: AssembleInput): Promise<Uint8Array> {
  const { profile: p, layout } = input;
  const out = await PDFDocument.create({ updateMetadata: false });
  const ctx = out.context;
  const pageW = p.pageWidth * MM;
  const pageH = p.pageHeight * MM;
  const slug = p.slug * MM;
  const total = layout.pages.length;

  // Copy the pages the layout uses from every printed PDF (one copy call per PDF, so its fonts are copied once).
  const wanted = new Map<Uint8Array, Set<number>>();
  for (const info of layout.pages) {
    const src = info.part >= 0 ? input.parts[info.part] : null;
    if (!src) continue;
    let set = wanted.get(src.bytes);
    if (!set) wanted.set(src.bytes, (set = new Set()));
    set.add(src.first + info.partPage);
  }
  const copiedPage = new Map<Uint8Array, Map<number, PDFPage>>();
  for (const [bytes, set] of wanted) {
    throwIfAborted(input.signal);
    const src = await PDFDocument.load(bytes, { updateMetadata: false });
    const indices = [...set].sort((a, b) => a - b);
    const pages = await out.copyPages(src, indices);
    copiedPage.set(bytes, new Map(indices.map((k, i) => [k, pages[i]!])));
  }
  const pageOf = (part: number, partPage: number): PDFPage => {
    const src = input.parts[part]!;
    return copiedPage.get(src.bytes)!.get(src.first + partPage)!;
  };
  let furniture: PDFPage[] = [];
  if (input.furniture) {
    const src = await PDFDocument.load(input.furniture, { updateMetadata: false });
    furniture = await out.copyPages(src, src.getPageIndices());
  }
  const qStart = ctx.register(ctx.stream('q\n'));
  for (const info of layout.pages) {
    throwIfAborted(input.signal);
    const page = info.part >= 0 ? pageOf(info.part, info.partPage) : out.addPage([pageW, pageH]);
    if (info.part >= 0) out.addPage(page);
    page.node.delete(PDFName.of('Annots'));
    const f = furniture[info.physical];
    if (f && (info.head || info.showFolio)) {
      const xo = formXObject(out, f, pageW, pageH);
      const name = page.node.newXObject('YbRh', xo);
      const end = ctx.register(ctx.stream(`Q\nq /${name.decodeText()} Do Q\n`));
      const contents = page.node.Contents();
      if (contents) page.node.set(PDFName.of('Contents'), ctx.obj([qStart, ...(contents instanceof PDFArray ? contents.asArray() : [page.node.get(PDFName.of('Contents'))!]), end]));
      else page.node.set(PDFName.of('Contents'), ctx.obj([end]));
    }
    if (slug > 0) page.translateContent(slug, slug);
    const mw = pageW + 2 * slug;
    const mh = pageH + 2 * slug;
    page.setMediaBox(0, 0, mw, mh);
    page.setCropBox(0, 0, mw, mh);
    page.setBleedBox(slug, slug, pageW, pageH);
    page.setTrimBox(slug + p.bleed * MM, slug + p.bleed * MM, p.trimWidth * MM, p.trimHeight * MM);
    if (p.cropMarks) drawCropMarks(page, slug, p.bleed * MM, p.trimWidth * MM, p.trimHeight * MM);
    input.onPage?.(info.physical + 1, total);
  }

  // Bookmarks, page labels, metadata.
  const pages = out.getPages();
  if (input.outline.length) writeOutline(out, pages, input.outline);
  const nums: PDFObject[] = [];
  if (layout.arabicStart > 0) nums.push(PDFNumber.of(0), ctx.obj({ S: 'r' }));
  nums.push(PDFNumber.of(layout.arabicStart), ctx.obj({ S: 'D' }));
  out.catalog.set(PDFName.of('PageLabels'), ctx.obj({ Nums: ctx.obj(nums) }));
  out.catalog.set(PDFName.of('PageMode'), PDFName.of(input.outline.length ? 'UseOutlines' : 'UseNone'));
  out.catalog.set(PDFName.of('ViewerPreferences'), ctx.obj({ DisplayDocTitle: true }));
  out.catalog.set(PDFName.of('Lang'), PDFString.of('zh-CN'));
  const now = input.now ?? new Date();
  out.setTitle(input.meta.title, { showInWindowTitleBar: true });
  if (input.meta.subject) out.setSubject(input.meta.subject);
  if (input.meta.author) out.setAuthor(input.meta.author);
  if (input.meta.keywords) out.setKeywords(input.meta.keywords);
  out.setCreator('年鉴编纂工作台 Yearbook Workbench');
  out.setProducer('Chromium print engine + pdf-lib');
  out.setCreationDate(now);
  out.setModificationDate(now);
  const info = (out as unknown as { getInfoDict(): PDFDict }).getInfoDict();
  if (input.meta.volume) info.set(PDFName.of('Volume'), PDFHexString.fromText(input.meta.volume));
  info.set(PDFName.of('Trapped'), PDFName.of('False'));
  return out.save({ useObjectStreams: false, addDefaultPage: false });
}

/** A furniture page as a Form XObject (its content stream and resources, already copied into out). */
function formXObject(out: PDFDocument, page: PDFPage, w: number, h: number): PDFRef {
  const ctx = out.context;
  const contents = page.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((r) => ctx.lookup(r)) : [contents];
  const parts: Uint8Array[] = [];
  for (const s of streams) {
    if (s instanceof PDFRawStream) parts.push(decodePDFRawStream(s).decode());
  }
  const len = parts.reduce((n, b) => n + b.length + 1, 0);
  const data = new Uint8Array(len);
  let o = 0;
  for (const b of parts) {
    data.set(b, o);
    o += b.length;
    data[o++] = 10;
  }
  const resources = page.node.get(PDFName.of('Resources')) ?? ctx.obj({});
  const xo = ctx.flateStream(data, { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, w, h], Resources: resources });
  return ctx.register(xo);
}

/** Crop marks (裁切线) in registration colour, outside the bleed, at the four corners. */
function drawCropMarks(page: PDFPage, slug: number, bleed: number, tw: number, th: number): void {
  const reg = cmyk(1, 1, 1, 1);
  const gap = bleed + 2 * MM; // marks start past the bleed
  const len = slug - 2 * MM - (gap - bleed);
  const x0 = slug + bleed;
  const y0 = slug + bleed;
  const x1 = x0 + tw;
  const y1 = y0 + th;
  const line = (ax: number, ay: number, bx: number, by: number) =>
    page.drawLine({ start: { x: ax, y: ay }, end: { x: bx, y: by }, thickness: 0.25, color: reg });
  for (const [x, sx] of [[x0, -1], [x1, 1]] as const) {
    for (const [y, sy] of [[y0, -1], [y1, 1]] as const) {
      line(x + sx * gap, y, x + sx * (gap + len), y);
      line(x, y + sy * gap, x, y + sy * (gap + len));
    }
  }
}

function writeOutline(doc: PDFDocument, pages: PDFPage[], nodes: OutlineNode[]): void {
  const ctx = doc.context;
  const rootRef = ctx.nextRef();
  const build = (list: OutlineNode[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = list.map(() => ctx.nextRef());
    let count = 0;
    list.forEach((n, i) => {
      const page = pages[Math.min(pages.length - 1, Math.max(0, n.physical))]!;
      const dict: Record<string, PDFObject> = {
        Title: PDFHexString.fromText(n.title),
        Parent: parent,
        Dest: ctx.obj([page.ref, PDFName.of('XYZ'), ctx.obj(null), ctx.obj(null), ctx.obj(null)]),
      };
      if (i > 0) dict.Prev = refs[i - 1]!;
      if (i < list.length - 1) dict.Next = refs[i + 1]!;
      if (n.children?.length) {
        const sub = build(n.children, refs[i]!);
        dict.First = sub.first;
        dict.Last = sub.last;
        dict.Count = PDFNumber.of(-sub.count); // closed: the reader opens a category to see its sections
      }
      ctx.assign(refs[i]!, ctx.obj(dict));
      count++;
    });
    return { first: refs[0]!, last: refs[refs.length - 1]!, count };
  };
  const top = build(nodes, rootRef);
  ctx.assign(rootRef, ctx.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: PDFNumber.of(top.count) }));
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
}
