import type { DB, Tx } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { hashSecret, newSecret } from '../../http/tokens.js';

export type TEmailTokenPurpose = 'confirm' | 'reset';

/** How long a link sent by mail stays valid. A reset link is short-lived because it grants the account. */
export const tokenLifetimeMs: Record<TEmailTokenPurpose, number> = {
  confirm: 7 * 86_400_000,
  reset: 60 * 60_000,
};

/** Issues a one-time token for a mail link; only its hash is stored. Returns the secret to put in the link. */
export async function issueEmailToken(db: DB | Tx, userId: number, purpose: TEmailTokenPurpose): Promise<string> {
  const secret = newSecret();
  await db
    .insertInto('email_tokens')
    .values({
      token_hash: hashSecret(secret),
      purpose,
      user_id: userId,
      expires_at: nowIso(new Date(Date.now() + tokenLifetimeMs[purpose])),
      used_at: null,
      created_at: nowIso(),
    })
    .execute();
  return secret;
}

/** The user a still-valid, unused token belongs to, without using it up (to show the form behind a link). */
export async function peekEmailToken(db: DB | Tx, secret: string, purpose: TEmailTokenPurpose): Promise<number | null> {
  const row = await db
    .selectFrom('email_tokens')
    .select(['user_id'])
    .where('token_hash', '=', hashSecret(secret))
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', nowIso())
    .executeTakeFirst();
  return row?.user_id ?? null;
}

/**
 * Uses a token up and returns its user, or null when unknown, used or expired. The update is conditional on
 * `used_at is null`, so two concurrent uses cannot both succeed.
 */
export async function consumeEmailToken(
  db: DB | Tx,
  secret: string,
  purpose: TEmailTokenPurpose,
): Promise<number | null> {
  const userId = await peekEmailToken(db, secret, purpose);
  if (userId === null) return null;
  const res = await db
    .updateTable('email_tokens')
    .set({ used_at: nowIso() })
    .where('token_hash', '=', hashSecret(secret))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1 ? userId : null;
}
