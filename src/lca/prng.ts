import { at } from './checked-index.js';

/** Seeded PRNG (mulberry32): small, fast, reproducible across platforms; enough for Monte Carlo sampling. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Inverse CDF of the triangular distribution (low, mode, high) at u ∈ [0, 1). */
export function triangular(u: number, low: number, mode: number, high: number): number {
  const span = high - low;
  if (span <= 0) return mode;
  const f = (mode - low) / span;
  return u < f ? low + Math.sqrt(u * span * (mode - low)) : high - Math.sqrt((1 - u) * span * (high - mode));
}

/** Percentile (linear interpolation) of an ascending-sorted array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const below = at(sorted, lo);
  return below + (at(sorted, hi) - below) * (pos - lo);
}

/**
 * Inverse CDF of the centred triangular distribution at u ∈ [0, 1): half of the probability on each side of the
 * published figure `mid`, each half a triangle peaking at `mid` and falling to zero at `low` (left) or `high`
 * (right). Its median and mode are both `mid`, so the headline value (the product of the published figures) is the
 * central estimate of the Monte Carlo draws, however lopsided the spread of the sources is. A plain triangular
 * distribution with mode `mid` would put the median far from it when one source lies far out (docs/methodology.md).
 */
export function centredTriangular(u: number, low: number, mid: number, high: number): number {
  if (u < 0.5) return mid - (mid - low) * (1 - Math.sqrt(2 * u));
  return mid + (high - mid) * (1 - Math.sqrt(2 * (1 - u)));
}
