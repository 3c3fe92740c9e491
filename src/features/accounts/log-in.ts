import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { hashSecret, newSecret } from '../../http/tokens.js';
import {
  claimAttempt,
  clearAttempts,
  loginClock,
  loginRules,
  releaseAttempt,
  type TThrottleRule,
} from './login-throttle.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';

export type TLoginResult =
  | { status: 'ok'; userId: number; locale: 'fr' | 'en' }
  | { status: 'invalid' }
  | { status: 'unconfirmed'; userId: number }
  | { status: 'limited'; retryAfterMs: number };

/** Whether `deviceToken` (the known-device cookie) already logged in to this account. */
async function isKnownDevice(db: DB, userId: number, deviceToken: string | undefined): Promise<boolean> {
  if (!deviceToken) return false;
  const row = await db
    .selectFrom('login_devices')
    .select('id')
    .where('token_hash', '=', hashSecret(deviceToken))
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Checks credentials (anyone may call it), under the login limits of `login-throttle.ts`. Unknown address, wrong
 * password and disabled account all answer 'invalid' after a full argon2 verification, so neither the answer nor
 * its timing reveals which accounts exist; an attempt refused by the limits checks no password at all.
 */
export async function authenticate(
  db: DB,
  input: { email: string; password: string; ip: string; deviceToken?: string },
  now = loginClock.now(),
): Promise<TLoginResult> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'password_hash', 'disabled_at', 'locale', 'email_confirmed_at'])
    .where('email', '=', input.email)
    .executeTakeFirst();
  const known = user ? await isKnownDevice(db, user.id, input.deviceToken) : false;
  const accountKey = `account:${input.email}`;
  const addressKey = `address:${input.ip}`;
  const deviceKey = user && input.deviceToken ? `device:${user.id}:${hashSecret(input.deviceToken)}` : '';
  const counted: [string, TThrottleRule][] = known
    ? [[deviceKey, loginRules.device]]
    : [
        [addressKey, loginRules.address],
        [accountKey, loginRules.account],
      ];
  const claimed: [string, TThrottleRule][] = [];
  for (const [key, rule] of counted) {
    const wait = await claimAttempt(db, key, rule, now);
    if (wait > 0) {
      // Refused before any password check: the attempts already counted for it are taken back.
      for (const [k, r] of claimed) await releaseAttempt(db, k, r, now);
      return { status: 'limited', retryAfterMs: wait };
    }
    claimed.push([key, rule]);
  }
  if (!user) {
    await burnPasswordCheck(input.password);
    return { status: 'invalid' };
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok || user.disabled_at) return { status: 'invalid' };
  // Success: the account's and the device's failures are forgotten; the address gets this attempt back.
  if (known) await clearAttempts(db, deviceKey);
  else {
    await clearAttempts(db, accountKey);
    await releaseAttempt(db, addressKey, loginRules.address, now);
  }
  // The right password of an address not confirmed yet opens no session (someone may have signed up with another
  // person's address); only the holder of the password learns that the address waits for confirmation.
  if (!user.email_confirmed_at) return { status: 'unconfirmed', userId: user.id };
  await recordAudit(db, { actorUserId: user.id, action: 'user.login', subjectType: 'user', subjectId: user.id });
  return { status: 'ok', userId: user.id, locale: user.locale };
}

/**
 * Remembers the browser as a known device of the account after a successful login. Returns the cookie value to
 * set: the browser's existing device token when it has one (one browser may be known to several accounts).
 */
export async function rememberDevice(db: DB, userId: number, deviceToken: string | undefined): Promise<string> {
  const token = deviceToken && /^[A-Za-z0-9_-]{43}$/.test(deviceToken) ? deviceToken : newSecret();
  const hash = hashSecret(token);
  const at = nowIso();
  const updated = await db
    .updateTable('login_devices')
    .set({ last_used_at: at })
    .where('token_hash', '=', hash)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) {
    await db
      .insertInto('login_devices')
      .values({ token_hash: hash, user_id: userId, created_at: at, last_used_at: at })
      .onConflict((oc) => oc.columns(['token_hash', 'user_id']).doNothing())
      .execute();
  }
  return token;
}
