/**
 * Action-plan aggregates for the annual review and the member's yearly report, computed in the database. Added by
 * the review feature.
 */
import { sql } from 'kysely';
import type { DB } from '../../db/client.js';

/** Organisations with an action plan (at least one action created) before `before` (ISO). Column `organisation_id`. */
export function organisationsWithPlanBy(db: DB, before: string) {
  return db.selectFrom('plan_actions').where('created_at', '<', before).select('organisation_id').distinct();
}

export interface TMemberActionSummary {
  /** Actions in the plan at the end of the year (created before it ends). */
  planned: number;
  doneInYear: number;
  inProgress: number;
  /** Sum of the expected yearly GWP reduction (kgCO2e) of the actions done in the year, where simulated. */
  expectedGwpKgDone: number;
  /** The actions done in the year, most recent first (at most 20). */
  done: { title: string; doneAt: string }[];
}

/**
 * What an organisation did of its plan in a year. No policy check: the caller (the member's report) authorises
 * members and administrators first.
 */
export async function memberActionSummary(db: DB, orgId: number, year: number): Promise<TMemberActionSummary> {
  const start = `${year}-01-01`;
  const end = `${year + 1}-01-01`;
  const counts = await db
    .selectFrom('plan_actions')
    .where('organisation_id', '=', orgId)
    .where('created_at', '<', end)
    .select([
      sql<number>`count(*)`.as('planned'),
      sql<number>`sum(case when status = 'done' and done_at >= ${start} and done_at < ${end} then 1 else 0 end)`.as(
        'done',
      ),
      sql<number>`sum(case when status = 'in_progress' then 1 else 0 end)`.as('progress'),
      sql<number>`coalesce(sum(case when status = 'done' and done_at >= ${start} and done_at < ${end} then expected_gwp_kg else 0 end), 0)`.as(
        'gwp',
      ),
    ])
    .executeTakeFirstOrThrow();
  const done = await db
    .selectFrom('plan_actions')
    .where('organisation_id', '=', orgId)
    .where('status', '=', 'done')
    .where('done_at', '>=', start)
    .where('done_at', '<', end)
    .select(['title', 'done_at'])
    .orderBy('done_at', 'desc')
    .limit(20)
    .execute();
  return {
    planned: Number(counts.planned),
    doneInYear: Number(counts.done ?? 0),
    inProgress: Number(counts.progress ?? 0),
    expectedGwpKgDone: Number(counts.gwp ?? 0),
    done: done.map((d) => ({ title: d.title, doneAt: d.done_at ?? '' })),
  };
}
