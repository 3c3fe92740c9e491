import { describe, expect, it } from 'vitest';
import { MC_TOLERANCE, mcCases, measureMc } from './monte-carlo-cases.js';

/**
 * The headline GWP must lie inside [low, high] and within 15 % of the Monte Carlo median. An inventory with a
 * `knownGap` has its 15 % check marked as an expected failure (the measured figures are in docs/methodology.md):
 * it starts failing as soon as the engine brings the median back near the headline, and must then become a plain
 * check again.
 */
describe('Monte Carlo median against the headline value (default inventories, 5,000 draws, seed 1)', () => {
  for (const c of mcCases) {
    const m = measureMc(c);
    it(`${c.id}: headline inside [low, high], and low ≤ p05 ≤ p50 ≤ p95 ≤ high`, () => {
      expect(m.low).toBeLessThanOrEqual(m.headline);
      expect(m.headline).toBeLessThanOrEqual(m.high);
      expect(m.low).toBeLessThanOrEqual(m.p05);
      expect(m.p05).toBeLessThanOrEqual(m.p50);
      expect(m.p50).toBeLessThanOrEqual(m.p95);
      expect(m.p95).toBeLessThanOrEqual(m.high);
    });
    const within = (): void => { expect(Math.abs(m.gap)).toBeLessThanOrEqual(MC_TOLERANCE); };
    if (c.knownGap) it.fails(`${c.id}: headline within 15 % of p50 — known to fail: ${c.knownGap}`, within);
    else it(`${c.id}: headline within 15 % of p50`, within);
  }
});
