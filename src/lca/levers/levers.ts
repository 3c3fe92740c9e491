import { z } from 'zod';
import type { TFactorSet, TInventoryLine } from '../index.js';
import {
  canonicalCategory,
  effectiveLifespan,
  isDevice,
  materialise,
  scaleEmbodied,
  splitLine,
  type TLeverLine,
} from './helpers.js';
import { refurbishedReduction } from './sources.js';

/** What a lever turns into: a transformation of one line into one line, several, or none. */
export type TLineTransform = (line: TLeverLine, index: number) => TLeverLine | TLeverLine[] | null;

const share = z.number().min(0).max(1);
const categories = z.array(z.string().min(1)).min(1);

/** Parameters of every quantifiable lever, validated at the boundary (forms, API, stored plans). */
export const ZLeverParams = {
  /** `current`: the organisation's real renewal cycle (years), for lines that give no lifespan of their own. */
  'extend-lifespan': z.object({
    categories,
    years: z.number().min(1).max(20),
    current: z.number().min(0.5).max(20).optional(),
  }),
  refurbished: z.object({ categories, share, reduction: share.optional() }),
  'fewer-devices': z.object({ categories, reduction: share }),
  'consolidate-servers': z.object({ reduction: z.number().min(0).max(0.95) }),
  'better-pue': z.object({ pue: z.number().min(1).max(3) }),
  'cloud-region': z.object({ provider: z.string().min(1), region: z.string().min(1) }),
  'switch-off-idle': z.object({ categories, reduction: share }),
  'reduce-transfer': z.object({ reduction: share }),
  'end-of-life-reuse': z.object({ categories, share, secondLifeYears: z.number().min(0.5).max(10) }),
} as const;

/** The quantifiable levers, in the order they are applied when combined (see `simulate.ts`). */
export const QUANTIFIED_LEVERS = Object.keys(ZLeverParams) as TQuantifiedLever[];
export type TQuantifiedLever = keyof typeof ZLeverParams;
export type TLeverParams<L extends TQuantifiedLever> = z.infer<(typeof ZLeverParams)[L]>;

type TBuilder<L extends TQuantifiedLever> = (fs: TFactorSet, p: TLeverParams<L>) => TLineTransform;

/** Resolves a parameter's category list once to canonical ids, so `portable` and `laptop` both match. */
function matcher(fs: TFactorSet, cats: string[]): (line: TLeverLine) => string | null {
  const wanted = new Set(cats.map((c) => canonicalCategory(fs, c)));
  return (line) => {
    const c = canonicalCategory(fs, line.category);
    return wanted.has(c) ? c : null;
  };
}

/** Default use hours of a line when it gives none: the device's profile, the server model's, or none. */
function defaultHours(fs: TFactorSet, category: string): number | undefined {
  if (category === 'server') return fs.server.use.hoursPerYear.value;
  return fs.devices[category]?.use?.hoursPerYear?.value;
}

