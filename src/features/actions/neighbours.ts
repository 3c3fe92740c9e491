/**
 * What the actions feature needs from the footprint and maturity features, reached only through their index.ts.
 */
import type { DB } from '../../db/client.js';
import type { TFactorSet, TFootprintOptions, TFootprintResult, TInventoryLine } from '../../lca/index.js';
import type { TDimensionId } from '../../referentials/maturity-grid.js';
import {
  engineOptions,
  getFootprintResult,
  getFootprintSettings,
  getInventoryLines,
  listMeasuredYears,
} from '../footprint/index.js';
import { currentDimensionScores, currentMaturityLevel, listUnvalidatedCriteria } from '../maturity/index.js';

/** The organisation's inventory lines of a year (engine lines), or null when there are none. */
export async function inventoryLines(db: DB, orgId: number, year: number): Promise<TInventoryLine[] | null> {
  const lines = await getInventoryLines(db, orgId, year);
  return lines && lines.length ? lines : null;
}

/** The stored result of a year (the CLI JSON contract), or null. */
export function footprintResult(db: DB, orgId: number, year: number): Promise<TFootprintResult | null> {
  return getFootprintResult(db, orgId, year);
}

/** Years with a result, newest first. */
export async function measuredYears(db: DB, orgId: number): Promise<number[]> {
  return (await listMeasuredYears(db, orgId)).map((y) => y.year).sort((a, b) => b - a);
}

/**
 * Engine options from the organisation's settings under a factor set (country, allocation, reference profile or
 * French electricity choice): the very options of the stored result, so a simulation's baseline is the year's figure.
 */
export async function settingsOptions(
  db: DB,
  orgId: number,
  factorSet: TFactorSet,
): Promise<Omit<TFootprintOptions, 'year' | 'maxWarnings'>> {
  const {
    year: _year,
    maxWarnings: _max,
    ...options
  } = engineOptions(0, await getFootprintSettings(db, orgId), factorSet);
  return options;
}

export interface TTarget {
  baseYear: number;
  targetYear: number;
  reductionPct: number;
}

/** The organisation's target trajectory (−x % per year compounded from a base year to a target year), or null. */
export async function target(db: DB, orgId: number): Promise<TTarget | null> {
  return (await getFootprintSettings(db, orgId)).target ?? null;
}

/** The organisation's current maturity level, or null. */
export async function maturityLevel(db: DB, orgId: number): Promise<number | null> {
  return (await currentMaturityLevel(db, orgId))?.level ?? null;
}

/** Scores (1–5) of the latest maturity assessment per dimension; empty when none. */
export async function maturityDimensions(db: DB, orgId: number): Promise<Partial<Record<TDimensionId, number>>> {
  return Object.fromEntries((await currentDimensionScores(db, orgId)).map((d) => [d.id, d.score]));
}

/** The RGESN criteria the organisation has assessed as not validated or in progress (numbers and short labels). */
export async function unvalidatedCriteria(db: DB, orgId: number): Promise<{ number: string; label: string }[]> {
  const rows = await listUnvalidatedCriteria(db, orgId);
  // One entry per criterion even when several services share the gap.
  return [...new Map(rows.map((r) => [r.number, { number: r.number, label: r.label }])).values()];
}
