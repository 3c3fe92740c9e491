import type { DB } from '../../db/client.js';
import type { TActionStatus } from '../../db/tables/actions.js';

export interface TPendingAction {
  id: number;
  title: string;
  status: TActionStatus;
  dueDate: string | null;
  organisationId: number;
  organisationName: string;
  url: string;
}

/**
 * The open actions (to do, in progress) a user owns, earliest due date first, for the digest and the dashboard.
 * Only actions of organisations the user still belongs to: a former member is not reminded of another's plan.
 */
export async function pendingActionsForUser(db: DB, userId: number): Promise<TPendingAction[]> {
  const rows = await db
    .selectFrom('plan_actions as a')
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.organisation_id', '=', 'a.organisation_id').on('m.user_id', '=', userId),
    )
    .select(['a.id', 'a.title', 'a.status', 'a.due_date', 'a.organisation_id', 'o.name'])
    .where('a.owner_user_id', '=', userId)
    .where('a.status', 'in', ['todo', 'in_progress'])
    .orderBy('a.due_date')
    .orderBy('a.id')
    .execute();
  // NULL due dates sort first on SQLite and last on PostgreSQL: put them last on both.
  rows.sort((x, y) => (x.due_date === null ? 1 : 0) - (y.due_date === null ? 1 : 0));
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    dueDate: r.due_date,
    organisationId: r.organisation_id,
    organisationName: r.name,
    url: `/organisations/${r.organisation_id}/plan`,
  }));
}

export interface TActionStats {
  year: number;
  organisationsWithPlan: number;
  actions: number;
  actionsDone: number;
}

/**
 * Network figures for the annual review: organisations with at least one action created by the end of `year`,
 * actions created by then, and actions marked done during `year`. Demo organisations are left out unless asked.
 */
export async function actionStats(
  db: DB,
  year: number,
  options: { includeDemo?: boolean } = {},
): Promise<TActionStats> {
  const end = `${year + 1}-01-01`;
  const start = `${year}-01-01`;
  let base = db.selectFrom('plan_actions as a').innerJoin('organisations as o', 'o.id', 'a.organisation_id');
  if (!options.includeDemo) base = base.where('o.is_demo', '=', 0);
  const created = await base
    .select((eb) => [
      eb.fn.count<number>('a.id').as('n'),
      eb.fn.count<number>('a.organisation_id').distinct().as('orgs'),
    ])
    .where('a.created_at', '<', end)
    .executeTakeFirstOrThrow();
  const done = await base
    .select((eb) => eb.fn.count<number>('a.id').as('n'))
    .where('a.status', '=', 'done')
    .where('a.done_at', '>=', start)
    .where('a.done_at', '<', end)
    .executeTakeFirstOrThrow();
  return { year, organisationsWithPlan: Number(created.orgs), actions: Number(created.n), actionsDone: Number(done.n) };
}
