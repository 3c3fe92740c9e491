import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';

/**
 * Counts an attempt under `key` and says whether it is still within `max` attempts per `windowMs`. Stored in the
 * database so the limit holds across server instances. Old rows of the key are pruned on the way.
 */
export async function hitRateLimit(db: DB, key: string, max: number, windowMs: number): Promise<boolean> {
  const since = nowIso(new Date(Date.now() - windowMs));
  await db.deleteFrom('rate_limits').where('key', '=', key).where('at', '<', since).execute();
  const row = await db
    .selectFrom('rate_limits')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('key', '=', key)
    .where('at', '>=', since)
    .executeTakeFirstOrThrow();
  if (Number(row.n) >= max) return false;
  await db.insertInto('rate_limits').values({ key, at: nowIso() }).execute();
  return true;
}

/** The client address as seen by the node server (or the first hop of X-Forwarded-For behind a proxy). */
export function clientAddress(headers: { header(name: string): string | undefined }, fallback = 'local'): string {
  const forwarded = headers.header('x-forwarded-for');
  return forwarded ? forwarded.split(',')[0]!.trim() : fallback;
}
