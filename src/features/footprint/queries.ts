/**
 * Read services other features call through index.ts (annual review, actions, reports).
 */
import { sql } from 'kysely';
import type { DB } from '../../db/client.js';
import { createFootprintAccumulator, type TFootprintResult, type TInventoryLine } from '../../lca/index.js';
import { getFactorSet } from '../../data/index.js';
import type { TFootprintExtra } from './compute.js';
import { currentResultRow, findInventory, forEachLine } from './repository.js';
import { readSettings, type TFootprintSettings } from './settings.js';

/**
 * The engine lines of an organisation's inventory for a year, in line order, or null when there is none.
 * No policy check: callers (features acting for a member) check access first.
 */
export async function getInventoryLines(db: DB, orgId: number, year: number): Promise<TInventoryLine[] | null> {
  const inv = await findInventory(db, orgId, year);
  if (!inv) return null;
  const out: TInventoryLine[] = [];
  await forEachLine(db, inv.id, (l) => out.push(l));
  return out;
}

/** The year's current stored result (the CLI JSON contract), or null. No policy check (see above). */
export async function getFootprintResult(db: DB, orgId: number, year: number): Promise<TFootprintResult | null> {
  const row = await currentResultRow(db, orgId, year);
  return row ? (JSON.parse(row.result_json) as TFootprintResult) : null;
}

/** The year's current result with the breakdowns the contract lacks (by entity, statistics). */
export async function getStoredResult(
  db: DB,
  orgId: number,
  year: number,
): Promise<{ result: TFootprintResult; extra: TFootprintExtra; computedAt: string; revision: number } | null> {
  const row = await currentResultRow(db, orgId, year);
  if (!row) return null;
  return {
    result: JSON.parse(row.result_json),
    extra: JSON.parse(row.extra_json),
    computedAt: row.computed_at,
    revision: Number(row.inventory_revision),
  };
}

/** The organisation's reference settings (country, French electricity reference, allocation) and target. */
export function getFootprintSettings(db: DB, orgId: number): Promise<TFootprintSettings> {
  return readSettings(db, orgId);
}

/** Years with a current result, oldest first, with the GWP total (kgCO2e) and its range. */
export async function listMeasuredYears(
  db: DB,
  orgId: number,
): Promise<
  { year: number; gwp: number | null; low: number | null; high: number | null; lines: number; factorSet: string }[]
> {
  const rows = await db
    .selectFrom('footprint_results')
    .select(['year', 'gwp_value', 'gwp_low', 'gwp_high', 'lines', 'factor_set'])
    .where('organisation_id', '=', orgId)
    .where('is_current', '=', 1)
    .where('lines', '>', 0)
    .orderBy('year')
    .execute();
  return rows.map((r) => ({
    year: Number(r.year),
    gwp: r.gwp_value,
    low: r.gwp_low,
    high: r.gwp_high,
    lines: Number(r.lines),
    factorSet: r.factor_set,
  }));
}

/**
 * The current results of a year as a query the annual review can extend (filter, join, order, compute
 * percentiles in the database): one row per measured organisation with its totals, units, devices and size band.
 */
export function footprintResultsQuery(db: DB, year: number) {
  return db
    .selectFrom('footprint_results as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .where('r.year', '=', year)
    .where('r.is_current', '=', 1)
    .where('r.lines', '>', 0)
    .select([
      'r.organisation_id',
      'o.kind',
      'o.size_band',
      'o.sector',
      'o.is_demo',
      'r.gwp_value',
      'r.gwp_low',
      'r.gwp_high',
      'r.adpe_value',
      'r.wu_value',
      'r.pe_value',
      'r.units',
      'r.terminal_units',
      'r.default_share',
      'r.factor_set',
    ]);
}

export interface TFootprintAggregates {
  year: number;
  organisations: number;
  total: { gwp: number; gwpLow: number; gwpHigh: number; adpe: number; wu: number; pe: number };
  devices: number;
  /** Organisations measured this year and the year before, and their summed GWP both years. */
  continuing: { organisations: number; gwpBefore: number; gwpNow: number; change: number | null };
  /** Per-organisation inputs for benchmarks (GWP per device; size band for per-employee estimates). */
  perOrganisation: {
    organisationId: number;
    sizeBand: string;
    sector: string;
    gwp: number | null;
    devices: number;
    gwpPerDevice: number | null;
  }[];
}

/** Aggregates of a year for the annual review. `includeDemo` false leaves demo organisations out. */
export async function footprintAggregates(
  db: DB,
  year: number,
  options: { includeDemo?: boolean } = {},
): Promise<TFootprintAggregates> {
  let q = footprintResultsQuery(db, year);
  if (!options.includeDemo) q = q.where('o.is_demo', '=', 0);
  const rows = await q.execute();
  const total = { gwp: 0, gwpLow: 0, gwpHigh: 0, adpe: 0, wu: 0, pe: 0 };
  let devices = 0;
  for (const r of rows) {
    total.gwp += r.gwp_value ?? 0;
    total.gwpLow += r.gwp_low ?? 0;
    total.gwpHigh += r.gwp_high ?? 0;
    total.adpe += r.adpe_value ?? 0;
    total.wu += r.wu_value ?? 0;
    total.pe += r.pe_value ?? 0;
    devices += Number(r.terminal_units);
  }
  let prev = db
    .selectFrom('footprint_results as p')
    .innerJoin('footprint_results as r', (j) => j.onRef('r.organisation_id', '=', 'p.organisation_id'))
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .where('p.year', '=', year - 1)
    .where('p.is_current', '=', 1)
    .where('p.lines', '>', 0)
    .where('r.year', '=', year)
    .where('r.is_current', '=', 1)
    .where('r.lines', '>', 0)
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(p.gwp_value), 0)`.as('before'),
      sql<number>`coalesce(sum(r.gwp_value), 0)`.as('now'),
    ]);
  if (!options.includeDemo) prev = prev.where('o.is_demo', '=', 0);
  const c = await prev.executeTakeFirstOrThrow();
  const before = Number(c.before);
  const now = Number(c.now);
  return {
    year,
    organisations: rows.length,
    total,
    devices,
    continuing: {
      organisations: Number(c.n),
      gwpBefore: before,
      gwpNow: now,
      change: before > 0 ? (now - before) / before : null,
    },
    perOrganisation: rows.map((r) => ({
      organisationId: Number(r.organisation_id),
      sizeBand: r.size_band,
      sector: r.sector,
      gwp: r.gwp_value,
      devices: Number(r.terminal_units),
      gwpPerDevice: r.gwp_value != null && Number(r.terminal_units) > 0 ? r.gwp_value / Number(r.terminal_units) : null,
    })),
  };
}

/**
 * The GWP of a year's inventory recomputed with another result's method (factor set, profile, country, allocation,
 * electricity choice), for the comparison of two years; null when the inventory is gone or has errors under it.
 */
export async function recomputeWithMethod(
  db: DB,
  orgId: number,
  year: number,
  method: TFootprintResult,
): Promise<number | null> {
  const lines = await getInventoryLines(db, orgId, year);
  if (!lines) return null;
  const m = method.methodology;
  const acc = createFootprintAccumulator(getFactorSet(m.factorSet), {
    year,
    country: m.country,
    allocation: m.allocation,
    criteria: ['gwp'],
    maxWarnings: 1,
    ...(m.profile ? { profile: m.profile } : {}),
    ...(m.electricityVariants ? { electricityVariants: m.electricityVariants } : {}),
  });
  lines.forEach((l, i) => acc.add(l, i + 1));
  if (acc.errorCount) return null;
  return acc.result().total.gwp?.value ?? null;
}
