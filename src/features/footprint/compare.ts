/**
 * Comparing two years and explaining the change from the data: more or fewer devices, longer or shorter
 * lifespans, cleaner electricity, a different factor set or settings. Pure functions over stored results.
 */
import { CRITERIA, TIERS, type TCriterion, type TFootprintResult, type TTier } from '../../lca/index.js';
import type { TMessageKey } from '../../i18n/index.js';
import { resolveCategory } from './categories.js';
import type { TFootprintExtra } from './compute.js';

/** Category statistics merged under their codes (older results may hold a label or an alias as a key). */
export function statsByCode(stats: TFootprintExtra['stats'], factorSetId: string): TFootprintExtra['stats'] {
  const out: TFootprintExtra['stats'] = {};
  for (const [key, s] of Object.entries(stats)) {
    const code = resolveCategory(factorSetId, key) ?? key;
    const o = (out[code] ??= { units: 0, unitYears: 0, unitsWithLifespan: 0 });
    o.units += s.units;
    o.unitYears += s.unitYears;
    o.unitsWithLifespan += s.unitsWithLifespan;
  }
  return out;
}

export interface TStored {
  year: number;
  result: TFootprintResult;
  extra: TFootprintExtra;
}
export interface TChange {
  from: number;
  to: number;
  delta: number;
  pct: number | null;
}
export interface TExplanation {
  key: TMessageKey;
  params: Record<string, string | number>;
  weight: number;
}

const change = (from: number, to: number): TChange => ({
  from,
  to,
  delta: to - from,
  pct: from !== 0 ? (to - from) / Math.abs(from) : null,
});

/** Changes per criterion (present in both years) and per tier (GWP). */
export function compareYears(
  a: TStored,
  b: TStored,
): { criteria: Partial<Record<TCriterion, TChange>>; tiers: Partial<Record<TTier, TChange>> } {
  const criteria: Partial<Record<TCriterion, TChange>> = {};
  for (const c of CRITERIA) {
    const x = a.result.total[c];
    const y = b.result.total[c];
    if (x && y) criteria[c] = change(x.value, y.value);
  }
  const tiers: Partial<Record<TTier, TChange>> = {};
  for (const t of TIERS) {
    const x = a.result.byTier[t]?.gwp?.value ?? 0;
    const y = b.result.byTier[t]?.gwp?.value ?? 0;
    if (x !== 0 || y !== 0) tiers[t] = change(x, y);
  }
  return { criteria, tiers };
}

/** Grid intensity of the use phase (kgCO2e per kWh), or null without electricity. */
export function useIntensity(r: TFootprintResult): number | null {
  const kwh = r.energy.useKwh.value;
  const gwp = r.byPhase.USE?.gwp?.value;
  return kwh > 0 && gwp !== undefined ? gwp / kwh : null;
}

/**
 * Explanations of a change, biggest first. Each names what moved in the data; `weight` orders them (an estimate
 * of the GWP it accounts for, in kgCO2e, or a large number for method changes that make years incomparable).
 */
