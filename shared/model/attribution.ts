// Attribution lines: "(陈康)", "（汪 剑 朱丽娜）", "(区审管办 供稿)", "(区信访局提供)", "(张三 摄)", "（审稿：李四）".
// Parsing and normalising names is shared by the importer, the editor's tagging command and the checker.
import type { AttributionKind, Credit } from './schema';
import { startsWithSurname } from './surnames';

const OPEN = '(（';
const CLOSE = ')）';
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const HAN_RE = new RegExp(`^[${HAN}]+$`);
/** A person's name: 2–4 Han characters, or a minority/foreign name joined with a middle dot. */
const PERSON_RE = new RegExp(`^(?:[${HAN}]{2,4}|[${HAN}]{1,6}(?:[·•・][${HAN}]{1,8})+)$`);
/** Typical endings of organisation names in contributor lines. */
const UNIT_SUFFIX =
  /(?:局|办|委|会|院|所|处|科|室|部|队|站|中心|公司|集团|街道|镇|乡|村|社区|学校|大学|医院|银行|支行|分行|分局|协会|联合会|基地|管委会|指挥部|大队|中队|支队|工作组|小组|组|馆|台|厅|署|社|园|区|团|报)$/;

export interface ParsedAttribution {
  kind: AttributionKind;
  names: string[];
  /** "提供" or "摄" for photo credits; "供稿" for units. */
  suffix?: string;
  raw: string;
}

/** Removes the padding inside two-character names and unifies separators: "汪 剑 朱丽娜" → ["汪剑", "朱丽娜"]. */
export function splitNames(inner: string): string[] {
  const tokens = inner
    .replace(/[、，,；;／/]/g, ' ')
    .split(/[\s\u3000]+/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i]!;
    const next = tokens[i + 1];
    // Two single Han characters in a row are one padded two-character name ("汪 剑").
    if (tok.length === 1 && HAN_RE.test(tok) && next !== undefined && next.length === 1 && HAN_RE.test(next)) {
      out.push(tok + next);
      i++;
    } else {
      out.push(tok);
    }
  }
  return out;
}

/** A plausible person's name: the right shape and, for Han names, a known surname first. */
export function isPersonName(s: string): boolean {
  if (!PERSON_RE.test(s)) return false;
  return /[·•・]/.test(s) || startsWithSurname(s);
}

export function isUnitName(s: string): boolean {
  return s.length >= 2 && s.length <= 30 && HAN_RE.test(s.replace(/[（）()“”·]/g, '')) && UNIT_SUFFIX.test(s);
}

/** Strips one pair of enclosing round brackets (half- or full-width); null if the text is not bracketed. */
export function stripBrackets(text: string): string | null {
  const s = text.trim();
  if (s.length < 3) return null;
  if (!OPEN.includes(s[0]!) || !CLOSE.includes(s[s.length - 1]!)) return null;
  const inner = s.slice(1, -1);
  if (/[()（）]/.test(inner)) return null;
  return inner.trim();
}

/**
 * Reads an attribution from a bracketed line. Returns null when the text is not an attribution
 * (group labels "（一）", cross references "(见表6)", remarks), so callers can rely on it.
 */
export function parseAttribution(text: string): ParsedAttribution | null {
  const raw = text.trim();
  const inner = stripBrackets(raw);
  if (inner === null || inner.length === 0 || inner.length > 60) return null;

  const labelled = /^(撰稿|撰稿人|作者|供稿|供稿单位|审稿|审稿人|摄影|图片提供)\s*[:：]\s*(.+)$/.exec(inner);
  if (labelled) {
    const label = labelled[1]!;
    const names = splitNames(labelled[2]!);
    if (!names.length) return null;
    const kind: AttributionKind = label.startsWith('审稿')
      ? 'reviewer'
      : label.startsWith('供稿')
        ? 'unit'
        : label === '摄影' || label === '图片提供'
          ? 'photo'
          : 'author';
    return { kind, names, raw };
  }

  const suffixMatch = /^(.*?)\s*(供稿|提供|摄)$/.exec(inner);
  if (suffixMatch && suffixMatch[1]!.trim()) {
    const suffix = suffixMatch[2]!;
    const names = splitNames(suffixMatch[1]!);
    if (!names.length || !names.every((n) => isPersonName(n) || isUnitName(n) || HAN_RE.test(n))) return null;
    return { kind: suffix === '供稿' ? 'unit' : 'photo', names, suffix, raw };
  }

  const names = splitNames(inner);
  if (!names.length || names.length > 8) return null;
  if (!names.every(isPersonName)) return null;
  // Chinese numerals and serial labels such as （一）（十一） are never names.
  if (names.length === 1 && /^[一二三四五六七八九十百〇零]+$/.test(names[0]!)) return null;
  return { kind: 'author', names, raw };
}

/** Prints an attribution in the house form: full-width brackets, names separated by one space. */
export function formatAttribution(
  a: { kind: AttributionKind; names: string[] },
  opts: { padTwoCharNames?: boolean; photoSuffix?: string } = {},
): string {
  const names = a.names.map((n) =>
    opts.padTwoCharNames && n.length === 2 && HAN_RE.test(n) ? `${n[0]}\u3000${n[1]}` : n,
  );
  const joined = names.join(' ');
  switch (a.kind) {
    case 'unit':
      return `（${joined} 供稿）`;
    case 'photo':
      return `（${joined}${opts.photoSuffix ?? '提供'}）`;
    case 'reviewer':
      return `（审稿：${joined}）`;
    case 'author':
      return `（${joined}）`;
  }
}

/**
 * Reads a photo credit as typed or printed ("区信访局提供", "张三 摄", "（区数据局供稿）") into the model form.
 * Empty text gives undefined (no credit). Text that is not a recognisable credit is kept as a "provided"
 * credit with its words as names, so nothing typed is lost.
 */
export function parseCredit(text: string): Credit | undefined {
  const raw = text.trim().replace(/^[(（]\s*/, '').replace(/\s*[)）]$/, '');
  if (!raw) return undefined;
  const parsed = parseAttribution(`（${raw}）`);
  if (parsed && (parsed.kind === 'photo' || parsed.kind === 'unit')) {
    return { kind: parsed.suffix === '摄' ? 'photographer' : 'provided', names: parsed.names, raw };
  }
  const m = /^(.*?)\s*(提供|供稿|摄)$/.exec(raw);
  if (m && m[1]) return { kind: m[2] === '摄' ? 'photographer' : 'provided', names: splitNames(m[1]), raw };
  return { kind: 'provided', names: splitNames(raw), raw };
}
