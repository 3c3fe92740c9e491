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
  const ranked = db
    .selectFrom('maturity_assessments')
    .where('status', '=', 'completed')
    .where('completed_at', '<', before)
    .where('overall_level', 'is not', null)
    .select([
      'organisation_id',
      'overall_level',
      'completed_at',
      sql<number>`row_number() over (partition by organisation_id order by completed_at desc, id desc)`.as('rn'),
    ]);
  return db
    .selectFrom(ranked.as('m'))
    .where('m.rn', '=', 1)
    .select(['m.organisation_id', sql<number>`m.overall_level`.as('level'), 'm.completed_at']);
}

/**
 * Organisations that had, as of `before` (ISO, exclusive), an eco-design declaration published and not withdrawn:
 * a version published before `before` and withdrawn, if ever, only from `before` on — so a later withdrawal or a
 * later version never rewrites a past year. Assessments published before snapshots existed, and never snapshotted
 * (rows written directly, as the review's fixtures do), count by their own publication date. Column
 * `organisation_id`, one row per organisation.
 */
export function declarationsPublishedBy(db: DB, before: string) {
  const snapshots = db
    .selectFrom('rgesn_declarations as d')
    .where('d.published_at', '<', before)
    .where((eb) => eb.or([eb('d.withdrawn_at', 'is', null), eb('d.withdrawn_at', '>=', before)]))
    .select('d.organisation_id');
  const unsnapshotted = db
    .selectFrom('rgesn_assessments as a')
    .where('a.published_at', 'is not', null)
    .where('a.published_at', '<', before)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('rgesn_declarations as x').select('x.id').whereRef('x.assessment_id', '=', 'a.id')),
      ),
    )
    .select('a.organisation_id');
  // UNION (not UNION ALL) keeps one row per organisation, as the callers group by organisation.
  return snapshots.union(unsnapshotted);
}
