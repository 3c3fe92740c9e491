import type { TConfig } from '../../config.js';
import { nowIso, type DB } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { hitRateLimit } from '../../http/middleware/rate-limit.js';
import { sendResetMail } from './account-mails.js';
import { consumeEmailToken } from './email-tokens.js';
import { hashPassword } from './passwords.js';

/**
 * Sends a reset link when the address belongs to an active account (anyone may call it). The caller answers the
 * same page either way, after the same password-hash cost, so timing stays alike.
 * Returns 'limited' when the address or client asked too often.
 */
export async function requestPasswordReset(
  db: DB,
  config: TConfig,
  input: { email: string; ip: string },
): Promise<'done' | 'limited'> {
  const ipOk = await hitRateLimit(db, `reset:ip:${input.ip}`, 20, 60 * 60_000);
  const emailOk = await hitRateLimit(db, `reset:email:${input.email}`, 5, 60 * 60_000);
  if (!ipOk || !emailOk) return 'limited';
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'disabled_at'])
    .where('email', '=', input.email)
    .executeTakeFirst();
  // Both branches spend one argon2 hash, which dwarfs the few inserts of the known-address branch, so response
  // times do not tell known addresses from unknown ones.
  await hashPassword('techcare-timing-equaliser');
  if (!user || user.disabled_at) return 'done';
  // One transaction (token, mail, audit): one commit, which also keeps this branch's extra time small.
  await db.transaction().execute(async (tx) => {
    await sendResetMail(tx, config, user);
    await recordAudit(tx, {
      actorUserId: null,
      action: 'user.password_reset_request',
      subjectType: 'user',
      subjectId: user.id,
    });
  });
  return 'done';
}

/**
 * Sets a new password from a reset link (whoever holds the link) and ends every session of the account, since a
 * reset usually means the old password leaked. Returns false when the link is unknown, used or expired.
 */
export async function resetPassword(db: DB, secret: string, password: string): Promise<boolean> {
  const hash = await hashPassword(password);
  return db.transaction().execute(async (tx) => {
    const userId = await consumeEmailToken(tx, secret, 'reset');
    if (userId === null) return false;
    await tx.updateTable('users').set({ password_hash: hash }).where('id', '=', userId).execute();
    // Every other reset link of the account dies with this one (an older mail must not grant the account again).
    await tx
      .updateTable('email_tokens')
      .set({ used_at: nowIso() })
      .where('user_id', '=', userId)
      .where('purpose', '=', 'reset')
      .where('used_at', 'is', null)
      .execute();
    await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(tx, {
      actorUserId: userId,
      action: 'user.password_reset',
      subjectType: 'user',
      subjectId: userId,
    });
    return true;
  });
}
