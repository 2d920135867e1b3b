// The book tree → print HTML. Each part of the book (a category, a section, front or back matter) becomes the
// body of one print document; the collectors record every anchor whose page the pipeline reads back from the PDF.
import type {
  Attribution,
  Block,
  Book,
  Category,
  Entry,
  Figure,
  Footnote,
  Heading,
  Matter,
  Paragraph,
  Section,
  Subsection,
  Table,
} from '../model/schema';
import { tableFigureNumbers as bookNumbers } from '../model/numbering';
import { COLUMN_END, tableCellSize } from './css';
import { escapeHtml, footnoteLabel, inlineHtml, textHtml } from './inline';
import type { ResolvedProfile } from './profile';
import { tableColumnMinWidths } from './tableColumns';

/** Closing tag of a flow; a multi-column flow ends in the spanner that balances its last row. */
function closeFlow(kind: 'cols' | 'wide'): string {
  return kind === 'cols' ? `${COLUMN_END}</div>` : '</div>';
}

export interface IndexItem {
  anchor: string;
  term: string;
  /** Overrides the pinyin of term when sorting. */
  sortKey?: string;
  kind: 'entry' | 'term';
  /** Title of the section the item is in (entry titles such as 概况 are indexed as 民政概况). */
  section: string;
}
export interface CaptionItem {
  anchor: string;
  /** "表6" / "图78" or "" when unnumbered. */
  label: string;
  title: string;
}
export interface ImageUse {
  anchor: string;
  assetId: string;
  fileName: string;
  where: string;
  /** Effective resolution at the printed size. */
  dpi: number | null;
}

/** What rendering a part of the book yields besides its HTML. */
export class Collector {
  anchors: string[] = [];
  /**
   * Second anchor of a heading, placed in the first line of the text that follows it. Chromium can leave a
   * heading's named destination at the bottom of the previous column when break-after: avoid moves the heading
   * on; the following line is kept with the heading, so its destination gives the heading's true page.
   */
  follow = new Map<string, string>();
  sections: { anchor: string; title: string; categoryId: string }[] = [];
  subsections: { anchor: string; title: string; sectionId: string }[] = [];
  index: IndexItem[] = [];
  tables: CaptionItem[] = [];
  figures: CaptionItem[] = [];
  images: ImageUse[] = [];
  missingImages: { anchor: string; where: string }[] = [];
  /**
   * The boxes that can run out of their width — tables, figures, attribution lines, notes — each inside the same
   * ancestors (category, flow, section, entry) as in the print document, for the measuring document
   * (pipeline.ts): print documents are hidden on screen, so their overflows are measured there instead.
   * Paragraph text cannot overflow (overflow-wrap: anywhere) and is left out, which keeps measuring cheap.
   */
  measure: string[] = [];
  private seq = 0;
  /** Generated anchor ids are unique within the export: several parts are printed in one document. */
  constructor(private readonly ns = '') {}
  anchor(id: string): string {
    this.anchors.push(id);
    return id;
  }
  newId(prefix: string): string {
    return this.anchor(`${prefix}${this.ns}${++this.seq}`);
  }
}

export interface RenderEnv {
  book: Book;
  profile: ResolvedProfile;
  /** URL of an asset's image for the print document, or null when its bytes are not available. */
  assetUrl(assetId: string): string | null;
  /** Printed numbers of tables and figures by block id ("6"), from the book or automatic numbering. */
  numbers: Map<string, string>;
}

/**
 * Table and figure numbers as printed, by block id ("6"): the book's numbering (shared/model/numbering.ts — typed
 * numbers kept, the others continuing in book order; all in order when houseStyle.autoNumber). The editor shows
 * the same numbers.
 */
export function tableFigureNumbers(book: Book): Map<string, string> {
  return new Map([...bookNumbers(book)].map(([id, n]) => [id, n.number]));
}

/** "汪\u3000剑" — the house style pads two-character names to the width of three. */
export function printedName(name: string, pad: boolean): string {
  const chars = [...name];
  return pad && chars.length === 2 && /\p{Script=Han}/u.test(name) ? `${chars[0]}\u3000${chars[1]}` : name;
}

