// Accuracy of the recogniser on the corpus seeds, measured by the corpus scorer against the hand-made
// gold outlines (target of issue 3: score ≥ 0.98, every measure of every seed ≥ 0.95).
import { describe, expect, it } from 'vitest';
import { recogniseText, toOutline } from '../../../../shared/import';
import { scoreOutlines, seedNames, seedText } from './corpus';

describe('import accuracy on the corpus seeds', () => {
  const outlines: Record<string, unknown> = {};
  for (const f of seedNames()) outlines[f.replace(/\.txt$/, '')] = toOutline(recogniseText(seedText(f.slice(0, 3)), f));
  const scores = scoreOutlines(outlines);

  it('scores at least 0.98 overall', () => {
    expect(scores.score, scores.output).toBeGreaterThanOrEqual(0.98);
  });

  for (const f of seedNames()) {
    const name = f.replace(/\.txt$/, '');
    it(`${f.slice(0, 3)}: every measure at least 0.95`, () => {
      const m = scores.measures[name];
      expect(m, scores.output).toBeDefined();
      for (const [measure, value] of Object.entries(m!)) expect(value, `${name} ${measure}\n${scores.output}`).toBeGreaterThanOrEqual(0.95);
    });
  }
});
