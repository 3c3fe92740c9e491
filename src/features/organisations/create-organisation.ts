import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError } from '../../http/errors.js';
import { normaliseSearchName, uniqueSlug } from './names.js';
import type { TOrganisationProfile } from './schemas.js';

/** Raised when an unconfirmed user tries something that needs a confirmed address. */
export const unconfirmed = () => new AppError(403, 'email_unconfirmed', 'Confirm your email address first');

/**
 * Creates an organisation profile; its creator becomes its owner. Any signed-in user with a confirmed email may
 * call it. One transaction: organisation, membership, audit.
 */
export async function createOrganisation(db: DB, actor: TCurrentUser, input: TOrganisationProfile): Promise<{ id: number; slug: string }> {
  if (!actor.emailConfirmed) throw unconfirmed();
  return db.transaction().execute(async (tx) => {
    const now = nowIso();
    const slug = await uniqueSlug(tx, input.name);
    const org = await tx
      .insertInto('organisations')
      .values({
        slug, name: input.name, kind: input.kind, siren: input.siren, size_band: input.size_band, sector: input.sector, region: input.region,
        website: input.website, description: input.description, is_founding_partner: 0, is_demo: 0, created_at: now, updated_at: now,
        search_name: normaliseSearchName(input.name),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await tx.insertInto('memberships').values({ organisation_id: org.id, user_id: actor.id, role: 'owner', created_at: now }).execute();
    await recordAudit(tx, { actorUserId: actor.id, action: 'organisation.create', subjectType: 'organisation', subjectId: org.id, details: { name: input.name, kind: input.kind } });
    return { id: org.id, slug };
  });
}
