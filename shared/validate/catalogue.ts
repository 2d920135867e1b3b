// The rule catalogue: every rule of docs/reference/yearbook-rules.md that the checker implements, in
// catalogue order. docs/rules.md is generated from these definitions (npm run docs:rules).
import { ATTRIBUTION_RULES } from './rules/attributions';
import { ENTRY_RULES } from './rules/entries';
import { EXPRESSION_RULES } from './rules/expression';
import { NUMBER_RULES } from './rules/numbers';
import { PUNCTUATION_RULES } from './rules/punctuation';
import { STRUCTURE_RULES } from './rules/structure';
import { TABLE_FIGURE_RULES } from './rules/tables';
import { UNIT_RULES } from './rules/units';
import type { RuleDef } from './types';

export const RULES: readonly RuleDef[] = [
  ...STRUCTURE_RULES,
  ...ENTRY_RULES,
  ...ATTRIBUTION_RULES,
  ...TABLE_FIGURE_RULES,
  ...NUMBER_RULES,
  ...PUNCTUATION_RULES,
  ...UNIT_RULES,
  ...EXPRESSION_RULES,
];

export const RULES_BY_ID: ReadonlyMap<string, RuleDef> = new Map(RULES.map((r) => [r.id, r]));
