/**
 * Computing a footprint for the platform: the engine's streaming accumulator for the whole inventory, plus one
 * accumulator per entity (the contract has no entity breakdown) and the statistics that later explain a change
 * between two years (units and lifespans per category).
 */
import {
  createFootprintAccumulator,
  normaliseCategory,
  type TAllocation,
  type TFactorSet,
  type TFootprintAccumulator,
  type TFootprintOptions,
  type TFootprintResult,
  type TImpacts,
  type TInventoryLine,
  type TLineError,
} from '../../lca/index.js';
import type { TFootprintSettings } from './settings.js';

/** Entities beyond this many are grouped under one bucket, so a messy tag column cannot blow up the result. */
export const MAX_ENTITIES = 50;
export const OTHER_ENTITIES = '\u0000other';
export const NO_ENTITY = '';
/** Warnings kept in a stored result: enough to act on, small enough to render fast. */
export const MAX_STORED_WARNINGS = 200;

export interface TCategoryStats {
  units: number;
  /** Σ quantity × lifespan (given or the archetype's default), to derive the mean lifespan of the category. */
  unitYears: number;
  /** Units whose lifespan was given in the inventory. */
  unitsWithLifespan: number;
}

/** What a stored result keeps beside the contract JSON. */
export interface TFootprintExtra {
  byEntity: Record<string, TImpacts>;
  stats: Record<string, TCategoryStats>;
  terminalUnits: number;
  /** GWP by category and phase under the other allocation (GHG Protocol wants capital goods in the purchase year, BEGES amortised). */
  otherAllocation: { allocation: TAllocation; byCategoryPhase: TFootprintResult['byCategoryPhase'] };
}

/**
 * The engine options for a year under the organisation's settings and the factor set used: its reference profile
 * where the factor set has profiles, the French electricity alternative where it has one (techcare-2026.1).
 */
export function engineOptions(year: number, settings: TFootprintSettings, factorSet: TFactorSet): TFootprintOptions {
  const profile = settings.profile && factorSet.profiles?.[settings.profile] ? settings.profile : undefined;
  const variant =
    settings.frElectricity !== 'default' && factorSet.electricity.alternatives.FRA?.[settings.frElectricity]
      ? settings.frElectricity
      : undefined;
  return {
    year,
    country: settings.country,
    allocation: settings.allocation,
    ...(profile ? { profile } : {}),
    ...(variant ? { electricityVariants: { FRA: variant } } : {}),
    maxWarnings: MAX_STORED_WARNINGS,
  };
}

/** A computation in progress: add lines, then `finish()`. Errors are returned per line and counted. */
export class FootprintComputation {
  private readonly total: TFootprintAccumulator;
  private readonly other: TFootprintAccumulator;
  private readonly otherAllocation: TAllocation;
  private readonly entities = new Map<string, TFootprintAccumulator>();
  private readonly stats: Record<string, TCategoryStats> = {};
  private terminalUnits = 0;
  errorCount = 0;

  constructor(
    private readonly factorSet: TFactorSet,
    private readonly options: TFootprintOptions,
  ) {
    this.total = createFootprintAccumulator(factorSet, options);
    this.otherAllocation = options.allocation === 'purchase-year' ? 'amortised' : 'purchase-year';
    this.other = createFootprintAccumulator(factorSet, {
      ...options,
      allocation: this.otherAllocation,
      criteria: ['gwp'],
      maxWarnings: 1,
    });
  }

  /** Adds one line; returns its errors (the line is then left out of every breakdown). */
  add(line: TInventoryLine, lineNo: number): TLineError[] {
    const errors = this.total.add(line, lineNo);
    if (errors.length) {
      this.errorCount += errors.length;
      return errors;
    }
    let key = line.entity?.trim() || NO_ENTITY;
    if (!this.entities.has(key) && this.entities.size >= MAX_ENTITIES) key = OTHER_ENTITIES;
    let acc = this.entities.get(key);
    if (!acc) {
      // Entity breakdowns carry no warnings of their own: the total already lists them.
      acc = createFootprintAccumulator(this.factorSet, { ...this.options, maxWarnings: 1 });
      this.entities.set(key, acc);
    }
    acc.add(line, lineNo);
    this.other.add(line, lineNo);
    // Stats per category code: a line named by an alias (« ordinateur portable ») counts under `laptop`.
    const raw = normaliseCategory(line.category);
    const cat = this.factorSet.aliases[raw] ?? raw;
    const arch = this.factorSet.devices[cat];
    const q = line.quantity ?? 1;
    const s = (this.stats[cat] ??= { units: 0, unitYears: 0, unitsWithLifespan: 0 });
    s.units += q;
    const life = line.lifespan_years ?? arch?.lifespanYears.value;
    if (life !== undefined) s.unitYears += q * life;
    if (line.lifespan_years !== undefined) s.unitsWithLifespan += q;
    if (arch?.tier === 'terminals') this.terminalUnits += q;
    return errors;
  }

  finish(): { result: TFootprintResult; extra: TFootprintExtra } {
    const byEntity: Record<string, TImpacts> = {};
    for (const [k, acc] of this.entities) byEntity[k] = acc.result().total;
    const otherAllocation = { allocation: this.otherAllocation, byCategoryPhase: this.other.result().byCategoryPhase };
    return {
      result: this.total.result(),
      extra: { byEntity, stats: this.stats, terminalUnits: this.terminalUnits, otherAllocation },
    };
  }
}
