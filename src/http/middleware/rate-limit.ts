import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { DB } from '../../db/client.js';
import type { AppEnv } from '../env.js';
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

/**
 * The client address for rate limits: the socket's address, or the first hop of X-Forwarded-For when the operator
 * says a trusted proxy sits in front (TRUST_PROXY), since otherwise any client could rotate that header.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('config').TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for');
    if (forwarded) return forwarded.split(',')[0]!.trim();
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    // app.request() in tests has no socket.
    return 'local';
  }
}
