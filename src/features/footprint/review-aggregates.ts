/**
 * Aggregates of the footprint results for the annual review, computed in the database (sums and counts; no
 * result rows are loaded). Added by the review feature; read-only, public aggregates: no policy check.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { dialectOf, type DB } from '../../db/client.js';
import { signatoryCondition } from '../../db/standing.js';

/** Which organisations count: those with a validated signature decided before `before`, demo ones only when asked. */
export interface TReviewScope {
  /** Exclusive ISO bound: the end of the reviewed year. */
  before: string;
  includeDemo?: boolean;
}

function memberFilter(scope: TReviewScope, orgColumn: string): Expression<SqlBool> {
  const demo = scope.includeDemo ? sql`1 = 1` : sql`o.is_demo = 0`;
  return sql<SqlBool>`${signatoryCondition(orgColumn, scope.before)} and ${demo}`;
}

export interface TFootprintReviewTotals {
  organisations: number;
  gwp: number;
  gwpLow: number;
  gwpHigh: number;
  devices: number;
  /** Members measured this year and the year before (the same-sample comparison) and their summed GWP both years. */
  continuing: { organisations: number; gwpBefore: number; gwpNow: number };
  /** Members measured only this year / only the year before: the complement of the same sample. */
  onlyNow: number;
  onlyBefore: number;
}

/** The year's measured members: count, summed GWP (kgCO2e) and range, devices, and the same-sample comparison. */
export async function footprintReviewTotals(
  db: DB,
  year: number,
  scope: TReviewScope,
): Promise<TFootprintReviewTotals> {
  const filter = memberFilter(scope, 'r.organisation_id');
  const totals = await db
    .selectFrom('footprint_results as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .where('r.year', '=', year)
    .where('r.is_current', '=', 1)
    .where('r.lines', '>', 0)
    .where(filter)
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(r.gwp_value), 0)`.as('gwp'),
      sql<number>`coalesce(sum(r.gwp_low), 0)`.as('low'),
      sql<number>`coalesce(sum(r.gwp_high), 0)`.as('high'),
      sql<number>`coalesce(sum(r.terminal_units), 0)`.as('devices'),
    ])
    .executeTakeFirstOrThrow();
  const before = await db
    .selectFrom('footprint_results as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .where('r.year', '=', year - 1)
    .where('r.is_current', '=', 1)
    .where('r.lines', '>', 0)
    .where(filter)
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  const both = await db
    .selectFrom('footprint_results as r')
    .innerJoin('footprint_results as p', (j) =>
      j
        .onRef('p.organisation_id', '=', 'r.organisation_id')
        .on('p.year', '=', year - 1)
        .on('p.is_current', '=', 1)
        .on('p.lines', '>', 0),
    )
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .where('r.year', '=', year)
    .where('r.is_current', '=', 1)
    .where('r.lines', '>', 0)
    .where(filter)
    .select([
      sql<number>`count(*)`.as('n'),
      sql<number>`coalesce(sum(p.gwp_value), 0)`.as('before'),
      sql<number>`coalesce(sum(r.gwp_value), 0)`.as('now'),
    ])
    .executeTakeFirstOrThrow();
  const n = Number(totals.n);
  const c = Number(both.n);
  return {
    organisations: n,
    gwp: Number(totals.gwp),
    gwpLow: Number(totals.low),
    gwpHigh: Number(totals.high),
    devices: Number(totals.devices),
    continuing: { organisations: c, gwpBefore: Number(both.before), gwpNow: Number(both.now) },
    onlyNow: n - c,
    onlyBefore: Number(before.n) - c,
  };
}

/** Device categories whose lifespan the benchmark averages (the terminals people use every day). */
export const benchmarkDeviceCategories = [
  'laptop',
  'desktop',
  'monitor',
  'smartphone',
  'tablet',
  'tv',
  'printer',
  'ip_phone',
] as const;

/**
 * Per organisation, the mean lifespan (years) of its devices in the year's inventory, weighted by quantity, over
 * the lines that state a lifespan (defaults of the factor set say nothing about the member's practice). A
 * sub-query for the review's benchmark: columns `organisation_id`, `lifespan`.
 */
export function deviceLifespanQuery(db: DB, year: number) {
  const life =
    dialectOf(db) === 'postgres'
      ? sql<number>`(l.data_json::jsonb ->> 'lifespan_years')::double precision`
      : sql<number>`json_extract(l.data_json, '$.lifespan_years')`;
  return db
    .selectFrom('footprint_inventories as i')
    .innerJoin('footprint_lines as l', 'l.inventory_id', 'i.id')
    .where('i.year', '=', year)
    .where('l.category', 'in', [...benchmarkDeviceCategories])
    .where('l.quantity', '>', 0)
    .where(sql<SqlBool>`${life} is not null`)
    .groupBy('i.organisation_id')
    .select(['i.organisation_id', sql<number>`sum(l.quantity * ${life}) / sum(l.quantity)`.as('lifespan')]);
}

/** Number of members with a current result for the year (the numerator of "share of members who measured"). */
export async function measuredMemberCount(db: DB, year: number, scope: TReviewScope): Promise<number> {
  const row = await db
    .selectFrom('footprint_results as r')
    .innerJoin('organisations as o', 'o.id', 'r.organisation_id')
    .where('r.year', '=', year)
    .where('r.is_current', '=', 1)
    .where('r.lines', '>', 0)
    .where(memberFilter(scope, 'r.organisation_id'))
    .select(sql<number>`count(distinct r.organisation_id)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
