import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { createApiToken } from './create-user.js';

/** The account's own settings as the /account page shows them. */
export async function getAccountSettings(db: DB, userId: number) {
  return db
    .selectFrom('users')
    .select(['name', 'email', 'locale', 'digest_opt_in', 'email_confirmed_at'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
}

/** Saves name, language and digest opt-in. Only the signed-in user changes their own account. */
export async function updateAccountSettings(
  db: DB,
  actor: TCurrentUser,
  input: { name: string; locale: 'fr' | 'en'; digestOptIn: boolean },
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    await tx
      .updateTable('users')
      .set({ name: input.name, locale: input.locale, digest_opt_in: input.digestOptIn ? 1 : 0 })
      .where('id', '=', actor.id)
      .execute();
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'user.update',
      subjectType: 'user',
      subjectId: actor.id,
      details: { locale: input.locale, digestOptIn: input.digestOptIn },
    });
  });
}

/** The user's API tokens, newest first (never their secrets: only hashes are stored). */
export function listApiTokens(db: DB, userId: number) {
  return db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
}

/** Creates a personal API token for the signed-in user; the secret is returned once. */
export function createOwnApiToken(db: DB, actor: TCurrentUser, name: string): Promise<string> {
  return createApiToken(db, actor.id, name);
}

/** Revokes one of the user's own tokens. Returns false when the token is not theirs or already revoked. */
export async function revokeApiToken(db: DB, actor: TCurrentUser, tokenId: number): Promise<boolean> {
  return db.transaction().execute(async (tx) => {
    const res = await tx
      .updateTable('api_tokens')
      .set({ revoked_at: nowIso() })
      .where('id', '=', tokenId)
      .where('user_id', '=', actor.id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) return false;
    await recordAudit(tx, {
      actorUserId: actor.id,
      action: 'token.revoke',
      subjectType: 'user',
      subjectId: actor.id,
      details: { tokenId },
    });
    return true;
  });
}
