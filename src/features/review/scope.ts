/**
 * Who counts as a member in a year's review: an organisation whose first validated signature was decided before
 * the end of that year. Demo organisations count only when the installation shows its demo network.
 */
import { sql } from 'kysely';
import type { DB } from '../../db/client.js';

/** Start and end (exclusive) of a year as the ISO bounds stored timestamps compare with. */
export function yearBounds(year: number): { start: string; end: string } {
  return { start: `${year}-01-01T00:00:00.000Z`, end: `${year + 1}-01-01T00:00:00.000Z` };
}

/** First validated signature of every signatory. Columns `organisation_id`, `first_at`. */
export function firstSignatures(db: DB) {
  return db.selectFrom('signatures').where('status', '=', 'validated').groupBy('organisation_id')
    .select(['organisation_id', sql<string>`min(coalesce(decided_at, signed_at))`.as('first_at')]);
}

/**
 * Members at the end of `year` with their profile: columns `organisation_id`, `kind`, `size_band`, `sector`,
 * `region`, `first_at`. A sub-query the review groups and joins.
 */
export function membersAt(db: DB, year: number, includeDemo: boolean) {
  let q = db.selectFrom('organisations as o').innerJoin(firstSignatures(db).as('s'), 's.organisation_id', 'o.id')
    .where('s.first_at', '<', yearBounds(year).end)
    .select(['s.organisation_id', 'o.kind', 'o.size_band', 'o.sector', 'o.region', 's.first_at']);
  if (!includeDemo) q = q.where('o.is_demo', '=', 0);
  return q;
}
