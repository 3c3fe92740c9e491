import { publicUrl, type TConfig } from '../../config.js';
import type { DB, Tx } from '../../db/client.js';
import { translator, type TLocale, type TMessageKey } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';
import { invitationAttachment } from './calendar-events.js';
import { formatWhen } from './time-zones.js';
import type { TWorkshopWithOrg } from './repository.js';

export type TWorkshopMailKind =
  | 'confirmed'
  | 'waitlisted'
  | 'promoted'
  | 'unregistered'
  | 'changed'
  | 'cancelled'
  | 'reminder';

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
  note = '',
): Promise<void> {
  const t = translator(to.locale);
  const params = {
    title: w.title,
    organiser: w.organisation_name,
    when: formatWhen(to.locale, w.starts_at, w.time_zone),
    // The meeting link goes to confirmed seats only: never to the waiting list nor after a cancellation.
    where: [
      w.address,
      to.status === 'confirmed' && kind !== 'cancelled' && kind !== 'unregistered' ? w.online_url : null,
    ]
      .filter(Boolean)
      .join(' — '),
    url: `${publicUrl(config)}/workshops/${w.id}`,
    name: to.name,
  };
  const subject = t(`workshops.mail.${kind}.subject` as TMessageKey, params);
  const text = [
    t('workshops.mail.greeting', params),
    '',
    t(`workshops.mail.${kind}.body` as TMessageKey, params),
    ...(note ? ['', t('workshops.mail.note', { note })] : []),
    '',
    t('workshops.mail.details', params),
    '',
    t('mail.signature'),
  ].join('\n');
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

/**
 * Tells a workshop's author (its creator, or the organisation's owners when the creator left) of an
 * administrator's moderation decision, with the reason.
 */
export async function mailAuthorOfModeration(
  db: DB | Tx,
  config: TConfig,
  w: TWorkshopWithOrg,
  decision: 'cancelled',
  reason: string,
  count: number,
): Promise<void> {
  const authors = await db
    .selectFrom('users')
    .select(['email', 'name', 'locale'])
    .where('disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('id', '=', w.created_by),
        eb(
          'id',
          'in',
          eb
            .selectFrom('memberships')
            .select('user_id')
            .where('organisation_id', '=', w.organisation_id)
            .where('role', '=', 'owner'),
        ),
      ]),
    )
    .execute();
  for (const a of authors) {
    const t = translator(a.locale as TLocale);
    const params = {
      title: w.title,
      when: formatWhen(a.locale as TLocale, w.starts_at, w.time_zone),
      reason,
      count,
      name: a.name,
      url: `${publicUrl(config)}/workshops/${w.id}`,
      signature: t('mail.signature'),
    };
    await sendMail(db, config, {
      to: a.email,
      subject: t(`workshops.mail.moderation.${decision}.subject`, params),
      text: t(`workshops.mail.moderation.${decision}.body`, params),
    });
  }
}
