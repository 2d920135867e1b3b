// Parameter specifications (kind, limits, validator) and typed getters for rule definitions (no imports from
// the rules: rule files load it first). The kind lets the app's house-style dialog show a fitting control for
// every parameter without knowing the rule.

/** What a parameter holds; the settings dialog draws its control from this. */
export type ParamKind =
  | { kind: 'int'; min: number; max: number }
  | { kind: 'bool' }
  | { kind: 'choice'; values: readonly (string | number)[] }
  | { kind: 'strings' }
  | { kind: 'pairs' };

type Checked<K extends ParamKind> = K & { validate(value: unknown): string | null };

export const param = {
  int(min: number, max: number): Checked<{ kind: 'int'; min: number; max: number }> {
    return { kind: 'int', min, max, validate: (v: unknown) => (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max ? null : `应为 ${min}–${max} 之间的整数`) };
  },
  bool(): Checked<{ kind: 'bool' }> {
    return { kind: 'bool', validate: (v: unknown) => (typeof v === 'boolean' ? null : '应为 true 或 false') };
  },
  oneOf(values: readonly (string | number)[]): Checked<{ kind: 'choice'; values: readonly (string | number)[] }> {
    return { kind: 'choice', values, validate: (v: unknown) => ((typeof v === 'string' || typeof v === 'number') && values.includes(v) ? null : `应为 ${values.join(' / ')} 之一`) };
  },
  strings(): Checked<{ kind: 'strings' }> {
    return { kind: 'strings', validate: (v: unknown) => (Array.isArray(v) && v.every((x) => typeof x === 'string' && x.length > 0) ? null : '应为非空字符串的列表') };
  },
  pairs(): Checked<{ kind: 'pairs' }> {
    return {
      kind: 'pairs',
      validate: (v: unknown) =>
        Array.isArray(v) && v.every((x) => x && typeof x === 'object' && typeof (x as { full?: unknown }).full === 'string' && typeof (x as { short?: unknown }).short === 'string')
          ? null
          : '应为 {"full": 全称, "short": 简称} 的列表',
    };
  },
};

export function numParam(params: Record<string, unknown>, name: string, fallback: number): number {
  const v = params[name];
  return typeof v === 'number' ? v : fallback;
}
export function boolParam(params: Record<string, unknown>, name: string, fallback: boolean): boolean {
  const v = params[name];
  return typeof v === 'boolean' ? v : fallback;
}
export function strParam<T extends string>(params: Record<string, unknown>, name: string, fallback: T): T {
  const v = params[name];
  return typeof v === 'string' ? (v as T) : fallback;
}
export function listParam(params: Record<string, unknown>, name: string): string[] {
  const v = params[name];
  return Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as string[]) : [];
}
