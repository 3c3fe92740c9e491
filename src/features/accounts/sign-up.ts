import type { TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import type { TLocale } from '../../i18n/index.js';
import { hitRateLimit } from '../../http/middleware/rate-limit.js';
import { sendAlreadyRegisteredMail, sendConfirmationMail } from './account-mails.js';
import { createUser } from './create-user.js';
import { hashPassword } from './passwords.js';
import type { TSignup } from './schemas.js';

/** Sign-ups allowed per client address and per email address within an hour. */
export const signupLimits = { perIp: 20, perEmail: 5, windowMs: 60 * 60_000 };

/**
 * Registers a visitor (anyone may call it). The answer is the same whether or not the email is already
 * registered — the owner of a known address gets a mail saying so instead — and a password is hashed in both
 * cases, so neither the page nor its timing tells an attacker which addresses have accounts.
 * Returns 'limited' when the client or the address tried too often.
 */
export async function signUp(
  db: DB,
  config: TConfig,
  input: TSignup & { locale: TLocale; ip: string },
): Promise<'sent' | 'limited'> {
  // 1. Rate limits, both counted in the database so they hold across instances.
  const ipOk = await hitRateLimit(db, `signup:ip:${input.ip}`, signupLimits.perIp, signupLimits.windowMs);
  const emailOk = await hitRateLimit(db, `signup:email:${input.email}`, signupLimits.perEmail, signupLimits.windowMs);
  if (!ipOk || !emailOk) return 'limited';
  // 2. Known address: mail its owner, and spend the same hashing time a new account costs.
  const existing = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale'])
    .where('email', '=', input.email)
    .executeTakeFirst();
  if (existing) {
    await hashPassword(input.password);
    await sendAlreadyRegisteredMail(db, config, existing);
    return 'sent';
  }
  // 3. New account and its confirmation link, together.
  await db.transaction().execute(async (tx) => {
    const id = await createUser(tx as unknown as DB, {
      email: input.email,
      password: input.password,
      name: input.name,
      locale: input.locale,
    });
    // The monthly digest is on unless the visitor unticked it at sign-up (it reaches members of signatories only).
    await tx
      .updateTable('users')
      .set({ digest_opt_in: input.digest === '1' ? 1 : 0 })
      .where('id', '=', id)
      .execute();
    await sendConfirmationMail(tx, config, { id, email: input.email, name: input.name, locale: input.locale });
  });
  return 'sent';
}
