import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';
import type { DB } from '../../db/client.js';
import type { AppEnv } from '../env.js';
import { AppError } from '../errors.js';
import { dialectOf, nowIso } from '../../db/client.js';
import { sql } from 'kysely';

/**
 * Counts an attempt under `key` and says whether it is still within `max` attempts per `windowMs`. Stored in the
 * database so the limit holds across server instances, and atomic on both engines: the count and the insert run
 * in one transaction that holds the key's lock (an advisory lock on PostgreSQL; SQLite's transactions take the
 * write lock first), so parallel requests cannot all read the same count. Old rows of the key are pruned.
 */
export async function hitRateLimit(db: DB, key: string, max: number, windowMs: number): Promise<boolean> {
  const since = nowIso(new Date(Date.now() - windowMs));
  return db.transaction().execute(async (tx) => {
    if (dialectOf(db) === 'postgres') await sql`select pg_advisory_xact_lock(hashtext(${key}))`.execute(tx);
    await tx.deleteFrom('rate_limits').where('key', '=', key).where('at', '<', since).execute();
    const row = await tx
      .selectFrom('rate_limits')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('key', '=', key)
      .where('at', '>=', since)
      .executeTakeFirstOrThrow();
    if (Number(row.n) >= max) return false;
    await tx.insertInto('rate_limits').values({ key, at: nowIso() }).execute();
    return true;
  });
}

/**
 * The client address for rate limits: the socket's address, or, when the operator says a trusted proxy sits in
 * front (TRUST_PROXY), the LAST entry of X-Forwarded-For: the one that proxy appended itself. Entries before it
 * come from the client, who may write anything there.
 */
export function clientAddress(c: Context<AppEnv>): string {
  if (c.get('config').TRUST_PROXY) {
    const forwarded = c.req.header('x-forwarded-for');
    const last = forwarded
      ?.split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '')
      .pop();
    if (last) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? 'local';
  } catch {
    // app.request() in tests has no socket.
    return 'local';
  }
}

/** PDF renders one client address may start (cache misses only) per `windowMs`. */
export const pdfLimits = { perAddress: 20, windowMs: 10 * 60_000 };

/**
 * The guard passed to `htmlToPdf`: a page not printed yet counts against the client's address, and past the limit
 * the request is a 429 (a page already printed, for anyone, is served from the cache without counting).
 */
export function pdfRenderGuard(c: Context<AppEnv>): () => Promise<void> {
  return async () => {
    if (
      !(await hitRateLimit(c.get('db'), `pdf:address:${clientAddress(c)}`, pdfLimits.perAddress, pdfLimits.windowMs))
    ) {
      throw new AppError(429, 'too_many_pdf', 'Too many PDF renders; try again in a few minutes');
    }
  };
}
