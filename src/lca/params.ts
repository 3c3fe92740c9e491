import type { TCitedRange } from './types.js';

/** What kind of figure a parameter is: a dataset default, an archetype factor, or reference data (electricity, constants). */
export type TParamKind = 'default' | 'archetype' | 'reference';

/**
 * An uncertain parameter: triangular (low, mode, high). Shared parameters are the same object across lines, so
 * the Monte Carlo draws them once per draw (a laptop factor is wrong the same way for every laptop).
 */
export interface TParam {
  readonly id: number;
  readonly name: string;
  readonly low: number;
  readonly mode: number;
  readonly high: number;
  readonly kind: TParamKind;
  readonly source?: string;
}

let nextId = 1;
/** Creates a parameter; low/high are re-ordered around the mode so low ≤ mode ≤ high always holds. */
export function makeParam(
  name: string,
  low: number,
  mode: number,
  high: number,
  kind: TParamKind,
  source?: string,
): TParam {
  return { id: nextId++, name, low: Math.min(low, mode, high), mode, high: Math.max(low, mode, high), kind, source };
}
/** A parameter from a cited range of the factor set. */
export function paramOf(name: string, r: TCitedRange, kind: TParamKind): TParam {
  return makeParam(name, r.low, r.value, r.high, kind, r.source);
}
