import { sql } from 'kysely';
import type { DB } from '../../db/client.js';
import { firstSignatures } from './scope.js';

/**
 * The years a review exists for: from the year of the first validated signature to the current year (the
 * current year's review is marked "in progress"). Newest first; empty before any signature.
 */
export async function reviewYears(db: DB, includeDemo: boolean, now: Date = new Date()): Promise<number[]> {
  let q = db
    .selectFrom(firstSignatures(db).as('s'))
    .innerJoin('organisations as o', 'o.id', 's.organisation_id')
    .select(sql<string | null>`min(s.first_at)`.as('first'));
  if (!includeDemo) q = q.where('o.is_demo', '=', 0);
  const row = await q.executeTakeFirst();
  if (!row?.first) return [];
  const first = Number(String(row.first).slice(0, 4));
  const last = now.getUTCFullYear();
  const years: number[] = [];
  for (let y = last; y >= first; y--) years.push(y);
  return years;
}
