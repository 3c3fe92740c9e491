import { randomBytes } from 'node:crypto';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { hashSecret, newSecret } from '../../http/tokens.js';
import { storeLevels } from './schemas.js';

/**
 * Test helpers of the workshops feature (used by its *.test.ts files only): fast users with API tokens, inserted
 * directly so that hundreds can be made without hashing hundreds of passwords.
 */
export async function quickUsers(
  db: DB,
  organisationId: number,
  count: number,
): Promise<{ id: number; token: string; email: string }[]> {
  const out: { id: number; token: string; email: string }[] = [];
  const now = nowIso();
  for (let i = 0; i < count; i++) {
    const email = `q-${randomBytes(5).toString('hex')}@example.org`;
    const u = await db
      .insertInto('users')
      .values({
        email,
        password_hash: 'x',
        name: `Member ${i}`,
        platform_role: 'member',
        locale: 'fr',
        email_confirmed_at: now,
        disabled_at: null,
        created_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('memberships')
      .values({ organisation_id: organisationId, user_id: u.id, role: 'member', created_at: now })
      .execute();
    const token = newSecret();
    await db
      .insertInto('api_tokens')
      .values({
        user_id: u.id,
        name: 't',
        token_hash: hashSecret(token),
        last_used_at: null,
        created_at: now,
        revoked_at: null,
      })
      .execute();
    out.push({ id: u.id, token, email });
  }
  return out;
}

/** A published workshop inserted directly (services are tested on their own). */
export async function quickWorkshop(
  db: DB,
  input: {
    organisationId: number;
    createdBy: number;
    capacity: number;
    perOrgLimit?: number | null;
    startsAt?: string;
    closesAt?: string;
    levels?: number[];
    status?: 'draft' | 'published';
  },
): Promise<number> {
  const now = nowIso();
  // Whole minutes, as the form produces (iCalendar carries seconds, not milliseconds).
  const startsAt =
    input.startsAt ?? new Date(Math.floor((Date.now() + 7 * 86_400_000) / 60_000) * 60_000).toISOString();
  const row = await db
    .insertInto('workshops')
    .values({
      organisation_id: input.organisationId,
      series_id: null,
      status: input.status ?? 'published',
      title: 'Concurrency workshop',
      description: 'd',
      theme: 'measurement',
      levels: storeLevels(input.levels ?? [1, 2]),
      format: 'online',
      online_url: 'https://visio.example.org/x',
      address: null,
      starts_at: startsAt,
      time_zone: 'Europe/Paris',
      duration_minutes: 60,
      capacity: input.capacity,
      per_org_limit: input.perOrgLimit ?? null,
      registration_closes_at: input.closesAt ?? startsAt,
      language: 'fr',
      speakers: '',
      materials: '',
      replay_url: null,
      replay_materials: null,
      sequence: 0,
      created_by: input.createdBy,
      created_at: now,
      updated_at: now,
      published_at: now,
      cancelled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