const builders: { [L in TQuantifiedLever]: TBuilder<L> } = {
  /** Keep devices longer: the line's lifespan becomes `years` unless it is already longer. */
  'extend-lifespan': (fs, p) => {
    const match = matcher(fs, p.categories);
    return (line) => {
      const c = match(line);
      if (!c || !isDevice(fs, c)) return line;
      return effectiveLifespan(fs, line, c) >= p.years ? line : { ...line, lifespan_years: p.years };
    };
  },

  /** Buy refurbished: `share` of the units carry only (1 − reduction) of a new unit's embodied impact. */
  refurbished: (fs, p) => {
    const match = matcher(fs, p.categories);
    return (line) => {
      const c = match(line);
      if (!c || !isDevice(fs, c)) return line;
      const reduction = p.reduction ?? refurbishedReduction(c).value;
      return splitLine(line, p.share, (l) => scaleEmbodied(l, 1 - reduction));
    };
  },

  /** Fewer devices per person: the quantity goes down by `reduction`. */
  'fewer-devices': (fs, p) => {
    const match = matcher(fs, p.categories);
    return (line) => (match(line) ? { ...line, quantity: (line.quantity ?? 1) * (1 - p.reduction) } : line);
  },

  /**
   * Consolidate and right-size servers: `reduction` of the servers go, the remaining ones carry the same work, so
   * their CPU load rises by 1 / (1 − reduction) (capped at 100 %). Lines with a measured power or energy keep it.
   */
  'consolidate-servers': (fs, p) => (line) => {
    if (canonicalCategory(fs, line.category) !== 'server') return line;
    const out: TLeverLine = { ...line, quantity: (line.quantity ?? 1) * (1 - p.reduction) };
    if (line.power_w === undefined && line.annual_kwh === undefined) {
      const load = line.cpu_load_pct ?? fs.server.defaults.cpuLoadPct.value;
      out.cpu_load_pct = Math.min(100, load / (1 - p.reduction));
    }
    return out;
  },

  /** A more efficient data centre: servers' PUE becomes `pue` where it was higher. */
  'better-pue': (fs, p) => (line) => {
    if (canonicalCategory(fs, line.category) !== 'server') return line;
    const current = line.pue ?? fs.server.defaultPue.value;
    return current <= p.pue ? line : { ...line, pue: p.pue };
  },

  /** Move cloud instances of `provider` to `region` (its country's electricity). */
  'cloud-region': (fs, p) => {
    const provider = p.provider.trim().toLowerCase();
    const region = p.region.trim().toLowerCase();
    if (!fs.cloud.regions[`${provider}:${region}`])
      throw new RangeError(`unknown region "${p.region}" for ${p.provider} in ${fs.id}`);
    return (line) => {
      if (canonicalCategory(fs, line.category) !== 'cloud_instance' || line.provider?.trim().toLowerCase() !== provider)
        return line;
      return { ...line, region };
    };
  },

  /**
   * Switch off idle equipment: the hours in use go down by `reduction` (instance-hours for cloud lines; the annual
   * energy when the line gives kWh). Devices without any use profile are left as they are.
   */
  'switch-off-idle': (fs, p) => {
    const match = matcher(fs, p.categories);
    const k = 1 - p.reduction;
    return (line) => {
      const c = match(line);
      if (!c) return line;
      if (c === 'cloud_instance') return { ...line, hours: (line.hours ?? fs.cloud.defaultHoursPerYear.value) * k };
      if (line.annual_kwh !== undefined) return { ...line, annual_kwh: line.annual_kwh * k };
      const hours = line.hours_per_year ?? defaultHours(fs, c);
      return hours === undefined ? line : { ...line, hours_per_year: hours * k };
    };
  },

  /** Transfer less data: gigabytes go down by `reduction`. */
  'reduce-transfer': (fs, p) => (line) => {
    if (canonicalCategory(fs, line.category) !== 'data_transfer' || line.gigabytes === undefined) return line;
    return { ...line, gigabytes: line.gigabytes * (1 - p.reduction) };
  },

  /**
   * Reuse at end of life (resale, donation): `share` of the units get a second life of `secondLifeYears`. Their
   * embodied impact is shared between the two users in proportion to years of use, so the organisation keeps
   * L / (L + secondLifeYears) of it. This allocation rule is a Techcare assumption (no standard settles it).
   */
  'end-of-life-reuse': (fs, p) => {
    const match = matcher(fs, p.categories);
    return (line) => {
      const c = match(line);
      if (!c || !isDevice(fs, c)) return line;
      const life = effectiveLifespan(fs, line, c);
      return splitLine(line, p.share, (l) => scaleEmbodied(l, life / (life + p.secondLifeYears)));
    };
  },
};

/**
 * Builds the line transformation of a lever from its parameters (validated here).
 * @throws ZodError on invalid parameters, RangeError on a region the factor set does not know.
 */
export function leverTransform<L extends TQuantifiedLever>(fs: TFactorSet, lever: L, params: unknown): TLineTransform {
  const p = ZLeverParams[lever].parse(params) as TLeverParams<L>;
  return (builders[lever] as TBuilder<L>)(fs, p);
}

/**
 * Chains transformations and returns engine lines: every output line of one goes through the next (line splits
 * compose), then embodied scales are applied (`materialise`).
 */
export function chainTransforms(
  fs: TFactorSet,
  transforms: TLineTransform[],
): (line: TInventoryLine, index: number) => TInventoryLine[] {
  return (line, index) => {
    let lines: TLeverLine[] = [line];
    for (const t of transforms) {
      const next: TLeverLine[] = [];
      for (const l of lines) {
        const out = t(l, index);
        if (out === null) continue;
        if (Array.isArray(out)) next.push(...out);
        else next.push(out);
      }
      lines = next;
    }
    return lines.map((l) => materialise(fs, l));
  };
}

/**
 * What the levers say of the present rather than of a change: the organisation's real renewal cycle
 * (`extend-lifespan.current`) replaces the archetype's default lifespan of the lines that give none, in the baseline
 * as in every scenario, so a lever is measured from the organisation's practice, not from a national average.
 */
export function baselineFacts(
  fs: TFactorSet,
  applications: readonly { lever: TQuantifiedLever; params: unknown }[],
): (line: TInventoryLine) => TInventoryLine {
  const facts: { match: (line: TLeverLine) => string | null; years: number }[] = [];
  for (const a of applications) {
    if (a.lever !== 'extend-lifespan') continue;
    const p = ZLeverParams['extend-lifespan'].parse(a.params);
    if (p.current !== undefined) facts.push({ match: matcher(fs, p.categories), years: p.current });
  }
  if (!facts.length) return (line) => line;
  return (line) => {
    if (line.lifespan_years !== undefined) return line;
    for (const f of facts) {
      const c = f.match(line);
      if (c && isDevice(fs, c)) return { ...line, lifespan_years: f.years };
    }
    return line;
  };
}
