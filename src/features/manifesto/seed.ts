import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import type { TSeedContext } from '../../http/feature.js';
import { demoOrganisations, listFoundingPartners, listMembers } from '../organisations/index.js';
import { audienceFor, currentVersion, ensureManifestoVersions } from './versions.js';

/** Gives an organisation a validated signature of its current version unless it has one (idempotent). */
async function ensureValidated(
  db: DB,
  org: { id: number; kind: 'company' | 'school' | 'partner' | 'expert' },
  signer: { id: number; name: string },
  role: string,
  adminId: number | null,
  at = nowIso(),
): Promise<void> {
  const has = await db
    .selectFrom('signatures')
    .select('id')
    .where('organisation_id', '=', org.id)
    .where('status', '=', 'validated')
    .executeTakeFirst();
  if (has) return;
  const version = await currentVersion(db, audienceFor(org.kind));
  if (!version) return;
  const now = at;
  await db
    .insertInto('signatures')
    .values({
      organisation_id: org.id,
      manifesto_version_id: version.id,
      signer_user_id: signer.id,
      signer_name: signer.name,
      signer_role: role,
      status: 'validated',
      rejection_reason: null,
      decided_by: adminId,
      decided_at: now,
      signed_at: now,
    })
    .execute();
}

/**
 * The manifesto versions (reference data), the founding partners' validated signatures (recorded in the
 * administrator's name, since partners have no accounts of their own) and, in demo mode, the demo network's.
 */
export async function seedManifesto({ db, demo }: TSeedContext): Promise<void> {
  await ensureManifestoVersions(db);
  const admin = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('platform_role', '=', 'admin')
    .orderBy('id')
    .executeTakeFirst();
  if (admin) {
    for (const p of await listFoundingPartners(db))
      await ensureValidated(db, p, { id: admin.id, name: p.name }, 'founding-partner', admin.id);
  }
  if (!demo) return;
  // Demo members joined over the past four years, so the annual reviews of the demo network show growth.
  const thisYear = new Date().getUTCFullYear();
  for (const [i, o] of (await demoOrganisations(db)).entries()) {
    const owner = (await listMembers(db, o.id)).find((m) => m.role === 'owner');
    const joined = new Date(Date.UTC(thisYear - 4 + (i % 4), (i * 5) % 12, 15)).toISOString();
    if (owner)
      await ensureValidated(db, o, { id: owner.userId, name: owner.name }, 'Direction', admin?.id ?? null, joined);
  }
}
