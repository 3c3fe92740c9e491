import { createFootprintAccumulator } from './accumulator.js';
import type { TFactorSet, TFootprintOptions, TFootprintResult, TInventoryLine, TLineError } from './types.js';

/** Thrown by `computeFootprint` when lines have errors: nothing is computed from an inventory with errors. */
export class InventoryErrors extends Error {
  constructor(public readonly errors: TLineError[]) {
    super(errors.map((e) => `line ${e.line}, column ${e.column}: ${e.message}`).join('\n'));
    this.name = 'InventoryErrors';
  }
}

/**
 * Computes the footprint of a whole inventory (array API). Line numbers in errors and warnings are
 * `firstLineNo + index` (2 by default: line 1 of a file is its header).
 * @throws InventoryErrors with every error when any line is invalid.
 */
export function computeFootprint(
  factorSet: TFactorSet,
  lines: readonly TInventoryLine[],
  options: TFootprintOptions,
  firstLineNo = 2,
): TFootprintResult {
  const acc = createFootprintAccumulator(factorSet, options);
  const errors: TLineError[] = [];
  lines.forEach((l, i) => {
    errors.push(...acc.add(l, firstLineNo + i));
  });
  if (errors.length) throw new InventoryErrors(errors);
  return acc.result();
}

/** Checks lines against a factor set without keeping a result; returns every error. */
export function validateInventory(
  factorSet: TFactorSet,
  lines: readonly TInventoryLine[],
  options: TFootprintOptions,
  firstLineNo = 2,
): TLineError[] {
  const acc = createFootprintAccumulator(factorSet, options);
  return lines.flatMap((l, i) => acc.add(l, firstLineNo + i));
}

/**
 * Applies a transformation to every line (a lever: longer lifespans, refurbished share, another cloud region…)
 * and computes the footprint before and after. The transform may return one line, several (to split a line) or
 * none (to remove it); lines are plain objects, so it must not mutate its argument.
 */
export function simulateInventory(
  factorSet: TFactorSet,
  lines: readonly TInventoryLine[],
  transform: (line: TInventoryLine, index: number) => TInventoryLine | TInventoryLine[] | null,
  options: TFootprintOptions,
): { before: TFootprintResult; after: TFootprintResult; modified: TInventoryLine[] } {
  const before = computeFootprint(factorSet, lines, options);
  const modified: TInventoryLine[] = [];
  lines.forEach((l, i) => {
    const out = transform({ ...l }, i);
    if (out === null) return;
    if (Array.isArray(out)) modified.push(...out);
    else modified.push(out);
  });
  const after = computeFootprint(factorSet, modified, options);
  return { before, after, modified };
}
