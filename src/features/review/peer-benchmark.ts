import { sql, type SelectQueryBuilder } from 'kysely';
import type { DB } from '../../db/client.js';
import type { Database } from '../../db/types.js';
import { deviceLifespanQuery, footprintResultsQuery } from '../footprint/index.js';
import { maturityLevelsAsOf } from '../maturity/index.js';
import { percentilesOf } from './percentiles.js';
import { memberIdsAt, yearBounds } from './scope.js';
import { enoughFor, roundBenchmark } from './suppression.js';

export const benchmarkMetrics = ['gwpPerEmployee', 'gwpPerDevice', 'deviceLifespan', 'maturityLevel'] as const;
export type TBenchmarkMetric = (typeof benchmarkMetrics)[number];
/** Peer groups from the narrowest to the broadest; the first with enough values is the one shown. */
export const peerGroups = ['sectorSize', 'sector', 'size', 'network'] as const;
export type TPeerGroup = (typeof peerGroups)[number];

/**
 * Head-count used when a member gave none for the year: the middle of its size band (INSEE bands; the open band
 * 5000+ uses its lower bound). The page says when this estimate is used.
 */
export const sizeBandMidpoints: Record<string, number> = {
  '1-9': 5,
  '10-49': 30,
  '50-249': 150,
  '250-4999': 2625,
  '5000+': 5000,
};

export interface TBenchmarkFigure {
  metric: TBenchmarkMetric;
  /** The member's own value (shown to the member only). */
  own: number | null;
  /** The group shown, or null when even the whole network has too few values. */
  group: TPeerGroup | null;
  n: number;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  /** Which quarter of the group the member's value falls in (1 = lowest values), when both are known. */
  quarter: 1 | 2 | 3 | 4 | null;
}

export interface TPeerBenchmark {
  year: number;
  sector: string;
  sizeBand: string;
  /** Whether the per-employee figure uses the head-count the member gave or its size band's midpoint. */
  employeesSource: 'declared' | 'band';
  figures: TBenchmarkFigure[];
}

type TValues = SelectQueryBuilder<Database, any, { v: number | null }>;

function metricValues(
  db: DB,
  metric: TBenchmarkMetric,
  year: number,
): SelectQueryBuilder<Database, any, { organisation_id: number; v: number | null }> {
  const midpoint = sql<number>`case f.size_band ${sql.join(
    Object.entries(sizeBandMidpoints).map(([band, n]) => sql`when ${band} then ${sql.lit(n)}`),
    sql` `,
  )} else null end`;
  switch (metric) {
    case 'gwpPerEmployee':
      return db
        .selectFrom(footprintResultsQuery(db, year).as('f'))
        .leftJoin('review_org_year_facts as e', (j) =>
          j.onRef('e.organisation_id', '=', 'f.organisation_id').on('e.year', '=', year),
        )
        .select([
          'f.organisation_id',
          sql<number | null>`f.gwp_value / coalesce(e.employees, ${midpoint})`.as('v'),
        ]) as any;
    case 'gwpPerDevice':
      return db
        .selectFrom(footprintResultsQuery(db, year).as('f'))
        .where('f.terminal_units', '>', 0)
        .select(['f.organisation_id', sql<number | null>`f.gwp_value / f.terminal_units`.as('v')]) as any;
    case 'deviceLifespan':
      return db
        .selectFrom(deviceLifespanQuery(db, year).as('f'))
        .select(['f.organisation_id', sql<number | null>`f.lifespan`.as('v')]) as any;
    case 'maturityLevel':
      return db
        .selectFrom(maturityLevelsAsOf(db, yearBounds(year).end).as('f'))
        .select(['f.organisation_id', sql<number | null>`f.level`.as('v')]) as any;
  }
}

function peerValues(
  db: DB,
  metric: TBenchmarkMetric,
  year: number,
  group: TPeerGroup,
  org: { id: number; sector: string; size_band: string },
  includeDemo: boolean,
): TValues {
  // Peers are today's signatories (a member who joined later still compares its past years with the network).
  // The member itself is left out: its percentiles describe the others only, so knowing its own value never helps
  // place another member's value among them.
  let peers = memberIdsAt(db, new Date().getUTCFullYear(), includeDemo).where('o.id', '!=', org.id);
  if (group === 'sectorSize' || group === 'sector') peers = peers.where('o.sector', '=', org.sector);
  if (group === 'sectorSize' || group === 'size') peers = peers.where('o.size_band', '=', org.size_band);
  return db
    .selectFrom(metricValues(db, metric, year).as('mv'))
    .where('mv.organisation_id', 'in', peers)
    .select('mv.v') as TValues;
}

function quarterOf(own: number, p: { p25: number; p50: number; p75: number }): 1 | 2 | 3 | 4 {
  return own <= p.p25 ? 1 : own <= p.p50 ? 2 : own <= p.p75 ? 3 : 4;
}

/**
 * Where a member stands among its peers for a year, following the rules of suppression.ts: one group per figure
 * (the narrowest with at least MIN_GROUP values from other members), percentiles only, rounded. Authorisation: the caller lets only
 * the organisation's members and administrators see the result (it contains the member's own values).
 */
export async function peerBenchmark(
  db: DB,
  org: { id: number; sector: string; size_band: string },
  year: number,
  options: { includeDemo: boolean },
): Promise<TPeerBenchmark> {
  const figures: TBenchmarkFigure[] = [];
  for (const metric of benchmarkMetrics) {
    const ownRow = await db
      .selectFrom(metricValues(db, metric, year).as('mv'))
      .where('mv.organisation_id', '=', org.id)
      .select('mv.v')
      .executeTakeFirst();
    const own = ownRow?.v == null ? null : Number(ownRow.v);
    let figure: TBenchmarkFigure = { metric, own, group: null, n: 0, p25: null, p50: null, p75: null, quarter: null };
    for (const group of peerGroups) {
      const p = await percentilesOf(db, peerValues(db, metric, year, group, org, options.includeDemo), [25, 50, 75]);
      if (!enoughFor(p.n)) continue;
      const q = {
        p25: roundBenchmark(p.values[25]!),
        p50: roundBenchmark(p.values[50]!),
        p75: roundBenchmark(p.values[75]!),
      };
      figure = { metric, own, group, n: p.n, ...q, quarter: own === null ? null : quarterOf(own, q) };
      break;
    }
    figures.push(figure);
  }
  const declared = await db
    .selectFrom('review_org_year_facts')
    .select('employees')
    .where('organisation_id', '=', org.id)
    .where('year', '=', year)
    .executeTakeFirst();
  return {
    year,
    sector: org.sector,
    sizeBand: org.size_band,
    employeesSource: declared ? 'declared' : 'band',
    figures,
  };
}
