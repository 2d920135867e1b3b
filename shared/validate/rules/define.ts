// Helpers for writing rule definitions compactly.
import type { MessageKey } from '../../i18n';
import type { PresetSetting, RuleDef, Severity } from '../types';

type Def = Omit<RuleDef, 'title' | 'description' | 'presets'> & { presets?: RuleDef['presets'] };

/** Fills the catalog keys of the rule's name and description (validate.rule.ID, validate.rule.ID.desc). */
export function defineRule(def: Def): RuleDef {
  return {
    ...def,
    title: `validate.rule.${def.id}` as MessageKey,
    description: `validate.rule.${def.id}.desc` as MessageKey,
    presets: def.presets ?? presets.standard(),
  };
}

const on = (severity?: Severity): PresetSetting => (severity ? { enabled: true, severity } : { enabled: true });
const off: PresetSetting = { enabled: false };

export const presets = {
  /** National standards and the book's own house settings: on in every preset. */
  standard(strictSeverity?: Severity): RuleDef['presets'] {
    return { national: on(), recommended: on(), strict: on(strictSeverity) };
  },
  /** A heuristic: off in the national minimum, a hint by default, a warning when strict. */
  heuristic(recommended: Severity = 'info', strict: Severity = 'warning'): RuleDef['presets'] {
    return { national: off, recommended: on(recommended), strict: on(strict) };
  },
  /** Not in the national minimum, on by default. */
  recommended(strictSeverity?: Severity): RuleDef['presets'] {
    return { national: off, recommended: on(), strict: on(strictSeverity) };
  },
  /** Custom params or severity per preset. */
  custom(p: RuleDef['presets']): RuleDef['presets'] {
    return p;
  },
};
