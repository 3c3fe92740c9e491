import {
  computeFootprint,
  CRITERIA,
  TIERS,
  type TCriterion,
  type TFactorSet,
  type TFootprintOptions,
  type TFootprintResult,
  type TImpact,
  type TImpacts,
  type TInventoryLine,
  type TTier,
} from '../index.js';
import { baselineFacts, chainTransforms, leverTransform, QUANTIFIED_LEVERS, type TQuantifiedLever } from './levers.js';

/** One lever with its parameters, as chosen by a member. */
export interface TLeverApplication {
  lever: TQuantifiedLever;
  params: unknown;
}

/**
 * The change of one criterion. `delta` is after − before (negative = a reduction); its low and high compare the
 * two results in the same "world" (both at their low, both at their high bounds), because before and after share
 * the same uncertain factors: subtracting a low from a high would count the same uncertainty twice.
 */
export interface TCriterionChange {
  before: TImpact;
  after: TImpact;
  delta: TImpact;
  relative: number;
}
export type TChanges = Partial<Record<TCriterion, TCriterionChange>>;

export interface TLeverEffect {
  total: TChanges;
  byTier: Partial<Record<TTier, TChanges>>;
  result: TFootprintResult;
}

export interface TLeverSimulation {
  baseline: TFootprintResult;
  /** Each lever alone against the baseline, in application order. */
  individual: (TLeverEffect & TLeverApplication)[];
  /** Every lever applied in sequence to the same lines, computed once: no double counting. */
  combined: TLeverEffect;
  /** The lines after every lever (what an action plan would turn the inventory into). */
  combinedLines: TInventoryLine[];
}

/**
 * The steady-state view levers are simulated in: amortised allocation, no purchase years. Levers describe lasting
 * changes of practice; under purchase-year allocation (or with fully amortised old devices) a longer lifespan
 * would show no effect, or even an increase, in one reporting year, which says nothing about the lever.
 */
export function steadyStateLines(lines: readonly TInventoryLine[]): TInventoryLine[] {
  return lines.map((l) => {
    if (l.purchase_year === undefined) return l;
    const { purchase_year: _dropped, ...rest } = l;
    return rest;
  });
}

function change(before: TImpact | undefined, after: TImpact | undefined): TCriterionChange | undefined {
  if (!before && !after) return undefined;
  const unit = (before ?? after)!.unit;
  const b = before ?? { value: 0, low: 0, high: 0, unit };
  const a = after ?? { value: 0, low: 0, high: 0, unit };
  const value = a.value - b.value;
  const atLow = a.low - b.low;
  const atHigh = a.high - b.high;
  return {
    before: b,
    after: a,
    delta: { value, low: Math.min(value, atLow, atHigh), high: Math.max(value, atLow, atHigh), unit },
    relative: b.value === 0 ? 0 : value / b.value,
  };
}

function changes(before: TImpacts, after: TImpacts): TChanges {
  const out: TChanges = {};
  for (const c of CRITERIA) {
    const ch = change(before[c], after[c]);
    if (ch) out[c] = ch;
  }
  return out;
}

function effect(baseline: TFootprintResult, result: TFootprintResult): TLeverEffect {
  const byTier: Partial<Record<TTier, TChanges>> = {};
  for (const t of TIERS) {
    const ch = changes(baseline.byTier[t] ?? {}, result.byTier[t] ?? {});
    if (Object.keys(ch).length) byTier[t] = ch;
  }
  return { total: changes(baseline.total, result.total), byTier, result };
}

function applyAll(
  fs: TFactorSet,
  lines: readonly TInventoryLine[],
  apps: readonly TLeverApplication[],
): TInventoryLine[] {
  const t = chainTransforms(
    fs,
    apps.map((a) => leverTransform(fs, a.lever, a.params)),
  );
  return lines.flatMap((l, i) => t(l, i));
}

/**
 * Simulates levers on an inventory: the baseline, each lever alone, and all of them combined. Levers are applied
 * in the fixed order of `QUANTIFIED_LEVERS` (so the result does not depend on the order they were picked in),
 * each on the lines the previous ones produced; two levers acting on the same lines therefore compose
 * multiplicatively (e.g. lifespan 4 → 6 and 30 % refurbished: the refurbished units' reduced impact is also spread
 * over 6 years), and the total is computed once from the final lines, never as a sum of separate gains.
 * @throws ZodError or RangeError on invalid lever parameters; InventoryErrors when the lines are invalid.
 */
export function simulateLevers(
  fs: TFactorSet,
  lines: readonly TInventoryLine[],
  applications: readonly TLeverApplication[],
  options: TFootprintOptions,
): TLeverSimulation {
  const opts: TFootprintOptions = { ...options, allocation: 'amortised', monteCarlo: undefined };
  const facts = baselineFacts(fs, applications);
  const base = steadyStateLines(lines).map(facts);
  const baseline = computeFootprint(fs, base, opts);
  const ordered = [...applications].sort(
    (a, b) => QUANTIFIED_LEVERS.indexOf(a.lever) - QUANTIFIED_LEVERS.indexOf(b.lever),
  );
  const individual = ordered.map((a) => ({
    ...a,
    ...effect(baseline, computeFootprint(fs, applyAll(fs, base, [a]), opts)),
  }));
  const combinedLines = applyAll(fs, base, ordered);
  const combined = ordered.length
    ? effect(baseline, computeFootprint(fs, combinedLines, opts))
    : effect(baseline, baseline);
  return { baseline, individual, combined, combinedLines };
}
