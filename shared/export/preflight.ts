// Preflight (印前检查): what a printing house checks before accepting a file — page count and size, page boxes,
// fonts and how they are embedded, image resolution, elements running out of the type area.
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRawStream, type PDFObject } from 'pdf-lib';
import type { MessageKey, MessageParams } from '../i18n';
import { t } from '../i18n';
import { MM } from './pdf';
import type { ResolvedProfile } from './profile';

export type FontKind = 'CID TrueType' | 'CID Type 0C' | 'TrueType' | 'Type 1' | 'Type 1C' | 'Type 3' | 'unknown';

export interface PdfFont {
  /** Name without the subset prefix ("NotoSerifSC-Regular"). */
  name: string;
  kind: FontKind;
  embedded: boolean;
  subset: boolean;
  /** How many font objects (subsets) with this name and kind the file holds. */
  objects: number;
}

export interface PdfFacts {
  pageCount: number;
  /** Sizes in mm of the first page (all pages are checked for equality). */
  mediaBox: { width: number; height: number };
  trimBox: { width: number; height: number } | null;
  bleedBox: { width: number; height: number } | null;
  pagesWithoutBoxes: number[];
  pagesOfOtherSize: number[];
  fonts: PdfFont[];
  images: { width: number; height: number; colorSpace: string }[];
  colorSpaces: string[];
}

function boxOf(node: PDFDict, key: string): number[] | null {
  const v = node.lookup(PDFName.of(key));
  if (!(v instanceof PDFArray)) return null;
  return v.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : 0));
}
const size = (b: number[]) => ({ width: round1((b[2]! - b[0]!) / MM), height: round1((b[3]! - b[1]!) / MM) });
const round1 = (v: number) => Math.round(v * 10) / 10;

/** Reads the facts a preflight needs straight from the PDF's objects. */
export async function inspectPdf(bytes: Uint8Array): Promise<PdfFacts> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const pages = doc.getPages();
  const first = pages[0]?.node;
  const media = first ? boxOf(first, 'MediaBox') : null;
  const pagesWithoutBoxes: number[] = [];
  const pagesOfOtherSize: number[] = [];
  pages.forEach((p, i) => {
    if (!boxOf(p.node, 'TrimBox') || !boxOf(p.node, 'BleedBox')) pagesWithoutBoxes.push(i + 1);
    const m = boxOf(p.node, 'MediaBox');
    if (media && m && (Math.abs(m[2]! - media[2]!) > 0.5 || Math.abs(m[3]! - media[3]!) > 0.5)) pagesOfOtherSize.push(i + 1);
  });
  const fonts = new Map<string, PdfFont>();
  const images: PdfFacts['images'] = [];
  const colorSpaces = new Set<string>();
  for (const [, obj] of doc.context.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFDict ? obj : obj instanceof PDFRawStream ? obj.dict : null;
    if (!dict) continue;
    const type = dict.lookup(PDFName.of('Type'));
    const subtype = dict.lookup(PDFName.of('Subtype'));
    if (type === PDFName.of('Font') && subtype instanceof PDFName) {
      const st = subtype.decodeText();
      if (st === 'CIDFontType0' || st === 'CIDFontType2') continue; // counted through their Type0 parent
      const font = describeFont(dict, st);
      const key = `${font.name}|${font.kind}`;
      const prev = fonts.get(key);
      if (prev) prev.objects++;
      else fonts.set(key, font);
    } else if (obj instanceof PDFRawStream && subtype === PDFName.of('Image')) {
      const w = dict.lookup(PDFName.of('Width'));
      const h = dict.lookup(PDFName.of('Height'));
      const cs = colorSpaceName(dict.lookup(PDFName.of('ColorSpace')));
      colorSpaces.add(cs);
      images.push({ width: w instanceof PDFNumber ? w.asNumber() : 0, height: h instanceof PDFNumber ? h.asNumber() : 0, colorSpace: cs });
    }
  }
  for (const p of pages) {
    const res = p.node.Resources();
    const cs = res?.lookup(PDFName.of('ColorSpace'));
    if (cs instanceof PDFDict) for (const [, v] of cs.entries()) colorSpaces.add(colorSpaceName(v instanceof PDFDict || v instanceof PDFArray ? v : doc.context.lookup(v as never)));
  }
  const trim = first ? boxOf(first, 'TrimBox') : null;
  const bleed = first ? boxOf(first, 'BleedBox') : null;
  return {
    pageCount: pages.length,
    mediaBox: media ? size(media) : { width: 0, height: 0 },
    trimBox: trim ? size(trim) : null,
    bleedBox: bleed ? size(bleed) : null,
    pagesWithoutBoxes,
    pagesOfOtherSize,
    fonts: [...fonts.values()].sort((a, b) => a.name.localeCompare(b.name)),
    images,
    colorSpaces: [...colorSpaces].sort(),
  };
}

