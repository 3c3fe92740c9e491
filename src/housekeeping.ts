import { nowIso, type DB } from './db/client.js';

/**
 * Rate-limit rows are kept this long: longer than the widest window of any limit (one hour for sign-up and
 * password reset), so a purge never shortens a window that is still counting.
 */
export const RATE_LIMIT_RETENTION_MS = 24 * 3_600_000;

/** Deletes sessions past their expiry (a session is refused once expired; the row only took space). */
export async function purgeExpiredSessions(db: DB, now: Date): Promise<number> {
  const r = await db.deleteFrom('sessions').where('expires_at', '<', nowIso(now)).executeTakeFirst();
  return Number(r.numDeletedRows);
}

/**
 * Deletes rate-limit attempts older than the retention. `hitRateLimit` prunes the key it counts; this removes
 * the keys nobody tries again (one-off addresses and emails), which would otherwise stay forever.
 */
export async function purgeOldRateLimits(db: DB, now: Date): Promise<number> {
  const r = await db
    .deleteFrom('rate_limits')
    .where('at', '<', nowIso(new Date(now.getTime() - RATE_LIMIT_RETENTION_MS)))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** A mail's deliverable secret text is kept at most this long when it cannot be sent (the links expire sooner). */
export const OUTBOX_SECRET_RETENTION_MS = 48 * 3_600_000;

/**
 * Wipes the deliverable text of mails carrying a secret that could not be sent within the retention (no SMTP
 * server, or every attempt failed): the outbox keeps only the masked text, which no one can use.
 */
export async function wipeStaleOutboxSecrets(db: DB, now: Date): Promise<number> {
  const r = await db
    .updateTable('outbox')
    .set({ secret_text: null })
    .where('secret_text', 'is not', null)
    .where('created_at', '<', nowIso(new Date(now.getTime() - OUTBOX_SECRET_RETENTION_MS)))
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}
