// The rule catalogue: every id of docs/reference/yearbook-rules.md is implemented, every rule is fully described
// in the message catalog, and docs/rules.md is exactly what the generator writes (never edited by hand).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogKeys } from '../../../../shared/i18n';
import { renderRulesMarkdown, RULES } from '../../../../shared/validate';

const root = path.resolve(import.meta.dirname, '../../../..');

describe('rule catalogue', () => {
  it('implements every rule id of the catalogue (docs/reference/yearbook-rules.md)', () => {
    const reference = readFileSync(path.join(root, 'docs/reference/yearbook-rules.md'), 'utf8');
    const ids = new Set<string>();
    for (const m of reference.matchAll(/^\| ([A-Z]+-[A-Z-]+(?: \/ [A-Z]+-[A-Z-]+)?) \|/gm)) for (const id of m[1]!.split(' / ')) ids.add(id);
    expect(ids.size).toBeGreaterThan(45);
    expect([...ids].filter((id) => !RULES.some((r) => r.id === id))).toEqual([]);
    expect(RULES.filter((r) => !ids.has(r.id)).map((r) => r.id)).toEqual([]);
  });

  it('has a name, a description and messages in Chinese and English for every rule; heuristics say why', () => {
    const { zh, en } = catalogKeys();
    for (const r of RULES) {
      for (const k of [r.title, r.description, ...r.messages, ...(r.why ? [r.why] : [])]) {
        expect(zh, `${r.id}: ${k}`).toContain(k);
        expect(en, `${r.id}: ${k}`).toContain(k);
      }
      if (r.kind === 'P') {
        expect(r.why, r.id).toBeTruthy();
        expect(r.defaultSeverity === 'error', r.id).toBe(false);
        expect(r.presets.national.enabled, r.id).toBe(false);
      }
      expect(r.examples.length, r.id).toBeGreaterThan(0);
    }
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
  });

  it('docs/rules.md is up to date (run `npm run docs:rules`)', () => {
    const committed = readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
    expect(committed).toBe(renderRulesMarkdown());
  });
});