export function explainChange(a: TStored, b: TStored): TExplanation[] {
  const out: TExplanation[] = [];
  const ra = a.result;
  const rb = b.result;
  if (ra.methodology.factorSet !== rb.methodology.factorSet) {
    out.push({
      key: 'footprint.explain.factorSet',
      params: { from: ra.methodology.factorSet, to: rb.methodology.factorSet },
      weight: Infinity,
    });
  }
  if (
    ra.methodology.allocation !== rb.methodology.allocation ||
    ra.methodology.country !== rb.methodology.country ||
    (ra.methodology.profile ?? null) !== (rb.methodology.profile ?? null) ||
    JSON.stringify(ra.methodology.electricityVariants ?? {}) !==
      JSON.stringify(rb.methodology.electricityVariants ?? {})
  ) {
    out.push({ key: 'footprint.explain.settings', params: {}, weight: Infinity });
  }
  // Devices: per category, the unit change times the category's GWP per unit.
  // Results stored before lines were kept under their codes may count « ordinateur_portable » apart from laptop.
  const statsA = statsByCode(a.extra.stats, ra.methodology.factorSet);
  const statsB = statsByCode(b.extra.stats, rb.methodology.factorSet);
  const cats = new Set([...Object.keys(statsA), ...Object.keys(statsB)]);
  for (const cat of cats) {
    const sa = statsA[cat];
    const sb = statsB[cat];
    const ua = sa?.units ?? 0;
    const ub = sb?.units ?? 0;
    const perUnit =
      (rb.byCategory[cat]?.gwp?.value ?? 0) / (ub || 1) || (ra.byCategory[cat]?.gwp?.value ?? 0) / (ua || 1);
    if (ua !== ub && cat !== 'data_transfer' && cat !== 'cloud_instance') {
      out.push({
        key: ub > ua ? 'footprint.explain.moreUnits' : 'footprint.explain.fewerUnits',
        params: { category: cat, from: ua, to: ub },
        weight: Math.abs((ub - ua) * perUnit),
      });
    }
    if (sa && sb && sa.units > 0 && sb.units > 0) {
      const la = sa.unitYears / sa.units;
      const lb = sb.unitYears / sb.units;
      if (la > 0 && lb > 0 && Math.abs(lb - la) >= 0.25) {
        const embodied = ['BLD', 'DIS', 'EOL'].reduce(
          (s, ph) => s + (rb.byCategoryPhase[cat]?.[ph as 'BLD']?.gwp?.value ?? 0),
          0,
        );
        out.push({
          key: lb > la ? 'footprint.explain.longerLife' : 'footprint.explain.shorterLife',
          params: { category: cat, from: la, to: lb },
          weight: Math.abs(embodied * (1 - la / lb)),
        });
      }
    }
  }
  const ia = useIntensity(ra);
  const ib = useIntensity(rb);
  if (ia !== null && ib !== null && ia > 0 && Math.abs(ib - ia) / ia >= 0.05) {
    out.push({
      key: ib < ia ? 'footprint.explain.cleanerElectricity' : 'footprint.explain.dirtierElectricity',
      params: { from: ia, to: ib },
      weight: Math.abs((ib - ia) * rb.energy.useKwh.value),
    });
  }
  const ka = ra.energy.useKwh.value;
  const kb = rb.energy.useKwh.value;
  if (ka > 0 && Math.abs(kb - ka) / ka >= 0.05) {
    out.push({
      key: kb > ka ? 'footprint.explain.moreEnergy' : 'footprint.explain.lessEnergy',
      params: { from: ka, to: kb },
      weight: Math.abs((kb - ka) * (ib ?? ia ?? 0)),
    });
  }
  for (const t of ['cloud', 'transfer'] as const) {
    const x = ra.byTier[t]?.gwp?.value ?? 0;
    const y = rb.byTier[t]?.gwp?.value ?? 0;
    if ((x > 0 || y > 0) && Math.abs(y - x) >= 0.1 * Math.max(x, y))
      out.push({
        key: y > x ? 'footprint.explain.tierUp' : 'footprint.explain.tierDown',
        params: { tier: t, from: x, to: y },
        weight: Math.abs(y - x),
      });
  }
  const da = ra.dataQuality.defaultShare;
  const db = rb.dataQuality.defaultShare;
  if (Math.abs(db - da) >= 0.1)
    out.push({
      key: db < da ? 'footprint.explain.betterData' : 'footprint.explain.moreDefaults',
      params: { from: da, to: db },
      weight: 0,
    });
  return out.sort((x, y) => y.weight - x.weight);
}

/** The target trajectory: base-year GWP reduced by `pct` % per year (compounded) up to the target year. */
export function targetTrajectory(
  baseValue: number,
  baseYear: number,
  targetYear: number,
  pct: number,
): { x: number; y: number }[] {
  const pts: { x: number; y: number }[] = [];
  for (let y = baseYear; y <= targetYear; y++) pts.push({ x: y, y: baseValue * Math.pow(1 - pct / 100, y - baseYear) });
  return pts;
}

/** Whether two results were computed with different methods (factor set, profile or settings). */
export function methodDiffers(a: TFootprintResult, b: TFootprintResult): boolean {
  const m = (r: TFootprintResult) =>
    JSON.stringify([
      r.methodology.factorSet,
      r.methodology.profile ?? null,
      r.methodology.allocation,
      r.methodology.country,
      r.methodology.electricityVariants ?? {},
    ]);
  return m(a) !== m(b);
}

/**
 * Splits a GWP change between two years computed with different methods: the earlier year's inventory recomputed
 * with the later year's method gives the part due to the method (recomputed − stored) and the part due to the
 * organisation's own data (later − recomputed). Both go first among the explanations.
 */
export function methodSplit(storedEarlier: number, recomputedEarlier: number, later: number): TExplanation[] {
  return [
    {
      key: 'footprint.explain.methodPart',
      params: { delta: recomputedEarlier - storedEarlier, from: storedEarlier, to: recomputedEarlier },
      weight: Infinity,
    },
    { key: 'footprint.explain.dataPart', params: { delta: later - recomputedEarlier }, weight: Infinity },
  ];
}
