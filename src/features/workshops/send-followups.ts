import { publicUrl, type TConfig } from '../../config.js';
import type { DB } from '../../db/client.js';
import { nowIso } from '../../db/client.js';
import { translator, type TLocale } from '../../i18n/index.js';
import { sendMail } from '../../mail/send-mail.js';
import { endedBy } from './repository.js';
import { formatWhen } from './time-zones.js';

/**
 * How long after a workshop its attendees may still get the follow-up: attendance is recorded by the organiser,
 * sometimes days later; a workshop older than this (say, when the feature is first deployed) is not mailed.
 */
export const followupWindowMs = 30 * 86_400_000;

/**
 * After a workshop ends, mails each attendee (a confirmed registrant the organiser marked present) once: the
 * feedback form, the replay when the organiser posted one, and the attendance certificate. Each registration is
 * claimed by a conditional UPDATE of `followup_sent_at` in the transaction that queues its mail, so two instances
 * never send it twice and a crash leaves either both or neither. Returns how many mails were queued.
 */
export async function sendWorkshopFollowups(db: DB, config: TConfig, now: Date = new Date()): Promise<number> {
  const at = nowIso(now);
  const due = await db
    .selectFrom('workshop_registrations as r')
    .innerJoin('workshops as w', 'w.id', 'r.workshop_id')
    .innerJoin('organisations as o', 'o.id', 'w.organisation_id')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select([
      'r.id',
      'w.id as workshop_id',
      'w.title',
      'w.starts_at',
      'w.time_zone',
      'w.replay_url',
      'o.name as organiser',
      'u.email',
      'u.name',
      'u.locale',
    ])
    .where('w.status', '=', 'published')
    .where('w.starts_at', '>=', new Date(now.getTime() - followupWindowMs).toISOString())
    .where(endedBy(db, 'w', at))
    .where('r.status', '=', 'confirmed')
    .where('r.attended', '=', 1)
    .where('r.followup_sent_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .orderBy('r.id')
    .execute();
  const base = publicUrl(config);
  let sent = 0;
  for (const r of due) {
    const queued = await db.transaction().execute(async (tx) => {
      const claim = await tx
        .updateTable('workshop_registrations')
        .set({ followup_sent_at: at })
        .where('id', '=', r.id)
        .where('followup_sent_at', 'is', null)
        .where('attended', '=', 1)
        .executeTakeFirst();
      if (Number(claim.numUpdatedRows) === 0) return false;
      const locale = r.locale as TLocale;
      const t = translator(locale);
      const page = `${base}/workshops/${r.workshop_id}`;
      const params = {
        name: r.name,
        title: r.title,
        organiser: r.organiser,
        when: formatWhen(locale, r.starts_at, r.time_zone),
        feedback: `${page}#feedback-title`,
        replay: r.replay_url ?? '',
        certificate: `${page}/certificate`,
      };
      const text = [
        t('workshops.mail.greeting', params),
        '',
        t('workshops.followup.body', params),
        '',
        t('workshops.followup.feedback', params),
        ...(r.replay_url ? ['', t('workshops.followup.replay', params)] : []),
        '',
        t('workshops.followup.certificate', params),
        '',
        t('mail.signature'),
      ].join('\n');
      await sendMail(tx, config, { to: r.email, subject: t('workshops.followup.subject', params), text });
      return true;
    });
    if (queued) sent++;
  }
  return sent;
}
