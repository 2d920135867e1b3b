// The chapter checker: rules over the book model, findings with exact locations, safe fixes.
//
// API for the app (the problems panel, the editor's underlines, "check before export"):
//
//   const checker = new Checker();                  // one per open book; it caches per section
//   const { findings, stats } = checker.check(book, { scope?, overrides? });
//       Call it again after every edit with the new book. The app edits immutably, so sections that are the
//       same objects as last time are not checked again: re-checking after an edit of one section runs that
//       section's rules plus the cheap book-level aggregations (≈ 1–5 ms on a full volume). scope limits what is
//       reported ({kind:'book'} | {kind:'category', id} | {kind:'section', id}); book-level rules still see the
//       whole book. overrides: house-style fields on top of book.houseStyle (the settings panel, --config).
//
//   Finding = { id, ruleId, family, severity ('error'|'warning'|'info'), kind ('Y'|'P'), message (Chinese,
//       quotes the offending text), messageKey + messageParams (to show it in English), reason? (heuristics
//       say why), location, fixes }. Findings are records: message, location.context, fix.preview are computed
//       when read; JSON.stringify / plain(f) give plain objects (use plain() before postMessage/structuredClone).
//   Location = { part, nodeId, nodeKind, field?, start?, end?, text?, context?, categoryId/Title, sectionId/Title,
//       subsectionId/Title, entryId/Title, matterId/Title }. field names the text field of the node: 'title',
//       'text', 'caption', 'credit', 'raw' (attribution line), 'unitNote', 'note', 'dateLabel', 'cell:h|b:R:C';
//       [start, end) are UTF-16 offsets in that field, like the model's marks — underline exactly that range.
//   Fix = { label, edits: TextEdit[], preview: {before, after}, requiresConfirmation }.
//       TextEdit = { nodeId, field, start, end, expected, replacement }.
//
//   applyFixes(book, fixes) → { book, applied, refused }: pure; one occurrence (finding.fixes[0]), all of a rule
//       in a section or the book (fixesFor(findings, { ruleId?, sectionId?, categoryId?, includeConfirmation? })).
//       Each fix is applied whole or refused (stale: the text changed since the check; conflict: overlaps an
//       earlier fix; missing: the node is gone); marks move with the text; untouched parts are shared, so the
//       result is one undo step and the next check() re-runs only the touched sections.
//   summarize(book, findings, scope?) → counts (shared/model/stats), findings by severity and rule, errors per
//       10,000 characters, acceptable (≤ 1). tally(findings, 'section'|'category'|'node') → outline badges;
//       byNode(findings) → the findings of one block for the editor. Ignoring a finding: add
//       ignoredOf(finding, by, at) to book.houseStyle.ignored (rule, node, text and the characters around it).
//   RULES (the catalogue: ids, names, descriptions, presets, params), resolveConfig(book, overrides),
//   textReport / jsonReport (the CLI's reports), renderRulesMarkdown (docs/rules.md).
export * from './types';
export { RULES, RULES_BY_ID } from './catalogue';
export { resolveConfig, ConfigOverridesSchema, type CheckConfig, type ConfigOverrides, type PresetName } from './config';
export { Checker, check, ignoredOf, isIgnored, type CheckOptions, type CheckResult } from './engine';
export { applyFixes, fixesFor, type ApplyResult, type FixFilter, type RefusedFix } from './fixes';
export { findingMessage, findingReason, fixLabel, fixLabelText } from './localized';
export { getFieldText, sectionFields } from './fields';
export { summarize, scopeCounts, tally, byNode, type CheckSummary, type SeverityCounts } from './summary';
export { textReport, jsonReport, contributorList, type JsonReport, type ScopeInfo } from './report';
export { renderRulesMarkdown } from './docs';
export { plain, format } from './records';
export { resolveScope } from './scope';
export { cellLabel } from './where';
export { cellPlace } from './fields';
