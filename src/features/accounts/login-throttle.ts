/**
 * Login limits that slow guessing down without locking the owner out.
 *
 * - Failures are counted per account (the email typed) and per client address; from a browser that already logged
 *   in to the account (a "known device", remembered by a cookie), only that device's own failures count, so
 *   nobody elsewhere can delay the owner's right password on their usual browser.
 * - No hard block: after `free` failures each further attempt waits, and the wait doubles with every failure, up
 *   to `maxWaitMs`. During the wait, attempts are refused before any password is checked.
 * - Counting is atomic on both engines: an attempt is counted (as a failure, until it succeeds) and allowed by ONE
 *   conditional upsert that only passes when the key's wait is over, so parallel requests cannot check more
 *   passwords than the rule allows. A success clears the account's and the device's count and takes its own
 *   attempt back from the address's count (so a campus behind one address is not slowed by its successes).
 */
import { sql } from 'kysely';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';

export interface TThrottleRule {
  free: number;
  baseWaitMs: number;
  maxWaitMs: number;
}

export const loginRules = {
  account: { free: 5, baseWaitMs: 1000, maxWaitMs: 15 * 60_000 },
  address: { free: 20, baseWaitMs: 1000, maxWaitMs: 15 * 60_000 },
  device: { free: 5, baseWaitMs: 1000, maxWaitMs: 15 * 60_000 },
} satisfies Record<string, TThrottleRule>;

/** The clock of the login limits (tests stop it, so that no test depends on how fast the machine runs). */
export const loginClock = { now: (): Date => new Date() };

/** A count whose last failure is older than this starts again from zero. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** How long the next attempt waits after `failures` failures. */
export function waitAfter(rule: TThrottleRule, failures: number): number {
  if (failures < rule.free) return 0;
  return Math.min(rule.maxWaitMs, rule.baseWaitMs * 2 ** (failures - rule.free));
}

/** The largest failure count whose wait is still below the cap: beyond it every wait is the cap. */
function capCount(rule: TThrottleRule): number {
  let n = rule.free;
  while (waitAfter(rule, n) < rule.maxWaitMs) n++;
  return n;
}

/** SQL: the end of the wait after `count` failures, as ISO text (one CASE branch per count below the cap). */
function waitUntilSql(rule: TThrottleRule, count: ReturnType<typeof sql>, now: Date) {
  const at = (n: number) => nowIso(new Date(now.getTime() + waitAfter(rule, n)));
  const branches = [];
  for (let n = rule.free - 1; n < capCount(rule); n++) branches.push(sql`when ${count} <= ${n} then ${at(n)}`);
  return sql<string>`case ${sql.join(branches, sql` `)} else ${at(capCount(rule))} end`;
}

/**
 * Counts one attempt under `key` if its wait is over. Returns 0 when the attempt may go on, or the milliseconds
 * left to wait.
 */
export async function claimAttempt(db: DB, key: string, rule: TThrottleRule, now = new Date()): Promise<number> {
  const at = nowIso(now);
  await db
    .deleteFrom('login_throttle')
    .where('key', '=', key)
    .where('updated_at', '<', nowIso(new Date(now.getTime() - FORGET_AFTER_MS)))
    .where('wait_until', '<=', at)
    .execute();
  const firstWait = nowIso(new Date(now.getTime() + waitAfter(rule, 1)));
  const claimed = await sql<{ failures: number }>`
    insert into login_throttle (key, failures, wait_until, updated_at) values (${key}, 1, ${firstWait}, ${at})
    on conflict (key) do update set
      failures = login_throttle.failures + 1,
      wait_until = ${waitUntilSql(rule, sql`login_throttle.failures + 1`, now)},
      updated_at = ${at}
    where login_throttle.wait_until <= ${at}
    returning failures`.execute(db);
  if (claimed.rows.length === 1) return 0;
  const row = await db.selectFrom('login_throttle').select('wait_until').where('key', '=', key).executeTakeFirst();
  return row ? Math.max(1, Date.parse(row.wait_until) - now.getTime()) : 1;
}

/** Takes a counted attempt back (it succeeded, or it never checked a password): one failure less, shorter wait. */
export async function releaseAttempt(db: DB, key: string, rule: TThrottleRule, now = new Date()): Promise<void> {
  await db
    .updateTable('login_throttle')
    .set({ failures: sql`failures - 1`, wait_until: waitUntilSql(rule, sql`failures - 1`, now) })
    .where('key', '=', key)
    .where('failures', '>', 0)
    .execute();
}

/** Forgets a key's failures (a successful login clears its account and its device). */
export async function clearAttempts(db: DB, key: string): Promise<void> {
  await db.deleteFrom('login_throttle').where('key', '=', key).execute();
}
