import { normaliseCategory, type TFactorSet, type TInventoryLine } from '../index.js';

/** The canonical category of a line (aliases such as `portable` resolved to `laptop`), as the engine sees it. */
export function canonicalCategory(fs: TFactorSet, raw: string): string {
  const c = normaliseCategory(raw);
  return fs.aliases[c] ?? c;
}

/** True when the line is a physical device of the factor set (not a cloud instance nor a data transfer). */
export function isDevice(fs: TFactorSet, category: string): boolean {
  return Object.prototype.hasOwnProperty.call(fs.devices, category);
}

/** The lifespan the engine uses for a device line: the line's own, else the factor set's typical default. */
export function effectiveLifespan(fs: TFactorSet, line: TInventoryLine, category: string): number {
  return line.lifespan_years ?? fs.devices[category]!.lifespanYears.value;
}

/** A line while levers work on it: `embodied_scale` records embodied reductions until `materialise` applies them. */
export type TLeverLine = TInventoryLine & { embodied_scale?: number };

/** Marks the line's embodied impacts (every criterion) to be multiplied by `factor`; factors multiply. */
export function scaleEmbodied(line: TLeverLine, factor: number): TLeverLine {
  if (factor >= 1) return line;
  return { ...line, embodied_scale: (line.embodied_scale ?? 1) * Math.max(factor, 1e-9) };
}

/**
 * Turns a lever line back into an engine line, applying its embodied scale through the lifespan.
 *
 * Why through the lifespan: under amortised allocation the engine counts embodied impact ÷ lifespan for every
 * criterion (the bottom-up server model and `embodied_gwp_kg` too), while the use phase does not depend on the
 * lifespan. Dividing the lifespan by the scale therefore multiplies all embodied criteria by it exactly and leaves
 * the use phase alone, without a new engine column. Levers simulate with amortised allocation (`simulate.ts`),
 * where this holds. Keeping the scale aside until the end means that levers read the real lifespan (reuse after
 * refurbishing shares years of use, not an inflated figure). The lifespan's default range is replaced by the figure.
 */
export function materialise(fs: TFactorSet, line: TLeverLine): TInventoryLine {
  const { embodied_scale: scale, ...rest } = line;
  if (scale === undefined || scale >= 1) return rest;
  const c = canonicalCategory(fs, rest.category);
  if (!isDevice(fs, c)) return rest;
  return { ...rest, lifespan_years: effectiveLifespan(fs, rest, c) / scale };
}

/** Splits a line in two by units: `share` of the quantity goes to `changed(line)`, the rest stays as it was. */
export function splitLine(line: TLeverLine, share: number, changed: (l: TLeverLine) => TLeverLine): TLeverLine[] {
  const q = line.quantity ?? 1;
  if (share <= 0) return [line];
  if (share >= 1) return [changed({ ...line, quantity: q })];
  return [{ ...line, quantity: q * (1 - share) }, changed({ ...line, quantity: q * share })];
}
