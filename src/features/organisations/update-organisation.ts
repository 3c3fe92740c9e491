import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { canManageOrganisation, ensure } from '../../http/actor.js';
import type { TCurrentUser } from '../../http/env.js';
import { normaliseSearchName } from './names.js';
import type { TOrganisationProfile } from './schemas.js';

/** Saves an organisation's profile. Owners of the organisation and administrators. The slug stays stable. */
export async function updateOrganisation(db: DB, actor: TCurrentUser, orgId: number, input: TOrganisationProfile): Promise<void> {
  ensure(canManageOrganisation(actor, orgId));
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('organisations')
      .set({
        name: input.name, kind: input.kind, siren: input.siren, size_band: input.size_band, sector: input.sector, region: input.region,
        website: input.website, description: input.description, search_name: normaliseSearchName(input.name), updated_at: nowIso(),
      })
      .where('id', '=', orgId)
      .execute();
    await recordAudit(tx, { actorUserId: actor.id, action: 'organisation.update', subjectType: 'organisation', subjectId: orgId, details: { name: input.name } });
  });
}