function colorSpaceName(v: PDFObject | undefined): string {
  if (v instanceof PDFName) return v.decodeText();
  if (v instanceof PDFArray) {
    const head = v.lookup(0);
    return head instanceof PDFName ? head.decodeText() : 'unknown';
  }
  return 'unknown';
}

function describeFont(dict: PDFDict, subtype: string): PdfFont {
  const base = dict.lookup(PDFName.of('BaseFont'));
  const raw = base instanceof PDFName ? base.decodeText() : '[none]';
  const subset = /^[A-Z]{6}\+/.test(raw);
  const name = subset ? raw.slice(7) : raw;
  if (subtype === 'Type3') return { name, kind: 'Type 3', embedded: true, subset, objects: 1 };
  let descriptorHolder: PDFDict = dict;
  let kind: FontKind = 'unknown';
  if (subtype === 'Type0') {
    const desc = dict.lookup(PDFName.of('DescendantFonts'));
    const d0 = desc instanceof PDFArray ? desc.lookup(0) : undefined;
    if (d0 instanceof PDFDict) {
      descriptorHolder = d0;
      const st = d0.lookup(PDFName.of('Subtype'));
      kind = st === PDFName.of('CIDFontType2') ? 'CID TrueType' : st === PDFName.of('CIDFontType0') ? 'CID Type 0C' : 'unknown';
    }
  } else if (subtype === 'TrueType') kind = 'TrueType';
  else if (subtype === 'Type1' || subtype === 'MMType1') kind = 'Type 1';
  const fd = descriptorHolder.lookup(PDFName.of('FontDescriptor'));
  let embedded = false;
  if (fd instanceof PDFDict) {
    embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((k) => fd.get(PDFName.of(k)) !== undefined);
    if (kind === 'Type 1' && fd.get(PDFName.of('FontFile3'))) kind = 'Type 1C';
  }
  return { name, kind, embedded, subset, objects: 1 };
}

// ---------------------------------------------------------------------------------------------
// The report

export type Severity = 'error' | 'warning' | 'info';

export interface PreflightFinding {
  severity: Severity;
  /** Catalog key and parameters, so the app shows it in the user's language. */
  key: MessageKey;
  params: MessageParams;
  /** The message in Chinese. */
  message: string;
  /** Node id in the book the finding is about (a figure, a table), for "go to" in the app. */
  nodeId?: string;
  /** Physical page (0-based) where it is, when known. */
  page?: number;
}

export interface Overflow {
  /** id of the element (a table, figure or block in the book). */
  id: string;
  what: 'table' | 'figure' | 'text' | 'image';
  /** How far it runs beyond its box, in mm. */
  amountMm: number;
}

export interface PreflightReport {
  pageCount: number;
  trim: { name: string; width: number; height: number; bleed: number };
  /** Page size as written in the file (with bleed, and crop-mark slug when present). */
  mediaBox: { width: number; height: number };
  trimBox: { width: number; height: number } | null;
  bleedBox: { width: number; height: number } | null;
  fonts: PdfFont[];
  images: { count: number; lowDpi: number; missing: number };
  colorMode: 'rgb' | 'gray' | 'cmyk';
  findings: PreflightFinding[];
  /** True when nothing of severity "error" was found. */
  ok: boolean;
}

export interface PreflightInput {
  facts: PdfFacts;
  profile: ResolvedProfile;
  colorMode: 'rgb' | 'gray' | 'cmyk';
  images: { anchor: string; fileName: string; where: string; dpi: number | null; page?: number }[];
  missingImages: { anchor: string; where: string; page?: number }[];
  overflows: (Overflow & { where: string; page?: number })[];
  /** Characters no bundled face has (set in a system font). */
  missingGlyphs?: string[];
}

