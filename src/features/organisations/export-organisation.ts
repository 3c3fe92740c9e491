import type { DB } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { notFound } from '../../http/errors.js';
import { organisationOr404, listMembers, listSignatures } from './queries.js';
import { authorize } from '../../http/policy.js';
import { organisationPolicy } from './policy.js';

/**
 * Everything the platform holds about an organisation's profile, members and manifesto signatures, as one JSON
 * document (data portability). Owners of the organisation and administrators.
 */
export async function exportOrganisation(db: DB, actor: TCurrentUser, orgId: number) {
  authorize(actor, organisationPolicy, 'organisation.manage', orgId);
  const org = await organisationOr404(db, orgId);
  const [members, signatures] = await Promise.all([listMembers(db, orgId), listSignatures(db, orgId)]);
  await recordAudit(db, {
    actorUserId: actor.id,
    action: 'organisation.export',
    subjectType: 'organisation',
    subjectId: orgId,
  });
  const { search_name: _search, ...profile } = org;
  return {
    exportedAt: new Date().toISOString(),
    organisation: profile,
    members: members.map((m) => ({ name: m.name, email: m.email, role: m.role, since: m.created_at })),
    signatures,
  };
}

/**
 * Deletes an organisation and, through the foreign keys' cascades, its memberships, invitations, signatures and
 * every feature's data attached to it. Owners of the organisation and administrators; the caller has already
 * asked the user to confirm by typing the name.
 */
export async function deleteOrganisation(db: DB, actor: TCurrentUser, orgId: number): Promise<void> {
  authorize(actor, organisationPolicy, 'organisation.manage', orgId);
  await db.transaction().execute(async (tx) => {
    const org = await tx.selectFrom('organisations').select(['name']).where('id', '=', orgId).executeTakeFirst();
    if (!org) throw notFound();
    await tx.deleteFrom('organisations').where('id', '=', orgId).execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'organisation.delete',
      subjectType: 'organisation',
      subjectId: orgId,
      details: { name: org.name },
    });
  });
}
