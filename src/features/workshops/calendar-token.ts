import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { hashSecret, newSecret } from '../../http/tokens.js';

/**
 * Creates (or replaces, which revokes the old link) the user's private calendar token. Only its hash is kept, so
 * the link is shown once. Policy: the signed-in user, for themself.
 */
export async function renewCalendarToken(db: DB, userId: number): Promise<string> {
  const token = newSecret();
  await db.transaction().execute(async (tx) => {
    await tx.deleteFrom('workshop_calendar_tokens').where('user_id', '=', userId).execute();
    await tx
      .insertInto('workshop_calendar_tokens')
      .values({ user_id: userId, token_hash: hashSecret(token), created_at: nowIso() })
      .execute();
    await recordAudit(tx, {
      actorUserId: userId,
      action: 'workshop.calendar_token',
      subjectType: 'user',
      subjectId: userId,
    });
  });
  return token;
}

/** The user a calendar token belongs to, or null. */
export async function userOfCalendarToken(db: DB, token: string): Promise<number | null> {
  const row = await db
    .selectFrom('workshop_calendar_tokens')
    .select('user_id')
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  return row?.user_id ?? null;
}

export async function hasCalendarToken(db: DB, userId: number): Promise<boolean> {
  return !!(await db
    .selectFrom('workshop_calendar_tokens')
    .select('id')
    .where('user_id', '=', userId)
    .executeTakeFirst());
}
