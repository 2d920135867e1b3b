// Print profiles: the per-book layout settings (shared/model PrintProfile) resolved into the numbers the layout uses.
import { z } from 'zod';
import { UserError } from '../model/errors';
import { PrintProfileSchema, type PrintProfile } from '../model/schema';

/** Trim sizes (开本) printers use for yearbooks, in millimetres. */
export const TRIM_PRESETS: Record<string, { width: number; height: number }> = {
  大16开: { width: 210, height: 285 },
  '16开': { width: 185, height: 260 },
  A4: { width: 210, height: 297 },
};

/**
 * The TrueType-outline CJK faces shipped with the app (OFL, from @fontsource). They embed as CID TrueType;
 * every font list ends in one of them, so text never falls back to a CFF system font (embedded as Type 3).
 */
export const BUNDLED_FAMILIES = {
  song: 'Noto Serif SC',
  hei: 'Noto Sans SC',
  kai: 'LXGW WenKai',
  fang: 'Noto Serif SC',
} as const;
export type FontRole = keyof typeof BUNDLED_FAMILIES;

/** Second family holding the rest of each bundled font (rare characters), split by Unicode range. */
export function extFamily(family: string): string {
  return `${family} Ext`;
}

const GENERIC: Record<FontRole, string> = { song: 'serif', hei: 'sans-serif', kai: 'serif', fang: 'serif' };

/** Splits a CSS font-family list into family names (quotes removed). */
export function parseFamilyList(list: string): string[] {
  const out: string[] = [];
  const re = /\s*(?:"([^"]*)"|'([^']*)'|([^,]+))\s*(?:,|$)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(list)) && m[0] !== '') {
    const name = (m[1] ?? m[2] ?? m[3] ?? '').trim();
    if (name) out.push(name);
  }
  return out;
}

const GENERIC_NAMES = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'system-ui']);

/**
 * The CSS font-family list for a role: the families the profile names (e.g. 宋体 on an office PC), then the
 * bundled family and its extension, then the generic family. The bundled family is always present.
 */
export function fontStack(list: string, role: FontRole): string {
  const bundled = BUNDLED_FAMILIES[role];
  const names = parseFamilyList(list).filter((n) => !GENERIC_NAMES.has(n) && n !== extFamily(bundled));
  // The Kai role falls back to the bundled Kai face before any non-Kai family (the schema's default names only
  // Noto Serif SC, from before a Kai face was bundled).
  if (role === 'kai' && !names.includes(bundled)) {
    const firstNonKai = names.findIndex((n) => !/kai|楷/i.test(n));
    names.splice(firstNonKai < 0 ? names.length : firstNonKai, 0, bundled);
  }
  if (!names.includes(bundled)) names.push(bundled);
  const i = names.indexOf(bundled);
  names.splice(i + 1, 0, extFamily(bundled));
  // Other bundled families named by the user also get their extension.
  const withExt = names.flatMap((n) =>
    n !== bundled && Object.values(BUNDLED_FAMILIES).includes(n as never) && !names.includes(extFamily(n)) ? [n, extFamily(n)] : [n],
  );
  // A character missing from the Kai face is set in the bundled Song face rather than in a system font, and
  // the Kai face (larger repertoire: Ⅱ, ①…) backs up the Noto faces.
  if (role === 'kai' && !withExt.includes(BUNDLED_FAMILIES.song)) withExt.push(BUNDLED_FAMILIES.song, extFamily(BUNDLED_FAMILIES.song));
  if (role !== 'kai' && !withExt.includes(BUNDLED_FAMILIES.kai)) withExt.push(BUNDLED_FAMILIES.kai);
  return [...withExt.map((n) => `"${n.replace(/"/g, '')}"`), GENERIC[role]].join(', ');
}

export interface ResolvedProfile {
  trimName: string;
  trimWidth: number;
  trimHeight: number;
  bleed: number;
  cropMarks: boolean;
  /** Extra paper around the bleed for crop marks (0 without marks). */
  slug: number;
  margins: { top: number; bottom: number; inner: number; outer: number };
  columns: number;
  columnGap: number;
  bodySize: number;
  lineHeight: number;
  fonts: Record<FontRole, string>;
  runningHeads: PrintProfile['runningHeads'];
  colorMode: PrintProfile['colorMode'];
  pdfx: boolean;
  generated: {
    toc: boolean;
    tocDepth: number;
    subjectIndex: boolean;
    tableIndex: boolean;
    figureIndex: boolean;
    indexColumnLetters: boolean;
  };
  openerBlankVerso: boolean;
  entryTitleBold: boolean;
  /** Page size as Chromium prints it: trim plus bleed on every side (crop marks are added afterwards). */
  pageWidth: number;
  pageHeight: number;
  /** Width of the type area and of one column, in mm. */
  typeWidth: number;
  typeHeight: number;
  columnWidth: number;
}

