import { randomBytes } from 'node:crypto';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TPlatformRole } from '../../db/tables/foundation.js';
import { hashPassword } from './passwords.js';
import { hashSecret, newSecret } from '../../http/tokens.js';

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates a user (used by sign-up, the `techcare user create` command and seeds). Emails are unique, compared
 * lower-cased. `confirmed` marks the email as already confirmed (administrators created by the operator).
 */
export async function createUser(
  db: DB,
  input: {
    email: string;
    password: string;
    name: string;
    platformRole?: TPlatformRole;
    locale?: 'fr' | 'en';
    confirmed?: boolean;
    actorUserId?: number | null;
  },
): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('users')
    .values({
      email: normaliseEmail(input.email),
      password_hash: await hashPassword(input.password),
      name: input.name,
      platform_role: input.platformRole ?? 'member',
      locale: input.locale ?? 'fr',
      email_confirmed_at: input.confirmed ? now : null,
      disabled_at: null,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordAudit(db, {
    actorUserId: input.actorUserId ?? null,
    action: 'user.create',
    subjectType: 'user',
    subjectId: row.id,
    details: { role: input.platformRole ?? 'member' },
  });
  return row.id;
}

/** A readable random password for a generated administrator (about 120 bits). */
export function generatePassword(): string {
  return randomBytes(15)
    .toString('base64url')
    .replace(/(.{5})/g, '$1-')
    .replace(/-$/, '');
}

/**
 * Creates the first administrator on first start from TECHCARE_ADMIN_EMAIL / TECHCARE_ADMIN_PASSWORD, or with a
 * generated password printed once. Does nothing when an administrator exists. No default password ever ships.
 */
export async function ensureAdministrator(
  db: DB,
  email: string,
  password: string | undefined,
  log: (line: string) => void,
): Promise<void> {
  const existing = await db.selectFrom('users').select('id').where('platform_role', '=', 'admin').executeTakeFirst();
  if (existing) return;
  const chosen = password ?? generatePassword();
  const taken = await db.selectFrom('users').select('id').where('email', '=', normaliseEmail(email)).executeTakeFirst();
  if (taken) {
    await db.updateTable('users').set({ platform_role: 'admin' }).where('id', '=', taken.id).execute();
    log(`Administrator: ${email} (existing account promoted)`);
    return;
  }
  await createUser(db, { email, password: chosen, name: 'Administrator', platformRole: 'admin', confirmed: true });
  log(
    password
      ? `Administrator created: ${email}`
      : `Administrator created: ${email} — generated password (shown once): ${chosen}`,
  );
}

/** Creates a personal API token for a user and returns the secret (shown once; only its hash is stored). */
export async function createApiToken(db: DB, userId: number, name: string): Promise<string> {
  const secret = `tc_${newSecret()}`;
  await db
    .insertInto('api_tokens')
    .values({
      user_id: userId,
      name,
      token_hash: hashSecret(secret),
      last_used_at: null,
      created_at: nowIso(),
      revoked_at: null,
    })
    .execute();
  await recordAudit(db, {
    actorUserId: userId,
    action: 'token.create',
    subjectType: 'user',
    subjectId: userId,
    details: { name },
  });
  return secret;
}