/** The text of an attribution line inside its full-width parentheses. */
export function attributionText(a: Attribution, pad: boolean): string {
  const names = a.names.map((n) => printedName(n, pad));
  switch (a.kind) {
    case 'author':
      return `（${names.join('\u3000')}）`;
    case 'unit':
      return `（${names.join('\u3000')}\u3000供稿）`;
    case 'photo':
      return `（${names.join('\u3000')}\u3000摄）`;
    case 'reviewer':
      return `（审稿：${names.join('\u3000')}）`;
  }
}

/** A figure's credit as printed after its caption: “（区信访局提供）”, or ''. */
export function creditText(f: Figure): string {
  if (!f.credit) return '';
  const raw = f.credit.raw.trim();
  return raw ? `（${raw}）` : '';
}

/** Width in mm a figure or table takes: one column, or the whole type area. */
function boxWidth(env: RenderEnv, wide: boolean): number {
  return wide ? env.profile.typeWidth : env.profile.columnWidth;
}

export class PartRenderer {
  readonly c: Collector;
  private pad: boolean;
  /** Whether the flow being rendered is full width (通栏). */
  private inWide = false;
  /** Opening and closing ancestors of the box being rendered, and the id of the entry or section holding it. */
  private ctx = { open: '', close: '' };
  private host = '';
  /** ns: a namespace for the ids the renderer generates (index terms), unique per part of an export. */
  constructor(
    private env: RenderEnv,
    ns = '',
  ) {
    this.c = new Collector(ns);
    this.pad = env.book.houseStyle.padTwoCharNames;
  }

  // ---- categories and sections ------------------------------------------------------------

  /** A category: opener page, then its sections in flows (two columns, or full width where the model says so). */
  category(cat: Category, opts: { opener: boolean }): string {
    // Anchors sit on inline boxes (a span in the first line): Chromium places the named destination of a block
    // that starts at a column or page boundary at the top of the column, with a wrong x.
    const catId = this.c.anchor(cat.id);
    let html = `<section class="cat role-${cat.role}" data-id="${catId}">`;
    this.catOpen = `<section class="cat role-${cat.role}">`;
    if (opts.opener) {
      html += `<div class="opener"><div class="opener-in">`;
      html += `<h1 class="cat-title"><span id="${catId}">${spaced(cat.title)}</span></h1>`;
      if (cat.titleEn) html += `<p class="cat-en">${escapeHtml(cat.titleEn)}</p>`;
      html += `</div></div>`;
      // The back of the opener stays blank: the text starts on a right-hand page.
      if (this.env.profile.openerBlankVerso) html += `<div class="blank-page"></div>`;
    }
    else html += `<span id="${catId}"></span>`;
    html += this.flows(cat, cat.sections);
    return `${html}</section>`;
  }

  /** Sections grouped into flows: consecutive multi-column sections share one multicol container. */
  flows(cat: Category, sections: readonly Section[]): string {
    let html = '';
    let open: 'cols' | 'wide' | null = null;
    const wideCategory = cat.role === 'special' || this.env.profile.columns === 1;
    for (const s of sections) {
      const want = wideCategory || s.fullWidth ? 'wide' : 'cols';
      if (want !== open) {
        if (open) html += closeFlow(open);
        html += `<div class="flow ${want}">`;
        open = want;
        this.ctx = { open: `${this.catOpen}<div class="flow ${want}"><section class="sec">`, close: `</section>${closeFlow(want)}</section>` };
      }
      this.inWide = want === 'wide';
      html += this.section(cat, s);
    }
    if (open) html += closeFlow(open);
    return html;
  }

  private catOpen = '';

  /** Records a box for the measuring document (Collector.measure) and returns it unchanged. */
  private measured(html: string): string {
    this.c.measure.push(`${this.ctx.open}<div class="entry" data-id="${escapeHtml(this.host)}">${html}</div>${this.ctx.close}`);
    return html;
  }

  section(cat: Category, s: Section): string {
    const id = this.c.anchor(s.id);
    this.host = s.id;
    this.where = s.title;
    this.sectionId = s.id;
    this.c.sections.push({ anchor: id, title: s.title, categoryId: cat.id });
    let html = `<section class="sec" data-id="${id}">`;
    const titleClass = [...s.title].length === 2 ? 'sec-title t2' : 'sec-title';
    html += `<h2 class="${titleClass}"><span id="${id}">${escapeHtml(s.title)}</span></h2>`;
    this.pendingFollow.push(id);
    if (s.article) {
      const a = s.article;
      if (a.subtitle) html += `<p class="art-sub">${textHtml(a.subtitle)}</p>`;
      if (a.speaker || a.speakerTitle) html += `<p class="art-speaker">${textHtml([a.speakerTitle, a.speaker].filter(Boolean).join('\u3000'))}</p>`;
      if (a.dateLine) html += `<p class="art-date">${textHtml(a.dateLine)}</p>`;
      if (a.salutation) html += `<p class="p art-salute">${textHtml(a.salutation)}</p>`;
    }
    html += this.children(s.children, s.title);
    return `${html}</section>`;
  }

