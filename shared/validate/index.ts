// The chapter checker: rules over the book model, findings with exact locations, safe fixes.
export * from './types';
export { RULES, RULES_BY_ID } from './catalogue';
export { resolveConfig, ConfigOverridesSchema, type CheckConfig, type ConfigOverrides, type PresetName } from './config';
export { Checker, check, type CheckOptions, type CheckResult } from './engine';
export { applyFixes, fixesFor, type ApplyResult, type FixFilter, type RefusedFix } from './fixes';
export { getFieldText, sectionFields } from './fields';
