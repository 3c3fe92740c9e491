/**
 * Default inventories whose Monte Carlo median is compared with the headline GWP (every figure at its published
 * value): default profile ademe-fr, factor set techcare-2027.1, 5,000 draws, seed 1. Used by
 * `monte-carlo.test.ts` and by the table of docs/methodology.md.
 */
import { getFactorSet } from '../../src/data/index.js';
import { computeFootprint, type TInventoryLine } from '../../src/lca/index.js';
import { fmt } from './format.js';

export interface TMcCase {
  id: string;
  lines: TInventoryLine[];
  /** Why the headline is known to lie more than 15 % from p50 (its 15 % check is then an expected failure). */
  knownGap?: string;
}
export interface TMcResult {
  headline: number;
  low: number;
  high: number;
  p05: number;
  p50: number;
  p95: number;
  gap: number;
}

/** The largest relative distance allowed between the headline and the Monte Carlo median. */
export const MC_TOLERANCE = 0.1;
export const MC_OPTIONS = { year: 2026, criteria: ['gwp' as const], monteCarlo: { draws: 5000, seed: 1 } };

export const mcCases: TMcCase[] = [
  { id: 'mc-100-monitors', lines: [{ category: 'monitor', quantity: 100 }] },
  { id: 'mc-600-laptops', lines: [{ category: 'laptop', quantity: 600 }] },
  {
    id: 'mc-600-person-organisation',
    lines: [
      { category: 'laptop', quantity: 500 },
      { category: 'desktop', quantity: 100 },
      { category: 'monitor', quantity: 700 },
      { category: 'smartphone', quantity: 300 },
      { category: 'printer', quantity: 30 },
      { category: 'network_switch', quantity: 20 },
      { category: 'wifi_access_point', quantity: 40 },
      { category: 'ip_phone', quantity: 600 },
    ],
  },
];

/** Headline, interval bounds, Monte Carlo percentiles and the gap (headline − p50) ÷ p50 of one inventory. */
export function measureMc(c: TMcCase): TMcResult {
  const r = computeFootprint(getFactorSet('techcare-2027.1'), c.lines, MC_OPTIONS);
  const g = r.total.gwp;
  const q = r.monteCarlo?.gwp;
  if (!g || !q) throw new Error(`${c.id}: no GWP result`);
  return {
    headline: g.value,
    low: g.low,
    high: g.high,
    p05: q.p05,
    p50: q.p50,
    p95: q.p95,
    gap: (g.value - q.p50) / q.p50,
  };
}

const describeLines = (lines: TInventoryLine[]): string =>
  lines.map((l) => `${l.quantity ?? 1} ${l.category}`).join(', ');

/** The Monte Carlo table of docs/methodology.md. */
export function monteCarloTable(): string {
  const head = [
    '| id | inventory | headline | low – high | p05 / p50 / p95 | headline vs p50 | status |',
    '|---|---|---|---|---|---|---|',
  ];
  return [
    ...head,
    ...mcCases.map((c) => {
      const m = measureMc(c);
      const ok = m.low <= m.headline && m.headline <= m.high && Math.abs(m.gap) <= MC_TOLERANCE;
      const status = ok ? 'pass' : c.knownGap ? 'fails (known cause, below)' : 'FAIL';
      return `| ${c.id} | ${describeLines(c.lines)} | ${fmt(m.headline)} | ${fmt(m.low)} – ${fmt(m.high)} | ${fmt(m.p05)} / ${fmt(m.p50)} / ${fmt(m.p95)} | ${m.gap > 0 ? '+' : ''}${(m.gap * 100).toFixed(1)} % | ${status} |`;
    }),
  ].join('\n');
}
