// Press variant (印前转换): grayscale or CMYK through Ghostscript, PDF/X-1a when asked, fonts kept embedded,
// black text kept as pure K. The page boxes (TrimBox/BleedBox) survive the conversion (checked by the tests).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../../../shared/model/errors';

export type PressMode = 'gray' | 'cmyk';

export function findGhostscript(): string | null {
  const env = process.env.YEARBOOK_GHOSTSCRIPT;
  if (env && existsSync(env)) return env;
  const names = process.platform === 'win32' ? ['gswin64c.exe', 'gswin32c.exe'] : ['gs'];
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    for (const n of names) {
      const p = path.join(dir, n);
      if (existsSync(p)) return p;
    }
  }
  return null;
}

/** Ghostscript's ICC output profiles (default_cmyk.icc / default_gray.icc), searched where distributions put them. */
function findIccProfile(gs: string, mode: PressMode): string | null {
  const file = mode === 'cmyk' ? 'default_cmyk.icc' : 'default_gray.icc';
  const roots = ['/usr/share/ghostscript', '/usr/local/share/ghostscript', path.join(path.dirname(gs), '..')];
  for (const root of roots) {
    if (!existsSync(root)) continue;
    const direct = path.join(root, 'iccprofiles', file);
    if (existsSync(direct)) return direct;
    for (const v of readdirSync(root)) {
      const p = path.join(root, v, 'iccprofiles', file);
      if (existsSync(p)) return p;
    }
  }
  const debian = path.join('/usr/share/color/icc/ghostscript', file);
  return existsSync(debian) ? debian : null;
}

/** PostScript string in UTF-16BE hex, so Chinese titles survive in the document info. */
function psHexText(s: string): string {
  let hex = 'FEFF';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const units = cp > 0xffff ? [0xd800 + ((cp - 0x10000) >> 10), 0xdc00 + ((cp - 0x10000) & 0x3ff)] : [cp];
    for (const u of units) hex += u.toString(16).padStart(4, '0').toUpperCase();
  }
  return `<${hex}>`;
}

/** The PDF/X definition Ghostscript reads before the input: document info and the output intent with its ICC profile. */
function pdfxDefinition(title: string, icc: string, mode: PressMode): string {
  const iccPath = icc.replace(/\\/g, '/').replace(/[()\\]/g, '\\$&');
  return `%!PS
% PDF/X-1a definition written by Yearbook Workbench.
[ /GTS_PDFXVersion (PDF/X-1:2001) /GTS_PDFXConformance (PDF/X-1a:2001) /Title ${psHexText(title)} /Trapped /False /DOCINFO pdfmark
[ /_objdef {icc_PDFX} /type /stream /OBJ pdfmark
[ {icc_PDFX} << /N ${mode === 'cmyk' ? 4 : 1} >> /PUT pdfmark
[ {icc_PDFX} (${iccPath}) (r) file /PUT pdfmark
[ /_objdef {OutputIntent_PDFX} /type /dict /OBJ pdfmark
[ {OutputIntent_PDFX} <<
  /Type /OutputIntent /S /GTS_PDFX
  /OutputCondition (${mode === 'cmyk' ? 'Commercial and specialty printing' : 'Grayscale printing'})
  /Info (none)
  /OutputConditionIdentifier (${mode === 'cmyk' ? 'CGATS TR 001' : 'Custom'})
  /RegistryName (http://www.color.org)
  /DestOutputProfile {icc_PDFX}
>> /PUT pdfmark
[ {Catalog} << /OutputIntents [ {OutputIntent_PDFX} ] >> /PUT pdfmark
`;
}

export interface PressOptions {
  mode: PressMode;
  /** Write PDF/X-1a (CMYK) output intent and conformance. */
  pdfx?: boolean;
  title?: string;
  gsPath?: string;
  signal?: AbortSignal;
}

/** Converts a PDF for the press. Throws a UserError with a Chinese message when Ghostscript is missing or fails. */
export async function applyPress(pdf: Uint8Array, opts: PressOptions): Promise<Uint8Array> {
  const gs = opts.gsPath ?? findGhostscript();
  if (!gs) throw new UserError('export.ghostscriptMissing');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yearbook-press-'));
  try {
    const input = path.join(dir, 'in.pdf');
    const output = path.join(dir, 'out.pdf');
    writeFileSync(input, pdf);
    const args = ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite', '-dAutoRotatePages=/None', '-dEmbedAllFonts=true', '-dSubsetFonts=true'];
    args.push('-dBlackText', '-dBlackVector');
    if (opts.mode === 'cmyk') args.push('-sColorConversionStrategy=CMYK', '-dProcessColorModel=/DeviceCMYK');
    else args.push('-sColorConversionStrategy=Gray', '-dProcessColorModel=/DeviceGray');
    const icc = opts.pdfx ? findIccProfile(gs, opts.mode) : null;
    if (opts.pdfx && icc) {
      const def = path.join(dir, 'pdfx_def.ps');
      writeFileSync(def, pdfxDefinition(opts.title ?? 'Yearbook', icc, opts.mode));
      args.splice(args.indexOf('-dSAFER'), 1, '-dNOSAFER');
      args.push('-dPDFX', '-dCompatibilityLevel=1.3', `-sOutputFile=${output}`, def, input);
    } else {
      args.push('-dCompatibilityLevel=1.4', `-sOutputFile=${output}`, input);
    }
    await new Promise<void>((resolve, reject) => {
      const child = execFile(gs, args, { maxBuffer: 16 * 2 ** 20, timeout: 30 * 60_000 }, (err, _stdout, stderr) => {
        if (opts.signal?.aborted) reject(new UserError('export.cancelled'));
        else if (err) reject(new UserError('export.ghostscriptFailed', {}, `${err.message}\n${stderr}`));
        else resolve();
      });
      opts.signal?.addEventListener('abort', () => child.kill(), { once: true });
    });
    if (!existsSync(output)) throw new UserError('export.ghostscriptFailed', {}, 'no output file');
    return new Uint8Array(readFileSync(output));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
