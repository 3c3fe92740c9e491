/**
 * Who counts as a member in a year's review: an organisation whose first validated signature was decided before
 * the end of that year. Demo organisations count only when the installation shows its demo network.
 */
import { sql, type SqlBool } from 'kysely';
import type { DB } from '../../db/client.js';
import { signatoryCondition } from '../../db/standing.js';

/** Start and end (exclusive) of a year as the ISO bounds stored timestamps compare with. */
export function yearBounds(year: number): { start: string; end: string } {
  return { start: `${year}-01-01T00:00:00.000Z`, end: `${year + 1}-01-01T00:00:00.000Z` };
}

/** First validated signature of every signatory. Columns `organisation_id`, `first_at`. */
export function firstSignatures(db: DB) {
  return db
    .selectFrom('signatures')
    .where('status', '=', 'validated')
    .groupBy('organisation_id')
    .select(['organisation_id', sql<string>`min(coalesce(decided_at, signed_at))`.as('first_at')]);
}

/** Whether the organisation `o` of the enclosing query had a validated signature decided before `before`. */
function signedBefore(before: string) {
  return signatoryCondition('o.id', before);
}

/**
 * Members at the end of `year` with their profile: columns `organisation_id`, `kind`, `size_band`, `sector`,
 * `region`, and `was_member` (1 when already a member a year earlier). A sub-query the review groups and joins.
 * EXISTS rather than a grouped sub-query: the planner then never re-runs a GROUP BY per row, even before
 * PostgreSQL has statistics on freshly filled tables.
 */
export function membersAt(db: DB, year: number, includeDemo: boolean) {
  let q = db
    .selectFrom('organisations as o')
    .where(signedBefore(yearBounds(year).end))
    .select([
      'o.id as organisation_id',
      'o.kind',
      'o.size_band',
      'o.sector',
      'o.region',
      sql<number>`case when ${signedBefore(yearBounds(year - 1).end)} then 1 else 0 end`.as('was_member'),
    ]);
  if (!includeDemo) q = q.where('o.is_demo', '=', 0);
  return q;
}

/** The ids of the members at the end of `year` (column `id`), for `IN` filters. */
export function memberIdsAt(db: DB, year: number, includeDemo: boolean) {
  let q = db
    .selectFrom('organisations as o')
    .where(signedBefore(yearBounds(year).end))
    .select('o.id');
  if (!includeDemo) q = q.where('o.is_demo', '=', 0);
  return q;
}
