import { publicUrl, type TConfig } from '../../config.js';
import type { DB, Tx } from '../../db/client.js';
import { translator, type TLocale, type TMessageKey } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';
import { invitationAttachment } from './calendar-events.js';
import { formatWhen } from './time-zones.js';
import type { TWorkshopWithOrg } from './repository.js';

export type TWorkshopMailKind = 'confirmed' | 'waitlisted' | 'promoted' | 'unregistered' | 'changed' | 'cancelled' | 'reminder';

/**
 * Mails one registrant about a workshop, in the registrant's language, with the invitation attached when they
 * hold a seat (REQUEST) or when the workshop is called off (CANCEL).
 */
export async function mailRegistrant(
  db: DB | Tx,
  config: TConfig,
  w: TWorkshopWithOrg,
  to: { email: string; name: string; locale: TLocale; status: 'confirmed' | 'waitlisted' | 'cancelled' },
  kind: TWorkshopMailKind,
): Promise<void> {
  const t = translator(to.locale);
  const params = {
    title: w.title,
    organiser: w.organisation_name,
    when: formatWhen(to.locale, w.starts_at, w.time_zone),
    // The meeting link goes to confirmed seats only: never to the waiting list nor after a cancellation.
    where: [w.address, to.status === 'confirmed' && kind !== 'cancelled' && kind !== 'unregistered' ? w.online_url : null].filter(Boolean).join(' — '),
    url: `${publicUrl(config)}/workshops/${w.id}`,
    name: to.name,
  };
  const subject = t(`workshops.mail.${kind}.subject` as TMessageKey, params);
  const text = [t('workshops.mail.greeting', params), '', t(`workshops.mail.${kind}.body` as TMessageKey, params), '', t('workshops.mail.details', params), '', t('mail.signature')].join('\n');
  const attachments =
    kind === 'cancelled'
      ? [invitationAttachment(config, w, to, 'CANCEL')]
      : to.status === 'confirmed' && kind !== 'unregistered'
        ? [invitationAttachment(config, w, to, 'REQUEST')]
        : kind === 'unregistered'
          ? [invitationAttachment(config, w, to, 'CANCEL')]
          : [];
  await sendMail(db, config, { to: to.email, subject, text, attachments });
}
