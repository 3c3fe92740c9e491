/**
 * Maturity aggregates for the annual review, computed in the database. Added by the review feature; they return
 * sub-queries (one row per organisation) that the review joins to its member scope and groups. Public aggregates
 * only once grouped: callers must never show a single organisation's row.
 */
import { sql } from 'kysely';
import type { DB } from '../../db/client.js';

/**
 * Each organisation's maturity level as of an instant: the overall level of its last assessment completed before
 * `before` (ISO, exclusive). Columns `organisation_id`, `level`, `completed_at`.
 */
export function maturityLevelsAsOf(db: DB, before: string) {
  const ranked = db.selectFrom('maturity_assessments')
    .where('status', '=', 'completed').where('completed_at', '<', before).where('overall_level', 'is not', null)
    .select([
      'organisation_id', 'overall_level', 'completed_at',
      sql<number>`row_number() over (partition by organisation_id order by completed_at desc, id desc)`.as('rn'),
    ]);
  return db.selectFrom(ranked.as('m')).where('m.rn', '=', 1)
    .select(['m.organisation_id', sql<number>`m.overall_level`.as('level'), 'm.completed_at']);
}

/** Organisations with at least one eco-design declaration published before `before`. Column `organisation_id`. */
export function declarationsPublishedBy(db: DB, before: string) {
  return db.selectFrom('rgesn_assessments').where('published_at', 'is not', null).where('published_at', '<', before)
    .select('organisation_id').distinct();
}
