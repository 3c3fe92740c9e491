import { randomBytes } from 'node:crypto';
import type { DB } from '../../src/db/client.js';
import { nowIso } from '../../src/db/client.js';
import type { TOrgKind, TOrgRole } from '../../src/db/tables/foundation.js';
import { createApiToken, createUser } from '../../src/features/accounts/index.js';
import { nameKey, normaliseSearchName } from '../../src/features/organisations/index.js';
import { hashSecret, newSecret } from '../../src/http/tokens.js';
import type { TestClient } from './app.js';

export const testPassword = 'correct horse battery staple';

/** A confirmed user with the test password. */
export async function makeUser(
  db: DB,
  input: { email?: string; name?: string; admin?: boolean } = {},
): Promise<{ id: number; email: string }> {
  const email = input.email ?? `user-${randomBytes(4).toString('hex')}@example.org`;
  const id = await createUser(db, {
    email,
    password: testPassword,
    name: input.name ?? 'Test User',
    platformRole: input.admin ? 'admin' : 'member',
    confirmed: true,
  });
  return { id, email };
}

/** An organisation with an owner; `signed` adds a validated signature of the matching manifesto. */
export async function makeOrganisation(
  db: DB,
  input: {
    name?: string;
    kind?: TOrgKind;
    ownerId?: number;
    signed?: boolean;
    sector?: string;
    sizeBand?: string;
    region?: string;
  } = {},
): Promise<{ id: number; slug: string }> {
  const name = input.name ?? `Org ${randomBytes(3).toString('hex')}`;
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(2).toString('hex')}`;
  const now = nowIso();
  const org = await db
    .insertInto('organisations')
    .values({
      slug,
      name,
      kind: input.kind ?? 'company',
      siren: null,
      size_band: input.sizeBand ?? '50-249',
      sector: input.sector ?? 'software',
      region: input.region ?? 'IDF',
      website: null,
      description: '',
      is_founding_partner: 0,
      is_demo: 0,
      created_at: now,
      updated_at: now,
      search_name: normaliseSearchName(name),
      name_key: nameKey(name),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.ownerId) await addMember(db, org.id, input.ownerId, 'owner');
  if (input.signed) {
    const audience = input.kind === 'school' ? 'school' : 'company';
    let version = await db
      .selectFrom('manifesto_versions')
      .select('id')
      .where('audience', '=', audience)
      .executeTakeFirst();
    if (!version)
      version = await db
        .insertInto('manifesto_versions')
        .values({ audience, version: 'test', published_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
    const signer = input.ownerId ?? (await makeUser(db)).id;
    await db
      .insertInto('signatures')
      .values({
        organisation_id: org.id,
        manifesto_version_id: version.id,
        signer_user_id: signer,
        signer_name: 'Signer',
        signer_role: 'CEO',
        status: 'validated',
        rejection_reason: null,
        decided_by: null,
        decided_at: now,
        signed_at: now,
      })
      .execute();
  }
  return { id: org.id, slug };
}

export async function addMember(
  db: DB,
  organisationId: number,
  userId: number,
  role: TOrgRole = 'member',
): Promise<void> {
  await db
    .insertInto('memberships')
    .values({ organisation_id: organisationId, user_id: userId, role, created_at: nowIso() })
    .execute();
}

/** Logs a client in by creating a session row directly (tests of the login form itself go through the form). */
export async function loginAs(db: DB, client: TestClient, userId: number): Promise<void> {
  const token = newSecret();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashSecret(token),
      user_id: userId,
      created_at: nowIso(),
      expires_at: nowIso(new Date(Date.now() + 86_400_000)),
    })
    .execute();
  client.cookies.set('techcare_session', token);
}

/** A personal API token for the user. */
export function apiTokenFor(db: DB, userId: number): Promise<string> {
  return createApiToken(db, userId, 'test');
}
