import type { TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import type { TCurrentUser } from '../../http/env.js';
import { hitRateLimit } from '../../http/middleware/rate-limit.js';
import { sendConfirmationMail } from './account-mails.js';
import { consumeEmailToken } from './email-tokens.js';

/**
 * Confirms an email address from the link's token (whoever holds the link: it was sent to that address).
 * Returns the user id, or null when the link is unknown, used or expired.
 */
export async function confirmEmail(db: DB, secret: string): Promise<number | null> {
  return db.transaction().execute(async (tx) => {
    const userId = await consumeEmailToken(tx, secret, 'confirm');
    if (userId === null) return null;
    await tx
      .updateTable('users')
      .set({ email_confirmed_at: nowIso() })
      .where('id', '=', userId)
      .where('email_confirmed_at', 'is', null)
      .execute();
    // Confirming ends every other session of the account (the caller then starts the confirming browser's own).
    await tx.deleteFrom('sessions').where('user_id', '=', userId).execute();
    await recordAudit(tx, {
      actorUserId: userId,
      action: 'user.confirm_email',
      subjectType: 'user',
      subjectId: userId,
    });
    return userId;
  });
}

/**
 * Sends a new confirmation link to the signed-in, still unconfirmed user (at most 3 an hour).
 * Returns false when nothing was sent (already confirmed or rate-limited).
 */
export async function resendConfirmation(db: DB, config: TConfig, user: TCurrentUser): Promise<boolean> {
  if (user.emailConfirmed) return false;
  if (!(await hitRateLimit(db, `confirm-resend:user:${user.id}`, 3, 60 * 60_000))) return false;
  await sendConfirmationMail(db, config, user);
  return true;
}

/** Sends a new confirmation link to an unconfirmed account that tried to log in (same limit: 3 an hour). */
export async function resendConfirmationTo(db: DB, config: TConfig, userId: number): Promise<boolean> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'email_confirmed_at'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.email_confirmed_at) return false;
  if (!(await hitRateLimit(db, `confirm-resend:user:${user.id}`, 3, 60 * 60_000))) return false;
  await sendConfirmationMail(db, config, user);
  return true;
}
