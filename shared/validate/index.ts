// The chapter checker: rules over the book model, findings with exact locations, safe fixes.
export * from './types';
export { RULES, RULES_BY_ID } from './catalogue';
export { resolveConfig, ConfigOverridesSchema, type CheckConfig, type ConfigOverrides, type PresetName } from './config';
export { Checker, check, type CheckOptions, type CheckResult } from './engine';
export { applyFixes, fixesFor, type ApplyResult, type FixFilter, type RefusedFix } from './fixes';
export { getFieldText, sectionFields } from './fields';
export { summarize, scopeCounts, type CheckSummary } from './summary';
export { textReport, jsonReport, type JsonReport, type ScopeInfo } from './report';
export { renderRulesMarkdown } from './docs';
export { plain, format } from './records';
export { resolveScope } from './scope';
