import { nowIso, type DB } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { canActForOrganisation, canManageOrganisation, ensure } from '../../http/actor.js';
import type { TCurrentUser } from '../../http/env.js';
import type { TPublicChoices } from './schemas.js';

/**
 * Stores the head-count an organisation gives for a year. Who: the organisation's members and administrators.
 * One statement (an upsert on the primary key) plus its audit entry, in one transaction.
 */
export async function saveEmployees(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  year: number,
  employees: number,
): Promise<void> {
  ensure(canActForOrganisation(actor, orgId));
  await db.transaction().execute(async (tx) => {
    const now = nowIso();
    await tx
      .insertInto('review_org_year_facts')
      .values({ organisation_id: orgId, year, employees, updated_by: actor.id, updated_at: now })
      .onConflict((oc) =>
        oc.columns(['organisation_id', 'year']).doUpdateSet({ employees, updated_by: actor.id, updated_at: now }),
      )
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'review.employees.save',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { year, employees },
    });
  });
}

/**
 * Stores what an organisation makes public on its directory page. Who: the organisation's owners and
 * administrators (publishing is a decision for the organisation, not any member).
 */
export async function savePublicChoices(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  choices: TPublicChoices,
): Promise<void> {
  ensure(canManageOrganisation(actor, orgId));
  const row = {
    footprint_trend: choices.footprint_trend ? 1 : 0,
    maturity_level: choices.maturity_level ? 1 : 0,
    actions_done: choices.actions_done ? 1 : 0,
    workshops_attended: choices.workshops_attended ? 1 : 0,
    updated_by: actor.id,
    updated_at: nowIso(),
  };
  await db.transaction().execute(async (tx) => {
    await tx
      .insertInto('review_public_choices')
      .values({ organisation_id: orgId, ...row })
      .onConflict((oc) => oc.column('organisation_id').doUpdateSet(row))
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'review.public_choices.save',
      subjectType: 'organisation',
      subjectId: orgId,
      details: choices,
    });
  });
}

/** The organisation's current choices (all false when it never chose). For its own report page. */
export async function readPublicChoices(db: DB, orgId: number): Promise<TPublicChoices> {
  const r = await db
    .selectFrom('review_public_choices')
    .selectAll()
    .where('organisation_id', '=', orgId)
    .executeTakeFirst();
  return {
    footprint_trend: Number(r?.footprint_trend ?? 0) === 1,
    maturity_level: Number(r?.maturity_level ?? 0) === 1,
    actions_done: Number(r?.actions_done ?? 0) === 1,
    workshops_attended: Number(r?.workshops_attended ?? 0) === 1,
  };
}