export function resolveProfile(p: PrintProfile): ResolvedProfile {
  const g = p.generated ?? {};
  const typeWidth = p.trimWidth - p.margins.inner - p.margins.outer;
  const typeHeight = p.trimHeight - p.margins.top - p.margins.bottom;
  return {
    trimName: p.trimName,
    trimWidth: p.trimWidth,
    trimHeight: p.trimHeight,
    bleed: p.bleed,
    cropMarks: p.cropMarks,
    slug: p.cropMarks ? 10 : 0,
    margins: { ...p.margins },
    columns: p.columns,
    columnGap: p.columnGap,
    bodySize: p.bodySize,
    lineHeight: p.lineHeight,
    fonts: {
      song: fontStack(p.fonts.song, 'song'),
      hei: fontStack(p.fonts.hei, 'hei'),
      kai: fontStack(p.fonts.kai, 'kai'),
      fang: fontStack(p.fonts.fang, 'fang'),
    },
    runningHeads: p.runningHeads,
    colorMode: p.colorMode,
    pdfx: p.pdfx,
    generated: {
      toc: g.toc ?? true,
      tocDepth: g.tocDepth ?? 2,
      subjectIndex: g.subjectIndex ?? true,
      tableIndex: g.tableIndex ?? true,
      figureIndex: g.figureIndex ?? true,
      indexColumnLetters: g.indexColumnLetters ?? true,
    },
    openerBlankVerso: p.openerBlankVerso ?? false,
    entryTitleBold: p.entryTitleBold ?? false,
    pageWidth: p.trimWidth + 2 * p.bleed,
    pageHeight: p.trimHeight + 2 * p.bleed,
    typeWidth,
    typeHeight,
    columnWidth: p.columns > 1 ? (typeWidth - p.columnGap * (p.columns - 1)) / p.columns : typeWidth,
  };
}

/** A partial profile as written in a profile file or sent by the export dialog. */
// Every field optional and without its default (a patch names only what it changes).
const patchShape = Object.fromEntries(
  Object.entries(PrintProfileSchema.shape).map(([k, v]) => [k, (v instanceof z.ZodDefault ? (v.unwrap() as z.ZodType) : (v as z.ZodType)).optional()]),
) as { [K in keyof typeof PrintProfileSchema.shape]: z.ZodOptional<z.ZodType<PrintProfile[K]>> };
export const ProfilePatchSchema = z.object(patchShape).extend({
  margins: z.object({ top: z.number(), bottom: z.number(), inner: z.number(), outer: z.number() }).partial().optional(),
  fonts: z.object({ song: z.string(), hei: z.string(), kai: z.string(), fang: z.string() }).partial().optional(),
});
export type ProfilePatch = z.input<typeof ProfilePatchSchema>;

/** Applies a patch over a profile; a trimName of a known preset sets its size unless the patch gives one. */
export function applyProfilePatch(base: PrintProfile, patch: ProfilePatch, name = '版式方案'): PrintProfile {
  const parsed = ProfilePatchSchema.safeParse(patch);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new UserError('export.profile.invalid', { name, problem: `${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim() });
  }
  const p = parsed.data;
  const preset = p.trimName ? TRIM_PRESETS[p.trimName] : undefined;
  const merged = {
    ...base,
    ...stripUndefined(p),
    ...(preset && p.trimWidth === undefined ? { trimWidth: preset.width } : {}),
    ...(preset && p.trimHeight === undefined ? { trimHeight: preset.height } : {}),
    margins: { ...base.margins, ...stripUndefined(p.margins ?? {}) },
    fonts: { ...base.fonts, ...stripUndefined(p.fonts ?? {}) },
    generated: { ...(base.generated ?? {}), ...stripUndefined(p.generated ?? {}) },
  };
  const checked = PrintProfileSchema.safeParse(merged);
  if (!checked.success) {
    const first = checked.error.issues[0];
    throw new UserError('export.profile.invalid', { name, problem: `${first?.path.join('.') ?? ''} ${first?.message ?? ''}`.trim() });
  }
  return checked.data;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Built-in profiles the CLI (--profile NAME) and the export dialog offer, as patches over the book's profile. */
export const PROFILE_PRESETS: Record<string, { label: string; patch: ProfilePatch }> = {
  book: { label: '书稿自带版式', patch: {} },
  大16开: { label: '大16开 210×285 毫米，双栏', patch: { trimName: '大16开' } },
  '16开': {
    label: '16开 185×260 毫米，双栏',
    patch: { trimName: '16开', margins: { top: 20, bottom: 18, inner: 18, outer: 15 } },
  },
  A4: { label: 'A4 210×297 毫米，双栏', patch: { trimName: 'A4', margins: { top: 24, bottom: 22, inner: 20, outer: 17 } } },
  windows: {
    label: '办公电脑字体（宋体、黑体、楷体、仿宋，缺字时用随软件提供的字体）',
    patch: {
      fonts: {
        song: '"SimSun", "宋体", "Noto Serif SC", serif',
        hei: '"SimHei", "黑体", "Noto Sans SC", sans-serif',
        kai: '"KaiTi", "楷体", "LXGW WenKai", serif',
        fang: '"FangSong", "仿宋", "Noto Serif SC", serif',
      },
    },
  },
  proof: {
    label: '校样（单面，不出血，无索引）',
    patch: { bleed: 0, cropMarks: false, generated: { subjectIndex: false, tableIndex: false, figureIndex: false } },
  },
  press: { label: '印刷（出血 3 毫米，裁切标记）', patch: { bleed: 3, cropMarks: true } },
};