  private children(children: Section['children'] | Subsection['children'], where: string): string {
    const out: string[] = [];
    const notes: Footnote[] = [];
    let pendingRunIn: Heading | null = null;
    for (let i = 0; i < children.length; i++) {
      const ch = children[i]!;
      if (ch.type === 'entry') out.push(this.entry(ch, where));
      else if (ch.type === 'subsection') {
        const id = this.c.anchor(ch.id);
        this.c.subsections.push({ anchor: id, title: ch.title, sectionId: this.sectionId });
        out.push(`<h3 class="sub-title" data-id="${id}"><span id="${id}">· ${escapeHtml(ch.title)} ·</span></h3>`);
        this.pendingFollow.push(id);
        out.push(this.children(ch.children, where));
      } else if (ch.type === 'heading' && ch.runIn) {
        pendingRunIn = ch;
      } else if (ch.type === 'footnote') {
        notes.push(ch);
      } else if (ch.type === 'attribution' && ch.placement === 'inline' && out.length && out[out.length - 1]!.endsWith('</p>')) {
        const last = out.pop()!;
        out.push(`${last.slice(0, -4)}<span class="attr-in">${escapeHtml(attributionText(ch, this.pad))}</span></p>`);
      } else {
        out.push(this.block(ch, where, pendingRunIn));
        if (ch.type === 'paragraph' || ch.type === 'dated') pendingRunIn = null;
      }
    }
    if (pendingRunIn) out.push(this.block(pendingRunIn, where, null));
    if (notes.length) out.push(this.notes(notes, new Map()));
    return out.join('');
  }

  entry(e: Entry, where: string): string {
    const outer = this.host;
    this.host = e.id;
    try {
      return this.entryHtml(e, where);
    } finally {
      this.host = outer;
    }
  }

  private entryHtml(e: Entry, where: string): string {
    const id = this.c.anchor(e.id);
    if (!e.noIndex && e.title.trim()) this.c.index.push({ anchor: id, term: e.title, kind: 'entry', section: where });
    const fnLabels = new Map<string, string>();
    let n = 0;
    for (const b of e.blocks) if (b.type === 'footnote') fnLabels.set(b.id, footnoteLabel(++n));
    const title = `${this.lead()}<span class="et" id="${id}">【${textHtml(e.title)}】</span>`;
    const out: string[] = [];
    let titled = false;
    for (const b of e.blocks) {
      if (b.type === 'footnote') continue;
      if (!titled) {
        titled = true;
        if (b.type === 'paragraph') {
          out.push(`<p class="p p1">${title}${this.inline(b, fnLabels)}</p>`);
          continue;
        }
        out.push(`<p class="p p1 only">${title}</p>`);
      }
      if (b.type === 'attribution' && b.placement === 'inline' && out.length && out[out.length - 1]!.endsWith('</p>')) {
        const last = out.pop()!;
        out.push(`${last.slice(0, -4)}<span class="attr-in">${escapeHtml(attributionText(b, this.pad))}</span></p>`);
        continue;
      }
      out.push(this.block(b, `${where}【${e.title}】`, null, fnLabels));
    }
    if (!titled) out.push(`<p class="p p1 only">${title}</p>`);
    const notes = e.blocks.filter((b): b is Footnote => b.type === 'footnote');
    if (notes.length) out.push(this.notes(notes, fnLabels));
    return `<div class="entry" data-id="${id}">${out.join('')}</div>`;
  }

