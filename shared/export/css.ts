// Print CSS generated from the resolved print profile. Sizes follow the Chinese type-size scale
// (小五 9 pt body, 小四 12 pt section titles, 六号 7.5 pt table cells) and print-spec.md.
import type { ResolvedProfile } from './profile';

const mm = (v: number) => `${+v.toFixed(3)}mm`;
const pt = (v: number) => `${+v.toFixed(2)}pt`;

/** Closes a multicol container: an empty spanner, so the last row is balanced (see .col-end). */
export const COLUMN_END = '<div class="col-end"></div>';

/** Type size of table cells, notes and the index in points (小六 7.5 at most). */
export function tableCellSize(p: ResolvedProfile): number {
  return Math.min(7.5, p.bodySize);
}

export function pageCss(p: ResolvedProfile): string {
  const b = p.bleed;
  const m = p.margins;
  return `
@page { size: ${mm(p.pageWidth)} ${mm(p.pageHeight)}; margin: ${mm(b + m.top)} ${mm(b + m.outer)} ${mm(b + m.bottom)} ${mm(b + m.inner)}; }
@page :left { margin-left: ${mm(b + m.outer)}; margin-right: ${mm(b + m.inner)}; }
@page :right { margin-left: ${mm(b + m.inner)}; margin-right: ${mm(b + m.outer)}; }`;
}

