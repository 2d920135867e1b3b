/** A copy of o without the given keys (and without keys whose value is undefined). */
export function omit<T extends object, K extends keyof T>(o: T, keys: readonly K[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined && !(keys as readonly string[]).includes(k)) out[k] = v;
  return out;
}