  private where = '';
  private pendingFollow: string[] = [];
  /** Heading ids waiting for the next line of text: returns their follow anchors as empty spans. */
  private lead(): string {
    if (!this.pendingFollow.length) return '';
    const html = this.pendingFollow.map((id) => `<span id="${this.c.anchor(`${id}-f`)}"></span>`).join('');
    for (const id of this.pendingFollow) this.c.follow.set(id, `${id}-f`);
    this.pendingFollow = [];
    return html;
  }
  private sectionId = '';
  private inline(b: { text: string; marks: Paragraph['marks'] }, fnLabels: Map<string, string>): string {
    return inlineHtml(b.text, b.marks, {
      indexTerm: (term, sortKey) => {
        const id = this.c.newId('ix');
        if (term.trim()) this.c.index.push({ anchor: id, term: term.trim(), ...(sortKey ? { sortKey } : {}), kind: 'term', section: this.where });
        return id;
      },
      footnoteRef: (fid) => fnLabels.get(fid) ?? null,
    });
  }

  private notes(notes: Footnote[], labels: Map<string, string>): string {
    let n = labels.size;
    const items = notes.map((f) => {
      const label = labels.get(f.id) ?? footnoteLabel(++n);
      return `<p class="note"><span class="note-no">${escapeHtml(label)}</span>${this.inline(f, labels)}</p>`;
    });
    return this.measured(`<div class="notes">${items.join('')}</div>`);
  }

  block(b: Block, where: string, runIn: Heading | null, fnLabels: Map<string, string> = new Map()): string {
    const lead = (b.type === 'paragraph' || b.type === 'dated' ? this.lead() : '') + (runIn ? `<span class="hd-run l${runIn.level}">${this.inline(runIn, fnLabels)}</span>` : '');
    switch (b.type) {
      case 'paragraph':
        return `<p class="p">${lead}${this.inline(b, fnLabels)}</p>`;
      case 'heading':
        return `<h4 class="hd l${b.level}" data-id="${b.id}">${this.lead()}<span id="${this.c.anchor(b.id)}"></span>${this.inline(b, fnLabels)}</h4>`;
      case 'dated':
        return `<p class="dated">${lead}<span class="date">${textHtml(b.dateLabel)}</span>\u3000${this.inline(b, fnLabels)}</p>`;
      case 'attribution':
        return this.measured(`<p class="attr">${this.lead()}${escapeHtml(attributionText(b, this.pad))}</p>`);
      case 'footnote':
        return this.notes([b], fnLabels);
      case 'table':
        return this.table(b);
      case 'figure':
        return this.figure(b, where);
    }
  }

  figure(f: Figure, where: string): string {
    const id = this.c.anchor(f.id);
    const num = this.env.numbers.get(f.id);
    const label = num ? `图${num}` : '';
    this.c.figures.push({ anchor: id, label, title: f.caption });
    const wide = f.fullWidth;
    const width = boxWidth(this.env, wide);
    const asset = f.assetId ? this.env.book.assets.find((a) => a.id === f.assetId) : undefined;
    const url = asset ? this.env.assetUrl(asset.id) : null;
    const whereLabel = label ? `${where} ${label}` : where;
    let frame: string;
    if (asset && url) {
      const ratio = asset.width && asset.height ? asset.height / asset.width : 2 / 3;
      const maxH = this.env.profile.typeHeight * 0.6;
      const w = width * ratio > maxH ? maxH / ratio : width;
      const dpi = asset.width ? Math.round(asset.width / (w / 25.4)) : null;
      this.c.images.push({ anchor: id, assetId: asset.id, fileName: asset.fileName, where: whereLabel, dpi });
      frame = `<div class="frame"><img src="${escapeHtml(url)}" alt="" style="width:${w.toFixed(2)}mm;height:${(w * ratio).toFixed(2)}mm"></div>`;
    } else {
      this.c.missingImages.push({ anchor: id, where: whereLabel });
      frame = `<div class="frame empty" style="height:${(width * (2 / 3)).toFixed(2)}mm"><span>图片待补</span></div>`;
    }
    const cap = `${label ? `<span class="fno">${label}</span>\u3000` : ''}${textHtml(f.caption)}`;
    const credit = creditText(f);
    return this.measured(
      `<figure class="fig${wide ? ' wide' : ''}" data-id="${id}">${frame}<figcaption>${this.lead()}<span id="${id}"></span>${cap}` +
        `${credit ? `<span class="credit">${textHtml(credit)}</span>` : ''}</figcaption></figure>`,
    );
  }