export function bookCss(p: ResolvedProfile): string {
  const f = p.fonts;
  const body = p.bodySize;
  const cell = tableCellSize(p);
  const line = p.lineHeight;
  const lineMm = (body * line * 25.4) / 72;
  const fullPage = mm(p.typeHeight - 0.6);
  return `${pageCss(p)}
html { font-family: ${f.song}; font-size: ${pt(body)}; line-height: ${line}; color: #000;
  text-spacing-trim: normal; font-synthesis: none; font-kerning: normal; line-break: strict; overflow-wrap: anywhere;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; }
b { font-weight: 700; }
i { font-style: normal; font-family: ${f.kai}; }
sup, sub { font-size: 0.66em; line-height: 0; }
.nb { white-space: nowrap; }
h1, h2, h3, h4 { font-weight: 400; margin: 0; }
section.cat + section.cat, section.cat + section.matter, section.matter + section.cat { break-before: right; }

/* category opener (类目页): title and English subtitle, no running head */
.opener { height: ${fullPage}; break-after: page; display: flex; align-items: center; justify-content: center; }
.blank-page { height: ${fullPage}; break-after: page; }
.opener-in { text-align: center; margin-top: -18%; }
.cat-title { font-family: ${f.hei}; font-size: 26pt; letter-spacing: 0.12em; line-height: 1.3; }
.cat-title::after { content: ""; display: block; width: 36mm; margin: 5mm auto 4mm; border-top: 0.8pt solid #000; }
.cat-en { font-family: ${f.song}; font-size: 11pt; letter-spacing: 0.02em; margin: 0; overflow-wrap: normal; }

/* flows: two columns, or full width (通栏) */
.flow.cols { columns: ${p.columns}; column-gap: ${mm(p.columnGap)}; column-fill: auto; }
/* The last row of every multicol ends in an empty spanner, which makes Chromium balance that row alone.
   column-fill: balance gives the same pages but makes the print about three times slower (docs/print.md). */
.col-end { column-span: all; height: 0; margin: 0; padding: 0; }
.flow.wide { }
.flow + .flow { margin-top: ${mm(lineMm * 0.5)}; }

/* 分目 */
.sec-title { font-family: ${f.hei}; font-size: 12pt; line-height: 1.4; text-align: center; margin: ${mm(lineMm * 0.9)} 0 ${mm(lineMm * 0.6)};
  break-after: avoid; break-inside: avoid; }
.sec-title.t2 { letter-spacing: 1em; text-indent: 1em; }
.flow > .sec:first-child > .sec-title { margin-top: 0; }
.wide .sec-title { font-family: ${f.song}; font-weight: 700; font-size: 16pt; margin: ${mm(lineMm)} 0 ${mm(lineMm * 0.6)}; }
.art-sub { text-align: center; font-family: ${f.kai}; font-size: ${pt(body + 1.5)}; margin: 0 0 ${mm(lineMm * 0.4)}; }
.art-speaker, .art-date { text-align: center; font-family: ${f.kai}; margin: 0; }
.art-date { margin-bottom: ${mm(lineMm * 0.6)}; }
.art-salute { text-indent: 0 !important; }

/* 次目 */
.sub-title { font-family: ${f.hei}; font-size: ${pt(body + 0.5)}; text-align: center; margin: ${mm(lineMm * 0.5)} 0 ${mm(lineMm * 0.25)};
  break-after: avoid; break-inside: avoid; }

/* 条目 and body text */
.p { text-indent: 2em; margin: 0; text-align: justify; orphans: 2; widows: 2; }
.entry > .p1 { orphans: 3; }
.entry > .p1.only { break-after: avoid; }
.et { font-family: ${f.hei}; font-weight: ${p.entryTitleBold ? 700 : 400}; }
.attr, .attr-in { font-family: ${f.kai}; }
.attr { text-align: right; margin: 0; break-before: avoid; }
.attr-in { float: right; margin-left: 1em; text-indent: 0; }
.hd { break-after: avoid; break-inside: avoid; text-indent: 2em; margin: ${mm(lineMm * 0.3)} 0 0; }
.hd.l1 { font-family: ${f.hei}; font-size: ${pt(body + 1)}; }
.hd.l2 { font-family: ${f.kai}; font-size: ${pt(body + 0.5)}; }
.hd.l3, .hd.l4 { font-family: ${f.hei}; margin-top: 0; }
.hd-run.l1, .hd-run.l3, .hd-run.l4 { font-family: ${f.hei}; }
.hd-run.l2 { font-family: ${f.kai}; }
.dated { text-indent: 2em; margin: 0; text-align: justify; orphans: 2; widows: 2; }
.dated .date { font-family: ${f.hei}; }
.fnref { font-size: 0.6em; vertical-align: 0.6em; line-height: 0; }
.notes { font-size: ${pt(cell)}; line-height: 1.45; margin: 1mm 0 ${mm(lineMm * 0.3)}; break-inside: avoid; }
.notes::before { content: ""; display: block; width: 16mm; border-top: 0.4pt solid #000; margin-bottom: 0.8mm; }
.note { margin: 0; text-indent: -1.2em; padding-left: 1.2em; }
.note-no { display: inline-block; width: 1.2em; text-indent: 0; }

/* figures */
.fig { margin: ${mm(lineMm * 0.5)} 0; break-inside: avoid; text-align: center; }
.fig.wide { column-span: all; }
.frame img { display: block; margin: 0 auto; }
.frame.empty { border: 0.5pt solid #9a9a9a; display: flex; align-items: center; justify-content: center; color: #8a8a8a;
  font-family: ${f.hei}; font-size: ${pt(cell)}; letter-spacing: 0.3em; }
.fig figcaption { font-family: ${f.kai}; font-size: ${pt(body - 0.5)}; line-height: 1.4; margin-top: 1.2mm; text-align: center; }
.fig .fno { font-family: ${f.hei}; }
.fig .credit { white-space: nowrap; }

/* tables: number and title above, unit at the right, header repeated with 续表 on every continuation */
.tbl { position: relative; margin: ${mm(lineMm * 0.5)} 0; }
.tbl.wide { column-span: all; }
.tcover { position: absolute; top: 0; left: 0; right: 0; background: #fff; z-index: 1; }
.tcap { font-size: ${pt(body)}; line-height: 1.35; text-align: center; padding-bottom: 0.6mm; }
.tcap .tt { display: block; font-family: ${f.hei}; }
.tcap .tu { display: block; text-align: right; font-size: ${pt(cell)}; }
.tbl table { width: 100%; border-collapse: collapse; font-size: ${pt(cell)}; line-height: 1.35; }
.tbl th, .tbl td { border: 0.4pt solid #000; padding: 0.5mm 0.8mm; vertical-align: middle; }
.tbl thead th { font-family: ${f.hei}; font-weight: 400; text-align: center; }
.tbl td { text-align: left; }
.tbl td.center, .tbl td.num { text-align: center; }
.tbl td.right { text-align: right; }
.tbl tr { break-inside: avoid; }
.tbl tr.tlab th { border: none; padding: 0; position: relative; text-align: left; font-family: ${f.song}; }
.tcap.ghost { visibility: hidden; }
.tcont { position: absolute; left: 0; bottom: 0.6mm; font-family: ${f.hei}; font-size: ${pt(cell)}; }
.tcu { position: absolute; right: 0; bottom: 0.6mm; font-size: ${pt(cell)}; }
.tnote { font-size: ${pt(cell)}; line-height: 1.4; margin: 0.8mm 0 0; text-align: justify; }

/* front and back matter */
.matter-title { font-family: ${f.hei}; font-size: 16pt; text-align: center; letter-spacing: 0.1em; margin: 4mm 0 ${mm(lineMm * 1.5)}; }
.titlepage { height: ${fullPage}; display: flex; align-items: center; justify-content: center; text-align: center; }
.tp-title { font-family: ${f.song}; font-weight: 700; font-size: 40pt; letter-spacing: 0.15em; }
.tp-year { font-family: ${f.song}; font-size: 20pt; margin: 4mm 0 10mm; }
.tp-en { font-size: 12pt; margin: 0 0 30mm; }
.tp-org { font-family: ${f.kai}; font-size: 14pt; margin-top: 30mm; }

/* 目录 */
.toc-list { columns: 2; column-gap: ${mm(p.columnGap * 1.5)}; column-fill: auto; }
.toc-line { display: flex; align-items: last baseline; margin: 0; line-height: 1.6; break-inside: avoid; }
.toc-line.c { font-family: ${f.hei}; font-size: ${pt(body + 1)}; margin-top: 1.6mm; break-after: avoid; }
.toc-line.s { padding-left: 1em; }
.toc-line.ss { padding-left: 2em; font-size: ${pt(body - 0.5)}; }
.toc-line.m { font-family: ${f.hei}; font-size: ${pt(body + 1)}; margin-top: 1.6mm; }
.tl-t { flex: 0 1 auto; max-width: calc(100% - 4.5em); }
.tl-d { flex: 1 1 0; overflow: hidden; white-space: nowrap; margin: 0 0.2em; color: #000; min-width: 1.5em;
  font-family: ${f.song}; font-size: ${pt(body - 1)}; }
.tl-d::before { content: "${'·'.repeat(160)}"; letter-spacing: 0.12em; }
.tl-p { flex: none; text-align: right; min-width: 1.6em; }

/* 索引 */
.idx-note { font-size: ${pt(cell)}; text-indent: 2em; margin: 0 0 ${mm(lineMm * 0.5)}; }
.idx-list { columns: 3; column-gap: ${mm(p.columnGap)}; column-fill: auto; font-size: ${pt(cell)}; line-height: 1.55; }
.idx-letter { font-family: ${f.hei}; font-size: ${pt(body)}; text-align: center; margin: 1.5mm 0 0.8mm; break-after: avoid; }
.idx-item { display: flex; align-items: last baseline; margin: 0; break-inside: avoid; }
.idx-item .tl-t { padding-left: 1em; text-indent: -1em; }
.idx-sub { margin-top: ${mm(lineMm)}; }
.idx-sub-title { font-family: ${f.hei}; font-size: 12pt; text-align: center; margin: 0 0 ${mm(lineMm * 0.6)}; break-after: avoid; }
.idx-list.two { columns: 2; }
`;
}

