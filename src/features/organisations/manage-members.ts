import type { DB, Tx } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TOrgRole } from '../../db/tables/foundation.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError, notFound } from '../../http/errors.js';
import { authorize } from '../../http/policy.js';
import { organisationPolicy } from './policy.js';

async function ownerCount(tx: Tx, orgId: number): Promise<number> {
  const row = await tx
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('organisation_id', '=', orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const lastOwner = () => new AppError(409, 'last_owner', 'An organisation keeps at least one owner');

/**
 * Changes a member's role. Owners of the organisation and administrators. The last owner cannot be demoted, so
 * an organisation is never left without someone to manage it.
 */
export async function changeMemberRole(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  membershipId: number,
  role: TOrgRole,
): Promise<void> {
  authorize(actor, organisationPolicy, 'organisation.manage', orgId);
  await db.transaction().execute(async (tx) => {
    const m = await tx
      .selectFrom('memberships')
      .selectAll()
      .where('id', '=', membershipId)
      .where('organisation_id', '=', orgId)
      .executeTakeFirst();
    if (!m) throw notFound();
    if (m.role === role) return;
    if (m.role === 'owner' && (await ownerCount(tx, orgId)) <= 1) throw lastOwner();
    await tx.updateTable('memberships').set({ role }).where('id', '=', m.id).execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'membership.role',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { userId: m.user_id, from: m.role, to: role },
    });
  });
}

/** Removes a member. Owners of the organisation and administrators; never the last owner. */
export async function removeMember(db: DB, actor: TCurrentUser, orgId: number, membershipId: number): Promise<void> {
  authorize(actor, organisationPolicy, 'organisation.manage', orgId);
  await db.transaction().execute(async (tx) => {
    const m = await tx
      .selectFrom('memberships')
      .selectAll()
      .where('id', '=', membershipId)
      .where('organisation_id', '=', orgId)
      .executeTakeFirst();
    if (!m) throw notFound();
    if (m.role === 'owner' && (await ownerCount(tx, orgId)) <= 1) throw lastOwner();
    await tx.deleteFrom('memberships').where('id', '=', m.id).execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'membership.remove',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { userId: m.user_id },
    });
  });
}
