import type { DB } from '../../db/client.js';
import { recordAudit } from '../../db/audit.js';
import { hitRateLimit } from '../../http/middleware/rate-limit.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';

/** Login attempts allowed per client address and per email address within 15 minutes. */
export const loginLimits = { perIp: 30, perEmail: 10, windowMs: 15 * 60_000 };

export type TLoginResult = { status: 'ok'; userId: number; locale: 'fr' | 'en' } | { status: 'invalid' } | { status: 'limited' };

/**
 * Checks credentials (anyone may call it). Unknown address, wrong password and disabled account all answer
 * 'invalid' after a full argon2 verification, so neither the answer nor its timing reveals which accounts exist.
 */
export async function authenticate(db: DB, input: { email: string; password: string; ip: string }): Promise<TLoginResult> {
  const ipOk = await hitRateLimit(db, `login:ip:${input.ip}`, loginLimits.perIp, loginLimits.windowMs);
  const emailOk = await hitRateLimit(db, `login:email:${input.email}`, loginLimits.perEmail, loginLimits.windowMs);
  if (!ipOk || !emailOk) return { status: 'limited' };
  const user = await db.selectFrom('users').select(['id', 'password_hash', 'disabled_at', 'locale']).where('email', '=', input.email).executeTakeFirst();
  if (!user) {
    await burnPasswordCheck(input.password);
    return { status: 'invalid' };
  }
  const ok = await verifyPassword(user.password_hash, input.password);
  if (!ok || user.disabled_at) return { status: 'invalid' };
  await recordAudit(db, { actorUserId: user.id, action: 'user.login', subjectType: 'user', subjectId: user.id });
  return { status: 'ok', userId: user.id, locale: user.locale };
}
