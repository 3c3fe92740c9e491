import type { Selectable } from 'kysely';
import { recordAudit } from '../../db/audit.js';
import { nowIso, type DB } from '../../db/client.js';
import type { ActionTables } from '../../db/tables/actions.js';
import { canActForOrganisation, ensure } from '../../http/actor.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError, notFound } from '../../http/errors.js';
import type { TImpact } from '../../lca/index.js';
import { QUANTIFIED_LEVERS, ZLeverParams, type TQuantifiedLever } from '../../lca/levers/index.js';
import { getLever, leverOfTransform } from './catalogue.js';
import type { TActionInput } from './schemas.js';
import { simulateForOrganisation } from './simulate-for-organisation.js';

export type TPlanAction = Selectable<ActionTables['plan_actions']>;

/** The organisation's members (id, name) — the people an action can be given to. */
export async function listMembers(db: DB, orgId: number): Promise<{ id: number; name: string }[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name'])
    .where('m.organisation_id', '=', orgId)
    .where('u.disabled_at', 'is', null)
    .orderBy('u.name')
    .execute();
}

/** Every action of the organisation's plan, most urgent first. Members of the organisation and administrators. */
export async function listPlanActions(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
): Promise<(TPlanAction & { owner_name: string | null })[]> {
  ensure(canActForOrganisation(actor, orgId));
  return db
    .selectFrom('plan_actions as a')
    .leftJoin('users as u', 'u.id', 'a.owner_user_id')
    .selectAll('a')
    .select('u.name as owner_name')
    .where('a.organisation_id', '=', orgId)
    .orderBy('a.status')
    .orderBy('a.due_date')
    .orderBy('a.id')
    .execute();
}

/** One action of the organisation; 404 when it belongs to another one. Members and administrators. */
export async function getPlanAction(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  id: number,
): Promise<TPlanAction> {
  ensure(canActForOrganisation(actor, orgId));
  const row = await db
    .selectFrom('plan_actions')
    .selectAll()
    .where('id', '=', id)
    .where('organisation_id', '=', orgId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

async function checkOwner(db: DB, orgId: number, ownerId: number | undefined): Promise<void> {
  if (ownerId === undefined) return;
  const m = await db
    .selectFrom('memberships')
    .select('id')
    .where('organisation_id', '=', orgId)
    .where('user_id', '=', ownerId)
    .executeTakeFirst();
  if (!m)
    throw new AppError(422, 'invalid_owner', 'actions.error.owner', [
      { field: 'owner_user_id', message: 'actions.error.owner' },
    ]);
}

function columns(input: TActionInput) {
  return {
    title: input.title,
    description: input.description,
    origin: input.origin,
    lever_slug: input.origin === 'lever' ? (input.lever_slug ?? null) : null,
    rgesn_criterion: input.origin === 'rgesn' ? (input.rgesn_criterion ?? null) : null,
    owner_user_id: input.owner_user_id ?? null,
    due_date: input.due_date ?? null,
    status: input.status,
    kpi_baseline: input.kpi_baseline ?? null,
    kpi_target: input.kpi_target ?? null,
    kpi_current: input.kpi_current ?? null,
    kpi_unit: input.kpi_unit ?? null,
    evidence: input.evidence ?? null,
  };
}

/** Adds an action to the plan. Members of the organisation and administrators. Returns its id. */
export async function createPlanAction(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  input: TActionInput,
  simulated?: { params: unknown; expected: Record<string, TImpact>; year: number; factorSet: string },
): Promise<number> {
  ensure(canActForOrganisation(actor, orgId));
  await checkOwner(db, orgId, input.owner_user_id);
  const now = nowIso();
  return db.transaction().execute(async (tx) => {
    const row = await tx
      .insertInto('plan_actions')
      .values({
        organisation_id: orgId,
        ...columns(input),
        done_at: input.status === 'done' ? now : null,
        lever_params_json: simulated ? JSON.stringify(simulated.params) : null,
        expected_json: simulated ? JSON.stringify(simulated.expected) : null,
        expected_gwp_kg: simulated?.expected.gwp ? -simulated.expected.gwp.value : null,
        simulation_year: simulated?.year ?? null,
        factor_set: simulated?.factorSet ?? null,
        created_by: actor?.id ?? null,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, {
      actorUserId: actor?.id ?? null,
      action: 'plan_action.create',
      subjectType: 'plan_action',
      subjectId: row.id,
      details: { organisationId: orgId, origin: input.origin, lever: input.lever_slug },
    });
    return row.id;
  });
}

/** Changes an action (its simulation stays as recorded). Members of the organisation and administrators. */
export async function updatePlanAction(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  id: number,
  input: TActionInput,
): Promise<void> {
  const current = await getPlanAction(db, actor, orgId, id);
  await checkOwner(db, orgId, input.owner_user_id);
  const now = nowIso();
  const keepsLever = input.origin === 'lever' && input.lever_slug === current.lever_slug;
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('plan_actions')
      .set({
        ...columns(input),
        done_at: input.status === 'done' ? (current.done_at ?? now) : null,
        // A lever changed by hand no longer matches the stored simulation.
        ...(keepsLever
          ? {}
          : {
              lever_params_json: null,
              expected_json: null,
              expected_gwp_kg: null,
              simulation_year: null,
              factor_set: null,
            }),
        updated_at: now,
      })
      .where('id', '=', id)
      .where('organisation_id', '=', orgId)
      .execute();
    await recordAudit(tx, {
      actorUserId: actor?.id ?? null,
      action: 'plan_action.update',
      subjectType: 'plan_action',
      subjectId: id,
      details: { organisationId: orgId, status: input.status },
    });
  });
}

/** Deletes an action. Members of the organisation and administrators. */
export async function deletePlanAction(db: DB, actor: TCurrentUser | null, orgId: number, id: number): Promise<void> {
  await getPlanAction(db, actor, orgId, id);
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('plan_actions').where('id', '=', id).where('organisation_id', '=', orgId).execute();
    await recordAudit(tx, {
      actorUserId: actor?.id ?? null,
      action: 'plan_action.delete',
      subjectType: 'plan_action',
      subjectId: id,
      details: { organisationId: orgId },
    });
  });
}

