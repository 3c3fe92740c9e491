import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { AppError } from '../../http/errors.js';
import { nameKey, nameTakenBy, normaliseSearchName, uniqueSlug } from './names.js';
import type { TOrganisationProfile } from './schemas.js';
import { authorize } from '../../http/policy.js';
import { organisationPolicy } from './policy.js';

/** The name is already used by another organisation (case, accents, spaces and punctuation ignored). */
export class NameTakenError extends AppError {
  constructor() {
    super(409, 'name_taken', 'An organisation already has this name', [
      { path: 'name', message: 'organisations.error.nameTaken' },
    ]);
  }
}

/** True when a write failed on the unique name key (two creations at once with the same name). */
export function isNameKeyViolation(err: unknown): boolean {
  const e = err as { code?: string; message?: string; constraint?: string };
  return (
    (e.code === '23505' && /name_key/.test(`${e.constraint ?? ''} ${e.message ?? ''}`)) ||
    /UNIQUE constraint failed: organisations\.name_key/.test(e.message ?? '')
  );
}

/**
 * Creates an organisation profile; its creator becomes its owner. Any signed-in user with a confirmed email may
 * call it. A new organisation is a company or a school (the schema refuses other kinds; partner and expert are
 * granted by an administrator) and cannot take an existing organisation's name (`NameTakenError`, also when two
 * creations race: the unique name key decides). One transaction: organisation, membership, audit.
 */
export async function createOrganisation(
  db: DB,
  actor: TCurrentUser,
  input: TOrganisationProfile,
): Promise<{ id: number; slug: string }> {
  authorize(actor, organisationPolicy, 'organisation.create', null);
  if (input.kind !== 'company' && input.kind !== 'school')
    throw new AppError(422, 'invalid_kind', 'A new organisation is a company or a school');
  if (await nameTakenBy(db, input.name)) throw new NameTakenError();
  return db
    .transaction()
    .execute(async (tx) => {
      const now = nowIso();
      const slug = await uniqueSlug(tx, input.name);
      const org = await tx
        .insertInto('organisations')
        .values({
          slug,
          name: input.name,
          kind: input.kind,
          siren: input.siren,
          size_band: input.size_band,
          sector: input.sector,
          region: input.region,
          website: input.website,
          description: input.description,
          is_founding_partner: 0,
          is_demo: 0,
          created_at: now,
          updated_at: now,
          search_name: normaliseSearchName(input.name),
          name_key: nameKey(input.name),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('memberships')
        .values({ organisation_id: org.id, user_id: actor.id, role: 'owner', created_at: now })
        .execute();
      await recordAudit(tx, {
        actorUserId: actor.id,
        action: 'organisation.create',
        subjectType: 'organisation',
        subjectId: org.id,
        details: { name: input.name, kind: input.kind },
      });
      return { id: org.id, slug };
    })
    .catch((err: unknown) => {
      throw isNameKeyViolation(err) ? new NameTakenError() : err;
    });
}
