import { publicUrl, type TConfig } from '../../config.js';
import type { DB, Tx } from '../../db/client.js';
import { translator, type TLocale } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';
import { issueEmailToken } from './email-tokens.js';

/** Sends the email-confirmation link, in the user's language. */
export async function sendConfirmationMail(
  db: DB | Tx,
  config: TConfig,
  user: { id: number; email: string; name: string; locale: TLocale },
): Promise<void> {
  const secret = await issueEmailToken(db, user.id, 'confirm');
  const t = translator(user.locale);
  await sendMail(db, config, {
    to: user.email,
    subject: t('accounts.mail.confirm.subject'),
    text: t('accounts.mail.confirm.body', {
      name: user.name,
      link: `${publicUrl(config)}/confirm/${secret}`,
      signature: t('mail.signature'),
    }),
    secrets: [secret],
  });
}

/**
 * Tells the owner of an existing address that someone tried to sign up with it. Sign-up answers the same way
 * whether or not the address is known, so the page reveals nothing and only the mailbox owner learns it.
 */
export async function sendAlreadyRegisteredMail(
  db: DB | Tx,
  config: TConfig,
  user: { email: string; name: string; locale: TLocale },
): Promise<void> {
  const t = translator(user.locale);
  const base = publicUrl(config);
  await sendMail(db, config, {
    to: user.email,
    subject: t('accounts.mail.exists.subject'),
    text: t('accounts.mail.exists.body', {
      name: user.name,
      login: `${base}/login`,
      forgot: `${base}/password/forgot`,
      signature: t('mail.signature'),
    }),
  });
}

/** Sends a password-reset link (valid one hour). */
export async function sendResetMail(
  db: DB | Tx,
  config: TConfig,
  user: { id: number; email: string; name: string; locale: TLocale },
): Promise<void> {
  const secret = await issueEmailToken(db, user.id, 'reset');
  const t = translator(user.locale);
  await sendMail(db, config, {
    to: user.email,
    subject: t('accounts.mail.reset.subject'),
    text: t('accounts.mail.reset.body', {
      name: user.name,
      link: `${publicUrl(config)}/password/reset/${secret}`,
      signature: t('mail.signature'),
    }),
    secrets: [secret],
  });
}