/**
 * Turns a simulated lever into an action: the lever is simulated again on the server (the browser's figures are
 * never trusted) and its expected change per criterion is stored with the factor set and year. Members and
 * administrators. Throws 422 when the lever or its parameters are invalid or there is no inventory that year.
 */
export async function createActionFromLever(
  db: DB,
  actor: TCurrentUser | null,
  orgId: number,
  input: { lever: string; params: string; year: number; title: string },
): Promise<number> {
  ensure(canActForOrganisation(actor, orgId));
  if (!(QUANTIFIED_LEVERS as readonly string[]).includes(input.lever))
    throw new AppError(422, 'invalid_lever', 'actions.error.lever');
  const lever = input.lever as TQuantifiedLever;
  let params: unknown;
  try {
    params = ZLeverParams[lever].parse(JSON.parse(input.params));
  } catch {
    throw new AppError(422, 'invalid_params', 'actions.sim.error.param');
  }
  let sim;
  try {
    sim = await simulateForOrganisation(db, actor, orgId, input.year, [{ lever, params }]);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(422, 'invalid_params', 'actions.sim.error.param');
  }
  if (!sim) throw new AppError(422, 'no_inventory', 'actions.sim.noInventory');
  const expected: Record<string, TImpact> = {};
  for (const [c, ch] of Object.entries(sim.sim.combined.total)) if (ch) expected[c] = ch.delta;
  const catalogue = leverOfTransform(lever);
  return createPlanAction(
    db,
    actor,
    orgId,
    {
      title: input.title,
      description: '',
      origin: 'lever',
      lever_slug: getLever(catalogue.slug)!.slug,
      status: 'todo',
    } as TActionInput,
    { params, expected, year: input.year, factorSet: sim.factorSet.id },
  );
}
