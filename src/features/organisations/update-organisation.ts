import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { isGrantedKind } from '../../db/standing.js';
import { isNameKeyViolation, NameTakenError } from './create-organisation.js';
import { nameKey, nameTakenBy, normaliseSearchName } from './names.js';
import { organisationOr404 } from './queries.js';
import { currentGrant } from './status.js';
import type { TOrganisationProfile } from './schemas.js';
import { authorize } from '../../http/policy.js';
import { organisationPolicy } from './policy.js';

/**
 * Saves an organisation's profile. Owners of the organisation and administrators. The slug stays stable; the name
 * must stay unique. The kind moves only between company and school: an organisation holding the partner or expert
 * status keeps it, and the chosen kind becomes the one it returns to if the status is withdrawn.
 */
export async function updateOrganisation(
  db: DB,
  actor: TCurrentUser,
  orgId: number,
  input: TOrganisationProfile,
): Promise<void> {
  authorize(actor, organisationPolicy, 'organisation.manage', orgId);
  const current = await organisationOr404(db, orgId);
  if (await nameTakenBy(db, input.name, orgId)) throw new NameTakenError();
  const granted = isGrantedKind(current.kind);
  await db
    .transaction()
    .execute(async (tx) => {
      if (granted) {
        const grant = await currentGrant(tx, orgId);
        if (grant)
          await tx
            .updateTable('organisation_status_requests')
            .set({ previous_kind: input.kind })
            .where('id', '=', grant.id)
            .execute();
      }
      await tx
        .updateTable('organisations')
        .set({
          name: input.name,
          kind: granted ? current.kind : input.kind,
          name_key: nameKey(input.name),
          siren: input.siren,
          size_band: input.size_band,
          sector: input.sector,
          region: input.region,
          website: input.website,
          description: input.description,
          search_name: normaliseSearchName(input.name),
          updated_at: nowIso(),
        })
        .where('id', '=', orgId)
        .execute();
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: 'organisation.update',
        subjectType: 'organisation',
        subjectId: orgId,
        details: { name: input.name },
      });
    })
    .catch((err: unknown) => {
      throw isNameKeyViolation(err) ? new NameTakenError() : err;
    });
}