/** CSS of the furniture document: one page per book page carrying running head, rule and folio. */
export function furnitureCss(p: ResolvedProfile): string {
  const b = p.bleed;
  const m = p.margins;
  const headBottom = b + m.top - 3.5; // rule 3.5 mm above the type area
  return `
@page { size: ${mm(p.pageWidth)} ${mm(p.pageHeight)}; margin: 0; }
html { font-family: ${p.fonts.song}; font-size: 9pt; line-height: 1.2; font-synthesis: none; text-spacing-trim: normal; }
body { margin: 0; }
.pg { width: ${mm(p.pageWidth)}; height: ${mm(p.pageHeight)}; position: relative; overflow: hidden; break-after: page; }
.pg:last-child { break-after: auto; }
.rh { position: absolute; top: ${mm(headBottom - 6)}; height: 6mm; width: ${mm(p.typeWidth)}; display: flex; align-items: flex-end;
  justify-content: center; padding-bottom: 0.9mm; box-sizing: border-box; }
.rh.rule { border-bottom: 0.5pt solid #000; }
.pg.l .rh { left: ${mm(b + m.outer)}; }
.pg.r .rh { left: ${mm(b + m.inner)}; }
.rh .t { font-family: ${p.fonts.song}; font-size: 9pt; letter-spacing: 0.05em; }
.rh .f { position: absolute; bottom: 0.9mm; font-family: ${p.fonts.song}; font-size: 9pt; }
.pg.l .rh .f { left: 0; }
.pg.r .rh .f { right: 0; }
`;
}