function finding(severity: Severity, key: MessageKey, params: MessageParams, extra: Partial<PreflightFinding> = {}): PreflightFinding {
  return { severity, key, params, message: t(key, params, 'zh'), ...extra };
}

export function buildPreflight(input: PreflightInput): PreflightReport {
  const { facts, profile } = input;
  const findings: PreflightFinding[] = [];
  for (const f of facts.fonts) {
    if (f.kind === 'Type 3') findings.push(finding('error', 'export.preflight.type3', { font: f.name }));
    else if (!f.embedded) findings.push(finding('error', 'export.preflight.notEmbedded', { font: f.name }));
  }
  for (const page of facts.pagesWithoutBoxes.slice(0, 5)) findings.push(finding('error', 'export.preflight.boxes', { page }));
  let lowDpi = 0;
  for (const img of input.images) {
    if (img.dpi !== null && img.dpi < 300) {
      lowDpi++;
      findings.push(
        finding('warning', 'export.preflight.lowDpi', { name: img.fileName, where: img.where, dpi: img.dpi }, { nodeId: img.anchor, ...(img.page !== undefined ? { page: img.page } : {}) }),
      );
    }
  }
  for (const m of input.missingImages) {
    findings.push(finding('warning', 'export.preflight.missingImage', { where: m.where }, { nodeId: m.anchor, ...(m.page !== undefined ? { page: m.page } : {}) }));
  }
  const whatLabel = { table: '表格', figure: '图片', text: '文字', image: '图片' } as const;
  for (const o of input.overflows) {
    findings.push(
      finding('warning', 'export.preflight.overflow', { where: o.where, what: whatLabel[o.what], amount: o.amountMm.toFixed(1) }, { nodeId: o.id, ...(o.page !== undefined ? { page: o.page } : {}) }),
    );
  }
  if (input.missingGlyphs?.length) {
    findings.push(finding('warning', 'export.preflight.fallbackGlyphs', { count: input.missingGlyphs.length, chars: input.missingGlyphs.slice(0, 12).join('') }));
  }
  if (input.colorMode === 'rgb') findings.push(finding('info', 'export.preflight.rgb', {}));
  return {
    pageCount: facts.pageCount,
    trim: { name: profile.trimName, width: profile.trimWidth, height: profile.trimHeight, bleed: profile.bleed },
    mediaBox: facts.mediaBox,
    trimBox: facts.trimBox,
    bleedBox: facts.bleedBox,
    fonts: facts.fonts,
    images: { count: input.images.length, lowDpi, missing: input.missingImages.length },
    colorMode: input.colorMode,
    findings,
    ok: !findings.some((f) => f.severity === 'error'),
  };
}

/** The report as plain lines (CLI, log), in the given locale. */
export function formatPreflight(r: PreflightReport, locale: 'zh' | 'en' = 'zh'): string[] {
  const lines = [`${t('export.preflight.title', {}, locale)}`];
  lines.push(`  ${t('export.preflight.pages', { pages: r.pageCount }, locale)}`);
  lines.push(
    `  ${t('export.preflight.size', { trim: r.trim.name, width: r.trim.width, height: r.trim.height, bleed: r.trim.bleed, mediaWidth: r.mediaBox.width, mediaHeight: r.mediaBox.height }, locale)}`,
  );
  const embedded = r.fonts.every((f) => f.embedded);
  lines.push(`  ${embedded ? t('export.preflight.fonts', { count: r.fonts.length }, locale) : `fonts: ${r.fonts.length}`}`);
  for (const f of r.fonts) lines.push(`    ${f.name}  ${f.kind}${f.objects > 1 ? ` ×${f.objects}` : ''}${f.embedded ? '' : ' (not embedded)'}`);
  const shown = r.findings.slice(0, 30);
  for (const f of shown) lines.push(`  [${f.severity === 'error' ? '错误' : f.severity === 'warning' ? '警告' : '提示'}] ${locale === 'zh' ? f.message : t(f.key, f.params, 'en')}`);
  if (r.findings.length > shown.length) lines.push(`  … ${r.findings.length - shown.length}`);
  if (!r.findings.some((f) => f.severity !== 'info')) lines.push(`  ${t('export.preflight.ok', {}, locale)}`);
  return lines;
}
