// House style → the checker's configuration: which rules run, how severe, with which parameters.
//
// Layers, later ones win: the rule's preset setting (national minimum / recommended / strict) → parameters
// derived from the book's named house-style fields (title lengths, record year, 公里/千米, 续表 style, levels,
// overview titles) → houseStyle.rules[id] → a --config file or the app's overrides.
import { z } from 'zod';
import { HouseStyleSchema, RuleSettingSchema, type Book, type HouseStyle, type IgnoredFinding } from '../model/schema';
import { RULES, RULES_BY_ID } from './catalogue';
import type { ResolvedRule, RuleDef, Severity } from './types';

export type PresetName = HouseStyle['preset'];

/**
 * Overrides on top of a book's house style, e.g. the JSON of `yearbook validate --config FILE`:
 * any house-style field ("preset", "titleWarnLength", "distanceUnit", "rules" …) plus "recordYear".
 */
export const ConfigOverridesSchema = HouseStyleSchema.partial()
  .extend({
    recordYear: z.number().int().min(1949).max(2200).optional(),
    rules: z.record(z.string(), RuleSettingSchema).optional(),
  })
  .strict();
export type ConfigOverrides = z.infer<typeof ConfigOverridesSchema>;

export interface CheckConfig {
  preset: PresetName;
  houseStyle: HouseStyle;
  recordYear: number;
  volumeYear: number;
  rules: Record<string, ResolvedRule>;
  ignored: IgnoredFinding[];
  /** Problems met while resolving (unknown rule ids, invalid parameters); the defaults were used instead. */
  problems: string[];
  /** Fingerprint of everything that changes findings; a checker drops its cache when it changes. */
  key: string;
}

function presetSetting(rule: RuleDef, preset: PresetName) {
  return rule.presets[preset === 'custom' ? 'recommended' : preset];
}

function clampSeverity(rule: RuleDef, s: Severity): Severity {
  // Heuristic rules are never errors: they can be wrong, so they may warn or hint only.
  return rule.kind === 'P' && s === 'error' ? 'warning' : s;
}

export function resolveConfig(book: Pick<Book, 'houseStyle' | 'recordYear' | 'volumeYear'>, overrides: ConfigOverrides = {}): CheckConfig {
  const problems: string[] = [];
  const { recordYear: recordOverride, rules: ruleOverrides, ...styleOverrides } = overrides;
  const base = book.houseStyle;
  const mergedRules: HouseStyle['rules'] = { ...base.rules };
  for (const [id, s] of Object.entries(ruleOverrides ?? {})) {
    const prev = mergedRules[id] ?? {};
    mergedRules[id] = { ...prev, ...s, ...(prev.params || s.params ? { params: { ...prev.params, ...s.params } } : {}) };
  }
  const houseStyle: HouseStyle = { ...base, ...styleOverrides, rules: mergedRules };
  const recordYear = recordOverride ?? book.recordYear;
  const defaults = { houseStyle, recordYear, volumeYear: book.volumeYear };

  for (const id of Object.keys(mergedRules)) if (!RULES_BY_ID.has(id)) problems.push(`未知的规则编号“${id}”`);

  const rules: Record<string, ResolvedRule> = {};
  for (const rule of RULES) {
    const preset = presetSetting(rule, houseStyle.preset);
    const setting = mergedRules[rule.id] ?? {};
    const params: Record<string, unknown> = { ...(rule.defaultParams?.(defaults) ?? {}), ...(preset.params ?? {}) };
    for (const [name, value] of Object.entries(setting.params ?? {})) {
      const spec = rule.params?.find((p) => p.name === name);
      if (!spec) {
        problems.push(`规则 ${rule.id} 没有参数“${name}”`);
        continue;
      }
      const err = spec.validate(value);
      if (err) problems.push(`规则 ${rule.id} 的参数“${name}”无效：${err}`);
      else params[name] = value;
    }
    rules[rule.id] = {
      enabled: setting.enabled ?? preset.enabled,
      severity: clampSeverity(rule, setting.severity ?? preset.severity ?? rule.defaultSeverity),
      params,
    };
  }
  const key = JSON.stringify([houseStyle.preset, recordYear, book.volumeYear, rules]);
  return { preset: houseStyle.preset, houseStyle, recordYear, volumeYear: book.volumeYear, rules, ignored: houseStyle.ignored ?? [], problems, key };
}