  table(t: Table): string {
    const id = this.c.anchor(t.id);
    const num = this.env.numbers.get(t.id);
    const label = num ? `表${num}` : '';
    this.c.tables.push({ anchor: id, label, title: t.title });
    const cols = Math.max(1, ...[...t.headerRows, ...t.bodyRows].map((r) => r.cells.reduce((s, c) => s + c.colSpan, 0)));
    const cont = this.env.book.houseStyle.tableContinuation === '续表N' && num ? `续表${num}` : '续表';
    const unit = t.unitNote ? `<span class="tu">${textHtml(t.unitNote)}</span>` : '';
    const title = label || t.title ? `<span class="tt">${label ? `${label}\u3000` : ''}${textHtml(t.title)}</span>` : '';
    const cap = `<div class="tcap">${this.lead()}<span id="${id}"></span>${title}${unit}</div>`;
    const cell = (tag: 'th' | 'td', c: Table['bodyRows'][number]['cells'][number]) =>
      `<${tag}${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${
        c.align ? ` class="${c.align}"` : ''
      }>${inlineHtml(c.text, c.marks).replace(/\n/g, '<br>')}</${tag}>`;
    const head = t.headerRows.map((r) => `<tr>${r.cells.map((c) => cell('th', c)).join('')}</tr>`).join('');
    const body = t.bodyRows.map((r) => `<tr>${r.cells.map((c) => cell('td', c)).join('')}</tr>`).join('');
    // The first line of the repeated header reads 续表 on continuation pages; on the table's first page the caption
    // box (same height, painted over it) shows the number and title instead.
    const labelRow =
      `<tr class="tlab"><th colspan="${cols}"><div class="tcap ghost">${title}${unit}</div>` +
      `<span class="tcont">${cont}</span>${t.unitNote ? `<span class="tcu">${textHtml(t.unitNote)}</span>` : ''}</th></tr>`;
    return this.measured(
      `<div class="tbl${t.fullWidth ? ' wide' : ''}" data-id="${id}"><div class="tcover">${cap}</div>` +
        `<table>${this.colgroup(t)}<thead>${labelRow}${head}</thead><tbody>${body}</tbody></table>` +
        `${t.note ? `<p class="tnote">${textHtml(t.note)}</p>` : ''}</div>`,
    );
  }

  /** Minimum column widths, so that Chromium does not squeeze columns of short entries (tableColumns.ts). */
  private colgroup(t: Table): string {
    const widths = tableColumnMinWidths(t, boxWidth(this.env, t.fullWidth || this.inWide), tableCellSize(this.env.profile));
    if (!widths) return '';
    return `<colgroup>${widths.map((w) => `<col style="min-width:${w}mm">`).join('')}</colgroup>`;
  }

  // ---- front and back matter ------------------------------------------------------------------

  matter(m: Matter): string {
    this.inWide = true; // front and back matter are set full width
    const id = this.c.anchor(m.id);
    this.host = m.id;
    this.ctx = { open: `<section class="matter kind-${m.kind}"><div class="matter-body">`, close: '</div></section>' };
    let html = `<section class="matter kind-${m.kind}" data-id="${id}"><h1 class="matter-title"><span id="${id}">${spaced(m.title)}</span></h1><div class="matter-body">`;
    html += this.children(m.blocks, m.title);
    return `${html}</div></section>`;
  }

  titlePage(book: Book, matter: Matter | undefined): string {
    let html = `<section class="titlepage"><div class="tp-in">`;
    this.ctx = { open: '<section class="titlepage"><div class="tp-in"><div class="tp-extra">', close: '</div></div></section>' };
    html += `<h1 class="tp-title">${escapeHtml(book.title)}</h1>`;
    html += `<p class="tp-year">（${book.volumeYear}）</p>`;
    if (book.titleEn) html += `<p class="tp-en">${escapeHtml(book.titleEn)}</p>`;
    if (matter?.blocks.length) html += `<div class="tp-extra">${this.children(matter.blocks, matter.title)}</div>`;
    if (book.publisherOrg) html += `<p class="tp-org">${escapeHtml(book.publisherOrg)}\u3000编</p>`;
    return `${html}</div></section>`;
  }
}

/** Short titles are spaced out on openers and matter pages ("综\u3000述", "目\u3000录"). */
export function spaced(title: string): string {
  const chars = [...title];
  return escapeHtml(chars.length === 2 ? chars.join('\u3000') : title);
}
